"""Actor phrases (doc.actors): every entity mention that can act, with titles and «قوات …»
folded in, and unnamed actors (الحكومة التركية، مسلحون، طائرات حربية روسية)."""
from __future__ import annotations

from ...document import Span
from .context import FUNCTION_WORDS, Cand, Context

from . import kb

STATE_SECTORS = frozenset("GOV MIL COP SPY LEG JUD".split())
# Nouns for the forces or members of a named actor → sector (None: the actor's own).
FORCES = {"قوات": "MIL", "القوات": "MIL", "ميليشيات": "REB", "مليشيات": "REB",
          "طائرات": "MIL", "مقاتلات": "MIL", "جيش": "MIL", "عناصر": None, "مسلحو": None,
          "مسلحي": None, "مقاتلو": None, "مقاتلي": None, "متشددو": None, "متشددي": None,
          "متمردو": None, "متمردي": None, "انصار": None}


def actor_spans(ctx: Context, mentions: list[tuple[Cand, object]], nominals: list[Cand],
                home: str | None = None) -> list[Span]:
    """``mentions``: (cand, Ent) for every entity mention, by start; ``home``: the article's
    main country, for a definite state body with no nisba (الحكومة، الجيش)."""
    spans = []
    covered: set[int] = set()
    for c in nominals:                               # title + name: one actor
        name = c.extra.get("name")
        if name is None:
            continue
        ent = c.extra.get("ent")
        first, start, sector = _forces(ctx, c)
        spans.append(_span(start, name.end, ent, (name.start, name.end), sector))
        covered.update(range(first, name.last))
    for c, ent in mentions:
        if c.first in covered or not _can_act(c, ent):
            continue
        first, start, sector = _forces(ctx, c) if c.kind != "pronoun" else (c.first, c.start, None)
        spans.append(_span(start, c.end, ent, (c.start, c.end), sector))
        covered.update(range(first, c.last))
    spans += _unnamed(ctx, covered, nominals, home)
    spans.sort(key=lambda s: (s.start, -s.end))
    return _outermost(spans)


def _can_act(c: Cand, ent) -> bool:
    """People, organizations, places with a government, and facilities that stand for one
    (الكرملين، البيت الأبيض)."""
    if c.type in ("PER", "ORG", "GPE"):
        return True
    return c.type == "FAC" and ent.entry is not None and bool(kb.field(ent.entry, "stands_for"))


def _forces(ctx: Context, c: Cand) -> tuple[int, int, str | None]:
    """«قوات الرئيس السوري …», «متشددي تنظيم الدولة»: the forces or members of an actor
    → (first token, start, sector)."""
    force = ctx.form_in(c.first - 1, FORCES)
    if force is None:
        return c.first, c.start, None
    return c.first - 1, force[1], FORCES[force[0]]


def _span(start: int, end: int, ent, head: tuple, sector: str | None = None) -> Span:
    country = ent.country if ent is not None else None
    if ent is not None and ent.type == "GPE":
        sector = sector or "GOV"
    stands = None
    if ent is not None and ent.type == "FAC" and ent.entry is not None:
        stands = kb.field(ent.entry, "stands_for")
    if stands:
        country, sector = stands.get("country"), sector or stands.get("sector")
    return Span(start, end, "ACTOR", {"entity": ent.id if ent is not None else None,
                                      "country": country,
                                      "sector": sector or (ent.sector if ent is not None else None),
                                      "head": head})


def _unnamed(ctx: Context, covered: set[int], nominals: list[Cand], home: str | None) -> list[Span]:
    out = []
    for c in nominals:                              # an unresolved title: «مسؤول أمريكي»
        if c.first in covered or c.extra.get("ent") is not None:
            continue
        sector = c.title.sector if c.title not in (None, "counterpart") else None
        org = c.extra.get("org")
        country = c.country or _home(ctx, c.first, c.last, sector, home)
        out.append(Span(c.start, c.end, "ACTOR", {"entity": None, "country": country,
                                                  "sector": sector if sector != "UNK" else None,
                                                  "head": (c.start, c.end)}))
        covered.update(range(c.first, c.last))
        if org is not None:
            covered.update(range(org.first, org.last))
    for i, m in sorted(ctx.at("actor_nouns").items()):
        if i in covered:
            continue
        k, country = m.last, m.entry.country
        nis = ctx.nisba_at(k)
        if nis is None and k + 1 < ctx.n and ctx.word(k) not in FUNCTION_WORDS \
                and ctx.tokens[k].kind == "word":          # طائرات حربية روسية
            nis = ctx.nisba_at(k + 1)
        if nis is not None:
            k, country = nis[0], nis[1].iso3
        country = country or _home(ctx, i, m.last, m.entry.sector, home)
        end = ctx.tokens[k - 1].end
        out.append(Span(m.start, end, "ACTOR", {"entity": None, "country": country,
                                                "sector": m.entry.sector,
                                                "head": (m.start, m.end)}))
        covered.update(range(i, k))
    return out


def _home(ctx: Context, first: int, last: int, sector: str | None, home: str | None) -> str | None:
    """الحكومة، قوات الأمن، رئيس الوزراء with no nisba: the article's own country's."""
    if sector in STATE_SECTORS and any(ctx.word(i).startswith("ال") for i in range(first, last)):
        return home
    return None


def _outermost(spans: list[Span]) -> list[Span]:
    out = []
    for s in spans:
        if out and s.start < out[-1].end:
            continue
        out.append(s)
    return out
