"""Merges a new template into a catalogue without ever losing a translation."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from pathlib import Path

import polib
from babel.core import Locale, UnknownLocaleError

from toolkit.catalog.fuzzy import FuzzyIndex
from toolkit.catalog.reader import BLANK_COMMENT, Catalogue, read_catalog, read_existing
from toolkit.catalog.writer import format_catalog
from toolkit.errors import InputError
from toolkit.fsutil import write_if_changed

Key = tuple[str | None, str]


class Step(enum.Enum):
    """How a template entry found its translation, in the order the steps are tried."""

    EXACT = 1  # same (msgctxt, msgid) among the active entries
    WHITESPACE = 2  # same msgid once runs of whitespace are collapsed
    REVIVED = 3  # an obsolete #~ entry with the same key (exact, then whitespace)
    PREVIOUS = 4  # a fuzzy entry whose #| msgid is this msgid (an edit was undone)
    FUZZY = 5  # the most similar translated entry, marked fuzzy


@dataclass(frozen=True, slots=True)
class Match:
    """The old entry a template entry takes its translation from, and how it was found."""

    source: polib.POEntry
    step: Step


def merge_catalog(
    template: polib.POFile,
    old: polib.POFile | None,
    *,
    language: str,
    plural_forms: str,
    fuzzy: bool = True,
) -> polib.POFile:
    """The catalogue for ``template``, with the translations of ``old`` carried over.

    Result entries follow the template's order, then the obsolete ``#~`` entries. No
    translation of ``old`` disappears: each one is either in an active entry or kept as an
    obsolete entry. Merging the same template into the result again changes nothing.
    """
    nplurals = parse_nplurals(plural_forms)
    index = _OldIndex(old, fuzzy=fuzzy)
    result = Catalogue()
    merge_header(result, template, old, language=language, plural_forms=plural_forms)
    consumed: set[int] = set()
    active: set[Key] = set()
    for tmpl in template:
        key = (tmpl.msgctxt, tmpl.msgid)
        if tmpl.obsolete or key in active:
            continue
        active.add(key)
        match = index.find(tmpl)
        if match is not None and _consumes(match):
            consumed.add(id(match.source))
        result.append(build_entry(tmpl, match, nplurals))
    if old is not None:
        for entry in obsolete_entries(old, consumed, active):
            result.append(entry)
    return result


def update_file(
    template_path: Path,
    po_path: Path,
    *,
    language: str,
    plural_forms: str,
    fuzzy: bool = True,
    width: int = 79,
) -> bool:
    """Create or update ``po_path`` from ``template_path``; True when the file was written.

    As ``msgmerge --update``, a catalogue whose only change would be the template's
    ``POT-Creation-Date`` is left alone. A catalogue saved by someone else while this ran is
    not overwritten (``ChangedOnDisk``).
    """
    template = read_catalog(template_path)
    old, snapshot = read_existing(po_path) or (None, None)
    merged = merge_catalog(template, old, language=language, plural_forms=plural_forms, fuzzy=fuzzy)
    text = format_catalog(merged, width=width)
    if old is not None:
        before = old.metadata.get("POT-Creation-Date")
        after = merged.metadata.get("POT-Creation-Date")
        if before is not None and after is not None and before != after:
            field = '"POT-Creation-Date: {}\\n"'
            unchanged = text.replace(field.format(after), field.format(before), 1)
            try:
                if po_path.read_text(encoding="utf-8") == unchanged:
                    return False
            except (OSError, UnicodeError):
                pass
    return write_if_changed(po_path, text, expected=snapshot)


def parse_nplurals(plural_forms: str) -> int:
    """The ``nplurals`` of a Plural-Forms value (``nplurals=1; plural=0;`` gives 1)."""
    found = re.search(r"nplurals\s*=\s*(\d+)", plural_forms)
    if found is None or int(found.group(1)) < 1:
        raise InputError(None, None, f"Plural-Forms {plural_forms!r} has no valid nplurals")
    return int(found.group(1))


def normalise_space(text: str) -> str:
    """``text`` with runs of whitespace collapsed to one space and the ends stripped.

    A leading or trailing newline is kept, since msgfmt requires msgid and msgstr to agree
    on them.
    """
    lead = "\n" if text.startswith("\n") else ""
    trail = "\n" if text.endswith("\n") and text.strip() else ""
    return lead + " ".join(text.split()) + trail


def is_translated(entry: polib.POEntry) -> bool:
    """True when the entry has any non-empty translation (singular or any plural form)."""
    return bool(entry.msgstr) or any(entry.msgstr_plural.values())


def _consumes(match: Match) -> bool:
    """Whether the source's translation now lives only in the new entry.

    A confirmed (non-fuzzy) entry used as a fuzzy source is not consumed: it stays as an
    obsolete entry, the only record that its translation was confirmed for its msgid, so that
    undoing the edit revives it non-fuzzy (step 3). A fuzzy source is consumed: the new entry
    holds the same unconfirmed translation.
    """
    return match.step is not Step.FUZZY or match.source.fuzzy


class _OldIndex:
    """The old catalogue's entries, indexed for steps 1 to 5."""

    def __init__(self, old: polib.POFile | None, *, fuzzy: bool) -> None:
        self.active: dict[Key, polib.POEntry] = {}
        self.obsolete: dict[Key, polib.POEntry] = {}
        self.previous: dict[Key, polib.POEntry] = {}
        self.translated: list[polib.POEntry] = []
        self._fuzzy = fuzzy
        self._ws: tuple[dict[Key, polib.POEntry], dict[Key, polib.POEntry]] | None = None
        self._fuzzy_index: FuzzyIndex | None = None
        obsolete_translated: list[polib.POEntry] = []
        for entry in old if old is not None else ():
            key = (entry.msgctxt, entry.msgid)
            if entry.obsolete:
                if is_translated(entry):
                    obsolete_translated.append(entry)
                    _prefer(self.obsolete, key, entry)
            else:
                self.active.setdefault(key, entry)
                if is_translated(entry):
                    self.translated.append(entry)
        self.translated.extend(obsolete_translated)  # active entries win ties
        for entry in self.translated:
            if entry.fuzzy and entry.previous_msgid is not None:
                self.previous.setdefault((entry.previous_msgctxt, entry.previous_msgid), entry)

    def find(self, tmpl: polib.POEntry) -> Match | None:
        """The old entry ``tmpl`` takes its translation from (steps 1 to 5), or None."""
        key = (tmpl.msgctxt, tmpl.msgid)
        exact = self.active.get(key)
        if exact is not None and (is_translated(exact) or key not in self.obsolete):
            return Match(exact, Step.EXACT)
        ws_key = (tmpl.msgctxt, normalise_space(tmpl.msgid))
        active_ws, obsolete_ws = self._whitespace_index()
        for source, step in (
            (active_ws.get(ws_key), Step.WHITESPACE),
            (self.obsolete.get(key), Step.REVIVED),
            (obsolete_ws.get(ws_key), Step.REVIVED),
            (self.previous.get(key), Step.PREVIOUS),
        ):
            if source is not None:
                return Match(source, step)
        if self._fuzzy and self.translated:
            if self._fuzzy_index is None:
                self._fuzzy_index = FuzzyIndex(self.translated)
            similar = self._fuzzy_index.best(tmpl.msgctxt, tmpl.msgid)
            if similar is not None:
                return Match(similar, Step.FUZZY)
        return None if exact is None else Match(exact, Step.EXACT)

    def _whitespace_index(self) -> tuple[dict[Key, polib.POEntry], dict[Key, polib.POEntry]]:
        # Built on first need: most template entries are found by step 1.
        if self._ws is None:
            active: dict[Key, polib.POEntry] = {}
            obsolete: dict[Key, polib.POEntry] = {}
            for entry in self.translated:
                ws_key = (entry.msgctxt, normalise_space(entry.msgid))
                _prefer(obsolete if entry.obsolete else active, ws_key, entry)
            self._ws = (active, obsolete)
        return self._ws


