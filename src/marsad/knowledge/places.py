"""Cities, regions and natural places with Arabic names (data/places.tsv, from GeoNames).

Registers the ``places`` lexicon (name → Place). ``needs_cue`` marks names that are
common words too (الباب، البلاد): the entity stage accepts them only after a place cue.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .lookup import register

DATA = Path(__file__).parent / "data" / "places.tsv"


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    type: str           # GPE or LOC
    iso3: str | None
    name_en: str
    geonameid: int | None
    population: int
    needs_cue: bool

    @property
    def kb(self) -> str | None:
        return f"geonames:{self.geonameid}" if self.geonameid else None


@lru_cache(maxsize=1)
def places() -> list[Place]:
    with DATA.open(encoding="utf-8") as f:
        rows = csv.DictReader((ln for ln in f if not ln.startswith("#")), delimiter="\t")
        return [Place(r["name"], r["type"], r["iso3"] or None, r["name_en"],
                      int(r["geonameid"]) if r["geonameid"] else None,
                      int(r["population"] or 0), r["needs_cue"] == "1") for r in rows]


register("places", lambda: [(p.name, p) for p in places()])
