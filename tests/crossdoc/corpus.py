"""Test corpora for the cross-article steps, built at test time from the winer-fr texts (read in
place from ../shared/data, never copied into the repository)."""
from __future__ import annotations

import json
import random
from datetime import date, timedelta
from pathlib import Path

from tests.conftest import WINER

ORIGINALS = 40
COPIED = 10
HEADLINES = ("Ce qu'il faut savoir : {}", "{} (dépêche mise à jour)", "EN BREF. {}",
             "Actualité – {}", "{} : les faits")


def winer_records() -> list[dict]:
    with open(WINER, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def _paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n\n") if p.strip()]


def _retypeset(text: str, rng: random.Random) -> str:
    """Whitespace and quote-mark changes a desk makes when it reposts a wire story."""
    text = text.replace("« ", "\"").replace(" »", "\"").replace("«", "\"").replace("»", "\"")
    text = text.replace("'", "’") if rng.random() < 0.5 else text.replace("’", "'")
    text = text.replace(" .", ".").replace(" ,", ",").replace(" : ", "\u00a0: ")
    text = text.replace(". ", ".  ") if rng.random() < 0.5 else text.replace(". ", ".\n")
    return text.replace("\n\n", "\n \n\n") + "\n"


def make_copy(rec: dict, filler: str, rng: random.Random, *, add: bool) -> str:
    """A light rewrite of `rec`: a new headline, shuffled paragraphs, a paragraph added (from
    `filler`) or cut, whitespace and quote marks retypeset."""
    paras = _paragraphs(rec["text"])
    title, body = paras[0], paras[1:]
    head_words = title.split()
    new_title = rng.choice(HEADLINES).format(" ".join(head_words[len(head_words) // 3:]))
    if add or len(body) < 3:
        body.insert(rng.randrange(len(body) + 1), filler)
    else:
        del body[rng.randrange(1, len(body))]
    rng.shuffle(body)
    return _retypeset("\n\n".join([new_title] + body), rng)


def duplicates_corpus(seed: int = 17) -> tuple[list[dict], dict[str, str]]:
    """ORIGINALS winer-fr records spread over the years plus, for COPIED of them, a light
    rewrite dated the same day or later (one undated). Returns (records, copy id -> original id)."""
    recs = winer_records()
    stride = len(recs) // ORIGINALS
    originals = [recs[i * stride] for i in range(ORIGINALS)]
    rng = random.Random(seed)
    fillers = [_paragraphs(r["text"])[-1] for r in recs[1::stride][:COPIED]]
    out, truth = list(originals), {}
    for n, rec in enumerate(rng.sample(originals, COPIED)):
        day = date.fromisoformat(rec["date"]) + timedelta(days=rng.randrange(0, 3))
        copy = {"id": f"copy-{n:02d}", "date": "" if n == 0 else day.isoformat(),
                "text": make_copy(rec, fillers[n], rng, add=n % 2 == 0)}
        out.append(copy)
        truth[copy["id"]] = rec["id"]
    return out, truth


def write_jsonl(records: list[dict], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps({k: r[k] for k in ("id", "date", "text") if r.get(k) is not None},
                               ensure_ascii=False) + "\n")
    return path
