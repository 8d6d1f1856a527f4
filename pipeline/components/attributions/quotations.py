"""Patterns anchored on quotation marks alone: a quote followed by a dash and its speaker
(`« … » – X`), a quote that continues the previous paragraph's (same speaker, no cue), and a
quote that is the predicate of its sentence (`X « félicite chaleureusement » Y`), a quote
after a colon that closes a clause naming a speech (`a signé une déclaration : « … »`), a
first-person sentence after a colon closing a clause (`Elle a posté : « Je reste. »`) or after
a named person's sentence (`Léa Roy a brandi le drapeau. « Je voulais … »`), and a
quote inside a quote after a verb of saying (`« … en criant « Au feu ! » … »`)."""
from __future__ import annotations

import bisect
import re

from pipeline.components.attributions.context import (DASHES, SENT_END, Ctx, Speaker, chars, make_attribution, norm,
                                                      speaker_at)
from pipeline.components.attributions.cues import negated
from pipeline.components.attributions.noun_phrases import np_right
from pipeline.components.attributions.speakers import left_speaker, speaker_for
from pipeline.components.attributions.strict import human_speaker


def pattern_dash(ctx: Ctx, owner, found: list[dict]) -> list[dict]:
    """A quote signed after a dash: `« Nous resterons. » – Marie Durand`.

    Direct, no cue, the speaker is the noun phrase after the dash: a name, a determined noun phrase
    or, under a quote box, a person's or organisation's description (`— Service de presse du festival`)."""
    used = {(a["content_start"], a["content_end"]) for a in found}
    out = []
    for k, q in enumerate(ctx.quotes):
        close = ctx.qtok[k][1]
        if close is None or (q.start, q.end) in used or close + 2 >= ctx.n:
            continue
        d = close + 1
        if ctx.tok(d).text in {",", "."}:
            d += 1
        if d < ctx.n and ctx.tok(d).is_space and "\n" in ctx.tok(d).text:
            # a quote box: the quote a paragraph of its own, signed on the next line (`« … »` ¶ `— Luca, 32 ans`),
            # unless its words are already some cue's
            if not ctx.text[:q.open].rstrip(" ").endswith("\n") or any(
                    a["content_start"] is not None and a["content_start"] < q.end and q.start < a["content_end"]
                    for a in found):
                continue
            d += 1
        if d >= ctx.n or ctx.tok(d).text not in DASHES:
            continue
        np = np_right(ctx, d + 1)
        if not np:
            continue
        e = np[1] + 1
        if e < ctx.n and not (ctx.tok(e).text in SENT_END or ctx.tok(e).is_space or "\n" in ctx.tok(np[1]).whitespace_
                              or ctx.tok(e).text == ","):
            continue
        a = make_attribution("direct", None, "", "", speaker_at(ctx, *np, "object"), (q.start, q.end), "dash_quote")
        if not any(ctx.tok(x).pos_ in ("PROPN",) for x in range(np[0], np[1] + 1)) and ctx.tok(np[0]).pos_ != "DET" \
                and not ("\n" in ctx.tok(d - 1).text and human_speaker(ctx, a, agents=False)):
            continue
        out.append(a)
    return out


def own_incise(prev: dict, before: str) -> bool:
    """Is the text between a direct quote and the next one only the quote's own sentence of
    attribution, however long its speaker's apposition (`« … », a déclaré Paul Roux, maire de
    la commune depuis 2008, à la presse. « … »`): its cue after the quote and one sentence end?"""
    cue = prev.get("cue_start")
    return cue is not None and cue >= prev["content_end"] and len(re.findall(r"[.!?](?:\s|$)", before)) == 1 \
        and len(before) < 200


SENTENCE_DONE = re.compile(r"[.!?]\s*[»”]?\s*$")  # the full stop may close the quote (`« … général. » « On … »`)


def _quoting(ctx: Ctx, a: dict) -> bool:
    """Does attribution `a` quote its speaker: direct, or with quoted words in its content
    (`en évoquant des « pertes »`, `Selon X, l'annonce est « une victoire »`)?"""
    return a["kind"] == "direct" or a["kind"] in ("mixed", "according_to") and any(
        ch in ctx.text[a["content_start"]:a["content_end"]] for ch in "«“")


