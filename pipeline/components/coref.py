"""Coreference: which actor a pronoun, a relative or a definite description stands for.

One resolver for the whole pipeline: the actors component runs it over every Doc and writes
what it finds as mentions with `source` `coref` (components/__init__.py), and the
attributions component takes a speaker's actor from those mentions, so `il` in
`a-t-il déclaré` and `il` in the mentions table are the same actor. Each coref mention keeps
its ranked antecedents (`antecedents`: [[actor_id, start], …], best first, start that of the
name its chain goes back to), so that a speaker can skip an antecedent named inside the
content it introduces.

What is resolved (outside quotation marks only; inside them `il` is the quoted speaker's):

| anaphor | rule | antecedent |
|---|---|---|
| subject `il`, `elle`, `ils`, `elles`, `-t-il` | `coref:pronoun` | a person, organisation or state, of the same gender and number where known |
| the same, `il` / `elle` with none within the window | `coref:last-resort` | the actor named most often so far (attributions take a person described before it first) |
| `selon lui`, `pour elle` | `coref:pronoun-source` | idem |
| `X, qui …` | `coref:relative` | the name just before |
| `ce dernier`, `cette dernière` | `coref:ce-dernier` | the last person, organisation or state named |
| `le ministre`, `la présidente` (role words) | `coref:description` | the last person of that role, else of that gender |
| `la société`, `le groupe`, `le club`, `l'agence` (organisation nouns) | `coref:description-org` | the last organisation, one described by the same noun first |
| `le pays` | `coref:description-state` | the last state |

Antecedents are named mentions before the anaphor and outside quotation marks, within five
sentences, ranked by: agreement shown on both sides (a shown feminine outranks closeness within
two sentences only), closeness (sentences, a line break starting one; a noun's `de` complement
counts one further), being a subject (from the parse: a main clause's, a source opening its
sentence, `Pour X, …`, over the subject inside what X is cited for), then position. Institutions described by their place (`la mairie de Brest`) are the actors
component's named mentions (components/actors_institutions.py), antecedents like any other.

Gender: a person's from any of its mentions (a title, an agreeing participle, a first name of
the actors component's list, `first_names.jsonl`); an organisation's or a state's from the
article right before its name (`le`, `la`, and `du`, `au`), from the common noun heading it
(`l'Agence spatiale italienne`) or from a describing noun (`la société`), and a name that shows
one itself gives it to the actor's other mentions (`du Fonds monétaire international ( FMI )`),
not to a capital standing for its state.

A pronoun whose best antecedent is no person, opening the sentence after one whose subject is a
thing of its gender and number (`La mission, menée par l'ESA … Elle a permis`), is the thing's:
no actor. The nouns for persons (`la veuve`, `l'évêque`) are the attributions component's.
"""
from __future__ import annotations

from typing import Callable, Optional

from spacy.tokens import Doc

from pipeline.components.actors_lexicon import DE_WORDS as DE, GENERIC_ROLES, SUBJECT_DEPS, TYPE_LABEL, ActorIndex
from pipeline.components.base import doc_text
from pipeline.names import fold

PRONOUNS = {"il": ("m", "s"), "elle": ("f", "s"), "ils": ("m", "p"), "elles": ("f", "p")}
SOURCE_PRONOUNS = {"lui": ("m", "s"), "elle": ("f", "s"), "eux": ("m", "p"), "elles": ("f", "p")}
DEF_DET = {"le": "m", "la": "f", "l'": "", "les": ""}
# `du`, `au` (de, à + le) before a name tell its gender as `le` does: `au siège du Fonds monétaire
# international … Elle` is not the Fund
CONTRACTED_DET = {"du": "m", "au": "m"}
CLITICS = {"se", "s'", "ne", "n'", "y", "en", "le", "la", "l'", "les", "lui", "leur", "me", "m'", "te", "t'",
           "nous", "vous"}
