"""Date checks: every date of the source in the translation with the same value, in any form."""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from toolkit.checks.registry import Scope, check
from toolkit.model import Category, Pair, Severity
from toolkit.semantic.dates import (
    DateMention,
    Value,
    dates_in,
    iso,
    months_named,
    weekday_beside,
    years_written,
)

# A year-less date is taken in the document's year, or in the year before or after when that puts
# it within half a year of the document: a letter of January mentions "18 December" (last year),
# one of September asks for action "until 18 March" (next year).
_NEAR = datetime.timedelta(days=183)


@dataclass(frozen=True)
class _Side:
    """The dates of one text, and the bare years and month names it writes besides."""

    text: str
    mentions: tuple[DateMention, ...]
    years: frozenset[int]
    months: frozenset[int]

    @property
    def points(self) -> tuple[Value, ...]:
        return tuple(point for mention in self.mentions for point in mention.points)


@dataclass(frozen=True)
class _Comparison:
    missing: tuple[DateMention, ...]  # source dates the translation does not have
    added: tuple[DateMention, ...]  # translation dates the source does not have
    translation: tuple[DateMention, ...]
    undated: bool  # a missing date matches when the document's year is not imposed


# The checks below are called for every entry, and most entries have no date: they return an
# empty tuple then, cheaper than a generator, and a generator of their findings otherwise.
# D101, D102 and D103 run one after the other on each entry: the last entry D101 found without
# a date spares the other two their look-ups (held here, no other object takes its identity).
_undated: Pair | None = None


@check("D101", "date-mismatch", Category.DATES, Severity.ERROR, Scope.PAIR)
def date_mismatch(pair: Pair) -> Iterable[str]:
    """A date of the source is missing from the translation or has another value there.

    Dates are compared by value, whatever their form ("19 September 2021" = 2021年9月19日 =
    二〇二一年九月十九日). A partial date matches a fuller one when what it writes agrees, but the
    translation may leave out only the year; a year written on one side only must be the
    document's ("18 March" = 2025年3月18日 in a document of 2025). Ranges compare both ends.
    """
    global _undated  # see _undated
    if not (dates_in(pair.msgid, pair.source_locale) or dates_in(pair.msgstr, pair.locale)):
        _undated = pair
        return ()
    return _mismatches(pair)


def _mismatches(pair: Pair) -> Iterator[str]:
    comparison = _compare(
        pair.msgid, pair.source_locale, pair.msgstr, pair.locale, pair.document_date
    )
    seen: set[tuple[Value, ...]] = set()
    for mention in comparison.missing:
        if mention.points in seen:
            continue
        seen.add(mention.points)
        if comparison.added:
            instead = "; the translation has " + ", ".join(m.shown() for m in comparison.added)
        elif not comparison.translation:
            instead = "; the translation has no date"
        else:
            instead = ""
        if comparison.undated:
            instead += f" (a date without a year is the document's: {pair.document_date})"
        yield f"date {_written(mention)} of the source is missing{instead}"


@check("D102", "date-added", Category.DATES, Severity.WARNING, Scope.PAIR)
def date_added(pair: Pair) -> Iterable[str]:
    """The translation has a date that the source does not have.

    Reported only when every date of the source is found (a changed date is a D101).
    """
    if pair is _undated or not (
        dates_in(pair.msgid, pair.source_locale) or dates_in(pair.msgstr, pair.locale)
    ):
        return ()
    return _additions(pair)


def _additions(pair: Pair) -> Iterator[str]:
    comparison = _compare(
        pair.msgid, pair.source_locale, pair.msgstr, pair.locale, pair.document_date
    )
    if comparison.missing:
        return
    for mention in dict.fromkeys(comparison.added):
        yield f"date {_written(mention)} of the translation is not in the source"


@check("D103", "weekday-mismatch", Category.DATES, Severity.ERROR, Scope.TEXT)
def weekday_mismatch(text: str, locale: str) -> Iterable[str]:
    """A weekday written beside a date is not that date's weekday ("Thursday 22 September 2023")."""
    if _undated is not None and text is _undated.msgstr and locale == _undated.locale:
        return ()
    mentions = dates_in(text, locale)
    return _weekday_mismatches(text, mentions, locale) if mentions else ()


