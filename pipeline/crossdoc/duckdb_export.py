"""`depeche db`: a run's tables in one DuckDB file, with their keys and ready views.

DuckDB reads the CSV files (or the Parquet datasets) of OUT itself, typed as SCHEMA.md says, so a
large run is not loaded through Python. In the database a missing value is NULL (an empty CSV
cell), and the CSV formula escape (a `'` before `=`, `+`, `-`, `@`, tab, carriage return) is
undone: cells hold what the articles say. Each table gets its primary key and the foreign keys
that join it to the others (rows -> articles, actor_id -> actors, claim_id -> claims, a quantity
-> the attribution that claims it); `articles.duplicate_of` names an article but is not declared
(DuckDB refuses a table that references itself on insert).

Views, for a user who opens the file in any SQL tool:
- `claim_list`: one row per claim with the speaker's name, cue and stance of its first
  occurrence, first and last dates, the first article's title and url, and what it answers;
- `claim_occurrences`: every attribution that is a claim, with its article's date, title, url,
  source and the speaker's name;
- `quantity_claims`: quantities inside an attribution, with who claims them, the cue, stance
  and claim;
- `unique_articles`: articles that are no copy of another (`duplicate_of` empty).

The file is written under a temporary name and renamed, so a failed export leaves no half file.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Optional

from pipeline.errors import ExportError

SQL_TYPES = {"str": "VARCHAR", "int": "BIGINT", "float": "DOUBLE"}
FOREIGN = {
    "claims": [("actor_id", "actors(actor_id)"), ("first_article_id", "articles(article_id)")],
    "attributions": [("article_id", "articles(article_id)"), ("actor_id", "actors(actor_id)"),
                     ("claim_id", "claims(claim_id)")],
    "mentions": [("article_id", "articles(article_id)"), ("actor_id", "actors(actor_id)")],
    "quantities": [("article_id", "articles(article_id)"), ("actor_id", "actors(actor_id)"),
                   ("article_id, attribution_id", "attributions(article_id, attribution_id)")],
    "dates": [("article_id", "articles(article_id)")],
}
VIEWS = {
    "claim_list": """
        SELECT c.claim_id, c.first_date, c.last_date, coalesce(s.name, t.speaker) AS speaker, c.actor_id,
               t.cue, t.stance, c.content, c.articles, c.attributions, a.title, a.url,
               c.first_article_id, c.first_attribution_id, c.responds_to, r.content AS responds_to_content
        FROM claims c
        LEFT JOIN actors s ON s.actor_id = c.actor_id
        LEFT JOIN attributions t ON t.article_id = c.first_article_id
                                AND t.attribution_id = c.first_attribution_id
        LEFT JOIN articles a ON a.article_id = c.first_article_id
        LEFT JOIN claims r ON r.claim_id = c.responds_to""",
    "claim_occurrences": """
        SELECT t.claim_id, a.date, t.article_id, t.attribution_id, a.title, a.url, a.source,
               coalesce(s.name, t.speaker) AS speaker, t.actor_id, t.kind, t.cue, t.stance, t.content,
               a.duplicate_of
        FROM attributions t
        JOIN articles a ON a.article_id = t.article_id
        LEFT JOIN actors s ON s.actor_id = t.actor_id
        WHERE t.claim_id IS NOT NULL""",
    "quantity_claims": """
        SELECT q.article_id, q.quantity_id, a.date, q.text, q.value, q.low, q.high, q.qualifier, q.unit,
               q.item, coalesce(s.name, t.speaker) AS claimed_by, t.actor_id AS claimed_by_actor_id,
               t.cue, t.stance, t.attribution_id, t.claim_id
        FROM quantities q
        JOIN attributions t ON t.article_id = q.article_id AND t.attribution_id = q.attribution_id
        JOIN articles a ON a.article_id = q.article_id
        LEFT JOIN actors s ON s.actor_id = t.actor_id""",
    "unique_articles": "SELECT * FROM articles WHERE duplicate_of IS NULL",
}
FORMULA = "=+-@\t\r"


def _header(out: Path, table: str, con) -> tuple[Optional[list[str]], bool]:
    """The columns of OUT's file of `table` (None when absent) and whether it is Parquet."""
    import csv
    csv_path, pq_path = out / f"{table}.csv", out / f"{table}.parquet"
    if csv_path.is_file():
        with open(csv_path, encoding="utf-8", newline="") as f:
            return next(csv.reader(f), []), False
    if pq_path.is_dir():
        return [r[0] for r in con.execute(f"DESCRIBE SELECT * FROM {_parquet(pq_path)}").fetchall()], True
    return None, False


def _parquet(path: Path) -> str:
    return f"read_parquet({_lit(path / '*.parquet')})"


