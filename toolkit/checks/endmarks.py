# ruff: noqa: RUF001, RUF002, RUF003  (full-width punctuation is what this module reads)
"""End marks: which kind of punctuation ends a text (. 。 ? ？ : ： ...), whatever its script."""

from __future__ import annotations

import re

# Each kind of end mark as Chinese writes it (full width) and as scripts written with spaces do.
FULL_MARKS = {
    "stop": "。",
    "question": "？",
    "exclamation": "！",
    "colon": "：",
    "semicolon": "；",
    "ellipsis": "……",
    "comma": "，",
}
HALF_MARKS = {
    "stop": ".",
    "question": "?",
    "exclamation": "!",
    "colon": ":",
    "semicolon": ";",
    "ellipsis": "...",
    "comma": ",",
}
_END_KINDS = {
    **{mark: kind for kind, mark in FULL_MARKS.items()},
    **{mark: kind for kind, mark in HALF_MARKS.items()},
    "…": "ellipsis",
    "⋯": "ellipsis",  # Taiwan sets the ellipsis on the middle line: ⋯⋯
    "、": "comma",
    "．": "stop",
    "｡": "stop",
}
# Closing quotes, brackets and emphasis markers may follow the end mark: 。」 .) .** are ends.
_CLOSERS = "\"'”’」』）)]】》〉*_"
_CLOSERS_OR_SPACE = _CLOSERS + " "


def final_mark(text: str) -> str:
    """The end mark of a text as written (``...`` and ``……`` whole)."""
    mark = re.search(r"(?:\.\.\.|……|⋯⋯|[^\w\s])$", end_text(text))
    return mark.group() if mark else ""


def end_text(text: str) -> str:
    """The text up to its end mark: without closers, a closing note or reST's '::' marker."""
    return _end_text(text.rstrip())


def _end_text(end: str) -> str:
    """``end_text`` of a right-stripped text."""
    if end.endswith("::"):
        # reST shows "text::" as "text:" and drops the marker of "text ::".
        bare = end[:-2]
        end = bare.rstrip() if bare[-1:].isspace() else bare + ":"
    stripped = end.rstrip(_CLOSERS_OR_SPACE)
    if end[-1:] in "）)" and not _END_KINDS.get(stripped[-1:]):
        # A note in brackets after the sentence: 贡献。（标准句柄指……）
        before = end[: max(end.rfind("（"), end.rfind("("))].rstrip()
        if _END_KINDS.get(before[-1:]):
            return before
    return stripped


# The end marks that are a text's end mark as they stand when they are its last character (the
# common case): not the characters that end an ellipsis, nor a colon of reST's '::'.
_PLAIN_END_KINDS = {
    mark: kind for mark, kind in _END_KINDS.items() if len(mark) == 1 and mark not in "…⋯"
}
# The characters an end mark or a closer can end with: a text ending with another has no end mark.
_MARKING = frozenset(mark[-1] for mark in _END_KINDS) | frozenset(_CLOSERS)


def plain_kind(end: str) -> str | None:
    """The kind of end mark of a right-stripped text ending with one as it stands, else None."""
    kind = _PLAIN_END_KINDS.get(end[-1:])
    if kind == "stop":
        return "ellipsis" if end.endswith("...") else kind
    return None if kind == "colon" and end.endswith("::") else kind


def quick_kind(end: str) -> str | None:
    """The kind of end mark of a right-stripped text, told from its last character: "" for none
    (a letter, a digit, or a character that ends no mark nor closer), None when its last
    character does not tell (a closer, a colon of '::', the end of an ellipsis: ``end_kind``)."""
    last = end[-1:]
    kind = _PLAIN_END_KINDS.get(last)
    if kind is None:
        return "" if last.isalnum() or last not in _MARKING else None
    if kind == "stop":
        return "ellipsis" if end.endswith("...") else kind
    return None if kind == "colon" and end.endswith("::") else kind


class _QuickKinds(dict[str, str | None]):
    """``quick_kind`` of the ends of texts, by their last three characters (all it reads), each
    worked out once: a look-up instead of a call for most texts (their ends are few)."""

    def __missing__(self, end: str) -> str | None:
        kind = quick_kind(end)
        if len(self) < _QUICK_KINDS_KEPT:  # a bound, whatever the texts
            self[end] = kind
        return kind


_QUICK_KINDS_KEPT = 1 << 16
# ``QUICK_KINDS[end[-3:]]`` is ``quick_kind(end)`` for a right-stripped ``end``.
QUICK_KINDS = _QuickKinds()


def end_kind(text: str) -> str | None:
    end = text.rstrip()
    return settled_kind(end, QUICK_KINDS[end[-3:]])


def settled_kind(end: str, quick: str | None) -> str | None:
    """``end_kind`` of a right-stripped text whose ``quick_kind`` is ``quick``: that kind where
    it tells (none for ""), else read past closers, notes and '::' (``end_text``)."""
    if quick is not None:
        return quick or None
    end = _end_text(end)
    if end.endswith(("...", "…", "⋯")):
        return "ellipsis"
    return _END_KINDS.get(end[-1:]) if end else None
