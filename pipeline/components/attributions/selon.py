"""Patterns anchored on a source rather than a verb: `selon X` and `d'après X`, `pour X` at the
start of a clause, and a noun of speech before `selon laquelle` (`l'affirmation selon
laquelle …`)."""
from __future__ import annotations

from pipeline.components.attributions.contents import clause_left, clause_right, has_main_verb, kind_of
from pipeline.components.attributions.coordination import split_coordinated
from pipeline.components.attributions.context import SENT_END, Ctx, Speaker, chars, make_attribution, norm, speaker_at
from pipeline.components.attributions.cues import opens_sentence
from pipeline.components.attributions.noun_phrases import np_right
from pipeline.components.attributions.speakers import with_name_after
from pipeline.components.attributions.speakers_right import skip_adverbials
from pipeline.components.attributions.strict import is_new, named_complement


RELATIVES = ("qui", "dont", "lequel", "laquelle", "lesquels", "lesquelles")


def pattern_selon(ctx: Ctx, owner, t) -> list[dict]:
    """`selon X` / `d'après X`, before or after the content.

    `Selon la préfecture, trois routes sont coupées.` -> according_to, speaker `la préfecture`
    `Trois routes sont coupées, d'après les pompiers.` -> according_to
    not: `selon moi`, `l'idée selon laquelle` (a noun cue), `selon que`
    """
    w = norm(t)
    cue_tok = t
    first = t.i
    lemma = "selon"
    if w == "après":
        first = t.i - 1
        lemma = "d'après"
        cue_tok = None
    if t.i + 1 >= ctx.n or norm(ctx.tok(t.i + 1)) in ctx.words.not_selon and not (
            norm(ctx.tok(t.i + 1)) in ("le", "la", "les") and t.i + 2 < ctx.n and ctx.tok(t.i + 2).pos_ != "VERB"):
        return []
    if norm(ctx.tok(t.i + 1)) in ctx.words.selon_relative or \
            norm(ctx.tok(t.i + 1)) in ("moi", "toi", "que", "qu'", "nous"):
        return []
    np = _what_says(ctx, t.i + 1)
    if np is None:
        np = np_right(ctx, t.i + 1)
        if not np or _criterion(ctx, first, np):
            return []
        speaker = speaker_at(ctx, *np, "object")
    else:
        speaker, np = np
    k = np[1] + 1
    by = skip_adverbials(ctx, k + 1)  # `fournis par`, `annoncés jeudi par`, `publiés hier soir par`
    if by + 1 < ctx.n and ctx.tok(k).morph.get("VerbForm") == ["Part"] and norm(ctx.tok(by)) == "par":
        agent = np_right(ctx, by + 1, appos=False)
        if agent and ctx.tok(k).lemma_.lower() in ctx.words.relay:
            # `selon un médecin cité par AP, Pierre Roy,`: AP relays the source (NOTES.md T2)
            end = agent[1]
            if end + 2 < ctx.n and ctx.tok(end + 1).text == ",":
                name = np_right(ctx, end + 2, appos=False)
                if name and name[1] + 1 < ctx.n and ctx.tok(name[1] + 1).text == "," and \
                        any(ctx.tok(x).pos_ == "PROPN" for x in range(name[0], name[1] + 1)):
                    end = name[1]
            speaker = speaker_at(ctx, np[0], end, "object")
            np = (np[0], end)
        elif agent:
            # `selon les chiffres fournis par l'Insee`: the agent is the source
            speaker = speaker_at(ctx, *agent, "agent")
            np = (np[0], agent[1])
    sent = ctx.tok(t.i).sent
    left = clause_left(ctx, first - 1) if first > 0 else None
    left_toks = ctx.doc.char_span(*left, alignment_mode="expand") if left else None
    # clause-initial `selon` (at the start of its clause, or after `Mais,`, `que,`), or a left
    # part with no verb of its own: the content is on the right
    clause_initial = left_toks is None or len(left_toks) <= 2 or norm(ctx.tok(first - 1)) in ("et", "mais") or (
        ctx.tok(first - 1).text == "," and (norm(ctx.tok(first - 2)) in ("que", "qu'", "mais", "et", "car", "donc")
                                             or ctx.tok(first - 2).pos_ == "SCONJ"  # `même si, selon lui, …`
                                             or not (has_main_verb(ctx, first - 2) or _full_quote(ctx, first - 2))))
    relative_after = np[1] + 2 < ctx.n and ctx.tok(np[1] + 1).text == "," and (
        norm(ctx.tok(np[1] + 2)) in RELATIVES or ctx.tok(np[1] + 2).pos_ == "ADP" and np[1] + 3 < ctx.n
        and norm(ctx.tok(np[1] + 3)) in RELATIVES)  # `d'après l'ONU, pour qui …`: the source's relative
    if relative_after and left_toks is not None and any(not x.is_punct for x in left_toks):
        clause_initial = False  # `Insuffisant selon le collectif, qui exige …`: the relative is the source's
    k = np[1] + 1
    if k < ctx.n and ctx.tok(k).text == "(":
        while k < ctx.n and ctx.tok(k).text != ")" and k - np[1] < 30:
            k += 1
        k += 1
    elif clause_initial and k < ctx.n and ctx.tok(k).text != ",":
        # `Selon les chiffres publiés mardi par l'Insee, …`, `Selon les scientifiques qui l'ont
        # découvert, …`: a modifier or a relative clause of the source
        relative = norm(ctx.tok(k)) in ("qui", "dont", "que", "qu'")
        m = k
        while m < ctx.n and m - k < 12 and ctx.tok(m).text not in SENT_END | {","} and m not in ctx.open_tok and (
                relative or not (ctx.tok(m).pos_ in ("VERB", "AUX") and ctx.tok(m).morph.get("VerbForm") == ["Fin"])):
            m += 1
        if m < ctx.n and ctx.tok(m).text == ",":
            k = m
    if clause_initial and k + 1 < ctx.n and ctx.tok(k).text == "," and \
            ctx.tok(k + 1).morph.get("VerbForm") == ["Part"]:
        # `Selon le directeur, interrogé par Sky News, les tirs …`
        m = k + 1
        while m < ctx.n and m - k < 12 and ctx.tok(m).text not in SENT_END | {","}:
            m += 1
        if m < ctx.n and ctx.tok(m).text == ",":
            k = m
    span = None
    spans = []
    # `Le projet, selon Paul Roy, directeur du chantier, vise à …`: the subject on the left awaits
    # the verb after the source and its apposition
    subject_left = clause_initial and left_toks is not None and ctx.tok(first - 1).text == "," and norm(
        ctx.tok(first - 2)) not in ("et", "mais", "que", "qu'", "car", "donc") and ctx.tok(first - 2).pos_ != "SCONJ" \
        and any(x.pos_ in ("NOUN", "PROPN", "PRON") for x in left_toks)
    if clause_initial and k < ctx.n and ctx.tok(k).text == ",":
        bare = np_right(ctx, np[0], appos=False)
        if speaker.rule == "object" and bare and bare[1] < np[1] and ctx.tok(bare[1] + 1).text == "," and \
                ctx.tok(np[1] + 1).text == "," and np == np_right(ctx, np[0]) and not has_own_subject(ctx, np[1] + 2) \
                and not subject_left:
            # `Selon Reuters, David Petraeus, sera …`: the second noun phrase is the content's subject
            k, np = bare[1] + 1, bare
            speaker = speaker_at(ctx, *np, speaker.rule)
        else:
            k = source_apposition(ctx, k, subject_left)
    if clause_initial:
        if k < ctx.n and ctx.tok(k).text == ",":
            k += 1
        # `Selon X, A, mais B`: both clauses are X's, one attribution each
        spans = clause_right(ctx, owner, k, mais="split", subject=True)
        if spans:
            span = (spans[0][0], spans[-1][1])
        if spans and left and ctx.tok(first - 1).text == "," and k < ctx.n and _finite(ctx.tok(k)) and any(
                x.pos_ in ("NOUN", "PROPN", "PRON") for x in left_toks):
            # `Le bilan, selon la police, est de trois morts`: the subject is on the left, one clause;
            # `L'attaque, qui serait terroriste, selon la police, a fait …`: the relative is X's words
            rel = next((x for x in reversed(left_toks) if x.text == ","), None)
            relative = rel is not None and rel.i + 1 < ctx.n and norm(ctx.tok(rel.i + 1)) in ("qui", "dont")
            spans, span = [], (left if relative else (left[0], spans[-1][1]))
    else:
        if left:
            span = left = _figure_in_incise(ctx, first, k) or _after_opening_time(ctx, left)
            if ctx.tok(first - 1).text != "," and k < ctx.n and ctx.tok(k).text not in SENT_END | {","} and \
                    ctx.tok(first - 1).pos_ in ("VERB", "AUX", "ADV"):
                # `L'enterrement est selon l'Église « la forme la plus appropriée »`: mid-clause
                more = clause_right(ctx, owner, k)
                if more:
                    span = (left[0], more[-1][1])
            if k + 1 < ctx.n and ctx.tok(k).text == "," and ctx.tok(first - 1).text == "," and not relative_after \
                    and norm(ctx.tok(k + 1)) not in ("et", "mais", "or", "puis"):  # `A, selon X, et B`: B is no part
                more = clause_right(ctx, owner, k + 1)
                if more and more[0][0] < sent.end_char:
                    more_toks = ctx.doc.char_span(*more[0], alignment_mode="expand")
                    last = first - 2
                    while last > 0 and ctx.tok(last).pos_ == "ADV":
                        last -= 1
                    # (`Ceci serait cependant, selon X, « une légende »`: the verb before awaits the rest)
                    awaiting = ctx.tok(last).pos_ in ("VERB", "AUX") and "Fin" in ctx.tok(last).morph.get("VerbForm") \
                        and ctx.in_quote[last] < 0
                    if more_toks is not None and (awaiting or any(
                            x.pos_ in ("VERB", "AUX") and x.morph.get("VerbForm") == ["Fin"] for x in more_toks)):
                        span = (left[0], more[0][1])
    if not span or span[1] - span[0] < 3:
        return []
    out = []
    parts = spans if clause_initial and len(spans) > 1 else [span]
    if not clause_initial and span == left:
        parts = split_coordinated(ctx, span)  # `A et B, d'après X`: one each
    for part in parts:
        kind, part = kind_of(ctx, part, "according_to")
        for sp in conjuncts(ctx, speaker):  # `d'après le Monde et Libération`: one per source
            a = make_attribution(kind, cue_tok, lemma, "assert", Speaker(*sp, speaker.rule), part, "selon")
            if cue_tok is None:
                d = ctx.tok(first)
                a["cue_start"], a["cue_end"] = d.idx, t.idx + len(t.text)
            out.append(a)
    return out


