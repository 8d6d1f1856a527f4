"""Actors: gazetteer, metonymy, roles, titles, person merging, coreference (sentences written for these tests)."""
from __future__ import annotations

import pytest
import spacy

from pipeline.components.actors_lexicon import inflect_demonym
from pipeline.nlp import default_model_dir
from pipeline.names import slug

RULES = default_model_dir() / "depeche_actors"


def mentions(nlp, text):
    return nlp(text)._.depeche_mentions


def find(ms, text, surface, source=None):
    out = [m for m in ms if text[m["start"]:m["end"]] == surface and (source is None or m["source"] == source)]
    return out[0] if out else None


# -- metonymy: a capital that acts is its state, a place where something happens is a place --
@pytest.mark.parametrize("text, surface, label, actor, type_", [
    ("Pékin a annoncé lundi de nouvelles sanctions contre plusieurs entreprises.", "Pékin", "GPE", "chine", "state"),
    ("Le sommet des ministres s'est tenu à Pékin la semaine dernière.", "Pékin", "LOC", "pekin", "location"),
    ("Ottawa affirme de son côté que les discussions avancent bien.", "Ottawa", "GPE", "canada", "state"),
    ("Des milliers de touristes visitent Ottawa chaque été.", "Ottawa", "LOC", "ottawa", "location"),
    ("Le rapprochement entre Téhéran et Damas inquiète les diplomates.", "Damas", "GPE", "syrie", "state"),
    ("Le rapprochement entre Téhéran et Damas inquiète les diplomates.", "Téhéran", "GPE", "iran", "state"),
    ("Le Kremlin a démenti ces informations mardi soir.", "Kremlin", "ORG", "kremlin", "organization"),
    ("Le Japon a convoqué l'ambassadeur après cet incident.", "Japon", "GPE", "japon", "state"),
    # the agent of a passive, a party to relations
    ("Les séparatistes défendent une autonomie soutenue par Moscou depuis 2014.", "Moscou", "GPE", "russie", "state"),
    ("Les négociations avec Madrid ont repris mardi.", "Madrid", "GPE", "espagne", "state"),
    ("Le ministre est arrivé à Madrid par le train de nuit.", "Madrid", "LOC", "madrid", "location"),
    ("Le convoi est passé par Madrid avant de rejoindre Lisbonne.", "Madrid", "LOC", "madrid", "location"),
    # two capitals as one subject, where the parser splits the sentence after the first
    ("Le pape a prié pour les victimes. Pékin et Tokyo ont proposé leur aide.", "Pékin", "GPE", "chine", "state"),
    ("Le pape a prié pour les victimes. Pékin et Tokyo ont proposé leur aide.", "Tokyo", "GPE", "japon", "state"),
    ("Les délégations ont quitté Pékin et Tokyo mardi soir.", "Pékin", "LOC", "pekin", "location"),
    # between two capitals: parties to relations, or the two ends of a route
    ("Les pourparlers directs entre Séoul et Pyongyang ont repris.", "Séoul", "GPE", "coree_du_sud", "state"),
    ("Le train de nuit entre Paris et Berlin a été supprimé.", "Paris", "LOC", "paris", "location"),
    ("Le train de nuit entre Paris et Berlin a été supprimé.", "Berlin", "LOC", "berlin", "location"),
    # the second of two coordinated places, which the parser may read as the verb's subject
    ("Le vol qui reliait chaque soir Lyon et Madrid a été supprimé.", "Madrid", "LOC", "madrid", "location"),
    ("Ses deux titres à Pékin et Londres restent les plus beaux de sa carrière.", "Londres", "LOC", "londres",
     "location"),
    # the subject past an incise between commas, which the parser leaves unattached
    ("Ankara, qui soutient certains groupes rebelles, craint un afflux de réfugiés.", "Ankara", "GPE", "turquie",
     "state"),
    ("Il vit à Moscou, qui compte douze millions d'habitants, depuis 2010.", "Moscou", "LOC", "moscou", "location"),
])
def test_when_place_then_metonymy_decides_state_or_location(nlp, text, surface, label, actor, type_):
    m = find(mentions(nlp, text), text, surface)
    assert m is not None, f"no mention {surface!r}"
    assert (m["label"], m["actor_id"], m["type"]) == (label, actor, type_)


# -- an organisation named after its state is not the state ---------------------------------
@pytest.mark.parametrize("text, surface, label, actor", [
    ("Nexalia France, agence publique, a reconnu une erreur de procédure.", "Nexalia France",
     "ORG", "nexalia_france"),
    ("Les comptes de Corvelo Italie ont été publiés mardi.", "Corvelo Italie", "ORG",
     "corvelo_italie"),
    ("Mardi, Israël a annoncé la fermeture de la frontière.", "Israël", "GPE", "israel"),
    ("Pourtant Cuba a refusé de signer le texte.", "Cuba", "GPE", "cuba"),
    ("Lundi France et Allemagne ont signé un accord.", "France", "GPE", "france"),
    # a known organisation's name glued before the state's: its branch there
    ("Néanmoins, Twitter Allemagne a supprimé les messages.", "Twitter Allemagne", "ORG", "twitter_allemagne"),
    ("Netflix a diffusé la série en France.", "France", "GPE", "france"),
])
def test_when_names_glued_before_a_state_then_organisation(nlp, text, surface, label, actor):
    m = find(mentions(nlp, text), text, surface)
    assert m is not None, f"no mention {surface!r}: {mentions(nlp, text)}"
    assert (m["label"], m["actor_id"]) == (label, actor)


@pytest.mark.parametrize("text, surface, actor", [
    ("Le ministre a réagi sur Twitter puis dans une vidéo publiée sur YouTube.", "Twitter", "twitter"),
    ("Le ministre a réagi sur Twitter puis dans une vidéo publiée sur YouTube.", "YouTube", "youtube"),
    ("L'article a été retiré de Wikipédia mardi.", "Wikipédia", "wikipedia"),
])
def test_when_web_platform_then_organisation(nlp, text, surface, actor):
    m = find(mentions(nlp, text), text, surface)
    assert m is not None and (m["label"], m["actor_id"], m["type"]) == ("ORG", actor, "organization")


