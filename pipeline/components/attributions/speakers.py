"""Speakers: the noun phrase that speaks, left of its cue, inverted after it, or the subject of
the clause a participle hangs from; and the actor it is (`resolve_speakers`): a mention of the
actors component, an antecedent of a definite description, or a GROUP mention of its own."""
from __future__ import annotations

import bisect
import re
from typing import Optional

from pipeline.components.attributions.context import (MAX_NP, SENT_END, INCISE_START, Ctx, Speaker, chars, norm,
                                                      speaker_at)
from pipeline.components.attributions.cues import chain_start, inverted_clitic
from pipeline.names import slug


def name_slug(text: str) -> str:
    return slug(text, "-")


def np_left(ctx: Ctx, j: int, appos: bool = True) -> Optional[tuple[int, int]]:
    """Token span of the noun phrase ending at token j (speaker before its verb)."""
    if j < 0:
        return None
    t = ctx.tok(j)
    w = norm(t)
    if t.pos_ == "PRON":
        if w == "qui" and j > 0:
            k = j - 1
            if ctx.tok(k).text == ",":
                k -= 1
            return np_left(ctx, k, appos)
        if w in ctx.words.subject_pronoun or w.endswith("-ci") or w in ("certains", "plusieurs", "tous", "chacun"):
            return (j, j)
        return None
    if t.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM", "X"):
        return None
    k = j
    while k - 1 >= 0 and j - k < MAX_NP:
        p = ctx.tok(k - 1)
        pw = norm(p)
        if p.is_space or "\n" in p.whitespace_:
            break
        if p.pos_ in ("NOUN", "PROPN", "ADJ", "NUM", "X") or p.text in ("-", "'", "’"):
            k -= 1
            continue
        if p.pos_ == "DET":
            k -= 1
            if k - 1 >= 0 and norm(ctx.tok(k - 1)) in ctx.words.de | {"à"}:
                continue
            break
        if pw in ctx.words.de | {"à"} and k - 2 >= 0 and (ctx.tok(k - 2).pos_ in ("NOUN", "PROPN", "ADJ") or (
                norm(ctx.tok(k - 2)) == "et" and k - 3 >= 0 and ctx.tok(k - 3).pos_ in ("NOUN", "PROPN"))):
            k -= 1
            continue
        if pw == "et" and k - 2 >= 0 and ctx.tok(k - 2).pos_ in ("NOUN", "PROPN") \
                and (ctx.tok(k).pos_ in ("DET", "PROPN") or norm(ctx.tok(k)) in ctx.words.de):
            k -= 1
            continue
        break
    while k < j and ctx.tok(k).pos_ in ("ADP",):
        k += 1
    if not any(ctx.tok(x).pos_ in ("NOUN", "PROPN", "X") for x in range(k, j + 1)):
        return None
    if appos and k >= 2 and ctx.tok(k - 1).text == ",":
        prev = np_left(ctx, k - 2, appos=False)
        named = any(ctx.tok(x).pos_ == "PROPN" for x in range(prev[0] if prev else k, j + 1))
        if prev and named and (prev[0] == 0 or ctx.tok(prev[0] - 1).text in {",", ":", "\n"} | SENT_END
                               or ctx.tok(prev[0] - 1).is_space or "\n" in ctx.tok(prev[0] - 1).whitespace_
                               or ctx.tok(prev[0]).is_sent_start) and ctx.tok(prev[0]).pos_ in ("DET", "PROPN", "NOUN"):
            return (prev[0], j)
    return (k, j)


