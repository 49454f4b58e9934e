"""``advocacy update``: every template merged into its catalogue of every target locale."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from toolkit.catalog.merge import merge_catalog
from toolkit.catalog.reader import read_existing
from toolkit.catalog.writer import format_catalog
from toolkit.extract import DOCUMENT_DATE_HEADER, SOURCE_LANGUAGE_HEADER
from toolkit.fsutil import ChangedOnDisk, write_if_changed
from toolkit.locales import plural_forms
from toolkit.stats import count
from toolkit.workspace import Workspace


@dataclass(frozen=True)
class Updated:
    """One catalogue after an update: whether it was created or changed, and its counts.

    ``conflict``: the file changed on disk while the update ran (a translator saved it), so it
    was left as they saved it, not written; run the update again.
    """

    document: str
    locale: str
    path: Path
    created: bool
    written: bool
    fuzzy: int
    untranslated: int
    obsolete: int
    conflict: bool = False


def update(
    workspace: Workspace, locales: tuple[str, ...] = (), *, fuzzy: bool = True
) -> list[Updated]:
    """Merge each template into its catalogues. All inputs are read and merged before any write.

    A catalogue is replaced only if it still holds what was read from it (compare before
    rename); one saved meanwhile is left alone and comes back with ``conflict`` set.
    """
    settings = workspace.settings
    planned: list[tuple[Updated, str, bytes | None]] = []
    for document, template, locale, path in workspace.catalogues(locales):
        old, snapshot = read_existing(path) or (None, None)
        merged = merge_catalog(
            template, old, language=locale, plural_forms=plural_forms(locale), fuzzy=fuzzy
        )
        for key in (SOURCE_LANGUAGE_HEADER, DOCUMENT_DATE_HEADER):
            # What the checks read from the header follows the template, not the old file.
            if key in template.metadata and merged.metadata.get(key) != template.metadata[key]:
                merged.metadata[key] = template.metadata[key]
        counts = count(merged)
        result = Updated(
            document,
            locale,
            path,
            old is None,
            False,
            counts.fuzzy,
            counts.untranslated,
            counts.obsolete,
        )
        planned.append((result, format_catalog(merged, width=settings.wrap), snapshot))
    return [_write(result, text, snapshot) for result, text, snapshot in planned]


def _write(result: Updated, text: str, snapshot: bytes | None) -> Updated:
    try:
        written = write_if_changed(result.path, text, expected=snapshot)
    except ChangedOnDisk:
        return replace(result, conflict=True)
    return replace(result, written=written)
