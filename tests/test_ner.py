"""NER tagger: shipped model, API shapes, own example sentences, held-out F1 floor."""
from __future__ import annotations

import os

import pytest

from marsad.document import make_document
from marsad.ner import load_tagger
from marsad.ner.clusters import load_clusters
from marsad.ner.features import cluster_attributes
from marsad.ner.propagate import propagate
from marsad.ner.tagger import MODEL_PATH, Tagger, load_model
from marsad.ner.vectors import load_vectors
from marsad.text.segment import segment

ANERCORP = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data", "anercorp", "train.txt")
HELD_OUT_FLOOR = 0.80  # measured 0.8007 (neural ensemble + ORG bias 1.75; PERS/LOC/ORG, 20-sentence documents)

# (sentence, expected entities as (text, type)) — sentences written for this test.
# Spans cover whole tokens, so an attached proclitic (للأمم) is part of the span.
EXAMPLES = [
    ("قال الرئيس المصري عبد الفتاح السيسي في القاهرة إن الحكومة ستدعم الاستثمار .",
     {("عبد الفتاح السيسي", "PERS"), ("القاهرة", "LOC")}),
    ("واستقبل وزير الخارجية السعودي عادل الجبير نظيره الفرنسي في الرياض أمس .",
     {("عادل الجبير", "PERS"), ("الرياض", "LOC")}),
    ("أعلنت منظمة الصحة العالمية أن عدد الإصابات في العراق ارتفع .",
     {("منظمة الصحة العالمية", "ORG"), ("العراق", "LOC")}),
    ("وصل الأمين العام للأمم المتحدة أنطونيو غوتيريش إلى بيروت في زيارة رسمية .",
     {("للأمم المتحدة", "ORG"), ("أنطونيو غوتيريش", "PERS"), ("بيروت", "LOC")}),
    # ANERcorp leaves «وكالة الأنباء …» untagged (5 of its 6 occurrences), so the model does too.
    ("وقالت وكالة الأنباء السعودية إن ولي العهد الأمير محمد بن سلمان التقى رئيس الوزراء"
     " البريطاني في لندن .",
     {("محمد بن سلمان", "PERS"), ("لندن", "LOC")}),
    ("وأكد المتحدث باسم الوزارة اللواء منصور التركي أن قوات الأمن ألقت القبض على المتهمين"
     " في محافظة القطيف .",
     {("منصور التركي", "PERS"), ("القطيف", "LOC")}),
]


@pytest.fixture(scope="module")
def tagger():
    return load_tagger()


def entities(tagger, text):
    doc = make_document(text)
    segment(doc)
    toks = doc.tokens
    return {(text[toks[a].start:toks[b - 1].end], kind) for a, b, kind in tagger.tag_doc(doc)}


@pytest.mark.parametrize("text,expected", EXAMPLES)
def test_own_sentences(tagger, text, expected):
    found = entities(tagger, text)
    assert expected <= found, f"missing {expected - found}, found {found}"


def test_shipped_tagger_is_the_neural_ensemble(tagger):
    from marsad.ner.neural import NeuralTagger
    assert isinstance(tagger, NeuralTagger)
    assert len(tagger.members) == 2 and tagger.crf is not None and tagger.crf_weight > 0


def test_tag_returns_bio_labels(tagger):
    labels = tagger.tag(["زار", "الرئيس", "باراك", "أوباما", "لندن", "."])
    assert len(labels) == 6
    assert labels[2:4] == ["B-PERS", "I-PERS"]
    assert labels[4] == "B-LOC"
    assert labels[0] == labels[5] == "O"


def test_empty_input(tagger):
    assert tagger.tag([]) == []


def test_propagation_tags_later_mentions():
    cores = ["قال", "كافو", "اليوم", "ان", "كافو", "سعيد"]
    assert propagate(cores, [(1, 2, "PERS")]) == [(1, 2, "PERS"), (4, 5, "PERS")]


def test_propagation_tags_surname_alone():
    cores = ["قال", "رود", "نيستلروي", "ان", "نيستلروي", "سعيد"]
    assert propagate(cores, [(1, 3, "PERS")]) == [(1, 3, "PERS"), (4, 5, "PERS")]
    assert propagate(cores, [(1, 3, "ORG")]) == [(1, 3, "ORG")]


def test_propagation_unifies_types_by_majority():
    cores = ["نوكيا", "و", "نوكيا", "ثم", "نوكيا"]
    spans = [(0, 1, "ORG"), (2, 3, "LOC"), (4, 5, "ORG")]
    assert propagate(cores, spans) == [(0, 1, "ORG"), (2, 3, "ORG"), (4, 5, "ORG")]


def test_spans_from_labels(tagger):
    idx = [tagger.labels.index(x) for x in ["O", "B-PERS", "I-PERS", "I-LOC", "B-LOC", "B-LOC"]]
    assert tagger.spans(idx) == [(1, 3, "PERS"), (3, 4, "LOC"), (4, 5, "LOC"), (5, 6, "LOC")]


