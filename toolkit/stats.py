"""``advocacy stats``: how complete each document is in each locale."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polib

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

    @property
    def total(self) -> int:
        return self.translated + self.fuzzy + self.untranslated

    @property
    def percent(self) -> float:
        return round(100.0 * self.translated / self.total, 1) if self.total else 100.0


def stats(workspace: Workspace, locales: tuple[str, ...] = ()) -> list[Completeness]:
    """Completeness of every document's catalogue in every target locale."""
    rows: list[Completeness] = []
    for document, template, locale, path in workspace.catalogues(locales):
        if not path.exists():
            entries = sum(1 for entry in template if not entry.obsolete)
            rows.append(Completeness(document, locale, path, False, 0, 0, entries, 0))
            continue
        counts = count(read_catalog(path))
        rows.append(
            Completeness(
                document,
                locale,
                path,
                True,
                counts.translated,
                counts.fuzzy,
                counts.untranslated,
                counts.obsolete,
            )
        )
    return rows
