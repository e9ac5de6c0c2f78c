"""Train the neural NER tagger (BiLSTM-CRF, torch on CPU) and write data/neural_ner.npz.

The shipped file (training: about 25 minutes on one core, pinned with taskset):

    python tools/gen_word_vectors.py --words 60000 --dim 100 --contexts 5000 --out /tmp/vec100.npz
    python -m marsad.ner.neural_train /work/shared/data/anercorp/train.txt
           --vectors /tmp/vec100.npz --epochs 25 --seeds 1,2 --crf-weight 0.75   (one line)
    python -m marsad.ner.neural_train /work/shared/data/anercorp/train.txt
           --combine src/marsad/ner/data/neural_ner.npz --crf-weight 0.75 --bias ORG=1.75
           --out src/marsad/ner/data/neural_ner.npz   (one line; the ORG bias of session 7)

trains two networks (seeds 1 and 2, 25 epochs each, no early stopping) on the first 90%
of the sentences (``full``; the last 10% is the held-out test slice of evaluate.py) and
stores them with the vocabularies and word vectors; the tagger averages their scores and
adds 0.75 × those of the shipped feature CRF (data/ner_model.json.gz, train.py).
Training is deterministic for a fixed torch build (fixed seeds, one thread); the vectors
tool is deterministic too (it prints the same arrays for the same corpus).

Network (neural_model.py): per word, its 100-dim news-corpus vector (frozen; of the
clitic-stripped stem when the word has none) and a has-vector flag, a character CNN
(32-dim characters, 64 width-3 filters, max-pooled, tanh) and the sum of 50-dim
embeddings of its sparse attributes (features.py, those seen twice in training:
shape, affixes, clitic, word classes, gazetteer classes, the word); dropout 0.5; a
BiLSTM (128 per direction); dropout 0.5; a linear layer to the 9 BIO labels and a CRF
(BIO transitions enforced). Adam (lr 0.002), batches of 16 sentences, gradient norm
clipped at 5. About 25 s per epoch on one core.

Variants, dev F1 (``--slice train``, scored on dev with 20-sentence documents; 1-sentence
in brackets). Feature CRF alone (train.py): 0.795.
- seed 1, best epoch by dev (22 of 25): 0.799 (0.793); seed 2, best of 32 epochs (25):
  0.801 (0.788). Dev F1 swings by about ±0.01 from epoch to epoch after epoch 15
  (0.779–0.801 for seed 2, epochs 20–32), so the epoch count (25) is rounded, not tuned.
- seed 1 + CRF, CRF weight 0.25 / 0.5 / 0.75 / 1 / 1.5: 0.809 / 0.804 / 0.809 / 0.807 /
  0.808 (0.805 at 0.75); seed 2 + CRF 0.75: 0.802 (0.794).
- seeds 1 and 2 averaged: 0.797 (0.791); plus the CRF at 0.5 / 0.75 / 1 / 1.5: 0.812 /
  0.814 / 0.801 / 0.807 (0.805 at 0.75) ← shipped configuration.
- seed 3 (25 epochs, best 25): 0.794; + CRF 0.75: 0.816 (0.801). Seeds 1–3 averaged:
  0.800 (0.791); plus the CRF at 0.5 / 0.75 / 1: 0.810 / 0.808 / 0.801 (0.802 at 0.75),
  no better than two seeds, so not shipped.
(These dev figures use epochs picked on dev, so they are slightly optimistic.)
Tried in session 6 (same protocol, scored with a CRF trained on the train slice, 0.792 on
dev alone; tools kept on the unmerged ``ner6`` branch; none shipped, none scored on test):
- fastText vectors (skip-gram with character n-grams, 100 dims, news corpus) instead of the
  PPMI ones: seed 1 0.785; + CRF 0.75: 0.804 (0.796).
- self-training on 3,000 news sentences labelled by that network + the CRF (kept where both
  agree, loss weight 0.5): seed 1 0.789; + CRF 0.75: 0.803 (0.800). ORG recall stays at
  0.56–0.60 on dev in every variant: the sentences both models agree on lack the ORGs both miss.
- PPMI and fastText vectors side by side (200 dims): seed 1 + CRF 0.816 (0.808), seed 2
  0.812; seeds 1 and 2 + CRF at 0.5 / 0.75 / 1: 0.815 / 0.811 / 0.812, not clearly above
  the shipped 0.814.
- the shipped configuration's seed 1 rerun: 0.799, + CRF 0.809 (0.805), as above.
Held-out test F1 of the shipped file (evaluate.py, looked at once): 0.786 with 20-sentence
documents (PERS 0.791, LOC 0.892, ORG 0.661), 0.784 with 1-sentence ones (PERS 0.789,
LOC 0.897, ORG 0.650); the feature CRF alone: 0.775. Training took 13 + 12 minutes.
Session 7: a per-label emission bias (``label_bias`` in the npz, base.label_bias; added to
the ensemble's emission scores before Viterbi; absent = zeros = identical output), written
with ``--combine FILE --crf-weight 0.75 --bias ORG=1.75``. Tuned on dev with ``--slice
train`` models retrained for it (vectors as above; feature CRF on the train slice, dev
0.7915 alone; seeds 1 and 2 as two pinned processes, best epochs 22 and 20, dev 0.7961 and
0.7926, 9 and 10 minutes). Dev F1 (4 digits), 20-sentence documents (1-sentence), seeds
1+2 + CRF 0.75, ORG bias 0 / 0.5 / 1 / 1.25 / 1.5 / 1.75 / 2 / 2.25 / 2.5 / 3 / 4 / 5:
.8130 / .8140 / .8151 / .8172 / .8172 / .8169 / .8155 / .8150 / .8186 / .8117 / .7982 /
.7692 (.8095 / .8086 / .8113 / .8142 / .8142 / .8139 / .8131 / .8120 / .8149 / .8082 /
.7916 / .7641); ORG P/R .8086/.6093 at 0, .7797/.6419 at 1.75. Mean gain of the same ORG
grid over five ensembles (seeds 1+2, seed 1, seed 2, each + CRF 0.75; session 5's
train-slice seeds 1+2, and its seed 3, + this CRF), ORG 0.5 / 1 / 1.25 / 1.5 / 1.75 / 2 /
2.25 / 2.5 / 3: +.0017 / +.0045 / +.0055 / +.0062 / +.0072 / +.0062 / +.0043 / +.0031 /
-.0011 (1-sentence: +.0014 / +.0056 / +.0071 / +.0086 / +.0098 / +.0092 / +.0072 /
+.0061 / +.0014): a smooth peak at 1.75 (+.0039 / +.0044 for seeds 1+2 alone, the
second smallest of the five after seed 3's +.0037 / +.0114). B-ORG alone 1 / 1.5 / 2 /
2.5 / 3: .8132 / .8179 / .8176 / .8187 / .8152, but at 2 / 2.5 on the other four
ensembles +.0026 / +.0047 / +.0068 / -.0004 and +.0065 / -.0010 (session 5's seeds 1+2,
seed 3), below ORG; I-ORG alone 1 / 2 / 3: .8135 / .8148 / .8092. PERS -0.5 / 0.5 / 1 / 1.5:
.8114 / .8132 / .8103 / .8068; LOC -0.5 / 0.5 / 1 / 1.5: .8136 / .8130 / .8122 / .8029;
O -1.5 / -1 / -0.5 / 0.5: .8081 / .8095 / .8127 / .8061; B-ORG 2 with PERS 0.5 / 1:
.8178 / .8160, with LOC -0.5 / 0.5 / 1: .8182 / .8176 / .8147, with O -0.5: .8191 (none
kept). The feature CRF alone (tagger.py takes the same bias), ORG 0 / 0.25 / 0.5 / 0.75 /
1 / 1.5 / 2 / 3: .7915 / .7939 / .7929 / .7905 / .7872 / .7815 / .7607 / .7072, not kept.
Most dev ORG misses are Moroccan football clubs (الوداد البيضاوي, المغرب الفاسي…) left
untagged or split into LOC/PERS, which no bias repairs (ORG recall ≤ .68 at any bias).
Held-out test F1 of the shipped file with ORG 1.75 (looked at once): 0.801 with
20-sentence documents (PERS 0.803, LOC 0.901, ORG 0.694: P 0.766, R 0.635), 0.790 with
1-sentence ones (PERS 0.799, LOC 0.899, ORG 0.665); without the bias, rescored alongside:
0.786 / 0.784, as above.
"""
from __future__ import annotations

