"""Quantities: numerals, qualifiers, ranges, units, items, exclusions (sentences written for these tests)."""
from __future__ import annotations

import pytest
import spacy

from pipeline.components.numbers import find_numerals, parse_numeral
from pipeline.components.quantities import QuantitiesComponent
from pipeline.nlp import default_model_dir
from pipeline.rules import read_rules
from pipeline.rules.units import Unit

RULES = default_model_dir() / "depeche_quantities"


def quantities(nlp, text):
    return nlp(text)._.depeche_quantities


def find(qs, text, surface):
    """The quantity whose span contains `surface`."""
    i = text.index(surface)
    j = i + len(surface)
    out = [q for q in qs if q["start"] <= i and j <= q["end"]]
    return out[0] if out else None


# -- the pure numeral parser -------------------------------------------------------------------
@pytest.mark.parametrize("text, value", [
    ("16 000", 16000), ("16\u00a0000", 16000), ("16\u202f000", 16000), ("1.000", 1000),
    ("2 547 312", 2547312), ("1,5", 1.5), ("-4,25", -4.25), ("12.500,75", 12500.75),
    ("3,5 millions", 3_500_000), ("2 milliards", 2e9), ("10 mille", 10000),
    ("vingt et un", 21), ("quatre-vingt-dix-sept", 97), ("deux cent trois mille", 203000),
    ("trois millions", 3e6), ("deux tiers", 2 / 3), ("un quart", 0.25), ("trois quarts", 0.75),
    ("la moitié", 0.5), ("un million et demi", 1.5e6), ("quatre millions et demi", 4.5e6),
    ("un demi-million", 5e5), ("une douzaine", 12), ("deux douzaines", 24), ("moins 12", -12),
])
def test_when_numeral_then_parser_reads_its_value(text, value):
    assert parse_numeral(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["conteneurs", "un et deux et trois", "G7", "", "la fin"])
def test_when_not_one_numeral_then_parser_gives_none(text):
    assert parse_numeral(text) is None


def test_when_separators_vary_then_numerals_split_at_the_right_places():
    text = "Sur 1 234 567 électeurs, 2016 1 200 votants et 423 0000."
    got = [(text[n.start:n.end], n.value) for n in find_numerals(text)]
    assert ("1 234 567", 1234567) in got
    assert ("2016", 2016) in got and ("1 200", 1200) in got
    assert ("423", 423) in got


