"""A hostile-input corpus, generated at test time (nothing binary is committed).

`make_hostile(folder)` writes one file per failure case of issue 16 that an input can cause
and returns what each must become: article_id -> expected (status, checks). `make_good`
writes ordinary French articles to put beside them: their rows must not change.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

FRENCH = ("Le gouvernement a annoncé jeudi que les nouvelles mesures entreraient en vigueur en "
          "septembre, après des mois de discussions avec les syndicats et le patronat. Selon le "
          "ministre, plus de 16 000 emplois seraient concernés.")
MAX_CHARS = 5000    # the runs over this corpus use --max-chars 5000: small caps, small files

# a 600-byte YAML alias bomb (9**9 strings once expanded)
ALIAS_BOMB = "---\n" + "a: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol]\n" + "".join(
    f"{b}: &{b} [*{a},*{a},*{a},*{a},*{a},*{a},*{a},*{a},*{a}]\n" for a, b in zip("abcdefgh", "bcdefghi")
) + "title: *i\n---\n" + FRENCH + "\n"

DEEP = 100_000


def deep_json() -> str:
    return "[" * DEEP + "]" * DEEP


def make_good(d: Path) -> list[str]:
    """Ordinary articles: a .txt, a .md, a JSONL record, a JSON record; their ids."""
    d.mkdir(parents=True, exist_ok=True)
    (d / "good.txt").write_text("Date: 2024-03-01\nTitre: Un titre\n\n" + FRENCH, encoding="utf-8")
    (d / "good-md.md").write_text("---\ntitle: Titre\ndate: 2024-02-03\n---\n" + FRENCH, encoding="utf-8")
    (d / "good-feed.jsonl").write_text(json.dumps({"id": "g1", "text": FRENCH, "date": "2024-01-02"}) + "\n",
                                       encoding="utf-8")
    (d / "good-array.json").write_text(json.dumps([{"id": "g2", "text": FRENCH}]), encoding="utf-8")
    return ["good", "good-md", "g1", "g2"]


def make_hostile(d: Path) -> dict[str, tuple[str, dict]]:
    """One input per case; article_id -> (status, {column: value the row must have})."""
    d.mkdir(parents=True, exist_ok=True)
    cases: dict[str, tuple[str, dict]] = {}

    # a file name that is not UTF-8 (Latin-1 bytes): processed, the name escaped as \xe9
    with open(os.path.join(os.fsencode(d), b"caf\xe9.txt"), "w", encoding="utf-8") as f:
        f.write(FRENCH)
    cases["caf\\xe9"] = ("ok", {"path": "caf\\xe9.txt"})

    # lone surrogates (\ud800) in a JSONL id and title: processed, escaped as JSON writes them
    lines = ['{"id": "s\\ud800", "text": %s}' % json.dumps(FRENCH),
             '{"id": "t1", "title": "T\\udc00itre", "text": %s}' % json.dumps(FRENCH),
             # deeply nested JSON on a line: that line's error row
             deep_json(),
             # a record over the per-line byte cap: too_large, the file still streams on
             json.dumps({"id": "long", "text": "é" * (12 * MAX_CHARS + (1 << 20))}, ensure_ascii=False),
             json.dumps({"id": "after", "text": FRENCH})]
    (d / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    cases["s\\ud800"] = ("ok", {})
    cases["t1"] = ("ok", {"title": "T\\udc00itre"})
    cases["feed.jsonl:3"] = ("error", {"error": "E106"})
    cases["long"] = ("too_large", {"error": "E111"})
    cases["after"] = ("ok", {})

    # deeply nested JSON, and scalars, in .json files: one error row each
    (d / "deep.json").write_text(deep_json(), encoding="utf-8")
    cases["deep.json:1"] = ("error", {"error": "E110"})
    for name, value in (("num", "42"), ("bool", "true"), ("str", '"abc"')):
        (d / f"{name}.json").write_text(value, encoding="utf-8")
        cases[f"{name}.json:1"] = ("error", {"error": "E110"})

    # an impossible front-matter date: processed, the date left empty
    (d / "baddate.md").write_text("---\ndate: 2024-13-45\ntitle: Mauvaise date\n---\n" + FRENCH,
                                  encoding="utf-8")
    cases["baddate"] = ("ok", {"date": "", "title": "Mauvaise date"})

    # a YAML alias bomb in front matter: refused
    (d / "bomb.md").write_text(ALIAS_BOMB, encoding="utf-8")
    cases["bomb"] = ("error", {"error": "E113"})

    # not regular files: a FIFO, a link to /dev/zero (stat says 0 bytes for both)
    os.mkfifo(d / "fifo.txt")
    cases["fifo"] = ("error", {"error": "E107"})
    if os.path.exists("/dev/zero"):
        (d / "zero.txt").symlink_to("/dev/zero")
        cases["zero"] = ("error", {"error": "E107"})

    # a file over the byte cap: too_large without being read whole, still hashed
    (d / "big.txt").write_bytes(b"a" * (4 * MAX_CHARS + 5))
    cases["big"] = ("too_large", {"error": "E111"})

    # ids that collide (SCHEMA 1.1's order): plain files first, then records by path and line
    (d / "x.txt").write_text(FRENCH, encoding="utf-8")
    (d / "ids.jsonl").write_text(json.dumps({"id": "x", "text": FRENCH}) + "\n" +        # x.txt has it
                                 json.dumps({"id": "idz.jsonl:1", "text": FRENCH}) + "\n",  # another's n
                                 encoding="utf-8")
    (d / "idz.jsonl").write_text(json.dumps({"text": FRENCH}) + "\n", encoding="utf-8")
    for name in ("m.md", "m.txt", "m.md.txt"):
        (d / name).write_text(FRENCH, encoding="utf-8")
    for aid, path in (("x", "x.txt"), ("ids.jsonl:1", "ids.jsonl"), ("idz.jsonl:1", "ids.jsonl"),
                      ("idz.jsonl:1~2", "idz.jsonl"), ("m.md", "m.md"), ("m.txt", "m.txt"),
                      ("m.md.txt", "m.md.txt")):
        cases[aid] = ("ok", {"path": path})

    # carriage returns in a file name and in an id: quoted in the CSV, or every table misparses
    (d / "cr\rname.txt").write_text(FRENCH, encoding="utf-8")
    (d / "cr.jsonl").write_text(json.dumps({"id": "a\rb", "text": FRENCH}) + "\n", encoding="utf-8")
    cases["cr\rname"] = ("ok", {"path": "cr\rname.txt"})
    cases["a\rb"] = ("ok", {"path": "cr.jsonl"})

    # HTML (trafilatura needs lxml_html_clean)
    (d / "page.html").write_text(
        "<html><head><title>Une page</title></head><body><article><p>" + FRENCH * 2 +
        "</p></article></body></html>", encoding="utf-8")
    cases["page"] = ("ok", {})
    return cases
