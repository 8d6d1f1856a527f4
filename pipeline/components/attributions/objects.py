"""Where a noun-phrase object of a cue ends and what it holds: the cue's own clause (the parse),
a time closing it, a relative `que` after it, a quoted label or quoted words closing it, quotes that
are only names, the writer's `, ce qui …` after it, a cardinal opening it, an apposition or a complement of the
speech event inside it, a quoted noun phrase; whether the noun phrase after an inverted cue is its
object or its subject; and cues that only qualify a noun or are passive (nobody speaks)."""
from __future__ import annotations

from pipeline.components.attributions.context import SENT_END, TO, Ctx, norm
from pipeline.components.attributions.speakers_right import skip_adverbials


def subject_before(ctx: Ctx, t, lo: int, speaker) -> bool:
    """Does the parse give cue t its subject before it, or make the noun phrase after it its
    object (`…, a demandé des renforts`), so that what precedes is no inverted content?"""
    if any(c.dep_.startswith("nsubj") and c.i < lo for c in t.children):
        return True
    sp = ctx.doc.char_span(speaker[0], speaker[1], alignment_mode="expand")
    return sp is not None and sp.root.dep_ == "obj" and sp.root.head.i == t.i


def relative_que(ctx: Ctx, t, que: int) -> bool:
    """Is the `que` at token `que` a relative pronoun after the cue's direct object (`critique
    le rapport qu'il juge …`) rather than the conjunction of a reported clause? The object: a
    determiner right after the cue (adverbs aside), a noun or adjective right before `que`. Verbs
    that take both an object and a clause (`informer les habitants que`) excepted."""
    last = que - 2 if ctx.tok(que - 1).text == "," else que - 1  # `sa contestation des accusations, qu'il juge`
    if t.lemma_ in ctx.words.object_and_que or que < t.i + 3 or not (ctx.tok(last).pos_ in ("NOUN", "ADJ", "PROPN")
                                                            or ctx.tok(last).like_num) \
            or ctx.tok(last).lower_ in ctx.words.time_word or ctx.tok(last).lower_ == "fait":
        return False  # `a rappelé ce matin que`: a time, no object; `souligne le fait que`: a clause
    k = skip_adverbials(ctx, t.i + 1)  # `annonçait ce matin à l'AFP que`: a time, then no object
    return k < que and ctx.tok(k).pos_ == "DET" and not any(
        ctx.tok(x).text in (",", ":") or norm(ctx.tok(x)) in TO for x in range(k, que - 1)) and (
        ctx.tok(que - 1).text != "," or ctx.tok(que - 2).pos_ in ("NOUN", "ADJ", "PROPN"))


def gapped_relative(ctx: Ctx, t, que: int) -> bool:
    """Does the parse make the `que` at token `que` the object of its own clause, a noun right
    before it (a comma aside), and that clause's verb has no other object nor clause (`réaffirme
    les idées qu'il a défendues`, `vers la base qu'elle avait perdue`, `aux conclusions du comité,
    qu'il qualifie de …`)? A relative pronoun with its gap, not the conjunction of a reported clause."""
    q = ctx.tok(que)
    last = que - 2 if ctx.tok(que - 1).text == "," else que - 1
    if que < t.i + 2 or ctx.tok(last).pos_ not in ("NOUN", "PROPN", "ADJ") or ctx.tok(last).lower_ in ctx.words.time_word \
            or ctx.tok(last).lower_ == "fait" or t.lemma_ in ctx.words.object_and_que:
        return False  # (`met en avant le fait que`, `informe les habitants que`: a clause)
    if not (q.dep_ == "obj" or q.morph.get("PronType") == ["Rel"]) or q.head.i <= que:
        return False
    noun = ctx.tok(last).head if ctx.tok(last).dep_ == "amod" else ctx.tok(last)
    while noun.dep_ == "nmod" and noun.head.pos_ in ("NOUN", "PROPN") and noun.head.i < noun.i and any(
            c.dep_ == "case" and norm(c) in ("de", "d'", "du", "des") for c in noun.children):
        noun = noun.head  # `aux élus de la commune`: the noun the cue governs
    if any(c.dep_ == "case" and norm(c) not in ctx.words.place_preposition for c in noun.children) and (
            ctx.tok(que - 1).text != "," or any(ctx.tok(x).text == "," for x in range(t.i + 1, noun.i))):
        return False  # `a confirmé à la presse qu'il`, `a déclaré dans un communiqué que`: a setting, then the clause
    v = q.head
    return v.pos_ in ("VERB", "AUX") and not any(
        c.i != que and c.dep_ in ("obj", "ccomp", "xcomp") and c.pos_ != "ADJ" for c in v.children)


