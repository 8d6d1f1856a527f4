"""Patterns anchored on a reporting verb, one per frame of the cue lexicon (cues.jsonl `frames`):
`que` (+ a bare infinitive), `inversion`, `de` + infinitive, and the object of a denial or an
accusation (a quote after a colon: colon_quotes.py; passive cues and `se dire`: passive_frames.py)."""
from __future__ import annotations

from pipeline.components.attributions.contents import (clause_left, clause_right, has_main_verb, joined_quotes,
                                                       kind_of)
from pipeline.components.attributions.coordination import split_coordinated
from pipeline.components.attributions.context import SENT_END, Ctx, Speaker, chars, make_attribution, norm
from pipeline.components.attributions.cues import chain_start, inverted_clitic
from pipeline.components.attributions.objects import (apposed, before_comment, before_own_predicate, cardinal_head,
                                                      closing_time, closing_words, ends_sentence, gapped_relative,
                                                      names_only, object_frames, object_stop, quoted_label, quoted_np,
                                                      quoted_words, relative_que, subject_before, within_cue_clause)
from pipeline.components.attributions.noun_phrases import np_right
from pipeline.components.attributions.speakers import is_participle, speaker_for
from pipeline.components.attributions.speakers_right import right_speaker, skip_adverbials, skip_own_part
from pipeline.components.attributions.strict import human_speaker, standing_confirmed
from pipeline.rules.cues import Cue


