"""Attributions, third round of precision and content boundaries (issue 15): classes of wrong
cues, false attributions and contents running too far found by reading `depeche run` on
winer-fr 2016-2017 articles outside corpus/gold.

Every sentence is invented, of the same shape as a case seen; none is copied from an article.
"""
from __future__ import annotations

import pytest

from tests.components.test_attributions import attribution_rows


def _run(nlp, text):
    return attribution_rows(nlp, text)[1]


def _with_content(found, content):
    match = [a for a in found if a["content"] == content]
    assert match, found
    return match[0]


# -- a present participle or an infinitive cue between a verb and `que` owns the clause ------
@pytest.mark.parametrize("text, content, cue, stance, speaker", [
    ("Son avocat a contesté ces accusations, affirmant que son client était absent ce soir-là.",
     "son client était absent ce soir-là", "affirmant", "assert", "Son avocat"),
    ("Plusieurs élus le blâment ouvertement, ce dernier expliquant à propos du budget que la dette doit baisser.",
     "la dette doit baisser", "expliquant", "assert", "ce dernier"),
    ("Elle a diffusé une note détaillant les dépenses, tout en précisant qu'elles étaient connues.",
     "elles étaient connues", "précisant", "assert", "Elle"),
    ("La direction s'est défendue en soulignant que le contrat était légal.",
     "le contrat était légal", "soulignant", "assert", "La direction"),
    ("Je souhaite rappeler que le tribunal ne m'a rien interdit.",
     "le tribunal ne m'a rien interdit", "rappeler", "assert", "Je"),
    # no cue between: the verb keeps its clause
    ("Le syndicat a rappelé mardi aux salariés que la grève était légale.",
     "la grève était légale", "rappelé", "assert", "Le syndicat"),
])
def test_when_a_participle_cue_stands_before_que_then_it_is_the_cue(nlp, text, content, cue, stance, speaker):
    a = _with_content(_run(nlp, text), content)
    assert (a["cue"], a["stance"], a["speaker"]) == (cue, stance, speaker)


# -- a gerund's speaker is its governor's subject with its apposed name ----------------------
@pytest.mark.parametrize("text, content, speaker", [
    ("Le ministre des Sports, Paul Girard, a condamné ces violences en insistant sur le fait que « le stade doit rester sûr ».",
     "le stade doit rester sûr", "Le ministre des Sports, Paul Girard"),
    ("La présidente de la région, Anne Morel, affiche son optimisme, estimant que la croissance reviendra.",
     "la croissance reviendra", "La présidente de la région, Anne Morel"),
])
def test_when_a_gerund_reports_then_the_governor_subject_keeps_its_name(nlp, text, content, speaker):
    assert _with_content(_run(nlp, text), content)["speaker"] == speaker


# -- a time reckoned from an event before the subject is no part of the speaker -------------
@pytest.mark.parametrize("text, content, speaker", [
    ("Vingt ans après sa disparition mystérieuse au large de Brest, des plongeurs de la Marine nationale ont "
     "affirmé avoir retrouvé l'épave.", "avoir retrouvé l'épave", "des plongeurs de la Marine nationale"),
])
def test_when_a_time_from_an_event_opens_the_sentence_then_the_speaker_starts_after_it(nlp, text, content, speaker):
    assert _with_content(_run(nlp, text), content)["speaker"] == speaker


# -- a content stops before a second predicate of the speaker sharing the cue's auxiliary ----
@pytest.mark.parametrize("text, cue, content", [
    ("Le maire a affirmé que « ces travaux sont indispensables » et rendu hommage aux ouvriers.",
     "affirmé", "ces travaux sont indispensables"),
    ("La ministre s'est engagée à construire une école et annoncé un plan de rénovation.",
     "engagée", "construire une école"),
    ("Il a précisé qu'il « respectera la décision » mais a malgré tout confié vouloir continuer.",
     "précisé", "il « respectera la décision »"),
    # the participle shares the content's own auxiliary, or is an adjective: the content goes on
    ("Le préfet a déclaré que le bâtiment a été fouillé et vidé de ses occupants.",
     "déclaré", "le bâtiment a été fouillé et vidé de ses occupants"),
    ("La police a annoncé que deux suspects avaient été arrêtés puis relâchés dans la soirée.",
     "annoncé", "deux suspects avaient été arrêtés puis relâchés dans la soirée"),
    ("Elle a expliqué que le club avait perdu son entraîneur et recruté un nouveau joueur.",
     "expliqué", "le club avait perdu son entraîneur et recruté un nouveau joueur"),
    ("Le préfet a déclaré que la ville semblait détruite et abandonnée par ses habitants.",
     "déclaré", "la ville semblait détruite et abandonnée par ses habitants"),
])
def test_when_the_speaker_goes_on_with_a_bare_participle_then_the_content_stops(nlp, text, cue, content):
    found = [a for a in _run(nlp, text) if a["cue"] == cue]
    assert [a["content"] for a in found] == [content]


