"""`depeche inspect` and `depeche show`: summaries and highlights read back from OUT.

A synthetic OUT folder (input texts and table rows written here, offsets found in the texts)
tests the views deterministically; the founding dispatch's own run checks that the commands
work on real output (sparse while extractors are being built).
"""
from __future__ import annotations

import dataclasses
import json
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest
import typer
from typer.testing import CliRunner

from pipeline import tables as T
from pipeline.cli.browse import register
from pipeline.inspect import (Filters, InspectError, article_view, display_title, load_tables, over_time,
                              read_table, summarise)
from pipeline.io import texts
from pipeline.io.writers import open_table
from pipeline.overview import speaks_about, timeline
from pipeline.runner.publish import digests
from pipeline.views.terminal import styled_text
from tests.conftest import ROOT, SHARED

# -- a synthetic run: sentences written for these tests -----------------------------------------
TEXT_LYON = ("date 2025-03 La ville de Lyon a reçu 120 tonnes de farine le 4 mars, a indiqué la préfète "
             "Anne Martin.\n\n\n\n« Nous attendons encore 40 camions », a-t-elle ajouté.\n\n"
             "Selon l'agence Reuters, le port de Marseille est resté fermé en 2024.")
TEXT_SCRIPT = ("date 2025-04 Un message contenant <script>document.body.setAttribute('data-injected','1')"
               "</script> et <script>alert(1)</script> a été publié par Paul Durand & fils. "
               "Il a démenti que 5 écoles étaient fermées.")
TEXT_RECORD = "Le club « Les Amis » de Lille annonce 300 adhérents en 2023."
RECORD_ID = '@x/../a b#"c'          # a hostile id: formula-escaped in CSV, unsafe in anchors
RECORD_TITLE = "=1+1 <i>titre</i>"


def _at(text: str, needle: str, after: int = 0) -> tuple[int, int]:
    s = text.index(needle, after)
    return s, s + len(needle)


def _rows_for(table: str, rows: list[dict]) -> list[tuple]:
    cols = T.columns(table)
    defaults = {f.name: f.default for f in dataclasses.fields(T.table(table).row)}
    out = []
    for r in rows:
        full = {c: r.get(c, defaults[c] if defaults[c] is not dataclasses.MISSING else None) for c in cols}
        out.append(tuple(full[c] for c in cols))
    return sorted(out, key=lambda row: tuple((0, 0) if v is None else (1, v) for v in row[:2]))


