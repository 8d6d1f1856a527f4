"""What every table module declares, and the one article its builders read.

A table is a `Table`: its name (the file OUT/<name>.csv), its row type (a dataclass whose
field order is the column order), its key (rows are sorted by it) and `rows(docs)`, the
builder that turns one article (`ArticleDocs`) into its rows. A table whose rows span
articles (actors.csv) builds per-article observations instead and names a `Reduced`: the
observations are stored in parts like any rows and folded into the table's rows at the merge,
so an article's rows depend only on that article and the model.

Some columns and one table are made across articles in the final merge (pipeline.runner.across:
near-duplicate articles, claims): a table may store per-article `Side` rows for that step (the
articles' body sketches), and a table made only there (claims.csv) is `across`: no article
builds its rows.
"""
from __future__ import annotations

import dataclasses
from bisect import bisect_right
from dataclasses import dataclass, field, fields
from operator import attrgetter
from typing import Callable, Optional


@dataclass(frozen=True)
class Reduced:
    """Per-article observations folded into a table's rows in the final merge."""
    part: str                 # the name its observations are stored under (OUT/.depeche/parts)
    row: type                 # the observation dataclass
    key: tuple[str, ...]
    reducer: Callable         # () -> an object with add(observation) and rows()


@dataclass(frozen=True)
class Side:
    """Per-article rows a table stores in the parts for the steps across articles, unpublished."""
    part: str                 # the name they are stored under (OUT/.depeche/parts)
    row: type
    key: tuple[str, ...]
    rows: Callable[["ArticleDocs"], list]

    def part_key(self) -> Callable[[list], tuple]:
        return _row_key(self.row, self.key)


@dataclass(frozen=True)
class Table:
    name: str
    row: type
    key: tuple[str, ...]
    rows: Callable[["ArticleDocs"], list]   # one article's rows (its observations when reduced)
    always: bool = False      # rows even for an article that was not extracted (articles.csv)
    reduced: Optional[Reduced] = None
    view: tuple[str, ...] = ()   # columns `depeche show` and the report attach to a span of this table
    side: Optional[Side] = None  # per-article rows stored for the steps across articles
    across: bool = False      # made across articles in the final merge: no per-article rows

    @property
    def columns(self) -> list[str]:
        return [f.name for f in fields(self.row)]

    @property
    def types(self) -> dict[str, str]:
        """Column -> 'str' | 'int' | 'float' (for typed writers and readers)."""
        return _types(self.row)

    @property
    def part(self) -> str:
        """The name of this table's per-article rows in the parts of a run."""
        return self.reduced.part if self.reduced else self.name

    def part_key(self) -> Callable[[list], tuple]:
        """Sort key of a stored per-article row (a list in the part row's field order)."""
        return _row_key(*((self.reduced.row, self.reduced.key) if self.reduced else (self.row, self.key)))


def _row_key(row: type, key: tuple[str, ...]) -> Callable[[list], tuple]:
    """Sort key of a stored row (a list in `row`'s field order): its `key` columns."""
    names = [f.name for f in fields(row)]
    idx = [names.index(k) for k in key]
    return lambda r: tuple(r[i] for i in idx)


def _types(row: type) -> dict[str, str]:
    out = {}
    for f in fields(row):
        t = str(f.type)
        out[f.name] = "int" if "int" in t else "float" if "float" in t else "str"
    return out


_SCALARS = frozenset((str, int, float, bool, type(None)))
_GETTERS: dict[type, Callable] = {}


def as_tuple(row) -> tuple:
    """dataclasses.astuple(row), without its deep copy when every cell is a plain value or a
    list of them (every row: astuple sent each str and number through copy.deepcopy, 1 % of a
    run); anything else still goes through astuple."""
    get = _GETTERS.get(type(row))
    if get is None:
        names = [f.name for f in fields(row)]
        get = _GETTERS[type(row)] = (attrgetter(*names) if len(names) > 1 else
                                     lambda r, _n=names[0]: (getattr(r, _n),))
    values = get(row)
    if _SCALARS.issuperset(map(type, values)):
        return values
    if all(type(v) in _SCALARS or type(v) is list and _SCALARS.issuperset(map(type, v)) for v in values):
        return tuple(list(v) if type(v) is list else v for v in values)   # a list of plain values, copied
    return dataclasses.astuple(row)


