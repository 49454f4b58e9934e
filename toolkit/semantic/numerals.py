# ruff: noqa: RUF001, RUF003  (full-width digits are what this module reads)
"""Numbers written with digits, in any locale's separators, and the record every numeral makes."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from fractions import Fraction
from functools import cached_property, lru_cache
from typing import Any, NamedTuple

from babel.core import UnknownLocaleError
from babel.numbers import get_decimal_symbol, get_group_symbol

Number = int | Fraction


class Numeral(NamedTuple):
    """A number as written, before the words around it (unit, qualifier) are read.

    A named tuple, not a frozen dataclass: every number read makes one, and a frozen
    dataclass's fields are set one by one through object.__setattr__ (three times the cost).
    ``weak`` marks a word that is as often an article or a pronoun as a count ("one of them",
    一个 for "a", "both"): it may answer a number of the other text but is never required.
    ``vague`` marks an order of magnitude ("dozens of", 数十): ``value`` is 10, 100...
    ``reference`` marks a number that names rather than counts (a version, a list number).
    """

    start: int
    end: int
    value: Number
    ordinal: bool = False
    weak: bool = False
    vague: bool = False
    reference: bool = False
    unit: str | None = None  # when the words already say it ("a year and a half")


def alternation(words: Iterable[str]) -> str:
    """A regular expression for any of ``words``, factored as a trie: Python's engine scans
    ``(?:t(?:en|hree|wo))`` much faster than ``(?:ten|three|two)``."""
    return _build(_trie(words))


def branches(words: Iterable[str]) -> list[str]:
    """The alternatives of ``alternation(words)``, one for each first character, which each
    opens with: an expression made of such alternatives alone (no group around them) is one
    whose search scans for those characters in C."""
    return _branches(_trie(words))


def _trie(words: Iterable[str]) -> dict[str, Any]:
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return trie


def _branches(node: dict[str, Any]) -> list[str]:
    return [re.escape(char) + _build(child) for char, child in sorted(node.items()) if char]


def _build(node: dict[str, Any]) -> str:
    branches = _branches(node)
    if not branches:
        return ""
    group = f"(?:{'|'.join(branches)})" if len(branches) > 1 or "" in node else branches[0]
    return group + "?" if "" in node else group


# What re.IGNORECASE takes for an ASCII letter besides its two cases (Python's case folding).
_FOLDS = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}


def word_start(words: Iterable[str], tail: str = "", also: Mapping[str, str] | None = None) -> str:
    r"""``\b(?:words)tail`` as re.IGNORECASE reads it, for an expression compiled without that
    flag: it opens with the words' first letters as a set of characters, which a search scans
    for in C, where a case-insensitive expression (or a lookahead) is tried at every position.
    The words start with ASCII letters; ``\b`` before a letter is "no word character before".
    ``also`` maps a lowercase first letter to an expression for the rest, tried first."""
    rests: dict[str, list[str]] = {}
    for word in words:
        rests.setdefault(word[0].lower(), []).append(word[1:].lower())
    extra = also or {}
    letters = sorted({*rests, *extra})
    first = "".join(char + char.upper() + _FOLDS.get(char, "") for char in letters)
    branches = [f"(?<={char}){extra[char]}" for char in letters if char in extra] + [
        f"(?<={char}){alternation(rests[char])}" for char in letters if char in rests
    ]
    return rf"[{first}](?<!\w.)(?i:(?:{'|'.join(branches)}){tail})"


def has_any(text: str, parts: tuple[str, ...]) -> bool:
    """Whether ``text`` holds one of ``parts``: a substring test is a fast scan in C (memchr on
    an ASCII text), where a search for a set of characters calls a function per character."""
    for part in parts:  # a loop: any() over a generator or map() costs more  # noqa: SIM110
        if part in text:
            return True
    return False


def has_digit(text: str) -> bool:
    """Whether ``text`` has an ASCII digit; ten substring tests are the quick way on ASCII."""
    if text.isascii():  # a flag of the string: no scan
        return has_any(text, _DIGIT_CHARACTERS)
    return _ANY_DIGIT.search(text) is not None


# The ASCII characters that are not word characters (re's \w): what \b sees before a word.
_ASCII_BREAKS = r"\x00-/:-@\[-^`{-\x7f"


class WordSearch:
    r"""Where a text has one of some words, as ``\b(?:words)tail`` with re.IGNORECASE finds them
    (``also`` as in ``word_start``).

    ``expression`` is that search (``word_start``). An ASCII text, lowered (which is what the
    flag does to ASCII), is searched for the character before a word instead: far fewer places
    to try than the words' first letters (about half of all letters). A word that starts the
    text has none: it is matched on its own.
    """

    def __init__(
        self, words: Iterable[str], tail: str = "", also: Mapping[str, str] | None = None
    ) -> None:
        lowered = sorted({word.lower() for word in words})
        self._source = word_start(lowered, tail, also)
        extra = "".join(f"{char}{rest}|" for char, rest in sorted((also or {}).items()))
        rest = f"(?:{extra}{alternation(lowered)}){tail}"
        self._first = re.compile(rest)
        self._after = re.compile(f"[{_ASCII_BREAKS}]({rest})")
        self._words = word_bytes(lowered)

    @cached_property
    def expression(self) -> re.Pattern[str]:
        """Compiled on first use: most texts are ASCII, and compiling takes milliseconds."""
        return re.compile(self._source)

    def found_in(self, text: str) -> bool:
        """Whether ``text`` has one of the words."""
        if not text.isascii():
            return self.expression.search(text) is not None
        lower = text.lower()
        return self._first.match(lower) is not None or self._after.search(lower) is not None

    def spans(
        self, text: str, present: frozenset[bytes] | None = None
    ) -> Iterator[tuple[int, int]]:
        """(start, end) of each match, as ``expression.finditer`` gives them.

        ``present``, for an ASCII text: at least the whole words (``ascii_words``) of the
        text, when every match opens with one of ``words`` as a whole word (``tail`` has a word
        end right after it, and no ``also`` match can be in the text). The places to try are
        then where those words stand, found in C, not every place a word may start.
        """
        if not text.isascii():
            for match in self.expression.finditer(text):
                yield match.span()
            return
        lower = text.lower()
        if present is not None:
            yield from self._spans_at(lower, present)
            return
        first = self._first.match(lower)
        if first:  # a match ends with a word character: the next one's \b is not in it
            yield first.span()
        for match in self._after.finditer(lower, first.end() if first else 0):
            yield match.span(1)

    def _spans_at(self, lower: str, present: frozenset[bytes]) -> Iterator[tuple[int, int]]:
        """``spans`` of a lowered ASCII text, tried only where one of ``present`` stands."""
        starts: set[int] = set()
        for word in self._words.intersection(present):  # in C: most texts have one or two
            starts.update(_places(lower, word.decode()))
        last = 0  # where the last match ended: the next one's break may not be in it
        for start in sorted(starts):
            if start == 0:
                match = self._first.match(lower)
                if match:
                    yield match.span()
                    last = match.end()
            elif start > last:
                match = self._after.match(lower, start - 1)
                if match:
                    yield match.span(1)
                    last = match.end()


def _places(text: str, word: str) -> Iterator[int]:
    """Where ``word`` stands in ``text``, inside other words too."""
    start = text.find(word)
    while start >= 0:
        yield start
        start = text.find(word, start + 1)


# Bytes of ASCII word characters (re's \w) as themselves, lowered; any other byte a space.
_WORD_BYTES = bytes(
    (byte | 0x20 if chr(byte).isalpha() else byte)
    if byte < 128 and (chr(byte).isalnum() or byte == ord("_"))
    else ord(" ")
    for byte in range(256)
)

# The same, every digit a 0: a text has a digit if its cut has a 0.
_DIGIT_WORD_BYTES = _WORD_BYTES.translate(bytes.maketrans(b"123456789", b"000000000"))


class WholeWords:
    r"""Whether a text has one of some words as a whole word, as ``\b(?:words)\b`` with
    re.IGNORECASE finds (``expression``). An ASCII text is cut into its words instead, in C
    (bytes.translate, split), and they are looked up: half the cost of the search."""

    def __init__(self, words: Iterable[str]) -> None:
        lowered = sorted({word.lower() for word in words})
        self._source = word_start(lowered, r"\b")
        self._words = word_bytes(lowered)

    @cached_property
    def expression(self) -> re.Pattern[str]:
        """Compiled on first use: most texts are ASCII, and compiling takes milliseconds."""
        return re.compile(self._source)

    def found_in(self, text: str) -> bool:
        if text.isascii():
            return not self._words.isdisjoint(ascii_words(text))
        return self.expression.search(text) is not None

    def digit_and_found(self, text: str) -> tuple[bool, bool]:
        """(``has_digit(text)``, ``found_in(text)``): for an ASCII text, one cut in C answers
        both (a number word has no digit to change)."""
        if not text.isascii():
            return has_digit(text), self.expression.search(text) is not None
        cut = text.encode().translate(_DIGIT_WORD_BYTES)
        return b"0" in cut, not self._words.isdisjoint(cut.split())

    def found_with_digit(self, text: str) -> bool:
        """Whether an ASCII ``text`` has a digit (``has_digit``) or one of the words: one cut
        in C answers both, every digit made a 0 (a number word has no digit to change)."""
        cut = text.encode().translate(_DIGIT_WORD_BYTES)
        return b"0" in cut or not self._words.isdisjoint(cut.split())


def ascii_words(text: str) -> list[bytes]:
    r"""The words (runs of re's \w) of an ASCII text, lowered: cut in C, no search."""
    return text.encode().translate(_WORD_BYTES).split()


def word_bytes(words: Iterable[str]) -> frozenset[bytes]:
    """``words`` lowered, as ``ascii_words`` gives them, to look them up."""
    return frozenset(word.lower().encode() for word in words)


def initials(words: Iterable[str]) -> str:
    """A lookahead for the first characters of ``words``, to open an expression that matches
    only where one of them starts: a search skips to those characters instead of trying the
    whole expression at every position (several times faster on long texts)."""
    return f"(?=[{re.escape(''.join(sorted({word[0] for word in words})))}])"


def words(text: str) -> list[str]:
    """The words of a table written as text, one or more to a line."""
    return text.split()


def number(value: Number) -> Number:
    """An int when the value is whole, so that 3.0 and 3 print and compare alike."""
    return int(value) if value.denominator == 1 else value


# Full-width digits and signs are the same number (５ = 5); one character for one, so that
# offsets in the translated text are offsets in the original.
FULL_WIDTH = str.maketrans("０１２３４５６７８９．％", "0123456789.%")

# A run of digits with the separators any locale writes inside a number; what they mean is
# decided by the locale (1.000 is a thousand in German, one in English). It opens with the
# characters its matches start with, the lookbehinds after that character: a search then
# scans for them in C instead of trying the expression at every position.
_DIGITS = re.compile(
    r"[0-9.](?<![A-Za-z0-9_][0-9.])(?<![A-Za-z_]-[0-9.])(?<![0-9][.,][0-9.])"
    r"(?:(?<=[0-9])|(?<![\w.]\.)(?<=\.)[0-9])(?:[0-9,.'\u00a0\u202f\u2009]*[0-9])?"
    r"(?P<suffix>st|nd|rd|th|s|[KMGT]i?B|[kKMG]|[kcm]?m|kg|mg|g|h|min|ms|px|pt|x|bit)?"
    r"(?![A-Za-z0-9_])"
)
_ANY_DIGIT = re.compile("[0-9]")
_DIGIT_CHARACTERS = tuple("0123456789")
_SPACED_GROUPS = re.compile(r"(?<![0-9.,])[0-9]{1,3}(?:[ \t]+,[ \t]*[0-9]{3})+(?![0-9])")
_ORDINAL_SUFFIX = frozenset({"st", "nd", "rd", "th"})
_THIN_SPACES = "\u00a0\u202f\u2009"
_NO_SPACES = str.maketrans("", "", "'" + _THIN_SPACES)


@lru_cache(maxsize=16)
def _grouped(group: str, decimal: str) -> re.Pattern[str]:
    """Digits grouped by threes: 1,000 or 1.000,5 (German)."""
    return re.compile(
        rf"[0-9]{{1,3}}(?:{re.escape(group)}[0-9]{{3}})+(?:{re.escape(decimal)}[0-9]+)?"
    )


@lru_cache(maxsize=64)
def separators(locale: str) -> tuple[str, str]:
    """The locale's (group, decimal) symbols from CLDR; English ones for an unknown locale."""
    try:
        return get_group_symbol(locale), get_decimal_symbol(locale)
    except (UnknownLocaleError, ValueError):
        return ",", "."


def digit_numerals(text: str, locale: str) -> list[Numeral]:
    """Every number written with digits in ``text`` (already free of code and dates).

    Every number read here has a digit: a caller that has not yet asked ``has_digit`` saves
    time by asking first (the reader of quantities knows already).
    """
    found: list[Numeral] = []
    group, decimal = separators(locale)
    if group == "," and " ," in text:
        # "390 , 000": a number a translator spaced out is still 390,000.
        for match in _SPACED_GROUPS.finditer(text):
            grouped = int(re.sub("[^0-9]", "", match.group()))
            found.append(Numeral(match.start(), match.end(), grouped))
            text = text[: match.start()] + "\0" * len(match.group()) + text[match.end() :]
    for match in _DIGITS.finditer(text):
        suffix = match["suffix"]
        if suffix is None and match[0].isdigit():  # most numbers: plain figures
            # Made as the tuple it is (the defaults after the value): Numeral(...) would run
            # the named tuple's __new__, a Python function.
            start, end = match.span()
            plain = (start, end, int(match[0]), False, False, False, False, None)
            found.append(_new(Numeral, plain))
            continue
        suffix = suffix or ""
        ordinal = suffix in _ORDINAL_SUFFIX
        digits = match[0][: len(match[0]) - len(suffix)]
        if suffix == "x" and digits == "0":
            continue  # 0x: the prefix of a hexadecimal number
        for start, end, value, reference in _read(digits, group, decimal):
            found.append(
                Numeral(
                    match.start() + start,
                    match.end() if ordinal and end == len(digits) else match.start() + end,
                    value,
                    ordinal=ordinal and end == len(digits),
                    reference=reference,
                )
            )
    return found


def _decimal(figures: str) -> Number:
    """The value of digits with at most one point: Fraction(figures), without parsing a string
    (3.12, the commonest: a version)."""
    whole, _, fraction = figures.partition(".")
    if whole.isdigit() and fraction.isdigit():
        return number(Fraction(int(whole + fraction), 10 ** len(fraction)))
    return number(Fraction(figures))


_new = tuple.__new__


@lru_cache(maxsize=2048)
def _read(digits: str, group: str, decimal: str) -> tuple[tuple[int, int, Number, bool], ...]:
    """(start, end, value, is-a-reference) of each number in a run of digits and separators.
    Remembered: the same versions and decimals recur (3.12, 2.0), and a Fraction is slow to
    make."""
    if digits.isdigit():
        return ((0, len(digits), int(digits), False),)  # most numbers: the quick way
    clean = digits.translate(_NO_SPACES)
    if group.strip() in (",", ".") and _grouped(group, decimal).fullmatch(clean):
        whole, _, fraction = clean.replace(group, "").partition(decimal)
        return ((0, len(digits), number(Fraction(f"{whole}.{fraction or 0}")), False),)
    if clean.count(".") >= (2 if decimal == "." else 3):
        return ((0, len(digits), 0, True),)  # 3.14.0, 192.168.1.1: a version or an address
    if decimal != "." or "," not in clean:
        return ((0, len(digits), _decimal(clean.replace(decimal, ".")), False),)
    # Commas that group no thousands separate a list (1,5): each is a number of its own.
    parts: list[tuple[int, int, Number, bool]] = []
    offset = 0
    for piece in digits.split(","):
        value = piece.translate(_NO_SPACES)
        if value and value.count(".") <= 1:
            parts.append((offset, offset + len(piece), number(Fraction(value)), False))
        offset += len(piece) + 1
    return tuple(parts)
