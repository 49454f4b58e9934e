"""Atomic, change-only writes: nobody sees half a file; an unchanged file keeps its mtime.

A write goes to a hidden temporary file beside the target (``.<name>.<pid>.<random>.tmp``:
hidden, and ending in ``.tmp``, so no ``*.po``/``*.pot``/``*.md`` glob ever takes it for a
catalogue or a source), is flushed to disk, then renamed over the target. A process killed
half-way leaves the target as it was and, at worst, that temporary file: the next write of the
same target removes it once the process that made it is gone.
"""

from __future__ import annotations

import os
import re
import tempfile
import time
from pathlib import Path
from typing import Final

from toolkit.errors import InputError


class _Unset:
    """The default of ``expected``: write whatever the file holds now."""


ANY: Final = _Unset()
# A temporary file whose name gives no process (an older toolkit's) is stale after this long.
_STALE_SECONDS = 3600


class ChangedOnDisk(InputError):
    """The file no longer holds what the caller read: someone saved it in between."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, None, "changed on disk since it was read; not overwritten")


def write_if_changed(
    path: Path, text: str | bytes, *, expected: bytes | _Unset | None = ANY
) -> bool:
    """Write ``text`` (UTF-8, or bytes as they are) to ``path`` atomically unless it already
    holds exactly that.

    ``expected`` is what the caller read from ``path`` before computing ``text`` (None: the
    file did not exist). Just before the rename the file is read again, and when it no longer
    holds ``expected`` (a translator saved it meanwhile), nothing is written and
    ``ChangedOnDisk`` is raised: a stale result never replaces newer work. (A save landing in
    the instant between that last read and the rename cannot be told apart; the workspace lock
    keeps other ``advocacy`` runs out of that instant.)

    Returns True when the file was written.
    """
    data = text.encode("utf-8") if isinstance(text, str) else text
    current = read_snapshot(path)
    if current == data:
        return False
    if not isinstance(expected, _Unset) and current != expected:
        raise ChangedOnDisk(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(path)
    fd, tmp = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp"
    )
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, current_mode(path))
        if not isinstance(expected, _Unset) and read_snapshot(path) != expected:
            raise ChangedOnDisk(path)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


def write_cache_file(path: Path, text: str) -> None:
    """Write a cache file atomically (a temporary file, then a rename) but not flushed to disk.

    A cache entry is worth less than the time ``fsync`` takes: after a crash it may be missing
    or empty, and a cache reads such a file as absent. The temporary file is named by this
    process alone (no random name to draw, no folder to search for others' leftovers: a
    process killed while writing leaves one small file, which the next writer of the same
    entry from a process of that number overwrites).
    """
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
    except FileNotFoundError:  # the entry's folder is not there yet
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(text, encoding="utf-8")
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def read_snapshot(path: Path) -> bytes | None:
    """The bytes of ``path`` now, or None when it does not exist: the ``expected`` of a later
    ``write_if_changed``."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def current_mode(path: Path) -> int:
    """The permission bits a rewrite of ``path`` keeps (0o644 for a new file)."""
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        return 0o644


def is_temporary(name: str) -> bool:
    """Whether a file name is one of ``write_if_changed``'s temporary files."""
    return name.startswith(".") and name.endswith(".tmp")


def remove_stale_temporaries(path: Path) -> list[Path]:
    """Remove the temporary files that killed writers of ``path`` left beside it.

    A temporary file names the process that made it; it is stale when that process is gone
    (or, for a name without one, when it is older than an hour). Returns what was removed.
    """
    prefix = f".{path.name}."
    removed: list[Path] = []
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return removed
    for entry in entries:
        if not (entry.name.startswith(prefix) and entry.name.endswith(".tmp")):
            continue
        if _stale(entry.name[len(prefix) :], entry):
            try:
                os.unlink(entry.path)
            except FileNotFoundError:
                continue
            removed.append(Path(entry.path))
    return removed


_PID = re.compile(r"([0-9]+)\.[^.]+\.tmp")


def _stale(rest: str, entry: os.DirEntry[str]) -> bool:
    found = _PID.fullmatch(rest)
    if found is None:
        try:
            return time.time() - entry.stat(follow_symlinks=False).st_mtime > _STALE_SECONDS
        except OSError:
            return False
    pid = int(found.group(1))
    if pid == os.getpid() or pid == 0:  # 0 would ask about our own process group
        return False
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, OverflowError):  # gone, or a number no process can have
        return True
    except PermissionError:
        return False  # alive, another user's
    return False