def source_apposition(ctx: Ctx, c: int, subject_left: bool = False) -> int:
    """`Selon Paul Roy, un astronome de l'université de Lyon, la comète …`, `Pour Anne Roy, porte-parole
    du collectif, il s'agit …`, `Selon les pompiers, qui sont intervenus, le feu …`: the comma ending
    the source's apposition or relative clause when one follows the comma c (words up to the next
    comma, then a clause with its own subject, or with `subject_left` its finite verb: `La digue,
    selon Paul Roy, ingénieur, cédera`), else c."""
    if c + 1 >= ctx.n or ctx.tok(c).text != ",":
        return c
    relative = norm(ctx.tok(c + 1)) in ("qui", "dont")
    if not relative and ctx.tok(c + 1).pos_ not in ("DET", "NOUN", "ADJ", "PROPN") and \
            norm(ctx.tok(c + 1)) not in ctx.words.de:  # `Selon Paul Roy, du conseil régional, …`
        return c
    k = c + 1
    while k < ctx.n and k - c <= (25 if relative else 15) and ctx.tok(k).text != ",":
        tk = ctx.tok(k)
        if tk.text == ":" and k + 1 in ctx.open_tok and k > c + 1:
            return k  # `Pour Anne Roy, porte-parole du collectif : « … »`
        if tk.text in SENT_END or ctx.is_break(k) or k in ctx.open_tok or \
                not relative and tk.pos_ in ("VERB", "AUX") and "Fin" in tk.morph.get("VerbForm"):
            return c
        k += 1
    if k >= ctx.n or ctx.tok(k).text != ",":
        return c
    verb_next = subject_left and not relative and k + 1 < ctx.n and ctx.tok(k + 1).pos_ in ("VERB", "AUX") and \
        "Fin" in ctx.tok(k + 1).morph.get("VerbForm")
    return k if verb_next or has_own_subject(ctx, k + 1) else c


