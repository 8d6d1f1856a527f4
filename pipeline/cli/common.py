"""What every command shares: the one mapping from errors to exit codes, printing data either
through a view or as JSON, and how much a command says (-q / -v).

Conventions: a command's data goes to standard output (a path `-` means it, pipeline.fsutil);
what it says about its work (progress, "wrote …", notes) goes to standard error, so
`depeche report OUT -o - > page.html` and pipes stay clean. `-q` says nothing but errors;
`-v` says more (each article that is not ok, every note)."""
from __future__ import annotations

import json
from contextlib import contextmanager
from dataclasses import dataclass
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


QUIET = typer.Option(False, "--quiet", "-q", help="Say nothing but errors: no progress bar, no summary.")
VERBOSE = typer.Option(False, "--verbose", "-v", help="Say more: each article that is not ok, every note.")


@dataclass(frozen=True)
class Talk:
    """How much a command says on standard error (-q: errors only; -v: details too)."""
    quiet: bool = False
    verbose: bool = False

    def say(self, message: str) -> None:
        if not self.quiet:
            typer.echo(message, err=True)

    def detail(self, message: str) -> None:
        if self.verbose and not self.quiet:
            typer.echo(message, err=True)

    def progress(self):
        """A progress bar on standard error, or None when quiet."""
        from pipeline.progress import Progress
        return None if self.quiet else Progress()
