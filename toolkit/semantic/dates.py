# ruff: noqa: RUF001, RUF002, RUF003  (full-width digits and Chinese dates are what this reads)
"""Dates written in running text, in any language and script: found, with their values."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from toolkit.semantic.datepatterns import Patterns, weekday_patterns
from toolkit.semantic.datepatterns import patterns as patterns_for
from toolkit.semantic.datewords import CJK_BETWEEN_AFTER, DateWords

Value = tuple[int | None, int | None, int | None]  # (year, month, day); None where not written


@dataclass(frozen=True)
class DateMention:
    """A date as written in a text: its span, its text and its value (or the two ends of a range).

    ``first`` is ``(year, month, day)`` with None for what is not written ("18 March" is
    ``(None, 3, 18)``). In a range the end that leaves something out takes it from the other
    ("14 to 18 March" is ``(None, 3, 14)`` to ``(None, 3, 18)``).
    """

    start: int
    end: int
    text: str
    first: Value
    last: Value | None = None

    @property
    def points(self) -> tuple[Value, ...]:
        return (self.first,) if self.last is None else (self.first, self.last)

    def shown(self) -> str:
        """The value as messages write it: ``2024-06-14``, or ``2024-03-14 to 2024-03-18``."""
        if self.last is None:
            return iso(self.first)
        return f"{iso(self.first)} to {iso(self.last)}"


def iso(value: Value) -> str:
    """A date value as messages write it: 2024-06-14, 2024-06, 06-14, 2024, or "month 06" for a
    month alone."""
    year, month, day = value
    if year is None and day is None:
        return f"month {month:02d}" if month is not None else ""
    parts = [f"{year:04d}" if year is not None else None]
    parts += [f"{month:02d}" if month is not None else None, f"{day:02d}" if day else None]
    return "-".join(part for part in parts if part is not None)


# Full-width digits, slash, hyphen and full stop, as Chinese may write them (２０２１／９／１９):
# one character each way, so spans found in the folded text hold in the original.
_FOLD = str.maketrans("０１２３４５６７８９／－．", "0123456789/-.")
_FOLDED = re.compile(f"[{re.escape(''.join(map(chr, _FOLD)))}]")  # what _FOLD changes
_CHINESE_DIGITS = {char: value for value, char in enumerate("〇一二三四五六七八九")} | {"零": 0}

# A year written alone (2019年, "in 2019") must be 1800-2199: other four-digit numbers are sizes
# and counts (2048, 1000年 "a thousand years").
_LONE_YEARS = range(1800, 2200)


def _fold(text: str) -> str:
    """The text with full-width digits and signs folded (most texts have none: no copy)."""
    return text.translate(_FOLD) if _FOLDED.search(text) else text


def find_dates(text: str, locale: str) -> list[DateMention]:
    """The dates written in ``text`` (in ``locale``), in order, ranges as one mention.

    Found in any language: Chinese and Japanese 年月日 with digits, full-width digits or Chinese
    numerals; ISO and numeric dates; month names of the locale's language and of English (from
    CLDR). A year or a month written alone is a date only after a preposition ("in 2019",
    "since September") or with 年 (2019年); elsewhere it is a number (2048) or a word ("May").
    """
    return list(dates_in(text, locale))


def dates_in(text: str, locale: str) -> tuple[DateMention, ...]:
    """``find_dates`` as a tuple, for callers that only read it: no copy."""
    # _may_have_dates, written out: this runs for every text checked (a subscript of the
    # gates kept at hand, no call, for a locale seen before).
    if text.isascii():
        try:
            table, search = _ASCII_GATES[locale]
        except KeyError:
            table, search = _ascii_gate(locale)
        if search(text.encode().translate(table)) and (_GATES.get(locale) or _gate(locale))(text):
            return _dates(text, locale)
        return ()
    if "年" in text or "月" in text or _wide_gate(text, locale):
        return _dates(text, locale)
    return ()


def _wide_gate(text: str, locale: str) -> bool:
    """The gate on a text outside ASCII: on the text as written, then, where the gate finds
    nothing and the text has full-width digits or signs (２０２１／９／１９), on it folded."""
    search = _GATES.get(locale) or _gate(locale)
    return bool(search(text) or (_FOLDED.search(text) and search(text.translate(_FOLD))))


def _may_have_dates(text: str, locale: str) -> bool:
    """False when ``text`` has no date for sure, True when it may have one."""
    # Every date has 年 or 月, a month name or a year of 1800-2199 (numeric dates are read in
    # these years only): most texts have none, and these plain searches are many times faster
    # than the expressions that read dates. Not cached: cheaper than a cache's look-up of a
    # text not seen yet, as most are. An ASCII text (most sources) has no 年 or 月, and its
    # translated bytes tell for about two thirds of the gate's cost whether the gate may find
    # something (Patterns.ascii_gate).
    if text.isascii():
        table, search = _ASCII_GATES.get(locale) or _ascii_gate(locale)
        return bool(
            search(text.encode().translate(table)) and (_GATES.get(locale) or _gate(locale))(text)
        )
    return "年" in text or "月" in text or _wide_gate(text, locale)


_GATES: dict[str, Callable[[str], object]] = {}
_ASCII_GATES: dict[str, tuple[bytes, Callable[[bytes], object]]] = {}


def _gate(locale: str) -> Callable[[str], object]:
    """The search of ``Patterns.gate`` for ``locale``, kept at hand."""
    search = _GATES[locale] = patterns_for(locale).gate.search
    return search


def _ascii_gate(locale: str) -> tuple[bytes, Callable[[bytes], object]]:
    """The table and search of ``Patterns.ascii_gate`` for ``locale``, kept at hand."""
    table, expression = patterns_for(locale).ascii_gate
    _ASCII_GATES[locale] = table, expression.search
    return table, expression.search


@lru_cache(maxsize=8192)
def _dates(text: str, locale: str) -> tuple[DateMention, ...]:
    """The dates of a text that the gate let through: cached, as the checks of one entry ask for
    the dates of the same texts."""
    patterns = patterns_for(locale)
    folded = _fold(text)
    # Most texts let through have a year or a month name that is no date (a version, "Mark"):
    # the shapes of dates, found by quick searches, spare them the expression that reads dates.
    if not (
        (("年" in folded or "月" in folded) and patterns.cjk_shape.search(folded))
        or (("1" in folded or "2" in folded) and patterns.year_shape.search(folded))
        or patterns.month_shape.search(folded)
    ):
        return ()
    found = []
    for match in patterns.dates.finditer(folded):
        value = _value(match, patterns.words)
        if value is not None:
            start, end, first, last = value
            found.append(DateMention(start, end, text[start:end], first, last))
    return tuple(_ranges(text, folded, found, patterns))


def _value(match: re.Match[str], words: DateWords) -> tuple[int, int, Value, Value | None] | None:
    """The span and value(s) of one match, or None when it is no valid date."""
    group = match.groupdict()
    start, end = match.span()
    if group["zm"]:
        year = _num(group["zy"]) or _minguo(group["zg"])
        first: Value = (year, _num(group["zm"]), _num(group["zd"]))
        last_day = group["zd2"] or group["ze"]
        last = (first[0], first[1], _num(last_day)) if last_day else None
    elif group["zr1"] or group["ry1"]:
        since, until = _num(group["zr1"] or group["ry1"]), _num(group["zr2"] or group["ry2"])
        if since is None or until is None or not since < until:
            return None  # 2020-2019 is a subtraction or a code, not a range
        first, last = (since, None, None), (until, None, None)
    elif group["zo"] or group["fy"] or group["zgo"]:
        first, last = (_num(group["zo"] or group["fy"]) or _minguo(group["zgo"]), None, None), None
        start = match.start("fy") if group["fy"] else start
        if first[0] not in _LONE_YEARS:
            return None
    elif group["iy"]:
        first, last = (_num(group["iy"]), _num(group["im"]), _num(group["id"])), None
    elif group["na"]:
        a, b = int(group["na"]), int(group["nb"])
        # 9/10/2021: which number is the month is the locale's convention (CLDR's short date);
        # a number above 12 is the day whatever the convention.
        month_first = b > 12 or (a <= 12 and words.month_first)
        first, last = (int(group["ny"]), *((a, b) if month_first else (b, a))), None
    elif group["ad"]:
        month = words.months[group["am"]]
        year = _num(group["ay"])
        first, last = (year, month, int(group["ad"])), (year, month, int(group["ad2"]))
    elif group["bm"]:
        month = words.months[group["bm"]]
        year = _num(group["by"])
        first, last = (year, month, int(group["bd"])), (year, month, int(group["bd2"]))
    elif group["cm"]:
        first, last = (_num(group["cy"]), words.months[group["cm"]], int(group["cd"])), None
    elif group["hm"]:
        first, last = (int(group["hy"]), words.months[group["hm"]], int(group["hd"])), None
    elif group["dm"]:
        first, last = (_num(group["dy"]), words.months[group["dm"]], int(group["dd"])), None
    elif group["em"]:
        first, last = (int(group["ey"]), words.months[group["em"]], None), None
    else:
        first, last = (None, words.months[group["fm"]], None), None
        start = match.start("fm")
    if not all(_valid(value) for value in (first, last) if value is not None):
        return None
    return start, end, first, last


def _num(written: str | None) -> int | None:
    """The value of digits or Chinese numerals: 2021, 二〇二一 (digit by digit), 十九, 三十一."""
    if not written:
        return None
    if written.isascii():
        return int(written)
    if "十" not in written:
        return int("".join(str(_CHINESE_DIGITS[char]) for char in written))
    tens, _, units = written.partition("十")
    return (_CHINESE_DIGITS[tens] if tens else 1) * 10 + (_CHINESE_DIGITS[units] if units else 0)


def _minguo(written: str | None) -> int | None:
    return int(written) + 1911 if written else None


def _valid(value: Value) -> bool:
    year, month, day = value
    if month is not None and not 1 <= month <= 12:
        return False
    if day is None:
        return True
    if month is None:
        return 1 <= day <= 31
    # 29 February without a year may be a leap year's.
    days = calendar.monthrange(year if year is not None else 2024, month)[1]
    return 1 <= day <= days


def _ranges(
    text: str, folded: str, found: list[DateMention], patterns: Patterns
) -> list[DateMention]:
    """Join two dates with "to", "至", a dash or "between ... and" into one range mention."""
    joined: list[DateMention] = []
    index = 0
    while index < len(found):
        mention = found[index]
        after = found[index + 1] if index + 1 < len(found) else None
        if (
            mention.last is None
            and after is not None
            and after.last is None
            and _joins(folded, mention, after, patterns)
        ):
            joined.append(_range(text, mention.start, after.end, mention.first, after.first))
            index += 2
            continue
        tail = _year_tail(folded, mention, patterns)
        if tail is not None:
            joined.append(
                _range(text, mention.start, tail[0], mention.first, (tail[1], None, None))
            )
        else:
            joined.append(mention)
        index += 1
    return joined


def _joins(folded: str, mention: DateMention, after: DateMention, patterns: Patterns) -> bool:
    gap = folded[mention.end : after.start]
    if patterns.connector.fullmatch(gap):
        return True
    if not patterns.and_word.fullmatch(gap):
        return False
    # "between October 2019 and January 2020"; 在2019年10月和2020年1月之间
    return bool(
        patterns.between.search(folded, 0, mention.start)
        or CJK_BETWEEN_AFTER.match(folded, after.end)
    )


def _year_tail(folded: str, mention: DateMention, patterns: Patterns) -> tuple[int, int] | None:
    """The end and year of a range's second year written alone: "from 2019 to 2020"."""
    since = mention.first[0]
    if mention.last is not None or mention.first[1] is not None or since is None:
        return None
    tail = patterns.year_tail.match(folded, mention.end)
    if tail is None:
        return None
    if tail.group("a") and not patterns.between.search(folded, 0, mention.start):
        return None  # "in 2019 and 2020" are two years, not a range
    until = _num(tail.group("y") or tail.group("a") or tail.group("z"))
    return (tail.end(), until) if until is not None and until > since else None


