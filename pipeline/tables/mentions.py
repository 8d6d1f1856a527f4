"""mentions.csv: every span naming or referring to an actor (actors component), and the
unnamed speaking groups the attributions component found (SCHEMA.md)."""
from __future__ import annotations

from dataclasses import dataclass

from pipeline.tables.base import ArticleDocs, Table


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


def items(docs: ArticleDocs) -> list[tuple[int, int, dict]]:
    """(start, end, item) of every mention in text order: the actors' and the groups'."""
    return docs.spans("depeche_mentions", "depeche_groups")


def rows(docs: ArticleDocs) -> list[MentionRow]:
    text, aid = docs.text, docs.article_id
    return [MentionRow(aid, i, s, e, text[s:e], m["label"], m.get("actor_id") or "", m.get("role") or "",
                       m.get("source") or "")
            for i, (s, e, m) in enumerate(items(docs), 1)]


TABLE = Table("mentions", MentionRow, ("article_id", "mention_id"), rows, view=("label", "actor_id", "role"))