@pytest.mark.skipif(not os.path.exists(ANERCORP), reason="ANERcorp not available")
def test_held_out_f1(tagger):
    from marsad.ner.corpus import slices
    from marsad.ner.evaluate import DOC_SIZE, score
    result = score(tagger, slices(ANERCORP)["test"], DOC_SIZE)
    assert result["overall"][2] >= HELD_OUT_FLOOR, result


def test_cluster_prefix_attributes():
    clusters = {"لندن": "0110100111010"}
    assert cluster_attributes("bc", "لندن", clusters) == [
        "bc4=0110", "bc8=01101001", "bc12=011010011101", "bc=0110100111010"]
    assert cluster_attributes("bc", "غيرها", clusters) == ["bc=?"]


def test_shipped_clusters_group_similar_words():
    clusters = load_clusters()
    assert len(clusters) > 50_000
    assert clusters["بغداد"][:6] == clusters["دمشق"][:6]
    assert clusters["محمد"][:6] == clusters["احمد"][:6]
    assert clusters["محمد"][:6] != clusters["بغداد"][:6]


def test_shipped_vectors_place_similar_words_close():
    vectors = load_vectors()
    assert len(vectors) == 30_000

    def sim(a, b):
        return float(vectors[a] @ vectors[b])
    assert sim("بغداد", "دمشق") > sim("بغداد", "محمد") + 0.5
    assert sim("شركه", "مؤسسه") > sim("شركه", "القاهره") + 0.5


def test_features_carry_vector_components():
    import numpy as np

    from marsad.ner.features import WordTables, sentence_features
    tables = WordTables({}, {}, {"لندن": np.array([0.5, -0.25], dtype=np.float32)})
    first, second = sentence_features(["زار", "لندن"], tables)
    assert second["0:e0"] == 0.5 and second["0:e1"] == -0.25 and second["0:w=لندن"] == 1.0
    assert first["1:e1"] == -0.25 and "0:e0" not in first


def test_model_refuses_other_vector_file(tmp_path):
    import numpy as np
    other = tmp_path / "vectors.npz"
    np.savez(other, words=np.array(["بغداد"]), vectors=np.zeros((1, 32), dtype=np.int8))
    with pytest.raises(ValueError):
        Tagger(load_model(MODEL_PATH), vectors_path=str(other))


def test_propagation_longer_name_replaces_parts():
    cores = ["فريق", "مغرب", "فاسي", "امام", "مغرب", "فاسي"]
    spans = [(1, 3, "ORG"), (4, 5, "LOC"), (5, 6, "PERS")]
    assert propagate(cores, spans) == [(1, 3, "ORG"), (4, 6, "ORG")]
    assert propagate(cores, [(1, 2, "LOC"), (4, 6, "ORG")]) == [(1, 3, "ORG"), (4, 6, "ORG")]


def test_model_refuses_other_cluster_file(tmp_path):
    import gzip
    other = tmp_path / "clusters.tsv.gz"
    other.write_bytes(gzip.compress("# header\nبغداد\t0101\n".encode()))
    with pytest.raises(ValueError):
        Tagger(load_model(MODEL_PATH), clusters_path=str(other))


def test_neural_numpy_forward_matches_torch():
    """The numpy forward pass (neural.py) gives the torch module's emission scores."""
    torch = pytest.importorskip("torch")
    import numpy as np

    from marsad.ner.corpus import LABELS
    from marsad.ner.features import WordTables
    from marsad.ner.neural import NeuralTagger
    from marsad.ner.neural_inputs import build_vocab, encode_types
    from marsad.ner.neural_model import BiLstmCrf
    from marsad.ner.neural_train import HP, export
    torch.manual_seed(0)
    sentences = [["زار", "الرئيس", "لندن", "امس"], ["بغداد"], ["في", "بغداد", "."]]
    rng = np.random.default_rng(0)
    vector_file = {"words": np.array(["بغداد", "لندن"]), "vectors": rng.integers(-90, 90, (2, 8)).astype(np.int8)}
    tables = WordTables({"لندن": ("CITY",)}, load_clusters(), {})
    vocab = build_vocab(sentences, vector_file["words"].tolist(), tables, min_count=1)
    vectors = torch.cat([torch.zeros(1, 8), torch.from_numpy(vector_file["vectors"] * np.float32(2 / 127))])
    model = BiLstmCrf(vectors, len(vocab.chars) + 2, len(vocab.attrs) + 1, list(LABELS), {**HP, "hidden": 6})
    with torch.no_grad():  # the file stores embeddings as float16
        for emb in (model.char_emb, model.attr_emb):
            emb.weight.copy_(emb.weight.half().float())
    model.eval()
    tagger = NeuralTagger(export([model], vocab, tables, vector_file, 0.0))
    types = sorted({w for s in sentences for w in s})
    arrays = [torch.from_numpy(a) for a in encode_types(types, vocab, tables)]
    tokens = torch.tensor([[types.index(w) for w in s] + [0] * (4 - len(s)) for s in sentences])
    lengths = torch.tensor([len(s) for s in sentences])
    expected = model.emissions(arrays, tokens, lengths).detach().numpy()
    ids = tagger._type_ids([w for s in sentences for w in s])
    padded = np.zeros((3, 4), dtype=np.intp)
    padded[0], padded[1, :1], padded[2, :3] = ids[:4], ids[4:5], ids[5:]
    got = tagger._batch_scores(padded, lengths.numpy())
    mask = (np.arange(4)[None, :] < lengths.numpy()[:, None])
    assert np.allclose(got[mask], expected[mask], atol=1e-4)


