"""A small run's tables written by hand (schema 1.1): three dispatches carrying one quote of
Zelensky on different dates (one a copy), a denial by the Kremlin, a quantity claimed."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from pipeline.crossdoc.claims import build_claims
from pipeline.crossdoc.duckdb_export import default_schema
from pipeline.io.writers import CsvTable

QUOTE = "La Corée du Nord a envoyé 10 000 soldats en Russie"
ARTICLES = [
    dict(article_id="afp-1021", path="afp.jsonl", date="2024-10-21", title="Zelensky insiste", url="https://a/1",
         status="ok", duplicate_of=""),
    dict(article_id="belga-1019", path="b.jsonl", date="2024-10-19", title="=Soldats nord-coréens", url="",
         status="ok", duplicate_of="reuters-1018"),
    dict(article_id="reuters-1018", path="r.jsonl", date="2024-10-18", title="Des soldats en Russie",
         url="https://r/1", status="ok", duplicate_of=""),
    dict(article_id="blog", path="blog.txt", date="", title="", url="", status="ok", duplicate_of=""),
]
ACTORS = [
    dict(actor_id="Q3874799", name="Volodymyr Zelensky", type="person", country="UKR",
         aliases="Volodymyr Zelensky|Zelensky", articles=4, mentions=4),
    dict(actor_id="kremlin", name="Kremlin", type="organization", country="RUS", aliases="Kremlin",
         articles=1, mentions=1),
    dict(actor_id="Q423", name="Corée du Nord", type="state", country="PRK", aliases="Corée du Nord|Pyongyang",
         articles=4, mentions=4),
]
_ATT_COLUMNS = ("article_id", "attribution_id", "kind", "cue", "cue_lemma", "stance", "speaker", "actor_id",
                "content", "content_start")
ATTRIBUTIONS = [dict(zip(_ATT_COLUMNS, row), content_end=row[-1] + len(row[-2])) for row in [
    ("afp-1021", 1, "direct", "affirmé", "affirmer", "assert", "Volodymyr Zelensky", "Q3874799", QUOTE, 40),
    ("afp-1021", 2, "indirect", "rejeté", "rejeter", "deny", "Le Kremlin", "kremlin", "ces allégations", 120),
    ("belga-1019", 1, "direct", "déclaré", "déclarer", "assert", "Zelensky", "Q3874799", QUOTE + ".", 10),
    ("reuters-1018", 1, "direct", "déclaré", "déclarer", "assert", "Volodymyr Zelensky", "Q3874799", QUOTE, 2),
    ("blog", 1, "indirect", "estime", "estimer", "estimate", "un expert", "", "la guerre durera encore des années", 0),
]]
MENTIONS = [
    dict(article_id="afp-1021", mention_id=1, start=40, end=53, text="La Corée du Nord", label="GPE",
         actor_id="Q423"),
    dict(article_id="reuters-1018", mention_id=1, start=2, end=15, text="La Corée du Nord", label="GPE",
         actor_id="Q423"),
]
QUANTITIES = [
    dict(article_id="reuters-1018", quantity_id=1, start=28, end=42, text="10 000 soldats", value=10000.0,
         low=10000.0, high=10000.0, qualifier="exact", item="soldat", attribution_id=1),
    dict(article_id="blog", quantity_id=1, start=50, end=57, text="2 ans", value=2.0, qualifier="exact",
         item="an"),
]


def frames() -> dict[str, pd.DataFrame]:
    """The run's tables typed as `pipeline.inspect` reads them."""
    spec = default_schema()
    dates = {a["article_id"]: a["date"] for a in ARTICLES}
    aliases = {"Q3874799": ["volodymyr zelensky", "zelensky"], "kremlin": ["kremlin"]}
    ids, claims = build_claims(ATTRIBUTIONS, dates, aliases)
    atts = [dict(a, claim_id=i) for a, i in zip(ATTRIBUTIONS, ids)]
    rows = {"articles": ARTICLES, "actors": ACTORS, "attributions": atts, "mentions": MENTIONS,
            "quantities": QUANTITIES, "dates": [], "claims": [c.__dict__ for c in claims]}
    out = {}
    for name, data in rows.items():
        types, key = spec[name]
        df = pd.DataFrame(data, columns=list(types))
        for c, k in types.items():
            if k == "str":
                df[c] = df[c].astype(object).where(df[c].notna(), "").astype(str)
            elif k == "int":
                df[c] = pd.to_numeric(df[c]).astype("Int64")
            else:
                df[c] = pd.to_numeric(df[c]).astype("float64")
        out[name] = df.sort_values(list(key)).reset_index(drop=True)
    return out


def write_run(out: Path) -> Path:
    """The tables as CSV files of SCHEMA.md in OUT."""
    out.mkdir(parents=True, exist_ok=True)
    spec = default_schema()
    for name, df in frames().items():
        types, _ = spec[name]
        w = CsvTable(out / f"{name}.csv", list(types), types)
        w.write(tuple(None if pd.isna(v) else v for v in row) for row in df.itertuples(index=False))
        w.close()
    return out
