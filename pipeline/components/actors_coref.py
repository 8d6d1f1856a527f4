"""Actors, step 5: coreference. Subject pronouns outside quotations (`il`, `-t-elle`) and
definite descriptions (`le dirigeant ukrainien`) resolved to an earlier person of the article
(source `coref`). A mixin of ActorsComponent: it reads the component's index."""
from __future__ import annotations

from pipeline.components.actors_lexicon import SUBJECT_DEPS, TYPE_LABEL
from pipeline.names import DEFINITE_ARTICLES as DEF_DET
from pipeline.names import fold

PRONOUNS = {"il": "m", "elle": "f"}
QUOTE_OPEN = {"«": "»", "“": "”", "\"": "\""}


class CorefMixin:
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
