"""Words between a cue and the parts it governs (issue 15, recall): an adverbial locution before
the object, an adverb between an inverted clitic and its participle, an incise inside a quote
whose subject is a noun phrase, a short complement after an inverted subject. Every sentence is
invented, of the shape of misses read on winer-fr articles outside all gold; none is copied."""
from __future__ import annotations

import pytest

from tests.components.test_attributions_classes import _assert_found as _found
from tests.components.test_attributions_classes import _run

# -- a bare locution (preposition + noun or adverb, no determiner) before the object ---------------
LOCUTION_BEFORE_OBJECT = [
    ("Les dirigeants du club rejettent en bloc toute accusation de dopage.",
     {"cue": "rejettent", "stance": "deny", "speaker": "Les dirigeants du club", "content": "toute accusation de dopage"}),
    ("La mairie nie en revanche toute fermeture de la piscine.",
     {"cue": "nie", "stance": "deny", "content": "toute fermeture de la piscine"}),
    ("Le recteur a annoncé depuis mardi la création de trois postes d'infirmière.",
     {"cue": "annoncé", "speaker": "Le recteur", "content": "la création de trois postes d'infirmière"}),
    # a locution the parse marks as fixed, or attaches as an argument
    ("Les riverains réclament d'abord la réouverture de la gare.",
     {"cue": "réclament", "stance": "ask", "content": "la réouverture de la gare"}),
    ("Les élus demandent au préalable le départ du directeur.",
     {"cue": "demandent", "stance": "ask", "content": "le départ du directeur"}),
]

NOT_OBJECT_AFTER_LOCUTION = [
    # `de` + a noun is no locution: the noun phrase may start there, and `de nouvelles` has no object
    "Le club dément de nouvelles rumeurs.",
    # a locution before a verb of no speech
    "Le maire a visité en personne toute la zone inondée.",
]


@pytest.mark.parametrize("text, expect", LOCUTION_BEFORE_OBJECT)
def test_when_locution_stands_before_the_object_then_object_is_content(nlp, text, expect):
    _found(_run(nlp, text), expect)


@pytest.mark.parametrize("text", NOT_OBJECT_AFTER_LOCUTION)
def test_when_no_locution_or_no_cue_then_no_object_content(nlp, text):
    assert _run(nlp, text) == []


# -- an adverb or a locution inside the inverted verbal group --------------------------------------
INSIDE_INVERTED_GROUP = [
    ("« Nous reviendrons l'an prochain » , a-t-elle ainsi promis.",
     {"cue": "promis", "kind": "direct", "speaker": "elle", "content": "Nous reviendrons l'an prochain"}),
    ("« Nous avons perdu une bataille, pas la guerre » , a-t-il ensuite reconnu.",
     {"cue": "reconnu", "kind": "direct", "speaker": "il", "content": "Nous avons perdu une bataille, pas la guerre"}),
    ("« Le dossier est clos » , a pour sa part affirmé la procureure Anne Lemaire.",
     {"cue": "affirmé", "kind": "direct", "speaker": "la procureure Anne Lemaire", "content": "Le dossier est clos"}),
]


@pytest.mark.parametrize("text, expect", INSIDE_INVERTED_GROUP)
def test_when_adverb_splits_the_inverted_group_then_quote_is_found(nlp, text, expect):
    _found(_run(nlp, text), expect)


# -- an incise inside a quote whose subject is a noun phrase ---------------------------------------
INCISE_NOUN_SUBJECT = [
    ("« Le chantier a pris du retard, reconnaît le maire. Il sera fini en juin. »",
     [{"cue": "reconnaît", "speaker": "le maire", "content": "Le chantier a pris du retard"},
      {"cue": "reconnaît", "speaker": "le maire", "content": "Il sera fini en juin."}]),
    ("« Nous irons jusqu'au bout, affirmait d'ailleurs Lucie Marchand en 2015. Rien ne nous arrêtera. »",
     [{"cue": "affirmait", "speaker": "Lucie Marchand", "content": "Nous irons jusqu'au bout"},
      {"cue": "affirmait", "speaker": "Lucie Marchand", "content": "Rien ne nous arrêtera."}]),
    ("« Nous tiendrons, a ensuite déclaré Paul Girard, la suite sera plus dure. »",
     [{"cue": "déclaré", "speaker": "Paul Girard", "content": "Nous tiendrons"},
      {"cue": "déclaré", "speaker": "Paul Girard", "content": "la suite sera plus dure."}]),
]