def pattern_que(ctx: Ctx, owner, t, cue: Cue) -> list[dict]:
    """Cue verb + `que` clause, or + a bare infinitive.

    `Le maire a déclaré que la ville serait reconstruite.` -> indirect, speaker `Le maire`
    `Berlin affirme de son côté que les frontières resteront ouvertes.` -> speaker `Berlin`
    `Elle a précisé que le vote aurait lieu et que les bureaux ouvriraient à 8 h.` -> two
    `…, ajoutant que les négociations reprendraient.` -> participle, speaker the clause subject
    `Les syndicats ont affirmé avoir obtenu gain de cause.` -> content `avoir obtenu …`
    `Il a dit qu'il viendrait « très vite ».` -> mixed
    """
    if t.morph.get("Voice") == ["Pass"] and not any(c.dep_ == "aux:tense" and c.lemma_ == "avoir" for c in t.children) \
            or any(c.dep_ == "aux:pass" for c in t.children):
        return []  # `est jugé coûteux par …`: passive (not `a quant à elle assuré`, tagged passive)
    j = t.i + 1
    que = si = None
    # past complements of the speech, a longer reach (`a annoncé lors d'une conférence de presse
    # jeudi à Nice, en présence des élus, que`); past an object, the `que` may be a relative's
    reach = 24 if ctx.tok(min(ctx.n - 1, skip_adverbials(ctx, j))).pos_ == "ADP" else 12
    while j < ctx.n and j - t.i <= reach:
        w = norm(ctx.tok(j))
        tk = ctx.tok(j)
        # `estime ainsi que …`: the adverb right after the cue, the `que` is the cue's own (not
        # `…, ainsi que` after a comma); `alors que` only before a quote (`expliquait alors que
        # « … »`: `a répondu alors que la salle se vidait` is a time)
        adverb = j == t.i + 2 and (norm(ctx.tok(j - 1)) == "ainsi" or norm(ctx.tok(j - 1)) == "alors"
                                   and j + 1 in ctx.open_tok)
        if w in ("que", "qu'", "qu") and norm(ctx.tok(j - 1)) in ctx.words.subordinator and not adverb:
            break
        if w in ("que", "qu'", "qu") and norm(ctx.tok(j - 1)) in ("tel", "telle", "tels", "telles"):
            break  # `s'est conclue telle que prévu`: a comparison, no clause
        a_ce = "de_inf" in cue.frames and norm(ctx.tok(j - 1)) == "ce" and norm(ctx.tok(j - 2)) == "à" \
            and norm(ctx.tok(j - 3)) not in ctx.words.place_preposition  # `demande à ce que`, not `jusqu'à ce que`
        if w in ("que", "qu'", "qu") and (adverb or a_ce or norm(ctx.tok(j - 1)) not in (
                "ce", "plus", "moins", "autant", "ainsi", "tant")):
            que = j
            if w == "qu" and j + 1 < ctx.n and ctx.tok(j + 1).text in ("'", "’"):
                que = j + 1  # `qu' «` tokenised as `qu` `'`
            elif w == "qu":
                que = None
                j += 1
                continue
            break
        if tk.text in SENT_END or tk.text in (":",) or j in ctx.open_tok or ctx.is_break(j) and tk.is_space:
            break
        if tk.pos_ in ("VERB", "AUX") and tk.morph.get("VerbForm") == ["Part"] and tk.morph.get("Tense") == ["Pres"]:
            break  # `a réfuté ces allégations, affirmant que …`: the clause is the participle's
        if tk.pos_ == "VERB" and tk.morph.get("VerbForm") == ["Inf"] and j == t.i + 1 + sum(
                1 for x in range(t.i + 1, j) if ctx.tok(x).pos_ == "ADV") and owner.verb_cue(ctx, tk) is not None:
            break  # `je souhaite rappeler que …`: the infinitive is the cue of the clause
        if tk.pos_ in ("VERB", "AUX") and j > t.i + 1:
            if tk.morph.get("VerbForm") == ["Inf"] and j == t.i + 1 + sum(
                    1 for x in range(t.i + 1, j) if ctx.tok(x).pos_ == "ADV"):
                break
            if tk.morph.get("VerbForm") != ["Part"]:
                break
        if cue.stance == "ask" and (w == "si" or w == "s'" and j + 1 < ctx.n and norm(ctx.tok(j + 1)) in ("il", "ils")):
            si = j  # `se demandent si …`, `a demandé au préfet s'il …`: the question, `si` in it
            break
        if w in ("si",) or (tk.pos_ == "SCONJ" and w not in ("que", "qu'")):
            break
        j += 1
    spans = []
    rule = "que_clause"
    if que is not None and (relative_que(ctx, t, que) or gapped_relative(ctx, t, que)):
        return []  # `a critiqué les photos qu'il a qualifiées de …`: a relative clause of the object
    if que is not None:
        spans = clause_right(ctx, owner, que + 1, subject=True, clauses=True)
    elif si is not None:
        spans = clause_right(ctx, owner, si)
        rule = "si_clause"
    else:
        k = skip_adverbials(ctx, t.i + 1)  # `a confirmé le 25 mars être à l'origine`
        if k < ctx.n and ctx.tok(k).text == "," and _incise_end(ctx, k):  # `annonce, via un communiqué, avoir …`
            k = _incise_end(ctx, k)
        if any(norm(ctx.tok(x)) in ctx.words.negation_start for x in range(t.i + 1, k)):
            # the negation is the infinitive's (`affirme aussi ne pas …`, `a indiqué lundi ne pas …`):
            # its clause starts there, past the adverbs and dates before it
            k = next(x for x in range(t.i + 1, k) if norm(ctx.tok(x)) in ctx.words.negation_start)
        elif past_addressee(ctx, t, k) != k:  # `a assuré à la radio lundi être prêt`
            k = past_addressee(ctx, t, k)
            if k < ctx.n and norm(ctx.tok(k)) not in ctx.words.negation_start:
                k = skip_own_part(ctx, k)
        v = k
        lead = ctx.words.object_clitic | ctx.words.negation_start | ctx.words.negation_end
        while v < ctx.n and v - k < 4 and norm(ctx.tok(v)) in lead:
            v += 1  # `a dit se sentir trahi`, `indiquant les avoir arrêtées`, `a affirmé ne pas être au
            # courant`: clitics and negation of the infinitive, in its content
        if v < ctx.n and ctx.tok(v).morph.get("VerbForm") == ["Inf"] and ctx.tok(v).pos_ in ("VERB", "AUX") \
                and t.lemma_ not in ("demander", "souhaiter"):
            spans = clause_right(ctx, owner, k)
            rule = "infinitive"
    if not spans:
        return []
    speaker = speaker_for(ctx, t)
    out = []
    for sp in spans:
        kind, sp = kind_of(ctx, sp, "indirect")
        out.append(make_attribution(kind, t, cue.lemma, cue.stance, speaker, sp, rule))
    # `estime qu'elle est impossible : « … »`: the quote after the colon is the same speaker's
    end = ctx.doc.char_span(spans[-1][0], spans[-1][1], alignment_mode="expand")
    if end is not None and end.end + 1 < ctx.n and ctx.tok(end.end).text == ":" and end.end + 1 in ctx.open_tok:
        q = ctx.quotes[ctx.open_tok[end.end + 1]]
        out.append(make_attribution("direct", t, cue.lemma, cue.stance, speaker, (q.start, q.end), "que_colon_quote"))
    return out


