"""Invisible format characters (soft hyphens, zero-width spaces, direction marks) are taken out
of what the pipeline parses, and every offset still points into the text as written."""
from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from pipeline.io.invisible import visible
from pipeline.io.readers import from_text
from pipeline.runner import extract
from pipeline.tables import Offset

SEED = Path(__file__).resolve().parents[2] / "corpus" / "dispatches" / "000_667068d4754ea0a6.txt"
FORMAT = re.compile("[\u00ad\u200b\u200e\u200f\u2060\ufeff]")


@pytest.mark.parametrize("text, clean, removed", [
    ("décla\u00adré", "déclaré", (5,)),
    ("Unis\u200e , dit", "Unis , dit", (4,)),
    ("mot\u200bmot", "mot mot", ()),          # between two letters: a word break, kept as a space
    ("mot\u200b mot", "mot mot", (3,)),      # next to a space: taken out
    ("\ufeffLe texte", "Le texte", (0,)),
    ("déjà vu", "déjà vu", ()),
])
def test_when_text_has_format_characters_then_visible_takes_them_out_and_says_where(text, clean, removed):
    assert visible(text) == (clean, removed)


def test_when_characters_were_taken_out_then_offsets_map_back_onto_the_text_as_written():
    text = "ab\u00adcd\u200e ef"
    clean, removed = visible(text)
    off = Offset(100, removed)
    for s, e in ((0, 2), (0, 4), (2, 4), (5, 7)):   # spans of the clean text
        assert FORMAT.sub("", text[off.at(s) - 100:off.end_at(e) - 100]) == clean[s:e]
    assert off.end_at(4) - 100 == 5   # `abcd` ends before the mark glued to it, not after
    assert Offset(7).at(3) == Offset(7).end_at(3) == 10


def test_when_any_mix_of_marks_is_taken_out_then_every_parsed_character_maps_to_itself_as_written():
    rng = random.Random(20261206)
    for _ in range(500):
        text = "".join(rng.choice("ab \u00ad\u200e\u200b") for _ in range(rng.randint(0, 30)))
        clean, removed = visible(text)
        off = Offset(5, removed)
        kept = [i for i in range(len(text)) if i not in set(removed)]
        assert len(kept) == len(clean)
        for i, j in enumerate(kept):
            assert off.at(i) == 5 + j and (text[j] == clean[i] or text[j] == "\u200b" and clean[i] == " ")


def _sprinkle(text: str) -> str:
    """Soft hyphens inside every long word, a direction mark after every capitalised word."""
    def word(m):
        w = m.group(0)
        if len(w) >= 8:
            w = w[:4] + "\u00ad" + w[4:]
        return w + "\u200e" if w[:1].isupper() else w
    return re.sub(r"\w+", word, text)


def test_when_an_article_is_sprinkled_with_invisible_characters_then_its_rows_are_those_of_the_clean_one(nlp):
    text = SEED.read_text(encoding="utf-8")
    dirty = _sprinkle(text)
    assert dirty.count("\u00ad") > 50
    clean_rows = extract([from_text("a", text, date="2024-10-11")], nlp=nlp)
    dirty_rows = extract([from_text("a", dirty, date="2024-10-11")], nlp=nlp)
    for table, key in (("mentions", "actor_id"), ("quantities", "value"), ("dates", "value"),
                       ("attributions", "cue_lemma")):
        before = [(FORMAT.sub("", _span(r)[0]), getattr(r, key)) for r in clean_rows[table]]
        after = [(FORMAT.sub("", _span(r)[0]), getattr(r, key)) for r in dirty_rows[table]]
        assert after and after == before, table
        for r in dirty_rows[table]:   # the offsets index the text as written, marks and all
            written, start, end = _span(r)
            assert dirty[start:end] == written and not FORMAT.match(written[-1]), (table, written)


def _span(row) -> tuple[str, int, int]:
    """A row's text and offsets (an attribution's: its content's)."""
    if hasattr(row, "content"):
        return row.content, row.content_start, row.content_end
    return row.text, row.start, row.end
