"""Names the actors component builds from the parse around its candidates: whether two tokens
are glued on one line (what every mend that joins tokens asks), a name the NER found once and
missed elsewhere in the article (`repeat-name`), the place that completes a common noun's
name (`place-name`: `la centrale de Golfech`, `le parquet de Paris`), a name after a title
(`mend-title`), the `de` a name the model cut ends on (`mend-dangling-de`) and a minister's
portfolio (`filter-portfolio`)."""
from __future__ import annotations

import re
from collections import Counter
from typing import Optional

from spacy.tokens import Doc

from pipeline.components.actors_lexicon import DE_WORDS, ActorIndex
from pipeline.components.base import doc_text
from pipeline.components.dates import DATELINE_WITHIN
from pipeline.names import (ACRONYM_SKIPPABLE, ARTICLES, FIRST_NAME_LIKENESS, SURNAME_LIKENESS, acronym_of, fold,
                            is_acronym, is_word_acronym, near_spelling, slug)

# particles inside a person's name, never its last word (`Hessa al-Jaber`, `Ghalia Al Thani`)
SINGULAR_ARTICLES = {"le", "la", "l'", "du", "au"}
PLURAL_ARTICLES = {"les", "des", "aux"}  # before a surname alone: the family (`des Troadec`)
HYPHENS = ("-", "‐", "‑")   # hyphen-minus, hyphen, non-breaking hyphen: what joins the parts of a name
DASHES = ("-", "–", "—")  # what sets an aside apart when spaces surround it
NAME_PARTICLES = {"al", "el", "ben", "bin", "ibn", "abu", "abou", "bou", "van", "von", "der", "den", "da", "di",
                  "del", "della", "dos", "das", "de", "du", "d'", "le", "la", "mac", "ould"}

def glued(doc: Doc, i: int) -> bool:
    """Does token i follow token i-1 on the same line? What the mends that extend a name over
    its neighbours (mend-org-glued, mend-particle, mend-dangling-de, org-of-state) ask before
    they join two tokens."""
    return 0 < i < len(doc) and "\n" not in doc[i - 1].whitespace_ and not doc[i - 1].is_space


def place_names(doc: Doc, cands: list[dict], ix: ActorIndex) -> list[dict]:
    """A place that completes a common noun's name (`l'aéroport de Toulouse`, `le parquet
    fédéral de Belgique`, `l'équipe de France`) is inside a longer name (ANNOTATION.md): one
    mention of that location (`site_noun`) or organisation (`body_noun`), the place none."""
    drop, out = set(), []
    for c in cands:
        kind = ix.entries[c["eid"]].type if c["eid"] else {"LOC": "location"}.get(c["label"], "")
        if kind not in ("location", "state") or not doc[c["ts"]].text[:1].isupper():
            continue  # (`l'île d'Orléans` is a name already: `le pont de l'île d'Orléans` is no longer one)
        j = c["ts"] - 1
        if j > 0 and fold(doc[j].text) in ("la", "l'") and fold(doc[j - 1].text) == "de":
            j -= 1
        if j < 1 or fold(doc[j].text) not in DE_WORDS or not glued(doc, j) or not glued(doc, c["ts"]):
            continue
        j -= 1
        while j > 0 and doc[j].pos_ == "ADJ" and c["ts"] - j < 5 and glued(doc, j):
            j -= 1
        head = doc[j]
        label = "LOC" if ix.kind(head.text, "site_noun") else "ORG" if ix.kind(head.text, "body_noun") else ""
        if not label or head.pos_ != "NOUN" or not head.text[:1].islower():
            continue
        inner = [o for o in cands if o is not c and j <= o["ts"] and o["te"] <= c["ts"]]
        if any(o["ts"] < c["ts"] and o["te"] > j and o not in inner for o in cands if o is not c):
            continue  # the noun belongs to another name
        drop.update(id(o) for o in inner + [c])
        out.append(dict(ts=j, te=c["te"], eid="", source="rules", rule="place-name", label=label, place=c["ts"]))
    return sorted([c for c in cands if id(c) not in drop] + out, key=lambda c: c["ts"])


def _in_word(doc: Doc, i: int) -> bool:
    """Does token i go on a word after an apostrophe (`Cléac'` + `h`)?"""
    return i > 0 and doc[i - 1].text[-1:] in "'’" and len(doc[i - 1].text) > 2 and not doc[i - 1].whitespace_


