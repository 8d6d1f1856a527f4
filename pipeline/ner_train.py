"""`make ner`: fr_core_news_md's NER fine-tuned on news (winer-fr), the shipped `ner` component.

fr_core_news_md learned its entities from Wikipedia (WikiNER); depeche reads news. This module
fine-tunes the model's own NER (it has its own tok2vec: the tagger, parser and vectors are
untouched) on the winer-fr entity annotations, and judges it on a split:

1. `split`: train on the 2016 articles, measure on the 2017 ones (strict and overlap F1 per
   label, PER/ORG/LOC); the number of epochs is the one that scored best on 2017;
2. `ship`: train again, same seed and epochs, on 2016 and 2017, and write the component to
   `models/depeche-fr/ner/` (only the NER: config, moves and weights; the vectors stay those
   of fr_core_news_md, which pipeline.nlp loads first).

Data rules (README, issue 14): 2018 articles are never read (held out); the `check` articles
of corpus/gold/splits.json are left out of every training set and of the 2017 measure;
records without `entities` are not training data.

On request (`--gold-repeat 3`), the hand-annotated articles of the gold folders (ANNOTATION.md:
corpus/gold's `tune` split and ../shared/gold, winer-fr articles of the years trained on)
replace their WiNER entities by their gold actors, seen `gold_repeat` times an epoch: the
conventions depeche is judged by (what is an actor, where a name starts) are those, not
WiNER's. Gold actors are persons, organisations, states and places (states are LOC for the
NER: the actors layer tells a state from a place); a leading lower-case determiner or a title
is left out of the span, as WiNER does; optional actors and group descriptions are neither
entity nor non-entity (missing); WiNER's MISC entities are kept where no gold span lies.
Measured, it did not pay on unseen articles (docs/history.md): off by default.

Labels: Person -> PER, Organization -> ORG, Location -> LOC, Event and Product -> MISC (so the
model keeps a class for what is named but no actor), Date and Hour dropped. A flat NER holds one
entity per token: nested spans keep the outermost PER/ORG/LOC, and a MISC only where no
PER/ORG/LOC lies (`Peugeot 307` stays the organisation `Peugeot`).

Forgetting: every training article is also seen, at the rate `rehearsal`, labelled by the base
model itself (its PER/ORG/LOC/MISC), which pulls the weights back toward what it knew.

Self-training (`silver`, on by default: measured in docs/history.md): a first NER (the teacher) is
trained on WiNER alone as above; depeche then reads every training article with it, and its
actors layer's mentions (ANNOTATION.md's conventions: what is an actor, where a name starts,
the mends and filters applied) become a second labelling of the article. The shipped NER (the
student) is trained again from fr_core_news_md on each article twice, with WiNER's entities
and with that labelling, so that it learns the conventions on names the rules have no word for.
With `generations` 2 (the default), that student is the teacher of a second one: depeche reads
the articles again with it, and a new student learns from WiNER's entities and that labelling.
"""
from __future__ import annotations

import functools
import json
import random
import re
import time
from pathlib import Path
from typing import Callable, Iterable, Optional

from pipeline.evaluate import winer as ev
from pipeline.names import ARTICLES, fold

ROOT = Path(__file__).resolve().parents[1]
LABEL_MAP = {"Person": "PER", "Organization": "ORG", "Location": "LOC", "Event": "MISC", "Product": "MISC"}
ACTOR_LABELS = ("PER", "ORG", "LOC")
TO_WINER = {"PER": "Person", "ORG": "Organization", "LOC": "Location"}
HELD_OUT_YEARS = ("2018",)
# chosen on the split (metrics/ner.log): the seed is fixed, the epochs of the shipped model
# are the best of the split's MAX_EPOCHS on 2017
SEED, MAX_EPOCHS, REHEARSAL = 14, 12, 0.5
GOLD_TYPES = {"person": "PER", "organization": "ORG", "state": "LOC", "location": "LOC"}
GOLD_DIRS = (ROOT / "corpus" / "gold", ROOT.parent / "shared" / "gold")
# measured (docs/history.md, issue 14): the gold actors, x3, did not pay on unseen hand-annotated articles
# (dev gold added, tune measured: mentions, exact, linking equal, actors -0.003; all gold added:
# check linking -0.005, actors -0.006), so the shipped component is trained on WiNER alone
GOLD_REPEAT = 0
SILVER = True
# students trained in turn, each on the labelling of the one before (measured in docs/history.md:
# the second gains on check and on 2017, not on tune)
GENERATIONS = 2
# depeche's mention labels as NER labels (states are LOC for the NER, as in the gold)
SILVER_LABELS = {"PER": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}
TITLES_FILE = ROOT / "models" / "depeche-fr" / "depeche_actors" / "lexicon.jsonl"


