"""marsad query: events, quotes, documents, entities or full-text search in a store."""
from __future__ import annotations

import argparse
import sys

import orjson

TABLE_COLUMNS = {
    "events": ("event_id", "date", "type", "actor_name", "actor_country", "recipient_name",
               "recipient_country", "location_name", "status"),
    "clusters": ("cluster_id", "date_start", "type", "actor_name", "recipient_name", "location_name", "n_docs"),
    "quotes": ("doc_id", "doc_date", "speaker_name", "speaker_text", "text"),
    "docs": ("id", "date", "source", "title"),
    "entities": ("name", "type", "country", "sector", "kb", "docs"),
    "search": ("id", "date", "source", "title", "snippet"),
}
CELL_WIDTH = 40


def _common(p) -> None:
    p.add_argument("--db", default=argparse.SUPPRESS, help="the store (see marsad index)")
    p.add_argument("--limit", type=int, default=argparse.SUPPRESS,
                   help="rows to print (default 20; 0 = all)")
    p.add_argument("--offset", type=int, default=argparse.SUPPRESS)
    p.add_argument("--format", choices=("table", "jsonl"), default=argparse.SUPPRESS,
                   help="table or jsonl (default: table on a terminal, jsonl otherwise)")


def add_arguments(p) -> None:
    _common(p)
    p.set_defaults(db=None, limit=20, offset=0, format=None)
    common = argparse.ArgumentParser(add_help=False)
    _common(common)
    sub = p.add_subparsers(dest="what", metavar="WHAT", required=True)
    sub_parser = sub.add_parser

    def add_parser(name, **kw):
        return sub_parser(name, parents=[common], **kw)
    sub.add_parser = add_parser
    ev = sub.add_parser("events", help="events by actor, recipient, country, type, date range…")
    for name in ("actor", "recipient", "actor-country", "recipient-country", "country",
                 "actor-sector", "recipient-sector", "status", "location"):
        ev.add_argument(f"--{name}")
    ev.add_argument("--type", help="PLOVER type(s), comma-separated")
    ev.add_argument("--from", dest="date_from", help="first day (YYYY-MM-DD)")
    ev.add_argument("--to", dest="date_to", help="last day (YYYY-MM-DD)")
    ev.add_argument("--doc", dest="doc_id")
    ev.add_argument("--source", dest="doc_source", help="the outlet")
    ev.add_argument("--dedup", action="store_true", help="one row per happening across documents")
    ev.add_argument("--window", type=int, default=1, help="dedup window in days (default 1)")
    q = sub.add_parser("quotes", help="quotes, by speaker")
    q.add_argument("--speaker", help="a name or mention of the speaker, or the speaker text")
    q.add_argument("--doc", dest="doc_id")
    d = sub.add_parser("docs", help="documents, by entity")
    d.add_argument("--entity", help="a name or mention of the entity, or its kb id")
    e = sub.add_parser("entities", help="entities, most documents first")
    e.add_argument("--name")
    e.add_argument("--country")
    e.add_argument("--type")
    s = sub.add_parser("search", help="full-text search (normalized Arabic)")
    s.add_argument("text", help='words (all must occur), "a phrase", word*, OR')
    sub.add_parser("stats", help="counts")


def run(args) -> int:
    from ..store import Store

    if not args.db:
        print("marsad: query needs --db STORE", file=sys.stderr)
        return 2
    try:
        store = Store(args.db, readonly=True)
    except (FileNotFoundError, ValueError) as e:
        print(f"marsad: {e}", file=sys.stderr)
        return 2
    limit = args.limit or None
    try:
        kind, rows = _rows(store, args, limit)
    except ValueError as e:
        print(f"marsad: {e}", file=sys.stderr)
        return 2
    fmt = args.format or ("table" if sys.stdout.isatty() else "jsonl")
    if kind == "stats" or fmt == "jsonl":
        out = sys.stdout.buffer
        for row in rows:
            out.write(orjson.dumps(row) + b"\n")
    else:
        _print_table(rows, TABLE_COLUMNS[kind])
    return 0


def _rows(store, args, limit):
    if args.what == "events":
        filters = {k: getattr(args, k) for k in ("actor", "recipient", "actor_country", "recipient_country",
                                                  "country", "actor_sector", "recipient_sector", "status",
                                                  "location", "date_from", "date_to", "doc_id", "doc_source")}
        if args.type:
            filters["type"] = args.type.split(",")
        if args.dedup:
            clusters = store.clusters(filters, args.window)
            return "clusters", clusters[args.offset:][:limit] if limit else clusters[args.offset:]
        return "events", store.events(filters, limit, args.offset)
    if args.what == "quotes":
        return "quotes", store.quotes(args.speaker, args.doc_id, limit, args.offset)
    if args.what == "docs":
        return "docs", store.documents(args.entity, limit, args.offset)
    if args.what == "entities":
        return "entities", store.entities(args.name, args.country, args.type, limit, args.offset)
    if args.what == "search":
        return "search", store.search(args.text, limit or 1000, args.offset)
    return "stats", [store.stats()]


def _cell(value) -> str:
    if isinstance(value, list):
        value = "; ".join(map(str, value))
    text = "" if value is None else str(value).replace("\n", " ")
    return text if len(text) <= CELL_WIDTH else text[:CELL_WIDTH - 1] + "…"


def _print_table(rows, columns) -> None:
    cells = [[_cell(r.get(c)) for c in columns] for r in rows]
    widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
    print("  ".join(c.ljust(w) for c, w in zip(columns, widths)))
    for row in cells:
        print("  ".join(v.ljust(w) for v, w in zip(row, widths)))
    print(f"({len(rows)} rows)", file=sys.stderr)
