"""Times ``update_file`` against GNU ``msgmerge --previous`` on the real catalogues of the corpus.

Run as ``.venv/bin/python benchmarks/update.py [--profile] [--limit N]``. Every ``.po`` under
``../shared/corpus/`` gets a template made from its own active msgids with a tenth of them edited
(seeded: a word changed or inserted, a few entries deleted, a few added); then both tools merge
that template into a copy of the catalogue, in one run, and the script checks that ours lost no
translation.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from toolkit.catalog.merge import merge_catalog, update_file  # noqa: E402
from toolkit.catalog.reader import read_catalog  # noqa: E402
from toolkit.catalog.writer import format_catalog  # noqa: E402
from toolkit.errors import InputError  # noqa: E402
from toolkit.fsutil import write_if_changed  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
EDIT_SHARE = 0.10
EXAMPLES = 3  # differences from msgmerge shown in full


@dataclass(frozen=True)
class Job:
    """One catalogue to update: its template, the copy we update and its header values."""

    name: str
    old: Path
    pot: Path
    ours: Path
    language: str
    plural_forms: str


def edited_template(po: polib.POFile, rnd: random.Random) -> polib.POFile:
    """A template of ``po``'s active msgids, a tenth of them edited."""
    pot = polib.POFile()
    pot.metadata = {
        "Project-Id-Version": po.metadata.get("Project-Id-Version", "PACKAGE VERSION"),
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": "2026-01-01 00:00+0000",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
    }
    entries = [e for e in po if not e.obsolete]
    vocabulary = [w for e in entries[:200] for w in e.msgid.split()[:5] if w.isalpha()] or ["x"]
    keys: set[tuple[str | None, str]] = set()
    for entry in entries:
        msgid = entry.msgid
        if rnd.random() < EDIT_SHARE:
            action = rnd.random()
            if action < 0.15:
                continue  # deleted
            words = msgid.split(" ")
            at = rnd.randrange(len(words))
            if action < 0.6:
                words[at] = rnd.choice(vocabulary)
            else:
                words.insert(at, rnd.choice(vocabulary))
            msgid = " ".join(words)
        if rnd.random() < 0.01:
            _add(pot, keys, None, " ".join(rnd.choices(vocabulary, k=rnd.randint(3, 12))))
        _add(pot, keys, entry.msgctxt, msgid, entry)
    return pot


def _add(
    pot: polib.POFile,
    keys: set[tuple[str | None, str]],
    msgctxt: str | None,
    msgid: str,
    like: polib.POEntry | None = None,
) -> None:
    if (msgctxt, msgid) in keys or not msgid:
        return
    keys.add((msgctxt, msgid))
    plural = like.msgid_plural if like is not None else ""
    pot.append(
        polib.POEntry(
            msgctxt=msgctxt,
            msgid=msgid,
            msgid_plural=plural,
            msgstr_plural={0: "", 1: ""} if plural else {},
            comment=like.comment if like is not None else "",
            occurrences=list(like.occurrences) if like is not None else [],
            flags=[f for f in like.flags if f != "fuzzy"] if like is not None else [],
        )
    )


def prepare(work: Path, limit: int | None) -> tuple[list[Job], int]:
    """Copy the corpus into ``work`` and write an edited template beside each catalogue."""
    jobs: list[Job] = []
    entries = 0
    for number, source in enumerate(sorted(CORPUS.rglob("*.po"))[:limit]):
        name = str(source.relative_to(CORPUS))
        try:
            po = read_catalog(source)
        except InputError as error:
            print(f"skipped {name}: {error}", file=sys.stderr)
            continue
        entries += len(po)
        stem = work / f"{number:04d}"
        shutil.copyfile(source, stem.with_suffix(".old.po"))
        shutil.copyfile(source, stem.with_suffix(".ours.po"))
        template = edited_template(po, random.Random(name))
        stem.with_suffix(".pot").write_text(format_catalog(template), encoding="utf-8")
        plural_forms = po.metadata.get("Plural-Forms", "nplurals=1; plural=0;")
        language = po.metadata.get("Language") or "zh_CN"
        jobs.append(
            Job(
                name,
                stem.with_suffix(".old.po"),
                stem.with_suffix(".pot"),
                stem.with_suffix(".ours.po"),
                language,
                plural_forms,
            )
        )
    return jobs, entries


