"""A person named by the surname alone in some articles is the one person of the run with that
surname, and a full name misspelt in a few articles the spelling the run writes most
(pipeline.crossdoc.persons), folded in the final merge whatever the split."""
from __future__ import annotations

import pytest

from pipeline.crossdoc.persons import Neighbours, surname_candidates, surname_folds, variant_candidates
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


@pytest.mark.parametrize("persons, folds", [
    # a first name misspelt in one article: the spelling the run writes most
    ([P("katia_morel", "Katia Morel", 1), P("katie_morel", "Katie Morel", 4)], {"katia_morel": "katie_morel"}),
    ([P("sebastien_roux", "Sebastien Roux", 1), P("sebastian_roux", "Sébastian Roux", 3)],
     {"sebastien_roux": "sebastian_roux"}),
    # the closest of two spellings, then the most written
    ([P("bashar_al_assad", "Bashar al-Assad", 1), P("bachar_al_assad", "Bachar al-Assad", 4),
      P("bachar_el_assad", "Bachar el-Assad", 4)], {"bashar_al_assad": "bachar_al_assad",
                                                    "bachar_el_assad": "bachar_al_assad"}),
    # each met once: maybe two persons; first names far apart or short: two persons
    ([P("george_w_bush", "George W. Bush", 1), P("george_h_w_bush", "George H. W. Bush", 1)], {}),
    ([P("adam_yates", "Adam Yates", 1), P("simon_yates", "Simon Yates", 7)], {}),
    ([P("jean_roux", "Jean Roux", 1), P("jeanne_roux", "Jeanne Roux", 5)], {}),
    # another surname: no fold
    ([P("katia_morel", "Katia Morel", 1), P("katie_moreau", "Katie Moreau", 4)], {}),
])
def test_when_a_first_name_is_misspelt_in_a_few_articles_then_it_may_be_the_usual_spelling(persons, folds):
    assert variant_candidates(persons) == folds


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


def _run_persons(tmp_path, records: list[dict]) -> dict:
    """Run depeche over the records; its person actors by id (the tables checked first)."""
    inp = write_jsonl(records, tmp_path / "in" / "run.jsonl").parent
    run(inp, tmp_path / "out", workers=1)
    assert check_tables(tmp_path / "out", inp) == "0 problems"
    return {r["actor_id"]: r for r in read_csv(tmp_path / "out", "actors") if r["type"] == "person"}


@pytest.mark.slow
def test_when_articles_name_a_rider_by_surname_alone_then_one_actor_across_the_run(tmp_path):
    actors = _run_persons(tmp_path, [
        _article(1, "Le coureur Christopher Froome a devancé Peter Sagan mardi à Nice."),
        _article(2, "Christopher Froome a confirmé qu'il prendrait le départ du Tour."),
        _article(3, "Froome a déclaré que Peter Sagan serait « très dur » à battre cette année."),
    ])
    assert sorted(actors) == ["christopher_froome", "peter_sagan"]
    assert (actors["christopher_froome"]["articles"], actors["christopher_froome"]["aliases"]) == (
        "3", "Christopher Froome|Froome")
    said = [r for r in read_csv(tmp_path / "out", "attributions") if r["article_id"] == "a3"]
    assert [r["actor_id"] for r in said] == ["christopher_froome"]


@pytest.mark.slow
def test_when_an_article_misspells_a_first_name_then_one_actor_across_the_run(tmp_path):
    actors = _run_persons(tmp_path, [
        _article(1, "La triathlète Katie Zaferes a devancé Flora Duffy dimanche à Leeds."),
        _article(2, "Katie Zaferes a confirmé qu'elle courrait à Hambourg face à Flora Duffy."),
        _article(3, "Katia Zaferes a déclaré que Flora Duffy serait « très dure » à battre."),
    ])
    assert sorted(actors) == ["flora_duffy", "katie_zaferes"]
    assert (actors["katie_zaferes"]["articles"], actors["katie_zaferes"]["aliases"]) == (
        "3", "Katia Zaferes|Katie Zaferes")
