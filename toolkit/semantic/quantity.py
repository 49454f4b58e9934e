"""The record of a quantity read in a text, and how messages show it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

from toolkit.semantic.numerals import Number, number

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
