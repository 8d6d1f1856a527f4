"""Find the input articles under INPUT and give each its article_id.

`discover` walks INPUT in sorted order without following links to folders and yields one
`Ref` per article: a file, or a record of a JSONL/JSON file (with its line or position and
byte offset). It never raises for one file: a file it cannot scan still gets a Ref, and
reading that Ref (pipeline.io.readers) says what is wrong in the article's row.

Ids are taken in SCHEMA.md's order (1.1), so keys are unique whatever the names: first every
file that is not JSONL/JSON, in path order (its path without extension; with it when two
files share that stem or the stem is taken); then the records of JSONL/JSON files in path
and line order (the record's `id`, else `<path>:<n>`); an id still taken gets `~2`, `~3`, ….
Names are escaped (pipeline.io.metadata) before they are ids, so ids are writable text.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from pipeline.io.decode import decode
from pipeline.io.files import json_cap, line_cap, open_regular, read_capped, read_line
from pipeline.io.metadata import escape_name, escape_text

SUFFIXES = {".txt": "txt", ".md": "md", ".jsonl": "jsonl", ".json": "json", ".html": "html", ".htm": "html"}
RECORDS = ("jsonl", "json")
DEFAULT_MAX_CHARS = 2_000_000
# a JSONL line longer than this is not parsed for its id (its row is `<path>:<n>`): fixed, so
# that ids depend on the input only, never on --max-chars
ID_LINE_CAP = line_cap(DEFAULT_MAX_CHARS)
# what depeche keeps in OUT besides its tables (the runner writes them), skipped when OUT is
# INPUT itself (OUT inside INPUT is skipped whole)
STATE = ".depeche"
RUN_JSON = "run.json"
OWN = {STATE, RUN_JSON}


@dataclass(frozen=True)
class Ref:
    article_id: str
    path: str              # relative to INPUT, `/`-separated, escaped (writable text)
    abspath: str           # as the OS names it, to open
    kind: str              # txt md jsonl json html
    line: int = 0          # JSONL line / JSON array position, from 1 (0 for a whole file)
    offset: int = -1       # byte offset of the JSONL line (-1: read the whole file)
    size: int = 0          # bytes of the JSONL line (0 for a whole file)


@dataclass
class Discovery:
    refs: list
    skipped: int = 0       # files of other types
    files: int = 0


def discover(input_path: Path | str, *, out: Path | str | None = None) -> Discovery:
    """Every article under INPUT (a folder or one file), ids taken in SCHEMA.md's order. A
    folder `out` inside INPUT is not input (depeche's own files in it are skipped when
    OUT is INPUT)."""
    root = Path(input_path)
    if root.is_dir():
        files = sorted(((p, _rel(p, root)) for p in _walk(root, _identity(out))), key=lambda x: x[1])
    else:
        files = [(root, escape_name(root.name))]
    chosen = [(p, rel) for p, rel in files if p.suffix.lower() in SUFFIXES]
    stems: dict[str, int] = {}
    for _, rel in chosen:
        stem = rel.rsplit(".", 1)[0]
        stems[stem] = stems.get(stem, 0) + 1
    ids = _Ids()
    refs = []
    for p, rel in chosen:     # plain files first
        kind = SUFFIXES[p.suffix.lower()]
        if kind not in RECORDS:
            stem = rel.rsplit(".", 1)[0]
            refs.append(Ref(ids.take(stem if stems[stem] == 1 else rel, rel), rel, str(p), kind))
    for p, rel in chosen:     # then records, by path and line
        kind = SUFFIXES[p.suffix.lower()]
        if kind in RECORDS:
            refs.extend(_record_refs(p, rel, kind, ids))
    return Discovery(refs, len(files) - len(chosen), len(chosen))


class _Ids:
    """Ids taken so far: the first free candidate, else the last one with `~2`, `~3`, …"""

    def __init__(self):
        self.taken: set[str] = set()

    def take(self, *candidates: str) -> str:
        aid = next((c for c in candidates if c not in self.taken), None)
        if aid is None:
            k = 2
            while f"{candidates[-1]}~{k}" in self.taken:
                k += 1
            aid = f"{candidates[-1]}~{k}"
        self.taken.add(aid)
        return aid


def _identity(out) -> tuple[int, int] | None:
    try:
        st = os.stat(out) if out is not None else None
    except OSError:
        return None
    return (st.st_dev, st.st_ino) if st else None


def _walk(root: Path, out: tuple[int, int] | None) -> Iterator[Path]:
    """Files under root in sorted order; links to folders are not followed (no loops); the
    folder `out` is skipped, or depeche's own files in it when it is root."""
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
            here = os.stat(folder)
        except OSError:
            continue
        own = out == (here.st_dev, here.st_ino)
        dirs = []
        for entry in entries:
            if own and (entry.name in OWN or entry.name.endswith(".parquet")):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    st = entry.stat(follow_symlinks=False)
                    if out != (st.st_dev, st.st_ino) or own:
                        dirs.append(Path(entry.path))
                    continue
            except OSError:
                pass
            yield Path(entry.path)
        stack.extend(reversed(dirs))


def _rel(p: Path, root: Path) -> str:
    return escape_name(p.relative_to(root).as_posix())


def _record_id(rec) -> str:
    rid = rec.get("id") if isinstance(rec, dict) else None
    return "" if rid is None or isinstance(rid, (dict, list)) else escape_text(str(rid))


def _record_refs(p: Path, rel: str, kind: str, ids: _Ids) -> list[Ref]:
    """One Ref per record; never raises. A file it cannot scan gets one Ref `<path>:1`, which
    reading turns into that file's error row."""
    refs: list[Ref] = []

    def add(rec, n: int, offset: int = -1, size: int = 0) -> None:
        rid = _record_id(rec)
        aid = ids.take(rid, f"{rel}:{n}") if rid else ids.take(f"{rel}:{n}")
        refs.append(Ref(aid, rel, str(p), kind, n, offset, size))

    n = offset = 0
    try:
        with open_regular(str(p)) as f:
            if kind == "jsonl":
                cap = ID_LINE_CAP
                while True:
                    raw, size = read_line(f, cap)
                    if not size:
                        break
                    n += 1
                    if not raw or raw.strip():   # b"" with a size: a line over the cap
                        add(_parse_line(raw, n), n, offset, size)
                    offset += size
            else:
                data = _parse_file(read_capped(f, json_cap(DEFAULT_MAX_CHARS)))
                if isinstance(data, dict):
                    data = [data]
                for n, rec in enumerate(data if isinstance(data, list) else [], 1):
                    add(rec, n)
    except Exception:  # noqa: BLE001 - unreadable here: reading the Ref says why, in its row
        if refs:       # failed midway: the rest of the file is one more row
            add(None, n + 1, offset)
    if not refs:       # no readable record: the file still gets one row
        add(None, 1)
    return refs


def _parse_line(raw: bytes, n: int):
    if not raw:
        return None
    try:
        return json.loads(raw.decode("utf-8-sig") if n == 1 else raw)
    except Exception:  # noqa: BLE001 - malformed, undecodable or nested too deep: no id
        return None


def _parse_file(raw: bytes | None):
    if raw is None:
        return None
    try:
        return json.loads(decode(raw))
    except Exception:  # noqa: BLE001
        return None
