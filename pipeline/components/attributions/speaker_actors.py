"""Speakers' actors: which actor a speaker phrase is (`resolve_speakers`): the name it holds
that is not in a complement (`Paul Roy, directeur de la compagnie X` -> Paul Roy), a document's
issuer (`le rapport de la CIA`), for a pronoun or a description the coreference of
components/coref.py (an antecedent named inside the content skipped), for `qui` its
antecedent, one attribution per named speaker when several are coordinated, and for an
unnamed group a GROUP mention of its own."""
from __future__ import annotations

import bisect
from typing import Optional

from pipeline.components.attributions.complements import (after_plural_noun, agent_noun, document_issuer,
                                                           in_complement, named_by_complement, mentions_in, names_in_pp,
                                                           person_noun)
from pipeline.components.attributions.context import Ctx, chars, listed, norm
from pipeline.components.attributions.coordination import coordinated_names
from pipeline.components.attributions.noun_phrases import (PLURAL_PRONOUNS, POSSESSIVES, bare_pronoun, described_subject,
                                                            group_head, name_slug, noun_headed, particled, slug_in,
                                                            speaks_as, pronoun_antecedent)
from pipeline.components.attributions.roles import other_qualifier, other_roles, periphrasis_roles, role_head


def _definite_singular(ctx: Ctx, words) -> bool:
    """`le candidat socialiste`, `la coalition`: a definite singular description with no name."""
    det = words[0]
    return (norm(det) in ("le", "la", "l'", "ce", "cet", "cette") and names_in_pp(ctx, words)
            and next((t for t in words if t.pos_ == "NOUN"), det).morph.get("Number") != ["Plur"])


ANTECEDENT_WINDOW = 300  # mentions looked back at for a description's antecedent


def _complement_taken_up(ctx: Ctx, after: list, window: list, before: int, own: set) -> str:
    """`la direction de la régie`, `la direction du groupe`: the organisation named before whose
    name holds the head of the description's definite complement, else ''."""
    if not after or norm(after[0]) not in ctx.words.de or norm(after[0]) == "des":
        return ""
    rest = after[1:] if norm(after[0]) == "du" else after[2:] if len(after) > 1 and after[1].pos_ == "DET" \
        and norm(after[1]) in ("la", "l'", "le") else []
    if not rest or rest[0].pos_ != "NOUN":
        return ""
    key = name_slug(rest[0].lemma_)
    for m in reversed(window):
        if m["end"] <= before and m.get("source") != "coref" and m.get("label") == "ORG" \
                and m.get("actor_id") and m["actor_id"] not in own and key in name_slug(m.get("name") or "").split("-"):
            return m["actor_id"]
    return ""