def _split_auxiliary(ctx: Ctx, i: int) -> bool:
    """Is the past participle at token i the second half of a compound tense whose auxiliary
    stands before an adverbial and its commas (`Il a, à ce sujet, proposé`)?"""
    k = i - 1
    while k >= ctx.sent_start(i) and i - k < 15 and ctx.in_quote[k] < 0:
        x = ctx.tok(k)
        if x.lemma_ in ("avoir", "être") and x.morph.get("VerbForm") == ["Fin"]:
            return True
        if x.pos_ in ("VERB", "AUX") or x.text in ("»", "\"", "”") or ctx.is_break(k):
            return False
        k -= 1
    return False


def pattern_inversion(ctx: Ctx, owner, t, cue: Cue) -> list[dict]:
    """Content before an inverted cue, with or without quotation marks.

    `« Nous tiendrons », a-t-il déclaré.` -> direct, speaker `il`
    `« Rien n'est joué », dit la ministre.` -> direct, speaker `la ministre`
    `La digue sera rehaussée, a déclaré le préfet Paul Martin.` -> indirect
    `« Nous avons gagné, lance-t-elle. La suite sera plus dure. »` -> two directs, one speaker
    """
    lo = chain_start(ctx, t.i)
    verb = ctx.tok(ctx.cue_first.get(t.i, t.i))  # `mettant` of `mettant en avant`
    gov = verb  # an infinitive's governing verb (`tient à préciser`, `en appelant à maintenir`)
    while gov.morph.get("VerbForm") == ["Inf"] and gov.dep_ in ("xcomp", "ccomp") and gov.head.i < gov.i:
        gov = gov.head
    if lo == 0 or is_participle(gov) \
            or any(c.dep_ == "cop" for c in t.children) or ctx.tok(lo).morph.get("VerbForm") == ["Inf"]:
        # `… qualifiant la tribune de « tract »`, `tout en appelant à maintenir la pression`, `a
        # annoncé avoir demandé X`, `…, est complète`: no inversion
        return []
    ce_que = _ce_que(ctx, lo)
    if lo == verb.i and verb.morph.get("VerbForm") == ["Part"] and _split_auxiliary(ctx, verb.i) and ce_que is None:
        return []  # `Il a d'ailleurs, à ce sujet, proposé la suppression`: its object, no inverted subject
    comme = norm(ctx.tok(lo - 1)) == "comme" and lo >= 2 and norm(ctx.tok(lo)) in ("l'", "le")
    if ce_que is not None:
        comme, lo = True, ce_que  # `A, ce qu'a confirmé le ministre`: A is what he confirmed
    fronted = lo >= 1 and norm(ctx.tok(lo - 1)) == "comme" and norm(ctx.tok(lo)) in ("l'", "le") \
        and ctx.sent_start(lo - 1) == lo - 1 and ctx.in_quote[t.i] < 0
    if comme:
        lo -= 1  # `…, comme l'a confirmé le procureur`: the clause before is what he confirmed
    before = ctx.tok(lo - 1)
    speaker = inverted_clitic(ctx, t)
    if speaker is not None:
        speaker = Speaker(*speaker, "clitic")
    else:
        speaker = right_speaker(ctx, t.i, incise=True)
        if speaker is None:
            return []
        if any(norm(x) in ("que", "qu'") for x in ctx.doc[t.i + 1:min(ctx.n, t.i + 4)]):
            return []
    if fronted:
        return _fronted_comme(ctx, owner, t, cue, speaker)
    quote_k = ctx.in_quote[t.i]
    if quote_k >= 0:  # incise inside a quote: split it
        q = ctx.quotes[quote_k]
        left_end = before.idx
        out = []
        first = (q.start, left_end)
        s1, e1 = first
        while e1 > s1 and ctx.text[e1 - 1] in " ,\u00a0":
            e1 -= 1
        if e1 > s1:
            out.append(make_attribution("direct", t, cue.lemma, cue.stance, speaker, (s1, e1), "incise"))
        # the rest of the quote after the incise's end (`, ` or `. `)
        k = t.i + 1
        while k < ctx.n and ctx.in_quote[k] == quote_k and ctx.tok(k).text not in {",", ".", ";", "!", "?"}:
            k += 1
        if k < ctx.n and ctx.in_quote[k] == quote_k:
            s2 = ctx.tok(k).idx + len(ctx.tok(k).text)
            while s2 < q.end and ctx.text[s2] in " \u00a0":
                s2 += 1
            if q.end > s2:
                out.append(make_attribution("direct", t, cue.lemma, cue.stance, speaker, (s2, q.end), "incise"))
        return out
    j = lo - 1
    if before.text == ",":
        j -= 1
    elif before.i not in ctx.close_tok and not (clause_done(before) and (
            t.morph.get("VerbForm") != ["Inf"] or t.i in ctx.cue_first)):  # not `a fait réagir la Toile`
        return []
    if j < 0:
        return []
    if j not in ctx.close_tok and inverted_clitic(ctx, t) is None:
        # `…, a déclaré le maire.`: the subject after the verb closes the clause, and what
        # comes before is a clause (a finite verb outside a relative), not the subject itself
        sp = ctx.doc.char_span(speaker[0], speaker[1], alignment_mode="expand")
        if sp is None or (sp.end < ctx.n and not (ctx.tok(sp.end).text in SENT_END | {",", ":", "("}
                                                 or ctx.tok(sp.end).is_space or ends_sentence(ctx, sp.end)
                                                 or comme and norm(ctx.tok(sp.end)) in ("qui", "dont"))):
            return []  # (`…, a annoncé la police vers midi.`: a short complement closes the sentence)
        if not has_main_verb(ctx, j):
            return []
    if j in ctx.close_tok:
        k = ctx.close_tok[j]
        q = ctx.quotes[k]
        left = clause_left(ctx, j)
        if left and left[0] < q.open and not joined_quotes(ctx, ctx.quotes, *left):
            if not has_main_verb(ctx, j) and subject_before(ctx, t, lo, speaker):
                return []  # `La ministre, redoutant un « bilan lourd », a demandé des renforts`
            return _coordinated(ctx, t, cue, speaker, (left[0], left[1]), "inversion_mixed")
        # `« A », mais « B », a-t-il dit`: one each (split_joined_quotes)
        span = (left[0], left[1]) if left and left[0] < q.open else (q.start, q.end)
        return [make_attribution("direct", t, cue.lemma, cue.stance, speaker, span, "inversion_quote")]
    left = clause_left(ctx, j)
    if left is None or left[1] - left[0] < 8:
        return []
    kind, span = kind_of(ctx, left, "indirect")
    # `La ville, a-t-il dit, sera reconstruite.`: the content continues after the incise
    sp_end_tok = ctx.doc.char_span(speaker[0], speaker[1], alignment_mode="expand")
    if comme and sp_end_tok is not None and any(ctx.tok(x).text == ":" for x in range(
            sp_end_tok.end, min(ctx.n, sp_end_tok.end + 12))):
        return []  # `…, comme l'indique X, chercheur : « … »`: the quote after the colon is his words
    after = ctx.tok(sp_end_tok.end + 1) if sp_end_tok is not None and sp_end_tok.end + 1 < ctx.n else None
    if not comme and after is not None and ctx.tok(sp_end_tok.end).text == "," \
            and after.morph.get("PronType") != ["Rel"] and not is_participle(after):
        # (not `…, se défend le groupe, qui a affirmé …`: a relative clause of the speaker; nor
        # `…, a confirmé sa porte-parole, précisant que …`: the speaker's own participle clause)
        more = clause_right(ctx, owner, sp_end_tok.end + 1)
        if more and ctx.tok(lo - 1).text == "," and not ctx.tok(lo - 1).is_sent_start:
            first_left = ctx.doc.char_span(left[0], left[1], alignment_mode="expand")
            if first_left is not None and first_left.start == first_left.sent.start and \
                    more[0][0] < ctx.tok(sp_end_tok.end).sent.end_char:
                span = (span[0], more[0][1])
    if span != left:
        return [make_attribution(kind, t, cue.lemma, cue.stance, speaker, span, "inversion")]
    return _coordinated(ctx, t, cue, speaker, span, "inversion")


