"""Pipeline stage: entities, their mentions, and actor phrases (see notes/contract.md)."""
from __future__ import annotations

from functools import cache, lru_cache, partial
from itertools import compress, count
from operator import attrgetter

from ...document import Document, Span
from ...record import Entity, Mention
from ...text.normalize import INVISIBLE, normalize
from . import coref, kb, lexicon, persons, recognize
from .actors import LOCAL_SECTORS, actor_spans, located_in
from .context import PLACE_CUES, Cand, Context

PLACE_TYPES = ("GPE", "LOC", "FAC")
# Arab League states: a person with an Arab surname (ال…) and no country of his own is not
# placed in a foreign home country (a Saudi team's camp in Austria), but in the article's
# most named Arab state, else none.
ARAB_STATES = frozenset("SAU ARE KWT QAT BHR OMN YEM IRQ SYR LBN JOR PSE EGY LBY TUN DZA MAR MRT "
                        "SDN SOM DJI COM".split())
_offsets = attrgetter("start", "end")
_first = attrgetter("first")


class EntityStage:
    def __init__(self) -> None:
        lexicon.given_names()
        lexicon.common_words()
        lexicon.definite_words()
        lexicon.purpose_nouns()
        lexicon.after_name_words()
        lexicon.not_names()
        kb.name_words()
        kb.short_names()
        kb.media_names()

    def __call__(self, doc: Document) -> None:
        ctx = Context(doc)
        known = recognize.known_names(ctx)
        ctx.doc_countries = frozenset([c.country for c in known if c.key[0] in "CP"])
        known = recognize.lone_surnames(ctx, known)
        names = recognize.select(known + recognize.org_patterns(ctx, recognize.best_at(known)))
        taken = _covered(names)             # a BLOCK collocation is no place by pattern either
        names = [c for c in names if c.type != "BLOCK"]
        namesakes, things = _namesakes(ctx, names, taken)   # مستشفى الملك فهد: not the king
        names = [c for c in names if not _namesake(c, namesakes)] + things
        taken |= namesakes | _covered(things)
        places = recognize.place_patterns(ctx, taken)
        names, places = recognize.replace_inner_places(ctx, names, places)
        names += places
        taken |= _covered(places)
        names_at = {c.first: c for c in names}
        nominals = persons.titled(ctx, names_at, taken)
        for c in nominals:
            name = c.extra.get("name")
            if name is not None and names_at.get(name.first) is not name:
                for j in range(name.first, name.last):  # a longer name than known ones there
                    old = names_at.get(j)
                    if old is not None and old.last <= name.last:
                        names.remove(names_at.pop(j))
                names.append(name)
                names_at[name.first] = name
                taken.update(range(name.first, name.last))
        taken |= _covered(nominals)
        more = persons.given_name_persons(ctx, taken, names_at)
        taken |= _covered(more)
        names += more
        names += [c.extra["inner"] for c in names
                  if c.extra.get("inner") is not None and not _namesake(c.extra["inner"], namesakes)]
        names.sort(key=_first)
        ents = coref.Entities(ctx)
        for c in names:
            ents.add_name(c)
        coref.drop_weak(ents)
        coref.merge_prefix_orgs(ents)
        coref.merge_parenthesized(ctx, ents)
        taken |= _covered(coref.fragments(ctx, ents, taken))
        coref.link_nominals(ctx, ents, nominals)
        taken |= _covered(coref.group_anaphors(ctx, ents, taken))
        taken |= _covered(coref.org_nominals(ctx, ents, taken))
        coref.country_pronouns(ctx, ents, taken)
        _namesake_towns(ents)
        home = coref.main_country(ents, ctx)
        _code(ents, ctx, home, lambda: _arab_home(ents, ctx), cache(partial(_club_country, ctx)))
        _emit(doc, ctx, ents, nominals, home)


NAMESAKE_POPULATION = 300_000   # a town this big is itself, wherever the article is set


