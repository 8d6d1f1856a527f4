"""The hostile-input corpus (tests/hostile.py) in one run beside good articles: each bad
input is one row with its status, the good articles' rows are those of a run without them."""
from __future__ import annotations

from pipeline.runner import run
from tests.hostile import MAX_CHARS, make_good, make_hostile
from tests.io.test_hostile import deadline
from tests.runner.test_run import read_csv

TABLES = ("articles", "mentions", "quantities", "dates", "attributions")


def test_when_hostile_inputs_sit_beside_good_ones_then_each_is_one_row_and_the_good_rows_hold(tmp_path):
    alone, mixed = tmp_path / "alone", tmp_path / "mixed"
    good = make_good(alone)
    make_good(mixed)
    cases = make_hostile(mixed)
    run(alone, tmp_path / "o-alone", workers=1, max_chars=MAX_CHARS)
    with deadline(600):
        result = run(mixed, tmp_path / "o-mixed", workers=1, max_chars=MAX_CHARS)
    rows = {r["article_id"]: r for r in read_csv(tmp_path / "o-mixed", "articles")}
    assert sorted(rows) == sorted(good + list(cases)) and result.articles == len(rows)
    for aid, (status, checks) in cases.items():
        assert rows[aid]["status"] == status, (aid, rows[aid]["error"])
        for column, value in checks.items():
            got = rows[aid][column]
            assert got.startswith(value) if column == "error" else got == value, (aid, column, got)
    for table in TABLES:
        before = [r for r in read_csv(tmp_path / "o-alone", table)]
        after = [r for r in read_csv(tmp_path / "o-mixed", table) if r["article_id"] in good]
        assert after == before, table
