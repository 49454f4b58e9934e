"""Interrupted and concurrent runs: kill -9 at random moments, two writers, a translator's save.

The kill loops start ``advocacy update`` (and ``convert``) as real child processes on a copy of
the shipped workspace whose sources changed, kill each at a random moment with SIGKILL, and
check that every catalogue is byte for byte either as it was or as a full run makes it.
``ADVOCACY_KILLS`` sets how many kills each loop makes (default: 25 for update, 15 for
convert, which keeps both under 30 seconds); ``ADVOCACY_KILL_SEED`` the random seed.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

import toolkit.convert
import toolkit.update
from toolkit import fsutil
from toolkit.catalog.reader import read_catalog
from toolkit.catalog.writer import write_catalog
from toolkit.cli import cli
from toolkit.extract import extract
from toolkit.fsutil import ChangedOnDisk, remove_stale_temporaries, write_if_changed
from toolkit.lock import LOCK_NAME, Locked, lock_timeout, workspace_lock
from toolkit.update import update
from toolkit.workspace import Workspace

REPOSITORY = Path(__file__).resolve().parents[1]
SEED = int(os.environ.get("ADVOCACY_KILL_SEED", "20240909"))
Snapshot = dict[str, bytes]


def copy_shipped(root: Path) -> Path:
    """The shipped workspace (source texts and catalogues) in ``root``."""
    root.mkdir(parents=True)
    for name in ("source_texts", "locales"):
        shutil.copytree(REPOSITORY / name, root / name)
    return root


def revise_sources(root: Path) -> None:
    """Change every source so that ``update`` has a catalogue to rewrite for each, then
    extract the new templates."""
    for path in sorted((root / "source_texts").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        # One heading edited (a fuzzy match) and one paragraph added (a new message).
        text = re.sub(r"^(#+ .+)$", r"\1 (revised)", text, count=1, flags=re.M)
        path.write_text(text + "\nA paragraph added after the catalogues were made.\n", "utf-8")
    workspace = Workspace.open(root)
    extract(workspace.documents(), workspace.settings)


def catalogues(root: Path) -> Snapshot:
    """Every catalogue's bytes, by path relative to ``root``."""
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted((root / "locales").glob("*/LC_MESSAGES/*.po"))
    }


def restore(root: Path, snapshot: Snapshot) -> None:
    """Put the catalogues back as ``snapshot`` has them (missing ones removed); leftover
    temporary files of killed runs are left where they are on purpose."""
    for name in catalogues(root).keys() - snapshot.keys():
        (root / name).unlink()
    for name, data in snapshot.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)


def temporaries(root: Path) -> list[Path]:
    return sorted(path for path in root.rglob("*") if fsutil.is_temporary(path.name))


def advocacy(root: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "toolkit", "--root", str(root), *args]


