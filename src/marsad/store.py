"""The embedded store: documents, entities, quotes and events in one SQLite file,
with full-text search over normalized Arabic text.

Python API (stable; ``marsad index``, ``marsad query`` and ``marsad serve`` use it)::

    from marsad.store import Store
    with Store("marsad.db") as store:            # creates the file and schema if needed
        store.add(record, doc)                    # record: dict (SPEC.md) or Record;
                                                  # doc: the input document (text, title, source…)
    store = Store("marsad.db", readonly=True)     # for a server; safe to share between threads
    store.events({"actor_country": "TUR", "type": "ASSAULT",
                  "date_from": "2015-08-01", "date_to": "2015-08-31"}, limit=50, offset=0)
    store.count_events(filters)
    store.quotes(speaker="أردوغان", limit=50)     # any name or mention of the speaker, or speaker text
    store.documents(entity="داعش")                # documents naming an entity (name, mention or kb id)
    store.document("snn-42")                      # {"id", "date", "source", "title", "url", "text", "record"}
    store.entities(name=None, country=None, type=None)  # entities grouped by name, most documents first
    store.search("الحرس الثوري", limit=20)        # ranked documents with a snippet of the original text
    store.stats()                                 # counts, event types, outlets, date range
    store.clusters(filters, window_days=1)        # cross-article dedup of the matching events
    store.iter_events(filters), store.iter_records(), store.count_search(text)
    store.add_document(doc); store.add_many(pairs); store.commit(); store.close()

SQL of your own over the same tables (``store.con``, under ``store.lock``):
``event_where(filters)`` → ("WHERE …", params) over ``events e``; ``event_dict(row)``;
``fts_query(text)`` → an FTS5 MATCH expression for ``docs_fts`` (rowid = documents.rowid).

Event filters (all optional, combined with AND): ``type`` (a PLOVER type or a list),
``status``, ``actor`` / ``recipient`` (a name, any mention text, or a kb id),
``actor_country`` / ``recipient_country`` / ``country`` (either role),
``actor_sector`` / ``recipient_sector``, ``date_from`` / ``date_to`` (ISO days; an event
matches when its date range overlaps; events with no fixed date are then left out),
``doc_id``, ``doc_source`` (the outlet), ``location`` (a place name or GeoNames id).
Event rows have the columns of ``marsad.export.COLUMNS`` plus ``actors`` and ``recipients``
(lists of {name, entity, kb, country, sector}).

Names are compared in normalized form (``marsad.text.normalize.normalize``); a name
query also matches a name that contains it as whole words (``أردوغان`` → ``رجب طيب
أردوغان``). Search indexes every document's title and text normalized, and a light-stemmed
copy in which each word loses its proclitics (و ف ب ل ك س, لل → ال), so ``حزب العمال``
finds ``لحزب العمال`` and ``موسكو`` finds ``بموسكو``; a query is normalized and stemmed
the same way. Query syntax: words (all must occur), ``"a phrase"``, ``word*`` (prefix), ``OR``.
Adding a document id again replaces it.
"""
from __future__ import annotations

import re
import sqlite3
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator

import orjson

from .export import COLUMNS, as_dict, event_rows
from .text.normalize import normalize, normalize_with_map
from .text.segment import clitic_forms

SCHEMA_VERSION = 2

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
  rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, date TEXT, source TEXT, title TEXT,
  url TEXT, text TEXT, record TEXT);
CREATE INDEX IF NOT EXISTS documents_date ON documents(date);
CREATE TABLE IF NOT EXISTS entities (
  doc_id TEXT NOT NULL, eid TEXT NOT NULL, type TEXT, name TEXT, name_norm TEXT, name_en TEXT,
  kb TEXT, country TEXT, sector TEXT, mentions INTEGER, PRIMARY KEY (doc_id, eid));
