"""Dates: the French calendar vocabulary and the anchored regular expressions of the dates
component, each match turned into an item (pipeline.components.dates selects and judges them).

An item is a plain dict: start, end, value (TIMEX3 when the text alone fixes it, else ""),
expr (what pipeline.timex.resolve needs, or None), mod, granularity, rule.
"""
from __future__ import annotations

import re

from pipeline.timex import iso_day, valid_day

# -- French calendar vocabulary (CLDR fr month and day names, with the usual abbreviations) --
MONTHS = {
    "janvier": 1, "janv": 1, "jan": 1, "février": 2, "fevrier": 2, "févr": 2, "fevr": 2, "fév": 2,
    "fev": 2, "mars": 3, "avril": 4, "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juil": 7,
    "août": 8, "aout": 8, "septembre": 9, "sept": 9, "sep": 9, "octobre": 10, "oct": 10,
    "novembre": 11, "nov": 11, "décembre": 12, "decembre": 12, "déc": 12, "dec": 12,
}
FULL_MONTHS = {k for k in MONTHS if len(k) > 4 or k in ("mars", "mai", "juin", "août", "aout")}
WEEKDAYS = {"lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6}
SEASONS = {"printemps": "SP", "été": "SU", "automne": "FA", "hiver": "WI"}
PARTS_OF_DAY = {"matin": "MO", "matinée": "MO", "midi": "MI", "après-midi": "AF", "apres-midi": "AF",
                "soir": "EV", "soirée": "EV", "nuit": "NI"}
NUMBER_WORDS = {
    "un": 1, "une": 1, "premier": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15,
    "seize": 16, "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60, "cent": 100,
}
ORDINAL_WORDS = {"premier": 1, "première": 1, "deuxième": 2, "second": 2, "seconde": 2, "troisième": 3,
                 "quatrième": 4, "cinquième": 5, "sixième": 6, "septième": 7, "huitième": 8,
                 "neuvième": 9, "dixième": 10, "onzième": 11, "douzième": 12, "treizième": 13,
                 "quatorzième": 14, "quinzième": 15, "seizième": 16, "dix-septième": 17,
                 "dix-huitième": 18, "dix-neuvième": 19, "vingtième": 20, "vingt-et-unième": 21,
                 "vingt et unième": 21, "dernier": 4}
ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}

# -- regular expression pieces ----------------------------------------------------------------
A = "['’]"
_full_alt = "|".join(sorted((k for k in MONTHS if k in FULL_MONTHS), key=len, reverse=True))
_abbr_alt = "|".join(sorted((k for k in MONTHS if k not in FULL_MONTHS), key=len, reverse=True))
M = rf"(?P<m>(?:{_full_alt})(?![\w-])|(?:{_abbr_alt})(?:\.|(?![\w-])))"
_num_word_day = (r"(?:vingt|trente)(?:[- ]et[- ]un|-(?:deux|trois|quatre|cinq|six|sept|huit|neuf))?"
                 r"|dix-(?:sept|huit|neuf)|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze"
                 r"|treize|quatorze|quinze|seize")
D = rf"(?P<d>1\s?er|1re|premier|[12]\d|3[01]|0?[1-9]|{_num_word_day})(?![\d,])"
Y = r"(?P<y>1[0-9]{3}|20[0-9]{2})(?![\d])"
WD = r"(?P<wd>lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)(?![\w-])"
TOD = r"(?P<tod>matin|midi|après-midi|apres-midi|soir)(?![\w-])"
REL = r"(?P<rel>dernier|derni[èe]re|prochain|prochaine|pass[ée]e?|suivante?|pr[ée]c[ée]dente?)(?![\w-])"

