"""Cues: the cue lexicon indexed for look-up (a verb as tagged, as conjugated, or the last word of a
multiword cue), and the verbal group around a cue: its first token, its negation, its inverted
subject clitic, and whether it is a speech act at all."""
from __future__ import annotations

import re
from typing import Optional

from pipeline.components.attributions.context import Ctx, norm
from pipeline.rules.cues import Cue


def conjugate_er(lemma: str) -> set[str]:
    """Common finite and participle forms of a first-group verb (`estimer` -> `estime`,
    `estimait`, `estimé`, …), to recognise cues the tagger tags or lemmatises wrong."""
    if not lemma.endswith("er") or " " in lemma:
        return set()
    stem = lemma[:-2]
    soft = stem[:-1] + "ç" if stem.endswith("c") else stem + "e" if stem.endswith("g") else stem
    grave = re.sub(r"é([^aeiouyé]+)$", r"è\1", stem)
    out = {grave + e for e in ("e", "es", "ent")}
    out |= {stem + e for e in ("ons", "ez", "é", "ée", "és", "ées", "èrent", "erait", "eraient", "era", "eront")}
    out |= {soft + e for e in ("ait", "aient", "ant", "a", "ais")}
    out.add(stem + "ons" if not stem.endswith("g") else stem + "eons")
    return out


# third-person finite forms of the irregular first verbs of multiword cues (`faire savoir`,
# `mettre en garde`), which conjugate_er cannot make: the tagger calls `fait` a noun after an incise
IRREGULAR_FORMS = {
    "faire": frozenset({"fait", "font", "faisait", "faisaient", "fera", "feront", "ferait", "feraient", "fit",
                        "firent"}),
    "mettre": frozenset({"met", "mettent", "mettait", "mettaient", "mettra", "mettront", "mettrait",
                         "mettraient", "mit", "mirent"}),
}


def multiword_start(ctx, i: int, words: list) -> Optional[int]:
    """Index of the first word of `words` (`mettre en avant`) ending at token i, the words in
    order, adverbs and inverted clitics allowed between (`laisse-t-il clairement entendre`)."""
    j = i - 1
    for w in reversed(words[1:-1]):
        while j >= 0 and (ctx.tok(j).pos_ == "ADV" or ctx.tok(j).text.startswith("-")) and norm(ctx.tok(j)) != w:
            j -= 1
        if j < 0 or norm(ctx.tok(j)) != w:
            return None
        j -= 1
    while j >= 0 and (ctx.tok(j).pos_ == "ADV" or ctx.tok(j).text.startswith("-")):
        j -= 1
    if j < 0:
        return None
    t = ctx.tok(j)
    if t.pos_ in ("VERB", "AUX") and (t.lemma_ == words[0] or norm(t).startswith(words[0][:4])):
        return j
    if norm(t) in conjugate_er(words[0]) | IRREGULAR_FORMS.get(words[0], frozenset()) \
            and (j == 0 or ctx.tok(j - 1).pos_ not in ("DET", "ADP", "ADJ", "NUM")):
        return j  # the tagger's miss (`Le syndicat pointe/ADJ du doigt`, `X, qui …, fait/NOUN savoir`),
        # not a noun (`la pointe du doigt`, `le fait`)
    return None


def inverted_clitic(ctx: Ctx, t) -> Optional[tuple[int, int]]:
    """The inverted subject clitic around cue `t` (`a-t-il déclaré`, `déclare-t-elle`): char
    span of `il`/`elle` without the hyphen."""
    lo = t.i
    while lo > 0 and (ctx.tok(lo - 1).pos_ in ("AUX", "ADV") or ctx.tok(lo - 1).text.startswith("-")
                      or locution_adp(ctx, lo - 1)) and t.i - lo < 5:  # `a-t-il d'abord affirmé`
        lo -= 1  # `a-t-elle ainsi concédé`: an adverb between the clitic and the participle
    for j in list(range(lo, t.i)) + [j for j in (t.i + 1, t.i + 2) if j < ctx.n]:
        w = norm(ctx.tok(j))
        if w in ctx.words.inverted_clitic or hyphen_clitic(w):
            tk = ctx.tok(j)
            off = len(tk.text) - len(tk.text.lstrip("-"))
            if tk.text.lower().startswith("-t-"):
                off = 3
            return tk.idx + off, tk.idx + len(tk.text)
        if j > t.i and w != "-t":
            break
    return None


