"""marsad spark: the pipeline over a corpus with PySpark (JSONL or Parquet in, Parquet out)."""
from __future__ import annotations

import sys


def add_arguments(p) -> None:
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="JSONL(.gz) documents or a Parquet dataset "
                   "(columns text, id, date, title, source, url)")
    p.add_argument("output", help="output Parquet folder (overwritten)")
    p.add_argument("--what", choices=("records", "events"), default="records",
                   help="records (id, date, source, error, record JSON) or the events table")
    p.add_argument("--master", default="local[*]", help="Spark master URL (default local[*])")
    p.add_argument("--partitions", type=int, help="repartition the input into N partitions")
    p.add_argument("--stages", help="comma-separated pipeline stages (default: all)")


def run(args) -> int:
    try:
        import pyspark  # noqa: F401
    except ImportError:
        print("marsad: marsad spark needs PySpark: pip install 'marsad[spark]'", file=sys.stderr)
        return 2
    from ..spark import run_spark, session

    spark = session(args.master)
    try:
        n = run_spark(spark, args.inputs, args.output, args.what,
                      args.stages.split(",") if args.stages else None, args.partitions)
    finally:
        spark.stop()
    print(f"{n} {args.what} rows → {args.output}", file=sys.stderr)
    return 0