F = re.IGNORECASE
PATTERNS = [
    # lundi 12 janvier 2016, le 11 octobre, 1er janvier, 15 mars dernier, 12 mai 78 (not `7 mars, 21 de
    # ses membres`: two digits after a comma open the next clause)
    ("day_month", re.compile(
        rf"(?<![\w/.-])(?<!\d,)(?:{WD},?\s+(?:le\s+)?)?{D}\s*(?:de\s+)?{M}(?:,?\s+(?:de\s+)?{Y}|\s+(?P<y2>\d\d)(?![\d\w]))?"
        rf"(?:\s+{REL})?(?:\s+(?:au\s+)?{TOD})?", F)),
    # 11/10/2024, 11-10-24, 11.10.2024, 2024-10-11
    ("numeric", re.compile(
        rf"(?<![\w/.,-])(?:{WD},?\s+(?:le\s+)?)?(?P<d>[12]\d|3[01]|0?[1-9])(?P<sep>[/.-])(?P<mo>1[0-2]|0?[1-9])(?P=sep)"
        r"(?P<y>\d{4}|\d\d)(?![\w/]|[.,-]\d)", F)),
    # 20 02 2014, 20 2 2014, 20 02 14 (single spaces; two digits each when the year has two)
    ("numeric_spaced", re.compile(r"(?<![\w/.,-])(?<!\d )(?:(?P<d>[12]\d|3[01]|0?[1-9]) (?P<mo>1[0-2]|0?[1-9]) "
                                  r"(?P<y>1\d{3}|20\d{2})|(?P<d2>[12]\d|3[01]|0[1-9]) (?P<mo2>1[0-2]|0[1-9]) "
                                  r"(?P<y2>\d\d))(?![\w/]|[.,]\d| \d)")),
    ("iso", re.compile(r"(?<![\w/.-])(?P<y>1\d{3}|20\d{2})(?P<sep>[-/.])(?P<mo>1[0-2]|0?[1-9])(?P=sep)"
                       r"(?P<d>[12]\d|3[01]|0?[1-9])(?![\w/-]|[.,]\d)")),
    # 2016-11, 11/2016: a month
    # (`2016-12` alone is no month: `la saison 2011-12`)
    ("numeric_month", re.compile(r"(?<![\w/.,-])(?:(?P<y>1\d{3}|20\d{2})(?:-(?P<mo>0[1-9]|[1-9](?!\d))"
                                 r"|[ ]?[/.][ ]?(?P<mo3>1[0-2]|0?[1-9]))"
                                 r"|(?P<mo2>1[0-2]|0?[1-9])[ ]?[/-][ ]?(?P<y2>1\d{3}|20\d{2}))(?![\w/-]|[.,]\d|\s?\d)")),
    # le 22/04 (day/month only after a determiner: a bare 2/3 is a fraction)
    ("day_month_numeric", re.compile(
        r"(?<=\ble\s)(?P<d>[12]\d|3[01]|0?[1-9])(?:/(?P<mo>1[0-2]|0?[1-9])|[ ](?P<mo2>1[0-2]|0[1-9]))(?![\w/]|[.,]\d|\s\d)"
        r"|(?<![\w/.,-])(?:(?P<d2>1[3-9]|2\d|3[01])/(?P<mo3>1[0-2]|0?[1-9])|(?P<d3>[12]\d|3[01]|0?[1-9])/(?P<mo4>0[1-9]))"
        r"(?![\w/]|[.,]\d)", F)),
    # le 16 (a day of the article's month), only before a pause: `le 16e`, `le 3 à 0` are not dates
    ("day_alone", re.compile(
        r"(?<![\w-])le\s+(?P<d>[12]\d|3[01]|0?[1-9]|1er)(?=\s*(?:$|au\s+(?:soir|matin)"
        r"|pour\s+(?:\w+\s+)?(?:heures?|jours?)\b|vers\s+\d|à\s+\d+\s*h))", F)),
    # (le mois de) mars (2016) (dernier)
    ("month", re.compile(
        rf"(?:(?<![\w-])|(?<=mi-))(?:(?P<dem>ce|cet|cette)\s+|mois\s+d(?:e\s+|{A}))?{M}"
        rf"(?:,?\s+(?:de\s+l{A}année\s+|de\s+)?{Y}|\s+{REL})?", F)),
    # les années 1990, années 90
    ("decade", re.compile(r"(?<![\w-])années\s+(?P<dec>(?:1[0-9]|20)?[0-9]0)(?![\d\w])", F)),
    # XXe siècle, 20e siècle, vingtième siècle
    ("century", re.compile(
        r"(?<![\w-])(?P<c>[IVXLC]+|\d{1,2})\s?(?:e|è|ème|eme|er|re)\s+siècle(?!\s+av)"
        r"|(?<![\w-])(?P<cw>(?:" + "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True)) +
        r"))\s+siècle(?!\s+av)")),
    # (le) printemps (2024) (dernier); été needs a determiner (`a été`)
    ("season", re.compile(
        rf"(?:(?<![\w-])(?P<dem>cet|cette|ce)\s+|(?:(?<![\w-])(?:le|au|du|en|l{A}|d{A})\s*))"
        rf"(?P<s>printemps|été|automne|hiver)(?![\w-])(?:\s+(?:de\s+l{A}année\s+|de\s+)?{Y}|\s+{REL})?", F)),
    # premier trimestre 2023
    ("quarter", re.compile(
        rf"(?<![\w-])(?P<q>premier|1er|deuxième|second|2e|troisième|3e|quatrième|4e|dernier)\s+trimestre"
        rf"(?:\s+(?:de\s+l{A}année\s+)?{Y}|\s+{REL})?", F)),
    # il y a trois jours, dans deux semaines
    ("ago", re.compile(
        r"(?<![\w-])(?P<dir>il\s+y\s+a|dans)\s+(?:(?P<q>à\s+peu\s+près|environ|près\s+de|plus\s+de|moins\s+de)\s+)?"
        r"(?P<n>\d{1,3}|quelques|" + "|".join(NUMBER_WORDS) +
        r")\s+(?P<u>jours?|semaines?|mois|ans?|années?)(?![\w-])", F)),
    # aujourd'hui, hier (soir), avant-hier, demain (matin), après-demain
    ("relative_day", re.compile(
        rf"(?<![\w-])(?P<w>aujourd{A}hui|avant[- ]hier|après[- ]demain|apres[- ]demain|hier|demain)(?![\w-])"
        rf"(?:\s+(?:au\s+)?{TOD})?", F)),
    # ce matin, cet après-midi, ce soir, cette nuit
    ("this_tod", re.compile(
        r"(?<![\w-])(?<!à\s)(?:ce|cet|cette)\s+(?P<tod>matin|midi|après-midi|apres-midi|soir|nuit|jour)(?![\w-])", F)),
    # cette semaine, ce mois(-ci), cette année, ce week-end
    ("this_period", re.compile(
        r"(?<![\w-])(?:ce|cet|cette|dans\s+la)\s+(?P<u>semaine|mois|année|week-end|weekend)(?:-ci)?(?![\w-])", F)),
    # la semaine dernière, le mois prochain, l'an dernier, l'année passée, (au début) du mois dernier
    ("last_next", re.compile(
        rf"(?<![\w-])(?:la|le|l{A}|du)\s*(?P<u>semaine|mois|an|année|week-end|weekend)\s+(?:{REL}|(?P<suit>qui\s+suit))", F)),
    # (au) début du mois, (à la) fin de ce mois, depuis le début de l'année: the month or the year
    # the article is in, with none named
    ("month_part", re.compile(
        r"(?<![\w-])(?P<pm>début|fin|milieu)\s+(?:(?:du|de\s+ce)\s+(?P<u>mois)(?:-ci)?|de\s+l['’](?P<y>année)"
        r"|de\s+(?:la\s+|cette\s+)?(?P<w>semaine)(?:\s+(?P<wr>prochaine|dernière|derniere))?)(?![\w-])"
        r"(?!\s+(?:de\s|d['’]|\d|dernier|dernière|prochain|prochaine|suivant|suivante|précédent|précédente|passé|passée"
        r"|scolaire|universitaire|fiscale|civile|liturgique|qui))", F)),
    # le siècle dernier, ce siècle
    ("this_century", re.compile(
        r"(?<![\w-])(?:(?:le|au|du)\s+siècle\s+(?P<rel>dernier|passé|précédent|prochain)|(?:ce|notre)\s+siècle)(?![\w-])", F)),
    # ces dernières années, ces derniers mois, ces derniers temps
    ("past_ref", re.compile(
        r"(?<![\w-])ces\s+(?:dernières|derniers)\s+(?P<u>années|ans|mois|semaines|jours|temps)(?![\w-])", F)),
    # (ce) lundi (matin) (dernier), dans la nuit de lundi à mardi, mercredi 13
    ("weekday", re.compile(
        rf"(?<![\w-])(?:(?P<dem>ce|cet)\s+)?{WD}(?:\s+(?P<dom>[12]\d|3[01]|0?[1-9]|1er)(?!\w|[,/.-]\d|\s*(?:h\b|heures?|:|%)))?"
        rf"(?:\s+(?:au\s+|en\s+|dans\s+l{A})?(?P<tod>matin|midi|après-midi|apres-midi|soir|soirée))?"
        rf"(?:\s+{REL}|\s+(?:de\s+)?(?:la\s+|cette\s+)?semaine(?:\s+(?P<wrel>derni[èe]re?|dernier|prochaine?|pass[ée]e?|suivante?|pr[ée]c[ée]dente?|en\s+cours"
        rf"|d{A}après))?|\s+en\s+(?P<plus>huit|8|quinze|15)(?![\w-])|\s+(?P<apres>d{A}après)(?=\s*(?:[,.;!?)]|$)))?", F)),
    ("night", re.compile(
        rf"(?<![\w-])(?:dans\s+)?la\s+nuit\s+d[eu]\s+{WD}\s+(?:à|au)\s+(?P<wd2>lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)(?![\w-])"
        rf"(?:\s+{D}\s+{M}(?:\s+{Y})?)?", F)),
    # dans la matinée, l'après-midi, en fin de soirée: the article day (optional in gold)
    ("part_of_day", re.compile(
        rf"(?<![\w-])(?:(?:dans|durant|pendant)\s+(?:la\s+|l{A})|(?:en|au)\s+(?P<pm>début|fin)\s+d(?:e\s+|{A})(?:la\s+)?"
        rf"|la\s+(?P<pm2>fin|début)\s+d(?:e\s+|{A})(?:la\s+|l{A})?|l{A}(?=après-midi))"
        rf"(?P<tod>matinée|après-midi|apres-midi|soirée|nuit|journée)(?![\w-])", F)),
    # le lendemain, la veille
    ("anchor", re.compile(r"(?<![\w-])(?:(?:le\s+|au\s+)?(?P<l>lendemain|jour\s+suivant|jour\s+d['’]après)"
                          r"|(?:la\s+(?P<v>veille)|le\s+(?P<v2>jour\s+précédent|jour\s+d['’]avant))"
                          r"|(?P<n>un|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|\d{1,2})\s+jours?\s+(?:plus\s+tard|après)"
                          r"(?=\s*(?:[,.;!?)]|$)))(?![\w-])", F)),
    # a 4-digit year, judged with the parse
    ("year", re.compile(rf"(?:(?<![\w.,/-])|(?<=\d\d\d\d-))(?<!\d\s)(?:l{A}(?:année|an)\s+)?{Y}(?!\s?\d{{3}}(?!\d)|[.,]\d|\s?%|-\d\d(?!\d))", F)),
]
# an expression never runs over a line break (a title and the dateline under it are two)
PATTERNS = [(name, re.compile(rx.pattern.replace(r"\s", r"[^\S\n]"), rx.flags)) for name, rx in PATTERNS]
# These start with a choice of lookbehinds, each after a non-word character: a leading (?<!\w)
# says so once and sre skips the positions inside words without trying each branch (same
# matches, a fifth faster for them).
_BRANCHED = ("day_month_numeric", "month", "century", "season", "year")
PATTERNS = [(name, re.compile(r"(?<!\w)(?:" + rx.pattern + ")", rx.flags) if name in _BRANCHED else rx)
            for name, rx in PATTERNS]
