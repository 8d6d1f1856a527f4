"""What every depeche component shares: rule data saved with the pipeline, errors caught per Doc.

A component subclasses `RuleComponent`, names its rule files in `rule_files`
({"gazetteer.jsonl": GazetteerEntry, ...}) and implements `process(doc)`, which writes its
results into the Doc extension it owns (see components/__init__.py). `__call__` catches any
exception so one bad article never ends a batch (PITFALLS: spaCy E871 in workers): the error
goes to `doc._.depeche_errors` and the runner gives the article status `error`.
"""
from __future__ import annotations

import weakref
from pathlib import Path
from typing import ClassVar

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.errors import one_line
from pipeline.rules import read_rules, write_rules


_LAST_TEXT: tuple = (lambda: None, "")   # (weak reference to a Doc, its text)


def doc_text(doc: Doc) -> str:
    """doc.text, joined once per Doc: spaCy rebuilds it from every token at each access, and
    four components read it (0.1 ms an article each time). A Doc's text never changes; the
    last Doc is held weakly (one tuple, read and replaced whole: safe across threads)."""
    global _LAST_TEXT
    ref, text = _LAST_TEXT
    if ref() is doc:
        return text
    text = doc.text
    _LAST_TEXT = (weakref.ref(doc), text)
    return text


class RuleComponent:
    rule_files: ClassVar[dict[str, type]] = {}

    def __init__(self, nlp: Language, name: str, rules_dir: str | None = None):
        self.nlp = nlp
        self.name = name
        self.rules: dict[str, list] = {fname: [] for fname in self.rule_files}
        if rules_dir:
            self.load_rules(Path(rules_dir))

    # -- rule data -------------------------------------------------------------------------
    def load_rules(self, path: Path) -> None:
        for fname, cls in self.rule_files.items():
            if (path / fname).exists():
                self.rules[fname] = read_rules(path / fname, cls)
        self.rules_changed()

    def set_rules(self, fname: str, rules: list) -> None:
        self.rules[fname] = list(rules)
        self.rules_changed()

    def add_rules(self, additions: dict[str, list]) -> None:
        """Append rules to several files at once, rebuilding the matchers and indexes once."""
        for fname, rules in additions.items():
            self.rules[fname] = list(self.rules.get(fname, [])) + list(rules)
        self.rules_changed()

    def rules_changed(self) -> None:
        """Rebuild matchers and indexes from self.rules (override)."""

    def to_disk(self, path, *, exclude=tuple()):
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        for fname, rules in self.rules.items():
            write_rules(path / fname, rules)

    def from_disk(self, path, *, exclude=tuple()):
        self.load_rules(Path(path))
        return self

    # -- processing ------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        try:
            self.process(doc)
        except Exception as e:  # noqa: BLE001 - one article must never end the batch
            doc._.depeche_errors = list(doc._.depeche_errors or []) + [
                one_line(f"{self.name}: {type(e).__name__}: {e}")]
        return doc

    def process(self, doc: Doc) -> None:
        raise NotImplementedError
