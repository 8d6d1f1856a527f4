"""claims.csv: the same claim across a run, one row each (SCHEMA.md 1.1).

No article builds these rows: attributions with the same speaker and near-identical content are
grouped in the final merge (pipeline.crossdoc.claims, run by pipeline.runner.across), which also
fills attributions.csv `claim_id`."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from pipeline.tables.base import Table


@dataclass
class ClaimRow:
    claim_id: str
    actor_id: str = ""
    content: str = ""
    first_article_id: str = ""
    first_attribution_id: Optional[int] = None
    first_date: str = ""
    last_date: str = ""
    articles: int = 0
    attributions: int = 0
    responds_to: str = ""


def _none(docs) -> list:
    return []


TABLE = Table("claims", ClaimRow, ("claim_id",), _none, across=True)
