"""Attributions whose cue stands in a clause set before what was said (issue 15, recall), and
a quote after a speaker's description of their own stance. Every sentence is invented, of the
shape of a miss counted on unseen winer-fr 2016 articles; none is copied from a gold article."""
from __future__ import annotations

import pytest

from tests.components.test_attributions_classes import _assert_found as _found
from tests.components.test_attributions_classes import _run


# -- `Comme le/l' + cue + subject, A`: the main clause after the comma is what was said ----------
FRONTED_COMME = [
    ("Comme le rappelle Paul Durand, l'usine de la vallée avait fermé en 1998.",
     {"cue": "rappelle", "speaker": "Paul Durand", "content": "l'usine de la vallée avait fermé en 1998"}),
    ("La ville grandit. Comme le souligne la presse locale, le quartier a perdu deux mille habitants.",
     {"cue": "souligne", "speaker": "la presse locale",
      "content": "le quartier a perdu deux mille habitants"}),
    ("Comme l'a indiqué la préfecture, les routes resteront fermées jusqu'à lundi.",
     {"cue": "indiqué", "speaker": "la préfecture", "content": "les routes resteront fermées jusqu'à lundi"}),
]


@pytest.mark.parametrize("text, expect", FRONTED_COMME)
def test_when_comme_clause_opens_sentence_then_main_clause_is_content(nlp, text, expect):
    _found(_run(nlp, text), expect)


def test_when_comme_clause_follows_its_content_then_content_is_before(nlp):
    # the trailing form keeps the clause before it (no content after the subject)
    found = _run(nlp, "Les routes resteront fermées jusqu'à lundi, comme l'a indiqué la préfecture.")
    _found(found, {"cue": "indiqué", "content": "Les routes resteront fermées jusqu'à lundi"})
    assert len(found) == 1, found


# -- `se dire` + adjective, then a colon and a quote: the quote is the speaker's words too ------
SELF_DESCRIPTION_QUOTE = [
    ("Le maire se dit inquiet pour sa commune : « Nous manquons de tout depuis l'hiver. »",
     {"cue": "dit", "kind": "direct", "speaker": "Le maire", "content": "Nous manquons de tout depuis l'hiver."}),
    ("L'entraîneuse s'est dite fière de ses joueuses : « Elles ont tout donné ce soir. »",
     {"cue": "dite", "kind": "direct", "content": "Elles ont tout donné ce soir."}),
]


@pytest.mark.parametrize("text, expect", SELF_DESCRIPTION_QUOTE)
def test_when_quote_follows_self_description_then_quote_is_direct(nlp, text, expect):
    found = _run(nlp, text)
    _found(found, expect)
    assert any(a["rule"].startswith("self_description/") for a in found), found


# -- cue, its addressee (`à la police`), then a quote with no colon: the quote is direct ---------
QUOTE_AFTER_ADDRESSEE = [
    ("Le gardien déclare aux enquêteurs « Je n'ai rien entendu cette nuit-là. »",
     {"cue": "déclare", "kind": "direct", "speaker": "Le gardien", "content": "Je n'ai rien entendu cette nuit-là."}),
    ("À sa sortie, elle lance à la foule « Nous reviendrons l'an prochain. »",
     {"cue": "lance", "kind": "direct", "content": "Nous reviendrons l'an prochain."}),
]


@pytest.mark.parametrize("text, expect", QUOTE_AFTER_ADDRESSEE)
def test_when_quote_follows_addressee_then_quote_is_direct(nlp, text, expect):
    _found(_run(nlp, text), expect)


def test_when_quote_belongs_to_infinitive_after_addressee_then_content_is_infinitive(nlp):
    found = _run(nlp, "La commission a demandé au club de fournir les « pièces justifiant ces dépenses ».")
    _found(found, {"cue": "demandé", "content": "fournir les « pièces justifiant ces dépenses »"})


# -- a name with a particle the tagger reads as a determiner (`Le`, `La`) stays whole -----------
PARTICLE_NAME = [
    ("La digue a tenu, selon Marie-Anne Le Bihan .",
     {"cue": "selon", "speaker": "Marie-Anne Le Bihan", "content": "La digue a tenu"}),
]


@pytest.mark.parametrize("text, expect", PARTICLE_NAME)
def test_when_name_has_particle_then_speaker_is_whole_name(nlp, text, expect):
    _found(_run(nlp, text), expect)