def np_right(ctx: Ctx, i: int, appos: bool = True) -> Optional[tuple[int, int]]:
    """Token span of the noun phrase starting at token i (inverted speaker, `selon X`)."""
    if i >= ctx.n:
        return None
    t = ctx.tok(i)
    w = norm(t)
    if t.pos_ == "PRON":
        if w in ctx.words.subject_pronoun or w.endswith("-ci") or w in ("ce",):
            j = i
            if w == "ce" and i + 1 < ctx.n and norm(ctx.tok(i + 1)) in ("dernier", "dernière", "derniers"):
                j = i + 1
            return (i, j)
        return None
    if t.pos_ not in ("DET", "NOUN", "PROPN", "ADJ", "NUM", "X"):
        return None
    j = i
    while j + 1 < ctx.n and j - i < MAX_NP:
        p = ctx.tok(j + 1)
        pw = norm(p)
        if "\n" in ctx.tok(j).whitespace_ or p.is_space:
            break
        if p.pos_ in ("NOUN", "PROPN", "ADJ", "NUM", "X") or p.text in ("-", "'", "’"):
            j += 1
            continue
        if p.pos_ == "DET" and ctx.tok(j).pos_ in ("ADP",):
            j += 1
            continue
        if pw == "d" and j + 3 < ctx.n and ctx.tok(j + 2).text in ("'", "’") and ctx.tok(j + 3).pos_ in (
                "NOUN", "PROPN", "DET", "ADJ"):
            j += 2  # `d' Albertville` written with a space
            continue
        if pw in ctx.words.de | {"à", "au", "aux"} and j + 2 < ctx.n and (ctx.tok(j + 2).pos_ in (
                "NOUN", "PROPN", "DET", "ADJ", "NUM") or norm(ctx.tok(j + 2)) in ("un", "une", "l'un", "l'une")):
            j += 1
            continue
        if pw == "et" and j + 2 < ctx.n and (ctx.tok(j + 2).pos_ in ("DET", "PROPN")
                                             or norm(ctx.tok(j + 2)) in ctx.words.de) \
                and ctx.tok(j).pos_ in ("NOUN", "PROPN"):
            j += 1
            continue
        break
    while j > i and (ctx.tok(j).pos_ in ("ADP", "DET") or ctx.tok(j).text in ("-", "'")):
        j -= 1
    if not any(ctx.tok(x).pos_ in ("NOUN", "PROPN", "X") for x in range(i, j + 1)):
        return None
    if appos and j + 2 < ctx.n and ctx.tok(j + 1).text == ",":
        nxt = np_right(ctx, j + 2, appos=False)
        if nxt and ctx.tok(nxt[0]).pos_ in ("NOUN", "DET", "ADJ", "PROPN") and (
                nxt[1] + 1 >= ctx.n or ctx.tok(nxt[1] + 1).text in SENT_END | {",", "(", ":"}
                or "\n" in ctx.tok(nxt[1]).whitespace_):
            return (i, nxt[1])
    return (i, j)


def subject_from_parse(ctx: Ctx, i: int) -> Optional[tuple[int, int]]:
    """The parse's subject of verb i or of the verbs it hangs from (advcl, conj, xcomp)."""
    t = ctx.tok(i)
    for _ in range(4):
        subj = [c for c in t.children if c.dep_ in ("nsubj", "nsubj:pass") and c.i < i]
        if subj:
            s = subj[0]
            if norm(s) == "qui" and t.dep_ == "acl:relcl":
                s = t.head
            keep = [x for x in s.subtree if x.i < i and not x.is_punct]
            for c in s.children:
                if c.dep_ in ("acl:relcl", "acl") and c.i > s.i:
                    keep = [x for x in keep if x.i < min(y.i for y in c.subtree)]
            if keep:
                lo, hi = min(x.i for x in keep), max(x.i for x in keep)
                return (lo, hi)
        if t.dep_ in ("advcl", "conj", "xcomp", "acl", "ccomp") and t.head.i != t.i:
            t = t.head
        else:
            break
    return None


def _skip_left_incises(ctx: Ctx, j: int, lo: int) -> int:
    """Step left over `, de son côté,`-like incises and adverbs between a subject and its verb."""
    while j >= lo:
        t = ctx.tok(j)
        if t.text == ",":
            k = j - 1
            while k >= lo and ctx.tok(k).text != "," and j - k < 10 and ctx.tok(k).text not in SENT_END:
                k -= 1
            if k >= lo and ctx.tok(k).text == "," and (ctx.tok(k + 1).pos_ in INCISE_START or norm(ctx.tok(k + 1)) in (
                    "qui", "que", "qu'", "dont", "où", "lequel", "laquelle")):
                j = k - 1
                continue
            return j - 1
        if t.pos_ == "ADV" and norm(t) not in ctx.words.negation_start:
            j -= 1
            continue
        return j
    return j


