"""The one-line summary of a run: skipped files said, counts pluralised right."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.runner import RunResult

COUNTS = {"mentions": 1, "actors": 0, "quantities": 1, "dates": 2, "attributions": 1, "claims": 1}


@pytest.mark.parametrize("articles, skipped, duplicates, expected", [
    (1, 0, 0, "depeche: 1 article (1 ok); 0 actors, 1 mention, 1 quantity, 2 dates, 1 attribution, 1 claim; "),
    (2, 1, 0, "depeche: 2 articles (1 ok), 1 file skipped (not a supported format); "),
    (2, 3, 0, "depeche: 2 articles (1 ok), 3 files skipped (not a supported format); "),
    (3, 1, 1, "depeche: 3 articles (1 ok), 1 near-duplicate, 1 file skipped (not a supported format); "),
])
def test_when_run_summarised_then_skipped_files_and_plurals_are_right(articles, skipped, duplicates, expected):
    line = RunResult(Path("out"), COUNTS, {"ok": 1}, 1.0, skipped, articles, duplicates=duplicates).summary()
    assert line.startswith(expected) and line.endswith("1.0 s -> out")
