"""Emphasis delimiters as CommonMark pairs them: flanking runs, openers matched to closers.

markdown-it's ``scanDelims`` and ``processDelimiters`` (its ``balance_pairs`` rule), for the
fast inline scan (``toolkit.checks.inline``): the same delimiters pair the same way.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from markdown_it.common.utils import isMdAsciiPunct, isPunctChar, isWhiteSpace


@dataclass(slots=True)
class Delimiter:
    """markdown-it's emphasis ``Delimiter``: one marker of a run, and what it may do."""

    marker: str
    length: int
    token: int
    end: int
    open: bool
    close: bool


def flanking(src: str, start: int, end: int) -> tuple[bool, bool]:
    """Whether the run of ``*`` or ``_`` at ``start:end`` can open and can close emphasis.

    CommonMark's flanking rules, as markdown-it's ``scanDelims`` applies them: the text's
    start and end count as whitespace; ``_`` neither opens nor closes inside a word.
    """
    last_char = src[start - 1] if start > 0 else " "
    next_char = src[end] if end < len(src) else " "
    return flanking_chars(last_char, src[start], next_char)


@lru_cache(maxsize=4096)
def flanking_chars(last_char: str, marker: str, next_char: str) -> tuple[bool, bool]:
    """``flanking`` of a run of ``marker`` between ``last_char`` and ``next_char``."""
    # Cached: the answer depends on three characters only, and texts repeat a few of them.
    last_punct, next_punct = _punctuation(last_char), _punctuation(next_char)
    last_space, next_space = isWhiteSpace(ord(last_char)), isWhiteSpace(ord(next_char))
    left = not (next_space or (next_punct and not (last_space or last_punct)))
    right = not (last_space or (last_punct and not (next_space or next_punct)))
    if marker == "*":  # "*" may open or close inside a word
        return left, right
    return left and (not right or last_punct), right and (not left or next_punct)


@cache
def _punctuation(char: str) -> bool:
    return isMdAsciiPunct(ord(char)) or isPunctChar(char)


def balance(delimiters: list[Delimiter]) -> None:
    """Match closers to openers: markdown-it's ``processDelimiters``, rule of three included."""
    if not delimiters:
        return
    bottoms: dict[str, list[int]] = {}
    header = 0
    last_token = -2
    jumps: list[int] = []
    for closer_index, closer in enumerate(delimiters):
        jumps.append(0)
        if delimiters[header].marker != closer.marker or last_token != closer.token - 1:
            header = closer_index
        last_token = closer.token
        if not closer.close:
            continue
        bottom = bottoms.setdefault(closer.marker, [-1] * 6)
        slot = (3 if closer.open else 0) + closer.length % 3
        opener_index = header - jumps[header] - 1
        new_bottom = opener_index
        while opener_index > bottom[slot]:
            opener = delimiters[opener_index]
            if opener.marker != closer.marker:
                opener_index -= jumps[opener_index] + 1
                continue
            if opener.open and opener.end < 0:
                odd = (
                    (opener.close or closer.open)
                    and (opener.length + closer.length) % 3 == 0
                    and (opener.length % 3 != 0 or closer.length % 3 != 0)
                )
                if not odd:
                    if opener_index > 0 and not delimiters[opener_index - 1].open:
                        last_jump = jumps[opener_index - 1] + 1
                    else:
                        last_jump = 0
                    jumps[closer_index] = closer_index - opener_index + last_jump
                    jumps[opener_index] = last_jump
                    closer.open = False
                    opener.end = closer_index
                    opener.close = False
                    new_bottom = -1
                    last_token = -2
                    break
            opener_index -= jumps[opener_index] + 1
        if new_bottom != -1:
            bottom[slot] = new_bottom


def pairs(delimiters: list[Delimiter]) -> Iterator[tuple[int, int, bool]]:
    """Each matched pair once balanced: its opener, its closer and whether it is strong.

    markdown-it's emphasis ``postProcess``: two pairs nested right inside each other, of
    adjacent markers, are one strong pair; its outer markers (``opener - 1`` and
    ``closer + 1``) become empty text. Pairs come from the last opener back.
    """
    index = len(delimiters) - 1
    while index >= 0:
        start = delimiters[index]
        if start.end == -1:
            index -= 1
            continue
        end = delimiters[start.end]
        strong = (
            index > 0
            and delimiters[index - 1].end == start.end + 1
            and delimiters[index - 1].marker == start.marker
            and delimiters[index - 1].token == start.token - 1
            and delimiters[start.end + 1].token == end.token + 1
        )
        yield index, start.end, strong
        index -= 2 if strong else 1