# -- a relative `que` with its gap after a noun is no reported clause ------------------------
@pytest.mark.parametrize("text, cue, found", [
    ("Il en a profité pour réaffirmer tout au long de son discours les grandes idées qu'il a défendues pendant sa campagne.",
     "réaffirmer", False),
    ("Le groupe conteste les conclusions de ce comité, qu'il qualifie de « partial ».", "conteste", False),
    # a setting or the person told before `que`: a reported clause
    ("Le ministre a confirmé à la presse locale qu'il démissionnerait.", "confirmé", True),
    ("Le maire a déclaré dans un communiqué que la piscine rouvrirait.", "déclaré", True),
    ("Le maire a précisé, dans un communiqué, que la piscine rouvrirait.", "précisé", True),
    ("Ils mettent en avant le fait que « le bruit des travaux dure depuis deux ans ».", "mettent en avant", True),
])
def test_when_que_is_a_relative_pronoun_then_it_opens_no_content(nlp, text, cue, found):
    assert any(a["cue"] == cue and a["rule"].startswith("que_clause") or a["cue"] == cue and "fait que" in a["content"]
               for a in _run(nlp, text)) is found


# -- no one speaks: a title, a discourse marker, a denial with `aucun` -----------------------
@pytest.mark.parametrize("text, cue, found", [
    ("Italie : le maire de Milan accuse la région de bloquer un « projet vital »\n\nLe maire a écrit au préfet.",
     "accuse", False),
    ("« Nous resterons unis »\n\nLe maire a accusé la région de bloquer le projet.", "accusé", True),
    ("La bataille devrait cela dit être encore longue dans le centre-ville.", "dit", False),
    ("Le rapport est clair et cela dit que la ville doit agir.", "dit", True),
    ("La mission de la sonde s'est conclue telle que prévu, avec l'impact sur la comète.", "conclue", False),
    ("Le ministre n'a démenti aucune information sur le chantier.", "démenti", False),
    ("Le ministre a démenti toute implication dans le chantier.", "démenti", True),
])
def test_when_nobody_reports_then_there_is_no_attribution(nlp, text, cue, found):
    assert any(a["cue"] == cue for a in _run(nlp, text)) is found


# -- a relative clause that is the speaker's own labelling ends the content -------------------
@pytest.mark.parametrize("text, cue, content", [
    ("Pour le Journal du Jura, il s'agit d'une « intrusion du syndicat » que le journal estime comme « une atteinte à la liberté ».",
     "Pour", "il s'agit d'une « intrusion du syndicat »"),
    ("Le maire a annoncé un plan que la région juge trop coûteux.", "annoncé", "un plan"),
    # a relative clause inside the content, the clause going on after it: all of it
    ("Il affirme que le plan qu'il a présenté est bon.", "affirme", "le plan qu'il a présenté est bon"),
])
def test_when_a_relative_clause_labels_the_content_then_the_content_ends_before_it(nlp, text, cue, content):
    assert [a["content"] for a in _run(nlp, text) if a["cue"] == cue] == [content]


@pytest.mark.parametrize("text", [
    "Elle a critiqué la décision prise par le conseil, qu'elle a qualifiée de « scandaleuse ».",
])
def test_when_a_labelling_relative_is_cut_off_then_the_quote_is_not_the_object_content(nlp, text):
    assert not any("scandaleuse" in a["content"] and a["cue"] == "critiqué" for a in _run(nlp, text))