def pattern_continued(ctx: Ctx, found: list[dict]) -> list[dict]:
    """A quote opening a paragraph with no cue continues the previous paragraph's speaker; in the
    same paragraph, a quote that is a sentence of its own continues the sentence that quoted its
    speaker (_quoting).

    `Il a déclaré : « Nous reconstruirons. »` ¶ `« Et nous le ferons vite. »` -> the second
    is direct, no cue, no speaker, the same actor."""
    if not found:
        return []
    text = ctx.text
    ordered = sorted((a for a in found if not a["rule"].startswith("in_quote_")), key=lambda a: a["content_end"])
    if not ordered:
        return []
    ends = [a["content_end"] for a in ordered]
    covered = sorted((a["content_start"], a["content_end"]) for a in found)
    content_starts = {a["content_start"] for a in found}
    cstarts = [c[0] for c in covered]
    out = []
    for q in ctx.quotes:
        # the quote must open its paragraph, or follow the sentence of a direct quote's cue
        p = text.rfind("\n", 0, q.open)
        same_par = False
        if text[p + 1:q.open].strip():
            m = bisect.bisect_right(ends, q.open) - 1
            before = text[ordered[m]["content_end"]:q.open] if m >= 0 else ""
            if not (m >= 0 and _quoting(ctx, ordered[m]) and (len(before) < 60 or own_incise(ordered[m], before))
                    and "\n" not in before and SENTENCE_DONE.search(text[ordered[m]["content_end"] - 3:q.open])):
                continue
            same_par = True
        # and be the whole paragraph, or most of it; after a direct quote's sentence, a whole
        # sentence of its own (`« A », a déclaré X. « B » . Le président …`)
        nl = text.find("\n", q.close)
        par_end = len(text) if nl < 0 else nl
        after = text[q.close + 1:par_end].strip()
        own_sentence = same_par and (after[:1] in (".", "!", "?") or
                                     text[q.start:q.end].rstrip()[-1:] in (".", "!", "?") and after[:1].isupper())
        if len(after) > 2 and q.closed and not own_sentence:
            continue
        # not already some attribution's content, nor inside one
        k = bisect.bisect_right(cstarts, q.start) - 1
        if k >= 0 and covered[k][1] >= q.start and covered[k][0] <= q.start:
            continue
        if q.start in content_starts:
            continue
        # the previous attribution ends in the previous paragraph
        m = bisect.bisect_right(ends, q.open) - 1
        if m < 0:
            continue
        prev = ordered[m]
        between = text[prev["content_end"]:q.open]
        blocks = [b for b in between.split("\n") if b.strip()]
        if not same_par and (len(blocks) > 1 or (blocks and len(blocks[0]) > 200)):
            continue
        if prev["kind"] not in ("direct", "mixed") and prev.get("speaker_start") is None:
            continue
        out.append(make_attribution("direct", None, "", "", None, (q.start, q.end), "continued_quote",
                                    inherit=True, speaker_rule="previous"))
        pos = bisect.bisect_right(ends, q.end)
        ends.insert(pos, q.end)
        ordered.insert(pos, out[-1])
    return out


