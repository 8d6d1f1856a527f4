"""Hope and fear stated by a person or an organisation (issue 15, recall): `espérer` and
`craindre` take a `que` clause in their strict frames (pipeline/components/attributions/strict.py)
when the verb is a stated attitude: finite, not in the imperfect of a narration, not a
participle. Every sentence is invented, of the shape of misses read on winer-fr articles
outside all gold (`l'ONU craint que …`, `le procureur craint ainsi que …`); none is copied."""
from __future__ import annotations

import pytest

from tests.components.test_attributions_classes import _assert_found as _found
from tests.components.test_attributions_classes import _run

STATED_ATTITUDE = [
    ("Le maire Paul Girard espère que les travaux du pont seront finis avant l'été.",
     {"cue": "espère", "stance": "ask", "speaker": "Le maire Paul Girard",
      "content": "les travaux du pont seront finis avant l'été"}),
    ("L'Organisation mondiale de la santé craint que l'épidémie gagne les pays voisins.",
     {"cue": "craint", "stance": "warn", "content": "l'épidémie gagne les pays voisins"}),
    ("Le procureur Marc Leroy craint ainsi que les deux familles ne se vengent.",
     {"cue": "craint", "speaker": "Le procureur Marc Leroy", "content": "les deux familles ne se vengent"}),
    ("Le syndicat a espéré que la direction reviendrait à la table des négociations.",
     {"cue": "espéré", "content": "la direction reviendrait à la table des négociations"}),
]

NOT_STATED_ATTITUDE = [
    # a participle: the subject's state of mind, told by the journalist
    "Les gendarmes ont bouclé le quartier, craignant que des casseurs s'y infiltrent.",
    "Le club a recruté deux attaquants en espérant que la saison serait meilleure.",
    # the imperfect of a narration
    "L'équipe de Lyon espérait que la finale serait enfin la sienne.",
    # no `que` clause: a hope to act (the infinitive stays out of the strict frames)
    "La championne Léa Martin espère rééditer son exploit à Tokyo.",
    # a thing fears nothing
    "Le marché craint que la banque centrale relève ses taux.",
]


@pytest.mark.parametrize("text, expect", STATED_ATTITUDE)
def test_when_person_or_organisation_states_hope_or_fear_then_que_clause_is_content(nlp, text, expect):
    _found(_run(nlp, text), expect)


@pytest.mark.parametrize("text", NOT_STATED_ATTITUDE)
def test_when_hope_or_fear_is_not_stated_then_no_attribution(nlp, text):
    assert [a for a in _run(nlp, text) if a["cue_lemma"] in ("espérer", "craindre")] == []
