"""quantities.csv: numbers with their qualifier, unit, counted item and claim (SCHEMA.md)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from pipeline.tables.attributions import innermost
from pipeline.tables.base import ArticleDocs, Table, number


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


def rows(docs: ArticleDocs) -> list[QuantityRow]:
    """In text order; attribution_id: the claim whose content holds the number, innermost."""
    text, aid = docs.text, docs.article_id
    claims = docs.rows("attributions")
    return [QuantityRow(aid, i, s, e, text[s:e], number(q.get("value")), number(q.get("low")),
                        number(q.get("high")), q.get("qualifier") or "", q.get("unit") or "",
                        q.get("item") or "", q.get("actor_id") or "", innermost(s, e, claims))
            for i, (s, e, q) in enumerate(docs.spans("depeche_quantities"), 1)]


TABLE = Table("quantities", QuantityRow, ("article_id", "quantity_id"), rows,
              view=("value", "low", "high", "qualifier", "unit", "item", "actor_id", "attribution_id"))
