"""The entity stage's own lexicons (titles, organization heads, actor nouns) and word lists.

Registered with the shared matcher: ``person_titles`` (phrase → Title; also reads
knowledge/data/titles.tsv when present), ``org_heads`` (→ OrgHead), ``actor_nouns``
(→ ActorNoun). Word sets (given names, common words) are plain frozensets.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

from ...knowledge.countries import countries
from ...knowledge.lookup import register
from ...text.normalize import normalize, normalize_all

DATA = Path(__file__).parent / "data"
SHARED_TITLES = Path(__file__).resolve().parents[2] / "knowledge" / "data" / "titles.tsv"


# eq=False: compared by identity; a title is tested against "counterpart" often, and a
# generated __eq__ would be a Python call each time.
@dataclass(frozen=True, slots=True, eq=False)
class Title:
    phrase: str
    sector: str | None
    office: str | None
    kind: str           # office | role | rank | honorific
    plural: bool = False
    country: str | None = None
    possessive: bool = False    # وزير خارجيته: the country is the pronoun's referent's


@dataclass(frozen=True, slots=True)
class OrgHead:
    head: str
    type: str           # ORG | FAC
    sector: str | None
    mode: str           # named | institution
    states: frozenset = frozenset()     # institution_abroad: the states that have one
    norm: str = ""                      # the head normalized


@dataclass(frozen=True, slots=True)
class ActorNoun:
    phrase: str
    sector: str
    country: str | None


# kinds of knowledge/data/titles.tsv → kinds used here
SHARED_KINDS = {"title": "office", "role": "role", "group": "group"}
BROKEN_PLURALS = frozenset(normalize(w) for w in "ملوك نواب قادة ضباط أعضاء".split())


def read_tsv(path: Path) -> list[dict]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader((ln for ln in f if ln.strip() and not ln.startswith("#")),
                                   delimiter="\t"))


def read_words(name: str) -> frozenset:
    with (DATA / name).open(encoding="utf-8") as f:
        return frozenset(normalize_all([w for ln in f if (w := ln.strip()) and not ln.startswith("#")]))


def _title_rows() -> list[dict]:
    return read_tsv(DATA / "person_titles.tsv") + read_tsv(SHARED_TITLES)


def _none(v: str | None) -> str | None:
    v = (v or "").strip()
    return v or None


@lru_cache(maxsize=1)
def titles() -> list[tuple[str, Title]]:
    out = []
    for r in _title_rows():
        phrase = (r.get("phrase") or "").strip()
        kind = SHARED_KINDS.get(_none(r.get("kind")) or "role", r.get("kind"))
        if not phrase or kind == "group":
            continue
        t = Title(phrase, _none(r.get("sector")), _none(r.get("office")), kind,
                  country=_none(r.get("country")))
        out.append((phrase, t))
        out += [(p, Title(p, t.sector, t.office, t.kind, _is_plural(p), t.country))
                for p in (r.get("plural") or "").split("|") if p.strip()]
        if kind == "office" and not t.country:
            out += [(p, Title(p, t.sector, t.office, t.kind, possessive=True))
                    for p in possessive_forms(phrase)]
    return out


POSSESSIVE_SUFFIXES = ("ه", "ها", "هم", "هما")


def possessive_forms(phrase: str) -> list[str]:
    """وزير الخارجية → وزير خارجيته، وزير خارجيتها …; رئيس الوزراء → رئيس وزرائه."""
    words = normalize(phrase).split()
    if len(words) != 2 or words[0].startswith("ال") or not words[1].startswith("ال"):
        return []
    stem = words[1][2:]
    if stem.endswith("ه"):                  # ة (normalized to ه) is written ت before a suffix
        stem = stem[:-1] + "ت"
    elif stem.endswith("اء"):
        stem = stem[:-1] + "ئ"
    return [f"{words[0]} {stem}{s}" for s in POSSESSIVE_SUFFIXES]


def _is_plural(phrase: str) -> bool:
    """Plural or dual forms (رؤساء، الرئيسان، وزيرا الخارجية) name several people."""
    w = normalize(phrase).split()[0]
    w = w[2:] if w.startswith("ال") else w
    return w.endswith(("اء", "ون", "ين", "ان")) or (w.endswith("ا") and " " in phrase) \
        or w in BROKEN_PLURALS


@lru_cache(maxsize=1)
def named_for_nouns() -> dict[str, tuple[str | None, str | None]]:
    """Noun of a thing named after a person → (its entity type or None, sector)."""
    return {normalize(r["noun"]): (_none(r["type"].strip("-")), _none(r["sector"]))
            for r in read_tsv(DATA / "named_for_nouns.tsv")}


@lru_cache(maxsize=1)
def clubs() -> dict[str, tuple[str, bool]]:
    """Football club (normalized) → (its country, whether its name alone is the club)."""
    return {normalize(r["club"]): (r["country"], r["alone"] == "1")
            for r in read_tsv(DATA / "clubs.tsv")}


# Up to two proclitics before a word (و، وب، فل…), as the tokens carry them.
PROCLITIC_RUNS = ("",) + tuple(a + b for a in "وفبلك" for b in ("", *"وفبلك"))


@lru_cache(maxsize=1)
def club_forms() -> dict[str, str]:
    """A club's name, bare or after up to two proclitics (والهلال), → the name; the longest
    name wins."""
    return {run + club: club for club in sorted(clubs(), key=len) for run in PROCLITIC_RUNS}


@lru_cache(maxsize=1)
def club_words() -> frozenset[str]:
    """The keys of ``club_forms``: a frozenset tests a document's words twice as fast."""
    return frozenset(club_forms())


