"""Actor and recipient of a trigger, from the actor phrases around it."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from functools import cache, lru_cache

from ..document import Document
from ..text.normalize import normalize
from ..text.segment import definite
from .actors import HONORIFICS, TITLES, ActorPhrase, nominative_plurals
from .context import PRESS_NOUNS, RELATIVES, STATEMENT_WORDS, SUBJECT_THAT, Context
from .evidence import ARMED, has_word, is_target
from .inflect import OBJECT_SUFFIXES
from .patterns import past_head
from .triggers import STYLE_TAILS, STYLES, Trigger
from .where import IN, PLACE_NOUNS as AREA_NOUNS, locative_place, place_prep

PREPOSITIONS = frozenset(normalize(w) for w in (
                          "مع", "على", "ضد", "الى", "عن", "من", "بين", "في", "امام", "بحق", "لدى",
                          "عند", "تجاه", "نحو", "حول", "بشان", "خلال", "منذ", "عبر", "لصالح", "قبل",
                          "بعد", "ازاء", "دون", "حتى", "حيال",
                          "بحسب", "حسب", "وفق", "وفقا", "طبقا", "باسم"))  # (بحسب X: the source of a report;
#                                                         باسم X: on behalf of X, no target)
ATTRIBUTIONS = frozenset({"بحسب", "حسب", "وفق", "وفقا", "طبقا"})  # the source of a report
PLACE_NOUNS = frozenset({"وسط", "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي",
                         "داخل", "خارج", "انحاء", "اطراف", "ضواحي"})
PROCLITIC_PREPS = {"ب": "ب", "ل": "ل", "لل": "ل", "ك": "ك"}
PASSIVE_PARTICIPLE = re.compile(r"و?(ال)?م\w\wو\w(ه|ين|ون|ات|ا)?")  # المدعوم، مدعومة
# last words of an official's title before its ل-complement (الممثل الخاص للأمين العام)
TITLE_TAILS = frozenset(normalize(w) for w in "الأممي الخاص الدائم الدولي العام الأعلى التنفيذي السامي".split())
NUMBER_WORDS = frozenset({"ثلاث", "اربع", "خمس", "اربعه", "خمسه", "ست", "سته", "سبع", "سبعه", "ثماني", "ثمانيه",
                          "تسع", "تسعه", "عشر", "عشره"})
SKIP_WORDS = frozenset({"امس", "اليوم", "ايضا", "كذلك", "بدوره", "بدورها", "رسميا", "مجددا", "فعلا",
                        "الخميس", "الجمعه", "السبت", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء",
                        "صباح", "مساء", "فجر", "ليل", "الماضي", "اول", "من", "قد", "فقط",
                        "بها", "به", "لها", "له", "عليها", "عليه", "منها", "منه", "فيها", "فيه",
                        "لهم", "بهم", "عليهم", "معه", "معها",
                        "عدد", "بعض", "نحو", "حوالي", "اكثر", "جميع", "كل", "احد", "اثنين",
                        "ثلاثه", "عناصر", "عنصرا", "قاده", "كبار", "وفد", "اعضاء", "ممثلي",
                        "عددا", "قوي"}) | NUMBER_WORDS
SIZE_WORDS = frozenset({"كبير", "كبيرا", "قليل", "قليلا", "محدود", "محدودا", "ضخم", "ضخما"})
PARTICLES = frozenset({"قد", "لم", "لن", "لا", "ما", "سوف", "ان", "انه", "كما", "فيما", "بينما",
                       "وقد", "ولم", "ولن", "ولا"})


def _with_object(verbs: tuple, plural_present: bool = True) -> frozenset:
    """Forms of (past, present stem) verbs with the object pronoun ه/ها: شنه، تنفذها، يقودها."""
    return frozenset(
        stem + suffix
        for past, present in verbs
        for stem in (past, past + "ت", past + "و", "ي" + present, "ت" + present)
        + (("ي" + present + "ون", "ت" + present + "ون") if plural_present else ())
        for suffix in ("ه", "ها"))


AGENT_VERBS = _with_object(  # هجوم شنه X، الغارات التي تنفذها X، عملية يقودها X
    (("شن", "شن"), ("نفذ", "نفذ"), ("قاد", "قود"), ("ارتكب", "رتكب"))) \
    | {"تبناه", "تبنته", "تبنتها", "يتبناه", "تتبناه", "تبنوه"}
HELD_BY = _with_object((("اجرا", "جري"), ("عقد", "عقد")))  # المحادثات التي أجراها X (X right after)
FIRE_VERBS = _with_object(  # قذائف أطلقها X، عبوة زرعها X: the agent of a weapon (force only)
    (("اطلق", "طلق"), ("زرع", "زرع")), plural_present=False)
DID_VERBS = frozenset({"قام", "قامت", "يقوم", "تقوم", "قاموا", "يقومون", "سيقوم", "ستقوم", "سيقومون"})
DOING = frozenset(p + "قيام" for p in ("", "ب", "ل", "و", "ال", "بال", "لل", "وب"))  # قيام X بـ: X does
DID_SPAN = 8  # words from قيام to the act noun with ب
VENTURED = frozenset(normalize(w) for w in "أقدم أقدمت أقدموا أقدما يقدم يقدمون إقدام إقدامه إقدامهم".split())
VENTURE_SPAN = 4  # words from أقدم to على (its subject may come between)
ON = normalize("على")
ALLOWING = frozenset(normalize(w) for w in "سمح سمحت سمحوا يسمح تسمح يسمحون السماح بالسماح سماح".split())
BY_LIGHT = frozenset(normalize(w) for w in "بشن بتنفيذ بإطلاق".split())  # السماح لـX بشن غارات
DID_IT = frozenset((v, o) for v in DID_VERBS for o in ("به", "بها"))  # زيارة قام بها X لموسكو: X visits
TOOK_PART = frozenset((v, o) for v in ("شارك", "شاركت", "شاركوا", "يشارك", "تشارك", "يشاركون")
                      for o in ("فيه", "فيها"))  # هجوما شاركت فيه قوات النخبة: the attackers
AGENT_PAIRS = frozenset({("من", "قبل"), ("علي", "يد"), ("علي", "ايدي"), ("من", "جانب"),
                         ("علي", "يدي")}) | DID_IT | TOOK_PART  # normalized: على → علي
FAR_PAIRS = frozenset({("من", "قبل"), ("علي", "يد"), ("علي", "ايدي"), ("علي", "يدي")})
FAR_AGENT = 16  # words from a noun to a comma-separated «، من قبل X» naming its agent
AGENT_SINGLE = frozenset({"بايدي", "بيد"})
COMPLEMENTIZERS = frozenset({"ان", "بان", "وان"})
MA_RELATIVES = frozenset({"ما", "بما", "مما", "لما", "عما", "فيما"})  # (أشاد بما حققته القوات)
APPEALED = frozenset({normalize("المجتمع الدولي")})  # after دعا/طالب: its object
DENIERS = frozenset({"GOV", "MIL", "COP", "SPY"})  # state bodies denying their own act
AGENT_SECTORS = frozenset({"MIL", "COP", "REB", "UAF", "GOV", "OPP", "CRM", "SPY"})
GENITIVE_L = ("ل",)  # اعتقالها للصحفيين: a noun's object after ل
ARMED_TYPES = frozenset({"ASSAULT", "MOBILIZE"})
CONFLICT = frozenset({"ASSAULT", "COERCE", "THREATEN", "PROTEST", "MOBILIZE"})
RESUMPTIVE = frozenset(p + s for p in ("في", "علي", "ب", "من", "ل", "الي", "عن") for s in ("ه", "ها"))
RESUMPTIVE_SPAN = 8  # words after a relative clause's verb where its pronoun may point back
NEAR = frozenset(normalize(w) for w in "قرب قرابة بالقرب شمال جنوب شرق غرب وسط داخل".split())
FORCE_ON = frozenset({"ASSAULT", "COERCE"})  # acts done to people: a passive names its patient
PEOPLE_OF = frozenset(normalize(w) for w in "الأشقاء أشقائنا الإخوة الاخوة إخواننا اخواننا إخوتنا الأهل أهلنا "
                      "أهالينا الأهالي الشعب شعبنا".split())
FRIENDLY = frozenset({"CONSULT", "SUPPORT", "AGREE", "COOPERATE", "AID"})  # cooperative types (ضد after them: a foe)
CAUSE_BEFORE = frozenset(normalize(w) for w in "نتيجة جراء إثر اثر عقب بعد خلال في منذ بسبب ضحايا".split())
STANCE_TYPES = frozenset({"ACCUSE", "REJECT", "SUPPORT"})  # verbal stances toward a policy
NEGATIONS = frozenset({"لم", "لن", "لا", "قد"})
KANA = frozenset({"كان", "كانت", "كانوا", "يكون", "تكون"})
PARTITIVES = frozenset({"عدد", "بعض", "جميع", "احد", "اثنين", "اثنان", "عشرات", "مئات", "الاف",
                        "مجموعه", "كثير", "الكثير", "عناصر", "اعضاء", "قاده", "كبار", "ممثلي",
                        "معظم", "غالبيه", "اغلب", "عددا", "كل"}  # كل من X و Y
                       | {normalize(w) for w in "ثلاثة أربعة خمسة ستة سبعة ثمانية تسعة عشرة عشر "
                          "عشرين عشرون ثلاثين ثلاثون أربعين أربعون خمسين خمسون".split()})
# (ثمانية من المقاتلين خطفوا: a number word heads the subject too)
TEENS = frozenset({"عشر", "عشره"})
ADVERBIAL_STARTS = frozenset({"بعد", "قبل", "عقب", "اثر", "خلال", "منذ", "فور", "لدي", "عند"})
SYMMETRIC = frozenset({"AGREE"})
PAIRED = frozenset({"COOPERATE"})  # تعاون أوثق بين موسكو وأنقرة: X with Y
FRONTED_REACH = 4  # words from a verb to «على يد» naming the agent (خطفوا مساء الأربعاء على أيدي)
PLACE_ASIDE = 7  # tokens of a place phrase before the comma that closes it (object_after_place)
COORD_GAP = 16  # words between two verbs joined by «، و» sharing a subject
PRONOUN_THAT = frozenset({"انه", "انها", "بانه", "بانها", "انهم", "بانهم"})
WITH_PRONOUNS = frozenset({"معها", "معه", "معهم", "معهما"})
MODALS = frozenset({"يمكن", "بامكان", "يحق", "ينبغي", "يجب", "بد", "سبق"})
TOWARD = frozenset({"تجاه", "حيال", "ازاء", "ضد"})  # a recipient for every pattern
WINDOW = 12
TARGET_PREPS = frozenset({"علي", "ضد", "الي", "ل", "في", "مع"})  # a target after an agent verb
WHAT = frozenset({"ما", "لما", "مما", "بما"})  # انتقاد لما تقوم به X: X did "what", not the noun
PERSONAL = frozenset({"arrest", "detain", "deport"})  # modes whose recipient is a person
PEOPLE_MODES = PERSONAL | {"release", "kill", "abduct", "assassinate", "execute"}
COUNTS = NUMBER_WORDS | {"ثلاثه", "اربعه", "خمسه", "سته", "سبعه", "ثمانيه", "تسعه", "عشره", "عشرات",
                         "مئات", "الاف", "اثنان", "اثنين"}
HUNDREDS = frozenset({"مئه", "مائه", "الف", "الفا", "مئتي", "الفي"})  # ترحيل ألف إيراني
TERRITORY = frozenset({"occupy"})  # modes where a place after the verb is where, not whom
OBJECT_GAP = 4  # words between a verb (or its subject) and its direct object at most
TIME_FROM = frozenset({"بعد", "قبل", "منذ"})  # بعد أيام من، قبل ساعات من
AGENT_WORDS = 6  # words from a noun to the agent verb or pair (شنه، من قبل)
AGENT_GAP = 5  # words from those to the agent
PART_WORDS = frozenset({"عناصر", "عنصر", "عنصرا", "مقاتلي", "مقاتلين", "اعضاء", "عضو", "مسلحي"})
OBJECT_WINDOW = 10
HOLD_VERBS = frozenset(p + stem + s for stem in ("سيطر", "تمركز", "تحصن")
                       for p, s in (("ي", ""), ("ت", ""), ("ي", "ون"), ("", ""), ("", "ت"), ("", "وا")))
HOLD_PREPS = frozenset({"فيها", "عليها", "فيه", "عليه", "بها", "به"})
HOLD_WINDOW = 14  # words from an attack to the relative clause naming who holds its target
OUTCOME_WORDS = frozenset({"عن", "مما", "ادت", "ادي", "اسفرت", "اسفر", "خلفت", "اوقعت"})
HELD = frozenset(normalize(w) for w in "تجري جرت جرى يجري ستجري عقدت تعقد ستعقد انعقدت تنعقد".split())
# (مشاورات تجري بين X و Y: a verb of taking place, not another event, may stand before بين)
TOPIC_NOUNS = frozenset(normalize(w) for w in "أهمية نتائج نتيجة تفاصيل أهداف مخرجات ثمار نجاح "
                        "موعد برنامج جدول مضمون فحوى حول بشأن".split())
TELLERS = frozenset(normalize(w) for w in "مصادر مصدر".split())  # with JRN: who tells of a meeting
CHAIR_WORDS = frozenset({"برئاسه", "وبرئاسه"})  # اجتماعا برئاسة X: X chairs, is not met
DELEGATION_STEMS = ("وفد", "بعثه")  # وفدا برئاسة X: X heads the delegation received
MET_VERBS = frozenset(normalize(w) for w in "جمع جمعت يجمع تجمع سيجمع ستجمع".split())
OTHER_HAND = 14  # words from «من جهة، و» to «من جهة أخرى» naming the other side
BETWEEN_GAP = 9  # المواجهات المسلحة التي شهدتها المدينة منذ أشهر بين X و Y (no trigger between)
SUFFIX_KINDS = (("هما", "plural"), ("هم", "plural"), ("ها", None), ("ه", "single"))  # ها: mostly a
# thing (the plan, the agreement); ه on a verb: a person named before (استقبله)
PRONOUN_SUFFIXES = tuple(suffix for suffix, _ in SUFFIX_KINDS)
PLACE_OBJECT = TOWARD | {"ل", "علي", "عن", "مع", "الي"}
OBJECT_PREPS = PLACE_OBJECT | {"ب"}
HEAD_PREPS = frozenset({"ب", "ل"})  # بأعضاء في مجلس الشيوخ: on a head noun before the phrase
UNKNOWN = object()  # not looked up yet (None is an answer)
DEMONSTRATIVES = frozenset({"هذه", "هذا", "تلك", "ذلك", "هذان", "هاتان"})
NOT_NOUNS = RELATIVES | {"الي", "الا", "الان", "اللذين"}
# the subject a relative pronoun or a pronoun after أن stands for: هو، هي (or a non-human
# plural), هم
RELATIVE_AGREES = {"الذي": "m", "التي": "f", "الذين": "p"}
RELATIVE_PRONOUNS = {"الذي": "ه", "التي": "ها", "الذين": "هم"}  # the pronoun taking the head back
PRONOUN_AGREES = {w: a for base, a in (("انها", "f"), ("انهم", "p"))
                  for w in (base, "ب" + base, "و" + base)}
EXPRESSED_REACH = 12  # words from the subject of a sentence-opening عبر to its «عن»
DAMMA, FATHA, KASRA = "\u064f", "\u064e", "\u0650"
PRONOUN_HE = frozenset({"انه", "بانه", "وانه"})
PAST_AGREES = {"": "m", "ت": "f", "وا": "p", "و": "p"}
PRESENT_AGREES = {("ي", ""): "m", ("ت", ""): "f", ("ي", "ون"): "p", ("ي", "وا"): "p", ("ي", "و"): "p"}
RELATIVE_SPAN = 12  # words from a subject's relative pronoun to its verb
ANTECEDENT_REACH = 7  # words before a relative pronoun where the party it stands for may end
LINK_PREPS = frozenset(normalize(w) for w in "على عن من إلى حول مع بين لدى".split())
BACKING_WORDS = frozenset(normalize(w) for w in "بدعم بمساندة بمؤازرة بإسناد".split())
SHARED_NOUNS = 2  # nouns joined by و before a genitive they share (دعم ورعاية واهتمام X)
TO_HIM = frozenset({"له", "لها", "لهم", "لهما"})
CASE_NOUNS = frozenset(normalize(w) for w in "قضية حادث حادثة".split())  # في قضية التفجير الذي
LINKS = frozenset(normalize(w) for w in "التابعة التابع التابعين الموالية الموالي الموالين "
                  "المقربة المقرب المقربين".split())  # قوات الأمن التابعة لحماس التي…


@cache
def normalized_lemma(lemma: str) -> str:
    return normalize(lemma)


def agreement(ctx: Context, trig: Trigger) -> str | None:
    """The subject a verb form agrees with: "m" (قصف، يقصف), "f" (قصفت، تقصف: also a non-human
    plural), "p" (قصفوا، يقصفون); None for other persons, duals or a form not told apart."""
    return _verb_form(ctx, trig)[0]


def _verb_form(ctx: Context, trig: Trigger) -> tuple[str | None, str]:
    """(agreement, object pronoun suffix) of a verb trigger's form."""
    word = normalize(ctx.doc.text[trig.start:ctx.doc.tokens[trig.first].end])
    return _form_parts(word, trig.pattern.lemma, trig.entry.tense)


