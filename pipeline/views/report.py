"""`depeche report`: one static, self-contained HTML page for a run's output folder.

The page holds the run's summary, sortable and filterable tables of actors, claims and
quantities, two inline SVG bar charts, and every article with its spans highlighted
(displaCy-like marks), each in a collapsed <details>, paged by the page's own script. No
network: the CSS and the script (report.css, report.js beside this module, with the Jinja2
template report.html) are inlined, and a Content-Security-Policy allows only them.
Everything that comes from articles or tables is HTML-escaped (Jinja2 autoescape, or
`html.escape` for the marked-up texts); anchor ids are sanitised slugs with a hash.
"""
from __future__ import annotations

import base64
import hashlib
import html
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Optional
from urllib.parse import urlparse

import jinja2
from markupsafe import Markup

from pipeline import inspect as I
from pipeline import tables as T
from pipeline.fsutil import write_or_stdout

STANCE_COLOURS = {"assert": "#4e79a7", "deny": "#e15759", "suggest": "#76b7b2", "estimate": "#59a14f",
                  "warn": "#edc948", "promise": "#b07aa1", "ask": "#ff9da7", "accuse": "#9c755f"}


@dataclass
class ReportResult:
    path: Path
    bytes: int
    articles: int
    texts: int           # articles whose text was found and marked
    notes: list