def common_words(nlp) -> frozenset:
    """The French words the pipeline's lemmatizer lists (its `lemma_index` table: nouns,
    adjectives, verbs, adverbs), empty when it has none."""
    try:
        table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    except (KeyError, AttributeError, ValueError):
        return frozenset()
    return frozenset(w for pos in table.keys() for w in table[pos])


def _alone(doc: Doc, s: int, e: int) -> bool:
    """Does the word at s stand alone, no part of a longer name (see repeated_names)?"""
    nxt = e + 1 if e < len(doc) and fold(doc[e].text) in DE_WORDS else e
    return not (nxt < len(doc) and glued(doc, nxt) and doc[nxt].text[:1].isupper()
                or s > 0 and glued(doc, s) and (doc[s - 1].text[:1].isupper() or doc[s - 1].text == "("))


def repeated_names(doc: Doc, ents: list[tuple], common: frozenset = frozenset()) -> list[tuple]:
    """The NER's entities plus the other occurrences of a person's or organisation's name that it
    missed in the same article (one name, one reading per article), a person's surname alone
    included (`Thiem` after `Dominic Thiem`). A one-word name only when it
    is no French word (`common`: the lemmatizer's nouns, adjectives, verbs and adverbs; not
    `Trésor`, `TER`) and where it stands alone: no capitalised word glued before or after it, no
    `de` + one after it, no bracket before it (`le Grand Prix FFTri`, `Fox Sports`, `CRS de
    Courchevel`, an acronym's definition)."""
    taken = {i for s, e, _ in ents for i in range(s, e)}
    names: dict[str, list] = {}
    for s, e, label in ents:
        if e - s == 1 and (len(doc[s].text) < 3 or {doc[s].lower_, doc[s].lemma_.lower()} & common):
            continue
        if label in ("PER", "ORG") and all(t.text[:1].isupper() or not t.is_alpha or _in_word(doc, t.i)
                                           for t in doc[s:e]):
            names.setdefault(doc[s].text, []).append(([t.text for t in doc[s:e]], label))
            last = doc[e - 1]
            if label == "PER" and e - s > 1 and last.is_alpha and len(last.text) > 2 and last.text[1:].islower() \
                    and not {last.lower_, last.lemma_.lower()} & common:
                names.setdefault(last.text, []).append(([last.text], label))  # `Thiem` after `Dominic Thiem`
    out = list(ents)
    for t in doc:
        for words, label in names.get(t.text, []):
            e = t.i + len(words)
            if e <= len(doc) and [x.text for x in doc[t.i:e]] == words and taken.isdisjoint(range(t.i, e)) \
                    and (len(words) > 1 or _alone(doc, t.i, e)):
                out.append((t.i, e, label))
                taken.update(range(t.i, e))
    return sorted(out)


def titled_names(doc: Doc, taken: set, ix: ActorIndex, demonyms: Optional[set] = None) -> list[tuple]:
    """`M. Bérégovoy`, `Mme Le Gall`: capitalised words after a title the NER left out are a
    person's name (the title stays out of it); with `demonyms` (the tokens of gazetteer names, which
    none of these may hold), also two capitalised words or more after `le`/`la` + a demonym (`le
    Mexicain Crisanto Grajales`). `taken`: the tokens of the NER's entities."""
    out = []
    for t in doc[:-1]:
        title = t.text[:1].isupper() and ix.kind(t.text, "title")
        # `le Mexicain Crisanto Grajales`, `la Japonaise Ai Ueda`: a demonym after a singular
        # article, then a first name and a surname (two capitalised words at least)
        demonym = not title and t.i > 0 and t.text[:1].isupper() and fold(doc[t.i - 1].text) in SINGULAR_ARTICLES \
            and demonyms is not None and bool(ix.demonym(t.text))
        if not (title or demonym) or t.i + 1 in taken:
            continue
        e = t.i + 1
        while e < len(doc) and e - t.i <= 4 and e not in taken and glued(doc, e) and (
                doc[e].text[:1].isupper() and doc[e].is_alpha
                and (doc[e].pos_ in ("PROPN", "NOUN", "X") or e == t.i + 1
                     or demonym and doc[e].pos_ in ("VERB", "ADJ"))
                or fold(doc[e].text) in NAME_PARTICLES and e + 1 < len(doc) and doc[e + 1].text[:1].isupper()):
            e += 1
        while e > t.i + 1 and fold(doc[e - 1].text) in NAME_PARTICLES:
            e -= 1
        if demonym and (e - t.i < 3 or any(ix.demonym(x.text) or x.i in demonyms for x in doc[t.i + 1:e])):
            continue
        if e > t.i + 1 and not ix.kind(doc[t.i + 1].text, "role") and not ix.kind(doc[t.i + 1].text, "title"):
            out.append((t.i + 1, e, "PER"))
            taken.update(range(t.i + 1, e))
    return out


