"""The output tables of SCHEMA.md (version 1.1), one module per table, listed once below.

Each module declares its row type (a dataclass: column order is field order), its key and
the builder that turns one article's Docs into its rows (`pipeline.tables.base.Table`). The
run store, the runner, the writers, inspect, the report and evaluate iterate over `TABLES`;
a new table is a new module here, added to `TABLES`, and a section of SCHEMA.md.

`article_tables(article, segments)` gives every table's rows for one article; an article
whose extraction raised keeps only its articles row, with status `error`.
"""
from __future__ import annotations

from typing import Iterable

from pipeline.tables import actors, articles, attributions, claims, dates, mentions, quantities
from pipeline.tables.actors import ActorObservation, ActorReducer, ActorRow
from pipeline.tables.articles import ArticleRow
from pipeline.tables.attributions import AttributionRow
from pipeline.tables.base import ArticleDocs, Offset, Reduced, Side, Table, as_tuple
from pipeline.tables.claims import ClaimRow
from pipeline.tables.dates import DateRow
from pipeline.tables.mentions import MentionRow
from pipeline.tables.quantities import QuantityRow

# SCHEMA.md's order: the order of the files, of inspect's counts and of the report's cards
TABLES: tuple[Table, ...] = (articles.TABLE, actors.TABLE, mentions.TABLE, quantities.TABLE, dates.TABLE,
                             attributions.TABLE, claims.TABLE)
BY_NAME: dict[str, Table] = {t.name: t for t in TABLES}
NAMES: tuple[str, ...] = tuple(BY_NAME)
ARTICLES = articles.TABLE      # one row per input, whatever happened to it
# tables of rows inside articles, keyed by (article_id, their id): what `show` highlights
IN_ARTICLES: tuple[Table, ...] = tuple(t for t in TABLES if len(t.key) == 2 and t.key[0] == "article_id")

__all__ = ["TABLES", "BY_NAME", "NAMES", "ARTICLES", "IN_ARTICLES", "Table", "Reduced", "Side", "ArticleDocs", "Offset",
           "table", "plural", "columns", "column_types", "as_tuple", "article_tables", "reduce", "stored",
           "ArticleRow", "ActorRow", "ActorObservation", "ActorReducer", "MentionRow", "QuantityRow",
           "DateRow", "AttributionRow", "ClaimRow"]


def plural(n: int, many: str) -> str:
    """`1 article`, `0 articles`, `1 quantity`: n rows of a table (or n things) said in English."""
    one = many[:-3] + "y" if many.endswith("ies") else many[:-1] if many.endswith("s") else many
    return f"{n} {one if n == 1 else many}"


def table(name: str) -> Table:
    return BY_NAME[name]


def columns(name: str) -> list[str]:
    return BY_NAME[name].columns


def column_types(name: str) -> dict[str, str]:
    """Column -> 'str' | 'int' | 'float' (for typed writers and readers)."""
    return BY_NAME[name].types


def article_tables(article, segments: Iterable[tuple[int, object]] = ()) -> dict[str, list]:
    """Rows of every table for `article` (an io Article), keyed by part name (`Table.part`).

    segments: (offset of the segment in article.text, processed Doc) pairs, in text order.
    Rows get ids counting from 1 in text order.
    """
    docs = ArticleDocs(article, segments, BY_NAME)
    out = {part: [] for part, _ in stored()}
    for t in TABLES:
        if t.across:
            continue
        if t.always or docs.extracted:
            out[t.part] = docs.rows(t.name)
        if t.side:
            out[t.side.part] = t.side.rows(docs)
    return out


def stored() -> list[tuple[str, object]]:
    """(part name, sort key of its stored rows) of everything an article leaves in a part: the
    rows (or observations) of every table built per article, and the tables' side rows."""
    out = []
    for t in TABLES:
        if not t.across:
            out.append((t.part, t.part_key()))
        if t.side:
            out.append((t.side.part, t.side.part_key()))
    return out


def reduce(per_article: dict[str, list]) -> dict[str, list]:
    """Per-article rows (article_tables of many articles merged) -> every table's rows."""
    out = dict(per_article)
    for t in TABLES:
        if t.reduced:
            reducer = t.reduced.reducer()
            for o in out.pop(t.reduced.part, []):
                reducer.add(o)
            out[t.name] = reducer.rows()
    return out