# -- quantities on sentences ---------------------------------------------------------------------
@pytest.mark.parametrize("text, surface, value, qualifier, unit, item", [
    # a plural the tagger reads as the number's adjective is what it counts
    ("Le prix a augmenté de 63,42 points en un an.", "63,42 points", 63.42, "exact", "", "point"),
    # qualifiers
    ("Le port a reçu plus de 12 000 caisses de matériel en un mois.", "plus de 12 000 caisses", 12000, "min", "", "caisse"),
    ("Au moins 7 randonneurs ont été secourus dans la nuit.", "Au moins 7 randonneurs", 7, "min", "", "randonneur"),
    ("Pas moins de 40 navires attendaient au large.", "Pas moins de 40 navires", 40, "min", "", "navire"),
    ("La ville compte moins de 900 habitants l'hiver.", "moins de 900 habitants", 900, "max", "", "habitant"),
    ("Les prévenus risquent jusqu'à 5 ans de prison.", "jusqu'à 5 ans", 5, "max", "", "an"),
    ("Près de 300 familles ont été relogées.", "Près de 300 familles", 300, "approx", "", "famille"),
    ("Environ 45 tracteurs bloquaient la route.", "Environ 45 tracteurs", 45, "approx", "", "tracteur"),
    ("Quelque 2 500 bénévoles se sont inscrits.", "Quelque 2 500 bénévoles", 2500, "approx", "", "bénévole"),
    ("Quatre pêcheurs au moins sont portés disparus.", "Quatre pêcheurs au moins", 4, "min", "", "pêcheur"),
    ("La grève a duré un peu plus de 20 jours.", "un peu plus de 20 jours", 20, "min", "", "jour"),
    # vague amounts
    ("Une dizaine de manifestants ont été interpellés.", "Une dizaine de manifestants", 10, "approx", "", "manifestant"),
    ("Une vingtaine de villages sont privés d'eau.", "Une vingtaine de villages", 20, "approx", "", "village"),
    ("Des centaines de colis sont restés bloqués.", "Des centaines de colis", 200, "min", "", "colis"),
    ("Des dizaines de milliers de spectateurs sont attendus.", "Des dizaines de milliers", 20000, "min", "", "spectateur"),
    ("Le plan coûtera plusieurs centaines de milliards d'euros.", "plusieurs centaines de milliards", 2e11, "min", "EUR", ""),
    ("Un millier de salariés ont défilé.", "Un millier de salariés", 1000, "approx", "", "salarié"),
    # a duration of one: `un` / `une` before an, mois, semaine counts as `deux ans` does
    ("Le banquier a été condamné à un an de prison avec sursis.", "un an", 1, "exact", "", "an"),
    ("Il est en arrêt maladie depuis un mois et demi.", "un mois et demi", 1.5, "exact", "", "mois"),
    ("Ils avaient loué une voiture pour une semaine.", "une semaine", 1, "exact", "", "semaine"),
    # un / une coordinated right next to a counted noun counts one as its neighbour counts its own
    ("La police a retrouvé trois corps, deux femmes et un homme.", "un homme", 1, "exact", "", "homme"),
    ("On dénombre un mort et cinq blessés après la collision.", "un mort", 1, "exact", "", "mort"),
    ("Un homme et deux femmes ont été blessés.", "Un homme", 1, "exact", "", "homme"),
    # the same after a definite or demonstrative determiner
    ("Les dizaines de milliers de foyers privés de courant attendent.", "Les dizaines de milliers", 20000, "min", "", "foyer"),
    ("Ces centaines de réfugiés dorment dehors.", "Ces centaines de réfugiés", 200, "min", "", "réfugié"),
    # a vague amount of a unit, and of a multiplier
    ("L'incendie a parcouru une centaine de kilomètres.", "une centaine de kilomètres", 100, "approx", "km", ""),
    ("Une cinquantaine de tonnes de déchets ont été retirées.", "Une cinquantaine de tonnes", 50, "approx", "t", "déchet"),
    ("Le chantier a coûté une dizaine de millions d'euros.", "une dizaine de millions d'euros", 1e7, "approx", "EUR", ""),
    ("Une centaine de l'équipe a voté la grève.", "Une centaine de l'équipe", 100, "approx", "", "équipe"),
    ("La réunion a été reportée de plusieurs semaines.", "plusieurs semaines", 2, "min", "", "semaine"),
    ("Il est reparti quelques jours plus tard.", "quelques jours", 2, "approx", "", "jour"),
    # fractions
    ("Les deux tiers des adhérents ont voté le texte.", "deux tiers des adhérents", 2 / 3, "exact", "", "adhérent"),
    ("Plus de la moitié des communes sont concernées.", "Plus de la moitié des communes", 0.5, "min", "", "commune"),
    # words, multipliers, money, percent, measures
    ("Trois gendarmes ont été blessés.", "Trois gendarmes", 3, "exact", "", "gendarme"),
    ("La région a débloqué 3,5 millions d'euros pour les écoles.", "3,5 millions d'euros", 3.5e6, "exact", "EUR", ""),
    ("Le club a été racheté pour 120 millions de dollars.", "120 millions de dollars", 1.2e8, "exact", "USD", ""),
    ("L'amende s'élève à 15 000 roubles.", "15 000 roubles", 15000, "exact", "RUB", ""),
    ("Le contrat vaut 2 milliards de yuans.", "2 milliards de yuans", 2e9, "exact", "CNY", ""),
    ("Il a reçu 80 000 francs suisses.", "80 000 francs suisses", 80000, "exact", "CHF", ""),
    ("Le billet coûte 12 € à l'entrée.", "12 €", 12, "exact", "EUR", ""),
    # wire copy's shorthand: a multiplier's abbreviation before the code or in the symbol
    ("Le chiffre d'affaires a atteint 14,2 Mds EUR sur la période.", "14,2 Mds EUR", 14.2e9, "exact", "EUR", ""),
    ("La filiale a perdu 350 M USD l'an dernier.", "350 M USD", 350e6, "exact", "USD", ""),
    ("La vente a rapporté 2,5 Md$ au groupe.", "2,5 Md$", 2.5e9, "exact", "USD", ""),
    # Québec's milliards of dollars (not grams)
    ("Le ministre a déposé un budget de 115 G$ jeudi.", "115 G$", 115e9, "exact", "CAD", ""),
    ("La note atteint 1.000 € par mois.", "1.000 €", 1000, "exact", "EUR", ""),
    # Swiss copy groups thousands with an apostrophe
    ("Le canton a versé 1'250'000 francs suisses aux victimes.", "1'250'000 francs suisses", 1250000, "exact",
     "CHF", ""),
    ("La commune compte 12’345 habitants.", "12’345 habitants", 12345, "exact", "", "habitant"),
    ("Le taux a atteint 7,2 % en mars.", "7,2 %", 7.2, "exact", "%", ""),
    ("Près de 10 pour cent des électeurs se sont abstenus.", "Près de 10 pour cent des électeurs", 10, "approx", "%", "électeur"),
    ("Le candidat a obtenu 54\u202f% des voix.", "54\u202f% des voix", 54, "exact", "%", "voix"),
    ("La coopérative a livré 3 000 tonnes de blé.", "3 000 tonnes", 3000, "exact", "t", "blé"),
    ("Le sentier grimpe jusqu'à 2 400 m d'altitude.", "jusqu'à 2 400 m", 2400, "max", "m", "altitude"),
    ("La digue mesure 12 km de long.", "12 km", 12, "exact", "km", ""),
    # a length from a place is a distance (as the gold writes it), not a count of that place
    ("La ville est à 10 km du centre.", "10 km", 10, "exact", "km", "distance"),
    ("Le village est situé à 40 kilomètres de Bagdad.", "40 kilomètres", 40, "exact", "km", "distance"),
    # a sprint's time in notation (`46"97`) with a length after it: no unit lost on the way
    ("Il a couru le 100 m en 9\"81 devant Justin Gatlin.", "9\"81", 9.81, "exact", "s", ""),
    ("Il a fait 41 °C à l'ombre.", "41 °C", 41, "exact", "°C", ""),
    ("Le sprinteur a couru le 200 m en 19\"94.", "19\"94", 19.94, "exact", "s", ""),
    # ages and durations
    ("Le maire, 57 ans, a démissionné.", "57 ans", 57, "exact", "", "an"),
    ("Il a été condamné à deux ans et demi de prison.", "deux ans et demi", 2.5, "exact", "", "an"),
    ("Il est arrivé il y a plus d'un an.", "plus d'un an", 1, "min", "", "an"),
])
def test_when_quantity_then_value_qualifier_unit_item(nlp, text, surface, value, qualifier, unit, item):
    q = find(quantities(nlp, text), text, surface)
    assert q is not None, f"no quantity covering {surface!r}"
    assert q["value"] == pytest.approx(value)
    assert (q["qualifier"], q["unit"], q["item"]) == (qualifier, unit, item)
    assert q["rule"]


