"""`make conformance`: the dates extractor against two peers' French date suites.

Reads ../shared/data in place (data/README.md): Microsoft Recognizers-Text French DateTime
specs (UTF-8 BOM; Start, End inclusive or Start, Length; the reference date in
Context.ReferenceDateTime) and Duckling's French Time corpus (reference 2013-02-12 04:30
UTC-2, `value_hs` the upstream value, `negative: true` must give nothing).

A case passes when an extracted date overlaps the expected span and `resolve()` gives the
expected TIMEX3 value. Where the suite leaves the direction open (Recognizers gives a past
and a future reading of `vendredi` or `le 2 octobre`), either reading passes; Duckling
reads undated expressions forwards (a calendar assistant), so its cases are resolved with
`default_direction="future"`. Prints the pass rate per file; `--failures` lists misses.

What is in scope is decided in ONE place, `OUT_OF_SCOPE` below: dates at day, week, month,
season, quarter, year, decade granularity. Everything else is named there with the reason.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
RECOGNIZERS = SHARED / "data" / "recognizers-text-fr" / "DateTime" / "French"
DUCKLING = SHARED / "data" / "duckling-fr" / "Time.jsonl"
DUCKLING_REF = "2013-02-12"

# The files read, and the one place that says what is left out and why.
RECOGNIZER_FILES = ("DateParser.json", "DatePeriodParser.json", "DateTimeModel.json")
OUT_OF_SCOPE = {
    "files": "Time*, TimePeriod*, DateTime{Extractor,Parser,PeriodExtractor,PeriodParser}: times of day; "
             "Duration*: durations are not dates (ANNOTATION.md); Set*: recurring sets (`chaque lundi`); "
             "TimeZone*: time zones; Holiday*: feasts by name (not built); *Extractor.json, "
             "MergedExtractor*: spans without values; MergedParser and the DateTimeModel "
             "{CalendarMode,ComplexCalendar,ExperimentalMode,ExtendedTypes,SplitDateAndTime} "
             "variants: other output modes of the same API, mostly times and ranges",
    "result type": "Recognizers results other than date/daterange (time, datetime, timerange, "
                   "datetimerange, duration, set, timezone, datetimealt)",
    "interval": "explicit ranges `du 3 au 12 septembre`, `2 derniers mois` (TIMEX `(a,b,PnD)`, Duckling "
                "intervals): depeche gives each end as its own date, not an interval value",
    "nth weekday": "`premier vendredi de juillet`, `troisième semaine de ce mois` (TIMEX with `#` or a "
                   "week of a month): not built",
    "holiday": "feasts by name (`Noël`, `la Toussaint`, `Pâques`, `jour de l'an`, `fête du travail`): not built",
    "nth of a period": "`le 3e jour d'octobre`, `la dernière semaine de septembre`, `la semaine du 6 octobre`, "
                       "`premier mercredi du mois prochain`: calendar arithmetic, not built",
    "time of day": "values with a time (TIMEX `T..`, Duckling grain Hour/Minute/Second): out of scope",
    "unresolvable": "Recognizers `not resolved` values (`30/2`), and cases with no reference date "
                    "unless the expected text has its own 4-digit year (the suite's implicit reference "
                    "varies from case to case: 2016-11-07, 2017-09, 2018...)",
    "English order": "month before day (`Oct. 2`, `novembre 23`, `02/22/2016`, `9-18-15`): inputs "
                     "machine-translated from the English suite; French writes the day first",
}
_HOLIDAY = re.compile(r"no[eë]l|toussaint|nouvel\s+an|jour\s+de\s+l['’]an|p[aâ]ques|fête|jour\s+des\s+morts"
                      r"|saint[- ]\w+|vendredi\s+noir|jour\s+de\s+la\s+terre", re.IGNORECASE)
_NTH = re.compile(r"\b(?:premi\w*|deuxi\w*|second\w*|troisi\w*|quatri\w*|cinqui\w*|derni\w*|\d+\s?(?:e|è|ème|eme))\s+"
                  r"(?:jour|semaine|week-end|quinzaine|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b"
                  r"|\bsemaine\s+du\b", re.IGNORECASE)


def _scoped_out(text: str) -> bool:
    return bool(_HOLIDAY.search(text) or _NTH.search(text))


_MONTH_FIRST = re.compile(r"\b(?:janv(?:ier)?|f[ée]vr?(?:ier)?|mars|avr(?:il)?|mai|juin|juil(?:let)?|ao[uû]t|sept?(?:embre)?"
                          r"|oct(?:obre)?|nov(?:embre)?|d[ée]c(?:embre)?)\b\.?[\s/-]*"
                          r"(?:\d{1,2}(?!\d)|vingt|trente|premier|seconde?|deuxi)"
                          r"|^\d{1,2}[/-](?:1[3-9]|2\d|3[01])[/-]|^seconde?\s+de\b", re.IGNORECASE)


@dataclass
class Expect:
    start: int
    end: int                     # exclusive
    values: set                  # accepted TIMEX3 strings


@dataclass
class Case:
    file: str
    text: str
    ref: str                     # ISO reference date
    expects: list = field(default_factory=list)   # empty + negative: nothing may be extracted
    negative: bool = False
    direction: str = "past"


def _timex_in_scope(timex: str) -> bool:
    return bool(timex) and not timex.startswith("(") and "#" not in timex and "T" not in timex \
        and not re.match(r"^(?:XXXX|\d{4})-\d\d-W\d\d$", timex)


def _accepted(timex: str, resolved: list[str]) -> set:
    """The timex itself when fully given, else its readings in the resolved dates."""
    out = set()
    if "X" not in timex and re.match(r"^\d", timex):
        out.add(timex)
    for r in resolved:
        if not r or r == "not resolved" or r.startswith("0001"):
            continue
        if re.match(r"^XXXX-\d\d$", timex):
            out.add(r[:7])
        elif timex.startswith("XXXX") or "X" in timex:
            out.add(r[:10])
    if re.match(r"^(SP|SU|FA|WI)$", timex):
        out.update(f"{y}-{timex}" for y in range(1900, 2100))
    return out


def recognizer_cases(path: Path) -> list[Case]:
    cases = []
    for c in json.loads(path.read_text(encoding="utf-8-sig")):
        ref = ((c.get("Context") or {}).get("ReferenceDateTime") or "")[:10]
        case = Case(path.name, c["Input"], ref)
        for r in c.get("Results", []):
            if "TypeName" in r and r["TypeName"] not in ("datetimeV2.date", "datetimeV2.daterange"):
                continue
            if "Resolution" in r:
                vals = r["Resolution"].get("values") or []
                timexes = {v.get("timex", "") for v in vals}
                resolved = [v.get("value") or v.get("start") or "" for v in vals]
                if any(v.get("value") == "not resolved" for v in vals):
                    continue
            else:
                v = r.get("Value") or {}
                timexes = {v.get("Timex", "")}
                resolved = [(v.get(k) or {}).get(n, "") for k in ("PastResolution", "FutureResolution")
                            for n in ("date", "startDate")]
            timex = next(iter(timexes)) if len(timexes) == 1 else ""
            if not _timex_in_scope(timex):
                continue
            text = r.get("Text", "")
            if not ref and not re.search(r"\d{4}", text):
                continue                                  # unresolvable: no reference date
            if _MONTH_FIRST.search(text.strip()):
                continue                                  # English order
            if _scoped_out(text):
                continue
            accepted = _accepted(timex, resolved)
            if not accepted:
                continue
            start = r["Start"]
            end = r["End"] + 1 if "End" in r else start + r.get("Length", len(r.get("Text", "")))
            case.expects.append(Expect(start, end, accepted))
        if case.expects:
            cases.append(case)
    return cases


_HS = re.compile(r"^datetime \((\d+), (\d+), (\d+), \d+, \d+, \d+\) (Day|Week|Month|Year)$")


def duckling_cases(path: Path) -> list[Case]:
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        text = row["text"]
        if row.get("negative"):
            cases.append(Case(path.name, text, DUCKLING_REF, negative=True))
            continue
        m = _HS.match(row.get("value_hs") or "")
        if not m or _scoped_out(text):
            continue                                      # times, intervals, open intervals
        y, mo, d, grain = int(m.group(1)), int(m.group(2)), int(m.group(3)), m.group(4)
        value = {"Day": lambda: f"{y:04d}-{mo:02d}-{d:02d}",
                 "Week": lambda: "{0:04d}-W{1:02d}".format(*date(y, mo, d).isocalendar()[:2]),
                 "Month": lambda: f"{y:04d}-{mo:02d}",
                 "Year": lambda: f"{y:04d}"}[grain]()
        cases.append(Case(path.name, text, DUCKLING_REF, [Expect(0, len(text), {value})], direction="future"))
    return cases


def all_cases() -> list[Case]:
    cases = []
    for name in RECOGNIZER_FILES:
        cases += recognizer_cases(RECOGNIZERS / name)
    return cases + duckling_cases(DUCKLING)


def check(nlp, cases: list[Case]) -> list[tuple[Case, bool, list]]:
    """(case, passed, [(text, value)]) for each case."""
    from pipeline.timex import resolve
    out = []
    for case, doc in zip(cases, nlp.pipe(c.text for c in cases)):
        found = [(it["start"], it["end"], resolve(it, case.ref, default_direction=case.direction))
                 for it in doc._.depeche_dates or []]
        if case.negative:
            ok = not found
        else:
            ok = all(any(s < ex.end and ex.start < e and v in ex.values for s, e, v in found)
                     for ex in case.expects)
        out.append((case, ok, [(case.text[s:e], v) for s, e, v in found]))
    return out


def rates(results) -> dict[str, tuple[int, int]]:
    per: dict[str, list] = {}
    for case, ok, _ in results:
        p = per.setdefault(case.file, [0, 0])
        p[0] += ok
        p[1] += 1
    return {k: (v[0], v[1]) for k, v in per.items()}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--failures", action="store_true", help="list the cases that fail")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from pipeline import nlp as nlp_mod
    results = check(nlp_mod.load(None), all_cases())
    total = [0, 0]
    for name, (ok, n) in sorted(rates(results).items()):
        print(f"{name:28s} {ok:4d}/{n:<4d} {ok / n:.3f}")
        total[0] += ok
        total[1] += n
    print(f"{'all in scope':28s} {total[0]:4d}/{total[1]:<4d} {total[0] / total[1]:.3f}")
    print("out of scope: " + "; ".join(OUT_OF_SCOPE))
    if args.failures:
        for case, ok, found in results:
            if not ok:
                want = [sorted(e.values)[:2] for e in case.expects]
                print(f"FAIL {case.file} [{case.ref}] {case.text!r} want {want} got {found}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
