"""``advocacy convert``: a catalogue of one Chinese script filled from the other with OpenCC."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import opencc
import polib

from toolkit.catalog.merge import merge_catalog
from toolkit.catalog.reader import read_catalog
from toolkit.catalog.writer import format_catalog
from toolkit.errors import InputError
from toolkit.fsutil import write_if_changed
from toolkit.locales import parse_locale, plural_forms, script_of
from toolkit.workspace import Workspace

# OpenCC configuration per target: Taiwan's phrasing (s2twp: 软件 -> 軟體) for plain Traditional,
# Hong Kong's characters for Hong Kong and Macau; Taiwan's or plain Simplified back.
_TO_TRADITIONAL = {"TW": "s2twp", "HK": "s2hk", "MO": "s2hk", None: "s2twp"}
_TO_SIMPLIFIED = {"TW": "tw2sp", "HK": "hk2s", "MO": "hk2s", None: "t2s"}
_MARK = re.compile(r"^advocacy: converted from (\S+) by OpenCC \((\S+)\) \[([0-9a-f]{12})\]$", re.M)

_PREVIOUS = "advocacy: reviewed translation before the source changed: "
# A phrase that must not be converted character by character: the glossary's own forms.
Overrides = Mapping[str, str]


@dataclass(frozen=True)
class Converted:
    """What one conversion did to one catalogue."""

    document: str
    path: Path
    converted: int  # entries filled or refreshed (now fuzzy, awaiting review)
    kept: int  # reviewed entries left alone
    written: bool


def opencc_config(source: str, target: str, configured: str | None = None) -> str:
    """The OpenCC configuration that turns ``source``'s script into ``target``'s."""
    if configured:
        return configured
    scripts = (script_of(source), script_of(target))
    territory = parse_locale(target).territory
    if scripts == ("Hans", "Hant"):
        return _TO_TRADITIONAL.get(territory, "s2twp")
    if scripts == ("Hant", "Hans"):
        return _TO_SIMPLIFIED.get(parse_locale(source).territory, "t2s")
    raise InputError(None, None, f"convert: {source} to {target} is not a change of Chinese script")


@lru_cache(maxsize=8)
def _converter(config: str) -> Callable[[str], str]:
    return opencc.OpenCC(config).convert


def convert_text(text: str, config: str, overrides: Overrides) -> str:
    """OpenCC's conversion, with each glossary phrase given its listed form instead."""
    convert = _converter(config)
    if not overrides:
        return convert(text)
    pattern = re.compile("|".join(re.escape(p) for p in sorted(overrides, key=len, reverse=True)))
    pieces, position = [], 0
    for match in pattern.finditer(text):
        pieces.append(convert(text[position : match.start()]))
        pieces.append(overrides[match.group()])
        position = match.end()
    pieces.append(convert(text[position:]))
    return "".join(pieces)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def convert_catalogue(
    source: polib.POFile,
    target: polib.POFile,
    source_locale: str,
    config: str,
    overrides: Overrides,
) -> tuple[int, int]:
    """Fill ``target`` from ``source`` in place; returns (converted, kept).

    A converted entry is marked fuzzy with a comment naming its origin and a digest of the text
    it came from. A reviewed entry (not fuzzy) is refreshed only when it came from a conversion
    whose source text has since changed; one written by a translator is never touched.
    """
    originals = {
        (entry.msgctxt, entry.msgid): entry
        for entry in source
        if not entry.obsolete and entry.translated()
    }
    converted = kept = 0
    for entry in target:
        origin = originals.get((entry.msgctxt, entry.msgid))
        if entry.obsolete or origin is None:
            continue
        mark = _MARK.search(entry.tcomment or "")
        previous = None
        if entry.translated() and not entry.fuzzy:
            if mark is None or mark.group(3) == _digest(origin.msgstr):
                kept += 1
                continue
            previous = entry.msgstr  # reviewed, but its source changed: kept in a comment
        elif mark is not None and entry.fuzzy and mark.group(3) == _digest(origin.msgstr):
            continue  # converted from this very text already: nothing new to say
        _fill(entry, origin, source_locale, config, overrides, previous)
        converted += 1
    return converted, kept


def _fill(
    entry: polib.POEntry,
    origin: polib.POEntry,
    source_locale: str,
    config: str,
    overrides: Overrides,
    previous: str | None,
) -> None:
    entry.msgstr = convert_text(origin.msgstr, config, overrides)
    if origin.msgstr_plural:
        entry.msgstr_plural = {
            index: convert_text(text, config, overrides)
            for index, text in origin.msgstr_plural.items()
        }
    if "fuzzy" not in entry.flags:
        entry.flags.insert(0, "fuzzy")
    note = (
        f"advocacy: converted from {source_locale} by OpenCC ({config}) [{_digest(origin.msgstr)}]"
    )
    lines = [
        line
        for line in (entry.tcomment or "").splitlines()
        if not _MARK.match(line) and not line.startswith(_PREVIOUS)
    ]
    if previous is not None:
        lines.append(_PREVIOUS + previous.replace("\n", "\\n"))
    entry.tcomment = "\n".join([*lines, note])


def convert(
    workspace: Workspace,
    source_locale: str,
    target_locale: str,
    *,
    overrides: Overrides | None = None,
    configured: str | None = None,
) -> list[Converted]:
    """Fill every document's ``target_locale`` catalogue from its ``source_locale`` one.

    A missing target catalogue is created from the template first. Every catalogue is read and
    converted before any is written.
    """
    settings = workspace.settings
    config = opencc_config(source_locale, target_locale, configured)
    planned: list[tuple[Converted, str]] = []
    for template_path in workspace.templates():
        document = template_path.stem
        source_path = settings.catalogue_path(document, source_locale)
        if not source_path.exists():
            continue
        target_path = settings.catalogue_path(document, target_locale)
        target = (
            read_catalog(target_path)
            if target_path.exists()
            else merge_catalog(
                read_catalog(template_path),
                None,
                language=target_locale,
                plural_forms=plural_forms(target_locale),
            )
        )
        done, kept = convert_catalogue(
            read_catalog(source_path), target, source_locale, config, overrides or {}
        )
        planned.append(
            (
                Converted(document, target_path, done, kept, False),
                format_catalog(target, width=settings.wrap),
            )
        )
    return [
        Converted(
            item.document, item.path, item.converted, item.kept, write_if_changed(item.path, text)
        )
        for item, text in planned
    ]