@lru_cache(maxsize=4096)
def _form_parts(word: str, lemma: str, tense: str | None) -> tuple[str | None, str]:
    past, _, present = normalized_lemma(lemma).partition("/")
    if tense == "past" and past not in ("", "-") and word.startswith(past[:-1]):
        weak = past.endswith(("ا", "ي"))  # دعا: دعت، دعوا، دعاه
        rest, suffix = _without_object(word[len(past) - 1:] if weak else word[len(past):])
        if weak or word.startswith(past):
            return PAST_AGREES.get("" if weak and rest in ("ا", past[-1]) else rest), suffix
    if tense == "present" and len(present) > 2 and word[:1] in ("ي", "ت"):
        stem = present[1:-1] if present.endswith(("و", "ي")) else present[1:]
        if word[1:].startswith(stem):
            rest, suffix = _without_object(word[1 + len(stem):])
            rest = "" if present.endswith(("و", "ي")) and rest == present[-1] else rest
            return PRESENT_AGREES.get((word[0], rest)), suffix
    return None, ""


OBJECTS_LONGEST_FIRST = tuple(sorted(OBJECT_SUFFIXES, key=len, reverse=True))  # هما before ه


def _without_object(rest: str) -> tuple[str, str]:
    for suffix in OBJECTS_LONGEST_FIRST:
        if rest.endswith(suffix):
            return rest[: -len(suffix)], suffix
    return rest, ""


def preposition(ctx: Context, a: ActorPhrase) -> str | None:
    """The preposition governing an actor phrase: attached (لأردوغان) or the word before (مع)."""
    prep = ctx.prepositions.get(a.start, UNKNOWN)
    if prep is UNKNOWN:
        prep = ctx.prepositions[a.start] = _preposition(ctx.doc, a)
    return prep


def _preposition(doc, a: ActorPhrase) -> str | None:
    tok = doc.tokens[a.first]
    if normalize(doc.text[a.start:a.start + 2]) == "لل":  # للحوثيين = ل + الحوثيين
        return "ل"
    if a.start > tok.start:
        prefix = normalize(doc.text[tok.start:a.start]).lstrip("وف")
        if prefix in PROCLITIC_PREPS:
            return PROCLITIC_PREPS[prefix]
    if a.first > 0:
        word = _word_before(doc, a.first)
        if word[:1] in "وف" and word[1:] in PREPOSITIONS:
            word = word[1:]
        if word == "من" and a.first > 1 and _partitive(doc, a.first - 2):
            return None  # عدد من الوزراء: the phrase heads the subject
        if word in PLACE_NOUNS and a.first > 1:  # في وسط الدولة، بشمال سوريا: a place
            before = doc.tokens[a.first - 2].norm
            before = before[1:] if before[:1] in "وف" and before[1:] in PREPOSITIONS else before
            if before in PREPOSITIONS:
                return before
        elif word[:1] in "بل" and word[1:] in PLACE_NOUNS:
            return word[:1]
        if word == "عبر" and a.last < len(doc.tokens) and (
                doc.tokens[a.last].norm == "عن" or _expressed(doc, a)):
            return None  # «وعبر X عن شكره»: the verb عبّر and its subject
        if word in PREPOSITIONS or word in ("ل", "ب"):
            return word
    return None



def _word_before(doc, k: int) -> str:
    """The word before token k, past an opening quote mark (لـ«الشرق الأوسط») and past a press
    noun after an attribution (بحسب قناة «إيه بي سي»، وفق ما أوردته صحيفة الوطن: the source)."""
    toks = doc.tokens
    if k > 1 and toks[k - 1].norm == '"':
        k -= 1
    word = toks[k - 1].norm
    if k > 1 and word.lstrip("و") in PRESS_NOUNS:
        before = toks[k - 2].norm.lstrip("و")
        if before in ATTRIBUTIONS:
            return before
        if k > 3 and toks[k - 3].norm in ("ما", "لما") and toks[k - 4].norm.lstrip("و") in ATTRIBUTIONS:
            return toks[k - 4].norm.lstrip("و")  # بحسب ما أوردته صحيفة الوطن
    elif k > 2 and toks[k - 2].norm in ("ما", "لما") and toks[k - 3].norm.lstrip("و") in ATTRIBUTIONS:
        return toks[k - 3].norm.lstrip("و")  # حسب ما أفاد مصدر أمني
    return word


def _expressed(doc, a: ActorPhrase) -> bool:
    """«وعبر الرئيس هادي، في بيان، عن سعادته»: عبر opening its sentence with عن later in the
    sentence is the verb عبّر (not «وعبر السنوات الماضية، ربطت…»)."""
    toks = doc.tokens
    sent = doc.sentences[toks[a.first].sent]
    if a.first - 1 != sent.first_token:
        return False
    return any(t.norm == "عن" for t in toks[a.last:min(a.last + EXPRESSED_REACH, sent.last_token)])


def _partitive(doc, k: int) -> bool:
    tok = doc.tokens[k]
    if tok.norm in SIZE_WORDS and k:
        tok = doc.tokens[k - 1]  # عددا كبيرا من المعارضين
    if tok.norm in TEENS and k and definite(doc.text, doc.tokens[k - 1]):
        return False  # المادة الثالثة عشرة من نظام: an ordinal
    return tok.norm in PARTITIVES or tok.kind == "num" or (
        tok.norm[:1] in "وف" and tok.norm[1:] in PARTITIVES)


def _partitive_of(ctx: Context, k: int) -> bool:
    """«عدد من، عشرات من، بعض»: a count word and من at token k, the party after them counted."""
    toks = ctx.doc.tokens
    return toks[k].norm in PARTITIVES and toks[k + 1].norm == "من"


def _has_wa(tok, a: ActorPhrase) -> bool:
    """The phrase's first word carries the conjunction و (والأردن)."""
    return tok.norm.startswith("و") and a.start > tok.start


def coordinated(ctx: Context, a: ActorPhrase, limit: int) -> list[ActorPhrase]:
    """An actor phrase and those joined to it by و (روسيا وتركيا)."""
    out = [a]
    toks = ctx.doc.tokens
    while a.last < limit:
        nxt = ctx.actor_at.get(a.last)
        if nxt is not None and _has_wa(toks[nxt.first], nxt):
            pass
        elif toks[a.last].norm == "و" and a.last + 1 < limit:
            nxt = ctx.actor_at.get(a.last + 1)
        else:
            nxt = None
        if nxt is None or nxt in out:
            break
        out.append(nxt)
        a = nxt
    return out


def joined_before(ctx: Context, a: ActorPhrase, floor: int) -> list[ActorPhrase]:
    """«مصر والأردن تتفقان»: a subject before the verb with the phrases joined to it by و."""
    out = [a]
    toks = ctx.doc.tokens
    while True:
        first = out[0]
        tok = toks[first.first]
        prev = ctx.actor_ending.get(first.first)
        if prev is None or prev.first < floor or not _has_wa(tok, first):
            return out
        out.insert(0, prev)


def after_style(ctx: Context, i: int) -> int:
    """The token after a style of address starting at token i (صاحب السمو الملكي، سمو، فخامة،
    جلالة، معالي), else i."""
    toks = ctx.doc.tokens
    if i >= len(toks) or toks[i].norm not in STYLES:
        return i
    k = i + 1
    while k < len(toks) and toks[k].norm in STYLE_TAILS and k - i <= 2:
        k += 1
    return k


def _skippable(ctx: Context, i: int) -> bool:
    tok = ctx.doc.tokens[i]
    return i in ctx.tokens_in_times or tok.norm in SKIP_WORDS or tok.kind == "num" or i in ctx.inner_quotes


def subject_after(ctx: Context, i: int, limit: int) -> ActorPhrase | None:
    for j in range(i, min(i + 4, limit)):
        a = ctx.actor_at.get(j)
        if a is not None:
            return a if preposition(ctx, a) is None else None
        if not _skippable(ctx, j):
            return None
    return None


def subject_before(ctx: Context, i: int, floor: int) -> ActorPhrase | None:
    j = i
    while j > floor and i - j <= 2:
        a = ctx.actor_ending.get(j)
        if a is not None and a.first >= floor:  # (في قرية X وسيطرت: a venue, not the subject)
            return a if preposition(ctx, a) is None and not _located(ctx, a) else None
        if ctx.doc.tokens[j - 1].norm not in PARTICLES and j - 1 not in ctx.inner_quotes:
            return None  # (قالت «حماس» إنها: past the quote mark closing a name)
        j -= 1
    return None


def fronted_subject(ctx: Context, i: int, floor: int) -> ActorPhrase | None:
    """إن رئيس الوزراء دعا روحاني: after a complementizer the subject comes before the verb;
    so it does in a clause that opens with it (الشرطة التركية تعتقل 20 شخصا)."""
    a = ctx.actor_ending.get(i)
    if a is not None and (k := _backing_word(ctx, a.first)) is not None:
        a = ctx.actor_ending.get(k - (ctx.doc.tokens[k - 1].norm == ","))  # X بمساندة Y تقدمت: X
    if a is None or a.first < floor:
        return None
    joined = joined_before(ctx, a, floor)
    first = joined[0].first  # الولايات المتحدة وبريطانيا تدعوان اليابان (places joined: states)
    if first > 1 and ctx.doc.tokens[first - 1].norm == "من" and _partitive(ctx.doc, first - 2):
        first -= 2  # إن تسعة من المسلحين قتلوا جنديا
    if first == floor:  # (not a place: «في دمشق قال…»، nor لـX)
        return a if (not a.place or len(joined) > 1) and (
            first < a.first or ctx.doc.tokens[a.first].start == a.start) else None
    return a if first > floor and ctx.doc.tokens[first - 1].norm in COMPLEMENTIZERS else None


def fronted_noun(ctx: Context, trig: Trigger) -> bool:
    """«قال الوزير إن بلاده ستنتقد الحكومة الإيرانية»: a word between a complementizer and the
    verb, named by no actor phrase, is its subject; the party after the verb is its object."""
    i = trig.first
    toks = ctx.doc.tokens
    return i >= 2 and toks[i - 2].norm in COMPLEMENTIZERS and toks[i - 1].kind == "word" \
        and toks[i - 1].norm not in PARTICLES and toks[i - 1].norm not in SKIP_WORDS \
        and i - 1 not in ctx.verbs and not toks[i].norm.startswith(("و", "ف"))


def relative_fronted(ctx: Context, trig: Trigger, floor: int) -> ActorPhrase | None:
    """«القوات التي دخلت المدينة أمس قصفت…»، «إن الجيش الذي يخوض معارك في الشمال قتل…»: a
    subject opening its clause has a relative clause between it and its verb; the relative
    pronoun agrees with the verb, and no punctuation or complementizer comes between."""
    toks = ctx.doc.tokens
    i = trig.first
    while i > floor and toks[i - 1].norm in NEGATIONS:
        i -= 1
    if i - 1 <= floor or toks[i - 1].norm in RELATIVES:
        return None  # التي قصفت: the relative clause's own verb (relative_head)
    for j in range(i - 2, max(floor, i - RELATIVE_SPAN) - 1, -1):
        t = toks[j]
        if t.norm in RELATIVES:
            agrees, suffix = _verb_form(ctx, trig)
            if agrees is None or suffix:
                return None  # تعارضها المعارضة: a verb taking the head back as its object is in
                # the relative clause
            head = ctx.actor_ending.get(j)
            if head is not None and head.first > floor and preposition(ctx, head) == "ل" \
                    and toks[head.first - 1].norm in LINKS:
                head = ctx.actor_ending.get(head.first - 1)  # أجهزة الأمن التابعة لحماس التي
            if RELATIVE_AGREES.get(t.norm) != agrees or head is None or head.place \
                    or head.first < floor or preposition(ctx, head) is not None:
                return None
            return head if head.first == floor or toks[head.first - 1].norm in COMPLEMENTIZERS \
                else None
        if t.kind == "punct" or t.norm in COMPLEMENTIZERS or t.norm in PRONOUN_THAT:
            return None
    return None


def pronoun_subject(ctx: Context, trig: Trigger) -> bool:
    """«قالت الشرطة إنها اعتقلت خمسة أشخاص»: after أنها/أنهم agreeing with the verb the subject
    is the pronoun (the one making the statement); the phrase after the verb is its object.
    So with أنه (قال إنه سيلتقي الرئيس X), except for acts of force, whose bare past after أنه
    is often an impersonal passive (أفاد أنه قتل خمسة مدنيين)."""
    i = trig.first
    if i < 1:
        return False
    toks = ctx.doc.tokens
    k = _joined_verb(ctx, trig)  # «قال إنه زار موسكو والتقى بوتين»: the same pronoun meets
    return any(_pronoun_agrees(ctx, trig, toks[j - 1].norm) for j in (i, k) if j)


def _pronoun_agrees(ctx: Context, trig: Trigger, word: str) -> bool:
    wanted = PRONOUN_AGREES.get(word) or (
        "m" if word in PRONOUN_HE and trig.pattern.type not in FORCE_ON else "")
    return wanted == agreement(ctx, trig)


def _joined_verb(ctx: Context, trig: Trigger) -> int | None:
    """The verb a verb carrying و is joined to, a few words before it in the same statement."""
    toks = ctx.doc.tokens
    tok = toks[trig.first]
    if trig.start == tok.start or not tok.norm.startswith("و"):
        return None
    k = ctx.verb_before(trig.first, max(trig.first - COORD_GAP, 0))
    if k is None or any(toks[j].norm in STATEMENT_WORDS or toks[j].kind == "punct" and toks[j].norm != ","
                                 for j in range(k + 1, trig.first)):
        return None
    return k


def _backing_word(ctx: Context, first: int) -> int | None:
    """The token of «بدعم/بمساندة (من)» right before a phrase starting at ``first``."""
    toks = ctx.doc.tokens
    k = first - 1 - (first > 1 and toks[first - 1].norm == "من")
    return k if k > 0 and toks[k].norm.removeprefix("و") in BACKING_WORDS else None


def modal_subject(ctx: Context, i: int, floor: int) -> ActorPhrase | None:
    """«لا يمكن للحزب أن يوافق»، «يحق للبرلمان أن يطلب»: the one who can or must act is
    named after ل before أن."""
    toks = ctx.doc.tokens
    if i < 3 or toks[i - 1].norm != "ان":
        return None
    a = ctx.actor_ending.get(i - 1)
    if a is None or a.first <= floor or preposition(ctx, a) != "ل":
        return None
    return a if toks[a.first - 1].norm.removeprefix("و") in MODALS else None


def kana_subject(ctx: Context, i: int, floor: int) -> ActorPhrase | None:
    """وكان الجيش قد قصف…، إن الجيش قد يهاجم…، أن تكون تركيا تساعد…: a subject between كان (or
    إن) and قد, or right after كان, comes before its verb."""
    if i < 2:
        return None
    if ctx.doc.tokens[i - 1].norm not in ("قد", "وقد"):
        a = ctx.actor_ending.get(i)  # أن تكون تركيا تساعد: كان + subject + verb, no قد
        return a if a is not None and a.first > floor and a.first > 0 \
            and ctx.doc.tokens[a.first - 1].norm.lstrip("وف") in KANA else None
    a = ctx.actor_ending.get(i - 1)
    if a is None or a.first <= floor:
        return None
    before = ctx.doc.tokens[a.first - 1].norm
    return a if before.lstrip("وف") in KANA or before in COMPLEMENTIZERS else None


def _thing_word(ctx: Context, j: int) -> bool:
    """A word with the article in no actor phrase (المبالغات، الاتفاق): no party."""
    tok = ctx.doc.tokens[j]
    return (tok.kind == "word" and tok.norm.startswith("ال") and tok.norm not in NOT_NOUNS
            and not ctx.in_actor(j) and j not in ctx.nisba and j not in ctx.tokens_in_times)


def _thing_relative(ctx: Context, trig: Trigger, floor: int, ceiling: int) -> bool:
    """«الهجمات التي استهدفت تركيا»، «اللغم الذي كان يستهدف قوات الأمن»: a verb of force right
    after الذي/التي whose antecedent is a deed (DEED: العمل الجبان الذي), or an attack or a weapon
    with a party named after the verb, has that thing as its subject: the party is its target."""
    toks, j = ctx.doc.tokens, trig.first - 1
    if j > floor and toks[j].norm in KANA:
        j -= 1
    if trig.pattern.type != "ASSAULT" or j <= floor or toks[j].norm not in ("الذي", "التي") \
            or ctx.actor_ending.get(j) is not None or _carries_object(ctx, trig):
        return False
    before = range(max(j - 3, floor), j)  # (not المدن التي سيطر عليها الحوثيون)
    return any(has_word(toks[k], "DEED") for k in before) or bool(recipients(ctx, trig, trig.last, ceiling, [])) \
        and any(k in ctx.trigger_tokens or has_word(toks[k], "DEVICE") for k in before)


