"""The ``advocacy`` command line: a thin skin over the library."""

from __future__ import annotations

import datetime
import functools
import gc
import io
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from toolkit import __version__
from toolkit.errors import InputError
from toolkit.fsutil import write_if_changed
from toolkit.init import init_workspace
from toolkit.textutil import one_line

if TYPE_CHECKING:
    from toolkit.workspace import Workspace

# Each command imports the library it needs when it runs (the checks, the build, the glossary),
# so that `advocacy check FILE.po` on every save in an editor, --help and each TAB of shell
# completion start without loading the rest. The choices an option shows before anything is
# imported are copies, held equal to the libraries' own by tests/test_cli_docs.py.
CHECK_FORMATS = ("text", "json", "sarif", "github")  # toolkit.report.FORMATS
GLOSSARY_FORMATS = ("tbx", "csv")  # toolkit.glossary.export.FORMATS
REPORT_EDITORS = ("file", "vscode")  # toolkit.review.EDITORS

F = TypeVar("F", bound=Callable[..., Any])


def _clean_errors(command: F) -> F:
    """Bad input ends the command with one ``path:line: message`` line and exit status 2."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except InputError as error:
            if error.path is not None:
                error = InputError(_shown(error.path), error.line, error.message)
            click.echo(one_line(f"{error}"), err=True)
            raise SystemExit(2) from None
        except OSError as error:
            where = _shown(Path(error.filename)) if error.filename else ""
            click.echo(one_line(f"{where}: {error.strerror or error}"), err=True)
            raise SystemExit(2) from None

    return wrapper  # type: ignore[return-value]


def _shown(path: Path) -> Path:
    """A path as the user would type it: relative to the current folder when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve())
    except (ValueError, OSError):
        return path


def _workspace(context: click.Context) -> Workspace:
    from toolkit.workspace import Workspace

    root: Path | None = context.obj.get("root") if context.obj else None
    return Workspace.open(root)


def _writing(context: click.Context, workspace: Workspace) -> None:
    """Hold the workspace lock until the command ends: commands that write never interleave
    (a second one waits, then exits 2 naming the holder's pid)."""
    from toolkit.lock import workspace_lock

    lock = workspace_lock(workspace.settings.root, command=context.info_name or "")
    context.with_resource(lock)


def _conflicts(workspace: Workspace, results: list[Any], command: str, doing: str) -> None:
    """Name each catalogue saved by someone else during the run (left as saved); exit 2."""
    conflicts = [result for result in results if result.conflict]
    for result in conflicts:
        click.echo(
            f"{workspace.settings.relative(result.path)}: changed while {doing};"
            f" run advocacy {command} again",
            err=True,
        )
    if conflicts:
        raise SystemExit(2)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=Path),
    help="Workspace folder (default: the nearest one above the current folder).",
)
@click.version_option(__version__, prog_name="advocacy")
@click.pass_context
def cli(context: click.Context, root: Path | None) -> None:
    """Keep advocacy texts correct in every language they are published in.

    \b
    Example:
      advocacy extract && advocacy update && advocacy stats
    """
    context.obj = {"root": root}