def check_ids(splits: Path = ROOT / "corpus" / "gold" / "splits.json") -> set[str]:
    """The article ids kept out of every training set (hand-annotated evaluation)."""
    return set(json.loads(Path(splits).read_text(encoding="utf-8")).get("check", []))


def records(docs, years: Iterable[str], exclude: set[str] = frozenset()) -> list[dict]:
    """winer-fr records with entity annotations, of the given years, minus `exclude`."""
    years = tuple(years)
    if any(y in HELD_OUT_YEARS for y in years):
        raise ValueError("2018 articles are held out for evaluation: never train or tune on them")
    out = []
    with open(docs, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            rec = json.loads(line)
            year = str(rec.get("date") or rec.get("id") or "")[:4]
            if year in years and "entities" in rec and str(rec["id"]) not in exclude:
                out.append(rec)
    return out


def flat_entities(rec: dict, label_map: dict = LABEL_MAP) -> list[tuple[int, int, str]]:
    """One label per character: the outermost actor spans first, then MISC where free."""
    spans = [(e["start"], e["end"], label_map[e["label"]]) for e in rec["entities"] if e["label"] in label_map]
    spans.sort(key=lambda x: (x[2] == "MISC", -(x[1] - x[0]), x[0]))
    out: list[tuple[int, int, str]] = []
    for s, e, lab in spans:
        if all(e <= os or oe <= s for os, oe, _ in out):
            out.append((s, e, lab))
    return sorted(out)


def _titles(path: Path = TITLES_FILE) -> set[str]:
    """The titles of the actors lexicon (`M.`, `Mme`, `Dr`), folded."""
    out = set()
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        w = json.loads(line) if line.strip() else {}
        if w.get("kind") == "title":
            out.add(fold(w["word"]))
    return out


def name_span(text: str, s: int, e: int, titles: set[str]) -> int:
    """The start of the name in a gold span: leading lower-case determiners (`le Kremlin`,
    `l'Élysée`) and titles (`M. Poutine`) left out, as WiNER writes entities."""
    while True:
        m = re.match(r"(\S+?['’]|\S+)\s*", text[s:e])
        if not m or m.end() >= e - s:
            return s
        w = m.group(1)
        if not (w.islower() and fold(w) in ARTICLES or fold(w) in titles):
            return s
        s += m.end()


def gold_annotations(dirs=GOLD_DIRS, years: Iterable[str] = ("2016", "2017"),
                     exclude: set[str] = frozenset()) -> dict[str, dict]:
    """article id -> {"actors": [(start, end, label)], "unsure": [(start, end)]} of the gold
    articles of winer-fr `years` (ids `YYYY_…`), `exclude` (the check split) left out."""
    from pipeline.evaluate.gold import load_gold

    years = tuple(years)
    if any(y in HELD_OUT_YEARS for y in years):
        raise ValueError("2018 articles are held out for evaluation: never train or tune on them")
    titles = _titles()
    out: dict[str, dict] = {}
    for d in dirs:
        if not Path(d).is_dir():
            continue
        for g in load_gold(d):
            if g.article_id[:4] not in years or g.article_id[4:5] != "_" or g.article_id in exclude:
                continue
            actors, unsure = [], []
            for a in g.data.get("actors", []):
                label = GOLD_TYPES.get(a["type"])
                for s, e in a["mentions"]:
                    if label is None or a.get("optional"):
                        unsure.append((s, e))
                    else:
                        actors.append((name_span(g.text, s, e, titles), e, label))
            out[g.article_id] = {"text": g.text, "actors": sorted(set(actors)), "unsure": sorted(set(unsure))}
    return out


def with_gold(recs: list[dict], gold: dict[str, dict], repeat: int = GOLD_REPEAT) -> list[dict]:
    """`recs` with each gold article's entities replaced by its gold actors (plus WiNER's MISC
    where no gold span lies), that article repeated `repeat` times."""
    out = []
    for r in recs:
        g = gold.get(str(r["id"]))
        if g is None or repeat <= 0:
            out.append(r)
            continue
        if g["text"] != r["text"]:
            raise ValueError(f"gold text of {r['id']} differs from winer-fr's")
        out += [relabelled(r, g["actors"], g["unsure"])] * repeat
    return out


def relabelled(rec: dict, spans: list[tuple[int, int, str]], unsure: list[tuple[int, int]]) -> dict:
    """`rec` with `spans` as its entities and `unsure` spans missing, WiNER's MISC kept where
    none of them lies (what is named but no actor stays a class of the model)."""
    taken = [(s, e) for s, e, _ in spans] + list(unsure)
    misc = [(s, e, lab) for s, e, lab in flat_entities(rec) if lab == "MISC"
            and all(e <= ts or te <= s for ts, te in taken)]
    return dict(rec, flat=sorted(spans + misc), unsure=unsure)


def silver_spans(text: str, mentions: list[dict], titles: set[str]) -> tuple[list, list]:
    """(spans, unsure) of depeche's named mentions of one article: a person, organisation, state
    or place with a capital letter is an entity (its determiner or title left out, as WiNER
    writes names); a group or a name-less description is neither entity nor non-entity."""
    spans, unsure = [], []
    for m in mentions:
        if m["source"] == "coref":
            continue
        s, e, lab = m["start"], m["end"], SILVER_LABELS.get(m["label"])
        start = name_span(text, s, e, titles)
        if lab is None or not any(c.isupper() for c in text[start:e]):
            unsure.append((s, e))
        else:
            spans.append((start, e, lab))
    return sorted(set(spans)), sorted(set(unsure))


def with_silver(recs: list[dict], labelled: list[tuple[list, list]]) -> list[dict]:
    """Each record twice: as it is (WiNER's entities, or the gold's) and with depeche's labelling
    (plus WiNER's MISC where no labelled span lies)."""
    out = []
    for r, (spans, unsure) in zip(recs, labelled):
        out += [r, relabelled(r, spans, unsure)]
    return out


@functools.lru_cache(maxsize=1)
def depeche_pipeline(model_dir=None):
    """depeche's pipeline, built once for all the teachers and the figures of a build:
    `silver_records` puts each teacher's weights in its NER before reading, `Bench` parses
    without the NER and runs the actors component alone."""
    from pipeline import nlp as nlp_mod

    return nlp_mod.build(model_dir)


def silver_records(recs: list[dict], teacher, model_dir=None, say=print) -> list[dict]:
    """`recs` with a second labelling: the mentions of depeche run with the `teacher` NER."""
    nlp = depeche_pipeline(model_dir)
    nlp.get_pipe("ner").from_bytes(teacher.to_bytes(exclude=["vocab"]), exclude=["vocab"])
    titles = _titles()
    texts = {str(r["id"]): r["text"] for r in recs}   # a repeated gold article read once
    # the actors component alone writes the mentions: the extractors after it are not run
    later = [n for n in nlp.pipe_names if n.startswith("depeche_") and n != "depeche_actors"]
    with nlp.select_pipes(disable=later):
        docs = nlp.pipe(texts.values(), batch_size=16)
        by_id = {i: silver_spans(t, d._.depeche_mentions or [], titles) for (i, t), d in zip(texts.items(), docs)}
    labelled = [by_id[str(r["id"])] for r in recs]
    say(f"silver: {sum(len(s) for s, _ in by_id.values())} entities from depeche's mentions of {len(by_id)} articles")
    return with_silver(recs, labelled)


def _example(nlp, text: str, spans: list[tuple[int, int, str]], unsure=()):
    """A training example; tokens of `unsure` spans outside every entity are missing (`-`):
    neither entity nor non-entity."""
    from spacy.training import Example, offsets_to_biluo_tags

    doc = nlp.make_doc(text)
    ents = []
    for s, e, lab in spans:
        sp = doc.char_span(s, e, label=lab, alignment_mode="contract") or \
            doc.char_span(s, e, label=lab, alignment_mode="expand")
        if sp is not None and len(sp) and all(sp.end <= o.start or o.end <= sp.start for o in ents):
            ents.append(sp)
    offsets = [(sp.start_char, sp.end_char, sp.label_) for sp in ents]
    if not unsure:
        return Example.from_dict(doc, {"entities": offsets})
    tags = offsets_to_biluo_tags(doc, offsets)
    for t in doc:
        if tags[t.i] == "O" and any(t.idx < e and s < t.idx + len(t) for s, e in unsure):
            tags[t.i] = "-"
    return Example.from_dict(doc, {"entities": tags})


def predict(nlp, texts: list[str]) -> list[list[tuple[int, int, str]]]:
    """The NER's entities alone (no other component), as character spans."""
    with nlp.select_pipes(enable=["ner"]):
        return [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in nlp.pipe(texts, batch_size=16)]


def gold_spans(recs: list[dict]) -> list[tuple]:
    """(article, start, end, WiNER label) of every Person/Organization/Location, nested included."""
    return [(str(r["id"]), e["start"], e["end"], e["label"]) for r in recs for e in r["entities"]
            if e["label"] in ev.WINER_LABELS]


def score(recs: list[dict], preds: list[list[tuple[int, int, str]]], mapping: dict = TO_WINER) -> dict:
    pred = [(str(r["id"]), s, e, mapping[lab]) for r, ps in zip(recs, preds) for s, e, lab in ps if lab in mapping]
    return ev.score_spans(gold_spans(recs), pred)


def headline(m: dict) -> str:
    """`strict 0.812 / overlap 0.861 (PER 0.90/0.93, ORG ..., LOC ...)`"""
    per = ", ".join(f"{lab[:3].upper()} {m['per_label'][lab]['f1']:.3f}/{m['per_label_lenient'][lab]['f1']:.3f}"
                    for lab in ev.WINER_LABELS)
    return f"strict {m['exact']['f1']:.3f} / overlap {m['lenient']['f1']:.3f} ({per})"


def fine_tune(train_recs: list[dict], *, dev_recs: Optional[list[dict]] = None, epochs: int = 8,
              seed: int = 14, rehearsal: float = 0.5, dropout: float = 0.2, batch: int = 8,
              learn_rate: float = 0.001, scratch: bool = False, label_map: dict = LABEL_MAP,
              say: Callable[[str], None] = print):
    """fr_core_news_md with its NER trained on `train_recs`. With `dev_recs`, the NER of the
    best epoch on them (strict F1) is kept and the history says each epoch's figures; without,
    all `epochs` are run. Returns (nlp, report)."""
    import spacy
    from spacy.util import fix_random_seed, minibatch

    fix_random_seed(seed)
    nlp = spacy.load("fr_core_news_md", exclude=["senter"])
    others = [n for n in nlp.pipe_names if n != "ner"]
    texts = list({str(r["id"]): r["text"] for r in train_recs}.values())  # a repeated gold article once
    base = predict(nlp, texts) if rehearsal else []
    if scratch:  # same architecture, new weights (the vectors are still fr_core_news_md's)
        cfg = nlp.config["components"]["ner"]
        nlp.remove_pipe("ner")
        nlp.add_pipe("ner", config={k: v for k, v in cfg.items() if k != "factory"})
    ner = nlp.get_pipe("ner")
    gold = [_example(nlp, r["text"], r["flat"] if "flat" in r else flat_entities(r, label_map), r.get("unsure", ()))
            for r in train_recs]
    rehearse = [_example(nlp, t, b) for t, b in zip(texts, base)]
    if scratch:
        ner.initialize(lambda: gold, nlp=nlp)
        optimizer = nlp.create_optimizer()
    else:
        optimizer = nlp.resume_training()
    optimizer.learn_rate = learn_rate
    rng = random.Random(seed)
    report = {"seed": seed, "epochs": epochs, "rehearsal": rehearsal, "dropout": dropout, "batch": batch,
              "learn_rate": learn_rate, "scratch": scratch, "train_articles": len(texts),
              "gold_examples": sum("flat" in r for r in train_recs),
              "train_entities": sum(len(x.reference.ents) for x in gold), "history": []}
    say(f"NER: {len(gold)} articles, {report['train_entities']} flat entities, "
        f"rehearsal {rehearsal:g}, {'from scratch' if scratch else 'fine-tuned'}")
    dev_texts = [r["text"] for r in dev_recs or []]
    if dev_recs:
        m = score(dev_recs, predict(nlp, dev_texts))
        say(f"  epoch 0: dev {headline(m)}")
    best = (-1.0, 0, None)
    for epoch in range(1, epochs + 1):
        t0 = time.perf_counter()
        data = list(gold)
        k = int(round(rehearsal * len(rehearse)))
        data += rng.sample(rehearse, k) if k < len(rehearse) else rehearse * int(rehearsal)
        rng.shuffle(data)
        losses: dict = {}
        for b in minibatch(data, size=batch):
            nlp.update(b, sgd=optimizer, drop=dropout, losses=losses, exclude=others)
        line = {"epoch": epoch, "loss": round(float(losses.get("ner", 0.0)), 1),
                "seconds": round(time.perf_counter() - t0, 1)}
        if dev_recs:
            with nlp.use_params(optimizer.averages):
                m = score(dev_recs, predict(nlp, dev_texts))
                if m["exact"]["f1"] > best[0]:
                    best = (m["exact"]["f1"], epoch, ner.to_bytes(exclude=["vocab"]))
            line.update(strict=m["exact"]["f1"], overlap=m["lenient"]["f1"],
                        per_label={lab: [m["per_label"][lab]["f1"], m["per_label_lenient"][lab]["f1"]]
                                   for lab in ev.WINER_LABELS})
            say(f"  epoch {epoch}: loss {line['loss']}, {line['seconds']} s, dev {headline(m)}")
        else:
            say(f"  epoch {epoch}: loss {line['loss']}, {line['seconds']} s")
        report["history"].append(line)
    if dev_recs:
        report["best_epoch"] = best[1]
        ner.from_bytes(best[2], exclude=["vocab"])
    else:
        with nlp.use_params(optimizer.averages):
            averaged = ner.to_bytes(exclude=["vocab"])
        ner.from_bytes(averaged, exclude=["vocab"])
    return nlp, report


# -- the split and the shipped component -------------------------------------------------------
def training_records(docs, years, *, gold_dirs=GOLD_DIRS, gold_repeat: int = GOLD_REPEAT, say=print) -> list[dict]:
    """winer-fr records of `years` (check articles out), the gold articles among them with
    their gold actors, repeated."""
    chk = check_ids()
    recs = records(docs, years, chk)
    gold = gold_annotations(gold_dirs, years, chk) if gold_repeat > 0 else {}
    say(f"{len(recs)} articles of {'-'.join(years)} ({len(chk)} check articles left out), "
        f"{sum(str(r['id']) in gold for r in recs)} of them with gold actors x{gold_repeat}")
    return with_gold(recs, gold, gold_repeat)


def trained_in_turn(base: list[dict], runs: list[dict], say=print, **kw) -> tuple:
    """One model per item of `runs` (its own arguments of `fine_tune`): the first trained on
    `base`, each next one on `base` with the labelling of the one before (`silver_records`).
    Returns (the last model, the reports of all, oldest first)."""
    recs, reports, nlp = base, [], None
    for run in runs:
        if nlp is not None:
            recs = silver_records(base, nlp.get_pipe("ner"), say=say)
            del nlp
        nlp, report = fine_tune(recs, say=say, **run, **kw)
        reports.append(report)
    return nlp, reports


def split_run(docs, *, say=print, gold_dirs=GOLD_DIRS, gold_repeat: int = GOLD_REPEAT, silver: bool = SILVER,
              generations: int = GENERATIONS, **kw) -> tuple:
    """Train on 2016, measure on 2017 (check articles out of both). With `silver`, the model
    trained on 2016 is the teacher of a student trained on both labellings (module docstring),
    and each student the teacher of the next, `generations` in all; every model is measured on
    2017 after every epoch. Returns (nlp, report), the teachers' reports inside, oldest first."""
    train_recs = training_records(docs, ["2016"], gold_dirs=gold_dirs, gold_repeat=gold_repeat, say=say)
    dev_recs = records(docs, ["2017"], check_ids())
    models = 1 + generations if silver else 1
    say(f"split: measured on {len(dev_recs)} articles of 2017, {models} models in turn")
    nlp, reports = trained_in_turn(train_recs, [dict(dev_recs=dev_recs)] * models, say=say, **kw)
    report = reports[-1]
    if reports[:-1]:
        report["teachers"] = reports[:-1]
    return nlp, report


def ship(docs, out: Path, *, epochs: int, teacher_epochs: Iterable[int] = (), say=print,
         gold_dirs=GOLD_DIRS, gold_repeat: int = GOLD_REPEAT, silver: bool = SILVER, **kw) -> dict:
    """Train on 2016 and 2017 (check articles out) and write the NER to `out`. With `silver`, a
    teacher is trained for each of `teacher_epochs` (its number of epochs), each on the labelling
    of the one before (the first on WiNER alone), and the last one's labelling is the student's;
    the student is trained for `epochs`."""
    import shutil

    base = training_records(docs, ["2016", "2017"], gold_dirs=gold_dirs, gold_repeat=gold_repeat, say=say)
    runs = [dict(epochs=n) for n in (teacher_epochs if silver else ())] + [dict(epochs=epochs)]
    say(f"ship: {len(runs)} models in turn, epochs {[r['epochs'] for r in runs]}")
    nlp, reports = trained_in_turn(base, runs, say=say, **kw)
    report = reports[-1]
    if reports[:-1]:
        report["teachers"] = reports[:-1]
    out = Path(out)
    tmp = out.with_name(out.name + ".partial")
    if tmp.exists():
        shutil.rmtree(tmp)
    nlp.get_pipe("ner").to_disk(tmp, exclude=["vocab"])
    if out.exists():
        shutil.rmtree(out)
    tmp.rename(out)
    return report


# -- figures -----------------------------------------------------------------------------------
class Bench:
    """The 2017 articles (check articles out) parsed once; then the entities of any NER, and
    depeche's actors over them with any rules switched off (scripts/ner_rules.py)."""

    def __init__(self, docs_path, model_dir=None):
        self.recs = records(docs_path, ["2017"], check_ids())
        self.nlp = depeche_pipeline(model_dir)
        keep = [n for n in self.nlp.pipe_names if not n.startswith("depeche_") and n != "ner"]
        with self.nlp.select_pipes(enable=keep):
            self.docs = list(self.nlp.pipe((r["text"] for r in self.recs), batch_size=16))
        self.actors = self.nlp.get_pipe("depeche_actors")

    def with_ner(self, ner):
        """Docs with the entities of this NER component."""
        return [ner(d.copy()) for d in self.docs]

    def ner_only(self, docs) -> dict:
        preds = [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in docs]
        return score(self.recs, preds)

    def depeche(self, docs, disabled=frozenset()) -> dict:
        self.actors.disabled = frozenset(disabled)
        preds = []
        for d in docs:
            d._.depeche_mentions = None
            self.actors(d)
            preds.append([(m["start"], m["end"], m["label"]) for m in d._.depeche_mentions or []
                          if m["source"] != "coref" and m["label"] in ev.DEPECHE_TO_WINER])
        self.actors.disabled = frozenset()
        return score(self.recs, preds, ev.DEPECHE_TO_WINER)


def load_ner(nlp, path):
    """fr_core_news_md's own NER (not the shipped one), or a trained component folder."""
    import copy

    import spacy
    if not path:
        return spacy.load(nlp.meta["depeche"]["base"] or "fr_core_news_md", enable=["ner"]).get_pipe("ner")
    ner = copy.deepcopy(nlp.get_pipe("ner"))
    return ner.from_disk(path, exclude=["vocab"])


def figures(docs, ner_dir: Path, model_dir=None) -> dict:
    """2017 (check articles out) strict and overlap F1 per label of: bare fr_core_news_md, its
    NER under depeche's actors layer, and the NER of `ner_dir` alone and under depeche."""
    bench = Bench(docs, model_dir)
    base = bench.with_ner(load_ner(bench.nlp, None))    # fr_core_news_md's own, not the shipped one
    trained = bench.with_ner(load_ner(bench.nlp, ner_dir))
    return {"articles": len(bench.recs), "bare fr_core_news_md": bench.ner_only(base),
            "fr_core_news_md under depeche": bench.depeche(base), "trained NER alone": bench.ner_only(trained),
            "trained NER under depeche": bench.depeche(trained)}


def markdown(fig: dict) -> str:
    """The README table: one line per system, strict / overlap F1 per label and overall."""
    labs = ev.WINER_LABELS
    head = "| system | " + " | ".join(f"{lab[:3].upper()} strict / overlap" for lab in labs) + " | all strict / overlap |"
    lines = [head, "|---" * (len(labs) + 2) + "|"]
    for name, m in fig.items():
        if not isinstance(m, dict):
            continue
        cells = [f"{m['per_label'][lab]['f1']:.3f} / {m['per_label_lenient'][lab]['f1']:.3f}" for lab in labs]
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {m['exact']['f1']:.3f} / {m['lenient']['f1']:.3f} |")
    return "\n".join(lines) + "\n"


def main(argv=None) -> None:
    """`make ner`: the split (figures to metrics/), then the shipped component."""
    import argparse
    import shutil

    ap = argparse.ArgumentParser(description="Train the news NER (issue 14) and ship it.")
    ap.add_argument("--docs", default=str(ROOT.parent / "shared" / "data" / "winer-fr" / "docs.jsonl"))
    ap.add_argument("--out", default=str(ROOT / "models" / "depeche-fr" / "ner"))
    ap.add_argument("--metrics", default=str(ROOT / "metrics"))
    ap.add_argument("--epochs", type=int, default=MAX_EPOCHS)
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--rehearsal", type=float, default=REHEARSAL)
    ap.add_argument("--gold", nargs="*", default=[str(d) for d in GOLD_DIRS],
                    help="gold folders whose actors replace WiNER's entities of their articles")
    ap.add_argument("--gold-repeat", type=int, default=GOLD_REPEAT,
                    help=f"times each gold article is seen an epoch (default {GOLD_REPEAT}: WiNER's entities only)")
    ap.add_argument("--no-silver", dest="silver", action="store_false",
                    help="train on WiNER's entities alone (no teacher, no depeche labelling)")
    ap.add_argument("--generations", type=int, default=GENERATIONS,
                    help=f"students trained in turn, each on the labelling of the one before (default {GENERATIONS})")
    ap.add_argument("--ship-only", action="store_true",
                    help="skip the 2016 -> 2017 split; train the shipped component for --epochs")
    a = ap.parse_args(argv)
    metrics = Path(a.metrics)
    metrics.mkdir(parents=True, exist_ok=True)
    log = open(metrics / "ner.log", "w", encoding="utf-8")

    def say(msg):
        print(msg, flush=True)
        print(msg, file=log, flush=True)

    kw = dict(seed=a.seed, rehearsal=a.rehearsal, gold_dirs=a.gold, gold_repeat=a.gold_repeat, silver=a.silver)
    if a.ship_only:  # a probe: no split, no figures, nothing written beside --out
        ship(a.docs, Path(a.out), epochs=a.epochs, teacher_epochs=[a.epochs] * a.generations, say=say, **kw)
        return
    nlp, split_report = split_run(a.docs, epochs=a.epochs, generations=a.generations, say=say, **kw)
    split_dir = metrics / "ner-2016"
    if split_dir.exists():
        shutil.rmtree(split_dir)
    nlp.get_pipe("ner").to_disk(split_dir, exclude=["vocab"])
    del nlp
    say(f"split: best epoch {split_report['best_epoch']}; figures on 2017 under depeche ...")
    fig = figures(a.docs, split_dir)
    say(markdown(fig))
    ship_report = ship(a.docs, Path(a.out), epochs=split_report["best_epoch"],
                       teacher_epochs=[t["best_epoch"] for t in split_report.get("teachers", [])], say=say, **kw)
    write_report(a.docs, split_report, fig, ship_report, [metrics / "ner.json", Path(a.out).parent / "ner-training.json"])
    say(f"wrote {a.out} and {Path(a.out).parent / 'ner-training.json'}")


def build_environment() -> dict:
    """What the build's floating point depends on besides the data and the seed: the versions of
    the numerical libraries and the processor. Two builds can agree to the bit only where these do
    (docs/history.md, "Second morning pass on issue 14")."""
    import platform
    from importlib import metadata

    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            cpu = next((ln.split(":", 1)[1].strip() for ln in f if ln.startswith("model name")), cpu)
    except OSError:
        pass
    versions = {}
    for dist in ("spacy", "thinc", "numpy", "blis", "fr-core-news-md"):
        try:
            versions[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            versions[dist] = None
    return {"python": platform.python_version(), "machine": platform.machine(), "cpu": cpu, **versions}


def write_report(docs, split_report: dict, fig: dict, ship_report: dict, paths: Iterable[Path]) -> None:
    """The build's record (`ner-training.json`): the data's hash, the split's report and 2017
    figures, the shipped component's report."""
    import hashlib

    report = {"docs_sha256": hashlib.sha256(Path(docs).read_bytes()).hexdigest(),
              "built_with": build_environment(),
              "split": split_report,
              "figures_2017": {k: (v if not isinstance(v, dict) else
                                   {x: v[x] for x in ("exact", "lenient", "per_label", "per_label_lenient")})
                               for k, v in fig.items()},
              "ship": ship_report}
    text = json.dumps(report, ensure_ascii=False, indent=1) + "\n"
    for p in paths:
        Path(p).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
