
"""Punctuation checks: half-width marks in Chinese, full-width marks in English, end marks."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import toolkit.check  # noqa: F401  (importing it registers every check)
from toolkit.checks import masking, punctuation
from toolkit.checks.registry import RULES, Scope
from toolkit.model import Pair

# Sentences of source_texts/ (joint-statement-2023, urgent-action-2024) in good translations.
JOURNALIST = (
    "黄雪琴（Sophia Huang Xueqin）是一名记者，曾参与多次 #MeToo 运动，"
    "为性侵犯和性骚扰的幸存者提供支持和帮助。"
)
DETAINED = (
    "她曾于2019年10月至2020年1月被拘留，并在撰写有关2019年香港大规模抗议活动的文章后"
    "被控“寻衅滋事”。"
)
DETAINED_HANT = (
    "她曾於2019年10月至2020年1月被拘留，並在撰寫有關2019年香港大規模抗議活動的文章後"
    "被控「尋釁滋事」。"
)
PANCAKE = "劳工活动人士王建兵（朋友们称他为“煎饼”）为残障人士和职业病工人提供法律支持。"
SENTENCED = "2024年6月14日，黄雪琴被判处五年有期徒刑，王建兵被判处三年六个月。"
CORRECT_CHINESE = [
    JOURNALIST,
    DETAINED,
    PANCAKE,
    SENTENCED,
    "二〇二一年九月十九日，两人在广州被捕——至今已逾三年……",
    "《公民权利和政治权利国际公约》第十九条、〈说明〉与『引语』都用全角符号。",
    "２０２１年９月１９日上午１０:３０开庭。",
    "他们的律师·家属都无法会见（至少三年六个月）。",
    "王建兵被指定居所监视居住(RSDL)长达半年。",
]


def found_in_text(text: str, locale: str) -> list[str]:
    """Codes of the punctuation checks on one text (a translation or a source text)."""
    return sorted(
        rule.code
        for rule in RULES.values()
        if rule.code[0] == "P" and rule.scope is Scope.TEXT and any(rule.function(text, locale))
    )


def found_in_pair(
    msgid: str, msgstr: str, locale: str, source_locale: str, comment: str = ""
) -> list[str]:
    """Codes of the punctuation checks on a translation and its source."""
    pair = Pair(msgid, msgstr, locale, source_locale, line=1, comment=comment)
    return sorted(
        rule.code
        for rule in RULES.values()
        if rule.code[0] == "P" and rule.scope is Scope.PAIR and any(rule.function(pair))
    )


@pytest.mark.parametrize("text", CORRECT_CHINESE)
@pytest.mark.parametrize("locale", ["zh_Hans", "zh_CN"])
def test_correct_chinese_passes(text: str, locale: str) -> None:
    assert found_in_text(text, locale) == []


def test_correct_traditional_chinese_passes() -> None:
    assert found_in_text(DETAINED_HANT, "zh_TW") == []


@pytest.mark.parametrize(
    ("text", "locale", "expected"),
    [
        pytest.param(SENTENCED.replace("日，", "日,"), "zh_Hans", ["P101"], id="comma"),
        pytest.param("请联系: Kevin Darling", "zh_Hans", ["P101"], id="colon-after"),
        pytest.param("这是真的?", "zh_Hant", ["P101"], id="question-hant"),
        pytest.param("释放他们;立即", "zh_Hans", ["P101"], id="semicolon"),
        pytest.param("Python,它是", "zh_Hans", ["P101"], id="before-chinese"),
        pytest.param("**注意**: 这一点", "zh_Hans", ["P101"], id="through-bold"),
        pytest.param("这一点 **:注意**", "zh_Hans", ["P101"], id="before-bold"),
        pytest.param("々,x", "zh_Hans", ["P101"], id="first-chinese-character"),
        # The quick search looks through two emphasis markers before a mark, not more: after
        # three it lets the text through whatever comes before.
        pytest.param("注意***: x", "zh_Hans", ["P101"], id="through-three-markers"),
        pytest.param("x**:注意", "zh_Hans", ["P101"], id="before-bold-after-latin"),
        pytest.param("上午10:30开庭", "zh_Hans", [], id="time"),
        pytest.param("参见:ref:`tut-intro`", "zh_Hans", [], id="rest-role"),
        pytest.param("返回 ``a,b`` 或", "zh_Hans", [], id="code"),
        pytest.param("访问 https://a.org/x?y=1,2 即可", "zh_Hans", [], id="url"),
        pytest.param("文件 %(name)s:%(line)d 中", "zh_Hans", [], id="placeholders"),
        pytest.param("使用 foo,bar 参数", "zh_Hans", [], id="between-latin"),
        pytest.param("Hello, world!", "en", [], id="english"),
        # A literal block with translated comments keeps the code's punctuation.
        pytest.param("# 可以: x 是元组\nx: tuple[int] = (5,)", "zh_Hans", [], id="code-block"),
        pytest.param(">>> print(x)\n结果: 1", "zh_Hans", [], id="session"),
    ],
)
def test_halfwidth_punctuation(text: str, locale: str, expected: list[str]) -> None:
    assert found_in_text(text, locale) == expected


def test_halfwidth_punctuation_message() -> None:
    (message,) = RULES["P101"].function("2024年6月14日,黄雪琴", "zh_Hans")
    assert message == "half-width ',' after Chinese text at column 11: use '，'"


@pytest.mark.parametrize(
    ("text", "locale", "expected"),
    [
        pytest.param("王建兵(朋友们称他为煎饼)提供", "zh_Hans", ["P102"], id="around-chinese"),
        # The code inside is blanked out, its brackets with it: the outer ones are a pair.
        pytest.param("(参见 `f()` 的说明)", "zh_Hans", ["P102"], id="around-code-and-chinese"),
        pytest.param("调用 f(x) 或 g(y)", "zh_Hans", [], id="chinese-between-pairs-only"),
        pytest.param(PANCAKE, "zh_Hans", [], id="full-width"),
        pytest.param("黄雪琴 (Sophia Huang Xueqin) 是", "zh_Hans", [], id="around-latin"),
        pytest.param("居住(RSDL)长达", "zh_Hans", [], id="abbreviation"),
        pytest.param("调用 ``f(中文)`` 时", "zh_Hans", [], id="code"),
        pytest.param("Huang Xueqin (黄雪琴)", "en", [], id="english"),
    ],
)
def test_halfwidth_brackets(text: str, locale: str, expected: list[str]) -> None:
    assert found_in_text(text, locale) == expected


@pytest.mark.parametrize(
    ("text", "locale", "expected"),
    [
        pytest.param('被控"寻衅滋事"。', "zh_Hans", ["P103"], id="hans"),
        pytest.param('被控"尋釁滋事"。', "zh_TW", ["P103"], id="hant"),
        pytest.param('"a" 与 "b"', "zh_Hans", [], id="chinese-between-quotes-only"),
        pytest.param(DETAINED, "zh_Hans", [], id="curly"),
        pytest.param(DETAINED_HANT, "zh_TW", [], id="corner"),
        pytest.param('使用 "git add <路径>" 来更新', "zh_Hans", [], id="command"),
        pytest.param('raise ValueError("期望映射对象")', "zh_Hans", [], id="code-string"),
        pytest.param('称为 "Pancake" 的人', "zh_Hans", [], id="latin-inside"),
        pytest.param('charged with "寻衅滋事"', "en", [], id="english"),
    ],
)
def test_straight_quotes(text: str, locale: str, expected: list[str]) -> None:
    assert found_in_text(text, locale) == expected


def test_straight_quotes_suggest_the_script_s_marks() -> None:
    (hans,) = RULES["P103"].function('被控"寻衅滋事"', "zh_Hans")
    (hant,) = RULES["P103"].function('被控"尋釁滋事"', "zh_HK")
    assert hans.endswith("use '“' and '”'")
    assert hant.endswith("use '「' and '」'")


@pytest.mark.parametrize(
    ("text", "locale", "expected"),
    [
        pytest.param("黄雪琴被判处五年有期徒刑.", "zh_Hans", ["P104"], id="end"),
        pytest.param("被判刑. 她已上诉。", "zh_Hans", ["P104"], id="mid"),
        pytest.param("二〇二一年九月十九日.", "zh_Hans", ["P104"], id="after-date"),
        pytest.param("判刑***.", "zh_Hans", ["P104"], id="after-emphasis"),
        pytest.param(SENTENCED, "zh_Hans", [], id="full-stop"),
        pytest.param("请阅读报告.docx", "zh_Hans", [], id="file-name"),
        pytest.param("详见第3.1节", "zh_Hans", [], id="number"),
        pytest.param("正在写入...", "zh_Hans", [], id="ellipsis"),
        pytest.param("在 Python 3.12 中", "zh_Hans", [], id="version"),
    ],
)
def test_halfwidth_full_stop(text: str, locale: str, expected: list[str]) -> None:
    assert found_in_text(text, locale) == expected


@pytest.mark.parametrize(
    ("text", "locale", "expected"),
    [
        pytest.param("Huang Xueqin，a journalist", "en", ["P105"], id="comma"),
        pytest.param("were arrested on 19 September 2021。", "en", ["P105"], id="full-stop"),
        pytest.param("Wang Jianbing（Pancake）", "en", ["P105"], id="brackets"),
        pytest.param(
            "**Huang Xueqin (黄雪琴)** and **Wang Jianbing (王建兵)**",
            "en",
            [],
            id="urgent-action-names",
        ),
        pytest.param(
            '"inciting subversion of state power" (煽动颠覆国家政权)',
            "en",
            [],
            id="urgent-action-charge",
        ),
        pytest.param("the slogan 我们要自由！ was chanted", "en", [], id="quoted-chinese"),
        pytest.param("Covenants Watch/ 人權公約施行監督聯盟", "en", [], id="joint-statement"),
        pytest.param("Huang Xueqin，a journalist", "zh_Hans", [], id="chinese-text"),
    ],
)
def test_fullwidth_in_latin(text: str, locale: str, expected: list[str]) -> None:
    assert found_in_text(text, locale) == expected


@pytest.mark.parametrize(
    ("msgid", "msgstr", "locale", "source_locale", "expected"),
    [
        pytest.param(
            "#MeToo activist Sophia Huang Xueqin and labour activist Wang Jianbing were "
            "arrested on 19 September 2021.",
            "#MeToo 活动人士黄雪琴和劳工活动人士王建兵于2021年9月19日被捕。",
            "zh_Hans",
            "en",
            [],
            id="urgent-action-arrest",
        ),
        pytest.param(
            "Release Sophia Huang Xueqin and Wang Jianbing immediately and unconditionally;",
            "立即无条件释放黄雪琴和王建兵；",
            "zh_Hans",
            "en",
            [],
            id="demand-semicolon",
        ),
        pytest.param(
            "Release Sophia Huang Xueqin and Wang Jianbing immediately and unconditionally;",
            "立即无条件释放黄雪琴和王建兵。",
            "zh_Hans",
            "en",
            ["P106"],
            id="demand-semicolon-lost",
        ),
        pytest.param("Are they safe?", "他们安全吗？", "zh_TW", "en", [], id="question"),
        pytest.param(
            "Are they safe?", "他们安全吗。", "zh_Hans", "en", ["P106"], id="question-lost"
        ),
        pytest.param("Wait.", "等等，", "zh_Hans", "en", ["P106"], id="comma-instead"),
        pytest.param(
            "Monitor for completion.",
            "完成情况的监控器",
            "zh_Hans",
            "en",
            ["P106"],
            id="stop-dropped",
        ),
        pytest.param("Wait...", "等等……", "zh_Hans", "en", [], id="ellipsis"),
        pytest.param(
            "(blob, tree, ...)", "（blob、tree 等）", "zh_TW", "en", [], id="ellipsis-etc"
        ),
        pytest.param(
            "Type macros like ``T_INT``, etc.",
            "类型宏如 ``T_INT`` 等",
            "zh_Hans",
            "en",
            [],
            id="etc",
        ),
        pytest.param("Who are they", "他们是谁？", "zh_Hans", "en", [], id="question-added"),
        pytest.param(
            "the decorators ``a``, ``b``,",
            "装饰器 ``a``、``b`` 将被移除。",
            "zh_Hans",
            "en",
            [],
            id="runs-on",
        ),
        pytest.param(
            "Falling back...", "回復至直接套用模式⋯⋯", "zh_TW", "en", [], id="ellipsis-tw"
        ),
        pytest.param(
            ">>> sorted(s)  # sort by age\n[1, 2]",
            ">>> sorted(s)  # 按年龄排序\n[1, 2],",
            "zh_Hans",
            "en",
            [],
            id="literal-block",
        ),
        pytest.param("TAKE ACTION", "采取行动。", "zh_Hans", "en", [], id="stop-added"),
        pytest.param("BACKGROUND", "背景。", "zh_Hans", "en", [], id="stop-added-list"),
        pytest.param("Free them", "释放他们！", "zh_Hans", "en", ["P106"], id="exclamation-added"),
        pytest.param(
            "(Contributed by X in :issue:`1`.)",
            "（由 X 在 :issue:`1` 中贡献。）",
            "zh_Hans",
            "en",
            [],
            id="inside-brackets",
        ),
        pytest.param(
            "Huang was sentenced.",
            "黄雪琴被判刑。（注：一审）",
            "zh_Hans",
            "en",
            [],
            id="note-after",
        ),
        pytest.param("as follows::", "如下：", "zh_Hans", "en", [], id="rest-literal-colon"),
        pytest.param("as simple as ::", "用法如此简单：", "zh_Hans", "en", [], id="rest-literal"),
        pytest.param("precision::", "精度 ::", "zh_Hans", "en", ["P106"], id="rest-colon-lost"),
        # The quick tests on the last characters: '...' is no '.', a closer hides the mark.
        pytest.param("Saving...", "正在保存。", "zh_Hans", "en", ["P106"], id="ellipsis-as-stop"),
        pytest.param("Saving...", "正在保存……", "zh_Hans", "en", [], id="ellipsis-kept"),
        pytest.param("Saving.", "正在保存…", "zh_Hans", "en", ["P106"], id="stop-as-ellipsis"),
        pytest.param("Example:", "示例：", "zh_Hans", "en", [], id="colon-kept"),
        pytest.param("Example:", "示例。", "zh_Hans", "en", ["P106"], id="colon-lost"),
        # A letter's salutation: Chinese ends it with a colon, English with a comma.
        pytest.param("亲爱的黄雪琴：", "Dear Sophia Huang Xueqin,", "en", "zh_Hans", [],
                     id="salutation-colon-to-comma"),
        pytest.param("尊敬的局长：", "To the Director,", "en", "zh_Hans", [],
                     id="salutation-to"),
        pytest.param("尊敬的委员会主席閣下：", "Your Excellency,", "en", "zh_Hant", [],
                     id="salutation-excellency"),
        pytest.param("Dear Director Zhang Rui,", "尊敬的局长Zhang Rui：", "zh_Hans", "en", [],
                     id="salutation-comma-to-colon"),
        pytest.param("理由如下：", "The reasons are these,", "en", "zh_Hans", ["P106"],
                     id="colon-to-comma-outside-a-salutation"),
        pytest.param("亲爱的黄雪琴：", "Dear Sophia Huang Xueqin.", "en", "zh_Hans", ["P106"],
                     id="salutation-with-a-stop"),
        pytest.param("Run ``make``", "运行 ``make``", "zh_Hans", "en", [], id="both-end-in-code"),
        pytest.param("Run ``make``.", "运行 ``make``", "zh_Hans", "en", ["P106"], id="stop-lost-code"),
        pytest.param('He said "go."', "他说“走”", "zh_Hans", "en", ["P106"], id="stop-in-quotes"),
        pytest.param("Done. (see 1)", "完成（见1）", "zh_Hans", "en", ["P106"], id="note-stop-lost"),
        pytest.param(
            "他们于2021年9月19日被捕。",
            "They were arrested on 19 September 2021.",
            "en",
            "zh_Hans",
            [],
            id="from-chinese",
        ),
        pytest.param(
            "他们于2021年9月19日被捕。",
            "They were arrested on 19 September 2021",
            "en",
            "zh_Hans",
            ["P106"],
            id="from-chinese-stop-lost",
        ),
    ],
)
def test_end_punctuation(
    msgid: str, msgstr: str, locale: str, source_locale: str, expected: list[str]
) -> None:
    assert found_in_pair(msgid, msgstr, locale, source_locale) == expected


def test_a_heading_takes_no_full_stop() -> None:
    codes = found_in_pair("BACKGROUND", "背景。", "zh_Hans", "en", comment="type: heading")
    assert codes == ["P106"]


def test_end_punctuation_message() -> None:
    pair = Pair("Are they safe?", "他们安全吗。", "zh_Hans", "en", line=1)
    (message,) = RULES["P106"].function(pair)
    assert message == "the source ends with '?', the translation with '。': use '？'"


def expected_codes(namespace: dict[str, object]) -> set[str]:
    """Every code some parametrised case of the test module expects to fire."""
    codes: set[str] = set()
    for test in namespace.values():
        for mark in getattr(test, "pytestmark", []):
            if mark.name == "parametrize" and "expected" in mark.args[0]:
                codes.update(code for case in mark.args[1] for code in case.values[-1])
    return codes


def test_every_punctuation_check_has_a_failing_case() -> None:
    assert {code for code in RULES if code[0] == "P"} <= expected_codes(globals())


# The mask as one expression, as it was written before it was built per text from the spans
# a text can hold: both must blank out the same spans.
_ONE_MASK = re.compile(
    r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)"
    r"|:[A-Za-z][\w.+-]*(?::[\w.+-]+)*:(?=`)"
    r"|(?:https?|ftp)://[!-~]*|www\.[!-~]+"
    r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+"
    r"|\]\([^()\s]*\)"
    r"|<[^<>\n]{1,60}>"
    r"|%(?:\(\w+\))?(?:\d+\$)?[-#0 +]*\d*(?:\.\d+)?[sdifrxXcu]"
    r"|\{\w*(?:[!:][^{}]*)?\}"
    r"|^[ \t]*(?:>>>|\.\.\.|\$)[ \t][^\n]*"
    r"|::$",
    re.DOTALL | re.MULTILINE,
)
_MASK_PIECES = st.sampled_from(
    [*"ab1 :`@.%{}<>()[]$-_/\n\t", "中", "，", "://", "http", "www.", ">>> ", "... ", "$ ", "::",
     "%s", "%(name)d", "{0}", "](", "<b>", ":ref:", "``", "a@b.cd", "    ", "def ", " = ", "..",
     "class "]
)


@settings(max_examples=2000, deadline=None)
@given(st.lists(_MASK_PIECES, max_size=24).map("".join))
def test_mask_built_per_text_is_the_whole_mask(text: str) -> None:
    expected = _ONE_MASK.sub(lambda match: "\0" * len(match.group()), text)
    if masking.CODE_BLOCK.search(text):
        expected = "\0" * len(text)
    assert masking.masked.__wrapped__(text) == expected
    assert masking.code_block(text) == bool(masking.CODE_BLOCK.search(text))
    dots = [match.span() for match in re.finditer(r"(?<!\.)\.(?!\.)", text)]
    assert [match.span() for match in punctuation._FULL_STOP.finditer(text)] == dots


def test_no_chinese_character_before_the_quick_test_s_bound() -> None:
    """P101's quick test looks for characters from FIRST_CHINESE up only."""
    bound = ord(punctuation.FIRST_CHINESE)
    assert not any(punctuation._chinese(chr(code)) for code in range(bound))
    assert punctuation._chinese(punctuation.FIRST_CHINESE)


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("a `x` b", "a ### b"),
        ("a ``x`` b", "a ##### b"),
        ("a ```x`` b`", "a ```x`` b`"),
        ("``a`b``", "#######"),
        ("a`b` c", "a### c"),
        ("ftp://a.b/c,d 中", "############# 中"),
        ("见 https://x.org/a,b 和 http://y", "见 ################# 和 ########"),
        ("x@y.org,中", "#######,中"),
        ("a @decorator,中", "a @decorator,中"),
        ("  >>> a, b\n结果", "##########\n结果"),
        ("... a,b", "#######"),
        ("等等... a,b", "等等... a,b"),  # not at a line's start
        ("等等\n... a,b", "等等\n#######"),
        ("$ ls -l,中", "#########"),
        ("用法::", "用法##"),
        ("{name!r:>10},中", "############,中"),
        ("%(a)s,%d,中", "#####,##,中"),
        ("[链接](a,b),中", "[链接######,中"),
        ("<a, b>,中", "######,中"),
        (":ref:`a,b`,中", "##########,中"),
    ],
)
def test_masked_spans(text: str, masked: str) -> None:
    """What masking blanks out (``#`` here): each kind of span, backquote runs of every length
    (closed only by a run as long), and the spans at a line's start only there."""
    assert masking.masked(text) == masked.replace("#", "\0")