@pytest.mark.parametrize("text, surface, low, high", [
    ("Le loyer varie entre 600 et 900 euros.", "entre 600 et 900 euros", 600, 900),
    ("Les travaux dureront de 3 à 5 mois.", "de 3 à 5 mois", 3, 5),
    ("Le chantier emploiera de 1,2 million à 2 millions de personnes.", "de 1,2 million à 2 millions", 1.2e6, 2e6),
    ("La facture atteindrait environ 8 à 9 millions d'euros.", "8 à 9 millions", 8e6, 9e6),
    # a noun of change after its article: the size of the change, a range
    ("Le groupe table sur une croissance de 5 à 7% l'an prochain.", "de 5 à 7%", 5, 7),
    ("Les réservations ont connu une baisse de 20 à 30 % en décembre.", "de 20 à 30 %", 20, 30),
    # close alternatives of one counted noun: one range
    ("L'accident a fait un mort et deux ou trois blessés.", "deux ou trois blessés", 2, 3),
    ("Le résultat sera connu dans 11 ou 12 jours.", "11 ou 12 jours", 11, 12),
    # after a capitalised name: a range is no number of the name (`France 2`)
    ("La fraude coûtait chaque année en France 60 à 80 milliards d'euros.", "60 à 80 milliards", 6e10, 8e10),
    ("Il y avait en Bretagne 50 000 à 100 000 personnes.", "50 000 à 100 000 personnes", 5e4, 1e5),
])
def test_when_range_then_low_high_and_value_is_low(nlp, text, surface, low, high):
    q = find(quantities(nlp, text), text, surface)
    assert q is not None
    assert q["qualifier"] == "range"
    assert (q["low"], q["high"], q["value"]) == (pytest.approx(low), pytest.approx(high), pytest.approx(low))


