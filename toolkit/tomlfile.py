"""Reading a TOML file with its problems reported as ``path:line: message``."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from toolkit.errors import InputError, line_at


def parse_toml(text: str, path: Path) -> dict[str, Any]:
    """The data of a TOML text; a syntax error is an ``InputError`` at its line."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        # Python 3.11's message ends "(at line N, column M)" or "(at end of document)"; later
        # versions add attributes.
        where = re.search(r"at line (\d+)", str(error))
        line = int(where.group(1)) if where else max(1, len(text.splitlines()))
        reason = str(error).split(" (at")[0]
        raise InputError(path, line, f"invalid TOML: {reason}") from None
    except RecursionError:  # tomllib reads nested arrays and tables by recursion
        line = _deepest_line(text)
        raise InputError(path, line, "invalid TOML: arrays or tables nested too deeply") from None


def _deepest_line(text: str) -> int:
    """The line where brackets and braces open deepest (strings aside: a rough guide)."""
    depth, deepest, line, number = 0, 0, 1, 1
    for char in text:
        if char == "\n":
            number += 1
        elif char in "[{":
            depth += 1
            if depth > deepest:
                deepest, line = depth, number
        elif char in "]}":
            depth -= 1
    return line


def read_toml(path: Path) -> tuple[str, dict[str, Any]]:
    """A TOML file's text and data; bad bytes and bad syntax are errors at their line."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(path, None, f"cannot read: {error.strerror}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = line_at(data, error.start)
        raise InputError(path, line, "not valid UTF-8 text (save the file as UTF-8)") from None
    return text, parse_toml(text, path)
