"""Actors in wire and press copy: the place a dispatch was sent from, the adjectives of every
state (Prolex), descriptions that name a body of their own, a newspaper named with its article
(sentences written for these tests; names invented where they are persons)."""
from __future__ import annotations

import sys

import pytest

from tests.components.test_actors import _mentions_with_ents, find, mentions
from tests.conftest import ROOT


# -- the place in capitals that opens a dispatch is a place, written as the place is ------------
@pytest.mark.parametrize("text, surface, label", [
    ("Titre\n\nPASADENA (États-Unis), 15 septembre 2017 - La sonde a plongé.", "PASADENA", "ORG"),
    ("Titre\n\nBOULOGNE-BILLANCOURT, 16 février 2018 - Le groupe a publié ses comptes.",
     "BOULOGNE-BILLANCOURT", "ORG"),
    ("VALMORIN - Le maire a démissionné lundi.", "VALMORIN", "PER"),
    ("Titre\n\nVALMORIN, 1er octobre 2019 - Le président a annoncé une hausse.", "VALMORIN", "LOC"),
])
def test_when_a_name_in_capitals_opens_the_dateline_then_it_is_a_place(nlp, text, surface, label):
    (m,) = [m for m in _mentions_with_ents(nlp, text, [(surface, label)]) if text[m["start"]:m["end"]] == surface]
    assert m["label"] == "LOC" and m["name"] == surface.title(), m


@pytest.mark.parametrize("text, surface", [
    # an acronym in a sentence, a headline in capitals with no dash after: as the NER reads them
    ("Titre\n\nLa NASA a annoncé vendredi la fin de la mission.", "NASA"),
    ("Titre\n\nVALMORIN, UNE VILLE EN COLÈRE\n\nLe maire a démissionné.", "VALMORIN"),
])
def test_when_a_name_in_capitals_is_no_dateline_then_it_keeps_its_label(nlp, text, surface):
    (m,) = [m for m in _mentions_with_ents(nlp, text, [(surface, "ORG")]) if text[m["start"]:m["end"]] == surface]
    assert m["label"] == "ORG" and m["name"] == surface


def test_place_written_in_capitals_is_named_in_the_case_of_the_place():
    from pipeline.components.actors_names import place_case
    assert place_case("SAINT-DENIS-DE-LA-RÉUNION") == "Saint-Denis-de-la-Réunion"
    assert place_case("L'ISLE-D'ABEAU") == "L'Isle-d'Abeau"


# -- every state's adjectives, from a lexical resource ---------------------------------------------
@pytest.mark.parametrize("adjective, country", [
    ("bahreïni", "BHR"), ("bahreïnienne", "BHR"), ("togolais", "TGO"), ("béninoise", "BEN"),
    ("monégasques", "MCO"), ("équato-guinéen", "GNQ"), ("équatorien", "ECU"), ("burkinabé", "BFA"),
    ("dominicaine", "DOM"), ("grecque", "GRC"),
])
def test_the_adjectives_of_small_states_are_demonyms(nlp, adjective, country):
    assert nlp.get_pipe("depeche_actors").index.demonym(adjective) == country


PROLEX = """\ufeffBulgarie,.N+PR+Toponyme+Pays+IsoBG:fs
bulgare,bulgare.A+Toponyme+Pays+IsoBG:ms:fs
burkinabé,burkinabé.A+Toponyme+Pays+IsoBG:ms:fs
Syrie,.N+PR+Toponyme+Pays+IsoSY:fs
syrien,syrien.A+Toponyme+Pays+IsoSY:ms
swazi,swazi.A+Toponyme+Pays+IsoSY:ms
Argentine,.N+PR+Toponyme+Pays+IsoAR:fs
argentin,argentin.A+Toponyme+Pays+IsoAR:ms
argentine,argentin.A+Toponyme+Pays+IsoAR:fs
Qatar,.N+PR+Toponyme+Pays+IsoQA:ms
République tchèque,.N+PR+Toponyme+Pays+IsoQA:fs
qatarien,qatarien.A+Toponyme+Pays+IsoQA:ms
tchèque,tchèque.A+Toponyme+Pays+IsoQA:ms:fs
Paris,.N+PR+DetZ+Toponyme+Ville+IsoFR:ms:fs
parisien,parisien.A+Toponyme+Ville+IsoFR:ms
"""


