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
    aliases: tuple = field(default_factory=tuple)
    demonyms: tuple = field(default_factory=tuple)
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
