"""Finds the most similar translated old entry for a new msgid, as ``msgmerge`` does."""

from __future__ import annotations

from collections.abc import Sequence

import polib
from rapidfuzz import fuzz, process

# msgmerge accepts a fuzzy match when fstrcmp() >= 0.6 (FUZZY_THRESHOLD). fstrcmp is the
# insert/delete edit similarity, (len1 + len2 - edits) / (len1 + len2), which is exactly
# rapidfuzz's fuzz.ratio / 100 (msgmerge counts bytes, we count characters).
FUZZY_CUTOFF = 60.0


class FuzzyIndex:
    """The translated entries of an old catalogue, searchable by similarity of msgid.

    Entries earlier in ``entries`` win ties, so callers list active entries before obsolete
    ones. As in msgmerge, an entry without msgctxt or with the same msgctxt as the one looked
    up wins a tie against an entry of another context; a translation for one context is still
    a good proposal for another.
    """

    def __init__(self, entries: Sequence[polib.POEntry], cutoff: float = FUZZY_CUTOFF) -> None:
        self._entries = list(entries)
        self._cutoff = cutoff
        self._contexts = {entry.msgctxt for entry in self._entries}
        self._groups: dict[
            str | None, tuple[list[str], list[polib.POEntry], list[str], list[polib.POEntry]]
        ] = {}

    def best(self, msgctxt: str | None, msgid: str) -> polib.POEntry | None:
        """The most similar entry at or above the cutoff, or None."""
        near_ids, near, far_ids, far = self._group(msgctxt)
        best: polib.POEntry | None = None
        score = self._cutoff
        if near_ids:
            found = process.extractOne(msgid, near_ids, scorer=fuzz.ratio, score_cutoff=score)
            if found is not None:
                best, score = near[found[2]], found[1]
        if far_ids:
            found = process.extractOne(msgid, far_ids, scorer=fuzz.ratio, score_cutoff=score)
            # Another context must do strictly better: msgmerge gives the same context a bonus.
            if found is not None and (best is None or found[1] > score):
                best = far[found[2]]
        return best

    def _group(
        self, msgctxt: str | None
    ) -> tuple[list[str], list[polib.POEntry], list[str], list[polib.POEntry]]:
        group = self._groups.get(msgctxt)
        if group is None:
            if self._contexts <= {None, msgctxt}:
                near, far = self._entries, []
            else:
                near = [e for e in self._entries if e.msgctxt is None or e.msgctxt == msgctxt]
                far = [e for e in self._entries if not (e.msgctxt is None or e.msgctxt == msgctxt)]
            group = ([e.msgid for e in near], near, [e.msgid for e in far], far)
            self._groups[msgctxt] = group
        return group
