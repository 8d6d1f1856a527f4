"""Read a run's output folder back and summarise it: what came out, is it right, where to look.

Everything here returns plain data (dicts, lists, DataFrames); `depeche inspect` and
`depeche show` (pipeline.views.terminal) only print it, and `depeche report`
(pipeline.views.report) renders it as HTML.

- `load_tables(out)` reads every table of OUT in the format it was written in (CSV first,
  then a Parquet dataset: pipeline.io.writers) with the schema's types, undoing the CSV
  formula escape of SCHEMA.md.
- `summarise(out, filters)` gives the views a user would otherwise build in pandas.
- `article_view(out, article_id)` reads an article's text from the run's text store
  (OUT/texts.jsonl.gz, pipeline.io.texts: the text the tables' offsets index, whether or not
  INPUT is still there) and gathers its rows for highlighting.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

import pandas as pd

from pipeline import tables as T
from pipeline.errors import InspectError
from pipeline.io import texts
from pipeline.io.metadata import strict_date
from pipeline.io.writers import FORMATS
from pipeline.names import unaccent
from pipeline.runner import publish


# -- reading the tables -----------------------------------------------------------------------
def _typed(df: pd.DataFrame, table: str) -> pd.DataFrame:
    kinds = T.column_types(table)
    for col in T.columns(table):
        if col not in df.columns:
            df[col] = pd.Series(dtype=object)
    for col, kind in kinds.items():
        s = df[col]
        if kind == "str":
            df[col] = s.astype(object).where(s.notna(), "").astype(str)
        elif kind == "int":
            df[col] = pd.to_numeric(s, errors="coerce").astype("Int64")
        else:
            df[col] = pd.to_numeric(s, errors="coerce").astype("float64")
    return df


_VERIFIED: dict = {}


def published(out: Path | str) -> dict[str, str]:
    """The files of OUT's published set: those run.json lists (SCHEMA.md 1.1), each checked
    against its sha256. Nothing else in OUT is read: not a table of the other format, nor one
    a failed or concurrent run left. Raises InspectError when run.json lists no table or a
    listed file is missing or differs."""
    out = Path(out)
    listed = publish.listed(out)
    if not listed:
        raise InspectError(f"{out} holds no finished run: no run.json listing its tables (articles.csv, …); "
                           f"give the OUT folder of a finished `depeche run INPUT -o OUT`, or run it again")
    try:
        stamp = tuple((rel, (out / rel).stat().st_mtime_ns, (out / rel).stat().st_size) for rel in sorted(listed))
    except OSError:
        stamp = None
    key = (str(out.resolve()), stamp)
    if stamp is None or _VERIFIED.get(key) != listed:
        for rel, sha in sorted(listed.items()):
            p = out / rel
            if not p.is_file() or publish.sha256_file(p) != sha:
                raise InspectError(f"{p} is not the file run.json lists (missing, or its sha256 differs): "
                                   f"OUT was changed after its run; run `depeche run` again")
        _VERIFIED.clear()
        _VERIFIED[key] = dict(listed)
    return listed


def published_table(out: Path, table: str, listed: Optional[dict] = None):
    """(format class, path) of the table in OUT's published set (formats in FORMATS order), or
    None. A dataset folder must hold exactly the files run.json lists (`listed`: what
    `published(out)` returned, when the caller has it: run.json read once for every table)."""
    listed = published(out) if listed is None else listed
    for fmt in FORMATS.values():
        rel = fmt.path(Path(), table).as_posix()
        files = {k for k in listed if k == rel or k.startswith(rel + "/")}
        if not files:
            continue
        path = out / rel
        if path.is_dir() and {p.relative_to(out).as_posix() for p in path.rglob("*") if p.is_file()} != files:
            raise InspectError(f"{path} holds files run.json does not list: OUT was changed after its "
                               f"run; run `depeche run` again")
        return fmt, path
    return None


def read_table(out: Path | str, table: str, listed: Optional[dict] = None) -> pd.DataFrame:
    """One table of OUT's published set with the schema's types: str columns as str ('' when
    missing), int columns as nullable Int64, float columns as float64. A table the set does
    not hold is an empty frame. `listed` as published_table takes it."""
    found = published_table(Path(out), table, listed)
    if found:
        fmt, path = found
        df = fmt.read(path, T.column_types(table))
    else:
        df = pd.DataFrame(columns=T.columns(table))
    return _typed(df, table)


def load_tables(out: Path | str) -> dict[str, pd.DataFrame]:
    out = Path(out)
    if not out.is_dir():
        raise InspectError(f"{out} is not a folder: give the OUT folder of `depeche run`")
    listed = published(out)   # run.json read and its files checked once, not once per table
    if not published_table(out, T.ARTICLES.name, listed):
        raise InspectError(f"{out} holds no articles.csv nor articles.parquet: "
                           f"give the OUT folder of `depeche run INPUT -o OUT`")
    return {t: read_table(out, t, listed) for t in T.NAMES}


read_run = publish.read_run   # OUT's run.json, {} when there is none to read


# -- filters ----------------------------------------------------------------------------------
def fold(s: str) -> str:
    """Case- and accent-insensitive form for matching names typed by a user."""
    return unaccent(str(s)).casefold().strip()


@dataclass
class Filters:
    actor: str = ""        # articles that mention an actor whose name, id or alias matches
    speaker: str = ""      # attributions whose speaker (as written or its actor) matches
    article: str = ""      # one article id
    since: str = ""        # articles published on or after this ISO date (partial allowed)
    keep_duplicates: bool = False   # count near-duplicate copies too (default: each group once)

    def active(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v and k != "keep_duplicates"}


def copies(articles: pd.DataFrame) -> pd.Series:
    """Articles that are a near-duplicate copy of another (articles.csv `duplicate_of`)."""
    return articles["duplicate_of"] != ""


def match_actors(actors: pd.DataFrame, needle: str) -> set[str]:
    """actor_ids whose id, name or an alias is `needle` (case and accents aside); failing
    that, those whose name or an alias contains it (`Zelensky`, `Corée`)."""
    if not needle or actors.empty:
        return set()
    n = fold(needle)
    names = actors["name"].map(fold)
    aliases = actors["aliases"].map(lambda a: [fold(x) for x in a.split("|") if x])
    exact = (actors["actor_id"].map(fold) == n) | (names == n) | aliases.map(lambda xs: n in xs)
    if exact.any():
        return set(actors.loc[exact, "actor_id"])
    part = names.str.contains(n, regex=False) | aliases.map(lambda xs: any(n in x for x in xs))
    return set(actors.loc[part, "actor_id"])


def _date_on_or_after(date: str, since: str) -> bool:
    """A partial date (`2024-10`) counts when its period reaches `since`."""
    return bool(date) and date >= since[:len(date)]


def apply_filters(t: dict[str, pd.DataFrame], f: Filters) -> dict[str, pd.DataFrame]:
    """The tables restricted by `f`: --article, --since and --actor choose articles (every
    table keeps their rows); --speaker keeps the matching attributions, their quantities and
    their articles. Copies of another article are left out (each group of near-duplicates
    counts once, by its first article) unless `keep_duplicates` or the copy is asked for."""
    t = dict(t)
    arts = t["articles"]
    keep = pd.Series(True, index=arts.index)
    dropped = not f.keep_duplicates and not f.article and copies(arts).any()
    if dropped:
        keep &= ~copies(arts)
    if f.article:
        keep &= arts["article_id"] == f.article
        if not keep.any():
            raise InspectError(f"no article {f.article!r} in this run: see articles.csv for the ids")
    if f.since:
        since = strict_date(f.since)
        if not since:
            raise InspectError(f"--since {f.since!r} is not a date: give YYYY, YYYY-MM or YYYY-MM-DD "
                               "(2016, 2016-04, 2016-04-03)")
        keep &= arts["date"].map(lambda d: _date_on_or_after(d, since))
    if f.actor:
        ids, m = match_actors(t["actors"], f.actor), t["mentions"]
        hits = m["actor_id"].isin(ids) if ids else m["text"].map(fold).str.contains(fold(f.actor), regex=False)
        keep &= arts["article_id"].isin(set(m.loc[hits, "article_id"]))
    if f.speaker:
        a = t["attributions"]
        ids = match_actors(t["actors"], f.speaker)
        n = fold(f.speaker)
        said = a["actor_id"].isin(ids) | a["speaker"].map(fold).str.contains(n, regex=False)
        t["attributions"] = a[said]
        q = t["quantities"]
        claimed = set(zip(t["attributions"]["article_id"], t["attributions"]["attribution_id"].astype(int)))
        t["quantities"] = q[[(x, -1 if pd.isna(y) else int(y)) in claimed
                             for x, y in zip(q["article_id"], q["attribution_id"])]]
        keep &= arts["article_id"].isin(set(t["attributions"]["article_id"]))
    ids = set(arts.loc[keep, "article_id"])
    t["articles"] = arts[keep]
    for name in (x.name for x in T.IN_ARTICLES):
        t[name] = t[name][t[name]["article_id"].isin(ids)]
    if f.active() or dropped:
        seen = set().union(*(t[x.name]["actor_id"] for x in T.IN_ARTICLES if "actor_id" in x.columns))
        t["actors"] = t["actors"][t["actors"]["actor_id"].isin(seen)]
        t["claims"] = t["claims"][t["claims"]["claim_id"].isin(set(t["attributions"]["claim_id"]))]
    return t


# -- summaries --------------------------------------------------------------------------------
def _records(df: pd.DataFrame) -> list[dict]:
    """JSON-ready rows: NaN/NA -> None, numpy scalars -> Python."""
    out = []
    for row in df.to_dict(orient="records"):
        out.append({k: _plain(v) for k, v in row.items()})
    return out


def _plain(v):
    if v is None or v is pd.NA:
        return None
    if isinstance(v, float) and v != v:
        return None
    if hasattr(v, "item"):
        return v.item()
    return v


def actor_names(actors: pd.DataFrame) -> dict[str, str]:
    return dict(zip(actors["actor_id"], actors["name"]))


def speaker_label(row, names: dict[str, str]) -> str:
    """Who speaks: the canonical actor's name, else the speaker as written, else '(none)'."""
    return names.get(row["actor_id"]) or row["actor_id"] or row["speaker"] or "(no speaker)"


