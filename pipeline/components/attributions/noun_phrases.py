"""Noun phrases around a cue, by word order and the parse: left of a position (`np_left`),
right of it (`np_right`, with a quoted title as one noun), the slug a phrase's name gives
(`name_slug`), whether a noun heads a phrase (`noun_headed`), a group's head (`group_head`)
a surname after its particle (`particled`) and the phrase a plural pronoun takes up
(`pronoun_antecedent`), or `il` / `elle` when no name is near (`described_subject`). speakers.py
chooses among them; speaker_actors.py links them to actors."""
from __future__ import annotations

from typing import Optional

from pipeline.components.attributions.complements import describes_person
from pipeline.components.attributions.context import MAX_NP, SENT_END, TO, Ctx, norm
from pipeline.components.coref import PRONOUNS
from pipeline.names import slug


def name_slug(text: str) -> str:
    return slug(text, "-")


def slug_in(key: str, words) -> bool:
    """Are the words of slug `key` (several for `porte-parole`) among `words`, a name's slug split?"""
    return set(key.split("-")) <= set(words)


PARTITIVE_HEADS = {"un", "une", "certains", "certaines", "aucun", "aucune", "chacun", "chacune"}


def noun_headed(content_words) -> bool:
    """Is a phrase (its words past the determiners) headed by a noun: one first (`le porte-parole`,
    an adjective before it), after a number (`trois magistrats`) or after a partitive (`l'un des
    avocats`, `deux de ses proches`, `certains des manifestants`)?"""
    w = content_words
    if not w:
        return False
    if w[0].pos_ in ("NOUN", "ADJ"):
        return True
    if len(w) > 1 and w[0].pos_ == "NUM" and w[1].pos_ == "NOUN":
        return True
    k = 3 if len(w) > 3 and w[2].pos_ == "ADJ" else 2  # (`l'un des principaux inspirateurs`)
    return len(w) > k and (w[0].pos_ == "NUM" or w[0].lower_ in PARTITIVE_HEADS) \
        and norm(w[1]) in ("de", "des", "d'") and w[k].pos_ == "NOUN"


POSSESSIVES = {"son", "sa", "ses", "leur", "leurs"}
PLURAL_PRONOUNS = {"ils", "elles", "eux"}


def bare_pronoun(t) -> str:
    """A subject pronoun as a word, the inversion's hyphens off (`-t-elle` -> `elle`)."""
    return norm(t).lstrip("-t").lstrip("-")


def _singular_gender(pronoun) -> str:
    """The morphological gender (`Masc`, `Fem`) of `il` / `elle` (the coreference's pronouns), else ''."""
    gender, number = PRONOUNS.get(bare_pronoun(pronoun), ("", ""))
    return {"m": "Masc", "f": "Fem"}.get(gender, "") if number == "s" else ""


def speaks_as(ctx: Ctx, actor_id: str, pronoun) -> bool:
    """Can `il` / `elle` take up the unnamed group `actor_id` (the last speaker): is the head noun of
    its last mention of the pronoun's gender (`une source proche de l'enquête … précise-t-elle`)?"""
    gender = _singular_gender(pronoun)
    g = next((g for g in reversed(ctx.groups) if g["actor_id"] == actor_id), None) if actor_id.startswith("group-") else None
    span = ctx.doc.char_span(g["start"], g["end"], alignment_mode="expand") if g and gender else None
    noun = next((t for t in span if t.pos_ == "NOUN"), None) if span is not None else None
    return noun is not None and noun.morph.get("Number") != ["Plur"] and noun.morph.get("Gender") == [gender]


def described_subject(ctx: Ctx, s: int, a: dict, pronoun) -> list:
    """The words of the person described (a singular noun phrase of its gender headed by a noun for
    a person) whom a subject `il` / `elle` at character s takes up, as `pronoun_antecedent` finds
    one for `ils` (`L'homme portait une ceinture … Il aurait crié`), else []."""
    gender = _singular_gender(pronoun)
    return pronoun_antecedent(ctx, s, (a["content_start"], a["content_end"]), number="Sing", gender=gender,
                              person=lambda t: describes_person(ctx, t)) if gender else []


