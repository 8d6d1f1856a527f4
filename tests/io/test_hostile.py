"""Hostile inputs at the reading level (no model): each becomes its one expected row."""
from __future__ import annotations

import json
import signal
import tracemalloc
from contextlib import contextmanager

import pytest

from pipeline.io.files import NotRegularFile, open_regular
from pipeline.io.metadata import escape_name, escape_text, iso_date
from pipeline.io.readers import discover, from_text, read_ref
from tests.hostile import ALIAS_BOMB, FRENCH, MAX_CHARS, make_good, make_hostile


@contextmanager
def deadline(seconds: int):
    """Fail (instead of hanging the suite) if the block runs longer than `seconds`."""
    def expire(*_):
        raise TimeoutError(f"still running after {seconds} s: something blocks")
    old = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def test_when_inputs_are_hostile_then_each_reads_to_one_row_and_the_good_ones_are_untouched(tmp_path):
    good = make_good(tmp_path)
    cases = make_hostile(tmp_path)
    with deadline(120):
        refs = discover(tmp_path).refs
        arts = {r.article_id: read_ref(r, MAX_CHARS) for r in refs}
    assert len(arts) == len(refs) and sorted(arts) == sorted(good + list(cases))
    for aid, (status, checks) in cases.items():
        art = arts[aid]
        assert art.status == status, (aid, art.error)
        assert "\n" not in art.error and (status == "ok") == (art.error == "")
        for column, value in checks.items():
            got = getattr(art, column)
            assert got.startswith(value) if column == "error" else got == value, (aid, column, got)
        (art.error + art.article_id + art.path + art.title).encode("utf-8")   # writable text
    assert all(arts[g].status == "ok" and arts[g].text.endswith(FRENCH) for g in good)
    assert arts["big"].sha256 and arts["zero"].sha256 == ""


def test_when_the_name_or_a_field_is_not_utf8_then_it_is_escaped_readably():
    assert escape_name("caf\udce9") == "caf\\xe9"
    assert escape_text("s\ud800") == "s\\ud800"
    assert escape_text("déjà") == "déjà" and escape_name("déjà") == "déjà"


@pytest.mark.parametrize("value, iso", [
    ("2024-13-45", ""), ("2023-02-29", ""), ("2024-02-29", "2024-02-29"), ("2024-00", ""),
    ("45/13/2024", ""), ("0000-01-01", ""), (True, ""), ("2024-12", "2024-12"),
])
def test_when_a_metadata_date_does_not_exist_then_it_is_left_empty(value, iso):
    assert iso_date(value) == iso


def test_when_front_matter_has_an_alias_then_the_article_is_refused_quickly():
    art = from_text("bomb", ALIAS_BOMB, kind="md")
    assert art.status == "error" and art.error.startswith("E113")
    anchors_only = from_text("x", "---\ntitle: &t Un titre\ndate: 2024-01-02\n---\nCorps.", kind="md")
    assert (anchors_only.status, anchors_only.title, anchors_only.date) == ("ok", "Un titre", "2024-01-02")


def test_when_a_path_is_a_fifo_then_opening_it_refuses_at_once(tmp_path):
    import os
    os.mkfifo(tmp_path / "p.txt")
    with deadline(10), pytest.raises(NotRegularFile, match="FIFO"):
        open_regular(str(tmp_path / "p.txt"))


def test_when_a_jsonl_file_has_100000_records_then_it_streams(tmp_path):
    p = tmp_path / "many.jsonl"
    with open(p, "w", encoding="utf-8") as f:
        for i in range(100_000):
            f.write(json.dumps({"id": f"r{i}", "text": FRENCH}) + "\n")
    refs = discover(p).refs
    assert len(refs) == 100_000 and refs[-1].article_id == "r99999"
    tracemalloc.start()
    try:
        art = read_ref(refs[-1], 2_000_000)   # reads its line, not the 20 MB file
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert art.status == "ok" and art.text == FRENCH
    assert peak < 1_000_000


def test_when_a_jsonl_line_is_too_long_to_parse_then_it_is_skipped_unread_and_the_next_is_read(tmp_path):
    from pipeline.io.discovery import ID_LINE_CAP
    p = tmp_path / "feed.jsonl"
    with open(p, "wb") as f:
        f.write(b'{"id": "huge", "text": "' + b"a" * (4 * ID_LINE_CAP) + b'"}\n')
        f.write(json.dumps({"id": "next", "text": FRENCH}).encode() + b"\n")
    tracemalloc.start()
    try:
        refs = discover(p).refs
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [r.article_id for r in refs] == ["feed.jsonl:1", "next"]   # its id is never read
    assert peak < 3 * ID_LINE_CAP   # bounded by the cap, not by the line
    arts = [read_ref(r, 2_000_000) for r in refs]
    assert [a.status for a in arts] == ["too_large", "ok"] and arts[0].error.startswith("E111")
