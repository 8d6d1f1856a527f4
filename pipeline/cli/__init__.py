"""`depeche`: thin typer commands over importable functions that return data.

One module per group of commands, each with `register(app)`; what they share (the mapping of
errors to exit codes) is in common.py. Commands import their work lazily, so `depeche --help`
starts without spaCy.
"""
from __future__ import annotations

import typer

from pipeline.cli import browse, claims, gold, run, tools

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False, rich_markup_mode=None,
                  context_settings={"help_option_names": ["-h", "--help"]},
                  help="French news extraction: actors, quantities, dates, attributions as tables.")


def _version(value: bool):
    if value:
        import pipeline
        typer.echo(f"depeche {pipeline.__version__}")
        raise typer.Exit()


@app.callback()
def _root(version: bool = typer.Option(False, "--version", "-V", callback=_version, is_eager=True,
                                       help="Print the version and exit.")):
    """depeche: French news extraction."""


for _module in (run, tools, gold, browse, claims):
    _module.register(app)


def main():
    app(prog_name="depeche")


if __name__ == "__main__":
    main()