def shared_auxiliary(t, c) -> bool:
    """`a dénoncé X et salué Y`: a past participle with its own object, coordinated with a cue
    whose auxiliary it shares, is a second predicate of the speaker. (Read on the parse's link to the
    cue; coordination.speaker_participle reads the surface after a content, where the parse often
    links the participle to the content's verb.)"""
    return "Part" in c.morph.get("VerbForm") and any(x.dep_.startswith("aux") for x in t.children) \
        and any(x.dep_ in ("obj", "ccomp", "xcomp") for x in c.children)


def within_cue_clause(ctx: Ctx, t, spans: list) -> list:
    """An object content ends where the parse ends the cue's clause: before a second predicate
    of the speaker (`dénoncent une logique du « buzz », et s'inquiètent de …`: a finite verb
    coordinated with the cue) and before the verb the cue hangs from (`des manifestants
    réclamant la libération des militants lui ont jeté des œufs`)."""
    if not spans:
        return spans
    s, e = spans[0][0], spans[-1][1]
    cut = None
    for c in t.children:
        if c.pos_ not in ("VERB", "AUX") or not s < c.idx < e or ctx.in_quote[c.i] >= 0:
            continue
        own_subject = any(x.dep_.startswith("nsubj") for x in c.children)
        if c.dep_ == "conj" and ("Fin" in c.morph.get("VerbForm") or own_subject or any(
                x.dep_.startswith("aux") for x in c.children) or shared_auxiliary(t, c)) or c.dep_ in ("advcl", "parataxis") and own_subject \
                and c.left_edge.i > 0 and norm(ctx.tok(c.left_edge.i - 1)) in ("et", ","):
            left = c.left_edge.i
            cut = left if cut is None else min(cut, left)
    for a in t.ancestors:
        if a.pos_ in ("VERB", "AUX") and s < a.idx < e and a.i > t.right_edge.i and ctx.in_quote[a.i] < 0:
            cut = t.right_edge.i + 1 if cut is None else min(cut, t.right_edge.i + 1)
            break
    if cut is None:
        return spans
    k = cut - 1
    while k > t.i and (ctx.tok(k).is_punct or norm(ctx.tok(k)) in ("et", "mais")) and ctx.in_quote[k] < 0 \
            and k not in ctx.close_tok:
        k -= 1
    if k <= t.i or ctx.tok(k).idx < s:
        return []
    end = ctx.tok(k).idx + len(ctx.tok(k).text)
    return [(a, min(b, end)) for a, b in spans if a < end]


