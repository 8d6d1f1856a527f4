"""The steps across articles, run once in the final merge (and by `extract`, in memory).

Per-article parts hold everything these steps need, so they give the same tables whatever the
split of the input, the engine, the workers or `--resume`:
- near-duplicates: the articles' dates and body sketches (`article_sketches`, the articles
  table's side rows) -> articles.csv `duplicate_of` (pipeline.crossdoc.duplicates);
- claims: the articles' dates, the actors' names and aliases and every attribution ->
  attributions.csv `claim_id` and claims.csv (pipeline.crossdoc.claims).

`Linker` is driven by the store in two phases over the tables of the registry, in their order:
`read(name, rows)` for each table (and side rows) it `reads`, then `finish()`, then, while each
table is written, `fill(name, rows)` (the rows with the columns made here) and `rows(name)` for a
table made only here. Rows are tuples in column order, as the parts store them.
"""
from __future__ import annotations

from itertools import groupby
from typing import Iterable, Iterator

from pipeline import tables as T
from pipeline.crossdoc.claims import ClaimBuilder, folded_aliases
from pipeline.crossdoc.duplicates import ArticleSketch, DuplicateFinder
from pipeline.tables import actors, articles, attributions, claims


def _index(table: T.Table, *names: str) -> list[int]:
    return [table.columns.index(n) for n in names]


class Linker:
    def __init__(self):
        self._dates: dict[str, str] = {}
        self._finder = DuplicateFinder()
        self._duplicate_of: dict[str, str] = {}
        self._names: dict[str, str] = {}
        self._aliases: dict[str, str] = {}
        self._claims: ClaimBuilder | None = None
        self._readers = {articles.TABLE.name: self._read_articles,
                         articles.TABLE.side.part: self._read_sketches,
                         actors.TABLE.name: self._read_actors,
                         attributions.TABLE.name: self._read_attributions}
        self._fillers = {articles.TABLE.name: self._fill_articles,
                         attributions.TABLE.name: self._fill_attributions}
        self.duplicates = 0

    def reads(self, name: str) -> bool:
        return name in self._readers

    def read(self, name: str, rows: Iterable) -> None:
        self._readers[name](rows)

    def finish(self) -> None:
        self._duplicate_of = self._finder.duplicate_of()
        self.duplicates = len(self._duplicate_of)
        self._claim_builder().finish()

    def fill(self, name: str, rows: Iterable) -> Iterator:
        filler = self._fillers.get(name)
        return filler(rows) if filler else iter(rows)

    def rows(self, name: str) -> Iterator[tuple]:
        assert name == claims.TABLE.name, name
        return (T.as_tuple(r) for r in self._claim_builder().rows())

    # -- reading ----------------------------------------------------------------------------
    def _read_articles(self, rows) -> None:
        i_id, i_date = _index(articles.TABLE, "article_id", "date")
        for r in rows:
            self._dates[r[i_id]] = r[i_date]

    def _read_sketches(self, rows) -> None:
        for r in rows:
            sk = ArticleSketch(*r)
            self._finder.add(sk, self._dates.get(sk.article_id, ""))

    def _read_actors(self, rows) -> None:
        i_id, i_name, i_aliases = _index(actors.TABLE, "actor_id", "name", "aliases")
        for r in rows:
            self._names[r[i_id]] = r[i_name]
            self._aliases[r[i_id]] = r[i_aliases]

    def _claim_builder(self) -> ClaimBuilder:
        if self._claims is None:
            self._claims = ClaimBuilder(self._dates, folded_aliases(self._names, self._aliases))
        return self._claims

    def _read_attributions(self, rows) -> None:
        b, cols = self._claim_builder(), attributions.TABLE.columns
        for r in rows:
            b.add(dict(zip(cols, r)))

    # -- filling ----------------------------------------------------------------------------
    def _fill_articles(self, rows) -> Iterator:
        i_id, i_dup = _index(articles.TABLE, "article_id", "duplicate_of")
        for r in rows:
            r = list(r)
            r[i_dup] = self._duplicate_of.get(r[i_id], "")
            yield r

    def _fill_attributions(self, rows) -> Iterator:
        """Rows of one article come together (the parts are sorted by article, then id)."""
        cols = attributions.TABLE.columns
        i_id, i_claim = _index(attributions.TABLE, "article_id", "claim_id")
        b = self._claim_builder()
        for _, group in groupby(rows, key=lambda r: r[i_id]):
            group = [list(r) for r in group]
            for r, claim_id in zip(group, b.assign([dict(zip(cols, r)) for r in group])):
                r[i_claim] = claim_id
                yield r


def link(tables: dict[str, list]) -> dict[str, list]:
    """The steps across articles over rows held in memory (dataclass rows by table name, side
    rows by part name, as `tables.reduce` leaves them): every table's rows, side rows dropped,
    the order of the rows kept (one article's rows together)."""
    lk = Linker()
    tuples = {t.name: [T.as_tuple(r) for r in tables.get(t.name, [])] for t in T.TABLES if not t.across}
    for t in T.TABLES:
        if lk.reads(t.name):
            lk.read(t.name, tuples[t.name])
        if t.side and lk.reads(t.side.part):
            lk.read(t.side.part, [T.as_tuple(r) for r in tables.get(t.side.part, [])])
    lk.finish()
    out = {}
    for t in T.TABLES:
        rows = lk.rows(t.name) if t.across else lk.fill(t.name, tuples[t.name])
        out[t.name] = [t.row(*r) for r in rows]
    return out
