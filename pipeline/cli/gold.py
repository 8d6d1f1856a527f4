"""`depeche gold check DIR`: the gold validator (pipeline.evaluate.validate) over a gold folder."""
from __future__ import annotations

from pathlib import Path

import typer

from pipeline.cli.common import user_errors
from pipeline.errors import UsageError

gold_app = typer.Typer(no_args_is_help=True, help="Gold files (ANNOTATION.md): check them.")


@gold_app.command("check")
def check_cmd(
    gold: Path = typer.Argument(..., metavar="GOLD", help="A folder of gold files (and its splits.json), or one gold file."),
):
    """One line per problem of the gold files (spans, ids, links, sets, sha256, splits); exit 1 if any."""
    from pipeline.evaluate.validate import check

    with user_errors():
        if not gold.exists():
            raise UsageError(f"gold {gold} does not exist: give a folder of <article_id>.json gold files")
        files, problems = check(gold)
    for line in problems:
        typer.echo(line)
    if problems:
        typer.echo(f"depeche: {len(problems)} problems in {files} gold files of {gold}", err=True)
        raise typer.Exit(1)
    typer.echo(f"depeche: {files} gold files of {gold}, no problem", err=True)


def register(app: typer.Typer) -> None:
    app.add_typer(gold_app, name="gold")