def test_when_the_resource_gives_a_code_to_the_wrong_country_then_the_adjective_goes_by_its_name(tmp_path):
    sys.path.insert(0, str(ROOT / "scripts"))
    from build_demonyms import demonyms

    from pipeline.rules.gazetteer import GazetteerEntry
    states = [GazetteerEntry(id=i, name=n, type="state", country=c, aliases=a) for i, n, c, a in (
        ("bulgarie", "Bulgarie", "BGR", ()), ("burkina_faso", "Burkina Faso", "BFA", ()),
        ("syrie", "Syrie", "SYR", ()), ("argentine", "Argentine", "ARG", ()), ("qatar", "Qatar", "QAT", ()),
        ("tchequie", "Tchéquie", "CZE", ("République tchèque",)))]
    path = tmp_path / "Prolex-PaysCapitales.dic"
    path.write_text(PROLEX, encoding="utf-16")
    found = demonyms(path, states, {"argentine"})
    assert found == {"bulgarie": {"bulgare"}, "burkina_faso": {"burkinabé"}, "syrie": {"syrien"},
                     "argentine": {"argentin"}, "qatar": {"qatarien"}, "tchequie": {"tchèque"}}


# -- an organisation noun with its own adjective takes up no other organisation ---------------------
@pytest.mark.parametrize("text, surface, actor", [
    # a state's adjective that is not the antecedent's state: none
    ("Le gouvernement du Qatar a rappelé son ambassadeur. Le gouvernement bahreïni a salué la décision.",
     "gouvernement bahreïni", "gouvernement_bahreini"),
    # a leaning its name does not say: none; one it says: that organisation
    ("Le député LR Paul Vernet a dénoncé le texte. Le groupe socialiste a voté contre.", "Le groupe socialiste", None),
    ("Le Parti socialiste a réagi lundi. Le parti socialiste a voté contre.", "Le parti socialiste",
     "parti_socialiste"),
])
def test_when_an_organisation_noun_has_its_own_adjective_then_no_other_organisation(nlp, text, surface, actor):
    m = find(mentions(nlp, text), text, surface)
    assert (m and m["actor_id"]) == actor, m


# -- a newspaper named with its elided article keeps it ----------------------------------------------
def test_when_a_newspaper_is_named_with_its_elided_article_then_its_name_keeps_it(nlp):
    text = "Selon le quotidien L'Équipe, le joueur restera au club."
    (m,) = [m for m in _mentions_with_ents(nlp, text, [("L'Équipe", "ORG")])]
    assert m["name"] == "L'Équipe"


# -- a pronoun opening the sentence after a thing that was the subject is the thing's ---------------
@pytest.mark.parametrize("text, pronoun, actor", [
    # the thing before, of the pronoun's gender: no actor (the agency was the nearest organisation)
    ("La mission, menée par la Nasa et l'Agence spatiale italienne, a coûté cher. Elle a permis de "
     "découvrir des océans.", "Elle", None),
    ("Le bus venait de Clermont-Ferrand, en France. Il aurait glissé sur une plaque de verglas.", "Il", None),
    # an organisation's noun as the subject: the organisation it takes up
    ("Vellaria Motors a publié ses comptes. La société a perdu de l'argent. Elle a licencié.", "Elle",
     "vellaria_motors"),
])
def test_when_a_pronoun_follows_a_thing_as_subject_then_it_is_no_organisation_nor_state(nlp, text, pronoun, actor):
    ms = [m for m in mentions(nlp, text) if m["source"] == "coref" and text[m["start"]:m["end"]] == pronoun]
    assert [m["actor_id"] for m in ms] == ([actor] if actor else []), ms


# -- Bruxelles acting is the European Union, the seat of its institutions ------------------------------
@pytest.mark.parametrize("text, actor", [
    ("Bruxelles a infligé une amende de 2,4 milliards d'euros à Vellaria.", "union_europeenne"),
    ("Les négociations entre Londres et Bruxelles ont repris mardi.", "union_europeenne"),
    ("Le sommet s'est tenu à Bruxelles jeudi.", "bruxelles"),
])
def test_when_bruxelles_acts_then_it_is_the_european_union(nlp, text, actor):
    assert find(mentions(nlp, text), text, "Bruxelles")["actor_id"] == actor