def dangling_de(doc: Doc, s: int, e: int) -> int:
    """How many tokens of `de`, `du`, `des`, `de la`, `de l'` end the entity (0: none; a
    name the model cut before the name it holds: `Conseil des droits de l'homme des`)."""
    n = 1 if e - s > 2 and fold(doc[e - 1].text) in ("la", "l'") else 0
    return n + 1 if e - s > n + 1 and fold(doc[e - 1 - n].text) in DE_WORDS else 0


_BEFORE_NAME_WORD = DE_WORDS | ARTICLES | {"au", "aux"}   # `Journal du dimanche`: the time word is the name's


def mended_end(doc: Doc, s: int, e: int, label: str, taken: set, blocked: set, on, ix: ActorIndex) -> int:
    """Where an entity ends once its tail is mended: without the date words it swallowed
    (`trim-time-word`: `DC Metro hier`; not `Journal du dimanche`, after `du`), then for a place
    or an organisation ending on `de` as `dangling_end` says (`mend-dangling-de`)."""
    while on("trim-time-word") and e - s > 1 and doc[e - 1].text.islower() and ix.kind(doc[e - 1].text, "time_word") \
            and fold(doc[e - 2].text) not in _BEFORE_NAME_WORD:
        e -= 1
    if on("trim-dash"):  # `Pascal - employé de l'entreprise`: a dash set apart by spaces opens an aside
        e = next((i for i in range(s + 1, e) if doc[i].text in DASHES and doc[i - 1].whitespace_
                  and (i + 1 == e or doc[i].whitespace_ and doc[i + 1].text[:1].islower())), e)
    if label == "ORG" and on("trim-state-noun") and e - s > 2 and ix.kind(doc[e - 1].text, "state_noun") \
            and doc[e - 1].text.islower() and fold(doc[e - 2].text) == "du":
        e -= 2  # `la Cour suprême du pays`: the country named again, no part of the name
    return dangling_end(doc, s, e, taken, blocked) if label in ("LOC", "ORG") and on("mend-dangling-de") else e


def dangling_end(doc: Doc, s: int, e: int, taken: set, blocked: set) -> int:
    """Where an entity the NER ends on `de` ends when no entity follows it (`l'aéroport de` +
    `Fort Lauderdale`, `le comté d'` + `Orange`): over the capitalised words glued after it that
    no name holds (the place completes the common noun's name, as `place-name` makes them);
    else before the `de`, or nowhere (s) when no capitalised word is left (`le 9e arrondissement
    de` + the gazetteer's `Paris`: `place-name` may still join them)."""
    cut = dangling_de(doc, s, e)
    if not cut or e in taken:
        return e  # another entity follows: mend-dangling-de joins or cuts them
    k = e
    while k < len(doc) and k - e < 4 and k not in blocked and glued(doc, k) and doc[k].text[:1].isupper() \
            and not doc[k].is_punct:
        k += 1
    if k > e:
        return k
    return e - cut if any(t.text[:1].isupper() for t in doc[s:e - cut]) else s


def hyphen_start(doc: Doc, s: int) -> int:
    """Where a name starts that goes on back over capitalised parts glued by hyphens
    (`Cassini-Huygens`, of which the NER may tag `Huygens` alone); s when there is none."""
    while s > 1 and doc[s - 1].text in HYPHENS and not doc[s - 1].whitespace_ \
            and not doc[s - 2].whitespace_ and doc[s - 2].text[:1].isupper():
        s -= 2
    return s


