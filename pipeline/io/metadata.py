"""Metadata of an input: dates, a .txt header, .md front matter, and escaping outside names.

Metadata is outside data a user did not check: a value that is not what it claims (an
impossible date) is left empty, a name that cannot be written as UTF-8 (a file name in
Latin-1 bytes, a lone surrogate `\\ud800` in a JSON id or title) is escaped, and the article
is still processed. Only YAML aliases fail an article: they can expand without limit.
"""
from __future__ import annotations

import datetime as dt
import os
import re

import yaml


# -- escaping ----------------------------------------------------------------------------------
def escape_text(s: str) -> str:
    """A str from JSON with every lone surrogate written as its JSON escape (`\\ud800`, six
    characters), so that it can be written as UTF-8; other text unchanged."""
    try:
        s.encode("utf-8")
        return s
    except UnicodeEncodeError:
        return s.encode("utf-8", "backslashreplace").decode("utf-8")


def escape_name(s: str) -> str:
    """A file name as the OS gave it (bytes that are not UTF-8 held as surrogates by Python)
    with each such byte written `\\xe9` (four characters); UTF-8 names unchanged."""
    try:
        s.encode("utf-8")
        return s
    except UnicodeEncodeError:
        return os.fsencode(s).decode("utf-8", "backslashreplace")


def meta_str(v) -> str:
    """A metadata value as one line of text ('' for none, lists and mappings)."""
    if v is None or isinstance(v, (dict, list)):
        return ""
    return escape_text(" ".join(str(v).split()))


# -- dates -------------------------------------------------------------------------------------
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_DMY = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$")


def iso_date(v) -> str:
    """An ISO 8601 date (partial allowed) from a metadata value, else '' (no date, or one that
    does not exist: `2024-13-45`, `2023-02-29`)."""
    if v is None or isinstance(v, bool):
        return ""
    if isinstance(v, (dt.date, dt.datetime)):
        return v.strftime("%Y-%m-%d")
    s = str(v).strip()
    m = _ISO.match(s)
    if m:
        y, mo, d = m.groups()
    else:
        m = _DMY.match(s)
        if not m:
            return ""
        d, mo, y = m.group(1).zfill(2), m.group(2).zfill(2), m.group(3)
    try:
        dt.date(int(y), int(mo or 1), int(d or 1))
    except ValueError:
        return ""
    return "-".join(g for g in (y, mo, d) if g)


_STRICT_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def strict_date(value: str) -> str:
    """`value` if it is exactly YYYY, YYYY-MM or YYYY-MM-DD naming a real period, else "": a
    filter value given on the command line is never guessed (`2016/04`, `2016-4` are refused,
    not read as 2016), unlike a date found in an article's metadata (iso_date)."""
    value = value.strip()
    return value if _STRICT_DATE.fullmatch(value) and iso_date(value) == value else ""


# -- .txt header -------------------------------------------------------------------------------
# `␠date 2024-10 La Corée…`: the founding dispatch's one-line prefix
_DATE_PREFIX = re.compile(r"^[ \t]*date[ \t]+(\d{4}(?:-\d{2}(?:-\d{2})?)?)[ \t]+")
_HEADER_LINE = re.compile(r"^(date|titre|title|source|url|lien|auteur|author)[ \t]*:[ \t]*(.*)$", re.I)
_HEADER_KEYS = {"date": "date", "titre": "title", "title": "title", "source": "source", "url": "url",
                "lien": "url"}


def txt_header(art) -> None:
    """Read a leading date prefix or `Key: value` header lines ended by a blank line."""
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
                    setattr(art, k, iso_date(v) if k == "date" else meta_str(v))
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


# -- .md front matter --------------------------------------------------------------------------
class AliasRefused(ValueError):
    """YAML front matter with an alias: refused (a 600-byte alias bomb expands to gigabytes)."""

    def __init__(self, line: int):
        super().__init__(f"YAML front matter line {line} uses an alias (*name), which depeche "
                         f"refuses: write the value out")


class FrontMatterLoader(yaml.SafeLoader):
    """safe_load without aliases, and with timestamps kept as text (a date that does not exist
    is then an empty date, not an exception)."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            raise AliasRefused(self.peek_event().start_mark.line + 2)   # + the `---` line, from 1
        return super().compose_node(parent, index)


_TIMESTAMP = "tag:yaml.org,2002:timestamp"
FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != _TIMESTAMP]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
FrontMatterLoader.add_constructor(_TIMESTAMP, lambda loader, node: loader.construct_scalar(node))


def front_matter(art) -> None:
    """Read `---`-delimited YAML front matter; malformed YAML is left as text of the body.
    Raises AliasRefused."""
    text = art.text
    if not text.startswith("---\n"):
        return
    end = text.find("\n---", 4)
    if end < 0:
        return
    try:
        meta = yaml.load(text[4:end], Loader=FrontMatterLoader)  # noqa: S506 - a safe loader
    except yaml.YAMLError:
        return
    if not isinstance(meta, dict):
        return
    close = text.find("\n", end + 4)
    art.body_start = len(text) if close < 0 else close + 1
    art.date = iso_date(meta.get("date"))
    art.title = meta_str(meta.get("title") or meta.get("titre"))
    art.source = meta_str(meta.get("source"))
    art.url = meta_str(meta.get("url"))
