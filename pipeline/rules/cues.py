"""Cue lexicon: reporting verbs, nouns and prepositions (models/*/depeche_attributions/cues.jsonl)."""
from __future__ import annotations

from dataclasses import dataclass, field

STANCES = ("assert", "deny", "suggest", "estimate", "warn", "promise", "ask", "accuse")
POS = ("verb", "noun", "prep")
FRAMES = ("que", "quote", "inversion", "de_inf", "object", "selon")


@dataclass(frozen=True)
class Cue:
    """lemma: `déclarer`; pos: verb | noun | prep; stance: one of STANCES; frames: the
    constructions in which it reports speech (`que` clause, introduces a `quote`, `inversion`
    after the content, `de_inf` (`a promis de`), `object` (`a rejeté ces allégations`),
    `selon`); an ambiguous verb lists only the frames where it reports speech. source:
    `curated` or `learned:<article_id>`."""
    lemma: str
    pos: str
    stance: str
    frames: tuple[str, ...] = field(default_factory=tuple)
    source: str = ""

    def validate(self) -> str:
        if self.pos not in POS:
            return f"pos {self.pos!r} is not one of {POS}"
        if self.stance not in STANCES:
            return f"stance {self.stance!r} is not one of {STANCES}"
        bad = [f for f in self.frames if f not in FRAMES]
        if bad:
            return f"frames {bad} not in {FRAMES}"
        return ""
