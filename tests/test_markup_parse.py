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


def _token_path(text: str) -> markup_parse.Inline:
    with mock.patch.object(markup_parse, "simple", return_value=None):
        return markup_parse.parse.__wrapped__(text)


@pytest.mark.parametrize("text", TEXTS)
def test_fast_parse_agrees_with_the_tokens(text: str) -> None:
    fast = markup_parse.simple(text)
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
    fast = markup_parse.simple(text)
    if fast is not None:
        assert fast == _token_path(text)
