"""Attributions the patterns used to miss (issue 15, recall): one table per class of construction,
positive and negative. Every sentence is invented, of the shape of a miss counted on the `tune`
split of corpus/gold and on ../shared/gold; none is copied from a gold article."""
from __future__ import annotations

import pytest

from tests.components.test_attributions_classes import _assert_found as _found
from tests.components.test_attributions_classes import _run


# -- a noun phrase object whose noun is quoted: mixed -------------------------------------------
QUOTED_OBJECT = [
    ("Le collectif y déplore l'« immobilisme » du maire face à la crise du logement.",
     {"cue": "déplore", "kind": "mixed", "speaker": "Le collectif",
      "content": "l'« immobilisme » du maire face à la crise du logement"}),
    ("La fédération a réaffirmé sa « confiance » envers le comité d'éthique.",
     {"cue": "réaffirmé", "kind": "mixed", "content": "sa « confiance » envers le comité d'éthique"}),
]

NOT_QUOTED_OBJECT = [
    # a verb of quotes alone (`lancer`): the quoted noun is a name, not words said
    "Le club a lancé une « cagnotte solidaire » pour les sinistrés.",
    # a verb of no speech
    "Le maire a présenté son « plan de relance » pour le centre-ville.",
]


@pytest.mark.parametrize("text, expect", QUOTED_OBJECT)
def test_when_object_noun_is_quoted_then_object_is_mixed_content(nlp, text, expect):
    _found(_run(nlp, text), expect)


@pytest.mark.parametrize("text", NOT_QUOTED_OBJECT)
def test_when_quoted_noun_is_no_speech_then_no_attribution(nlp, text):
    assert _run(nlp, text) == []


# -- a participle clause between the subject and its verb ends before the verb -------------------
APPOSED_PARTICIPLE = [
    ("Les conclusions du rapport, ayant notamment recommandé une « transaction » avec le prestataire, "
     "ont été transmises au ministère.",
     {"cue": "recommandé", "content": "une « transaction » avec le prestataire"}),
    ("Le syndicat, affirmant que la grève continuerait, a quitté la réunion.",
     {"cue": "affirmant", "speaker": "Le syndicat", "content": "la grève continuerait"}),
    # a participle after the main verb: a comma inside its clause does not end it
    ("Il a quitté la salle, affirmant que la réforme, votée hier, était injuste.",
     {"cue": "affirmant", "content": "la réforme, votée hier, était injuste"}),
]


@pytest.mark.parametrize("text, expect", APPOSED_PARTICIPLE)
def test_when_participle_clause_is_apposed_then_content_ends_with_it(nlp, text, expect):
    _found(_run(nlp, text), expect)


# -- a quote as the object past `pour sa part`, a date or an adverb -----------------------------
QUOTE_AFTER_ADVERBIAL = [
    ("Le député a souhaité pour sa part « que la justice se saisisse rapidement » de l'affaire.",
     {"cue": "souhaité", "kind": "mixed", "content": "« que la justice se saisisse rapidement » de l'affaire"}),
    # a participle and a further quote go on with the object
    ("La ministre souhaitait rapidement « inscrire dans la loi le travail » mené « ensemble ».",
     {"cue": "souhaitait", "kind": "mixed", "content": "« inscrire dans la loi le travail » mené « ensemble »"}),
    ("Le maire a lancé « Nous y arriverons » devant la foule réunie.",
     {"cue": "lancé", "kind": "direct", "content": "Nous y arriverons"}),
]

NOT_QUOTE_OBJECT = [
    # the quote is the subject of a finite verb after it, not the cue's object
    "Le linguiste a dit lundi « bonjour » est un mot ancien.",
]


@pytest.mark.parametrize("text, expect", QUOTE_AFTER_ADVERBIAL)
def test_when_quote_follows_an_adverbial_then_it_is_the_object(nlp, text, expect):
    _found(_run(nlp, text), expect)


@pytest.mark.parametrize("text", NOT_QUOTE_OBJECT)
def test_when_quote_is_a_subject_then_no_quote_object(nlp, text):
    assert [a for a in _run(nlp, text) if a["rule"].startswith("colon_quote")] == []


# -- the auxiliary of a participle cue past an incise or tagged a verb ---------------------------
AUXILIARY_PAST_INCISE = [
    ("Marc Vidal a, quant à lui, pesté contre ces pratiques : « Cela s'appelle tricher ! »",
     {"cue": "pesté", "speaker": "Marc Vidal", "content": "Cela s'appelle tricher !"}),
    ("Louise Faure, présidente de la fédération, a d'ailleurs reconnu le problème : « Nous avons été trop lents. »",
     {"cue": "reconnu", "kind": "direct", "content": "Nous avons été trop lents."}),
    # the subject hung on the auxiliary, an incise before the participle
    ("Ce dernier aurait, par courriel, expliqué avoir été renvoyé sans motif.",
     {"cue": "expliqué", "speaker": "Ce dernier", "content": "avoir été renvoyé sans motif"}),
]

NO_AUXILIARY = [
    # a past participle with no auxiliary opens the sentence: nobody's speech act
    "Accusé de fraude par la presse, le maire a démissionné lundi.",
    "Critiqué pour sa gestion, le directeur a quitté le club.",
]


@pytest.mark.parametrize("text, expect", AUXILIARY_PAST_INCISE)
def test_when_incise_separates_auxiliary_and_cue_then_attribution_is_found(nlp, text, expect):
    _found(_run(nlp, text), expect)


@pytest.mark.parametrize("text", NO_AUXILIARY)
def test_when_participle_has_no_auxiliary_then_no_attribution(nlp, text):
    assert _run(nlp, text) == []


# -- `de` + infinitive: a quote and a clitic in either order, `d'«`, an incise before it ---------
DE_INFINITIVE = [
    ("La commission préconise ainsi de « s'attaquer aux causes du chômage » et de « former les jeunes ».",
     {"cue": "préconise", "kind": "direct", "content": "s'attaquer aux causes du chômage"}),
    ("Le collectif prône aussi d'« associer les riverains au chantier » et de réduire le bruit.",
     {"cue": "prône", "kind": "direct", "content": "associer les riverains au chantier"}),
    ("Le collectif prône aussi d'« associer les riverains au chantier » et de réduire le bruit.",
     {"cue": "prône", "kind": "indirect", "content": "réduire le bruit"}),
    ("La ministre a demandé à la commission, réunie en urgence, de vérifier les comptes du club.",
     {"cue": "demandé", "speaker": "La ministre", "content": "vérifier les comptes du club"}),
    ("Le président accusait, quant à lui, des membres du bureau d'avoir caché les pertes.",
     {"cue": "accusait", "content": "des membres du bureau d'avoir caché les pertes"}),
]

