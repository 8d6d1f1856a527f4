"""A source after or before its words that the patterns used to drop or misread (twelfth pass): a
quote opening its sentence before `, selon X`, `Pour X, qui …,` with a long relative clause, a
mixed content whose quote ends on its own full stop, a description with its own qualifier. Every sentence is invented, of the shape of
a miss read on unseen winer-fr 2016–2017 articles; none is copied from an article."""
from __future__ import annotations

import pytest

from pipeline.components.attributions.roles import other_qualifier
from tests.components.test_attributions_classes import _assert_found as _found
from tests.components.test_attributions_classes import _run

# -- a quote that opens its sentence, then `, selon X`: the quote is X's, whatever its parse ------
QUOTE_BEFORE_SELON = [
    # (`enquête` tagged an adjective: the quote holds no finite verb for the parse)
    ("Un car s'est renversé. « La gendarmerie enquête sur les causes de l'accident » , selon une radio locale.",
     {"cue": "selon", "kind": "direct", "speaker": "une radio locale",
      "content": "La gendarmerie enquête sur les causes de l'accident"}),
    ("Le barrage a cédé. « Deux villages ont été évacués. La préfecture enquête sur la digue » , selon le maire.",
     {"cue": "selon", "kind": "direct", "speaker": "le maire",
      "content": "Deux villages ont été évacués. La préfecture enquête sur la digue"}),
]


@pytest.mark.parametrize("text, expect", QUOTE_BEFORE_SELON)
def test_when_quote_opens_sentence_before_selon_then_quote_is_content(nlp, text, expect):
    _found(_run(nlp, text), expect)


# -- `Pour X, qui …, A`: a relative clause of the source, however long, is no part of A -----------
def test_when_long_relative_follows_pour_source_then_content_starts_after_it(nlp):
    _found(_run(nlp, "Pour la skieuse, qui avait gagné l'argent à Sotchi en 2014 et le bronze quatre ans plus "
                     "tard à Pyeongchang, cette victoire est la plus belle de sa carrière."),
           {"cue": "Pour", "speaker": "la skieuse", "content": "cette victoire est la plus belle de sa carrière"})


# -- a mixed content whose quote closes on its own full stop still has its verb ---------------------
def test_when_mixed_content_quote_ends_on_full_stop_then_pour_keeps_it(nlp):
    _found(_run(nlp, "Pour Marie Dupont, sa médaille « a le goût de la revanche après des années difficiles. »"),
           {"cue": "Pour", "speaker": "Marie Dupont",
            "content": "sa médaille « a le goût de la revanche après des années difficiles. »"})


# -- a speaker described by a noun and its own qualifier is no actor of that noun with another -----
def test_when_description_has_another_qualifier_then_speaker_is_not_the_actor_named_before(nlp):
    found = _run(nlp, "La nuit dernière, l'armée irakienne contrôlait encore les puits de pétrole. « Nous appelons "
                      "les habitants à résister », a déclaré un communiqué de l'armée kurde.")
    quote = [a for a in found if a["content"] == "Nous appelons les habitants à résister"]
    assert quote and quote[0]["actor_id"] == "org-armee-kurde", found


@pytest.mark.parametrize("qualifier, name, other", [
    ({"kurde"}, ["armee", "irakienne"], True),
    ({"irakienne"}, ["armee", "irakienne"], False),   # the same actor
    ({"bresilienne"}, ["equipe", "du", "bresil"], False),  # a complement may say the same
    (set(), ["armee", "irakienne"], False),           # `l'armée` alone takes it up
])
def test_other_qualifier(qualifier, name, other):
    assert other_qualifier(qualifier, name[0], name) is other


# -- `X, <apposition ending on a complement>, a dit`: the subject is X and its apposition ------------
APPOSITION_COMPLEMENT = [
    ("Fossiles en Inde\n\n24 janvier 2016\n\nPierre Lambert, géologue de l'université de Pune en Inde, a déclaré que "
     "son équipe avait trouvé des œufs.", "Pierre Lambert, géologue de l'université de Pune en Inde"),
    ("Nice\n\n19 août 2016\n\nAnne Morel, la secrétaire d'État chargée de l'aide aux victimes, a annoncé aujourd'hui "
     "qu'un blessé était mort.", "Anne Morel, la secrétaire d'État chargée de l'aide aux victimes"),
]


@pytest.mark.parametrize("text, speaker", APPOSITION_COMPLEMENT)
def test_when_apposition_ends_on_a_complement_then_speaker_is_the_subject_before_it(nlp, text, speaker):
    found = _run(nlp, text)
    assert [a["speaker"] for a in found] == [speaker], found


def test_when_a_time_precedes_the_complement_then_it_is_no_speaker(nlp):
    found = _run(nlp, "Enlèvement\n\n23 mars 2017\n\nUn Belge a été enlevé tôt ce mardi au Niger, a confirmé le "
                      "ministère des affaires étrangères belge sans préciser son nom.")
    assert all("mardi" not in (a["speaker"] or "") for a in found), found


# -- `…, X + present participle`: an absolute construction has its own subject --------------------------
def test_when_participle_follows_its_own_noun_phrase_then_that_phrase_speaks(nlp):
    found = _run(nlp, "Titre\n\n24 novembre 2016\n\nCet objectif de baisse du chômage aura marqué tout le mandat, "
                      "le président promettant de ne pas se représenter en cas d'échec.")
    assert [a["speaker"] for a in found] == ["le président"], found


# -- a participle hanging from a passive: its agent speaks, not the thing acted upon -----------------------
PASSIVE_GOVERNOR = [
    ("Le projet a été critiqué par le maire, estimant qu'il coûtait trop cher.", "le maire"),
    ("Une alerte a été donnée par une passante, déclarant avoir vu un homme armé devant l'école.", "une passante"),
]


@pytest.mark.parametrize("text, speaker", PASSIVE_GOVERNOR)
def test_when_participle_hangs_from_a_passive_then_its_agent_speaks(nlp, text, speaker):
    assert [a["speaker"] for a in _run(nlp, text)] == [speaker]


def test_when_governing_subject_is_a_thing_then_it_says_nothing(nlp):
    # evidence that `laisse penser` is read by the journalist's source, it is no speaker itself
    found = _run(nlp, "Une source proche de l'enquête affirme que l'exploitation du matériel informatique saisi "
                      "laisserait penser que plusieurs cibles avaient été repérées, tout en ajoutant que rien n'était prêt.")
    assert not [a for a in found if a["speaker"].startswith("l'exploitation")], found
