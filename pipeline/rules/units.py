"""Unit lexicon: surface forms of units of measure and currencies (models/*/depeche_quantities/units.jsonl)."""
from __future__ import annotations

from dataclasses import dataclass, field

DIMENSIONS = ("percent", "currency", "length", "mass", "area", "volume", "temperature", "energy",
              "power", "speed", "time", "data", "other")


@dataclass(frozen=True)
class Unit:
    """forms: as written (`euros`, `€`, `EUR`, `millions d'euros` is a multiplier + `euros`);
    unit: normalised symbol (`EUR`, `%`, `km`, `t`); dimension: one of DIMENSIONS;
    factor: multiply the value by this to express it in `unit` (`mètres` in `km`? no: each
    form keeps its own unit; factor is for forms like `milliers de tonnes`); source:
    `curated` or `learned:<article_id>`."""
    forms: tuple
    unit: str
    dimension: str
    factor: float = 1.0
    source: str = ""

    def validate(self) -> str:
        if self.dimension not in DIMENSIONS:
            return f"dimension {self.dimension!r} is not one of {DIMENSIONS}"
        if not self.forms or not self.unit:
            return "forms and unit must not be empty"
        return ""
