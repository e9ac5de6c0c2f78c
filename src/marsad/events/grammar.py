"""Small grammar shared by the argument finders: verb agreement, the preposition before a phrase,
coordination with و, pronoun suffixes and the subject right after a verb."""
from __future__ import annotations

from functools import cache, lru_cache

from ..text.normalize import normalize
from ..text.segment import definite
from .actors import ActorPhrase
from .context import PRESS_NOUNS, RELATIVES, Context
from .inflect import OBJECT_SUFFIXES
from .triggers import STYLE_TAILS, STYLES, Trigger
from .where import locative_place

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
DID_VERBS = frozenset({"قام", "قامت", "يقوم", "تقوم", "قاموا", "يقومون", "سيقوم", "ستقوم", "سيقومون"})
DID_IT = frozenset((v, o) for v in DID_VERBS for o in ("به", "بها"))  # زيارة قام بها X لموسكو: X visits
TOOK_PART = frozenset((v, o) for v in ("شارك", "شاركت", "شاركوا", "يشارك", "تشارك", "يشاركون")
                      for o in ("فيه", "فيها"))  # هجوما شاركت فيه قوات النخبة: the attackers
AGENT_PAIRS = frozenset({("من", "قبل"), ("علي", "يد"), ("علي", "ايدي"), ("من", "جانب"),
                         ("علي", "يدي")}) | DID_IT | TOOK_PART  # normalized: على → علي
FAR_PAIRS = frozenset({("من", "قبل"), ("علي", "يد"), ("علي", "ايدي"), ("علي", "يدي")})
AGENT_SINGLE = frozenset({"بايدي", "بيد"})
MA_RELATIVES = frozenset({"ما", "بما", "مما", "لما", "عما", "فيما"})  # (أشاد بما حققته القوات)
APPEALED = frozenset({normalize("المجتمع الدولي")})  # after دعا/طالب: its object
AGENT_SECTORS = frozenset({"MIL", "COP", "REB", "UAF", "GOV", "OPP", "CRM", "SPY"})
RESUMPTIVE = frozenset(p + s for p in ("في", "علي", "ب", "من", "ل", "الي", "عن") for s in ("ه", "ها"))
FORCE_ON = frozenset({"ASSAULT", "COERCE"})  # acts done to people: a passive names its patient
NEGATIONS = frozenset({"لم", "لن", "لا", "قد"})
KANA = frozenset({"كان", "كانت", "كانوا", "يكون", "تكون"})
PARTITIVES = frozenset({"عدد", "بعض", "جميع", "احد", "اثنين", "اثنان", "عشرات", "مئات", "الاف",
                        "مجموعه", "كثير", "الكثير", "عناصر", "اعضاء", "قاده", "كبار", "ممثلي",
                        "معظم", "غالبيه", "اغلب", "عددا", "كل"}  # كل من X و Y
                       | {normalize(w) for w in "ثلاثة أربعة خمسة ستة سبعة ثمانية تسعة عشرة عشر "
                          "عشرين عشرون ثلاثين ثلاثون أربعين أربعون خمسين خمسون".split()})
# (ثمانية من المقاتلين خطفوا: a number word heads the subject too)
TEENS = frozenset({"عشر", "عشره"})
TOWARD = frozenset({"تجاه", "حيال", "ازاء", "ضد"})  # a recipient for every pattern
WINDOW = 12
PERSONAL = frozenset({"arrest", "detain", "deport"})  # modes whose recipient is a person
COUNTS = NUMBER_WORDS | {"ثلاثه", "اربعه", "خمسه", "سته", "سبعه", "ثمانيه", "تسعه", "عشره", "عشرات",
                         "مئات", "الاف", "اثنان", "اثنين"}