NOT_DE_INFINITIVE = [
    # `afin` + an adverb + `de`: a purpose, nobody's request
    "Les avocats ont fait appel afin notamment de demander au juge de reporter l'audience.",
    # a noun after `de`, no infinitive
    "L'opposition accuse le maire de fraude et de corruption.",
]


@pytest.mark.parametrize("text, expect", DE_INFINITIVE)
def test_when_de_infinitive_is_quoted_or_past_an_incise_then_it_is_the_content(nlp, text, expect):
    _found(_run(nlp, text), expect)


@pytest.mark.parametrize("text", NOT_DE_INFINITIVE)
def test_when_de_opens_no_reported_infinitive_then_no_de_infinitive(nlp, text):
    assert [a for a in _run(nlp, text) if a["rule"].startswith("de_infinitive")] == []


# -- a quote that is the predicate of its sentence: its subject's words ---------------------------
QUOTED_PREDICATE = [
    ("La ministre de la Culture, Anne Roux, « félicite chaleureusement » le lauréat pour son prix.",
     {"kind": "direct", "cue": None, "content": "félicite chaleureusement"}),
    ("Ce mercredi, le Conseil constitutionnel a « enjoint au gouvernement de revoir sa copie » sur la réforme.",
     {"kind": "direct", "speaker": "le Conseil constitutionnel",
      "content": "enjoint au gouvernement de revoir sa copie"}),
    ("« Le texte est clair », a précisé le tribunal, qui « annule donc la décision du maire ».",
     {"kind": "direct", "speaker": "le tribunal", "content": "annule donc la décision du maire"}),
    # a document speaks too (ANNOTATION.md: `le rapport de la CIA`)
    ("Le rapport « souligne que les digues sont trop basses » dans toute la vallée.",
     {"kind": "direct", "speaker": "Le rapport", "content": "souligne que les digues sont trop basses"}),
    # the verb's own clitics open the quote (`s'`, `ne`)
    ("Après le naufrage, le maire de Brest « s'associe à la peine des familles » des marins.",
     {"kind": "direct", "speaker": "le maire de Brest", "content": "s'associe à la peine des familles"}),
    ("Mis en cause par la presse, le sénateur Paul Morel « ne répondra plus qu'à la justice » .",
     {"kind": "direct", "content": "ne répondra plus qu'à la justice"}),
]

NOT_QUOTED_PREDICATE = [
    # the journalist's scare quotes on a thing's verb: nobody speaks
    "Les ventes de vélos « explosent » depuis le mois de mars.",
    # a quoted noun, no verb
    "Le maire et son « plan vélo » ont été critiqués.",
    # a thing that is no document
    "Les prix du pain « grimpent encore » dans toute la région.",
    # a clitic before a thing's verb changes nothing
    "Les ventes de vélos « s'envolent » depuis le mois de mars.",
    # a passive's subject undergoes what the quote says: the words are the reporter's source's
    "Les deux militants auraient été « frappés à coups de matraque » par des policiers.",
    # the subject of a clause after `que`: whoever found it chose the words
    "Le journal a découvert que douze élus « votaient systématiquement » contre le budget.",
]


@pytest.mark.parametrize("text, expect", QUOTED_PREDICATE)
def test_when_quote_is_the_predicate_then_subject_said_it(nlp, text, expect):
    _found(_run(nlp, text), expect)


@pytest.mark.parametrize("text", NOT_QUOTED_PREDICATE)
def test_when_quoted_verb_has_no_speaking_subject_then_no_attribution(nlp, text):
    assert [a for a in _run(nlp, text) if a["rule"].startswith("quoted_predicate")] == []


# -- verbs whose noun-phrase object is what was asked, promised, affirmed or told ---------------
OBJECT_FRAME = [
    # `établir` in the que frame only (a finding); `a établi un record` is in test_attributions_classes
    ("Le tribunal a établi à ce sujet que les fonds avaient été détournés.",
     {"cue": "établi", "speaker": "Le tribunal", "content": "les fonds avaient été détournés"}),
    ("Le principal parti d'opposition demande même l'annulation du scrutin.",
     {"cue": "demande", "stance": "ask", "content": "l'annulation du scrutin"}),
    ("Les pays membres ont affirmé leur volonté de relancer le projet.",
     {"cue": "affirmé", "content": "leur volonté de relancer le projet"}),
    ("Le témoin relate le déroulement d'une audition.",
     {"cue": "relate", "content": "le déroulement d'une audition"}),
    ("La ministre a promis une prime aux soignants.",
     {"cue": "promis", "stance": "promise", "content": "une prime aux soignants"}),
]

NOT_OBJECT = [
    # the noun phrase after an inverted cue is its subject, not its object
    ("La route sera fermée jusqu'à lundi, a demandé le préfet.", "le préfet"),
    # a date after the cue is no object
    ("Le maire a affirmé lundi que la piscine rouvrirait.", "lundi"),
]


@pytest.mark.parametrize("text, expect", OBJECT_FRAME)
def test_when_object_is_the_request_or_promise_then_it_is_the_content(nlp, text, expect):
    _found(_run(nlp, text), expect)


@pytest.mark.parametrize("text, phrase", NOT_OBJECT)
def test_when_noun_phrase_is_subject_or_date_then_it_is_no_content(nlp, text, phrase):
    assert all(a["content"] != phrase for a in _run(nlp, text))


# -- a multiword cue whose verb the tagger misses; its cue span is the whole phrase ----------------
MULTIWORD = [
    ("Les habitants pointent du doigt son « immobilisme » face à la crise.",
     {"cue": "pointent du doigt", "kind": "mixed", "stance": "accuse",
      "content": "son « immobilisme » face à la crise"}),
    ("Le ministre a mis en garde que la crise serait longue.",
     {"cue": "mis en garde", "stance": "warn", "content": "la crise serait longue"}),
]

NOT_MULTIWORD = [
    "Il s'est blessé à la pointe du doigt pendant le match.",   # a noun: the fingertip
    "Le syndicat ne pointe pas du doigt les infirmières.",      # negated
]


@pytest.mark.parametrize("text, expect", MULTIWORD)
def test_when_cue_is_a_multiword_phrase_then_it_is_found_whole(nlp, text, expect):
    _found(_run(nlp, text), expect)


@pytest.mark.parametrize("text", NOT_MULTIWORD)
def test_when_phrase_names_a_gesture_or_a_thing_then_no_attribution(nlp, text):
    assert _run(nlp, text) == []


