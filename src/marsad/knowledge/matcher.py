"""A token trie over normalized words: every lexicon matched in one pass.

Phrases are added as normalized text; at match time the first word of a phrase
may carry proclitics (و ف ب ل ك، لل، س) — each token's ``forms`` are tried — and
the following words are matched as written.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable

from ..text.normalize import normalize
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


def phrase_key(phrase: str) -> tuple[str, ...]:
    """The phrase's words as the tokenizer would give them."""
    norm = normalize(phrase)
    if _PLAIN.fullmatch(norm):
        return tuple(norm.split())
    return tuple(m.group() for m in TOKEN_RE.finditer(norm))


_HITS = ""  # key of a node's payload list (no word is empty)


class PhraseMatcher:
    """Nested dicts, one level per word; a node's ``""`` key holds its phrases' payloads."""

    def __init__(self) -> None:
        self._root: dict = {}
        self._size = 0

    def add(self, phrase: str, lexicon: str, entry: Any) -> None:
        key = phrase_key(phrase)
        if not key:
            return
        node = self._root
        for word in key:
            node = node.setdefault(word, {})
        hits = node.setdefault(_HITS, [])
        self._size += not hits
        hits.append((lexicon, entry))

    def add_all(self, lexicon: str, items: Iterable[tuple[str, Any]]) -> None:
        for phrase, entry in items:
            self.add(phrase, lexicon, entry)

    def __len__(self) -> int:
        return self._size

    def match(self, tokens: list) -> list[Match]:
        """All matches (overlapping ones included), in token order, longest first."""
        out = []
        root = self._root
        n = len(tokens)
        for i, tok in enumerate(tokens):
            for form, prefix in tok.readings:
                node = root.get(form)
                if node is None:
                    continue
                found = []
                j = i
                while True:
                    hits = node.get(_HITS)
                    if hits:
                        found.append((j, hits))
                    j += 1
                    if j >= n or len(node) == (1 if hits else 0):
                        break
                    node = node.get(tokens[j].norm)
                    if node is None:
                        break
                if found:
                    start = tok.stem_start(prefix)
                    for last, hits in reversed(found):
                        end = tokens[last].end
                        out.extend([Match(i, last + 1, start, end, lex, entry) for lex, entry in hits])
        return out
