"""Running the checks: targets, selection, parallel cached analysis, suppressions, the report."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from toolkit.checks import cache
from toolkit.checks.analyse import UNREADABLE, FileResult, Target, analyse, runs_on
from toolkit.checks.registry import RULES, by_name_or_code, rules_matching
from toolkit.checks.suppress import Suppression
from toolkit.checks.workspace_view import WorkspaceView, workspace_findings
from toolkit.errors import InputError
from toolkit.model import Finding, Location, Severity

UNKNOWN_RULE = "F102"
UNUSED_SUPPRESSION = "F103"
_PARALLEL_FROM = 16  # below this many files, starting workers costs more than it saves


@dataclass(frozen=True)
class Options:
    """What to check and how: rule selection, locales, cache and workers."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    use_cache: bool = True
    jobs: int = 0  # 0: one worker per core


@dataclass
class Report:
    """Everything a run found, in report order, with its counts."""

    findings: list[Finding] = field(default_factory=list)
    files: int = 0
    entries: int = 0
    unreadable: int = 0
    notes: list[str] = field(default_factory=list)

    def count(self, severity: Severity) -> int:
        return sum(1 for finding in self.findings if finding.severity is severity)


def selected_codes(options: Options) -> frozenset[str]:
    """The codes ``--select``/``--ignore``/``--extend-select`` leave on; unknown ones are errors."""

    def resolve(tokens: Iterable[str], option: str) -> set[str]:
        codes: set[str] = set()
        for token in tokens:
            matched = rules_matching(token)
            if not matched:
                raise InputError(
                    None, None, f"{option}: unknown rule {token!r} (see advocacy rules)"
                )
            codes.update(rule.code for rule in matched)
        return codes

    chosen = resolve(options.select, "--select") if options.select is not None else set(RULES)
    chosen |= resolve(options.extend_select, "--extend-select")
    chosen -= resolve(options.ignore, "--ignore")
    # A file that cannot be read is always reported: nothing else could be checked in it.
    return frozenset(chosen | {UNREADABLE})


def run(targets: Sequence[Target], options: Options, view: WorkspaceView | None = None) -> Report:
    """Check every target (and, with a workspace view, the workspace as a whole)."""
    codes = selected_codes(options)
    for pattern, tokens in options.per_file_ignores:
        for token in tokens:
            if not rules_matching(token):
                raise InputError(
                    None, None, f"per-file-ignores {pattern!r}: unknown rule {token!r}"
                )
    results = _analyse_all(targets, codes, options)
    report = Report(files=len(targets))
    for target, result in zip(targets, results, strict=True):
        report.entries += result.entries
        report.unreadable += int(result.unreadable)
        report.findings.extend(_suppressed(result, codes, target))
    if view is not None:
        report.findings.extend(
            f for f in workspace_findings(view, results, codes) if f.code in codes
        )
    report.findings = [f for f in report.findings if not _ignored_for_file(f, options)]
    report.findings.sort(key=report_order)
    return report


def report_order(finding: Finding) -> tuple[str, int, str]:
    """Findings in report order: by path, line and code."""
    return finding.location.path, finding.location.line or 0, finding.code


def _analyse_all(
    targets: Sequence[Target], codes: frozenset[str], options: Options
) -> list[FileResult]:
    folder = cache.cache_dir() if options.use_cache else None
    jobs = options.jobs or os.cpu_count() or 1
    parallel = jobs > 1 and len(targets) >= _PARALLEL_FROM
    order: Sequence[int] = range(len(targets))
    if parallel:
        # Largest files first, one at a time: the workers finish together, not one of them
        # still on a large catalogue dealt out last while the other waits.
        order = sorted(order, key=lambda index: -_size(targets[index].path))
    results: dict[int, FileResult] = {}
    waiting: dict[int, Future[FileResult]] = {}
    pool: ProcessPoolExecutor | None = None
    try:
        for index in order:
            target = targets[index]
            name = _cache_name(target, codes, folder)
            cached = cache.load(folder, name) if folder and name else None
            if cached is not None:
                results[index] = cached
            elif not parallel:
                results[index] = _fresh(target, codes, folder, name)
            else:
                # Workers start at the first file not cached (none when nothing changed), and
                # each file is dealt out as soon as it is known to need checking: the other
                # files are looked up while the workers check.
                pool = pool or ProcessPoolExecutor(max_workers=jobs)
                waiting[index] = pool.submit(_fresh, target, codes, folder, name)
        for index, future in waiting.items():
            results[index] = future.result()
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    return [results[index] for index in range(len(targets))]


def _cache_name(target: Target, codes: frozenset[str], folder: Path | None) -> str | None:
    """The cache entry of a file's result, or None when there is no cache or no file."""
    if folder is None:
        return None
    try:
        return cache.key(target, codes, target.path.read_bytes())
    except OSError:
        return None


def _fresh(
    target: Target, codes: frozenset[str], folder: Path | None, name: str | None
) -> FileResult:
    """A file analysed, and its result kept in the cache (where the work was done)."""
    result = analyse(target, codes)
    if name and folder and not result.unreadable:
        cache.store(folder, name, result)
    return result


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _suppressed(result: FileResult, codes: frozenset[str], target: Target) -> list[Finding]:
    """Findings left after the file's suppressions, plus findings about the suppressions (a
    suppression of a rule that did not run on the file is not unused)."""
    by_line: dict[int, list[Suppression]] = {}
    for suppression in result.suppressions:
        by_line.setdefault(suppression.line, []).append(suppression)
    used: set[tuple[int, str]] = set()
    kept: list[Finding] = []
    for finding in result.findings:
        if finding.code not in codes:
            continue
        token = _suppressing_token(finding, by_line.get(finding.location.line or -1, []))
        if token is None:
            kept.append(finding)
        else:
            used.add((finding.location.line or -1, token))
    kept.extend(_suppression_findings(result, used, codes, target))
    return kept


def _suppressing_token(finding: Finding, suppressions: list[Suppression]) -> str | None:
    for suppression in suppressions:
        for token in suppression.tokens:
            if token in (finding.code, finding.name):
                return token
    return None


def _suppression_findings(
    result: FileResult, used: set[tuple[int, str]], codes: frozenset[str], target: Target
) -> list[Finding]:
    found: list[Finding] = []
    for suppression in result.suppressions:
        for token in suppression.tokens:
            rule = by_name_or_code(token)
            if rule is None:
                if not suppression.flag:  # ignore-<x> flags may belong to Weblate's own checks
                    found.append(
                        _meta(
                            UNKNOWN_RULE,
                            result.shown,
                            suppression.line,
                            f"suppression names {token!r}, which is no rule (see advocacy rules)",
                        )
                    )
            elif (
                rule.code in codes
                and (suppression.line, token) not in used
                and runs_on(rule, target)
            ):
                found.append(
                    _meta(
                        UNUSED_SUPPRESSION,
                        result.shown,
                        suppression.line,
                        f"suppression of {token} suppresses nothing here: remove it",
                    )
                )
    return [finding for finding in found if finding.code in codes]


def _meta(code: str, path: str, line: int, message: str) -> Finding:
    rule = RULES[code]
    return Finding(
        rule.code, rule.name, rule.category, rule.severity, message, Location(path, line)
    )


def _ignored_for_file(finding: Finding, options: Options) -> bool:
    for pattern, tokens in options.per_file_ignores:
        if fnmatch.fnmatch(finding.location.path, pattern) and any(
            finding.code.startswith(token) or finding.name == token for token in tokens
        ):
            return True
    return False
