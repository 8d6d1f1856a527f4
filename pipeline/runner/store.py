"""Partial tables on disk, resume, and the one final merge.

Each finished unit of work is a part: OUT/.depeche/parts/part-NNNNNN/<table>.jsonl, one
JSON array a row (column order), sorted by the table's key, written to a temporary folder
and renamed, so a part is whole or absent whatever kills the run. `--resume` reads the
article ids of the parts there are and skips them. The merge streams every part of a table
through a k-way merge in key order (parts hold disjoint articles), reduces actor
observations into actors.csv, runs the steps across articles (pipeline.runner.across: a first
reading of the tables they need, then their columns filled as the tables are written), and
writes each table, and the text store (pipeline.io.texts: every article's text, merged by
article_id like a table), into the folder the run publishes as one set: the tables do not
depend on how the input was split, in what order parts finished, or how many workers made them.
"""
from __future__ import annotations

import heapq
import json
import os
import re
import shutil
from collections import Counter
from contextlib import ExitStack
from dataclasses import fields
from pathlib import Path
from typing import Iterator

from pipeline import tables as T
from pipeline.fsutil import atomic_dir, write_text
from pipeline.io import texts
from pipeline.io.writers import open_table
from pipeline.runner.across import Linker
from pipeline.runner.publish import STATE, read_json

MAX_OPEN = 200   # parts merged at once; more are merged in passes


class Store:
    def __init__(self, out: Path):
        self.out = Path(out)
        self.parts = self.out / STATE / "parts"
        self.duplicates = 0   # articles found to be copies by the last merge
        self.texts = 0        # texts the last merge kept in the text store

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
        return read_json(self.out / STATE / "state.json")

    def save_state(self, state: dict) -> None:
        write_text(self.out / STATE / "state.json", json.dumps(state, ensure_ascii=False, indent=1))

    def part_dirs(self) -> list[Path]:
        return sorted(p for p in self.parts.glob("part-*") if _PART.match(p.name) and p.is_dir())

    def done(self) -> dict[str, tuple[str, str]]:
        """article_id -> (path, sha256) of every article the parts hold."""
        cols = T.ARTICLES.columns
        path, sha = cols.index("path"), cols.index("sha256")
        return {row[0]: (row[path], row[sha]) for p in self.part_dirs()
                for row in _read_rows(p / f"{T.ARTICLES.part}.jsonl")}

    def drop(self, ids: set[str]) -> None:
        """Remove every row of these articles from the parts (inputs changed or gone since).
        Each part is rewritten beside itself and swapped in; killed midway, a part is whole,
        or absent and its articles are redone by the next --resume: never doubled."""
        for part in self.part_dirs():
            if not any(row[0] in ids for row in _read_rows(part / f"{T.ARTICLES.part}.jsonl")):
                continue
            tmp, old = part.with_name(part.name + ".tmp"), part.with_name(part.name + ".old")
            shutil.rmtree(tmp, ignore_errors=True)
            tmp.mkdir()
            for name, at in _article_columns():
                _write_rows(tmp / f"{name}.jsonl", (r for r in _read_rows(part / f"{name}.jsonl")
                                                    if r[at] not in ids))
            part.rename(old)
            if any(True for _ in _read_rows(tmp / f"{T.ARTICLES.part}.jsonl")):
                tmp.rename(part)
            shutil.rmtree(tmp, ignore_errors=True)
            shutil.rmtree(old, ignore_errors=True)

    def next_part_number(self) -> int:
        nums = [int(p.name.split("-")[1]) for p in self.part_dirs()]
        return max(nums, default=-1) + 1

    # -- parts ---------------------------------------------------------------------------
    def write_part(self, number: int, tables: dict[str, list]) -> Path:
        final = self.parts / f"part-{number:06d}"
        with atomic_dir(final) as tmp:
            for part, key in T.stored():
                rows = sorted((T.as_tuple(r) for r in tables.get(part, [])), key=key)
                _write_rows(tmp / f"{part}.jsonl", rows)
            _write_rows(tmp / f"{texts.PART}.jsonl", sorted(tables.get(texts.PART, []), key=_by_article))
        return final

    # -- merge ---------------------------------------------------------------------------
    def merge(self, fmt: str, dest: Path | None = None) -> tuple[dict[str, int], dict[str, int]]:
        """Write every table into dest (default OUT); return rows per table and articles per
        status."""
        self.dest = Path(dest) if dest is not None else self.out
        parts = self.part_dirs()
        counts, statuses = {}, Counter()
        status = T.ARTICLES.columns.index("status")
        linker = Linker()
        reduced = {}

        def source(table):
            return reduced[table.name] if table.reduced else self._merged(table, parts)
        for table in T.TABLES:   # first reading: what the steps across articles need
            if table.reduced:    # actors: one row per actor, held (a reducer holds them anyway)
                reduced[table.name] = self._reduced(table, parts)
            if linker.reads(table.name):
                linker.read(table.name, source(table))
            if table.side and linker.reads(table.side.part):
                linker.read(table.side.part, self._merged_part(table.side.part, table.side.part_key(), parts))
        linker.finish()
        for table in T.TABLES:
            if table.across:
                rows = linker.rows(table.name)
            else:
                rows = linker.fill(table.name, source(table))
            if table is T.ARTICLES:
                rows = _counted(rows, status, statuses)
            counts[table.name] = self._write(table, fmt, rows)
        self.duplicates = linker.duplicates
        self.texts = texts.write(self.dest, self._merged_part(texts.PART, _by_article, parts))
        return counts, dict(statuses)

    def _reduced(self, table: T.Table, parts: list[Path]) -> list[tuple]:
        reducer = table.reduced.reducer()
        for row in self._merged(table, parts):
            reducer.add(table.reduced.row(*row))
        return [T.as_tuple(r) for r in reducer.rows()]

    def _merged(self, table: T.Table, parts: list[Path]) -> Iterator[tuple]:
        return self._merged_part(table.part, table.part_key(), parts)

    def _merged_part(self, part: str, key, parts: list[Path]) -> Iterator[tuple]:
        files = [p / f"{part}.jsonl" for p in parts]
        if len(files) <= MAX_OPEN:
            with ExitStack() as stack:
                streams = [_read_rows(f, stack) for f in files]
                yield from heapq.merge(*streams, key=key)
            return
        # many parts: merge groups into runs first (bounded open files and memory)
        runs = self.out / STATE / f"runs-{part}"
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

    def _write(self, table: T.Table, fmt: str, rows) -> int:
        w = open_table(self.dest, table.name, fmt, table.columns, table.types)
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


def _article_columns() -> list[tuple[str, int]]:
    """(part name, where its stored rows hold their article_id) of everything a part holds:
    the rows of the tables built per article, the tables' side rows and the texts."""
    out = []
    for t in T.TABLES:
        if not t.across:
            row = t.reduced.row if t.reduced else t.row
            out.append((t.part, [f.name for f in fields(row)].index("article_id")))
        if t.side:
            out.append((t.side.part, [f.name for f in fields(t.side.row)].index("article_id")))
    out.append((texts.PART, 0))   # [article_id, text]: the text store's rows
    return out


def _write_rows(path: Path, rows) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
        f.flush()
        os.fsync(f.fileno())


def _counted(rows, status: int, statuses: Counter):
    for row in rows:
        statuses[row[status]] += 1
        yield row


def _by_article(row) -> str:
    return row[0]


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