def before_own_predicate(ctx: Ctx, spans: list) -> list:
    """An object content ends before a comma that opens another predicate of the speaker: a
    present participle (`a dénoncé un « assassinat », y voyant une manœuvre`) or `sans` + an
    infinitive (`a condamné ces propos, sans même attendre la fin`), outside quotation marks."""
    if not spans:
        return spans
    toks = ctx.doc.char_span(spans[0][0], spans[-1][1], alignment_mode="expand")
    for c in toks or []:
        if c.i > toks.start and _main_verb_starts(ctx, c.i, toks.start):
            # `des manifestants réclamant la libération de X lui ont jeté des œufs`: the main verb of
            # the sentence whose subject the participle qualifies closes its object
            end = ctx.tok(c.i - 1).idx + len(ctx.tok(c.i - 1).text)
            return [(a, min(b, end)) for a, b in spans if a < end]
        if c.text != "," or ctx.in_quote[c.i] >= 0 or c.i + 1 >= ctx.n:
            continue
        k = c.i + 1
        while k < ctx.n and k - c.i <= 3 and (norm(ctx.tok(k)) in ctx.words.object_clitic or ctx.tok(k).pos_ == "ADV"
                                              or norm(ctx.tok(k)) == "sans"):
            k += 1
        v = ctx.tok(k) if k < ctx.n else None
        if v is not None and (v.morph.get("VerbForm") == ["Part"] and v.morph.get("Tense") == ["Pres"]
                              and ctx.tok(c.i + 1).pos_ != "ADV"
                              or norm(ctx.tok(c.i + 1)) == "sans" and v.morph.get("VerbForm") == ["Inf"]):
            end = ctx.tok(c.i - 1).idx + len(ctx.tok(c.i - 1).text)
            return [(a, min(b, end)) for a, b in spans if a < end]
    return spans


def _main_verb_starts(ctx: Ctx, i: int, lo: int) -> bool:
    """Does a finite verb group (clitics or negation first, or an auxiliary of a compound tense)
    start at token i of a noun-phrase object that began at token lo, outside quotation marks and
    with no relative pronoun, conjunction or punctuation before it?"""
    lead = ctx.words.object_clitic | ctx.words.negation_start
    k = i
    while k < ctx.n and k - i < 3 and norm(ctx.tok(k)) in lead:
        k += 1
    v = ctx.tok(k) if k < ctx.n else None
    if v is None or ctx.in_quote[i] >= 0 or v.pos_ not in ("VERB", "AUX") or "Fin" not in v.morph.get("VerbForm"):
        return False
    if k == i and not (v.pos_ == "AUX" and v.lemma_ in ("avoir", "être") and ctx.tok(k + 1).pos_ in ("VERB", "ADV")):
        return False  # `l'homophobie présente dans la région`: a bare form may be an adjective; a
        # clitic, a negation or a compound tense makes it a verb
    if i > lo and norm(ctx.tok(i - 1)) in lead:
        return False  # inside the clitic cluster: its first word is the start
    return not any(norm(ctx.tok(x)) in ("qui", "que", "qu'", "dont", "où", "lequel", "laquelle", "si")
                   or ctx.tok(x).pos_ in ("SCONJ", "CCONJ", "PUNCT") for x in range(lo, i))


def quoted_label(ctx: Ctx, k: int, de: bool = False) -> list:
    """The quotes of a label after an object (`comme « une menace »`, `comme « tremblants » et
    « dégoûtés »`; with `de`, a disparaging one: `qualifie la décision d'« absurde »`) starting at
    token k, else []."""
    if de and k + 2 < ctx.n and norm(ctx.tok(k)) in ("de", "d'", "d") and (k + 1 in ctx.open_tok or (
            ctx.tok(k + 1).text in ("'", "’") and k + 2 in ctx.open_tok)):
        k = k + 1 if k + 1 in ctx.open_tok else k + 2
        close = ctx.qtok[ctx.open_tok[k]][1]
        if close is None or not ends_sentence(ctx, close + 1) and norm(ctx.tok(close + 1)) not in (",", ";", "et", "mais"):
            return []  # the label closes the clause (`de « X » qui …` is a complement of the noun)
        return [ctx.quotes[ctx.open_tok[k]]]
    if k + 1 >= ctx.n or norm(ctx.tok(k)) != "comme" or k + 1 not in ctx.open_tok:
        return []
    out = []
    j = k + 1
    while j in ctx.open_tok:
        close = ctx.qtok[ctx.open_tok[j]][1]
        if close is None:
            return []
        out.append(ctx.quotes[ctx.open_tok[j]])
        j = close + 1
        if j + 1 < ctx.n and norm(ctx.tok(j)) in ("et", "ou", ",") and j + 1 in ctx.open_tok:
            j += 1
    return out


