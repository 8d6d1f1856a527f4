"""Dates: what the component finds in French sentences and what resolve() makes of it.

Sentences are written for these tests. Each row: sentence, article date, expected
(text, value, mod) in text order; an empty list means no date at all.
"""
from __future__ import annotations

import pytest
import spacy

from pipeline.components.dates import extract
from pipeline.timex import resolve


def _dates(nlp, text, article_date):
    doc = nlp(text)
    assert not doc._.depeche_errors
    return [(text[d["start"]:d["end"]], resolve(d, article_date), d["mod"]) for d in doc._.depeche_dates]


# -- with the parse (tense of the clause, years that count things) ---------------------------
PARSED = [
    # absolute and partial dates
    ("Le sommet s'est ouvert le 11 octobre à Bruxelles.", "2024-10", [("11 octobre", "2024-10-11", "")]),
    ("Le texte a été signé le 1er janvier 2016 à Paris.", "2024-10-20", [("1er janvier 2016", "2016-01-01", "")]),
    ("La réunion du 11/10/2024 a été reportée.", "2024-10-20", [("11/10/2024", "2024-10-11", "")]),
    ("Les prix ont grimpé en mars.", "2024-10-20", [("mars", "2024-03", "")]),
    ("Le pays est entré en récession en 2022.", "2024-10-20", [("2022", "2022", "")]),
    ("La guerre a éclaté début 2022 selon les historiens.", "2024-10", [("début 2022", "2022", "START")]),
    ("Les travaux reprendront fin octobre.", "2024-10-05", [("fin octobre", "2024-10", "END")]),
    ("Les troupes sont arrivées à la mi-décembre 2023.", "2024-10-05", [("mi-décembre 2023", "2023-12", "MID")]),
    ("Avant 2012, l'équipe perdait souvent.", "2016-08-08", [("Avant 2012", "2012", "BEFORE")]),
    ("Le déficit s'est creusé dans les années 1990.", "2024-10-20", [("années 1990", "199", "")]),
    ("Ce fut l'un des peintres majeurs du XIXe siècle.", "2024-10-20", [("XIXe siècle", "18", "")]),
    ("Les liens se sont renforcés depuis le printemps.", "2024-10", [("printemps", "2024-SP", "")]),
    ("La récolte de l'été 2014 fut maigre.", "2024-10-20", [("été 2014", "2014-SU", "")]),
    ("Le chiffre d'affaires du premier trimestre 2023 a baissé.", "2024-10-20", [("premier trimestre 2023", "2023-Q1", "")]),
    # a day number next to a full date takes its month
    ("Le festival a eu lieu du 3 au 9 juillet dernier.", "2024-10-20",
     [("3", "2024-07-03", ""), ("9 juillet dernier", "2024-07-09", "")]),
    # a part of the month the article is in, no month named; the century before the article's
    ("Au début du mois, l'agence avait suspendu ses vols.", "2017-03-29", [("début du mois", "2017-03", "START")]),
    ("Le chantier doit s'achever à la fin de ce mois.", "2024-10-05", [("fin de ce mois", "2024-10", "END")]),
    ("Depuis le début de l'année, douze attaques ont eu lieu.", "2017-03-16", [("début de l'année", "2017", "START")]),
    ("La fin de l'année scolaire approche.", "2017-03-16", []),
    ("Au début du mois dernier, il a quitté le gouvernement.", "2017-03-16", [("Au début du mois dernier", "2017-02", "START")]),
    ("La ville a beaucoup changé depuis le siècle dernier.", "2017-01-22", [("le siècle dernier", "19", "")]),
    ("C'est la pire crue de ce siècle.", "2024-10-20", [("ce siècle", "20", "")]),
    # a year written without its year: the clause's tense decides between last and this year
    ("Le ministre avait démissionné le 22 décembre.", "2025-01-10", [("22 décembre", "2024-12-22", "")]),
    ("Le vote aura lieu le 3 février.", "2024-12-20", [("3 février", "2025-02-03", "")]),
    # relative days, weeks, months, years
    ("Le président s'est exprimé hier soir à la télévision.", "2024-10-20", [("hier soir", "2024-10-19", "")]),
    ("Les négociations reprendront demain.", "2024-10-20", [("demain", "2024-10-21", "")]),
    ("L'Assemblée a adopté ce matin le texte.", "2024-10-20", [("ce matin", "2024-10-20", "")]),
    ("Le ministre a démissionné la semaine dernière.", "2024-10-16", [("la semaine dernière", "2024-W41", "")]),
    ("Les ventes ont reculé l'an dernier.", "2024-10-20", [("l'an dernier", "2023", "")]),
    ("Les ventes ont reculé l'année dernière.", "2024-10-20", [("l'année dernière", "2023", "")]),
    ("Le texte sera examiné le mois prochain.", "2024-10-20", [("le mois prochain", "2024-11", "")]),
    ("L'usine a fermé il y a trois jours.", "2024-10-20", [("il y a trois jours", "2024-10-17", "")]),
    ("Le texte a été voté le 3 mars et promulgué le lendemain.", "2024-03-20",
     [("3 mars", "2024-03-03", ""), ("le lendemain", "2024-03-04", "")]),
    ("La ministre a quitté son poste il y a environ deux ans.", "2024-10-20",
     [("il y a environ deux ans", "2022", "APPROX")]),
    ("Les comptes de la période 1998-2007 ont été publiés.", "2024-10-20", [("1998", "1998", ""), ("2007", "2007", "")]),
    # bare weekdays: the tense decides; the article's own day counts
    ("Il a fait ces annonces dimanche lors d'un meeting.", "2024-10-16", [("dimanche", "2024-10-13", "")]),
    ("Le scrutin se tiendra dimanche dans tout le pays.", "2024-10-16", [("dimanche", "2024-10-20", "")]),
    ("La décision sera rendue mercredi.", "2024-10-16", [("mercredi", "2024-10-16", "")]),
    ("Dès lundi, le malade a été transféré à Lyon.", "2024-10-16", [("lundi", "2024-10-14", "")]),
    ("Il est mort dans la nuit de mercredi à jeudi 10 octobre.", "2024-10-12",
     [("dans la nuit de mercredi à jeudi 10 octobre", "2024-10-09TNI", "")]),
    ("Trois jours après, les secours sont arrivés.", "2024-10-16", [("Trois jours après", "", "")]),
    ("L'enquête a été ouverte le 2 mars. La veille, 1er mars, il avait fui.", "2024-10-16",
     [("2 mars", "2024-03-02", ""), ("1er mars", "2024-03-01", "")]),
    ("Le syndicat a prolongé la grève jusqu'à mardi 22, jour de vote.", "2024-10-20", [("mardi 22", "2024-10-22", "")]),
    ("Un préavis a été déposé pour jeudi par les agents.", "2024-10-20", [("jeudi", "2024-10-24", "")]),
    # the reported past (conditionnel passé) is past; a modal's passive infinitive is what comes
    ("Le suspect aurait avoué jeudi devant les enquêteurs.", "2024-10-16", [("jeudi", "2024-10-10", "")]),
    ("Selon nos informations, la frontière pourrait être fermée dès vendredi.", "2024-10-16",
     [("vendredi", "2024-10-18", "")]),
    # news present: the nearest such day (2024-10-15 is a Tuesday, 2024-10-19 a Saturday)
    ("Le chancelier se rend jeudi à Varsovie.", "2024-10-15", [("jeudi", "2024-10-17", "")]),
    ("Le vieux sculpteur meurt vendredi dans son atelier.", "2024-10-19", [("vendredi", "2024-10-18", "")]),
    ("Le cortège est parti samedi matin de la place.", "2024-10-16", [("samedi matin", "2024-10-12", "")]),
    ("Il a été reçu lundi dernier à l'Élysée.", "2024-10-14", [("lundi dernier", "2024-10-07", "")]),
    ("Le conseil se réunira mercredi de la semaine prochaine.", "2024-10-16",
     [("mercredi de la semaine prochaine", "2024-10-23", "")]),
    # unresolvable without a day-precise article date, or without any article date
    ("Il a fait ces annonces dimanche lors d'un meeting.", "2024-10", [("dimanche", "", "")]),
    ("Les négociations reprendront demain.", "", [("demain", "", "")]),
    # not dates
    ("Il a dirigé le pays pendant trois ans.", "2024-10-20", []),
    ("La séance a repris à 14h30.", "2024-10-20", []),
    ("Un homme de 29 ans a été interpellé.", "2024-10-20", []),
    ("Les témoins peuvent appeler le 17.", "2024-10-20", []),
    ("Plus de 2000 manifestants ont défilé dans la ville.", "2024-10-20", []),
    ("La chaîne Fox 2000 diffuse le film.", "2024-10-20", []),
    ("La sonde s'est posée sur Mars après sept mois de voyage.", "2024-10-20", []),
    ("Le Journal du Dimanche publie un sondage.", "2024-10-20", []),
    ("La France d'aujourd'hui ne ressemble plus à celle de ses parents.", "2024-10-20", []),
    ("Il a été élu au premier tour avec 52 % des voix.", "2024-10-20", []),
    # the start, middle or end of this week, of the next or the last (2024-10-16 is in week 42)
    ("Le référendum a eu lieu en début de semaine.", "2024-10-16", [("début de semaine", "2024-W42", "START")]),
    ("Le sommet se tiendra en début de semaine prochaine.", "2024-10-16",
     [("début de semaine prochaine", "2024-W43", "START")]),
    ("En milieu de semaine dernière, vingt militants ont été arrêtés.", "2024-10-16",
     [("milieu de semaine dernière", "2024-W41", "MID")]),
    # a month named after `du mois` is the month pattern's (and no part of the article's month)
    ("Il reviendra au début du mois de mars.", "2024-10-20", [("au début du mois de mars", "2025-03", "START")]),
    ("Le siècle des Lumières a vu naître l'Encyclopédie.", "2024-10-20", []),
    # a season after `d'` qualifies a noun: a kind of thing, no time
    ("Les survivants portaient des vêtements d'hiver.", "2024-10-20", []),
    ("Il a décroché un boulot d'été à la mairie.", "2024-10-20", []),
    # a month after an event qualified as to come is the next one, whatever the verb's tense
    ("Il est peu probable qu'un accord intervienne avant les prochaines élections de mai.", "2016-09-21",
     [("mai", "2017-05", "")]),
]


