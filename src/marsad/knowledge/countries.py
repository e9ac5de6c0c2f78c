"""Countries: Arabic names, nisba adjectives and ISO alpha-3 codes (data/countries.tsv).

Registers two lexicons with the shared matcher: ``countries`` (name → Country) and
``nisba`` (every adjective form → Country), e.g. التركية → TUR.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..text.normalize import normalize
from .lookup import register

DATA = Path(__file__).parent / "data" / "countries.tsv"


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    iso2: str
    name: str
    name_en: str
    capital_geonameid: int | None
    ambiguous: frozenset = frozenset()     # normalized names that need a cue (مالي)


def _rows():
    with DATA.open(encoding="utf-8") as f:
        yield from csv.DictReader((ln for ln in f if not ln.startswith("#")), delimiter="\t")


@lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    out = {}
    for r in _rows():
        cap = r["capital_geonameid"]
        out[r["iso3"]] = Country(r["iso3"], r["iso2"], r["name"], r["name_en"],
                                 int(cap) if cap else None,
                                 frozenset(normalize(x) for x in r["ambiguous"].split("|") if x))
    return out


@lru_cache(maxsize=1)
def _names() -> tuple[list, list]:
    table = countries()
    names, nisba = [], []
    for r in _rows():
        c = table[r["iso3"]]
        names += [(n, c) for n in r["names"].split("|") if n]
        nisba += [(n, c) for n in r["nisba"].split("|") if n]
    return names, nisba


def capitals() -> dict[int, str]:
    """GeoNames id of each capital → iso3."""
    return {c.capital_geonameid: c.iso3 for c in countries().values() if c.capital_geonameid}


register("countries", lambda: _names()[0])
register("nisba", lambda: _names()[1])
