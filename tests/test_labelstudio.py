"""Label Studio tasks and exports: UTF-16 offsets, round trip gold -> tasks -> export -> gold, and a
real Label Studio server (from .venv-labelstudio) when it is installed."""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import time

import pytest

from pipeline import labelstudio as ls
from pipeline.evaluate import load_gold
from tests.conftest import GOLD, ROOT

# A dispatch written for these tests, with characters outside the BMP before the spans.
EMOJI_TEXT = ("date 2025-06-02\n\nLyon 🚆🚆 : la ministre Claire Vasseur a annoncé lundi que 42 trains "
              "supplémentaires rouleraient. « C'est un effort inédit 💪 », a-t-elle ajouté.")


def _sp(s, text=EMOJI_TEXT):
    i = text.index(s)
    return [i, i + len(s)]


EMOJI_GOLD = {
    "article_id": "emoji_1", "text": EMOJI_TEXT, "date": "2025-06-02",
    "actors": [{"id": "claire_vasseur", "name": "Claire Vasseur", "type": "person", "country": "FRA",
                "aliases": ["Vasseur"], "mentions": [_sp("Claire Vasseur")], "coref": [_sp("elle")]},
               {"id": "lyon", "name": "Lyon", "type": "location", "country": "FRA", "mentions": [_sp("Lyon")],
                "coref": [], "optional": True},
               {"id": "sncf", "name": "SNCF", "type": "organization", "country": "FRA", "mentions": [],
                "coref": []}],
    "quantities": [{"span": _sp("42 trains"), "value": 42, "low": 42, "high": 42, "qualifier": "exact",
                    "unit": "", "item": "train", "actor": None, "attribution": "a1"}],
    "dates": [{"span": _sp("lundi"), "value": "2025-06-02", "granularity": "day"}],
    "attributions": [
        {"id": "a1", "parent": None, "kind": "indirect", "cue": _sp("annoncé"), "cue_lemma": "annoncer",
         "stance": "assert", "speaker": _sp("la ministre Claire Vasseur"), "speaker_actor": "claire_vasseur",
         "content": _sp("42 trains supplémentaires rouleraient")},
        {"id": "a2", "parent": None, "kind": "direct", "cue": _sp("ajouté"), "cue_lemma": "ajouter",
         "stance": "assert", "speaker": _sp("elle"), "speaker_actor": "claire_vasseur",
         "content": _sp("C'est un effort inédit 💪")}],
}


def export_of(tasks: list) -> list:
    """What Label Studio's JSON export gives back for imported tasks (ids and annotation metadata)."""
    out = []
    for n, t in enumerate(json.loads(json.dumps(tasks)), 1):
        anns = t.pop("annotations", None) or [{"result": p["result"]} for p in t.pop("predictions", [])]
        out.append({"id": n, **t, "annotations": [{"id": n, "was_cancelled": False,
                                                   "created_at": "2025-06-02T10:00:00Z", **a} for a in anns]})
    return out


@pytest.mark.parametrize("text, i, j", [
    ("abc", 2, 2),          # ASCII: the same
    ("é😀x", 2, 3),        # after an emoji: one more UTF-16 unit
    ("😀😀x", 2, 4),       # two emoji
    ("x😀", 1, 1),         # before the emoji: unchanged
])
def test_when_text_has_emoji_then_offsets_convert_both_ways(text, i, j):
    off = ls.Offsets(text)
    assert off.to16(i) == j == len(text[:i].encode("utf-16-le")) // 2
    assert off.from16(j) == i


def test_when_task_is_made_then_label_studio_offsets_count_utf16_units():
    task = ls.task_from_gold(EMOJI_GOLD)
    region = next(r for r in task["predictions"][0]["result"] if r.get("type") == "labels"
                  and r["value"]["text"] == "Claire Vasseur")
    s, e = _sp("Claire Vasseur")
    assert (region["value"]["start"], region["value"]["end"]) == (s + 2, e + 2)   # two emoji before


