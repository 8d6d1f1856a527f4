"""Readers: headers, front matter, records, ids; offsets index the whole decoded text."""
import json

import pytest

from pipeline.io.readers import discover, from_text, iso_date, read_ref


@pytest.mark.parametrize("text, date, title, body", [
    (" date 2024-10 La Corée envoie des armes.", "2024-10", "", "La Corée envoie des armes."),
    ("Date: 2023-05-02\nTitre: Un titre\nSource: AFP\n\nLe corps.", "2023-05-02", "Un titre", "Le corps."),
    ("Title: Sans date\n\nLe corps.", "", "Sans date", "Le corps."),
    ("Le corps sans en-tête: rien.\n\nSuite.", "", "", "Le corps sans en-tête: rien.\n\nSuite."),
    ("Datation: pas un en-tête\n\nLe corps.", "", "", "Datation: pas un en-tête\n\nLe corps."),
])
def test_when_a_txt_has_a_header_then_its_values_are_read_and_the_body_follows(text, date, title, body):
    art = from_text("x", text)
    assert (art.date, art.title, art.body) == (date, title, body)
    assert art.text == text   # offsets still index the whole text


def test_when_md_has_front_matter_then_metadata_is_read():
    art = from_text("x", "---\ntitle: Titre\ndate: 2021-03-04\nsource: Le Monde\n---\nLe corps.\n", kind="md")
    assert (art.title, art.date, art.source, art.body) == ("Titre", "2021-03-04", "Le Monde", "Le corps.\n")


@pytest.mark.parametrize("value, iso", [("2024-10-20", "2024-10-20"), ("2024-10", "2024-10"), ("20/10/2024", "2024-10-20"),
                                        ("2024-10-20T12:00:00Z", "2024-10-20"), ("hier", ""), (None, "")])
def test_when_a_date_is_metadata_then_it_becomes_iso(value, iso):
    assert iso_date(value) == iso


def test_when_jsonl_ids_repeat_or_lack_then_path_and_line_are_used(tmp_path):
    (tmp_path / "feeds").mkdir()
    lines = [json.dumps({"id": "a", "text": "Un."}), "{not json", json.dumps({"text": "Deux."}),
             json.dumps({"id": "a", "text": "Trois."}), "", json.dumps({"id": "b", "text": "Quatre."})]
    (tmp_path / "feeds" / "day1.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    refs = discover(tmp_path).refs
    assert [r.article_id for r in refs] == ["a", "feeds/day1.jsonl:2", "feeds/day1.jsonl:3",
                                            "feeds/day1.jsonl:4", "b"]
    arts = [read_ref(r, 10_000) for r in refs]
    assert [a.status for a in arts] == ["ok", "error", "ok", "ok", "ok"]
    assert arts[3].text == "Trois."


def test_when_two_files_share_a_stem_then_both_keep_their_extension(tmp_path):
    (tmp_path / "a.txt").write_text("Un.", encoding="utf-8")
    (tmp_path / "a.md").write_text("Deux.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Trois.", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("x", encoding="utf-8")
    found = discover(tmp_path)
    assert sorted(r.article_id for r in found.refs) == ["a.md", "a.txt", "b"]
    assert found.skipped == 1


def test_when_input_is_one_file_then_its_name_is_the_id(tmp_path):
    p = tmp_path / "depeche.txt"
    p.write_text("Un.", encoding="utf-8")
    assert [(r.article_id, r.path) for r in discover(p).refs] == [("depeche", "depeche.txt")]


def test_when_html_then_main_text_is_extracted_and_metadata_read(tmp_path):
    html = ("<html><head><title>Un titre de page</title><meta property='og:site_name' content='Le Journal'>"
            "<meta name='date' content='2022-06-01'></head><body><nav>Menu Accueil Contact</nav><article>"
            "<h1>Un titre de page</h1><p>" + "Le gouvernement a annoncé jeudi de nouvelles mesures. " * 8 +
            "</p><p>Le ministre a précisé que la réforme entrerait en vigueur en septembre.</p></article>"
            "<footer>Mentions légales</footer></body></html>")
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    art = read_ref(discover(tmp_path).refs[0], 10_000)
    assert art.status == "ok"
    assert "entrerait en vigueur" in art.text and "Menu Accueil" not in art.text
    assert art.date == "2022-06-01"
