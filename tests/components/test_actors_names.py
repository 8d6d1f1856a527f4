"""Actors: which name a mention is, and which actor (sentences written for these tests)."""
from __future__ import annotations

import pytest

from tests.components.test_actors import _mentions_with_ents


# -- a place inside the name of an event or work is no mention of its own ------------------------
@pytest.mark.parametrize("text, ents, place, kept", [
    ("Il a gagné le Tour de France 2015 avec une minute d'avance.", [("Tour de France 2015", "MISC")],
     "France", False),
    ("Le Grand Prix de Belgique a été annulé.", [("Grand Prix de Belgique", "MISC")], "Belgique", False),
    # the event read by the NER only round the place: the place stays
    ("Le festival a lieu en Belgique chaque été.", [("Belgique", "LOC")], "Belgique", True),
])
def test_when_place_inside_an_event_name_then_no_mention(nlp, text, ents, place, kept):
    ms = _mentions_with_ents(nlp, text, ents)
    assert any(text[m["start"]:m["end"]] == place for m in ms) == kept
