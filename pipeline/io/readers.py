"""Find the input articles under INPUT and read them, one reader per format.

Discovery (`discover`) walks INPUT in sorted order without following links to folders,
and yields one `Ref` per article: a file, or a record of a JSONL/JSON file (with its line or
position and byte offset), each with its final article_id (SCHEMA.md). Reading (`read_ref`)
turns a Ref into an `Article` and never raises: whatever goes wrong becomes the article's
status and one-line error.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from pipeline.errors import E
from pipeline.io.article import Article
from pipeline.io.decode import DecodeError, decode, normalise_newlines

SUFFIXES = {".txt": "txt", ".md": "md", ".jsonl": "jsonl", ".json": "json", ".html": "html", ".htm": "html"}


@dataclass(frozen=True)
class Ref:
    article_id: str
    path: str              # relative to INPUT, `/`-separated
    abspath: str
    kind: str              # txt md jsonl json html
    line: int = 0          # JSONL line / JSON array position, from 1 (0 for a whole file)
    offset: int = -1       # byte offset of the JSONL line (-1: read the whole file)
    size: int = 0          # bytes of the file, or of the JSONL line


@dataclass
class Discovery:
    refs: list
    skipped: int = 0       # files of other types
    files: int = 0


# -- discovery ------------------------------------------------------------------------------
def _walk(root: Path) -> Iterator[Path]:
    """Files under root in sorted order; links to folders are not followed (no loops)."""
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            continue
        dirs = []
        for entry in entries:
            try:
                if entry.is_dir(follow_symlinks=False):
                    dirs.append(Path(entry.path))
                    continue
            except OSError:
                pass
            yield Path(entry.path)
        stack.extend(reversed(dirs))


def _rel(p: Path, root: Path) -> str:
    return p.name if p == root else p.relative_to(root).as_posix()


def discover(input_path: Path | str) -> Discovery:
    root = Path(input_path)
    files = [root] if not root.is_dir() else sorted(_walk(root), key=lambda p: _rel(p, root))
    chosen, skipped = [], 0
    for p in files:
        if p.suffix.lower() in SUFFIXES:
            chosen.append(p)
        else:
            skipped += 1
    stems: dict[str, int] = {}
    for p in chosen:
        stem = _rel(p, root).rsplit(".", 1)[0]
        stems[stem] = stems.get(stem, 0) + 1
    refs, used = [], set()
    for p in chosen:
        rel = _rel(p, root)
        kind = SUFFIXES[p.suffix.lower()]
        if kind in ("jsonl", "json"):
            refs.extend(_record_refs(p, rel, kind, used))
            continue
        stem = rel.rsplit(".", 1)[0]
        aid = stem if stems[stem] == 1 else rel
        used.add(aid)
        refs.append(Ref(aid, rel, str(p), kind, size=_size(p)))
    return Discovery(refs, skipped, len(chosen))


def _size(p: Path) -> int:
    try:
        return p.stat().st_size
    except OSError:
        return 0


def _record_id(rec, rel, n, used) -> str:
    rid = rec.get("id") if isinstance(rec, dict) else None
    rid = "" if rid is None or isinstance(rid, (dict, list)) else str(rid)
    aid = rid if rid and rid not in used else f"{rel}:{n}"
    used.add(aid)
    return aid


def _record_refs(p: Path, rel: str, kind: str, used: set) -> list[Ref]:
    refs = []
    try:
        if kind == "jsonl":
            with open(p, "rb") as f:
                offset = 0
                for n, raw in enumerate(f, 1):
                    if raw.strip():
                        try:
                            rec = json.loads(raw.decode("utf-8-sig") if n == 1 else raw)
                        except (ValueError, UnicodeDecodeError):
                            rec = None
                        refs.append(Ref(_record_id(rec, rel, n, used), rel, str(p), kind, n, offset, len(raw)))
                    offset += len(raw)
        else:
            try:
                data = json.loads(decode(p.read_bytes()))
            except (ValueError, DecodeError):
                data = None
            if isinstance(data, dict):
                data = [data]
            for n, rec in enumerate(data or [], 1):
                refs.append(Ref(_record_id(rec, rel, n, used), rel, str(p), kind, n, size=_size(p)))
    except OSError:
        pass
    if not refs:  # no readable record: the file still gets one row
        aid = f"{rel}:1"
        used.add(aid)
        refs.append(Ref(aid, rel, str(p), kind, 1, size=_size(p)))
    return refs


# -- reading --------------------------------------------------------------------------------
def read_ref(ref: Ref, max_chars: int) -> Article:
    """The Article of a Ref; never raises."""
    art = Article(ref.article_id, ref.path)
    try:
        if ref.kind in ("jsonl", "json"):
            return _read_record(ref, art, max_chars)
        if ref.size > 4 * max_chars + 4:
            return art.fail("too_large", E.E104.format(chars=f"about {ref.size // 4}+", limit=max_chars))
        raw = Path(ref.abspath).read_bytes()
    except OSError as e:
        return art.fail("error", E.E107.format(detail=f"{type(e).__name__}: {e.strerror or e}"))
    art.sha256 = hashlib.sha256(raw).hexdigest()
    try:
        text = decode(raw)
    except DecodeError as e:
        return art.fail("error", (E.E102 if e.kind == "binary" else E.E103).format(detail=str(e)))
    if ref.kind == "html":
        return _read_html(art, text, max_chars)
    art.text = text
    if ref.kind == "md":
        _front_matter(art)
    else:
        _txt_header(art)
    return _size_check(art, max_chars)


def from_text(article_id: str, text: str, *, path: str = "", date: str = "", kind: str = "txt",
              title: str = "", url: str = "") -> Article:
    """An Article from text already in memory (gold files, tests, Label Studio tasks), read the
    way a file of that kind would be: line ends normalised, a .txt header or .md front matter
    recognised (header values win over the arguments), sha256 of the text's UTF-8 bytes."""
    art = Article(article_id, path or article_id, text=normalise_newlines(text), date=iso_date(date),
                  title=title, url=url)
    art.sha256 = hashlib.sha256(art.text.encode("utf-8", "surrogatepass")).hexdigest()
    if kind == "md":
        _front_matter(art)
    elif kind == "txt":
        _txt_header(art)
    return art


