"""Write models/depeche-fr/depeche_quantities/units.jsonl: currencies from Babel (CLDR), measures curated.

Currencies: every ISO 4217 code Babel knows, with its French names (singular and plural,
`dollar des États-Unis`), its French symbol when it is not the code (`$US`, `€`), the code itself
(matched as written, before or after the number), and the head word of the name when no other
currency shares it (`hryvnias`, `zlotys`). The usual short forms of French news copy that CLDR
does not give (`dollars` for US dollars, `$`, `£`, `francs` for French francs, `M€`) are curated
below, each with the reason. Measures (SI units and the customary ones news copy uses) are
curated from the SI brochure (BIPM, 9th edition) symbols and their French names.

Usage: .venv/bin/python scripts/build_units.py [OUT_DIR]
"""
from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

from babel import Locale
from babel.numbers import get_currency_name

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.rules import write_rules  # noqa: E402
from pipeline.rules.units import Unit  # noqa: E402

# head words that are ordinary French words, or name several currencies
HEAD_STOP = {"argent", "droit", "type", "devise", "(devise", "ancien", "coupon", "cupon", "platine",
             "palladium", "som", "sum", "gourde", "austral", "inti", "kip", "lats", "loti", "pula",
             "kina", "vatu", "lari", "tala", "talonas", "dram", "nafka", "mvdol", "syli", "hwan"}
# codes that are also words or frequent acronyms in capitals
CODE_STOP = {"ALL", "TOP", "CUP", "PEN", "GEL", "SOS", "MAD", "BAM", "MOP", "FUN", "CVE", "BOB",
             "ANG", "BOV", "CHE", "CHW", "COU", "MXV", "USN", "USS", "UYI", "XAG", "XAU", "XBA",
             "XBB", "XBC", "XBD", "XDR", "XFO", "XFU", "XPD", "XPT", "XRE", "XSU", "XTS", "XUA",
             "XXX", "SUR", "LUF", "ESP", "ITL", "PTE", "GRD", "IEP", "ATS", "BEF"}

# (forms, code, why): short forms of news copy that CLDR does not list for French
CURATED_CURRENCY = [
    (("dollar", "dollars", "dollar américain", "dollars américains", "dollar US", "dollars US"), "USD",
     "a bare dollar in French news copy is the US dollar"),
    (("euro", "euros"), "EUR", "CLDR name, also as head word"),
    (("yen", "yens"), "JPY", "head word of `yen japonais`"),
    (("yuan", "yuans", "renminbi", "renminbis"), "CNY", "head words of `yuan renminbi chinois`"),
    (("rouble", "roubles"), "RUB", "a bare rouble is the Russian rouble"),
    (("roupie", "roupies"), "INR", "a bare rupee is the Indian rupee"),
    (("shekel", "shekels", "shekel israélien", "shekels israéliens"), "ILS", "usual short name"),
    (("franc", "francs", "francs français", "franc français", "francs de l'époque"), "FRF",
     "a bare franc in French news copy is the French franc (Swiss and CFA francs are named)"),
    (("francs suisses", "franc suisse", "francs helvétiques"), "CHF", "usual name"),
    (("francs CFA", "franc CFA", "FCFA", "F CFA"), "XOF", "the West African CFA franc, the more cited"),
    (("livre sterling", "livres sterling", "pound", "pounds"), "GBP", "usual name; English `pounds` in quotes"),
    (("livre turque", "livres turques"), "TRY", "CLDR name"),
    (("riyal", "riyals", "rial saoudien", "rials saoudiens"), "SAR", "a bare riyal is the Saudi riyal"),
    (("rial", "rials", "rial iranien", "rials iraniens"), "IRR", "a bare rial is the Iranian rial"),
    (("real", "reals", "réal", "réals", "réaux"), "BRL", "the Brazilian real"),
    (("won", "wons"), "KRW", "the South Korean won"),
    (("bitcoin", "bitcoins"), "XBT", "unofficial code in common use"),
]
CURATED_SYMBOLS = [
    (("$", "US$", "$ US", "USD$"), "USD", "both", "the dollar sign in French copy is the US dollar"),
    (("£",), "GBP", "both", "pound sign"),
    (("¥",), "JPY", "both", "yen sign (also the yuan's; the yen is the more cited)"),
    (("€",), "EUR", "both", "euro sign, also before the number"),
    (("$CA", "CA$", "$ CA", "$ c", "$c", "$CAD", "CAD$"), "CAD", "after", "Canadian dollar symbols"),
    (("$AU", "AU$", "AUD$"), "AUD", "both", "Australian dollar symbols"),
    (("$HK", "HK$", "$ HK", "$ hk"), "HKD", "after", "Hong Kong dollar symbols"),
    (("MXN$",), "MXN", "before", "peso symbol with code"),
    (("NZD$", "NZ$"), "NZD", "before", "New Zealand dollar symbol with code"),
]
# (forms, unit, factor): money with a multiplier in the symbol
CURATED_SCALED = [
    (("M€", "M €"), "EUR", 1e6),
    (("M$", "M$US"), "USD", 1e6),
    (("Md$", "Mds$", "Mrd$", "Md $", "Mds $", "Md$US", "Mds$US"), "USD", 1e9),
    (("Md€", "Mds€", "Mrd€", "Md €", "Mds €", "G€"), "EUR", 1e9),
    (("k€", "K€"), "EUR", 1e3),
    (("G$", "G $"), "CAD", 1e9),  # Québec's milliards de dollars (`115 G$`): a Canadian notation
]