def hyphen_inverted(ctx: Ctx, t) -> bool:
    """Is token t followed by a hyphenated inverted subject clitic (`-t-il`, `-elle`, `-t` `-on`)?"""
    k = t.i + 1
    if k < ctx.n and norm(ctx.tok(k)) == "-t":
        k += 1
    return k < ctx.n and hyphen_clitic(norm(ctx.tok(k)))


def hyphen_clitic(w: str) -> bool:
    """Is normalised word w a hyphenated subject clitic (`-il`, `-t-elle`, `-on`)?"""
    return w.startswith("-") and w.lstrip("-t").lstrip("-") in ("il", "elle", "ils", "elles", "on")


def locution_adp(ctx: Ctx, k: int) -> bool:
    """Is token k the preposition of a two-word adverb (`d'abord`, `d'ailleurs`, `à nouveau`)?"""
    if k + 1 >= ctx.n or ctx.tok(k).pos_ != "ADP":
        return False
    w = ctx.tok(k + 1)
    return (w.dep_ == "fixed" and w.head.i == k) or w.pos_ == "ADV" and ctx.tok(k).head.i in (k + 1, w.head.i)


def chain_start(ctx: Ctx, i: int) -> int:
    """Leftmost token of the verbal group ending at cue i (auxiliaries, clitics, adverbs)."""
    i = ctx.cue_first.get(i, i)
    j = i
    while j > 0 and i - j < 7:
        p = ctx.tok(j - 1)
        w = norm(p)
        if p.pos_ == "AUX" or w in ctx.words.object_clitic or w in ctx.words.negation_start \
                or w in ctx.words.negation_end or p.text.startswith("-") \
                or w.endswith(("-même", "-mêmes")) \
                or (p.pos_ == "ADV" and not p.is_punct) or locution_adp(ctx, j - 1) or (p.pos_ == "PRON" and p.dep_.startswith("expl")
                                                             and w not in ctx.words.subject_pronoun):
            j -= 1
            continue
        # `a pour sa part déclaré`, `a de son côté indiqué`: a preposition, a possessive and a noun
        # between the auxiliary and its participle
        if p.pos_ == "NOUN" and j - 4 >= 0 and ctx.tok(j - 2).morph.get("Poss") == ["Yes"] \
                and ctx.tok(j - 3).pos_ == "ADP" and ctx.tok(j - 4).pos_ == "AUX":
            j -= 3
            continue
        # `a tenu à préciser`, `vient de déclarer`: a modal verb and its preposition
        if w in ("à", "de", "d'") and ctx.tok(i).morph.get("VerbForm") == ["Inf"] and j - 2 >= 0 \
                and ctx.tok(j - 2).pos_ in ("VERB", "AUX"):
            j -= 2
            continue
        break
    return j


