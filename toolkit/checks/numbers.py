# ruff: noqa: RUF001, RUF002  (full-width digits and Chinese words are the data here)
"""Number checks: the quantities of a source and its translation compared by value, both ways."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from toolkit.checks.numbers_answer import NOTHING, Comparison, answer
from toolkit.checks.registry import Scope, check
from toolkit.model import Category, Pair, Severity
from toolkit.semantic.numbers import quantities
from toolkit.semantic.numerals import (
    WholeWords,
    has_digit,
)
from toolkit.semantic.numerals_en import CARDINALS
from toolkit.semantic.quantity import Quantity

# What an added quantity worth reporting needs: a figure, a unit of time or a percentage
# (a figure or sign, 百分之, a numeral before a unit). Opened by the characters its matches
# start with, so that a search scans for them in C.
_MAY_ADD = re.compile(
    "[0-9０-９%％零〇一二两兩三四五六七八九十百千万萬半]"
    "(?:(?<=[0-9０-９%％])|(?<=百)分之|(?<=[零〇一二两兩三四五六七八九十百千万萬半])[个個]?"
    "(?:年|月|周|週|星期|天|小时|小時|分钟|分鐘|秒))"
)
_MAY_ADD_WORDS = re.compile(
    r"\b(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|per\s*cent|percent)\b", re.I
)
# What a source needs to have a number worth missing: a figure, a Chinese numeral, an
# English cardinal other than "one" (the quick test before reading).
_COUNTS = re.compile("[0-9０-９零〇二两兩三四五六七八九十百千万萬亿億]")
_COUNTS_WORDS = WholeWords([*CARDINALS, *(word + "s" for word in CARDINALS)])


@check("Q101", "number-mismatch", Category.NUMBERS, Severity.ERROR, Scope.PAIR)
def number_mismatch(pair: Pair) -> Iterable[str]:
    """A number or quantity of the source is missing from the translation or has another value.

    Compared by value whatever the script: five = 五 = 5 = ５; durations as amounts, so three
    years and six months = 三年零六个月 = 3.5 years, and five months is not 五年.
    """
    if pair is not _seen:  # the first of the five checks asked about this pair
        _remember(pair)
    comparison = _found
    if not comparison.missing:
        return ()  # most pairs: no generator to make and run through
    return [
        f"{quantity.shown()} of the source is missing{_has_instead(quantity, comparison.added)}"
        for quantity in comparison.missing
    ]


def _has_instead(quantity: Quantity, added: list[Quantity]) -> str:
    instead = _instead(quantity, added)
    return f"; the translation has {instead}" if instead else " from the translation"


@check("Q102", "number-added", Category.NUMBERS, Severity.WARNING, Scope.PAIR)
def number_added(pair: Pair) -> Iterable[str]:
    """The translation has a number in figures, a duration or a percentage the source lacks.

    Number words a translation adds by style are left alone: 这两个 for "they", 一个 for "a",
    and a translator's note in brackets (即 Errno 4).
    """
    if pair is _quiet:
        return ()
    if pair is not _seen:
        _remember(pair)
    comparison = _found
    if comparison.missing or not comparison.unasked:  # Q101 says what the translation has
        return ()
    return [
        f"the translation adds {quantity.shown()}, which the source does not have"
        for quantity in comparison.unasked
    ]


@check("Q103", "qualifier-changed", Category.NUMBERS, Severity.WARNING, Scope.PAIR)
def qualifier_changed(pair: Pair) -> Iterable[str]:
    """A number's qualifier is dropped or changed ("nearly 250 days" vs 250天).

    Qualifiers: nearly (近, 将近), about (约), more than (超过, 逾, 多), at least (至少), at most,
    less than (不到); an order of magnitude ("dozens of" = 数十) lost counts too.
    """
    if pair is _quiet:
        return ()
    if pair is not _seen:
        _remember(pair)
    qualifiers = _found.qualifiers
    if not qualifiers:
        return ()
    return [_qualifier_message(source, translation) for source, translation in qualifiers]


def _qualifier_message(source: Quantity, translation: Quantity | None) -> str:
    if translation is None:
        return f"{source.shown()} of the source has no counterpart in the translation"
    if translation.qualifier is None:
        return f"the source says {source.shown()}; the translation has {translation.shown()}"
    return f"the source says {source.shown()}; the translation {translation.shown()}"


@check("Q104", "ordinal-mismatch", Category.NUMBERS, Severity.ERROR, Scope.PAIR)
def ordinal_mismatch(pair: Pair) -> Iterable[str]:
    """An ordinal of the source is another in the translation ("second" vs 第三)."""
    if pair is _quiet:
        return ()
    if pair is not _seen:
        _remember(pair)
    ordinals = _found.ordinals
    if not ordinals:
        return ()
    return [
        f"{source.shown()} of the source is {translation.shown()} in the translation"
        for source, translation in ordinals
    ]


@check("Q105", "reference-number", Category.NUMBERS, Severity.WARNING, Scope.PAIR)
def reference_number(pair: Pair) -> Iterable[str]:
    """A list number or version number of the source is missing or changed in the translation."""
    if pair is _quiet:
        return ()
    if pair is not _seen:
        _remember(pair)
    lost, added = _found.references
    if not lost:
        return ()
    instead = f"; the translation has {_listed(added)}" if added else " from the translation"
    return [f"{quantity.shown()} of the source is missing{instead}" for quantity in lost]


# The pair compared last and its comparison: the five checks ask about each pair in turn,
# and an identity test is cheaper than the cache's key of four strings (each check reads them
# itself, no call: they run five times for every entry). ``_quiet`` is that pair when its
# comparison is NOTHING (most pairs), which the last four checks test first and alone. The
# globals hold the pair, so no other object can take its id meanwhile.
_seen: Pair | None = None
_found = NOTHING
_quiet: Pair | None = None


def _remember(pair: Pair) -> None:
    """Compare a pair the checks have not seen last, and keep it for the next checks."""
    global _seen, _found, _quiet
    comparison = _compare(pair.msgid, pair.source_locale, pair.msgstr, pair.locale)
    _seen, _found, _quiet = pair, comparison, pair if comparison is NOTHING else None


@lru_cache(maxsize=64)
def _english(locale: str) -> bool:
    return locale.lower().startswith("en")


def _compare(source: str, source_locale: str, translation: str, locale: str) -> Comparison:
    # Not cached: most pairs stop at the quick tests below, cheaper than a cache's key of four
    # strings, and the quantities of each text are cached where they are read.
    if source == translation or not translation:
        return NOTHING
    # Whether the translation may add a quantity worth reporting (_MAY_ADD, _MAY_ADD_WORDS).
    may_add = _MAY_ADD.search(translation) is not None or bool(
        _english(locale) and _MAY_ADD_WORDS.search(translation)
    )
    if not (may_add or "第" in translation or _counts(source, source_locale)):
        return NOTHING  # only weak words in the source ("one of", "both"): nothing to miss
    left = quantities(source, source_locale)
    # Weak words ("one of", "both") are never missed, and a weak ordinal only matters against
    # another ordinal (第): without those, only a plain count the translation adds is news.
    if not may_add and not any(not q.weak or (q.ordinal and "第" in translation) for q in left):
        return NOTHING
    right = quantities(translation, locale)
    if not left and not right:
        return NOTHING
    return answer(source, left, translation, right)


def _counts(text: str, locale: str) -> bool:
    english = _english(locale)
    if text.isascii():  # no Chinese numeral, no full-width digit: the quick test of digits
        return _COUNTS_WORDS.found_with_digit(text) if english else has_digit(text)
    return bool(_COUNTS.search(text) or (english and _COUNTS_WORDS.found_in(text)))


def _instead(quantity: Quantity, added: list[Quantity]) -> str:
    """What the translation has in place of a missing quantity: the likeliest first."""
    ranked = sorted(
        added,
        key=lambda q: (
            (q.amount or ("",))[0] != (quantity.amount or ("",))[0],
            q.unit != quantity.unit,
        ),
    )
    return _listed(ranked)


def _listed(quantities: list[Quantity]) -> str:
    shown = [quantity.shown() for quantity in quantities[:3]]
    more = len(quantities) - len(shown)
    return ", ".join(shown) + (f" and {more} more" if more > 0 else "")
