"""Label Studio tasks from depeche runs or gold files, and gold files from Label Studio exports.

`depeche annotate INPUT -o tasks.json` pre-annotates dispatches; annotators correct them in
Label Studio (project set up with `LABEL_CONFIG`); `depeche import-labelstudio EXPORT.json -o
GOLD` writes one ANNOTATION.md gold file per task. Both directions go through the gold format:
rows -> gold dict (`gold_from_rows`) -> task (`task_from_gold`) -> gold dict (`gold_from_task`).

Offsets: Label Studio counts JavaScript string positions (UTF-16 code units), depeche counts
code points (PITFALLS): `Offsets` converts both ways, so a text with an emoji keeps its spans.

One region per span, its label saying what it is:
- `PER ORG GPE LOC GROUP`: a named mention of an actor; `COREF`: a pronoun or description;
- `QUANTITY`, `DATE`; `SPEAKER`, `CUE`, `CONTENT` of an attribution, chained by relations
  speaker -> cue -> content (speaker -> content when there is no cue).
Each region's `norm` text area holds `key=value` pairs separated by `; ` (an empty value is
the empty string, `null` is None; `aliases` are `|`-joined):
- mentions: `actor=<id>`; the first region of an actor adds `name=…; type=…; country=…; aliases=…`;
- QUANTITY: `value=16000; low=…; high=…; qualifier=min; unit=; item=conteneur; actor=…; attribution=a12`;
- DATE: `value=2024-10-11; granularity=day` (and `mod=START`);
- CONTENT: `id=a12; parent=null; kind=indirect; stance=assert; cue_lemma=affirmer; speaker_actor=…`.
The `flags` choice `optional` marks optional items. Actors with no span at all go, one per
line, in the task-level `actors` text area.
"""
from __future__ import annotations

import hashlib
import json
import re
from bisect import bisect_right
from pathlib import Path
from typing import Iterable, Optional

from pipeline.errors import LabelStudioError
from pipeline.fsutil import read_or_stdin, write_or_stdout, write_text
from pipeline.names import slug

LABEL_OF_TYPE = {"person": "PER", "organization": "ORG", "state": "GPE", "location": "LOC", "group": "GROUP"}
TYPE_OF_LABEL = {v: k for k, v in LABEL_OF_TYPE.items()}
ACTOR_LABELS = tuple(LABEL_OF_TYPE.values())
LABELS = ACTOR_LABELS + ("COREF", "QUANTITY", "DATE", "SPEAKER", "CUE", "CONTENT")
ACTOR_KEYS = ("actor", "name", "type", "country", "wikidata", "aliases")
NUMERIC = {"value", "low", "high"}     # JSON numbers in QUANTITY norms

LABEL_CONFIG = """<View>
  <Labels name="label" toName="text">
    <Label value="PER" background="#e6550d"/>
    <Label value="ORG" background="#3182bd"/>
    <Label value="GPE" background="#31a354"/>
    <Label value="LOC" background="#74c476"/>
    <Label value="GROUP" background="#9e9ac8"/>
    <Label value="COREF" background="#bdbdbd"/>
    <Label value="QUANTITY" background="#fdae6b"/>
    <Label value="DATE" background="#c6dbef"/>
    <Label value="SPEAKER" background="#de2d26"/>
    <Label value="CUE" background="#fd8d3c"/>
    <Label value="CONTENT" background="#fee391"/>
  </Labels>
  <Text name="text" value="$text"/>
  <TextArea name="norm" toName="text" perRegion="true" editable="true" maxSubmissions="1" rows="1"
            placeholder="key=value; key=value"/>
  <Choices name="flags" toName="text" perRegion="true" choice="multiple">
    <Choice value="optional"/>
  </Choices>
  <TextArea name="actors" toName="text" editable="true" rows="2"
            placeholder="actors without a span: actor=id; name=...; type=...; country=..."/>
</View>
"""


# -- offsets -----------------------------------------------------------------------------------
class Offsets:
    """Code-point offsets <-> UTF-16 code unit offsets of one text."""

    def __init__(self, text: str):
        self.wide = [i for i, c in enumerate(text) if ord(c) > 0xFFFF]     # code points taking 2 units
        self.ends16 = [w + k + 2 for k, w in enumerate(self.wide)]          # UTF-16 end of each

    def to16(self, i: int) -> int:
        return i + bisect_right(self.wide, i - 1)

    def from16(self, j: int) -> int:
        return j - bisect_right(self.ends16, j)


