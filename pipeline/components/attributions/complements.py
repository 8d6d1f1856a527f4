"""Which names of a speaker phrase are in a complement of it (`le député de Trappes`, `un
photographe de l'agence X`) and which are its own (`le ministre de l'Intérieur Paul Roy`, `l'agence
de presse X`): the tests speaker_actors.py reads a phrase's mentions with; and the body a
document phrase names as its issuer (`les informations du gouvernement`)."""
from __future__ import annotations

import bisect
import re

from pipeline.components.attributions.context import Ctx, listed, norm


def after_preposition(ctx: Ctx, t) -> bool:
    """A preposition before token t, past its determiner (`de Trappes`, `de l'AFP`, `par CNN`,
    `de l' Institut Weizmann` with the apostrophe apart)."""
    j = t.i - 1
    if j >= 0 and norm(t.doc[j]) not in ctx.words.de:
        while j > 0 and (t.doc[j].pos_ == "DET" or t.doc[j].text in ("'", "’")):
            j -= 1
    return j >= 0 and (norm(t.doc[j]) in ctx.words.de | {"à", "au"} or t.doc[j].pos_ == "ADP")


def after_plural_noun(t, words) -> bool:
    """A name right after the phrase's head, a plural common noun, qualifies it (`des sources
    PS`, `les élus LR`): a title before a person's name is singular (`le président Macron`), and
    a noun of a complement is not the head (`le ministre des Finances Michel Sapin`)."""
    head = next((w for w in words if w.pos_ == "NOUN"), None)
    # (a noun the same in both numbers is singular after a singular article: `le Français Romain
    # Bardet`)
    return head is not None and head.i == t.i - 1 and head.morph.get("Number") == ["Plur"] \
        and not (head.i > 0 and head.doc[head.i - 1].morph.get("Number") == ["Sing"]
                 and head.doc[head.i - 1].pos_ == "DET")


def names_in_pp(ctx: Ctx, words) -> bool:
    """Every proper noun of the phrase is in a complement (`le député de Trappes`,
    `un photographe de l'AFP`, `un porte-parole du collectif Indecline`, but a person's name
    after a complement is in apposition: `le premier secrétaire du parti Jean-Christophe
    Cambadélis`, unless its title is the complement's noun: `l'entourage de M. Cissé`) or
    qualifies a plural noun (`des sources PS`)."""
    return all(t.i > 0 and (after_preposition(ctx, t) or t.doc[t.i - 1].pos_ == "PROPN"
                            or after_plural_noun(t, words)
                            or t.doc[t.i - 1].pos_ == "NOUN" and after_preposition(ctx, t.doc[t.i - 1])
                            and (_title(ctx, t.doc[t.i - 1]) or not _in_person(ctx, t)))
               for t in words if t.pos_ == "PROPN")


def _title(ctx: Ctx, t) -> bool:
    """A title of address before a name (`M.`, `Mme`, `Dr`, `Me`): short and capitalised, unlike a
    portfolio's noun (`le ministre des Finances Michel Sapin`), and no name itself (`du FMI`)."""
    return t.pos_ in ("NOUN", "PROPN") and t.text[:1].isupper() and (t.text.endswith(".") or len(t.text) <= 3) \
        and not any(m["start"] <= t.idx < m["end"] for m in mentions_in(ctx, t.idx - 80, t.idx + 1))


def _in_person(ctx: Ctx, t) -> bool:
    """Is token t inside a person's name, as the actors component read it (its mentions)?"""
    return any(m.get("label") == "PER" and m["end"] > t.idx for m in mentions_in(ctx, t.sent.start_char, t.idx + 1))


def named_by_complement(ctx: Ctx, content_words, first, m: dict) -> bool:
    """`le groupe de l'État islamique`, `le bureau de MSF`: an organisation noun whose `de`
    complement is an organisation's name stands for that organisation."""
    if m.get("label") != "ORG" or not content_words or content_words[0].pos_ != "NOUN" \
            or content_words[0].lemma_.lower() not in ctx.words.org_head:
        return False
    between = [t for t in content_words[1:] if t.i < first.start]
    return len(between) == 1 and norm(between[0]) in ctx.words.de


