# ruff: noqa: RUF001  (Chinese punctuation is data here)
"""Consistency checks: one source translated alike everywhere, two sources not translated alike."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator

from toolkit.campaign import normalise
from toolkit.checks.carried import difference
from toolkit.checks.demands import demand_of
from toolkit.checks.registry import Scope, check
from toolkit.model import CatalogueView, Category, Hit, Pair, Severity

# Short texts (a heading, a name, "Date:") legitimately share translations; sentences do not.
_SENTENCE = 20


def _reviewed(catalogue: CatalogueView) -> list[Pair]:
    # A list made in one comprehension: no generator to resume for each of a catalogue's pairs.
    return [pair for pair in catalogue.pairs if pair.msgstr and not pair.fuzzy]


@check("K101", "demand-drift", Category.CONSISTENCY, Severity.WARNING, Scope.LOCALE)
def demand_drift(locale: str, catalogues: dict[str, CatalogueView]) -> Iterator[Hit]:
    """One demand is translated differently in two documents of one locale."""
    first: dict[str, tuple[str, str, Pair]] = {}
    for document, catalogue in sorted(catalogues.items()):
        for pair in _reviewed(catalogue):
            demand = demand_of(pair)
            if demand is None or demand == "?":
                continue
            if demand not in first:
                first[demand] = (document, catalogue.path, pair)
                continue
            _, where, other = first[demand]
            if normalise(other.msgstr) != normalise(pair.msgstr) and normalise(
                other.msgid
            ) == normalise(pair.msgid):
                yield Hit(
                    f"demand {demand!r} is translated otherwise in {where}:{other.line}:"
                    f" {other.msgstr}",
                    path=catalogue.path,
                    pair=pair,
                    document=document,
                )


@check("K102", "translation-drift", Category.CONSISTENCY, Severity.WARNING, Scope.LOCALE)
def translation_drift(locale: str, catalogues: dict[str, CatalogueView]) -> Iterator[Hit]:
    """One source text is translated differently in two catalogues of one locale."""
    first: dict[tuple[str | None, str], tuple[str, Pair]] = {}
    for document, catalogue in sorted(catalogues.items()):
        for pair in _reviewed(catalogue):
            key = (pair.msgctxt, pair.msgid)
            if key not in first:
                first[key] = (catalogue.path, pair)
                continue
            where, other = first[key]
            if normalise(other.msgstr) != normalise(pair.msgstr):
                yield Hit(
                    f"the same source is translated otherwise in {where}:{other.line}:"
                    f" {other.msgstr}",
                    path=catalogue.path,
                    pair=pair,
                    document=document,
                )


@check("K103", "same-translation", Category.CONSISTENCY, Severity.WARNING, Scope.CATALOGUE)
def same_translation(catalogue: CatalogueView) -> Iterator[Hit]:
    """Two sources that differ in a figure, code or most words share a translation in a file."""
    pairs = [
        pair
        for pair in _reviewed(catalogue)
        if len(pair.msgid) >= _SENTENCE and pair.msgctxt is None
    ]
    # Translations normalised alike start alike and end alike: only those sharing their first
    # and then their last words with another one are normalised whole (a few in a catalogue).
    for narrowing in (_head, _tail):
        pairs = _sharing(pairs, narrowing)
    seen: dict[str, Pair] = {}
    for pair in pairs:
        key = _normalised(pair.msgstr)
        other = seen.setdefault(key, pair)
        if other is pair or normalise(other.msgid) == normalise(pair.msgid):
            continue
        if demand_of(pair) is not None and demand_of(other) is not None:
            continue  # two demands alike: A104 demand-repeated, an error, says so
        # Sources reworded ("could not write", "failed to write") may share a translation.
        differs = difference(pair.msgid, other.msgid)
        if differs is None:
            continue
        yield Hit(
            f"same translation as line {other.line}, whose source differs ({differs}):"
            f" {other.msgid[:60]}",
            pair=pair,
        )


# Characters of a normalised translation that _head and _tail keep: few enough to cost little,
# enough that two translations seldom share both.
_ENDS = 8


def _deleted(char: str) -> bool:
    """Whether ``normalise`` leaves ``char`` out (punctuation, a separator, a control)."""
    return unicodedata.category(char)[0] in "PZC"


# ``normalise`` costs some hundred instructions a character outside ASCII; most ends of a
# translation are plain instead: ASCII and Chinese characters, which it keeps as they are
# (lower-cased) or leaves out. Such an end is read by one match: its first _ENDS characters kept,
# each after the characters left out before it. Kept: ASCII letters, digits and symbols (a
# backquote, =, <) and the CJK Unified Ideographs assigned since Unicode 11 (none has a case);
# left out: ASCII and common Chinese punctuation and spaces (tests/test_checks_consistency.py
# holds both sets to ``normalise``).
_ASCII = "".join(map(chr, range(128)))
_KEPT = re.escape("".join(char for char in _ASCII if not _deleted(char))) + "\u4e00-\u9fef"
_CHINESE_PUNCTUATION = "\u3000，。、；：？！…—·「」『』“”‘’（）《》【】〈〉"
_LEFT = re.escape("".join(char for char in _ASCII + _CHINESE_PUNCTUATION if _deleted(char)))
_PLAIN_ENDS = re.compile(f"[{_LEFT}]*([{_KEPT}])" * _ENDS)
# A start of _ENDS characters kept as they are, no capital among them: its own normalised start,
# read by a plainer match (a third of the starts of translations).
_UNCASED = re.escape("".join(char for char in _ASCII if not _deleted(char) and not char.isupper()))
_AS_NORMALISED = re.compile(f"[{_UNCASED}\u4e00-\u9fef]{{{_ENDS}}}")
# A translation's end, read backwards: as far back as a plain end of _ENDS characters can reach
# with a few left out between them.
_BACK = -4 * _ENDS - 1
# A whole text of those characters, and the runs of those it keeps.
_PLAIN_TEXT = re.compile(f"[{_LEFT}{_KEPT}]*")
_KEPT_RUNS = re.compile(f"[{_KEPT}]+")


def _normalised(text: str) -> str:
    """``normalise(text)``: for a text of the characters _PLAIN_ENDS reads alone (most), its
    characters left out and the rest lower-cased, at a fraction of the cost."""
    if _PLAIN_TEXT.fullmatch(text) is None:
        return normalise(text)
    return "".join(_KEPT_RUNS.findall(text)).lower()  # lower-case is case-folded in ASCII


def _head(text: str) -> str:
    """``normalise(text)[:_ENDS]``, normalising only the start of ``text`` where it holds enough
    (``normalise`` goes character by character: a start normalised is the start normalised)."""
    if _AS_NORMALISED.match(text):
        return text[:_ENDS]
    plain = _PLAIN_ENDS.match(text)
    if plain is not None:
        return "".join(plain.groups()).lower()  # lower-case is case-folded in ASCII
    head = normalise(text[: 2 * _ENDS])
    return head[:_ENDS] if len(head) >= _ENDS else normalise(text)[:_ENDS]


def _tail(text: str) -> str:
    """``normalise(text)[-_ENDS:]``, normalising only the end of ``text`` where it holds enough."""
    plain = _PLAIN_ENDS.match(text[:_BACK:-1])  # the end, backwards: its last character first
    if plain is not None:
        return "".join(plain.groups())[::-1].lower()
    tail = normalise(text[-2 * _ENDS :])
    return tail[-_ENDS:] if len(tail) >= _ENDS else normalise(text)[-_ENDS:]


def _sharing(pairs: list[Pair], key: Callable[[str], str]) -> list[Pair]:
    """The pairs whose translation's ``key`` is another's too, in their order."""
    keys = [key(pair.msgstr) for pair in pairs]
    counts = Counter(keys)
    return [pair for pair, found in zip(pairs, keys, strict=True) if counts[found] > 1]
