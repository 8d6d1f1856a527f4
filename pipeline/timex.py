"""TIMEX3 values of the date expressions found by the dates component, against an article's date.

The dates component (pipeline.components.dates) runs in spaCy workers on the body only and
does not know the article date: each item it writes carries `value` when the text alone fixes
it, else `expr` (its kinds are listed below). `resolve(item, article_date)` gives the
TIMEX3 value in the main process; the dates table calls it. Nothing here imports spaCy or the
components, so tables and components both build on it.

Resolution conventions (ANNOTATION.md "Dates"):
- no year (`le 11 octobre`, `en mars`, `le printemps`): the article's year; a past clause
  whose date would fall more than 45 days after the article date takes the year before,
  a future clause more than 45 days before takes the year after, a clause of unknown tense
  takes the candidate nearest the article date (within half a year).
- a bare weekday: past clause (or unknown tense) -> the last such day on or before the
  article date, future clause (future, conditional, `d'ici`) -> the next on or after,
  present tense (news present: `se rend jeudi`, `meurt vendredi`) -> the nearest one;
  `lundi dernier` / `lundi prochain` exclude the article date itself.
- anything relative to the day (weekday, `hier`, `la semaine dernière`) needs the article
  date at day precision; a month-level relative (`le mois dernier`) the month; a year-level
  one the year. Otherwise the value is "" (no guess).
- a season with `prochain` / `dernier`: the next one not begun, or the last one over, from the
  article's month (`l'automne prochain` written in February is that year's); winter, which runs
  across two years, and an article dated by its year only: the year after / before.
- a part of the day with its day (`samedi matin`, `hier soir`) takes the day's value;
  a part of the day alone (`dans la matinée`) gets the article day with TIMEX `TMO`, `TAF`,
  `TEV`, `TNI`.

expr kinds (key "k"): "date" (m, d), "month" (m; this: `cette septembre`), "season" (s, n),
"quarter" (q), "weekday" (wd 0=Monday; strict: `lundi dernier` excludes the article day;
week: -1/0/1 for `lundi de la semaine dernière`; plus: days added, `lundi en huit`; this:
`ce lundi`), "dom" (d, wd?: a day of the article's month), "rel" (unit day|week|weekend|month|
year|century, n; by: week|month for `il y a trois mois`, counted in days), "shift" (base: the item it
counts from, n days: `le lendemain`, `la veille`, `deux jours plus tard`). "dir" is
past|future|None (the clause's tense or `dernier`/`prochain`), "tod" an optional
part-of-day suffix (MO, AF, EV, NI).
"""
from __future__ import annotations

import datetime as dt
import re


def valid_day(y, m, d) -> bool:
    try:
        dt.date(y, m, d)
        return True
    except ValueError:
        return False


def iso_day(y, m, d) -> str:
    return f"{y:04d}-{m:02d}-{d:02d}"


SEASON_START = {"SP": 3, "SU": 6, "FA": 9}   # the month each season within one year begins in


def _parse_ref(article_date: str):
    m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", article_date or "")
    if not m:
        return None, None, None
    return tuple(int(x) if x else None for x in m.groups())


def resolve(item: dict, article_date: str, *, default_direction: str | None = None) -> str:
    """The TIMEX3 value of a depeche_dates item against the article's ISO date ('' if unknown).

    default_direction: how to read an expression whose clause gives no tense. None (news
    text): a weekday is the last one, an undated day or month the nearest; `past` or
    `future` force one reading (a calendar-assistant test suite reads forwards).
    """
    if item.get("value"):
        return item["value"]
    ex = item.get("expr")
    if not ex:
        return ""
    try:
        return _resolve_expr(ex, _parse_ref(article_date), default_direction) or ""
    except (ValueError, KeyError, TypeError, OverflowError):
        return ""


