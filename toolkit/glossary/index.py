"""A loaded glossary: its entries and the matchers the checks search texts with."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from toolkit.glossary.match import Matcher, Mention
from toolkit.glossary.model import Entry, Kind
from toolkit.glossary.spelling import Speller
from toolkit.pinyin import same_reading


@dataclass(frozen=True)
class Homophone:
    """Chinese characters that read like a person's name in the glossary but are not it."""

    entry: Entry
    form: str  # the glossary's form it reads like
    start: int
    end: int
    text: str


class Glossary:
    """The entries of one glossary file, with their forms compiled for searching.

    Searching is compiled on first use and cached per text, so every check of one message
    shares one scan.
    """

    def __init__(self, path: Path, entries: tuple[Entry, ...]) -> None:
        self.path = path
        self.entries = entries
        self.by_id = {entry.id: entry for entry in entries}

    def __len__(self) -> int:
        return len(self.entries)

    @cached_property
    def matcher(self) -> Matcher:
        return Matcher(self.entries)

    @cached_property
    def speller(self) -> Speller:
        return Speller(self.entries, self.matcher)

    def mentions(self, text: str) -> tuple[Mention, ...]:
        """The glossary forms in ``text``, accepted and forbidden, longest first, left to right."""
        return self.matcher.mentions(text)

    def mentioned(self, text: str) -> list[Entry]:
        """The entries ``text`` names (in any form, misspelt ones too), once each, in order."""
        seen = {mention.entry.id: mention.entry for mention in self.mentions(text)}
        return list(seen.values())

    def contains(self, entry: Entry, forms: tuple[str, ...], text: str) -> bool:
        """Whether ``text`` has one of ``forms`` of ``entry`` anywhere (inside longer terms too)."""
        return self.matcher.contains(entry, forms, text)

    @cached_property
    def _person_names(self) -> list[tuple[Entry, str]]:
        """People's Chinese forms of two to four characters: what a homophone can stand for.

        Unverified forms are left out: a guessed name is no ground to call another one wrong.
        """
        return [
            (entry, form)
            for entry in self.entries
            if entry.kind is Kind.PERSON and entry.verified
            for form in entry.all_forms()
            if 2 <= len(form) <= 4 and all(_ideograph(char) for char in form)
        ]

    @cached_property
    def _name_characters(self) -> tuple[re.Pattern[str] | None, dict[str, list[tuple[int, int]]]]:
        """The characters of people's Chinese names, and where each stands in which name.

        A homophone shares at least one character with the name, in its place (see
        ``_reads_like``), so only the text around those characters is read: one search with a
        small character class for a text that has none (a large class of every homophone would
        cost a hundred times more).
        """
        places: dict[str, list[tuple[int, int]]] = {}
        for number, (_entry, form) in enumerate(self._person_names):
            for index, char in enumerate(form):
                places.setdefault(char, []).append((number, index))
        if not places:
            return None, places
        return re.compile(f"[{''.join(map(re.escape, sorted(places)))}]"), places

    def homophones(self, text: str) -> list[Homophone]:
        """Characters reading like a glossary person's Chinese name, written otherwise (王建冰)."""
        pattern, places = self._name_characters
        if pattern is None or pattern.search(text) is None:
            return []
        found: dict[int, Homophone] = {}
        for match in pattern.finditer(text):
            for number, index in places[match.group(0)]:
                entry, form = self._person_names[number]
                start = match.start() - index
                written = text[max(start, 0) : start + len(form)]
                if start < 0 or start in found or not _reads_like(written, form):
                    continue
                if self.matcher.lookup(written) is None:  # not a form of the glossary itself
                    found[start] = Homophone(entry, form, start, start + len(form), written)
        return [found[start] for start in sorted(found)]


def _ideograph(char: str) -> bool:
    return unicodedata.category(char) == "Lo" and "CJK" in unicodedata.name(char, "")


def _reads_like(written: str, form: str) -> bool:
    """Same length, every character a homophone, and a character shared in its place (the
    surname, for a two-character name).

    Sharing a character keeps chance look-alikes in ordinary text out: three characters that
    merely read huang xue qin are rarely a slip for 黄雪琴; 王建冰 for 王建兵 is.
    """
    if len(written) != len(form) or written == form:
        return False
    if not all(same_reading(char, wanted) for char, wanted in zip(written, form, strict=True)):
        return False
    same = sum(char == wanted for char, wanted in zip(written, form, strict=True))
    return written[0] == form[0] if len(form) == 2 else same >= 1
