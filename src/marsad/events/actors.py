"""Actor phrases of a document, as token ranges with entity, country and sector.

The entity stage's ``doc.actors`` come first; entity mentions it did not cover and a small
fallback lexicon of unnamed actor heads, country names and nisba adjectives
(data/fallback_actors.tsv, data/fallback_countries.tsv) fill the gaps.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache, partial

from ..document import Document
from ..stages.entities.actors import NATIONALITY, NATIONALITY_BEFORE, STATE_SECTORS, maritime
from ..text.normalize import normalize
from ..text.segment import definite
from .evidence import ARMED
from .patterns import read_tsv

LEXICON = "event_actor_words"
ACTOR_TYPES = ("PER", "ORG", "GPE")
STANDALONE_BEFORE = frozenset({"حيال", "تجاه", "ازاء", "ضد", "مع", "علي", "الي", "بين", "عن",
                               "من", "لدي", "بحق", "امام"})


MEMBER_SECTORS = frozenset({"UAF", "REB"})  # مسلحون، عناصر، مقاتلون (من X)
COUNT_HEADS = frozenset(normalize(w) for w in "آلاف الآلاف مئات المئات عشرات العشرات".split())
DELEGATIONS = frozenset({"وفد", "وفدا", "الوفد", "ووفد"})  # وفدا من حركة حماس
TITLES = frozenset(normalize(w) for w in "مدير رئيس وزير أمين محافظ أمير سفير قائد مستشار نائب "
                   "عميد وكيل مساعد متحدث ناطق مفتي مندوب ممثل مبعوث موفد منسق مفوض".split())
PORTFOLIOS = frozenset(normalize(w) for w in "خارجية دفاع داخلية مالية اقتصاد تجارة طاقة زراعة صحة "
                       "عدل نفط إعلام تعليم نقل".split())  # وزراء خارجية الاتحاد الأوروبي
HONORIFICS = frozenset(normalize(w) for w in "الدكتور المهندس الأستاذ الشيخ اللواء العميد العقيد الفريق "
                       "السفير الأمير المستشار السيد الدكتورة الأستاذة".split())
PERSON_NOUNS = frozenset(normalize(w) for w in "اللاعب المواطن الطالب الزميل المدرب الفنان الكاتب "
                         "الشاعر الإعلامي الشهيد المقيم الطفل الشاب المعلم الحكم المتهم".split())
GENERAL = frozenset({"عام", "العام"})  # مدير عام التعليم
TITLE_GAP = 8  # tokens from a title to the name in apposition with it


@dataclass(slots=True)
class ActorPhrase:
    first: int          # first token index
    last: int           # token index after the phrase
    start: int          # original offsets (proclitics excluded)
    end: int
    entity: str | None
    country: str | None
    sector: str | None
    place: bool = False  # a GPE used as an actor (its government)
    regional: bool = False  # qualified by a several-country adjective (وزراء الخارجية العرب)
    sides: tuple = ()   # «البلدان»، «الجانبين»: the two parties in focus, as (entity, country, sector)


@dataclass(frozen=True, slots=True)
class ActorWord:
    kind: str            # head, gpe, capital, nisba
    country: str | None
    sector: str | None
    unless: str | None = None  # a word that, anywhere in the article, makes it another thing
    several: bool = False      # of several countries (القوى الكبرى): never the local country


def _nisba_forms(stem: str, names: set) -> set[str]:
    forms = {stem, stem + "ه", stem + "ين", stem + "ون"}
    accusative = {stem + "ا"} - names  # فلسطينيا, not روسيا (a name)
    return forms | {"ال" + f for f in forms} | accusative


def _plural_forms(plural: str, names: set) -> set[str]:
    """أتراك → also the accusative أتراكا (خطف مسلحون مهندسين أتراكا)."""
    if plural.startswith("ال") or plural.endswith(("ين", "ون", "ا")) or plural + "ا" in names:
        return {plural}
    return {plural, plural + "ا"}


PLURAL_NISBAS: set[str] = set()  # filled with the table (الأتراك)


NOT_ACTOR = "-"  # fallback_actors.tsv sector of a phrase that contains an actor word but is none
BOTH = "BOTH"  # fallback_actors.tsv sector of «البلدان، الجانبين»: the two parties in focus
SEVERAL = "SEVERAL"  # fallback_actors.tsv country of «القوى الكبرى»: several countries, none local
OWNER = "OWNER"  # fallback_actors.tsv country of «قواتها، طائراته»: the state named before it
NISBA = "NISBA"  # fallback_actors.tsv country of «الدولة»: an actor only with a nisba (الدولة المصرية)
BODY_OF = "OF"  # fallback_actors.tsv country of «الأمانة العامة»: an actor only with «لـ + a party» after it
PLURAL_HEADS = frozenset(normalize(w) for w in "وزراء قادة رؤساء زعماء سفراء ممثلو ممثلي مندوبو "
                         "مندوبي وفود جيوش حكومات برلمانات وزيرا وزيري".split())
PLURAL_TOO = "البلدان"  # the dual (two countries) and the plural (countries) look the same
NOT_BEFORE_DUAL = frozenset(normalize(w) for w in "هذه تلك بعض كل جميع معظم أغلب عدد في من إلى "
                            "على بين مع عن لدى".split())


@lru_cache(maxsize=1)
def fallback_actor_phrases() -> tuple[tuple[str, ActorWord], ...]:
    out = []
    for phrase, country, sector, *unless in read_tsv("fallback_actors.tsv"):
        out.append((phrase, ActorWord("head", None if country in ("-", SEVERAL) else country, sector,
                                      normalize(unless[0]) if unless else None,
                                      country == SEVERAL)))
    rows = read_tsv("fallback_countries.tsv")
    names = {normalize(n) for _, ns, *_ in rows for n in ns.split("|")}
    for iso, gpe_names, nisbas, plurals, capitals in rows:
        for name in gpe_names.split("|"):
            if name != "-":  # مالي: also "financial", named only by the entity stage (في مالي)
                out.append((name, ActorWord("gpe", iso, "GOV")))
        for cap in capitals.split("|"):
            if cap != "-":
                out.append((cap, ActorWord("capital", iso, "GOV")))
        for stem in nisbas.split("|"):
            if stem != "-":
                forms = _nisba_forms(normalize(stem), names)
                out.extend((f, ActorWord("nisba", iso, None)) for f in forms)
        for pl in plurals.split("|"):
            if pl != "-":
                for form in _plural_forms(normalize(pl), names):
                    out.append((form, ActorWord("nisba", iso, None)))
                    PLURAL_NISBAS.add(form)
    return tuple(out)


@lru_cache(maxsize=1)
def nominative_plurals() -> frozenset[str]:
    """Sound masculine plurals of the actor heads in their -ون form (المسؤولون، مسلحون): their
    -ين form is accusative or genitive, never a subject."""
    return frozenset(normalize(phrase) for phrase, word in fallback_actor_phrases()
                     if word.kind == "head" and " " not in phrase and normalize(phrase).endswith("ون"))


class TokenIndex:
    """Original offset → token index."""

    def __init__(self, doc: Document):
        self.starts = doc.token_starts
        self.ends = doc.token_ends

    def first(self, start: int) -> int:
        return max(bisect_right(self.starts, start) - 1, 0)

    def span(self, start: int, end: int) -> range:
        """The tokens of an offset span (first to last + 1)."""
        return range(max(bisect_right(self.starts, start) - 1, 0), bisect_left(self.ends, end) + 1)


def actor_phrases(doc: Document, index: TokenIndex, sents: set, heads: dict,
                  nisba: dict, mentions: dict) -> list[ActorPhrase]:
    """Actor phrases of the sentences in ``sents`` (those with event triggers); ``nisba``:
    token index → country of the nisba adjective there (see ``nisbas``); ``mentions``: the
    entity mentions of those sentences (see ``by_sentence``)."""
    ents = {e.id: e for e in doc.entities}
    out = []
    for spans in by_sentence(doc, sents, doc.actors).values():
        for span in spans:
            a = _from_span(doc, span, ents)
            if not _concept(a, heads) and not _state_in_general(doc, a, heads):
                out.append(_split_after_nisba(doc, a, heads, nisba))
    for a in out:
        if a.sector is None:
            a.sector = next((m.entry.sector for i in range(a.first, a.last)
                             for m in heads.get(i, ()) if m.entry.kind == "head"), None)
    taken = set()
    for a in out:
        taken.update(range(a.first, a.last))
    starts = {a.start for a in out}  # a mention starting a phrase is in it
    for in_sentence in mentions.values():
        for m in in_sentence:
            if m.label in ACTOR_TYPES and m.start not in starts:
                tokens = index.span(m.start, m.end)
                if not taken.intersection(tokens):
                    out.append(_from_mention(m, ents, tokens))
                    taken.update(tokens)
    for a in _fallback(doc, taken, ents, heads):
        out.append(a)
    out.sort(key=lambda a: a.start)
    gpe_ends = frozenset(m.end for m in doc.mentions if m.label == "GPE")
    merged = _joined(_joined(out, partial(_construct, doc, nisba, gpe_ends)), partial(_member_of, doc, ents))
    merged = _joined(_joined(merged, partial(_speaking_for, doc)), partial(_counted_of, doc))
    merged = [a for a in _joined(merged, partial(_body_of, doc, heads)) if not _part_of_none(a, heads)]
    merged = _joined(merged, partial(_apposition, doc, _mention_entities(doc)))
    merged = _titled_names(doc, ents, merged)
    return _covered_dropped([_joined_nisbas(doc, a, nisba)
                             for a in _plural_of_countries(doc, merged)])


def _concept(a: ActorPhrase, heads: dict) -> bool:
    """«قمة الأمن النووي»: an actor word read with its adjective names a concept."""
    return a.entity is None and any(m.entry.sector == NOT_ACTOR and m.last > a.last - 1
                                    for m in heads.get(a.first, ()))


def _state_in_general(doc: Document, a: ActorPhrase, heads: dict) -> bool:
    """«رجال الدولة، المدعوم من الدولة»: a NISBA head with no nisba is the state in general, no
    party; given to (تسليم السلاح للدولة) it is still the recipient."""
    return a.entity is None and not doc.tokens[a.first].norm.startswith("لل") and any(
        m.entry.country == NISBA and m.last == a.last for m in heads.get(a.first, ()))


def _joined(phrases: list[ActorPhrase], join) -> list[ActorPhrase]:
    """Each phrase merged into the unnamed one before it when ``join(before, phrase)`` gives
    a phrase."""
    if not phrases:
        return []
    out: list[ActorPhrase] = []
    last = phrases[0]
    for b in phrases[1:]:
        merged = join(last, b) if last.entity is None else None
        if merged is None:
            out.append(last)
        last = b if merged is None else merged
    out.append(last)
    return out


def _construct(doc: Document, nisba: dict, gpe_ends: frozenset, a: ActorPhrase,
               b: ActorPhrase) -> ActorPhrase | None:
    """An unnamed head in construct state with a following actor is one actor:
    «طيران» + «التحالف», «قوات» + «صالح» (entity and country of the second, sector of the head).
    A phrase ending in a country adjective, a definite noun or a place name (``gpe_ends``) is
    closed: «قائد الجيش الإيراني | إسرائيل»، «قوات الأمن | عشرات المتظاهرين»."""
    if (a.sector and not a.place and b.first == a.last
            and not definite(doc.text, doc.tokens[a.first])  # (آلاف is no ال + ف)
            and not definite(doc.text, doc.tokens[a.last - 1])
            and not doc.tokens[a.last - 1].norm.endswith("ون")  # (مستوطنون: no construct state)
            and a.end not in gpe_ends  # سفير … لدى كندا | وزير الخارجية الكندي
            and not _not_construct(doc, a) and a.last - 1 not in nisba
            and b.start == doc.tokens[b.first].start
            and not _unnamed_after_li(doc, b)):
        # عشرات الصحفيين are journalists; counted fighters keep the head's sector (often victims)
        counted = doc.tokens[a.first].norm in COUNT_HEADS and b.sector is not None and b.sector not in ARMED
        return ActorPhrase(a.first, b.last, a.start, b.end, b.entity, b.country or a.country,
                           b.sector if counted else a.sector, False, b.regional)
    return None


def _part_of(a: ActorPhrase, heads: dict) -> bool:
    return a.entity is None and any(m.entry.country == BODY_OF for m in heads.get(a.first, ()))


def _body_of(doc: Document, heads: dict, a: ActorPhrase, b: ActorPhrase) -> ActorPhrase | None:
    """«الأمانة العامة لمنظمة التعاون الإسلامي»، «الفرع المصري لتنظيم داعش»: a part of a body
    followed by ل and a party acts for that party (its entity, country and sector)."""
    tok = doc.tokens[b.first] if b.first < len(doc.tokens) else None
    if _part_of(a, heads) and tok is not None and b.first == a.last and b.start > tok.start \
            and tok.norm.startswith("ل") and (b.entity is not None or b.country):
        return ActorPhrase(a.first, b.last, a.start, b.end, b.entity, b.country, b.sector,
                           False, b.regional)
    return None


def _part_of_none(a: ActorPhrase, heads: dict) -> bool:
    """A part of a body with no party after it (الأمانة العامة alone) names no party."""
    return _part_of(a, heads) and a.country is None and not a.sides


def _counted_of(doc: Document, a: ActorPhrase, b: ActorPhrase) -> ActorPhrase | None:
    """«العشرات من المدنيين»: a count noun and the party after its من are one phrase (like the
    construct عشرات المدنيين)."""
    if (a.last - a.first == 1 and doc.tokens[a.first].norm in COUNT_HEADS
            and b.first == a.last + 1 and doc.tokens[a.last].norm == "من" and not b.place
            and b.start == doc.tokens[b.first].start):
        return ActorPhrase(a.first, b.last, a.start, b.end, b.entity, b.country or a.country,
                           b.sector or a.sector, False, b.regional)
    return None


def _member_of(doc: Document, ents: dict, a: ActorPhrase, b: ActorPhrase) -> ActorPhrase | None:
    """«مسلحون من حزب العمال الكردستاني»، «وفدا من حركة حماس»: unnamed fighters, members or a
    delegation followed by من and a named organization act for it (its entity, country and
    sector)."""
    e = ents.get(b.entity) if b.entity else None
    if (a.country is None
            and (a.sector in MEMBER_SECTORS or doc.tokens[a.first].norm in DELEGATIONS)
            and e is not None and e.type == "ORG" and b.first == a.last + 1
            and doc.tokens[a.last].norm == "من" and b.start == doc.tokens[b.first].start):
        return ActorPhrase(a.first, b.last, a.start, b.end, b.entity, b.country, b.sector,
                           False, b.regional)
    return None


def _speaking_for(doc: Document, a: ActorPhrase, b: ActorPhrase) -> ActorPhrase | None:
    """«المتحدث باسم + الجيش اليمني»: a spokesman read apart from the body he speaks for acts
    for it (its country and sector), not beside it."""
    if b.first == a.last and doc.tokens[a.last - 1].norm == "باسم" \
            and not b.place and b.start == doc.tokens[b.first].start:
        return ActorPhrase(a.first, b.last, a.start, b.end, None, b.country, b.sector, False, b.regional)
    return None


def _mention_entities(doc: Document) -> dict:
    return {m.start: (m.data["entity"], m.end) for m in doc.mentions if m.data.get("entity")}


def _apposition(doc: Document, mention_entity: dict, a: ActorPhrase,
                b: ActorPhrase) -> ActorPhrase | None:
    """«العاهل الأردني الملك عبد الله الثاني»، «السفير الأميركي لدى المملكة جوزيف …»: an unresolved
    title phrase that the entity stage read as a mention of the name right after it (a title word,
    or the rest of that mention, may sit between) is that person."""
    entity, end = mention_entity.get(a.start, (None, 0))
    if (b.entity is not None and entity == b.entity and b.first >= a.last
            and (b.first - a.last <= 1 or end >= doc.tokens[b.first - 1].end)):
        return ActorPhrase(a.first, b.last, a.start, b.end, b.entity, b.country or a.country,
                           b.sector or a.sector, False, b.regional)
    return None


def _plural_of_countries(doc: Document, phrases: list[ActorPhrase]) -> list[ActorPhrase]:
    """«وزراء خارجية روسيا وإيران وتركيا»: a plural head with countries joined by و after it
    (one word may come between) is one phrase for the officials of each country."""
    out: list[ActorPhrase] = []
    k = 0
    while k < len(phrases):
        a = phrases[k]
        if not _plural_head(doc, a):
            out.append(a)
            k += 1
            continue
        places = _countries_after(doc, a, phrases[k + 1:])
        if len(places) > 1:
            last = places[-1]
            out.append(ActorPhrase(a.first, last.last, a.start, last.end, None, None, None,
                                   sides=tuple((None, p.country, a.sector) for p in places)))
            k += 1 + len(places)
        elif k + 1 < len(phrases) and (body := _body_after(doc, a, phrases[k + 1])) is not None:
            out.append(ActorPhrase(a.first, body.last, a.start, body.end, body.entity, body.country,
                                   a.sector, False, body.regional))
            k += 2
        else:
            out.append(a)
            k += 1
    return out


def _body_after(doc: Document, a: ActorPhrase, b: ActorPhrase) -> ActorPhrase | None:
    """«وزراء خارجية الاتحاد الأوروبي»: ministers (a plural head) of a portfolio act for the
    named body ``b`` right after them."""
    if b.first != a.last + 1:
        return None
    between = doc.tokens[a.last]
    if b.place or b.entity is None or not b.country or b.start != doc.tokens[b.first].start \
            or between.norm not in PORTFOLIOS:
        return None
    return b


def _covered_dropped(phrases: list[ActorPhrase]) -> list[ActorPhrase]:
    """Phrases inside a longer one before them are part of it (والإيرانيين in «المسؤولين الأتراك
    والإيرانيين»)."""
    out: list[ActorPhrase] = []
    for a in phrases:
        if out and out[-1].first <= a.first and a.last <= out[-1].last:
            continue
        out.append(a)
    return out


def _joined_nisbas(doc: Document, a: ActorPhrase, nisba: dict) -> ActorPhrase:
    """«القوات السعودية والأمريكية»: an unnamed phrase whose country adjective is followed by
    another joined with و stands for the forces of both countries."""
    if (a.entity is not None and a.last - 1 not in nisba) or not a.country or a.sides \
            or not a.sector:
        return a            # (القوات السعودية: السعودية is the adjective here, not the state)
    countries = [a.country]
    k = a.last
    while k < len(doc.tokens) and k in nisba and doc.tokens[k].norm.startswith("و") \
            and nisba[k] not in countries:
        countries.append(nisba[k])
        k += 1
    if len(countries) == 1:
        return a
    return ActorPhrase(a.first, k, a.start, doc.tokens[k - 1].end, None, None, None,
                       sides=tuple((None, c, a.sector) for c in countries))


def _titled_names(doc: Document, ents: dict, phrases: list[ActorPhrase]) -> list[ActorPhrase]:
    """«مدير الجامعة الدكتور زيد الشمري»: an unnamed title, the body after it and the person named
    right after them (no punctuation, preposition or time between) are one person."""
    out: list[ActorPhrase] = []
    for b in phrases:
        k = _title_before(doc, ents, out, b) if _person(ents, b) else None
        if k is None:
            out.append(b)
            continue
        a = out[k]
        del out[k:]
        out.append(ActorPhrase(a.first, b.last, a.start, b.end, b.entity, b.country or a.country,
                               b.sector or a.sector, False, b.regional))
    return out


def _title_before(doc: Document, ents: dict, out: list[ActorPhrase], b: ActorPhrase) -> int | None:
    k = _official_before(doc, ents, out, b)
    if k is None and out and out[-1].last == b.first and out[-1].first == b.first - 1 \
            and out[-1].entity is None and doc.tokens[b.first - 1].norm.lstrip("و") in HONORIFICS:
        return len(out) - 1  # «ودعا الدكتور الشمري»: the honorific read alone is the person named
    return k


def _official_before(doc: Document, ents: dict, out: list[ActorPhrase], b: ActorPhrase) -> int | None:
    toks = doc.tokens
    if b.start != toks[b.first].start or toks[b.first - 1].norm in STANDALONE_BEFORE:
        return None  # بزيد، مع زيد: a name after a preposition
    if toks[b.first - 1].norm in PERSON_NOUNS:
        return None  # «هنأ رئيس النادي اللاعب X»: another person, named with his own noun
    named_before = toks[b.first - 1].norm in HONORIFICS or (out and out[-1].last == b.first)
    complement: set[int] = set()  # المبعوث الأممي لليمن / إلى سوريا X: the title's complement
    for k in range(len(out) - 1, -1, -1):
        a = out[k]
        if k and not _person(ents, a) and _place_complement(doc, out[k - 1], a):
            complement.update(range(out[k - 1].last, a.last))
            continue
        if _person(ents, a) or a.place or a.sides or b.first - a.first > TITLE_GAP:
            return None
        if any(t.kind != "word" or t.norm in STANDALONE_BEFORE or t.norm == "في"
               or t.i in doc.time_tokens
               for t in toks[a.last:b.first] if t.i not in complement):
            return None
        if toks[a.first].norm.lstrip("و").removeprefix("ال") in TITLES:
            if a.first > 0 and toks[a.first - 1].norm in ("عبر", "وعبر"):
                return None  # «وعبر مدير الجمعية X عن شكره»: the name stays the subject of عبّر
            covered = {i for x in out[k:] for i in range(x.first, x.last)}
            return k if named_before or all(
                i in covered or i in complement or toks[i].norm in GENERAL or toks[i].norm.startswith(("ال", "لل", "بال"))
                for i in range(a.last, b.first)) else None  # not «رئيس الاتحاد غدران سعيد اللاعب X»
    return None


def _person(ents: dict, a: ActorPhrase) -> bool:
    e = ents.get(a.entity) if a.entity else None
    return e is not None and e.type == "PER"


def _place_complement(doc: Document, title: ActorPhrase, a: ActorPhrase) -> bool:
    """A place or a body right after an official's title with ل, إلى or لدى completes the title
    (المبعوث الأممي لليمن، المبعوث الخاص إلى سوريا، المندوب الدائم لدى الأمم المتحدة)."""
    toks = doc.tokens
    if toks[title.first].norm.lstrip("و").removeprefix("ال") not in TITLES:
        return False
    if a.first == title.last:
        prefix = normalize(doc.text[toks[a.first].start:a.start + 2])
        return prefix.endswith("لل") or prefix[:-2].endswith("ل")
    return a.first == title.last + 1 and toks[title.last].norm in ("الي", "لدي")


def _plural_head(doc: Document, a: ActorPhrase) -> bool:
    return a.entity is None and a.country is None and bool(a.sector) and not a.sides \
        and any(stem in PLURAL_HEADS for stem, _ in doc.tokens[a.first].readings)


def _countries_after(doc: Document, a: ActorPhrase, rest: list[ActorPhrase]) -> list[ActorPhrase]:
    toks = doc.tokens
    j = a.last if rest and rest[0].first == a.last else a.last + 1  # وزراء [خارجية] روسيا
    places = []
    for b in rest:
        if b.first != j or not b.place or not b.country or (places and not toks[b.first].norm.startswith("و")):
            break
        places.append(b)
        j = b.last
    return places


def _unnamed_after_li(doc: Document, b: ActorPhrase) -> bool:
    """«تصدت قوات الجيش للمهاجمين»: an unnamed group after لـ is another party, not the owner
    of the head (unlike «هيئة الأركان للقوات المسلحة اليمنية»)."""
    return b.entity is None and b.country is None and doc.tokens[b.first].norm.startswith("لل")


def _not_construct(doc: Document, a: ActorPhrase) -> bool:
    """«مسلحون مجهولون» + «عشرات الرهائن»: a word ending in ون/ين keeps its ن, so it is not in
    construct state with what follows (that is مسلحو، مسلحي)."""
    word = doc.tokens[a.last - 1].norm
    return word.endswith(("ون", "ين")) and not word.startswith(("ال", "وال"))


def fallback_matches(doc: Document, sents: set, matches) -> dict[int, list]:
    """Token index → fallback lexicon matches starting there (in the given sentences)."""
    out: dict[int, list] = {}
    toks = doc.tokens
    for m in matches:
        if toks[m.first].sent in sents:
            out.setdefault(m.first, []).append(m)
    return out


def by_sentence(doc: Document, sents: set, spans: list) -> dict[int, list]:
    """Sentence index → the spans (a list sorted by start) that start in it, for the sentences
    in ``sents``, in text order."""
    starts = [s.start for s in spans]
    out = {}
    for k in sorted(sents):
        sent = doc.sentences[k]
        out[k] = spans[bisect_left(starts, sent.start):bisect_left(starts, sent.end)]
    return out


def _split_after_nisba(doc: Document, a: ActorPhrase, heads, nisba) -> ActorPhrase:
    """«وزير الخارجية الإيطالي طهران»: a noun after a nisba adjective is not in the phrase
    (the construct chain ends with the adjective); keep the head part only."""
    for i in range(a.first + 1, a.last - 1):
        if i in nisba and i + 1 not in nisba and not _is_name_start(doc, i + 1):
            tok = doc.tokens[i]
            country = next(m.entry.country for m in heads[i] if m.entry.kind == "nisba")
            return ActorPhrase(a.first, i + 1, a.start, tok.end, None, country, a.sector, False)
    return a


def _is_name_start(doc: Document, i: int) -> bool:
    """A person mention starts at token i (الرئيس التركي رجب طيب أردوغان)."""
    start = doc.tokens[i].start
    return any(m.start == start and m.label == "PER" for m in doc.mentions)


def _from_span(doc: Document, span, ents) -> ActorPhrase:
    d = span.data
    e = ents.get(d.get("entity"))
    place = e is not None and e.type == "GPE" and span.end - span.start <= len(e.name) + 2
    first, last, end = d["tokens"].start, d["tokens"].stop, span.end
    if last < len(doc.tokens) and doc.tokens[last].norm == '"' and any(
            doc.tokens[k].norm == '"' for k in range(first + 1, last)):
        last, end = last + 1, doc.tokens[last].end  # تنظيم «داعش»: with its closing mark
    return ActorPhrase(first, last, span.start, end,
                       d.get("entity"), d.get("country"), d.get("sector"), place)


def _from_mention(m, ents, tokens: range) -> ActorPhrase:
    e = ents.get(m.data.get("entity"))
    place = m.label == "GPE"
    return ActorPhrase(tokens.start, tokens.stop, m.start, m.end,
                       m.data.get("entity"), e.country if e else None,
                       "GOV" if place else (e.sector if e else None), place)


def _fallback(doc: Document, taken: set, ents, by_first) -> list[ActorPhrase]:
    names = {}
    for m in doc.mentions:
        if m.label == "PER":
            names[m.start] = m
    out = []
    last = -1
    for i in sorted(by_first):
        if i < last or i in taken:
            continue
        ms = [m for m in by_first[i] if m.entry.kind != "nisba"] or [
            m for m in by_first[i] if _people(doc, m)]
        if not ms:
            continue
        m = max(ms, key=lambda m: m.last)
        w = m.entry
        if w.sector == NOT_ACTOR or w.unless and _has_word(doc, w.unless) or maritime(doc, i):
            # الأمن القومي: a concept, not the security forces; القاعدة in an article naming a
            # military base (قاعدة العند) is the base
            taken.update(range(m.first, m.last))
            last = m.last
            continue
        if w.sector == BOTH:
            sides = two_sides(doc, m.start, ents, country_only=w.country == "GPE") \
                if _dual(doc, m) else ()
            if sides:
                out.append(ActorPhrase(m.first, m.last, m.start, m.end, None, None, None,
                                       sides=sides))
                taken.update(range(m.first, m.last))
                last = m.last
            continue
        country = _owner(doc, m.start) if w.country == OWNER else w.country
        a = ActorPhrase(m.first, m.last, m.start, m.end, None, country, w.sector,
                        w.kind in ("gpe", "capital"), w.several)
        if country in (NISBA, BODY_OF):
            a.country = None
        _extend(doc, a, by_first, names, ents)
        if country == BODY_OF:
            a.country = None  # (الفرع المصري لتنظيم داعش: the party after ل gives it)
        if country == NISBA and a.country is None:
            continue  # رجال الدولة، أمن الدولة: the state in general, no party
        if taken.intersection(range(a.first, a.last)):
            continue
        taken.update(range(a.first, a.last))
        out.append(a)
        last = a.last
    return out


def _has_word(doc: Document, word: str) -> bool:
    """The word is in the article, with or without proclitics (بقاعدة). (A reading is a piece
    of the normalized text, or لل read as ال: a word without ال can only be one if it is in the
    text.)"""
    if word not in doc.norm and not word.startswith("ال"):
        return False
    return any(form == word for t in doc.tokens for form, _ in t.readings)


def _owner(doc: Document, pos: int) -> str | None:
    """«قالت روسيا إن طائراتها…»: the country of the state actor named last before ``pos`` in
    its sentence (the owner of «قواتها، طائراته، جيشنا»)."""
    k = doc.token_at(pos)
    floor = doc.sentences[doc.tokens[k].sent].start if k >= 0 else 0
    starts = [a.start for a in doc.actors]
    for span in reversed(doc.actors[:bisect_left(starts, pos)]):
        if span.start < floor:
            break
        if span.data.get("country") and span.data.get("sector") in STATE_SECTORS:
            return span.data["country"]
    return None


def two_sides(doc: Document, pos: int, ents: dict, country_only: bool) -> tuple:
    """The two parties named in the sentence of ``pos`` (before it) and the one before, as
    (entity, country, sector): two countries for «البلدين» (their governments), two sides for
    «الجانبين» (places named as venues left out); () unless exactly two countries are named."""
    k = doc.token_at(pos)
    sent = doc.tokens[k].sent if k >= 0 else 0
    floor = doc.sentences[max(sent - 1, 0)].start
    found: dict[str, tuple] = {}
    for span in doc.actors:
        if span.start >= pos:
            break
        d = span.data
        e = ents.get(d.get("entity"))
        place = e is not None and e.type == "GPE"
        if span.start < floor or not d.get("country") or d.get("sector") not in STATE_SECTORS \
                or place and not country_only:
            continue
        side = (e.id if place else None, d["country"], "GOV") if country_only else \
            (d.get("entity"), d["country"], d.get("sector"))
        found.setdefault(d["country"], side)
    return tuple(found.values()) if len(found) == 2 else ()


def _dual(doc: Document, m) -> bool:
    """«اتفق البلدان» (the two countries), not the plural «البلدان النفطية»، «في هذه البلدان»:
    البلدان is dual only as a subject, with no feminine adjective after it."""
    if normalize(doc.text[m.start:m.end]) != PLURAL_TOO:
        return True
    toks = doc.tokens
    before = toks[m.first - 1].norm if m.first > 0 else ""
    after = toks[m.last].norm if m.last < len(toks) else ""
    return before not in NOT_BEFORE_DUAL and not after.endswith("ه") and m.start == toks[m.first].start


def _people(doc: Document, m) -> bool:
    """«حيال الإيرانيين»، «والأتراك»: a plural nisba standing alone names the nation (not an
    adjective: the word before is a preposition or punctuation, or it carries a proclitic)."""
    word = normalize(doc.text[m.start:m.end])
    if not word.startswith("ال") or not (word.endswith("ين") or word.endswith("ون")
                                          or word in PLURAL_NISBAS):
        return False
    tok = doc.tokens[m.first]
    if m.start > tok.start or m.first == 0:
        return True
    prev = doc.tokens[m.first - 1]
    return prev.kind == "punct" or prev.norm in STANDALONE_BEFORE


def _extend(doc: Document, a: ActorPhrase, by_first, names, ents) -> None:
    """Grow a head with a following nisba adjective and a following person name."""
    skip = a.last
    if a.last + 1 < len(doc.tokens) and _relational(doc.tokens[a.last].norm) \
            and not any(m.entry.kind == "nisba" for m in by_first.get(a.last, ())):
        skip = a.last + 1  # كتيبة عسكرية إماراتية، طائرات حربية روسية: an adjective between
    if skip + 2 < len(doc.tokens) and doc.tokens[skip].norm in NATIONALITY_BEFORE \
            and doc.tokens[skip + 1].norm in NATIONALITY:
        skip += 2  # أشخاص من الجنسية السورية
    nis = [m for m in by_first.get(skip, ()) if m.entry.kind == "nisba"]
    if nis and a.sector is not None and not a.place and a.country is None:
        m = max(nis, key=lambda m: m.last)
        a.country = a.country or m.entry.country
        a.last, a.end = m.last, m.end
    elif a.country is None and a.last < len(doc.tokens) \
            and doc.tokens[a.last].norm in regional_adjectives():
        a.regional = True
        a.end = doc.tokens[a.last].end
        a.last += 1
    if a.last < len(doc.tokens):
        tok = doc.tokens[a.last]
        m = names.get(tok.start)
        if m is not None:
            e = ents.get(m.data.get("entity"))
            a.entity = m.data.get("entity")
            a.country = a.country or (e.country if e else None)
            a.end = m.end
            a.last = max(a.last + 1, _tok_after(doc, m.end, a.last))


@lru_cache(maxsize=1)
def regional_adjectives() -> frozenset[str]:
    return frozenset(normalize(row[0]) for row in read_tsv("regional_adjectives.tsv"))


def _relational(word: str) -> bool:
    """A relational adjective (عسكرية، حربية، جوية): it may stand between a head and its nisba."""
    return len(word) > 4 and word.endswith(("يه", "ي")) and not word.startswith("ال")


def _tok_after(doc: Document, end: int, i: int) -> int:
    while i < len(doc.tokens) and doc.tokens[i].end <= end:
        i += 1
    return i


def nisbas(heads: dict[int, list]) -> dict[int, str]:
    """Token index → country of the nisba adjective starting there (التركية → TUR)."""
    return {i: m.entry.country for i, ms in heads.items() for m in ms if m.entry.kind == "nisba"}
