"""Actors: named mentions, canonical actors, metonymy, roles, coreference.

Reads the NER entities, parse and morphology of fr_core_news_md and the gazetteer, writes
`doc._.depeche_mentions` (see components/__init__.py). Steps, each a small function below:

1. candidates: gazetteer phrase matches (`rules`) and NER entities (`model`); a gazetteer
   match inside a longer entity name (`France` in `La France insoumise`) is dropped, an entity
   that overlaps a gazetteer match otherwise gives way to it; MISC entities, bare titles and
   roles, capitalised common words and demonyms (`les Français`) are not mentions;
2. metonymy: a capital that acts (subject, agent, `Pyongyang a envoyé`, coordinated with a
   state or capital, `de Kyiv` after `responsables`) is its state, else a place of its own;
3. persons: titles stripped, surname-only and first-name-only mentions merged with the full
   name of the article (or of the gazetteer); one actor per person, id = slug of the full name;
4. roles: `le président ukrainien Volodymyr Zelensky`, `le porte-parole du gouvernement,
   Dmitri Peskov`, `Dmitri Peskov, porte-parole du Kremlin,` -> `role`;
5. coreference: subject pronouns outside quotations (`il`, `-t-elle`) and definite
   descriptions (`le dirigeant ukrainien`) resolved to an earlier person (source `coref`).
Every mention says which rule produced it (`rule`).
"""
from __future__ import annotations

import re
import unicodedata

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from pipeline.components.actors_lexicon import DETERMINERS, ActorIndex, fold
from pipeline.components.base import RuleComponent
from pipeline.rules.gazetteer import ActorWord, GazetteerEntry, WikidataLink, slugify

GAZETTEERS = ("gazetteer.generated.jsonl", "gazetteer.curated.jsonl")
LOCATIVE = {"à", "a", "en", "dans", "depuis", "vers", "près", "au", "aux", "sur", "par-delà", "jusqu'à"}
SUBJECT_DEPS = {"nsubj", "nsubj:pass", "expl:subj", "obl:agent"}
PRONOUNS = {"il": "m", "elle": "f"}
QUOTE_OPEN = {"«": "»", "“": "”", "\"": "\""}
DEF_DET = {"le", "la", "l'", "l’"}
TYPE_LABEL = {"person": "PER", "organization": "ORG", "state": "GPE", "location": "LOC", "group": "GROUP"}


