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
run writes most: same surname, first names as alike as the actors component asks of one
person's two spellings within an article (`names.FIRST_NAME_LIKENESS`; as many words, the first
of five letters at least with the same first letter), the other spelling in two articles or more and in no fewer, and the same
test of a person named beside both (`George W. Bush`, met once, stays apart from `George H. W.
Bush`)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping

from pipeline.crossdoc.text import normalised
from pipeline.names import FIRST_NAME_LIKENESS, spelling_likeness


@dataclass(frozen=True)
class PersonRow:
    actor_id: str
    name: str
    articles: int


def _by_surname(persons: list[PersonRow]) -> dict[str, list[tuple[PersonRow, list[str]]]]:
    """The persons whose name has two words or more, with its folded words, by its last word."""
    by_last: dict[str, list[tuple[PersonRow, list[str]]]] = {}
    for p in persons:
        words = normalised(p.name).split()
        if len(words) > 1:
            by_last.setdefault(words[-1], []).append((p, words))
    return by_last


def surname_candidates(persons: Iterable[PersonRow]) -> dict[str, str]:
    """actor_id of a surname alone -> actor_id of the one full name it may be."""
    persons = list(persons)
    by_last = _by_surname(persons)
    out = {}
    for p in persons:
        words = normalised(p.name).split()
        full = by_last.get(words[0], []) if len(words) == 1 else []
        if len(full) == 1 and full[0][0].articles >= max(2, p.articles):
            out[p.actor_id] = full[0][0].actor_id
    return out


def variant_candidates(persons: Iterable[PersonRow]) -> dict[str, str]:
    """actor_id of a full name -> actor_id of the spelling of it the run writes most (module
    docstring): the most alike first names, then the most articles."""
    out = {}
    for group in _by_surname(list(persons)).values():
        for p, words in group:
            first = " ".join(words[:-1])
            near = []
            for q, other in group:
                # (two spellings as frequent: the first by actor_id is the one kept)
                if q.articles < 2 or (q.articles, p.actor_id) <= (p.articles, q.actor_id) \
                        or len(other) != len(words) or min(len(words[0]), len(other[0])) < 5 \
                        or words[0][0] != other[0][0]:
                    continue
                likeness = spelling_likeness(first, " ".join(other[:-1]))
                if FIRST_NAME_LIKENESS <= likeness < 1:
                    near.append((-likeness, -q.articles, q.actor_id))
            if near:
                out[p.actor_id] = min(near)[2]
    return out


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