@pytest.mark.parametrize("text, first, second", [
    ("Le taux est passé de 12 % à 9 % en un an.", "12 %", "9 %"),
    ("La réforme réduit de 6 à 4 le nombre de régions.", "6", "4"),
    ("Le taux de chômage a baissé de 10 à 9 % en un an.", "10", "9 %"),
])
def test_when_change_from_to_then_two_values_not_a_range(nlp, text, first, second):
    qs = quantities(nlp, text)
    assert all(q["qualifier"] != "range" for q in qs)
    assert find(qs, text, first) is not None and find(qs, text, second) is not None


@pytest.mark.parametrize("text, bare, unit, item", [
    ("Les deux listes ont obtenu 41 et 12 % des suffrages.", "41", "%", "suffrage"),
    ("La motion a été adoptée par 310 voix contre 95.", "95", "", "voix"),
    ("Le syndicat compte 300 adhérents sur 1 400.", "1 400", "", "adhérent"),
])
def test_when_bare_number_beside_its_twin_then_it_takes_unit_and_item(nlp, text, bare, unit, item):
    q = find(quantities(nlp, text), text, bare)
    assert q is not None
    assert (q["unit"], q["item"]) == (unit, item)


def test_when_numbers_in_different_clauses_then_no_unit_shared(nlp):
    text = "Au moins 12 personnes ont été tuées et 40 ont été blessées."
    q = find(quantities(nlp, text), text, "40")
    assert q is not None and q["item"] == ""


@pytest.mark.parametrize("qualifier, value, low, high", [
    ("exact", 5, 5, 5), ("min", 5, 5, None), ("max", 5, None, 5), ("approx", 5, None, None),
])
def test_when_qualifier_then_bounds_follow_schema(nlp, qualifier, value, low, high):
    text = {"exact": "Ils ont arrêté 5 suspects.", "min": "Ils ont arrêté plus de 5 suspects.",
            "max": "Ils ont arrêté moins de 5 suspects.", "approx": "Ils ont arrêté près de 5 suspects."}[qualifier]
    (q,) = quantities(nlp, text)
    assert (q["qualifier"], q["value"], q["low"], q["high"]) == (qualifier, value, low, high)


