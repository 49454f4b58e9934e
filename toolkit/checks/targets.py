"""Which files a check run reads: a whole workspace, or the paths given on the command line."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path, PurePath

from toolkit.checks.analyse import Target
from toolkit.checks.workspace_view import DocumentInfo, WorkspaceView
from toolkit.errors import InputError
from toolkit.locales import same_language
from toolkit.source import SOURCE_SUFFIXES, discover, is_note, load_document
from toolkit.workspace import Workspace


def shown(path: Path, root: Path | None) -> str:
    """A path as reports write it: relative to the workspace root (or the current folder)."""
    # os.path.realpath on strings, the prefix tested as a string: three times quicker than
    # Path.resolve and relative_to, on the way before the first file is checked.
    base = os.path.realpath(root or os.getcwd())
    real = os.path.realpath(path)
    inside = base if base.endswith(os.sep) else base + os.sep
    if real == base:
        return "."
    if real.startswith(inside):
        return PurePath(real[len(inside) :]).as_posix()
    return os.path.relpath(real, base) if root is None else path.as_posix()


def workspace_targets(
    workspace: Workspace, locales: Sequence[str] = ()
) -> tuple[list[Target], WorkspaceView]:
    """Every source text, template and catalogue of the workspace, and the workspace view."""
    settings = workspace.settings
    root = settings.root
    resources = resources_of(workspace)
    targets: list[Target] = []
    documents: list[DocumentInfo] = []
    templates: dict[str, str] = {}
    catalogues: dict[tuple[str, str], str] = {}
    for path in discover(settings.source_dir):
        targets.append(
            Target(
                path, shown(path, root), glossary=resources.glossary, campaign=resources.campaign
            )
        )
        try:
            document = load_document(path)
        except InputError:
            continue  # reported as unreadable by its own analysis
        wanted = locales or settings.locales
        documents.append(
            DocumentInfo(
                document.id,
                shown(path, root),
                document.lang,
                tuple(name for name in wanted if not same_language(name, document.lang)),
            )
        )
    for template in workspace.templates():
        templates[template.stem] = shown(template, root)
        targets.append(
            Target(
                template,
                templates[template.stem],
                document=template.stem,
                glossary=resources.glossary,
                campaign=resources.campaign,
            )
        )
    for folder in sorted(settings.locales_dir.iterdir()) if settings.locales_dir.is_dir() else []:
        if locales and folder.name not in locales:
            continue
        for path in sorted((folder / "LC_MESSAGES").glob("*.po")):
            catalogues[(path.stem, folder.name)] = shown(path, root)
            targets.append(
                Target(
                    path,
                    catalogues[(path.stem, folder.name)],
                    folder.name,
                    path.stem,
                    glossary=resources.glossary,
                    campaign=resources.campaign,
                )
            )
    view = WorkspaceView(root, tuple(documents), templates, catalogues)
    return targets, view


@dataclass(frozen=True)
class Resources:
    """The workspace's glossary and campaign record, where those files exist."""

    glossary: Path | None = None
    campaign: Path | None = None


def resources_of(workspace: Workspace | None) -> Resources:
    """The glossary and campaign record that checks of ``workspace`` may use."""
    if workspace is None:
        return Resources()
    settings = workspace.settings
    return Resources(
        settings.glossary if settings.glossary.is_file() else None,
        settings.campaign if settings.campaign.is_file() else None,
    )


def path_targets(paths: Sequence[Path], workspace: Workspace | None) -> list[Target]:
    """The files named (folders searched recursively), each with its place in the workspace."""
    root = workspace.settings.root if workspace else None
    resources = resources_of(workspace)
    found: list[Target] = []
    for given in paths:
        if given.is_dir():
            files = _files_under(given)
        elif given in named_notes([given]):
            continue  # a note named with the documents (a hook passes every staged file)
        elif given.exists():
            files = [given]
        else:
            raise InputError(given, None, "no such file or folder")
        for path in files:
            found.append(
                replace(
                    _placed(path, workspace, shown(path, root)),
                    glossary=resources.glossary,
                    campaign=resources.campaign,
                )
            )
    return found


def named_notes(paths: Sequence[Path]) -> list[Path]:
    """The files among ``paths`` that are notes beside the source texts (README.md), which a
    check passes over."""
    return [
        path
        for path in paths
        if path.suffix in SOURCE_SUFFIXES and is_note(path) and path.is_file()
    ]


def _files_under(folder: Path) -> list[Path]:
    """Catalogues and source texts below ``folder``; notes in capitals (README.md) left out."""
    return sorted(
        path
        for path in folder.rglob("*")
        if path.is_file()
        and (
            path.suffix in (".po", ".pot") or (path.suffix in SOURCE_SUFFIXES and not is_note(path))
        )
    )


def _placed(path: Path, workspace: Workspace | None, name: str) -> Target:
    """Where a file stands: a catalogue in the locales folder knows its locale and document;
    a source text in the source folder must have a valid id."""
    if workspace is None:
        return Target(path, name, strict=False)
    if path.suffix in SOURCE_SUFFIXES:
        inside = path.resolve().parent == workspace.settings.source_dir.resolve()
        return Target(path, name, strict=inside)
    if path.suffix == ".po":
        try:
            relative = path.resolve().relative_to(workspace.settings.locales_dir.resolve())
        except ValueError:
            return Target(path, name)
        if len(relative.parts) == 3 and relative.parts[1] == "LC_MESSAGES":
            return Target(path, name, relative.parts[0], path.stem)
    return Target(path, name)