def full_run(root: Path, *args: str) -> tuple[float, float, float]:
    """Run the command to its end: how long it took, and when (seconds after its start) it
    wrote its first and its last catalogue."""
    started = time.time()
    done = subprocess.run(advocacy(root, *args), capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    duration = time.time() - started
    written = [
        path.stat().st_mtime - started
        for path in (root / "locales").glob("*/LC_MESSAGES/*.po")
        if path.stat().st_mtime >= started
    ]
    return duration, min(written, default=0.0), max(written, default=duration)


def kill_loop(
    root: Path, args: tuple[str, ...], before: Snapshot, after: Snapshot, kills: int
) -> Counter[str]:
    """Start the command ``kills`` times, SIGKILL it at a random moment, check every file.

    The command reads and merges everything first, then writes its catalogues in a few
    milliseconds: the window where a kill could leave half a file. So a third of the kills
    come at a random moment of a whole run, a third at a random moment around the time a full
    run wrote, and a third a random instant after the first sign of writing (a temporary file
    or a catalogue changed) is seen.
    """
    assert before != after, "the command must have work to do"
    duration, first, last = full_run(root, *args)
    assert catalogues(root) == after
    chance = random.Random(SEED)
    seen: Counter[str] = Counter()
    for trial in range(kills):
        restore(root, before)
        leftovers = set(temporaries(root))
        signature = _signature(root)
        child = subprocess.Popen(
            advocacy(root, *args), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        if trial % 3 == 0:
            time.sleep(chance.uniform(0.0, 1.1 * duration))
        elif trial % 3 == 1:
            time.sleep(chance.uniform(0.8 * first, last + 0.2 * (last - first) + 0.01))
        else:
            _wait_for_writing(root, signature, leftovers, child, deadline=5 * duration)
            time.sleep(chance.uniform(0.0, last - first))
        child.send_signal(signal.SIGKILL)
        status = child.wait()
        seen["killed" if status == -signal.SIGKILL else "finished"] += 1
        now = catalogues(root)
        assert now.keys() <= after.keys(), f"unexpected files: {now.keys() - after.keys()}"
        for name in after:
            if now.get(name) == before.get(name):
                seen["old"] += 1
            elif now.get(name) == after[name]:
                seen["new"] += 1
            else:
                pytest.fail(f"kill {trial}: {name} is neither as it was nor as it should be")
        states = {now.get(name) == after[name] for name in after if before.get(name) != after[name]}
        if states == {True, False}:
            seen["kills with some catalogues written, others not"] += 1
        if set(temporaries(root)) - leftovers:
            seen["kills between a temporary file and its rename"] += 1
    # A run after all those kills ends as an uninterrupted one, with no temporary file left.
    restore(root, before)
    full_run(root, *args)
    assert catalogues(root) == after
    assert temporaries(root) == []
    return seen


def _signature(root: Path) -> dict[str, tuple[int, int]]:
    return {
        path.as_posix(): (path.stat().st_mtime_ns, path.stat().st_size)
        for path in (root / "locales").glob("*/LC_MESSAGES/*.po")
    }


def _wait_for_writing(
    root: Path,
    signature: dict[str, tuple[int, int]],
    leftovers: set[Path],
    child: subprocess.Popen[bytes],
    deadline: float,
) -> None:
    """Return as soon as the child starts writing (or ends, or ``deadline`` seconds pass)."""
    folders = sorted((root / "locales").glob("*/LC_MESSAGES"))
    give_up = time.monotonic() + deadline
    while child.poll() is None and time.monotonic() < give_up:
        for folder in folders:
            for entry in os.scandir(folder):
                if fsutil.is_temporary(entry.name):
                    if Path(entry.path) not in leftovers:
                        return
                else:
                    stat = entry.stat()
                    if signature.get(entry.path) != (stat.st_mtime_ns, stat.st_size):
                        return


def kills(default: int) -> int:
    return int(os.environ.get("ADVOCACY_KILLS", default))


def test_update_killed_at_any_moment(tmp_path: Path) -> None:
    root = copy_shipped(tmp_path / "campaign")
    revise_sources(root)
    before = catalogues(root)
    expected = copy_shipped(tmp_path / "expected")
    revise_sources(expected)
    update(Workspace.open(expected))
    after = catalogues(expected)
    seen = kill_loop(root, ("update",), before, after, kills(25))
    print(f"\nupdate kill loop: {dict(seen)}")
    assert seen["old"] + seen["new"] == len(after) * kills(25)


def test_convert_killed_at_any_moment(tmp_path: Path) -> None:
    root = copy_shipped(tmp_path / "campaign")
    traditional = sorted((root / "locales/zh_Hant/LC_MESSAGES").glob("*.po"))
    # Half the Traditional catalogues missing (convert creates them), half emptied (it fills).
    for index, path in enumerate(traditional):
        if index % 2:
            path.unlink()
        else:
            catalogue = read_catalog(path)
            for entry in catalogue:
                entry.msgstr = ""
            write_catalog(path, catalogue)
    before = catalogues(root)
    expected = tmp_path / "expected"
    shutil.copytree(root, expected)
    full_run(expected, "convert", "zh_Hans", "zh_Hant")
    after = catalogues(expected)
    seen = kill_loop(root, ("convert", "zh_Hans", "zh_Hant"), before, after, kills(15))
    print(f"\nconvert kill loop: {dict(seen)}")
    assert seen["old"] + seen["new"] == len(after) * kills(15)


# Temporary files ------------------------------------------------------------------------------


def test_temporary_names_are_never_taken_for_catalogues_or_sources(tmp_path: Path) -> None:
    """A killed run's leftovers, garbage inside, are hidden ``.tmp`` files every command
    ignores; the next write of their target removes them (their process is gone)."""
    root = copy_shipped(tmp_path / "campaign")
    dead = 4_000_000_000  # above any pid_max: a process that is surely gone
    leftovers = [
        root / f"locales/zh_Hans/LC_MESSAGES/.urgent-action-2024.po.{dead}.x1y2.tmp",
        root / f"locales/.urgent-action-2024.pot.{dead}.x1y2.tmp",
        root / f"source_texts/.urgent-action-2024.md.{dead}.x1y2.tmp",
    ]
    for path in leftovers:
        path.write_bytes(b'msgid "half a fi')
    for pattern in ("*.po", "*.pot", "*.md", "*.txt", "*/LC_MESSAGES/*.po", "**/*.po"):
        assert not [p for p in root.rglob(pattern) if fsutil.is_temporary(p.name)], pattern
    runner = CliRunner()
    for args in (["check", "--no-cache"], ["stats"], ["extract"], ["update"]):
        result = runner.invoke(cli, ["--root", str(root), *args])
        assert result.exit_code in (0, 1), result.output
        assert ".tmp" not in result.output, args
    assert all(path.exists() for path in leftovers)  # nothing was rewritten: still there
    catalogue = root / "locales/zh_Hans/LC_MESSAGES/urgent-action-2024.po"
    assert write_if_changed(catalogue, catalogue.read_text(encoding="utf-8") + "\n")
    assert not leftovers[0].exists()


def test_a_live_writers_temporary_file_is_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "x.po"
    alive = tmp_path / f".x.po.{os.getppid()}.abcd.tmp"  # our parent: alive
    ours = tmp_path / f".x.po.{os.getpid()}.abcd.tmp"  # another thread of this process
    old_style = tmp_path / ".x.po.abcd1234.tmp"  # an older toolkit's name, fresh
    for path in (alive, ours, old_style):
        path.write_text("...", encoding="utf-8")
    assert remove_stale_temporaries(target) == []
    os.utime(old_style, (time.time() - 7200, time.time() - 7200))
    assert remove_stale_temporaries(target) == [old_style]


# Compare before rename ----------------------------------------------------------------------


def test_write_refuses_a_file_changed_since_it_was_read(tmp_path: Path) -> None:
    path = tmp_path / "x.po"
    path.write_bytes(b"translator's newer work")
    with pytest.raises(ChangedOnDisk, match="changed on disk"):
        write_if_changed(path, "stale merge", expected=b"what was read")
    assert path.read_bytes() == b"translator's newer work"
    with pytest.raises(ChangedOnDisk):
        write_if_changed(path, "stale merge", expected=None)  # it did not exist when read
    assert write_if_changed(path, "merge", expected=b"translator's newer work")
    assert not write_if_changed(path, "merge", expected=b"anything")  # nothing to change
    assert [p.name for p in tmp_path.iterdir()] == ["x.po"]


def test_write_refuses_a_save_landing_after_the_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The last look comes after the temporary file is written, just before the rename."""
    path = tmp_path / "x.po"
    path.write_bytes(b"old")
    real_fsync = os.fsync

    def save_meanwhile(fd: int) -> None:
        real_fsync(fd)
        path.write_bytes(b"saved by Poedit")

    monkeypatch.setattr(os, "fsync", save_meanwhile)
    with pytest.raises(ChangedOnDisk):
        write_if_changed(path, "new", expected=b"old")
    assert path.read_bytes() == b"saved by Poedit"
    assert [p.name for p in tmp_path.iterdir()] == ["x.po"]


@pytest.fixture
def revised(tmp_path: Path) -> Path:
    root = copy_shipped(tmp_path / "campaign")
    revise_sources(root)
    return root


def test_update_leaves_a_catalogue_saved_during_the_run(
    revised: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A translator saves one catalogue while update merges: that file keeps their save,
    the others are updated, and the command names the file and exits 2."""
    saved = revised / "locales/zh_Hans/LC_MESSAGES/urgent-action-2024.po"
    edit = saved.read_text(encoding="utf-8").replace('msgstr "', 'msgstr "【新】', 1)
    real = toolkit.update.format_catalog  # type: ignore[attr-defined]
    calls = 0

    def format_and_save(*args: object, **kwargs: object) -> str:
        nonlocal calls
        calls += 1
        if calls == 12:  # the last catalogue: every one was read, none is written yet
            saved.write_text(edit, encoding="utf-8")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("toolkit.update.format_catalog", format_and_save)
    result = CliRunner().invoke(cli, ["--root", str(revised), "update"])
    assert result.exit_code == 2
    assert result.stderr == (
        "locales/zh_Hans/LC_MESSAGES/urgent-action-2024.po: changed while updating;"
        " run advocacy update again\n"
    )
    assert saved.read_text(encoding="utf-8") == edit
    assert "12 catalogues, 11 written" in result.stdout  # the 11 others were updated
    monkeypatch.undo()
    again = CliRunner().invoke(cli, ["--root", str(revised), "update"])
    assert again.exit_code == 0, again.output
    assert "【新】" in saved.read_text(encoding="utf-8")  # the save survived the merge


def test_update_with_a_translator_saving_in_a_thread(revised: Path) -> None:
    """A real race: a thread keeps saving one catalogue while update runs. Whatever the
    timing, the file ends as the translator's last save or the merge of it, never the merge
    of an earlier save."""
    path = revised / "locales/zh_Hans/LC_MESSAGES/joint-statement-2023.po"
    original = path.read_text(encoding="utf-8")
    stop = threading.Event()
    saves: list[str] = []

    def translator() -> None:
        count = 0
        while not stop.is_set():
            count += 1
            text = f"# save {count}\n{original}"
            write_if_changed(path, text)
            saves.append(text)
            time.sleep(0.001)

    thread = threading.Thread(target=translator)
    thread.start()
    try:
        results = update(Workspace.open(revised))
    finally:
        stop.set()
        thread.join()
    [result] = [r for r in results if r.path == path]
    final = path.read_text(encoding="utf-8")
    if result.conflict:
        assert final == saves[-1]
    else:  # the merge of the last save, or the last save itself (made after the merge)
        marker = re.match(r"# save (\d+)\n", final)
        assert marker is not None and saves[-1].startswith(marker.group())


def test_convert_leaves_a_catalogue_saved_during_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = copy_shipped(tmp_path / "campaign")
    target = root / "locales/zh_Hant/LC_MESSAGES/urgent-action-2024.po"
    catalogue = read_catalog(target)
    for entry in catalogue:
        entry.msgstr = ""
    write_catalog(target, catalogue)
    emptied = target.read_bytes()
    real = toolkit.convert.format_catalog  # type: ignore[attr-defined]
    last = len(list((root / "locales").glob("*.pot")))  # one zh_Hant catalogue per template
    calls = 0

    def format_and_save(*args: object, **kwargs: object) -> str:
        nonlocal calls
        calls += 1
        if calls == last:  # every catalogue was read, none is written yet
            target.write_bytes(emptied + b"\n")  # the translator's save
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("toolkit.convert.format_catalog", format_and_save)
    result = CliRunner().invoke(cli, ["--root", str(root), "convert", "zh_Hans", "zh_Hant"])
    assert result.exit_code == 2
    assert result.stderr == (
        "locales/zh_Hant/LC_MESSAGES/urgent-action-2024.po: changed while converting;"
        " run advocacy convert again\n"
    )
    assert target.read_bytes() == emptied + b"\n"


# The workspace lock ---------------------------------------------------------------------------

HOLD = """
import sys, time
from pathlib import Path
from toolkit.lock import workspace_lock
with workspace_lock(Path(sys.argv[1]), command="update"):
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def hold_lock(root: Path, seconds: float) -> subprocess.Popen[str]:
    """Another process holding the workspace lock for ``seconds``."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(root), str(seconds)], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
    return holder


@pytest.mark.parametrize(
    "command",
    [["update"], ["extract"], ["convert", "zh_Hans", "zh_Hant"], ["build", "--format", "md"]],
)
def test_a_second_writer_gives_up_naming_the_holder(revised: Path, command: list[str]) -> None:
    before = catalogues(revised)
    holder = hold_lock(revised, 30)
    try:
        started = time.monotonic()
        done = subprocess.run(
            advocacy(revised, *command),
            capture_output=True,
            text=True,
            env={**os.environ, "ADVOCACY_LOCK_TIMEOUT": "0.5"},
            check=False,
        )
        waited = time.monotonic() - started
    finally:
        holder.kill()
        holder.wait()
    assert done.returncode == 2
    assert done.stderr == (
        f"{revised / LOCK_NAME}: another advocacy command (pid {holder.pid}, update) is writing"
        " this workspace; gave up after 0.5 s (set ADVOCACY_LOCK_TIMEOUT to wait longer)\n"
    )
    assert waited >= 0.5
    assert catalogues(revised) == before
    assert not (revised / "build").exists()


def test_a_second_writer_waits_for_the_first(revised: Path) -> None:
    holder = hold_lock(revised, 1.0)
    done = subprocess.run(
        advocacy(revised, "update"),
        capture_output=True,
        text=True,
        env={**os.environ, "ADVOCACY_LOCK_TIMEOUT": "20"},
        check=False,
    )
    holder.wait()
    assert done.returncode == 0, done.stderr
    assert "12 catalogues, 12 written" in done.stdout


def test_two_updates_at_once_serialise(revised: Path, tmp_path: Path) -> None:
    """Two real updates started together: one writes, the other waits and finds nothing to do;
    the result is a single update's."""
    expected = copy_shipped(tmp_path / "expected")
    revise_sources(expected)
    update(Workspace.open(expected))
    runs = [
        subprocess.Popen(advocacy(revised, "update"), stdout=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    outputs = sorted(run.communicate()[0].splitlines()[-1] for run in runs)
    assert [run.returncode for run in runs] == [0, 0]
    assert outputs == ["12 catalogues, 0 written", "12 catalogues, 12 written"]
    assert catalogues(revised) == catalogues(expected)


def test_readers_take_no_lock(revised: Path) -> None:
    holder = hold_lock(revised, 30)
    try:
        env = {**os.environ, "ADVOCACY_LOCK_TIMEOUT": "0"}
        for args in (["stats"], ["check", "--no-cache"], ["extract", "--check"]):
            done = subprocess.run(
                advocacy(revised, *args), capture_output=True, text=True, env=env, check=False
            )
            assert "advocacy command" not in done.stderr, args
    finally:
        holder.kill()
        holder.wait()


def test_the_lock_is_released_when_its_holder_is_killed(tmp_path: Path) -> None:
    holder = hold_lock(tmp_path, 60)
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    assert (tmp_path / LOCK_NAME).read_text(encoding="utf-8") == f"{holder.pid} update\n"
    with workspace_lock(tmp_path, timeout=0) as path:  # taken over at once
        assert path.read_text(encoding="utf-8") == f"{os.getpid()}\n"
    assert not path.exists()  # a run leaves nothing behind


def test_the_lock_is_not_reentrant_across_descriptors(tmp_path: Path) -> None:
    """flock belongs to the open file: a second open in one process waits like another."""
    with (
        workspace_lock(tmp_path),
        pytest.raises(Locked, match=rf"pid {os.getpid()}"),
        workspace_lock(tmp_path, timeout=0.1),
    ):
        pass


def test_a_lock_file_that_is_a_link_is_refused(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    (tmp_path / LOCK_NAME).symlink_to(victim)
    with pytest.raises(Exception, match="symbolic link"), workspace_lock(tmp_path):
        pass
    assert victim.read_text(encoding="utf-8") == "precious"


@pytest.mark.parametrize(
    ("value", "seconds"),
    [("", 10.0), ("2.5", 2.5), ("0", 0.0), ("nan", None), ("-1", None), ("soon", None)],
)
def test_lock_timeout_setting(value: str, seconds: float | None) -> None:
    environ = {"ADVOCACY_LOCK_TIMEOUT": value}
    if seconds is None:
        with pytest.raises(Exception, match="ADVOCACY_LOCK_TIMEOUT must be a number"):
            lock_timeout(environ)
    else:
        assert lock_timeout(environ) == seconds
