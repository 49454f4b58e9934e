"""The one error type the library raises for bad input: a message tied to ``path:line``."""

from __future__ import annotations

from pathlib import Path


class InputError(Exception):
    """Bad input (a file, a setting, an option) that the user must fix.

    The CLI prints ``str(error)`` as one line and exits with status 2.
    """

    def __init__(self, path: Path | str | None, line: int | None, message: str) -> None:
        self.path = Path(path) if path is not None else None
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        if self.path is None:
            return self.message
        where = str(self.path) if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.message}"


def line_at(data: bytes, offset: int) -> int:
    """The line (from 1) of byte ``offset``, counting LF, CRLF and lone CR line ends alike."""
    head = data[:offset]
    return head.count(b"\n") + head.count(b"\r") - head.count(b"\r\n") + 1
