"""The steps across articles end to end, through `depeche run`: near-duplicates of winer-fr
dispatches, one quotation followed over several dates, `depeche claims` and `depeche db`."""
from __future__ import annotations

import csv
import json
import os
import subprocess

import duckdb
import pytest

from pipeline.crossdoc.duckdb_export import VIEWS
from pipeline.runner import run
from tests.conftest import ROOT
from tests.crossdoc.corpus import QUOTE, duplicates_corpus, quotes_corpus, write_jsonl
from tests.runner.test_run import check_tables, read_csv

EXE = ROOT / ".venv" / "bin" / "depeche"


def depeche(*args) -> subprocess.CompletedProcess:
    env = dict(os.environ, COLUMNS="200")   # a wide terminal: table cells are not folded
    return subprocess.run([str(EXE), *map(str, args)], capture_output=True, text=True, env=env)


@pytest.mark.slow
def test_when_copies_of_winer_dispatches_are_run_then_duplicate_of_has_precision_and_recall_1(tmp_path):
    records, truth = duplicates_corpus()
    inp = write_jsonl(records, tmp_path / "in" / "dup.jsonl").parent
    run(inp, tmp_path / "out", workers=1)
    found = {r["article_id"]: r["duplicate_of"] for r in read_csv(tmp_path / "out", "articles") if r["duplicate_of"]}
    assert found == truth          # every copy points at its original, no original at anything
    assert check_tables(tmp_path / "out", inp) == "0 problems"


@pytest.fixture(scope="module")
def quotes(tmp_path_factory):
    d = tmp_path_factory.mktemp("quotes")
    inp = quotes_corpus(d / "in").parent
    run(inp, d / "out", workers=1)
    return inp, d / "out"


@pytest.mark.slow
def test_when_a_quotation_runs_on_several_dates_then_one_claim_first_seen_in_the_earliest(quotes):
    inp, out = quotes
    assert check_tables(out, inp) == "0 problems"
    rows = [r for r in read_csv(out, "claims") if r["content"].lower() == QUOTE.lower()]
    assert len(rows) == 1
    c = rows[0]
    assert (c["first_article_id"], c["first_date"], c["last_date"], c["articles"]) == (
        "reuters-2024-10-18", "2024-10-18", "2024-10-21", "5")
    said = [r for r in read_csv(out, "attributions") if r["claim_id"] == c["claim_id"]]
    assert len(said) == 5 and {r["actor_id"] for r in said} == {c["actor_id"]}
    denial = next(r for r in read_csv(out, "claims") if r["content"] == "ces allégations")
    assert denial["responds_to"] == c["claim_id"]
    run_json = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert run_json["schema_version"] == "1.1" and run_json["counts"]["duplicate_articles"] == 1


@pytest.mark.slow
def test_when_the_readme_example_is_asked_then_depeche_claims_answers_it(quotes):
    _, out = quotes
    # README: depeche claims OUT --speaker Zelensky --about "Corée du Nord" --format csv
    res = depeche("claims", out, "--speaker", "Zelensky", "--about", "Corée du Nord", "--format", "csv")
    assert res.returncode == 0, res.stderr
    rows = list(csv.DictReader(res.stdout.splitlines()))
    assert [(r["first_date"], r["speaker"], r["content"], r["articles"], r["url"]) for r in rows] == [
        ("2024-10-18", "Volodymyr Zelensky", QUOTE[0].upper() + QUOTE[1:], "5",
         "https://example.org/reuters-2024-10-18")]
    as_json = json.loads(depeche("claims", out, "--since", "2024-10-20", "--format", "json").stdout)
    assert [r["content"] for r in as_json] == ["ces allégations"]
    table = depeche("claims", out, "--speaker", "Kremlin")
    assert table.returncode == 0 and "ces allégations" in table.stdout


@pytest.mark.slow
@pytest.mark.parametrize("args, code", [
    (["claims", "{out}", "--since", "hier"], 2),
    (["claims", "{out}/articles.csv"], 2),
    (["db", "{out}/nothing-here"], 2),
])
def test_when_claims_or_db_get_bad_input_then_one_line_and_exit_2(quotes, args, code):
    _, out = quotes
    res = depeche(*[a.format(out=out) for a in args])
    assert res.returncode == code and res.stderr.strip().count("\n") == 0, res.stderr


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_when_a_run_is_exported_then_duckdb_opens_it_and_every_view_has_rows(quotes, tmp_path, fmt):
    inp, out = quotes
    if fmt == "parquet":
        out = tmp_path / "out"
        run(inp, out, workers=1, fmt=fmt)
    res = depeche("db", out, "-o", tmp_path / "run.duckdb")
    assert res.returncode == 0, res.stderr
    con = duckdb.connect(str(tmp_path / "run.duckdb"), read_only=True)
    for view in VIEWS:
        assert con.execute(f"SELECT count(*) FROM {view}").fetchone()[0] > 0, view
    first = con.execute("SELECT first_date, speaker, title FROM claim_list WHERE articles = 5").fetchall()
    assert first == [("2024-10-18", "Volodymyr Zelensky", "Zelensky : la Corée du Nord envoie des troupes")]
    assert con.execute("SELECT count(*) FROM unique_articles").fetchone() == (4,)
