"""Person descriptions whose head noun is in no list of roles (issue 15, helper speakers10):
a noun derived as an agent (`-eur`, `-trice`, `-euse`, `-ant`, `-iste` ...: `la chanteuse`, `le
plaignant`, `la conductrice`) takes up the person who was the subject of its own sentence or the
one before; not a person only named in a complement, not one named further back, and not when a
`de` complement restricts it (`le directeur de la salle` introduces its holder). Invented
sentences, none copied from a gold article.
"""
from __future__ import annotations

import pytest

from tests.components.test_speaker_coref import _actors

TAKES_UP = [
    # (text, content, the speaker's actor name)
    ("Claire Vidal représentera la Belgique au concours de Riga. La chanteuse s'est dite « très fière "
     "de cette sélection ».", "très fière de cette sélection", "Claire Vidal"),
    ("Paul Roy a assigné le syndicat devant le tribunal de Nantes. Pour le plaignant, « la procédure "
     "était truquée ».", "la procédure était truquée", "Paul Roy"),
    ("Léa Martin conduisait le car depuis dix ans. La conductrice a affirmé que les freins avaient "
     "lâché.", "les freins avaient lâché", "Léa Martin"),
]


@pytest.mark.parametrize("text, content, actor", TAKES_UP)
def test_an_agent_noun_takes_up_the_subject_before_it(nlp, text, content, actor):
    assert _actors(nlp, text, content) == [actor]


NOT_A_PERSON_BEFORE = [
    # (text, content, the actor it must not be)
    # a person only named in a complement is not the one the description takes up
    ("Le gouvernement a salué la générosité de Paul Roy. Pour la donatrice, « ce parc est un "
     "cadeau au pays ».", "ce parc est un cadeau au pays", "Paul Roy"),
    # a `de` complement restricts the description: it introduces its holder
    ("Le suspect se nommerait Paul Roy. Selon le directeur de la salle, les tirs ont duré dix "
     "minutes.", "les tirs ont duré dix minutes", "Paul Roy"),
    # a subject named three sentences earlier is too far
    ("Paul Roy conduisait le bus. Le trajet était long. La route était glissante. La nuit tombait. "
     "Le chauffeur a affirmé que les freins avaient lâché.", "les freins avaient lâché", "Paul Roy"),
]


@pytest.mark.parametrize("text, content, wrong", NOT_A_PERSON_BEFORE)
def test_an_agent_noun_takes_up_no_person_that_is_not_its_subject_before(nlp, text, content, wrong):
    assert wrong not in _actors(nlp, text, content)
