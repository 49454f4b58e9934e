"""Suppressions in a catalogue: ``# advocacy: ignore[rule, ...] reason``, ``#, ignore-<name>``."""

from __future__ import annotations

import re
from dataclasses import dataclass

from toolkit.model import Pair

_COMMENT = re.compile(r"advocacy:\s*ignore\[([^\]]*)\]")


@dataclass(frozen=True)
class Suppression:
    """The rules one entry asks to ignore (codes or names as written) and where it asks."""

    line: int
    tokens: tuple[str, ...]
    flag: bool  # written as a Weblate-style ``#, ignore-<name>`` flag


def suppressions(pair: Pair) -> list[Suppression]:
    """Every suppression written on an entry."""
    found: list[Suppression] = []
    for match in _COMMENT.finditer(pair.tcomment):
        tokens = tuple(token.strip() for token in match.group(1).split(",") if token.strip())
        found.append(Suppression(pair.line, tokens, flag=False))
    flagged = tuple(
        sorted(flag[len("ignore-") :] for flag in pair.flags if flag.startswith("ignore-"))
    )
    if flagged:
        found.append(Suppression(pair.line, flagged, flag=True))
    return found
