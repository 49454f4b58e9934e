"""``advocacy glossary check``: the file's problems, romanisations, Traditional forms, sources."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

from toolkit.errors import InputError
from toolkit.glossary.conversions import TRADITIONAL_CONFIGS, convert
from toolkit.glossary.load import read_glossary
from toolkit.glossary.model import Entry, Kind, has_cjk
from toolkit.locales import canonical
from toolkit.pinyin import matches_romanisation, name_pinyin


def audit(path: Path) -> list[InputError]:
    """Every problem of a glossary, in line order; an unreadable file raises ``InputError``."""
    glossary, problems = read_glossary(path)
    for entry in glossary.entries:
        problems.extend(entry_problems(entry, path))
    return sorted(problems, key=lambda problem: (problem.line or 0, problem.message))


def entry_problems(entry: Entry, path: Path) -> Iterator[InputError]:
    """What is wrong with one entry that its format cannot show."""

    def problem(message: str, key: str | None = None) -> InputError:
        line = entry.lines.get(key, entry.line) if key else entry.line
        return InputError(path, line, f"entry {entry.id!r}: {message}")

    if entry.verified and not entry.source:
        yield problem(
            'status is verified but no source says where its forms come from: add source = "...",'
            ' or set status = "unverified"',
            "status",
        )
    for locale, forms in entry.forms.items():
        for form in forms if locale not in entry.derived else ():
            if has_cjk(form) and len(form) == 1:
                yield problem(
                    f"{locale} form {form!r} is one character, which is found inside other"
                    " words (王 in 国王): give the full name",
                    locale,
                )
    yield from _traditional_problems(entry, problem)
    if entry.kind is Kind.PERSON and entry.romanisation == "pinyin":
        yield from _pinyin_problems(entry, problem)


def _traditional_problems(entry: Entry, problem: Problem) -> Iterator[InputError]:
    """A zh_Hant form given by hand must be OpenCC's conversion, unless marked as overridden."""
    if entry.hant_override or "zh_Hant" in entry.derived or "zh_Hans" not in entry.forms:
        return
    expected = {
        convert(config, form) for form in entry.forms["zh_Hans"] for config in TRADITIONAL_CONFIGS
    }
    for form in entry.forms.get("zh_Hant", ()):
        if form not in expected:
            shown = ", ".join(sorted(expected))
            yield problem(
                f"zh_Hant form {form!r} is not OpenCC's conversion of the zh_Hans forms ({shown}):"
                " correct it, leave zh_Hant out to derive it, or set hant_override = true if the"
                " person or body writes it so",
                _key(entry, "zh_Hant"),
            )


def _pinyin_problems(entry: Entry, problem: Problem) -> Iterator[InputError]:
    """Each Latin form of a Chinese person's name must be the pinyin of the Chinese form."""
    names = [form for form in entry.all_forms() if has_cjk(form) and len(form) >= 2]
    if not names:
        return
    latin = [form for form in entry.all_forms() if not has_cjk(form)]
    right = [form for form in latin if any(matches_romanisation(name, form) for name in names)]
    for locale, forms in entry.forms.items():
        for form in forms:
            if has_cjk(form) or form in right or any(_shortened(form, full) for full in right):
                continue
            reading = " ".join(name_pinyin(names[0]))
            yield problem(
                f"{locale} form {form!r} does not match the pinyin of {names[0]} ({reading});"
                ' set romanisation = "cantonese" (or "wade-giles", "other") if it is not pinyin',
                _key(entry, locale),
            )


def _shortened(form: str, full: str) -> bool:
    """Whether ``form`` is two or more words of ``full``, in order, with others left out:
    "Sophia Huang" (a Western given name and the surname) from "Sophia Huang Xueqin"."""
    words, full_words = form.casefold().split(), full.casefold().split()
    if len(words) < 2 or len(words) >= len(full_words):
        return False
    remaining = iter(full_words)
    return all(word in remaining for word in words)


def _key(entry: Entry, locale: str) -> str:
    """The key a locale's forms were written under (zh_TW for zh_Hant, say), for its line."""
    return next((key for key in entry.lines if canonical(key) == locale), locale)


class Problem(Protocol):
    """Makes an ``InputError`` about one entry from a message and the key it is about."""

    def __call__(self, message: str, key: str | None = None) -> InputError: ...