@pytest.mark.parametrize("text, expects", INCISE_NOUN_SUBJECT)
def test_when_incise_in_quote_has_noun_subject_then_both_parts_are_direct(nlp, text, expects):
    found = _run(nlp, text)
    for expect in expects:
        _found(found, {"kind": "direct", **expect})


def test_when_speech_inside_quote_has_its_subject_before_then_it_is_no_incise(nlp):
    # `Le maire nous a dit que`: a cue with its subject before it reports speech inside the quote
    found = _run(nlp, "« Le maire nous a dit que la route serait refaite, mais rien n'a bougé. »")
    assert not any(a["rule"].startswith("incise") for a in found), found


# -- a short complement after an inverted subject closes the sentence ------------------------------
COMPLEMENT_AFTER_SUBJECT = [
    ("Le conducteur du car est sain et sauf, a annoncé la gendarmerie vers midi.",
     {"cue": "annoncé", "speaker": "la gendarmerie", "content": "Le conducteur du car est sain et sauf"}),
    ("La piscine rouvrira en septembre, a précisé le maire lors du conseil.",
     {"cue": "précisé", "speaker": "le maire", "content": "La piscine rouvrira en septembre"}),
]


@pytest.mark.parametrize("text, expect", COMPLEMENT_AFTER_SUBJECT)
def test_when_complement_follows_the_inverted_subject_then_clause_is_content(nlp, text, expect):
    _found(_run(nlp, text), {"kind": "indirect", **expect})


def test_when_inverted_noun_phrase_goes_on_with_a_verb_then_no_inversion(nlp):
    # `a annoncé la fermeture … qui aura lieu`: the noun phrase is the object, its clause goes on
    found = _run(nlp, "Le chantier est lancé, a annoncé la mairie qui prévoit la fin des travaux en mai.")
    assert not any(a["rule"].startswith("inversion") and a["speaker"] and "qui" in a["speaker"] for a in found), found


# -- a quote right after the sentence that attributes the previous one, however long ---------------
def test_when_next_quote_follows_a_long_attribution_sentence_then_it_continues(nlp):
    text = ("« Il nous a menti sur tout » , a déclaré Paul Roux, voisin de la famille depuis une dizaine "
            "d'années, à la presse. « J'ai cru que c'était une passade. »")
    found = _run(nlp, text)
    _found(found, {"kind": "direct", "rule": "continued_quote/previous", "content": "J'ai cru que c'était une passade."})


def test_when_a_narrated_sentence_separates_the_quotes_then_the_second_is_not_continued(nlp):
    text = ("« Il nous a menti sur tout » , a déclaré Paul Roux, voisin de la famille depuis une dizaine "
            "d'années, à la presse. Le maire a démissionné. « Le budget est voté. »")
    assert not any(a["rule"].startswith("continued") for a in _run(nlp, text))


# -- an inverted subject or a source the tagger does not call a noun -------------------------------
NOT_A_NOUN_HEAD = [
    # a nationality noun the tagger takes for an adjective, heading its determiner
    ("« Tout le monde courait vers la sortie » , a raconté une Norvégienne qui attendait son train.",
     {"cue": "raconté", "speaker": "une Norvégienne", "content": "Tout le monde courait vers la sortie"}),
    # a pronoun heading a noun phrase through `de`
    ("La réunion a été reportée à lundi, a précisé un de ses collaborateurs.",
     {"cue": "précisé", "speaker": "un de ses collaborateurs", "content": "La réunion a été reportée à lundi"}),
    ("Selon l'un des pompiers, le feu est parti de la cuisine.",
     {"cue": "Selon", "speaker": "l'un des pompiers", "content": "le feu est parti de la cuisine"}),
]


@pytest.mark.parametrize("text, expect", NOT_A_NOUN_HEAD)
def test_when_speaker_head_is_no_noun_to_the_tagger_then_it_still_speaks(nlp, text, expect):
    _found(_run(nlp, text), expect)


