# ruff: noqa: RUF001, RUF003  (Chinese sentence punctuation is the data here)
"""Facts checks: a sentence that signals a fact of the campaign record gives its date and amount."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import TypeVar

from toolkit.campaign import GAP, Campaign, Fact
from toolkit.checks.registry import Scope, check
from toolkit.model import Category, Severity
from toolkit.semantic.dates import DateMention, find_dates
from toolkit.semantic.numbers import Quantity, find_quantities
from toolkit.textutil import is_cjk

# A sentence ends at a Chinese full stop, question or exclamation mark, at a semicolon of either
# width (the next clause has its own subject and verb: "...被捕；而就在第二天..."), at a line break,
# and at a Latin . ! ? followed by a space and a word that is not lower case or a figure
# ("No. 1 Detention Centre" is one sentence).
_END = re.compile(r"[。！？；;\n]|[.!?][\"'”’)]*(?=\s+[^\sa-z0-9]|\s*$)")
# A Latin word is found on word boundaries ("arrested" is not in "rearrested"); a Chinese one
# anywhere, Chinese being written without spaces.
_LETTER = r"[^\W_]"
# Clause marks: a date and a signal with none between them belong together before a nearer pair
# across a comma ("2021年9月19日被捕，2024年6月14日被判刑": the second date is the sentencing's).
_CLAUSE = re.compile(r"[,，、:：()（）]")
# A signal's gap (GAP): up to eight characters that end no clause or sentence, so that "被…带走"
# finds 被警方带走 and "taken … away" finds "taken them away".
_GAP_WRITTEN = r"[^\n,，、;；:：.。!！?？]{0,8}?"
# Units a count fact is not: "32 NGOs" is a count, "20%", "aged 35" and "second anniversary" not.
_NOT_COUNTS = frozenset({"percent", "age", "anniversary", "fold", "base"})


_Item = TypeVar("_Item", DateMention, Quantity)


@dataclass(frozen=True)
class _Words:
    """Words of the record in one locale, as one expression, and the facts each word names."""

    pattern: re.Pattern[str] | None  # each word as a group named w<its index>
    facts: tuple[tuple[Fact, ...], ...]  # the facts of each word, by its index

    def found(self, text: str) -> list[_Found]:
        if self.pattern is None:
            return []
        found = []
        for match in self.pattern.finditer(text):
            # Each word is a group of its own: a word with a gap matches other texts than itself.
            facts = self.facts[int((match.lastgroup or "w0")[1:])]
            found.append(_Found(match.start(), match.end(), facts))
        return found


@dataclass(frozen=True)
class _Found:
    """A signal or a subject in a text, with the facts it belongs to."""

    start: int
    end: int
    facts: tuple[Fact, ...]


@dataclass(frozen=True, eq=False)
class _Index:
    signals: _Words
    subjects: _Words
    kinds: frozenset[str]


_INDEXES: dict[tuple[int, str], tuple[Campaign, _Index]] = {}


@check(
    "K104", "fact-mismatch", Category.CONSISTENCY, Severity.ERROR, Scope.TEXT, needs_campaign=True
)
def fact_mismatch(text: str, locale: str, campaign: Campaign) -> Iterator[str]:
    """A sentence that signals a fact of the campaign record gives another date or amount.

    A fact's date is the date nearest to its signal word ("sentenced", 判处) in the sentence,
    when that date writes its day (a month or a year alone, or a range, is taken for another
    event: "previously detained in October 2019"); a count is the nearest number. A duration is
    one after the signal ("sentenced to..."), and one with a qualifier is no statement of the
    fact ("up to five years"). A fact about someone applies only where they are named, and a
    duration is theirs when their name comes before it (Huang ... five years; Wang ... three
    years and six months).
    """
    index = _index(campaign, locale)
    if index.signals.pattern is None or not index.signals.pattern.search(text):
        return
    signals, subjects = index.signals.found(text), index.subjects.found(text)
    dates = find_dates(text, locale) if "date" in index.kinds else []
    quantities = find_quantities(text, locale) if index.kinds - {"date"} else []
    for start, end in _sentences(text):
        here = [signal for signal in signals if start <= signal.start < end]
        if not here:
            continue
        named = [subject for subject in subjects if start <= subject.start < end]
        yield from _dates(text, here, named, [d for d in dates if start <= d.start < end])
        inside = [q for q in quantities if start <= q.start < end]
        yield from _durations(here, named, inside, start)
        yield from _counts(text, here, named, inside)


def _index(campaign: Campaign, locale: str) -> _Index:
    """The record's words in ``locale``, compiled once per record and locale."""
    cached = _INDEXES.get((id(campaign), locale))
    if cached is not None and cached[0] is campaign:
        return cached[1]
    facts = list(campaign.facts.values())
    index = _Index(
        _words([(fact, fact.signals_in(locale)) for fact in facts]),
        _words([(fact, fact.subject_in(locale)) for fact in facts]),
        frozenset(fact.kind for fact in facts),
    )
    if len(_INDEXES) > 64:  # records are few per process; an id may come back for another
        _INDEXES.clear()
    _INDEXES[(id(campaign), locale)] = (campaign, index)
    return index