def in_complement(ctx: Ctx, m: dict, s: int, e: int) -> bool:
    """Is mention m, inside the speaker phrase [s, e), in a complement of it (`Paul Roy, le
    directeur de la compagnie Flydubai`, `les responsables de Séoul`): a preposition before it,
    or one on its way up the parse to the phrase's head? (A title before it is the name's:
    `les avocats de Mme Roy`.)"""
    lead = m["start"]
    span = ctx.doc.char_span(lead, m["end"], alignment_mode="expand")
    if span is not None and span.start > 0:
        title = ctx.doc[span.start - 1]
        if _title(ctx, title) and not title.is_sent_start and title.idx >= s:
            lead = title.idx
    pre = ctx.text[max(s, lead - 4):lead].lower().replace("’", "'")
    if re.search(r"(^|\s)(de|du|des|d'|au|aux|à)\s*$", pre) or pre.endswith("d'"):
        return True
    if ctx.text[max(s, m["start"] - 2):m["start"]].strip() == "," and not ctx.text[m["end"]:e].strip(" ,"):
        return False  # `le responsable d'Europol, Igor Angelini`: the name in apposition ends it
    if m.get("label") == "PER" and any(n is not m and n.get("label") != "PER" and n["end"] <= m["start"]
                                       and not ctx.text[n["end"]:m["start"]].strip()
                                       for n in mentions_in(ctx, max(s, m["start"] - 80), m["start"])):
        return False  # `l'archevêque de Rouen Dominique Lebrun`: the person after the place is the role's
    if span is None:
        return False
    if _holder_after_complement(ctx, span, s, e, m.get("label")):
        return False
    # a preposition of the phrase itself, not one of the name (`le quotidien El Comercio`: `El`
    # parsed as a preposition)
    inside = (lambda c: c.dep_ == "case" and s <= c.idx < e and not m["start"] <= c.idx < m["end"])
    t = span.root
    for _ in range(6):
        if any(inside(c) for c in t.children):
            return True
        h = t.head
        if h.i == t.i or not (s <= h.idx < e):
            return False
        t = h
    return False


def _holder_after_complement(ctx: Ctx, span, s: int, e: int, label) -> bool:
    """A name ending the phrase right after its role's complement is the role's holder, not part of
    the complement: `le ministre de l'Intérieur Paul Roy` (a person after a role whose complement
    is no person noun: `le conseiller du président Paul Roy` is not Paul Roy), `l'agence de presse
    Vélia` (an organisation after an organisation noun with a bare complement)."""
    doc = ctx.doc
    phrase = ctx.doc.char_span(s, e, alignment_mode="expand")
    if phrase is None or span.start <= phrase.start or ctx.text[span.end_char:e].strip(" ,") \
            or span.start - phrase.start < 3:
        return False
    prev = doc[span.start - 1]
    head = next((t for t in phrase if t.pos_ not in ("DET", "ADJ")), None)  # (`le premier secrétaire`)
    if head is None or prev.pos_ not in ("NOUN", "PROPN") or person_noun(ctx, prev):
        return False
    if label == "PER":
        return person_noun(ctx, head)
    bare = span.start >= 2 and norm(doc[span.start - 2]) in ("de", "d'") and prev.pos_ == "NOUN"
    return label == "ORG" and bare and head.lemma_.lower() in ctx.words.org_head


def person_noun(ctx: Ctx, t) -> bool:
    """A common noun that describes a person (`le chef`, `un militant`)."""
    return t.pos_ == "NOUN" and listed(t, ctx.words.person_head)


def agent_noun(ctx: Ctx, t) -> bool:
    """A common noun derived as an agent (`le plaignant`, `l'inspecteur`, `la conductrice`): its
    lemma ends in an agent suffix, and it is no organisation nor document noun, nor a process
    noun in `-ment` (`le gouvernement`, `le parlement`); or a noun the lexical resource gives as
    a person's (`human_noun`: `l'évêque`, `sa nièce`)."""
    if t.pos_ != "NOUN":
        return False
    lemma = t.lemma_.lower()
    if lemma in ctx.words.org_head or lemma in ctx.words.document_head:
        return False
    return listed(t, ctx.words.human_noun) or (
        lemma.endswith(ctx.words.agent_suffix) and not lemma.endswith("ment") and len(lemma) > 4)


