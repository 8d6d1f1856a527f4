"""Read the input articles, one reader per format.

`read_ref` turns a Ref (pipeline.io.discovery) into an `Article` and never raises: every
step of one input (open, read, decode, parse, metadata) runs inside one guard, and whatever
goes wrong becomes the article's status and one-line error. Only regular files are read,
up to a byte cap per article or per JSONL line (pipeline.io.files).
"""
from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache

from pipeline.errors import E
from pipeline.fsutil import sha256_of
from pipeline.io.article import Article
from pipeline.io.decode import DecodeError, decode, normalise_newlines
from pipeline.io.discovery import SUFFIXES, Discovery, Ref, discover  # noqa: F401 - re-exported
from pipeline.io.files import article_cap, json_cap, line_cap, open_regular, read_capped, read_line
from pipeline.io.metadata import AliasRefused, front_matter, iso_date, meta_str, txt_header  # noqa: F401


class TooLarge(ValueError):
    """More bytes than an article under --max-chars can hold (status too_large)."""


def read_ref(ref: Ref, max_chars: int) -> Article:
    """The Article of a Ref; never raises."""
    art = Article(ref.article_id, ref.path)
    try:
        if ref.kind in ("jsonl", "json"):
            return _read_record(ref, art, max_chars)
        return _read_file(ref, art, max_chars)
    except Exception as e:  # noqa: BLE001 - one input's failure is its row, never the run's
        art.text, art.body_start = "", 0
        return art.fail(*failure(e))


def failure(e: Exception) -> tuple[str, str]:
    """(status, one-line message) for an exception raised while reading one input."""
    if isinstance(e, TooLarge):
        return "too_large", str(e)
    if isinstance(e, AliasRefused):
        return "error", E.E113.format(detail=e)
    if isinstance(e, OSError):
        return "error", E.E107.format(detail=f"{type(e).__name__}: {e.strerror or e}")
    if isinstance(e, RecursionError):
        return "error", E.E112.format(detail="nested too deeply to parse (RecursionError)")
    if isinstance(e, MemoryError):
        return "error", E.E112.format(detail="out of memory while reading it (MemoryError)")
    return "error", E.E112.format(detail=f"{type(e).__name__}: {e}")


def _read_file(ref: Ref, art: Article, max_chars: int) -> Article:
    cap = article_cap(max_chars)
    with open_regular(ref.abspath) as f:
        raw = read_capped(f, cap)
        if raw is None:   # still hashed (streaming), so --resume notices when it changes
            f.seek(0)
            art.sha256 = sha256_of(f)
            raise TooLarge(_too_large("the file is", cap, max_chars))
    art.sha256 = hashlib.sha256(raw).hexdigest()
    try:
        text = decode(raw)
    except DecodeError as e:
        return art.fail("error", (E.E102 if e.kind == "binary" else E.E103).format(detail=str(e)))
    if ref.kind == "html":
        return _read_html(art, text, max_chars)
    art.text = text
    if ref.kind == "md":
        front_matter(art)
    else:
        txt_header(art)
    return _size_check(art, max_chars)


def digest(ref: Ref, max_chars: int) -> str:
    """The sha256 a read of this input would give its row (SCHEMA.md), '' if it cannot be read;
    without decoding or extracting a whole file (what --resume compares)."""
    if ref.kind in ("jsonl", "json"):
        return read_ref(ref, max_chars).sha256
    try:
        with open_regular(ref.abspath) as f:
            return sha256_of(f)
    except OSError:
        return ""


def _too_large(what: str, cap: int, max_chars: int) -> str:
    return E.E111.format(what=what, cap=cap, hint=f"an article under --max-chars {max_chars} cannot "
                                                  f"be that long: raise --max-chars or split the file")


def from_text(article_id: str, text: str, *, path: str = "", date: str = "", kind: str = "txt",
              title: str = "", url: str = "") -> Article:
    """An Article from text already in memory (gold files, tests, Label Studio tasks), read the
    way a file of that kind would be: line ends normalised, a .txt header or .md front matter
    recognised (header values win over the arguments), sha256 of the text's UTF-8 bytes."""
    art = Article(article_id, path or article_id, text=normalise_newlines(text), date=iso_date(date),
                  title=title, url=url)
    art.sha256 = hashlib.sha256(art.text.encode("utf-8", "surrogatepass")).hexdigest()
    try:
        if kind == "md":
            front_matter(art)
        elif kind == "txt":
            txt_header(art)
    except AliasRefused as e:
        art.fail(*failure(e))
    return art


