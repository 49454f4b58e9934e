# ruff: noqa: RUF001, RUF003  (Chinese numerals and full-width brackets are the data here)
"""Quantities in a text: numbers with their unit, qualifier and ordinal, comparable by value."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from fractions import Fraction
from functools import lru_cache

from toolkit.semantic import numerals_en
from toolkit.semantic.dates import dates_in
from toolkit.semantic.grammar import Grammar, qualifies
from toolkit.semantic.grammar import grammar as grammar_of
from toolkit.semantic.numerals import (
    FULL_WIDTH,
    Number,
    Numeral,
    WholeWords,
    digit_numerals,
    has_digit,
    number,
)

# Durations compare as amounts of one base unit: three years and six months = 3.5 years =
# 42 months; five months is not five years.
DURATIONS: dict[str, tuple[str, int]] = {
    "year": ("month", 12), "month": ("month", 1), "week": ("day", 7), "day": ("day", 1),
    "hour": ("minute", 60), "minute": ("minute", 1), "second": ("second", 1),
}  # fmt: skip
VAGUE_NAMES = {10: "dozens", 100: "hundreds", 1000: "thousands", 10**4: "tens of thousands",
               10**5: "hundreds of thousands", 10**6: "millions", 10**9: "billions"}  # fmt: skip


@dataclass(frozen=True)
class Quantity:
    """A number of a text with what makes it a quantity: its unit, qualifier and kind.

    ``start``/``end`` span all of it, qualifier and unit included ("nearly 250 days",
    近250天). ``unit`` is the same word in every language (year, month, week, day, hour, minute,
    second, person, organisation, times, percent, age, anniversary, fold). ``qualifier`` is one
    of nearly, about, more than, at least, at most, less than, or several (an order of
    magnitude: "dozens of", 数十, whose ``value`` is 10). ``weak`` marks words that need not be
    a count ("one of", 一个 for "a", "both"). ``reference`` marks a number that names, not
    counts: a list number at the start, a version (3.14.0).
    """

    start: int
    end: int
    text: str
    value: Number
    unit: str | None = None
    qualifier: str | None = None
    ordinal: bool = False
    weak: bool = False
    reference: bool = False
    compound: bool = False  # read from several units ("three years and six months")

    @property
    def vague(self) -> bool:
        return self.qualifier == "several"

    @property
    def amount(self) -> tuple[str, Number] | None:
        """A duration in its base unit (("month", 42) for three years and six months)."""
        if self.unit not in DURATIONS or self.ordinal:
            return None  # 第 1 天 "day 1" is a day, not an amount of days
        base, factor = DURATIONS[self.unit]
        # An int for a whole value: equal to the Fraction it once was, and far quicker to make.
        return base, self.value * factor

    def describe(self) -> str:
        """The value in words every reader follows: ``42 months``, ``2nd``, ``nearly 250 days``."""
        if self.reference and self.value == 0:
            return " ".join(self.text.split())  # a version: 3.14.0
        if self.vague:
            return VAGUE_NAMES.get(int(self.value), f"{self.value}s")
        amount = self.amount
        if amount and (self.compound or Fraction(self.value).denominator != 1):
            shown = f"{_figure(number(amount[1]))} {amount[0]}s"
        elif self.ordinal:
            shown = _ordinal(self.value) + (" anniversary" if self.unit == "anniversary" else "")
        elif self.unit == "percent":
            shown = f"{_figure(self.value)}%"
        elif self.unit == "age":
            shown = f"{_figure(self.value)} years old"
        elif self.unit == "base":
            shown = f"base {_figure(self.value)}"
        elif self.unit == "fold":
            shown = f"{_figure(self.value)}-fold"
        elif self.unit:
            plural = "" if self.value == 1 or self.unit == "times" else "s"
            unit = "people" if plural and self.unit == "person" else self.unit + plural
            shown = f"{_figure(self.value)} {unit}"
        else:
            shown = _figure(self.value)
        return f"{self.qualifier} {shown}" if self.qualifier else shown

    def shown(self) -> str:
        """As a message quotes it: the text as written, and its value if that says more."""
        text = " ".join(self.text.split())
        quoted = f'"{text}"' if _LATIN.search(text) else text
        described = self.describe()
        return quoted if described == text else f"{quoted} ({described})"


def _figure(value: Number) -> str:
    if isinstance(value, int):
        return str(value)
    decimal = float(value)
    return f"{decimal:g}" if Fraction(str(decimal)) == value else str(value)


def _ordinal(value: Number) -> str:
    if not isinstance(value, int):
        return _figure(value)
    suffix = "th" if 10 <= value % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
    return f"{value}{suffix}"


_LATIN = re.compile("[A-Za-z]")
_STANDARD = re.compile(r"\b[A-Z]{2,}[ \t-]*$")
_CAPITALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")  # a set: "" is not in it
_LISTED = re.compile(
    r"[ \t]*(?:[位个個种種项項][ \t]*)?(?:,[ \t]*)?(?:或|和|及|、|至|到|or|and|to)[ \t]*"
)
# A date has a digit or a Chinese numeral: without one, the date finder need not run.
# What FULL_WIDTH changes: most texts have none of it, and translate() is slow.
_FULL_WIDTH = re.compile(f"[{re.escape(''.join(map(chr, FULL_WIDTH)))}]")
_DATE_HINT = re.compile("[0-9零〇一二三四五六七八九十]")
# Nothing to read: no digit, no Chinese numeral, no English number word.
_GATE_CHARACTERS = re.compile("[0-9０-９零〇一二两兩三四五六七八九十百千万萬亿億半双雙单單]")
_GATE_WORDS = WholeWords(numerals_en.WORDS | numerals_en.OTHER_WORDS)

# What is not prose, each with the string it needs, or another it may need instead ("" for
# none; a flat row is a quicker loop than a tuple of needs): code spans and reST roles,
# URLs, e-mail addresses, placeholders (%d, {0}, $1, <file>), HTML tags, clock times and
# ratios (1:1), calls f(1, 2) and options (-O2). Each expression opens with the characters its
# matches start with (a lookbehind comes after the first character it looks behind): a search
# then skips to them instead of trying the expression at every position.
_NOT_PROSE = tuple(
    (need, other, re.compile(pattern, re.MULTILINE))
    for (need, other), pattern in (
        # A role's name or the first backtick, then the rest of the backticks (a first "`"
        # and \1); inside, runs of other characters and of other numbers of backticks.
        (
            ("`", ""),
            r"[:`](?:(?<=:)[\w:.+-]+:`|(?<=`))(`*)(?!`)(?:[^`]++|(?!`\1(?!`))`++)+?`\1(?!`)",
        ),
        (("://", "www."), r"(?:https?|ftp|file)://\S+|www\.\S+"),
        (("@", ""), r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
        (
            ("%", ""),
            r"%(?:\([^)\s]*\))?[-#0+']*(?:[0-9]+\$)?(?:[0-9]+|\*(?:[0-9]+\$)?)?"
            r"(?:\.(?:[0-9]+|\*(?:[0-9]+\$)?))?(?:hh|h|ll|l|L|q|j|z|t)?[diouxXeEfFgGcrsaAp]"
            r"|%(?:[0-9]+\$)?<PRI\w+>",
        ),
        (("{", "$"), r"\{[^{}\s]*\}|\$\{?\w+\}?"),
        (("<", ""), r"</?[A-Za-z][^<>\n]*>|<[^<>\s]{1,40}>"),
        # (Its quick test, _TIME_HINT, asks for a digit on each side of a colon first.)
        ((":", ""), r"[0-9](?<![0-9][0-9])[0-9]?:[0-9]{1,2}(?::[0-9]{2})?(?![0-9])"),
        (("(", ""), r"\((?<=[A-Za-z0-9_]\()[^()\n]*\)"),
        (("-", ""), r"-(?<![\w-]-)-?[A-Za-z][\w-]*(?:=\S*)?"),
    )
)
# What a clock time or ratio (1:1) has: a colon between digits. Opened by the colon, which a
# search scans for in C; the time's own expression, opened by a digit, tries every digit of
# the many texts with a colon but no time.
_TIME_HINT = re.compile(":(?<=[0-9]:)[0-9]")
_SESSION = re.compile(
    r"^[ \t]*(?:(?:>>>|\$)[ \t]|(?:async[ \t]+)?def[ \t]+\w+[ \t]*\(|class[ \t]+\w+[ \t]*[(:]"
    r"|import[ \t]+[\w.]+[ \t]*$|from[ \t]+[\w.]+[ \t]+import\b)",
    re.MULTILINE,
)
# A list number opening the text: "1.", "(2)", "3)", 一、, （二）.
_LIST_NUMBER = re.compile(
    r"\s*(?:[0-9]+[.)、](?=\s|$)|[（(][0-9一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、)"
)


def find_quantities(text: str, locale: str) -> list[Quantity]:
    """Every number of ``text`` (in ``locale``) with its unit, qualifier and kind, in order.

    Digits that are part of a date (``toolkit.semantic.dates``), of code, a URL or a
    placeholder are not read.
    """
    return list(_find(text, locale))


def quantities(text: str, locale: str) -> tuple[Quantity, ...]:
    """``find_quantities`` as a tuple, for callers that only read it: no copy."""
    return _find(text, locale)


@lru_cache(maxsize=16384)
def _find(text: str, locale: str) -> tuple[Quantity, ...]:
    if not _may_read(text) or _session(text):
        return ()  # an interpreter session or a program is code, not prose
    grammar = grammar_of(locale)
    wide = not text.isascii() and _FULL_WIDTH.search(text)
    masked, figures, words = _mask(text.translate(FULL_WIDTH) if wide else text, locale, grammar)
    if not (figures or words):
        return ()  # all in code, a placeholder or a date (most texts with figures)
    found = digit_numerals(masked, locale) if figures else []
    if words and grammar.words is not None:
        found.extend(grammar.words(masked))
    if len(found) > 1:  # most texts: one number or none, nothing to sort
        found.sort(key=lambda item: (item.start, -item.end))
    quantities: list[Quantity] = []
    last_end = 0
    for numeral in found:
        if numeral.start < last_end:
            continue  # 百分之30 read as a percentage is not read again as 30
        quantity = _quantity(text, masked, numeral, grammar)
        if quantity is None:
            continue
        previous = quantities[-1] if quantities else None
        if (
            previous
            and previous.qualifier not in (None, "several")
            and not quantity.qualifier
            and _LISTED.fullmatch(masked, previous.end, quantity.start)
        ):
            # 小于 127 或 255 "less than 127 or 255", 超过一至两行 "more than one or two lines":
            # the qualifier goes for both.
            quantity = replace(quantity, qualifier=previous.qualifier)
        quantities.append(quantity)
        last_end = quantity.end
    if len(quantities) < 2:
        return tuple(quantities)  # nothing to join
    return tuple(_join_durations(text, quantities, grammar))


def _may_read(text: str) -> bool:
    """The quick test of ``_find``: a digit, a Chinese numeral or an English number word."""
    if text.isascii():  # no Chinese numeral, no full-width digit: the quick test of digits
        return has_digit(text) or _GATE_WORDS.found_in(text)
    return bool(_GATE_CHARACTERS.search(text)) or _GATE_WORDS.found_in(text)


def _session(text: str) -> bool:
    """Whether a line of ``text`` is of a session or a program: of one line, only its start."""
    return bool(_SESSION.search(text) if "\n" in text else _SESSION.match(text))


def _mask(text: str, locale: str, grammar: Grammar) -> tuple[str, bool, bool]:
    """``text`` with code, placeholders and dates blanked out (offsets unchanged), and whether
    what is left has a figure and may have number words (``grammar.hint``): without either,
    there is nothing to read, and no need to look for dates."""
    masked = text
    for need, other, pattern in _NOT_PROSE:
        if (need in masked or (other and other in masked)) and (
            need != ":" or _TIME_HINT.search(masked)
        ):
            masked = pattern.sub(_blank, masked)
    figures, words = _readable(masked, grammar)
    if not (figures or words):
        return masked, False, False
    # A date has a digit or a Chinese numeral; an ASCII text has no numeral.
    if not (figures or (not masked.isascii() and _DATE_HINT.search(masked))):
        return masked, figures, words
    dates = dates_in(text, locale)
    for date in dates:
        masked = masked[: date.start] + "\0" * (date.end - date.start) + masked[date.end :]
    return (masked, *_readable(masked, grammar)) if dates else (masked, figures, words)


def _readable(masked: str, grammar: Grammar) -> tuple[bool, bool]:
    """Whether ``masked`` has a figure, and whether it may have number words."""
    return has_digit(masked), grammar.hint is not None and grammar.hint(masked)


def _blank(match: re.Match[str]) -> str:
    return "\0" * len(match.group())


def _quantity(text: str, masked: str, numeral: Numeral, grammar: Grammar) -> Quantity | None:
    start, end, value = numeral.start, numeral.end, numeral.value
    unit, ordinal, qualifier = numeral.unit, numeral.ordinal, None
    if grammar.scale and masked[start].isdigit() and (scale := grammar.scale.match(masked, end)):
        word = scale.group("scale").lower()
        for factor in (
            [grammar.scales[word]] if word in grammar.scales else map(grammar.scales.get, word)
        ):
            value *= factor or 1
        end = scale.end()
    if grammar.date_after and not ordinal and grammar.date_after.match(masked, end):
        return None  # 9月, 19日: the date check's affair
    matched = (
        grammar.unit.match(masked, end)
        if grammar.unit
        and not numeral.vague
        and (grammar.unit_next is None or grammar.unit_next(masked, end))
        and not _named(masked, start)
        else None
    )
    # An empty match (most numbers have no unit) names nothing: no need to ask its groups.
    if (
        matched
        and matched.end() > end
        and (named := _unit_groups(grammar.unit_names, matched.groups()))
    ):
        unit = unit or named[0]
        value += Fraction(1, 2) if named[1] else 0
        qualifier = "more than" if named[2] else None
        end = matched.end()
    if unit == "year" and value >= 1000 and value.denominator == 1:
        unit = None  # 2021年: a year of the calendar, not 2021 years
    ordinal = ordinal or unit == "anniversary"
    weak = numeral.weak and value == numeral.value and unit != "anniversary"
    weak = weak or unit == "base"  # 16 进制 "hexadecimal" names a notation, counts nothing
    if grammar.ordinal_before and "第" in masked[max(0, start - 3) : start]:  # 第 opens it
        before = grammar.ordinal_before.search(masked, max(0, start - 3), start)
        if before:
            start, ordinal = before.start(), True
    if numeral.vague:
        qualifier = "several"
    elif ordinal or (weak and value == 1):
        # 小于第二个 "less than the second": the qualifier is of the thing, not the rank; and a
        # weak "one" (一个 for "a") has its qualifiers left unread, being never compared.
        pass
    elif (
        grammar.before
        and grammar.may_qualify(masked[max(0, start - grammar.window) : start])
        and (before := grammar.before.search(masked, max(0, start - grammar.window), start))
        and qualifies(masked, before, numeral.end, unit)
    ):
        start, qualifier = before.start(), _qualifier(before)
    if (
        grammar.after
        and not (grammar.after_hint and not grammar.after_hint.match(masked, end))
        and not numeral.vague
        and not (weak and value == 1 and not ordinal)
        and (after := grammar.after.match(masked, end))
    ):
        end, qualifier = after.end(), qualifier or _qualifier(after)
    # (1), (2): a translator's enumeration, not a count.
    enumerated = (
        masked[numeral.start - 1 : numeral.start] in ("(", "（")
        and masked[numeral.end : numeral.end + 1] in (")", "）")
        and masked[numeral.start].isdigit()
        and value.denominator == 1
        and value < 20
    )
    reference = (
        numeral.reference
        or enumerated
        or bool(
            numeral.start < 8
            and (listed := _LIST_NUMBER.match(masked))
            and numeral.end <= listed.end()
        )
    )
    return _new_quantity(
        start, end, text[start:end], value if type(value) is int else number(value), unit,
        qualifier, ordinal, weak and not reference, reference,
    )  # fmt: skip


_new = object.__new__


def _new_quantity(
    start: int, end: int, text: str, value: Number, unit: str | None, qualifier: str | None,
    ordinal: bool, weak: bool, reference: bool,
) -> Quantity:  # fmt: skip
    """``Quantity(...)`` made the quick way: the frozen dataclass's __init__ sets each field
    through object.__setattr__, three times the cost of filling its __dict__ at once (the
    object is the same; tests/test_numbers.py compares the two)."""
    quantity = _new(Quantity)
    fields = quantity.__dict__  # filled in place: no dictionary of keywords to make first
    fields["start"], fields["end"], fields["text"], fields["value"] = start, end, text, value
    fields["unit"], fields["qualifier"], fields["ordinal"] = unit, qualifier, ordinal
    fields["weak"], fields["reference"], fields["compound"] = weak, reference, False
    return quantity


@lru_cache(maxsize=1024)
def _unit_groups(
    names: tuple[str | None, ...], groups: tuple[str | None, ...]
) -> tuple[str | None, bool, bool] | None:
    """What the groups a unit's match filled say: (the unit, "and a half", "more than"), the
    first unit by name; None when no group is filled. Remembered: a few units make most."""
    found = {name for name, group in zip(names, groups, strict=True) if name and group}
    if not found:
        return None
    units = sorted(found - {"more", "half", "measure"})
    return (units[0] if units else None), "half" in found, "more" in found


def _named(masked: str, start: int) -> bool:
    """Whether the number at ``start`` is a standard's (ISO 8601, RFC 2616, PEP 8), which is
    followed by no unit of its own."""
    # The quick test: _STANDARD's capitals, then only spaces, tabs, hyphens (and the newline
    # ``$`` may stand before) up to the number.
    head = masked[max(0, start - 12) : start]
    return head.rstrip(" \t-\n")[-1:] in _CAPITALS and bool(
        _STANDARD.search(masked, max(0, start - 12), start)
    )


def _qualifier(match: re.Match[str]) -> str:
    name = next(name for name, found in match.groupdict().items() if found is not None)
    return name.rstrip("_").replace("_", " ")


def _join_durations(text: str, quantities: list[Quantity], grammar: Grammar) -> list[Quantity]:
    """One amount for a duration written in two units: three years and six months, 三年零六个月."""
    joined: list[Quantity] = []
    for quantity in quantities:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and previous.amount
            and quantity.amount
            and previous.amount[0] == quantity.amount[0]
            and not (previous.qualifier or previous.ordinal or quantity.ordinal)
            and DURATIONS[previous.unit or ""][1] > DURATIONS[quantity.unit or ""][1]
            and not quantity.qualifier
            and grammar.join.fullmatch(text, previous.end, quantity.start)
        ):
            base, total = previous.amount[0], previous.amount[1] + quantity.amount[1]
            joined[-1] = replace(
                previous,
                end=quantity.end,
                text=text[previous.start : quantity.end],
                value=number(total),
                unit=base,
                weak=False,
                compound=True,
            )
        else:
            joined.append(quantity)
    return joined
