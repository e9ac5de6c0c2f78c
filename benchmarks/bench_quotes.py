"""Quote stage benchmark: articles per second of the quote stage alone (segment and
lookup run beforehand and are timed apart: ``vs_segment_lookup`` is the quote stage's
time as a fraction of theirs, a figure that holds on a loaded machine), quotes found,
and the number of articles with one.

    python benchmarks/bench_quotes.py [--n 2000] [--corpus PATH]
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from marsad.document import document_from_dict
from marsad.pipeline import Pipeline
from marsad.stages.quotes import QuoteStage

from news import CORPUS, read_news


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    args = ap.parse_args()
    docs = read_news(args.n, args.corpus)
    before = Pipeline(("segment", "lookup"))
    t = time.perf_counter()
    annotated = [before.annotate(document_from_dict(d)) for d in docs]
    base = time.perf_counter() - t
    stage = QuoteStage()
    t = time.perf_counter()
    for doc in annotated:
        stage(doc)
    dt = time.perf_counter() - t
    quotes = sum(len(doc.quotes) for doc in annotated)
    with_quotes = sum(1 for doc in annotated if doc.quotes)
    print(json.dumps({"articles": len(docs), "seconds": round(dt, 3),
                      "articles_per_s": round(len(docs) / dt, 1),
                      "ms_per_article": round(1000 * dt / len(docs), 3),
                      "vs_segment_lookup": round(dt / base, 3),
                      "quotes": quotes, "articles_with_quotes": with_quotes}))


if __name__ == "__main__":
    main()
