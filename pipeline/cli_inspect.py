"""`depeche inspect`, `depeche show`, `depeche report`: thin typer commands over
pipeline.inspect and pipeline.report. `register(app)` adds them to the main typer app."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from pipeline import tables as T

MARK_STYLES = {
    "content": "on grey19", "speaker": "bold yellow", "cue": "bold red",
    "PER": "bold cyan underline", "ORG": "bold blue underline", "GPE": "bold dark_orange underline",
    "LOC": "bold orange3 underline", "GROUP": "bold green underline",
    "quantity": "bold green", "date": "bold magenta",
}


def _fail(message: str, code: int = 2):
    typer.echo(f"depeche: {message}", err=True)
    raise typer.Exit(code)


def _call(fn, *args, **kwargs):
    """fn(...), with an InspectError (bad OUT, unknown article, bad filter) as exit 2."""
    from pipeline.inspect import InspectError
    try:
        return fn(*args, **kwargs)
    except InspectError as e:
        _fail(str(e))


def _print(data: dict, as_json: bool, printer) -> None:
    if as_json:
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        printer(data)


def _cut(s, n: int = 90) -> str:
    s = "" if s is None else " ".join(str(s).split())
    return s if len(s) <= n else s[: n - 1] + "…"


def _fmt(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() else f"{v:g}"
    return str(v)


def _table(title: str, rows: list[dict], columns: list[str], widths: Optional[dict] = None):
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text
    t = Table(show_edge=False, pad_edge=False)
    for c in columns:
        numeric = bool(rows) and all(isinstance(r.get(c), (int, float)) or r.get(c) is None for r in rows)
        t.add_column(c, justify="right" if numeric else "left", overflow="fold",
                     max_width=(widths or {}).get(c))
    for r in rows:
        t.add_row(*[_fmt(r.get(c)) for c in columns])
    return Group(Text("\n" + title, style="bold"), t if rows else Text("(none)", style="dim"))


def print_summary(s: dict, console=None) -> None:
    from rich.console import Console

    from pipeline.inspect import most_periods
    console = console or Console()
    c = s["counts"]
    head = f"[bold]{s['out']}[/bold]" + (f"  (input {s['input']})" if s["input"] else "")
    console.print(head, markup=True, highlight=False)
    if s["filters"]:
        console.print("filters: " + ", ".join(f"{k}={v!r}" for k, v in s["filters"].items()), highlight=False)
    console.print(", ".join(f"{c[k]} {k}" for k in T.NAMES), highlight=False)
    console.print(_table("Articles by status", s["articles_by_status"], ["status", "count"]))
    if s["errors"]:
        console.print(_table("Articles not processed", s["errors"], ["article_id", "status", "error"],
                             {"error": 90}))
    console.print(_table("Top actors", s["top_actors"],
                         ["name", "type", "country", "articles", "mentions", "actor_id"]))
    console.print(_table("Top speakers", s["top_speakers"], ["speaker", "claims", "articles", "stances"]))
    console.print(_table("Attributions by stance", s["attributions_by_stance"], ["stance", "count"]))
    console.print(_table("Attributions by kind", s["attributions_by_kind"], ["kind", "count"]))
    claims = [dict(r, content=_cut(r["content"], 100), quantities="; ".join(r["quantities"]),
                   who=r["who"] + (f" ({_cut(r['speaker'], 30)})" if r["speaker"] and r["speaker"] != r["who"] else ""),
                   claim=f"{r['article_id']}#{r['attribution_id']}") for r in s["claims"]]
    console.print(_table(f"Claims (first {len(claims)} of {c['attributions']})", claims,
                         ["who", "cue", "stance", "content", "quantities", "claim"],
                         {"who": 34, "content": 70, "claim": 30}))
    console.print(_table("Quantities by item and unit", s["quantities_by_item"],
                         ["item", "unit", "count", "articles", "min", "median", "max"]))
    for by, rows, most in (("year", s["dates_by_year"], 20), ("month", s["dates_by_month"], 36)):
        note = f" (the {most} most mentioned)" if len(rows) > most else ""
        console.print(_table(f"Dates mentioned, by {by}{note}", most_periods(rows, most), ["period", "count"]))
    if s["articles_by_month"]:
        console.print(_table("Articles by publication month", most_periods(s["articles_by_month"], 36),
                             ["period", "count"]))


def styled_text(view: dict):
    """The article text as a rich Text: claim content shaded, speaker and cue bold, entities,
    quantities and dates coloured, a `[n]` after each claim's content (runs of blank lines
    folded)."""
    from rich.text import Text
    text = Text(view["text"])
    inserts: dict[int, list] = {}
    for a in view["attributions"]:
        for part in ("content", "speaker", "cue"):
            if a.get(part):
                text.stylize(MARK_STYLES[part], a[part]["start"], a[part]["end"])
        end = max((a[p]["end"] for p in ("content", "speaker", "cue") if a.get(p)), default=None)
        if end is not None:
            inserts.setdefault(end, []).append(Text(f"[{a['id']}]", style="dim bold"))
    for m in view["mentions"]:
        text.stylize(MARK_STYLES.get(m["label"], "bold underline"), m["start"], m["end"])
    for q in view["quantities"]:
        text.stylize(MARK_STYLES["quantity"], q["start"], q["end"])
    for d in view["dates"]:
        text.stylize(MARK_STYLES["date"], d["start"], d["end"])
    out, pos = Text(), 0
    for at in sorted(inserts):
        out.append_text(text[pos:at])
        for t in inserts[at]:
            out.append_text(t)
        pos = at
    out.append_text(text[pos:])
    lines, kept, blank = out.split("\n", allow_blank=True), [], 0
    for line in lines:
        blank = blank + 1 if not line.plain.strip() else 0
        if blank <= 1:
            kept.append(line)
    return Text("\n").join(kept)


def print_article(view: dict, console=None) -> None:
    from rich.console import Console
    from rich.text import Text
    console = console or Console()
    m = view["article"]
    console.print(Text(f"{m['article_id']}", style="bold"),
                  Text(" · ".join(x for x in (m["title"], m["date"], m["source"], m["url"], m["status"]) if x)))
    if m["error"]:
        console.print(Text(m["error"], style="red"))
    if view["note"]:
        console.print(Text(view["note"], style="yellow"))
    legend = Text("legend: ")
    for name in ("speaker", "cue", "content", "PER", "ORG", "GPE", "LOC", "GROUP", "quantity", "date"):
        legend.append(name, style=MARK_STYLES[name]).append(" ")
    console.print(legend)
    if view["text"]:
        console.print(styled_text(view))
    if view["attributions"]:
        console.print(Text("\nClaims (speaker → cue → content)", style="bold"))
        by_claim: dict[int, list] = {}
        for q in view["quantities"]:
            if q["attribution_id"] is not None:
                by_claim.setdefault(int(q["attribution_id"]), []).append(q["text"])
        for a in view["attributions"]:
            line = Text(f"[{a['id']}] ", style="dim bold")
            line.append(a["who"], style=MARK_STYLES["speaker"])
            if a.get("speaker") and a["speaker"]["text"] != a["who"]:
                line.append(f" ({a['speaker']['text']})", style="dim")
            line.append(" → ")
            line.append(a["cue"]["text"] if a.get("cue") else "(no cue)", style=MARK_STYLES["cue"])
            if a["stance"]:
                line.append(f" {a['stance']}", style="italic")
            line.append(f" {a['kind']}", style="dim")
            if a["parent_id"] is not None:
                line.append(f" in [{a['parent_id']}]", style="dim")
            line.append(" → ")
            line.append("« " + (a["content"]["text"] if a.get("content") else "") + " »")
            if by_claim.get(a["id"]):
                line.append("  quantities: " + "; ".join(by_claim[a["id"]]), style=MARK_STYLES["quantity"])
            console.print(line)
    for title, rows, cols in (
            ("Actors", view["mentions"], ["text", "label", "actor", "role"]),
            ("Quantities", view["quantities"], ["text", "value", "low", "high", "qualifier", "unit", "item",
                                                "attribution_id"]),
            ("Dates", view["dates"], ["text", "value", "mod", "granularity"])):
        if rows:
            console.print(_table(title, rows, cols))


def inspect_cmd(
    out: Path = typer.Argument(..., help="The OUT folder of `depeche run`."),
    actor: str = typer.Option("", "--actor", help="Only articles mentioning this actor (name, id or alias)."),
    speaker: str = typer.Option("", "--speaker", help="Only claims by this speaker (as written or its actor)."),
    article: str = typer.Option("", "--article", help="Only this article id."),
    since: str = typer.Option("", "--since", help="Only articles published on or after this date "
                              "(YYYY[-MM[-DD]]); undated ones are left out."),
    top: int = typer.Option(10, "--top", help="Rows per ranking (0: all)."),
    claims_limit: int = typer.Option(20, "--claims", help="Claims listed (0: all)."),
    as_json: bool = typer.Option(False, "--json", help="Print the same content as JSON."),
):
    """What a run produced: statuses, top actors and speakers, claims, quantities, dates."""
    from pipeline.inspect import Filters, summarise
    _print(_call(summarise, out, Filters(actor=actor, speaker=speaker, article=article, since=since),
                 top=top, claims_limit=claims_limit), as_json, print_summary)


def show_cmd(
    out: Path = typer.Argument(..., help="The OUT folder of `depeche run`."),
    article_id: str = typer.Argument(..., help="An article_id of articles.csv."),
    as_json: bool = typer.Option(False, "--json", help="Print the text and spans as JSON."),
):
    """One article's text with its actors, quantities, dates and claims highlighted."""
    from pipeline.inspect import article_view
    _print(_call(article_view, out, article_id), as_json, print_article)


def report_cmd(
    out: Path = typer.Argument(..., help="The OUT folder of `depeche run`."),
    dest: Path = typer.Option(Path("report.html"), "-o", "--output", help="HTML file to write."),
    top: int = typer.Option(15, "--top", help="Bars per chart."),
):
    """One self-contained HTML page: summary, sortable tables, charts, highlighted articles."""
    from pipeline.report import write_report
    r = _call(write_report, out, dest, top=top)
    for note in r.notes:
        typer.echo(f"depeche: note: {note}", err=True)
    typer.echo(f"depeche: report of {r.articles} articles ({r.texts} texts marked), "
               f"{r.bytes / 1e6:.1f} MB -> {r.path}")


def register(app: typer.Typer) -> None:
    app.command("inspect")(inspect_cmd)
    app.command("show")(show_cmd)
    app.command("report")(report_cmd)
