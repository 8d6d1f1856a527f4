"""Dates: French calendar expressions as TIMEX3 values (issue 4).

Two halves, because the component runs in spaCy workers on the body text only and does
not know the article date:

- `DatesComponent` finds the expressions with anchored regular expressions over
  `doc.text` (month, weekday, season and relative-day words, 4-digit years, numeric
  dates) and uses the parse only to judge them (a 4-digit number counting a noun is not a
  year; the tense of the governing verb says whether a bare weekday is past or future).
  Each item is a plain dict: start, end, value (TIMEX3 when the text alone fixes it, else
  ""), expr (what `resolve` needs, or None), mod, granularity, rule. The vocabulary and the
  patterns are in dates_patterns.py; this module selects, qualifies and judges their matches.
- `pipeline.timex.resolve(item, article_date)` turns an item into its TIMEX3 value against
  the article's ISO date (`2024-10-11`, `2024-10`, `2024` or ""); the dates table calls it in
  the main process. The conventions of that resolution are written there.
"""
from __future__ import annotations

import re

from pipeline.components.base import RuleComponent, doc_text
from pipeline.components.dates_patterns import (DATE_NOUNS, FUTURE_LEAD, MOD_BEFORE, MODS, MONTH_LEAD, PAST_LEAD,
                                             RULE_PRIORITY, WEEKDAYS, F, candidates, day_number, make_item)
from pipeline.timex import iso_day, valid_day


def _select(cands: list[dict]) -> list[dict]:
    """Non-overlapping items: longest first, then earliest, then pattern order."""
    cands.sort(key=lambda c: (-(c["end"] - c["start"]), c["start"], RULE_PRIORITY[c["rule"]]))
    taken: list[dict] = []
    used: set[int] = set()        # characters already covered: linear in the text
    for c in cands:
        chars = range(c["start"], c["end"])
        if not any(i in used for i in chars):
            taken.append(c)
            used.update(chars)
    taken.sort(key=lambda c: (c["start"], c["end"]))
    return taken


def _add_mods(items: list[dict], text: str) -> None:
    for it in items:
        if it["value"] in ("PAST_REF", "FUTURE_REF") or it["rule"] in ("ago", "relative_day", "anchor"):
            continue
        s = it["start"]
        window = text[max(0, s - 40):s]
        m = MOD_BEFORE.search(window)
        if not m and it["rule"] == "month":
            lead = MONTH_LEAD.search(window)
            if lead:
                m = MOD_BEFORE.search(window[:lead.start()])
        if not m:
            continue
        kind = next(k for k, v in m.groupdict().items() if v)
        if kind in ("start", "end", "mid") and it["granularity"] == "day":
            continue       # `fin` before a day is not a mod of it
        it["mod"] = MODS[kind]
        it["start"] = s - len(window) + m.start()


RANGE_LINK = r"(?:au|à|et|-|–|jusqu['’]au)"  # what joins two days of a range or a pair (`du 1er au 15`)


def _add_coordinated_days(items: list[dict], text: str) -> list[dict]:
    """`du 1er au 15 mars`, `entre les 17 et 23 mars`, `le 16 février au matin et le 17`: the bare
    day number takes the month (and year) of the full date next to it."""
    extra = []
    starts = {it["start"] for it in items if it["rule"] != "day_alone"}
    for it in items:
        if it["rule"] not in ("day_month",) or it["granularity"] != "day":
            continue
        base = _base_ymd(it)
        if base is None:
            continue
        s, e = it["start"], it["end"]
        back = re.search(r"(?:^|(?<=[\s'’])|(?<=les)|(?<=du))(?P<d>1\s?er|[12]\d|3[01]|0?[1-9])\s*"
                         rf"{RANGE_LINK}\s*(?:le\s+)?$", text[max(0, s - 16):s], F)
        if back:
            ds = s - (min(16, s)) + back.start("d")
            de = s - (min(16, s)) + back.end("d")
            extra.append(_with_day(it, base, day_number(back.group("d")), ds, de, "day_coordinated"))
        fwd = re.match(r"(?P<gap>(?:\s+(?:au|dans\s+la)\s+(?:matin|soir|soirée|matinée))?,?\s+(?:et|au|jusqu['’]au)\s+"
                       r"(?:le\s+)?)(?P<d>[12]\d|3[01]|0?[1-9])(?=\s*(?:au\s+(?:soir|matin)|[,.;)]|et\b))",
                       text[e:e + 50], F)
        if fwd and e + fwd.start("d") not in starts:
            extra.append(_with_day(it, base, int(fwd.group("d")), e + fwd.start("d"), e + fwd.end("d"),
                                   "day_coordinated"))
    return [x for x in extra if x is not None]


