"""Contents: what is attributed, from a cue to the end of its clause (or back to the sentence start
for an inverted cue), crossing paired quotes whole, and whether it is direct, indirect or mixed."""
from __future__ import annotations

import bisect
import re
from typing import Optional

from pipeline.components.attributions.context import MAX_CLAUSE, SENT_END, Ctx, chars, norm
from pipeline.components.attributions.coordination import coordinated_clause, speaker_participle
from pipeline.components.attributions.cues import inverted_clitic
from pipeline.components.attributions.speakers_right import skip_adverbials


def stop_right(ctx: Ctx, j: int, owner) -> bool:
    """Does a new attribution start at ', ' before token j (`, ajoutant que`, `, a-t-il dit`,
    `, selon X`, `, comme l'a confirmé X`)?"""
    t = ctx.tok(j)
    w = norm(t)
    if w in ("selon",) or (w == "d'" and j + 1 < ctx.n and norm(ctx.tok(j + 1)) == "après"):
        return True
    k = j + 2 if j + 2 < ctx.n and norm(ctx.tok(j + 1)) == "même" else j + 1  # `alors même que`
    if w in ("alors", "tandis") and k < ctx.n and norm(ctx.tok(k)) in ("que", "qu'"):
        return True  # the journalist's contrast, not the speaker's words
    if _subject_of_new_cue(ctx, t, owner):
        return True
    if w == "comme":  # `…, comme l'a confirmé le procureur`: the clause before is his
        k = j + 1 + (j + 1 < ctx.n and norm(ctx.tok(j + 1)) in ("l'", "le"))
        while k < ctx.n and k - j < 5 and ctx.tok(k).pos_ in ("AUX", "ADV"):
            k += 1
        if k < ctx.n and ctx.tok(k).pos_ == "VERB" and owner.verb_cue(ctx, ctx.tok(k)) is not None:
            return True
    k = j
    while k < ctx.n and k - j < 4 and (ctx.tok(k).pos_ == "AUX" or ctx.tok(k).text.startswith("-")
                                       or norm(ctx.tok(k)) in ("en", "tout")):
        k += 1
    if k < ctx.n:
        c = owner.verb_cue(ctx, ctx.tok(k))
        if c is not None:
            m = ctx.tok(k).morph
            if m.get("VerbForm") == ["Part"] and m.get("Tense") == ["Pres"]:
                return True
            if inverted_clitic(ctx, ctx.tok(k)) is not None:
                return True
            n = skip_adverbials(ctx, k + 1)  # `…, a annoncé jeudi soir le ministre`
            nxt = ctx.tok(n) if n < ctx.n else None
            if nxt is not None and nxt.pos_ in ("DET", "PROPN"):
                return True  # `…, a déclaré le ministre`
    return False


def _has_que_clause(v, ctx: Optional[Ctx] = None) -> bool:
    """Does verb v take a `que` clause: in the parse, or (with ctx) a `que` among the next words
    before any other verb or the sentence end (`ont demandé lundi, au Congrès, que …`)?"""
    if any(c.dep_ == "ccomp" and any(norm(m) in ("que", "qu'") for m in c.children) for c in v.children):
        return True
    for k in range(v.i + 1, min(ctx.n, v.i + 12) if ctx is not None else v.i + 1):
        t = ctx.tok(k)
        if norm(t) in ("que", "qu'"):
            return True
        if t.text in SENT_END or t.pos_ in ("VERB", "AUX") or k in ctx.open_tok:
            return False
    return False


def _subject_of_new_cue(ctx: Ctx, t, owner) -> bool:
    """Does token t open the subject of a cue verb of the same sentence that has a `que` clause of
    its own (`…, d'autres policiers déclarent que …`)? That is a new attribution, not this one's."""
    s = next((x for x in [t, *t.ancestors] if x.dep_ == "nsubj"), None)
    if s is None or s.i - t.i > 6 or s.left_edge.i != t.i:
        return False
    v = s.head
    return v.i > s.i and v.sent == t.sent and v.pos_ == "VERB" and "Fin" in v.morph.get("VerbForm") \
        and owner.verb_cue(ctx, v) is not None and _has_que_clause(v)