ENDS = (".", "!", "?", ";")  # punctuation ending a sentence
QUOTE_OPEN = {"«": "»", "“": "”", "\"": "\""}
WINDOW = 5  # sentences an antecedent is looked for in
FEMININE_REACH = 2  # sentences within which a shown feminine gender outranks closeness
ANTECEDENT_TYPES = ("person", "organization", "state")


def quoted(text: str):
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


def _source_of(doc: Doc, i: int) -> bool:
    """Is token i the object of `selon`, `d'après` or `pour` (a source)?"""
    if i < 1:
        return False
    prev = fold(doc[i - 1].text)
    return prev in ("selon", "pour") or prev == "apres" and i > 1 and fold(doc[i - 2].text) == "d'"


def _in_relative(doc: Doc, i: int) -> bool:
    """Is token i inside a relative clause opened since the last comma (`Paul Roy, qui courait
    entre Marc Blanc et Luc Vidal, termine`: Luc Vidal is not the subject of `termine`)?"""
    k = i - 1
    while k >= 0 and i - k < 25 and doc[k].text not in (",", ".", ";", ":") and not doc[k].is_sent_start:
        if doc[k].lower_ == "qui":
            return True
        k -= 1
    return False


def _subject_rank(span, sent_start: int) -> int:
    """2 for the subject of a main clause, 1 of another clause, else 0. A name after its
    role (`le sénateur Tom Cotton dénonce`) is the subject its role is; a name followed by a
    finite verb (`…, Ömer Sayan, exige que`) is one whatever the parse says."""
    tok = span.root
    fronted = _fronted_source(span, sent_start)
    if fronted:
        # `Pour Paul Roy, Marc Blanc est victime d'un acharnement. Il estime …`: the source opening
        # the sentence is what it is about; the subject after it is inside what he is cited for
        return 2 if fronted[0] <= span.start < fronted[1] else min(1, _subject_rank_in(span, tok))
    return _subject_rank_in(span, tok)


def _fronted_source(span, sent_start: int) -> Optional[tuple[int, int]]:
    """The tokens [start, end) of a source opening the name's sentence (`Pour Paul Roy,`, `Selon
    l'ONU,`, `D'après lui,`), or None. sent_start: the first token of that sentence as
    paragraph_sentences counts them (a line break starts one)."""
    doc = span.doc
    if not doc.has_annotation("SENT_START"):
        return None
    k = min(sent_start, span.start)
    while k < span.start and (doc[k].is_space or doc[k].is_punct):
        k += 1
    first = fold(doc[k].text) if k < len(doc) else ""
    if first in ("pour", "selon"):
        k += 1
    elif first == "d'" and k + 1 < len(doc) and fold(doc[k + 1].text) == "apres":
        k += 2
    else:
        return None
    end = k
    while end < len(doc) and end - k < 12 and doc[end].text != "," and not doc[end].is_sent_end:
        end += 1
    return (k, end) if end < len(doc) and doc[end].text == "," and end > k else None


