"""Expressions of the number reader written to be searched fast find what their plain forms find.

A lookahead of initials before an expression, or a lookbehind moved after the first character
it looks behind, lets the search skip to where a match can start; the matches are the same.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.checks import numbers as number_checks
from toolkit.semantic import grammar, numbers, numerals, numerals_en, numerals_zh
from toolkit.semantic.numerals import alternation

_EN_WORD = alternation(numerals_en.WORDS)
_EN_GATE = alternation(numerals_en.WORDS | numerals_en.OTHER_WORDS)
_ZH = numerals_zh._NUMERAL
# The expressions that skip ahead, each with the expression it was before (the same matches):
# a case-insensitive expression written case by case (numerals.word_start), a lookahead of
# initials or a lookbehind moved after the first character it looks behind.
REWRITTEN = [
    (
        numerals._DIGITS,
        r"(?<![A-Za-z0-9_])(?<![A-Za-z_]-)(?<![0-9][.,])(?:(?<![\w.])\.(?=[0-9]))?[0-9]"
        r"(?:[0-9,.'\u00a0\u202f\u2009]*[0-9])?"
        + numerals._DIGITS.pattern[numerals._DIGITS.pattern.index("(?P<suffix>") :],
    ),
    (
        numerals_en._RUN.expression,
        r"(?i)(?:\ban?[ \t]+(?=(?:hundred|thousand|million|billion|dozen)\b))?"
        rf"\b(?:{_EN_WORD})(?:(?:[ \t]+|-)(?:and[ \t]+)?(?:{_EN_WORD}))*\b",
    ),
    (numerals_en._WEAK_WORD.expression, rf"(?i)\b{alternation(numerals_en._WEAK)}\b"),
    (numbers._GATE_WORDS.expression, rf"(?i)\b(?:{_EN_GATE})\b"),
    (
        number_checks._COUNTS_WORDS.expression,
        rf"(?i)\b(?:{alternation(numerals_en.CARDINALS)})s?\b",
    ),
    (
        number_checks._MAY_ADD,
        "[0-9０-９%％]|百分之|[零〇一二两兩三四五六七八九十百千万萬半][个個]?"
        "(?:年|月|周|週|星期|天|小时|小時|分钟|分鐘|秒)",
    ),
    # The qualifiers before a number, opened by a lookahead of what they start with.
    *(
        (rules.before, rules.before.pattern.split(")(?:", 1)[1][:-1])
        for rules in (grammar.grammar("en"), grammar.grammar("zh"))
        if rules.before is not None
    ),
    (
        numerals_zh._IDIOMS,
        f"(?:{alternation(numerals_zh._NOT_NUMBERS)}|[万萬]分(?!之)|(?<![{_ZH}0-9])千[万萬](?![{_ZH}])"
        "|[一二三]元(?!元?[组組])|(?<!分)之一"
        "|(?:星期|礼拜|禮拜|周|週)[一二三四五六日天](?![年十])|初[一二三四五六七八九十]"
        "|四[周週](?![后後内內前以之])"
        ")",
    ),
    (
        numerals_zh._WEAK_WORD,
        f"(?:{alternation(numerals_zh._WEAK)}"
        "|(?<![表菜清订訂简簡名账賬帐帳传傳孤落保床])[单單](?=[个個一字次线線行精参參元]))",
    ),
    (numerals_zh._RUN, f"[{_ZH}]+(?:[点點][{numerals_zh._DIGIT}]+)?"),
    (
        numerals_zh._HALF,
        f"(?<![{_ZH}0-9多个個])半(?=[个個]?(?:年|月|小时|小時|天|周|週|星期|钟头|鐘頭|分钟|分鐘))",
    ),
    (numerals_zh._VAGUE, numerals_zh._VAGUE.pattern.split(")", 1)[1]),
    *(
        (pattern, plain)
        for pattern, plain in zip(
            (
                numbers._CODE,
                numbers._URL,
                numbers._EMAIL,
                numbers._PLACEHOLDER,
                numbers._BRACED,
                numbers._TAG,
                numbers._TIME,
                numbers._CALL,
                numbers._OPTION,
            ),
            [
                r"(?::[\w:.+-]+:)?(`+)(?!`)[\s\S]+?(?<!`)\1(?!`)",
                r"(?:https?|ftp|file)://\S+|www\.\S+",
                r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+",
                r"%(?:\([^)\s]*\))?[-#0+']*(?:[0-9]+\$)?(?:[0-9]+|\*(?:[0-9]+\$)?)?"
                r"(?:\.(?:[0-9]+|\*(?:[0-9]+\$)?))?(?:hh|h|ll|l|L|q|j|z|t)?[diouxXeEfFgGcrsaAp]"
                r"|%(?:[0-9]+\$)?<PRI\w+>",
                r"\{[^{}\s]*\}|\$\{?\w+\}?",
                r"</?[A-Za-z][^<>\n]*>|<[^<>\s]{1,40}>",
                r"(?<![0-9])[0-9]{1,2}:[0-9]{1,2}(?::[0-9]{2})?(?![0-9])",
                r"(?<=[A-Za-z0-9_])\([^()\n]*\)",
                r"(?<![\w-])--?[A-Za-z][\w-]*(?:=\S*)?",
            ],
            strict=True,
        )
    ),
]
PIECES = st.sampled_from(
    [
        *"0123456789.,:;()-=_` \n\tabcdefxyzK",
        *("one", "Two", "THREE", "hundred", "and", "a", "an", "half", "both", "once", "ſix"),
        *("1st", "2nd", "10:30", "f(1, 2)", "-O2", "--all", ":func:", "``x``", "%d", "{0}"),
        *("https://a.b", "www.a", "a@b.cd", "<b>", "十", "年", "\u00a0", "５"),
        *("\u212a", "\u0130", "\u0131", "sİx", "A ", "an", "Hundred", "tWo", "twos", "fourfold"),
        *("halve", "quarter", "dozens", "é", "_", "百分之", "三个月", "%", "月"),
        *(" a third of", "two-thirds", "halves ", "fourfold", "several hundred", "tens of"),
        *("half a year", "a year and a half", "sixths", "twice", "once"),
        *("接近", "将近", "至少", "最大", "为", "不超过", "大约", "约", "超过", "不到", "下限", "几乎"),
        *("nearly ", "up to ", "n't exceed ", "cannot be more than ", "<=", "≤", "~", "some "),
        *("at least ", "over ", "not ", "than ", "c. ", "NEARLY ", "ſome "),
        *("一", "二", "三", "千万", "三千万", "之一", "分", "星期三", "一切", "元", "元组"),
        *("四周后", "数十", "参数十", "几百", "上千", "以上千", "成千上万", "单个", "表单个", "双"),
        *("千万", "二元组", "三分之一", "周一", "星期天", "初五", "四周", "一切", "一对", "十进制"),
        *("半年", "多半年", "三点五", "點", "單個", "菜单", "兩"),
    ]
)


def spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [match.span() for match in pattern.finditer(text)]


@settings(max_examples=2000, deadline=None)
@given(st.lists(PIECES, max_size=20).map("".join))
def test_rewritten_expressions_match_as_before(text: str) -> None:
    for pattern, plain in REWRITTEN:
        assert spans(pattern, text) == spans(re.compile(plain, pattern.flags), text), plain


@settings(max_examples=2000, deadline=None)
@given(st.lists(PIECES, max_size=20).map("".join))
def test_quick_tests_pass_what_they_guard(text: str) -> None:
    """A quick test says what the slow search says, and no only where the reader finds nothing."""
    dens = numerals_en._DENOMINATORS
    hints = [*numerals_en.WORDS, *numerals_en.OTHER_WORDS, *dens, *(den + "s" for den in dens)]
    for test, plain in (
        (numerals_en.HINT, rf"\b(?:{alternation(hints)})\b"),
        (numbers._GATE_WORDS, rf"\b(?:{_EN_GATE})\b"),
        (number_checks._COUNTS_WORDS, rf"\b(?:{alternation(numerals_en.CARDINALS)})s?\b"),
        (numerals_en._RUN, REWRITTEN[1][1]),
        (numerals_en._WEAK_WORD, REWRITTEN[2][1]),
    ):
        ascii_text = text.encode("ascii", "replace").decode()
        for sample in (text, ascii_text, ascii_text.upper()):
            expected = re.compile(plain, re.IGNORECASE)
            assert test.found_in(sample) == bool(expected.search(sample)), plain
            if isinstance(test, numerals.WholeWords) and sample.isascii():
                with_digit = bool(expected.search(sample) or re.search("[0-9]", sample))
                assert test.found_with_digit(sample) == with_digit, plain
            if isinstance(test, numerals.WordSearch):
                assert list(test.spans(sample)) == spans(expected, sample), plain
    # Tried only where the text's words stand: the same spans ("a" before a scale opens a run,
    # so the run search is given the words only when the text has no scale).
    words = frozenset(numerals.ascii_words(ascii_text))
    assert list(numerals_en._WEAK_WORD.spans(ascii_text, words)) == list(
        numerals_en._WEAK_WORD.spans(ascii_text)
    )
    if words.isdisjoint(numerals_en._A_SCALES):
        assert list(numerals_en._RUN.spans(ascii_text, words)) == list(
            numerals_en._RUN.spans(ascii_text)
        )
    if not numerals_en.HINT.found_in(text):
        assert numerals_en.numerals(text) == []
    if not numerals_zh.has_numerals(text):
        assert numerals_zh.numerals(text) == []


def test_expressions_open_with_a_set_of_characters() -> None:
    """What lets a search scan for where a match can start (see numerals.word_start): a set
    of characters first, or alternatives that each open with a character (no group or
    lookaround opens one)."""
    for pattern in (numerals._DIGITS, numerals_en._RUN.expression, numbers._GATE_WORDS.expression):
        assert pattern.pattern.startswith("[")
    assert numerals_zh._RUN.pattern.startswith("[")
    for pattern in (numerals_zh._IDIOMS, numerals_zh._WEAK_WORD):
        assert all(not part.startswith("(") for part in pattern.pattern.split("|"))


QUALIFIERS = [
    *("nearly", "Almost", "close to", "approaching", "near", "about", "approximately"),
    *("around", "roughly", "some", "circa", "c.", "ca.", "more than", "greater than"),
    *("later than", "over", "upwards of", "in excess of", "above", "beyond", "exceeds"),
    *("exceeding", "at least", "no fewer than", "a minimum of", "min", "UP TO", "at most"),
    *("not be longer than", "a max of", "maximum", "limited to", "not above", "never exceed"),
    *("at best", "as many as", "less than", "earlier than", "under", "below", "cannot be"),
    *("cannot be more than", "n't exceed", "<=", "≤", ">=", "≥", "<", ">", "~", "≈"),
    *("将近", "將近", "接近", "几乎", "幾乎", "差不多", "近", "大约", "大約", "大概", "约", "約为"),
    *("至少", "最少", "不少于", "不小於", "起码", "起碼", "大于或等于", "大於等於", "最多", "至多"),
    *("不超过", "不应超過", "不大于", "不長於", "最高", "最长值", "小于或等于", "小於等於", "高达"),
    *("多達", "长达", "限制在", "限于", "限定為", "超过", "超過", "超出", "逾", "多于", "大於"),
    *("高于", "長於", "晚于", "不到", "少于", "少於", "不足", "小于", "低於", "短于", "早於"),
    *("最小", "最低", "下限", "最大", "上限", "限制", "限定"),
]
QUALIFIER_PIECES = st.sampled_from(
    [*" \t\n5五的为是，a-~<>=", *("every", "an", "the", "data", "set to", "Python", "ſome")]
)
QUALIFIED = st.tuples(
    st.lists(QUALIFIER_PIECES, max_size=4).map("".join),
    st.sampled_from(QUALIFIERS),
    st.sampled_from(["", " ", "  ", "\t", " an ", " every ", "\n", " 的 ", " Python 3", "为", "是"]),
    st.lists(QUALIFIER_PIECES, max_size=3).map("".join),
).map("".join)


@settings(max_examples=3000, deadline=None)
@given(QUALIFIED)
def test_qualifier_quick_tests_pass_what_they_guard(text: str) -> None:
    """A head the quick test turns down is one where the qualifier search finds nothing."""
    for locale in ("en", "zh_CN"):
        rules = grammar.grammar(locale)
        assert rules.before is not None
        for end in range(len(text) + 1):
            start = max(0, end - rules.window)
            if rules.before.search(text, start, end):
                assert rules.may_qualify(text[start:end]), (locale, text[start:end])


UNIT_PIECES = st.sampled_from(
    [
        *" \t5五个個半多余餘几幾年月天秒人名次遍%倍家组織NGO工作日小时分钟星期礼拜周年岁进制",
        *("非政府组织", "團體", "机构", "钟头", "週歲", "年代", "名称", "x", "的", "多么"),
    ]
)


@settings(max_examples=2000, deadline=None)
@given(st.lists(UNIT_PIECES, max_size=10).map("".join))
def test_unit_quick_test_passes_what_it_guards(text: str) -> None:
    """Where the quick test sees no unit next, the unit expression names none."""
    rules = grammar.grammar("zh_CN")
    assert rules.unit is not None
    for end in range(len(text) + 1):
        matched = rules.unit.match(text, end)
        if matched and any(matched.groupdict().values()):
            assert rules.unit_next is None or rules.unit_next(text, end), (text, end)


ENGLISH_UNIT_PIECES = st.sampled_from(
    [
        *" \t-%5.,x\0",
        *("years", "Year", "YRS", "yr", " old", "months", "weeks", "working", "days", "hours"),
        *("hrs", "minutes", "mins", "seconds", "Secs", "\u017fecs", "people", "persons"),
        *("individuals", "\u0130ndividuals", "NGOs", "organisations", "organizations"),
        *("times", "anniversary", "anniversaries", "fold", "per", "cent", "percent", "the"),
    ]
)


@settings(max_examples=2000, deadline=None)
@given(st.lists(ENGLISH_UNIT_PIECES, max_size=10).map("".join))
def test_english_unit_quick_test_passes_what_it_guards(text: str) -> None:
    """Where the English quick test sees no unit next (no "%", no unit's first two letters
    after spaces or a hyphen), the unit expression names none."""
    rules = grammar.grammar("en")
    assert rules.unit is not None
    for end in range(len(text) + 1):
        matched = rules.unit.match(text, end)
        if matched and any(matched.groupdict().values()):
            assert rules.unit_next is None or rules.unit_next(text, end), (text, end)


CHINESE_PIECES = st.sampled_from(
    [
        *" 0一二两兩三四五六七八九十百千万萬亿億半双雙单單对對个年月天上成数數几幾以计的",
        *("进制", "十六进制", "一维", "三維", "一对", "表单", "分之", "百分之", "参数", "成千上万"),
        *("一切", "之一", "第", "点", "周"),
    ]
)


def _every_scan(text: str) -> list[numerals.Numeral]:
    """``numerals_zh.read`` with every scan run, whatever characters it needs."""
    work = numerals_zh._IDIOMS.sub(numerals_zh._blank, text)
    found: list[numerals.Numeral] = []
    for scan, _ in numerals_zh._SCANS:
        new = list(scan(work))
        found.extend(new)
        for item in new:
            work = work[: item.start] + "\0" * (item.end - item.start) + work[item.end :]
    return found


@settings(max_examples=3000, deadline=None)
@given(st.lists(CHINESE_PIECES, max_size=12).map("".join))
def test_chinese_scans_skipped_find_nothing(text: str) -> None:
    """A scan of Chinese numerals skipped for want of the characters it needs finds nothing."""
    assert numerals_zh.read(text) == _every_scan(text)


STANDARD_PIECES = st.sampled_from([*" \t-\n8aAX\0", "ISO", "RFC", "PEP", "Pep", "ÉT"])


@settings(max_examples=2000, deadline=None)
@given(st.lists(STANDARD_PIECES, max_size=10).map("".join))
def test_standard_quick_test_passes_what_it_guards(text: str) -> None:
    """A number the quick test does not take for a standard's is none the search finds."""
    for start in range(len(text) + 1):
        found = numbers._STANDARD.search(text, max(0, start - 12), start)
        assert numbers._named(text, start) == bool(found), (text, start)


AFTER_PIECES = st.sampled_from(
    [
        *" \t5五个個种項位多余餘出左右上下以内之前后的限最大值小或及和更高新+到至任意",
        *("以上", "或更多", "及更高版本", "之后的版本", "協定或更高", "版本", "左右", "多个", "x"),
    ]
)


@settings(max_examples=2000, deadline=None)
@given(st.lists(AFTER_PIECES, max_size=10).map("".join))
def test_after_quick_test_passes_what_it_guards(text: str) -> None:
    """Where the quick test sees no qualifier after a number, the expression finds none."""
    rules = grammar.grammar("zh_CN")
    assert rules.after is not None and rules.after_hint is not None
    for end in range(len(text) + 1):
        if rules.after.match(text, end):
            assert rules.after_hint.match(text, end), (text, end)
