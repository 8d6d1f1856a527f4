"""Language of an article's body, by py3langid (a maintained fork of langid.py).

Short bodies are not judged: detectors are unreliable there (PITFALLS).
"""
from __future__ import annotations

MIN_CHARS = 120
SAMPLE_CHARS = 3000


def detect(body: str) -> tuple[str, float]:
    """(language code, probability) or ('', 0.0) when the body is too short to judge."""
    sample = " ".join(body[:SAMPLE_CHARS].split())
    if sum(c.isalpha() for c in sample) < MIN_CHARS:
        return "", 0.0
    lang, prob = _identifier().classify(sample)
    return lang, round(float(prob), 3)


_IDENT = None


def _identifier():
    global _IDENT
    if _IDENT is None:
        from py3langid.langid import _load_identifier
        _IDENT = _load_identifier(norm_probs=True)
    return _IDENT
