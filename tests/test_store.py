"""The SQLite store: loading, indexed queries, quotes, documents, full-text search."""
import threading

import pytest

from marsad.store import Store, fts_query
from scale_corpus import corpus


@pytest.fixture()
def store(tmp_path):
    s = Store(tmp_path / "m.db")
    for doc, rec in corpus():
        assert s.add(rec, doc)
    s.commit()
    yield s
    s.close()


def ids(rows, key="event_id"):
    return sorted(r[key] for r in rows)


def test_stats(store):
    stats = store.stats()
    assert stats["documents"] == stats["records"] == 4
    assert stats["events"] == 4 and stats["quotes"] == 2
    assert stats["event_types"] == {"ASSAULT": 3, "CONSULT": 1}
    assert stats["sources"]["aawsat"] == 1
    assert (stats["first_date"], stats["last_date"]) == ("2015-08-01", "2015-08-06")


def test_events_by_country_type_and_dates(store):
    assert ids(store.events({"actor_country": "TUR", "type": "ASSAULT"})) == \
        ["other-3:V1", "wire-1:V1", "wire-2:V1"]
    assert ids(store.events({"recipient_country": "RUS"})) == ["other-3:V2"]
    assert ids(store.events({"country": "rus"})) == ["other-3:V2"]
    assert ids(store.events({"actor_sector": "MIL", "date_from": "2015-08-01", "date_to": "2015-08-01"})) == \
        ["wire-2:V1"]
    # a month-valued date overlaps any day range inside the month
    assert ids(store.events({"type": ["CONSULT"], "date_from": "2015-08-20"})) == ["other-3:V2"]
    assert store.events({"type": "ASSAULT", "date_to": "2015-07-30"}) == []
    assert store.count_events({"type": "ASSAULT"}) == 3


def test_events_by_actor_name_mention_or_kb(store):
    assert ids(store.events({"actor": "أردوغان"})) == ["other-3:V2"]          # a word of the name
    assert ids(store.events({"actor": "wikidata:Q39259"})) == ["other-3:V2"]
    assert ids(store.events({"recipient": "حزب العمال الكردستانى"})) == \
        ["other-3:V1", "wire-1:V1", "wire-2:V1"]                               # ى/ي normalized
    assert store.events({"actor": "بوتين"}) == []


def test_events_by_location_and_columns(store):
    [row] = store.events({"location": "الموصل"})
    assert row["event_id"] == "wire-1:V1" and row["location_geonames_id"] == 99072
    assert row["lat"] == pytest.approx(36.34, abs=0.05) and row["lon"] == pytest.approx(43.12, abs=0.05)
    assert row["evidence"] == "قصفت طائرات تركية مواقع لحزب العمال الكردستاني قرب الموصل أمس."
    assert row["actors"][0]["country"] == "TUR" and row["recipients"][0]["entity"] == "E2"
    assert row["doc_source"] == "aawsat"
    assert ids(store.events({"location": "524901"})) == ["other-3:V2"]


def test_unknown_filter_is_an_error(store):
    with pytest.raises(ValueError, match="unknown event filter"):
        store.events({"colour": "red"})


def test_quotes_by_speaker(store):
    assert len(store.quotes(speaker="أردوغان")) == 2
    assert len(store.quotes(speaker="اردوغان")) == 2
    assert len(store.quotes(speaker="wikidata:Q39259")) == 2
    assert len(store.quotes(speaker="الرئيس التركي")) == 2   # a nominal mention of the speaker
    assert store.quotes(speaker="بوتين") == []
    q = store.quotes(speaker="أردوغان", limit=1)[0]
    assert q["speaker_name"] == "رجب طيب أردوغان" and q["text"] == "العمليات ستستمر" and q["direct"] is False


def test_documents_by_entity_and_document(store):
    assert ids(store.documents(entity="حزب العمال الكردستاني"), "id") == ["other-3", "wire-1", "wire-2"]
    assert ids(store.documents(entity="داعش"), "id") == ["plain-4"]
    doc = store.document("wire-1")
    assert doc["title"] == "غارات تركية على الموصل" and doc["record"]["events"][0]["id"] == "V1"
    assert store.document("nope") is None


def test_search_is_normalized_and_clitic_aware(store):
    assert ids(store.search("اردوغان"), "id") == ["other-3", "wire-1"]       # hamza folded
    assert ids(store.search("موسكو"), "id") == ["other-3"]                   # found in بموسكو
    assert ids(store.search('"حزب العمال"'), "id") == ["other-3", "wire-1", "wire-2"]  # لحزب العمال
    assert ids(store.search("الموصل OR موسكو"), "id") == ["other-3", "wire-1"]
    assert ids(store.search("تركي*"), "id") == ["other-3", "wire-1", "wire-2"]
    assert store.search("") == [] and store.search("كلمةغائبة") == []
    [hit] = store.search("بموسكو")
    assert "بموسكو" in hit["snippet"]
    text = store.document("other-3")["text"]
    assert text[hit["match"][0]:hit["match"][1]] == "بموسكو"
    assert store.count_search("طائرات") == 3


def test_fts_syntax_in_user_input_is_quoted(store):
    assert fts_query("( ) : ^") == ""
    assert store.search('NOT AND ( "غارات') == [] and store.search("NEAR(قصفت") == []


def test_readd_replaces(store):
    doc, rec = corpus()[0]
    rec["events"] = []
    store.add(rec, doc)
    store.commit()
    assert store.stats()["documents"] == 4
    assert store.events({"doc_id": "wire-1"}) == []
    assert ids(store.search("الموصل"), "id") == ["wire-1"]


def test_error_records_are_skipped(store):
    assert store.add({"id": "x", "error": "document has no text"}) is False
    assert store.document("x") is None


def test_documents_before_records_keep_text(tmp_path):
    with Store(tmp_path / "d.db") as s:
        for doc, _ in corpus():
            s.add_document(doc)
        for _, rec in corpus():
            s.add(rec)
    s = Store(tmp_path / "d.db", readonly=True)
    assert s.events({"doc_id": "wire-2"})[0]["evidence"].startswith("شنت طائرات")
    assert ids(s.search("الموصل"), "id") == ["wire-1"]
    with pytest.raises(__import__("sqlite3").OperationalError):
        s.add_document({"id": "z", "text": "نص"})


def test_indexed_queries_use_indexes(store):
    plan = lambda sql, *p: " ".join(r[3] for r in store.con.execute("EXPLAIN QUERY PLAN " + sql, p))  # noqa: E731
    assert "event_actors_country" in plan(
        "SELECT event_id FROM event_actors WHERE role = ? AND country = ?", "actor", "TUR")
    assert "events_type_date" in plan("SELECT * FROM events WHERE type = ? AND date_start <= ?", "ASSAULT", "2015")
    assert "entity_names_name" in plan("SELECT doc_id FROM entity_names WHERE name_norm = ?", "x")


def test_readonly_store_is_shared_between_threads(store, tmp_path):
    shared = Store(store.path, readonly=True)
    results = []
    threads = [threading.Thread(target=lambda: results.append(len(shared.events({"type": "ASSAULT"}))))
               for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [3, 3, 3, 3]


def test_a_foreign_or_old_file_is_refused(tmp_path):
    import sqlite3
    con = sqlite3.connect(tmp_path / "old.db")
    con.execute("PRAGMA user_version=1")
    con.close()
    with pytest.raises(ValueError, match="schema version"):
        Store(tmp_path / "old.db")
    with pytest.raises(FileNotFoundError):
        Store(tmp_path / "missing.db", readonly=True)
