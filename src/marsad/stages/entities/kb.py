"""Uniform access to knowledge-base entries (people, organizations, facilities) and the
office-holder resolver of ``marsad.knowledge.actors`` when it is installed."""
from __future__ import annotations

import importlib
from datetime import date as Date
from functools import lru_cache
from typing import Any, Callable

from ...text.normalize import normalize

KB_LEXICONS = {"people": "PER", "organizations": "ORG", "facilities": "FAC"}
# Words of known names that are titles too (الأمير عبدالله): never name words on their own.
TITLE_WORDS = frozenset(normalize(w) for w in "الأمير الشيخ الملك الرئيس السلطان الإمام السيد "
                        "آية".split())


def field(entry: Any, key: str, default: Any = None) -> Any:
    if isinstance(entry, dict):
        return entry.get(key, default)
    return getattr(entry, key, default)


def entry_type(lexicon: str, entry: Any) -> str:
    return field(entry, "type") or KB_LEXICONS[lexicon]


def entry_key(entry: Any) -> tuple:
    ident = field(entry, "id") or field(entry, "wikidata")
    return ("K", ident) if ident else ("K", normalize(field(entry, "name") or ""))


def entry_kb(entry: Any) -> str | None:
    wd = field(entry, "wikidata")
    if wd:
        return wd if str(wd).startswith("wikidata:") else f"wikidata:{wd}"
    return None


# id(entry) → (entry, its facts). Holding the entry keeps its id from being reused; each
# entry belongs to one lexicon.
_FACTS: dict[int, tuple] = {}
FACTS_CACHE_SIZE = 50_000


def facts(lexicon: str, entry: Any) -> tuple:
    """(type, key, country, sector, kb id, English name) of an entry of ``lexicon``."""
    hit = _FACTS.get(id(entry))
    if hit is not None and hit[0] is entry:
        return hit[1]
    if len(_FACTS) >= FACTS_CACHE_SIZE:          # bounded memory when lexicons are reloaded
        _FACTS.clear()
    out = (entry_type(lexicon, entry), entry_key(entry), field(entry, "country"),
           field(entry, "sector"), entry_kb(entry), field(entry, "name_en"))
    _FACTS[id(entry)] = (entry, out)
    return out


@lru_cache(maxsize=1)
def _holder_fn() -> Callable | None:
    try:
        module = importlib.import_module("marsad.knowledge.actors")
    except ImportError:
        return None
    return getattr(module, "holder", None)


def holder(office: str, country: str, when: Date | None) -> Any:
    """The person who held ``office`` in ``country`` on ``when`` (None when unknown)."""
    fn = _holder_fn()
    if fn is None or not office or not country:
        return None
    try:
        return fn(office, country, when)
    except (KeyError, ValueError, TypeError):
        return None


@lru_cache(maxsize=1)
def name_words() -> frozenset:
    """Every word of every known person's name and short names (they never end a name
    found by pattern); aliases are left out, as they may carry titles."""
    from ...knowledge.lookup import lexicon_entries
    words = set()
    for _, entry in lexicon_entries("people"):
        for phrase in [field(entry, "name") or ""] + list(field(entry, "short") or ()):
            words.update(normalize(phrase).split())
    return frozenset(words - TITLE_WORDS)


@lru_cache(maxsize=1)
def short_names() -> frozenset:
    """The one-word short names of known persons (الأسد، ميركل): a definite word alone after a
    title is a name only when it is one of these (not الري in «وزير الري»)."""
    from ...knowledge.lookup import lexicon_entries
    return frozenset(w for _, entry in lexicon_entries("people") for phrase in field(entry, "short") or ()
                     for w in [normalize(phrase)] if " " not in w)


MEDIA_HEADS = frozenset(normalize(w) for w in "صحيفة جريدة قناة وكالة مجلة إذاعة".split())


@lru_cache(maxsize=1)
def media_names() -> dict:
    """Known news outlets by their name without the head noun (صحيفة الرياض → «الرياض»)."""
    from ...knowledge.lookup import lexicon_entries
    out: dict = {}
    for phrase, entry in lexicon_entries("organizations"):
        words = normalize(phrase).split()
        if field(entry, "sector") == "JRN" and len(words) > 1 and words[0] in MEDIA_HEADS:
            out.setdefault(" ".join(words[1:]), entry)
    return out
