"""The ``advocacy`` command line: a thin skin over the library."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from toolkit import __version__
from toolkit.errors import InputError
from toolkit.extract import extract
from toolkit.stats import stats
from toolkit.update import update
from toolkit.workspace import Workspace

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
            click.echo(f"{error}", err=True)
            raise SystemExit(2) from None
        except OSError as error:
            where = error.filename or ""
            click.echo(f"{where}: {error.strerror or error}", err=True)
            raise SystemExit(2) from None

    return wrapper  # type: ignore[return-value]


def _shown(path: Path) -> Path:
    """A path as the user would type it: relative to the current folder when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve())
    except (ValueError, OSError):
        return path


def _workspace(context: click.Context) -> Workspace:
    root: Path | None = context.obj.get("root") if context.obj else None
    return Workspace.open(root)


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


@cli.command("extract")
@click.pass_context
@_clean_errors
def extract_command(context: click.Context) -> None:
    """Write a .pot template for every source text.

    A template whose entries did not change is left untouched.

    \b
    Example:
      advocacy extract
    """
    workspace = _workspace(context)
    results = extract(workspace.documents(), workspace.settings)
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
    workspace = _workspace(context)
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
                }
                for row in rows
            ],
        }
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    click.echo(_table(rows))


def _table(rows: list[Any]) -> str:
    header = ("document", "locale", "translated", "fuzzy", "untranslated", "total", "done")
    body = [
        (
            row.document,
            row.locale,
            str(row.translated),
            str(row.fuzzy),
            str(row.untranslated),
            str(row.total),
            f"{row.percent:.1f}%" if row.exists else "missing",
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


def main() -> None:
    """Entry point of the ``advocacy`` console script."""
    cli(prog_name="advocacy")
