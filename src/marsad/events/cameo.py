"""Goldstein scores of CAMEO codes and quad classes of PLOVER types (data/cameo.tsv)."""
from __future__ import annotations

from functools import lru_cache

from .patterns import read_tsv


@lru_cache(maxsize=1)
def _tables() -> tuple[dict, dict]:
    gold, quad = {}, {}
    for kind, key, value in read_tsv("cameo.tsv"):
        if kind == "goldstein":
            gold[key] = float(value)
        else:
            quad[key] = int(value)
    return gold, quad


def goldstein(cameo: str | None) -> float | None:
    """The most specific known value: the code itself, else its 3- then 2-digit root."""
    if not cameo:
        return None
    table = _tables()[0]
    for k in (cameo, cameo[:3], cameo[:2]):
        if k in table:
            return table[k]
    return None


def quad_class(event_type: str) -> int | None:
    return _tables()[1].get(event_type)
