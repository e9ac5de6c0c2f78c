"""marsad index: load records (and their documents) into the SQLite store."""
from __future__ import annotations

import sys


def add_arguments(p) -> None:
    p.add_argument("records", nargs="+", metavar="RECORDS", help="records JSONL(.gz), e.g. from marsad batch")
    p.add_argument("--db", required=True, help="the store (created if missing)")
    p.add_argument("--docs", nargs="*", default=(), metavar="DOCS",
                   help="input documents JSONL(.gz) giving the texts (not needed when the records "
                   "carry them: marsad batch --with-text); documents without an id are matched "
                   "by their batch key <file name>:<line>")
    p.add_argument("--quiet", action="store_true", help="no progress bar or summary")


def run(args) -> int:
    from tqdm import tqdm

    from ..export import iter_documents, iter_record_lines
    from ..store import Store

    bad = 0
    try:
        store = Store(args.db)
    except ValueError as e:
        print(f"marsad: {e}", file=sys.stderr)
        return 2
    with store:
        for path in args.docs:
            for n, doc in enumerate(tqdm(iter_documents(path), desc=f"documents {path}",
                                         unit="doc", disable=args.quiet, file=sys.stderr), 1):
                store.add_document(doc)
                if n % 1000 == 0:
                    store.commit()
        store.commit()
        for path in args.records:
            for n, (record, error) in enumerate(tqdm(iter_record_lines(path), desc=f"records {path}",
                                                     unit="rec", disable=args.quiet, file=sys.stderr), 1):
                if error:
                    bad += 1
                    continue
                doc = record.pop("doc", None)
                if doc is not None:
                    doc = {**doc, "id": record.get("id"), "date": record.get("date")}
                bad += not store.add(record, doc)
                if n % 1000 == 0:
                    store.commit()
        stats = store.stats()
    if not args.quiet:
        print(f"{args.db}: {stats['records']} records, {stats['documents']} documents, "
              f"{stats['entities']} entities, {stats['quotes']} quotes, {stats['events']} events"
              f"{f'; {bad} lines skipped (unreadable or error records)' if bad else ''}", file=sys.stderr)
    return 0
