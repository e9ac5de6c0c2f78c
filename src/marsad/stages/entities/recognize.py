"""Name candidates from lexicon hits (countries, places, known people/organizations/facilities)
and from organization patterns (head noun + name: حزب العمال الكردستاني، وزارة الدفاع الروسية)."""
from __future__ import annotations

from ...text.normalize import normalize
from . import kb
from .context import COUNTRY_CUES, FUNCTION_WORDS, PLACE_CUES, TIME_WORDS, Cand, Context

KNOWN_PRIORITY = {"people": 5, "organizations": 4, "facilities": 3, "countries": 2, "places": 1}
MAX_ORG_WORDS = 5
MAX_COMPLEMENT_WORDS = 3
CLITIC_PLACE_POPULATION = 100_000
INNER = {"ORG": ("ORG", "GPE", "PER", "FAC"), "FAC": ("GPE", "PER", "LOC")}   # حركة حماس، ميناء عدن


def known_names(ctx: Context) -> list[Cand]:
    out = []
    for m in ctx.doc.matches:
        prio = KNOWN_PRIORITY.get(m.lexicon)
        if prio is None:
            continue
        c = _known(ctx, m)
        if c is not None:
            c.extra["prio"] = prio
            out.append(c)
    return out


def _known(ctx: Context, m) -> Cand | None:
    e = m.entry
    if m.lexicon == "countries":
        surface = normalize(ctx.doc.text[m.start:m.end])
        if surface in {normalize(a) for a in e.ambiguous} and not ctx.form_in(m.first - 1, COUNTRY_CUES):
            return None
        return Cand(m.first, m.last, m.start, m.end, "GPE", key=("C", e.iso3), entry=e,
                    country=e.iso3, name_en=e.name_en, known=True)
    if m.lexicon == "places":
        if e.needs_cue and not ctx.form_in(m.first - 1, PLACE_CUES):
            return None
        if m.start != ctx.tokens[m.first].start and not _clitic_place_ok(ctx, m):
            return None
        return Cand(m.first, m.last, m.start, m.end, e.type, key=("P", e.geonameid or e.name_en or e.name),
                    entry=e, country=e.iso3, kb=e.kb, name_en=e.name_en, known=True)
    ty = kb.entry_type(m.lexicon, e)
    c = Cand(m.first, m.last, m.start, m.end, ty, key=kb.entry_key(e), entry=e,
             country=kb.field(e, "country"), sector=kb.field(e, "sector") if ty in ("PER", "ORG") else None,
             kb=kb.entry_kb(e), name_en=kb.field(e, "name_en"), known=True)
    if m.last - m.first == 1 and normalize(ctx.doc.text[m.start:m.end]) in ctx.common:
        c.extra["weak"] = True      # فتح، ترأس: a word too; kept only beside a fuller mention
    return c


def _clitic_place_ok(ctx: Context, m) -> bool:
    """بموسكو → موسكو, but not وفدا → فدا: a small place read off a longer word needs the
    whole word to be no known word."""
    whole = ctx.tokens[m.first].norm
    stem = normalize(ctx.doc.text[m.start:m.end])
    if whole in ctx.common or whole in ctx.given or whole in ctx.known_words:
        return False
    if stem in ctx.common or stem in FUNCTION_WORDS:
        return False
    return m.entry.geonameid is None or m.entry.population >= CLITIC_PLACE_POPULATION


def org_patterns(ctx: Context, known_at: dict[int, Cand]) -> list[Cand]:
    """Head noun + name words (+ nisba) (+ ل-complement), and state institutions (+ nisba)."""
    out = []
    in_title = {j for ms in ctx.at.values() for m in ms if m.lexicon == "person_titles"
                for j in range(m.first + 1, m.last)}
    for i in ctx.at:
        if i in in_title:
            continue
        for m in ctx.hits(i, "org_heads"):
            c = _org(ctx, m, known_at)
            if c is not None:
                out.append(c)
                break
    return out


