"""The quick path of the inline scan (code spans, markers, line breaks) gives markdown-it's tokens."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.checks.codespans import split_code
from toolkit.checks.inline import _quick, full_parse

# Texts the quick path reads: each must give markdown-it's tokens, not step aside.
QUICK = [
    "*em* `code` **strong** and ***both***",
    "**`x`** and *`y`* at the edges",
    "**a**`b`**c**",
    "a  \nhard break and a \nsoft one\n  indented",
    "*a\n b*  \n**c**\n",
    "`code`  \n*x*\t\n`y`",
    "`code\nover lines` *and em*",
    "`name`\\_ and \\__under__ and `x`\\_\\_",
    "\\*args\\* and a\\\\b \\n \\中 \\ and *\\*x*\\",
    "snake_case and _a_ and __init__",
    "**黄雪琴（Huang Xueqin）**和 *x*",
    "a *b* c **d** e _f_ g __h__ and *i*中*j*",
    "*a* _b* c_ and **d*",
    "*unmatched `*` and **also",
    "``a`b`` *c* ```",
    "****\n____",
    "<b>bold</b> *x* and <https://a.org> <a@b.cd> &amp; &#42; &bogus; & < 3 and a<b",
    "`code` before *a <br/> b* and <!-- *no* em -->",
    "",
]

# Texts the quick path leaves to the scanner: the code spans or the tokens would differ.
ASIDE = [
    "<b title='`x`'>",  # a tag that runs into a code span: markdown-it reads the tag
    "[text](https://a.org) `x`",  # a link
    "\\`not code` here",  # an escaped backtick opens no code span
    "hard\\\nbreak",
]


@pytest.mark.parametrize("text", QUICK)
def test_quick_path_gives_markdown_its_tokens(text: str) -> None:
    assert _quick(text, split_code(text)) == full_parse(text)


@pytest.mark.parametrize("text", ASIDE)
def test_quick_path_steps_aside(text: str) -> None:
    assert _quick(text, split_code(text)) is None


_PIECES = st.sampled_from(
    [
        *("a", "b", " ", "*", "_", "`", "\n", "\t", ":", "中", "（", "）", "  ", "**", "__", "``"),
        *("\\_", "`x`", "`x`\\_", ":func:`f`", "\\", "\\*", "\\n", "\\\\", "\\`", "\\\n"),
    ]
)


@settings(max_examples=3000, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_quick_path_agrees_with_markdown_it(text: str) -> None:
    quick = _quick(text, split_code(text))
    if quick is not None:
        assert quick == full_parse(text)


# Words, spaces and markers as prose has them: most runs pair one after another here.
_WORDS = st.sampled_from(
    [" ", "  ", "\n", "word", "中文", "，", "（", "）", "*", "**", "_", "__", "`x`", "``y``", "\\_"]
)


@settings(max_examples=3000, deadline=None)
@given(st.lists(_WORDS, max_size=20).map("".join))
def test_quick_path_pairs_prose_markers_as_markdown_it(text: str) -> None:
    quick = _quick(text, split_code(text))
    if quick is not None:
        assert quick == full_parse(text)
