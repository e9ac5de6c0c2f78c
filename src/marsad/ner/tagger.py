"""Fast CRF decoding with per-word-type cached emission scores.

The model's emission score of label y at token t is the sum, over the window
offsets k, of the weights of the attributes of word t+k at offset k. Each word
type's 5×9 score table is computed once and cached. Decoding is exact Viterbi,
pruned safely: label y is dropped at a token when its emission falls behind O's
by more than any transition pair could make up (then swapping y for O never
lowers a path's score). Most tokens keep only O and cost a few additions.
"""
from __future__ import annotations

import gzip
import json
import os
from array import array

from .features import BOS, EOS, word_attributes
from .propagate import propagate

MODEL_PATH = os.path.join(os.path.dirname(__file__), "data", "ner_model.json.gz")
MAX_CACHE = 200_000
O = 0


class Tagger:
    def __init__(self, model: dict):
        self.labels = model["labels"]
        self.types = [lab[2:] for lab in self.labels]
        self.begins = [lab.startswith("B-") for lab in self.labels]
        self.offsets = model["offsets"]
        self.trans = model["transitions"]
        self.attributes = model["attributes"]
        self.gazetteer = {w: tuple(c) for w, c in model["gazetteer"].items()}
        n = len(self.labels)
        self.n = n
        self.width = len(self.offsets) * n
        self.bound = [self._swap_bound(y) for y in range(n)]
        self.max_bound = max(self.bound[1:])
        self._cache: dict = {}
        self.bos = self._entry(BOS)
        self.eos = self._entry(EOS)

    def _swap_bound(self, y: int) -> float:
        """Largest transition gain of y over O, whatever the neighbours are."""
        if y == O:
            return 0.0
        t = self.trans
        return (max(t[a][y] - t[a][O] for a in range(self.n))
                + max(t[y][b] - t[O][b] for b in range(self.n)))

    def _entry(self, word: str) -> tuple:
        """(per-offset O margins, flat offset×label score vector) of a word type."""
        vec = array("d", bytes(8 * self.width))
        get = self.attributes.get
        for attr in word_attributes(word, self.gazetteer):
            pairs = get(attr)
            if pairs:
                for i in range(0, len(pairs), 2):
                    vec[pairs[i]] += pairs[i + 1]
        n = self.n
        margins = tuple(vec[k * n] - max(vec[k * n + 1:(k + 1) * n]) for k in range(len(self.offsets)))
        return margins, vec

    def _entries(self, words: list[str]) -> list:
        cache = self._cache
        if len(cache) > MAX_CACHE:
            cache.clear()
        out = []
        for w in words:
            e = cache.get(w)
            if e is None:
                e = cache[w] = self._entry(w)
            out.append(e)
        return out

    def tag_indices(self, words: list[str]) -> list[int]:
        """Label indices for one sentence of normalized words."""
        if not words:
            return []
        entries = [self.bos, self.bos] + self._entries(words) + [self.eos, self.eos]
        m = [e[0] for e in entries]
        lower = [a[0] + b[1] + c[2] + d[3] + e[4] for a, b, c, d, e in zip(m, m[1:], m[2:], m[3:], m[4:])]
        limit = self.max_bound
        labels = [O] * len(words)
        start = None
        for t, low in enumerate(lower):
            if low < limit:
                if start is None:
                    start = t
            elif start is not None:
                self._viterbi(entries, start, t, len(words), labels)
                start = None
        if start is not None:
            self._viterbi(entries, start, len(words), len(words), labels)
        return labels

    def _candidates(self, entries: list, t: int) -> list[tuple[int, float]]:
        n = self.n
        a, b, c, d, e = (entries[t + k][1] for k in range(5))
        scores = [a[y] + b[n + y] + c[2 * n + y] + d[3 * n + y] + e[4 * n + y] for y in range(n)]
        o = scores[O]
        bound = self.bound
        return [(y, s) for y, s in enumerate(scores) if y == O or o - s < bound[y]]

    def _viterbi(self, entries: list, first: int, last: int, n_words: int, labels: list) -> None:
        """Best labels for words[first:last], given O (or the sentence edge) around them."""
        trans = self.trans
        cands = self._candidates(entries, first)
        if first > 0:
            score = {y: s + trans[O][y] for y, s in cands}
        else:
            score = {y: s for y, s in cands}
        back = []
        for t in range(first + 1, last):
            cands = self._candidates(entries, t)
            new, ptr = {}, {}
            for y, s in cands:
                best_prev, best = max(((p, v + trans[p][y]) for p, v in score.items()), key=_second)
                new[y] = best + s
                ptr[y] = best_prev
            back.append(ptr)
            score = new
        if last < n_words:
            score = {y: v + trans[y][O] for y, v in score.items()}
        y = max(score.items(), key=_second)[0]
        labels[last - 1] = y
        for t in range(last - 1, first, -1):
            y = back[t - first - 1][y]
            labels[t - 1] = y

    def tag(self, words: list[str]) -> list[str]:
        """BIO labels for one sentence of words (raw or normalized)."""
        from ..text.normalize import normalize
        return [self.labels[y] for y in self.tag_indices([normalize(w) for w in words])]

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

    def tag_sentences(self, sentences: list[list[str]], cores: list[str]) -> list[tuple[int, int, str]]:
        """Entity spans over the concatenated sentences (normalized words), with
        document-level propagation; ``cores`` are the clitic-stripped words."""
        out = []
        first = 0
        for words in sentences:
            out.extend((a + first, b + first, kind) for a, b, kind in self.spans(self.tag_indices(words)))
            first += len(words)
        return propagate(cores, out)

    def tag_doc(self, doc) -> list[tuple[int, int, str]]:
        """Entity spans over ``doc.tokens``: (first token, last token exclusive, type)."""
        tokens = doc.tokens
        sentences = [[tok.norm for tok in tokens[s.first_token:s.last_token]] for s in doc.sentences]
        return self.tag_sentences(sentences, [tok.forms[-1][0] for tok in tokens])


def _second(pair):
    return pair[1]


def load_model(path: str) -> dict:
    with open(path, "rb") as f:
        return json.loads(gzip.decompress(f.read()))