def _antecedent(ctx: Ctx, words, before: int, a: dict) -> str:
    """Cheap coreference for a definite description: the actor of the closest named mention
    before it, an organisation for organisation heads (`le site`), else a person; never an
    actor its own complement names, nor, when it names one, whichever person came last
    (`l'avocate de Paul Roy` is neither Paul Roy nor the person before him); never one named
    inside the content it introduces nor inside quotation marks."""
    head = next((t for t in words if t.pos_ == "NOUN"), None)
    if head is None:
        return ""
    org = head.lemma_.lower() in ctx.words.org_head
    person = listed(head, ctx.words.person_head)
    # `le plaignant`, `la chanteuse`: a noun derived as an agent, in no list of roles, takes up
    # only the person who was the subject of its sentence or the one before
    # (`le directeur de la discothèque`, restricted by its complement, introduces its holder)
    after_head = [t for t in words if t.i > head.i]
    agent = not person and not org and agent_noun(ctx, head) \
        and not (after_head and norm(after_head[0]) in ctx.words.de)
    person = person or agent
    # `la police`, `l'armée` with no organisation of that name before: an unnamed group, not
    # whichever organisation came last
    inner = [m for m in mentions_in(ctx, words[0].idx, words[-1].idx + len(words[-1].text)) if words[0].idx <= m["start"]]
    own = {m.get("actor_id") for m in inner}
    # `l'avocate de Paul Roy`: a relation to a person, not a person named before (`le député de
    # Trappes` still is)
    labels = () if org or any(m.get("label") == "PER" for m in inner) else ("PER",) if person else ()
    best = None
    # `la coalition`, `le candidat socialiste` -> the last mention whose name or role shares the
    # most words with the description, its head noun first
    key = name_slug(head.lemma_)
    heads = periphrasis_roles(ctx, words, head)
    desc = {name_slug(t.lemma_) for t in words if t.pos_ in ("NOUN", "ADJ")} | {name_slug(t.text) for t in words
                                                                            if t.pos_ in ("NOUN", "ADJ")}
    # `le conseil des droits de l'homme`: an organisation noun restricted by its complement is
    # not another council named before, unless that one's name holds the complement too
    restrict = {name_slug(t.lemma_) for t in after_head[1:] if t.pos_ in ("NOUN", "PROPN")} \
        if org and after_head and norm(after_head[0]) in ctx.words.de else set()
    # `l'armée kurde` is not `l'armée irakienne` named before: the same noun, another qualifier
    qualifier = set()
    for t in after_head:
        if t.pos_ != "ADJ":
            break
        qualifier |= {name_slug(t.lemma_), name_slug(t.text)}
    ms, starts = ctx.mention_index
    hi = bisect.bisect_left(starts, before)
    window = [m for m in ms[max(0, hi - ANTECEDENT_WINDOW):hi]  # the closest mentions before it, newest last
              if not _in_content(a, m["start"]) and not _quoted(ctx, m)]
    bags = ctx.name_bags
    best_score = None
    for m in window:
        if m["end"] <= before and m.get("source") != "coref" and m.get("actor_id") and key \
                and m["actor_id"] not in own:
            k = id(m)
            if k not in bags:
                bags[k] = (set(name_slug(m.get("name") or "").split("-"))
                           | set(name_slug(role_head(m.get("role") or "")).split("-")))
            bag = bags[k]
            if not (slug_in(key, bag) or any(slug_in(h, bag) for h in heads)) \
                    or m.get("label") == "GROUP" and not name_slug(m["name"]).startswith(key) \
                    or restrict and not restrict & bag:
                continue  # (`le ministre` is not `le cabinet du ministre`)
            if other_qualifier(qualifier, key, name_slug(m.get("name") or "").split("-")):
                continue
            score = (len(desc & bag), m["start"])
            if best_score is None or score > best_score:
                best, best_score = m, score
    if best:
        return best["actor_id"]
    after = [t for t in words if t.i > head.i and t.pos_ != "ADJ"]
    taken = _complement_taken_up(ctx, after, window, before, own) if org else ""
    if taken:
        return taken
    if org and len(after) >= 2 and norm(after[0]) in ctx.words.de and after[1].pos_ in ("NOUN", "ADJ"):
        # `la commission des affaires familiales`: described by its complement, no anaphor (but
        # `la direction de la régie` takes up the régie named before)
        return ""
    since = _previous_sentence_start(ctx, words[0].i) if agent else 0
    if person and after and norm(after[0]) in ctx.words.de:
        # `la procureure de Grasse`, `le ministre de l'Intérieur`: a role restricted by its
        # complement most often introduces its holder; it takes up the last person named only
        # from its own sentence or the one before (`Depuis la victoire de Paul Roy, le député
        # de Trappes promet`), or who was a subject (`Paul Roy, le Premier ministre, a dit`),
        # not one only mentioned paragraphs earlier (`le lycée Jean Moulin`)
        since = _previous_sentence_start(ctx, words[0].i)
    roles = other_roles(ctx, window, key, heads) if person else set()
    first = None  # the last one named; a subject of its sentence named before it comes first
    for m in reversed(window):
        if agent and m["start"] < since or first and not _same_sentence(ctx, m["start"], first["start"]):
            break
        if (m["start"] < since or agent) and not _subject(ctx, m):
            continue
        if m["end"] <= before and m.get("source") != "coref" and m.get("label") in labels \
                and m.get("actor_id") and m["actor_id"] not in own and m["actor_id"] not in roles:
            if _subject(ctx, m):
                return m["actor_id"]
            first = first or m
    return first["actor_id"] if first else ""


