"""The scorer: matching rules on hand-made rows (no model), gold against itself, determinism."""
from __future__ import annotations

import copy
import json

import pytest

from pipeline import evaluate as ev
from pipeline import tables as T
from tests.conftest import GOLD

LABELS = {"person": "PER", "organization": "ORG", "state": "GPE", "location": "LOC", "group": "GROUP"}


def rows_from_gold(golds) -> dict:
    """The rows a perfect system would give for these gold articles."""
    out = {t: [] for t in T.NAMES}
    seen = set()
    for g in golds:
        t, n = g.text, 0
        for a in g.data["actors"]:
            if a["id"] not in seen:
                seen.add(a["id"])
                out["actors"].append(T.ActorRow(a["id"], a["name"], a["type"], a.get("country", "")))
            for src, key in (("rules", "mentions"), ("coref", "coref")):
                for s, e in a.get(key) or []:
                    n += 1
                    out["mentions"].append(T.MentionRow(g.article_id, n, s, e, t[s:e], LABELS[a["type"]],
                                                        a["id"], source=src))
        for i, q in enumerate(g.data["quantities"], 1):
            s, e = q["span"]
            out["quantities"].append(T.QuantityRow(g.article_id, i, s, e, t[s:e], q["value"],
                                                   qualifier=q["qualifier"]))
        for i, d in enumerate(g.data["dates"], 1):
            s, e = d["span"]
            out["dates"].append(T.DateRow(g.article_id, i, s, e, t[s:e], d["value"]))
        for i, a in enumerate(g.data["attributions"], 1):
            sp, cu, co = a.get("speaker") or (None, None), a.get("cue") or (None, None), a["content"]
            out["attributions"].append(T.AttributionRow(
                g.article_id, i, kind=a["kind"], cue_start=cu[0], cue_end=cu[1], cue_lemma=a["cue_lemma"] or "",
                stance=a.get("stance") or "", speaker_start=sp[0], speaker_end=sp[1],
                actor_id=a.get("speaker_actor") or "", content=t[co[0]:co[1]], content_start=co[0],
                content_end=co[1]))
    return out


# A small gold article written for these tests.
TEXT = ("date 2025-03-04\n\nLe ministre Paul Durand a affirmé mardi que 1 200 soldats étaient partis. "
        "« Nous tiendrons », a déclaré M. Durand à Lyon.")


def mini_gold(**changes) -> ev.GoldArticle:
    def sp(s, nth=0):
        i = -1
        for _ in range(nth + 1):
            i = TEXT.index(s, i + 1)
        return [i, i + len(s)]

    data = {
        "article_id": "t1", "date": "2025-03-04",
        "actors": [
            {"id": "paul_durand", "name": "Paul Durand", "type": "person", "country": "FRA",
             "mentions": [sp("Paul Durand"), sp("M. Durand")], "coref": []},
            {"id": "lyon", "name": "Lyon", "type": "location", "country": "FRA", "mentions": [sp("Lyon")],
             "coref": []},
        ],
        "quantities": [{"span": sp("1 200 soldats"), "value": 1200, "qualifier": "exact", "unit": "",
                        "item": "soldat"}],
        "dates": [{"span": sp("mardi"), "value": "2025-03-04", "granularity": "day"}],
        "attributions": [
            {"id": "a1", "parent": None, "kind": "indirect", "cue": sp("affirmé"), "cue_lemma": "affirmer",
             "stance": "assert", "speaker": sp("Paul Durand"), "speaker_actor": "paul_durand",
             "content": sp("1 200 soldats étaient partis")},
            {"id": "a2", "parent": None, "kind": "direct", "cue": sp("déclaré"), "cue_lemma": "déclarer",
             "stance": "assert", "speaker": sp("M. Durand"), "speaker_actor": "paul_durand",
             "content": sp("Nous tiendrons")},
        ],
    }
    data.update(changes)
    return ev.GoldArticle("t1", TEXT, "2025-03-04", data, "field")


def test_when_gold_is_scored_against_itself_then_every_f1_is_one():
    golds = ev.load_gold(GOLD)
    m = ev.score(golds, rows_from_gold(golds))
    att = m["attributions"]
    for d in (m["mentions"], m["mentions"]["exact"], m["linking"], m["actors"], m["quantities"], m["dates"],
              att["0.3"], att["0.5"], att["0.8"], att["exact"], att["end_to_end"]):
        assert d["f1"] == 1.0, d
    assert att["speaker_resolution"]["accuracy"] == 1.0
    assert m["errors"] == []


