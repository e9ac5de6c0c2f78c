"""The pipeline over a corpus with PySpark: JSONL(.gz) or Parquet documents in, Parquet out.

Each partition runs ``mapPartitions`` through the same code as ``marsad batch``
(``marsad.batch.process_item``); the Pipeline is built once per Python worker process
and reused by every task it runs. Output (a Parquet folder), one of:

- ``records``: id, date, source, error, record (the record as JSON) — one row per input
  document; a bad input has ``error`` set and no record;
- ``events``: the events table (``marsad.export.COLUMNS``, evidence included).

A malformed line becomes an error row like in ``marsad batch``, and a document without
an id gets ``<file name>:<line>``. Unlike ``marsad batch``, invalid UTF-8 is not an error:
Hadoop's text reader has already replaced it with U+FFFD.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Iterable, Iterator

import orjson

RECORD_FIELDS = ("id", "date", "source", "error", "record")


def _ensure_worker(stages: tuple[str, ...]) -> None:
    from . import batch

    if batch._WORKER.get("stages") != stages:
        batch.init_worker(stages, frozenset(), with_doc=True, parent=None)
        batch._WORKER["stages"] = stages


def process_partition(items: Iterable, stages: tuple[str, ...], what: str) -> Iterator[tuple]:
    """Items (as in marsad.batch) → record rows or event rows."""
    from .batch import process_item
    from .export import COLUMNS, event_rows

    _ensure_worker(stages)
    for item in items:
        result = process_item(item)
        status, key = result[0], result[1]
        doc = orjson.loads(result[6]) if status == "ok" else {}
        if what == "events":
            if status == "ok":
                for row in event_rows(orjson.loads(result[5]), doc):
                    yield tuple(row[c] for c in COLUMNS)
            continue
        if status == "ok":
            record = result[5]
            yield (key, orjson.loads(record).get("date"), doc.get("source"), None, record.decode())
        else:
            yield (key, None, None, result[5], None)


def _schema(what: str):
    from pyspark.sql import types as T

    from .export import COLUMNS, FLOAT_COLUMNS, INT_COLUMNS

    if what == "records":
        return T.StructType([T.StructField(f, T.StringType()) for f in RECORD_FIELDS])

    def kind(c):
        return T.DoubleType() if c in FLOAT_COLUMNS else T.LongType() if c in INT_COLUMNS else T.StringType()
    return T.StructType([T.StructField(c, kind(c)) for c in COLUMNS])


def _is_parquet(path: str) -> bool:
    p = Path(path)
    return p.suffix == ".parquet" or (p.is_dir() and any(p.glob("*.parquet")))


def _items_rdd(spark, path: str):
    """An RDD of batch items for a JSONL file (lines as bytes) or a Parquet dataset (rows as dicts)."""
    name = Path(path).name
    if _is_parquet(path):
        rows = spark.read.parquet(path).rdd.zipWithIndex()
        return rows.map(lambda r: (name, r[1] + 1, "obj", {k: (None if v is None else str(v))
                                                         for k, v in r[0].asDict().items()}))
    lines = spark.sparkContext.textFile(path, use_unicode=False).zipWithIndex()
    return lines.filter(lambda r: r[0].strip()).map(lambda r: (name, r[1] + 1, "json", r[0]))


def run_spark(spark, inputs: str | list[str], output: str, what: str = "records",
              stages: Iterable[str] | None = None, partitions: int | None = None) -> int:
    """Run the pipeline over ``inputs`` with a SparkSession; write Parquet to ``output``
    (overwritten). Returns the number of rows written (None when not a local path)."""
    from .pipeline import DEFAULT_STAGES

    if what not in ("records", "events"):
        raise ValueError("what must be 'records' or 'events'")
    stages = tuple(stages or DEFAULT_STAGES)
    paths = [inputs] if isinstance(inputs, str) else list(inputs)
    rdd = _items_rdd(spark, str(paths[0]))
    for p in paths[1:]:
        rdd = rdd.union(_items_rdd(spark, str(p)))
    if partitions:
        rdd = rdd.repartition(partitions)
    out = rdd.mapPartitions(lambda items: process_partition(items, stages, what))
    df = spark.createDataFrame(out, _schema(what))
    df.write.mode("overwrite").parquet(str(output))
    return _count_rows(str(output))


def _count_rows(output: str) -> int | None:
    """Rows of a local Parquet output (from the file footers); None elsewhere."""
    import pyarrow.parquet as pq

    files = sorted(Path(output).glob("*.parquet")) if Path(output).is_dir() else []
    return sum(pq.read_metadata(f).num_rows for f in files) if files else None


# In local mode the JVM only moves rows between Python workers: a JVM tuned for a quick
# start (client JIT only, serial GC) starts about three times faster.
QUICK_JVM = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"


def session(master: str = "local[*]", app: str = "marsad"):
    """A SparkSession whose Python workers use this interpreter."""
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    builder = (SparkSession.builder.master(master).appName(app)
               .config("spark.ui.enabled", "false")
               .config("spark.sql.shuffle.partitions", "8"))
    if master.startswith("local"):
        builder = builder.config("spark.driver.extraJavaOptions", QUICK_JVM)
    return builder.getOrCreate()
