"""Where does py3langid stop being reliable on French and English news text? (README, pipeline/io/lang.py)

French: sentences of winer-fr (fr.wikinews.org, 2016-2018), a fixed-seed sample. English: the
news sentences written for this measure (corpus/lang/en_news_sentences.txt) and the example
sentences spaCy ships (`spacy.lang.en.examples`). Each sentence is cut at a word boundary to
the first prefix with at least L letters (followed by the next sentences when it is shorter), and
classified as depeche does (pipeline.io.lang.classify). Printed per L: the share of French
prefixes judged French and of English prefixes judged not French, for the detector over all its
languages and over the restricted set depeche uses.

Run: `.venv/bin/python scripts/measure_lang.py [--docs ../shared/data/winer-fr/docs.jsonl]`.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.io import lang as L  # noqa: E402

SENT = re.compile(r"(?<=[.!?»])\s+(?=[A-ZÀ-Ý«\"])")
LENGTHS = (10, 20, 30, 40, 50, 60, 80, 100, 120, 160)


def french_sentences(docs: Path, n: int, seed: int = 7) -> list[str]:
    out = []
    with open(docs, encoding="utf-8") as f:
        for line in f:
            text = json.loads(line)["text"]
            for para in text.split("\n"):
                out += [s.strip() for s in SENT.split(para) if sum(c.isalpha() for c in s) >= 10]
    random.Random(seed).shuffle(out)
    return out[:n]


def english_sentences() -> list[str]:
    from spacy.lang.en.examples import sentences as spacy_examples
    mine = (ROOT / "corpus" / "lang" / "en_news_sentences.txt").read_text(encoding="utf-8").splitlines()
    return [s for s in mine if s.strip()] + list(spacy_examples)


def prefix(sents: list[str], i: int, letters: int) -> str:
    """The first words, from sentence i on, that hold at least `letters` letters."""
    words = " ".join(sents[i:i + 8]).split()
    out, count = [], 0
    for w in words:
        out.append(w)
        count += sum(c.isalpha() for c in w)
        if count >= letters:
            break
    return " ".join(out)


def rates(sents: list[str], letters: int, restricted: bool) -> float:
    """Share of prefixes judged French."""
    fr = 0
    for i in range(len(sents)):
        lang, _ = L.classify(prefix(sents, i, letters), restricted=restricted)
        fr += lang == "fr"
    return fr / len(sents)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=Path, default=ROOT.parent / "shared" / "data" / "winer-fr" / "docs.jsonl")
    ap.add_argument("--french", type=int, default=2000, help="French sentences sampled")
    args = ap.parse_args(argv)
    fr, en = french_sentences(args.docs, args.french), english_sentences()
    print(f"{len(fr)} French sentences (winer-fr), {len(en)} English sentences")
    print("| letters | French judged fr (all languages) | English judged not fr (all) "
          "| French judged fr (restricted) | English judged not fr (restricted) |")
    print("|---|---|---|---|---|")
    for n in LENGTHS:
        cells = []
        for restricted in (False, True):
            cells += [f"{rates(fr, n, restricted):.3f}", f"{1 - rates(en, n, restricted):.3f}"]
        print(f"| {n} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
