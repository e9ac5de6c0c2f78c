"""Entities from mention candidates: names by identity key and name fragments, titles and
nominals by office + country (or the person in focus), بلاده by the focus person's country."""
from __future__ import annotations

from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from ...record import NON_STATE_CODES
from ...text.normalize import normalize
from . import kb
from .context import FUNCTION_WORDS, NAME_LINKS, PLACE_CUES, Cand, Context
from .persons import GENEALOGY



@dataclass(slots=True)
class Ent:
    key: tuple
    type: str
    mentions: list = field(default_factory=list)
    country: str | None = None
    sector: str | None = None
    kb: str | None = None
    name_en: str | None = None
    name: str | None = None
    entry: Any = None
    offices: set = field(default_factory=set)
    title_heads: set = field(default_factory=set)
    title_phrases: set = field(default_factory=set)
    head: str | None = None         # organization head noun (حركة، تنظيم)
    id: str | None = None

    def absorb(self, c: Cand) -> None:
        self.mentions.append(c)
        self.country = self.country or c.country
        self.sector = self.sector or c.sector
        self.kb = self.kb or c.kb
        self.name_en = self.name_en or c.name_en
        if c.entry is not None and self.entry is None:
            self.entry = c.entry


class Entities:
    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.by_key: dict[tuple, Ent] = {}
        self.ents: list[Ent] = []
        self.persons: list[Ent] = []
        self.weak: list[Ent] = []         # entities given a weak name (see drop_weak)

    def add_name(self, c: Cand) -> Ent:
        ent = self.by_key.get(c.key) or self._same_person(c) or self._same_institution(c)
        if ent is None:
            ent = Ent(c.key, c.type)
            self.by_key[c.key] = ent
            self.ents.append(ent)
            if c.type == "PER":
                self.persons.append(ent)
        head = c.extra.get("head")
        if head is not None and ent.head is None:
            ent.head = head.norm
        if "weak" in c.extra:
            self.weak.append(ent)
        ent.absorb(c)
        return ent

    def _same_person(self, c: Cand) -> Ent | None:
        """بوتين after فلاديمير بوتين (or before it); never two different known people."""
        if c.type != "PER":
            return None
        words = self._words(c)
        best = None
        for ent in self.persons:
            if c.entry is not None and ent.entry is not None:
                continue
            for m in ent.mentions:
                if m.kind != "name":
                    continue
                other = self._words(m)
                if words[-1] == other[-1] and (len(words) == 1 or len(other) == 1
                                               or _first(words) == _first(other)
                                               or _suffix(words, other)):
                    if best is None or m.start > best[1]:
                        best = (ent, m.start)
        if best is not None and c.key not in self.by_key:
            self.by_key[c.key] = best[0]
        return best[0] if best is not None else None

    def _words(self, c: Cand) -> list[str]:
        words = c.extra.get("words")
        if words is None:
            words = c.extra["words"] = normalize(self.ctx.doc.text[c.start:c.end]).split()
        return words

    def _same_institution(self, c: Cand) -> Ent | None:
        """البرلمان and البرلمان الإيراني in one article are one body."""
        if c.key[0] != "I":
            return None
        for key, ent in self.by_key.items():
            if key[0] == "I" and key[1] == c.key[1] and (key[2] is None or c.key[2] is None):
                return ent
        return None

    def add_to(self, ent: Ent, c: Cand) -> None:
        ent.absorb(c)

    def entity_of_entry(self, entry: Any, ty: str = "PER") -> Ent:
        key = kb.entry_key(entry)
        ent = self.by_key.get(key)
        if ent is None:
            ent = Ent(key, ty, entry=entry, country=kb.field(entry, "country"),
                      sector=kb.field(entry, "sector"), kb=kb.entry_kb(entry),
                      name_en=kb.field(entry, "name_en"), name=kb.field(entry, "name"))
            self.by_key[key] = ent
            self.ents.append(ent)
            self.persons.append(ent)
        return ent

    def all(self) -> list[Ent]:
        return [e for e in self.ents if e.mentions]


