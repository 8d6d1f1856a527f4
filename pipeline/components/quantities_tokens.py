"""The tokens around a number, read for the quantities component: the token at a character, the
noun it counts (`conteneurs`, `de blé`), whether `un` / `une` counts one beside counted nouns, and
the actor the number belongs to (the subject of the verb governing it)."""
from __future__ import annotations

import re

from spacy.tokens import Doc

MONTHS = ("janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|"
          "décembre|decembre|janv\\.|févr\\.|fév\\.|avr\\.|juil\\.|sept\\.|oct\\.|nov\\.|déc\\.")
ARTICLE_WORDS = {"un", "une"}


def token_at(doc: Doc, text: str, char: int):
    """The token that starts at or after `char` (skipping spaces), else None. `text` is
    doc.text, passed along because Doc.text joins every token at each call."""
    n = len(text)
    while char < n and text[char] in " \u00a0\u202f\n\t":
        char += 1
    span = doc.char_span(char, min(n, char + 1), alignment_mode="expand")
    if span is None or not len(span):
        return None
    return span[0]


def token_before(doc: Doc, text: str, char: int):
    while char > 0 and text[char - 1] in " \u00a0\u202f\n\t":
        char -= 1
    if char <= 0:
        return None
    span = doc.char_span(char - 1, char, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def is_noun(doc: Doc, tok) -> bool:
    if tok is None or not tok.is_alpha:
        return False
    if tok.pos_:  # tagged (a blank pipeline has no POS: fall back on the case)
        # (a plural the tagger calls an adjective: as an argument, or qualifying the number itself,
        # `de 63,42 points` read as number + adjective)
        return tok.pos_ == "NOUN" or (tok.pos_ in ("ADJ", "VERB") and tok.lower_.endswith(("s", "x"))
                                      and (tok.dep_ in ("obj", "nsubj", "nmod", "obl", "conj")
                                           or tok.dep_ == "amod" and tok.head.i == tok.i - 1 and tok.head.like_num
                                           and tok.lower_ not in _SKIP_BEFORE_NOUN))
    return tok.is_lower


def lemma_of(tok) -> str:
    lemma = tok.lemma_ or tok.lower_
    return lemma.lower()


_SKIP_BEFORE_NOUN = {"autres", "autre", "premiers", "premières", "derniers", "dernières", "nouveaux",
                     "nouvelles", "principaux", "principales", "grands", "grandes", "petits", "petites",
                     "seuls", "seules", "bons", "bonnes", "gros", "grosses", "jeunes", "vieux",
                     "anciens", "anciennes", "vrais", "vraies", "longues", "longs", "courtes", "prochains",
                     "prochaines", "précédents", "précédentes", "meilleurs", "meilleures", "mêmes"}


def counted_beside(tok) -> bool:
    """Is `un` / `une` the determiner of a noun coordinated, right next to it, with a counted one
    (`deux femmes et un homme`, `un homme et deux femmes`)? Then it counts one, as its neighbour
    counts its own. Next to it: the parse also joins far phrases (`trois triathlètes … et une avance`)."""
    if tok is None or tok.dep_ != "det" or tok.i + 1 >= len(tok.doc):
        return False
    doc, noun = tok.doc, tok.head
    if doc[tok.i + 1].lower_ in ("autre", "seconde") or "Ord" in doc[tok.i + 1].morph.get("NumType"):
        return False  # `une autre française`, `une troisième bombe`: no count
    if tok.i >= 2 and noun.dep_ == "conj" and doc[tok.i - 1].lower_ in _AND:   # `deux femmes et un homme`
        other = noun.head
        if other.pos_ in ("NOUN", "PROPN") and other.i < tok.i - 1 and doc[tok.i - 2] in other.subtree:
            return _counted(other)
    after = max([noun.i] + [c.right_edge.i for c in noun.children      # `un homme et deux femmes`
                            if c.i > noun.i and c.dep_ not in ("conj", "cc", "punct")]) + 1
    if after + 1 < len(doc) and doc[after].lower_ in _AND:
        nxt = doc[after + 1]
        return nxt.dep_ == "nummod" and nxt.head.dep_ == "conj" and nxt.head.head == noun and _counted(nxt.head)
    return False


_AND = {"et", "ou"}


def _counted(noun) -> bool:
    return any(c.dep_ == "nummod" and c.like_num and c.lower_ not in ARTICLE_WORDS for c in noun.children)


def noun_after(doc: Doc, text: str, pos: int, through_de: bool):
    """(lemma, end char) of the counted noun at text[pos:] (`conteneurs`, `autres prétendants`,
    and with through_de `de blé`, `des suffrages`, `d'euros`), else None."""
    tok = token_at(doc, text, pos)
    if tok is None:
        return None
    if through_de:
        if tok.lower_ in ("de", "d'", "d’", "des", "du") and tok.i + 1 < len(doc):
            nxt = doc[tok.i + 1]
            if nxt.lower_ in ("la", "l'", "l’", "les", "ces", "leurs", "leur", "ses", "nos", "vos") \
                    and tok.i + 2 < len(doc):
                nxt = doc[tok.i + 2]
            if is_noun(doc, nxt):
                return lemma_of(nxt), nxt.idx + len(nxt.text)
        return None
    if tok.lower_ in _SKIP_BEFORE_NOUN and tok.i + 1 < len(doc):
        nxt = doc[tok.i + 1]
        if is_noun(doc, nxt):
            return lemma_of(nxt), nxt.idx + len(nxt.text)
    if is_noun(doc, tok) and not re.fullmatch(MONTHS, tok.lower_):
        return lemma_of(tok), tok.idx + len(tok.text)
    return None


def actor_of(doc: Doc, text: str, start: int, mentions: list[dict]) -> str:
    """actor_id of the mention that is the subject of the verb governing the number."""
    if not mentions:
        return ""
    tok = token_at(doc, text, start)
    if tok is None or not tok.dep_:
        return ""
    verb = tok
    for _ in range(8):
        if verb.pos_ in ("VERB", "AUX") or verb.dep_ == "ROOT":
            break
        verb = verb.head
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass", "obl:agent")]
    if not subjects and verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
        subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubj:pass")]
    for subj in subjects:
        s, e = subj.idx, subj.idx + len(subj.text)
        lo = subj.left_edge.idx
        hi = subj.right_edge.idx + len(subj.right_edge.text)
        best = None
        for m in mentions:
            if not m.get("actor_id"):
                continue
            if m["start"] < e and s < m["end"]:
                return m["actor_id"]
            if m["start"] < hi and lo < m["end"] and best is None:
                best = m["actor_id"]
        if best:
            return best
    return ""
