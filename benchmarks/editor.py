"""``advocacy check FILE.po`` as an editor runs it on save: one process per catalogue, timed.

Each catalogue is checked by a fresh ``advocacy`` process (a cold Python start, as an editor
plugin starts it), first with an empty result cache ("cold": what a save after an edit costs,
since results are cached per file content) and then again with that run's result cached
("warm": a save with no change). Wall time is what the user waits; CPU time (user + system of
the process) is steadier on a busy machine. The target is a wall time under 0.5 s per shipped
catalogue; the big real catalogues of ``../shared/corpus`` show how it scales.

Run: ``.venv/bin/python benchmarks/editor.py [--runs N] [--big N] [--corpus DIR]``.
Exit status 1 when a shipped catalogue's median is over the target.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
ADVOCACY = Path(sys.executable).parent / "advocacy"
TARGET = 0.5  # seconds: what an editor can run on every save without the user noticing


def once(path: Path, cache: Path, cwd: Path) -> tuple[float, float]:
    """Wall and CPU time of one ``advocacy check PATH`` process with ``cache`` as its cache."""
    env = {**os.environ, "ADVOCACY_CACHE_DIR": str(cache)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as on a user's machine: see compile_toolkit
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [str(ADVOCACY), "check", str(path)],
        cwd=cwd,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


Times = dict[str, list[float]]


def measure(path: Path, runs: int, cwd: Path) -> Times:
    """Cold (cache emptied before each run) and warm (cache filled by the cold run) times."""
    times: Times = {"cold": [], "cold cpu": [], "warm": [], "warm cpu": []}
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="advocacy-cache-") as folder:
            cache = Path(folder)
            for mode in ("cold", "warm"):
                wall, cpu = once(path, cache, cwd)
                times[mode].append(wall)
                times[f"{mode} cpu"].append(cpu)
    return times


def line(label: str, times: Times) -> str:
    cells = [
        f"{mode} {statistics.median(times[mode]):5.2f} / {max(times[mode]):5.2f}"
        f" (cpu {statistics.median(times[f'{mode} cpu']):4.2f})"
        for mode in ("cold", "warm")
    ]
    return f"{label}\n      " + "   ".join(cells)


def over(times: Times) -> bool:
    return max(statistics.median(times["cold"]), statistics.median(times["warm"])) > TARGET


def biggest(corpus: Path, count: int) -> list[Path]:
    """The ``count`` largest .po files of the corpus."""
    files = [path for path in corpus.rglob("*.po") if path.is_file()]
    return sorted(files, key=lambda path: path.stat().st_size, reverse=True)[:count]


def compile_toolkit() -> None:
    """Byte-compile the toolkit first, as installing it does (an editable install leaves it to
    the first run): otherwise every process of a machine with ``PYTHONDONTWRITEBYTECODE`` set
    would compile every module again, which no editor on a user's machine pays."""
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(ROOT / "toolkit")],
        env={k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
        check=True,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per catalogue and mode")
    parser.add_argument("--big", type=int, default=3, help="how many big corpus catalogues")
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = parser.parse_args()

    compile_toolkit()
    shipped = sorted(ROOT.glob("locales/*/LC_MESSAGES/*.po"))
    print(f"advocacy check FILE.po, {args.runs} runs each: wall seconds median / max (CPU median)")
    print("shipped campaign (checked inside its workspace):")
    total: Times = {"cold": [], "cold cpu": [], "warm": [], "warm cpu": []}
    slow: list[str] = []
    for path in shipped:
        times = measure(path.relative_to(ROOT), args.runs, ROOT)
        for mode, values in times.items():
            total[mode] += values
        label = path.relative_to(ROOT).as_posix()
        print("  " + line(label, times))
        if over(times):
            slow.append(label)
    print("  " + line("all shipped catalogues", total))
    if args.corpus.is_dir() and args.big > 0:
        print(f"big real catalogues ({args.corpus}, outside any workspace):")
        for path in biggest(args.corpus, args.big):
            times = measure(path, args.runs, path.parent)
            size = path.stat().st_size // 1024
            print("  " + line(f"{path.relative_to(args.corpus).as_posix()} ({size} KiB)", times))
    if slow:
        print(f"median over {TARGET} s: {', '.join(slow)}")
        return 1
    print(f"every shipped catalogue under {TARGET} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
