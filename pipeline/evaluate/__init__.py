"""Score a model against gold annotations (ANNOTATION.md): the numbers the project is judged by.

`evaluate(gold_dir, model_dir, corpus)` loads the gold files, runs the model on their texts
(`pipeline.runner.extract`, the runner's own local engine) and returns a dict of metrics plus
an `errors` list; `write_outputs` writes them as metrics.json and errors.csv.

- gold.py: gold files and their texts (decoded by pipeline.io);
- scoring.py: the matching rules and the counts (`score(golds, rows)`, no model);
- winer.py: PER/ORG/LOC spans against winer-fr 2016-2017;
- validate.py: the checks a gold file must pass before anything scores or trains on it.
"""
from __future__ import annotations

import csv
import json
from pathlib import Path

from pipeline.errors import GoldError
from pipeline.evaluate.gold import SPLIT_NAMES, GoldArticle, articles_of, gold_files, load_gold, read_splits, select
from pipeline.evaluate.scoring import (ERROR_COLUMNS, HEADLINE, PRF, THRESHOLDS, Ratio, Scorer, actor_matches,
                                       actor_table, core_span, fold, fold_words, greedy_pairs, max_matching,
                                       overlap, rows_by_article, score)
from pipeline.evaluate.winer import (DEPECHE_TO_WINER, SPACY_TO_WINER, WINER_LABELS, WINER_YEARS, evaluate_winer,
                                     score_spans, winer_records)
from pipeline.fsutil import atomic_open

__all__ = ["evaluate", "evaluate_splits", "write_outputs", "GoldError", "GoldArticle", "articles_of", "gold_files",
           "load_gold", "read_splits", "select", "SPLIT_NAMES",
           "ERROR_COLUMNS", "HEADLINE", "PRF", "THRESHOLDS", "Ratio", "Scorer", "actor_matches", "actor_table",
           "core_span", "fold", "fold_words", "greedy_pairs", "max_matching", "overlap", "rows_by_article",
           "score", "DEPECHE_TO_WINER", "SPACY_TO_WINER", "WINER_LABELS", "WINER_YEARS", "evaluate_winer",
           "score_spans", "winer_records"]


def evaluate(gold_dir, model_dir=None, corpus=None, *, nlp=None, golds=None, split: str = "all") -> dict:
    """Run the model on the gold articles (of one split of the folder) and score it. Returns
    metrics; `errors` lists every false positive, false negative, wrong link, wrong value and
    wrong speaker."""
    return evaluate_splits(gold_dir, model_dir, corpus, nlp=nlp, golds=golds, splits=(split,))[split]


def evaluate_splits(gold_dir, model_dir=None, corpus=None, *, nlp=None, golds=None,
                    splits=(*SPLIT_NAMES, "all")) -> dict[str, dict]:
    """The metrics of each split (`tune`, `check`, `all`: gold.py), the model run once over
    the articles they hold."""
    from pipeline import nlp as nlp_mod
    from pipeline.runner import extract

    golds = golds if golds is not None else load_gold(gold_dir, corpus)
    named = read_splits(gold_dir) if any(s != "all" for s in splits) else None
    parts = {s: select(golds, named, s) for s in splits}
    needed = {g.article_id for part in parts.values() for g in part}
    model = str(Path(model_dir).resolve()) if model_dir else str(nlp_mod.default_model_dir())
    rows = extract(articles_of(g for g in golds if g.article_id in needed), model, nlp=nlp)
    return {s: _metrics(gold_dir, model, part, rows) for s, part in parts.items()}


def _metrics(gold_dir, model: str, golds: list, rows: dict) -> dict:
    out = score(golds, rows)
    ids = {g.article_id for g in golds}
    articles = [a for a in rows.get("articles", []) if a.article_id in ids]
    statuses = {}
    for a in articles:
        statuses[a.status] = statuses.get(a.status, 0) + 1
    notes = [f"{g.article_id}: sha256 differs from the gold file's (text changed?)" for g in golds
             if g.sha_ok is False]
    notes += [f"{a.article_id}: status {a.status}: {a.error}" for a in articles if a.status != "ok"]
    meta = {"gold": str(gold_dir), "model": model, "articles": len(golds), "statuses": statuses, "notes": notes}
    return {**meta, **out}


def write_outputs(m: dict, out_dir) -> None:
    """metrics.json (every figure) and errors.csv (one line per error) into `out_dir`."""
    out_dir = Path(out_dir)
    metrics = {k: v for k, v in m.items() if k != "errors"}
    with atomic_open(out_dir / "metrics.json") as f:
        f.write(json.dumps(metrics, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    with atomic_open(out_dir / "errors.csv", newline="") as f:
        w = csv.DictWriter(f, fieldnames=ERROR_COLUMNS, lineterminator="\n")
        w.writeheader()
        for e in m.get("errors", []):
            w.writerow({k: ("" if e.get(k) is None else e.get(k)) for k in ERROR_COLUMNS})