def _first(words: list[str]) -> list[str]:
    """The given name: two words after عبد or أبو (عبد الله السلمي is not عبد الرحمن السلمي)."""
    return words[:2] if words[0] in COMPOUND_STARTS and len(words) > 2 else words[:1]


COMPOUND_STARTS = frozenset(["عبد", "ابو"])


def _suffix(a: list[str], b: list[str]) -> bool:
    """One name ends with the whole other one (مهدي صباح عبد المحسن / عبد المحسن), not as
    the father's name after بن (خالد بن سلمان بن عبدالعزيز is not سلمان بن عبدالعزيز)."""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return long_[-len(short):] == short and (len(long_) == len(short)
                                             or long_[-len(short) - 1] not in GENEALOGY)


PLACE_LINKS = frozenset(["في", "لدي"])
MAX_PLACE_SKIP = 6          # في مالي «مينوسما»، : tokens from a title to the comma


def merge_prefix_orgs(ents: Entities) -> None:
    """«بعثة الأمم المتحدة» and «بعثة الأمم المتحدة لحفظ السلام» (or «وزارة الداخلية
    السعودية») in one article: an organization name found by pattern that starts exactly one
    longer one, whose further words are a ل-complement or a nisba, is that body (not «وزارة
    التعليم العالي» after «وزارة التعليم»)."""
    orgs = [e for e in ents.all() if e.type == "ORG" and e.key[0] == "O" and e.entry is None]
    if len(orgs) < 2:
        return
    words = {id(e): e.key[1].split() for e in orgs}
    for short in orgs:
        w = words[id(short)]
        longer = [e for e in orgs if e is not short and len(words[id(e)]) > len(w) > 1
                  and words[id(e)][:len(w)] == w and (e.country and not short.country
                                                      or _complement(words[id(e)][len(w)]))]
        if len(longer) == 1:
            target = longer[0]
            for m in short.mentions:
                target.absorb(m)
            short.mentions = []
            ents.by_key[short.key] = target


def merge_parenthesized(ctx: Context, ents: Entities) -> None:
    """«وكالة الأنباء الرسمية (سانا)»: an organization named again in parentheses right after
    its name is one body (the known one keeps its entry)."""
    toks = ctx.tokens
    starts = {m.first: (e, m) for e in ents.all() if e.type == "ORG" for m in e.mentions}
    for a in [e for e in ents.all() if e.type == "ORG"]:
        for m in list(a.mentions):
            k = m.last
            b, mb = starts.get(k + 1, (None, None)) if k < ctx.n and toks[k].norm == "(" else (None, None)
            if b is None or b is a or not b.mentions or mb.last >= ctx.n or toks[mb.last].norm != ")" \
                    or a.country and b.country and a.country != b.country \
                    or a.entry is not None and b.entry is not None:  # two known bodies
                continue
            target, source = (a, b) if b.entry is None and a.entry is not None else (b, a)
            for c in source.mentions:
                target.absorb(c)
            source.mentions = []
            ents.by_key[source.key] = target
            break


def _complement(w: str) -> bool:
    """لحفظ، للأنباء: a word with the preposition ل (not the article)."""
    return w[0] == "ل" and w[:2] != "ال"


POLITICAL_SECTORS = frozenset("GOV LEG JUD MIL COP SPY PTY OPP REB".split())
SPORTS_WORDS = frozenset(normalize(w) for w in "مباراة المباراة الدوري دوري نادي النادي المنتخب "
                         "اللاعب لاعب بطولة البطولة الملعب المدرب هدفين".split())
ARMED_SECTORS = frozenset(["REB", "UAF"])
_after_first_letter = itemgetter(slice(1, None))    # والدوري → الدوري
COMPOUND_ENDS = frozenset(["الله", "الدين", "الرحمن"])   # نصر الله، ناصر الدين: no fragment


