"""Distributional word classes (data/word_clusters.tsv.gz, made by tools/gen_word_clusters.py).

Each frequent word of the news corpus has the 0/1 path of its class in a binary
tree of classes; a prefix of the path is a coarser class. The NER features use
path prefixes of the word and of its clitic-stripped stem.
"""
from __future__ import annotations

import gzip
import re
from functools import cache
from pathlib import Path

CLUSTERS_PATH = Path(__file__).with_name("data") / "word_clusters.tsv.gz"
_HEADER = re.compile(r"^#.*\n", re.MULTILINE)


@cache
def load_clusters(path: str = str(CLUSTERS_PATH)) -> dict[str, str]:
    """Normalized word → class path ({} when the file is absent)."""
    if not Path(path).exists():
        return {}
    with open(path, "rb") as f:
        text = gzip.decompress(f.read()).decode("utf-8")
    fields = iter(_HEADER.sub("", text).split())  # word, path, word, path, …
    return dict(zip(fields, fields))
