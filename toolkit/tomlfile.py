"""Reading a TOML file with its problems reported as ``path:line: message``."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from toolkit.errors import InputError


def parse_toml(text: str, path: Path) -> dict[str, Any]:
    """The data of a TOML text; a syntax error is an ``InputError`` at its line."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        # Python 3.11's message ends "(at line N, column M)"; later versions add attributes.
        where = re.search(r"at line (\d+)", str(error))
        reason = str(error).split(" (at")[0]
        raise InputError(
            path, int(where.group(1)) if where else None, f"invalid TOML: {reason}"
        ) from None


def read_toml(path: Path) -> tuple[str, dict[str, Any]]:
    """A TOML file's text and data; bad bytes and bad syntax are errors at their line."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InputError(path, line, "not valid UTF-8 text (save the file as UTF-8)") from None
    return text, parse_toml(text, path)
