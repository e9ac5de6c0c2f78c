"""Write src/marsad/ner/data/word_clusters.tsv.gz: a hierarchical cluster path for
every frequent word of the news corpus, used as NER features (marsad/ner/clusters.py).

Distributional word classes in the spirit of Brown clusters: each normalized word
(frequency >= --min-freq) is described by its positive PMI with the frequent words
(and punctuation) at offsets -2, -1, +1, +2; the matrix is reduced by truncated SVD;
the word vectors are grouped by spherical k-means into --clusters classes, and the
class centroids are joined bottom-up by Ward linkage into a binary tree. A word's
path is its class's 0/1 path from the root, so path prefixes are coarser classes.
Only words and paths are written (no corpus text). Deterministic for a fixed corpus.

    python tools/gen_word_clusters.py [--corpus PATH] [--min-freq 3] [--clusters 1000]

The shipped file uses the defaults (chosen on the ANERcorp dev slice: min freq 3 and
150 dimensions beat 5/100 and 2/150; extra flat k-means granularities did not help).

Needs numpy and scipy (training time only).
"""
from __future__ import annotations

import argparse
import gzip
import json
from collections import Counter
from pathlib import Path

import numpy as np

from marsad.text.normalize import normalize
from marsad.text.segment import TOKEN_RE

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "news" / "saudinewsnet.jsonl.gz"
OUT = ROOT / "src" / "marsad" / "ner" / "data" / "word_clusters.tsv.gz"
CONTEXT_OFFSETS = (-2, -1, 1, 2)
NUM, BREAK = "<num>", "<br>"


def token_stream(path: Path) -> list[str]:
    """Normalized tokens of all titles and texts; numbers folded, paragraphs marked."""
    tokens = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            obj = json.loads(line)
            for part in (obj.get("title") or "", *(obj.get("text") or "").split("\n")):
                if not part.strip():
                    continue
                tokens.append(BREAK)
                tokens.extend(NUM if m.lastgroup == "num" else m.group()
                              for m in TOKEN_RE.finditer(normalize(part)))
    return tokens


def cooccurrence(ids: np.ndarray, n_words: int, ctx_ids: np.ndarray, n_ctx: int):
    """Sparse (word, offset·context) count matrix; ids < 0 are out of vocabulary."""
    from scipy.sparse import coo_matrix
    rows, cols = [], []
    for j, k in enumerate(CONTEXT_OFFSETS):
        w = ids[max(0, -k):len(ids) - max(0, k)]
        c = ctx_ids[max(0, k):len(ctx_ids) - max(0, -k)]
        keep = (w >= 0) & (c >= 0)
        rows.append(w[keep])
        cols.append(c[keep] + j * n_ctx)
    rows, cols = np.concatenate(rows), np.concatenate(cols)
    data = np.ones(len(rows), dtype=np.float32)
    shape = (n_words, n_ctx * len(CONTEXT_OFFSETS))
    return coo_matrix((data, (rows, cols)), shape=shape).tocsr()


def ppmi(counts, alpha: float = 0.75):
    """Positive PMI with context-distribution smoothing (counts^alpha)."""
    counts = counts.tocoo()
    row = np.asarray(counts.sum(axis=1)).ravel()
    col = np.asarray(counts.sum(axis=0)).ravel() ** alpha
    pmi = np.log(counts.data * col.sum() / (row[counts.row] * col[counts.col]))
    keep = pmi > 0
    counts.data = np.where(keep, pmi, 0).astype(np.float32)
    counts.eliminate_zeros()
    return counts.tocsr()


def embed(matrix, dim: int, seed: int) -> np.ndarray:
    from scipy.sparse.linalg import svds
    rng = np.random.default_rng(seed)
    u, s, _ = svds(matrix, k=dim, v0=rng.standard_normal(min(matrix.shape)))
    vectors = u * np.sqrt(s)
    return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)


def ranked_tokens(tokens: list[str]) -> tuple[Counter, list[str]]:
    """Token counts, and the distinct tokens (punctuation, numbers and breaks too) by frequency."""
    freq = Counter(tokens)
    return freq, sorted(freq, key=lambda w: (-freq[w], w))


