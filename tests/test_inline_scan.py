"""The fast inline scan of the markup checks gives markdown-it's own tokens, or steps aside."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.checks.codespans import code_ticks, split_code
from toolkit.checks.inline import full_parse, scan, tokens

# Texts where CommonMark's inline rules are subtle: each must give markdown-it's tokens.
TRICKY = [
    "plain text, nothing to parse",
    "",
    "`code`",
    "``a ` b``",
    "` a `",
    "`  `",
    "`` ` ``",
    "```",
    "`unclosed and ``double",
    "a `b` c ``d`` e ```f``` g",
    "`code\nover two lines`",
    "*em* and **strong** and ***both***",
    "*a **b** c*",
    "**a *b* c**",
    "*a*b*c*",
    "_a_ b_c_ __d__ ___e___",
    "__init__ and __main__",
    "snake_case_name and a_b_c",
    "x * y * z and 2*3*4",
    "**黄雪琴（Huang Xueqin）**和劳工活动人士",
    "对**“引号”**的关注",
    "“*强调*”和（_下划线_）",
    "*unmatched and **also",
    "****",
    "*_mixed_*",
    "\\*escaped\\* and \\`not code\\`",
    "back\\\\slash \\a \\中",
    "line\\\nbreak",
    "trailing\\",
    "two spaces  \nhard break",
    "one space \nsoft break",
    "indented\n    next line",
    "tab\t\nbreak",
    "<b>bold</b> and <br/> and <a href='x'>link</a>",
    "<https://example.org/path?q=1>",
    "<user@example.org>",
    "<javascript:alert(1)>",
    "<not a tag",
    "a < b > c",
    "<path> and <路径>",
    "<!-- comment -->, <!-->, <?php echo 1 ?>, <![CDATA[x]]>, <!DOCTYPE html>",
    "&amp; &#123; &#x41; &bogus; & alone &",
    "&#0; &#xD800; &nbsp;",
    "[not a link]",
    "[text](http://example.org)",
    "![image](a.png)",
    "![alt] and ! alone",
    "a ] b [ c",
    "`[x](y)` in code",
    ":func:`len` and :ref:`text <target>`",
    "`text <https://example.org>`\\_ and `name`\\_\\_",
    "*emphasis with `code` inside*",
    "`code with *stars*` and *stars*",
    "mixed \\\n escape newline and  \n  hard",
    "**bold**\n*em*",
    "a\r\nb",
    "nul\0char",
    # The quick path (code spans, markers and escaped "_" between them) and its pairing of runs.
    "``a`` and `b` and ```c``` and `` d ``",
    "`a``b` and ``c`d``",
    "`` a ` `b` and ```",
    "*x*`y`*z* and **`w`**",
    "`code`\\_ and *em* and \\__under__",
    "`a`_*b*_ and _`c`_",
    "*a `b* c`",
    "**Source code:** :source:`Lib/x.py`",
]


@pytest.mark.parametrize("text", TRICKY)
def test_scan_gives_markdown_its_tokens(text: str) -> None:
    fast = scan(text)
    if "](" not in text and "\r" not in text and "\0" not in text:
        assert fast is not None  # the fast path is taken
    if fast is not None:
        assert fast == full_parse(text)
    assert tokens(text) == full_parse(text)


_MARKUP = st.sampled_from(
    [
        *"ab c*_`\\[]()<>!&#;:/.@-\n\t",
        *("  ", "中", "文", "（", "）", "“", "”", "\u00a0", "é", "**", "``", "__", "![", "]("),
        *("<b>", "</b>", "&amp;", "&#42;", "<http://a.b>", "<a@b.cd>"),
    ]
)


@settings(max_examples=3000, deadline=None)
@given(st.lists(_MARKUP, max_size=30).map("".join))
def test_scan_agrees_with_markdown_it(text: str) -> None:
    fast = scan(text)
    if fast is not None:
        assert fast == full_parse(text)


# CommonMark's code spans as one expression: a run of backticks and the next run of its length.
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(["`", "``", "```", "a", " ", "\n", "_"]), max_size=20).map("".join))
def test_split_code_pairs_runs_as_commonmark(text: str) -> None:
    pieces = split_code(text)
    ticks = code_ticks(text, pieces)
    expected = _CODE_SPAN.split(text)
    assert pieces[::2] == expected[::3]
    assert pieces[1::2] == expected[2::3]
    assert ticks == [len(run) for run in expected[1::3]]


# Texts each way of ``split_code`` reads: single backticks only, runs of two around code without
# a backtick (with or without single ones between), and any other runs.
@pytest.mark.parametrize(
    "text",
    [
        "`a` and `b` and `c",
        "``a`` and ``b``",
        "``a`` and ``b",
        "``a`` `b` c `d` ``e``",
        "`a ``b`` c`",
        "``a`b`` and `c`",
        "````a```` and ```b``` and ``c``",
    ],
)
def test_split_code_pairs_runs_as_commonmark_in_each_way(text: str) -> None:
    pieces = split_code(text)
    ticks = code_ticks(text, pieces)
    expected = _CODE_SPAN.split(text)
    assert (pieces[::2], pieces[1::2]) == (expected[::3], expected[2::3])
    assert ticks == [len(run) for run in expected[1::3]]
