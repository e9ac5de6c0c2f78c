"""ANERcorp reading, sentence splitting and the fixed train/dev/test slices.

The file has one ``token label`` per line and no sentence breaks: a ``.`` token
ends a sentence. Test = the last 10% of sentences; dev = the last 10% of the
remaining 90% (tuning only); train = the rest.
"""
from __future__ import annotations

import re

LABELS = ("O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC")
_PAIR_RE = re.compile(r"(\S+?)\s*(O|[BI]-(?:PERS|LOC|ORG|MISC))(?=\s|$|[^\s-])")

Sentence = list  # list of (word, label)


def read_tokens(path: str) -> list[tuple[str, str]]:
    """(word, label) pairs; blank-token lines are skipped and glued lines repaired."""
    pairs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 2 and parts[1] in LABELS:
                pairs.append((parts[0], parts[1]))
            elif len(parts) > 2:
                pairs.extend(_PAIR_RE.findall(line.strip()))
    return pairs


def split_sentences(pairs: list[tuple[str, str]]) -> list[Sentence]:
    sentences, current = [], []
    for word, label in pairs:
        current.append((word, label))
        if word == ".":
            sentences.append(current)
            current = []
    if current:
        sentences.append(current)
    return sentences


def slices(path: str) -> dict[str, list[Sentence]]:
    """The fixed train / dev / test / full (train+dev) slices."""
    sentences = split_sentences(read_tokens(path))
    cut = len(sentences) - len(sentences) // 10
    rest, test = sentences[:cut], sentences[cut:]
    dev_cut = len(rest) - len(rest) // 10
    return {"train": rest[:dev_cut], "dev": rest[dev_cut:], "full": rest, "test": test}