def _ce_que(ctx: Ctx, lo: int):
    """The `que` of `…, ce qu'a (d'ailleurs) confirmé X` before the verbal group at lo, or None."""
    k = lo - 1
    while k > 2 and lo - k <= 4 and (ctx.tok(k).pos_ in ("ADV", "AUX") or ctx.tok(k).dep_.startswith("aux")
                                     or norm(ctx.tok(k)) == "d'"):
        k -= 1
    if k >= 2 and norm(ctx.tok(k)) in ("que", "qu'") and norm(ctx.tok(k - 1)) == "ce" and ctx.tok(k - 2).text == ",":
        return k
    return None


def _fronted_comme(ctx: Ctx, owner, t, cue: Cue, speaker) -> list[dict]:
    """`Comme l'a rappelé le ministre, l'usine avait fermé.`: a `comme` clause opening its
    sentence, its subject after the cue and a comma; what he said is the main clause after it."""
    sp = ctx.doc.char_span(speaker[0], speaker[1], alignment_mode="expand")
    if sp is None or sp.end + 1 >= ctx.n or ctx.tok(sp.end).text != ",":
        return []
    out = []
    for part in clause_right(ctx, owner, sp.end + 1):
        kind, part = kind_of(ctx, part, "indirect")
        out.append(make_attribution(kind, t, cue.lemma, cue.stance, speaker, part, "fronted_comme"))
    return out


