"""Dask engine vs local engine: throughput ratio at the same number of workers, and the
partition size to use.

Each run is a fresh subprocess (`pipeline.runner.run`, as `depeche run` does) timed from start
to end, so both engines pay their own start-up (the local engine loads the model once and
forks its workers; each Dask worker imports spaCy and loads the model in its own process).
The steady rate, from the first written part to the last, is shown too: it leaves start-up
out. Ratios only: the machines are noisy.

    python scripts/bench_dask.py --docs ../shared/data/winer-fr/docs.jsonl            # ratio
    python scripts/bench_dask.py --docs ... --limit 256 --sweep 16,32,64,128           # sizes

`compare()` is importable (scripts/bench.py can call it).
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

RUN = """
import json, sys, time
t0 = time.perf_counter()
marks = []

class Marks:
    def start(self, total, done=0): pass
    def advance(self, n): marks.append((time.perf_counter() - t0, n))
    def stop(self): pass

if __name__ == "__main__":
    from pipeline.runner import run
    inp, out, engine, workers, size = sys.argv[1:6]
    r = run(inp, out, workers=int(workers), engine=engine, unit_size=int(size), progress=Marks())
    wall = time.perf_counter() - t0
    first, n_after = marks[0][0], sum(n for _, n in marks[1:])
    steady = n_after / (marks[-1][0] - first) if len(marks) > 1 and marks[-1][0] > first else 0.0
    print(json.dumps({"seconds": wall, "articles": r.articles, "first_part": first, "steady": steady}))
"""


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)   # finished subprocesses and their workers
    return r.ru_utime + r.ru_stime


def measure(inp: Path, out: Path, engine: str, workers: int, size: int) -> dict:
    cpu = _cpu()
    res = subprocess.run([sys.executable, "-c", RUN, str(inp), str(out), engine, str(workers), str(size)],
                         cwd=ROOT, capture_output=True, text=True)
    if res.returncode:
        raise SystemExit(f"bench_dask: {engine} run failed:\n{res.stderr[-2000:]}")
    r = json.loads(res.stdout.strip().splitlines()[-1])
    r["cpu"] = _cpu() - cpu
    r["rate"] = r["articles"] / r["seconds"]
    return r


def same_tables(a: Path, b: Path) -> bool:
    names = sorted(p.name for p in a.iterdir() if p.is_file() and p.name != "run.json")
    return all((a / n).read_bytes() == (b / n).read_bytes() for n in names)


def sample(docs: Path, limit: int, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    with open(docs, encoding="utf-8") as f, open(folder / docs.name, "w", encoding="utf-8") as g:
        for i, line in enumerate(f):
            if i >= limit:
                break
            g.write(line)
    return folder


def compare(docs: Path, workers: int = 2, size: int | None = None) -> dict:
    """Local then Dask engine over `docs` (a file or folder) with `workers` each."""
    from pipeline.runner import DEFAULT_UNIT
    size = size or DEFAULT_UNIT
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        local = measure(docs, tmp / "local", "local", workers, size)
        dask = measure(docs, tmp / "dask", "dask", workers, size)
        identical = same_tables(tmp / "local", tmp / "dask")
    return {"workers": workers, "partition_size": size, "local": local, "dask": dask,
            "ratio": dask["rate"] / local["rate"], "cpu_ratio": local["cpu"] / dask["cpu"],
            "steady_ratio": dask["steady"] / local["steady"]
            if local["steady"] else None, "identical_tables": identical}


def sweep(docs: Path, sizes: list[int], workers: int = 2) -> list[dict]:
    """The Dask engine alone at several partition sizes."""
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            r = measure(docs, Path(tmp) / f"d{size}", "dask", workers, size)
            rows.append({"partition_size": size, **r})
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", required=True, type=Path, help="a JSONL file or a folder of dispatches")
    ap.add_argument("--limit", type=int, default=0, help="only the first N records of a JSONL file")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--partition-size", type=int, default=0)
    ap.add_argument("--sweep", default="", help="comma-separated partition sizes: Dask engine only")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        docs = args.docs.resolve()
        if args.limit:
            docs = sample(docs, args.limit, Path(tmp) / "in")
        if args.sweep:
            for size in [int(s) for s in args.sweep.split(",")]:
                r = sweep(docs, [size], args.workers)[0]
                print(f"partition {r['partition_size']:>4}: {r['seconds']:6.1f} s, {r['rate']:.2f} art/s "
                      f"overall, {r['steady']:.2f} art/s after the first part ({r['first_part']:.1f} s), "
                      f"{r['cpu']:.0f} CPU s", flush=True)
            return
        r = compare(docs, args.workers, args.partition_size or None)
    for eng in ("local", "dask"):
        v = r[eng]
        print(f"{eng:<6} {r['workers']} workers: {v['articles']} articles in {v['seconds']:.1f} s = "
              f"{v['rate']:.2f} art/s (steady {v['steady']:.2f} art/s after the first part at "
              f"{v['first_part']:.1f} s), {v['cpu']:.0f} CPU s")
    print(f"dask / local throughput: {r['ratio']:.2f} (goal >= 0.85); steady: {r['steady_ratio']:.2f}; "
          f"per CPU second: {r['cpu_ratio']:.2f}; "
          f"partition size {r['partition_size']}; identical tables: {r['identical_tables']}")


if __name__ == "__main__":
    main()