def left_speaker(ctx: Ctx, i: int) -> Optional[tuple[int, int]]:
    lo = chain_start(ctx, i)
    j = lo - 1
    sent_start = ctx.tok(i).sent.start
    for _ in range(3):
        if j < sent_start:
            break
        np = np_left(ctx, j)
        if not np:
            break
        if np[0] - 1 >= sent_start and ctx.tok(np[0] - 1).pos_ == "ADP" and not (
                norm(ctx.tok(np[0] - 1)) in ctx.words.de | {"à", "au", "aux"} and ctx.tok(np[0]).pos_ == "PROPN"):
            # `X a par conséquent annoncé`, `X a, pour sa part, dit`: a PP, not the subject
            j = np[0] - 2
            while j >= sent_start and (ctx.tok(j).pos_ in ("AUX", "ADV") or ctx.tok(j).text == ","):
                j -= 1
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
        if np:
            return speaker_at(ctx, *np, "surface")
    parsed = subject_from_parse(ctx, i)
    if parsed and parsed[0] >= sent_start:
        return speaker_at(ctx, *parsed, "subject")
    if lo - 1 >= sent_start and ctx.tok(lo - 1).pos_ == "CCONJ":
        # `X refuse de … et annonce que …`: the subject of the first predicate
        np = sentence_subject(ctx, sent_start, lo - 1)
        if np:
            return speaker_at(ctx, *np, "governor_subject")
    return None


def right_speaker(ctx: Ctx, i: int) -> Optional[Speaker]:
    clitic = inverted_clitic(ctx, ctx.tok(i))
    if clitic:
        return Speaker(*clitic, "clitic")
    j = i + 1
    while j < ctx.n and ctx.tok(j).pos_ == "ADV":
        j += 1
    if j < ctx.n and norm(ctx.tok(j)) in ctx.words.before_subject:
        k = j + 1
        while k < ctx.n and k - j < 5 and ctx.tok(k).pos_ in ("DET", "NOUN", "PROPN", "ADJ"):
            k += 1
        if k < ctx.n and k > j + 1 and ctx.tok(k).pos_ in ("DET", "PROPN"):
            j = k
    np = np_right(ctx, j)
    return speaker_at(ctx, *np, "post_verbal") if np else None


def participle_speaker(ctx: Ctx, i: int) -> Optional[tuple[int, int]]:
    """`…, le porte-parole, Dmitri Peskov, déclarant :` (absolute construction framed by commas)
    or the subject of the clause the participle hangs from (`Il a parlé dimanche, ajoutant que`)."""
    j = i - 1
    while j >= 0 and (norm(ctx.tok(j)) in ("en", "tout") or norm(ctx.tok(j)) in ctx.words.object_clitic):
        j -= 1
    if j >= 1 and ctx.tok(j).text == ",":
        np = np_left(ctx, j - 1)
        if np and np[0] >= 1 and ctx.tok(np[0] - 1).text == "," and ctx.tok(np[0]).pos_ in ("DET", "PROPN"):
            return speaker_at(ctx, *np, "subject")
        # `…, précise-t-il, ajoutant que`: the inverted subject just before
        for k in range(j - 1, max(-1, j - 3), -1):
            if ctx.tok(k).text.startswith("-") and inverted_clitic(ctx, ctx.tok(k)) is not None:
                return Speaker(*inverted_clitic(ctx, ctx.tok(k)), "clitic")
    # the speaker of the previous attribution of the same sentence (`…, a-t-il dit, précisant que`)
    last = ctx.last_speaker
    if last and last[1] == ctx.tok(i).sent.start:
        return Speaker(*last[0], "governor_subject")
    parsed = subject_from_parse(ctx, i)
    sent = ctx.tok(i).sent
    if parsed and parsed[0] >= sent.start:
        return speaker_at(ctx, *parsed, "governor_subject")
    if i == sent.start:
        # `Affirmant que …, le porte-parole a critiqué`: the subject of the main clause after it
        k = i + 1  # (the parser may end the sentence at the comma: read the tokens)
        while k < ctx.n and not (ctx.tok(k).text == "," and ctx.in_quote[k] < 0) and k - i < 60 \
                and ctx.tok(k).text not in SENT_END:
            k += 1
        np = np_right(ctx, k + 1, appos=False) if k + 1 < ctx.n and ctx.tok(k).text == "," else None
        if np and np[1] + 1 < ctx.n and ctx.tok(np[1] + 1).pos_ in ("VERB", "AUX"):
            return speaker_at(ctx, *np, "governor_subject")
    np = sentence_subject(ctx, sent.start, i)
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
GOVERNED = ("advcl", "xcomp", "conj", "acl")  # a verb whose missing subject is its governor's


