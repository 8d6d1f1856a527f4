"""Executors: how units of work (lists of Refs) become per-unit tables.

One interface, `Executor.run(units, opts) -> iterator of (unit number, tables)`, in any
completion order; the store and the merge make the result independent of that order.
- LocalExecutor: spaCy's own multiprocessing (`nlp.pipe(n_process=N)`), streaming.
- DaskExecutor (pipeline.runner.dask_executor): one task per unit on a Dask cluster.
"""
from __future__ import annotations

import itertools
from collections import deque
from typing import Iterable, Iterator, Protocol

from pipeline import nlp as nlp_mod
from pipeline.errors import one_line
from pipeline.runner.work import Options, extract_one, merge_tables, prepare, tabulate


class Executor(Protocol):
    workers: int

    def run(self, units: Iterable[tuple[int, list]], opts: Options) -> Iterator[tuple[int, dict, int]]:
        """Yield (unit number, tables, articles in the unit) as units finish."""


def _record_errors(proc_name, proc, docs, e):
    """spaCy error handler: an exception in a component is written on its Doc (the article then
    gets status `error`); a Doc lost in a worker (E871, no Doc given) is re-run by the runner."""
    for doc in docs or ():
        if doc is not None:
            doc._.depeche_errors = list(doc._.depeche_errors or []) + [
                one_line(f"{proc_name}: {type(e).__name__}: {e}")]


class LocalExecutor:
    """Streams all units through one `nlp.pipe(n_process=workers)`: workers never idle
    between units. Docs come back in input order, minus any lost to a worker exception;
    those are matched by text and re-run one by one in this process, so a failing article
    gets status `error` and the others their rows."""

    def __init__(self, workers: int = 1, batch_size: int = 16):
        self.workers = max(1, workers)
        self.batch_size = batch_size

    def run(self, units, opts: Options):
        inflight: deque = deque()     # (unit slot, article slot, segment index, text) fed to spaCy
        slots: deque = deque()        # unit slots in input order

        def feed():
            for number, refs in units:
                unit = {"number": number, "tables": {}, "articles": [], "open": 0, "fed": False,
                        "size": len(refs)}
                slots.append(unit)
                for ref in refs:
                    art, segs = prepare(ref, opts)
                    if len(segs) > 1:   # a long article: its segments one at a time, here (a
                        # batch of them would need memory in proportion to its length)
                        merge_tables(unit["tables"], extract_one(nlp_mod.load(opts.model_dir), art, segs))
                        continue
                    a = {"art": art, "segs": segs, "docs": [None] * len(segs), "left": len(segs)}
                    unit["articles"].append(a)
                    if segs:
                        unit["open"] += 1
                    for i, (_, text) in enumerate(segs):
                        inflight.append((unit, a, i, text))
                        yield text
                unit["fed"] = True

        def finish_article(unit, a):
            docs = [(off, d) for (off, _), d in zip(a["segs"], a["docs"])]
            merge_tables(unit["tables"], tabulate(a["art"], docs))
            unit["open"] -= 1

        def settle(unit, a, i, doc):
            a["docs"][i] = doc
            a["left"] -= 1
            if a["left"] == 0:
                finish_article(unit, a)

        def recover(unit, a, i, text):
            if a["left"] < 0:   # the article already failed
                return
            try:
                settle(unit, a, i, nlp(text))
            except Exception:  # noqa: BLE001
                a["left"] = -1
                merge_tables(unit["tables"], extract_one(nlp, a["art"], a["segs"]))
                unit["open"] -= 1

        def ready():
            while slots and slots[0]["fed"] and slots[0]["open"] == 0:
                unit = slots.popleft()
                for a in unit["articles"]:
                    if not a["segs"]:
                        merge_tables(unit["tables"], tabulate(a["art"], []))
                yield unit["number"], unit["tables"], unit["size"]

        texts = feed()
        first = next(texts, None)
        if first is None:   # nothing to parse (all empty, not French, ...): no model to load
            for unit in slots:
                unit["fed"] = True
            yield from ready()
            return
        nlp = nlp_mod.load(opts.model_dir)
        nlp.default_error_handler = _record_errors  # Language-level only (per-pipe setter fails on Cython pipes)
        docs = nlp.pipe(itertools.chain([first], texts), n_process=self.workers, batch_size=self.batch_size)
        for doc in docs:
            while inflight:
                unit, a, i, text = inflight.popleft()
                if doc.text == text:
                    settle(unit, a, i, doc)
                    break
                recover(unit, a, i, text)
            yield from ready()
        while inflight:
            recover(*inflight.popleft())
        for unit in slots:
            unit["fed"] = True
        yield from ready()


def make_executor(engine: str, workers: int, **kwargs) -> Executor:
    if engine == "local":
        return LocalExecutor(workers)
    if engine == "dask":
        from pipeline.runner.dask_executor import DaskExecutor
        return DaskExecutor(workers, **kwargs)
    raise ValueError(f"unknown engine {engine!r}: use local or dask")