def _prefer(index: dict[Key, polib.POEntry], key: Key, entry: polib.POEntry) -> None:
    """Index ``entry`` under ``key`` unless a confirmed entry is there already."""
    there = index.get(key)
    if there is None or (there.fuzzy and not entry.fuzzy):
        index[key] = entry


def build_entry(tmpl: polib.POEntry, match: Match | None, nplurals: int) -> polib.POEntry:
    """The result entry for template entry ``tmpl`` with the translation ``match`` found."""
    entry = polib.POEntry(
        msgid=tmpl.msgid,
        msgctxt=tmpl.msgctxt,
        msgid_plural=tmpl.msgid_plural,
        comment=tmpl.comment,
        occurrences=list(tmpl.occurrences),
        flags=[flag for flag in tmpl.flags if flag != "fuzzy"],
    )
    if match is None:
        _set_forms(entry, [""], nplurals)
        return entry
    source = match.source
    _copy_comment(source, entry)
    entry.flags += [f for f in source.flags if _translator_flag(f) and f not in entry.flags]
    reshaped = _set_forms(entry, _forms(source), nplurals)
    if not is_translated(entry):
        return entry
    # Fuzzy when the source was, when it is a fuzzy match, or when the translator must look
    # again anyway (msgfmt --check must still pass on what we write).
    if (
        source.fuzzy
        or match.step is Step.FUZZY
        or reshaped
        or _plural_changed(tmpl, match)
        or _new_format(tmpl, source)
    ):
        entry.flags.insert(0, "fuzzy")
        # #| holds the msgid the translation was last confirmed for, as msgmerge --previous.
        if source.fuzzy and (source.previous_msgid is not None or match.step is not Step.FUZZY):
            entry.previous_msgctxt = source.previous_msgctxt
            entry.previous_msgid = source.previous_msgid
            entry.previous_msgid_plural = source.previous_msgid_plural
        else:
            entry.previous_msgctxt, entry.previous_msgid = source.msgctxt, source.msgid
            entry.previous_msgid_plural = source.msgid_plural or None
    return entry