@pytest.mark.parametrize("text,article_date,expected", PARSED)
def test_when_sentence_parsed_then_dates_found_and_resolved(nlp, text, article_date, expected):
    assert _dates(nlp, text, article_date) == expected


# -- rules alone (no parse needed) -------------------------------------------------------------
BLANK = [
    ("Il est arrivé le 8 mai 1945 à Reims.", [("8 mai 1945", "1945-05-08")]),
    ("Le 2024-10-11, la réunion a eu lieu.", [("2024-10-11", "2024-10-11")]),
    ("Le décret du 05/03/1999 reste en vigueur.", [("05/03/1999", "1999-03-05")]),
    ("Les années 70 ont vu naître le mouvement.", [("années 70", "197")]),
    ("La crise a commencé en 2008 et a duré de 2008 à 2012.", [("2008", "2008"), ("2008", "2008"), ("2012", "2012")]),
    ("Il a été réélu.\nmercredi\n\n22 avril 2017", [("mercredi", ""), ("22 avril 2017", "2017-04-22")]),
    ("Le rapport publié le 17/02 a fuité.", [("17/02", "")]),
    # a range's opening day takes the year of the day that closes it (the year before across January)
    ("Le Mondial se tiendra du 21 novembre au 18 décembre 2022.", [("21 novembre", "2022-11-21"),
                                                                    ("18 décembre 2022", "2022-12-18")]),
    ("La trêve court entre le 30 décembre et le 2 janvier 2023.", [("30 décembre", "2022-12-30"),
                                                                   ("2 janvier 2023", "2023-01-02")]),
    # two digits after a comma open the next clause, no year (`65 % des dirigeants`)
    ("Le sondage réalisé du 6 au 12 décembre, 65 % des dirigeants approuvent.", [("6", ""), ("12 décembre", "")]),
    ("La note du 17/02/2015 a fuité.", [("17/02/2015", "2015-02-17")]),
    ("Les deux tiers, soit 2/3 des votants, ont dit oui.", []),
    ("Le bilan fait état de 6,107,31 morts.", []),
    ("Il a parcouru 1,5 kilomètre en sept minutes.", []),
]


