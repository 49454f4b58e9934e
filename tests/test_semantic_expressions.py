"""Expressions of the number reader written to be searched fast find what their plain forms find.

A lookahead of initials before an expression, or a lookbehind moved after the first character
it looks behind, lets the search skip to where a match can start; the matches are the same.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.semantic import numbers, numerals, numerals_en, numerals_zh
from toolkit.semantic.datepatterns import patterns

# The expressions that skip ahead, each with the expression it was before (the same matches).
REWRITTEN = [
    (numerals._DIGITS, numerals._DIGITS.pattern.removeprefix("(?=[0-9.])")),
    (numerals_en._RUN, numerals_en._RUN.pattern.split(")", 1)[1]),
    (numerals_en._WEAK_WORD, numerals_en._WEAK_WORD.pattern.split(")", 1)[1]),
    (numbers._GATE_WORDS, numbers._GATE_WORDS.pattern.split(")", 1)[1]),
    (numerals_zh._IDIOMS, numerals_zh._IDIOMS.pattern.split(")", 1)[1]),
    (numerals_zh._WEAK_WORD, numerals_zh._WEAK_WORD.pattern.split(")", 1)[1]),
    (numerals_zh._VAGUE, numerals_zh._VAGUE.pattern.split(")", 1)[1]),
    *(
        (pattern, plain)
        for (_, pattern), plain in zip(
            numbers._NOT_PROSE,
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
        *("一", "二", "三", "千万", "三千万", "之一", "分", "星期三", "一切", "元", "元组"),
        *("四周后", "数十", "参数十", "几百", "上千", "以上千", "成千上万", "单个", "表单个", "双"),
    ]
)


DATE_PIECES = st.sampled_from(
    [
        *"0123456789 -/.,年月日号至到一二三九十〇",
        *("2021", "1999", "民國", "110", "September", "Sept.", "sept", "March", "MARCH", "May"),
        *("in ", "In ", "since ", "of ", "de ", "the ", "early ", "to ", "and ", "between "),
        *("星期五", "（", "）", "Friday", "19th", "-Dec-", "\u00a0"),
    ]
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(DATE_PIECES, max_size=16).map("".join))
def test_date_expressions_match_as_before(text: str) -> None:
    for locale in ("en", "zh_CN", "zh_TW"):
        pattern = patterns(locale).dates
        plain = re.compile(pattern.pattern.split(")", 1)[1], pattern.flags)
        assert spans(pattern, text) == spans(plain, text)


def spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [match.span() for match in pattern.finditer(text)]


@settings(max_examples=2000, deadline=None)
@given(st.lists(PIECES, max_size=20).map("".join))
def test_rewritten_expressions_match_as_before(text: str) -> None:
    for pattern, plain in REWRITTEN:
        assert spans(pattern, text) == spans(re.compile(plain, pattern.flags), text), plain


def test_initials_open_the_expressions() -> None:
    """The plain forms above are the expressions without their opening lookahead."""
    assert numerals_en._RUN.pattern.startswith(numerals.initials([*numerals_en.WORDS, "a"]))
    assert numbers._GATE_WORDS.pattern.startswith("(?=[")
