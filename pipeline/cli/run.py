"""`depeche run`: the tables of SCHEMA.md from every article under INPUT."""
from __future__ import annotations

import os
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from pipeline.cli.common import QUIET, VERBOSE, Talk, user_errors
from pipeline.io.writers import FORMATS
from pipeline.runner.engines import NAMES as ENGINES

# choices named by the modules that implement them
Fmt = Enum("Fmt", {name: name for name in FORMATS}, type=str)
Engine = Enum("Engine", {name: name for name in ENGINES}, type=str)


def run_cmd(
    input: Path = typer.Argument(..., metavar="INPUT", help="A folder of dispatches (or one file)."),
    out: Path = typer.Option(..., "-o", "--out", help="Folder to write the tables into."),
    model: Optional[Path] = typer.Option(None, "--model", help="Model folder (default: shipped)."),
    workers: Optional[int] = typer.Option(None, "--workers", "-w", help="Worker processes, at least 1 "
                                          "(default: one per core)."),
    fmt: Fmt = typer.Option(next(iter(Fmt)).value, "--format", help="Table format: " + ", ".join(FORMATS) + "."),
    resume: bool = typer.Option(False, "--resume", help="Continue the run in OUT: process only what it "
                                "lacks or what changed since."),
    overwrite: bool = typer.Option(False, "--overwrite", help="Replace the run in OUT: remove its tables "
                                   "(either format) and state first."),
    strict: bool = typer.Option(False, "--strict", help="Exit 1 if any article is not ok."),
    max_chars: int = typer.Option(2_000_000, "--max-chars", help="Larger articles get too_large."),
    engine: Engine = typer.Option(ENGINES[0], "--engine", help="local processes or a dask cluster."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="tcp://HOST:PORT of a running "
                                            "Dask scheduler (or DASK_SCHEDULER_ADDRESS)."),
    partition_size: Optional[int] = typer.Option(None, "--partition-size", help="Articles per part/task "
                                                 "(default 64)."),
    quiet: bool = QUIET,
    verbose: bool = VERBOSE,
):
    """Extract the tables of SCHEMA.md from every article under INPUT."""
    from pipeline.runner import DEFAULT_UNIT, run

    talk = Talk(quiet, verbose)
    options = {}
    if engine.value == "dask":
        options["scheduler"] = scheduler or os.environ.get("DASK_SCHEDULER_ADDRESS")
    with user_errors(interrupted=f"interrupted; finished parts are kept: run again with --resume -o {out}"):
        result = run(input, out, model_dir=model, workers=workers, fmt=fmt.value, resume=resume,
                     overwrite=overwrite, max_chars=max_chars, engine=engine.value,
                     unit_size=DEFAULT_UNIT if partition_size is None else partition_size,
                     progress=talk.progress(), engine_options=options)
    if not quiet:
        typer.echo(result.summary())
    if verbose:
        from pipeline.inspect import read_table
        arts = read_table(out, "articles")
        for r in arts[arts["status"] != "ok"].itertuples(index=False):
            talk.detail(f"{r.article_id}: {r.status}: {r.error}")
    if strict and any(s != "ok" for s in result.statuses):
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("run")(run_cmd)
