"""Language of an article's body, by py3langid (a maintained fork of langid.py).

The detector is asked to choose among the languages a French news feed meets (LANGUAGES), not
its 97: on short text the rare ones (Latin, Occitan, Breton…) take French sentences. A body with
fewer than MIN_LETTERS letters is not judged (language left empty): below that, py3langid is not
reliable on news sentences. MIN_LETTERS comes from scripts/measure_lang.py (figures in the README).
"""
from __future__ import annotations

MIN_LETTERS = 40
SAMPLE_CHARS = 3000
LANGUAGES = ("fr", "en", "es", "de", "it", "pt", "nl", "ca", "ro", "pl", "ru", "ar", "zh", "ja", "tr")


def detect(body: str) -> tuple[str, float]:
    """(language code, probability) or ('', 0.0) when the body is too short to judge."""
    sample = " ".join(body[:SAMPLE_CHARS].split())
    if sum(c.isalpha() for c in sample) < MIN_LETTERS:
        return "", 0.0
    return classify(sample)


def classify(text: str, restricted: bool = True) -> tuple[str, float]:
    """(language code, probability) of `text` whatever its length (scripts/measure_lang.py)."""
    lang, prob = _identifier(restricted).classify(text)
    return lang, round(float(prob), 3)


_IDENT: dict[bool, object] = {}


def _identifier(restricted: bool):
    if restricted not in _IDENT:
        from py3langid.langid import _load_identifier
        ident = _load_identifier(norm_probs=True)
        if restricted:
            ident.set_languages(list(LANGUAGES))
        _IDENT[restricted] = ident
    return _IDENT[restricted]
