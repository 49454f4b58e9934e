"""Finds the most similar translated old entry for a new msgid, as ``msgmerge`` does."""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

import polib
from rapidfuzz import fuzz, process

# msgmerge accepts a fuzzy match when fstrcmp() >= 0.6 (FUZZY_THRESHOLD). fstrcmp is the
# insert/delete edit similarity, (len1 + len2 - edits) / (len1 + len2), which is exactly
# rapidfuzz's fuzz.ratio / 100 (msgmerge counts bytes, we count characters).
FUZZY_CUTOFF = 60.0
# First pass over msgids of nearly the same length, where an edited msgid's original usually
# is: its score then lets rapidfuzz reject most other candidates by length alone.
_NEAR = 0.85
_GRAM = 4


class FuzzyIndex:
    """The translated entries of an old catalogue, searchable by similarity of msgid.

    As in msgmerge, an entry without msgctxt or with the msgctxt looked up wins a tie against
    an entry of another context; a translation for one context is still a good proposal for
    another. Other ties go to a msgid of nearly the same length (the first band searched),
    then to the shorter msgid, then to the entry listed first (callers list active entries
    before obsolete ones).
    """

    def __init__(self, entries: Sequence[polib.POEntry], cutoff: float = FUZZY_CUTOFF) -> None:
        self._entries = list(entries)
        self._cutoff = cutoff
        self._contexts = {entry.msgctxt for entry in self._entries}
        self._pools: dict[str | None, tuple[_Pool, _Pool]] = {}

    def best(self, msgctxt: str | None, msgid: str) -> polib.POEntry | None:
        """The most similar entry at or above the cutoff, or None."""
        found = self._best(msgctxt, msgid)
        if found is None or len(msgid) < _GRAM or _shares_gram(msgid, found.msgid):
            return found
        # msgmerge only compares msgids sharing a sequence of 4 characters with the one looked
        # up (its n-gram index), which spares short msgids proposals like "Notes" for "does".
        grams = {msgid[i : i + _GRAM] for i in range(len(msgid) - _GRAM + 1)}
        sharing = [e for e in self._entries if any(gram in e.msgid for gram in grams)]
        return FuzzyIndex(sharing, self._cutoff).best(msgctxt, msgid) if sharing else None

    def _best(self, msgctxt: str | None, msgid: str) -> polib.POEntry | None:
        near, far = self._split(msgctxt)
        found = near.best(msgid, self._cutoff)
        score = found[1] if found is not None else self._cutoff
        other = far.best(msgid, score)
        # Another context must do strictly better: msgmerge gives the same context a bonus.
        if other is not None and (found is None or other[1] > score):
            found = other
        return found[0] if found is not None else None

    def _split(self, msgctxt: str | None) -> tuple[_Pool, _Pool]:
        pools = self._pools.get(msgctxt)
        if pools is None:
            if self._contexts <= {None, msgctxt}:
                pools = (_Pool(self._entries), _Pool([]))
            else:
                same = [e for e in self._entries if e.msgctxt is None or e.msgctxt == msgctxt]
                other = [e for e in self._entries if e.msgctxt not in (None, msgctxt)]
                pools = (_Pool(same), _Pool(other))
            self._pools[msgctxt] = pools
        return pools


def _shares_gram(one: str, other: str) -> bool:
    return any(one[i : i + _GRAM] in other for i in range(len(one) - _GRAM + 1))


class _Pool:
    """Candidates sorted by msgid length, so that the lengths able to reach a score are a slice."""

    def __init__(self, entries: Sequence[polib.POEntry]) -> None:
        self.entries = sorted(entries, key=lambda entry: len(entry.msgid))  # stable
        self.msgids = [entry.msgid for entry in self.entries]
        self.lengths = [len(msgid) for msgid in self.msgids]

    def best(self, msgid: str, cutoff: float) -> tuple[polib.POEntry, float] | None:
        """The best entry scoring at least ``cutoff``, and its score."""
        near_low, near_high = self._band(len(msgid), max(_NEAR * 100, cutoff))
        best = self._extract(msgid, near_low, near_high, cutoff)
        score = best[1] if best is not None else cutoff
        # The lengths outside the first band that can still beat its best score.
        low, high = self._band(len(msgid), score)
        for start, stop in ((low, near_low), (near_high, high)):
            found = self._extract(msgid, start, stop, score)
            if found is not None and (best is None or found[1] > score):
                best, score = found, found[1]
        return best

    def _extract(
        self, msgid: str, start: int, stop: int, cutoff: float
    ) -> tuple[polib.POEntry, float] | None:
        if start >= stop:
            return None
        found = process.extractOne(
            msgid, self.msgids[start:stop], scorer=fuzz.ratio, score_cutoff=cutoff
        )
        return None if found is None else (self.entries[start + found[2]], found[1])

    def _band(self, length: int, score: float) -> tuple[int, int]:
        """The slice of lengths ``n`` for which 2 * min(length, n) / (length + n) >= score."""
        ratio = score / 100
        shortest = math.ceil(length * ratio / (2 - ratio) - 1e-9)
        longest = math.floor(length * (2 - ratio) / ratio + 1e-9)
        return bisect_left(self.lengths, shortest), bisect_right(self.lengths, longest)
