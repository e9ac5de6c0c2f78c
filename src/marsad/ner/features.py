"""Per-word attributes for the NER model.

Every attribute describes ONE word (its normalized form), so a token's features
are the attributes of the words in a ±2 window, each tagged with its offset
(``"-1:c=رئيس"``). That keeps the model's emission score a sum of per-word-type
vectors, which the tagger caches (see ``tagger.py``).
"""
from __future__ import annotations

from ..text.segment import clitic_forms

OFFSETS = (-2, -1, 0, 1, 2)
FAR_FAMILIES = ("c=", "t=", "w=")  # attribute families also used at offsets ±2
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


def word_attributes(w: str, gazetteer: dict) -> list[str]:
    """Attributes of a normalized word (offset-free)."""
    shape = word_shape(w)
    if shape in (BOS, EOS):
        return ["w=" + w]
    attrs = ["b", "w=" + w, "k=" + shape]
    if shape != "ar":
        if shape == "num":
            attrs.append("len=%d" % min(len(w), 5))
        return attrs
    forms = clitic_forms(w) if len(w) > 2 else [(w, 0)]
    stem = forms[-1][0]
    core = stem[2:] if stem.startswith("ال") and len(stem) > 3 else stem
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


def offset_attributes(attrs: list[str], k: int) -> list[str]:
    if k == 0:
        return ["0:" + a for a in attrs]
    if abs(k) == 1:
        return ["%d:%s" % (k, a) for a in attrs if a != "b"]
    return ["%d:%s" % (k, a) for a in attrs if a.startswith(FAR_FAMILIES)]


def sentence_features(words: list[str], gazetteer: dict) -> list[list[str]]:
    """CRF features of each (normalized) word of a sentence."""
    padded = [BOS, BOS] + list(words) + [EOS, EOS]
    attrs = [word_attributes(w, gazetteer) for w in padded]
    return [[f for k in OFFSETS for f in offset_attributes(attrs[i + 2 + k], k)]
            for i in range(len(words))]
