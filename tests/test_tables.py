"""pipeline.tables: the registry against SCHEMA.md, and one article's rows built from Docs whose
extensions are written by hand (a blank pipeline: no statistical model)."""
from __future__ import annotations

import ast
import dataclasses
import re

import pytest
import spacy

import pipeline.components  # noqa: F401 - registers the Doc extensions
from pipeline import tables as T
from pipeline.components.dates import extract
from pipeline.io.readers import from_text
from tests.conftest import ROOT, SHARED

SCHEMA = SHARED / "SCHEMA.md"


def _schema_sections() -> dict[str, tuple[tuple[str, ...], set[str]]]:
    """table name -> (key, columns) as SCHEMA.md writes them."""
    out, name = {}, None
    for line in SCHEMA.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^## (\w+)\.csv — key: \(?([\w, ]+)\)?$", line)
        if m:
            name = m.group(1)
            out[name] = (tuple(k.strip() for k in m.group(2).split(",")), set())
        elif line.startswith("## "):
            name = None
        elif name and line.startswith("| ") and not line.startswith("| column"):
            out[name][1].update(c.strip() for c in line.split("|")[1].split(","))
    return out


def test_when_registry_read_then_every_table_is_schemas_with_its_key_and_columns():
    schema = _schema_sections()
    for t in T.TABLES:
        assert t.name in schema, f"{t.name} has no section in SCHEMA.md"
        key, cols = schema[t.name]
        assert t.key == key
        assert set(t.columns) <= cols, f"{t.name}: {set(t.columns) - cols} not in SCHEMA.md"


