"""Speakers: the noun phrase that speaks, from the dependency parse first (`parse_speaker`: the
cue's subject, the agent of a passive, the subject of the verb a participle, gerund, infinitive
or coordinated verb depends on, `qui`), by word order only where the parse gives nothing (left
of the cue, inverted after it); each with the rule that chose it (context.Speaker). The actor
a phrase is: speaker_actors.py."""
from __future__ import annotations

from typing import Optional

from pipeline.components.attributions.control import controller, object_controlled
from pipeline.components.attributions.context import SENT_END, INCISE_START, TO, Ctx, Speaker, norm, speaker_at
from pipeline.components.attributions.cues import chain_start, inverted_clitic
from pipeline.components.attributions.noun_phrases import bare_pronoun, np_left, np_right
from pipeline.components.attributions.speakers_right import skip_adverbials


def subject_from_parse(ctx: Ctx, i: int) -> Optional[tuple[int, int]]:
    """The parse's subject of verb i or of the verbs it hangs from (advcl, conj, xcomp)."""
    t = ctx.tok(i)
    for _ in range(4):
        subj = [c for c in t.children if c.dep_ in ("nsubj", "nsubj:pass") and c.i < i] or [
            c for a in t.children if a.dep_.startswith("aux") and a.i < i  # hung on the auxiliary
            for c in a.children if c.dep_ in ("nsubj", "nsubj:pass") and c.i < a.i]
        if subj:
            s = subj[0]
            if norm(s) == "qui" and t.dep_ == "acl:relcl":
                s = t.head
            keep = [x for x in s.subtree if x.i < i and not x.is_punct]
            for c in s.children:
                if c.dep_ in ("acl:relcl", "acl") and c.i > s.i:
                    keep = [x for x in keep if x.i < min(y.i for y in c.subtree)]
            while keep and keep[0].dep_ == "cc" and keep[0].head.i == s.i:
                keep = keep[1:]  # `…, mais des voisins affirment`: the conjunction is the clause's
            if keep:
                lo, hi = min(x.i for x in keep), max(x.i for x in keep)
                # the parser ran two paragraphs into one sentence: no subject across their break
                return None if any(ctx.is_break(x) for x in range(hi, i)) else (lo, hi)
        if t.dep_ in ("advcl", "conj", "xcomp", "acl", "ccomp") and t.head.i != t.i:
            t = t.head
        else:
            break
    return None


def _apposed_participle(t) -> bool:
    """Does t open an apposed past participle clause (`X, battu au premier tour, a dit`)?"""
    return t.pos_ == "VERB" and t.morph.get("VerbForm") == ["Part"] and t.morph.get("Tense") == ["Past"]


def _skip_left_incises(ctx: Ctx, j: int, lo: int) -> int:
    """Step left over `, de son côté,`-like incises and adverbs between a subject and its verb."""
    while j >= lo:
        t = ctx.tok(j)
        if t.text == ",":
            k = j - 1
            while k >= lo and ctx.tok(k).text != "," and j - k < 10 and ctx.tok(k).text not in SENT_END:
                k -= 1
            rel = j - 1  # a longer relative clause between commas (`X, qui avait … dernier, s'est dit`)
            while rel > lo and j - rel < 40 and ctx.tok(rel).text not in SENT_END and not (
                    ctx.tok(rel).text == "," and norm(ctx.tok(rel + 1)) in ("qui", "dont", "où")):
                rel -= 1
            if rel > lo and ctx.tok(rel).text == "," and norm(ctx.tok(rel + 1)) in ("qui", "dont", "où") \
                    and not any(ctx.tok(x).text == "," for x in range(rel + 2, j) if ctx.in_quote[x] < 0
                                and ctx.tok(x + 1).pos_ in ("DET", "PROPN")):
                k = rel
            if k >= lo and ctx.tok(k).text == "," and (ctx.tok(k + 1).pos_ in INCISE_START or norm(ctx.tok(k + 1)) in (
                    "qui", "que", "qu'", "dont", "où", "lequel", "laquelle") or _apposed_participle(ctx.tok(k + 1))
                    or k > lo and ctx.tok(k - 1).dep_.startswith("aux")):  # `avait, il y a un mois, dit`
                j = k - 1
                continue
            return j - 1
        if t.pos_ == "ADV" and norm(t) not in ctx.words.negation_start:
            j -= 1
            continue
        return j
    return j


