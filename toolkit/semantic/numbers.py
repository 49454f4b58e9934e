# ruff: noqa: RUF001, RUF003  (Chinese numerals and full-width brackets are the data here)
"""Quantities in a text: numbers with their unit, qualifier and ordinal, comparable by value."""

from __future__ import annotations

import re
from dataclasses import replace
from fractions import Fraction
from functools import lru_cache
from operator import itemgetter

from toolkit.semantic import numerals_en
from toolkit.semantic.dates import dates_in
from toolkit.semantic.grammar import Grammar, qualifies
from toolkit.semantic.grammar import grammar as grammar_of
from toolkit.semantic.numerals import (
    FULL_WIDTH,
    Numeral,
    WholeWords,
    digit_numerals,
    number,
)
from toolkit.semantic.quantity import DURATIONS, Quantity

# Quantity and DURATIONS live in toolkit.semantic.quantity; readers of quantities take them here.
__all__ = ["DURATIONS", "Quantity", "find_quantities", "quantities"]

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

# What is not prose, blanked out in this order (each only where the strings it needs stand,
# see _mask): code spans and reST roles, URLs, e-mail addresses, placeholders (%d, {0}, $1,
# <file>), HTML tags, clock times and ratios (1:1), calls f(1, 2) and options (-O2). Each
# expression opens with the characters its matches start with (a lookbehind comes after the
# first character it looks behind): a search then skips to them instead of trying the
# expression at every position.
# A role's name or the first backtick, then the rest of the backticks (a first "`" and \1);
# inside, runs of other characters and of other numbers of backticks.
_CODE = re.compile(
    r"[:`](?:(?<=:)[\w:.+-]+:`|(?<=`))(`*)(?!`)(?:[^`]++|(?!`\1(?!`))`++)+?`\1(?!`)", re.MULTILINE
)
_URL = re.compile(r"(?:https?|ftp|file)://\S+|www\.\S+", re.MULTILINE)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.MULTILINE)
_PLACEHOLDER = re.compile(
    r"%(?:\([^)\s]*\))?[-#0+']*(?:[0-9]+\$)?(?:[0-9]+|\*(?:[0-9]+\$)?)?"
    r"(?:\.(?:[0-9]+|\*(?:[0-9]+\$)?))?(?:hh|h|ll|l|L|q|j|z|t)?[diouxXeEfFgGcrsaAp]"
    r"|%(?:[0-9]+\$)?<PRI\w+>",
    re.MULTILINE,
)
_BRACED = re.compile(r"\{[^{}\s]*\}|\$\{?\w+\}?", re.MULTILINE)
_TAG = re.compile(r"</?[A-Za-z][^<>\n]*>|<[^<>\s]{1,40}>", re.MULTILINE)
# (Its quick test, _TIME_HINT, asks for a digit on each side of a colon first.)
_TIME = re.compile(r"[0-9](?<![0-9][0-9])[0-9]?:[0-9]{1,2}(?::[0-9]{2})?(?![0-9])", re.MULTILINE)
_CALL = re.compile(r"\((?<=[A-Za-z0-9_]\()[^()\n]*\)", re.MULTILINE)
_OPTION = re.compile(r"-(?<![\w-]-)-?[A-Za-z][\w-]*(?:=\S*)?", re.MULTILINE)
# A numeral's start and end (a named tuple's first two items), for sorting in C.
_START, _END = itemgetter(0), itemgetter(1)
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
    return list(quantities(text, locale))


@lru_cache(maxsize=16384)
def quantities(text: str, locale: str) -> tuple[Quantity, ...]:
    """``find_quantities`` as a tuple, for callers that only read it: no copy (and no call
    between them and the cache)."""
    # Nothing to read without a digit, a Chinese numeral or an English number word.
    if text.isascii():  # no Chinese numeral, no full-width digit: one cut asks for the rest
        if not _GATE_WORDS.found_with_digit(text):
            return ()
        wide = None
    elif _GATE_CHARACTERS.search(text) or _GATE_WORDS.found_in(text):
        wide = _FULL_WIDTH.search(text)
    else:
        return ()
    # An interpreter session or a program is code, not prose (of one line, only its start).
    if _SESSION.search(text) if "\n" in text else _SESSION.match(text):
        return ()
    grammar = grammar_of(locale)
    masked, figures, words = _mask(text.translate(FULL_WIDTH) if wide else text, locale, grammar)
    if not (figures or words):
        return ()  # all in code, a placeholder or a date (most texts with figures)
    found = digit_numerals(masked, locale) if figures else []
    if words and grammar.words is not None:
        found.extend(grammar.words(masked))
    if len(found) > 1:  # most texts: one number or none, nothing to sort
        # By start, then longest first (a stable sort keeps the order of equals): two sorts
        # in C, where a key of (start, -end) calls a Python function for each numeral.
        found.sort(key=_END, reverse=True)
        found.sort(key=_START)
    read: list[Quantity] = []
    last_end = 0
    for numeral in found:
        if numeral.start < last_end:
            continue  # 百分之30 read as a percentage is not read again as 30
        quantity = _quantity(text, masked, numeral, grammar)
        if quantity is None:
            continue
        previous = read[-1] if read else None
        if (
            previous
            and previous.qualifier not in (None, "several")
            and not quantity.qualifier
            and _LISTED.fullmatch(masked, previous.end, quantity.start)
        ):
            # 小于 127 或 255 "less than 127 or 255", 超过一至两行 "more than one or two lines":
            # the qualifier goes for both.
            quantity = replace(quantity, qualifier=previous.qualifier)
        read.append(quantity)
        last_end = quantity.end
    if len(read) < 2:
        return tuple(read)  # nothing to join
    return tuple(_join_durations(text, read, grammar))


