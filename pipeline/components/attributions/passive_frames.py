"""Patterns anchored on a passive or reflexive reporting verb: a passive participle and its
agent before or after a quote, a passive cue whose subject is what was said, and `se dire` /
`se déclarer` + an adjective (the speaker's own stance)."""
from __future__ import annotations

from pipeline.components.attributions.contents import clause_right, kind_of
from pipeline.components.attributions.context import Ctx, chars, make_attribution, norm, speaker_at
from pipeline.components.attributions.cues import chain_start
from pipeline.components.attributions.noun_phrases import np_right
from pipeline.components.attributions.speakers import speaker_for, subject_phrase, with_name_after
from pipeline.components.attributions.speakers_right import skip_adverbials
from pipeline.components.attributions.objects import quoted_label
from pipeline.components.attributions.strict import human_speaker, standing_confirmed
from pipeline.rules.cues import Cue


def pattern_passive_quote(ctx: Ctx, owner, t, cue: Cue) -> list[dict]:
    """A passive cue with its agent: the quote is the agent's words.

    `Le projet est qualifié de « pure folie » par les riverains.` -> direct, speaker `les riverains`
    `… la formule « Tout se jouera ici » lancée par la ministre.` -> direct, speaker `la ministre`
    """
    q = None
    j = t.i + 1
    if j < ctx.n and norm(ctx.tok(j)) in ("de", "d'", "comme"):
        j += 1
        if j in ctx.open_tok:
            q = ctx.open_tok[j]
            close = ctx.qtok[q][1]
            if close is None:
                return []
            j = close + 1
    elif t.i > 0 and t.i - 1 in ctx.close_tok:
        q = ctx.close_tok[t.i - 1]
    if q is None:
        return []
    if j < ctx.n and ctx.tok(j).text == ",":
        j += 1
    if j + 1 >= ctx.n or norm(ctx.tok(j)) != "par":
        return []
    np = with_name_after(ctx, np_right(ctx, j + 1, appos=False))
    if not np:
        return []
    quote = ctx.quotes[q]
    return [make_attribution("direct", t, cue.lemma, cue.stance, speaker_at(ctx, *np, "agent"),
                             (quote.start, quote.end), "passive_quote")]


def pattern_passive_object(ctx: Ctx, owner, t, cue: Cue) -> list[dict]:
    """A passive cue of the object frame with its agent: the passive subject is what was said.

    `Cette demande a été rejetée par le gouvernement.` -> deny, content `Cette demande`
    `Ce « désastre » est déploré par les Nations unies.` -> mixed
    """
    # `L'ouverture d'une enquête, annoncée par …`: a participle set off by its comma; without it an
    # announcement or a promise only picks out its noun (`les frais promis par le parti`, `le taux
    # annoncé par X`), a demand still says what was asked (`les hausses réclamées par les syndicats`)
    reduced = t.dep_ == "acl" and t.head.pos_ == "NOUN" and t.head.i < t.i and (
        ctx.tok(t.i - 1).text == "," or cue.stance == "ask")
    if "object" not in cue.frames or not (reduced or any(c.dep_ == "aux:pass" for c in t.children)):
        return []
    j = skip_adverbials(ctx, t.i + 1)
    if j + 1 >= ctx.n or norm(ctx.tok(j)) != "par":
        return []
    np = with_name_after(ctx, np_right(ctx, j + 1, appos=False))
    subj = t.head if reduced else next((c for c in t.children if c.dep_ == "nsubj:pass" and c.i < t.i), None)
    while reduced and subj.dep_ == "nmod" and subj.head.pos_ == "NOUN" and subj.head.i < subj.i:
        subj = subj.head  # the participle hung on the complement: the phrase is its head's
    if not np or subj is None:
        return []
    end = np[1]
    while end > np[0] and ctx.tok(end).lower_ in ctx.words.time_word:
        end -= 1  # `par le club lundi`
    speaker = speaker_at(ctx, np[0], end, "agent")
    if not human_speaker(ctx, {"speaker_start": speaker[0], "speaker_end": speaker[1]}):
        return []  # `justifiée par le fait que`
    span = subject_phrase(ctx, subj, t.i)
    if span is None or ctx.in_quote[span[0]] != ctx.in_quote[t.i] or standing_confirmed(ctx, cue, span):
        return []  # (`sa suprématie, confirmée par …`: no statement)
    kind, content = kind_of(ctx, chars(ctx, *span), "indirect")
    return [make_attribution(kind, t, cue.lemma, cue.stance, speaker, content, "passive_object")]