def _subject_rank_in(span, tok) -> int:
    doc = span.doc
    j = span.end
    if j < len(doc) and doc[j].text == ",":
        # `Arnaud Vidal, l'ancien ministre de l'économie, avait été`: over an apposition
        k = j + 1
        while k < len(doc) and k - j < 16 and doc[k].text not in (",", ".", ";", ":") and not (
                doc[k].pos_ in ("VERB", "AUX") and "Fin" in doc[k].morph.get("VerbForm")):
            k += 1
        j = k + 1 if k < len(doc) and doc[k].text == "," else j + 1
    while j < len(doc) and (doc[j].pos_ == "ADV" or _clitic(doc[j])) and j - span.end < 4:
        j += 1  # `Paul Roy s'est exprimé`, `Paul Roy ne l'a pas dit`
    if j < len(doc) and doc[j].pos_ in ("VERB", "AUX") and "Fin" in doc[j].morph.get("VerbForm") and not (
            span.start > 0 and (fold(doc[span.start - 1].text) in ("que", "qu'") or _subordinator(doc[span.start - 1]))) \
            and not _in_relative(doc, span.start) and not _complement(span):
        return 2
    if _inverted_subject(span):
        return 2
    if tok.dep_ in ("appos", "flat:name", "nmod", "compound") and tok.head.i < tok.i and \
            tok.head.pos_ == "NOUN" and not any(c.dep_ == "case" for c in tok.children):
        tok = tok.head
    if tok.dep_ not in SUBJECT_DEPS:
        # `selon Paul Roy, …`: a source is as salient as a subordinate clause's subject (the
        # next `Il affirme` most often goes on with him)
        return 1 if _source_of(doc, span.start) else 0
    verb = tok.head
    if tok.dep_ == "obl:agent" and verb.dep_ in ("acl", "amod"):
        return 0  # `les buts encaissés par Paul Roy`: the agent of a participle that qualifies a noun
    while verb.dep_ == "conj" and verb.head.i < verb.i:
        # `il a ajouté que … et que Léa Roy travaillait pour lui`: the second of two coordinated
        # clauses is as subordinate as the first
        verb = verb.head
    return 2 if verb.dep_ in ("ROOT", "parataxis") else 1


def _clitic(tok) -> bool:
    """A clitic pronoun or negation between a subject and its verb (`se`, `l'`, `lui`, `ne`)."""
    return tok.lower_ in CLITICS and (tok.pos_ == "PRON" or tok.lower_ in ("ne", "n'"))


def _genitive(span) -> bool:
    """Is the name the `de` complement of a common noun (`l'investiture d'Obama`)?"""
    tok = span.root
    if tok.dep_ == "flat:name" and tok.head.i == span.start - 1:
        tok = tok.head  # `des contrats de M. Max`: the title the parser hangs the name on
    return tok.dep_ == "nmod" and tok.head.pos_ == "NOUN" and tok.head.i < tok.i \
        and any(c.dep_ == "case" and fold(c.text) in ("de", "d'", "du", "des") for c in tok.children)


def _subordinator(tok) -> bool:
    """`dans le cas où Paul Roy renoncerait`, `si Paul Roy part`: a name right after a
    subordinating word is the subject of a subordinate clause."""
    return tok.pos_ == "SCONJ" or tok.lower_ in ("où", "dont")


def _complement(span) -> bool:
    """`le décret du président Paul Roy vient d'être bloqué`: a name (or the role it is in
    apposition to) that is the complement of a preposition is not the subject of the verb
    after it."""
    tok = span.root
    for _ in range(4):
        if any(c.dep_ == "case" for c in tok.children):
            return True
        if tok.dep_ in ("appos", "flat:name", "compound", "nmod", "amod") and tok.head.i < tok.i \
                and tok.head.pos_ in ("NOUN", "PROPN"):
            tok = tok.head
        else:
            return False
    return False


def _inverted_subject(span) -> bool:
    """`« … », a déclaré Paul Roy.`, `…, fait remarquer Léa Morel, la ministre`: a name right
    after the verbs of an incise opened by a comma or a closing quote, ending its clause, is the
    subject the parser most often takes for an object."""
    doc = span.doc
    j = span.start - 1
    while j >= 0 and span.start - j <= 3 and doc[j].pos_ in ("VERB", "AUX"):
        j -= 1
    return j < span.start - 1 and j >= 0 and doc[j].text in (",", "»", "”") \
        and (span.end >= len(doc) or doc[span.end].text in (",", ".", ";", "("))


def phrase_acts(doc: Doc, det: int, noun) -> bool:
    """Does the noun phrase opening at token `det` act: a subject (or agent), a source, or
    the subject inverted after a reporting verb (`…, a annoncé le parquet`), which the
    parser often reads as an object?"""
    if noun.dep_ in SUBJECT_DEPS or _source_of(doc, det):
        return True
    v = det - 1
    while v > 0 and doc[v].pos_ == "ADV":  # `a annoncé aujourd'hui le parquet`
        v -= 1
    if v < 1 or doc[v].pos_ not in ("VERB", "AUX"):
        return False
    j = v - 1
    while j >= 0 and (doc[j].pos_ in ("AUX", "ADV") or doc[j].text.startswith("-")):
        j -= 1
    return j >= 0 and doc[j].text in (",", "»", "\"", "”")