def fronted_thing(ctx: Context, i: int, floor: int) -> bool:
    """هذه المبالغات دعت المسؤولين، إن الاتفاق يطالب الطرفين: a noun naming no party before the
    verb, after a demonstrative opening its clause (or a THING word after a complementizer), is
    its subject: no actor, and the phrase after the verb is its object."""
    j = i
    while j > floor and i - j < 3 and _thing_word(ctx, j - 1):
        j -= 1
    if j == i or j == floor:
        return False
    toks = ctx.doc.tokens
    before = toks[j - 1].norm
    if before in COMPLEMENTIZERS:  # (not «أن المدرب البلجيكي وافق»: a person)
        return has_word(toks[j], "THING")
    if before.removeprefix("و") not in DEMONSTRATIVES:
        return False
    # at the start of its clause (not «في هذا السياق رفض X»)
    return (before != before.removeprefix("و") or j - 1 == floor or toks[j - 2].kind == "punct"
            or toks[j - 2].norm.lstrip("وف") in COMPLEMENTIZERS)


def thing_after(ctx: Context, trig: Trigger, ceiling: int) -> int | None:
    """كما يطالب الاتفاق، يدعو القرار الطرفين: a THING word (evidence.tsv) right after a verb of
    request (whose object is a party) is its subject: the token after its phrase, else None."""
    if trig.pattern.type != "REQUEST":
        return None  # (رفض الاتفاق، يدعمون الاتفاق: the object)
    j = trig.last
    while j < ceiling and _skippable(ctx, j):
        j += 1
    if j >= ceiling or not _thing_word(ctx, j) or not has_word(ctx.doc.tokens[j], "THING"):
        return None
    j += 1
    while j < ceiling and _thing_word(ctx, j):
        j += 1
    return j


def indefinite_head(ctx: Context, trig: Trigger, floor: int) -> ActorPhrase | None:
    """«فصائل تعارض الحوثيين»، «مجموعة مسلحة تعارض الحكومة»: a present verb right after an unnamed
    indefinite phrase describes it (a relative clause with no pronoun); the phrase is its subject."""
    a = ctx.actor_ending.get(trig.first)
    if a is None or a.first < floor or a.entity is not None or a.place or trig.entry.tense != "present":
        return None
    toks = ctx.doc.tokens
    return None if any(definite(ctx.doc.text, toks[k]) for k in range(a.first, trig.first)) else a


def relative_head(ctx: Context, i: int, floor: int) -> ActorPhrase | None:
    """كيري الذي يزور قطر: the antecedent of a relative pronoun is the subject."""
    j = i - 1
    if j > floor and ctx.doc.tokens[j].norm in NEGATIONS:
        j -= 1  # التي لم تشارك
    if j > floor and ctx.doc.tokens[j].norm in RELATIVES:
        return ctx.actor_ending.get(j)
    return None


def _unnamed_relative(ctx: Context, trig: Trigger, floor: int) -> bool:
    """«الانتحاري الذي فجر نفسه»: the subject of a relative verb is its antecedent; an antecedent
    naming no party leaves the verb with no actor (never the subject of the main clause)."""
    if _carries_object(ctx, trig):
        return False  # الاتفاق الذي وقعه: the doer is another
    j = trig.first - 1
    if j > floor and ctx.doc.tokens[j].norm in NEGATIONS:
        j -= 1
    if j - 1 in ctx.trigger_tokens:
        return False  # الهجوم الذي استهدف: the event noun's own clause
    agrees, _ = _verb_form(ctx, trig)  # (المناطق التي ينسحبون منها: another subject)
    return j > floor and agrees is not None and RELATIVE_AGREES.get(ctx.doc.tokens[j].norm) == agrees


def _subject_relative(ctx: Context, trig: Trigger, floor: int) -> bool:
    """«المعارضة التي ترفض داعش»: a verb right after an agreeing relative pronoun, with no pronoun
    taking the head back (ترفضه، تسيطر عليها), has the head as its subject: the phrase after
    the verb is its object."""
    toks, text = ctx.doc.tokens, ctx.doc.text
    before = toks[trig.first - 1].norm if trig.first else ""
    if before not in RELATIVE_AGREES and before not in NEGATIONS:
        return False
    if not _unnamed_relative(ctx, trig, floor) or near_antecedent(ctx, trig, floor) is None:
        return False  # (الأمر الذي رفض الرئيس إقراره: no party before)
    head = ctx.actor_ending.get(trig.first - 1)  # (مدينة تلبيسة التي قصفت X مناطق فيها)
    if head is not None and head.place:
        return False
    suffix = RELATIVE_PRONOUNS.get(toks[trig.first - 1].norm)
    end = ctx.doc.sentences[toks[trig.first].sent].last_token  # (past an aside: صادق X، الأربعاء، على تعيينه)
    for k in range(trig.last, min(trig.last + RELATIVE_SPAN, end)):  # (الذي ينتقد بعض المتمردين علاقاته: the pronoun takes him back)
        if toks[k].norm.startswith("و") and k > trig.last:
            break  # وتقاتلها: a clause of its own
        if toks[k].norm in RESUMPTIVE or suffix and text[toks[k].start:toks[k].end].endswith(suffix):
            return False
    return True


def near_antecedent(ctx: Context, trig: Trigger, floor: int) -> ActorPhrase | None:
    """The party a relative pronoun stands for, a few words before it past a comma, an adjective,
    a place or a name (قوات الاحتلال في فلسطين، التي؛ الوزير فلان الذي), with no verb between."""
    toks = ctx.doc.tokens
    j = trig.first - 1
    if toks[j].norm in NEGATIONS:
        j -= 1
    for k in range(j, max(floor, j - ANTECEDENT_REACH), -1):
        head = ctx.actor_ending.get(k)
        if head is not None and not head.place:
            return head
        w = toks[k - 1].norm
        if k - 1 in ctx.verbs or w in COMPLEMENTIZERS or w in PRONOUN_THAT or w in LINK_PREPS:
            return None  # (الآثار المترتبة على الاتفاق الذي: no party's clause)
    return None


def thing_head(ctx: Context, trig: Trigger, floor: int) -> bool:
    """«الضربات الأمنية التي تستهدف قيادات التنظيم»: a conflict verb right after الذي/التي whose
    antecedent is a thing (a word with the article in no actor phrase) has that thing as its
    subject: no actor, and the phrase after the verb is its object (العصابة التي خطفت رجل الأعمال)."""
    toks, j = ctx.doc.tokens, trig.first - 1
    if j > floor and (toks[j].norm in KANA or toks[j].norm in NEGATIONS):
        j -= 1
    if trig.pattern.type not in CONFLICT or j <= floor or toks[j].norm not in ("الذي", "التي") \
            or not _thing_word(ctx, j - 1) or trig.pattern.pos != "V" or _suffixed(ctx, trig) \
            or any(k in ctx.trigger_tokens for k in range(max(j - 3, floor), j)):
        return False  # (الهجوم الذي استهدف X: the attack noun's own event; الحصار الذي فرضته X)
    end = ctx.clause_end(trig.last, min(trig.last + RESUMPTIVE_SPAN, len(toks)))
    return not any(toks[k].norm in RESUMPTIVE or toks[k].norm.startswith(("ب", "ل")) and toks[k].norm.endswith("ها")
                   for k in range(trig.last, end))  # (التي قصفت X مناطق فيها، التي يهدد X باستهدافها)


def _device_subject(ctx: Context, trig: Trigger) -> bool:
    """«قتلت قذائف الهاون عشرات المدنيين»: a weapon or a blast right after a verb of force (or an
    attack before it, see _attack_antecedent) is its subject; who fired it is named only after it,
    never by a phrase before the verb."""
    toks = ctx.doc.tokens
    return trig.pattern.type == "ASSAULT" and (
        trig.last < len(toks) and has_word(toks[trig.last], "DEVICE") or _attack_antecedent(ctx, trig))


def _told_by_relative(ctx: Context, trig: Trigger) -> bool:
    """An attack noun after a word of cause or time, followed (past one or two adjectives) by
    الذي/التي and an event verb: (نتيجة) التفجير الذي استهدف مسجد X."""
    toks = ctx.doc.tokens
    for j in (trig.last, trig.last + 1, trig.last + 2):
        if j + 1 < len(toks) and toks[j].norm in RELATIVES:
            return j + 1 in ctx.trigger_tokens and _attack_of_cause(ctx, trig.first)
    return False


def _attack_antecedent(ctx: Context, trig: Trigger) -> bool:
    """«نتيجة التفجير (الغاشم) الذي استهدف مسجد قوات الطوارئ»: the attack itself is the subject
    of a verb in a relative clause after it; a phrase before it is no attacker."""
    toks, j = ctx.doc.tokens, trig.first - 1
    if j > 0 and j in ctx.trigger_tokens and not definite(ctx.doc.text, toks[j]):
        return toks[j - 1].norm == "علي" or _attack_of_cause(ctx, j)  # بعد ساعات على تفجيرات
        # استهدفت سيارات ناشطين: an indefinite noun's clause needs no relative pronoun
    if j < 1 or toks[j].norm not in RELATIVES:
        return False
    noun = next((k for k in (j - 1, j - 2) if k in ctx.trigger_tokens), None)
    return noun is not None and _attack_of_cause(ctx, noun)


def _attack_of_cause(ctx: Context, k: int) -> bool:
    """The attack noun at token k follows a word of cause or time (نتيجة، جراء، في، بعد) or ب:
    its author is not the subject of the sentence (unlike «يقف وراء الاعتداء الذي…»)."""
    toks = ctx.doc.tokens
    tok = toks[k]
    if ctx.doc.text[tok.start] == "ب" and any(p for _, p in tok.readings):
        return True
    if k > 1 and toks[k - 1].norm.removeprefix("و") in CASE_NOUNS:
        k -= 1  # في قضية التفجير، في حادث التفجير: the case of the attack
    return k > 0 and toks[k - 1].norm in CAUSE_BEFORE


def embedded_floor(ctx: Context, i: int, floor: int) -> int:
    """Inside «… إن X فعل» or a statement after a colon, the subject is after the complementizer
    or the colon (unless it carries the subject pronoun: إنه، إنها)."""
    marks = ctx.statement_marks(ctx.doc.tokens[i].sent)
    k = bisect_left(marks, i) - 1
    if k < 0 or marks[k] < floor or ctx.doc.tokens[marks[k]].norm in SUBJECT_THAT:
        return floor
    return marks[k] + 1  # also «قالت الرئاسة: "…»: the speaker is outside the statement


def clause_subject(ctx: Context, i: int, floor: int) -> ActorPhrase | None:
    """أعلن بوتين تسهيل… ورفع الحظر، إن عمّان ستستضيف اجتماعا: a noun trigger takes the subject
    of the verb before it (after it, or for a light verb also before it after a complementizer)."""
    j = ctx.verb_before(i, embedded_floor(ctx, i, floor))
    if j is None:
        return None
    return subject_after(ctx, j + 1, i) or (
        fronted_subject(ctx, j, floor) if j in ctx.light_verbs
        and not any(t.norm in ('"', ":") for t in ctx.doc.tokens[j:i]) else None)  # (not past a quote)


def light_subject(ctx: Context, trig: Trigger, floor: int) -> ActorPhrase | None:
    """«قررت البحرين طرد السفير»، «أعلنت الحكومة قطع…»: a bare past form right after a light or
    reporting verb and its subject is the verbal noun written alike; that subject acts."""
    tok = ctx.doc.tokens[trig.first]
    if trig.entry.tense != "past" or tok.start != trig.start \
            or tok.norm != past_head(trig.pattern.lemma):
        return None
    j = ctx.verb_before(trig.first, embedded_floor(ctx, trig.first, floor))
    if j is None or not (j in ctx.light_verbs or j in ctx.reports):
        return None
    a = subject_after(ctx, j + 1, trig.first)
    return a if a is not None and a.last == trig.first else None


def pronoun_owner(ctx: Context, trig: Trigger, floor: int) -> list[ActorPhrase]:
    """«أكد الوزير خلال لقائه السفير…»: the possessive pronoun of an event noun is the subject of
    its clause (else the party named last before it, the subject of the sentence's first verb
    or that of the sentence before; else none: never a party named after it)."""
    a = (clause_subject(ctx, trig.first, floor) or nearest_before(ctx, trig.first, floor)
         or main_subject(ctx, trig.first, floor) or previous_subject(ctx, trig.first))
    return [] if a is None or a.place and not ctx.is_country(a) else coordinated(ctx, a, max(trig.first, a.last))


def object_of_event(ctx: Context, i: int, floor: int) -> bool:
    """رفض X العقوبات، نفى X الاتهامات: the noun at i is the object of another event's verb or of
    a denial (whose subject is not the noun's actor)."""
    j = ctx.verb_before(i, embedded_floor(ctx, i, floor))
    return j is not None and (j in ctx.event_verbs or j in ctx.denials) and i - j > 1


def _denied_own_act(ctx: Context, trig: Trigger, a: ActorPhrase, floor: int) -> bool:
    """«نفت وزارة الداخلية اعتقال أي صحفي»، «نفى الجيش قصف المدنيين»: a state body that denies an
    arrest or a use of force denies its own act."""
    j = ctx.verb_before(trig.first, embedded_floor(ctx, trig.first, floor))
    return j in ctx.denials and a.sector in DENIERS and trig.pattern.type in ("COERCE", "ASSAULT")


def _announced(ctx: Context, trig: Trigger, floor: int) -> bool:
    """An attack noun right after a reporting verb and its unarmed subject (أعلنت الوزارة
    انفجار…), not one after armed forces telling of their own strike (أعلن الجيش قصف…)."""
    j = ctx.verb_before(trig.first, embedded_floor(ctx, trig.first, floor))
    if j is None or j not in ctx.reports:
        return False
    a = subject_after(ctx, j + 1, trig.first)
    return a is not None and a.sector not in ARMED and not a.place  # a state: its army


def comment_noun(doc: Document, trig: Trigger) -> bool:
    """«…، في تهديد مبطن لـ…»: a threat noun after a comma and في comments on the statement
    before it, whose speaker makes the threat."""
    toks = doc.tokens
    return trig.pattern.type == "THREATEN" and trig.pattern.pos == "N" and trig.first > 1 \
        and toks[trig.first - 1].norm in IN and toks[trig.first - 2].norm == ","


def proposer(ctx: Context, after: int, ceiling: int, used: list) -> list[ActorPhrase]:
    """«رفض طلبا من X»، «رفضت طلب X»: the author of a request or offer (PROPOSAL in
    evidence.tsv) right after a rejection and its subject is the one it is toward."""
    toks = ctx.doc.tokens
    if after >= ceiling - 1 or not has_word(toks[after], "PROPOSAL"):
        return []
    k = after + 2 if toks[after + 1].norm in ("من", "مقدم", "مقدما") else after + 1
    if k < ceiling and toks[k].norm == "من":
        k += 1  # طلبا مقدما من
    a = ctx.actor_at.get(k)
    return [] if a is None or a in used or a.place and not ctx.is_country(a) else coordinated(ctx, a, ceiling)


def main_subject(ctx: Context, i: int, floor: int) -> ActorPhrase | None:
    """The subject of the sentence's main verb (that of a circumstantial participle: أدلى ظريف
    بتصريح، داعيا الكونغرس): its first word when it may be a verb not in our lists (ثمن الأمير X،
    وعبر الرئيس عن…), else its first verb; none once a relative clause (بما حققته القوات) or a
    statement (:) opens before it, and none after مع (بحث مع نائب الرئيس: the one met)."""
    toks = ctx.doc.tokens
    if floor not in ctx.verbs and floor not in ctx.actor_at and _opening_verb(toks[floor]) \
            and (a := _verb_subject(ctx, floor + 1, i)) is not None:
        return a
    for j in range(floor, i):
        if j in ctx.verbs:
            return _verb_subject(ctx, j + 1, i)
        if toks[j].norm in RELATIVES or toks[j].norm in MA_RELATIVES or toks[j].norm == ":":
            return None
    return None


def _opening_verb(tok) -> bool:
    """A sentence's first word that may be a verb (ونوه، ثمن)."""
    word = tok.readings[-1][0] if tok.norm[:1] in "وف" and len(tok.readings) == 2 else tok.norm
    return (tok.kind == "word" and not word.startswith("ال") and (word not in PREPOSITIONS or word == "عبر")
            and word not in PARTICLES and word not in SKIP_WORDS)  # (عبر: the subject tells, see _expressed)


def _circumstantial(ctx: Context, trig: Trigger) -> bool:
    """A participle in its masculine accusative form (مشيدا، مطالبين), never a verbal noun
    (unlike مطالبة العمال)."""
    return normalize(ctx.doc.text[trig.start:trig.end]).endswith(("ا", "ين"))


def continued_subject(ctx: Context, i: int) -> ActorPhrase | None:
    """«وأضاف: إن …، مشيدا»: a sentence opening with a verb with no subject of its own goes on
    with the subject of the first verb of the sentence before."""
    doc, toks = ctx.doc, ctx.doc.tokens
    k = toks[i].sent
    first = doc.sentences[k].first_token
    if k == 0 or first not in ctx.verbs or first + 1 >= i or not _no_subject(toks[first + 1]):
        return None
    prev = doc.sentences[k - 1]
    return main_subject(ctx, prev.last_token, prev.first_token)


