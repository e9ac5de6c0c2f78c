"""Event status (asserted, reported, planned, negated, hypothetical) and its source.

Cue words are data (data/cues.tsv), matched by the shared matcher as ``event_cues``.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..text.normalize import normalize
from .inflect import past_forms, present_forms
from .patterns import read_tsv

LEXICON = "event_cues"
NEAR = 3
COMPLEMENTIZERS = frozenset({"ان", "بان", "وان", "انه", "انها", "بانه", "بانها", "انهم", "لان"})


@dataclass(frozen=True, slots=True)
class Cue:
    kind: str   # neg, plan, hyp, report, denial, source
    how: str    # before, clause, weak, V, about


@lru_cache(maxsize=1)
def cue_phrases() -> tuple[tuple[str, Cue], ...]:
    out = []
    for kind, how, phrase in read_tsv("cues.tsv"):
        if kind == "rule":
            continue
        cue = Cue(kind, how)
        if how in ("V", "about"):
            past, _, present = normalize(phrase).partition("/")
            forms = past_forms(past)
            if present not in ("", "-"):
                forms |= present_forms(present)
            out.extend((f, cue) for f in forms)
        else:
            out.append((phrase, cue))
    return tuple(out)


@lru_cache(maxsize=1)
def rule_nouns() -> frozenset[str]:
    """Nouns after which a weak source word means "in accordance with" (وفقا للقرار)."""
    return frozenset(normalize(phrase) for kind, _, phrase in read_tsv("cues.tsv") if kind == "rule")


def is_future(doc, tok, stem_start: int) -> bool:
    """A verb written with the future prefix س (سيزور، وستعقد)."""
    prefix = normalize(doc.text[tok.start:stem_start])
    return prefix.endswith("س")


def status_of(cues: list, t_first: int, t_last: int, clause_start: int, future: bool,
              noun: bool, past: bool = False):
    """Status from the cue matches before the trigger, and the cue that made it.

    ``cues`` are (token index, Cue) pairs of the trigger's sentence, in order. A noun trigger is
    also planned when a plan cue follows it closely (محادثات أستانا المقرر أن تستأنف).
    ``past``: a past-tense verb (قد قصف = has bombed, not "may").
    Returns (status, report cue token index or None).
    """
    status = "planned" if future else None
    report = None
    for i, cue in cues:
        if i >= t_first:
            if noun and cue.kind == "plan" and 0 <= i - t_last <= NEAR and status is None:
                status = "planned"
            elif cue.kind == "source" and i >= t_last and (report is None or (
                    report[1].kind == "report" and cue.how != "weak")):
                report = (i, cue)  # …، حسب وكالة الأنباء: the whole sentence is attributed
            continue
        near = t_first - i <= NEAR
        in_clause = i >= clause_start
        if cue.kind == "neg" and near:
            status = "negated"
        elif cue.kind == "plan" and (near or (cue.how == "clause" and in_clause)):
            status = status or "planned"
        elif cue.kind == "hyp" and in_clause and (cue.how == "clause" or (
                i == t_first - 1 and not past and not noun)):  # قد يهاجم (may), not قد هاجم
            status = "hypothetical"
        elif cue.kind in ("report", "source", "denial"):
            report = (i, cue)
    return status, report
