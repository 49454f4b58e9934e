# ruff: noqa: RUF001, RUF002  (full-width digits and Chinese words are the data here)
"""Number checks: the quantities of a source and its translation compared by value, both ways."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from toolkit.checks.registry import Scope, check
from toolkit.model import Category, Pair, Severity
from toolkit.semantic.numbers import Quantity, quantities
from toolkit.semantic.numerals import (
    FULL_WIDTH,
    Number,
    WholeWords,
    has_digit,
)
from toolkit.semantic.numerals_en import CARDINALS

_DIGITS = re.compile(r"[0-9](?:[0-9.,]*[0-9])?")
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
_VERSION = re.compile(r"[0-9]+(?:\.[0-9]+){2,}")
# Where a language says "none" for zero: 无 / 没有 / 不 "no, not", or English no / none.
_NONE = re.compile(r"[无無没沒不未非零]|\b(?:no|none|not|nothing|never)\b", re.IGNORECASE)

# Qualifiers a translation may exchange: 以上 is "or more" and "at least" alike, 不到 "less
# than" is how Chinese often says "nearly", 以内 "within" is "at most" or "less than", and
# 接近 "close to" is said for "about" as for "nearly".
_COMPATIBLE = (
    frozenset({"more than", "at least"}),
    frozenset({"less than", "at most"}),
    frozenset({"nearly", "less than"}),
    frozenset({"nearly", "about"}),  # 接近 "close to" for "approximately"
)


@dataclass
class _Comparison:
    """How the quantities of a source and of its translation answer each other."""

    missing: list[Quantity] = field(default_factory=list)
    added: list[Quantity] = field(default_factory=list)
    unasked: list[Quantity] = field(default_factory=list)  # added, and plainly a count
    qualifiers: list[tuple[Quantity, Quantity | None]] = field(default_factory=list)
    ordinals: list[tuple[Quantity, Quantity]] = field(default_factory=list)
    references: tuple[list[Quantity], list[Quantity]] = field(default_factory=lambda: ([], []))


@check("Q101", "number-mismatch", Category.NUMBERS, Severity.ERROR, Scope.PAIR)
def number_mismatch(pair: Pair) -> Iterable[str]:
    """A number or quantity of the source is missing from the translation or has another value.

    Compared by value whatever the script: five = 五 = 5 = ５; durations as amounts, so three
    years and six months = 三年零六个月 = 3.5 years, and five months is not 五年.
    """
    last, comparison = _LAST[0]
    if last is not pair:
        comparison = _remember(pair)
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
    last, comparison = _LAST[0]
    if last is not pair:
        comparison = _remember(pair)
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
    last, comparison = _LAST[0]
    if last is not pair:
        comparison = _remember(pair)
    qualifiers = comparison.qualifiers
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
    last, comparison = _LAST[0]
    if last is not pair:
        comparison = _remember(pair)
    ordinals = comparison.ordinals
    if not ordinals:
        return ()
    return [
        f"{source.shown()} of the source is {translation.shown()} in the translation"
        for source, translation in ordinals
    ]


@check("Q105", "reference-number", Category.NUMBERS, Severity.WARNING, Scope.PAIR)
def reference_number(pair: Pair) -> Iterable[str]:
    """A list number or version number of the source is missing or changed in the translation."""
    last, comparison = _LAST[0]
    if last is not pair:
        comparison = _remember(pair)
    lost, added = comparison.references
    if not lost:
        return ()
    instead = f"; the translation has {_listed(added)}" if added else " from the translation"
    return [f"{quantity.shown()} of the source is missing{instead}" for quantity in lost]


# What most pairs compare to: nothing found either way (shared, never changed).
_NOTHING = _Comparison()
# The pair compared last, with its comparison: the five checks ask about each pair in turn,
# and an identity test is cheaper than the cache's key of four strings (each check reads it
# itself, no call: they run five times for every entry). One tuple, replaced whole; it holds
# the pair, so no other object can take its id meanwhile.
_LAST: list[tuple[Pair | None, _Comparison]] = [(None, _NOTHING)]


def _remember(pair: Pair) -> _Comparison:
    """The comparison of a pair the checks have not seen last, kept for the next checks."""
    comparison = _compare(pair.msgid, pair.source_locale, pair.msgstr, pair.locale)
    _LAST[0] = (pair, comparison)
    return comparison


@lru_cache(maxsize=64)
def _english(locale: str) -> bool:
    return locale.lower().startswith("en")


@lru_cache(maxsize=4096)
def _compare(source: str, source_locale: str, translation: str, locale: str) -> _Comparison:
    if source == translation or not translation:
        return _NOTHING
    may_add = _may_add(translation, locale)
    if not (may_add or "第" in translation or _counts(source, source_locale)):
        return _NOTHING  # only weak words in the source ("one of", "both"): nothing to miss
    left = quantities(source, source_locale)
    # Weak words ("one of", "both") are never missed, and a weak ordinal only matters against
    # another ordinal (第): without those, only a plain count the translation adds is news.
    answerable = any(not q.weak or (q.ordinal and "第" in translation) for q in left)
    if not answerable and not may_add:
        return _NOTHING
    right = quantities(translation, locale)
    if not left and not right:
        return _NOTHING
    return _answer(source, left, translation, right)


def _answer(
    source: str, left: tuple[Quantity, ...], translation: str, right: tuple[Quantity, ...]
) -> _Comparison:
    """How the quantities of each side answer the other's. Each step runs only on what it
    can change (most pairs: every quantity matched, nothing lost or left over)."""
    references = _references(left, right)
    # Strong quantities choose first, so that a weak "one" does not take the 1 a "1" needs.
    matched: list[tuple[Quantity, Quantity]] = []
    unmatched = [quantity for quantity in right if not quantity.reference]
    lost: list[Quantity] = []
    for quantity in sorted(
        (quantity for quantity in left if not quantity.reference), key=lambda q: (q.weak, q.start)
    ):
        answer = _best(quantity, unmatched)
        if answer is None:
            lost.append(quantity)
        else:
            matched.append((quantity, answer))
            unmatched.remove(answer)
    if lost and unmatched:
        lost, unmatched = _sum_durations(lost, unmatched)
    if lost:
        lost = [q for q in lost if not _written_in(q, translation)]
    if lost and _NONE.search(translation):  # "requires 0 arguments" = 无需参数 "needs no arguments"
        lost = [q for q in lost if q.value != 0]
    if unmatched:
        unmatched = [q for q in unmatched if not _written_in(q, source)]
    ordinals: list[tuple[Quantity, Quantity]] = []
    for quantity in [q for q in lost if q.ordinal]:
        other = next((q for q in unmatched if q.ordinal and not q.weak), None)
        if other is not None:
            ordinals.append((quantity, other))
            lost.remove(quantity)
            unmatched.remove(other)
    added = [q for q in unmatched if not q.weak and not q.vague]
    return _Comparison(
        missing=[q for q in lost if not q.weak and not q.vague],
        added=added,
        unasked=[q for q in added if _explicit(q) and not _bracketed(translation, q)],
        qualifiers=[(q, None) for q in lost if q.vague] + _requalified(matched),
        ordinals=ordinals,
        references=references,
    )


def _requalified(
    matched: list[tuple[Quantity, Quantity]],
) -> list[tuple[Quantity, Quantity | None]]:
    """The matched quantities whose qualifiers differ."""
    return [
        (source, answer)
        for source, answer in matched
        # "one" and 一 are too often "a" for their qualifiers to be compared; a qualifier the
        # translation adds is as often style (多达 31 种 for "31") as meaning.
        if source.qualifier
        and not (source.weak or answer.weak)
        and not _same_qualifier(source.qualifier, answer.qualifier)
    ]


def _counts(text: str, locale: str) -> bool:
    english = _english(locale)
    if text.isascii():  # no Chinese numeral, no full-width digit: the quick test of digits
        return _COUNTS_WORDS.found_with_digit(text) if english else has_digit(text)
    return bool(_COUNTS.search(text) or (english and _COUNTS_WORDS.found_in(text)))


def _may_add(text: str, locale: str) -> bool:
    english = _english(locale)
    return bool(_MAY_ADD.search(text) or (english and _MAY_ADD_WORDS.search(text)))


def _explicit(quantity: Quantity) -> bool:
    """A quantity no translation adds by style: figures, a duration or a percentage.

    Chinese names a number the source leaves implicit (这两个 for "they", 二选一 for "one
    of", 1 个 for "an"): such words are no finding when the source has none.
    """
    if quantity.value in (0, 1):
        return False  # 1 个 for "an", 初始化为0 for "zeroed"
    return (
        bool(_DIGITS.search(quantity.text.translate(FULL_WIDTH)))
        or quantity.amount is not None
        or quantity.unit == "percent"
    )


def _bracketed(text: str, quantity: Quantity) -> bool:
    """Whether a quantity stands in brackets: a translator's note (即 Errno 4), not the text."""
    opening = max(text.rfind("(", 0, quantity.start), text.rfind("（", 0, quantity.start))
    if opening < 0 or any(mark in text[opening : quantity.start] for mark in ")）"):
        return False
    return any(mark in text[quantity.end :] for mark in ")）")


def _written_in(quantity: Quantity, other: str) -> bool:
    """Whether a plain number's digits stand in the other text where they were not read as a
    number: in code, a name (Python 3 = Python3), a range (1-52) or a date the other side
    did not take for one (the year 2000 = 2000年)."""
    if quantity.amount:
        return False
    digits = _DIGITS.search(quantity.text.translate(FULL_WIDTH))
    if digits is None:  # words kept as written: a title ("Part Two"), a name ("six")
        return _word_in(quantity.text, other)
    return _figures_in(digits.group(), other.translate(FULL_WIDTH))


def _word_in(word: str, text: str) -> bool:
    start = text.find(word)
    return start >= 0 and bool(re.search(rf"\b{re.escape(word)}\b", text[max(0, start - 1) :]))


def _figures_in(figures: str, text: str) -> bool:
    """Whether ``figures`` stand in ``text`` as a number of their own (not inside 3.14 or 15)."""
    start = text.find(figures)
    while start >= 0:
        before, after = (
            text[start - 1 : start],
            text[start + len(figures) : start + len(figures) + 2],
        )
        if not (before and before in "0123456789.,") and not (
            after[:1].isdigit() or (after[:1] in (".", ",") and after[1:2].isdigit())
        ):
            return True
        start = text.find(figures, start + 1)
    return False


def _same(left: Quantity, right: Quantity) -> bool:
    """Whether two quantities say the same amount; an ordinal may answer a number (No. 1 = 第一)."""
    if left.vague != right.vague:
        # "thousands of seconds" = 千秒: an order of magnitude written as its round number.
        return left.value == right.value
    left_amount, right_amount = left.amount, right.amount  # each worked out once
    if left_amount and right_amount:
        if left_amount == right_amount:
            return True
    elif (left_amount and left.compound) or (right_amount and right.compound):
        return False
    elif left.value == right.value:
        return True
    bound = _bound(left, left_amount)
    return bound is not None and bound == _bound(right, right_amount)


def _bound(
    quantity: Quantity, amount: tuple[str, Number] | None
) -> tuple[str, Number] | None:
    """The least whole amount a bound allows: "two or more" = 多于1个 "more than one"."""
    if quantity.qualifier not in ("at least", "more than"):
        return None
    base, value = amount or ("", quantity.value)
    if value.denominator != 1:
        return None
    return base, value + (quantity.qualifier == "more than")


def _best(quantity: Quantity, candidates: list[Quantity]) -> Quantity | None:
    """The candidate that answers ``quantity`` best: same unit and kind first."""
    fitting = [candidate for candidate in candidates if _same(quantity, candidate)]
    if len(fitting) < 2:
        return fitting[0] if fitting else None
    return min(
        fitting,
        key=lambda c: (
            c.unit != quantity.unit,
            not _same_qualifier(c.qualifier, quantity.qualifier),
            c.ordinal != quantity.ordinal,
            c.weak,
        ),
    )


def _sum_durations(
    lost: list[Quantity], unmatched: list[Quantity]
) -> tuple[list[Quantity], list[Quantity]]:
    """Durations split differently on each side ("3 years, 6 months" = 3年6个月) that add up."""
    for base in {quantity.amount[0] for quantity in lost if quantity.amount}:
        left = [q for q in lost if q.amount and q.amount[0] == base]
        right = [q for q in unmatched if q.amount and q.amount[0] == base]
        if right and sum(q.amount[1] for q in left if q.amount) == sum(
            q.amount[1] for q in right if q.amount
        ):
            lost = [q for q in lost if q not in left]
            unmatched = [q for q in unmatched if q not in right]
    return lost, unmatched


def _same_qualifier(left: str | None, right: str | None) -> bool:
    if left == right:
        return True
    return any(left in group and right in group for group in _COMPATIBLE)


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


def _references(
    left: tuple[Quantity, ...], right: tuple[Quantity, ...]
) -> tuple[list[Quantity], list[Quantity]]:
    """List and version numbers of the source not in the translation, and the reverse."""

    def key(quantity: Quantity) -> str:
        version = _VERSION.search(quantity.text.translate(FULL_WIDTH))
        return version.group() if version else str(quantity.value)

    source = [q for q in left if q.reference]
    translation = [q for q in right if q.reference]
    if not (source or translation):
        return [], []  # most pairs: no list or version number to answer
    # "(1)" may be answered by 第一步 "step one": any number of the same value will do.
    wanted = Counter(map(key, right))
    lost = []
    for quantity in source:
        if wanted[key(quantity)] > 0:
            wanted[key(quantity)] -= 1
        else:
            lost.append(quantity)
    had = Counter(map(key, source))
    added = []
    for quantity in translation:
        if had[key(quantity)] > 0:
            had[key(quantity)] -= 1
        else:
            added.append(quantity)
    return lost, added
