"""The gate before reading dates: its quick form for ASCII texts lets through all the gate does."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from toolkit.catalog.reader import read_catalog
from toolkit.semantic.datepatterns import patterns
from toolkit.semantic.dates import _fold, _may_have_dates, _tried_where, find_dates, months_named

LOCALES = ["en", "fr", "de", "ru", "zh_CN", "ja"]


def gate(text: str, locale: str) -> bool:
    """The gate as it is defined: 年 or 月, or ``Patterns.gate`` on the text with its full-width
    digits and signs folded."""
    return bool("年" in text or "月" in text or patterns(locale).gate.search(_fold(text)))


def ascii_gate(text: str, locale: str) -> bool:
    table, expression = patterns(locale).ascii_gate
    return bool(expression.search(text.encode().translate(table)))


def agree(text: str, locale: str) -> None:
    assert _may_have_dates(text, locale) == gate(text, locale), (text, locale)
    if text.isascii() and gate(text, locale):
        assert ascii_gate(text, locale), (text, locale)
    # months_named (for a text the gate lets through) tries month_name only where month_shape
    # finds a name, in a text without 月.
    found = patterns(locale)
    folded = _fold(text)
    if "月" not in folded and gate(text, locale):
        tried = _tried_where(found.month_shape.search, found.month_name.match, folded)
        expected = found.month_name.finditer(folded)
        assert [m.span() for m in tried] == [m.span() for m in expected], (text, locale)


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        pytest.param("AUGUST 2021", 1, id="capitals-inside-translated"),  # the S of AUGUST too
        pytest.param("Mayfield", 0, id="name-inside-word"),  # the gate lets it through
        pytest.param("in 2112 and 1999", 1, id="years-of-1-and-2"),  # 2112 is no year: 21..
        pytest.param("on 12/11/2021", 1, id="numeric"),
        pytest.param("DNS JSON OS", 0, id="initials-side-by-side"),
        pytest.param("a\0b 1999\0", 0, id="nul-in-text"),  # NUL is what initials become
        pytest.param("since Sept. 2020", 1, id="abbreviation"),
        pytest.param("2019年", 1, id="not-ascii"),
        pytest.param("于２０２１／９／１９被捕", 1, id="full-width-numeric"),
        pytest.param("２０２１－０９－１９", 1, id="full-width-iso"),
        pytest.param("第２０４８号", 0, id="full-width-number"),
    ],
)
def test_gate_cases(text: str, dates: int) -> None:
    for locale in LOCALES:
        agree(text, locale)
    assert len(find_dates(text, "en")) == dates


@pytest.mark.parametrize(
    ("text", "months"),
    [
        pytest.param("Sept.June", {6, 9}, id="names-side-by-side"),
        pytest.param("Mayfield, May", {5}, id="name-inside-word-then-name"),
        pytest.param("XMay", set(), id="after-letter"),
        pytest.param("Août-décembre", set(), id="not-locale"),
        pytest.param("9月 and May", {5, 9}, id="with-yue"),
    ],
)
def test_months_named_cases(text: str, months: set[int]) -> None:
    assert months_named(text, "en") == months


_LETTERS = "ADFJMNOSadfjmnos12890 .-/ABCEGLPRTUVYbceglprtuvyäéû年月９"


@given(st.text(alphabet=_LETTERS, max_size=40), st.sampled_from(LOCALES))
def test_ascii_gate_lets_through_what_the_gate_does(text: str, locale: str) -> None:
    agree(text, locale)


@given(st.text(max_size=30), st.sampled_from(LOCALES))
def test_ascii_gate_on_any_text(text: str, locale: str) -> None:
    agree(text, locale)


CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="no ../shared/corpus beside the repository")
def test_ascii_gate_on_the_corpus() -> None:
    for path in sorted(CORPUS.rglob("*.po")):
        for entry in read_catalog(path):
            for text in (entry.msgid, entry.msgstr):
                for locale in ("en", "zh_CN", "fr"):
                    agree(text, locale)
