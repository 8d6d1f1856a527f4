"""Validate gold files (../shared/ANNOTATION.md) before anything scores or trains on them.

`check_file(path)` returns a list of one-line problems (empty when the file is sound):
spans inside the text and trimmed, ids unique, parents, speaker actors and quantity links
that exist, kinds, stances, types, qualifiers and granularities in their sets, and the
sha256 of the text. Pure Python: no spaCy, so it runs in the test suite on every gold folder.
"""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from pipeline.evaluate.gold import SPLITS, gold_files

KINDS = {"direct", "indirect", "mixed", "according_to"}
STANCES = {"assert", "deny", "suggest", "estimate", "warn", "promise", "ask", "accuse"}
TYPES = {"person", "state", "organization", "group", "location"}
QUALIFIERS = {"exact", "approx", "min", "max", "range"}
GRANULARITIES = {"day", "week", "month", "season", "quarter", "year", "decade", "century"}
# TIMEX3 values as ANNOTATION.md uses them: dates, weeks, seasons, quarters, decades,
# centuries, and the reference tokens
# (a part of the day as TMO/TAF/TEV/TNI), or empty when the text cannot be resolved
TIMEX = re.compile(r"^(\d{4}(-(\d{2}(-\d{2}(T(MO|AF|EV|NI))?)?|W\d{2}(-WE)?|SP|SU|FA|WI|Q[1-4]|H[12]))?"
                   r"|\d{3}|\d{2}|PAST_REF|PRESENT_REF|FUTURE_REF|)$")
ISO3 = re.compile(r"^[A-Z]{3}$")


def _span_problems(text: str, span, where: str) -> list[str]:
    if not (isinstance(span, list) and len(span) == 2 and all(isinstance(x, int) for x in span)):
        return [f"{where}: span {span!r} is not [start, end] integers"]
    s, e = span
    if not 0 <= s < e <= len(text):
        return [f"{where}: span {span} is outside the text (length {len(text)}) or empty"]
    piece = text[s:e]
    if piece != piece.strip():
        return [f"{where}: span {span} {piece!r} starts or ends with white space"]
    return []


def check_gold(g: dict, name: str = "") -> list[str]:
    """Problems of one parsed gold object (its text included)."""
    problems: list[str] = []
    where = g.get("article_id") or name
    text = g.get("text")
    if not isinstance(text, str):
        return [f"{where}: no text field"]
    for key in ("article_id", "sha256", "actors", "quantities", "dates", "attributions"):
        if key not in g:
            problems.append(f"{where}: missing {key!r}")
    if problems:
        return problems
    if name and g["article_id"] != name:
        problems.append(f"{where}: article_id differs from the file name {name!r}")
    if hashlib.sha256(text.encode("utf-8")).hexdigest() != g["sha256"]:
        problems.append(f"{where}: sha256 does not match the text's UTF-8 bytes")

    def spans(item, keys, label):
        for k in keys:
            v = item.get(k)
            if v is None:
                continue
            problems.extend(_span_problems(text, v, f"{where} {label} {k}"))

    actor_ids = [a.get("id") for a in g["actors"]]
    for dup in sorted({i for i in actor_ids if actor_ids.count(i) > 1}):
        problems.append(f"{where}: actor id {dup!r} used twice")
    for a in g["actors"]:
        label = f"actor {a.get('id')!r}"
        if not a.get("id") or not a.get("name"):
            problems.append(f"{where} {label}: id and name are required")
        if a.get("type") not in TYPES:
            problems.append(f"{where} {label}: type {a.get('type')!r} not in {sorted(TYPES)}")
        if a.get("country") and not ISO3.match(a["country"]):
            problems.append(f"{where} {label}: country {a['country']!r} is not ISO 3166-1 alpha-3")
        for k in ("mentions", "coref"):
            for span in a.get(k, []):
                problems.extend(_span_problems(text, span, f"{where} {label} {k}"))

    att_ids = [t.get("id") for t in g["attributions"]]
    for dup in sorted({i for i in att_ids if att_ids.count(i) > 1}):
        problems.append(f"{where}: attribution id {dup!r} used twice")
    known_actors, known_atts = set(actor_ids), set(att_ids)
    for t in g["attributions"]:
        label = f"attribution {t.get('id')!r}"
        if t.get("kind") not in KINDS:
            problems.append(f"{where} {label}: kind {t.get('kind')!r} not in {sorted(KINDS)}")
        if t.get("cue") is not None and t.get("stance") not in STANCES:
            problems.append(f"{where} {label}: stance {t.get('stance')!r} not in {sorted(STANCES)}")
        if t.get("parent") is not None and t["parent"] not in known_atts:
            problems.append(f"{where} {label}: parent {t['parent']!r} is no attribution of the file")
        if t.get("parent") == t.get("id"):
            problems.append(f"{where} {label}: is its own parent")
        if t.get("speaker_actor") and t["speaker_actor"] not in known_actors:
            problems.append(f"{where} {label}: speaker_actor {t['speaker_actor']!r} is no actor of the file")
        if t.get("content") is None:
            problems.append(f"{where} {label}: no content span")
        spans(t, ("cue", "speaker", "content"), label)

    for i, q in enumerate(g["quantities"], 1):
        label = f"quantity {i}"
        spans(q, ("span",), label)
        if not isinstance(q.get("value"), (int, float)) or isinstance(q.get("value"), bool):
            problems.append(f"{where} {label}: value {q.get('value')!r} is not a number")
        if q.get("qualifier") not in QUALIFIERS:
            problems.append(f"{where} {label}: qualifier {q.get('qualifier')!r} not in {sorted(QUALIFIERS)}")
        if q.get("actor") and q["actor"] not in known_actors:
            problems.append(f"{where} {label}: actor {q['actor']!r} is no actor of the file")
        if q.get("attribution") and q["attribution"] not in known_atts:
            problems.append(f"{where} {label}: attribution {q['attribution']!r} is no attribution of the file")

    for i, d in enumerate(g["dates"], 1):
        label = f"date {i}"
        spans(d, ("span",), label)
        if not isinstance(d.get("value"), str) or not TIMEX.match(d["value"]):
            problems.append(f"{where} {label}: value {d.get('value')!r} is not a TIMEX3 date value")
        if d.get("granularity") not in GRANULARITIES:
            problems.append(f"{where} {label}: granularity {d.get('granularity')!r} not in {sorted(GRANULARITIES)}")
    return problems


def check_file(path) -> list[str]:
    path = Path(path)
    try:
        g = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        return [f"{path.name}: cannot be read as UTF-8 JSON ({e})"]
    if not isinstance(g, dict):
        return [f"{path.name}: not a JSON object"]
    return check_gold(g, path.stem)


def check_folder(folder) -> list[str]:
    problems = []
    for p in gold_files(folder):
        problems.extend(check_file(p))
    split = Path(folder) / SPLITS
    if split.exists():
        s = json.loads(split.read_text(encoding="utf-8"))
        present = {p.stem for p in gold_files(folder)}
        tune, check = set(s.get("tune", [])), set(s.get("check", []))
        if tune & check:
            problems.append(f"splits.json: {sorted(tune & check)} in both tune and check")
        for i in sorted((tune | check) - present):
            problems.append(f"splits.json: {i} has no gold file")
    return problems


def check(path) -> tuple[int, list[str]]:
    """(gold files read, problems) of a gold folder or of one gold file."""
    path = Path(path)
    if path.is_dir():
        return len(gold_files(path)), check_folder(path)
    return 1, check_file(path)
