"""The text store: OUT keeps every article's text, in step with the inputs, so `show` and
`report` need only OUT."""
from __future__ import annotations

import gzip
import json

from pipeline.inspect import article_view
from pipeline.io import texts
from pipeline.runner import run
from tests.runner.test_run import FRENCH


def _stored(out) -> dict[str, str]:
    with gzip.open(out / texts.NAME, "rt", encoding="utf-8") as f:
        return {r["article_id"]: r["text"] for r in map(json.loads, f)}


def test_when_run_then_every_text_is_kept_in_out_with_the_offsets_of_the_tables(tmp_path):
    inp, out = tmp_path / "in", tmp_path / "out"
    inp.mkdir()
    (inp / "a.txt").write_text("Titre: Essai\n\n" + FRENCH, encoding="utf-8")
    (inp / "b.md").write_text("---\ntitle: B\n---\n" + FRENCH, encoding="utf-8")
    (inp / "empty.txt").write_text("", encoding="utf-8")
    run(inp, out, workers=1)
    stored = _stored(out)
    assert set(stored) == {"a", "b"} and stored["a"].startswith("Titre: Essai\n\n")
    view = article_view(out, "a")
    assert view["mismatched"] == 0 and view["text"] == stored["a"]


def test_when_resumed_after_inputs_added_then_store_holds_them_and_bytes_match_one_run(tmp_path):
    inp, out, once = tmp_path / "in", tmp_path / "out", tmp_path / "once"
    inp.mkdir()
    (inp / "a.txt").write_text(FRENCH, encoding="utf-8")
    run(inp, out, workers=1)
    (inp / "b.txt").write_text(FRENCH.replace("jeudi", "vendredi"), encoding="utf-8")
    run(inp, out, workers=1, resume=True)
    run(inp, once, workers=1)
    assert set(_stored(out)) == {"a", "b"}
    assert (out / texts.NAME).read_bytes() == (once / texts.NAME).read_bytes()


def test_when_input_moved_then_show_still_reads_the_text(tmp_path):
    inp, out = tmp_path / "in", tmp_path / "out"
    inp.mkdir()
    (inp / "a.txt").write_text(FRENCH, encoding="utf-8")
    run(inp, out, workers=1)
    inp.rename(tmp_path / "elsewhere")
    assert article_view(out, "a")["text"] == FRENCH