def pattern_quoted_predicate(ctx: Ctx, found: list[dict]) -> list[dict]:
    """A quote that opens on the finite verb of its sentence (or on the participle after its
    auxiliary) is its subject's words: `La ministre « félicite chaleureusement » le lauréat`,
    `le Conseil a « enjoint au gouvernement de … »`, `le tribunal, qui « [...] annule … »`.

    Direct, no cue; the speaker is the subject before the quote, a person, an organisation or a
    document (`Ce texte « rappelle que … »`; `Les ventes « explosent »` is the journalist's scare
    quote)."""
    covered = [(a["content_start"], a["content_end"]) for a in found]
    out = []
    for k, q in enumerate(ctx.quotes):
        open_, close = ctx.qtok[k]
        if open_ is None or close is None or open_ == 0 or any(s <= q.open < e for s, e in covered):
            continue
        v = open_ + 1
        while v < close and ctx.tok(v).text in ("[", "...", "…", "]", "(", ")"):
            v += 1  # `« [...] annule`
        while v < close and _verb_clitic(ctx, ctx.tok(v)):
            v += 1  # `« s'associe`, `« ne répondra`: the verb's own clitics open the quote
        verb = ctx.tok(v)
        if verb.pos_ not in ("VERB", "AUX") or ctx.in_quote[v] != k:
            continue
        before = ctx.tok(open_ - 1)
        finite = "Fin" in verb.morph.get("VerbForm") and before.pos_ != "AUX"
        perfect = verb.morph.get("VerbForm") == ["Part"] and before.pos_ == "AUX"
        if not (finite or perfect) or before.is_sent_start or perfect and before.lower_ == "été":
            continue  # (`Ils auraient été « jetés … »`: a passive's subject is no speaker)
        relative = norm(before) == "qui"
        # the subject, or for `qui` its antecedent, must be someone
        sp = left_speaker(ctx, open_ - 1 if relative else open_)
        if sp is None or not (human_speaker(ctx, {"speaker_start": sp[0], "speaker_end": sp[1]}, agents=False)
                              or _document(ctx, sp)):
            continue
        subject = ctx.doc.char_span(sp[0], sp[1], alignment_mode="expand")
        if not relative and subject is not None and subject.start > 0 \
                and norm(ctx.tok(subject.start - 1)) in ("que", "qu'"):
            continue  # `ont découvert que 15 joueurs « perdaient … »`: the words of whoever found it
        # (for `qui`, the antecedent itself: the parse of a relative opening a quote is no help)
        speaker = Speaker(sp[0], sp[1], "relative" if relative else "subject")
        out.append(make_attribution("direct", None, "", "", speaker, (q.start, q.end), "quoted_predicate"))
    return out


def _verb_clitic(ctx: Ctx, tok) -> bool:
    """A word of the verb's own before it: an object or reflexive clitic (`s'`, `lui`, `y`) or `ne`
    (words.jsonl `object_clitic`, `negation_start`); not `nous` / `vous`, which open a quote as its
    subject (`« nous serons … »`)."""
    w = norm(tok)
    return tok.pos_ in ("PRON", "ADV") and tok.head.i > tok.i and w not in ("nous", "vous") and (
        w in ctx.words.object_clitic or w in ctx.words.negation_start)


def _document(ctx: Ctx, sp) -> bool:
    """Is the noun phrase at char span sp headed by a document (`ce texte`, `le rapport`)?"""
    span = ctx.doc.char_span(sp[0], sp[1], alignment_mode="expand")
    head = next((t for t in span if t.pos_ == "NOUN"), None) if span is not None else None
    return head is not None and head.lower_ in ctx.words.document_head


def pattern_noun_colon_quote(ctx: Ctx, owner, found: list[dict]) -> list[dict]:
    """A quote after a colon, in a clause whose noun names a speech or a text (a noun of the cue
    lexicon: `déclaration`, `commentaire`, `discours`, `message`) with no finite verb after it.

    `Il a terminé son discours par une phrase célèbre : « … »` -> direct, speaker `Il` (the
    subject of the verb the noun hangs from); `de nombreux commentaires, comme celui de Paul
    Roux, analyste : « … »` -> direct, speaker Paul Roux (a name the noun's `de` introduces)."""
    covered = [(a["content_start"], a["content_end"]) for a in found]
    names = {m["start"]: m for m in ctx.doc._.depeche_mentions or [] if m.get("label") in ("PER", "ORG", "GPE")}
    out = []
    for k, q in enumerate(ctx.quotes):
        open_ = ctx.qtok[k][0]
        if open_ is None or open_ < 2 or ctx.tok(open_ - 1).text != ":" or any(
                s <= q.open < e for s, e in covered):
            continue
        colon = open_ - 1
        noun = None
        for x in range(colon - 1, max(ctx.tok(colon).sent.start - 1, colon - 14), -1):
            tk = ctx.tok(x)
            if tk.pos_ in ("VERB", "AUX") and "Fin" in tk.morph.get("VerbForm") or ctx.in_quote[x] >= 0:
                break
            if tk.pos_ == "NOUN" and (owner.nouns.get(tk.lemma_.lower()) or owner.nouns.get(tk.lower_)):
                noun = tk
                break
        if noun is None:
            continue
        speaker = None
        for x in range(noun.i + 1, colon):
            # its author: a name or a person's description after `de` (`le message de la préfète`)
            if norm(ctx.tok(x - 1)) not in ctx.words.de | {"du", "des"}:
                continue
            np = np_right(ctx, x, appos=False)
            if np and (ctx.tok(x).idx in names or human_speaker(
                    ctx, {"speaker_start": ctx.tok(np[0]).idx, "speaker_end": chars(ctx, *np)[1]}, agents=False)):
                speaker = speaker_at(ctx, *np, "object")
                break
        if speaker is None and noun.head.pos_ == "VERB" and noun.dep_ in ("obj", "nsubj", "obl:arg", "obl:mod"):
            speaker = speaker_for(ctx, noun.head)
        if speaker is None:
            continue
        cue = owner.nouns.get(noun.lemma_.lower()) or owner.nouns.get(noun.lower_)
        out.append(make_attribution("direct", noun, cue.lemma, cue.stance, speaker, (q.start, q.end),
                                    "noun_colon_quote"))
    return out


