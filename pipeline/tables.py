"""Docs to typed rows: the one place that knows the columns of SCHEMA.md (version 1).

`article_tables` turns one article (its metadata and the Docs of its body segments) into the
rows of every per-article table; `ActorReducer` folds the per-article actor observations into
actors.csv in the final merge, so an article's rows depend only on that article and the
model, and any split of the input gives the same tables.
"""
from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass, field, fields
from typing import Iterable, Optional

from pipeline.timex import resolve as resolve_date


# -- rows: column order is field order ------------------------------------------------------
@dataclass
class ArticleRow:
    article_id: str
    path: str
    date: str = ""
    title: str = ""
    source: str = ""
    url: str = ""
    lang: str = ""
    chars: int = 0
    tokens: int = 0
    sentences: int = 0
    status: str = "ok"
    error: str = ""
    sha256: str = ""


@dataclass
class ActorRow:
    actor_id: str
    name: str
    type: str
    country: str = ""
    wikidata: str = ""
    aliases: str = ""
    articles: int = 0
    mentions: int = 0


@dataclass
class MentionRow:
    article_id: str
    mention_id: int
    start: int
    end: int
    text: str
    label: str
    actor_id: str = ""
    role: str = ""
    source: str = ""


@dataclass
class QuantityRow:
    article_id: str
    quantity_id: int
    start: int
    end: int
    text: str
    value: Optional[float] = None
    low: Optional[float] = None
    high: Optional[float] = None
    qualifier: str = ""
    unit: str = ""
    item: str = ""
    actor_id: str = ""
    attribution_id: Optional[int] = None


@dataclass
class DateRow:
    article_id: str
    date_id: int
    start: int
    end: int
    text: str
    value: str = ""
    mod: str = ""
    granularity: str = ""


@dataclass
class AttributionRow:
    article_id: str
    attribution_id: int
    parent_id: Optional[int] = None
    kind: str = ""
    cue: str = ""
    cue_start: Optional[int] = None
    cue_end: Optional[int] = None
    cue_lemma: str = ""
    stance: str = ""
    speaker: str = ""
    speaker_start: Optional[int] = None
    speaker_end: Optional[int] = None
    actor_id: str = ""
    content: str = ""
    content_start: Optional[int] = None
    content_end: Optional[int] = None


@dataclass
class ActorObservation:
    """One actor as seen in one article: what the merge reduces into actors.csv."""
    actor_id: str
    article_id: str
    name: str
    type: str
    country: str = ""
    wikidata: str = ""
    aliases: list = field(default_factory=list)
    mentions: int = 0


ROWS = {
    "articles": ArticleRow,
    "actors": ActorRow,
    "mentions": MentionRow,
    "quantities": QuantityRow,
    "dates": DateRow,
    "attributions": AttributionRow,
}
KEYS = {
    "articles": ("article_id",),
    "actors": ("actor_id",),
    "mentions": ("article_id", "mention_id"),
    "quantities": ("article_id", "quantity_id"),
    "dates": ("article_id", "date_id"),
    "attributions": ("article_id", "attribution_id"),
    "actor_obs": ("actor_id", "article_id"),
}
PER_ARTICLE = ("articles", "mentions", "quantities", "dates", "attributions", "actor_obs")


def columns(table: str) -> list[str]:
    return [f.name for f in fields(ROWS[table])]


def column_types(table: str) -> dict[str, str]:
    """Column -> 'str' | 'int' | 'float' (for typed writers)."""
    out = {}
    for f in fields(ROWS[table]):
        t = str(f.type)
        out[f.name] = "int" if "int" in t else "float" if "float" in t else "str"
    return out


def sort_key(table: str):
    names = KEYS[table]
    return lambda row: tuple(row[n] for n in names)


def as_tuple(row) -> tuple:
    return dataclasses.astuple(row)


# -- one article ----------------------------------------------------------------------------
def _none_first(v):
    return (0, 0) if v is None else (1, v)


def _slice(text, s, e):
    return text[s:e] if s is not None and e is not None else ""


