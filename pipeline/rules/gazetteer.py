"""Gazetteer entries: known actors with their French names (models/*/depeche_actors/*.jsonl)."""
from __future__ import annotations

from dataclasses import dataclass, field

TYPES = ("person", "state", "organization", "location", "group")


@dataclass(frozen=True)
class GazetteerEntry:
    """One actor. `id` is its actor_id (Wikidata QID when known, else a slug).

    name: canonical French name (`Corée du Nord`); aliases: other names and short forms as
    written (`RPDC`, `Pyongyang` is NOT an alias: it is a location entry that stands_for
    the state); demonyms: adjectives and nouns of nationality (`nord-coréen`, `nord-coréennes`);
    stands_for: id of the actor this place or seat stands for when it acts (a capital -> its
    state; `Kremlin` is an organization with country RUS and needs none); source: where the
    entry came from (`cldr`, `curated`, `learned:<article_id>`).
    """
    id: str
    name: str
    type: str
    country: str = ""
    wikidata: str = ""
    aliases: tuple[str, ...] = field(default_factory=tuple)
    demonyms: tuple[str, ...] = field(default_factory=tuple)
    stands_for: str = ""
    source: str = ""

    def validate(self) -> str:
        if self.type not in TYPES:
            return f"type {self.type!r} is not one of {TYPES}"
        if self.country and (len(self.country) != 3 or not self.country.isupper()):
            return f"country {self.country!r} is not ISO 3166-1 alpha-3"
        if self.wikidata and not (self.wikidata.startswith("Q") and self.wikidata[1:].isdigit()):
            return f"wikidata {self.wikidata!r} is not a QID"
        if not self.id or not self.name:
            return "id and name must not be empty"
        return ""


WORD_KINDS = ("title", "role", "org_head", "not_name", "impersonal", "group_noun", "seat_noun", "non_actor",
              "org_noun", "institution", "state_noun", "portfolio_role")


@dataclass(frozen=True)
class ActorWord:
    """A word the actors component reads context with (models/*/depeche_actors/lexicon.jsonl).

    kind: `title` (stripped before linking: `M.`, `Mme`, `Dr`), `role` (head noun of a
    descriptor: `président`, `porte-parole`), `org_head` (head noun of an organisation's name:
    `Assemblée`, `Conseil`), `not_name` (a capitalised common word the NER tags alone:
    `République`, `État`), `impersonal` (verb lemma whose subject `il` refers to nothing:
    `falloir`), `group_noun` (a noun for people of a state: `dirigeants`, `responsables`,
    so `les responsables de Kyiv` reads Kyiv as its state), `non_actor` (a noun for a kind of
    thing that is no actor, before its name: `la comète Halley`, `le virus Ebola`, `le film
    Titanic`), `org_noun` (a common noun that stands for an organisation in a definite
    description: `la société`, `le club`), `institution` (a public institution that with `de` +
    a place or a demonym names an organisation of its own: `la mairie de Brest`, `l'armée
    turque`), `state_noun` (`le pays`), `portfolio_role` (a role whose complement is a
    government portfolio, part of the role and no organisation: `ministre des Affaires
    étrangères`, `secrétaire au Trésor`); gender: `m`, `f` or empty (both).
    """
    word: str
    kind: str
    gender: str = ""
    source: str = ""

    def validate(self) -> str:
        if self.kind not in WORD_KINDS:
            return f"kind {self.kind!r} is not one of {WORD_KINDS}"
        if self.gender not in ("", "m", "f"):
            return f"gender {self.gender!r} is not m, f or empty"
        if not self.word:
            return "word must not be empty"
        return ""