def name_forms(name: str) -> set[str]:
    """A name folded, whole and by its hyphenated parts (`Cassini-Huygens`: `cassini`, `huygens`)."""
    whole = fold(name)
    return {whole, *(w for w in re.split("[" + "".join(HYPHENS) + "]", whole) if len(w) > 2)}


def hyphen_end(doc: Doc, e: int, taken: set, lower: bool = False) -> int:
    """Where a name the model cut at a hyphen ends (`Vallaud` + `-Belkacem`, `Escaldes` +
    `-Engordany`): capitalised parts glued by hyphens, no space either side, that start no
    other name (`taken`: tokens of entities and gazetteer names; `la frontière Syrie-Turquie`
    stays two places); with `lower`, a part in lower case too (a person's `Lee Jung` + `-mi`).
    e when there is none."""
    n = 0
    while n < 2 and e + 1 < len(doc) and doc[e].text in HYPHENS and not doc[e - 1].whitespace_ \
            and not doc[e].whitespace_ and (doc[e + 1].text[:1].isupper() or lower) and doc[e + 1].is_alpha \
            and e not in taken and e + 1 not in taken:
        e, n = e + 2, n + 1
    return e


def apostrophe_end(doc: Doc, e: int, taken: set) -> int:
    """Where a name ends that the tokenizer cut after an apostrophe inside a word (`Le Cléac'` +
    `h`): the glued letters after it, in no other name. e when there are none."""
    last = doc[e - 1].text
    if e < len(doc) and last[0].isupper() and _in_word(doc, e) and doc[e].is_alpha and e not in taken:
        return e + 1
    return e


def joined(doc: Doc, prev: tuple, cur: tuple) -> bool:
    """Are two entities one name the model cut where it is joined? Two organisations glued by a
    hyphen (`CFE-` + `CGC`: a union of unions, a merged company). (Two persons' parts joined by
    `de` are not: `Harry Potter de J. K. Rowling`, the airport `José María Cordova de Rionegro`.)"""
    (ps, pe, plabel), (s, e, label) = prev, cur
    hy = pe - 1 if s == pe else pe
    return label == "ORG" == plabel and s - pe in (0, 1) and hy > ps and doc[hy].text in HYPHENS \
        and not doc[hy - 1].whitespace_ and not doc[hy].whitespace_


def particle_end(doc: Doc, e: int, taken: set) -> int:
    """Where a person's name goes on over a capitalised particle the model left out (`Yohan` +
    `Le Berre`, `Pieter` + `De Smet`): the particle and the capitalised word after it, on one
    line and in no other name. e when there is none."""
    if e + 1 < len(doc) and doc[e].text[:1].isupper() and fold(doc[e].text) in NAME_PARTICLES \
            and glued(doc, e) and glued(doc, e + 1) and doc[e + 1].text[:1].isupper() and doc[e + 1].is_alpha \
            and doc[e + 1].pos_ in ("PROPN", "NOUN", "X") and e not in taken and e + 1 not in taken \
            and doc[e - 1].is_alpha:
        return e + 2
    return e


def surname_end(doc: Doc, s: int, e: int, taken: set) -> int:
    """Where a person's name of two capitalised words or more goes on over one more the model
    left out (`Mary Lou` + `Ostrander`, `Ana Lucia` + `Perdigao`): a proper noun (the tagger's)
    glued after it on the line (the parser may open a sentence there), in no other name, followed by no other
    capitalised word. e when there is none."""
    if e - s >= 2 and e < len(doc) and e not in taken and glued(doc, e) and doc[e].is_alpha \
            and doc[e].text[:1].isupper() and doc[e].pos_ == "PROPN" and not doc[e - 1].is_punct \
            and all(t.is_alpha and t.text[:1].isupper() for t in doc[s:e]) \
            and not (e + 1 < len(doc) and doc[e + 1].text[:1].isupper()):
        return e + 1
    return e


def inner_surname(fulls, w: str) -> list:
    """The full names whose surname opens on the word w, before a particle (`Giscard` of
    `Valéry Giscard d'Estaing`, `Ladreit` of `Marc Ladreit de Lacharrière`), when none ends on it
    (`Jaber` of `Hessa al-Jaber`, `Belkacem` of `Najat Vallaud-Belkacem`: the actors component)."""
    return [f for f in fulls if any(
        fold(a) == w and (fold(b) in NAME_PARTICLES or fold(b).startswith(("d'", "d’")))
        for a, b in zip(f["tokens"][1:-1], f["tokens"][2:]))]


