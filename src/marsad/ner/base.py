"""What every NER tagger offers on top of ``tag_sentences``: spans, propagation, documents."""
from __future__ import annotations

import numpy as np

from ..text.normalize import normalize
from .propagate import propagate

O = 0


def label_bias(labels: list[str], spec=None) -> np.ndarray:
    """Per-label emission bias [labels] (float32), added to the emission scores before
    Viterbi. ``spec``: None (zeros), an array of one value per label, or a dict such as
    ``{"ORG": 1.0, "B-PERS": 0.5, "O": -0.2}``: a type name biases its B- and I- labels,
    a B-/I- label name that label only (on top of its type's value)."""
    bias = np.zeros(len(labels), dtype=np.float32)
    if spec is None:
        return bias
    if not isinstance(spec, dict):
        spec = np.asarray(spec, dtype=np.float32)
        if spec.shape != bias.shape:
            raise ValueError(f"a label bias needs {len(labels)} values, not {spec.shape}")
        return spec.copy()
    types = [lab[2:] if lab[:2] in ("B-", "I-") else lab for lab in labels]
    for key, value in spec.items():
        if key[:2] in ("B-", "I-") and key in labels:
            bias[labels.index(key)] += value
        elif key in types:
            bias[[y for y, t in enumerate(types) if t == key]] += value
        else:
            raise ValueError(f"unknown label or type in the bias: {key}")
    return bias


def parse_bias(text: str) -> dict:
    """``"ORG=1,B-PERS=0.5"`` → ``{"ORG": 1.0, "B-PERS": 0.5}`` (command-line form)."""
    out = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        key, _, value = part.partition("=")
        out[key.strip()] = float(value)
    return out


def sentence_starts(sentences: list[list[str]]) -> np.ndarray:
    """Index of the first token of each non-empty sentence in the concatenated tokens."""
    lengths = [len(s) for s in sentences if s]
    return np.cumsum([0] + lengths[:-1]).astype(np.intp)


class TaggerBase:
    """Subclasses set ``labels``, ``types`` (label → entity type), ``begins`` (B- labels) and
    define ``tag_sentences(sentences) → label indices``."""

    def tag(self, words: list[str]) -> list[str]:
        """BIO labels for one sentence of words (raw or normalized)."""
        return [self.labels[y] for y in self.tag_sentences([[normalize(w) for w in words]])]

    def spans(self, indices: list[int]) -> list[tuple[int, int, str]]:
        """(first, last exclusive, type) of the entities in a label-index sequence
        (an I- label that does not continue its type starts a new entity)."""
        out = []
        start, kind = None, None
        types, begins = self.types, self.begins
        for t, y in enumerate(indices):
            if y == O:
                if start is not None:
                    out.append((start, t, kind))
                    start = None
                continue
            if start is not None and (begins[y] or types[y] != kind):
                out.append((start, t, kind))
                start = None
            if start is None:
                start, kind = t, types[y]
        if start is not None:
            out.append((start, len(indices), kind))
        return out

    def tag_words(self, sentences: list[list[str]], cores: list[str]) -> list[tuple[int, int, str]]:
        """Entity spans over the concatenated sentences (normalized words), with
        document-level propagation; ``cores`` are the clitic-stripped words."""
        return propagate(cores, self.spans(self.tag_sentences(sentences)))

    def tag_doc(self, doc) -> list[tuple[int, int, str]]:
        """Entity spans over ``doc.tokens``: (first token, last token exclusive, type)."""
        tokens = doc.tokens
        norms = [tok.norm for tok in tokens]
        sentences = [norms[s.first_token:s.last_token] for s in doc.sentences]
        return self.tag_words(sentences, [tok.forms[-1][0] for tok in tokens])