def _first_person_quote(ctx: Ctx, open_: int, close) -> bool:
    """Does the quote opening at token open_ start a sentence of its own (a capital) and speak in
    the first person within its first thirty words?"""
    first = ctx.tok(open_ + 1) if open_ + 1 < ctx.n else None
    if first is None or not first.text[:1].isupper():
        return False
    last = close if close is not None else min(ctx.n, open_ + 30)
    return any(norm(ctx.tok(x)) in ctx.words.first_person for x in range(open_ + 1, min(last, open_ + 30)))


def _main_clause_speaker(ctx: Ctx, end: int, negation: bool = False):
    """The subject of the main verb of the sentence ending before token `end` (a Speaker), or None;
    a negated main verb gives none unless `negation`."""
    start = ctx.sent_start(end)  # not the parser's sentence when it runs two paragraphs together
    verb = next((ctx.tok(x) for x in range(end - 1, start - 1, -1)
                 if ctx.in_quote[x] < 0 and ctx.tok(x).pos_ in ("VERB", "AUX")
                 and "Fin" in ctx.tok(x).morph.get("VerbForm")), None)
    # the main clause's verb, not a relative's or a subordinate's (`Il a consolé Paul, qu'il
    # bat de peu : « … »` -> `Il`)
    while verb is not None and verb.dep_ not in ("ROOT", "conj") and start <= verb.head.i < end \
            and verb.head is not verb:
        verb = verb.head
    if verb is None or verb.pos_ not in ("VERB", "AUX") or not negation and negated(ctx, verb):
        return None
    speaker = speaker_for(ctx, verb)
    if speaker is None and not any(c.dep_ == "obl:agent" for c in verb.children):
        # a verb of motion with `être` read as a passive (`Il est allé consoler Paul : « … »`):
        # no cue, so its subject is the one who speaks
        subject = left_speaker(ctx, verb.i)
        speaker = Speaker(*subject, "subject") if subject else None
    return speaker


def pattern_first_person_colon(ctx: Ctx, found: list[dict]) -> list[dict]:
    """A sentence in the first person after the colon closing a clause with no cue is the
    words of that clause's subject: `Elle s'est tournée vers la salle : « Je reste. »` ->
    direct, no cue, speaker `Elle` (a person or an organisation, never a thing). After a full
    stop, a first-person quote that is a sentence of its own is the words of the previous
    sentence's subject when that subject is a named person (`Léa Roy a brandi le drapeau. « Je
    voulais lancer un message. »`)."""
    covered = [(a["content_start"], a["content_end"]) for a in found]
    out = []
    for k, q in enumerate(ctx.quotes):
        open_, close = ctx.qtok[k]
        colon = open_ - 1 if open_ is not None else -1
        while colon > 0 and ctx.tok(colon).is_space:
            colon -= 1  # `… pays où il s'était exilé :` then `« J'exprime … »` as the next paragraph
        if colon < 1 or any(s <= q.open < e for s, e in covered) or not _first_person_quote(ctx, open_, close):
            continue
        if ctx.tok(colon).text == ":":
            a = make_attribution("direct", None, "", "", _main_clause_speaker(ctx, colon), (q.start, q.end),
                                 "first_person_colon")
            if human_speaker(ctx, a):
                out.append(a)
        elif ctx.tok(colon).text == "." and colon == open_ - 1 and close is not None and _sentence_end(ctx, close):
            a = make_attribution("direct", None, "", "", _main_clause_speaker(ctx, colon, negation=True),
                                 (q.start, q.end), "first_person_sentence")
            if a["speaker_start"] is not None and any(
                    m["start"] < a["speaker_end"] and m["end"] > a["speaker_start"] and m.get("label") == "PER"
                    for m in ctx.doc._.depeche_mentions or []):
                out.append(a)
    return out


