"""Speakers after their cue (`…, a déclaré le ministre`, `…, précise-t-il`) and the words a cue's
frames step over on its right: time words and adverbs, a locution, the cue's own particle, a past
incise. The speakers module reads the speaker before the cue and from the parse."""
from __future__ import annotations

from typing import Optional

from pipeline.components.attributions.context import SENT_END, TO, Ctx, Speaker, norm, speaker_at
from pipeline.components.attributions.cues import inverted_clitic
from pipeline.components.attributions.noun_phrases import np_right


def skip_adverbials(ctx: Ctx, j: int) -> int:
    """The first token from j that is neither an adverb nor a date (`a annoncé lundi`,
    `a dévoilé le 16 septembre`, `a confirmé mardi dernier`)."""
    while j < ctx.n:
        if ctx.tok(j).pos_ == "ADV":
            j += 1
            continue
        k = j
        if norm(ctx.tok(k)) in ("le", "la", "l'", "ce", "cette", "cet") and k + 1 < ctx.n:
            k += 1
        while k < ctx.n and ctx.tok(k).pos_ == "NUM":
            k += 1
        if k == j + 1 and ctx.tok(j).pos_ == "NUM" and k + 1 < ctx.n and norm(ctx.tok(k + 1)) in ("de", "d'"):
            return j  # `annonce trois jours de deuil`: a count of days is the object, no date
        if k < ctx.n and ctx.tok(k).lower_ in ctx.words.time_word:
            k += 1
            while k < ctx.n and (ctx.tok(k).pos_ == "NUM" or ctx.tok(k).lower_ in ("dernier", "dernière", "prochain",
                                                                                 "prochaine", "matin", "soir")):
                k += 1
            j = k
            continue
        return j
    return j


def bare_locution(ctx: Ctx, k: int) -> bool:
    """Does an adverbial locution of two words start at token k: a preposition and a noun or
    adverb with no determiner, which the parse hangs on a verb and gives no complement (`en
    revanche`, `en bloc`, `d'ailleurs`, `depuis lundi`, `au préalable`), or that the parse marks as
    fixed (`d'abord`)? Not `de` + a noun otherwise, which may start a name or the noun phrase
    itself (`de la Morlais`, `de nouvelles mesures`)."""
    if k + 1 >= ctx.n or ctx.tok(k).pos_ != "ADP":
        return False
    w = ctx.tok(k + 1)
    if w.dep_ == "fixed" and w.head.i == k and w.pos_ in ("NOUN", "ADV"):
        return True  # `d'abord`, `en effet`: a locution the parse marks as fixed
    if norm(ctx.tok(k)) in ctx.words.de and w.pos_ != "ADV":
        return False
    head = w if ctx.tok(k).head.i == w.i else ctx.tok(k)
    return w.pos_ in ("NOUN", "ADV") and not w.text[:1].isupper() and w.right_edge.i == k + 1 \
        and (w.head.i == k or ctx.tok(k).head.i == w.i) and head.head.pos_ in ("VERB", "AUX") \
        and head.dep_ in ("obl:mod", "advmod", "obl", "obl:arg")  # (`demandent au préalable le …`)


def time_complement(ctx: Ctx, k: int) -> bool:
    """`en mars (2016)`, `depuis janvier`, `en 2015`: a preposition, then a month or another
    time noun with no determiner (then at most a year), or `en` and a year."""
    if k + 1 >= ctx.n or ctx.tok(k).pos_ != "ADP" or norm(ctx.tok(k)) in ctx.words.de:
        return False
    w = ctx.tok(k + 1)
    return w.lower_ in ctx.words.time_word or norm(ctx.tok(k)) == "en" and w.like_num and len(w.text) == 4


def skip_own_part(ctx: Ctx, j: int) -> int:
    """Past `pour sa part`, `de son côté`, `à son tour` (a preposition, a possessive, a noun),
    the bare locutions (`en revanche`, `d'ailleurs`) and the adverbs and dates around them,
    between a cue and its subject or object (`…, estime pour sa part le juge`, `ont annoncé le
    12 avril les Nations unies`, `nie en bloc toute responsabilité`)."""
    for _ in range(3):
        k = skip_adverbials(ctx, j)
        if k + 2 < ctx.n and ctx.tok(k).pos_ == "ADP" and ctx.tok(k + 1).morph.get("Poss") == ["Yes"] \
                and ctx.tok(k + 2).pos_ == "NOUN":
            k += 3
        elif bare_locution(ctx, k):
            k += 2
        elif time_complement(ctx, k):
            k += 2
            while k < ctx.n and ctx.tok(k).pos_ == "NUM":
                k += 1  # `a annoncé en mars 2016 un plan`
        if k == j:
            return j
        j = k
    return j


