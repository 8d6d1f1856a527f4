"""Progress: the bar moves once per finished article (not per unit of 64), in `run` and in `annotate`."""
from __future__ import annotations

import io
import json

from pipeline.progress import Progress
from pipeline.runner import run
from tests.runner.test_run import winer_sample


class Recorder(Progress):
    """A Progress that keeps every step and what the bar showed."""
    def __init__(self):
        super().__init__(stream=io.StringIO(), every=0.0)
        self.steps = []

    def advance(self, n: int) -> None:
        self.steps.append(n)
        super().advance(n)


def test_when_run_then_progress_advances_per_article_with_eta(tmp_path):
    inp = winer_sample(tmp_path / "in", 5)
    (inp / "empty.txt").write_text("", encoding="utf-8")         # an article with nothing to parse ticks too
    rec = Recorder()
    run(inp, tmp_path / "out", workers=1, unit_size=64, progress=rec)
    assert rec.steps == [1] * 6
    lines = rec.stream.getvalue().splitlines()
    assert len(lines) == 6 and all("ETA" in line and "art/s" in line for line in lines)
    assert lines[-1].startswith("depeche: 6/6 articles")


def test_when_annotate_then_progress_advances_per_article(tmp_path, nlp):
    from pipeline import labelstudio as lst
    inp = winer_sample(tmp_path / "in", 3)
    rec = Recorder()
    n = lst.annotate(inp, tmp_path / "tasks.json", nlp=nlp, progress=rec)
    assert n == 3 and rec.steps == [1, 1, 1]
    assert len(json.loads((tmp_path / "tasks.json").read_text(encoding="utf-8"))) == 3


def test_when_an_article_is_long_then_it_ticks_once_too(monkeypatch, nlp, seed_text):
    # a long article is parsed a segment at a time outside spaCy's stream: one tick all the same
    from pipeline.io.readers import from_text
    from pipeline.runner.engines import local
    from pipeline.runner.work import Options, segments

    def prepare(source, opts):
        art, segs = real_prepare(source, opts)
        return art, (segments(art.body, art.body_start, limit=600) if art.article_id == "long" else segs)

    real_prepare = local.prepare
    monkeypatch.setattr(local, "prepare", prepare)
    engine = local.LocalEngine(1, nlp=nlp)
    ticks = []
    engine.on_article = lambda: ticks.append(1)
    arts = [from_text("long", seed_text), from_text("short", "Le ministre a dit mardi qu'il partirait.")]
    sizes = [n for _, _, n in engine.run([(0, arts)], Options(model_dir=""))]
    assert sizes == [2] and ticks == [1, 1]