@pytest.mark.parametrize("text, surface, label, actor", [
    ("Selon l'Ocha, 300 000 personnes ont fui les combats.", "Ocha", "ORG", "ocha"),
    ("Les députés de La France insoumise ont voté contre le texte.", "France insoumise", "ORG", "la_france_insoumise"),
    ("Les députés de La France insoumise ont voté contre le texte.", "France", "", ""),  # inside the party's name
    ("La France a voté contre le texte.", "France", "GPE", "france"),
])
def test_when_organisation_the_ner_misses_then_gazetteer_organisation(nlp, text, surface, label, actor):
    ms = [m for m in mentions(nlp, text) if text[m["start"]:m["end"]] in (surface, "La " + surface)]
    assert [(m["label"], m["actor_id"]) for m in ms] == ([(label, actor)] if label else [])


@pytest.mark.parametrize("text, surface, label, actor", [
    ("L'information a été révélée jeudi par Al Jazeera.", "Al Jazeera", "ORG", "al_jazeera"),
    ("Le ministre a confié à Der Spiegel qu'il ne démissionnerait pas.", "Der Spiegel", "ORG", "der_spiegel"),
    ("Selon France 24, le scrutin a été reporté.", "France 24", "ORG", "france_24"),
    # a media outlet's name holds a state's: the state keeps its own mentions elsewhere
    ("Selon France 24, la France a reporté le scrutin.", "France", "GPE", "france"),
])
def test_when_media_outlet_then_organisation(nlp, text, surface, label, actor):
    ms = [m for m in mentions(nlp, text) if text[m["start"]:m["end"]] == surface]
    assert ms and (ms[-1]["label"], ms[-1]["actor_id"]) == (label, actor)


def test_when_duration_reads_like_a_media_name_then_no_mention(nlp):
    text = "Les secours sont arrivés au bout de 20 minutes, selon les témoins."
    assert not any("20" in text[m["start"]:m["end"]] for m in mentions(nlp, text) if m["source"] != "coref")


def test_when_seat_of_power_then_organisation_of_its_state(nlp):
    text = "La Maison-Blanche a publié un communiqué."
    m = find(mentions(nlp, text), text, "Maison-Blanche")
    assert (m["type"], m["country"], m["label"]) == ("organization", "USA", "ORG")


@pytest.mark.parametrize("text, inner", [
    ("La Banque de France a relevé ses prévisions.", "France"),     # a name inside a longer name
    ("Des Français ont manifesté samedi dans plusieurs villes.", "Français"),  # a demonym, not an actor
    ("Le Premier ministre a présenté son plan.", "Premier ministre"),       # a role alone
])
def test_when_not_a_name_of_its_own_then_no_mention(nlp, text, inner):
    ms = mentions(nlp, text)
    assert not any(text[m["start"]:m["end"]] == inner for m in ms)


# -- roles ---------------------------------------------------------------------------------
@pytest.mark.parametrize("text, surface, role", [
    ("Selon la ministre allemande Ingrid Vasseur, l'accord sera signé.", "Ingrid Vasseur", "ministre allemande"),
    ("Le porte-parole du ministère, Julien Morvan, a démenti toute négociation.", "Julien Morvan",
     "porte-parole du ministère"),
    ("Julien Morvan, porte-parole du ministère, a démenti toute négociation.", "Julien Morvan",
     "porte-parole du ministère"),
    ("Julien Morvan a démenti toute négociation.", "Julien Morvan", ""),
])
def test_when_descriptor_attached_then_role(nlp, text, surface, role):
    m = find(mentions(nlp, text), text, surface)
    assert m is not None and m["role"] == role


def test_when_role_has_demonym_then_person_gets_its_country(nlp):
    text = "Le président brésilien Carlos Almeida a reçu ses homologues."
    m = find(mentions(nlp, text), text, "Carlos Almeida")
    assert m["country"] == "BRA"


# -- persons: titles, surnames, one actor per person ---------------------------------------
@pytest.mark.parametrize("text, actor", [
    ("Le ministre du travail, Sheik Nasser Al Hamad, a déclaré que les lois seraient révisées.", "nasser_al_hamad"),
    ("Cheikh Ahmed Ould Salem a affirmé que la trêve tiendrait.", "ahmed_ould_salem"),
    ("Sir Edmund Carrow a présidé la séance.", "edmund_carrow"),
])
def test_when_a_title_opens_the_name_then_the_actor_is_the_name(nlp, text, actor):
    assert [m["actor_id"] for m in mentions(nlp, text) if m["label"] == "PER"] == [actor]


@pytest.mark.parametrize("text, surface, actor", [
    ("Marc et Julie Fontaine ont affirmé que la maison était vide.", "Marc", "marc_fontaine"),
    ("Marc et Julie Fontaine ont affirmé que la maison était vide.", "Julie Fontaine", "julie_fontaine"),
    # a surname of the article coordinated with a full name keeps its own person
    ("Paul Delorme a reçu ses voisins. Delorme et Julie Fontaine ont signé l'accord.", "Delorme",
     "paul_delorme"),
])
def test_when_first_names_share_a_surname_then_each_gets_it(nlp, text, surface, actor):
    found = [m["actor_id"] for m in mentions(nlp, text) if text[m["start"]:m["end"]] == surface]
    assert found and found[-1] == actor, mentions(nlp, text)


@pytest.mark.parametrize("text, surface, actor", [
    ("Le sénateur Pieter Van Dammeren a voté contre. Selon Van Dammeren, le texte est flou.", "Van Dammeren",
     "pieter_van_dammeren"),
    ("La cheffe Samira ben Khalid Al Nouri a reçu les élus. Al Nouri a déclaré que le projet avançait.",
     "Al Nouri", "samira_ben_khalid_al_nouri"),
    # a surname with a particle that no full name of the article ends on is a person of its own
    ("Joost Van Dammeren a parlé. Le lendemain, Van Houtrijk a répondu.", "Van Houtrijk", "van_houtrijk"),
])
def test_when_surname_opens_on_a_particle_then_the_full_name_it_ends(nlp, text, surface, actor):
    assert find(mentions(nlp, text), text, surface)["actor_id"] == actor


