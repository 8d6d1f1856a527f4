"""OUT belongs to one run: the lock, --overwrite, the published set, --resume that notices
what changed, option ranges, a disk that fills up."""
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

from pipeline.errors import RunError, UsageError
from pipeline.io import texts
from pipeline.runner import lock, run
from pipeline.runner.publish import sha256_file
from tests.conftest import ROOT, SEED
from tests.hostile import FRENCH
from tests.runner.test_run import check_tables, read_csv, winer_sample

DEPECHE = str(ROOT / ".venv" / "bin" / "depeche")
OTHER = FRENCH.replace("jeudi", "vendredi").replace("16 000", "20 000")


def folder(path: Path, files: dict[str, str]) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (path / name).parent.mkdir(parents=True, exist_ok=True)
        (path / name).write_text(text, encoding="utf-8")
    return path


def cli(*args: str, timeout: int = 600) -> subprocess.CompletedProcess:
    return subprocess.run([DEPECHE, *args], capture_output=True, text=True, timeout=timeout)


def one_line_error(res: subprocess.CompletedProcess, code: str, exit_code: int = 2) -> str:
    assert res.returncode == exit_code, res.stderr[-2000:]
    err = res.stderr.strip()
    assert err.count("\n") == 0 and code in err, err
    return err


def run_json(out: Path) -> dict:
    return json.loads((out / "run.json").read_text(encoding="utf-8"))


# -- one writer per OUT ---------------------------------------------------------------------------
HOLD = "import sys, time; from pipeline.runner import lock; lock.acquire(sys.argv[1]); print('held', flush=True); time.sleep(600)"


def hold_lock(out: Path) -> subprocess.Popen:
    out.mkdir(parents=True, exist_ok=True)
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(out)], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    assert proc.stdout.readline().strip() == "held"
    return proc


def test_when_another_process_holds_out_then_the_run_refuses_before_loading_the_model(tmp_path, monkeypatch):
    inp, out = folder(tmp_path / "in", {"a.txt": FRENCH}), tmp_path / "out"
    holder = hold_lock(out)
    try:
        from pipeline import nlp as nlp_mod
        monkeypatch.setattr(nlp_mod, "load", lambda *a, **k: pytest.fail("the model loaded before the lock"))
        with pytest.raises(UsageError, match=rf"E007 .*\(pid {holder.pid}\)"):
            run(inp, out, workers=1)
        monkeypatch.undo()
        os.kill(holder.pid, signal.SIGKILL)   # a lock whose process is gone never blocks
        holder.wait()
        result = run(inp, out, workers=1)
        assert result.statuses == {"ok": 1}
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()


