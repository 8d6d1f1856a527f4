"""CLI conventions: --version, -h, the --workers default said, switches shown as flags,
`-` as standard input or output, -q and -v."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from pipeline import __version__
from pipeline.cli import app
from tests.runner.test_run import FRENCH
from tests.test_inspect import make_synthetic_out

COMMANDS = sorted(c.name for c in app.registered_commands) + ["gold check"]


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


@pytest.mark.parametrize("command", COMMANDS)
def test_when_help_printed_then_switches_take_no_value(command):
    """typer 0.29's rich help gives every option its type, `--resume <bool>` for a switch too
    (TyperOption.display_type_rich ignores is_flag); the plain help depeche uses does not."""
    r = CliRunner().invoke(app, [*command.split(), "-h"], env={"COLUMNS": "80"})
    assert r.exit_code == 0, r.output
    assert "<bool>" not in r.output and "-h, --help" in r.output
    assert max(len(line) for line in r.output.splitlines()) <= 80


@pytest.mark.parametrize("command", ["run", "report", "annotate", "import-labelstudio", "train", "db"])
def test_when_command_says_things_then_it_has_quiet(command):
    r = CliRunner().invoke(app, [command, "-h"], env={"COLUMNS": "120"})
    assert "-q, --quiet" in r.output


@pytest.fixture(scope="module")
def synth(tmp_path_factory):
    return make_synthetic_out(tmp_path_factory.mktemp("conv"))


def test_when_report_to_dash_then_page_on_stdout_and_no_file(synth, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(app, ["report", str(synth), "-o", "-"])
    assert r.exit_code == 0, r.output
    assert r.stdout.startswith("<!doctype html>") and r.stdout.rstrip().endswith("</html>")
    assert "report of 4 articles (3 texts marked)" in r.stderr and not (tmp_path / "-").exists()


def test_when_labelstudio_config_to_dash_then_xml_on_stdout(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(app, ["labelstudio-config", "-o", "-"])
    assert r.stdout.startswith("<View>") and not (tmp_path / "-").exists()


def test_when_export_read_from_dash_then_gold_written(tmp_path):
    from pipeline import labelstudio as ls
    task = ls.task_from_gold({"article_id": "g1", "text": "La sonde a atteint Mars lundi.", "actors": [
        {"id": "mars", "name": "Mars", "type": "location", "mentions": [[19, 23]]}]}, as_annotations=True)
    r = CliRunner().invoke(app, ["import-labelstudio", "-", "-o", str(tmp_path / "gold")],
                           input=json.dumps([task]))
    assert r.exit_code == 0, r.output
    assert (tmp_path / "gold" / "g1.json").is_file() and "wrote 1 gold files" in r.stderr


@pytest.mark.parametrize("flags, said, unsaid", [
    ([], ["report of 4 articles"], ["more notes"]),
    (["-q"], [], ["report of", "note"]),
])
def test_when_report_quiet_then_nothing_said(synth, tmp_path, flags, said, unsaid):
    r = CliRunner().invoke(app, ["report", str(synth), "-o", str(tmp_path / "r.html"), *flags])
    assert r.exit_code == 0 and (tmp_path / "r.html").is_file()
    assert all(s in r.stderr for s in said) and not any(s in r.stderr for s in unsaid)


@pytest.mark.slow
@pytest.mark.parametrize("flags, said, unsaid", [
    ([], ["depeche: 2 articles (1 empty, 1 ok)"], ["E101"]),
    (["-q"], [], ["depeche:", "E101"]),
    (["-v"], ["depeche: 2 articles", "empty: empty: E101"], []),
])
def test_when_run_quiet_or_verbose_then_says_that_much(tmp_path, flags, said, unsaid):
    inp = tmp_path / "in"
    inp.mkdir()
    (inp / "a.txt").write_text(FRENCH, encoding="utf-8")
    (inp / "empty.txt").write_text("", encoding="utf-8")
    r = CliRunner().invoke(app, ["run", str(inp), "-o", str(tmp_path / "out"), "-w", "1", *flags])
    assert r.exit_code == 0, r.output
    assert all(s in r.output for s in said) and not any(s in r.output for s in unsaid)


# -- the README's commands section: every command, one example each, that parses -----------------
def _examples() -> list[list[str]]:
    import shlex

    from tests.conftest import ROOT
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("Then, by hand", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    return [shlex.split(line.split("#  ", 1)[0].split("  #", 1)[0])[1:] for line in block.strip().splitlines()]


def _leaf_commands(group, prefix=()) -> list[tuple[str, ...]]:
    out = []
    for name, cmd in group.commands.items():
        out += _leaf_commands(cmd, prefix + (name,)) if hasattr(cmd, "commands") else [prefix + (name,)]
    return out


def test_when_readme_read_then_every_command_has_exactly_one_example_that_parses():
    import typer
    root = typer.main.get_command(app)
    examples = _examples()
    names = []
    for args in examples:
        cmd, words = root, list(args)
        path = []
        while hasattr(cmd, "commands") and words and words[0] in cmd.commands:
            path.append(words[0])
            cmd = cmd.commands[words.pop(0)]
        names.append(tuple(path))
        cmd.make_context(" ".join(path), words)          # raises on an unknown option or a missing argument
    assert sorted(names) == sorted(_leaf_commands(root))