SUFFIX_KINDS = (("هما", "plural"), ("هم", "plural"), ("ها", None), ("ه", "single"))  # ها: mostly a
# thing (the plan, the agreement); ه on a verb: a person named before (استقبله)
PRONOUN_SUFFIXES = tuple(suffix for suffix, _ in SUFFIX_KINDS)
UNKNOWN = object()  # not looked up yet (None is an answer)
# the subject a relative pronoun or a pronoun after أن stands for: هو، هي (or a non-human
# plural), هم
RELATIVE_AGREES = {"الذي": "m", "التي": "f", "الذين": "p"}
EXPRESSED_REACH = 12  # words from the subject of a sentence-opening عبر to its «عن»
PAST_AGREES = {"": "m", "ت": "f", "وا": "p", "و": "p"}
PRESENT_AGREES = {("ي", ""): "m", ("ت", ""): "f", ("ي", "ون"): "p", ("ي", "وا"): "p", ("ي", "و"): "p"}
RELATIVE_SPAN = 12  # words from a subject's relative pronoun to its verb


@cache
def normalized_lemma(lemma: str) -> str:
    return normalize(lemma)


def agreement(ctx: Context, trig: Trigger) -> str | None:
    """The subject a verb form agrees with: "m" (قصف، يقصف), "f" (قصفت، تقصف: also a non-human
    plural), "p" (قصفوا، يقصفون); None for other persons, duals or a form not told apart."""
    return verb_form(ctx, trig)[0]


def verb_form(ctx: Context, trig: Trigger) -> tuple[str | None, str]:
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
        if word == "من" and a.first > 1 and partitive(doc, a.first - 2):
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


def partitive(doc, k: int) -> bool:
    tok = doc.tokens[k]
    if tok.norm in SIZE_WORDS and k:
        tok = doc.tokens[k - 1]  # عددا كبيرا من المعارضين
    if tok.norm in TEENS and k and definite(doc.text, doc.tokens[k - 1]):
        return False  # المادة الثالثة عشرة من نظام: an ordinal
    return tok.norm in PARTITIVES or tok.kind == "num" or (
        tok.norm[:1] in "وف" and tok.norm[1:] in PARTITIVES)


def has_wa(tok, a: ActorPhrase) -> bool:
    """The phrase's first word carries the conjunction و (والأردن)."""
    return tok.norm.startswith("و") and a.start > tok.start


def coordinated(ctx: Context, a: ActorPhrase, limit: int) -> list[ActorPhrase]:
    """An actor phrase and those joined to it by و (روسيا وتركيا)."""
    out = [a]
    toks = ctx.doc.tokens
    while a.last < limit:
        nxt = ctx.actor_at.get(a.last)
        if nxt is not None and has_wa(toks[nxt.first], nxt):
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
        if prev is None or prev.first < floor or not has_wa(tok, first):
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


def skippable(ctx: Context, i: int) -> bool:
    tok = ctx.doc.tokens[i]
    return i in ctx.tokens_in_times or tok.norm in SKIP_WORDS or tok.kind == "num" or i in ctx.inner_quotes


def subject_after(ctx: Context, i: int, limit: int) -> ActorPhrase | None:
    for j in range(i, min(i + 4, limit)):
        a = ctx.actor_at.get(j)
        if a is not None:
            return a if preposition(ctx, a) is None else None
        if not skippable(ctx, j):
            return None
    return None


TA_PLURALS = frozenset(normalize(w) for w in "قراصنة القراصنة قضاة القضاة طلبة الطلبة جناة الجناة غزاة "
                       "الغزاة رماة بحارة البحارة دعاة الدعاة".split())  # men, though written with ة


ADDRESSED = frozenset({"REQUEST", "ACCUSE"})  # verbs whose object is a party (دعا، اتهم)
FEMININE_PLURALS = frozenset(normalize(w) for w in "القوى قوى الدول دول".split())  # (not humans)


def disagrees(ctx: Context, trig: Trigger, a: ActorPhrase) -> bool:
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