# -- key=value norms ---------------------------------------------------------------------------
def encode_norm(pairs: dict, numeric: Iterable[str] = ()) -> str:
    out = []
    for k, v in pairs.items():
        if v is None:
            s = "null"
        elif k in numeric:
            s = json.dumps(v)
        elif isinstance(v, (list, tuple)):
            s = "|".join(v)
        else:
            s = str(v)
        out.append(f"{k}={s}")
    return "; ".join(out)


def decode_norm(text: str, numeric: Iterable[str] = ()) -> dict:
    out = {}
    for part in re.split(r";\s*", text.strip()):
        if not part.strip():
            continue
        k, _, v = part.partition("=")
        k, v = k.strip(), v.strip()
        if v == "null":
            out[k] = None
        elif k in numeric and v:
            try:       # an annotator may type French digits: `16 000`, `3,5`
                out[k] = json.loads(re.sub(r"[\s\u00a0\u202f]", "", v).replace(",", "."))
            except ValueError:
                raise LabelStudioError(f"{k}={v!r} is not a number") from None
        elif k == "aliases":
            out[k] = [a for a in v.split("|") if a]
        else:
            out[k] = v
    return out


# -- gold -> task ------------------------------------------------------------------------------
class _Regions:
    def __init__(self, text: str):
        self.text, self.off, self.result, self.n = text, Offsets(text), [], 0

    def add(self, label: str, span, norm: str = "", optional: bool = False) -> str:
        self.n += 1
        rid = f"r{self.n}"
        s, e = span
        value = {"start": self.off.to16(s), "end": self.off.to16(e), "text": self.text[s:e]}
        base = {"id": rid, "to_name": "text", "origin": "prediction"}
        self.result.append({**base, "from_name": "label", "type": "labels", "value": {**value, "labels": [label]}})
        if norm:
            self.result.append({**base, "from_name": "norm", "type": "textarea", "value": {**value, "text": [norm]}})
        if optional:
            self.result.append({**base, "from_name": "flags", "type": "choices",
                                "value": {**value, "choices": ["optional"]}})
        return rid

    def relate(self, a: str, b: str):
        self.result.append({"from_id": a, "to_id": b, "type": "relation", "direction": "right"})


def _actor_norm(a: dict, full: bool) -> str:
    pairs = {"actor": a["id"]}
    if full:
        for k, v in a.items():
            if k not in ("id", "mentions", "coref", "optional"):
                pairs[k] = v
    return encode_norm(pairs)


def task_from_gold(gold: dict, *, as_annotations: bool = False, model_version: str = "depeche") -> dict:
    """A Label Studio task (pre-annotated as a prediction, or as an annotation) from a gold dict."""
    text = gold["text"]
    r = _Regions(text)
    loose = []
    for a in gold.get("actors", []):
        opt = bool(a.get("optional"))
        spans = [("m", s) for s in a.get("mentions") or []] + [("c", s) for s in a.get("coref") or []]
        if not spans:
            loose.append(_actor_norm(a, True) + ("; optional=true" if opt else ""))
        for n, (kind, span) in enumerate(spans):
            label = LABEL_OF_TYPE.get(a.get("type"), "ORG") if kind == "m" else "COREF"
            r.add(label, span, _actor_norm(a, n == 0), opt)
    for q in gold.get("quantities", []):
        pairs = {k: v for k, v in q.items() if k not in ("span", "optional")}
        r.add("QUANTITY", q["span"], encode_norm(pairs, NUMERIC), bool(q.get("optional")))
    for d in gold.get("dates", []):
        pairs = {k: v for k, v in d.items() if k not in ("span", "optional")}
        r.add("DATE", d["span"], encode_norm(pairs), bool(d.get("optional")))
    for at in gold.get("attributions", []):
        pairs = {k: v for k, v in at.items() if k not in ("speaker", "cue", "content", "optional")}
        content = r.add("CONTENT", at["content"], encode_norm(pairs), bool(at.get("optional")))
        cue = r.add("CUE", at["cue"]) if at.get("cue") else None
        speaker = r.add("SPEAKER", at["speaker"]) if at.get("speaker") else None
        if cue:
            r.relate(cue, content)
        if speaker:
            r.relate(speaker, cue or content)
    if loose:
        r.result.append({"id": "actors", "from_name": "actors", "to_name": "text", "type": "textarea",
                         "origin": "prediction", "value": {"text": loose}})
    data = {"text": text, "article_id": gold["article_id"], "date": gold.get("date", ""),
            "sha256": gold.get("sha256") or hashlib.sha256(text.encode("utf-8")).hexdigest()}
    if as_annotations:
        return {"data": data, "annotations": [{"result": r.result}]}
    return {"data": data, "predictions": [{"model_version": model_version, "result": r.result}]}