def _coordinated(ctx: Ctx, t, cue: Cue, speaker, span, rule: str) -> list[dict]:
    """One attribution per coordinated clause of a content before its cue (`A et B, a dit X`)."""
    out = []
    for part in split_coordinated(ctx, span):
        kind, part = kind_of(ctx, part, "indirect")
        out.append(make_attribution(kind, t, cue.lemma, cue.stance, speaker, part, rule))
    return out


def clause_done(t) -> bool:
    """Can the clause end at token t, right before an inverted cue with no comma
    (`La piste a été écartée a fait savoir la police`)? A participle, or an adjective that
    is a predicate (with its copula), never a word that could be the cue's own subject."""
    if t.pos_ == "VERB" and t.morph.get("VerbForm") == ["Part"] and t.dep_ not in ("amod", "acl"):
        return True
    return t.pos_ == "ADJ" and any(c.dep_ == "cop" for c in t.children)


def past_addressee(ctx: Ctx, t, j: int) -> int:
    """Past the cue's addressee or setting at token j (`à la police`, `aux enquêteurs`, `sur
    Twitter`): a preposition and the noun phrase the parse hangs on the cue, up to a quotation mark."""
    if j >= ctx.n or not (norm(ctx.tok(j)) in ("aux", "au") or ctx.tok(j).pos_ == "ADP" and norm(ctx.tok(j)) not in
                          ctx.words.de | {"par", "pour", "selon", "sans", "comme"}):
        return j  # `à la police`, `devant les députés`, `sur Twitter`, `en conférence de presse`
    noun = ctx.tok(j).head
    if noun.i <= j or noun.head.i != t.i or noun.dep_ not in ("obl:arg", "obl", "iobj") or noun.pos_ == "VERB":
        return j
    end = j + 1
    while end <= noun.right_edge.i and end not in ctx.open_tok and not ctx.tok(end).is_punct:
        if norm(ctx.tok(end)) in ctx.words.de and end + 1 < ctx.n and (end + 1 in ctx.open_tok or ctx.tok(
                end + 1).pos_ in ("VERB", "AUX") or norm(ctx.tok(end + 1)) in ctx.words.negation_start):
            return j  # `demande à l'animateur de « ne pas venir »`: de + what is asked
        if ctx.tok(end).pos_ in ("VERB", "AUX", "SCONJ") or ctx.tok(end).head.pos_ == "VERB" and end > noun.i:
            if ctx.tok(end).pos_ == "SCONJ" or norm(ctx.tok(end)) in ctx.words.de:
                return j  # `a demandé à l'association de préciser « … »`: the quote belongs to the infinitive
            break  # `a assuré aux journalistes ne pas vouloir …`: the infinitive starts there
        end += 1
    return end