@cli.command("init")
@click.argument("directory", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.pass_context
@_clean_errors
def init_command(context: click.Context, directory: Path | None) -> None:
    """Start a campaign workspace in DIRECTORY (default: --root, else the current folder).

    Writes advocacy.toml, an example source text, and an empty glossary and a campaign
    record with commented examples. An existing file is never overwritten (exit 2).

    \b
    Example:
      advocacy init my-campaign && cd my-campaign && advocacy extract && advocacy update
    """
    root: Path | None = context.obj.get("root") if context.obj else None
    folder = directory or root or Path(".")
    for path in init_workspace(folder):
        click.echo(f"{_shown(path)}: written")
    click.echo(
        f"workspace ready in {_shown(folder)}: edit source_texts/, then advocacy extract,"
        " advocacy update, translate, advocacy check, advocacy build"
    )


@cli.command("extract")
@click.option(
    "--check",
    "check_only",
    is_flag=True,
    help="Write nothing; exit 1 when a template is out of date (for pre-commit and CI).",
)
@click.pass_context
@_clean_errors
def extract_command(context: click.Context, check_only: bool) -> None:
    """Write a .pot template for every source text.

    A template whose entries did not change is left untouched.

    \b
    Examples:
      advocacy extract
      advocacy extract --check
    """
    from toolkit.extract import extract

    workspace = _workspace(context)
    if not check_only:
        _writing(context, workspace)
    results = extract(workspace.documents(), workspace.settings, write=not check_only)
    if check_only:
        stale = [result for result in results if result.changed]
        for result in stale:
            state = "out of date" if result.path.exists() else "missing"
            click.echo(
                f"{workspace.settings.relative(result.path)}: {state} (run advocacy extract)"
            )
        click.echo(f"{len(results)} templates, {len(stale)} out of date")
        raise SystemExit(1 if stale else 0)
    written = [result for result in results if result.written]
    for result in written:
        click.echo(f"{workspace.settings.relative(result.path)}: {result.entries} entries")
    click.echo(f"{len(results)} templates, {len(written)} written")


@cli.command("update")
@click.option("--locale", "-l", "locales", multiple=True, help="Only this locale (repeatable).")
@click.option("--no-fuzzy", is_flag=True, help="Do not guess translations of changed messages.")
@click.pass_context
@_clean_errors
def update_command(context: click.Context, locales: tuple[str, ...], no_fuzzy: bool) -> None:
    """Create or merge .po catalogues from the templates, never losing a translation.

    \b
    Example:
      advocacy update --locale zh_Hant
    """
    from toolkit.update import update

    workspace = _workspace(context)
    _writing(context, workspace)
    results = update(workspace, locales, fuzzy=not no_fuzzy)
    for result in results:
        if result.written:
            action = "created" if result.created else "updated"
            click.echo(
                f"{workspace.settings.relative(result.path)}: {action};"
                f" {result.fuzzy} fuzzy, {result.untranslated} untranslated,"
                f" {result.obsolete} obsolete"
            )
    changed = sum(1 for result in results if result.written)
    click.echo(f"{len(results)} catalogues, {changed} written")
    _conflicts(workspace, results, "update", "updating")


@cli.command("stats")
@click.option("--locale", "-l", "locales", multiple=True, help="Only this locale (repeatable).")
@click.option("--format", "output", type=click.Choice(["table", "json"]), default="table")
@click.pass_context
@_clean_errors
def stats_command(context: click.Context, locales: tuple[str, ...], output: str) -> None:
    """Completeness of every document in every locale.

    \b
    Example:
      advocacy stats --format json
    """
    from toolkit.stats import stats

    workspace = _workspace(context)
    rows = stats(workspace, locales)
    relative = workspace.settings.relative
    if output == "json":
        payload = {
            "version": 1,
            "catalogues": [
                {
                    "document": row.document,
                    "locale": row.locale,
                    "path": relative(row.path),
                    "exists": row.exists,
                    "translated": row.translated,
                    "fuzzy": row.fuzzy,
                    "untranslated": row.untranslated,
                    "obsolete": row.obsolete,
                    "total": row.total,
                    "percent": row.percent,
                    "demands": {
                        "total": row.demands.total,
                        "present": row.demands.present,
                        "approved": row.demands.approved,
                    },
                }
                for row in rows
            ],
        }
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    click.echo(_table(rows))


def _table(rows: list[Any]) -> str:
    header = (
        *("document", "locale", "translated", "fuzzy", "untranslated", "total", "done"),
        *("demands", "approved"),
    )
    body = [
        (
            row.document,
            row.locale,
            str(row.translated),
            str(row.fuzzy),
            str(row.untranslated),
            str(row.total),
            f"{row.percent:.1f}%" if row.exists else "missing",
            *_demand_cells(row.demands),
        )
        for row in rows
    ]
    widths = [max(len(line[index]) for line in (header, *body)) for index in range(len(header))]
    lines = [
        "  ".join(
            cell.ljust(width) if index < 2 else cell.rjust(width)
            for index, (cell, width) in enumerate(zip(line, widths, strict=True))
        )
        for line in (header, *body)
    ]
    return "\n".join(lines)


def _demand_cells(demands: Any) -> tuple[str, str]:
    """``3/3`` demands present and approved; ``—`` without demands, ``n/a`` without wording."""
    if not demands.total:
        return "—", "—"
    approved = "n/a" if demands.approved is None else f"{demands.approved}/{demands.total}"
    return f"{demands.present}/{demands.total}", approved


def _rule_list(values: tuple[str, ...]) -> tuple[str, ...]:
    """``--select M,T101 --select doubled-word`` -> the separate selectors."""
    return tuple(token.strip() for value in values for token in value.split(",") if token.strip())


@cli.command("check")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--locale", "-l", "locales", multiple=True, help="Only catalogues of this locale.")
@click.option(
    "--format", "output", type=click.Choice(CHECK_FORMATS), default="text", show_default=True
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "note"]),
    default=None,
    help="Exit 1 when a finding is at least this severe [default: error].",
)
@click.option("--select", multiple=True, help="Only these rules (codes, prefixes or names).")
@click.option("--ignore", multiple=True, help="Not these rules.")
@click.option("--extend-select", multiple=True, help="These rules as well.")
@click.option("--no-cache", is_flag=True, help="Check every file again, ignoring cached results.")
@click.option("--jobs", "-j", type=click.IntRange(0), default=0, help="Workers (0: one per core).")
@click.pass_context
@_clean_errors
def check_command(
    context: click.Context,
    paths: tuple[Path, ...],
    locales: tuple[str, ...],
    output: str,
    fail_on: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    extend_select: tuple[str, ...],
    no_cache: bool,
    jobs: int,
) -> None:
    """Check catalogues and source texts; exit 1 on findings, 2 on unreadable input.

    With no PATH, the whole workspace: every source text, template and catalogue.

    \b
    Examples:
      advocacy check
      advocacy check locales/zh_Hans/LC_MESSAGES/urgent-action-2024.po
      advocacy check --format json --select C,F --fail-on warning
    """
    from toolkit.check import check as run_check
    from toolkit.check import exit_status, open_workspace, options_from
    from toolkit.report import render

    root: Path | None = context.obj.get("root") if context.obj else None
    workspace = open_workspace(root, paths)
    options = options_from(
        workspace,
        select=_rule_list(select),
        ignore=_rule_list(ignore),
        extend_select=_rule_list(extend_select),
        use_cache=not no_cache,
        jobs=jobs,
    )
    report = run_check(list(paths), workspace, options, locales)
    folder = workspace.settings.root if workspace else Path.cwd()
    click.echo(render(report, output, folder=folder), nl=False)
    threshold = fail_on or (workspace.settings.fail_on if workspace else "error")
    raise SystemExit(exit_status(report, threshold))


