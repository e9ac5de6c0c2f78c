"""Core benchmark: start-up time, text-layer speed, and `marsad extract` over the
first N news articles (wall time, peak memory, error records).

    python benchmarks/bench_core.py [--n 2000] [--corpus PATH]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from news import CORPUS, read_lines


def startup_seconds(stages: str | None = None) -> float:
    code = ("import marsad; from marsad.pipeline import Pipeline, DEFAULT_STAGES; "
            f"p = Pipeline({stages.split(',') if stages else 'DEFAULT_STAGES'}); p('اجتمع الرئيس مع الوزير أمس.')")
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - t


def stage_speed(docs: list[dict], stages: list[str]) -> tuple[float, float]:
    from marsad.pipeline import Pipeline
    pipeline = Pipeline(stages)
    words = sum(len(d.get("text", "").split()) for d in docs)
    t = time.perf_counter()
    for d in docs:
        pipeline.extract_dict(d)
    dt = time.perf_counter() - t
    return len(docs) / dt, words / dt


def extract_run(path: Path) -> dict:
    with tempfile.NamedTemporaryFile(suffix=".jsonl") as out:
        t = time.perf_counter()
        p = subprocess.run(["/usr/bin/time", "-f", "%M", sys.executable, "-m", "marsad", "extract", str(path),
                            "--format", "jsonl"], stdout=out, stderr=subprocess.PIPE, text=True)
        wall = time.perf_counter() - t
        errors = sum(1 for line in open(out.name, encoding="utf-8") if '"error"' in line[:200] and
                     "error" in json.loads(line))
    return {"wall_s": round(wall, 2), "peak_rss_mb": round(int(p.stderr.split()[-1]) / 1024, 1),
            "exit": p.returncode, "error_records": errors}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    args = ap.parse_args()
    lines = read_lines(args.n, args.corpus)
    docs = [json.loads(line) for line in lines]
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as tmp:
        tmp.writelines(lines)
    results = {
        "articles": len(docs),
        "startup_s_text_layer": round(startup_seconds("segment"), 3),
        "startup_s_all_stages": round(startup_seconds(), 3),
    }
    for name, stages in (("text_layer", ["segment"]), ("text_and_lookup", ["segment", "lookup"])):
        aps, wps = stage_speed(docs, stages)
        results[f"{name}_articles_per_s"] = round(aps)
        results[f"{name}_words_per_s"] = round(wps)
    results["extract_all_stages"] = extract_run(Path(tmp.name))
    os.unlink(tmp.name)
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