# -- a quote sentence after a direct quote's sentence, in the same paragraph ----------------------
CONTINUED_IN_PARAGRAPH = [
    ("« Chaque famille doit se sentir en sécurité » , a déclaré la Première ministre. « C'est le devoir "
     "de l'État. Nous avons fait un grand pas » . Le président américain a salué cet accord.",
     {"kind": "direct", "rule": "continued_quote/previous",
      "content": "C'est le devoir de l'État. Nous avons fait un grand pas"}),
    # after a selon whose content quotes its source, the full stop inside the closing mark
    ("Selon le porte-parole des chauffeurs, Marc Roy, cette loi est « une victoire pour tous. » « Nous "
     "voulions des amendes plus fortes et nous les avons » . Le texte entre en vigueur lundi.",
     {"kind": "direct", "rule": "continued_quote/previous",
      "content": "Nous voulions des amendes plus fortes et nous les avons"}),
    # after a mixed attribution
    ("Le maire Paul Roux a dénoncé un « acte lâche et indigne » . « La violence ne passera pas ici » . "
     "La séance a repris à midi.",
     {"kind": "direct", "rule": "continued_quote/previous", "content": "La violence ne passera pas ici"}),
]

NOT_CONTINUED = [
    # after an indirect attribution with no quotation, a quote sentence is no one's continuation
    "Le maire Paul Roux a dénoncé un acte lâche. « La violence ne passera pas ici » . La séance a repris.",
    # a quoted name that is the subject of the next sentence: no sentence of its own
    "« Chaque famille doit se sentir en sécurité » , a déclaré la Première ministre. « Bouclier » est le nom "
    "de l'opération.",
]


@pytest.mark.parametrize("text, expect", CONTINUED_IN_PARAGRAPH)
def test_when_quote_sentence_follows_a_direct_quote_then_same_speaker(nlp, text, expect):
    _found(_run(nlp, text), expect)


@pytest.mark.parametrize("text", NOT_CONTINUED)
def test_when_quote_is_a_word_of_the_next_sentence_then_no_continued_quote(nlp, text):
    assert [a for a in _run(nlp, text) if a["rule"].startswith("continued_quote")] == []


# -- a complement between an inverted cue and its subject (`à l'AFP`, `à la presse`) -------------
COMPLEMENT_BEFORE_SUBJECT = [
    ("« La situation est grave », a déclaré à la presse le ministre.",
     {"kind": "direct", "speaker": "le ministre", "content": "La situation est grave"}),
    ("« La situation est grave », a déclaré au Parisien le ministre de la Santé.",
     {"speaker": "le ministre de la Santé", "content": "La situation est grave"}),
    ("« Les digues tiendront », explique à l'AFP Jean Roux.",
     {"speaker": "Jean Roux", "content": "Les digues tiendront"}),
]


@pytest.mark.parametrize("text, expect", COMPLEMENT_BEFORE_SUBJECT)
def test_when_complement_precedes_inverted_subject_then_subject_is_the_speaker(nlp, text, expect):
    _found(_run(nlp, text), expect)


def test_when_inverted_cue_has_only_a_complement_then_it_is_not_the_speaker(nlp):
    found = _run(nlp, "« La situation est grave », a-t-il déclaré à la presse locale.")
    assert [a["speaker"] for a in found] == ["il"]


# -- a quote after a colon closing a clause that names a speech ----------------------------------
NOUN_COLON_QUOTE = [
    ("Il a terminé son discours par une phrase célèbre : « Jusqu'à la victoire, toujours ! »",
     {"kind": "direct", "speaker": "Il", "rule": "noun_colon_quote/subject",
      "content": "Jusqu'à la victoire, toujours !"}),
    # the author after the noun's `de`
    ("Cette annonce a suscité de nombreux commentaires, comme celui de Paul Roux, un analyste politique : "
     "« C'est embarrassant. »", {"kind": "direct", "speaker": "Paul Roux", "content": "C'est embarrassant."}),
]

NOT_NOUN_COLON_QUOTE = [
    # the noun is the subject of a copula: the journalist asks
    "La question est simple : « Faut-il fermer la centrale ? »",
    # no noun of speech before the colon
    "Il a terminé la course par un sprint : « Quelle journée ! »",
]


@pytest.mark.parametrize("text, expect", NOUN_COLON_QUOTE)
def test_when_colon_follows_a_noun_of_speech_then_quote_is_its_author(nlp, text, expect):
    _found(_run(nlp, text), expect)


@pytest.mark.parametrize("text", NOT_NOUN_COLON_QUOTE)
def test_when_colon_follows_no_speech_then_no_noun_colon_quote(nlp, text):
    assert [a for a in _run(nlp, text) if a["rule"].startswith("noun_colon_quote")] == []


# -- a first-person sentence after a colon closing a clause with no cue -------------------------
FIRST_PERSON_COLON = [
    ("La ministre Claire Dubois s'est tournée vers la salle comble : « Je reste à mon poste. »",
     {"kind": "direct", "speaker": "La ministre Claire Dubois", "rule": "first_person_colon/subject",
      "content": "Je reste à mon poste."}),
    ("Paul Martin a posté sur Instagram : « Mon ami, je te souhaite le meilleur. »",
     {"kind": "direct", "speaker": "Paul Martin", "content": "Mon ami, je te souhaite le meilleur."}),
    # the main clause's subject, not the relative clause's
    ("Le maire a remercié les pompiers, qui sont venus très vite : « Je vous dois tout. »",
     {"kind": "direct", "speaker": "Le maire", "rule": "first_person_colon/subject",
      "content": "Je vous dois tout."}),
    # the quote as the next paragraph (issue 15, recall: winer-fr output)
    ("Le vieux poète Jean Lemoine avait laissé une lettre à ses enfants, qu'il aimait tant :\n\n"
     "« Je veux reposer près de la mer. »",
     {"kind": "direct", "speaker": "Le vieux poète Jean Lemoine", "content": "Je veux reposer près de la mer."}),
    # a verb of motion with `être` (the parser may read a passive): its subject speaks
    ("Le vainqueur est allé voir son rival au vestiaire : « Si j'avais perdu, je serais triste. »",
     {"kind": "direct", "speaker": "Le vainqueur", "rule": "first_person_colon/subject",
      "content": "Si j'avais perdu, je serais triste."}),
]

NOT_FIRST_PERSON_COLON = [
    # no first person in the quote: a title, a slogan
    "Le collectif a collé des affiches partout : « Sauvons les abeilles »",
    # the clause's subject is a thing
    "Le panneau affichait en grand : « Je suis Charlie »",
    # a lower-case continuation, not a sentence of its own
    "Paul Martin a posté sur Instagram : « merci à mes amis »",
    # a thing's clause, the quote in the next paragraph
    "La banderole du stade portait ces mots :\n\n« Nous sommes tous derrière vous. »",
]


