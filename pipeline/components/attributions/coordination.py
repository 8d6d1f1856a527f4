"""Where one content holds two clauses: `et` joining two clauses with their own subjects (one
attribution each, ANNOTATION.md), and `et`/`mais` joining a second predicate of the speaker to
the cue's (the content ends before it); and names coordinated as one speaker
(`coordinated_names`: `l'Allemagne, la France et l'Italie`)."""
from __future__ import annotations

from pipeline.components.attributions.context import SENT_END, Ctx, norm


def coordinated_clause(ctx: Ctx, j: int, start: int):
    """The finite verb (or the head of its copula) of a clause that `et` at token j joins, with its
    own subject, to a clause of the same content (`le pont est fermé et les routes sont coupées`,
    `« A » et le ministre doit « B »`), else None. Two attributions (ANNOTATION.md: coordinated
    clauses give one each)."""
    if ctx.in_quote[j] >= 0 or j + 2 >= ctx.n or ctx.tok(j - 1).text == ",":
        return None
    if not any(ctx.tok(x).pos_ in ("VERB", "AUX") and "Fin" in ctx.tok(x).morph.get("VerbForm")
               for x in range(start, j)):
        return None
    s = ctx.tok(j + 1)
    subj = next((x for x in [s, *s.ancestors] if x.dep_ in ("nsubj", "nsubj:pass")), None)
    if subj is None or subj.left_edge.i not in (j, j + 1) or subj.morph.get("PronType") == ["Rel"] or subj.head.i <= subj.i \
            or subj.head.i - j > 15 or any(ctx.tok(x).text in SENT_END for x in range(j, subj.head.i)):
        v = _subject_then_verb(ctx, j + 1)
        return v if v is not None and _verb_since_comma(ctx, start, j) else None
    v = subj.head
    finite = "Fin" in v.morph.get("VerbForm") or any(
        a.dep_.startswith("aux") and "Fin" in a.morph.get("VerbForm") for a in v.children) or any(
        c.dep_ == "cop" and "Fin" in c.morph.get("VerbForm") for c in v.children)
    return v if finite else None


def _subject_then_verb(ctx: Ctx, k: int):
    """By the words, where the parse gives no subject: a noun phrase opening at token k (a
    determiner, then nouns, adjectives and their `de` complements) right before a finite verb:
    that verb, else None."""
    if ctx.tok(k).pos_ != "DET":
        return None
    for x in range(k + 1, min(ctx.n, k + 10)):
        t = ctx.tok(x)
        if t.pos_ in ("VERB", "AUX"):
            if "Fin" not in t.morph.get("VerbForm") or x == k + 1:
                return None
            nxt = next((y for y in ctx.doc[x + 1:min(ctx.n, x + 4)] if y.pos_ != "ADV"), None)
            return nxt if t.pos_ == "AUX" and nxt is not None and nxt.morph.get("VerbForm") == ["Part"] else t
        if t.pos_ not in ("NOUN", "PROPN", "ADJ", "DET", "ADP") and t.text not in ("-", "'"):
            return None
    return None


def _verb_since_comma(ctx: Ctx, start: int, j: int) -> bool:
    """A finite verb between the last comma before token j (or `start`) and j: `et` closes a
    clause, not a list of noun phrases (`la température, la gravité et les niveaux seront …`)."""
    k = j - 1
    while k >= start and ctx.tok(k).text != ",":
        if ctx.tok(k).pos_ in ("VERB", "AUX") and "Fin" in ctx.tok(k).morph.get("VerbForm"):
            return True
        k -= 1
    return False


def split_coordinated(ctx: Ctx, span: tuple[int, int]) -> list[tuple[int, int]]:
    """A content before its cue (`A et B, a déclaré X`, `A et B, selon X`) cut into its
    coordinated clauses (coordinated_clause), else [span]."""
    toks = ctx.doc.char_span(*span, alignment_mode="expand")
    if toks is None:
        return [span]
    out, seg = [], toks.start
    for x in range(toks.start + 1, toks.end - 2):
        if norm(ctx.tok(x)) == "et" and coordinated_clause(ctx, x, seg) is not None:
            out.append((ctx.tok(seg).idx, ctx.tok(x - 1).idx + len(ctx.tok(x - 1).text)))
            seg = x + 1
    if not out:
        return [span]
    out.append((ctx.tok(seg).idx, span[1]))
    return out


def speaker_participle(ctx: Ctx, j: int, start: int) -> bool:
    """Does the conjunction at j join a bare past participle (no auxiliary of its own) to the cue's
    compound tense, not to the content (`a affirmé que « A » et rendu hommage à …`, `s'est engagée
    à construire une école et annoncé un plan`)? The cue has its auxiliary before the content, the
    content none its participle could share, and the participle takes a complement (not an
    adjective closing the content: `que la ville est détruite et abandonnée`). (The surface reading
    of objects.shared_auxiliary, for a participle the parse often links to the content's verb.)"""
    k = j + 1
    while k < ctx.n and k - j <= 3 and (ctx.tok(k).pos_ == "ADV" or ctx.tok(k).dep_ == "fixed"):
        k += 1
    if k + 1 >= ctx.n:
        return False
    v, nxt = ctx.tok(k), ctx.tok(k + 1)
    m = v.morph
    if v.pos_ != "VERB" or m.get("VerbForm") != ["Part"] or m.get("Tense") != ["Past"] \
            or nxt.is_punct and k + 1 not in ctx.open_tok or norm(nxt) == "par":
        return False
    if "Fem" in m.get("Gender") or "Plur" in m.get("Number"):
        return v.dep_ == "conj" and v.head.i < start  # an agreeing participle: only on the parse's word
    if any(ctx.tok(x).dep_.startswith("aux") for x in range(start, j)):
        return False
    lo = ctx.sent_start(start)
    return any(ctx.tok(x).dep_.startswith("aux") and ctx.tok(x).head.i < start for x in range(lo, start))


def coordinated_names(ctx: Ctx, named: list[dict], listed: bool = True) -> list[dict]:
    """Two or more distinct actors named one after the other with only commas, `et` and
    determiners between them (`l'Allemagne, la France et l'Italie`), else []. With `listed`, the
    last two are joined by `et` (`ainsi que`): `RMC, Jérôme Rothen` and `Conmebol, la
    Confédération …` are one speaker and its apposition."""
    named = sorted(named, key=lambda m: m["start"])
    if len({m["actor_id"] for m in named}) < 2:
        return []
    gap = []
    for m, n in zip(named, named[1:]):
        gap = ctx.text[m["end"]:n["start"]].lower().replace("’", "'").split()
        if not gap or any(w.strip(",") not in ("", "et", "la", "le", "les", "l'", "ainsi", "que") and not w.startswith("l'")
                          for w in gap) or not any(w.strip() in (",", "et", "ainsi") or w.endswith(",") for w in gap):
            return []
    if listed and not any(w.strip(",") in ("et", "ainsi") for w in gap):
        return []
    seen, out = set(), []
    for m in named:
        if m["actor_id"] not in seen:
            seen.add(m["actor_id"])
            out.append(m)
    return out
