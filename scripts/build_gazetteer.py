"""Generate models/depeche-fr/depeche_actors/gazetteer.generated.jsonl from maintained libraries.

What each field comes from (nothing here is typed by hand but the short list of non-member
states the brief names, see EXTRA_STATES):
- which states: country_converter's country table (`UNmember` column: UN member states),
  plus the UN observer states and Taïwan and Kosovo (EXTRA_STATES);
- ISO 3166-1 alpha-2/alpha-3: country_converter (checked against pycountry where it knows them);
- French name: babel's CLDR French territory names (`Locale("fr").territories`);
- French aliases: pycountry's French translations (iso-codes, `iso3166-1` domain) of the
  official and common names, when they read as a name (no inverted `Corée, République …`);
- capital: countryinfo (English name), its French name from CLDR's French exemplar city of
  the capital's own time zone (`Europe/Moscow` -> `Moscou`) when there is one;
  a capital that the curated file already lists (a location entry with `stands_for`) is skipped;
- France's regions, départements and overseas collectivities with a compound name: pycountry's
  ISO 3166-2 French names (`french_subdivisions`).

Build-time dependencies only (`pip install babel pycountry countryinfo country_converter`);
depeche reads the JSONL at run time. Run: `.venv/bin/python scripts/build_gazetteer.py`.
"""
from __future__ import annotations

import argparse
import csv
import gettext
import re
import sys
from importlib.resources import files
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.rules import read_rules, write_rules  # noqa: E402
from pipeline.names import fold as _fold  # noqa: E402
from pipeline.names import slug  # noqa: E402
from pipeline.rules.gazetteer import GazetteerEntry  # noqa: E402

OUT_DIR = ROOT / "models" / "depeche-fr" / "depeche_actors"
# UN observer states, and the two states the brief adds that are neither members nor observers.
EXTRA_STATES = ("VAT", "PSE", "TWN", "XKX")


def un_states() -> list[dict]:
    """Rows of country_converter's table for UN members and EXTRA_STATES (read as data: its
    CountryConverter class does not load under pandas 3)."""
    path = files("country_converter") / "country_data.tsv"
    with open(str(path), encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    return [r for r in rows if (r.get("UNmember") or "").strip() or r["ISO3"] in EXTRA_STATES]


def french_aliases(iso3: str, name: str) -> list[str]:
    import pycountry
    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:
        return []
    fr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"], fallback=True)
    out = []
    for attr in ("official_name", "common_name", "name"):
        value = getattr(country, attr, None)
        if not value:
            continue
        alias = fr.gettext(value)
        if alias and alias != value and "," not in alias and alias != name and alias not in out:
            out.append(alias)
    return out


def capital(iso3: str, english_name: str, fr_zones) -> str:
    """French name of the capital: CLDR's French exemplar city of its own time zone, else the
    English name countryinfo gives (most capitals are written the same in French)."""
    from countryinfo import CountryInfo
    try:
        info = CountryInfo(iso3).info()
    except Exception:  # noqa: BLE001 - countryinfo raises its own CountryNotFoundError
        try:
            info = CountryInfo(english_name).info()
        except Exception:  # noqa: BLE001 - countryinfo raises its own CountryNotFoundError
            return ""
    cap = (info.get("capital") or "").strip()
    if not cap:
        return ""
    for zone in info.get("timezoneNames") or []:
        city = zone.rsplit("/", 1)[-1].replace("_", " ")
        if _fold(city) == _fold(cap):
            fr_city = (fr_zones.get(zone) or {}).get("city") if zone in fr_zones else None
            return fr_city or cap
    return cap


def build(curated: list[GazetteerEntry]) -> list[GazetteerEntry]:
    from babel import Locale
    fr = Locale("fr")
    fr_zones = {z: dict(fr.time_zones[z]) for z in fr.time_zones}
    curated_capitals = {e.stands_for for e in curated if e.type == "location" and e.stands_for}
    entries, seen_capitals = [], {}
    for row in sorted(un_states(), key=lambda r: r["ISO3"]):
        iso3 = row["ISO3"]
        iso2 = re.sub(r"[^A-Z]", "", row["ISO2"].split("|")[0])  # `^GB$|^UK$` -> GB
        name = fr.territories.get(iso2) or row["name_short"]
        sid = slug(name)
        entries.append(GazetteerEntry(id=sid, name=name, type="state", country=iso3,
                                      aliases=tuple(french_aliases(iso3, name)),
                                      source="cldr+pycountry"))
        if sid in curated_capitals:
            continue
        cap = re.sub(r"\s*\(.*\)$", "", capital(iso3, row["name_short"], fr_zones))
        if cap:
            seen_capitals.setdefault(_fold(cap), []).append((cap, sid, iso3))
    state_names = {_fold(n) for e in entries for n in (e.name, *e.aliases)}
    for key, states in sorted(seen_capitals.items()):
        # a city claimed as capital by two states stands for neither; a city-state's capital
        # has its state's name (Monaco) and is read as the state
        if len(states) > 1 or key in state_names:
            continue
        (cap, sid, iso3), = states
        entries.append(GazetteerEntry(id=slug(cap), name=cap, type="location", country=iso3,
                                      stands_for=sid, source="countryinfo+cldr"))
    return entries


def french_subdivisions(known: set) -> list[GazetteerEntry]:
    """France's regions, départements and overseas collectivities whose name is a compound
    (`Côtes-d'Armor`, `Nouvelle-Calédonie`, `Provence-Alpes-Côte d'Azur`), the names the NER
    cuts at their hyphens and apostrophes: pycountry's ISO 3166-2 French names, as places of
    France. One-word names (`Somme`, `Lot`, `Cher`) are left to the NER: they are French words
    too. A name the gazetteer already has (`Paris`) is skipped."""
    import pycountry
    out = []
    for sub in sorted(pycountry.subdivisions.get(country_code="FR"), key=lambda s: s.code):
        name = re.sub(r"\s*\(.*\)$", "", sub.name).replace("’", "'")
        if not re.search(r"[-\s]", name) or _fold(name) in known:
            continue
        # the usual spellings beside ISO's: `Côte d'Azur`, `Pays de la Loire`, `Grand Est` (regions)
        forms = [name, re.sub(r"-(?=d')", " ", name)] + ([name.replace("-", " ")] if "region" in sub.type else [])
        forms += [f.replace("'", "’") for f in forms]
        known.add(_fold(name))
        out.append(GazetteerEntry(id=slug(name), name=name, type="location", country="FRA",
                                  aliases=tuple(f for f in dict.fromkeys(forms) if f != name),
                                  source="pycountry-iso3166-2"))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=OUT_DIR)
    args = ap.parse_args(argv)
    curated_path = args.out / "gazetteer.curated.jsonl"
    curated = read_rules(curated_path, GazetteerEntry) if curated_path.exists() else []
    entries = build(curated)
    known = {_fold(n) for e in (*entries, *curated) for n in (e.name, *e.aliases)}
    entries += french_subdivisions(known)
    write_rules(args.out / "gazetteer.generated.jsonl", entries)
    print(f"{len(entries)} entries -> {args.out / 'gazetteer.generated.jsonl'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