RULE_PRIORITY = {name: i for i, (name, _) in enumerate(PATTERNS)}
RULE_PRIORITY["day_coordinated"] = -1      # a day number next to a full date takes its month

# modifiers written before the expression (they join its span)
MOD_BEFORE = re.compile(
    rf"(?<!\w)(?:(?P<start>début|au\s+début|en\s+début|dès\s+le\s+début|au\s+tout\s+début|tout\s+début)"
    rf"|(?P<end>fin|à\s+la\s+fin|en\s+fin|à\s+la\s+toute\s+fin|toute\s+fin)"
    rf"|(?P<mid>mi|au\s+milieu|milieu)"
    r")(?:\s*-\s*|\s+(?:du\s+mois\s+d(?:e\s+|['’])|de\s+l['’]année\s+|de\s+l['’]|de\s+la\s+|du\s+|de\s+|d['’])|\s+)$"
    r"|(?<!\w)(?P<approx>vers|aux\s+alentours\s+de|autour\s+de)\s+(?:l['’]|la\s+|le\s+)?$"
    r"|(?<!\w)(?P<before>avant|antérieure?s?\s+à)\s+(?:l['’]|la\s+|le\s+)?$"
    r"|(?<!\w)(?P<after>après|postérieure?s?\s+à)\s+(?:l['’]|la\s+|le\s+)?$", F)