def pattern_de_inf(ctx: Ctx, owner, t, cue: Cue) -> list[dict]:
    """Cue + (object) + `de` + infinitive.

    `Le syndicat a promis de poursuivre la grève.` -> promise, content `poursuivre la grève`
    `L'opposition accuse le maire d'avoir menti.` -> accuse
    `Elle prône d'« associer les habitants »` -> the quoted infinitive, direct
    `Il a demandé à la commission, réunie lundi, d'enquêter` -> past an incise
    """
    j = t.i + 1
    skipped = 0  # tokens of incises stepped over
    obj = None  # `prie l'Ordre de coopérer`, `accuse des élus d'avoir menti`: the object is content
    while j < ctx.n and j - t.i - skipped <= 9:
        tk = ctx.tok(j)
        w = norm(tk)
        if obj is None and tk.pos_ in ("DET", "PROPN") and (
                all(ctx.tok(x).pos_ == "ADV" for x in range(t.i + 1, j)) or ctx.tok(j - 1).text == ","):
            obj = j
        if w in ("de", "d'", "d", "à") and j + 1 < ctx.n:
            k = _infinitive_after(ctx, j)
            if k is not None:
                first = j + 2 if w == "d" else j + 1  # `d` `'` `«`
                spans = clause_right(ctx, owner, obj if obj is not None and w != "à" else first)
                if spans:
                    speaker = speaker_for(ctx, t)
                    out = []
                    for part in _infinitives(ctx, (spans[0][0], spans[-1][1])):
                        kind, part = kind_of(ctx, part, "indirect")
                        out.append(make_attribution(kind, t, cue.lemma, cue.stance, speaker, part, "de_infinitive"))
                    return out
            if w != "à" and not (obj is not None and ctx.tok(j + 1).pos_ in ("DET", "NOUN", "PROPN")):
                return []  # `accuse le maire de fraude`; but `des membres de la commission d'être …`
        if tk.text == ",":
            past = _incise_end(ctx, j)  # `, quant à lui,`, `, réunie lundi,`
            if past is not None:
                skipped += past - j
                j = past
                continue
        if (tk.is_punct and tk.text != ",") or tk.pos_ in ("SCONJ",) or (
                tk.pos_ in ("VERB", "AUX") and not (obj is not None and tk.morph.get("VerbForm") == ["Part"])):
            return []
        j += 1
    return []


def _infinitive_after(ctx: Ctx, j: int):
    """Token of the infinitive after the preposition at j (`de`, `d'`, `d` `'`), past clitics,
    negation and an opening quotation mark in any order (`de « s'attaquer`, `d'« associer`,
    `de ne pas`), else None."""
    k = j + 1
    if norm(ctx.tok(j)) == "d" and k < ctx.n and ctx.tok(k).text in ("'", "’"):
        k += 1
    skip = ctx.words.negation_start | ctx.words.negation_end | ctx.words.object_clitic
    while k < ctx.n and k - j < 5 and (norm(ctx.tok(k)) in skip or k in ctx.open_tok):
        k += 1
    return k if k < ctx.n and ctx.tok(k).morph.get("VerbForm") == ["Inf"] else None


