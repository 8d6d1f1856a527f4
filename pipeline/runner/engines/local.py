"""The local engine: spaCy's own multiprocessing (`nlp.pipe(n_process=N)`), streaming."""
from __future__ import annotations

import itertools
from collections import deque

from pipeline import nlp as nlp_mod
from pipeline.errors import one_line
from pipeline.runner.work import Options, extract_one, merge_tables, prepare, tabulate


def record_errors(proc_name, proc, docs, e):
    """spaCy error handler: an exception in a component is written on its Doc (the article then
    gets status `error`); a Doc lost in a worker (E871, no Doc given) is re-run by the engine."""
    for doc in docs or ():
        if doc is not None:
            doc._.depeche_errors = list(doc._.depeche_errors or []) + [
                one_line(f"{proc_name}: {type(e).__name__}: {e}")]


class LocalEngine:
    """Streams all units through one `nlp.pipe(n_process=workers, as_tuples=True)`: workers
    never idle between units. Each segment goes in with its sequence number as context and
    comes back with it, in input order, minus any Doc lost to a worker exception; a lost one is
    re-run in this process, so a failing article gets status `error` and the others their rows.

    nlp: a pipeline already built (evaluate, train); by default the model of `opts` is loaded."""

    def __init__(self, workers: int = 1, batch_size: int = 16, nlp=None):
        self.workers = max(1, workers)
        self.batch_size = batch_size
        self.nlp = nlp
        self.on_article = None   # called once per finished article (the progress bar), if set

    def _tick(self) -> None:
        if self.on_article:
            self.on_article()

    def run(self, units, opts: Options):
        inflight: deque = deque()     # (sequence number, unit, article slot, segment index, text) fed to spaCy
        slots: deque = deque()        # unit slots in input order
        seq = itertools.count()

        def feed():
            for number, sources in units:
                unit = {"number": number, "tables": {}, "articles": [], "open": 0, "fed": False,
                        "size": len(sources)}
                slots.append(unit)
                for source in sources:
                    art, segs = prepare(source, opts)
                    if len(segs) > 1:   # a long article: its segments one at a time, here (in a
                        # batch, the parser's memory would grow with the article's length)
                        merge_tables(unit["tables"], extract_one(pipeline(), art, segs))
                        self._tick()
                        continue
                    a = {"art": art, "segs": segs, "docs": [None] * len(segs), "left": len(segs)}
                    unit["articles"].append(a)
                    if segs:
                        unit["open"] += 1
                    for i, (_, text) in enumerate(segs):
                        n = next(seq)
                        inflight.append((n, unit, a, i, text))
                        yield text, n
                unit["fed"] = True

        def finish_article(unit, a):
            docs = [(off, d) for (off, _), d in zip(a["segs"], a["docs"])]
            merge_tables(unit["tables"], tabulate(a["art"], docs))
            unit["open"] -= 1
            self._tick()

        def settle(unit, a, i, doc):
            a["docs"][i] = doc
            a["left"] -= 1
            if a["left"] == 0:
                finish_article(unit, a)

        def recover(n, unit, a, i, text):
            if a["left"] < 0:   # the article already failed
                return
            try:
                settle(unit, a, i, nlp(text))
            except Exception:  # noqa: BLE001
                a["left"] = -1
                merge_tables(unit["tables"], extract_one(nlp, a["art"], a["segs"]))
                unit["open"] -= 1
                self._tick()

        def ready():
            while slots and slots[0]["fed"] and slots[0]["open"] == 0:
                unit = slots.popleft()
                for a in unit["articles"]:
                    if not a["segs"]:
                        merge_tables(unit["tables"], tabulate(a["art"], []))
                        self._tick()
                yield unit["number"], unit["tables"], unit["size"]

        loaded = []

        def pipeline():
            if not loaded:
                nlp = self.nlp or nlp_mod.load(opts.model_dir)
                nlp.default_error_handler = record_errors  # Language-level only (per-pipe setter fails on Cython pipes)
                loaded.append(nlp)
            return loaded[0]

        texts = feed()
        first = next(texts, None)
        if first is None:   # nothing to parse (all empty, not French, ...): no model to load
            for unit in slots:
                unit["fed"] = True
            yield from ready()
            return
        nlp = pipeline()
        docs = nlp.pipe(itertools.chain([first], texts), as_tuples=True, n_process=self.workers,
                        batch_size=self.batch_size)
        for doc, n in docs:
            while inflight:   # Docs come back in input order: those skipped were lost
                entry = inflight.popleft()
                if entry[0] == n:
                    settle(*entry[1:4], doc)
                    break
                recover(*entry)
            yield from ready()
        while inflight:
            recover(*inflight.popleft())
        for unit in slots:
            unit["fed"] = True
        yield from ready()