@pytest.mark.parametrize("as_annotations", [True, False])
def test_when_emoji_gold_goes_through_label_studio_shape_then_it_comes_back_equal(tmp_path, as_annotations):
    tasks = [ls.task_from_gold(EMOJI_GOLD, as_annotations=as_annotations)]
    export = tmp_path / "export.json"
    export.write_text(json.dumps(export_of(tasks), ensure_ascii=False), encoding="utf-8")
    [path] = ls.import_export(export, tmp_path / "gold")
    back = json.loads(path.read_text(encoding="utf-8"))
    assert back == ls.canonical({**EMOJI_GOLD, "sha256": back["sha256"]})
    assert back["attributions"][1]["content"] == _sp("C'est un effort inédit 💪")


def test_when_shared_gold_round_trips_then_every_file_is_unchanged():
    golds = [{**g.data, "text": g.text} for g in load_gold(GOLD)]
    tasks = [ls.task_from_gold(g, as_annotations=True) for g in golds]
    back = [ls.gold_from_task(t) for t in export_of(tasks)]
    assert back == [ls.canonical(g) for g in golds]


def test_when_task_has_no_annotation_then_it_is_skipped_unless_predictions_asked():
    task = export_of([ls.task_from_gold(EMOJI_GOLD)])[0]
    task["predictions"], task["annotations"] = [{"result": task["annotations"][0]["result"]}], []
    assert ls.gold_from_task(task) is None
    assert ls.gold_from_task(task, use_predictions=True)["actors"]


def test_when_annotator_edits_norm_then_gold_has_the_new_value():
    task = export_of([ls.task_from_gold(EMOJI_GOLD)])[0]
    for r in task["annotations"][0]["result"]:
        if r.get("from_name") == "norm" and r["value"]["text"][0].startswith("value=42"):
            r["value"]["text"] = [r["value"]["text"][0].replace("value=42", "value=43")]
    assert ls.gold_from_task(task)["quantities"][0]["value"] == 43


@pytest.mark.parametrize("norm, expected", [
    ("value=16000; qualifier=min; unit=", {"value": 16000, "qualifier": "min", "unit": ""}),
    ("value=3.5; actor=null", {"value": 3.5, "actor": None}),
    ("actor=x; aliases=A|B", {"actor": "x", "aliases": ["A", "B"]}),
    ("value=2e11; qualifier=min", {"value": 2e11, "qualifier": "min"}),
])
def test_when_norm_decoded_then_types_are_kept(norm, expected):
    assert ls.decode_norm(norm, ls.NUMERIC) == expected
    assert ls.decode_norm(ls.encode_norm(expected, ls.NUMERIC), ls.NUMERIC) == expected


@pytest.mark.parametrize("typed, value", [("16 000", 16000), ("3,5", 3.5), ("16\u202f000", 16000)])
def test_when_annotator_types_french_digits_then_value_is_read(typed, value):
    assert ls.decode_norm(f"value={typed}", ls.NUMERIC)["value"] == value


def test_when_value_is_not_a_number_then_import_says_so():
    with pytest.raises(ls.LabelStudioError):
        ls.decode_norm("value=beaucoup", ls.NUMERIC)


