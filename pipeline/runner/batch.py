"""A run from INPUT to OUT: discover inputs, cut them into units, run an engine, store parts,
resume, show progress, merge into the tables of SCHEMA.md, write run.json (`run`); and the
rows of a few in-memory articles through the same local engine (`extract`)."""
from __future__ import annotations

import json
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pipeline
from pipeline import nlp as nlp_mod
from pipeline import tables as T
from pipeline.errors import E, RunError, UsageError
from pipeline.fsutil import write_text
from pipeline.io import texts
from pipeline.io.readers import discover
from pipeline.runner.engines import make_engine
from pipeline.runner.engines.local import LocalEngine
from pipeline.runner.store import Store
from pipeline.runner.work import Options, merge_tables

DEFAULT_UNIT = 64   # articles per part: the resume checkpoint and the Dask task size


@dataclass
class RunResult:
    out: Path
    counts: dict
    statuses: dict
    seconds: float
    skipped: int
    articles: int
    resumed: int = 0

    def summary(self) -> str:
        st = ", ".join(f"{n} {s}" for s, n in sorted(self.statuses.items()))
        rows = ", ".join(T.plural(self.counts[t.name], t.name) for t in T.TABLES if t is not T.ARTICLES)
        extra = f" ({self.resumed} kept from before)" if self.resumed else ""
        skipped = f", {T.plural(self.skipped, 'files')} skipped (not a supported format)" if self.skipped else ""
        return (f"depeche: {T.plural(self.articles, 'articles')} ({st}){extra}{skipped}; {rows}; "
                f"{self.seconds:.1f} s -> {self.out}")


def check_paths(input_path: Path, out: Path) -> None:
    if not input_path.exists():
        raise UsageError(E.E001.format(path=input_path))
    if out.exists() and not out.is_dir():
        raise UsageError(E.E002.format(path=out))
    try:
        out.mkdir(parents=True, exist_ok=True)
        probe = out / ".depeche-write-test"
        probe.write_text("", encoding="utf-8")
        probe.unlink()
    except OSError:
        raise UsageError(E.E003.format(path=out)) from None


def run(input_path, out, *, model_dir=None, workers: int | None = None, fmt: str = "csv",
        resume: bool = False, max_chars: int = 2_000_000, engine: str = "local",
        unit_size: int = DEFAULT_UNIT, progress=None, engine_options: dict | None = None) -> RunResult:
    t0 = time.perf_counter()
    input_path, out = Path(input_path), Path(out)
    check_paths(input_path, out)
    model_dir = str(Path(model_dir).resolve()) if model_dir else str(nlp_mod.default_model_dir())
    meta = nlp_mod.read_meta(Path(model_dir))
    found = discover(input_path)
    if not found.refs:
        raise UsageError(E.E004.format(path=input_path, skipped=found.skipped))
    workers = workers or os.cpu_count() or 1

    store = Store(out)
    options = {"format": fmt, "max_chars": max_chars, "engine": engine, "workers": workers,
               "unit_size": unit_size, "resume": resume}
    identity = {"model": model_dir, "model_version": meta.get("version"), "max_chars": max_chars}
    if resume and store.state().get("identity") not in (None, identity):
        raise UsageError(E.E006.format(what=f"{out} was made with other model or limits "
                                            f"({store.state().get('identity')}); run without --resume"))
    if resume:
        store.open_for_resume()
    else:
        store.reset()
    store.save_state({"identity": identity, "input": str(input_path.resolve())})
    done = store.done_ids() if resume else set()
    todo = [r for r in found.refs if r.article_id not in done]
    first = store.next_part_number()
    units = [(first + i // unit_size, todo[i:i + unit_size]) for i in range(0, len(todo), unit_size)]

    opts = Options(model_dir=model_dir, max_chars=max_chars)
    if engine == "local":   # a process per ~2 batches at most: small jobs don't pay for forks
        workers = max(1, min(workers, len(todo) // 32))
        options["workers"] = workers
    elif (engine_options or {}).get("scheduler"):
        options["workers"] = None   # a running cluster: its workers, not ours
        options["scheduler"] = engine_options["scheduler"]
    runner = make_engine(engine, workers, **(engine_options or {}))
    per_article = progress is not None and hasattr(runner, "on_article")
    if per_article:   # the bar moves as each article finishes, not as each unit of 64 is written
        runner.on_article = lambda: progress.advance(1)
    if progress:
        progress.start(total=len(found.refs), done=len(found.refs) - len(todo))
    try:
        for number, tables, n in runner.run(units, opts):
            store.write_part(number, tables)
            if progress and not per_article:
                progress.advance(n)
    except RunError as e:
        raise RunError(f"{e}; the other parts are written: run again with --resume -o {out}") from e
    finally:
        if progress:
            progress.stop()
    counts, statuses = store.merge(fmt)
    seconds = time.perf_counter() - t0
    result = RunResult(out, counts, dict(statuses), seconds, found.skipped, len(found.refs),
                       resumed=len(found.refs) - len(todo))
    _write_run_json(out, input_path, model_dir, meta, options, result, found)
    return result


def _write_run_json(out, input_path, model_dir, meta, options, result, found) -> None:
    import spacy
    info = {
        "schema_version": pipeline.SCHEMA_VERSION,
        "depeche_version": pipeline.__version__,
        "spacy_version": spacy.__version__,
        "model": {"path": model_dir, "name": meta.get("name"), "version": meta.get("version"),
                  "base": meta.get("base")},
        "input": str(input_path.resolve()),
        "options": options,
        "offsets": ("character offsets (code points) into the decoded text; for HTML, into the "
                    "main text extracted by trafilatura; for JSONL/JSON, into the record's text"),
        "counts": {"articles": result.articles, "input_files": found.files,
                   "skipped_files": found.skipped, "statuses": dict(sorted(result.statuses.items())),
                   "rows": result.counts, "resumed_articles": result.resumed},
        "seconds": round(result.seconds, 2),
        "python": sys.version.split()[0],
    }
    write_text(out / "run.json", json.dumps(info, ensure_ascii=False, indent=2) + "\n")


def extract(articles, model_dir=None, nlp=None, progress=None) -> dict[str, list]:
    """Rows of every table (actors reduced) for in-memory Articles (io.Article with text), by
    the local engine in this process (`nlp`, or the model folder's pipeline); `progress`
    (pipeline.progress.Progress) advances once per article."""
    model_dir = str(model_dir) if model_dir else str(nlp_mod.default_model_dir())
    articles = list(articles)
    out: dict[str, list] = {t.part: [] for t in T.TABLES}
    engine = LocalEngine(1, nlp=nlp)
    if progress:
        engine.on_article = lambda: progress.advance(1)
        progress.start(total=len(articles))
    try:
        for _, tables, _ in engine.run([(0, articles)], Options(model_dir=model_dir)):
            merge_tables(out, tables)
    finally:
        if progress:
            progress.stop()
    out.pop(texts.PART, None)   # the text store is the run's; in memory the caller has the texts
    return T.reduce(out)