def _range(text: str, start: int, end: int, first: Value, last: Value) -> DateMention:
    """A range whose ends lend each other what one leaves out: "14 to 18 March", 10月至12月.

    An end takes only larger units than the ones it writes ("14" takes March and its year, never
    a day). A year so taken steps back or on when the range would run backwards: "December to
    January 2020" starts in December 2019, 2019年12月至1月 ends in January 2020.
    """
    lent_first, lent_last = _lend(first, last), _lend(last, first)
    if _key(lent_first) > _key(lent_last):
        if first[0] is None and lent_first[0] is not None:
            lent_first = (lent_first[0] - 1, lent_first[1], lent_first[2])
        elif last[0] is None and lent_last[0] is not None:
            lent_last = (lent_last[0] + 1, lent_last[1], lent_last[2])
    return DateMention(start, end, text[start:end], lent_first, lent_last)


def _lend(receiver: Value, giver: Value) -> Value:
    smallest = max(index for index, part in enumerate(receiver) if part is not None)
    year, month, day = (
        part if part is not None or index >= smallest else giver[index]
        for index, part in enumerate(receiver)
    )
    return year, month, day


def _key(value: Value) -> tuple[int, int, int]:
    return (value[0] or 0, value[1] or 0, value[2] or 0)


_NUMBER = re.compile(r"(?<![0-9.])[0-9]{4}(?![0-9]|\.[0-9])")


