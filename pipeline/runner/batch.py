"""A run from INPUT to OUT: discover inputs, cut them into units, run an engine, store parts,
resume, show progress, merge into the tables of SCHEMA.md, write run.json (`run`); and the
rows of a few in-memory articles through the same local engine (`extract`)."""
from __future__ import annotations

import os
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pipeline
from pipeline import nlp as nlp_mod
from pipeline import tables as T
from pipeline.errors import E, RunError, UsageError
from pipeline.io import texts
from pipeline.io.metadata import escape_name
from pipeline.io.readers import digest, discover
from pipeline.runner import lock, publish
from pipeline.runner.engines import make_engine
from pipeline.runner.across import link
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
    duplicates: int = 0        # articles that are copies of another (duplicate_of)
    merge_seconds: float = 0.0  # the final merge, steps across articles included

    def summary(self) -> str:
        st = ", ".join(f"{n} {s}" for s, n in sorted(self.statuses.items()))
        rows = ", ".join(T.plural(self.counts[t.name], t.name) for t in T.TABLES if t is not T.ARTICLES)
        extra = f" ({self.resumed} kept from before)" if self.resumed else ""
        extra += f", {T.plural(self.duplicates, 'near-duplicates')}" if self.duplicates else ""
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


def check_options(*, workers, unit_size, max_chars, resume, overwrite) -> None:
    """Range-check every numeric option before any work (usage errors, exit 2)."""
    for option, value in (("--workers", workers), ("--partition-size", unit_size), ("--max-chars", max_chars)):
        if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
            raise UsageError(E.E009.format(option=option, rule="a whole number of at least 1", value=value))
    if resume and overwrite:
        raise UsageError(E.E006.format(what="--resume continues the run in OUT and --overwrite "
                                            "replaces it: choose one"))


def run(input_path, out, *, model_dir=None, workers: int | None = None, fmt: str = "csv",
        resume: bool = False, overwrite: bool = False, max_chars: int = 2_000_000, engine: str = "local",
        unit_size: int = DEFAULT_UNIT, progress=None, engine_options: dict | None = None) -> RunResult:
    """Run INPUT into OUT (module docstring). One run per OUT at a time: OUT is locked first
    thing, before the model loads, and unlocked at the end however the run ends."""
    t0 = time.perf_counter()
    input_path, out = Path(input_path), Path(out)
    check_options(workers=workers, unit_size=unit_size, max_chars=max_chars, resume=resume,
                  overwrite=overwrite)
    check_paths(input_path, out)
    try:
        lock.acquire(out)
    except lock.Locked as e:
        raise UsageError(E.E007.format(out=out, pid=e.pid)) from None
    except OSError as e:
        raise RunError(E.E011.format(out=out, detail=_os_detail(e), kept="nothing in it was changed")) from None
    try:
        return _run(t0, input_path, out, model_dir=model_dir, workers=workers, fmt=fmt, resume=resume,
                    overwrite=overwrite, max_chars=max_chars, engine=engine, unit_size=unit_size,
                    progress=progress, engine_options=engine_options)
    except OSError as e:   # OUT unwritable midway, disk full: say what is left, in one line
        shutil.rmtree(out / publish.STATE / publish.STAGING, ignore_errors=True)
        kept = ("the previous run's tables are kept" if (out / publish.RUN_JSON).exists()
                else "no complete set of tables is claimed (no run.json)")
        raise RunError(E.E011.format(out=out, detail=_os_detail(e), kept=(
            f"{kept}, and every finished part: fix it and run again with --resume"))) from None
    finally:
        lock.release(out)


