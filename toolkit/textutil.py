"""Small text facts shared by segmentation, rebuilding and reports: CJK width, line joining,
control characters made visible."""

from __future__ import annotations

import re
import unicodedata


def is_cjk(char: str) -> bool:
    """True for characters of scripts written without spaces between words (Han, kana).

    East Asian wide and fullwidth characters are exactly those; Hangul is wide too but Korean
    puts spaces between words, so it is left out.
    """
    if not char or unicodedata.east_asian_width(char) not in ("W", "F"):
        return False
    return not unicodedata.name(char, "").startswith("HANGUL")


def is_cjk_punctuation(char: str) -> bool:
    """Full-width punctuation (the Chinese full stop, comma, brackets): no space goes beside it."""
    return is_cjk(char) and unicodedata.category(char).startswith("P")


def join_lines(left: str, right: str) -> str:
    """Join two lines of one paragraph: a space, except between CJK characters.

    No space goes between two CJK characters, nor next to full-width punctuation
    (``被捕。`` + ``2024年`` is ``被捕。2024年``).
    """
    left, right = left.rstrip(), right.lstrip()
    if not left or not right:
        return left + right
    last, first = left[-1], right[0]
    tight = (is_cjk(last) and is_cjk(first)) or any(map(is_cjk_punctuation, (last, first)))
    return left + ("" if tight else " ") + right


def has_letters(text: str) -> bool:
    """True when ``text`` has at least one letter (of any script)."""
    return any(unicodedata.category(char).startswith("L") for char in text)


def line_starts(text: str) -> list[int]:
    """Offsets where each line of ``text`` starts (``\\n`` ends a line)."""
    starts = [0]
    position = text.find("\n")
    while position != -1:
        starts.append(position + 1)
        position = text.find("\n", position + 1)
    return starts


# Characters that would end a line or drive a terminal, as a translation may hold them (a
# message can quote one): C0 and C1 controls, DEL and the Unicode line and paragraph separators.
# Tab stays: it is harmless and common.
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")
_NAMED = {"\n": "\\n", "\r": "\\r"}


def one_line(value: str) -> str:
    """``value`` on one line with every control character visible: ``\\n``, ``\\x1b``.
    A text or GitHub report then has exactly one line per finding, whatever a catalogue holds
    (a translation cannot forge another finding or colour the terminal)."""
    return _CONTROL.sub(_visible, value)


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    return _NAMED.get(char) or (f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}")