def _namesake_towns(ents: coref.Entities) -> None:
    """A town named like a town of another country (أريحا: Jericho, Palestine, and Ariha,
    Syria) is the namesake in the one country whose other places or name the article names,
    if it names no other place of the town's own country."""
    towns = [e for e in ents.all() if e.type == "GPE" and getattr(e.entry, "namesakes", ())
             and e.entry.population < NAMESAKE_POPULATION]
    if not towns:
        return
    named = {e.country for e in ents.all() if e.type == "GPE" and e.country and e not in towns}
    for ent in towns:
        others = [p for p in ent.entry.namesakes if p.iso3 in named]
        if ent.country not in named and len(others) == 1:
            place = others[0]
            ent.entry, ent.country, ent.name_en, ent.kb = place, place.iso3, place.name_en, place.kb
            ent.key = ("P", place.geonameid)


def _namesakes(ctx: Context, names, taken: set[int]) -> tuple[set[int], list[Cand]]:
    """Tokens of the title and name that name a thing after a person (مستشفى الملك فهد), and
    the facilities and bodies so named that no other name covers (جسر الملك فهد: a FAC; the
    country is the person's, when known)."""
    names_at = {c.first: c for c in names}
    out: set[int] = set()
    things = []
    for first, end, (ty, sector), start in recognize.named_for(ctx):
        place = names_at.get(first)
        if place is not None and place.type in ("GPE", "LOC"):
            continue                    # مدينة الشيخ زويد: a town's own name
        last = max(end, persons.name_span(ctx, end, names_at, titled=True))
        out.update(range(first, last))
        if ty is None or first - 1 in taken or last <= end:
            continue
        person = names_at.get(end) or names_at.get(first)
        country = person.country if person is not None and person.type == "PER" else None
        text = ctx.doc.text[start:ctx.tokens[last - 1].end]
        things.append(Cand(first - 1, last, start, ctx.tokens[last - 1].end, ty,
                           key=("O", normalize(text)), country=country, sector=sector))
    return out, things


def _namesake(c, namesakes: set[int]) -> bool:
    return c.type == "PER" and c.first in namesakes


def _covered(cands) -> set[int]:
    return {i for c in cands for i in range(c.first, c.last)}


def _code(ents: coref.Entities, ctx: Context, home: str | None, arab_home,
          club_country=lambda: None) -> None:
    """Countries and sectors of the entities. ``arab_home()`` and ``club_country()`` are asked
    only about a person left without a country."""
    located: dict = {}
    place_at = None
    for ent in ents.all():
        if ent.type == "FAC" and not ent.country:
            if place_at is None:
                gpes = [e for e in ents.all() if e.type == "GPE" and e.country]
                place_at = {m.first: (m.start, e.country) for e in gpes for m in e.mentions}
                named = [e.country for e in gpes]
                sure = {c for c in named if c == home or named.count(c) > 1}
            country = _facility_place(ctx, ent, place_at)
            ent.country = country if country in sure else None
        if ent.type in PLACE_TYPES:
            ent.sector = None
            ent.country = ent.country or (home if ent.key[0] == "P" and ent.entry is None else None)
            continue
        if ent.entry is not None:
            ent.country = kb.field(ent.entry, "country") or ent.country
            ent.sector = kb.field(ent.entry, "sector") or ent.sector
        if not ent.country:
            inner = [m.extra.get("inner") or m.extra.get("org") for m in ent.mentions]
            found = (x.country for x in inner if x is not None and x.country)
            ent.country = next(found, None)
        if not ent.country and ent.type == "ORG" and ent.sector in LOCAL_SECTORS:
            places = [(m, e) for e in ents.all() if e.type == "GPE" for m in e.mentions] \
                if "places" not in located else []
            sent = ctx.tokens[ent.mentions[0].first].sent       # الفرقة 30 … في محافظة حلب
            ent.country = located_in(ctx, places, sent, located)
        if not ent.country and ent.head in abroad_heads():
            states = abroad_heads()[ent.head]   # مجلس الشيوخ: the home's only if it has one
            ent.country = _named_alike(ctx, ents, ent) or (home if home in states else None)
            continue
        if not ent.country and ent.type == "PER" and club_country() is not None:
            ent.country = club_country()    # a Saudi club's players at their camp in Austria
        if not ent.country:
            abroad = ent.type == "PER" and home not in ARAB_STATES and ent.entry is None \
                and _arab_surname(ctx, ent)
            ent.country = arab_home() if abroad else home
        if not ent.sector or ent.sector == "UNK":
            ent.sector = "CVL" if ent.type == "PER" else "GOV"