@cli.command("rules")
@click.option("--format", "output", type=click.Choice(["table", "json"]), default="table")
def rules_command(output: str) -> None:
    """List every check: code, name, category, severity and summary.

    \b
    Example:
      advocacy rules --format json
    """
    import toolkit.checks  # noqa: F401  (registers every check)
    from toolkit.checks.registry import RULES

    rules = [RULES[code] for code in sorted(RULES)]
    if output == "json":
        payload = [
            {
                "code": r.code,
                "name": r.name,
                "category": r.category.value,
                "severity": r.severity.value,
                "summary": r.summary,
            }
            for r in rules
        ]
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    width = max(len(rule.name) for rule in rules)
    for rule in rules:
        click.echo(
            f"{rule.code}  {rule.name.ljust(width)}  {rule.category.value:<12}"
            f"  {rule.severity.value:<7}  {rule.summary}"
        )


@cli.command("convert")
@click.argument("source_locale")
@click.argument("target_locale")
@click.option("--opencc", "configured", help="OpenCC configuration (default: by locale, s2twp).")
@click.pass_context
@_clean_errors
def convert_command(
    context: click.Context, source_locale: str, target_locale: str, configured: str | None
) -> None:
    """Fill one Chinese script's catalogues from the other's with OpenCC, marked fuzzy.

    The glossary's forms are written over OpenCC's (廣東省高級人民法院, not 高階). A document
    written in SOURCE_LOCALE is converted from its own text. Reviewed (not fuzzy) translations
    are kept unless their source text changed.

    \b
    Example:
      advocacy convert zh_Hans zh_Hant
    """
    from toolkit.convert import convert

    workspace = _workspace(context)
    _writing(context, workspace)
    results = convert(workspace, source_locale, target_locale, configured=configured)
    for result in results:
        if result.written:
            click.echo(
                f"{workspace.settings.relative(result.path)}: {result.converted} converted"
                f" (fuzzy, to review), {result.kept} reviewed kept"
            )
    click.echo(f"{len(results)} catalogues, {sum(r.written for r in results)} written")
    _conflicts(workspace, results, "convert", "converting")


