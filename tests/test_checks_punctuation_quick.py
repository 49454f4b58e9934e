"""The quick paths of the punctuation checks against the full ones they stand for: the end kinds
looked up by a text's last characters (P106), and one search for each half-width mark (P101)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.checks import endmarks, punctuation

# Ends of texts, made of what end marks are made of: marks of both widths, closers, notes in
# brackets, reST's '::', ellipses, letters, spaces and line breaks.
_END_PIECES = st.sampled_from(
    [*".。?？!！:：;；,，、…⋯．｡", "...", "……", "::", " ::", "）", ")", "」", "”", "*", "_", "'",
     '"', "（注）", "(see)", "a", "中", "1", " ", "\n", "etc.", "等"]
)


def _reference_end_kind(text: str) -> str | None:
    """``end_kind`` as it was written before its quick part was looked up by the last three
    characters: the full path every quick answer must agree with."""
    last = text.rstrip()[-1:]
    if last.isalnum():
        return None
    kind = endmarks.plain_kind(text.rstrip())
    if kind is not None:
        return kind
    end = endmarks.end_text(text)
    if end.endswith(("...", "…", "⋯")):
        return "ellipsis"
    return endmarks._END_KINDS.get(end[-1:]) if end else None


@settings(max_examples=2000, deadline=None)
@given(st.lists(_END_PIECES, max_size=8).map("".join))
def test_end_kinds_looked_up_are_the_end_kinds(text: str) -> None:
    end = text.rstrip()
    assert endmarks.QUICK_KINDS[end[-3:]] == endmarks.quick_kind(end)
    assert endmarks.end_kind(text) == _reference_end_kind(text)
    assert endmarks.settled_kind(end, endmarks.quick_kind(end)) == _reference_end_kind(text)


# P101's quick test as one expression opened by a class of the five marks, as it was written
# before each mark had its own search: both must find a mark beside Chinese text alike.
_ONE_SEARCH = re.compile(
    r"[,;:!?](?:(?=[*_]*[\u3005-\U0010ffff])|(?<=[\u3005-\U0010ffff*_].))"
)


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from([*",;:!?*_ a中々〄，\n"]), max_size=12).map("".join))
def test_a_search_for_each_mark_finds_what_one_search_finds(text: str) -> None:
    each = any(mark in text and search(text) for mark, search in punctuation._EACH_MARK_BESIDE_WIDE)
    assert each == bool(_ONE_SEARCH.search(text))
