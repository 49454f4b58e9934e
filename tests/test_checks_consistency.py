"""same-translation (K103): the translations it normalises whole are those whose start and end,
normalised, another translation shares; every pair of translations alike is still found."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import toolkit.checks  # noqa: F401  (registers every check)
from toolkit.campaign import normalise
from toolkit.checks import carried, consistency
from toolkit.checks.registry import RULES
from toolkit.model import CatalogueView, Pair

SOURCES = [f"Sentence number {number} of the statement." for number in range(4)]


def view(*translations: str) -> CatalogueView:
    pairs = tuple(
        Pair(msgid=msgid, msgstr=msgstr, locale="zh_Hans", source_locale="en", line=line)
        for line, (msgid, msgstr) in enumerate(zip(SOURCES, translations, strict=False), 1)
    )
    return CatalogueView(
        path="zh_Hans/ua.po", locale="zh_Hans", source_locale="en", document="ua",
        metadata={}, header_line=1, pairs=pairs,
    )


def same_translation(*translations: str) -> list[int]:
    return [hit.pair.line for hit in RULES["K103"].function(view(*translations)) if hit.pair]


@pytest.mark.parametrize(
    ("translations", "lines"),
    [
        pytest.param(("他们于2021年在广州被拘留。", "他们于2021年在广州被拘留。"), [2], id="same"),
        # Alike once normalised, though their first and last characters differ.
        pytest.param(("“他们”于2021年在广州被拘留。", "他们于 2021 年在广州被拘留"), [2],
                     id="punctuation-at-the-ends"),
        pytest.param(("……，，。。、、他们于2021年被拘留", "他们于2021年被拘留"), [2],
                     id="punctuation-filling-the-start"),
        pytest.param(("Free Them NOW", "free them now!"), [2], id="case"),
        pytest.param(("甲乙", "甲，乙。"), [2], id="shorter-than-the-ends"),
        pytest.param(("他们于2021年在广州被拘留。", "他们于2021年在北京被拘留。"), [],
                     id="same-ends-other-middle"),
        pytest.param(("他们于2021年在广州被拘留。", "她们于2021年在广州被拘留。"), [],
                     id="other-start"),
        pytest.param(("他们于2021年在广州被拘留。", "黄雪琴被判处五年。", "他们于2021年在广州被拘留！"),
                     [3], id="third-alike-first"),
    ],
)
def test_same_translation(translations: tuple[str, ...], lines: list[int]) -> None:
    assert same_translation(*translations) == lines


@pytest.mark.parametrize(
    "text",
    [
        "", "甲", "“他们”于2021年在广州被拘留。", "……，，。。、、他们于2021年被拘留", "Straße ﬁne",
        # Read by the quick match: case folded, symbols kept, punctuation and spaces left out.
        "Free THEM, `now` = 「立即释放」 <所有> 人。", "ABCDEFGH", "。。A B C D E F G H。。",
        # The quick match stops at a character it does not know (é, ß, full-width letters): normalised.
        "«Libérez-les» maintenant", "Straße STRASSE", "ＡＢＣ释放他们吧朋友们", "甲乙丙丁戊己庚é辛",
    ],
)
def test_ends_are_the_ends_of_the_text_normalised(text: str) -> None:
    normalised = normalise(text)
    assert consistency._head(text) == normalised[: consistency._ENDS]
    assert consistency._tail(text) == normalised[-consistency._ENDS :]


@given(st.text(alphabet=st.sampled_from("aZ9`=_- ，。「」“”\n\t甲乙丙é ßＡ\u00a0\u200b"), max_size=40))
def test_ends_normalised_quickly_are_the_ends_normalised(text: str) -> None:
    normalised = normalise(text)
    assert consistency._normalised(text) == normalised
    assert consistency._head(text) == normalised[: consistency._ENDS]
    assert consistency._tail(text) == normalised[-consistency._ENDS :]


def test_the_quick_match_keeps_and_leaves_out_as_normalise_does() -> None:
    """Every character the quick match of the ends keeps is kept as it is, lower-cased; every
    one it passes over is left out (so a newer Unicode cannot part them unseen)."""
    kept = re.compile(f"[{consistency._KEPT}]")
    left = re.compile(f"[{consistency._LEFT}]")
    for code in [*range(128), *range(0x3000, 0x3100), *range(0x4E00, 0xA000), *range(0xFF00, 0xFF70)]:
        char = chr(code)
        if kept.fullmatch(char):
            assert normalise(char) == char.lower(), repr(char)
        elif left.fullmatch(char):
            assert normalise(char) == "", repr(char)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("They were detained in Guangzhou.", [], id="prose"),
        pytest.param("Returns ``0`` if true, ``1`` otherwise.", ["0", "1"], id="code-spans"),
        pytest.param("See :rfc:`2774`, Section 7.2.", ["2774", "7.2"], id="role-and-figure"),
        pytest.param("If omitted, -1 or 1,000 days.", ["-1", "1,000"], id="sign-and-thousands"),
        pytest.param("2019-2021", ["2019", "2021"], id="a-range-is-no-negative"),
        pytest.param("The same as RawValue or utf8 in my_module.", ["RawValue", "utf8", "my_module"],
                     id="names-of-code"),
        pytest.param("Why is Python installed? FAQ", [], id="capitals-are-words"),
        pytest.param("could not write '%s' or %1$s or %(name)s", [], id="placeholders"),
        pytest.param("访问https://a.org/x1了吗", ["https://a.org/x1"], id="url"),
        pytest.param("他们于2021年9月19日被拘留。", ["2021", "9", "19"], id="chinese"),
    ],
)
def test_carried(text: str, expected: list[str]) -> None:
    assert carried.carried(text) == expected


@pytest.mark.parametrize(
    ("source", "other", "expected"),
    [
        # Reworded: one translation may serve both.
        pytest.param("could not read symlink %s", "unable to read symlink %s", None, id="synonyms"),
        pytest.param("The HTML pages are in %(outdir)s.", "The HTML page is in %(outdir)s.", None,
                     id="plural"),
        pytest.param("See :doc:`/topics/files` for more information.",
                     "For more information, see :doc:`/topics/files`.", None, id="reordered-words"),
        pytest.param("create a shallow clone truncated to the specified number of revisions",
                     "create a shallow clone of that depth", None, id="short-rewording"),
        # Two sentences: one translation is a copy.
        pytest.param("Don't define the ``WITH_DOC_STRINGS`` macro.",
                     "Don't define the ``PY_COERCE_C_LOCALE`` macro.",
                     "WITH_DOC_STRINGS here; PY_COERCE_C_LOCALE there", id="other-code"),
        pytest.param("If *timeout* is omitted, negative, or None",
                     "If *timeout* is omitted, -1, or None", "nothing here; -1 there",
                     id="figure-on-one-side"),
        pytest.param("Returns ``0`` if true, ``1`` otherwise.",
                     "Returns ``1`` if true, ``0`` otherwise.", "0, 1 in another order",
                     id="same-figures-swapped"),
        pytest.param("They were detained in 2021.", "They were detained in 2019.",
                     "2021 here; 2019 there", id="other-year"),
        pytest.param("Articles 3 and 3 bis apply.", "Article 3 applies.", "3 here; nothing there",
                     id="one-figure-twice"),
        pytest.param("We urge the authorities to release Huang Xueqin and Wang Jianbing now.",
                     "The two activists were sentenced after a trial held in secret last year.",
                     "hardly a word in common", id="two-paragraphs"),
        pytest.param("黄雪琴和王建兵被判刑后仍在广州的看守所里面。", "我们敦促当局立即无条件地释放所有被拘留者。",
                     "hardly a word in common", id="two-chinese-paragraphs"),
    ],
)
def test_difference(source: str, other: str, expected: str | None) -> None:
    assert carried.difference(source, other) == expected
