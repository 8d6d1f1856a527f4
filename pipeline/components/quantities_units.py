"""The unit lexicon of the quantities component (units.jsonl) compiled for look-ups around a
number: unit forms after it (`16 000 tonnes`, `3,5 millions d'euros`) and before it (`$`,
`EUR`)."""
from __future__ import annotations

import re

from pipeline.components.numbers import SPACE as _Q
from pipeline.components.numbers import SPACE_OPT as _QO
from pipeline.rules.units import Unit


# Wire copy's money shorthand: a multiplier's abbreviation, then the ISO 4217 code (`14,2 Mds
# EUR`, `350 M USD`; `2,5 Md$` is in units.jsonl as a symbol)
CODE_MULTIPLIERS = {"M": 1e6, "Md": 1e9, "Mds": 1e9, "Mrd": 1e9, "Mrds": 1e9, "md": 1e9, "mds": 1e9}
MULTIPLIED_CODE = re.compile(r"(?P<sp>[ \u00a0\u202f]?)(?P<m>" + "|".join(sorted(CODE_MULTIPLIERS, key=len, reverse=True))
                             + r")[ \u00a0\u202f](?P<u>[A-Z]{3})(?![\w])")


def multiplied_codes(units: list[Unit]) -> dict[tuple[str, str], Unit]:
    """(abbreviation, code) -> the unit of each ISO 4217 code after a multiplier's abbreviation."""
    return {(m, f): Unit(forms=(f"{m} {f}",), unit=u.unit, dimension=u.dimension, factor=factor,
                         source=f"{u.source}, multiplier abbreviation", case_sensitive=True)
            for u in units if u.dimension == "currency" and u.source == "iso4217"
            for f in u.forms for m, factor in CODE_MULTIPLIERS.items()}


class UnitLexicon:
    """The unit rules compiled to three regexes: forms after the number (any case, then
    as written), forms before it (symbols and codes)."""

    def __init__(self, units: list[Unit]):
        self.codes = multiplied_codes(units)
        self.ci: dict[str, list[Unit]] = {}
        self.cs: dict[str, list[Unit]] = {}
        before: dict[str, Unit] = {}
        for u in units:
            for f in u.forms:
                if u.position in ("after", "both"):
                    (self.cs.setdefault(f, []) if u.case_sensitive else
                     self.ci.setdefault(f.lower(), [])).append(u)
                if u.position in ("before", "both"):
                    before.setdefault(f, u)
        self.before = before
        self.after_ci = self._compile(self.ci, re.IGNORECASE)
        self.after_cs = self._compile(self.cs, 0)
        self.after_ci_de = self._compile(self.ci, re.IGNORECASE, True)
        self.after_cs_de = self._compile(self.cs, 0, True)
        self.before_re = (re.compile("(?:(?<![\\w$€£¥])|(?<=\\d))(?P<u>" + "|".join(
            re.escape(f) for f in sorted(before, key=len, reverse=True)) + ")[ \u00a0\u202f]?\\Z")
            if before else None)

    @staticmethod
    def _compile(forms: dict, flags: int, de: bool = False):
        if not forms:
            return None
        alts = "|".join(re.escape(f).replace("\\ ", "[ \u00a0\u202f]+")
                        for f in sorted(forms, key=len, reverse=True))
        de_part = rf"(?P<de>(?:de{_Q}|d['’]{_QO}))" if de else ""
        # after `de`, no elided article either (`une centaine de l'équipe` holds no litre)
        tail = r"(?![\w²³'’])" if de else r"(?![\w²³])"
        return re.compile(rf"(?P<sp>[ \u00a0\u202f]?-?){de_part}(?P<u>{alts}){tail}", flags)

    def after(self, text: str, pos: int, multiplied: bool, glued_only: bool = False, vague: bool = False):
        """(unit rule, end) of a unit form starting at text[pos] (after optional space and,
        after a multiplier or a vague amount, `de`), else None."""
        m = MULTIPLIED_CODE.match(text, pos) if not multiplied else None
        if m and (m.group("m"), m.group("u")) in self.codes and not (glued_only and m.group("sp")):
            return self.codes[m.group("m"), m.group("u")], m.end()
        best = None
        regexes = [(self.after_cs, self.cs, False), (self.after_ci, self.ci, True)]
        if multiplied or vague:  # `millions de dollars`, `millions d'euros`, `une centaine de mètres`
            regexes += [(self.after_cs_de, self.cs, False), (self.after_ci_de, self.ci, True)]
        for regex, table, fold in regexes:
            if regex is None:
                continue
            m = regex.match(text, pos)
            if not m or (glued_only and m.group("sp")):
                continue
            form = m.group("u").lower() if fold else m.group("u")
            form = re.sub(r"[ \u00a0\u202f]+", " ", form)
            rules = [u for u in table.get(form, []) if multiplied or not u.after_multiplier]
            if multiplied:
                rules.sort(key=lambda u: not u.after_multiplier)
            if rules and (best is None or m.end() > best[1]):
                best = (rules[0], m.end())
        return best

    def before_number(self, text: str, start: int):
        if self.before_re is None:
            return None
        m = self.before_re.search(text, max(0, start - 12), start)
        if not m:
            return None
        return self.before[m.group("u")], m.start("u")