def _formats(value: str) -> tuple[str, ...]:
    from toolkit.build.jobs import FORMATS as BUILD_FORMATS

    chosen = tuple(part.strip() for part in value.split(",") if part.strip())
    unknown = [part for part in chosen if part not in BUILD_FORMATS]
    if unknown or not chosen:
        raise click.BadParameter(f"choose among {', '.join(BUILD_FORMATS)} (got {value!r})")
    return chosen


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


@cli.command("build")
@click.option("--locale", "locales", multiple=True, help="Only this locale (repeatable).")
@click.option("--document", "documents", multiple=True, help="Only this document id (repeatable).")
@click.option(
    "--format",
    "formats",
    default="md,html",
    show_default=True,
    help="Comma-separated output formats: md, html, pdf.",
)
@click.option("--recipient", help="Only the letter to this recipient id.")
@click.option("--sender", help="The sender's name, written in the letter's head and signature.")
@click.option(
    "--date",
    "date",
    type=click.DateTime(["%Y-%m-%d"]),
    help="The letter's date (default: the document's date).",
)
@click.option(
    "--allow-incomplete",
    is_flag=True,
    help="Build refused letters anyway, missing parts in the source language and marked.",
)
@click.pass_context
@_clean_errors
def build_command(
    context: click.Context,
    locales: tuple[str, ...],
    documents: tuple[str, ...],
    formats: str,
    recipient: str | None,
    sender: str | None,
    date: datetime.datetime | None,
    allow_incomplete: bool,
) -> None:
    """Build finished letters in build/<locale>/; refuse any with a missing or wrong part.

    A letter is refused when a segment is untranslated or fuzzy, a demand is missing or not
    the approved wording, or an error finding stands on it: every reason is listed and the
    command exits 1. A letter with recipients is built once per recipient.

    \b
    Example:
      advocacy build --locale zh_Hans --format md,html,pdf --sender "Amnesty Hong Kong"
    """
    from toolkit.build import BuildOptions, build_job, plan, write_index

    workspace = _workspace(context)
    _writing(context, workspace)
    options = BuildOptions(
        locales=locales,
        documents=documents,
        formats=_formats(formats),
        recipient=recipient,
        sender=sender,
        date=date.date() if date else None,
        allow_incomplete=allow_incomplete,
    )
    jobs = plan(workspace, options)
    settings = workspace.settings
    results = []
    show_bar = len(jobs) > 1 and sys.stderr.isatty()
    with click.progressbar(
        jobs, label="Building", file=sys.stderr if show_bar else io.StringIO()
    ) as bar:
        for job in bar:
            results.append(build_job(job, settings, options))
    for built in results:
        job = built.job
        name = f"{job.document.id} ({job.locale})"
        if built.refused:
            click.echo(f"{name}: refused, not built:", err=True)
        elif built.incomplete:
            click.echo(f"{name}: built incomplete (--allow-incomplete):", err=True)
        for reason in job.reasons:
            click.echo(f"  {one_line(reason)}", err=True)  # a quoted translation stays on it
    index = write_index(settings, results)
    made = sum(len(built.files) for built in results)
    refused = sum(built.refused for built in results)
    written = sum(built.written for built in results)
    click.echo(
        f"{_plural(len(results) - refused, 'letter')} built, {refused} refused;"
        f" {_plural(made, 'file')}"
        f" ({written} written); index: {settings.relative(index)}"
    )
    if refused:
        raise SystemExit(1)


