"""Per-file results cached by file content, tool version and the rules run."""

from __future__ import annotations

import contextlib
import hashlib
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from toolkit import __version__
from toolkit.cachedir import cache_dir as cache_dir  # where callers of this module find it
from toolkit.checks.analyse import FileResult, Target
from toolkit.checks.suppress import Suppression
from toolkit.fsutil import write_cache_file
from toolkit.model import Category, Finding, Location, Severity


@lru_cache(maxsize=1)
def _code_digest() -> str:
    """The toolkit's own code as installed (a changed check must not serve an old result)."""
    package = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        stat = path.stat()
        digest.update(f"{path.relative_to(package)}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def key(target: Target, codes: frozenset[str], data: bytes) -> str:
    """What a result depends on: the bytes, the code, the rules and the file's place."""
    digest = hashlib.sha256()
    for part in (
        __version__,
        _code_digest(),
        ",".join(sorted(codes)),
        target.shown,
        target.locale or "",
        target.document or "",
    ):
        digest.update(part.encode("utf-8") + b"\0")
    digest.update(data)
    for resource in (target.glossary, target.campaign):
        if resource is not None:
            digest.update(b"\0resource\0" + resource.read_bytes())
    return digest.hexdigest()


def _resource_marker(folder: Path, kind: str, data: bytes) -> Path:
    digest = hashlib.sha256(f"{__version__}\0{_code_digest()}\0{kind}\0".encode())
    digest.update(data)
    return folder / "readable" / f"{digest.hexdigest()}"


def known_readable(folder: Path, kind: str, data: bytes) -> bool:
    """Whether a glossary or campaign record (``kind``) with these bytes was read without error
    by this version of the toolkit (see ``remember_readable``)."""
    return _resource_marker(folder, kind, data).is_file()


def remember_readable(folder: Path, kind: str, data: bytes) -> None:
    """Keep that these bytes read well: a save with nothing changed need not read them again."""
    with contextlib.suppress(OSError):
        write_cache_file(_resource_marker(folder, kind, data), "")


def load(folder: Path, name: str) -> FileResult | None:
    """A cached result, or None when absent or unreadable."""
    path = folder / name[:2] / f"{name}.json"
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return FileResult(
            shown=raw["shown"],
            entries=raw["entries"],
            findings=[_finding(*row) for row in raw["findings"]],
            suppressions=[
                Suppression(line, tuple(tokens), flag) for line, tokens, flag in raw["suppressions"]
            ],
            unreadable=raw["unreadable"],
            keys=raw["keys"],
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def store(folder: Path, name: str, result: FileResult) -> None:
    """Keep a result; a cache that cannot be written is simply not used.

    Each finding and suppression is a row of its fields in order (``dataclasses.asdict``
    copies every value and names every field: five times the time, for nothing).
    """
    record = {
        "shown": result.shown,
        "entries": result.entries,
        "findings": [_row(finding) for finding in result.findings],
        "suppressions": [[s.line, s.tokens, s.flag] for s in result.suppressions],
        "unreadable": result.unreadable,
        "keys": result.keys,
    }
    with contextlib.suppress(OSError):
        write_cache_file(folder / name[:2] / f"{name}.json", json.dumps(record, ensure_ascii=False))


def _row(finding: Finding) -> list[object]:
    location, source = finding.location, finding.source
    return [
        finding.code,
        finding.name,
        finding.category.value,
        finding.severity.value,
        finding.message,
        [location.path, location.line],
        finding.document,
        finding.locale,
        finding.msgctxt,
        finding.msgid,
        finding.msgstr,
        None if source is None else [source.path, source.line],
    ]


def _finding(
    code: str,
    name: str,
    category: str,
    severity: str,
    message: str,
    location: list[Any],
    document: str | None,
    locale: str | None,
    msgctxt: str | None,
    msgid: str | None,
    msgstr: str | None,
    source: list[Any] | None,
) -> Finding:
    return Finding(
        code,
        name,
        Category(category),
        Severity(severity),
        message,
        Location(*location),
        document,
        locale,
        msgctxt,
        msgid,
        msgstr,
        None if source is None else Location(*source),
    )