def _over_complements(ctx: Ctx, np: tuple[int, int], lo: int) -> tuple[int, int]:
    """`Paul Roy, géologue de l'université de Kutch en Inde, a dit`, `Anne Roy, chargée de l'aide
    aux victimes, a dit`: a noun phrase after a preposition is a complement of the one before it
    (the apposition of the subject), whose start it takes; no subject follows a preposition."""
    for _ in range(3):
        p = np[0] - 1
        if p - 1 < lo or ctx.tok(p).pos_ != "ADP":
            break
        prev = np_left(ctx, p - 1)
        if not prev or _time_phrase(ctx, prev):
            break  # (`enlevé ce jeudi au Tchad, a confirmé …`: a time, no subject's apposition)
        np = (prev[0], np[1])
    return np


def left_speaker(ctx: Ctx, i: int) -> Optional[tuple[int, int]]:
    lo = chain_start(ctx, i)
    j = lo - 1
    sent_start = ctx.sent_start(i)
    for _ in range(3):
        if j < sent_start:
            break
        np = np_left(ctx, j)
        if not np:
            break
        if np[0] - 1 >= sent_start and ctx.tok(np[0] - 1).pos_ == "ADP" and not (
                norm(ctx.tok(np[0] - 1)) in ctx.words.de | TO and ctx.tok(np[0]).pos_ == "PROPN"):
            # `X a par conséquent annoncé`, `X a, pour sa part, dit`: a PP, not the subject
            j = np[0] - 2
            while j >= sent_start and (ctx.tok(j).pos_ in ("AUX", "ADV") or ctx.tok(j).text == ","):
                j -= 1
            continue
        if _time_phrase(ctx, np):
            # `X, en déplacement à Troyes, ce mardi, a contesté`: a time adverbial, not the subject
            j = _before_time(ctx, np, sent_start)
            continue
        return speaker_at(ctx, *np, "surface")
    for _ in range(3):
        k = _skip_left_incises(ctx, j, sent_start)
        while k >= sent_start and (ctx.tok(k).pos_ == "AUX" or norm(ctx.tok(k)) in ctx.words.object_clitic):
            k -= 1
        if k == j or k < sent_start:
            break
        j = k
        if ctx.tok(j).text == ",":
            continue
        np = np_left(ctx, j)
        if np and _time_phrase(ctx, np):
            j = _before_time(ctx, np, sent_start)  # `Paul Roy, à Lyon, ce mardi, a dit`
            continue
        if np:
            return speaker_at(ctx, *_over_complements(ctx, np, sent_start), "surface")
    parsed = subject_from_parse(ctx, i)
    if parsed and parsed[0] >= sent_start:
        return speaker_at(ctx, *parsed, "subject")
    if lo - 1 >= sent_start and ctx.tok(lo - 1).pos_ == "CCONJ":
        # `X refuse de … et annonce que …`: the subject of the first predicate
        np = sentence_subject(ctx, sent_start, lo - 1)
        if np:
            return speaker_at(ctx, *np, "governor_subject")
    return None


def _time_phrase(ctx: Ctx, np: tuple[int, int]) -> bool:
    """`ce mardi`, `jeudi 23 mars`, `la veille au soir`: a noun phrase of time words only."""
    toks = [ctx.tok(x) for x in range(np[0], np[1] + 1)]
    return any(x.lower_ in ctx.words.time_word for x in toks) and all(
        x.lower_ in ctx.words.time_word or x.pos_ in ("DET", "NUM", "ADJ", "ADP") for x in toks)


def _before_time(ctx: Ctx, np: tuple[int, int], sent_start: int) -> int:
    """The token before a time adverbial, its commas and preposition (`, lors du jeudi 23 mars,`)."""
    j = np[0] - 1
    while j >= sent_start and (ctx.tok(j).text == "," or ctx.tok(j).pos_ == "ADP"):
        j -= 1
    return j


