"""Language: judged from a sentence up (MIN_LETTERS, measured by scripts/measure_lang.py), else left empty."""
from __future__ import annotations

import pytest

from pipeline.io.article import Article
from pipeline.io.lang import MIN_LETTERS, detect
from pipeline.runner.work import post_read

BRIEF_EN = ("The United Nations said on Monday that aid convoys had reached the besieged city "
            "for the first time in three months.")          # one sentence, about 120 characters


@pytest.mark.parametrize("body, lang", [
    (BRIEF_EN, "en"),                                                            # a one-sentence English brief
    ("Le gouvernement a annoncé lundi une hausse du salaire minimum.", "fr"),    # one French sentence
    ("Le président a démissionné mardi soir après le vote.", "fr"),              # just over the threshold (42 letters)
    ("Paris, 3 mai.", ""),                                                       # too short: not judged
    ("AFP", ""),
])
def test_when_body_given_then_judged_from_a_sentence_up(body, lang):
    assert detect(body)[0] == lang


def test_when_threshold_then_it_is_a_short_sentence():
    assert 20 <= MIN_LETTERS <= 60   # scripts/measure_lang.py: restricted set 0.998 fr / 1.000 en at 40 letters


@pytest.mark.parametrize("body, status, lang", [
    (BRIEF_EN, "not_french", "en"),
    ("Paris, 3 mai.", "ok", ""),                 # not judged: processed, lang left empty
    ("Le gouvernement a annoncé lundi une hausse du salaire minimum.", "ok", "fr"),
])
def test_when_article_read_then_status_and_lang_follow_the_judgement(body, status, lang):
    art = Article(article_id="a", path="a.txt", text=body, body_start=0)
    art, _ = post_read(art)
    assert (art.status, art.lang) == (status, lang)
    if status == "not_french":
        assert art.error.startswith("E105")
