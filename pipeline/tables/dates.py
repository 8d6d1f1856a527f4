"""dates.csv: calendar expressions with their TIMEX3 value against the article date (SCHEMA.md)."""
from __future__ import annotations

from dataclasses import dataclass

from pipeline.tables.base import ArticleDocs, Table
from pipeline.timex import resolve


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


def rows(docs: ArticleDocs) -> list[DateRow]:
    text, aid, date = docs.text, docs.article_id, docs.date
    return [DateRow(aid, i, s, e, text[s:e], resolve(d, date), d.get("mod") or "", d.get("granularity") or "")
            for i, (s, e, d) in enumerate(docs.spans("depeche_dates"), 1)]


TABLE = Table("dates", DateRow, ("article_id", "date_id"), rows, view=("value", "mod", "granularity"))
