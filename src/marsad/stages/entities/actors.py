"""Actor phrases (doc.actors): every entity mention that can act, with titles and «قوات …»
folded in, and unnamed actors (الحكومة التركية، مسلحون، طائرات حربية روسية)."""
from __future__ import annotations

from ...document import Span
from .context import FUNCTION_WORDS, Cand, Context

FORCES = {"قوات": "MIL", "القوات": "MIL", "ميليشيات": "REB", "مليشيات": "REB",
          "طائرات": "MIL", "مقاتلات": "MIL", "عناصر": None, "مسلحو": None, "مسلحي": None,
          "انصار": None, "جيش": "MIL"}


def actor_spans(ctx: Context, mentions: list[tuple[Cand, str, object]], nominals: list[Cand]) -> list[Span]:
    """``mentions``: (cand, entity id, Ent) for every entity mention."""
    spans = []
    covered: set[int] = set()
    for c in nominals:                               # title + name: one actor
        name = c.extra.get("name")
        if name is None:
            continue
        ent = c.extra.get("ent")
        spans.append(_span(c.start, name.end, ent, (name.start, name.end)))
        covered.update(range(c.first, name.last))
    for c, eid, ent in mentions:
        if c.first in covered or c.type not in ("PER", "ORG", "GPE"):
            continue
        start, sector = c.start, None
        force = ctx.form_in(c.first - 1, FORCES)
        if force is not None and c.kind != "pronoun":
            start, sector = force[1], FORCES[force[0]] or "UAF"
        spans.append(_span(start, c.end, ent, (c.start, c.end), sector))
        covered.update(range(c.first, c.last))
    spans += _unnamed(ctx, covered, nominals)
    spans.sort(key=lambda s: (s.start, -s.end))
    return _outermost(spans)


def _span(start: int, end: int, ent, head: tuple, sector: str | None = None) -> Span:
    country = ent.country if ent is not None else None
    if ent is not None and ent.type == "GPE":
        sector = sector or "GOV"
    return Span(start, end, "ACTOR", {"entity": ent.id if ent is not None else None,
                                      "country": country,
                                      "sector": sector or (ent.sector if ent is not None else None),
                                      "head": head})


def _unnamed(ctx: Context, covered: set[int], nominals: list[Cand]) -> list[Span]:
    out = []
    for c in nominals:                              # an unresolved title: «مسؤول أمريكي»
        if c.first in covered or c.extra.get("ent") is not None:
            continue
        sector = c.title.sector if c.title not in (None, "counterpart") else None
        org = c.extra.get("org")
        out.append(Span(c.start, c.end, "ACTOR", {"entity": None, "country": c.country,
                                                  "sector": sector if sector != "UNK" else None,
                                                  "head": (c.start, c.end)}))
        covered.update(range(c.first, c.last))
        if org is not None:
            covered.update(range(org.first, org.last))
    for i in sorted(ctx.at):
        if i in covered:
            continue
        m = ctx.longest(i, "actor_nouns")
        if m is None:
            continue
        k, country = m.last, m.entry.country
        nis = ctx.nisba_at(k)
        if nis is None and k + 1 < ctx.n and ctx.word(k) not in FUNCTION_WORDS and ctx.tokens[k].kind == "word":
            nis = ctx.nisba_at(k + 1)
        if nis is not None:
            k, country = nis[0], nis[1].iso3
        end = ctx.tokens[k - 1].end
        out.append(Span(m.start, end, "ACTOR", {"entity": None, "country": country,
                                                "sector": m.entry.sector, "head": (m.start, m.end)}))
        covered.update(range(i, k))
    return out


def _outermost(spans: list[Span]) -> list[Span]:
    out = []
    for s in spans:
        if out and s.start < out[-1].end:
            continue
        out.append(s)
    return out
