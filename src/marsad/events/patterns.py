"""Event trigger patterns: the data table (data/patterns.tsv) → matcher phrases.

Each row names a lemma (verb past/present, noun singular/plurals, or a fixed phrase) with its
PLOVER type, mode, CAMEO code and argument roles. Inflected forms are generated here once per
process and registered with the shared matcher as the lexicon ``event_triggers``.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from ..text.normalize import normalize
from .inflect import noun_forms, past_forms, present_forms

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True, slots=True)
class Pattern:
    type: str
    mode: str | None
    cameo: str | None
    pos: str                       # V, N, A (participle), P (fixed phrase)
    lemma: str
    rcp: tuple[str, ...]           # "obj" or prepositions introducing the recipient
    gen: str | None                # role of the genitive after a noun trigger
    need: str | None               # evidence | actor | rcp | military
    if_sector: tuple[tuple[str, str], ...]
    flags: frozenset


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    """One generated form: its pattern, verb tense (past/present/None) and person.

    ``rest`` holds the word sequences that must follow a verb within a few words (the subject
    may come between: أفرجت السلطات عن), empty when nothing is required."""
    pattern: Pattern
    tense: str | None
    first_person: bool
    rest: tuple[tuple[str, ...], ...] = ()
    rest_first: frozenset = frozenset()


@cache
def past_head(lemma: str) -> str:
    """The normalized past form a pattern's lemma starts with (قصف/يقصف → قصف)."""
    return normalize(lemma.partition("/")[0])


def read_tsv(name: str) -> list[list[str]]:
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append([c.strip() for c in line.split("\t")])
    return rows


def _roles(spec: str) -> dict:
    out: dict = {"rcp": (), "gen": None, "need": None, "if": (), "flags": set()}
    for part in filter(None, (p.strip() for p in spec.split(";"))):
        if part == "-":
            continue
        key, _, value = part.partition("=")
        if not value:
            out["flags"].add(key)
        elif key == "rcp":
            out["rcp"] = tuple(normalize(v) for v in value.split(",") if v != "-")
        elif key == "gen":
            out["gen"] = None if value == "-" else value
        elif key == "need":
            out["need"] = value
        elif key == "if":
            sectors, _, other = value.partition(":")
            out["if"] = tuple((s, other) for s in sectors.split(","))
    return out


def _pattern(row: list[str]) -> Pattern:
    type_, mode, cameo, pos, head, _rest, roles = (row + ["-"] * 7)[:7]
    r = _roles(roles)
    return Pattern(type_, None if mode == "-" else mode, None if cameo == "-" else cameo, pos,
                   head, r["rcp"], r["gen"], r["need"], r["if"], frozenset(r["flags"]))


def _head_forms(p: Pattern) -> list[tuple[str, str | None, bool]]:
    """(form, tense, first person) for the head word of a pattern."""
    head = normalize(p.lemma)
    if p.pos == "V":
        past, _, present = head.partition("/")
        hamza_final = p.lemma.partition("/")[0].endswith("أ")  # هنأ، بدأ: not a weak verb
        out = []
        if past and past != "-":
            for f in past_forms(past, "nobare" not in p.flags, False if hamza_final else None):
                out.append((f, "past", f.endswith("نا") and f != past and not past.endswith("ن")))
        if present and present != "-":
            for f in present_forms(present, bare="nobare_present" not in p.flags):
                out.append((f, "present", f[0] in "نا"))
        return out
    if p.pos == "N":
        out = []
        for noun in head.split("/"):
            words = noun.split()
            for f in noun_forms(words[0]):
                out.append((" ".join([f] + words[1:]), None, False))
        return out
    if p.pos == "A":
        out = []
        for word in head.split("/"):
            stem = word[:-1] if word.endswith("ا") else word
            # the bare stem (متهم، مطالب) reads as a noun: only the accusative and plurals
            out.extend((f, None, False) for f in {word, stem + "ين", stem + "ون", stem + "ه"})
        return out
    return [(phrase, None, False) for phrase in head.split("/")]


def _rests(rest: str) -> list[str]:
    return [""] if rest == "-" else [normalize(r) for r in rest.split("|")]


@lru_cache(maxsize=1)
def trigger_phrases() -> tuple[tuple[str, TriggerEntry], ...]:
    out = []
    for row in read_tsv("patterns.tsv")[1:]:
        p = _pattern(row)
        rests = _rests(row[5] if len(row) > 5 else "-")
        gapped = p.pos == "V" and rests != [""]
        seqs = tuple(tuple(r.split()) for r in rests) if gapped else ()
        firsts = frozenset(r[0] for r in seqs)
        entries: dict = {}  # (tense, first person) -> the row's entry: forms share it
        for form, tense, first in _head_forms(p):
            entry = entries.get((tense, first))
            if entry is None:
                entry = entries[tense, first] = TriggerEntry(p, tense, first, seqs, firsts)
            if gapped:
                out.append((form, entry))
            else:
                out.extend([((form + " " + r).strip(), entry) for r in rests])
    return tuple(out)


def blocker_phrases() -> list[tuple[str, bool]]:
    return [(normalize(r[0]), True) for r in read_tsv("blockers.tsv")]
