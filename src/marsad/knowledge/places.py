"""Cities, regions and natural places with Arabic names (data/places.tsv, from GeoNames).

Registers the ``places`` lexicon (name → Place). ``needs_cue`` marks names that are
common words too (الباب، البلاد): the entity stage accepts them only after a place cue.
``namesakes`` are towns of the same name in other Middle East countries (أريحا: Jericho in
Palestine, Ariha in Syria); the entity stage picks one by the article's other places.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter
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
    namesakes: tuple = ()   # towns of the same name in other Middle East countries (Place)

    @property
    def kb(self) -> str | None:
        return f"geonames:{self.geonameid}" if self.geonameid else None


COLUMNS = ("name", "type", "iso3", "name_en", "geonameid", "population", "needs_cue", "namesakes")


@lru_cache(maxsize=1)
def places() -> list[Place]:
    with DATA.open(encoding="utf-8") as f:
        rows = csv.reader((ln for ln in f if not ln.startswith("#")), delimiter="\t")
        columns = itemgetter(*map(next(rows).index, COLUMNS))
        return [Place(name, type_, iso3 or None, name_en, int(gid) if gid else None, int(pop or 0),
                      cue == "1", _namesakes(name, more) if more else ())
                for name, type_, iso3, name_en, gid, pop, cue, more in map(columns, rows)]


def _namesakes(name: str, field: str) -> tuple:
    """«SYR:172994:Arīḩā|…» → the namesake towns (population unknown: 0)."""
    out = []
    for item in filter(None, field.split("|")):
        iso3, gid, name_en = item.split(":", 2)
        out.append(Place(name, "GPE", iso3, name_en, int(gid), 0, False))
    return tuple(out)


register("places", lambda: [(p.name, p) for p in places()])
