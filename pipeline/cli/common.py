"""What every command shares: the one mapping from errors to exit codes, and printing data
either through a view or as JSON."""
from __future__ import annotations

import json
from contextlib import contextmanager
from typing import Callable, NoReturn

import typer

from pipeline.errors import DepecheError


def fail(message: str, code: int = 2) -> NoReturn:
    """One line on stderr, then exit with `code`."""
    typer.echo(f"depeche: {message}", err=True)
    raise typer.Exit(code)


@contextmanager
def user_errors(interrupted: str = "interrupted"):
    """Run a command's body: a DepecheError becomes its one-line message and its exit_code
    (2 for usage, 1 for a run whose parts failed), Ctrl-C the `interrupted` line and 130.
    Anything else is a bug and keeps its traceback."""
    try:
        yield
    except DepecheError as e:
        fail(str(e), e.exit_code)
    except KeyboardInterrupt:
        fail(interrupted, 130)


def print_data(data: dict, as_json: bool, printer: Callable[[dict], None]) -> None:
    if as_json:
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        printer(data)
