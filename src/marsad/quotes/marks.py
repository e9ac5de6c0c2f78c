"""Quotation marks: pairs of opening and closing marks within a paragraph.

«» and “” pair by nesting; straight " marks pair in turn. A closing mark with nothing
open after a colon (قال:» ...) opens a quotation. An opening mark never closed in its
paragraph pairs with the paragraph end (close = -1).
"""
from __future__ import annotations

OPENERS = "«“„‹"
CLOSERS = "»”›"
STRAIGHT = '"'
MARKS = frozenset(OPENERS + CLOSERS + STRAIGHT)
MAX_QUOTE_CHARS = 3000


def quote_pairs(text: str, marks: list[tuple[int, str]]) -> dict[int, int]:
    """Offset of every opening mark → offset of its closing mark (-1 if unclosed);
    ``marks``: the quotation marks and line breaks as (offset, char), in text order
    (``Document.marks``; other characters are ignored)."""
    pairs: dict[int, int] = {}
    stack: list[int] = []
    straight: int | None = None
    for i, ch in marks:
        if ch == "\n":  # a new paragraph
            for o in stack:
                pairs[o] = -1
            stack, straight = [], None
        elif ch in OPENERS:
            stack.append(i)
        elif ch in CLOSERS:
            if stack:
                pairs[stack.pop()] = i
            elif _after_colon(text, i):
                stack.append(i)
        elif ch == STRAIGHT:
            if straight is None:
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
