"""What both atheris harnesses share: bad input is fine, anything else is kept as a crash.

An input that makes the code under test raise anything but ``InputError`` (or break one of the
harness's properties) is written to the crash folder, named by the digest of where it failed,
and the run goes on: one session finds every distinct crash, not only the first. Hangs and
memory blow-ups still stop libFuzzer, which keeps them as ``timeout-*``/``oom-*`` artifacts.
"""

from __future__ import annotations

import functools
import hashlib
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path

from toolkit.errors import InputError

CRASHES = Path(os.environ.get("FUZZ_CRASHES", "fuzz-crashes"))


def guarded(test: Callable[[bytes], None]) -> Callable[[bytes], None]:
    """``test`` with bad-input errors checked and other exceptions kept as crash files."""

    @functools.wraps(test)
    def run(data: bytes) -> None:
        try:
            test(data)
        except InputError as error:
            text = str(error)
            if "\n" in text or "\r" in text or (error.line is not None and error.line < 1):
                _keep(data, "error-not-one-line", f"{text!r} (line {error.line})")
        except (MemoryError, KeyboardInterrupt):
            raise
        except BaseException as error:
            frames = traceback.extract_tb(error.__traceback__)
            where = frames[-1] if frames else None
            place = f"{type(error).__name__}@{where.filename}:{where.lineno}" if where else ""
            _keep(data, place, "".join(traceback.format_exception(error)))

    return run


def _keep(data: bytes, place: str, report: str) -> None:
    """Keep the smallest input failing at ``place``, and a few more (one property can fail for
    several reasons): ``crash-<place>`` and ``crash-<place>-<n>``."""
    digest = hashlib.sha1(place.encode()).hexdigest()[:12]
    CRASHES.mkdir(parents=True, exist_ok=True)
    target = CRASHES / f"crash-{digest}"
    first = not target.exists()
    if first or len(data) < target.stat().st_size:
        target.write_bytes(data)
        (CRASHES / f"crash-{digest}.txt").write_text(f"{place}\n{report}", encoding="utf-8")
    others = len(list(CRASHES.glob(f"crash-{digest}-*.bin")))
    if not first and others < _MORE:
        (CRASHES / f"crash-{digest}-{others}.bin").write_bytes(data)
    if first:
        print(f"\n== new crash {digest}: {place}", file=sys.stderr, flush=True)


_MORE = 20  # inputs kept per place beyond the smallest
