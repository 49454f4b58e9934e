"""Strings of a plainly written catalogue: polib's escapes, checked and read."""

from __future__ import annotations

import re

# A string whose escapes are all polib's (GNU's octal and hex escapes are the full reader's).
PLAIN_INSIDE = re.compile(r'(?:[^"\\]|\\[ntbrfv\\"])*')
POLIB_ESCAPE = re.compile(r'\\(\\|n|t|r|v|b|f|")')
_POLIB_UNESCAPED = {"n": "\n", "t": "\t", "r": "\r", "v": "\v", "b": "\b", "f": "\f"}
_POLIB_UNESCAPED |= {"\\": "\\", '"': '"'}
_ESCAPES = [("\\" + letter, _POLIB_UNESCAPED[letter]) for letter in 'n"tfrbv']
_ESCAPES_AFTER_NEWLINE = _ESCAPES[1:]  # the commonest first
# The strict form of a string's lines: polib's escapes only, no quote inside left unescaped
# (what escaped checks, a test holds them alike).
_QUOTED = r'"[^"\\\n]*(?:\\[ntbrfv\\"][^"\\\n]*)*"'
STRINGS = re.compile(rf"{_QUOTED}(?:\n{_QUOTED})*")


class NotPlain(Exception):
    """The text is not written plainly (as far as this reading knows): another reads it."""


class Refused(NotPlain):
    """The text holds what neither plain reading reads: the full reader reads it."""


def plain_string(token: str) -> bool:
    """A quoted string with polib's escapes only: quotes inside escaped, none left open."""
    return len(token) >= 2 and token[0] == token[-1] == '"' and plain_inside(token[1:-1])


def plain_inside(inside: str) -> bool:
    if "\\" not in inside:
        return '"' not in inside  # most strings: no escape, so no regular expression
    return PLAIN_INSIDE.fullmatch(inside) is not None


def unescape(value: str) -> str:
    """polib's ``unescape`` (its escapes, its characters), compiled once; most strings have no
    escape at all."""
    return POLIB_ESCAPE.sub(unescaped, value) if "\\" in value else value


def unescaped(match: re.Match[str]) -> str:
    return _POLIB_UNESCAPED[match.group(1)]


def string_value(strings: str) -> str:
    """The text of a string's lines (each from a quote to a quote): quotes and line ends out,
    then polib's escapes; not a string as polib's are written, NotPlain."""
    inside = strings[1:-1]
    value = inside.replace('"\n"', "")  # one a line end: each line has its own quotes
    return escaped(inside, value) if "\\" in value or '"' in value else value


def escaped(inside: str, value: str) -> str:
    """``string_value`` of strings with a backslash or a quote inside (``inside``: their lines but
    the first and last quotes), checked as STRINGS would check each line, but with a few
    searches of the whole (each at memchr's pace) rather than a match of each character."""
    if "\\" not in value:
        raise NotPlain  # a quote inside, and no escape
    # Escaped backslashes made NULs (no text read here holds one: the plain reader refuses
    # them), paired from the left as polib pairs them, a join making no pair: each backslash
    # left starts an escape of its own, and what replaces one is no backslash.
    paired = "\\\\" in value
    if paired:
        inside, value = inside.replace("\\\\", "\0"), value.replace("\\\\", "\0")
    if inside.endswith("\\") or '\\"\n' in inside:
        raise NotPlain  # a line's closing quote escaped: the string goes on
    if '"' in value and value.count('"') != value.count('\\"'):
        raise NotPlain  # a quote inside left unescaped
    value = value.replace("\\n", "\n")  # the commonest escape, most strings' only one
    for escape, char in _ESCAPES_AFTER_NEWLINE:
        if "\\" not in value:
            break
        if escape in value:
            value = value.replace(escape, char)
    else:
        if "\\" in value:
            raise NotPlain  # an escape polib does not know (GNU's octal, hex, \\a...)
    return value.replace("\0", "\\") if paired else value