def drop_weak(ents: Entities) -> None:
    """A one-word known name that is also a common word stays only beside a fuller mention."""
    for ent in ents.weak:
        if all(m.extra.get("weak") for m in ent.mentions if m.kind == "name"):
            ent.mentions = [m for m in ent.mentions if not m.extra.get("weak")]


def fragments(ctx: Context, ents: Entities, taken: set[int]) -> list[Cand]:
    """Later (or earlier) one-word mentions of a person by the last word of the name."""
    index: dict[str, Ent] = {}
    for ent in ents.persons:
        for m in ent.mentions:
            if m.kind == "name" and m.last - m.first >= 2:
                last = ctx.word(m.last - 1)
                if ctx.word(m.last - 2) not in NAME_LINKS and last not in ctx.common \
                        and last not in ctx.given and last not in FUNCTION_WORDS \
                        and last not in COMPOUND_ENDS:
                    index.setdefault(last, ent)
        if ent.entry is not None and any(m.kind == "name" for m in ent.mentions):
            for short in kb.field(ent.entry, "short") or ():
                index.setdefault(normalize(short), ent)
    out = []
    for i, word, start in ctx.find_words(index.keys()):
        if i in taken or (start != ctx.tokens[i].start and ctx.tokens[i].norm in ctx.common):
            continue                                  # لصالح is no mention of صالح
        c = Cand(i, i + 1, start, ctx.tokens[i].end, "PER", key=("F", word))
        ents.add_to(index[word], c)
        out.append(c)
    return out


POSTS = frozenset({"لدي", "بسفاره", "سفاره"})  # (normalized) لدى الخرطوم، سفارة الخرطوم


def main_country(ents: Entities, ctx: Context, among=None) -> str | None:
    """The country whose places the article names most (optionally one of ``among``); a post
    (سفير المملكة لدى الخرطوم) is abroad and does not count."""
    counts: dict[str, int] = {}
    tokens = ctx.tokens
    for ent in ents.all():
        if ent.type == "GPE" and ent.country and (among is None or ent.country in among):
            posts = sum(tokens[m.first - 1].norm in POSTS for m in ent.mentions if m.first > 0)
            counts[ent.country] = counts.get(ent.country, 0) + len(ent.mentions) - posts
    return max(counts, key=counts.get) if counts else None


def focus_person(ents: Entities, pos: int, want=None) -> Ent | None:
    """The person whose latest mention before ``pos`` is closest (optionally filtered)."""
    best, best_pos = None, -1
    for ent in ents.persons:
        if want is not None and not want(ent):
            continue
        for m in ent.mentions:
            if best_pos < m.start < pos:
                best, best_pos = ent, m.start
    return best


def title_head(title) -> str:
    words = normalize(title.phrase).split()
    w = words[0]
    return w[2:] if w.startswith("ال") else w


def link_nominals(ctx: Context, ents: Entities, nominals: list[Cand]) -> None:
    doc_date = ctx.doc.date
    ends = {m.last: ent for ent in ents.persons for m in ent.mentions if m.kind == "name"}
    starts = {m.first: (ent, m) for ent in ents.persons for m in ent.mentions if m.kind == "name"}
    for c in nominals:
        name = c.extra.get("name")
        title = c.title
        if "possessive" in c.extra:
            c.country = c.country or _referent_country(ctx, ents, c)
            if name is None and not c.country:
                continue            # وزير خارجيته with no referent: no one in particular
        before = ends.get(c.first)
        if before is None and ctx.word(c.first - 1) == ",":
            before = ends.get(c.first - 1)
        if before is not None and not _apposed(ctx, c, before):
            before = None           # هادي بالسفير الأمريكي: a preposition, another person
        if name is None and before is not None and title != "counterpart":  # شكري، وزير …
            _credit(before, c)
            ents.add_to(before, c)
            continue
        after = _name_in_commas(ctx, c, starts) if name is None and title != "counterpart" \
            and not c.extra.get("former") else None
        if after is not None:                       # المتحدث باسم الخارجية، جون كيربي، …
            _credit(after, c)
            ents.add_to(after, c)
            continue
        if name is not None:
            ent = ents.by_key.get(name.key) or ents._same_person(name)
            if ent is None:
                continue
            if title == "counterpart":  # نظيره التشادي إدريس ديبي: a head of state like his host
                prev = focus_person(ents, c.start, lambda e: e is not ent)
                ent.sector = ent.sector or (prev.sector if prev is not None else None)
            _credit(ent, c)
            ents.add_to(ent, c)
            continue
        ent = _resolve(ctx, ents, c, title, doc_date)
        if ent is not None:
            _credit(ent, c)
            ents.add_to(ent, c)


