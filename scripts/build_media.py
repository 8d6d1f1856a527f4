"""Generate models/depeche-fr/depeche_actors/gazetteer.media.jsonl: the French media outlets of
Le Monde diplomatique's open table `medias.tsv` (github.com/mdiplo/Medias_francais, ODC-By 1.0,
"Médias français : qui possède quoi ?"), as organisations.

News cites its sources by their names (`selon La Voix du Nord`, `a déclaré à France Musique`);
the NER trained on Wikinews knows the national ones and misses the rest, or reads `La Provence`
as a region and `France Musique` as France. What is kept of the table:
- a parenthesised place dropped (`L'Express (Neuchâtel)`), a title of two papers split
  (`L'Union - L'Ardennais`), each name written with either apostrophe;
- only names no sentence of common words can be (`kept`): past a leading article, one word
  whose shape makes it no French word (a digit, or a capital past its first letter: `TF1`,
  `CNews`), or words with a capital or a digit past the first (`La Voix du Nord`, `France
  Musique`). `Elle`, `Marianne`, `La Provence`, `La Première`, `L'Union`, `Midi libre` are words,
  first names, regions or the opening of `la Première ministre`, `l'Union européenne`: left to the NER;
- no name another gazetteer already holds (those entries, curated or generated, stay as they are).
Country: Suisse -> CHE, Monaco -> MCO, Europe and International -> none, else FRA.

Build-time only (depeche reads the JSONL at run time). The table is not on PyPI: fetch the
repository and pass the file (`make media MEDIAS=path/to/medias.tsv`; the Makefile names the commit).
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.components.actors import MEDIA_SOURCE as SOURCE  # noqa: E402
from pipeline.components.actors_lexicon import without_article  # noqa: E402
from pipeline.names import fold, slug  # noqa: E402
from pipeline.rules import read_rules, write_rules  # noqa: E402
from pipeline.rules.gazetteer import GazetteerEntry  # noqa: E402

OUT_DIR = ROOT / "models" / "depeche-fr" / "depeche_actors"
COUNTRY = {"Suisse": "CHE", "Monaco": "MCO", "Europe": "", "International": ""}


def names_of(title: str) -> list[str]:
    """The names a row's title gives: a parenthesised place dropped, two papers split."""
    title = re.sub(r"\s*\([^)]*\)", "", title.replace("’", "'"))
    return [" ".join(part.split()) for part in title.split(" - ") if part.strip()]


def _shaped(word: str) -> bool:
    """A word no dictionary has: a digit, or a capital past its first letter (`TF1`, `CNews`)."""
    return any(c.isdigit() for c in word) or any(c.isupper() for c in word[1:])


def kept(name: str) -> bool:
    """Is the name, past a leading article, no phrase of common words a sentence may open with?
    One word: by its shape (`TF1`; not `Elle`, `La Provence`, `La Première`, `L'Union`); more: a
    capital or a digit past its first word (`La Voix du Nord`), or a capital on the word after
    the article (`Le Dauphiné libéré`, `L'Est républicain`: matched as written, that capital is no
    sentence's; not `Notre temps`, `Point de vue`, which a sentence may open with)."""
    rest = without_article(name)
    words = (rest or name).split()
    if len(words) == 1:
        return _shaped(words[0])
    return bool(rest) and words[0][:1].isupper() or any(w[:1].isupper() or w[:1].isdigit() for w in words[1:])


def entries(rows: list[dict], known: set[str]) -> list[GazetteerEntry]:
    out, seen = [], set(known)
    for r in rows:
        if (r.get("Disparu") or "").strip():
            continue  # a title that no longer appears
        for name in names_of(r["Nom"]):
            if not kept(name) or fold(name) in seen:
                continue
            seen.add(fold(name))
            aliases = (name.replace("'", "’"),) if "'" in name else ()
            out.append(GazetteerEntry(id=slug(name), name=name, type="organization",
                                      country=COUNTRY.get((r.get("Echelle") or "").strip(), "FRA"),
                                      aliases=aliases, source=SOURCE))
    return sorted(out, key=lambda e: e.id)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("medias", help="medias.tsv of github.com/mdiplo/Medias_francais")
    ap.add_argument("--out", default=str(OUT_DIR / "gazetteer.media.jsonl"))
    a = ap.parse_args(argv)
    with open(a.medias, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    known = {fold(form) for gaz in ("gazetteer.generated.jsonl", "gazetteer.curated.jsonl")
             for e in read_rules(OUT_DIR / gaz, GazetteerEntry) for form in (e.name, *e.aliases)}
    got = entries(rows, known)
    write_rules(Path(a.out), got)
    print(f"{len(got)} media outlets of {len(rows)} rows -> {a.out}")


if __name__ == "__main__":
    main()