CREATE INDEX IF NOT EXISTS entities_name ON entities(name_norm);
CREATE INDEX IF NOT EXISTS entities_kb ON entities(kb);
CREATE INDEX IF NOT EXISTS entities_country ON entities(country, type);
CREATE TABLE IF NOT EXISTS entity_names (doc_id TEXT NOT NULL, eid TEXT NOT NULL, name_norm TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS entity_names_name ON entity_names(name_norm);
CREATE INDEX IF NOT EXISTS entity_names_doc ON entity_names(doc_id, eid);
CREATE TABLE IF NOT EXISTS quotes (
  doc_id TEXT NOT NULL, qid INTEGER NOT NULL, start INTEGER, end INTEGER, text TEXT,
  direct INTEGER, speaker TEXT, speaker_name TEXT, speaker_text TEXT, speaker_text_norm TEXT,
  cue TEXT, addressee TEXT, PRIMARY KEY (doc_id, qid));
CREATE INDEX IF NOT EXISTS quotes_speaker_text ON quotes(speaker_text_norm);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(doc_id, speaker);
CREATE TABLE IF NOT EXISTS events (
  event_id TEXT PRIMARY KEY, doc_id TEXT NOT NULL, date TEXT, date_start TEXT, date_end TEXT,
  type TEXT, mode TEXT, cameo TEXT, goldstein REAL, quad_class INTEGER,
  actor_name TEXT, actor_country TEXT, actor_sector TEXT, actor_entity TEXT,
  recipient_name TEXT, recipient_country TEXT, recipient_sector TEXT, recipient_entity TEXT,
  location_name TEXT, location_name_norm TEXT, location_geonames_id INTEGER, lat REAL, lon REAL,
  status TEXT, source TEXT, doc_source TEXT, doc_date TEXT, trigger TEXT, evidence TEXT,
  confidence REAL, actors TEXT, recipients TEXT);
CREATE INDEX IF NOT EXISTS events_type_date ON events(type, date_start);
CREATE INDEX IF NOT EXISTS events_date ON events(date_start, date_end);
CREATE INDEX IF NOT EXISTS events_doc ON events(doc_id);
CREATE INDEX IF NOT EXISTS events_location ON events(location_name_norm);
CREATE INDEX IF NOT EXISTS events_geonames ON events(location_geonames_id);
CREATE TABLE IF NOT EXISTS event_actors (
  event_id TEXT NOT NULL, doc_id TEXT NOT NULL, role TEXT NOT NULL, entity TEXT,
  name_norm TEXT, kb TEXT, country TEXT, sector TEXT);
CREATE INDEX IF NOT EXISTS event_actors_country ON event_actors(role, country, sector);
CREATE INDEX IF NOT EXISTS event_actors_name ON event_actors(role, name_norm);
CREATE INDEX IF NOT EXISTS event_actors_kb ON event_actors(role, kb);
CREATE INDEX IF NOT EXISTS event_actors_event ON event_actors(event_id);
CREATE VIRTUAL TABLE IF NOT EXISTS docs_fts USING fts5(title, body, light, content='');
"""

EVENT_FILTERS = frozenset({
    "type", "status", "actor", "recipient", "actor_country", "recipient_country", "country",
    "actor_sector", "recipient_sector", "date_from", "date_to", "doc_id", "doc_source", "location"})
_WORD = re.compile(r"[\w\u0621-\u064a]+")
_QUERY_TOKEN = re.compile(r'"([^"]*)"|(\S+)')
SNIPPET_CHARS = 90


class Store:
    """One SQLite file (see the module docstring for the API)."""

    def __init__(self, path: str | Path, readonly: bool = False):
        self.path = str(path)
        self.readonly = readonly
        if readonly:
            if not Path(path).exists():
                raise FileNotFoundError(f"no store at {path}")
            uri = f"file:{Path(path).resolve()}?mode=ro"
            self.con = sqlite3.connect(uri, uri=True, check_same_thread=False)
        else:
            self.con = sqlite3.connect(self.path, check_same_thread=False)
        version = self.con.execute("PRAGMA user_version").fetchone()[0]
        if version not in (0, SCHEMA_VERSION) or (readonly and version == 0):
            self.con.close()
            raise ValueError(f"{path} is not a Marsad store of schema version {SCHEMA_VERSION} "
                             f"(found {version}); rebuild it with marsad index")
        if not readonly:
            self.con.execute("PRAGMA journal_mode=WAL")
            self.con.execute("PRAGMA synchronous=NORMAL")
            self.con.executescript(SCHEMA)
            self.con.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        self.con.row_factory = sqlite3.Row
        self.lock = threading.RLock()

    # -- life cycle -------------------------------------------------------------
    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        if exc[0] is None and not self.readonly:
            self.commit()
        self.close()

    def commit(self) -> None:
        with self.lock:
            self.con.commit()

    def close(self) -> None:
        self.con.close()

    # -- writing ----------------------------------------------------------------
    def add(self, record: Any, doc: dict | None = None) -> bool:
        """Add (or replace) one record and its document; False for an error record.
        Call ``commit()`` (or use the store as a context manager) to make it durable."""
        rec = as_dict(record)
        if rec.get("error") or rec.get("id") is None:
            return False
        doc_id = str(rec["id"])
        with self.lock:
            if self.con.execute("SELECT 1 FROM documents WHERE id=? AND record IS NOT NULL",
                                (doc_id,)).fetchone():
                self._delete_annotations(doc_id)
            if doc is not None:
                self._put_document(doc_id, doc, rec.get("date"))
            elif self._document_row(doc_id) is None:
                self._put_document(doc_id, {}, rec.get("date"))
            text_row = self.con.execute("SELECT text, source FROM documents WHERE id=?", (doc_id,)).fetchone()
            full_doc = {"text": text_row["text"], "source": text_row["source"]}
            self.con.execute("UPDATE documents SET record=?, date=coalesce(date, ?) WHERE id=?",
                             (orjson.dumps(_without_doc(rec)).decode(), rec.get("date"), doc_id))
            self._put_entities(doc_id, rec)
            self._put_quotes(doc_id, rec)
            self._put_events(rec, full_doc)
        return True

    def add_document(self, doc: dict) -> None:
        """Add (or replace) a document's text and metadata without a record."""
        if doc.get("id") is None:
            raise ValueError("a stored document needs an id")
        with self.lock:
            self._put_document(str(doc["id"]), doc, doc.get("date"))

    def add_many(self, pairs: Iterable[tuple[Any, dict | None]], commit_every: int = 1000) -> int:
        """Add (record, doc) pairs, committing every ``commit_every``; returns how many were added."""
        n = 0
        for record, doc in pairs:
            n += self.add(record, doc)
            if n % commit_every == 0:
                self.commit()
        self.commit()
        return n

    def _document_row(self, doc_id: str):
        return self.con.execute("SELECT rowid, title, text FROM documents WHERE id=?", (doc_id,)).fetchone()

    def _put_document(self, doc_id: str, doc: dict, date: str | None) -> None:
        old = self._document_row(doc_id)
        if old is not None:
            if old["text"] is not None:
                self.con.execute("INSERT INTO docs_fts(docs_fts, rowid, title, body, light) "
                                 "VALUES('delete', ?, ?, ?, ?)",
                                 (old["rowid"], *_fts_values(old["title"], old["text"])))
            self.con.execute("UPDATE documents SET date=?, source=?, title=?, url=?, text=? WHERE id=?",
                             (doc.get("date") or date, doc.get("source"), doc.get("title"),
                              doc.get("url"), doc.get("text"), doc_id))
            rowid = old["rowid"]
        else:
            rowid = self.con.execute(
                "INSERT INTO documents(id, date, source, title, url, text) VALUES (?,?,?,?,?,?)",
                (doc_id, _str(doc.get("date") or date), doc.get("source"), doc.get("title"),
                 doc.get("url"), doc.get("text"))).lastrowid
        if doc.get("text"):
            self.con.execute("INSERT INTO docs_fts(rowid, title, body, light) VALUES (?,?,?,?)",
                             (rowid, *_fts_values(doc.get("title"), doc["text"])))

    def _delete_annotations(self, doc_id: str) -> None:
        self.con.execute("DELETE FROM event_actors WHERE event_id IN "
                         "(SELECT event_id FROM events WHERE doc_id=?)", (doc_id,))
        for table in ("entities", "entity_names", "quotes", "events"):
            self.con.execute(f"DELETE FROM {table} WHERE doc_id=?", (doc_id,))

    def _put_entities(self, doc_id: str, rec: dict) -> None:
        ents, names = [], []
        for e in rec.get("entities") or ():
            mentions = e.get("mentions") or ()
            ents.append((doc_id, e["id"], e.get("type"), e.get("name"), norm_name(e.get("name") or ""),
                         e.get("name_en"), e.get("kb"), e.get("country"), e.get("sector"), len(mentions)))
            forms = {norm_name(e.get("name") or "")} | {norm_name(m["text"]) for m in mentions if m.get("text")}
            names.extend((doc_id, e["id"], f) for f in forms if f)
        self.con.executemany("INSERT OR REPLACE INTO entities VALUES (?,?,?,?,?,?,?,?,?,?)", ents)
        self.con.executemany("INSERT INTO entity_names VALUES (?,?,?)", names)

    def _put_quotes(self, doc_id: str, rec: dict) -> None:
        names = {e["id"]: e.get("name") for e in rec.get("entities") or ()}
        self.con.executemany("INSERT OR REPLACE INTO quotes VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", [
            (doc_id, i, q.get("start"), q.get("end"), q.get("text"), int(bool(q.get("direct"))),
             q.get("speaker"), names.get(q.get("speaker")), q.get("speaker_text"),
             norm_name(q.get("speaker_text") or ""), q.get("cue"), q.get("addressee"))
            for i, q in enumerate(rec.get("quotes") or (), 1)])

    def _put_events(self, rec: dict, doc: dict) -> None:
        for row in event_rows(rec, doc):
            values = [row.get(c) for c in COLUMNS]
            values.insert(COLUMNS.index("location_geonames_id"), norm_name(row["location_name"] or ""))
            self.con.execute(f"INSERT OR REPLACE INTO events VALUES ({','.join('?' * (len(COLUMNS) + 3))})",
                             (*values, orjson.dumps(row["actors"]).decode(),
                              orjson.dumps(row["recipients"]).decode()))
            self.con.executemany("INSERT INTO event_actors VALUES (?,?,?,?,?,?,?,?)", [
                (row["event_id"], row["doc_id"], role, a["entity"], norm_name(a["name"] or ""),
                 a["kb"], a["country"], a["sector"])
                for role, actors in (("actor", row["actors"]), ("recipient", row["recipients"]))
                for a in actors])

    # -- events -----------------------------------------------------------------
    def events(self, filters: dict | None = None, limit: int | None = 100, offset: int = 0) -> list[dict]:
        """Events matching ``filters``, by date then id."""
        return list(self.iter_events(filters, limit, offset))

    def iter_events(self, filters: dict | None = None, limit: int | None = None,
                    offset: int = 0) -> Iterator[dict]:
        where, params = event_where(filters or {})
        sql = (f"SELECT * FROM events e {where} ORDER BY coalesce(e.date_start, e.doc_date), e.event_id"
               f" LIMIT ? OFFSET ?")
        with self.lock:
            rows = self.con.execute(sql, (*params, -1 if limit is None else limit, offset)).fetchall()
        for r in rows:
            yield event_dict(r)

    def count_events(self, filters: dict | None = None) -> int:
        where, params = event_where(filters or {})
        with self.lock:
            return self.con.execute(f"SELECT count(*) FROM events e {where}", params).fetchone()[0]

    def clusters(self, filters: dict | None = None, window_days: int = 1) -> list[dict]:
        """Cross-article dedup of the matching events (see ``marsad.dedup``)."""
        from .dedup import cluster_events

        return cluster_events(self.iter_events(filters), window_days=window_days)

    # -- quotes, entities, documents ----------------------------------------------
    def quotes(self, speaker: str | None = None, doc_id: str | None = None,
               limit: int | None = 100, offset: int = 0) -> list[dict]:
        """Quotes, optionally by speaker (a name, any mention text, kb id, or the speaker text)."""
        clauses, params = [], []
        if speaker:
            clauses.append(f"({_name_sql('q.speaker_text_norm')} OR EXISTS (SELECT 1 FROM entity_names n "
                           f"WHERE n.doc_id = q.doc_id AND n.eid = q.speaker AND {_name_sql('n.name_norm')}) "
                           "OR EXISTS (SELECT 1 FROM entities x WHERE x.doc_id = q.doc_id "
                           "AND x.eid = q.speaker AND x.kb = ?))")
            params += [*_name_params(speaker), *_name_params(speaker), speaker.strip()]
        if doc_id:
            clauses.append("q.doc_id = ?")
            params.append(doc_id)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        sql = (f"SELECT q.*, d.date AS doc_date, d.source AS doc_source FROM quotes q "
               f"JOIN documents d ON d.id = q.doc_id {where} ORDER BY d.date, q.doc_id, q.qid "
               f"LIMIT ? OFFSET ?")
        with self.lock:
            rows = self.con.execute(sql, (*params, -1 if limit is None else limit, offset)).fetchall()
        return [_quote_dict(r) for r in rows]

    def entities(self, name: str | None = None, country: str | None = None, type: str | None = None,
                 limit: int | None = 100, offset: int = 0) -> list[dict]:
        """Entities grouped by (name, type, country, sector, kb), most documents first."""
        clauses, params = [], []
        if name:
            clauses.append("(e.kb = ? OR EXISTS (SELECT 1 FROM entity_names n WHERE n.doc_id = e.doc_id "
                           f"AND n.eid = e.eid AND {_name_sql('n.name_norm')}))")
            params += [name.strip(), *_name_params(name)]
        for col, value in (("country", country), ("type", type)):
            if value:
                clauses.append(f"e.{col} = ?")
                params.append(value)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        sql = (f"SELECT e.name, e.type, e.country, e.sector, e.kb, e.name_en, count(DISTINCT e.doc_id) AS docs, "
               f"sum(e.mentions) AS mentions FROM entities e {where} "
               f"GROUP BY e.name_norm, e.type, e.country, e.sector, e.kb ORDER BY docs DESC, e.name "
               f"LIMIT ? OFFSET ?")
        with self.lock:
            rows = self.con.execute(sql, (*params, -1 if limit is None else limit, offset)).fetchall()
        return [dict(r) for r in rows]

    def documents(self, entity: str | None = None, limit: int | None = 100, offset: int = 0) -> list[dict]:
        """Document summaries (id, date, source, title, url), optionally those naming ``entity``."""
        params: list = []
        where = ""
        if entity:
            where = (f"WHERE d.id IN (SELECT doc_id FROM entity_names WHERE {_name_sql('name_norm')} "
                     "UNION SELECT doc_id FROM entities WHERE kb = ?)")
            params = [*_name_params(entity), entity.strip()]
        sql = (f"SELECT d.id, d.date, d.source, d.title, d.url FROM documents d {where} "
               f"ORDER BY d.date, d.id LIMIT ? OFFSET ?")
        with self.lock:
            rows = self.con.execute(sql, (*params, -1 if limit is None else limit, offset)).fetchall()
        return [dict(r) for r in rows]

    def document(self, doc_id: str) -> dict | None:
        """One document with its text and record (a dict, or None if not indexed)."""
        with self.lock:
            r = self.con.execute("SELECT id, date, source, title, url, text, record FROM documents "
                                 "WHERE id=?", (doc_id,)).fetchone()
        if r is None:
            return None
        d = dict(r)
        d["record"] = orjson.loads(d["record"]) if d["record"] else None
        return d

    def iter_records(self) -> Iterator[tuple[dict, dict]]:
        """(record, document) for every indexed document, in id order."""
        with self.lock:
            rows = self.con.execute("SELECT id, date, source, title, url, text, record FROM documents "
                                    "WHERE record IS NOT NULL ORDER BY id").fetchall()
        for r in rows:
            doc = dict(r)
            yield orjson.loads(doc.pop("record")), doc

    # -- search -------------------------------------------------------------------
    def search(self, query: str, limit: int = 20, offset: int = 0) -> list[dict]:
        """Documents matching ``query`` (normalized), best first, each with a snippet of
        the original text around the first hit: {id, date, source, title, snippet, match, score}.
        ``match`` is [start, end] of the hit in the document text (or None)."""
        fts = fts_query(query)
        if not fts:
            return []
        sql = ("SELECT d.id, d.date, d.source, d.title, d.text, bm25(docs_fts) AS score "
               "FROM docs_fts JOIN documents d ON d.rowid = docs_fts.rowid "
               "WHERE docs_fts MATCH ? ORDER BY score LIMIT ? OFFSET ?")
        with self.lock:
            try:
                rows = self.con.execute(sql, (fts, limit, offset)).fetchall()
            except sqlite3.OperationalError as e:
                raise ValueError(f"bad search query {query!r}: {e}") from None
        terms = _query_terms(query)
        terms += [light_stem(t) for t in terms if " " not in t]
        hits = []
        for r in rows:
            hit = dict(r)
            text = hit.pop("text") or ""
            hit["snippet"], hit["match"] = snippet(text, terms)
            hits.append(hit)
        return hits

    def count_search(self, query: str) -> int:
        fts = fts_query(query)
        if not fts:
            return 0
        with self.lock:
            return self.con.execute("SELECT count(*) FROM docs_fts WHERE docs_fts MATCH ?", (fts,)).fetchone()[0]

    # -- summary ------------------------------------------------------------------
    def stats(self) -> dict:
        """Counts of documents, entities, quotes and events; events per type; outlets; dates."""
        q = lambda sql: self.con.execute(sql).fetchall()  # noqa: E731
        with self.lock:
            counts = {t: q(f"SELECT count(*) FROM {t}")[0][0]
                      for t in ("documents", "entities", "quotes", "events")}
            counts["records"] = q("SELECT count(*) FROM documents WHERE record IS NOT NULL")[0][0]
            first, last = q("SELECT min(date), max(date) FROM documents")[0]
            return {**counts,
                    "event_types": dict(q("SELECT type, count(*) FROM events GROUP BY type ORDER BY 2 DESC")),
                    "sources": dict(q("SELECT source, count(*) FROM documents WHERE source IS NOT NULL "
                                      "GROUP BY source ORDER BY 2 DESC")),
                    "first_date": first, "last_date": last}


def _str(value: Any) -> str | None:
    return None if value is None else str(value)


def _without_doc(rec: dict) -> dict:
    return {k: v for k, v in rec.items() if k != "doc"}


_LIGHT: dict[str, str] = {}
MAX_CACHED_WORDS = 500_000


def light_stem(word: str) -> str:
    """A word without its proclitics: the reading that keeps the article (وبالعراق →
    العراق, للعراق → العراق), else the most stripped one (لحزب → حزب)."""
    stem = _LIGHT.get(word)
    if stem is None:
        forms = [f for f, _ in clitic_forms(word)]
        with_article = [f for f in forms if f.startswith("ال")]
        stem = with_article[-1] if with_article else forms[-1]
        if len(_LIGHT) < MAX_CACHED_WORDS:
            _LIGHT[word] = stem
    return stem


def _light(norm: str) -> str:
    get = _LIGHT.get
    return " ".join([get(w) or light_stem(w) for w in _WORD.findall(norm)])


norm_name = lru_cache(maxsize=100_000)(normalize)


def _fts_values(title: str | None, text: str) -> tuple[str, str, str]:
    norm = normalize(text)
    title_norm = normalize(title or "")
    return title_norm, norm, _light(title_norm + " . " + norm)


def _query_terms(query: str) -> list[str]:
    terms = []
    for phrase, word in _QUERY_TOKEN.findall(normalize(query)):
        if phrase:
            terms.append(" ".join(_WORD.findall(phrase)))
        elif word != "OR":
            terms.extend(w for w in _WORD.findall(word))
    return [t for t in terms if t]


def fts_query(query: str) -> str:
    """A user query → an FTS5 MATCH expression: each word or phrase matches either the
    normalized text (exactly) or its light-stemmed copy."""
    parts = []
    for phrase, word in _QUERY_TOKEN.findall(normalize(query)):
        if word == "OR":
            if parts and parts[-1] != "OR":
                parts.append("OR")
            continue
        words = _WORD.findall(phrase or word)
        if not words:
            continue
        star = "*" if word.endswith("*") else ""
        groups = [words] if phrase else [[w] for w in words]
        for ws in groups:
            exact, light = " ".join(ws), " ".join(light_stem(w) for w in ws)
            parts.append('({title body}: "%s"%s OR light: "%s"%s)' % (exact, star, light, star))
    while parts and parts[-1] == "OR":
        parts.pop()
    if parts and parts[0] == "OR":
        parts.pop(0)
    out = []
    for part in parts:  # FTS5 needs an explicit AND between parenthesized groups
        if out and part != "OR" and out[-1] != "OR":
            out.append("AND")
        out.append(part)
    return " ".join(out)


def snippet(text: str, terms: list[str], width: int = SNIPPET_CHARS) -> tuple[str, list[int] | None]:
    """A window of the original text around the first occurrence of a term (matched in
    normalized form, also after a proclitic), and the hit's [start, end] in the text."""
    norm, norm_map = normalize_with_map(text)
    best = None
    for term in terms:
        m = re.search(rf"(?<![\w\u0621-\u064a]){re.escape(term)}", norm) or re.search(re.escape(term), norm)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), m.end())
    if best is None:
        return text[:2 * width].strip(), None
    to_orig = (lambda i: i) if norm_map is None else (
        lambda i: norm_map[i] if i < len(norm_map) else len(text))
    start, end = to_orig(best[0]), to_orig(best[1] - 1) + 1
    lo, hi = max(0, start - width), min(len(text), end + width)
    prefix = "…" if lo > 0 else ""
    suffix = "…" if hi < len(text) else ""
    return prefix + text[lo:hi].replace("\n", " ") + suffix, [start, end]