# (forms, unit, dimension, case_sensitive): SI symbols and French names (BIPM SI brochure)
MEASURES = [
    (("%", "pour cent", "pour-cent", "pourcent", "pourcents", "pourcentage", "pourcentages",
      "points de pourcentage", "point de pourcentage"), "%", "percent", False),
    (("km", "kilomètre", "kilomètres", "kilometre", "kilometres"), "km", "length", False),
    (("m",), "m", "length", True),
    (("mètre", "mètres", "metre", "metres", "mètres linéaires"), "m", "length", False),
    (("cm", "centimètre", "centimètres", "centimetre", "centimetres"), "cm", "length", False),
    (("mm", "millimètre", "millimètres", "millimetre", "millimetres"), "mm", "length", False),
    (("dm", "décimètre", "décimètres"), "dm", "length", False),
    (("hm", "hectomètre", "hectomètres", "hectometre", "hectometres"), "hm", "length", False),
    (("µm", "micromètre", "micromètres", "micron", "microns"), "µm", "length", False),
    (("nm", "nanomètre", "nanomètres"), "nm", "length", False),
    (("mille nautique", "milles nautiques", "milles marins", "mille marin"), "nmi", "length", False),
    (("mile", "miles", "mi"), "mi", "length", False),
    (("pied", "pieds", "ft"), "ft", "length", False),
    (("pouce", "pouces"), "in", "length", False),
    (("km²", "km2", "kilomètre carré", "kilomètres carrés"), "km²", "area", False),
    (("m²", "m2", "mètre carré", "mètres carrés"), "m²", "area", False),
    (("ha", "hectare", "hectares"), "ha", "area", False),
    (("acre", "acres"), "acre", "area", False),
    (("kg", "kilo", "kilos", "kilogramme", "kilogrammes"), "kg", "mass", False),
    (("g", "gramme", "grammes"), "g", "mass", False),
    (("mg", "milligramme", "milligrammes"), "mg", "mass", False),
    (("µg", "ug", "microgramme", "microgrammes"), "µg", "mass", False),
    (("t", "tonne", "tonnes", "tonnes métriques", "tonne métrique"), "t", "mass", False),
    (("Mt", "mégatonne", "mégatonnes", "millions de tonnes"), "Mt", "mass", True),
    (("quintal", "quintaux"), "q", "mass", False),
    (("livre", "livres"), "lb", "mass", False),
    (("once", "onces", "oz"), "oz", "mass", False),
    (("l", "L", "litre", "litres"), "l", "volume", False),
    (("ml", "millilitre", "millilitres"), "ml", "volume", False),
    (("cl", "centilitre", "centilitres"), "cl", "volume", False),
    (("hl", "hectolitre", "hectolitres"), "hl", "volume", False),
    (("m³", "m3", "mètre cube", "mètres cubes"), "m³", "volume", False),
    (("pieds cubes", "pied cube"), "ft³", "volume", False),
    (("baril", "barils"), "bbl", "volume", False),
    (("gallon", "gallons", "gal"), "gal", "volume", False),
    (("°C", "° C", "°c", "degrés Celsius", "degré Celsius", "degres Celsius", "degrés C", "degré C",
      "deg C", "deg celsius", "celsius", "centigrade", "centigrades", "deg centigrade",
      "degrés centigrades", "° celsius", "degrès C"), "°C", "temperature", False),
    (("°F", "° F", "°f", "degrés Fahrenheit", "degré Fahrenheit", "degrés F", "degré F", "deg F",
      "fahrenheit", "° Fahrenheit", "degrès F", "deg fahrenheit"), "°F", "temperature", False),
    (("kelvin", "kelvins"), "K", "temperature", False),
    (("°", "degré", "degrés", "degres", "degrès", "deg", "deg."), "°", "temperature", False),
    (("km/h", "kilomètres par heure", "kilomètres-heure", "kilomètres à l'heure", "km à l'heure"),
     "km/h", "speed", False),
    (("nœud", "nœuds", "noeuds"), "kn", "speed", False),
    (("miles par heure", "miles à l'heure", "miles a l'heure", "mph"), "mph", "speed", False),
    (("W", "watt", "watts"), "W", "power", False),
    (("kW", "kilowatt", "kilowatts"), "kW", "power", True),
    (("MW", "mégawatt", "mégawatts"), "MW", "power", True),
    (("GW", "gigawatt", "gigawatts"), "GW", "power", True),
    (("kWh", "kilowattheure", "kilowattheures", "kilowatts-heure"), "kWh", "energy", True),
    (("MWh", "mégawattheure", "mégawattheures"), "MWh", "energy", True),
    (("GWh", "gigawattheure", "gigawattheures"), "GWh", "energy", True),
    (("TWh", "térawattheure", "térawattheures"), "TWh", "energy", True),
    (("s", "seconde", "secondes"), "s", "time", False),
    (("ms", "milliseconde", "millisecondes"), "ms", "time", False),
    (("bit", "bits"), "bit", "data", False),
    (("Go", "gigaoctet", "gigaoctets"), "GB", "data", True),
    (("Mo", "mégaoctet", "mégaoctets"), "MB", "data", True),
    (("To", "téraoctet", "téraoctets"), "TB", "data", True),
]


