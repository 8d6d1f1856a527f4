"""One article from input to rows: read, check, segment, (extract,) tabulate.

Shared by every engine: the local one streams many articles through spaCy's
multiprocessing, the Dask one runs the local one on a worker; both end in the same rows. An
input is a Ref (a file or record the engine reads) or an Article already in memory (gold
texts, Label Studio tasks, tests): both take the same path from `prepare` on.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from types import SimpleNamespace

from pipeline import tables as T
from pipeline.components import EXTENSIONS
from pipeline.errors import E, one_line
from pipeline.io import texts
from pipeline.io.article import Article
from pipeline.io.invisible import visible
from pipeline.io.lang import detect
from pipeline.io.readers import Ref, failure, read_ref
from pipeline.nlp import SEGMENT_CHARS


@dataclass(frozen=True)
class Options:
    model_dir: str
    max_chars: int = 2_000_000


def prepare(source: Ref | Article, opts: Options) -> tuple[Article, list[tuple[int, str]]]:
    """Read (a Ref) and check one article; return it with the (offset, text) segments to process.
    Never raises: a failure of any step is the article's `error` row."""
    art = source if isinstance(source, Article) else read_ref(source, opts.max_chars)
    try:
        return post_read(art)
    except Exception as e:  # noqa: BLE001 - language detection or segmenting one odd text
        art.fail(*failure(e))
        return art, []


def post_read(art: Article) -> tuple[Article, list[tuple[int, str]]]:
    """Checks after reading: empty, language; then the segments to process."""
    if art.status != "ok":
        return art, []
    body = art.body
    if not body.strip():
        art.fail("empty", E.E101)
        return art, []
    lang, score = detect(body)
    art.lang = lang
    if lang and lang != "fr":
        art.fail("not_french", E.E105.format(lang=lang, score=score))
        return art, []
    return art, [parseable(off, text) for off, text in segments(body, art.body_start)]


def parseable(off: int, text: str) -> tuple[int | T.Offset, str]:
    """A segment as the pipeline parses it: without its invisible characters (pipeline.io.invisible),
    its offset saying where they were, so that the rows keep the offsets of the text as written."""
    clean, removed = visible(text)
    return (T.Offset(off, removed) if removed else off), clean


_BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"(?<=[.!?»])\s+"), re.compile(r"\s+"))


def segments(body: str, offset: int, limit: int = SEGMENT_CHARS) -> list[tuple[int, str]]:
    """Cut a long body at paragraph (else line, sentence, space) breaks into pieces of at most
    `limit` characters; offsets stay those of the whole text."""
    out, start = [], 0
    while len(body) - start > limit:
        window = body[start:start + limit]
        cut = None
        for pattern in _BREAKS:
            ends = [m.end() for m in pattern.finditer(window) if m.end() > limit // 2]
            if ends:
                cut = ends[-1]
                break
        cut = cut or limit
        out.append((offset + start, body[start:start + cut]))
        start += cut
    out.append((offset + start, body[start:]))
    return out


def tabulate(art: Article, docs: list[tuple[int, object]]) -> dict[str, list]:
    """The article's rows of every table, and its text for the text store (pipeline.io.texts)."""
    try:
        rows = T.article_tables(art, docs)
    except Exception as e:  # noqa: BLE001 - a bug in one article's rows must not end the run
        art.fail("error", E.E108.format(detail=f"tables: {type(e).__name__}: {one_line(str(e), 120)}"))
        rows = T.article_tables(art, [])
    rows[texts.PART] = texts.part_rows(art)
    return rows


class DocSummary:
    """What the tables read from a processed Doc (its depeche extensions, its token and sentence
    counts), without its tokens, vectors or parse: a long article's segments are summarised
    one by one as they come out of the pipeline, so its memory does not grow with its length."""

    __slots__ = ("_", "n_tokens", "sents", "sentenced")

    def __init__(self, doc):
        self._ = SimpleNamespace(**{name: getattr(doc._, name) for name in EXTENSIONS})
        self.n_tokens = len(doc)
        self.sentenced = doc.has_annotation("SENT_START")
        self.sents = range(sum(1 for _ in doc.sents) if self.sentenced else 1)   # only counted

    def __len__(self) -> int:
        return self.n_tokens

    def has_annotation(self, attr: str) -> bool:
        return attr == "SENT_START" and self.sentenced


def extract_one(nlp, art: Article, segs: list[tuple[int, str]]) -> dict[str, list]:
    """One prepared article through the pipeline segment by segment, in this process: what the
    local engine does with a long article, and with an article whose Doc a worker lost. Each
    Doc is summarised before the next segment is parsed."""
    docs = []
    for off, text in segs:
        try:
            docs.append((off, DocSummary(nlp(text))))
        except Exception as e:  # noqa: BLE001
            art.fail("error", E.E108.format(detail=f"{type(e).__name__}: {one_line(str(e), 160)}"))
            return tabulate(art, [])
    return tabulate(art, docs)


def merge_tables(into: dict[str, list], more: dict[str, list]) -> None:
    for k, v in more.items():
        into.setdefault(k, []).extend(v)
