# ruff: noqa: RUF001  (Chinese words are the data here)
"""How the quantities of a source and of its translation answer each other: matched by value,
lost, added, requalified (what the number checks report)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from operator import attrgetter

from toolkit.semantic.numerals import FULL_WIDTH, Number
from toolkit.semantic.quantity import DURATIONS, Quantity

# Figures as a quantity's text writes them (3.5, 1,000), and a version's (3.14.0).
_DIGITS = re.compile(r"[0-9](?:[0-9.,]*[0-9])?")
_VERSION = re.compile(r"[0-9]+(?:\.[0-9]+){2,}")
# Where a language says "none" for zero: 无 / 没有 / 不 "no, not", or English no / none.
_NONE = re.compile(r"[无無没沒不未非零]|\b(?:no|none|not|nothing|never)\b", re.IGNORECASE)

_BOUNDS = ("at least", "more than")  # the qualifiers that bound an amount from below
# The order quantities of the source choose their answer in: strong ones first, by place.
_STRONG_FIRST = attrgetter("weak", "start")

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
class Comparison:
    """How the quantities of a source and of its translation answer each other."""

    missing: list[Quantity] = field(default_factory=list)
    added: list[Quantity] = field(default_factory=list)
    unasked: list[Quantity] = field(default_factory=list)  # added, and plainly a count
    qualifiers: list[tuple[Quantity, Quantity | None]] = field(default_factory=list)
    ordinals: list[tuple[Quantity, Quantity]] = field(default_factory=list)
    references: tuple[list[Quantity], list[Quantity]] = field(default_factory=lambda: ([], []))


# What most pairs compare to: nothing found either way (shared, never changed).
NOTHING = Comparison()


def answer(
    source: str, left: tuple[Quantity, ...], translation: str, right: tuple[Quantity, ...]
) -> Comparison:
    """How the quantities of each side answer the other's. Each step runs only on what it
    can change (most pairs: every quantity matched, nothing lost or left over)."""
    references = _references(left, right)
    # Strong quantities choose first, so that a weak "one" does not take the 1 a "1" needs.
    matched: list[tuple[Quantity, Quantity]] = []
    unmatched = [quantity for quantity in right if not quantity.reference]
    lost: list[Quantity] = []
    for quantity in sorted((q for q in left if not q.reference), key=_STRONG_FIRST):
        answer = _best(quantity, unmatched)
        if answer is None:
            lost.append(quantity)
        else:
            matched.append((quantity, answer))
            unmatched.remove(answer)
    if lost and unmatched:
        lost, unmatched = _sum_durations(lost, unmatched)
    # From here on, a lost weak word matters only as an ordinal or an order of magnitude, and
    # a weak word of the translation not at all (most of them: 一个 for "a"): let go at once.
    if lost:
        lost = [
            q
            for q in lost
            if (not q.weak or q.vague or q.ordinal) and not _written_in(q, translation)
        ]
    if lost and _NONE.search(translation):  # "requires 0 arguments" = 无需参数 "needs no arguments"
        lost = [q for q in lost if q.value != 0]
    if unmatched:
        unmatched = [q for q in unmatched if not q.weak and not _written_in(q, source)]
    ordinals: list[tuple[Quantity, Quantity]] = []
    for quantity in [q for q in lost if q.ordinal]:
        other = next((q for q in unmatched if q.ordinal and not q.weak), None)
        if other is not None:
            ordinals.append((quantity, other))
            lost.remove(quantity)
            unmatched.remove(other)
    added = [q for q in unmatched if not q.weak and not q.vague]
    missing = [q for q in lost if not q.weak and not q.vague]
    unasked = [q for q in added if _explicit(q) and not _bracketed(translation, q)]
    qualifiers = [(q, None) for q in lost if q.vague] + _requalified(matched)
    if not (missing or unasked or qualifiers or ordinals or references[0]):
        return NOTHING  # most pairs: every quantity answered, nothing any check reports
    return Comparison(missing, added, unasked, qualifiers, ordinals, references)


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
    # (The properties vague and amount, written out where they are quick: this runs for each
    # pair of quantities.)
    if (left.qualifier == "several") != (right.qualifier == "several"):
        # "thousands of seconds" = 千秒: an order of magnitude written as its round number.
        return left.value == right.value
    left_amount = left.amount if left.unit in DURATIONS else None  # each worked out once
    right_amount = right.amount if right.unit in DURATIONS else None
    if left_amount and right_amount:
        if left_amount == right_amount:
            return True
    elif (left_amount and left.compound) or (right_amount and right.compound):
        return False
    elif left.value == right.value or (
        (left.unit == "percent") != (right.unit == "percent") and _as_share(left, right)
    ):
        return True
    if left.qualifier not in _BOUNDS:
        return False  # no bound: _bound is None
    bound = _bound(left, left_amount)
    return bound is not None and bound == _bound(right, right_amount)


def _as_share(left: Quantity, right: Quantity) -> bool:
    """Whether a percentage is the other quantity's fraction: "0.5%" = 千分之五, 50% = 一半."""
    share, other = (left, right) if left.unit == "percent" else (right, left)
    return other.unit is None and other.value.denominator != 1 and share.value == other.value * 100


def _bound(quantity: Quantity, amount: tuple[str, Number] | None) -> tuple[str, Number] | None:
    """The least whole amount a bound allows: "two or more" = 多于1个 "more than one"."""
    if quantity.qualifier not in _BOUNDS:
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