import argparse
import copy
import time

import numpy as np

from ..text.normalize import normalize
from .base import label_bias, parse_bias
from .clusters import load_clusters
from .corpus import LABELS, slices
from .evaluate import DOC_SIZE, score
from .features import WordTables
from .gazetteer import gazetteer
from .neural import NEURAL_PATH, NeuralTagger
from .neural_inputs import Vocab, build_vocab, encode_types
from .vectors import SCALE

HP = {"char_dim": 32, "filters": 64, "attr_dim": 50, "hidden": 128, "dropout": 0.5,
      "lr": 2e-3, "batch": 16, "epochs": 30, "patience": 6, "seed": 1, "min_count": 2}


def repair_bio(labels: list[str]) -> list[str]:
    """I-X that does not continue an X becomes B-X (the spans stay the same)."""
    out = []
    for lab in labels:
        if lab.startswith("I-") and (not out or out[-1][2:] != lab[2:]):
            lab = "B-" + lab[2:]
        out.append(lab)
    return out


class Data:
    """Word-type arrays and per-sentence type and label indices of a list of sentences."""

    def __init__(self, sentences: list, vocab: Vocab, tables: WordTables):
        words = [[normalize(w) for w, _ in s] for s in sentences]
        types = list(dict.fromkeys(w for s in words for w in s))
        index = {w: i for i, w in enumerate(types)}
        self.arrays = encode_types(types, vocab, tables)
        self.tokens = [np.array([index[w] for w in s]) for s in words]
        self.tags = [np.array([LABELS.index(lab) for lab in repair_bio([lab for _, lab in s])])
                     for s in sentences]