def _phrase(ctx: Ctx, s, limit: int) -> Optional[tuple[int, int]]:
    """Token span of the subject phrase headed by s: its subtree before `limit` (the cue),
    without relative clauses and participle clauses after its head, nor a trailing comma."""
    keep = [x for x in s.subtree if x.i < limit and not (x.is_punct and x.i > s.i and x.text != "-")]
    for c in s.children:
        if c.dep_ in ("acl:relcl", "acl") and c.i > s.i:
            first = min(y.i for y in c.subtree)
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
    for _ in range(4):
        # the parser sometimes hangs the subject on the auxiliary (`Macron a quant à lui nié`)
        subj = [c for c in v.children if c.dep_ in SUBJECTS] or [
            c for x in v.children if x.dep_.startswith("aux") for c in x.children if c.dep_ in SUBJECTS]
        if subj:
            s = subj[0]
            lo, hi = min(s.i, t.i), max(s.i, t.i)
            if not (sent.start <= s.i < sent.end) or ctx.in_quote[s.i] != ctx.in_quote[t.i] \
                    or s.pos_ not in ("NOUN", "PROPN", "PRON", "NUM", "X") \
                    or any(ctx.tok(x).text in SENT_END or ctx.is_break(x) for x in range(lo, hi)):
                return None  # the parser ran over a sentence end or took a word for a subject
            if norm(s) == "qui":
                return speaker_at(ctx, s.i, s.i, "relative")
            span = _phrase(ctx, s, t.i if s.i < t.i else ctx.n)
            if span is None:
                return None
            return speaker_at(ctx, *span, "post_verbal" if rule == "subject" and s.i > t.i else rule)
        if v is t and any(c.dep_ == "aux:pass" for c in v.children):
            agent = [c for c in v.children if c.dep_ == "obl:agent"]
            if agent:
                span = _phrase(ctx, agent[0], ctx.n)
                return speaker_at(ctx, *span, "agent") if span else None
            return None
        if v.dep_ in GOVERNED and v.head.i != v.i and v.head.pos_ in ("VERB", "AUX"):
            v, rule = v.head, "governor_subject"
            continue
        return None
    return None


def _without_time_lead(ctx: Ctx, sp: Optional[Speaker]) -> Optional[Speaker]:
    """`Jeudi, le décret royal`, `Le mois dernier, Sheik Saif Al Thani`: an introductory time
    adverbial and its comma are not part of the speaker."""
    if sp is None:
        return None
    span = ctx.doc.char_span(sp[0], sp[1], alignment_mode="expand")
    comma = next((x for x in span if x.text == ","), None) if span is not None else None
    if comma is None or comma.i + 1 >= span.end:
        return sp
    lead = ctx.doc[span.start:comma.i]
    if any(x.lower_ in ctx.words.time_word for x in lead) and all(
            x.lower_ in ctx.words.time_word or x.pos_ in ("DET", "NUM", "ADJ", "ADV") for x in lead):
        return Speaker(ctx.tok(comma.i + 1).idx, sp[1], sp.rule)
    return sp


def speaker_for(ctx: Ctx, t) -> Optional[Speaker]:
    return _without_time_lead(ctx, _speaker_for(ctx, t))


def _speaker_for(ctx: Ctx, t) -> Optional[Speaker]:
    if inverted_clitic(ctx, t):
        return Speaker(*inverted_clitic(ctx, t), "clitic")
    parsed = parse_speaker(ctx, t)
    if parsed is not None:
        if parsed.rule == "subject":
            surface = left_speaker(ctx, t.i)
            if surface is None:
                return parsed
            between = ctx.text[parsed[1]:surface[0]].strip()
            if surface[0] <= parsed[0] < surface[1]:
                # the noun phrase by word order holds the parse's subject and is the fuller one
                # (`Le ministre, Michel Sapin, a dit`: the parser hangs the name elsewhere)
                return Speaker(surface[0], surface[1], "subject")
            if parsed[1] <= surface[0] and between == ",":
                # `le responsable d'Europol, Igor Angelini, a dit`: the role and its name
                return Speaker(parsed[0], surface[1], "apposition_name")
            if surface[1] - surface[0] <= 5 and ctx.text[surface[0]:surface[1]].lower() in ctx.words.subject_pronoun:
                return Speaker(surface[0], surface[1], "subject")  # `Ému, il déclare`
        return parsed
    if is_participle(t):
        return participle_speaker(ctx, t.i)
    return left_speaker(ctx, t.i)


