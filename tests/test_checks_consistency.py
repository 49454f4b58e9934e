"""same-translation (K103): the translations it normalises whole are those whose start and end,
normalised, another translation shares; every pair of translations alike is still found."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import toolkit.checks  # noqa: F401  (registers every check)
from toolkit.campaign import normalise
from toolkit.checks import consistency
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
