"""marsad extract / schema / --version as SPEC.md "Command line" says."""
import gzip
import json
import subprocess
import sys

import pytest

from marsad.cli import main


def run_cli(args, stdin=None):
    p = subprocess.run([sys.executable, "-m", "marsad", *args], input=stdin, capture_output=True)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


def test_version():
    code, out, _ = run_cli(["--version"])
    assert code == 0 and out.startswith("marsad ")


def test_extract_text_article(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("اجتمع وزير الخارجية مع نظيره في القاهرة أمس.", encoding="utf-8")
    code, out, _ = run_cli(["extract", str(f), "--date", "2017-03-10", "--id", "x1"])
    rec = json.loads(out)
    assert code == 0
    assert rec["id"] == "x1" and rec["date"] == "2017-03-10"
    assert set(rec) == {"id", "date", "entities", "times", "quotes", "events"}


def test_extract_sample_pretty():
    code, out, _ = run_cli(["extract", "sample", "--format", "pretty"])
    assert code == 0 and "ENTITIES" in out and "EVENTS" in out


def test_extract_jsonl_keeps_order_and_reports_bad_lines(tmp_path):
    lines = [
        json.dumps({"id": "a", "text": "وصل الرئيس إلى الرياض.", "date": "2015-08-01"}, ensure_ascii=False).encode(),
        b"{not json",
        json.dumps({"id": "c", "text": "   "}).encode(),
        json.dumps(["not", "an", "object"]).encode(),
        b'{"id": "e", "text": "\xff\xfe bad"}',
        json.dumps({"id": "f", "text": "نص", "date": "yesterday"}).encode(),
        json.dumps({"id": 7, "text": "تظاهر مئات الطلاب في القاهرة."}, ensure_ascii=False).encode(),
    ]
    f = tmp_path / "docs.jsonl"
    f.write_bytes(b"\n".join(lines) + b"\n")
    code, out, err = run_cli(["extract", str(f), "--format", "jsonl"])
    recs = [json.loads(x) for x in out.splitlines()]
    assert code == 1 and "Traceback" not in err
    assert len(recs) == 7
    assert recs[0]["id"] == "a" and "error" not in recs[0]
    assert "invalid JSON" in recs[1]["error"]
    assert recs[2] == {"id": "c", "date": None, "entities": [], "times": [], "quotes": [], "events": []}
    assert "JSON object" in recs[3]["error"]
    assert "UTF-8" in recs[4]["error"]
    assert recs[5]["id"] == "f" and "ISO 8601" in recs[5]["error"]
    assert recs[6]["id"] == "7" and "error" not in recs[6]


def test_extract_reads_stdin_and_gzip(tmp_path):
    doc = json.dumps({"id": "z", "text": "قال الوزير إن المحادثات ناجحة."}, ensure_ascii=False)
    code, out, _ = run_cli(["extract", "-", "--format", "jsonl"], stdin=doc.encode())
    assert code == 0 and json.loads(out)["id"] == "z"
    gz = tmp_path / "d.jsonl.gz"
    with gzip.open(gz, "wt", encoding="utf-8") as g:
        g.write(doc + "\n")
    code, out, _ = run_cli(["extract", str(gz), "--format", "jsonl"])
    assert code == 0 and json.loads(out)["id"] == "z"
    code, out, _ = run_cli(["extract", str(gz)])     # the extension says JSONL
    assert code == 0 and json.loads(out)["id"] == "z"


@pytest.mark.parametrize("content, message", [
    (b"\x00\x01\x02binary\x00" * 10, "binary"),
    ("نص عربي".encode("cp1256"), "not UTF-8"),
])
def test_extract_bad_text_input_gives_clear_error(tmp_path, content, message):
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    code, out, err = run_cli(["extract", str(f)])
    assert code == 1 and message in err and "Traceback" not in err


@pytest.mark.parametrize("content", [b"", b"   \n\t "])
def test_extract_empty_article_gives_empty_record_and_warning(tmp_path, content):
    f = tmp_path / "empty.txt"
    f.write_bytes(content)
    code, out, err = run_cli(["extract", str(f)])
    assert code == 0 and "empty" in err
    assert json.loads(out)["entities"] == []


def test_extract_very_large_input_is_refused_clearly(tmp_path):
    f = tmp_path / "big.txt"
    f.write_text("كلمة " * 2_100_000, encoding="utf-8")
    code, out, err = run_cli(["extract", str(f)])
    assert code == 1 and "limit" in err and "Traceback" not in err
    assert "error" in json.loads(out)


def test_extract_missing_file(tmp_path):
    code, _, err = run_cli(["extract", str(tmp_path / "nope.txt")])
    assert code == 1 and "no such file" in err


def test_unknown_stage_is_a_usage_error():
    assert main(["extract", "sample", "--stages", "segment,nonsense"]) == 2


def test_schema_describes_the_record():
    code, out, _ = run_cli(["schema"])
    schema = json.loads(out)
    assert code == 0
    assert {"id", "date", "entities", "times", "quotes", "events"} <= set(schema["properties"])
    assert "Event" in schema["$defs"] and "Mention" in schema["$defs"]
