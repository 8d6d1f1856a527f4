"""The run's text store: every article's text as the run decoded it, kept in OUT.

`show` and `report` read the texts from here, not from INPUT, so an OUT still shows its
articles once INPUT has moved or OUT was handed to a colleague: OUT is all one needs.

OUT/texts.jsonl.gz is one gzip file (no name or time in its header, so the same run gives the
same bytes) of JSON lines `{"article_id": ..., "text": ...}` sorted by article_id, one per
article that has a text (not `too_large`, not unreadable). The offsets of every table index
these texts. pandas reads it as it is: `pd.read_json("OUT/texts.jsonl.gz", lines=True)`.

The runner writes each unit's texts in its part (`PART`), `--resume` drops those of inputs
edited or gone as it does their rows, and the final merge writes the file into the staging
folder of the run's published set (pipeline.runner.publish): run.json lists it with its sha256,
`--overwrite` removes it with the tables, and readers (pipeline.inspect) trust it only when
listed with a matching digest.
"""
from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Iterable, Optional

from pipeline.fsutil import atomic_open

NAME = "texts.jsonl.gz"
PART = "texts"             # the name of a part's texts (OUT/.depeche/parts/part-N/texts.jsonl)
LEVEL = 6                  # zlib's default: winer-fr's texts 2.9x smaller (9: 2.9x, 1: 2.4x)


def part_rows(article) -> list[list[str]]:
    """What a part keeps of one io Article: [[article_id, text]], or nothing."""
    if not article.text or article.status == "too_large":
        return []
    return [[article.article_id, article.text]]


def write(out: Path | str, rows: Iterable[list]) -> int:
    """Write OUT/texts.jsonl.gz (atomically) from [article_id, text] rows in id order; return
    how many texts it holds."""
    n = 0
    with atomic_open(Path(out) / NAME, binary=True) as raw, \
            gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=LEVEL) as gz:
        for article_id, text in rows:
            line = json.dumps({"article_id": article_id, "text": text}, ensure_ascii=False)
            gz.write(line.encode("utf-8", "surrogatepass") + b"\n")
            n += 1
    return n


def read(out: Path | str, ids: Optional[set[str]] = None) -> dict[str, str]:
    """article_id -> text of the store in OUT (only `ids` when given); {} when OUT has none."""
    path = Path(out) / NAME
    found: dict[str, str] = {}
    if not path.is_file():
        return found
    with gzip.open(path, "rt", encoding="utf-8", errors="surrogatepass") as f:
        for line in f:
            rec = json.loads(line)
            if ids is None or rec["article_id"] in ids:
                found[rec["article_id"]] = rec["text"]
                if ids is not None and len(found) == len(ids):
                    break
    return found
