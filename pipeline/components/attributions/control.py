"""Object control: the infinitive under a verb of enabling or driving (`permettre à X de`,
`pousser X à`, `amener X à`; words.jsonl `object_control`) has that verb's object for its
subject, not the verb's own subject (`Ce chiffre a permis à la ministre de déclarer que …`:
the minister speaks, not the figure). With no object (`L'étude a permis de conclure que …`)
the infinitive's subject is left unsaid."""
from __future__ import annotations

from pipeline.components.attributions.context import TO, Ctx

OBJECTS = ("obj", "iobj", "obl", "obl:arg", "obl:mod")
NOMINAL = ("NOUN", "PROPN", "PRON")
REFLEXIVE = ("se", "s'", "s’")


def object_controlled(ctx: Ctx, v) -> bool:
    """Is the verb v an infinitive whose governor is a verb of object control?"""
    head = v.head
    return v.morph.get("VerbForm") == ["Inf"] and head.i != v.i and head.lemma_.lower() in ctx.words.object_control \
        and not any(c.lower_ in REFLEXIVE for c in head.children)  # `s'est permis de dire`: the subject's own


def controller(ctx: Ctx, v):
    """The object of v's governor that is v's subject: a direct object, or a nominal after `à`
    (`permettre à la ministre de …`), between the governor and v; None when there is none."""
    head = v.head
    for c in head.children:
        if c.i == v.i or not head.i < c.i < v.i or c.pos_ not in NOMINAL:
            continue
        if c.dep_ in ("obj", "iobj") or c.dep_ in OBJECTS and any(
                x.dep_ == "case" and x.lower_ in TO for x in c.children):
            return c
    clitic = [c for c in head.children if c.dep_ in ("obj", "iobj") and c.i < head.i and c.pos_ == "PRON"]
    return clitic[0] if clitic else None


def uncontrolled(ctx: Ctx, t) -> bool:
    """Is the cue t (or the first word of its multiword cue: `faire savoir`) an infinitive under
    a verb of object control with no object (`L'analyse a permis de conclure que …`, `Elle a permis
    de faire savoir que …`)? No one is said to speak: the journalist tells what a thing allowed."""
    first = ctx.tok(ctx.cue_first.get(t.i, t.i))
    return any(object_controlled(ctx, x) and controller(ctx, x) is None for x in (first, t))