def closing_words(ctx: Ctx, span: tuple[int, int]):
    """The quote that closes an object content and quotes words (`par la phrase suivante « … »`,
    `son statut d'« homme le plus rapide »`): right after a noun or `de`, three words or more,
    nothing after it; else None."""
    toks = ctx.doc.char_span(*span, alignment_mode="expand")
    if toks is None or toks[-1].i not in ctx.close_tok:
        return None
    k = ctx.close_tok[toks[-1].i]
    o = ctx.qtok[k][0]
    if o is None or o <= toks.start or ctx.tok(o - 1).pos_ not in ("NOUN", "ADJ") and norm(ctx.tok(o - 1)) not in (
            "de", "d'"):
        return None
    if any(x.i in ctx.open_tok or x.text == "," and ctx.in_quote[x.i] < 0 for x in ctx.doc[toks.start:o]):
        return None  # `sa « confiance » au groupe « afin de … »`, `une irrégularité, faite « … »`: the
        # object holds more than the closing words: all of it is the content (mixed)
    words = [x for x in ctx.doc[o + 1:toks[-1].i] if not x.is_punct]
    return ctx.quotes[k] if len(words) >= 3 else None


def names_only(ctx: Ctx, spans: list) -> bool:
    """Are the quotes of a content all names: a few capitalised words right after a noun
    (`l'opération « Bouclier »`, `le plan « Grand Froid »`)?"""
    toks = ctx.doc.char_span(spans[0][0], spans[-1][1], alignment_mode="expand")
    opens = [x.i for x in toks or [] if x.i in ctx.open_tok]
    if not opens:
        return False
    for o in opens:
        close = ctx.qtok[ctx.open_tok[o]][1]
        inner = ctx.doc[o + 1:close] if close is not None else None
        if inner is None or not len(inner) or len(inner) > 4 or not inner[0].text[:1].isupper() \
                or o == 0 or ctx.tok(o - 1).pos_ not in ("NOUN", "PROPN"):
            return False
    return True


def ends_sentence(ctx: Ctx, k: int) -> bool:
    """Does the sentence end at token k, or after a short complement with no verb (`vers midi`,
    `à l'AFP`, `dans un communiqué`)?"""
    j = k
    while j < ctx.n and j - k <= 6 and ctx.tok(j).text not in SENT_END and not ctx.is_break(j):
        if ctx.tok(j).pos_ in ("VERB", "AUX") or j in ctx.open_tok or ctx.tok(j).text == ",":
            return False
        j += 1
    return j >= ctx.n or ctx.tok(j).text in SENT_END or ctx.is_break(j)


def closing_time(ctx: Ctx, x: int, end: int) -> bool:
    """Does a time that closes the clause start at token x (`l'attaque quelques heures plus tard`,
    `l'accident hier`, `l'acte environ une heure après`): a few determiners, numbers, adverbs and
    a time noun, nothing else up to the clause's end?"""
    if x == 0 or ctx.tok(x - 1).pos_ == "ADP" or end - x > 6:
        return False
    words = [ctx.tok(k) for k in range(x, end + 1)]
    return any(w.lower_ in ctx.words.time_word for w in words) and all(
        w.pos_ in ("DET", "NUM", "ADV") or w.lower_ in ctx.words.time_word or (w.i == end and w.pos_ == "ADP")
        or norm(w) in ("de", "d'") and w.i > x and ctx.tok(w.i - 1).pos_ == "ADV"  # `moins de deux heures après`
        for w in words)


def before_comment(ctx: Ctx, last: int, spans: list) -> list:
    """`a annoncé un plan de formation, ce qui a été critiqué …`: a `, ce qui` / `, ce que` after
    the object (token `last` ends its noun phrase), out of quotation marks, comments on the whole
    clause; the writer's, it ends the content."""
    if not spans:
        return spans
    end = ctx.doc.char_span(spans[-1][0], spans[-1][1], alignment_mode="expand").end
    cut = next((x for x in range(last + 1, min(end, ctx.n - 2)) if ctx.tok(x).text == "," and ctx.in_quote[x] < 0
                and ctx.tok(x + 1).lower_ == "ce" and norm(ctx.tok(x + 2)) in ("qui", "que", "qu'")), None)
    if cut is None:
        return spans
    stop = ctx.tok(cut).idx
    return [(s, min(e, stop)) for s, e in spans if s < stop]