def _finite_ahead(ctx: Ctx, j: int) -> bool:
    """Is there a finite verb outside a relative clause from token j to the sentence end?"""
    k = j
    while k < ctx.n and ctx.tok(k).text not in SENT_END and not ctx.is_break(k) and k - j < 60:
        t = ctx.tok(k)
        if t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") and not any(
                norm(ctx.tok(x)) in ("qui", "que", "qu'", "dont", "où") for x in range(max(j, k - 3), k)):
            return True
        k += 1
    return False


def _rest_of_sentence(ctx: Ctx, j: int) -> list:
    k = j
    while k < ctx.n and ctx.tok(k).text not in SENT_END and not ctx.is_break(k) and k - j < 60:
        k += 1
    return [ctx.tok(x) for x in range(j, k)]


def journalist_resumes(ctx: Ctx, owner, i: int, j: int, quoted: bool) -> bool:
    """Does the journalist's own sentence take over at token j, so that the reported clause
    ends before it? A gerund (`… en paraphant la déclaration`), `avant de` + infinitive
    (`…, avant de conclure que`), a participle clause closing the sentence (`…, mis en place
    par Obama`), a trailing `selon X.` (its own attribution). Not inside a quote."""
    if quoted:
        return False
    rest = _rest_of_sentence(ctx, j)
    # quoted words further on are still the speaker's (`en donnant « … »`), unless a cue of its
    # own introduces them (`en se félicitant du « consensus »`)
    later_quote = any(x.i in ctx.open_tok for x in rest)
    t = ctx.tok(j)
    w = norm(t)
    prev = norm(ctx.tok(j - 1)) if j > 0 else ""
    if w == "tout" and j + 1 < ctx.n and norm(ctx.tok(j + 1)) == "en":
        k = j + 2  # `… « la sécurité du pays » tout en mettant en avant …`: `tout en` + a gerund
        while k < ctx.n and norm(ctx.tok(k)) in ctx.words.object_clitic and k - j < 4:
            k += 1
        if k < ctx.n and ctx.tok(k).morph.get("VerbForm") == ["Part"] and ctx.tok(k).morph.get("Tense") == ["Pres"]:
            return not later_quote or owner.verb_cue(ctx, ctx.tok(k)) is not None
    if w == "en":
        k = j + 1
        while k < ctx.n and norm(ctx.tok(k)) in ctx.words.object_clitic and k - j < 3:
            k += 1
        if k < ctx.n and ctx.tok(k).morph.get("VerbForm") == ["Part"] and ctx.tok(k).morph.get("Tense") == ["Pres"]:
            whole_quote = j - 1 in ctx.close_tok and ctx.qtok[ctx.close_tok[j - 1]][0] == i
            return not later_quote or owner.verb_cue(ctx, ctx.tok(k)) is not None or whole_quote
    if w == "avant" and prev == "," and j + 2 < ctx.n and norm(ctx.tok(j + 1)) in ("de", "d'") \
            and ctx.tok(j + 2).morph.get("VerbForm") == ["Inf"] and (
            not later_quote or owner.verb_cue(ctx, ctx.tok(j + 2)) is not None):
        return True  # `…, avant de conclure que « … »`: a new speech act of the speaker, its own content
    if later_quote:
        return False
    if prev == "," and t.pos_ in ("VERB", "ADJ") and t.morph.get("VerbForm") == ["Part"] \
            and (t.morph.get("Tense") != ["Pres"] or j + 1 < ctx.n and norm(ctx.tok(j + 1)) == "ainsi") \
            and not _finite_ahead(ctx, j) \
            and not any(x.text == "," for x in rest):
        return True
    if w == "selon" and prev != "," and not _finite_ahead(ctx, j):
        k = j + 1
        while k < ctx.n and ctx.tok(k).text not in SENT_END and not ctx.is_break(k) and k - j < 10:
            k += 1
        return k < ctx.n and (ctx.tok(k).text in SENT_END or ctx.is_break(k))
    return False


