"""Misspelt Latin names: words one or two edits from a glossary romanisation, and corrections."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import OSA

from toolkit.glossary.match import Matcher, Mention
from toolkit.glossary.model import Entry, Kind, has_cjk
from toolkit.pinyin import is_pinyin

_LETTERS = "A-Za-z\u00c0-\u024f"
_WORD = re.compile(f"[{_LETTERS}]+")
# Names are capitalised, so only capitalised words are candidates: a misspelt name keeps its
# capital ("Xuegin"), and ordinary lower-case words are never taken for one. The boundary is
# checked after the capital, so that the regex engine can skip ahead to capitals.
_CAPITALISED = re.compile(f"[A-Z\u00c0-\u00de](?<![{_LETTERS}].)[{_LETTERS}]*")
# A word alone is compared only with glossary words at least this long: short romanised words
# (Wang, Huang, Rui) are one edit from other real names (Wong, Hwang, Hui).
_ALONE_FROM = 6
# Inside a window (the other words of the name spelt right), words from this length compare.
_IN_NAME_FROM = 5
_MEMO_SIZE = 65536


@dataclass(frozen=True)
class Misspelling:
    """Written words that look like a glossary form misspelt, and the glossary's spelling."""

    entry: Entry
    start: int
    end: int
    written: str
    wanted: str


def _limit(word: str) -> int:
    """Edits tolerated: one in a word of up to eight letters, two in longer ones."""
    return 1 if len(word) <= 8 else 2


