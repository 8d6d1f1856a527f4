"""The steps across articles, run once in the final merge (and by `extract`, in memory).

Per-article parts hold everything these steps need, so they give the same tables whatever the
split of the input, the engine, the workers or `--resume`:
- near-duplicates: the articles' dates and body sketches (`article_sketches`, the articles
  table's side rows) -> articles.csv `duplicate_of` (pipeline.crossdoc.duplicates);
- claims: the articles' dates, the actors' names and aliases and every attribution ->
  attributions.csv `claim_id` and claims.csv (pipeline.crossdoc.claims);
- persons: a person some articles name by the surname alone, or with a misspelt first name, is
  folded into the one person of the run with that surname, or that spelling the run writes most
  (pipeline.crossdoc.persons): its row leaves actors.csv, its counts and aliases join the other's,
  and every `actor_id` of the other tables follows.

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
from pipeline.crossdoc.persons import Neighbours, PersonRow, surname_candidates, surname_folds, variant_candidates
from pipeline.tables import actors, articles, attributions, claims, mentions, quantities


def _index(table: T.Table, *names: str) -> list[int]:
    return [table.columns.index(n) for n in names]


class Linker:
    def __init__(self):
        self._dates: dict[str, str] = {}
        self._finder = DuplicateFinder()
        self._duplicate_of: dict[str, str] = {}
        self._names: dict[str, str] = {}
        self._aliases: dict[str, str] = {}
        self._candidates: dict[str, str] = {}  # a surname alone or a misspelt name -> the one it may be
        self._neighbours = Neighbours(set(), set())
        self._person_rows: dict[str, tuple] = {}
        self._folds: dict[str, str] | None = None  # actor_id -> the actor it is folded into
        self._folded: dict[str, list] = {}  # actor_id -> the rows of the actors folded into it
        self._claims: ClaimBuilder | None = None
        self._readers = {articles.TABLE.name: self._read_articles,
                         articles.TABLE.side.part: self._read_sketches,
                         actors.TABLE.name: self._read_actors,
                         mentions.TABLE.name: self._read_mentions,
                         attributions.TABLE.name: self._read_attributions}
        self._fillers = {articles.TABLE.name: self._fill_articles,
                         actors.TABLE.name: self._fill_actors,
                         mentions.TABLE.name: self._renamed(mentions.TABLE),
                         quantities.TABLE.name: self._renamed(quantities.TABLE),
                         attributions.TABLE.name: self._fill_attributions}
        self.duplicates = 0

    def reads(self, name: str) -> bool:
        return name in self._readers

    def read(self, name: str, rows: Iterable) -> None:
        self._readers[name](rows)

    def finish(self) -> None:
        self._settle_folds()
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
        i_id, i_name, i_type, i_aliases, i_articles = _index(actors.TABLE, "actor_id", "name", "type", "aliases",
                                                             "articles")
        persons = []
        for r in rows:
            self._names[r[i_id]] = r[i_name]
            self._aliases[r[i_id]] = r[i_aliases]
            if r[i_type] == "person":
                persons.append(PersonRow(r[i_id], r[i_name], r[i_articles]))
                self._person_rows[r[i_id]] = r
        self._candidates = {**variant_candidates(persons), **surname_candidates(persons)}
        # (a target that is itself folded would leave its rows pointing at no row)
        self._candidates = {s: f for s, f in self._candidates.items() if f not in self._candidates}
        watched = set(self._candidates) | set(self._candidates.values())
        self._neighbours = Neighbours(watched, set(self._person_rows))

    def _read_mentions(self, rows) -> None:
        """The persons each article names (rows of one article come together)."""
        i_art, i_actor = _index(mentions.TABLE, "article_id", "actor_id")
        for _, group in groupby(rows, key=lambda r: r[i_art]):
            self._neighbours.article(r[i_actor] for r in group)

    def _settle_folds(self) -> None:
        """Which surnames alone are folded, once the actors and the mentions are read."""
        if self._folds is not None:
            return
        self._folds = surname_folds(self._candidates, self._neighbours.beside)
        i_aliases = actors.TABLE.columns.index("aliases")
        for s, into in sorted(self._folds.items()):
            r = self._person_rows[s]
            self._folded.setdefault(into, []).append(r)
            self._aliases[into] = "|".join(sorted({a for a in (self._aliases[into] + "|" + r[i_aliases]).split("|") if a}))

    def _claim_builder(self) -> ClaimBuilder:
        if self._claims is None:
            self._claims = ClaimBuilder(self._dates, folded_aliases(self._names, self._aliases))
        return self._claims

    def _read_attributions(self, rows) -> None:
        self._settle_folds()
        b, cols = self._claim_builder(), attributions.TABLE.columns
        for r in self._renamed(attributions.TABLE)(rows):
            b.add(dict(zip(cols, r)))

    # -- filling ----------------------------------------------------------------------------
    def _fill_articles(self, rows) -> Iterator:
        i_id, i_dup = _index(articles.TABLE, "article_id", "duplicate_of")
        for r in rows:
            r = list(r)
            r[i_dup] = self._duplicate_of.get(r[i_id], "")
            yield r

    def _fill_actors(self, rows) -> Iterator:
        """An actor folded into another leaves the table; that one takes its counts and aliases."""
        i_id, i_aliases, i_articles, i_mentions = _index(actors.TABLE, "actor_id", "aliases", "articles", "mentions")
        for r in rows:
            if r[i_id] in self._folds:
                continue
            folded = self._folded.get(r[i_id])
            if folded:
                r = list(r)
                r[i_aliases] = self._aliases[r[i_id]]
                r[i_articles] += sum(f[i_articles] for f in folded)
                r[i_mentions] += sum(f[i_mentions] for f in folded)
            yield r

    def _renamed(self, table: T.Table):
        """A filler giving a table's rows the actor each actor is folded into."""
        i_actor = table.columns.index("actor_id")

        def fill(rows) -> Iterator:
            for r in rows:
                if r[i_actor] in self._folds:
                    r = list(r)
                    r[i_actor] = self._folds[r[i_actor]]
                yield r
        return fill

    def _fill_attributions(self, rows) -> Iterator:
        """Rows of one article come together (the parts are sorted by article, then id)."""
        cols = attributions.TABLE.columns
        i_id, i_claim = _index(attributions.TABLE, "article_id", "claim_id")
        b = self._claim_builder()
        rows = self._renamed(attributions.TABLE)(rows)
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
