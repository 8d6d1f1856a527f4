"""Issue 15: the infinitive cue under a verb of object control (`permettre à X de`, `pousser X
à`; words.jsonl `object_control`) has that verb's object for its speaker, not the verb's subject
(`Ce chiffre a permis à la ministre de déclarer que …`); under a verb of subject control
(`décider de`) or a reflexive `se permettre de` the subject still speaks. With no object
(`L'analyse a permis de conclure que …`) no one is said to speak: no `que` clause row.
Invented sentences."""
from __future__ import annotations

import pytest

from tests.components.test_attributions import attribution_rows

CONTROLLED = [
    # (text, content, the speaker, the thing or person that must not speak)
    ("Ce dernier sondage a permis à la ministre Claire Vautrin de déclarer que la baisse était durable.",
     "la baisse était durable", "la ministre Claire Vautrin", "Ce dernier sondage"),
    ("Cette victoire a amené l'entraîneur Louis Perrin à affirmer que son équipe était prête.",
     "son équipe était prête", "l'entraîneur Louis Perrin", "Cette victoire"),
    ("Cette victoire lui a permis d'affirmer que l'équipe était prête.",
     "l'équipe était prête", "lui", "Cette victoire"),
]


@pytest.mark.parametrize("text, content, speaker, wrong", CONTROLLED)
def test_when_an_object_control_verb_governs_the_cue_then_its_object_speaks(nlp, text, content, speaker, wrong):
    found = [a for a in attribution_rows(nlp, text)[1] if a["content"] == content]
    assert found and all(a["speaker"] == speaker for a in found), found
    assert all(a["speaker"] != wrong for a in found), found


OWN_SUBJECT = [
    # (text, content, the speaker): subject control, the governor's subject speaks
    ("Le maire Paul Girard a décidé d'annoncer que la piscine fermerait.", "la piscine fermerait",
     "Le maire Paul Girard"),
    ("Le maire Paul Girard s'est permis de déclarer que la ville était ruinée.", "la ville était ruinée",
     "Le maire Paul Girard"),
]


@pytest.mark.parametrize("text, content, speaker", OWN_SUBJECT)
def test_when_a_subject_control_verb_governs_the_cue_then_its_subject_speaks(nlp, text, content, speaker):
    found = [a for a in attribution_rows(nlp, text)[1] if a["content"] == content]
    assert found and all(a["speaker"] == speaker for a in found), found


NO_CONTROLLER = [
    # (text, content): an object-control verb with no object, a thing allowed a finding
    ("L'analyse des échantillons a permis de conclure que la rivière était polluée.", "la rivière était polluée"),
    ("Son premier passage a permis de faire savoir que la comète perdait de la glace.",
     "la comète perdait de la glace"),
]


@pytest.mark.parametrize("text, content", NO_CONTROLLER)
def test_when_an_object_control_verb_has_no_object_then_no_que_clause_row(nlp, text, content):
    found = attribution_rows(nlp, text)[1]
    assert all(a["content"] != content for a in found), found


STILL_SPEAKS = [
    # (text, content, speaker): a person's own `que` clause under no control verb is kept
    ("L'analyste Jeanne Morel a conclu que la rivière était polluée.", "la rivière était polluée",
     "L'analyste Jeanne Morel"),
]


@pytest.mark.parametrize("text, content, speaker", STILL_SPEAKS)
def test_when_no_control_verb_then_the_que_clause_row_stays(nlp, text, content, speaker):
    found = [a for a in attribution_rows(nlp, text)[1] if a["content"] == content]
    assert found and found[0]["speaker"] == speaker, found
