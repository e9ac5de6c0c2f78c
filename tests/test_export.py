"""The events table (columns, dates, coordinates) and its CSV / Parquet writers and CLI."""
import csv
import json

import pyarrow.parquet as pq
import pytest

from marsad.cli import main
from marsad.export import COLUMNS, date_bounds, event_rows, write_table
from scale_corpus import corpus, write_jsonl

BOUNDS = [
    ("2015-08-01", ("2015-08-01", "2015-08-01")),
    ("2015-08-01T14:30", ("2015-08-01", "2015-08-01")),
    ("2016-02", ("2016-02-01", "2016-02-29")),
    ("2015", ("2015-01-01", "2015-12-31")),
    ("2016-W32", ("2016-08-08", "2016-08-14")),
    ("2015-H2", ("2015-07-01", "2015-12-31")),
    ("2016-Q1", ("2016-01-01", "2016-03-31")),
    ("2017-03-14/2017-03-15", ("2017-03-14", "2017-03-15")),
    ("2017-03/2017-04", ("2017-03-01", "2017-04-30")),
    ("XXXX-03-10", (None, None)),
    ("PAST_REF", (None, None)),
    ("P3D", (None, None)),
    ("2015-13", (None, None)),
    (None, (None, None)),
]


@pytest.mark.parametrize("value,expected", BOUNDS)
def test_date_bounds(value, expected):
    assert date_bounds(value) == expected


def test_event_rows_flatten_a_record():
    doc, rec = corpus()[0]
    [row] = event_rows(rec, doc)
    assert row["event_id"] == "wire-1:V1" and row["doc_id"] == "wire-1"
    assert (row["type"], row["mode"], row["cameo"], row["status"]) == ("ASSAULT", "aerial", "195", "asserted")
    assert (row["actor_name"], row["actor_country"], row["actor_sector"]) == ("طائرات تركية", "TUR", "MIL")
    assert (row["recipient_name"], row["recipient_entity"]) == ("حزب العمال الكردستاني", "E2")
    assert (row["location_name"], row["location_geonames_id"]) == ("الموصل", 99072)
    assert row["lat"] and row["lon"] and row["doc_source"] == "aawsat" and row["doc_date"] == "2015-08-01"
    assert row["evidence"].startswith("قصفت طائرات تركية") and row["evidence"].endswith("أمس.")
    assert row["trigger"] == "قصفت" and row["confidence"] == 0.9
    assert set(COLUMNS) <= set(row)


def test_event_rows_join_compound_actors_and_tolerate_missing_parts():
    doc, rec = corpus()[2]
    rec["events"][1]["actor"].append({"entity": "E4", "text": "بوتين", "country": "RUS", "sector": "GOV"})
    row = event_rows(rec)[1]
    assert row["actor_name"] == "رجب طيب أردوغان; فلاديمير بوتين" and row["actor_country"] == "TUR; RUS"
    assert row["evidence"] is None and row["lat"] == pytest.approx(55.75, abs=0.1)
    assert event_rows({"id": "x", "error": "bad"}) == []
    assert event_rows({"id": "y", "date": None}) == []


def all_rows():
    return [row for doc, rec in corpus() for row in event_rows(rec, doc)]


def test_csv_and_parquet_round_trip(tmp_path):
    rows = all_rows()
    assert write_table(rows, tmp_path / "e.csv") == 4
    with open(tmp_path / "e.csv", encoding="utf-8") as f:
        back = list(csv.DictReader(f))
    assert tuple(back[0]) == COLUMNS and back[0]["evidence"] == rows[0]["evidence"]
    assert write_table(rows, tmp_path / "e.parquet") == 4
    table = pq.read_table(tmp_path / "e.parquet")
    assert table.column_names == list(COLUMNS)
    assert table.schema.field("lat").type == "double" and table.schema.field("quad_class").type == "int64"
    assert table.to_pylist()[0]["location_geonames_id"] == 99072
    assert write_table([], tmp_path / "empty.parquet") == 0 and pq.read_table(tmp_path / "empty.parquet").num_rows == 0
    with pytest.raises(ValueError):
        write_table(rows, tmp_path / "e.xlsx")