def test_when_auxiliary_stands_before_an_incise_then_the_verb_is_not_inverted(nlp):
    # `a, ce lundi, menacé X`: the subject is before the auxiliary, nothing before is content
    found = _run(nlp, "La fédération a, ce lundi 3 mars, menacé le club de sanctions financières.")
    assert not any(a["rule"].startswith("inversion") for a in found), found


# -- `ainsi que` / `alors que « … »` right after the cue: the cue's own clause --------------------
ADVERB_BEFORE_QUE = [
    ("La fédération estime ainsi que le calendrier devra être revu.",
     {"cue": "estime", "speaker": "La fédération", "content": "le calendrier devra être revu"}),
    ("La porte-parole expliquait alors que « chacun pourra voter » .",
     {"cue": "expliquait", "kind": "direct", "content": "chacun pourra voter"}),
]


@pytest.mark.parametrize("text, expect", ADVERB_BEFORE_QUE)
def test_when_adverb_stands_between_cue_and_que_then_clause_is_content(nlp, text, expect):
    _found(_run(nlp, text), expect)


@pytest.mark.parametrize("text", [
    "Il a répondu alors que la salle se vidait.",            # `alors que` of time, no quote
    "Le maire a démissionné, ainsi que son adjoint, lundi.",  # `ainsi que` after a comma: `as well as`
])
def test_when_alors_que_or_ainsi_que_is_a_conjunction_then_no_clause(nlp, text):
    assert not any(a["rule"].startswith("que_clause") for a in _run(nlp, text))


# -- clitics before a bare infinitive content ------------------------------------------------------
CLITIC_BEFORE_INFINITIVE = [
    ("La directrice a dit se sentir trahie par le conseil.",
     {"cue": "dit", "rule": "infinitive/subject", "content": "se sentir trahie par le conseil"}),
    ("Le syndicat affirme y avoir renoncé depuis longtemps.",
     {"cue": "affirme", "rule": "infinitive/subject", "content": "y avoir renoncé depuis longtemps"}),
    # a negation after the cue negates the infinitive, not the speech act
    ("La gérante a assuré ne rien savoir de ces comptes.",
     {"cue": "assuré", "rule": "infinitive/subject", "content": "ne rien savoir de ces comptes"}),
    ("Le joueur a dit ne pas regretter son départ.",
     {"cue": "dit", "rule": "infinitive/subject", "content": "ne pas regretter son départ"}),
]


@pytest.mark.parametrize("text", [
    "La gérante n'a pas assuré être au courant de ces comptes.",
    "Le joueur ne dit pas que son départ était une erreur.",
])
def test_when_the_cue_itself_is_negated_then_no_attribution(nlp, text):
    assert _run(nlp, text) == []


@pytest.mark.parametrize("text, expect", CLITIC_BEFORE_INFINITIVE)
def test_when_clitic_precedes_the_infinitive_then_it_is_content(nlp, text, expect):
    _found(_run(nlp, text), expect)


# -- a participle hung on a noun, with its agent: the noun phrase is what the agent said -----------
REDUCED_PASSIVE = [
    ("La fermeture du pont, annoncée par le maire, a surpris les habitants.",
     {"cue": "annoncée", "speaker": "le maire", "content": "La fermeture du pont"}),
    ("Les hausses de salaire réclamées par les syndicats n'ont pas été accordées.",
     {"cue": "réclamées", "stance": "ask", "speaker": "les syndicats", "content": "Les hausses de salaire"}),
]


@pytest.mark.parametrize("text, expect", REDUCED_PASSIVE)
def test_when_participle_with_agent_hangs_on_a_noun_then_noun_phrase_is_content(nlp, text, expect):
    _found(_run(nlp, text), {"rule": "passive_object/agent", **expect})


@pytest.mark.parametrize("text", [
    "La grange construite par son grand-père a brûlé.",          # no cue
    "Le concert annoncé par les affiches aura lieu samedi.",     # the agent is no person nor organisation
])
def test_when_participle_is_no_cue_or_agent_no_speaker_then_no_attribution(nlp, text):
    assert not any(a["rule"].startswith("passive") for a in _run(nlp, text))