def describes_person(ctx: Ctx, t) -> bool:
    """A common noun for a person: the head of a person's description (`le chef`, `l'homme`), an
    agent noun (`la conductrice`) or a noun for people who speak (`la veuve`, `un officier`)."""
    return person_noun(ctx, t) or agent_noun(ctx, t) or t.pos_ == "NOUN" and listed(t, ctx.words.speaking_noun)


def mentions_in(ctx: Ctx, lo: int, hi: int) -> list[dict]:
    """The mentions (sorted by start) that start in [lo, hi)."""
    ms, starts = ctx.mention_index
    return ms[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, hi)]


def names_whole(ctx: Ctx, found: list[dict]) -> None:
    """A speaker span that cuts a name it opens or holds (`Naval` of `Naval Group a démenti`,
    where the parser hangs `Group` elsewhere) runs to the name's end, one inside a name is the
    name (`un` of `Kim Jong-un`), and a span runs to the bracket it opens
    (`Le Fonds monétaire international (FMI`, the parse leaving out the closing bracket)."""
    for a in found:
        s, e = a.get("speaker_start"), a.get("speaker_end")
        if s is None or e is None:
            continue
        if ctx.text[e:e + 1] == ")" and ctx.text.count("(", s, e) > ctx.text.count(")", s, e):
            a["speaker_end"] = e = e + 1
        for m in mentions_in(ctx, s - 60, s):
            if m.get("source") != "coref" and m.get("label") != "GROUP" and m["start"] < s and e <= m["end"]:
                # `un` of `Kim Jong-un s'est dit`, the parser's subject inside the name: the name
                a["speaker_start"], a["speaker_end"] = s, e = m["start"], m["end"]
        for m in mentions_in(ctx, s, e):
            if m.get("source") != "coref" and m["end"] > e and "\n" not in ctx.text[e:m["end"]] and not any(
                    x is not None and e <= x < m["end"] for x in (a.get("cue_start"), a.get("content_start"))):
                a["speaker_end"] = e = m["end"]


def document_issuer(ctx: Ctx, words) -> list:
    """The words of the body a document phrase says it comes from: the noun phrase after `de`
    or `par` whose head is a person, a body or a speaking group (`du gouvernement`, `de l'armée
    kurde`), up to the adjectives after that head, or the agent of a participle on the document
    noun outside the phrase (`une étude réalisée par 31 primatologues`); [] when there is none."""
    for k, t in enumerate(words[1:-1], 1):
        if norm(t) in ctx.words.de or norm(t) == "par":
            found = _issuer_phrase(ctx, words[k + 1:])
            if found:
                return found
    doc_noun = next((t for t in words if t.pos_ == "NOUN"), None)
    for verb in (doc_noun.children if doc_noun is not None else ()):
        if verb.dep_.startswith("acl") and verb.i > words[-1].i:
            for agent in verb.children:
                if agent.dep_.startswith("obl") and any(norm(c) == "par" for c in agent.children):
                    found = _issuer_phrase(ctx, [x for x in agent.subtree if x.i > verb.i and norm(x) != "par"])
                    if found:
                        return found
    return []


def _issuer_phrase(ctx: Ctx, after) -> list:
    """The noun phrase opening `after` (determiners, numbers, adjectives, then its noun and the
    adjectives after it) when its noun is a person, a body or a speaking group, else []."""
    j = 0
    while j < len(after) and after[j].pos_ in ("DET", "NUM", "ADJ"):
        j += 1
    if j == len(after) or after[j].pos_ != "NOUN":
        return []
    head = after[j]
    if not (listed(head, ctx.words.actor_head) or listed(head, ctx.words.speaking_noun) or agent_noun(ctx, head)) \
            or listed(head, ctx.words.written):
        return []
    end = j + 1
    while end < len(after) and after[end].pos_ == "ADJ":
        end += 1
    return after[:end]
