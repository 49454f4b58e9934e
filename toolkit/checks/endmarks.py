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


def final_mark(text: str) -> str:
    """The end mark of a text as written (``...`` and ``……`` whole)."""
    mark = re.search(r"(?:\.\.\.|……|⋯⋯|[^\w\s])$", end_text(text))
    return mark.group() if mark else ""


def end_text(text: str) -> str:
    """The text up to its end mark: without closers, a closing note or reST's '::' marker."""
    end = text.rstrip()
    if end.endswith("::"):
        # reST shows "text::" as "text:" and drops the marker of "text ::".
        bare = end[:-2]
        end = bare.rstrip() if bare[-1:].isspace() else bare + ":"
    stripped = end.rstrip(_CLOSERS + " ")
    if end[-1:] in "）)" and not _END_KINDS.get(stripped[-1:]):
        # A note in brackets after the sentence: 贡献。（标准句柄指……）
        before = end[: max(end.rfind("（"), end.rfind("("))].rstrip()
        if _END_KINDS.get(before[-1:]):
            return before
    return stripped


# The end marks that are a text's end mark as they stand when they are its last character (the
# common case): not a colon (reST's '::'), nor the characters that end an ellipsis.
_PLAIN_END_KINDS = {
    mark: kind for mark, kind in _END_KINDS.items() if len(mark) == 1 and mark not in ":…⋯"
}


def plain_kind(end: str) -> str | None:
    """The kind of end mark of a right-stripped text ending with one as it stands, else None."""
    kind = _PLAIN_END_KINDS.get(end[-1:])
    return "ellipsis" if kind == "stop" and end.endswith("...") else kind


def end_kind(text: str) -> str | None:
    last = text.rstrip()[-1:]
    if last.isalnum():
        return None  # no closer, no note in brackets: no end mark
    kind = plain_kind(text.rstrip())
    if kind is not None:
        return kind
    end = end_text(text)
    if end.endswith(("...", "…", "⋯")):
        return "ellipsis"
    return _END_KINDS.get(end[-1:]) if end else None
