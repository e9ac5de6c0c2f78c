"""The benchmark corpus: SaudiNewsNet in the shared data folder beside the checkout."""
from __future__ import annotations

import gzip
import itertools
import json
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "news" / "saudinewsnet.jsonl.gz"


def read_lines(n: int, path: Path = CORPUS) -> list[str]:
    """The first n lines (documents as JSON text)."""
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return list(itertools.islice(f, n))


def read_news(n: int, path: Path = CORPUS, every: int = 1) -> list[dict]:
    """The first n documents, or with ``every`` > 1 every k-th document of the whole corpus
    (at most n of them): a sample spread over all the sources and years."""
    if every <= 1:
        return [json.loads(line) for line in read_lines(n, path)]
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in itertools.islice(f, 0, None, every)][:n]


def read_with_text(n: int, path: Path = CORPUS) -> list[dict]:
    """The first n documents that have text (some corpus lines have none)."""
    with gzip.open(path, "rt", encoding="utf-8") as f:
        docs = (json.loads(line) for line in f)
        return list(itertools.islice((d for d in docs if (d.get("text") or "").strip()), n))