def _subject(ctx: Ctx, m: dict) -> bool:
    """Is mention m the subject of its clause? A name apposed to its role (`le président
    péruvien Pedro Pablo Kuczynski a présenté`) is the subject its role is."""
    span = ctx.doc.char_span(m["start"], m["end"], alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    if tok.dep_ in ("appos", "flat:name") and tok.head.i < tok.i and tok.head.pos_ == "NOUN":
        tok = tok.head
    return tok.dep_ in ("nsubj", "nsubj:pass")


def _previous_sentence_start(ctx: Ctx, i: int) -> int:
    """The character offset where the sentence before token i's sentence starts."""
    sent = ctx.doc[i].sent
    return ctx.doc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char


def _named_before(ctx: Ctx, words, before: int) -> str:
    """A name the recogniser missed this time (`a précisé l’Ocha`): the actor of an earlier
    mention with the same name (its text or its actor's name)."""
    key = name_slug(" ".join(t.text for t in words))
    ms, starts = ctx.mention_index
    hi = bisect.bisect_left(starts, before)
    earlier = [m for m in reversed(ms[max(0, hi - ANTECEDENT_WINDOW):hi]) if m.get("source") != "coref" and m.get("actor_id")]
    for m in earlier:
        if key in (name_slug(ctx.text[m["start"]:m["end"]]), name_slug(m.get("name") or "")):
            return m["actor_id"]
    # `Al-Joulani indique` after `Abou Mohammed al-Joulani`: the surname of one person named before
    surnamed = {m["actor_id"] for m in earlier if m.get("label") == "PER"
                and name_slug(m.get("name") or "").endswith("-" + key)}
    return surnamed.pop() if key and len(surnamed) == 1 else ""


def _described(ctx: Ctx, words, s: int, a: dict) -> str:
    """The actor a description names: what it takes up, else a group mention of its own."""
    actor_id = _antecedent(ctx, words, s, a)
    return _group_mention(ctx, words, actor_id) if not actor_id or actor_id.startswith("group-") else actor_id


def _group_mention(ctx: Ctx, words, actor_id: str = "") -> str:
    """Add a GROUP mention for an unnamed speaking group (`des médias` -> group-medias); with
    actor_id, a later description of a group already met (`la même source`)."""
    while words and words[-1].pos_ in ("CCONJ", "PUNCT"):
        words = words[:-1]  # `selon les autorités et 400 000 selon…`: the `et` is no part of it
    rest = words[next((k for k, t in enumerate(words) if not _article(t, words)), len(words)):]
    head = group_head(rest, words[0]) if rest else None
    if head is None:
        return ""
    lo, hi = head, head + 1
    while hi + 1 < len(rest) and rest[hi].text == "-" and not (rest[hi - 1].whitespace_ or rest[hi].whitespace_):
        hi += 2  # the parser's head is one half of a compound: `l'état-major`, `des marins-pompiers`
    while lo > 0 and rest[lo - 1].pos_ == "ADJ":
        lo -= 1
    while hi < len(rest) and rest[hi].pos_ == "ADJ":
        hi += 1
    slug = name_slug(" ".join(t.text for t in rest[lo:hi]))
    if not slug:
        return ""
    start, end = words[0].idx, words[-1].idx + len(words[-1].text)
    org = not actor_id and _qualified_institution(ctx, words, rest[head])
    # a group is named by its id's words (`responsable`), not by one article's description
    name = ctx.text[rest[0].idx:end] if org else "".join(
        (t.lower_ if t.pos_ != "PROPN" else t.text) + t.whitespace_ for t in rest[lo:hi]).strip()
    actor_id = actor_id or (f"org-{name_slug(name)}" if org else f"group-{slug}")
    if (start, end) not in ctx.mention_spans:
        ctx.mention_spans.add((start, end))
        m = {"start": start, "end": end, "label": "ORG" if org else "GROUP", "actor_id": actor_id,
             "name": name, "type": "organization" if org else "group", "country": "", "wikidata": "",
             "role": "", "source": "rules", "rule": "attributions.group_speaker"}
        ctx.groups.append(m)
        ms, starts = ctx.mention_index  # later descriptions may refer back to this group
        k = bisect.bisect_left(starts, start)
        starts.insert(k, start)
        ms.insert(k, m)
    return actor_id


def _article(t, words) -> bool:
    """A determiner, or the phrase's first word `des` that the tagger took for a preposition
    (`mais des témoins affirment`: no phrase that speaks starts with `de` + `les`)."""
    return t.pos_ == "DET" or t is words[0] and t.lower_ == "des" and t.dep_ == "case"


def _qualified_institution(ctx: Ctx, words, head) -> bool:
    """`la police russe`, `le parquet fédéral`, `la préfecture de police de Paris`: a definite
    singular institution noun qualified by an adjective after it or by a place it names is an
    organisation of its own (ANNOTATION.md: armies, courts, ministries are ORG), not an unnamed
    group; `la police`, `la direction` alone stay groups."""
    if norm(words[0]) not in ("le", "la", "l'") or head.lemma_.lower() not in ctx.words.org_head \
            or head.lemma_.lower() in ctx.words.document_head or head.morph.get("Number") == ["Plur"]:
        return False
    nxt = ctx.tok(head.i + 1) if head.i + 1 < len(ctx.doc) else None
    if nxt is not None and nxt.pos_ == "ADJ" and nxt.i <= words[-1].i and nxt.head.i == head.i:
        return True
    end = words[-1].idx + len(words[-1].text)
    return any(m.get("label") in ("GPE", "LOC") for m in mentions_in(ctx, head.idx, end) if m["end"] <= end)


def _name_just_before(ctx: Ctx, s: int) -> Optional[tuple[int, int]]:
    """`c'est Human Rights Watch qui dénonce`, `…, en tête desquels l'Allemagne, qui exige`: where
    the parse hangs the relative clause on no noun, the name right before `qui` (a comma
    between at most) is its antecedent, as word order has it in French."""
    before = [m for m in mentions_in(ctx, s - 120, s) if m["end"] <= s and m.get("source") != "coref"
              and m.get("actor_id") and m.get("label") in ("PER", "ORG", "GPE")
              and ctx.text[m["end"]:s].strip() in ("", ",")]
    if not before:
        return None
    m = max(before, key=lambda x: (x["end"], -x["start"]))
    return m["start"], m["end"]


def _antecedent_phrase(ctx: Ctx, s: int, e: int) -> tuple[int, int]:
    """The phrase a relative `qui` at [s, e) stands for: the noun its clause hangs from, with
    its complements before the clause (the `qui` span itself when the parse says nothing)."""
    span = ctx.doc.char_span(s, e, alignment_mode="expand")
    if span is None:
        return s, e
    listed = _list_before(ctx, span.start)
    if listed:  # the parser often hangs the relative on one name of the list, or on a verb
        return chars(ctx, *listed)
    verb = span.root.head
    if verb.dep_ not in ("acl:relcl", "acl") or verb.head.i >= span.start:
        return _name_just_before(ctx, s) or (s, e)
    noun = _speaking_noun(ctx, verb.head, span.start)
    while noun.dep_ == "conj" and noun.head.i < noun.i:  # `l'Allemagne, la France et l'Italie, qui`
        noun = noun.head
    if noun.dep_ == "nmod" and noun.head.lemma_.lower() in ("un", "une") and noun.head.i < noun.i:
        noun = noun.head  # `l'une des adjointes qui`: the phrase is `l'une des adjointes`
    toks = [x for x in noun.subtree if x.i < span.start and not x.is_punct]
    if not toks:
        return s, e
    lo, hi = min(x.i for x in toks), max(x.i for x in toks)
    while lo < hi and ctx.tok(lo).dep_ == "case":
        lo += 1
    one_of = noun.lemma_.lower() in ("un", "une") and any(c.dep_ == "nmod" and person_noun(ctx, c)
                                                        for c in noun.children)
    if (person_noun(ctx, noun) or one_of) and lo > 1 and ctx.tok(lo - 1).text == "," \
            and ctx.tok(lo - 2).pos_ == "PROPN":
        # `Paul Roy, le chef de mission pour la Syrie qui considère`, `Paul Roy, l'un de ses
        # avocats, qui précise`: the role's name before it
        lo -= 2
        while lo > 0 and ctx.tok(lo - 1).pos_ == "PROPN":
            lo -= 1
    return chars(ctx, lo, hi)


def _speaking_noun(ctx: Ctx, noun, q: int):
    """The noun a relative `qui` at token q that introduces speech stands for, from the noun the
    parser hangs it on: a person noun governing that one (`le chef de mission pour la Syrie qui
    considère`, `un militant opposé à la loi qui a crié`: the complement does not speak); else that
    noun when it can speak (a name, an organisation noun); else the closest one that can inside
    its phrase (`un acte terroriste selon la police, qui précise`)."""
    words = ctx.words

    def person(t):
        return person_noun(ctx, t)

    def speaks(t):
        return t.pos_ == "PROPN" or person(t) or t.pos_ == "NOUN" and t.lemma_.lower() in words.org_head

    if noun.pos_ not in ("NOUN", "PROPN") or person(noun):
        return noun
    t = noun
    for _ in range(4):  # up through complements and participles: `X opposé à la loi`
        if t.dep_ not in ("nmod", "obl", "obl:arg", "obl:mod", "acl", "amod") or t.head.i == t.i:
            break
        t = t.head
        if person(t):
            return t
    if speaks(noun):
        return noun
    inner = [x for x in noun.subtree if x.i < q and x.i != noun.i and speaks(x)]
    return max(inner, key=lambda x: x.i) if inner else noun


def _list_before(ctx: Ctx, q: int):
    """Tokens (lo, hi) of a list of names right before a relative at token q (`l'Allemagne, la
    France et le Luxembourg, qui`): names, determiners, commas and one `et`, else None."""
    hi = q - 1
    while hi >= 0 and (ctx.tok(hi).text == "," or ctx.tok(hi).is_space):
        hi -= 1
    lo, names, links = hi + 1, 0, 0
    while lo > 0 and hi - lo < 40:
        t = ctx.tok(lo - 1)
        if t.pos_ == "PROPN" or t.text[:1].isupper() and t.pos_ in ("NOUN", "X"):
            names += lo - 1 == hi or ctx.tok(lo).pos_ != "PROPN"
        elif t.text in (",", "’", "'") or norm(t) in ("et", "l'", "l", "le", "la", "les"):
            links += t.text == "," or norm(t) == "et"
        else:
            break
        lo -= 1
    while lo <= hi and not ctx.tok(lo).text[:1].isalpha():
        lo += 1
    return (lo, hi) if names >= 3 and links >= 2 else None


PLURAL_WINDOW = 300  # characters a plural pronoun's coordinated antecedents are looked for in


def _last_coordination(ctx: Ctx, window: list[dict], s: int, a: dict) -> list[dict]:
    """The last names coordinated before a plural pronoun at s (`Thierry et Véronique Roy`, `la
    France et l'Allemagne`), outside the content and quotation marks, else []."""
    names = [m for m in window if m["end"] <= s and _named_actor(m) and not _in_content(a, m["start"])
             and not _quoted(ctx, m)]
    run: list[dict] = []
    for m in reversed(names):
        if run and coordinated_names(ctx, [m, run[0]], listed=False):
            run.insert(0, m)
        elif len(run) >= 2:
            break
        else:
            run = [m]
    return coordinated_names(ctx, run) if len(run) >= 2 else []


def _named_actor(m: dict) -> bool:
    """A name the recogniser found (not a coreference) of a person, an organisation or a state,
    linked to an actor."""
    return bool(m.get("source") != "coref" and m.get("actor_id") and m.get("label") in ("PER", "ORG", "GPE"))


def _in_content(a: dict, start: int) -> bool:
    return a["content_start"] <= start < a["content_end"]


def _one_per_name(a: dict, names: list[dict], twins: list[dict], spans: bool) -> None:
    """One attribution per named speaker (corpus/NOTES.md T1): `a` takes the first name's actor,
    a twin of it each other one (and, with `spans`, each its name as speaker span)."""
    a["actor_id"] = names[0]["actor_id"]
    for m in names[1:]:
        twin = dict(a, actor_id=m["actor_id"])
        if spans:
            twin["speaker_start"], twin["speaker_end"] = m["start"], m["end"]
        twins.append(twin)
    if spans:
        a["speaker_start"], a["speaker_end"] = names[0]["start"], names[0]["end"]


def _named_together(a: Optional[dict], twins: list[dict]) -> list[dict]:
    """The speakers attribution `a` was split among, one twin each (`Thierry et Véronique Roy`), else []."""
    same = [t for t in twins if a and (t["cue_start"], t["content_start"]) == (a["cue_start"], a["content_start"])]
    return [a] + same if same else []


def _quoted(ctx: Ctx, m: dict) -> bool:
    span = ctx.doc.char_span(m["start"], m["end"], alignment_mode="expand")
    return span is not None and ctx.in_quote[span.start] >= 0


def _outside_content(m: dict, a: dict) -> str:
    """The actor of speaker mention m; for an anaphor, its best antecedent that is not inside
    the content being attributed (`« … Paul Martin … », a-t-il dit`)."""
    for actor_id, start in m.get("antecedents") or []:
        if not _in_content(a, start):
            return actor_id
    return "" if m.get("antecedents") else m["actor_id"]


def resolve_speakers(ctx: Ctx, found: list[dict]) -> None:
    """Each attribution's actor_id: the mention its speaker span names (the best of those it
    overlaps), else for a lone pronoun a name earlier in the sentence or the last speaker, for
    a definite description its antecedent, for an unnamed group a GROUP mention of its own."""
    doc = ctx.doc
    mentions = doc._.depeche_mentions or []
    doc._.depeche_groups = ctx.groups = []
    # mentions sorted by start, so each look-up reads only a window of them (linear cost)
    ms = sorted(mentions, key=lambda m: (m["start"], m["end"]))
    starts = [m["start"] for m in ms]
    longest = max((m["end"] - m["start"] for m in ms), default=0)
    ctx.mention_index = (ms, starts)
    ctx.mention_spans = {(m["start"], m["end"]) for m in mentions}
    prev_actor = ""
    twins: list[dict] = []
    for n, a in enumerate(found):
        if a.get("inherit"):
            a["actor_id"] = prev_actor
            continue
        if a.get("inherit_outer"):
            outer = [o for o in found[max(0, n - 50):n] if o["content_start"] <= a["content_start"]
                     and a["content_end"] <= o["content_end"] and o.get("actor_id")]
            a["actor_id"] = min(outer, key=lambda o: o["content_end"] - o["content_start"])["actor_id"] \
                if outer else ""
            continue
        s, e = a["speaker_start"], a["speaker_end"]
        a["actor_id"] = ""
        if s is not None and a.get("speaker_rule") == "governor_subject" \
                and a["content_start"] <= s and e <= a["content_end"]:
            # `…, a confié Paul Roy, tout en martelant que ces cadeaux …`: a subject inside the
            # content is the content's own; the gerund speaks with the claim before it, if any
            a["speaker_start"] = a["speaker_end"] = None
            a["speaker_rule"] = "previous"
            a["actor_id"] = prev_actor if n and _same_sentence(ctx, found[n - 1].get("cue_start"),
                                                                a.get("cue_start")) else ""
            continue
        if s is None:
            continue
        if a.get("speaker_rule") == "relative":
            # `un rapport de la CIA publié mardi, qui conclut`: the actor of the antecedent
            s, e = _antecedent_phrase(ctx, s, e)
        best = None
        span = ctx.doc.char_span(s, e, alignment_mode="expand")
        words = [t for t in span] if span is not None else []
        # `les trois magistrats`, `l'un des avocats`: a number or a partitive before the head noun
        # is no more its head than a determiner
        content_words = [t for t in words if not _article(t, words)]
        head_noun = noun_headed(content_words)
        # `le rapport de la CIA`: a document's complement is its issuer (NOTES.md T5)
        # (its noun, past the adjectives before it: `le nouveau bilan`, `les différents bilans`)
        noun = next((t for t in content_words if t.pos_ == "NOUN"), None) if head_noun else None
        document = noun is not None and listed(noun, ctx.words.written)
        named = []  # the names the phrase coordinates (`Thierry et Véronique Roy`)
        for m in mentions_in(ctx, s - longest, e):
            if m["end"] <= s or m["start"] >= e or not m.get("actor_id"):
                continue
            inside = s <= m["start"] and m["end"] <= e
            first = ctx.doc.char_span(m["start"], m["end"], alignment_mode="expand")
            in_pp = (in_complement(ctx, m, s, e) or first is not None and inside and m["start"] > s
                     and after_plural_noun(first[0], words)) and not document \
                and not (first is not None and named_by_complement(ctx, content_words, first, m))
            if inside and not in_pp and _named_actor(m):
                named.append(m)
            if in_pp and head_noun:
                continue  # `des fonctionnaires de Séoul`: Séoul is not the speaker
            key = (inside, not in_pp, m.get("source") != "coref" or (e - s) < 8,
                   {"PER": 3, "ORG": 2, "GPE": 2}.get(m.get("label"), 1), m["start"])
            if best is None or key > best[0]:
                best = (key, m)
        couple = head_noun and content_words[0].lower_ in ctx.words.couple_head
        if couple and (not best or best[1].get("label") == "GROUP"):
            best = None  # `le couple`, `les parents de X`: the persons named together before, if any
            group = _last_coordination(ctx, mentions_in(ctx, s - 3 * PLURAL_WINDOW, s), s, a)
            if group:
                _one_per_name(a, group, twins, spans=False)
                prev_actor = a["actor_id"]
                continue
        if best and _quote_follows_person(ctx, a, best[1], found[n - 1] if n else None, prev_actor):
            # `…, fait remarquer Paul Roy. « … » a-t-il déclaré`: the inverted clitic after a quote
            # takes up the person who spoke just before in the paragraph, not an organisation
            a["actor_id"] = prev_actor
        elif best:
            last_resort = best[1].get("rule") == "coref:last-resort"
            desc = described_subject(ctx, s, a, words[-1]) if last_resort else []
            a["actor_id"] = _described(ctx, desc, s, a) if desc else prev_actor if last_resort and \
                speaks_as(ctx, prev_actor, words[-1]) else _outside_content(best[1], a)
            coordinated = coordinated_names(ctx, named)
            if coordinated:  # each with its name as speaker span
                _one_per_name(a, coordinated, twins, spans=a.get("speaker_rule") != "relative")
        else:
            latter = [norm(t) for t in words] in (["ces", "derniers"], ["ces", "dernières"])  # a plural pronoun
            pronoun = bare_pronoun(words[0]) if len(words) == 1 else "ils" if latter else ""
            group = _last_coordination(ctx, mentions_in(ctx, s - PLURAL_WINDOW, s), s, a) \
                if pronoun in ("ils", "elles") else []
            if group:  # `Thierry et Véronique Roy … Ils rapportent`: one attribution per name
                _one_per_name(a, group, twins, spans=False)
            elif pronoun in PLURAL_PRONOUNS:
                # `Les chercheurs ont noté … Selon eux`: the plural subject before, else names
                # coordinated further back or the last speakers named together, else a name of its
                # sentence, else the last speaker if a group (never the one person who spoke last)
                plural = pronoun_antecedent(ctx, s, (a["content_start"], a["content_end"]), latter=latter)
                group = [] if plural else _last_coordination(ctx, mentions_in(ctx, s - 3 * PLURAL_WINDOW, s), s, a) \
                    or _named_together(next((o for o in reversed(found[:n]) if o.get("actor_id")), None), twins)
                if group:
                    _one_per_name(a, group, twins, spans=False)
                else:
                    a["actor_id"] = _group_mention(ctx, plural) if plural else _near_or_last(
                        ctx, a, s, prev_actor if prev_actor.startswith("group-") else "")
            elif pronoun in ctx.words.subject_pronoun:
                a["actor_id"] = _near_or_last(ctx, a, s, prev_actor)
            elif content_words and all(t.pos_ == "PROPN" for t in content_words):
                a["actor_id"] = _named_before(ctx, content_words, s)
            elif particled(words):  # `ajoute encore de la Morlais`: Thomas de la Morlais named before
                a["actor_id"] = _named_before(ctx, words, s)
            elif document:
                # a document is no group: its issuer speaks when the phrase describes one (`les
                # informations du gouvernement`, `une étude réalisée par 31 primatologues`), else
                # nobody does (`selon le dernier bilan`; NOTES.md T5)
                issuer = document_issuer(ctx, words)
                if issuer:
                    a["actor_id"] = _described(ctx, issuer, s, a)
                elif norm(words[0]) in POSSESSIVES:  # `selon sa déclaration`: its owner, as `il` would be
                    a["actor_id"] = _near_or_last(ctx, a, s, prev_actor, back=True)
            elif words and head_noun and _definite_singular(ctx, words):
                # a group has no name: each description of it is a mention of its own
                a["actor_id"] = _described(ctx, words, s, a)
            elif words and head_noun and names_in_pp(ctx, words):
                a["actor_id"] = _group_mention(ctx, words)
        if a["actor_id"]:
            prev_actor = a["actor_id"]
    found += twins
    _group_repeats(ctx)


def _near_or_last(ctx: Ctx, a: dict, s: int, prev_actor: str, back: bool = False) -> str:
    """A subject pronoun's cheap fallback: a name before it in its sentence, else the last speaker
    (`back`: else a name in the sentence before)."""
    lo = min(a["content_start"], s)
    span = ctx.doc.char_span(lo, lo + 1, alignment_mode="expand")

    def named_since(since: int) -> str:
        near = [m for m in mentions_in(ctx, since, s)
                if m["end"] <= s and _named_actor(m) and not _in_content(a, m["start"])]
        return max(near, key=lambda m: m["start"])["actor_id"] if near else ""
    if span is None:
        return prev_actor
    return named_since(span.sent.start_char) or prev_actor \
        or (named_since(_previous_sentence_start(ctx, span.start)) if back else "")


def _same_sentence(ctx: Ctx, i, j) -> bool:
    """Are character offsets i and j (either may be None) in one sentence?"""
    if i is None or j is None:
        return False
    a, b = ctx.doc.char_span(i, i + 1, alignment_mode="expand"), ctx.doc.char_span(j, j + 1, alignment_mode="expand")
    return a is not None and b is not None and a.sent.start == b.sent.start


def _quote_follows_person(ctx: Ctx, a: dict, m: dict, prev: Optional[dict], prev_actor: str) -> bool:
    """Is `a` an inverted `il`/`elle` after its quote whose coreference gave an organisation or a
    state while the claim just before it, in the same paragraph, is a person's?"""
    if a.get("speaker_rule") != "clitic" or m.get("source") != "coref" or m.get("label") == "PER" \
            or not prev or prev.get("actor_id") != prev_actor or not prev_actor or prev.get("cue_start") is None:
        return False
    return "\n" not in ctx.text[prev["cue_start"]:a["speaker_start"]] and any(
        x.get("actor_id") == prev_actor and x.get("label") == "PER" and x.get("source") != "coref"
        for x in ctx.mention_index[0])


def _group_repeats(ctx: Ctx) -> None:
    """A speaking group's definite description written again word for word (`les enquêteurs`
    … `Les enquêteurs`) is that group again: a GROUP mention of it (ANNOTATION.md annotates
    every mention of a speaking group)."""
    doc = ctx.doc
    forms: dict[tuple, dict] = {}
    for g in ctx.groups:
        span = doc.char_span(g["start"], g["end"], alignment_mode="expand")
        if span is not None and len(span) > 1 and span[0].lower_ in ("le", "la", "les", "l'", "l’"):
            forms.setdefault(tuple(t.lower_ for t in span), g)
    if not forms:
        return
    taken = sorted(ctx.mention_spans)
    for t in doc:
        for form, g in forms.items():
            if t.lower_ != form[0] or t.i + len(form) > len(doc) or \
                    tuple(x.lower_ for x in doc[t.i:t.i + len(form)]) != form:
                continue
            end = doc[t.i + len(form) - 1]
            start, stop = t.idx, end.idx + len(end.text)
            if any(a < stop and start < b for a, b in taken):
                continue
            ctx.mention_spans.add((start, stop))
            taken.append((start, stop))
            ctx.groups.append(dict(g, start=start, end=stop, rule="attributions.group_repeat"))
