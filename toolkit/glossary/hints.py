"""Translator hints: the glossary forms of the names a segment mentions, as ``#.`` lines."""

from __future__ import annotations

from collections.abc import Sequence

from toolkit.glossary.index import Glossary
from toolkit.glossary.model import Entry
from toolkit.locales import same_language


def hints(glossary: Glossary, text: str, source_locale: str, locales: Sequence[str]) -> list[str]:
    """One ``names: ...`` line per glossary entry the text mentions, in order of mention."""
    return [hint(entry, source_locale, locales) for entry in glossary.mentioned(text)]


def hint(entry: Entry, source_locale: str, locales: Sequence[str]) -> str:
    """``names: Huang Xueqin = 黄雪琴 / 黃雪琴``: the source's form, then each other locale's.

    An unverified entry says so, so that nobody presents a guessed Chinese name as fact.
    """
    own = entry.canonical(source_locale) or entry.label_forms()[0]
    others: list[str] = []
    missing: list[str] = []
    for locale in locales:
        if same_language(locale, source_locale):
            continue
        form = entry.canonical(locale)
        if form is None:
            missing.append(locale)
        elif form != own and form not in others:
            others.append(form)
    line = f"names: {own}" + (f" = {' / '.join(others)}" if others else "")
    if entry.verified:
        return line
    if others:
        return f"{line} (unverified: do not present as fact)"
    return f"{line} (unverified: no confirmed {' / '.join(missing)} form; do not invent one)"
