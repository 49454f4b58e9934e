"""``advocacy check`` as a library call: a workspace, or the paths given, checked and reported."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import toolkit.checks  # noqa: F401  (registers every check)
from toolkit.checks import cache
from toolkit.checks.analyse import Target, load_resource, unreadable
from toolkit.checks.engine import Options, Report, report_order, run
from toolkit.checks.targets import named_notes, path_targets, shown, workspace_targets
from toolkit.errors import InputError
from toolkit.model import Finding, Severity
from toolkit.settings import find_root
from toolkit.workspace import Workspace


def options_from(
    workspace: Workspace | None,
    *,
    select: tuple[str, ...] = (),
    ignore: tuple[str, ...] = (),
    extend_select: tuple[str, ...] = (),
    use_cache: bool = True,
    jobs: int = 0,
) -> Options:
    """Command-line options over the workspace's settings (``--select`` replaces, others add)."""
    settings = workspace.settings if workspace else None
    return Options(
        select=select or (settings.select if settings else None),
        ignore=(settings.ignore if settings else ()) + ignore,
        extend_select=(settings.extend_select if settings else ()) + extend_select,
        per_file_ignores=settings.per_file_ignores if settings else (),
        use_cache=use_cache,
        jobs=jobs,
    )


def open_workspace(root: Path | None, paths: Sequence[Path]) -> Workspace | None:
    """The workspace to check in: ``root``, else the one holding the first path (or the cwd)."""
    if root is not None:
        return Workspace.open(root)
    start = paths[0] if paths else Path.cwd()
    found = find_root(start if start.is_dir() else start.parent)
    if found is None:
        if not paths:
            raise InputError(Path.cwd(), None, "not in a workspace: name the files to check")
        return None
    return Workspace.open(found)


def check(
    paths: Sequence[Path],
    workspace: Workspace | None,
    options: Options,
    locales: Sequence[str] = (),
) -> Report:
    """Check the paths given, or the whole workspace when none are."""
    if not paths:
        assert workspace is not None
        targets, view = workspace_targets(workspace, locales)
        targets, broken = _readable_resources(targets, workspace.settings.root, options)
        return _with_broken(run(targets, options, view), broken)
    root = workspace.settings.root if workspace else None
    targets, broken = _readable_resources(path_targets(paths, workspace), root, options)
    report = _with_broken(run(targets, options), broken)
    report.notes += [
        f"{shown(note, root)} is a note, not a source text: not checked"
        for note in named_notes(paths)
    ]
    report.notes.append(
        "not in a workspace: checks across documents and glossary checks were skipped"
        if workspace is None
        else "files named: checks across documents and locales were skipped"
    )
    return report


def _readable_resources(
    targets: list[Target], root: Path | None, options: Options
) -> tuple[list[Target], list[Finding]]:
    """The targets without a glossary or campaign record that cannot be read, and one F101
    finding for each such file: it is reported once, where it is wrong, and the checks that
    need it are skipped while every other check still runs."""
    broken: dict[Path, Finding] = {}
    for name in ("glossary", "campaign"):
        for path in sorted({getattr(t, name) for t in targets} - {None}):
            try:
                _validate(name, path, options.use_cache)
            except InputError as error:
                broken[path] = unreadable(error.message, shown(path, root), error.line)
    if not broken:
        return targets, []
    kept = [
        replace(
            target,
            glossary=None if target.glossary in broken else target.glossary,
            campaign=None if target.campaign in broken else target.campaign,
        )
        for target in targets
    ]
    return kept, list(broken.values())


def _validate(name: str, path: Path, use_cache: bool) -> None:
    """Read a glossary or campaign record (kept for the checks run in this process), unless
    these very bytes were read well before: a save with nothing changed need not read them."""
    folder = cache.cache_dir() if use_cache else None
    try:
        data = path.read_bytes() if folder else None
    except OSError:
        data = None  # not remembered: loading it raises the error, naming its path
    if folder is None or data is None or not cache.known_readable(folder, name, data):
        load_resource(name, path)
        if folder is not None and data is not None:
            cache.remember_readable(folder, name, data)


def _with_broken(report: Report, broken: list[Finding]) -> Report:
    if broken:
        report.findings = sorted([*report.findings, *broken], key=report_order)
        report.unreadable += len(broken)
        report.notes.append("checks needing an unreadable glossary or campaign record were skipped")
    return report


def exit_status(report: Report, fail_on: str) -> int:
    """2 when a file could not be read, 1 when a finding reaches ``fail_on``, else 0."""
    if report.unreadable:
        return 2
    threshold = Severity(fail_on).rank
    return 1 if any(f.severity.rank >= threshold for f in report.findings) else 0
