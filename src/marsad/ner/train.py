"""Train the NER model on ANERcorp and write the shipped weights.

    python -m marsad.ner.train /work/shared/data/anercorp/train.txt

trains on the first 90% of the sentences (the last 10% is the held-out test
slice of ``marsad.ner.evaluate``) and writes ``data/ner_model.json.gz``.
Training is deterministic (L-BFGS, fixed order, fixed hyper-parameters): the
same corpus and word lists give a byte-identical file. The word classes include
Marsad's knowledge files (see gazetteer.py) as they are when training runs, and
are stored in the model, so retrain after those files change much.
Hyper-parameters were chosen on the dev slice (``--slice train`` + evaluate
``--slice dev``): c1/c2 in {0.01..0.2}, 150/300/600 iterations.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import tempfile

from ..text.normalize import normalize
from .corpus import LABELS, slices
from .features import OFFSETS, sentence_features
from .gazetteer import gazetteer
from .tagger import MODEL_PATH

PARAMS = {"c1": 0.03, "c2": 0.05, "max_iterations": 300, "feature.possible_transitions": True}
DIGITS = 3


def train_crfsuite(sentences: list, gaz: dict, crf_path: str, params: dict = PARAMS) -> None:
    import pycrfsuite
    trainer = pycrfsuite.Trainer(verbose=False)
    for sent in sentences:
        words = [normalize(w) for w, _ in sent]
        trainer.append(sentence_features(words, gaz), [label for _, label in sent])
    trainer.set_params(params)
    trainer.train(crf_path)


def export(crf_path: str, gaz: dict) -> dict:
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
    for (feature, label), w in sorted(info.state_features.items()):
        w = round(w, DIGITS)
        if not w:
            continue
        k, attr = feature.split(":", 1)
        slot = (OFFSETS.index(int(k))) * len(LABELS) + index[label]
        attributes.setdefault(attr, []).extend((slot, w))
    used = {a[2:] for a in attributes if a.startswith("t=")}
    gaz = {w: [c for c in cs if c in used] for w, cs in sorted(gaz.items())}
    return {"labels": list(LABELS), "offsets": list(OFFSETS), "transitions": transitions,
            "attributes": attributes, "gazetteer": {w: cs for w, cs in gaz.items() if cs}}


def build_model(sentences: list, params: dict = PARAMS) -> dict:
    gaz = gazetteer()
    with tempfile.TemporaryDirectory() as tmp:
        crf_path = os.path.join(tmp, "ner.crfsuite")
        train_crfsuite(sentences, gaz, crf_path, params)
        return export(crf_path, gaz)


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
    args = ap.parse_args(argv)
    model = build_model(slices(args.corpus)[args.slice])
    save_model(model, args.out)
    print(f"{args.out}: {len(model['attributes'])} attributes, {os.path.getsize(args.out):,} bytes")


if __name__ == "__main__":
    main()
