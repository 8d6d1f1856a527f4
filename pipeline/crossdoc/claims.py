"""The same claim across a run: attributions with the same speaker and near-identical content.

A claim is keyed by its speaker (the canonical actor, or nobody when the text names none) and its
content normalised (case, accents, punctuation, quote marks and spacing folded: `text.normalised`).
Two keys of one speaker are one claim when their contents are near-identical (`near_identical`):
almost the same characters and the same numbers, or one a long enough piece of the other (a quote
cut short by another outlet). A number that differs makes another claim: "10 000 soldats" and
"12 000 soldats" are two things to check, not one.

Clustering runs in the final merge, on rows, in two passes over attributions.csv (sorted by
article): `ClaimBuilder.add` reads every row, `finish` groups the keys (MinHash signatures of
their character trigrams, computed for all keys at once with numpy and banded into an LSH whose
buckets are per speaker: a speaker with thousands of claims is not compared pair by pair) and finds which claims restate others, then `assign` gives each article's rows their
claim_id and counts articles, and `rows` gives claims.csv. Memory grows with the distinct claims,
not with the rows.

A claim's id is a hash of its speaker and the normalised content of its first occurrence: the
same for any split of the run. The first occurrence is the earliest article by date (undated after
dated), then the lowest article_id, then the lowest attribution_id.

`responds_to`: a denial or a reply (stance `deny`, or a cue of answering) links to the claim it
answers where the text allows:
- its content names claims (`ces allégations`, `les accusations de Kiev`): the nearest claim
  before it in the same article made by another speaker (by the actor it names, when it names one);
- else its content restates another claim (most of its content words are that claim's), made by
  another speaker no later than it: the one with the most of its words, then the latest.
"""
from __future__ import annotations

import hashlib
import math
import re
from dataclasses import dataclass, field
from typing import Iterable, Mapping, Optional

import numpy as np

from pipeline.crossdoc.duplicates import date_order
from pipeline.crossdoc.text import connected, normalised
from pipeline.tables.claims import ClaimRow

# near-identical contents
CHAR_SHINGLE = 3
NEAR_JACCARD = 0.85       # character-trigram Jaccard similarity of two contents
PIECE_RATIO = 0.6         # a content inside another, at least this share of its length ...
PIECE_WORDS = 6           # ... and this many words
# candidates: 16 bands of 5 MinHash values over the character trigrams that are not too common
# propose 73 % of pairs at a Jaccard similarity of 0.6 (short pieces), 95 % at 0.7, 99.99 % at
# 0.85, 0.5 % at 0.2; each is then checked exactly. On 100,000 synthetic articles, a few in a
# million pairs of unrelated contents of one speaker are proposed
LSH_PERM = 80
LSH_BANDS = 16
COMMON_TRIGRAM = 0.02     # share of contents above which a trigram is too common to sketch
COMMON_MIN = 50

# responses
REPLY_CUES = frozenset({"répondre", "rétorquer", "répliquer", "réagir", "riposter", "rejeter", "démentir",
                        "nier", "contester", "réfuter", "récuser", "infirmer", "balayer", "dénoncer"})
CLAIM_NOUNS = ("allegation", "accusation", "affirmation", "information", "propos", "declaration",
               "rumeur", "critique", "assertion", "version", "chiffre", "bilan", "reproche", "soupcon",
               "imputation", "these", "informations", "assertions", "interpretation", "insinuation",
               "attaque", "menace", "ultimatum", "demande", "exigence", "annonce", "revelation", "article",
               "enquete", "rapport", "idee", "hypothese", "scenario", "chiffres", "estimation", "pretention")
_ANAPHOR = re.compile(r"^(?:(?:toutes?|tous|de|d)\s+)?(?:ces|cette|cet|ce|les|leurs?|ses|sa|son|telles?)\s+"
                      r"(?:\w+\s+){0,2}?(?:%s)s?\b" % "|".join(CLAIM_NOUNS))
