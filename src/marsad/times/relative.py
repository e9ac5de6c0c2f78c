"""Relative family: أمس، أول أمس، اليوم، غدا، الليلة الماضية، صباح اليوم،
الأسبوع الماضي، الشهر المقبل، قبل ثلاثة أيام، قبل ذلك بيوم، الأيام الماضية،
الآن / حاليا / لاحقا (vague references), seasons."""
from __future__ import annotations

from datetime import timedelta

from ..text.segment import CLOSING_QUOTES, OPEN_QUOTES
from . import resolve as R
from .common import ADJ_OFFSET, previous, quantity
from .grammar import rule

TITLES = "person_titles"  # the lexicon of titles and offices (marsad.stages.entities.lexicon)
NOUN_LEXICONS = (TITLES, "titles", "organizations", "places", "countries", "nisba", "actor_nouns",
                 "org_heads", "place_nouns")
CLAUSE_LEXICONS = ("event_triggers", "reporting_cue", "event_cues")
NOUN_LINKS = frozenset("لدي في".split())  # prepositions inside a title's phrase (ممثل المملكة لدى …)
OF_TIME = "الزمن"
FORMER_REACH = 7  # tokens back from سابقا to the title heading its phrase
NOT_TODAY_AFTER = frozenset("العالمي الوطني الدولي العربي الاول الاخير".split())
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
WEEKDAY_AHEAD = 1  # a weekday after اليوم/أمس names at most the day after it (else a day before)
SEASON_END = {"SP": 5, "SU": 8, "FA": 11, "WI": 2}


def _days(ctx, n):
    return R.day(ctx.ref + timedelta(days=n)) if ctx.ref else "XXXX-XX-XX"


def _named_day(ctx, m, offset: int) -> str:
    """The deictic day ``offset`` days from the document date, unless a weekday after it names
    another day: then that weekday, from five days before the deictic day to the day after it
    («اليوم الأربعاء» in a paper dated Friday: a story written on Wednesday)."""
    if ctx.ref is None:
        return "XXXX-XX-XX"
    day = ctx.ref + timedelta(days=offset)
    if ctx.syms[m.end() - 1] in ("W", ")"):
        wd = ctx.units[m.end() - 1 - (ctx.syms[m.end() - 1] == ")")].val[0]
        shift = (wd - day.weekday()) % 7
        day += timedelta(days=shift if shift <= WEEKDAY_AHEAD else shift - 7)
    return R.day(day)


@rule("yesterday", r"p?(?P<o>Om?)?a(?P<first>o)?(?:W|\(W\))?")
def yesterday(ctx, m):
    """أمس، مساء أمس، أول (من) أمس، أمس الأول (the day before yesterday)."""
    if m.group("first") and str(ctx.units[m.start("first")].val) != "1":
        return "DATE", _days(ctx, -1), m.start(), m.start("first")
    return "DATE", _named_day(ctx, m, -2 if m.group("o") or m.group("first") else -1)


@rule("tomorrow", r"p?(?P<b>b)?g(?:W|\(W\))?")
def tomorrow(ctx, m):
    return "DATE", _days(ctx, 2 if m.group("b") else 1)


@rule("today", r"p?h?t(?:W|(?P<j>j)|(?P<P>P)|(?P<o>o)(?P<seq>Ω)?)?")
def today(ctx, m):
    if m.group("o"):
        if not m.group("seq"):
            return None
        return "DURATION", f"P{ctx.units[m.start('o')].val}D"
    last = ctx.units[m.end() - 1]
    nxt = ctx.doc.tokens[last.tok + 1].norm if last.tok + 1 < len(ctx.doc.tokens) else ""
    tok = ctx.doc.tokens[last.tok]
    prefix = ctx.doc.text[tok.start:last.start]
    if m.end() - m.start() == 1 and (nxt in NOT_TODAY_AFTER or previous(ctx, m) == "ñ"
                                     or "ب" in prefix or "ك" in prefix or _quoted(ctx.doc.text, tok)):
        return None  # اليوم الوطني (a holiday), عين اليوم، «اليوم» (newspapers), 24 ساعة باليوم
    if m.group("j"):
        return "DATE", "ANCHOR:1:D"  # اليوم التالي: the day after the last date told, not tomorrow
    return "DATE", _named_day(ctx, m, -1 if m.group("P") else 0)


