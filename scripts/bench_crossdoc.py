"""`make bench`, cross-article part: near-duplicates and claims on 100,000 synthetic articles.

Articles are made of words drawn from the winer-fr vocabulary (read in place) with their
frequencies, a headline and 4 to 7 paragraphs each; one in ten is a light rewrite of an earlier
one (a new headline, paragraphs shuffled, one cut). Each article carries three attributions: a tenth of them a
quotation repeated from a pool (claims seen in many articles), some denials. Timed, at 12,500,
25,000, 50,000 and 100,000 articles:
- sketch: the per-article MinHash sketch (what a worker adds to each article);
- group: the LSH grouping of all sketches into copies (the final merge);
- claims: clustering the attributions into claims, both passes (the final merge).
Times are CPU seconds of this process. Linear growth means a constant time per article: the
script prints it at each size and the ratio
of the largest size's time per article to the smallest's (goal <= 1.3), and checks that every
planted copy was found.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
import zlib
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.crossdoc.claims import ClaimBuilder  # noqa: E402
from pipeline.crossdoc.duplicates import DuplicateFinder, sketch  # noqa: E402

SIZES = (12_500, 25_000, 50_000, 100_000)


def vocabulary(docs: Path) -> tuple[np.ndarray, np.ndarray]:
    counts: Counter = Counter()
    with open(docs, encoding="utf-8") as f:
        for line in f:
            counts.update(re.findall(r"\w+", json.loads(line)["text"]))
    words, n = zip(*counts.most_common())
    p = np.array(n, dtype=float)
    return np.array(words, dtype=object), p / p.sum()


def articles(n: int, words, p, seed: int = 7):
    """n synthetic (article_id, date, body) triples and the planted copies {copy: original}."""
    rng = np.random.default_rng(seed)
    pick = random.Random(seed)
    out, copies = [], {}
    draws = iter(rng.choice(len(words), size=n * 420, p=p))
    for i in range(n):
        aid, date = f"a{i:06d}", f"20{10 + i % 15:02d}-{1 + i % 12:02d}-{1 + i % 28:02d}"
        if i >= 10 and i % 10 == 0:
            src = pick.randrange(i - 10 if i > 1000 else 0, i)
            if src % 10 == 0 and src >= 10:
                src += 1        # a copy of an original, not of a copy
            paras = out[src][2].split("\n\n")
            body = paras[1:]
            pick.shuffle(body)
            if len(body) > 3:
                body.pop()
            # dated as its original: the original, with the lower id, stays first of the group
            out.append((aid, out[src][1], "\n\n".join(["Nouveau titre " + aid] + body)))
            copies[aid] = out[src][0]
            continue
        paras = [" ".join(words[next(draws)] for _ in range(8))]     # a headline
        for _ in range(pick.randint(4, 7)):
            k = pick.randint(30, 80)
            paras.append(" ".join(words[next(draws)] for _ in range(k)) + ".")
        out.append((aid, date, "\n\n".join(paras)))
    return out, copies


def attributions(arts, words, p, seed: int = 11):
    rng = random.Random(seed)
    pool = [" ".join(rng.choices(list(words[:3000]), k=12)) for _ in range(2000)]
    rows = []
    for aid, _, body in arts:
        sentences = body.split(". ")
        for j in range(1, 4):
            if rng.random() < 0.1:
                content = rng.choice(pool)
                actor = f"actor{zlib.crc32(content.encode()) % 500}"
            else:
                content, actor = " ".join(rng.choice(sentences).split()[:15]), f"actor{rng.randrange(2000)}"
            deny = rng.random() < 0.03
            rows.append({"article_id": aid, "attribution_id": j, "actor_id": "" if j == 3 else actor,
                         "content": "ces allégations" if deny and j > 1 else content,
                         "stance": "deny" if deny else "assert", "cue_lemma": "rejeter" if deny else "dire"})
    return rows


def timed(fn):
    """CPU seconds of fn() (the machines are shared: wall time would measure the neighbours)."""
    t = time.process_time()
    result = fn()
    return time.process_time() - t, result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", required=True, type=Path, help="winer-fr docs.jsonl (its vocabulary)")
    ap.add_argument("--max", type=int, default=SIZES[-1])
    args = ap.parse_args()
    words, p = vocabulary(args.docs)
    sizes = [s for s in SIZES if s <= args.max] or [args.max]
    t_gen, (arts, copies) = timed(lambda: articles(sizes[-1], words, p))
    print(f"generated {len(arts):,} articles ({len(copies):,} copies) in {t_gen:.0f} s")
    t_sk, sketches = timed(lambda: [sketch(a, b) for a, _, b in arts])
    print(f"sketch: {t_sk / len(arts) * 1e6:.0f} µs per article ({t_sk:.0f} s for {len(arts):,})")
    rows = attributions(arts, words, p)
    dates = {a: d for a, d, _ in arts}
    results = {"sketch_us_per_article": t_sk / len(arts) * 1e6, "sizes": {}}
    print(f"\n{'articles':>9}{'group s':>9}{'µs/art':>8}{'claims s':>10}{'µs/art':>8}{'copies found':>14}")
    for n in sizes:
        finder = DuplicateFinder()
        for (aid, date, _), sk in zip(arts[:n], sketches[:n]):
            finder.add(sk, date)
        t_group, found = timed(finder.duplicate_of)
        planted = {c: o for c, o in copies.items() if int(c[1:]) < n}
        hits = sum(found.get(c) == o for c, o in planted.items())
        sub = [r for r in rows if int(r["article_id"][1:]) < n]

        def claims():
            b = ClaimBuilder(dates)
            for r in sub:
                b.add(r)
            b.finish()
            for i in range(0, len(sub), 3):
                b.assign(sub[i:i + 3])
            return b.rows()
        t_claims, claim_rows = timed(claims)
        results["sizes"][n] = {"group_s": t_group, "claims_s": t_claims, "copies": len(planted), "found": hits,
                               "extra": len(found) - hits, "claims": len(claim_rows)}
        print(f"{n:>9,}{t_group:>9.1f}{t_group / n * 1e6:>8.0f}{t_claims:>10.1f}{t_claims / n * 1e6:>8.0f}"
              f"{hits:>8,}/{len(planted):,} (+{len(found) - hits})")
    a, b = results["sizes"][sizes[0]], results["sizes"][sizes[-1]]
    for k in ("group_s", "claims_s"):
        ratio = (b[k] / sizes[-1]) / (a[k] / sizes[0])
        results[f"{k[:-2]}_per_article_ratio"] = ratio
        print(f"{k[:-2]:>6}: time per article at {sizes[-1]:,} / at {sizes[0]:,} = {ratio:.2f}  (linear ~ 1; goal <= 1.3)")
    dest = ROOT / "bench"
    dest.mkdir(exist_ok=True)
    (dest / "crossdoc.json").write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
