"""OpenCC's conversions of glossary forms, remembered between runs in the cache directory.

Loading OpenCC's dictionaries for the Traditional standards a glossary derives its forms in
costs several times the rest of reading a glossary, and every ``advocacy check FILE.po`` an
editor runs on save would pay it again for the same few forms. What OpenCC gives depends on
its version only (its dictionaries come with it), so the conversions are kept in one small
JSON file per version; a file that cannot be read or written is simply not used.
"""

from __future__ import annotations

import contextlib
import json
from functools import cache
from pathlib import Path

import opencc

from toolkit.cachedir import cache_dir
from toolkit.fsutil import write_if_changed


class Conversions:
    """OpenCC's conversions: those of earlier runs read once, new ones kept until ``save``."""

    def __init__(self, path: Path | None) -> None:
        self._path = path
        self._known = _read(path) if path else {}
        self._new = False

    def convert(self, config: str, text: str) -> str:
        """``text`` through one of OpenCC's configurations (``s2t``, ``t2s``...)."""
        known = self._known.setdefault(config, {})
        found = known.get(text)
        if found is None:
            found = known[text] = convert(config, text)
            self._new = True
        return found

    def save(self) -> None:
        """Keep the conversions made since the last save for later runs."""
        if self._new and self._path is not None:
            with contextlib.suppress(OSError):
                write_if_changed(
                    self._path, json.dumps(self._known, ensure_ascii=False, sort_keys=True)
                )
            self._new = False


@cache
def remembered() -> Conversions:
    """The conversions of this process, starting from those earlier runs kept."""
    version, folder = getattr(opencc, "__version__", None), cache_dir()
    kept = folder / "glossary" / f"opencc-{version}.json" if version and folder else None
    return Conversions(kept)


def convert(config: str, text: str) -> str:
    """``text`` through one of OpenCC's configurations (``s2t``, ``t2s``...)."""
    return str(_converter(config).convert(text))


@cache
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def _read(path: Path) -> dict[str, dict[str, str]]:
    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {
        config: dict(table)
        for config, table in data.items()
        if isinstance(table, dict)
        and all(isinstance(text, str) and isinstance(found, str) for text, found in table.items())
    }
