"""`depeche report`: one static, self-contained HTML page for a run's output folder.

The page holds the run's summary, two bar charts, a timeline of the run's own period, sortable
and filterable tables of actors, claims, who speaks about whom, quantities and dates, and every
article with its spans highlighted (displaCy-like marks). Its data is one JSON payload
(`payload`, in a <script type="application/json">) that report.js renders on demand, a page of
rows or articles at a time, so 10,000 articles open as fast as 100 (`make bench` measures it).
No network: the CSS and the script (report.css, report.js beside this module, with the Jinja2
template report.html) are inlined, and a Content-Security-Policy allows only them. What comes
from articles or tables is escaped: the marked-up texts by `html.escape` here, every other
value put in the page by report.js as text (textContent), never as HTML; the JSON has no `<`.
Anchor ids are sanitised slugs with a hash.
"""
from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Optional
from urllib.parse import urlparse

import jinja2
from markupsafe import Markup

from pipeline import inspect as I
from pipeline import overview
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


def _cells(rows: list[dict], cols: list[str]) -> list[list]:
    """Cells of `cols` from JSON-ready rows (inspect._records: a missing value is already None)."""
    return [[r.get(c) for c in cols] for r in rows]


PAGE_ROWS, PAGE_ARTICLES = 50, 20   # what report.js draws at a time


def _table(title: str, cols: list[tuple[str, str]], rows: list[list], note: str = "") -> dict:
    """A table of the payload: column keys and labels, rows of cells (a cell that links is
    [text, "#anchor"]); report.js sorts, filters and pages it."""
    return {"title": title, "note": note, "cols": [{"k": k, "l": label} for k, label in cols], "rows": rows,
            "count": len(rows)}


def first_page(data: dict) -> dict:
    """The payload cut to what the page draws first (a page of each table, of the articles):
    it comes before the page's script, the whole payload after it."""
    return {**data, "tables": {k: {**t, "rows": t["rows"][:PAGE_ROWS]} for k, t in data["tables"].items()},
            "articles": data["articles"][:PAGE_ARTICLES]}


def _article(meta: dict, reader, t, index) -> tuple[dict, str]:
    """One article of the payload: its metadata, the marked-up text (HTML escaped here, put
    in the page only when the article is opened) and its claims; and a note, if any."""
    aid = meta["article_id"]
    item = {"id": aid, "a": anchor("a", aid), "title": meta["title"], "date": meta["date"],
            "source": meta["source"], "url": _safe_url(meta["url"]), "raw_url": meta["url"], "path": meta["path"],
            "status": meta["status"], "error": meta["error"], "note": "", "n": None, "html": None,
            "claims": []}
    if meta["status"] != "ok":
        return item, ""
    got = reader.read(aid)
    view = {"text": got.text, "note": got.note}
    view.update(I.spans_of(t, aid, got.text, index))
    item["title"] = I.display_title(meta, got.text)
    note = got.note
    if view["mismatched"]:
        note = (note + "; " if note else "") + \
            f"{view['mismatched']} rows whose offsets do not give their text are not marked"
    item["note"] = note
    if got.text:
        item["html"] = render_marked(got.text, marks_of(view, aid))
    item["claims"] = [[a["id"], anchor("c", aid, a["id"]) if a.get("content") else item["a"], a["who"],
                       a["cue"]["text"] if a.get("cue") else "", a["stance"], a["kind"],
                       a["content"]["text"] if a.get("content") else ""] for a in view["attributions"]]
    item["n"] = [len(view[x.name]) for x in T.IN_ARTICLES]
    return item, note


