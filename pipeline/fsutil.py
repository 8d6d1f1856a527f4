"""Atomic writes: a file (or folder) is written under a temporary name beside its final one and
renamed into place, so whatever kills the process, readers find it whole or absent. A path
`-` is standard output (`write_or_stdout`) or standard input (`read_or_stdin`), as commands
take it."""
from __future__ import annotations

import hashlib
import os
import shutil
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator


def atomic_path(path: Path | str) -> Path:
    """The temporary name of `path` while it is written (`x.csv` -> `x.csv.tmp`)."""
    path = Path(path)
    return path.with_name(path.name + ".tmp")


@contextmanager
def atomic_open(path: Path | str, newline: str | None = None, fsync: bool = False,
                binary: bool = False) -> Iterator[IO]:
    """A UTF-8 text file (bytes with `binary`) opened for writing under its temporary name,
    renamed to `path` when the block ends without an exception (the temporary file is removed
    if it raises)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = atomic_path(path)
    try:
        with (open(tmp, "wb") if binary else open(tmp, "w", encoding="utf-8", newline=newline)) as f:
            yield f
            if fsync:
                f.flush()
                os.fsync(f.fileno())
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    tmp.replace(path)


@contextmanager
def atomic_dir(path: Path | str) -> Iterator[Path]:
    """A new, empty folder under the temporary name of `path` (what an earlier attempt left
    there is removed), renamed to `path` when the block ends without an exception; `path`
    itself must not exist then."""
    path = Path(path)
    tmp = atomic_path(path)
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    try:
        yield tmp
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    tmp.rename(path)


def write_text(path: Path | str, text: str) -> None:
    """Write `text` to `path` (UTF-8) atomically."""
    with atomic_open(path) as f:
        f.write(text)


def sha256_of(f: IO[bytes]) -> str:
    """The sha256 (hex) of the rest of a binary file object, read in chunks."""
    return hashlib.file_digest(f, "sha256").hexdigest()


def sha256_file(path: Path | str) -> str:
    """The sha256 (hex) of a file's bytes, read in chunks."""
    with open(path, "rb") as f:
        return sha256_of(f)


STDIO = "-"


def is_stdio(path) -> bool:
    return str(path) == STDIO


def write_or_stdout(path: Path | str, text: str) -> None:
    """`text` to `path` atomically, or to standard output when `path` is `-`."""
    if is_stdio(path):
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        write_text(path, text)


def read_or_stdin(path: Path | str) -> str:
    """A UTF-8 file's text, or standard input's when `path` is `-`."""
    if is_stdio(path):
        return sys.stdin.read()
    return Path(path).read_text(encoding="utf-8")
