"""attributions.csv: who said, claimed or denied what, nested claims linked by parent_id
(SCHEMA.md). `claim_id` (the claim of claims.csv it is an occurrence of) is filled in the final
merge."""
from __future__ import annotations

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
    for i, row in enumerate(out):
        row.parent_id = _parent(i, out)
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


def _parent(i, claims: list[AttributionRow]) -> Optional[int]:
    """An attribution's parent: the smallest other content that holds its cue (or, with no
    cue, its speaker or content) and strictly more than its own content."""
    sp = claims[i]
    anchor = next(((getattr(sp, k + "_start"), getattr(sp, k + "_end")) for k in ("cue", "speaker", "content")
                   if getattr(sp, k + "_start") is not None), None)
    if anchor is None:
        return None
    best = None
    for j, other in enumerate(claims):
        if j == i or not _contains(other, *anchor):
            continue
        if sp.content_start is not None and not (
                other.content_start <= sp.content_start and sp.content_end <= other.content_end
                and (other.content_end - other.content_start) > (sp.content_end - sp.content_start)):
            continue
        size = other.content_end - other.content_start
        if best is None or size < best[0]:
            best = (size, j + 1)
    return best[1] if best else None


TABLE = Table("attributions", AttributionRow, ("article_id", "attribution_id"), rows)
