"""Statistical Arabic named-entity tagger (PERS, LOC, ORG, MISC) trained on ANERcorp.

    from marsad.ner import load_tagger
    spans = load_tagger().tag_doc(doc)   # [(first_token, last_token_exclusive, type)]

``load_tagger()`` gives the neural tagger (neural.py: a BiLSTM-CRF run in numpy, combined
with the feature CRF) when data/neural_ner.npz is shipped, else the feature CRF alone
(tagger.py). The shipped weights (data/neural_ner.npz, data/ner_model.json.gz) are
CC BY-SA 4.0: see data/NOTICE.md. The CRF reads word classes from data/word_clusters.tsv.gz (tools/gen_word_clusters.py) and
word vectors from data/word_vectors.npz (tools/gen_word_vectors.py).
"""
from __future__ import annotations

from functools import lru_cache

import os

from .base import TaggerBase
from .neural import NEURAL_PATH, NeuralTagger, load_weights
from .tagger import MODEL_PATH, Tagger, load_model


@lru_cache(maxsize=None)
def load_tagger(path: str | None = None) -> TaggerBase:
    """The tagger of a weights file: .npz = neural, else CRF; default the shipped one."""
    path = path or (NEURAL_PATH if os.path.exists(NEURAL_PATH) else MODEL_PATH)
    if path.endswith(".npz"):
        return NeuralTagger(load_weights(path))
    return Tagger(load_model(path))


__all__ = ["NeuralTagger", "Tagger", "load_tagger"]