# -- task -> gold ------------------------------------------------------------------------------
def _pick_result(task: dict, use_predictions: bool) -> Optional[list]:
    anns = [a for a in task.get("annotations") or [] if isinstance(a, dict) and not a.get("was_cancelled")]
    if anns:
        latest = max(anns, key=lambda a: (str(a.get("updated_at") or a.get("created_at") or ""), a.get("id") or 0))
        return latest.get("result") or []
    if use_predictions:
        preds = [p for p in task.get("predictions") or [] if isinstance(p, dict)]
        if preds:
            return preds[-1].get("result") or []
    return None


def gold_from_task(task: dict, *, use_predictions: bool = False) -> Optional[dict]:
    """The gold dict of one exported task (its latest annotation), None when it has none."""
    data = task.get("data") or {}
    text = data.get("text")
    if not isinstance(text, str):
        raise LabelStudioError(f"task {task.get('id')}: data has no text")
    result = _pick_result(task, use_predictions)
    if result is None:
        return None
    off = Offsets(text)
    regions: dict[str, dict] = {}
    order: list[str] = []
    relations, loose = [], []
    for item in result:
        if item.get("type") == "relation":
            relations.append((item["from_id"], item["to_id"]))
            continue
        if item.get("from_name") == "actors" and item.get("type") == "textarea":
            loose += [t for t in item["value"].get("text", []) if t.strip()]
            continue
        rid, v = item.get("id"), item.get("value") or {}
        if rid not in regions:
            regions[rid] = {"span": [off.from16(v["start"]), off.from16(v["end"])], "label": None, "norm": "",
                            "optional": False}
            order.append(rid)
        reg = regions[rid]
        if item.get("type") == "labels":
            reg["label"] = (v.get("labels") or [None])[0]
        elif item.get("type") == "textarea":
            reg["norm"] = " ".join(v.get("text") or [])
        elif item.get("type") == "choices":
            reg["optional"] = "optional" in (v.get("choices") or [])

    actors: dict[str, dict] = {}

    def actor(aid: str) -> dict:
        return actors.setdefault(aid, {"id": aid, "mentions": [], "coref": []})

    quantities, dates, contents = [], [], []
    for rid in order:
        reg = regions[rid]
        label, span = reg["label"], reg["span"]
        if label in ACTOR_LABELS or label == "COREF":
            norm = decode_norm(reg["norm"])
            aid = norm.pop("actor", "") or _slug(text[span[0]:span[1]])
            a = actor(aid)
            a["coref" if label == "COREF" else "mentions"].append(span)
            for k, v in norm.items():
                a.setdefault(k, v)
            if label != "COREF":
                a.setdefault("_label", label)
            if reg["optional"]:
                a["optional"] = True
        elif label == "QUANTITY":
            quantities.append({"span": span, **decode_norm(reg["norm"], NUMERIC),
                               **({"optional": True} if reg["optional"] else {})})
        elif label == "DATE":
            dates.append({"span": span, **decode_norm(reg["norm"]), **({"optional": True} if reg["optional"] else {})})
        elif label == "CONTENT":
            contents.append(rid)
    for line in loose:
        norm = decode_norm(line)
        a = actor(norm.pop("actor", "") or _slug(norm.get("name", "actor")))
        if norm.pop("optional", None) == "true":
            a["optional"] = True
        for k, v in norm.items():
            a.setdefault(k, v)

    into: dict[str, list] = {}
    for a, b in relations:
        into.setdefault(b, []).append(a)
    attributions = []
    for rid in contents:
        reg = regions[rid]
        norm = decode_norm(reg["norm"])
        cue = next((x for x in into.get(rid, []) if regions.get(x, {}).get("label") == "CUE"), None)
        speaker = next((x for x in into.get(cue or rid, []) if regions.get(x, {}).get("label") == "SPEAKER"), None)
        if speaker is None and cue is not None:
            speaker = next((x for x in into.get(rid, []) if regions.get(x, {}).get("label") == "SPEAKER"), None)
        at = {"id": norm.pop("id", "") or f"a{len(attributions) + 1}"}
        at.update(norm)
        at["cue"] = regions[cue]["span"] if cue else None
        at["speaker"] = regions[speaker]["span"] if speaker else None
        at["content"] = reg["span"]
        if reg["optional"]:
            at["optional"] = True
        attributions.append(at)

    out_actors = []
    for a in actors.values():
        label = a.pop("_label", None)
        a.setdefault("name", text[a["mentions"][0][0]:a["mentions"][0][1]] if a["mentions"] else a["id"])
        a.setdefault("type", TYPE_OF_LABEL.get(label, "organization"))
        a.setdefault("country", "")
        out_actors.append(a)
    removed = _removed_actors(task, result, text) if not use_predictions else []
    gold = {"article_id": str(data.get("article_id") or task.get("id")),
            "sha256": data.get("sha256") or hashlib.sha256(text.encode("utf-8")).hexdigest(),
            "text": text, "date": data.get("date", ""), "actors": out_actors, "quantities": quantities,
            "dates": dates, "attributions": attributions}
    if removed:
        gold["removed"] = removed
    return canonical(gold)