@lru_cache(maxsize=1)
def abroad_heads() -> dict[str, frozenset]:
    """Heads of bodies few states have (مجلس الشيوخ) → the states that have one."""
    return {h.norm: h.states for _, h in lexicon.org_heads()
            if h.mode == "institution_abroad"}


def _named_alike(ctx: Context, ents: coref.Entities, ent: coref.Ent) -> str | None:
    """The country of another body whose name starts with this one's head (مجلس الشيوخ
    الأمريكي for a bare مجلس الشيوخ), when all such bodies of the article share one."""
    found = {e.country for e in ents.all() if e is not ent and e.country and e.type == "ORG"
             and any(normalize(ctx.doc.text[m.start:m.end]).startswith(ent.head)
                     for m in e.mentions)}
    return found.pop() if len(found) == 1 else None


# Words after which a club's name stands for the club (لاعب الهلال، بعثة النصر، بالنادي الأهلي).
# After a player or coach word a foreign adjective is his own (مدرب الهلال اليوناني).
CLUB_PEOPLE = frozenset(normalize(w) for w in "لاعب لاعبي لاعبو مهاجم مدافع حارس مدرب".split())
CLUB_WORDS = CLUB_PEOPLE | frozenset(normalize(w) for w in "نادي النادي فريق الفريق بعثة إدارة "
                                     "جماهير".split())
RED = normalize("الأحمر")       # الهلال الأحمر: the Red Crescent


# Words whose Arab country adjective names a league (الدوري المصري، الكرة المصرية، الاتحاد الكويتي).
LEAGUE_WORDS = frozenset(normalize(w) for w in "الدوري الكرة الاتحاد المنتخب".split())


def _club_country(ctx: Context) -> str | None:
    """The country whose football clubs the article names most after a club word, if one
    leads (a club with an Arab country adjective is that country's: الأهلي المصري; one with
    another adjective is no club, بعثة الاتحاد الأوروبي, unless a player's or coach's); none
    when the article names another Arab country's league or federation (الدوري المصري) as
    often as the clubs."""
    table, forms = lexicon.clubs(), lexicon.club_forms()
    if lexicon.club_words().isdisjoint(ctx.norms):
        return None
    counts: dict[str, int] = {}
    for i in compress(count(), map(forms.__contains__, ctx.norms)):
        word = forms[ctx.norms[i]]
        home, alone = table[word]
        before = ctx.form_in(i - 1, CLUB_WORDS) or (("",) if alone else None)
        if before is None or ctx.word(i + 1) == RED or ctx.word(i + 1)[:2] == "لل":
            continue                # الهلال الأحمر: the Red Crescent; نادي الجيل للتراث: no team
        nis = ctx.nisba_at(i + 1)
        if nis is not None and nis[1].iso3 not in ARAB_STATES:
            if before[0] not in CLUB_PEOPLE:
                continue                            # بعثة الاتحاد الأوروبي: no club
            nis = None
        country = nis[1].iso3 if nis is not None else home
        counts[country] = counts.get(country, 0) + 1
    ranked = sorted(counts.values(), reverse=True)
    if not ranked or len(ranked) > 1 and ranked[0] == ranked[1]:
        return None
    club = max(counts, key=counts.get)
    leagues = [nis[1].iso3 for i, _, _ in ctx.find_words(LEAGUE_WORDS)
               if (nis := ctx.nisba_at(i + 1)) is not None and nis[1].iso3 in ARAB_STATES]
    other = max((leagues.count(c) for c in set(leagues) - {club}), default=0)
    return None if other >= counts[club] else club  # الاتحاد الكويتي ×5 beside نادي النصر