def _size_check(art: Article, max_chars: int) -> Article:
    if len(art.text) > max_chars:
        art.fail("too_large", E.E104.format(chars=len(art.text), limit=max_chars))
    return art


def _read_record(ref: Ref, art: Article, max_chars: int) -> Article:
    with open(ref.abspath, "rb") as f:
        if ref.kind == "jsonl" and ref.offset >= 0:
            f.seek(ref.offset)
            raw = f.readline()
            try:
                rec = json.loads(raw.decode("utf-8-sig"))
            except (ValueError, UnicodeDecodeError) as e:
                return art.fail("error", E.E106.format(detail=f"line {ref.line} is not JSON ({_short(e)})"))
        else:
            raw = f.read(1 << 16)
            if not raw.strip() and not f.read(1):
                return art.fail("empty", E.E110.format(detail="the file is empty"))
            try:
                data = _json_file(ref.abspath, *_stamp(ref.abspath)) if ref.kind == "json" else None
            except (ValueError, DecodeError) as e:
                return art.fail("error", E.E110.format(detail=f"not JSON ({_short(e)})"))
            data = [data] if isinstance(data, dict) else data
            if ref.kind == "jsonl":
                return art.fail("error", E.E110.format(detail="no line is a JSON object"))
            if not isinstance(data, list) or not data:
                kind = "empty" if data == [] else "error"
                return art.fail(kind, E.E110.format(detail="no record (an empty array)") if kind == "empty"
                                else E.E110.format(detail="not an object or an array of objects"))
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
    art.title = _str(rec.get("title"))
    art.source = _str(rec.get("source"))
    art.url = _str(rec.get("url"))
    return _size_check(art, max_chars)


def _stamp(path: str) -> tuple[int, int]:
    st = os.stat(path)
    return st.st_mtime_ns, st.st_size


@lru_cache(maxsize=1)
def _json_file(path: str, mtime_ns: int, size: int):
    """A JSON file parsed once for all its records (refs of one file come in a row), not once
    per record; keyed by modification time and size so a changed file is read again."""
    with open(path, "rb") as f:
        return json.loads(decode(f.read()))


def _short(e: Exception) -> str:
    return getattr(e, "msg", None) or str(e).split("\n")[0][:80]


def _str(v) -> str:
    return "" if v is None or isinstance(v, (dict, list)) else " ".join(str(v).split())


_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_DMY = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$")


def iso_date(v) -> str:
    """An ISO 8601 date (partial allowed) from a metadata value, else ''."""
    if v is None:
        return ""
    if isinstance(v, (dt.date, dt.datetime)):
        return v.strftime("%Y-%m-%d")
    s = str(v).strip()
    m = _ISO.match(s)
    if m:
        return "-".join(g for g in m.groups() if g)
    m = _DMY.match(s)
    if m:
        return f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
    return ""


# `␠date 2024-10 La Corée…`: the founding dispatch's one-line prefix
_DATE_PREFIX = re.compile(r"^[ \t]*date[ \t]+(\d{4}(?:-\d{2}(?:-\d{2})?)?)[ \t]+")
_HEADER_LINE = re.compile(r"^(date|titre|title|source|url|lien|auteur|author)[ \t]*:[ \t]*(.*)$", re.I)
_HEADER_KEYS = {"date": "date", "titre": "title", "title": "title", "source": "source", "url": "url",
                "lien": "url"}


def _txt_header(art: Article) -> None:
    text = art.text
    m = _DATE_PREFIX.match(text)
    if m:
        art.date, art.body_start = iso_date(m.group(1)), m.end()
        return
    pos, found = 0, {}
    while pos < len(text):
        nl = text.find("\n", pos)
        line = text[pos:] if nl < 0 else text[pos:nl]
        if not line.strip():
            if found:
                art.body_start = len(text) if nl < 0 else nl + 1
                for k, v in found.items():
                    setattr(art, k, iso_date(v) if k == "date" else v)
            return
        h = _HEADER_LINE.match(line)
        if not h:
            return
        key = _HEADER_KEYS.get(h.group(1).lower())
        if key:
            found[key] = h.group(2).strip()
        if nl < 0:
            return
        pos = nl + 1


def _front_matter(art: Article) -> None:
    text = art.text
    if not text.startswith("---\n"):
        return
    end = text.find("\n---", 4)
    if end < 0:
        return
    import yaml
    try:
        meta = yaml.safe_load(text[4:end])
    except yaml.YAMLError:
        return
    if not isinstance(meta, dict):
        return
    close = text.find("\n", end + 4)
    art.body_start = len(text) if close < 0 else close + 1
    art.date = iso_date(meta.get("date"))
    art.title = _str(meta.get("title") or meta.get("titre"))
    art.source = _str(meta.get("source"))
    art.url = _str(meta.get("url"))


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
        art.title = _str(get("title"))
        art.source = _str(get("sitename"))
        art.url = _str(get("url"))
    return _size_check(art, max_chars)