# -- long complements of the speech between the cue and its `que` ---------------------------------
def test_when_long_complements_precede_que_then_clause_is_found(nlp):
    text = ("Le comité et sa présidente ont annoncé lors d'une conférence de presse mardi à Lyon, "
            "en présence des élus de la région, que la course partira de la place Bellecour.")
    _found(_run(nlp, text), {"cue": "annoncé", "content": "la course partira de la place Bellecour"})


def test_when_que_is_far_after_an_object_then_it_stays_a_relative(nlp):
    # past an object, a far `que` (beyond the usual reach) opens a relative clause, not what was said
    text = ("Les habitants ont proclamé une commune libre sur le haut plateau du Vercors, baptisée Rocheblanche, "
            "que la préfecture juge illégale.")
    assert not any(a["cue"] == "proclamé" and a["rule"].startswith("que_clause") for a in _run(nlp, text))


# -- a source named in quotation marks (a newspaper's or a programme's title) ---------------------
QUOTED_NAME = [
    ("Selon « Le Courrier de l'Ouest », la mairie aurait vendu le terrain.",
     {"cue": "Selon", "speaker": "« Le Courrier de l'Ouest »", "content": "la mairie aurait vendu le terrain"}),
    ("Le maire aurait vendu le terrain à son frère, a révélé mardi l'émission « Envoyé spécial ».",
     {"cue": "révélé", "speaker": "l'émission « Envoyé spécial »", "content": "Le maire aurait vendu le terrain à son frère"}),
]


@pytest.mark.parametrize("text, expect", QUOTED_NAME)
def test_when_source_is_a_title_in_quotation_marks_then_it_speaks(nlp, text, expect):
    _found(_run(nlp, text), expect)


def test_when_quoted_words_are_a_sentence_then_they_are_no_name(nlp):
    # `Selon « … »` with a verb inside: the quote is what was said, not who said it
    found = _run(nlp, "Le texte précise : « Selon nous, rien ne change. »")
    assert not any(a["speaker"] and a["speaker"].startswith("«") for a in found), found


# -- `selon X` between a finite verb and the rest of its clause -----------------------------------
SELON_INSIDE_CLAUSE = [
    ("La piste reste, selon les enquêteurs, « la plus sérieuse » .",
     {"cue": "selon", "content": "La piste reste, selon les enquêteurs, « la plus sérieuse »"}),
    ("Le chantier serait, selon la mairie, bientôt terminé.",
     {"cue": "selon", "content": "Le chantier serait, selon la mairie, bientôt terminé"}),
    # a participle closes its clause: what follows the incise is no part of it
    ("Le feu a été maîtrisé, selon les pompiers, vers minuit.",
     {"cue": "selon", "content": "Le feu a été maîtrisé"}),
]


@pytest.mark.parametrize("text, expect", SELON_INSIDE_CLAUSE)
def test_when_selon_splits_a_clause_after_its_verb_then_content_is_the_whole_clause(nlp, text, expect):
    _found(_run(nlp, text), expect)


# -- a disparaging label in quotation marks after the object (corpus/NOTES.md T7) ------------------
QUOTED_LABEL_DE = [
    ("La maire a qualifié jeudi ce projet d'« aberrant » .",
     {"cue": "qualifié", "kind": "direct", "stance": "accuse", "content": "aberrant"}),
    ("Le syndicat a réagi en qualifiant la réforme de « provocation » et appelle à la grève.",
     {"cue": "qualifiant", "kind": "direct", "content": "provocation"}),
]


@pytest.mark.parametrize("text, expect", QUOTED_LABEL_DE)
def test_when_object_is_labelled_de_a_quote_then_the_label_is_content(nlp, text, expect):
    found = _run(nlp, text)
    _found(found, expect)
    assert any(a["rule"].startswith("object_label/") for a in found if a["content"] == expect["content"]), found


@pytest.mark.parametrize("text", [
    "L'équipe de Lyon s'est qualifiée pour la finale de la coupe.",  # no speech
    "Le club a qualifié trois joueurs pour les championnats.",        # no quote: no label
])
def test_when_qualifier_has_no_quoted_label_then_no_attribution(nlp, text):
    assert _run(nlp, text) == []