def _arab_home(ents: coref.Entities, ctx: Context) -> str | None:
    """The Arab state whose places the article names most, else whose adjective it uses most."""
    home = coref.main_country(ents, ctx, ARAB_STATES)
    if home is None:
        nisbas = [m.entry.iso3 for m in ctx.at("nisba").values() if m.entry.iso3 in ARAB_STATES]
        home = max(nisbas, key=nisbas.count) if nisbas else None     # ties: the first used
    return home


def _arab_surname(ctx: Context, ent) -> bool:
    """Every name mention ends in a word with the article (القحطاني; not آلن)."""
    names = [m for m in ent.mentions if m.kind == "name"]
    text = ctx.doc.text
    return bool(names) and all(text[ctx.tokens[m.last - 1].start:m.end].startswith("ال")
                               for m in names)


def _facility_place(ctx: Context, ent, place_at: dict) -> str | None:
    """مطار حمد الدولي في الدوحة، فندق القصر بمدينة دبي: the country of a place named right
    after a facility with في or ب (after a place noun or not). The caller keeps it only for the
    article's home country or one it names with two places (not a lone namesake town)."""
    for m in ent.mentions:
        j = m.last
        if ctx.word(j) == "في":
            j += 1
            if ctx.form_in(j, PLACE_CUES) is not None:
                j += 1
        elif j < ctx.n and ctx.word(j)[:1] == "ب":
            cue = ctx.form_in(j, PLACE_CUES)
            j += cue is not None and cue[1] > ctx.tokens[j].start
        else:
            continue
        place = place_at.get(j)
        if place is not None and (j > m.last or place[0] > ctx.tokens[j].start):
            return place[1]
    return None


def _emit(doc: Document, ctx: Context, ents: coref.Entities, nominals, home: str | None) -> None:
    found = []
    for ent in ents.all():
        if ent.entry is not None or any(m.kind == "name" for m in ent.mentions):
            ent.mentions.sort(key=_offsets)
            found.append(ent)
    found.sort(key=lambda e: e.mentions[0].start)
    text = doc.text
    entities, spans, pairs = [], [], []
    for n, ent in enumerate(found, 1):
        eid = ent.id = f"E{n}"
        mentions, prev = [], None
        for c in ent.mentions:
            if (c.start, c.end) == prev:
                continue
            prev = (c.start, c.end)
            mentions.append(Mention(c.start, c.end, text[c.start:c.end], c.kind))
            spans.append(Span(c.start, c.end, ent.type, {"entity": eid, "kind": c.kind}))
            pairs.append((c, ent))
            c.extra["ent"] = ent
        entities.append(Entity(eid, ent.type, _name(doc, ent), ent.name_en, ent.kb,
                               ent.country, ent.sector, mentions))
    for c in nominals:
        name = c.extra.get("name")
        if name is not None and "ent" in name.extra:
            c.extra["ent"] = name.extra["ent"]
    doc.entities = entities
    spans.sort(key=_offsets)
    doc.mentions = spans
    pairs.sort(key=lambda p: p[0].start)
    doc.actors = actor_spans(ctx, pairs, nominals, home)
    for c in nominals:                  # break the cand ↔ entity cycles: freed by refcount
        c.extra.pop("ent", None)
    for c, _ in pairs:
        c.extra.pop("ent", None)


def _name(doc: Document, ent) -> str:
    """The knowledge base's name, else the longest name mention (the first of equals, one
    without the proclitic لل if there is one)."""
    if ent.type in ("PER", "ORG", "FAC") and ent.entry is not None:
        known = kb.field(ent.entry, "name")
        if known:
            return known
    text = doc.text
    names = [m for m in ent.mentions if m.kind == "name"]
    best = names[0] if len(names) == 1 else \
        max(names, key=lambda m: (not text.startswith("لل", m.start), m.end - m.start, -m.start))
    name = text[best.start:best.end].strip(INVISIBLE)
    return "ال" + name[2:] if name.startswith("لل") else name  # للمملكة → المملكة