def participle_speaker(ctx: Ctx, i: int) -> Optional[tuple[int, int]]:
    """An absolute construction's own subject, opened by a comma (`…, le porte-parole, Dmitri
    Peskov, déclarant :`, `…, le président promettant de …`; not after a gerund's `en`), or the
    subject of the clause the participle hangs from (`Il a parlé dimanche, ajoutant que`)."""
    j = i - 1
    while j >= 0 and (norm(ctx.tok(j)) in ("en", "tout") or norm(ctx.tok(j)) in ctx.words.object_clitic):
        j -= 1
    comma = j >= 1 and ctx.tok(j).text == ","
    if j >= 1 and (comma or norm(ctx.tok(i - 1)) not in ("en", "tout")):
        np = np_left(ctx, j - 1 if comma else j)
        if np and np[0] >= 1 and ctx.tok(np[0] - 1).text == "," and ctx.tok(np[0]).pos_ in ("DET", "PROPN"):
            return speaker_at(ctx, *np, "subject")
    if comma:
        # `…, précise-t-il, ajoutant que`: the inverted subject just before
        for k in range(j - 1, max(-1, j - 3), -1):
            clitic = inverted_clitic(ctx, ctx.tok(k)) if ctx.tok(k).text.startswith("-") else None
            if clitic is not None:
                return Speaker(*clitic, "clitic")
    # the speaker of the previous attribution of the same sentence (`…, a-t-il dit, précisant que`)
    last = ctx.last_speaker
    if last and last[1] == ctx.sent_start(i):
        return Speaker(*last[0], "governor_subject")
    parsed = subject_from_parse(ctx, i)
    sent = ctx.tok(i).sent
    start = sent.start  # (a paragraph's first word starts a sentence whatever the parser says)
    for k in range(i - 1, sent.start - 1, -1):
        if ctx.is_break(k):
            start = k + 1
            break
    while start < i and ctx.tok(start).is_space:
        start += 1
    if parsed and parsed[0] >= start:
        return speaker_at(ctx, *parsed, "governor_subject")
    if i == start:
        # `Affirmant que …, le porte-parole a critiqué`: the subject of the main clause after it
        k = i + 1  # (the parser may end the sentence at the comma: read the tokens)
        while k < ctx.n and not (ctx.tok(k).text == "," and ctx.in_quote[k] < 0) and k - i < 60 \
                and ctx.tok(k).text not in SENT_END:
            k += 1
        np = np_right(ctx, k + 1, appos=False) if k + 1 < ctx.n and ctx.tok(k).text == "," else None
        if np and np[1] + 1 < ctx.n and ctx.tok(np[1] + 1).pos_ in ("VERB", "AUX"):
            return speaker_at(ctx, *np, "governor_subject")
    np = sentence_subject(ctx, start, i)
    return speaker_at(ctx, *np, "surface") if np else None


def sentence_subject(ctx: Ctx, start: int, limit: int) -> Optional[tuple[int, int]]:
    """The noun phrase opening a sentence, after an introductory adverbial and its comma
    (`Le lendemain, le maire …`)."""
    np = np_right(ctx, start, appos=False)
    if np and np[1] < limit and np[1] + 1 < ctx.n:
        toks = [ctx.tok(x) for x in range(np[0], np[1] + 1)]
        named = any(t.pos_ == "PROPN" for t in toks) and not any(t.pos_ == "NUM" for t in toks)
        if ctx.tok(np[1] + 1).text != "," or named:  # `François Fillon, cependant, refuse`
            return np
    k = start
    while k < min(limit, start + 12) and ctx.tok(k).text != ",":
        k += 1
    if k < limit and ctx.tok(k).text == ",":
        np = np_right(ctx, k + 1, appos=False)
        if np and np[1] < limit:
            return np
    return None


def is_participle(t) -> bool:
    return t.morph.get("VerbForm") == ["Part"] and t.morph.get("Tense") == ["Pres"]