def _weekday_mismatches(
    text: str, mentions: tuple[DateMention, ...], locale: str
) -> Iterator[str]:
    for mention in mentions:
        beside = weekday_beside(text, mention, locale)
        if beside is None:
            continue
        name, weekday, (year, month, day) = beside
        if year is None or month is None or day is None:
            continue  # without a year the weekday cannot be known
        actual = calendar.weekday(year, month, day)
        if actual != weekday:
            yield (
                f"{name!r} beside {mention.text!r}: {iso((year, month, day))} is a "
                f"{calendar.day_name[actual]}, not a {calendar.day_name[weekday]}"
            )


@lru_cache(maxsize=4096)
def _compare(
    source: str, source_locale: str, translation: str, locale: str, document_date: str | None
) -> _Comparison:
    original, translated = _side(source, source_locale), _side(translation, locale)
    document = _document(document_date)
    # A source date is kept only if the translation writes its month and day (the year may go
    # when it is the document's); a translation date is the source's if they merely agree, so
    # that a translation may be more precise than its source ("18 March" = 2025年3月18日).
    missing = tuple(m for m in original.mentions if not _found(m, translated, document, True))
    added = tuple(m for m in translated.mentions if not _found(m, original, document, False))
    undated = document is not None and all(_found(m, translated, None, True) for m in missing)
    return _Comparison(missing, added, translated.mentions, undated and bool(missing))


def _side(text: str, locale: str) -> _Side:
    mentions = dates_in(text, locale)
    return _Side(text, mentions, years_written(text), months_named(text, locale))


def _found(
    mention: DateMention, other: _Side, document: datetime.date | None, strict: bool
) -> bool:
    # The same writing is the same date, however it reads: 09/01/2008 copied into a Chinese text
    # is the source's date even if Chinese would read it day first.
    if mention.text in other.text:
        return True
    return all(_present(point, other, document, strict) for point in mention.points)


def _present(point: Value, other: _Side, document: datetime.date | None, strict: bool) -> bool:
    if any(_agree(point, candidate, document, strict) for candidate in other.points):
        return True
    year, month, day = point
    # A year or a month alone is also found written as a plain number or a name: "the 2019
    # protests" = 2019年的抗议; a calendar's label "January" = 一月.
    if month is None and day is None:
        return year in other.years
    return year is None and day is None and month in other.months


def _agree(a: Value, b: Value, document: datetime.date | None, strict: bool) -> bool:
    """Two dates agree where both are written, and one writes no part the other leaves out.

    ``strict``: ``b`` must also write the month and day that ``a`` writes (2019年 is not
    "October 2019", nor 2021年9月 "19 September 2021").
    """
    written_a = {index for index, part in enumerate(a) if part is not None}
    written_b = {index for index, part in enumerate(b) if part is not None}
    if strict and not written_a - {0} <= written_b:
        return False
    if not (written_a <= written_b or written_b <= written_a):
        return False
    if any(a[index] != b[index] for index in written_a & written_b):
        return False
    if document is not None and (a[0] is None) != (b[0] is None):
        yearless, dated = (a, b) if a[0] is None else (b, a)
        if yearless[1] is not None:
            return dated[0] in _years_near(document, yearless[1], yearless[2])
    return True


def _years_near(document: datetime.date, month: int, day: int | None) -> set[int]:
    years = {document.year}
    for year in (document.year - 1, document.year + 1):
        days = calendar.monthrange(year, month)[1]
        when = datetime.date(year, month, min(day or 15, days))
        if abs(when - document) <= _NEAR:
            years.add(year)
    return years


def _document(value: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _written(mention: DateMention) -> str:
    """The date as written, with its value when the writing is not already that value."""
    value = mention.shown()
    return mention.text if mention.text == value else f"{mention.text} ({value})"
