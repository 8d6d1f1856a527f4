"""The role a person is given where the text names her (`le Premier ministre belge Charles
Michel`, `Paul Roy, le maire de Brest,`): its words, the gender they show (`la ministre`) and the
state their adjective names (`belge`), or her nationality (`la Française Automne Pavia`), for
the mentions table and the coreference."""
from __future__ import annotations

from spacy.tokens import Doc

from pipeline.components.actors_lexicon import ActorIndex
from pipeline.names import ARTICLES as DETERMINERS
from pipeline.names import DEFINITE_ARTICLES as DEF_DET
from pipeline.names import fold


def persons_roles(doc: Doc, cands: list[dict], ix: ActorIndex) -> None:
    """Each person candidate's role: the role words before its name (`le Premier ministre belge
    Charles Michel`) or in apposition after it (`Paul Roy, le maire de Brest,`), with the gender
    and the state they show."""
    # (`la chancelière Angela Merkel, Paul Roy avait été`: a role holding another person's
    # name is that person's, not an apposition to the name after it)
    persons = {i for c in cands if c.get("type") == "person" for i in range(c["ts"], c["te"])}
    for c in cands:
        if c.get("type") != "person":
            continue
        s, e = c["ts"], c["te"]
        _nationality(doc, c, ix)
        role = _role_before(doc, s, ix, persons) or _role_after(doc, e, ix)
        if role is None:
            continue
        rs, re_ = role
        c["role"] = doc[rs:re_].text if re_ > rs else ""
        c["role_tokens"] = (rs, re_)
        c["gender"] = c["gender"] or (_gender(doc[rs - 1], doc[rs], ix) if rs > 0 else ix.gender(doc[rs].text, "role"))
        if not c["country"]:
            for t in doc[rs:re_]:
                if ix.demonym(t.text):
                    c["country"] = ix.demonym(t.text)
                    break


def _nationality(doc: Doc, c: dict, ix: ActorIndex) -> None:
    """`le Canadien Andre De Grasse`, `la Française Automne Pavia`, `l'Italien Antonio Tajani`: a
    nationality noun right before the name gives the person's state and gender (no role)."""
    s = c["ts"]
    if s < 2 or not doc[s - 1].text[:1].isupper() or not ix.demonym(doc[s - 1].text) \
            or fold(doc[s - 2].text) not in DEF_DET:
        return
    c["country"] = c["country"] or ix.demonym(doc[s - 1].text)
    g = doc[s - 2].morph.get("Gender") or doc[s - 1].morph.get("Gender")
    if not c["gender"] and g:
        c["gender"] = "f" if g[0] == "Fem" else "m"


def _role_before(doc: Doc, s: int, ix: ActorIndex, persons=frozenset()):
    j = s - 1
    if j >= 0 and doc[j].text == ",":
        j -= 1
    end = j + 1
    start = None
    while j >= 0 and end - j <= 8:
        t = doc[j]
        if t.is_punct or t.pos_ in ("VERB", "AUX", "PRON", "SCONJ", "CCONJ") or "\n" in t.whitespace_ \
                or j in persons:
            break
        if ix.kind(t.text, "role") and (j == 0 or fold(doc[j - 1].text) in DETERMINERS
                                         or doc[j - 1].pos_ in ("DET", "ADP", "ADJ", "VERB", "AUX")
                                         or doc[j - 1].is_punct):
            start = j
        j -= 1
    if start is None or start >= end:
        return None
    if start > 0 and doc[start - 1].lower_ in ("premier", "première"):
        start -= 1  # `le Premier ministre belge`: one role, not a `ministre`
    if end < s and doc[end].text == "," and fold(doc[start - 1].text) not in DEF_DET | {"son", "sa", "leur"}:
        return None  # `Président, Dmitri …` without a determiner: not an apposition
    return start, end


def _role_after(doc: Doc, e: int, ix: ActorIndex):
    if e + 1 >= len(doc) or doc[e].text != ",":
        return None
    j = e + 1
    if fold(doc[j].text) in DEF_DET:
        j += 1
    if j >= len(doc) or not ix.kind(doc[j].text, "role"):
        return None
    k = j
    while k < len(doc) and k - j < 10 and not doc[k].is_punct and doc[k].pos_ not in ("VERB", "AUX", "PRON", "SCONJ"):
        k += 1
    return (j, k) if k < len(doc) and doc[k].text in (",", ".", ")", ";", ":") else None


def _gender(det, noun, ix: ActorIndex) -> str:
    """m, f or '' for a determiner + noun (`la ministre` -> f, `le porte-parole` -> m)."""
    g = det.morph.get("Gender")
    if g:
        return "f" if g[0] == "Fem" else "m"
    return ix.gender(noun.text, "role")
