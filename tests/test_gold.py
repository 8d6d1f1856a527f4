"""Gold files: every gold folder of the project passes the validator, the validator finds what it
should, and `depeche gold check` reports it."""
from __future__ import annotations

import copy
import hashlib
import json

import pytest
from typer.testing import CliRunner

from pipeline.evaluate.validate import check, check_gold
from tests.conftest import GOLD, ROOT

FOLDERS = [GOLD, ROOT / "corpus" / "gold", ROOT / "corpus" / "agreement"]


@pytest.mark.parametrize("folder", [f for f in FOLDERS if f.is_dir()], ids=lambda f: f.name if f != GOLD else "shared")
def test_when_a_gold_folder_of_the_project_is_checked_then_it_has_no_problem(folder):
    files, problems = check(folder)
    assert files > 0
    assert problems == []


TEXT = "Paul Durand a déclaré que 300 soldats partiront le 3 mars."


def _gold() -> dict:
    return {"article_id": "g1", "sha256": hashlib.sha256(TEXT.encode("utf-8")).hexdigest(), "text": TEXT,
            "date": "2024-01-10",
            "actors": [{"id": "pd", "name": "Paul Durand", "type": "person", "mentions": [[0, 11]], "coref": []}],
            "quantities": [{"span": [26, 37], "value": 300, "qualifier": "exact"}],
            "dates": [{"span": [48, 57], "value": "2024-03-03", "granularity": "day"}],
            "attributions": [{"id": "a1", "kind": "indirect", "cue": [14, 21], "stance": "assert",
                              "speaker": [0, 11], "speaker_actor": "pd", "content": [26, 57]}]}


@pytest.mark.parametrize("change, problem", [
    (lambda g: None, None),                                                         # sound
    (lambda g: g.update(text=TEXT + " "), "sha256"),                                 # text changed
    (lambda g: g["actors"][0].update(mentions=[[0, 12]]), "white space"),            # span not trimmed
    (lambda g: g["actors"][0].update(mentions=[[50, 90]]), "outside the text"),
    (lambda g: g["attributions"][0].update(speaker_actor="zz"), "no actor of the file"),
    (lambda g: g["attributions"][0].update(stance="shout"), "stance"),
    (lambda g: g["quantities"][0].update(qualifier="many"), "qualifier"),
    (lambda g: g["dates"][0].update(value="3 mars"), "TIMEX3"),
    (lambda g: g["actors"].append(dict(g["actors"][0])), "used twice"),
])
def test_when_a_gold_object_is_checked_then_each_fault_is_one_line(change, problem):
    g = copy.deepcopy(_gold())
    change(g)
    problems = check_gold(g, "g1")
    if problem is None:
        assert problems == []
    else:
        assert len(problems) >= 1 and any(problem in p for p in problems), problems
        assert all("\n" not in p for p in problems)


def _cli(*args):
    from pipeline.cli import app
    return CliRunner().invoke(app, ["gold", "check", *map(str, args)])


def test_when_gold_check_finds_problems_then_one_line_each_and_exit_1(tmp_path):
    good, bad = _gold(), _gold()
    bad["article_id"] = "g2"
    bad["attributions"][0]["kind"] = "rumour"
    (tmp_path / "g1.json").write_text(json.dumps(good, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "g2.json").write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "splits.json").write_text(json.dumps({"seed": 1, "tune": ["g1"], "check": ["g3"]}), encoding="utf-8")
    r = _cli(tmp_path)
    assert r.exit_code == 1
    lines = [x for x in r.stdout.splitlines() if x]
    assert len(lines) == 2 and any("rumour" in x for x in lines) and any("g3 has no gold file" in x for x in lines)


def test_when_gold_is_sound_then_exit_0_and_missing_gold_exit_2(tmp_path):
    (tmp_path / "g1.json").write_text(json.dumps(_gold(), ensure_ascii=False), encoding="utf-8")
    r = _cli(tmp_path)
    assert r.exit_code == 0 and r.stdout == ""
    assert _cli(tmp_path / "g1.json").exit_code == 0
    missing = _cli(tmp_path / "nope")
    assert missing.exit_code == 2 and "does not exist" in missing.output