def make_synthetic_out(root: Path, fmt: str = "csv") -> Path:
    """INPUT (two .txt, one .jsonl with a good and a broken line) and OUT with hand-written rows
    and the text store."""
    inp, out = root / "input", root / "out"
    (inp / "news").mkdir(parents=True)
    out.mkdir()
    (inp / "news" / "lyon.txt").write_text(TEXT_LYON, encoding="utf-8")
    (inp / "news" / "script.txt").write_text(TEXT_SCRIPT, encoding="utf-8")
    rec = {"id": RECORD_ID, "date": "2023-06-02", "title": RECORD_TITLE, "url": "javascript:alert(2)",
           "text": TEXT_RECORD}
    (inp / "feed.jsonl").write_text(json.dumps(rec, ensure_ascii=False) + "\n{broken\n", encoding="utf-8")
    L, S, R = "news/lyon", "news/script", RECORD_ID
    articles = [
        {"article_id": L, "path": "news/lyon.txt", "date": "2025-03", "lang": "fr", "chars": len(TEXT_LYON),
         "status": "ok", "sha256": ""},
        {"article_id": S, "path": "news/script.txt", "date": "2025-04", "title": "<script>alert(3)</script>",
         "lang": "fr", "chars": len(TEXT_SCRIPT), "status": "ok"},
        {"article_id": R, "path": "feed.jsonl", "date": "2023-06-02", "title": RECORD_TITLE,
         "url": "javascript:alert(2)", "lang": "fr", "chars": len(TEXT_RECORD), "status": "ok"},
        {"article_id": "feed.jsonl:2", "path": "feed.jsonl", "status": "error",
         "error": "E106 malformed record: line 2 is not JSON; fix this line of the file, the others were read"},
    ]
    actors = [
        {"actor_id": "lyon", "name": "Lyon", "type": "location", "country": "FRA", "aliases": "Lyon",
         "articles": 1, "mentions": 1},
        {"actor_id": "anne-martin", "name": "Anne Martin", "type": "person", "country": "FRA",
         "aliases": "Anne Martin|elle", "articles": 1, "mentions": 2},
        {"actor_id": "Q130879", "name": "Reuters", "type": "organization", "country": "GBR",
         "wikidata": "Q130879", "aliases": "Reuters", "articles": 1, "mentions": 1},
        {"actor_id": "paul-durand", "name": "Paul Durand", "type": "person", "aliases": "Il|Paul Durand",
         "articles": 1, "mentions": 2},
        {"actor_id": "lille", "name": "Lille", "type": "location", "country": "FRA", "aliases": "Lille",
         "articles": 1, "mentions": 1},
        {"actor_id": "group-journalistes", "name": "-journalistes", "type": "group", "articles": 0, "mentions": 0},
    ]

    def mention(aid, text, i, needle, label, actor, after=0, role=""):
        s, e = _at(text, needle, after)
        return {"article_id": aid, "mention_id": i, "start": s, "end": e, "text": needle, "label": label,
                "actor_id": actor, "role": role, "source": "rules"}

    elle = TEXT_LYON.index("-elle") + 1
    mentions = [
        mention(L, TEXT_LYON, 1, "Lyon", "GPE", "lyon"),
        mention(L, TEXT_LYON, 2, "Anne Martin", "PER", "anne-martin", role="préfète"),
        {"article_id": L, "mention_id": 3, "start": elle, "end": elle + 4, "text": "elle", "label": "PER",
         "actor_id": "anne-martin", "source": "coref"},
        mention(L, TEXT_LYON, 4, "Reuters", "ORG", "Q130879"),
        mention(S, TEXT_SCRIPT, 1, "Paul Durand", "PER", "paul-durand"),
        mention(S, TEXT_SCRIPT, 2, "Il", "PER", "paul-durand", after=TEXT_SCRIPT.index("Durand")),
        mention(R, TEXT_RECORD, 1, "Lille", "GPE", "lille"),
    ]

    def qty(aid, text, i, needle, value, item, unit="", claim=None):
        s, e = _at(text, needle)
        return {"article_id": aid, "quantity_id": i, "start": s, "end": e, "text": needle, "value": value,
                "low": value, "high": value, "qualifier": "exact", "unit": unit, "item": item,
                "attribution_id": claim}

    quantities = [
        qty(L, TEXT_LYON, 1, "120 tonnes", 120.0, "farine", "t"),
        qty(L, TEXT_LYON, 2, "40 camions", 40.0, "camion", claim=1),
        qty(S, TEXT_SCRIPT, 1, "5 écoles", 5.0, "école", claim=1),
        qty(R, TEXT_RECORD, 1, "300 adhérents", 300.0, "adhérent"),
    ]

    def date(aid, text, i, needle, value, gran):
        s, e = _at(text, needle)
        return {"article_id": aid, "date_id": i, "start": s, "end": e, "text": needle, "value": value,
                "granularity": gran}

    dates = [date(L, TEXT_LYON, 1, "le 4 mars", "2025-03-04", "day"),
             date(L, TEXT_LYON, 2, "en 2024", "2024", "year"),
             date(R, TEXT_RECORD, 1, "en 2023", "2023", "year")]

    def attr(aid, text, i, kind, cue, lemma, stance, speaker, actor, content, speaker_after=0):
        row = {"article_id": aid, "attribution_id": i, "kind": kind, "cue": cue, "cue_lemma": lemma,
               "stance": stance, "speaker": speaker, "actor_id": actor, "content": content}
        for part, needle, after in (("cue", cue, 0), ("speaker", speaker, speaker_after), ("content", content, 0)):
            s, e = _at(text, needle, after)
            row[f"{part}_start"], row[f"{part}_end"] = s, e
        return row

    attributions = [
        attr(L, TEXT_LYON, 1, "direct", "ajouté", "ajouter", "assert", "elle", "anne-martin",
             "Nous attendons encore 40 camions", speaker_after=elle - 1),
        attr(L, TEXT_LYON, 2, "according_to", "Selon", "selon", "assert", "l'agence Reuters", "Q130879",
             "le port de Marseille est resté fermé en 2024"),
        attr(S, TEXT_SCRIPT, 1, "indirect", "démenti", "démentir", "deny", "Il", "paul-durand",
             "5 écoles étaient fermées", speaker_after=TEXT_SCRIPT.index("Durand")),
    ]
    tables = {"articles": articles, "actors": actors, "mentions": mentions, "quantities": quantities,
              "dates": dates, "attributions": attributions}
    for name, rows in tables.items():
        w = open_table(out, name, fmt, T.columns(name), T.column_types(name))
        w.write(_rows_for(name, rows))
        w.close()
    texts.write(out, sorted([[L, TEXT_LYON], [S, TEXT_SCRIPT], [R, TEXT_RECORD]]))
    (out / "run.json").write_text(json.dumps({"schema_version": 1, "input": str(inp),
                                              "options": {"max_chars": 2000000},
                                              "tables": digests(out)}), encoding="utf-8")
    return out