def past_incise(ctx: Ctx, j: int) -> int:
    """`…, a confié, à Reuters, le directeur`: the subject after a verbless complement the commas
    frame (a preposition, an adverb or a time word first); j when there is none."""
    k = j + 1
    if k >= ctx.n or ctx.tok(j).text != "," or not (
            ctx.tok(k).pos_ in ("ADP", "ADV") or ctx.tok(k).lower_ in ctx.words.time_word):
        return j
    while k < ctx.n and k - j <= 8 and ctx.tok(k).text != ",":
        if ctx.tok(k).pos_ in ("VERB", "AUX") or k in ctx.open_tok or ctx.tok(k).text in SENT_END:
            return j
        k += 1
    return k + 1 if k + 1 < ctx.n and ctx.tok(k).text == "," and ctx.tok(k + 1).pos_ in ("DET", "PROPN") else j


def right_speaker(ctx: Ctx, i: int, incise: bool = False) -> Optional[Speaker]:
    clitic = inverted_clitic(ctx, ctx.tok(i))
    if clitic:
        return Speaker(*clitic, "clitic")
    j = skip_own_part(ctx, i + 1)
    j = past_incise(ctx, j) if incise else j
    if j < ctx.n and norm(ctx.tok(j)) in ctx.words.before_subject:
        # the complement ends where the subject starts: a determiner after its noun (`à la presse
        # le ministre`), or a name after its name (`à l'AFP Jean Roux`: a mention starts there)
        starts = {m["start"] for m in ctx.doc._.depeche_mentions or []}
        k = j + 1
        while k < ctx.n and k - j < 8 and ctx.tok(k).pos_ in ("DET", "NOUN", "PROPN", "ADJ"):
            prev = ctx.tok(k - 1)
            if k > j + 1 and prev.pos_ in ("NOUN", "PROPN", "ADJ") and (
                    ctx.tok(k).pos_ == "DET" or ctx.tok(k).idx in starts):
                break
            k += 1
        if k < ctx.n and k > j + 1 and ctx.tok(k).pos_ in ("DET", "PROPN"):
            j = k
    np = np_right(ctx, j) or _particle_name(ctx, j)
    if np and all(ctx.tok(x).pos_ in ("DET", "NUM") or ctx.tok(x).pos_ == "ADJ" and not ctx.tok(x).text[:1].isupper()
                  or ctx.tok(x).lower_ in ctx.words.time_word | ctx.words.repetition for x in range(np[0], np[1] + 1)):
        return None  # `…, annoncé ce mardi`: a time, no subject (but `a raconté une Canadienne`: a nationality noun)
    if np:  # `a lancé le procureur Paul Roy à l'ancien ministre`: the name ends the speaker, not its addressee
        np = (np[0], next((k - 1 for k in range(np[0] + 1, np[1]) if norm(ctx.tok(k)) in TO and ctx.tok(k - 1).pos_ == "PROPN"), np[1]))
    return speaker_at(ctx, *np, "post_verbal") if np else None


def _particle_name(ctx: Ctx, j: int) -> Optional[tuple[int, int]]:
    """`…, ajoute encore de la Morlais.`: a surname with its particle (`de`, `de la`, `d'`) and
    capitalised words up to the end of the sentence or a comma, as an inverted subject."""
    if j >= ctx.n or norm(ctx.tok(j)) not in ("de", "d'"):
        return None
    k = j + 1
    if k < ctx.n and norm(ctx.tok(k)) in ("la", "l'"):
        k += 1
    e = k
    while e < ctx.n and ctx.tok(e).text[:1].isupper() and ctx.tok(e).pos_ in ("PROPN", "NOUN", "X"):
        e += 1
    if e == k or not (e >= ctx.n or ctx.tok(e).text in SENT_END | {","}):
        return None
    return (j, e - 1)
