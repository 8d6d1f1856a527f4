"""`depeche db` as a function: the tables with keys, the views return rows, cells unescaped."""
from __future__ import annotations

import duckdb
import pytest

from pipeline.crossdoc.duckdb_export import VIEWS, ExportError, export
from tests.crossdoc.runs import QUOTE, write_run


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    out = write_run(tmp_path_factory.mktemp("run") / "out")
    counts = export(out)
    return out / "depeche.duckdb", counts


def test_when_exported_then_every_table_is_there_with_its_rows(db):
    path, counts = db
    assert counts == {"articles": 4, "actors": 3, "claims": 3, "attributions": 5, "mentions": 2,
                      "quantities": 2, "dates": 0}
    con = duckdb.connect(str(path), read_only=True)
    keys = con.execute("SELECT table_name, constraint_type FROM duckdb_constraints() "
                       "WHERE constraint_type IN ('PRIMARY KEY', 'FOREIGN KEY')").fetchall()
    assert ("claims", "PRIMARY KEY") in keys and ("quantities", "FOREIGN KEY") in keys
    # a missing value is NULL; the CSV formula escape is undone
    assert con.execute("SELECT title, duplicate_of FROM articles WHERE article_id = 'belga-1019'").fetchone() == (
        "=Soldats nord-coréens", "reuters-1018")
    assert con.execute("SELECT count(*) FROM articles WHERE url IS NULL").fetchone() == (2,)


@pytest.mark.parametrize("view", list(VIEWS))
def test_when_a_view_is_queried_then_it_returns_rows(db, view):
    con = duckdb.connect(str(db[0]), read_only=True)
    assert con.execute(f"SELECT count(*) FROM {view}").fetchone()[0] > 0


def test_when_claims_are_listed_then_speakers_dates_and_replies_are_joined(db):
    con = duckdb.connect(str(db[0]), read_only=True)
    rows = con.execute("SELECT speaker, first_date, first_article_id, articles, responds_to_content "
                       "FROM claim_list ORDER BY first_date NULLS LAST").fetchall()
    assert rows[0] == ("Volodymyr Zelensky", "2024-10-18", "reuters-1018", 3, None)
    assert rows[1] == ("Kremlin", "2024-10-21", "afp-1021", 1, QUOTE)
    assert con.execute("SELECT claimed_by, value FROM quantity_claims").fetchall() == [
        ("Volodymyr Zelensky", 10000.0)]


def test_when_out_holds_no_run_then_an_export_error(tmp_path):
    with pytest.raises(ExportError, match="articles.csv"):
        export(tmp_path)