def pronoun_antecedent(ctx: Ctx, s: int, content: tuple[int, int], latter: bool = False,
                       number: str = "Plur", gender: str = "", person=None) -> list:
    """The words of the noun phrase a plural pronoun at character s takes up: the last
    main clause's subject before it, in its sentence or the one before, a plural common noun
    outside the content (`Les chercheurs ont noté … Selon eux`, `quelques internautes ont
    exprimé que, pour eux`), else []. `latter` (`ces derniers`): the last plural common noun,
    whatever its function (`… selon les organisateurs. Selon ces derniers`). `number`, `gender`,
    `person` (a test of the noun): the same for `il` / `elle` (`l'homme … Il aurait crié`)."""
    span = ctx.doc.char_span(s, s + 1, alignment_mode="expand")
    if span is None:
        return []
    sent = span[0].sent
    lo = ctx.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    for t in reversed(ctx.doc[lo:span.start]):
        v = t.head
        while v.dep_ == "conj" and v.head.i != v.i:
            v = v.head
        if t.pos_ == "NOUN" and (latter or t.dep_ in ("nsubj", "nsubj:pass") and v.dep_ == "ROOT") \
                and t.morph.get("Number") == [number] and (not gender or t.morph.get("Gender") == [gender]) \
                and (person is None or person(t)) and not content[0] <= t.idx < content[1]:  # (a main clause's subject)
            words = []
            for w in ctx.doc[t.left_edge.i:min(t.right_edge.i + 1, t.i + MAX_NP)]:
                if w.is_punct or w.pos_ in ("VERB", "AUX") or norm(w) in ("qui", "que", "dont"):
                    break
                words.append(w)
            return words
    return []


def group_head(rest, det) -> Optional[int]:
    """The index of the head of a group's words past their determiner `det`: its first noun,
    else an adjective used as one (`plusieurs officiels gambiens`), not an anaphor (`ces
    derniers`)."""
    head = next((i for i, t in enumerate(rest) if t.pos_ == "NOUN"), None)
    if head is None and rest and rest[0].pos_ == "ADJ" and rest[0].is_lower \
            and rest[0].lemma_ not in ("dernier", "premier") and norm(det) not in ("ce", "ces"):
        return 0
    # an amount of them is named by what it counts (`une trentaine de témoins`, `la plupart des élus`)
    while head is not None and head + 2 < len(rest) and _amount(rest[head]) \
            and norm(rest[head + 1]) in ("de", "des", "d'") and rest[head + 2].pos_ == "NOUN":
        head += 2
    return head


AMOUNT_NOUNS = {"plupart", "majorité", "minorité", "partie", "moitié", "tiers", "quart", "millier", "million",
                "milliard", "nombre", "ensemble", "foule", "poignée", "dizaine", "douzaine", "quinzaine", "vingtaine",
                "trentaine", "quarantaine", "cinquantaine", "soixantaine", "centaine"}


def _amount(t) -> bool:
    """A noun for an amount of what follows it (`plupart`, `milliers`, `trentaine`)."""
    return t.lower_ in AMOUNT_NOUNS or t.lower_.rstrip("s") in AMOUNT_NOUNS


def particled(words) -> bool:
    """`de la Morlais`, `d'Ormesson`: a surname after its particle, capitalised words only."""
    k = 1 if words and norm(words[0]) in ("de", "d'", "d’", "du") else 0
    if k and k < len(words) and norm(words[k]) in ("la", "l'", "l’"):
        k += 1
    return 0 < k < len(words) and all(t.text[:1].isupper() for t in words[k:])


