"""The date of an event: its clause's time expression, the story's day, or none."""
from __future__ import annotations

from bisect import bisect_left
from datetime import date as Date

from ..document import Document
from ..text.normalize import normalize
from .context import RELATIVES, Context
from .triggers import Trigger
from .where import DISJOINERS, TALK

LEAD_DAYS = 7
EARLIER = frozenset(normalize(w) for w in (
    "بعد", "وبعد", "عقب", "وعقب", "إثر", "اثر", "منذ", "ومنذ", "جراء", "بسبب"))
EARLIER_REACH = 8  # words from بعد/عقب to the time of the happening it names
EARLIER_MIN_DAYS = 2  # «غادر عدن بعد زيارة أجراها أمس»: yesterday's visit is still the news day
NOUN_ADJECTIVES = 2  # definite adjectives between an event noun and its relative pronoun
RELATIVE_REACH = 6  # words from a relative pronoun to the time that ends its clause
STANCES = frozenset({"REJECT", "SUPPORT"})  # in a relative clause: a position held, undated
PRESENT_PREFIXES = ("ي", "ت")  # يخوض، تخوض
KANA_LEAD = frozenset({"كان", "وكان", "كانت", "وكانت", "وكانوا"})
CLAUSE_PUNCT = frozenset({"،", ",", "؛", ";", ":", "."})  # not brackets: (يوليو)
WHERE = frozenset({"حيث", "وحيث"})
SINCE = frozenset({"منذ", "ومنذ"})
SINCE_REACH = 2  # words from منذ to the event noun (منذ اندلاع المواجهات)
NOUN_PROCLITICS = frozenset("لب")
KANA = frozenset({"كان", "كانت"})
KANA_REACH = 6  # words from كان to its verb (its subject comes between)
FRAMES = frozenset(normalize(w) for w in ("إطار", "خلفية", "سياق", "ضمن", "وضمن"))
EXPRESS = frozenset(normalize(w) for w in ("عن", "أبدى", "أعرب", "جدد", "أكد", "أعلن"))
POSSESSIVE = ("ه", "ها", "هم", "هما")  # a pronoun suffix in the original spelling (not ة)
ACCUSERS = ("اتهم", "يتهم", "تتهم", "نتهم", "متهم", "اتهام")  # a stem's start: اتهمت، يتهمون
ACCUSED_GAP = 6  # words from the accusation to the act it names
LIGHT_NOUNS = frozenset("ب" + normalize(w) for w in (  # بشن هجمات: the act under ب is the noun after
    "شن", "تنفيذ", "ارتكاب", "القيام", "إجراء", "تنظيم", "إطلاق"))
MODIFIERS = tuple(normalize(w) for w in (  # participles naming a thing's own time: العقد الموقع العام 2011
    "الموقع", "المبرم", "الصادر", "المعلن", "المنعقد", "المعقود", "المعتمد", "المنفذ"))
PREPARE = frozenset(normalize(w) for w in ("بناء", "وبناء"))  # بناء على طلب: a request made before
ON = normalize("على")
ENDERS = frozenset(normalize(w) for w in ("أنهى", "أنهت", "أنهوا", "ينهي", "تنهي", "إنهاء"))
ENDED_GAP = 8  # words from an ending verb to the happening it ends
HOLDS = frozenset(normalize(w) for w in (
    "مستمر", "مستمرة", "ساري", "سارية", "قائم", "قائمة", "متواصل", "متواصلة"))
STAY_FUTURE = tuple(normalize(w) for w in ("سوف", "سيبق", "ستبق", "سيظل", "ستظل"))
HOLDS_GAP = 6  # words from a state noun to the predicate saying it holds
SHIFT_MARKERS = frozenset(tuple(normalize(m).split()) for m in (
    "ميدانيا", "سياسيا", "من جهة أخرى", "من جهة ثانية", "على صعيد آخر", "وعلى صعيد آخر",
    "في سياق آخر", "وفي سياق آخر", "وفي تطور آخر", "في تطور آخر"))