def _finite(t) -> bool:
    """A finite verb, or a participle the parse makes the root with no auxiliary (`Le bilan, selon
    la préfecture, fait état de …`: `fait` tagged a participle, the sentence's only verb)."""
    return t.pos_ in ("VERB", "AUX") and ("Fin" in t.morph.get("VerbForm") or t.dep_ == "ROOT" and not any(
        c.dep_.startswith("aux") for c in t.children))


def _full_quote(ctx: Ctx, j: int) -> bool:
    """Is token j the closing mark of a quote that ends on its own full stop (`« … demain. » ,
    d'après X`), or that opens its sentence (`« Une commission enquête sur le crash » , selon X`:
    the parse may find no finite verb in it)? The quote is a whole sentence, the content on the
    left of `selon X`, though has_main_verb stops at its inner period."""
    k = ctx.close_tok.get(j)
    o = ctx.qtok[k][0] if k is not None else None
    return o is not None and (ctx.text[ctx.quotes[k].start:ctx.quotes[k].end].rstrip()[-1:] in (".", "!", "?")
                              or j - o > 3 and opens_sentence(ctx, ctx.tok(o)))


def has_own_subject(ctx: Ctx, k: int) -> bool:
    """Does the clause from token k open with its own subject: a finite verb (or a quote) comes
    after its first word and before any comma? (`la comète passera`: yes; `ancien directeur de la
    banque, sera`, `après s'être retranché, a été tué`: no, the words before k are its subject.)"""
    if k < ctx.n and norm(ctx.tok(k)) in ("qui", "que", "qu'", "dont", "où"):
        return False  # `…, qui auraient été intoxiqués`: a relative clause of the words before
    if k in ctx.open_tok:
        return True  # the content is a quote
    j = k
    while j < ctx.n and j - k < 40 and ctx.tok(j).text not in SENT_END and not ctx.is_break(j):
        tk = ctx.tok(j)
        if j in ctx.open_tok and ctx.qtok[ctx.open_tok[j]][1] is not None:
            if ctx.tok(j - 1).pos_ not in ("VERB", "ADP"):
                return True  # `les « liens … continuent »`: the clause goes on inside the quote
            j = ctx.qtok[ctx.open_tok[j]][1] + 1  # `surnommé « le géant »`: a name inside the words
            continue
        if tk.text == ",":
            return False
        if tk.pos_ in ("VERB", "AUX") and "Fin" in tk.morph.get("VerbForm"):
            return j > k and ctx.tok(k).pos_ != "ADP"
        j += 1
    return False


