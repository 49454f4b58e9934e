"""The command line documents itself: an example in every --help, every command in the README,
and shell completion through click's own mechanism."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.shell_completion import BashComplete
from click.testing import CliRunner
from shellwords import assert_advocacy_parses, commands

from toolkit.cli import cli

ROOT = Path(__file__).resolve().parents[1]
ADVOCACY = Path(sys.executable).parent / "advocacy"


def walk(
    command: click.Command, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], click.Command]]:
    """Every command and subcommand of the group, with the words that name it."""
    yield path, command
    if isinstance(command, click.Group):
        for name in sorted(command.commands):
            yield from walk(command.commands[name], (*path, name))


COMMANDS = list(walk(cli))


def readme_commands() -> list[str]:
    """The first cell of each row of the README's commands table, without backticks."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Commands\n", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `advocacy")]
    return [row.split("|")[1].strip().strip("`") for row in rows]


@pytest.mark.parametrize(
    ("path", "command"), COMMANDS, ids=[" ".join(p) or "advocacy" for p, _ in COMMANDS]
)
def test_help_has_an_example(path: tuple[str, ...], command: click.Command) -> None:
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0, result.output
    found = re.search(r"^  Examples?:\n((?:    .+\n)+)", result.output, re.MULTILINE)
    assert found, f"advocacy {' '.join(path)} --help shows no Example: block"
    for example in found.group(1).splitlines():
        assert example.strip().startswith("advocacy"), example


@pytest.mark.parametrize(
    ("path", "command"), COMMANDS, ids=[" ".join(p) or "advocacy" for p, _ in COMMANDS]
)
def test_help_examples_parse(
    path: tuple[str, ...], command: click.Command, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every ``advocacy ...`` of an example names commands, options and choices that exist."""
    text = command.help or ""
    block = text.split("Example", 1)[1].split("\n", 1)[1] if "Example" in text else ""
    for words in commands(block):
        if words[0] == "advocacy":
            assert_advocacy_parses(words[1:], monkeypatch)


@pytest.mark.parametrize(
    "path", [p for p, c in COMMANDS if p and not isinstance(c, click.Group)], ids=" ".join
)
def test_every_command_is_in_the_readme(path: tuple[str, ...]) -> None:
    name = "advocacy " + " ".join(path)
    rows = readme_commands()
    assert any(row == name or row.startswith(name + " ") for row in rows), (
        f"{name} is missing from the README's commands table"
    )


def test_readme_names_no_command_that_does_not_exist() -> None:
    known = {"advocacy " + " ".join(p) for p, _ in COMMANDS if p}
    for row in readme_commands():
        assert any(row == name or row.startswith(name + " ") for name in known), row


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_script(shell: str) -> None:
    """``_ADVOCACY_COMPLETE=<shell>_source advocacy`` prints the script the README sources."""
    env = {**os.environ, "_ADVOCACY_COMPLETE": f"{shell}_source"}
    done = subprocess.run([str(ADVOCACY)], env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "_ADVOCACY_COMPLETE" in done.stdout
    assert f"{shell}_complete" in done.stdout


def test_completing_a_command_name() -> None:
    """What the bash script asks for ``advocacy bu<TAB>``: the ``build`` command."""
    env = {
        **os.environ,
        "_ADVOCACY_COMPLETE": "bash_complete",
        "COMP_WORDS": "advocacy bu",
        "COMP_CWORD": "1",
    }
    done = subprocess.run([str(ADVOCACY)], env=env, capture_output=True, text=True, check=False)
    assert done.stdout.split() == ["plain,build"]


@pytest.mark.parametrize(
    ("words", "incomplete", "expected"),
    [
        ([], "gl", ["glossary"]),
        (["glossary"], "ex", ["export"]),
        (["check"], "--fo", ["--format"]),
        (["check", "--format"], "s", ["sarif"]),
        (["stats", "--format"], "", ["table", "json"]),
    ],
)
def test_completions(words: list[str], incomplete: str, expected: list[str]) -> None:
    completer = BashComplete(cli, {}, "advocacy", "_ADVOCACY_COMPLETE")
    offered = [item.value for item in completer.get_completions(words, incomplete)]
    assert offered == expected


def test_choice_copies_match_the_libraries() -> None:
    from toolkit import cli as module
    from toolkit.glossary.export import FORMATS as GLOSSARY_FORMATS
    from toolkit.report import FORMATS
    from toolkit.review import EDITORS

    assert module.CHECK_FORMATS == FORMATS
    assert module.GLOSSARY_FORMATS == GLOSSARY_FORMATS
    assert module.REPORT_EDITORS == EDITORS


def test_command_line_starts_without_the_libraries() -> None:
    """--help and shell completion (a process per TAB) load no checks, build or glossary."""
    code = "import sys, toolkit.cli; print(' '.join(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(done.stdout.split())
    heavy = {"toolkit.checks", "toolkit.build", "toolkit.glossary", "jinja2", "weasyprint", "babel"}
    assert not loaded & heavy, sorted(loaded & heavy)
