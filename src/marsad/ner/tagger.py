"""Fast CRF decoding with per-word-type cached emission scores.

The model's emission score of label y at token t is the sum, over the window
offsets k = -2..2, of the weights of the attributes of word t+k at offset k.
Each word type's offset × label score table is computed once and kept as a row
of a numpy matrix, so a document's emission scores are five gathers and adds.
Decoding is Viterbi over pruned label sets: a label scoring more than ``prune``
below O is dropped, an I- label is kept only after a candidate of its type, and
a token left with O alone is fixed to O. That cuts sentences into short runs,
the only part decoded in Python. ``prune=inf`` gives exact Viterbi under the
BIO constraint; the default changed dev F1 by -0.0004.
"""
from __future__ import annotations

import gzip
import json
import os

import numpy as np

from .features import BOS, EOS, word_attributes
from .propagate import propagate

MODEL_PATH = os.path.join(os.path.dirname(__file__), "data", "ner_model.json.gz")
MAX_TYPES = 200_000  # cached word types (180 bytes each); the cache restarts when full
PRUNE = 4.0
O = 0
WINDOW = [-2, -1, 0, 1, 2]


class Tagger:
    def __init__(self, model: dict, prune: float = PRUNE):
        if model["offsets"] != WINDOW:
            raise ValueError(f"the tagger expects the word window {WINDOW}, not {model['offsets']}")
        self.labels = model["labels"]
        self.n = n = len(self.labels)
        self.types = [lab[2:] for lab in self.labels]
        self.begins = [lab.startswith("B-") for lab in self.labels]
        # labels that may precede each I- label (None: any label may)
        self.allowed_after = [{p for p in range(n) if self.types[p] == self.types[y]}
                              if lab.startswith("I-") else None for y, lab in enumerate(self.labels)]
        self.trans = model["transitions"]
        self.gazetteer = {w: tuple(c) for w, c in model["gazetteer"].items()}
        self.prune = prune
        attributes = model["attributes"]
        self.attr_index = {a: i + 1 for i, a in enumerate(attributes)}  # row 0 stays zero
        self.weights = np.zeros((len(attributes) + 1, len(WINDOW) * n), dtype=np.float32)
        for a, pairs in attributes.items():
            self.weights[self.attr_index[a], pairs[0::2]] = pairs[1::2]
        self._reset_cache()

    def _reset_cache(self) -> None:
        self._ids: dict[str, int] = {}
        self._table = np.zeros((1024, self.weights.shape[1]), dtype=np.float32)
        self.bos, self.eos = self._type_ids([BOS, EOS])

    def _type_ids(self, words: list[str]) -> list[int]:
        """Row of each word's score table, computing the rows of new word types."""
        ids = self._ids
        get = ids.get
        out = [get(w) for w in words]
        if None not in out:
            return out
        new = list(dict.fromkeys(w for w, i in zip(words, out) if i is None))
        if len(ids) + len(new) > MAX_TYPES:
            self._reset_cache()
            return self._type_ids(words)
        index = self.attr_index
        rows, starts = [], []
        for w in new:
            starts.append(len(rows))
            rows.append(0)
            rows.extend(index[a] for a in word_attributes(w, self.gazetteer) if a in index)
        first = len(ids)
        if first + len(new) > len(self._table):
            grown = np.zeros((2 * (first + len(new)), self._table.shape[1]), dtype=np.float32)
            grown[:first] = self._table[:first]
            self._table = grown
        self._table[first:first + len(new)] = np.add.reduceat(self.weights[rows], starts)
        for k, w in enumerate(new):
            ids[w] = first + k
        return [get(w) for w in words]

    def tag_sentences(self, sentences: list[list[str]]) -> list[int]:
        """Label indices of all tokens of consecutive sentences (normalized words)."""
        padded, starts = [], []
        for words in sentences:
            if words:
                starts.append(len(padded) - 4 * len(starts))
                padded += [BOS, BOS, *words, EOS, EOS]
        if not padded:
            return []
        ids = np.array(self._type_ids(padded))
        n, t = self.n, self._table
        size = len(ids) - 4
        scores = (t[ids[0:size], 0:n] + t[ids[1:size + 1], n:2 * n] + t[ids[2:size + 2], 2 * n:3 * n]
                  + t[ids[3:size + 3], 3 * n:4 * n] + t[ids[4:], 4 * n:5 * n])
        real = np.ones(size, dtype=bool)  # drop the rows centred on padding
        for k in range(1, len(starts)):
            real[starts[k] + 4 * k - 4:starts[k] + 4 * k] = False
        scores = scores[real]
        keep = scores > scores[:, :1] - self.prune
        keep[:, O] = False
        return self._decode(scores, keep, starts)

    def _decode(self, scores, keep, starts: list[int]) -> list[int]:
        labels = [O] * len(scores)
        active = np.flatnonzero(keep.any(axis=1)).tolist()
        if not active:
            return labels
        rows = scores[active].tolist()
        masks = keep[active].tolist()
        sentence_start = set(starts)
        sentence_end = {s - 1 for s in starts[1:]} | {len(scores) - 1}
        allowed = self.allowed_after
        run, prev, last = [], (), -2
        for t, row, mask in zip(active, rows, masks):
            if t != last + 1 or t in sentence_start:
                if run:
                    self._viterbi(run, first, labels, sentence_start, sentence_end)
                run, prev = [], ()
            cands = [(y, row[y]) for y in range(len(row)) if mask[y]
                     and (allowed[y] is None or not allowed[y].isdisjoint(prev))]
            if cands:
                if not run:
                    first = t
                cands.append((O, row[O]))
                run.append(cands)
                prev = {y for y, _ in cands}
                last = t
            else:
                if run:
                    self._viterbi(run, first, labels, sentence_start, sentence_end)
                run, prev, last = [], (), -2
        if run:
            self._viterbi(run, first, labels, sentence_start, sentence_end)
        return labels

    def _viterbi(self, run: list, first: int, labels: list, sentence_start: set, sentence_end: set) -> None:
        """Best labels for the tokens of ``run`` (candidate lists from token ``first``
        on), with O or the sentence edge on both sides."""
        trans = self.trans
        t_o = trans[O]
        prev = [(y, s) for y, s in run[0]] if first in sentence_start else [(y, s + t_o[y]) for y, s in run[0]]
        back = []
        for cands in run[1:]:
            cur, ptr = [], []
            for y, s in cands:
                best, arg = None, O
                for p, v in prev:
                    x = v + trans[p][y]
                    if best is None or x > best:
                        best, arg = x, p
                cur.append((y, best + s))
                ptr.append(arg)
            back.append((cands, ptr))
            prev = cur
        end = first + len(run) - 1
        best, y = None, O
        for p, v in prev:
            if end not in sentence_end:
                v += trans[p][O]
            if best is None or v > best:
                best, y = v, p
        labels[end] = y
        for k in range(len(back) - 1, -1, -1):
            cands, ptr = back[k]
            y = ptr[[c[0] for c in cands].index(y)]
            labels[first + k] = y

    def tag(self, words: list[str]) -> list[str]:
        """BIO labels for one sentence of words (raw or normalized)."""
        from ..text.normalize import normalize
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
        sentences = [[tok.norm for tok in tokens[s.first_token:s.last_token]] for s in doc.sentences]
        return self.tag_words(sentences, [tok.forms[-1][0] for tok in tokens])


def load_model(path: str) -> dict:
    with open(path, "rb") as f:
        return json.loads(gzip.decompress(f.read()))
