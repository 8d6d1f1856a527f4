"""Cues new from the public resources (cues.jsonl lines whose `source` names no `curated` nor
`learned:` origin) report speech only in strict frames, so that a verb or noun the team never
checked on news copy adds attributions without adding noise:

- a verb: a `que` clause (not a bare infinitive), a quotation as its complement (after it or a
  colon) or before it, inverted (`« … », tonne le maire`); never `de` + infinitive, a noun
  phrase object, a clause after a colon, nor an inversion without quotation marks;
- under a `que` clause or an object noun phrase holding a quotation (`a évoqué des « pertes »`),
  its speaker a person or an organisation: a personal pronoun, a
  mention of a person, an organisation or a state, or a description whose head names one
  (`le porte-parole`, `le syndicat`);
- a noun before `selon laquelle`: only with a named source in its complement
  (`l'accusation du ministre Paul Roux selon laquelle …`).
"""
from __future__ import annotations

from pipeline.components.attributions.context import Ctx, listed, norm
from pipeline.rules.cues import Cue

STRICT_RULES = ("que_clause", "colon_quote", "que_colon_quote", "inversion_quote", "incise")
THING_RULES = ("que_clause",)  # (object frames too lost rows on the check split: issue 15)
PERSON_PRONOUNS = {"il", "elle", "ils", "elles", "nous", "je", "j'", "on"}


def is_new(cue: Cue) -> bool:
    """A line no one on the team wrote or learned from an article: from the resources only."""
    tags = cue.source.split("+")
    return not any(t == "curated" or t.startswith("learned:") for t in tags)


def _named(ctx: Ctx, start: int, end: int) -> bool:
    return any(m["start"] < end and m["end"] > start and m.get("label") in ("PER", "ORG", "GPE")
               for m in ctx.doc._.depeche_mentions or [])


def human_speaker(ctx: Ctx, a: dict, agents: bool = True, people: bool = True) -> bool:
    """Is the speaker of attribution `a` a person or an organisation (pronoun, named mention,
    description headed by a person or organisation noun, with `people` by a noun the lexical
    resource gives as a person's (`l'évêque`, `les riverains`), or with `agents` by an agent noun:
    `les manifestants`; not with it, as `-ent` also ends `les ventes`)?"""
    s, e = a["speaker_start"], a["speaker_end"]
    if s is None:
        return False
    if ctx.text[s:e].lower().lstrip("-t").lstrip("-") in PERSON_PRONOUNS or a.get("speaker_rule") in ("clitic", "relative"):
        return True
    if _named(ctx, s, e):
        return True
    span = ctx.doc.char_span(s, e, alignment_mode="expand")
    if span is None:
        return False
    head = next((t for t in span if t.pos_ == "NOUN"), None)
    return head is not None and (head.lemma_.lower() in ctx.words.actor_head or people and listed(head, ctx.words.human_noun)
                                 or agents and head.lemma_.lower().endswith(ctx.words.agent_suffix))


def thing_speaker(ctx: Ctx, a: dict) -> bool:
    """Is the speaker of attribution `a` a thing: a common noun phrase, no name in it, whose head
    is no person, organisation, group of people, document or agent noun (`les images révèlent
    que`, `ce délai indique que`, `le taux établit que`), the cue's own subject? A thing states
    nothing: the journalist reads it (ANNOTATION.md: no speech act)."""
    s, e = a["speaker_start"], a["speaker_end"]
    if s is None or a.get("speaker_rule") not in ("subject", "surface", "governor_subject") or _named(ctx, s, e):
        return False  # (a passive governor's participle takes its agent: speakers._governor_agent)
    if s < a["content_end"] and e > a["content_start"]:
        return False  # the content's own subject, a parse slip that speaker resolution replaces
    span = ctx.doc.char_span(s, e, alignment_mode="expand")
    if span is None:
        return False
    head = span.root
    if head.pos_ != "NOUN" or ctx.in_quote[head.i] >= 0:
        return False
    w = ctx.words
    for t in span:  # `une trentaine de manifestants`, `la branche égyptienne de l'organisation`
        if t.pos_ in ("PROPN", "PRON") or t.i > t.sent.start and t.text[:1].isupper():
            return False  # a name (`l'Ordre`)
        if t.pos_ == "NOUN" and (listed(t, w.speaker_head) or t.lemma_.lower().endswith(w.speaker_suffix)
                                 or t.lower_.endswith(w.agent_suffix)):
            return False
    return True


