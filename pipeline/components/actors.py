"""Actors: named mentions, canonical actors, metonymy, roles, coreference (stub)."""
from pipeline.components.base import RuleComponent


class ActorsComponent(RuleComponent):
    def process(self, doc):
        doc._.depeche_mentions = []