# -- not quantities: dates, times, ordinals, names, references, articles -----------------------
@pytest.mark.parametrize("text, surface", [
    ("La réunion aura lieu le 14 mars prochain.", "14"),
    ("Les négociations ont repris les 3 et 4 juillet.", "3"),
    ("Le texte a été adopté en 2019 par le Sénat.", "2019"),
    ("Le vote est prévu le 22, selon le calendrier.", "22"),
    ("Le verdict est attendu jeudi 9 au soir.", "9"),
    ("Le festival se tiendra du 2 au 6 août.", "2"),
    ("Le conseil se réunit à 14h30 à la mairie.", "14"),
    ("La séance a repris à 9 h 45.", "45"),
    ("Le cortège partira à 15 heures de la gare.", "15"),
    ("C'est la 3e fois que le club est relégué.", "3"),
    ("Le 1er mai, les syndicats défilent.", "1"),
    ("Les dirigeants du G20 se retrouvent à Rome.", "20"),
    ("Il conduisait une Renault 5 rouge.", "5"),
    ("La pandémie de COVID-19 a fermé les écoles.", "19"),
    ("Le gouvernement a recouru à l'article 49.3 de la Constitution.", "49.3"),
    ("Un passant a donné l'alerte.", "Un"),
    ("L'un des suspects a avoué.", "un"),
    ("Une autre piste est étudiée.", "Une"),
    ("Un jour, la mesure s'étendra au pays entier.", "Un"),
    ("Le train part à une heure du matin.", "une"),
    ("Le risque d'avalanche est de 3 sur 5 sur ces versants.", "5"),
    ("Deux policiers sont arrivés, et une autre patrouille a suivi.", "une"),
    ("Deux bombes ont explosé, et une troisième bombe a été désamorcée.", "une"),
    ("Le taux a atteint 6,6 millions, un record depuis dix ans.", "un"),
    ("Le magasin se trouve près d'un carrefour.", "un"),
    ("Le bâtiment est neuf et lumineux.", "neuf"),
    ("Ils vivent au 12 rue des Lilas.", "12"),
    ("Le projet s'étend de 2015 à 2020.", "2015"),
    ("Voir le site https://exemple.fr/page?id=42 pour le détail.", "42"),
    ("La finale se joue le 28 à Lyon.", "28"),
    ("Les combats continueront jusqu'à un accord de paix.", "un"),
    ("Elle a bouclé la course en deux heures trente.", "trente"),
    ("Le film entre dans le top 10 des ventes.", "10"),
    ("Le groupe a connu le succès dans les années 80.", "80"),
    # inside a name the NER reads as one, past its first word
    ("Elle a écrit pour la Revue des deux Mondes pendant un an.", "deux"),
    ("Le Mouvement 5 étoiles mène l'opposition au Sénat.", "5"),
    # a number after a name: the name's, also before a score
    ("Il regarde France 2 chaque soir.", "2"),
    # a name in capitals: an index, a road
    ("Le CAC 40 a cédé 1,2 % lundi.", "40"),
    ("Un accident a eu lieu sur la RN 79 près de Mâcon.", "79"),
    ("En finale, la France a écrasé l'Italie 4 à 0.", "4"),
])
def test_when_not_a_quantity_then_nothing_there(nlp, text, surface):
    i = text.index(surface)
    qs = quantities(nlp, text)
    assert not [q for q in qs if q["start"] <= i < q["end"]], qs


def test_when_number_closes_a_quotation_then_it_is_no_time(nlp):
    text = 'Le maire a lancé : "nous serons 400" devant la foule.'
    q = find(quantities(nlp, text), text, "400")
    assert q is not None and q["unit"] == "" and q["value"] == 400


def test_when_founding_dispatch_then_lower_bound_on_containers(nlp):
    text = ("Washington affirme de son côté que Pyongyang a envoyé plus de 16 000 conteneurs "
            "contenant des munitions en Russie.")
    q = find(quantities(nlp, text), text, "plus de 16 000 conteneurs")
    assert q is not None
    assert text[q["start"]:q["end"]] == "plus de 16 000 conteneurs"
    assert (q["value"], q["qualifier"], q["low"], q["high"], q["item"]) == (16000, "min", 16000, None, "conteneur")


