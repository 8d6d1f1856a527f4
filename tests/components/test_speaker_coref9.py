"""Pronoun speakers on unseen news (issue 15, helper speakers9), one table per general cause
found reading `depeche run` on unseen winer-fr 2016-2017 articles; invented sentences, none
copied from a gold article:

- a line break starts a new sentence for coreference, even where the parser runs the two
  paragraphs into one: the name opening the new paragraph is nearer to the next `il` than the
  one closing the paragraph before (`…, confie Paul Roy.\\n\\nMarc Blanc, chercheur, …
  remarque-t-il`);
- a feminine antecedent outranks a nearer one of unknown gender only when it is itself near:
  `elle` five sentences after `la Maison-Blanche` takes up the organisation of its own sentence;
- how much a name is the subject the next pronoun goes on with, from the parse: the subject of the
  second of two coordinated `que` clauses is as subordinate as the first (`il a ajouté que … et
  que Léa Roy travaillait pour lui`); the agent of a participle qualifying a noun (`les buts
  encaissés par Paul Roy`) is no subject; a clitic between a name and its verb (`Paul Roy s'en
  est plaint`) does not hide that the name is the verb's subject;
- an organisation description ending its sentence (`…, fustige encore l'association.`) takes up
  the organisation named before even when a name opens the next paragraph (that name is no
  apposition of it); one followed by its own name (`l'association Sortir du nucléaire`) is that;
- a person description restricted by a complement (`le patron de l'usine recruteuse`) does not take
  up a person the text gives another role (`le président français Paul Roy`), however salient;
- a name ending the speaker phrase right after its role's complement is the role's holder (`le
  ministre de l'Intérieur Paul Roy`), not when the word before it is itself a person noun (`le
  conseiller du président Paul Roy`) or the complement has its own determiner (`un photographe de
  l'agence Vélia`);
- a speaker the recogniser missed (`Al-Nasri indique`) is the one person named before with that
  surname, none when two share it;
- a name that is only a noun's `de` complement (`la première investiture de Marc Blanc`) counts one
  sentence further than it stands: the subject before it stays the antecedent;
- a source opening a sentence (`Pour Roy, Blanc est victime …`) is what the sentence is about:
  the next `Il` takes it up, not the subject inside what it is cited for.
"""
from __future__ import annotations

import pytest

from tests.components.test_speaker_coref import _actors

FILLER = ("Le texte a été voté au printemps. Les recours ont été nombreux. Les audiences ont duré "
          "des semaines. ")

PARAGRAPH = [
    # (text, content, the speaker's actor name)
    ("« Le fossile est très ancien » , confie Paul Roy.\n\nMarc Blanc , chargé de recherche au CNRS, à "
     "Lyon, est plus réservé. « Ces fossiles sont mal conservés » , remarque-t-il.",
     "Ces fossiles sont mal conservés", "Marc Blanc"),
    ("En effet, le Sénat voulait déjà réécrire le texte.\n\nPaul Roy s'est exprimé depuis son bureau. Il "
     "a expliqué que la loi serait retirée.", "la loi serait retirée", "Paul Roy"),
    ("Ces cadeaux ont été faits à M. Roy par Marc Blanc , négociant en vins et « fournisseur de l’ Élysée , "
     "de Matignon et du Quai d’Orsay » .\n\nPour Roy, il s'agit d'une coïncidence et cela n'a rien à voir "
     "avec l’« affaire Vidal ». « C’est un vrai cadeau, par un vrai ami. » , précise-t-il.",
     "C’est un vrai cadeau, par un vrai ami.", "Roy"),
    # without a line break the name closing the sentence before stays the antecedent
    ("« Le fossile est très ancien » , confie Paul Roy. Les fossiles ont été trouvés en Chine. "
     "« Ils sont bien conservés » , remarque-t-il.", "Ils sont bien conservés", "Paul Roy"),
]


@pytest.mark.parametrize("text, content, actor", PARAGRAPH)
def test_when_a_paragraph_opens_with_a_name_then_the_next_pronoun_takes_it_up(nlp, text, content, actor):
    assert _actors(nlp, text, content) == [actor]


FEMININE = [
    # (text, content, the actor it must be, the actor it must not be)
    ("La Maison-Blanche a publié un décret. " + FILLER + "Le jugement est accueilli avec soulagement par "
     "l'Union des libertés civiles : « C'est une victoire pour le pays » a-t-elle déclaré.",
     "C'est une victoire pour le pays", "Union des libertés civiles", "Maison-Blanche"),
]


@pytest.mark.parametrize("text, content, actor, wrong", FEMININE)
def test_when_a_feminine_name_is_far_then_a_near_antecedent_comes_first(nlp, text, content, actor, wrong):
    actors = _actors(nlp, text, content)
    assert wrong not in actors and actor in actors, actors


