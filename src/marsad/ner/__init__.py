"""Statistical Arabic named-entity tagger (PERS, LOC, ORG, MISC) trained on ANERcorp.

    from marsad.ner import load_tagger
    spans = load_tagger().tag_doc(doc)   # [(first_token, last_token_exclusive, type)]

The shipped weights (data/ner_model.json.gz) are CC BY-SA 4.0: see data/NOTICE.md. The
model reads word classes from data/word_clusters.tsv.gz (tools/gen_word_clusters.py) and
word vectors from data/word_vectors.npz (tools/gen_word_vectors.py).
"""
from __future__ import annotations

from functools import lru_cache

from .tagger import MODEL_PATH, Tagger, load_model


@lru_cache(maxsize=None)
def load_tagger(path: str | None = None) -> Tagger:
    return Tagger(load_model(path or MODEL_PATH))


__all__ = ["Tagger", "load_tagger"]
