"""What every pattern reads: one Doc with its quotes paired (`Ctx`), the closed word lists of the
model (`Words`, from words.jsonl), and the small helpers that make an attribution."""
from __future__ import annotations

from spacy.tokens import Doc

from pipeline.components.actors_lexicon import DE_WORDS
from pipeline.components.attributions.quote_marks import pair_quotes
from pipeline.components.base import doc_text
from pipeline.rules.cues import WORD_KINDS, CueWord

MAX_CLAUSE = 250      # tokens a content may run over, right or left of its cue
MAX_NP = 25           # tokens of a speaker noun phrase
SENT_END = {".", "!", "?", "…", "...", ";"}
OPEN_MARKS = {"«", "“", "‹", "„", '"'}
CLOSE_MARKS = {"»", "”", "›", '"'}
DASHES = {"-", "–", "—"}
INCISE_START = {"ADP", "ADV", "SCONJ", "CCONJ"}
TO = frozenset({"à", "au", "aux"})  # `à` and its contractions with the article


class Words:
    """The closed word lists of words.jsonl, one frozenset per kind (pipeline.rules.cues.WORD_KINDS):
    `ctx.words.subject_pronoun`, `ctx.words.de`, ...; the `_suffix` kinds are tuples (str.endswith)."""

    def __init__(self, rules: list[CueWord]):
        by_kind: dict[str, list[str]] = {kind: [] for kind in WORD_KINDS}
        for r in rules:
            by_kind[r.kind].append(r.word)
        for kind, words in by_kind.items():
            setattr(self, kind, tuple(words) if kind.endswith("_suffix") else frozenset(words))
        # the unions the strict frames ask of every speaker (strict.py), made once per lexicon
        self.actor_head = self.person_head | self.org_head
        # the listed nouns for persons (no agent-suffix guess: `accident` is none), which the actors
        # component's coreference reads to tell a thing from a person
        self.person_nouns = self.person_head | self.couple_head | self.speaking_noun | self.human_noun
        self.speaker_head = self.person_nouns | self.org_head | self.document_head
        self.written = self.document_head | self.record_head  # no speaking group (NOTES.md T5)
        self.speaker_suffix = self.agent_suffix + self.people_suffix
        # `chef de l'État` (a periphrasis: a complement after its noun) -> the roles of its kind
        # (`président`, `roi`), lower case; read by the speakers' descriptions and the coreference
        self.periphrases: dict[str, tuple[str, ...]] = {}
        for kind in ("head_of_state", "head_of_government"):
            listed_words = sorted(getattr(self, kind))
            periphrases = [w for w in listed_words
                           if set(w.lower().replace("'", "' ").split()[1:]) & DE_WORDS]
            roles = tuple(w.lower() for w in listed_words if w not in periphrases)
            self.periphrases.update({w.lower(): roles for w in periphrases})

    def periphrasis(self, text: str) -> tuple[str, tuple[str, ...]]:
        """The periphrasis `text` opens (`chef de l'État …`) and the roles it stands for, lower
        case; ("", ()) when it opens none."""
        text = text.lower().replace("’", "'")
        return next(((p, roles) for p, roles in self.periphrases.items() if text.startswith(p)), ("", ()))


_NORMS: dict[int, str] = {}   # a token's lower-case hash -> its norm (the vocabulary's words)


def norm(t) -> str:
    """The token's lower case with a straight apostrophe. Called some 1,300 times per article;
    kept per lower-case form (spaCy decodes `lower_` from its string store at each access)."""
    w = _NORMS.get(t.lower)
    if w is None:
        if len(_NORMS) >= 500_000:   # bounded on endless runs
            _NORMS.clear()
        w = _NORMS[t.lower] = t.lower_.replace("’", "'")
    return w


def listed(t, words) -> bool:
    """Is the word t in the list `words` by its lemma or by its form (the lemmatiser leaves some
    nouns as written: `proches`, `autorités`)?"""
    return t.lemma_.lower() in words or t.lower_ in words


