"""The quick paths of the number checks held to the full ones they stand for.

Each quick path (a question answered at once, a step skipped for what it cannot change) must
give what the full path gives: on random texts, and on every pair of the corpus.
"""

from __future__ import annotations

from operator import itemgetter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import toolkit.check  # noqa: F401  (importing it registers every check)
from toolkit.catalog.reader import read_catalog
from toolkit.checks import numbers as checks
from toolkit.checks import numbers_answer as answers
from toolkit.checks.registry import RULES
from toolkit.model import Pair
from toolkit.semantic.grammar import grammar
from toolkit.semantic.numbers import quantities
from toolkit.semantic.numerals import Numeral, digit_numerals, has_digit
from toolkit.semantic.quantity import Quantity

PIECES = st.sampled_from(
    [
        *"0123456789.,:;()-` \n\tabcxyz%",
        *("one", "Two", "THREE", "hundred", "and", "a", "half", "both", "once", "first"),
        *("1st", "2nd", "3.5", "3.12.1", "10:30", "``x``", "%d", "(1)", "1.", "No. 2"),
        *("years", "months", "days", " per cent", "%", "nearly ", "about ", "more than "),
        *("at least ", "over ", "or more", "dozens of ", "a quarter", "twice", "zero"),
        *("十", "年", "月", "五", "两个", "一个", "第", "三年零六个月", "百分之", "以上", "近"),
        *("至少", "多", "个", "天", "数十", "二〇二一年", "５", "一半", "双", "十进制"),
        *("2021", "in 2019", "March 3", "\u00a0", "é", "ſix", "İ"),
    ]
)
TEXTS = st.lists(PIECES, max_size=14).map("".join)
LOCALES = st.sampled_from(["en", "zh_Hans", "zh_TW", "fr"])


@settings(max_examples=3000, deadline=None)
@given(TEXTS, LOCALES)
def test_readable_is_a_digit_and_the_hint(text: str, locale: str) -> None:
    """Grammar.readable answers at once what has_digit and the grammar's hint answer."""
    found = grammar(locale)
    hint = found.hint
    assert found.readable(text) == (has_digit(text), bool(hint and hint(text)))


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 9), st.integers(0, 9)), max_size=8))
def test_two_sorts_are_the_sort_by_start_then_longest(spans: list[tuple[int, int]]) -> None:
    """The reader's two stable sorts order numerals as a key of (start, -end) does."""
    found = [Numeral(start, start + length, index) for index, (start, length) in enumerate(spans)]
    expected = sorted(found, key=lambda item: (item.start, -item.end))
    found.sort(key=itemgetter(1), reverse=True)
    found.sort(key=itemgetter(0))
    assert found == expected


@settings(max_examples=1000, deadline=None)
@given(TEXTS)
def test_plain_figures_are_numerals(text: str) -> None:
    """Numerals made as tuples (and read through the cache of _read) are Numeral's own."""
    for numeral in digit_numerals(text, "en"):
        assert type(numeral) is Numeral
        assert numeral == Numeral(*numeral) and numeral._asdict() == Numeral(*numeral)._asdict()


# The comparison as it was before its quick paths: every step on every quantity.


def _same(left: Quantity, right: Quantity) -> bool:
    if left.vague != right.vague:
        return left.value == right.value
    left_amount, right_amount = left.amount, right.amount
    if left_amount and right_amount:
        if left_amount == right_amount:
            return True
    elif (left_amount and left.compound) or (right_amount and right.compound):
        return False
    elif left.value == right.value:
        return True
    bound = answers._bound(left, left_amount)
    return bound is not None and bound == answers._bound(right, right_amount)


def _best(quantity: Quantity, candidates: list[Quantity]) -> Quantity | None:
    fitting = [candidate for candidate in candidates if _same(quantity, candidate)]
    if len(fitting) < 2:
        return fitting[0] if fitting else None
    return min(
        fitting,
        key=lambda c: (
            c.unit != quantity.unit,
            not answers._same_qualifier(c.qualifier, quantity.qualifier),
            c.ordinal != quantity.ordinal,
            c.weak,
        ),
    )


def _full_answer(
    source: str, left: tuple[Quantity, ...], translation: str, right: tuple[Quantity, ...]
) -> tuple[object, ...]:
    references = answers._references(left, right)
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
        lost, unmatched = answers._sum_durations(lost, unmatched)
    if lost:
        lost = [q for q in lost if not answers._written_in(q, translation)]
    if lost and answers._NONE.search(translation):
        lost = [q for q in lost if q.value != 0]
    if unmatched:
        unmatched = [q for q in unmatched if not answers._written_in(q, source)]
    ordinals: list[tuple[Quantity, Quantity]] = []
    for quantity in [q for q in lost if q.ordinal]:
        other = next((q for q in unmatched if q.ordinal and not q.weak), None)
        if other is not None:
            ordinals.append((quantity, other))
            lost.remove(quantity)
            unmatched.remove(other)
    added = [q for q in unmatched if not q.weak and not q.vague]
    missing = [q for q in lost if not q.weak and not q.vague]
    unasked = [q for q in added if answers._explicit(q) and not answers._bracketed(translation, q)]
    qualifiers = [(q, None) for q in lost if q.vague] + answers._requalified(matched)
    return _reported(missing, added, unasked, qualifiers, ordinals, references)


