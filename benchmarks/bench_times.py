"""Throughput of the time stage alone on the news corpus (segment and lookup run
first, untimed; the time words are found by the shared lookup matcher, whose
time is printed for reference).

    python benchmarks/bench_times.py [N_DOCS]
"""
from __future__ import annotations

import sys
import time

from marsad.document import document_from_dict
from marsad.pipeline import load_stage

from news import read_news


def main(n: int = 3000) -> None:
    segment, lookup, times = load_stage("segment"), load_stage("lookup"), load_stage("times")
    docs = [document_from_dict(d) for d in read_news(n)]
    for doc in docs:
        segment(doc)
    t0 = time.perf_counter()
    for doc in docs:
        lookup(doc)
    print(f"lookup stage (all lexicons): {len(docs) / (time.perf_counter() - t0):,.0f} articles/s")
    wall = cpu = 0.0
    best = [float("inf")] * len(docs)  # per article, the fastest of the runs
    for _ in range(3):
        t0, c0 = time.perf_counter(), time.process_time()
        for i, doc in enumerate(docs):
            t = time.perf_counter()
            times(doc)
            best[i] = min(best[i], time.perf_counter() - t)
        wall = max(wall, len(docs) / (time.perf_counter() - t0))
        cpu = max(cpu, len(docs) / (time.process_time() - c0))
    found = sum(len(d.times) for d in docs)
    print(f"times stage: {wall:,.0f} articles/s wall, {cpu:,.0f} articles/s CPU time, "
          f"{len(docs) / sum(best):,.0f} articles/s from each article's fastest run "
          f"(3 runs, {len(docs)} articles, {found} expressions; the last figure is the "
          f"least disturbed by other processes)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3000)