def not_a_speech_act(ctx: Ctx, t) -> bool:
    """An imperative (`Notez que`), a past participle with no auxiliary (`Accusé de …, il`,
    `jugé trop « libéral »`), an infinitive under a modal, a near future or of purpose
    (`pourrait annoncer`, `va annoncer`, `afin de garantir`), `vouloir dire` (to mean), the journalist's `À noter que` and `confirmant ainsi` are no one's
    speech act."""
    m = t.morph
    if m.get("Mood") == ["Imp"] or _first_plural_imperative(ctx, t):
        return True
    if t.text[:1].isupper() and not {"Part", "Inf"} & set(m.get("VerbForm")) and ctx.in_quote[t.i] < 0 \
            and opens_sentence(ctx, t) \
            and not any(c.dep_.startswith("nsubj") for c in t.children) and inverted_clitic(ctx, t) is None:
        return True  # `Avance qu'ils maintiennent jusqu'à l'arrivée.`: a noun the tagger took for a verb
    if t.dep_ == "acl:relcl" and norm(t.head) == "ce" and any(norm(c) == "qui" and c.dep_ == "nsubj" for c in t.children):
        return True  # `…, ce qui indique que`: the fact just told points to it, nobody says it
    if t.lemma_ == "dire" and ctx.text[max(0, t.idx - 8):t.idx].lower().replace("’", "'").endswith("est-à-"):
        return True  # `c'est-à-dire que`: to mean, no speech act
    before = [norm(ctx.tok(x)) for x in range(max(0, t.i - 3), t.i)]
    if norm(t) == "dit" and before and before[-1] in ("cela", "ceci") and not (
            t.i + 1 < ctx.n and (norm(ctx.tok(t.i + 1)) in ("que", "qu'", ":") or t.i + 1 in ctx.open_tok)):
        return True  # `La bataille devrait, cela dit, durer`: a discourse marker (that said), no speech act
    if t.lemma_ == "assurer" and before and before[-1] in ("s'", "se", "m'", "me", "nous", "vous"):
        return True  # `pour s'assurer que`: to make sure, no speech act
    if before and t.morph.get("VerbForm") != ["Inf"] and (before[-1] in ("plus", "moins", "si", "trop") or (
            before[-1] == "aussi" and t.i >= 2 and ctx.tok(t.i - 2).lemma_ == "être")):
        return True  # `sont aussi avancés que`, `le plus avancé`: a degree, no speech act (`a aussi ajouté`: also)
    if "Fut" in m.get("Tense") and "Fin" in m.get("VerbForm") and ctx.in_quote[t.i] < 0 and \
            t.lower_.endswith(("ra", "ront", "rai", "ras", "rons", "rez")):  # the tag alone errs (`recommande`)
        return True  # `Elle annoncera sa candidature ce soir`: nothing said yet
    if before[-3:] == ["force", "est", "de"] or before[-3:] == ["force", "est", "d'"]:
        return True  # `force est de constater que`: the journalist's inference
    # the words before, adverbs left out (`afin notamment de demander`)
    before = [norm(ctx.tok(x)) for x in range(max(0, t.i - 5), t.i)
              if ctx.tok(x).pos_ != "ADV" or norm(ctx.tok(x)) == "afin"][-3:]
    if m.get("VerbForm") == ["Inf"]:
        if any(ctx.tok(x).lemma_ == "falloir" or norm(ctx.tok(x)) in ("faut", "fallait") for x in range(max(0, t.i - 3), t.i)):
            return True  # `il faut dire que`
        if any(ctx.tok(x).lemma_ in ("pouvoir", "devoir") and ctx.tok(x).pos_ in ("VERB", "AUX")
               for x in range(max(0, t.i - 3), t.i)):
            return True  # `le ministre pourrait annoncer`, `on peut dire`: nothing said yet
        j = t.i - 1
        while j > 0 and ctx.tok(j).pos_ == "ADV":
            j -= 1
        if ctx.in_quote[t.i] >= 0:
            j = -1  # `« je vais dire que … »`: the quoted speaker is saying it
        if j >= 0 and ctx.tok(j).lemma_ == "aller" and ctx.tok(j).morph.get("VerbForm") == ["Fin"]:
            return True  # `le ministre va annoncer`: a near future, nothing said yet
        if j >= 0 and t.lemma_ == "dire" and ctx.tok(j).lemma_ == "vouloir":
            return True  # `cela veut dire que`: to mean, no speech act
        if before[-2:] in (["afin", "de"], ["afin", "d'"], ["manière", "à"], ["façon", "à"], ["vue", "de"]):
            return True  # `afin de garantir que`: a purpose, no one's speech
        if t.i > 0 and norm(ctx.tok(t.i - 1)) in ("à", "a", "de", "d'"):
            k = t.i - 2
            while k > 0 and ctx.tok(k).pos_ == "ADV":
                k -= 1
            if norm(ctx.tok(t.i - 1)) == "à" and (ctx.tok(t.i - 1).is_sent_start or k >= 0 and ctx.tok(k).lemma_ == "être") \
                    or ctx.tok(t.i - 1).text == "A" and ctx.tok(t.i - 1).is_sent_start:  # `A noter`, accent dropped
                return True  # `À noter que`, `Il est aussi à noter que`: the journalist's aside
            if k >= 2 and ctx.tok(k).pos_ == "ADJ" and ctx.tok(k - 1).lemma_ == "être" and norm(ctx.tok(k - 2)) == "il":
                return True  # `il est possible d'observer que`: an impersonal modal, nobody's speech
    if m.get("VerbForm") == ["Part"] and m.get("Tense") == ["Pres"] and t.i + 1 < ctx.n \
            and norm(ctx.tok(t.i + 1)) == "ainsi":
        return True  # `…, confirmant ainsi les soupçons`: the journalist's inference
    if past_participle(t):
        lo = chain_start(ctx, t.i)
        # the parse's auxiliary, past an incise or tagged a verb (`a, quant à lui, déclaré`)
        has_aux = any(c.dep_ in ("aux", "aux:tense") and c.i < t.i and c.lemma_ in ("avoir", "être")
                      for c in t.children)
        for x in range(t.i - 1, max(-1, t.i - 6), -1):  # `a par conséquent annoncé`
            if has_aux:
                break
            if norm(ctx.tok(x)) == "et" and t.dep_ == "conj" and any(
                    c.pos_ == "AUX" and c.dep_.startswith("aux") for c in t.head.children):
                has_aux = True  # `avait parlé de … et rappelé que`: the auxiliary of the first
                break
            if ctx.tok(x).text == "," and x == t.i - 1:
                # `avait, il y a un mois, déclaré`: an incise right after the auxiliary
                k = next((k for k in range(x - 1, max(-1, x - 10), -1) if ctx.tok(k).text == ","), None)
                has_aux = k is not None and k > 0 and ctx.tok(k - 1).pos_ == "AUX"
                break
            if ctx.tok(x).is_punct or ctx.tok(x).pos_ in ("VERB", "SCONJ", "CCONJ"):
                break
            if ctx.tok(x).pos_ == "AUX":
                has_aux = True
                break
        if not has_aux and _finite_before_que(ctx, t):
            return False
        if not has_aux and inverted_clitic(ctx, t) is None:
            # `», dit la candidate`: `dit` is also a present tense, inverted after the content
            inverted = lo > 0 and (ctx.tok(lo - 1).text == "," or lo - 1 in ctx.close_tok) and \
                t.i + 1 < ctx.n and ctx.tok(t.i + 1).pos_ in ("DET", "PROPN")
            return not inverted
    return False