def _first_tokens(sents: list[int]) -> list[int]:
    """For each token, the first token of its sentence (sents: paragraph_sentences)."""
    out, start = [], 0
    for i, n in enumerate(sents):
        if i and n != sents[i - 1]:
            start = i
        out.append(start)
    return out


def paragraph_sentences(doc: Doc, names: frozenset = frozenset()) -> list[int]:
    """The sentence number of every token: the parser's sentences, and a new one after every
    line break (the parser often runs a sentence on over a paragraph break, `… », confie Paul
    Roy.\n\nLéa Morel, chargée de recherche, …`, which would put the two names at the same
    distance from the next `il`). (Not attributions' Ctx.sent_start, which joins parser sentences
    no punctuation ends: coref counts its distances in the parser's sentences, but for one the
    parser starts at a name right after a word.)"""
    sents = [0] * len(doc)
    k, new = 0, False
    parsed = doc.has_annotation("SENT_START")
    last = None  # the last token that is no space
    for t in doc:
        # (but a parser's sentence that starts at a name (`names`: first tokens) right after a
        # word, no punctuation between, goes on: `…, et le Néerlandais Churandy Martina au
        # centième près`)
        new = new or parsed and t.is_sent_start and t.i > 0 and not (
            t.i in names and last is not None and last.text[-1:].isalnum())
        if not t.is_space:
            last = t
        if new and not t.is_space:
            k += 1
            new = False
        sents[t.i] = k
        new = new or "\n" in t.text or "\n" in t.whitespace_
    return sents


