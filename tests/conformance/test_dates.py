"""Dates against two peers' French suites (Recognizers-Text DateTime, Duckling Time).

Every in-scope case runs (scope: scripts/conformance_dates.py, OUT_OF_SCOPE); the pass rates
must not fall below the floors measured when the extractor was built, so a regression
fails here. Duckling's negative cases must give no date at all.
"""
from __future__ import annotations

import importlib.util
import sys

import pytest

from tests.conftest import ROOT, SHARED

SCRIPT = ROOT / "scripts" / "conformance_dates.py"
# measured 2026-12-02: DateParser 66/77 0.857, DatePeriodParser 52/66 0.788,
# DateTimeModel 95/117 0.812, Duckling Time 151/167 0.904, all 364/427 = 0.852
FLOORS = {"DateParser.json": 0.83, "DatePeriodParser.json": 0.76, "DateTimeModel.json": 0.79,
          "Time.jsonl": 0.88}
FLOOR_ALL = 0.83

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not (SHARED / "data" / "duckling-fr").is_dir(), reason="../shared/data absent")]


def _module():
    spec = importlib.util.spec_from_file_location("conformance_dates", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def results(nlp):
    mod = _module()
    return mod, mod.check(nlp, mod.all_cases())


def test_when_suites_loaded_then_every_file_has_in_scope_cases(results):
    mod, res = results
    assert set(mod.rates(res)) == set(FLOORS)
    assert all(n >= 50 for _, n in mod.rates(res).values())


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_when_suite_file_runs_then_pass_rate_holds_its_floor(results, name):
    mod, res = results
    ok, n = mod.rates(res)[name]
    assert ok / n >= FLOORS[name], f"{name}: {ok}/{n}"


def test_when_all_in_scope_cases_run_then_overall_rate_holds_its_floor(results):
    mod, res = results
    ok = sum(o for o, _ in mod.rates(res).values())
    n = sum(n for _, n in mod.rates(res).values())
    assert ok / n >= FLOOR_ALL


def test_when_duckling_case_is_negative_then_no_date_is_extracted(results):
    _, res = results
    negatives = [(c.text, found) for c, ok, found in res if c.negative]
    assert negatives and all(not found for _, found in negatives)
