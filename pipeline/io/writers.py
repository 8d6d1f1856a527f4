"""Table formats: how a table is written to OUT and read back, one class per format, chosen by
name (`FORMATS`, `open_table`). Writers are atomic: the table appears whole or not at all.

A format class has a `name`, the `path(out, table)` it writes, `write(rows)` (tuples in
column order) and `close()`, and a classmethod `read(path, types)` giving a pandas DataFrame
(used by inspect). A new format is a new class here, added to `FORMATS`.
"""
from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path
from typing import Iterable, Protocol

from pipeline.fsutil import atomic_path

FORMULA = tuple("=+-@\t\r")
FORMULA_ESCAPED = re.compile(r"^'(?=[=+\-@\t\r])")


class TableFormat(Protocol):
    name: str

    @staticmethod
    def path(out: Path, table: str) -> Path: ...

    def write(self, rows: Iterable[tuple]) -> None: ...

    def close(self) -> None: ...


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
    """Rows (tuples in column order) to OUT/<table>.csv (SCHEMA.md's rules), via a temporary
    file and a rename."""
    name = "csv"

    @staticmethod
    def path(out: Path, table: str) -> Path:
        return Path(out) / f"{table}.csv"

    def __init__(self, path: Path, columns: list[str], types: dict[str, str]):
        self.path = Path(path)
        self.kinds = [types[c] for c in columns]
        self.tmp = atomic_path(self.path)
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

    @classmethod
    def read(cls, path: Path, types: dict[str, str]):
        """The table as written, formula escape undone; missing numbers as NaN."""
        import pandas as pd
        strs = [c for c, k in types.items() if k == "str"]
        df = pd.read_csv(path, dtype={c: str for c in strs}, keep_default_na=False,
                         na_values={c: [""] for c, k in types.items() if k != "str"}, encoding="utf-8")
        for c in strs:
            if c in df.columns:
                df[c] = df[c].str.replace(FORMULA_ESCAPED, "", regex=True)
        return df


class ParquetTable:
    """Rows to a Parquet dataset directory OUT/<table>.parquet/part-NNNNN.parquet (typed)."""
    name = "parquet"

    @staticmethod
    def path(out: Path, table: str) -> Path:
        return Path(out) / f"{table}.parquet"

    def __init__(self, path: Path, columns: list[str], types: dict[str, str], rows_per_file: int = 500_000):
        import pyarrow as pa
        self.pa = pa
        self.path = Path(path)
        self.tmp = atomic_path(self.path)
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

    @classmethod
    def read(cls, path: Path, types: dict[str, str]):
        import pandas as pd
        return pd.read_parquet(path)


# by name; the first is the default of `depeche run --format`, and readers look for a table in
# this order
FORMATS: dict[str, type] = {f.name: f for f in (CsvTable, ParquetTable)}


def open_table(out: Path, table: str, fmt: str, columns, types):
    """A writer of `table` into the folder `out` in the format named `fmt`."""
    try:
        cls = FORMATS[fmt]
    except KeyError:
        raise ValueError(f"unknown table format {fmt!r}: use one of {', '.join(FORMATS)}") from None
    return cls(cls.path(out, table), columns, types)


def find_table(out: Path, table: str):
    """(format class, path) of the table as found in `out` (formats in FORMATS order), or None."""
    for cls in FORMATS.values():
        p = cls.path(out, table)
        if p.exists():
            return cls, p
    return None
