"""Pipeline stage: one pass of the shared phrase matcher over the document.

Knowledge modules register lexicons with ``register(name, loader)``; a loader
returns ``(phrase, entry)`` pairs. ``doc.matches`` gets every match and
``doc.matches_by_lexicon`` the same matches per lexicon, where stages read theirs.
"""
from __future__ import annotations

import importlib
from functools import lru_cache
from typing import Callable, Iterable

from ..document import Document
from .matcher import PhraseMatcher

Loader = Callable[[], Iterable[tuple[str, object]]]
_LOADERS: dict[str, Loader] = {}

# Modules whose import registers lexicons.
LEXICON_MODULES = (
    "marsad.knowledge.lexicons",
    "marsad.quotes.cues",
)


def register(name: str, loader: Loader) -> None:
    _LOADERS[name] = loader


@lru_cache(maxsize=1)
def shared_matcher() -> PhraseMatcher:
    for module in LEXICON_MODULES:
        importlib.import_module(module)
    matcher = PhraseMatcher()
    for name, loader in _LOADERS.items():
        matcher.add_all(name, loader())
    return matcher


def lexicon_entries(name: str) -> Iterable[tuple[str, object]]:
    """The (phrase, entry) pairs of a registered lexicon (none when no module registers it)."""
    shared_matcher()  # imports the lexicon modules, which register their loaders
    loader = _LOADERS.get(name)
    return loader() if loader is not None else ()


class Lookup:
    def __init__(self) -> None:
        self.matcher = shared_matcher()

    def __call__(self, doc: Document) -> None:
        doc.matches, doc.matches_by_lexicon = self.matcher.match_grouped(doc.tokens)
