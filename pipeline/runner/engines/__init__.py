"""Engines: how units of work (lists of inputs) become per-unit tables.

One interface (`base.Engine`): `run(units, opts)` yields (unit number, tables, articles in
the unit) in any completion order; the store and the merge make the tables independent of
that order. Each engine is its own module:
- local.py: spaCy's own multiprocessing (`nlp.pipe(n_process=N)`), streaming;
- dask.py: one task per unit on a Dask.distributed cluster, each running the local engine.
"""
from __future__ import annotations

from pipeline.errors import UsageError
from pipeline.runner.engines.base import Engine

NAMES = ("local", "dask")   # `depeche run --engine`; the first is the default


def make_engine(name: str, workers: int, **options) -> Engine:
    if name == "local":
        from pipeline.runner.engines.local import LocalEngine
        return LocalEngine(workers)
    if name == "dask":
        from pipeline.runner.engines.dask import DaskEngine
        return DaskEngine(workers, **options)
    raise UsageError(f"unknown engine {name!r}: use one of {', '.join(NAMES)}")