def _sentence_end(ctx: Ctx, close: int) -> bool:
    """Does the quote closing at token `close` end its sentence (a full stop inside or right after
    it, or a paragraph end)?"""
    if ctx.tok(close - 1).text in SENT_END or close + 1 >= ctx.n:
        return True
    nxt = ctx.tok(close + 1)
    return nxt.text in SENT_END or ctx.is_break(close) or nxt.is_space and "\n" in nxt.text


def pattern_read_in(ctx: Ctx, owner, found: list[dict]) -> list[dict]:
    """`« … », peut-on lire dans le communiqué du syndicat`, `lit-on sur le site`: the quote is
    the text's words; the speaker is the text read (a document, corpus/NOTES.md T5).

    Direct, cue `lire`, speaker the noun phrase after `dans`/`sur` (rule `object`)."""
    cue = next(iter(owner.verbs.get("lire", [])), None)
    if cue is None:
        return []
    covered = {(a["content_start"], a["content_end"]) for a in found}
    out = []
    for k, q in enumerate(ctx.quotes):
        close = ctx.qtok[k][1]
        if close is None or (q.start, q.end) in covered:
            continue
        j = close + 1
        if j < ctx.n and ctx.tok(j).text == ",":
            j += 1
        words = [norm(ctx.tok(x)) for x in range(j, min(ctx.n, j + 3))]
        if words[:2] in (["lit", "-on"], ["lisait", "-on"]):
            read, j = j, j + 2
        elif len(words) == 3 and words[0] in ("peut", "pouvait", "pourra") and words[1:] == ["-on", "lire"]:
            read, j = j + 2, j + 3
        else:
            continue
        if j + 1 >= ctx.n or norm(ctx.tok(j)) not in ("dans", "sur"):
            continue
        np = np_right(ctx, j + 1, appos=False)
        if np:
            out.append(make_attribution("direct", ctx.tok(read), cue.lemma, cue.stance,
                                        speaker_at(ctx, *np, "object"), (q.start, q.end), "read_in"))
    return out


def pattern_nested_quote(ctx: Ctx, owner, found: list[dict]) -> list[dict]:
    """A quote inside a quote, right after a verb of saying of the outer one (a colon aside):
    `« Il a couru vers nous en criant « Au feu ! », puis il est tombé », a raconté un témoin`
    -> direct `Au feu !`, speaker the verb's subject (`Il`). The outer quote's patterns see
    only quotes of depth 0; these words are said by someone the outer speaker reports."""
    used = {(a["content_start"], a["content_end"]) for a in found}
    out = []
    for q in ctx.inner_quotes:
        if (q.start, q.end) in used:
            continue
        mark = ctx.doc.char_span(q.open, q.open + 1, alignment_mode="expand")
        i = mark.start - 1 if mark is not None else -1
        while i >= 0 and ctx.tok(i).text in (":", ","):
            i -= 1
        if i < 0:
            continue
        t = ctx.tok(i)
        cue = owner.verb_cue(ctx, t)
        if cue is None or "quote" not in cue.frames or negated(ctx, t):
            continue
        out.append(make_attribution("direct", t, cue.lemma, cue.stance, speaker_for(ctx, t), (q.start, q.end),
                                    "nested_quote"))
    return out