@pytest.mark.parametrize("text, name, actor, longer", [
    ("Le pape François a reçu les évêques samedi à Rome.", "François", "pape_francois", "pape François"),
    ("Le président Emmanuel Macron a reçu les maires samedi.", "Emmanuel Macron", "emmanuel_macron",
     "président Emmanuel Macron"),
])
def test_when_gazetteer_form_opens_on_a_role_then_the_span_is_the_name(nlp, text, name, actor, longer):
    ms = mentions(nlp, text)
    m = find(ms, text, name)
    assert m is not None and m["actor_id"] == actor and m["role"] == longer.split()[0]
    assert find(ms, text, longer) is None


@pytest.mark.parametrize("text, surface, actor", [
    ("Lucien Marchetti a été élu dimanche. Selon L. Marchetti, la ville sera rénovée.", "L. Marchetti",
     "lucien_marchetti"),
    # another first letter: another person
    ("Selon J. Dupreville, le texte est prêt. Marc Dupreville a refusé de signer.", "J. Dupreville", "j_dupreville"),
])
def test_when_initial_and_surname_then_the_full_name_with_that_letter(nlp, text, surface, actor):
    assert find(mentions(nlp, text), text, surface)["actor_id"] == actor


def test_when_title_and_surname_then_merged_with_full_name(nlp):
    text = ("Marianne Lefort a été élue maire de la ville dimanche. "
            "Mme Lefort a remercié ses électeurs lors d'une réunion publique.")
    ms = [m for m in mentions(nlp, text) if m["label"] == "PER" and m["source"] != "coref"]
    assert {m["actor_id"] for m in ms} == {"marianne_lefort"}
    assert {m["name"] for m in ms} == {"Marianne Lefort"}


def test_when_surname_known_to_gazetteer_then_full_name(nlp):
    text = "Les sanctions ont été critiquées par M. Poutine lors d'une conférence."
    m = [m for m in mentions(nlp, text) if m["label"] == "PER"][0]
    assert (m["actor_id"], m["name"], m["country"]) == ("vladimir_poutine", "Vladimir Poutine", "RUS")
    assert text[m["start"]:m["end"]] in ("Poutine", "M. Poutine")   # the scorer drops the title


def test_when_two_people_share_a_surname_then_two_actors(nlp):
    text = "Paul Garnier et Hélène Garnier ont fondé l'entreprise en 1998."
    ids = {m["actor_id"] for m in mentions(nlp, text) if m["label"] == "PER"}
    assert ids == {"paul_garnier", "helene_garnier"}


def test_when_same_text_in_two_runs_then_same_actor_id(nlp):
    text = "Le député Antoine Ribaud a voté contre le texte."
    a = [m["actor_id"] for m in mentions(nlp, text) if m["label"] == "PER"]
    b = [m["actor_id"] for m in mentions(nlp, "Hier, " + text) if m["label"] == "PER"]
    assert a == b == ["antoine_ribaud"]


# -- a name in an editor's brackets before punctuation: the brackets and the stop are no part of it
@pytest.mark.parametrize("text, surface", [
    ("Il a remercié son ami [Paul Martin]. Puis il est parti.", "Paul Martin"),
    ("« Merci à mon ami [Karim Benali], qui m'a soutenu », a-t-il écrit.", "Karim Benali"),
])
def test_when_a_name_is_in_brackets_before_punctuation_then_the_mention_is_the_name(nlp, text, surface):
    assert [text[m["start"]:m["end"]] for m in mentions(nlp, text) if m["label"] == "PER"][:1] == [surface]


# -- a nationality noun before a name: the person's state, no mention of the state ----------
@pytest.mark.parametrize("text, surface, country", [
    ("Le Canadien Andre Dubois arrive second.", "Andre Dubois", "CAN"),
    ("La course a été remportée par l'Allemande Kristina Brandt.", "Kristina Brandt", "DEU"),
    ("Le Suisse Marc Delorme a tenu la tête jusqu'au dernier virage.", "Marc Delorme", "CHE"),
])
def test_when_a_nationality_precedes_a_name_then_it_is_the_persons_country(nlp, text, surface, country):
    found = mentions(nlp, text)
    assert find(found, text, surface)["country"] == country
    assert [m for m in found if m["type"] == "state"] == []


# -- coreference ---------------------------------------------------------------------------
def test_when_the_parser_starts_a_sentence_at_a_name_after_a_word_then_coref_counts_one_sentence(nlp):
    from spacy.tokens import Doc
    from pipeline.components.coref import paragraph_sentences
    words = ["et", "le", "Néerlandais", "Churandy", "Martina", "au", "centième", "près", ".", "Il", "part", "."]
    starts = [True, False, False, True, False, False, False, False, False, True, False, False]
    doc = Doc(nlp.vocab, words=words, sent_starts=starts)
    assert paragraph_sentences(doc)[3] == 1                           # the parser's boundary, kept
    assert paragraph_sentences(doc, frozenset({3}))[3] == 0           # a name right after a word: goes on
    assert paragraph_sentences(doc, frozenset({3, 9}))[9] == 1        # after a full stop: a new sentence


@pytest.mark.parametrize("text, pronoun, actor", [
    ("La chancelière Sabine Krüger était à Vienne jeudi. Elle a déclaré que l'accord tiendrait.",
     "Elle", "sabine_krüger"),
    ("Le président Henri Dalmas a reçu les syndicats. « Nous avancerons », a-t-il déclaré.", "il", "henri_dalmas"),
    ("Le président Henri Dalmas a reçu les syndicats. Il faut agir vite, selon les syndicats.", None, None),
    ("Henri Dalmas a reçu les syndicats. « Il est trop tôt pour conclure », a dit un délégué.", None, None),
])
def test_when_subject_pronoun_then_resolved_to_earlier_person(nlp, text, pronoun, actor):
    coref = [m for m in mentions(nlp, text) if m["source"] == "coref"]
    if pronoun is None:
        assert coref == []
        return
    m = [c for c in coref if text[c["start"]:c["end"]] == pronoun]
    assert m and m[0]["actor_id"] == slug(actor.replace("_", " ")) and m[0]["label"] == "PER"


