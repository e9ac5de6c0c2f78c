"""Neural NER tagger: BiLSTM-CRF over word vectors, characters and sparse attributes (numpy).

Weights: data/neural_ner.npz, trained by ``neural_train.py`` (torch, training only).
Each word type's LSTM input-gate projections (both directions) are computed once
from its vector, character CNN and summed attribute embeddings, and cached; a
batch of sentences is then two LSTM passes and a Viterbi decode. A file may hold
several networks (members ``m0_``, ``m1_``… trained with different seeds): their
emission and transition scores are averaged. When the file's
``crf_weight`` is above 0 the feature CRF (tagger.py) is an ensemble member: its
emission and transition scores, times that weight, are added before decoding.
An optional ``label_bias`` array (one value per label; base.label_bias) is added to
every token's emission scores after that, before Viterbi (a file without it decodes
as with zeros).
Speed on one core (held-out slice, 20-sentence documents, with the CRF member): about
6,000 tokens/s with an empty word-type cache, 10,000–12,000 once it is warm (the CRF alone:
40,000–54,000 / 135,000–144,000).
"""
from __future__ import annotations

import os

import numpy as np

from .base import TaggerBase, label_bias
from .clusters import CLUSTERS_PATH, load_clusters
from .features import WordTables
from .neural_inputs import Vocab, encode_types
from .nn_numpy import char_cnn, lstm, reverse_within, viterbi
from .tagger import MODEL_PATH, Tagger, load_model

NEURAL_PATH = os.path.join(os.path.dirname(__file__), "data", "neural_ner.npz")
BATCH = 64  # sentences per LSTM batch (sorted by length)
MAX_TYPES = 16_384  # cached word types (8 KB each with two members); the cache restarts when full
LEARNED = ("char_emb", "conv_w", "conv_b", "attr_emb", "f_w_ih", "f_w_hh", "f_b", "b_w_ih", "b_w_hh",
           "b_b", "out_w", "out_b", "trans", "start", "end")  # per member, prefixed m0_, m1_…


def load_weights(path: str) -> dict:
    with np.load(path, allow_pickle=False) as z:
        return {k: z[k] for k in z.files}


def _vocab(w: dict) -> Vocab:
    def index(key: str, first: int) -> dict:
        return {s: i + first for i, s in enumerate(w[key].tolist())}
    return Vocab(index("vector_words", 1), index("chars", 2), index("attrs", 1))


def _tables(w: dict, clusters_path: str) -> WordTables:
    clusters = load_clusters(clusters_path)
    if len(clusters) != int(w["cluster_words"]):
        raise ValueError(f"{clusters_path} has {len(clusters)} words; the model was trained "
                         f"with {int(w['cluster_words'])}")
    gaz = {g: tuple(c.split("|")) for g, c in zip(w["gaz_words"].tolist(), w["gaz_classes"].tolist())}
    return WordTables(gaz, clusters, {})