SUBJECTS = ("nsubj", "nsubj:pass")
PLAIN_CLITICS = ("il", "elle", "ils", "elles", "on")  # an inverted clitic without its hyphens
GOVERNED = ("advcl", "xcomp", "conj", "acl")  # a verb whose missing subject is its governor's


def subject_phrase(ctx: Ctx, s, limit: int) -> Optional[tuple[int, int]]:
    """Token span of the phrase headed by s before token `limit` (a passive subject that is a
    content: `Cette demande, jugée excessive,`), commas inside kept."""
    keep = [x for x in s.subtree if x.i < limit]
    if not keep:
        return None
    lo, hi = min(x.i for x in keep), max(x.i for x in keep)
    while hi > lo and ctx.tok(hi).is_punct and ctx.tok(hi).i not in ctx.close_tok:
        hi -= 1
    return None if any(ctx.is_break(x) for x in range(lo, hi)) else (lo, hi)


def with_name_after(ctx: Ctx, span: Optional[tuple[int, int]]) -> Optional[tuple[int, int]]:
    """`par le fondateur de la société, Paul Roy.`: a role description and the name in
    apposition after its comma, which the parser leaves out of the agent's phrase."""
    if span is None or span[1] + 2 >= ctx.n or ctx.tok(span[1] + 1).text != ",":
        return span
    words = [ctx.tok(x) for x in range(*span) if ctx.tok(x).pos_ != "DET"]
    if not words or words[0].pos_ != "NOUN":
        return span
    end = span[1] + 2
    # (a foreign first name the tagger calls a noun still opens the person's name: `Suresh Prabhu`)
    person = next((m for m in ctx.doc._.depeche_mentions or [] if m.get("label") == "PER"
                   and m["start"] == ctx.tok(end).idx), None)
    while end < ctx.n and (ctx.tok(end).pos_ == "PROPN" or person and ctx.tok(end).idx < person["end"]) \
            and not ctx.is_break(end):
        end += 1
    if end == span[1] + 2 or end < ctx.n and ctx.tok(end).text not in SENT_END | {",", "(", ")"}:
        return span
    return span[0], end - 1


def _phrase(ctx: Ctx, s, limit: int) -> Optional[tuple[int, int]]:
    """Token span of the subject phrase headed by s: its subtree before `limit` (the cue),
    without relative clauses and participle clauses after its head, nor a trailing comma."""
    keep = [x for x in s.subtree if x.i < limit and not (x.is_punct and x.i > s.i and x.text != "-")]
    for c in s.children:
        if c.dep_ in ("acl:relcl", "acl") and c.i > s.i and not (c.pos_ == "VERB" and c.text[:1].isupper()):
            # (a capitalised `acl` is a first name the tagger took for a verb: `Le président, Nasser X,`)
            first = min(y.i for y in c.subtree)
            keep = [x for x in keep if x.i < first]
    # `Le manager du club, Paul Roy, qui a signé Marc Blanc, a dit`: the phrase stops at a
    # relative clause of its apposition too (the names after it are not the speaker)
    rel = [x.i for x in keep if x.dep_ == "acl:relcl" and x.head.dep_ == "appos" and x.i > s.i]
    if rel:
        first = min(y.i for y in ctx.tok(min(rel)).subtree)
        keep = [x for x in keep if x.i < first]
    keep = [x for x in keep if not ctx.is_break(x.i) or x.i == s.i]
    if not keep:
        return None
    lo, hi = min(x.i for x in keep), max(x.i for x in keep)
    while hi > lo and (ctx.tok(hi).is_punct or ctx.tok(hi).pos_ in ("ADP", "CCONJ")):
        hi -= 1
    while lo < hi and ctx.tok(lo).pos_ in ("ADP", "CCONJ", "PUNCT") and ctx.tok(lo).dep_ in ("case", "cc", "punct"):
        lo += 1
    if any(ctx.is_break(x) for x in range(lo, hi)):
        return None
    return lo, hi