def years_written(text: str) -> frozenset[int]:
    """Every four-digit number of a text, a year or not: "the 2019 protests" writes 2019."""
    return frozenset(int(number) for number in _NUMBER.findall(_fold(text)))


def months_named(text: str, locale: str) -> frozenset[int]:
    """Every month a text names, alone or not: "January" (a calendar's label), 一月, Sep."""
    if not _may_have_dates(text, locale):
        return frozenset()
    patterns = patterns_for(locale)
    folded = _fold(text)
    # A month is named with 月 or by a name: most texts with a date have neither (2019-09-19).
    if "月" in folded:
        matches: Iterable[re.Match[str]] = patterns.month_name.finditer(folded)
    else:
        # Only names: tried where month_shape finds a name (and "Mayfield").
        matches = _tried_where(patterns.month_shape.search, patterns.month_name.match, folded)
    found = set()
    for match in matches:
        number = (
            patterns.words.months.get(match.group("m"))
            if match.group("m")
            else _num(match.group("z"))
        )
        if number is not None:
            found.add(number)
    return frozenset(found)


def _tried_where(
    find: Callable[[str, int], re.Match[str] | None],
    match: Callable[[str, int], re.Match[str] | None],
    text: str,
) -> Iterator[re.Match[str]]:
    """What ``finditer`` of ``match``'s expression finds, trying it only where ``find`` finds
    something, which must be everywhere it can match (and may be more).

    For an expression that opens with a look behind or ahead: a search of it tries every
    position in turn, at hundreds of instructions each, where ``find`` skips to the few
    positions that can start a match.
    """
    position = 0
    while (candidate := find(text, position)) is not None:
        found = match(text, candidate.start())
        if found is None:
            position = candidate.start() + 1
        else:
            yield found
            position = found.end()


def weekday_beside(text: str, mention: DateMention, locale: str) -> tuple[str, int, Value] | None:
    """A weekday written right before or after a date ("Friday, 22 September", 9月22日（周五）).

    Returns the weekday as written, its number (0 is Monday) and the date it names (the first
    end of a range when written before it, the last when after), or None.
    """
    since = max(0, mention.start - 24)
    patterns = patterns_for(locale)
    if not patterns.weekday_gate.search(text, since):
        return None  # most dates: no weekday name near (and the expressions below not compiled)
    weekdays = weekday_patterns(locale)
    before = weekdays[0].search(text, since, mention.start)
    after = weekdays[1].match(text, mention.end)
    if before:
        name, value = before.group("w"), mention.first
    elif after:
        name, value = after.group("w") or after.group("v"), mention.last or mention.first
    else:
        return None
    return name, patterns.words.weekdays[name], value
