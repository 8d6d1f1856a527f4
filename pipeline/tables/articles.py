"""articles.csv: one row per input file or record, whatever happened to it (SCHEMA.md).

`duplicate_of` is filled in the final merge (pipeline.runner.across) from the sketch of each
extracted article's body, stored beside its row (`Side` rows `article_sketches`)."""
from __future__ import annotations

from dataclasses import dataclass

from pipeline.crossdoc.duplicates import ArticleSketch, sketch
from pipeline.errors import E, one_line
from pipeline.tables.base import ArticleDocs, Side, Table


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
    duplicate_of: str = ""


def rows(docs: ArticleDocs) -> list[ArticleRow]:
    """The article's row; an article whose extraction raised gets status `error`."""
    a = docs.article
    row = ArticleRow(article_id=a.article_id, path=a.path, date=docs.date, title=a.title or "",
                     source=a.source or "", url=a.url or "", lang=a.lang or "",
                     chars=len(a.text or ""), status=a.status, error=a.error or "",
                     sha256=a.sha256 or "")
    if row.status != "ok" or not docs.segments:
        return [row]
    row.tokens = sum(len(doc) for _, doc in docs.segments)
    row.sentences = sum(sum(1 for _ in doc.sents) if doc.has_annotation("SENT_START") else 1
                        for _, doc in docs.segments)
    if docs.errors:
        row.status, row.error = "error", one_line(E.E108.format(detail=docs.errors[0]))
    return [row]


def sketches(docs: ArticleDocs) -> list[ArticleSketch]:
    """The MinHash sketch of an extracted article's body (near-duplicates are found from it)."""
    if not docs.extracted:
        return []
    sk = sketch(docs.article_id, docs.article.body)
    return [sk] if sk else []


TABLE = Table("articles", ArticleRow, ("article_id",), rows, always=True,
              side=Side("article_sketches", ArticleSketch, ("article_id",), sketches))