class Speller:
    """The Latin words of a glossary's names, prepared for fuzzy comparison."""

    def __init__(self, entries: tuple[Entry, ...], matcher: Matcher) -> None:
        self._matcher = matcher
        self._known: set[str] = set()
        # Words of romanised Chinese names and places that stand out alone (Xueqin, Jianbing,
        # Guangzhou): pinyin, long. Given names such as Sophia are judged inside the full name
        # only, since "Sophie" alone is someone else.
        self._alone: dict[str, tuple[str, Entry]] = {}
        self._anchors: dict[str, list[tuple[tuple[str, ...], int, Entry]]] = {}
        for entry in entries:
            latin = [form for form in entry.all_forms() if not has_cjk(form)]
            for form in latin:
                words = tuple(_WORD.findall(form))
                self._known.update(word.casefold() for word in words)
                if not entry.kind.proper_noun:
                    continue
                for word in words:
                    if (
                        entry.kind in (Kind.PERSON, Kind.PLACE)
                        and len(word) >= _ALONE_FROM
                        and is_pinyin(word)
                    ):
                        self._alone.setdefault(word.casefold(), (word, entry))
                if len(words) > 1:
                    for position, word in enumerate(words):
                        for variant in {word, word.upper()}:
                            self._anchors.setdefault(variant, []).append((words, position, entry))
        self._choices = list(self._alone)
        self._memo: dict[str, tuple[str, Entry] | None] = {}

    def misspellings(self, text: str, mentions: tuple[Mention, ...]) -> list[Misspelling]:
        """Capitalised words near a glossary name that are no form of it, with corrections."""
        words = list(_CAPITALISED.finditer(text))
        if not words:
            return []
        taken = [(mention.start, mention.end) for mention in mentions if mention.forbidden]
        found: dict[tuple[int, int], Misspelling] = {}
        if any(word.group(0) in self._anchors for word in words):
            self._windows(text, taken, found)
        covered = taken + list(found)
        for word in words:
            if _inside(word.start(), word.end(), covered):
                continue
            hit = self._alone_hit(word.group(0))
            if hit is not None:
                wanted, entry = hit
                wanted = wanted.upper() if word.group(0).isupper() else wanted
                found[(word.start(), word.end())] = Misspelling(
                    entry, word.start(), word.end(), word.group(0), wanted
                )
        return sorted(found.values(), key=lambda misspelling: misspelling.start)

    def _alone_hit(self, word: str) -> tuple[str, Entry] | None:
        if word in self._memo:
            return self._memo[word]
        hit = None
        folded = word.casefold()
        # A word that is itself pinyin may be another person's name (Jianping is not Jianbing).
        if len(word) >= _ALONE_FROM - 1 and folded not in self._known and not is_pinyin(word):
            best = process.extractOne(folded, self._choices, scorer=OSA.distance, score_cutoff=2)
            if best is not None and 0 < best[1] <= _limit(best[0]):
                hit = self._alone[best[0]]
        if len(self._memo) >= _MEMO_SIZE:
            self._memo.clear()
        self._memo[word] = hit
        return hit

    def _windows(
        self, text: str, taken: list[tuple[int, int]], found: dict[tuple[int, int], Misspelling]
    ) -> None:
        """Multi-word names with one or two words misspelt and the others right."""
        tokens = list(_WORD.finditer(text))
        best: dict[tuple[int, int], tuple[int, Misspelling]] = {}
        for index, token in enumerate(tokens):
            for words, position, entry in self._anchors.get(token.group(0), ()):
                start = index - position
                window = tokens[start : start + len(words)]
                if start < 0 or len(window) < len(words) or not _adjacent(text, window):
                    continue
                wrong = self._wrong_words(window, words)
                if not wrong or any(_inside(t.start(), t.end(), taken) for t in wrong):
                    continue
                span = (wrong[0].start(), wrong[-1].end())
                written = text[window[0].start() : window[-1].end()]
                wanted = " ".join(words)
                wanted = wanted.upper() if written.isupper() else wanted
                misspelling = Misspelling(
                    entry, window[0].start(), window[-1].end(), written, wanted
                )
                if span not in best or best[span][0] < len(words):
                    best[span] = (len(words), misspelling)
        for _size, misspelling in best.values():
            found[(misspelling.start, misspelling.end)] = misspelling

    def _wrong_words(
        self, window: list[re.Match[str]], words: tuple[str, ...]
    ) -> list[re.Match[str]] | None:
        """The misspelt words of a window, or None when it is not this name misspelt."""
        wrong: list[re.Match[str]] = []
        edits = 0
        for token, word in zip(window, words, strict=True):
            written = token.group(0)
            if written in (word, word.upper()):
                continue
            folded = written.casefold()
            if folded in self._known or len(word) < _IN_NAME_FROM:
                return None  # another name beside this one ("Wang Jian"), not a misspelling
            distance = OSA.distance(folded, word.casefold(), score_cutoff=_limit(word))
            if distance == 0 or distance > _limit(word):
                return None
            edits += distance
            wrong.append(token)
        return wrong if wrong and edits <= 2 and len(wrong) < len(words) else None


def _adjacent(text: str, window: list[re.Match[str]]) -> bool:
    """Words separated by whitespace only: one name, not words of two sentences."""
    return all(
        text[left.end() : right.start()].isspace() for left, right in itertools.pairwise(window)
    )


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(left < end and start < right for left, right in spans)


def correction(entry: Entry, written: str, locale: str) -> str:
    """The glossary's spelling of a misspelt form: each wrong word by the closest right one."""
    if has_cjk(written):
        pool = [form for form in entry.forms_in(locale) if has_cjk(form)] or [
            form for form in entry.all_forms() if has_cjk(form)
        ]
        if not pool:
            return entry.label(locale)
        return min(pool, key=lambda form: OSA.distance(form, written))
    words = list(dict.fromkeys(_WORD.findall(" ".join(entry.all_forms()))))
    if not words:
        return entry.label(locale)
    fixed = []
    for word in written.split():
        if word in words or word.upper() in {w.upper() for w in words}:
            fixed.append(word)
            continue
        closest = min(words, key=lambda right: OSA.distance(word.casefold(), right.casefold()))
        fixed.append(closest.upper() if word.isupper() else closest)
    return " ".join(fixed)
