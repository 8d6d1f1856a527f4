"""`depeche claims` and `depeche db`: the claims of a run in time order, and the run as one DuckDB
file (pipeline.crossdoc)."""
from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from pipeline.cli.common import QUIET, Talk, user_errors


class ClaimsFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


def claims_cmd(
    out: Path = typer.Argument(..., metavar="OUT", help="The OUT folder of `depeche run`."),
    speaker: str = typer.Option("", "--speaker", help="Claims of this speaker (actor name, id or alias, "
                                "or the speaker as written)."),
    about: str = typer.Option("", "--about", help="Claims whose content names this actor (name or alias), "
                              "else holds these words."),
    since: str = typer.Option("", "--since", help="First seen on or after this date (YYYY[-MM[-DD]])."),
    until: str = typer.Option("", "--until", help="First seen on or before this date (YYYY[-MM[-DD]])."),
    fmt: ClaimsFormat = typer.Option(ClaimsFormat.table, "--format", help="table, csv or json."),
):
    """What was claimed, by whom, about whom: one row per claim, in the order first seen."""
    from pipeline.crossdoc.query import claims_table, records
    from pipeline.inspect import load_tables
    with user_errors():
        df = claims_table(load_tables(out), speaker=speaker, about=about, since=since, until=until)
    rows = records(df)
    if fmt == ClaimsFormat.json:
        import json
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif fmt == ClaimsFormat.csv:
        import csv
        import sys

        from pipeline.io.writers import csv_cell
        w = csv.writer(sys.stdout, lineterminator="\n")
        w.writerow(list(df.columns))
        w.writerows([csv_cell(r[c], "int" if isinstance(r[c], int) else "str") for c in df.columns] for r in rows)
    else:
        from pipeline.views.terminal import print_claims
        print_claims(rows)


def db_cmd(
    out: Path = typer.Argument(..., metavar="OUT", help="The OUT folder of `depeche run`."),
    dest: Optional[Path] = typer.Option(None, "-o", "--output", help="DuckDB file to write "
                                        "(default: OUT/depeche.duckdb)."),
    quiet: bool = QUIET,
):
    """The run's tables in one DuckDB file, with keys and ready views (claim_list,
    claim_occurrences, quantity_claims, unique_articles)."""
    from pipeline.crossdoc.duckdb_export import export, summary
    with user_errors():
        dest = dest or Path(out) / "depeche.duckdb"
        counts = export(out, dest)
    Talk(quiet).say(summary(counts, dest))


def register(app: typer.Typer) -> None:
    app.command("claims")(claims_cmd)
    app.command("db")(db_cmd)