def np_left(ctx: Ctx, j: int, appos: bool = True) -> Optional[tuple[int, int]]:
    """Token span of the noun phrase ending at token j (speaker before its verb)."""
    if j < 0:
        return None
    t = ctx.tok(j)
    w = norm(t)
    if t.pos_ == "PRON":
        if w == "qui" and j > 0:
            k = j - 1
            if ctx.tok(k).text == ",":
                k -= 1
            return np_left(ctx, k, appos)
        if w in ctx.words.subject_pronoun or w.endswith("-ci") or w in ("certains", "plusieurs", "tous", "chacun"):
            return (j, j)
        return None
    if t.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM", "X"):
        return None
    k = j
    while k - 1 >= 0 and j - k < MAX_NP:
        p = ctx.tok(k - 1)
        pw = norm(p)
        if p.is_space or "\n" in p.whitespace_:
            break
        if p.pos_ in ("NOUN", "PROPN", "ADJ", "NUM", "X") or p.text in ("-", "'", "’"):
            k -= 1
            continue
        if p.pos_ == "DET":
            k -= 1
            if k - 1 >= 0 and norm(ctx.tok(k - 1)) in ctx.words.de | {"à"}:
                continue
            break
        if pw in ctx.words.de | {"à"} and k - 2 >= 0 and (ctx.tok(k - 2).pos_ in ("NOUN", "PROPN", "ADJ") or (
                norm(ctx.tok(k - 2)) == "et" and k - 3 >= 0 and ctx.tok(k - 3).pos_ in ("NOUN", "PROPN"))):
            k -= 1
            continue
        if pw in ctx.words.de | {"à"} and k - 3 >= 0 and ctx.tok(k - 2).morph.get("VerbForm") == ["Part"] \
                and ctx.tok(k - 2).morph.get("Tense") == ["Past"] and ctx.tok(k - 3).pos_ in ("NOUN", "PROPN"):
            k -= 2  # a participle on the noun: `une passagère interrogée à Marseille`
            continue
        if pw == "et" and k - 2 >= 0 and ctx.tok(k - 2).pos_ in ("NOUN", "PROPN") \
                and (ctx.tok(k).pos_ in ("DET", "PROPN") or norm(ctx.tok(k)) in ctx.words.de):
            k -= 1
            continue
        break
    while k < j and ctx.tok(k).pos_ in ("ADP",):
        k += 1
    if not any(ctx.tok(x).pos_ in ("NOUN", "PROPN", "X") for x in range(k, j + 1)):
        return None
    if appos and k >= 2 and ctx.tok(k - 1).text == ",":
        prev = np_left(ctx, k - 2, appos=False)
        named = any(ctx.tok(x).pos_ == "PROPN" for x in range(prev[0] if prev else k, j + 1))
        if prev and named and (prev[0] == 0 or ctx.tok(prev[0] - 1).text in {",", ":", "\n"} | SENT_END
                               or norm(ctx.tok(prev[0] - 1)) in ("et", "mais")  # `… et Paul Roy, président du club,`
                               or ctx.tok(prev[0] - 1).is_space or "\n" in ctx.tok(prev[0] - 1).whitespace_
                               or ctx.tok(prev[0]).is_sent_start) and ctx.tok(prev[0]).pos_ in ("DET", "PROPN", "NOUN"):
            return (prev[0], j)
    return (k, j)


def partitive_head(ctx: Ctx, t) -> bool:
    """A pronoun heading a noun phrase through `de` (`un de ses avocats`, `l'un des enquêteurs`):
    the parse hangs the noun after `de` on the pronoun."""
    return t.pos_ == "PRON" and t.i + 1 < ctx.n and norm(ctx.tok(t.i + 1)) in ctx.words.de | {"des", "du"} and any(
        c.dep_ == "nmod" and c.i > t.i + 1 and any(norm(x) in ctx.words.de | {"des", "du"} for x in c.children)
        for c in t.children)


def substantive(t) -> bool:
    """An adjective the parse uses as a noun, heading its own determiner (`une Canadienne`, `les
    Britanniques`: nationality nouns the tagger takes for adjectives)."""
    return t.pos_ == "ADJ" and any(c.dep_ == "det" for c in t.children)


def quoted_name(ctx: Ctx, k: int) -> Optional[int]:
    """The closing mark of a name in quotation marks opening at token k (`« Quotidien »`, `« Le
    Monde »`: a title of a newspaper or a programme): one to six words, the first capitalised,
    no verb; else None."""
    if k not in ctx.open_tok:
        return None
    close = ctx.qtok[ctx.open_tok[k]][1]
    if close is None or not 1 <= close - k - 1 <= 6:
        return None
    inner = ctx.doc[k + 1:close]
    return close if inner[0].text[:1].isupper() and not any(x.pos_ in ("VERB", "AUX") or x.is_punct for x in inner) \
        else None


def _one_name(ctx: Ctx, i: int, j: int) -> bool:
    """Do tokens i and j stand in one named mention of the actors component?"""
    a, b = ctx.tok(i).idx, ctx.tok(j).idx
    return any(m["start"] <= a and b < m["end"] for m in ctx.doc._.depeche_mentions or [])


def _mistagged_first_name(ctx: Ctx, i: int) -> bool:
    """`d'après Dietlind Beaudoin`: a capitalised word inside a sentence, tagged a verb or an
    adverb, right before a capitalised proper noun: the first name of a name the tagger missed."""
    t = ctx.tok(i)
    return t.pos_ in ("VERB", "ADV", "AUX") and t.text[:1].isupper() and not t.is_sent_start \
        and i + 1 < ctx.n and ctx.tok(i + 1).pos_ == "PROPN" and ctx.tok(i + 1).text[:1].isupper() \
        and ctx.in_quote[i] < 0


