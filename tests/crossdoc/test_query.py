"""`depeche claims` as a function: speaker, about, dates, time order."""
from __future__ import annotations

import pytest

from pipeline.crossdoc.query import QueryError, claims_table
from tests.crossdoc.runs import QUOTE, frames


@pytest.fixture(scope="module")
def t():
    return frames()


def test_when_asked_what_a_speaker_said_about_an_actor_then_one_row_first_seen_earliest(t):
    df = claims_table(t, speaker="zelensky", about="Pyongyang")      # an alias of North Korea
    assert list(df["content"]) == [QUOTE]
    row = df.iloc[0]
    assert (row["first_date"], row["first_article_id"], row["title"], row["url"]) == (
        "2024-10-18", "reuters-1018", "Des soldats en Russie", "https://r/1")
    assert (row["speaker"], row["cue"], row["stance"], row["articles"], row["last_date"]) == (
        "Volodymyr Zelensky", "déclaré", "assert", 3, "2024-10-21")


def test_when_no_filter_then_claims_come_in_time_order_undated_last(t):
    df = claims_table(t)
    assert list(df["first_date"]) == ["2024-10-18", "2024-10-21", ""]
    assert list(df["speaker"]) == ["Volodymyr Zelensky", "Kremlin", "un expert"]
    denial = df.iloc[1]
    assert denial["responds_to"] == df.iloc[0]["claim_id"]


@pytest.mark.parametrize("kw, n", [
    (dict(speaker="Kremlin"), 1), (dict(speaker="expert"), 1),          # an actor; a speaker as written
    (dict(speaker="Macron"), 0),
    (dict(about="Corée du Nord"), 1), (dict(about="guerre années"), 1),  # an actor; words
    (dict(about="soldats russie"), 1), (dict(about="paix"), 0),
    (dict(since="2024-10-19"), 1), (dict(since="2024-10"), 2), (dict(until="2024-10-18"), 1),
    (dict(since="2024-10-19", until="2024-10-21"), 1),
])
def test_when_filtered_then_only_matching_claims_stay(t, kw, n):
    assert len(claims_table(t, **kw)) == n


@pytest.mark.parametrize("kw", [dict(since="hier"), dict(until="2024-13-45"), dict(about="« »"),
                                dict(since="2024/10"), dict(until="2024-10-2")])   # never guessed as 2024
def test_when_a_filter_is_unreadable_then_a_query_error_says_so(t, kw):
    with pytest.raises(QueryError):
        claims_table(t, **kw)


@pytest.mark.parametrize("keep, articles, zelensky_articles", [(False, 3, 2), (True, 4, 3)])
def test_when_a_run_has_copies_then_inspect_counts_each_group_once_unless_kept(t, tmp_path, keep, articles,
                                                                             zelensky_articles):
    from pipeline.inspect import Filters, summarise
    s = summarise(tmp_path, Filters(keep_duplicates=keep), tables=t)
    assert s["counts"]["articles"] == articles and s["duplicates"] == {"copies": 1, "counted": keep}
    speakers = {r["speaker"]: r for r in s["top_speakers"]}
    assert speakers["Volodymyr Zelensky"]["articles"] == zelensky_articles
