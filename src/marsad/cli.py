"""The ``marsad`` command line. Each command lives in ``marsad/commands/<name>.py``
with ``add_arguments(parser)`` and ``run(args) -> int``."""
from __future__ import annotations

import argparse
import importlib
import sys

from . import __version__

COMMANDS = {
    "extract": "extract one article or a JSONL file of documents into records",
    "eval": "score records against gold files (SPEC.md scoring)",
    "schema": "print the JSON Schema of a record",
    "batch": "process a corpus in parallel into records, with resume and an error log",
    "index": "load records into the SQLite store",
    "query": "search the SQLite store",
    "export": "export events from records or a store as CSV or Parquet",
    "serve": "run the HTTP API and web interface",
    "spark": "run the pipeline over a corpus with PySpark",
}


def _available():
    for name, help_text in COMMANDS.items():
        try:
            module = importlib.import_module(f"marsad.commands.{name.replace('-', '_')}")
        except ModuleNotFoundError as e:
            if e.name and e.name.startswith("marsad.commands"):
                continue
            raise
        yield name, help_text, module


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="marsad", description="Marsad: Arabic news to event data (entities, times, quotes, PLOVER events).",
        epilog="Start with: marsad extract sample --format pretty")
    parser.add_argument("--version", action="version", version=f"marsad {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, help_text, module in _available():
        p = sub.add_parser(name, help=help_text, description=help_text)
        module.add_arguments(p)
        p.set_defaults(run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return 2
    try:
        return args.run(args) or 0
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
