"""attributions.csv: who said, claimed or denied what, nested claims linked by parent_id
(SCHEMA.md). `claim_id` (the claim of claims.csv it is an occurrence of) is filled in the final
merge."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Optional

from pipeline.tables.base import ArticleDocs, Table, shifted, span_text

OFFSETS = ("cue_start", "cue_end", "speaker_start", "speaker_end", "content_start", "content_end")


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
    rule: str = ""            # `pattern/speaker-rule` (README)
    claim_id: str = ""        # filled in the final merge (pipeline.runner.across)


def _none_first(v):
    return (0, 0) if v is None else (1, v)


def rows(docs: ArticleDocs) -> list[AttributionRow]:
    """Ids in text order of content, cue, speaker, then content end; parent_id from the
    containment of spans."""
    text, aid = docs.text, docs.article_id
    found = [(shifted(at, off, *OFFSETS), at) for off, at in docs.items("depeche_attributions")]
    found.sort(key=lambda x: (_none_first(x[0]["content_start"]), _none_first(x[0]["cue_start"]),
                              _none_first(x[0]["speaker_start"]), _none_first(x[0]["content_end"])))
    out = [AttributionRow(
        aid, i, None, at.get("kind") or "",
        span_text(text, sh["cue_start"], sh["cue_end"]), sh["cue_start"], sh["cue_end"],
        at.get("cue_lemma") or "", at.get("stance") or "",
        span_text(text, sh["speaker_start"], sh["speaker_end"]), sh["speaker_start"], sh["speaker_end"],
        at.get("actor_id") or "",
        span_text(text, sh["content_start"], sh["content_end"]), sh["content_start"], sh["content_end"],
        at.get("rule") or "")
        for i, (sh, at) in enumerate(found, 1)]
    for row, parent in zip(out, _parents(out)):
        row.parent_id = parent
    return out


def _contains(outer: AttributionRow, s, e) -> bool:
    return outer.content_start is not None and outer.content_start <= s and e <= outer.content_end


def innermost(s, e, claims: list[AttributionRow], skip=None) -> Optional[int]:
    """Id of the attribution with the smallest content containing [s, e)."""
    best = None
    for j, sp in enumerate(claims):
        if j == skip or not _contains(sp, s, e):
            continue
        size = sp.content_end - sp.content_start
        if best is None or size < best[0]:
            best = (size, j + 1)
    return best[1] if best else None


def _parents(claims: list[AttributionRow]) -> list[Optional[int]]:
    """Each attribution's parent: the smallest other content that holds its cue (or, with no
    cue, its speaker or content) and strictly more than its own content (ties: the first id).
    Holding both the anchor and the own content is holding their hull; a content that holds the
    hull and is no larger is the own content's span, which only a hull equal to it admits: then
    the parent starts before it or ends after it (two queries). O(n log n), not pairwise."""
    queries = []   # (start at most, end at least, row)
    for i, sp in enumerate(claims):
        anchor = next(((getattr(sp, k + "_start"), getattr(sp, k + "_end")) for k in ("cue", "speaker", "content")
                       if getattr(sp, k + "_start") is not None), None)
        if anchor is None:
            continue
        if sp.content_start is None:
            queries.append((*anchor, i))
            continue
        own = (sp.content_start, sp.content_end)
        hull = (min(anchor[0], own[0]), max(anchor[1], own[1]))
        queries += [(hull[0], hull[1], i)] if hull != own else [(own[0] - 1, own[1], i), (own[0], own[1] + 1, i)]
    spans: dict[tuple, int] = {}   # content span -> id of its first row (rows of one span tie on size)
    for j, other in enumerate(claims):
        if other.content_start is not None:
            spans.setdefault((other.content_start, other.content_end), j + 1)
    best = _smallest_holding(spans, queries)
    return [best.get(i) for i in range(len(claims))]


def _smallest_holding(spans: dict[tuple, int], queries: list[tuple]) -> dict[int, int]:
    """For each query (s, e, row): the id of the smallest span (then the least id) of `spans`
    ({(start, end): id}) with start <= s and e <= end, over all the row's queries. A sweep by
    start fills a Fenwick tree of minima over the ends, largest end first."""
    neg_ends = sorted({-e for _, e in spans})   # ascending: largest end first
    tree: list = [None] * (len(neg_ends) + 1)
    by_start = sorted(spans)
    k, found = 0, {}
    for s, e, row in sorted(queries, key=lambda q: q[0]):
        while k < len(by_start) and by_start[k][0] <= s:
            value = (by_start[k][1] - by_start[k][0], spans[by_start[k]])
            r = bisect_left(neg_ends, -by_start[k][1]) + 1
            while r < len(tree):
                if tree[r] is None or value < tree[r]:
                    tree[r] = value
                r += r & -r
            k += 1
        r = bisect_right(neg_ends, -e)   # how many ends are at least e
        while r > 0:
            if tree[r] is not None and (row not in found or tree[r] < found[row]):
                found[row] = tree[r]
            r -= r & -r
    return {row: value[1] for row, value in found.items()}


TABLE = Table("attributions", AttributionRow, ("article_id", "attribution_id"), rows)