# after a full stop: the quote a sentence of its own, the previous sentence's subject a named person
FIRST_PERSON_SENTENCE = [
    ("Léa Martin a brandi le drapeau après le podium. « Je voulais lancer un message. L'Europe existe. »",
     {"kind": "direct", "speaker": "Léa Martin", "rule": "first_person_sentence/subject",
      "content": "Je voulais lancer un message. L'Europe existe."}),
    # a negated narration still has its subject
    ("Paul Roux ne s'est pas laissé perturber. « Plus ils crient, plus je gagne » .",
     {"kind": "direct", "speaker": "Paul Roux", "content": "Plus ils crient, plus je gagne"}),
]

NOT_FIRST_PERSON_SENTENCE = [
    # the previous sentence's subject is no named person
    "Le conseil municipal a voté le budget. « Nous sommes très satisfaits du résultat. »",
    # the quote goes on with its own cue: someone else's words
    "Paul Roux a visité l'école. « Nous avons eu très peur », raconte une institutrice.",
    # the quote is no sentence of its own
    "Paul Roux a visité le stade. « Je suis Charlie » était écrit sur les murs.",
]


@pytest.mark.parametrize("text, expect", FIRST_PERSON_SENTENCE)
def test_when_first_person_quote_follows_a_named_persons_sentence_then_that_person_speaks(nlp, text, expect):
    _found(_run(nlp, text), expect)


@pytest.mark.parametrize("text", NOT_FIRST_PERSON_SENTENCE)
def test_when_quote_after_a_sentence_is_no_named_persons_then_no_first_person_sentence(nlp, text):
    assert [a for a in _run(nlp, text) if a["rule"].startswith("first_person_sentence")] == []


@pytest.mark.parametrize("text, expect", FIRST_PERSON_COLON)
def test_when_first_person_quote_follows_a_colon_then_clause_subject_speaks(nlp, text, expect):
    _found(_run(nlp, text), expect)


@pytest.mark.parametrize("text", NOT_FIRST_PERSON_COLON)
def test_when_colon_quote_is_no_first_person_sentence_of_a_person_then_no_first_person_colon(nlp, text):
    assert [a for a in _run(nlp, text) if a["rule"].startswith("first_person_colon")] == []


def test_when_incise_splits_auxiliary_and_participle_then_subject_is_before_it(nlp):
    found = _run(nlp, "La mère du suspect avait, il y a quelques jours, déclaré au juge que le trésor existait.")
    assert [(a["speaker"], a["content"]) for a in found] == [("La mère du suspect", "le trésor existait")]


# -- a passive cue of the object frame with its agent: the subject is what was said --------------
PASSIVE_OBJECT = [
    ("Cette demande, jugée excessive, a été rejetée par le gouvernement.",
     {"cue": "rejetée", "stance": "deny", "speaker": "le gouvernement", "content": "Cette demande, jugée excessive"}),
    ("Ce « désastre » est déploré par les Nations unies.",
     {"cue": "déploré", "kind": "mixed", "content": "Ce « désastre »"}),
    ("Le contrat a été annoncé par le club lundi.",
     {"cue": "annoncé", "speaker": "le club", "content": "Le contrat"}),
]

NOT_PASSIVE_OBJECT = [
    "Le télescope sera lancé par la NASA en 2018.",                       # a cue with no object frame
    "Cette interdiction est justifiée par le fait que la loi l'impose.",  # no cue; the agent is no one
]


@pytest.mark.parametrize("text, expect", PASSIVE_OBJECT)
def test_when_passive_cue_has_an_agent_then_subject_is_the_content(nlp, text, expect):
    _found(_run(nlp, text), expect)


@pytest.mark.parametrize("text", NOT_PASSIVE_OBJECT)
def test_when_passive_verb_reports_nothing_then_no_passive_object(nlp, text):
    assert [a for a in _run(nlp, text) if a["rule"].startswith("passive_object")] == []


# -- an indirect question after a verb of asking: the `si` clause, `si` included -----------------
SI_CLAUSE = [
    ("Les habitants se demandent si l'usine va fermer.",
     {"cue": "demandent", "stance": "ask", "content": "si l'usine va fermer"}),
    ("Le maire a demandé au préfet s'il rouvrirait la route.",
     {"cue": "demandé", "speaker": "Le maire", "content": "s'il rouvrirait la route"}),
]

NOT_SI_CLAUSE = [
    # a condition inside an assertion's clause, not a question
    ("Il a affirmé que si la loi passait, il démissionnerait.", "si_clause"),
    # a condition after an infinitive request
    ("Il a demandé à partir si la réunion durait.", "si_clause"),
]


@pytest.mark.parametrize("text, expect", SI_CLAUSE)
def test_when_verb_of_asking_takes_si_then_the_question_is_the_content(nlp, text, expect):
    _found(_run(nlp, text), expect)


@pytest.mark.parametrize("text, rule", NOT_SI_CLAUSE)
def test_when_si_is_a_condition_then_no_question(nlp, text, rule):
    assert [a for a in _run(nlp, text) if a["rule"].startswith(rule)] == []


# -- `se dire` / `se déclarer` + an adjective: the speaker's own stance ---------------------------
SELF_DESCRIPTION = [
    ("La ministre s'est dite favorable à une hausse du budget.",
     {"cue": "dite", "speaker": "La ministre", "content": "favorable à une hausse du budget"}),
    ("Il se dit en revanche fermement opposé à l'utilisation du sigle.",
     {"cue": "dit", "content": "fermement opposé à l'utilisation du sigle"}),
    ("Les syndicats se sont déclarés prêts à négocier.",
     {"cue": "déclarés", "content": "prêts à négocier"}),
]

NOT_SELF_DESCRIPTION = [
    "Le candidat s'est déclaré lundi à Lyon.",   # declaring one's candidacy: no adjective
    "Le tribunal a déclaré illégale la grève des pilotes.",  # not reflexive: not the speaker's own stance
]


@pytest.mark.parametrize("text, expect", SELF_DESCRIPTION)
def test_when_speaker_describes_own_stance_then_the_adjective_phrase_is_the_content(nlp, text, expect):
    _found(_run(nlp, text), expect)


@pytest.mark.parametrize("text", NOT_SELF_DESCRIPTION)
def test_when_no_reflexive_adjective_then_no_self_description(nlp, text):
    assert [a for a in _run(nlp, text) if a["rule"].startswith("self_description")] == []