def _reported(
    missing: list[Quantity],
    added: list[Quantity],
    unasked: list[Quantity],
    qualifiers: list[tuple[Quantity, Quantity | None]],
    ordinals: list[tuple[Quantity, Quantity]],
    references: tuple[list[Quantity], list[Quantity]],
) -> tuple[object, ...]:
    """What the five checks read of a comparison (the rest they never show)."""
    lost, instead = references
    return (
        missing,
        added if missing else None,
        None if missing else unasked,
        qualifiers,
        ordinals,
        (lost, instead) if lost else None,
    )


def _quick_answer(
    source: str, source_locale: str, translation: str, locale: str
) -> tuple[tuple[object, ...], tuple[object, ...]]:
    left, right = quantities(source, source_locale), quantities(translation, locale)
    comparison = answers.answer(source, left, translation, right)
    return _reported(
        comparison.missing,
        comparison.added,
        comparison.unasked,
        comparison.qualifiers,
        comparison.ordinals,
        comparison.references,
    ), _full_answer(source, left, translation, right)


def _agree(source: str, source_locale: str, translation: str, locale: str) -> None:
    quick, full = _quick_answer(source, source_locale, translation, locale)
    assert quick == full, (source, translation)


@settings(max_examples=3000, deadline=None)
@given(TEXTS, TEXTS, st.sampled_from(["zh_Hans", "en", "zh_TW"]))
def test_answer_is_the_full_answer(source: str, translation: str, locale: str) -> None:
    """The answer that lets go of weak words early reports what the full answer does."""
    _agree(source, "en", translation, locale)


@settings(max_examples=1000, deadline=None)
@given(TEXTS, TEXTS)
def test_nothing_is_what_reports_nothing(source: str, translation: str) -> None:
    """_answer gives _NOTHING (which the last four checks test first) exactly when the full
    answer has nothing any check reports."""
    left, right = quantities(source, "en"), quantities(translation, "zh_Hans")
    full = _full_answer(source, left, translation, right)
    nothing: tuple[object, ...] = ([], None, [], [], [], None)
    assert (answers.answer(source, left, translation, right) is answers.NOTHING) == (
        full == nothing
    )


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.tuples(TEXTS, TEXTS), min_size=1, max_size=4))
def test_checks_report_their_comparison(texts: list[tuple[str, str]]) -> None:
    """Each of the five checks reports its part of the pair's comparison, whichever pair it
    was asked about last (the comparison is kept for the pair last seen)."""
    pairs = [
        Pair(msgid=s, msgstr=t, locale="zh_Hans", source_locale="en", line=1) for s, t in texts
    ]
    for pair in pairs + pairs[::-1]:
        comparison = checks._compare(pair.msgid, "en", pair.msgstr, "zh_Hans")
        for code in ("Q105", "Q103", "Q101", "Q104", "Q102"):  # in any order
            found = list(RULES[code].function(pair))
            expected = {
                "Q101": len(comparison.missing),
                "Q102": 0 if comparison.missing else len(comparison.unasked),
                "Q103": len(comparison.qualifiers),
                "Q104": len(comparison.ordinals),
                "Q105": len(comparison.references[0]),
            }[code]
            assert len(found) == expected, (code, pair.msgid, pair.msgstr)


CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="no ../shared/corpus beside the repository")
def test_answer_on_the_corpus() -> None:
    """Every corpus pair whose both sides have quantities: the quick answer is the full one."""
    for path in sorted(CORPUS.rglob("*.po")):
        catalogue = read_catalog(path)
        locale = catalogue.metadata.get("Language", "zh_Hans") or "zh_Hans"
        for entry in catalogue:
            if entry.msgstr and quantities(entry.msgid, "en") and quantities(entry.msgstr, locale):
                _agree(entry.msgid, "en", entry.msgstr, locale)


# Heads whose last word is "to", "of" or "as": a qualifier's, or a common word's.
WORD_BEFORE_HEADS = [
    *("close to ", "Close\tTo ", "(up to ", "limited  to ", "set up to ", "setup to ", "into "),
    *("upwards of ", "in excess of ", "a minimum of ", "(maximum of ", "max of ", "one of "),
    *("as many as ", "AS MUCH AS ", "as long  as ", "such as ", "has ", "was ", "to ", "of "),
    *("up to a ", "more than ", "it goes up to", "up\nto ", "close to\n", "x-up to "),
]


@pytest.mark.parametrize("head", WORD_BEFORE_HEADS)
def test_word_before_quick_test_passes_what_it_guards(head: str) -> None:
    """The quick test of a head ending with "to", "of" or "as" passes every head the
    qualifier search finds something in."""
    english = grammar("en")
    assert english.before is not None
    for start in range(len(head)):
        if english.before.search(head, start):
            assert english.may_qualify(head[start:]), head[start:]