def _resolve_expr(ex: dict, ref, default_direction: str) -> str:
    y, m, d = ref
    k = ex["k"]
    direction = ex.get("dir") or default_direction
    imposed = not ex.get("dir") and default_direction is not None
    if k == "date":
        if y is None:
            return ""
        yy = _infer_year(y, m, d, ex["m"], ex["d"], direction, ex.get("strict", False) or imposed)
        return iso_day(yy, ex["m"], ex["d"]) if valid_day(yy, ex["m"], ex["d"]) else ""
    if k == "month":
        if y is None:
            return ""
        yy = y if ex.get("this") else _infer_year(y, m, d, ex["m"], None, direction, ex.get("strict", False))
        return f"{yy:04d}-{ex['m']:02d}"
    if k == "season":
        if y is None:
            return ""
        n = ex.get("n", 0)
        if n and m is not None and ex["s"] in SEASON_START:
            # from the article's month, the next such season not begun (`l'automne prochain`
            # written in February is this year's) or the last one over (`l'été dernier` written
            # in July is last year's); winter, across two years, keeps the year's arithmetic
            starts = SEASON_START[ex["s"]]
            yy = (y if starts > m else y + 1) if n > 0 else (y if starts + 3 <= m else y - 1)
            return f"{yy:04d}-{ex['s']}"
        return f"{y + n:04d}-{ex['s']}"
    if k == "quarter":
        if y is None:
            return ""
        n = {"past": -1, "future": 1}.get(direction or "", 0) if ex.get("strict") else 0
        return f"{y + n:04d}-Q{ex['q']}"
    if k == "rel":
        unit, n = ex["unit"], ex["n"]
        if unit == "year":
            return f"{y + n:04d}" if y is not None else ""
        if unit == "century":   # TIMEX's century is its first two digits: 2017 is in `20`
            return f"{y // 100 + n:02d}" if y is not None else ""
        if unit == "month":
            if y is None or m is None:
                return ""
            t = y * 12 + (m - 1) + n
            return f"{t // 12:04d}-{t % 12 + 1:02d}"
        if d is None:
            return ""
        ref = dt.date(y, m, d)
        if unit == "day" and ex.get("by") == "month":
            t = y * 12 + (m - 1) + n
            yy, mm = t // 12, t % 12 + 1
            return iso_day(yy, mm, min(d, 28 if mm == 2 else 30 if mm in (4, 6, 9, 11) else 31))
        if unit == "day":
            v = (ref + dt.timedelta(days=n * (7 if ex.get("by") == "week" else 1))).isoformat()
            return v + ("T" + ex["tod"] if ex.get("tod") else "")
        day = ref + dt.timedelta(weeks=n)
        iso = day.isocalendar()
        return f"{iso[0]:04d}-W{iso[1]:02d}" + ("-WE" if unit == "weekend" else "")
    if k == "weekday":
        if d is None:
            return ""
        ref = dt.date(y, m, d)
        delta = (ex["wd"] - ref.weekday()) % 7
        if "week" in ex:
            # `mercredi de la semaine prochaine`: that weekday in the week before/after
            day = ref + dt.timedelta(days=ex["wd"] - ref.weekday() + 7 * ex["week"])
        elif ex.get("this") and direction is None:
            # `ce lundi`: the one of the article's week
            day = ref + dt.timedelta(days=ex["wd"] - ref.weekday())
        elif direction == "future":
            day = ref + dt.timedelta(days=delta or (7 if ex.get("strict") or imposed else 0))
        elif direction == "present":
            # the nearest such day, before or after the article date
            day = ref + dt.timedelta(days=delta if delta <= 3 else delta - 7)
        else:
            back = (ref.weekday() - ex["wd"]) % 7
            day = ref - dt.timedelta(days=back or (7 if ex.get("strict") else 0))
        day += dt.timedelta(days=ex.get("plus", 0))
        return day.isoformat() + ("T" + ex["tod"] if ex.get("tod") else "")
    if k == "dom":
        if d is None:
            return ""
        ref = dt.date(y, m, d)
        if ex.get("wd") is None:
            # `le 16`: this month's, or the last/next month's when the clause points there
            off = -1 if (direction or "past") == "past" and ex["d"] > d else 1 if direction == "future" and ex["d"] < d else 0
            t = y * 12 + (m - 1) + off
            yy, mm = t // 12, t % 12 + 1
            return iso_day(yy, mm, ex["d"]) if valid_day(yy, mm, ex["d"]) else ""
        # the day of that number nearest the article date whose weekday agrees, else this month
        offsets = range(12) if direction == "future" else range(0, -12, -1) if direction == "past" else \
            (0, -1, 1, -2, 2, -3, 3, -4, 4, -5, 5, -6, 6)
        for off in offsets:
            t = y * 12 + (m - 1) + off
            yy, mm = t // 12, t % 12 + 1
            if valid_day(yy, mm, ex["d"]) and (ex.get("wd") is None or dt.date(yy, mm, ex["d"]).weekday() == ex["wd"]):
                return iso_day(yy, mm, ex["d"])
        return iso_day(y, m, ex["d"]) if valid_day(y, m, ex["d"]) else ""
    if k == "shift":
        base = ex.get("base") or {}
        v = base.get("value") or (_resolve_expr(base["expr"], ref, default_direction) if base.get("expr") else "")
        mm = re.match(r"(\d{4})-(\d{2})-(\d{2})", v or "")
        if not mm:
            return ""
        day = dt.date(*map(int, mm.groups())) + dt.timedelta(days=ex["n"])
        return day.isoformat() + ("T" + ex["tod"] if ex.get("tod") else "")
    return ""


def _infer_year(y, m, d, month, day, direction, strict) -> int:
    """The year of a month (and day) written without one, see the module docstring."""
    if m is None:
        return y
    ref = dt.date(y, m, d or 15)

    def at(yy):
        return dt.date(yy, month, min(day or 15, 28 if month == 2 else 30))

    if strict and direction == "past":
        return y if at(y) <= ref or (day is None and month == m) else y - 1
    if strict and direction == "future":
        return y if at(y) >= ref or (day is None and month == m) else y + 1
    diff = (at(y) - ref).days
    if direction == "past":
        return y - 1 if diff > 45 else y
    if direction == "future":
        return y + 1 if diff < -45 else y
    if diff > 183:
        return y - 1
    if diff < -183:
        return y + 1
    return y