def cardinal_head(ctx: Ctx, j: int) -> bool:
    """`annonce trois jours de deuil`, `a annoncé 500 suppressions de postes`: a cardinal that
    counts the object noun right after it opens the noun phrase as a determiner would."""
    t = ctx.tok(j)
    if not (t.pos_ == "NUM" and j + 1 < ctx.n and ctx.tok(j + 1).pos_ == "NOUN" and t.head.i == j + 1):
        return False
    return ctx.tok(j + 1).lower_ not in ctx.words.time_word or (  # not `a annoncé deux jours plus tard`,
        j + 2 < ctx.n and norm(ctx.tok(j + 2)) in ("de", "d'"))  # but `trois jours de deuil`


def attribute_of_noun(t) -> bool:
    """Is the cue an adjective or a past participle hung on the noun right before it (`les pays
    qualifiés`, `une coalition dite « X »`)? It names or qualifies its noun; nobody speaks. (A present
    participle, `Télérama le qualifiant de`, speaks.)"""
    if t.morph.get("Tense") == ["Pres"]:
        return False
    return t.pos_ == "ADJ" or t.dep_ == "amod" or t.dep_ == "acl" and t.morph.get("Tense") == ["Past"] \
        and t.i > 0 and t.doc[t.i - 1].pos_ == "NOUN"


def passive_cue(t) -> bool:
    """Is the cue a passive participle (`est accusé de`, `déclarée conforme`)? Its subject is spoken
    of. (The tagger's Voice=Pass also falls on `a vivement réagi`: its auxiliary `avoir` says active.)"""
    return any(c.dep_ == "aux:pass" for c in t.children) or t.morph.get("Voice") == ["Pass"] and not any(
        c.dep_ == "aux:tense" for c in t.children)


def speech_setting(ctx: Ctx, x: int) -> bool:
    """Does a complement of the speech event itself (when, where, how it was said) start at
    token x: `lors d'une conférence de presse`, `dans un communiqué`, `après plusieurs heures`?
    Stricter than contents.quote_setting (a setting word right after a quote is enough): inside
    an object's clause a preposition also opens its complements, so the words after it must be
    a time, a document or a speech event."""
    t = ctx.tok(x)
    if norm(t) in ("lors", "durant", "pendant", "devant"):
        return True
    if t.pos_ != "ADP" or x > 0 and norm(ctx.tok(x - 1)) == "lors":
        return False
    k = x + 1
    while k < ctx.n and k - x <= 3 and ctx.tok(k).pos_ in ("DET", "ADJ", "NUM", "ADP"):
        k += 1
    return k < ctx.n and (ctx.tok(k).lower_ in ctx.words.time_word or ctx.tok(k).lower_ in ctx.words.document_head
                          or ctx.tok(k).lower_ in ctx.words.speech_event)


def object_stop(ctx: Ctx, t, x: int) -> bool:
    """Does the object's content stop before token x: a complement of the speech event starts
    there (speech_setting), or a comma opens an adjunct of the cue verb itself, no more of its
    object (the parse hangs it on the cue: `a nié ces faits, jusqu'à ce que …`, `a exigé le
    retrait du texte, avec succès`, `réclamait un milliard, après avoir rejeté …`)?"""
    if speech_setting(ctx, x):
        return True
    if ctx.tok(x).text != "," or x + 1 >= ctx.n or norm(ctx.tok(x + 1)) in ctx.words.de:
        return False  # `des renforts, de la vidéosurveillance et …`: a list goes on
    if any(norm(ctx.tok(k)) in ctx.words.purpose for k in range(x + 1, min(ctx.n, x + 3))):
        return False  # `sa volonté de faire appel, afin de …`: the aim it was said with
    if any(c.dep_ == "obj" and c.i < x < c.right_edge.i for c in t.children):
        return False  # `la détection, par la sonde, de panaches …`: the object goes on past the comma
    a = ctx.tok(x + 1)
    while a.head.i != a.i and a.head.i != t.i:
        a = a.head
    if a.head.i != t.i or a.i == t.i or a.i <= x or a.dep_.split(":")[0] not in ("obl", "advcl", "advmod"):
        return False
    k = a.right_edge.i + 1  # and the adjunct ends the sentence (not `la détection, par la sonde X, de …`)
    return k >= ctx.n or ctx.tok(k).text in SENT_END or ctx.is_break(k)


