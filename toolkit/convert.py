"""``advocacy convert``: a catalogue of one Chinese script filled from the other with OpenCC."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import opencc
import polib

from toolkit.catalog.merge import merge_catalog
from toolkit.catalog.reader import read_catalog, read_existing
from toolkit.catalog.writer import format_catalog
from toolkit.errors import InputError
from toolkit.extract import SOURCE_LANGUAGE_HEADER
from toolkit.fsutil import ChangedOnDisk, write_if_changed
from toolkit.glossary import Entry, Glossary, load_glossary
from toolkit.glossary.conversions import TRADITIONAL_CONFIGS
from toolkit.glossary.conversions import convert as convert_form
from toolkit.glossary.model import has_cjk
from toolkit.locales import check_name, parse_locale, plural_forms, same_language, script_of
from toolkit.workspace import Workspace

# OpenCC configuration per target: Taiwan's phrasing (s2twp: 软件 -> 軟體) for plain Traditional,
# Hong Kong's characters for Hong Kong and Macau; Taiwan's or plain Simplified back.
_TO_TRADITIONAL = {"TW": "s2twp", "HK": "s2hk", "MO": "s2hk", None: "s2twp"}
_TO_SIMPLIFIED = {"TW": "tw2sp", "HK": "hk2s", "MO": "hk2s", None: "t2s"}
_MARK = re.compile(r"^advocacy: converted from (\S+) by OpenCC \((\S+)\) \[([0-9a-f]{12})\]$", re.M)

_PREVIOUS = "advocacy: reviewed translation before the source changed: "
# Phrases OpenCC must not convert on its own, with the form to write instead: the glossary's
# forms in the target script (OpenCC's Taiwan phrasing writes 高階 for 高級, 宣告 for 聲明).
Overrides = Mapping[str, str]
# The character-level conversion each OpenCC configuration writes a region's characters with
# (Hong Kong's 衞, Taiwan's 為): what a glossary form derived by OpenCC becomes there. The
# phrase-level s2twp is left out on purpose: its Taiwan phrasing is what names need protecting
# from (高階 for 高級, 程式 for 程序).
_CHARACTERS = {"s2hk": "s2hk", "s2t": "s2t", "s2tw": "s2tw", "s2twp": "s2tw"}


@dataclass(frozen=True)
class Converted:
    """What one conversion did to one catalogue."""

    document: str
    path: Path
    converted: int  # entries filled or refreshed (now fuzzy, awaiting review)
    kept: int  # reviewed entries left alone
    written: bool
    conflict: bool = False  # saved by someone else while converting: left as they saved it


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


def glossary_overrides(
    glossary: Glossary, source: str, target: str, config: str | None = None
) -> dict[str, str]:
    """Each Chinese form of the glossary in ``source``'s script, with the entry's form in
    ``target``'s: what ``convert_text`` writes instead of OpenCC's conversion.

    To Traditional, a form maps to the entry's first Traditional form that is a character
    conversion of it (the glossary lists the canonical form first: 台灣人權促進會, not OpenCC's
    臺灣); a Traditional form the glossary derived is the character conversion of ``config``'s
    region (the OpenCC configuration used, by default the target's).
    To Simplified, a form maps to the entry's Simplified form OpenCC gives character by
    character (t2s), else to the one in the same place of the list.
    """
    scripts = (script_of(source), script_of(target))
    if scripts not in (("Hans", "Hant"), ("Hant", "Hans")):
        return {}
    overrides: dict[str, str] = {}
    for entry in glossary.entries:
        if "zh_Hans" not in entry.forms or "zh_Hant" not in entry.forms:
            continue
        if scripts == ("Hans", "Hant"):
            characters = _CHARACTERS.get(config or opencc_config(source, target), "s2t")
            pairs = _to_traditional(entry, characters)
        else:
            pairs = _to_simplified(entry)
        for form, wanted in pairs:
            if has_cjk(form):
                overrides.setdefault(form, wanted)
    return overrides


def _to_traditional(entry: Entry, characters: str) -> list[tuple[str, str]]:
    simplified, traditional = entry.forms["zh_Hans"], entry.forms["zh_Hant"]
    if "zh_Hant" in entry.derived:
        return [(form, convert_form(characters, form)) for form in simplified]
    pairs = []
    for index, form in enumerate(simplified):
        conversions = {convert_form(config, form) for config in TRADITIONAL_CONFIGS}
        listed = [other for other in traditional if other in conversions]
        # A form given by hand (hant_override): the one in the same place, else the canonical.
        fallback = traditional[index] if index < len(traditional) else traditional[0]
        pairs.append((form, listed[0] if listed else fallback))
    return pairs


def _to_simplified(entry: Entry) -> list[tuple[str, str]]:
    simplified, traditional = entry.forms["zh_Hans"], entry.forms["zh_Hant"]
    pairs = []
    for index, form in enumerate(traditional):
        plain = convert_form("t2s", form)
        fallback = simplified[index] if index < len(simplified) else simplified[0]
        pairs.append((form, plain if plain in simplified else fallback))
    return pairs


@lru_cache(maxsize=8)
def _phrases(keys: tuple[str, ...]) -> re.Pattern[str]:
    """One regex for the override phrases, longest first (广州市第一看守所 before 广州)."""
    return re.compile("|".join(re.escape(p) for p in sorted(keys, key=len, reverse=True)))


def convert_text(text: str, config: str, overrides: Overrides) -> str:
    """OpenCC's conversion, with each glossary phrase given its listed form instead."""
    convert = _converter(config)
    if not overrides:
        return convert(text)
    pattern = _phrases(tuple(sorted(overrides)))
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
    glossary: Glossary | None = None,
) -> list[Converted]:
    """Fill every document's ``target_locale`` catalogue from its ``source_locale`` one.

    A document written in ``source_locale`` (a Simplified source converted to Traditional) has
    no catalogue in it: its source text itself is converted. The glossary's forms (the
    workspace's, unless one is given) are written over OpenCC's (``glossary_overrides``), and
    ``overrides`` over both. A missing target catalogue is created from the template first.
    Every catalogue is read and converted before any is written, and a target catalogue is
    replaced only if it still holds what was read from it (else ``conflict`` is set).
    """
    settings = workspace.settings
    for name in (source_locale, target_locale):
        try:
            check_name(name)  # it names a folder: never "zh_Hant./../../elsewhere"
        except ValueError as error:
            raise InputError(None, None, f"convert: {error}") from None
    config = opencc_config(source_locale, target_locale, configured)
    if glossary is None and settings.glossary.is_file():
        glossary = load_glossary(settings.glossary)
    phrases = glossary_overrides(glossary, source_locale, target_locale, config) if glossary else {}
    phrases.update(overrides or {})
    planned: list[tuple[Converted, str, bytes | None]] = []
    for template_path in workspace.templates():
        document = template_path.stem
        template = read_catalog(template_path)
        written_in = template.metadata.get(SOURCE_LANGUAGE_HEADER) or "en"
        if same_language(written_in, target_locale):
            continue  # the document's own language: it has no catalogue to fill
        if same_language(written_in, source_locale):
            origin = _source_as_translation(template)
        else:
            source_path = settings.catalogue_path(document, source_locale)
            if not source_path.exists():
                continue
            origin = read_catalog(source_path)
        target_path = settings.catalogue_path(document, target_locale)
        target, snapshot = read_existing(target_path) or (
            merge_catalog(
                template, None, language=target_locale, plural_forms=plural_forms(target_locale)
            ),
            None,
        )
        done, kept = convert_catalogue(origin, target, source_locale, config, phrases)
        planned.append(
            (
                Converted(document, target_path, done, kept, False),
                format_catalog(target, width=settings.wrap),
                snapshot,
            )
        )
    return [_write(item, text, snapshot) for item, text, snapshot in planned]


def _write(item: Converted, text: str, snapshot: bytes | None) -> Converted:
    try:
        written = write_if_changed(item.path, text, expected=snapshot)
    except ChangedOnDisk:
        return replace(item, conflict=True)
    return replace(item, written=written)


def _source_as_translation(template: polib.POFile) -> polib.POFile:
    """A template whose source text is in the script converted from, as a catalogue whose
    translations are the source text itself (each msgid its own msgstr)."""
    catalogue = polib.POFile()
    for entry in template:
        if not entry.obsolete:
            catalogue.append(
                polib.POEntry(msgctxt=entry.msgctxt, msgid=entry.msgid, msgstr=entry.msgid)
            )
    return catalogue
