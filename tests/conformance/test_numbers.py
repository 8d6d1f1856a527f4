"""Conformance: every Recognizers-Text and Duckling number/quantity case through depeche.

The cases, their checks and the out-of-scope groups (each with its reason) live in
scripts/conformance_numbers.py, so this test and `make conformance` count the same way.
Floors sit a little under what the extractor reaches, so a regression fails here.
"""
from __future__ import annotations

import importlib.util
import sys

import pytest

from tests.conftest import ROOT, SHARED

spec = importlib.util.spec_from_file_location("conformance_numbers", ROOT / "scripts" / "conformance_numbers.py")
conformance = importlib.util.module_from_spec(spec)
sys.modules.setdefault("conformance_numbers", conformance)  # dataclasses look their module up
spec.loader.exec_module(conformance)

pytestmark = pytest.mark.skipif(not (SHARED / "data" / "recognizers-text-fr").is_dir(),
                                reason="../shared/data is not there")

# suite -> lowest acceptable pass rate over its in-scope cases. Measured 1.000 on every suite
# (2026-12-02); each floor lets one case fail, no more.
FLOORS = {
    "NumberModel.json": 0.99, "PercentModel.json": 0.96, "NumberRangeModel.json": 0.97,
    "CurrencyModel.json": 0.98, "DimensionModel.json": 0.97, "AgeModel.json": 0.92,
    "TemperatureModel.json": 0.96, "Numeral.jsonl": 0.97, "AmountOfMoney.jsonl": 0.96,
    "Distance.jsonl": 0.9, "Volume.jsonl": 0.9, "Temperature.jsonl": 0.93,
}
# most cases of each suite must stay in scope: excluding more is no way to pass
MIN_IN_SCOPE = 0.6


@pytest.fixture(scope="module")
def results(nlp):
    return conformance.run(nlp)


@pytest.mark.slow
@pytest.mark.parametrize("suite", sorted(FLOORS))
def test_when_conformance_suite_then_pass_rate_above_floor(results, suite):
    passed, in_scope, out = conformance.rates(results)[suite]
    failures = [c.text[:80] for c, reason, ok, _ in results if c.suite == suite and not reason and not ok]
    assert in_scope and passed / in_scope >= FLOORS[suite], failures


@pytest.mark.slow
def test_when_out_of_scope_then_a_minority_with_a_reason(results):
    rates = conformance.rates(results)
    total_in = sum(r[1] for r in rates.values())
    total = sum(r[1] + r[2] for r in rates.values())
    assert total_in / total >= MIN_IN_SCOPE
    assert all(reason for reason, _, _ in conformance.OUT_OF_SCOPE)


def test_when_case_checked_then_value_unit_and_span_all_count():
    case = conformance.Case("x", "currency", "il paie 20 euros", [{"text": "20 euros", "start": 8, "end": 16,
                                                                    "value": 20.0, "unit": "EUR"}])
    right = {"start": 8, "end": 16, "value": 20.0, "low": 20.0, "high": 20.0, "qualifier": "exact", "unit": "EUR"}
    assert conformance.check(case, [right])
    assert not conformance.check(case, [{**right, "value": 21.0}])
    assert not conformance.check(case, [{**right, "unit": "USD"}])
    assert not conformance.check(case, [{**right, "start": 0, "end": 3}])
    assert not conformance.check(case, [])


def test_when_duckling_negative_then_finding_something_fails():
    case = conformance.Case("x", "number", "trente", [{"text": "trente", "start": 0, "end": 6, "value": 30.0}],
                            negative=True, bare=True)
    assert not conformance.check(case, None, 30.0)
    assert conformance.check(case, None, None)