def test_when_two_runs_write_one_out_at_once_then_the_second_refuses_and_the_first_is_whole(tmp_path):
    inp, out = winer_sample(tmp_path / "in", 60), tmp_path / "out"
    first = subprocess.Popen([DEPECHE, "run", str(inp), "-o", str(out), "-w", "1"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    held = out / lock.LOCK
    deadline = time.time() + 120
    while time.time() < deadline and not (held.is_file() and held.read_text().strip()):
        time.sleep(0.05)
    second = cli("run", str(inp), "-o", str(out), "-w", "1")
    still_running = first.poll() is None
    assert first.wait(timeout=600) == 0, first.stderr.read()
    if not still_running:
        pytest.skip("the first run ended before the second started: nothing was concurrent")
    err = one_line_error(second, "E007")
    assert f"pid {first.pid}" in err
    assert len(read_csv(out, "articles")) == 60 and check_tables(out, inp) == "0 problems"


# -- a run owns its OUT ---------------------------------------------------------------------------
def test_when_out_holds_another_run_then_refused_unless_resume_or_overwrite(tmp_path):
    inp, out = folder(tmp_path / "in", {"a.txt": FRENCH}), tmp_path / "out"
    run(inp, out, workers=1, fmt="parquet")
    (out / "notes.txt").write_text("mine", encoding="utf-8")   # the user's own file: kept
    with pytest.raises(UsageError, match="E008"):
        run(inp, out, workers=1)
    with pytest.raises(UsageError, match="E006"):
        run(inp, out, workers=1, resume=True, overwrite=True)
    (inp / "a.txt").rename(inp / "b.txt")
    run(inp, out, workers=1, overwrite=True)                   # csv now: no parquet table left
    assert not list(out.glob("*.parquet")) and (out / "articles.csv").exists()
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert sorted(run_json(out)["tables"]) == sorted([p.name for p in out.glob("*.csv")] + [texts.NAME])
    assert set(texts.read(out)) == {"b"}                        # the text store was replaced too


def test_when_published_then_run_json_lists_every_table_with_its_sha256(tmp_path):
    out = tmp_path / "out"
    run(SEED, out, workers=1, fmt="parquet")
    tables = run_json(out)["tables"]
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.parquet") if p.is_file())
    assert sorted(tables) == sorted(files + [texts.NAME]) and "articles.parquet/part-00000.parquet" in tables
    assert all(sha256_file(out / rel) == sha for rel, sha in tables.items())
    assert not (out / ".depeche" / "staging").exists()


def test_when_a_format_changes_on_resume_then_the_other_format_is_removed(tmp_path):
    inp, out = folder(tmp_path / "in", {"a.txt": FRENCH}), tmp_path / "out"
    run(inp, out, workers=1)
    run(inp, out, workers=1, fmt="parquet", resume=True)
    assert not list(out.glob("*.csv")) and all(rel.startswith(tuple(f"{t}.parquet/" for t in T.NAMES))
                                               for rel in run_json(out)["tables"] if rel != texts.NAME)


def test_when_out_is_inside_input_or_input_itself_then_discovery_skips_it(tmp_path):
    inp = folder(tmp_path / "in", {"a.txt": FRENCH, "feed.jsonl": json.dumps({"id": "r", "text": FRENCH}) + "\n"})
    for out in (inp / "out", inp):
        shutil.rmtree(inp / "out", ignore_errors=True)
        run(inp, out, workers=1)
        first = (out / "articles.csv").read_bytes()
        result = run(inp, out, workers=1, overwrite=True)   # its parts and run.json are not input
        assert result.articles == 2 and (out / "articles.csv").read_bytes() == first
        assert run(inp, out, workers=1, resume=True).resumed == 2


# -- readers trust only the published set ---------------------------------------------------------
def test_when_a_table_is_not_the_one_run_json_lists_then_inspect_refuses_it(tmp_path):
    from pipeline.inspect import InspectError, load_tables
    out = tmp_path / "out"
    run(SEED, out, workers=1)
    (out / "mentions.parquet").mkdir()   # a stale table of the other format: not listed, not read
    assert len(load_tables(out)["articles"]) == 1
    with open(out / "mentions.csv", "a", encoding="utf-8") as f:
        f.write("x,1,0,1,x,PER,,,model\n")
    with pytest.raises(InspectError, match="sha256"):
        load_tables(out)
    (out / "run.json").unlink()
    with pytest.raises(InspectError, match="no finished run"):
        load_tables(out)


def test_when_the_text_store_is_not_the_one_run_json_lists_then_show_refuses_it(tmp_path):
    from pipeline.inspect import InspectError, article_view, load_tables
    out = tmp_path / "out"
    run(SEED, out, workers=1)
    aid = load_tables(out)["articles"]["article_id"][0]
    assert article_view(out, aid)["text"] == texts.read(out)[aid] != ""
    texts.write(out, [[aid, "Un autre texte."]])
    with pytest.raises(InspectError, match="sha256"):
        article_view(out, aid)


# -- --resume notices what changed ---------------------------------------------------------------
def test_when_inputs_change_or_go_then_resume_redoes_or_drops_them(tmp_path):
    files = {"keep.txt": FRENCH, "edit.txt": FRENCH, "gone.txt": FRENCH,
             "feed.jsonl": json.dumps({"id": "r1", "text": FRENCH}) + "\n" + json.dumps({"id": "r2", "text": FRENCH}) + "\n"}
    inp, out = folder(tmp_path / "in", files), tmp_path / "out"
    run(inp, out, workers=1)
    (inp / "edit.txt").write_text(OTHER, encoding="utf-8")
    (inp / "gone.txt").unlink()
    (inp / "feed.jsonl").write_text(json.dumps({"id": "r1", "text": FRENCH}) + "\n" +
                                    json.dumps({"id": "r2", "text": OTHER}) + "\n", encoding="utf-8")
    result = run(inp, out, workers=1, resume=True)
    assert result.resumed == 2   # keep and r1
    fresh = tmp_path / "fresh"
    run(inp, fresh, workers=1)
    for table in ("articles", "mentions", "quantities", "dates", "attributions", "actors"):
        assert (out / f"{table}.csv").read_bytes() == (fresh / f"{table}.csv").read_bytes(), table
    assert (out / texts.NAME).read_bytes() == (fresh / texts.NAME).read_bytes()
    kept = texts.read(out)   # the text store in step: edited texts redone, deleted ones dropped
    assert "gone" not in kept and OTHER in kept["edit"] and kept["r2"] == OTHER
    assert check_tables(out, inp) == "0 problems"


def test_when_resumed_with_another_input_then_refused(tmp_path):
    a, b = folder(tmp_path / "a", {"x.txt": FRENCH}), folder(tmp_path / "b", {"x.txt": FRENCH})
    out = tmp_path / "out"
    run(a, out, workers=1)
    before = (out / "articles.csv").read_bytes()
    with pytest.raises(UsageError, match="E010"):
        run(b, out, workers=1, resume=True)
    assert (out / "articles.csv").read_bytes() == before


# -- usage errors: one line, exit 2 ---------------------------------------------------------------
@pytest.mark.parametrize("option, value", [("--workers", "-1"), ("--workers", "0"), ("--partition-size", "-1"),
                                           ("--partition-size", "0"), ("--max-chars", "-5"), ("--max-chars", "0")])
def test_when_a_numeric_option_is_out_of_range_then_one_line_and_exit_2(tmp_path, option, value):
    res = cli("run", str(SEED), "-o", str(tmp_path / "out"), option, value)
    err = one_line_error(res, "E009")
    assert option in err and not (tmp_path / "out" / "articles.csv").exists()


def test_when_a_rule_file_is_corrupted_then_its_e201_line_and_exit_2(tmp_path):
    model = tmp_path / "model"
    shutil.copytree(ROOT / "models" / "depeche-fr", model)
    cues = model / "depeche_attributions" / "cues.jsonl"
    cues.write_bytes(cues.read_bytes()[:-40] + b"\xff\xfe{broken\n")
    res = cli("run", str(SEED), "-o", str(tmp_path / "out"), "--model", str(model), "-w", "1")
    assert "cues.jsonl" in one_line_error(res, "E201")


# -- disk full ------------------------------------------------------------------------------------
@pytest.fixture
def small_disk(tmp_path):
    """A 6 MB tmpfs (root only), unmounted after the test."""
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs to fill needs root; the disk-full test is skipped")
    mnt = tmp_path / "disk"
    mnt.mkdir()
    res = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", str(mnt)], capture_output=True, text=True)
    if res.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({res.stderr.strip()}); the disk-full test is skipped")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


def fill(disk: Path, leave: int) -> Path:
    """Fill the disk up to `leave` bytes free."""
    st = os.statvfs(disk)
    free = st.f_bavail * st.f_frsize
    filler = disk / "filler"
    try:
        with open(filler, "ab") as f:
            f.write(b"\0" * max(0, free - leave))
    except OSError:   # full already: so much the better
        pass
    return filler


def test_when_the_disk_fills_then_the_previous_set_stays_one_line_exit_1_and_resume_completes(small_disk, tmp_path):
    inp = folder(tmp_path / "in", {f"a{i}.txt": FRENCH + f" Dépêche {i}." for i in range(6)})
    out = small_disk / "out"
    run(inp, out, workers=1, unit_size=2)
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    (inp / "a0.txt").write_text(OTHER, encoding="utf-8")              # work for the resume
    filler = fill(small_disk, leave=8 * 1024)
    res = cli("run", str(inp), "-o", str(out), "-w", "1", "--partition-size", "2", "--resume")
    err = one_line_error(res, "E011", exit_code=1)
    assert "No space left" in err
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before   # the set still claimed
    assert all(sha256_file(out / rel) == sha for rel, sha in run_json(out)["tables"].items())
    # the merge itself failing: parts written, tables do not fit beside the previous ones
    filler.unlink()
    with pytest.raises(RunError, match="E011 .*previous run's tables are kept"):
        _fail_merge_on_full_disk(inp, out, small_disk)
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before
    (small_disk / "filler").unlink()
    result = run(inp, out, workers=1, unit_size=2, resume=True)
    assert result.articles == 6 and check_tables(out, inp) == "0 problems"
    assert [r["sha256"] for r in read_csv(out, "articles") if r["article_id"] == "a0"] == [
        sha256_file(inp / "a0.txt")]


def _fail_merge_on_full_disk(inp: Path, out: Path, disk: Path):
    """Run --resume with the disk filled as the merge starts (parts already written)."""
    from pipeline.runner import publish
    orig = publish.staging_dir

    def staging_then_full(o):
        path = orig(o)
        fill(disk, leave=0)
        return path
    publish.staging_dir = staging_then_full
    try:
        return run(inp, out, workers=1, unit_size=2, resume=True)
    finally:
        publish.staging_dir = orig