def test_cli_export_from_records_and_from_store(tmp_path):
    pairs = corpus()
    recs = write_jsonl(tmp_path / "r.jsonl", [rec for _, rec in pairs])
    docs = write_jsonl(tmp_path / "d.jsonl", [doc for doc, _ in pairs])
    assert main(["export", str(recs), "--docs", str(docs), "--events", str(tmp_path / "a.csv")]) == 0
    with open(tmp_path / "a.csv", encoding="utf-8") as f:
        from_records = list(csv.DictReader(f))
    assert len(from_records) == 4 and all(r["evidence"] for r in from_records)
    assert main(["index", str(recs), "--docs", str(docs), "--db", str(tmp_path / "m.db"), "--quiet"]) == 0
    assert main(["export", "--db", str(tmp_path / "m.db"), "--events", str(tmp_path / "b.parquet")]) == 0
    from_store = pq.read_table(tmp_path / "b.parquet").to_pylist()
    assert sorted(r["event_id"] for r in from_store) == sorted(r["event_id"] for r in from_records)
    assert main(["export", "--db", str(tmp_path / "m.db"), "--dedup", "--events", str(tmp_path / "c.csv")]) == 0
    with open(tmp_path / "c.csv", encoding="utf-8") as f:
        happenings = list(csv.DictReader(f))
    assert len(happenings) == 3
    assert [h["doc_ids"] for h in happenings if h["n_docs"] == "2"] == ["wire-1; wire-2"]
    assert main(["export", "--events", str(tmp_path / "x.csv")]) == 2


def test_cli_index_and_query(tmp_path, capsys):
    pairs = corpus()
    recs = write_jsonl(tmp_path / "r.jsonl", [{**rec, "doc": doc} for doc, rec in pairs])
    db = str(tmp_path / "m.db")
    assert main(["index", str(recs), "--db", db, "--quiet"]) == 0
    capsys.readouterr()
    main(["query", "--db", db, "events", "--actor-country", "TUR", "--type", "ASSAULT",
          "--from", "2015-08-01", "--to", "2015-08-31", "--format", "jsonl"])
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["event_id"] for r in out] == ["wire-2:V1", "other-3:V1"]
    main(["query", "--db", db, "quotes", "--speaker", "أردوغان", "--format", "table"])
    table = capsys.readouterr().out.splitlines()
    assert table[0].split()[:3] == ["doc_id", "doc_date", "speaker_name"] and len(table) == 3
    main(["query", "--db", db, "docs", "--entity", "داعش", "--format", "jsonl"])
    assert json.loads(capsys.readouterr().out)["id"] == "plain-4"
    main(["query", "search", "بموسكو", "--db", db, "--format", "jsonl"])
    assert json.loads(capsys.readouterr().out)["id"] == "other-3"
    main(["query", "--db", db, "events", "--dedup", "--type", "ASSAULT", "--format", "jsonl"])
    clusters = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert sorted(c["n_docs"] for c in clusters) == [1, 2]
    main(["query", "--db", db, "stats"])
    assert json.loads(capsys.readouterr().out)["events"] == 4
    assert main(["query", "--db", str(tmp_path / "none.db"), "stats"]) == 2


def test_index_matches_documents_without_id_by_batch_key(tmp_path):
    from marsad.store import Store

    docs = write_jsonl(tmp_path / "d.jsonl", [{"text": "خبر بلا معرف عن الرياض."}, {"id": "k", "text": "خبر."}])
    assert main(["batch", str(docs), "--out", str(tmp_path / "r.jsonl"), "--workers", "1",
                 "--stages", "segment", "--quiet"]) == 0
    assert main(["index", str(tmp_path / "r.jsonl"), "--docs", str(docs), "--db", str(tmp_path / "m.db"),
                 "--quiet"]) == 0
    store = Store(tmp_path / "m.db", readonly=True)
    assert store.document("d.jsonl:1")["text"].startswith("خبر بلا معرف")
    assert store.document("d.jsonl:1")["record"]["id"] == "d.jsonl:1"
    assert [h["id"] for h in store.search("بالرياض")] == ["d.jsonl:1"]
