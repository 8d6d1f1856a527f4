"""Output formats and exit codes of `depeche run`."""
from __future__ import annotations

import csv
import subprocess
import sys

import pandas as pd

from pipeline import tables as T
from pipeline.runner import run
from tests.conftest import SEED


def test_when_format_is_parquet_then_every_table_is_a_typed_dataset_with_the_csv_columns(tmp_path):
    csv_out, pq_out = tmp_path / "csv", tmp_path / "pq"
    run(SEED, csv_out, workers=1)
    run(SEED, pq_out, workers=1, fmt="parquet")
    for table in T.NAMES:
        folder = pq_out / f"{table}.parquet"
        assert sorted(p.name for p in folder.iterdir())[0] == "part-00000.parquet"
        df = pd.read_parquet(folder)
        assert list(df.columns) == T.columns(table)
        with open(csv_out / f"{table}.csv", encoding="utf-8", newline="") as f:
            assert len(list(csv.reader(f))) - 1 == len(df)
    arts = pd.read_parquet(pq_out / "articles.parquet")
    assert str(arts["chars"].dtype) == "int64" and arts.loc[0, "date"] == "2024-10"


def test_when_strict_and_an_article_is_not_ok_then_exit_1(tmp_path):
    inp = tmp_path / "in"
    inp.mkdir()
    (inp / "empty.txt").write_text("", encoding="utf-8")
    res = subprocess.run([sys.executable, "-m", "pipeline", "run", str(inp), "-o", str(tmp_path / "o"),
                          "--strict"], capture_output=True, text=True)
    assert res.returncode == 1
    assert "1 empty" in res.stdout
    res = subprocess.run([sys.executable, "-m", "pipeline", "run", str(inp), "-o", str(tmp_path / "o2")],
                         capture_output=True, text=True)
    assert res.returncode == 0 and res.stdout.count("\n") == 1