def _name_in_commas(ctx: Context, c: Cand, starts: dict) -> Ent | None:
    """The person named between commas right after a title phrase (الوزير، فلان، قال), or
    after its place (السفير السعودي في واشنطن، فلان،)."""
    k = c.last
    if ctx.word(k) in PLACE_LINKS:
        k = next((j for j in range(k + 1, min(k + MAX_PLACE_SKIP, ctx.n)) if ctx.word(j) == ","),
                 k)
    if ctx.word(k) != ",":
        return None
    ent, m = starts.get(k + 1, (None, None))
    if ent is None or m.start != ctx.tokens[m.first].start or ctx.word(m.last) != ",":
        return None
    return None if _other_country(c.country, ent) else ent


def _referent_country(ctx: Context, ents: Entities, c: Cand) -> str | None:
    """وزير خارجيتها: the country of the pronoun's referent, the last entity named before the
    title in its sentence or the one before (a person for ـه, a country or body for ـها)."""
    first = ctx.doc.sentences[max(ctx.tokens[c.first].sent - 1, 0)].start
    feminine = c.extra["possessive"].endswith(("ها", "هم", "هما"))
    best, best_any = None, None
    for ent in ents.all():
        if not ent.country or ent.type not in ("PER", "GPE", "ORG"):
            continue
        for m in ent.mentions:
            if first <= m.start < c.start:
                if best_any is None or m.start > best_any[0]:
                    best_any = (m.start, ent.country)
                if (ent.type != "PER") == feminine and (best is None or m.start > best[0]):
                    best = (m.start, ent.country)
    found = best or best_any
    return found[1] if found else None


def _apposed(ctx: Context, c: Cand, ent: Ent) -> bool:
    """A title right after a name describes it unless it carries a proclitic (بالسفير) or
    names another country."""
    if c.start != ctx.tokens[c.first].start:
        return False
    return not _other_country(c.country, ent)


def _other_country(office: str | None, ent: Ent) -> bool:
    """Another state's office; a body above states (الاتحاد الأوروبي، الأمم المتحدة) may be
    headed by a national of any (الفرنسي ميشال بلاتيني رئيس الاتحاد الأوروبي), not by the
    holder of a state's office (الرئيس الفلسطيني … المبعوث الأممي: two people)."""
    if not office or not ent.country or office == ent.country:
        return False
    return office not in NON_STATE_CODES or any(o[1] and o[1] not in NON_STATE_CODES
                                                for o in ent.offices)


def _credit(ent: Ent, c: Cand) -> None:
    title = c.title
    if title == "counterpart" or title is None:
        return
    if title.office and not c.extra.get("former"):
        ent.offices.add((title.office, c.country))
    ent.title_heads.add(title_head(title))
    ent.title_phrases.add(_bare(title.phrase))
    org = c.extra.get("org")
    sector = title.sector if title.sector != "UNK" else None
    if org is not None and org.type == "ORG" and (sector is None or title.kind == "role"):
        sector = org.sector or sector
    ent.sector = ent.sector or sector
    ent.country = ent.country or c.country or (org.country if org is not None else None)