def parse_speaker(ctx: Ctx, t) -> Optional[Speaker]:
    """The speaker the dependency parse gives a cue: its subject (`relative` when it is `qui`,
    `post_verbal` after it), the agent of a passive cue, or for a participle, a gerund, an
    infinitive or a coordinated verb with no subject of its own, the subject of the verb it
    depends on (`governor_subject`). None when the parse gives none in the cue's sentence."""
    sent = t.sent
    v, rule = t, "subject"
    if t.dep_ == "fixed" and t.head.dep_ == "advmod" and t.head.head.i != t.head.i:
        # `…, tout en ajoutant que`: the parser makes one adverb of the gerund; its verb is the
        # adverb's, and a clitic inverted after that verb or a `selon` source of it speaks
        v, rule = t.head.head, "governor_subject"
        clitic = inverted_clitic(ctx, v)
        if clitic:
            return Speaker(*clitic, "clitic")
        source = [c for c in v.children if c.dep_.startswith("obl") and c.i < v.i
                  and any(norm(x) == "selon" for x in c.children if x.dep_ == "case")]
        span = _phrase(ctx, source[0], v.i) if source else None
        if span:
            return speaker_at(ctx, *span, "governor_subject")
    for _ in range(6):
        # the parser hangs the subject on the auxiliary (`Macron a quant à lui nié`), takes `elle` for it
        subj = [c for c in v.children if c.dep_ in SUBJECTS and not (
            c.i >= 2 and norm(ctx.tok(c.i - 1)) == "à" and norm(ctx.tok(c.i - 2)) == "quant")] or [
            c for x in v.children if x.dep_.startswith("aux") for c in x.children if c.dep_ in SUBJECTS]
        if v is t and is_participle(t):  # `…, jugeant que X mérite la victoire`: no subject after it
            subj = [c for c in subj if c.i < t.i]
        if subj and v is not t and _in_que_clause(v) and _detached(t):
            # `X affirme que Y serait …, tout en ajoutant que`, `… qu'elle soit abrogée, justifiant`:
            # an adjunct set off by a comma speaks with the main clause, not the `que` clause the
            # parser hangs it on
            v = v.head
            continue
        if subj:
            s = subj[0]
            lo, hi = min(s.i, t.i), max(s.i, t.i)
            if not (sent.start <= s.i < sent.end) or ctx.in_quote[s.i] != ctx.in_quote[t.i] \
                    or s.pos_ not in ("NOUN", "PROPN", "PRON", "NUM", "X") \
                    or any(ctx.tok(x).text in SENT_END or ctx.is_break(x) for x in range(lo, hi)):
                return None  # the parser ran over a sentence end or took a word for a subject
            if norm(s) == "qui":
                return speaker_at(ctx, s.i, s.i, "relative")
            pron = next((x for x in (s, *s.children, ctx.tok(min(s.i + 1, ctx.n - 1)))
                         if bare_pronoun(x) in PLAIN_CLITICS), None)
            if s.text.startswith("-") and pron is not None:
                # `a-t-il ainsi martelé, tout en affirmant`, `ont-ils écrit, ajoutant`: `il`, not `-t-il`
                off = len(pron.text) - len(pron.text.lstrip("-t").lstrip("-"))
                return Speaker(pron.idx + off, pron.idx + len(pron.text), "clitic")
            span = _phrase(ctx, s, t.i if s.i < t.i else ctx.n)
            if span is None:
                return None
            more = [c for c in subj[1:] if span[1] < c.i < t.i]
            last = _phrase(ctx, more[-1], t.i) if more else None
            if last and last[0] == span[1] + 1:
                span = (span[0], last[1])  # `Le président de la République Jean Martin`: two subjects parsed
            return speaker_at(ctx, *span, "post_verbal" if rule == "subject" and s.i > t.i else rule)
        if v is t and any(c.dep_ == "aux:pass" for c in v.children):
            agent = [c for c in v.children if c.dep_ == "obl:agent"]
            if agent:
                span = with_name_after(ctx, _phrase(ctx, agent[0], ctx.n))
                return speaker_at(ctx, *span, "agent") if span else None
            return None
        if v.dep_ in GOVERNED and v.head.i != v.i and v.head.pos_ in ("VERB", "AUX"):
            if object_controlled(ctx, v):  # `a permis à la ministre de déclarer`: she speaks
                c = controller(ctx, v)
                span = _phrase(ctx, c, v.i) if c is not None else None
                return speaker_at(ctx, *span, "controller") if span else None
            v, rule = v.head, "governor_subject"
            continue
        return None
    return None


