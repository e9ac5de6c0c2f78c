"""Curated actor knowledge: people (with dated offices), organizations, facilities and
role titles, loaded once from ``data/`` and registered with the shared matcher.

Lexicons: ``people``, ``organizations``, ``facilities`` (alias → entry dict), ``titles``
(phrase or form → title row dict) and ``actors_short`` (ambiguous short forms such as a
surname alone, → entry dict: use only for an entity already named in the document).
Entries are shared dicts: read them, never modify them.
"""
from __future__ import annotations

import csv
import json
import re
from datetime import date as Date
from functools import lru_cache, partial
from pathlib import Path
from typing import Any, Callable, Iterable, NamedTuple

from .. import record
from .lookup import register

DATA = Path(__file__).parent / "data"

OFFICES = frozenset("""head_of_state head_of_government deputy_head_of_state
deputy_head_of_government crown_prince deputy_crown_prince foreign_minister defence_minister
interior_minister secretary_general speaker_of_parliament army_chief intelligence_chief
group_leader un_envoy supreme_leader""".split())
SECTORS = frozenset(record.SECTORS)
NON_STATE = frozenset(record.NON_STATE_CODES)
TITLE_KINDS = frozenset({"title", "role", "group"})

_CODE = re.compile(r"[A-Z]{3}")
_QID = re.compile(r"Q[1-9]\d*")
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


# ---------------------------------------------------------------- dates

def date_bounds(value: str) -> tuple[Date, Date]:
    """First day of a YYYY / YYYY-MM / YYYY-MM-DD value and the first day after it."""
    m = _DATE.fullmatch(value or "")
    if not m:
        raise ValueError(f"bad date {value!r}")
    y, mo, d = int(m[1]), int(m[2] or 1), int(m[3] or 1)
    start = Date(y, mo, d)
    if m[3]:
        return start, Date.fromordinal(start.toordinal() + 1)
    if m[2]:
        return start, Date(y + (mo == 12), mo % 12 + 1, 1)
    return start, Date(y + 1, 1, 1)


class Term(NamedTuple):
    person: dict
    office: dict
    start: tuple[Date, Date]        # bounds of "from"
    end: tuple[Date, Date] | None   # bounds of "to"; None = still in office

    def possible(self, day: Date) -> bool:
        return self.start[0] <= day and (self.end is None or day < self.end[1])

    def certain(self, day: Date) -> bool:
        # a full date "from" is certain on that day; a partial one only after its period
        first = self.start[0] if _is_day(self.office["from"]) else self.start[1]
        last = None if self.end is None else self.end[0]
        return first <= day and (last is None or day < last)


def _is_day(value: str) -> bool:
    return len(value) == 10


# ---------------------------------------------------------------- validation

def _check_code(code: Any, where: str) -> None:
    if not isinstance(code, str) or not _CODE.fullmatch(code):
        raise ValueError(f"{where}: bad country code {code!r}")


def _check_common(entry: dict, where: str) -> None:
    for key in ("id", "name", "name_en", "aliases", "country"):
        if key not in entry:
            raise ValueError(f"{where}: missing {key!r}")
    _check_code(entry["country"], where)
    sector = entry.get("sector")
    if sector is not None and sector not in SECTORS:
        raise ValueError(f"{where}: bad sector {sector!r}")
    qid = entry.get("wikidata")
    if qid is not None and not _QID.fullmatch(qid):
        raise ValueError(f"{where}: bad wikidata id {qid!r}")


def _check_office(office: dict, where: str, org_ids: set) -> None:
    if office.get("office") not in OFFICES:
        raise ValueError(f"{where}: unknown office {office.get('office')!r}")
    _check_code(office.get("country"), where)
    start = date_bounds(office.get("from"))
    if office.get("to") is not None and date_bounds(office["to"])[1] <= start[0]:
        raise ValueError(f"{where}: office ends before it starts")
    if "org" in office and office["org"] not in org_ids:
        raise ValueError(f"{where}: unknown org {office['org']!r}")


def _load_json(name: str) -> tuple[dict, ...]:
    entries = json.loads((DATA / name).read_text(encoding="utf-8"))
    seen = set()
    for e in entries:
        where = f"{name}:{e.get('id')}"
        _check_common(e, where)
        if e["id"] in seen:
            raise ValueError(f"{where}: duplicate id")
        seen.add(e["id"])
    return tuple(entries)


# ---------------------------------------------------------------- loaders

@lru_cache(maxsize=1)
def organizations() -> tuple[dict, ...]:
    orgs = _load_json("organizations.json")
    for o in orgs:
        if o.get("sector") is None:
            raise ValueError(f"organizations.json:{o['id']}: missing sector")
    return orgs


@lru_cache(maxsize=1)
def facilities() -> tuple[dict, ...]:
    facs = _load_json("facilities.json")
    for f in facs:
        stands = f.get("stands_for")
        if stands is not None:
            _check_code(stands.get("country"), f"facilities.json:{f['id']}")
            if stands.get("sector") not in SECTORS:
                raise ValueError(f"facilities.json:{f['id']}: bad stands_for sector")
    return facs


@lru_cache(maxsize=1)
def people() -> tuple[dict, ...]:
    persons = _load_json("people.json")
    org_ids = {o["id"] for o in organizations()}
    for p in persons:
        if p.get("sector") is None:
            raise ValueError(f"people.json:{p['id']}: missing sector")
        for office in p.get("offices", ()):
            _check_office(office, f"people.json:{p['id']}", org_ids)
    return persons