def _verb_subject(ctx: Context, i: int, limit: int) -> ActorPhrase | None:
    """subject_after past a style of address (ثمن صاحب السمو الأمير X), not crossing
    punctuation (قال: «…»)."""
    toks = ctx.doc.tokens
    i = after_style(ctx, i)
    for j in range(i, min(i + 4, limit)):
        a = ctx.actor_at.get(j)
        if a is not None:
            return a if preposition(ctx, a) is None and (not a.place or ctx.is_country(a)) else None
        if toks[j].norm in (":", ",", ";") or not (  # (وشهدت اللاذقية تظاهرة: a place is no actor)
                _skippable(ctx, j) or toks[j].kind == "punct" or _partitive(ctx.doc, j)
                or toks[j].norm in HONORIFICS):
            return None  # (وحذر "السديس"، أبدى عدد من التجار، ونوه اللواء الغامدي)
    return None


def main_subject_after(ctx: Context, trig: Trigger, ceiling: int) -> ActorPhrase | None:
    """«خلال زيارة إلى إندونيسيا، قال الرئيس…»: a noun in a fronted adverbial phrase takes the
    subject of the main verb after the comma."""
    toks = ctx.doc.tokens
    sent = ctx.doc.sentences[toks[trig.first].sent]
    if ceiling >= sent.last_token or toks[ceiling].norm != "," or _time_after(ctx, trig.first):
        return None
    if ceiling + 1 < sent.last_token and toks[ceiling + 1].norm in RELATIVES:
        return None  # «للخطة الجديدة، التي رفضها الوزير»: a relative clause on the noun
    for j in range(ceiling + 1, min(ceiling + 4, sent.last_token)):
        if j in ctx.verbs:
            return subject_after(ctx, j + 1, sent.last_token)
    j = ceiling + 1  # «بعد التشاور مع …، قرر رئيس الجمهورية»: a verb not in our lists
    a = ctx.actor_at.get(j + 1)
    if j + 1 < sent.last_token and _bare_word(toks[j]) and a is not None \
            and preposition(ctx, a) is None:
        return a
    return None


def fronted_adverbial(ctx: Context, trig: Trigger) -> bool:
    """«…، وخلال زيارة إلى إندونيسيا، قال الرئيس»: the noun opens a time phrase at the start of a
    sentence or of a new clause (، وخلال), so its party is the main subject after the comma, not a
    phrase told before it (not «…، بعد معارك ضارية، وقصف…»: a phrase trailing the clause)."""
    toks = ctx.doc.tokens
    k = trig.first - 1
    if k < 0 or toks[k].sent != toks[trig.first].sent:
        return False
    word = toks[k].norm
    if k == ctx.doc.sentences[toks[trig.first].sent].first_token:
        return word.lstrip("وف") in ADVERBIAL_STARTS
    return word[:1] in "وف" and word[1:] in ADVERBIAL_STARTS and toks[k - 1].norm in (",", ";")


def _bare_word(tok) -> bool:
    """A word that may be a verb: no article, not a particle or preposition."""
    w = tok.norm
    return (tok.kind == "word" and len(tok.readings) == 1 and not w.startswith("ال")
            and w not in PREPOSITIONS and w not in PARTICLES and w not in SKIP_WORDS)


TA_PLURALS = frozenset(normalize(w) for w in "قراصنة القراصنة قضاة القضاة طلبة الطلبة جناة الجناة غزاة "
                       "الغزاة رماة بحارة البحارة دعاة الدعاة".split())  # men, though written with ة


ADDRESSED = frozenset({"REQUEST", "ACCUSE"})  # verbs whose object is a party (دعا، اتهم)
FEMININE_PLURALS = frozenset(normalize(w) for w in "القوى قوى الدول دول".split())  # (not humans)


def _disagrees(ctx: Context, trig: Trigger, a: ActorPhrase) -> bool:
    """A verb in its masculine singular form (دعا، يدعو) and a phrase headed by a feminine
    singular noun (الحكومة، الشرطة، وزارة) or a plural that agrees as one (القوى، السلطات): the
    phrase is not its subject."""
    doc = ctx.doc
    if trig.pattern.type == "REQUEST" and normalize(doc.text[a.start:a.end]) in APPEALED:
        return True  # دعا المجتمع الدولي إلى: the one appealed to, never the one appealing
    word = normalize(doc.text[trig.start:doc.tokens[trig.first].end])
    past, _, present = normalized_lemma(trig.pattern.lemma).partition("/")
    if word not in (past, present) or a.entity in ctx.persons or trig.entry.rest:
        return False  # حرص الحكومة على…: a noun read as a verb (the pattern names what follows)
    head = doc.text[a.start:doc.tokens[a.first].end]
    norm = normalize(head)
    if trig.pattern.type in ADDRESSED and (norm in FEMININE_PLURALS or (
            norm.startswith("ال") and norm.endswith("ات") and norm not in COUNTS)):
        return True  # دعا القوى السياسية، دعا السلطات: the verb would be دعت
    return head.endswith("ة") and normalize(head) not in TA_PLURALS


def _oblique_plural(ctx: Context, trig: Trigger, a: ActorPhrase) -> bool:
    """«دعا المسؤولين العسكريين»، «تدين المستوطنين»: a sound masculine plural written with -ين
    (accusative) right after a verb is its object; its subject would be المسؤولون (so for any
    unnamed head: التقى العاملين; not a short singular: الأمين العام). Not after a
    form that may be the verbal noun (قصف الحوثيين، سيطرة المتمردين: the genitive acts)."""
    doc = ctx.doc
    if a.first != trig.last or _masdar_like(ctx, trig):
        return False
    word = doc.tokens[a.first].norm
    word = word[1:] if word[:2] == "وا" else word
    return word.endswith("ين") and (word[:-2] + "ون" in nominative_plurals() or word.endswith("يين")
                                    or a.entity is None and not a.place and len(word.removeprefix("ال")) > 4)


def _masdar_like(ctx: Context, trig: Trigger) -> bool:
    """A bare past form of a sound three-letter verb (قصف، منع) or one written with ة (سيطرة)."""
    doc = ctx.doc
    written = doc.text[trig.start:doc.tokens[trig.first].end].rstrip()
    head = past_head(trig.pattern.lemma)
    return written.endswith("ة") or (doc.tokens[trig.first].norm.lstrip("وف") == head
                                     and len(head) == 3 and head[-1] not in "اي")


def adverbial_end(ctx: Context, i: int, floor: int) -> int:
    """«بعد توصل الدول الست إلى اتفاق مع إيران، سافر الوزير…»: the parties of a fronted time
    phrase are not the subject of the verb after its comma."""
    toks = ctx.doc.tokens
    first = toks[floor].norm
    if first[:1] in "وف" and first[1:] in ADVERBIAL_STARTS:
        first = first[1:]
    if first not in ADVERBIAL_STARTS:
        return floor
    for j in range(i - 1, floor, -1):
        if toks[j].norm == ",":
            return j + 1
    return floor


def _passive_rest(ctx: Context, trig: Trigger) -> bool:
    """«إذا رفعت العقوبات»: the object word of the pattern right after the verb, with no subject
    between, reads as a passive (رُفعت): no actor from far before."""
    rest = trig.entry.rest_first
    toks = ctx.doc.tokens
    if trig.first and toks[trig.first - 1].norm in SUBJECT_THAT:
        return False  # أعلنت الحكومة أنها ستفرض حظر التجول: the pronoun is the subject
    return bool(rest) and trig.last < len(toks) and any(
        f in rest for f, _ in toks[trig.last].readings)


def coordinated_subject(ctx: Context, trig: Trigger, floor: int) -> ActorPhrase | None:
    """«قال X إن …، ودعا الأطراف إلى…»: a verb joined by و after a comma, with no subject of its
    own, shares the subject of the verb shortly before it."""
    toks = ctx.doc.tokens
    tok = toks[trig.first]
    if trig.start == tok.start or not tok.norm.startswith("و") or trig.first - 1 <= floor \
            or toks[trig.first - 1].norm != ",":
        return None
    masculine = agreement(ctx, trig) == "m"
    for j in range(trig.first - 2, max(floor, trig.first - COORD_GAP) - 1, -1):
        if j in ctx.verbs and not (masculine and _other_past(toks[j].norm)):
            return subject_after(ctx, j + 1, trig.first)  # (قال X إن مصر دفعت…، وأدان: X)
    return None


def _other_past(word: str) -> bool:
    """دفعت، قالوا، ثمنا: a past verb form whose subject is feminine, plural or «we», never the
    subject of a masculine singular verb."""
    return len(word) > 3 and (word.endswith(("وا", "نا")) or word.endswith("ت") and not word.endswith(("ات", "وت")))


def pronoun_statement_subject(ctx: Context, trig: Trigger) -> ActorPhrase | None:
    """«أكدت روسيا أنها قصفت…»: after «أنها» the verb's subject is a country that introduced
    the statement, or any subject of a reporting verb (قال السفير X لـ«الصحيفة» إنه زار…;
    other subjects are found by ``nearest_before``, which skips places)."""
    return _statement_subject_at(ctx, trig.first)


def _statement_subject_at(ctx: Context, first: int) -> ActorPhrase | None:
    toks = ctx.doc.tokens
    i = first - 1
    if i < 1 or toks[i].norm not in SUBJECT_THAT:
        return None
    k = ctx.verb_before(i, ctx.doc.sentences[toks[i].sent].first_token)
    a = subject_after(ctx, k + 1, i) if k is not None and k not in ctx.event_verbs else None
    return a if a is not None and (a.place or k in ctx.reports and _said_directly(ctx, a.last, i)) else None


def joined_pronoun_subject(ctx: Context, trig: Trigger, floor: int) -> ActorPhrase | None:
    """«قال الرئيس إنه زار موسكو والتقى بوتين»: a verb joined to one whose subject is the pronoun
    of «إنه/أنها» has that verb's subject (the phrase after it is its object)."""
    k = _joined_verb(ctx, trig)
    if not k or not _pronoun_agrees(ctx, trig, ctx.doc.tokens[k - 1].norm):
        return None
    return (_statement_subject_at(ctx, k) or subject_before(ctx, k, floor)
            or nearest_before(ctx, k, adverbial_end(ctx, k, floor)))


def _said_directly(ctx: Context, start: int, i: int) -> bool:
    """«قال X لـ«Y» إنه زار»: the statement at token i is the speaker's own, with no other verb,
    complementizer or colon between (not «أنّ التنظيم كان…، إلا أنهم اعتقلوا»)."""
    toks = ctx.doc.tokens
    return not any(k in ctx.verbs or toks[k].norm in STATEMENT_WORDS for k in range(start, i))


def joined_verb_subject(ctx: Context, trig: Trigger, floor: int) -> ActorPhrase | None:
    """«هاجم رئيس الوزراء المعارضة واتهمها بـ…»: a verb carrying و with no subject after it
    shares the subject right after the verb before it in its clause; the phrase between them
    is that verb's object, not this verb's subject."""
    tok = ctx.doc.tokens[trig.first]
    obj = ctx.actor_ending.get(trig.first)
    if trig.start == tok.start or not tok.norm.startswith("و") or obj is None:
        return None
    k = ctx.verb_before(trig.first, floor)
    if k is None or k not in ctx.event_verbs:  # not a reporting verb: ذكرت الوكالة أن…
        return None
    a = (fronted_subject(ctx, k, floor) or subject_after(ctx, k + 1, trig.first)
         or subject_before(ctx, k, floor))  # (إن X اقتحمت … وسيطرت)
    return a if a is not None and not a.place and a.last <= obj.first else None


def shared_subject(ctx: Context, trig: Trigger, a: ActorPhrase, floor: int) -> ActorPhrase | None:
    """«رحب البيت الأبيض بـ… ووصف حزب العمال بأنه…»: a verb taking an object, carrying و and
    joined to an event verb shortly before it whose subject is named after it, keeps that
    subject (a subject is left out when it stays the same); the party after it is its object."""
    k = _joined_verb(ctx, trig)
    if k is None or k not in ctx.event_verbs and k not in ctx.light_verbs:
        return None
    x = fronted_subject(ctx, k, floor) or subject_after(ctx, k + 1, trig.first) or subject_before(ctx, k, floor)
    if x is None or x.entity is not None and x.entity == a.entity or _disagrees(ctx, trig, x):
        return None
    toks = ctx.doc.tokens
    same = toks[x.first].norm.removeprefix("ال") == toks[a.first].norm.removeprefix("ال")
    return None if same else x  # (أدان اتحاد المحامين … وطالب الاتحاد: named again)


def previous_subject(ctx: Context, i: int) -> ActorPhrase | None:
    """«… قال الرئيس إن … . وأعرب عن استعداده للتعاون»: a sentence opening with a verb that has no
    subject of its own goes on with the subject of the sentence before (its first verb's)."""
    doc = ctx.doc
    toks = doc.tokens
    k = toks[i].sent
    first = doc.sentences[k].first_token
    if k == 0 or first not in ctx.verbs or first + 1 >= len(toks) or not _no_subject(toks[first + 1]) \
            or ctx.clause_start(i, first) != first or any(
                toks[j].norm in COMPLEMENTIZERS or toks[j].norm in PRONOUN_THAT
                for j in range(first + 1, i)):
        return None  # not «يذكر أن نحو 700 بريطاني سافروا»: the verb is in another clause
    prev = doc.sentences[k - 1]
    for j in range(prev.first_token, prev.last_token):
        if j in ctx.verbs:
            return subject_after(ctx, j + 1, prev.last_token)
    return None


def _no_subject(tok) -> bool:
    """The word after a verb shows it has no subject noun: a preposition, a particle, a colon."""
    w = tok.norm
    return (w in (",", ":") or w in PREPOSITIONS or w in COMPLEMENTIZERS or w in PARTICLES
            or w in PRONOUN_THAT)


def _time_after(ctx: Context, i: int) -> bool:
    """«بعد ثمانية أيام من الهجوم»: a noun dating the main clause names another happening."""
    toks = ctx.doc.tokens
    return i > 0 and toks[i - 1].norm == "من" and any(
        toks[j].norm.lstrip("و") in TIME_FROM for j in range(max(i - 5, 0), i - 1))


def nearest_before(ctx: Context, i: int, floor: int) -> ActorPhrase | None:
    floor = embedded_floor(ctx, i, floor)
    toks = ctx.doc.tokens
    best = None
    object_end = -1
    for a in ctx.by_sent.get(toks[i].sent, ()):
        if a.last > i:
            break
        if a.first == object_end:
            object_end = a.last  # … وزير الخارجية الألماني فرانك فالتر شتاينماير: the same phrase
            continue
        if a.first >= floor and not a.place and preposition(ctx, a) is None \
                and not is_target(toks[a.first - 1]) \
                and not _counted_object(ctx, a):  # مركز الشرطة: the owner of a target
            if best is not None and a.first - 1 in ctx.verbs and best.last >= a.first - 2:
                continue  # الجيش قصف المسلحين ثم هاجمهم: the phrase after a verb is its object
            if best is not None and best.first - 1 in ctx.verbs and best.last <= a.first <= best.last + 3 \
                    and not any(k in ctx.verbs or toks[k].kind == "punct" for k in range(best.last, a.first)):
                object_end = a.last  # استقبل الملك الوزير: the phrase after the subject
                continue
            best = a
    return best


def _counted_object(ctx: Context, a: ActorPhrase) -> bool:
    """«وقتلت ستة من المسلحين»: a counted phrase right after a verb of force is its patient."""
    return a.first > 2 and ctx.doc.tokens[a.first - 1].norm == "من" and a.first - 3 in ctx.force_verbs


def agent_after(ctx: Context, i: int, limit: int, armed: bool = False) -> ActorPhrase | None:
    """من قبل X، على يد X، هجوم شنه X."""
    if not ctx.arguments_in(i, min(i + AGENT_WORDS + 1 + AGENT_GAP, limit)):
        return None
    toks = ctx.doc.tokens
    for j in range(i, min(i + AGENT_WORDS, limit)):
        w = toks[j].norm
        k = None
        if w in HELD_BY and not _relative_of_actor(ctx, j):
            a = ctx.actor_at.get(j + 1)
            return a if a is not None and not a.place else None
        if (w in AGENT_VERBS or armed and w in FIRE_VERBS) and not _relative_of_actor(ctx, j) \
                or w in AGENT_SINGLE:
            k = j + 1
        elif j + 1 < limit and (w, toks[j + 1].norm) in AGENT_PAIRS:
            if (w, toks[j + 1].norm) in DID_IT and _complement_between(toks, i, j):
                return None  # اتهامات بغسل أموال قام بها X: X did the laundering
            k = j + 2
        if k is not None:
            for m in range(k, min(k + AGENT_GAP, limit)):  # شنه من يشتبه بأنهم عناصر…
                if m in ctx.actor_at:  # هجوم شنته X على مقاتلين: not the target after على
                    a = ctx.actor_at[m]  # (هجوم نفذه متطرف بمدينة سوسة: where)
                    return None if preposition(ctx, a) in TARGET_PREPS or _located(ctx, a) else a
    return None


def far_agent(ctx: Context, trig: Trigger) -> ActorPhrase | None:
    """«احتجاز رهائن داخل أحد الفنادق، من قبل مجموعة مسلحة»: the agent of a noun set off by a
    comma after its complements (no other verb or event word between)."""
    toks = ctx.doc.tokens
    end = min(trig.last + FAR_AGENT, ctx.doc.sentences[toks[trig.first].sent].last_token - 2)
    if not ctx.arguments_in(trig.last + 3, end + 3):
        return None  # no phrase where the agent would start
    for j in range(trig.last, end):
        if j in ctx.verbs or j in ctx.trigger_tokens or toks[j].norm in RELATIVES:
            return None
        if toks[j].norm == "," and (toks[j + 1].norm, toks[j + 2].norm) in FAR_PAIRS:
            a = ctx.actor_at.get(j + 3)
            return a if a is not None and a.sector in AGENT_SECTORS else None
    return None