def _governor(t):
    """The verb whose subject a gerund, participle, infinitive or coordinated cue t takes (as
    parse_speaker walks to it), else None."""
    v = t
    for _ in range(6):
        if v is not t and any(c.dep_ in SUBJECTS for c in v.children):
            if _in_que_clause(v) and _detached(t):
                v = v.head
                continue
            return v
        if v.dep_ in GOVERNED and v.head.i != v.i and v.head.pos_ in ("VERB", "AUX"):
            v = v.head
            continue
        return None
    return None


def _in_que_clause(v) -> bool:
    """Is verb v a clause opened by `que` that completes another verb (`affirme que X serait`)?"""
    return v.head.i != v.i and v.head.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "mark" and c.lower_ in ("que", "qu", "qu'", "qu’") for c in v.children)


def _detached(t) -> bool:
    """Is the participle or gerund t set off by a comma (`…, tout en ajoutant`, `…, justifiant`)?"""
    doc = t.doc
    j = t.i - 1
    while j >= 0 and doc[j].lower_ in ("tout", "en"):
        j -= 1
    return j >= 0 and doc[j].text == "," and t.morph.get("VerbForm") == ["Part"] and t.morph.get("Tense") == ["Pres"]


def _without_time_lead(ctx: Ctx, sp: Optional[Speaker]) -> Optional[Speaker]:
    """`Jeudi, le décret royal`, `Le mois dernier, Sheik Saif Al Thani`, `Deux ans après le
    drame, des habitants`: an introductory time adverbial and its comma are not part of the
    speaker."""
    if sp is None:
        return None
    span = ctx.doc.char_span(sp[0], sp[1], alignment_mode="expand")
    comma = next((x for x in span if x.text == ","), None) if span is not None else None
    if comma is None or comma.i + 1 >= span.end:
        return sp
    lead = ctx.doc[span.start:comma.i]
    tw = ctx.words.time_word
    if any(x.lower_ in tw for x in lead) and all(x.lower_ in tw or x.pos_ in ("DET", "NUM", "ADJ", "ADV") for x in lead) \
            or len(lead) > 2 and lead[0].like_num and (lead[1].lower_ in tw or lead[1].lemma_ in tw) \
            and lead[2].lower_ in ("après", "avant"):
        # (or a time reckoned from an event, which the parser may take for the subject:
        # `Cent ans après leur prédiction par Albert Einstein, des scientifiques`)
        return Speaker(ctx.tok(comma.i + 1).idx, sp[1], sp.rule)
    return sp


def speaker_for(ctx: Ctx, t) -> Optional[Speaker]:
    return by_voice_of(ctx, t) or _without_time_lead(ctx, _speaker_for(ctx, t))


def by_voice_of(ctx: Ctx, t) -> Optional[Speaker]:
    """`Le Rwanda a répondu par la voix de son porte-parole, Paul Roy`: the spokesperson speaks."""
    j = skip_adverbials(ctx, t.i + 1)
    words = [norm(ctx.tok(x)) for x in range(j, min(ctx.n, j + 4))]
    if words[:3] != ["par", "la", "voix"] or len(words) < 4 or words[3] not in ctx.words.de:
        return None
    np = np_right(ctx, j + 4)
    return speaker_at(ctx, *np, "voice") if np else None


