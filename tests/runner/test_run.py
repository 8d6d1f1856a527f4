"""The batch runner end to end: every input a row, bad input contained, identical tables
whatever the workers, resume after kill -9, usage errors before any work."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline import tables as T
from pipeline.components.base import RuleComponent
from pipeline.io import texts
from pipeline.runner import UsageError, run
from tests.conftest import ROOT, SEED, SHARED, WINER
from tests.crossdoc.corpus import copies_of, write_jsonl

CHECK = SHARED / "tools" / "check_tables.py"
TABLES = T.NAMES   # claims.csv and the 1.1 columns included
COPIES = 4         # near-duplicates in the sample
SAMPLE = 71 + COPIES


def check_tables(out: Path, inp: Path) -> str:
    res = subprocess.run([sys.executable, str(CHECK), str(out), "--input", str(inp)],
                         capture_output=True, text=True)
    return res.stdout.strip().splitlines()[-1] if res.stdout.strip() else res.stderr


def read_csv(out: Path, table: str) -> list[dict]:
    import csv
    with open(out / f"{table}.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def winer_sample(folder: Path, n: int, name: str = "winer.jsonl") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    with open(WINER, encoding="utf-8") as f, open(folder / name, "w", encoding="utf-8") as g:
        for i, line in enumerate(f):
            if i >= n:
                break
            g.write(line)
    return folder


ENGLISH = ("The government announced on Thursday that the new measures would come into force in "
           "September, after months of talks with unions and employers. The minister said the reform "
           "was needed to balance the budget and protect jobs across the country.")
FRENCH = ("Le gouvernement a annoncé jeudi que les nouvelles mesures entreraient en vigueur en "
          "septembre, après des mois de discussions avec les syndicats et le patronat.")


def make_bad_inputs(d: Path) -> dict[str, str]:
    """A folder of every kind of bad input; returns article_id -> expected status."""
    d.mkdir(parents=True, exist_ok=True)
    (d / "empty.txt").write_bytes(b"")
    (d / "blank.txt").write_text("  \n\t\n  ", encoding="utf-8")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (d / "damaged.txt").write_bytes("Un été ".encode() + b"\xff\xfe\xfa" + FRENCH.encode())
    (d / "english.txt").write_text(ENGLISH, encoding="utf-8")
    (d / "huge.txt").write_text(FRENCH * 60, encoding="utf-8")            # over --max-chars 5000
    (d / "legacy.txt").write_bytes(("Le cœur de l’État « ici ». " + FRENCH).encode("cp1252"))
    (d / "utf16.txt").write_bytes(FRENCH.encode("utf-16"))
    (d / "bom.md").write_bytes(b"\xef\xbb\xbf---\ntitle: Un titre\n---\n" + FRENCH.encode())
    (d / "ok.txt").write_text("Date: 2024-01-02\n\n" + FRENCH, encoding="utf-8")
    (d / "ok.md").write_text(FRENCH, encoding="utf-8")                     # same stem as ok.txt
    (d / "notes.csv").write_text("skipped,file\n", encoding="utf-8")
    (d / "dangling.txt").symlink_to(d / "nowhere.txt")
    (d / "loop1.txt").symlink_to(d / "loop2.txt")
    (d / "loop2.txt").symlink_to(d / "loop1.txt")
    (d / "sub").mkdir()
    (d / "sub" / "up").symlink_to(d, target_is_directory=True)            # a folder loop: not followed
    recs = [json.dumps({"id": "r1", "text": FRENCH, "date": "2024-10-20", "title": "=HYPERLINK(1)"}),
            "{broken json",
            json.dumps({"id": "r1", "text": FRENCH}),                      # id used before
            json.dumps({"id": "+33", "text": "@" + FRENCH}),               # formula-looking id
            json.dumps({"id": "nt", "title": "no text"}),
            json.dumps({"id": "sp", "text": "   "})]
    (d / "feed.jsonl").write_text("\n".join(recs) + "\n", encoding="utf-8")
    (d / "nothing.jsonl").write_text("\n\n", encoding="utf-8")
    (d / "array.json").write_text(json.dumps([{"id": "j1", "text": FRENCH}, {"text": FRENCH}]), encoding="utf-8")
    return {"empty": "empty", "blank": "empty", "binary": "error", "damaged": "error", "english": "not_french",
            "huge": "too_large", "legacy": "ok", "utf16": "ok", "bom": "ok", "ok.txt": "ok", "ok.md": "ok",
            "dangling": "error", "loop1": "error", "loop2": "error", "r1": "ok", "feed.jsonl:2": "error",
            "feed.jsonl:3": "ok", "+33": "ok", "nt": "error", "sp": "empty", "nothing.jsonl:1": "empty",
            "j1": "ok", "array.json:2": "ok"}


@pytest.mark.slow
def test_when_input_is_bad_then_every_file_gets_one_row_and_the_tables_hold(tmp_path):
    inp, out = tmp_path / "in", tmp_path / "out"
    expected = make_bad_inputs(inp)
    result = run(inp, out, workers=1, max_chars=5000)
    rows = {r["article_id"].lstrip("'"): r for r in read_csv(out, "articles")}
    assert {k: rows[k]["status"] for k in expected} == expected
    assert len(rows) == len(expected)
    for r in rows.values():
        assert (r["status"] == "ok") == (r["error"] == ""), r
        assert "\n" not in r["error"]
    assert rows["legacy"]["chars"] and "cœur" in (inp / "legacy.txt").read_bytes().decode("cp1252")
    assert rows["english"]["error"].startswith("E105")
    assert check_tables(out, inp) == "0 problems"
    assert result.skipped == 2   # notes.csv and the link to a folder
    run_json = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert run_json["schema_version"] == "1.1" and run_json["counts"]["skipped_files"] == 2


def test_when_a_cell_looks_like_a_formula_then_csv_escapes_it(tmp_path):
    inp, out = tmp_path / "in", tmp_path / "out"
    make_bad_inputs(inp)
    run(inp, out, workers=1, max_chars=5000)
    raw = (out / "articles.csv").read_text(encoding="utf-8")
    assert "'+33," in raw and "'=HYPERLINK(1)" in raw
    assert "\n+33," not in raw


def test_when_a_component_raises_then_only_that_article_is_error(tmp_path, monkeypatch):
    inp, out = tmp_path / "in", tmp_path / "out"
    inp.mkdir()
    for i in range(4):
        (inp / f"a{i}.txt").write_text(FRENCH + (" BOOM" if i == 2 else ""), encoding="utf-8")
    def boom(self, doc):
        if "BOOM" in doc.text:
            raise RuntimeError("kaboom")
    from pipeline.components.dates import DatesComponent
    monkeypatch.setattr(DatesComponent, "process", boom)
    run(inp, out, workers=1)
    status = {r["article_id"]: (r["status"], r["error"]) for r in read_csv(out, "articles")}
    assert status["a2"][0] == "error" and "kaboom" in status["a2"][1]
    assert [status[f"a{i}"][0] for i in (0, 1, 3)] == ["ok", "ok", "ok"]


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    """The seed, 70 winer-fr records and light rewrites of 4 of them (so that duplicate_of is
    filled), and their tables made by one worker."""
    d = tmp_path_factory.mktemp("sample")
    inp = winer_sample(d / "in", 70)
    shutil.copy(SEED, inp / SEED.name)
    with open(inp / "winer.jsonl", encoding="utf-8") as f:
        write_jsonl(copies_of([json.loads(line) for line in f], COPIES), inp / "copies.jsonl")
    out = d / "out1"
    run(inp, out, workers=1, unit_size=8)
    assert sum(1 for r in read_csv(out, "articles") if r["duplicate_of"]) == COPIES
    assert any(r["claim_id"] for r in read_csv(out, "attributions"))
    return inp, out


def same_tables(a: Path, b: Path) -> list[str]:
    """The files of two runs that differ: the tables and the text store."""
    files = [f"{t}.csv" for t in TABLES] + [texts.NAME]
    return [f for f in files if (a / f).read_bytes() != (b / f).read_bytes()]


@pytest.mark.slow
def test_when_two_workers_then_tables_are_byte_identical(sample, tmp_path):
    inp, ref = sample
    out = tmp_path / "out2"
    result = run(inp, out, workers=2, unit_size=8)
    assert json.loads((out / "run.json").read_text())["options"]["workers"] == 2
    assert same_tables(ref, out) == []
    assert check_tables(out, inp) == "0 problems"
    assert result.statuses == {"ok": SAMPLE}


@pytest.mark.slow
def test_when_a_worker_process_raises_then_others_keep_their_rows(sample, tmp_path, monkeypatch):
    """An exception outside the components' own guard (spaCy E871 in a worker) loses the
    worker's batch; the runner re-runs those articles alone and marks only the culprit."""
    inp, ref = sample
    boom_in = tmp_path / "in"
    shutil.copytree(inp, boom_in)
    (boom_in / "zz_boom.txt").write_text(FRENCH + " KABOOM", encoding="utf-8")
    orig = RuleComponent.__call__

    def call(self, doc):
        if "KABOOM" in doc.text:
            raise RuntimeError("worker blew up")
        return orig(self, doc)
    monkeypatch.setattr(RuleComponent, "__call__", call)
    out = tmp_path / "out"
    run(boom_in, out, workers=2, unit_size=8)
    status = {r["article_id"]: r["status"] for r in read_csv(out, "articles")}
    assert status.pop("zz_boom") == "error"
    assert set(status.values()) == {"ok"} and len(status) == SAMPLE
    for t in ("mentions", "quantities", "dates", "attributions"):
        assert [r for r in read_csv(out, t) if r["article_id"] != "zz_boom"] == read_csv(ref, t)


