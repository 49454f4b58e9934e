"""Times our GNU-layout writer against polib's save and GNU msgcat on the real catalogues.

Run as ``.venv/bin/python benchmarks/write.py [--runs N] [--limit N]``. Every ``.po``/``.pot``
under ``../shared/corpus/`` is parsed once (ours and polib's, parse times shown too); then, in
each run, our ``format_catalog`` plus a plain file write, polib's ``save()``, and one
``msgcat -w 79`` process per file write the whole corpus to a scratch folder. Medians of the
runs; the three tools run interleaved so that machine load hits them alike.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import polib

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from toolkit.catalog.reader import read_catalog  # noqa: E402
from toolkit.catalog.writer import format_catalog  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
T = TypeVar("T")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--limit", type=int, default=0, help="only the first N files")
    options = parser.parse_args()
    files = sorted(p for p in CORPUS.rglob("*") if p.suffix in (".po", ".pot"))
    files = files[: options.limit] if options.limit else files
    if not files:
        sys.exit(f"no catalogues under {CORPUS}")
    times: dict[str, list[float]] = {"parse": [], "polib parse": []}
    for _ in range(options.runs):
        ours, took = _timed(lambda: [read_catalog(f) for f in files])
        times["parse"].append(took)
        theirs, took = _timed(lambda: [polib.pofile(str(f)) for f in files])
        times["polib parse"].append(took)
    entries = sum(len(c) for c in ours)
    times.update({"ours": [], "polib": [], "msgcat": []})
    with tempfile.TemporaryDirectory() as scratch:
        out = [Path(scratch) / f"{n}.po" for n in range(len(files))]
        for _ in range(options.runs):
            times["ours"].append(_timed(lambda: _write_ours(ours, out))[1])
            times["polib"].append(_timed(lambda: _write_polib(theirs, out))[1])
            times["msgcat"].append(_timed(lambda: _write_msgcat(files, out))[1])
    median = {name: statistics.median(values) for name, values in times.items()}
    print(f"files {len(files)}, entries {entries}, runs {options.runs} (medians)")
    parse, polib_parse = median["parse"], median["polib parse"]
    ratio = parse / polib_parse
    print(f"parse:  ours {parse:.2f} s, polib {polib_parse:.2f} s (ours/polib {ratio:.2f})")
    print(
        f"write:  ours {median['ours']:.2f} s, polib save {median['polib']:.2f} s, "
        f"msgcat {median['msgcat']:.2f} s (one process per file)"
    )
    print(
        f"ratio:  ours/polib {median['ours'] / median['polib']:.2f}, "
        f"ours/msgcat {median['ours'] / median['msgcat']:.2f}"
    )


def _timed(work: Callable[[], T]) -> tuple[T, float]:
    start = time.perf_counter()
    result = work()
    return result, time.perf_counter() - start


def _write_ours(catalogues: list[polib.POFile], out: list[Path]) -> None:
    for catalogue, path in zip(catalogues, out, strict=True):
        path.write_bytes(format_catalog(catalogue).encode("utf-8"))


def _write_polib(catalogues: list[polib.POFile], out: list[Path]) -> None:
    for catalogue, path in zip(catalogues, out, strict=True):
        catalogue.save(str(path))


def _write_msgcat(files: list[Path], out: list[Path]) -> None:
    for source, path in zip(files, out, strict=True):
        subprocess.run(["msgcat", "-w", "79", "-o", str(path), str(source)], check=True)


if __name__ == "__main__":
    main()