def _org(ctx: Context, m, known_at: dict[int, Cand]) -> Cand | None:
    head = m.entry
    k = m.last
    country = None
    words = 0
    inner = known_at.get(k)
    if inner is not None and inner.start == ctx.tokens[k].start and inner.type in INNER[head.type]:
        k = inner.last
        words += 1
        country = inner.country
    elif head.mode == "named":
        k, words = _name_words(ctx, k, known_at)
        if words == 0:
            return None
    nis = ctx.nisba_at(k)
    if head.mode == "institution_nisba" and nis is None:
        return None
    if nis is not None:
        k, country = nis[0], nis[1].iso3
    if head.type == "ORG" and (nis is None or ctx.word(k).startswith("لل")):
        k = _complement(ctx, k)
    if head.mode == "named" and words == 0:
        return None
    end = ctx.tokens[k - 1].end
    name = normalize(ctx.doc.text[m.start:end])
    institution = head.mode != "named" and k - m.last <= 1
    key = ("I", normalize(head.head), country) if institution else ("O", name)
    return Cand(m.first, k, m.start, end, head.type, key=key, country=country,
                sector=head.sector, extra={"head": head, "inner": inner})


def _name_words(ctx: Context, k: int, known_at: dict[int, Cand]) -> tuple[int, int]:
    """Words of an organization name after its head: up to two name words, then definite
    words (وكالة دوجان، حزب العمال الكردستاني، تكتل التغيير والإصلاح)."""
    words, indefinite, definite = 0, 0, False
    start = k
    while k < ctx.n and words < MAX_ORG_WORDS:
        t = ctx.tokens[k]
        w = t.norm
        if t.kind not in ("word", "latin", "num") or "\n" in ctx.gap(k) or (words and k in known_at):
            break
        if w in FUNCTION_WORDS or w in TIME_WORDS or ctx.nisba_at(k) is not None:
            break
        if w[0] == "و" and not (definite and w.startswith("وال") and ctx.word(k - 1).startswith("ال")):
            break
        is_def = w.startswith("ال") or w.startswith("وال")
        if t.kind == "word" and not is_def:
            if definite or w[0] == "ل" or indefinite == 2 or (words == 0 and _agrees(ctx, start - 1, w)):
                break
            construct = ctx.word(k + 1).startswith("ال") and words == 0
            if not ctx.is_name_word(w) and not construct:
                break
            indefinite += 1
        elif is_def and indefinite > 1:
            break
        definite = definite or is_def
        k += 1
        words += 1
    if words and not definite and not _boundary(ctx, k):
        return start, 0
    return k, words


def _agrees(ctx: Context, head: int, w: str) -> bool:
    """An indefinite feminine adjective after a feminine head (مجموعة مسلحة) is no name."""
    return ctx.word(head).endswith("ه") and w.endswith("ه")


def _boundary(ctx: Context, k: int) -> bool:
    """An indefinite name (مجموعة إيني) must end at punctuation, a particle or a nisba."""
    if k >= ctx.n or ctx.tokens[k].kind != "word":
        return True
    w = ctx.word(k)
    return w in FUNCTION_WORDS or w[0] == "و" or ctx.nisba_at(k) is not None or w[:2] == "لل"


def _complement(ctx: Context, k: int) -> int:
    """A ل/لل complement (للأنباء، لحقوق الإنسان، للنفط والغاز)."""
    w = ctx.word(k)
    if not (w.startswith("لل") or (w.startswith("ل") and len(w) > 3 and ctx.word(k + 1).startswith("ال"))):
        return k
    if ctx.tokens[k].kind != "word" or w in FUNCTION_WORDS:
        return k
    k += 1
    extra = 0
    while k < ctx.n and extra < MAX_COMPLEMENT_WORDS and ctx.tokens[k].kind == "word":
        w = ctx.word(k)
        if not (w.startswith("ال") or w.startswith("وال")) or w in FUNCTION_WORDS:
            break
        k += 1
        extra += 1
    return k


def select(cands: list[Cand]) -> list[Cand]:
    """Non-overlapping candidates: longer first, then known before pattern, then priority.
    A BLOCK candidate (مسقط رأس) wins its tokens and is dropped."""
    ranked = sorted(cands, key=lambda c: (-(c.last - c.first), not c.known,
                                          -c.extra.get("prio", 0), c.first))
    taken: set[int] = set()
    out = []
    for c in ranked:
        span = range(c.first, c.last)
        if any(i in taken for i in span):
            continue
        taken.update(span)
        out.append(c)
    out.sort(key=lambda c: c.first)
    return [c for c in out if c.type != "BLOCK"]
