"""An interview printed in turns: a paragraph opening on a person's name and a colon
(`Margrethe Vestager : Le montant n'est pas l'essentiel. Ce qui compte, c'est …`) is that
person's words, direct, with no cue; the interviewer's turns (`Question :`, `Le Monde :`) report
no one, and a turn's label is never the speaker of what follows it (the parser may read
`Question : Les États-Unis vous accusent …` with `Question` as the subject).
"""
from __future__ import annotations

import re

from pipeline.components.attributions.context import Ctx, Speaker, make_attribution

COLON = re.compile(r"[ \t]?:[ \t]+")
MIN_WORDS = 4  # a turn says something: not a line of results (`Paul Roy : 12 voix`)


def pattern_interview_turn(ctx: Ctx) -> list[dict]:
    """Each paragraph opening on a named person and a colon, as that person's words."""
    text, out = ctx.text, []
    for m in ctx.doc._.depeche_mentions or []:
        s, e = m["start"], m["end"]
        if m.get("label") != "PER" or m.get("source") == "coref" or s > 0 and text[s - 1] != "\n":
            continue
        colon = COLON.match(text, e)
        if colon is None:
            continue
        end = text.find("\n", colon.end())
        content = text[colon.end():len(text) if end < 0 else end].rstrip()
        span = ctx.doc.char_span(colon.end(), colon.end() + len(content), alignment_mode="expand")
        if len(content.split()) < MIN_WORDS or span is None or not any(
                "Fin" in t.morph.get("VerbForm") for t in span):
            continue
        out.append(make_attribution("direct", None, "", "", Speaker(s, e, "label"),
                                    (colon.end(), colon.end() + len(content)), "interview_turn"))
    return out


def turn_label(ctx: Ctx, a: dict) -> bool:
    """Is the attribution's speaker a turn's label (a paragraph's first words, then a colon)?"""
    s = a["speaker_start"]
    return s is not None and (s == 0 or ctx.text[s - 1] == "\n") and COLON.match(ctx.text, a["speaker_end"]) is not None
