"""Partial tables on disk, resume, and the one final merge.

Each finished unit of work is a part: OUT/.depeche/parts/part-NNNNNN/<table>.jsonl, one
JSON array a row (column order), sorted by the table's key, written to a temporary folder
and renamed, so a part is whole or absent whatever kills the run. `--resume` reads the
article ids of the parts there are and skips them. The merge streams every part of a table
through a k-way merge in key order (parts hold disjoint articles), reduces actor
observations into actors.csv, and writes each table atomically: the tables do not depend on
how the input was split, in what order parts finished, or how many workers made them.
"""
from __future__ import annotations

import heapq
import json
import os
import re
import shutil
from collections import Counter
from contextlib import ExitStack
from pathlib import Path
from typing import Iterator

from pipeline import tables as T
from pipeline.io.writers import open_table

STATE = ".depeche"
MAX_OPEN = 200   # parts merged at once; more are merged in passes


class Store:
    def __init__(self, out: Path):
        self.out = Path(out)
        self.parts = self.out / STATE / "parts"

    # -- state ---------------------------------------------------------------------------
    def reset(self) -> None:
        shutil.rmtree(self.out / STATE, ignore_errors=True)
        self.parts.mkdir(parents=True, exist_ok=True)

    def open_for_resume(self) -> None:
        self.parts.mkdir(parents=True, exist_ok=True)
        for tmp in self.parts.iterdir():
            if not _PART.match(tmp.name):   # a part being written or rewritten when killed
                shutil.rmtree(tmp, ignore_errors=True)

    def state(self) -> dict:
        try:
            return json.loads((self.out / STATE / "state.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    def save_state(self, state: dict) -> None:
        _atomic_text(self.out / STATE / "state.json", json.dumps(state, ensure_ascii=False, indent=1))

    def part_dirs(self) -> list[Path]:
        return sorted(p for p in self.parts.glob("part-*") if _PART.match(p.name) and p.is_dir())

    def done(self) -> dict[str, tuple[str, str]]:
        """article_id -> (path, sha256) of every article the parts hold."""
        cols = T.columns("articles")
        path, sha = cols.index("path"), cols.index("sha256")
        return {row[0]: (row[path], row[sha]) for p in self.part_dirs()
                for row in _read_rows(p / "articles.jsonl")}

    def drop(self, ids: set[str]) -> None:
        """Remove every row of these articles from the parts (inputs changed or gone since).
        Each part is rewritten beside itself and swapped in; killed midway, a part is whole,
        or absent and its articles are redone by the next --resume: never doubled."""
        for part in self.part_dirs():
            if not any(row[0] in ids for row in _read_rows(part / "articles.jsonl")):
                continue
            tmp, old = part.with_name(part.name + ".tmp"), part.with_name(part.name + ".old")
            shutil.rmtree(tmp, ignore_errors=True)
            tmp.mkdir()
            for table in T.PER_ARTICLE:
                at = _article_column(table)
                _write_rows(tmp / f"{table}.jsonl", (r for r in _read_rows(part / f"{table}.jsonl")
                                                      if r[at] not in ids))
            part.rename(old)
            if any(True for _ in _read_rows(tmp / "articles.jsonl")):
                tmp.rename(part)
            shutil.rmtree(tmp, ignore_errors=True)
            shutil.rmtree(old, ignore_errors=True)

    def next_part_number(self) -> int:
        nums = [int(p.name.split("-")[1]) for p in self.part_dirs()]
        return max(nums, default=-1) + 1

    # -- parts ---------------------------------------------------------------------------
    def write_part(self, number: int, tables: dict[str, list]) -> Path:
        final = self.parts / f"part-{number:06d}"
        tmp = self.parts / f"part-{number:06d}.tmp"
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        for table in T.PER_ARTICLE:
            rows = sorted((T.as_tuple(r) for r in tables.get(table, [])), key=_key_of(table))
            _write_rows(tmp / f"{table}.jsonl", rows)
        tmp.rename(final)
        return final

    # -- merge ---------------------------------------------------------------------------
    def merge(self, fmt: str, dest: Path | None = None) -> tuple[dict[str, int], dict[str, int]]:
        """Write every table into dest (default OUT); return rows per table and articles per
        status."""
        self.dest = Path(dest) if dest is not None else self.out
        parts = self.part_dirs()
        counts, statuses = {}, Counter()
        status = T.columns("articles").index("status")

        def counted(rows):
            for row in rows:
                statuses[row[status]] += 1
                yield row
        counts["articles"] = self._write("articles", fmt, counted(self._merged("articles", parts)))
        for table in ("mentions", "quantities", "dates", "attributions"):
            counts[table] = self._write(table, fmt, self._merged(table, parts))
        reducer = T.ActorReducer()
        for row in self._merged("actor_obs", parts):
            reducer.add(T.ActorObservation(*row))
        counts["actors"] = self._write("actors", fmt, (T.as_tuple(r) for r in reducer.rows()))
        return counts, dict(statuses)

    def _merged(self, table: str, parts: list[Path]) -> Iterator[tuple]:
        files = [p / f"{table}.jsonl" for p in parts]
        key = _key_of(table)
        if len(files) <= MAX_OPEN:
            with ExitStack() as stack:
                streams = [_read_rows(f, stack) for f in files]
                yield from heapq.merge(*streams, key=key)
            return
        # many parts: merge groups into runs first (bounded open files and memory)
        runs = self.out / STATE / f"runs-{table}"
        shutil.rmtree(runs, ignore_errors=True)
        runs.mkdir(parents=True)
        run_files = []
        for i in range(0, len(files), MAX_OPEN):
            run = runs / f"run-{i // MAX_OPEN:06d}.jsonl"
            with ExitStack() as stack, open(run, "w", encoding="utf-8") as out:
                streams = [_read_rows(f, stack) for f in files[i:i + MAX_OPEN]]
                for row in heapq.merge(*streams, key=key):
                    out.write(json.dumps(row, ensure_ascii=False) + "\n")
            run_files.append(run)
        with ExitStack() as stack:
            yield from heapq.merge(*[_read_rows(f, stack) for f in run_files], key=key)
        shutil.rmtree(runs, ignore_errors=True)

    def _write(self, table: str, fmt: str, rows) -> int:
        w = open_table(self.dest, table, fmt, T.columns(table), T.column_types(table))
        n = 0
        batch = []
        for row in rows:
            batch.append(row)
            if len(batch) >= 5000:
                w.write(batch)
                n += len(batch)
                batch = []
        w.write(batch)
        n += len(batch)
        w.close()
        return n


_PART = re.compile(r"part-\d{6}$")


def _article_column(table: str) -> int:
    return 1 if table == "actor_obs" else T.columns(table).index("article_id")


def _write_rows(path: Path, rows) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
        f.flush()
        os.fsync(f.fileno())


def _key_of(table: str):
    cols = T.columns(table) if table != "actor_obs" else [
        "actor_id", "article_id", "name", "type", "country", "wikidata", "aliases", "mentions"]
    idx = [cols.index(k) for k in T.KEYS[table]]
    return lambda row: tuple(row[i] for i in idx)


def _read_rows(path: Path, stack: ExitStack | None = None) -> Iterator[list]:
    try:
        f = open(path, encoding="utf-8")
    except FileNotFoundError:
        return iter(())
    if stack is not None:
        stack.enter_context(f)

    def rows():
        with f:
            for line in f:
                yield json.loads(line)
    return rows()


def _atomic_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