def _run(t0, input_path: Path, out: Path, *, model_dir, workers, fmt, resume, overwrite, max_chars,
         engine, unit_size, progress, engine_options) -> RunResult:
    model_dir = str(Path(model_dir).resolve()) if model_dir else str(nlp_mod.default_model_dir())
    meta = nlp_mod.read_meta(Path(model_dir))
    found = discover(input_path, out=out)
    if not found.refs:
        raise UsageError(E.E004.format(path=input_path, skipped=found.skipped))
    workers = workers or os.cpu_count() or 1
    source = escape_name(str(input_path.resolve()))

    store = Store(out)
    options = {"format": fmt, "max_chars": max_chars, "engine": engine, "workers": workers,
               "unit_size": unit_size, "resume": resume}
    identity = {"model": escape_name(model_dir), "model_version": meta.get("version"), "max_chars": max_chars}
    if resume:
        todo = _resume_plan(store, out, source, identity, found.refs, max_chars)
    else:
        if publish.holds_a_run(out):
            if not overwrite:
                raise UsageError(E.E008.format(out=out))
            publish.clear(out)
        store.reset()
        todo = found.refs
    store.save_state({"identity": identity, "input": source})
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
    staging = publish.staging_dir(out)
    t_merge = time.perf_counter()
    counts, statuses = store.merge(fmt, staging)
    result = RunResult(out, counts, dict(statuses), time.perf_counter() - t0, found.skipped,
                       len(found.refs), resumed=len(found.refs) - len(todo), duplicates=store.duplicates,
                       merge_seconds=time.perf_counter() - t_merge)
    publish.publish(out, staging, _run_info(source, model_dir, meta, options, result, found))
    return result


def _resume_plan(store: Store, out: Path, source: str, identity: dict, refs: list, max_chars: int) -> list:
    """What --resume must (re)do: inputs with no row, or whose path or sha256 differs from
    their row's; rows of inputs that are gone or changed are dropped from the parts first."""
    state = store.state()
    previous = state.get("input") or publish.read_run(out).get("input")
    if previous and previous != source:
        raise UsageError(E.E010.format(out=out, previous=previous, input=source))
    if state.get("identity") not in (None, identity):
        raise UsageError(E.E006.format(what=f"{out} was made with other model or limits "
                                            f"({state.get('identity')}); run without --resume"))
    store.open_for_resume()
    done = store.done()
    keep = {r.article_id for r in refs
            if done.get(r.article_id, (None,))[0] == r.path and done[r.article_id][1] == digest(r, max_chars)}
    gone = set(done) - keep
    if gone:
        store.drop(gone)
    return [r for r in refs if r.article_id not in keep]


def _os_detail(e: OSError) -> str:
    return f"{e.strerror or type(e).__name__}" + (f": {escape_name(str(e.filename))}" if e.filename else "")


def _run_info(source, model_dir, meta, options, result, found) -> dict:
    import spacy
    return {
        "schema_version": pipeline.SCHEMA_VERSION,
        "depeche_version": pipeline.__version__,
        "spacy_version": spacy.__version__,
        "model": {"path": escape_name(model_dir), "name": meta.get("name"), "version": meta.get("version"),
                  "base": meta.get("base")},
        "input": source,
        "options": options,
        "offsets": ("character offsets (code points) into the decoded text; for HTML, into the "
                    "main text extracted by trafilatura; for JSONL/JSON, into the record's text"),
        "counts": {"articles": result.articles, "input_files": found.files,
                   "skipped_files": found.skipped, "statuses": dict(sorted(result.statuses.items())),
                   "rows": result.counts, "resumed_articles": result.resumed,
                   "duplicate_articles": result.duplicates},
        "seconds": round(result.seconds, 2),
        "merge_seconds": round(result.merge_seconds, 2),
        "python": sys.version.split()[0],
    }


def extract(articles, model_dir=None, nlp=None, progress=None) -> dict[str, list]:
    """Rows of every table (actors reduced, the steps across articles run) for in-memory
    Articles (io.Article with text), by the local engine in this process (`nlp`, or the model
    folder's pipeline); `progress` (pipeline.progress.Progress) advances once per article."""
    model_dir = str(model_dir) if model_dir else str(nlp_mod.default_model_dir())
    articles = list(articles)
    out: dict[str, list] = {part: [] for part, _ in T.stored()}
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
    return link(T.reduce(out))