def test_when_a_feminine_name_is_near_then_it_outranks_an_unknown_gender(nlp):
    text = ("La Commission européenne a ouvert une enquête sur Vélia. Paul Roy, le fondateur de Vélia, était "
            "à Bruxelles mardi. Elle a affirmé que les aides étaient illégales.")
    assert _actors(nlp, text, "les aides étaient illégales") == ["Commission européenne"]


SUBJECT = [
    # (text, content, the speaker's actor name)
    ("Paul Roy a contesté les accusations. Il a aussi ajouté que « ce travail est réel » et que Léa Roy "
     "travaillait pour lui « depuis toujours » .\n\nPour lui, « la vraie question est ailleurs » .",
     "la vraie question est ailleurs", "Paul Roy"),
    ("Paul Roy a contesté les accusations. Il a aussi ajouté que « ce travail est réel » et que Léa Roy "
     "travaillait pour lui « depuis toujours » . Il explique que « tout le monde le savait » .",
     "tout le monde le savait", "Paul Roy"),
    ("L'entraîneur lyonnais, Marc Blanc, juge que le résultat doit servir de leçon. « Nous avons mal joué » "
     "a-t-il expliqué. Interrogé sur les nombreux buts encaissés par Paul Roy, il explique que la défense "
     "n'était pas bonne.", "la défense n'était pas bonne", "Marc Blanc"),
    ("Le Sénat a rejeté le texte jeudi et Paul Roy s'en est plaint depuis son bureau. Il a expliqué que la "
     "loi serait retirée.", "la loi serait retirée", "Paul Roy"),
    # a subject of the same sentence stays the antecedent, whatever the participle before it
    ("Marc Blanc, l'entraîneur lyonnais, juge que le résultat doit servir de leçon. Interrogé sur le match, "
     "Paul Roy, qui a encaissé de nombreux buts, explique que la défense n'était pas bonne. Il ajoute que "
     "l'équipe doit progresser.", "l'équipe doit progresser", "Paul Roy"),
]


@pytest.mark.parametrize("text, content, actor", SUBJECT)
def test_when_the_parse_shows_the_main_subject_then_the_pronoun_takes_it_up(nlp, text, content, actor):
    assert _actors(nlp, text, content) == [actor]


GREENPEACE = ("Ainsi, selon Greenpeace , « il s’agit du troisième incendie en dix jours » . « Tout cela s'inscrit "
              "dans un contexte de dégradation grave des réacteurs » , fustige ")


@pytest.mark.parametrize("text, actor", [
    (GREENPEACE + "encore l'association.\n\nPaul Roy , candidat à la présidentielle , a affirmé que la centrale "
     "devait fermer.", "Greenpeace"),
    (GREENPEACE + "l'association Sortir du nucléaire.\n\nPaul Roy a affirmé que la centrale devait fermer.",
     "Sortir du nucléaire"),
])
def test_when_an_organisation_description_ends_its_sentence_then_it_takes_up_the_organisation(nlp, text, actor):
    assert _actors(nlp, text, "Tout cela s'inscrit dans un contexte de dégradation grave des réacteurs") == [actor]


VELIA = ("France : Roy s'en prend aux ouvriers de Vélia\n\n5 octobre 2017 . –\nLe président français Paul Roy "
         "s'en est pris aux ouvriers de Vélia de Tulle qui continuent de manifester pour défendre leur emploi. Il "
         "faisait ainsi référence aux postes ouverts dans l'usine d'une ville voisine. Toutefois, ")


@pytest.mark.parametrize("text, content, actor, right", [
    (VELIA + "le patron de l'usine recruteuse contacté a précisé que les ouvriers ne seraient pas embauchés.",
     "les ouvriers ne seraient pas embauchés", "Paul Roy", False),
    (VELIA + "le président de la République a précisé que les ouvriers ne seraient pas embauchés.",
     "les ouvriers ne seraient pas embauchés", "Paul Roy", True),
])
def test_when_a_person_has_another_role_then_a_description_does_not_take_him_up(nlp, text, content, actor, right):
    assert (actor in _actors(nlp, text, content)) is right