def _figure_in_incise(ctx: Ctx, first: int, k: int):
    """`Les manifestants, 13 500 selon la police, 100 000 selon les organisateurs, ont défilé`: a
    figure set off by commas right before `selon` (no comma between, the source closed by a comma
    or a parenthesis) is the source's content, not the sentence; its char span, else None."""
    if first == 0 or ctx.tok(first - 1).text == "," or k >= ctx.n or ctx.tok(k).text not in (",", ")"):
        return None
    j = first - 1
    while j >= 0 and first - j <= 10 and ctx.tok(j).text not in (",", "(", ":") and not ctx.is_break(j):
        if ctx.tok(j).pos_ in ("VERB", "AUX") or ctx.tok(j).text in SENT_END or j in ctx.close_tok:
            return None
        j -= 1
    words = [ctx.tok(x) for x in range(j + 1, first)]
    if j < 0 or ctx.tok(j).text not in (",", "(") or not words or not any(x.like_num for x in words):
        return None
    return chars(ctx, j + 1, first - 1)


def _after_opening_time(ctx: Ctx, left: tuple[int, int]) -> tuple[int, int]:
    """`À 19 h 30, lundi, il s'élevait à deux millions, selon X`: times opening the sentence, each
    closed by a comma, are not the source's content when a clause with its verb follows."""
    toks = ctx.doc.char_span(*left, alignment_mode="expand")
    if toks is None:
        return left
    k = toks.start
    while True:
        c = next((x for x in range(k, min(toks.end, k + 6)) if ctx.tok(x).text == ","), None)
        chunk = [ctx.tok(x) for x in range(k, c)] if c is not None else []
        # (a number counting a noun is no time: `Au moins 40 civils, dont 12 enfants, ont été tués`)
        if not chunk or any(x.pos_ in ("VERB", "AUX") or x.i in ctx.open_tok for x in chunk) or not (
                any(x.lower_ in ctx.words.time_word for x in chunk) or any(x.like_num for x in chunk) and not any(
                    x.pos_ == "NOUN" and x.lower_ != "h" for x in chunk)) or not has_main_verb(ctx, toks.end - 1):
            break
        k = c + 1
    return (ctx.tok(k).idx, left[1]) if k > toks.start and k < toks.end else left