# -- a body's adjective is left out of its name only before its place -----------------------------------
@pytest.mark.parametrize("text, surface, name", [
    ("Il a été élu à l'Académie française en 1973.", "Académie française", "Académie française"),
    ("Elle enseigne à l'université britannique de Sheffield depuis 2010.", "université britannique de Sheffield",
     "université de Sheffield"),
    ("L'équipe de Suisse a battu la Serbie.", "équipe de Suisse", "équipe de Suisse"),
])
def test_when_a_body_is_named_with_an_adjective_then_only_a_demonym_before_its_place_is_left_out(
        nlp, text, surface, name):
    (m,) = [m for m in _mentions_with_ents(nlp, text, [(surface, "ORG")]) if text[m["start"]:m["end"]] == surface]
    assert m["name"] == name


# -- a nationality written as a noun before a name is no part of it ---------------------------
@pytest.mark.parametrize("text, surface, name", [
    ("Le prix est revenu à la Kazakhe Olga Berezina, tandis que le jury a salué le film.",
     "Kazakhe Olga Berezina", "Olga Berezina"),
    ("Le titre a été remporté par le Péruvien Luis Carvallo Mendoza.", "Péruvien Luis Carvallo Mendoza",
     "Luis Carvallo Mendoza"),
])
def test_when_a_person_is_read_with_the_demonym_before_the_name_then_the_demonym_is_left_out(
        nlp, text, surface, name):
    (m,) = _mentions_with_ents(nlp, text, [(surface, "PER")])
    assert text[m["start"]:m["end"]] == name and m["name"] == name, m


def test_when_a_demonym_opens_an_organisation_then_it_stays_in_the_name(nlp):
    text = "La fédération Américain Wrestling Association a annoncé la fin de la saison."
    (m,) = _mentions_with_ents(nlp, text, [("Américain Wrestling Association", "ORG")])
    assert text[m["start"]:m["end"]] == "Américain Wrestling Association", m


# -- a surname alone after the full name is the same person, where the NER missed it ---------
def test_when_a_surname_stands_alone_after_the_full_name_then_it_is_the_person(nlp):
    text = ("La Suédoise Karin Lindqvist a battu l'Autrichienne Petra Hollerbach en finale. "
            "Hollerbach, qui disputait sa première finale, a salué sa rivale.")
    ms = _mentions_with_ents(nlp, text, [("Karin Lindqvist", "PER"), ("Petra Hollerbach", "PER")])
    alone = [m for m in ms if text[m["start"]:m["end"]] == "Hollerbach"]
    assert [m["actor_id"] for m in alone] == ["petra_hollerbach"], ms


def test_when_the_surname_is_a_french_word_then_it_is_not_taken_alone(nlp):
    text = "Margaret Court avait gagné onze fois. Le court central était plein."
    ms = _mentions_with_ents(nlp, text, [("Margaret Court", "PER")])
    assert [text[m["start"]:m["end"]] for m in ms] == ["Margaret Court"], ms


# -- `le Premier ministre` is one role, and `le chef du gouvernement` takes it up ---------------
WIRE_ROLES = ("Le Premier ministre belge Charles Dumont a présenté mardi la démission de son gouvernement "
              "au roi Albert, qui l'a mise en délibéré. Le chef du gouvernement avait perdu sa majorité. "
              "« J'ai décidé de partir », a-t-il annoncé devant la Chambre.")


def test_when_a_person_is_the_premier_ministre_then_the_role_holds_premier(nlp):
    (m,) = [m for m in mentions(nlp, WIRE_ROLES) if m["name"] == "Charles Dumont" and m["source"] != "coref"]
    assert m["role"] == "Premier ministre belge", m


def test_when_the_head_of_government_is_named_by_a_periphrasis_then_it_and_the_pronoun_after_are_his(nlp):
    doc = nlp(WIRE_ROLES)
    coref = {WIRE_ROLES[m["start"]:m["end"]]: m["actor_id"] for m in doc._.depeche_mentions if m["source"] == "coref"}
    assert coref.get("Le chef du gouvernement") == "charles_dumont", coref
    assert coref.get("il") == "charles_dumont", coref


# -- the news agencies a dispatch cites (curated: name, initials, country) ---------------------
@pytest.mark.parametrize("text, surface, actor_id", [
    ("Titre\n\nBRUXELLES, 18 décembre 2018 (Belga) - Le gouvernement a démissionné.", "Belga", "belga"),
    ("Selon un médecin cité par AP, le bilan s'alourdit.", "AP", "associated_press"),
    ("L'agence officielle Chine nouvelle a annoncé la visite.", "Chine nouvelle", "xinhua"),
])
def test_when_a_news_agency_is_cited_then_it_is_the_agency(nlp, text, surface, actor_id):
    (m,) = [m for m in mentions(nlp, text) if text[m["start"]:m["end"]] == surface]
    assert (m["label"], m["actor_id"]) == ("ORG", actor_id), m


