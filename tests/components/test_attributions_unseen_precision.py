"""Attributions, precision on news nobody tuned on (issue 15): classes of rows a gold annotator
would not keep, found by reading `depeche run` on winer-fr 2016-2017 articles outside all gold.

Every sentence is invented, of the same shape as a case seen; none is copied from an article.
"""
from __future__ import annotations

import pytest

from tests.components.test_attributions import attribution_rows


def _run(nlp, text):
    return attribution_rows(nlp, text)[1]


def _contents(found, cue):
    return [a["content"] for a in found if a["cue"] == cue]


# -- a cue word that is a passive participle or an adjective, then a colon: what follows the colon
# is a list or an example the journalist gives, not words of the noun it qualifies --------------
@pytest.mark.parametrize("text, cue, content", [
    ("Les clubs qualifiés lors du tournoi rejoignent les clubs qualifiés d'office : Lyon, Nantes et Brest.",
     "qualifiés", None),
    ("Le maire avait été accusé d'avoir favorisé son fief : la commune de Plouhinec.", "accusé", None),
    # a participle naming its noun right before a quote: a name, no one's words
    ("Le pays sera dirigé par une coalition dite « Arc-en-ciel » en référence aux couleurs des partis.",
     "dite", None),
    # active cue, a clause or a quote after the colon: the subject's words
    ("L'enquête a encore révélé un fait troublant : les caméras de la gare s'étaient éteintes ce soir-là.",
     "révélé", "les caméras de la gare s'étaient éteintes ce soir-là"),
    ("Son entraîneur a vivement réagi : « C'est une honte ».", "réagi", "C'est une honte"),
    # a passive cue before a quote still reports written or spoken words, their author unnamed
    ("Sur la banderole était écrit « Libérez nos camarades ».", "écrit", "Libérez nos camarades"),
    ("L'animateur, Le Parisien le qualifiant « pire recrue de la saison », est mis en examen.", "qualifiant",
     "pire recrue de la saison"),
])
def test_when_the_cue_before_a_colon_is_passive_then_what_follows_is_not_its_words(nlp, text, cue, content):
    colon = [a for a in _run(nlp, text) if a["cue"] == cue and a["rule"].startswith(("colon_clause", "colon_quote"))]
    assert [a["content"] for a in colon] == ([content] if content else [])


# -- a participle that only picks out its noun (no comma before it) reports nothing; set off by
# its comma, the noun phrase is what the agent said ------------------------------------------
@pytest.mark.parametrize("text, cue, content", [
    ("La trésorière avait puisé dans la caisse pour rembourser des frais de voyage promis par le club.",
     "promis", None),
    ("C'est le nombre de candidats annoncé par le rectorat de Lille.", "annoncé", None),
    ("L'ouverture d'une enquête, annoncée par le parquet de Lyon, a surpris la direction.", "annoncée",
     "L'ouverture d'une enquête"),
    ("Cette demande a été rejetée par le gouvernement.", "rejetée", "Cette demande"),
])
def test_when_a_participle_only_picks_out_its_noun_then_the_noun_is_no_content(nlp, text, cue, content):
    assert _contents(_run(nlp, text), cue) == ([content] if content else [])


# -- `selon X` (and its apposition) between a subject and its verb: the sentence around it is X's
# claim; the apposition is the source's, not the start of the content ------------------------
@pytest.mark.parametrize("text, speaker, content", [
    ("La digue, selon Paul Roy, ingénieur du port, cédera avant l'hiver.", "Paul Roy, ingénieur du port",
     "La digue, selon Paul Roy, ingénieur du port, cédera avant l'hiver"),
    ("Le bilan, selon la préfecture, fait état d'un mort et de trois blessés.", "la préfecture",
     "Le bilan, selon la préfecture, fait état d'un mort et de trois blessés"),
    # clause-initial: the apposition is the source's, the clause after it the content
    ("Selon Paul Roy, ingénieur du port, la digue cédera avant l'hiver.", "Paul Roy, ingénieur du port",
     "la digue cédera avant l'hiver"),
    # after `et`: the noun phrase after the source is the content's own subject
    ("Jean Brun assure l'intérim et, selon Reuters, Marc Petit, ancien directeur du port, sera son successeur.",
     "Reuters", "Marc Petit, ancien directeur du port, sera son successeur"),
])
def test_when_selon_stands_between_subject_and_verb_then_the_clause_around_it_is_the_content(
        nlp, text, speaker, content):
    selon = [a for a in _run(nlp, text) if a["lemma"] == "selon"]
    assert [(a["speaker"], a["content"]) for a in selon] == [(speaker, content)]