def relist(out: Path) -> None:
    """run.json listing OUT's files as they are now: a run that published them (an older run
    without a text store, when it was removed)."""
    info = json.loads((out / "run.json").read_text(encoding="utf-8"))
    info["tables"] = {rel: sha for rel, sha in digests(out).items() if rel != "run.json"}
    (out / "run.json").write_text(json.dumps(info), encoding="utf-8")


@pytest.fixture(scope="module")
def synth(tmp_path_factory) -> Path:
    return make_synthetic_out(tmp_path_factory.mktemp("synth"))


@pytest.fixture(scope="module")
def synth_tables(synth) -> dict:
    return load_tables(synth)


@pytest.fixture(scope="module")
def synth_parquet(tmp_path_factory) -> Path:
    return make_synthetic_out(tmp_path_factory.mktemp("synthpq"), fmt="parquet")


def seed_run(tmp_path_factory) -> Path:
    """The founding dispatch run through `depeche run`, once per session (both test files)."""
    out = tmp_path_factory.getbasetemp() / "depeche-seed-run"
    if not (out / "run.json").exists():
        subprocess.run([str(ROOT / ".venv" / "bin" / "depeche"), "run", str(SHARED / "seeds"), "-o", str(out),
                        "--workers", "1"], check=True, capture_output=True, timeout=600)
    return out


@pytest.fixture(scope="session")
def seed_out(tmp_path_factory) -> Path:
    return seed_run(tmp_path_factory)


def cli():
    app = typer.Typer()
    register(app)
    return app


# -- reading ------------------------------------------------------------------------------------
@pytest.mark.parametrize("table,column,row,expected", [
    ("articles", "article_id", 0, RECORD_ID),          # `'@…` in the CSV: escape undone
    ("articles", "title", 0, RECORD_TITLE),            # `'=1+1 …` in the CSV
    ("articles", "title", 1, ""),                      # an empty cell stays '' (no NaN)
    ("actors", "name", 2, "-journalistes"),            # `'-journalistes`
    ("actors", "name", 0, "Reuters"),                  # nothing to undo
])
def test_when_table_read_then_formula_escape_undone_and_empty_is_empty(synth, table, column, row, expected):
    assert read_table(synth, table)[column].iloc[row] == expected


def test_when_csv_written_then_it_holds_the_escape_we_undo(synth):
    raw = (synth / "articles.csv").read_text(encoding="utf-8")
    assert "'@x/../a b#" in raw and "'=1+1" in raw