def _finite_before_que(ctx: Ctx, t) -> bool:
    """`Libération écrit de son côté que …`: a present tense the tagger read as a participle,
    known by the `que` it opens a few words on (past an adverbial, no verb or comma between).
    Only verbs in -ire whose present is written as their participle (`dire` dit, `écrire`
    écrit, `décrire`, `prédire`, `conduire` conduit), never `écrit par`."""
    lemma = t.lemma_.lower()
    if not (lemma.endswith("ire") and t.lower_ == lemma[:-2] + "t") or \
            t.i + 1 < ctx.n and norm(ctx.tok(t.i + 1)) == "par":
        return False
    for j in range(t.i + 1, min(ctx.n, t.i + 9)):
        x = ctx.tok(j)
        if norm(x) in ("que", "qu'"):
            return True
        if x.pos_ in ("VERB", "AUX", "SCONJ", "PRON") or x.is_punct:
            return False
    return False


def opens_sentence(ctx: Ctx, t) -> bool:
    """Is t the first word of its sentence or paragraph (punctuation aside)?"""
    k = t.i - 1
    while k >= 0 and (ctx.tok(k).is_space or ctx.tok(k).text in ("«", "\"", "“", "(", "–", "—", "-")):
        k -= 1
    return k < 0 or ctx.tok(k).text in (".", "!", "?", "…") or ctx.is_break(k)


def _first_plural_imperative(ctx: Ctx, t) -> bool:
    """`Rappelons que`, `Notons au passage que`, `Précisez que`: a first or second person plural
    opening its sentence with no subject, which the tagger often calls an indicative."""
    m = t.morph
    if not (m.get("VerbForm") == ["Fin"] and m.get("Number") == ["Plur"] and m.get("Person") in (["1"], ["2"])
            or m.get("VerbForm") in (["Fin"], ["Part"]) and t.lower_.endswith(("ons", "ez"))):
        return False  # the morphology, else the written ending (the tagger often gets it wrong)
    first = t.sent.start
    while first < t.i and (ctx.tok(first).is_punct or ctx.tok(first).is_space):
        first += 1
    opens = first == t.i or t.i > 0 and (ctx.tok(t.i - 1).text in (".", "!", "?") or ctx.is_break(t.i - 1))
    return opens and t.text[:1].isupper() and not any(c.dep_.startswith("nsubj") for c in t.children)