def _names_in_pp(ctx: Ctx, words) -> bool:
    """Every proper noun of the phrase is in a complement (`le député de Trappes`)."""
    return all(t.i > 0 and (norm(t.doc[t.i - 1]) in ctx.words.de | {"à", "au"} or t.doc[t.i - 1].pos_ == "PROPN")
               for t in words if t.pos_ == "PROPN")


def _definite_singular(ctx: Ctx, words) -> bool:
    """`le candidat socialiste`, `la coalition`: a definite singular description with no name."""
    det = words[0]
    return (norm(det) in ("le", "la", "l'", "ce", "cet", "cette") and _names_in_pp(ctx, words)
            and next((t for t in words if t.pos_ == "NOUN"), det).morph.get("Number") != ["Plur"])


ANTECEDENT_WINDOW = 300  # mentions looked back at for a description's antecedent


def _antecedent(ctx: Ctx, words, before: int) -> str:
    """Cheap coreference for a definite description: the actor of the closest named mention
    before it, an organisation for organisation heads (`le site`), else a person."""
    head = next((t for t in words if t.pos_ == "NOUN"), None)
    if head is None:
        return ""
    org = head.lemma_.lower() in ctx.words.org_head
    person = head.lemma_.lower() in ctx.words.person_head or head.lower_ in ctx.words.person_head
    labels = ("ORG", "GPE") if org else ("PER",) if person else ()
    best = None
    # `la coalition`, `le candidat socialiste` -> the last mention whose name or role shares the
    # most words with the description, its head noun first
    key = name_slug(head.lemma_)
    desc = {name_slug(t.lemma_) for t in words if t.pos_ in ("NOUN", "ADJ")} | {name_slug(t.text) for t in words
                                                                            if t.pos_ in ("NOUN", "ADJ")}
    ms, starts = ctx.mention_index
    hi = bisect.bisect_left(starts, before)
    window = ms[max(0, hi - ANTECEDENT_WINDOW):hi]  # the closest mentions before it, newest last
    bags = ctx.__dict__.setdefault("_bags", {})
    best_score = None
    for m in window:
        if m["end"] <= before and m.get("source") != "coref" and m.get("actor_id") and key:
            k = id(m)
            if k not in bags:
                bags[k] = (set(name_slug(m.get("name") or "").split("-"))
                           | set(name_slug(m.get("role") or "").split("-")))
            bag = bags[k]
            if key not in bag:
                continue
            score = (len(desc & bag), m["start"])
            if best_score is None or score > best_score:
                best, best_score = m, score
    if best:
        return best["actor_id"]
    for m in reversed(window):
        if m["end"] <= before and m.get("source") != "coref" and m.get("label") in labels and m.get("actor_id"):
            return m["actor_id"]
    return ""


def _group_mention(ctx: Ctx, words) -> str:
    """Add a GROUP mention for an unnamed speaking group (`des médias` -> group-medias)."""
    k = 0
    while k < len(words) and words[k].pos_ == "DET":
        k += 1
    rest = words[k:]
    if not rest:
        return ""
    head = next((i for i, t in enumerate(rest) if t.pos_ == "NOUN"), None)
    if head is None:
        return ""
    lo = head
    while lo > 0 and rest[lo - 1].pos_ == "ADJ":
        lo -= 1
    hi = head + 1
    while hi < len(rest) and rest[hi].pos_ == "ADJ":
        hi += 1
    slug = name_slug(" ".join(t.text for t in rest[lo:hi]))
    if not slug:
        return ""
    actor_id = f"group-{slug}"
    start, end = words[0].idx, words[-1].idx + len(words[-1].text)
    if (start, end) not in ctx.mention_spans:
        ctx.mention_spans.add((start, end))
        m = {"start": start, "end": end, "label": "GROUP", "actor_id": actor_id,
             "name": ctx.text[rest[0].idx:end], "type": "group", "country": "", "wikidata": "",
             "role": "", "source": "rules", "rule": "attributions.group_speaker"}
        ctx.groups.append(m)
        ms, starts = ctx.mention_index  # later descriptions may refer back to this group
        k = bisect.bisect_left(starts, start)
        starts.insert(k, start)
        ms.insert(k, m)
    return actor_id


