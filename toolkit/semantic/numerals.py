# ruff: noqa: RUF001, RUF003  (full-width digits are what this module reads)
"""Numbers written with digits, in any locale's separators, and the record every numeral makes."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from typing import Any

from babel.core import UnknownLocaleError
from babel.numbers import get_decimal_symbol, get_group_symbol

Number = int | Fraction


@dataclass(frozen=True)
class Numeral:
    """A number as written, before the words around it (unit, qualifier) are read.

    ``weak`` marks a word that is as often an article or a pronoun as a count ("one of them",
    一个 for "a", "both"): it may answer a number of the other text but is never required.
    ``vague`` marks an order of magnitude ("dozens of", 数十): ``value`` is 10, 100...
    ``reference`` marks a number that names rather than counts (a version, a list number).
    """

    start: int
    end: int
    value: Number
    ordinal: bool = False
    weak: bool = False
    vague: bool = False
    reference: bool = False
    unit: str | None = None  # when the words already say it ("a year and a half")


def alternation(words: Iterable[str]) -> str:
    """A regular expression for any of ``words``, factored as a trie: Python's engine scans
    ``(?:t(?:en|hree|wo))`` much faster than ``(?:ten|three|two)``."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        group = f"(?:{'|'.join(branches)})" if len(branches) > 1 or "" in node else branches[0]
        return group + "?" if "" in node else group

    return build(trie)


def initials(words: Iterable[str]) -> str:
    """A lookahead for the first characters of ``words``, to open an expression that matches
    only where one of them starts: a search skips to those characters instead of trying the
    whole expression at every position (several times faster on long texts)."""
    return f"(?=[{re.escape(''.join(sorted({word[0] for word in words})))}])"


def words(text: str) -> list[str]:
    """The words of a table written as text, one or more to a line."""
    return text.split()


def number(value: Fraction) -> Number:
    """An int when the value is whole, so that 3.0 and 3 print and compare alike."""
    return int(value) if value.denominator == 1 else value


# Full-width digits and signs are the same number (５ = 5); one character for one, so that
# offsets in the translated text are offsets in the original.
FULL_WIDTH = str.maketrans("０１２３４５６７８９．％", "0123456789.%")

# A run of digits with the separators any locale writes inside a number; what they mean is
# decided by the locale (1.000 is a thousand in German, one in English).
_DIGITS = re.compile(
    r"(?=[0-9.])(?<![A-Za-z0-9_])(?<![A-Za-z_]-)(?<![0-9][.,])(?:(?<![\w.])\.(?=[0-9]))?[0-9](?:[0-9,.'\u00a0\u202f\u2009]*[0-9])?"
    r"(?P<suffix>st|nd|rd|th|s|[KMGT]i?B|[kKMG]|[kcm]?m|kg|mg|g|h|min|ms|px|pt|x|bit)?"
    r"(?![A-Za-z0-9_])"
)
_ANY_DIGIT = re.compile("[0-9]")
_SPACED_GROUPS = re.compile(r"(?<![0-9.,])[0-9]{1,3}(?:[ \t]+,[ \t]*[0-9]{3})+(?![0-9])")
_ORDINAL_SUFFIX = frozenset({"st", "nd", "rd", "th"})
_THIN_SPACES = "\u00a0\u202f\u2009"
_NO_SPACES = str.maketrans("", "", "'" + _THIN_SPACES)


@lru_cache(maxsize=16)
def _grouped(group: str, decimal: str) -> re.Pattern[str]:
    """Digits grouped by threes: 1,000 or 1.000,5 (German)."""
    return re.compile(
        rf"[0-9]{{1,3}}(?:{re.escape(group)}[0-9]{{3}})+(?:{re.escape(decimal)}[0-9]+)?"
    )


@lru_cache(maxsize=64)
def separators(locale: str) -> tuple[str, str]:
    """The locale's (group, decimal) symbols from CLDR; English ones for an unknown locale."""
    try:
        return get_group_symbol(locale), get_decimal_symbol(locale)
    except (UnknownLocaleError, ValueError):
        return ",", "."


def digit_numerals(text: str, locale: str) -> list[Numeral]:
    """Every number written with digits in ``text`` (already free of code and dates)."""
    found: list[Numeral] = []
    if not _ANY_DIGIT.search(text):
        return found  # every number read here has a digit
    group, decimal = separators(locale)
    if group == "," and " ," in text:
        # "390 , 000": a number a translator spaced out is still 390,000.
        for match in _SPACED_GROUPS.finditer(text):
            grouped = int(re.sub("[^0-9]", "", match.group()))
            found.append(Numeral(match.start(), match.end(), grouped))
            text = text[: match.start()] + "\0" * len(match.group()) + text[match.end() :]
    for match in _DIGITS.finditer(text):
        suffix = match.group("suffix") or ""
        ordinal = suffix in _ORDINAL_SUFFIX
        digits = match.group()[: len(match.group()) - len(suffix)]
        if suffix == "x" and digits == "0":
            continue  # 0x: the prefix of a hexadecimal number
        for start, end, value, reference in _read(digits, group, decimal):
            found.append(
                Numeral(
                    match.start() + start,
                    match.end() if ordinal and end == len(digits) else match.start() + end,
                    value,
                    ordinal=ordinal and end == len(digits),
                    reference=reference,
                )
            )
    return found


def _read(digits: str, group: str, decimal: str) -> list[tuple[int, int, Number, bool]]:
    """(start, end, value, is-a-reference) of each number in a run of digits and separators."""
    clean = digits.translate(_NO_SPACES)
    if group.strip() in (",", ".") and _grouped(group, decimal).fullmatch(clean):
        whole, _, fraction = clean.replace(group, "").partition(decimal)
        return [(0, len(digits), number(Fraction(f"{whole}.{fraction or 0}")), False)]
    if clean.count(".") >= (2 if decimal == "." else 3):
        return [(0, len(digits), 0, True)]  # 3.14.0, 192.168.1.1: a version or an address
    if decimal != "." or "," not in clean:
        return [(0, len(digits), number(Fraction(clean.replace(decimal, "."))), False)]
    # Commas that group no thousands separate a list (1,5): each is a number of its own.
    parts: list[tuple[int, int, Number, bool]] = []
    offset = 0
    for piece in digits.split(","):
        value = piece.translate(_NO_SPACES)
        if value and value.count(".") <= 1:
            parts.append((offset, offset + len(piece), number(Fraction(value)), False))
        offset += len(piece) + 1
    return parts