ANAPHOR_WORDS = 10        # a content that names claims is short
RESTATE_SHARE = 0.6       # share of a reply's content words found in the claim it restates
RESTATE_WORDS = 4         # and at least this many (fewer restate nothing in particular)
CANDIDATES = 300          # claims read per reply, those of its rarest words first
STOPWORDS = frozenset("""a au aux avec avoir ce ces cet cette d dans de des du elle elles en est et etre
eu il ils je l la le les leur leurs lui m mais me meme n ne ni nos notre nous on ont or ou par pas plus pour
qu que qui s sa sans se ses si son sont sur t ta te tes toi ton tous tout toute toutes tres tu un une vos
votre vous y ete etait avait avaient sera serait seraient aurait fait faire comme aussi alors apres avant
bien car cela celle celui ceux dont donc encore entre ici ainsi deja jamais lors moins peu puis quand
sous toujours trop""".split())


@dataclass
class _Key:
    """One (speaker, normalised content) as seen in pass 1."""
    actor_id: str
    norm: str
    first: tuple            # (date order, article_id, attribution_id) of its first occurrence
    content: str            # the content of that occurrence, as written
    last: str = ""          # the latest date it occurs on
    attributions: int = 0
    reply: bool = False     # its first occurrence denies or answers
    cluster: int = -1


@dataclass
class _Claim:
    keys: list = field(default_factory=list)
    claim_id: str = ""
    articles: int = 0
    anaphor: Optional[tuple] = None   # (occurrence order, claim index) it answers, by naming
    restates: int = -1


def is_reply(stance: str, cue_lemma: str) -> bool:
    return stance == "deny" or (cue_lemma or "").lower() in REPLY_CUES


def names_claims(content: str) -> bool:
    """Does the content name claims instead of saying one (`ces allégations`)?"""
    words = normalised(content).split()
    return 0 < len(words) <= ANAPHOR_WORDS and bool(_ANAPHOR.match(" ".join(words)))


def content_words(norm: str) -> set[str]:
    return {w for w in norm.split() if len(w) > 2 and w not in STOPWORDS}


def _numbers(norm: str) -> list[str]:
    """The numbers of a content, digit groups joined (`10 000` is 10000)."""
    out: list[str] = []
    glued = False
    for w in norm.split():
        if w.isdigit():
            if glued and len(w) == 3:
                out[-1] += w
            else:
                out.append(w)
            glued = True
        else:
            glued = False
    return sorted(out)


def _trigrams(norm: str) -> set[str]:
    s = f" {norm} "
    return {s[i:i + CHAR_SHINGLE] for i in range(max(1, len(s) - CHAR_SHINGLE + 1))}


def near_identical(a: str, b: str) -> bool:
    """Are two normalised contents of one speaker the same claim?"""
    if a == b:
        return True
    if _numbers(a) != _numbers(b):
        return False
    short, long_ = sorted((a, b), key=len)
    if (len(short) >= PIECE_RATIO * len(long_) and len(short.split()) >= PIECE_WORDS
            and f" {short} " in f" {long_} "):
        return True
    ta, tb = _trigrams(a), _trigrams(b)
    return len(ta & tb) >= NEAR_JACCARD * len(ta | tb)


