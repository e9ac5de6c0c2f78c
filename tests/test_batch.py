"""marsad batch: inputs, bad lines, resume and repair, worker crashes, kill and rerun."""
import csv
import gzip
import importlib.util
import json
from pathlib import Path

import pytest

from marsad import pipeline
from marsad.batch import error_path_for, run_batch
from marsad.cli import main
from scale_corpus import NEWS, corpus, news_lines, write_jsonl

FAST = ("segment",)
ROOT = Path(__file__).resolve().parents[1]


def read_jsonl(path):
    path = Path(path)
    with gzip.open(path) if path.name.endswith(".gz") else open(path, "rb") as f:
        return [json.loads(line) for line in f]


def docs(n=12):
    base = [doc for doc, _ in corpus()]
    return [{**base[i % len(base)], "id": f"d{i}"} for i in range(n)]


BAD_LINES = [
    (b'{"id": "x1", "text": "\xd9\x86', "invalid JSON"),
    (b'{"id": "x2", "text": "caf\xe9"}', "not UTF-8"),
    (b"[1, 2]", "must be a JSON object"),
    (b'"just a string"', "must be a JSON object"),
    (b'{"id": "x5", "title": "t"}', "no text"),
    (b'{"id": "x6", "text": 42}', "text must be a string"),
    (b'{"id": "x7", "text": "' + "نص ".encode() * 700_000 + b'"}', "limit"),
    (b'{"id": "x8", "text": "ok", "date": "yesterday"}', "ISO 8601"),
]


def test_every_bad_line_is_logged_and_every_good_document_recorded(tmp_path):
    lines = [json.dumps(d, ensure_ascii=False).encode() for d in docs(6)]
    mixed = []
    for i, (bad, _) in enumerate(BAD_LINES):
        mixed += [lines[i % 6] if i < 6 else json.dumps({"text": f"نص رقم {i}"}, ensure_ascii=False).encode(), bad]
    (tmp_path / "in.jsonl").write_bytes(b"\n".join(mixed) + b"\n\n")
    summary = run_batch([tmp_path / "in.jsonl"], tmp_path / "out.jsonl", workers=1, stages=FAST, quiet=True)
    records = read_jsonl(tmp_path / "out.jsonl")
    errors = read_jsonl(error_path_for(tmp_path / "out.jsonl"))
    assert sorted(r["id"] for r in records) == ["d0", "d1", "d2", "d3", "d4", "d5", "in.jsonl:13", "in.jsonl:15"]
    assert [e["line"] for e in errors] == [2, 4, 6, 8, 10, 12, 14, 16]
    for error, (_, reason) in zip(errors, BAD_LINES):
        assert reason in error["error"], error
    assert errors[0]["key"] == "in.jsonl:2" and errors[4]["id"] == "x5" and errors[4]["key"] == "x5"
    assert (summary.records, summary.errors, summary.skipped) == (8, 8, 0)


