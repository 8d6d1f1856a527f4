"""The batch runner: discover inputs, cut them into units, run an engine, store parts,
resume, show progress, merge into the tables of SCHEMA.md, write run.json.

`run()` is what `depeche run` calls; `extract()` gives the rows of a few in-memory articles
(`evaluate`, `train`, Label Studio, tests) through the same local engine, in memory. Both are
in runner/batch.py, imported on first use, so that the command line and the engines' names
load without spaCy.

- batch.py: run() and extract(), run.json;
- work.py: one article from input to rows, shared by every engine;
- engines/: the local engine and the Dask engine, one interface;
- store.py: parts on disk, resume, the final merge.
"""
from __future__ import annotations

from pipeline.errors import UsageError

__all__ = ["run", "extract", "RunResult", "check_paths", "DEFAULT_UNIT", "UsageError"]


def __getattr__(name: str):
    if name in __all__:
        from pipeline.runner import batch
        return getattr(batch, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