SHIFT_FIRST = frozenset(m[0] for m in SHIFT_MARKERS)


def event_date(ctx: Context, trig: Trigger, sent, status, floor: int, ceiling: int) -> str | None:
    """The time expression of the trigger's clause, else a specific one earlier in its sentence,
    else (for a fact told as happening now) the story's day; none for plans, denials,
    conditions, lasting states and relative clauses. An act someone is accused of, or a
    happening someone ends, has only a time named after it. What did not happen has no day,
    even with a time in its sentence; a plan or a condition only a time to come."""
    if status == "negated":
        return None
    doc = ctx.doc
    toks = doc.tokens
    c_start, c_end = toks[floor].start, toks[max(ceiling - 1, floor)].end
    best, best_key = None, None
    today = doc.date.isoformat() if doc.date else None
    accused = _accused(ctx, trig, floor)
    ended = not accused and _ended(ctx, trig, sent)
    framed = _framing(ctx, trig)
    requested = framed and _on_request(ctx, trig)
    past_verb = trig.entry.tense == "past" and status not in ("planned", "hypothetical")
    for t in ctx.times_in(sent):
        if t.end > sent.end or t.type not in ("DATE", "TIME"):
            continue
        in_clause = (c_start <= t.start < c_end or _after_comma(ctx, t.start, ceiling)) \
            and not _relative_between(ctx, trig, t.start)
        if (accused or ended or requested) and t.start < trig.start:
            continue  # «أنهت الشرطة أمس أزمة احتجاز رهائن»: the ending's day, not the taking's
        if ended and not str(t.value).endswith("_REF"):
            in_clause = True  # «…، في وقت سابق الخميس»: the day it began
        if not in_clause and (str(t.value).endswith("_REF") or t.start > trig.start
                              or _in_relative_before(ctx, t.start, trig)
                              or _disjoined(ctx, t.start, trig)):
            continue  # outside the clause only a specific time that sets the scene before it
        if past_verb and today and _future(str(t.value), today):
            continue  # «قبلت الحكومة العرض وسيحدد موعد التوقيع لاحقا»: a later clause's future
        if status in ("planned", "hypothetical") and today and _past(str(t.value), today):
            continue  # «قالت الوزارة أمس إن روحاني قبل دعوة لزيارة روما»: not the visit's day
        if in_clause and _since_between(ctx, trig, t.start):
            return None  # «زار وزراء إيران منذ التوصل لاتفاق الشهر الماضي»: a span, not a day
        if in_clause and _modifier_between(ctx, trig, t.start):
            continue  # «انتقد العقد الموقع العام 2011»: the time of the thing, not of the act
        key = (not in_clause, abs(t.start - trig.start))
        if best is None or key < best_key:
            best, best_key = t, key
    if best is not None:
        v = str(best.value)
        if v == "PRESENT_REF" and today:
            return today  # «يزور المملكة حاليا»، «الآن»: happening on the day of the news
        return v.split("T")[0] if "T" in v[4:] and v[:4].isdigit() else v
    if "state" in trig.pattern.flags and status in (None, "asserted", "reported") \
            and _holds(ctx, trig, ceiling):
        return today  # «وأكد أن العقوبات على الشركة سارية»: the state holds on the day of the news
    if (accused or ended or status in ("planned", "negated", "hypothetical")
            or "state" in trig.pattern.flags
            or _held_stance(ctx, trig) or _past_habit(ctx, trig, floor) or _since_noun(ctx, trig)
            or _kana_predicate(ctx, trig, floor) or framed
            or _kana_verb(ctx, trig, floor)
            or (status == "reported" and _looks_back(ctx, sent))
            or (_in_relative_clause(ctx, trig) and (not _ongoing(ctx, trig)
                                                    or trig.pattern.type in STANCES))):
        return None  # «عملية السلام التي ترفضها حماس»: a standing position, not a happening
    if trig.entry.tense == "present":
        return doc.date.isoformat() if doc.date else None  # the publication day
    if sent.i >= ctx.topic_shift and not _looks_back(ctx, sent):
        return _story_day(ctx, sent)
    return ctx.news_date