def name_end(doc: Doc, s: int, e: int) -> int:
    """Where a person's name the NER ran on over a complement stops: before `de` + an article
    (`Mme Park` + `de la Constitution`); e when it does not run on."""
    for j in range(s + 1, e - 1):
        if fold(doc[j].text) in DE_WORDS and fold(doc[j + 1].text) in ("la", "l'", "le", "les"):
            return j
    return e


def role_name_end(doc: Doc, s: int, e: int, head: int, ix: ActorIndex, titles: bool) -> int:
    """Where the person's name an entity opening on a role or a title word (token `head`) holds
    ends (`Président Trump`), 0 when no name follows it (`Président des États-Unis`). With
    `titles`, any capitalised word after a title is the name, whatever the tagger calls it (`Mme
    Park`, read as a foreign word), and the name stops before a complement the NER ran on."""
    rest = doc[head + 1:e]
    titled = titles and ix.kind(doc[head].text, "title")
    if titled and len(rest) > 1 and fold(rest[0].text) in ("de", "d'", "du") and rest[1].text[:1].isupper():
        rest = rest[1:]  # `Mme de Sarnez`: the particle is the name's
    if not rest or not rest[0].text[:1].isupper() or ix.kind(rest[0].text, "role") or ix.kind(rest[0].text, "not_name"):
        return 0
    if rest[0].pos_ != "PROPN" and not (titled and rest[0].is_alpha):
        return 0
    return name_end(doc, s, e) if titled else e


def numbered_part(doc: Doc, s: int, e: int) -> int:
    """Where the place begins in an entity that names a numbered part of it (`15e arrondissement
    de Paris`, `18 e arrondissement de Paris`): the part is no name, the place after `de` is
    (ANNOTATION.md); s when the entity is no such thing."""
    i = s + (1 if fold(doc[s].text) in ("le", "la", "l'") else 0)
    if i >= e or not re.fullmatch(r"\d+(?:e|er|re|ème|eme)?", doc[i].text):
        return s
    i += 1 if i + 1 < e and doc[i + 1].text in ("e", "er", "re", "ème") else 0
    if i + 2 >= e or not doc[i + 1].text.islower() or fold(doc[i + 2].text) not in DE_WORDS:
        return s
    j = i + 3 + (1 if fold(doc[i + 3].text) in ("la", "l'") else 0)
    return j if j < e and doc[j].text[:1].isupper() else s


def portfolio(doc: Doc, s: int, e: int, ix: ActorIndex) -> bool:
    """Is the name a minister's portfolio: a `portfolio_role` word, demonyms, then `de`,
    `des`, `de la`, `au`, `à la` right before it (`vice-ministre russe des`)? An acronym or
    an organisation the gazetteer knows is no portfolio but the body the role belongs to
    (`premier secrétaire du PS`, `secrétaire général des Nations unies`)."""
    name = doc[s:e].text
    if (name.isupper() and sum(c.isalpha() for c in name) > 1) or \
            getattr(ix.entries.get(ix.forms.get(name, "")), "type", "") == "organization":
        return False
    j = s - 1
    n = 0
    while j >= 0 and ix.kind(doc[j].text, "portfolio_link") and n < 2:
        j, n = j - 1, n + 1
    if n == 0:
        return False
    while j >= 0 and ix.demonym(doc[j].text):
        j -= 1
    return j >= 0 and ix.kind(doc[j].text, "portfolio_role")


# the endings of the French names of inhabitants, in the plural (`Varois`, `Lyonnais`, `Guyanais`,
# `Parisiens`, `Africains`, `Européens`); no place name the gazetteer lacks ends so after `les`
PEOPLE_ENDING = re.compile(r"(ais|ois|iens|ains|eens)$")


def people(doc: Doc, words, ix: ActorIndex) -> bool:
    """Is a one-word place entity a people (`les Kurdes`, lexicon kind `people`) or the inhabitants
    of a place (`les Varois`, `des Guyanais`): a plural noun with a demonym's ending after `les`,
    `des`, `aux`, no place the gazetteer knows?"""
    if len(words) != 1 or words[0].i == 0 or words[0].text in ix.forms:
        return False
    w = words[0]
    if ix.kind(w.text, "people"):
        return True
    return fold(doc[w.i - 1].text) in PLURAL_ARTICLES and w.pos_ == "NOUN" and \
        "Plur" in w.morph.get("Number") and bool(PEOPLE_ENDING.search(fold(w.text)))