def _criterion(ctx: Ctx, first: int, np) -> bool:
    """`selon les cas`, `selon la procédure prévue`, `les prix varient selon les régions`: a
    manner or a criterion, no source (words.jsonl `not_source`, `varies`)."""
    head = next((ctx.tok(x) for x in range(np[0], np[1] + 1) if ctx.tok(x).pos_ in ("NOUN", "PROPN")), None)
    if head is not None and head.pos_ == "NOUN" and (head.lemma_.lower() in ctx.words.not_source
                                                     or head.lower_ in ctx.words.time_word):
        return True
    j = first - 1
    while j >= 0 and ctx.tok(j).pos_ == "ADV":
        j -= 1
    return j >= 0 and ctx.tok(j).pos_ == "VERB" and ctx.tok(j).lemma_.lower() in ctx.words.varies


def _what_says(ctx: Ctx, i: int):
    """`selon ce que rapportent des médias belges`, `selon ce qu'a dit le maire`: the speaker of
    the verb after `ce que` (inverted after it, else before it) and the tokens it covers."""
    if i + 2 >= ctx.n or norm(ctx.tok(i)) != "ce" or norm(ctx.tok(i + 1)) not in ("que", "qu'"):
        return None
    v = i + 2
    while v < ctx.n and (ctx.tok(v).pos_ == "AUX" or norm(ctx.tok(v)) in ctx.words.object_clitic) and v - i < 6:
        v += 1
    if v < ctx.n and ctx.tok(v).pos_ == "VERB":
        j = v + 1
        while j < ctx.n and ctx.tok(j).pos_ == "ADP" and j - v < 6:  # `qu'a confié à France Info X`
            j += 1
            while j < ctx.n and ctx.tok(j).pos_ == "DET":
                j += 1
            if j < ctx.n and ctx.tok(j).ent_iob_ == "B":  # a name: up to its end, the speaker follows
                j += 1
                while j < ctx.n and ctx.tok(j).ent_iob_ == "I":
                    j += 1
            else:
                while j < ctx.n and ctx.tok(j).pos_ in ("NOUN", "ADJ") and j - v < 6:
                    j += 1
        np = np_right(ctx, j) if j < ctx.n and ctx.tok(j).pos_ in ("DET", "PROPN") else None
        if np:
            return speaker_at(ctx, *np, "post_verbal"), (i, np[1])
    np = np_right(ctx, i + 2)
    if np and np[1] + 1 < ctx.n and ctx.tok(np[1] + 1).pos_ in ("VERB", "AUX"):
        return speaker_at(ctx, *np, "subject"), (i, np[1] + 1)
    return None