def is_word(token: str) -> bool:
    """A token that may get a vector: not a number, break or digit-initial, with a letter."""
    return token not in (NUM, BREAK) and not token[0].isdigit() and any(ch.isalpha() for ch in token)


def word_vectors(tokens: list[str], vocab: list[str], contexts: list[str], dim: int,
                 seed: int) -> np.ndarray:
    """Unit-length SVD vectors (one row per vocab word) of the PPMI with the context words."""
    word_id = {w: i for i, w in enumerate(vocab)}
    ctx_id = {w: i for i, w in enumerate(contexts)}
    ids = np.fromiter((word_id.get(t, -1) for t in tokens), dtype=np.int64, count=len(tokens))
    ctx = np.fromiter((ctx_id.get(t, -1) for t in tokens), dtype=np.int64, count=len(tokens))
    return embed(ppmi(cooccurrence(ids, len(vocab), ctx, len(ctx_id))), dim, seed)


def kmeans(vectors: np.ndarray, k: int, seed: int, iterations: int = 25) -> tuple:
    """Spherical k-means; the first centroids are the k most frequent words' vectors
    spread by a fixed random choice (vectors are sorted by frequency)."""
    rng = np.random.default_rng(seed)
    centroids = vectors[np.sort(rng.choice(min(len(vectors), 20 * k), k, replace=False))]
    for _ in range(iterations):
        assign = np.concatenate([(vectors[i:i + 20000] @ centroids.T).argmax(axis=1)
                                 for i in range(0, len(vectors), 20000)])
        sums = np.zeros_like(centroids)
        np.add.at(sums, assign, vectors)
        empty = ~sums.any(axis=1)
        sums[empty] = centroids[empty]
        centroids = sums / np.maximum(np.linalg.norm(sums, axis=1, keepdims=True), 1e-9)
    return assign, centroids


def tree_paths(centroids: np.ndarray) -> list[str]:
    """0/1 path from the root of a Ward tree over the centroids, per cluster."""
    from scipy.cluster.hierarchy import linkage, to_tree
    root = to_tree(linkage(centroids, method="ward"))
    paths = [""] * len(centroids)
    stack = [(root, "")]
    while stack:
        node, path = stack.pop()
        if node.is_leaf():
            paths[node.id] = path or "0"
        else:
            stack.append((node.left, path + "0"))
            stack.append((node.right, path + "1"))
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=str(CORPUS))
    ap.add_argument("--out", default=str(OUT))
    ap.add_argument("--min-freq", type=int, default=3)
    ap.add_argument("--contexts", type=int, default=3000, help="context words per offset")
    ap.add_argument("--dim", type=int, default=150)
    ap.add_argument("--clusters", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args()
    tokens = token_stream(Path(args.corpus))
    freq, ranked = ranked_tokens(tokens)
    vocab = [w for w in ranked if freq[w] >= args.min_freq and is_word(w)]
    print(f"{len(tokens):,} tokens, {len(vocab):,} words with freq >= {args.min_freq}")
    vectors = word_vectors(tokens, vocab, ranked[:args.contexts], args.dim, args.seed)
    assign, centroids = kmeans(vectors, args.clusters, args.seed)
    paths = tree_paths(centroids)
    header = (f"# Word classes for Marsad's NER features, made by tools/gen_word_clusters.py from"
              f" {Path(args.corpus).name}\n# (min freq {args.min_freq}, {args.contexts} context words,"
              f" {args.dim} SVD dims, {args.clusters} k-means classes, Ward tree).\n"
              "# Columns: normalized word<TAB>0/1 path of its class in the tree (prefixes = coarser"
              " classes).\n")
    lines = "".join(f"{w}\t{paths[c]}\n" for w, c in sorted(zip(vocab, assign.tolist())))
    with open(args.out, "wb") as f:
        f.write(gzip.compress((header + lines).encode("utf-8"), compresslevel=9, mtime=0))
    depth = [len(p) for p in paths]
    print(f"{args.out}: {len(vocab):,} words, path depth {min(depth)}..{max(depth)}")


if __name__ == "__main__":
    main()