@dataclass(frozen=True)
class Offset:
    """Where a segment's Doc lands in the article's text: `start`, the segment's offset, and
    `removed`, the positions (in the segment as written) of the invisible characters taken out
    before it was parsed (pipeline.io.invisible). `at(i)` is the article offset of the Doc's
    character i, `end_at(j)` that of a span ending at j (a removed character right after a span
    stays out of it)."""
    start: int
    removed: tuple[int, ...] = ()
    # where each removed character sat in the parsed text (how many kept characters precede it):
    # a bisection there finds how many were removed before character i (hostile input may hold
    # one after every letter)
    _at_parsed: tuple[int, ...] = field(default=(), init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "_at_parsed", tuple(r - k for k, r in enumerate(self.removed)))

    def at(self, i: int) -> int:
        return self.start + i + bisect_right(self._at_parsed, i)

    def end_at(self, j: int) -> int:
        return self.at(j - 1) + 1 if self.removed and j > 0 else self.start + j


class ArticleDocs:
    """One article (an io Article) and the processed Docs of its body segments, as
    (offset of the segment in article.text, Doc) pairs in text order: what builders read.
    An offset is an `Offset`, or an int when nothing was taken out of the segment.

    `items(extension)` gives a Doc extension's items with their offsets into the whole
    text, `spans(extension)` its spanned items shifted and in text order; `rows(name)` the
    rows of another table of the same article, built once (the quantities table reads the
    attributions' ids)."""

    def __init__(self, article, segments, tables: dict[str, Table]):
        self.article = article
        self.text = article.text
        self.article_id = article.article_id
        self.segments = [(off if isinstance(off, Offset) else Offset(off), doc) for off, doc in segments]
        self.errors = [m for _, doc in self.segments for m in (doc._.depeche_errors or [])]
        self._tables = tables
        self._rows: dict[str, list] = {}

    @property
    def extracted(self) -> bool:
        """Did the extractors run on every segment without an error?"""
        return self.article.status == "ok" and bool(self.segments) and not self.errors

    @property
    def date(self) -> str:
        """The article's date: its own (record, header, front matter), else its dateline's
        (`PARIS, 27 septembre 2017 (AFP) -`, marked by the dates component in the first segment)."""
        if self.article.date or not self.segments:
            return self.article.date or ""
        return next((it["value"] for it in getattr(self.segments[0][1]._, "depeche_dates", None) or []
                     if it.get("dateline")), "")

    def items(self, *extensions: str):
        """(offset, item) for every item of these Doc extensions, segment by segment."""
        for off, doc in self.segments:
            for ext in extensions:
                for item in getattr(doc._, ext) or []:
                    yield off, item

    def spans(self, *extensions: str) -> list[tuple[int, int, dict]]:
        """(start, end, item) of every item of these Doc extensions, its offsets into the whole
        text, in text order (ties keep the extensions' order)."""
        return sorted(((off.at(it["start"]), off.end_at(it["end"]), it) for off, it in self.items(*extensions)),
                      key=lambda x: (x[0], x[1]))

    def rows(self, name: str) -> list:
        if name not in self._rows:
            self._rows[name] = self._tables[name].rows(self)
        return self._rows[name]


def shifted(item: dict, off: Offset, *names: str) -> dict:
    """The offsets `names` of an item (`…start`, `…end`) in the article's text (None stays None)."""
    return {k: (None if item.get(k) is None else off.end_at(item[k]) if k.endswith("end") else off.at(item[k]))
            for k in names}


def span_text(text: str, s, e) -> str:
    return text[s:e] if s is not None and e is not None else ""


def number(v):
    """A float cell: None stays None, ints become floats (written one way)."""
    return None if v is None else float(v)
