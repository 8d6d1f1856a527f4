"""The run as a whole, for the report (pipeline.views.report): a timeline of the run's own
period, and who speaks about whom. Plain data from the tables pipeline.inspect reads."""
from __future__ import annotations

import re

import pandas as pd

from pipeline.inspect import _YM, _records, actor_names

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def timeline(t: dict[str, pd.DataFrame]) -> dict:
    """The run's own period (its articles' publication dates, first to last) cut into months, or
    into days when it spans under two months: per bucket the articles published and the dates
    mentioned that fall in it. Mentioned dates outside the period (history, far future) or too
    coarse for a bucket are counted apart, not charted."""
    published = [d for d in t["articles"]["date"] if _YM.match(d or "")]
    values = [v for v in t["dates"]["value"] if v]
    if not published:
        return {"by": "", "buckets": [], "before": 0, "after": 0, "coarser": len(values), "undated": 0}
    first, last = min(published), max(published)
    months = _months(first[:7], max(last[:7], first[:7])) if len(first) >= 7 else []
    days = len(months) <= 2 and all(_DAY.match(d) for d in published)
    if days:
        import datetime
        d0, d1 = datetime.date.fromisoformat(first), datetime.date.fromisoformat(last)
        keys = [(d0 + datetime.timedelta(n)).isoformat() for n in range((d1 - d0).days + 1)]
    else:
        keys = months or [first[:4]]
    width = len(keys[0])
    buckets = {k: {"period": k, "articles": 0, "dates": 0} for k in keys}
    for d in published:
        if d[:width] in buckets and len(d) >= width:
            buckets[d[:width]]["articles"] += 1
    before = after = coarser = 0
    for v in values:
        if not _YM.match(v) or len(v) < width or not v[:width].replace("-", "").isdigit():
            coarser += 1
        elif v[:width] < keys[0]:
            before += 1
        elif v[:width] > keys[-1]:
            after += 1
        else:
            buckets[v[:width]]["dates"] += 1
    undated = int(len(t["articles"])) - len(published)
    return {"by": "day" if days else "month" if months else "year", "buckets": list(buckets.values()),
            "before": before, "after": after, "coarser": coarser, "undated": undated}


def _months(first: str, last: str) -> list[str]:
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def speaks_about(t: dict[str, pd.DataFrame], top: int = 0) -> list[dict]:
    """Who speaks about whom: for each claim with a speaker actor, the other actors mentioned
    inside its content; per (speaker, subject) pair the claims and articles, most claims first."""
    a, m = t["attributions"], t["mentions"]
    a = a[(a["actor_id"] != "") & a["content_start"].notna()][
        ["article_id", "attribution_id", "actor_id", "content_start", "content_end"]]
    m = m[m["actor_id"] != ""][["article_id", "actor_id", "start", "end"]]
    pairs = a.merge(m, on="article_id", suffixes=("", "_about"))
    pairs = pairs[(pairs["start"] >= pairs["content_start"]) & (pairs["end"] <= pairs["content_end"])
                  & (pairs["actor_id_about"] != pairs["actor_id"])]
    pairs = pairs.drop_duplicates(["article_id", "attribution_id", "actor_id_about"])
    if pairs.empty:
        return []
    g = pairs.groupby(["actor_id", "actor_id_about"]).agg(
        claims=("attribution_id", "size"), articles=("article_id", "nunique"),
        article_id=("article_id", "first"), attribution_id=("attribution_id", "first")).reset_index()
    names = actor_names(t["actors"])
    g["speaker"] = g["actor_id"].map(lambda x: names.get(x, x))
    g["about"] = g["actor_id_about"].map(lambda x: names.get(x, x))
    g = g.sort_values(["claims", "articles", "speaker", "about"], ascending=[False, False, True, True],
                      kind="stable")
    cols = ["speaker", "about", "claims", "articles", "actor_id", "actor_id_about", "article_id", "attribution_id"]
    return _records(g[cols].head(top) if top else g[cols])
