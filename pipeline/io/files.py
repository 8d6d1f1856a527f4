"""Opening input files without trusting them: regular files only, bytes read up to a cap.

`stat` says 0 bytes for a FIFO, a device and a link to `/dev/zero`, and reading them blocks
forever or never ends; so an input is opened only if it is a regular file (checked before
opening, then again on the open descriptor, which a swap in between cannot fool), opened
non-blocking so that even a FIFO that slipped through returns at once, and read up to a
byte cap: the cap is per article (a file) or per record (a JSONL line), never per file, so a
JSONL file of any length still streams.
"""
from __future__ import annotations

import os
import stat
from typing import BinaryIO

_KINDS = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder"))


class NotRegularFile(OSError):
    """The input is a FIFO, a device, a socket or a folder (or a link to one)."""

    def __init__(self, what: str):
        super().__init__(f"not a regular file but {what}: only regular files are read")


def _refuse_unless_regular(mode: int) -> None:
    if stat.S_ISREG(mode):
        return
    what = next((name for test, name in _KINDS if test(mode)), "not a regular file")
    raise NotRegularFile(what)


def open_regular(path: str) -> BinaryIO:
    """A binary file object for a regular file; raises NotRegularFile or OSError, never blocks."""
    _refuse_unless_regular(os.stat(path).st_mode)   # follows links: a link to /dev/zero is refused
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags)
    try:
        _refuse_unless_regular(os.fstat(fd).st_mode)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def article_cap(max_chars: int) -> int:
    """Bytes a file may hold for an article of max_chars characters: 4 bytes a character
    (UTF-8, UTF-16) and a byte-order mark. A larger file is too_large without being read."""
    return 4 * max_chars + 4


def line_cap(max_chars: int) -> int:
    """Bytes a JSONL line may hold: a text of max_chars characters written with JSON escapes
    (up to 12 bytes a character: a surrogate pair) and 1 MiB of other fields."""
    return 12 * max_chars + (1 << 20)


def json_cap(max_chars: int) -> int:
    """Bytes a .json file may hold: it is parsed whole (JSONL streams, use it for more)."""
    return max(256 << 20, line_cap(max_chars))


def read_capped(f: BinaryIO, cap: int) -> bytes | None:
    """The rest of f if it is at most `cap` bytes, else None (and at most cap + 1 bytes read)."""
    raw = f.read(cap + 1)
    return raw if len(raw) <= cap else None


def read_line(f: BinaryIO, cap: int) -> tuple[bytes, int]:
    """The next line of f (with its `\\n`) and its length in bytes. A line longer than `cap`
    bytes is skipped in 1 MiB chunks, never held: it comes back as b"" with its length."""
    raw = f.readline(cap + 1)
    if len(raw) <= cap or raw.endswith(b"\n"):
        return raw, len(raw)
    size = len(raw)
    while True:
        chunk = f.readline(1 << 20)
        size += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return b"", size
