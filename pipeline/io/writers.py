"""Table writers: CSV (SCHEMA.md's rules) and Parquet datasets, both written atomically."""
from __future__ import annotations

import csv
import shutil
from pathlib import Path
from typing import Iterable

FORMULA = tuple("=+-@\t\r")


def csv_cell(value, kind: str) -> str:
    if value is None:
        return ""
    if kind == "int":
        return str(int(value))
    if kind == "float":
        return repr(float(value))
    s = str(value)
    return "'" + s if s.startswith(FORMULA) else s


def _quoted(cell: str) -> str:
    """RFC 4180 quoting of one cell, a carriage return included (an id or a file name may hold
    one: left bare, every reader would split the row there)."""
    if any(c in cell for c in ',"\n\r'):
        return '"' + cell.replace('"', '""') + '"'
    return cell


class CsvTable:
    """Rows (tuples in column order) to OUT/<table>.csv via a temporary file and a rename."""

    def __init__(self, path: Path, columns: list[str], types: dict[str, str]):
        self.path = Path(path)
        self.kinds = [types[c] for c in columns]
        self.tmp = self.path.with_name(self.path.name + ".tmp")
        self.f = open(self.tmp, "w", encoding="utf-8", newline="")
        self.w = csv.writer(self.f, lineterminator="\n")
        self.w.writerow(columns)

    def write(self, rows: Iterable[tuple]) -> None:
        kinds, writerow, write = self.kinds, self.w.writerow, self.f.write
        for row in rows:
            cells = [csv_cell(v, k) for v, k in zip(row, kinds)]
            if "\r" in "".join(cells):   # csv quotes only what lineterminator holds: \n
                write(",".join(_quoted(c) for c in cells) + "\n")
            else:
                writerow(cells)

    def close(self) -> None:
        self.f.close()
        self.tmp.replace(self.path)


class ParquetTable:
    """Rows to a Parquet dataset directory OUT/<table>.parquet/part-NNNNN.parquet (typed)."""

    def __init__(self, path: Path, columns: list[str], types: dict[str, str], rows_per_file: int = 500_000):
        import pyarrow as pa
        self.pa = pa
        self.path = Path(path)
        self.tmp = self.path.with_name(self.path.name + ".tmp")
        shutil.rmtree(self.tmp, ignore_errors=True)
        self.tmp.mkdir(parents=True)
        arrow = {"int": pa.int64(), "float": pa.float64(), "str": pa.string()}
        self.schema = pa.schema([(c, arrow[types[c]]) for c in columns])
        self.columns, self.rows_per_file = columns, rows_per_file
        self.buffer: list[tuple] = []
        self.n = 0

    def write(self, rows: Iterable[tuple]) -> None:
        for row in rows:
            self.buffer.append(row)
            if len(self.buffer) >= self.rows_per_file:
                self._flush()

    def _flush(self) -> None:
        import pyarrow.parquet as pq
        cols = list(zip(*self.buffer)) if self.buffer else [[] for _ in self.columns]
        table = self.pa.table({c: self.pa.array(list(v), type=self.schema.field(c).type)
                               for c, v in zip(self.columns, cols)}, schema=self.schema)
        pq.write_table(table, self.tmp / f"part-{self.n:05d}.parquet")
        self.n += 1
        self.buffer = []

    def close(self) -> None:
        if self.buffer or self.n == 0:
            self._flush()
        shutil.rmtree(self.path, ignore_errors=True)
        self.tmp.replace(self.path)


def open_table(out: Path, table: str, fmt: str, columns, types):
    if fmt == "parquet":
        return ParquetTable(Path(out) / f"{table}.parquet", columns, types)
    return CsvTable(Path(out) / f"{table}.csv", columns, types)
