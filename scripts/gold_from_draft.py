"""Turn an annotator's draft into a gold file: spans written as text, offsets computed here.

    python scripts/gold_from_draft.py DRAFT.json [--docs ../shared/data/winer-fr/docs.jsonl] [-o corpus/gold]

A draft is a gold file (../shared/ANNOTATION.md) without `text`, `sha256` and `date` (taken
from the article's record in docs.jsonl), whose spans may be written in any of these forms:
  [start, end]                      offsets, kept as they are
  "Vladimir Poutine"                the only occurrence of that text in the article
  "Poutine#3"                       its 3rd occurrence (1-based, in text order)
  "il@il a déclaré#2"               `il` inside the 2nd occurrence of `il a déclaré`
                                    (the part before @ must occur once in the context)
  {"text": "...", "context": "...", "n": 2}   the same, for texts holding '#' or '@'
Every span of actors (mentions, coref), quantities, dates and attributions (cue, speaker,
content) may be written so. The result is validated (pipeline.evaluate.validate) and written as
<article_id>.json; problems are printed one a line and the exit status is 1.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from pipeline.evaluate.validate import check_gold  # noqa: E402

DOCS = Path(__file__).resolve().parents[2] / "shared" / "data" / "winer-fr" / "docs.jsonl"


class SpanError(ValueError):
    pass


def occurrences(text: str, needle: str, lo: int = 0, hi: int | None = None) -> list[int]:
    hi = len(text) if hi is None else hi
    out, i = [], text.find(needle, lo, hi)
    while i != -1:
        out.append(i)
        i = text.find(needle, i + 1, hi)
    return out


def _nth(text: str, needle: str, n: int | None, lo=0, hi=None) -> int:
    found = occurrences(text, needle, lo, hi)
    if not found:
        raise SpanError(f"{needle!r} not found")
    if n is None:
        if len(found) > 1:
            raise SpanError(f"{needle!r} occurs {len(found)} times: write {needle}#k or give a context")
        return found[0]
    if not 1 <= n <= len(found):
        raise SpanError(f"{needle!r} occurs {len(found)} times, not {n}")
    return found[n - 1]


def resolve(text: str, spec) -> list[int] | None:
    if spec is None:
        return None
    if isinstance(spec, list) and len(spec) == 2 and all(isinstance(x, int) for x in spec):
        return spec
    if isinstance(spec, str):
        m = re.match(r"^(.*?)(?:#(\d+))?$", spec, re.S)
        body, n = m.group(1), (int(m.group(2)) if m.group(2) else None)
        if "@" in body:
            needle, context = body.split("@", 1)
            spec = {"text": needle, "context": context, "n": n}
        else:
            spec = {"text": body, "n": n}
    if not isinstance(spec, dict) or not spec.get("text"):
        raise SpanError(f"cannot read span {spec!r}")
    needle, context, n = spec["text"], spec.get("context"), spec.get("n")
    if context:
        c = _nth(text, context, n)
        s = _nth(text, needle, None, c, c + len(context))
    else:
        s = _nth(text, needle, n)
    return [s, s + len(needle)]


def build(draft: dict, record: dict) -> tuple[dict, list[str]]:
    text = record["text"]
    problems: list[str] = []

    def r(spec, where):
        try:
            return resolve(text, spec)
        except SpanError as e:
            problems.append(f"{where}: {e}")
            return None

    aid = draft["article_id"]
    actors = []
    for a in draft.get("actors", []):
        a = dict(a)
        for k in ("mentions", "coref"):
            a[k] = [x for x in (r(s, f"actor {a.get('id')} {k}") for s in a.get(k, [])) if x]
        actors.append(a)
    quantities = [dict(q, span=r(q.get("span"), f"quantity {q.get('span')!r}")) for q in draft.get("quantities", [])]
    dates = [dict(d, span=r(d.get("span"), f"date {d.get('span')!r}")) for d in draft.get("dates", [])]
    atts = []
    for t in draft.get("attributions", []):
        t = dict(t)
        for k in ("cue", "speaker", "content"):
            t[k] = r(t.get(k), f"attribution {t.get('id')} {k}")
        atts.append(t)
    gold = {"article_id": aid, "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
            "date": record.get("date") or "", "url": record.get("url", ""),
            "text": text, "actors": actors, "quantities": quantities, "dates": dates,
            "attributions": atts}
    if not problems:
        problems = check_gold(gold, aid)
    return gold, problems


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("drafts", nargs="+", type=Path)
    ap.add_argument("--docs", type=Path, default=DOCS)
    ap.add_argument("-o", "--out", type=Path, default=Path(__file__).resolve().parents[1] / "corpus" / "gold")
    args = ap.parse_args(argv)
    records = {}
    with args.docs.open(encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            records[d["id"]] = d
    status = 0
    for path in args.drafts:
        draft = json.loads(path.read_text(encoding="utf-8"))
        aid = draft.get("article_id")
        if aid not in records:
            print(f"{path}: article_id {aid!r} is not in {args.docs}")
            status = 1
            continue
        gold, problems = build(draft, records[aid])
        if problems:
            status = 1
            for p in problems:
                print(f"{path}: {p}")
            continue
        args.out.mkdir(parents=True, exist_ok=True)
        (args.out / f"{aid}.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n",
                                              encoding="utf-8")
        print(f"{path}: wrote {args.out / (aid + '.json')}")
    return status


if __name__ == "__main__":
    sys.exit(main())