def _complement_between(toks, i: int, j: int) -> bool:
    return any(toks[k].norm[:1] in "بل" and len(toks[k].readings) > 1 or toks[k].norm in WHAT
               for k in range(i, j))


def _relative_of_actor(ctx: Context, j: int) -> bool:
    """«غارات من التحالف الذي تقوده الولايات المتحدة»: the verb describes an actor, not the
    event noun."""
    toks = ctx.doc.tokens
    return toks[j - 1].norm in RELATIVES and (j - 2) in ctx.actor_ending


def session_body(ctx: Context, trig: Trigger, ceiling: int) -> ActorPhrase | None:
    """«اجتماع طارئ لمجلس الأمن»، «اجتماع للمكتب السياسي»: the body holding a meeting after ل."""
    toks = ctx.doc.tokens
    j = trig.last
    if j < ceiling and has_word(toks[j], "SESSION"):
        j += 1
    a = ctx.actor_at.get(j) if j < ceiling else None
    return a if a is not None and not a.place and preposition(ctx, a) == "ل" else None


def met_sides(ctx: Context, trig: Trigger, limit: int) -> tuple[list, list]:
    """«اللقاء الذي جمع X بـY»، «لقاء جمع X و Y»: X met Y."""
    toks = ctx.doc.tokens
    for j in range(trig.last, min(trig.last + 4, limit - 1)):
        if j in ctx.trigger_tokens or j in ctx.verbs:
            break
        a = ctx.actor_at.get(j + 1)
        if toks[j].norm not in MET_VERBS or a is None or a.place and not ctx.is_country(a):
            continue
        group = coordinated(ctx, a, limit)
        if len(group) > 1:
            return group[:1], group[1:]
        b = next((ctx.actor_at[k] for k in range(a.last, min(a.last + 3, limit))
                  if k in ctx.actor_at), None)
        return [a], [b] if b is not None and preposition(ctx, b) == "ب" else []
    return [], []


def _heard_of(ctx: Context, trig: Trigger) -> bool:
    """A meeting noun as the topic of a statement (أكد أهمية الزيارة، تفاصيل اللقاء): the
    subject of the clause is not its party."""
    toks = ctx.doc.tokens
    if trig.first == 0 or ctx.doc.text[trig.start:trig.end].endswith(PRONOUN_SUFFIXES):
        return False  # أهمية زيارته: his own
    word = toks[trig.first - 1].norm
    return word.lstrip("و") in TOPIC_NOUNS or word[:1] in "وب" and word[1:].lstrip("ب") in TOPIC_NOUNS


def teller(ctx: Context, a: ActorPhrase) -> bool:
    """Sources or the press telling of a meeting (كشفت مصادر عن مشاورات) are not its party."""
    return a.sector == "JRN" or a.entity is None and ctx.doc.tokens[a.first].norm in TELLERS


def between_actors(ctx: Context, trig: Trigger, limit: int) -> list[ActorPhrase]:
    """مواجهات بين X و Y: every actor joined after بين."""
    toks = ctx.doc.tokens
    for j in range(trig.last, min(trig.last + BETWEEN_GAP, limit)):
        if j in ctx.trigger_tokens and ctx.doc.tokens[j].norm not in HELD:
            return []  # the بين of another event
        if toks[j].norm == "بين":
            sides = _sides_after(ctx, j, min(j + 13, limit))
            return sides + _other_hand(ctx, sides[-1].last) if sides else sides
    return []


def _other_hand(ctx: Context, k: int) -> list[ActorPhrase]:
    """«بين X وY من جهة، وZ من جهة أخرى»: the side after «من جهة،» up to «من جهة أخرى» (the
    comma after the first side does not end the list)."""
    toks = ctx.doc.tokens
    end = ctx.doc.sentences[toks[k].sent].last_token if k < len(toks) else k
    k = next((j for j in range(k, min(k + 4, end - 3)) if (toks[j].norm, toks[j + 1].norm) == ("من", "جهه")), end)
    if k + 3 >= end:  # (بين الجيش والمسلحين القبليين من جهة: an adjective may come between)
        return []
    k += 3 if toks[k + 2].norm == "," else 2
    if not toks[k].norm.startswith("و"):
        return []
    for m in range(k + 1, min(k + OTHER_HAND, end - 2)):
        if (toks[m].norm, toks[m + 1].norm, toks[m + 2].norm) == ("من", "جهه", "اخري"):
            return _sides_after(ctx, k - 1, m)
    return []


def _sides_after(ctx: Context, j: int, end: int) -> list[ActorPhrase]:
    """The actor phrases after «بين» at token j, up to a word telling its outcome (بين الجيش
    والمسلحين | عن مقتل عشرة أشخاص، | مما أدى إلى مقتل)."""
    toks = ctx.doc.tokens
    out: list[ActorPhrase] = []
    for k in range(j + 1, end):
        if toks[k].norm in OUTCOME_WORDS:
            break
        a = ctx.actor_at.get(k)
        if a is not None and not _venue(ctx, a):
            out.append(a)
    return out


def each_side(a: ActorPhrase) -> list[ActorPhrase]:
    """A phrase standing for several parties (المسؤولين الأتراك والإيرانيين) as one phrase per
    party, all over the same words."""
    if not a.sides:
        return [a]
    return [replace(a, entity=e, country=c, sector=s, sides=()) for e, c, s in a.sides]


def _located(ctx: Context, a: ActorPhrase) -> bool:
    """«في قرية حدنان، بمدينة سوسة، بتعز»: a place after في/ب (or a place noun after them) is
    where something happens, never its actor or its target."""
    return a.place and (preposition(ctx, a) in ("في", "ب") or locative_place(ctx.doc, a.first))


def _venue(ctx: Context, a: ActorPhrase) -> bool:
    """«اشتباكات بين X و Y في مدينة البصرة»: a place after في/ب is where, not a side."""
    return a.place and ctx.doc.tokens[a.first - 1].norm != "بين" and place_prep(ctx.doc, a.start, a.first)


def recipients(ctx: Context, trig: Trigger, start: int, limit: int,
               used: list) -> list[ActorPhrase]:
    """The first actor phrase after a recipient preposition of the pattern (على مركز شرطة: the
    phrase may follow a head noun), or, for direct objects, the first phrase without one."""
    rcp = trig.pattern.rcp or (GENITIVE_L if trig.pattern.gen == "recipient" else ())
    if not rcp or not ctx.arguments_in(start, min(start + WINDOW + 3, limit)):
        return []
    toks = ctx.doc.tokens
    headed = not HEAD_PREPS.isdisjoint(rcp)
    titles: list[ActorPhrase] = []
    if start == trig.last and toks[trig.last - 1].norm in rcp and toks[trig.last - 1].norm != "obj":
        for k in range(start, min(start + 3, limit)):  # القبض على | 431 شخصا: the trigger ends
            a = ctx.actor_at.get(k)                    # with its preposition
            if a is not None and a not in used:
                return coordinated(ctx, a, limit)
    for j in range(start, min(start + WINDOW, limit)):
        word = toks[j].norm
        if ((word in rcp and word != "obj") or word in TOWARD and not _foe(trig, word) or (
                headed and _prep_headed(ctx, j, rcp))) and not _agent_of_participle(toks, j):
            for k in range(j + 1, min(j + 4, limit)):
                a = ctx.actor_at.get(k)
                if a is not None and a.place and "party" in trig.pattern.flags:
                    break  # مناطق إلى الشمال من عدن من الحوثيين: taken from the Houthis
                if a is not None and a.place and trig.pattern.type in FRIENDLY and (
                        _named_by(ctx, a) or k > j + 1 and _where_of(ctx, a)):
                    break  # رحب بإعلان القاهرة، دعم من يتحرك ضد الأكراد في العراق: no party
                if a is not None and k > j + 1 and _located(ctx, a) and not _people_in(ctx, a):
                    break  # على فندق بمدينة سوسة: where the target is
                if a is not None and trig.pattern.type == "ACCUSE" and _victim(ctx, trig, a):
                    break
                if a is not None and a not in used and not _chair(ctx, a):
                    return coordinated(ctx, a, limit)
                if k == j + 1 and k in ctx.nisba and word in PREPOSITIONS and trig.pattern.type in FORCE_ON:
                    return [nisba_actor(ctx, k, "CVL")]  # النار على فلسطينيين: people of that country
                if toks[k].norm in NEAR:
                    break  # على فلسطيني قرب رام الله: a place, not the target
            continue
        a = ctx.actor_at.get(j)
        if a is not None and a not in used and _title_of(ctx, a, used, titles):
            titles.append(a)  # ولي ولي العهد النائب الثاني لرئيس مجلس الوزراء: the subject's titles
            continue
        if a is None or a in used or _other_clause(ctx, a, trig) or _chair(ctx, a) or _title_complement(ctx, a) \
                or _heads_party(ctx, a, used) or trig.pattern.type == "ACCUSE" and _victim(ctx, trig, a) \
                or _agent_of_participle(toks, a.first - 1) or (
                a.place and (trig.pattern.mode in PERSONAL or "party" in trig.pattern.flags
                             or locative_place(ctx.doc, a.first)
                             or _titled_place(ctx, a) or _named_by(ctx, a)
                             or trig.pattern.type in FRIENDLY and preposition(ctx, a) == "في"
                             and not _people_in(ctx, a))) or _after_foe(ctx, trig, a):
            continue  # أوقفت الشرطة في البقاع ثلاثة: people are arrested, not places; بمدينة X: where
        prep = preposition(ctx, a)
        if prep is None and "obj" in rcp and j - start > OBJECT_GAP and (
                a.place or a.entity is None or _object_gap(ctx, start, j) > 1):
            continue  # رفضها الاعتراف بإسرائيل واتفاقات … والإسرائيليين: too far for an object
        if prep is None and "obj" in rcp or prep in rcp or (prep == "ل" and "obj" in rcp):
            return coordinated(ctx, a, limit)
    return []


def _foe(trig: Trigger, word: str) -> bool:
    """ضد after a cooperative act (دعم X ضد Y، التعاون ضد الإرهاب) or a taking names no recipient."""
    return word == "ضد" and trig.pattern.type in FRIENDLY or word in TOWARD and "party" in trig.pattern.flags


def _after_foe(ctx: Context, trig: Trigger, a: ActorPhrase) -> bool:
    """«ضد الحوثيين والقوات الموالية لهم»: a phrase joined by و to one after ضد is a foe too."""
    toks = ctx.doc.tokens
    while trig.pattern.type in FRIENDLY and _has_wa(toks[a.first], a):
        prev = ctx.actor_ending.get(a.first)
        if prev is None:
            return False
        if preposition(ctx, prev) == "ضد":
            return True
        a = prev
    return False


def _where_of(ctx: Context, a: ActorPhrase) -> bool:
    """«الأكراد في العراق، الشرعية باليمن»: a place after في/ب or a place noun is where a party
    is (not after a people word: للأشقاء في اليمن are the Yemenis)."""
    return (preposition(ctx, a) in ("في", "ب") or locative_place(ctx.doc, a.first)) and not _people_in(ctx, a)


def _people_in(ctx: Context, a: ActorPhrase) -> bool:
    """«للأشقاء في اليمن، لإخواننا في سوريا»: the people of a place, named by the place."""
    k = a.first - 1
    if k < 1 or ctx.doc.tokens[k].norm != "في":
        return False
    w = ctx.doc.tokens[k - 1].norm.removeprefix("و")
    w = "ال" + w[2:] if w.startswith("لل") else w.removeprefix("ل")  # للأشقاء، لإخواننا
    return w in PEOPLE_OF


def _named_by(ctx: Context, a: ActorPhrase) -> bool:
    """«إعلان القاهرة، اتفاق الرياض، مؤتمر جنيف»: a place right after a NAMED noun is its name."""
    return a.first > 0 and has_word(ctx.doc.tokens[a.first - 1], "NAMED")


def _title_complement(ctx: Context, a: ActorPhrase) -> bool:
    """«المبعوث الأممي لليمن، الرئيس التنفيذي للشركة، المندوب الدائم لدى الأمم المتحدة»: a phrase
    with ل or لدى right after an official's title (not after his name) completes the title."""
    prev = ctx.actor_ending.get(a.first)
    if prev is None or preposition(ctx, a) not in ("ل", "لدي"):
        return False
    toks = ctx.doc.tokens
    return toks[prev.first].norm.lstrip("و").removeprefix("ال") in TITLES and (
        prev.entity not in ctx.persons or toks[a.first - 1].norm in TITLE_TAILS)


def _agent_of_participle(toks: list, j: int) -> bool:
    """«طلب إيران المدعوم من موسكو»: من after a passive participle (مفعول) names its agent,
    not the one asked."""
    return toks[j].norm == "من" and j > 0 and PASSIVE_PARTICIPLE.fullmatch(toks[j - 1].norm) is not None \
        and "مجموع" not in toks[j - 1].norm  # (مجموعة من الأشخاص: a group of)


def _accused_after_agent(ctx: Context, trig: Trigger, g: ActorPhrase) -> ActorPhrase | None:
    """«اتهام السلطات التركية المسلحين الأكراد بمهاجمة…»: an accusation noun whose genitive is
    followed right by another party and the charge with ب: the genitive accuses that party."""
    if trig.pattern.type != "ACCUSE":
        return None
    h = ctx.actor_at.get(g.last)
    toks = ctx.doc.tokens
    if h is None or h.place or preposition(ctx, h) is not None or h.last >= len(toks):
        return None
    k = h.last
    while k < min(h.last + 2, len(toks) - 1) and (k in ctx.nisba or toks[k].norm.startswith("ال")) \
            and k not in ctx.actor_at:
        k += 1  # (المسلحين الأكراد: an adjective of the accused)
    word = toks[k].norm
    return h if word.startswith("ب") and len(word) > 3 and k not in ctx.actor_at else None


def _titled_genitive(ctx: Context, trig: Trigger) -> bool:
    """The noun's genitive is an official's title that makes no actor phrase (أمين المدينة)."""
    k, toks = trig.last, ctx.doc.tokens
    return k < len(toks) and k not in ctx.actor_at and not definite(ctx.doc.text, toks[k - 1]) \
        and toks[k].norm.removeprefix("ال") in TITLES  # (خلال الزيارة وكيل المحافظ: no genitive)


def _victim(ctx: Context, trig: Trigger, a: ActorPhrase) -> bool:
    """«أدان اغتيال النائب العام»، «ندد بالتفجير في مسجد بعسير»: a party within the condemned act
    of force suffered it (or is where it was), not blamed. The doer named by a clause (الذي
    شنه الحوثيون), by على يد / من قبل, or as the genitive before a ل object (استهداف الحوثيين
    للمدنيين) is."""
    toks = ctx.doc.tokens
    act = next((k for k in range(trig.last, a.first) if ctx.noun_types.get(k) in FORCE_ON), None)
    if act is None or any(toks[j].norm in RELATIVES or j in ctx.verbs or (toks[j - 1].norm, toks[j].norm)
                          in AGENT_PAIRS or toks[j].norm in AGENT_SINGLE for j in range(act + 1, a.first)):
        return False
    nxt = toks[a.last] if a.last < len(toks) else None
    return a.first > act + 1 or nxt is None or not (nxt.norm[0] == "ل" and len(nxt.readings) > 1)


def _chair(ctx: Context, a: ActorPhrase) -> bool:
    """«عقدت اللجنة اجتماعا برئاسة X»: the chair of the meeting (not of a delegation met)."""
    toks = ctx.doc.tokens
    return a.first > 1 and toks[a.first - 1].norm in CHAIR_WORDS and not any(
        toks[k].norm.lstrip("و").startswith(DELEGATION_STEMS) for k in range(max(a.first - 4, 0), a.first - 1))


def _heads_party(ctx: Context, a: ActorPhrase, used: list) -> bool:
    """«زيارة وفد من حركة «حماس» برئاسة X»: X heads the acting party named right before."""
    return a.first > 1 and ctx.doc.tokens[a.first - 1].norm in CHAIR_WORDS and any(
        a.first - 3 <= u.last < a.first for u in used)


def _object_gap(ctx: Context, start: int, j: int) -> int:
    """Words between a verb and its object, not counting times and places: «استقبل الملك في قصر
    السلام بجدة أمس رئيس …» (one word between: في)."""
    toks = ctx.doc.tokens
    places = [(m.start, m.end) for m in ctx.places.get(toks[start].sent, ())]
    return sum(1 for k in range(start, j) if k not in ctx.tokens_in_times
               and not any(a < toks[k].end and toks[k].start < b for a, b in places))


