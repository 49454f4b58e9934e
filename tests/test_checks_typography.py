# ruff: noqa: RUF003  (full-width punctuation is what these checks are about)
"""Typography checks: doubled words and punctuation, spaces in CJK text, edge whitespace."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest

import toolkit.check  # importing it registers every check
from toolkit.checks import typography
from toolkit.checks.engine import Options
from toolkit.checks.registry import RULES, Scope
from toolkit.model import Pair
from toolkit.textutil import is_cjk

SEEDS = Path(__file__).parent / "fixtures" / "seeds"


def found(text: str, translation: str | None, locale: str) -> list[str]:
    """Codes of the typography checks that fire.

    With no translation, ``text`` is one text in ``locale`` (a source text). With one, the
    text checks see the translation and the pair checks see both, as in a catalogue.
    """
    codes = []
    for rule in RULES.values():
        if not rule.code.startswith("T"):
            continue
        if rule.scope is Scope.TEXT:
            hits = list(rule.function(text if translation is None else translation, locale))
        elif rule.scope is Scope.PAIR and translation is not None:
            hits = list(rule.function(pair(text, translation, locale)))
        else:
            continue
        codes.extend([rule.code] if hits else [])
    return sorted(codes)


def pair(msgid: str, msgstr: str, locale: str) -> Pair:
    return Pair(msgid=msgid, msgstr=msgstr, locale=locale, source_locale="en", line=1)


@pytest.mark.parametrize(
    ("text", "translation", "locale", "expected"),
    [
        pytest.param("Ahead of of their trial", None, "en", ["T101"], id="of-of"),
        pytest.param("The the trial began.", None, "en", ["T101"], id="the-the-capitalised"),
        pytest.param("See the the report", "请参阅 the the 报告", "zh_Hans", ["T101"], id="in-zh"),
        pytest.param("Ahead of their trial", None, "en", [], id="single"),
        # English doubles these on purpose: "had had", "that that", "is is".
        pytest.param("She had had enough.", None, "en", [], id="had-had"),
        pytest.param("He said that that was all.", None, "en", [], id="that-that"),
        pytest.param("What it is is a scandal.", None, "en", [], id="is-is"),
        pytest.param("Scores of 10 10 and 9 9", None, "en", [], id="numbers-are-data"),
        pytest.param("Format %s %s", None, "en", [], id="placeholders"),
        pytest.param("Use ``not not x``.", None, "en", [], id="inline-code"),
        pytest.param('pronounced "Aitch Tee Tee Pee"', None, "en", [], id="quoted"),
        pytest.param(">>> f()\nTrue True", None, "en", [], id="interpreter-session"),
        pytest.param("options:\n  bar     bar help", None, "en", [], id="aligned-columns"),
        pytest.param("--foo FOO foo help", None, "en", [], id="different-case"),
    ],
)
def test_doubled_word(text: str, translation: str | None, locale: str, expected: list[str]) -> None:
    assert found(text, translation, locale) == expected


@pytest.mark.parametrize(
    ("text", "translation", "locale", "expected"),
    [
        pytest.param("王 建兵", None, "zh_Hans", ["T102"], id="space-in-name"),
        pytest.param("Wang Jianbing (王 建兵)", None, "en", ["T102"], id="in-english-source"),
        pytest.param("Huang and Wang", "黄雪琴 和王建兵", "zh_Hans", ["T102"], id="translation"),
        pytest.param("王建兵", None, "zh_Hans", [], id="no-space"),
        pytest.param("黄雪琴和王建兵被捕。 2023年", None, "zh_Hans", [], id="after-punctuation"),
        pytest.param("被捕。 随后", None, "zh_Hans", [], id="after-full-width-stop"),
        pytest.param("第一行\n第二行", None, "zh_Hans", [], id="line-break"),
        pytest.param("  键值      要设的值", None, "zh_Hans", [], id="aligned-columns"),
        pytest.param("黄雪琴\u3000王建兵", None, "zh_Hans", [], id="ideographic-space"),
        pytest.param("与 f-字符串 不同", None, "zh_Hans", [], id="mixed-term-set-off"),
        pytest.param("在 2021 年", None, "zh_Hans", [], id="digits-between"),
        pytest.param("代表手上 桥牌_ 的细节", None, "zh_Hans", [], id="rst-reference"),
        pytest.param("王\u00a0建兵", None, "zh_Hans", ["T102"], id="no-break-space"),
        pytest.param("好 ", None, "zh_Hans", [], id="space-at-end"),
    ],
)
def test_space_in_cjk(text: str, translation: str | None, locale: str, expected: list[str]) -> None:
    assert found(text, translation, locale) == expected


@pytest.mark.parametrize(
    ("text", "translation", "locale", "expected"),
    [
        pytest.param("Usage:\n", "用法：", "zh_Hans", ["T103"], id="line-break-dropped"),
        pytest.param("Usage:", "用法：\n", "zh_Hans", ["T103"], id="line-break-added"),
        pytest.param("Downloading ", "正在下载", "zh_Hans", ["T103"], id="space-dropped"),
        pytest.param(" and exiting.", "并退出。", "zh_Hant", ["T103"], id="leading-dropped"),
        pytest.param("Hello", " 你好", "zh_Hans", ["T103"], id="leading-added"),
        pytest.param("No such key\n", "没有这个键 \n", "zh_Hans", ["T103"], id="space-before-eol"),
        pytest.param("Hello\n", "你好\n", "zh_Hans", [], id="same"),
        pytest.param("Hello", "你好\u3000", "zh_Hans", ["T103"], id="ideographic-space-added"),
        # The full-width colon is as wide as a colon and a space.
        pytest.param("Error: ", "错误：", "zh_Hans", [], id="full-width-holds-space"),
        # Re-aligned under "用法：%s", which is wider than "usage: %s".
        pytest.param("   or: %s", "  或：%s", "zh_Hans", [], id="realigned"),
    ],
)
def test_edge_whitespace(
    text: str, translation: str | None, locale: str, expected: list[str]
) -> None:
    assert found(text, translation, locale) == expected


@pytest.mark.parametrize(
    ("text", "translation", "locale", "expected"),
    [
        pytest.param("好，，是", None, "zh_Hans", ["T104"], id="comma"),
        pytest.param("不检查。。", None, "zh_Hans", ["T104"], id="full-stop"),
        pytest.param("之前、、之后", None, "zh_Hans", ["T104"], id="enumeration-comma"),
        pytest.param("运行代码：：", None, "zh_Hans", ["T104"], id="rst-literal-marker"),
        pytest.param("等待。。。", None, "zh_Hant", ["T104"], id="stops-for-ellipsis"),
        pytest.param("等待……", None, "zh_Hans", [], id="ellipsis"),
        pytest.param("王建兵——劳工活动人士", None, "zh_Hans", [], id="dash"),
        pytest.param("什么？？", None, "zh_Hans", [], id="emphatic-question"),
        pytest.param("放人！！", None, "zh_Hans", [], id="emphatic-exclamation"),
        pytest.param("好，是。", None, "zh_Hans", [], id="single"),
        pytest.param("好，是；；", None, "zh_Hans", ["T104"], id="semicolon-last-of-the-marks"),
    ],
)
def test_doubled_punctuation(
    text: str, translation: str | None, locale: str, expected: list[str]
) -> None:
    assert found(text, translation, locale) == expected


@pytest.mark.parametrize(
    ("code", "text", "locale", "expected"),
    [
        pytest.param(
            "T101",
            "rights. Ahead of of their trial",
            "en",
            "doubled word 'of of' in 'Ahead of of their' at column 15: delete one 'of'",
            id="doubled-word",
        ),
        pytest.param(
            "T102",
            "致信\n王 建兵",
            "zh_Hans",
            "space inside Chinese text '王 建' at line 2, column 2: write '王建'",
            id="space-in-cjk",
        ),
        pytest.param(
            "T104",
            "等待。。。",
            "zh_Hans",
            "doubled punctuation '。。。' at column 3: write …… for an ellipsis",
            id="doubled-punctuation",
        ),
    ],
)
def test_text_message(code: str, text: str, locale: str, expected: str) -> None:
    assert list(RULES[code].function(text, locale)) == [expected]


@pytest.mark.parametrize(
    ("msgid", "msgstr", "expected"),
    [
        pytest.param(
            "Usage:\n", "用法：", "the source ends with '\\n' but the translation does not: add it"
        ),
        pytest.param(
            "Hello", " 你好", "the translation starts with ' ' but the source does not: remove it"
        ),
        pytest.param(
            "No such key\n",
            "没有这个键 \n",
            "the source ends with '\\n' but the translation with ' \\n': "
            "end the translation with '\\n'",
        ),
    ],
)
def test_edge_message(msgid: str, msgstr: str, expected: str) -> None:
    assert list(RULES["T103"].function(pair(msgid, msgstr, "zh_Hans"))) == [expected]


@pytest.mark.parametrize(
    ("seed", "name", "code", "line", "piece"),
    [
        # "Ahead\nof of their trial": the finding stands at the line where its paragraph starts.
        pytest.param("000_27f05b8528b6e776.txt", "joint-statement-raw.txt", "T101", 23, "'of of'"),
        pytest.param("001_745bea91d0e8fcdd.txt", "urgent-action-raw.txt", "T102", 23, "'王 建'"),
    ],
)
def test_raw_seed_source(
    tmp_path: Path, seed: str, name: str, code: str, line: int, piece: str
) -> None:
    path = tmp_path / name
    shutil.copyfile(SEEDS / seed, path)
    report = toolkit.check.check([path], None, Options(use_cache=False))
    assert [
        (finding.code, finding.location.line)
        for finding in report.findings
        if finding.code == code and piece in finding.message
    ] == [(code, line)]


def test_no_ideograph_before_the_first() -> None:
    """space-in-cjk looks only at spaces between characters from FIRST_IDEOGRAPH on."""
    below = (chr(code) for code in range(ord(typography.FIRST_IDEOGRAPH)))
    assert not any(typography._ideograph(char) for char in below)
    assert typography._ideograph(typography.FIRST_IDEOGRAPH)


@pytest.mark.parametrize(
    "text",
    [
        "of of",
        "The the end",
        "a\u00a0a",
        "x of of y",
        "文 of of 字",
        "Über über",
        "Το το",
        "to to.",
        "(the the)",
        "`x`_of of",  # after code: the code is blanked out, the words stand
        "Ss ß",  # capitalised, ß is two letters: the words end otherwise
        "Fi ﬁ",
        "\u01c5emal \u01c6emal",  # ǅ, the title-case form of ǆ
        "a中 a中",  # a Latin word ending with a Han character
        "文 of of",
    ],
)
def test_doubled_word_quick_test_passes_every_doubled_word(text: str) -> None:
    """The quick test of doubled-word passes every text where a doubled word can be found."""
    assert typography._may_double(text)
    assert list(typography.doubled_word(text, "en"))


def test_doubled_word_quick_test_facts() -> None:
    """What the quick test of doubled-word rests on, for every character: a word of two letters
    or more ends as its capitalised form does (capitalising lowers no lower-case letter); the
    lower-case letters whose capital is longer are ``_TITLED_LONGER``; no letter capitalises to
    "a" (the one word of one letter judged); Han letters have no case and are CJK."""
    titled_longer = set()
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if ("a" + char).islower():  # a letter a lower-case word can hold
            assert ("a" + char).capitalize() == "A" + char
        if char.islower() and len(char.capitalize()) > 1:
            titled_longer.add(char)
        assert char.capitalize() != "a"
    assert titled_longer == set(typography._TITLED_LONGER)
    letter = re.compile(r"[^\W\d_]")
    han = (chr(code) for code in range(0x3400, 0xA000))
    assert all(is_cjk(char) and char.capitalize() == char for char in han if letter.match(char))