# -- coordinated clauses with their own subjects give one attribution each --------------------
@pytest.mark.parametrize("text, cue, contents", [
    ("Le maire a déclaré que le pont était fermé et les routes étaient coupées.", "déclaré",
     ["le pont était fermé", "les routes étaient coupées"]),
    ("Le pont est fermé et les routes sont coupées, a déclaré le préfet.", "déclaré",
     ["Le pont est fermé", "les routes sont coupées"]),
    ("« La loi impose trois vaccins » et le ministre doit « rendre disponibles ces vaccins », a précisé le Conseil d'État.",
     "précisé", ["La loi impose trois vaccins", "le ministre doit « rendre disponibles ces vaccins »"]),
    ("Le résultat sera annoncé dans « 11 jours » et le taux de participation se monte à 85 %, d'après la commission électorale.",
     "d'après", ["Le résultat sera annoncé dans « 11 jours »", "le taux de participation se monte à 85 %"]),
    # one clause: a shared verb, a list of noun phrases, or `selon X` opening the sentence
    ("Le maire a déclaré que la ville sera reconstruite et les habitants relogés.", "déclaré",
     ["la ville sera reconstruite et les habitants relogés"]),
    ("Le chercheur a expliqué que la température, la gravité et les niveaux de radiation seront reproduits.", "expliqué",
     ["la température, la gravité et les niveaux de radiation seront reproduits"]),
    ("Selon la police, le pont est fermé et les routes sont coupées.", "Selon",
     ["le pont est fermé et les routes sont coupées"]),
    # the second clause is another speaker's: the content stops
    ("Le ministère estimait que le conseiller pourrait être victime de chantage et les élus avaient demandé lundi, "
     "au Congrès, que le conseiller soit renvoyé.", "estimait", ["le conseiller pourrait être victime de chantage"]),
])
def test_when_clauses_are_coordinated_then_each_is_an_attribution(nlp, text, cue, contents):
    assert [a["content"] for a in _run(nlp, text) if a["cue"] == cue] == contents


# -- an adverb of time opening a content is the speaker's; a connective is the journalist's ---
@pytest.mark.parametrize("text, content", [
    ("Selon l'armée, désormais, un conseil de paix serait au pouvoir.", "désormais, un conseil de paix serait au pouvoir"),
    ("Pour le maire, cependant, le pont doit rester ouvert.", "le pont doit rester ouvert"),
])
def test_when_an_adverb_opens_the_content_then_only_a_time_is_kept(nlp, text, content):
    assert [a["content"] for a in _run(nlp, text)] == [content]


# -- a figure set off by commas before `selon X` is the source's content ----------------------
@pytest.mark.parametrize("text, contents", [
    ("La majorité des manifestants, 13 500 à 14 000 personnes selon la police, 100 000 selon les organisateurs, "
     "portait un T-shirt blanc.", ["13 500 à 14 000 personnes", "100 000"]),
    ("Au moins 36 personnes ont été tuées selon un bilan provisoire.", ["Au moins 36 personnes ont été tuées"]),
])
def test_when_selon_closes_a_figure_in_an_incise_then_the_figure_is_the_content(nlp, text, contents):
    assert [a["content"] for a in _run(nlp, text)] == contents


# -- a content in a participle or relative clause ends where the main clause resumes ----------
@pytest.mark.parametrize("text, cue, content", [
    ("Le général, dont la nomination avait surpris, nombre d'élus estimant qu'il n'est pas fait pour ce poste, "
     "est en effet un partisan du rapprochement.", "estimant", "il n'est pas fait pour ce poste"),
    ("« Quant à la somme dont le journal prétend qu'elle l'aurait reçue en août, elle lui a été payée en juin », a-t-il dit.",
     "prétend", "elle l'aurait reçue en août"),
])
def test_when_the_main_clause_resumes_then_the_content_ends(nlp, text, cue, content):
    assert [a["content"] for a in _run(nlp, text) if a["cue"] == cue] == [content]


@pytest.mark.parametrize("text, content", [
    ("Le groupe a revendiqué l'attentat moins de deux heures après, mais cette revendication semble douteuse.",
     "l'attentat"),
    ("Le président a annoncé sa démission lundi.", "sa démission"),
])
def test_when_a_time_closes_an_object_content_then_it_is_left_out(nlp, text, content):
    assert [a["content"] for a in _run(nlp, text)] == [content]


@pytest.mark.parametrize("text, cue, found", [
    ("Paul Roy, 28 ans, est un détenu en fuite, qualifié par les enquêteurs d'« homme violent », "
     "déjà condamné plusieurs fois par la justice.", "condamné", False),
    ("« Nous resterons », a déclaré jeudi le maire.", "déclaré", True),
])
def test_when_the_words_after_an_inverted_cue_are_a_time_then_they_are_no_speaker(nlp, text, cue, found):
    assert any(a["cue"] == cue for a in _run(nlp, text)) is found


@pytest.mark.parametrize("text, cue, content", [
    ("Il a également dénoncé un « assassinat politique », y voyant une manœuvre qui « fauche » l'élection.",
     "dénoncé", "un « assassinat politique »"),
    ("Le président a condamné les « allégations mensongères » du candidat, sans même attendre la fin de l'émission.",
     "condamné", "les « allégations mensongères » du candidat"),
])
def test_when_the_speaker_goes_on_after_an_object_then_the_object_content_ends(nlp, text, cue, content):
    assert [a["content"] for a in _run(nlp, text) if a["cue"] == cue] == [content]