def object_in_clause(ctx: Context, trig: Trigger, start: int, limit: int,
                     used: list) -> list[ActorPhrase]:
    """رفضها الاعتراف بإسرائيل، رفع تجميد المساعدات عن مصر: with no recipient in its usual slot,
    the first actor phrase of the clause after the trigger's complement (not a place after a
    locative preposition, not in another verb's clause)."""
    titles: list[ActorPhrase] = []
    for a in ctx.by_sent.get(ctx.doc.tokens[trig.first].sent, ()):
        if a.first < start or a in used or _chair(ctx, a) or _title_complement(ctx, a):
            continue
        if _title_of(ctx, a, used, titles):
            titles.append(a)  # (the subject's title after his name: استقبل الأمير X ولي العهد …)
            continue
        if a.first >= min(limit, start + OBJECT_WINDOW):
            break
        prep = preposition(ctx, a)
        if prep is not None and (prep not in OBJECT_PREPS or _foe(trig, prep)) or _after_foe(ctx, trig, a) or (
                a.place and prep is not None and prep not in PLACE_OBJECT
                and not (prep == "ب" and ctx.is_country(a))):
            continue  # في موسكو: a venue, not a recipient
        if (a.entity is None and a.country is None and a.sector not in AGENT_SECTORS) \
                or ctx.doc.tokens[a.first - 1].norm == "جانب":
            continue
        if a.place and (prep is None or trig.pattern.mode in TERRITORY):
            continue  # بمحافظة الأنبار: a place named after a place noun
        if _other_clause(ctx, a, trig) or _verb_between(ctx, trig.last, a.first) \
                or _resumptive_between(ctx, start, a.first):
            return []  # (عن سعادته بما حققته القوات: the doer of another act)
        return coordinated(ctx, a, limit)
    return []


def _resumptive_between(ctx: Context, start: int, end: int) -> bool:
    """«بما حققته القوات»: ما followed by a verb taking it back as its object; the phrase after
    is that verb's subject."""
    toks = ctx.doc.tokens
    return any(toks[k].norm in MA_RELATIVES and toks[k + 1].norm.endswith(("ته", "تها"))
               for k in range(start, end - 1))


def _titled_place(ctx: Context, a: ActorPhrase) -> bool:
    """«أمير منطقة الرياض، محافظ جدة»: a place in an official's title, no recipient."""
    toks = ctx.doc.tokens
    k = a.first - 1 - (a.first > 1 and toks[a.first - 1].norm in AREA_NOUNS)
    return k >= 0 and toks[k].norm.lstrip("و") in TITLES  # (in construct: no ال; «الوزير فرنسا»)


# armed parties, parties that may have militias, and people who may turn out to be the victims
MAY_ATTACK = ARMED | {"PTY", "OPP", "CVL", "JRN", "REF", "EDU", "MED"}
PERPETRATORS = frozenset(normalize(w) for w in "منفذ منفذي منفذو منفذا ومنفذي مرتكب مرتكبي مرتكبو "
                         "ومرتكبي المسؤولين المسؤول".split())  # منفذي الهجوم: the attackers, named elsewhere


def _may_attack(ctx: Context, trig: Trigger, a: ActorPhrase) -> bool:
    """An attack noun takes a subject from its clause only as an armed party, a party, a state or
    people who may be its victims (not a mourner, a speaker or an official: «عبر الأزهر عن تعازيه
    … في شهداء الهجوم»، «قام أمير المنطقة بجولة لموقع التفجير»), and never
    after «منفذي/مرتكبي» (those who carried it out are hunted, not hunting)."""
    toks = ctx.doc.tokens
    if trig.first > 0 and toks[trig.first - 1].norm in PERPETRATORS:
        return False
    if any(toks[j].norm == "علي" and has_word(toks[j + 1], "VERBAL") or has_word(toks[j], "VERBAL")
           for j in range(trig.last, min(trig.last + 3, len(toks) - 1))):
        return True  # شن رئيس البرلمان هجوما حادا على الحكومة: words (ACCUSE)
    return a.sector in MAY_ATTACK or a.place or ctx.is_country(a) or bool(a.sides)


def _title_of(ctx: Context, a: ActorPhrase, used: list, titles: list) -> bool:
    """«الأمير X ولي ولي العهد النائب الثاني لرئيس مجلس الوزراء»، «X الأمين العام للغرفة»: a
    phrase naming the same person as an argument, a title shortly after such a phrase (unnamed,
    or with ل), or the genitive with ل right after it (``titles``: those found so far) is that
    argument's title."""
    if a.entity is not None and any(u.entity == a.entity for u in used):
        return True
    toks = ctx.doc.tokens
    def near(u):
        return u.last <= a.first and a.first - u.last <= 2 and all(
            toks[k].kind == "word" and k not in ctx.verbs for k in range(u.last, a.first))
    head = toks[a.first].norm.lstrip("و")
    head = head[1:] if head[:1] == "ل" else head
    if head.removeprefix("ال") in TITLES and any(map(near, titles)) and (
            a.entity is None or head != toks[a.first].norm.lstrip("و")):
        return True  # (لرئيس مجلس الوزراء after «النائب الثاني»: even when read as someone)
    return any(u.last == a.first for u in titles) and preposition(ctx, a) == "ل" and not a.place \
        and not any(m.start <= a.start < m.end for m in ctx.places.get(toks[a.first].sent, ()))


def object_after_place(ctx: Context, trig: Trigger, after: int, ceiling: int,
                       used: list) -> list[ActorPhrase]:
    """«أوقفت قوى الجيش في بلدة عرسال، خمسة أشخاص»: a place after the subject, closed by a
    comma, and the object after that comma."""
    toks = ctx.doc.tokens
    sent = ctx.doc.sentences[toks[trig.first].sent]
    if not after < ceiling < sent.last_token - 1 or toks[ceiling].norm != "," \
            or ceiling - after > PLACE_ASIDE or not _place_phrase(ctx, after, ceiling):
        return []
    end = ctx.clause_end(ceiling + 1, sent.last_token)
    a = subject_after(ctx, ceiling + 1, end)
    if a is not None and a not in used and not a.place:
        return coordinated(ctx, a, end)
    return people_object(ctx, trig, ceiling + 1, end)


def _place_phrase(ctx: Context, start: int, end: int) -> bool:
    """Tokens [start, end) are a locative phrase: في/ب and a place, no verb."""
    toks = ctx.doc.tokens
    places = [m for m in ctx.places.get(toks[start].sent, ())
              if toks[start].start <= m.start and m.end <= toks[end - 1].end]
    return any(toks[k].norm == "في" or toks[k].norm[:1] == "ب" for k in (start, start + 1)) \
        and bool(places) and not any(k in ctx.verbs for k in range(start, end))
    # (قوى الأمن الداخلي في طرابلس: the first word may end the subject)


def pronoun_object(ctx: Context, trig: Trigger, after: int, p) -> str | None:
    """تصدت لهم، هاجمهم، أسرهم: the recipient is a pronoun (on the trigger, or on one of the
    pattern's prepositions right after it). "plural" (هم، هما), "single" (ه on a verb or its
    preposition: استقبله، وجه له الدعوة) or None."""
    toks = ctx.doc.tokens
    word = ctx.doc.text[toks[trig.last - 1].start:trig.end]  # as written: دعاة is no دعاه
    suffix, kind = _pronoun_suffix(word)
    if kind and _takes_object(p) and not (kind == "single" and (
            p.pos != "V" or _noun_like(ctx, trig))) and not any(
            form.endswith(suffix) for form in _lemma_forms(p)):
        return kind
    if after < len(toks) and toks[after].sent == toks[trig.first].sent:
        w = toks[after].norm.lstrip("وف")
        suffix, kind = _pronoun_suffix(w)
        if suffix and (kind == "plural" or p.pos == "V") \
                and w[:-len(suffix)] in p.rcp and w[:-len(suffix)] != "obj":
            return kind
    return None


def _pronoun_suffix(word: str) -> tuple[str, str | None]:
    """The pronoun suffix a word ends with and its kind (see SUFFIX_KINDS), else ("", None)."""
    if word.endswith(PRONOUN_SUFFIXES):
        for suffix, kind in SUFFIX_KINDS:
            if word.endswith(suffix):
                return suffix, kind
    return "", None


def _takes_object(p) -> bool:
    return "obj" in p.rcp if p.pos == "V" else p.gen == "recipient"  # انتقاده: his criticism


def _lemma_forms(p) -> list[str]:
    forms = normalized_lemma(p.lemma).split("/")
    return forms[:1] if p.pos == "P" else forms  # تم أسر/تم أسرهم: the first is the bare phrase


def _noun_like(ctx: Context, trig: Trigger) -> bool:
    """عن شكره، لمنعه: a verb form with a preposition (attached or before it) is a noun."""
    toks = ctx.doc.tokens
    tok = toks[trig.first]
    return trig.start != tok.start and normalize(
        ctx.doc.text[tok.start:trig.start]).lstrip("وف") != "" or (
        trig.first > 0 and toks[trig.first - 1].norm in PREPOSITIONS)


def antecedent(ctx: Context, trig: Trigger, used: list, kind: str = "plural") -> list[ActorPhrase]:
    """What the pronoun stands for: the nearest actor phrase before the trigger in its sentence
    that is not already an argument, preferring the subject of a verb, then a phrase not
    governed by a preposition, if it names an armed or official party; for «ه» the nearest
    person named."""
    before = [a for a in reversed(ctx.by_sent.get(ctx.doc.tokens[trig.first].sent, ()))
              if a.last <= trig.first and a not in used and not a.place and not any(
                  a.entity is not None and a.entity == u.entity for u in used)]
    toks = ctx.doc.tokens
    if trig.first > 0 and toks[trig.first - 1].norm in RELATIVES and _carries_object(ctx, trig):
        head = _relative_object(ctx, trig)  # الصيادين الذين اعتقلهم الحوثيون: the head noun, not
        return [head] if head in before else []  # another party named before it
    if kind == "single":
        return next(([a] for a in before if ctx.entity_type.get(a.entity) == "PER"), [])
    free = [a for a in before if preposition(ctx, a) is None and not is_target(toks[a.first - 1])]
    subjects = [a for a in free if a.first - 1 in ctx.verbs]  # حاول المسلحون اقتحام مركز الشرطة
    for a in subjects + free + before:
        return [a] if a.sector in AGENT_SECTORS else []
    return []


def _relative_mismatch(ctx: Context, trig: Trigger, a: ActorPhrase) -> bool:
    """A relative verb with an object pronoun and its doer unnamed (الذين دربتهم) that cannot
    agree with a phrase found before: a person with a feminine verb, a state with a masculine one."""
    if not (ctx.doc.tokens[trig.first - 1].norm in RELATIVES and _carries_object(ctx, trig)):
        return False
    form = agreement(ctx, trig)
    return form == "f" and a.entity in ctx.persons or form == "m" and (a.place or ctx.is_country(a))


def _carries_object(ctx: Context, trig: Trigger) -> bool:
    """The verb itself ends with an object pronoun (دربتهم، سلحتها)."""
    p = trig.pattern
    return p.pos == "V" and "obj" in p.rcp and _suffixed(ctx, trig) and not _noun_like(ctx, trig)


def _suffixed(ctx: Context, trig: Trigger) -> bool:
    p = trig.pattern
    word = ctx.doc.text[ctx.doc.tokens[trig.last - 1].start:trig.end]
    suffix, _ = _pronoun_suffix(word)
    if not suffix:
        return False
    stem = normalize(word[:-len(suffix)])  # (اتهم/يتهم ends like a suffix: تتهمهم has one)
    ending = [form for form in _lemma_forms(p) if form.endswith(suffix)]
    return (not ending or any(form[-2:] in stem[-4:] for form in ending)) \
        and not stem.endswith("و")  # الذين استقبلوه: the head is the subject


def _trigger_with_b(ctx: Context, trig: Trigger) -> bool:
    """بدعم X، بمساندة X: "with the backing of X", X backs."""
    tok = ctx.doc.tokens[trig.first]
    return normalize(ctx.doc.text[tok.start:trig.start]).lstrip("و") == "ب"


def _possessive(ctx: Context, trig: Trigger) -> str:
    """The possessive pronoun suffix a trigger ends with (not one its lemma ends with), else ""."""
    suffix, _ = _pronoun_suffix(ctx.doc.text[ctx.doc.tokens[trig.last - 1].start:trig.end])
    return suffix if suffix and not any(form.endswith(suffix) for form in _lemma_forms(trig.pattern)) else ""


def _relative_object(ctx: Context, trig: Trigger) -> ActorPhrase | None:
    """The phrase a relative clause describes, right before its verb or before الذي/التي (past
    a comma or an adjective: عدنان عبد الرزاق، الذي قتله؛ أبو خالد السوري الذي اغتاله)."""
    j = trig.first
    if j > 0 and ctx.doc.tokens[j - 1].norm in RELATIVES:
        return ctx.actor_ending.get(j - 1) or ctx.actor_ending.get(j - 2)
    return ctx.actor_ending.get(j)


def held_by(ctx: Context, start: int, limit: int, used: list) -> list[ActorPhrase]:
    """«قصفت مواقع تتمركز فيها الميليشيات»، «المناطق التي يسيطر عليها التنظيم»: the party
    holding the attacked place, named in a relative clause after it."""
    toks = ctx.doc.tokens
    for j in range(start, min(start + HOLD_WINDOW, limit - 1)):
        if toks[j].norm not in HOLD_VERBS:
            continue
        k = j + 1
        if toks[k].norm.removeprefix("و") in HOLD_VERBS:
            k += 1  # كانت تسيطر وتتمركز فيها
        if k < limit and toks[k].norm in HOLD_PREPS:
            a = ctx.actor_at.get(k + 1)
            if a is not None and not a.place and a not in used:
                return coordinated(ctx, a, limit)
        return []
    return []


def _verb_between(ctx: Context, i: int, j: int) -> bool:
    """Another verb or event word between the trigger and a phrase (الغارات لمساندة المقاومة:
    the phrase belongs to the second event)."""
    return any(k in ctx.verbs or k in ctx.trigger_tokens for k in range(i, j))


def _other_clause(ctx: Context, a: ActorPhrase, trig: Trigger) -> bool:
    """«الذي تقوده المملكة»: a phrase right after another verb or a relative pronoun."""
    toks = ctx.doc.tokens
    for j in (a.first - 1, a.first - 2):
        if j >= trig.last and (j in ctx.verbs and (toks[j].norm, toks[j + 1].norm) not in DID_IT
                               or toks[j].norm in RELATIVES):
            return True
    return False


def _prep_headed(ctx: Context, j: int, rcp) -> bool:
    """بأعضاء في مجلس الشيوخ: a recipient preposition on a head noun before the actor phrase."""
    tok = ctx.doc.tokens[j]
    if j in ctx.actor_at or len(tok.readings) < 2:
        return False
    prefix = tok.norm[: len(tok.norm) - len(tok.readings[-1][0])].lstrip("وف")
    return prefix in HEAD_PREPS and prefix in rcp


def doer(ctx: Context, trig: Trigger, floor: int) -> ActorPhrase | None:
    """«بلاغ عن قيام ثلاثة أشخاص بإطلاق النار»: the noun قيام names the doer of the act after ب,
    as the verb قام does."""
    if not _trigger_with_b(ctx, trig):
        return None
    for k in range(trig.first - 1, max(floor, trig.first - DID_SPAN) - 1, -1):
        if ctx.doc.tokens[k].norm in DOING:
            return subject_after(ctx, k + 1, trig.first)
        if k in ctx.verbs:
            return None
    return None


def ventured(ctx: Context, trig: Trigger, floor: int) -> ActorPhrase | None:
    """«القبض على مواطن أقدم على قتل شقيقه»، «أقدم شاب على طعن…»: the one who ventured on the
    act (أقدم على) does it, named after أقدم or right before it."""
    j = venture_verb(ctx, trig, floor)
    return None if j is None else subject_after(ctx, j + 1, trig.first - 1) or ctx.actor_ending.get(j)


def permitted(ctx: Context, trig: Trigger) -> ActorPhrase | None:
    """«السماح للجيش الأمريكي بشن ضربات جوية»، «سمحت لها بقصف…»: the one allowed (after ل)
    does the act named with ب."""
    toks = ctx.doc.tokens
    k = trig.first
    if not _trigger_with_b(ctx, trig):
        k -= 1
        if k < 1 or toks[k].norm not in BY_LIGHT:
            return None  # بشن، بتنفيذ
    a = ctx.actor_ending.get(k)
    if a is None or preposition(ctx, a) != "ل" or a.first < 1:
        return None
    return a if toks[a.first - 1].norm.removeprefix("و") in ALLOWING else None


def venture_verb(ctx: Context, trig: Trigger, floor: int) -> int | None:
    """The index of أقدم in «أقدم (X) على» right before the act, else None."""
    toks = ctx.doc.tokens
    k = trig.first - 1
    if k <= floor or toks[k].norm != ON:
        return None
    for j in range(k - 1, max(floor, k - VENTURE_SPAN) - 1, -1):
        if toks[j].norm.removeprefix("و") in VENTURED:
            return j
    return None


def by_agent(ctx: Context, trig: Trigger, floor: int, ceiling: int):
    """«المقاومة المسنودة بقوات الجيش»: the actor follows ب/من, the recipient comes before."""
    agent = None
    for j in range(trig.last, min(trig.last + 3, ceiling)):
        a = ctx.actor_at.get(j)
        if a is not None:
            agent = a if preposition(ctx, a) in ("ب", "من") else None
            break
        if ctx.doc.tokens[j].norm not in ("من", "قبل"):
            break
    if agent is None:
        return [], []
    patient = ctx.actor_ending.get(trig.first)
    return coordinated(ctx, agent, ceiling), [patient] if patient is not None else []


