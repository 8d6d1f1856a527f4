"""Nouns that name a person from a lexical resource (words.jsonl `human_noun`, source WOLF:
scripts/build_human_nouns.py), beyond the hand-written roles and the agent endings: such a
subject may speak, and such a description takes up the person who was the subject of its
sentence or the one before, as agent nouns do. Invented sentences, none copied from an article."""
from __future__ import annotations

import pytest

from pipeline.rules import read_rules
from pipeline.rules.cues import CueWord
from tests.components.test_attributions import attribution_rows
from tests.components.test_speaker_coref import _actors
from tests.conftest import ROOT

WORDS = ROOT / "models" / "depeche-fr" / "depeche_attributions" / "words.jsonl"


def test_the_resource_keeps_persons_and_leaves_out_things_that_can_be_persons():
    human = {r.word for r in read_rules(WORDS, CueWord) if r.kind == "human_noun"}
    assert {"évêque", "nièce", "coupable", "rabbin", "assaillant"} <= human
    # a person's sense among heavier others: a thing first
    assert not {"tête", "voix", "famille", "source", "fossile", "étoile"} & human


def test_when_a_resource_noun_heads_the_subject_then_its_quoted_predicate_is_its_words(nlp):
    _, rows = attribution_rows(nlp, "Après le naufrage, l'évêque de Brest « s'associe à la peine des familles » des marins.")
    assert [(r["kind"], r["content"]) for r in rows] == [("direct", "s'associe à la peine des familles")]


def test_when_a_thing_heads_the_subject_then_its_quoted_predicate_is_nobodys(nlp):
    assert attribution_rows(nlp, "À l'œil nu, ces fossiles « ressemblaient à de petits grains noirs » .")[1] == []


TAKES_UP = [
    # (text, content, the speaker's actor name)
    ("Aïcha Mbaye est rentrée à Dakar mardi. La nièce a affirmé que le palais serait rendu à la "
     "ville.", "le palais serait rendu à la ville", "Aïcha Mbaye"),
    ("Karim Haddad a été arrêté près de la gare. Le coupable a déclaré qu'il avait agi seul.",
     "il avait agi seul", "Karim Haddad"),
]


@pytest.mark.parametrize("text, content, actor", TAKES_UP)
def test_a_resource_noun_takes_up_the_person_it_describes(nlp, text, content, actor):
    assert _actors(nlp, text, content) == [actor]