class NeuralTagger(TaggerBase):
    def __init__(self, weights: dict, crf: Tagger | None = None, crf_weight: float | None = None,
                 clusters_path: str = str(CLUSTERS_PATH), bias=None):
        w = {k: v.astype(np.float32) if v.dtype.kind == "f" else v for k, v in weights.items()}
        self.w = w
        self.members = [{k: w[f"m{m}_{k}"] for k in LEARNED} for m in range(int(w["members"]))]
        self.labels = w["labels"].tolist()
        self.n = len(self.labels)
        self.types = [lab[2:] for lab in self.labels]
        self.begins = [lab.startswith("B-") for lab in self.labels]
        self.vocab, self.tables = _vocab(w), _tables(w, clusters_path)
        self.crf_weight = float(w["crf_weight"]) if crf_weight is None else crf_weight
        if self.crf_weight and crf is None:
            crf = Tagger(load_model(MODEL_PATH), clusters_path=clusters_path)
        self.crf = crf if self.crf_weight else None
        self.bias = label_bias(self.labels, w.get("label_bias") if bias is None else bias)
        self._transitions()
        self._reset_cache()

    def _transitions(self) -> None:
        """Transition, start and end scores with the BIO constraint (plus the CRF's, weighted)."""
        lam = self.crf_weight
        w = {k: np.mean([m[k] for m in self.members], axis=0) for k in ("trans", "start", "end")}
        inside = np.array([lab.startswith("I-") for lab in self.labels])
        same = np.array([[a == b for b in self.types] for a in self.types])
        self.trans = np.where(inside[None, :] & ~same, -np.inf, w["trans"]).astype(np.float32)
        self.start = np.where(inside, -np.inf, w["start"]).astype(np.float32)
        self.end = w["end"].copy()
        if self.crf is not None:
            crf_trans = np.where(np.isfinite(self.crf.trans_bio), self.crf.trans_bio, 0.0)
            self.trans = self.trans + lam * crf_trans
            self.start = self.start + lam * crf_trans[0]
            self.end = self.end + lam * crf_trans[:, 0]

    def _reset_cache(self) -> None:
        self._ids: dict[str, int] = {}
        width = sum(2 * m["f_w_ih"].shape[0] for m in self.members)
        self._gates = np.zeros((1024, width), dtype=np.float32)  # row 0: padding
        self._used = 1

    def _type_gates(self, words: list[str]) -> np.ndarray:
        """Per member, the LSTM input gates (both directions) of word types, side by side."""
        rows, chars, attrs = encode_types(words, self.vocab, self.tables)
        vectors = self.w["vectors"][rows] * self.w["vector_scale"]
        has = (rows > 0)[:, None].astype(np.float32)
        out = []
        for m in self.members:
            cnn = char_cnn(chars, m["char_emb"], m["conv_w"], m["conv_b"])
            x = np.concatenate([vectors, has, cnn, m["attr_emb"][attrs].sum(axis=1)], axis=1)
            out += [x @ m["f_w_ih"].T + m["f_b"], x @ m["b_w_ih"].T + m["b_b"]]
        return np.concatenate(out, axis=1)

    def _type_ids(self, words: list[str]) -> np.ndarray:
        ids = self._ids
        new = list(dict.fromkeys(x for x in words if x not in ids))
        if new and ids and len(ids) + len(new) > MAX_TYPES:
            self._reset_cache()
            return self._type_ids(words)
        if new:
            first, end = self._used, self._used + len(new)
            if end > len(self._gates):  # grow (at least doubling)
                grown = np.zeros((max(end, 2 * len(self._gates)), self._gates.shape[1]), dtype=np.float32)
                grown[:first] = self._gates[:first]
                self._gates = grown
            self._gates[first:end] = self._type_gates(new)
            self._used = end
            ids.update((x, first + k) for k, x in enumerate(new))
        return np.array([ids[x] for x in words], dtype=np.intp)

    def _batch_scores(self, idx: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """Emission scores [batch, time, labels] of padded type ids [batch, time], averaged
        over the members."""
        gates, total, first = self._gates[idx], 0.0, 0
        rows, rev = np.arange(len(idx))[:, None], reverse_within(lengths, idx.shape[1])
        for m in self.members:
            four_h = m["f_w_ih"].shape[0]
            forward = lstm(gates[:, :, first:first + four_h], m["f_w_hh"])
            backward = lstm(gates[:, :, first + four_h:first + 2 * four_h][rows, rev], m["b_w_hh"])
            h = np.concatenate([forward, backward[rows, rev]], axis=2)
            total = total + h @ m["out_w"].T + m["out_b"]
            first += 2 * four_h
        return total / len(self.members)

    def tag_sentences(self, sentences: list[list[str]]) -> list[int]:
        """Label indices of all tokens of consecutive sentences (normalized words)."""
        sents = [s for s in sentences if s]
        if not sents:
            return []
        ids = self._type_ids([x for s in sents for x in s])
        lengths = np.array([len(s) for s in sents])
        offsets = np.concatenate([[0], np.cumsum(lengths)])
        crf = self.crf.emission_scores(sents) * self.crf_weight if self.crf is not None else None
        labels = np.zeros(len(ids), dtype=np.intp)
        order = np.argsort(lengths, kind="stable")
        for b in range(0, len(order), BATCH):
            batch = order[b:b + BATCH]
            lens = lengths[batch]
            pos = np.arange(lens.max())[None, :]
            valid = pos < lens[:, None]
            tok = np.where(valid, offsets[batch][:, None] + pos, 0)
            scores = self._batch_scores(np.where(valid, ids[tok], 0), lens)
            if crf is not None:
                scores = scores + np.where(valid[:, :, None], crf[tok], 0)
            if self.bias.any():
                scores = scores + self.bias
            path = viterbi(scores, lens, self.trans, self.start, self.end)
            labels[tok[valid]] = path[valid]
        return labels.tolist()