def _base_ymd(it):
    if it["value"]:
        y, m, d = (int(p) for p in it["value"].split("-"))
        return {"y": y, "m": m}
    ex = it["expr"]
    return {"m": ex["m"], "dir": ex.get("dir"), "strict": ex.get("strict", False)}


def _with_day(it, base, d, s, e, rule):
    if d is None or not 1 <= d <= 31:
        return None
    if "y" in base:
        if not valid_day(base["y"], base["m"], d):
            return None
        return make_item(s, e, rule, value=iso_day(base["y"], base["m"], d))
    return make_item(s, e, rule, expr={"k": "date", "m": base["m"], "d": d, "dir": base.get("dir"),
                                   "strict": base.get("strict", False)})


def _link_anchors(items: list[dict], text: str) -> list[dict]:
    """`le lendemain du 13 février` shifts that date; `le lendemain` / `la veille` alone the
    nearest day before them, else the article date."""
    out, last_day, skip = [], None, set()
    for i, it in enumerate(items):
        if i in skip:
            continue
        if it["rule"] == "anchor":
            nxt = items[i + 1] if i + 1 < len(items) else None
            if nxt is not None and nxt["granularity"] == "day" and re.fullmatch(r",\s*", text[it["end"]:nxt["start"]]):
                continue      # `la veille, 8 février`: the date in apposition says it
            if nxt is not None and nxt["granularity"] == "day" and re.fullmatch(
                    r"\s+(?:du|de\s+la|de\s+l['’]|de)\s*", text[it["end"]:nxt["start"]]):
                it["expr"]["base"] = {k: nxt[k] for k in ("value", "expr")}
                it["end"] = nxt["end"]
                skip.add(i + 1)
            elif last_day is not None:
                it["expr"]["base"] = {k: last_day[k] for k in ("value", "expr")}
            elif not it["expr"].get("count"):
                # `la veille`, `le lendemain` alone: the day before/after the article date
                it["expr"] = {"k": "rel", "unit": "day", "n": it["expr"]["n"]}
            else:
                it["expr"] = None     # `trois jours après` what? (no guess)
        out.append(it)
        if it["granularity"] == "day" and it["rule"] not in ("part_of_day",) and (
                it["value"] or (it["expr"] and it["expr"].get("k") in ("date", "weekday", "dom", "shift", "rel"))):
            last_day = it
    return out


# -- the parse: years that are counts, the tense of the clause --------------------------------
def _judge(doc, text: str, items: list[dict]) -> list[dict]:
    """Drops 4-digit numbers that count things; sets each undated item's direction.
    (`text` is doc.text, which spaCy rebuilds on every access: read it once.)"""
    parsed = doc.has_annotation("DEP")
    out = []
    for it in items:
        span = doc.char_span(it["start"], it["end"], alignment_mode="expand")
        if it["rule"] == "year" and not it["mod"] and parsed and span is not None:
            if not _year_ok(doc, text, span, it):
                continue
        ex = it["expr"]
        if ex is not None and "dir" in ex or (ex is not None and ex.get("k") in ("weekday", "date", "month",
                                                                                 "season", "quarter", "dom")):
            if ex.get("dir") is None:
                lead = text[max(0, it["start"] - 16):it["start"]]
                if FUTURE_LEAD.search(lead):
                    ex["dir"] = "future"
                elif PAST_LEAD.search(lead):
                    ex["dir"] = "past"
                elif parsed and span is not None:
                    ex["dir"] = _tense(span)
        out.append(it)
    return out


