"""The date expressions written to be compiled and searched fast find what their plain forms find.

The names of a locale are written as a tree of shared beginnings instead of a list; the
expression that reads dates is opened by a lookahead of what a date can start with; the shapes
(quick searches with little context) let through every text in which that expression matches.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.semantic.datepatterns import patterns, weekday_patterns
from toolkit.semantic.datewords import date_words
from toolkit.semantic.numerals import alternation, branches

LOCALES = ("en", "zh_CN", "zh_TW", "fr", "de", "es")

DATE_PIECES = st.sampled_from(
    [
        *"0123456789 -/.,年月日号至到一二三九十〇",
        *("2021", "1999", "民國", "110", "September", "Sept.", "sept", "March", "MARCH", "May"),
        *("in ", "In ", "since ", "of ", "de ", "the ", "early ", "to ", "and ", "between "),
        *("星期五", "（", "）", "Friday", "19th", "-Dec-", "\u00a0"),
        # the shapes' edges: a year's neighbours, a month inside a word, other languages
        *("1850", "2199", "2200", "--", "–", "—", "a", "x", "'", "’", ":", "Mark", "Decimal"),
        *("mid-", "Mayfield", "mars", "janv.", "déc.", "März", "Mitte ", "entre ", "hasta "),
        *("septembre", "au ", "bis ", "mai", "ene", "2019年", "九月", "代", "五", "民國9年"),
        *("CVE-", " / ", "  ", "/", "–", "二〇二一"),
    ]
)


def spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [match.span() for match in pattern.finditer(text)]


def without_opener(pattern: str) -> str:
    """``pattern`` without the lookahead it opens with: the expression it opens."""
    assert pattern.startswith("(?=")
    depth, index = 0, 0
    while True:
        char = pattern[index]
        if char == "\\":
            index += 1
        elif char == "[":
            index = pattern.index("]", index + 2)  # no bracket inside these classes
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return pattern[index + 1 :]
        index += 1


@settings(max_examples=1500, deadline=None)
@given(st.lists(DATE_PIECES, max_size=16).map("".join))
def test_date_expressions_match_as_before(text: str) -> None:
    for locale in LOCALES:
        pattern = patterns(locale).dates
        plain = re.compile(without_opener(pattern.pattern), pattern.flags)
        assert spans(pattern, text) == spans(plain, text)


@settings(max_examples=1500, deadline=None)
@given(st.lists(DATE_PIECES, max_size=16).map("".join))
def test_every_date_has_a_shape(text: str) -> None:
    """Where the expression that reads dates matches, one of the shapes does; where a month is
    named, 月 or the month shape is; where a weekday is beside a date, a weekday name is."""
    for locale in LOCALES:
        found = patterns(locale)
        if found.dates.search(text):
            assert (
                found.cjk_shape.search(text)
                or found.year_shape.search(text)
                or found.month_shape.search(text)
            ), locale
        if found.month_name.search(text):
            assert "月" in text or found.month_shape.search(text), locale
        before, after = weekday_patterns(locale)
        if before.search(text) or after.search(text):
            assert found.weekday_gate.search(text), locale


MONTH_PIECES = st.sampled_from(
    [
        *(" ", ".", "-", "19", "t", "e", "r", "S", "a", "SEPT", "Sept", "Sep", "Ma", "Mar"),
        *("ch", "y", "mars", "mai", "juil", "juil.", "Juli", "déc.", "dé", "set", "sept."),
    ]
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(MONTH_PIECES, max_size=12).map("".join))
def test_name_trees_match_as_lists(text: str) -> None:
    """A tree of names matches as the list of names longest first, even when backtracked into."""
    for locale in ("en", "fr", "de", "es"):
        names = list(date_words(locale).months)
        plain = "|".join(re.escape(n) for n in sorted(set(names), key=lambda n: (-len(n), n)))
        for tree in (alternation(names), "|".join(branches(names))):
            for context in ("(?:{})", r"(?:{})(?:\.?\s+(?:19|t))?", r"(?:{})(?![a-z])\.?-?"):
                tree_pattern = re.compile(context.format(tree))
                plain_pattern = re.compile(context.format(plain))
                assert spans(tree_pattern, text) == spans(plain_pattern, text), (locale, context)