class Ctx:
    """One Doc with its quotes paired and the lookups the patterns share (built in O(n))."""

    def __init__(self, doc: Doc, words: "Words"):
        self.doc = doc
        self.words = words
        self.text = doc_text(doc)
        self.cue_first: dict[int, int] = {}  # last word of a multiword cue -> its first word
        self.last_speaker = None  # (speaker span, sentence start) of the last attribution found
        self.name_bags: dict[int, set] = {}  # id of a mention -> the words of its name and role (speakers)
        self.n = len(doc)
        # a dispatch's dateline (`PARIS, 27 septembre 2017 (AFP) -`, as the dates component
        # marks it) is no part of the first sentence
        end = next((d.get("dateline_end") for d in getattr(doc._, "depeche_dates", None) or [] if d.get("dateline_end")), None)
        self.body_from = next((t.i for t in doc if t.idx >= end), None) if end is not None else None
        paired = pair_quotes(self.text)
        quotes = [q for q in paired if q.depth == 0]
        self.inner_quotes = [q for q in paired if q.depth == 1]  # quotes inside a quote (nested_quote)
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

    def sent_start(self, i: int) -> int:
        """Start of token i's sentence, over the parser's boundaries that no punctuation marks
        (`La chaîne NBC | annonce que`, `Paul Roy, président du club, | estime`): a sentence
        starts after `.`, `!`, `?`, `;`, `:`, a closing mark after one of them, or a line break.
        (Not coref's paragraph_sentences, which keeps the parser's boundaries: there a sentence
        counts distance between mentions; here it bounds a cue's clause, which the parser cuts.)"""
        k = self.doc[i].sent.start
        while k > 0:
            p = k - 1
            while p > 0 and self.doc[p].is_space and not self.is_break(p):
                p -= 1
            t = self.doc[p]
            if t.text in SENT_END or t.text == ":" or self.is_break(p) or t.text in CLOSE_MARKS and (
                    p == 0 or self.doc[p - 1].text in SENT_END):
                break
            k = self.doc[p].sent.start
        # a line break inside the parser's sentence ends one too (two paragraphs run together)
        for p in range(i - 1, k - 1, -1):
            if self.is_break(p):
                k = p + 1
                while k < i and self.doc[k].is_space:
                    k += 1
                break
        return self.body_from if self.body_from is not None and k < self.body_from <= i else k

    def is_break(self, i) -> bool:
        t = self.doc[i]
        return "\n" in t.text or (t.is_space and "\n" in t.text) or "\n" in t.whitespace_


class Speaker(tuple):
    """A speaker's character span (start, end) and the rule that chose it (README: `subject`,
    `agent`, `governor_subject`, `post_verbal`, `clitic`, `relative`, `object`, `surface`, …)."""

    def __new__(cls, start: int, end: int, rule: str):
        self = super().__new__(cls, (start, end))
        self.rule = rule
        return self


def speaker_at(ctx: Ctx, i: int, j: int, rule: str) -> Speaker:
    """The speaker made of tokens i..j inclusive, chosen by `rule`."""
    return Speaker(*chars(ctx, i, j), rule)


def make_attribution(kind, cue_tok, cue_lemma, stance, speaker, content, rule, **extra) -> dict:
    """An attribution found by pattern `rule`; `speaker` a Speaker (or None: no speaker)."""
    a = {"kind": kind, "cue_start": None, "cue_end": None, "cue_lemma": cue_lemma, "stance": stance,
         "speaker_start": speaker[0] if speaker else None, "speaker_end": speaker[1] if speaker else None,
         "actor_id": "", "content_start": content[0], "content_end": content[1], "rule": rule,
         "speaker_rule": getattr(speaker, "rule", "surface") if speaker else "none"}
    if cue_tok is not None:
        a["cue_start"], a["cue_end"] = cue_tok.idx, cue_tok.idx + len(cue_tok.text)
    a.update(extra)
    return a


def chars(ctx: Ctx, i: int, j: int) -> tuple[int, int]:
    """Character span of tokens i..j inclusive."""
    return ctx.tok(i).idx, ctx.tok(j).idx + len(ctx.tok(j).text)