# -- anchors and marks ------------------------------------------------------------------------
def anchor(kind: str, article_id: str, n: Optional[int] = None) -> str:
    """An HTML id for an article (or one of its claims): a readable slug and a short hash, so
    any id (`../x`, `a b#c`, `"><script>`) gives a safe, unique anchor."""
    slug = re.sub(r"[^A-Za-z0-9_-]+", "-", article_id).strip("-")[:48]
    digest = hashlib.sha1(article_id.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"{kind}-{slug}-{digest}" + ("" if n is None else f"-{n}")


@dataclass
class Mark:
    start: int
    end: int
    depth: int          # 0 outermost (claim content), 1 speaker/cue, 2 entities
    cls: str
    label: str = ""     # shown at the end of the mark (displaCy-like)
    title: str = ""     # tooltip
    id: str = ""        # anchor on the first piece


def marks_of(view: dict, article_id: str) -> list[Mark]:
    marks = []
    for a in view["attributions"]:
        n = a["id"]
        tip = f"claim {n}: {a['who']}" + (f" ({a['stance']})" if a["stance"] else "") + f", {a['kind']}"
        if a.get("content"):
            c = a["content"]
            marks.append(Mark(c["start"], c["end"], 0, "ct", "", tip, anchor("c", article_id, n)))
        if a.get("speaker"):
            s = a["speaker"]
            marks.append(Mark(s["start"], s["end"], 1, "sp", f"speaker {n}", tip))
        if a.get("cue"):
            c = a["cue"]
            marks.append(Mark(c["start"], c["end"], 1, "cue", f"{a['stance'] or 'cue'} {n}", tip))
    for m in view["mentions"]:
        tip = m["actor"] + (f", {m['role']}" if m["role"] else "") if m["actor"] else ""
        marks.append(Mark(m["start"], m["end"], 2, f"e {m['label'].lower()}", m["label"], tip))
    for q in view["quantities"]:
        tip = " ".join(str(x) for x in (q["qualifier"], _num(q["value"]), q["unit"], q["item"]) if x not in ("", None))
        marks.append(Mark(q["start"], q["end"], 2, "q", "QTY", tip))
    for d in view["dates"]:
        marks.append(Mark(d["start"], d["end"], 2, "d", "DATE", " ".join(x for x in (d["value"], d["mod"]) if x)))
    return marks


def _num(v):
    if v is None:
        return ""
    return str(int(v)) if float(v).is_integer() else str(v)


_BLANKS = re.compile(r"\n{3,}")


def _text(s: str) -> str:
    return html.escape(_BLANKS.sub("\n\n", s), quote=False)


def _open(m: Mark, first: bool) -> str:
    attrs = f' class="{html.escape(m.cls)}"'
    if m.title:
        attrs += f' title="{html.escape(m.title)}"'
    if first and m.id:
        attrs += f' id="{m.id}"'
    return f"<mark{attrs}>"


def _close(m: Mark, last: bool) -> str:
    return (f'<b class="l">{html.escape(m.label)}</b>' if last and m.label else "") + "</mark>"


def render_marked(text: str, marks: list[Mark]) -> str:
    """`text` HTML-escaped with `marks` as well-nested <mark> elements: a mark that crosses
    the end of an enclosing one is split in pieces (label on the last, anchor on the first)."""
    marks = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    marks.sort(key=lambda m: (m.start, -m.end, m.depth))
    bounds = sorted({0, len(text)} | {m.start for m in marks} | {m.end for m in marks})
    starts: dict[int, list[Mark]] = {}
    for m in marks:
        starts.setdefault(m.start, []).append(m)
    out, stack, pos = [], [], 0
    for b in bounds:
        out.append(_text(text[pos:b]))
        pos = b
        if any(m.end == b for m in stack):  # close what ends here, reopen what crosses it
            reopen = []
            while any(m.end == b for m in stack):
                m = stack.pop()
                out.append(_close(m, m.end == b))
                if m.end != b:
                    reopen.append(m)
            for m in reversed(reopen):
                out.append(_open(m, False))
                stack.append(m)
        for m in starts.get(b, []):
            out.append(_open(m, True))
            stack.append(m)
    while stack:  # only zero-length leftovers, already filtered; kept for safety
        out.append(_close(stack.pop(), True))
    return "".join(out)


# -- charts -----------------------------------------------------------------------------------
def bar_chart(rows: list[tuple[str, float]], title: str, colour: str = "#4e79a7") -> Markup:
    """A horizontal bar chart as inline SVG (labels escaped)."""
    if not rows:
        return Markup(f'<p class="empty">{html.escape(title)}: nothing to chart.</p>')
    bar, gap, left, width = 18, 6, 230, 640
    top = max(v for _, v in rows) or 1
    height = len(rows) * (bar + gap) + 30
    parts = [f'<svg class="chart" role="img" xmlns="http://www.w3.org/2000/svg" width="{width}" '
             f'height="{height}" viewBox="0 0 {width} {height}"><title>{html.escape(title)}</title>',
             f'<text x="0" y="14" class="ct">{html.escape(title)}</text>']
    for i, (label, v) in enumerate(rows):
        y = 26 + i * (bar + gap)
        w = max(1.0, (width - left - 60) * v / top)
        short = label if len(label) <= 32 else label[:31] + "…"
        parts.append(f'<text x="{left - 6}" y="{y + 13}" text-anchor="end">{html.escape(short)}</text>'
                     f'<rect x="{left}" y="{y}" width="{w:.1f}" height="{bar}" fill="{colour}">'
                     f'<title>{html.escape(label)}: {_num(v)}</title></rect>'
                     f'<text x="{left + w + 4:.1f}" y="{y + 13}">{_num(v)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


# -- page -------------------------------------------------------------------------------------
def _asset(name: str) -> str:
    return resources.files("pipeline.views").joinpath(name).read_text(encoding="utf-8")


def _csp_hash(s: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'"


def _safe_url(url: str) -> str:
    """Only http(s) addresses become links (no javascript:, data:, file:)."""
    try:
        return url if urlparse(url).scheme in ("http", "https") else ""
    except ValueError:
        return ""


def _template() -> jinja2.Template:
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True,
                             lstrip_blocks=True)
    env.filters["num"] = _num
    env.globals["anchor"] = anchor
    return env.from_string(_asset("report.html"))


def build(out: Path | str, *, tables: Optional[dict] = None, reader: Optional[I.Reader] = None,
          top: int = 15, keep_duplicates: bool = False) -> tuple[str, dict]:
    """The page's HTML and a small summary of what went in. Its counts and charts count each
    group of near-duplicate articles once unless `keep_duplicates`; every article is listed."""
    out = Path(out)
    t = tables if tables is not None else I.load_tables(out)
    reader = reader or I.Reader.for_run(out).preload()
    run = I.read_run(out)
    once = I.Filters(keep_duplicates=keep_duplicates)
    summary = I.summarise(out, once, tables=t, top=top, claims_limit=0)
    names = I.actor_names(t["actors"])

    articles, texts, notes, marked = [], 0, [], set()
    index = I.rows_by_article(t)
    arts = t["articles"]
    for meta in I._records(arts):
        aid = meta["article_id"]
        item = {"meta": meta, "id": anchor("a", aid), "url": _safe_url(meta["url"]), "body": None,
                "note": "", "claims": [], "n": {}, "title": meta["title"]}
        if meta["status"] == "ok":
            got = reader.read(aid)
            item["title"] = I.display_title(meta, got.text)
            view = {"text": got.text, "note": got.note}
            view.update(I.spans_of(t, aid, got.text, index))
            item["note"] = got.note
            if view["mismatched"]:
                item["note"] = (item["note"] + "; " if item["note"] else "") + \
                    f"{view['mismatched']} rows whose offsets do not give their text are not marked"
            if got.text:
                texts += 1
                item["body"] = Markup(render_marked(got.text, marks_of(view, aid)))
            for a in view["attributions"]:
                a["href"] = "#" + anchor("c", aid, a["id"]) if a.get("content") else "#" + item["id"]
                if a.get("content"):
                    marked.add((aid, a["id"]))
            item["claims"] = view["attributions"]
            item["n"] = {t.name: len(view[t.name]) for t in T.IN_ARTICLES}
            if got.note:
                notes.append(f"{aid}: {got.note}")
        articles.append(item)

    def claim_href(article_id, n):  # the claim's content in its article, else the article
        return "#" + (anchor("c", article_id, n) if (article_id, n) in marked else anchor("a", article_id))

    claims = I.claims(t)
    for c in claims:
        c["href"] = claim_href(c["article_id"], c["attribution_id"])
        c["art_href"] = "#" + anchor("a", c["article_id"])
    q = t["quantities"]
    quantities = I._records(q)
    for r in quantities:
        r["actor"] = names.get(r["actor_id"], r["actor_id"])
        r["art_href"] = "#" + anchor("a", r["article_id"])
        r["claim_href"] = ("" if r["attribution_id"] is None
                           else claim_href(r["article_id"], r["attribution_id"]))

    actors = I._records(I.top_actors(I.apply_filters(t, once), 0, whole_run=summary["duplicates"]["counted"]))
    years = I.most_periods(summary["dates_by_year"], top)
    charts = [
        bar_chart([(r["name"] or r["actor_id"], r["articles"]) for r in actors[:top]],
                  f"Top {top} actors by articles"),
        bar_chart([(r["speaker"], r["claims"]) for r in summary["top_speakers"][:top]],
                  f"Claims per speaker (top {top})", "#e15759"),
        bar_chart([(r["period"], r["count"]) for r in years], f"Dates mentioned, by year (top {top})", "#59a14f"),
    ]
    legend = [("e per", "PER"), ("e org", "ORG"), ("e gpe", "GPE"), ("e loc", "LOC"), ("e group", "GROUP"),
              ("q", "quantity"), ("d", "date"), ("sp", "speaker"), ("cue", "cue"), ("ct", "claim content")]
    css, js = _asset("report.css"), _asset("report.js")
    page = _template().render(
        css=Markup(css), js=Markup(js),
        csp=f"default-src 'none'; style-src {_csp_hash(css)}; script-src {_csp_hash(js)}; img-src data:",
        out=str(out), run=run, summary=summary, actors=actors, claims=claims, quantities=quantities,
        articles=articles, charts=charts, legend=legend, stance_colours=STANCE_COLOURS, tables=T.NAMES,
        errors=[a["meta"] for a in articles if a["meta"]["status"] != "ok"])
    return page, {"articles": len(articles), "texts": texts, "notes": notes}


def write_report(out: Path | str, dest: Path | str, **kwargs) -> ReportResult:
    """Write the report of OUT to `dest` (atomically; `-`: standard output) and say what went in."""
    page, info = build(out, **kwargs)
    write_or_stdout(dest, page)
    return ReportResult(Path(dest), len(page.encode("utf-8")), info["articles"], info["texts"], info["notes"])