@pytest.mark.parametrize("text,expected", BLANK)
def test_when_rules_run_without_parse_then_spans_and_fixed_values(text, expected):
    doc = spacy.blank("fr")(text)
    got = [(text[d["start"]:d["end"]], resolve(d, "")) for d in extract(doc)]
    assert got == expected


def test_when_items_extracted_then_they_are_plain_msgpack_data():
    import srsly
    nlp = spacy.blank("fr")   # the component's own work: no parse needed to write the items
    nlp.add_pipe("depeche_dates")
    doc = nlp("Le 11 octobre, puis dimanche et la semaine dernière, il y a trois jours.")
    items = doc._.depeche_dates
    assert items and srsly.msgpack_loads(srsly.msgpack_dumps(items)) == items
    assert all(set(it) == {"start", "end", "value", "expr", "mod", "granularity", "rule"} for it in items)


# -- resolve() alone ------------------------------------------------------------------------------
RESOLVE = [
    # item fields, article date, expected value
    ({"value": "2022"}, "2024-10-11", "2022"),
    # the next season not begun, the last one over, from the article's month
    ({"expr": {"k": "season", "s": "FA", "n": 1}}, "2017-02-10", "2017-FA"),
    ({"expr": {"k": "season", "s": "FA", "n": 1}}, "2017-10-10", "2018-FA"),
    ({"expr": {"k": "season", "s": "SU", "n": -1}}, "2017-07-10", "2016-SU"),
    ({"expr": {"k": "season", "s": "SU", "n": -1}}, "2017-10-10", "2017-SU"),
    ({"expr": {"k": "date", "m": 10, "d": 11, "dir": None}}, "2024-10", "2024-10-11"),
    ({"expr": {"k": "date", "m": 12, "d": 22, "dir": "past"}}, "2025-01-10", "2024-12-22"),
    ({"expr": {"k": "date", "m": 2, "d": 3, "dir": "future"}}, "2024-12-20", "2025-02-03"),
    ({"expr": {"k": "date", "m": 12, "d": 6, "dir": None}}, "2017-01-22", "2016-12-06"),
    ({"expr": {"k": "date", "m": 12, "d": 6, "dir": "past", "strict": True}}, "2017-12-10", "2017-12-06"),
    ({"expr": {"k": "date", "m": 10, "d": 11, "dir": None}}, "", ""),
    ({"expr": {"k": "month", "m": 5, "dir": None}}, "2017-01-31", "2017-05"),
    ({"expr": {"k": "month", "m": 11, "dir": "past", "strict": True}}, "2017-01-22", "2016-11"),
    ({"expr": {"k": "season", "s": "SP", "n": 0}}, "2024-10", "2024-SP"),
    ({"expr": {"k": "season", "s": "WI", "n": -1}}, "2024-10", "2023-WI"),
    ({"expr": {"k": "rel", "unit": "day", "n": -1}}, "2024-10-20", "2024-10-19"),
    ({"expr": {"k": "rel", "unit": "day", "n": -1}}, "2024-10", ""),
    ({"expr": {"k": "rel", "unit": "day", "n": 0, "tod": "MO"}}, "2016-10-17", "2016-10-17TMO"),
    ({"expr": {"k": "rel", "unit": "week", "n": -1}}, "2024-10-16", "2024-W41"),
    ({"expr": {"k": "rel", "unit": "week", "n": 1}}, "2017-01-22", "2017-W04"),
    ({"expr": {"k": "rel", "unit": "weekend", "n": 0}}, "2016-11-07", "2016-W45-WE"),
    ({"expr": {"k": "rel", "unit": "month", "n": -1}}, "2024-01-15", "2023-12"),
    ({"expr": {"k": "rel", "unit": "month", "n": 1}}, "2024-10", "2024-11"),
    ({"expr": {"k": "rel", "unit": "year", "n": -1}}, "2024", "2023"),
    ({"expr": {"k": "rel", "unit": "day", "n": -3, "by": "week"}}, "2013-02-12", "2013-01-22"),
    ({"expr": {"k": "rel", "unit": "day", "n": -3, "by": "month"}}, "2013-02-12", "2012-11-12"),
    # weekdays: 2024-10-16 is a Wednesday
    ({"expr": {"k": "weekday", "wd": 6, "dir": "past"}}, "2024-10-16", "2024-10-13"),
    ({"expr": {"k": "weekday", "wd": 6, "dir": "future"}}, "2024-10-16", "2024-10-20"),
    ({"expr": {"k": "weekday", "wd": 2, "dir": "past"}}, "2024-10-16", "2024-10-16"),
    ({"expr": {"k": "weekday", "wd": 2, "dir": "future", "strict": True}}, "2024-10-16", "2024-10-23"),
    ({"expr": {"k": "weekday", "wd": 2, "dir": "past", "strict": True}}, "2024-10-16", "2024-10-09"),
    ({"expr": {"k": "weekday", "wd": 0, "dir": None}}, "2024-10-16", "2024-10-14"),
    ({"expr": {"k": "weekday", "wd": 4, "week": 1, "dir": None}}, "2016-11-07", "2016-11-18"),
    ({"expr": {"k": "weekday", "wd": 6, "dir": None}}, "2024-10", ""),
    ({"expr": {"k": "weekday", "wd": 0, "dir": "future", "plus": 7}}, "2013-02-12", "2013-02-25"),
    ({"expr": {"k": "dom", "d": 17, "dir": None}}, "2017-02-08", "2017-01-17"),
    ({"expr": {"k": "dom", "d": 2, "dir": "future"}}, "2013-02-12", "2013-03-02"),
    ({"expr": {"k": "shift", "n": 1, "base": {"value": "2016-12-22", "expr": None}}}, "2017-01-28", "2016-12-23"),
    ({"expr": {"k": "quarter", "q": 2, "dir": None}}, "2024-10-20", "2024-Q2"),
    ({"expr": None, "value": ""}, "2024-10-20", ""),
]


