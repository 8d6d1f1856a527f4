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
import shutil
from collections import Counter
from contextlib import ExitStack
from pathlib import Path
from typing import Iterator

from pipeline import tables as T
from pipeline.fsutil import write_text
from pipeline.io import texts
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
        for tmp in self.parts.glob("*.tmp"):
            shutil.rmtree(tmp, ignore_errors=True)

    def state(self) -> dict:
        try:
            return json.loads((self.out / STATE / "state.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    def save_state(self, state: dict) -> None:
        write_text(self.out / STATE / "state.json", json.dumps(state, ensure_ascii=False, indent=1))

    def part_dirs(self) -> list[Path]:
        return sorted(p for p in self.parts.glob("part-*") if p.is_dir() and not p.name.endswith(".tmp"))

    def done_ids(self) -> set[str]:
        done = set()
        for p in self.part_dirs():
            for row in _read_rows(p / f"{T.ARTICLES.part}.jsonl"):
                done.add(row[0])
        return done

    def next_part_number(self) -> int:
        nums = [int(p.name.split("-")[1]) for p in self.part_dirs()]
        return max(nums, default=-1) + 1

    # -- parts ---------------------------------------------------------------------------
    def write_part(self, number: int, tables: dict[str, list]) -> Path:
        final = self.parts / f"part-{number:06d}"
        tmp = self.parts / f"part-{number:06d}.tmp"
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        stored = [(t.part, [T.as_tuple(r) for r in tables.get(t.part, [])], t.part_key()) for t in T.TABLES]
        stored.append((texts.PART, tables.get(texts.PART, []), _by_article))
        for part, rows, key in stored:
            rows = sorted(rows, key=key)
            with open(tmp / f"{part}.jsonl", "w", encoding="utf-8", newline="\n") as f:
                for row in rows:
                    f.write(json.dumps(row, ensure_ascii=False) + "\n")
                f.flush()
                os.fsync(f.fileno())
        tmp.rename(final)
        return final

    # -- merge ---------------------------------------------------------------------------
    def merge(self, fmt: str) -> tuple[dict[str, int], dict[str, int]]:
        """Write every table; return rows per table and articles per status."""
        parts = self.part_dirs()
        counts, statuses = {}, Counter()
        status = T.ARTICLES.columns.index("status")

        def counted(rows):
            for row in rows:
                statuses[row[status]] += 1
                yield row
        # tables of per-article rows first, streamed; then those reduced from observations
        for table in sorted(T.TABLES, key=lambda t: t.reduced is not None):
            rows = self._merged(table, parts)
            if table is T.ARTICLES:
                rows = counted(rows)
            if table.reduced:
                reducer = table.reduced.reducer()
                for row in rows:
                    reducer.add(table.reduced.row(*row))
                rows = (T.as_tuple(r) for r in reducer.rows())
            counts[table.name] = self._write(table, fmt, rows)
        self._write_texts(parts, self.out)
        return counts, dict(statuses)

    def _write_texts(self, parts: list[Path], dest: Path) -> int:
        """The text store (pipeline.io.texts) beside the tables, merged like them."""
        with ExitStack() as stack:
            streams = [_read_rows(p / f"{texts.PART}.jsonl", stack) for p in parts]
            return texts.write(dest, heapq.merge(*streams, key=_by_article))

    def _merged(self, table: T.Table, parts: list[Path]) -> Iterator[tuple]:
        files = [p / f"{table.part}.jsonl" for p in parts]
        key = table.part_key()
        if len(files) <= MAX_OPEN:
            with ExitStack() as stack:
                streams = [_read_rows(f, stack) for f in files]
                yield from heapq.merge(*streams, key=key)
            return
        # many parts: merge groups into runs first (bounded open files and memory)
        runs = self.out / STATE / f"runs-{table.part}"
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
        w = open_table(self.out, table.name, fmt, table.columns, table.types)
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
