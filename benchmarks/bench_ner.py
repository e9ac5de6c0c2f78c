"""NER tagging speed on the news corpus.

    python benchmarks/bench_ner.py [--articles 2000] [--corpus PATH]

Segments the first N articles (not timed), then times ``tagger.tag_doc`` over
them: once cold (word-type cache filling), then three warm runs. Also prints the
model load time and memory and the size of the shipped data files. Goal: ≥ 1,500
articles/s. The last line times a bare Python loop, to compare machines.
"""
from __future__ import annotations

import argparse
import os
import resource
import time

from news import CORPUS, read_with_text

from marsad import ner
from marsad.document import make_document
from marsad.ner import load_tagger
from marsad.text.segment import segment


def load_docs(path: str, n: int) -> list:
    docs = []
    for obj in read_with_text(n, path):
        doc = make_document(obj["text"])
        segment(doc)
        docs.append(doc)
    return docs


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--corpus", default=CORPUS)
    args = ap.parse_args()
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    tagger = load_tagger()
    rss = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss0) / 1024
    print(f"model load: {time.perf_counter() - t0:.2f} s, +{rss:.0f} MB peak memory")
    data = os.path.join(os.path.dirname(ner.__file__), "data")
    size = sum(os.path.getsize(os.path.join(data, f)) for f in os.listdir(data))
    print(f"shipped data: {size / 1e6:.2f} MB ({', '.join(sorted(os.listdir(data)))})")
    docs = load_docs(args.corpus, args.articles)
    n_tokens = sum(len(d.tokens) for d in docs)
    for run in ("cold", "warm", "warm", "warm"):
        t0 = time.perf_counter()
        n_spans = sum(len(tagger.tag_doc(d)) for d in docs)
        dt = time.perf_counter() - t0
        print(f"{run}: {len(docs)} articles, {n_tokens:,} tokens, {n_spans:,} entities in {dt:.2f} s"
              f" = {len(docs) / dt:,.0f} articles/s, {n_tokens / dt:,.0f} tokens/s")
    t0 = time.perf_counter()
    sum(1 for _ in range(1_000_000))
    print(f"machine calibration: 1M-step Python loop = {time.perf_counter() - t0:.3f} s")


if __name__ == "__main__":
    main()
