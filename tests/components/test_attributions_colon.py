"""Attributions after a colon or a quote right after the cue (issue 15, colon13): which rows hold
their speaker, found by reading `depeche run` on winer-fr 2016-2017 articles outside all gold.

Every sentence is invented, of the same shape as a case seen; none is copied from an article.
"""
from __future__ import annotations

import pytest

from tests.components.test_attributions import attribution_rows


def _colon(nlp, text, cue):
    return [(a["speaker"], a["content"]) for a in attribution_rows(nlp, text)[1]
            if a["cue"] == cue and a["rule"].startswith("colon_quote")]


# -- a bare present participle (no `en`) before a verbless quote, its subject not right before
# it: the parse hangs it on a clause whose subject did not say the words; no row -----------------
@pytest.mark.parametrize("text, cue, found", [
    ("Une vidéo diffusée lundi montrait le sénateur se vantant « d'avoir tout payé ».", "vantant", []),
    ("Un écran était installé sur la place, où a été projeté un film du réalisateur Paul Girard, "
     "dénonçant « les abus de pouvoir ».", "dénonçant", []),
    # a gerund takes its governor's subject: kept
    ("Le candidat a immédiatement réagi en se disant « scandalisé » et en dénonçant une cabale.", "disant",
     [("Le candidat", "scandalisé")]),
    # the participle's own subject right before it (an absolute construction): kept
    ("L'animateur, Le Parisien le qualifiant « pire recrue de la saison », est mis en examen.", "qualifiant",
     [("Le Parisien", "pire recrue de la saison")]),
    # a quote with a finite verb after a bare participle: kept
    ("Le ministre a quitté la salle, déclarant : « Nous ne céderons pas ».", "déclarant",
     [("Le ministre", "Nous ne céderons pas")]),
])
def test_a_bare_participle_before_a_verbless_quote_needs_its_subject(nlp, text, cue, found):
    assert _colon(nlp, text, cue) == found


@pytest.mark.parametrize("text, cue, found", [
    ("L'armée a ouvert une enquête, tout en disant « [prendre] toutes les précautions » lors des frappes.",
     "disant", [("L'armée", "[prendre] toutes les précautions")]),
    ("Le club a publié un communiqué, tout en se disant « très surpris ».", "disant",
     [("Le club", "très surpris")]),
])
def test_a_gerund_after_tout_is_no_bare_participle(nlp, text, cue, found):
    assert _colon(nlp, text, cue) == found


def _speaker(nlp, text, cue):
    return [(a["speaker"], a["actor"]) for a in attribution_rows(nlp, text)[1] if a["cue"] == cue]


# -- `Selon X, Name, Y a dit` / `Qualifié de … par X, Name, Y s'est défendu`: the name before the
# comma closes another phrase; the parse's subject alone speaks -------------------------------------
@pytest.mark.parametrize("text, cue, speaker", [
    ("Selon la présidente de l'association, Marie Roy, la préfecture a déclaré : « Le risque est réel ».",
     "déclaré", "la préfecture"),
    ("Critiqué par le directeur du Courrier, Paul Girard, Le Matin s'est défendu en précisant que le journal "
     "publiait « volontiers » ce texte.", "précisant", "Le Matin"),
    ("D'après le maire, Paul Roy, les pompiers ont assuré que le feu était maîtrisé.", "assuré", "les pompiers"),
    # a role and its name, commas on both sides or none after: the fuller phrase stays
    ("Le ministre, Michel Sapin, a dit : « Le budget tiendra ».", "dit", "Le ministre, Michel Sapin"),
    ("Le ministre, Michel Sapin a dit : « Le budget tiendra ».", "dit", "Le ministre, Michel Sapin"),
])
def test_a_name_closing_a_phrase_before_the_subject_is_not_the_speaker(nlp, text, cue, speaker):
    assert [s for s, _ in _speaker(nlp, text, cue)] == [speaker]


# -- a clause after the colon: the noun phrase between the cue and the colon is an inverted subject
# only when a clause follows (`Comme l'indique X, biologiste : la forêt recule`); before a list or a
# name it is what is put forward, the content's head, never the speaker ---------------------------
@pytest.mark.parametrize("text, cue, speaker, content", [
    ("La réforme voulue par le ministre met en avant des priorités : emploi, logement et santé.",
     "met en avant", None, "des priorités : emploi, logement et santé"),
    ("Le plan présenté par la ministre met surtout en avant des mesures : primes, crédits et aides.",
     "met surtout en avant", None, "des mesures : primes, crédits et aides"),
    ("Comme l'indique Jean Roy, biologiste : la forêt recule chaque année.", "indique", "Jean Roy, biologiste",
     "la forêt recule chaque année"),
    ("Le jury du festival, présidé cette année par une actrice, a annoncé son palmarès : Paul Girard, "
     "Anne Roy et Marc Petit.", "annoncé", "Le jury du festival", "son palmarès : Paul Girard, Anne Roy et Marc Petit"),
])
def test_before_a_verbless_list_the_phrase_before_the_colon_is_its_head_not_the_speaker(nlp, text, cue, speaker,
                                                                                       content):
    rows = [a for a in attribution_rows(nlp, text)[1] if a["cue"] == cue and a["rule"].startswith("colon_clause")]
    assert [(a["speaker"], a["content"]) for a in rows] == [(speaker, content)]
