"""marsad extract: one article (text) or many documents (JSONL) → records."""
from __future__ import annotations

import sys

SAMPLE = "sample"


def add_arguments(p) -> None:
    p.add_argument("input", help="an article as UTF-8 text, a JSONL file of documents (.jsonl or "
                   ".jsonl.gz, or any file with --format jsonl), '-' for standard input, or "
                   "'sample' for the bundled sample")
    p.add_argument("--date", help="publication date (YYYY-MM-DD) for a text article")
    p.add_argument("--id", help="document id for a text article")
    p.add_argument("--format", choices=("json", "jsonl", "pretty"),
                   help="json: one record; jsonl: JSONL documents in, one record per line out; "
                   "pretty: a readable view (default: jsonl for .jsonl/.jsonl.gz files, else json)")
    p.add_argument("--stages", help="comma-separated pipeline stages (default: all)")


def run(args) -> int:
    from ..document import InputError
    from ..pipeline import DEFAULT_STAGES, Pipeline

    try:
        stages = args.stages.split(",") if args.stages else DEFAULT_STAGES
        pipeline = Pipeline(stages)
    except ValueError as e:
        print(f"marsad: {e}", file=sys.stderr)
        return 2
    if args.format is None:
        args.format = "jsonl" if args.input.endswith((".jsonl", ".jsonl.gz")) else "json"
    try:
        if args.format == "jsonl":
            return _run_jsonl(pipeline, args.input)
        return _run_text(pipeline, args)
    except InputError as e:
        print(f"marsad: {e}", file=sys.stderr)
        return 1


def _run_text(pipeline, args) -> int:
    from ..io import read_article
    from ..record import ErrorRecord
    from ..samples import sample_document

    if args.input == SAMPLE:
        doc = sample_document()
        doc.update({k: v for k, v in (("date", args.date), ("id", args.id)) if v})
    else:
        doc = {"text": read_article(args.input), "date": args.date, "id": args.id}
        if not doc["text"].strip():
            print("marsad: warning: the article is empty", file=sys.stderr)
    record = pipeline.extract_dict(doc)
    out = sys.stdout.buffer
    if args.format == "pretty" and not isinstance(record, ErrorRecord):
        from ..pretty import render
        out.write(render(record, doc["text"]).encode("utf-8"))
    else:
        out.write(record.to_json(indent=True) + b"\n")
    if isinstance(record, ErrorRecord):
        print(f"marsad: {record.error}", file=sys.stderr)
        return 1
    return 0


def _run_jsonl(pipeline, path) -> int:
    from ..document import InputError
    from ..io import iter_jsonl, parse_document_line
    from ..record import ErrorRecord

    out = sys.stdout.buffer
    status = 0
    for lineno, line in iter_jsonl(path):
        try:
            record = pipeline.extract_dict(parse_document_line(line, lineno))
        except InputError as e:
            record = ErrorRecord(None, str(e))
        if isinstance(record, ErrorRecord):
            status = 1
            if not record.error.startswith("line "):
                record.error = f"line {lineno}: {record.error}"
        out.write(record.to_json() + b"\n")
    return status
