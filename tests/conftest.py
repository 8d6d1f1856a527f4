"""Shared fixtures: the full pipeline loaded once per test session (per xdist worker)."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_667068d4754ea0a6.txt"
GOLD = SHARED / "gold"
WINER = SHARED / "data" / "winer-fr" / "docs.jsonl"


@pytest.fixture(scope="session")
def nlp():
    from pipeline import nlp as nlp_mod
    return nlp_mod.load(None)


@pytest.fixture(scope="session")
def seed_text():
    return SEED.read_text(encoding="utf-8")
