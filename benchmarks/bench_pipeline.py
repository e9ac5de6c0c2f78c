"""Whole-pipeline speed on the news corpus: articles/s and words/s in one process, with the
time spent in each stage (the events stage is reported on its own line).

    python benchmarks/bench_pipeline.py [--n 2000] [--corpus PATH]

Target: >= 500 articles/s per process for the whole pipeline.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from news import CORPUS, read_news


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    a = ap.parse_args()
    from marsad.document import document_from_dict
    from marsad.pipeline import Pipeline, to_record

    docs = read_news(a.n, a.corpus)
    words = sum(len(d.get("text", "").split()) for d in docs)
    t0 = time.perf_counter()
    pipeline = Pipeline()
    load_s = time.perf_counter() - t0
    per_stage = dict.fromkeys(pipeline.names, 0.0)
    events = 0
    t = time.perf_counter()
    for d in docs:
        doc = document_from_dict(d)
        for name, stage in zip(pipeline.names, pipeline.stages):
            s = time.perf_counter()
            stage(doc)
            per_stage[name] += time.perf_counter() - s
        to_record(doc).to_json()
        events += len(doc.events)
    dt = time.perf_counter() - t
    print(f"loaded pipeline in {load_s:.2f}s")
    print(f"{len(docs)} articles, {words} words in {dt:.2f}s: {len(docs) / dt:.0f} articles/s, "
          f"{words / dt:,.0f} words/s, {events} events ({events / len(docs):.1f}/article)")
    for name, s in per_stage.items():
        print(f"  {name:9s} {s:6.2f}s  {len(docs) / s if s else float('inf'):8.0f} articles/s")


if __name__ == "__main__":
    main()