@pytest.mark.parametrize("item,article_date,expected", RESOLVE)
def test_when_resolved_against_article_date_then_timex_value(item, article_date, expected):
    assert resolve(item, article_date) == expected


def test_when_suite_reads_forwards_then_undated_day_is_the_next_one():
    item = {"expr": {"k": "date", "m": 1, "d": 1, "dir": None}}
    assert resolve(item, "2013-02-12") == "2013-01-01"
    assert resolve({"expr": {"k": "weekday", "wd": 0, "dir": None}}, "2013-02-12",
                   default_direction="future") == "2013-02-18"


@pytest.mark.slow
def test_when_piped_in_two_processes_then_items_cross_intact(nlp):
    texts = ["Le scrutin se tiendra dimanche.", "Il a démissionné le 22 décembre.", "La crise de 2008 a duré."]
    one = [doc._.depeche_dates for doc in nlp.pipe(texts)]
    two = [doc._.depeche_dates for doc in nlp.pipe(texts, n_process=2, batch_size=1)]
    assert two == one and all(two)


@pytest.mark.parametrize("text, dateline", [
    ("PARIS, 27 septembre 2017 (AFP) - Le gouvernement a présenté mercredi son budget.", "27 septembre 2017"),
    ("Titre\n\n2 avril 2017 . –\nLa ville a été frappée dans la nuit.", "2 avril 2017"),
    ("Titre\n\nBAMAKO, 4 mars 2019 - Le président a limogé mardi son Premier ministre.", "4 mars 2019"),
    ("Titre\n\nPASADENA (États-Unis), 15 septembre 2017 - La sonde a plongé vendredi.", "15 septembre 2017"),
    ("Titre\n\nSaint-Denis de la Réunion, lundi 4 mars 2019. – La houle a emporté la digue.", "lundi 4 mars 2019"),
    ("Titre\n\n1er janvier 2016, 14h30 . –\nUn homme a foncé sur des militaires.", "1er janvier 2016"),
    # a full date in a sentence, a date with no day, a dateline far into the text: none
    ("Titre\n\nLe traité signé le 8 mai 1945 à Reims reste en vigueur.", None),
    ("Titre\n\nLe président, élu le 7 mai 2017, a parlé.", None),
    ("PARIS, mars 2017 (AFP) - Le gouvernement a présenté son budget.", None),
    ("Titre\n\n" + "Un long chapeau. " * 30 + "\nPARIS, 3 mars 2017 - La suite.", None),
])
def test_when_a_full_date_opens_the_dispatch_then_it_is_the_dateline(text, dateline):
    items = extract(spacy.blank("fr")(text))
    found = [text[d["start"]:d["end"]] for d in items if d.get("dateline")]
    assert found == ([dateline] if dateline else [])


def test_when_dateline_has_no_year_then_it_dates_nothing_but_ends_before_the_text():
    text = "PARIS, 3 mars (AFP) - Le gouvernement a présenté son budget."
    (d,) = [d for d in extract(spacy.blank("fr")(text)) if "dateline_end" in d]
    assert not d["dateline"] and text[d["dateline_end"]:].startswith("Le gouvernement")