def test_when_table_modules_listed_then_one_module_a_table_and_the_list_written_once():
    modules = sorted(p.stem for p in (ROOT / "pipeline" / "tables").glob("*.py") if p.stem not in ("__init__", "base"))
    assert modules == sorted(T.NAMES)
    # no other literal list of table names (three or more, nothing else) anywhere in pipeline/
    names = set(T.NAMES)
    for path in sorted((ROOT / "pipeline").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
                strings = [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
                restated = len(strings) >= 3 and set(strings) <= names
                assert not restated, f"{path.relative_to(ROOT)}:{node.lineno} restates the tables {strings}"


# -- one article ---------------------------------------------------------------------------------
TEXT = "Selon Paul Durand, des médias ont écrit que 300 soldats partiront le 3 mars. Il l'a redit."


def _at(needle, after=0):
    s = TEXT.index(needle, after)
    return s, s + len(needle)


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("fr")


def _doc(blank, text=TEXT):
    doc = blank(text)
    pd_s, pd_e = _at("Paul Durand")
    il_s, il_e = _at("Il")
    doc._.depeche_mentions = [
        {"start": pd_s, "end": pd_e, "label": "PER", "actor_id": "paul-durand", "name": "Paul Durand",
         "type": "person", "source": "model"},
        {"start": il_s, "end": il_e, "label": "PER", "actor_id": "paul-durand", "name": "Paul Durand",
         "type": "person", "source": "coref"}]
    ms, me = _at("des médias")
    doc._.depeche_groups = [{"start": ms, "end": me, "label": "GROUP", "actor_id": "group-medias",
                             "name": "médias", "type": "group", "source": "rules"}]
    q_s, q_e = _at("300 soldats")
    doc._.depeche_quantities = [{"start": q_s, "end": q_e, "value": 300, "low": 300, "high": 300,
                                 "qualifier": "exact", "item": "soldat"}]
    d_s, d_e = _at("le 3 mars")
    doc._.depeche_dates = [{"start": d_s, "end": d_e, "value": "", "mod": "", "granularity": "day",
                            "expr": {"k": "date", "m": 3, "d": 3, "dir": "future"}}]
    inner_s, inner_e = _at("300 soldats partiront le 3 mars")
    outer_s, outer_e = _at("des médias ont écrit que 300 soldats partiront le 3 mars")
    cue_s, cue_e = _at("écrit")
    doc._.depeche_attributions = [
        {"kind": "indirect", "cue_start": cue_s, "cue_end": cue_e, "cue_lemma": "écrire", "stance": "assert",
         "speaker_start": ms, "speaker_end": me, "actor_id": "group-medias",
         "content_start": inner_s, "content_end": inner_e},
        {"kind": "according_to", "cue_start": 0, "cue_end": 5, "cue_lemma": "selon", "stance": "assert",
         "speaker_start": pd_s, "speaker_end": pd_e, "actor_id": "paul-durand",
         "content_start": outer_s, "content_end": outer_e}]
    return doc


def test_when_article_built_then_ids_follow_text_order_and_links_hold(blank):
    art = from_text("a1", TEXT, date="2024-01-10")
    rows = T.article_tables(art, [(0, _doc(blank))])
    assert set(rows) == {part for part, _ in T.stored()}
    (a,) = rows["articles"]
    (sketch,) = rows["article_sketches"]                 # what near-duplicates are found from
    assert sketch.article_id == "a1" and sketch.shingles > 0
    assert (a.status, a.chars, a.tokens, a.sentences) == ("ok", len(TEXT), len(blank(TEXT)), 1)
    # the attributions' group mention is merged with the actors' mentions, in text order
    assert [(m.mention_id, m.text, m.label) for m in rows["mentions"]] == [
        (1, "Paul Durand", "PER"), (2, "des médias", "GROUP"), (3, "Il", "PER")]
    # ids by content start: the `selon` claim holds the other, its parent
    outer, inner = rows["attributions"]
    assert (outer.attribution_id, outer.parent_id, outer.cue) == (1, None, "Selon")
    assert (inner.attribution_id, inner.parent_id, inner.speaker) == (2, 1, "des médias")
    # a quantity belongs to the innermost claim holding it
    (q,) = rows["quantities"]
    assert (q.value, q.low, q.attribution_id) == (300.0, 300.0, 2) and isinstance(q.value, float)
    (d,) = rows["dates"]
    assert (d.text, d.value) == ("le 3 mars", "2024-03-03")
    # one observation per actor; a coref mention counts but gives no alias
    obs = {o.actor_id: o for o in rows["actor_obs"]}
    assert (obs["paul-durand"].mentions, obs["paul-durand"].aliases) == (2, ["Paul Durand"])


def test_when_segments_are_offset_then_rows_index_the_whole_text(blank):
    head = "Titre\n\n"
    art = from_text("a2", head + TEXT, date="2024-01-10", kind="jsonl")
    rows = T.article_tables(art, [(len(head), _doc(blank))])
    for table in T.IN_ARTICLES:
        for r in rows[table.name]:
            for part in ("", "cue_", "speaker_", "content_"):
                s, e = getattr(r, part + "start", None), getattr(r, part + "end", None)
                if s is not None:
                    assert art.text[s:e] == getattr(r, part + "text" if not part else part.rstrip("_"))


def test_when_a_component_failed_then_only_the_articles_row_with_error(blank):
    doc = _doc(blank)
    doc._.depeche_errors = ["depeche_dates: ValueError: boom"]
    rows = T.article_tables(from_text("a3", TEXT), [(0, doc)])
    (a,) = rows["articles"]
    assert a.status == "error" and "E108" in a.error and "boom" in a.error
    assert all(not rows[part] for part, _ in T.stored() if part != T.ARTICLES.part)


def test_when_article_not_ok_then_no_docs_and_one_row():
    art = from_text("a4", "   ").fail("empty", "E101 empty")
    rows = T.article_tables(art, [])
    assert [r.status for r in rows["articles"]] == ["empty"]


def test_when_observations_reduced_in_any_order_then_same_actor_rows(blank):
    a = T.article_tables(from_text("a1", TEXT), [(0, _doc(blank))])["actor_obs"]
    b = [T.ActorObservation("paul-durand", "a0", "P. Durand", "person", aliases=["Durand"], mentions=1)]
    one, two = T.ActorReducer(), T.ActorReducer()
    for o in a + b:
        one.add(o)
    for o in b + a:
        two.add(o)
    assert one.rows() == two.rows()
    pd = next(r for r in one.rows() if r.actor_id == "paul-durand")
    assert (pd.name, pd.articles, pd.mentions, pd.aliases) == ("Paul Durand", 2, 3, "Durand|Paul Durand")


def test_when_rows_reduced_then_observations_become_the_actors_table(blank):
    per = T.article_tables(from_text("a1", TEXT), [(0, _doc(blank))])
    out = T.reduce(per)
    assert "actor_obs" not in out and {r.actor_id for r in out["actors"]} == {"paul-durand", "group-medias"}


@dataclasses.dataclass
class _Inner:
    x: int


@dataclasses.dataclass
class _Row:
    article_id: str
    n: int
    share: float | None
    aliases: list
    extra: object = None


@pytest.mark.parametrize("row", [
    _Row("a1", 2, None, []),
    _Row("a1", 2, 0.5, ["Léa Morel", "Morel"]),
    _Row("a2", 0, 1.0, ["x"], extra=_Inner(3)),        # not a plain cell: astuple's own answer
    _Row("a3", 1, 2.0, [["nested"]]),                   # a list of lists: astuple's own answer
])
def test_when_a_row_becomes_a_tuple_then_it_is_astuples_with_list_cells_copied(row):
    got = T.as_tuple(row)
    assert got == dataclasses.astuple(row)
    assert [type(v) for v in got] == [type(v) for v in dataclasses.astuple(row)]
    assert got[3] is not row.aliases   # a list cell is a copy, as astuple made it


# -- parent_id: the smallest other content holding the cue and strictly more than the own content --
def _claim(i, cue=(None, None), speaker=(None, None), content=(None, None)):
    from pipeline.tables.attributions import AttributionRow
    return AttributionRow("a1", i, None, "", "", *cue, "", "", "", *speaker, "", "", *content, "")


def _pairwise_parents(claims):
    """The definition, pair by pair (what the sweep must give)."""
    out = []
    for sp in claims:
        k = next((k for k in ("cue", "speaker", "content") if getattr(sp, k + "_start") is not None), None)
        best = None
        for o in claims if k else ():
            a, b = getattr(sp, k + "_start"), getattr(sp, k + "_end")
            if o is sp or o.content_start is None or not (o.content_start <= a and b <= o.content_end):
                continue
            if sp.content_start is not None and not (o.content_start <= sp.content_start
                                                     and sp.content_end <= o.content_end
                                                     and o.content_end - o.content_start
                                                     > sp.content_end - sp.content_start):
                continue
            if best is None or o.content_end - o.content_start < best[0]:
                best = (o.content_end - o.content_start, o.attribution_id)
        out.append(best and best[1])
    return out


@pytest.mark.parametrize("spans, parents", [
    # (cue, speaker, content) per claim
    ([((0, 5), None, (6, 60)), ((20, 25), None, (26, 50))], [None, 1]),                  # nested
    ([((30, 35), None, (10, 50)), ((30, 35), None, (10, 50)), ((0, 4), None, (5, 90))], [3, 3, None]),
    ([((0, 5), None, (6, 60)), ((0, 5), None, (6, 60)), ((20, 25), None, (26, 40))], [None, None, 1]),
    ([((0, 5), None, (10, 40)), ((0, 5), None, (20, 50)), ((30, 32), None, (33, 36))], [None, None, 1]),
    ([(None, (30, 34), (35, 45)), ((0, 3), None, (4, 80))], [2, None]),                  # no cue: the speaker
    ([(None, None, (30, 40)), ((0, 3), None, (4, 80)), ((50, 53), None, (20, 60))], [3, None, 2]),
    ([((70, 75), None, (30, 40)), ((0, 3), None, (4, 60))], [None, None]),                # cue outside
    ([((30, 35), None, None), ((0, 3), None, (4, 60))], [2, None]),                        # no content
    ([(None, None, None), ((0, 3), None, (4, 60))], [None, None]),
])
def test_when_contents_nest_then_the_parent_is_the_smallest_holding_more(spans, parents):
    from pipeline.tables.attributions import _parents
    claims = [_claim(i, *(s or (None, None) for s in sp)) for i, sp in enumerate(spans, 1)]
    assert _parents(claims) == parents == _pairwise_parents(claims)


def test_when_contents_cross_at_random_then_the_sweep_gives_the_pairwise_parents():
    import random
    from pipeline.tables.attributions import _parents
    rnd = random.Random(7)

    def span():
        if rnd.random() < 0.25:
            return None, None
        a = rnd.randrange(30)
        return a, a + rnd.randrange(8)
    for _ in range(3000):
        claims = [_claim(i, span(), span(), span()) for i in range(1, rnd.randrange(2, 12))]
        assert _parents(claims) == _pairwise_parents(claims)


@pytest.mark.parametrize("text, date, values", [
    # an undated dispatch: its dateline dates it, and the dates against it
    ("PARIS, 3 mars 2024 (AFP) - Le ministre viendra le 5 mars.", "2024-03-03", ["2024-03-03", "2024-03-05"]),
    # a date of its own (a .txt header) wins over the dateline
    ("date: 2024-04-01\n\nPARIS, 3 mars 2024 (AFP) - Il viendra le 5 avril.", "2024-04-01",
     ["2024-03-03", "2024-04-05"]),
    # a full date inside a sentence is no dateline
    ("Le traité signé le 3 mars 2024 entre en vigueur le 5 mars.", "", ["2024-03-03", ""]),
    # a page copied from a news site says when it was published, and when it was updated
    ("Incendie à Rungis\n\nPublié le 12/03/2018 à 08:15, mis à jour le 13/03/2018\n\nHier, le feu a pris.",
     "2018-03-12", ["2018-03-12", "2018-03-13", "2018-03-11"]),
    ("Incendie\n\nMis en ligne le 4 mai 2018\n\nLe feu a pris hier.", "2018-05-04", ["2018-05-04", "2018-05-03"]),
    ("Un avis publié le 10 février 2018 dit qu'il viendra le 12 mars.", "", ["2018-02-10", ""]),
])
def test_when_article_has_no_date_then_its_dateline_dates_it(blank, text, date, values):
    art = from_text("a5", text)
    body = art.text[art.body_start:]
    doc = blank(body)
    doc._.depeche_dates = extract(doc)
    rows = T.article_tables(art, [(art.body_start, doc)])
    assert rows["articles"][0].date == date
    assert [d.value for d in rows["dates"]] == values
