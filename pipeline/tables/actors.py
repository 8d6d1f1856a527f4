"""actors.csv: one row per canonical actor of the run (SCHEMA.md).

Each article gives one `ActorObservation` per actor its mentions name; the final merge folds
them (`ActorReducer`), in any order and split, into one row per actor."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from pipeline.tables import mentions
from pipeline.tables.base import ArticleDocs, Reduced, Table


@dataclass
class ActorRow:
    actor_id: str
    name: str
    type: str
    country: str = ""
    wikidata: str = ""
    aliases: str = ""
    articles: int = 0
    mentions: int = 0


@dataclass
class ActorObservation:
    """One actor as seen in one article: what the merge reduces into actors.csv."""
    actor_id: str
    article_id: str
    name: str
    type: str
    country: str = ""
    wikidata: str = ""
    aliases: list = field(default_factory=list)
    mentions: int = 0


def observations(docs: ArticleDocs) -> list[ActorObservation]:
    """The article's actors, from its mentions: the first mention describes the actor,
    coreference mentions count but give no alias."""
    text, aid = docs.text, docs.article_id
    obs: dict[str, ActorObservation] = {}
    for s, e, m in mentions.items(docs):
        if not m.get("actor_id"):
            continue
        o = obs.get(m["actor_id"])
        if o is None:
            o = obs[m["actor_id"]] = ActorObservation(
                m["actor_id"], aid, m.get("name") or text[s:e], m.get("type") or "",
                m.get("country") or "", m.get("wikidata") or "")
        o.mentions += 1
        if m.get("source") != "coref":
            o.aliases.append(text[s:e])
    for o in obs.values():
        o.aliases = sorted(set(o.aliases))
    return sorted(obs.values(), key=lambda o: o.actor_id)


class ActorReducer:
    """Folds ActorObservations (any order, any split) into ActorRows."""

    def __init__(self):
        self._acc: dict[str, dict] = {}

    def add(self, o: ActorObservation) -> None:
        acc = self._acc.setdefault(o.actor_id, {"articles": 0, "mentions": 0, "aliases": set(),
                                                 "facts": Counter()})
        acc["articles"] += 1
        acc["mentions"] += o.mentions
        acc["aliases"].update(o.aliases)
        acc["facts"][(o.name, o.type, o.country, o.wikidata)] += o.mentions

    def rows(self) -> list[ActorRow]:
        out = []
        for actor_id in sorted(self._acc):
            acc = self._acc[actor_id]
            # the most mentioned description wins; ties go to the smallest, whatever the order
            (name, typ, country, wikidata), _ = min(acc["facts"].items(), key=lambda kv: (-kv[1], kv[0]))
            out.append(ActorRow(actor_id, name, typ, country, wikidata, "|".join(sorted(acc["aliases"])),
                                acc["articles"], acc["mentions"]))
        return out


TABLE = Table("actors", ActorRow, ("actor_id",), observations,
              reduced=Reduced("actor_obs", ActorObservation, ("actor_id", "article_id"), ActorReducer))
