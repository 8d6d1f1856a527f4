"""French numerals in running text: where they are and what they are worth (no spaCy needed).

`find_numerals(text)` scans a text once, left to right, and returns every numeral it reads:

- digits with French thousands separators (`16 000` with a space, U+00A0 or U+202F, `1.000`),
  a decimal comma (`3,5`), a sign (`-4`), and a multiplier word (`3,5 millions`, `10 mille`);
- number words, read by text2num (`vingt-trois`, `deux cent deux mille`, `trois millions`);
- fractions: `deux tiers`, `un quart`, `trois cinquièmes`, `la moitié`, `3 millions et demi`;
- vague amounts: `une dizaine` (approx 10), `des centaines` (min 200), `plusieurs milliers de`
  `milliards` (min 2e12), `trois douzaines` (36).

`parse_numeral(s)` reads one whole string as a numeral (None if it is not one). What a number
means in context (a date, a name, an ordinal, a quantity with a unit) is decided by
`components.quantities`, not here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from text_to_num import text2num

SEP = "[ \u00a0\u202f]"  # French thousands separators (and `.` handled apart)
SPACE = "[ \u00a0\u202f]+"
SPACE_OPT = "[ \u00a0\u202f]*"

_UNITS = ("zéro|zero|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|"
          "quinze|seize|vingts?|trente|quarante|cinquante|soixante|septante|huitante|octante|nonante|"
          "cents?|mille")
MULTIPLIERS = {"mille": 1e3, "million": 1e6, "millions": 1e6, "milliard": 1e9, "milliards": 1e9,
               "billion": 1e12, "billions": 1e12, "trillion": 1e18, "trillions": 1e18}
_MULT = "millions?|milliards?|billions?|trillions?"
# a run of number words: `vingt et un`, `quatre-vingt-dix-neuf`, `deux cent deux mille`
WORD = rf"(?:{_UNITS}|{_MULT})"
# `et` joins only before un/une/onze (`vingt et un`, `soixante et onze`): `un et un demi` is 1.5
WORDS = rf"\b{WORD}(?:(?:{SPACE}et{SPACE}(?=(?:un|une|onze)\b)|-et-|-|{SPACE}){WORD})*\b"

# (Swiss copy groups thousands with an apostrophe: `1'250'000`)
DIGITS = (r"(?:\d{1,3}(?:" + SEP + r"\d{3})+(?!\d)|\d{1,3}(?:\.\d{3})+(?![\d.])|\d{1,3}(?:['’]\d{3})+(?![\d'’])"
          r"|\d+(?:\.\d+)?)(?:,\d+)?")
SIGN = r"(?:[-−–]" + SEP + r"?)"

# denominators of fractions
DENOMINATORS = {"demi": 2, "demie": 2, "demis": 2, "demies": 2, "tiers": 3, "quart": 4, "quarts": 4}
_ORDINAL_FRACTION = r"[a-zé-]+i[eè]mes?"
_DENOM = rf"(?:demie?s?|tiers|quarts?|{_ORDINAL_FRACTION})"

# vague amounts: noun -> its value
APPROX_NOUNS = {"dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30,
                "quarantaine": 40, "cinquantaine": 50, "soixantaine": 60, "centaine": 100,
                "millier": 1000}
PLURAL_NOUNS = {"dizaines": 10, "douzaines": 12, "centaines": 100, "milliers": 1000,
                "millions": 1e6, "milliards": 1e9}
_APPROX = "|".join(APPROX_NOUNS)
_PLURAL = "|".join(PLURAL_NOUNS)

# Every branch starts after a non-word character (`\b` before a word, the digits' lookbehind):
# the leading (?<!\w) says so once, so the scan skips positions inside words without trying the
# seven branches there (same matches; twice as fast over winer-fr).
_MASTER = re.compile(
    r"(?<!\w)(?:" + "|".join([
        # `des centaines de milliers`, `plusieurs milliards`, `par milliers`, `les millions de`
        rf"(?P<vague_many>\b(?:des|de|les|ces|plusieurs|quelques|par){SPACE}(?P<vm1>{_PLURAL})"
        rf"(?:{SPACE}de{SPACE}(?P<vm2>milliers|millions|milliards))?\b)",
        # `une vingtaine`, `un millier`, `une demi-douzaine`
        rf"(?P<vague_one>\b(?:une?){SPACE}(?:(?P<half>demi)-)?(?P<vo>{_APPROX})"
        rf"(?:{SPACE}de{SPACE}(?P<vo2>millions|milliards))?\b)",
        # `la moitié`, `l'autre moitié`
        r"(?P<half_of>\b(?:la|l['’]autre|une)" + SPACE + r"moitié\b)",
        # `le million de`, `du milliard de`: one million
        rf"(?P<one_mult>\b(?:le|du|au){SPACE}(?P<om>million|milliard)(?={SPACE}d(?:e\b|['’])))",
        # `un demi-million`
        rf"(?P<half_mult>\b(?:un{SPACE})?demi(?:-|{SPACE})(?P<hm>million|milliard)\b)",
        # digits: `-16 000`, `3,5 millions`, `10 mille`
        rf"(?P<digits>(?<![\w.,/=@:-]){SIGN}?(?P<dnum>{DIGITS}|(?<![\d]),\d+)(?![\d/])"
        rf"(?:{SPACE_OPT}(?P<dmult>{_MULT}|mille)\b)?)",
        rf"(?P<words>{WORDS})",
    ]) + ")",
    re.IGNORECASE,
)
# what may follow a numeral and change its value
_AND_HALF = re.compile(rf"{SPACE}et{SPACE}(?:(?P<n>{WORDS}){SPACE})?(?P<d>{_DENOM})\b", re.IGNORECASE)
_FRACTION_AFTER = re.compile(rf"(?:{SPACE}|-)(?P<d>{_DENOM})\b", re.IGNORECASE)
_NOUN_NEXT = re.compile(rf"{SPACE}(?!de\b|des\b|du\b|d['’]|et\b|ou\b)[a-zàâçéèêëîïôûùüÿœ]", re.IGNORECASE)
_PLURAL_AFTER = re.compile(rf"{SPACE}(?P<n>douzaines?|dizaines|centaines|milliers)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Numeral:
    """A numeral as read: character span, value, and the qualifier its own words imply
    (`une dizaine` approx, `des milliers` min), `multiplied` when a multiplier word
    (`millions`) is part of it, `words` when written in letters; rule names the pattern."""
    start: int
    end: int
    value: float
    qualifier: str = "exact"
    multiplied: bool = False
    words: bool = False
    rule: str = ""


def parse_digits(s: str) -> float | None:
    """`16 000` -> 16000, `1.000` -> 1000, `3,5` -> 3.5, `-4` -> -4, `,08` -> 0.08."""
    s = s.strip()
    neg = s[:1] in "-−–"
    if neg:
        s = s[1:].strip()
    s = re.sub(SEP, "", s)
    if re.fullmatch(r"\d{1,3}(?:['’]\d{3})+(?:,\d+)?", s):
        s = re.sub("['’]", "", s)
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", s):
        s = s.replace(".", "")
    s = s.replace(",", ".")
    try:
        v = float(s)
    except ValueError:
        return None
    return -v if neg else v


def parse_words(s: str) -> float | None:
    """`vingt et un` -> 21, `deux cent deux mille` -> 202000 (text2num), `zero` -> 0."""
    norm = re.sub(r"[\s\u00a0\u202f]+", " ", s.strip().lower()).replace("zero", "zéro")
    if not norm:
        return None
    try:
        return float(text2num(norm, "fr"))
    except ValueError:
        pass
    # a multiplier text2num refuses (`vingt et un trillions`): number times multiplier
    m = re.fullmatch(rf"(.+?) ({_MULT})(?: (.+))?", norm)
    if m:
        head, tail = parse_words(m.group(1)), parse_words(m.group(3)) if m.group(3) else 0.0
        if head is not None and tail is not None:
            return head * MULTIPLIERS[m.group(2)] + tail
    return None


def denominator(word: str) -> float | None:
    """`tiers` -> 3, `quarts` -> 4, `cinquième(s)` -> 5, `vingt-et-unième` -> 21."""
    w = word.lower()
    if w in DENOMINATORS:
        return DENOMINATORS[w]
    m = re.fullmatch(r"(.+?)i[eè]mes?", w)
    if not m:
        return None
    stem = m.group(1)
    if stem in MULTIPLIERS or stem + "s" in MULTIPLIERS or stem == "mill":
        return MULTIPLIERS.get(stem, 1e3)
    stem = {"cinqu": "cinq", "neuv": "neuf", "un": "un", "premi": "un"}.get(stem, stem)
    stem = re.sub(r"cinqu$", "cinq", re.sub(r"neuv$", "neuf", stem))
    for cand in (stem, stem + "e", stem + "s"):
        v = parse_words(cand.replace("-", " "))
        if v:
            return v
    return None


def _numeral_value(m: re.Match) -> tuple[float | None, bool]:
    """Value of a `digits` or `words` match and whether a multiplier word is in it."""
    if m.group("digits"):
        v = parse_digits(m.group("dnum")) if m.group("dnum") else None
        if v is None:
            return None, False
        sign = m.group("digits").lstrip()[:1]
        if sign in "-−–":
            v = -v
        mult = m.group("dmult")
        if mult:
            return v * MULTIPLIERS[mult.lower()], True
        return v, False
    text = m.group("words")
    v = parse_words(text)
    multiplied = bool(re.search(rf"\b(?:{_MULT})\b", text, re.IGNORECASE))
    return v, multiplied


def _trim_words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a run of number words that text2num cannot read as one number into the longest
    readable pieces (`vingt et un ou vingt-deux` is cut before, but `dix vingt` is two)."""
    pieces = []
    tokens = [(t.start() + start, t.end() + start) for t in re.finditer(r"[^\s\u00a0\u202f]+", text[start:end])]
    i = 0
    while i < len(tokens):
        best = None
        for j in range(len(tokens), i, -1):
            s, e = tokens[i][0], tokens[j - 1][1]
            if parse_words(text[s:e]) is not None and not text[s:e].lower().endswith(" et"):
                best = j
                break
        if best is None:
            i += 1
            continue
        pieces.append((tokens[i][0], tokens[best - 1][1]))
        i = best
    return pieces