def currency_units(locale: str = "fr") -> list[Unit]:
    loc = Locale(locale)
    by_form: dict[str, set[str]] = defaultdict(set)
    names: dict[str, list[str]] = defaultdict(list)
    for code in sorted(loc.currencies):
        for count in (1, 2):
            name = get_currency_name(code, count, locale)
            for form in dict.fromkeys((name, name.split(" (")[0])):  # in this order, whatever the hash seed
                names[code].append(form)
                by_form[form.lower()].add(code)
            head = name.split()[0]
            if head.lower() not in HEAD_STOP and name.count(" "):
                by_form["head:" + head.lower()].add(code)
                names["head:" + code].append(head)
    out = []
    curated_forms = {f.lower() for forms, _, _ in CURATED_CURRENCY for f in forms}
    for code in sorted(loc.currencies):
        forms = [f for f in dict.fromkeys(names[code]) if len(by_form[f.lower()]) == 1
                 and f.lower() not in curated_forms]
        heads = [h for h in dict.fromkeys(names["head:" + code])
                 if len(by_form["head:" + h.lower()]) == 1 and h.lower() not in curated_forms
                 and h.lower() not in {f.lower() for f in forms}]
        if forms or heads:
            out.append(Unit(forms=tuple(forms + heads), unit=code, dimension="currency", source="cldr"))
        symbol = loc.currency_symbols.get(code)
        if symbol and symbol != code and len(symbol) > 1 and not symbol.isalpha():
            out.append(Unit(forms=(symbol,), unit=code, dimension="currency", source="cldr",
                            case_sensitive=True, position="both"))
        if code not in CODE_STOP:
            out.append(Unit(forms=(code,), unit=code, dimension="currency", source="iso4217",
                            case_sensitive=True, position="both"))
    for forms, code, why in CURATED_CURRENCY:
        out.append(Unit(forms=forms, unit=code, dimension="currency", source=f"curated: {why}"))
    out.append(Unit(forms=("livre", "livres"), unit="GBP", dimension="currency",
                    source="curated: `millions de livres` is sterling; a bare `livres` may be books",
                    after_multiplier=True))
    for forms, code, pos, why in CURATED_SYMBOLS:
        out.append(Unit(forms=forms, unit=code, dimension="currency", source=f"curated: {why}",
                        case_sensitive=True, position=pos))
    for forms, code, factor in CURATED_SCALED:
        out.append(Unit(forms=forms, unit=code, dimension="currency", factor=factor,
                        source="curated: multiplier in the symbol", case_sensitive=True))
    return out


def measure_units() -> list[Unit]:
    return [Unit(forms=forms, unit=unit, dimension=dim, source="curated: SI brochure / usage",
                 case_sensitive=cs) for forms, unit, dim, cs in MEASURES]


def main(argv: list[str]) -> int:
    out_dir = Path(argv[0]) if argv else ROOT / "models" / "depeche-fr" / "depeche_quantities"
    out_dir.mkdir(parents=True, exist_ok=True)
    units = measure_units() + currency_units()
    write_rules(out_dir / "units.jsonl", units)
    print(f"{len(units)} unit rules -> {out_dir / 'units.jsonl'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
