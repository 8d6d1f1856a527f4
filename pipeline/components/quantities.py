"""Quantities: numbers with qualifiers, units and counted items (`plus de 16 000 conteneurs`).

Reads the numerals of the text (`components.numbers`, one regex pass), drops the ones that are
not quantities, then reads around each one, on the characters and on the tokens:

1. not quantities (`_skip_reason`): days and years of dates (`11 octobre`, `en 2022`, `le 11`),
   times (`14h30`, `à 20 heures`), ordinals (`1er`, `19e`), numbers inside names and
   references (`G7`, `Peugeot 307`, `article 49.3`, `[1]`), a bare article `un`/`une` (not before
   `an`, `mois`, `semaine`, nor beside counted nouns: `deux femmes et un homme`);
2. the qualifier before or after (`plus de` min, `jusqu'à` max, `environ` approx, `X au moins`),
   and ranges (`entre X et Y`, `de X à Y`, but `passer de X à Y` is two values);
3. the unit from the unit lexicon (units.jsonl: `%`, `millions d'euros`, `$10`, `3 km`), with
   the value as written times multipliers (`3,5 millions d'euros` -> 3500000 EUR);
4. the counted item: lemma of the noun after the number, or after `de` following a unit, a
   multiplier or a vague amount (`3 000 tonnes de blé` -> blé);
5. the actor: the mention (doc._.depeche_mentions) that is the subject of the governing verb.

Every item records the rule that produced it (`digits`, `vague_one`, `range:entre`, ...).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from pipeline.components.base import RuleComponent, doc_text
from pipeline.components.numbers import MULTIPLIERS, SPACE, SPACE_OPT, Numeral, find_numerals
from pipeline.components.quantities_tokens import (ARTICLE_WORDS, MONTHS, actor_of, counted_beside, noun_after, token_at,
                                                   token_before)
from pipeline.components.quantities_units import UnitLexicon
from pipeline.rules.units import Unit

_Q, _QO = SPACE, SPACE_OPT  # short names in the patterns below
_DATE_AFTER = re.compile(
    rf"(?:{_QO}(?:et|au|à|-|–|ou|,){_QO}\d{{1,2}}(?:er)?)*{SPACE}(?:{MONTHS})(?![\w])",
    re.IGNORECASE)
_MONTH_BEFORE = re.compile(rf"(?:{MONTHS}){SPACE}\Z", re.IGNORECASE)
_WEEKDAY_BEFORE = re.compile(rf"\b(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche){_Q}\Z", re.IGNORECASE)
_TIME_AFTER = re.compile(r"[ \u00a0\u202f]?(?:h|H)(?:[ \u00a0\u202f]?\d{2})?(?![\w])|:\d{2}(?!\d)")
_ORDINAL_AFTER = re.compile(r"(?:e|er|ère|ere|re|ème|eme|è|nd|nde|nds|ndes|es|èmes|emes)(?![\w])"
                            r"|[ \u00a0\u202f](?:e|er|ème)(?![\w'’])", re.IGNORECASE)
_TIME_BEFORE = re.compile(rf"\d{{1,2}}{_QO}[hH]{_QO}\Z")
_SUBUNIT_BEFORE = re.compile(rf"\b(?:minutes?|min|heures?|h|secondes?|s|jours?|mètres?|m|kilos?|kg|euros?|€){SPACE}\Z",
                             re.IGNORECASE)
_CLOCK_AFTER = re.compile(rf"{SPACE}heures?{_QO}(?:\(?(?:UTC|GMT|HNE|heure\b|heures{SPACE}locales?)|du{SPACE}matin|"
                          rf"du{SPACE}soir|de{SPACE}l['’]après-midi)|{SPACE}(?:à|et){SPACE}\d{{1,2}}{SPACE}heures?\b",
                          re.IGNORECASE)
TIME_NOUNS = {"seconde", "minute", "heure", "jour", "journée", "semaine", "mois", "an", "année", "siècle",
              "décennie", "trimestre", "semestre", "quart", "tiers", "moitié", "demi", "point"}
_CLOCK_BEFORE = re.compile(rf"\b(?:à|a|vers|dès|des|avant|après){SPACE}\Z", re.IGNORECASE)
_HOURS_AFTER = re.compile(rf"{SPACE}heures?\b", re.IGNORECASE)
_DAY_ARTICLE_BEFORE = re.compile(rf"\b(?:le|du|au|ce|dès le|depuis le){SPACE}\Z", re.IGNORECASE)
_YEAR_BEFORE = re.compile(rf"\b(?:en|de|depuis|dès|avant|après|vers|fin|début|mi|d['’]ici|année|an|"
                          rf"l['’]an|printemps|été|automne|hiver|jusqu['’]en){SPACE}\Z", re.IGNORECASE)
_REFERENCE_BEFORE = re.compile(
    rf"(?:\b(?:articles?|alinéas?|chapitres?|pages?|p\.|n°|nº|no|numéros?|tomes?|volumes?|vol\.|"
    rf"saisons?|épisodes?|lignes?|routes?|autoroutes?|sections?|paragraphes?|annexes?|versions?|"
    rf"phases?|niveaux?|catégories?|résolutions?|loi|décret|amendements?|points?|rangs?|portes?|"
    rf"terminal|quai|voies?|salles?|classe|degré|zone|lot|stade|échelle|départementale|nationale|top){SPACE}|"
    rf"[#§]{_QO}|\bn[°º]{_QO}|"
    rf"\b(?:décrets?|lois?|résolutions?|ordonnances?|directives?|règlements?|vols?|"
    rf"numéros?)(?:{SPACE}[a-zéèêàç-]+)?{SPACE})\Z",
    re.IGNORECASE)
_ADDRESS_AFTER = re.compile(rf"{SPACE}(?:bis{SPACE}|ter{SPACE})?(?:rue|avenue|av\.|boulevard|bd|place|allée|"
                            rf"impasse|quai|chemin|cours|route){SPACE}", re.IGNORECASE)

_DE = "(?:de|d['’]|des|du)"
QUALIFIERS_BEFORE = [
    ("min", rf"(?:(?:un{_Q}peu|légèrement|bien|largement|nettement|très{_Q}largement){_Q})?plus{_Q}{_DE}"),
    ("min", rf"pas{_Q}moins{_Q}{_DE}|au{_Q}moins|au{_Q}minimum|au[- ]delà{_Q}{_DE}|au[- ]dessus{_Q}{_DE}|"
            rf"supérieure?s?{_Q}(?:ou{_Q}égale?s?{_Q})?(?:à|aux)|plus{_Q}que|"
            rf"(?:dépass|franchi|excéd)\w*(?:{_Q}(?:le|la|les|l['’]))?|"
            rf"(?:égale?s?{_Q}ou{_Q})?supérieure?s?{_Q}à|minimum"),
    ("max", rf"(?:(?:un{_Q}peu|légèrement|bien){_Q})?moins{_Q}{_DE}|jusqu['’]{_QO}(?:à|aux|a)|"
            rf"pas{_Q}plus{_Q}{_DE}|au{_Q}plus|au{_Q}maximum|tout{_Q}au{_Q}plus|à{_Q}peine|"
            rf"inférieure?s?{_Q}(?:ou{_Q}(?:égale?s?|égaux){_Q})?(?:à|aux)|(?:égale?s?{_Q}ou{_Q})?inférieure?s?{_Q}à|"
            rf"en[- ]dessous{_Q}{_DE}|moins{_Q}que|maximum"),
    ("approx", rf"(?:tout{_Q})?près{_Q}{_DE}|environ|quelque|autour{_Q}{_DE}|aux{_Q}alentours{_Q}{_DE}|"
               rf"à{_Q}peu{_Q}près|presque|quasiment|quasi|approximativement|de{_Q}l['’]ordre{_Q}{_DE}|"
               rf"plus{_Q}ou{_Q}moins|pas{_Q}loin{_Q}{_DE}|grosso{_Q}modo|avoisinant|"
               rf"estimée?s?{_Q}à|environ{_Q}de"),
    ("exact", rf"exactement|précisément|seulement|tout{_Q}juste|pile"),
]
_QUAL_BEFORE = re.compile(
    r"(?:^|(?<=[\s(«\"'’]))(?:" + "|".join(f"(?P<q{i}>{p})" for i, (_, p) in enumerate(QUALIFIERS_BEFORE))
    + r")[ \u00a0\u202f]*\Z", re.IGNORECASE)
_QUAL_AFTER = re.compile(
    rf"(?:{SPACE}|,{SPACE}(?=au))(?:(?P<min>au{_Q}moins|au{_Q}minimum|ou{_Q}plus|et{_Q}plus)|"
    rf"(?P<max>au{_Q}plus|au{_Q}maximum|ou{_Q}moins)|(?P<approx>environ))(?![\w])", re.IGNORECASE)
_NEGATIVE_BEFORE = re.compile(rf"\bmoins{_Q}\Z", re.IGNORECASE)
_CHANGE_VERB = re.compile(
    r"\b(?:pass|rédui|redui|ramen|rehauss|augment|baiss|diminu|chut|recul|grimp|cr[oû]|mont|"
    r"descend|tomb|progress|relev|abaiss|élev|hauss|bondi|bond|gonfl|fond|plong|amput|port|"
    r"double|tripl|évolu)\w*[ \u00a0\u202f]+(?:de|d['’])[ \u00a0\u202f]*\Z", re.IGNORECASE)
# a noun of change after its article gives the change's size, a range (`une croissance de 5 à 7 %`)
_CHANGE_NOUN = re.compile(r"\b(?:une?|la|le|l['’]|sa|son|leur|cette|ce)[ \u00a0\u202f]*(?:croissance|hausse|baisse|"
                          r"augmentation|diminution|chute|progression|montée|réduction|recul|bond)s?"
                          r"[ \u00a0\u202f]+(?:de|d['’])[ \u00a0\u202f]*\Z", re.IGNORECASE)
# after a length, where it is measured from: an article and its noun, or a name (`du centre`, `de la
# frontière`, `de Bagdad`), not the thing measured (`de long`, `d'altitude`, `de natation`)
_FROM_PLACE = re.compile(r"[ \u00a0\u202f]+(?:du|des|de[ \u00a0\u202f]+la|de[ \u00a0\u202f]+l['’]|d['’][ \u00a0\u202f]*[A-ZÀ-Ý]"
                         r"|de[ \u00a0\u202f]+[A-ZÀ-Ý])")
# `46"97` (seconds"hundredths); a bare `10"` only after `des|les|en` (`au-dessus des 10"`), since
# straight quotes also close quotations
_SPORTS_TIME = re.compile(r"(?<![\w\"])(\d{1,3})\"(\d{2})(?![\d\"])|\b(?:des|les|en)\s(\d{1,2})\"(?=[\s.,;)])")
_RELAY = re.compile(rf"(?<![\w])(\d{{1,2}}){_QO}[x×]{_QO}(?=\d)", re.IGNORECASE)
_CODE_GLUED = re.compile(r"(?<![\w])(?P<code>[A-Z]{3})(?=\d)")
_AND_HALF_AFTER_NOUN = re.compile(rf"{SPACE}et{SPACE}demie?\b", re.IGNORECASE)
# after un / une, the units of a duration that no other sense of the phrase has (`un jour` is also
# someday, `une heure` a time of day, `une année` a year of some kind)
_ONE_DURATION = {"an", "mois", "semaine"}
_COORDINATED = re.compile(r"\b(?:et|ou)\b", re.IGNORECASE)
# after a number, the upper bound of a range (group 1) or a scale: what makes it an amount
_AMOUNT_AFTER = re.compile(r"[ \u00a0]*(?:(?:à|-|–)[ \u00a0]*(\d{1,3}(?:[ \u00a0]\d{3})+|\d+)"
                           r"|(?:mille|millions?|milliards?|%)(?!\w))")
_APPROX_ONLY = re.compile(rf"(?:\b(?:près|autour|proche|loin){SPACE}(?:de|d['’])|\bjusqu['’]{_QO}(?:à|au)){_QO}\Z",
                          re.IGNORECASE)
_URLISH = re.compile(r"(?:://|www\.|@|\.(?:com|org|fr|net)\b|=)")


@dataclass
class _Cand:
    start: int
    end: int
    value: float
    qualifier: str
    num: Numeral
    unit: str = ""
    unit_end: int = -1
    item: str = ""
    low: float | None = None
    high: float | None = None
    rule: str = ""


class QuantitiesComponent(RuleComponent):
    rule_files = {"units.jsonl": Unit}

    def __init__(self, nlp, name, rules_dir=None):
        self.lexicon = UnitLexicon([])
        super().__init__(nlp, name, rules_dir)

    def rules_changed(self) -> None:
        self.lexicon = UnitLexicon(self.rules.get("units.jsonl", []))

    def process(self, doc: Doc) -> None:
        doc._.depeche_quantities = extract(doc, self.lexicon)


# -- helpers on tokens ----------------------------------------------------------------------
# -- exclusions ----------------------------------------------------------------------------
def _skip_reason(doc: Doc, text: str, n: Numeral, qualified: bool, has_unit: bool,
                 names: tuple[tuple[int, int], ...] = ()) -> str:
    """Why the numeral n is not a quantity ('' when it is one). names: the (start, end)
    characters of the Doc's PER, ORG and MISC entities, read once per Doc."""
    s, e = n.start, n.end
    raw = text[s:e]
    after = text[e:e + 40]
    before = text[max(0, s - 40):s]
    is_digits = raw[:1].isdigit() or raw[:1] in "-−–,"
    integer = n.value == int(n.value) and not n.multiplied
    # inside a URL, an e-mail or a code
    chunk_s = max(text.rfind(" ", 0, s), text.rfind("\n", 0, s)) + 1
    chunk_e = len(text)
    for sep in (" ", "\n"):
        k = text.find(sep, e)
        if k != -1:
            chunk_e = min(chunk_e, k)
    if _URLISH.search(text[chunk_s:chunk_e]):
        return "url"
    if is_digits:
        if re.match(r"[-–/.]\d", after):
            return "code"  # 2010-2014, 17/05/2018, 3-1, 192.168.1.2
        if before.endswith("[") and after.startswith("]"):
            return "footnote"
        if not has_unit and re.search(rf"\d{_Q}sur{_Q}\Z", before) and not noun_after(doc, text, e, False):
            return "scale"  # the 5 of `4 sur 5`: a rating's scale, not a second amount
        if _ORDINAL_AFTER.match(after):
            return "ordinal"
        if _TIME_AFTER.match(after):
            return "time"
    if integer and 1 <= n.value <= 31 and _DATE_AFTER.match(after):
        return "date"
    if integer and _MONTH_BEFORE.search(before):
        return "date"
    if integer and re.search(rf"\bann[ée]es{_Q}(?:19|20)?\Z", before, re.IGNORECASE):
        return "date"  # a decade: `les années 80`, `années 2000`
    if integer and 1 <= n.value <= 31 and _WEEKDAY_BEFORE.search(before):
        return "date"  # `mardi 12`
    if integer and 0 <= n.value <= 24 and _HOURS_AFTER.match(after) and _CLOCK_BEFORE.search(before):
        return "time"
    if integer and 0 <= n.value <= 24 and _CLOCK_AFTER.match(after):
        return "time"  # `17 heures UTC`, `de 15 à 17 heures`
    if is_digits and integer and 0 <= n.value < 60 and _TIME_BEFORE.search(before):
        return "time"  # the minutes of `8 h 30`
    if not has_unit and _SUBUNIT_BEFORE.search(before) and not noun_after(doc, text, e, False):
        return "subunit"  # `3 minutes 30`, `15 dollars 50`
    if is_digits and re.fullmatch(r"\d+\.\d{1,2}|\d+\.\d{4,}", raw) and not has_unit:
        return "reference"  # `le 49.3`: a decimal point is no French decimal
    if _REFERENCE_BEFORE.search(before) and not qualified:
        return "reference"
    if is_digits and integer and _ADDRESS_AFTER.match(after):
        return "address"
    # a year: four digits 1000-2100, unless a counted noun or a unit follows or a qualifier precedes
    partner = re.match(rf"{SPACE}(?:à|et|au){SPACE}(\d+(?:[ \u00a0\u202f.]\d{{3}})*)(?!\d)", after)
    if not re.search(rf"\b(?:de|d['’]|entre){_QO}\Z", before, re.IGNORECASE):
        partner = None  # only `de X à Y`, `entre X et Y` pair a year with another number
    partner_year = partner is None or (re.fullmatch(r"\d{4}", partner.group(1).strip()) is not None
                                       and 1000 <= int(partner.group(1).strip()) <= 2100)
    if is_digits and integer and re.fullmatch(r"\d{4}", raw) and 1000 <= n.value <= 2100 and partner_year:
        if _YEAR_BEFORE.search(before) or not qualified:
            nxt = noun_after(doc, text, e, False)
            if not nxt or _YEAR_BEFORE.search(before):
                return "year"
    # `le 11`: a day number with its article
    if integer and 1 <= n.value <= 31 and _DAY_ARTICLE_BEFORE.search(before) and not qualified:
        if not has_unit and not noun_after(doc, text, e, False):
            return "day"
    low = raw.lower()
    if n.rule == "words" and re.fullmatch(r"(?:millions?|milliards?|billions?|trillions?)", low):
        return "bare multiplier"  # `les millions de clics`: no number
    if low in ARTICLE_WORDS and not qualified:
        # (`un an`, `une semaine`: a duration of one, as `deux ans` is of two; `deux femmes et un
        # homme`: a count beside counts, looked for only where `et` / `ou` is near, as `un` is everywhere)
        if not (re.match(rf"{_Q}(?:an|mois|semaine)\b", after, re.IGNORECASE)
                and (nxt := noun_after(doc, text, e, False)) and nxt[0] in _ONE_DURATION
                or _COORDINATED.search(text[max(0, s - 4):e + 60]) and counted_beside(token_at(doc, text, s))):
            return "article"
    if low in ARTICLE_WORDS and not has_unit and _APPROX_ONLY.search(before):
        nxt = noun_after(doc, text, e, False)
        if not nxt or nxt[0] not in TIME_NOUNS:
            return "article"  # `près d'un aéroport` is a place, `près d'une seconde` an amount
    if low == "neuf" and not qualified and not noun_after(doc, text, e, False):
        return "adjective"
    # a number inside a name: `Peugeot 307`, `Ligue 1`, `France 2`
    if is_digits and integer and re.search(r"[A-ZÉ][\w-]*[ \u00a0]\Z", before):
        prev = token_before(doc, text, s)
        nxt = noun_after(doc, text, e, False)
        counted = nxt is not None and (n.value < 2 or text[:nxt[1]].endswith(("s", "x")))
        # (a range or a scale after it is an amount: `en France 60 à 80 milliards d'euros`; not a
        # score, `l'Italie 4 à 0`)
        after_n = _AMOUNT_AFTER.match(text, e)
        upper = after_n and after_n.group(1)
        counted = counted or bool(after_n) and (not upper or int(re.sub(r"\D", "", upper)) > n.value)
        if prev is not None and not prev.is_sent_start and prev.i > 0 \
                and (prev.is_title or prev.is_upper and len(prev.text) > 1) and not counted and not qualified:
            # (`Peugeot 307`, and a name in capitals: `le CAC 40`, `le SBF 120`)
            return "name"
    # inside a name the NER read as one, past its first word: `la Revue des deux Mondes`, `Apollo 11`
    if any(a < s and e <= b for a, b in names):
        return "name"
    # `(93)` after a place name: a department or post code
    if is_digits and integer and before.endswith("(") and after.startswith(")") and \
            re.search(r"[A-ZÉ][\w-]*[ \u00a0]\(\Z", before):
        return "code"
    return ""