@pytest.mark.parametrize("text, pronoun, impersonal", [
    ("Le ministre Paul Vidal a parlé. Il pourrait s'agir d'une erreur.", "Il", True),
    ("Le ministre Paul Vidal a parlé. Quoi qu'il en soit, la réforme avance.", "il", True),
    ("Le ministre Paul Vidal a parlé. Il en est de même pour la région.", "Il", True),
    # (the same words with a person behind them)
    ("Le député Paul Vidal a été élu. Il en est exclu en septembre.", "Il", False),
    ("Le député Paul Vidal a été arrêté. Il aurait avoué avoir agi seul.", "Il", False),
    ("Le député Paul Vidal est resté alors qu'il a fait le choix de rester à Lyon.", "il", False),
])
def test_when_il_is_impersonal_then_it_takes_no_actor(nlp, text, pronoun, impersonal):
    found = [m for m in mentions(nlp, text) if m["source"] == "coref" and text[m["start"]:m["end"]] == pronoun]
    assert (found == []) == impersonal, found


@pytest.mark.parametrize("text, pronoun, actor", [
    # a first name tells a gender (first_names.jsonl): `elle` is Estelle Morin, whom no title or
    # agreement shows a woman, not the woman she beat; `il` is not Hélène Roux
    ("Estelle Morin a battu la Chinoise Li Wei en finale. Alors que les deux premières reprises sont accordées "
     "à son adversaire, elle a réagi pour gagner la troisième.", "elle", "estelle_morin"),
    ("Paul Girard a téléphoné à Hélène Roux, qui l'a félicité pour la victoire. En contraste avec les attaques "
     "de la campagne, il lui a rendu hommage.", "il", "paul_girard"),
])
def test_when_a_first_name_tells_the_gender_then_the_pronoun_agrees(nlp, text, pronoun, actor):
    found = [m for m in mentions(nlp, text) if m["source"] == "coref" and text[m["start"]:m["end"]] == pronoun]
    assert [m["actor_id"] for m in found] == [actor]


@pytest.mark.parametrize("text, pronoun", [
    # `du`, `au` (de, à + le) tell a name's gender, and the name with its article tells it of
    # the organisation's or state's other mentions: no pronoun of the other gender takes it up
    ("Un colis suspect a été ouvert au siège du Comité international olympique ( CIO ) mardi. Il s'agit d'une "
     "secrétaire qui triait le courrier. Elle a été légèrement blessée aux mains.", "Elle"),
    ("France : un gardien agressé à Lyon. Un gardien de prison a été agressé alors qu'il surveillait la cour. "
     "La France compte plus de 180 prisons.", "il"),
    # a name headed by a common noun has its gender (`l'Agence`: feminine)
    ("Les chiffres ont été publiés par l'Agence nationale de la statistique mardi. Il augmente de 2 % sur un an.",
     "Il"),
    # the thing the sentence before is about, which the parser made its root
    ("Puis l'appareil spatial mis au point par la NASA et l'Agence spatiale italienne changera de trajectoire. "
     "Il traversera alors la zone.", "Il"),
])
def test_when_a_name_shows_its_gender_then_a_pronoun_of_the_other_takes_it_not(nlp, text, pronoun):
    assert [m for m in mentions(nlp, text) if m["source"] == "coref" and text[m["start"]:m["end"]] == pronoun] == []


@pytest.mark.parametrize("text, surface, actor, rule", [
    ("Le maire Xavier Molinier a visité l'usine. Selon lui, la production reprendra en mai.",
     "lui", "xavier_molinier", "coref:pronoun-source"),
    ("Le texte a été défendu par Xavier Molinier, qui a promis des débats.", "qui", "xavier_molinier",
     "coref:relative"),
    ("Xavier Molinier a rencontré Paul Renaud jeudi. Ce dernier a refusé de commenter.", "Ce dernier",
     "paul_renaud", "coref:ce-dernier"),
    # an organisation or a state is taken up by `ce dernier` / `cette dernière` too
    ("L'Allemagne a critiqué la Commission européenne. Cette dernière a répondu que les règles tiendraient.",
     "Cette dernière", "commission_europeenne", "coref:ce-dernier"),
    ("Le Portugal a rejeté la demande de Xavier Molinier. Ce dernier a dit qu'il reviendrait.",
     "Ce dernier", "xavier_molinier", "coref:ce-dernier"),
    # the last one named, though the gender of the one before is the only one shown
    ("Julie Roux a été rejointe par l'Allemande Kristina Brandt et Sabrina Morel. Cette dernière a chuté.",
     "Cette dernière", "sabrina_morel", "coref:ce-dernier"),
    ("Le texte qui a été voté hier sera appliqué.", "qui", None, None),  # antecedent is no actor
])
def test_when_relative_source_or_ce_dernier_then_resolved(nlp, text, surface, actor, rule):
    coref = [m for m in mentions(nlp, text) if m["source"] == "coref" and text[m["start"]:m["end"]] == surface]
    if actor is None:
        assert coref == []
    else:
        assert [(m["actor_id"], m["rule"]) for m in coref] == [(actor, rule)]


def test_when_acronym_in_brackets_after_person_then_party(nlp):
    text = "Le sénateur Xavier Molinier (LR) a voté contre."
    m = find(mentions(nlp, text), text, "LR")
    assert m is None or (m["type"], m["label"]) == ("organization", "ORG")
    assert find(mentions(nlp, text), text, "Xavier Molinier")["type"] == "person"


def test_when_inverted_pronoun_then_span_is_the_pronoun_only(nlp):
    text = "Le ministre Yves Tanguy a quitté la réunion. « C'est inacceptable », a-t-il lancé."
    coref = [m for m in mentions(nlp, text) if m["source"] == "coref"]
    assert [text[m["start"]:m["end"]] for m in coref] == ["il"]


def test_when_definite_description_with_demonym_then_resolved(nlp):
    text = ("Le président brésilien Carlos Almeida a reçu ses homologues. "
            "Le dirigeant brésilien a déclaré que la réunion était utile.")
    coref = [m for m in mentions(nlp, text) if m["source"] == "coref"]
    assert [(text[m["start"]:m["end"]], m["actor_id"]) for m in coref] == [
        ("Le dirigeant brésilien", "carlos_almeida")]


