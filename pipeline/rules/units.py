"""Unit lexicon: surface forms of units of measure and currencies (models/*/depeche_quantities/units.jsonl)."""
from __future__ import annotations

from dataclasses import dataclass

DIMENSIONS = ("percent", "currency", "length", "mass", "area", "volume", "temperature", "energy",
              "power", "speed", "time", "data", "other")
POSITIONS = ("after", "before", "both")


@dataclass(frozen=True)
class Unit:
    """forms: as written (`euros`, `€`, `EUR`, `millions d'euros` is a multiplier + `euros`);
    unit: normalised symbol (`EUR`, `%`, `km`, `t`); dimension: one of DIMENSIONS;
    factor: multiply the value by this to express it in `unit` (`mètres` in `km`? no: each
    form keeps its own unit; factor is for forms like `milliers de tonnes`); source:
    `curated` or `learned:<article_id>`.
    case_sensitive: match the forms as written only (symbols and codes: `EUR`, `t`, `m`);
    position: where the form stands relative to the number (`20 €` after, `$10` before, `EUR 20`
    both); after_multiplier: the form is a unit only after a multiplier (`millions de livres`
    is money, `deux livres` may be books)."""
    forms: tuple[str, ...]
    unit: str
    dimension: str
    factor: float = 1.0
    source: str = ""
    case_sensitive: bool = False
    position: str = "after"
    after_multiplier: bool = False

    def validate(self) -> str:
        if self.dimension not in DIMENSIONS:
            return f"dimension {self.dimension!r} is not one of {DIMENSIONS}"
        if not self.forms or not self.unit:
            return "forms and unit must not be empty"
        if self.position not in POSITIONS:
            return f"position {self.position!r} is not one of {POSITIONS}"
        return ""
