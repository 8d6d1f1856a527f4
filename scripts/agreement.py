"""Agreement between two independent annotations of the same articles, with depeche's own scorer.

    python scripts/agreement.py [--first corpus/gold] [--second corpus/agreement] [--json]

The first pass is read as gold and the second as a prediction (its items turned into the rows
`depeche run` would write), so the figures are those `depeche evaluate` reports: mention,
linking, quantity, date, attribution content (@0.5) and end-to-end (content + speaker) F1.
Only the articles present in both folders are scored.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from pipeline.evaluate import load_gold, score  # noqa: E402


def _rows(golds) -> dict:
    """The second pass as predicted rows: named mentions, quantities, dates, attributions, actors."""
    rows = {"actors": [], "mentions": [], "quantities": [], "dates": [], "attributions": []}
    label = {"person": "PER", "organization": "ORG", "state": "GPE", "location": "LOC", "group": "GROUP"}
    for g in golds:
        aid, text, d = g.article_id, g.text, g.data
        actor_id = {a["id"]: f"{aid}/{a['id']}" for a in d["actors"]}
        for a in d["actors"]:
            rows["actors"].append(SimpleNamespace(actor_id=actor_id[a["id"]], name=a["name"], type=a["type"],
                                                  country=a.get("country", ""), wikidata=""))
            for s, e in a.get("mentions", []):
                rows["mentions"].append(SimpleNamespace(article_id=aid, mention_id=len(rows["mentions"]) + 1,
                                                        start=s, end=e, text=text[s:e],
                                                        label=label[a["type"]], actor_id=actor_id[a["id"]],
                                                        source="rules"))
        for q in d["quantities"]:
            s, e = q["span"]
            rows["quantities"].append(SimpleNamespace(article_id=aid, quantity_id=len(rows["quantities"]) + 1,
                                                      start=s, end=e, text=text[s:e],
                                                      value=q["value"], qualifier=q.get("qualifier", ""),
                                                      unit=q.get("unit", ""), item=q.get("item", "")))
        for t in d["dates"]:
            s, e = t["span"]
            rows["dates"].append(SimpleNamespace(article_id=aid, date_id=len(rows["dates"]) + 1, start=s, end=e, text=text[s:e],
                                                 value=t["value"], granularity=t.get("granularity", "")))
        for t in d["attributions"]:
            def span(k):
                return t[k] if t.get(k) else (None, None)
            (cs, ce), (ss, se), (ts, te) = span("cue"), span("speaker"), span("content")
            rows["attributions"].append(SimpleNamespace(
                article_id=aid, attribution_id=len(rows["attributions"]) + 1, parent_id=None, kind=t["kind"], cue=text[cs:ce] if cs is not None else "", cue_start=cs,
                cue_end=ce, cue_lemma=t.get("cue_lemma", ""), stance=t.get("stance", "") or "",
                speaker=text[ss:se] if ss is not None else "", speaker_start=ss, speaker_end=se,
                actor_id=actor_id.get(t.get("speaker_actor") or "", ""), content=text[ts:te],
                content_start=ts, content_end=te))
    return rows


def agreement(first: Path, second: Path) -> dict:
    seconds = load_gold(second)
    ids = {g.article_id for g in seconds}
    firsts = [g for g in load_gold(first) if g.article_id in ids]
    m = score(firsts, _rows([g for g in seconds if g.article_id in {f.article_id for f in firsts}]))
    m.pop("errors", None)
    m["articles"] = sorted(g.article_id for g in firsts)
    return m


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--first", type=Path, default=ROOT / "corpus" / "gold")
    ap.add_argument("--second", type=Path, default=ROOT / "corpus" / "agreement")
    ap.add_argument("--json", action="store_true", help="print every figure as JSON")
    args = ap.parse_args(argv)
    m = agreement(args.first, args.second)
    if args.json:
        print(json.dumps(m, indent=1, ensure_ascii=False))
        return 0
    print(f"{len(m['articles'])} articles doubly annotated")
    for key in ("mentions", "linking", "quantities", "dates"):
        if key in m:
            print(f"{key:<28} F1 {m[key].get('f1', float('nan')):.3f}")
    att = m.get("attributions", {})
    print(f"{'attribution content @0.5':<28} F1 {att['0.5']['f1']:.3f}")
    print(f"{'content + speaker':<28} F1 {att['end_to_end']['f1']:.3f}")
    print(f"{'speaker resolution':<28} acc {att['speaker_resolution']['accuracy']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