def top_actors(t: dict[str, pd.DataFrame], top: int, whole_run: bool) -> pd.DataFrame:
    actors = t["actors"]
    cols = ["actor_id", "name", "type", "country", "articles", "mentions"]
    if whole_run:
        df = actors[cols]
    else:  # counts within the filtered articles, from mentions
        m = t["mentions"][t["mentions"]["actor_id"] != ""]
        g = m.groupby("actor_id").agg(articles=("article_id", "nunique"), mentions=("mention_id", "size"))
        df = g.reset_index().merge(actors[["actor_id", "name", "type", "country"]], on="actor_id", how="left")
        df = df.fillna({"name": "", "type": "", "country": ""})
        df["name"] = df["name"].where(df["name"] != "", df["actor_id"])
        df = df[cols]
    df = df.sort_values(["articles", "mentions", "actor_id"], ascending=[False, False, True], kind="stable")
    return df.head(top) if top else df


def speakers(t: dict[str, pd.DataFrame], top: int = 0) -> pd.DataFrame:
    a = t["attributions"]
    cols = ["speaker", "actor_id", "claims", "articles", "stances"]
    if a.empty:
        return pd.DataFrame(columns=cols)
    names = actor_names(t["actors"])
    a = a.assign(who=[speaker_label(r, names) for r in a[["actor_id", "speaker"]].to_dict("records")],
                 st=a["stance"].replace("", "(none)"))
    df = a.groupby("who").agg(claims=("attribution_id", "size"), articles=("article_id", "nunique"),
                              actor_id=("actor_id", "max")).reset_index().rename(columns={"who": "speaker"})
    per: dict[str, list] = {}
    for (who, st), n in a.groupby(["who", "st"]).size().items():
        per.setdefault(who, []).append((-n, st))
    df["stances"] = df["speaker"].map(lambda w: ", ".join(f"{st} {-n}" for n, st in sorted(per[w])))
    df = df[cols].sort_values(["claims", "articles", "speaker"], ascending=[False, False, True], kind="stable")
    return df.head(top) if top else df