# -- `A, ce qu'a confirmé X`: the clause before is what X confirmed, X the inverted subject -------
CE_QUE_INVERTED = [
    ("Le tireur avait déjà visé une patrouille dans la matinée, ce qu'a confirmé la préfète.",
     {"cue": "confirmé", "speaker": "la préfète", "content": "Le tireur avait déjà visé une patrouille dans la matinée"}),
    ("Le chantier prendra deux ans de retard, ce qu'a d'ailleurs reconnu le directeur du port.",
     {"cue": "reconnu", "speaker": "le directeur du port", "content": "Le chantier prendra deux ans de retard"}),
]


@pytest.mark.parametrize("text, expect", CE_QUE_INVERTED)
def test_when_ce_que_has_inverted_subject_then_clause_before_is_content(nlp, text, expect):
    _found(_run(nlp, text), expect)


# -- `demander à ce que …`: the `que` clause of a request, not the relative `ce que` ---------------
A_CE_QUE = [
    ("La sénatrice a demandé à ce que le rapport soit rendu public.",
     {"cue": "demandé", "speaker": "La sénatrice", "content": "le rapport soit rendu public"}),
    ("Les riverains ont demandé mardi à ce que soit rouverte la gare.",
     {"cue": "demandé", "content": "soit rouverte la gare"}),
]


@pytest.mark.parametrize("text, expect", A_CE_QUE)
def test_when_request_has_a_ce_que_then_clause_is_content(nlp, text, expect):
    _found(_run(nlp, text), expect)


def test_when_ce_que_is_relative_after_answer_then_no_attribution(nlp):
    # `répondre à ce que` + a clause with its gap: what was asked, no reported clause
    assert _run(nlp, "Il a répondu à ce que la journaliste lui demandait.") == []


# -- cue, its addressee, then a bare infinitive: the infinitive is the content -------------------
INFINITIVE_AFTER_ADDRESSEE = [
    ("La directrice a assuré à la radio lundi être prête à quitter son poste.",
     {"cue": "assuré", "content": "être prête à quitter son poste"}),
    ("Le club a confirmé à ses supporters avoir recruté un nouvel entraîneur.",
     {"cue": "confirmé", "speaker": "Le club", "content": "avoir recruté un nouvel entraîneur"}),
    ("Le gérant a affirmé aux enquêteurs ne pas connaître le suspect.",
     {"cue": "affirmé", "content": "ne pas connaître le suspect"}),
]


@pytest.mark.parametrize("text, expect", INFINITIVE_AFTER_ADDRESSEE)
def test_when_infinitive_follows_addressee_then_infinitive_is_content(nlp, text, expect):
    _found(_run(nlp, text), expect)


# -- a past participle clause set between the subject and its cue is no speaker -----------------
APPOSED_PARTICIPLE_INCISE = [
    ("Reçu mardi à Nantes, Louis Garnier, battu au second tour en mars, a affirmé qu'il quittait la politique.",
     {"cue": "affirmé", "speaker": "Louis Garnier", "content": "il quittait la politique"}),
]


@pytest.mark.parametrize("text, expect", APPOSED_PARTICIPLE_INCISE)
def test_when_participle_incise_precedes_cue_then_speaker_is_before_it(nlp, text, expect):
    _found(_run(nlp, text), expect)


# -- cue, a setting phrase hung on it (`sur Twitter`, `devant les députés`), then a quote ---------
QUOTE_AFTER_SETTING = [
    ("La maire a écrit sur Twitter « Nous ne céderons rien. »",
     {"cue": "écrit", "kind": "direct", "content": "Nous ne céderons rien."}),
    ("Le ministre a déclaré devant les sénateurs « Le projet sera retiré. »",
     {"cue": "déclaré", "kind": "direct", "content": "Le projet sera retiré."}),
    ("L'entreprise a affirmé dans un communiqué avoir trouvé un repreneur.",
     {"cue": "affirmé", "content": "avoir trouvé un repreneur"}),
]


@pytest.mark.parametrize("text, expect", QUOTE_AFTER_SETTING)
def test_when_setting_phrase_follows_cue_then_quote_or_infinitive_is_content(nlp, text, expect):
    _found(_run(nlp, text), expect)


def test_when_comme_subject_has_relative_then_clause_before_is_content(nlp):
    # `A, comme l'indiquent leurs relevés qui …`: a relative clause on the subject closes no content
    found = _run(nlp, "Le lac a perdu deux mètres en un an, comme l'indiquent les relevés qui ont été publiés hier.")
    _found(found, {"cue": "indiquent", "speaker": "les relevés", "content": "Le lac a perdu deux mètres en un an"})
