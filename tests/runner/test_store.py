"""The run store alone: parts written atomically, and the k-way merge, in one pass or in several
(more parts than files it may hold open), giving the same tables whatever the split."""
from __future__ import annotations

import random

import pytest

from pipeline import tables as T
from pipeline.io import texts
from pipeline.runner import store as store_mod
from pipeline.runner.store import Store


def _article(i: int) -> dict[str, list]:
    """The per-article rows of a small made-up article."""
    aid = f"art-{i:03d}"
    actor = f"actor-{i % 7}"
    return {
        "articles": [T.ArticleRow(aid, f"{aid}.txt", status="ok" if i % 5 else "empty", chars=10 * i)],
        "mentions": [T.MentionRow(aid, n, n, n + 1, "x", "PER", actor) for n in (1, 2)],
        "quantities": [T.QuantityRow(aid, 1, 0, 1, "3", 3.0 + i)],
        "dates": [],
        "attributions": [T.AttributionRow(aid, 1, kind="direct", content="c", content_start=0, content_end=1)],
        "actor_obs": [T.ActorObservation(actor, aid, f"Name {i % 7}", "person", aliases=[f"N{i}"], mentions=2)],
        texts.PART: [[aid, f"Texte {i}"]],
    }


def _run(tmp_path, name: str, groups: list[list[int]], max_open: int, monkeypatch) -> dict[str, bytes]:
    monkeypatch.setattr(store_mod, "MAX_OPEN", max_open)
    store = Store(tmp_path / name)
    store.reset()
    for number, ids in enumerate(groups):
        tables: dict[str, list] = {}
        for i in ids:
            for k, v in _article(i).items():
                tables.setdefault(k, []).extend(v)
        store.write_part(number, tables)
    counts, statuses = store.merge("csv")
    assert counts["articles"] == sum(map(len, groups)) and statuses["empty"] == sum(
        1 for g in groups for i in g if i % 5 == 0)
    assert store.texts == sum(map(len, groups))
    return {f: (tmp_path / name / f).read_bytes() for f in [f"{t.name}.csv" for t in T.TABLES] + [texts.NAME]}


def test_when_parts_outnumber_open_files_then_multi_pass_merge_gives_the_one_pass_tables(tmp_path, monkeypatch):
    ids = list(range(40))
    one = _run(tmp_path, "one", [ids], 200, monkeypatch)
    shuffled = ids[:]
    random.Random(7).shuffle(shuffled)
    many = _run(tmp_path, "many", [shuffled[i:i + 3] for i in range(0, 40, 3)], 2, monkeypatch)
    assert many == one
    assert not list((tmp_path / "many" / ".depeche").glob("runs-*")), "the merge runs are removed"


def test_when_part_written_then_no_temporary_folder_is_left_and_its_ids_count_as_done(tmp_path):
    store = Store(tmp_path)
    store.reset()
    store.write_part(0, _article(1))
    store.write_part(1, _article(2))
    assert [p.name for p in store.part_dirs()] == ["part-000000", "part-000001"]
    assert not list(store.parts.glob("*.tmp"))
    assert set(store.done()) == {"art-001", "art-002"} and store.next_part_number() == 2
    assert store.done()["art-001"] == ("art-001.txt", "")


def test_when_articles_are_dropped_then_their_rows_leave_every_part_and_the_others_stay(tmp_path):
    store = Store(tmp_path)
    store.reset()
    both = {k: _article(1)[k] + _article(2)[k] for k in _article(1)}
    store.write_part(0, both)
    store.write_part(1, _article(3))
    store.drop({"art-002", "art-003"})
    assert [p.name for p in store.part_dirs()] == ["part-000000"] and set(store.done()) == {"art-001"}
    assert not [p for p in store.parts.iterdir() if p.name != "part-000000"]
    alone = Store(tmp_path / "alone")
    alone.reset()
    alone.write_part(0, _article(1))
    for part in [p for p, _ in T.stored()] + [texts.PART]:
        assert (store.parts / "part-000000" / f"{part}.jsonl").read_bytes() == \
               (alone.parts / "part-000000" / f"{part}.jsonl").read_bytes(), part


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_when_merged_in_a_format_then_every_table_is_there(tmp_path, fmt):
    store = Store(tmp_path)
    store.reset()
    store.write_part(0, _article(3))
    counts, _ = store.merge(fmt)
    assert set(counts) == set(T.NAMES)
    assert all((tmp_path / f"{t}.{fmt}").exists() for t in T.NAMES)
    assert texts.read(tmp_path) == {"art-003": "Texte 3"}