@pytest.mark.parametrize("table", ["articles", "actors", "mentions", "quantities", "dates", "attributions"])
def test_when_parquet_output_then_same_tables_as_csv(synth, synth_parquet, table):
    a, b = read_table(synth, table), read_table(synth_parquet, table)
    assert not (synth_parquet / f"{table}.csv").exists()
    assert a.astype(str).values.tolist() == b.astype(str).values.tolist()


@pytest.mark.parametrize("table,column,dtype", [
    ("mentions", "start", "Int64"), ("quantities", "attribution_id", "Int64"),
    ("quantities", "value", "float64"), ("articles", "error", "str")])
def test_when_table_read_then_schema_types(synth, table, column, dtype):
    col = read_table(synth, table)[column]
    if dtype == "str":
        assert all(isinstance(v, str) for v in col)
    else:
        assert str(col.dtype) == dtype


def test_when_folder_is_not_a_run_then_clear_error(tmp_path):
    with pytest.raises(InspectError, match="articles.csv"):
        load_tables(tmp_path)


# -- summary and filters ------------------------------------------------------------------------
def test_when_every_table_is_loaded_then_run_json_is_read_once(synth, monkeypatch):
    from pipeline.runner import publish
    reads = []
    real = publish.read_json
    monkeypatch.setattr(publish, "read_json", lambda path: reads.append(path) or real(path))
    tables = load_tables(synth)
    assert len(reads) == 1 and len(tables["articles"]) > 0


def test_when_summarised_then_every_view_is_there(synth):
    s = summarise(synth)
    assert s["counts"]["articles"] == 4
    assert {r["status"]: r["count"] for r in s["articles_by_status"]} == {"ok": 3, "error": 1}
    assert [e["article_id"] for e in s["errors"]] == ["feed.jsonl:2"]
    assert s["top_actors"][0]["name"] == "Anne Martin"          # 1 article, 2 mentions: first
    assert {r["speaker"] for r in s["top_speakers"]} == {"Anne Martin", "Reuters", "Paul Durand"}
    assert {r["stance"]: r["count"] for r in s["attributions_by_stance"]} == {"assert": 2, "deny": 1}
    assert {r["kind"]: r["count"] for r in s["attributions_by_kind"]} == {"direct": 1, "according_to": 1,
                                                                           "indirect": 1}
    assert {(r["item"], r["unit"]) for r in s["quantities_by_item"]} == {("farine", "t"), ("camion", ""),
                                                                         ("école", ""), ("adhérent", "")}
    assert s["dates_by_year"] == [{"period": "2023", "count": 1}, {"period": "2024", "count": 1},
                                  {"period": "2025", "count": 1}]
    assert s["dates_by_month"] == [{"period": "2025-03", "count": 1}]
    claim = next(c for c in s["claims"] if c["who"] == "Anne Martin")
    assert claim["quantities"] == ["40 camions"] and claim["speaker"] == "elle"
    json.dumps(s)  # plain data


@pytest.mark.parametrize("filters,articles,speakers", [
    (Filters(), {"news/lyon", "news/script", RECORD_ID, "feed.jsonl:2"}, {"Anne Martin", "Reuters", "Paul Durand"}),
    (Filters(actor="anne martin"), {"news/lyon"}, {"Anne Martin", "Reuters"}),      # folded case
    (Filters(actor="REUTERS"), {"news/lyon"}, {"Anne Martin", "Reuters"}),
    (Filters(actor="Lillé"), {RECORD_ID}, set()),                                    # accent-insensitive
    (Filters(actor="Personne"), set(), set()),                                        # no such actor
    (Filters(actor="Lyon"), {"news/lyon"}, {"Anne Martin", "Reuters"}),              # exact name first
    (Filters(actor="marti"), {"news/lyon"}, {"Anne Martin", "Reuters"}),             # else a part of it
    (Filters(speaker="Durand"), {"news/script"}, {"Paul Durand"}),
    (Filters(speaker="agence"), {"news/lyon"}, {"Reuters"}),                         # speaker as written
    (Filters(article="news/script"), {"news/script"}, {"Paul Durand"}),
    (Filters(since="2025"), {"news/lyon", "news/script"}, {"Anne Martin", "Reuters", "Paul Durand"}),
    (Filters(since="2025-04-10"), {"news/script"}, {"Paul Durand"}),                # 2025-04 reaches it
    (Filters(since="2025-05"), set(), set()),
])
def test_when_filtered_then_only_matching_articles_and_claims(synth, synth_tables, filters, articles, speakers):
    s = summarise(synth, filters, claims_limit=0, tables=synth_tables)
    got_articles = {r["article_id"] for r in s["claims"]} | {e["article_id"] for e in s["errors"]}
    assert {r["speaker"] for r in s["top_speakers"]} == speakers
    assert s["counts"]["articles"] == len(articles)
    assert got_articles <= articles


