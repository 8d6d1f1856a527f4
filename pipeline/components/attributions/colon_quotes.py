"""The pattern of a quote after its cue: a colon and a quote, or the quote right away (cues.jsonl
frames `quote` and `que`): `Le général a déclaré : « La ligne tiendra. »`, `Il a répondu « jamais
».`, `a salué « un changement » tout en appelant à …` (the gerund opens the speaker's next
statement)."""
from __future__ import annotations

from pipeline.components.attributions.contents import clause_right, kind_of, quote_setting
from pipeline.components.attributions.context import SENT_END, Ctx, make_attribution, norm, speaker_at
from pipeline.components.attributions.cues import chain_start, inverted_clitic
from pipeline.components.attributions.noun_phrases import np_right
from pipeline.components.attributions.objects import attribute_of_noun, passive_cue
from pipeline.components.attributions.speakers import by_voice_of, is_participle, left_speaker, speaker_for
from pipeline.components.attributions.speakers_right import skip_own_part
from pipeline.components.attributions.verb_frames import past_addressee
from pipeline.rules.cues import Cue


def pattern_colon_quote(ctx: Ctx, owner, t, cue: Cue) -> list[dict]:
    """Cue verb, then a colon and a quote (or the quote right away).

    `Le général a déclaré à la presse : « La ligne tiendra. »` -> direct
    `…, la porte-parole, Anne Roy, déclarant aux élus : "Le budget est voté".` -> direct, speaker Anne Roy
    `Il a répondu « jamais » aux journalistes.` -> direct
    not: `une coalition dite « Jamaïque »` (a participle naming its noun)
    """
    if attribute_of_noun(t):
        return []
    j = t.i + 1
    colon = None
    voice = by_voice_of(ctx, t)  # `a répondu par la voix de X, role de Y :`; else farther only before a quote
    reach = 20
    right_after = skip_own_part(ctx, t.i + 1)  # `a souhaité pour sa part « … »`, `a dit lundi « … »`
    right_after = skip_own_part(ctx, past_addressee(ctx, t, right_after))  # `déclare à la police « … »`
    while j < ctx.n and j - t.i <= reach:
        tk = ctx.tok(j)
        if tk.text == ":":
            colon = j
            break
        if j in ctx.open_tok and j == right_after:
            # `a répondu « jamais ».`, `a condamné « l'attentat » et …`, `souhaite « bonne chance »
            # à Hamon`: a quote right after the cue is its object, unless the clause goes on
            # with a finite verb (`dit « X » est …`; a participle, `« le travail » mené`, goes on
            # with the object)
            close = ctx.qtok[ctx.open_tok[j]][1]
            nxt = ctx.tok(close + 1) if close is not None and close + 1 < ctx.n else None
            if nxt is not None and nxt.pos_ == "CCONJ" and close + 2 < ctx.n and ctx.tok(close + 2).pos_ == "DET":
                # `affirmant « l'insignifiance du groupe » et son intention de …`: one object, all of it
                spans = clause_right(ctx, owner, j)
                return [make_attribution("mixed", t, cue.lemma, cue.stance, speaker_for(ctx, t),
                                         (ctx.tok(j).idx, spans[-1][1]), "object_quote")] if spans else []
            if close is None or nxt is None or nxt.pos_ not in ("VERB", "AUX") or \
                    "Fin" not in nxt.morph.get("VerbForm"):
                colon = j - 1
                break
            return []
        if tk.text in SENT_END or (tk.is_space and "\n" in tk.text) or norm(tk) in ("que", "qu'") \
                or (tk.pos_ in ("VERB", "AUX") and tk.morph.get("VerbForm") == ["Fin"]) or j in ctx.open_tok:
            return []
        j += 1
    if colon is None:
        return []
    k = colon + 1
    while k < ctx.n and ctx.tok(k).is_space:
        k += 1
    far = colon - t.i > 12 and not voice  # `a déclaré, sur les marches, après … :` before a quote only, and
    if (k > colon + 1 or far) and k not in ctx.open_tok or far and any(  # no participle between (`a rejeté …,
            x.pos_ == "VERB" and x.morph.get("Tense") == ["Pres"] for x in ctx.doc[t.i + 1:colon]):  # X déclarant :`)
        return []  # a colon at the end of a paragraph introduces only a quote
    speaker = None
    if colon > t.i + 1 and inverted_clitic(ctx, t) is None and ctx.tok(t.i + 1).pos_ in ("DET", "PROPN"):
        # `comme l'indique Jean Roy, biologiste : « … »`: the subject follows the cue
        np = np_right(ctx, t.i + 1)
        if np and np[1] + 1 == colon and (left_speaker(ctx, t.i) is None or
                                          norm(ctx.tok(chain_start(ctx, t.i) - 1)) in ("comme", ",")):
            speaker = speaker_at(ctx, *np, "post_verbal")
    if speaker is None:
        speaker = speaker_for(ctx, t)
    if k in ctx.open_tok:
        q = ctx.quotes[ctx.open_tok[k]]
        close = ctx.qtok[ctx.open_tok[k]][1]
        if ctx.tok(colon).text != ":" and close is not None:
            # `dénonce « toute tentative » contre ses membres`: the object goes on after the quote
            # (`« le travail » mené « ensemble »`: a participle and a further quote go on with it)
            e = close + 1
            while e < ctx.n and e - close < 12:
                x = ctx.tok(e)
                if e in ctx.open_tok and e > close + 1 and ctx.qtok[ctx.open_tok[e]][1] is not None:
                    e = ctx.qtok[ctx.open_tok[e]][1] + 1
                    continue
                if x.is_punct or x.is_space or e in ctx.open_tok or x.pos_ == "CCONJ" or (
                        x.pos_ in ("VERB", "AUX") and (x.morph.get("VerbForm") != ["Part"] or is_participle(x))):
                    break  # (a gerund opens a clause of its own: `« un changement » tout en appelant à`)
                e += 1
            while e > close + 1 and norm(ctx.tok(e - 1)) in ("en", "tout"):
                e -= 1
            rest = ctx.doc[close + 1:e]
            if len(rest) and not quote_setting(ctx, rest):
                return [make_attribution("mixed", t, cue.lemma, cue.stance, speaker,
                                         (q.open, rest[-1].idx + len(rest[-1].text)), "colon_quote")]
        if _bare_participle(ctx, t) and close is not None and not _own_subject(ctx, t, speaker) and not any(
                x.pos_ in ("VERB", "AUX") and x.morph.get("VerbForm") == ["Fin"] for x in ctx.doc[k + 1:close]):
            return []  # `un clip …, dénonçant « les préjugés »`: whose words, the parse cannot tell
        return [make_attribution("direct", t, cue.lemma, cue.stance, speaker, (q.start, q.end), "colon_quote")]
    if ctx.tok(colon).text != ":" or passive_cue(t):
        return []  # `avait été accusé d'avoir … : la province du Sind`: the subject is spoken of
    spans = clause_right(ctx, owner, k)
    if not spans:
        return []
    span = (spans[0][0], spans[-1][1])
    toks = ctx.doc.char_span(*span, alignment_mode="expand")
    if speaker is not None and speaker.rule == "post_verbal" and toks is not None and not any(
            x.pos_ in ("VERB", "AUX") and "Fin" in x.morph.get("VerbForm") for x in toks):
        # `a dévoilé son choix : Paul Roy`: before a list or a name, the noun phrase between the
        # cue and the colon is what is announced (the content's head), not an inverted subject
        span = (speaker[0], span[1])
        speaker = speaker_for(ctx, t)
    kind, span = kind_of(ctx, span, "indirect")
    return [make_attribution(kind, t, cue.lemma, cue.stance, speaker, span, "colon_clause")]


def _bare_participle(ctx: Ctx, t) -> bool:
    """A present participle that is no gerund (`dénonçant`, not `en dénonçant`, `tout en se disant`)."""
    j = t.i - 1
    while j >= 0 and (norm(ctx.tok(j)) in ctx.words.object_clitic or norm(ctx.tok(j)) in ("se", "s'")):
        if norm(ctx.tok(j)) == "en":
            return False
        j -= 1
    return is_participle(t)


def _own_subject(ctx: Ctx, t, speaker) -> bool:
    """Does the speaker stand right before the cue, only clitics between (`Le Parisien le qualifiant`)?"""
    if speaker is None:
        return False
    between = ctx.text[speaker[1]:t.idx].split()
    return all(w.lower() in ctx.words.object_clitic or w.lower() in ("se", "s'") for w in between)