def _mask(text: str, locale: str, grammar: Grammar) -> tuple[str, bool, bool]:
    """``text`` with code, placeholders and dates blanked out (offsets unchanged), and whether
    what is left has a figure and may have number words (``grammar.hint``): without either,
    there is nothing to read, and no need to look for dates."""
    # Each tried only where the strings it needs stand (written out: a loop over a table of
    # the nine costs more than the tests).
    masked = text
    if "`" in masked:
        masked = _CODE.sub(_blank, masked)
    if "://" in masked or "www." in masked:
        masked = _URL.sub(_blank, masked)
    if "@" in masked:
        masked = _EMAIL.sub(_blank, masked)
    if "%" in masked:
        masked = _PLACEHOLDER.sub(_blank, masked)
    if "{" in masked or "$" in masked:
        masked = _BRACED.sub(_blank, masked)
    if "<" in masked:
        masked = _TAG.sub(_blank, masked)
    if ":" in masked and _TIME_HINT.search(masked):
        masked = _TIME.sub(_blank, masked)
    if "(" in masked:
        masked = _CALL.sub(_blank, masked)
    if "-" in masked:
        masked = _OPTION.sub(_blank, masked)
    readable = grammar.readable
    figures, words = readable(masked)
    if not (figures or words):
        return masked, False, False
    # A date has a digit or a Chinese numeral; an ASCII text has no numeral.
    if not (figures or (not masked.isascii() and _DATE_HINT.search(masked))):
        return masked, figures, words
    dates = dates_in(text, locale)
    if not dates:
        return masked, figures, words
    for date in dates:
        masked = masked[: date.start] + "\0" * (date.end - date.start) + masked[date.end :]
    return (masked, *readable(masked))


def _blank(match: re.Match[str]) -> str:
    return "\0" * len(match.group())


def _quantity(text: str, masked: str, numeral: Numeral, grammar: Grammar) -> Quantity | None:
    # The numeral's fields at once (a named tuple's are slower to ask one by one); ``first``
    # and ``last`` stay the numeral's own span, ``start`` and ``end`` grow with what is read.
    first, last, value, ordinal, numeral_weak, vague, numeral_reference, unit = numeral
    start, end, qualifier = first, last, None
    scale = grammar.scale
    if scale is not None and masked[start].isdigit() and (scaled := scale.match(masked, end)):
        word = scaled.group("scale").lower()
        for factor in (
            [grammar.scales[word]] if word in grammar.scales else map(grammar.scales.get, word)
        ):
            value *= factor or 1
        end = scaled.end()
    date_after = grammar.date_after
    if date_after is not None and not ordinal and date_after.match(masked, end):
        return None  # 9月, 19日: the date check's affair
    unit_expression, unit_next = grammar.unit, grammar.unit_next
    if (
        unit_expression is not None
        and not vague
        and (unit_next is None or unit_next(masked, end))
        and not _named(masked, start)
        # An empty match (most numbers have no unit) names nothing: no need to ask its groups.
        and (matched := unit_expression.match(masked, end))
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
    weak = numeral_weak and value == numeral.value and unit != "anniversary"
    weak = weak or unit == "base"  # 16 进制 "hexadecimal" names a notation, counts nothing
    if grammar.ordinal_before and "第" in masked[max(0, start - 3) : start]:  # 第 opens it
        before = grammar.ordinal_before.search(masked, max(0, start - 3), start)
        if before:
            start, ordinal = before.start(), True
    if vague:
        qualifier = "several"
    elif ordinal or (weak and value == 1):
        # 小于第二个 "less than the second": the qualifier is of the thing, not the rank; and a
        # weak "one" (一个 for "a") has its qualifiers left unread, being never compared.
        pass
    elif (
        grammar.before
        and grammar.may_qualify(masked[max(0, start - grammar.window) : start])
        and (before := grammar.before.search(masked, max(0, start - grammar.window), start))
        and qualifies(masked, before, last, unit)
    ):
        start, qualifier = before.start(), _qualifier(before)
    if (
        grammar.after
        and not vague
        and not (grammar.after_hint and not grammar.after_hint.match(masked, end))
        and not (weak and value == 1 and not ordinal)
        and (after := grammar.after.match(masked, end))
    ):
        end, qualifier = after.end(), qualifier or _qualifier(after)
    reference = (
        numeral_reference
        # (1), (2): a translator's enumeration, not a count.
        or (
            masked[first - 1 : first] in ("(", "（")
            and masked[last : last + 1] in (")", "）")
            and masked[first].isdigit()
            and value.denominator == 1
            and value < 20
        )
        or bool(first < 8 and (listed := _LIST_NUMBER.match(masked)) and last <= listed.end())
    )
    # Quantity(...) made the quick way: the frozen dataclass's __init__ sets each field through
    # object.__setattr__, three times the cost of filling its __dict__ at once (the object is
    # the same; tests/test_numbers.py compares the two).
    quantity = _new(Quantity)
    fields = quantity.__dict__
    fields["start"], fields["end"], fields["text"] = start, end, text[start:end]
    fields["value"] = value if type(value) is int else number(value)
    fields["unit"], fields["qualifier"], fields["ordinal"] = unit, qualifier, ordinal
    fields["weak"], fields["reference"] = weak and not reference, reference
    fields["compound"] = False
    return quantity


_new = object.__new__


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
