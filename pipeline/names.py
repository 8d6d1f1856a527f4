"""Names as text to compare: accents folded away, slugs for ids, and the French determiners
that come before them. The one place components, tables, evaluation and training fold names.

- `unaccent`: combining marks dropped after Unicode decomposition (`Élysée` -> `Elysee`);
- `fold`: the form the actors' gazetteer is indexed and looked up by (lower case, no accents,
  `’` as `'`);
- `slug`: ASCII words of a name joined by a separator, for ids (`Corée du Nord` ->
  `coree_du_nord`, `group-medias`);
- `ARTICLES`, `DEFINITE_ARTICLES`, `DEMONSTRATIVES`: determiners as tokens are written;
  `DETERMINER_WORDS` as the words of a name split at apostrophes (`l`, `d`).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

DEFINITE_ARTICLES = frozenset({"le", "la", "l'", "l’"})
ARTICLES = DEFINITE_ARTICLES | {"les", "un", "une", "des", "du", "de", "d'", "d’"}
DEMONSTRATIVES = frozenset({"ce", "cet", "cette", "ces"})
DETERMINER_WORDS = frozenset(w.rstrip("'’") for w in ARTICLES) | DEMONSTRATIVES

_ASCII_WORD = re.compile(r"[a-z0-9]+")


def unaccent(s: str, *, compatibility: bool = True) -> str:
    """`s` without combining marks, after NFKD (compatibility=True: ligatures, no-break spaces
    and the like become their plain forms too) or NFD (they stay as written)."""
    s = unicodedata.normalize("NFKD" if compatibility else "NFD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


@lru_cache(maxsize=1 << 16)
def fold(s: str) -> str:
    """Lowercase, no accents, typographic apostrophe as ASCII; nothing else changes (NFD:
    ligatures and no-break spaces stay as written). Cached: the actors' lexicon folds the same
    words over and over (about 800 calls per article of winer-fr)."""
    return unaccent(s.replace("’", "'").lower(), compatibility=False)


def slug(s: str, sep: str = "_") -> str:
    """ASCII lowercase words of `s` joined by `sep` ('' when it has none)."""
    return sep.join(_ASCII_WORD.findall(unaccent(s).lower()))