@pytest.mark.slow
def test_when_killed_midway_then_resume_gives_the_same_tables(sample, tmp_path):
    inp, ref = sample
    out = tmp_path / "out"
    exe = ROOT / ".venv" / "bin" / "depeche"
    cmd = [str(exe) if exe.exists() else "depeche", "run", str(inp), "-o", str(out), "-w", "1",
           "--partition-size", "4"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    parts = out / ".depeche" / "parts"
    deadline = time.time() + 300
    while time.time() < deadline and proc.poll() is None:
        if parts.exists() and len([p for p in parts.iterdir() if not p.name.endswith(".tmp")]) >= 3:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the run finished before it could be killed: resume after a kill was not tested"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert not (out / "run.json").exists()
    done_before = len(list(parts.glob("part-*")))
    result = run(inp, out, workers=1, resume=True, unit_size=4)
    assert 0 < result.resumed < SAMPLE and done_before * 4 >= result.resumed
    assert same_tables(ref, out) == []
    assert check_tables(out, inp) == "0 problems"


def test_when_resume_on_a_finished_run_then_nothing_is_redone(tmp_path):
    inp, out = tmp_path / "in", tmp_path / "out"
    inp.mkdir()
    (inp / "a.txt").write_text(FRENCH, encoding="utf-8")
    run(inp, out, workers=1)
    first = (out / "articles.csv").read_bytes()
    (inp / "b.txt").write_text(FRENCH, encoding="utf-8")     # a file added since
    result = run(inp, out, workers=1, resume=True)
    assert result.resumed == 1 and result.articles == 2
    rows = read_csv(out, "articles")
    assert [r["article_id"] for r in rows] == ["a", "b"]
    assert first.splitlines()[1] in (out / "articles.csv").read_bytes().splitlines()


@pytest.mark.parametrize("make, code", [
    (lambda t: (t / "missing", t / "out"), "E001"),
    (lambda t: (SEED, _file(t / "out.txt")), "E002"),
    (lambda t: (_folder(t / "nothing"), t / "out"), "E004"),
])
def test_when_usage_is_wrong_then_one_clear_line_and_exit_2(tmp_path, make, code):
    inp, out = make(tmp_path)
    with pytest.raises(UsageError, match=code):
        run(inp, out, workers=1)
    exe = ROOT / ".venv" / "bin" / "depeche"
    res = subprocess.run([str(exe), "run", str(inp), "-o", str(out)], capture_output=True, text=True)
    assert res.returncode == 2
    assert res.stderr.strip().count("\n") == 0 and code in res.stderr


def _file(p: Path) -> Path:
    p.write_text("x", encoding="utf-8")
    return p


def _folder(p: Path) -> Path:
    p.mkdir()
    (p / "readme.csv").write_text("x", encoding="utf-8")
    return p