# -- `« … », peut-on lire dans X`: the text read is the speaker ----------------------------------
READ_IN = [
    ("« Nous ne céderons pas », peut-on lire dans le communiqué du syndicat.",
     {"kind": "direct", "speaker": "le communiqué du syndicat", "content": "Nous ne céderons pas"}),
    ("« La route est fermée », lit-on sur le site de la préfecture.",
     {"kind": "direct", "speaker": "le site de la préfecture", "content": "La route est fermée"}),
]

NOT_READ_IN = [
    "« Nous ne céderons pas », peut-on lire.",                      # no text named
    "On peut lire « Guerre et Paix » dans le train.",               # reading a book, no quote before
]


@pytest.mark.parametrize("text, expect", READ_IN)
def test_when_quote_is_read_in_a_text_then_the_text_is_the_speaker(nlp, text, expect):
    _found(_run(nlp, text), expect)


@pytest.mark.parametrize("text", NOT_READ_IN)
def test_when_no_text_is_read_then_no_read_in(nlp, text):
    assert [a for a in _run(nlp, text) if a["rule"].startswith("read_in")] == []


# -- a cue, then adjuncts or an object of more than a dozen words, then a colon and a quote ------
FAR_COLON_QUOTE = [
    ("La ministre a déclaré, devant les députés réunis dans l'hémicycle, après une longue séance de "
     "questions : « Nous tiendrons nos engagements. »",
     {"cue": "déclaré", "kind": "direct", "speaker": "La ministre", "content": "Nous tiendrons nos engagements."}),
    ("Le maire a annoncé hier sur sa page personnelle son intention de rénover toute la vieille ville : "
     "« Les travaux commenceront en mars. »",
     {"cue": "annoncé", "kind": "direct", "speaker": "Le maire", "content": "Les travaux commenceront en mars."}),
]

NOT_FAR_COLON_QUOTE = [
    # a present participle between: the colon is its own (`X déclarant :`), not the first cue's
    ("Le syndicat a rejeté ces accusations ce matin, son secrétaire général, Marc Petit, déclarant aux "
     "journalistes à Lyon : « C'est une invention. »", "rejeté"),
    # a far colon with no quote after it: too far to be sure the clause is the cue's
    ("Le maire a déclaré, devant les habitants venus nombreux dans la grande salle des fêtes de la commune : "
     "la foire aura lieu.", "déclaré"),
]


@pytest.mark.parametrize("text, expect", FAR_COLON_QUOTE)
def test_when_colon_quote_comes_after_long_adjuncts_then_quote_is_content(nlp, text, expect):
    _found(_run(nlp, text), expect)


@pytest.mark.parametrize("text, cue", NOT_FAR_COLON_QUOTE)
def test_when_far_colon_has_participle_or_no_quote_then_no_colon_quote(nlp, text, cue):
    assert [a for a in _run(nlp, text) if a["cue"] == cue and a["rule"].startswith("colon_")] == []


# -- a quote box: a quote alone in its paragraph, signed on the next line after a dash -----------
QUOTE_BOX = [
    ("La préfecture a publié un bilan dans la soirée.\n\n« Nous avons évacué deux cents personnes. Aucune n'est "
     "blessée. »\n\n— Claire Martin, préfète du département\n\nLes routes restent fermées.",
     {"kind": "direct", "speaker": "Claire Martin",
      "content": "Nous avons évacué deux cents personnes. Aucune n'est blessée."}),
    ("Le club a perdu en finale.\n\n« On reviendra plus forts l'an prochain »\n\n— Marc Dubois, 27 ans\n\n",
     {"kind": "direct", "speaker": "Marc Dubois", "content": "On reviendra plus forts l'an prochain"}),
    # signed by a service, no name: a description headed by an organisation noun
    ("Le concert est reporté.\n\n« Nous remboursons tous les billets »\n\n— Service de presse du festival\n\n",
     {"kind": "direct", "speaker": "Service de presse du festival", "content": "Nous remboursons tous les billets"}),
]

NOT_QUOTE_BOX = [
    # the quote ends a paragraph it does not open: a signature under it is not proof enough that it is hers
    "La soirée s'est terminée. « Merci à tous, nous vous attendons l'an prochain pour la prochaine édition. »"
    "\n\n— Claire Martin, préfète du département\n\n",
    # signed by no one: a source line with no person or organisation noun
    "Le concert est reporté.\n\n« Nous remboursons tous les billets »\n\n— Extrait du bulletin hebdomadaire\n\n",
]


@pytest.mark.parametrize("text, expect", QUOTE_BOX)
def test_when_quote_paragraph_is_signed_after_a_dash_then_signer_is_speaker(nlp, text, expect):
    _found(_run(nlp, text), expect)


@pytest.mark.parametrize("text", NOT_QUOTE_BOX)
def test_when_quote_does_not_open_its_paragraph_then_no_dash_quote(nlp, text):
    assert [a for a in _run(nlp, text) if a["rule"].startswith("dash_quote")] == []


# -- a cue, an incise between commas, then its bare infinitive ----------------------------------
INCISE_INFINITIVE = [
    ("L'entreprise annonce, dans un communiqué publié mardi, avoir signé un accord avec ses fournisseurs.",
     {"cue": "annonce", "kind": "indirect", "speaker": "L'entreprise",
      "content": "avoir signé un accord avec ses fournisseurs"}),
    ("La ministre a quitté son poste en reconnaissant, dans une lettre aux élus, avoir « sous-estimé la crise ».",
     {"cue": "reconnaissant", "kind": "mixed", "speaker": "La ministre",
      "content": "avoir « sous-estimé la crise »"}),
]


@pytest.mark.parametrize("text, expect", INCISE_INFINITIVE)
def test_when_incise_stands_between_cue_and_infinitive_then_infinitive_is_content(nlp, text, expect):
    _found(_run(nlp, text), expect)


# -- an inverted clitic, then a two-word adverb before the participle ---------------------------
LOCUTION_IN_INVERSION = [
    ("« Le chantier sera fini en juin » , a-t-il d'abord affirmé devant les habitants.",
     {"cue": "affirmé", "kind": "direct", "speaker": "il", "content": "Le chantier sera fini en juin"}),
    ("« Les prix ne baisseront pas » , a-t-elle d'ailleurs prévenu.",
     {"cue": "prévenu", "kind": "direct", "speaker": "elle", "content": "Les prix ne baisseront pas"}),
]


@pytest.mark.parametrize("text, expect", LOCUTION_IN_INVERSION)
def test_when_two_word_adverb_follows_inverted_clitic_then_clitic_is_speaker(nlp, text, expect):
    _found(_run(nlp, text), expect)


