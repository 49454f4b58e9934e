"""The workspace lock: one writing command at a time, on ``<root>/.advocacy.lock``.

``extract``, ``update``, ``convert`` and ``build`` hold it while they read and write, so two of
them never interleave: the second waits (``ADVOCACY_LOCK_TIMEOUT`` seconds, 10 by default),
then gives up naming the process that holds it. The lock is an advisory ``flock``: the kernel
releases it when its holder exits, however it exits (even ``kill -9``), so a crash never leaves
the workspace locked (at worst the file stays, and the next run takes it over). Commands that
only read (``check``, ``stats``) take no lock: every write is an atomic rename, so they see
each file whole, before or after.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from toolkit.errors import InputError

LOCK_NAME = ".advocacy.lock"
TIMEOUT_VARIABLE = "ADVOCACY_LOCK_TIMEOUT"
DEFAULT_TIMEOUT = 10.0
_POLL = 0.05


class Locked(InputError):
    """Another command held the workspace lock for longer than the wait allowed."""


def lock_timeout(environ: dict[str, str] | None = None) -> float:
    """Seconds to wait for the lock: ``ADVOCACY_LOCK_TIMEOUT``, else 10."""
    value = (os.environ if environ is None else environ).get(TIMEOUT_VARIABLE, "").strip()
    if not value:
        return DEFAULT_TIMEOUT
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not seconds >= 0:  # also refuses nan
        message = f"{TIMEOUT_VARIABLE} must be a number of seconds >= 0; got {value!r}"
        raise InputError(None, None, message)
    return seconds


@contextmanager
def workspace_lock(
    root: Path, *, command: str = "", timeout: float | None = None
) -> Iterator[Path]:
    """Hold the lock of the workspace at ``root`` for the ``with`` block.

    Waits up to ``timeout`` seconds (default: ``lock_timeout()``), then raises ``Locked``.
    The lock file holds the holder's pid and command while it runs, and is removed when it
    ends (still locked, so that no waiter is left holding a lock on a removed file: a waiter
    that gets the lock of a file no longer there starts again on the new one). A run leaves
    nothing behind, so a workspace needs no ignore rule for it; a killed run leaves the file,
    which the next run takes over.
    """
    path = root / LOCK_NAME
    wait = lock_timeout() if timeout is None else timeout
    deadline = time.monotonic() + wait
    while True:
        fd = _open(path)
        try:
            _acquire(fd, path, wait, deadline)
        except BaseException:
            os.close(fd)
            raise
        if _still_there(fd, path):
            break
        os.close(fd)
    try:
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()} {command}".strip().encode() + b"\n")
        yield path
    finally:
        with contextlib.suppress(OSError):
            path.unlink()
        os.close(fd)  # closing the last descriptor releases the lock


def _still_there(fd: int, path: Path) -> bool:
    """Whether ``path`` is still the file ``fd`` locked (its holder may have removed it)."""
    try:
        named = os.stat(path, follow_symlinks=False)
    except FileNotFoundError:
        return False
    held = os.fstat(fd)
    return (named.st_dev, named.st_ino) == (held.st_dev, held.st_ino)


def _open(path: Path) -> int:
    # O_NOFOLLOW: a lock "file" committed as a symbolic link must not make us truncate its target.
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        return os.open(path, flags, 0o644)
    except OSError as error:
        if error.errno == errno.ELOOP:
            message = "is a symbolic link; remove it (the lock is a plain file)"
            raise InputError(path, None, message) from None
        raise InputError(path, None, f"cannot open the workspace lock ({error.strerror})") from None


def _acquire(fd: int, path: Path, wait: float, deadline: float) -> None:
    while not _try_lock(fd):
        if time.monotonic() >= deadline:
            holder = _holder(path)  # the file now: the one this fd locks may be gone
            raise Locked(
                path,
                None,
                f"another advocacy command ({holder}) is writing this workspace;"
                f" gave up after {wait:g} s (set {TIMEOUT_VARIABLE} to wait longer)",
            )
        time.sleep(_POLL)


def _holder(path: Path) -> str:
    """``pid 1234, update`` as the holder wrote it in the lock file."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return "pid unknown"
    try:
        words = os.read(fd, 200).decode("utf-8", "replace").split()
    except OSError:
        words = []
    finally:
        os.close(fd)
    if not words or not words[0].isdigit():
        return "pid unknown"
    return ", ".join([f"pid {words[0]}", *words[1:2]])


if sys.platform == "win32":  # pragma: no cover - the toolkit is tested on Linux
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            os.lseek(fd, 1 << 20, os.SEEK_SET)  # a byte past the pid, which others read
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True
