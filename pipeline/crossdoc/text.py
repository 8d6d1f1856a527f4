"""Text normalisation (and grouping) shared by the cross-article steps.

Two copies of a dispatch differ by case, accents dropped on capitals, typographic quote marks
and apostrophes, non-breaking spaces and line breaks: `words` folds all of these away, so the
sketches and claim keys compare what was written, not how it was typeset.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Iterable

_WORD = re.compile(r"\w+")
_PARAGRAPH = re.compile(r"\n[^\S\n]*\n\s*")


_MARKS = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")


def fold(s: str) -> str:
    """Case- and accent-free form (NFKD, combining marks dropped, casefolded)."""
    return _MARKS.sub("", unicodedata.normalize("NFKD", s)).casefold()


def words(s: str) -> list[str]:
    """The words of `s`, folded; punctuation, quote marks and spacing are not words."""
    return _WORD.findall(fold(s))


def paragraphs(s: str) -> list[str]:
    """Blocks separated by a blank line (single line breaks stay inside a paragraph)."""
    return [p for p in _PARAGRAPH.split(s) if p.strip()]


def normalised(s: str) -> str:
    """One line of folded words: the form two near-identical contents share."""
    return " ".join(words(s))


def connected(n: int, pairs: Iterable[tuple[int, int]]) -> list[list[int]]:
    """The groups that linked pairs make among items 0..n-1 (a link of a link is in the group),
    each sorted, in order of their smallest item."""
    parent = list(range(n))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i
    for i, j in pairs:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(i)
    return list(groups.values())