def _source(out: Path, table: str, types: dict[str, str], parquet: bool) -> str:
    """A DuckDB table expression reading OUT's file of `table` with the schema's types."""
    if parquet:
        return _parquet(out / f"{table}.parquet")
    cols = ", ".join(f"{_lit(c)}: '{SQL_TYPES[k]}'" for c, k in types.items())
    return (f"read_csv({_lit(out / f'{table}.csv')}, header=true, auto_detect=false, delim=',', "
            f"quote='\"', escape='\"', columns={{{cols}}}, nullstr='')")


def _cell(col: str, kind: str, parquet: bool) -> str:
    """The select expression of a column: typed; for text, NULL when empty and unescaped."""
    c = _q(col)
    if kind != "str":
        return f"CAST({c} AS {SQL_TYPES[kind]}) AS {c}"
    if parquet:
        return f"nullif({c}, '') AS {c}"
    escaped = ", ".join(f"chr({ord(ch)})" for ch in FORMULA)
    return (f"CASE WHEN substr({c}, 1, 1) = chr(39) AND substr({c}, 2, 1) IN ({escaped}) "
            f"THEN substr({c}, 2) ELSE {c} END AS {c}")


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _lit(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def export(out: Path | str, dest: Path | str | None = None,
           schema: Optional[Callable[[], dict]] = None) -> dict[str, int]:
    """Write OUT's tables into the DuckDB file `dest` (default OUT/depeche.duckdb); return rows per
    table. `schema()` gives {table: (column types, key columns)}."""
    import duckdb
    out = Path(out)
    if not (out / "articles.csv").is_file() and not (out / "articles.parquet").is_dir():
        raise ExportError(f"{out} holds no articles.csv nor articles.parquet: give the OUT folder of "
                          f"`depeche run INPUT -o OUT`")
    dest = Path(dest) if dest else out / "depeche.duckdb"
    if dest.is_dir():
        raise ExportError(f"{dest} is a folder: give a file name ending .duckdb")
    specs = (schema or default_schema)()
    tmp = dest.with_name(dest.name + ".tmp")
    for p in (tmp, Path(str(tmp) + ".wal")):
        p.unlink(missing_ok=True)
    counts = {}
    try:
        con = duckdb.connect(str(tmp))
    except (duckdb.Error, OSError) as e:
        raise ExportError(f"cannot write {dest}: {e}") from None
    try:
        present = []
        for table in creation_order(specs):
            known, key = specs[table]
            header, parquet = _header(out, table, con)
            if header is None:
                continue
            # the file's own columns (a version-1 run lacks those 1.1 adds), typed by the schema
            types = {c: known.get(c, "str") for c in header}
            src = _source(out, table, types, parquet)
            cols = [f"{_q(c)} {SQL_TYPES[k]}" for c, k in types.items()]
            cols.append(f"PRIMARY KEY ({', '.join(map(_q, key))})")
            for local, ref in FOREIGN.get(table, ()):
                if all(c.strip() in types for c in local.split(",")) and ref.split("(")[0] in present:
                    cols.append(f"FOREIGN KEY ({local}) REFERENCES {ref}")
            con.execute(f"CREATE TABLE {_q(table)} ({', '.join(cols)})")
            select = ", ".join(_cell(c, k, parquet) for c, k in types.items())
            con.execute(f"INSERT INTO {_q(table)} SELECT {select} FROM {src}")
            counts[table] = con.execute(f"SELECT count(*) FROM {_q(table)}").fetchone()[0]
            present.append(table)
        for name, sql in VIEWS.items():
            try:
                con.execute(f"CREATE VIEW {name} AS {sql}")
            except duckdb.BinderException:
                pass   # a table or column this run lacks (version 1)
        run = out / "run.json"
        if run.is_file():
            con.execute("CREATE TABLE run AS SELECT ? AS run_json", [run.read_text(encoding="utf-8")])
        con.close()
    except duckdb.Error as e:
        con.close()
        tmp.unlink(missing_ok=True)
        raise ExportError(f"{out}: {type(e).__name__}: {' '.join(str(e).split())[:200]}") from None
    os.replace(tmp, dest)
    return counts


def default_schema() -> dict[str, tuple[dict[str, str], tuple[str, ...]]]:
    """{table: (column -> 'str'|'int'|'float', key)} for the tables of the registry."""
    from pipeline import tables as T
    return {t.name: (t.types, t.key) for t in T.TABLES}


def creation_order(names) -> list[str]:
    """The tables in the order given, each after the tables its foreign keys reference."""
    placed: list[str] = []
    left = list(names)
    while left:
        for name in left:
            refs = {ref.split("(")[0] for _, ref in FOREIGN.get(name, ())} & set(names)
            if refs - {name} <= set(placed):
                placed.append(name)
                left.remove(name)
                break
        else:   # a circle of references: the rest as given
            placed += left
            break
    return placed


def summary(counts: dict[str, int], dest: Path) -> str:
    return f"depeche: {dest}: " + ", ".join(f"{n} {t}" for t, n in counts.items()) + \
        f"; views {', '.join(VIEWS)}"


__all__ = ["export", "ExportError", "VIEWS", "default_schema", "summary"]