def _words(forms: list[tuple[Fact, tuple[str, ...]]]) -> _Words:
    by_word: dict[str, list[Fact]] = {}
    for fact, words in forms:
        for word in words:
            by_word.setdefault(word.casefold(), []).append(fact)
    if not by_word:
        return _Words(None, ())
    ordered = sorted(by_word, key=len, reverse=True)  # the longest word wins where two overlap
    pattern = re.compile(
        "|".join(f"(?P<w{index}>{_bounded(word)})" for index, word in enumerate(ordered)),
        re.IGNORECASE,
    )
    return _Words(pattern, tuple(tuple(by_word[word]) for word in ordered))


def _bounded(word: str) -> str:
    before = "" if is_cjk(word[0]) else rf"(?<!{_LETTER})"
    after = "" if is_cjk(word[-1]) else rf"(?!{_LETTER})"
    return before + _GAP_WRITTEN.join(re.escape(part.strip()) for part in word.split(GAP)) + after


def _sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for end in _END.finditer(text):
        spans.append((start, end.end()))
        start = end.end()
    spans.append((start, len(text)))
    return [(start, end) for start, end in spans if start < end]


def _dates(
    text: str, signals: list[_Found], named: list[_Found], dates: list[DateMention]
) -> Iterator[str]:
    """A signal's date: the nearest, when it writes its day and is not a range."""
    about = _about(named)
    for anchor, mention in _claims(text, _anchors("date", signals), dates):
        _, month, day = mention.first
        if mention.last is not None or month is None or day is None:
            continue  # a range, a month or a year: another event, or not precise enough to say
        facts = _facts("date", anchor, about)
        if facts and not any(_same_day(mention, fact) for fact in facts):
            record = " or ".join(f"{_label(fact)} on {_day(fact.value)}" for fact in facts)
            yield _message(facts, record, _said(mention))


def _counts(
    text: str, signals: list[_Found], named: list[_Found], quantities: list[Quantity]
) -> Iterator[str]:
    """A signal's count: the nearest number that is no duration ("32 NGOs", 32个非政府组织)."""
    numbers = [quantity for quantity in quantities if quantity.amount is None]
    about = _about(named)
    for anchor, quantity in _claims(text, _anchors("count", signals), numbers):
        facts = _facts("count", anchor, about) if _fits("count", quantity) else []
        if facts and not any(_same_amount(quantity, fact) for fact in facts):
            record = " or ".join(_amount(fact) for fact in facts)
            yield _message(facts, record, quantity.shown())


def _durations(
    signals: list[_Found], named: list[_Found], quantities: list[Quantity], start: int
) -> Iterator[str]:
    """Each duration after a signal ("sentenced to..."), for the people named before it."""
    anchors = _anchors("duration", signals)
    bound, previous = start, frozenset[frozenset[str]]()
    for quantity in quantities:
        anchor = next((a for a in reversed(anchors) if a.end <= quantity.start), None)
        if anchor is None or not _fits("duration", quantity):
            continue
        # The people named since the last amount; none named after a group of several
        # ("黄雪琴和王建兵...分别被判处五年和三年六个月") leaves the amount to any of them.
        group = frozenset(
            frozenset(fact.id for fact in subject.facts)
            for subject in named
            if bound <= subject.start and subject.end <= quantity.start
        )
        if not group and len(previous) > 1:
            group = previous
        bound, previous = quantity.end, group
        facts = _facts("duration", anchor, set().union(*group))
        if facts and not any(_same_amount(quantity, fact) for fact in facts):
            record = " or ".join(_amount(fact) for fact in facts)
            yield _message(facts, record, quantity.shown())