def _incise_end(ctx: Ctx, j: int):
    """After the comma at j, the token past the closing comma of an incise with no finite verb
    (`, quant à lui,`, `, composée de cinq juges,`), else None."""
    for k in range(j + 1, min(ctx.n, j + 14)):
        x = ctx.tok(k)
        if x.text == ",":
            return k + 1 if k > j + 1 else None
        if x.text in SENT_END or x.is_space or k in ctx.open_tok or norm(x) in ("que", "qu'", "qui") or (
                x.pos_ in ("VERB", "AUX") and "Fin" in x.morph.get("VerbForm")):
            return None
    return None


def _infinitives(ctx: Ctx, span: tuple[int, int]) -> list[tuple[int, int]]:
    """`de « réduire A » et de « former B »`, `de poursuivre A et de bloquer B`: one content per
    coordinated `de` + infinitive (quoted or not) outside quotation marks."""
    toks = ctx.doc.char_span(*span, alignment_mode="expand")
    if toks is None:
        return [span]
    out, start = [], span[0]
    for x in toks[:-2]:
        if norm(x) == "et" and ctx.in_quote[x.i] < 0 and norm(ctx.tok(x.i + 1)) in ("de", "d'"):
            k = x.i + 2
            if k in ctx.open_tok and k + 1 < ctx.n:
                k += 1
            if ctx.tok(k).morph.get("VerbForm") == ["Inf"] and x.i > toks.start:
                prev = ctx.tok(x.i - 1)
                out.append((start, prev.idx + len(prev.text)))
                start = ctx.tok(x.i + 2).idx
    out.append((start, span[1]))
    return out