def _story_day(ctx: Context, sent) -> str | None:
    """After a topic shift, the last recent day named in an earlier sentence of the new story
    («ميدانيا … وشنت طائرات التحالف أمس السبت غارات … وقالت مصادر إن الطيران شن»), else the
    publication day."""
    doc = ctx.doc
    if doc.date is None:
        return None
    begin = doc.sentences[ctx.topic_shift].start
    day = None
    for t in doc.times:
        if t.start >= sent.start:
            break
        if t.start >= begin:
            day = _recent_day(doc, t) or day
    return day or (doc.date.isoformat() if doc.date else None)


def _recent_day(doc: Document, t) -> str | None:
    """A time naming one day in the week before publication (أمس، السبت), as YYYY-MM-DD."""
    v = str(t.value)[:10]
    if t.type not in ("DATE", "TIME") or len(v) != 10 or v[4] != "-" or not v[:4].isdigit():
        return None
    try:
        days = (doc.date - Date.fromisoformat(v)).days
    except ValueError:
        return None
    return v if 0 <= days <= LEAD_DAYS else None


def _looks_back(ctx: Context, sent) -> bool:
    """«وكان عون قد شنّ…»: a sentence told in the pluperfect goes back to the lead's story;
    what it reports someone said earlier («وكان مسؤول أعلن أن …») has no day of its own."""
    return ctx.doc.tokens[sent.first_token].norm in KANA_LEAD


def topic_shift(doc: Document) -> int:
    """The first sentence that opens another story (ميدانيا، من جهة أخرى، على صعيد آخر): from
    there on, undated events are the publication day's news, not the lead's day."""
    for sent in doc.sentences[1:]:
        first = sent.first_token
        if first >= sent.last_token or doc.tokens[first].norm not in SHIFT_FIRST:
            continue
        words = tuple([t.norm for t in doc.tokens[first:min(first + 3, sent.last_token)]])
        if words[:1] in SHIFT_MARKERS or words[:2] in SHIFT_MARKERS or words in SHIFT_MARKERS:
            return sent.i
    return len(doc.sentences)


def news_date(doc: Document) -> str | None:
    """The day the story happened: a specific day of the lead (first two sentences) in the week
    before publication (أمس، السبت) that is not an earlier happening the news follows
    («بعد مجزرة … الجمعة الماضية»), else the publication date."""
    if doc.date is None:
        return None
    lead_end = doc.sentences[min(1, len(doc.sentences) - 1)].end if doc.sentences else 0
    for t in doc.times:
        if t.start >= lead_end:
            break
        day = _recent_day(doc, t)
        if day is None:
            continue
        if (doc.date - Date.fromisoformat(day)).days < EARLIER_MIN_DAYS \
                or not _earlier_happening(doc.tokens, bisect_left(doc.token_starts, t.start)):
            return day
    return doc.date.isoformat()


def _earlier_happening(toks, k: int) -> bool:
    """«… بعد مجزرة ارتكبها التنظيم الجمعة الماضية»، «منذ هجوم الأحد»: the time starting at token
    k is that of a happening the news follows, not the news day («بعد ظهر أمس» is one time)."""
    for j in range(k - 1, max(k - EARLIER_REACH, 0) - 1, -1):
        if toks[j].kind == "punct":
            return False
        if j < k - 1 and toks[j].norm in EARLIER:
            return True
    return False