def find_numerals(text: str) -> list[Numeral]:
    """Every numeral of `text`, in text order, not overlapping."""
    out: list[Numeral] = []
    pos = 0
    n = len(text)
    while pos < n:
        m = _MASTER.search(text, pos)
        if not m:
            break
        kind = m.lastgroup
        start, end = m.start(kind), m.end(kind)
        pos = end
        if kind == "vague_many":
            v = PLURAL_NOUNS[m.group("vm1").lower()] * 2
            if m.group("vm2"):
                v *= MULTIPLIERS.get(m.group("vm2").lower(), 1e3 if m.group("vm2").lower() == "milliers" else 1)
            out.append(Numeral(start, end, v, "min", True, True, "vague_plural"))
            continue
        if kind == "vague_one":
            v = APPROX_NOUNS[m.group("vo").lower()] * (0.5 if m.group("half") else 1)
            if m.group("vo2"):   # `une dizaine de millions`
                v *= MULTIPLIERS[m.group("vo2").lower()]
            out.append(Numeral(start, end, v, "approx", bool(m.group("vo2")), True, "vague_one"))
            continue
        if kind == "half_of":
            out.append(Numeral(start, end, 0.5, "exact", False, True, "fraction_half"))
            continue
        if kind == "one_mult":
            out.append(Numeral(m.start("om"), end, MULTIPLIERS[m.group("om").lower()], "exact", True, True,
                               "multiplier_alone"))
            continue
        if kind == "half_mult":
            out.append(Numeral(start, end, MULTIPLIERS[m.group("hm").lower()] / 2, "exact", True, True,
                               "half_multiplier"))
            continue
        if kind == "words":
            pieces = [(start, end)]
            if parse_words(text[start:end]) is None:
                pieces = _trim_words(text, start, end)
            for s, e in pieces:
                if out and s < out[-1].end:
                    continue
                out.extend(_complete(text, s, e, parse_words(text[s:e]),
                                     bool(re.search(rf"\b(?:{_MULT})\b", text[s:e], re.IGNORECASE)),
                                     True, "words"))
            if pieces:
                pos = max(pos, out[-1].end) if out else pos
            continue
        v, multiplied = _numeral_value(m)
        if v is None:
            continue
        sign = re.match(rf"[-−–]{SEP}", text[start:end])
        if sign and text[:start].rstrip()[-1:].isalnum():
            # `75 - 300 mm`: a dash between two numbers, not a sign
            start, v = start + sign.end(), -v
        got = _complete(text, start, end, v, multiplied, False, "digits")
        out.extend(got)
        if got:
            pos = max(pos, got[-1].end)
    return out


