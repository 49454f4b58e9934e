"""Keeping the toolkit inside its workspace: names and symbolic links that would lead out.

Settings are trusted (a coordinator may point ``locales_dir`` or ``build_dir`` anywhere); what
volunteers contribute is not. So the folders the settings name are taken as they resolve, and
inside them no source text, template, locale folder or catalogue may be a symbolic link that
resolves outside both that folder and the workspace root (a link committed to a repository
could otherwise make a build publish, or a check quote, a file such as ``~/.ssh/id_rsa``, or
make ``update`` write through it).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

from toolkit.errors import InputError
from toolkit.settings import Settings
from toolkit.source import SOURCE_SUFFIXES

_Filter = Callable[[os.DirEntry[str]], bool]


def outside(path: Path, *folders: Path) -> Path | None:
    """Where ``path`` really is (links followed) when that is inside none of ``folders``."""
    real = path.resolve()
    for folder in folders:
        if real.is_relative_to(folder.resolve()):
            return None
    return real


def confine(path: Path, folder: Path, what: str) -> Path:
    """``path``, unless it resolves outside ``folder``: then an ``InputError`` (exit 2)."""
    real = outside(path, folder)
    if real is not None:
        raise InputError(path, None, f"{what} resolves to {real}, outside {folder}; refused")
    return path


def check_workspace(settings: Settings) -> None:
    """Refuse a workspace holding a link out of it where the toolkit reads or writes.

    Looked at: the source texts of ``source_dir``; the templates, locale folders, their
    ``LC_MESSAGES`` folders and catalogues of ``locales_dir``. A link that stays inside the
    workspace (or inside the configured folder) is followed as usual.
    """
    source, locales, root = settings.source_dir, settings.locales_dir, settings.root
    for path in _links(source, lambda entry: Path(entry.name).suffix in SOURCE_SUFFIXES):
        _refuse(path, "source text", source, root)
    for path in _links(locales, lambda entry: _is_catalogue(entry) or _is_folder(entry)):
        _refuse(path, "locale folder" if path.is_dir() else "template", locales, root)
    for folder in _subfolders(locales):
        for path in _links(folder, lambda entry: entry.name == "LC_MESSAGES"):
            _refuse(path, "locale folder", locales, root)
        for path in _links(folder / "LC_MESSAGES", _is_catalogue):
            _refuse(path, "catalogue", locales, root)


def _refuse(path: Path, what: str, folder: Path, root: Path) -> None:
    real = outside(path, folder, root)
    if real is not None:
        raise InputError(
            path,
            None,
            f"{what} is a symbolic link to {real}, outside the workspace; refused"
            " (copy the file in instead)",
        )


def _links(folder: Path, wanted: _Filter) -> Iterator[Path]:
    """The symbolic links of ``folder`` that ``wanted`` picks."""
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        return
    for entry in entries:
        if entry.is_symlink() and wanted(entry):
            yield Path(entry.path)


def _subfolders(folder: Path) -> list[Path]:
    try:
        return sorted(Path(e.path) for e in os.scandir(folder) if e.is_dir())
    except OSError:
        return []


def _is_catalogue(entry: os.DirEntry[str]) -> bool:
    return entry.name.endswith((".po", ".pot"))


def _is_folder(entry: os.DirEntry[str]) -> bool:
    return entry.is_dir()  # follows the link: a link to a folder is a locale folder
