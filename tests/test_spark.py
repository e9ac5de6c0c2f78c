"""marsad spark: the batch worker code per partition (no Spark needed), and one run in
Spark local mode (marked spark; skipped without pyspark or Java)."""
import importlib.util
import json
import shutil

import orjson
import pytest

from marsad import batch
from marsad.export import COLUMNS
from marsad.spark import process_partition
from scale_corpus import corpus, write_jsonl

HAS_SPARK = importlib.util.find_spec("pyspark") is not None and shutil.which("java") is not None


class _HandMade:
    """A record object as the pipeline returns it, from a hand-made dict."""

    def __init__(self, rec):
        self.rec = rec
        self.entities = rec["entities"]

    def to_json(self):
        return orjson.dumps(self.rec)


class _FakePipeline:
    def __init__(self):
        self.records = {rec["id"]: rec for _, rec in corpus()}

    def extract_dict(self, obj):
        if not isinstance(obj, dict):
            from marsad.pipeline import Pipeline
            return Pipeline(["segment"]).extract_dict(obj)
        return _HandMade(self.records[obj["id"]])


def test_partition_events_and_records(monkeypatch):
    monkeypatch.setattr(batch, "_WORKER", {"pipeline": _FakePipeline(), "done": frozenset(),
                                           "with_doc": True, "stages": ("fake",)})
    items = [("in.jsonl", i, "json", json.dumps(doc, ensure_ascii=False).encode())
             for i, (doc, _) in enumerate(corpus(), 1)] + [("in.jsonl", 9, "json", b"[1]")]
    events = list(process_partition(items, ("fake",), "events"))
    assert len(events) == 4 and all(len(row) == len(COLUMNS) for row in events)
    row = dict(zip(COLUMNS, events[0]))
    assert row["event_id"] == "wire-1:V1" and row["evidence"].startswith("قصفت") and row["lat"]
    records = list(process_partition(items, ("fake",), "records"))
    assert [r[0] for r in records] == ["wire-1", "wire-2", "other-3", "plain-4", "in.jsonl:9"]
    assert records[0][2] == "aawsat" and json.loads(records[0][4])["events"][0]["type"] == "ASSAULT"
    assert records[-1][3] == "a document must be a JSON object, got list" and records[-1][4] is None


@pytest.mark.spark
@pytest.mark.skipif(not HAS_SPARK, reason="pyspark or Java missing")
def test_spark_local_run(tmp_path):
    import pyarrow.parquet as pq

    from marsad.spark import run_spark, session

    docs = [doc for doc, _ in corpus()] * 5
    docs = [{**d, "id": f"{d['id']}-{i}"} for i, d in enumerate(docs)]
    path = write_jsonl(tmp_path / "in.jsonl", docs)
    with open(path, "ab") as f:
        f.write(b'{"id": "broken", "text": \n{"title": "no text"}\n')
    spark = session("local[2]")
    try:
        n = run_spark(spark, str(path), str(tmp_path / "out"), "records", stages=("segment",))
    finally:
        spark.stop()
    rows = pq.read_table(tmp_path / "out").to_pylist()
    assert n == len(rows) == 22
    errors = {r["id"]: r["error"] for r in rows if r["error"]}
    assert set(errors) == {"in.jsonl:21", "in.jsonl:22"} and "no text" in errors["in.jsonl:22"]
    good = [r for r in rows if not r["error"]]
    assert sorted(r["id"] for r in good) == sorted(d["id"] for d in docs)
    assert all(json.loads(r["record"])["id"] == r["id"] for r in good)
