"""The actors component's indexes, built once from the gazetteer and the word lexicon, and the
constants its steps share.

`ActorIndex` merges the generated and curated gazetteers (a curated entry with the id of a
generated one extends it: its aliases and demonyms are added, its non-empty fields win),
derives the inflected forms of demonyms, and keeps plain dict look-ups (form -> entry id,
demonym -> ISO alpha-3, word -> kind) so that processing a Doc never scans the gazetteer.
"""
from __future__ import annotations

import dataclasses
import re
import unicodedata

from pipeline.errors import ModelError
from pipeline.names import ACRONYM_SKIPPABLE, fold
from pipeline.rules.gazetteer import ActorWord, GazetteerEntry, WikidataLink

SUBJECT_DEPS = {"nsubj", "nsubj:pass", "expl:subj", "obl:agent"}
TYPE_LABEL = {"person": "PER", "organization": "ORG", "state": "GPE", "location": "LOC", "group": "GROUP"}
DE_WORDS = frozenset({"de", "d'", "du", "des"})  # the preposition `de` as tokens (folded) are written
# role words that fit any role (`la dirigeante` takes up `la Première ministre Theresa May`)
GENERIC_ROLES = frozenset({"dirigeant", "dirigeante", "responsable", "leader"})
# a hyphen between two capitalised words of a name, often written as a space (`Agence France Presse`)
HYPHENED = re.compile(r"(?<=\w)-(?=[A-ZÀ-ÖØ-Ý])")
# the lexicon kinds the steps held in code until models made after 2026-12-06: a lexicon without
# one would switch a guard off unseen (without `place_word`, `en Hollande` reads as a surname)
REQUIRED_KINDS = ("direction", "time_word", "portfolio_link", "place_word", "family_noun")


def unaccent_capital(s: str) -> str:
    """`États-Unis` -> `Etats-Unis`, `Élysée` -> `Elysée`: French copy often drops the accent
    of a capital letter."""
    if s and s[0] in "ÉÈÊÀÂÎÔ":
        return unicodedata.normalize("NFD", s[0])[0] + s[1:]
    return s


def title_case(name: str) -> str:
    """`État islamique` -> `État Islamique`, `Cour pénale internationale` -> `Cour Pénale
    Internationale`: the press often capitalises every word of an institution's name; articles,
    prepositions and conjunctions stay as written."""
    def cap(w: str) -> str:
        k = 2 if fold(w[:2]) in ("l'", "d'") else 0   # `l'Union`, `d’Ivoire`: the word after the elision
        rest = w[k:]
        if fold(rest) in ACRONYM_SKIPPABLE or not rest[:1].isalpha():
            return w
        return w[:k] + rest[:1].upper() + rest[1:]
    return " ".join(cap(w) for w in name.split(" "))


def without_article(name: str) -> str:
    """The name past its leading article (`Le Canard enchaîné` -> `Canard enchaîné`, `L'Est
    républicain` -> `Est républicain`), '' when it opens on none."""
    first, _, rest = name.partition(" ")
    if first[:2] in ("L'", "L’") and len(first) > 2:
        return f"{first[2:]} {rest}".strip()
    return rest if first in ("Le", "La", "Les") else ""


def inflect_demonym(masc: str) -> set[str]:
    """Masculine singular -> the four forms (`nord-coréen` -> `nord-coréenne`, `nord-coréens`,
    `nord-coréennes`). Irregular forms are listed in the gazetteer beside the regular one."""
    forms = {masc}
    if masc.endswith(("ien", "éen", "en")) or masc.endswith("on"):
        fem = masc + "ne"
    elif masc.endswith("e"):
        fem = masc
    else:
        fem = masc + "e"
    forms.add(fem)
    forms.add(masc if masc.endswith(("s", "x")) else masc + "s")
    forms.add(fem + "s")
    return forms


