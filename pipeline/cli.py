"""`depeche`: thin typer commands over importable functions."""
from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="French news extraction: actors, quantities, dates, attributions as tables.")


class Fmt(str, Enum):
    csv = "csv"
    parquet = "parquet"


class Engine(str, Enum):
    local = "local"
    dask = "dask"


@app.callback()
def _root():
    """depeche: French news extraction."""


def _fail(message: str, code: int = 2):
    typer.echo(f"depeche: {message}", err=True)
    raise typer.Exit(code)


@app.command("run")
def run_cmd(
    input: Path = typer.Argument(..., help="A folder of dispatches (or one file)."),
    out: Path = typer.Option(..., "-o", "--out", help="Folder to write the tables into."),
    model: Optional[Path] = typer.Option(None, "--model", help="Model folder (default: shipped)."),
    workers: Optional[int] = typer.Option(None, "--workers", "-w", help="Worker processes, at least 1 "
                                          "(default: the cores)."),
    fmt: Fmt = typer.Option(Fmt.csv, "--format", help="csv, or parquet datasets."),
    resume: bool = typer.Option(False, "--resume", help="Continue the run in OUT: process only what it "
                                "lacks or what changed since."),
    overwrite: bool = typer.Option(False, "--overwrite", help="Replace the run in OUT: remove its tables "
                                   "(either format) and state first."),
    strict: bool = typer.Option(False, "--strict", help="Exit 1 if any article is not ok."),
    max_chars: int = typer.Option(2_000_000, "--max-chars", help="Larger articles get too_large."),
    engine: Engine = typer.Option(Engine.local, "--engine", help="local processes or a dask cluster."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="tcp://HOST:PORT of a running "
                                            "Dask scheduler (or DASK_SCHEDULER_ADDRESS)."),
    partition_size: Optional[int] = typer.Option(None, "--partition-size", help="Articles per part/task "
                                                 "(default 64)."),
):
    """Extract the tables of SCHEMA.md from every article under INPUT."""
    from pipeline.nlp import ModelError
    from pipeline.progress import Progress
    from pipeline.rules import RuleError
    from pipeline.runner import DEFAULT_UNIT, RunError, UsageError, run

    kwargs = {}
    if engine == Engine.dask:
        kwargs["scheduler"] = scheduler or os.environ.get("DASK_SCHEDULER_ADDRESS")
    try:
        result = run(input, out, model_dir=model, workers=workers, fmt=fmt.value, resume=resume,
                     overwrite=overwrite, max_chars=max_chars, engine=engine.value,
                     unit_size=DEFAULT_UNIT if partition_size is None else partition_size,
                     progress=Progress(), executor_options=kwargs)
    except (UsageError, ModelError, RuleError) as e:
        _fail(str(e))
    except RunError as e:
        _fail(str(e), 1)
    except RuntimeError as e:   # a Dask run whose parts still failed after retries (DaskRunError)
        if type(e).__name__ != "DaskRunError":
            raise
        _fail(f"{e}; the other parts are written: run again with --resume -o {out}", 1)
    except KeyboardInterrupt:
        _fail(f"interrupted; finished parts are kept: run again with --resume -o {out}", 130)
    typer.echo(result.summary())
    if strict and any(s != "ok" for s in result.statuses):
        raise typer.Exit(1)


def _register_tools() -> None:
    """Commands that sit beside the runner (evaluate, train, Label Studio, inspect, report)."""
    from pipeline import cli_tools
    cli_tools.register(app)
    try:
        from pipeline import cli_inspect
    except ImportError:   # not landed yet
        return
    cli_inspect.register(app)


_register_tools()


def main():
    app(prog_name="depeche")


if __name__ == "__main__":
    main()
