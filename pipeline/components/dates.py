"""Dates: calendar expressions as TIMEX3 values (stub)."""
from pipeline.components.base import RuleComponent


def resolve(item: dict, article_date: str) -> str:
    """The TIMEX3 value of a depeche_dates item against the article date ('' if unknown)."""
    return item.get("value") or ""


class DatesComponent(RuleComponent):
    def process(self, doc):
        doc._.depeche_dates = []