def test_when_nothing_is_predicted_then_recall_is_zero_and_errors_list_each_gold_item():
    g = mini_gold()
    m = ev.score([g], {})
    assert m["mentions"]["fn"] == 3 and m["mentions"]["tp"] == 0
    assert m["attributions"]["0.5"]["fn"] == 2
    assert {(e["task"], e["type"]) for e in m["errors"]} >= {("mentions", "FN"), ("dates", "FN")}


def test_when_scored_twice_then_the_numbers_are_identical():
    golds = ev.load_gold(GOLD)[:5]
    rows = rows_from_gold(golds)
    rows["mentions"] = rows["mentions"][::2]   # an imperfect system
    assert json.dumps(ev.score(golds, rows)) == json.dumps(ev.score(golds, copy.deepcopy(rows)))


@pytest.mark.parametrize("a, b, same", [
    ("M. Poutine", "Poutine", True),              # title dropped
    ("l’Élysée", "Elysée", True),                 # determiner, curly apostrophe and accent folded
    ("Kim Jong-un", "kim jong un", True),         # hyphen is a word break
    ("La France insoumise", "France insoumise", True),
    ("Corée du Nord", "Corée du Sud", False),
    ("Poutine", "Putin", False),
])
def test_when_names_fold_then_equal_only_for_same_name(a, b, same):
    assert (ev.fold(a) == ev.fold(b)) is same


G_PERSONS = [{"id": "p1", "name": "Paul Durand", "type": "person"},
             {"id": "p2", "name": "Marie Durand", "type": "person"},
             {"id": "p3", "name": "Ana Lopes", "type": "person", "aliases": ["la ministre Lopes"]}]


@pytest.mark.parametrize("gold, pred, same", [
    (G_PERSONS[2], {"name": "Lopes", "type": "person"}, True),                # unique surname
    (G_PERSONS[0], {"name": "Durand", "type": "person"}, False),              # surname shared in article
    (G_PERSONS[0], {"name": "M. Paul Durand", "type": "person"}, True),       # same name, title dropped
    (G_PERSONS[2], {"name": "Lopes", "type": "organization"}, False),         # surname rule needs a person
    ({"id": "s", "name": "États-Unis", "type": "state", "country": "USA"},
     {"name": "Amérique", "type": "state", "country": "USA"}, True),          # same ISO code
    ({"id": "s", "name": "États-Unis", "type": "state", "country": "USA"},
     {"name": "Washington", "type": "location", "country": "USA"}, False),    # city is not the state
    ({"id": "o", "name": "Organisation des Nations unies", "type": "organization", "aliases": ["ONU"]},
     {"name": "ONU", "type": "organization"}, True),                          # alias
    ({"id": "g", "name": "enquêteurs", "type": "group"}, {"name": "médias", "type": "group"}, True),
    ({"id": "g", "name": "enquêteurs", "type": "group"}, {"name": "enquêteurs", "type": "person"}, False),
    ({"id": "o", "name": "Kremlin", "type": "organization", "wikidata": "Q1"},
     {"name": "Présidence russe", "type": "organization", "wikidata": "Q1"}, True),
    (G_PERSONS[2], None, False),
])
def test_when_actors_compared_then_linking_rule_decides(gold, pred, same):
    assert ev.actor_matches(gold, pred, G_PERSONS) is same


def test_when_two_predictions_overlap_a_gold_mention_then_the_equal_span_wins():
    g = mini_gold()
    s, e = g.data["actors"][0]["mentions"][0]          # "Paul Durand"
    rows = {"mentions": [T.MentionRow("t1", 1, s - 10, e, TEXT[s - 10:e], "PER", "x", source="model"),
                         T.MentionRow("t1", 2, s, e, TEXT[s:e], "PER", "x", source="model")],
            "actors": [T.ActorRow("x", "Paul Durand", "person")]}
    m = ev.score([g], rows)
    assert m["mentions"]["tp"] == 1 and m["mentions"]["fp"] == 1
    assert m["mentions"]["exact"]["tp"] == 1
    assert m["linking"]["tp"] == 1


