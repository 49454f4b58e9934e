"""The markup checks' fast parse of code-span texts gives what the token path gives."""

from __future__ import annotations

from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.checks import markup_parse

# Texts the fast parse reads (or must step aside from): each must parse as the token path does.
TEXTS = [
    "Use :func:`len` and ``None``.",
    "See :ref:`the tutorial <tut-intro>` and `docs <https://a.org>`_ and `name`__.",
    "snake_case and `x`_ and nginx_ and 桥牌_.",
    "`x`_y and `y`___ and `_` and ``__init__``",
    "(:func:`f`) and :abbr:`LIFO (last-in, first-out)` and :dfn:`term`",
    "a `b` c\nd `e`",
    "_open_ `x`",
    "*em* `x` and `y`",
    "a < b `c`",
    "&amp; `x`",
    "\\_ `x`",
    "`unclosed and ``double` and ```",
]


# Texts of code spans, line breaks and "*" pairs one after another, or escapes: the fast
# parse reads them (``emphatic``, ``simple``).
EMPHATIC = [
    "\\- so that `x` in C:\\\\Users \\q and \\::func:`f` \\[a]",
    "line one  \n\t`code` and :func:`f`\n*em*\n",
    "**x**\nfoo `y`:\n`z` and `a <b>`_ \n \n c",
    "*em* `x` and **strong** ``y``",
    "**`x`** and *a `` b `` c* and :func:`f`",
    "**x**`y` and `z`**w**",
    "a * b and *a* then *b*",
    "snake_case *x* and `name`_ and nginx_",
    "*a ` b\nc ` d* and :ref:`t <target>`",
    "**黄雪琴**和 *https://a.org* a@b.cd",
    "**",
]


def _fast(text: str) -> markup_parse.Inline | None:
    """The fast parse of ``text``, if ``parse`` would ask for it (a text without markup
    characters is its own prose: lines and all)."""
    return markup_parse.simple(text) if markup_parse._MARKUP_START.search(text) else None


def _token_path(text: str) -> markup_parse.Inline:
    with mock.patch.object(markup_parse, "simple", return_value=None):
        return markup_parse.parse.__wrapped__(text)


@pytest.mark.parametrize("text", TEXTS)
def test_fast_parse_agrees_with_the_tokens(text: str) -> None:
    fast = _fast(text)
    if fast is not None:
        assert fast == _token_path(text)


@settings(max_examples=2000, deadline=None)
@given(
    st.lists(
        st.sampled_from([*"`_*:ab <>&\\\n", "``", "__", ":func:", " <t>", "](", "中", "（"]),
        max_size=25,
    ).map("".join)
)
def test_fast_parse_agrees_on_any_text(text: str) -> None:
    fast = _fast(text)
    if fast is not None:
        assert fast == _token_path(text)


@pytest.mark.parametrize("text", EMPHATIC)
def test_fast_parse_reads_emphasis_pairs(text: str) -> None:
    fast = _fast(text)
    assert fast is not None
    assert fast == _token_path(text)


_PLAIN = st.sampled_from(
    [
        *(
            " ",
            "  ",
            "word",
            "中文",
            "，",
            "（",
            "）",
            "_",
            "`x`",
            "`` y ``",
            "` z\n`",
            ":func:`f`",
        ),
        *(
            "`x`_",
            "`a <b>`_",
            "https://a.org/",
            "nginx_",
            ":",
            "!",
            "*",
            "__",
            "`",
            ":abbr:`A (b)`",
        ),
    ]
)
_PAIR = st.tuples(st.sampled_from(["*", "**"]), st.lists(_PLAIN, max_size=4).map("".join))


@settings(max_examples=3000, deadline=None)
@given(
    st.lists(st.one_of(_PLAIN, _PAIR.map(lambda p: p[0] + p[1] + p[0])), max_size=12).map("".join)
)
def test_fast_parse_agrees_on_emphasis(text: str) -> None:
    fast = _fast(text)
    if fast is not None:
        assert fast == _token_path(text)