def conjuncts(ctx: Ctx, speaker: tuple[int, int]) -> list[tuple[int, int]]:
    """Split `le Journal du Dimanche et Mediapart` into its two named sources (only when each
    side holds a name, so `le ministre de l'Intérieur et des Cultes` stays one)."""
    span = ctx.doc.char_span(speaker[0], speaker[1], alignment_mode="expand")
    if span is None:
        return [speaker]
    ets = [t.i for t in span if norm(t) == "et"]
    if len(ets) != 1:
        return [speaker]
    k = ets[0]
    left, right = ctx.doc[span.start:k], ctx.doc[k + 1:span.end]
    def named(part):  # a proper noun, or a capitalised word the tagger took for a noun
        return any(t.pos_ == "PROPN" or (t.pos_ == "NOUN" and t.text[:1].isupper()) for t in part)
    if not (named(left) and named(right)) or (right and norm(right[0]) in ctx.words.de):
        return [speaker]
    return [(left.start_char, left.end_char), (right.start_char, right.end_char)]


def pattern_pour(ctx: Ctx, owner, t) -> list[dict]:
    """Clause-initial `Pour X, …` when X is a person, an organisation or a speaking group.

    `Pour la CGT, la réforme est injuste.` -> according_to, speaker `la CGT`; `Pour les
    militants, …` too (an agent noun); not `Pour les syndicats, …` (`as for` as often as `in
    the view of`: `Pour les autres syndicats, les résultats se répartissent …`)
    `Pour eux, « rien n'a changé ».` -> direct, cue `Pour`
    not: `Pour la première fois, …`, `Pour cette raison, …` (no one speaks)
    """
    if t.i > 0:
        p = ctx.tok(t.i - 1)
        if not (p.is_space or "\n" in p.whitespace_ or p.text in SENT_END or t.is_sent_start
                or _clause_opens_after_comma(ctx, t.i - 1)):
            return []
    np = np_right(ctx, t.i + 1, appos=False)
    if not np or np[1] + 2 >= ctx.n or ctx.tok(np[1] + 1).text != ",":
        return []
    # `Pour le procureur de Lyon, Paul Roy, il …`: the role and the name in apposition after it
    np = with_name_after(ctx, np)
    if np[1] + 2 >= ctx.n or ctx.tok(np[1] + 1).text != ",":
        return []
    words = [ctx.tok(x) for x in range(np[0], np[1] + 1)]
    s, e = chars(ctx, *np)
    labels = {m.get("label") for m in (ctx.doc._.depeche_mentions or []) if m["start"] < e and m["end"] > s}
    named = bool(labels & {"PER", "ORG", "GPE"})
    pron = len(words) == 1 and norm(words[0]) in ("lui", "elle", "eux", "elles")
    heads = [w for w in words if w.pos_ == "NOUN"]
    agent = words[0].pos_ == "DET" and bool(heads) and heads[0].lemma_.lower().endswith(ctx.words.agent_suffix) \
        and heads[0].lemma_.lower() not in ctx.words.time_word | ctx.words.not_source  # `pour le moment`
    if not (named or pron or agent):
        return []
    c = source_apposition(ctx, np[1] + 1)
    if c + 2 < ctx.n and norm(ctx.tok(c + 1)) in ctx.words.de and ctx.tok(c + 2).morph.get("VerbForm") == ["Inf"]:
        return []  # `Mais impossible, pour Paul, de rouler`: the infinitive is the predicate's, no claim
    spans = clause_right(ctx, owner, c + 1)
    if not spans:
        return []
    span = (spans[0][0], spans[-1][1])
    kind, span = kind_of(ctx, span, "according_to")
    if kind == "according_to" and not has_main_verb(ctx, ctx.doc.char_span(*span, alignment_mode="expand").end - 1):
        return []
    if kind == "according_to" and labels == {"GPE"} and not pron:
        return []  # `Pour le Portugal, la situation est plus délicate`: as for the country, no voice of its own
    return [make_attribution(kind, t, "pour", "assert", Speaker(s, e, "object"), span, "pour")]