def _anchors(kind: str, signals: list[_Found]) -> list[_Found]:
    return [signal for signal in signals if any(fact.kind == kind for fact in signal.facts)]


def _about(named: list[_Found]) -> set[str]:
    """The facts whose subject a sentence names."""
    return {fact.id for subject in named for fact in subject.facts}


def _facts(kind: str, anchor: _Found, about: set[str]) -> list[Fact]:
    """The facts of ``kind`` a signal stands for: one about someone only where they are named."""
    return [
        fact
        for fact in anchor.facts
        if fact.kind == kind and (not fact.subject or fact.id in about)
    ]


def _claims(text: str, anchors: list[_Found], items: Sequence[_Item]) -> list[tuple[_Found, _Item]]:
    """Each item goes to its nearest signal, and each signal keeps its nearest item.

    Everything takes part, so that a nearer date or number that is not judged ("in October
    2019", "nearly 30") keeps a farther one from being taken for the fact's.
    """
    claimed: dict[int, tuple[tuple[int, int], _Item]] = {}
    for item in items if anchors else ():
        gap, which = min(
            (_gap(text, item, anchor), number) for number, anchor in enumerate(anchors)
        )
        if which not in claimed or gap < claimed[which][0]:
            claimed[which] = (gap, item)
    return [(anchors[which], item) for which, (_, item) in sorted(claimed.items())]


def _fits(kind: str, quantity: Quantity) -> bool:
    """A plain amount of the fact's kind: no qualifier, ordinal, list number or "both"."""
    if quantity.qualifier or quantity.ordinal or quantity.weak or quantity.reference:
        return False
    amount = quantity.amount
    if kind == "duration":
        return amount is not None and amount[0] == "month"
    return amount is None and quantity.unit not in _NOT_COUNTS


def _gap(text: str, item: DateMention | Quantity, signal: _Found) -> tuple[int, int]:
    """How far a date or number stands from a signal: clause marks between, then characters."""
    start, end = min(item.end, signal.end), max(item.start, signal.start)
    between = text[start:end] if start < end else ""
    return len(_CLAUSE.findall(between)), len(between)


def _same_day(mention: DateMention, fact: Fact) -> bool:
    assert isinstance(fact.value, dt.date)
    year, month, day = mention.first
    value = fact.value
    return (year is None or year == value.year) and (month, day) == (value.month, value.day)


def _same_amount(quantity: Quantity, fact: Fact) -> bool:
    if fact.kind == "duration":
        return quantity.amount == ("month", Fraction(int(fact.value)))  # type: ignore[arg-type]
    return Fraction(quantity.value) == fact.value


def _label(fact: Fact) -> str:
    """How the message names a fact: its English subject and signal ("Wang Jianbing released")."""
    words = [*fact.subject_in("en")[:1], *fact.signals_in("en")[:1]]
    return " ".join(words) if words else fact.id


def _amount(fact: Fact) -> str:
    if fact.kind == "count":
        return f"{_label(fact)}: {fact.value}"
    years, months = divmod(int(fact.value), 12)  # type: ignore[arg-type]
    parts = [_plural(years, "year"), _plural(months, "month")]
    return f"{_label(fact)} to {' and '.join(part for part in parts if part) or '0 months'}"


def _plural(count: int, unit: str) -> str:
    return "" if not count else f"{count} {unit}{'' if count == 1 else 's'}"


def _day(value: object) -> str:
    assert isinstance(value, dt.date)
    return f"{value.day} {calendar.month_name[value.month]} {value.year}"


def _said(mention: DateMention) -> str:
    """A date as the sentence writes it, with its value when the writing is not that value."""
    year, month, day = mention.first
    assert month is not None and day is not None
    value = f"{day} {calendar.month_name[month]}" + (f" {year}" if year is not None else "")
    return mention.text if mention.text == value else f"{mention.text} ({value})"


def _message(facts: Sequence[Fact], record: str, said: str) -> str:
    ids = ", ".join(fact.id for fact in facts)
    return f"{record} in the campaign record ({ids}); this sentence says {said}"
