"""Inputs of the neural NER tagger, one row per word type (numpy; shared by training and tagging).

A normalized word is encoded as: the row of its pretrained vector (or of its
clitic-stripped stem's; 0 = none), its characters (ids, long words keep their
first and last ``HALF`` characters) and the ids of its sparse attributes
(features.py: shape, affixes, clitic, word classes, gazetteer classes, and the
word itself when frequent in training). Id 0 is padding, 1 an unknown character.
"""
from __future__ import annotations

from typing import NamedTuple

import numpy as np

from ..text.segment import clitic_forms
from .features import WordTables, word_attributes, word_shape

HALF = 8
MAX_CHARS = 2 * HALF
MAX_ATTRS = 48
UNK = 1


class Vocab(NamedTuple):
    """Word → vector row (row 0 is the zero vector), character → id, attribute → id."""
    vector_rows: dict
    chars: dict
    attrs: dict


def vector_row(w: str, rows: dict) -> int:
    row = rows.get(w, 0)
    if not row and len(w) > 2 and word_shape(w) == "ar":
        row = rows.get(clitic_forms(w, short_future=False)[-1][0], 0)
    return row


def char_ids(w: str, chars: dict) -> list[int]:
    if len(w) > MAX_CHARS:
        w = w[:HALF] + w[-HALF:]
    return [chars.get(ch, UNK) for ch in w]


def encode_types(words: list[str], vocab: Vocab, tables: WordTables) -> tuple:
    """(vector rows [n], char ids [n, MAX_CHARS], attribute ids [n, MAX_ATTRS]) of word types."""
    n = len(words)
    rows = np.array([vector_row(w, vocab.vector_rows) for w in words], dtype=np.int64)
    chars = np.zeros((n, MAX_CHARS), dtype=np.int64)
    attrs = np.zeros((n, MAX_ATTRS), dtype=np.int64)
    for i, w in enumerate(words):
        ids = char_ids(w, vocab.chars)
        chars[i, :len(ids)] = ids
        found = [vocab.attrs[a] for a in word_attributes(w, tables) if a in vocab.attrs][:MAX_ATTRS]
        attrs[i, :len(found)] = found
    return rows, chars, attrs


def build_vocab(sentences: list[list[str]], vector_words: list[str], tables: WordTables,
                min_count: int = 2) -> Vocab:
    """Characters seen in training, attributes seen ``min_count`` times (over tokens)."""
    counts: dict[str, int] = {}
    chars: set[str] = set()
    for words in sentences:
        for w in words:
            chars.update(w)
            for a in word_attributes(w, tables):
                counts[a] = counts.get(a, 0) + 1
    attrs = sorted(a for a, c in counts.items() if c >= min_count)
    return Vocab({w: i + 1 for i, w in enumerate(vector_words)},
                 {ch: i + 2 for i, ch in enumerate(sorted(chars))},
                 {a: i + 1 for i, a in enumerate(attrs)})
