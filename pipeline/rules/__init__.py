"""Load and validate the JSONL rule files of a model (gazetteer, cue lexicon, unit lexicon).

Every rule file is UTF-8 JSON Lines: one JSON object a line, `#`-free, blank lines allowed.
Each kind of rule is a frozen dataclass; loading rejects unknown and missing keys with a
message naming the file and line (errors.E201), so a typo in a curated file fails at once
rather than silently dropping a rule. Writing keeps field order and non-ASCII characters
(readable diffs).
"""
from __future__ import annotations

import dataclasses
import json
import typing
from functools import lru_cache
from pathlib import Path
from typing import Iterable, TypeVar

from pipeline.errors import E, RuleError
from pipeline.fsutil import atomic_open

T = TypeVar("T")
__all__ = ["RuleError", "read_rules", "write_rules", "rule_to_json"]


def _check_type(value, hint) -> bool:
    origin = typing.get_origin(hint)
    if hint is typing.Any:
        return True
    if origin is typing.Union:
        return any(_check_type(value, h) for h in typing.get_args(hint))
    if hint is type(None):
        return value is None
    if origin in (list, tuple):
        (inner, *_) = typing.get_args(hint) or (typing.Any,)
        return isinstance(value, list) and all(_check_type(v, inner) for v in value)
    if origin is dict:
        return isinstance(value, dict)
    if hint is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, hint)


@lru_cache(maxsize=None)
def _schema(cls: type) -> tuple[dict, dict]:
    """A rule class's fields by name and its resolved type hints, once per class (get_type_hints
    evaluates every annotation string again at each call: most of a model's load time)."""
    return {f.name: f for f in dataclasses.fields(cls)}, typing.get_type_hints(cls)


def parse_rule(cls: type[T], obj: dict, where: str = "") -> T:
    """Build a `cls` rule from a JSON object, rejecting unknown keys, missing keys, bad types."""
    if not isinstance(obj, dict):
        raise RuleError(f"{where}: a rule must be a JSON object")
    fields, hints = _schema(cls)
    unknown = sorted(set(obj) - set(fields))
    if unknown:
        raise RuleError(f"{where}: unknown key(s) {unknown} for {cls.__name__}; known: {list(fields)}")
    kwargs = {}
    for name, f in fields.items():
        if name not in obj:
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                raise RuleError(f"{where}: missing key {name!r} for {cls.__name__}")
            continue
        value = obj[name]
        if not _check_type(value, hints[name]):
            raise RuleError(f"{where}: {name}={value!r} is not {hints[name]}")
        if isinstance(value, list) and typing.get_origin(hints[name]) is tuple:
            value = tuple(value)
        kwargs[name] = value
    rule = cls(**kwargs)
    check = getattr(rule, "validate", None)
    if check:
        problem = check()
        if problem:
            raise RuleError(f"{where}: {problem}")
    return rule


def read_rules(path: Path, cls: type[T]) -> list[T]:
    """Read a JSONL rule file into validated `cls` rules."""
    rules = []
    n = 0
    try:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                except (json.JSONDecodeError, RecursionError) as e:
                    detail = getattr(e, "msg", "nested too deeply")
                    raise RuleError(E.E201.format(file=path, line=n, detail=f"not JSON ({detail})")) from None
                try:
                    rules.append(parse_rule(cls, obj, f"{path}:{n}"))
                except (RuleError, TypeError, ValueError, KeyError) as e:
                    detail = str(e).split(": ", 1)[-1] if isinstance(e, RuleError) else f"{type(e).__name__}: {e}"
                    raise RuleError(E.E201.format(file=path, line=n, detail=detail)) from None
    except UnicodeDecodeError as e:   # a damaged or binary file: say where, in one line
        raise RuleError(E.E201.format(file=path, line=n + 1, detail=f"not UTF-8 ({e.reason})")) from None
    return rules


def rule_to_json(rule) -> str:
    """One JSONL line: fields in declaration order, defaults left out, non-ASCII kept."""
    obj = {}
    for f in dataclasses.fields(rule):
        v = getattr(rule, f.name)
        default = f.default if f.default is not dataclasses.MISSING else (
            f.default_factory() if f.default_factory is not dataclasses.MISSING else dataclasses.MISSING)
        if v == default and default is not dataclasses.MISSING:
            continue
        obj[f.name] = list(v) if isinstance(v, tuple) else v
    return json.dumps(obj, ensure_ascii=False)


def write_rules(path: Path, rules: Iterable) -> None:
    """Write rules as JSONL atomically (temporary file, then rename)."""
    with atomic_open(path, newline="\n") as f:
        for r in rules:
            f.write(rule_to_json(r) + "\n")