def test_when_mentions_then_no_overlap_and_contract_keys(nlp):
    text = ("Le porte-parole du Kremlin, Pavel Orlov, a déclaré à Moscou que Washington mentait. "
            "Il a ajouté que l'Union européenne devait réagir.")
    ms = mentions(nlp, text)
    keys = {"start", "end", "label", "actor_id", "name", "type", "country", "wikidata", "role", "source", "rule"}
    assert all(set(m) == keys | ({"antecedents"} if m["source"] == "coref" else set()) for m in ms)
    assert any(m["source"] == "coref" for m in ms)
    spans = sorted((m["start"], m["end"]) for m in ms)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


# -- rules without a model, and the rule files ---------------------------------------------
@pytest.mark.parametrize("masc, forms", [
    ("nord-coréen", {"nord-coréen", "nord-coréenne", "nord-coréens", "nord-coréennes"}),
    ("français", {"français", "française", "françaises"}),
    ("belge", {"belge", "belges"}),
    ("américain", {"américain", "américaine", "américains", "américaines"}),
])
def test_when_masculine_demonym_then_four_forms(masc, forms):
    assert inflect_demonym(masc) == forms


def test_when_blank_pipeline_then_gazetteer_finds_states():
    nlp = spacy.blank("fr")
    comp = nlp.add_pipe("depeche_actors")
    comp.from_disk(RULES)
    text = "La Corée du Nord et les Etats-Unis ont repris contact."
    ms = nlp(text)._.depeche_mentions
    assert [(text[m["start"]:m["end"]], m["country"], m["source"]) for m in ms] == [
        ("Corée du Nord", "PRK", "rules"), ("Etats-Unis", "USA", "rules")]


@pytest.mark.parametrize("text, surface, actor", [
    ("Les combattants de l'État Islamique ont reculé.", "État Islamique", "etat_islamique"),
    ("Selon l'Etat Islamique, l'attaque a réussi.", "Etat Islamique", "etat_islamique"),
    ("Le roi a reçu le ministre de l'Arabie Saoudite.", "Arabie Saoudite", "arabie_saoudite"),
    # a hyphen between two capitalised words written as a space
    ("Selon l'Agence France Presse, le vol a été annulé.", "Agence France Presse", "afp"),
    ("Le Royaume Uni a rappelé son ambassadeur.", "Royaume Uni", "royaume_uni"),
])
def test_when_a_known_name_is_written_in_title_case_then_the_gazetteer_finds_it(text, surface, actor):
    nlp = spacy.blank("fr")
    nlp.add_pipe("depeche_actors").from_disk(RULES)
    text_ms = nlp(text)._.depeche_mentions
    m = find(text_ms, text, surface, "rules")
    assert m and m["actor_id"] == actor, text_ms


def test_when_a_title_case_form_is_another_names_own_form_then_that_name_keeps_it():
    from pipeline.components.actors_lexicon import ActorIndex
    from pipeline.rules.gazetteer import GazetteerEntry
    # the entry written in title case comes first: a variant made later must not take its form
    ix = ActorIndex([[GazetteerEntry(id="front_b", name="Front National", type="organization"),
                      GazetteerEntry(id="front_a", name="Front national", type="organization")]], [])
    assert ix.forms["Front National"] == "front_b" and ix.forms["Front national"] == "front_a"


def test_when_saved_and_loaded_then_gazetteer_kept(tmp_path):
    nlp = spacy.blank("fr")
    comp = nlp.add_pipe("depeche_actors")
    comp.from_disk(RULES)
    comp.to_disk(tmp_path)
    nlp2 = spacy.blank("fr")
    comp2 = nlp2.add_pipe("depeche_actors")
    comp2.from_disk(tmp_path)
    assert comp2.index.entries == comp.index.entries
    text = "Le Pentagone a confirmé l'envoi de troupes en Pologne."
    assert nlp2(text)._.depeche_mentions == nlp(text)._.depeche_mentions
    assert len(comp.index.entries) > 300


def test_when_n_process_2_then_mentions_survive(nlp):
    texts = ["Le Kremlin a démenti.", "Pyongyang a envoyé des soldats, selon Séoul."]
    docs = list(nlp.pipe(texts, n_process=2))
    assert [[m["actor_id"] for m in d._.depeche_mentions if m["label"] != "GROUP"] for d in docs] == [
        ["kremlin"], ["coree_du_nord", "coree_du_sud"]]


def test_when_gazetteer_loaded_then_states_and_capitals_consistent():
    from pipeline.components.actors_lexicon import ActorIndex
    from pipeline.rules import read_rules
    from pipeline.rules.gazetteer import ActorWord, GazetteerEntry
    index = ActorIndex([read_rules(RULES / f, GazetteerEntry)
                        for f in ("gazetteer.generated.jsonl", "gazetteer.curated.jsonl")],
                       read_rules(RULES / "lexicon.jsonl", ActorWord))
    states = {e.country for e in index.entries.values() if e.type == "state"}
    assert len(states) >= 197 and {"TWN", "XKX", "PSE", "VAT", "PRK"} <= states
    capitals = [e for e in index.entries.values() if e.stands_for]
    # a capital stands for its state; Bruxelles, seat of its institutions, for the European Union
    assert capitals and all(index.entries[e.stands_for].type == "state" for e in capitals if e.id != "bruxelles")
    assert index.entries[index.forms["Bruxelles"]].stands_for == "union_europeenne"
    assert index.entries[index.forms["Moscou"]].stands_for == "russie"
    assert index.demonym("nord-coréennes") == "PRK"


@pytest.mark.parametrize("kind", ["direction", "time_word", "portfolio_link", "place_word", "family_noun"])
def test_when_lexicon_lacks_a_kind_once_in_code_then_the_model_is_refused(kind):
    from pipeline.components.actors_lexicon import ActorIndex
    from pipeline.errors import ModelError
    from pipeline.rules import read_rules
    from pipeline.rules.gazetteer import ActorWord
    words = read_rules(RULES / "lexicon.jsonl", ActorWord)
    assert ActorIndex([], words).kinds[kind]
    with pytest.raises(ModelError, match=kind):
        ActorIndex([], [w for w in words if w.kind != kind])