def _resolve(ctx: Context, ents: Entities, c: Cand, title, when) -> Ent | None:
    if c.extra.get("former"):
        return None                 # الرئيس المصري السابق: not today's office holder
    if title == "counterpart":
        if not c.country:
            return None
        prev = focus_person(ents, c.start)
        ent = focus_person(ents, c.start, lambda e: e.country == c.country and e is not prev)
        if ent is not None:
            return ent
        office = next((o for o, _ in prev.offices), None) if prev is not None else None
        entry = kb.holder(office, c.country, when) if office else None
        return ents.entity_of_entry(entry) if entry is not None else None
    if c.country and title.office:
        ent = focus_person(ents, len(ctx.doc.text) + 1,
                           lambda e: (title.office, c.country) in e.offices)
        if ent is not None:
            return ent
        entry = kb.holder(title.office, c.country, when)
        if entry is not None:
            return ents.entity_of_entry(entry)
        return None
    if c.country or c.extra.get("org") is not None or title.kind not in ("office", "role"):
        return None
    head, phrase = title_head(title), _bare(title.phrase)
    bare = phrase == head           # الوزير: any minister; وزير الخارجية: that office only
    return focus_person(ents, c.start, lambda e: (head in e.title_heads
                        and (bare or phrase in e.title_phrases))
                        or (title.office and any(o == title.office for o, _ in e.offices)))


def _bare(phrase: str) -> str:
    words = normalize(phrase).split()
    return " ".join(w[2:] if w.startswith("ال") else w for w in words)


def country_pronouns(ctx: Context, ents: Entities, taken: set[int]) -> list[Cand]:
    """بلاده → the country of the person in focus; البلاد → the article's main country."""
    refs = ctx.at("country_refs")
    if not refs:
        return []
    countries = {e.country: e for e in ents.all() if e.type == "GPE" and e.key[0] == "C"}
    home = countries.get(main_country(ents, ctx))
    out = []
    for i, m in sorted(refs.items()):
        if i in taken:
            continue
        if m.entry == "nominal":
            target = home
        else:
            person = focus_person(ents, m.start)
            target = countries.get(person.country) if person is not None else None
        if target is not None:
            c = Cand(i, i + 1, m.start, m.end, "GPE", kind=m.entry)
            ents.add_to(target, c)
            out.append(c)
    return out


def org_nominals(ctx: Context, ents: Entities, taken: set[int]) -> list[Cand]:
    """«الحركة» after «حركة حماس», «التحالف» after «التحالف العربي»: the head noun alone
    refers to the last organization named with it (a place noun alone is a place: «المنطقة»
    after «المنطقة العسكرية الرابعة»)."""
    heads: dict[str, list] = {}
    for e in ents.all():
        if e.type != "ORG":
            continue
        m = e.mentions[0]
        words = normalize(ctx.doc.text[m.start:m.end]).split()
        first = words[0] if len(words) > 1 and words[0][2:] not in PLACE_CUES else None
        for h in filter(None, (e.head, first)):
            heads.setdefault(h if h.startswith("ال") else "ال" + h, []).append(e)
    out = []
    sports: dict[int, bool] = {}
    for i, word, start in ctx.find_words(heads.keys()):
        if i in taken or ctx.nisba_at(i + 1) is not None or ctx.tokens[i].start != start \
                and ctx.tokens[i].norm[:1] not in "وفبلك":
            continue
        before = [e for e in heads[word] if e.mentions[0].start < start
                  and not _other_body(ctx, e, i + 1)]
        if before and _sports(ctx, i, sports):      # فاز الاتحاد: a club, not the EU
            before = [e for e in before if e.sector not in POLITICAL_SECTORS]
        if not before:
            continue
        ent = max(before, key=lambda e: max(m.start for m in e.mentions if m.start < start))
        c = Cand(i, i + 1, start, ctx.tokens[i].end, "ORG", kind="nominal")
        ents.add_to(ent, c)
        out.append(c)
    return out


