"""Per-word attributes for the NER model.

Every attribute describes ONE word (its normalized form), so a token's features
are the attributes of the words in a ±2 window, each tagged with its offset
(``"-1:c=رئيس"``). That keeps the model's emission score a sum of per-word-type
vectors, which the tagger caches (see ``tagger.py``). When word vectors are loaded (vectors.py), a token
also gets the real-valued components of the vectors of the words at offsets
-1..1 (``"0:e5": 0.31``).
"""
from __future__ import annotations

from typing import NamedTuple

from ..text.segment import clitic_forms

OFFSETS = (-2, -1, 0, 1, 2)
FAR_FAMILIES = ("c=", "t=", "w=", "bc")  # attribute families also used at offsets ±2
CLUSTER_PREFIXES = (4, 8, 12)  # class path prefix lengths, besides the whole path
VECTOR_OFFSETS = (-1, 0, 1)
BOS, EOS = "<s>", "</s>"
ARABIC = frozenset("ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي")


def word_shape(w: str) -> str:
    if w in (BOS, EOS):
        return w
    if w.isdigit() or w.replace(".", "").replace(",", "").isdigit():
        return "num"
    if all(ch in ARABIC for ch in w):
        return "ar"
    if w.isascii() and w.isalpha():
        return "lat"
    if not any(ch.isalnum() for ch in w):
        return "punct"
    return "mix"


class WordTables(NamedTuple):
    """Word → data tables the attributes read: gazetteer classes (gazetteer.py),
    word-class paths (clusters.py) and word vectors (vectors.py)."""
    gazetteer: dict
    clusters: dict
    vectors: dict


def cluster_attributes(family: str, word: str, clusters: dict) -> list[str]:
    """Word-class path prefixes of ``word`` (``family=?`` when it has no class)."""
    path = clusters.get(word)
    if path is None:
        return [family + "=?"]
    return ["%s%d=%s" % (family, n, path[:n]) for n in CLUSTER_PREFIXES if len(path) > n] + [
        family + "=" + path]


def word_attributes(w: str, tables: WordTables) -> list[str]:
    """Attributes of a normalized word (offset-free)."""
    gazetteer, clusters = tables.gazetteer, tables.clusters
    shape = word_shape(w)
    if shape in (BOS, EOS):
        return ["w=" + w]
    attrs = ["b", "w=" + w, "k=" + shape]
    if clusters and shape in ("ar", "lat"):
        attrs += cluster_attributes("bc", w, clusters)
    if shape != "ar":
        if shape == "num":
            attrs.append("len=%d" % min(len(w), 5))
        return attrs
    forms = clitic_forms(w, short_future=False) if len(w) > 2 else [(w, 0)]
    stem = forms[-1][0]
    core = stem[2:] if stem.startswith("ال") and len(stem) > 3 else stem
    if clusters and stem != w:
        attrs += cluster_attributes("sc", stem, clusters)
    vowels = sum(core.count(ch) for ch in "اوي")
    attrs += ["c=" + core, "len=%d" % min(len(w), 9), "v=%d" % min(vowels, 4)]
    if core != stem:
        attrs.append("al")
    if forms[-1][1]:
        attrs.append("clitic=" + w[:forms[-1][1]])
    for n in (1, 2, 3):
        if len(core) > n:
            attrs.append("p%d=%s" % (n, core[:n]))
            attrs.append("x%d=%s" % (n, core[-n:]))
    classes = set()
    for form, _ in forms:
        classes.update(gazetteer.get(form, ()))
        if form.startswith("ال") and len(form) > 3:
            classes.update(gazetteer.get(form[2:], ()))
    attrs.extend("t=" + c for c in sorted(classes))
    return attrs


def word_vector(w: str, tables: WordTables):
    """The vector of the word, else of its clitic-stripped stem (None when neither has one)."""
    vector = tables.vectors.get(w)
    if vector is None and len(w) > 2 and word_shape(w) == "ar":
        vector = tables.vectors.get(clitic_forms(w, short_future=False)[-1][0])
    return vector


def offset_attributes(attrs: list[str], k: int) -> list[str]:
    if k == 0:
        return ["0:" + a for a in attrs]
    if abs(k) == 1:
        return ["%d:%s" % (k, a) for a in attrs if a != "b"]
    return ["%d:%s" % (k, a) for a in attrs if a.startswith(FAR_FAMILIES)]


def sentence_features(words: list[str], tables: WordTables) -> list:
    """CRF features of each (normalized) word of a sentence: attribute lists, or
    attribute → value dicts when word vectors are loaded."""
    padded = [BOS, BOS] + list(words) + [EOS, EOS]
    attrs = [word_attributes(w, tables) for w in padded]
    features = [[f for k in OFFSETS for f in offset_attributes(attrs[i + 2 + k], k)]
                for i in range(len(words))]
    if not tables.vectors:
        return features
    vectors = [word_vector(w, tables) for w in padded]
    return [{**dict.fromkeys(f, 1.0), **{f"{k}:e{j}": float(x)
             for k in VECTOR_OFFSETS if vectors[i + 2 + k] is not None
             for j, x in enumerate(vectors[i + 2 + k])}} for i, f in enumerate(features)]
