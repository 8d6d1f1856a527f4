"""CLI conventions: --version, -h, the --workers default said."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from pipeline import __version__
from pipeline.cli import app


@pytest.mark.parametrize("args, expected", [
    (["--version"], f"depeche {__version__}"),
    (["-V"], f"depeche {__version__}"),
    (["-h"], "COMMAND [ARGS]"),
    (["run", "-h"], "one per core"),
])
def test_when_conventional_option_then_answered(args, expected):
    r = CliRunner().invoke(app, args, env={"COLUMNS": "200"})
    assert r.exit_code == 0, r.output
    assert expected in r.output