@cli.command("report")
@click.option(
    "--html",
    "output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the review page to this file.",
)
@click.option("--locale", "-l", "locales", multiple=True, help="Only this locale (repeatable).")
@click.option("--document", "documents", multiple=True, help="Only this document id (repeatable).")
@click.option(
    "--editor",
    type=click.Choice(REPORT_EDITORS),
    default="file",
    show_default=True,
    help="path:line links: relative file links, or vscode://file/ links that open the line.",
)
@click.pass_context
@_clean_errors
def report_command(
    context: click.Context,
    output: Path,
    locales: tuple[str, ...],
    documents: tuple[str, ...],
    editor: str,
) -> None:
    """Write a review page: each document's source and translations side by side.

    One self-contained HTML file (no network requests): the segments of each document in
    rows, one column per language, every finding of advocacy check on its segment with the
    names, dates and numbers it is about highlighted, filters by locale, category and
    severity, and a summary per locale.

    \b
    Examples:
      advocacy report --html review.html
      advocacy report --html review.html --locale zh_Hant --editor vscode
    """
    # Imported here: only this command needs the review page's templates.
    from toolkit.review import ReviewOptions, render_review, review

    workspace = _workspace(context)
    result = review(workspace, ReviewOptions(locales=locales, documents=documents))
    written = write_if_changed(output, render_review(result, output, editor))
    findings = len(result.findings)
    click.echo(
        f"{_shown(output)}: {_plural(len(result.documents), 'document')},"
        f" {_plural(findings, 'finding')}{'' if written else ' (unchanged)'}"
    )


@cli.group("glossary")
def glossary_group() -> None:
    """Validate the glossary and export it for CAT tools and spreadsheets.

    \b
    Examples:
      advocacy glossary check
      advocacy glossary export --format tbx -o glossary.tbx
    """


def _glossary_path(context: click.Context, path: Path | None) -> Path:
    """The glossary named, else the workspace's (``glossary`` setting)."""
    if path is not None:
        return path
    parent = context.parent
    return _workspace(parent if parent is not None else context).settings.glossary


@glossary_group.command("check")
@click.argument("path", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
@_clean_errors
def glossary_check_command(context: click.Context, path: Path | None) -> None:
    """Check the glossary; exit 1 on problems, 2 when it cannot be read.

    Checks the format, that no form names two entries, that a person's romanisation is the
    pinyin of the Chinese name, that Traditional forms are OpenCC's conversion of the
    Simplified ones (unless overridden) and that verified entries give their source.

    \b
    Example:
      advocacy glossary check
    """
    from toolkit.glossary.audit import audit

    glossary = _glossary_path(context, path)
    problems = audit(glossary)
    for problem in problems:
        click.echo(f"{_shown(glossary)}:{problem.line or 0}: {problem.message}")
    click.echo(f"{len(problems)} problems in {_shown(glossary)}")
    raise SystemExit(1 if problems else 0)


@glossary_group.command("export")
@click.argument("path", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--format", "output", type=click.Choice(GLOSSARY_FORMATS), default="tbx", show_default=True
)
@click.option(
    "--output",
    "-o",
    "target",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file instead of standard output.",
)
@click.pass_context
@_clean_errors
def glossary_export_command(
    context: click.Context, path: Path | None, output: str, target: Path | None
) -> None:
    """Export the glossary: TBX-Basic for CAT tools (Trados, memoQ, OmegaT, Weblate), or CSV.

    \b
    Examples:
      advocacy glossary export --format tbx -o glossary.tbx
      advocacy glossary export --format csv > glossary.csv
    """
    from toolkit.glossary import load_glossary
    from toolkit.glossary.export import export

    text = export(load_glossary(_glossary_path(context, path)), output)
    if target is None:
        click.echo(text, nl=False)
        return
    write_if_changed(target, text)
    click.echo(f"{_shown(target)}: {output} written", err=True)


def main() -> None:
    """Entry point of the ``advocacy`` console script."""
    # A run makes many objects that live to its end (entries, findings) and few reference
    # cycles: Python's default, a collection every 700 new objects, spends a tenth of a check
    # on start-up (compiling regular expressions makes objects by the thousand) collecting
    # nothing. A collection every 100,000 costs little memory for a run this short.
    gc.set_threshold(100_000, 50, 100)
    cli(prog_name="advocacy")