# -- Wikidata QIDs: from the generated wikidata.jsonl (scripts/build_wikidata.py), never by hand --
@pytest.mark.parametrize("text, surface, actor, qid", [
    ("La Corée du Nord a tiré un missile mardi.", "Corée du Nord", "coree_du_nord", "Q423"),    # state
    ("Pyongyang a envoyé des soldats, selon Séoul.", "Pyongyang", "coree_du_nord", "Q423"),     # capital acting: its state's QID
    ("L'ONU a appelé à un cessez-le-feu immédiat.", "ONU", "onu", "Q1065"),                     # organisation, by acronym
    ("Le Fonds monétaire international a relevé sa prévision.", "Fonds monétaire international", "fmi", "Q7804"),
    ("Le Kremlin a démenti ces informations mardi soir.", "Kremlin", "kremlin", ""),             # no dataset lists seats of power
])
def test_when_gazetteer_knows_actor_then_wikidata_filled(nlp, text, surface, actor, qid):
    m = find(mentions(nlp, text), text, surface)
    assert m is not None, f"no mention {surface!r}"
    assert (m["actor_id"], m["wikidata"]) == (actor, qid)


def test_when_wikidata_links_loaded_then_every_state_has_one_and_ids_exist():
    from pipeline.components.actors_lexicon import ActorIndex
    from pipeline.rules import read_rules
    from pipeline.rules.gazetteer import GazetteerEntry, WikidataLink
    links = read_rules(RULES / "wikidata.jsonl", WikidataLink)
    index = ActorIndex([read_rules(RULES / f, GazetteerEntry)
                        for f in ("gazetteer.generated.jsonl", "gazetteer.curated.jsonl")], [], links)
    assert all(link.id in index.entries and link.source for link in links)
    states = [e for e in index.entries.values() if e.type == "state"]
    assert all(e.wikidata for e in states), [e.id for e in states if not e.wikidata]
    assert len({e.wikidata for e in states}) == len(states)   # no two states share a QID


# -- a name the NER cut on `de` (`centrale nucléaire de` + `Flamanville`) ---------------------
def _mentions_with_ents(nlp, text, ents):
    """The text's named mentions when the NER had given `ents` ([(surface, label)], in order)."""
    doc = nlp(text)
    spans, at = [], 0
    for surface, label in ents:
        start = text.index(surface, at)
        at = start + len(surface)
        spans.append(doc.char_span(start, at, label=label))
    assert None not in spans, "an entity off token boundaries"
    doc.ents = spans
    doc._.depeche_mentions = None
    nlp.get_pipe("depeche_actors")(doc)
    return [m for m in doc._.depeche_mentions if m["source"] != "coref"]


def _with_ents(nlp, text, ents):
    return [(text[m["start"]:m["end"]], m["label"]) for m in _mentions_with_ents(nlp, text, ents)]


@pytest.mark.parametrize("text, surface, named", [
    # cut down to its bare noun by its place, an institution is described, not named
    ("Le gouvernement du Portugal a promis des réformes.", "gouvernement", False),
    ("La police de Bruxelles a annoncé trois arrestations.", "police", False),
    # with its state's adjective, or one name with its place, it is named
    ("Le gouvernement français a annoncé des réformes.", "gouvernement français", True),
    ("La mairie de Brest a annoncé la fermeture du port.", "mairie de Brest", True),
])
def test_when_institution_is_cut_to_its_noun_then_it_is_a_description(nlp, text, surface, named):
    m = find(mentions(nlp, text), text, surface)
    assert m is not None and m["label"] == "ORG" and (m["source"] != "coref") == named


@pytest.mark.parametrize("text, ents, expected", [
    # same label on both sides: one name
    ("Une fuite a eu lieu à la centrale thermique de Vellarmont jeudi.",
     [("centrale thermique de", "LOC"), ("Vellarmont", "LOC")], ("centrale thermique de Vellarmont", "LOC")),
    ("Le Comité pour la défense des Oskariens a publié un rapport.",
     [("Comité pour la défense des", "ORG"), ("Oskariens", "ORG")], ("Comité pour la défense des Oskariens", "ORG")),
    ("Le Musée national de la Ravelie ferme ses portes.",
     [("Musée national de la", "ORG"), ("Ravelie", "ORG")], ("Musée national de la Ravelie", "ORG")),
    # an institution and its place: each its own mention, the `de` left out (a body_noun such as
    # `tribunal` makes one name of them instead: test_when_place_completes_a_noun_then_one_name)
    ("Le parlement de Vellarmont a voté la loi.",
     [("parlement de", "ORG"), ("Vellarmont", "LOC")], ("parlement", "ORG")),
])
def test_when_entity_ends_on_de_then_mended(nlp, text, ents, expected):
    assert expected in _with_ents(nlp, text, ents)


def test_when_entity_ends_on_de_and_rule_off_then_left_as_cut(nlp):
    actors = nlp.get_pipe("depeche_actors")
    actors.disabled = frozenset({"mend-dangling-de", "place-name"})  # place-name would join them too
    try:
        got = _with_ents(nlp, "Une fuite a eu lieu à la centrale thermique de Vellarmont jeudi.",
                         [("centrale thermique de", "LOC"), ("Vellarmont", "LOC")])
    finally:
        actors.disabled = frozenset()
    assert ("centrale thermique de", "LOC") in got


@pytest.mark.parametrize("text, ents, portfolio", [
    ("Le vice-ministre norvégien des Affaires maritimes a démissionné.",
     [("Affaires maritimes", "ORG")], "Affaires maritimes"),
    ("La ministre de la Transition agricole, Inès Volcani, a répondu.",
     [("Transition agricole", "ORG"), ("Inès Volcani", "PER")], "Transition agricole"),
    ("Le secrétaire au Commerce extérieur est attendu lundi.", [("Commerce extérieur", "ORG")], "Commerce extérieur"),
])
def test_when_organisation_is_a_ministers_portfolio_then_no_mention(nlp, text, ents, portfolio):
    assert portfolio not in [s for s, _ in _with_ents(nlp, text, ents)]