# -- a cue verb the tagger mistags, known as a verb by its hyphenated inverted clitic -----------
MISTAGGED_INVERTED_CUE = [
    ("« Ces poissons sont très anciens. Or, ce groupe est très discuté chez les spécialistes » , remarque-t-il.",
     {"cue": "remarque", "kind": "direct", "speaker": "il",
      "content": "Ces poissons sont très anciens. Or, ce groupe est très discuté chez les spécialistes"}),
    ("« Ces os sont assez différents des autres » , tranche-t-elle.",
     {"cue": "tranche", "kind": "direct", "speaker": "elle", "content": "Ces os sont assez différents des autres"}),
]


@pytest.mark.parametrize("text, expect", MISTAGGED_INVERTED_CUE)
def test_when_mistagged_cue_takes_inverted_clitic_then_it_is_a_cue(nlp, text, expect):
    _found(_run(nlp, text), expect)


def test_when_cue_form_is_a_noun_without_inverted_clitic_then_no_attribution(nlp):
    assert _run(nlp, "Le boucher a coupé une tranche de jambon pour la cliente.") == []


# -- a quote closed after its own full stop, then `, d'après X` / `, selon X` ---------------------
FULL_STOP_QUOTE_THEN_SELON = [
    ("Le port a rouvert dans la matinée. « Les bateaux repartiront demain. » , d'après Jean Vannier.",
     {"cue": "d'après", "kind": "direct", "speaker": "Jean Vannier", "content": "Les bateaux repartiront demain."}),
    ("La digue a tenu. « Nous avons eu de la chance. Beaucoup de chance ! », selon Marie Lefort, directrice du port.",
     {"cue": "selon", "kind": "direct", "speaker": "Marie Lefort, directrice du port",
      "content": "Nous avons eu de la chance. Beaucoup de chance !"}),
]


@pytest.mark.parametrize("text, expect", FULL_STOP_QUOTE_THEN_SELON)
def test_when_full_stop_quote_precedes_selon_then_quote_is_content(nlp, text, expect):
    _found(_run(nlp, text), expect)


# -- an adverb or a date before a negated infinitive content ----------------------------------
NEGATED_INFINITIVE = [
    ("La joueuse avoue sa fatigue, mais affirme aussi ne pas renoncer aux Jeux.",
     {"cue": "affirme", "content": "ne pas renoncer aux Jeux"}),
    ("Le sénateur a assuré mardi ne jamais avoir reçu cette lettre.",
     {"cue": "assuré", "speaker": "Le sénateur", "content": "ne jamais avoir reçu cette lettre"}),
]

NEGATED_CUE = [
    # the negation is the cue's: no attribution
    "Le sénateur n'affirme pas vouloir se représenter.",
    "Le sénateur n'a pas assuré mardi vouloir se représenter.",
]


@pytest.mark.parametrize("text, expect", NEGATED_INFINITIVE)
def test_when_adverb_stands_before_a_negated_infinitive_then_it_is_the_content(nlp, text, expect):
    _found(_run(nlp, text), expect)


@pytest.mark.parametrize("text", NEGATED_CUE)
def test_when_the_cue_is_negated_then_no_infinitive_content(nlp, text):
    assert _run(nlp, text) == []


# -- verbs of the incise after a quote (`», termine-t-il`), inverted only ----------------------
INCISE_VERB = [
    ("« Nous irons jusqu'au bout » , termine-t-il.",
     {"cue": "termine", "kind": "direct", "speaker": "il", "content": "Nous irons jusqu'au bout"}),
    ("« Ce n'est qu'un incident », relativise la directrice.",
     {"cue": "relativise", "speaker": "la directrice", "content": "Ce n'est qu'un incident"}),
    ("« Ils ont tout raté », tacle l'ancien entraîneur.",
     {"cue": "tacle", "stance": "accuse", "content": "Ils ont tout raté"}),
]

NOT_INCISE = [
    # the same verbs outside an inversion say nothing
    "La coureuse termine la saison en tête du classement.",
    "Le défenseur tacle son adversaire à la dernière minute.",
]


@pytest.mark.parametrize("text, expect", INCISE_VERB)
def test_when_incise_verb_follows_a_quote_then_it_is_the_cue(nlp, text, expect):
    _found(_run(nlp, text), expect)


@pytest.mark.parametrize("text", NOT_INCISE)
def test_when_incise_verb_has_an_object_then_no_attribution(nlp, text):
    assert _run(nlp, text) == []


# -- an inverted subject that is a noun of nationality, which the tagger calls an adjective ----
NATIONALITY_SPEAKER = [
    # (the tagger calls `Italienne` an adjective here: the case the rule is for)
    ("« Tout le monde courait » , a raconté une Italienne qui attendait son train.",
     {"cue": "raconté", "speaker": "une Italienne", "content": "Tout le monde courait"}),
    ("« Tout le monde courait » , a raconté une Suédoise qui attendait son train.",
     {"cue": "raconté", "speaker": "une Suédoise", "content": "Tout le monde courait"}),
]

NO_SUBJECT_AFTER = [
    # a lower-case adjective and a time after the participle: no inverted subject
    "Le prévenu, déjà condamné plusieurs fois, a été relâché.",
]


@pytest.mark.parametrize("text, expect", NATIONALITY_SPEAKER)
def test_when_inverted_subject_is_a_capitalised_nationality_then_it_speaks(nlp, text, expect):
    _found(_run(nlp, text), expect)


@pytest.mark.parametrize("text", NO_SUBJECT_AFTER)
def test_when_only_a_time_follows_the_participle_then_no_speaker(nlp, text):
    assert _run(nlp, text) == []


# -- `selon` / `d'après` + a name whose first name the tagger calls a verb ----------------------
MISTAGGED_FIRST_NAME = [
    # (the tagger calls `Dietlind` a verb in this sentence: the case the rule is for)
    ("D'après Dietlind Boudoin, procureure de Valence, le suspect avait prémédité son geste.",
     {"cue": "D'après", "kind": "according_to", "content": "le suspect avait prémédité son geste"}),
    ("Selon Dietlind Boudoin, le suspect avait prémédité son geste.",
     {"cue": "Selon", "speaker": "Dietlind Boudoin", "content": "le suspect avait prémédité son geste"}),
]

NOT_A_NAME_AFTER_SELON = [
    # `selon` + a lower-case verb: no source
    "Les tarifs changent selon doublent les taxes.",
]


@pytest.mark.parametrize("text, expect", MISTAGGED_FIRST_NAME)
def test_when_first_name_is_tagged_a_verb_then_the_name_is_the_source(nlp, text, expect):
    _found(_run(nlp, text), expect)