def _relative_between(ctx: Context, trig: Trigger, pos: int) -> bool:
    """«كيري الذي يزور قطر … الذي توصلت إليه القوى الغربية الشهر الماضي»، «التي لم تشارك في
    المحادثات … وزار جنتيلوني طهران في مارس»: a time after a later relative pronoun or an event
    verb joined by و belongs to that clause; but a relative clause on the event noun itself
    tells when it happened («الحرب التي خاضتها ضد إسرائيل الصيف الماضي»)."""
    if pos <= trig.end:
        return False
    toks = ctx.doc.tokens
    j = trig.last
    while j < len(toks) and toks[j].start < pos:
        if toks[j].norm in RELATIVES and not _on_event_noun(ctx, trig, j):
            return True
        if j in ctx.verb_triggers and toks[j].norm[:1] == "و":
            return True
        j += 1
    return False


def _on_event_noun(ctx: Context, trig: Trigger, j: int) -> bool:
    """The relative pronoun at token j follows the noun trigger, or it and up to two definite
    adjectives (الهجوم الانتحاري الذي، الحرب العراقية الإيرانية التي)."""
    toks = ctx.doc.tokens
    return trig.pattern.pos != "V" and j - trig.last <= NOUN_ADJECTIVES and all(
        toks[k].norm.startswith("ال") and k not in ctx.verbs for k in range(trig.last, j))


def _in_relative_before(ctx: Context, pos: int, trig: Trigger) -> bool:
    """«… الهدنة التي أعلنتها الحكومة أمس، داعيا …»: a time closing a relative clause dates
    that clause's verb, not a later clause (but «الهجوم الذي وقع الأربعاء، حيث فجرت …» tells
    the same happening, and «الذي أجري أمس ورفض فيه» goes on in the relative clause)."""
    toks = ctx.doc.tokens
    k = ctx.index.first(pos)
    after = [j for j in range(k, trig.first) if toks[j].norm in CLAUSE_PUNCT]
    if not after or toks[after[-1] + 1].norm in WHERE:
        return False
    for j in range(k - 1, max(k - RELATIVE_REACH, 0) - 1, -1):
        if toks[j].kind == "punct":
            return False
        if toks[j].norm in RELATIVES:
            return True
    return False


def _disjoined(ctx: Context, pos: int, trig: Trigger) -> bool:
    """«… لقضاء إجازة نهاية الأسبوع، إلى ذلك أعلن داعش مسؤوليته عن التفجير»: a clause opened
    after a comma by فيما، بينما، في حين، إلى ذلك tells another happening; an earlier clause's time
    does not date it."""
    toks = ctx.doc.tokens
    for j in range(ctx.index.first(pos), trig.first - 1):
        if toks[j].norm in CLAUSE_PUNCT and (
                (toks[j + 1].norm,) in DISJOINERS or (toks[j + 1].norm, toks[j + 2].norm) in DISJOINERS):
            return True
    return False


def _past(value: str, today: str) -> bool:
    """A day, month or year wholly before ``today`` (YYYY-MM-DD)."""
    n = _calendar_length(value)
    return n > 0 and value[:n] < today[:n]


def _future(value: str, today: str) -> bool:
    """FUTURE_REF, or a day, week, month or year wholly after ``today`` (YYYY-MM-DD)."""
    if value == "FUTURE_REF":
        return True
    if value[4:6] == "-W" and value[:4].isdigit() and value[6:8].isdigit():
        year, week, _ = Date.fromisoformat(today[:10]).isocalendar()
        return (int(value[:4]), int(value[6:8])) > (year, week)
    n = _calendar_length(value)
    return n > 0 and value[:n] > today[:n]


def _calendar_length(value: str) -> int:
    """The length of a value's day (10), month (7) or year (4) prefix; 0 for anything else."""
    v = value[:10]
    n = len(v) if v[:4].isdigit() and all(c.isdigit() or c == "-" for c in v) else 0
    return n if n in (4, 7, 10) else 0


