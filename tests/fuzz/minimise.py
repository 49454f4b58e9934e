"""Shrink a crash file of a harness to a small input that fails at the same place.

    .venv/bin/python tests/fuzz/minimise.py segmenter fuzz-crashes/crash-1234 > small.bin

(``reader`` or ``segmenter``: the property functions of `properties`.)
"""

from __future__ import annotations

import importlib
import sys
import traceback
from collections.abc import Callable
from pathlib import Path

sys.argv, arguments = sys.argv[:1], sys.argv[1:]
sys.path.insert(0, str(Path(__file__).parent))


def place(test: Callable[[bytes], None], data: bytes) -> str | None:
    """Where ``data`` fails (as the harness names it), or None when it passes."""
    try:
        test(data)
    except Exception as error:
        if type(error).__name__ == "InputError":
            return None
        frame = traceback.extract_tb(error.__traceback__)[-1]
        return f"{type(error).__name__}@{frame.lineno}:{str(error)[:60]}"
    return None


def main() -> None:
    harness, crash = arguments
    test = getattr(importlib.import_module("properties"), harness)
    data = Path(crash).read_bytes()
    wanted = place(test, data)
    assert wanted is not None, "the input does not fail"
    chunk = len(data) // 2
    while chunk >= 1:
        start, shrunk = 0, False
        while start < len(data):
            candidate = data[:start] + data[start + chunk :]
            if place(test, candidate) == wanted:
                data, shrunk = candidate, True
            else:
                start += chunk
        if not shrunk:
            chunk //= 2
    sys.stdout.buffer.write(data)
    print(f"\n{wanted}", file=sys.stderr)


if __name__ == "__main__":
    main()
