"""Attributions, precision per pattern on unseen news (issue 15, second pass): the classes of rows a
gold annotator would not keep, or would keep with other bounds, that a stratified sample of
`depeche run` on 480 winer-fr 2016-2017 articles outside all gold showed.

Every sentence is invented, of the same shape as a case seen; none is copied from an article.
"""
from __future__ import annotations

import pytest

from tests.components.test_attributions import attribution_rows


def _contents(nlp, text, cue):
    return [a["content"] for a in attribution_rows(nlp, text)[1] if a["cue"] == cue]


# -- a `que` clause under a thing as the cue's own subject (a measure, a picture, a delay): the
# journalist reads the thing, no one speaks; people, organisations, documents and names still do --
@pytest.mark.parametrize("text, cue, content", [
    ("Les images satellites révèlent que le barrage a cédé dans la nuit.", "révèlent", None),
    ("Ce long délai indique que le signal a traversé un nuage de gaz.", "indique", None),
    ("Le taux de chômage établit que la reprise tarde encore.", "établit", None),
    ("Des émeutes ont éclaté dans la journée, demandant à ce que le maire parte.", "demandant", None),
    ("Les émeutes exigent que le maire démissionne.", "exigent", None),
    ("Les riverains ont affirmé que le barrage avait cédé dans la nuit.", "affirmé",
     "le barrage avait cédé dans la nuit"),
    ("Le porte-parole de la préfecture indique que le signal a été rétabli.", "indique",
     "le signal a été rétabli"),
    ("Le rapport indique que la reprise tarde encore.", "indique", "la reprise tarde encore"),
    ("Une source proche du dossier révèle que le contrat a été signé en mars.", "révèle",
     "le contrat a été signé en mars"),
    ("Les salariés affirment que la direction a menti.", "affirment", "la direction a menti"),
])
def test_when_the_subject_of_a_que_clause_is_a_thing_then_it_is_no_speaker(nlp, text, cue, content):
    assert _contents(nlp, text, cue) == ([content] if content else [])


# -- `confirmer` with a standing, a performance or a trend as its object: events bear it out, no
# statement is confirmed; a piece of news or a statement as its object is confirmed by a speaker --
@pytest.mark.parametrize("text, cue, content", [
    ("La nageuse a confirmé sa suprématie sur le 200 mètres.", "confirmé", None),
    ("Les derniers chiffres confirment le déclin des ventes de disques.", "confirment", None),
    ("Ce résultat, qui confirme la tendance de l'an dernier, rassure les élus.", "confirme", None),
    ("Le ministère a confirmé cette information dans la soirée.", "confirmé", "cette information"),
    ("Le club a confirmé le départ de son entraîneur.", "confirmé", "le départ de son entraîneur"),
])
def test_when_confirmer_takes_a_standing_then_no_statement_is_confirmed(nlp, text, cue, content):
    assert _contents(nlp, text, cue) == ([content] if content else [])


# -- a cue in a subordinate clause opening the sentence (its subject set off by an apposition), or
# in a `dont` relative with a long subject: the content ends where the main clause resumes --------
@pytest.mark.parametrize("text, cue, content", [
    ("Si Paul Roux, porte-parole de la mairie, affirme que le pont est sûr, les habitants restent inquiets.",
     "affirme", "le pont est sûr"),
    ("Quand Anne Morel, la directrice du port, a annoncé que les quais fermaient, les dockers ont protesté.",
     "annoncé", "les quais fermaient"),
    ("Un homme, dont les tout premiers témoignages des voisins de palier indiquent qu'il vivait seul, a été arrêté lundi.",
     "indiquent", "il vivait seul"),
    # the cue of the main clause keeps its whole content
    ("Si le pont est sûr, Paul Roux affirme que les habitants restent inquiets.",
     "affirme", "les habitants restent inquiets"),
])
def test_when_the_cue_is_in_an_opening_clause_then_its_content_stops_at_the_main_clause(nlp, text, cue, content):
    assert _contents(nlp, text, cue) == [content]


# -- an asking cue before `à`/`de` + infinitive with no one named who asks (no subject, no agent,
# no `à la demande de X`): a procedure or an arrangement the journalist tells, no speech -------
@pytest.mark.parametrize("text, cue, content", [
    ("Dimanche, les électeurs sont appelés à voter pour désigner leur maire.", "appelés", None),
    ("Les journalistes avaient été invités à visiter l'usine de la compagnie.", "invités", None),
    ("À la demande de la préfecture, les habitants ont été appelés à rester chez eux.", "appelés",
     "rester chez eux"),
    ("Le maire a appelé les habitants à rester chez eux.", "appelé", "rester chez eux"),
    ("La direction invite les salariés à rejoindre le site de Lyon.", "invite", "rejoindre le site de Lyon"),
])
def test_when_no_one_asks_then_an_infinitive_request_is_no_attribution(nlp, text, cue, content):
    assert _contents(nlp, text, cue) == ([content] if content else [])


# -- a gerund after a cue opens the speaker's own next statement (`tout en appelant à`, `,
# précisant que`): it ends the content before it and has no inverted subject of its own ---------
@pytest.mark.parametrize("text, cue, content", [
    ("Le Premier ministre, Kenji Sato, a salué « un changement » tout en appelant à maintenir la pression.",
     "salué", "un changement"),
    ("Le Premier ministre, Kenji Sato, a salué « un changement » tout en appelant à maintenir la pression.",
     "maintenir", None),
    ("Le président a accepté l'invitation, a confirmé sa porte-parole, Anne Roy, précisant que la rencontre "
     "aurait lieu plus tard.", "confirmé", "Le président a accepté l'invitation"),
    # a modal's infinitive keeps its inverted subject
    ("« Nous gagnerons », tient à préciser le ministre.", "préciser", "Nous gagnerons"),
])
def test_when_a_gerund_follows_then_it_ends_the_content_and_inverts_no_subject(nlp, text, cue, content):
    assert _contents(nlp, text, cue) == ([content] if content else [])


def test_when_an_inverted_cue_follows_with_a_time_then_the_content_before_ends_there(nlp):
    text = "Le dirigeant s'est dit prêt à rencontrer son rival, a annoncé jeudi soir le conseiller Paul Roy."
    assert _contents(nlp, text, "dit") == ["prêt à rencontrer son rival"]


def test_when_the_parser_takes_the_end_of_a_name_as_subject_then_the_speaker_is_the_whole_name(nlp):
    text = "Kim Jong-un s'est dit prêt à rencontrer son rival."
    (a,) = [a for a in attribution_rows(nlp, text)[1] if a["cue"] == "dit"]
    assert a["speaker"] == "Kim Jong-un", a