# -- a real Label Studio server ----------------------------------------------------------------
LS_BIN = ROOT / ".venv-labelstudio" / "bin" / "label-studio"
# `make labelstudio` writes it once `label-studio version` ran: installed and able to start
LS_READY = ROOT / ".venv-labelstudio" / ".installed"
# A migrated database kept after the first successful start: later starts skip the migrations
# (minutes on a busy machine). Delete it to start from nothing.
LS_TEMPLATE = ROOT / ".venv-labelstudio" / "depeche-test-data"
TOKEN = "depeche-test-token-0123456789"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def label_studio(tmp_path_factory):
    if not (LS_BIN.exists() and LS_READY.exists()):
        pytest.skip("Label Studio is not installed or does not start: `make labelstudio` makes .venv-labelstudio "
                    "and says why it could not")
    import requests

    data = tmp_path_factory.mktemp("label-studio") / "data"
    if LS_TEMPLATE.is_dir():
        shutil.copytree(LS_TEMPLATE, data)
    data.mkdir(exist_ok=True)
    port = _free_port()
    env = {**os.environ, "LABEL_STUDIO_BASE_DATA_DIR": str(data), "LABEL_STUDIO_USERNAME": "depeche@example.org",
           "LABEL_STUDIO_PASSWORD": "depeche-test-password", "LABEL_STUDIO_USER_TOKEN": TOKEN,
           "LABEL_STUDIO_ENABLE_LEGACY_API_TOKEN": "true", "LABEL_STUDIO_LATEST_VERSION_CHECK": "false",
           "LABEL_STUDIO_COLLECT_ANALYTICS": "false", "LABEL_STUDIO_DISABLE_SIGNUP_WITHOUT_LINK": "true"}
    log = open(data / "server.log", "wb")
    proc = subprocess.Popen([str(LS_BIN), "start", "--no-browser", "--port", str(port), "--host", "127.0.0.1"],
                            env=env, stdout=log, stderr=subprocess.STDOUT, cwd=data)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):            # first start migrates a new database: minutes on a busy machine
            if proc.poll() is not None:
                pytest.fail(f"label-studio exited ({proc.returncode}); see {data / 'server.log'}")
            try:
                if requests.get(f"{url}/health", timeout=2).status_code == 200:
                    break
            except requests.RequestException:
                pass
            time.sleep(1)
        else:
            pytest.fail(f"label-studio did not answer on {url}; see {data / 'server.log'}")
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
    if not LS_TEMPLATE.exists() and proc.returncode is not None:
        shutil.copytree(data, LS_TEMPLATE, ignore=shutil.ignore_patterns("server.log", "export", "upload"))


@pytest.mark.services
@pytest.mark.slow
def test_when_tasks_go_through_label_studio_then_the_export_gives_back_the_gold(label_studio, tmp_path):
    import requests

    h = {"Authorization": f"Token {TOKEN}"}
    r = requests.post(f"{label_studio}/api/projects", headers=h, timeout=60,
                      json={"title": "depeche round trip", "label_config": ls.LABEL_CONFIG})
    assert r.status_code == 201, r.text
    pid = r.json()["id"]
    golds = [EMOJI_GOLD] + [{**g.data, "text": g.text} for g in load_gold(GOLD)[:2]]
    tasks = [ls.task_from_gold(g, as_annotations=True) for g in golds]
    r = requests.post(f"{label_studio}/api/projects/{pid}/import", headers=h, json=tasks, timeout=120)
    assert r.status_code == 201, r.text
    r = requests.get(f"{label_studio}/api/projects/{pid}/export", headers=h, params={"exportType": "JSON"},
                     timeout=120)
    assert r.status_code == 200, r.text
    export = tmp_path / "export.json"
    export.write_text(r.text, encoding="utf-8")
    paths = ls.import_export(export, tmp_path / "gold")
    back = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in paths}
    expected = {g["article_id"]: ls.canonical({**g, "sha256": back.get(g["article_id"], {}).get("sha256")})
                for g in golds}
    assert back == expected


@pytest.mark.slow
def test_when_dispatches_are_annotated_then_each_region_text_is_its_utf16_slice(tmp_path, nlp):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "d1.txt").write_text(EMOJI_TEXT, encoding="utf-8")
    n = ls.annotate(tmp_path / "in", tmp_path / "tasks.json", nlp=nlp)
    [task] = json.loads((tmp_path / "tasks.json").read_text(encoding="utf-8"))
    assert n == 1 and task["data"]["text"] == EMOJI_TEXT and task["data"]["article_id"] == "d1"
    units = EMOJI_TEXT.encode("utf-16-le")
    for r in task["predictions"][0]["result"]:
        if r.get("type") == "labels":
            v = r["value"]
            assert units[2 * v["start"]:2 * v["end"]].decode("utf-16-le") == v["text"]


@pytest.mark.parametrize("article_id, name", [("dp_2025-001", "dp_2025-001"), ("../../etc/x", "etc_x"),
                                              (".hidden", "hidden")])
