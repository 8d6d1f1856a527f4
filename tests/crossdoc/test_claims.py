"""Claims across articles: one claim per speaker and near-identical content, its first and last
occurrence, articles counted, and replies linked to what they answer. Rows are written by hand
here (no model); test_claims_corpus.py runs the model over dispatches."""
from __future__ import annotations

import random

import pytest

from pipeline.crossdoc.claims import build_claims, claim_hash, names_claims, near_identical
from pipeline.crossdoc.text import normalised

QUOTE = "Nous ne céderons pas face aux menaces"


def att(article_id, attribution_id, content, actor_id="", stance="assert", cue_lemma="déclarer", **kw):
    return dict(article_id=article_id, attribution_id=attribution_id, content=content, actor_id=actor_id,
                stance=stance, cue_lemma=cue_lemma, **kw)


@pytest.mark.parametrize("a, b, same", [
    (QUOTE, QUOTE + ".", True),                                          # punctuation
    ("« " + QUOTE + " »", "\"" + QUOTE.upper() + "\"", True),             # quote marks, case
    ("l'État tiendra ses engagements", "l’Etat tiendra ses engagements", True),   # apostrophe, accent
    ("la Russie a reçu 10 000 soldats nord-coréens", "la Russie a reçu 10000 soldats nord-coréens", True),
    ("la Russie a reçu 10 000 soldats nord-coréens", "la Russie a reçu 12 000 soldats nord-coréens", False),
    ("nous ne céderons pas face aux menaces du Kremlin",                  # the same quote cut short
     "nous ne céderons pas face aux menaces du Kremlin et de ses alliés", True),
    ("nous ne céderons pas", "nous ne céderons pas face aux menaces du Kremlin et de ses alliés", False),
    ("le cessez-le-feu sera respecté", "le cessez-le-feu ne sera pas respecté", False),
])
def test_when_two_contents_are_compared_then_only_near_identical_ones_are_one_claim(a, b, same):
    assert near_identical(normalised(a), normalised(b)) is same


def test_when_a_quote_runs_in_dispatches_on_several_dates_then_one_claim_first_seen_earliest():
    rows = [att("d3", 1, QUOTE, "zelensky"), att("d1", 2, "« " + QUOTE + ". »", "zelensky"),
            att("d2", 1, QUOTE, "zelensky"), att("d4", 1, QUOTE, "zelensky"),
            att("d2", 2, QUOTE, "peskov")]                                # another speaker: another claim
    dates = {"d1": "2024-10-19", "d2": "2024-10-18", "d3": "2024-10-21", "d4": ""}
    ids, claims = build_claims(rows, dates)
    z = {c.actor_id: c for c in claims}["zelensky"]
    assert len(claims) == 2 and ids[:4] == [z.claim_id] * 4 and ids[4] != z.claim_id
    assert (z.first_article_id, z.first_attribution_id, z.first_date, z.last_date) == ("d2", 1, "2024-10-18",
                                                                                        "2024-10-21")
    assert (z.articles, z.attributions, z.content) == (4, 4, QUOTE)
    assert z.claim_id == claim_hash("zelensky", normalised(QUOTE))


def test_when_rows_come_in_another_order_then_ids_and_claims_are_the_same():
    rows = [att(f"d{i}", j, f"{QUOTE} {w}", "zelensky") for i in range(6) for j, w in
            enumerate(("", "à Kiev", "et nous vaincrons"), 1)]
    dates = {f"d{i}": f"2024-10-{10 + i % 3}" for i in range(6)}
    ids, claims = build_claims(rows, dates)
    order = list(range(len(rows)))
    random.Random(3).shuffle(order)
    ids2, claims2 = build_claims([rows[i] for i in order], dates)
    assert [ids2[order.index(i)] for i in range(len(rows))] == ids and claims2 == claims


def test_when_speakers_are_unnamed_then_the_same_content_is_one_claim():
    rows = [att("a", 1, "les négociations reprendront lundi à Genève"),
            att("b", 1, "Les négociations reprendront lundi à Genève.")]
    ids, claims = build_claims(rows, {"a": "2024-01-02", "b": "2024-01-01"})
    assert ids[0] == ids[1] and claims[0].actor_id == "" and claims[0].first_article_id == "b"


@pytest.mark.parametrize("content, names", [
    ("ces allégations", True), ("ces accusations infondées", True), ("les accusations de Kiev", True),
    ("cette information", True), ("toutes ces rumeurs", True),
    ("avoir livré des armes à la Russie", False), ("toute implication", False),
])
def test_when_a_content_names_claims_then_it_is_read_as_a_reference(content, names):
    assert names_claims(content) is names


def test_when_a_denial_names_allegations_then_it_responds_to_the_claim_before_it():
    rows = [att("a", 1, "la Corée du Nord a envoyé 10 000 soldats en Russie", "washington_post",
                content_start=10, content_end=60),
            att("a", 2, "les négociations reprendront", "onu", content_start=70, content_end=100),
            att("a", 3, "les accusations du Washington Post", "kremlin", "deny", "rejeter",
                content_start=130, content_end=160)]
    aliases = {"washington_post": ["washington post"], "onu": ["onu"], "kremlin": ["kremlin"]}
    ids, claims = build_claims(rows, {"a": "2024-10-18"}, aliases)
    by_id = {c.claim_id: c for c in claims}
    assert by_id[ids[2]].responds_to == ids[0]                         # named: not the nearest
    rows[2]["content"] = "ces allégations"
    ids, claims = build_claims(rows, {"a": "2024-10-18"}, aliases)
    assert {c.claim_id: c for c in claims}[ids[2]].responds_to == ids[1]   # unnamed: the nearest


def test_when_a_denial_restates_an_earlier_claim_then_it_responds_to_it():
    rows = [att("a", 1, "Pyongyang a livré des missiles balistiques à Moscou", "usa"),
            att("b", 1, "Pyongyang ait livré des missiles balistiques", "russie", "deny", "démentir"),
            att("c", 1, "Pyongyang livrera des missiles balistiques", "japon")]     # later: not answered
    ids, claims = build_claims(rows, {"a": "2024-10-17", "b": "2024-10-18", "c": "2024-10-19"})
    by_id = {c.claim_id: c for c in claims}
    assert by_id[ids[1]].responds_to == ids[0]
    assert by_id[ids[0]].responds_to == by_id[ids[2]].responds_to == ""


def test_when_a_reply_has_nothing_before_it_then_it_responds_to_nothing():
    rows = [att("a", 1, "ces allégations", "kremlin", "deny", "rejeter")]
    _, claims = build_claims(rows, {"a": ""})
    assert claims[0].responds_to == ""


def test_when_a_content_is_only_punctuation_then_it_has_no_claim():
    ids, claims = build_claims([att("a", 1, "… »")], {"a": ""})
    assert ids == [""] and claims == []
