"""The glossary's cheap set-up: what its short cuts skip is still found, and nothing else is.

The pattern of every form writes word boundaries once per branch and letters in any case as
one group, ``contains`` tries a form as written before compiling a pattern, and pinyin comes
from pypinyin's data file rather than its modules. Each table holds cases the short cut must
not change: found only the long way, or found as written but not bounded as a form.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.glossary import Glossary, load_glossary
from toolkit.pinyin import _marked_table, _syllables, is_pinyin, readings, same_reading

GLOSSARY = Path(__file__).parent / "data" / "glossary" / "glossary.toml"


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return load_glossary(GLOSSARY)


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        pytest.param("Huang Xueqinx", ["Huang"], id="longer-form-glued-to-a-letter"),
        pytest.param("Huang Xueqinā", ["Huang"], id="glued-to-latin-extended"),
        pytest.param("Huang Xueqinɐ", ["Huang Xueqin"], id="beyond-latin-extended"),
        pytest.param("Huang Xueqinö.", ["Huang"], id="glued-to-latin-1"),
        pytest.param("ÀHuang and ĀWang", [], id="latin-letter-before"),
        pytest.param("ɐHuang", ["Huang"], id="letter-beyond-latin-before"),
        pytest.param("Sophia Huang Xueqin2", ["Huang"], id="digit-after"),
        pytest.param("Huang Xueqin黄雪琴", ["Huang Xueqin", "黄雪琴"], id="chinese-after"),
        pytest.param("INCITING subversion OF state POWER", ["INCITING subversion OF state POWER"],
                     id="any-case-run"),
        pytest.param("inciting subversion of state powers", ["inciting subversion"],
                     id="any-case-glued"),
        pytest.param("inciting ſubversion", [], id="long-s-is-no-s"),
        pytest.param("INCITING SUBVERSION", ["INCITING SUBVERSION"], id="capitals"),
    ],
)
def test_mentions_bounded(glossary: Glossary, text: str, mentions: list[str]) -> None:
    assert [mention.text for mention in glossary.mentions(text)] == mentions


@pytest.mark.parametrize(
    ("ident", "text", "contained"),
    [
        pytest.param("huang-xueqin", "Huang Xueqin was arrested", True, id="as-written"),
        pytest.param("huang-xueqin", "Huang  Xueqin", True, id="double-space"),
        pytest.param("huang-xueqin", "Huang\nXueqin", True, id="line-break"),
        pytest.param("huang-xueqin", "HUANG XUEQIN", True, id="capitals"),
        pytest.param("huang-xueqin", "Huangpu", False, id="written-but-glued"),
        pytest.param("huang-xueqin", "Huangpu, then Huang", True, id="second-occurrence"),
        pytest.param("huang-xueqin", "黄雪琴被捕", True, id="chinese"),
        pytest.param("wang-jianbing", "王 建兵", True, id="chinese-spaced"),
        pytest.param("wang-jianbing", "Wangs", False, id="glued-only"),
        pytest.param("inciting-subversion", "Inciting Subversion", True, id="any-case"),
        pytest.param("guangzhou", "the Guangzhou Intermediate Court", True, id="inside-a-term"),
        pytest.param("amnesty", "Amnesty International’s report", True, id="apostrophe-after"),
    ],
)
def test_contains(glossary: Glossary, ident: str, text: str, contained: bool) -> None:
    entry = glossary.by_id[ident]
    assert glossary.contains(entry, entry.all_forms(), text) is contained


def test_pinyin_table_is_pypinyins() -> None:
    from pypinyin.pinyin_dict import pinyin_dict

    assert _marked_table() == {str(code): marked for code, marked in pinyin_dict.items()}
    assert readings(chr(0x957F)) == ("zhang", "chang")  # 长
    assert readings("") == () and readings("长长") == () and readings("x") == ()


def test_syllables() -> None:
    syllables = _syllables()
    assert {"a", "zhuang", "lve", "er", "yo"} <= syllables
    assert not {"m", "n", "ng", "hm", ""} & syllables
    assert is_pinyin("Jianbing") and not is_pinyin("Xuegin")


@pytest.mark.parametrize(
    ("char", "other", "same"),
    [("兵", "冰", True), ("冰", "兵", True), ("兵", "兵", True), ("长", "张", True),
     ("黄", "王", False), ("x", "x", True), ("x", "兵", False)],
)
def test_same_reading(char: str, other: str, same: bool) -> None:
    assert same_reading(char, other) is same
