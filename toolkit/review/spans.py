"""What a finding is about in its texts: the names, dates and numbers its message names, and
the places it points at by column, as spans of the source and of the translation.

Findings carry no spans (their JSON is a contract), so the spans are found again: the same
analyses the checks use find the names, dates and numbers of both texts, and those a
message names (as written, or by value: "the translation has 2021-09-09") are the ones it is
about. A message's ``at column 12`` (``line 2, column 5``) points into the text the finding
stands on.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass

from toolkit.checks.registry import RULES, Scope
from toolkit.glossary import Glossary
from toolkit.model import Category, Finding
from toolkit.semantic.dates import DateMention, find_dates, iso
from toolkit.semantic.numbers import find_quantities

ENTITIES = (Category.NAMES, Category.DATES, Category.NUMBERS)

# ``at column 12`` or ``at line 2, column 5`` (columns from 1), as names, punctuation and
# typography messages write where a problem stands.
_COLUMN = re.compile(r"\bat (?:line (\d+), )?column (\d+)\b")
# Python-quoted text in a message ('Xuegin', "People's"), as checks quote with !r.
_QUOTED = re.compile(r"'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\"")
# What joins into one token of a message: letters, digits, Chinese characters, and the - and /
# of ISO and numeric dates. In a message the texts it names stand apart (quoted, or between
# spaces and brackets), so 五 is not named by 五年 nor 2024 by 2024-06-14.
_WORD = re.compile(r"[\w/-]")
# What joins into one word in running text: Latin letters and digits only, since Chinese is
# written without spaces (她 is a word in 她于2024年).
_LATIN_WORD = re.compile(r"[0-9A-Za-z\u00c0-\u024f]")
_LONGEST_UNQUOTED = 40  # an unquoted text before "at column" (王建冰 at column 21) is a word


@dataclass(frozen=True)
class Text:
    """One side of a segment: its text and the locale it is written in."""

    text: str
    locale: str


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    keys: tuple[str, ...]  # how a message may name it


Place = tuple[int, int, str]  # start, end, kind (names, dates, numbers, or a category)


def finding_spans(
    finding: Finding, source: Text, target: Text | None, glossary: Glossary | None
) -> tuple[list[Place], list[Place]]:
    """The places in the source and in the translation that ``finding`` is about.

    ``target`` is the translation a catalogue finding stands on; None for a finding on the
    source text itself (then only the source has places).
    """
    own = target if target is not None else source
    columns = list(_column_places(finding.message, own.text, finding.category.value))
    places: dict[str, list[Place]] = {"source": [], "target": []}
    sides = {"source": source} if target is None else {"source": source, "target": target}
    rule = RULES.get(finding.code)
    if target is not None and rule is not None and rule.scope is Scope.TEXT:
        sides = {"target": target}  # a check of one text is about that text only
    if finding.category in ENTITIES and not columns:  # a column says where, exactly
        kind = finding.category.value
        label_locale = finding.locale or own.locale
        for name, side in sides.items():
            for candidate in _candidates(finding.category, side, label_locale, glossary):
                if any(_names(finding.message, key) for key in candidate.keys):
                    places[name].append((candidate.start, candidate.end, kind))
        if finding.category is Category.NAMES:
            # A name or pronoun a message quotes ("the pronoun '她'", "it has 'Huang'").
            places["target" if target is not None else "source"].extend(
                (start, end, kind) for start, end in _quoted_places(finding.message, own.text)
            )
    places["target" if target is not None else "source"].extend(columns)
    return list(dict.fromkeys(places["source"])), list(dict.fromkeys(places["target"]))


def _candidates(
    category: Category, side: Text, label_locale: str, glossary: Glossary | None
) -> Iterator[_Candidate]:
    if category is Category.DATES:
        for mention in find_dates(side.text, side.locale):
            yield _Candidate(mention.start, mention.end, _date_keys(mention))
    elif category is Category.NUMBERS:
        for quantity in find_quantities(side.text, side.locale):
            yield _Candidate(quantity.start, quantity.end, (" ".join(quantity.text.split()),))
    elif glossary is not None:
        for name in glossary.mentions(side.text):
            keys = (name.text, name.entry.label(label_locale))
            yield _Candidate(name.start, name.end, keys)
        for homophone in glossary.homophones(side.text):
            yield _Candidate(homophone.start, homophone.end, (homophone.text,))


def _date_keys(mention: DateMention) -> tuple[str, ...]:
    """A date as written and by value, as date messages write values (2024-06-14, 2024-06,
    06-14, month 06, and ranges as ``2024-03-14 to 2024-03-18``)."""
    return tuple(dict.fromkeys((mention.text, iso(mention.first), mention.shown())))


def _names(message: str, key: str) -> bool:
    """Whether ``message`` has ``key`` as a whole: not inside a longer word, number or date
    ("2024" is not named by "2024-06-14", 五 not by 五年)."""
    if not key.strip():
        return False
    start = message.find(key)
    while start >= 0:
        end = start + len(key)
        if _bounded(message, start, end, words=_WORD):
            return True
        start = message.find(key, start + 1)
    return False


def _bounded(text: str, start: int, end: int, words: re.Pattern[str]) -> bool:
    """Whether ``text[start:end]`` is joined to no neighbour into one word (``words`` says what
    a word's characters are)."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (words.match(before) and words.match(text[start])) and not (
        words.match(text[end - 1]) and words.match(after)
    )


def _column_places(message: str, text: str, kind: str) -> Iterator[Place]:
    """The places ``at [line L, ]column C`` of a message points at, as long as what the message
    quotes there (or writes just before "at"); one character when it quotes nothing there."""
    quoted = _quotes(message)
    for match in _COLUMN.finditer(message):
        offset = _offset(text, int(match.group(1) or 1), int(match.group(2)))
        if offset is None:
            continue
        length = max(
            (len(q) for q in quoted if q and text.startswith(q, offset)),
            default=_unquoted_length(message[: match.start()].rstrip(), text, offset),
        )
        yield offset, offset + length, kind


def _unquoted_length(prefix: str, text: str, offset: int) -> int:
    longest = min(_LONGEST_UNQUOTED, len(text) - offset)
    for length in range(longest, 0, -1):
        if prefix.endswith(text[offset : offset + length]):
            return length
    return 1


def _offset(text: str, line: int, column: int) -> int | None:
    lines = text.split("\n")
    if not 1 <= line <= len(lines) or not 1 <= column <= len(lines[line - 1]):
        return None
    return sum(len(before) + 1 for before in lines[: line - 1]) + column - 1


def _quotes(message: str) -> list[str]:
    found = []
    for match in _QUOTED.finditer(message):
        try:
            value = ast.literal_eval(match.group())
        except (ValueError, SyntaxError):
            continue
        if isinstance(value, str):
            found.append(value)
    return found


def _quoted_places(message: str, text: str) -> Iterator[tuple[int, int]]:
    for quoted in _quotes(message):
        if not quoted.strip():
            continue
        start = text.find(quoted)
        while start >= 0:
            end = start + len(quoted)
            if _bounded(text, start, end, words=_LATIN_WORD):
                yield start, end
            start = text.find(quoted, end)