def test_when_title_differs_then_span_is_still_exact():
    g = mini_gold()
    s, e = g.data["actors"][0]["mentions"][1]          # "M. Durand"
    rows = {"mentions": [T.MentionRow("t1", 1, s + 3, e, TEXT[s + 3:e], "PER", "x", source="model")],
            "actors": [T.ActorRow("x", "Durand", "person")]}
    m = ev.score([g], rows)
    assert m["mentions"]["exact"]["tp"] == 1


@pytest.mark.parametrize("span, core", [
    ("maître Bauer", "Bauer"),          # a title written out, as its abbreviation Me
    ("Monseigneur Aupetit", "Aupetit"),
    ("Mme Lopes", "Lopes"),
    ("Meyer", "Meyer"),                 # a name that opens like a title keeps it
    ("Maître", "Maître"),               # a title alone stays whole
    ("président Macron", "président Macron"),  # a role is no title (ANNOTATION.md)
])
def test_when_a_span_opens_on_a_title_then_its_core_leaves_the_title_out(span, core):
    s, e = ev.core_span(span, 0, len(span))
    assert span[s:e] == core


@pytest.mark.parametrize("cut, spans", [(0, []), (5, [("Durand", "gold Paul Durand")])])
def test_when_a_paired_span_differs_then_errors_list_it_as_span(cut, spans):
    g = mini_gold()
    s, e = g.data["actors"][0]["mentions"][0]          # "Paul Durand"
    s += cut
    rows = {"mentions": [T.MentionRow("t1", 1, s, e, TEXT[s:e], "PER", "x", source="model")],
            "actors": [T.ActorRow("x", "Paul Durand", "person")]}
    m = ev.score([g], rows)
    got = [(x["text"], x["detail"]) for x in m["errors"] if x["type"] == "span"]
    assert got == spans


def test_when_coref_or_unpaired_group_is_predicted_then_it_is_no_false_positive():
    g = mini_gold()
    rows = {"mentions": [T.MentionRow("t1", 1, 0, 4, "date", "PER", "x", source="coref"),
                         T.MentionRow("t1", 2, 20, 30, TEXT[20:30], "GROUP", "group-x", source="rules"),
                         T.MentionRow("t1", 3, 5, 9, TEXT[5:9], "ORG", "y", source="model")],
            "actors": [T.ActorRow("x", "X", "person"), T.ActorRow("group-x", "x", "group"),
                       T.ActorRow("y", "Y", "organization")]}
    m = ev.score([g], rows)
    assert m["mentions"]["fp"] == 1


def test_when_optional_item_is_missed_then_it_costs_nothing_and_found_it_counts():
    g = mini_gold()
    g.data["dates"][0]["optional"] = True
    s, e = g.data["dates"][0]["span"]
    assert ev.score([g], {})["dates"]["fn"] == 0
    found = ev.score([g], {"dates": [T.DateRow("t1", 1, s, e, TEXT[s:e], "2020")]})["dates"]
    assert (found["tp"], found["fp"]) == (1, 0)     # optional: overlap alone is enough


@pytest.mark.parametrize("value, tp, kind", [(1200, 1, None), (1200.0, 1, None), (120, 0, "wrong-value")])
def test_when_quantity_value_differs_then_it_is_a_wrong_value(value, tp, kind):
    g = mini_gold()
    s, e = g.data["quantities"][0]["span"]
    rows = {"quantities": [T.QuantityRow("t1", 1, s, e, TEXT[s:e], value, qualifier="exact")]}
    m = ev.score([g], rows)
    assert m["quantities"]["tp"] == tp
    assert kind in {x["type"] for x in m["errors"] if x["task"] == "quantities"} or kind is None


@pytest.mark.parametrize("cut, at03, at05, at08", [
    (0, 1, 1, 1),        # exact content
    (6, 1, 1, 0),        # 22 of 28 characters
    (15, 1, 0, 0),       # 13 of 28 characters (14 of 28 is 0.5: a match)
    (20, 0, 0, 0),       # 8 of 28
])
def test_when_content_overlaps_partly_then_thresholds_decide(cut, at03, at05, at08):
    g = mini_gold()
    g.data["attributions"] = g.data["attributions"][:1]
    a = g.data["attributions"][0]
    (cs, ce), (ss, se) = a["content"], a["speaker"]
    rows = {"attributions": [T.AttributionRow("t1", 1, kind="indirect", stance="assert", speaker_start=ss,
                                              speaker_end=se, actor_id="pd", content_start=cs,
                                              content_end=ce - cut)],
            "actors": [T.ActorRow("pd", "Paul Durand", "person")]}
    att = ev.score([g], rows)["attributions"]
    assert (att["0.3"]["tp"], att["0.5"]["tp"], att["0.8"]["tp"]) == (at03, at05, at08)


