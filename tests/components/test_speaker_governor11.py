"""Issue 15: a participle or gerund set off by a comma (`…, tout en ajoutant que`, `…, précisant
que`) speaks with the main clause, even where the parser hangs it on a `que` clause inside
that main clause's content; the subject of the `que` clause is what is reported, not a speaker.
A relative `qui` the parser hangs on no noun (`c'est X qui dénonce`, `…, en tête desquels X, qui
exige`) stands for the name right before it. A surname after its particle (`ajoute de la
Ferrière`) is the person named before in full. A role agent's name after its comma is taken in
even when the tagger calls its foreign first name a noun. Invented sentences."""
from __future__ import annotations

import pytest

from tests.components.test_attributions import attribution_rows


def _about(nlp, text, content):
    match = [a for a in attribution_rows(nlp, text)[1] if a["content"] == content]
    assert match, attribution_rows(nlp, text)[1]
    return match


MAIN_CLAUSE_SPEAKS = [
    # (text, content of the participle's attribution, the speaker's actor name, the wrong one)
    ("Le syndicat CFDT affirme que l'analyse des comptes de la société Varnex laisserait penser que des "
     "primes avaient été versées, tout en ajoutant qu'aucune plainte n'a été déposée.",
     "aucune plainte n'a été déposée", "CFDT", "Varnex"),
    ("Le ministre Paul Dufresne a indiqué que la société Varnex serait fermée, précisant que les salariés "
     "seraient reclassés.", "les salariés seraient reclassés", "Paul Dufresne", "Varnex"),
]


@pytest.mark.parametrize("text, content, actor, wrong", MAIN_CLAUSE_SPEAKS)
def test_when_participle_hangs_on_a_que_clause_then_the_main_subject_speaks(nlp, text, content, actor, wrong):
    found = _about(nlp, text, content)
    assert any(a["actor"] == actor for a in found), found
    assert all(a["actor"] != wrong for a in found), found


OWN_CLAUSE_SPEAKS = [
    # (text, content, the speaker's actor name): no `que` clause in between, the governor's subject speaks
    ("Marie Lenoir a quitté la réunion de la société Varnex, ajoutant que le projet était abandonné.",
     "le projet était abandonné", "Marie Lenoir"),
    ("Le syndicat CFDT a rencontré la direction de Varnex mardi, tout en affirmant que la grève continuerait.",
     "la grève continuerait", "CFDT"),
]


@pytest.mark.parametrize("text, content, actor", OWN_CLAUSE_SPEAKS)
def test_when_participle_hangs_on_the_main_clause_then_its_subject_still_speaks(nlp, text, content, actor):
    assert any(a["actor"] == actor for a in _about(nlp, text, content))


NAME_FOUND = [
    # (text, content, the speaker's actor name)
    # `qui` the parser hangs on no noun takes the name right before it
    ("Cette fois c'est Amnesty International qui dénonce les violences commises par la milice du parti.",
     "les violences commises par la milice du parti", "Amnesty International"),
    ("La réforme a été très critiquée par plusieurs pays, en tête desquels la Pologne, qui exige un "
     "contrôle plus strict des dépenses.", "un contrôle plus strict des dépenses", "Pologne"),
    # a surname after its particle is the person named before in full
    ("Pour Thomas de la Ferrière , l'avocat de la mère, l'enquête avance. « Elle n'a rien vu venir. C'est une "
     "adolescente comme les autres » , ajoute encore de la Ferrière.",
     "Elle n'a rien vu venir. C'est une adolescente comme les autres", "Thomas de la Ferrière"),
    # a role agent's name after its comma, its first name tagged as a noun
    ("La fermeture du site, annoncée par le ministre de l'Industrie, Suresh Kumar , a surpris les salariés de "
     "l'usine.", "La fermeture du site", "Suresh Kumar"),
]


@pytest.mark.parametrize("text, content, actor", NAME_FOUND)
def test_when_the_parse_or_tagger_misses_a_name_then_word_order_finds_the_speaker(nlp, text, content, actor):
    assert any(a["actor"] == actor for a in _about(nlp, text, content))


def test_when_no_name_stands_before_qui_then_no_earlier_name_speaks(nlp):
    text = ("Le tribunal de Lyon a rendu sa décision. Les juges doivent annuler une décision datant de 2015 "
            "et qui avait rejeté une nouvelle demande d'arrêt des travaux.")
    found = [a for a in attribution_rows(nlp, text)[1] if a["cue"] == "rejeté"]
    assert all(a["actor"] != "Lyon" for a in found), found


def test_when_surname_with_particle_was_never_named_in_full_then_no_other_person_speaks(nlp):
    text = ("Le maire Paul Martin a visité le chantier. « Le projet avance bien et sera livré en juin » , "
            "ajoute encore de la Tourette.")
    found = _about(nlp, text, "Le projet avance bien et sera livré en juin")
    assert all(a["actor"] != "Paul Martin" for a in found), found


def test_when_a_time_word_follows_the_agents_comma_then_it_is_not_part_of_the_speaker(nlp):
    text = "La fermeture du site, annoncée par le ministre de l'Industrie, mardi , a surpris les salariés de l'usine."
    found = _about(nlp, text, "La fermeture du site")
    assert all("mardi" not in (a["speaker"] or "") for a in found), found
