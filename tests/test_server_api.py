"""The HTTP API (marsad.server): every endpoint, input errors, limits, hidden internals."""
from __future__ import annotations

import importlib.util
import logging
import re

import pytest
from fastapi.testclient import TestClient

from marsad.samples import sample_document
from marsad.server import create_app
from marsad.server.limits import MAX_BATCH_DOCUMENTS, MAX_DOCUMENT_BYTES, MAX_EXTRACT_BODY
from server_support import XSS, XSS_ARTICLE, StubPipeline, sample_record

@pytest.fixture(scope="module")
def client(server_store):
    """Stub pipeline (hand-made records) and a store of four documents."""
    with TestClient(create_app(server_store, pipeline=StubPipeline()), raise_server_exceptions=False) as c:
        yield c


@pytest.fixture(scope="module")
def bare():
    """No store."""
    with TestClient(create_app(pipeline=StubPipeline()), raise_server_exceptions=False) as c:
        yield c


def error_of(response, status: int) -> str:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) <= {"error", "details"} and isinstance(body["error"], str) and body["error"]
    assert "Traceback" not in response.text and 'File "' not in response.text
    return body["error"]


def spans_of(record: dict):
    for e in record["entities"]:
        yield from e["mentions"]
    yield from record["times"]
    yield from record["quotes"]
    for v in record["events"]:
        yield v["trigger"]


# ---- extraction -----------------------------------------------------------------------------

def test_extract_sample_with_the_real_pipeline():
    doc = sample_document()
    with TestClient(create_app()) as real:
        r = real.post("/api/extract", json=doc)
    assert r.status_code == 200
    record = r.json()
    assert record["id"] == doc["id"] and record["date"] == doc["date"]
    assert {"entities", "times", "quotes", "events"} <= set(record)
    for span in spans_of(record):
        assert doc["text"][span["start"]:span["end"]] == span["text"]


def test_extract_returns_the_record(client):
    doc = sample_document()
    r = client.post("/api/extract", json={"text": doc["text"], "date": "2016-11-22", "id": 42, "title": "t"})
    assert r.status_code == 200
    expected = sample_record().to_dict()
    expected["id"] = "42"
    assert r.json() == expected


@pytest.mark.parametrize("body, status, words", [
    ({"date": "2016-11-22"}, 422, "text: Field required"),
    ({"text": None}, 422, "text: Input should be a valid string"),
    ({"text": 5}, 422, "text"),
    ({"text": "نص", "date": "22/11/2016"}, 422, "ISO 8601"),
    ([{"text": "نص"}], 422, "invalid request"),
    ("نص", 422, "invalid request"),
])
def test_extract_rejects_bad_documents(client, body, status, words):
    assert words in error_of(client.post("/api/extract", json=body), status)


def test_extract_rejects_invalid_json(client):
    r = client.post("/api/extract", content=b'{"text": "x",', headers={"content-type": "application/json"})
    assert "not valid JSON" in error_of(r, 422)