def payload(out: Path | str, *, tables: Optional[dict] = None, reader: Optional[I.Reader] = None,
            top: int = 15, keep_duplicates: bool = False) -> tuple[dict, dict]:
    """Everything the page shows, as one JSON-able dict that report.js renders on demand (a
    page of rows or articles at a time), and a small summary of what went in. Its counts,
    charts, timeline and who-about-whom count each group of near-duplicate articles once
    unless `keep_duplicates`; every article, claim, quantity and date is listed."""
    out = Path(out)
    t = tables if tables is not None else I.load_tables(out)
    reader = reader or I.Reader.for_run(out).preload()
    once = I.Filters(keep_duplicates=keep_duplicates)
    summary = I.summarise(out, once, tables=t, top=top, claims_limit=0)
    names = I.actor_names(t["actors"])
    index = I.rows_by_article(t)
    articles, notes = [], []
    for meta in I._records(t["articles"]):
        item, note = _article(meta, reader, t, index)
        articles.append(item)
        if note:
            notes.append(f"{meta['article_id']}: {note}")
    texts = sum(1 for a in articles if a["html"] is not None)
    claim_anchor = {(a["id"], c[0]): c[1] for a in articles for c in a["claims"]}

    def art(aid):
        return [aid, "#" + anchor("a", aid)]

    def claim(aid, n):
        return [f"#{n}", "#" + claim_anchor.get((aid, n), anchor("a", aid))]

    counted = I.apply_filters(t, once)
    actors = I._records(I.top_actors(counted, 0, whole_run=summary["duplicates"]["counted"]))
    claims = I.claims(t)
    speaks = overview.speaks_about(counted)
    q = I._records(t["quantities"])
    d = I._records(t["dates"])
    data = {
        "run": {"out": str(out), "input": summary["input"], "counts": summary["counts"],
                "statuses": summary["articles_by_status"], "duplicates": summary["duplicates"]},
        "charts": [
            {"title": f"Top {top} actors by articles", "colour": "#4e79a7",
             "bars": [[r["name"] or r["actor_id"], r["articles"]] for r in actors[:top]]},
            {"title": f"Claims per speaker (top {top})", "colour": "#e15759",
             "bars": [[r["speaker"], r["claims"]] for r in summary["top_speakers"][:top]]},
        ],
        "timeline": overview.timeline(counted),
        "tables": {
            "actors": _table("Actors", [("name", "actor"), ("actor_id", "id"), ("type", "type"),
                                        ("country", "country"), ("articles", "articles"),
                                        ("mentions", "mentions")],
                             _cells(actors, ["name", "actor_id", "type", "country", "articles", "mentions"])),
            "claims": _table("Claims", [("article", "article"), ("n", "#"), ("who", "speaker"), ("cue", "cue"),
                                        ("stance", "stance"), ("kind", "kind"), ("content", "content"),
                                        ("quantities", "quantities")],
                             [[art(c["article_id"]), claim(c["article_id"], c["attribution_id"]),
                               c["who"] + (f" ({c['speaker']})" if c["speaker"] and c["speaker"] != c["who"] else ""),
                               c["cue"], c["stance"], c["kind"], c["content"], "; ".join(c["quantities"])]
                              for c in claims],
                             "Who says what; quantities are those whose attribution_id is the claim's."),
            "speaks": _table("Who speaks about whom", [("speaker", "speaker"), ("about", "about"),
                                                       ("claims", "claims"), ("articles", "articles"),
                                                       ("example", "e.g.")],
                             [[r["speaker"], r["about"], r["claims"], r["articles"],
                               claim(r["article_id"], r["attribution_id"])] for r in speaks],
                             "Actors mentioned inside the content of a speaker's claims (the speaker "
                             "itself left out)."),
            "quantities": _table("Quantities", [("article", "article"), ("text", "text"), ("value", "value"),
                                                ("low", "low"), ("high", "high"), ("qualifier", "qualifier"),
                                                ("unit", "unit"), ("item", "item"), ("actor", "actor"),
                                                ("claim", "claim")],
                                 [[art(r["article_id"]), r["text"], r["value"], r["low"],
                                   r["high"], r["qualifier"], r["unit"], r["item"],
                                   names.get(r["actor_id"], r["actor_id"]),
                                   None if r["attribution_id"] is None else claim(r["article_id"], r["attribution_id"])]
                                  for r in q]),
            "dates": _table("Dates", [("article", "article"), ("text", "text"), ("value", "value"),
                                      ("mod", "mod"), ("granularity", "granularity")],
                            [[art(r["article_id"]), r["text"], r["value"], r["mod"], r["granularity"]] for r in d],
                            "TIMEX3 values resolved against each article's date."),
        },
        "articles": articles,
        "counts_of": [x.name for x in T.IN_ARTICLES],
        "page": {"rows": PAGE_ROWS, "articles": PAGE_ARTICLES, "total": len(articles)},
    }
    return data, {"articles": len(articles), "texts": texts, "notes": notes}


def _json_in_html(data) -> str:
    """JSON safe inside a <script type="application/json">: no `<`, `>` or `&` left to end
    the element or open a comment."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def build(out: Path | str, *, tables: Optional[dict] = None, reader: Optional[I.Reader] = None,
          top: int = 15, keep_duplicates: bool = False) -> tuple[str, dict]:
    """The page's HTML and a small summary of what went in (payload)."""
    data, info = payload(out, tables=tables, reader=reader, top=top, keep_duplicates=keep_duplicates)
    run = I.read_run(out)
    legend = [("e per", "PER"), ("e org", "ORG"), ("e gpe", "GPE"), ("e loc", "LOC"), ("e group", "GROUP"),
              ("q", "quantity"), ("d", "date"), ("sp", "speaker"), ("cue", "cue"), ("ct", "claim content")]
    css, js = _asset("report.css"), _asset("report.js")
    page = _template().render(
        css=Markup(css), js=Markup(js), first=Markup(_json_in_html(first_page(data))),
        data=Markup(_json_in_html(data)),
        csp=f"default-src 'none'; style-src {_csp_hash(css)}; script-src {_csp_hash(js)}; img-src data:",
        out=str(out), run=run, summary=data["run"], legend=legend, tables=T.NAMES)
    return page, info


def write_report(out: Path | str, dest: Path | str, **kwargs) -> ReportResult:
    """Write the report of OUT to `dest` (atomically; `-`: standard output) and say what went in."""
    page, info = build(out, **kwargs)
    write_or_stdout(dest, page)
    return ReportResult(Path(dest), len(page.encode("utf-8")), info["articles"], info["texts"], info["notes"])