def _incise_close(ctx: Ctx, i: int) -> Optional[int]:
    """The comma closing the incise that opens at the comma i (`que, selon lui, …`, `que, tandis
    que X cumulait deux emplois, …`), within twelve words, no sentence end nor quote between."""
    for k in range(i + 2, min(ctx.n - 1, i + 14)):
        t = ctx.tok(k)
        if t.text in SENT_END or t.text == ":" or k in ctx.open_tok or ctx.is_break(k):
            return None
        if t.text == ",":
            return k
    return None


def clause_right(ctx: Ctx, owner, i: int, mais: str = "stop", subject: bool = False,
                 clauses: bool = False) -> list[tuple[int, int]]:
    """Content from token i to the end of its clause: the sentence end, a paragraph break,
    a new attribution (`, ajoutant que`) or the journalist's own words taking over
    (journalist_resumes; a content that is one quote then a gerund ends with the quote); `et que` splits it into coordinated contents, and so does `, mais` +
    a clause when `mais` is "split" (`selon X, A, mais B`: both are X's), else it ends there.
    Paired quotes are crossed whole. With `clauses`, `et` + a clause with its own subject splits
    it too (coordinated_clause). Returns char spans (one per coordinated clause)."""
    spans = []
    while i + 1 < ctx.n and ctx.tok(i).text == ",":
        if not stop_right(ctx, i + 1, owner):
            i += 1  # `estimait que, de par cette situation, …`: the content starts after the comma
        elif i > 0 and norm(ctx.tok(i - 1)) in ("que", "qu'") and (close := _incise_close(ctx, i)) is not None \
                and norm(ctx.tok(i + 2)) not in ctx.words.subject_pronoun:
            # `annonce que, selon ses sources, …`: the clause after the incise (`que, selon lui, …`:
            # the speaker's own, one attribution, the selon's)
            i = close
        else:
            break
    i = _after_connective(ctx, i)
    start = i
    last = None
    j = i
    quoted = i < ctx.n and ctx.in_quote[i] >= 0
    while j < ctx.n and j - i < MAX_CLAUSE:
        t = ctx.tok(j)
        if ctx.is_break(j) and t.is_space:
            break
        if j in ctx.open_tok:
            k = ctx.open_tok[j]
            close = ctx.qtok[k][1]
            if close is not None and close >= j:
                last = close
                if ctx.is_break(close) or ends_sentence_in_quote(ctx, k, close, new_quote=True):
                    break
                j = close + 1
                continue
        if t.text in SENT_END:
            break
        if j in ctx.close_tok and (ctx.qtok[ctx.close_tok[j]][0] or 0) < i:
            break  # the quote this content started in ends here
        if t.text == ":" and j + 1 < ctx.n and j + 1 in ctx.open_tok:
            break  # `… : « a new direct quote »`
        if t.text == "," and j + 1 < ctx.n and (stop_right(ctx, j + 1, owner) or _writer_apposition(ctx, owner, start, j)):
            break
        if j > i and journalist_resumes(ctx, owner, i, j, quoted):
            last = _aside_after_quote(ctx, start, last)
            break
        w = norm(t)
        if w == "mais" and j > i and norm(ctx.tok(j - 1)) == "," and last is not None \
                and _finite_ahead(ctx, j + 1) and not any(norm(ctx.tok(x)) == "seulement" for x in range(i, j)) \
                and not _infinitive_after(ctx, j + 1):
            if mais != "split" or quoted:
                break
            spans.append((start, last))
            start, last = j + 1, None
            j += 1
            continue
        if j - 1 in ctx.close_tok and j > start and t.morph.get("VerbForm") == ["Part"] \
                and t.morph.get("Tense") == ["Pres"] and owner.verb_cue(ctx, t) is not None:
            break  # `de « ne pas venir » estimant que …`: a new speech act right after the quote
        if j > start and _concession_after_quote(ctx, j):
            break  # `« … » , même si les enquêteurs pensent …`: the journalist's contrast after the quote
        if w in ("que", "qu'") and j > start and _labelling_relative(ctx, owner, j):
            break  # `a critiqué la comparaison, qu'il a qualifiée de « fausse »`: his own speech act
        if w in ("et", "mais", "puis") and j > start and speaker_participle(ctx, j, start):
            break  # `a affirmé que « A » et rendu hommage à …`: a second predicate of the speaker
        if (w in ("et", "puis") or w == "mais" and norm(ctx.tok(j - 1)) != ",") and j + 1 < ctx.n \
                and ctx.tok(j + 1).pos_ in ("VERB", "AUX") and \
                ctx.tok(j + 1).morph.get("VerbForm") == ["Fin"] and (not subject or j - 1 in ctx.close_tok
                                                                      or _speaker_predicate(ctx, j + 1, start)
                                                                      or _cue_with_que(ctx, owner, j + 1)):
            break  # `annonce son soutien et appelle à …`: a second predicate of the speaker (in a clause
            # with its own `subject`, `que les habits ont été retrouvés et ont été lavés`, by the parse)
        if w == "et" and j > start and _new_clause_after_phrase(ctx, start, j):
            break  # `demandé de lui céder la place et ce dernier s'est exécuté`: the journalist goes on
        v = coordinated_clause(ctx, j, start) if w == "et" and last is not None else None
        if v is not None and owner.verb_cue(ctx, v) is not None and _has_que_clause(v, ctx):
            break  # `que A et les démocrates ont demandé que B`: another speaker's attribution
        if v is not None and clauses:
            spans.append((start, last))  # `que le pont est fermé et les routes sont coupées`: one each
            start, last = j + 1, None
            j += 1
            continue
        if w == "et" and j + 1 < ctx.n and norm(ctx.tok(j + 1)) in ("que", "qu'") and last is not None:
            spans.append((start, last))
            start = j + 2
            last = None
            j += 2
            continue
        if not t.is_space:
            last = j
        if "\n" in t.whitespace_:
            break
        j += 1
    if last is not None and last >= start:
        spans.append((start, last))
    out = []
    for a, b in spans:
        while b > a and (ctx.tok(b).text in {",", "-", "–", "—", ":"} or ctx.tok(b).is_space or _dangling(ctx, b)):
            b -= 1
        if b >= a:
            s, e = chars(ctx, a, b)
            call = FOOTNOTE_CALL.search(ctx.text, s, e)  # `[1]` closing the words is no part of them
            out.append((s, call.start()) if call and call.start() > s else (s, e))
    return out