def acronym_names(doc: Doc, orgs: list[dict], names: dict[str, str]) -> dict[str, tuple[dict, bool]]:
    """The organisation each acronym of the article stands for (`FDS` -> the candidate of
    `Forces démocratiques syriennes`), by actor id of the acronym, and whether the acronym
    spells that name's initials: the one name of the article whose initials it spells, else
    the name it is defined by in brackets (`les Unités de protection du peuple (YPG)`, `le TAK
    (Faucons de la liberté du Kurdistan)`), whatever its letters. `names`: each actor id's name
    without its determiner."""
    out: dict[str, tuple[dict, bool]] = {}
    longs = [o for o in orgs if not is_acronym(names[o["actor_id"]])]
    for c in orgs:
        acr = doc[c["ts"]:c["te"]].text if c["eid"] else names[c["actor_id"]]
        if c["actor_id"] in out or not (is_acronym(acr) or is_word_acronym(acr)):
            continue
        # a known acronym (`OMS`), or one said as a word (`Insee`, `Ania`), takes up only the
        # name beside it in brackets whose initials it spells, and gives it its own actor
        strict = bool(c["eid"]) or not is_acronym(acr)
        if not strict:
            spelt = {o["actor_id"]: o for o in longs if acronym_of(acr, o["name"]) or acronym_of(acr, names[o["actor_id"]])}
            if len(spelt) == 1:
                out[c["actor_id"]] = (next(iter(spelt.values())), True)
                continue
        defined = [o for o in longs if bracketed_beside(doc, c, o)]
        if strict:
            defined = [o for o in defined if o is not c and not o["eid"] and acronym_of(acr.upper(), names[o["actor_id"]])]
        if defined:
            out[c["actor_id"]] = (defined[0], strict and not c["eid"])
    return out


def bracketed_beside(doc: Doc, acr: dict, name: dict) -> bool:
    """Does the candidate `acr` stand in brackets right after the candidate `name` (`name (ACR)`),
    or `name` in brackets right after `acr` (`ACR (name)`, `ACR (le name)`)?"""
    s, e = acr["ts"], acr["te"]
    after = e < len(doc) and doc[e].text
    return name["te"] == s - 1 and doc[s - 1].text == "(" and after == ")" or name["ts"] in (e + 1, e + 2) \
        and after == "(" and name["te"] < len(doc) and doc[name["te"]].text == ")"


def acronym_definitions(doc: Doc, cands: list[dict], ix: ActorIndex) -> list[dict]:
    """`la régie autonome des transports parisiens (RATP)`, `le Conseil national pour la
    défense de la démocratie-Forces de défense de la démocratie (CNDD-FDD)`: the words before an
    organisation's acronym in brackets whose initials it spells are that organisation's name,
    one candidate (the NER missed it, or cut it short; a name inside it is no mention of its
    own). Only after an acronym the NER or the gazetteer calls an organisation: `produit
    intérieur brut (PIB)` names nothing."""
    out = list(cands)
    def is_org(c):
        return c.get("label") == "ORG" or c["eid"] and ix.entries[c["eid"]].type == "organization"
    for c in cands:  # `(Ania)` beside the name it spells is an organisation, whatever the NER said
        word = doc[c["ts"]].text if c["te"] - c["ts"] == 1 and not c["eid"] else ""
        if is_word_acronym(word) and any(is_org(o) and bracketed_beside(doc, c, o)
                                         and acronym_of(word.upper(), doc[o["ts"]:o["te"]].text) for o in cands):
            c["label"] = "ORG"
    for c in cands:
        p, e = c["ts"] - 1, c["te"]
        org = is_org(c)
        if not org or p < 1 or doc[p].text != "(" or e >= len(doc) or doc[e].text != ")":
            continue
        acr = doc[c["ts"]:e].text
        if not is_acronym(acr):
            continue
        i = p - 1
        while i >= max(0, p - 15) and "\n" not in doc[i].whitespace_ and not (
                doc[i].is_punct and not (doc[i].text in "-‑" and not doc[i].whitespace_ and glued(doc, i))):
            first = fold(doc[i].text).rstrip("'")
            if (first not in ACRONYM_SKIPPABLE or doc[i].text[:1].isupper() and not doc[i].is_sent_start) \
                    and acronym_of(acr, doc[i:p].text):
                break
            i -= 1
        else:
            continue
        if any(o["ts"] == i and o["te"] == p for o in out):   # (the loop ends on a spelt name only)
            continue
        inside = [o for o in out if o["ts"] < p and o["te"] > i]
        if any(o["ts"] < i or o["te"] > p for o in inside):
            continue  # a name across its first word (`Paris` + ...) is another reading
        out = [o for o in out if o not in inside]
        out.append(dict(ts=i, te=p, eid="", source="model", rule="acronym-name", label="ORG"))
    return sorted(out, key=lambda c: c["ts"])