def stated_attitude(t) -> bool:
    """Is the verb of hope or fear `t` a stated position (`l'ONU craint que`, `a espéré que`),
    not a participle's (`craignant que`) nor the imperfect of a narration (`l'équipe espérait que`)?"""
    if t.morph.get("VerbForm") == ["Part"]:
        return t.morph.get("Tense") == ["Past"]
    return t.morph.get("VerbForm") != ["Ger"] and t.morph.get("Tense") != ["Imp"]


def strict_verb_items(ctx: Ctx, items: list[dict], t=None) -> list[dict]:
    """The attributions of a new verb cue `t` that its strict frames allow (a quotation is speech
    whoever utters it; a `que` clause, or an object that holds a quotation, only under a
    person's or an organisation's verb: `la police évoquait des « pertes »`; a `que` clause of
    hope or fear only from a stated attitude, an actor's: `l'ONU craint que`, not `les riverains
    craignent que`, a feeling the journalist reports)."""
    unstated = t is not None and not stated_attitude(t)
    return [a for a in items if a["rule"] in STRICT_RULES and (
        a["rule"] != "que_clause" or human_speaker(ctx, a, people=a["cue_lemma"] not in ctx.words.attitude)
        and not (unstated and a["cue_lemma"] in ctx.words.attitude))
            or a["rule"] == "object_quote" and human_speaker(ctx, a)]


def named_complement(ctx: Ctx, noun_i: int, selon_i: int) -> bool:
    """`l'accusation du ministre Paul Roux selon laquelle`: a named source between the noun
    and `selon`."""
    if selon_i - noun_i < 2:
        return False
    first = ctx.tok(noun_i + 1)
    return norm(first) in ctx.words.de | {"du", "des"} and _named(ctx, first.idx, ctx.tok(selon_i).idx)


def standing_confirmed(ctx: Ctx, cue: Cue, np: tuple[int, int]) -> bool:
    """Is the object of a verb of verification a standing or a trend that events bear out (`confirme
    sa suprématie`, `les chiffres confirment la chute des ventes`, `qui confirmerait la thèse`;
    words.jsonl `standing_noun`), not a statement it confirms (`a confirmé cette information`)?"""
    if cue.lemma not in ctx.words.verification_verb:
        return False
    head = next((ctx.tok(x) for x in range(np[0], np[1] + 1) if ctx.tok(x).pos_ == "NOUN"), None)
    return head is not None and listed(head, ctx.words.standing_noun)


def no_asker(ctx: Ctx, owner, t, a: dict) -> bool:
    """Is `a` a request (`de`/`à` + infinitive under an asking cue) with no one named who asks: no
    subject, no agent, no `à la demande de X` (a noun cue of asking and its `de`) before the cue in
    its sentence (`ils sont appelés à voter`, `avaient été invités à visiter une foire`)? A
    procedure or an arrangement the journalist tells, no speech reported."""
    if a["rule"] != "de_infinitive" or a["stance"] != "ask" or a["speaker_start"] is not None:
        return False
    for x in range(t.sent.start, t.i):
        noun = owner.nouns.get(ctx.tok(x).lemma_.lower())
        if noun is not None and noun.stance == "ask" and x + 1 < ctx.n and norm(ctx.tok(x + 1)) in ctx.words.de:
            return False
    return True
