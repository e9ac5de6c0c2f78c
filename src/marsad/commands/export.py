"""marsad export: the events table (CSV or Parquet) from records or from a store."""
from __future__ import annotations

import sys


def add_arguments(p) -> None:
    p.add_argument("records", nargs="*", metavar="RECORDS",
                   help="records JSONL(.gz) (or use --db)")
    p.add_argument("--db", help="read the events from this store instead of records files")
    p.add_argument("--events", required=True, metavar="OUT",
                   help="the events table: OUT.csv, OUT.tsv or OUT.parquet")
    p.add_argument("--docs", nargs="*", default=(), metavar="DOCS",
                   help="input documents JSONL(.gz), for the evidence sentences of records "
                   "that do not carry their text (held in memory)")
    p.add_argument("--dedup", action="store_true",
                   help="one row per happening across documents (see marsad.dedup)")
    p.add_argument("--window", type=int, default=1, help="dedup: days apart two reports may be (default 1)")


def run(args) -> int:
    from ..dedup import DEDUP_COLUMNS, cluster_events
    from ..export import COLUMNS, iter_events, load_documents, write_table

    if bool(args.db) == bool(args.records):
        print("marsad: give records files or --db (one of the two)", file=sys.stderr)
        return 2
    if args.db:
        from ..store import Store
        try:
            rows = Store(args.db, readonly=True).iter_events()
        except (FileNotFoundError, ValueError) as e:
            print(f"marsad: {e}", file=sys.stderr)
            return 2
    else:
        rows = iter_events(args.records, load_documents(args.docs) if args.docs else None)
    try:
        if args.dedup:
            n = write_table(cluster_events(rows, args.window), args.events, DEDUP_COLUMNS)
        else:
            n = write_table(rows, args.events, COLUMNS)
    except ValueError as e:
        print(f"marsad: {e}", file=sys.stderr)
        return 2
    print(f"{n} {'happenings' if args.dedup else 'events'} → {args.events}", file=sys.stderr)
    return 0