def _name_sql(column: str) -> str:
    """A name column equal to the query, or containing it as whole words."""
    return f"({column} = ? OR ' ' || {column} || ' ' LIKE ? ESCAPE '\\')"


def _name_params(value: Any) -> list[str]:
    key = normalize(str(value).strip())
    escaped = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return [key, f"% {escaped} %"]


def event_where(filters: dict) -> tuple[str, list]:
    unknown = set(filters) - EVENT_FILTERS
    if unknown:
        raise ValueError(f"unknown event filter(s): {', '.join(sorted(unknown))}; "
                         f"known: {', '.join(sorted(EVENT_FILTERS))}")
    clauses, params = [], []

    def add(sql: str, *values) -> None:
        clauses.append(sql)
        params.extend(values)

    for key, value in filters.items():
        if value is None or value == "" or value == []:
            continue
        if key == "type":
            types = [value] if isinstance(value, str) else list(value)
            add(f"e.type IN ({','.join('?' * len(types))})", *[t.upper() for t in types])
        elif key in ("status", "doc_id", "doc_source"):
            add(f"e.{key} = ?", value)
        elif key in ("actor", "recipient"):
            add("e.event_id IN (SELECT a.event_id FROM event_actors a WHERE a.role = ? AND "
                f"({_name_sql('a.name_norm')} OR a.kb = ? OR EXISTS (SELECT 1 FROM entity_names n WHERE "
                f"n.doc_id = a.doc_id AND n.eid = a.entity AND {_name_sql('n.name_norm')})))",
                key, *_name_params(value), str(value).strip(), *_name_params(value))
        elif key in ("actor_country", "recipient_country"):
            add("e.event_id IN (SELECT event_id FROM event_actors WHERE role = ? AND country = ?)",
                key.split("_")[0], value.upper())
        elif key == "country":
            add("e.event_id IN (SELECT event_id FROM event_actors WHERE role IN ('actor', 'recipient') "
                "AND country = ?)", value.upper())
        elif key in ("actor_sector", "recipient_sector"):
            add("e.event_id IN (SELECT event_id FROM event_actors WHERE role = ? AND sector = ?)",
                key.split("_")[0], value.upper())
        elif key == "date_from":
            add("e.date_end >= ?", str(value))
        elif key == "date_to":
            add("e.date_start <= ?", str(value))
        elif key == "location":
            value = str(value).strip()
            if value.isdigit():
                add("e.location_geonames_id = ?", int(value))
            else:
                add("e.location_name_norm = ?", normalize(value))
    return (f"WHERE {' AND '.join(clauses)}" if clauses else ""), params


def event_dict(row: sqlite3.Row) -> dict:
    d = {c: row[c] for c in COLUMNS}
    d["actors"] = orjson.loads(row["actors"]) if row["actors"] else []
    d["recipients"] = orjson.loads(row["recipients"]) if row["recipients"] else []
    return d


def _quote_dict(row: sqlite3.Row) -> dict:
    d = dict(row)
    d.pop("speaker_text_norm", None)
    d["direct"] = bool(d["direct"])
    return d