def _actor_spans(result: list, off: "Offsets") -> list[tuple[int, int]]:
    return [(off.from16(i["value"]["start"]), off.from16(i["value"]["end"])) for i in result
            if i.get("type") == "labels" and (i.get("value", {}).get("labels") or [None])[0] in ACTOR_LABELS]


def _removed_actors(task: dict, result: list, text: str) -> list[dict]:
    """Named mentions the task's prediction had and its annotation deleted (no annotated actor
    span overlaps them): `train` learns them as names that are not actors."""
    preds = [p for p in task.get("predictions") or [] if isinstance(p, dict)]
    if not preds or result is (preds[-1].get("result") or []):
        return []
    off = Offsets(text)
    kept = _actor_spans(result, off)
    out = []
    for s, e in sorted(set(_actor_spans(preds[-1].get("result") or [], off))):
        if not any(a < e and s < b for a, b in kept):
            out.append({"span": [s, e], "text": text[s:e]})
    return out


def _slug(s: str) -> str:
    return slug(s) or "actor"


GOLD_KEYS = ("article_id", "sha256", "text", "date", "actors", "quantities", "dates", "attributions")


def canonical(gold: dict) -> dict:
    """A gold dict in one order (keys, actors by first span, items by span), for files and
    comparisons: the same annotations always give the same file."""
    def first(a):
        spans = sorted((a.get("mentions") or []) + (a.get("coref") or []))
        return (spans[0] if spans else [10 ** 12, 0], a["id"])

    g = {k: gold[k] for k in GOLD_KEYS if k in gold}
    g.update({k: v for k, v in gold.items() if k not in g})
    g["actors"] = sorted(({**a, "mentions": sorted(list(map(list, a.get("mentions") or []))),
                           "coref": sorted(list(map(list, a.get("coref") or [])))}
                          for a in gold.get("actors", [])), key=first)
    g["quantities"] = sorted(gold.get("quantities", []), key=lambda q: (list(q["span"]), json.dumps(q, sort_keys=True)))
    g["dates"] = sorted(gold.get("dates", []), key=lambda d: (list(d["span"]), json.dumps(d, sort_keys=True)))
    g["attributions"] = sorted(gold.get("attributions", []),
                               key=lambda a: (list(a["content"]), str(a.get("id"))))
    return json.loads(json.dumps(g))


