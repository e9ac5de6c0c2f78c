"""A token trie over normalized words: every lexicon matched in one pass.

Phrases are added as normalized text; at match time the first word of a phrase
may carry proclitics (و ف ب ل ك، لل، س) — each token's ``readings`` are tried — and
the following words are matched as written.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from itertools import compress
from typing import Any, Iterable

from ..text.normalize import normalize, normalize_all
from ..text.segment import ARABIC_LETTERS, TOKEN_RE


@dataclass(slots=True)
class Match:
    first: int      # index of the first token
    last: int       # index after the last token
    start: int      # original offset, proclitics excluded
    end: int
    lexicon: str
    entry: Any


_PLAIN = re.compile(f"[{ARABIC_LETTERS} ]+")
_PLAIN_LINES = re.compile(f"[{ARABIC_LETTERS} \n]*")


def phrase_key(phrase: str) -> tuple[str, ...]:
    """The phrase's words as the tokenizer would give them."""
    return _key(normalize(phrase))


def phrase_keys(phrases: list[str]) -> list[tuple[str, ...]]:
    """``phrase_key`` of each phrase (a lexicon normalized at once: see normalize_all)."""
    norms = normalize_all(phrases)
    if _PLAIN_LINES.fullmatch("\n".join(norms)):  # Arabic words only: no tokenizer needed
        return [tuple(n.split()) for n in norms]
    return list(map(_key, norms))


def _key(norm: str) -> tuple[str, ...]:
    if _PLAIN.fullmatch(norm):
        return tuple(norm.split())
    return tuple(m.group() for m in TOKEN_RE.finditer(norm))


_new = object.__new__
_HITS = ""  # key of a node's payload list (no word is empty)
HEADS_CACHE_SIZE = 100_000


class PhraseMatcher:
    """Nested dicts, one level per word; a node's ``""`` key holds its phrases' payloads."""

    def __init__(self) -> None:
        self._root: dict = {}
        self._size = 0
        self._heads: dict[str, tuple] = {}  # word -> phrases its readings start (see _learn)

    def add(self, phrase: str, lexicon: str, entry: Any) -> None:
        self.add_all(lexicon, [(phrase, entry)])

    def add_all(self, lexicon: str, items: Iterable[tuple[str, Any]]) -> None:
        items = list(items)
        self._heads.clear()
        root = self._root
        for key, (_, entry) in zip(phrase_keys([phrase for phrase, _ in items]), items):
            if not key:
                continue
            node = root
            for word in key:
                child = node.get(word)
                if child is None:
                    child = node[word] = {}
                node = child
            hits = node.get(_HITS)
            if hits is None:
                hits = node[_HITS] = []
                self._size += 1
            hits.append((lexicon, entry))

    def __len__(self) -> int:
        return self._size

    def match(self, tokens: list) -> list[Match]:
        """All matches (overlapping ones included), in token order, longest first."""
        return self.match_grouped(tokens)[0]

    def match_grouped(self, tokens: list) -> tuple[list[Match], dict[str, list[Match]]]:
        """All matches as ``match`` gives them, and the same grouped by lexicon."""
        out: list[Match] = []
        groups: defaultdict[str, list[Match]] = defaultdict(list)
        norms = [tok.norm for tok in tokens]  # faster than map(attrgetter): slot reads are specialized
        try:
            heads = list(map(self._heads.__getitem__, norms))
        except KeyError:  # a word not seen before
            heads = self._learn(tokens, norms)
        norms.append(None)  # after the last token, where every phrase stops
        for i in compress(range(len(tokens)), heads):
            tok = tokens[i]
            for prefix, hits, node in heads[i]:
                start = tok.stem_start(prefix) if prefix else tok.start
                if node is not None and norms[i + 1] in node:  # rare: most stop at one word
                    for last, more in reversed(_longer(node, norms, i + 1)):
                        _add_matches(out, groups, i, last + 1, start, tokens[last].end, more)
                if hits:
                    _add_matches(out, groups, i, i + 1, start, tok.end, hits)
        return out, dict(groups)

    def _learn(self, tokens: list, norms: list) -> list:
        """Cache, for words not seen before, the phrases their readings start:
        (prefix length, hits of the one-word phrase or None, trie node if longer phrases go on)."""
        cache = self._heads
        if len(cache) > HEADS_CACHE_SIZE:  # bounded memory on endless vocabularies
            cache.clear()
        root = self._root
        for tok in tokens:
            if tok.norm not in cache:
                cache[tok.norm] = tuple([(prefix, root[form].get(_HITS), _continued(root[form]))
                                         for form, prefix in tok.readings if form in root])
        return list(map(cache.__getitem__, norms))


def _add_matches(out: list, groups: defaultdict, first: int, last: int, start: int, end: int,
                 hits: list) -> None:
    """Appends a Match per (lexicon, entry) of ``hits`` to ``out`` and to its lexicon's group;
    setting the slots of a bare object costs half of calling Match(...), whose __init__ runs as
    a separate Python call."""
    for lexicon, entry in hits:
        m = _new(Match)
        m.first = first
        m.last = last
        m.start = start
        m.end = end
        m.lexicon = lexicon
        m.entry = entry
        out.append(m)
        groups[lexicon].append(m)


def _longer(node: dict, norms: list, j: int) -> list[tuple[int, list]]:
    """(last token, hits) of the longer phrases that go on from ``node`` at token j
    (``norms`` ends with None)."""
    found = []
    node = node.get(norms[j])
    while node is not None:
        more = node.get(_HITS)
        if more:
            found.append((j, more))
        j += 1
        node = node.get(norms[j])
    return found


def _continued(node: dict) -> dict | None:
    """The node, if longer phrases go on from it."""
    return node if len(node) > (_HITS in node) else None
