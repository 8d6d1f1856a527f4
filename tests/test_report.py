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

from pipeline.views.report import Mark, anchor, bar_chart, render_marked, write_report
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


def test_when_chart_labels_hostile_then_escaped():
    svg = str(bar_chart([("<script>x</script>", 3), ("Kim & co", 1)], "t"))
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "Kim &amp; co" in svg


# -- the page as text ----------------------------------------------------------------------------
def test_when_report_written_then_one_script_ours_and_article_scripts_escaped(page):
    _, text = page
    assert text.count("<script") == 1
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "&lt;script&gt;alert(3)&lt;/script&gt;" in text            # a title
    assert "Content-Security-Policy" in text and "default-src 'none'" in html.unescape(text)


def test_when_report_written_then_no_network_and_no_unsafe_link(page):
    _, text = page
    p = parse(text)
    assert p.srcs == []                                                # nothing loaded
    assert not [h for h in p.hrefs if not h.startswith("#")]           # javascript: URL not a link
    assert not re.search(r"https?://(?!www\.w3\.org/2000/svg)", text)


def test_when_report_written_then_tags_balance_and_ids_unique(page):
    p = parse(page[1])
    assert p.errors == [] and p.stack == []
    assert len(p.ids) == len(set(p.ids))


def test_when_report_written_then_every_claim_link_has_a_target(page):
    p = parse(page[1])
    internal = {h[1:] for h in p.hrefs if h.startswith("#") and len(h) > 1}
    assert internal <= set(p.ids)
    assert anchor("c", "news/script", 1) in internal and anchor("a", RECORD_ID) in set(p.ids)


@pytest.mark.parametrize("needle", [
    "Anne Martin", "Paul Durand", "Reuters", "40 camions", "E106 malformed record",
    RECORD_ID, "=1+1 <i>titre</i>", "5 écoles étaient fermées"])
def test_when_report_written_then_summary_tables_and_articles_present(page, needle):
    assert needle in "".join(parse(page[1]).text)


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
    """The page opened once in headless Chromium: its DOM after our script ran, a screenshot."""
    path, _ = page
    tmp = tmp_path_factory.mktemp("chromium")
    shot = tmp / "report.png"
    dom = chromium(path.as_uri(), tmp / "profile", "--dump-dom", f"--screenshot={shot}", "--window-size=1280,2000")
    return dom, shot


@pytest.mark.services
@needs_chromium
def test_when_opened_in_chromium_then_renders_rows_and_runs_no_article_script(rendered):
    dom, _ = rendered
    assert 'data-depeche-ready="1"' in dom                # our script ran
    assert 'data-injected="1"' not in dom                 # the article's did not
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dom  # it shows as text
    for name in ("Anne Martin", "Paul Durand", "Reuters", "Lille"):
        assert f"<td>{name}</td>" in dom


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


PROBE = """<script>
var t=document.getElementById('t-actors'), th=t.tHead.rows[0].cells;
function names(){return Array.prototype.map.call(t.tBodies[0].rows, function(r){return r.cells[0].textContent;}).join('|');}
th[5].click(); var asc=names(); th[5].click(); var desc=names();
var f=document.querySelector('input[data-target=t-claims]'); f.value='DURAND'; f.dispatchEvent(new Event('input'));
var shown=Array.prototype.filter.call(document.getElementById('t-claims').tBodies[0].rows,
  function(r){return !r.classList.contains('hid');}).length;
document.body.setAttribute('data-probe', asc+' / '+desc+' / '+shown);
</script>"""


@pytest.mark.services
@needs_chromium
def test_when_header_clicked_or_filter_typed_then_rows_sorted_and_filtered(page, tmp_path):
    _, text = page
    probe = tmp_path / "probe.html"   # the page plus a probe script (its CSP removed to let it run)
    probe.write_text(re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", text)
                     .replace("</body>", PROBE + "</body>"), encoding="utf-8")
    dom = chromium(probe.as_uri(), tmp_path / "profile", "--dump-dom")
    asc, desc, shown = re.search(r'data-probe="([^"]*)"', dom).group(1).split(" / ")
    assert asc.split("|")[0] == "-journalistes" and asc.split("|")[-2:] == ["Anne Martin", "Paul Durand"]
    assert desc.split("|")[:2] == ["Anne Martin", "Paul Durand"] and desc.endswith("-journalistes")
    assert shown == "1"
