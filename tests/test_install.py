"""`pip install .` alone (no extras) gives a working `depeche run`, HTML included."""
from __future__ import annotations

import csv
import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT
from tests.hostile import FRENCH


@pytest.mark.slow
def test_when_installed_without_extras_into_a_fresh_venv_then_an_html_input_runs(tmp_path):
    src = tmp_path / "src"   # a copy: building must not leave build/ or egg-info in the tree
    shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns(
        ".venv*", ".git", "build", "*.egg-info", "__pycache__", ".pytest_cache", "out", "metrics", "tests"))
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = subprocess.run([str(venv / "bin" / "pip"), "install", "-q", str(src)], capture_output=True, text=True)
    assert pip.returncode == 0, pip.stderr[-2000:]
    page = tmp_path / "page.html"
    page.write_text("<html><head><title>Une page</title></head><body><article><p>" + FRENCH * 2 +
                    "</p></article></body></html>", encoding="utf-8")
    res = subprocess.run([str(venv / "bin" / "depeche"), "run", str(page), "-o", str(tmp_path / "out"),
                          "--workers", "1"], capture_output=True, text=True, cwd=tmp_path)
    assert res.returncode == 0, res.stderr[-2000:]
    with open(tmp_path / "out" / "articles.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [(r["article_id"], r["status"], r["error"]) for r in rows] == [("page", "ok", "")]