def past_participle(t) -> bool:
    """Tagged a past participle, and written like one: the tagger calls some finite forms of
    first-group verbs participles (`Le Conseil rappelle que`), whose participle ends in -é."""
    m = t.morph
    if m.get("VerbForm") != ["Part"] or m.get("Tense") != ["Past"]:
        return False
    lemma = t.lemma_.lower()
    return not (lemma.endswith("er") and not t.text.lower().endswith(("é", "ée", "és", "ées")))


def negated(ctx: Ctx, t) -> bool:
    lo = chain_start(ctx, t.i)
    window = [norm(ctx.tok(j)) for j in range(lo, min(ctx.n, t.i + 3))]
    if not any(w in ctx.words.negation_start for w in window[:t.i - lo]):
        return False  # (a `ne` after the cue negates its infinitive: `a affirmé ne pas savoir`)
    k = next(k for k, w in enumerate(window) if w in ctx.words.negation_start)
    if any(w in ("rien", "personne", "nul") for w in window[:k]) or \
            lo > 0 and norm(ctx.tok(lo - 1)) in ("rien", "personne", "nul") and k == 0:
        return True  # `rien ne précise que`: a negated subject
    return any(w in ctx.words.negation_end for w in window[k + 1:])


class CueLookup:
    """The cue lexicon of a component (its `rules["cues.jsonl"]`) indexed for `verb_cue`."""

    def index_cues(self) -> None:
        self.verbs: dict[str, list[Cue]] = {}
        self.nouns: dict[str, Cue] = {}
        self.preps: dict[str, Cue] = {}
        self.forms: dict[str, str] = {}  # conjugated form -> lemma, where the tagger errs
        for c in self.rules.get("cues.jsonl", []):
            if c.pos == "verb":
                last = c.lemma.split()[-1].replace("s'", "")
                self.verbs.setdefault(last, []).append(c)
                for f in conjugate_er(last):
                    self.forms.setdefault(f, last)
            elif c.pos == "noun":
                self.nouns.setdefault(c.lemma.split()[-1], c)
            else:
                self.preps[c.lemma] = c

    def verb_cue(self, ctx: Ctx, t) -> Optional[Cue]:
        cands = None
        if t.pos_ in ("VERB", "AUX"):
            cands = self.verbs.get(t.lemma_.lower())
        if not cands and t.pos_ in ("VERB", "AUX", "ADJ", "NOUN", "PROPN"):
            # the tagger and lemmatizer often miss a reporting verb (`estime` ADJ `estim`)
            lemma = self.forms.get(norm(t))
            if lemma and (t.pos_ in ("VERB", "AUX", "ADJ") or (
                    t.i > 0 and ctx.tok(t.i - 1).pos_ not in ("DET", "ADP", "ADJ", "NUM"))):
                cands = self.verbs.get(lemma)
        if not cands and hyphen_inverted(ctx, t):
            # `», remarque-t-il`, `», tranche-t-elle`: only a verb takes a hyphenated subject
            # clitic, whatever the tagger made of it (`remarque` PRON, `tranche` NUM)
            cands = self.verbs.get(self.forms.get(norm(t), ""))
        if not cands:
            # a multiword cue anchors on its last word, whatever its tag (`mettre en garde`)
            cands = [c for c in self.verbs.get(norm(t), []) if " " in c.lemma and c.lemma.split()[0] not in ("se",)]
        if not cands:
            return None
        before = [norm(ctx.tok(j)) for j in range(max(0, t.i - 4), t.i)]
        best = None
        for c in cands:
            words = c.lemma.split()
            reflexive = words[0] in ("se", "s'") or c.lemma.startswith("s'")
            if len(words) > 1 and not reflexive:
                first = multiword_start(ctx, t.i, words)
                if first is None:
                    continue
                ctx.cue_first[t.i] = first
            if reflexive and not any(b in ("se", "s'", "me", "m'", "te", "t'", "nous", "vous") for b in before):
                continue
            if best is None or len(c.lemma) > len(best.lemma) or (reflexive and not best.lemma.startswith("s")):
                best = c
        if best is None:
            # a plain verb listed only as reflexive or multiword does not count alone
            return None
        return best