@lru_cache(maxsize=1)
def titles() -> tuple[dict, ...]:
    """Rows of titles.tsv: phrase, sector, office, kind, country, plural (list), note."""
    with (DATA / "titles.tsv").open(encoding="utf-8") as f:
        lines = (ln for ln in f if ln.strip() and not ln.startswith("#"))
        rows = []
        for r in csv.DictReader(lines, delimiter="\t"):
            row = {k: (v or "").strip() or None for k, v in r.items()}
            row["plural"] = [x for x in (row["plural"] or "").split("|") if x]
            if row["sector"] is not None and row["sector"] not in SECTORS:
                raise ValueError(f"titles.tsv:{row['phrase']}: bad sector")
            if row["office"] is not None and row["office"] not in OFFICES:
                raise ValueError(f"titles.tsv:{row['phrase']}: bad office")
            if row["kind"] not in TITLE_KINDS:
                raise ValueError(f"titles.tsv:{row['phrase']}: bad kind")
            rows.append(row)
    return tuple(rows)


@lru_cache(maxsize=1)
def by_id() -> dict[str, dict]:
    """Every person, organization and facility by id (ids are unique within a file)."""
    out: dict[str, dict] = {}
    for entries in (facilities(), organizations(), people()):
        out.update((e["id"], e) for e in entries)
    return out


# ---------------------------------------------------------------- aliases

# Compounds written with or without a space: عبد + any name, X + الله for a few X.
_JOINED = re.compile(r"(^|\s)(عبد|(?:نصر|الحمد|حمد|عطا|جاد|خير)(?=\s+الله\b))\s+(?=\S)")
_SPLIT = re.compile(r"(^|\s)(عبد(?=\S)|(?:نصر|الحمد|حمد|عطا|جاد|خير)(?=الله\b))")


def spacing_variants(name: str) -> list[str]:
    """Both spellings of compounds such as عبد الله / عبدالله, نصر الله / نصرالله."""
    if "عبد" not in name and "الله" not in name:  # what both patterns need: most names lack it
        return []
    variants = {_JOINED.sub(r"\1\2", name), _SPLIT.sub(r"\1\2 ", name)}
    return sorted(v for v in variants if v != name)


def aliases(entry: dict) -> list[str]:
    """The name, its aliases and their spacing variants (hamza, ة/ه and ى/ي variants
    need no listing: the matcher compares normalized text)."""
    out = [entry["name"], *entry.get("aliases", ())]
    out += [v for a in list(out) for v in spacing_variants(a)]
    return list(dict.fromkeys(out))


def short_forms(entry: dict) -> list[str]:
    return list(entry.get("short", ()))


# ---------------------------------------------------------------- office holders

@lru_cache(maxsize=1)
def _terms() -> dict[tuple[str, str], tuple[Term, ...]]:
    index: dict[tuple[str, str], list[Term]] = {}
    for p in people():
        for o in p.get("offices", ()):
            end = None if o.get("to") is None else date_bounds(o["to"])
            term = Term(p, o, date_bounds(o["from"]), end)
            index.setdefault((o["office"], o["country"]), []).append(term)
    return {k: tuple(v) for k, v in index.items()}


def terms(office: str, country: str, org: str | None = None) -> tuple[Term, ...]:
    """Terms of an office. Without ``org``: the terms not tied to an organization, or all
    of them when every term is (e.g. group_leader)."""
    found = _terms().get((office, country), ())
    if org is not None:
        return tuple(t for t in found if t.office.get("org") == org)
    plain = tuple(t for t in found if "org" not in t.office)
    return plain or found


def _unique_person(found: Iterable[Term]) -> dict | None:
    people_ = {t.person["id"]: t.person for t in found}
    return next(iter(people_.values())) if len(people_) == 1 else None


def holder(office: str, country: str, on_date: Date | None = None,
           org: str | None = None) -> dict | None:
    """The person holding ``office`` in ``country`` on ``on_date``, or None when nobody
    or several people fit. Without a date: the only person ever listed for it."""
    found = terms(office, country, org)
    if on_date is None:
        return _unique_person(found)
    possible = [t for t in found if t.possible(on_date)]
    return _unique_person(possible) or _unique_person(t for t in possible if t.certain(on_date))


def offices_on(person: dict, on_date: Date | None = None) -> list[dict]:
    """The offices ``person`` held on ``on_date`` (all of them without a date)."""
    out = []
    for o in person.get("offices", ()):
        if on_date is None:
            out.append(o)
            continue
        end = None if o.get("to") is None else date_bounds(o["to"])
        if Term(person, o, date_bounds(o["from"]), end).possible(on_date):
            out.append(o)
    return out


# ---------------------------------------------------------------- lexicons

@lru_cache(maxsize=None)
def _entry_phrases(entries: Callable[[], tuple[dict, ...]]) -> tuple[tuple[str, dict], ...]:
    """(alias, entry) pairs, made once: the matcher and the entity stage both read them."""
    return tuple((a, e) for e in entries() for a in aliases(e))


def _title_phrases() -> list[tuple[str, dict]]:
    return [(p, row) for row in titles() for p in [row["phrase"], *row["plural"]]]


def _short_phrases() -> list[tuple[str, dict]]:
    return [(s, e) for entries in (people(), organizations(), facilities()) for e in entries
            for s in short_forms(e)]


register("people", partial(_entry_phrases, people))
register("organizations", partial(_entry_phrases, organizations))
register("facilities", partial(_entry_phrases, facilities))
register("titles", _title_phrases)
register("actors_short", _short_phrases)
