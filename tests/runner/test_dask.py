"""The Dask engine: the same tables byte for byte as the local engine, on a LocalCluster and
on a running scheduler with `dask worker` processes, one of them killed mid-run."""
from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.components.dates import DatesComponent
from pipeline.io.readers import discover
from pipeline.runner import UsageError, run
from pipeline.runner.engines import dask as dask_engine
from pipeline.runner.engines.dask import DaskEngine, Ticks, process_unit
from pipeline.runner.work import Options
from tests.conftest import ROOT, SEED, WINER
from tests.crossdoc.corpus import copies_of, write_jsonl
from tests.runner.test_progress import Recorder

RECORDS = 100    # winer-fr records beside the seed
COPIES = 4       # light rewrites of some of them
ARTICLES = RECORDS + 1 + COPIES
PART = 10        # articles per task: 11 tasks, several per worker
BIN = Path(sys.executable).parent
FRENCH = ("Le maire de Lyon, Paul Marchand, a inauguré mardi un gymnase dans le quartier nord, "
          "après deux ans de travaux financés par la région Auvergne-Rhône-Alpes.")


def tables(out: Path) -> dict[str, bytes]:
    """Every table file of a run (run.json holds timings and options: not compared)."""
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file() and p.name != "run.json"}


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    """The seed and the first RECORDS winer-fr records, and their tables by the local engine
    with one worker."""
    d = tmp_path_factory.mktemp("dask")
    inp = d / "in"
    inp.mkdir()
    shutil.copy(SEED, inp / SEED.name)
    with open(WINER, encoding="utf-8") as f, open(inp / "winer.jsonl", "w", encoding="utf-8") as g:
        for i, line in enumerate(f):
            if i >= RECORDS:
                break
            g.write(line)
    with open(inp / "winer.jsonl", encoding="utf-8") as f:   # copies: duplicate_of is compared too
        write_jsonl(copies_of([json.loads(line) for line in f], COPIES), inp / "copies.jsonl")
    result = run(inp, d / "local", workers=1, engine="local")
    assert result.statuses == {"ok": ARTICLES}
    ref = tables(d / "local")
    assert ref["mentions.csv"].count(b"\n") > RECORDS   # the comparison is over real rows
    copies = [r for r in csv.DictReader(io.StringIO(ref["articles.csv"].decode("utf-8"))) if r["duplicate_of"]]
    assert len(copies) == COPIES and ref["claims.csv"].count(b"\n") > RECORDS
    return inp, ref


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def dask_cluster(logs: Path, n_workers: int = 2):
    """`dask scheduler` and `dask worker` processes on 127.0.0.1, each in its own process
    group (a worker's nanny and its worker process die together); all torn down at the end.
    Their logs go to `logs`. Yields the scheduler address, a Client to it, and the worker
    processes by name."""
    from distributed import Client

    address = f"tcp://127.0.0.1:{free_port()}"
    procs: dict[str, subprocess.Popen] = {}
    client = None

    def start(name, *args):
        with open(logs / f"{name}.log", "wb") as log:
            procs[name] = subprocess.Popen([str(BIN / "dask"), *args], cwd=ROOT, start_new_session=True,
                                           stdout=log, stderr=subprocess.STDOUT)
    try:
        start("scheduler", "scheduler", "--host", "127.0.0.1", "--port", address.rsplit(":", 1)[1],
              "--dashboard-address", "127.0.0.1:0")
        for i in range(n_workers):
            start(f"w{i}", "worker", address, "--nthreads", "1", "--nworkers", "1", "--name", f"w{i}",
                  "--host", "127.0.0.1", "--no-dashboard")
        client = Client(address, timeout="60s")
        client.wait_for_workers(n_workers, timeout=120)
        yield address, client, procs
    finally:
        if client is not None:
            client.close()
        for proc in procs.values():
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGTERM)
        for proc in procs.values():
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()