def test_viterbi_respects_bio_and_finds_best_path():
    import itertools

    import numpy as np

    from marsad.ner.nn_numpy import viterbi
    rng = np.random.default_rng(1)
    scores, trans = rng.normal(size=(2, 4, 3)), rng.normal(size=(3, 3))
    start, end = rng.normal(size=3), rng.normal(size=3)
    trans[0, 2] = -np.inf  # label 2 never follows label 0
    paths = viterbi(scores, np.array([4, 3]), trans, start, end)
    for b, n in ((0, 4), (1, 3)):
        def total(p):
            return start[p[0]] + end[p[-1]] + sum(scores[b, k, y] for k, y in enumerate(p)) + sum(
                trans[p[k], p[k + 1]] for k in range(n - 1))
        best = max(itertools.product(range(3), repeat=n), key=total)
        assert tuple(paths[b, :n]) == best


def test_label_bias_spec():
    import numpy as np

    from marsad.ner.base import label_bias, parse_bias
    from marsad.ner.corpus import LABELS
    bias = label_bias(list(LABELS), parse_bias("ORG=1.5,B-PERS=0.5,O=-0.25"))
    expected = dict.fromkeys(LABELS, 0.0) | {"B-ORG": 1.5, "I-ORG": 1.5, "B-PERS": 0.5, "O": -0.25}
    assert bias.tolist() == [expected[lab] for lab in LABELS]
    assert not label_bias(list(LABELS)).any()
    with pytest.raises(ValueError):
        label_bias(list(LABELS), {"FOO": 1.0})
    assert np.array_equal(label_bias(list(LABELS), bias), bias)


def _doc_sentences():
    words = [s.split() for s in (
        "أعلنت منظمة الصحة العالمية أن عدد الإصابات في العراق ارتفع .",
        "وقال مجلس الأمن الدولي إن الشركة العربية للاستثمار ستفتح فرعا في بيروت .",
        "زار الرئيس باراك أوباما لندن امس والتقى وفد الاتحاد الأوروبي .")]
    from marsad.text.normalize import normalize
    return [[normalize(w) for w in s] for s in words]


def _org_spans(tagger, sentences):
    return [s for s in tagger.spans(tagger.tag_sentences(sentences)) if s[2] == "ORG"]


@pytest.mark.parametrize("neural", [True, False])
def test_zero_bias_is_identical_and_org_bias_adds_org(tagger, neural):
    """A zero bias (explicit, or absent from the file) decodes exactly as before; a large
    ORG bias tags more tokens ORG (and on B-ORG, more ORG spans); the bias is stored in and
    read from the weights."""
    from marsad.ner.base import label_bias
    from marsad.ner.neural import NeuralTagger
    from marsad.ner.tagger import Tagger
    sentences = _doc_sentences()
    if neural:
        unbiased = {k: v for k, v in tagger.w.items() if k != "label_bias"}
        def make(bias=None, weights=None):
            return NeuralTagger(weights or unbiased, tagger.crf, bias=bias)
        plain = make()
        assert tagger.bias.tolist() == label_bias(tagger.labels, {"ORG": 1.75}).tolist()  # shipped
    else:
        plain = tagger.crf
        def make(bias=None, weights=None):
            return Tagger(weights or load_model(MODEL_PATH), bias=bias)
    assert not plain.bias.any()
    base = plain.tag_sentences(sentences)
    assert make({"ORG": 0.0, "PERS": 0.0}).tag_sentences(sentences) == base
    assert make([0.0] * len(plain.labels)).tag_sentences(sentences) == base
    biased = make({"ORG": 16.0})
    plain_org, biased_org = _org_spans(plain, sentences), _org_spans(biased, sentences)
    assert sum(b - a for a, b, _ in biased_org) > sum(b - a for a, b, _ in plain_org)
    assert len(_org_spans(make({"B-ORG": 16.0}), sentences)) > len(plain_org)
    if neural:
        stored = make(weights={**tagger.w, "label_bias": biased.bias})
    else:
        stored = make(weights={**load_model(MODEL_PATH), "label_bias": biased.bias.tolist()})
    assert stored.tag_sentences(sentences) == biased.tag_sentences(sentences)