def claims(t: dict[str, pd.DataFrame], limit: int = 0) -> list[dict]:
    """Attributions with their speaker's name and the quantities their content holds."""
    a, q = t["attributions"], t["quantities"]
    names = actor_names(t["actors"])
    linked: dict[tuple, list] = {}
    for r in q[q["attribution_id"].notna()].itertuples(index=False):
        linked.setdefault((r.article_id, int(r.attribution_id)), []).append(r.text)
    out = []
    for r in a.to_dict("records"):
        key = (r["article_id"], int(r["attribution_id"]))
        out.append({"article_id": r["article_id"], "attribution_id": key[1], "ref": claim_ref(*key),
                    "speaker": r["speaker"], "actor_id": r["actor_id"],
                    "who": speaker_label(r, names), "kind": r["kind"], "cue": r["cue"],
                    "stance": r["stance"], "content": r["content"],
                    "parent_id": _plain(r["parent_id"]), "quantities": linked.get(key, [])})
        if limit and len(out) >= limit:
            break
    return out


def _count(df: pd.DataFrame, by: list[str], name: str = "count") -> list[dict]:
    if df.empty:
        return []
    g = df.groupby(by, dropna=False).size().reset_index(name=name)
    g = g.sort_values([name] + by, ascending=[False] + [True] * len(by), kind="stable")
    return _records(g)


