"""Actors: which name a mention is, and which actor (sentences written for these tests)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.components.test_actors import _mentions_with_ents, _with_ents

ROOT = Path(__file__).resolve().parents[2]


# -- a surname alone (or spelt another way) is the full name of its title's gender the article
# repeats most, else the one it names first
@pytest.mark.parametrize("text, ents, actor", [
    # the protagonist, named twice, not the relative named once just before
    ("Ravik Oldenmor a été élu dimanche. Ravik Oldenmor remercie son frère Tomas Oldenmor. "
     "Selon Oldenmor, la victoire est nette.",
     [("Ravik Oldenmor", "PER"), ("Ravik Oldenmor", "PER"), ("Tomas Oldenmor", "PER"), ("Oldenmor", "PER")],
     "ravik_oldenmor"),
    # each named once: the one named first
    ("Ravik Oldenmor a été élu dimanche avec le soutien de sa sœur Lena Oldenmor. "
     "Oldenmor a promis des réformes.",
     [("Ravik Oldenmor", "PER"), ("Lena Oldenmor", "PER"), ("Oldenmor", "PER")], "ravik_oldenmor"),
    # a headline before any full name: the same
    ("Oldenmor élu. Ravik Oldenmor a gagné dimanche devant Lena Oldenmor et Lena Oldenmor a reconnu sa défaite.",
     [("Oldenmor", "PER"), ("Ravik Oldenmor", "PER"), ("Lena Oldenmor", "PER"), ("Lena Oldenmor", "PER")],
     "lena_oldenmor"),
    # the protagonist is named more, but the civil title before the surname says who it is
    ("Ravik Oldenmor a été élu. Ravik Oldenmor remercie Lena Oldenmor. Mme Oldenmor a refusé de commenter.",
     [("Ravik Oldenmor", "PER"), ("Ravik Oldenmor", "PER"), ("Lena Oldenmor", "PER"), ("Oldenmor", "PER")],
     "lena_oldenmor"),
    ("Lena Oldenmor a été élue. Lena Oldenmor remercie Ravik Oldenmor. M. Oldenmor a refusé de commenter.",
     [("Lena Oldenmor", "PER"), ("Lena Oldenmor", "PER"), ("Ravik Oldenmor", "PER"), ("Oldenmor", "PER")],
     "ravik_oldenmor"),
    # the surname spelt another way in the headline: the one full name it can be
    ("Victoire pour Oldenmore. Ravik Oldenmor a gagné dimanche devant Lena Vastrop.",
     [("Oldenmore", "PER"), ("Ravik Oldenmor", "PER"), ("Lena Vastrop", "PER")], "ravik_oldenmor"),
])
def test_when_surname_alone_then_the_full_name_of_its_title_gender_repeated_most_or_named_first(
        nlp, text, ents, actor):
    ms = _mentions_with_ents(nlp, text, ents)
    alone = [m for m in ms if text[m["start"]:m["end"]] in ("Oldenmor", "Oldenmore")]
    assert alone and alone[-1]["actor_id"] == actor


# -- a speaking group's definite description written again is that group again ------------------
@pytest.mark.parametrize("text, form, n", [
    ("Les enquêteurs ont affirmé que la piste criminelle était privilégiée. "
     "Mardi, les enquêteurs ont fouillé la maison du suspect.", "enquêteurs", 2),
    ("Le procureur a déclaré que deux hommes avaient été arrêtés. Mardi, le procureur a ouvert une enquête.",
     "procureur", 2),
    # an indefinite description may be other people: written again, no mention of the group
    ("Des témoins ont affirmé que le feu avait pris vers minuit. Des témoins ont aussi filmé la scène.",
     "témoins", 1),
])
def test_when_speaking_group_is_named_again_then_a_group_mention_each_time(nlp, text, form, n):
    doc = nlp(text)
    groups = [m for m in doc._.depeche_groups if text[m["start"]:m["end"]].lower().endswith(form)]
    assert len(groups) == n, doc._.depeche_groups
    assert len({m["actor_id"] for m in groups}) == 1


# -- capitalised words after a title that the NER left out are a person's name -----------------
@pytest.mark.parametrize("text, name", [
    ("Le contrat a été signé par M. Varnelli lundi à Rome.", "Varnelli"),
    ("Les documents ont été remis à Mme Le Gallou par la banque.", "Le Gallou"),
    ("Selon Dr Okonkwo Abasi, la situation reste grave.", "Okonkwo Abasi"),
    ("Le discours de M. le maire a été applaudi.", None),
])
def test_when_title_before_capitalised_words_the_ner_missed_then_person(nlp, text, name):
    ms = _mentions_with_ents(nlp, text, [])
    per = [text[m["start"]:m["end"]] for m in ms if m["label"] == "PER"]
    assert per == ([name] if name else []), ms


# -- a descriptor before an organisation's name is no part of it --------------------------------
@pytest.mark.parametrize("text, ents, name", [
    ("L'association Vents du Sud a porté plainte. Vents du Sud réclame une enquête.",
     [("association Vents du Sud", "ORG"), ("Vents du Sud", "ORG")], "Vents du Sud"),
    ("Le constructeur Valmora a rappelé ses voitures.", [("constructeur Valmora", "ORG")], "Valmora"),
    # a name that opens on a lower-case word of its own stays whole
    ("L'université Kestrel a publié l'étude.", [("université Kestrel", "ORG")], "université Kestrel"),
])
def test_when_descriptor_opens_an_organisation_then_the_name_is_what_follows(nlp, text, ents, name):
    ms = _mentions_with_ents(nlp, text, ents)
    first = ms[0]
    assert text[first["start"]:first["end"]] == name
    assert len({m["actor_id"] for m in ms}) == 1


def test_when_entity_ends_on_de_before_a_work_then_one_name(nlp):
    # the NER read the end of the name as a work (MISC, no actor): it is the rest of the name
    text = "L'association des pêcheurs de Val Morin a protesté contre le barrage."
    got = [(text[m["start"]:m["end"]], m["label"])
           for m in _mentions_with_ents(nlp, text, [("association des pêcheurs de", "ORG"), ("Val Morin", "MISC")])]
    assert got == [("association des pêcheurs de Val Morin", "ORG")]


def test_when_known_person_is_written_alone_again_then_same_actor(nlp):
    # the gazetteer's person matched once (`le pape François`): the same words alone later are him
    text = "Le pape François a prié longuement. Plus tard, François a salué la foule."
    ms = _mentions_with_ents(nlp, text, [("François", "PER"), ("François", "PER")])
    assert [m["actor_id"] for m in ms if m["label"] == "PER"] == ["pape_francois", "pape_francois"]


@pytest.mark.parametrize("text, ents, actor", [
    # the organisation the article names most
    ("Le Front de Vellarie a pris la ville. Le Front de Vellarie compte 900 combattants. "
     "Il s'est allié au Front du Nord. Le Front est soutenu par trois pays.",
     [("Front de Vellarie", "ORG"), ("Front de Vellarie", "ORG"), ("Front du Nord", "ORG"), ("Front", "ORG")],
     "front_de_vellarie"),
    # each named once: ambiguous, its own
    ("Le Front de Vellarie a pris la ville. Il s'est allié au Front du Nord. Le Front est soutenu par trois pays.",
     [("Front de Vellarie", "ORG"), ("Front du Nord", "ORG"), ("Front", "ORG")], "front"),
])
def test_when_short_name_opens_several_organisations_then_the_one_named_most(nlp, text, ents, actor):
    ms = _mentions_with_ents(nlp, text, ents)
    assert [m for m in ms if text[m["start"]:m["end"]] == "Front"][0]["actor_id"] == actor


def test_when_a_known_organisation_is_written_by_its_acronym_then_its_short_name_is_it(nlp):
    # the gazetteer's full name counts, not only the words written: `l'Union` where only `UE` is
    text = "L'UE a adopté le texte jeudi. Les partisans de l'Union ont manifesté à Rome."
    ms = _mentions_with_ents(nlp, text, [("UE", "ORG"), ("Union", "ORG")])
    assert [m["actor_id"] for m in ms if text[m["start"]:m["end"]] in ("UE", "Union")] == \
        ["union_europeenne", "union_europeenne"]


@pytest.mark.parametrize("text, surface, actor", [
    ("Hier, la commission européenne a proposé un nouveau budget.", "commission européenne", "commission_europeenne"),
    ("Le parlement européen votera le texte en mars.", "parlement européen", "parlement_europeen"),
])
def test_when_known_organisation_is_written_in_lower_case_then_found(nlp, text, surface, actor):
    ms = _mentions_with_ents(nlp, text, [])
    assert [(text[m["start"]:m["end"]], m["actor_id"]) for m in ms] == [(surface, actor)]


# -- a person or place the NER cut at a hyphen goes on over the glued capitalised part ---------
@pytest.mark.parametrize("text, ents, names", [
    ("La ministre Lisa Morvan-Keller est arrivée. Morvan-Keller a promis une enquête.",
     [("Lisa Morvan-Keller", "PER"), ("Morvan", "PER")], ["Lisa Morvan-Keller", "Morvan-Keller"]),
    ("L'étape relie Brevanne-Ourdel et Molsac.", [("Brevanne", "LOC"), ("Molsac", "LOC")],
     ["Brevanne-Ourdel", "Molsac"]),
    # two names joined by a hyphen stay two names (`le match Valdoria-Kestrel`)
    ("Le match Valdoria-Kestrel a été reporté.", [("Valdoria", "LOC"), ("Kestrel", "LOC")], ["Valdoria", "Kestrel"]),
    # a spaced dash or a lower-case part is no part of the name
    ("La ligne Brevanne - Molsac est fermée.", [("Brevanne", "LOC"), ("Molsac", "LOC")], ["Brevanne", "Molsac"]),
    ("Le maire de Brevanne-plage a démissionné.", [("Brevanne", "LOC")], ["Brevanne"]),
])
def test_when_name_cut_at_a_hyphen_then_the_glued_part_is_in_it(nlp, text, ents, names):
    ms = _mentions_with_ents(nlp, text, ents)
    assert [text[m["start"]:m["end"]] for m in ms if m["label"] in ("PER", "LOC", "GPE")] == names, ms
    per = [m for m in ms if m["label"] == "PER"]
    assert len({m["actor_id"] for m in per}) <= 1


# -- a person's name goes on over a capitalised particle and the word after it ------------------
@pytest.mark.parametrize("text, ents, name", [
    ("Paul Arnaud s'incline devant Yohan Le Morvel qui remporte le titre.",
     [("Paul Arnaud", "PER"), ("Yohan", "PER")], "Yohan Le Morvel"),
    ("Le Belge Pieter De Vrieze a gagné l'étape.", [("Pieter", "PER")], "Pieter De Vrieze"),
    # a particle in lower case, a number or a new line after it: the name stops
    ("Le prix est revenu à Yohan le lendemain.", [("Yohan", "PER")], "Yohan"),
    ("La victoire revient à Yohan\nLe Morvel est deuxième.", [("Yohan", "PER")], "Yohan"),
])
def test_when_capitalised_particle_follows_a_person_then_in_the_name(nlp, text, ents, name):
    ms = _mentions_with_ents(nlp, text, ents)
    assert text[ms[-1]["start"]:ms[-1]["end"]] == name, ms


# -- a particle that opens a surname is part of the name, a determiner or a title is not --------
@pytest.mark.parametrize("text, ents, actor", [
    # alone, at the start of a sentence or inside it: the actor keeps its particle
    ("Le Morvel a dénoncé la réforme lundi.", [("Le Morvel", "PER")], "le_morvel"),
    ("Au sprint, De Vrieze a battu tout le monde.", [("De Vrieze", "PER")], "de_vrieze"),
    ("Les mémoires de de Varenne ont été publiées.", [("de Varenne", "PER")], "de_varenne"),
    # with the full name in the article: that person
    ("Pieter De Vrieze a gagné l'étape. Au sprint, De Vrieze a battu tout le monde.",
     [("Pieter De Vrieze", "PER"), ("De Vrieze", "PER")], "pieter_de_vrieze"),
    # a determiner or a title before the name is no part of it
    ("Le Président Varnelli a signé la loi.", [("Le Président Varnelli", "PER")], "varnelli"),
    ("Selon la Varnelli, le contrat est nul.", [("la Varnelli", "PER")], "varnelli"),
])
def test_when_a_particle_opens_a_surname_then_the_actor_keeps_it(nlp, text, ents, actor):
    ms = _mentions_with_ents(nlp, text, ents)
    assert ms and ms[-1]["actor_id"] == actor, ms


# -- a speaking group's mention ends on its noun, never on the `et` after it --------------------
@pytest.mark.parametrize("text, group", [
    ("La marche a réuni 3 000 personnes selon les gendarmes et 9 000 selon les organisateurs.", "les gendarmes"),
    ("La statue serait tombée, selon des historiens et la presse locale.", "des historiens"),
])
def test_when_group_speaker_before_et_then_the_mention_stops_before_it(nlp, text, group):
    doc = nlp(text)
    spans = [text[m["start"]:m["end"]] for m in doc._.depeche_groups]
    assert group in spans and not any(s.endswith(" et") for s in spans), spans


# -- a hyphenated surname is one word of the name: its last part alone is the same person ------
@pytest.mark.parametrize("text, ents, alone", [
    ("Nadia al-Karim a ouvert la séance. Plus tard, Karim a répondu aux élus.",
     [("Nadia al-Karim", "PER"), ("Karim", "PER")], "Karim"),
    ("Lisa Morvan-Keller a été élue. Selon Keller, le vote est clair.",
     [("Lisa Morvan-Keller", "PER"), ("Keller", "PER")], "Keller"),
])
def test_when_last_part_of_hyphenated_surname_alone_then_the_full_name(nlp, text, ents, alone):
    ms = _mentions_with_ents(nlp, text, ents)
    assert len({m["actor_id"] for m in ms if m["label"] == "PER"}) == 1, ms
    assert text[ms[-1]["start"]:ms[-1]["end"]] == alone


# -- a first name and a surname after `le`/`la` + a demonym, missed by the NER, are a person ---
@pytest.mark.parametrize("text, name", [
    ("Le groupe comprenant le Mexicain Ramiro Ostalgo a rattrapé le peloton.", "Ramiro Ostalgo"),
    ("Elle a devancé la Japonaise Aiko Tanemura dans le dernier kilomètre.", "Aiko Tanemura"),
    # one capitalised word only (a company, a club), a plural or no article: no person
    ("Le Français Valmora a annoncé des pertes.", None),
    ("Les Italiens Marco Belli et Dario Fo ont gagné.", None),
])
def test_when_demonym_then_two_capitalised_words_then_person(nlp, text, name):
    ms = _mentions_with_ents(nlp, text, [])
    per = [text[m["start"]:m["end"]] for m in ms if m["label"] == "PER"]
    assert per == ([name] if name else []), ms


def test_when_title_before_a_name_tagged_adjective_then_person(nlp):
    # the tagger reads `Plante` as an adjective: after a title it is still the name
    text = "Selon la maire, Mme Plante, la ville rouvrira le pont."
    ms = _mentions_with_ents(nlp, text, [])
    assert [text[m["start"]:m["end"]] for m in ms if m["label"] == "PER"] == ["Plante"], ms


@pytest.mark.parametrize("text, ents, name", [
    # a person's name goes on over a lower-case part glued by a hyphen; a place's does not
    ("Le juge Lee Jung-mi a lu le verdict.", [("Lee Jung", "PER")], "Lee Jung-mi"),
    ("Le train dessert Brevanne-plage chaque jour.", [("Brevanne", "LOC")], "Brevanne"),
])
def test_when_person_cut_before_a_lower_case_hyphenated_part_then_in_the_name(nlp, text, ents, name):
    ms = _mentions_with_ents(nlp, text, ents)
    assert text[ms[0]["start"]:ms[0]["end"]] == name, ms


# -- France's compound regions and départements are places, whatever the NER made of them -------
@pytest.mark.parametrize("text, place", [
    ("Le candidat a été giflé à Lamballe (Côtes-d'Armor) mardi.", "Côtes-d'Armor"),
    ("Il fut délégué du gouvernement en Nouvelle-Calédonie en 1984.", "Nouvelle-Calédonie"),
    ("Le président de Provence-Alpes-Côte d'Azur s'est rendu sur place.", "Provence-Alpes-Côte d'Azur"),
    # a one-word département that is a French word too is left to the NER
    ("Somme toute, la réforme a été adoptée sans débat.", None),
])
def test_when_compound_french_region_then_a_place(nlp, text, place):
    ms = _mentions_with_ents(nlp, text, [])
    assert [text[m["start"]:m["end"]] for m in ms] == ([place] if place else []), ms
    if place:
        assert ms[0]["label"] == "LOC" and ms[0]["country"] == "FRA"


# -- a surname of several words, written by its first word alone, is the full name ------------
@pytest.mark.parametrize("text, ents, actor", [
    ("Valérien Morand d'Ostal a quitté l'Élysée en 1981. Morand vient d'avoir 91 ans.",
     [("Valérien Morand d'Ostal", "PER"), ("Morand", "PER")], "valerien_morand_d_ostal"),
    ("Marc Lebrun de Saint-Aubin a nié les faits. Selon Lebrun, tout est légal.",
     [("Marc Lebrun de Saint-Aubin", "PER"), ("Lebrun", "PER")], "marc_lebrun_de_saint_aubin"),
    # a first name alone, or the middle name of a name with no particle, is not that surname
    ("Jean Paul Morand a parlé. Paul a répondu.", [("Jean Paul Morand", "PER"), ("Paul", "PER")], "paul"),
])
def test_when_first_word_of_a_compound_surname_alone_then_the_full_name(nlp, text, ents, actor):
    ms = _mentions_with_ents(nlp, text, ents)
    assert ms[-1]["actor_id"] == actor, ms


# -- a title the NER read with a name and a complement: the name, without the complement -------
@pytest.mark.parametrize("text, ents, name", [
    ("Les violations par Mme Varnelli de la Constitution ont été dénoncées.",
     [("Mme Varnelli de la Constitution", "PER")], "Mme Varnelli"),
    ("Le discours de M. Okonkwo a été applaudi.", [("M. Okonkwo", "PER")], "M. Okonkwo"),
    # a role word before no name is no person
    ("Le Président des Tribunaux a démissionné.", [("Président des Tribunaux", "PER")], None),
])
def test_when_title_entity_runs_on_over_a_complement_then_the_name_only(nlp, text, ents, name):
    ms = _mentions_with_ents(nlp, text, ents)
    per = [text[m["start"]:m["end"]] for m in ms if m["label"] == "PER"]
    assert per == ([name] if name else []), ms


# -- a numbered part of a place (`15e arrondissement de Paris`) is no name: the place after `de` is
@pytest.mark.parametrize("text, ents, name", [
    ("L'église (15 e arrondissement de Valmora) a été évacuée.", [("15 e arrondissement de Valmora", "LOC")], "Valmora"),
    ("Le commissariat du 18e arrondissement de Valmora a été attaqué.", [("18e arrondissement de Valmora", "LOC")],
     "Valmora"),
    # a name with a number that is no numbered part stays whole
    ("Le groupe 20 Minutes de Valmora a publié l'enquête.", [("20 Minutes de Valmora", "ORG")], "20 Minutes de Valmora"),
])
def test_when_entity_names_a_numbered_part_of_a_place_then_the_place(nlp, text, ents, name):
    ms = _mentions_with_ents(nlp, text, ents)
    assert [text[m["start"]:m["end"]] for m in ms] == [name], ms


# -- an acronym or a known organisation after a role and `de` is the body, not a portfolio ------
@pytest.mark.parametrize("text, ents, orgs", [
    ("Lorin Vasseur, premier secrétaire du PSV, a salué le vote.",
     [("Lorin Vasseur", "PER"), ("PSV", "ORG")], ["PSV"]),
    ("Le secrétaire général de l'Otan a réagi. Le secrétaire des Nations unies a approuvé.",
     [("Otan", "ORG"), ("Nations unies", "ORG")], ["Otan", "Nations unies"]),
    # a portfolio stays part of the role
    ("Le ministre des Affaires maritimes a démenti.", [("Affaires maritimes", "ORG")], []),
    ("La vice-ministre chinoise du Commerce a démenti.", [("Commerce", "ORG")], []),
])
def test_when_acronym_or_known_organisation_after_a_role_then_a_mention(nlp, text, ents, orgs):
    ms = _mentions_with_ents(nlp, text, ents)
    assert [text[m["start"]:m["end"]] for m in ms if m["label"] == "ORG"] == orgs, ms


# -- the inhabitants of a place, in the plural after `les`/`des`/`aux`, or a people, are no place --
@pytest.mark.parametrize("text, ents, places", [
    ("Dimanche, les Varois ont battu Nantes.", [("Varois", "LOC"), ("Nantes", "LOC")], ["Nantes"]),
    ("Des Guyanais ont manifesté à Cayenne.", [("Guyanais", "LOC"), ("Cayenne", "LOC")], ["Cayenne"]),
    ("Le maire a écrit aux Lyonnais.", [("Lyonnais", "LOC")], []),
    # a people with no state of its own (lexicon kind `people`), after `de` too
    ("La région, peuplée de Kurdes et d'Arabes, borde Kirkouk.", [("Kurdes", "LOC"), ("Arabes", "LOC"),
                                                               ("Kirkouk", "LOC")], ["Kirkouk"]),
    # a letter names no place nor actor
    ("La Ligue musulmane du Pakistan (N) a gagné à Lahore.",
     [("Ligue musulmane du Pakistan", "ORG"), ("N", "LOC"), ("Lahore", "LOC")], ["Lahore"]),
    # a place in the plural keeps its mention
    ("La tempête a touché les Ardennes et les Landes.", [("Ardennes", "LOC"), ("Landes", "LOC")],
     ["Ardennes", "Landes"]),
    ("Il vit près de Calais.", [("Calais", "LOC")], ["Calais"]),
])
def test_when_inhabitants_in_the_plural_are_read_as_a_place_then_no_mention(nlp, text, ents, places):
    ms = _mentions_with_ents(nlp, text, ents)
    assert [text[m["start"]:m["end"]] for m in ms if m["label"] in ("LOC", "GPE")] == places, ms


# -- a name after a noun for a thing or an animal, an adjective between, is no actor -----------
@pytest.mark.parametrize("text, ents, names", [
    ("L'orque femelle Nalani est morte au parc.", [("Nalani", "PER")], []),
    ("La jument Belle d'Orval a gagné le grand prix.", [("Belle d'Orval", "PER")], []),
    ("La sonde européenne Vireo a quitté son orbite.", [("Vireo", "PER")], []),
    ("Les instruments Kellor et NuVar ont observé la galaxie.", [("Kellor", "PER")], []),   # instruments, weapons
    ("Un fusil-mitrailleur Vanek a été saisi.", [("Vanek", "PER")], []),
    ("Le Sénat a voté l'abrogation de l'« Obamacare ».", [("Obamacare", "PER")], []),   # a law (not_actor)
    ("La Ve République est née en 1958.", [("Ve République", "ORG")], []),   # an ordinal: a regime, a century
    # a person after a role and an adjective, or after a work's `de`, stays a person
    ("Le sénateur démocrate Arlen Toska a voté contre.", [("Arlen Toska", "PER")], ["Arlen Toska"]),
    ("Le film américain de Marek Olvan sort mercredi.", [("Marek Olvan", "PER")], ["Marek Olvan"]),
])
def test_when_name_follows_a_thing_or_animal_noun_and_an_adjective_then_no_actor(nlp, text, ents, names):
    ms = _mentions_with_ents(nlp, text, ents)
    assert [text[m["start"]:m["end"]] for m in ms] == names, ms


@pytest.mark.parametrize("text, ents, label", [
    ("Ce Comité vellarien a voté la motion.", [("Ce Comité vellarien", "ORG")], "ORG"),
    ("Ce Marek Olvan ne dit rien.", [("Ce Marek Olvan", "PER")], "PER"),
])
def test_when_an_entity_opens_on_the_demonstrative_ce_then_it_is_no_roman_ordinal(nlp, text, ents, label):
    # `Ce` is also the Roman ordinal 100e (`Ve`, `XXIe`): as a demonstrative it drops no actor
    assert [m["label"] for m in _mentions_with_ents(nlp, text, ents)] == [label]


# -- an acronym and the name it stands for are one actor ------------------------------------------
@pytest.mark.parametrize("acronym, name, spelt", [
    ("FVD", "Forces vellariennes démocratiques", True),
    ("LV", "Les Vellariens", True),                 # the article may give a letter
    ("UPTO", "Union pour la transition d'Ostrava", True),  # `pour la`, `d'` may give none
    ("CNVD-FVD", "Conseil national vellarien pour la démocratie-Forces vellariennes démocratiques", True),
    ("PVG", "Paris Vellar-Grenat", True),           # each part of a hyphenated name gives one
    ("FFTri", "Fédération française de triathlon", True),  # lower-case letters are part of a word
    ("PV", "Parti vellarien européen", False),      # every other word gives its initial
    ("PVE", "Parti vellarien", False),
    ("VE", "Vellarie", False),                      # a name of one word has no acronym
])
def test_when_acronym_letters_are_the_initials_then_it_spells_the_name(acronym, name, spelt):
    from pipeline.names import acronym_of
    assert acronym_of(acronym, name) is spelt


@pytest.mark.parametrize("text, ents, acronym, actor", [
    # the initials: the full name
    ("Les Forces vellariennes démocratiques ont pris la ville. Selon un porte-parole des FVD, "
     "trois villages sont tombés.",
     [("Forces vellariennes démocratiques", "ORG"), ("FVD", "ORG")], "FVD", "forces_vellariennes_democratiques"),
    # defined in brackets, other letters (a foreign name): one actor, named by the acronym
    ("Les Faucons d'Ostrava (KRT) ont revendiqué l'attaque. Le KRT a menacé la capitale.",
     [("Faucons d'Ostrava", "ORG"), ("KRT", "ORG"), ("KRT", "ORG")], "Faucons d'Ostrava", "krt"),
    # an acronym of other letters, not in brackets: no link
    ("Les Faucons d'Ostrava ont revendiqué l'attaque. Le KRT a menacé la capitale.",
     [("Faucons d'Ostrava", "ORG"), ("KRT", "ORG")], "KRT", "krt"),
    # two names the letters spell: ambiguous, its own
    ("Le Parti vellarien a gagné, devant le Pacte vert. Le PV a promis des réformes.",
     [("Parti vellarien", "ORG"), ("Pacte vert", "ORG"), ("PV", "ORG")], "PV", "pv"),
])
def test_when_acronym_stands_for_a_name_of_the_article_then_same_actor(nlp, text, ents, acronym, actor):
    ms = _mentions_with_ents(nlp, text, ents)
    assert [m["actor_id"] for m in ms if text[m["start"]:m["end"]] == acronym][0] == actor


@pytest.mark.parametrize("text, ents, acronym, actor", [
    # an acronym said as a word and written as one, in brackets after the name it spells: the
    # same organisation, whatever the NER called it
    ("L'Association vellarienne des industries laitières (Avil) conteste ces chiffres. L'Avil a porté plainte.",
     [("Association vellarienne des industries laitières", "ORG"), ("Avil", "PER"), ("Avil", "ORG")],
     "Avil", "association_vellarienne_des_industries_laitieres"),
    # the acronym first, the name in brackets after it
    ("Le président de la Fnvo (Fédération nationale des vignerons d'Ostrava) a réagi.",
     [("Fnvo", "ORG"), ("Fédération nationale des vignerons d'Ostrava", "ORG")],
     "Fnvo", "federation_nationale_des_vignerons_d_ostrava"),
    # a known organisation's acronym after its name written otherwise: the known actor
    ("L'Organisation mondiale pour la santé (OMS) a publié un rapport.",
     [("Organisation mondiale pour la santé", "ORG"), ("OMS", "ORG")], "Organisation mondiale pour la santé", "oms"),
    # a capitalised word in brackets that spells nothing before it: no link
    ("L'Association vellarienne des industries laitières (Marne) conteste ces chiffres.",
     [("Association vellarienne des industries laitières", "ORG"), ("Marne", "LOC")], "Marne", "marne"),
])
def test_when_acronym_written_as_a_word_or_known_is_in_brackets_beside_its_name_then_same_actor(
        nlp, text, ents, acronym, actor):
    ms = _mentions_with_ents(nlp, text, ents)
    assert {m["actor_id"] for m in ms if text[m["start"]:m["end"]] == acronym} == {actor}, ms
    assert all(m["label"] == "ORG" for m in ms if text[m["start"]:m["end"]] == acronym) or acronym == "Marne"


@pytest.mark.parametrize("text, ents, name", [
    # the NER missed the name in lower case: the words whose initials the acronym spells
    ("Hier, la régie vellarienne des eaux potables (RVEP) a coupé l'eau.", [("RVEP", "ORG")],
     "régie vellarienne des eaux potables"),
    # it cut the name at a hyphen
    ("Le Front uni pour la justice-Mouvement des ouvriers (FUJ-MO) a gagné.",
     [("Front uni pour la justice-Mouvement", "ORG"), ("FUJ-MO", "ORG")],
     "Front uni pour la justice-Mouvement des ouvriers"),
    # a capitalised article that the acronym spells is part of the name
    ("Le candidat des Nouveaux Vellariens (NV) a gagné.", [("NV", "ORG")], "Nouveaux Vellariens"),
])
def test_when_acronym_in_brackets_follows_its_name_then_the_name_is_one_organisation(nlp, text, ents, name):
    ms = _mentions_with_ents(nlp, text, ents)
    assert [text[m["start"]:m["end"]] for m in ms if m["label"] == "ORG"][0] == name
    assert len({m["actor_id"] for m in ms if m["label"] == "ORG"}) == 1


@pytest.mark.parametrize("text, ents", [
    # an acronym the NER does not call an organisation: what precedes names nothing
    ("Le produit vellarien brut (PVB) a augmenté de 2 %.", []),
    # letters that do not spell the words before the bracket
    ("Hier, la régie des eaux (RVEP) a coupé l'eau.", [("RVEP", "ORG")]),
])
def test_when_acronym_does_not_spell_the_words_before_it_then_no_new_name(nlp, text, ents):
    ms = _mentions_with_ents(nlp, text, ents)
    assert all(text[m["start"]:m["end"]] in ("PVB", "RVEP") for m in ms if m["label"] == "ORG")


@pytest.mark.parametrize("text, ents", [
    ("Selon le Colonel Arvid Nelk, la base est tombée. Arvid Nelk a ajouté que trois soldats étaient blessés.",
     [("Colonel Arvid Nelk", "PER"), ("Arvid Nelk", "PER")]),
    ("L'amiral Tomas Velkor a quitté le port. Tomas Velkor commandera la flotte.",
     [("amiral Tomas Velkor", "PER"), ("Tomas Velkor", "PER")]),
])
def test_when_military_rank_opens_a_person_entity_then_it_is_no_part_of_the_name(nlp, text, ents):
    ms = _mentions_with_ents(nlp, text, ents)
    assert len({m["actor_id"] for m in ms if m["label"] == "PER"}) == 1


@pytest.mark.parametrize("text, ents, n", [
    # one letter apart in the surname, or in the first name: one person, named as written most
    ("Ilsa Verhoven a gagné. Derrière, Ilsa Verhoeven a pris la tête avant que Ilsa Verhoven ne la reprenne.",
     [("Ilsa Verhoven", "PER"), ("Ilsa Verhoeven", "PER"), ("Ilsa Verhoven", "PER")], 1),
    ("Mirella Ostrov a couru vite. Mirela Ostrov a terminé deuxième.",
     [("Mirella Ostrov", "PER"), ("Mirela Ostrov", "PER")], 1),
    # two names apart in a whole part, or two initials: two people
    ("Kim Sol-hwa a parlé. Kim Sol-jin a répondu.", [("Kim Sol-hwa", "PER"), ("Kim Sol-jin", "PER")], 2),
    ("Tarek Vollmer a gagné devant Anouk Vollmer.", [("Tarek Vollmer", "PER"), ("Anouk Vollmer", "PER")], 2),
])
def test_when_a_person_is_written_with_a_letter_changed_then_one_actor(nlp, text, ents, n):
    ms = _mentions_with_ents(nlp, text, ents)
    assert len({m["actor_id"] for m in ms if m["label"] == "PER"}) == n


@pytest.mark.parametrize("text, ents, label", [
    # the surname of a person the gazetteer knows, written as a place's other name, no article before it
    ("Le bilan du quinquennat Hollande est contrasté.", [], "PER"),
    ("Des politiques comme Hollande, Bayrou ou Juppé ont réagi.", [("Bayrou", "PER"), ("Juppé", "PER")], "PER"),
    # after an article or a locative preposition: the place
    ("Il a passé ses vacances en Hollande avec sa famille.", [], "GPE"),
    ("La Hollande a battu la Belgique.", [], "GPE"),
    ("Les fromages de Hollande se vendent bien.", [], "GPE"),
])
def test_when_a_place_alias_is_a_known_persons_surname_then_the_person_unless_a_place_word_precedes(
        nlp, text, ents, label):
    ms = _mentions_with_ents(nlp, text, ents)
    assert [m["label"] for m in ms if text[m["start"]:m["end"]] == "Hollande"] == [label]


@pytest.mark.parametrize("text, ents, surname, group", [
    ("La maison de la famille Orvenak a été fouillée.", [("Orvenak", "PER")], "Orvenak", True),
    ("Les Orvenak ont quitté la ville en 2015.", [("Orvenak", "PER")], "Orvenak", True),
    ("Le château du couple Orvenak a été perquisitionné.", [("Orvenak", "PER")], "Orvenak", True),
    # a plural family noun, a plural article fused with a preposition
    ("Tomas et Ravik Orvenak ont couru. Les frères Orvenak ont gagné.",
     [("Tomas", "PER"), ("Ravik Orvenak", "PER"), ("Orvenak", "PER")], "Orvenak", True),
    ("Les frères russes Orvenak mènent la course.", [("Orvenak", "PER")], "Orvenak", True),
    ("Paul Orvenak a parlé. Les enquêteurs ont fouillé le domicile des Orvenak.",
     [("Paul Orvenak", "PER"), ("Orvenak", "PER")], "Orvenak", True),
    # a first name after the family noun, coordinated with another: a member, no family
    ("Les frères Tomas et Ravik Orvenak ont gagné.", [("Tomas", "PER"), ("Ravik Orvenak", "PER")], "Tomas", False),
    # a possessive before the noun: a first name, the person
    ("Elle est venue avec son époux Tarek.", [("Tarek", "PER")], "Tarek", False),
    ("Paul Orvenak a parlé. Orvenak a ajouté que la maison était vide.", [("Paul Orvenak", "PER"), ("Orvenak", "PER")],
     "Orvenak", False),
])
def test_when_a_surname_follows_a_family_noun_then_the_family_is_a_group(nlp, text, ents, surname, group):
    ms = _mentions_with_ents(nlp, text, ents)
    m = [m for m in ms if text[m["start"]:m["end"]] == surname][-1]
    assert (m["type"] == "group") is group


@pytest.mark.parametrize("text, surface, name", [
    # the place is named as the news of the corpus years write it; the other spelling finds it too
    ("Le festival s'est tenu à Kiev en mai.", "Kiev", "Kiev"),
    ("Le festival s'est tenu à Kyiv en mai.", "Kyiv", "Kiev"),
])
def test_when_a_capital_is_a_place_then_its_name_is_the_usual_french_one(nlp, text, surface, name):
    ms = _mentions_with_ents(nlp, text, [])
    assert [m["name"] for m in ms if text[m["start"]:m["end"]] == surface] == [name]


# -- an entity ending on `de` with no entity after it: over the capitalised words, else none ------
@pytest.mark.parametrize("text, ents, surfaces", [
    ("Un incendie a touché l'aéroport de Port Valmora mardi.", [("aéroport de", "LOC")],
     ["aéroport de Port Valmora"]),
    ("Le préfet a visité le comté d'Ostrava jeudi.", [("comté d'", "LOC")], ["comté d'Ostrava"]),
    ("Le colis a été livré dans le 9e arrondissement de la ville mardi.", [("9e arrondissement de", "LOC")], []),
])
def test_when_an_entity_ends_on_de_then_it_takes_the_name_after_it_or_is_none(nlp, text, ents, surfaces):
    got = [text[m["start"]:m["end"]] for m in _mentions_with_ents(nlp, text, ents) if m["source"] != "coref"]
    assert got == surfaces


# -- a date word the entity swallowed at its end (`trim-time-word`) --------------------------------
@pytest.mark.parametrize("text, ents, surfaces", [
    ("La police de Vardo Transit hier a arrêté deux suspects.", [("Vardo Transit hier", "ORG")], ["Vardo Transit"]),
    ("Le Conseil des sages mardi soir a rendu son avis.", [("Conseil des sages mardi soir", "ORG")],
     ["Conseil des sages"]),
    ("Le Courrier du dimanche a publié l'enquête.", [("Courrier du dimanche", "ORG")], ["Courrier du dimanche"]),
])
def test_when_an_entity_ends_on_a_date_word_then_the_word_is_no_part_of_it(nlp, text, ents, surfaces):
    assert [text[m["start"]:m["end"]] for m in _mentions_with_ents(nlp, text, ents)] == surfaces


# -- a person's name of two words the model cut before the surname goes on over it ---------------
@pytest.mark.parametrize("text, ents, names", [
    ("Selon Marilou Anette Quervadis, la saison a bien commencé.",
     [("Marilou Anette", "PER")], ["Marilou Anette Quervadis"]),
    ("La Suédoise Elna Birgit Vandstrom, absente cette année, reviendra.",
     [("Elna Birgit", "PER")], ["Elna Birgit Vandstrom"]),
    # a word the tagger does not take for a proper noun, or a capitalised word after it, stays out
    ("Devant Marilou Anette Comme souvent elle gagne.", [("Marilou Anette", "PER")], ["Marilou Anette"]),
    ("Pour Marilou Anette Rome Capitale est belle.", [("Marilou Anette", "PER")], ["Marilou Anette"]),
    # one word only: no surname to add
    ("Selon Quervadis Marilou, la saison a bien commencé.", [("Quervadis", "PER")], ["Quervadis"]),
])
def test_when_two_word_person_name_is_cut_before_the_surname_then_the_surname_joins(nlp, text, ents, names):
    ms = _mentions_with_ents(nlp, text, ents)
    assert [text[m["start"]:m["end"]] for m in ms if m["label"] == "PER"] == names, ms


# -- a name read once as no actor is no actor anywhere in the article; `anti-X` is no person -------
@pytest.mark.parametrize("text, ents, persons", [
    # the probe named after its noun once, then alone: no person either time
    ("La sonde Kestrel a quitté l'orbite. Selon Paul Roy, Kestrel plongera dans l'atmosphère.",
     [("Kestrel", "PER"), ("Paul Roy", "PER"), ("Kestrel", "PER")], ["Paul Roy"]),
    # a hyphenated name of which the NER tagged the second part
    ("La sonde Varna-Kestrel a quitté l'orbite. Kestrel plongera en septembre.",
     [("Kestrel", "PER"), ("Kestrel", "PER")], []),
    # `le livre de X` names its author: X stays a person elsewhere
    ("Le livre de Paul Roy paraît mercredi. Paul Roy y raconte sa campagne.",
     [("Paul Roy", "PER"), ("Paul Roy", "PER")], ["Paul Roy"]),
    # prefixed adjectives
    ("Une manifestation anti-Varnelli a réuni 3 000 personnes.", [("anti-Varnelli", "PER")], []),
    ("Les troupes pro-Varnelli avancent vers le nord.", [("pro-Varnelli", "PER")], []),
])
def test_when_a_name_is_no_actor_once_then_it_is_none_in_the_article(nlp, text, ents, persons):
    ms = _mentions_with_ents(nlp, text, ents)
    assert sorted({text[m["start"]:m["end"]] for m in ms if m["label"] == "PER"}) == persons, ms


# -- a name the model cut inside a word: at a hyphen between two organisations, after an apostrophe --
def test_when_two_organisations_glued_by_a_hyphen_then_one(nlp):
    text = "La CFE-CGC a refusé de signer l'accord."
    assert _with_ents(nlp, text, [("CFE-", "ORG"), ("CGC", "ORG")]) == [("CFE-CGC", "ORG")]


def test_when_a_name_is_cut_after_an_apostrophe_then_the_word_is_whole_and_found_again(nlp):
    text = "Le navigateur Armel Le Cléac'h a gagné. Armel Le Cléac'h a remercié son équipe."
    got = _with_ents(nlp, text, [("Armel Le Cléac'", "PER")])
    assert got == [("Armel Le Cléac'h", "PER"), ("Armel Le Cléac'h", "PER")], got


def test_when_two_persons_are_joined_by_de_then_two_names(nlp):
    # a work and its author, an airport named after a person and its town: never one person
    text = "Le livre Harry Potter de J. K. Rowling reste en tête des ventes."
    got = _with_ents(nlp, text, [("Harry Potter", "PER"), ("J. K. Rowling", "PER")])
    assert ("Harry Potter de J. K. Rowling", "PER") not in got and ("J. K. Rowling", "PER") in got, got


def test_when_an_organisation_ends_on_du_pays_then_the_country_is_no_part_of_its_name(nlp):
    text = "La Cour suprême du pays a annulé l'élection."
    assert _with_ents(nlp, text, [("Cour suprême du pays", "ORG")]) == [("Cour suprême", "ORG")]


def test_when_a_dash_set_apart_by_spaces_opens_an_aside_then_the_name_ends_before_it(nlp):
    text = "Les parents, Pascal - employé d'une usine - et Brigitte, avaient 49 ans."
    got = _with_ents(nlp, text, [("Pascal - employé", "PER"), ("Brigitte", "PER")])
    assert got == [("Pascal", "PER"), ("Brigitte", "PER")], got


# -- French media outlets from Le Monde diplomatique's table (gazetteer.media.jsonl) -------------
@pytest.mark.parametrize("text, surface, actor", [
    ("Selon La Voix du Nord, le plan social toucherait 50 postes.", "La Voix du Nord", "la_voix_du_nord"),
    ("Le directeur a confié à France Musique qu'il partirait en juin.", "France Musique", "france_musique"),
    # an article and a capital open the name; fused with `de`, the article is out of it
    ("Le maire a répondu aux questions du Dauphiné libéré mardi.", "Dauphiné libéré", "le_dauphine_libere"),
    # a name the table holds but that opens a longer one is left to the NER
    ("Le groupe National Geographic Partners a annoncé des licenciements.", None, None),
    # names a sentence of common words can be are not in the file: `La Première` is no outlet here,
    # and `L'Union` (a paper too) does not cut `l'Union européenne` short
    ("La Première ministre a annoncé un plan. L'Union européenne a salué la décision.", "Union européenne",
     "union_europeenne"),
])
def test_when_a_french_media_outlet_is_named_then_organisation(nlp, text, surface, actor):
    media = [(text[m["start"]:m["end"]], m["actor_id"]) for m in _mentions_with_ents(nlp, text, [])
             if m["label"] == "ORG"]
    assert media == ([(surface, actor)] if surface else []), media


@pytest.mark.parametrize("text, surfaces", [
    # a curated outlet, read past its article after `du` and short after its full name
    ("Pour le Canard, tout est clair. Le Canard enchaîné l'affirme dans les colonnes du Canard enchaîné.",
     ["Canard", "Le Canard enchaîné", "Canard enchaîné"]),
])
def test_when_an_outlet_named_with_its_article_is_written_without_it_then_the_same_actor(nlp, text, surfaces):
    ms = [m for m in _mentions_with_ents(nlp, text, [("Canard", "ORG")]) if m["label"] == "ORG"]
    assert [(text[m["start"]:m["end"]], m["actor_id"]) for m in ms] == [(s, "canard_enchaine") for s in surfaces]


def test_when_media_table_is_read_then_only_names_no_sentence_can_be():
    import importlib.util
    spec = importlib.util.spec_from_file_location("build_media", ROOT / "scripts" / "build_media.py")
    bm = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bm)
    assert bm.names_of("L’Union - L’Ardennais") == ["L'Union", "L'Ardennais"]
    assert bm.names_of("L’Express (Neuchâtel)") == ["L'Express"]
    assert [n for n in ("TF1", "CNews", "Elle", "La Provence", "La Première", "L'Union", "Notre temps",
                        "La Voix du Nord", "France Musique", "Midi libre", "Le Dauphiné libéré",
                        "L'Est républicain", "Point de vue") if bm.kept(n)] == \
        ["TF1", "CNews", "La Voix du Nord", "France Musique", "Le Dauphiné libéré", "L'Est républicain"]


# -- a one-word name the NER read once is the same name where the article repeats it -------------
@pytest.mark.parametrize("text, ents, surface, n", [
    ("Internews a lancé un projet en Haïti. Le PAM finance Internews depuis 2010.",
     [("Internews", "ORG"), ("PAM", "ORG")], "Internews", 2),
    # a French word is no name of its own elsewhere (the lemmatizer's word list)
    ("Le Trésor a publié ses comptes. Mardi, le ministre a visité le Trésor.", [("Trésor", "ORG")], "Trésor", 1),
    # nor a word that opens or closes a longer name
    ("Fox a racheté la chaîne. Fox Sports diffusera le match.", [("Fox", "ORG")], "Fox", 1),
    ("Sindumuja a appelé à manifester. Le Grand Prix Sindumuja est annulé.", [("Sindumuja", "ORG")], "Sindumuja", 1),
])
def test_when_a_one_word_name_is_repeated_then_found_again_where_it_stands_alone(nlp, text, ents, surface, n):
    got = [s for s, _ in _with_ents(nlp, text, ents) if s == surface]
    assert len(got) == n, _with_ents(nlp, text, ents)


# -- an organisation named after its state with a hyphen, at a sentence's start too --------------
@pytest.mark.parametrize("text, ents, mentions", [
    ("Météo-France a placé la Savoie en vigilance orange.", [("Savoie", "LOC")],
     [("Météo-France", "ORG"), ("Savoie", "LOC")]),
    # two teams or places joined by a hyphen stay two
    ("Le match Angleterre-Russie a eu lieu à Marseille.", [("Angleterre", "LOC"), ("Marseille", "LOC")],
     [("Angleterre", "LOC"), ("Russie", "GPE"), ("Marseille", "LOC")]),
])
def test_when_a_capitalised_word_and_a_hyphen_precede_a_state_then_one_organisation(nlp, text, ents, mentions):
    ms = _mentions_with_ents(nlp, text, ents)
    assert [(text[m["start"]:m["end"]], m["label"]) for m in ms] == mentions, ms