class Coreference:
    """Built once per Doc from the actors component's candidates (dicts with ts, te, type,
    actor_id, name, country, wikidata, role, gender, label); `mentions()` is the coref
    mentions of the Doc, in text order."""

    def __init__(self, doc: Doc, cands: list[dict], index: ActorIndex, person_nouns: frozenset = frozenset(),
                 periphrasis: Optional[Callable[[str], tuple[str, tuple]]] = None):
        self.doc = doc
        self.index = index
        self.person_nouns = person_nouns  # common nouns for persons (`veuve`, `évêque`), for `_thing_before`
        # `chef de l'État …` -> (that periphrasis, the roles it stands for)
        self.periphrasis = periphrasis or (lambda text: ("", ()))
        self.quoted = quoted(doc_text(doc))
        self.sents = paragraph_sentences(doc, frozenset(c["ts"] for c in cands))
        self.sent_start = _first_tokens(self.sents)  # token -> first token of its sentence
        self.role_toks: set[int] = set()
        self.in_mention: set[int] = set()
        for c in cands:
            if c.get("role_tokens"):
                self.role_toks.update(range(*c["role_tokens"]))
            self.in_mention.update(range(c["ts"], c["te"]))
        self.timeline = [self._antecedent(c) for c in cands if c.get("type") in ANTECEDENT_TYPES]
        # one gender per actor, from any of its mentions: a person's from whatever shows it; an
        # organisation's or a state's from a name with its own article or head noun (`du Fonds
        # monétaire international ( FMI )`, `la France` for `France :`), not a describing noun's
        # (`l'organisation État islamique`), and never given to a capital standing for its state
        # (`Pyongyang a annoncé qu'il`) nor in place of a mention's own
        genders: dict[str, str] = {}
        for c in self.timeline:
            shown = c["gender"] if c["type"] == "person" else c.get("own_gender")
            if shown:
                genders.setdefault(c["actor_id"], shown)
        for c in self.timeline:
            if c["type"] == "person" or not c["gender"] and "metonymy" not in c.get("rule", ""):
                c["gender"] = genders.get(c["actor_id"], "")
        self.ends = {c["te"]: c for c in self.timeline if c["type"] in ("person", "organization")}

    # -- antecedents -------------------------------------------------------------------------
    def _antecedent(self, c: dict) -> dict:
        doc = self.doc
        a = dict(c)
        a["quoted"] = self.quoted(doc[c["ts"]].idx)
        a["origin"] = doc[c["ts"]].idx  # where its chain's name is written
        a["subject"] = _subject_rank(doc[c["ts"]:c["te"]], self.sent_start[c["ts"]])
        a["genitive"] = _genitive(doc[c["ts"]:c["te"]])
        a["number"] = "s"
        a["nouns"] = set()  # common nouns describing it just before (`le constructeur Airbus`)
        if c["type"] == "person":
            a["gender"] = c.get("gender") or self._agreement(c) or self._first_name(c)
            return a
        gender = ""
        j = c["ts"] - 1
        while j >= 0 and c["ts"] - j <= 4 and doc[j].pos_ in ("NOUN", "ADJ") and not doc[j].is_punct:
            a["nouns"].add(fold(doc[j].lemma_))
            gender = gender or self.index.gender(doc[j].text, "org_noun")
            j -= 1
        det = fold(doc[j].text) if j >= 0 else ""
        own = fold(doc[c["ts"]].text)
        if j == c["ts"] - 1 and det not in DEF_DET and own in DEF_DET and c["te"] - c["ts"] > 1:
            det = own  # `Le Canard enchaîné`, `La Croix`: the name's own article tells its gender
        if det == "les":
            a["number"] = "p"
        elif det in DEF_DET and DEF_DET[det]:
            gender = DEF_DET[det]
        elif det in CONTRACTED_DET:
            gender = CONTRACTED_DET[det]
        own_gender = gender if j == c["ts"] - 1 else ""
        if not own_gender and c["te"] - c["ts"] > 1:
            # a name headed by a common noun has that noun's gender (`l'Agence spatiale italienne`)
            own_gender = self.index.gender(doc[c["ts"]].text, "org_noun")
            gender = gender or own_gender
        a["gender"] = gender
        a["own_gender"] = own_gender
        return a

    def _first_name(self, c) -> str:
        """Gender a full name's first name tells (`Estelle Mossely`: f; first_names.jsonl)."""
        if c["te"] - c["ts"] < 2:
            return ""   # (a single name may be a surname: `Martin`, `Thomas`)
        return self.index.gender(self.doc[c["ts"]].text, "first_name")

    def _agreement(self, c) -> str:
        """Gender shown by what agrees with a subject name: `Penelope Vidal a été embauchée`
        (feminine participle), `Paul Vidal est arrivé` (masculine after être)."""
        tok = self.doc[c["ts"]:c["te"]].root
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

    def _thing_before(self, t, gender: str, number: str) -> bool:
        """Does the pronoun open its sentence right after one whose main subject is a common
        noun of its gender and number that names no actor (`La mission … . Elle`): not a role,
        an organisation's, a state's or a group's noun, no noun for a person (`la veuve`), nor
        inside a name? Without the nouns for persons, never."""
        doc, ix = self.doc, self.index
        if not self.person_nouns:
            return False
        first = self.sent_start[t.i]
        if first != t.i and not (t.text.startswith("-") or doc[first:t.i].text.strip(" ,") == ""):
            return False
        if first == 0 or self.sents[first - 1] != self.sents[t.i] - 1:
            return False
        prev = self.sent_start[first - 1]
        root = next((x for x in doc[prev:first] if x.dep_ == "ROOT"), None)
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubj:pass")), None) if root else None
        if subj is None and root is not None and root.pos_ == "NOUN" and not any(
                c.dep_ == "cop" for c in root.children):
            subj = root  # the parser made the subject the root (`Puis l'appareil mis au point par … changera`)
        if subj is None or subj.pos_ != "NOUN" or subj.i in self.in_mention or \
                any(ix.kind(subj.text, k) for k in ("role", "org_noun", "state_noun", "group_noun", "institution")) \
                or subj.lemma_.lower() in self.person_nouns or subj.lower_ in self.person_nouns:
            return False
        g, n = subj.morph.get("Gender"), subj.morph.get("Number")
        return g == ["Fem" if gender == "f" else "Masc"] and n == ["Sing" if number == "s" else "Plur"]

    def _impersonal(self, t) -> bool:
        head = t.head
        doc = t.doc
        if self.index.kind(head.lemma_, "impersonal"):
            return True
        if any(c.lower_ == "y" for c in head.children):
            return True
        # `il pourrait s'agir de`: the verb a modal governs is impersonal
        if head.lemma_ in ("pouvoir", "devoir") and any(
                c.dep_ == "xcomp" and self.index.kind(c.lemma_, "impersonal") for c in head.children):
            return True
        # `quoi qu'il en soit`, `il en est de même`, `s'il en était besoin` (not `elle en est exclue`)
        if t.lower_ == "il" and t.i + 3 < len(doc) and doc[t.i + 1].lower_ == "en" and (
                doc[t.i + 2].lemma_ == "être" or doc[t.i + 2].lower_ in ("soit", "fût", "fut")) \
                and doc[t.i + 3].lower_ in ("de", "d'", "besoin", "ainsi", ",", "."):
            return True
        return head.pos_ == "ADJ" and head.i + 1 < len(doc) and doc[head.i + 1].lower_ in ("de", "d'", "que", "qu'")

    def ranked(self, i: int, *, gender="", number="s", types=ANTECEDENT_TYPES, country="", role="",
               words=frozenset(), noun="", last=False, fallback=False, stands_for=()) -> list[dict]:
        """Antecedents of an anaphor at token i, best first (module docstring). `role`,
        `country`: a person description's role word and state, `words` the adjectives its
        antecedent's role should share (`socialiste`); `noun`: an organisation
        description's noun (`stands_for`: the roles a periphrasis is, any of which will do);
        `last`: the last one whatever its function (`ce dernier`);
        `fallback`: with none within the window, the actor named most often so far."""
        here = self.sents[i]
        scored, counts = [], {}
        for c in self.timeline:
            if c["ts"] >= i:
                break
            if c["quoted"] or c["type"] not in types:
                continue
            g = c["gender"]
            if gender and g and g != gender:
                continue
            if number != c["number"]:
                continue
            if country and c.get("country") != country:
                continue
            if role and fold(role) not in fold(c.get("role", "")) and fold(role) not in GENERIC_ROLES \
                    and not any(fold(r) in fold(c.get("role", "")) for r in stands_for):
                continue
            n, _ = counts.get(c["actor_id"], (0, None))
            counts[c["actor_id"]] = (n + 1, c)
            dist = here - self.sents[c["ts"]]
            described = bool(noun) and (noun in c["nouns"] or noun in fold(c.get("name", "")).split()) \
                or bool(words & set(fold(c.get("role", "")).split()))
            if dist > WINDOW and not (country or role or described):
                continue
            subj = 0 if last else c["subject"]
            if c["type"] != "person" and not (subj or described or noun or last):
                continue  # an organisation or a state is taken up by a pronoun when it acted
            # a name of the same sentence that is not its subject (`Après avoir critiqué Paul
            # Roy, il …`) comes after the subject of the previous sentence
            near = dist if subj or dist else 1
            if c.get("genitive") and not subj and not last:
                near += 1  # `la première investiture d'Obama`: a noun's complement is out of focus
            # a feminine antecedent outranks a nearer one of unknown gender only when it is near
            # itself: `elle` five sentences after `la Maison-Blanche` is not it
            # (`cette dernière` is the last one named whatever its gender shows)
            fem = gender == "f" and g == "f" and near <= FEMININE_REACH and not last
            key = (described, fem, -near, subj, c["type"] == "person", c["ts"])
            scored.append((key, c))
        if not scored and fallback and counts:
            return [dict(max(counts.values(), key=lambda v: (v[0], v[1]["ts"]))[1], fallback=True)]
        out, seen = [], set()
        for _, c in sorted(scored, key=lambda x: x[0], reverse=True):
            if c["actor_id"] not in seen:
                seen.add(c["actor_id"])
                out.append(c)
        return out

    # -- anaphors ----------------------------------------------------------------------------
    def mentions(self) -> list[dict]:
        doc = self.doc
        out = []

        def add(start, end, refs, rule, ts, te, gender=""):
            ref = refs[0]
            m = dict(start=start, end=end, label=TYPE_LABEL.get(ref["type"], "PER"), actor_id=ref["actor_id"],
                     name=ref["name"], type=ref["type"], country=ref.get("country", ""),
                     wikidata=ref.get("wikidata", ""), role="", source="coref", rule=rule,
                     antecedents=[[r["actor_id"], r["origin"]] for r in refs[:3]])
            out.append(m)
            if gender and not ref.get("gender") and ref["type"] == "person" and not ref.get("fallback") \
                    and self.sents[ts] - self.sents[ref["ts"]] <= 1:
                # (a guess among antecedents sentences away tells nothing of its gender)
                for c in self.timeline:  # `elle` tells the gender of its referent
                    if c["actor_id"] == ref["actor_id"]:
                        c["gender"] = gender
            # the anaphor is itself an antecedent of later ones
            entry = dict(ref, ts=ts, te=te, gender=gender or ref.get("gender", ""), quoted=False,
                         subject=_subject_rank(doc[ts:te], self.sent_start[ts]))
            k = len(self.timeline)
            while k > 0 and self.timeline[k - 1]["ts"] > ts:
                k -= 1
            self.timeline.insert(k, entry)

        for t in doc:
            if t.i in self.in_mention or t.i in self.role_toks or self.quoted(t.idx):
                continue
            low = t.text.lower().lstrip("-").replace("t-", "", 1) if t.text.startswith("-") else t.lower_
            if low in PRONOUNS and (t.dep_ in SUBJECT_DEPS or t.text.startswith("-")) and not (
                    low in ("elle", "elles") and _source_of(doc, t.i)):
                if self._impersonal(t):
                    continue
                gender, number = PRONOUNS[low]
                refs = self.ranked(t.i, gender=gender, number=number, fallback=number == "s")
                if refs and refs[0]["type"] != "person" and self._thing_before(t, gender, number):
                    continue  # `La mission, menée par l'ESA, … Elle a permis`: the mission, no actor
                if refs:
                    off = len(t.text) - len(t.text.lstrip("-t")) if t.text.startswith("-") else 0
                    add(t.idx + off, t.idx + len(t.text), refs, "coref:last-resort" if refs[0].get("fallback")
                        else "coref:pronoun", t.i, t.i + 1, gender)
            elif low in SOURCE_PRONOUNS and _source_of(doc, t.i):
                gender, number = SOURCE_PRONOUNS[low]
                refs = self.ranked(t.i, gender=gender, number=number)
                if refs:
                    add(t.idx, t.idx + len(t.text), refs, "coref:pronoun-source", t.i, t.i + 1)
            elif low == "qui" and t.dep_.startswith("nsubj"):
                # `Laurent Vidal (LR), qui se félicite`: a relative whose antecedent is a name
                j = t.i - 1
                while j >= 0 and t.i - j <= 2 and (doc[j].text == "," or doc[j].is_space):
                    j -= 1
                if j >= 0 and doc[j].text == ")":
                    while j >= 0 and doc[j].text != "(" and t.i - j <= 6:
                        j -= 1
                    j -= 1
                ref = self.ends.get(j + 1)
                if ref is not None and j + 1 < t.i:
                    add(t.idx, t.idx + len(t.text), [ref], "coref:relative", t.i, t.i + 1)
            elif low in ("ce", "cette") and t.i + 1 < len(doc) and doc[t.i + 1].lower_ in ("dernier", "dernière") \
                    and doc[t.i + 1].dep_ in SUBJECT_DEPS | {"nsubj"}:
                # `Ce dernier a refusé`: the last person, organisation or state named
                gender = "f" if doc[t.i + 1].lower_ == "dernière" else "m"
                refs = self.ranked(t.i, gender=gender, last=True)
                if refs:
                    add(t.idx, doc[t.i + 1].idx + len(doc[t.i + 1].text), refs, "coref:ce-dernier", t.i, t.i + 2)
            elif fold(t.text) in DEF_DET and fold(t.text) != "les" and t.i + 1 < len(doc):
                found = self._description(t)
                if found:
                    end, refs, rule = found
                    add(t.idx, doc[end - 1].idx + len(doc[end - 1].text), refs, rule, t.i, end)
        return out

    def _description(self, det) -> Optional[tuple[int, list, str]]:
        """`le ministre`, `la société`, `le pays` as a subject or a source: (end token,
        antecedents, rule), or None."""
        doc, ix = self.doc, self.index
        noun = doc[det.i + 1]
        kind = next((k for k in ("role", "org_noun", "state_noun") if ix.kind(noun.text, k)), None)
        if kind is None or noun.i in self.role_toks or noun.i in self.in_mention:
            return None
        if not phrase_acts(doc, det.i, noun):
            return None
        k = noun.i + 1
        country = ""
        words = set()  # `le candidat socialiste`: the words its antecedent's role should share
        while k < len(doc) and doc[k].pos_ == "ADJ" and not doc[k].is_punct:
            country = country or ix.demonym(doc[k].text)
            words.add(fold(doc[k].text))
            k += 1
        ahead = range(k, min(k + 3, len(doc)))
        # (not past the end of its sentence: `…, conclut l'agence.\n\nPaul Roy a nié`)
        ahead = ahead[:next((n for n, x in enumerate(ahead) if doc[x].is_space or doc[x].text in ENDS), len(ahead))]
        if any(x in self.in_mention or doc[x].pos_ == "PROPN" and x == k for x in ahead):
            return None  # `le président Macron`, `l'agence de presse Anadolu`: a role of the name
        if k + 1 < len(doc) and fold(doc[k].text) in DE and kind != "role" and (
                {k, k + 1} & self.in_mention or doc[k + 1].pos_ in ("NOUN", "ADJ")):
            # `la mairie de Brest`: an institution of its own (institutions()); `la commission des
            # affaires familiales`: an organisation its complement describes, no anaphor
            return None
        det_gender = DEF_DET.get(fold(det.text), "")
        if kind == "role":
            gender = det_gender or ix.gender(noun.text, "role")
            # `le chef du gouvernement`: a periphrasis, over its complement, is any role of its kind
            phrase, stands_for = self.periphrasis(doc[noun.i:noun.i + 6].text)
            if phrase:
                k = max(k, doc.char_span(noun.idx, noun.idx + len(phrase), alignment_mode="expand").end)
            refs = self.ranked(det.i, gender=gender, types=("person",), country=country, role=noun.text,
                               words=words, stands_for=stands_for)
            return (k, refs, "coref:description") if refs else None
        if kind == "org_noun":
            # `le gouvernement bahreïni` is no other state's; `le groupe socialiste` is no
            # organisation whose name does not say `socialiste`: each is one of its own
            leaning = {w for w in words if ix.kind(w, "leaning")}
            refs = [r for r in self.ranked(det.i, types=("organization",), noun=fold(noun.lemma_))
                    if not (country and r.get("country") and r["country"] != country)
                    and leaning <= set(fold(r["name"]).split())]
            if ix.kind(noun.text, "institution"):
                # `le gouvernement`, `la police`: only an institution named with that word
                refs = [r for r in refs if fold(noun.lemma_) in r["nouns"] or fold(noun.lemma_) in fold(r["name"]).split()]
            return (k, refs, "coref:description-org") if refs else None
        refs = self.ranked(det.i, types=("state",))
        return (k, refs, "coref:description-state") if refs else None
