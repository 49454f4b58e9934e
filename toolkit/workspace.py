"""A workspace opened for work: its settings, its documents and which catalogues each one has."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import polib

from toolkit.catalog.reader import read_catalog
from toolkit.errors import InputError
from toolkit.extract import SOURCE_LANGUAGE_HEADER
from toolkit.locales import check_name, same_language
from toolkit.model import Document
from toolkit.paths import check_workspace
from toolkit.settings import Settings, find_root, load_settings
from toolkit.source import discover, load_documents


@dataclass(frozen=True)
class Workspace:
    """Settings plus the documents of ``source_dir``, loaded and validated."""

    settings: Settings

    @classmethod
    def open(cls, root: Path | None = None, start: Path | None = None) -> Workspace:
        """The workspace at ``root``, or the nearest one above ``start`` (the current folder)."""
        if root is None:
            here = start or Path.cwd()
            root = find_root(here)
            if root is None:
                message = "not in a workspace (no source_texts/ and locales/ here or above)"
                raise InputError(here, None, message + "; use --root DIR")
        elif not root.is_dir():
            raise InputError(root, None, "workspace folder does not exist")
        settings = load_settings(root)
        check_workspace(settings)  # no link out of the workspace where we read or write
        return cls(settings)

    def documents(self) -> list[Document]:
        """Every source document, in file-name order."""
        return load_documents(discover(self.settings.source_dir))

    def templates(self) -> list[Path]:
        """The ``.pot`` templates in the locales folder, sorted."""
        folder = self.settings.locales_dir
        return sorted(folder.glob("*.pot")) if folder.is_dir() else []

    def catalogues(
        self, locales: tuple[str, ...] = ()
    ) -> Iterator[tuple[str, polib.POFile, str, Path]]:
        """Each template (read once) with each locale it is translated into and that
        catalogue's path: ``(document, template, locale, path)``."""
        for template_path in self.templates():
            template = read_catalog(template_path)
            source_lang = template.metadata.get(SOURCE_LANGUAGE_HEADER) or "en"
            for locale in self.target_locales(source_lang, locales):
                yield (
                    template_path.stem,
                    template,
                    locale,
                    self.settings.catalogue_path(template_path.stem, locale),
                )

    def target_locales(self, source_lang: str, only: tuple[str, ...] = ()) -> list[str]:
        """The locales a document is translated into: configured ones (or ``only``) but its own."""
        chosen = only or self.settings.locales
        for name in chosen:
            try:
                check_name(name)
            except ValueError as error:
                raise InputError(None, None, f"--locale: {error}") from None
        return [name for name in chosen if not same_language(name, source_lang)]