def _cue_with_que(ctx: Ctx, owner, k: int) -> bool:
    """Is token k a finite cue with its own `que` clause (`…, et précise qu'elles ont fait …`)? After
    `et`, a second speech act of the speaker with no subject of its own: the first content ends."""
    v = ctx.tok(k)
    return not any(c.dep_ in ("nsubj", "nsubj:pass") for c in v.children) and owner.verb_cue(ctx, v) is not None \
        and _has_que_clause(v, ctx)


CONCESSIVE = {("même", "si"), ("tandis", "que"), ("tandis", "qu'"), ("bien", "que"), ("bien", "qu'"),
              ("alors", "que"), ("alors", "qu'")}


def _concession_after_quote(ctx: Ctx, j: int) -> bool:
    """Does a subordinator of contrast or concession (`même si`, `tandis que`, `bien que`, `alors
    que`) open at token j right after a closing quotation mark (and a comma)? The speaker's words
    end with the quote; the contrast is the journalist's."""
    k = j - 1 if j > 0 and ctx.tok(j - 1).text == "," else j
    return k - 1 in ctx.close_tok and j + 1 < ctx.n and (norm(ctx.tok(j)), norm(ctx.tok(j + 1))) in CONCESSIVE


def _period_on_word(ctx: Ctx, k: int) -> bool:
    """Does token k end its sentence with a period the tokenizer left on it (`km/h.`, then a
    capitalised word)? Not an initial (`M.`, `J.`)."""
    t = ctx.tok(k)
    return t.text[-1:] in (".", "!", "?") and t.text[:-1].islower() and k + 1 < ctx.n \
        and ctx.tok(k + 1).text[:1].isupper()