def misspelt_names(persons: list[dict]) -> None:
    """One person written two ways in an article (`Jodie Simpson` and `Jodie Stimpson`, `Gwen
    Jorgeson` and `Gwen Jorgenson`, `Sebastien` and `Sebastian Kienle`): two full names of as
    many words whose first names and surnames differ by a letter or two are one actor, named
    as the article writes it most (first, on a tie). Initials (`N. Karabatic`) and surnames
    that differ in a part (`Kim Jong-un`, `Kim Jong-nam`) stay apart. Updates `persons`."""
    names = [c for c in persons if not c.get("eid") and len(c["name"].split()) > 1]
    times = Counter(c["actor_id"] for c in names)
    first: dict[str, dict] = {}
    for c in names:
        first.setdefault(c["actor_id"], c)
    into: dict[str, dict] = {}
    ids = list(first)
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            wa, wb = fold(first[a]["name"]).split(), fold(first[b]["name"]).split()
            if len(wa) != len(wb) or min(len(w) for w in wa + wb) < 3 or wa == wb:
                continue
            if all(near_spelling(x, y, FIRST_NAME_LIKENESS) for x, y in zip(wa[:-1], wb[:-1])) \
                    and near_spelling(wa[-1], wb[-1], SURNAME_LIKENESS) \
                    and sum(x != y for x, y in zip(wa, wb)) <= len(wa) - 1:
                keep, drop = (a, b) if times[a] >= times[b] else (b, a)
                into.setdefault(drop, first[keep])
    for c in persons:
        o = into.get(c["actor_id"])
        if o is not None:
            c.update(actor_id=o["actor_id"], name=o["name"])


def known_surname(doc: Doc, c: dict, ix: ActorIndex) -> bool:
    """Is the gazetteer place this candidate matched (`Hollande` for the Pays-Bas) by one of
    its other names the surname of a person the gazetteer knows (`François Hollande`), with no
    article or preposition before it (`le quinquennat Hollande`, `comme Hollande, Juppé`, not
    `en Hollande`, nor `de Hollande`: `les tulipes de Hollande`)? A company keeps its founder's name:
    organisations are never asked."""
    e = ix.entries.get(c["eid"]) if c["eid"] else None
    word = doc[c["ts"]:c["te"]].text
    if e is None or e.type not in ("state", "location") or fold(word) == fold(e.name) or " " in word:
        return False
    return fold(word) in ix.person_alias and (c["ts"] == 0 or not ix.kind(doc[c["ts"] - 1].text, "place_word"))