def pattern_object(ctx: Ctx, owner, t, cue: Cue) -> list[dict]:
    """Denial or accusation whose content is the object noun phrase: `Le ministère a rejeté ces
    accusations.` -> deny, content `ces accusations`; `Le club dément (en bloc) toute irrégularité.`"""
    j = skip_own_part(ctx, t.i + 1)
    frames, j, after_de = object_frames(ctx, t, cue, j)
    if j >= ctx.n or not (ctx.tok(j).pos_ == "DET" or cardinal_head(ctx, j)
                          or after_de and (ctx.tok(j).pos_ in ("NOUN", "ADJ") or j in ctx.open_tok
                                           or norm(ctx.tok(j)) in ("du", "des"))):
        return []
    if not {"object", "que", "quote"} & frames and quoted_words(ctx, j) is None:
        return []  # `a exprimé sa « profonde tristesse … »`: any cue, but only with quoted words
    lo = chain_start(ctx, t.i)
    if lo > 0 and norm(ctx.tok(lo - 1)) in ("que", "qu'") and ctx.in_quote[t.i] < 0:
        return []  # `ce qu'avait annoncé le Cameroun`: the object is the relative, the subject follows
    recent_past = t.i >= 2 and norm(ctx.tok(t.i - 1)) in ("de", "d'") and ctx.tok(t.i - 2).lemma_ == "venir"
    if not recent_past and any(ctx.tok(x).morph.get("VerbForm") == ["Inf"] for x in range(lo, t.i + 1)):
        return []  # `semblent confirmer l'hypothèse`; but `vient d'annoncer sa démission` is said
    np = np_right(ctx, j, appos=False)
    if np is None and {"object", "que"} & frames:
        np = quoted_np(ctx, j)  # not a verb of quotes alone (`lance une « cagnotte »`: a name)
    words_only = np is None  # `a salué l'« engagement sans faille des bénévoles »`: a person's or organisation's
    if np is None:
        np = quoted_words(ctx, j)
    if np and ctx.tok(np[1]).lemma_.lower() in ctx.words.time_word:
        k = np[1]  # `a annoncé sa démission lundi`: the object before the time
        while k > np[0] and (ctx.tok(k).lemma_.lower() in ctx.words.time_word or ctx.tok(k).pos_ in ("NUM", "DET")):
            k -= 1
        np = (np[0], k) if k > np[0] and ctx.tok(k).pos_ in ("NOUN", "PROPN") else None
    if not np or standing_confirmed(ctx, cue, np):
        return []
    if lo > 0 and ctx.tok(lo - 1).text == "," and ends_sentence(ctx, np[1] + 1) \
            and not any(c.dep_.startswith("nsubj") and c.i < lo
                        for c in (*t.children, *ctx.tok(ctx.cue_first.get(t.i, t.i)).children)):
        return []  # `…, ont annoncé les Nations unies (vers midi).`: the subject inverted after its cue
        # (not `Le ministre, Paul Roux, annonce un deuil.`: the parse gives it its subject before)
    label = quoted_label(ctx, np[1] + 1, de=cue.stance == "accuse")
    if label:  # `a décrit le déploiement comme « une menace »`: the label is the content (NOTES.md T7)
        return [make_attribution("direct", t, cue.lemma, cue.stance, speaker_for(ctx, t), (q.start, q.end),
                                 "object_label") for q in label]
    spans = before_comment(ctx, np[1], before_own_predicate(ctx, within_cue_clause(ctx, t, clause_right(ctx, owner, j))))
    if spans and "object" not in frames and names_only(ctx, spans):
        return []  # `a lancé l'opération « Bouclier »`: a quoted name is no one's words
    if spans:
        kind, span = kind_of(ctx, (spans[0][0], spans[-1][1]), "indirect")
        if kind != "indirect":  # `a dénoncé la parole « malhonnête » du candidat`
            q = closing_words(ctx, span)
            if q is not None:  # `a résumé la situation par la phrase « … »`: the words are the content
                return [make_attribution("direct", t, cue.lemma, cue.stance, speaker_for(ctx, t), (q.start, q.end),
                                         "object_quote")]
            a = make_attribution(kind, t, cue.lemma, cue.stance, speaker_for(ctx, t), span, "object_quote")
            return [a] if not words_only or human_speaker(ctx, a) else []
    if "object" not in frames or words_only:
        return []
    end = np[1]
    if spans:
        # the noun phrase and the rest of its clause (`un engagement … pour la région`), up to a
        # comma opening a new noun phrase (`ces allégations, le porte-parole …`), not `, dont …`
        clause_end = ctx.doc.char_span(*spans[0], alignment_mode="expand").end - 1
        end = next((x - 1 for x in range(np[1] + 1, clause_end) if ctx.in_quote[x] < 0 and (
            ctx.tok(x).text in (",", ";") and ctx.tok(x + 1).pos_ in ("DET", "PROPN", "PRON")
            and norm(ctx.tok(x + 1)) != "dont" and not apposed(ctx, x + 1, j) or object_stop(ctx, t, x) or closing_time(ctx, x, clause_end))), clause_end)
        if end == clause_end and clause_end > np[1] and closing_time(ctx, clause_end, clause_end):
            end = clause_end - 1  # `sa démission lundi`
        end = max(end, np[1])
        while end > np[1] and ctx.tok(end).is_punct:
            end -= 1
    while end > j and ctx.tok(end).pos_ == "CCONJ" and ctx.in_quote[end] < 0:
        end -= 1  # `la fermeture du pont et [les habitants ont protesté]`: no dangling conjunction
    span = chars(ctx, j, end)
    k = end + 1
    if k + 1 < ctx.n and norm(ctx.tok(k)) in ("de", "d'") and ctx.tok(k + 1).morph.get("VerbForm") == ["Inf"]:
        more = clause_right(ctx, owner, k + 1)  # `son intention de cesser …`
        if more:
            span = (span[0], more[0][1])
    return [make_attribution("indirect", t, cue.lemma, cue.stance, speaker_for(ctx, t), span, "object")]