def _size_check(art: Article, max_chars: int) -> Article:
    if len(art.text) > max_chars:
        art.fail("too_large", E.E104.format(chars=len(art.text), limit=max_chars))
    return art


def _read_record(ref: Ref, art: Article, max_chars: int) -> Article:
    if ref.kind == "jsonl" and ref.offset >= 0:
        cap = line_cap(max_chars)
        if ref.size > cap:
            raise TooLarge(_too_large(f"line {ref.line} is", cap, max_chars))
        with open_regular(ref.abspath) as f:
            f.seek(ref.offset)
            raw, size = read_line(f, cap)
        if not raw and size:   # the line grew since discovery
            raise TooLarge(_too_large(f"line {ref.line} is", cap, max_chars))
        try:
            rec = json.loads(raw.decode("utf-8-sig"))
        except (ValueError, UnicodeDecodeError, RecursionError) as e:
            return art.fail("error", E.E106.format(detail=f"line {ref.line} is not JSON ({_short(e)})"))
    else:
        with open_regular(ref.abspath) as f:
            head = f.read(1 << 16)
            if not head.strip() and not f.read(1):
                return art.fail("empty", E.E110.format(detail="the file is empty"))
        if ref.kind == "jsonl":
            return art.fail("error", E.E110.format(detail="no line is a JSON object"))
        try:
            data = _json_file(ref.abspath, json_cap(max_chars), *_stamp(ref.abspath))
        except (ValueError, DecodeError, RecursionError) as e:
            if isinstance(e, TooLarge):
                raise
            return art.fail("error", E.E110.format(detail=f"not JSON ({_short(e)})"))
        data = [data] if isinstance(data, dict) else data
        if data == []:
            return art.fail("empty", E.E110.format(detail="no record (an empty array)"))
        if not isinstance(data, list):
            return art.fail("error", E.E110.format(detail="not an object or an array of objects"))
        rec = data[ref.line - 1]
    if not isinstance(rec, dict):
        return art.fail("error", E.E106.format(detail=f"record {ref.line} is not a JSON object"))
    text = rec.get("text")
    if not isinstance(text, str):
        return art.fail("error", E.E109)
    try:
        art.sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
    except UnicodeEncodeError:  # lone surrogates from \ud800 escapes
        return art.fail("error", E.E103.format(detail="the text holds lone UTF-16 surrogates"))
    art.text = text
    art.date = iso_date(rec.get("date"))
    art.title = meta_str(rec.get("title"))
    art.source = meta_str(rec.get("source"))
    art.url = meta_str(rec.get("url"))
    return _size_check(art, max_chars)


def _stamp(path: str) -> tuple[int, int]:
    st = os.stat(path)
    return st.st_mtime_ns, st.st_size


@lru_cache(maxsize=1)
def _json_file(path: str, cap: int, mtime_ns: int, size: int):
    """A JSON file parsed once for all its records (refs of one file come in a row), not once
    per record; keyed by modification time and size so a changed file is read again."""
    with open_regular(path) as f:
        raw = read_capped(f, cap)
    if raw is None:
        raise TooLarge(E.E111.format(what="the .json file is", cap=cap,
                                hint="a .json file is parsed whole: write it as JSONL, which streams"))
    return json.loads(decode(raw))


def _short(e: Exception) -> str:
    return getattr(e, "msg", None) or str(e).split("\n")[0][:80]


def _read_html(art: Article, html: str, max_chars: int) -> Article:
    """Main text by trafilatura; offsets index that text (README, run.json)."""
    import trafilatura
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      include_tables=False, favor_precision=True)
    text = getattr(doc, "text", None) if doc is not None else None
    if isinstance(doc, dict):
        text = doc.get("text")
    art.text = normalise_newlines(text or "")
    get = (lambda k: doc.get(k)) if isinstance(doc, dict) else (lambda k: getattr(doc, k, None))
    if doc is not None:
        art.date = iso_date(get("date"))
        art.title = meta_str(get("title"))
        art.source = meta_str(get("sitename"))
        art.url = meta_str(get("url"))
    return _size_check(art, max_chars)


__all__ = ["Article", "Discovery", "Ref", "SUFFIXES", "TooLarge", "digest", "discover", "failure", "from_text",
           "iso_date", "read_ref"]
