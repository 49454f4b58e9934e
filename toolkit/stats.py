"""``advocacy stats``: how complete each document is in each locale, its demands included."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import polib

from toolkit.campaign import Campaign, demand_id, load_campaign, normalise
from toolkit.catalog.reader import read_catalog
from toolkit.workspace import Workspace


@dataclass(frozen=True)
class Counts:
    """How many active messages of a catalogue are translated, fuzzy or untranslated."""

    translated: int
    fuzzy: int
    untranslated: int
    obsolete: int


def count(catalogue: polib.POFile) -> Counts:
    """The counts of one catalogue; a fuzzy message is never counted as translated."""
    active = [entry for entry in catalogue if not entry.obsolete]
    fuzzy = sum(1 for entry in active if entry.fuzzy)
    translated = sum(1 for entry in active if entry.translated())
    return Counts(translated, fuzzy, len(active) - translated - fuzzy, len(catalogue) - len(active))


@dataclass(frozen=True)
class Demands:
    """A catalogue's demands: how many its document marks, how many are translated (reviewed, and
    not with the translation of another demand), and how many of those in the campaign record's
    approved wording (None when the record has no wording for the locale, or there is no record).
    """

    total: int = 0
    present: int = 0
    approved: int | None = None


@dataclass(frozen=True)
class Completeness:
    """Counts of one catalogue; a missing catalogue counts every template entry untranslated."""

    document: str
    locale: str
    path: Path
    exists: bool
    translated: int
    fuzzy: int
    untranslated: int
    obsolete: int
    demands: Demands = field(default_factory=Demands)

    @property
    def total(self) -> int:
        return self.translated + self.fuzzy + self.untranslated

    @property
    def percent(self) -> float:
        return round(100.0 * self.translated / self.total, 1) if self.total else 100.0


# An entry's key in a catalogue: (msgctxt, msgid).
Key = tuple[str | None, str]


def stats(workspace: Workspace, locales: tuple[str, ...] = ()) -> list[Completeness]:
    """Completeness of every document's catalogue in every target locale."""
    record = workspace.settings.campaign
    campaign = load_campaign(record) if record.is_file() else None
    rows: list[Completeness] = []
    for document, template, locale, path in workspace.catalogues(locales):
        marked = _marked(template)
        if not path.exists():
            entries = sum(1 for entry in template if not entry.obsolete)
            counts, reviewed = Counts(0, 0, entries, 0), {}
        else:
            catalogue = read_catalog(path)
            counts, reviewed = count(catalogue), _reviewed(catalogue)
        rows.append(
            Completeness(
                document,
                locale,
                path,
                path.exists(),
                counts.translated,
                counts.fuzzy,
                counts.untranslated,
                counts.obsolete,
                demands(marked, reviewed, locale, campaign),
            )
        )
    return rows


def _reviewed(catalogue: polib.POFile) -> dict[Key, str]:
    """The translations a letter may carry: active, not fuzzy, not empty."""
    return {
        (entry.msgctxt, entry.msgid): entry.msgstr
        for entry in catalogue
        if not entry.obsolete and not entry.fuzzy and entry.msgstr
    }


def _marked(template: polib.POFile) -> list[tuple[Key, str]]:
    """The template's demand entries, in order, with their demand id (``?`` if unidentified)."""
    found: list[tuple[Key, str]] = []
    for entry in template:
        ident = demand_id(entry.comment or "")
        if ident is not None and not entry.obsolete:
            found.append(((entry.msgctxt, entry.msgid), ident))
    return found


def demands(
    marked: Sequence[tuple[Key, str]],
    reviewed: dict[Key, str],
    locale: str,
    campaign: Campaign | None,
) -> Demands:
    """How many of a document's demands a catalogue carries, and in the approved wording.

    ``approved`` is None when there is no record or it has no wording for the locale at all.
    ``reviewed`` holds the catalogue's reviewed translations (not fuzzy, not empty); a demand
    translated like an earlier one of the document is not there: it replaced it.
    """
    present: list[tuple[str, str]] = []
    seen: set[str] = set()
    for key, ident in marked:
        text = reviewed.get(key, "")
        if text and normalise(text) not in seen:
            seen.add(normalise(text))
            present.append((ident, text))
    if campaign is None or not any(campaign.wording(ident, locale) for ident in campaign.demands):
        # Nothing to approve against; a document without demands has them all, vacuously.
        return Demands(len(marked), len(present), None if marked else 0)
    approved = sum(1 for ident, text in present if campaign.approved(ident, text, locale))
    return Demands(len(marked), len(present), approved)
