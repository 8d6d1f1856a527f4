"""`on` said of a source the press names by where it speaks from: `« … », assure-t-on à
Matignon`, `On estime à l'Élysée que …`, `Dans l'entourage du ministre, on indique que …`,
`Chez Renault, on juge que …`, `De source syndicale, on affirme que …`; and wire copy's
`…, a-t-on appris mardi auprès de la police` (a day or a time of day may stand before the source).

The generic `on` is nobody's speech (ANNOTATION.md), and the attributions drop it; this `on`
stands for the people of a seat, a body or a circle, and the phrase naming them is the speaker.
Only a phrase holding a person's or an organisation's name, or headed by a noun for people who
speak (`l'entourage`, `les proches`, `source`), is a source: `À l'époque, on pensait que` and
`Dans ce cas, on estime que` stay nobody's.
"""
from __future__ import annotations

from typing import Optional

from pipeline.components.attributions.complements import describes_person
from pipeline.components.attributions.context import Ctx, Speaker, chars, norm
from pipeline.components.attributions.noun_phrases import np_right
from pipeline.components.dates_patterns import WEEKDAYS

FROM = ("à", "au", "aux", "chez", "dans")  # a seat or a circle, before its noun phrase
# a day or a time of day between the inverted `on` and its source (`a-t-on appris mardi soir auprès de`)
WHEN = set(WEEKDAYS) | {"hier", "soir", "matin", "midi", "après-midi", "aujourd'hui", "nuit"}
NAMED = ("PER", "ORG")


def on_source(ctx: Ctx, a: dict, cue) -> Optional[Speaker]:
    """The source an attribution's `on` speaks for, else None."""
    on = ctx.doc.char_span(a["speaker_start"], a["speaker_end"], alignment_mode="expand")
    if on is None:
        return None
    on = on[-1]
    if on.i > cue.i:  # `assure-t-on à Matignon`
        return _source(ctx, _past_when(ctx, on.i + 1), None)
    found = _source(ctx, _past_when(ctx, cue.i + 1), None)  # `On estime à l'Élysée que`, `a-t-on appris mardi auprès de`
    if found is None and on.i >= 2 and ctx.tok(on.i - 1).text == "," and on.i - 2 > ctx.sent_start(on.i):
        found = _source(ctx, ctx.sent_start(on.i), on.i - 2)  # fronted, up to the comma before `on`
    return found


def _past_when(ctx: Ctx, i: int) -> int:
    """The token after a day, a time of day or an adverb at token i (`mardi soir`, `hier`)."""
    k = i
    while k < ctx.n - 1 and k - i < 3 and (norm(ctx.tok(k)) in WHEN or ctx.tok(k).pos_ == "ADV"
                                           and norm(ctx.tok(k)) != "auprès"):
        k += 1
    return k


def _source(ctx: Ctx, i: int, last: Optional[int]) -> Optional[Speaker]:
    """The noun phrase after a preposition of source at token i (ending at token `last`, or where
    the noun phrase ends), when it names a source."""
    if i + 1 >= ctx.n:
        return None
    w = norm(ctx.tok(i))
    asked = w == "auprès" and norm(ctx.tok(i + 1)) in ctx.words.de
    if asked:  # `auprès de la police`, `auprès du parquet`: whom one asks, never a place
        i += 2
    elif w == "de" and norm(ctx.tok(i + 1)) == "source":
        i += 1  # `De source syndicale`
    elif w == "du" and norm(ctx.tok(i + 1)) == "côté" and i + 3 < ctx.n and norm(ctx.tok(i + 2)) in ctx.words.de:
        i += 3  # `Du côté de la défense`
    elif w in FROM:
        i += 1
    else:
        return None
    if last is None:
        np = np_right(ctx, i)
        if np is None:
            return None
        last = np[1]
    words = [ctx.tok(k) for k in range(i, last + 1)]
    if not words or any(t.pos_ in ("VERB", "AUX") or t.is_space for t in words):
        return None
    s, e = chars(ctx, i, last)
    named = any(m["start"] >= s and m["end"] <= e and m.get("label") in NAMED and m.get("source") != "coref"
                for m in ctx.doc._.depeche_mentions or [])
    head = next((t for t in words if t.pos_ == "NOUN"), None)
    if not named and not (head is not None and (asked or describes_person(ctx, head))):
        return None
    return Speaker(s, e, "on_source")
