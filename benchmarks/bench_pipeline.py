"""Whole-pipeline speed on the news corpus: articles/s and words/s in one process, with the
time spent in each stage (building the document and the record on their own lines).

    python benchmarks/bench_pipeline.py [--n 2000] [--every 15] [--repeat 3] [--profile N]

``--every 15`` samples every 15th article of the whole corpus (all sources and years)
instead of the first n. With ``--repeat`` the fastest pass counts (the machine may be
shared); ``--profile N`` prints the N most expensive functions of one more pass (cProfile).

Target: >= 500 articles/s per process for the whole pipeline.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from news import CORPUS, read_news


def one_pass(pipeline, docs: list[dict]) -> tuple[float, dict, int]:
    from marsad.document import document_from_dict
    from marsad.pipeline import to_record

    clock = time.process_time
    per_stage = dict.fromkeys(("document", *pipeline.names, "record"), 0.0)
    events = 0
    t = clock()
    for d in docs:
        s = clock()
        doc = document_from_dict(d)
        per_stage["document"] += clock() - s
        for name, stage in zip(pipeline.names, pipeline.stages):
            s = clock()
            stage(doc)
            per_stage[name] += clock() - s
        s = clock()
        to_record(doc).to_json()
        per_stage["record"] += clock() - s
        events += len(doc.events)
    return clock() - t, per_stage, events


def profile(pipeline, docs: list[dict], top: int) -> None:
    import cProfile
    import pstats

    prof = cProfile.Profile()
    prof.runcall(one_pass, pipeline, docs)
    stats = pstats.Stats(prof).strip_dirs().sort_stats("tottime")
    stats.print_stats(top)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--every", type=int, default=1, help="take every k-th article of the corpus")
    ap.add_argument("--repeat", type=int, default=1, help="passes over the sample; the fastest counts")
    ap.add_argument("--profile", type=int, default=0, metavar="N", help="print the N top functions")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    a = ap.parse_args()
    from marsad.pipeline import Pipeline

    docs = read_news(a.n, a.corpus, a.every)
    words = sum(len(d.get("text", "").split()) for d in docs)
    t0 = time.perf_counter()
    pipeline = Pipeline()
    print(f"loaded pipeline in {time.perf_counter() - t0:.2f}s; CPU time (time.process_time)")
    best = None
    for _ in range(a.repeat):
        run = one_pass(pipeline, docs)
        print(f"  pass: {len(docs) / run[0]:.0f} articles/s")
        if best is None or run[0] < best[0]:
            best = run
    dt, per_stage, events = best
    print(f"{len(docs)} articles, {words} words in {dt:.2f}s: {len(docs) / dt:.0f} articles/s, "
          f"{words / dt:,.0f} words/s, {events} events ({events / len(docs):.1f}/article)")
    for name, s in per_stage.items():
        print(f"  {name:9s} {s:6.2f}s  {len(docs) / s if s else float('inf'):8.0f} articles/s")
    if a.profile:
        profile(pipeline, docs, a.profile)


if __name__ == "__main__":
    main()