def _quoted(text: str, tok) -> bool:
    """The word alone in quotation marks: a name (لـ«اليوم»: the newspaper)."""
    before = text[max(0, tok.start - 2):tok.start].rstrip()[-1:]
    after = text[tok.end:tok.end + 2].lstrip()[:1]
    return bool(before and after) and (before in OPEN_QUOTES or before == '"') and after in CLOSING_QUOTES


@rule("tonight", r"L(?P<adj>P)?")
def tonight(ctx, m):
    return "DATE", _days(ctx, -1 if m.group("adj") else 0)


@rule("period", r"(?:xm?)?(?:(?P<h>h)(?P<u>[DKJE])|(?P<u2>[KJE])(?P<adj>[PXTj]))")
def period(ctx, m):
    g = "u" if m.group("u") else "u2"
    unit = ctx.syms[m.start(g)]
    if ctx.units[m.start(g)].val != "1":
        return None
    off = ADJ_OFFSET[m.group("adj")]
    return "DATE", R.period(ctx.ref, unit, off)


@rule("period_edge", r"(?P<w>ω)?(?P<x>x)(?P<u>[KJZ])(?![PXTj])")
def period_edge(ctx, m):
    """نهاية الأسبوع (the weekend)، مطلع الشهر، أواخر العام: the current period."""
    unit = ctx.syms[m.start("u")]
    if ctx.units[m.start("u")].val != "1":
        return None
    value = R.period(ctx.ref, unit, 0)
    if unit == "K" and (m.group("w") or ctx.units[m.start("x")].val == "end"):
        value += "-WE"
    return "DATE", value


@rule("vague_plural", r"(?:xm?)?(?P<u>[DKJZRE])(?P<q>Q)?(?P<adj>[PX])?")
def vague_plural(ctx, m):
    u = ctx.units[m.start("u")]
    adj = m.group("adj")
    if u.val == "2" and (adj or m.group("q")):
        return "DURATION", R.duration(2, ctx.syms[m.start("u")])  # اليومين الماضيين
    if u.val != "pl" or not (adj or m.group("q") and ctx.units[m.start("q")].val == "last"):
        return None
    return "DATE", "FUTURE_REF" if adj == "X" else "PAST_REF"


@rule("counted_span", r"(?:xm?)?(?P<u>[DKJZE])(?P<n>ν)(?P<adj>[PX])")
def counted_span(ctx, m):
    """الأيام الثلاثة الماضية، الأسابيع الأربعة المقبلة: a span of that many units."""
    n = quantity(ctx, m, "n", "u")
    if ctx.units[m.start("u")].val != "pl" or not isinstance(n, int):
        return None
    return "DURATION", R.duration(n, ctx.syms[m.start("u")])


DEICTIC_DAYS = {"t": 0, "a": -1, "g": 1}


@rule("vague", r"V(?:m?(?P<d>[tag])(?P<w>W|\(W\))?)?")
def vague(ctx, m):
    """لاحقا، في وقت سابق; «في وقت سابق (من) اليوم (الثلاثاء)» is that day (the weekday named,
    as after اليوم alone)."""
    if not m.group("d"):
        value = ctx.units[m.start()].val
        return None if value == "PAST_REF" and _after_title(ctx, m) else ("DATE", value)
    return "DATE", _named_day(ctx, m, DEICTIC_DAYS[m.group("d")])


def _after_title(ctx, m) -> bool:
    """وزير الخارجية سابقا/مؤخرا: of the title right before it; سابقا also closing a noun phrase
    headed by a title (رئيس أركان الجيوش التونسية سابقا: "former"), with no verb, clause word or
    punctuation between and an unknown word only in a construct, before a noun."""
    i = ctx.units[m.start()].tok
    lex = ctx.doc.matches_by_lexicon
    ends = {t.last for t in lex.get(TITLES, ())}
    if i in ends:
        return True
    if not ctx.doc.tokens[i].norm.startswith("سابق"):
        return False
    covered = {j for name in NOUN_LEXICONS for t in lex.get(name, ()) for j in range(t.first, t.last)}
    clause = {j for name in CLAUSE_LEXICONS for t in lex.get(name, ()) for j in range(t.first, t.last)}
    tokens = ctx.doc.tokens
    for j in range(i - 1, max(-1, i - 1 - FORMER_REACH), -1):
        if j in clause or tokens[j].sent != tokens[i].sent or not tokens[j].norm[:1].isalpha():
            return False
        noun = j in covered or _definite(tokens[j].norm) or tokens[j].norm in NOUN_LINKS
        if not noun and not (j + 1 < i and (j + 1 in covered or _definite(tokens[j + 1].norm))):
            return False
        if j in ends:
            return True
    return False


