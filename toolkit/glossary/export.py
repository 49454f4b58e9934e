"""The glossary for other tools: TBX-Basic for CAT tools, CSV for spreadsheets."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from collections.abc import Iterator

from toolkit.glossary.conversions import convert
from toolkit.glossary.index import Glossary
from toolkit.glossary.model import Entry, has_cjk
from toolkit.locales import bcp47, script_of

FORMATS = ("tbx", "csv")
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# TBX-Basic's administrative statuses: the canonical form, an accepted variant, a forbidden form.
PREFERRED = "preferredTerm-admn-sts"
ADMITTED = "admittedTerm-admn-sts"
DEPRECATED = "deprecatedTerm-admn-sts"
# TBX-Basic's parts of speech: names of one person, body or place are proper nouns.
_PROPER = ("person", "organisation", "place", "court")
VARIANT_SEPARATOR = " | "
_LOCALE_ORDER = ("en", "zh_Hans", "zh_Hant")


def locales_of(glossary: Glossary) -> list[str]:
    """The locales the glossary has forms for: en, zh_Hans, zh_Hant first, the others sorted."""
    found = {locale for entry in glossary.entries for locale in entry.forms}
    first = [locale for locale in _LOCALE_ORDER if locale in found]
    return first + sorted(found - set(first))


def to_tbx(glossary: Glossary, title: str = "Glossary") -> str:
    """TBX-Basic (TBX v2, ISO 30042 ``martif``): one ``termEntry`` per entry.

    Each locale's forms are ``tig``s of a ``langSet``: the canonical form a preferred term,
    variants admitted terms, forbidden forms deprecated terms (in the langSets of their script).
    The kind is the entry's subject field; status and source are notes. An unverified entry's
    forms are admitted, never preferred, and say so.
    """
    martif = ET.Element("martif", {"type": "TBX-Basic", _XML_LANG: "en"})
    header = ET.SubElement(martif, "martifHeader")
    description = ET.SubElement(header, "fileDesc")
    ET.SubElement(ET.SubElement(description, "titleStmt"), "title").text = title
    source = ET.SubElement(ET.SubElement(description, "sourceDesc"), "p")
    source.text = f"Exported by advocacy-toolkit from {glossary.path.name}"
    encoding = ET.SubElement(header, "encodingDesc")
    ET.SubElement(encoding, "p", {"type": "XCSURI"}).text = "TBXBasicXCSV02.xcs"
    body = ET.SubElement(ET.SubElement(martif, "text"), "body")
    for entry in glossary.entries:
        _term_entry(body, entry, locales_of(glossary))
    ET.indent(martif, space="  ")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">\n'
        + ET.tostring(martif, encoding="unicode")
        + "\n"
    )


def _term_entry(body: ET.Element, entry: Entry, locales: list[str]) -> None:
    element = ET.SubElement(body, "termEntry", {"id": entry.id})
    ET.SubElement(element, "descrip", {"type": "subjectField"}).text = entry.kind.value
    status = entry.status.value + (f": {entry.source}" if entry.source else "")
    ET.SubElement(element, "note").text = f"status {status}"
    if entry.note:
        ET.SubElement(element, "note").text = entry.note
    for locale in locales:
        terms = list(_terms(entry, locale))
        if not terms:
            continue
        lang_set = ET.SubElement(element, "langSet", {_XML_LANG: bcp47(locale)})
        for form, usage in terms:
            tig = ET.SubElement(lang_set, "tig")
            ET.SubElement(tig, "term").text = form
            pos = "properNoun" if entry.kind.value in _PROPER else "noun"
            ET.SubElement(tig, "termNote", {"type": "partOfSpeech"}).text = pos
            ET.SubElement(tig, "termNote", {"type": "administrativeStatus"}).text = usage
            if not entry.verified and usage != DEPRECATED:
                ET.SubElement(tig, "note").text = "unverified: do not present as fact"
            elif locale in entry.derived and usage != DEPRECATED:
                ET.SubElement(tig, "note").text = "derived with OpenCC"


def _terms(entry: Entry, locale: str) -> Iterator[tuple[str, str]]:
    forms = entry.forms.get(locale, ())
    for index, form in enumerate(forms):
        yield form, PREFERRED if index == 0 and entry.verified else ADMITTED
    for form in entry.forbidden:
        if _belongs(form, locale, entry):
            yield form, DEPRECATED


def _belongs(form: str, locale: str, entry: Entry) -> bool:
    """Whether a forbidden form goes in a locale's langSet: a Latin form in every Latin-script
    locale of the entry, a Chinese one in the scripts it can be written in."""
    script = script_of(locale)
    if not has_cjk(form):
        return script == "Latn"
    if script == "Hans":
        return convert("t2s", form) == form
    if script == "Hant":
        return convert("s2t", form) == form
    return False


def to_csv(glossary: Glossary) -> str:
    """One row per entry: id, kind, status, each locale's canonical form and its variants
    (joined by `` | ``), forbidden forms, source and note; a header row first."""
    locales = locales_of(glossary)
    header = ["id", "kind", "status"]
    for locale in locales:
        header += [locale, f"{locale} variants"]
    header += ["forbidden", "source", "note"]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for entry in glossary.entries:
        row = [entry.id, entry.kind.value, entry.status.value]
        for locale in locales:
            forms = entry.forms.get(locale, ())
            row += [forms[0] if forms else "", VARIANT_SEPARATOR.join(forms[1:])]
        row += [VARIANT_SEPARATOR.join(entry.forbidden), entry.source or "", entry.note or ""]
        writer.writerow(row)
    return out.getvalue()


def export(glossary: Glossary, format: str) -> str:
    """The glossary in ``format`` (``tbx`` or ``csv``)."""
    if format == "tbx":
        return to_tbx(glossary)
    if format == "csv":
        return to_csv(glossary)
    raise ValueError(f"unknown export format {format!r}")