@pytest.mark.parametrize("text, ents, org", [
    ("Le secrétaire général de l'Union ravelienne a démissionné.", [("Union ravelienne", "ORG")], "Union ravelienne"),
    ("Le porte-parole du Comité Holvatek a démenti.", [("Comité Holvatek", "ORG")], "Comité Holvatek"),
    ("Le ministère des Affaires maritimes a démenti.", [("ministère des Affaires maritimes", "ORG")],
     "ministère des Affaires maritimes"),
])
def test_when_organisation_follows_another_role_then_it_stays(nlp, text, ents, org):
    assert org in [s for s, _ in _with_ents(nlp, text, ents)]



@pytest.mark.parametrize("text, surface, name", [
    ("Le décret a été signé par Cheikh Rachid ben Oskar Al Varan mardi.", "Cheikh Rachid ben Oskar Al Varan",
     "Rachid ben Oskar Al Varan"),
    ("Selon Sheikh Nasser Al Bren, les travaux reprendront.", "Sheikh Nasser Al Bren", "Nasser Al Bren"),
])
def test_when_honorific_title_then_not_part_of_the_name(nlp, text, surface, name):
    ms = _mentions_with_ents(nlp, text, [(surface, "PER")])
    assert [(m["name"], m["actor_id"]) for m in ms] == [(name, slug(name))]


@pytest.mark.parametrize("text, cut, whole", [
    ("Selon Nadia al-Varani, le texte passera.", "Nadia al", "Nadia al-Varani"),
    ("Le rapport de Karim Al Bren a été publié.", "Karim Al", "Karim Al Bren"),
    ("Le ministre Rachid ben Oskar est arrivé.", "Rachid ben", "Rachid ben Oskar"),
])
def test_when_person_ends_on_a_name_particle_then_the_name_goes_on(nlp, text, cut, whole):
    assert _with_ents(nlp, text, [(cut, "PER")]) == [(whole, "PER")]


# -- a place that completes a common noun's name (site_noun, body_noun): one name -------------
@pytest.mark.parametrize("text, surface, label, gone", [
    ("Le tribunal correctionnel de Montauban a condamné l'élu.",
     "tribunal correctionnel de Montauban", "ORG", "Montauban"),
    ("Un incendie s'est déclaré à la centrale de Golfech, a indiqué la préfecture de Tarn-et-Garonne.",
     "centrale de Golfech", "LOC", "Golfech"),
    ("Un incendie s'est déclaré à la centrale de Golfech, a indiqué la préfecture de Tarn-et-Garonne.",
     "préfecture de Tarn-et-Garonne", "ORG", "Tarn-et-Garonne"),
    ("Les habitants de la province de Hérat ont fui vers l'est.", "province de Hérat", "LOC", "Hérat"),
    ("L'ambassade de France à Kiev a fermé.", "ambassade de France", "ORG", "France"),
])
def test_when_place_completes_a_noun_then_one_name(nlp, text, surface, label, gone):
    ms = mentions(nlp, text)
    m = find(ms, text, surface)
    assert m is not None and m["label"] == label and m["actor_id"] == slug(surface)
    assert find(ms, text, gone) is None


@pytest.mark.parametrize("text, place", [
    ("Les pêcheurs de Concarneau ont manifesté devant la mairie.", "Concarneau"),   # people, no site or body
    ("La ministre a visité Montauban avec le maire de Rodez.", "Rodez"),             # a role, no body
    ("Les voitures roulaient sur le pont de l'île de Noirmoutier.", "île de Noirmoutier"),  # a name already
])
def test_when_place_completes_no_site_or_body_then_it_stays_a_place(nlp, text, place):
    m = find(mentions(nlp, text), text, place)
    assert m is not None and m["label"] == "LOC"


@pytest.mark.parametrize("text, ents, expected", [
    # the NER's name opens on a site_noun / body_noun: the state inside it gives way to it
    ("Des navires patrouillent en mer de Chine orientale depuis lundi.", [("mer de Chine orientale", "LOC")],
     [("mer de Chine orientale", "LOC")]),
    ("Le tribunal administratif de Russie centrale a statué.", [("tribunal administratif de Russie centrale", "ORG")],
     [("tribunal administratif de Russie centrale", "ORG")]),
    # another common noun: the state keeps its mention
    ("Des navires patrouillent le long des côtes de Chine depuis lundi.", [("côtes de Chine", "LOC")],
     [("Chine", "GPE")]),
])
def test_when_ner_name_opens_on_site_or_body_noun_then_it_wins_over_the_state(nlp, text, ents, expected):
    assert _with_ents(nlp, text, ents) == expected


@pytest.mark.parametrize("text, surface, name", [
    ("Selon l'hôpital belge de Mons, trois patients sont sortis.", "hôpital belge de Mons", "hôpital de Mons"),
    # an adjective that is no demonym stays in the name
    ("Le tribunal correctionnel de Montauban a condamné l'élu.", "tribunal correctionnel de Montauban",
     "tribunal correctionnel de Montauban"),
])
def test_when_site_or_body_name_has_a_demonym_then_its_actor_is_named_without(nlp, text, surface, name):
    m = find(mentions(nlp, text), text, surface)
    assert (m["name"], m["actor_id"]) == (name, slug(name))


def test_when_a_shorter_place_name_follows_the_full_one_then_same_actor(nlp):
    text = "La centrale nucléaire de Golfech a été arrêtée. Selon EDF, la centrale de Golfech redémarrera lundi."
    ms = mentions(nlp, text)
    assert find(ms, text, "centrale de Golfech")["actor_id"] == find(ms, text, "centrale nucléaire de Golfech")["actor_id"]


def test_when_place_name_rule_off_then_the_place_keeps_its_mention(nlp):
    actors = nlp.get_pipe("depeche_actors")
    actors.disabled = frozenset({"place-name"})
    try:
        text = "Le tribunal correctionnel de Montauban a condamné l'élu."
        assert find(mentions(nlp, text), text, "Montauban") is not None
    finally:
        actors.disabled = frozenset()