def _translator_flag(flag: str) -> bool:
    """Flags a translator may add (``ignore-*``, ``no-wrap``) and the template cannot know."""
    return flag != "fuzzy" and not flag.endswith("-format") and not flag.startswith("range:")


def _forms(entry: polib.POEntry) -> list[str]:
    if not entry.msgid_plural and not entry.msgstr_plural:
        return [entry.msgstr]
    count = max(entry.msgstr_plural, default=-1) + 1
    return [entry.msgstr_plural.get(i, "") for i in range(count)] or [""]


def _set_forms(entry: polib.POEntry, forms: list[str], nplurals: int) -> bool:
    """Put ``forms`` into ``entry``; True when the translation had to change shape.

    Plural entries get exactly nplurals forms, padded with empty strings; a non-empty form
    beyond nplurals is kept (msgfmt accepts it on a fuzzy entry) rather than dropped. A
    singular entry made from a plural translation keeps its other forms in a translator
    comment.
    """
    if entry.msgid_plural:
        extra = forms[nplurals:]
        while extra and not extra[-1]:
            extra.pop()
        padded = forms[:nplurals] + [""] * (nplurals - len(forms)) + extra
        entry.msgstr_plural = dict(enumerate(padded))
        return bool(extra)
    entry.msgstr = forms[0]
    for i, form in enumerate(forms[1:], start=1):
        note = f"msgstr[{i}] before the plural was removed: {form}"
        if form and form != forms[0] and note not in entry.tcomment:
            entry.tcomment = f"{entry.tcomment}\n{note}" if entry.tcomment else note
    return len(forms) > 1 and any(forms)


def _plural_changed(tmpl: polib.POEntry, match: Match) -> bool:
    """msgmerge marks an entry fuzzy when its msgid_plural changed, or appeared or went."""
    old = match.source.msgid_plural
    if match.step is Step.WHITESPACE:
        return normalise_space(old) != normalise_space(tmpl.msgid_plural)
    return bool(old != tmpl.msgid_plural)


def _new_format(tmpl: polib.POEntry, source: polib.POEntry) -> bool:
    """The template now declares a format (``c-format``...) the translation was not made for.

    msgmerge first checks whether the translation passes ``msgfmt -c`` anyway; we mark it
    fuzzy in every case, which is never wrong and needs no format parser.
    """
    return any(
        flag.endswith("-format") and not flag.startswith("no-") and flag not in source.flags
        for flag in tmpl.flags
    )


def obsolete_entries(
    old: polib.POFile, consumed: set[int], active: set[Key]
) -> list[polib.POEntry]:
    """The ``#~`` entries: every translated old entry whose translation is not carried over.

    In old-file order, as msgmerge. Untranslated entries are dropped, as msgmerge does: they
    hold no translation. A key already active is skipped, since GNU tools reject a catalogue
    where an obsolete entry repeats an active one.
    """
    result: list[polib.POEntry] = []
    seen = set(active)
    for entry in old:
        key = (entry.msgctxt, entry.msgid)
        if id(entry) in consumed or key in seen or not is_translated(entry):
            continue
        seen.add(key)
        kept = polib.POEntry(
            msgid=entry.msgid,
            msgctxt=entry.msgctxt,
            msgid_plural=entry.msgid_plural,
            msgstr=entry.msgstr,
            msgstr_plural=dict(entry.msgstr_plural),
            flags=list(entry.flags),
            previous_msgctxt=entry.previous_msgctxt if entry.fuzzy else None,
            previous_msgid=entry.previous_msgid if entry.fuzzy else None,
            previous_msgid_plural=entry.previous_msgid_plural if entry.fuzzy else None,
            obsolete=True,
        )
        _copy_comment(entry, kept)
        result.append(kept)
    return result


def _copy_comment(source: polib.POEntry, entry: polib.POEntry) -> None:
    """Give ``entry`` the translator comment of ``source``, a lone empty ``#`` line included."""
    entry.tcomment = source.tcomment
    if getattr(source, BLANK_COMMENT, False):
        setattr(entry, BLANK_COMMENT, True)


