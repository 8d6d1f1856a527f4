"""A run's tables published as one set, and what a run may do to an OUT it finds.

The merge writes every table, and the text store (texts.jsonl.gz, pipeline.io.texts), into a
staging folder (OUT/.depeche/staging); `publish` then lists each file with its sha256 in
run.json and moves the set into OUT, run.json last:
1. the new run.json is written beside the old one (a temporary name): if the disk is full
   here, or earlier, the previous complete set is still OUT's, untouched;
2. the old run.json is removed: from now on no set is claimed until step 4;
3. the tables are renamed into place, and the tables of either format that the new set does
   not hold are removed (a csv run after a parquet one leaves no parquet table behind);
4. the new run.json is renamed into place.
A reader trusts only the files run.json lists with a matching digest (SCHEMA.md 1.1), so at no
moment is a mixed set presented as one run.
"""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from pipeline import tables as T
from pipeline.fsutil import sha256_file  # noqa: F401 - re-exported (pipeline.inspect)
from pipeline.io import texts
from pipeline.io.discovery import RUN_JSON, STATE
from pipeline.io.writers import FORMATS

STAGING = "staging"


def staging_dir(out: Path) -> Path:
    """An empty staging folder for the merge to write the tables into."""
    path = Path(out) / STATE / STAGING
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    return path


def digests(folder: Path) -> dict[str, str]:
    """Every file under folder (path relative to it, `/`-separated) -> its sha256, sorted."""
    files = sorted(p for p in Path(folder).rglob("*") if p.is_file())
    return {p.relative_to(folder).as_posix(): sha256_file(p) for p in files}


def publish(out: Path, staging: Path, info: dict) -> dict:
    """Move the tables of `staging` into OUT as one set and write run.json (info + `tables`)
    last. Returns the run.json written. On an error, OUT holds the previous set or none."""
    out = Path(out)
    info = {**info, "tables": digests(staging)}
    tmp = out / (RUN_JSON + ".tmp")
    try:
        tmp.write_text(json.dumps(info, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    previous = listed(out)
    (out / RUN_JSON).unlink(missing_ok=True)
    entries = sorted(p.name for p in staging.iterdir())
    for name in entries:
        _remove(out / name)
        os.replace(staging / name, out / name)
    for name in table_entries(out, previous) - set(entries):
        _remove(out / name)
    os.replace(tmp, out / RUN_JSON)
    shutil.rmtree(staging, ignore_errors=True)
    return info


def read_json(path: Path) -> dict:
    """A JSON object from a file depeche wrote (run.json, state.json); {} when the file is
    missing, unreadable, not JSON or not an object."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def read_run(out: Path) -> dict:
    """OUT's run.json ({} when there is none to read)."""
    return read_json(Path(out) / RUN_JSON)


def listed(out: Path) -> dict[str, str]:
    """The files OUT's run.json lists with their sha256 ({} when it lists none)."""
    tables = read_run(out).get("tables")
    return tables if isinstance(tables, dict) else {}


def table_entries(out: Path, previous: dict | None = None) -> set[str]:
    """Names in OUT that are depeche tables of either format: every table of the schema, the
    text store (pipeline.io.texts), and whatever the previous run.json listed (a table an older
    version wrote)."""
    names = {fmt.path(Path(), t).name for t in T.NAMES for fmt in FORMATS.values()} | {texts.NAME}
    names |= {rel.split("/", 1)[0] for rel in (previous if previous is not None else listed(out))}
    return {n for n in names if n != RUN_JSON and (Path(out) / n).exists()}


def holds_a_run(out: Path) -> bool:
    """Does OUT hold what a run leaves (tables, run.json, parts of a killed run)?"""
    out = Path(out)
    return bool(table_entries(out)) or (out / RUN_JSON).exists() or (out / STATE).exists()


def clear(out: Path) -> None:
    """`--overwrite`: remove every table of either format, run.json and depeche's state (not
    the lock, held by this run)."""
    out = Path(out)
    for name in table_entries(out):
        _remove(out / name)
    for name in (RUN_JSON, RUN_JSON + ".tmp", STATE):
        _remove(out / name)
    for p in out.glob("*.tmp"):
        if p.name.split(".", 1)[0] in T.NAMES or p.name == texts.NAME + ".tmp":
            _remove(p)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()
