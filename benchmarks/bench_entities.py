"""Speed of the entity stage on the news corpus (single process).

    python benchmarks/bench_entities.py [--n 2000] [--corpus PATH]

Prints articles/s of segment+lookup+entities and of the entity stage alone, by wall
clock and by process CPU time (the CPU figure is the one to compare on a busy machine).
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from news import CORPUS, read_with_text

from marsad.document import make_document
from marsad.pipeline import load_stage


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    args = ap.parse_args()
    raw = read_with_text(args.n, args.corpus)
    stages = {name: load_stage(name) for name in ("segment", "lookup", "entities")}
    wall = dict.fromkeys(stages, 0.0)
    cpu = dict.fromkeys(stages, 0.0)
    for d in raw:
        doc = make_document(d["text"], d.get("date"))
        for name, stage in stages.items():
            t, c = time.perf_counter(), time.process_time()
            stage(doc)
            wall[name] += time.perf_counter() - t
            cpu[name] += time.process_time() - c
    n = len(raw)
    print(f"{n} articles; articles/s by wall clock | by CPU time")
    total_wall, total_cpu = sum(wall.values()), sum(cpu.values())
    print(f"  segment+lookup+entities {n / total_wall:8,.0f} | {n / total_cpu:8,.0f}")
    for name in stages:
        print(f"  {name:23} {n / wall[name]:8,.0f} | {n / cpu[name]:8,.0f}")


if __name__ == "__main__":
    main()