def _other_body(ctx: Context, ent: Ent, k: int) -> bool:
    """«الاتحاد الدولي» after «الاتحاد الأوروبي»: the head with another definite adjective
    than the one in the body's name names another body."""
    w = ctx.word(k)
    if not _nisba_like(w):
        return False
    for m in ent.mentions:
        words = normalize(ctx.doc.text[m.start:m.end]).split()
        if m.kind == "name" and len(words) > 1 and _nisba_like(words[1]) and words[1] != w:
            return True
    return False


def _nisba_like(w: str) -> bool:
    return w.startswith("ال") and w.endswith(("ي", "يه")) and len(w) > 4


def _adjective(ctx: Context, k: int) -> bool:
    """A definite adjective (الإرهابي، التكفيرية، المتطرفة، المسلحة) after a group noun."""
    w = ctx.word(k)
    return (_nisba_like(w) or w.startswith("الم") and w.endswith("ه") and len(w) > 5) \
        and ctx.longest(k, "event_triggers") is None


def _sports(ctx: Context, i: int, seen: dict) -> bool:
    """The sentence of token i is about sport (مباراة، الدوري، المنتخب …); ``seen`` caches
    the answer by sentence."""
    k = ctx.tokens[i].sent
    if k not in seen:
        sent = ctx.doc.sentences[k]
        words = ctx.norms[sent.first_token:sent.last_token]
        seen[k] = not SPORTS_WORDS.isdisjoint(words) \
            or not SPORTS_WORDS.isdisjoint(map(_after_first_letter, words))
    return seen[k]


def group_anaphors(ctx: Context, ents: Entities, taken: set[int]) -> list[Cand]:
    """«هذه الجماعة المتطرفة»، «هذا التنظيم الإرهابي»: a demonstrative + group noun (+ its
    definite adjectives) refers back to the last armed group (or body of that head) named."""
    out = []
    for i, m in sorted(ctx.at("group_refs").items()):
        k = i + 1
        if i in taken or k in taken:
            continue
        last = k + 1
        while last < ctx.n and last - k <= 2 and last not in taken and _adjective(ctx, last):
            last += 1
        ent = _armed_before(ctx, ents, i, m.entry)
        if ent is None:
            continue
        c = Cand(k, last, ctx.tokens[k].start, ctx.tokens[last - 1].end, "ORG", kind="nominal",
                 extra={"lead": m.start})
        ents.add_to(ent, c)
        out.append(c)
    return out


def _in_apposition(ctx: Context, first: int, org_ends: set[int]) -> bool:
    """«جبهة النصرة، الفرع السوري لتنظيم القاعدة»: a name inside the description set off by
    a comma after another organization."""
    j = first - 1
    while j >= max(first - 4, 1) and ctx.word(j).startswith("ال"):
        j -= 1
    if ctx.word(j - 1) == "," and ctx.tokens[j].kind == "word" and ctx.word(j)[:1] != "و":
        j -= 1                      # «، فرع تنظيم القاعدة»: an indefinite head noun first
    return j < first - 1 and ctx.word(j) == "," and j in org_ends


def _armed_before(ctx: Context, ents: Entities, i: int, head: str) -> Ent | None:
    """The armed group (or body with that head) named last before token ``i``; not one named
    in passing («جبهة النصرة، فرع تنظيم القاعدة») nor the subject right before it
    («واستهدفت جبهة النصرة هذه المجموعة»)."""
    best, best_first = None, -1
    org_ends = {m.last for e in ents.all() if e.type == "ORG" for m in e.mentions}
    if i in org_ends:
        return None
    for e in ents.all():
        if e.type != "ORG" or not (e.sector in ARMED_SECTORS or e.country == "ISM"
                                   or e.head == head):
            continue
        for m in e.mentions:
            if best_first < m.first and m.last < i \
                    and not _in_apposition(ctx, m.first, org_ends):
                best, best_first = e, m.first
    return best
