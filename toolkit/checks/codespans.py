"""Code spans of a text, found with string methods: runs of backticks paired as CommonMark does."""

from __future__ import annotations

from itertools import pairwise


def split_code(text: str) -> tuple[list[str], list[int]]:
    """``text`` cut at its code spans: ``[text, code, text, ..., code, text]``, each code as
    written between its backticks, and the length of each code span's backtick runs.

    A run of backticks opens a span that the next run of its length closes; a run with none is
    text. String methods only: the regular expressions would cost ten times more.
    """
    if "``" not in text:  # single backticks only: each closes the one before
        parts = text.split("`")
        if len(parts) % 2 == 0:  # an odd number: the last one is text
            parts[-2:] = [f"{parts[-2]}`{parts[-1]}"]
        return parts, [1] * (len(parts) // 2)
    if "```" not in text:
        doubled = _one_or_two(text)
        if doubled is not None:
            return doubled
    parts = text.split("`")
    # A part of the split that is not empty is text; "" between two backticks, a longer run.
    bounds = [0, *[index for index in range(1, len(parts) - 1) if parts[index]], len(parts) - 1]
    texts = [parts[index] for index in bounds]
    runs = [after - before for before, after in pairwise(bounds)]
    if len(runs) % 2 == 0 and runs[::2] == runs[1::2]:
        return texts, runs[::2]  # each run closed by the next (most texts)
    return _pair_runs(runs, texts)


def _one_or_two(text: str) -> tuple[list[str], list[int]] | None:
    """``split_code`` of a text whose runs of backticks each close the one before: runs of
    two around code without a backtick, and an even number of single ones between (most
    texts with a run of two: ``None`` and :func:`len`). None for any other text.
    """
    doubles = text.split("``")
    if len(doubles) % 2 == 0:
        return None
    if text.count("`") == 2 * len(doubles) - 2:  # no single backtick (``None`` only)
        return doubles, [2] * (len(doubles) // 2)
    pieces = doubles[0].split("`")
    if len(pieces) % 2 == 0:
        return None
    ticks = [1] * (len(pieces) // 2)
    for index in range(1, len(doubles), 2):
        code, singles = doubles[index], doubles[index + 1].split("`")
        if "`" in code or len(singles) % 2 == 0:
            return None
        pieces.append(code)
        pieces += singles
        ticks.append(2)
        ticks += [1] * (len(singles) // 2)
    return pieces, ticks


def _pair_runs(runs: list[int], texts: list[str]) -> tuple[list[str], list[int]]:
    """Code spans from runs of backticks and the texts around them (``len(runs) + 1``)."""
    pieces = [texts[0]]
    ticks: list[int] = []
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
        ticks.append(length)
        opening = closing + 1
    return pieces, ticks