def quantities_by_item(q: pd.DataFrame, top: int) -> list[dict]:
    if q.empty:
        return []
    g = q.groupby(["item", "unit"], dropna=False).agg(
        count=("quantity_id", "size"), articles=("article_id", "nunique"),
        min=("value", "min"), median=("value", "median"), max=("value", "max")).reset_index()
    g = g.sort_values(["count", "item", "unit"], ascending=[False, True, True], kind="stable")
    return _records(g.head(top) if top else g)


_YM = re.compile(r"^(\d{4})(?:-(\d{2}))?")


def over_time(values, by: str) -> list[dict]:
    """Counts of ISO values (`2024-10-11`, `2022`, `2024-SP`) by `year` or `month`; values
    without a month are left out of the monthly counts."""
    counts: dict[str, int] = {}
    for v in values:
        m = _YM.match(v or "")
        if not m:
            continue
        if by == "month":
            if not m.group(2):
                continue
            key = f"{m.group(1)}-{m.group(2)}"
        else:
            key = m.group(1)
        counts[key] = counts.get(key, 0) + 1
    return [{"period": k, "count": counts[k]} for k in sorted(counts)]


def most_periods(rows: list[dict], n: int) -> list[dict]:
    """The n periods of over_time() rows with the most counts, in time order."""
    return sorted(sorted(rows, key=lambda r: -r["count"])[:n], key=lambda r: r["period"])


