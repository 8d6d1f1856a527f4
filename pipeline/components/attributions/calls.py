"""A call or a request whose complement after `à` is someone's words (issue 15, recall, read on
winer-fr articles outside all gold): the quotation is what the speaker asks for.

- `Elle appelle « à la reprise du dialogue »`, `il demande à « [ses] confrères de … »`: the
  quote opens on the preposition or right after it -> direct, the quote;
- `Il en a appelé à des « initiatives européennes pour … »`: the noun phrase after `à` holds a
  quotation of four words or more -> mixed, the noun phrase.

Only under a cue of stance `ask` taking `de`/`à` + infinitive (`appeler`, `inviter`, `exhorter`),
and a person's or an organisation's (strict.human_speaker): a bare `appeler à` + noun phrase is
no attribution (tried, cost check), nor `le test appelé « … »` (a name, no preposition).

A verb of talking about something (words.jsonl `talk_about`: `parler`), no cue, whose `de`
complement is a quotation: the quoted words are the speaker's (`Le maire parle de « dizaines de
morts »` -> direct, the quote), under a person's or an organisation's verb."""
from __future__ import annotations

from pipeline.components.attributions.context import TO, Ctx, chars, make_attribution, norm
from pipeline.components.attributions.contents import kind_of
from pipeline.components.attributions.objects import quoted_words
from pipeline.components.attributions.speakers import speaker_for
from pipeline.components.attributions.speakers_right import skip_own_part
from pipeline.components.attributions.strict import human_speaker
from pipeline.rules.cues import Cue


def pattern_call_quote(ctx: Ctx, owner, t, cue: Cue) -> list[dict]:
    """The quotation a call asks for, after `à` (module docstring)."""
    if cue.stance != "ask" or "de_inf" not in cue.frames:
        return []
    j = skip_own_part(ctx, t.i + 1)
    if j + 1 >= ctx.n:
        return []
    a = None
    if norm(ctx.tok(j)) in TO and j + 1 in ctx.open_tok:
        j += 1  # `demande à « [ses] confrères de … »`: the quote opens past the preposition
    if j in ctx.open_tok and (norm(ctx.tok(j + 1)) in TO or norm(ctx.tok(j - 1)) in TO):
        q = ctx.quotes[ctx.open_tok[j]]
        if q.closed:
            a = make_attribution("direct", t, cue.lemma, cue.stance, speaker_for(ctx, t), (q.start, q.end),
                                 "call_quote")
    elif norm(ctx.tok(j)) == "à":
        np = quoted_words(ctx, j + 1)
        if np is not None:
            kind, span = kind_of(ctx, chars(ctx, j + 1, np[1]), "indirect")
            a = make_attribution(kind, t, cue.lemma, cue.stance, speaker_for(ctx, t), span, "call_quote")
    return [a] if a is not None and human_speaker(ctx, a) else []


def pattern_talk_quote(ctx: Ctx, t) -> list[dict]:
    """`parle de « … »`, `a parlé du « procès de la trahison »`: the quote (module docstring)."""
    j = skip_own_part(ctx, t.i + 1)
    if j < ctx.n and norm(ctx.tok(j)) in ctx.words.de:
        j += 1
        if j < ctx.n and ctx.tok(j).pos_ == "DET" and j not in ctx.open_tok:
            j += 1  # `parle d'une « … »`
    if j not in ctx.open_tok or ctx.qtok[ctx.open_tok[j]][1] is None:
        return []
    q = ctx.quotes[ctx.open_tok[j]]
    a = make_attribution("direct", t, t.lemma_.lower(), "assert", speaker_for(ctx, t), (q.start, q.end), "talk_quote")
    return [a] if human_speaker(ctx, a) else []
