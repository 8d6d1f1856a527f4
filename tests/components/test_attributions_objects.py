"""Noun-phrase objects of reporting verbs that the object pattern used to miss (issue 15, recall,
classes found by reading the output on unseen winer-fr articles): an object opened by a cardinal,
a date complement between the cue and its object, a subject set off by an apposition, and the
writer's `, ce qui …` comment after the object. Every sentence is invented."""
from __future__ import annotations

import pytest

from tests.components.test_attributions_classes import _assert_found as _found
from tests.components.test_attributions_classes import _run

OBJECT_FOUND = [
    # a cardinal opens the object as a determiner would
    ("Le gouverneur annonce trois jours de deuil régional.",
     {"cue": "annonce", "speaker": "Le gouverneur", "content": "trois jours de deuil régional"}),
    ("La direction a annoncé 400 suppressions de postes.",
     {"cue": "annoncé", "content": "400 suppressions de postes"}),
    # a month (and a year) or a year after `en` between the cue and its object
    ("La mairie a annoncé en avril 2019 un plan de rénovation des écoles.",
     {"cue": "annoncé", "speaker": "La mairie", "content": "un plan de rénovation des écoles"}),
    ("La sénatrice avait annoncé en 2012 sa candidature.",
     {"cue": "annoncé", "content": "sa candidature"}),
    # a subject set off by commas is no inverted subject
    ("La présidente de la région, Claire Vasseur, annonce une aide d'urgence.",
     {"cue": "annonce", "speaker": "La présidente de la région, Claire Vasseur", "content": "une aide d'urgence"}),
    # the writer's comment on the whole clause is no part of the object
    ("Le recteur a annoncé un plan de tutorat, ce qui a été jugé « insuffisant » par les parents.",
     {"cue": "annoncé", "kind": "indirect", "content": "un plan de tutorat"}),
    # a cue ending on its noun takes its object after `de`; a `dont` breakdown is part of it
    ("Un premier bilan de la préfecture fait état de neuf victimes, dont deux enfants.",
     {"cue": "fait état", "content": "neuf victimes, dont deux enfants"}),
    ("Le ministre a fait état de progrès réels dans les négociations.",
     {"cue": "fait état", "speaker": "Le ministre", "content": "progrès réels dans les négociations"}),
]

NO_OBJECT = [
    # a count of days that dates the speech, no object after it
    "Le gouverneur a démissionné, puis a annoncé trois jours plus tard.",
    # the noun phrase after the cue and a comma before it is the inverted subject
    "Les routes seront fermées, a annoncé la préfecture.",
]


@pytest.mark.parametrize("text, expect", OBJECT_FOUND)
def test_when_object_follows_a_number_date_or_apposed_subject_then_it_is_found(nlp, text, expect):
    _found(_run(nlp, text), expect)


@pytest.mark.parametrize("text", NO_OBJECT)
def test_when_no_object_follows_the_cue_then_no_object_content(nlp, text):
    assert not [a for a in _run(nlp, text) if a["rule"].startswith("object")]


# a noun phrase holding a quotation of several words under any cue verb, even one with no object
# frame (`exprimer`, `saluer`), said by a person or an organisation
QUOTED_WORDS_FOUND = [
    ("La ministre a salué l'« engagement sans faille des bénévoles ».",
     {"cue": "salué", "kind": "mixed", "speaker": "La ministre",
      "content": "l'« engagement sans faille des bénévoles »"}),
    ("La présidente a exprimé sa « profonde tristesse après ce drame ».",
     {"cue": "exprimé", "kind": "mixed", "content": "sa « profonde tristesse après ce drame »"}),
    ("Le syndicat a exprimé une « vive inquiétude pour les salariés ».",
     {"cue": "exprimé", "speaker": "Le syndicat", "content": "une « vive inquiétude pour les salariés »"}),
    # a pronominal cue's `de` complement holding quoted words (`se féliciter de`, `se réjouir de`)
    ("La ministre s'est félicitée d'une « tendance de fond ».",
     {"cue": "félicitée", "kind": "mixed", "speaker": "La ministre", "content": "une « tendance de fond »"}),
    ("Le président s'est félicité du « consensus politique ».",
     {"cue": "félicité", "speaker": "Le président", "content": "du « consensus politique »"}),
    # a warning's `contre` or `sur` complement holding quoted words
    ("L'émissaire de l'ONU, Paolo Verdi, a mis en garde contre un « bain de sang ».",
     {"kind": "mixed", "content": "un « bain de sang »"}),
    ("L'OMS alerte sur les « risques considérables » de la pollution.",
     {"cue": "alerte", "speaker": "L'OMS", "content": "les « risques considérables » de la pollution"}),
]

NO_QUOTED_WORDS = [
    # a capitalised quote after a determiner is a name
    "Le club a salué la « Grande Parade du Nord de Lille ».",
    # three words may name a plan; a verb with no object frame takes four or more
    "Il poursuivra son « plan de victoire » au printemps.",
    # a thing expresses no one's words
    "Le graphique exprime une « hausse très nette des prix ».",
    # one quoted word under a verb with no object frame
    "La maire a exprimé sa « tristesse » hier soir.",
    # a `de` that is no complement of the cue (`lors de`): a setting, not what is said
    "Jeudi, le candidat s'est défendu lors de « L'Émission politique ».",
]


@pytest.mark.parametrize("text, expect", QUOTED_WORDS_FOUND)
def test_when_a_person_says_a_quoted_noun_phrase_under_any_cue_then_it_is_the_content(nlp, text, expect):
    _found(_run(nlp, text), expect)


@pytest.mark.parametrize("text", NO_QUOTED_WORDS)
def test_when_the_quote_is_a_name_short_or_a_things_then_no_object_content(nlp, text):
    assert not [a for a in _run(nlp, text) if a["rule"].startswith("object")]


# after the object, a comma that opens an adjunct of the cue verb closing the sentence (a time
# clause, an infinitive after `après`) ends the content; a purpose adjunct (`afin de`) and a
# phrase after which the object goes on stay in it
OBJECT_BEFORE_ADJUNCT = [
    ("Le maire a nié ces rumeurs, jusqu'à ce que la presse publie les factures.",
     {"cue": "nié", "speaker": "Le maire", "content": "ces rumeurs"}),
    ("Le syndicat réclamait une hausse des salaires, après avoir rejeté l'offre de la direction.",
     {"cue": "réclamait", "speaker": "Le syndicat", "content": "une hausse des salaires"}),
    ("Les avocats ont annoncé leur volonté de faire appel, afin de demander une peine plus légère.",
     {"cue": "annoncé", "content": "leur volonté de faire appel, afin de demander une peine plus légère"}),
    ("L'agence a annoncé la découverte, par un satellite européen, de traces d'eau salée.",
     {"cue": "annoncé", "content": "la découverte, par un satellite européen, de traces d'eau salée"}),
]


@pytest.mark.parametrize("text, expect", OBJECT_BEFORE_ADJUNCT)
def test_when_a_comma_opens_an_adjunct_of_the_cue_then_the_object_content_stops_there(nlp, text, expect):
    _found(_run(nlp, text), expect)
