"""One writer per OUT: an advisory `flock` on OUT/.depeche.lock, taken first thing in a run.

The kernel drops a `flock` when its process ends, however it ends (kill -9 included), so a
lock left by a dead run never blocks the next one: there is no stale-lock cleanup to get
wrong. The lock file holds the pid of the run that has it, for the refusal message; it is
never deleted (deleting a lock file someone else is about to lock would let two runs in).
Processes forked from the run (spaCy's workers) close their copy at once, so a run killed
while its workers linger does not keep its OUT locked.
"""
from __future__ import annotations

import fcntl
import os
from pathlib import Path

LOCK = ".depeche.lock"

_held: dict[str, int] = {}   # lock path -> descriptor, in this process


class Locked(RuntimeError):
    """Another process holds the lock; `pid` is the pid it wrote (0 if unknown)."""

    def __init__(self, path: Path, pid: int):
        super().__init__(f"{path} is locked by pid {pid or 'unknown'}")
        self.pid = pid


def acquire(out: Path) -> Path:
    """Lock OUT for this process (reentrant in one process); raises Locked, or OSError."""
    path = Path(out) / LOCK
    key = str(path.resolve())
    if key in _held:
        return path
    fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        pid = _read_pid(fd)
        os.close(fd)
        raise Locked(path, pid) from None
    except BaseException:
        os.close(fd)
        raise
    _held[key] = fd
    try:   # the pid is only for the message of a run refused: a full disk must not stop this one
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
    except OSError:
        pass
    return path


def release(out: Path) -> None:
    """Unlock OUT (the file stays, emptied)."""
    key = str((Path(out) / LOCK).resolve())
    fd = _held.pop(key, None)
    if fd is None:
        return
    try:
        os.ftruncate(fd, 0)
    except OSError:
        pass
    os.close(fd)   # closing the last descriptor drops the flock


def _read_pid(fd: int) -> int:
    try:
        return int(os.pread(fd, 32, 0).decode("ascii", "replace").strip() or 0)
    except (OSError, ValueError):
        return 0


def _close_in_child() -> None:
    for fd in _held.values():
        try:
            os.close(fd)
        except OSError:
            pass
    _held.clear()


os.register_at_fork(after_in_child=_close_in_child)
