"""Institutions described by their place or state (`le rectorat de Rennes`, `la mairie de Brest`,
`le ministère russe des Situations d'urgence`): an organisation of its own, not its place, when
it acts (subject, agent, source); its mention stops before the place, which keeps its own. The
actors component adds them to its candidates (components/actors.py) before coreference runs.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

from pipeline.components.actors_lexicon import DE_WORDS as DE, ActorIndex
from pipeline.components.coref import DEF_DET, phrase_acts
from pipeline.names import fold, slug

DE_ET = DE | {"et"}  # words inside an institution's own name (`ministère russe des Situations d'urgence`)


def institutions(doc: Doc, cands: list[dict], index: ActorIndex) -> list[dict]:
    """`le rectorat de Rennes`, `la mairie de Brest`, `le parquet fédéral de Belgique`, `le
    ministère russe des Situations d'urgence`: an organisation of its own (an actors
    candidate), when it acts: subject, agent, inverted subject or source. Its place or state
    stays an ordinary mention inside it (unless the noun is a `body_noun`: then the actors
    component made one name of them before, `place-name`). An institution + its leader (`l'administration de
    Vladimir Poutine`, `le gouvernement Johnson`) is one too, named by its head and the
    leader's surname (`administration Poutine`, corpus/NOTES.md A2); the person keeps his mention."""
    places, persons = {}, {}
    for c in cands:
        if c.get("type") in ("state", "location"):
            places[c["ts"]] = c
        elif c.get("type") == "person":
            persons[c["ts"]] = c
    taken = set()
    for c in cands:
        taken.update(range(c["ts"], c["te"]))
    out = []
    for t in doc:
        if not index.kind(t.text, "institution") or t.pos_ != "NOUN" or t.i in taken:
            continue
        if t.i == 0 or fold(doc[t.i - 1].text) not in DEF_DET:
            continue
        if t.dep_ == "nsubj:pass" or not phrase_acts(doc, t.i - 1, t):
            continue  # `la ville de Mocoa a été dévastée` does not act
        k = t.i + 1
        country = ""
        while k < len(doc) and doc[k].pos_ == "ADJ" and not doc[k].is_punct:
            country = country or index.demonym(doc[k].text)
            k += 1
        end = None
        head = k + 1 if k + 1 < len(doc) and fold(doc[k].text) in DE else k
        if head in persons:
            # `l'administration Trump`, `le gouvernement de Boris Johnson`: an organisation named
            # by its head and the leader's surname (corpus/NOTES.md A2); the person keeps a mention
            person = persons[head]
            name = f"{t.text} {doc[person['te'] - 1].text}"
            out.append(dict(ts=t.i, te=k, eid="", source="rules", rule="institution", actor_id=slug(name),
                            name=name, type="organization", label="ORG", country=country, wikidata="", role="",
                            gender=index.gender(t.text, "institution")))
            taken.update(range(t.i, k))
            continue
        if k < len(doc) and fold(doc[k].text) in DE and k in places:
            end = places[k]["te"]  # the NER took the preposition into the place (`de Lille`)
            country = country or places[k].get("country", "")
        elif k + 1 < len(doc) and fold(doc[k].text) in DE:
            p = k + 1
            if p < len(doc) and fold(doc[p].text) in DEF_DET and doc[p].pos_ == "DET":
                p += 1
            place = places.get(p)
            if place is not None:
                end = place["te"]
                country = country or place.get("country", "")
            elif country and doc[p].text[:1].isupper():
                # `ministère russe des Situations d'urgence`: its own capitalised name
                end = p
                while end < len(doc) and end - p < 8 and not doc[end].is_punct and (
                        doc[end].text[:1].isupper() or fold(doc[end].text) in DE_ET
                        or doc[end].pos_ in ("NOUN", "ADJ") and end > p):  # `d'urgence`, `étrangères`
                    end += 1
                while end > p and fold(doc[end - 1].text) in DE_ET:
                    end -= 1
        elif country:
            end = k  # `l'armée turque`, `le gouvernement français`
        if end is None or end <= t.i + 1:
            continue
        name = re.sub(r"\s+", " ", doc[t.i:end].text).strip()
        # the mention stops before its place, which stays a mention of its own (no overlap)
        te = k if any(pl["ts"] < end and pl["te"] > k for pl in places.values()) else end
        # cut down to its bare noun (`le gouvernement` of `le gouvernement du Qatar`) it names
        # nothing: a description of the organisation (ANNOTATION.md: coref), not a name
        source = "coref" if te == t.i + 1 else "rules"
        out.append(dict(ts=t.i, te=te, eid="", source=source, rule="institution", actor_id=slug(name),
                        name=name, type="organization", label="ORG", country=country, wikidata="", role="",
                        gender=index.gender(t.text, "institution")))
        taken.update(range(t.i, end))
    return out

