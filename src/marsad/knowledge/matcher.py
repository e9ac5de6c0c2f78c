"""A token trie over normalized words: every lexicon matched in one pass.

Phrases are added as normalized text; at match time the first word of a phrase
may carry proclitics (و ف ب ل ك، لل، س) — each token's ``forms`` are tried — and
the following words are matched as written.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

from ..text.normalize import normalize
from ..text.segment import TOKEN_RE


@dataclass(slots=True)
class Match:
    first: int      # index of the first token
    last: int       # index after the last token
    start: int      # original offset, proclitics excluded
    end: int
    lexicon: str
    entry: Any


def phrase_key(phrase: str) -> tuple[str, ...]:
    return tuple(m.group() for m in TOKEN_RE.finditer(normalize(phrase)))


class PhraseMatcher:
    def __init__(self) -> None:
        self._phrases: dict[tuple[str, ...], list[tuple[str, Any]]] = {}
        self._lengths: dict[str, tuple[int, ...]] = {}

    def add(self, phrase: str, lexicon: str, entry: Any) -> None:
        key = phrase_key(phrase)
        if not key:
            return
        self._phrases.setdefault(key, []).append((lexicon, entry))
        lens = set(self._lengths.get(key[0], ())) | {len(key)}
        self._lengths[key[0]] = tuple(sorted(lens, reverse=True))

    def add_all(self, lexicon: str, items: Iterable[tuple[str, Any]]) -> None:
        for phrase, entry in items:
            self.add(phrase, lexicon, entry)

    def __len__(self) -> int:
        return len(self._phrases)

    def match(self, tokens: list) -> list[Match]:
        """All matches (overlapping ones included), in token order."""
        out = []
        phrases, lengths = self._phrases, self._lengths
        n = len(tokens)
        for i, tok in enumerate(tokens):
            for form, prefix in tok.readings:
                lens = lengths.get(form)
                if not lens:
                    continue
                start = tok.stem_start(prefix)
                for L in lens:
                    if i + L > n:
                        continue
                    key = (form,) if L == 1 else (form,) + tuple(t.norm for t in tokens[i + 1:i + L])
                    hits = phrases.get(key)
                    if hits:
                        end = tokens[i + L - 1].end
                        out.extend(Match(i, i + L, start, end, lex, entry) for lex, entry in hits)
        return out
