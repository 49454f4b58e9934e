"""``advocacy check`` over the real corpus against msgfmt and pofilter: times, ratios, memory.

Run: ``.venv/bin/python benchmarks/check.py [CORPUS]``. pofilter (translate-toolkit) is
installed in the benchmark's own environment, ``benchmarks/.venv-pofilter``, on first use.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from editor import compile_toolkit  # this folder's benchmark of one catalogue

HERE = Path(__file__).resolve().parent
CORPUS = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parents[1] / "shared" / "corpus"
ADVOCACY = Path(sys.executable).parent / "advocacy"
POFILTER_ENV = HERE / ".venv-pofilter"


def tree_rss(pid: int) -> int:
    """Resident memory of a process and all its descendants, in bytes."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/statm") as handle:
                total += int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
            with open(f"/proc/{current}/task/{current}/children") as handle:
                stack.extend(int(child) for child in handle.read().split())
        except (OSError, ValueError):
            continue
    return total


def timed(command: list[str], env: dict[str, str] | None = None) -> tuple[float, int, str]:
    """Wall time, peak memory of the process tree and stdout of one command."""
    peak = 0
    start = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True
    )

    def sample() -> None:
        nonlocal peak
        while process.poll() is None:
            peak = max(peak, tree_rss(process.pid))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample)
    sampler.start()
    out, _ = process.communicate()
    sampler.join()
    return time.perf_counter() - start, peak, out


def cpu_seconds(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU time (user + system of the command and its children)."""
    before = os.times()
    start = time.perf_counter()
    subprocess.run(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False
    )
    after = os.times()
    cpu = (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )
    return time.perf_counter() - start, cpu


def msgfmt_time(files: list[Path]) -> float:
    start = time.perf_counter()
    for path in files:
        subprocess.run(
            ["msgfmt", "--check-format", "-o", "/dev/null", str(path)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
    return time.perf_counter() - start


def pofilter_time() -> float | None:
    pofilter = POFILTER_ENV / "bin" / "pofilter"
    if not pofilter.exists():
        subprocess.run([sys.executable, "-m", "venv", str(POFILTER_ENV)], check=True)
        installed = subprocess.run(
            [str(POFILTER_ENV / "bin" / "pip"), "install", "-q", "translate-toolkit"], check=False
        )
        if installed.returncode != 0:
            return None
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        subprocess.run(
            [str(pofilter), "--progress=none", "-i", str(CORPUS), "-o", out],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
        return time.perf_counter() - start


def main() -> None:
    files = sorted(p for p in CORPUS.rglob("*") if p.suffix in (".po", ".pot"))
    cache = Path(tempfile.mkdtemp(prefix="advocacy-bench-cache-"))
    env = {**os.environ, "ADVOCACY_CACHE_DIR": str(cache)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # bytecode written, as on a user's machine
    compile_toolkit()
    command = [str(ADVOCACY), "check", "--format", "json", str(CORPUS)]
    try:
        cold, cold_peak, out = timed(command, env)
        warm, warm_peak, _ = timed(command, env)
        wall, cpu = cpu_seconds([str(ADVOCACY), "check", "--no-cache", str(CORPUS)], env)
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    summary = out[out.rfind('"summary"') :].replace("\n", " ")
    reference = msgfmt_time(files)
    pofilter = pofilter_time()
    print(f"corpus: {len(files)} files; {summary}")
    print(f"msgfmt --check-format, a process per file: {reference:.2f} s")
    print(
        f"advocacy check, cold:  {cold:.2f} s = {cold / reference:.2f}x msgfmt,"
        f" peak memory {cold_peak / 2**20:.0f} MB"
    )
    print(
        f"advocacy check, warm:  {warm:.2f} s = {warm / reference:.2f}x msgfmt,"
        f" peak memory {warm_peak / 2**20:.0f} MB"
    )
    print(f"cores used (cold, no cache): CPU {cpu:.2f} s over wall {wall:.2f} s = {cpu / wall:.2f}")
    if pofilter is None:
        print("pofilter: could not be installed")
    else:
        print(f"pofilter (default checks): {pofilter:.2f} s = {pofilter / reference:.2f}x msgfmt")


if __name__ == "__main__":
    main()