def _accused(ctx: Context, trig: Trigger, floor: int) -> bool:
    """«ويتهم ناشطون الميليشيات بتسليح الأطفال»: a noun under ب a few words after an
    accusation is the act alleged, not a happening the article dates."""
    doc = ctx.doc
    toks = doc.tokens
    if trig.pattern.pos == "V":
        return False
    if not normalize(doc.text[toks[trig.first].start:trig.start]).endswith("ب") and not (
            trig.first > floor and toks[trig.first - 1].norm in LIGHT_NOUNS):
        return False
    return any(toks[j].norm.removeprefix("و").startswith(ACCUSERS)
               for j in range(max(floor, trig.first - ACCUSED_GAP), trig.first))


def _ended(ctx: Context, trig: Trigger, sent) -> bool:
    """«أنهت الشرطة أزمة احتجاز رهائن»، «أنهى الجيش حصارا على المدينة»: a noun a few words
    after an ending verb began before the ending; the ending's time is not its day."""
    toks = ctx.doc.tokens
    return trig.pattern.pos != "V" and any(
        stem in ENDERS for j in range(max(sent.first_token, trig.first - ENDED_GAP), trig.first)
        for stem, _ in toks[j].readings)


def _holds(ctx: Context, trig: Trigger, ceiling: int) -> bool:
    """«العقوبات على الشركة سارية»، «القيود قائمة»: the predicate of a state noun says
    it still holds (not «ستظل سارية»: a future)."""
    toks = ctx.doc.tokens
    for j in range(trig.last, min(trig.last + HOLDS_GAP, ceiling)):
        w = toks[j].norm
        if w.startswith(STAY_FUTURE):
            return False
        if w.removeprefix("و") in HOLDS:
            return True
    return False


def _since_between(ctx: Context, trig: Trigger, pos: int) -> bool:
    """منذ between the trigger and a time after it: the time starts a span the event fills."""
    toks = ctx.doc.tokens
    j = trig.last
    while j < len(toks) and toks[j].start < pos:
        if toks[j].norm in SINCE:
            return True
        j += 1
    return False


def _since_noun(ctx: Context, trig: Trigger) -> bool:
    """«منذ اندلاع المواجهات»، «منذ الغارات»: a happening that starts a span the news is in began
    earlier; with no time of its own it has no day."""
    toks = ctx.doc.tokens
    return trig.pattern.pos != "V" and any(
        toks[j].norm in SINCE for j in range(max(trig.first - SINCE_REACH, 0), trig.first))


def _modifier_between(ctx: Context, trig: Trigger, pos: int) -> bool:
    """A participle (الموقع، المبرم، الصادر) between a verb and a time after it: the time is
    that of the thing the participle describes."""
    if trig.pattern.pos != "V" or pos <= trig.end:
        return False
    toks = ctx.doc.tokens
    j = trig.last
    while j < len(toks) and toks[j].start < pos:
        if toks[j].norm.removeprefix("و").startswith(MODIFIERS):
            return True
        j += 1
    return False


def _after_comma(ctx: Context, pos: int, ceiling: int) -> bool:
    """«وندد الأمين العام، أمس (السبت) بالهجوم»: a time right after the comma that ends the
    clause, where the clause goes on after it without a verb of its own."""
    toks = ctx.doc.tokens
    if ceiling + 1 >= len(toks) or toks[ceiling].norm != "," or toks[ceiling + 1].start != pos:
        return False
    j = ceiling + 1
    while j < len(toks) and j in ctx.tokens_in_times:
        j += 1
    return j < len(toks) and toks[j].kind != "punct" and j not in ctx.verbs \
        and toks[j].norm not in CLAUSE_PUNCT