def _writer_apposition(ctx: Ctx, owner, start: int, j: int) -> bool:
    """`qu'ils étaient encore 120 000, une information impossible à vérifier`: after a clause
    complete with its finite verb, an indefinite or demonstrative noun phrase naming a statement
    (a document noun or a noun cue: `une information`, `une promesse`) is the writer's comment on
    it, no part of it; so is such a noun with no determiner before its relative clause, after any
    content (`détester le gouvernement, affirmation qu'il a réitérée`)."""
    if ctx.in_quote[j] >= 0 or j + 2 >= ctx.n:
        return False
    d, n = ctx.tok(j + 1), ctx.tok(j + 2)
    if d.pos_ == "NOUN" and (d.lower_ in ctx.words.document_head or d.lemma_.lower() in owner.nouns) \
            and n.lower_ in ("que", "qu'", "qu’", "qui", "dont"):
        return True  # a bare noun and its relative: `détester le gouvernement, affirmation qu'il a réitérée`
    if d.pos_ != "DET" or not (d.morph.get("Definite") == ["Ind"] or d.morph.get("PronType") == ["Dem"]):
        return False
    if n.pos_ != "NOUN" or not (n.lower_ in ctx.words.document_head or n.lemma_.lower() in owner.nouns):
        return False
    return any(ctx.tok(x).pos_ in ("VERB", "AUX") and "Fin" in ctx.tok(x).morph.get("VerbForm")
               for x in range(start, j))


def ends_sentence_in_quote(ctx: Ctx, k: int, close: int, new_quote: bool = False) -> bool:
    """Does quote k (its closing mark at token `close`) end with a period, and a capitalised word
    follow it (`« … la tentative de viol. » Toujours selon X`): its sentence ends there. With
    `new_quote`, a quote opening right after it ends it too (`selon X, A « … demain. » « Nous …`:
    read rightwards; leftwards, `« A. » « B », a-t-il dit` keeps both quotes for one cue)."""
    q = ctx.quotes[k]
    return ctx.text[q.start:q.end].rstrip()[-1:] in (".", "!", "?") and close + 1 < ctx.n \
        and (ctx.tok(close + 1).text[:1].isupper() or new_quote and close + 1 in ctx.open_tok)


def _new_clause_after_phrase(ctx: Ctx, start: int, j: int) -> bool:
    """Is the content from `start` to `et` at j an infinitive or a noun phrase (no finite verb,
    quoted or not), and what follows `et` a clause with a subject of its own? That clause cannot
    be coordinated with the content."""
    if ctx.in_quote[j] >= 0 or any(ctx.tok(x).pos_ in ("VERB", "AUX") and "Fin" in ctx.tok(x).morph.get("VerbForm")
                                   for x in range(start, j)):
        return False
    s = ctx.tok(j + 1) if j + 1 < ctx.n else None
    subj = next((x for x in [s, *s.ancestors] if x.dep_.startswith("nsubj")), None) if s is not None else None
    return subj is not None and subj.left_edge.i == j + 1 and subj.head.i > subj.i \
        and "Fin" in subj.head.morph.get("VerbForm") + [a.morph.get("VerbForm", [""])[0] for a in subj.head.children
                                                       if a.dep_.startswith("aux")]


