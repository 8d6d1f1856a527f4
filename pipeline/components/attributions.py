"""Attributions: who said, claimed or denied what (stub)."""
from pipeline.components.base import RuleComponent


class AttributionsComponent(RuleComponent):
    def process(self, doc):
        doc._.depeche_attributions = []
