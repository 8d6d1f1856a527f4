"""The shortcuts taken on the hot paths give what the plain forms gave: doc.text read once per Doc,
the attributions' norm kept per word form, the numeral and date scans with a leading (?<!\\w), the
rule classes' type hints resolved once (all exact by construction; these tests hold them to it)."""
from __future__ import annotations

import dataclasses
import gc
import re

import pytest
import spacy

from pipeline.components import dates_patterns
from pipeline.components.attributions.context import norm
from pipeline.components.base import doc_text
from pipeline.components.numbers import _MASTER
from pipeline.rules import RuleError, parse_rule
from pipeline.rules.units import Unit

SENTENCES = [
    "Le maire d’Orvieux a déclaré : « Nous ouvrirons l’école en 2031. »",
    "L'A380 transportait 3,5 millions de colis, soit deux tiers du fret, le 12/04/2029.",
    "Au XXIe siècle, les années 2020 ont vu la mi-mars 2030 et l'été 2031 passer.",
    "Vingt-trois élus, dont x2 et B52, ont voté ; quelque 1 200 habitants, la moitié.",
    "Le 3e trimestre 2032, le 22/04 et le 30 juin dernier, à 14 h 30, près de 40 %.",
]


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("fr")


def test_when_docs_alternate_then_doc_text_is_each_docs_own_text(blank):
    a, b = blank(SENTENCES[0]), blank(SENTENCES[1])
    for doc in (a, b, a, a, b):
        assert doc_text(doc) == doc.text
    del a
    gc.collect()
    c = blank(SENTENCES[2])   # a new Doc, perhaps where a was: never a's text
    assert doc_text(c) == SENTENCES[2]


@pytest.mark.parametrize("text", SENTENCES)
def test_when_norm_is_kept_per_form_then_it_is_the_lower_case_with_a_straight_apostrophe(blank, text):
    doc = blank(text)
    for _ in range(2):   # first computed, then from the kept forms
        assert [norm(t) for t in doc] == [t.lower_.replace("’", "'") for t in doc]


def _scan(rx, text):
    return [(m.span(), m.groupdict()) for m in rx.finditer(text)]


def _unprefixed(rx):
    assert rx.pattern.startswith("(?<!\\w)(?:") and rx.pattern.endswith(")")
    return re.compile(rx.pattern[len("(?<!\\w)(?:"):-1], rx.flags)


@pytest.mark.parametrize("text", SENTENCES)
def test_when_the_numeral_scan_has_its_leading_lookbehind_then_it_finds_what_the_branches_found(text):
    assert _scan(_MASTER, text) == _scan(_unprefixed(_MASTER), text)


@pytest.mark.parametrize("name", dates_patterns._BRANCHED)
def test_when_a_branched_date_pattern_has_its_leading_lookbehind_then_its_matches_are_unchanged(name):
    rx = dict(dates_patterns.PATTERNS)[name]
    for text in SENTENCES:
        assert _scan(rx, text) == _scan(_unprefixed(rx), text)


@pytest.mark.parametrize("obj", [
    {"forms": ["km"], "unit": "km", "dimension": "length"},
    {"forms": ["tonnes", "t"], "unit": "t", "dimension": "mass", "factor": 1.0},
])
def test_when_rules_of_one_class_are_parsed_twice_then_they_are_equal_and_still_checked(obj):
    assert parse_rule(Unit, obj) == parse_rule(Unit, dict(obj))
    with pytest.raises(RuleError):
        parse_rule(Unit, {**obj, "unit": 3})
    assert dataclasses.is_dataclass(parse_rule(Unit, obj))
