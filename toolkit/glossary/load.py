"""Reading ``glossary.toml``: validation with ``path:line`` errors and OpenCC-derived forms."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from babel import Locale

from toolkit.errors import InputError
from toolkit.glossary.conversions import other_script, remembered
from toolkit.glossary.index import Glossary
from toolkit.glossary.model import Entry, Kind, Status
from toolkit.locales import canonical, parse_locale
from toolkit.tomlfile import parse_toml

ID = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
KEYS = ("kind", "status", "source", "note", "forbidden", "romanisation", "hant_override")
ROMANISATIONS = ("pinyin", "wade-giles", "cantonese", "other")

_SCRIPTS = frozenset(Locale("en").scripts)
# A table header, [id]; an array of tables, [[id]], is no entry but is reported at its line.
_HEADER = re.compile(r"""^\s*\[\[?\s*(?:"([^"]*)"|'([^']*)'|([A-Za-z0-9_.-]+))\s*\]""")
_ASSIGNMENT = re.compile(r"""^\s*(?:"([^"]*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*=""")


def load_glossary(path: Path) -> Glossary:
    """Read and validate a glossary; the first problem is raised as ``InputError`` at its line."""
    glossary, problems = read_glossary(path)
    if problems:
        raise problems[0]
    return glossary


def read_glossary(path: Path) -> tuple[Glossary, list[InputError]]:
    """A glossary of the valid entries and every problem found, each at its line.

    A file that cannot be read at all (missing, not UTF-8, not TOML) raises ``InputError``.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(path, None, "no such glossary file") from None
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        raise InputError(path, line, "not valid UTF-8 text (save the file as UTF-8)") from None
    data = parse_toml(text, path)
    lines = _key_lines(text)
    problems: list[InputError] = []
    entries: list[Entry] = []
    for ident, value in data.items():
        try:
            entries.append(_entry(ident, value, path, lines))
        except InputError as error:
            problems.append(error)
    problems.extend(duplicate_forms(entries, path))
    remembered().save()
    return Glossary(path, tuple(entries)), problems


def _key_lines(text: str) -> dict[str, int]:
    """The line of each table header (``id``) and key (``id.key``), first occurrence kept."""
    lines: dict[str, int] = {}
    table = ""
    for number, line in enumerate(text.splitlines(), 1):
        header = _HEADER.match(line)
        if header:
            table = next(group for group in header.groups() if group is not None)
            lines.setdefault(table, number)
            continue
        assignment = _ASSIGNMENT.match(line)
        if assignment:
            name = next(group for group in assignment.groups() if group is not None)
            lines.setdefault(f"{table}.{name}" if table else name, number)
    return lines


def _entry(ident: str, value: Any, path: Path, lines: dict[str, int]) -> Entry:
    line = lines.get(ident)

    def fail(message: str, key: str | None = None) -> InputError:
        where = lines.get(f"{ident}.{key}") if key else None
        return InputError(path, where or line, f"entry {ident!r}: {message}")

    if not isinstance(value, dict):
        raise InputError(
            path, line, f"{ident!r} must be an entry table: [{ident}] with kind, status and forms"
        )
    if not ID.fullmatch(ident):
        raise fail("an id uses a-z, 0-9 and '-' and starts with a letter")
    kind = _choice(value, "kind", [kind.value for kind in Kind], fail)
    status = _choice(value, "status", [status.value for status in Status], fail)
    source = _text(value, "source", fail)
    note = _text(value, "note", fail)
    romanisation = _text(value, "romanisation", fail) or "pinyin"
    if romanisation not in ROMANISATIONS:
        raise fail(f"romanisation must be one of {', '.join(ROMANISATIONS)}", "romanisation")
    override = value.get("hant_override", False)
    if not isinstance(override, bool):
        raise fail("hant_override must be true or false", "hant_override")
    forbidden = _forms(value["forbidden"], "forbidden", fail) if "forbidden" in value else ()
    if "id" in value:  # "id" would otherwise be read as Indonesian
        raise fail(f"the id is the table's name ([{ident}]); remove the id key", "id")
    forms: dict[str, tuple[str, ...]] = {}
    for key, raw in value.items():
        if key in KEYS:
            continue
        locale = _locale(key, fail)
        if locale in forms:
            raise fail(f"{key!r} names the same locale as another key ({locale})", key)
        forms[locale] = _forms(raw, key, fail)
    if not forms:
        raise fail('no forms: give at least one locale, e.g. en = "..."')
    if override and "zh_Hant" not in forms:
        raise fail("hant_override is set but no zh_Hant forms are given", "hant_override")
    forms, derived = _derive(forms)
    return Entry(
        id=ident,
        kind=Kind(kind),
        status=Status(status),
        forms=forms,
        forbidden=forbidden,
        source=source,
        note=note,
        romanisation=romanisation,
        hant_override=override,
        derived=derived,
        line=line or 0,
        lines={key: lines[f"{ident}.{key}"] for key in value if f"{ident}.{key}" in lines},
    )


def _choice(value: dict[str, Any], key: str, allowed: list[str], fail: Any) -> str:
    chosen = value.get(key)
    if chosen is None:
        raise fail(f"{key} is missing (one of {', '.join(allowed)})")
    if chosen not in allowed:
        raise fail(f"{key} must be one of {', '.join(allowed)}; got {chosen!r}", key)
    return str(chosen)


def _text(value: dict[str, Any], key: str, fail: Any) -> str | None:
    found = value.get(key)
    if found is None:
        return None
    if not isinstance(found, str) or not found.strip():
        raise fail(f"{key} must be a non-empty text", key)
    return found.strip()


def _locale(key: str, fail: Any) -> str:
    try:
        parse_locale(key)
        # Babel reads any four letters as a script (zh_Hanz as zh_Hans): only CLDR's are names.
        if any(len(part) == 4 and part not in _SCRIPTS for part in key.split("_")[1:]):
            raise ValueError(key)
    except ValueError:
        raise fail(
            f"unknown key {key!r}: neither a glossary key ({', '.join(KEYS)}) nor a locale name"
            " (en, zh_Hans, zh_Hant...)",
            key,
        ) from None
    if not re.fullmatch(r"[a-z]{2,3}(?:_[A-Za-z0-9]+)*", key):
        raise fail(f"locale {key!r}: write locales as ll, ll_Script or ll_TT (zh_Hans)", key)
    return canonical(key)


def _forms(raw: Any, key: str, fail: Any) -> tuple[str, ...]:
    """A text or a list of texts; each non-empty, without edge whitespace, listed once."""
    forms = [raw] if isinstance(raw, str) else raw
    if not isinstance(forms, list) or not forms or not all(isinstance(f, str) for f in forms):
        raise fail(f"{key} must be a text or a list of texts", key)
    for form in forms:
        if not form.strip() or form != form.strip() or "\n" in form:
            raise fail(f"{key}: {form!r} must be a non-empty text on one line, unpadded", key)
    repeated = [form for index, form in enumerate(forms) if form in forms[:index]]
    if repeated:
        raise fail(f"{key}: {repeated[0]!r} is listed twice", key)
    return tuple(forms)


def _derive(forms: dict[str, tuple[str, ...]]) -> tuple[dict[str, tuple[str, ...]], frozenset[str]]:
    """Forms of the other Chinese script made with OpenCC when not given, and which they are."""
    result = other_script(forms)
    return result, frozenset(result.keys() - forms.keys())


def duplicate_forms(entries: list[Entry], path: Path) -> list[InputError]:
    """Forms listed for two entries (or both accepted and forbidden): a form names one entry."""
    problems: list[InputError] = []
    owner: dict[str, tuple[Entry, bool]] = {}
    for entry in entries:
        accepted = set(entry.all_forms())
        for form in entry.forbidden:
            if form in accepted:
                problems.append(
                    InputError(
                        path,
                        entry.lines.get("forbidden", entry.line),
                        f"entry {entry.id!r}: {form!r} is both an accepted and a forbidden form",
                    )
                )
        for form, forbidden in [(form, False) for form in accepted] + [
            (form, True) for form in entry.forbidden
        ]:
            first = owner.setdefault(form, (entry, forbidden))[0]
            if first is not entry:
                problems.append(
                    InputError(
                        path,
                        entry.line,
                        f"entry {entry.id!r}: {form!r} is a form of entry {first.id!r}"
                        f" (line {first.line}) too: a form must name one entry",
                    )
                )
    return problems
