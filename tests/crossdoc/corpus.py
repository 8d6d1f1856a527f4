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


def copies_of(records: list[dict], n: int, seed: int = 5) -> list[dict]:
    """Light rewrites of n of `records` that have a headline and three paragraphs or more (the
    same date), ids `copy-NN`: for runs whose tables must show `duplicate_of` filled. (A paragraph
    added to a two-paragraph brief can outweigh it: that is an update, not a copy.)"""
    rng = random.Random(seed)
    picked = rng.sample([r for r in records if len(_paragraphs(r["text"])) >= 4], n)
    fillers = [_paragraphs(r["text"])[-1] for r in records if r not in picked][:n]
    return [{"id": f"copy-{i:02d}", "date": rec.get("date", ""), "text": make_copy(rec, fillers[i], rng, add=i % 2 == 0)}
            for i, rec in enumerate(picked)]


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
            f.write(json.dumps({k: r[k] for k in ("id", "date", "title", "url", "text") if r.get(k) is not None},
                               ensure_ascii=False) + "\n")
    return path


# Four dispatches (invented for the tests) carry one quotation of Volodymyr Zelensky on different
# dates; the earliest is neither the first by id nor the first in the folder. The Kremlin denies it
# in one of them; a copy of the earliest is reposted the next day by another outlet.
QUOTE = "la Corée du Nord a envoyé 10 000 soldats en Russie"
DISPATCHES = [
    ("afp-2024-10-21", "2024-10-21", "Zelensky accuse de nouveau Pyongyang",
     "KIEV, 21 octobre 2024.\nLe président ukrainien Volodymyr Zelensky a répété lundi que « "
     + QUOTE + " ».\n\nLe Kremlin a rejeté ces allégations, les qualifiant de propagande."),
    ("belga-2024-10-19", "2024-10-19", "Des soldats nord-coréens en Russie, selon Kiev",
     "BRUXELLES, 19 octobre 2024.\n« " + QUOTE[0].upper() + QUOTE[1:] + " », a déclaré samedi "
     "Volodymyr Zelensky lors d'un sommet à Bruxelles.\n\nL'OTAN n'a pas confirmé cette information "
     "dans l'immédiat."),
    ("reuters-2024-10-18", "2024-10-18", "Zelensky : la Corée du Nord envoie des troupes",
     "KIEV, 18 octobre 2024.\n« " + QUOTE[0].upper() + QUOTE[1:] + " », a affirmé vendredi Volodymyr "
     "Zelensky devant la presse à Kiev.\n\nLe président ukrainien a appelé ses alliés à réagir "
     "rapidement.\n\nSelon les services de renseignement sud-coréens, 1 500 soldats seraient déjà "
     "arrivés à Vladivostok."),
    ("lesoir-2024-10-19", "2024-10-19", "Pyongyang enverrait 10 000 soldats",
     "KIEV, 18 octobre 2024.\n« " + QUOTE[0].upper() + QUOTE[1:] + " », a affirmé vendredi Volodymyr "
     "Zelensky devant la presse à Kiev.\n\nSelon les services de renseignement sud-coréens, 1 500 "
     "soldats seraient déjà arrivés à Vladivostok.\n\nLe président ukrainien a appelé ses alliés à "
     "réagir rapidement."),
    ("blog-sans-date", "", "Revue de presse",
     "Volodymyr Zelensky a déclaré que « " + QUOTE + " ». Le chiffre n'a pas pu être vérifié."),
]


def quotes_corpus(folder: Path) -> Path:
    """DISPATCHES as one JSONL file in `folder`."""
    return write_jsonl([{"id": i, "date": d, "title": t, "url": f"https://example.org/{i}", "text": x}
                        for i, d, t, x in DISPATCHES], folder / "depeches.jsonl")