def _year_ok(doc, text, span, it) -> bool:
    tok = next((t for t in span if t.like_num or t.text.isdigit()), span[-1])
    if text[it["start"]:it["end"]].lower().startswith("l"):
        return True   # l'année 2016
    if tok.dep_ == "nummod" and tok.head.i > tok.i and tok.head.lower_ not in DATE_NOUNS:
        return False  # 2000 manifestants
    nxt = tok.nbor(1) if tok.i + 1 < len(doc) else None
    if nxt is not None and nxt.pos_ == "NOUN" and nxt.lower_ not in DATE_NOUNS and nxt.is_lower:
        return False  # 1900 domiciles, whatever the parse made of it
    return True


def _tense(span) -> str | None:
    """past | future | None: the tense of the verb governing the span (climbing through
    infinitives); when the parse attaches the span to no verb (a title run into the
    dateline), the nearest finite verb before it on the same line."""
    tok = span.root
    for _ in range(8):
        if tok.pos_ == "NOUN" and tok not in span and any(
                c.dep_ == "amod" and c.lower_.startswith(("prochain", "futur")) for c in tok.children):
            return "future"  # `avant les prochaines élections de mai`: the event to come, whatever the verb
        if tok.pos_ in ("VERB", "AUX"):
            t = _verb_tense(tok)
            # an infinitive, also a past one or a passive one (`pourrait être fermée dès vendredi`)
            inf = "Inf" in tok.morph.get("VerbForm") or any(
                c.dep_.startswith("aux") and "Inf" in c.morph.get("VerbForm") for c in tok.children)
            if t is not None or tok.dep_ == "ROOT" or not inf:
                return t
        if tok.head is tok:
            break
        tok = tok.head
    doc = span.doc
    for i in range(span.start - 1, max(-1, span.start - 10), -1):
        t = doc[i]
        if "\n" in t.text:
            break
        if t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm"):
            return _verb_tense(t)
    return None


# future and conditional endings, for finite verbs the tagger calls present (`nous ferons`)
FUTURE_ENDING = re.compile(r"(?:rai|ras|rons|rez|ront|rait|raient|rions|riez)$", F)


def _verb_tense(v) -> str | None:
    auxes = [c for c in v.children if c.dep_.startswith("aux")]
    for a in auxes:
        if "Cnd" in a.morph.get("Mood") and v.morph.get("VerbForm") == ["Part"] and "Past" in v.morph.get("Tense"):
            return "past"  # `le suspect aurait avoué jeudi`: a past the paper reports, unconfirmed
        if "Fut" in a.morph.get("Tense") or "Cnd" in a.morph.get("Mood"):
            return "future"
    if "Fut" in v.morph.get("Tense") or "Cnd" in v.morph.get("Mood"):
        return "future"
    if "Fin" in v.morph.get("VerbForm") and "Pres" in v.morph.get("Tense") and FUTURE_ENDING.search(v.text) \
            and not v.text.lower().endswith(("courons", "courez", "mourons", "mourez")):
        return "future"
    if "Inf" in v.morph.get("VerbForm"):
        head = v.head
        if head.lemma_ == "aller" and "Pres" in head.morph.get("Tense"):
            return "future"
        return None
    if any(a.dep_ == "aux:tense" for a in auxes) or "Imp" in v.morph.get("Tense"):
        return "past"
    if auxes and "Part" in v.morph.get("VerbForm") and "Pass" not in v.morph.get("Voice") \
            and any("Pres" in a.morph.get("Tense") for a in auxes):
        return "past"      # `est parti` (être + participle, not a passive), labelled aux:pass
    if "Past" in v.morph.get("Tense") and "Fin" in v.morph.get("VerbForm"):
        return "past"
    if "Past" in v.morph.get("Tense") and "Part" in v.morph.get("VerbForm") and not auxes \
            and v.dep_ in ("acl", "ROOT", "conj"):
        return "past"
    if ("Fin" in v.morph.get("VerbForm") and "Pres" in v.morph.get("Tense")) or any(
            "Pres" in a.morph.get("Tense") and "Fin" in a.morph.get("VerbForm") for a in auxes):
        return "present"   # news present: `se rend jeudi` (coming), `meurt vendredi` (just past)
    return None


