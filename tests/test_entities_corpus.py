"""Offset and structure invariants of the entity stage on real news articles
(reads ../shared/data/news when present; skipped otherwise)."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from marsad.document import make_document
from marsad.pipeline import Pipeline

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "news" / "saudinewsnet.jsonl.gz"
N_ARTICLES = 300


@pytest.fixture(scope="module")
def docs():
    if not CORPUS.exists():
        pytest.skip("news corpus not available")
    pipe = Pipeline(["segment", "lookup", "entities"])
    out = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if (d.get("text") or "").strip():
                out.append(pipe.annotate(make_document(d["text"], d.get("date"))))
            if len(out) == N_ARTICLES:
                break
    return out


def test_mention_offsets(docs):
    bad = []
    for doc in docs:
        for e in doc.entities:
            for m in e.mentions:
                if doc.text[m.start:m.end] != m.text or m.text != m.text.strip() or not m.text:
                    bad.append((doc.text[m.start:m.end], m.text))
                elif not _only_proclitics(doc.text, m.start):
                    bad.append(("inside a word", m.text))
    assert not bad, bad[:20]


def _only_proclitics(text: str, start: int) -> bool:
    """What the word holds before ``start`` is at most a few proclitics (وب in وبموسكو)."""
    i = start
    while i > 0 and text[i - 1].isalpha():
        i -= 1
    prefix = text[i:start]
    return len(prefix) <= 3 and all(ch in "وفبلكس" for ch in prefix)


def test_spans_mirror_entities(docs):
    for doc in docs:
        n = sum(len(e.mentions) for e in doc.entities)
        assert len(doc.mentions) == n
        assert [s.start for s in doc.mentions] == sorted(s.start for s in doc.mentions)
        ids = {e.id: e for e in doc.entities}
        for s in doc.mentions:
            assert s.label == ids[s.data["entity"]].type


def test_actor_spans(docs):
    for doc in docs:
        prev_end = -1
        for a in doc.actors:
            assert a.start >= prev_end, "actor spans overlap"
            prev_end = a.end
            assert doc.text[a.start:a.end].strip() == doc.text[a.start:a.end]
            assert a.data["sector"] is None or len(a.data["sector"]) == 3


def test_person_and_org_coding(docs):
    for doc in docs:
        for e in doc.entities:
            if e.type in ("PER", "ORG"):
                assert e.sector, (e.name, e.type)
            else:
                assert e.sector is None
