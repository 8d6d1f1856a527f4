"""The Dask engine: one task per unit of work on a Dask.distributed cluster.

The client (the `depeche run` process) only discovers the inputs and cuts them into units
(pipeline.runner); each unit becomes one task that a worker runs from start to end: it reads
its own inputs (Refs hold absolute paths and byte offsets, so INPUT must be on storage every
worker sees), runs the pipeline, loaded once per worker process (`pipeline.nlp.load` is
cached), and sends back the unit's rows: small dataclasses, never a spaCy Doc. The client
writes each part as its result arrives, keyed by unit number, so a task that Dask runs again
after its worker died still makes exactly one part, and the merge makes the tables
independent of which worker ran what and in what order.

Faults: a worker that dies takes its task with it and the scheduler gives the task to
another worker (up to `distributed.scheduler.allowed-failures` deaths per task, default 3);
a task that raises is retried `retries` times. An article that raises does not fail its
task: it gets status `error` like on the local engine. Units that still fail are reported
at the end, after every other part is written, so `--resume` redoes only those.
"""
from __future__ import annotations

import logging
import os
import queue
import sys
import time
import uuid
import warnings
from contextlib import contextmanager

import pipeline
from pipeline import nlp as nlp_mod
from pipeline.errors import RunError, UsageError
from pipeline.runner.engines.local import LocalEngine
from pipeline.runner.work import Options

RETRIES = 2              # reruns of a task that raised (worker deaths are counted by the scheduler)
CONNECT_TIMEOUT = "30s"  # to reach a running scheduler
WORKERS_TIMEOUT = 120    # seconds to wait for a first worker on a running cluster
POLL = 0.1               # seconds between looks at finished tasks and progress events


class DaskRunError(RunError):
    """Some units failed on the cluster; the others' parts are written."""


def _same_version(version: str) -> None:
    if version != pipeline.__version__:
        raise RuntimeError(f"this worker runs depeche {pipeline.__version__}, the client "
                           f"{version}: install the same version on every machine")


def load_pipeline(model_dir: str, version: str) -> int:
    """On a worker: build the pipeline once (cached per process for every later task)."""
    _same_version(version)
    nlp_mod.load(model_dir)
    return os.getpid()


def process_unit(number: int, refs: list, opts: Options, version: str,
                 topic: str | None = None) -> tuple[int, dict, int]:
    """On a worker: one unit from Refs to rows, with the local engine's extraction in one
    process (same batching, same per-article error handling, so the same rows). With `topic`,
    each finished article is logged as an event on it (the unit's number), for the progress bar."""
    _same_version(version)
    engine = LocalEngine(1)
    if topic:
        from distributed import get_worker
        worker = get_worker()
        engine.on_article = lambda: worker.log_event(topic, number)
    for _, tables, n in engine.run([(number, refs)], opts):
        return number, tables, n
    return number, {}, 0