@pytest.mark.parametrize("text, content, actor, right", [
    ("Le suspect avait ouvert le feu sur des policiers, ce qu'a d'ailleurs confirmé le ministre de l'Intérieur "
     "Paul Roy.", "Le suspect avait ouvert le feu sur des policiers", "Paul Roy", True),
    ("Le porte-parole du gouvernement Paul Roy a affirmé que la réforme serait votée.",
     "la réforme serait votée", "Paul Roy", True),
    # an adjective before the role's noun (`le premier secrétaire`, `l'ancien candidat`)
    ("Le premier secrétaire du parti Paul Roy a affirmé que la réforme serait votée.",
     "la réforme serait votée", "Paul Roy", True),
    ("L'ancien candidat à la primaire de la droite Paul Roy a affirmé que la réforme serait votée.",
     "la réforme serait votée", "Paul Roy", True),
    ("Le conseiller du président Paul Roy a affirmé que la réforme serait votée.",
     "la réforme serait votée", "Paul Roy", False),
    ("Un photographe de l'agence Vélia affirme que le cargo venait de Syrie.",
     "le cargo venait de Syrie", "Vélia", False),
])
def test_when_a_name_ends_the_phrase_after_a_complement_then_it_holds_the_role(nlp, text, content, actor, right):
    assert (actor in _actors(nlp, text, content)) is right


NASRI = ("Le 28 juillet, lors d'une rare allocution télévisée, le chef du Front al-Fadl, Abou Karim al-Nasri , {} "
         "la rupture de ses liens avec Al-Qaida. Al-Nasri indique notamment que cette décision a été prise pour "
         "« protéger la révolution » .")


@pytest.mark.parametrize("text, actors", [
    (NASRI.format("annonce"), ["Abou Karim al-Nasri"]),
    (NASRI.format("et son frère Omar al-Nasri annoncent"), [""]),
])
def test_when_a_missed_name_is_a_surname_then_it_is_the_one_person_of_that_surname(nlp, text, actors):
    assert _actors(nlp, text, "cette décision a été prise pour « protéger la révolution »") == actors


PHOTOS = ("Sans apporter de preuves, Paul Roy a affirmé que « les photographes ont été orientés » . {}\n\nAffirmant "
          "qu'il n'existait pas de chiffres officiels, il a critiqué la comparaison faite par les médias.")


@pytest.mark.parametrize("text, actor", [
    (PHOTOS.format("Des photos aériennes montrent qu'une foule plus importante avait assisté à la première "
                   "investiture de Marc Blanc."), "Paul Roy"),
    (PHOTOS.format("Marc Blanc avait attiré une foule plus importante lors de sa première investiture."),
     "Marc Blanc"),
])
def test_when_a_name_is_a_nouns_complement_then_the_subject_before_it_comes_first(nlp, text, actor):
    assert _actors(nlp, text, "il n'existait pas de chiffres officiels") == [actor]


VICTIM = ("Paul Roy , le conseiller spécial de Marc Blanc, a tenu à nuancer la polémique. Sur la radio, il a pris la "
          "défense du candidat.\n\nPour {}, Blanc est victime « depuis un mois » d' « acharnement » de la part des "
          "médias. Il estime que le candidat a bien fait de dire « la vérité » .")


@pytest.mark.parametrize("text, actor", [
    (VICTIM.format("Roy"), "Paul Roy"),
    (VICTIM.format("la presse locale"), "Marc Blanc"),
])
def test_when_a_source_opens_the_sentence_then_the_next_pronoun_takes_it_up(nlp, text, actor):
    assert _actors(nlp, text, "le candidat a bien fait de dire « la vérité »") == [actor]


@pytest.mark.parametrize("text, name, genitive", [
    ("Il n'est pour rien dans la conclusion des contrats de M. Blanc avec la mairie.", "Blanc", True),
    ("Il n'est pour rien dans la conclusion des contrats de Marc Blanc avec la mairie.", "Marc Blanc", True),
    ("M. Blanc a signé les contrats avec la mairie.", "Blanc", False),
])
def test_when_a_name_or_its_title_is_a_nouns_complement_then_it_is_genitive(nlp, text, name, genitive):
    from pipeline.components.coref import _genitive
    doc = nlp(text)
    start = text.index(name)
    assert _genitive(doc.char_span(start, start + len(name))) is genitive


@pytest.mark.parametrize("text, content, actor", [
    # a description whose noun is hyphenated takes up the group it described first, not a person
    # named in between
    ("Un porte-parole du collectif Vélia a expliqué que l'exposition était inspirée par un conte de Paul Roy. "
     "Le porte-parole explique également que les statues seront retirées.", "les statues seront retirées",
     "group-porte-parole"),
    # one of a plural noun with an adjective before it: the name of its complement is not the speaker
    ("Selon l'un des principaux conseillers de Paul Roy, la réforme sera votée.",
     "la réforme sera votée", "group-principaux-conseillers"),
])
def test_when_a_description_is_hyphenated_or_partitive_then_its_speaker_is_the_group_or_the_name(
        nlp, text, content, actor):
    assert _actors(nlp, text, content) == [actor]


