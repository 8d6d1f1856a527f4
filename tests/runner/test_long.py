"""Long articles: parsed one segment at a time, each Doc summarised at once; the rows are those
the whole Docs give (the memory ceiling itself is measured by `make bench`)."""
from __future__ import annotations

from pipeline import tables as T
from pipeline.io import texts
from pipeline.io.readers import from_text
from pipeline.runner.work import DocSummary, extract_one, post_read, segments


def test_when_a_doc_is_summarised_then_its_rows_are_those_of_the_doc(nlp, seed_text):
    art, segs = post_read(from_text("seed", seed_text))
    docs = [(off, nlp(text)) for off, text in segs]
    whole = T.article_tables(art, docs)
    summarised = T.article_tables(art, [(off, DocSummary(doc)) for off, doc in docs])
    assert summarised == whole and whole["mentions"] and whole["articles"][0].sentences > 1


def test_when_an_article_has_many_segments_then_one_at_a_time_gives_the_rows_of_one_pipe(nlp, seed_text):
    art, _ = post_read(from_text("seed", seed_text))
    segs = segments(art.body, art.body_start, limit=600)
    assert len(segs) > 2
    piped = T.article_tables(art, list(zip((o for o, _ in segs), nlp.pipe(t for _, t in segs))))
    assert extract_one(nlp, art, segs) == {**piped, texts.PART: [[art.article_id, art.text]]}   # and its text kept