def _in_complement(ctx: Ctx, m: dict, s: int, e: int) -> bool:
    """Is mention m, inside the speaker phrase [s, e), in a complement of it (`Paul Roy, le
    directeur de la compagnie Flydubai`, `les responsables de Séoul`): a preposition before it,
    or one on its way up the parse to the phrase's head?"""
    pre = ctx.text[max(s, m["start"] - 4):m["start"]].lower().replace("’", "'")
    if re.search(r"(^|\s)(de|du|des|d'|au|aux|à)\s*$", pre) or pre.endswith("d'"):
        return True
    if ctx.text[max(s, m["start"] - 2):m["start"]].strip() == "," and not ctx.text[m["end"]:e].strip(" ,"):
        return False  # `le responsable d'Europol, Igor Angelini`: the name in apposition ends it
    span = ctx.doc.char_span(m["start"], m["end"], alignment_mode="expand")
    if span is None:
        return False
    inside = (lambda c: c.dep_ == "case" and s <= c.idx < e)  # a preposition of the phrase itself
    t = span.root
    for _ in range(6):
        if any(inside(c) for c in t.children):
            return True
        h = t.head
        if h.i == t.i or not (s <= h.idx < e):
            return False
        t = h
    return False


def _antecedent_phrase(ctx: Ctx, s: int, e: int) -> tuple[int, int]:
    """The phrase a relative `qui` at [s, e) stands for: the noun its clause hangs from, with
    its complements before the clause (the `qui` span itself when the parse says nothing)."""
    span = ctx.doc.char_span(s, e, alignment_mode="expand")
    if span is None:
        return s, e
    verb = span.root.head
    if verb.dep_ not in ("acl:relcl", "acl") or verb.head.i >= span.start:
        return s, e
    noun = verb.head
    while noun.dep_ == "conj" and noun.head.i < noun.i:  # `l'Allemagne, la France et l'Italie, qui`
        noun = noun.head
    toks = [x for x in noun.subtree if x.i < span.start and not x.is_punct]
    if not toks:
        return s, e
    lo, hi = min(x.i for x in toks), max(x.i for x in toks)
    while lo < hi and ctx.tok(lo).dep_ == "case":
        lo += 1
    return chars(ctx, lo, hi)


def _coordinated(ctx: Ctx, named: list[dict]) -> list[dict]:
    """Two or more distinct actors named one after the other with only commas, `et` and
    determiners between them (`l'Allemagne, la France et l'Italie`), else []."""
    named = sorted(named, key=lambda m: m["start"])
    if len({m["actor_id"] for m in named}) < 2:
        return []
    for m, n in zip(named, named[1:]):
        gap = ctx.text[m["end"]:n["start"]].lower().replace("’", "'").split()
        if not gap or any(w.strip(",") not in ("", "et", "la", "le", "les", "l'", "ainsi", "que") and not w.startswith("l'")
                          for w in gap) or not any(w.strip() in (",", "et") or w.endswith(",") for w in gap):
            return []
    seen, out = set(), []
    for m in named:
        if m["actor_id"] not in seen:
            seen.add(m["actor_id"])
            out.append(m)
    return out


def _outside_content(m: dict, a: dict) -> str:
    """The actor of speaker mention m; for an anaphor, its best antecedent that is not inside
    the content being attributed (`« … Paul Martin … », a-t-il dit`)."""
    for actor_id, start in m.get("antecedents") or []:
        if not (a["content_start"] <= start < a["content_end"]):
            return actor_id
    return "" if m.get("antecedents") else m["actor_id"]