@lru_cache(maxsize=1)
def org_heads() -> list[tuple[str, OrgHead]]:
    return [(r["head"], OrgHead(r["head"], r["type"], _none(r["sector"]), r["mode"],
                                frozenset((r.get("states") or "").split()), normalize(r["head"])))
            for r in read_tsv(DATA / "org_heads.tsv")]


@lru_cache(maxsize=1)
def actor_nouns() -> list[tuple[str, ActorNoun]]:
    """Own actor nouns plus the "group" rows of knowledge/data/titles.tsv (with variants)."""
    out = [(r["phrase"], ActorNoun(r["phrase"], r["sector"], _none(r["country"])))
           for r in read_tsv(DATA / "actor_nouns.tsv")]
    for r in read_tsv(SHARED_TITLES):
        if r.get("kind") != "group" or not _none(r.get("sector")):
            continue
        noun = ActorNoun(r["phrase"], r["sector"], _none(r.get("country")))
        out += [(p, noun) for p in [r["phrase"]] + (r.get("plural") or "").split("|") if p.strip()]
    return out


word_list = lru_cache(maxsize=None)(read_words)  # each word file is read once
given_names = partial(word_list, "given_names.txt")
common_words = partial(word_list, "common_words.txt")
definite_words = partial(word_list, "definite_words.txt")
family_names = partial(word_list, "family_names.txt")
purpose_nouns = partial(word_list, "purpose_nouns.txt")
not_names = partial(word_list, "not_names.txt")
after_name_words = partial(word_list, "after_name_words.txt")


COUNTERPARTS = ("نظير", "نظيره", "نظيرها", "نظيرهم", "نظيري", "نظيرته", "نظيرتها", "نظيراه")
COUNTRY_REFS = {"بلاده": "pronoun", "بلادها": "pronoun", "بلادهم": "pronoun", "بلادهما": "pronoun",
                "البلاد": "nominal"}
@dataclass(frozen=True, slots=True)
class PlaceNoun:
    type: str           # GPE | LOC
    plural: bool        # a list of names may follow
    area: bool          # a common word too: its name must look like no adjective or verb
    definite: bool      # one definite common word after it is a name too (حي الروضة)


def place_nouns() -> list[tuple[str, PlaceNoun]]:
    return [(r["noun"], PlaceNoun(r["type"], r["plural"] == "1", r["names"] != "name",
                                  r["names"] == "definite"))
            for r in read_tsv(DATA / "place_nouns.tsv")]


DEMONSTRATIVES = ("هذه", "هذا", "تلك", "ذلك")
GROUP_NOUNS = ("الجماعة", "التنظيم", "الحركة", "الجبهة", "الميليشيا", "المليشيا", "المجموعة",
               "الفصيل")


def _group_refs() -> list[tuple[str, str]]:
    """هذه الجماعة، هذا التنظيم: a demonstrative + group noun (→ the noun without ال)."""
    return [(f"{d} {g}", normalize(g)[2:]) for d in DEMONSTRATIVES for g in GROUP_NOUNS]


def _org_refs() -> list[tuple[str, str]]:
    """الحركة، التنظيم: a named head with the article refers back to an organization."""
    return [("ال" + h.head, h.norm) for _, h in org_heads()
            if h.mode.startswith("named") and not h.head.startswith("ال")]


@dataclass(frozen=True, slots=True)
class DocNisba:
    country: Any                # the Country it names
    licensed: frozenset         # countries whose naming in the document licenses it


def _doc_nisba() -> list[tuple[str, DocNisba]]:
    """Nisba adjectives that name their country only where it (or a country of the «named»
    column) is named (المالية; الاحتلال where Israel or Palestine is)."""
    table = countries()
    return [(r["phrase"], DocNisba(table[r["iso3"]],
                                   frozenset((r.get("named") or r["iso3"]).split())))
            for r in read_tsv(DATA / "doc_nisba.tsv") if r["iso3"] in table]


register("person_titles", lambda: titles() + [(w, Title(w, None, None, "counterpart"))
                                              for w in COUNTERPARTS])
register("org_heads", org_heads)
register("actor_nouns", actor_nouns)
register("given_names", lambda: [(w, w) for w in given_names()])
register("country_refs", lambda: list(COUNTRY_REFS.items()))
register("place_nouns", place_nouns)
register("org_refs", _org_refs)
register("group_refs", _group_refs)
register("doc_nisba", _doc_nisba)