class DaskEngine:
    """Runs units as Dask tasks: on a LocalCluster of `workers` single-threaded processes,
    or on the running cluster whose scheduler is at `scheduler` (tcp://HOST:PORT)."""

    def __init__(self, workers: int = 1, scheduler: str | None = None, retries: int = RETRIES,
                 dashboard_address: str = ":8787", connect_timeout: str = CONNECT_TIMEOUT, stream=None):
        self.workers = max(1, workers)
        self.scheduler = scheduler or None
        self.retries = retries
        self.dashboard_address = dashboard_address
        self.connect_timeout = connect_timeout
        self.stream = stream
        self.on_article = None   # called once per finished article (the progress bar), if set

    def run(self, units, opts: Options):
        units = list(units)
        if not units:
            return
        from distributed import as_completed

        with self._client() as client:
            run_id = uuid.uuid4().hex[:8]   # keys unique per run: runs may share a cluster
            # Every worker there is loads the pipeline first (workers that join later load it
            # with their first unit), so a model that does not load fails the run at once.
            warm = [client.submit(load_pipeline, opts.model_dir, pipeline.__version__,
                                  key=f"depeche-load-{i}-{run_id}", workers=[address],
                                  allow_other_workers=True, pure=False)
                    for i, address in enumerate(client.scheduler_info(n_workers=-1)["workers"])]
            ticks = Ticks(self.on_article, {number: len(refs) for number, refs in units})
            topic = f"depeche-articles-{run_id}" if self.on_article else None
            if topic:   # the handler runs on the client's event loop: it only queues
                client.subscribe_topic(topic, lambda event: ticks.events.put(event[1]))
            tasks = [client.submit(process_unit, number, refs, opts, pipeline.__version__, topic,
                                   key=f"depeche-unit-{number:06d}-{run_id}", pure=False,
                                   retries=self.retries)
                     for number, refs in units]
            loads = {f.key for f in warm}
            done = as_completed(warm + tasks, with_results=True, raise_errors=False)
            del warm, tasks   # as_completed holds the futures; each is released once handled
            failed = []
            for future, result in _completed(done, ticks.drain):
                if future.key in loads:
                    if future.status != "finished":
                        future.result()   # raises the worker's error (ModelError...): stop now
                    future.release()
                    continue
                if future.status == "finished":
                    ticks.finish(result[0])
                    yield result
                else:   # erred: result is (type, exception, traceback); or cancelled
                    failed.append((future.key, result[1] if isinstance(result, tuple) else result))
                future.release()
            if failed:
                key, error = failed[0]
                raise DaskRunError(
                    f"{len(failed)} of {len(units)} units failed on the cluster (first: {key}: "
                    f"{type(error).__name__}: {error})")

    @contextmanager
    def _client(self):
        from distributed import Client, LocalCluster

        cluster = None
        if self.scheduler:
            try:
                client = Client(self.scheduler, timeout=self.connect_timeout)
            except OSError as e:
                raise UsageError(f"cannot reach the Dask scheduler at {self.scheduler} ({e}): "
                                 f"start one (`dask scheduler`) or check --scheduler") from None
        else:
            with warnings.catch_warnings():   # "port 8787 in use, using another": we print the link
                warnings.simplefilter("ignore", UserWarning)
                cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True,
                                       dashboard_address=self.dashboard_address,
                                       silence_logs=logging.ERROR)
            try:
                client = Client(cluster)
            except BaseException:
                cluster.close()
                raise
        try:
            self._say(f"depeche: Dask dashboard {_dashboard(client)}")
            if self.scheduler:
                try:
                    client.wait_for_workers(1, timeout=WORKERS_TIMEOUT)
                except TimeoutError:
                    raise UsageError(f"the Dask scheduler at {self.scheduler} has no worker after "
                                     f"{WORKERS_TIMEOUT} s: start some (`dask worker "
                                     f"{self.scheduler}`)") from None
            yield client
        finally:
            client.close()
            if cluster is not None:
                cluster.close()

    def _say(self, line: str) -> None:
        print(line, file=self.stream or sys.stderr, flush=True)


class Ticks:
    """Progress per article from the workers' events, called on the client's own thread: an
    article is counted once even when its task runs again after a worker died (at most a unit's
    size per unit), and a finished unit counts its articles whose events have not come yet."""

    def __init__(self, on_article, sizes: dict[int, int]):
        self.on_article, self.sizes = on_article, sizes
        self.seen = dict.fromkeys(sizes, 0)
        self.events: queue.SimpleQueue = queue.SimpleQueue()
        self.early = 0   # articles counted from their own event, before their unit's result

    def _add(self, number: int, n: int) -> int:
        n = min(n, self.sizes.get(number, 0) - self.seen.get(number, 0))
        if n <= 0 or not self.on_article:
            return 0
        self.seen[number] += n
        for _ in range(n):
            self.on_article()
        return n

    def drain(self) -> None:
        while True:
            try:
                self.early += self._add(self.events.get_nowait(), 1)
            except queue.Empty:
                return

    def finish(self, number: int) -> None:
        self.drain()
        self._add(number, self.sizes.get(number, 0))


def _completed(done, between):
    """The (future, result) pairs of `done` as they finish, calling `between` every POLL s."""
    while not done.is_empty():
        batch = done.next_batch(block=False)
        between()
        if not batch:
            time.sleep(POLL)
        yield from batch


def _dashboard(client) -> str:
    try:
        return client.dashboard_link
    except (KeyError, AttributeError):
        return "off (install bokeh on the scheduler's machine to get one)"
