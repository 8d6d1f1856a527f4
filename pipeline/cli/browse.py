"""`depeche inspect`, `depeche show`, `depeche report`: a run's output read back (pipeline.inspect)
and rendered (pipeline.views)."""
from __future__ import annotations

from pathlib import Path

import typer

from pipeline.cli.common import QUIET, VERBOSE, Talk, print_data, user_errors


def inspect_cmd(
    out: Path = typer.Argument(..., metavar="OUT", help="The OUT folder of `depeche run`."),
    actor: str = typer.Option("", "--actor", help="Only articles mentioning this actor (name, id or alias)."),
    speaker: str = typer.Option("", "--speaker", help="Only claims by this speaker (as written or its actor)."),
    article: str = typer.Option("", "--article", help="Only this article id."),
    since: str = typer.Option("", "--since", help="Only articles published on or after this date "
                              "(YYYY[-MM[-DD]]); undated ones are left out."),
    top: int = typer.Option(10, "--top", help="Rows per ranking (0: all)."),
    claims_limit: int = typer.Option(20, "--claims", help="Claims listed (0: all)."),
    keep_duplicates: bool = typer.Option(False, "--keep-duplicates", help="Count near-duplicate copies "
                                         "too (default: each group once)."),
    as_json: bool = typer.Option(False, "--json", help="Print the same content as JSON."),
):
    """What a run produced: statuses, top actors and speakers, claims, quantities, dates."""
    from pipeline.inspect import Filters, summarise
    from pipeline.views.terminal import print_summary
    with user_errors():
        s = summarise(out, Filters(actor=actor, speaker=speaker, article=article, since=since,
                                   keep_duplicates=keep_duplicates), top=top, claims_limit=claims_limit)
    print_data(s, as_json, print_summary)


def show_cmd(
    out: Path = typer.Argument(..., metavar="OUT", help="The OUT folder of `depeche run`."),
    article_id: str = typer.Argument(..., metavar="ARTICLE_ID[#N]", help="An article_id of articles.csv, or "
                                     "a claim as `inspect` prints it (ARTICLE_ID#N)."),
    as_json: bool = typer.Option(False, "--json", help="Print the text and spans as JSON."),
):
    """One article's text with its actors, quantities, dates and claims highlighted."""
    from pipeline.inspect import article_view
    from pipeline.views.terminal import print_article
    with user_errors():
        view = article_view(out, article_id)
    print_data(view, as_json, print_article)


def report_cmd(
    out: Path = typer.Argument(..., metavar="OUT", help="The OUT folder of `depeche run`."),
    dest: Path = typer.Option(Path("report.html"), "-o", "--output", help="HTML file to write (-: "
                              "standard output)."),
    top: int = typer.Option(15, "--top", help="Bars per chart."),
    keep_duplicates: bool = typer.Option(False, "--keep-duplicates", help="Count near-duplicate copies "
                                         "in the summary and charts (default: each group once)."),
    quiet: bool = QUIET,
    verbose: bool = VERBOSE,
):
    """One self-contained HTML page: summary, sortable tables, charts, highlighted articles."""
    from pipeline.views.report import write_report
    talk = Talk(quiet, verbose)
    with user_errors():
        r = write_report(out, dest, top=top, keep_duplicates=keep_duplicates)
    for i, note in enumerate(r.notes):
        (talk.say if i < 5 else talk.detail)(f"depeche: note: {note}")
    if len(r.notes) > 5 and not verbose:
        talk.say(f"depeche: {len(r.notes) - 5} more notes (-v lists them)")
    from pipeline.tables import plural
    talk.say(f"depeche: report of {plural(r.articles, 'articles')} ({plural(r.texts, 'texts')} marked), "
             f"{r.bytes / 1e6:.1f} MB -> {r.path}")


def register(app: typer.Typer) -> None:
    app.command("inspect")(inspect_cmd)
    app.command("show")(show_cmd)
    app.command("report")(report_cmd)