def batches(n: int, size: int, rng: np.random.Generator, lengths: np.ndarray) -> list:
    """Shuffled batches of sentence indices, similar lengths together within chunks."""
    order = rng.permutation(n)
    out = []
    for c in range(0, n, 20 * size):
        chunk = order[c:c + 20 * size]
        chunk = chunk[np.argsort(lengths[chunk], kind="stable")]
        out += [chunk[b:b + size] for b in range(0, len(chunk), size)]
    return [out[i] for i in rng.permutation(len(out))]


def padded(rows: list, batch) -> tuple:
    import torch
    lengths = torch.tensor([len(rows[i]) for i in batch])
    out = torch.zeros(len(batch), int(lengths.max()), dtype=torch.long)
    for k, i in enumerate(batch):
        out[k, :len(rows[i])] = torch.from_numpy(rows[i])
    return out, lengths


def export(models: list, vocab: Vocab, tables: WordTables, vector_file: dict, crf_weight: float) -> dict:
    """The numpy weights neural.py reads: shared tables, then each model's as member m0_, m1_…"""
    out = shared_arrays(vocab, tables, vector_file, crf_weight)
    out["members"] = np.int64(len(models))
    for m, model in enumerate(models):
        out.update((f"m{m}_{k}", v) for k, v in member_arrays(model).items())
    return out


def shared_arrays(vocab: Vocab, tables: WordTables, vector_file: dict, crf_weight: float) -> dict:
    def names(table: dict) -> np.ndarray:
        return np.array(sorted(table, key=table.get))
    gaz = sorted(tables.gazetteer.items())
    return {
        "labels": np.array(LABELS), "chars": names(vocab.chars), "attrs": names(vocab.attrs),
        "vector_words": vector_file["words"], "vectors": np.vstack(
            [np.zeros((1, vector_file["vectors"].shape[1]), np.int8), vector_file["vectors"]]),
        "vector_scale": np.float32(SCALE), "cluster_words": np.int64(len(tables.clusters)),
        "gaz_words": np.array([g for g, _ in gaz]), "gaz_classes": np.array(["|".join(c) for _, c in gaz]),
        "crf_weight": np.float32(crf_weight)}


def member_arrays(model) -> dict:
    p = {k: v.detach().numpy() for k, v in model.state_dict().items()}
    half = np.float16
    return {
        "char_emb": p["char_emb.weight"].astype(half), "conv_w": p["conv.weight"], "conv_b": p["conv.bias"],
        "attr_emb": p["attr_emb.weight"].astype(half),
        "f_w_ih": p["lstm.weight_ih_l0"], "f_w_hh": p["lstm.weight_hh_l0"],
        "f_b": p["lstm.bias_ih_l0"] + p["lstm.bias_hh_l0"],
        "b_w_ih": p["lstm.weight_ih_l0_reverse"], "b_w_hh": p["lstm.weight_hh_l0_reverse"],
        "b_b": p["lstm.bias_ih_l0_reverse"] + p["lstm.bias_hh_l0_reverse"],
        "out_w": p["out.weight"], "out_b": p["out.bias"], "trans": p["trans"], "start": p["start"],
        "end": p["end"]}


def dev_f1(model, vocab, tables, vector_file, dev) -> float:
    model.eval()
    tagger = NeuralTagger(export([model], vocab, tables, vector_file, 0.0))
    model.train()
    return score(tagger, dev, DOC_SIZE)["overall"][2]


