"""Loads the data files: core phrases (registered with the shared matcher, see
``marsad.knowledge.lexicons``) and context words (looked up next to core units)."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..knowledge.lookup import register
from ..text.normalize import normalize

DATA = Path(__file__).parent / "data"
KIND_SYMBOL = {"month": "M", "weekday": "W", "hijri": "H"}
CAUTION = {"weak": 1, "strict": 2}


def _rows(name: str):
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            yield line.split("\t")


def _calendar_entries():
    """Calendar names; the value is (number, caution): 0 plain, 1 weak, 2 strict."""
    caution = {normalize(r[2]): CAUTION[r[3]] for r in _rows("supplement.tsv") if r[3] in CAUTION}
    rows = [r[:3] for r in _rows("calendar.tsv")]
    rows += [r[:3] for r in _rows("supplement.tsv") if r[3] == "variant"]
    for kind, number, name in rows:
        key = normalize(name)
        yield key, KIND_SYMBOL[kind], (int(number), caution.get(key, 0))


def _holiday_entries():
    for phrase, cal, month, day in _rows("holidays.tsv"):
        yield normalize(phrase), "Ħ", (cal, int(month), int(day))


def _word_entries():
    for phrase, symbol, value in _rows("words.tsv"):
        yield normalize(phrase), symbol, value
    for phrase, symbol, value in _rows("numbers.tsv"):
        yield normalize(phrase), symbol, int(value)


# Frequent function words and modifiers: looked up only next to a core unit,
# never registered with the shared matcher.
CONTEXT_SYMBOLS = frozenset("fmwiBqbsklr~uehAxjPXTQOv½¼ñŁĸηωνµψ")


def _entries():
    yield from _calendar_entries()
    yield from _holiday_entries()
    yield from _word_entries()


def core_phrases() -> list[tuple[str, tuple]]:
    """(phrase, (symbol, value)) for the shared matcher: every phrase but the context words."""
    return [(key, (sym, val)) for key, sym, val in _entries() if sym not in CONTEXT_SYMBOLS]


@lru_cache(maxsize=1)
def context_words() -> dict[str, tuple]:
    """Single context words (في، من، الماضي …) → (symbol, value)."""
    out: dict[str, tuple] = {}
    for key, sym, val in _entries():
        if sym in CONTEXT_SYMBOLS and " " not in key:
            out.setdefault(key, (sym, val))
    return out


register("times", core_phrases)


@lru_cache(maxsize=1)
def _ordinals() -> dict[str, int]:
    return {normalize(r[0]): int(r[2]) for r in _rows("numbers.tsv") if r[1] == "o"}


def ordinal_value(text: str) -> int | None:
    """العاشرة → 10, الحادية عشرة → 11, الـ 69 → 69 (None when not an ordinal)."""
    digits = re.sub(r"\D", "", text)
    if digits:
        return int(digits)
    return _ordinals().get(normalize(text))


@lru_cache(maxsize=1)
def named_dates() -> tuple[frozenset, dict]:
    """(event nouns, {(month, day): year}) of data/named_dates.tsv (أحداث 11 سبتمبر → 2001)."""
    rows = list(_rows("named_dates.tsv"))
    nouns = frozenset(normalize(v) for kind, v, _ in rows if kind == "noun")
    years = {tuple(map(int, v.split("-"))): int(y) for kind, v, y in rows if kind == "date"}
    return nouns, years

