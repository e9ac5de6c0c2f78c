"""marsad batch: a corpus → records (parallel, resumable, bad inputs to OUT.errors.jsonl)."""
from __future__ import annotations

import sys


def add_arguments(p) -> None:
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="JSONL(.gz) documents, a folder of .txt articles (id = file stem), "
                   "a .txt article, or CSV/TSV(.gz)")
    p.add_argument("--out", required=True, help="records file, OUT.jsonl or OUT.jsonl.gz; a rerun "
                   "with the same --out skips the documents already done")
    p.add_argument("--workers", type=int, default=None, help="worker processes (default: all cores)")
    p.add_argument("--stages", help="comma-separated pipeline stages (default: all)")
    p.add_argument("--with-text", action="store_true",
                   help="add the document (title, source, url, text) to each record as \"doc\"")
    p.add_argument("--db", help="also load the records and documents into this SQLite store")
    p.add_argument("--quiet", action="store_true", help="no progress bar or summary")
    p.add_argument("--chunk-size", type=int, default=32, help="documents per work unit (default 32)")
    g = p.add_argument_group("CSV/TSV input")
    g.add_argument("--text-column", default="text")
    g.add_argument("--id-column", default="id")
    g.add_argument("--date-column", default="date")
    g.add_argument("--title-column", default="title")
    g.add_argument("--source-column", default="source")
    g.add_argument("--url-column", default="url")
    g.add_argument("--delimiter", help="field delimiter (default: ',' or a tab for .tsv)")


def run(args) -> int:
    from ..batch import CsvColumns, run_batch
    from ..pipeline import STAGES

    stages = args.stages.split(",") if args.stages else None
    unknown = [s for s in stages or () if s not in STAGES]
    if unknown:
        print(f"marsad: unknown stage(s) {', '.join(unknown)}; known: {', '.join(STAGES)}", file=sys.stderr)
        return 2
    columns = CsvColumns(args.text_column, args.id_column, args.date_column, args.title_column,
                         args.source_column, args.url_column, args.delimiter)
    summary = run_batch(args.inputs, args.out, workers=args.workers, stages=stages, columns=columns,
                        with_text=args.with_text, db=args.db, quiet=args.quiet,
                        chunk_size=args.chunk_size)
    if not args.quiet:
        print(f"{summary.records} records, {summary.errors} errors (in {summary.error_path}), "
              f"{summary.skipped} already done; {summary.seconds:.1f} s, "
              f"{summary.rate:.0f} articles/s", file=sys.stderr)
    return 0