def test_when_speaker_filtered_then_quantities_are_that_speakers(synth):
    s = summarise(synth, Filters(speaker="Anne Martin"))
    assert [(r["item"], r["count"]) for r in s["quantities_by_item"]] == [("camion", 1)]


def test_when_filtered_by_actor_then_actor_counts_come_from_those_articles(synth):
    s = summarise(synth, Filters(actor="Lille"))
    assert [(r["name"], r["articles"], r["mentions"]) for r in s["top_actors"]] == [("Lille", 1, 1)]


@pytest.mark.parametrize("filters,message", [
    (Filters(article="nope"), "no article"),
    (Filters(since="hier"), "not a date"),
])
def test_when_filter_is_wrong_then_clear_error(synth, synth_tables, filters, message):
    with pytest.raises(InspectError, match=message):
        summarise(synth, filters, tables=synth_tables)


@pytest.mark.parametrize("values,by,expected", [
    (["2024-10-11", "2024-10", "2024", "2024-SP", ""], "month", [("2024-10", 2)]),
    (["2024-10-11", "2024-10", "2024", "2024-SP", "", "XXXX"], "year", [("2024", 4)]),
    (["2023-01-05", "2024-02"], "month", [("2023-01", 1), ("2024-02", 1)]),
])
def test_when_dates_grouped_then_by_period(values, by, expected):
    assert [(r["period"], r["count"]) for r in over_time(values, by)] == expected


# -- one article ---------------------------------------------------------------------------------
def test_when_article_viewed_then_text_from_store_and_spans_index_it(synth):
    v = article_view(synth, "news/lyon")
    assert v["text"] == TEXT_LYON and v["note"] == "" and v["mismatched"] == 0
    assert [v["text"][m["start"]:m["end"]] for m in v["mentions"]] == ["Lyon", "Anne Martin", "elle", "Reuters"]
    a = v["attributions"][0]
    assert (a["who"], a["speaker"]["text"], a["cue"]["text"]) == ("Anne Martin", "elle", "ajouté")


def test_when_record_of_jsonl_then_text_is_the_records(synth):
    v = article_view(synth, RECORD_ID)
    assert v["text"] == TEXT_RECORD and v["quantities"][0]["text"] == "300 adhérents"


def test_when_offsets_wrong_then_noted_not_misplaced(tmp_path):
    out = make_synthetic_out(tmp_path)
    texts.write(out, [["news/lyon", "Texte tout autre."]])
    relist(out)
    v = article_view(out, "news/lyon")
    assert "left out" in v["note"] and v["mentions"] == []


def test_when_input_gone_and_out_moved_then_text_still_shown(tmp_path):
    out = make_synthetic_out(tmp_path)
    shutil.rmtree(tmp_path / "input")
    v = article_view(out.rename(tmp_path / "handed-over"), "news/lyon")
    assert v["text"] == TEXT_LYON and v["note"] == "" and len(v["mentions"]) == 4


def test_when_out_keeps_no_texts_then_note_says_run_again(tmp_path):
    out = make_synthetic_out(tmp_path)
    (out / texts.NAME).unlink()
    relist(out)
    v = article_view(out, "news/lyon")
    assert v["text"] == "" and "run it again" in v["note"]