def pattern_self_description(ctx: Ctx, owner, t, cue: Cue) -> list[dict]:
    """`se dire`, `se déclarer` + an adjective or a participle: how the speaker describes
    their own stance is what they said.

    `La ministre s'est dite favorable à une hausse du budget.` -> `favorable à une hausse du budget`
    `Il se dit en revanche fermement opposé à …` -> `fermement opposé à …`
    """
    if t.lemma_ not in ("dire", "déclarer") or not any(
            norm(ctx.tok(x)) in ("se", "s'", "me", "m'", "nous", "vous") for x in range(chain_start(ctx, t.i), t.i)):
        return []
    k = t.i + 1
    if k + 1 < ctx.n and ctx.tok(k).pos_ == "ADP" and ctx.tok(k + 1).pos_ == "NOUN" and ctx.tok(k + 1).dep_ == "obl:mod":
        k += 2  # `en revanche`
    first = k
    while k < ctx.n and ctx.tok(k).pos_ == "ADV":
        k += 1
    if k >= ctx.n or not (ctx.tok(k).pos_ == "ADJ" or ctx.tok(k).morph.get("VerbForm") == ["Part"]):
        return []
    spans = clause_right(ctx, owner, first)
    if not spans:
        return []
    kind, span = kind_of(ctx, (spans[0][0], spans[-1][1]), "indirect")
    speaker = speaker_for(ctx, t)
    out = [make_attribution(kind, t, cue.lemma, cue.stance, speaker, span, "self_description")]
    end = ctx.doc.char_span(span[0], span[1], alignment_mode="expand")
    if end is not None and end.end + 1 < ctx.n and ctx.tok(end.end).text == ":" and end.end + 1 in ctx.open_tok:
        # `Il se dit fier de son équipe : « … »`: the quote after the colon is his words too
        q = ctx.quotes[ctx.open_tok[end.end + 1]]
        out.append(make_attribution("direct", t, cue.lemma, cue.stance, speaker, (q.start, q.end),
                                    "self_description_quote"))
    return out


def pattern_label(ctx: Ctx, owner, t, cue: Cue) -> list[dict]:
    """A labelling verb (`words.labelling`) whose quoted label follows `de` or `comme` with no
    determined object right before it: the label is the content (corpus/NOTES.md T7), said by the
    verb's own subject, or by the agent of its passive.

    `une mesure que le maire qualifie d'« absurde »` -> speaker `le maire` (the parse calls `que`
    a conjunction: the subject is the verb's, never the noun the relative hangs on)
    `un détenu, qualifié par les enquêteurs d'« homme violent »` -> speaker `les enquêteurs`
    not: `Qualifié de « visionnaire », il …` (no agent: a label with no speaker left check as it
    was and lowered tune end-to-end and speaker resolution)
    """
    if t.lemma_.lower() not in ctx.words.labelling:
        return []
    passive = t.morph.get("VerbForm") == ["Part"] and not any(
        c.dep_.startswith("aux") and c.lemma_ == "avoir" for c in t.children)
    j = skip_adverbials(ctx, t.i + 1)
    agent = None
    if j + 1 < ctx.n and passive and norm(ctx.tok(j)) == "par":
        agent = np_right(ctx, j + 1, appos=False)
        j = agent[1] + 1 if agent else j
    elif j < ctx.n and not passive and ctx.tok(j).pos_ == "PROPN":
        obj = np_right(ctx, j, appos=False)  # `qualifie Dupont de « … »`: a name as the object
        j = obj[1] + 1 if obj else j
    label = quoted_label(ctx, j, de=True)
    if not label:
        return []
    if passive and agent is None:
        return []
    if passive:
        speaker = speaker_at(ctx, *with_name_after(ctx, agent), "agent")
    else:  # the verb's own subject first (`une mesure que le maire qualifie …`: not `une mesure`)
        subj = next((c for c in t.children if c.dep_ == "nsubj" and c.i < t.i), None)
        speaker = speaker_at(ctx, subj.left_edge.i, subj.i, "subject") if subj is not None and \
            subj.pos_ in ("NOUN", "PROPN", "PRON") else speaker_for(ctx, t)
    return [make_attribution("direct", t, cue.lemma, cue.stance, speaker, (q.start, q.end), "label")
            for q in label]