def test_when_a_participle_cue_follows_a_quote_then_the_content_ends_with_the_quote(nlp):
    text = "Dans une tribune, elle demande à l'animateur de « ne pas venir sur la chaîne » estimant que « son image est entachée »."
    found = _run(nlp, text)
    assert [(a["cue"], a["content"]) for a in found] == [("demande", "ne pas venir sur la chaîne"),
                                                        ("estimant", "son image est entachée")]


def test_when_alors_meme_que_follows_then_the_content_ends(nlp):
    text = ("Le secrétaire général appelle le gouvernement à continuer son dialogue avec l'ONU, alors même que "
            "le gouvernement a annoncé cesser toute collaboration.")
    assert [a["content"] for a in _run(nlp, text) if a["cue"] == "appelle"] == ["continuer son dialogue avec l'ONU"]


# -- a content read rightwards stops before `, comme l'a confirmé X` and before a new quote -------
STOPS_RIGHT = [
    ("Selon le journal, deux perquisitions ont eu lieu chez ses parents, comme l'a confirmé le procureur.",
     {"cue": "Selon", "content": "deux perquisitions ont eu lieu chez ses parents"}),
    ("Selon la syndicaliste, cette loi est « une victoire pour nous. » « Nous voulions des amendes plus fortes » .",
     {"cue": "Selon", "content": "cette loi est « une victoire pour nous. »"}),
]

GOES_ON = [
    # `comme` + no cue: a comparison inside the content
    ("Selon le journal, la route est fermée, comme le pont voisin, depuis lundi.",
     {"cue": "Selon", "content": "la route est fermée, comme le pont voisin, depuis lundi"}),
]

TWO_QUOTES_ONE_CUE = [
    # leftwards, two quotes before one inverted cue are both its speaker's
    "« Nous avons tout essayé. » « Rien n'a marché » , a expliqué la maire.",
]


@pytest.mark.parametrize("text, expect", STOPS_RIGHT + GOES_ON)
def test_when_content_reads_rightwards_then_it_stops_at_a_new_attribution_or_quote(nlp, text, expect):
    found = attribution_rows(nlp, text)[1]
    assert any(a["cue"] == expect["cue"] and a["content"] == expect["content"] for a in found), found


@pytest.mark.parametrize("text", TWO_QUOTES_ONE_CUE)
def test_when_two_quotes_precede_an_inverted_cue_then_both_are_its_speakers(nlp, text):
    found = attribution_rows(nlp, text)[1]
    assert {a["content"] for a in found if a["cue"] == "expliqué"} >= {"Nous avons tout essayé.", "Rien n'a marché"}, found


# -- the writer's apposition after a complete clause (`, une information impossible à vérifier`) ----
WRITER_APPOSITION = [
    ("Le maire a assuré que la piscine rouvrirait en mai, une promesse déjà faite l'an dernier.",
     {"cue": "assuré", "content": "la piscine rouvrirait en mai"}),
    ("La direction affirme que 300 postes seront créés, une information impossible à vérifier.",
     {"cue": "affirme", "content": "300 postes seront créés"}),
    # a bare statement noun and its relative clause, after any content
    ("Le suspect avait déclaré sur un forum détester les policiers et la justice, déclaration qu'il a répétée "
     "devant les enquêteurs.", {"cue": "déclaré", "content": "détester les policiers et la justice"}),
    ("Le maire avait promis dans un tract de rouvrir la piscine avant l'été, promesse que l'opposition lui "
     "rappelle aujourd'hui.", {"cue": "promis", "content": "rouvrir la piscine avant l'été"}),
]

SUBJECT_APPOSITION = [
    # an apposition to the clause's subject, before its verb, belongs to the content
    ("Le ministre a affirmé que le pont, une structure ancienne, serait reconstruit.",
     {"cue": "affirmé", "content": "le pont, une structure ancienne, serait reconstruit"}),
]


@pytest.mark.parametrize("text, expect", WRITER_APPOSITION + SUBJECT_APPOSITION)
def test_when_a_statement_noun_follows_a_complete_clause_then_the_content_ends_before_it(nlp, text, expect):
    found = attribution_rows(nlp, text)[1]
    assert any(a["cue"] == expect["cue"] and a["content"] == expect["content"] for a in found), found