def test_when_styled_for_terminal_then_claim_numbers_follow_content_and_blank_lines_fold(synth):
    plain = styled_text(article_view(synth, "news/lyon")).plain
    assert "Nous attendons encore 40 camions », a-t-elle ajouté[1]" in plain
    assert "\n\n\n" not in plain and "fermé en 2024[2]" in plain


# -- the commands -------------------------------------------------------------------------------
@pytest.mark.parametrize("args,present,absent", [
    ([], ["Anne Martin", "Paul Durand", "farine", "feed.jsonl:2", "E106", "deny"], []),
    (["--speaker", "Durand"], ["Paul Durand", "école"], ["Anne Martin"]),
    (["--actor", "Lille", "--top", "3"], ["Lille", "adhérent"], ["Paul Durand"]),
])
def test_when_inspect_command_then_tables_printed(synth, args, present, absent):
    r = CliRunner().invoke(cli(), ["inspect", str(synth), *args], env={"COLUMNS": "200"})
    assert r.exit_code == 0, r.output
    for s in present:
        assert s in r.output
    for s in absent:
        assert s not in r.output


def test_when_inspect_json_then_same_content_as_summarise(synth):
    r = CliRunner().invoke(cli(), ["inspect", str(synth), "--json", "--since", "2025"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.output) == json.loads(json.dumps(summarise(synth, Filters(since="2025")),
                                                         ensure_ascii=False))


@pytest.mark.parametrize("args,code,message", [
    (["inspect", "{tmp}"], 2, "articles.csv"),
    (["inspect", "{out}", "--article", "absent"], 2, "no article"),
    (["show", "{out}", "absent"], 2, "no article"),
])
def test_when_command_misused_then_exit_2_with_message(synth, tmp_path, args, code, message):
    args = [a.format(tmp=tmp_path, out=synth) for a in args]
    r = CliRunner().invoke(cli(), args)
    assert r.exit_code == code and message in r.output


def test_when_show_command_then_text_and_claims_printed(synth):
    r = CliRunner().invoke(cli(), ["show", str(synth), "news/script"], env={"COLUMNS": "160"})
    assert r.exit_code == 0, r.output
    assert "<script>alert(1)</script>" in r.output              # the terminal shows the text as is
    assert "#1  démenti deny indirect" in r.output and "Paul Durand (Il)" in r.output
    assert "« 5 écoles étaient fermées »" in r.output


@pytest.mark.parametrize("ref, article_id, claims", [
    ("news/lyon", "news/lyon", [1, 2]),         # an article id: every claim
    ("news/lyon#2", "news/lyon", [2]),          # the reference inspect prints: that claim alone
    (RECORD_ID, RECORD_ID, []),                 # an id holding `#` is taken whole first
])
def test_when_show_given_article_or_claim_reference_then_that_view(synth, ref, article_id, claims):
    v = article_view(synth, ref)
    assert v["article"]["article_id"] == article_id and [a["id"] for a in v["attributions"]] == claims


@pytest.mark.parametrize("ref, message", [
    ("news/lyon#9", "has no attribution 9: it has 1 to 2"),
    (RECORD_ID + "#1", "has no attribution 1: it has none"),
    ("news/lyon#x", "no article"),
])
def test_when_show_given_a_reference_that_does_not_exist_then_exit_2(synth, ref, message):
    r = CliRunner().invoke(cli(), ["show", str(synth), ref])
    assert r.exit_code == 2 and message in r.output


def test_when_show_claim_reference_printed_then_that_claim_alone(synth):
    r = CliRunner().invoke(cli(), ["show", str(synth), "news/lyon#2"], env={"COLUMNS": "80"})
    assert r.exit_code == 0, r.output
    assert "Claim 2" in r.output and "#2  Selon assert according_to" in r.output and "#1 " not in r.output


@pytest.mark.parametrize("title, text, expected", [
    ("Titre donné", "Autre chose", "Titre donné"),                     # the source's title wins
    ("", " date 2024-10 La Corée du Nord envoie\n\nSuite.", "La Corée du Nord envoie"),
    ("", "\n\n  Première   ligne  \nSeconde", "Première ligne"),        # blank lines skipped, spaces folded
    ("", "mot " * 40, ("mot " * 20).strip() + "…"),                     # cut under 80 at a word's end
    ("", "", ""),
])
def test_when_article_has_no_title_then_views_use_its_first_line(title, text, expected):
    assert display_title({"title": title}, text) == expected


def _lines(output: str) -> list[str]:
    return [line.rstrip() for line in output.splitlines()]


@pytest.mark.slow
def test_when_inspect_at_80_columns_then_nothing_wider_and_ids_whole(seed_out):
    r = CliRunner().invoke(cli(), ["inspect", str(seed_out)], env={"COLUMNS": "80"})
    assert r.exit_code == 0, r.output
    lines = _lines(r.output)
    assert max(len(line) for line in lines) <= 80
    claims = summarise(seed_out)["claims"]
    assert all(any(line.startswith(c["ref"] + " ") for line in lines) for c in claims)   # never broken
    assert any("group-hauts-fonctionnaires" in line for line in lines)                   # nor actor ids
    flowed = " ".join(line.strip() for line in lines)
    assert all(f"« {c['content']} »" in flowed for c in claims)     # wrapped at spaces, not cut


@pytest.mark.slow
def test_when_claims_at_80_columns_then_nothing_wider_refs_whole_contents_wrapped(seed_out):
    from pipeline.cli import app
    from pipeline.crossdoc.query import claims_table, records
    r = CliRunner().invoke(app, ["claims", str(seed_out)], env={"COLUMNS": "80"})
    assert r.exit_code == 0, r.output
    lines = _lines(r.output)
    assert max(len(line) for line in lines) <= 80
    rows = records(claims_table(load_tables(seed_out)))
    refs = [f"{c['first_article_id']}#{c['first_attribution_id']}" for c in rows]
    assert all(any(line.strip().startswith(ref) for line in lines) for ref in refs)   # never broken
    flowed = " ".join(line.strip() for line in lines)
    assert all(f"« {c['content']} »" in flowed for c in rows if len(c["content"]) < 600)


@pytest.mark.slow
def test_when_inspect_at_200_columns_then_contents_not_cut_at_100(seed_out):
    r = CliRunner().invoke(cli(), ["inspect", str(seed_out)], env={"COLUMNS": "200"})
    longest = max((c["content"] for c in summarise(seed_out)["claims"]), key=len)
    assert len(longest) > 150
    assert any(("« " + longest[:150]) in line for line in _lines(r.output))


def test_when_show_json_then_spans_index_the_text(synth):
    r = CliRunner().invoke(cli(), ["show", str(synth), RECORD_ID, "--json"])
    v = json.loads(r.output)
    assert all(v["text"][m["start"]:m["end"]] == m["text"] for m in v["mentions"] + v["quantities"] + v["dates"])


# -- on the founding dispatch's real run ---------------------------------------------------------
@pytest.mark.slow
def test_when_seed_run_inspected_then_commands_work(seed_out):
    s = summarise(seed_out)
    assert s["counts"]["articles"] == 1 and s["articles_by_status"] == [{"status": "ok", "count": 1}]
    v = article_view(seed_out, "000_667068d4754ea0a6")
    assert "Corée du Nord" in v["text"] and v["mismatched"] == 0
    for args in (["inspect", str(seed_out)], ["show", str(seed_out), "000_667068d4754ea0a6"]):
        r = CliRunner().invoke(cli(), args)
        assert r.exit_code == 0, r.output


@pytest.mark.slow
def test_when_seed_run_has_extractions_then_expected_actors_and_speakers(seed_out):
    s = summarise(seed_out, top=20)
    assert s["counts"]["mentions"] > 0 and s["counts"]["attributions"] > 0
    names = " ".join(r["name"] for r in s["top_actors"])
    for actor in ("Zelensky", "Corée du Nord", "Russie", "Ukraine"):
        assert actor in names
    speakers = " ".join(f"{c['who']} {c['speaker']}" for c in s["claims"])
    assert "Washington" in speakers and "Peskov" in speakers


def test_when_depeche_app_loaded_then_inspect_show_report_are_its_commands(synth_parquet):
    from pipeline.cli import app
    r = CliRunner().invoke(app, ["inspect", str(synth_parquet), "--json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.output)["counts"]["attributions"] == 3     # read from the Parquet datasets
    for command in ("show", "report"):
        assert CliRunner().invoke(app, [command, "--help"]).exit_code == 0


def test_when_article_not_ok_then_show_prints_its_error(synth):
    r = CliRunner().invoke(cli(), ["show", str(synth), "feed.jsonl:2"])
    assert r.exit_code == 0 and "E106" in r.output


@pytest.mark.parametrize("since, ok", [
    ("2016", True), ("2016-04", True), ("2016-04-03", True),
    ("2016/04", False), ("2016-4", False), ("2016-13", False), ("2016-02-30", False), ("avril", False),
])
def test_when_since_does_not_parse_then_usage_error_naming_the_form(synth, since, ok):
    r = CliRunner().invoke(cli(), ["inspect", str(synth), "--json", "--since", since])
    if ok:
        assert r.exit_code == 0, r.output
        return
    assert r.exit_code == 2
    lines = [line for line in r.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "YYYY-MM" in lines[0] and since in lines[0]


# -- the report's timeline and who speaks about whom --------------------------------------------
def _frames(published: list[str], values: list[str]) -> dict:
    return {"articles": pd.DataFrame({"article_id": [f"a{i}" for i in range(len(published))], "date": published}),
            "dates": pd.DataFrame({"value": values})}


@pytest.mark.parametrize("published, values, by, periods, counted", [
    # months of the run's period, a mention of 1914 and of a year left out of the chart
    (["2024-01-05", "2024-03"], ["2024-02-10", "1914-08", "2024", "2024-03"], "month",
     ["2024-01", "2024-02", "2024-03"], {"before": 1, "after": 0, "coarser": 1}),
    # under two months of full dates: days
    (["2024-05-30", "2024-06-02"], ["2024-05-31", "2024-06-10"], "day",
     ["2024-05-30", "2024-05-31", "2024-06-01", "2024-06-02"], {"before": 0, "after": 1, "coarser": 0}),
    # an undated article counted apart
    (["2023-12", ""], [], "month", ["2023-12"], {"undated": 1}),
])
def test_when_timeline_made_then_it_spans_the_runs_own_period(published, values, by, periods, counted):
    tl = timeline(_frames(published, values))
    assert tl["by"] == by and [b["period"] for b in tl["buckets"]] == periods
    assert all(tl[k] == v for k, v in counted.items())
    assert sum(b["articles"] for b in tl["buckets"]) == sum(1 for d in published if d)


def test_when_claims_mention_actors_then_speaks_about_counts_pairs_without_the_speaker():
    t = {"attributions": pd.DataFrame({"article_id": ["x", "x", "y"], "attribution_id": [1, 2, 1],
                                       "actor_id": ["kremlin", "kremlin", ""], "content_start": [10, 40, 0],
                                       "content_end": [30, 60, 50]}),
         "mentions": pd.DataFrame({"article_id": ["x", "x", "x", "x", "y"], "actor_id": ["ukraine", "ukraine", "kremlin", "usa", "usa"],
                                   "start": [12, 20, 25, 45, 5], "end": [19, 27, 30, 48, 8]}),
         "actors": pd.DataFrame({"actor_id": ["kremlin", "ukraine", "usa"], "name": ["Kremlin", "Ukraine", "États-Unis"]})}
    got = [(r["speaker"], r["about"], r["claims"]) for r in speaks_about(t)]
    assert got == [("Kremlin", "Ukraine", 1), ("Kremlin", "États-Unis", 1)]   # y's claim has no speaker actor