def _clause_opens_after_comma(ctx: Ctx, c: int) -> bool:
    """Is token c a comma after which a clause opens: after a conjunction (`Mais,`, `tandis
    que,`) or an introductory phrase with no verb of its own (`Cela dit,`, `Dans ce cas,`)?"""
    if ctx.tok(c).text != "," or c < 1:
        return False
    if norm(ctx.tok(c - 1)) in ("que", "qu'", "mais", "et", "car", "donc", "or", "cependant", "toutefois") or (
            norm(ctx.tok(c - 1)) == "dit" and c >= 2 and norm(ctx.tok(c - 2)) in ("cela", "ceci")):
        return True  # a conjunction, or the connective `cela dit`
    k = c - 1
    while k >= 0 and not (ctx.tok(k).text in SENT_END or ctx.tok(k).text in (",", ":") or ctx.is_break(k)) \
            and c - k < 6:
        if ctx.tok(k).pos_ in ("VERB", "AUX") and ctx.tok(k).morph.get("VerbForm") == ["Fin"]:
            return False
        k -= 1
    return k < 0 or ctx.tok(k).text in SENT_END or ctx.is_break(k) or ctx.tok(k).is_sent_start


def pattern_noun_selon_laquelle(ctx: Ctx, owner, t) -> list[dict]:
    """A noun cue + `selon laquelle`: `l'hypothèse selon laquelle le barrage aurait cédé`.

    Content: the relative clause (from the parse); no speaker. Not: `l'idée selon laquelle`
    (idée is no cue)."""
    if t.i < 2 or norm(ctx.tok(t.i - 1)) != "selon":
        return []
    k = t.i - 2
    if ctx.tok(k).text == ",":
        k -= 1
    while k >= 0 and ctx.tok(k).pos_ == "ADJ":
        k -= 1
    source = None
    if ctx.tok(k).pos_ == "PROPN":
        # `l'accusation du ministre Paul Roux selon laquelle`: the noun, then its named source
        m = k
        while m > 0 and m - k > -8 and ctx.tok(m).pos_ in ("PROPN", "NOUN", "ADJ", "DET"):
            m -= 1
        if norm(ctx.tok(m)) in ctx.words.de and named_complement(ctx, m - 1, t.i - 1):
            source, k = (m, t.i - 2), m - 1
    noun = ctx.tok(k)
    cue = owner.nouns.get(noun.lemma_.lower()) or owner.nouns.get(noun.lower_)
    if cue is None or noun.pos_ != "NOUN" or (is_new(cue) and source is None):
        return []  # a noun new from the resources reports speech only with a named source
    verb = t.head
    if verb.i <= t.i:
        verb = next((x for x in ctx.doc[t.i + 1:min(ctx.n, t.i + 30)] if x.pos_ in ("VERB", "AUX")), None)
        if verb is None:
            return []
    toks = [x for x in verb.subtree if x.i > t.i]
    if not toks:
        return []
    hi = max(x.i for x in toks)
    # the relative clause ends before the main verb of the sentence (the noun's head)
    if noun.head.i > t.i and noun.head.i <= hi and noun.head.i != verb.i:
        hi = noun.head.i - 1
        while hi > t.i and ctx.tok(hi).pos_ in ("AUX", "PUNCT", "ADV"):
            hi -= 1
    while hi > t.i and ctx.tok(hi).is_punct:
        hi -= 1
    if hi <= t.i:
        return []
    span = chars(ctx, t.i + 1, hi)
    return [make_attribution("indirect", noun, cue.lemma, cue.stance, None, span, "noun_selon_laquelle")]
