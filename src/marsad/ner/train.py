"""Train the NER model on ANERcorp and write the shipped weights.

    python -m marsad.ner.train /work/shared/data/anercorp/train.txt

trains on the first 90% of the sentences (the last 10% is the held-out test
slice of ``marsad.ner.evaluate``) and writes ``data/ner_model.json.gz``.
Training is deterministic (L-BFGS, fixed order, fixed hyper-parameters): the
same corpus and word lists give a byte-identical file. The word classes include
Marsad's knowledge files (see gazetteer.py) as they are when training runs, and
are stored in the model, so retrain after those files change much. The
distributional word classes (data/word_clusters.tsv.gz) and word vectors
(data/word_vectors.npz) are read from their own files at run time too: retrain
after regenerating either.
Hyper-parameters were chosen on the dev slice (``--slice train`` + evaluate
``--slice dev``): c1/c2 in {0.01..0.2}, 150/300/600 iterations (c1 0.01 / c2 0.1
rechecked with the word classes: no better). Dev F1 (20-sentence documents):
0.790 with the word classes, 0.792 adding the word vectors, 0.795 with the
longer-name propagation too; word-pair attributes (stem and class bigrams) gave
0.790 and were dropped. Also dropped (dev F1 against 0.795): vectors at ±2 0.793;
stem vector before word vector 0.790; 64-dim vectors of 50k words 0.794; more
families at ±2 (stem class, shape, clitic) 0.797; BIOES labels 0.768; classes
from the share of a word's news-corpus occurrences the model tags as names 0.783
(0.792 with each half trained on counts of a model that did not see it); a bias
against O 0.796 at best; averaging two models' weights 0.797 at most; two-stage
stacking (Krishnan & Manning 2006: a second CRF adding document-level attributes
computed from 5-fold jackknifed first-stage labels: the labels the first stage gave
the other occurrences of the word, at least half or some; the word sequence it
tagged as an entity elsewhere; the trigger classes before the other occurrences;
at offsets -1..1) 0.790, 0.788 without propagation (this model: 0.777 without it);
flat classes (k-means, k = 64/256/1024) of fastText skip-gram vectors with
character n-grams (64 dims, 3 epochs, news corpus + ANERcorp train/dev words,
155k words) added to the features 0.775.
The neural tagger (neural_train.py) is shipped on top of this model, which is one
member of its ensemble.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import tempfile

from ..text.normalize import normalize
from .clusters import CLUSTERS_PATH, load_clusters
from .corpus import LABELS, slices
from .features import OFFSETS, WordTables, sentence_features
from .gazetteer import gazetteer
from .tagger import MODEL_PATH
from .vectors import VECTORS_PATH, load_vectors

PARAMS = {"c1": 0.03, "c2": 0.05, "max_iterations": 300, "feature.possible_transitions": True}
DIGITS = 3
VECTOR_ATTR = re.compile(r"e\d+$")  # a word-vector component (features.py)


def train_crfsuite(sentences: list, tables: WordTables, crf_path: str, params: dict = PARAMS) -> None:
    import pycrfsuite
    trainer = pycrfsuite.Trainer(verbose=False)
    for sent in sentences:
        words = [normalize(w) for w, _ in sent]
        trainer.append(sentence_features(words, tables), [label for _, label in sent])
    trainer.set_params(params)
    trainer.train(crf_path)


def export(crf_path: str, gaz: dict, clusters: dict, vectors: dict) -> dict:
    """The CRF weights as plain data: per attribute, (offset·labels + label, weight) pairs."""
    import pycrfsuite
    tagger = pycrfsuite.Tagger()
    tagger.open(crf_path)
    info = tagger.info()
    index = {label: i for i, label in enumerate(LABELS)}
    transitions = [[0.0] * len(LABELS) for _ in LABELS]
    for (a, b), w in info.transitions.items():
        transitions[index[a]][index[b]] = round(w, DIGITS)
    attributes: dict[str, list] = {}
    components: dict[str, list] = {}
    for (feature, label), w in sorted(info.state_features.items()):
        w = round(w, DIGITS)
        if not w:
            continue
        k, attr = feature.split(":", 1)
        slot = (OFFSETS.index(int(k))) * len(LABELS) + index[label]
        (components if VECTOR_ATTR.match(attr) else attributes).setdefault(attr, []).extend((slot, w))
    used = {a[2:] for a in attributes if a.startswith("t=")}
    gaz = {w: [c for c in cs if c in used] for w, cs in sorted(gaz.items())}
    return {"labels": list(LABELS), "offsets": list(OFFSETS), "transitions": transitions,
            "attributes": attributes, "gazetteer": {w: cs for w, cs in gaz.items() if cs},
            "cluster_words": len(clusters), "vector_words": len(vectors),
            "vector_components": components}


def build_model(sentences: list, params: dict = PARAMS, clusters_path: str = str(CLUSTERS_PATH),
                vectors_path: str = str(VECTORS_PATH)) -> dict:
    gaz, clusters, vectors = gazetteer(), load_clusters(clusters_path), load_vectors(vectors_path)
    with tempfile.TemporaryDirectory() as tmp:
        crf_path = os.path.join(tmp, "ner.crfsuite")
        train_crfsuite(sentences, WordTables(gaz, clusters, vectors), crf_path, params)
        return export(crf_path, gaz, clusters, vectors)


def save_model(model: dict, path: str = MODEL_PATH) -> None:
    data = json.dumps(model, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    with open(path, "wb") as f:
        f.write(gzip.compress(data.encode("utf-8"), compresslevel=9, mtime=0))


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", help="ANERcorp train.txt (token label per line)")
    ap.add_argument("--slice", default="full", choices=("full", "train"),
                    help="full = first 90%% (shipped); train = without the dev slice (tuning)")
    ap.add_argument("--out", default=MODEL_PATH)
    ap.add_argument("--clusters", default=str(CLUSTERS_PATH), help="word classes (tuning)")
    ap.add_argument("--vectors", default=str(VECTORS_PATH), help="word vectors (tuning)")
    ap.add_argument("--c1", type=float, default=PARAMS["c1"])
    ap.add_argument("--c2", type=float, default=PARAMS["c2"])
    args = ap.parse_args(argv)
    params = {**PARAMS, "c1": args.c1, "c2": args.c2}
    model = build_model(slices(args.corpus)[args.slice], params, args.clusters, args.vectors)
    save_model(model, args.out)
    print(f"{args.out}: {len(model['attributes'])} attributes, {os.path.getsize(args.out):,} bytes")


if __name__ == "__main__":
    main()
