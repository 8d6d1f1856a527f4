"""`depeche claims`: what a speaker said, about whom, when: one row per claim, in time order.

`claims_table(tables, speaker=, about=, since=, until=)` reads a run's tables (pandas frames as
`pipeline.inspect` loads them) and returns a frame with, for each claim: the date it was first
seen, the speaker's name, the cue and stance of its first occurrence, the content, the title and
url of the article it was first seen in, how many articles carry it and when it was last seen.

- `speaker` matches the claim's actor by id, name or alias, case and accents aside (as `depeche
  inspect --speaker` does), or the speaker as written (`un haut responsable`);
- `about` matches actors named in the content: mentions of the actor inside any occurrence's
  content, or its name or one of its aliases written there; a text that names no actor of the
  run is read as words, all of which the content must hold;
- `since` / `until` bound the date a claim was first seen (partial dates allowed); undated
  claims are left out when either is given.
"""
from __future__ import annotations

import pandas as pd

from pipeline.crossdoc.duplicates import date_order
from pipeline.crossdoc.text import normalised
from pipeline.errors import QueryError

COLUMNS = ["first_date", "speaker", "cue", "stance", "content", "title", "url", "articles", "last_date",
           "actor_id", "first_article_id", "first_attribution_id", "claim_id", "responds_to"]


def on_or_after(date: str, since: str) -> bool:
    """A partial date counts when its period reaches `since` (`2024-10` is on or after `2024-10-05`)."""
    return bool(date) and date[:len(since)] >= since[:len(date)]


def on_or_before(date: str, until: str) -> bool:
    return bool(date) and date[:len(until)] <= until[:len(date)]


def _iso(value: str, option: str) -> str:
    """The filter's date as given, which must be YYYY, YYYY-MM or YYYY-MM-DD (never guessed)."""
    from pipeline.io.metadata import strict_date
    iso = strict_date(value) if value else ""
    if value and not iso:
        raise QueryError(f"{option} {value!r} is not a date: give YYYY, YYYY-MM or YYYY-MM-DD "
                         "(2016, 2016-04, 2016-04-03)")
    return iso


def _speaker_claims(t: dict[str, pd.DataFrame], speaker: str) -> set[str]:
    from pipeline.inspect import fold, match_actors
    ids = match_actors(t["actors"], speaker)
    claims, att = t["claims"], t["attributions"]
    out = set(claims.loc[claims["actor_id"].isin(ids), "claim_id"]) if ids else set()
    written = att["speaker"].map(fold).str.contains(fold(speaker), regex=False)
    out |= set(att.loc[written & (att["claim_id"] != ""), "claim_id"])
    return out


def _about_claims(t: dict[str, pd.DataFrame], about: str) -> set[str]:
    from pipeline.inspect import match_actors
    claims, att, actors = t["claims"], t["attributions"], t["actors"]
    ids = match_actors(actors, about)
    texts = pd.concat([claims[["claim_id", "content"]], att.loc[att["claim_id"] != "", ["claim_id", "content"]]])
    texts = texts.assign(norm=[f" {normalised(c)} " for c in texts["content"]])
    if not ids:
        want = set(normalised(about).split())
        if not want:
            raise QueryError(f"--about {about!r} names no actor and has no word to look for")
        hit = texts["norm"].map(lambda n: want <= set(n.split()))
        return set(texts.loc[hit, "claim_id"])
    out: set[str] = set()
    # mentions of the actors inside an occurrence's content
    m = t["mentions"]
    m = m[m["actor_id"].isin(ids)][["article_id", "start", "end"]]
    a = att[(att["claim_id"] != "") & att["content_start"].notna()][
        ["article_id", "content_start", "content_end", "claim_id"]]
    if not m.empty and not a.empty:
        j = a.merge(m, on="article_id")
        inside = (j["start"] >= j["content_start"]) & (j["end"] <= j["content_end"])
        out |= set(j.loc[inside, "claim_id"])
    # their names and aliases written in the content
    forms = set()
    for r in actors[actors["actor_id"].isin(ids)].itertuples(index=False):
        forms |= {normalised(x) for x in [r.name, *str(r.aliases).split("|")] if x}
    forms.discard("")
    hit = texts["norm"].map(lambda n: any(f" {f} " in n for f in forms))
    return out | set(texts.loc[hit, "claim_id"])


def claims_table(t: dict[str, pd.DataFrame], speaker: str = "", about: str = "", since: str = "",
                 until: str = "") -> pd.DataFrame:
    """The claims of a run that match, one row each, in the order they were first seen."""
    since, until = _iso(since, "--since"), _iso(until, "--until")
    claims = t["claims"]
    keep = pd.Series(True, index=claims.index)
    if speaker:
        keep &= claims["claim_id"].isin(_speaker_claims(t, speaker))
    if about:
        keep &= claims["claim_id"].isin(_about_claims(t, about))
    if since:
        keep &= claims["first_date"].map(lambda d: on_or_after(d, since))
    if until:
        keep &= claims["first_date"].map(lambda d: on_or_before(d, until))
    c = claims[keep]
    att = t["attributions"][["article_id", "attribution_id", "cue", "stance", "speaker"]].rename(
        columns={"article_id": "first_article_id", "attribution_id": "first_attribution_id"})
    arts = t["articles"][["article_id", "title", "url"]].rename(columns={"article_id": "first_article_id"})
    c = c.merge(att, on=["first_article_id", "first_attribution_id"], how="left").merge(
        arts, on="first_article_id", how="left")
    names = dict(zip(t["actors"]["actor_id"], t["actors"]["name"]))
    c["speaker"] = [names.get(a) or a or (s if isinstance(s, str) else "") or "(no speaker)"
                    for a, s in zip(c["actor_id"], c["speaker"])]
    for col in ("cue", "stance", "title", "url"):
        c[col] = c[col].fillna("")
    order = sorted(range(len(c)), key=lambda i: (date_order(c["first_date"].iat[i]), c["first_article_id"].iat[i],
                                                 int(c["first_attribution_id"].iat[i])))
    return c.iloc[order][COLUMNS].reset_index(drop=True)


def records(df: pd.DataFrame) -> list[dict]:
    """JSON-ready rows (no NaN, plain ints)."""
    out = []
    for row in df.to_dict(orient="records"):
        out.append({k: (None if v is None or v is pd.NA or (isinstance(v, float) and v != v)
                        else v.item() if hasattr(v, "item") else v) for k, v in row.items()})
    return out


__all__ = ["claims_table", "records", "QueryError", "COLUMNS", "on_or_after", "on_or_before"]
