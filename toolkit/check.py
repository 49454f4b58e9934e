"""``advocacy check`` as a library call: a workspace, or the paths given, checked and reported."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import toolkit.checks  # noqa: F401  (registers every check)
from toolkit.checks.engine import Options, Report, run
from toolkit.checks.targets import path_targets, workspace_targets
from toolkit.errors import InputError
from toolkit.model import Severity
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
        return run(targets, options, view)
    report = run(path_targets(paths, workspace), options)
    report.notes.append(
        "not in a workspace: checks across documents and glossary checks were skipped"
        if workspace is None
        else "files named: checks across documents and locales were skipped"
    )
    return report


def exit_status(report: Report, fail_on: str) -> int:
    """2 when a file could not be read, 1 when a finding reaches ``fail_on``, else 0."""
    if report.unreadable:
        return 2
    threshold = Severity(fail_on).rank
    return 1 if any(f.severity.rank >= threshold for f in report.findings) else 0