# -- a cue of the resources (strict frames) whose object holds a quotation ---------------------------
QUOTED_OBJECT_OF_NEW_CUE = [
    ("La préfecture a évoqué des « dégâts considérables » dans le port.",
     {"cue": "évoqué", "speaker": "La préfecture", "kind": "mixed", "stance": "assert"}),
    ("Le sélectionneur évoque une « fatigue générale » de son équipe.",
     {"cue": "évoque", "speaker": "Le sélectionneur", "kind": "mixed"}),
]

NOT_QUOTED_OBJECT_OF_NEW_CUE = [
    # an object with no quotation: what was talked about, not what was said
    "La préfecture a évoqué les mesures prises après la tempête.",
    # a thing evokes, it says nothing
    "Le roman évoque des « années noires » de la ville.",
]


@pytest.mark.parametrize("text, expect", QUOTED_OBJECT_OF_NEW_CUE)
def test_when_object_of_new_cue_holds_a_quote_then_it_is_the_content(nlp, text, expect):
    found = [a for a in _run(nlp, text) if a["cue"] == expect["cue"]]
    assert found and all(found[0][k] == v for k, v in expect.items()), found


@pytest.mark.parametrize("text", NOT_QUOTED_OBJECT_OF_NEW_CUE)
def test_when_object_of_new_cue_has_no_quote_or_no_speaker_then_no_attribution(nlp, text):
    assert [a for a in _run(nlp, text) if a["cue_lemma"] == "évoquer"] == []


# -- an incise between an inverted cue and its subject --------------------------------------------
INCISE_BEFORE_INVERTED_SUBJECT = [
    ("« Le chantier reprendra lundi » , a confié, à la radio, le directeur du port.",
     {"cue": "confié", "speaker": "le directeur du port", "content": "Le chantier reprendra lundi"}),
    ("« Nous ne céderons pas » , a lancé, lors d'un meeting à Rennes, la candidate.",
     {"cue": "lancé", "speaker": "la candidate", "content": "Nous ne céderons pas"}),
    ("La digue sera rehaussée, a assuré mardi, à Lyon, le préfet.",
     {"cue": "assuré", "speaker": "le préfet", "content": "La digue sera rehaussée"}),
]

NOT_INCISE_BEFORE_SUBJECT = [
    # a clause between the commas, not a complement: no subject after it
    "« Le chantier reprendra lundi » , a confié, alors que la grève continuait, un ouvrier.",
]


@pytest.mark.parametrize("text, expect", INCISE_BEFORE_INVERTED_SUBJECT)
def test_when_incise_follows_inverted_cue_then_subject_is_after_it(nlp, text, expect):
    _found(_run(nlp, text), expect)


@pytest.mark.parametrize("text", NOT_INCISE_BEFORE_SUBJECT)
def test_when_commas_frame_a_clause_then_no_inverted_subject_after_it(nlp, text):
    assert [a for a in _run(nlp, text) if a["speaker"] == "un ouvrier"] == []


# -- a second participle sharing the cue's auxiliary ends the object ------------------------------
SECOND_PARTICIPLE = [
    ("La ministre a dénoncé une réforme bâclée et salué l'« effort remarquable » des enseignants.",
     {"cue": "dénoncé", "content": "une réforme bâclée"}),
    ("Le club a démenti tout contrat et annoncé une plainte contre le journal.",
     {"cue": "démenti", "stance": "deny", "content": "tout contrat"}),
]

PARTICIPLES_OF_THE_OBJECT = [
    # participles coordinated inside the object noun phrase: the object goes on
    ("Le syndicat a dénoncé une loi votée et promulguée en urgence.",
     {"cue": "dénoncé", "content": "une loi votée et promulguée en urgence"}),
]


@pytest.mark.parametrize("text, expect", SECOND_PARTICIPLE + PARTICIPLES_OF_THE_OBJECT)
def test_when_a_participle_shares_the_cue_auxiliary_then_object_ends_before_it(nlp, text, expect):
    _found(_run(nlp, text), expect)


