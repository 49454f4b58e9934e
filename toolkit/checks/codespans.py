"""Code spans of a text, found with string methods: runs of backticks paired as CommonMark does."""

from __future__ import annotations

from itertools import pairwise


def split_code(text: str) -> list[str]:
    """``text`` cut at its code spans: ``[text, code, text, ..., code, text]``, each code as
    written between its backticks (``code_ticks`` gives the length of their runs).

    A run of backticks opens a span that the next run of its length closes; a run with none is
    text. String methods only: the regular expressions would cost ten times more.
    """
    if "``" not in text:  # single backticks only: each closes the one before
        parts = text.split("`")
        if len(parts) % 2 == 0:  # an odd number: the last one is text
            parts[-2:] = [f"{parts[-2]}`{parts[-1]}"]
        return parts
    if "```" not in text:
        doubles = text.split("``")  # every "``" is a whole run: there is none longer
        if len(doubles) % 2:
            if text.count("`") == 2 * len(doubles) - 2:
                return doubles  # runs of two only, each closed by the next (``None``)
            if _singles_pair(doubles):
                # Each run is closed by the next (``None`` and :func:`len`): as runs of one,
                # they cut the text at the same places.
                return text.replace("``", "`").split("`")
    parts = text.split("`")
    # A part of the split that is not empty is text; "" between two backticks, a longer run.
    bounds = [0, *[index for index in range(1, len(parts) - 1) if parts[index]], len(parts) - 1]
    texts = [parts[index] for index in bounds]
    runs = [after - before for before, after in pairwise(bounds)]
    if len(runs) % 2 == 0 and runs[::2] == runs[1::2]:
        return texts  # each run closed by the next (most texts)
    return _pair_runs(runs, texts)


def _singles_pair(doubles: list[str]) -> bool:
    """Whether, in a text cut at its runs of two backticks (each closed by the next), the code
    between two such runs has no backtick and the single ones between spans pair up."""
    for index in range(1, len(doubles), 2):
        if doubles[index - 1].count("`") % 2 or "`" in doubles[index]:
            return False
    return doubles[-1].count("`") % 2 == 0


def code_ticks(text: str, pieces: list[str]) -> list[int]:
    """The length of each code span's runs of backticks in ``text`` cut as ``pieces``."""
    ticks = []
    at = len(pieces[0])  # where the next span's opening run starts
    for index in range(1, len(pieces), 2):
        run = at
        while text[run] == "`":
            run += 1
        ticks.append(run - at)
        at = run + len(pieces[index]) + (run - at) + len(pieces[index + 1])
    return ticks


def _pair_runs(runs: list[int], texts: list[str]) -> list[str]:
    """Code spans from runs of backticks and the texts around them (``len(runs) + 1``)."""
    pieces = [texts[0]]
    opening, last = 0, len(runs)
    while opening < last:
        length = runs[opening]
        closing = opening + 1
        while closing < last and runs[closing] != length:
            closing += 1
        if closing == last:  # no closing run: text
            pieces[-1] += "`" * length + texts[opening + 1]
            opening += 1
            continue
        inner = range(opening + 1, closing)
        pieces.append(texts[opening + 1] + "".join("`" * runs[i] + texts[i + 1] for i in inner))
        pieces.append(texts[closing + 1])
        opening = closing + 1
    return pieces
