"""Speaker descriptions on unseen news (issue 15, helper speakers10).

Person descriptions whose head noun is in no list of roles:
a noun derived as an agent (`-eur`, `-trice`, `-euse`, `-ant`, `-iste` ...: `la chanteuse`, `le
plaignant`, `la conductrice`) takes up the person who was the subject of its own sentence or the
one before; not a person only named in a complement, not one named further back, and not when a
`de` complement restricts it (`le directeur de la salle` introduces its holder). Invented
sentences, none copied from a gold article.

A definite singular institution noun qualified by an adjective after it or by a place it names
(`la police tatare`, `le parquet fédéral`, `la préfecture de police de Lille`), with no
antecedent, is an organisation of its own (ANNOTATION.md counts armies, courts and ministries as
organisations), not an unnamed group; `la police` alone and persons (`les enquêteurs`) stay groups.
"""
from __future__ import annotations

import pytest

from tests.components.test_attributions import attribution_rows
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


def _group_types(nlp, text, content):
    """(label, name) of the mention the attributions component added for the speaker of `content`."""
    doc, rows = attribution_rows(nlp, text)
    ids = {a["actor_id"] for a in rows if a["content"] == content}
    assert ids, rows
    return [(m["label"], m["type"], m["name"]) for m in doc._.depeche_groups if m["actor_id"] in ids]


INSTITUTIONS = [
    # (text, content, the organisation's name): a qualified institution is an organisation
    ("Le car a quitté la route près de Kazan. La piste criminelle a été écartée, a fait savoir la police "
     "tatare.", "La piste criminelle a été écartée", "police tatare"),
    ("Deux suspects ont été arrêtés à Gand. Le parquet fédéral a précisé que l'enquête continuait.",
     "l'enquête continuait", "parquet fédéral"),
    ("Un colis suspect a été trouvé gare du Nord. La préfecture de police de Lille a indiqué que la gare "
     "serait rouverte.", "la gare serait rouverte", "préfecture de police de Lille"),
]


@pytest.mark.parametrize("text, content, name", INSTITUTIONS)
def test_a_qualified_institution_is_an_organisation(nlp, text, content, name):
    assert _group_types(nlp, text, content) == [("ORG", "organization", name)]


GROUPS = [
    # (text, content, the group's name): bare institutions and persons stay unnamed groups
    ("Un colis suspect a été trouvé gare du Nord. La police a indiqué que la gare serait rouverte.",
     "la gare serait rouverte", "police"),
    ("Un colis suspect a été trouvé gare du Nord. Les enquêteurs ont indiqué que la gare serait "
     "rouverte.", "la gare serait rouverte", "enquêteurs"),
]


@pytest.mark.parametrize("text, content, name", GROUPS)
def test_a_bare_institution_stays_a_group(nlp, text, content, name):
    assert _group_types(nlp, text, content) == [("GROUP", "group", name)]


# -- a document is no speaking group: its issuer speaks when the phrase names one (NOTES.md T5) ---
DOCUMENTS = [
    # (text, content, the speaker's actor id, the document noun)
    ("Le village a été évacué dans la nuit. Selon un bilan provisoire, trois maisons ont brûlé.",
     "trois maisons ont brûlé", "", "bilan"),
    ("Les pluies ont continué mardi. D'après les informations du gouvernement, douze routes sont coupées.",
     "douze routes sont coupées", "group-gouvernement", "informations"),
    ("Une enquête réalisée par 40 sociologues conclut que les jeunes lisent moins qu'avant.",
     "les jeunes lisent moins qu'avant", "group-sociologues", "enquête"),
    # the noun past the adjectives before it, in the plural too
    ("Le village a été évacué dans la nuit. Selon le nouveau bilan, trois maisons ont brûlé.",
     "trois maisons ont brûlé", "", "bilan"),
    ("Le village a été évacué dans la nuit. Selon les différents bilans, trois maisons ont brûlé.",
     "trois maisons ont brûlé", "", "bilan"),
    # statements and records of every kind (`words.jsonl`'s document_head)
    ("Le suspect a été interpellé lundi. Selon les premiers éléments de l'enquête, il agissait seul.",
     "il agissait seul", "", "éléments"),
    ("Le texte a été adopté mardi. Selon l'accord, les salaires augmenteront de 2 %.",
     "les salaires augmenteront de 2 %", "", "accord"),
    ("Le suspect a été arrêté. D'après une image de vidéosurveillance, il portait un sac.",
     "il portait un sac", "", "image"),
    # a book speaks for its author
    ("Le livre de Gaston Vellard affirme que la ville a perdu son âme.",
     "la ville a perdu son âme", "gaston_vellard", "livre"),
]


@pytest.mark.parametrize("text, content, actor_id, noun", DOCUMENTS)
def test_when_a_document_speaks_then_its_issuer_is_the_actor_and_it_is_no_group(nlp, text, content, actor_id,
                                                                                   noun):
    doc, rows = attribution_rows(nlp, text)
    assert [a["actor_id"] for a in rows if a["content"] == content] == [actor_id], rows
    groups = [text[m["start"]:m["end"]] for m in doc._.depeche_groups]
    assert not any(noun in g for g in groups), groups