@pytest.mark.parametrize("text", NOT_A_NAME_AFTER_SELON)
def test_when_selon_is_followed_by_no_name_then_no_source(nlp, text):
    assert _run(nlp, text) == []


# -- a trailing `selon X` / `d'après X` followed by the source's own `pour qui` relative ---------
SOURCE_WITH_PREPOSITION_RELATIVE = [
    ("Le barrage est le plus ancien du pays, d'après le ministère, pour qui sa rénovation est urgente.",
     {"cue": "d'après", "kind": "according_to", "content": "Le barrage est le plus ancien du pays"}),
    ("Le vaccin sera prêt en mars, selon le laboratoire, pour lequel les essais sont concluants.",
     {"cue": "selon", "content": "Le vaccin sera prêt en mars"}),
]


@pytest.mark.parametrize("text, expect", SOURCE_WITH_PREPOSITION_RELATIVE)
def test_when_source_has_a_preposition_relative_then_content_ends_before_selon(nlp, text, expect):
    _found(_run(nlp, text), expect)


RELATIVE_IN_CONTENT = [
    # a `pour qui` with no comma after the source belongs to the content
    ("Selon la mairie, les habitants pour qui la rue est fermée seront relogés.",
     {"cue": "Selon", "content": "les habitants pour qui la rue est fermée seront relogés"}),
]


@pytest.mark.parametrize("text, expect", RELATIVE_IN_CONTENT)
def test_when_preposition_relative_is_inside_the_content_then_it_stays(nlp, text, expect):
    _found(_run(nlp, text), expect)


# -- a quote inside a quote, right after a verb of saying of the outer quote ----------------------
NESTED_QUOTE = [
    ("« Il a couru vers la foule en criant « Au feu ! » , puis il est tombé » , a raconté un témoin.",
     {"cue": "criant", "kind": "direct", "speaker": "Il", "content": "Au feu !"}),
    ("« Les passagers hurlaient \"sortez, sortez\". Ensuite tout le monde s'est couché » , a raconté une voisine.",
     {"cue": "hurlaient", "kind": "direct", "speaker": "Les passagers", "content": "sortez, sortez"}),
]

NOT_NESTED_SPEECH = [
    # a quoted name inside a quote, after no verb of saying
    "« Nous avons visité le musée « Orsay » avec les enfants » , a raconté un témoin.",
    # a negated verb of saying
    "« Il n'a jamais crié « Au feu ! » devant nous » , a raconté un témoin.",
]


@pytest.mark.parametrize("text, expect", NESTED_QUOTE)
def test_when_quote_inside_a_quote_follows_a_verb_of_saying_then_it_is_direct(nlp, text, expect):
    _found(_run(nlp, text), expect)


@pytest.mark.parametrize("text", NOT_NESTED_SPEECH)
def test_when_inner_quote_follows_no_saying_then_only_the_outer_quote(nlp, text):
    assert [a["rule"] for a in _run(nlp, text) if a["rule"].startswith("nested")] == []


# -- an inverted subject that is a surname with its particle (`de la Morlais`, `de Villepin`) ------
PARTICLE_SURNAME = [
    ("« Elle n'a rien vu venir » , ajoute encore de la Fontaine.",
     {"cue": "ajoute", "speaker": "de la Fontaine", "content": "Elle n'a rien vu venir"}),
    ("« Nous partirons demain » , a déclaré de Villeneuve.",
     {"cue": "déclaré", "speaker": "de Villeneuve", "content": "Nous partirons demain"}),
]

NO_PARTICLE_SURNAME = [
    # `de` + a place, then the subject: the place is no speaker
    "« Nous partirons demain » , a téléphoné de Paris le ministre.",
]


@pytest.mark.parametrize("text, expect", PARTICLE_SURNAME)
def test_when_inverted_subject_is_a_surname_with_particle_then_it_speaks(nlp, text, expect):
    _found(_run(nlp, text), expect)


@pytest.mark.parametrize("text", NO_PARTICLE_SURNAME)
def test_when_de_place_precedes_the_subject_then_the_place_does_not_speak(nlp, text):
    assert not [a for a in _run(nlp, text) if (a["speaker"] or "").startswith("de ")]


# -- a source described by its kind, then its title opening on a capitalised article -------------
TITLE_AFTER_NOUN = [
    ("Selon le quotidien Le Courrier, la direction prépare un plan social.",
     {"cue": "Selon", "speaker": "le quotidien Le Courrier", "content": "la direction prépare un plan social"}),
    ("La direction prépare un plan social, d'après l'hebdomadaire L'Observateur.",
     {"cue": "d'après", "speaker": "l'hebdomadaire L'Observateur", "content": "La direction prépare un plan social"}),
]

NO_TITLE_AFTER_NOUN = [
    # a lower-case article after the noun opens no title: the source ends with its noun phrase
    ("Selon le quotidien régional, le plan social sera annoncé demain.",
     {"cue": "Selon", "speaker": "le quotidien régional", "content": "le plan social sera annoncé demain"}),
]


@pytest.mark.parametrize("text, expect", TITLE_AFTER_NOUN + NO_TITLE_AFTER_NOUN)
def test_when_a_title_follows_the_source_noun_then_it_is_part_of_the_source(nlp, text, expect):
    _found(_run(nlp, text), expect)


# -- a finite cue after `et` + a noun phrase: its own subject, not the first verb's ---------------
COORDINATED_OWN_SUBJECT = [
    ("Des riverains évoquent de nombreux dégâts et la mairie demande aux habitants de rester chez eux.",
     {"cue": "demande", "speaker": "la mairie", "content": "rester chez eux"}),
]

SHARED_SUBJECT = [
    # `et` + the verb alone: the first verb's subject speaks
    ("Le maire a visité le quartier et a demandé aux habitants de rester chez eux.",
     {"cue": "demandé", "speaker": "Le maire", "content": "rester chez eux"}),
]


@pytest.mark.parametrize("text, expect", COORDINATED_OWN_SUBJECT + SHARED_SUBJECT)
def test_when_cue_follows_et_then_its_own_subject_speaks_if_it_has_one(nlp, text, expect):
    _found(_run(nlp, text), expect)


# -- `faire savoir` whose `fait` the tagger calls a noun after an incise -------------------------
LIGHT_VERB_AFTER_INCISE = [
    ("Le club, qui a perdu dimanche, fait savoir que l'entraîneur restera.",
     {"cue": "fait savoir", "speaker": "Le club", "content": "l'entraîneur restera"}),
]

NOUN_FAIT = [
    # `le fait` is a noun: no cue
    "Le fait savoir que la loi change ne suffit pas.",
]