def _held_stance(ctx: Context, trig: Trigger) -> bool:
    """«لرفضها الاعتراف بإسرائيل»، «بسحب تأييده للاتفاق»: a stance noun with a possessive
    pronoun is a position held, not a dated happening."""
    if trig.pattern.type not in STANCES:
        return False
    doc = ctx.doc
    if trig.first > 0 and doc.tokens[trig.first - 1].norm.removeprefix("و") in EXPRESS:
        return False  # «أعرب عن ارتياحه»: voicing it is the happening
    tok, last = doc.tokens[trig.first], doc.tokens[trig.last - 1]
    # لرفضها: a verb reading under ل/ب is the verbal noun
    noun = trig.entry.tense is None or doc.text[tok.start:trig.start][-1:] in NOUN_PROCLITICS
    return noun and doc.text[last.start:last.end].endswith(POSSESSIVE)


def _framing(ctx: Context, trig: Trigger) -> bool:
    """«وفي إطار رفع تجميد مساعدتها، أعلنت واشنطن …»، «على خلفية اعتقال …»، «بناء على طلب»: a
    noun that frames the news is a process or a cause told before, not a dated happening."""
    return trig.pattern.pos != "V" and trig.first > 0 and (
        ctx.doc.tokens[trig.first - 1].norm in FRAMES or _on_request(ctx, trig))


def _on_request(ctx: Context, trig: Trigger) -> bool:
    """«عقد جلسة بعد غد بناء على طلب تركيا»: the request came before; the news's time is
    not its day."""
    toks = ctx.doc.tokens
    k = trig.first - 1
    if k > 0 and toks[k].norm == ON:
        k -= 1
    return k >= 0 and toks[k].norm in PREPARE


def _kana_predicate(ctx: Context, trig: Trigger, floor: int) -> bool:
    """«الاتفاق كان ثمرة وساطة قطرية»، «الانسحاب كان بناء على طلب من البرلمان»: a noun
    in the predicate of كان explains an earlier state of things; it has no day."""
    toks = ctx.doc.tokens
    return trig.pattern.pos != "V" and any(
        toks[j].norm in KANA for j in range(max(floor, trig.first - 3), trig.first))


def _kana_verb(ctx: Context, trig: Trigger, floor: int) -> bool:
    """«كانت تعارضها في السابق»: a present verb after كان is a past habit or state; «كان
    الرئيس قد وعد»: a statement in the pluperfect was made before the news (an act in the
    pluperfect keeps the story's day: «وكان الجيش قد قصف مواقع»)."""
    toks = ctx.doc.tokens
    if trig.pattern.pos != "V" or trig.first == 0:
        return False
    lead = range(max(floor, trig.first - KANA_REACH), trig.first)
    if trig.entry.tense == "present":
        return any(toks[j].norm in KANA_LEAD for j in lead)
    return trig.pattern.type in TALK and toks[trig.first - 1].norm == "قد" \
        and any(toks[j].norm in KANA_LEAD for j in lead)


def _past_habit(ctx: Context, trig: Trigger, floor: int) -> bool:
    """«المواقع التي كانت تتمركز فيها الميليشيات وتمارس منها عمليات القنص»: a noun in a
    relative clause told with كان is a past habit, not a happening."""
    toks = ctx.doc.tokens
    return (trig.pattern.pos != "V" and floor > 0 and toks[floor - 1].norm in RELATIVES
            and any(toks[j].norm in KANA_LEAD for j in range(floor, trig.first)))


def _ongoing(ctx: Context, trig: Trigger) -> bool:
    """«كيري الذي يزور قطر»، «المقاومة التي تخوض قتالا»: a present verb (or a noun right after
    one) tells what is going on now."""
    toks = ctx.doc.tokens
    if any(toks[j].norm in KANA_LEAD for j in range(max(trig.first - 8, 0), trig.first)):
        return False  # «التي كانت تسيطر … وتمارس»: a past habit
    if trig.entry.tense is not None:
        return trig.entry.tense == "present"
    return trig.first - 1 in ctx.verbs and toks[trig.first - 1].norm[:1] in PRESENT_PREFIXES


def _in_relative_clause(ctx: Context, trig: Trigger) -> bool:
    toks = ctx.doc.tokens
    return any(toks[j].norm in RELATIVES for j in range(max(trig.first - 2, 0), trig.first))