# -- a group is named by the words of its id, the same in every article -------------------------
GROUP_NAMES = [
    # (text, content, the group's id, its name): not one article's whole description, which
    # would name the one row of actors.csv that every article's `un responsable` counts in
    ("D'après un responsable du réseau ferroviaire des Pouilles, l'erreur humaine est privilégiée.",
     "l'erreur humaine est privilégiée", "group-responsable", "responsable"),
    ("Selon une source proche de l'enquête, le suspect a quitté le pays.",
     "le suspect a quitté le pays", "group-source-proche", "source proche"),
    ("Plusieurs Manifestants ont affirmé que la police avait chargé sans sommation.",
     "la police avait chargé sans sommation", "group-manifestants", "manifestants"),
    # a compound noun the tokenizer splits at its hyphen is named whole
    ("Le navire n'a pas été mobilisé, a précisé l'état-major des armées.",
     "Le navire n'a pas été mobilisé", "group-etat-major", "état-major"),
    ("Selon des marins-pompiers, le feu a repris.", "le feu a repris", "group-marins-pompiers", "marins-pompiers"),
    # `des` that the tagger took for a preposition after `mais` is the group's article
    ("Deux maisons ont brûlé, mais des voisins affirment que le feu a pris ailleurs.", "le feu a pris ailleurs",
     "group-voisins", "voisins"),
]


@pytest.mark.parametrize("text, content, actor_id, name", GROUP_NAMES)
def test_a_group_is_named_by_its_ids_words_not_by_its_description(nlp, text, content, actor_id, name):
    doc, rows = attribution_rows(nlp, text)
    assert [a["actor_id"] for a in rows if a["content"] == content] == [actor_id], rows
    assert {g["name"] for g in doc._.depeche_groups if g["actor_id"] == actor_id} == {name}


# -- a periphrasis for a head of state or of government takes up the holder of the role --------
PERIPHRASES = [
    # (text, content, the speaker's actor name): the last person named before is someone else
    ("Le président péruvien Pedro Vargas Llosa a présenté sa démission, sur fond de scandale lié au "
     "groupe de BTP de Marcelo Andrade.\n\n« Je ne veux pas être un obstacle », a déclaré le chef de "
     "l'État.", "Je ne veux pas être un obstacle", "Pedro Vargas Llosa"),
    ("La chancelière Maria Kessler a reçu lundi le syndicaliste Jonas Weber. « Le dialogue continue », "
     "a assuré la cheffe du gouvernement.", "Le dialogue continue", "Maria Kessler"),
]


@pytest.mark.parametrize("text, content, name", PERIPHRASES)
def test_when_the_head_of_state_is_named_by_a_periphrasis_then_the_holder_of_the_role_speaks(
        nlp, text, content, name):
    assert _actors(nlp, text, content) == [name]


def test_when_a_name_holds_a_word_parsed_as_a_preposition_then_it_is_no_complement(nlp):
    text = "Selon le quotidien El Comercio, le Congrès pourrait accepter la démission dès jeudi."
    assert _actors(nlp, text, "le Congrès pourrait accepter la démission dès jeudi") == ["El Comercio"]


def test_when_a_word_fits_any_role_then_it_takes_up_the_person_whatever_her_role(nlp):
    text = ("La Première ministre britannique Helen Moss a survécu mercredi soir à une motion de défiance "
            "déposée par des députés de son parti.\n\n« J'ai écouté mes collègues », a déclaré la dirigeante "
            "devant Downing Street.")
    assert _actors(nlp, text, "J'ai écouté mes collègues") == ["Helen Moss"]


def test_when_a_name_is_apposed_to_the_subject_noun_then_it_is_the_subject_a_description_takes_up(nlp):
    # `Le Français Camille Dufour … arrive`: the name apposed to the subject noun is the subject
    text = ("Ryan Marsh s'est offert la médaille d'or lors de la finale. Le Français Camille Dufour, très "
            "attendu sur cette finale, arrive en cinquième position.\n\n« Je voulais partir doucement », a "
            "expliqué le nageur français après la course.")
    assert _actors(nlp, text, "Je voulais partir doucement") == ["Camille Dufour"]


# -- what a name inside the speaker phrase is: the speaker, or a complement of it ----------------
NAMES_IN_PHRASE = [
    # (text, content, the speaker's actor id)
    # a noun the same in both numbers after a singular article: the name is the speaker's own
    ("Le Français Julien Marot, sixième, a regretté un Tour « difficile ».", "un Tour « difficile »",
     "julien_marot"),
    # a title after `de` belongs to the name in the complement: the speaker is a group
    ("L'entourage de M. Diakité a rejeté ces résultats.", "ces résultats", "group-entourage"),
    ("Les avocats de Mme Kessler ont rejeté ces résultats.", "ces résultats", "group-avocats"),
    # an acronym that is a name is no title either: the person after it is the role's
    ("Le directeur de MSF Pierre Arnal a déclaré que la trêve tenait.", "la trêve tenait", "pierre_arnal"),
    # a portfolio's capitalised noun before the name is no title: the name is the minister's
    ("Le ministre de l'Économie et des Finances Marc Delorme a rejeté ces résultats.", "ces résultats",
     "marc_delorme"),
    # the agent of the figures past a time word: `annoncés jeudi par`
    ("Le président a été réélu avec 67 % des voix, selon les résultats provisoires annoncés jeudi par le "
     "ministère de l'Administration territoriale.", "Le président a été réélu avec 67 % des voix",
     "ministere_de_l_administration_territoriale"),
]


@pytest.mark.parametrize("text, content, actor_id", NAMES_IN_PHRASE)
def test_when_a_name_is_in_the_speaker_phrase_then_it_speaks_only_when_it_is_no_complement(
        nlp, text, content, actor_id):
    _, rows = attribution_rows(nlp, text)
    assert [a["actor_id"] for a in rows if a["content"] == content] == [actor_id], rows
