"""The hashed-index lemmatizer gives exactly the lemmas of fr_core_news_md's own."""
import json

import pytest
import spacy

from pipeline.components.lemmas import FastIndexLookups
from tests.conftest import SEED, WINER


@pytest.mark.slow   # loads fr_core_news_md a second time, as spaCy ships it
def test_when_the_index_is_hashed_then_lemmas_are_unchanged_and_the_tables_still_save(nlp):
    texts = [SEED.read_text(encoding="utf-8")]
    with open(WINER, encoding="utf-8") as f:
        texts += [json.loads(next(f))["text"] for _ in range(20)]
    plain = spacy.load("fr_core_news_md", exclude=["ner"])
    assert isinstance(nlp.get_pipe("lemmatizer").lookups, FastIndexLookups)
    for text in texts:
        assert [t.lemma_ for t in plain(text)] == [t.lemma_ for t in nlp(text)]
    assert nlp.get_pipe("lemmatizer").lookups.to_bytes() == plain.get_pipe("lemmatizer").lookups.to_bytes()
