"""`depeche report`: one static HTML page; marks well nested, everything escaped, no network.

The page is checked as text here and, when Debian's chromium is installed, rendered in
headless Chromium (`--dump-dom` and a screenshot).
"""
from __future__ import annotations

import html
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

import json

from pipeline.views.report import Mark, _json_in_html, anchor, payload, render_marked, write_report
from scripts.bench_report import probe, synthetic_out
from tests.test_inspect import RECORD_ID, cli, make_synthetic_out, relist, seed_run

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (Debian: apt-get install "
                                                             "-y chromium); the page is then checked as text only")


@pytest.fixture(scope="module")
def synth(tmp_path_factory) -> Path:
    return make_synthetic_out(tmp_path_factory.mktemp("synth"))


@pytest.fixture(scope="module")
def page(synth) -> tuple[Path, str]:
    dest = synth.parent / "report.html"
    write_report(synth, dest)
    return dest, dest.read_text(encoding="utf-8")


class _Ids(HTMLParser):
    """Ids, hrefs and the tag balance of a page, and its text content."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids, self.hrefs, self.srcs, self.stack, self.errors, self.text = [], [], [], [], [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.append(a["id"])
        if "href" in a:
            self.hrefs.append(a["href"])
        if "src" in a:
            self.srcs.append(a["src"])
        if tag not in ("meta", "input", "br", "link", "rect", "img"):
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in ("rect",):
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(tag)
        else:
            self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def parse(page: str) -> _Ids:
    p = _Ids()
    p.feed(page)
    return p


# -- anchors and marks ---------------------------------------------------------------------------
@pytest.mark.parametrize("article_id", [
    "news/lyon", RECORD_ID, '"><script>alert(1)</script>', "../../etc/passwd", "é è", "a" * 300, "", "feed.jsonl:2"])
def test_when_anchor_made_then_safe_chars_only_and_bounded(article_id):
    a = anchor("a", article_id, 3)
    assert re.fullmatch(r"[A-Za-z0-9_-]+", a) and len(a) < 80


@pytest.mark.parametrize("x,y", [("a/b", "a-b"), ("a b", "a_b"), ("é", "e")])
def test_when_ids_differ_only_in_unsafe_chars_then_anchors_differ(x, y):
    assert anchor("a", x) != anchor("a", y)


@pytest.mark.parametrize("text,marks,expected", [
    # one mark, label at its end
    ("Paul part.", [Mark(0, 4, 2, "e per", "PER")], '<mark class="e per">Paul<b class="l">PER</b></mark> part.'),
    # nested: entity inside a speaker
    ("le maire Paul", [Mark(0, 13, 1, "sp"), Mark(9, 13, 2, "e per")],
     '<mark class="sp">le maire <mark class="e per">Paul</mark></mark>'),
    # crossing: the inner mark is split at the outer's end, anchor on the first piece only
    ("abcdef", [Mark(0, 4, 0, "ct", id="c1"), Mark(2, 6, 2, "q", "QTY")],
     '<mark class="ct" id="c1">ab<mark class="q">cd</mark></mark><mark class="q">ef<b class="l">QTY</b></mark>'),
    # text escaped, marks out of range dropped
    ("<b>&", [Mark(0, 3, 2, "e org"), Mark(2, 9, 2, "d")], '<mark class="e org">&lt;b&gt;</mark>&amp;'),
    # a hostile label from a hand-edited table stays inside its attribute
    ("ab", [Mark(0, 2, 2, 'x" onclick="f()', "<i>")], '<mark class="x&quot; onclick=&quot;f()">ab<b class="l">&lt;i&gt;</b></mark>'),
    # blank-line runs folded for reading
    ("a\n\n\n\nb", [], "a\n\nb"),
])
def test_when_marks_rendered_then_well_nested_and_escaped(text, marks, expected):
    assert render_marked(text, marks) == expected


def test_when_many_overlapping_marks_then_tags_balance():
    text = "x" * 40
    marks = [Mark(s, s + w, d, "q") for s, w, d in [(0, 30, 0), (5, 10, 1), (12, 20, 2), (25, 10, 1), (28, 3, 2)]]
    p = parse(f"<div>{render_marked(text, marks)}</div>")
    assert p.errors == [] and p.stack == [] and "".join(p.text) == text


@pytest.mark.parametrize("value", ["</script><script>alert(1)</script>", "<!--", "a & b > c", "\u2028"])
def test_when_payload_holds_markup_then_json_in_html_has_no_angle_bracket_and_reads_back(value):
    text = _json_in_html({"label": value})
    assert not set("<>&") & set(text) and json.loads(text) == {"label": value}


# -- the page as text ----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def data(synth) -> dict:
    return payload(synth)[0]


@pytest.mark.parametrize("needle", [
    "Anne Martin", "Paul Durand", "Reuters", "40 camions", "E106 malformed record",
    RECORD_ID, "=1+1 <i>titre</i>", "5 écoles étaient fermées"])
def test_when_report_written_then_summary_tables_and_articles_in_its_payload(data, needle):
    def strings(v):
        if isinstance(v, dict):
            v = list(v.values())
        if isinstance(v, list):
            return [s for x in v for s in strings(x)]
        return [v] if isinstance(v, str) else []
    assert any(needle in s for s in strings(data))


def test_when_report_written_then_our_script_and_two_data_blocks_and_article_scripts_escaped(page):
    _, text = page
    assert text.count("<script") == 3 and '<script type="application/json" id="depeche-data">' in text
    assert '<script type="application/json" id="depeche-first">' in text
    assert not re.search(r"<script>(alert|document)", text)           # the articles' scripts are data
    assert "Content-Security-Policy" in text and "default-src 'none'" in html.unescape(text)


def test_when_report_written_then_no_network_and_no_unsafe_link(page, data):
    _, text = page
    p = parse(text)
    assert p.srcs == []                                                # nothing loaded
    assert not [h for h in p.hrefs if not h.startswith("#")]
    assert not re.search(r"https?://(?!www\.w3\.org/2000/svg)", text)
    record = next(a for a in data["articles"] if a["id"] == RECORD_ID)
    assert record["url"] == "" and record["raw_url"] == "javascript:alert(2)"   # shown as text, not a link


def test_when_report_written_then_tags_balance_and_ids_unique(page):
    p = parse(page[1])
    assert p.errors == [] and p.stack == []
    assert len(p.ids) == len(set(p.ids))


def test_when_report_written_then_every_link_of_the_payload_has_a_target(data):
    targets = {a["a"] for a in data["articles"]}
    targets |= {m for a in data["articles"] if a["html"] for m in re.findall(r' id="([^"]+)"', a["html"])}
    links = [c[1] for spec in data["tables"].values() for r in spec["rows"] for c in r if isinstance(c, list)]
    links += ["#" + c[1] for a in data["articles"] for c in a["claims"]]
    assert links and {h[1:] for h in links} <= targets
    assert anchor("c", "news/script", 1) in targets and anchor("a", RECORD_ID) in targets


def test_when_article_untitled_then_report_shows_its_first_line(data):
    lyon = next(a for a in data["articles"] if a["id"] == "news/lyon")
    assert lyon["title"].startswith("La ville de Lyon a reçu 120 tonnes")


def test_when_report_built_then_timeline_dates_and_who_speaks_about_whom_sections(data):
    assert data["timeline"]["by"] == "month" and data["timeline"]["buckets"][0]["period"] == "2023-06"
    assert sorted(r[1] for r in data["tables"]["dates"]["rows"]) == ["en 2023", "en 2024", "le 4 mars"]
    assert data["tables"]["speaks"]["title"] == "Who speaks about whom"


def test_when_report_command_then_file_and_size_reported(synth, tmp_path):
    dest = tmp_path / "r" / "report.html"
    r = CliRunner().invoke(cli(), ["report", str(synth), "-o", str(dest)])
    assert r.exit_code == 0, r.output
    assert dest.is_file() and "4 articles (3 texts marked)" in r.output


def test_when_input_gone_and_out_moved_then_report_marks_every_text(tmp_path):
    out = make_synthetic_out(tmp_path)
    shutil.rmtree(tmp_path / "input")
    moved = out.rename(tmp_path / "colleague")
    r = write_report(moved, tmp_path / "r.html")
    assert r.texts == 3 and "40 camions" in (tmp_path / "r.html").read_text(encoding="utf-8")


def test_when_out_keeps_no_texts_then_report_still_written_with_note(tmp_path):
    out = make_synthetic_out(tmp_path)
    (out / "texts.jsonl.gz").unlink()
    relist(out)
    r = write_report(out, tmp_path / "r.html")
    assert r.texts == 0 and "keeps no texts" in (tmp_path / "r.html").read_text(encoding="utf-8")


# -- in a browser --------------------------------------------------------------------------------
def chromium(url: str, profile: Path, *args: str) -> str:
    cmd = [CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args, url]
    return subprocess.run(cmd, check=True, capture_output=True, text=True, timeout=180).stdout


@pytest.fixture(scope="module")
def rendered(page, tmp_path_factory) -> tuple[str, Path]:
    """The page opened once in headless Chromium at the script article's anchor: its DOM after
    our script ran (that article drawn and opened), a screenshot."""
    path, _ = page
    tmp = tmp_path_factory.mktemp("chromium")
    shot = tmp / "report.png"
    url = path.as_uri() + "#" + anchor("a", "news/script")
    dom = chromium(url, tmp / "profile", "--dump-dom", f"--screenshot={shot}", "--window-size=1280,2000")
    return dom, shot


@pytest.mark.services
@needs_chromium
def test_when_opened_in_chromium_then_renders_rows_and_runs_no_article_script(rendered):
    dom, _ = rendered
    assert 'data-depeche-ready="1"' in dom                # our script ran
    assert 'data-injected="1"' not in dom                 # the article's did not
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dom  # it shows as text
    assert "&lt;script&gt;alert(3)&lt;/script&gt;" in dom  # a title, as text
    for name in ("Anne Martin", "Paul Durand", "Reuters", "Lille"):
        assert f'<td data-l="actor">{name}</td>' in dom


@pytest.mark.services
@needs_chromium
def test_when_screenshot_taken_then_png_written(rendered):
    _, shot = rendered
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000


@pytest.mark.slow
def test_when_seed_run_reported_then_page_holds_its_article(tmp_path_factory, tmp_path):
    out = seed_run(tmp_path_factory)
    r = write_report(out, tmp_path / "seed.html")
    text = r.path.read_text(encoding="utf-8")
    assert r.articles == 1 and r.texts == 1 and "Corée du Nord" in text


SORT_AND_FILTER = """
var t=document.getElementById('t-actors'), th=t.tHead.rows[0].cells;
function names(){return Array.prototype.map.call(t.tBodies[0].rows, function(r){return r.cells[0].textContent;}).join('|');}
th[5].click(); var asc=names(); th[5].click(); var desc=names();
var f=document.querySelector('input[data-target=claims]'); f.value='DURAND'; f.dispatchEvent(new Event('input'));
probe.sorted=asc+' / '+desc; probe.shown=document.getElementById('t-claims').tBodies[0].rows.length;
"""


@pytest.mark.services
@needs_chromium
def test_when_header_clicked_or_filter_typed_then_rows_sorted_and_filtered(page, tmp_path):
    got = probe(page[0], 1280, tmp_path, SORT_AND_FILTER)["extra"]
    asc, desc = got["sorted"].split(" / ")
    assert asc.split("|")[0] == "-journalistes" and asc.split("|")[-2:] == ["Anne Martin", "Paul Durand"]
    assert desc.split("|")[:2] == ["Anne Martin", "Paul Durand"] and desc.endswith("-journalistes")
    assert got["shown"] == 1


@pytest.fixture(scope="module")
def big(tmp_path_factory) -> Path:
    """A report of 600 synthetic articles (many pages of tables and articles)."""
    d = tmp_path_factory.mktemp("big")
    return write_report(synthetic_out(d / "out", 600), d / "big.html").path


DOM_SIZE = """
probe.details=document.querySelectorAll('details.art').length;
probe.rows=document.getElementById('t-quantities').tBodies[0].rows.length;
probe.wide=Array.prototype.filter.call(document.querySelectorAll('main *'), function(e){
  var r=e.getBoundingClientRect(); return r.right>document.documentElement.clientWidth+0.5 && !e.closest('.scroll');}).length;
"""


@pytest.mark.services
@needs_chromium
@pytest.mark.parametrize("width", [390, 1280])
def test_when_report_opened_at_phone_or_desk_width_then_nothing_overflows_and_labels_readable(big, tmp_path, width):
    got = probe(big, width, tmp_path, DOM_SIZE)
    assert got["inner"] == width
    assert got["scroll"] <= width                       # no horizontal overflow of the page
    assert got["extra"]["wide"] == 0                    # no element sticks out of the viewport
    assert got["label_px"] >= 12                        # chart labels in a readable size
    assert got["extra"]["details"] == 20 and got["extra"]["rows"] == 50   # one page drawn, not 600 articles
