"""English number words: cardinals, ordinals, fractions, halves and vague amounts, with spans."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from fractions import Fraction

from toolkit.semantic.numerals import (
    Number,
    Numeral,
    WholeWords,
    WordSearch,
    alternation,
    ascii_words,
    has_any,
    number,
    word_bytes,
    words,
)

_SMALL = words(
    """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen"""
)
_TENS = {
    word: 10 * (index + 2)
    for index, word in enumerate(words("twenty thirty forty fifty sixty seventy eighty ninety"))
}
# "dozen" multiplies like "hundred": "two dozen" is 24.
_HUNDREDS = {"hundred": 100, "dozen": 12}
_SCALES = {"thousand": 1000, "million": 10**6, "billion": 10**9}
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    **{word + "th": value for value, word in enumerate(_SMALL) if 13 <= value <= 19},
    **{word[:-1] + "ieth": value for word, value in _TENS.items()},
    "hundredth": 100, "thousandth": 1000,
}  # fmt: skip
WORDS = frozenset([*_SMALL, *_TENS, *_HUNDREDS, *_SCALES, *_ORDINALS])
# Words that count for sure: any cardinal but "one" (as often "a" or a pronoun).
CARDINALS = frozenset([*_SMALL, *_TENS, *_HUNDREDS, *_SCALES]) - {"one"}
_WORD = alternation(WORDS)
# Words joined by spaces or hyphens, "and" only inside ("one hundred and five"); "a" before a
# scale is one ("a hundred"). Where the words do not make one number the parser splits them.
# As \b(?:an?[ \t]+(?=scale\b))?(?:word)(?:...)*\b with re.IGNORECASE (no word starts with a).
_A_BEFORE = ("hundred", "thousand", "million", "billion", "dozen")
_RUN = WordSearch(
    WORDS,
    tail=rf"(?:(?:[ \t]+|-)(?:and[ \t]+)?(?:{_WORD}))*\b",
    also={"a": rf"n?[ \t]+(?=(?:{'|'.join(_A_BEFORE)})\b)(?:{_WORD})"},
)
_TOKEN = re.compile(r"[^\W\d_]+")
_AND_HALF = re.compile(r"(?:[ \t]+|-)and(?:[ \t]+|-)an?(?:[ \t]+|-)half\b", re.IGNORECASE)

_DENOMINATORS = {"half": 2, "halve": 2, "third": 3, "quarter": 4, **{
    word: value for word, value in _ORDINALS.items() if 4 <= value <= 10
}}  # fmt: skip
# "two thirds", "one-quarter"; "a third" only before "of", else it is an ordinal ("a third
# party").
_FRACTION = re.compile(
    rf"\b(?P<num>an?|{'|'.join(_SMALL[1:10])})[ \t-]+"
    rf"(?P<den>{'|'.join(_DENOMINATORS)})(?P<plural>s)?\b(?!-)"
    r"(?P<of>[ \t]+(?:of|less|more|fewer)\b)?",
    re.IGNORECASE,
)
_DURATION = r"(?:year|month|week|day|hour|minute)s?\b"
_HALF_A = re.compile(
    rf"(?<!and a )(?<!-and-a-)\bhalf(?:[ \t-]+an?)?(?=[ \t-]+{_DURATION})", re.IGNORECASE
)
_A_AND_A_HALF = re.compile(
    r"\ban?[ \t]+(?P<unit>year|month|week|day|hour|minute)[ \t]+and[ \t]+a[ \t]+half\b",
    re.IGNORECASE,
)
# An order of magnitude, not a count: "dozens of" is 数十, "hundreds of" 数百, "tens of
# thousands" 数万. The value is the magnitude.
_MAGNITUDE = {"dozen": 10, "ten": 10, "hundred": 100, "thousand": 1000, "million": 10**6,
              "billion": 10**9}  # fmt: skip
_VAGUE = re.compile(
    r"\b(?:(?:several|a[ \t]+few|a[ \t]+couple[ \t]+of)[ \t]+"
    r"(?P<one>dozen|hundred|thousand|million)"
    r"|(?P<many>dozens|tens|hundreds|thousands|millions|billions)"
    r"(?:[ \t]+of[ \t]+(?P<times>thousands|millions))?(?=[ \t]+of\b))\b",
    re.IGNORECASE,
)
# Words that may count but as often do not ("both", "once" = when, "a single"), and words
# holding a number ("zeroed", "quadrennial" = 四年一次): they can answer a number of the
# other text, and are never required.
_WEAK: dict[str, tuple[Number, str | None]] = {
    "both": (2, None), "twice": (2, "times"), "once": (1, "times"), "single": (1, None),
    "double": (2, None), "triple": (3, None), "couple": (2, None), "pair": (2, None),
    "half": (Fraction(1, 2), None), "zeroed": (0, None), "zeroes": (0, None),
    "zeros": (0, None), "decade": (10, "year"), "fortnight": (2, "week"),
    "biennial": (2, "year"), "quadrennial": (4, "year"),
}  # fmt: skip
_WEAK_WORD = WordSearch(_WEAK, r"\b")  # \b(?:both|twice|...)\b, re.IGNORECASE
# "second" is a unit of time after "a", "per", "each" when no noun follows ("wait a second");
# it is an ordinal before a noun ("a second argument").
_SECOND_UNIT_BEFORE = re.compile(
    r"\b(?:per|each|every|an?|one|half[ \t]+a|leap|split)[ \t]+$", re.IGNORECASE
)
_SECOND_UNIT_ALWAYS = re.compile(r"\b(?:per|each|every|leap|split)[ \t]+$", re.IGNORECASE)
_SECOND_ORDINAL_AFTER = re.compile(
    r"[ \t]+(?!(?:and|or|to|of|in|for|later|ago|before|after|earlier|longer|at|on)\b)[a-z]"
)
# "fourfold" = 4倍.
_FOLD_WORDS = [word + "fold" for word in [*_SMALL[2:], *_TENS, "hundred", "thousand"]]
_FOLD = re.compile(
    rf"\b(?P<n>{'|'.join([*_SMALL[2:], *_TENS, 'hundred', 'thousand'])})fold\b", re.IGNORECASE
)
# Other words that hold a number, for the quick test of whether a text has any.
OTHER_WORDS = frozenset(
    [*_WEAK, *_FOLD_WORDS, "dozens", "tens", "hundreds", "thousands", "millions", "billions",
     "halves", "quarter", "quarters", "thirds", "fourths", "fifths"]
)  # fmt: skip
# The whole words every scan needs one of: a number word, a weak one, an order of magnitude
# ("dozens"), a -fold word or a fraction's ("halves", "thirds"). Without one, nothing to read.
HINT = WholeWords(
    WORDS | OTHER_WORDS | _DENOMINATORS.keys() | {word + "s" for word in _DENOMINATORS}
)
SCALE_AFTER_DIGITS = re.compile(r"[ \t]+(?P<scale>hundred|thousand|million|billion)\b", re.I)
SCALES = {**_HUNDREDS, **_SCALES}


def numerals(text: str) -> list[Numeral]:
    """The numbers written in English words in ``text``, each with its span."""
    return read(text) if has_words(text) else []


def read(text: str) -> list[Numeral]:
    """``numerals`` of a text ``has_words`` said yes to (the caller asked already)."""
    found: list[Numeral] = []
    if text.isascii():
        present: frozenset[bytes] | None = frozenset(ascii_words(text))
        lower = ""  # not asked: the words are
    else:
        present, lower = None, text.lower()
    work = text
    for scan, needs, whole in _SCANS:
        if present is not None:
            if whole.isdisjoint(present):
                continue  # masking only takes words away: the text's words are enough to ask
        elif needs and not has_any(lower, needs):
            continue
        new = list(scan(work) if scan not in _WORD_SCANS else scan(work, present))
        found.extend(new)
        for item in new:
            work = work[: item.start] + "\0" * (item.end - item.start) + work[item.end :]
    return found


def has_words(text: str) -> bool:
    """Whether ``text`` may have a number in English words (``HINT``)."""
    return HINT.found_in(text)


def _fractions(text: str) -> Iterator[Numeral]:
    for match in _FRACTION.finditer(text):
        num, den = match.group("num").lower(), _DENOMINATORS[match.group("den").lower()]
        if num in ("a", "an") and not match.group("of"):
            continue  # "a third party" is an ordinal; "and a half" belongs to the number before
        value = Fraction(1 if num in ("a", "an") else _SMALL.index(num), den)
        yield Numeral(match.start(), match.end("den") + len(match.group("plural") or ""), value)


def _halves(text: str) -> Iterator[Numeral]:
    for match in _A_AND_A_HALF.finditer(text):
        yield Numeral(match.start(), match.end(), Fraction(3, 2), unit=match.group("unit").lower())
    for match in _HALF_A.finditer(text):
        yield Numeral(match.start(), match.end(), Fraction(1, 2))


def _vague(text: str) -> Iterator[Numeral]:
    for match in _VAGUE.finditer(text):
        words = match.group("one") or match.group("many").lower().rstrip("s")
        value = _MAGNITUDE[words.lower()] * _MAGNITUDE.get(
            (match.group("times") or "").lower().rstrip("s"), 1
        )
        yield Numeral(match.start(), match.end(), value, vague=True)


def _folds(text: str) -> Iterator[Numeral]:
    for match in _FOLD.finditer(text):
        word = match.group("n").lower()
        value = _SCALES.get(word) or _HUNDREDS.get(word) or _TENS.get(word) or _SMALL.index(word)
        yield Numeral(match.start(), match.end(), value, unit="fold")


def _weak(text: str, present: frozenset[bytes] | None) -> Iterator[Numeral]:
    for start, end in _WEAK_WORD.spans(text, present):
        value, unit = _WEAK[text[start:end].lower()]
        yield Numeral(start, end, value, weak=True, unit=unit)


def _runs(text: str, present: frozenset[bytes] | None) -> Iterator[Numeral]:
    # "a" before a scale opens a run too ("a hundred"): without a scale, only number words do.
    looked_up = present if present is not None and present.isdisjoint(_A_SCALES) else None
    for run_start, run_end in _RUN.spans(text, looked_up):
        # Case folded as the run was matched: the long s (U+017F) is an s to a case-blind search.
        tokens = [(m.group().casefold(), m.start(), m.end())
                  for m in _TOKEN.finditer(text, run_start, run_end)]  # fmt: skip
        for start, end, value, ordinal in _parse(tokens):
            if text[start:end].lower() == "second" and _second_is_time(text, start, end):
                continue
            if ordinal and text.startswith("-", start - 1):
                continue  # "sub-second" is no ordinal
            half = None if ordinal else _AND_HALF.match(text, end)
            if half:
                end, value = half.end(), number(Fraction(value) + Fraction(1, 2))
            # An ordinal before no noun stands for one ("the second is", "First, ...": 后者,
            # 其次); a scale alone is a noun ("the thousand separator").
            # An ordinal word need not be one in the translation: "the second" is 后者 "the
            # latter", "a second way" 另一种 "another way", "second, ..." 其次. "a thousand"
            # and a scale alone are as often nouns ("a thousand separator").
            weak = value == 1 or ordinal or text[start:end].lower().split()[-1] in SCALES
            yield Numeral(start, end, value, ordinal=ordinal, weak=weak)


# Each scan with the words it needs (none: always run), and the whole words one of which
# it needs on an ASCII text (looked up among the text's words, cut once). The scans of
# _WORD_SCANS are given those words too: masking takes whole words away (each scan finds
# whole words), so the text's words name every place where a word of the work may stand.
_SCANS: tuple[tuple[Callable[..., Iterator[Numeral]], tuple[str, ...], frozenset[bytes]], ...] = (
    (_halves, ("half",), word_bytes(["half"])),
    (
        _fractions,
        tuple(_DENOMINATORS),
        word_bytes([*_DENOMINATORS, *(word + "s" for word in _DENOMINATORS)]),
    ),
    (
        _vague,
        ("dozen", "tens", "hundred", "thousand", "million", "billion"),
        word_bytes(["dozen", "hundred", "thousand", "million", *(m + "s" for m in _MAGNITUDE)]),
    ),
    (_folds, ("fold",), word_bytes(_FOLD_WORDS)),
    (_runs, (), word_bytes(WORDS)),
    (_weak, (), word_bytes(_WEAK)),
)
_WORD_SCANS = (_runs, _weak)
# The words before which "a" and "an" open a run (``_RUN``'s ``also``).
_A_SCALES = word_bytes(_A_BEFORE)


def _second_is_time(text: str, start: int, end: int) -> bool:
    if not _SECOND_UNIT_BEFORE.search(text, max(0, start - 24), start):
        return False
    if _SECOND_UNIT_ALWAYS.search(text, max(0, start - 8), start):
        return True
    return not _SECOND_ORDINAL_AFTER.match(text, end)


def _parse(tokens: list[tuple[str, int, int]]) -> list[tuple[int, int, Number, bool]]:
    """Split a run of number words into numbers: (start, end, value, is-ordinal)."""
    out: list[tuple[int, int, Number, bool]] = []
    total = current = 0
    start: int | None = None
    end = 0
    last = ""  # kind of the previous word: small, tens, hundred, scale, a
    last_scale = 0

    def flush() -> None:
        nonlocal total, current, start, last, last_scale
        if start is not None and last != "a":
            out.append((start, end, total + current, False))
        total = current = last_scale = 0
        start, last = None, ""

    for word, token_start, token_end in tokens:
        if word == "and":
            if last not in ("hundred", "scale"):
                flush()
            continue
        if word in ("a", "an"):
            flush()
            start, current, last, end = token_start, 0, "a", token_end
            continue
        if word not in _KNOWN:
            flush()  # a word the case-blind search let through ("sİx"): no number word
            continue
        kind, value = _kind(word)
        if word == "second" and last in ("small", "tens", "hundred", "scale"):
            flush()  # "one second": the unit of time, read with the number before it
            continue
        if not _continues(last, kind, value, current, last_scale):
            flush()
        if start is None:
            start = token_start
        end = token_end
        if kind in ("small", "tens"):
            current += value
        elif kind == "hundred":
            current = (current or 1) * value
        elif kind == "scale":
            total, current, last_scale = total + (current or 1) * value, 0, value
        else:  # an ordinal ends its number
            value = (current or 1) * value if value >= 100 else current + value
            out.append((start, end, total + value, True))
            total = current = last_scale = 0
            start, last = None, ""
            continue
        last = "zero" if word == "zero" else kind
    flush()
    return out


_KNOWN = frozenset([*_ORDINALS, *_TENS, *_HUNDREDS, *_SCALES, *_SMALL])


def _kind(word: str) -> tuple[str, int]:
    if word in _ORDINALS:
        return "ordinal", _ORDINALS[word]
    if word in _TENS:
        return "tens", _TENS[word]
    if word in _HUNDREDS:
        return "hundred", _HUNDREDS[word]
    if word in _SCALES:
        return "scale", _SCALES[word]
    return "small", _SMALL.index(word)


def _continues(last: str, kind: str, value: int, current: int, last_scale: int) -> bool:
    """Whether a word of ``kind`` goes on the number read so far ("twenty" + "one": yes)."""
    if not last:
        return True
    if last == "zero":
        return False
    ones = current % 100
    allowed = {
        "a": kind in ("hundred", "scale"),
        "small": kind in ("hundred", "scale") or (kind == "ordinal" and value >= 100),
        "tens": (kind in ("small", "ordinal") and 0 < value < 10 and ones % 10 == 0)
        or kind == "scale",
        "hundred": kind in ("small", "tens", "ordinal")
        or (kind == "scale" and (not last_scale or value < last_scale)),
        "scale": kind in ("small", "tens", "hundred", "ordinal")
        or (kind == "scale" and value < last_scale),
    }
    return allowed.get(last, False) and not (kind == "small" and value == 0)