def _mix(x: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser on uint64 arrays (wrapping arithmetic): a fixed, well-spread hash."""
    x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


_SEEDS = _mix(np.arange(1, LSH_PERM + 1, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15))


def _signatures(norms: list[str], chunk: int = 1 << 21) -> np.ndarray:
    """MinHash signatures (len(norms) x LSH_PERM, uint64) of the character trigrams of each
    normalised content, all computed at once with numpy (a trigram is its three code points).

    Trigrams found in more than COMMON_TRIGRAM of the contents (those of `de`, `les`, `-ent`)
    are left out of the signatures (not of the check): they would put most contents of a
    prolific speaker in one bucket. A content made only of them keeps them all."""
    tris = []
    for norm in norms:
        cp = np.frombuffer(f" {norm} ".encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
        tris.append(np.unique((cp[:-2] << np.uint64(42)) | (cp[1:-1] << np.uint64(21)) | cp[2:]))
    lengths = np.array([len(t) for t in tris])
    codes = np.concatenate(tris) if tris else np.zeros(0, np.uint64)
    seg = np.repeat(np.arange(len(norms)), lengths)
    # how many contents hold each trigram, counted in 2^22 hashed bins (linear, unlike a sort; a
    # trigram sharing a bin with a common one is left out of the signatures too, rarely)
    bins = (_mix(codes) >> np.uint64(64 - 22)).astype(np.int64)
    df = np.bincount(bins, minlength=1 << 22)
    keep = df[bins] <= max(COMMON_MIN, COMMON_TRIGRAM * len(norms))
    kept_any = np.bincount(seg[keep], minlength=len(norms)) > 0
    keep |= ~kept_any[seg]
    codes, seg = codes[keep], seg[keep]
    sigs = np.empty((len(norms), LSH_PERM), dtype=np.uint64)
    for lo in range(0, len(norms), max(1, chunk // 64)):
        hi = min(len(norms), lo + max(1, chunk // 64))
        a, b = np.searchsorted(seg, [lo, hi])
        part, starts = codes[a:b], np.searchsorted(seg[a:b], np.arange(lo, hi))
        for p in range(LSH_PERM):
            sigs[lo:hi, p] = np.minimum.reduceat(_mix(part ^ _SEEDS[p]), starts)
    return sigs


def _band_buckets(sigs: np.ndarray, group: np.ndarray) -> Iterable[list[int]]:
    """Rows of `sigs` of one group that agree on a whole band, band by band (LSH_BANDS bands of
    LSH_PERM / LSH_BANDS values): each bucket of two rows or more, its rows sorted."""
    rows = LSH_PERM // LSH_BANDS
    for b in range(LSH_BANDS):
        h = _mix(group * np.uint64(0x9E3779B97F4A7C15) + np.uint64(b))
        for v in sigs[:, b * rows:(b + 1) * rows].T:
            h = _mix(h ^ v)
        order = np.argsort(h, kind="stable")
        hs = h[order]
        bounds = np.concatenate(([0], np.flatnonzero(hs[1:] != hs[:-1]) + 1, [len(hs)]))
        for lo, hi in zip(bounds[:-1], bounds[1:]):
            if hi - lo > 1:
                yield sorted(order[lo:hi].tolist())


def claim_hash(actor_id: str, norm: str) -> str:
    return "c" + hashlib.blake2b(f"{actor_id}\x1f{norm}".encode("utf-8"), digest_size=8).hexdigest()


class ClaimBuilder:
    """Attribution rows -> claim_id per row and claims.csv rows (see the module docstring).

    article_dates: article_id -> date (ISO, partial allowed, '' when unknown) for every article
    that has attributions; aliases: actor_id -> folded names it is written as (`kiev`, `ukraine`),
    to read which actor a content like `les accusations de Kiev` names.
    """

    def __init__(self, article_dates: Mapping[str, str], aliases: Optional[Mapping[str, Iterable[str]]] = None):
        self.dates = article_dates
        self.aliases = {a: [tuple(x.split()) for x in names if x] for a, names in (aliases or {}).items()}
        self._keys: dict[tuple[str, str], int] = {}
        self._key_list: list[_Key] = []
        self._claims: list[_Claim] = []
        self._finished = False

    # -- pass 1 ----------------------------------------------------------------------------
    def add(self, row: Mapping) -> None:
        """Read one attributions row (a mapping with its columns)."""
        norm = normalised(row.get("content") or "")
        if not norm:
            return
        date = self.dates.get(row["article_id"], "")
        order = (date_order(date), row["article_id"], int(row["attribution_id"]))
        actor = row.get("actor_id") or ""
        i = self._keys.get((actor, norm))
        if i is None:
            i = self._keys[(actor, norm)] = len(self._key_list)
            self._key_list.append(_Key(actor, norm, order, row.get("content") or "", date, 0,
                                       is_reply(row.get("stance") or "", row.get("cue_lemma") or "")))
        k = self._key_list[i]
        k.attributions += 1
        if order < k.first:
            k.first, k.content = order, row.get("content") or ""
            k.reply = is_reply(row.get("stance") or "", row.get("cue_lemma") or "")
        if date > k.last:
            k.last = date

    # -- between the passes ----------------------------------------------------------------
    def finish(self) -> None:
        """Group near-identical keys into claims, name them, find the claims replies restate."""
        keys = self._key_list
        groups = connected(len(keys), self._near_pairs())
        # claims in order of their first occurrence: deterministic whatever the input order
        firsts = sorted(groups, key=lambda ks: min(keys[k].first for k in ks))
        taken: set[str] = set()
        for members in firsts:
            c = _Claim(keys=members)
            first = keys[min(members, key=lambda k: keys[k].first)]
            cid = claim_hash(first.actor_id, first.norm)
            n = 2
            while cid in taken:   # a hash collision: the later claim gets a suffix
                cid = f"{claim_hash(first.actor_id, first.norm)}~{n}"
                n += 1
            taken.add(cid)
            c.claim_id = cid
            for k in members:
                keys[k].cluster = len(self._claims)
            self._claims.append(c)
        self._restatements()
        self._finished = True

    def _near_pairs(self) -> Iterable[tuple[int, int]]:
        """Pairs of keys of one speaker with near-identical contents: candidates that share an
        LSH band (the band's key includes the speaker), each checked by `near_identical`."""
        keys = self._key_list
        if len(keys) < 2:
            return
        speakers: dict[str, int] = {}
        who = np.array([speakers.setdefault(k.actor_id, len(speakers)) for k in keys], dtype=np.uint64)
        seen = set()
        for members in _band_buckets(_signatures([k.norm for k in keys]), who):
            for x, i in enumerate(members):
                for j in members[x + 1:]:
                    if (i, j) not in seen:
                        seen.add((i, j))
                        if near_identical(keys[i].norm, keys[j].norm):
                            yield i, j

    def _restatements(self) -> None:
        """For each reply that does not name claims, the claim it restates. A claim holding
        `need` of the reply's q content words holds one of its q - need + 1 rarest (prefix
        filtering): only those words' claims are read, rarest first and at most CANDIDATES of
        them, so the work per reply is bounded (a reply whose rarest words are in hundreds of
        claims restates nothing in particular)."""
        keys, claims = self._key_list, self._claims
        firsts = [min(keys[k].first for k in c.keys) for c in claims]
        rep = [keys[min(c.keys, key=lambda k: keys[k].first)] for c in claims]
        replies = [i for i, k in enumerate(rep) if k.reply and not names_claims(k.content)]
        if not replies:
            return
        cw = [content_words(k.norm) for k in rep]   # once per claim, not per candidate pair
        wanted = set().union(*(cw[i] for i in replies))
        index: dict[str, list[int]] = {}
        for ci, words in enumerate(cw):
            for w in words & wanted:
                index.setdefault(w, []).append(ci)
        for ci in replies:
            words = cw[ci]
            need = max(RESTATE_WORDS, math.ceil(RESTATE_SHARE * len(words)))
            if len(words) < need:
                continue
            prefix = sorted(words, key=lambda w: (len(index.get(w, ())), w))[:len(words) - need + 1]
            seen: set[int] = set()
            for w in prefix:   # rarest first, within a bounded reading: linear in the run
                if len(seen) + len(index.get(w, ())) > CANDIDATES:
                    break
                seen.update(index.get(w, ()))
            best = None
            for cj in sorted(seen):
                if (cj == ci or (rep[ci].actor_id and rep[cj].actor_id == rep[ci].actor_id)
                        or firsts[cj] > firsts[ci]):
                    continue
                n = len(words & cw[cj])
                if n < need:
                    continue
                cand = (n, firsts[cj])
                if best is None or cand > best[0]:
                    best = (cand, cj)
            if best:
                claims[ci].restates = best[1]

    # -- pass 2 ----------------------------------------------------------------------------
    def assign(self, rows: list[Mapping]) -> list[str]:
        """claim_id of each attributions row of one article (rows in attribution_id order);
        counts the article for its claims and reads which earlier claim a reply names."""
        assert self._finished, "finish() first"
        out, seen = [], set()
        claim_of = []
        for row in rows:
            norm = normalised(row.get("content") or "")
            i = self._keys.get((row.get("actor_id") or "", norm)) if norm else None
            ci = self._key_list[i].cluster if i is not None else None
            claim_of.append(ci)
            out.append(self._claims[ci].claim_id if ci is not None else "")
            if ci is not None and ci not in seen:
                seen.add(ci)
                self._claims[ci].articles += 1
        for pos, row in enumerate(rows):
            ci = claim_of[pos]
            if ci is None or not is_reply(row.get("stance") or "", row.get("cue_lemma") or ""):
                continue
            if not names_claims(row.get("content") or ""):
                continue
            target = self._named(rows, claim_of, pos)
            if target is None:
                continue
            date = self.dates.get(row["article_id"], "")
            order = (date_order(date), row["article_id"], int(row["attribution_id"]))
            c = self._claims[ci]
            if c.anaphor is None or order < c.anaphor[0]:
                c.anaphor = (order, target)
        return out

    def _named(self, rows, claim_of, pos) -> Optional[int]:
        """The claim a content like `ces allégations` names: the nearest earlier one of another
        speaker, by the actor the content names if it names one."""
        me = rows[pos]
        mine = me.get("actor_id") or ""
        words = normalised(me.get("content") or "").split()
        start, end = me.get("content_start"), me.get("content_end")
        earlier = []
        for j in range(pos - 1, -1, -1):
            r, cj = rows[j], claim_of[j]
            if cj is None or cj == claim_of[pos]:
                continue
            if (r.get("actor_id") or "") == mine and mine:
                continue
            if None not in (start, end, r.get("content_start"), r.get("content_end")) and (
                    r["content_start"] >= start or r["content_end"] >= end):
                continue   # not before it, or the content it is reported in
            earlier.append((r.get("actor_id") or "", cj))
        for actor, cj in earlier:
            if actor and any(_contains(words, alias) for alias in self.aliases.get(actor, ())):
                return cj
        return earlier[0][1] if earlier else None

    def rows(self) -> list[ClaimRow]:
        """claims.csv, sorted by claim_id."""
        keys, out = self._key_list, []
        for c in self._claims:
            first = keys[min(c.keys, key=lambda k: keys[k].first)]
            (_, date), article_id, attribution_id = first.first
            target = c.anaphor[1] if c.anaphor else (c.restates if c.restates >= 0 else None)
            out.append(ClaimRow(
                c.claim_id, first.actor_id, first.content, article_id, attribution_id, date,
                max(keys[k].last for k in c.keys), c.articles, sum(keys[k].attributions for k in c.keys),
                self._claims[target].claim_id if target is not None else ""))
        return sorted(out, key=lambda r: r.claim_id)


def _contains(words: list[str], alias: tuple) -> bool:
    n = len(alias)
    return n > 0 and any(tuple(words[i:i + n]) == alias for i in range(len(words) - n + 1))


def folded_aliases(names: Mapping[str, str], aliases: Mapping[str, str]) -> dict[str, list[str]]:
    """actor_id -> its name and `|`-joined aliases folded to words (as actors.csv gives them)."""
    out = {}
    for actor_id, name in names.items():
        forms = {normalised(name)} | {normalised(a) for a in (aliases.get(actor_id) or "").split("|") if a}
        out[actor_id] = sorted(f for f in forms if f)
    return out


def build_claims(attributions: Iterable[Mapping], article_dates: Mapping[str, str],
                 aliases: Optional[Mapping[str, Iterable[str]]] = None) -> tuple[list[str], list[ClaimRow]]:
    """claim_id of each row (in the order given) and claims.csv, for rows held in memory."""
    rows = list(attributions)
    b = ClaimBuilder(article_dates, aliases)
    for r in rows:
        b.add(r)
    b.finish()
    ids: dict[tuple, str] = {}
    by_article: dict[str, list[int]] = {}
    for n, r in enumerate(rows):
        by_article.setdefault(r["article_id"], []).append(n)
    for aid in sorted(by_article):
        idx = sorted(by_article[aid], key=lambda n: int(rows[n]["attribution_id"]))
        for n, cid in zip(idx, b.assign([rows[n] for n in idx])):
            ids[n] = cid
    return [ids[n] for n in range(len(rows))], b.rows()


__all__ = ["ClaimRow", "ClaimBuilder", "build_claims", "folded_aliases", "near_identical", "names_claims",
           "is_reply", "claim_hash"]