def _infinitive_after(ctx: Ctx, k: int) -> bool:
    """Does an infinitive open what follows (adverbs and object clitics aside: `…, mais finalement
    les supprimer`)? It is a second infinitive of the same content, not a new clause."""
    while k < ctx.n and (ctx.tok(k).pos_ == "ADV" or norm(ctx.tok(k)) in ctx.words.object_clitic) and not \
            ctx.tok(k).is_punct:
        k += 1
    return k < ctx.n and ctx.tok(k).morph.get("VerbForm") == ["Inf"]


def _dangling(ctx: Ctx, b: int) -> bool:
    """Is token b a conjunction left at the end of a content, its clause cut off (`…, même si`
    before `, selon lui, …`)? Not inside a quote."""
    t = ctx.tok(b)
    if ctx.in_quote[b] >= 0:
        return False
    return t.pos_ in ("SCONJ", "CCONJ") and norm(t) not in ("que", "qu'") or (
        norm(t) == "même" and b + 1 < ctx.n and norm(ctx.tok(b + 1)) == "si")


def _labelling_relative(ctx: Ctx, owner, j: int) -> bool:
    """Is the `que` at token j a relative pronoun after a noun (a comma or a quote aside) whose
    clause, closing the sentence, is a speech act of its own with a subject pronoun or a
    definite noun phrase (`la comparaison, qu'il a qualifiée de « fausse »`, `une « intrusion »
    que le journal estime comme « une atteinte »`)? The content ends before it; the relative is
    its own attribution (or none)."""
    if ctx.in_quote[j] >= 0:
        return False
    p = j - 1
    while p > 0 and (ctx.tok(p).text == "," or p in ctx.close_tok):
        p -= 1
    if ctx.tok(p).pos_ not in ("NOUN", "PROPN", "ADJ") or ctx.tok(p).lower_ in ("fait",):
        return False
    k = j + 1
    if k < ctx.n and ctx.tok(k).pos_ == "DET":
        k += 1
    if k >= ctx.n or not (ctx.tok(k).pos_ in ("NOUN", "PROPN") and ctx.tok(j + 1).pos_ == "DET"
                          or norm(ctx.tok(k)) in ("il", "elle", "ils", "elles")):
        return False
    k += 1
    while k < ctx.n and k - j < 7 and (ctx.tok(k).pos_ in ("AUX", "ADV") or ctx.tok(k).dep_.startswith("aux")
                                       or norm(ctx.tok(k)) in ctx.words.object_clitic):
        k += 1
    v = ctx.tok(k) if k < ctx.n else None
    return v is not None and v.pos_ in ("VERB", "ADJ", "NOUN") and (
        owner.verb_cue(ctx, v) is not None or v.lemma_ in ctx.words.labelling) and not _finite_ahead(ctx, k + 1)


def _speaker_predicate(ctx: Ctx, k: int, start: int) -> bool:
    """Is the verb at k (after `et`) coordinated, in the parse, with a verb before the content
    that starts at `start` (`a déclaré que A et a exprimé B`), not with the content's own verb?
    (After a closing quote it is the speaker's in any case: `que X « ne comprend pas » et a
    exprimé …`.)"""
    v = ctx.tok(k)
    if v.dep_.startswith("aux") or v.dep_ == "cop":
        v = v.head
    return v.dep_ == "conj" and v.head.i < start


FOOTNOTE_CALL = re.compile(r"\s*\[\d{1,3}\]\.?$")


