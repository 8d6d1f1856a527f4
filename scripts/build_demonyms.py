"""Generate models/depeche-fr/depeche_actors/gazetteer.demonyms.jsonl: the adjectives of French
that say a state (`bahreïni`, `togolais`, `monténégrin`), from a public lexical resource.

Prolex-PaysCapitales (Denis Maurel and the Prolex project, Université François-Rabelais de Tours;
LGPLLR), as the Unitex dictionary `French/Dela/Prolex-PaysCapitales.dic` of
github.com/UnitexGramLab/unitex-lingua at commit 70e4464 (UTF-16): a line `bahreïnie,bahreïni.A+
Toponyme+Pays+IsoBH:fs` is an inflected adjective of a country, its lemma and the country's ISO
code; `Bahreïn,.N+PR+…+Pays+IsoBH:ms` is the country's name. The resource gives a few different
countries the same code (`IsoQA`: Qatar, République tchèque, République dominicaine …), so an
adjective goes to the state its code names only when the code's country names all are that one
state of the gazetteer; otherwise to the one state among them whose name begins as the adjective
does (four letters at least: `tchèque` -> République tchèque, `qatarien` -> Qatar), else nowhere.

Each state gets one entry with its gazetteer id, name, type and country, and `demonyms` the
adjective forms the resource lists (every inflection: `grecque`, which `inflect_demonym` does not
derive); the actors component unions them with the demonyms of the other gazetteer files
(actors_lexicon.merge_entries). Only facts are taken (this adjective says that state).

    .venv/bin/python scripts/build_demonyms.py Prolex-PaysCapitales.dic

Build-time only; `make demonyms` downloads the file and runs it.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from os.path import commonprefix
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.components.actors_lexicon import ActorIndex  # noqa: E402
from pipeline.names import fold  # noqa: E402
from pipeline.rules import read_rules, write_rules  # noqa: E402
from pipeline.rules.gazetteer import GazetteerEntry  # noqa: E402

OUT_DIR = ROOT / "models" / "depeche-fr" / "depeche_actors"
OUT = OUT_DIR / "gazetteer.demonyms.jsonl"
SOURCE = "prolex"
LINE = re.compile(r"^(?P<form>[^,]+),(?P<lemma>[^.]*)\.(?P<cat>[A-Z]+)(?P<traits>(?:\+[\w-]+)*)")
PREFIX = 4


def read_prolex(path: Path) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """(ISO code -> country names, ISO code -> adjective forms) of the resource's countries."""
    names, adjectives = defaultdict(set), defaultdict(set)
    for line in path.read_text(encoding="utf-16").splitlines():
        m = LINE.match(line.lstrip("\ufeff"))
        if not m or "+Pays" not in m["traits"]:
            continue
        iso = next((t[3:] for t in m["traits"].split("+") if t.startswith("Iso")), "")
        if m["cat"] == "N" and "+Hum" not in m["traits"]:
            names[iso].add(m["form"])
        elif m["cat"] == "A" and m["form"][:1].islower():
            adjectives[iso].add(m["form"])
    return names, adjectives


def likeness(form: str, name: str) -> int:
    """Letters each part of the adjective shares with the start of a word of the name, summed
    (`équato-guinéen` / `Guinée équatoriale`: 6 + 5)."""
    words = re.split(r"[\s'’-]+", name)
    return sum(max(len(commonprefix([fold(p), fold(w)])) for w in words) for p in form.split("-"))


def closest(form: str, states) -> list[tuple[int, str]]:
    """(likeness of the form to a state's names, state id), most first."""
    return sorted(((max(likeness(form, n) for n in (e.name, *e.aliases)), e.id) for e in states),
                  reverse=True)


def demonyms(path: Path, states: list[GazetteerEntry], names_taken: set[str]) -> dict[str, set[str]]:
    """State id -> the adjective forms the resource gives it. An adjective that begins as
    another state's name does and not as its own code's (`burkinabé` under `IsoBG`), goes to
    that state; one that is itself a name of the gazetteer (`argentine`, `philippines`) is left."""
    by_form = {}
    for e in states:
        for n in (e.name, *e.aliases):
            by_form[fold(n)] = e
    names, adjectives = read_prolex(path)
    out: dict[str, set[str]] = defaultdict(set)
    for iso, forms in adjectives.items():
        found = {by_form[fold(n)].id: by_form[fold(n)] for n in names.get(iso, ()) if fold(n) in by_form}
        for form in forms:
            anywhere = closest(form, states)
            own = closest(form, found.values())
            if fold(form) in names_taken:
                continue
            if anywhere[0][0] >= PREFIX and anywhere[0][1] not in found and (not own or own[0][0] < PREFIX) \
                    and anywhere[1][0] < anywhere[0][0]:
                out[anywhere[0][1]].add(form)
            elif len(found) == 1 and own[0][0] >= 2:  # (not `swazi` under Syrie's code)
                out[next(iter(found))].add(form)
            elif own and own[0][0] >= PREFIX and (len(own) == 1 or own[1][0] < own[0][0]):
                out[own[0][1]].add(form)
    return out


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("prolex", type=Path, help="Prolex-PaysCapitales.dic (Unitex, UTF-16)")
    a = ap.parse_args(argv)
    # the gazetteer as the actors component reads it (the curated entries extend the generated ones)
    entries = ActorIndex([read_rules(OUT_DIR / f, GazetteerEntry) for f in
                          ("gazetteer.generated.jsonl", "gazetteer.media.jsonl", "gazetteer.curated.jsonl")], []).entries
    states = {e.id: e for e in entries.values() if e.type == "state"}
    taken = {fold(n) for e in entries.values() for n in (e.name, *e.aliases)}
    found = demonyms(a.prolex, list(states.values()), taken)
    rows = [GazetteerEntry(id=sid, name=states[sid].name, type="state", country=states[sid].country,
                           demonyms=tuple(sorted(forms)), source=SOURCE)
            for sid, forms in sorted(found.items())]
    write_rules(OUT, rows)
    print(f"{OUT.relative_to(ROOT)}: {len(rows)} states, {sum(len(r.demonyms) for r in rows)} adjective forms")


if __name__ == "__main__":
    main()