def located(ctx: Context, a: ActorPhrase) -> bool:
    """«في قرية حدنان، بمدينة سوسة، بتعز»: a place after في/ب (or a place noun after them) is
    where something happens, never its actor or its target."""
    return a.place and (preposition(ctx, a) in ("في", "ب") or locative_place(ctx.doc, a.first))


def pronoun_suffix(word: str) -> tuple[str, str | None]:
    """The pronoun suffix a word ends with and its kind (see SUFFIX_KINDS), else ("", None)."""
    if word.endswith(PRONOUN_SUFFIXES):
        for suffix, kind in SUFFIX_KINDS:
            if word.endswith(suffix):
                return suffix, kind
    return "", None


def lemma_forms(p) -> list[str]:
    forms = normalized_lemma(p.lemma).split("/")
    return forms[:1] if p.pos == "P" else forms  # تم أسر/تم أسرهم: the first is the bare phrase


def noun_like(ctx: Context, trig: Trigger) -> bool:
    """عن شكره، لمنعه: a verb form with a preposition (attached or before it) is a noun."""
    toks = ctx.doc.tokens
    tok = toks[trig.first]
    return trig.start != tok.start and normalize(
        ctx.doc.text[tok.start:trig.start]).lstrip("وف") != "" or (
        trig.first > 0 and toks[trig.first - 1].norm in PREPOSITIONS)


def carries_object(ctx: Context, trig: Trigger) -> bool:
    """The verb itself ends with an object pronoun (دربتهم، سلحتها)."""
    p = trig.pattern
    return p.pos == "V" and "obj" in p.rcp and suffixed(ctx, trig) and not noun_like(ctx, trig)


def suffixed(ctx: Context, trig: Trigger) -> bool:
    p = trig.pattern
    word = ctx.doc.text[ctx.doc.tokens[trig.last - 1].start:trig.end]
    suffix, _ = pronoun_suffix(word)
    if not suffix:
        return False
    stem = normalize(word[:-len(suffix)])  # (اتهم/يتهم ends like a suffix: تتهمهم has one)
    ending = [form for form in lemma_forms(p) if form.endswith(suffix)]
    return (not ending or any(form[-2:] in stem[-4:] for form in ending)) \
        and not stem.endswith("و")  # الذين استقبلوه: the head is the subject


def trigger_with_b(ctx: Context, trig: Trigger) -> bool:
    """بدعم X، بمساندة X: "with the backing of X", X backs."""
    tok = ctx.doc.tokens[trig.first]
    return normalize(ctx.doc.text[tok.start:trig.start]).lstrip("و") == "ب"


def possessive(ctx: Context, trig: Trigger) -> str:
    """The possessive pronoun suffix a trigger ends with (not one its lemma ends with), else ""."""
    suffix, _ = pronoun_suffix(ctx.doc.text[ctx.doc.tokens[trig.last - 1].start:trig.end])
    return suffix if suffix and not any(form.endswith(suffix) for form in lemma_forms(trig.pattern)) else ""


def relative_object(ctx: Context, trig: Trigger) -> ActorPhrase | None:
    """The phrase a relative clause describes, right before its verb or before الذي/التي (past
    a comma or an adjective: عدنان عبد الرزاق، الذي قتله؛ أبو خالد السوري الذي اغتاله)."""
    j = trig.first
    if j > 0 and ctx.doc.tokens[j - 1].norm in RELATIVES:
        return ctx.actor_ending.get(j - 1) or ctx.actor_ending.get(j - 2)
    return ctx.actor_ending.get(j)


def construct_blocked(ctx: Context, j: int) -> bool:
    """The word cannot head a construct: it has the article or a pronoun suffix."""
    tok = ctx.doc.tokens[j]
    word = tok.norm.removeprefix("و")
    return definite(ctx.doc.text, tok) or word.endswith(PRONOUN_SUFFIXES) and len(word) > 4 \
        and not word.endswith("ه")