def _definite(word: str) -> bool:
    return word.startswith(("ال", "لل")) or word[:1] in "وبفك" and word[1:].startswith("ال")


@rule("ago", r"q(?P<l>l)?(?:rm?)?(?P<n>[NnF])?(?P<u>[DKJZE])(?:n?(?P<from>m(?P<now>V)?))?")
def ago(ctx, m):
    """قبل ثلاثة أيام، قبل أكثر من 30 عاما، قبل عام من الآن، قبل عقدين من الزمن: a date back from
    the document date; قبل يومين من الانتخابات: the amount."""
    n = quantity(ctx, m, "n", "u")
    unit = ctx.syms[m.start("u")]
    if m.group("now") and ctx.units[m.start("now")].val != "PRESENT_REF":
        return None
    if _of_time(ctx, m):
        return "DATE", _ago(ctx, n, unit), m.start(), m.start("u") + 1
    if m.group("from") and not m.group("now"):
        if n is None:
            return None
        return "DURATION", R.duration(n, unit), m.start("n") if m.group("n") else m.start("u"), m.end() - 1
    if m.group("l") and isinstance(n, int):
        return "DATE", f"ANCHOR:{-n}:{unit}"
    value = _ago(ctx, n, unit)
    return value and ("DATE", value)


def _ago(ctx, n, unit: str) -> str | None:
    if n is None or ctx.ref is None:
        return "PAST_REF"
    if not isinstance(n, int):
        return None
    return R.at_granularity(R.shift(ctx.ref, -n, unit), unit)


def _of_time(ctx, m) -> bool:
    """«من الزمن» after the amount (قبل عقدين من الزمن): not a point it is counted from."""
    if not m.group("from") or m.group("now"):
        return False
    i = ctx.units[m.start("from")].tok + 1
    return i < len(ctx.doc.tokens) and ctx.doc.tokens[i].norm == OF_TIME


@rule("hours_ago", r"q(?P<n>[NnF])(?P<u>R)(?!m)")
def hours_ago(ctx, m):
    """قبل 48 ساعة: whole days before the document date (other hour counts stay amounts)."""
    n = quantity(ctx, m, "n", "u")
    if not isinstance(n, int) or n <= 0 or n % 24:
        return None
    return "DATE", _days(ctx, -(n // 24))


@rule("later", r"b(?P<l>l)?r?(?P<n>[NnF])?(?P<u>[DKJZE])(?P<from>m)?")
def later(ctx, m):
    """بعد + amount: a date in a future clause, else the amount as a duration."""
    n = quantity(ctx, m, "n", "u")
    unit = ctx.syms[m.start("u")]
    if n is None:
        return None
    last = m.end() - (1 if m.group("from") else 0)
    if ctx.tense(m.start()) == "future" and not m.group("from") and not m.group("l") \
            and isinstance(n, int) and ctx.ref:
        return "DATE", R.at_granularity(R.shift(ctx.ref, n, unit), unit), m.start(), last
    first = m.start("n") if m.group("n") else m.start("u")
    if first == m.start("u") and ctx.units[first].val == "1":
        return None
    return "DURATION", R.duration(n, unit), first, last


@rule("season", r"(?:(?P<x>x)m?)?(?:(?P<h>h)S|S(?P<adj>[PXT])|S(?P<y>Y)|S)")
def season(ctx, m):
    if not (m.group("x") or m.group("h") or m.group("adj") or m.group("y")):
        return None  # a bare season word (الربيع العربي) is too ambiguous
    s_i = next(i for i in range(m.start(), m.end()) if ctx.syms[i] == "S")
    code = ctx.units[s_i].val
    if m.group("y"):
        return "DATE", str(ctx.units[m.start("y")].val)
    if ctx.ref is None:
        return "DATE", "XXXX"
    y, mon = ctx.ref.year, ctx.ref.month
    adj = m.group("adj")
    if adj == "P":
        return "DATE", str(y if mon > SEASON_END[code] else y - 1)
    if adj == "X":
        return "DATE", str(y if mon < SEASON_START[code] else y + 1)
    return "DATE", str(y)


RULES = [yesterday, tomorrow, today, tonight, period, period_edge, counted_span, vague_plural, vague, ago,
         hours_ago, later, season]