# A dispatch's dateline (`PARIS, 27 septembre 2017 (AFP) -`, `2 avril 2017 . –`): a place of a
# few words (its country in brackets: `PASADENA (États-Unis),`) and a comma may come before the
# date on its line, the agency in brackets and a dash, a full stop or a colon after it; in the
# first lines of the text only. A page copied from a news site says it in words (`Publié le 6
# septembre 2017 à 14h32`, `Mis à jour le 06/09/2017`).
PUBLISHED = r"(?:publié|mis\s+en\s+ligne|mis\s+à\s+jour|actualisé|posté|modifié)(?:\s+le|\s*:)?\s*"
DATELINE_BEFORE = re.compile(rf"(?:{PUBLISHED}|[A-ZÀ-ÖØ-Ý][\w'’.-]*(?:[ -][\w'’.-]+){{0,3}}"
                             rf"(?:\s*\([^()\n]{{1,30}}\))?\s*,\s*)?"
                             rf"(?:(?:{'|'.join(WEEKDAYS)})\s+)?(?:le\s+)?", re.I)
DATELINE_AFTER = re.compile(r"[ \t]*(?:\([^()\n]{1,30}\)[ \t]*)?"
                            r"(?:[.:\-–—]|,?[ \t]*(?:à[ \t]*)?\d{1,2}\s*[h:]|$)", re.M)
DATELINE_WITHIN = 400
FULL_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")  # a value the text fixes to the day, its year included


def _mark_dateline(items: list[dict], text: str) -> None:
    """The first day standing as a dispatch's dateline: `dateline_end` where the dispatch's first
    sentence begins, when a dash, a full stop or a colon closes it; `dateline` when it is a full
    date (day, month and year: `PARIS, 3 mars (AFP) -` dates no article)."""
    for it in items:
        if it["start"] > DATELINE_WITHIN:
            return
        if it["granularity"] != "day":
            continue
        line = text.rfind("\n", 0, it["start"]) + 1
        after = DATELINE_AFTER.match(text, it["end"])
        if DATELINE_BEFORE.fullmatch(text[line:it["start"]].strip(" \t")) and after:
            it["dateline"] = bool(FULL_DAY.fullmatch(it["value"] or ""))
            if after.group(0).rstrip()[-1:] in ".:-–—":
                it["dateline_end"] = len(text) - len(text[after.end():].lstrip(" \t"))
            return


def _year_of_the_range_end(items: list[dict], text: str) -> None:
    """`du 21 novembre au 18 décembre 2022`, `entre le 30 décembre et le 2 janvier 2023`: a day
    and month with no year opening a range takes the year of the day that closes it (the year
    before when its month comes later)."""
    for a, b in zip(items, items[1:]):
        ex = a.get("expr") or {}
        if a["value"] or ex.get("k") != "date" or not FULL_DAY.fullmatch(b["value"] or ""):
            continue
        if not re.fullmatch(rf"\s*{RANGE_LINK}\s*(?:le\s+)?", text[a["end"]:b["start"]], F) or \
                not re.search(r"(?:\bdu|\bentre(?:\s+le)?|\bde)\s*\Z", text[max(0, a["start"] - 12):a["start"]], F):
            continue
        y, m = int(b["value"][:4]), int(b["value"][5:7])
        y -= ex["m"] > m
        if valid_day(y, ex["m"], ex["d"]):
            a["value"], a["expr"] = iso_day(y, ex["m"], ex["d"]), None


def extract(doc) -> list[dict]:
    text = doc_text(doc)
    items = _select(candidates(text))
    items = _select(items + _add_coordinated_days(items, text))
    _year_of_the_range_end(items, text)
    _add_mods(items, text)
    items = _judge(doc, text, items)
    items = _link_anchors(items, text)
    _mark_dateline(items, text)
    return items


class DatesComponent(RuleComponent):
    """Finds calendar expressions and writes doc._.depeche_dates (see module docstring)."""

    def process(self, doc):
        doc._.depeche_dates = extract(doc)