def test_when_article_id_is_a_path_then_the_gold_file_stays_in_the_folder(tmp_path, article_id, name):
    gold = {**EMOJI_GOLD, "article_id": article_id}
    export = tmp_path / "export.json"
    export.write_text(json.dumps(export_of([ls.task_from_gold(gold)]), ensure_ascii=False), encoding="utf-8")
    [path] = ls.import_export(export, tmp_path / "gold")
    assert path == tmp_path / "gold" / f"{name}.json"


def test_when_import_labelstudio_command_runs_then_gold_files_are_written(tmp_path):
    from typer.testing import CliRunner

    from pipeline.cli import app
    export = tmp_path / "export.json"
    export.write_text(json.dumps(export_of([ls.task_from_gold(EMOJI_GOLD)]), ensure_ascii=False), encoding="utf-8")
    r = CliRunner().invoke(app, ["import-labelstudio", str(export), "-o", str(tmp_path / "gold")])
    assert r.exit_code == 0, r.output
    assert (tmp_path / "gold" / "emoji_1.json").exists()
    missing = CliRunner().invoke(app, ["import-labelstudio", str(tmp_path / "none.json"), "-o", str(tmp_path)])
    assert missing.exit_code == 2


# -- lossless round trip: the model's own output, annotate -> import -> evaluate, scores 1.0 ----
def test_when_model_output_round_trips_then_every_task_scores_one(tmp_path, nlp):
    from pipeline.evaluate import evaluate
    from tests.conftest import SEED, WINER
    inp = tmp_path / "in"
    inp.mkdir()
    shutil.copy(SEED, inp / SEED.name)            # dated by its month only: `dimanche` cannot be placed
    docs = [json.loads(line) for _, line in zip(range(3), open(WINER, encoding="utf-8"))]
    (inp / "a.md").write_text(f"---\ndate: {docs[0]['date']}\ntitle: A\n---\n{docs[0]['text']}", encoding="utf-8")
    (inp / "b.txt").write_text(f"Date: {docs[1]['date']}\n\n{docs[1]['text']}", encoding="utf-8")
    paras = "</p><p>".join(docs[2]["text"].split("\n\n"))
    (inp / "c.html").write_text(f"<html><head><meta name='date' content='{docs[2]['date']}'></head>"
                                f"<body><article><p>{paras}</p></article></body></html>", encoding="utf-8")
    ls.annotate(inp, tmp_path / "tasks.json", nlp=nlp, as_annotations=True)
    ls.import_export(tmp_path / "tasks.json", tmp_path / "gold")
    m = evaluate(tmp_path / "gold", nlp=nlp)
    assert m["notes"] == []                       # sha256 of every text agrees
    for task in ("mentions", "linking", "actors", "quantities", "dates"):
        assert m[task]["f1"] == 1.0, (task, [e for e in m["errors"] if e["task"] == task])
    assert m["attributions"]["end_to_end"]["f1"] == 1.0


def test_when_labelstudio_serve_then_user_and_token_are_set_up_once(tmp_path):
    fake = tmp_path / "label-studio"          # stands for the server: prints what it was given
    fake.write_text("#!/bin/sh\necho \"$LABEL_STUDIO_USERNAME $LABEL_STUDIO_USER_TOKEN $*\"\n", encoding="utf-8")
    fake.chmod(0o755)
    env = {**os.environ, "DEPECHE_LABEL_STUDIO": str(fake), "LABEL_STUDIO_BASE_DATA_DIR": str(tmp_path / "data")}
    env.pop("LABEL_STUDIO_USER_TOKEN", None)
    runs = [subprocess.run(["bash", str(ROOT / "scripts" / "labelstudio_server.sh"), "8123"], env=env,
                           capture_output=True, text=True, check=True) for _ in range(2)]
    token = (tmp_path / "data" / "depeche-token").read_text()
    assert len(token) == 48 and (tmp_path / "data" / "depeche-token").stat().st_mode & 0o077 == 0
    assert runs[0].stdout == runs[1].stdout == f"depeche@localhost {token} start --no-browser --host 127.0.0.1 --port 8123\n"
    assert f"API token: {token}" in runs[0].stderr