@pytest.mark.parametrize("text, institution, inner, inner_kept", [
    # the institution's own name holds the NER's name: one mention
    ("Trois drones ont été abattus, a annoncé le ministère russe de la Défense.",
     "ministère russe de la Défense", "Défense", False),
    # its place stays a mention of its own, beside it
    ("La police de Bruxelles a annoncé trois arrestations.", "police", "Bruxelles", True),
])
def test_when_institution_holds_a_name_then_no_mention_inside_it(nlp, text, institution, inner, inner_kept):
    ms = mentions(nlp, text)
    assert find(ms, text, institution)["label"] == "ORG"
    assert (find(ms, text, inner) is not None) == inner_kept


@pytest.mark.parametrize("text, ents, surface, label, actor", [
    # the NER reads a surname as a place: the person the article names in full
    ("Selon Ravik Oldenmor, la crise est grave. Oldenmor a ajouté que rien n'était réglé.",
     [("Ravik Oldenmor", "PER"), ("Oldenmor", "LOC")], "Oldenmor", "PER", "ravik_oldenmor"),
    # a company keeps its founder's name
    ("Paul Dervaux a fondé la banque en 1990. Dervaux a publié ses comptes.",
     [("Paul Dervaux", "PER"), ("Dervaux", "ORG")], "Dervaux", "ORG", "dervaux"),
    # no full name ends on it: a place
    ("Selon Ravik Delmas, la crise est grave à Oldenmor.", [("Ravik Delmas", "PER"), ("Oldenmor", "LOC")],
     "Oldenmor", "LOC", "oldenmor"),
])
def test_when_place_is_the_surname_of_a_named_person_then_that_person(nlp, text, ents, surface, label, actor):
    ms = _mentions_with_ents(nlp, text, ents)
    m = [m for m in ms if text[m["start"]:m["end"]] == surface][-1]
    assert (m["label"], m["actor_id"]) == (label, actor)


@pytest.mark.parametrize("text, label, actor", [
    ("François Hollande a reçu les maires. Hollande a promis une aide.", "PER", "francois_hollande"),
    ("Les tulipes de Hollande sont exportées vers l'Allemagne.", "GPE", "pays_bas"),
])
def test_when_state_name_is_the_surname_of_a_named_person_then_that_person(nlp, text, label, actor):
    m = [m for m in mentions(nlp, text) if text[m["start"]:m["end"]] == "Hollande"][-1]
    assert (m["label"], m["actor_id"]) == (label, actor)


@pytest.mark.parametrize("text, ents, expected", [
    # a two-word name the NER found once is that name wherever else the article writes it
    ("Ravik Oldenmor a gagné. Selon les sondages, Ravik Oldenmor était pourtant distancé.",
     [("Ravik Oldenmor", "PER")], [("Ravik Oldenmor", "PER"), ("Ravik Oldenmor", "PER")]),
    ("La Banque Vellard a gagné. Hier, la Banque Vellard a publié ses comptes.",
     [("Banque Vellard", "ORG")], [("Banque Vellard", "ORG"), ("Banque Vellard", "ORG")]),
    # one word too, written the same (no French word, standing alone: tests/components/test_actors_names.py)
    ("Oldenmor a gagné. Selon les sondages, oldenmor et Oldenmor étaient distancés.",
     [("Oldenmor", "PER")], [("Oldenmor", "PER"), ("Oldenmor", "PER")]),
])
def test_when_the_ner_finds_a_name_once_then_its_repeats_too(nlp, text, ents, expected):
    assert [(text[m["start"]:m["end"]], m["label"]) for m in _mentions_with_ents(nlp, text, ents)
            if m["label"] in ("PER", "ORG")] == expected



@pytest.mark.parametrize("text, ents, expected", [
    # the noun before the name says what it is: an organisation, whatever the NER read
    ("L'agence Vostrana a précisé que les livraisons reprendraient.", [("Vostrana", "PER")], ("Vostrana", "ORG")),
    ("Il était sollicité par la chaîne Radio Ketlin lors de sa campagne.", [("Radio Ketlin", "PER")],
     ("Radio Ketlin", "ORG")),
    ("La pétition a été lancée sur la plateforme Velmio mardi.", [("Velmio", "LOC")], ("Velmio", "ORG")),
    # the complement of a role: the person holding it
    ("Le premier secrétaire du parti Jean-Luc Varsène a démenti.", [("Jean-Luc Varsène", "PER")],
     ("Jean-Luc Varsène", "PER")),
])
def test_when_name_follows_organisation_noun_then_organisation(nlp, text, ents, expected):
    assert expected in _with_ents(nlp, text, ents)



@pytest.mark.parametrize("text, surface, actor", [
    # wire copy's `M.` / `Mme` before a name with its particle: one person, title and particle in
    ("Selon Mme de Varsenne, « rien ne change ».", "Mme de Varsenne", "de_varsenne"),
    ("Dominique de Varsenne est arrivé mardi. M. de Varsenne a réagi le soir.", "M. de Varsenne",
     "dominique_de_varsenne"),
])
def test_when_title_precedes_a_particle_name_then_one_person(nlp, text, surface, actor):
    start = text.rindex(surface)
    assert [(m["start"], m["label"], m["actor_id"]) for m in mentions(nlp, text) if m["end"] > start
            and m["start"] < start + len(surface)] == [(start, "PER", actor)]


@pytest.mark.parametrize("text, surface, label, name", [
    # a dateline or a headline in capitals: the place the gazetteer knows, by its name
    ("BEYROUTH, 19 février 2018 (AFP) - Des frappes ont touché la ville.", "BEYROUTH", "LOC", "Beyrouth"),
    ("Le scrutin en ALLEMAGNE : la coalition tient bon", "ALLEMAGNE", "GPE", "Allemagne"),
])
def test_when_place_is_written_in_capitals_then_the_gazetteer_knows_it(nlp, text, surface, label, name):
    m = find(mentions(nlp, text), text, surface)
    assert m is not None and (m["label"], m["name"]) == (label, name)