@pytest.mark.parametrize("actor, name, speaker, e2e", [
    ("pd", "Paul Durand", True, 1),       # right actor
    ("ml", "Marc Lenoir", True, 0),       # wrong actor, even with the speaker span right
    ("", "", False, 0),                   # no speaker at all
])
def test_when_speaker_actor_is_wrong_then_end_to_end_misses(actor, name, speaker, e2e):
    g = mini_gold()
    g.data["attributions"] = g.data["attributions"][:1]
    a = g.data["attributions"][0]
    (cs, ce), (ss, se) = a["content"], a["speaker"]
    rows = {"attributions": [T.AttributionRow("t1", 1, kind="indirect", stance="assert",
                                              speaker_start=ss if speaker else None,
                                              speaker_end=se if speaker else None, actor_id=actor,
                                              content_start=cs, content_end=ce)],
            "actors": [T.ActorRow(actor, name, "person")] if actor else []}
    att = ev.score([g], rows)["attributions"]
    assert att["end_to_end"]["tp"] == e2e
    assert att["speaker_resolution"]["correct"] == e2e


def test_when_gold_has_no_speaker_then_prediction_must_have_none():
    g = mini_gold()
    a = g.data["attributions"][1]
    a["speaker"], a["speaker_actor"] = None, None
    g.data["attributions"] = [a]
    cs, ce = a["content"]
    base = dict(kind="direct", content_start=cs, content_end=ce)
    none = ev.score([g], {"attributions": [T.AttributionRow("t1", 1, **base)]})
    some = ev.score([g], {"attributions": [T.AttributionRow("t1", 1, speaker_start=0, speaker_end=4, **base)]})
    assert none["attributions"]["end_to_end"]["tp"] == 1
    assert some["attributions"]["end_to_end"]["tp"] == 0


def test_when_gold_has_no_text_then_txt_beside_or_corpus_supplies_it(tmp_path):
    g = mini_gold()
    data = {k: v for k, v in g.data.items()}
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "t1.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ev.GoldError):
        ev.load_gold(tmp_path / "a")
    (tmp_path / "a" / "t1.txt").write_text(TEXT, encoding="utf-8")
    assert ev.load_gold(tmp_path / "a")[0].text == TEXT
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "t1.json").write_text(json.dumps(data), encoding="utf-8")
    corpus = tmp_path / "docs.jsonl"
    corpus.write_text(json.dumps({"id": "t1", "text": TEXT}, ensure_ascii=False) + "\n", encoding="utf-8")
    assert ev.load_gold(tmp_path / "b", corpus)[0].source == "corpus"


