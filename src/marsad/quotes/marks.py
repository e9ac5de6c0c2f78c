"""Quotation marks: pairs of opening and closing marks within a paragraph.

«» and “” pair by nesting; straight " marks pair in turn. A closing mark with nothing
open after a colon (قال:» ...) opens a quotation. An opening mark never closed in its
paragraph pairs with the paragraph end (close = -1).
"""
from __future__ import annotations

from ..text.segment import find_chars

OPENERS = "«“„‹"
CLOSERS = "»”›"
STRAIGHT = '"'
MARKS = frozenset(OPENERS + CLOSERS + STRAIGHT)
MAX_QUOTE_CHARS = 3000


def quote_pairs(text: str) -> dict[int, int]:
    """Offset of every opening mark → offset of its closing mark (-1 if unclosed)."""
    pairs: dict[int, int] = {}
    stack: list[int] = []
    straight: int | None = None
    prev = 0
    for i, ch in find_chars(text, OPENERS + CLOSERS + STRAIGHT):
        if text.find("\n", prev, i) != -1:  # a new paragraph
            for o in stack:
                pairs[o] = -1
            stack, straight = [], None
        prev = i
        if ch in OPENERS:
            stack.append(i)
        elif ch in CLOSERS:
            if stack:
                pairs[stack.pop()] = i
            elif _after_colon(text, i):
                stack.append(i)
        elif straight is None:
            straight = i
        else:
            pairs[straight] = i
            straight = None
    for o in stack:
        pairs[o] = -1
    return {o: c for o, c in pairs.items() if c == -1 or c - o <= MAX_QUOTE_CHARS}


def _after_colon(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] == " ":
        j -= 1
    return j >= 0 and text[j] == ":"
