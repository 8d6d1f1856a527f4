"""Metonymy (ANNOTATION.md): whether a capital the actors component found stands for its state
where it is written (`Pyongyang a envoyé`, `selon Séoul`, `entre Moscou et Pyongyang`, `les
responsables de Kyiv`) or is a place of its own (`à Moscou`)."""
from __future__ import annotations

from spacy.tokens import Doc

from pipeline.components.actors_lexicon import SUBJECT_DEPS, ActorIndex
from pipeline.names import fold

LOCATIVE = {"à", "a", "en", "dans", "depuis", "vers", "près", "au", "aux", "sur", "par-delà", "jusqu'à"}
VIA_VERBS = {"passer", "repasser", "transiter"}  # `passé par Londres`: a way, no agent


def acts(doc: Doc, c: dict, cands: list[dict], index: ActorIndex) -> bool:
    """Does this capital stand for its state here? (metonymy, ANNOTATION.md)"""
    s, e = c["ts"], c["te"]
    head = doc[s:e].root
    p, prev = _previous(doc, s)
    if prev is not None and fold(prev.text) in LOCATIVE:
        return False
    # the second of two coordinated names (`Barcelone et Paris était …`) opens no clause of its
    # own, and after a preposition (`la liaison entre Barcelone et Paris`) the pair is no
    # subject, whatever the parser says; whether the pair acts is read below from the whole of it
    after_and = prev is not None and fold(prev.text) in ("et", "ou")
    firsts = [o for o in cands if o["te"] == p] if after_and else []
    coordinated = bool(firsts)
    in_phrase = coordinated and firsts[0]["ts"] > 0 and doc[firsts[0]["ts"] - 1].pos_ == "ADP"
    if head.dep_ in SUBJECT_DEPS and not in_phrase:
        return True
    if prev is not None and (fold(prev.text) == "selon" or fold(prev.text) == "apres" and p > 0
                             and fold(doc[p - 1].text) == "d'"):
        return True  # a source: `selon Séoul`
    if prev is not None and p > 0 and fold(prev.text) == "par" and doc[p - 1].pos_ in ("VERB", "AUX") \
            and doc[p - 1].morph.get("VerbForm") == ["Part"] and doc[p - 1].morph.get("Tense") == ["Past"] \
            and doc[p - 1].lemma_ not in VIA_VERBS:
        return True  # the agent of a passive the parser missed: `l'autonomie soutenue par Moscou`
    if prev is not None and fold(prev.text) == "avec" and _after_relation(doc, p, index):
        return True  # a party to relations: `les négociations avec Madrid`
    if not coordinated and _opens_clause(doc, s, e):
        return True
    # coordination with a state or another capital: `l'alliance entre Moscou et Pyongyang`; a
    # route or a stretch between two cities is between places (`le vol entre Paris et Le Caire`)
    for other in cands:
        if other is c:
            continue
        gap = doc[other["te"]:s] if other["te"] <= s else doc[e:other["ts"]]
        if 0 < len(gap) <= 2 and any(fold(t.text) in ("et", "ou", "-") for t in gap) and \
                all(fold(t.text) in ("et", "ou", "-", "de", "d'", ",") for t in gap):
            oe = index.entries.get(other.get("eid", ""))
            if oe is not None and (oe.type == "state" or oe.stands_for):
                if _opens_clause(doc, min(s, other["ts"]), max(e, other["te"])):
                    return True  # `Pékin et Tokyo ont proposé`, which the parser splits
                first = min(other["ts"], s)
                before = fold(doc[first - 1].text) if first > 0 else ""
                if before == "entre":
                    if _after_relation(doc, first - 1, index):
                        return True
                elif oe.type == "state" and before not in LOCATIVE:
                    return True
    # `les responsables de Kyiv (et de Séoul)`: people of a government
    j = s - 1
    while j >= 0 and fold(doc[j].text) in ("de", "d'", "et", ",") or \
            j >= 0 and any(o["ts"] <= j < o["te"] for o in cands if o is not c):
        j -= 1
    if 0 <= j < s - 1 and index.kind(doc[j].text, "group_noun"):
        return True
    return False


def _after_relation(doc: Doc, k: int, index: ActorIndex) -> bool:
    """Does the preposition at k (`avec`, `entre`) follow a noun of relations between parties
    (`les négociations directes avec`, `l'alliance entre`)?"""
    j = k - 1
    while j >= 0 and doc[j].pos_ in ("ADJ", "ADV") and doc[j].text[:1].islower():
        j -= 1
    return j >= 0 and index.kind(doc[j].text, "relation_noun")


def _previous(doc: Doc, s: int):
    """(index, token) of the last token before s that is no space, (-1, None) at the start."""
    p = s - 1
    while p >= 0 and doc[p].is_space:
        p -= 1
    return p, doc[p] if p >= 0 else None


def _opens_clause(doc: Doc, s: int, e: int) -> bool:
    """The parser misses `Washington affirme …`: tokens s..e open a clause and a finite verb
    follows."""
    p, prev = _previous(doc, s)
    nxt = doc[e] if e < len(doc) else None
    opens = prev is None or prev.is_punct or p < s - 1 or doc[s].is_sent_start or \
        fold(prev.text) in ("que", "qu'", "et", "mais", "car")
    if nxt is not None and opens and nxt.text == ",":
        # past an incise between commas: `Ankara, qui soutient les rebelles, craint …`
        k = e + 1
        while k < len(doc) and k - e <= 12 and doc[k].text not in (",", ".", ";", ":", "-", "–", "—", "(") \
                and "\n" not in doc[k].text_with_ws:
            k += 1
        if k < len(doc) and k - e <= 12 and doc[k].text == ",":
            k += 1
            while k < len(doc) and fold(doc[k].text) in ("ne", "n'", "se", "s'", "y", "en", "l'", "lui", "leur"):
                k += 1
            nxt = doc[k] if k < len(doc) else None
    return nxt is not None and opens and "Fin" in nxt.morph.get("VerbForm") and nxt.pos_ in ("VERB", "AUX")