class ActorsComponent(RuleComponent):
    rule_files = {"gazetteer.generated.jsonl": GazetteerEntry,
                  "gazetteer.curated.jsonl": GazetteerEntry,
                  "lexicon.jsonl": ActorWord,
                  "wikidata.jsonl": WikidataLink}

    def __init__(self, nlp, name, rules_dir=None):
        self.index = ActorIndex([], [])
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        super().__init__(nlp, name, rules_dir)

    def rules_changed(self) -> None:
        self.index = ActorIndex([self.rules.get(f, []) for f in GAZETTEERS], self.rules.get("lexicon.jsonl", []),
                                self.rules.get("wikidata.jsonl", []))
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        by_id: dict[str, list] = {}
        for form, eid in self.index.forms.items():
            by_id.setdefault(eid, []).append(form)
        for eid, forms in by_id.items():
            self.matcher.add(eid, list(self.nlp.tokenizer.pipe(forms)))

    # -- the Doc ---------------------------------------------------------------------------
    def process(self, doc: Doc) -> None:
        cands = self._candidates(doc)
        self._link(doc, cands)
        self._roles(doc, cands)
        named = [self._as_dict(doc, c) for c in cands]
        coref = self._coref(doc, cands)
        spans = [(m["start"], m["end"]) for m in named]
        coref = [m for m in coref if not any(s < m["end"] and m["start"] < e for s, e in spans)]
        doc._.depeche_mentions = sorted(named + coref, key=lambda m: (m["start"], m["end"]))

    # -- 1. candidates ---------------------------------------------------------------------
    def _candidates(self, doc: Doc) -> list[dict]:
        ix = self.index
        matches = sorted(((s, e, self.nlp.vocab.strings[mid]) for mid, s, e in self.matcher(doc)),
                         key=lambda m: (-(m[1] - m[0]), m[0]))
        gaz, taken = [], set()
        for s, e, eid in matches:
            if taken.isdisjoint(range(s, e)):
                gaz.append((s, e, eid))
                taken.update(range(s, e))
        ents = [x for x in (self._clean_ent(doc, ent) for ent in doc.ents) if x]
        ents = [x for ent in self._mend_ents(doc, ents, {s: e for s, e, _ in gaz}) for x in self._split_ent(doc, ent)]
        ent_at = {}  # token -> index of the entity holding it (linear, not pairwise)
        for k, (es, ee, _) in enumerate(ents):
            for i in range(es, ee):
                ent_at[i] = k
        filtered = [self._filter_ent(doc, s, e, label) for s, e, label in ents]
        out, used_ents, kept = [], set(), set()
        for s, e, eid in gaz:
            over = sorted({ent_at[i] for i in range(s, e) if i in ent_at})
            inside_longer = False
            for k in over:
                es, ee, label = ents[k]
                # a longer entity that is no actor (`Président des États-Unis`) keeps no name inside
                if filtered[k] and es <= s and e <= ee and (es, ee) != (s, e):
                    extra = [t for t in doc[es:ee] if not (s <= t.i < e)]
                    # a longer name: other capitalised words around the match
                    if any(t.text[:1].isupper() and not ix.kind(t.text, "title") and t.i != es
                           or (t.i == es and t.text[:1].isupper() and fold(t.text) not in DETERMINERS)
                           for t in extra) or any(t.text[:1].isdigit() for t in extra):
                        inside_longer = True
            if inside_longer:
                continue
            used_ents.update(over)
            kept.update(range(s, e))
            out.append(dict(ts=s, te=e, eid=eid, source="rules", rule="gazetteer"))
        for k, (s, e, label) in enumerate(ents):
            if k in used_ents or not kept.isdisjoint(range(s, e)):
                continue
            c = filtered[k]
            if c:
                out.append(c)
        out.sort(key=lambda c: c["ts"])
        return out

    def _clean_ent(self, doc, ent):
        """Cut an entity at a line break and drop trailing punctuation (NER runs over
        headlines: `Nantes\\n\\nPage`)."""
        s, e = ent.start, ent.end
        for t in doc[s:e]:
            if "\n" in t.text or (t.i > s and "\n" in doc[t.i - 1].whitespace_):
                e = t.i
                break
        while e > s and (doc[e - 1].is_punct or doc[e - 1].is_space):
            e -= 1
        while s < e and (doc[s].is_punct or doc[s].is_space):
            s += 1
        return (s, e, ent.label_) if e > s else None

    @staticmethod
    def _mend_ents(doc, ents, gaz_at):
        """Names the model cut short: `Ömer` + `Fatih Sayan` (a word glued to a person),
        `Big Ten` + `Network`, `I` + `-Télé`, `Conseil des droits de l'homme des` + `Nations unies`."""
        def glued(i):  # token i follows token i-1 on the same line
            return 0 < i < len(doc) and "\n" not in doc[i - 1].whitespace_ and not doc[i - 1].is_space
        taken = {i for s, e, _ in ents for i in range(s, e)}
        out = []
        for s, e, label in sorted(ents):
            if out and out[-1][1] == s and glued(s) and label == "PER" and out[-1][2] != "PER" \
                    and out[-1][1] - out[-1][0] == 1 and out[-1][0] not in gaz_at \
                    and (out[-1][0] == 0 or doc[out[-1][0] - 1].pos_ not in ("ADP", "DET")):
                out[-1] = (out[-1][0], e, "PER")
                continue
            if label in ("ORG", "MISC"):
                if doc[e - 1].pos_ in ("ADP", "DET") and e in gaz_at and gaz_at[e] - e <= 3:
                    e = gaz_at[e]
                n = 0
                while e < len(doc) and glued(e) and e not in taken and n < 3 and (
                        doc[e].text[:1].isupper() and doc[e].pos_ in ("PROPN", "NOUN", "X")
                        or doc[e].text.startswith("-") and not doc[e - 1].whitespace_):
                    e += 1
                    n += 1
            if out and out[-1][1] >= e:
                continue  # swallowed by the entity before, now extended
            if out and out[-1][1] > s:
                s = out[-1][1]
            out.append((s, e, label))
        return out

    @staticmethod
    def _split_ent(doc, ent):
        """`Journal du Dimanche et Médiapart`: two names coordinated inside one entity."""
        s, e, label = ent
        for t in doc[s + 1:e - 1]:
            if t.lower_ in ("et", "ou") and doc[t.i + 1].text[:1].isupper() and doc[s].text[:1].isupper():
                return [(s, t.i, label), (t.i + 1, e, label)]
        return [ent]

    def _filter_ent(self, doc, s, e, label):
        ix = self.index
        toks = doc[s:e]
        first = toks[0]
        words = [t for t in toks if fold(t.text) not in DETERMINERS]
        if not words:
            return None
        head_word = words[0].text
        if ix.kind(" ".join(t.text for t in words), "not_actor"):
            return None  # a name annotators deleted (`depeche train` learns these)
        # bare titles and roles (`Premier ministre`, `président de la`), unless a name follows
        if ix.kind(head_word, "role") or ix.kind(head_word, "title") or ix.kind(head_word, "not_name"):
            # a name right after the role word (`Président Trump`), not `Président des États-Unis`
            rest = [t for t in toks if t.i > words[0].i]
            if label == "PER" and rest and rest[0].text[:1].isupper() and rest[0].pos_ == "PROPN" \
                    and not ix.kind(rest[0].text, "role") and not ix.kind(rest[0].text, "not_name"):
                return dict(ts=s, te=e, eid="", source="model", rule="ner", label="PER")
            return None
        if all(ix.demonym(t.text) for t in words):
            return None  # `les Français`, `l'Italien`: people of a state, not a named actor
        if ix.demonym(words[0].text) and words[0].text[:1].isupper() and len(words) > 1 \
                and all(t.text[:1].isupper() for t in words[1:]):
            # `le Hongrois Áron Szilágyi`: a nationality, then a person's name
            return dict(ts=words[1].i, te=e, eid="", source="model", rule="ner:after-demonym", label="PER")
        if label == "MISC" and len(words) == 1 and words[0].text.endswith("s") and s > 0 \
                and doc[s - 1].lower_ in ("les", "des", "aux") and not words[0].is_upper:
            return None  # `les Kurdes`, `des Roms`: a people, not an organisation
        org_head = ix.kind(head_word, "org_head")
        if not first.text[:1].isupper() and not first.text[:1].isdigit():
            if fold(first.text) in DETERMINERS and len(toks) > 1 and toks[1].text[:1].isupper():
                pass
            elif not (org_head and label in ("ORG", "LOC", "MISC")):
                return None
        if re.fullmatch(r"[A-Z]\d", words[-1].text) or label == "MISC" and words[-1].like_num:
            return None  # codes and levels (`M1`, `Master 2`), not names
        if len(words) == 1 and words[0].pos_ in ("SCONJ", "VERB", "AUX", "CCONJ") and \
                (s == 0 or doc[s - 1].is_punct or doc[s - 1].is_space or doc[s].is_sent_start):
            return None  # `Si`, `Expliquez` opening a sentence
        if "#" in doc[s:e].text or "@" in doc[s:e].text:
            return None  # hashtags and handles
        if label == "MISC":
            before = doc[s - 1] if s > 0 else None
            if before is not None and before.text in ("«", "\"", "“"):
                return None  # a title in quotation marks: a work, not an actor
            if any(ch.isdigit() for t in words for ch in t.text) and not org_head:
                return None  # models and codes: `A320`, `CF-18`
            if before is not None and before.lower_ in ("à", "près"):
                return dict(ts=s, te=e, eid="", source="model", rule="ner:misc-as-loc", label="LOC")
            # MISC holds works, events and laws as well as the outlets and companies the model
            # does not know: keep names that read as one (capitalised, short, not shouting)
            if not org_head and (len(words) > 4 or all(t.is_upper for t in words if t.is_alpha)
                                 and len(words) > 1
                                 or any(t.is_lower and t.pos_ not in ("ADP", "DET") for t in words)):
                return None  # `Guerre froide`, `Jeux olympiques de Rio`: events and works
            return dict(ts=s, te=e, eid="", source="model", rule="ner:misc-as-org", label="ORG")
        if label == "LOC" and org_head:
            return dict(ts=s, te=e, eid="", source="model", rule="ner:org-head", label="ORG")
        return dict(ts=s, te=e, eid="", source="model", rule="ner", label=label)

    # -- 2-3. linking ----------------------------------------------------------------------
    def _link(self, doc: Doc, cands: list[dict]) -> None:
        ix = self.index
        persons = []
        for c in cands:
            c.update(role="", gender="", country="", wikidata="")
            if c["eid"]:
                e = ix.entries[c["eid"]]
                c.update(actor_id=e.id, name=e.name, type=e.type, country=e.country, wikidata=e.wikidata)
                if e.type == "location" and e.stands_for and e.stands_for in ix.entries:
                    if self._acts(doc, c, cands):
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
            c.update(actor_id=slugify(bare) or slugify(name), name=name,
                     type="organization" if label == "ORG" else "location")
        self._persons(doc, cands, persons)
        self._orgs(doc, cands)

    def _acts(self, doc, c, cands) -> bool:
        """Does this capital stand for its state here? (metonymy, ANNOTATION.md)"""
        s, e = c["ts"], c["te"]
        head = doc[s:e].root
        p = s - 1
        while p >= 0 and doc[p].is_space:
            p -= 1
        prev = doc[p] if p >= 0 else None
        if prev is not None and fold(prev.text) in LOCATIVE:
            return False
        if head.dep_ in SUBJECT_DEPS:
            return True
        if prev is not None and (fold(prev.text) == "selon" or fold(prev.text) == "apres" and p > 0
                                 and fold(doc[p - 1].text) == "d'"):
            return True  # a source: `selon Séoul`
        # the parser misses `Washington affirme …`: a capital opening a clause, then a finite verb
        nxt = doc[e] if e < len(doc) else None
        opens = prev is None or prev.is_punct or p < s - 1 or doc[s].is_sent_start or \
            fold(prev.text) in ("que", "qu'", "et", "mais", "car")
        if nxt is not None and opens and "Fin" in nxt.morph.get("VerbForm") and nxt.pos_ in ("VERB", "AUX"):
            return True
        # coordination with a state or another capital: `entre Moscou et Pyongyang`
        for other in cands:
            if other is c:
                continue
            gap = doc[other["te"]:s] if other["te"] <= s else doc[e:other["ts"]]
            if 0 < len(gap) <= 2 and any(fold(t.text) in ("et", "ou", "-") for t in gap) and \
                    all(fold(t.text) in ("et", "ou", "-", "de", "d'", ",") for t in gap):
                oe = self.index.entries.get(other.get("eid", ""))
                if oe is not None and (oe.type == "state" or oe.stands_for):
                    if prev is not None and fold(prev.text) == "entre" or other["ts"] > 0 and \
                            fold(doc[min(other["ts"], s) - 1].text) == "entre":
                        return True
                    if oe.type == "state" and fold(doc[min(other["ts"], s) - 1].text) not in LOCATIVE:
                        return True
        # `les responsables de Kyiv (et de Séoul)`: people of a government
        j = s - 1
        while j >= 0 and fold(doc[j].text) in ("de", "d'", "et", ",") or \
                j >= 0 and any(o["ts"] <= j < o["te"] for o in cands if o is not c):
            j -= 1
        if 0 <= j < s - 1 and self.index.kind(doc[j].text, "group_noun"):
            return True
        return False

    def _persons(self, doc, cands, persons) -> None:
        ix = self.index
        for c in persons:
            s, e = c["ts"], c["te"]
            # a title just before the name belongs to the mention as written (`M. Poutine`)
            if s > 0 and ix.kind(doc[s - 1].text, "title") and c["source"] == "model":
                c["ts"] = s = s - 1
            ns = s
            while ns < e - 1 and (ix.kind(doc[ns].text, "title") or fold(doc[ns].text) in DETERMINERS
                                  or ix.kind(doc[ns].text, "role")):
                c["gender"] = c["gender"] or ix.gender(doc[ns].text, "title")
                ns += 1
            c["tokens"] = [t.text for t in doc[ns:e]]
            c["bare"] = re.sub(r"\s+", " ", doc[ns:e].text).strip()
        fulls: dict[tuple, dict] = {}
        for c in persons:
            if len(c["tokens"]) > 1:
                key = (fold(c["tokens"][0]), fold(c["tokens"][-1]))
                best = fulls.get(key)
                if best is None or len(c["tokens"]) > len(best["tokens"]):
                    fulls[key] = c
        for c in persons:
            if c.get("eid"):
                continue
            name, eid = c["bare"], ""
            if len(c["tokens"]) > 1:
                name = fulls[(fold(c["tokens"][0]), fold(c["tokens"][-1]))]["bare"]
                eid = ix.person_name.get(fold(name), "")
            else:
                w = fold(c["tokens"][0])
                by_last = [f for k, f in fulls.items() if k[1] == w or fold(f["bare"]).endswith(" " + w)]
                by_first = [f for k, f in fulls.items() if k[0] == w]
                if by_last:
                    # the nearest full name before, else the first one after (a headline)
                    before = [f for f in by_last if f["ts"] < c["ts"]]
                    name = (max(before, key=lambda f: f["ts"]) if before
                            else min(by_last, key=lambda f: f["ts"]))["bare"]
                elif len(by_first) == 1:
                    name = by_first[0]["bare"]
                eid = ix.person_name.get(fold(name), "") or (ix.person_alias.get(w, "") if name == c["bare"] else "")
            if eid:
                e = ix.entries[eid]
                c.update(eid=eid, actor_id=e.id, name=e.name, type="person", country=e.country,
                         wikidata=e.wikidata, label="PER")
            else:
                c.update(actor_id=slugify(name), name=name, type="person", label="PER")
        # other entities naming a person of the article (`Morandini` tagged ORG, `Antonio` MISC)
        words = {}
        for c in persons:
            if c["type"] == "person":
                toks = c.get("tokens") or c["name"].split()
                words.setdefault(fold(toks[-1]), set()).add(c["actor_id"])
                if len(toks) > 1:
                    words.setdefault(fold(toks[0]), set()).add(c["actor_id"])
        by_id = {c["actor_id"]: c for c in persons}
        for c in cands:
            if c.get("type") in ("organization", "location") and not c["eid"] and c["te"] - c["ts"] == 1:
                ids = words.get(fold(doc[c["ts"]].text), set())
                if len(ids) == 1:
                    p = by_id[next(iter(ids))]
                    c.update(actor_id=p["actor_id"], name=p["name"], type="person", country=p["country"],
                             wikidata=p["wikidata"], label="PER", rule="ner:person-name")

    def _orgs(self, doc, cands) -> None:
        """`Chambre` after `Chambre des représentants`, an acronym in brackets after a name;
        an acronym in brackets after a person is their party (`Laurent Vidal (LR)`)."""
        for c in cands:
            s, e = c["ts"], c["te"]
            if e - s == 1 and doc[s].is_upper and len(doc[s].text) >= 2 and 0 < s and e < len(doc) \
                    and doc[s - 1].text == "(" and doc[e].text == ")" and c.get("type") == "person" \
                    and any(o["te"] == s - 1 and o.get("type") == "person" for o in cands):
                c.update(actor_id=slugify(doc[s].text), name=doc[s].text, type="organization", label="ORG",
                         country="", wikidata="", rule=c["rule"] + ":party")
        orgs = [c for c in cands if c.get("type") == "organization"]
        names = {c["actor_id"]: self._strip_det(doc, c["ts"], c["te"]) for c in orgs}
        for c in orgs:
            if c["eid"]:
                continue
            mine = names[c["actor_id"]]
            longer = {o["actor_id"]: o for o in orgs if names[o["actor_id"]].startswith(mine + " ")}
            if not longer:
                continue
            # the longer names must be one chain (`Chambre` < `Chambre des représentants` <
            # `Chambre des représentants des États-Unis`), else `Union` is ambiguous
            o = max(longer.values(), key=lambda x: len(names[x["actor_id"]]))
            if all(names[o["actor_id"]].startswith(names[k]) for k in longer):
                c.update(actor_id=o["actor_id"], name=o["name"], country=o["country"], wikidata=o["wikidata"],
                         rule=c["rule"] + ":short-name")
        acronyms = {}
        for c in orgs:
            e = c["te"]
            if e + 2 < len(doc) and doc[e].text == "(" and doc[e + 2].text == ")" and \
                    doc[e + 1].text.isupper() and len(doc[e + 1].text) >= 2:
                acronyms[doc[e + 1].text] = c
        for acr, o in acronyms.items():
            for c in cands:
                if self._text(doc, c["ts"], c["te"]) == acr and not c["eid"]:
                    c.update(actor_id=o["actor_id"], name=o["name"], type=o["type"], country=o["country"],
                             wikidata=o["wikidata"], label=o["label"], rule="ner:acronym")
            for t in doc:
                if t.text == acr and not any(c["ts"] <= t.i < c["te"] for c in cands):
                    cands.append(dict(ts=t.i, te=t.i + 1, eid="", source="rules", rule="acronym",
                                      actor_id=o["actor_id"], name=o["name"], type=o["type"], label=o["label"],
                                      country=o["country"], wikidata=o["wikidata"], role="", gender=""))
        cands.sort(key=lambda c: c["ts"])

    # -- 4. roles --------------------------------------------------------------------------
    def _roles(self, doc, cands) -> None:
        ix = self.index
        for c in cands:
            if c.get("type") != "person":
                continue
            s, e = c["ts"], c["te"]
            role = self._role_before(doc, s) or self._role_after(doc, e)
            if role is None:
                continue
            rs, re_ = role
            c["role"] = self._text(doc, rs, re_)
            c["role_tokens"] = (rs, re_)
            c["gender"] = c["gender"] or (self._gender(doc[rs - 1], doc[rs]) if rs > 0 else ix.gender(doc[rs].text, "role"))
            if not c["country"]:
                for t in doc[rs:re_]:
                    if ix.demonym(t.text):
                        c["country"] = ix.demonym(t.text)
                        break

    def _role_before(self, doc, s):
        ix = self.index
        j = s - 1
        if j >= 0 and doc[j].text == ",":
            j -= 1
        end = j + 1
        start = None
        while j >= 0 and end - j <= 8:
            t = doc[j]
            if t.is_punct or t.pos_ in ("VERB", "AUX", "PRON", "SCONJ", "CCONJ") or "\n" in t.whitespace_:
                break
            if ix.kind(t.text, "role") and (j == 0 or fold(doc[j - 1].text) in DETERMINERS
                                             or doc[j - 1].pos_ in ("DET", "ADP", "ADJ", "VERB", "AUX")
                                             or doc[j - 1].is_punct):
                start = j
            j -= 1
        if start is None or start >= end:
            return None
        if end < s and doc[end].text == "," and fold(doc[start - 1].text) not in DEF_DET | {"son", "sa", "leur"}:
            return None  # `Président, Dmitri …` without a determiner: not an apposition
        return start, end

    def _role_after(self, doc, e):
        ix = self.index
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

    # -- 5. coreference --------------------------------------------------------------------
    def _coref(self, doc, cands) -> list[dict]:
        ix = self.index
        quoted = _quoted(doc.text)
        role_toks = set()
        for c in cands:
            if c.get("role_tokens"):
                role_toks.update(range(*c["role_tokens"]))
        timeline = [dict(c) for c in cands if c.get("type") == "person"]
        genders = {}
        for c in timeline:  # one gender per actor, from any of its mentions
            g = c.get("gender") or self._agreement(doc, c)
            if g:
                genders.setdefault(c["actor_id"], g)
        for c in timeline:
            c["gender"] = genders.get(c["actor_id"], "")
        ends = {c["te"]: c for c in cands if c.get("type") in ("person", "organization")}
        out = []
        in_mention = set()
        for c in cands:
            in_mention.update(range(c["ts"], c["te"]))
        sents = {t.i: k for k, s in enumerate(doc.sents) for t in s} if doc.has_annotation("SENT_START") else {}

        def add(start, end, ref, rule, ts, te, gender=""):
            out.append(self._coref_mention(start, end, ref, rule))
            if gender and not ref.get("gender"):  # `elle` tells the gender of its referent
                for c in timeline:
                    if c["actor_id"] == ref["actor_id"]:
                        c["gender"] = gender
            timeline.append(dict(ref, ts=ts, te=te, gender=gender or ref.get("gender", "")))

        for t in doc:
            if t.i in in_mention or t.i in role_toks or quoted(t.idx):
                continue
            low = t.text.lower().lstrip("-")
            prev = doc[t.i - 1].lower_ if t.i > 0 else ""
            if low in PRONOUNS and (t.dep_ in SUBJECT_DEPS or t.text.startswith("-")):
                if self._impersonal(t):
                    continue
                ref = self._resolve(timeline, t, sents, gender=PRONOUNS[low], fallback=True)
                if ref:
                    off = 1 if t.text.startswith("-") else 0
                    add(t.idx + off, t.idx + len(t.text), ref, "coref:pronoun", t.i, t.i + 1, PRONOUNS[low])
            elif low in ("lui", "elle") and (prev in ("selon", "pour") or prev == "après" and t.i > 1
                                              and doc[t.i - 2].lower_ in ("d'", "d’")):
                # `selon lui`, `pour elle,`: the source of what follows
                ref = self._resolve(timeline, t, sents, gender="f" if low == "elle" else "m")
                if ref:
                    add(t.idx, t.idx + len(t.text), ref, "coref:pronoun-source", t.i, t.i + 1)
            elif low == "qui" and t.dep_.startswith("nsubj"):
                # `Laurent Vidal (LR), qui se félicite`: a relative whose antecedent is a name
                j = t.i - 1
                while j >= 0 and t.i - j <= 2 and (doc[j].text == "," or doc[j].is_space):
                    j -= 1
                if j >= 0 and doc[j].text == ")":
                    while j >= 0 and doc[j].text != "(" and t.i - j <= 6:
                        j -= 1
                    j -= 1
                ref = ends.get(j + 1)
                if ref is not None and j + 1 < t.i:
                    add(t.idx, t.idx + len(t.text), ref, "coref:relative", t.i, t.i + 1)
            elif low in ("ce", "cette") and t.i + 1 < len(doc) and doc[t.i + 1].lower_ in ("dernier", "dernière") \
                    and doc[t.i + 1].dep_ in SUBJECT_DEPS | {"nsubj"}:
                # `Ce dernier a refusé`: the last person named
                gender = "f" if doc[t.i + 1].lower_ == "dernière" else "m"
                ref = self._resolve(timeline, t, sents, gender=gender, last=True)
                if ref:
                    add(t.idx, doc[t.i + 1].idx + len(doc[t.i + 1].text), ref, "coref:ce-dernier", t.i, t.i + 2)
            elif fold(t.text) in DEF_DET and t.i + 1 < len(doc) and ix.kind(doc[t.i + 1].text, "role"):
                noun = doc[t.i + 1]
                source_of = prev == "selon" or prev == "après" and t.i > 1 and doc[t.i - 2].lower_ in ("d'", "d’")
                if noun.i in role_toks or not (noun.dep_ in SUBJECT_DEPS or source_of):
                    continue
                k = noun.i + 1
                country = ""
                while k < len(doc) and doc[k].pos_ == "ADJ" and ix.demonym(doc[k].text):
                    country = ix.demonym(doc[k].text)
                    k += 1
                if k < len(doc) and doc[k].pos_ == "PROPN":
                    continue  # `le président Macron`: a role of the name that follows
                ref = self._resolve(timeline, t, sents, gender=self._gender(t, noun),
                                    country=country, role=noun.text)
                if ref:
                    add(t.idx, doc[k - 1].idx + len(doc[k - 1].text), ref, "coref:description", t.i, k)
        return out

    @staticmethod
    def _agreement(doc, c) -> str:
        """Gender shown by what agrees with a subject name: `Penelope Vidal a été embauchée`
        (feminine participle), `Paul Vidal est arrivé` (masculine after être)."""
        tok = doc[c["ts"]:c["te"]].root
        if tok.dep_ not in ("nsubj", "nsubj:pass"):
            return ""
        head = tok.head
        g = head.morph.get("Gender")
        if not g or head.pos_ not in ("VERB", "ADJ"):
            return ""
        if g[0] == "Fem":
            return "f"
        etre = any(ch.lemma_ == "être" and ch.dep_ in ("aux:pass", "cop", "aux:tense") for ch in head.children)
        return "m" if etre else ""

    def _gender(self, det, noun) -> str:
        """m, f or '' for a determiner + noun (`la ministre` -> f, `le porte-parole` -> m)."""
        g = det.morph.get("Gender")
        if g:
            return "f" if g[0] == "Fem" else "m"
        return self.index.gender(noun.text, "role")

    def _impersonal(self, t) -> bool:
        head = t.head
        if self.index.kind(head.lemma_, "impersonal"):
            return True
        if any(c.lower_ == "y" for c in head.children):
            return True
        return head.pos_ == "ADJ" and head.i + 1 < len(t.doc) and t.doc[head.i + 1].lower_ in ("de", "d'", "que", "qu'")

    def _resolve(self, timeline, t, sents, gender="", country="", role="", fallback=False, last=False):
        """The person an anaphor refers to: in the nearest sentence (this one, then up to five
        back) that has a compatible person, the last one that was a subject, else the last
        (`last`: the last one whatever its function). A woman is preferred for `elle`, a person
        of unknown gender is taken when no woman is near. `fallback`: with none within five
        sentences, the person named most often so far (a speaker of a long quotation)."""
        here = sents.get(t.i, 0)
        best, counts = None, {}
        for c in timeline:
            if c["ts"] >= t.i:
                continue
            g = c.get("gender", "")
            if gender and g and g != gender:
                continue
            if country and c.get("country") != country:
                continue
            if role and fold(role) not in fold(c.get("role", "")) and fold(role) not in (
                    "dirigeant", "dirigeante", "responsable", "leader"):
                continue
            counts[c["actor_id"]] = (counts.get(c["actor_id"], (0, None))[0] + 1, c)
            dist = here - sents.get(c["ts"], 0)
            if dist > 5 and not (country or role):
                continue
            subj = not last and t.doc[c["ts"]: c["te"]].root.dep_ in SUBJECT_DEPS
            key = (gender == "f" and g == "f", -dist, subj, c["ts"])
            if best is None or key > best[0]:
                best = (key, c)
        if best is None and fallback and counts:
            return max(counts.values(), key=lambda v: (v[0], v[1]["ts"]))[1]
        return best[1] if best else None

    def _coref_mention(self, start, end, ref, rule):
        return dict(start=start, end=end, label=TYPE_LABEL.get(ref["type"], "PER"), actor_id=ref["actor_id"], name=ref["name"],
                    type=ref["type"], country=ref.get("country", ""), wikidata=ref.get("wikidata", ""),
                    role="", source="coref", rule=rule)

    # -- helpers ---------------------------------------------------------------------------
    @staticmethod
    def _text(doc, s, e):
        return doc[s:e].text if e > s else ""

    @staticmethod
    def _strip_det(doc, s, e):
        while s < e - 1 and fold(doc[s].text) in DETERMINERS:
            s += 1
        return doc[s:e].text

    @staticmethod
    def _as_dict(doc, c):
        start, end = doc[c["ts"]].idx, doc[c["te"] - 1].idx + len(doc[c["te"] - 1].text)
        last = doc[c["te"] - 1].text
        while end > start and last and (last[-1].isspace() or unicodedata.category(last[-1]) == "Cf"):
            end, last = end - 1, last[:-1]  # a stray right-to-left mark glued to a name
        name = "".join(ch for ch in c["name"] if unicodedata.category(ch) != "Cf").strip()
        return dict(start=start, end=end,
                    label=c["label"], actor_id=c["actor_id"], name=name, type=c["type"],
                    country=c.get("country", ""), wikidata=c.get("wikidata", ""), role=c.get("role", ""),
                    source=c["source"], rule=c["rule"])


def _quoted(text: str):
    """A predicate: is this character offset inside quotation marks? Straight quotes toggle
    and every line break closes an open quotation (a quote continued in the next paragraph
    opens again there)."""
    inside = bytearray(len(text))
    closer = None
    start = 0
    for i, ch in enumerate(text):
        if ch == "\n":
            closer = None
        elif closer is None and ch in QUOTE_OPEN:
            closer, start = QUOTE_OPEN[ch], i
        elif closer is not None and ch == closer:
            inside[start:i + 1] = b"\x01" * (i + 1 - start)
            closer = None
    return lambda i: 0 <= i < len(inside) and inside[i] == 1