def resolve_speakers(ctx: Ctx, found: list[dict]) -> None:
    """Each attribution's actor_id: the mention its speaker span names (the best of those it
    overlaps), else for a lone pronoun a name earlier in the sentence or the last speaker, for
    a definite description its antecedent, for an unnamed group a GROUP mention of its own."""
    doc = ctx.doc
    mentions = doc._.depeche_mentions or []
    doc._.depeche_groups = ctx.groups = []
    # mentions sorted by start, so each look-up reads only a window of them (linear cost)
    ms = sorted(mentions, key=lambda m: (m["start"], m["end"]))
    starts = [m["start"] for m in ms]
    longest = max((m["end"] - m["start"] for m in ms), default=0)
    ctx.mention_index = (ms, starts)
    ctx.mention_spans = {(m["start"], m["end"]) for m in mentions}
    prev_actor = ""
    twins: list[dict] = []
    for n, a in enumerate(found):
        if a.get("inherit"):
            a["actor_id"] = prev_actor
            continue
        if a.get("inherit_outer"):
            outer = [o for o in found[max(0, n - 50):n] if o["content_start"] <= a["content_start"]
                     and a["content_end"] <= o["content_end"] and o.get("actor_id")]
            a["actor_id"] = min(outer, key=lambda o: o["content_end"] - o["content_start"])["actor_id"] \
                if outer else ""
            continue
        s, e = a["speaker_start"], a["speaker_end"]
        a["actor_id"] = ""
        if s is None:
            continue
        if a.get("speaker_rule") == "relative":
            # `un rapport de la CIA publié mardi, qui conclut`: the actor of the antecedent
            s, e = _antecedent_phrase(ctx, s, e)
        best = None
        span = ctx.doc.char_span(s, e, alignment_mode="expand")
        words = [t for t in span] if span is not None else []
        content_words = [t for t in words if t.pos_ != "DET"]
        head_noun = bool(content_words) and content_words[0].pos_ in ("NOUN", "ADJ")
        # `le rapport de la CIA`: a document's complement is its issuer (NOTES.md T5)
        document = head_noun and content_words[0].lower_ in ctx.words.document_head
        named = []  # the names the phrase coordinates (`Thierry et Véronique Roy`)
        for m in ms[bisect.bisect_left(starts, s - longest):bisect.bisect_left(starts, e)]:
            if m["end"] <= s or m["start"] >= e or not m.get("actor_id"):
                continue
            inside = s <= m["start"] and m["end"] <= e
            in_pp = _in_complement(ctx, m, s, e) and not document
            if inside and not in_pp and m.get("source") != "coref" and m.get("label") in ("PER", "ORG", "GPE"):
                named.append(m)
            if in_pp and head_noun:
                continue  # `des fonctionnaires de Séoul`: Séoul is not the speaker
            key = (inside, not in_pp, m.get("source") != "coref" or (e - s) < 8,
                   {"PER": 3, "ORG": 2, "GPE": 2}.get(m.get("label"), 1), m["start"])
            if best is None or key > best[0]:
                best = (key, m)
        if best:
            a["actor_id"] = _outside_content(best[1], a)
            coordinated = _coordinated(ctx, named)
            if coordinated:
                # one attribution per named speaker (corpus/NOTES.md T1), each with its name
                a["actor_id"] = coordinated[0]["actor_id"]
                for m in coordinated[1:]:
                    twin = dict(a, actor_id=m["actor_id"])
                    if a.get("speaker_rule") != "relative":
                        twin["speaker_start"], twin["speaker_end"] = m["start"], m["end"]
                    twins.append(twin)
                if a.get("speaker_rule") != "relative":
                    a["speaker_start"], a["speaker_end"] = coordinated[0]["start"], coordinated[0]["end"]
        else:
            if words and len(words) == 1 and norm(words[0]).lstrip("-t").lstrip("-") in ctx.words.subject_pronoun:
                # cheap fallback: a name earlier in the sentence outside the content, else the
                # last speaker
                lo = min(a["content_start"], s)
                sent_start = ctx.doc.char_span(lo, lo + 1, alignment_mode="expand")
                sent_start = sent_start.sent.start_char if sent_start is not None else lo
                near = [m for m in ms[bisect.bisect_left(starts, sent_start):bisect.bisect_left(starts, s)]
                        if m["end"] <= s
                        and m.get("source") != "coref" and m.get("label") in ("PER", "ORG", "GPE")
                        and m.get("actor_id") and not (a["content_start"] <= m["start"] < a["content_end"])]
                a["actor_id"] = max(near, key=lambda m: m["start"])["actor_id"] if near else prev_actor
            elif words and head_noun and _definite_singular(ctx, words) and not best:
                a["actor_id"] = _antecedent(ctx, words, s) or _group_mention(ctx, words)
            elif words and head_noun and _names_in_pp(ctx, words):
                a["actor_id"] = _group_mention(ctx, words)
        if a["actor_id"]:
            prev_actor = a["actor_id"]
    found += twins