def backed_by(ctx: Context, trig: Trigger, floor: int):
    """«تقدمت القوات العراقية بدعم (من) طيران التحالف»، «قوات الجيش بمساندة المقاومة تقدمت»:
    with X's backing, X backs the armed subject named right before (or before a comma); not
    after a verb taking ب (اتهم X Y بدعم، قامت X بدعم: Y or X backs). (actors, recipients), or
    None when the noun is not «with the backing of»."""
    toks = ctx.doc.tokens
    if trig.last >= len(toks):
        return None
    after_from = toks[trig.last].norm == "من"
    if not _trigger_with_b(ctx, trig):  # لقي مساندة من X، نال دعما من X: X backs (the one backed is
        # the subject of a verb not known here)
        agent = ctx.actor_at.get(trig.last + 1) if after_from else None
        return ([agent], []) if agent is not None and not definite(ctx.doc.text, toks[trig.first]) \
            else None
    if after_from:  # بدعم من (وحدات من) الجيش
        j = trig.last + 1
        if j not in ctx.actor_at and j + 2 < len(toks) and toks[j + 1].norm == "من":
            j += 2
        agent = ctx.actor_at.get(j)
        if agent is None:
            return [], []
    else:
        agent = ctx.actor_at.get(trig.last)
        if agent is None or preposition(ctx, agent) is not None:
            return None
    k = trig.first - 1 if trig.first > floor and toks[trig.first - 1].norm == "," else trig.first
    backed = ctx.actor_ending.get(k)
    if backed is None or backed.first < floor or backed.place or backed.sector not in ARMED \
            or agent.sector not in AGENT_SECTORS and not agent.place \
            or preposition(ctx, backed) is not None or _takes_b(ctx, backed.first - 1):
        return ([agent], []) if after_from else None  # بدعم من X: X backs, whoever it is
    backed = joined_before(ctx, backed, floor)  # الجيش الوطني والمقاومة الشعبية بدعم X
    if _takes_b(ctx, backed[0].first - 1):
        return None
    ctx.backing.add(trig.first)
    return [agent], backed


def _takes_b(ctx: Context, j: int) -> bool:
    """A verb whose complement follows ب: an act named by an event verb other than force
    (اتهم، طالب، أشاد) or قام (قامت إيران بدعم الحوثيين: Iran backs)."""
    return j >= 0 and (j in ctx.event_verbs and j not in ctx.force_verbs
                       or ctx.doc.tokens[j].norm.lstrip("وف") in DID_VERBS)


def _shared_genitive(ctx: Context, trig: Trigger) -> ActorPhrase | None:
    """«بدعم واهتمام خادم الحرمين»، «دعم ومساندة المملكة للشعب»: nouns in the construct state
    joined by و share the genitive after the last of them."""
    toks = ctx.doc.tokens
    if _construct_blocked(ctx, trig.first):
        return None
    for j in range(trig.last, min(trig.last + SHARED_NOUNS, len(toks) - 1)):
        tok = toks[j]
        if tok.kind != "word" or not tok.norm.startswith("و") or ctx.in_actor(j) or j in ctx.verbs \
                or _construct_blocked(ctx, j):
            return None
        g = ctx.actor_at.get(j + 1)
        if g is not None:
            return g if preposition(ctx, g) is None else None
    return None


def joined_noun(ctx: Context, trig: Trigger) -> bool:
    """«دعم ومساندة المملكة»: a noun joined by و to an event noun of its type in the construct
    state before it names the same act (told by the first noun, which shares its genitive)."""
    i = trig.first
    tok = ctx.doc.tokens[i]
    return trig.pattern.pos == "N" and i > 0 and tok.norm.startswith("و") and tok.start < trig.start \
        and ctx.noun_types.get(i - 1) == trig.pattern.type and not _construct_blocked(ctx, i - 1) \
        and trig.last in ctx.actor_at and not _construct_blocked(ctx, i)


def _supported(ctx: Context, phrases: list) -> bool:
    """A phrase naming the one supported (دعم المملكة للشعب الفلسطيني), not the one fought
    (مساندة المقاومة ضد الحوثيين)."""
    return bool(phrases) and ctx.doc.tokens[phrases[0].first - 1].norm not in TOWARD


def _construct_blocked(ctx: Context, j: int) -> bool:
    """The word cannot head a construct: it has the article or a pronoun suffix."""
    tok = ctx.doc.tokens[j]
    word = tok.norm.removeprefix("و")
    return definite(ctx.doc.text, tok) or word.endswith(PRONOUN_SUFFIXES) and len(word) > 4 \
        and not word.endswith("ه")


def possessive_accusation(ctx: Context, trig: Trigger, ceiling: int):
    """An accusation noun with a possessive pronoun: followed by the one accused (اتهامه الحكومة،
    واتهامه لها بتغذية الإرهاب) the pronoun accuses; otherwise, for a noun flagged ``accused``,
    it is the accused (بعد اتهامه بالفساد، تم اتهامه بالتجسس), and only an agent named after it
    accuses (من قبل X).
    (actors, recipients), or None when the noun has no such pronoun or its accuser is not
    named before it (وفي اتهامها للحكومة، قالت المعارضة…: the clause's subject)."""
    toks = ctx.doc.tokens
    if trig.pattern.type != "ACCUSE" or trig.pattern.pos != "N" or not (suffix := _possessive(ctx, trig)):
        return None
    accused = ctx.actor_at.get(trig.last) if trig.last < ceiling else None
    if accused is not None and preposition(ctx, accused) in (None, "ل"):
        accuser = named_before(ctx, trig, [accused], suffix)
        return (accuser, [accused]) if accuser else None
    if trig.last < ceiling and toks[trig.last].norm in TO_HIM:  # واتهامه لها: she is named before
        accuser = named_before(ctx, trig, [], suffix)
        return (accuser, named_before(ctx, trig, accuser, toks[trig.last].norm[1:])) \
            if accuser else None
    if "accused" not in trig.pattern.flags:
        return None  # انتقاداته، تنديدها: his own criticism
    ctx.things.add(trig.first)  # no speaker accuses in his stead
    agent = agent_after(ctx, trig.last, ceiling)
    return ([agent] if agent is not None else []), named_before(ctx, trig, [], suffix)


def named_before(ctx: Context, trig: Trigger, used: list, suffix: str) -> list[ActorPhrase]:
    """The antecedent of a pronoun suffix on or after a noun: «ه» the nearest person named,
    «ها» the nearest feminine phrase (الحكومة، المعارضة) or country, «هم» as ``antecedent``."""
    if suffix != "ها":
        return antecedent(ctx, trig, used, "single" if suffix == "ه" else "plural")
    text = ctx.doc.text
    for a in reversed(ctx.by_sent.get(ctx.doc.tokens[trig.first].sent, ())):
        if a.last <= trig.first and a not in used and (
                ctx.is_country(a) or not a.place and text[a.start:ctx.doc.tokens[a.first].end].endswith("ة")):
            return [a]
    return []


def find_arguments(ctx: Context, trig: Trigger, floor: int, ceiling: int, speaker=None):
    """(actors, recipients) of a trigger within a clause [floor, ceiling)."""
    p = trig.pattern
    actors: list[ActorPhrase] = []
    rcps: list[ActorPhrase] = []
    after = trig.last
    if "either" in p.flags:
        actors = between_actors(ctx, trig, ceiling)
        if actors:
            return actors, []
    if "pair" in p.flags or p.type in PAIRED and p.pos == "V":  # لقاء بين X و Y: X meets Y;
        # a verb form followed by بين is the bare noun (تعاون أوثق بين موسكو وأنقرة)
        sides = between_actors(ctx, trig, ceiling)
        sides = [x for a in coordinated(ctx, sides[0], ceiling) for x in each_side(a)] if sides else []
        if len(sides) > 1:
            return sides[:1], sides[1:]
    if "byagent" in p.flags:
        return by_agent(ctx, trig, floor, ceiling)
    if (accusation := possessive_accusation(ctx, trig, ceiling)) is not None:
        return accusation
    if "backing" in p.flags and (backing := backed_by(ctx, trig, floor)) is not None:
        return backing
    if "passive" in p.flags or voweled_passive(ctx, trig):
        return passive_arguments(ctx, trig, floor, ceiling)
    if "received" in p.flags:
        return received_arguments(ctx, trig, floor, ceiling)
    if "thing" in p.flags:  # انفجرت عبوة ناسفة زرعها مسلحون: a device, not an actor, is the subject
        a = agent_after(ctx, trig.last, ceiling, p.type in ARMED_TYPES)
        actors = coordinated(ctx, a, ceiling) if a is not None else []
    elif p.pos == "V":
        thing = False  # the subject names no party (هذه المبالغات دعت، يطالب الاتفاق)
        if trig.entry.first_person and speaker is not None:
            actors = [speaker]
        else:
            a = (ventured(ctx, trig, floor) or light_subject(ctx, trig, floor)
                 or fronted_subject(ctx, trig.first, floor) or kana_subject(ctx, trig.first, floor)
                 or modal_subject(ctx, trig.first, floor) or indefinite_head(ctx, trig, floor)
                 or relative_fronted(ctx, trig, floor))
            agent = _passive_agent(ctx, a, ceiling, reach=FRONTED_REACH, start=trig.last) \
                if a is not None and p.type in FORCE_ON else None
            if agent is not None:  # ثمانية من المقاتلين خطفوا على أيدي X: a passive
                rcps, actors = joined_before(ctx, a, floor), [agent]
                after, a = agent.last, None
            elif a is not None:
                actors = joined_before(ctx, a, floor)
                a = None
            elif fronted_thing(ctx, trig.first, floor) or _thing_relative(ctx, trig, floor, ceiling) \
                    or thing_head(ctx, trig, floor):
                thing = True
                ctx.things.add(trig.first)
            elif (k := thing_after(ctx, trig, ceiling)) is not None:
                thing, after = True, k
                ctx.things.add(trig.first)
            else:
                a = None if pronoun_subject(ctx, trig) or trig.entry.first_person and trig.entry.tense == "present" \
                    or _subject_relative(ctx, trig, floor) or fronted_noun(ctx, trig) \
                    else subject_after(ctx, trig.last, ceiling)  # (نناشد X: X is appealed to)
                if a is not None and (_disagrees(ctx, trig, a) or _oblique_plural(ctx, trig, a)):
                    a = None  # دعا الحكومة إلى: a feminine noun after a masculine verb is its object
                if a is not None and "obj" in p.rcp and (shared := shared_subject(ctx, trig, a, floor)) is not None:
                    rcps, a = coordinated(ctx, a, ceiling), shared  # (رحب X بـ… ووصف Y بأنه…)
                agent = _passive_agent(ctx, a, ceiling) if a is not None and p.type in FORCE_ON and not rcps else None
                if agent is not None and not trig.entry.rest:
                    rcps, a = [a], agent  # اعتقل خمسة أشخاص على يد قوات الأمن: a passive
                if a is None:
                    a = agent_after(ctx, trig.last, ceiling, p.type in ARMED_TYPES)
                    if a is not None:  # خطف ثمانية على أيدي X: the subject before is the patient
                        patient = subject_before(ctx, trig.first, floor)
                        rcps = joined_before(ctx, patient, floor) if patient else []
                        after_verb = subject_after(ctx, trig.last, a.first)
                        if not rcps and after_verb is not None:
                            rcps = [after_verb]  # قتل خمسة مدنيين في هجوم شنه مسلحون
            if a is not None and a.place and p.mode == "visit":
                rcps, after, a = coordinated(ctx, a, ceiling), a.last, None
            if a is not None:
                actors = coordinated(ctx, a, ceiling)
                after = actors[-1].last
            elif not actors and not thing and not _device_subject(ctx, trig) \
                    and venture_verb(ctx, trig, floor) is None:  # (شخص أقدم على قتل: someone unnamed)
                head = None if _carries_object(ctx, trig) else relative_head(ctx, trig.first, floor)
                unnamed = head is None and _unnamed_relative(ctx, trig, floor)
                a = near_antecedent(ctx, trig, floor) if unnamed else (
                     head or pronoun_statement_subject(ctx, trig)
                     or joined_pronoun_subject(ctx, trig, floor)
                     or joined_verb_subject(ctx, trig, floor)
                     or subject_before(ctx, trig.first, floor)
                     or coordinated_subject(ctx, trig, floor)
                     or (None if _passive_rest(ctx, trig)
                         else nearest_before(ctx, trig.first, adverbial_end(ctx, trig.first, floor)))
                     or previous_subject(ctx, trig.first))
                if a is not None and _relative_mismatch(ctx, trig, a):
                    a = None  # المقاتلين الذين دربتهم (a feminine doer): not لافروف named before
                if a is not None:
                    actors = joined_before(ctx, a, floor)
    elif p.pos == "A" and (main_subject(ctx, trig.first, floor) or speaker) is not None:
        actors = [main_subject(ctx, trig.first, floor) or speaker]  # قال X …، متهما Y
    elif p.pos == "A" and _circumstantial(ctx, trig):
        a = continued_subject(ctx, trig.first)  # وأضاف: …، مشيدا: the subject of the sentence before
        actors = [a] if a is not None else []  # (never a party named in the clause it follows)
    elif comment_noun(ctx.doc, trig) and (speaker or main_subject(ctx, trig.first, floor)) is not None:
        actors = [speaker or main_subject(ctx, trig.first, floor)]  # قال X …، في تهديد لـY
    else:
        g = ctx.actor_at.get(trig.last)
        if g is None and (k := after_style(ctx, trig.last)) > trig.last:
            g = ctx.actor_at.get(k)  # زيارة صاحب السمو الملكي الأمير X: the person visits
            g = g if g is not None and g.entity is not None else None
        if g is None:
            g = _shared_genitive(ctx, trig)  # بدعم واهتمام X: X's support and care
        if g is not None and p.type == "ASSAULT" and _attack_adjective(ctx, g):
            g, after = None, g.last  # اعتداء انتحاري قام به X: «suicide» describes the attack
        owned = False  # the phrase after a noun with a possessive pronoun is its object
        if "genobj" in p.flags and _possessive(ctx, trig):
            g = None  # دعمكم ونبيل مواقفكم: the pronoun is its owner, no genitive follows
        elif g is not None and p.gen == "actor" and not g.place and _possessive(ctx, trig):
            rcps = coordinated(ctx, g, ceiling)  # خلال لقائه السفير: the pronoun meets, the
            after, g = rcps[-1].last, None  # phrase after it (no genitive) is the one met
            actors, owned = pronoun_owner(ctx, trig, floor), True
        owner = False
        if g is None and p.gen == "recipient" and trig.last < ceiling - 1 and is_target(
                ctx.doc.tokens[trig.last]):  # مهاجمة ثكنة للجيش: the target's owner
            g, owner = ctx.actor_at.get(trig.last + 1), True
        if g is None and p.gen == "recipient" and trig.last < ceiling - 1 \
                and ctx.doc.tokens[trig.last].kind == "num":  # احتجاز 101 صياد
            g = ctx.actor_at.get(trig.last + 1)
        if g is None and p.gen == "recipient" and trig.last < ceiling - 2 and _partitive_of(ctx, trig.last):
            g = ctx.actor_at.get(trig.last + 2)  # اعتقال عدد من الصحفيين
        venue = False
        if g is not None and g.place and p.mode == "visit":
            rcps, after, g = coordinated(ctx, g, ceiling), g.last, None  # زيارة روما
        else:
            venue = g is not None and g.place and p.type == "CONSULT" and not ctx.is_country(g)
        if venue:
            g = None  # محادثات جنيف: a city after talks is their venue
        if g is None and p.type == "CONSULT" and p.gen == "actor":
            g = session_body(ctx, trig, ceiling)
            owner = g is not None
        free = g is not None and (owner or p.pos == "P" or preposition(ctx, g) is None
                                  or _attacker_after_li(ctx, trig, g))
        if free and p.gen in ("actor", "recipient"):
            group = coordinated(ctx, g, ceiling)
            if p.gen == "actor" and not _meeting_purpose(ctx, trig) and not (
                    "genobj" in p.flags and not _trigger_with_b(ctx, trig)
                    and not _supported(ctx, recipients(ctx, trig, group[-1].last, ceiling, group))):
                actors, after = group, group[-1].last
            elif (accused := _accused_after_agent(ctx, trig, group[-1])) is not None:
                actors, rcps, after = group, [accused], accused.last  # اتهام السلطات المسلحين بـ
            else:  # لدعم الحكومة في مواجهة المتمردين: with no ل after it, the genitive is supported
                rcps, after = group, group[-1].last
        elif trig.last in ctx.nisba:  # العقوبات الأمريكية، الغارات الروسية
            actors = [nisba_actor(ctx, trig.last, "MIL" if p.type in ARMED_TYPES else "GOV")]
            after = trig.last + 1
        if not actors and p.type == "CONSULT":
            actors, met = met_sides(ctx, trig, ceiling)
            if actors:
                rcps, after = met, (met or actors)[-1].last
        if not actors and _meeting_purpose(ctx, trig):
            a = clause_subject(ctx, trig.first, floor) or nearest_before(ctx, trig.first, floor)
            actors = coordinated(ctx, a, max(trig.first, a.last)) if a is not None else []
        if not actors and not owned:
            a = doer(ctx, trig, floor) or ventured(ctx, trig, floor) or permitted(ctx, trig) \
                or agent_after(ctx, after, ceiling, p.type in ARMED_TYPES) \
                or far_agent(ctx, trig)
            if a is not None:
                actors = coordinated(ctx, a, ceiling)
            elif "ownactor" in p.flags or venue:
                a = None  # «لكي تؤدي محادثات جنيف لنتائج»: named talks, no party of their own
            elif p.gen == "actor" and _titled_genitive(ctx, trig):
                a = None  # زيارة أمين المدينة: an official not made out acts, not one named far
            elif object_of_event(ctx, trig.first, floor):
                a = ctx.actor_ending.get(trig.first)  # اتهم X الفيلق بتسليح…: the accused acts
                if a is not None and a.first >= floor and not a.place and (
                        _prep_attached(ctx, trig) or _denied_own_act(ctx, trig, a, floor)):
                    actors = [a]
            elif p.type == "CONSULT" and _heard_of(ctx, trig):
                a = None  # كشفت مصادر عن مشاورات، أكد الوزير أهمية الزيارة: no party of it
            elif p.type == "ASSAULT" and _announced(ctx, trig, floor):
                a = None  # أعلنت وزارة الداخلية انفجار عبوة: who tells of an attack did not make it
            elif venture_verb(ctx, trig, floor) is not None:
                a = None  # شخص أقدم على اختطاف طفل: the one who ventured, not the clause subject
            elif p.type in FORCE_ON and trig.first and has_word(ctx.doc.tokens[trig.first - 1], "CASE"):
                a = None  # حادث التفجير، أزمة احتجاز الصيادين: an incident, not the subject's act
            elif p.type == "ASSAULT" and _told_by_relative(ctx, trig):
                a = None  # (نتيجة) التفجير الذي استهدف مسجد X: its clause tells it, no actor before
            else:
                a = (fronted_adverbial(ctx, trig) and main_subject_after(ctx, trig, ceiling)
                     or clause_subject(ctx, trig.first, floor)
                     or nearest_before(ctx, trig.first, floor)
                     or main_subject_after(ctx, trig, ceiling)
                     or previous_subject(ctx, trig.first))
                if a is not None and p.type == "CONSULT" and teller(ctx, a):
                    a = None
                if a is not None and p.type == "ASSAULT" and not _may_attack(ctx, trig, a):
                    a = None  # أدان الأزهر الهجوم، تلاحق الأجهزة الأمنية منفذي الهجوم
                if a is not None:
                    actors = coordinated(ctx, a, max(trig.first, a.last))
    if "rcpbefore" in p.flags:  # تدخلت المملكة بطلب من الرئيس: the one asked acted before
        a = clause_subject(ctx, trig.first, floor) or nearest_before(ctx, trig.first, floor)
        rcps = joined_before(ctx, a, floor) if a is not None and a not in actors else []
    head = _relative_object(ctx, trig) if not rcps and _carries_object(ctx, trig) else None
    if head is not None and head in actors and ctx.doc.tokens[trig.first - 1].norm in RELATIVES:
        actors = [a for a in actors if a is not head]  # الفصائل التي تتهمها: the head is the object
    if head is not None and head not in actors and not head.place:
        rcps = [head]  # مقاتلين دربتهم واشنطن، القوات التي دربتها: the noun the clause describes
    kind = not rcps and (p.rcp or p.gen == "recipient") and pronoun_object(ctx, trig, after, p)
    if kind:  # هاجمهم، وجه له الدعوة: the pronoun fills the slot before any phrase after it
        rcps = antecedent(ctx, trig, actors, kind)
    if not rcps and p.type == "REJECT":
        rcps = proposer(ctx, after, ceiling, actors)
    if not rcps and p.type in ARMED_TYPES:
        rcps = held_by(ctx, after, ceiling, actors)
    if not rcps:
        rcps = recipients(ctx, trig, after, ceiling, actors)
    if not rcps and p.rcp and p.type != "MOBILIZE":  # حشد الجيش قوات: the forces moved
        rcps = object_in_clause(ctx, trig, after, ceiling, actors)
    if not rcps and p.pos == "V" and "obj" in p.rcp and actors:
        rcps = object_after_place(ctx, trig, after, ceiling, actors)
    if not rcps and p.type in STANCE_TYPES and p.pos == "V":
        rcps = object_nisba(ctx, after, ceiling)
    if not rcps and p.type == "ASSAULT" and p.pos == "V":
        rcps = target_nisba(ctx, trig, after, ceiling)
    if not rcps and p.pos == "V" and (p.mode in PEOPLE_MODES or p.type == "SANCTION"):
        rcps = people_object(ctx, trig, after, ceiling)
    if not rcps and p.pos == "N" and p.mode in PERSONAL and _counted(ctx, after, ceiling):
        rcps = people_object(ctx, trig, after, ceiling)  # ترحيل ألف إيراني، اعتقال 12 فلسطينيا
    if not actors and p.type in SYMMETRIC:
        actors = partner(ctx, trig, ceiling)  # منذ التوصل لاتفاق نووي معها: she agreed too
        if not actors and rcps and preposition(ctx, rcps[0]) == "مع":
            actors, rcps = rcps, []  # تم الاتفاق مع الأردن: the party named agreed
    if p.type == "CONSULT" and not rcps and len(actors) == 1 and len(actors[0].sides) == 2:
        actors, rcps = each_side(actors[0])[:1], each_side(actors[0])[1:]  # بحث الوزيران الأردني
        # والعراقي: one meets the other
    actors = [_whole(ctx, a) for a in actors]
    rcps = [_whole(ctx, a) for a in rcps]
    if "either" in p.flags and actors and rcps and preposition(ctx, rcps[0]) == "مع" \
            and not _same_party(ctx, actors, rcps):
        return actors + rcps, rcps + actors  # تبادل إطلاق النار مع الشرطة: each fires on the other
    if p.type == "CONSULT":  # اجتماع بجدة، التقاه في مقر إقامته بالرياض: a place after ب is the venue
        rcps = [r for r in rcps if not (r.place and preposition(ctx, r) == "ب")]
    if not rcps:
        return actors, []
    named = {a.entity for a in actors if a.entity} | {(ctx.doc.text[a.start:a.end], a.country)
                                                      for a in actors}
    return actors, [r for r in rcps if r.entity not in named
                    and (ctx.doc.text[r.start:r.end], r.country) not in named]


