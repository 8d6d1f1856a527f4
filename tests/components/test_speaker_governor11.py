"""Issue 15: a participle or gerund set off by a comma (`…, tout en ajoutant que`, `…, précisant
que`) speaks with the main clause, even where the parser hangs it on a `que` clause inside
that main clause's content; the subject of the `que` clause is what is reported, not a speaker.
Invented sentences."""
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