def summarise(out: Path | str, filters: Optional[Filters] = None, top: int = 10, claims_limit: int = 20,
              tables: Optional[dict] = None) -> dict:
    """What a run produced, as plain data (the content of `depeche inspect`, also its --json)."""
    filters = filters or Filters()
    full = tables if tables is not None else load_tables(out)
    t = apply_filters(full, filters)
    run = read_run(out)
    arts = t["articles"]
    errors = arts[arts["status"] != "ok"][["article_id", "status", "error"]]
    a = t["attributions"]
    n_copies = int(copies(full["articles"]).sum())
    return {
        "out": str(out),
        "input": run.get("input", ""),
        "filters": filters.active(),
        "counts": {name: int(len(df)) for name, df in t.items()},
        "duplicates": {"copies": n_copies, "counted": bool(filters.keep_duplicates or not n_copies)},
        "articles_by_status": _count(arts, ["status"]),
        "errors": _records(errors.head(top * 5) if top else errors),
        "top_actors": _records(top_actors(t, top, whole_run=not filters.active()
                                          and (filters.keep_duplicates or not n_copies))),
        "top_speakers": _records(speakers(t, top)),
        "attributions_by_stance": _count(a.assign(stance=a["stance"].replace("", "(none)")), ["stance"]),
        "attributions_by_kind": _count(a, ["kind"]),
        "claims": claims(t, claims_limit),
        "quantities_by_item": quantities_by_item(t["quantities"], top),
        "dates_by_year": over_time(t["dates"]["value"], "year"),
        "dates_by_month": over_time(t["dates"]["value"], "month"),
        "articles_by_month": over_time(arts["date"], "month"),
    }


# -- one article -----------------------------------------------------------------------------
@dataclass
class ArticleText:
    text: str = ""
    note: str = ""          # why the text is missing or may not match the offsets


@dataclass
class Reader:
    """The texts of a run, from its text store in OUT (pipeline.io.texts; never from INPUT,
    which may be gone), read only when run.json lists the store in the run's published set."""
    out: str
    _texts: Optional[dict] = field(default=None, repr=False)
    _kept: Optional[bool] = field(default=None, repr=False)

    @classmethod
    def for_run(cls, out: Path | str) -> "Reader":
        return cls(str(out))

    def preload(self) -> "Reader":
        """Read every text at once (views of many articles)."""
        if self._texts is None and self.kept():
            self._texts = texts.read(self.out)
        return self

    def kept(self) -> bool:
        """Does the published set hold the text store? Asked of run.json once per reader, not
        once per article read (the report reads every article)."""
        if self._kept is None:
            self._kept = texts.NAME in published(self.out)
        return self._kept

    def read(self, article_id: str) -> ArticleText:
        if not self.kept():
            return ArticleText(note=f"{self.out} keeps no texts (no {texts.NAME}: an older run): run "
                                    "it again to show them")
        got = self._texts if self._texts is not None else texts.read(self.out, {article_id})
        if article_id not in got:
            return ArticleText(note="no text kept for this article (too large, or unreadable)")
        return ArticleText(got[article_id])


def rows_by_article(t: dict[str, pd.DataFrame]) -> dict[str, dict[str, list[dict]]]:
    """table -> article_id -> its rows (as dicts), and "names": actor_id -> name; one pass,
    for views of many articles."""
    out = {}
    for name in (x.name for x in T.IN_ARTICLES):
        groups: dict[str, list[dict]] = {}
        for r in t[name].to_dict("records"):
            groups.setdefault(r["article_id"], []).append(r)
        out[name] = groups
    out["names"] = actor_names(t["actors"])
    return out