def apposed(ctx: Ctx, x: int, j: int) -> bool:
    """`la démission de son trésorier, l'Italien Paul Roux`: the phrase at x is an apposition to
    a noun of the object that starts at j, part of it: the parse says so (appos), or a short
    phrase with no verb ends the sentence there (no clause of its own follows)."""
    y = next((k for k in range(x, min(ctx.n, x + 3)) if ctx.tok(k).pos_ in ("NOUN", "PROPN")), None)
    if y is None or ctx.tok(y).lemma_.lower() in ctx.words.time_word:
        return False  # `sa démission, un mois avant l'épreuve`: a time, no apposition
    return ctx.tok(y).dep_ == "appos" and j <= ctx.tok(y).head.i < x or ends_sentence(ctx, x)


def quoted_np(ctx: Ctx, j: int):
    """`son « immobilisme »`, `l'« échec » du plan`: a determiner whose noun is quoted; token span
    from the determiner to the closing mark."""
    k = j + 1
    if k < ctx.n and ctx.tok(k).text in ("'", "’"):
        k += 1  # `l'«` tokenised `l` `'` `«`
    if k not in ctx.open_tok:
        return None
    close = ctx.qtok[ctx.open_tok[k]][1]
    if close is None or not any(ctx.tok(x).pos_ in ("NOUN", "PROPN", "ADJ") for x in range(k + 1, close)):
        return None
    return (j, close)


def quoted_words(ctx: Ctx, j: int):
    """`a salué l'« engagement sans faille des bénévoles »`: quoted_np whose quote holds several
    words (four or more: `son « plan de victoire »` may name a plan) and is no name (`la « Grande
    Parade du Nord »`: capitalised), else None. Someone's words under any cue verb, whatever its
    frames."""
    np = quoted_np(ctx, j)
    if np is None:
        return None
    inner = [x for x in ctx.doc[j + 1:np[1]] if not x.is_punct]  # past `'` and the opening mark
    return np if len(inner) >= 4 and not inner[0].text[:1].isupper() else None


def object_frames(ctx: Ctx, t, cue, j: int) -> tuple[set, int, bool]:
    """A cue ending on its noun takes its object after `de` (`a fait état de trois blessés`, `a
    fait part de son inquiétude`): (the cue's frames, with `object` then; where its object
    begins; whether a `de` was passed)."""
    if " " in cue.lemma and t.pos_ == "NOUN" and j + 1 < ctx.n and norm(ctx.tok(j)) in ("de", "d'") \
            and "object" not in cue.frames:
        return set(cue.frames) | {"object"}, j + 1, True
    prep = norm(ctx.tok(j)) if j + 1 < ctx.n else ""
    if (cue.lemma.startswith(("se ", "s'")) and "de_inf" in cue.frames and prep in ("de", "d'", "du", "des")
            or cue.stance == "warn" and prep in ("contre", "sur")) and ctx.tok(j + 1).pos_ != "VERB" \
            and ctx.tok(j).head.head.i in (t.i, ctx.cue_first.get(t.i, t.i)) and ctx.tok(j).head.i > j:
        # `s'est félicitée d'une « tendance de fond »`, `a mis en garde contre un « bain de sang »`:
        # a pronominal cue's `de` complement, a warning's `contre` or `sur`, which speak only
        # through the quoted words they hold (no `object` frame)
        # (`du`, `des` stand as the determiner of what follows: `du « consensus politique »`)
        return set(cue.frames), j if prep in ("du", "des") else j + 1, True
    return set(cue.frames), j, False
