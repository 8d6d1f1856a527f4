"""Hope, fear and calls stated by a person or an organisation (issue 15, recall): `espérer` and
`craindre` take a `que` clause in their strict frames (pipeline/components/attributions/strict.py)
when the verb is a stated attitude: finite, not in the imperfect of a narration, not a
participle; a call of stance ask takes the quoted words after its `à`, and `parler de « … »`
its quoted words (calls.py). Every sentence is invented, of the shape of misses read on winer-fr
articles outside all gold (`l'ONU craint que …`, `le procureur craint ainsi que …`, `appelle « à
la reprise du dialogue »`, `parle de « dizaines de morts »`); none is copied."""
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


# -- a call whose complement after `à` is someone's words (calls.py) ----------------------------
CALL_QUOTE = [
    ("La fédération appelle « à la reprise immédiate des négociations avec les clubs » .",
     {"kind": "direct", "cue": "appelle", "stance": "ask", "speaker": "La fédération",
      "content": "à la reprise immédiate des négociations avec les clubs"}),
    ("Le sénateur Paul Roux en a appelé à des « mesures fortes pour protéger les petits commerces » .",
     {"kind": "mixed", "cue": "appelé", "speaker": "Le sénateur Paul Roux",
      "content": "des « mesures fortes pour protéger les petits commerces »"}),
    # the quote opens right after the preposition
    ("Dans sa lettre, il demande à « [ses] collègues de respecter [son] travail » .",
     {"kind": "direct", "cue": "demande", "stance": "ask", "speaker": "il",
      "content": "[ses] collègues de respecter [son] travail"}),
]

NOT_CALL_QUOTE = [
    # a name given, no call
    "Le test appelé « épreuve de la boîte cachée » mesure la mémoire des enfants.",
    # no quotation: a bare call to a noun phrase stays out
    "La mairie appelle à la prudence sur les routes verglacées.",
    # a quotation of fewer than four words may be a name
    "Le maire en a appelé à l'« esprit républicain » des élus.",
    # a thing calls no one
    "Le panneau appelle « à la prudence dans les virages de la descente » .",
]


@pytest.mark.parametrize("text, expect", CALL_QUOTE)
def test_when_call_takes_quoted_words_after_a_then_they_are_content(nlp, text, expect):
    _found(_run(nlp, text), expect)


@pytest.mark.parametrize("text", NOT_CALL_QUOTE)
def test_when_call_has_no_quoted_words_or_no_speaker_then_no_call_quote(nlp, text):
    assert [a for a in _run(nlp, text) if a["rule"].startswith("call_quote")] == []


# -- a verb of talking about something whose `de` complement is quoted (calls.py) ----------------
TALK_QUOTE = [
    ("Le préfet Paul Roux parle de « dégâts très importants » dans la vallée.",
     {"kind": "direct", "cue": "parle", "speaker": "Le préfet Paul Roux", "content": "dégâts très importants"}),
    ("La syndicaliste Marie Lenoir a parlé du « mépris du gouvernement » devant les grévistes.",
     {"kind": "direct", "cue": "parlé", "content": "mépris du gouvernement"}),
    ("Le ministère parle d'une « erreur de calcul » dans le budget.",
     {"kind": "direct", "cue": "parle", "speaker": "Le ministère", "content": "erreur de calcul"}),
]

NOT_TALK_QUOTE = [
    # no quotation: what was talked about
    "Le préfet Paul Roux parle des dégâts dans la vallée.",
    # negated
    "Le maire n'a pas parlé de « trahison » devant les élus.",
    # a thing talks about nothing
    "Le livre parle de « la vie des marins bretons » au siècle dernier.",
]


@pytest.mark.parametrize("text, expect", TALK_QUOTE)
def test_when_speaker_talks_of_quoted_words_then_they_are_direct_content(nlp, text, expect):
    _found(_run(nlp, text), expect)


@pytest.mark.parametrize("text", NOT_TALK_QUOTE)
def test_when_talk_has_no_quote_or_no_speaker_then_no_talk_quote(nlp, text):
    assert [a for a in _run(nlp, text) if a["rule"].startswith("talk_quote")] == []
