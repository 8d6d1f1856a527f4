"""Near-duplicate articles: syndicated copies and light rewrites of one dispatch.

An article body becomes a set of shingles: SHINGLE consecutive words (folded: case, accents,
punctuation, quote marks and spacing aside) inside one paragraph, so that reordered paragraphs
give the same set and a new headline, an added or a cut paragraph change only a part of it. The
set is sketched by MinHash (NUM_PERM permutations, datasketch's `affine32` scheme): `sketch()`
runs where the article is read and its few hundred bytes go into the article's part.

The final merge indexes every sketch in a banded LSH (datasketch `MinHashLSH`): an article is
compared only with those that share a band with it, never with every other, so the work grows
with the number of articles, not with its square. A candidate pair is a copy when, by the
sketches' estimate, the smaller body's shingles are nearly all in the other (CONTAINMENT) and the
two sets overlap enough (JACCARD: a brief quoted inside a long feature is not a copy of it).
Measured on winer-fr, distinct articles of one series (the stages of a cycling race, built on one
template) share at most 0.80 of their shingles; reposted copies with a new headline, reordered
paragraphs, a paragraph added or cut and retypeset quotes share 0.97 or more.

Copies form groups: each group's first article, the earliest by date (undated after dated), then
the lowest id, is what the others are `duplicate_of`, and each of them is itself a copy of it. An
article that is only close to a copy (a short dispatch one paragraph of which a roundup reposted
beside a copied story) starts its own group instead of being drawn in through the copy.
"""
from __future__ import annotations

import base64
import zlib
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Optional

import numpy as np

from pipeline.crossdoc.text import paragraphs, words

SHINGLE = 5          # words per shingle
NUM_PERM = 128       # MinHash permutations (the estimate's standard error is under 0.045)
SEED = 17            # fixed: sketches made by any process, any day, compare
CONTAINMENT = 0.85   # share of the smaller body's shingles found in the other
JACCARD = 0.4        # shared shingles over all shingles of the two
# LSH bands tuned below JACCARD, so that pairs near it are still proposed (recall); the
# sketches' estimates then decide
LSH_THRESHOLD = 0.3


@dataclass
class ArticleSketch:
    """What the merge needs of one article body (stored in the article's part)."""
    article_id: str
    shingles: int        # how many distinct shingles the body has
    minhash: str         # NUM_PERM uint32 little-endian, base64


def shingles(body: str, k: int = SHINGLE) -> set[str]:
    """Word k-grams of each paragraph (a paragraph shorter than k words is one shingle)."""
    out = set()
    for para in paragraphs(body):
        w = words(para)
        if not w:
            continue
        if len(w) <= k:
            out.add(" ".join(w))
            continue
        out.update(" ".join(w[i:i + k]) for i in range(len(w) - k + 1))
    return out


@lru_cache(maxsize=1)
def _template():
    from datasketch import MinHash
    return MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=_crc32, scheme="affine32")


def _crc32(s: str) -> int:
    # deterministic across processes (Python's hash() is salted per process)
    return zlib.crc32(s.encode("utf-8"))


def sketch(article_id: str, body: str) -> Optional[ArticleSketch]:
    """The article's sketch, or None when its body has no word."""
    sh = shingles(body)
    if not sh:
        return None
    from datasketch import MinHash
    t = _template()
    m = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=_crc32, scheme="affine32",
                permutations=t.permutations)
    m.update_batch(sorted(sh))
    raw = m.hashvalues.astype("<u4").tobytes()
    return ArticleSketch(article_id, len(sh), base64.b64encode(raw).decode("ascii"))


def signature(s: ArticleSketch) -> np.ndarray:
    return np.frombuffer(base64.b64decode(s.minhash), dtype="<u4").astype(np.uint32)


def date_order(date: str) -> tuple:
    """Sort key of an article date: dated first, in ISO order (partial dates allowed), then undated."""
    return (0, date) if date else (1, "")