def test_when_subject_is_a_known_actor_then_quantity_belongs_to_it(nlp):
    text = "Pyongyang a envoyé plus de 16 000 conteneurs en Russie."
    doc = nlp(text)
    q = find(doc._.depeche_quantities, text, "16 000")
    subjects = [m for m in doc._.depeche_mentions or [] if text[m["start"]:m["end"]] == "Pyongyang"]
    assert subjects and subjects[0].get("actor_id"), "the actors component gives no actor for Pyongyang"
    assert q["actor_id"] == subjects[0]["actor_id"]


def test_when_no_subject_mention_then_actor_is_empty(nlp):
    text = "Il a acheté trois maisons."
    (q,) = quantities(nlp, text)
    assert q["actor_id"] == ""


def test_when_quantities_then_plain_dicts_in_text_order_without_overlap(nlp):
    text = ("Selon la préfecture, 1 200 personnes ont manifesté, soit 30 % de plus qu'en 2022 ; "
            "les organisateurs revendiquent entre 3 000 et 4 000 participants et 2 millions d'euros de dons.")
    qs = quantities(nlp, text)
    keys = ["start", "end", "value", "low", "high", "qualifier", "unit", "item", "actor_id", "rule"]
    assert qs and all(list(q) == keys for q in qs)
    assert all(type(v) in (int, float, str, type(None)) for q in qs for v in q.values())
    spans = [(q["start"], q["end"]) for q in qs]
    assert spans == sorted(spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    assert not [q for q in qs if q["value"] == 2022]


# -- the unit lexicon: validated, saved and loaded with the pipeline ----------------------------
def test_when_unit_lexicon_saved_then_it_reloads_the_same(tmp_path):
    nlp = spacy.blank("fr")
    comp = nlp.add_pipe("depeche_quantities")
    comp.from_disk(RULES)
    units = comp.rules["units.jsonl"]
    assert any(u.unit == "EUR" and "euros" in u.forms for u in units)
    comp.to_disk(tmp_path / "q")
    assert read_rules(tmp_path / "q" / "units.jsonl", Unit) == units
    assert (tmp_path / "q" / "units.jsonl").read_bytes() == (RULES / "units.jsonl").read_bytes()
    nlp2 = spacy.blank("fr")
    comp2 = nlp2.add_pipe("depeche_quantities")
    comp2.from_disk(tmp_path / "q")
    text = "Le lot vaut 250 000 dollars."
    assert [(q["value"], q["unit"]) for q in nlp2(text)._.depeche_quantities] == [(250000, "USD")]


@pytest.mark.parametrize("line, problem", [
    ('{"forms": ["x"], "unit": "X", "dimension": "taste"}', "dimension"),
    ('{"forms": ["x"], "unit": "X", "dimension": "mass", "colour": "red"}', "unknown"),
    ('{"forms": ["x"], "unit": "X", "dimension": "mass", "position": "inside"}', "position"),
])
def test_when_unit_rule_is_wrong_then_loading_says_so(tmp_path, line, problem):
    path = tmp_path / "units.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=problem):
        read_rules(path, Unit)


def test_when_blank_pipeline_without_rules_then_numbers_still_found():
    nlp = spacy.blank("fr")
    nlp.add_pipe("depeche_quantities")
    qs = nlp("Ils étaient plus de 300 dans la salle.")._.depeche_quantities
    assert [(q["value"], q["qualifier"], q["unit"]) for q in qs] == [(300, "min", "")]
    assert isinstance(nlp.get_pipe("depeche_quantities"), QuantitiesComponent)


@pytest.mark.slow
def test_when_two_processes_then_same_quantities(nlp):
    texts = ["Plus de 16 000 conteneurs ont été livrés.", "Le budget atteint 3,5 millions d'euros.",
             "Une vingtaine de blessés, dont 4 graves, le 3 mai."]
    one = [d._.depeche_quantities for d in nlp.pipe(texts)]
    two = [d._.depeche_quantities for d in nlp.pipe(texts, n_process=2)]
    assert one == two and all(one)