# -- what a noun before a name says it is --------------------------------------------------------
@pytest.mark.parametrize("text, surface, label, expected", [
    # a kind of company: an organisation whatever the NER read
    ("L'avionneur Comac a signé 130 nouvelles commandes.", "Comac", "PER", ("Comac", "ORG")),
    ("L'équipementier Valeo a publié ses comptes.", "Valeo", "PER", ("Valeo", "ORG")),
    # a thing or an event named after a person or a place: no actor
    ("Ils ont détruit le bus par cocktail Molotov.", "Molotov", "PER", None),
    ("Depuis la catastrophe de Fukushima en 2011, la liste s'allonge.", "Fukushima", "PER", None),
    # the kind and its adjectives are no part of the name
    ("Le vaccin a été mis au point par le laboratoire américain Merck.", "laboratoire américain Merck", "ORG",
     ("Merck", "ORG")),
    # a descriptor followed by `de` is part of the name
    ("Les analyses du laboratoire des Sciences végétales ont été publiées.", "laboratoire des Sciences végétales",
     "ORG", ("laboratoire des Sciences végétales", "ORG")),
])
def test_when_a_noun_says_what_the_name_is_then_the_name_is_typed_by_it(nlp, text, surface, label, expected):
    got = [(text[m["start"]:m["end"]], m["label"]) for m in _mentions_with_ents(nlp, text, [(surface, label)])]
    assert got == ([expected] if expected else []), got


# -- a person's initials after the full name are that person ------------------------------------
@pytest.mark.parametrize("text, initials, actor_id", [
    ("Le prince héritier Karim ben Salem a été reçu mardi. « Nous voulons avancer », a déclaré KBS.",
     "KBS", "karim_ben_salem"),
    ("Dominique Strauss-Kahn a été arrêté à New York. DSK a nié les faits.", "DSK", "dominique_strauss_kahn"),
])
def test_when_initials_spell_a_person_named_in_full_then_they_are_that_person(nlp, text, initials, actor_id):
    ms = [m for m in mentions(nlp, text) if text[m["start"]:m["end"]] == initials]
    assert [(m["label"], m["actor_id"]) for m in ms] == [("PER", actor_id)], ms


def test_when_initials_also_spell_an_organisation_then_they_stay_the_organisation(nlp):
    text = ("Paul Simon Guérin dirige le Parti socialiste gabonais. Le PSG a annoncé son retrait. "
            "Le PSG a tenu congrès.")
    ms = [m for m in mentions(nlp, text) if text[m["start"]:m["end"]] == "PSG"]
    assert ms and all(m["actor_id"] != "paul_simon_guerin" for m in ms), ms


# -- first names and their gender from a list of first names (scripts/build_first_names.py) -------
# lines in the list's layout, invented: a gender code, the name, from column 31 one frequency digit
# per country (France the eighth)
def _line(code, name, digits, mark=" "):
    return f"{code:<3}{name:<26}{mark}{digits}"


NAM_DICT = "\n".join([
    "# comment",
    _line("F", "Estellia", "       5"),
    _line("M", "Jeanot", "8      B"),
    _line("?F", "Jeanot", "7"),
    _line("M", "Andreo", "   7"),
    _line("F", "Andreo", "4"),
    _line("?", "Dominik", "       8"),
    _line("M", "Raro", "1"),
    _line("M", "Öskar", "5", mark="+"),
    "=  Jeanot Jeanotte",
])


def test_when_the_list_gives_a_first_name_one_gender_then_it_is_kept_and_disagreements_go_by_france(tmp_path):
    sys.path.insert(0, str(ROOT / "scripts"))
    from build_first_names import first_names

    path = tmp_path / "nam_dict.txt"
    path.write_text(NAM_DICT, encoding="utf-8")
    # Estellia: one gender; Jeanot: lines disagree, the French one is common (B) and the only one
    # France has; Andreo: disagree with no French frequency; Dominik: either; Raro: too rare;
    # Öskar: the list's second spelling of an umlaut
    assert first_names(path) == {"Estellia": "f", "Jeanot": "m"}