class DuplicateFinder:
    """Collects sketches (any order, any split of the run) and groups the copies.

    `add(sketch, date)` for every sketched article, then `duplicate_of()`.
    """

    def __init__(self, containment: float = CONTAINMENT, jaccard: float = JACCARD):
        self.containment, self.jaccard = containment, jaccard
        self._ids: list[str] = []
        self._dates: list[str] = []
        self._sizes: list[int] = []
        self._sigs: list[np.ndarray] = []

    def add(self, sk: ArticleSketch, date: str = "") -> None:
        sig = signature(sk)
        if sig.shape != (NUM_PERM,):
            raise ValueError(f"sketch of {sk.article_id!r} has {sig.shape[0]} values, not {NUM_PERM}")
        self._ids.append(sk.article_id)
        self._dates.append(date or "")
        self._sizes.append(sk.shingles)
        self._sigs.append(sig)

    def __len__(self) -> int:
        return len(self._ids)

    def copies(self, i: int, j: int, jaccard: float) -> bool:
        """Are articles i and j copies, given their sketches' estimated Jaccard similarity?"""
        a, b = self._sizes[i], self._sizes[j]
        shared = jaccard * (a + b) / (1 + jaccard)      # |A & B| from J = |A & B| / |A | B|
        return jaccard >= self.jaccard and shared >= self.containment * min(a, b)

    def pairs(self) -> Iterable[tuple[int, int]]:
        """Index pairs of copies, each once, in id order."""
        from datasketch import MinHash, MinHashLSH
        order = sorted(range(len(self._ids)), key=self._ids.__getitem__)
        sigs = np.stack([self._sigs[i] for i in order]) if order else np.zeros((0, NUM_PERM), np.uint32)
        perms = _template().permutations
        lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
        mhs = [MinHash(hashvalues=sigs[r], scheme="affine32", permutations=perms, hashfunc=_crc32)
               for r in range(len(order))]
        with lsh.insertion_session() as session:
            for r, m in enumerate(mhs):
                session.insert(r, m, check_duplication=False)
        for r, m in enumerate(mhs):
            cands = sorted(c for c in lsh.query(m) if c > r)
            if not cands:
                continue
            sims = (sigs[cands] == sigs[r]).mean(axis=1)
            for c, sim in zip(cands, sims):
                if self.copies(order[r], order[c], float(sim)):
                    yield order[r], order[c]

    def duplicate_of(self) -> dict[str, str]:
        """article_id -> the first article of its group, for every article that has one.

        Articles are taken in order (the earliest by date, undated after dated, then the lowest
        id): one that is a copy of an earlier group's first article joins the earliest such
        group; any other starts a group. A group is thus its first article and copies of it:
        an article that only shares a paragraph with a copy (a roundup that reposted one
        paragraph of it beside a copied dispatch) is not drawn into the group through it."""
        order = sorted(range(len(self._ids)), key=lambda i: (date_order(self._dates[i]), self._ids[i]))
        rank = {i: r for r, i in enumerate(order)}
        earlier: dict[int, list[int]] = {}
        for i, j in self.pairs():
            a, b = sorted((i, j), key=rank.__getitem__)
            earlier.setdefault(b, []).append(a)
        first: dict[int, int] = {}
        out = {}
        for i in order:
            leaders = [j for j in earlier.get(i, ()) if first[j] == j]
            first[i] = min(leaders, key=rank.__getitem__) if leaders else i
            if first[i] != i:
                out[self._ids[i]] = self._ids[first[i]]
        return out


def find_duplicates(articles: Iterable[tuple[str, str, str]]) -> dict[str, str]:
    """article_id -> duplicate_of for (article_id, date, body) triples held in memory."""
    finder = DuplicateFinder()
    for aid, date, body in articles:
        sk = sketch(aid, body)
        if sk is not None:
            finder.add(sk, date)
    return finder.duplicate_of()
