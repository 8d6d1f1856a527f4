"""One person across a run: a person some articles name by the surname alone (`Froome`, with no
first name anywhere in the article) is folded into the one person of the run whose full name ends
on that surname (`Christopher Froome`), so that actors.csv holds one row for them.

Within an article the actors component already takes a surname up to the full name written
before it; across articles nothing did: `froome` and `christopher_froome` were two actors. The
fold runs in the final merge, on the actors' rows, so any split of the run gives the same tables.

Folded only when it cannot be another person: exactly one person of the run has a full name
ending on that word, that person appears in two articles or more, and in no fewer than the
surname alone (a surname met once beside a full name met once, `Franco` and `James Franco`,
stays apart: the dictator is not the actor); and the articles of the surname alone name at least
one other person that the full name's articles name too (`Dumoulin`, a handball goalkeeper beside
`Karabatic`, is not `Tom Dumoulin` of the cycling reports).

A full name written with its first name misspelt in a few articles (`Recep Tayyp Erdogan`, `Katia
Zaferes`, `Bashar al-Assad` beside `Bachar al-Assad`) is folded the same way into the spelling the
run writes most: same surname, first names one or two letters apart (five letters at least, the
same first letter), the other spelling in two articles or more and in no fewer, and the same
test of a person named beside both (`George W. Bush`, met once, stays apart from `George H. W.
Bush`)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping

from pipeline.crossdoc.text import normalised


@dataclass(frozen=True)
class PersonRow:
    actor_id: str
    name: str
    articles: int


def surname_candidates(persons: Iterable[PersonRow]) -> dict[str, str]:
    """actor_id of a surname alone -> actor_id of the one full name it may be."""
    persons = list(persons)
    by_last: dict[str, list[PersonRow]] = {}
    for p in persons:
        words = normalised(p.name).split()
        if len(words) > 1:
            by_last.setdefault(words[-1], []).append(p)
    out = {}
    for p in persons:
        words = normalised(p.name).split()
        full = by_last.get(words[0], []) if len(words) == 1 else []
        if len(full) == 1 and full[0].articles >= max(2, p.articles):
            out[p.actor_id] = full[0].actor_id
    return out


def variant_candidates(persons: Iterable[PersonRow]) -> dict[str, str]:
    """actor_id of a full name -> actor_id of the spelling of it the run writes most (module
    docstring): the closest first names, then the most articles."""
    by_last: dict[str, list[tuple[PersonRow, str]]] = {}
    for p in persons:
        words = normalised(p.name).split()
        if len(words) > 1:
            by_last.setdefault(words[-1], []).append((p, " ".join(words[:-1])))
    out = {}
    for group in by_last.values():
        for p, first in group:
            # (two spellings as frequent: the first by actor_id is the one kept)
            near = [(_distance(first, other), -q.articles, q.actor_id) for q, other in group
                    if q.articles >= 2 and (q.articles, p.actor_id) > (p.articles, q.actor_id)
                    and min(len(first), len(other)) >= 5 and first[0] == other[0]]
            near = [n for n in near if 1 <= n[0] <= 2]
            if near:
                out[p.actor_id] = min(near)[2]
    return out


def _distance(a: str, b: str) -> int:
    """Levenshtein distance (insertions, deletions, substitutions)."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def surname_folds(candidates: Mapping[str, str], beside: Mapping[str, set]) -> dict[str, str]:
    """The candidates whose two actors are named beside one same other person (`beside`: actor_id
    -> the other persons of its articles)."""
    return {s: f for s, f in candidates.items() if (beside.get(s, set()) & beside.get(f, set())) - {s, f}}


class Neighbours:
    """The other persons named in the articles of some persons, read from mentions rows one
    article after another."""

    def __init__(self, watched: set, persons: set):
        self.watched, self.persons = watched, persons
        self.beside: dict[str, set] = {}

    def article(self, actor_ids: Iterable[str]) -> None:
        named = {a for a in actor_ids if a in self.persons}
        for a in named & self.watched:
            self.beside.setdefault(a, set()).update(named - {a})