def _qualifier_before(text: str, start: int):
    """(qualifier, start of its words) for the words right before `start`, else (None, start)."""
    window = text[max(0, start - 45):start]
    m = _QUAL_BEFORE.search(window)
    if not m:
        return None, start
    for i, (q, _) in enumerate(QUALIFIERS_BEFORE):
        if m.group(f"q{i}"):
            return q, start - len(window) + m.start()
    return None, start


def extract(doc: Doc, lexicon: UnitLexicon) -> list[dict]:
    """The quantities of a Doc, as dicts (components/__init__.py contract), in text order."""
    text = doc_text(doc)
    mentions = doc._.depeche_mentions or []
    cands: list[_Cand] = []
    taken_until = -1
    special = _special_numerals(text, lexicon)
    numerals = sorted(find_numerals(text) + _plusieurs(doc, text) + [n for n, _ in special],
                      key=lambda n: (n.start, -n.end))
    special_units = {id(n): u for n, u in special}
    # a number inside a name is none: `la Revue des deux Mondes`, `Apollo 11`
    names = tuple((ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ in ("ORG", "MISC", "PER"))
    for n in numerals:
        if n.start < taken_until:
            continue
        qual, qstart = _qualifier_before(text, n.start)
        unit_after = lexicon.after(text, n.end, n.multiplied,   # read once: _read_quantity takes it
                                   vague=n.rule == "vague_one")
        reason = _skip_reason(doc, text, n, qual is not None and qual != "exact", unit_after is not None, names)
        if reason:
            continue
        c = _read_quantity(doc, text, n, qual, qstart, lexicon, special_units.get(id(n)), unit_after)
        if c is None:
            continue
        if c.start < taken_until:  # a qualifier reaching back into the previous quantity
            c.start = n.start
        cands.append(c)
        taken_until = max(c.end, c.unit_end)
    cands = _ranges(text, cands)
    out = []
    for c in cands:
        low, high = c.low, c.high
        if c.qualifier == "exact":
            low = high = c.value
        elif c.qualifier == "min":
            low, high = c.value, None
        elif c.qualifier == "max":
            low, high = None, c.value
        elif c.qualifier == "approx":
            low = high = None
        out.append({"start": c.start, "end": c.end, "value": _clean(c.value), "low": _clean(low),
                    "high": _clean(high), "qualifier": c.qualifier, "unit": c.unit, "item": c.item,
                    "actor_id": actor_of(doc, text, c.num.start, mentions), "rule": c.rule})
    return out


def _clean(v):
    if v is None:
        return None
    v = float(v)
    if v == int(v) and abs(v) < 1e18:
        return float(int(v))
    return round(v, 10) if abs(v) < 1e6 else v  # 2/3 -> 0.6666666667, stable across platforms


def _special_numerals(text: str, lexicon: UnitLexicon) -> list[tuple[Numeral, Unit | None]]:
    """Sports notations: `46"97` (seconds and hundredths), `10"`, relay `4 x 100 m`."""
    out = []
    for m in _SPORTS_TIME.finditer(text):
        if m.group(1):
            v = float(f"{m.group(1)}.{m.group(2)}")
        else:
            v = float(m.group(3))
        start = m.start(1) if m.group(1) else m.start(3)
        out.append((Numeral(start, m.end(), v, "exact", False, False, "sports_time"),
                    Unit(forms=('"',), unit="s", dimension="time", source="notation")))
    for m in _CODE_GLUED.finditer(text):
        unit = lexicon.before.get(m.group("code"))
        rest = find_numerals(text[m.end("code"):m.end("code") + 30])
        if unit is not None and rest and rest[0].start == 0:
            n = rest[0]
            out.append((Numeral(m.start(), m.end("code") + n.end, n.value, "exact", n.multiplied, False,
                                "code_glued"), unit))
    for m in _RELAY.finditer(text):
        rest = find_numerals(text[m.end():m.end() + 12])
        if rest and rest[0].start == 0:
            n = rest[0]
            out.append((Numeral(m.start(), m.end() + n.end, n.value, "exact", False, False, "relay"), None))
    return out


def _plusieurs(doc: Doc, text: str) -> list[Numeral]:
    """`plusieurs semaines` (min 2), `quelques jours` (approx 2) when a noun follows."""
    out = []
    for m in _PLURAL_WORDS.finditer(text):
        nxt = noun_after(doc, text, m.end(), False)
        if not nxt:
            continue
        w = m.group("w").lower()
        q = "approx" if w == "quelques" else "min"
        out.append(Numeral(m.start(), m.end("w"), 2, q, False, True, w.replace(" ", "_")))
    return out


_PLURAL_WORDS = re.compile(rf"\b(?P<w>plusieurs|quelques)(?={SPACE}[^\W\d])", re.IGNORECASE)


def _read_quantity(doc: Doc, text: str, n: Numeral, qual: str | None, qstart: int,
                   lexicon: UnitLexicon, special_unit: Unit | None, unit_after) -> _Cand | None:
    """unit_after: lexicon.after(text, n.end, n.multiplied), which extract has read."""
    value, start, end = n.value, n.start, n.end
    qualifier = n.qualifier
    rule = n.rule
    if qual and qual != "exact":
        qualifier = qual
        start = qstart
    elif qual == "exact":
        start = qstart
    # a sign written as a word: `moins 5 degrés` (not `moins de`)
    if qual is None and _NEGATIVE_BEFORE.search(text[max(0, n.start - 7):n.start]) and \
            text[n.start:n.start + 1].isdigit():
        value, start = -value, n.start - len(_NEGATIVE_BEFORE.search(text[max(0, n.start - 7):n.start]).group(0))
    unit, unit_end, item, rule_u = "", -1, "", special_unit
    glued = end < len(text) and text[end:end + 1].isalpha() and not text[n.start:n.end].strip().isalpha()
    if special_unit is not None:
        unit, unit_end = special_unit.unit, end
    else:
        u = unit_after
        if u is None and glued:
            return None  # `21st`, `3M`: letters glued to digits that are no unit
        if u is not None and glued and text[end:u[1]].startswith((" ", "\u00a0")):
            u = None
        pre = lexicon.before_number(text, n.start) if u is None else None
        if u is not None:
            rule_u, unit_end = u
            unit = rule_u.unit
            value *= rule_u.factor
            rule += f"+unit:{rule_u.dimension}"
        elif pre is not None:
            rule_u, ustart = pre
            unit = rule_u.unit
            value *= rule_u.factor
            start = min(start, ustart)  # `$ 75 millions`
            rule += f"+unit_before:{rule_u.dimension}"
    stop = max(end, unit_end)
    # the counted item: `60 % des suffrages` (in the span), `3 000 tonnes de blé` (item only),
    # `une centaine de victimes`, `3 millions de personnes`, `16 000 conteneurs`
    if unit:
        got = noun_after(doc, text, stop, True)
        if got:
            item = got[0]
            if unit == "%":
                stop = got[1]
        if rule_u is not None and rule_u.dimension == "length" and _FROM_PLACE.match(text, stop):
            item = "distance"  # `à 10 km du centre`, `à 40 kilomètres de Bagdad`: how far from it
    elif n.multiplied or n.rule in ("vague_one", "vague_plural", "fraction_half") or n.rule.endswith("_fraction"):
        got = noun_after(doc, text, stop, True)
        if got:
            item, stop = got
    else:
        got = noun_after(doc, text, stop, False)
        if got:
            item, stop = got
            # `deux ans et demi`
            m = _AND_HALF_AFTER_NOUN.match(text, stop)
            if m and n.value == int(n.value):
                value += 0.5
                stop = m.end()
    if n.rule in ("plusieurs", "quelques") and not item:
        return None
    # a qualifier after: `trois morts au moins`, `500 ou plus`
    m = _QUAL_AFTER.match(text, stop)
    if m and (qual in (None, "exact") or (qual == "approx" and not m.group("approx"))):
        qualifier = "min" if m.group("min") else "max" if m.group("max") else "approx"
        stop = m.end()
    return _Cand(start=start, end=stop, value=value, qualifier=qualifier, num=n, unit=unit,
                 unit_end=unit_end, item=item, rule=rule)


def _ranges(text: str, cands: list[_Cand]) -> list[_Cand]:
    """Merge `entre X et Y`, `de X à Y`, `X à Y unit`, `X ou Y noun` into one range quantity."""
    out: list[_Cand] = []
    i = 0
    while i < len(cands):
        a = cands[i]
        if i + 1 < len(cands):
            b = cands[i + 1]
            merged = _try_range(text, a, b)
            if merged is not None:
                out.append(merged)
                i += 2
                continue
            _share_unit(text, a, b)
        out.append(a)
        i += 1
    return out


_SHARED_CONNECTOR = re.compile(rf"{_QO}(?:,|et|à|ou|contre|sur|puis){_QO}", re.IGNORECASE)


def _share_unit(text: str, a: _Cand, b: _Cand) -> None:
    """`18 et 6 % des voix`, `282 voix contre 351`: a bare number next to its twin takes its
    unit and item."""
    if not _SHARED_CONNECTOR.fullmatch(text[a.end:b.start]):
        return
    bare, full = (a, b) if not (a.unit or a.item) else (b, a) if not (b.unit or b.item) else (None, None)
    if bare is None or not (full.unit or full.item):
        return
    if bare.num.multiplied != full.num.multiplied:
        return
    bare.unit, bare.item = full.unit, full.item


def _try_range(text: str, a: _Cand, b: _Cand) -> _Cand | None:
    between = text[a.end:b.num.start]
    if b.start < b.num.start:  # b has its own qualifier: `plus de 40 et moins de 10`
        between = text[a.end:b.start]
        if b.qualifier != "exact":
            return None
    m = re.fullmatch(rf"{_QO}(?P<c>et|à|a|au|ou|-|–){_QO}", between, re.IGNORECASE)
    if not m:
        return None
    conn = m.group("c").lower()
    if a.unit and b.unit and a.unit != b.unit:
        return None
    bare_a = a.end <= a.num.end   # no unit nor noun of its own: an item it has was lent by a twin
    if a.item and b.item and a.item != b.item and not (conn == "ou" and bare_a):
        return None
    lead = text[max(0, a.num.start - 12):a.num.start]
    if a.start < a.num.start and a.qualifier not in ("approx",):
        lead_q = text[a.start:a.num.start].strip().lower()
        if not lead_q.startswith(("de", "d'", "d’", "entre")):
            return None
    kind = ""
    if conn == "et":
        if re.search(rf"\bentre{_QO}\Z", lead, re.IGNORECASE):
            kind = "entre"
    elif conn in ("à", "a", "au"):
        if re.search(rf"\b(?:de|d['’]){_QO}\Z", lead, re.IGNORECASE) or re.search(r"\bDe ?\Z", lead):
            before = text[max(0, a.num.start - 30):a.num.start]
            if _CHANGE_VERB.search(before) and not _CHANGE_NOUN.search(before):
                return None
            kind = "de_a"
        elif a.qualifier in ("approx", "exact") and not a.item:
            kind = "x_a"
    elif conn == "ou":   # `deux ou trois blessés`, `11 ou 12 jours`: close alternatives, one range
        if bare_a and not a.unit and (b.item or b.unit) and b.value <= 2 * a.value + 1:
            kind = "ou"
    elif conn in ("-", "–"):
        if (a.unit or b.unit) and not re.search(r"\d[-–]\d", text[a.num.end - 1:b.num.start + 1]):
            kind = "dash"
    if not kind:
        return None
    low, high = a.value, b.value
    if b.num.multiplied and not a.num.multiplied and not a.unit and low < 1000:
        mult = re.search(r"(millions?|milliards?|billions?|mille)\W*\Z", text[b.num.start:b.num.end], re.IGNORECASE)
        low *= MULTIPLIERS[mult.group(1).lower()] if mult else 1
    if not low < high:
        return None
    start = a.start
    m2 = re.search(rf"\b(?:entre|de|d['’]){_QO}\Z", text[max(0, a.num.start - 8):a.num.start], re.IGNORECASE)
    if m2 and kind in ("entre", "de_a"):
        start = min(start, a.num.start - (len(text[max(0, a.num.start - 8):a.num.start]) - m2.start()))
    return _Cand(start=start, end=b.end, value=low, qualifier="range", num=a.num, unit=b.unit or a.unit,
                 unit_end=b.unit_end, item=b.item or a.item, low=low, high=high, rule=f"range:{kind}")