# -- `exiger` + object: the demand; an apposition closing the sentence belongs to the object -------
DEMAND_OBJECT = [
    ("Le chef du parti avait exigé la démission de son trésorier, l'Italien Marco Bellini.",
     {"cue": "exigé", "stance": "ask", "content": "la démission de son trésorier, l'Italien Marco Bellini"}),
    ("Les riverains exigent la fermeture de la décharge.",
     {"cue": "exigent", "stance": "ask", "content": "la fermeture de la décharge"}),
]

OBJECT_BEFORE_NEW_PHRASE = [
    # a phrase with its own verb after the comma, or a time, is no apposition
    ("Le syndicat a dénoncé ces sanctions, la direction restant muette.",
     {"cue": "dénoncé", "content": "ces sanctions"}),
    ("Le coureur a annoncé son forfait pour la finale, un mois avant l'épreuve.",
     {"cue": "annoncé", "content": "son forfait pour la finale"}),
]


@pytest.mark.parametrize("text, expect", DEMAND_OBJECT + OBJECT_BEFORE_NEW_PHRASE)
def test_when_object_is_followed_by_a_comma_then_only_an_apposition_joins_it(nlp, text, expect):
    _found(_run(nlp, text), expect)


# -- `Pour X, role : « … »`: the source's apposition ends at a colon before a quote ------------------
POUR_ROLE_COLON = [
    ("Pour Jean Martin, maire de la ville : « Nous ne laisserons pas faire ».",
     {"cue": "Pour", "speaker": "Jean Martin", "kind": "direct", "content": "Nous ne laisserons pas faire"}),
]


@pytest.mark.parametrize("text, expect", POUR_ROLE_COLON)
def test_when_source_apposition_ends_at_a_colon_then_the_quote_is_the_content(nlp, text, expect):
    _found(_run(nlp, text), expect)


# -- an incise right after `que` (contents.clause_right) --------------------------------------------
INCISE_AFTER_QUE = [
    # another source in the incise: the cue's clause is after it, and `selon` keeps its own
    ("L'agence Reuters annonce que, selon ses sources, le tireur a agi seul.",
     {"cue": "annonce", "speaker": "L'agence Reuters", "content": "le tireur a agi seul"}),
    ("Le préfet a ajouté que, d'après les pompiers, le feu était fixé.",
     {"cue": "ajouté", "speaker": "Le préfet", "content": "le feu était fixé"}),
    # a contrast of the speaker's own
    ("Le journal ajoute que, tandis que Marie Roux cumulait deux emplois, elle touchait une prime.",
     {"cue": "ajoute", "content": "elle touchait une prime"}),
]


@pytest.mark.parametrize("text, expect", INCISE_AFTER_QUE)
def test_when_incise_follows_que_then_content_is_the_clause_after_it(nlp, text, expect):
    _found(_run(nlp, text), expect)


@pytest.mark.parametrize("text", [
    # `selon lui` is the speaker himself: one attribution, the selon's
    "Le ministre a expliqué que, selon lui, les prix allaient baisser.",
])
def test_when_incise_after_que_is_the_speakers_own_selon_then_one_attribution(nlp, text):
    assert len(_run(nlp, text)) == 1


# -- `à ce que` after a cue that takes `à`/`de` + infinitive (verb_frames.pattern_que) -------------
A_CE_QUE = [
    ("La ministre s'est engagée à ce que la réforme soit votée avant l'été.",
     {"cue": "engagée", "stance": "promise", "content": "la réforme soit votée avant l'été"}),
    ("Les élus demandent à ce que la piscine reste ouverte.",
     {"cue": "demandent", "stance": "ask", "content": "la piscine reste ouverte"}),
]


@pytest.mark.parametrize("text, expect", A_CE_QUE)
def test_when_cue_takes_a_ce_que_then_the_clause_is_content(nlp, text, expect):
    _found(_run(nlp, text), expect)


@pytest.mark.parametrize("text", [
    # `jusqu'à ce que` is a time, the object stays the content
    "Le club a nié ces faits jusqu'à ce que la presse les prouve.",
])
def test_when_a_ce_que_is_jusqua_ce_que_then_no_que_clause(nlp, text):
    assert [a for a in _run(nlp, text) if a["rule"].startswith("que_clause")] == []