def test_when_outputs_written_then_metrics_and_errors_files_exist(tmp_path):
    m = ev.score([mini_gold()], {})
    ev.write_outputs(m, tmp_path)
    assert "mentions" in json.loads((tmp_path / "metrics.json").read_text(encoding="utf-8"))
    lines = (tmp_path / "errors.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == ",".join(ev.ERROR_COLUMNS) and len(lines) > 3


def test_when_winer_records_read_then_2018_is_never_included(tmp_path):
    docs = tmp_path / "docs.jsonl"
    recs = [{"id": "2016_01_01-001", "date": "2016-01-01", "text": "a", "entities": []},
            {"id": "2018_02_01-001", "date": "2018-02-01", "text": "b", "entities": []},
            {"id": "2017_05_01-001", "date": "2017-05-01", "text": "c"},          # no annotations
            {"id": "2017_06_01-001", "date": "2017-06-01", "text": "d", "entities": []}]
    docs.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    assert [r["id"] for r in ev.winer_records(docs)] == ["2016_01_01-001", "2017_06_01-001"]
    assert [r["id"] for r in ev.winer_records(docs, limit=1)] == ["2016_01_01-001"]


@pytest.mark.parametrize("pred, exact_tp, lenient_tp", [
    (("d", 0, 11, "Person"), 1, 1),           # same span and label
    (("d", 3, 11, "Person"), 0, 1),           # overlap only
    (("d", 0, 11, "Location"), 0, 0),         # wrong label
    (("e", 0, 11, "Person"), 0, 0),           # other article
])
def test_when_entity_spans_scored_then_exact_and_lenient_differ(pred, exact_tp, lenient_tp):
    m = ev.score_spans([("d", 0, 11, "Person")], [pred])
    assert (m["exact"]["tp"], m["lenient"]["tp"]) == (exact_tp, lenient_tp)


# -- the commands (model-free: the scorer is given fixed rows) ---------------------------------
def _run(*args):
    from typer.testing import CliRunner

    from pipeline.cli import app
    return CliRunner().invoke(app, list(map(str, args)))


def test_when_gold_folder_is_missing_then_evaluate_exits_2(tmp_path):
    r = _run("evaluate", tmp_path / "nope")
    assert r.exit_code == 2 and "does not exist" in r.output


def test_when_evaluate_runs_with_out_then_table_metrics_and_errors_are_written(tmp_path, monkeypatch):
    monkeypatch.setattr(ev, "evaluate", lambda gold, model=None, corpus=None: {"articles": 1,
                                                                              **ev.score([mini_gold()], {})})
    r = _run("evaluate", tmp_path, "--out", tmp_path / "m")
    assert r.exit_code == 0, r.output
    assert "attributions end-to-end" in r.output
    assert (tmp_path / "m" / "metrics.json").exists() and (tmp_path / "m" / "errors.csv").exists()


def test_when_train_output_exists_then_it_refuses_to_overwrite(tmp_path):
    (tmp_path / "model").mkdir()
    r = _run("train", tmp_path, "--out", tmp_path / "model")
    assert r.exit_code == 2 and "never overwrites" in r.output


# -- splits ----------------------------------------------------------------------------------------
@pytest.fixture
def split_gold(tmp_path, monkeypatch):
    """Three gold files of ../shared/gold, one in tune, one in check; the model replaced by the
    rows a perfect system would give for the articles it is given."""
    import shutil

    from pipeline.runner import batch

    files = sorted(GOLD.glob("*.json"))[:3]
    for f in files:
        shutil.copy(f, tmp_path / f.name)
    ids = [f.stem for f in files]
    (tmp_path / "splits.json").write_text(json.dumps({"seed": 1, "tune": [ids[0]], "check": [ids[1]]}),
                                          encoding="utf-8")
    golds = {g.article_id: g for g in ev.load_gold(tmp_path)}
    given = []

    def fake_extract(articles, model_dir=None, nlp=None):
        arts = list(articles)
        given.append([a.article_id for a in arts])
        return rows_from_gold([golds[a.article_id] for a in arts])

    monkeypatch.setattr(batch, "extract", fake_extract)
    return tmp_path, ids, given


def test_when_splits_evaluated_then_one_run_and_each_split_scores_its_articles(split_gold):
    folder, ids, given = split_gold
    results = ev.evaluate_splits(folder)
    assert len(given) == 1 and sorted(given[0]) == sorted(ids)         # the model ran once
    assert {s: m["articles"] for s, m in results.items()} == {"tune": 1, "check": 1, "all": 3}
    assert all(m["mentions"]["f1"] == 1.0 for m in results.values())
    assert ev.evaluate(folder, split="check")["articles"] == 1 and given[-1] == [ids[1]]


def test_when_gold_has_splits_and_no_split_is_asked_then_columns_per_split(split_gold, tmp_path):
    folder, _, _ = split_gold
    r = _run("evaluate", folder, "--out", tmp_path / "m")
    assert r.exit_code == 0, r.output
    assert "tune (1)" in r.output and "check (1)" in r.output and "all (3)" in r.output
    saved = json.loads((tmp_path / "m" / "metrics.json").read_text(encoding="utf-8"))
    assert saved["articles"] == 3 and set(saved["splits"]) == {"tune", "check"}
    one = _run("evaluate", folder, "--split", "tune")
    assert one.exit_code == 0 and "(1 articles)" in one.output and "check (1)" not in one.output


def test_when_split_asked_of_gold_without_splits_then_exit_2(tmp_path):
    import shutil
    shutil.copy(sorted(GOLD.glob("*.json"))[0], tmp_path)
    r = _run("evaluate", tmp_path, "--split", "check")
    assert r.exit_code == 2 and "splits.json" in r.output