def _complete(text: str, start: int, end: int, v: float | None, multiplied: bool, words: bool,
              rule: str) -> list[Numeral]:
    """Extend a numeral by what follows and changes its value: a fraction denominator
    (`deux tiers`), `et demi`, `douzaines`."""
    if v is None:
        return []
    m = _FRACTION_AFTER.match(text, end)
    if m and not multiplied:
        d = denominator(m.group("d"))
        # `un cinquième`, `trois quarts`; not `vingt premières` (ordinal) nor `le 2e`
        ordinal = m.group("d").lower() not in DENOMINATORS
        # an ordinal before its noun is a rank: `un troisième tour`, `une troisième remontée`
        rank = ordinal and (text[start:end].lower() == "une" or re.fullmatch(r"(?:premi|deuxi).*", m.group("d").lower())
                            or _NOUN_NEXT.match(text, m.end()))
        if d and (not ordinal or words) and not rank:
            return [Numeral(start, m.end(), v / d, "exact", False, words, rule + "_fraction")]
    m = _PLURAL_AFTER.match(text, end)
    if m and not multiplied:
        word = m.group("n").lower()
        base = 12 if word.startswith("douzaine") else PLURAL_NOUNS[word]
        return [Numeral(start, m.end(), v * base, "exact", True, words, rule + "_times")]
    m = _AND_HALF.match(text, end)
    if m:
        d = denominator(m.group("d"))
        num = parse_words(m.group("n")) if m.group("n") else 1.0
        if not d or num is None:
            return [Numeral(start, end, v, "exact", multiplied, words, rule)]
        frac = num / d
        # `3 millions et demi` -> 3.5 millions; `un et demi` -> 1.5
        scale = 1.0
        if multiplied:
            mult = re.search(rf"({_MULT}|mille)\s*$", text[start:end], re.IGNORECASE)
            scale = MULTIPLIERS[mult.group(1).lower()] if mult else 1.0
        return [Numeral(start, m.end(), v + frac * scale, "exact", multiplied, words, rule + "_and_fraction")]
    return [Numeral(start, end, v, "exact", multiplied, words, rule)]


def parse_numeral(s: str) -> float | None:
    """The value of `s` if the whole string is one numeral (surrounding spaces allowed)."""
    stripped = s.strip()
    m = re.match(rf"moins{SPACE}(?=\d)", stripped, re.IGNORECASE)
    if m:  # `moins 5`: a sign written as a word
        v = parse_numeral(stripped[m.end():])
        return -v if v is not None else None
    found = find_numerals(stripped)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(stripped):
        return found[0].value
    return None
