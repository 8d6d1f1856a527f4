"""Quantities: numbers with qualifiers, units and counted items (stub)."""
from pipeline.components.base import RuleComponent


class QuantitiesComponent(RuleComponent):
    def process(self, doc):
        doc._.depeche_quantities = []