@pytest.mark.parametrize("text, content, actor", [
    # a plural pronoun takes up the plural subject of a main clause before it, else nobody: never
    # the one person who spoke last
    ("« Le texte passera », a déclaré Paul Roy. En revanche, quelques internautes ont exprimé que, pour eux, "
     "quelqu'un qui ne sait pas épargner ne peut pas gérer un pays.",
     "quelqu'un qui ne sait pas épargner ne peut pas gérer un pays", ["group-internautes"]),
    ("« Le texte passera », a conclu Paul Roy. Cet échec s'explique par la volonté des élus radicaux. "
     "Ils estiment que le texte est trop modéré.", "le texte est trop modéré", [""]),
    # persons named together: one attribution each
    ("Thierry et Marie Roy ont écrit au maire. « Nous avons peur », écrit le couple. "
     "Six jeunes ont été tués depuis, indiquent-ils.", "Six jeunes ont été tués depuis", ["Thierry Roy", "Marie Roy"]),
    # `ces derniers` (the latter) takes up the last plural noun, whatever its function, or the
    # persons named together
    ("Deux policiers sont morts cette nuit après des tirs sur leur véhicule, ont rapporté les enquêteurs. "
     "Ces derniers précisent aussi que les tireurs ont employé une arme automatique.",
     "les tireurs ont employé une arme automatique", ["group-enqueteurs"]),
    ("Les cortèges ont réuni entre 20 000 personnes selon la préfecture et 60 000 selon les organisateurs. "
     "Selon ces derniers, Lyon a été traversée par un cortège de 15 000 personnes.",
     "Lyon a été traversée par un cortège de 15 000 personnes", ["group-organisateurs"]),
    ("Thierry et Marie Roy ont écrit au maire. Ces derniers affirment que leur fils a été recruté dans le quartier.",
     "leur fils a été recruté dans le quartier", ["Thierry Roy", "Marie Roy"]),
])
def test_when_a_plural_pronoun_speaks_then_it_takes_up_a_plural_antecedent(nlp, text, content, actor):
    assert _actors(nlp, text, content) == actor


def test_when_a_description_follows_a_sentence_with_two_persons_then_it_takes_up_its_subject(nlp):
    # the subject of the sentence before is more salient than its object (not Marc Blanc)
    text = ("Le 17 février, Paul Roy est entré en contact avec Marc Blanc. Mais dès le 18 février, le candidat "
            "socialiste indique que les négociations ont échoué.")
    assert _actors(nlp, text, "les négociations ont échoué") == ["Paul Roy"]


FAR_STATE = ("Le Burundi a relevé son niveau d'alerte. Une gare a été évacuée hier soir. Les trains ont été "
             "arrêtés pendant deux heures. Les voyageurs ont attendu dehors. Les commerces ont fermé tôt. ")


@pytest.mark.parametrize("text, content, actor", [
    # `il` / `elle` with no named antecedent near: the person described as the subject before it,
    # not the actor the article names most (the coreference's last resort)
    (FAR_STATE + "L'homme portait une ceinture d'explosifs factice. Il aurait affirmé qu'il voulait mourir.",
     "il voulait mourir", ["group-homme"]),
    (FAR_STATE.replace("Le Burundi", "La Belgique") + "La veuve du photographe a cédé ses terres jeudi. "
     "Elle a déclaré que le parc serait ouvert à tous.",
     "le parc serait ouvert à tous", ["group-veuve"]),
    # none described as a subject: the unnamed group that spoke last, when its noun has the pronoun's gender
    (FAR_STATE + "« Nous avons trouvé des engins explosifs », déclare un officier de police. "
     "Il ajoute que des riverains ont été blessés.", "des riverains ont été blessés", ["group-officier"]),
    (FAR_STATE.replace("Le Burundi", "La Belgique") + "Le suspect a été arrêté, selon une source proche de "
     "l'enquête. Ses explications « n'avaient aucun sens », précise-t-elle.", "Ses explications « n'avaient aucun sens »",
     ["group-source-proche"]),
    # no person described, no group of its gender: the last resort stays
    (FAR_STATE + "Il aurait affirmé que la frontière resterait fermée.", "la frontière resterait fermée", ["Burundi"]),
    (FAR_STATE.replace("Le Burundi", "La Belgique") + "Le suspect a été arrêté, selon un témoin de la scène. "
     "Elle a ajouté que la frontière resterait fermée.", "la frontière resterait fermée", ["Belgique"]),
])
def test_when_a_pronoun_has_no_named_antecedent_near_then_a_described_person_before_it_speaks(
        nlp, text, content, actor):
    assert _actors(nlp, text, content) == actor
