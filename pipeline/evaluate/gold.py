"""Gold files (../shared/ANNOTATION.md) read with their texts, and the tune/check split of a gold
folder.

A gold file's text is its "text" field, else `<article_id>.txt` beside it, else the record of
that id in a JSONL corpus (--corpus); bytes are decoded by pipeline.io (BOM, UTF-16, legacy
code pages, line ends) like any input. `splits.json` ({"seed", "tune": [ids], "check": [ids]})
names the part of the folder rules may be tuned on and the part kept to check them; `all` is
every gold file of the folder, in a split or not.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional

from pipeline.errors import GoldError
from pipeline.io.decode import DecodeError, decode, normalise_newlines

SPLITS = "splits.json"   # not a gold file: the tune/check split of the folder
SPLIT_NAMES = ("tune", "check")


@dataclass
class GoldArticle:
    article_id: str
    text: str
    date: str
    data: dict
    source: str           # where the text came from: field, txt, corpus
    sha_ok: Optional[bool] = None

    @property
    def actors(self) -> dict:
        return {a["id"]: a for a in self.data.get("actors", [])}


def gold_files(folder) -> list[Path]:
    """The gold files of a folder: every *.json but the split file."""
    return sorted(p for p in Path(folder).glob("*.json") if p.name != SPLITS)


def _decoded(path: Path) -> str:
    try:
        return decode(path.read_bytes())
    except DecodeError as e:
        raise GoldError(f"{path}: {e}") from None


def _corpus_index(corpus: Path) -> dict[str, str]:
    out = {}
    for line in _decoded(corpus).split("\n"):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except ValueError:
            continue
        if isinstance(rec, dict) and "id" in rec and isinstance(rec.get("text"), str):
            out.setdefault(str(rec["id"]), rec["text"])
    return out


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def load_gold(gold_dir, corpus=None) -> list[GoldArticle]:
    """The gold articles of a folder (or one gold file), sorted by article_id, with their text."""
    gold_dir = Path(gold_dir)
    files = [gold_dir] if gold_dir.is_file() else gold_files(gold_dir)
    index = None
    out = []
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or "article_id" not in data:
            continue
        aid = str(data["article_id"])
        txt = path.parent / f"{aid}.txt"
        if isinstance(data.get("text"), str):
            text, source, sha = data["text"], "field", _sha(data["text"])
        elif txt.exists():
            text, source, sha = _decoded(txt), "txt", hashlib.sha256(txt.read_bytes()).hexdigest()
        elif corpus is not None:
            if index is None:
                index = _corpus_index(Path(corpus))
            if aid not in index:
                raise GoldError(f"{path}: no text for {aid!r}: no \"text\" field, no {aid}.txt beside it, "
                                f"no record with that id in {corpus}")
            text, source, sha = index[aid], "corpus", _sha(index[aid])
        else:
            raise GoldError(f"{path}: no text for {aid!r}: add a \"text\" field, put {aid}.txt beside it, "
                            "or name a JSONL corpus with --corpus")
        sha_ok = (sha == data["sha256"]) if data.get("sha256") else None
        out.append(GoldArticle(aid, normalise_newlines(text), str(data.get("date") or ""), data, source, sha_ok))
    out.sort(key=lambda g: g.article_id)
    return out


def articles_of(golds: Iterable[GoldArticle]):
    """The gold texts as io Articles, read the way a .txt file would be; a text that opens with
    YAML front matter came from a .md file and is read as one, so the front matter is a header
    again and not body to extract from."""
    from pipeline.io.readers import from_text
    return [from_text(g.article_id, g.text, date=g.date, kind="md" if g.text.startswith("---\n") else "txt")
            for g in golds]


def read_splits(gold_dir) -> Optional[dict]:
    """GOLD/splits.json, or None when the folder has none."""
    path = Path(gold_dir) / SPLITS
    if not Path(gold_dir).is_dir() or not path.exists():
        return None
    try:
        splits = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as e:
        raise GoldError(f"{path}: not JSON ({e})") from None
    if not isinstance(splits, dict) or not all(isinstance(splits.get(k), list) for k in SPLIT_NAMES):
        raise GoldError(f"{path}: give {{\"seed\": N, \"tune\": [ids], \"check\": [ids]}}")
    return splits


def select(golds: list[GoldArticle], splits: Optional[dict], split: str) -> list[GoldArticle]:
    """The gold articles of one split (`tune`, `check`) or all of them (`all`)."""
    if split == "all":
        return golds
    if splits is None:
        raise GoldError(f"--split {split}: the gold folder has no {SPLITS}")
    ids = set(splits[split])
    return [g for g in golds if g.article_id in ids]