def test_document_over_one_megabyte_is_413(client):
    text = "ا" * (MAX_DOCUMENT_BYTES // 2 + 1)  # 2 bytes per Arabic letter
    assert "1 MB" in error_of(client.post("/api/extract", json={"text": text}), 413)
    assert client.post("/api/extract", json={"text": "ا" * (MAX_DOCUMENT_BYTES // 2 - 10)}).status_code == 200


def test_request_body_over_the_cap_is_413_before_parsing(client):
    body = b'{"text": "' + b"x" * (MAX_EXTRACT_BODY + 1) + b'"}'
    r = client.post("/api/extract", content=body, headers={"content-type": "application/json"})
    assert "larger than" in error_of(r, 413)
    r = client.get("/api/stats")  # the server is still fine
    assert r.status_code == 200


def test_batch_returns_records_and_error_records_in_order(client):
    docs = [{"id": "a", "text": sample_document()["text"]}, {"id": "b"}, 7,
            {"id": "c", "text": "خبر", "date": "yesterday"}, {"id": "d", "text": "خبر قصير"}]
    r = client.post("/api/extract/batch", json=docs)
    assert r.status_code == 200
    out = r.json()
    assert [o["id"] for o in out] == ["a", "b", None, "c", "d"]
    assert len(out[0]["events"]) == 4
    assert out[1]["error"] == "document has no text"
    assert "JSON object" in out[2]["error"]
    assert "ISO 8601" in out[3]["error"]
    assert out[4]["events"] == [] and "error" not in out[4]


def test_batch_limits(client):
    too_many = [{"text": "خبر"}] * (MAX_BATCH_DOCUMENTS + 1)
    assert f"limit is {MAX_BATCH_DOCUMENTS}" in error_of(client.post("/api/extract/batch", json=too_many), 413)
    big = [{"text": "خبر"}, {"text": "ا" * MAX_DOCUMENT_BYTES}]
    assert "document 1 text" in error_of(client.post("/api/extract/batch", json=big), 413)
    assert "invalid request" in error_of(client.post("/api/extract/batch", json={"text": "خبر"}), 422)
    assert client.post("/api/extract/batch", json=[]).json() == []


def test_internal_errors_never_reach_the_client(client, caplog):
    with caplog.at_level(logging.ERROR, logger="marsad.server"):
        for body in ({"text": "boom"}, {"text": "crash"}):
            r = client.post("/api/extract", json=body)
            assert error_of(r, 500) == "internal error"
            assert "secret" not in r.text
        r = client.post("/api/extract/batch", json=[{"id": "x", "text": "boom"}])
        assert r.json() == [{"id": "x", "error": "internal error"}]
        assert error_of(client.post("/api/extract/batch", json=[{"text": "crash"}]), 500) == "internal error"
    assert "secret detail" in caplog.text  # logged on the server side


def test_unknown_routes_and_methods_answer_json(client):
    assert "not found" in error_of(client.get("/api/nothing"), 404)
    error_of(client.get("/api/extract"), 405)


def test_sample_endpoint(client):
    assert client.get("/api/sample").json() == sample_document()


def test_untrusted_text_stays_data(client):
    r = client.post("/api/extract", json={"text": XSS_ARTICLE})
    assert r.headers["content-type"] == "application/json"
    assert r.headers["x-content-type-options"] == "nosniff"
    record = r.json()
    assert record["entities"][0]["name"] == XSS  # verbatim in JSON, escaped by the page


# ---- corpus -----------------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/api/events", "/api/quotes?speaker=x", "/api/documents/sample-1",
                                  "/api/stats", "/api/stats/timeline", "/api/stats/pairs"])
def test_corpus_endpoints_without_a_store(bare, path):
    assert "--db" in error_of(bare.get(path), 503)


def test_events_page_and_total(client):
    page = client.get("/api/events", params={"limit": 5, "offset": 5}).json()
    assert page["total"] == 16 and page["limit"] == 5 and page["offset"] == 5 and len(page["items"]) == 5
    first = client.get("/api/events", params={"limit": 5}).json()["items"]
    assert not {e["event_id"] for e in first} & {e["event_id"] for e in page["items"]}
    assert [e["date"] for e in first] == sorted((e["date"] for e in first), reverse=True)
    event = first[0]
    assert {"event_id", "doc_id", "type", "actors", "recipients", "evidence", "status", "goldstein"} <= set(event)


@pytest.mark.parametrize("params, total", [
    ({"type": "ASSAULT"}, 4),
    ({"actor_country": "egy"}, 8),
    ({"recipient_country": "JOR", "type": "CONSULT"}, 4),
    ({"date_from": "2016-11-23", "date_to": "2016-11-23"}, 4),
    ({"date_from": "2016-11-24"}, 8),
    ({"text": "حلب"}, 4),
    ({"text": "القاهرة الأسعار"}, 4),
    ({"text": "موسكو"}, 0),
    ({"text": "حلب", "type": "ASSAULT"}, 4),
    ({"text": "حلب", "type": "CONSULT"}, 0),
    ({"text": 'OR "* حلب'}, 0),
    ({"text": "- ."}, 16),
])
def test_event_filters(client, params, total):
    assert client.get("/api/events", params=params).json()["total"] == total


def test_event_sort(client):
    items = client.get("/api/events", params={"sort": "goldstein", "order": "asc"}).json()["items"]
    scores = [e["goldstein"] for e in items]
    assert scores == sorted(scores) and scores[0] == -10.0


@pytest.mark.parametrize("params, words", [
    ({"type": "WAR"}, "type"), ({"actor_country": "EGYPT"}, "actor_country"),
    ({"date_from": "2016-13-01"}, "date_from"), ({"limit": 100000}, "limit"), ({"offset": -1}, "offset"),
    ({"sort": "text"}, "sort"), ({"date_from": "2016-11-24", "date_to": "2016-11-01"}, "date_from is after"),
])
def test_event_filter_errors(client, params, words):
    assert words in error_of(client.get("/api/events", params=params), 422)


def test_quotes_by_speaker(client):
    page = client.get("/api/quotes", params={"speaker": "شكري", "limit": 3}).json()
    assert len(page["items"]) == 3 and page["more"] is True
    assert {q["speaker_name"] for q in page["items"]} == {"سامح شكري"}
    rest = client.get("/api/quotes", params={"speaker": "سامح شكري", "offset": 6}).json()
    assert len(rest["items"]) == 2 and rest["more"] is False
    assert client.get("/api/quotes", params={"speaker": "أردوغان"}).json()["items"] == []
    assert "speaker" in error_of(client.get("/api/quotes"), 422)


def test_document(client):
    doc = client.get("/api/documents/sample-1").json()
    assert doc["text"] == sample_document()["text"] and len(doc["record"]["events"]) == 4
    assert "sample-9" in error_of(client.get("/api/documents/sample-9"), 404)


def test_stats_timeline_and_pairs(client):
    stats = client.get("/api/stats").json()
    assert stats["documents"] == 4 and stats["events"] == 16 and stats["event_types"]["ASSAULT"] == 4
    timeline = client.get("/api/stats/timeline").json()["items"]
    assert {"date": "2016-11-24", "type": "CONSULT", "count": 2} in timeline
    assert sum(row["count"] for row in timeline) == 16
    assert client.get("/api/stats/timeline", params={"type": "ASSAULT"}).json()["items"][0] == \
        {"date": "2016-11-20", "type": "ASSAULT", "count": 1}
    pairs = {(p["actor_country"], p["recipient_country"]): p for p in client.get("/api/stats/pairs").json()["items"]}
    assert pairs[("EGY", "JOR")] == {"actor_country": "EGY", "recipient_country": "JOR", "events": 4,
                                     "cooperation": 4, "conflict": 0, "goldstein": 1.0}
    assert pairs[("EGY", "EGY")]["conflict"] == 4 and pairs[("EGY", "EGY")]["goldstein"] == -5.0


# ---- pages, docs, command -------------------------------------------------------------------------

def test_pages_are_rtl_with_stable_ids_and_no_remote_resources(client):
    home = client.get("/")
    assert home.status_code == 200
    assert '<html lang="ar" dir="rtl">' in home.text
    for anchor in ('id="article-text"', 'id="article-date"', 'id="analyze"', 'id="sample"', 'id="events"'):
        assert anchor in home.text
    corpus = client.get("/corpus").text
    assert 'id="events-table"' in corpus and 'src="/vendor/plotly.min.js"' in corpus
    for page in (home, client.get("/corpus")):
        assert not re.search(r'(src|href)="(https?:)?//', page.text)
        assert "script-src 'self'" in page.headers["content-security-policy"]
        assert "<script>" not in page.text  # no inline script: the CSP forbids it


def test_corpus_page_without_a_store(bare):
    page = bare.get("/corpus").text
    assert 'id="no-corpus"' in page and "plotly" not in page


def test_static_files_and_local_plotly(client):
    js = client.get("/vendor/plotly.min.js")
    assert js.status_code == 200 and len(js.content) > 1_000_000
    assert js.headers["content-type"].startswith("text/javascript")
    for name in ("common.js", "analyze.js", "corpus.js", "style.css"):
        assert client.get(f"/static/{name}").status_code == 200
    js_sources = "".join(client.get(f"/static/{n}").text for n in ("common.js", "analyze.js", "corpus.js"))
    assert "innerHTML" not in js_sources and "insertAdjacentHTML" not in js_sources


def test_openapi_docs(client):
    docs = client.get("/docs")
    assert docs.status_code == 200 and "swagger-ui" in docs.text
    if importlib.util.find_spec("fastapi_offline"):
        assert not re.search(r'https?://', docs.text)
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/extract", "/api/extract/batch", "/api/documents/{doc_id}", "/api/events",
                 "/api/quotes", "/api/stats"):
        assert path in paths


def test_serve_command_checks_the_store(tmp_path, capsys):
    from marsad.cli import main
    assert main(["serve", "--db", str(tmp_path / "missing.db")]) == 2
    assert "no such store" in capsys.readouterr().err
    (tmp_path / "notes.txt").write_text("not a database")
    assert main(["serve", "--db", str(tmp_path / "notes.txt")]) == 2
    assert "not a Marsad store" in capsys.readouterr().err
    assert main(["serve", "--workers", "0"]) == 2
