"""The server's read-only view of the store (``marsad.store.Store``), plus the few
queries the web interface needs that the store does not offer: sorted and
text-filtered event pages with a total, quote pages, a day × type timeline, and
cooperation vs conflict per country pair. Filters are the store's own (its WHERE
builder), so the API and ``marsad query`` select the same events."""
from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from ..store import Store, event_dict, event_where, fts_query
from ..text.normalize import normalize

SORT_COLUMNS = {"date": "coalesce(e.date_start, e.doc_date)", "type": "e.type", "status": "e.status",
                "goldstein": "e.goldstein", "doc_id": "e.doc_id"}
WORD = re.compile(r"[\w\u0621-\u064a]+")
DAY = "CASE WHEN e.date_start = e.date_end THEN e.date_start ELSE e.doc_date END"


class NotAStore(ValueError):
    pass


class Corpus:
    def __init__(self, path: Path):
        try:
            self.store = Store(path, readonly=True)
            self.store.con.execute("SELECT count(*) FROM events JOIN documents ON 0").fetchone()
        except (OSError, sqlite3.Error) as e:
            raise NotAStore(f"{path} is not a Marsad store ({e}); build one with marsad index") from None
        self.store.con.create_function("marsad_norm", 1, _norm, deterministic=True)

    def close(self) -> None:
        self.store.close()

    def _where(self, filters) -> tuple[str, list]:
        """The store's WHERE clause for the filters, plus the text filter: every word
        of ``text`` occurs in the event's evidence sentence (normalized; proclitics allowed)."""
        store_filters = {k: getattr(filters, k) for k in
                         ("type", "actor_country", "recipient_country", "date_from", "date_to")}
        store_filters = {k: (v.isoformat() if hasattr(v, "isoformat") else v)
                         for k, v in store_filters.items() if v}
        where, params = event_where(store_filters)
        words = WORD.findall(normalize(filters.text or ""))
        if not words:
            return where, params
        clauses = ["instr(marsad_norm(e.evidence), ?) > 0"] * len(words)
        params = [*params, *words]
        # The store's full-text index first narrows the documents (fast); then the sentence test.
        if fts := " AND ".join(q for q in map(fts_query, words) if q):
            clauses.insert(0, "e.doc_id IN (SELECT d.id FROM docs_fts JOIN documents d "
                              "ON d.rowid = docs_fts.rowid WHERE docs_fts MATCH ?)")
            params.insert(len(params) - len(words), fts)
        return (f"{where} AND " if where else "WHERE ") + " AND ".join(clauses), params

    def _rows(self, sql: str, params) -> list:
        with self.store.lock:
            return self.store.con.execute(sql, params).fetchall()

    def events(self, filters, limit: int, offset: int, sort: str, descending: bool) -> tuple[int, list[dict]]:
        where, params = self._where(filters)
        total = self._rows(f"SELECT count(*) FROM events e {where}", params)[0][0]
        direction = "DESC" if descending else "ASC"
        rows = self._rows(f"SELECT * FROM events e {where} ORDER BY {SORT_COLUMNS[sort]} {direction} "
                          f"NULLS LAST, e.event_id LIMIT ? OFFSET ?", [*params, limit, offset])
        return total, [event_dict(r) for r in rows]

    def quotes(self, speaker: str, limit: int, offset: int) -> tuple[list[dict], bool]:
        rows = self.store.quotes(speaker=speaker, limit=limit + 1, offset=offset)
        return rows[:limit], len(rows) > limit

    def document(self, doc_id: str) -> dict | None:
        return self.store.document(doc_id)

    def stats(self) -> dict:
        return self.store.stats()

    def timeline(self, filters) -> list[dict]:
        where, params = self._where(filters)
        where = f"{where} AND" if where else "WHERE"
        rows = self._rows(f"SELECT {DAY} AS day, e.type, count(*) FROM events e {where} {DAY} IS NOT NULL "
                          f"GROUP BY day, e.type ORDER BY day", params)
        return [{"date": day, "type": type_, "count": n} for day, type_, n in rows]

    def pairs(self, filters, limit: int) -> list[dict]:
        """Per (actor country, recipient country): events, cooperation (quad class 1-2),
        conflict (3-4) and mean Goldstein, as the records give them."""
        where, params = self._where(filters)
        where = f"{where} AND" if where else "WHERE"
        rows = self._rows(
            "SELECT a.country, r.country, count(DISTINCT e.event_id), "
            "count(DISTINCT CASE WHEN e.quad_class IN (1, 2) THEN e.event_id END), "
            "count(DISTINCT CASE WHEN e.quad_class IN (3, 4) THEN e.event_id END), avg(e.goldstein) "
            "FROM events e JOIN event_actors a ON a.event_id = e.event_id AND a.role = 'actor' "
            "JOIN event_actors r ON r.event_id = e.event_id AND r.role = 'recipient' "
            f"{where} a.country IS NOT NULL AND r.country IS NOT NULL "
            "GROUP BY a.country, r.country ORDER BY 3 DESC, 1, 2 LIMIT ?", [*params, limit])
        return [{"actor_country": a, "recipient_country": r, "events": n, "cooperation": coop,
                 "conflict": conf, "goldstein": None if g is None else round(g, 2)}
                for a, r, n, coop, conf, g in rows]


def _norm(text: str | None) -> str:
    return normalize(text) if text else ""