def train(sentences: list, dev: list | None, vector_file: dict, hp: dict = HP):
    """Train; with ``dev``, keep the epoch of best dev F1 (early stopping). Returns the
    model, vocabulary, tables and the per-epoch log."""
    import torch

    from .neural_model import BiLstmCrf
    torch.manual_seed(hp["seed"])
    rng = np.random.default_rng(hp["seed"])
    tables = WordTables(gazetteer(), load_clusters(), {})
    vocab = build_vocab([[normalize(w) for w, _ in s] for s in sentences],
                        vector_file["words"].tolist(), tables, hp["min_count"])
    data = Data(sentences, vocab, tables)
    arrays = [torch.from_numpy(a) for a in data.arrays]
    vectors = torch.from_numpy(vector_file["vectors"].astype(np.float32) * SCALE)
    vectors = torch.cat([torch.zeros(1, vectors.shape[1]), vectors])
    model = BiLstmCrf(vectors, len(vocab.chars) + 2, len(vocab.attrs) + 1, list(LABELS), hp)
    opt = torch.optim.Adam([p for p in model.parameters() if p.requires_grad], lr=hp["lr"])
    lengths = np.array([len(t) for t in data.tokens])
    best, best_state, log, bad = -1.0, None, [], 0
    for epoch in range(1, hp["epochs"] + 1):
        t0, total = time.time(), 0.0
        for batch in batches(len(lengths), hp["batch"], rng, lengths):
            tokens, lens = padded(data.tokens, batch)
            tags, _ = padded(data.tags, batch)
            mask = (torch.arange(tokens.shape[1])[None, :] < lens[:, None]).float()
            loss = model.nll(model.emissions(arrays, tokens, lens), tags, mask, lens)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            opt.step()
            total += loss.item() * len(batch)
        f1 = dev_f1(model, vocab, tables, vector_file, dev) if dev else float("nan")
        log.append((epoch, total / len(lengths), f1, time.time() - t0))
        print("epoch %d loss %.3f dev F1 %.4f (%.0fs)" % log[-1], flush=True)
        if dev and f1 > best:
            best, best_state, bad = f1, copy.deepcopy(model.state_dict()), 0
        elif dev:
            bad += 1
            if bad >= hp["patience"]:
                break
    if best_state is not None:
        model.load_state_dict(best_state)
    model.eval()
    return model, vocab, tables, log


def combine(paths: list[str], crf_weight: float, bias: dict | None = None) -> dict:
    """One weights file holding the members of several (same corpus and vectors); with
    ``bias`` ({type or label: value}), its per-label emission bias (base.label_bias)."""
    from .neural import load_weights
    files = [load_weights(p) for p in paths]
    out = {k: v for k, v in files[0].items() if not k.startswith("m") or k == "members"}
    out["crf_weight"] = np.float32(crf_weight)
    if bias is not None:
        out["label_bias"] = label_bias(out["labels"].tolist(), bias)
    members = [{k: v for k, v in f.items() if k.startswith(f"m{m}_")} for f in files
               for m in range(int(f["members"]))]
    out["members"] = np.int64(len(members))
    for n, member in enumerate(members):
        out.update((f"m{n}_" + k.split("_", 1)[1], v) for k, v in member.items())
    return out


def train_seeds(args, hp: dict) -> dict:
    import torch
    torch.set_num_threads(1)
    parts = slices(args.corpus)
    with np.load(args.vectors) as z:
        vector_file = {"words": z["words"], "vectors": z["vectors"]}
    dev = parts["dev"] if args.slice == "train" else None
    models = []
    for seed in args.seeds:
        model, vocab, tables, _ = train(parts[args.slice], dev, vector_file, {**hp, "seed": seed})
        models.append(model)
    return export(models, vocab, tables, vector_file, args.crf_weight)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", help="ANERcorp train.txt (token label per line)")
    ap.add_argument("--slice", default="full", choices=("full", "train"),
                    help="full = first 90%% (shipped, fixed --epochs); train = early stopping on dev")
    ap.add_argument("--vectors", help="word vectors (tools/gen_word_vectors.py; needed to train)")
    ap.add_argument("--out", default=NEURAL_PATH)
    ap.add_argument("--crf-weight", type=float, default=0.0, help="ensemble weight of the CRF")
    ap.add_argument("--seeds", type=lambda s: [int(x) for x in s.split(",")], default=[HP["seed"]],
                    help="one network per seed, averaged")
    ap.add_argument("--combine", nargs="+", help="instead of training: merge these weight files")
    ap.add_argument("--bias", help="with --combine: per-label emission bias, e.g. ORG=1,B-PERS=0.5")
    for key in ("epochs", "patience", "hidden", "batch", "attr_dim", "filters"):
        ap.add_argument("--" + key.replace("_", "-"), type=int, default=HP[key])
    for key in ("dropout", "lr"):
        ap.add_argument("--" + key, type=float, default=HP[key])
    args = ap.parse_args(argv)
    hp = {**HP, **{k: getattr(args, k) for k in HP if hasattr(args, k)}}
    if not args.combine and not args.vectors:
        ap.error("--vectors is needed to train")
    if args.bias and not args.combine:
        ap.error("--bias goes with --combine")
    bias = parse_bias(args.bias) if args.bias else None
    weights = combine(args.combine, args.crf_weight, bias) if args.combine else train_seeds(args, hp)
    with open(args.out, "wb") as f:
        np.savez_compressed(f, **weights)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
