"""Names as text to compare: accents folded away, slugs for ids, and the French determiners
that come before them. The one place components, tables, evaluation and training fold names.

- `unaccent`: combining marks dropped after Unicode decomposition (`Élysée` -> `Elysee`);
- `fold`: the form the actors' gazetteer is indexed and looked up by (lower case, no accents,
  `’` as `'`);
- `slug`: ASCII words of a name joined by a separator, for ids (`Corée du Nord` ->
  `coree_du_nord`, `group-medias`);
- `ARTICLES`, `DEFINITE_ARTICLES`, `DEMONSTRATIVES`: determiners as tokens are written;
  `DETERMINER_WORDS` as the words of a name split at apostrophes (`l`, `d`);
- `spelling_likeness`, `near_spelling`: one word spelt two ways (a person's name written with a
  letter or two changed, within an article by the actors component and across a run by
  crossdoc.persons).
"""
from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
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


# how alike two spellings of one person's first name (and of her surname) are at least, as
# difflib's ratio: `Jodie Simpson` / `Jodie Stimpson`, `Sebastien` / `Sebastian Kienle`
FIRST_NAME_LIKENESS, SURNAME_LIKENESS = 0.8, 0.85


def spelling_likeness(a: str, b: str) -> float:
    """How alike two (folded) spellings are, 0 to 1 (difflib's ratio)."""
    return SequenceMatcher(None, a, b).ratio()


def near_spelling(a: str, b: str, likeness: float) -> bool:
    """Are two (folded) words one word spelt two ways: equal, or alike at least `likeness`?"""
    return a == b or spelling_likeness(a, b) >= likeness


def slug(s: str, sep: str = "_") -> str:
    """ASCII lowercase words of `s` joined by `sep` ('' when it has none)."""
    return sep.join(_ASCII_WORD.findall(unaccent(s).lower()))


# words an acronym may leave out (`Forces démocratiques syriennes` -> FDS, `Parti de la
# justice` -> PJ, `Association for Computing` -> AC); every other word gives its initial
ACRONYM_SKIPPABLE = frozenset({"de", "du", "des", "la", "le", "les", "l", "d", "et", "pour", "a", "au", "aux",
                               "en", "sur", "contre", "dans", "par", "the", "of", "and", "for", "on", "in"})
_ACRONYM = re.compile(r"[A-Z][A-Za-z0-9&\-]{1,11}")


def is_acronym(s: str) -> bool:
    """An acronym as written: one word of capital letters (`FDS`, `CNDD-FDD`, `FFTri`), two at least."""
    return bool(_ACRONYM.fullmatch(s)) and sum(c.isupper() for c in s) >= 2 and s[:2].isupper()


_WORD_ACRONYM = re.compile(r"[A-Z][a-z]{2,7}")


def is_word_acronym(s: str) -> bool:
    """Might `s` be an acronym said as a word and written as one, its initial alone a capital
    (`Insee`, `Ania`, `Ufip`)? Any capitalised word might: only where it stands in brackets beside
    a name whose initials its letters spell (`acronym_of(s.upper(), name)`) is it one."""
    return bool(_WORD_ACRONYM.fullmatch(s))


def acronym_of(acronym: str, name: str) -> bool:
    """Do the capitals of `acronym` spell the initials of `name`'s words, in order? Every word
    gives its initial except articles, prepositions and conjunctions, which may or may not
    (`LR` of `Les Républicains`, `PS` of `Parti socialiste`, `CNDD-FDD` of `Conseil national
    pour la défense de la démocratie-Forces de défense de la démocratie`, `PSG` of
    `Paris Saint-Germain`). A name of one word has no acronym."""
    letters = [c for c in unaccent(acronym) if c.isupper() or c.isdigit()]
    words = re.findall(r"[^\W_]+", unaccent(name))
    if len(words) < 2 or len(letters) < 2:
        return False
    optional = [w.lower() in ACRONYM_SKIPPABLE for w in words]
    # ends[j]: the numbers of letters the first j words can spell
    ends = {0}
    for w, opt in zip(words, optional):
        nxt = {i + 1 for i in ends if i < len(letters) and letters[i] == w[0].upper()}
        ends = nxt | ends if opt else nxt
        if not ends:
            return False
    return len(letters) in ends