# -- rows -> gold ------------------------------------------------------------------------------
def gold_from_rows(article, rows: dict) -> dict:
    """A depeche run of one article (runner.extract rows) as a gold dict, for pre-annotation."""
    aid, text = article.article_id, article.text
    table = {a.actor_id: a for a in rows.get("actors", [])}
    actors: dict[str, dict] = {}
    for m in sorted((m for m in rows.get("mentions", []) if m.article_id == aid), key=lambda m: (m.start, m.end)):
        key = m.actor_id or _slug(m.text)
        row = table.get(m.actor_id)
        a = actors.setdefault(key, {"id": key, "name": row.name if row else m.text,
                                    "type": row.type if row else TYPE_OF_LABEL.get(m.label, "organization"),
                                    "country": row.country if row else "", "mentions": [], "coref": []})
        a["coref" if m.source == "coref" else "mentions"].append([m.start, m.end])
    quantities = [{"span": [q.start, q.end], "value": q.value, "low": q.low, "high": q.high, "qualifier": q.qualifier,
                   "unit": q.unit, "item": q.item, "actor": q.actor_id or None,
                   "attribution": f"a{q.attribution_id}" if q.attribution_id else None}
                  for q in rows.get("quantities", []) if q.article_id == aid]
    # a date the model could not place (`dimanche` in an article dated by its month only) is
    # optional, as ANNOTATION.md has it: the annotator resolves it or leaves it, and a round
    # trip of the model's own output scores 1.0
    dates = [{"span": [d.start, d.end], "value": d.value, "granularity": d.granularity,
              **({"mod": d.mod} if d.mod else {}), **({} if d.value else {"optional": True})}
             for d in rows.get("dates", []) if d.article_id == aid]
    attributions = []
    for r in rows.get("attributions", []):
        if r.article_id != aid or r.content_start is None:
            continue
        attributions.append({
            "id": f"a{r.attribution_id}", "parent": f"a{r.parent_id}" if r.parent_id else None, "kind": r.kind,
            "cue": [r.cue_start, r.cue_end] if r.cue_start is not None else None, "cue_lemma": r.cue_lemma or None,
            "stance": r.stance or None,
            "speaker": [r.speaker_start, r.speaker_end] if r.speaker_start is not None else None,
            "speaker_actor": r.actor_id or None, "content": [r.content_start, r.content_end]})
    # the text travels as a field, so its sha256 is of the text (ANNOTATION.md), not of the file
    # (an HTML file's bytes are not its extracted text)
    sha = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return canonical({"article_id": aid, "sha256": sha, "text": text, "date": article.date,
                      "actors": list(actors.values()), "quantities": quantities, "dates": dates,
                      "attributions": attributions})


# -- commands ----------------------------------------------------------------------------------
def annotate(input_path, out, *, model_dir=None, from_gold: bool = False, as_annotations: bool = False,
             nlp=None, progress=None) -> int:
    """Write Label Studio tasks for the dispatches under INPUT (or for gold files). Returns the count."""
    if from_gold:
        from pipeline.evaluate import load_gold
        golds = [{**g.data, "text": g.text} for g in load_gold(input_path)]
        version = "gold"
    else:
        from pipeline import nlp as nlp_mod
        from pipeline.io.readers import discover, read_ref
        from pipeline.runner import extract

        found = discover(Path(input_path))
        arts = [read_ref(ref, 2_000_000) for ref in found.refs]
        arts = [a for a in arts if a.status == "ok" and a.text]
        model = str(Path(model_dir).resolve()) if model_dir else str(nlp_mod.default_model_dir())
        rows = extract(arts, model, nlp=nlp, progress=progress)
        golds = [gold_from_rows(a, rows) for a in arts]
        version = f"depeche {nlp_mod.read_meta(Path(model)).get('version', '')}".strip()
    tasks = [task_from_gold(g, as_annotations=as_annotations, model_version=version) for g in golds]
    write_or_stdout(out, json.dumps(tasks, ensure_ascii=False, indent=1) + "\n")   # `-`: stdout
    return len(tasks)


def import_export(export, out_dir, *, use_predictions: bool = False) -> list[Path]:
    """Gold files (one per annotated task) from a Label Studio JSON export."""
    try:
        tasks = json.loads(read_or_stdin(export))   # `-`: standard input
    except ValueError as e:   # not UTF-8, not JSON
        raise LabelStudioError(f"{export}: not a Label Studio JSON export ({e})") from None
    if isinstance(tasks, dict):
        tasks = [tasks]
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for task in tasks:
        try:
            gold = gold_from_task(task, use_predictions=use_predictions)
        except ValueError as e:   # a LabelStudioError, or a value of the task that does not parse
            raise LabelStudioError(f"{export}: {e}") from None
        if gold is None:
            continue
        aid = gold["article_id"]     # outside data: never a path (PITFALLS)
        name = aid if re.fullmatch(r"\w[\w.\-]*", aid) else _slug(aid)
        path = out_dir / f"{name}.json"
        write_text(path, json.dumps(gold, ensure_ascii=False, indent=1) + "\n")
        written.append(path)
    return written
