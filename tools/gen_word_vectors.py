"""Write src/marsad/ner/data/word_vectors.npz: small dense vectors of the most
frequent words of the news corpus, used as real-valued NER features
(marsad/ner/vectors.py).

Same distributional statistics as tools/gen_word_clusters.py (positive PMI with
the frequent context words at offsets -2, -1, +1, +2), reduced by truncated SVD
to --dim dimensions; each vector is scaled to unit length and stored as int8
(value × 127). Only words and numbers are written (no corpus text). The
arrays are the same for a fixed corpus (the zip members carry the write time).
The shipped file uses the defaults (30k words × 32 dims, about 0.9 MB); the NER
dev F1 rose from 0.790 to 0.792 with them.

    python tools/gen_word_vectors.py [--words 30000] [--dim 32]

Needs numpy and scipy (training time only).
"""
from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
from gen_word_clusters import (
    CORPUS,
    ROOT,
    is_word,
    ranked_tokens,
    token_stream,
    word_vectors,
)

OUT = ROOT / "src" / "marsad" / "ner" / "data" / "word_vectors.npz"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=str(CORPUS))
    ap.add_argument("--out", default=str(OUT))
    ap.add_argument("--words", type=int, default=30000)
    ap.add_argument("--contexts", type=int, default=3000, help="context words per offset")
    ap.add_argument("--dim", type=int, default=32)
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args()
    tokens = token_stream(Path(args.corpus))
    _, ranked = ranked_tokens(tokens)
    vocab = [w for w in ranked if is_word(w)][:args.words]
    vectors = word_vectors(tokens, vocab, ranked[:args.contexts], args.dim, args.seed)
    vectors = vectors[:, ::-1]  # svds returns the smallest singular value first
    order = sorted(range(len(vocab)), key=vocab.__getitem__)
    words = np.array([vocab[i] for i in order])
    quantized = np.round(vectors[order] * 127).astype(np.int8)
    with open(args.out, "wb") as f:
        np.savez_compressed(f, words=words, vectors=quantized)
    print(f"{args.out}: {len(words):,} words × {args.dim} dims, {Path(args.out).stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
