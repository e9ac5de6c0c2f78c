"""CoNLL exact-span evaluation of the NER model on ANERcorp's held-out slice.

    python -m marsad.ner.evaluate /work/shared/data/anercorp/train.txt

scores the shipped model (the neural tagger when data/neural_ner.npz exists) on the
last 10% of the sentences (never used for training or tuning). ``--slice dev --model M``
scores a tuning model on dev (M.npz: neural, with ``--crf-model``/``--crf-weight`` for
its CRF ensemble member; else a CRF). ``--bias ORG=1,PERS=0.5`` overrides the model's
per-label emission bias (base.label_bias; a type name biases its B- and I- labels).
"""
from __future__ import annotations

import argparse
import os
import time

from ..text.normalize import normalize
from ..text.segment import clitic_forms
from .base import parse_bias
from .clusters import CLUSTERS_PATH
from .corpus import LABELS, slices
from .features import word_shape
from .neural import NEURAL_PATH, NeuralTagger, load_weights
from .tagger import MODEL_PATH, Tagger, load_model
from .vectors import VECTORS_PATH

MAIN_TYPES = ("PERS", "LOC", "ORG")
DOC_SIZE = 20


def gold_spans(tagger, labels: list[str]) -> list[tuple[int, int, str]]:
    return tagger.spans([LABELS.index(lab) for lab in labels])


def core(word: str) -> str:
    return clitic_forms(word, short_future=False)[-1][0] if word_shape(word) == "ar" else word


def score(tagger, sentences: list, doc_size: int = 1) -> dict:
    """{type: (precision, recall, f1, gold count)} plus "overall" over PERS/LOC/ORG.
    Consecutive groups of ``doc_size`` sentences are tagged as one document."""
    counts: dict[str, list[int]] = {}  # type → [true positives, predicted, gold]
    for d in range(0, len(sentences), doc_size):
        doc = sentences[d:d + doc_size]
        words = [[normalize(w) for w, _ in sent] for sent in doc]
        gold = set(gold_spans(tagger, [lab for sent in doc for _, lab in sent]))
        pred = set(tagger.tag_words(words, [core(w) for ws in words for w in ws]))
        for spans, slot in ((gold, 2), (pred, 1)):
            for span in spans:
                counts.setdefault(span[2], [0, 0, 0])[slot] += 1
        for span in gold & pred:
            counts[span[2]][0] += 1
    main = [sum(counts.get(t, [0, 0, 0])[i] for t in MAIN_TYPES) for i in range(3)]
    result = {t: _prf(*counts[t]) for t in sorted(counts)}
    result["overall"] = _prf(*main)
    return result


def _prf(tp: int, pred: int, gold: int) -> tuple[float, float, float, int]:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0), gold


def speed(tagger, sentences: list, doc_size: int) -> float:
    """Tokens per second of ``tag_sentences`` over documents of ``doc_size`` sentences."""
    words = [[normalize(w) for w, _ in sent] for sent in sentences]
    t0 = time.perf_counter()
    for d in range(0, len(words), doc_size):
        tagger.tag_sentences(words[d:d + doc_size])
    return sum(map(len, words)) / (time.perf_counter() - t0)


def make_tagger(args):
    crf = Tagger(load_model(args.crf_model), clusters_path=args.clusters, vectors_path=args.vectors)
    bias = parse_bias(args.bias) if args.bias is not None else None
    if not args.model.endswith(".npz"):
        return crf if args.model == args.crf_model and bias is None else Tagger(
            load_model(args.model), clusters_path=args.clusters, vectors_path=args.vectors, bias=bias)
    return NeuralTagger(load_weights(args.model), crf, args.crf_weight, clusters_path=args.clusters,
                        bias=bias)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus")
    ap.add_argument("--slice", default="test", choices=("test", "dev"))
    ap.add_argument("--model", default=NEURAL_PATH if os.path.exists(NEURAL_PATH) else MODEL_PATH)
    ap.add_argument("--crf-model", default=MODEL_PATH, help="the neural model's CRF ensemble member")
    ap.add_argument("--crf-weight", type=float, help="override the neural model's CRF weight")
    ap.add_argument("--bias", help="per-label emission bias, e.g. ORG=1,B-PERS=0.5 (overrides the model's)")
    ap.add_argument("--clusters", default=str(CLUSTERS_PATH), help="word classes the model was trained with")
    ap.add_argument("--vectors", default=str(VECTORS_PATH), help="word vectors the model was trained with")
    ap.add_argument("--doc-size", type=int, default=DOC_SIZE,
                    help="sentences per pseudo-document for propagation (ANERcorp has no document breaks)")
    args = ap.parse_args(argv)
    sentences = slices(args.corpus)[args.slice]
    tagger = make_tagger(args)
    n = sum(map(len, sentences))
    print(f"{args.slice} slice: {len(sentences)} sentences, {n} tokens, "
          f"{speed(tagger, sentences, args.doc_size):,.0f} tokens/s (tagging only, cold cache)")
    for doc_size in (1, args.doc_size):
        print(f"\n{doc_size} sentence(s) per document:")
        print(f"{'type':8} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5}")
        for t, (p, r, f, g) in score(tagger, sentences, doc_size).items():
            print(f"{t:8} {p:6.3f} {r:6.3f} {f:6.3f} {g:5d}")


if __name__ == "__main__":
    main()