def merge_entries(old: GazetteerEntry, new: GazetteerEntry) -> GazetteerEntry:
    """`new` (curated) extends `old` (generated): lists are unioned, non-empty fields win."""
    changes = {}
    for f in dataclasses.fields(GazetteerEntry):
        a, b = getattr(old, f.name), getattr(new, f.name)
        if isinstance(a, tuple):
            changes[f.name] = tuple(dict.fromkeys((*a, *b)))
        elif b:
            changes[f.name] = b
    if old.source and new.source and old.source != new.source:
        changes["source"] = f"{old.source}+{new.source}"
    return dataclasses.replace(old, **changes)


class ActorIndex:
    def __init__(self, gazetteers: list[list[GazetteerEntry]], words: list[ActorWord],
                 links: list[WikidataLink] = ()):
        self.entries: dict[str, GazetteerEntry] = {}
        for entries in gazetteers:
            for e in entries:
                old = self.entries.get(e.id)
                self.entries[e.id] = merge_entries(old, e) if old else e
        for link in links:
            e = self.entries.get(link.id)
            if e is not None and not e.wikidata:
                self.entries[link.id] = dataclasses.replace(e, wikidata=link.wikidata)
        self.forms: dict[str, str] = {}          # surface form -> entry id (phrase matcher)
        self.person_alias: dict[str, str] = {}   # folded single-word person alias -> entry id
        self.person_name: dict[str, str] = {}    # folded full name -> entry id
        self.demonyms: dict[str, str] = {}       # folded demonym form -> ISO alpha-3
        self.by_country: dict[str, str] = {}     # ISO alpha-3 -> state entry id
        heads = {fold(w.word) for w in words if w.kind == "org_head"}
        variants: list[tuple[str, str]] = []   # (a name's form in title case or with a space for a hyphen, entry id)
        for e in self.entries.values():
            if e.type == "state":
                self.by_country.setdefault(e.country, e.id)
                for d in e.demonyms:
                    for form in inflect_demonym(d):
                        self.demonyms.setdefault(fold(form), e.country)
            names = (e.name, *e.aliases)
            if e.type == "person":
                for n in names:
                    if " " in n.strip():
                        self.person_name[fold(n)] = e.id
                    else:
                        self.person_alias[fold(n)] = e.id
                names = tuple(n for n in names if " " in n.strip())
            for n in names:
                forms = {n, unaccent_capital(n)}
                if e.type != "person" and " " in n.strip():
                    variants += [(v, e.id) for v in (title_case(n), unaccent_capital(title_case(n)))]
                if e.type != "person" and HYPHENED.search(n):  # `Agence France Presse`, `Addis Abeba`
                    variants.append((HYPHENED.sub(" ", n), e.id))
                bare = without_article(n) if e.type == "organization" else ""
                if len(bare.split()) > 1:  # `du Canard enchaîné`, `au Dauphiné libéré`: the article fused
                    variants += [(bare, e.id), (title_case(bare), e.id)]
                if e.type == "organization" and " " in n.strip() and fold(n.split()[0]) in heads:
                    forms.add(n[0].lower() + n[1:])  # `la commission européenne`, written in lower case
                for form in forms:
                    # curated entries come last and win a shared form
                    self.forms[form] = e.id
        for form, eid in variants:   # never in place of a form a name or alias has as written
            self.forms.setdefault(form, eid)
        self.kinds: dict[str, dict[str, str]] = {}  # kind -> folded word -> gender
        for w in words:
            genders = self.kinds.setdefault(w.kind, {})
            key = fold(w.word)
            # a word listed with both genders (`ministre`) has none of its own
            genders[key] = w.gender if genders.get(key, w.gender) == w.gender else ""
        missing = [k for k in REQUIRED_KINDS if words and k not in self.kinds]
        if missing:   # (no words at all: the component before its rules are loaded)
            raise ModelError(f"the actors lexicon has no {', '.join(missing)} words (lists that were in code "
                             "when this model was made): copy them from models/depeche-fr/depeche_actors/lexicon.jsonl")

    def kind(self, word: str, kind: str) -> bool:
        return fold(word) in self.kinds.get(kind, {})

    def gender(self, word: str, kind: str) -> str:
        return self.kinds.get(kind, {}).get(fold(word), "")

    def demonym(self, word: str) -> str:
        return self.demonyms.get(fold(word), "")