@pytest.mark.slow
@pytest.mark.services
def test_when_engine_is_dask_on_a_local_cluster_then_tables_are_those_of_the_local_engine(sample, tmp_path, monkeypatch):
    inp, ref = sample
    out = tmp_path / "out"
    progress, made = Recorder(), []
    monkeypatch.setattr(dask_engine, "Ticks", lambda *a: made.append(Ticks(*a)) or made[-1])
    result = run(inp, out, workers=2, engine="dask", unit_size=PART, progress=progress)
    assert tables(out) == ref
    assert result.statuses == {"ok": ARTICLES}
    assert len(list((out / ".depeche" / "parts").glob("part-*"))) == -(-ARTICLES // PART)
    # the bar moves once per article, most of them from the workers' events as each finishes
    # (not all at once when their unit of PART comes back)
    assert progress.steps == [1] * ARTICLES and made[0].early > ARTICLES // 2


def test_when_events_repeat_or_lag_then_each_article_is_counted_once():
    # a task run again after its worker died logs its articles again; events may come after
    # the unit's result: every unit counts exactly its size, as its articles finish
    seen = []
    ticks = Ticks(lambda: seen.append(1), {0: 3, 1: 2})
    for number in (0, 0, 1):
        ticks.events.put(number)
    ticks.drain()
    assert len(seen) == 3
    for number in (0, 0, 0):      # the rerun of unit 0: one article more at most
        ticks.events.put(number)
    ticks.drain()
    assert len(seen) == 4
    ticks.finish(1)               # unit 1 done with one event not come yet
    ticks.events.put(1)           # ... which comes late: not counted twice
    ticks.finish(0)
    assert len(seen) == 5


class KillOnFirstPart:
    """A progress object that kills a worker busy with a unit once the first article is done."""

    def __init__(self, client, procs):
        self.client, self.procs, self.killed = client, procs, None

    def start(self, total, done=0):
        pass

    def advance(self, n):
        if self.killed:
            return
        names = {a: w["name"] for a, w in self.client.scheduler_info(n_workers=-1)["workers"].items()}
        busy = [names[a] for a, keys in self.client.processing().items()
                if any(str(k).startswith("depeche-unit") for k in keys)]
        if busy:
            self.killed = busy[0]
            os.killpg(self.procs[self.killed].pid, signal.SIGKILL)

    def stop(self):
        pass


@pytest.mark.slow
@pytest.mark.services
def test_when_a_worker_dies_mid_run_then_its_unit_runs_elsewhere_and_tables_are_identical(sample, tmp_path):
    """Through a running scheduler and two `dask worker` processes: first a whole run, with the
    pipeline loaded once per worker; then a run during which a busy worker is killed."""
    from pipeline import nlp as nlp_mod

    inp, ref = sample
    with dask_cluster(tmp_path, 2) as (address, client, procs):
        out = tmp_path / "out"
        run(inp, out, workers=2, engine="dask", unit_size=PART, engine_options={"scheduler": address})
        assert tables(out) == ref
        loads = client.run(lambda: nlp_mod.load.cache_info().misses)
        assert sorted(loads.values()) == [1, 1]

        out = tmp_path / "killed"
        progress = KillOnFirstPart(client, procs)
        result = run(inp, out, workers=2, engine="dask", unit_size=PART, progress=progress,
                     engine_options={"scheduler": address})
        assert progress.killed is not None
        assert procs[progress.killed].wait(timeout=20) == -signal.SIGKILL
        assert len(client.scheduler_info(n_workers=-1)["workers"]) == 1
        assert tables(out) == ref
        assert result.statuses == {"ok": ARTICLES}


def failing_on(word: str, method):
    """A component's `process` that raises on the Docs whose text holds `word`."""
    return lambda self, doc: _raise(word) if word in doc.text else method(self, doc)


def _raise(word: str):
    raise RuntimeError(f"broken on purpose by {word}")


@pytest.mark.slow
def test_when_an_article_raises_in_a_dask_task_then_only_it_is_error(tmp_path, monkeypatch, nlp):
    """What a worker runs for a unit, here in this process: the failing article gets status
    `error`, the unit still returns every article's rows."""
    for i in range(3):
        (tmp_path / f"a{i}.txt").write_text(FRENCH + (" ZUT" if i == 1 else ""), encoding="utf-8")
    monkeypatch.setattr(DatesComponent, "process", failing_on("ZUT", DatesComponent.process))
    import pipeline
    opts = Options(model_dir=None)   # the session's pipeline (the `nlp` fixture), not another build
    number, rows, n = process_unit(7, discover(tmp_path).refs, opts, pipeline.__version__)
    status = {r.article_id: r.status for r in rows["articles"]}
    assert (number, n) == (7, 3)
    assert status == {"a0": "ok", "a1": "error", "a2": "ok"}
    assert "broken on purpose" in rows["articles"][1].error
    assert {m.article_id for m in rows["mentions"]} == {"a0", "a2"}


def test_when_a_worker_runs_another_depeche_version_then_the_task_refuses():
    with pytest.raises(RuntimeError, match="install the same version"):
        process_unit(0, [], Options(model_dir="unused"), "0.0.0-other")


def test_when_there_is_nothing_to_do_then_no_cluster_is_started():
    assert list(DaskEngine(2).run([], Options(model_dir="unused"))) == []


def test_when_the_scheduler_is_unreachable_then_a_usage_error_names_it(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(FRENCH, encoding="utf-8")
    address = f"tcp://127.0.0.1:{free_port()}"
    with pytest.raises(UsageError, match=f"cannot reach the Dask scheduler at {address}"):
        run(tmp_path / "in", tmp_path / "out", engine="dask",
            engine_options={"scheduler": address, "connect_timeout": "1s"})