@pytest.mark.parametrize("text, expect", LIGHT_VERB_AFTER_INCISE)
def test_when_fait_is_tagged_a_noun_after_an_incise_then_faire_savoir_is_the_cue(nlp, text, expect):
    _found(_run(nlp, text), expect)


@pytest.mark.parametrize("text", NOUN_FAIT)
def test_when_fait_follows_a_determiner_then_no_cue(nlp, text):
    assert _run(nlp, text) == []


# -- a present tense written as its past participle (`écrit`, `dit`), read as one by the tagger;
# -- `on` for a source named by where it speaks from (`assure-t-on à Matignon`) ----------------
SPEAKER_THE_TAGS_HIDE = [
    ("L'hebdomadaire écrit dans son édition de jeudi que le ministre va démissionner.",
     {"cue": "écrit", "kind": "indirect", "speaker": "L'hebdomadaire",
      "content": "le ministre va démissionner"}),
    ("La Gazette d'Ostrava écrit de son côté que les syndicats sont divisés.",
     {"cue": "écrit", "kind": "indirect", "speaker": "La Gazette d'Ostrava",
      "content": "les syndicats sont divisés"}),
    ("« Rien n'est arrêté », assure-t-on au Quai d'Ostrava.",
     {"cue": "assure", "kind": "direct", "speaker": "Quai d'Ostrava", "content": "Rien n'est arrêté"}),
    ("Dans l'entourage du ministre, on indique que la réunion aura lieu.",
     {"cue": "indique", "kind": "indirect", "speaker": "l'entourage du ministre",
      "content": "la réunion aura lieu"}),
    ("De source syndicale, on affirme que la réunion sera reportée.",
     {"cue": "affirme", "kind": "indirect", "speaker": "source syndicale", "content": "la réunion sera reportée"}),
    ("Chez Vellaria Motors, on estime que le plan est viable.",
     {"cue": "estime", "kind": "indirect", "speaker": "Vellaria Motors", "content": "le plan est viable"}),
    # wire copy: `apprendre` with `on` and whom one asked, a day between
    ("Un homme de 74 ans a été blessé lundi à Ostrava, a-t-on appris mardi auprès de la police.",
     {"cue": "appris", "kind": "indirect", "speaker": "la police",
      "content": "Un homme de 74 ans a été blessé lundi à Ostrava"}),
    ("Trois suspects ont été interpellés, a-t-on appris de source judiciaire.",
     {"cue": "appris", "kind": "indirect", "speaker": "source judiciaire",
      "content": "Trois suspects ont été interpellés"}),
    ("On a appris hier auprès du parquet que le maire démissionnait.",
     {"cue": "appris", "kind": "indirect", "speaker": "parquet", "content": "le maire démissionnait"}),
]

NOBODY_SPEAKS = [
    # the participle of a document written by someone: `écrit` says nothing
    "Le rapport écrit par les inspecteurs en 2010 qu'a lu le juge a disparu.",
    # a circumstance, a place where people live, an estimate: the generic `on`, nobody's speech
    "Dans ce cas, on estime que le plan est viable.",
    "Dans la région, on affirme que le loup est revenu.",
    "On estime à 300 le nombre de morts.",
    # `apprendre` with no `on` and source: learning, no one's speech (nor in a quote)
    "Il a appris que son fils était malade.",
    "On apprend par ailleurs que le directeur a démissionné.",
    "Il a appris la nouvelle auprès de sa mère.",
]


@pytest.mark.parametrize("text, expect", SPEAKER_THE_TAGS_HIDE)
def test_when_the_tags_hide_a_finite_cue_or_a_source_then_the_attribution_is_found(nlp, text, expect):
    _found(_run(nlp, text), expect)


@pytest.mark.parametrize("text", NOBODY_SPEAKS)
def test_when_a_participle_or_a_generic_on_says_nothing_then_no_attribution(nlp, text):
    assert _run(nlp, text) == []


def test_when_apprendre_is_inside_a_quote_then_only_the_quote_is_reported(nlp):
    rows = _run(nlp, "« Merci pour tout ce que j'ai appris avec toi et que nous avons vécu », a écrit Paul Vanek.")
    assert [r["cue"] for r in rows] == ["écrit"]


# -- an interview printed in turns -------------------------------------------------------------------
INTERVIEW = (
    "Entretien : « L'Europe doit se réveiller », selon la commissaire Lena Vasquez\n\n"
    "BRUXELLES, 12 mars 2018 - La commissaire européenne à la Concurrence, Lena Vasquez, a accordé un "
    "entretien à plusieurs journaux européens. Extraits.\n\n"
    "Question : Google a été condamné à une amende de 2,4 milliards d'euros. Est-ce suffisant ?\n\n"
    "Lena Vasquez : Le montant n'est pas l'essentiel. Ce qui compte, c'est que le comportement change. "
    "Nous suivrons de très près la mise en œuvre de notre décision.\n\n"
    "Question : Les États-Unis vous accusent de cibler les entreprises américaines.\n\n"
    "Lena Vasquez : Ce n'est pas vrai. Nous appliquons les mêmes règles à tout le monde, qu'il s'agisse "
    "d'une entreprise européenne, chinoise ou américaine.\n")


def test_when_an_interview_is_printed_in_turns_then_each_answer_is_its_speakers_words(nlp):
    rows = [r for r in _run(nlp, INTERVIEW) if r["kind"] == "direct"]
    assert [(r["speaker"], r["content"]) for r in rows] == [
        ("Lena Vasquez", "Le montant n'est pas l'essentiel. Ce qui compte, c'est que le comportement change. "
                         "Nous suivrons de très près la mise en œuvre de notre décision."),
        ("Lena Vasquez", "Ce n'est pas vrai. Nous appliquons les mêmes règles à tout le monde, qu'il s'agisse "
                         "d'une entreprise européenne, chinoise ou américaine.")]


def test_when_a_turn_is_labelled_question_then_the_label_speaks_for_no_one(nlp):
    assert not [r for r in _run(nlp, INTERVIEW) if r["speaker"] == "Question"]


@pytest.mark.parametrize("text", [
    # a line of results, a name in a sentence before a colon: no turn
    "Résultats du premier tour\n\nLena Vasquez : 24,1 %\nPaul Vernet : 21,3 %\n",
    "Le rapport est clair.\nSelon Lena Vasquez : tout est prêt.\n",
])
def test_when_a_name_and_a_colon_open_no_answer_then_no_turn(nlp, text):
    assert not [r for r in _run(nlp, text) if r.get("rule", "").startswith("interview_turn")]