MODS = {"start": "START", "end": "END", "mid": "MID", "approx": "APPROX", "before": "BEFORE", "after": "AFTER"}
PART_MODS = {"début": "START", "fin": "END", "milieu": "MID"}  # `au début du mois`, `en fin de matinée`
# `au mois de` etc. before a month starts the mod search further left
MONTH_LEAD = re.compile(r"(?:le|au|du)\s+$", F)

# words before a 4-digit number that make it something else than a year
NOT_YEAR_BEFORE = re.compile(
    r"(?:article|art\.|n°|no|numéro|page|p\.|vol|ligne|route|code|chapitre|alinéa|décret|loi|plus\s+de|moins\s+de"
    r"|près\s+de|environ|quelque|quelques|au\s+moins|jusqu['’]à|de\s+\d{1,3}\s+à|\d\s*x)\s*$", F)
FUTURE_LEAD = re.compile(r"(?:d['’]ici|jusqu['’]à|jusqu['’]au|prévue?s?\s+pour|pour)\s+(?:le\s+|ce\s+)?$", F)
PAST_LEAD = re.compile(r"(?:depuis)\s+(?:le\s+|ce\s+)?$", F)
NOT_AUJOURDHUI = re.compile(r"(?:d['’]|jusqu['’]à\s+|jusqu['’]|à\s+)$", F)
DATE_NOUNS = {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
              "novembre", "décembre", "année", "an", "printemps", "été", "automne", "hiver", "trimestre",
              "semestre", "siècle", "mois", "saison"}