def close_parentheses(ctx: Ctx, found: list[dict]) -> None:
    """A content never ends inside a parenthesis it opened (`contre l'organisation État islamique
    (Daech`, `alors que la participation était élevée (65,5`): it runs on to the closing one when
    that closes the same sentence's words a few characters on; nor runs past the close of one it
    did not open (it started inside it)."""
    for a in found:
        s, e = a["content_start"], a["content_end"]
        words = ctx.text[s:e]
        depth = 0
        for n, ch in enumerate(words):  # `(c'est lui qui a signalé sa radicalisation), « … »`
            depth += (ch == "(") - (ch == ")")
            if depth < 0:  # a parenthesis the content did not open closes: the content ends there
                a["content_end"] = s + len(words[:n].rstrip(" ,"))
                if a["kind"] == "mixed" and not any(m in words[:n] for m in "«»\"“”"):
                    a["kind"] = "indirect"  # the quoted words were past the parenthesis
                break
        if depth < 0 or words.count("(") <= words.count(")"):
            continue
        close = ctx.text.find(")", e, e + 40)
        if close >= 0 and not re.search(r"[.!?\n]\s", ctx.text[e:close]) \
                and not (a["cue_start"] is not None and e <= a["cue_start"] < close):
            a["content_end"] = close + 1


def _after_connective(ctx: Ctx, i: int) -> int:
    """`Pour X, cependant, A`, `Pour X, au contraire, A`: a connective of the journalist's (an
    adverb, or a preposition and a bare noun or adverb: `en revanche`, `par ailleurs`) and its comma
    opening a content are not content; the token after them, else i."""
    if i + 2 >= ctx.n or ctx.in_quote[i] >= 0:
        return i
    a, b = ctx.tok(i), ctx.tok(i + 1)
    if a.pos_ == "ADV" and b.text == "," and norm(a) not in ctx.words.when_adverb:
        return i + 2
    if a.pos_ == "ADP" and b.pos_ in ("NOUN", "ADV") and b.text.islower() and i + 2 < ctx.n \
            and ctx.tok(i + 2).text == "," and i + 3 < ctx.n:
        return i + 3
    return i


def _aside_after_quote(ctx: Ctx, start: int, last):
    """`que cette « Union est indivisible », en référence au Brexit, avant de …`: when the
    journalist takes over, a verbless phrase between the content's last quote and that point
    (after a comma) is the journalist's aside too; the content ends with the quote."""
    if last is None:
        return last
    k = last
    while k > start and k not in ctx.close_tok:
        t = ctx.tok(k)
        if k in ctx.open_tok or t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm"):
            return last
        k -= 1
    if k <= start or k + 1 > last or ctx.tok(k + 1).text != ",":
        return last
    return k


def clause_left(ctx: Ctx, j: int) -> Optional[tuple[int, int]]:
    """Content ending at token j (inclusive), back to the sentence or paragraph start."""
    end = j
    while end >= 0 and (ctx.tok(end).text in {",", "-", "–", "—"} or ctx.tok(end).is_space):
        if "\n" in ctx.tok(end).text or "\n" in ctx.tok(end).whitespace_:
            return None
        end -= 1
    if end < 0:
        return None
    k = end
    first = end
    while k >= 0 and end - k < MAX_CLAUSE:
        t = ctx.tok(k)
        if k in ctx.close_tok:
            o = ctx.qtok[ctx.close_tok[k]][0]
            if o is not None and o <= k:
                if k < end and ends_sentence_in_quote(ctx, ctx.close_tok[k], k):
                    break  # `« … viol. » Toujours selon X`: the quote's period ended the sentence
                first = o
                k = o - 1
                continue
        if t.text in SENT_END or t.is_space or "\n" in t.whitespace_ or t.text == ":" or k + 1 == ctx.body_from:
            break
        if _period_on_word(ctx, k):
            if k == end:
                return None
            break  # `… de 140 km/h. Selon X`: a period the tokenizer left on its word
        first = k
        k -= 1
    if first > end:
        return None
    return chars(ctx, first, end)