def run_ours(jobs: list[Job]) -> int:
    return sum(_update(job) for job in jobs)


def breakdown(jobs: list[Job]) -> dict[str, float]:
    """Seconds spent reading, merging, formatting and writing, over all files."""
    spent = dict.fromkeys(("read", "merge", "format", "write"), 0.0)
    for job in jobs:
        shutil.copyfile(job.old, job.ours)
        start = time.perf_counter()
        template, old = read_catalog(job.pot), read_catalog(job.ours)
        read = time.perf_counter()
        merged = merge_catalog(template, old, language=job.language, plural_forms=job.plural_forms)
        merge = time.perf_counter()
        text = format_catalog(merged)
        formatted = time.perf_counter()
        write_if_changed(job.ours, text)
        done = time.perf_counter()
        for name, seconds in zip(
            spent, (read - start, merge - read, formatted - merge, done - formatted), strict=True
        ):
            spent[name] += seconds
    return spent


def run_interleaved(jobs: list[Job]) -> tuple[float, float, int]:
    """Seconds of ours and of msgmerge, file by file in turn, so that load from other
    processes on the machine weighs on both alike; and how many files we wrote."""
    ours = gnu = 0.0
    written = 0
    for job in jobs:
        shutil.copyfile(job.old, job.ours)
        start = time.perf_counter()
        written += _update(job)
        middle = time.perf_counter()
        _msgmerge(job)
        ours, gnu = ours + middle - start, gnu + time.perf_counter() - middle
    return ours, gnu, written


def _update(job: Job) -> bool:
    return update_file(job.pot, job.ours, language=job.language, plural_forms=job.plural_forms)


def run_ours_parallel(jobs: list[Job], workers: int) -> int:
    # Largest first, so that no worker is left with a big file at the end.
    ordered = sorted(jobs, key=lambda job: job.old.stat().st_size, reverse=True)
    with ProcessPoolExecutor(workers) as pool:
        return sum(pool.map(_update, ordered, chunksize=4))


def _msgmerge(job: Job) -> None:
    out = job.old.with_suffix(".gnu.po")
    subprocess.run(
        ["msgmerge", "--previous", "-q", "-o", str(out), str(job.old), str(job.pot)], check=True
    )


def translations(po: polib.POFile) -> set[str]:
    found: set[str] = set()
    for entry in po:
        found.update(form for form in [entry.msgstr, *entry.msgstr_plural.values()] if form)
    return found


def audit(jobs: list[Job], suffix: str) -> tuple[int, int, int, int]:
    """Fuzzy and obsolete entries of the outputs, old translations missing from them, and
    outputs that ``msgfmt --check`` rejects."""
    fuzzy = obsolete = lost = rejected = 0
    for job in jobs:
        out = job.ours if suffix == "ours" else job.old.with_suffix(".gnu.po")
        merged = polib.pofile(str(out))
        fuzzy += sum(1 for e in merged if e.fuzzy and not e.obsolete)
        obsolete += sum(1 for e in merged if e.obsolete)
        lost += len(translations(polib.pofile(str(job.old))) - translations(merged))
        check = ["msgfmt", "--check", "-o", "/dev/null", str(out)]
        rejected += subprocess.run(check, capture_output=True, check=False).returncode != 0
    return fuzzy, obsolete, lost, rejected