def article_tables(article, segments: Iterable[tuple[int, object]] = ()) -> dict[str, list]:
    """Rows of every per-article table for `article` (an io Article).

    segments: (offset of the segment in article.text, processed Doc) pairs, in text order.
    Rows get ids counting from 1 in text order; an article whose extraction raised keeps
    only its articles row, with status `error`.
    """
    a = article
    row = ArticleRow(article_id=a.article_id, path=a.path, date=a.date or "", title=a.title or "",
                     source=a.source or "", url=a.url or "", lang=a.lang or "",
                     chars=len(a.text or ""), status=a.status, error=a.error or "",
                     sha256=a.sha256 or "")
    out = {t: [] for t in PER_ARTICLE}
    out["articles"].append(row)
    segments = list(segments)
    if row.status != "ok" or not segments:
        return out
    errors = [m for _, doc in segments for m in (doc._.depeche_errors or [])]
    row.tokens = sum(len(doc) for _, doc in segments)
    row.sentences = sum(sum(1 for _ in doc.sents) if doc.has_annotation("SENT_START") else 1
                        for _, doc in segments)
    if errors:
        from pipeline.errors import E, one_line
        row.status, row.error = "error", one_line(E.E108.format(detail=errors[0]))
        return out
    text, aid = a.text, a.article_id
    mentions, quantities, dates, attributions = [], [], [], []
    for off, doc in segments:
        for m in doc._.depeche_mentions or []:
            mentions.append((m["start"] + off, m["end"] + off, m))
        for q in doc._.depeche_quantities or []:
            quantities.append((q["start"] + off, q["end"] + off, q))
        for d in doc._.depeche_dates or []:
            dates.append((d["start"] + off, d["end"] + off, d))
        for at in doc._.depeche_attributions or []:
            sh = {k: (at.get(k) + off if at.get(k) is not None else None)
                  for k in ("cue_start", "cue_end", "speaker_start", "speaker_end",
                            "content_start", "content_end")}
            attributions.append((sh, at))

    mentions.sort(key=lambda x: (x[0], x[1]))
    obs: dict[str, ActorObservation] = {}
    for i, (s, e, m) in enumerate(mentions, 1):
        out["mentions"].append(MentionRow(aid, i, s, e, text[s:e], m["label"], m.get("actor_id") or "",
                                          m.get("role") or "", m.get("source") or ""))
        if m.get("actor_id"):
            o = obs.get(m["actor_id"])
            if o is None:
                o = obs[m["actor_id"]] = ActorObservation(
                    m["actor_id"], aid, m.get("name") or text[s:e], m.get("type") or "",
                    m.get("country") or "", m.get("wikidata") or "")
            o.mentions += 1
            if m.get("source") != "coref":
                o.aliases.append(text[s:e])
    for o in obs.values():
        o.aliases = sorted(set(o.aliases))
    out["actor_obs"] = sorted(obs.values(), key=lambda o: o.actor_id)

    attributions.sort(key=lambda x: (_none_first(x[0]["content_start"]), _none_first(x[0]["cue_start"]),
                                     _none_first(x[0]["speaker_start"]), _none_first(x[0]["content_end"])))
    spans = [sh for sh, _ in attributions]
    for i, (sh, at) in enumerate(attributions, 1):
        out["attributions"].append(AttributionRow(
            aid, i, _parent(i - 1, spans), at.get("kind") or "",
            _slice(text, sh["cue_start"], sh["cue_end"]), sh["cue_start"], sh["cue_end"],
            at.get("cue_lemma") or "", at.get("stance") or "",
            _slice(text, sh["speaker_start"], sh["speaker_end"]), sh["speaker_start"], sh["speaker_end"],
            at.get("actor_id") or "",
            _slice(text, sh["content_start"], sh["content_end"]), sh["content_start"], sh["content_end"]))

    quantities.sort(key=lambda x: (x[0], x[1]))
    for i, (s, e, q) in enumerate(quantities, 1):
        out["quantities"].append(QuantityRow(
            aid, i, s, e, text[s:e], _float(q.get("value")), _float(q.get("low")), _float(q.get("high")),
            q.get("qualifier") or "", q.get("unit") or "", q.get("item") or "", q.get("actor_id") or "",
            _innermost(s, e, spans)))

    dates.sort(key=lambda x: (x[0], x[1]))
    for i, (s, e, d) in enumerate(dates, 1):
        out["dates"].append(DateRow(aid, i, s, e, text[s:e], resolve_date(d, a.date or ""),
                                    d.get("mod") or "", d.get("granularity") or ""))
    return out


def _float(v):
    return None if v is None else float(v)


def _contains(outer, s, e):
    return (outer["content_start"] is not None and outer["content_start"] <= s
            and e <= outer["content_end"])


def _innermost(s, e, spans, skip=None) -> Optional[int]:
    """Id (1-based) of the attribution with the smallest content containing [s, e)."""
    best = None
    for j, sp in enumerate(spans):
        if j == skip or not _contains(sp, s, e):
            continue
        size = sp["content_end"] - sp["content_start"]
        if best is None or size < best[0]:
            best = (size, j + 1)
    return best[1] if best else None


def _parent(i, spans) -> Optional[int]:
    """An attribution's parent: the smallest other content that holds its cue (or, with no
    cue, its speaker or content) and strictly more than its own content."""
    sp = spans[i]
    anchor = next(((sp[k + "_start"], sp[k + "_end"]) for k in ("cue", "speaker", "content")
                   if sp[k + "_start"] is not None), None)
    if anchor is None:
        return None
    best = None
    for j, other in enumerate(spans):
        if j == i or not _contains(other, *anchor):
            continue
        if sp["content_start"] is not None and not (
                other["content_start"] <= sp["content_start"] and sp["content_end"] <= other["content_end"]
                and (other["content_end"] - other["content_start"]) > (sp["content_end"] - sp["content_start"])):
            continue
        size = other["content_end"] - other["content_start"]
        if best is None or size < best[0]:
            best = (size, j + 1)
    return best[1] if best else None


# -- across articles (the final merge) -----------------------------------------------------
class ActorReducer:
    """Folds ActorObservations (any order, any split) into ActorRows."""

    def __init__(self):
        self._acc: dict[str, dict] = {}

    def add(self, o: ActorObservation) -> None:
        acc = self._acc.setdefault(o.actor_id, {"articles": 0, "mentions": 0, "aliases": set(),
                                                 "facts": Counter()})
        acc["articles"] += 1
        acc["mentions"] += o.mentions
        acc["aliases"].update(o.aliases)
        acc["facts"][(o.name, o.type, o.country, o.wikidata)] += o.mentions

    def rows(self) -> list[ActorRow]:
        out = []
        for actor_id in sorted(self._acc):
            acc = self._acc[actor_id]
            # the most mentioned description wins; ties go to the smallest, whatever the order
            (name, typ, country, wikidata), _ = min(acc["facts"].items(), key=lambda kv: (-kv[1], kv[0]))
            out.append(ActorRow(actor_id, name, typ, country, wikidata, "|".join(sorted(acc["aliases"])),
                                acc["articles"], acc["mentions"]))
        return out