def passive_cue(t) -> bool:
    """Is the cue a passive participle (`Airbus est accusé de …`, `trois élus, soupçonnés de …`)?
    Its subject, or the noun it qualifies, is the one spoken of, never the speaker."""
    if t.morph.get("VerbForm") != ["Part"] or t.morph.get("Tense") == ["Pres"]:
        return False
    # the parser sometimes calls the passive `être` a tense auxiliary (`il est largement estimé que`);
    # cues are never conjugated with `être` but reflexive
    return any(c.dep_ == "aux:pass" or c.dep_.startswith("aux") and c.lemma_ == "être" for c in t.children) \
        and not any(c.dep_.startswith("expl") or c.lower_ in ("se", "s'") for c in t.children)


def _coordinated_subject(ctx: Ctx, t) -> Optional[Speaker]:
    """`Des témoins évoquent des blessés et la préfecture demande …`: a finite cue right after
    `et`/`mais` + a noun phrase has that noun phrase for its own subject, even where the parse
    hangs the cue on the first verb."""
    sp = left_speaker(ctx, t.i)
    if sp is None:
        return None
    span = ctx.doc.char_span(sp[0], sp[1], alignment_mode="expand")
    if span is None or span.end != t.i or span.start == 0 or norm(ctx.tok(span.start - 1)) not in ("et", "mais"):
        return None
    return Speaker(sp[0], sp[1], "subject")


def _agent_of(ctx: Ctx, v) -> Optional[Speaker]:
    """The agent of the passive v (`… par le maire`), else None."""
    agent = [c for c in v.children if c.dep_ == "obl:agent"]
    span = with_name_after(ctx, _phrase(ctx, agent[0], ctx.n)) if agent else None
    return speaker_at(ctx, *span, "agent") if span else None


def _governor_agent(ctx: Ctx, t) -> Optional[Speaker]:
    """`Le projet a été critiqué par le maire, estimant que …`: a participle hanging from a passive
    takes its agent, not its subject (the thing acted upon)."""
    gov = _governor(t) if is_participle(t) else None
    return _agent_of(ctx, gov) if gov is not None and passive_cue(gov) else None


def _speaker_for(ctx: Ctx, t) -> Optional[Speaker]:
    if passive_cue(t):
        return _agent_of(ctx, t)
    agent = _governor_agent(ctx, t)
    if agent is not None:
        return agent
    clitic = inverted_clitic(ctx, t)
    if clitic:
        return Speaker(*clitic, "clitic")
    parsed = parse_speaker(ctx, t)
    if parsed is not None and parsed.rule == "governor_subject" and t.pos_ == "VERB" and "Fin" in t.morph.get("VerbForm"):
        own = _coordinated_subject(ctx, t)
        if own is not None:
            return own
    if parsed is not None:
        head = t if parsed.rule == "subject" else _governor(t) if parsed.rule == "governor_subject" else None
        if head is not None:
            # (a gerund's or participle's speaker is its governor's subject, in the same words:
            # `Paul Roy, maire, a dénoncé ce projet en insistant sur …`)
            surface = left_speaker(ctx, head.i)
            if surface is None:
                return parsed
            between = ctx.text[parsed[1]:surface[0]].strip()
            if surface[0] < parsed[0] and ctx.text[surface[0]:parsed[0]].rstrip().endswith(",") \
                    and "," not in ctx.text[parsed[1]:t.idx]:
                # `Selon la présidente, Marie Roy, l'autorité a dit`: the name before the comma
                # closes another phrase; the parse's subject alone speaks
                return parsed
            if surface[0] <= parsed[0] < surface[1]:
                # the noun phrase by word order holds the parse's subject and is the fuller one
                # (`Le ministre, Michel Sapin, a dit`: the parser hangs the name elsewhere)
                return Speaker(surface[0], surface[1], parsed.rule)
            if parsed[1] <= surface[0] and between == ",":
                # `le responsable d'Europol, Igor Angelini, a dit`: the role and its name
                return Speaker(parsed[0], surface[1], "apposition_name" if head is t else parsed.rule)
            if surface[1] - surface[0] <= 5 and ctx.text[surface[0]:surface[1]].lower() in ctx.words.subject_pronoun:
                return Speaker(surface[0], surface[1], parsed.rule)  # `Ému, il déclare`
        return parsed
    if is_participle(t):
        return participle_speaker(ctx, t.i)
    return left_speaker(ctx, t.i)
