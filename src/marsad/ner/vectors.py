"""Dense word vectors (data/word_vectors.npz, made by tools/gen_word_vectors.py).

The most frequent words of the news corpus have a short unit-length vector
(stored as int8); the NER model reads its components as real-valued features
of the word, or of its clitic-stripped stem when the word itself has none.
"""
from __future__ import annotations

from functools import cache
from pathlib import Path

import numpy as np

VECTORS_PATH = Path(__file__).with_name("data") / "word_vectors.npz"
SCALE = 2.0 / 127  # stored int8 → feature values (vector length 2)


@cache
def load_vectors(path: str = str(VECTORS_PATH)) -> dict[str, np.ndarray]:
    """Normalized word → float32 vector ({} when the file is absent)."""
    if not Path(path).exists():
        return {}
    with np.load(path) as data:
        words, vectors = data["words"].tolist(), data["vectors"].astype(np.float32) * SCALE
    return dict(zip(words, vectors))