def compare(jobs: list[Job]) -> dict[str, int]:
    """How our active entries differ from msgmerge's, entry by entry (same msgids, same order)."""
    kinds = {"same": 0, "ours not fuzzy (whitespace match)": 0, "other fuzzy source": 0, "other": 0}
    for job in jobs:
        ours = [e for e in polib.pofile(str(job.ours)) if not e.obsolete]
        gnu = [e for e in polib.pofile(str(job.old.with_suffix(".gnu.po"))) if not e.obsolete]
        assert [e.msgid for e in ours] == [e.msgid for e in gnu], job.name
        for mine, theirs in zip(ours, gnu, strict=True):
            same_text = (mine.msgstr, mine.msgstr_plural) == (theirs.msgstr, theirs.msgstr_plural)
            if same_text and mine.fuzzy == theirs.fuzzy:
                kinds["same"] += 1
            elif (
                same_text
                and theirs.fuzzy
                and " ".join(theirs.previous_msgid or "-").split() == mine.msgid.split()
            ):
                kinds["ours not fuzzy (whitespace match)"] += 1
            elif mine.fuzzy and theirs.fuzzy:
                kinds["other fuzzy source"] += 1
            else:
                kinds["other"] += 1
                if kinds["other"] <= EXAMPLES:
                    print(f"differs in {job.name}:\n ours:\n{mine}\n msgmerge:\n{theirs}")
    return kinds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="only the first N catalogues")
    parser.add_argument("--breakdown", action="store_true", help="time each stage of ours")
    parser.add_argument("--profile", action="store_true", help="profile our update instead")
    parser.add_argument("--workers", type=int, default=2, help="processes for the pooled run")
    parser.add_argument("--repeat", type=int, default=3, help="runs to take the median of")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="advocacy-bench-") as folder:
        work = Path(folder)
        jobs, entries = prepare(work, args.limit)
        print(f"{len(jobs)} files, {entries} entries")
        if args.breakdown:
            spent = breakdown(jobs)
            total = sum(spent.values())
            print(", ".join(f"{k} {v:.2f} s ({v / total:.0%})" for k, v in spent.items()))
            return
        if args.profile:
            profile = cProfile.Profile()
            profile.runcall(run_ours, jobs)
            pstats.Stats(profile).sort_stats("cumulative").print_stats(30)
            return
        runs = [run_interleaved(jobs) for _ in range(args.repeat)]
        ours = statistics.median(run[0] for run in runs)
        gnu = statistics.median(run[1] for run in runs)
        pooled_runs = []
        for _ in range(args.repeat):
            for job in jobs:
                shutil.copyfile(job.old, job.ours)
            start = time.perf_counter()
            run_ours_parallel(jobs, args.workers)
            pooled_runs.append(time.perf_counter() - start)
        pooled = statistics.median(pooled_runs)
        ours_counts = audit(jobs, "ours")
        gnu_counts = audit(jobs, "gnu")
        differences = compare(jobs)
        rewritten = run_ours(jobs)  # the same templates again: nothing may change
    print(f"medians of {args.repeat} runs, ours and msgmerge interleaved file by file")
    print(f"ours, one process:       {ours:6.2f} s  ({runs[0][2]} files written)")
    print(f"ours, {args.workers} processes:       {pooled:6.2f} s")
    print(f"msgmerge --previous:     {gnu:6.2f} s  (one process per file)")
    print(f"ratio ours/msgmerge:     {ours / gnu:6.2f} (one process), {pooled / gnu:.2f} (pooled)")
    for label, (fuzzy, obsolete, lost, bad) in (("ours", ours_counts), ("msgmerge", gnu_counts)):
        print(
            f"{label:9} fuzzy {fuzzy:6}  obsolete {obsolete:6}  old translations missing {lost}"
            f"  failing msgfmt --check {bad}"
        )
    print("active entries against msgmerge's:", differences)
    print(f"second update with the same templates rewrote {rewritten} files")
    if ours_counts[2] or rewritten:
        sys.exit("FAILED: our merge lost translations or is not idempotent")


if __name__ == "__main__":
    main()