# -- clause-initial `Pour X,`: a country alone is the topic (`as for X`), and a `de` + infinitive
# after it is the predicate's complement; a person, or a quotation, is a voice -----------------
@pytest.mark.parametrize("text, found", [
    ("Le chômage baisse en Espagne. Pour le Portugal, la situation est encore plus délicate.", False),
    ("Mais impossible, pour Marc Leroy, d'utiliser ce vélo car ses chaussures ne s'adaptaient pas.", False),
    ("Pour Marc Dupont, la situation est encore plus délicate.", True),
    ("Pour la France, « cette décision est inacceptable ».", True),
])
def test_when_pour_names_a_topic_then_it_is_no_source(nlp, text, found):
    assert any(a["lemma"] == "pour" for a in _run(nlp, text)) is found


# -- `selon` + a law or the terms of a text: conformity to a rule, no one cited ---------------
@pytest.mark.parametrize("text, found", [
    ("Selon le Code du travail, elle aurait dû percevoir un mois de salaire.", False),
    ("Selon les termes de l'accord, un pays ne peut se retirer avant trois ans.", False),
    ("Selon la loi, le maire doit consulter le conseil municipal.", False),
    # a document that reports, or a person, is a source
    ("Selon le rapport, le maire aurait consulté le conseil municipal.", True),
    ("Selon le juriste Paul Roy, elle aurait dû percevoir un mois de salaire.", True),
])
def test_when_selon_names_a_law_then_it_is_no_source(nlp, text, found):
    assert any(a["lemma"] == "selon" for a in _run(nlp, text)) is found


# -- a participle's noun-phrase object inside the sentence's subject ends where the main verb
# group starts (a clitic or an auxiliary marks it); an adjective after the noun stays in --------
@pytest.mark.parametrize("text, cue, content", [
    ("Une trentaine de manifestants réclamant la libération de militants basques lui ont jeté des œufs.",
     "réclamant", "la libération de militants basques"),
    ("Des militants réclamant la démission du maire ont aussitôt bloqué la mairie.", "réclamant",
     "la démission du maire"),
    ("Le syndicat a réclamé une hausse importante des salaires.", "réclamé", "une hausse importante des salaires"),
])
def test_when_the_main_verb_follows_a_participles_object_then_the_object_ends_before_it(nlp, text, cue, content):
    assert _contents(_run(nlp, text), cue) == [content]


# -- an inverted cue has a finite auxiliary or none: a compound infinitive (`avoir demandé`) and an
# adjective with its copula (`est complète`) have no subject after them ---------------------
@pytest.mark.parametrize("text, cue, found", [
    ("Le gouvernement a annoncé avoir demandé le remplacement de Jean Roy, émissaire de l'ONU.", "demandé", False),
    ("La course était rapide, est complète dans tous les segments du parcours.", "complète", False),
    ("La digue cédera, a déclaré le préfet.", "déclaré", True),
    ("« L'Europe d'abord », a-t-il aussi martelé.", "martelé", True),
])
def test_when_the_cue_is_an_infinitive_or_an_attribute_then_it_is_no_inversion(nlp, text, cue, found):
    assert any(a["cue"] == cue and a["rule"].startswith("inversion") for a in _run(nlp, text)) is found


# -- a `que` after a noun of a goal or a position (`vers la base`) is a relative pronoun; after a
# noun of the setting or the addressee (`à la presse`) it opens the reported clause ------------
@pytest.mark.parametrize("text, cue, found", [
    ("L'armée a repris plusieurs villages, avançant vers la base aérienne qu'elle avait perdue en 2014.",
     "avançant", False),
    ("Le ministre a confirmé à la presse qu'il viendrait lundi.", "confirmé", True),
    ("Le club a annoncé dans un communiqué qu'il avait perdu son procès.", "annoncé", True),
])
def test_when_que_follows_a_noun_of_place_then_it_is_a_relative(nlp, text, cue, found):
    assert any(a["cue"] == cue for a in _run(nlp, text)) is found
