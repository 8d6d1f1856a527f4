"""A person named by the surname alone in some articles is the one person of the run with that
surname (pipeline.crossdoc.persons), folded in the final merge whatever the split."""
from __future__ import annotations

import pytest

from pipeline.crossdoc.persons import Neighbours, surname_candidates, surname_folds
from pipeline.crossdoc.persons import PersonRow as P
from pipeline.runner import run
from tests.crossdoc.corpus import write_jsonl
from tests.runner.test_run import check_tables, read_csv


@pytest.mark.parametrize("persons, folds", [
    # one full name with that surname, seen in more articles: the surname alone is that person
    ([P("varenne", "Varenne", 3), P("lea_varenne", "Léa Varenne", 8)], {"varenne": "lea_varenne"}),
    ([P("varenne", "Varenne", 2), P("lea_varenne", "Léa Varenne", 2)], {"varenne": "lea_varenne"}),
    # two persons with that surname: it could be either
    ([P("varenne", "Varenne", 1), P("lea_varenne", "Léa Varenne", 8), P("paul_varenne", "Paul Varenne", 3)], {}),
    # a full name met once, or in fewer articles than the surname alone: maybe another person
    ([P("varenne", "Varenne", 1), P("lea_varenne", "Léa Varenne", 1)], {}),
    ([P("varenne", "Varenne", 5), P("lea_varenne", "Léa Varenne", 3)], {}),
    # a surname is a last word, not a first one
    ([P("lea", "Léa", 1), P("lea_varenne", "Léa Varenne", 8)], {}),
])
def test_when_a_surname_alone_has_one_full_name_in_the_run_then_it_may_be_that_person(persons, folds):
    assert surname_candidates(persons) == folds


def test_when_no_other_person_is_named_beside_both_then_no_fold():
    candidates = {"varenne": "lea_varenne", "morel": "jean_morel"}
    n = Neighbours(watched={"varenne", "lea_varenne", "morel", "jean_morel"},
                   persons={"varenne", "lea_varenne", "morel", "jean_morel", "paul_roy", "ana_diaz"})
    n.article(["lea_varenne", "paul_roy", "paris"])
    n.article(["varenne", "paul_roy"])          # a rider beside the same rival: the same rider
    n.article(["jean_morel", "ana_diaz"])
    n.article(["morel", "karim_sall"])          # another sport, other names: maybe another Morel
    assert surname_folds(candidates, n.beside) == {"varenne": "lea_varenne"}


def _article(i: int, body: str) -> dict:
    return {"id": f"a{i}", "date": f"2024-03-0{i}", "text": f"Cyclisme\n\n{body}"}


@pytest.mark.slow
def test_when_articles_name_a_rider_by_surname_alone_then_one_actor_across_the_run(tmp_path):
    records = [
        _article(1, "Le coureur Christopher Froome a devancé Peter Sagan mardi à Nice."),
        _article(2, "Christopher Froome a confirmé qu'il prendrait le départ du Tour."),
        _article(3, "Froome a déclaré que Peter Sagan serait « très dur » à battre cette année."),
    ]
    inp = write_jsonl(records, tmp_path / "in" / "tour.jsonl").parent
    run(inp, tmp_path / "out", workers=1)
    assert check_tables(tmp_path / "out", inp) == "0 problems"
    actors = {r["actor_id"]: r for r in read_csv(tmp_path / "out", "actors") if r["type"] == "person"}
    assert sorted(actors) == ["christopher_froome", "peter_sagan"]
    assert (actors["christopher_froome"]["articles"], actors["christopher_froome"]["aliases"]) == (
        "3", "Christopher Froome|Froome")
    said = [r for r in read_csv(tmp_path / "out", "attributions") if r["article_id"] == "a3"]
    assert [r["actor_id"] for r in said] == ["christopher_froome"]
    assert {r["actor_id"] for r in read_csv(tmp_path / "out", "mentions") if r["article_id"] == "a3"} == {
        "christopher_froome", "peter_sagan"}
