"""Shell command lines in documentation, taken apart to check that the commands they run exist."""

from __future__ import annotations

import re
import shlex

import click
import pytest
from click.testing import CliRunner

from toolkit.cli import cli

# xargs options that take a value (the command it runs follows the options).
XARGS_VALUES = {"-d", "-I", "-n", "-P", "-L", "-s", "-E", "-a", "--delimiter", "--max-args"}
OPERATORS = {"|", "||", "&&", ";", "&"}
REDIRECTIONS = {">", ">>", "<", "2>", "&>"}


def commands(script: str) -> list[list[str]]:
    """The simple commands of a shell script: their words, without redirections, variable
    assignments and comments; ``xargs CMD`` is given as ``CMD``."""
    found: list[list[str]] = []
    for line in script.replace("\\\n", " ").splitlines():
        lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
        lexer.whitespace_split = True
        lexer.commenters = "#"
        tokens = list(lexer)
        current: list[str] = []
        index = 0
        while index < len(tokens):
            token = tokens[index]
            if token in OPERATORS:
                found.append(current)
                current = []
            elif token in REDIRECTIONS:
                index += 1  # the file written or read
            elif current or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*=.*", token):
                current.append(token)
            index += 1
        found.append(current)
    return [_unwrapped(words) for words in found if words]


def _unwrapped(words: list[str]) -> list[str]:
    if words[0] != "xargs":
        return words
    index = 1
    while index < len(words) and words[index].startswith("-"):
        index += 2 if words[index] in XARGS_VALUES else 1
    return words[index:] or ["echo"]


def assert_advocacy_parses(arguments: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Run the command line's parser on ``arguments`` with every command's body replaced by a
    no-op: an unknown command, option or choice fails as it would for a user."""

    def neutralise(command: click.Command) -> None:
        monkeypatch.setattr(command, "callback", lambda *args, **kwargs: None)
        if isinstance(command, click.Group):
            for sub in command.commands.values():
                neutralise(sub)

    neutralise(cli)
    result = CliRunner().invoke(cli, arguments)
    assert result.exit_code == 0, f"advocacy {shlex.join(arguments)}: {result.output}"
