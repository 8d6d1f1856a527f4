"""Near-duplicate articles: light rewrites of winer-fr dispatches are found, distinct articles of
one series are not, and the group's first article is the earliest, then the lowest id."""
from __future__ import annotations

import random
import subprocess
import sys

import pytest

from pipeline.crossdoc.duplicates import DuplicateFinder, find_duplicates, shingles, sketch
from tests.conftest import ROOT
from tests.crossdoc.corpus import duplicates_corpus, winer_records

BODY = ("Le gouvernement a annoncé jeudi de nouvelles mesures pour les agriculteurs.\n\n"
        "« Nous ne laisserons personne sur le bord de la route », a déclaré la ministre "
        "devant les syndicats réunis à Paris.\n\n"
        "Les organisations agricoles ont salué un premier pas mais demandent davantage "
        "de moyens pour l'installation des jeunes exploitants dans les régions rurales.\n\n"
        "Une nouvelle réunion est prévue le mois prochain avec les représentants des filières.")


def test_when_copies_are_light_rewrites_then_precision_and_recall_are_1():
    records, truth = duplicates_corpus()
    assert len(records) == 50 and len(truth) == 10
    found = find_duplicates((r["id"], r["date"], r["text"]) for r in records)
    true_pos = {k for k, v in found.items() if truth.get(k) == v}
    precision = len(true_pos) / len(found) if found else 0.0
    recall = len(true_pos) / len(truth)
    assert (precision, recall) == (1.0, 1.0), found


def test_when_articles_are_one_series_on_a_template_then_they_are_not_copies():
    # Tour de France 2016 stages and two Eurovision semi-finals: same template, other facts
    ids = {"2016_07_08-002", "2016_07_09-004", "2016_07_10-001", "2016_07_12-001", "2016_07_13-002",
           "2016_05_11-001", "2016_05_12-001", "2017_05_09-002", "2017_05_11-001"}
    recs = [r for r in winer_records() if r["id"] in ids]
    assert len(recs) == len(ids)
    assert find_duplicates((r["id"], r["date"], r["text"]) for r in recs) == {}


@pytest.mark.parametrize("change", [
    lambda t: "\n\n".join(reversed(t.split("\n\n"))),                   # paragraphs reordered
    lambda t: t.replace("« ", "\"").replace(" »", "\"").replace("'", "’"),  # quote marks
    lambda t: t.replace(" ", "  ").replace("\n\n", "\n \n\n"),            # spacing
    lambda t: t.upper(),                                                 # case
])
def test_when_only_typesetting_or_order_changes_then_the_shingles_are_the_same(change):
    assert shingles(change(BODY)) == shingles(BODY)


@pytest.mark.parametrize("dates, first", [
    ({"a": "2024-10-02", "b": "2024-10-01", "c": "2024-10-03"}, "b"),   # the earliest
    ({"a": "2024-10-01", "b": "2024-10-01", "c": "2024-10-03"}, "a"),   # then the lowest id
    ({"a": "", "b": "", "c": "2024-10-03"}, "c"),                       # undated after dated
    ({"a": "", "b": "", "c": ""}, "a"),                                 # all undated: lowest id
])
def test_when_a_group_has_copies_then_they_point_at_its_first_article(dates, first):
    texts = {"a": BODY, "b": BODY.replace("jeudi", "mercredi"), "c": BODY + "\n\nAvec AFP."}
    found = find_duplicates((k, dates[k], texts[k]) for k in "abc")
    assert found == {k: first for k in "abc" if k != first}


def test_when_a_roundup_copies_a_story_and_reposts_a_brief_then_the_brief_is_not_drawn_in():
    brief = ("Le trafic ferroviaire reprendra normalement lundi matin sur la ligne entre Lyon et Grenoble, "
             "après trois jours de travaux sur un pont endommagé par les crues de la semaine dernière, a "
             "indiqué la direction régionale de la SNCF dans un communiqué publié dimanche soir.")
    roundup = BODY + "\n\n" + brief                   # a copy of BODY (one paragraph added)
    found = find_duplicates([("a", "2024-10-01", BODY), ("b", "2024-10-02", roundup), ("c", "2024-10-03", brief)])
    assert find_duplicates([("b", "", roundup), ("c", "", brief)]) == {"c": "b"}   # close to the roundup
    assert found == {"b": "a"}                          # but b is a copy of a, and c is not


def test_when_sketches_come_in_any_order_then_the_groups_are_the_same():
    records, _ = duplicates_corpus()
    sketches = [(sketch(r["id"], r["text"]), r["date"]) for r in records]
    results = []
    for seed in (1, 2):
        random.Random(seed).shuffle(sketches)
        finder = DuplicateFinder()
        for sk, d in sketches:
            finder.add(sk, d)
        results.append(finder.duplicate_of())
    assert results[0] == results[1] and len(results[0]) == 10


def test_when_a_sketch_is_made_in_another_process_then_it_is_the_same():
    code = ("import sys; from pipeline.crossdoc.duplicates import sketch; "
            "print(sketch('x', sys.stdin.read()).minhash)")
    other = subprocess.run([sys.executable, "-c", code], input=BODY, capture_output=True, text=True,
                           cwd=ROOT, check=True).stdout.strip()
    assert other == sketch("x", BODY).minhash


def test_when_a_body_has_no_word_then_it_has_no_sketch():
    assert sketch("x", " \n« » … \n") is None