def test_folder_of_text_files_and_csv(tmp_path):
    folder = tmp_path / "articles"
    (folder / "sub").mkdir(parents=True)
    (folder / "a1.txt").write_text("التقى الرئيس نظيره في الرياض.", encoding="utf-8")
    (folder / "sub" / "a2.txt").write_text("خبر آخر.", encoding="utf-8")
    (folder / "bad.txt").write_bytes(b"caf\xe9 latin-1")
    (folder / "ignored.md").write_text("x")
    with open(tmp_path / "news.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["uid", "body", "published"])
        w.writerow(["c1", "نص\nمن سطرين", "2015-08-01"])
        w.writerow(["c2", "", "2015-08-01"])
        w.writerow(["", "نص بلا معرف", ""])
    out = tmp_path / "out.jsonl.gz"
    assert main(["batch", str(folder), str(tmp_path / "news.csv"), "--out", str(out), "--workers", "1",
                 "--stages", "segment", "--text-column", "body", "--id-column", "uid",
                 "--date-column", "published", "--quiet"]) == 0
    records = {r["id"]: r for r in read_jsonl(out)}
    assert set(records) == {"a1", "a2", "c1", "news.csv:5"}
    assert records["c1"]["date"] == "2015-08-01"
    errors = read_jsonl(error_path_for(out))
    assert {(e["key"], e["line"]) for e in errors} == {("bad", None), ("c2", 4)}
    assert main(["batch", str(tmp_path / "news.csv"), "--out", str(tmp_path / "o2.jsonl"),
                 "--text-column", "nope", "--quiet", "--workers", "1", "--stages", "segment"]) == 0
    assert "no column 'nope'" in read_jsonl(tmp_path / "o2.errors.jsonl")[0]["error"]


@pytest.mark.parametrize("name", ["out.jsonl", "out.jsonl.gz"])
def test_resume_repairs_a_truncated_output_and_skips_done_keys(tmp_path, name):
    write_jsonl(tmp_path / "in.jsonl", docs(40) + [{"id": "bad"}])
    out = tmp_path / name
    run_batch([tmp_path / "in.jsonl"], out, workers=1, stages=FAST, quiet=True, chunk_size=4)
    raw = out.read_bytes()
    if name.endswith(".gz"):  # a killed run: the gzip member is cut short
        full = gzip.decompress(raw)
        partial = full[: full.index(b"\n", len(full) // 2) + 20]
        out.write_bytes(gzip.compress(partial)[:-8])
    else:
        out.write_bytes(raw[: raw.index(b"\n", len(raw) // 2) + 20])
    summary = run_batch([tmp_path / "in.jsonl"], out, workers=1, stages=FAST, quiet=True, chunk_size=4)
    ids = [r["id"] for r in read_jsonl(out)]
    assert sorted(ids) == sorted(f"d{i}" for i in range(40))
    assert summary.skipped == 41 - summary.records and summary.errors == 0
    assert len(read_jsonl(error_path_for(out))) == 1
    again = run_batch([tmp_path / "in.jsonl"], out, workers=1, stages=FAST, quiet=True)
    assert (again.records, again.errors, again.skipped) == (0, 0, 41)


def test_duplicate_keys_are_errors(tmp_path):
    write_jsonl(tmp_path / "in.jsonl", docs(3) + docs(2))
    s = run_batch([tmp_path / "in.jsonl"], tmp_path / "o.jsonl", workers=1, stages=FAST, quiet=True)
    assert (s.records, s.errors) == (3, 2)
    assert "duplicate document key" in read_jsonl(tmp_path / "o.errors.jsonl")[0]["error"]


def test_parallel_run_survives_a_crashing_worker(tmp_path, monkeypatch):
    monkeypatch.setitem(pipeline.STAGES, "crash", "scale_corpus:CrashStage")
    items = docs(60)
    items[17]["text"] += " CRASH-NOW"
    write_jsonl(tmp_path / "in.jsonl", items)
    s = run_batch([tmp_path / "in.jsonl"], tmp_path / "o.jsonl", workers=2, stages=("segment", "crash"),
                  quiet=True, chunk_size=4)
    ids = [r["id"] for r in read_jsonl(tmp_path / "o.jsonl")]
    assert sorted(ids) == sorted(f"d{i}" for i in range(60) if i != 17) and len(ids) == 59
    [error] = read_jsonl(tmp_path / "o.errors.jsonl")
    assert error["id"] == "d17" and error["line"] == 18 and "died" in error["error"]
    assert (s.records, s.errors) == (59, 1)


def test_with_text_and_db(tmp_path):
    write_jsonl(tmp_path / "in.jsonl", [doc for doc, _ in corpus()])
    out = tmp_path / "o.jsonl"
    run_batch([tmp_path / "in.jsonl"], out, workers=2, stages=FAST, quiet=True, with_text=True,
              db=tmp_path / "m.db")
    rec = {r["id"]: r for r in read_jsonl(out)}["wire-1"]
    assert rec["doc"]["source"] == "aawsat" and rec["doc"]["text"].startswith("قصفت")
    from marsad.store import Store
    store = Store(tmp_path / "m.db", readonly=True)
    assert store.stats()["records"] == 4 and store.search("الموصل")[0]["id"] == "wire-1"


def test_full_pipeline_records_are_spec_records(tmp_path, capsys):
    write_jsonl(tmp_path / "in.jsonl", [doc for doc, _ in corpus()])
    assert main(["batch", str(tmp_path / "in.jsonl"), "--out", str(tmp_path / "o.jsonl"), "--workers", "1"]) == 0
    assert "4 records, 0 errors" in capsys.readouterr().err
    for rec in read_jsonl(tmp_path / "o.jsonl"):
        assert {"id", "date", "entities", "times", "quotes", "events"} <= set(rec)


def _robustness():
    spec = importlib.util.spec_from_file_location("robustness", ROOT / "benchmarks" / "robustness.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not NEWS.exists(), reason="news corpus absent")
def test_killed_run_then_rerun_gives_each_document_exactly_once(tmp_path):
    report = _robustness().check(news_lines(150), tmp_path, workers=2, rate=0.04, chunk_size=5)
    assert report["ok"], report
    assert report["killed"] and 0 <= report["records_at_kill"] < report["good_docs"], report
    assert report["orphans"] == 0, report


def _worker_pipeline_id(_):
    from marsad import batch
    return id(batch._WORKER["pipeline"])


def test_forked_workers_start_with_the_parents_pipeline():
    import multiprocessing

    from marsad import batch
    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("no fork start method")
    executor = batch._new_executor(2, (FAST, frozenset(), False, None))
    with executor:
        ids = set(executor.map(_worker_pipeline_id, range(8)))
    assert ids == {id(batch._pipeline(FAST))}