# msgmerge's and msginit's order of the standard header fields.
HEADER_ORDER = (
    "Project-Id-Version", "Report-Msgid-Bugs-To", "POT-Creation-Date", "PO-Revision-Date",
    "Last-Translator", "Language-Team", "Language", "MIME-Version", "Content-Type",
    "Content-Transfer-Encoding", "Plural-Forms"
)  # fmt: skip
# xgettext's placeholders, which msginit --no-translator replaces by these values.
_PLACEHOLDERS = {
    "Last-Translator": ("FULL NAME <EMAIL@ADDRESS>", "Automatically generated"),
    "Language-Team": ("LANGUAGE <LL@li.org>", "none"),
}


def merge_header(
    result: Catalogue,
    template: polib.POFile,
    old: polib.POFile | None,
    *,
    language: str,
    plural_forms: str,
) -> None:
    """Set the header of ``result``: old's (or msginit's for a new one), updated from the template.

    ``Language`` is set exactly as given: nothing turns ``zh_Hans`` into ``zh_Hans_CN``.
    """
    fixed = {
        "Language": language,
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": plural_forms,
    }
    if old is None:
        meta = _new_metadata(template.metadata)
        result.header = _new_comment(template, language)
        result.metadata_is_fuzzy = False
    else:
        meta = dict(old.metadata)
        result.header = old.header
        if isinstance(old, Catalogue):  # written as read when its metadata ends up unchanged
            result.source_header = old.source_header
            result.source_metadata = old.source_metadata
        result.metadata_is_fuzzy = old.metadata_is_fuzzy
        for name in ("Report-Msgid-Bugs-To", "POT-Creation-Date"):  # msgmerge takes these
            if name in template.metadata:
                fixed[name] = template.metadata[name]
        project = template.metadata.get("Project-Id-Version")
        if project is not None and "project-id-version" not in {n.lower() for n in meta}:
            fixed["Project-Id-Version"] = project
    for name, value in fixed.items():
        _set_field(meta, name, value)
    result.metadata = meta


def _new_metadata(template: dict[str, str]) -> dict[str, str]:
    """A new catalogue's metadata, as msginit --no-translator makes it, in msginit's order."""
    meta = dict(template)
    for name, (placeholder, value) in _PLACEHOLDERS.items():
        if meta.get(name, placeholder) == placeholder:
            meta[name] = value
    created = meta.get("POT-Creation-Date")
    if created and meta.get("PO-Revision-Date", "YEAR-MO-DA HO:MI+ZONE").startswith("YEAR"):
        meta["PO-Revision-Date"] = created  # msginit's choice: deterministic, unlike "now"
    meta.setdefault("MIME-Version", "1.0")
    standard = {name: meta.pop(name) for name in HEADER_ORDER if name in meta}
    return standard | meta


def _new_comment(template: polib.POFile, language: str) -> str:
    """msginit's header comment: xgettext's placeholders filled in, or its four lines."""
    project = template.metadata.get("Project-Id-Version", "").split()
    package = project[0] if project else "PACKAGE"
    created = template.metadata.get("POT-Creation-Date", "")
    year = created[:4] if created[:4].isdigit() else "YEAR"
    try:
        name = str(Locale.parse(language).english_name)
    except (ValueError, TypeError, UnknownLocaleError):
        name = language
    text = template.header
    if not text.startswith("SOME DESCRIPTIVE TITLE"):
        text = (
            "SOME DESCRIPTIVE TITLE.\n"
            "Copyright (C) YEAR THE PACKAGE'S COPYRIGHT HOLDER\n"
            "This file is distributed under the same license as the PACKAGE package.\n"
            "FIRST AUTHOR <EMAIL@ADDRESS>, YEAR.\n"
        )
    text = text.replace("SOME DESCRIPTIVE TITLE.", f"{name} translations for PACKAGE package.")
    text = text.replace("FIRST AUTHOR <EMAIL@ADDRESS>, YEAR.", "Automatically generated, YEAR.")
    return text.replace("PACKAGE", package).replace("YEAR", year)


def _set_field(meta: dict[str, str], name: str, value: str) -> None:
    """Set a header field in place; a missing one goes after the standard fields before it."""
    for there in meta:
        if there.lower() == name.lower():
            meta[there] = value
            return
    earlier = {n.lower() for n in HEADER_ORDER[: HEADER_ORDER.index(name)]}
    items = list(meta.items())
    at = max((i + 1 for i, (key, _) in enumerate(items) if key.lower() in earlier), default=0)
    items.insert(at, (name, value))
    meta.clear()
    meta.update(items)