def day_number(word: str) -> int | None:
    w = word.lower().replace(" ", "").replace("\u202f", "")
    if w.startswith("1er") or w in ("1re", "premier"):
        return 1
    if w.isdigit():
        return int(w)
    if w in NUMBER_WORDS:
        return NUMBER_WORDS[w]
    parts = re.split(r"-et-|-", w.replace("etun", "-et-un"))
    if all(p in NUMBER_WORDS for p in parts if p):
        return sum(NUMBER_WORDS[p] for p in parts if p)
    return None


def _month(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _roman(s: str) -> int | None:
    s = s.upper()
    if not all(c in ROMAN for c in s):
        return None
    total = 0
    for i, c in enumerate(s):
        v = ROMAN[c]
        total += -v if i + 1 < len(s) and ROMAN[s[i + 1]] > v else v
    return total


def _rel_dir(rel: str | None) -> str | None:
    if not rel:
        return None
    return "past" if rel.lower().startswith(("dernier", "dernière", "derniere", "pass", "préc", "prec")) else "future"


def make_item(start, end, rule, *, value="", expr=None, mod="", gran="day") -> dict:
    return {"start": start, "end": end, "value": value, "expr": expr, "mod": mod, "granularity": gran,
            "rule": rule}


# -- matching --------------------------------------------------------------------------------
def candidates(text: str) -> list[dict]:
    """Every pattern's matches as items, overlapping; the longest wins later."""
    out = []
    for rule, rx in PATTERNS:
        for m in rx.finditer(text):
            item = _build(rule, m, text)
            if item is not None:
                out.append(item)
    return out


def _build(rule: str, m: re.Match, text: str) -> dict | None:
    g = m.groupdict()
    s, e = m.span()
    if rule == "day_month":
        d = day_number(g["d"])
        mword = g["m"]
        if d is None or not 1 <= d <= 31:
            return None
        if mword.lower().rstrip(".") not in FULL_MONTHS and not mword.endswith(".") and not g["y"]:
            if mword.lower() == "sept":   # `7 sept` is rarely a date, `sept ans` never
                return None
        y = int(g["y"]) if g["y"] else (_two_digit_year(g["y2"]) if g.get("y2") else None)
        expr = {"k": "date", "m": _month(mword), "d": d, "dir": _rel_dir(g["rel"]), "strict": bool(g["rel"])}
        if y is not None:
            return make_item(s, e, rule, value=iso_day(y, expr["m"], d))
        return make_item(s, e, rule, expr=expr)
    if rule in ("numeric", "iso", "numeric_spaced"):
        if not g["y"]:
            g = {"y": g["y2"], "mo": g["mo2"], "d": g["d2"]}
        y = int(g["y"]) if len(g["y"]) == 4 else _two_digit_year(g["y"])
        d, mo = int(g["d"]), int(g["mo"])
        if not valid_day(y, mo, d):
            return None
        return make_item(s, e, rule, value=iso_day(y, mo, d))
    if rule == "numeric_month":
        y, mo = (g["y"], g["mo"] or g["mo3"]) if g["y"] else (g["y2"], g["mo2"])
        return make_item(s, e, rule, value=f"{int(y):04d}-{int(mo):02d}", gran="month")
    if rule == "day_alone":
        return make_item(m.start("d"), e, rule, expr={"k": "dom", "d": day_number(g["d"]), "dir": None})
    if rule == "day_month_numeric":
        d = int(g["d"] or g["d2"] or g["d3"])
        mo = int(g["mo"] or g["mo2"] or g["mo3"] or g["mo4"])
        if not valid_day(2000, mo, d):
            return None
        return make_item(s, e, rule, expr={"k": "date", "m": mo, "d": d, "dir": None})
    if rule == "month":
        mword = g["m"]
        base = mword.lower().rstrip(".")
        has_lead = m.group(0).lower().startswith(("mois", "ce"))
        if base not in FULL_MONTHS and not g["y"]:
            return None
        if base in ("mars", "mai") and mword[0].isupper() and not (g["y"] or g["rel"] or has_lead):
            # `sur Mars`, `Mai` as a name: a capitalised bare month only at a sentence start
            if not _sentence_start(text, s):
                return None
        mo = _month(mword)
        if g["y"]:
            return make_item(s, e, rule, value=f"{int(g['y']):04d}-{mo:02d}", gran="month")
        return make_item(s, e, rule, expr={"k": "month", "m": mo, "dir": _rel_dir(g["rel"]),
                                       "strict": bool(g["rel"]), "this": bool(g["dem"])}, gran="month")
    if rule == "decade":
        dec = g["dec"]
        n = int(dec)
        year = n if len(dec) == 4 else 1900 + n if len(dec) == 2 else None
        if year is None or not 1000 <= year <= 2090:
            return None
        return make_item(s, e, rule, value=str(year // 10), gran="decade")
    if rule == "century":
        if g["c"]:
            n = int(g["c"]) if g["c"].isdigit() else _roman(g["c"])
        else:
            n = ORDINAL_WORDS.get(g["cw"].lower())
            if g["cw"].lower() == "dernier":
                return None
        if not n or n > 21:
            return None
        return make_item(s, e, rule, value=f"{n - 1:02d}", gran="century")
    if rule == "season":
        sword = g["s"].lower()
        after = text[e:e + 12]
        if re.match(r"\s+(?:arabe|érable|de\s+[A-Z])", after) or g["s"][0].isupper() and not _sentence_start(text, m.start("s")):
            return None
        if text[s:m.start("s")].strip().lower() in ("d'", "d’") and not g["y"] and not g["rel"]:
            return None  # `des vêtements d'hiver`, `les Jeux d'été`: a kind of thing, no time
        ss = m.start("s") if not g["dem"] else s
        code = SEASONS[sword]
        if g["y"]:
            return make_item(ss, e, rule, value=f"{g['y']}-{code}", gran="season")
        return make_item(ss, e, rule, expr={"k": "season", "s": code, "dir": _rel_dir(g["rel"]),
                                        "n": {"past": -1, "future": 1}.get(_rel_dir(g["rel"]), 0)},
                     gran="season")
    if rule == "quarter":
        q = {"premier": 1, "1er": 1, "deuxième": 2, "second": 2, "2e": 2, "troisième": 3, "3e": 3,
             "quatrième": 4, "4e": 4, "dernier": 4}[g["q"].lower()]
        if g["y"]:
            return make_item(s, e, rule, value=f"{g['y']}-Q{q}", gran="quarter")
        return make_item(s, e, rule, expr={"k": "quarter", "q": q, "dir": _rel_dir(g["rel"])}, gran="quarter")
    if rule == "ago":
        nword = g["n"].lower()
        unit = g["u"].lower()
        unit = "day" if unit.startswith("jour") else "week" if unit.startswith("sem") else \
            "month" if unit == "mois" else "year"
        sign = -1 if g["dir"].lower().startswith("il") else 1
        q = (g["q"] or "").lower()
        mod = "" if not q else "BEFORE" if q.startswith("plus") and sign < 0 else "AFTER" if q.startswith("plus") else \
            "AFTER" if q.startswith("moins") and sign < 0 else "BEFORE" if q.startswith("moins") else "APPROX"
        if nword == "quelques":
            return make_item(s, e, rule, value="PAST_REF" if sign < 0 else "FUTURE_REF", gran=unit)
        n = day_number(nword)
        if n is None:
            return None
        if unit in ("week", "month"):
            # `il y a trois semaines`: the day that many weeks back (as Duckling and Recognizers)
            return make_item(s, e, rule, expr={"k": "rel", "unit": "day", "n": sign * n, "by": unit}, mod=mod)
        return make_item(s, e, rule, expr={"k": "rel", "unit": unit, "n": sign * n}, gran=unit, mod=mod)
    if rule == "relative_day":
        w = g["w"].lower().replace(" ", "-").replace("apres", "après")
        if w.startswith("aujourd") and NOT_AUJOURDHUI.search(text[max(0, s - 12):s]):
            return None
        n = {"avant-hier": -2, "hier": -1, "demain": 1, "après-demain": 2}.get(w, 0)
        if w.startswith("aujourd"):
            n = 0
        return make_item(s, e, rule, expr={"k": "rel", "unit": "day", "n": n})
    if rule == "this_tod":
        if re.match(r"-là", text[e:e + 3]):
            return None
        return make_item(s, e, rule, expr={"k": "rel", "unit": "day", "n": 0})
    if rule == "this_period":
        if re.match(r"-là", text[e:e + 3]):
            return None
        u = g["u"].lower()
        unit = {"semaine": "week", "mois": "month", "année": "year"}.get(u, "weekend")
        return make_item(s, e, rule, expr={"k": "rel", "unit": unit, "n": 0},
                     gran="week" if unit == "weekend" else unit)
    if rule == "last_next":
        u = g["u"].lower()
        unit = {"semaine": "week", "mois": "month", "an": "year", "année": "year"}.get(u, "weekend")
        n = 1 if g["suit"] else -1 if _rel_dir(g["rel"]) == "past" else 1
        return make_item(s, e, rule, expr={"k": "rel", "unit": unit, "n": n},
                     gran="week" if unit == "weekend" else unit)
    if rule == "month_part":
        mod = PART_MODS[g["pm"].lower()]
        unit = "month" if g["u"] else "week" if g["w"] else "year"
        n = 0 if not g["wr"] else 1 if g["wr"].lower() == "prochaine" else -1  # `en début de semaine prochaine`
        return make_item(s, e, rule, expr={"k": "rel", "unit": unit, "n": n}, mod=mod, gran=unit)
    if rule == "this_century":
        n = 0 if not g["rel"] else 1 if g["rel"].lower() == "prochain" else -1
        return make_item(s, e, rule, expr={"k": "rel", "unit": "century", "n": n}, gran="century")
    if rule == "past_ref":
        u = g["u"].lower()
        gran = {"années": "year", "ans": "year", "mois": "month", "semaines": "week", "jours": "day"}.get(u, "month")
        return make_item(s, e, rule, value="PAST_REF", gran=gran)
    if rule == "weekday":
        if not g["dom"] and not g["dem"] and not g["rel"] and not g["wrel"]:
            before = text[max(0, s - 12):s]
            if re.search(r"(?:\ble|\bles|chaque|tous\s+les|un)\s+$", before, F):
                return None      # `le dimanche`, `chaque lundi`: habitual, not a day
        if g["wd"][0].isupper() and not g["dem"] and re.search(r"(?:\bdu|[A-ZÀ-Ý][\w-]*)\s+$", text[max(0, s - 20):s]):
            return None          # `le Journal du Dimanche`: a name
        wd = WEEKDAYS[g["wd"].lower()]
        if g["dom"]:
            return make_item(s, e, rule, expr={"k": "dom", "d": day_number(g["dom"]), "wd": wd})
        if g["plus"]:
            # `lundi en huit`: a week after the coming Monday
            return make_item(s, e, rule, expr={"k": "weekday", "wd": wd, "dir": "future",
                                           "plus": 7 if g["plus"] in ("huit", "8") else 14})
        rel = (g["rel"] or "").lower()
        if "semaine" in m.group(0).lower() or g["apres"] or rel.startswith(("suiv", "préc", "prec")):
            w = (g["wrel"] or g["apres"] or g["rel"] or "").lower()
            week = 0 if w in ("", "en cours") or w.startswith("en") else -1 if _rel_dir(w) == "past" else 1
            return make_item(s, e, rule, expr={"k": "weekday", "wd": wd, "week": week, "dir": None})
        expr = {"k": "weekday", "wd": wd, "dir": _rel_dir(g["rel"]), "strict": bool(g["rel"]),
                "this": bool(g["dem"])}
        return make_item(s, e, rule, expr=expr)
    if rule == "night":
        wd = WEEKDAYS[g["wd"].lower()]
        if g["d"] and day_number(g["d"]):
            # `la nuit de mercredi à jeudi 18 mai`: the night starts the day before the date
            d, mo = day_number(g["d"]), _month(g["m"])
            base = ({"value": iso_day(int(g["y"]), mo, d), "expr": None} if g["y"] and valid_day(int(g["y"]), mo, d)
                    else {"value": "", "expr": {"k": "date", "m": mo, "d": d, "dir": None}})
            return make_item(s, e, rule, expr={"k": "shift", "n": -1, "base": base, "tod": "NI"})
        return make_item(s, e, rule, expr={"k": "weekday", "wd": wd, "dir": None, "strict": False, "tod": "NI"})
    if rule == "part_of_day":
        tod = g["tod"].lower()
        if tod == "journée" and not (g["pm"] or g["pm2"]) and not m.group(0).lower().startswith("dans"):
            return None
        code = "" if tod == "journée" else PARTS_OF_DAY.get(tod, "")
        mod = PART_MODS.get((g["pm"] or g["pm2"] or "").lower(), "")
        return make_item(s, e, rule, expr={"k": "rel", "unit": "day", "n": 0, "tod": code}, mod=mod)
    if rule == "anchor":
        if re.search(r"du\s+jour\s+au\s+$", text[max(0, s - 12):s], F):
            return None
        n = day_number(g["n"]) if g["n"] else 1 if g["l"] else -1
        return make_item(s, e, rule, expr={"k": "shift", "n": n, "base": None, "count": bool(g["n"])})
    if rule == "year":
        y = int(g["y"])
        if NOT_YEAR_BEFORE.search(text[max(0, s - 16):s]):
            return None
        prev = re.search(r"([A-ZÀ-Ý][\w-]*)[^\S\n]+$", text[max(0, s - 30):s])
        if prev and prev.group(1).lower() not in MONTHS and not _sentence_start(text, s - len(prev.group(0))):
            return None          # `Fox 2000`, `Windows 2000`: part of a name
        return make_item(s, e, rule, value=str(y), gran="year")
    return None


def _sentence_start(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in " \t\u00a0\u202f«\"“(":
        j -= 1
    return j < 0 or text[j] in ".!?\n:;–—-"


def _two_digit_year(s: str) -> int:
    n = int(s)
    return 2000 + n if n < 50 else 1900 + n