def kind_of(ctx: Ctx, span, default):
    """direct when the content is one quote (or opens with a quote and goes on with no verb:
    `qu'« … » dans un avis publié mardi`), mixed when it holds quoted fragments (bisect over
    the quotes by opening offset: O(log n) per attribution)."""
    if not hasattr(ctx, "_qopen"):
        ctx._qopen = [q.open for q in ctx.quotes]
    s, e = span
    k = bisect.bisect_left(ctx._qopen, s - 1)
    if _quotes_only(ctx, ctx.quotes[k:k + 6], s, e):
        return "direct", span  # `« A » et « B »`: wholly quoted (corpus/NOTES.md T10)
    for n, q in enumerate(ctx.quotes[k:]):
        if q.open > e:
            break
        if q.open <= s and (q.close >= e - 1) and q.close <= e + 2:
            return "direct", (q.start, q.end)
        if n == 0 and q.open <= s and q.close < e and q.end - q.start > 20:
            rest = ctx.doc.char_span(q.close + 1, e, alignment_mode="expand")
            if rest is not None and not any(x.pos_ in ("VERB", "AUX") and x.morph.get("VerbForm") == ["Fin"]
                                            for x in rest) and not any(x.i in ctx.open_tok for x in rest) \
                    and quote_setting(ctx, rest):
                return "direct", (q.start, q.end)
        if q.open >= s and q.close <= e and q.end - q.start > 1:
            return ("mixed" if default == "indirect" else default), span
    return default, span


def quote_setting(ctx: Ctx, rest) -> bool:
    """Is what follows a quote the setting of the speech (`dans un avis publié mardi`, `lors de la
    réunion`, `mardi`, `selon X`), not words of the content going on (`toujours dans le
    quartier`, `contre ses membres`: mixed)?"""
    first = next((x for x in rest if not x.is_punct), None)
    return first is None or rest[0].is_punct or norm(first) in ctx.words.setting \
        or first.pos_ == "NUM" or first.lower_ in ctx.words.time_word


def _quotes_only(ctx: Ctx, quotes, s: int, e: int) -> bool:
    """Is [s, e) two or more quotes with only `et`, `ou`, `mais` or a comma between them?"""
    return bool(joined_quotes(ctx, quotes, s, e))


def joined_quotes(ctx: Ctx, quotes, s: int, e: int) -> list:
    """The quotes (outermost only) that make up [s, e) when it is two or more of them with only
    `et`, `ou`, `mais` or a comma between them, else []."""
    inside = [q for q in quotes if q.close < e + 2 and q.open >= s - 1 and q.depth == 0]
    if len(inside) < 2 or inside[0].open > s + 1 or inside[-1].close < e - 2:
        return []
    ok = all(ctx.text[a.close + 1:b.open].strip(" ,\u00a0") in ("", "et", "ou", "mais")
             for a, b in zip(inside, inside[1:]))
    return inside if ok else []


def split_joined_quotes(ctx: Ctx, found: list[dict]) -> list[dict]:
    """`« A », mais « B », a affirmé X`: quotes joined under one cue give one direct attribution
    each (corpus/NOTES.md T10; the gold splits them)."""
    out = []
    for a in found:
        qs = joined_quotes(ctx, ctx.quotes, a["content_start"], a["content_end"]) if a["kind"] == "direct" else []
        out += [dict(a, content_start=q.start, content_end=q.end) for q in qs] or [a]
    return out


def has_main_verb(ctx: Ctx, j: int) -> bool:
    """Does the clause ending at token j hold a finite verb outside a relative clause? (A clause
    ending on a quote that closes its own sentence, `sa médaille « a le goût du travail. »`, is
    read from before that full stop.)"""
    k = j
    if j in ctx.close_tok and j > 0 and ctx.tok(j - 1).text in SENT_END:
        k = j - 2
    while k >= 0 and j - k < MAX_CLAUSE:
        t = ctx.tok(k)
        if t.text in SENT_END or t.is_space or "\n" in t.whitespace_:
            break
        if t.pos_ in ("VERB", "AUX") and t.morph.get("VerbForm") == ["Fin"]:
            w = [norm(ctx.tok(x)) for x in range(max(0, k - 3), k)]
            if not any(x in ("qui", "que", "qu'", "dont", "où", "lequel", "laquelle") for x in w):
                return True
        k -= 1
    return False