def np_right(ctx: Ctx, i: int, appos: bool = True) -> Optional[tuple[int, int]]:
    """Token span of the noun phrase starting at token i (inverted speaker, `selon X`)."""
    if i >= ctx.n:
        return None
    if quoted_name(ctx, i) is not None:  # `Selon « Quotidien », …`
        return (i, quoted_name(ctx, i))
    t = ctx.tok(i)
    w = norm(t)
    if t.pos_ == "PRON" and not partitive_head(ctx, t):
        if w in ctx.words.subject_pronoun or w.endswith("-ci") or w in ("ce",):
            j = i
            if w == "ce" and i + 1 < ctx.n and norm(ctx.tok(i + 1)) in ("dernier", "dernière", "derniers"):
                j = i + 1
            return (i, j)
        return None
    if t.pos_ not in ("DET", "NOUN", "PROPN", "ADJ", "NUM", "X") and not partitive_head(ctx, t) \
            and not _mistagged_first_name(ctx, i):
        return None
    j = i
    while j + 1 < ctx.n and j - i < MAX_NP:
        p = ctx.tok(j + 1)
        pw = norm(p)
        if "\n" in ctx.tok(j).whitespace_ or p.is_space:
            break
        if quoted_name(ctx, j + 1) is not None and ctx.tok(j).pos_ in ("NOUN", "PROPN"):
            j = quoted_name(ctx, j + 1)  # `l'émission de TMC « Quotidien »`
            continue
        if p.pos_ in ("NOUN", "PROPN", "ADJ", "NUM", "X") or p.text in ("-", "'", "’") or partitive_head(ctx, p) or (
                p.pos_ == "VERB" and p.dep_ == "amod" and p.head.i == j and ctx.tok(j).pos_ in ("NOUN", "PROPN")):
            j += 1  # `les Nations unies`: a participle the parser hangs on the noun before
            continue
        if p.pos_ == "DET" and (ctx.tok(j).pos_ in ("ADP",) or _one_name(ctx, j, j + 1)):
            j += 1  # `Jean-Yves Le Drian`: a name's particle the tagger took for a determiner
            continue
        if p.pos_ == "DET" and p.text[:1].isupper() and ctx.tok(j).pos_ in ("NOUN", "ADJ") and j + 2 < ctx.n \
                and ctx.tok(j + 2).text[:1].isupper():
            j += 1  # `le quotidien Le Monde`, `l'hebdomadaire L'Express`: a title opening on its article
            continue
        if pw == "d" and j + 3 < ctx.n and ctx.tok(j + 2).text in ("'", "’") and ctx.tok(j + 3).pos_ in (
                "NOUN", "PROPN", "DET", "ADJ"):
            j += 2  # `d' Albertville` written with a space
            continue
        if pw in ctx.words.de | TO and j + 2 < ctx.n and (ctx.tok(j + 2).pos_ in (
                "NOUN", "PROPN", "DET", "ADJ", "NUM") or norm(ctx.tok(j + 2)) in ("un", "une", "l'un", "l'une")):
            j += 1
            continue
        if pw == "et" and j + 2 < ctx.n and (ctx.tok(j + 2).pos_ in ("DET", "PROPN")
                                             or norm(ctx.tok(j + 2)) in ctx.words.de) \
                and ctx.tok(j).pos_ in ("NOUN", "PROPN"):
            j += 1
            continue
        break
    while j > i and (ctx.tok(j).pos_ in ("ADP", "DET", "CCONJ") or ctx.tok(j).text in ("-", "'")):
        # (`selon les autorités et 400 000 selon…`, `d'après le Président et le secrétaire…`: no `et`)
        j -= 1
    if not any(ctx.tok(x).pos_ in ("NOUN", "PROPN", "X") or substantive(ctx.tok(x)) for x in range(i, j + 1)):
        return None
    if appos and j + 2 < ctx.n and ctx.tok(j + 1).text == ",":
        nxt = np_right(ctx, j + 2, appos=False)
        if nxt and ctx.tok(nxt[0]).pos_ in ("NOUN", "DET", "ADJ", "PROPN") and (
                nxt[1] + 1 >= ctx.n or ctx.tok(nxt[1] + 1).text in SENT_END | {",", "(", ":"}
                or "\n" in ctx.tok(nxt[1]).whitespace_):
            return (i, nxt[1])
    return (i, j)