def spans_of(t: dict[str, pd.DataFrame], article_id: str, text: str, index: Optional[dict] = None) -> dict:
    """The article's rows as spans over `text`; rows whose offsets do not give their text are
    counted in `mismatched` and left out. `index`: rows_by_article(t), when viewing many."""
    names = index["names"] if index is not None else actor_names(t["actors"])
    out = {x.name: [] for x in T.IN_ARTICLES}
    out["mismatched"] = 0

    def ok(s, e, expected=None):
        if s is None or e is None or not (0 <= s < e <= len(text)):
            return False
        return expected is None or text[s:e] == expected

    def sel(name):
        if index is not None:
            return index[name].get(article_id, [])
        df = t[name]
        return df[df["article_id"] == article_id].to_dict("records")

    for table in (x for x in T.IN_ARTICLES if x.view):   # one span a row (not the attributions)
        name, key, extra = table.name, table.key[1], table.view
        for r in sel(name):
            s, e = _plain(r["start"]), _plain(r["end"])
            if not ok(s, e, r["text"]):
                out["mismatched"] += 1
                continue
            item = {"id": int(r[key]), "start": s, "end": e, "text": r["text"],
                    **{k: _plain(r[k]) for k in extra}}
            if name == "mentions":
                item["actor"] = names.get(r["actor_id"], r["actor_id"])
            out[name].append(item)
    for r in sel("attributions"):
        item = {"id": int(r["attribution_id"]), "parent_id": _plain(r["parent_id"]), "kind": r["kind"],
                "stance": r["stance"], "cue_lemma": r["cue_lemma"], "actor_id": r["actor_id"],
                "who": speaker_label(r, names)}
        bad = False
        for part in ("speaker", "cue", "content"):
            s, e = _plain(r[f"{part}_start"]), _plain(r[f"{part}_end"])
            if s is None and e is None:
                item[part] = None
            elif ok(s, e, r[part]):
                item[part] = {"start": s, "end": e, "text": r[part]}
            else:
                item[part], bad = None, True
        if bad:
            out["mismatched"] += 1
        out["attributions"].append(item)
    return out


def claim_ref(article_id: str, attribution_id: int) -> str:
    """How inspect names an attribution, and what `show` accepts: `ARTICLE_ID#N`."""
    return f"{article_id}#{attribution_id}"


def resolve_ref(arts: pd.DataFrame, ref: str) -> tuple[str, Optional[int]]:
    """(article_id, attribution_id or None) of an article id or a claim reference `ID#N`; an
    id that itself holds `#` is taken whole first."""
    ids = set(arts["article_id"])
    if ref in ids:
        return ref, None
    head, sep, n = ref.rpartition("#")
    if sep and head in ids and n.isdigit():
        return head, int(n)
    raise InspectError(f"no article {ref!r} in this run: give an article_id of articles.csv, or a claim "
                       "as `inspect` prints it (ARTICLE_ID#N)")


_DATE_PREFIX = re.compile(r"^\s*date\s+\d{4}(-\d{2}){0,2}\s+", re.IGNORECASE)


def display_title(meta: dict, text: str, limit: int = 80) -> str:
    """The title the views show: the source's, else the text's first line (articles.csv keeps
    `title` as the source gave it, empty or not)."""
    if meta.get("title"):
        return meta["title"]
    first = next((line for line in _DATE_PREFIX.sub("", text or "").split("\n") if line.strip()), "")
    first = " ".join(first.split())
    return first if len(first) <= limit else first[: limit - 1].rstrip() + "…"


def article_view(out: Path | str, ref: str, tables: Optional[dict] = None,
                 reader: Optional[Reader] = None) -> dict:
    """An article's metadata, text (from the run's text store) and spans: what `show` prints.
    `ref` is an article_id, or a claim `ID#N`: then the view holds that attribution alone
    (`focus`: N)."""
    t = tables if tables is not None else load_tables(out)
    arts = t["articles"]
    article_id, focus = resolve_ref(arts, ref)
    meta = _records(arts[arts["article_id"] == article_id])[0]
    got = (reader or Reader.for_run(out)).read(article_id)
    view = {"article": meta, "title": display_title(meta, got.text), "text": got.text, "note": got.note,
            "focus": focus}
    view.update(spans_of(t, article_id, got.text))
    if focus is not None:
        claims = [a for a in view["attributions"] if a["id"] == focus]
        if not claims:
            have = [a["id"] for a in view["attributions"]]
            raise InspectError(f"article {article_id!r} has no attribution {focus}: it has "
                               + (f"{min(have)} to {max(have)}" if have else "none"))
        view["attributions"] = claims
    if view["mismatched"]:
        extra = f"{view['mismatched']} rows whose offsets do not give their text were left out"
        view["note"] = f"{view['note']}; {extra}" if view["note"] else extra
    return view