def _same_party(ctx: Context, xs: list, ys: list) -> bool:
    text = ctx.doc.text
    return any(x.entity and x.entity == y.entity or text[x.start:x.end] == text[y.start:y.end]
               for x in xs for y in ys)


def partner(ctx: Context, trig: Trigger, ceiling: int) -> list[ActorPhrase]:
    """«اتفاق معها»، «محادثات معهم»: the party named by the pronoun after مع (the nearest named
    country or body before, not a place after a preposition)."""
    toks = ctx.doc.tokens
    if trig.pattern.pos == "V" or not any(toks[j].norm.removeprefix("و") in WITH_PRONOUNS
                                          for j in range(trig.last, min(trig.last + 4, ceiling))):
        return []
    for a in reversed(ctx.by_sent.get(toks[trig.first].sent, ())):
        if a.last <= trig.first and ctx.entity_type.get(a.entity) in ("GPE", "ORG") \
                and preposition(ctx, a) is None:
            return [a]
    return []


def received_arguments(ctx: Context, trig: Trigger, floor: int, ceiling: int) -> tuple[list, list]:
    """«تلقى ولي العهد اتصالا هاتفيا من رئيس الوزراء البريطاني»: the caller after من acts; the
    subject (after the verb, or before it) receives."""
    subject = (subject_after(ctx, after_style(ctx, trig.last), ceiling)
               or fronted_subject(ctx, trig.first, floor) or kana_subject(ctx, trig.first, floor)
               or clause_subject(ctx, trig.first, floor))
    toks = ctx.doc.tokens
    start = max(trig.last, subject.last if subject is not None else 0)
    for j in range(start, min(start + WINDOW, ceiling - 1)):
        caller = ctx.actor_at.get(after_style(ctx, j + 1)) if toks[j].norm == "من" else None
        if caller is not None:  # (a call from one's father or a private person is no event)
            if caller.sector not in AGENT_SECTORS and caller.sector not in ("LEG", "JUD"):
                return [], []
            return coordinated(ctx, caller, ceiling), ([subject] if subject is not None else [])
    return [], []


def passive_arguments(ctx: Context, trig: Trigger, floor: int, ceiling: int) -> tuple[list, list]:
    """«اغتيل القيادي في حركة فتح على يد مسلحين»، «أحمد قاديروف الذي اغتيل»: the phrase after a
    passive verb (or the antecedent of الذي before it) is its patient; only «على يد / من قبل»
    names the agent."""
    a = subject_after(ctx, trig.last, ceiling) or relative_head(ctx, trig.first, floor)
    if a is None and "passive" not in trig.pattern.flags:  # إن الجنود قُتلوا في هجوم نفذه X
        a = fronted_subject(ctx, trig.first, floor)
        agent = _passive_agent(ctx, a, ceiling, reach=3, start=trig.last) if a is not None else None
        agent = agent or agent_after(ctx, trig.last, ceiling, trig.pattern.type in ARMED_TYPES)
        return ([agent] if agent is not None else []), joined_before(ctx, a, floor) if a is not None else []
    if a is None:
        return [], []
    agent = _passive_agent(ctx, a, ceiling, reach=3)  # (مسؤول محلي على يد: past an adjective)
    return ([agent] if agent is not None else []), coordinated(ctx, a, ceiling)


def voweled_passive(ctx: Context, trig: Trigger) -> bool:
    """A verb written with the vowels of the passive: a damma inside the past stem (طُرد، قُتلوا،
    اعتُقل، أُبرمت; not «قتلتُ»), or a damma on the present prefix with a fatha after it and no
    kasra (يُعتقَل; not the active «يُقدِم»)."""
    if trig.pattern.pos != "V":
        return False
    word = ctx.doc.text[trig.start:ctx.doc.tokens[trig.first].end]
    k = word.find(DAMMA)
    if k < 0:
        return False
    letters = [c for c in word if not "\u064b" <= c <= "\u0652"]
    before = sum(1 for c in word[:k] if not "\u064b" <= c <= "\u0652")
    if trig.entry.tense == "past":
        return before <= 3 and len(letters) - before >= 2
    return trig.entry.tense == "present" and before == 1 and FATHA in word[k:] and KASRA not in word


def _passive_agent(ctx: Context, a: ActorPhrase, ceiling: int, reach: int = 1,
                   start: int | None = None) -> ActorPhrase | None:
    """«اعتقل خمسة أشخاص على يد قوات الأمن»: «على يد / من قبل» right after the phrase after the
    verb (or within ``reach`` words of its end; of ``start``, the verb's end, for a subject before
    it) names the agent; the verb is a passive and that phrase is its patient."""
    toks = ctx.doc.tokens
    start = a.last if start is None else start
    for j in range(start, min(start + reach, ceiling - 2)):
        if (toks[j].norm, toks[j + 1].norm) in FAR_PAIRS:
            agent = ctx.actor_at.get(j + 2)
            return agent if agent is not None and agent is not a else None
    return None


def _meeting_purpose(ctx: Context, trig: Trigger) -> bool:
    """«توجه كيري إلى الدوحة للقاء وزراء الخارجية»: a meeting noun with لـ is the purpose of the
    clause's subject, who meets the party named after it."""
    return trig.pattern.type == "CONSULT" and trig.pattern.mode is None and _prep_attached(ctx, trig) \
        and normalize(ctx.doc.text[ctx.doc.tokens[trig.first].start:trig.start]).endswith("ل")


def _attacker_after_li(ctx: Context, trig: Trigger, g: ActorPhrase) -> bool:
    """«غارات للتحالف، هجوم لمسلحين»: after an indefinite attack noun, لـ names the attacker."""
    return (trig.pattern.type == "ASSAULT" and trig.pattern.gen == "actor" and not g.place
            and preposition(ctx, g) == "ل" and not ctx.doc.tokens[trig.last - 1].norm.startswith(("ال", "وال")))


def _prep_attached(ctx: Context, trig: Trigger) -> bool:
    """«بتسليح»، «لمهاجمة»: the noun carries the preposition of the act an accusation names."""
    tok = ctx.doc.tokens[trig.first]
    prefix = normalize(ctx.doc.text[tok.start:trig.start])
    return prefix[-1:] in ("ب", "ل") and not prefix.startswith(("و", "ف"))


def _whole(ctx: Context, a: ActorPhrase) -> ActorPhrase:
    """«عناصر من حزب العمال»: a bare part-of word before من stands for the group named after."""
    toks = ctx.doc.tokens
    if a.entity is None and a.last - a.first == 1 and toks[a.first].norm in PART_WORDS \
            and a.last + 1 < len(toks) and toks[a.last].norm == "من":
        return ctx.actor_at.get(a.last + 1) or a
    return a


def object_nisba(ctx: Context, after: int, ceiling: int) -> list[ActorPhrase]:
    """«انتقد السياسة الأمريكية»، «ندد بالاعتداءات الإسرائيلية»: the country of a nisba adjective
    on the object noun right after a stance verb (or its subject) is the recipient."""
    return [nisba_actor(ctx, after + 1)] if _noun_nisba(ctx, after, ceiling) else []


def _attack_adjective(ctx: Context, g: ActorPhrase) -> bool:
    """An unnamed one-word phrase that describes the manner of an attack noun before it (انتحاري)."""
    return g.entity is None and g.last - g.first == 1 and has_word(ctx.doc.tokens[g.first], "MANNER")


def _noun_nisba(ctx: Context, k: int, ceiling: int) -> bool:
    """Token k is a plain noun (no actor, no nisba itself) with a nisba adjective after it."""
    return k + 1 < ceiling and ctx.doc.tokens[k].kind == "word" and k not in ctx.nisba \
        and k + 1 in ctx.nisba and k not in ctx.actor_at


def nisba_actor(ctx: Context, i: int, sector: str = "GOV") -> ActorPhrase:
    tok = ctx.doc.tokens[i]
    return ActorPhrase(i, i + 1, tok.start, tok.end, None, ctx.nisba[i], sector)


def people_object(ctx: Context, trig: Trigger, after: int, ceiling: int) -> list[ActorPhrase]:
    """«اعتقلت الشرطة 12 فلسطينيا»، «قتل الجيش شابا فلسطينيا»، «خطف مسلحون مهندسين أتراك»،
    «طرد دبلوماسيين روسيين»: people named by a nisba (after a count, a noun or both) as the
    verb's object are the recipient: that country's civilians, or the noun's sector."""
    toks = ctx.doc.tokens
    first = j = after + (after < ceiling and toks[after].norm in trig.pattern.rcp)  # أفرجت عن
    if j < ceiling and (toks[j].kind == "num" or toks[j].norm in COUNTS):
        j += 1
    noun = None
    if j < ceiling and j not in ctx.nisba and toks[j].kind == "word" and j not in ctx.actor_at \
            and toks[j].norm not in PREPOSITIONS and not definite(ctx.doc.text, toks[j]):
        noun, j = j, j + 1
    if j >= ceiling or j not in ctx.nisba \
            or definite(ctx.doc.text, toks[j]) \
            or j == first and not definite(ctx.doc.text, toks[first - 1]) \
            and not _other_case(toks[first - 1].norm, toks[j].norm):
        return []
    sector = next((m.entry.sector for m in ctx.heads.get(noun, ()) if m.entry.kind == "head"),
                  None) if noun is not None else None
    default = "GOV" if trig.pattern.type == "SANCTION" else "CVL"  # طرد دبلوماسيين روسيين
    return [ActorPhrase(first, j + 1, toks[first].start, toks[j].end, None, ctx.nisba[j],
                        sector or default)]


def _counted(ctx: Context, j: int, ceiling: int) -> bool:
    toks = ctx.doc.tokens
    return j < ceiling and (toks[j].kind == "num" or toks[j].norm in COUNTS or toks[j].norm in HUNDREDS)


def _other_case(before: str, nisba: str) -> bool:
    """«مستوطنون فلسطينيا»: a nominative plural and an accusative nisba do not agree, so the
    nisba is no adjective of the word before it but a noun of its own (the object)."""
    return before.endswith("ون") and nisba.endswith(("ا", "ين"))


def target_nisba(ctx: Context, trig: Trigger, after: int, ceiling: int) -> list[ActorPhrase]:
    """«قصفت مواقع سورية»، «أطلقت صواريخ على مستوطنات إسرائيلية»: an attacked noun with a
    nisba, as the object or after the pattern's preposition, gives the recipient's country
    (its forces for a military target, else its civilians)."""
    toks, rcp = ctx.doc.tokens, trig.pattern.rcp
    for j in range(after, min(after + OBJECT_GAP, ceiling - 1)):
        if j == after and "obj" in rcp:
            k = j
        elif toks[j].norm in rcp:
            k = j + 1
        else:
            continue
        if _noun_nisba(ctx, k, ceiling):
            sector = "MIL" if is_target(toks[k]) else "CVL"
            return [ActorPhrase(k, k + 2, toks[k].start, toks[k + 1].end, None, ctx.nisba[k + 1],
                                sector)]
        if k > j:
            return []
    return []