def families(doc: Doc, persons: list[dict], ix: ActorIndex) -> None:
    """A surname after an article and a noun for a family (`la famille Troadec`, `du couple
    Fillon`, `les frères Brownlee`, not `son époux Bill`) or after a plural article (`les Trump`,
    `le domicile des Troadec`) names the family, a group, not one of its members (as gold has
    `famille Troadec`), its nationality between them or not (`les frères russes Polyansky`).
    Updates `persons`."""
    for c in persons:
        i = c["ts"]
        while i < c["te"] - 1 and fold(doc[i].text) in ARTICLES:
            i += 1
        if c["te"] - i != 1 or i == 0 or not doc[i].text[:1].isupper():
            continue
        if i + 2 < len(doc) and doc[i + 1].lower_ in ("et", ",") and doc[i + 2].text[:1].isupper():
            continue  # a first name of the family's (`les frères Alistair et Jonathan Brownlee`)
        j = i - 1
        while j > 1 and doc[j].text.islower() and ix.demonym(doc[j].text) and i - j < 3:
            j -= 1  # `les frères russes Polyansky`
        if ix.kind(doc[j].text, "family_noun") and j > 0 and fold(doc[j - 1].text) in ARTICLES \
                or fold(doc[i - 1].text) in PLURAL_ARTICLES:
            word = doc[j].text.lower()
            name = f"{'les' if word in PLURAL_ARTICLES else word} {doc[i].text}"  # `des Troadec`: `les Troadec`
            # (the name stays a person's name, as WiNER tags it: only the actor is the family)
            c.update(eid="", actor_id="group-" + slug(name, "-"), name=name, type="group", country="", wikidata="",
                     role="", gender="")  # (a role read before the name was a member's: `l'avocat des parents`)
            c.pop("role_tokens", None)


def person_initials(doc: Doc, cands: list[dict]) -> None:
    """`MBS` after `Mohammed ben Salmane`, `DSK` after `Dominique Strauss-Kahn`: an acronym of
    three letters or more, no known organisation, that spells the initials of one person the
    article names in full and of no organisation it names, is that person."""
    persons = {c["actor_id"]: c for c in cands if c.get("type") == "person" and " " in c["name"]}
    orgs = [c for c in cands if c.get("type") == "organization"]
    for c in cands:
        text = doc[c["ts"]:c["te"]].text
        if c["eid"] or c.get("type") not in ("person", "organization") or not is_acronym(text) \
                or sum(ch.isupper() for ch in text) < 3:
            continue
        spelt = [p for p in persons.values() if acronym_of(text, p["name"])]
        if len(spelt) == 1 and not any(acronym_of(text, o["name"]) for o in orgs if o is not c):
            p = spelt[0]
            c.update(actor_id=p["actor_id"], name=p["name"], type="person", label="PER", country=p["country"],
                     wikidata=p["wikidata"], rule=c["rule"] + ":initials")


def person_actors(doc: Doc, persons: list[dict], on, ix: ActorIndex) -> None:
    """The actors of the article's person mentions once every name is read: one person written
    two ways (`misspelt-name`), a family named by its surname (`family`). Updates `persons`."""
    if on("misspelt-name"):
        misspelt_names(persons)
    if on("family"):
        families(doc, persons, ix)


# what follows a wire dispatch's place on its first line: its country in brackets, then a comma and
# the date before the dash (`PASADENA (États-Unis), 15 septembre 2017 -`), or the dash at once
DATELINE_TAIL = re.compile(r"[ \t]*(?:\([^()\n]{1,30}\)[ \t]*)?(?:,[^\n]{1,60}?[ \t][-–—][ \t]|[-–—][ \t])")
LOWER_IN_PLACE = ACRONYM_SKIPPABLE | {"lès", "sous"}  # `Boulogne-sur-Mer`, `Plessis-lès-Tours`


def dateline_place(doc: Doc, s: int, e: int) -> bool:
    """Is the name in capitals that opens a line of the text's first lines, before a wire
    dispatch's date and dash (`BOULOGNE-BILLANCOURT, 16 février 2018 -`), the place it was sent
    from? The NER reads such a word in capitals as an acronym's organisation."""
    start, end = doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)
    if start > DATELINE_WITHIN:
        return False
    text = doc_text(doc)  # (doc.text is joined anew at each call)
    if text[text.rfind("\n", 0, start) + 1:start].strip() or \
            not any(c.isalpha() for c in text[start:end]) or text[start:end] != text[start:end].upper():
        return False
    return sum(c.isalpha() for c in text[start:end]) > 3 and bool(DATELINE_TAIL.match(text, end))


def place_case(name: str) -> str:
    """`BOULOGNE-BILLANCOURT` -> `Boulogne-Billancourt`, `SAINT-DENIS-DE-LA-RÉUNION` ->
    `Saint-Denis-de-la-Réunion`: a place's name written in capitals, as the place is written."""
    parts = re.split(r"([\s'’-])", name.lower())
    return "".join(p if p in LOWER_IN_PLACE and k else p[:1].upper() + p[1:] for k, p in enumerate(parts))
