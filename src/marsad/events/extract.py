"""Events of one document: triggers → arguments, status, date, place → record.Event list."""
from __future__ import annotations

import re
from functools import cache

from ..document import Document
from ..record import Actor, Event, Offsets
from ..record import Trigger as TriggerOut
from ..text.normalize import normalize, nunated
from ..text.segment import definite
from .actors import LEXICON as ACTOR_WORDS
from .actors import COUNT_HEADS, ActorPhrase
from .agents import AGENT_VERBS, doer, joined_noun, ventured
from .arguments import PEOPLE_MODES, find_arguments
from .cameo import goldstein, quad_class
from .context import RELATIVES, Context, SentenceLists
from .dedupe import dedupe
from .evidence import ARMED, CIVIL, evidence_words, has_evidence, has_word
from .grammar import COUNTS, FORCE_ON, SKIP_WORDS, agreement, normalized_lemma, possessive
from .objects import FRIENDLY, teller
from .patterns import past_head
from .reported import quote_at, reported, sentence_quote, speaker_phrase
from .subjects import ADVERBIAL_STARTS, PRONOUN_AGREES, clause_subject, comment_noun
from .status import LEXICON as CUES
from .status import is_future, status_of
from .triggers import B_THAT, BLOCKERS, Trigger, find_triggers, noun_prefix
from .triggers import LEXICON as TRIGGERS
from .when import event_date, news_date, topic_shift
from .where import ON_THE_GROUND, fill_places, location, main_country, place_country

EVENT_LEXICONS = frozenset({TRIGGERS, BLOCKERS, CUES, ACTOR_WORDS})
VICTIMS = frozenset({"CVL", "JRN", "REF", "EDU", "MED"})
LOCAL_SECTORS = frozenset({"CVL", "REB", "MIL", "COP", "GOV", "LEG", "JUD", "LAB", "EDU", "MED",
                           "JRN", "BUS", "OPP", "REF"})
SLUR_SPAN = 12  # words after a verb of describing where the slur must be
VERBAL = (1, 3)  # quad classes of speech acts: a statement's speaker is their actor
FORCE_TYPES = frozenset({"ASSAULT", "MOBILIZE"})
SECURITY = frozenset({"MIL", "COP", "SPY", "JUD"})
FORCES = frozenset({"MIL", "COP", "SPY"})  # need=forces
ACTORLESS_OK = frozenset({"ASSAULT", "PROTEST"})
ANY = frozenset({"اي", "أي"})
SOME = frozenset({"عدد", "بعض", "العديد", "عددا"})
THEM = frozenset({"منهم", "منهن"})
SOME_OF_THEM = frozenset({"بعضهم", "بعضهن", "معظمهم", "اغلبهم", "أغلبهم"})
AVERT_LINKS = frozenset({"من", "دون"})  # خوفا من اندلاع، الحيلولة دون نشوب
ANTICIPATION_REACH = 6  # words from تحسبا to the act prepared for (تحسبا لقيام الجماعات بمهاجمة)
DESCRIBED_ADJECTIVES = 2  # adjectives between an event noun and الذي/التي (التفجير الإرهابي الذي)
CONTENT_FRAMES = frozenset({"THREATEN", "REQUEST"})  # the act they name has not (yet) happened
RELATIVE_NEEDS = {"imposed": "IMPOSED", "agreed": "AGREED"}  # need → the evidence list of the head
TO = frozenset({"الي", "لل"})
SHORT_MASDARS = frozenset({"شن"})  # verbal nouns of two letters (بشن هجمات)
TO_ACT = TO | {"ب" + w for w in SHORT_MASDARS}  # words an act named as content follows
FRAME_WINDOW = 8
COMPLEMENTIZER_B = B_THAT | {"بين"}  # not an act named with ب
UNSAID_WINDOW = 10
PRAYER_WINDOW = 6  # words after دعا where a blessing (بالرحمة) shows a prayer
CLAIM_WORD = "مسؤوليت"  # مسؤوليته، مسؤوليتها، مسؤوليتهم (normalized)
YEAR = re.compile(r"(?:1[34]|19|20)\d\d")  # a Hijri or Gregorian year, not a count
EXCHANGE = frozenset({"لقاء", "مقابل"})
SPEAKER_PRONOUNS = PRONOUN_AGREES | {w: "m" for w in ("انه", "بانه", "وانه")}  # قال إنه يرفض
FIRST_SUFFIXES = ("نا", "ي")  # زيارتنا، ترحيبي
THAT = frozenset({"ان", "بان"})
PARTICLES = frozenset({"لن", "لا", "لم", "قد", "سوف"})
MANNER_PARTICIPLES = frozenset({"مبديا", "معربا", "مقدما", "مجددا", "عن"})  # مبديا شكره، معربا عن شكره
HELP = frozenset({"AID", "COOPERATE"})
PERIODIC = frozenset({"الدوري", "الدوريه", "دوري", "دوريه"})
MEETING_STEMS = ("اجتماع", "الاجتماع", "جلس", "الجلس", "لقاء", "اللقاء", "اللقاءات", "لقاءات", "زيار",
                 "الزيار", "شكل", "صوره", "صفه", "رئيس", "الرئيس", "رئاس", "الرئاس")
# (الاجتماع الدوري، زيارات دورية، بشكل دوري، الرئيس الدوري لمجلس حقوق الإنسان)
DEMONSTRATIVES = frozenset(normalize(w) for w in "هذه هذا ذلك تلك هذين هاتين".split())
PROMISE_REACH = 14  # words from وعد to what is promised (بـ or أن and a verb)
B_PRONOUNS = frozenset({"به", "بها", "بهم", "بهما"})  # ما وعد به
THAT_NOT = frozenset({"ان", "الا", "بالا"})  # وعد ألا يبني، وعد أن يعمل
NOT_PROMISED = frozenset(normalize(w) for w in "بعد بيان بشأن بسبب بعض بلاده بلادها بدوره بدورها بالنسبة "
                         "بحسب بحضور بمناسبة بالإضافة بصفته بصفتها بكثير".split())
NEED_BREAKS = THAT | frozenset(normalize(w) for w in "بعد قبل عقب إثر اثر خلال منذ حيث".split())
NEED_REACH = 7  # words from a NEED word (ضرورة، يجب على المجتمع الدولي) to the act it calls for
QUESTION_WORDS = frozenset(normalize(w) for w in "هل لماذا كيف متى أين ماذا".split())  # not أ-, لم، ما، من
WHY_WHEN = QUESTION_WORDS - {"هل"}  # questions about a happening (لماذا قتل، متى قصفت) take it as given
LEVEL_REACH = 6  # words from وصل to إلى and the level reached
QUESTION_REACH = 25  # words from the question word to the trigger
QUESTION_END = re.compile(r"[.!:؟?\n]")
ORDINALS = frozenset(normalize(w) for w in "الأولى الثانية الثالثة الأول الثاني الثالث أولا ثانيا ثالثا".split())
INTERVIEW_WORDS = frozenset(normalize(w) for w in (  # between a call or meeting and the press
    "مع معه معها معهم ل لـ أجرته أجراه أجرتها أجراها خاص خاصا هاتفي هاتفيا صحيفة جريدة قناة"
    " وكالة مجلة موقع إذاعة").split())
INTERVIEW_GAP = 5
PRIVATE = frozenset({"CVL", "BUS", "EDU", "MED", "JRN"})  # no political party to a cooperative act
INTERNATIONAL = frozenset({"UNO", "IGO"})  # منظمة الصحة العالمية: a world body is no private party
EXPOSED = frozenset(normalize(w) for w in "تعرض تعرضت تعرضوا تعرضا تعرضتا يتعرض تتعرض يتعرضون "
                    "يتعرضان تتعرضان تعرضه تعرضها تعرضهم تعرضهما".split())
ESCAPED = frozenset(normalize(w) for w in "نجا نجت نجوا نجيا ينجو تنجو ينجون نجاة".split())
ATTEMPT_WORDS = frozenset(normalize(w) for w in "محاولة محاولتي محاولات".split())
CASUALTY_VERBS = frozenset(normalize(w) for w in "قتل قتلت قتلوا قتلا استشهد استشهدت استشهدوا استشهدا "
                           "أصيب أصيبت أصيبوا أصيبا جرح جرحت جرحوا لقي لقيت لقوا لقيا".split())
CASUALTY_NOUNS = frozenset(normalize(w) for w in "مقتل استشهاد مصرع إصابة اصابة".split())  # مقتل 7 جنود في هجوم
HIT_IN = frozenset(normalize(w) for w in "في جراء إثر اثر عقب خلال".split())
RESULT_VERBS = frozenset(normalize(w) for w in "أدى ادى أدت ادت أسفر اسفر أسفرت اسفرت نتج نتجت "
                         "تسبب تسببت خلف خلفت".split())  # ما أدى إلى مقتل
RESULT_LINKS = frozenset(normalize(w) for w in "إلى الى عن عنه عنها عنهما في ب".split())
RESULT_REACH = 25  # words from an attack to the verb telling its result
HIT_AFTER = frozenset({"بعد"})  # only after a casualty noun or a verb with its victims unnamed
HIT_FRAMES = frozenset(normalize(w) for w in "إحدى احدى أحد احد تجدد اندلاع سلسلة".split())  # في إحدى الغارات
EXPOSED_NEAR = 3  # words before تعرض where its subject may end (القوات التي تعرضت)
EXPOSED_GAP = 6  # words from تعرض to the attack noun (its subject may come between)
CASUALTY_GAP = 10  # words from a casualty noun to the attack noun (مقتل أربعة من عناصر الجيش في هجوم)
# after a victim: how or where he was hit (قتل جندي في هجوم / برصاص قناص / وأصيب آخر)
PASSIVE_NEXT = frozenset(normalize(w) for w in "في جراء إثر اثر عقب خلال أثناء برصاص بنيران "
                         "بانفجار بقصف بغارة بهجوم بطلق بطلقات بالرصاص بعد عندما حين "
                         "بعملية بتفجير بقذيفة بقذائف بصاروخ برصاصة بعبوة بطعنة طعنا رميا ذبحا حرقا".split())
ANY_WORDS = frozenset(normalize(w) for w in "أي لأي بأي وأي ولأي اي لاي باي واي".split())
ANY_TO = frozenset(normalize(w) for w in "لأي ولأي لاي ولاي لكل".split())  # تصدى لأي
ANY_HEADS = frozenset(normalize(w) for w in "محاولة محاولات عملية عمليات نوع شكل أشكال".split())  # أي محاولة للاعتداء
ANY_REACH = 3  # words between «لأي» and the act (لأي محاولات بائسة للاعتداء)
ANY_TYPES = frozenset({"ASSAULT", "PROTEST", "MOBILIZE"})
FORCE_THREAT_CAMEO = "138"  # threaten with military force
IN_IT = frozenset(normalize(w) for w in "خلاله خلالها خلالهما خلالهم فيه فيها فيهما فيهم".split())  # قتل خلاله
APPROXIMATELY = frozenset(normalize(w) for w in "نحو حوالي قرابة زهاء أكثر اكثر من".split())  # قتل أكثر من 20
COUNTED_HEADS = COUNTS | COUNT_HEADS | {"عدد"}  # قتل عدد/العشرات من المسلحين
NOMINATIVE_PLURAL = "ون"
NOMINATIVE_ENDINGS = (NOMINATIVE_PLURAL, "ان")  # and the dual
NOT_OBJECTS = frozenset(normalize(w) for w in "في على من إلى عن مع ضد بين خلال قرب داخل عند منذ أثناء "
                        "لدى أمام حيال تجاه إزاء بحق وسط شمال جنوب شرق غرب".split())
SIDES = frozenset({"GOV", "MIL", "COP", "SPY", "REB", "UAF", "OPP", "PTY"})  # need=sides
PARTIES = SIDES | {"LEG", "JUD", "SOC"}  # need=parties: bodies whose demands are political acts
FIGHTERS = frozenset({"REB", "UAF"})  # need=abroad: an armed side backed at home
PLURAL_PAST = "وا"  # قتلوا، خطفوا
VICTIM_OBJECT_REACH = 5  # words after a fronted plural verb of force where an object would show it active
BESIDES = frozenset(normalize(w) for w in "إضافة بالإضافة وبينهم بينهم منهم".split())
PASSIVE_VERBS = frozenset(normalize(w) for w in "أصيب اصيب جرح أصيبت جرحت".split())
NEW_WORDS = frozenset({"جديد", "جديده", "جديدا", "جديدين", "جديدتين", "اخر", "اخري", "اخرين",
                       "مماثل", "مماثله", "مماثلا"})  # normalized: أخرى → اخري
SHOWS = frozenset({"تنم", "ينم", "تنمان", "ينمان"})
GOVERNED = frozenset({"ان", "انه", "انها", "بان", "بانه", "اي", "لماذا", "كيف", "متي", "هل"})
DENIAL_GAP = 8  # words from a negated clause to the obligation it governs
SINCE = frozenset({"بعد", "قبل", "عقب", "اثر", "فور", "بعيد", "قبيل"})
ACCUSED_SPAN = 60  # characters from an accusation to the act it names
HOSTAGE_WINDOW = 4  # words between a detention word and the hostages it holds
ABDUCT = ("ASSAULT", "abduct", "181")
INVITATIONS = frozenset({"دعوه", "الدعوه", "دعوته", "دعوتها", "دعوتهم", "دعوات"})
OFFER_CAMEO = "050"
ENDORSE_CAMEO = "051"
CRITICIZE_CAMEO = "111"
AERIAL_CAMEO = "195"
DISRUPTIONS = frozenset({"obstruct", "riot"})  # أغلق مزارعون الطريق احتجاجا على: a protest
INVITE_CAMEO = "036"  # وجه الدعوة: an invitation extended
INVITE_SPAN = 40  # characters after an acceptance where the invitation is named,
INVITE_WORDS = 4  # within its first words (قبلت الحكومة الأردنية الدعوة)
INVITE_GAP = 8  # words from an invitation word to the visit noun it names (دعوة من الرئيس X Y Z لزيارة)
INVITE_STOPS = frozenset({",", ";", ":", "."}) | RELATIVES
ACCEPT = frozenset(v + s for v in ("قبل", "يقبل", "لبي", "يلبي", "وافق") for s in ("", "ت", "وا")
                   ) | {"قبول", "تلبيه", "بتلبيه", "لتلبيه"}
ACCEPT_GAP = 4  # words from an acceptance verb to the invitation (قبل الرئيس الإيراني دعوة)
INVITE_REACH = 1000  # characters back to the invitation it accepts
REFUSE_CAMEO = "120"
GIVING = frozenset({"AGREE", "AID", "RETREAT"})
NEGATORS = frozenset({"لا", "لن", "لم", "ولا", "ولن", "ولم"})
PRESENT_BEFORE = frozenset({"سوف", "وسوف", "فسوف", "لن", "ولن", "فلن", "لم", "ولم", "فلم"})
WILLING = frozenset(base + suffix for base, forms in (("رغب", ("ه", "ته", "تها", "تهم", "تنا")),
                                                      ("استعداد", ("", "ه", "ها", "هم", "نا")))
                    for suffix in forms)  # رغبة، استعداده: a willingness to act is an offer


def extract_events(doc: Document) -> list[Event]:
    by_lex = {lexicon: doc.matches_by_lexicon.get(lexicon, []) for lexicon in EVENT_LEXICONS}
    if by_lex[CUES]:  # «كيري» is no ك + يرى: a verb cue takes no preposition
        by_lex[CUES] = [m for m in by_lex[CUES] if m.entry.how != "V" or not noun_prefix(doc, m)]
    names = _in_names(doc)
    if by_lex[TRIGGERS] and names:  # «وزارة الدفاع»: no verb (و + زاره) inside a name
        by_lex[TRIGGERS] = [m for m in by_lex[TRIGGERS] if m.entry.tense is None or m.start not in names]
    if by_lex[TRIGGERS] and nunated(doc.text):
        by_lex[TRIGGERS] = [m for m in by_lex[TRIGGERS]  # «دعماً»: written with tanween, a noun
                            if m.entry.tense is None
                            or not nunated(doc.text[m.start:doc.tokens[m.first].end])]
    if by_lex[TRIGGERS]:
        present = {m.first for m in by_lex[TRIGGERS] if m.entry.tense == "present"}
        by_lex[TRIGGERS] = [m for m in by_lex[TRIGGERS] if not _counted(doc, m)
                            and not _future_past(doc, m)
                            and not (m.first in present and _first_person_present(doc, m))]
    triggers = find_triggers(doc, by_lex[TRIGGERS], by_lex[BLOCKERS])
    triggers = [t for t in triggers if t.start not in names]  # «مجلس التعاون»، «دان براون»
    triggers = [t for k, t in enumerate(triggers) if not (k and _object_noun(doc, triggers[k - 1], t))]
    if not triggers:
        return []
    sentence_lists = SentenceLists(doc)
    ruled_out = [_ruled_out(doc, t, sentence_lists) for t in triggers]
    if all(ruled_out):
        return []
    sents = {doc.tokens[t.first].sent for t in triggers}
    # with the sentence before each: a subject carried over (previous_subject)
    ctx = Context(doc, sents | {k - 1 for k in sents if k > 0}, by_lex, sentence_lists)
    ctx.verb_triggers = frozenset(t.first for t in triggers if t.pattern.pos == "V")
    ctx.news_date = news_date(doc)
    ctx.topic_shift = topic_shift(doc)
    ctx.main_country = main_country(doc)
    ctx.entity_type = {e.id: e.type for e in doc.entities}
    ctx.persons = frozenset(e for e, t in ctx.entity_type.items() if t == "PER")
    cues_by_sent: dict[int, list] = {}
    for m in by_lex[CUES]:
        cues_by_sent.setdefault(doc.tokens[m.first].sent, []).append((m.first, m.entry))
    events = []
    nouns = set()  # events named by a noun of their own type (a later mention of a happening)
    loose = set()  # events dated by default (the story's day), not by a time expression
    definite = set()  # events named by a definite noun (الهجوم): may refer back to one told before
    owned = set()  # events named by a noun with a possessive pronoun (زياراته): told before
    fresh = set()  # events named as new or other ones (غارات جديدة، موجة جديدة من الغارات)
    recalled = set()  # possessed nouns after a time word (بعد خطفهم): a happening told before
    claims = set()  # nouns after «مسؤوليته عن»: a claim for a happening told before
    today = doc.date.isoformat() if doc.date else None
    framing: Trigger | None = None  # the last condemnation or prevention (see _framed)
    asker: list = []  # the actors of that frame when it is a request
    for trig, out in zip(triggers, ruled_out):
        ev = None if out else _event(ctx, trig, cues_by_sent.get(doc.tokens[trig.first].sent, []),
                                     framing, asker)
        if ev is not None:
            events.append(ev)
            if trig.pattern.pos != "V" and _fresh(doc, trig):
                fresh.add(trig.start)
            if trig.pattern.pos != "V" and ev.type == trig.pattern.type:
                nouns.add(trig.start)
                if _possessed(doc, trig):
                    owned.add(trig.start)
                if _definite_noun(doc.tokens[trig.first], trig.pattern):
                    definite.add(trig.start)
            if _recalled(ctx, trig):
                recalled.add(trig.start)
            if trig.pattern.pos != "V" and _claim(doc, trig):
                claims.add(trig.start)
            if ev.date in (None, ctx.news_date, today):
                loose.add(trig.start)
        if "frames" in trig.pattern.flags:
            framing = trig
            asker = ev.actor if ev is not None and trig.pattern.type == "REQUEST" else []
    _share_recipients(events)
    _accepted_invitations(doc, events)
    _accused_acts(events)
    events = _described(ctx, events)
    places = frozenset(e for e, t in ctx.entity_type.items() if t == "GPE")
    events = dedupe(events, frozenset(nouns), frozenset(loose), places,
                    frozenset(definite), ctx.persons, frozenset(owned), frozenset(fresh),
                    frozenset(recalled), frozenset(claims))
    fill_places(ctx, events)
    return events


def _ruled_out(doc: Document, trig: Trigger, sentence_lists: SentenceLists) -> bool:
    """The trigger yields no event whatever its arguments (a test that needs no Context)."""
    p = trig.pattern
    flags = p.flags
    tok = doc.tokens[trig.first]
    sent = doc.sentences[tok.sent]
    if "noshadda" in flags and "\u0651" in doc.text[trig.start:trig.end]:
        return True  # ودّعت (bade farewell)، يدّعي (claims): not دعا
    if "content" in flags and not (comment_noun(doc, trig) or _threat_named(doc, trig)):
        return True  # «التهديدات الإرهابية»: no act threatened, no party threatening
    if "adjective" in flags and trig.first > 0 and definite(doc.text, tok) \
            and doc.tokens[trig.first - 1].kind == "word" and definite(doc.text, doc.tokens[trig.first - 1]):
        return True  # الخدمات المساندة: supporting services
    if "modal" in flags and _denied_obligation(doc, trig, sent.first_token):
        return True
    if p.pos == "N" and _averted(doc, trig):
        return True  # لتجنب اندلاع احتجاجات، خوفا من نشوب حرب: an outbreak avoided or feared
    if _shown(doc, trig):
        return True
    if p.need is not None and _need_unmet(doc, trig, sent):
        return True
    if _questioned(doc, trig, sent):
        return True  # هل ستقصف…؟، لماذا لم يستهدف التحالف…؟، كيف له أن يقتل…؟: asked, not told
    if "sport" in flags and _sport(doc, sentence_lists, sent):
        return True  # يلتقي الأردن والإمارات في المباراة الثانية: a game
    if p.type in FRIENDLY and "STAFF" in sentence_lists(sent):
        return True  # حفل المعايدة، هنأ المدير منسوبي الهيئة: an office's internal occasion
    if "festive" in flags and "FESTIVE" in sentence_lists(sent):
        return True  # خرج السكان في مسيرات احتفالا بالنصر: a celebration
    return False


def _same_party(doc: Document, a: ActorPhrase, x: Actor) -> bool:
    """An actor phrase and an event's actor record name the same party."""
    return a.entity == x.entity if a.entity is not None else doc.text[a.start:a.end] == x.text


def _speakers_own(ctx: Context, trig: Trigger) -> bool:
    """An act in someone's words with no party named is the speaker's own only in the first
    person (نرفض، سنواصل، زيارتنا), after a pronoun agreeing with the verb (قال إنه يرفض), as
    «his» noun right after أن (قال إن محادثاته) or after a participle of his manner (مبديا
    شكره); else its party is someone else or no one (الثلثان الباقيان يرفضون، قال إن الزيارة
    كانت للعمرة، قال: «المفاوضات مستمرة»)."""
    if trig.pattern.pos not in ("V", "N") or trig.entry.first_person:
        return True
    toks = ctx.doc.tokens
    before = toks[trig.first - 1].norm if trig.first else ""
    k = trig.first - 1
    while k > 0 and toks[k].norm in PARTICLES:
        k -= 1  # إنها لن تتفاوض
    if trig.pattern.pos == "N":
        return before in MANNER_PARTICIPLES or _own_suffix(ctx, trig, FIRST_SUFFIXES) or (
            before in THAT and _own_suffix(ctx, trig, ("ه",)))  # قال إن محادثاته
    return before in MANNER_PARTICIPLES or \
        toks[k].norm in SPEAKER_PRONOUNS and SPEAKER_PRONOUNS[toks[k].norm] == agreement(ctx, trig)


def _own_suffix(ctx: Context, trig: Trigger, suffixes: tuple) -> bool:
    word = normalize(ctx.doc.text[ctx.doc.tokens[trig.last - 1].start:trig.end])
    forms = normalized_lemma(trig.pattern.lemma).split("/")
    return any(word.endswith(s) and not any(f.endswith(s) for f in forms) for s in suffixes)


def _event(ctx: Context, trig: Trigger, cues: list, framing: Trigger | None, asker: list) -> Event | None:
    doc = ctx.doc
    p = trig.pattern
    tok = doc.tokens[trig.first]
    sent = doc.sentences[tok.sent]
    floor = ctx.clause_start(trig.first, sent.first_token)
    ceiling = ctx.clause_end(trig.last, sent.last_token)
    threat = framing is not None and framing.pattern.type in CONTENT_FRAMES
    if not threat and p.type in ACTORLESS_OK and _framed(ctx, framing, trig):
        return None  # أدان الهجوم، منع التظاهر: not a happening
    hypothetical = threat and p.pos != "V" and p.type not in CONTENT_FRAMES \
        and _threat_content(doc, framing, trig) and _framed(ctx, framing, trig)
    # (هدد بفرض عقوبات: only threatened; a verb after the threat is a clause of its own)
    quote = quote_at(doc, trig.start)
    speaker = speaker_phrase(ctx, quote)
    comment = comment_noun(doc, trig)  # «…، في تهديد مبطن»: the speaker's own threat
    if (p.pos == "A" or comment) and speaker is None:  # وقال عون: «…»، متهما قائد الجيش: the
        speaker = speaker_phrase(ctx, sentence_quote(doc, sent, trig.start))  # speaker accuses
    if joined_noun(ctx, trig):
        return None  # دعم ومساندة المملكة: one act named twice
    if p.pos == "V" and trig.last in ctx.nisba and trig.last not in ctx.actor_at:
        # طالب تونسي: a noun with its adjective, not the verb طالب
        return None
    actors, rcps = find_arguments(ctx, trig, sent.first_token, ceiling, speaker)
    if p.type == "ASSAULT" and p.pos == "N":
        craft = _aircraft_used(ctx, trig, rcps)
        if craft is not None:  # غارة بطائرة أميركية: the aircraft's side strikes
            rcps = [a for a in rcps if a is not craft]
            actors = actors or ([craft] if craft.country else [])
    if p.type in FORCE_ON and (any(a.sector in VICTIMS for a in actors) and _may_be_patient(ctx, trig, actors)
                               or _counted_subject(ctx, trig, actors)
                               or _passive_subject(ctx, trig, actors)):
        rcps, actors = _unique(actors + rcps), []  # قتل 38 سائحا، قتل 9 من مسلحي المقاومة: the victims
    elif p.type in FORCE_ON and (victim := _fronted_victim(ctx, trig)) is not None:
        rcps, actors = _unique([victim] + rcps), [a for a in actors if a is not victim]
    elif p.type in FORCE_ON and _killed_in_it(ctx, trig):
        actors = []  # هجوم على مواقع المسلحين قتل خلاله 12 مسلحا: a passive, no one before acts
    if "charged" in p.flags and p.pos == "V" and _charge_after(ctx, trig) and not _object_suffix(doc, trig):
        return None  # واتهما بالإعداد لأعمال إرهابية، أدين بالمشاركة: a passive, the accuser unnamed
    charged = "charged" in p.flags and (
        (p.pos == "N" or _li_noun(doc, trig)) and _possessed(doc, trig) and _charge_after(ctx, trig)
        or p.pos == "V" and _accused_subject(ctx, trig, actors))
    if charged:  # لاتهامه بالتخطيط لانقلاب، واتهم المسؤولون الخمسة بارتكاب…: the accused
        rcps, actors = _unique(actors + rcps), []
    verb = target = None
    if p.type == "ACCUSE" and p.pos == "N":  # تعرض لانتقادات حادة: the subject is criticized
        verb = _exposed(ctx, trig, floor)
        target = _exposed_target(ctx, verb, trig, floor) if verb is not None else None
        actors = [a for a in [_critic_after(ctx, trig, ceiling)] if a is not None] if verb is not None else actors
    if p.type in FORCE_ON and p.pos == "N":
        verb = _exposed(ctx, trig, floor)
        verb = _escaped(ctx, trig, floor) if verb is None else verb
        if verb is not None:
            target = _exposed_target(ctx, verb, trig, floor)
        else:  # a casualty verb counts only with its victims named
            hit = _hit_in(ctx, trig, floor)
            casualty = hit is not None and _casualty_noun(doc.tokens[hit]) and "either" not in p.flags
            if hit is not None:  # the people named after it; after a verb, else its subject
                target = _casualties(ctx, hit, trig)
                if target is None and not casualty:
                    target = _exposed_target(ctx, hit, trig, floor)
            verb = hit if target is not None or casualty else None  # (مقتل جنديين في هجوم: whoever
            # is named before tells of it or is hit, and does not attack)
    if verb is not None:  # تعرضت القوات لهجوم: the subject of تعرض is the target, never the actor
        actors = [a for a in actors if a.first > trig.first]
        rcps = _unique(([target] if target is not None else []) + rcps)
    if p.type == "ASSAULT" and not rcps and "either" not in p.flags and p.mode != "occupy":
        rcps = [a for a in _result_victims(ctx, trig, sent.last_token) if a not in actors]
    if not actors and speaker is not None and quad_class(p.type) in VERBAL and "received" not in p.flags \
            and not charged \
            and trig.first not in ctx.things and not (p.type == "CONSULT" and teller(ctx, speaker)) \
            and _speakers_own(ctx, trig):
        actors = [speaker]
    if hypothetical and asker:  # طالبت الحكومة بالإفراج عن المعتقلين: the asker does not release
        actors = [a for a in actors if not any(_same_party(doc, a, x) for x in asker)]
    etype, cameo, mode = _type(p, actors), p.cameo, p.mode
    if "spoken" in p.flags and rcps and actors and not any(a.sector in ARMED for a in actors) \
            and has_evidence(doc.tokens[trig.last:ceiling], "SPEECH"):
        etype, cameo = "ACCUSE", CRITICIZE_CAMEO  # هاجم الوزير الحكومة في خطاب: words, not force
    if etype == "ASSAULT" and mode is None and any(has_word(doc.tokens[a.first], "AIRCRAFT") for a in actors):
        mode, cameo = "aerial", AERIAL_CAMEO  # قصفت طائرات حربية: an air strike
    if etype == "COERCE" and p.mode == "arrest" and _hostages(ctx, trig, ceiling):
        etype, mode, cameo = ABDUCT  # احتجاز رهائن: taking hostages is an abduction; forces
        actors = [a for a in actors if a.sector not in SECURITY | {"GOV"}]  # end such crises
    if etype == "COERCE" and _some_of_them(doc, trig) and not any(a.sector in SECURITY | {"GOV"} for a in actors):
        actors = []  # فر قادة الحوثيين وتم القبض على عدد منهم: the group named is arrested
    if etype == "PROTEST" and all(a.sector in SECURITY | {"GOV"} for a in actors):
        actors = []  # «لا يوضع الجيش في مواجهة تظاهرة»: forces and rulers do not protest
    if etype == "ASSAULT" and p.pos == "N" and _target_kind(ctx, trig, ceiling, "SPORT"):
        return None  # هجوم على مرمى المنافس: a football attack
    if etype == "ASSAULT" and p.pos == "N" and (_target_kind(ctx, trig, ceiling, "VERBAL") or (
            trig.last < len(doc.tokens) and has_word(doc.tokens[trig.last], "VERBAL"))):
        etype = "ACCUSE"  # الهجوم على الاتفاق، شن هجوما حادا على: words, not force
    endorsed = etype == "AID" and _endorsed(ctx, trig, ceiling)
    if endorsed:
        etype, cameo, rcps = "SUPPORT", ENDORSE_CAMEO, []  # يدعمون الاتفاق: an endorsement
    if etype == "AID" and not endorsed and _declared(ctx, trig):
        etype, cameo = "SUPPORT", ENDORSE_CAMEO  # أكدت مصر دعمها للسعودية: support in words, not aid
    if etype in HELP and p.pos == "N" and _offered(doc, trig.first, floor):
        etype, cameo = "AGREE", OFFER_CAMEO  # أبدى رغبة بلاده في مساعدة مصر: an offer to help
    if "vso" in p.flags and not (actors and actors[0].first >= trig.last):
        return None
    if "unsaid" in p.flags and _object_of_kind(ctx, trig, "UNSAID"):
        return None
    if "guests" in p.flags and rcps and all(has_word(doc.tokens[a.first], "CARGO") for a in rcps):
        return None  # استقبلت عمان أول طائرة: a flight, not a visitor
    if "copula" in p.flags and trig.first and has_word(doc.tokens[trig.first - 1], "COPULA"):
        return None  # لن تكون مهددة، باتت مهددة بالانهيار: a state (threatened), no threat made
    if "promise" in p.flags and not _promised(ctx, trig):
        return None  # وعدّ الأمين العام نتائج الزيارة خطوة كبيرة: "considered", not "promised"
    if etype in FRIENDLY and _needed(ctx, trig):
        return None  # ضرورة التحرك لمساعدة ليبيا، أولويتان: الأولى التوصل إلى اتفاق: an aim, not a happening
    if "goal" in p.flags and _aimed(ctx, trig):
        return None  # ضربات جوية لمنعهم من الاستيلاء على عدن: an aim, not a happening
    if etype in ANY_TYPES and _anticipated(doc, trig):
        return None  # تحسبا لمزيد من الهجمات: prepared for, not happened
    if "alone" in p.flags and etype == "PROTEST" and _alone(ctx, trig, actors):
        etype = "ACCUSE"  # احتج على قرار الحكم: one person's complaint, not a demonstration
    if "prayer" in p.flags and (_object_of_kind(ctx, trig, "PRAYER", PRAYER_WINDOW)
                                or _object_of_kind(ctx, trig, "FEELING", 2)):
        return None  # يدعو للفخر، داعيا للشهداء بالرحمة: a feeling or a blessing, not an appeal
    if "grant" in p.flags and _object_of_kind(ctx, trig, "HONOUR"):
        return None  # منح البرلمان الحكومة الثقة: a vote or an award, not aid
    if "must" in p.flags and not _obliged(doc, rcps):
        return None  # «أكد أن على الحكومة مسؤولية»: no obligation to act
    if _in_exchange(ctx, trig, tok) or (
            p.type == "THREATEN" and p.pos == "N" and _posed(doc, trig, floor)):
        return None
    if etype in ANY_TYPES and p.pos == "N" and _any_act(doc, trig.first - 1, -1):
        return None  # التصدي لأي محاولة اقتحام، المسؤولية عن أي اعتداء: no attack that happened
    if etype == "ASSAULT" and p.pos == "V" and _any_act(doc, trig.last, 1, ANY_TO):
        rcps = [a for a in rcps if not a.place]  # ستتصدى لأي تحركات للحوثيين: a warning to them
        if not rcps:
            return None  # ستتصدى لأي محاولة للاعتداء: no one warned
        etype, cameo, mode = "THREATEN", FORCE_THREAT_CAMEO, None
    if p.pos == "N" and not actors and _possessed(doc, trig):
        return None  # «واعتداءاته»: his attacks, whoever he is, are told before
    if not endorsed and not _needs_met(ctx, trig, p.need, actors, rcps, sent, etype) \
            and not (p.type in CONTENT_FRAMES and actors and _names_content(ctx, trig, actors)):
        return None  # (هدد زعيم الجماعة بمهاجمة السفن: a threat with its content needs no target)
    if "concrete" in p.flags and _first_object(ctx, trig, actors, "ABSTRACT"):
        return None
    if "endanger" in p.flags and _endangered(ctx, trig, actors):
        return None  # يهدد أمن المنطقة، تهديد للسلم: a danger, no threat made
    if p.type == "CONSULT" and _interview(ctx, trig, sent.last_token):
        return None  # في اتصال هاتفي أجرته معه «الشرق الأوسط»: an interview, no consultation
    if "calls" in p.flags and _first_object(ctx, trig, actors, "CALL"):
        return None  # زار المرضى، زيارة منزل ذوي الشهيد: a call on people, not a state visit
    if "admin" in p.flags and _first_object(ctx, trig, actors, "ADMIN"):
        return None  # وافق مجلس الوزراء على تعيينات: an administrative approval
    if not actors and not (etype in ACTORLESS_OK and not _definite_noun(tok, p)
                           and ("passive" in p.flags or _evidence(ctx, trig, sent, etype))):
        return None
    future = (tok.kind == "word" and trig.entry.tense == "present"
              and is_future(doc, tok, trig.start))
    status, report = status_of(cues, trig.first, trig.last, floor, future, p.pos != "V",
                               trig.entry.tense == "past")
    if hypothetical:
        status = "hypothetical"
    if etype == "THREATEN" and p.type == "ASSAULT" and status == "planned":
        status = None  # ستتصدى لأي…: the warning is made now
    if "neg" in p.flags and status == "negated":
        status = None
    if "refuse" in p.flags and (status == "negated" or _negated_modal(doc, trig, floor)):
        etype, cameo, status = "REJECT", REFUSE_CAMEO, None  # لا يمكن أن نقبل بـ: a rejection
    if p.pos == "A" or comment:
        report = None  # نفى X الاتهامات، متهما Y: the participle is the speaker's own act
    status, source = reported(ctx, status, report, quote, trig, actors, sent)
    invitation = _invitation(doc, trig) if p.pos == "N" and p.type == "CONSULT" else None
    if invitation is not None and not _accepted(doc, invitation, floor):
        return None  # وجه له الدعوة لزيارة موسكو: the visit is the content of the invitation
    invited = invitation is not None and status in (None, "reported")
    if invited:
        status = "planned"  # قبل دعوة لزيارة روما: the visit is still to come
    date = event_date(ctx, trig, sent, status, floor, ceiling)
    if invited and date is None:
        date = "FUTURE_REF"
    if status is None and date and date.startswith("FUTURE"):
        status = "planned"
    place = location(ctx, trig, sent, actors, rcps, floor,
                     ctx.clause_end(trig.last, sent.last_token, quotes=False))
    # unnamed local actors of a happening belong to the country where it happens (talks in Geneva
    # are not Swiss)
    home = (place_country(doc, place) if etype in ON_THE_GROUND else None) or ctx.main_country
    actor_out = [r for a in actors for r in _actors(doc, a, etype, home, True)]
    rcp_out = [r for a in rcps for r in _actors(doc, a, etype, home, False)]
    if etype in FRIENDLY and actor_out and _private(actor_out + rcp_out):
        return None  # شكر مدير النادي اللاعبين، اجتماع الشركة مع الجامعة: no political event
    return Event(
        id="", type=etype, actor=actor_out, recipient=rcp_out,
        trigger=TriggerOut(trig.start, trig.end, doc.text[trig.start:trig.end]),
        sentence=Offsets(sent.start, sent.end), mode=mode, cameo=cameo,
        goldstein=goldstein(cameo), quad_class=quad_class(etype),
        location=place, date=date, status=status or "asserted",
        source=source, confidence=_confidence(actors, rcps, p))


def _interview(ctx: Context, trig: Trigger, end: int) -> bool:
    """A call or meeting with the press right after it (اتصال هاتفي مع «الوطن»، لقاء أجرته معه
    قناة X، لقاء مع الصحفيين): the one interviewed talks to a newspaper, he meets no party."""
    toks = ctx.doc.tokens
    for k in range(trig.last, min(trig.last + INTERVIEW_GAP, end)):
        a = ctx.actor_at.get(k)
        if a is not None:
            return a.sector == "JRN"
        if toks[k].norm == '"' and k > trig.last and toks[k - 1].norm in INTERVIEW_WORDS:
            return k + 1 < end and toks[k + 1].kind == "word" and k + 1 not in ctx.actor_at
        if toks[k].norm not in INTERVIEW_WORDS:  # (مع «الشرق الأوسط»: a quoted title, no party)
            return False
    return False


def _private(parties: list) -> bool:
    """Civilians, companies, schools, hospitals and media only (or unknown people)."""
    return all(a.country not in INTERNATIONAL and (a.sector in PRIVATE or a.sector is None and a.country is None)
               for a in parties)


def _share_recipients(events: list) -> None:
    """«أعلنت واشنطن في إطار رفع تجميد مساعدتها عن تسليم القاهرة طائرات وعد بها أوباما»:
    a pledge, aid or concession with no recipient, in a sentence where the same side's other
    such act names one, is toward that party too."""
    for ev in events:
        if ev.recipient or ev.type not in GIVING or not ev.actor:
            continue
        side = {a.country for a in ev.actor if a.country}
        other = next((o for o in events if o is not ev and o.recipient
                      and o.sentence.start == ev.sentence.start and o.type in GIVING
                      and side & {a.country for a in o.actor}), None)
        if other is not None:
            ev.recipient = [r for r in other.recipient if r.country not in side]


def _accepted_invitations(doc: Document, events: list) -> None:
    """«وجه الوزير الدعوة لقيادة الحركة … وقبلت الحركة الدعوة»: accepting an invitation with no
    one named is toward whoever extended the last invitation told before it."""
    for k, ev in enumerate(events):
        if ev.type != "AGREE" or ev.cameo != OFFER_CAMEO or ev.recipient or not ev.actor:
            continue
        after = normalize(doc.text[ev.trigger.end:ev.trigger.end + INVITE_SPAN]).split()
        if not any(w.strip('.,:;"') in INVITATIONS for w in after[:INVITE_WORDS]):
            continue
        side = {a.entity or a.country for a in ev.actor}
        inviter = next((o for o in reversed(events[:k]) if o.cameo == INVITE_CAMEO and o.actor
                        and ev.trigger.start - o.trigger.end <= INVITE_REACH), None)
        if inviter is not None:
            ev.recipient = [a for a in inviter.actor if (a.entity or a.country) not in side]


def _fresh(doc: Document, trig: Trigger) -> bool:
    """«غارات جديدة»، «هجوم آخر»، «موجة جديدة من الغارات»، «جولة جديدة من المحادثات»: the noun
    names another happening than the one told before."""
    toks = doc.tokens
    after = trig.last < len(toks) and toks[trig.last].norm in NEW_WORDS
    before = trig.first > 1 and toks[trig.first - 1].norm == "من" \
        and toks[trig.first - 2].norm in NEW_WORDS
    return after or before


def _shown(doc: Document, trig: Trigger) -> bool:
    """«في خطوة تنم عن الترحيب بالحركة»: a noun after «تنم عن» is a quality the writer sees in a
    step, not a happening."""
    toks = doc.tokens
    return trig.first > 1 and toks[trig.first - 1].norm == "عن" \
        and toks[trig.first - 2].norm.removeprefix("و") in SHOWS


def _endorsed(ctx: Context, trig: Trigger, ceiling: int) -> bool:
    """يدعم الاتفاق، دعمه للقرار: what is supported, right after the trigger (or its subject
    or ل), is a decision, an agreement or a plan."""
    toks = ctx.doc.tokens
    j = trig.last
    a = ctx.actor_at.get(j)
    if a is not None:
        j = a.last  # تدعم الحكومة المبادرة
    return j < ceiling and has_word(toks[j], "ENDORSED")


def _declared(ctx: Context, trig: Trigger) -> bool:
    """«أكدت مصر دعمها لـ…»، «أعرب عن دعمه لـ…»: a support noun with its owner's pronoun right
    after a verb of saying (DECLARE; its subject may come between) is declared support, unless
    a MATERIAL word after it makes it aid (دعمها العسكري)."""
    toks = ctx.doc.tokens
    if trig.pattern.pos != "N" or not possessive(ctx, trig):
        return False
    a = ctx.actor_ending.get(trig.first)
    j = (a.first if a is not None else trig.first) - 1
    j -= j > 0 and toks[j].norm == "عن"
    return j >= 0 and has_word(toks[j], "DECLARE") and not (
        trig.last < len(toks) and has_word(toks[trig.last], "MATERIAL"))


def _posed(doc: Document, trig: Trigger, floor: int) -> bool:
    """«يشكل تهديدا للأمن»، «تمثل حاليا أخطر تهديد»، «هو تهديد حقيقي»: a danger someone or
    something is said to be, no threat made."""
    return any(has_word(doc.tokens[j], "POSE") for j in range(max(floor, trig.first - 3), trig.first))


def _accused_acts(events: list) -> None:
    """«ويتهم الجيش الحركة بتهريب أسلحة»: the act someone is accused of is attributed
    to the accuser (reported), not stated by the article."""
    for acc in events:
        if acc.type != "ACCUSE" or not acc.recipient:
            continue
        accused = {a.entity or a.text for a in acc.recipient}
        for ev in events:
            if (ev is not acc and ev.status == "asserted" and ev.sentence.start == acc.sentence.start
                    and 0 < ev.trigger.start - acc.trigger.end <= ACCUSED_SPAN
                    and any((a.entity or a.text) in accused for a in ev.actor)):
                ev.status = "reported"
                ev.source = next((a.entity for a in acc.actor if a.entity), None)


def _described(ctx: Context, events: list) -> list:
    """«الهجوم (الانتحاري) الذي استهدف مسجدا»: a verb in a relative clause right after a noun of
    its type (past up to two definite adjectives) tells that happening; its parts fill the
    noun's event, which stays the one event."""
    doc = ctx.doc
    toks = doc.tokens
    ends = {doc.token_at(ev.trigger.end - 1): ev for ev in events}
    out = []
    for ev in events:
        k = doc.token_at(ev.trigger.start) - 1
        if k >= 0 and toks[k].norm == "قد":
            k -= 1
        noun = None
        if k > 0 and toks[k].norm in RELATIVES:
            j = k - 1
            while j not in ends and k - j <= DESCRIBED_ADJECTIVES and _adjective(ctx, j):
                j -= 1
            noun = ends.get(j)
        if noun is None or noun is ev or noun.type != ev.type:
            out.append(ev)
            continue
        noun.actor = noun.actor or ev.actor
        noun.recipient = noun.recipient or ev.recipient
        noun.location = noun.location or ev.location
    return out


def _adjective(ctx: Context, j: int) -> bool:
    """A definite word that names no party and carries no preposition (الانتحاري، الإرهابي)."""
    tok = ctx.doc.tokens[j]
    return j > 0 and tok.kind == "word" and tok.norm.startswith("ال") and not ctx.in_actor(j) \
        and j not in ctx.trigger_tokens


def _claim(doc: Document, trig: Trigger) -> bool:
    """«مسؤوليته عن الهجوم»، «مسؤوليتها عن التفجير»: the noun is the act claimed."""
    toks = doc.tokens
    return trig.first > 1 and toks[trig.first - 1].norm == "عن" \
        and toks[trig.first - 2].norm.lstrip("و").startswith(CLAIM_WORD)


def _recalled(ctx: Context, trig: Trigger) -> bool:
    """«بعد خطفهم»، «إثر اعتقاله»: after a time word (no verb follows بعد) a noun whose pronoun
    is the one it happened to (not «بعد اتهامها الحكومة»: she accused)."""
    p = trig.pattern
    doc = ctx.doc
    toks = doc.tokens
    patient = "obj" in p.rcp if p.pos == "V" else p.gen == "recipient"
    object_after = trig.last < len(toks) and (toks[trig.last].norm.startswith("ل")
                                              or trig.last in ctx.actor_at)
    return (patient and not object_after and trig.first > 0  # بعد استهدافها لعناصر: hers
            and toks[trig.first - 1].norm.removeprefix("و") in SINCE
            and _possessed(doc, trig))


def _denied_obligation(doc: Document, trig: Trigger, first: int) -> bool:
    """«ليس صحيحا أنه يتعين على الوزارة…»، «لا أفهم بأي منطق يجب أن…»: a negated clause
    governs the obligation through أن or a question word (not «لا يجب أن»: a prohibition)."""
    toks = doc.tokens
    link = False
    for j in range(trig.first - 1, max(first, trig.first - DENIAL_GAP) - 1, -1):
        w = toks[j].norm.removeprefix("و")
        if w in GOVERNED:
            link = True
        elif w in NEGATORS or w in ("ليس", "ليست"):
            return link
    return False


def _obliged(doc: Document, rcps) -> bool:
    """«أن على واشنطن أن تغتنم الفرصة»: أن follows the one obliged."""
    j = rcps[-1].last if rcps else None
    return j is not None and j < len(doc.tokens) and doc.tokens[j].norm in ("ان", "الا")


def _hostages(ctx: Context, trig: Trigger, ceiling: int) -> bool:
    """احتجاز عدد من الرهائن، يحتجزون رهائن: the people held are hostages."""
    toks = ctx.doc.tokens
    return any(has_word(toks[j], "HOSTAGE")
               for j in range(trig.last, min(trig.last + HOSTAGE_WINDOW, ceiling)))


def _some_of_them(doc: Document, trig: Trigger) -> bool:
    """تم القبض على عدد منهم، تم اعتقال بعضهم: an impersonal arrest of some of a group."""
    toks = doc.tokens
    if trig.first == 0 or toks[trig.first - 1].norm.lstrip("وف") != "تم":
        return False
    after = [t.norm for t in toks[trig.last:trig.last + 3]]
    return bool(after) and (after[0] in SOME_OF_THEM or (
        after[0] in SOME and any(w in THEM for w in after[1:])))


def _negated_modal(doc: Document, trig: Trigger, floor: int) -> bool:
    """لا يمكن أن نقبل، لن نستطيع أن نقبل: a negation a few words before, over a modal verb."""
    return any(doc.tokens[j].norm in NEGATORS for j in range(max(floor, trig.first - 6), trig.first))


def _object_of_kind(ctx: Context, trig: Trigger, kind: str, window: int = UNSAID_WINDOW) -> bool:
    """رفض المتحدث العسكري، العقيد فلان، الإفصاح عن…: a word of the evidence list ``kind``
    (UNSAID: saying; HONOUR: powers, trust, awards) is the object of the verb."""
    toks = ctx.doc.tokens
    sent_end = ctx.doc.sentences[toks[trig.first].sent].last_token
    for j in range(trig.last, min(trig.last + window, sent_end)):
        if has_word(toks[j], kind):
            return True
        if j in ctx.verbs or j in ctx.trigger_tokens:
            return False
    return False


GOAL_LINKS = frozenset(normalize(w) for w in "في على إلى الى".split())
NOT_CHARGES = frozenset(normalize(w) for w in "بشدة بأشد بقوة بعد بين بسبب بشأن بها به بهم بالأمس بعض بعضا بعضهم بعضها بدون".split())


def _object_suffix(doc: Document, trig: Trigger) -> bool:
    """A verb carrying an object pronoun (يتهمونه، اتهمها): its ب after names the charge."""
    word = normalize(doc.text[trig.start:trig.end])
    heads = normalize(trig.pattern.lemma).split("/")  # اتهم ends in هم without a pronoun
    return word not in heads and word.endswith(("ه", "ها", "هم", "هما", "كم", "ني", "نا"))


def _aimed(ctx: Context, trig: Trigger) -> bool:
    """The act is only aimed at: ل of purpose on it (لمنع) or a word of aim or failure before it,
    perhaps with a preposition between (في سبيل منع، العمل على منع، الإخفاق في منع)."""
    toks = ctx.doc.tokens
    if _li_noun(ctx.doc, trig):
        return True
    k = trig.first - 1
    if k > 0 and toks[k].norm in GOAL_LINKS:
        k -= 1
    return k >= 0 and has_word(toks[k], "GOAL")


def _sport(doc: Document, sentence_lists: SentenceLists, sent) -> bool:
    """A sentence about a game, a club or a player (MATCH words; «الدوري» after a meeting noun is
    "periodic": الاجتماع الدوري لمجلس الوزراء)."""
    if "MATCH" not in sentence_lists(sent):  # a quick test (it also takes accusatives: مباراةا)
        return False
    toks = doc.tokens
    return any(has_word(toks[k], "MATCH") and not (
        toks[k].norm in PERIODIC and k > 0 and toks[k - 1].norm.lstrip("وب").startswith(MEETING_STEMS))
        for k in range(sent.first_token, sent.last_token))


def _promised(ctx: Context, trig: Trigger) -> bool:
    """«وعد» is "promised" only with the thing promised: ب (وعد بالإصلاح، بأن، ما وعد به), أن/ألا
    and a present verb (وعد ألا يبني) or an object pronoun (وعدهم); written with a shadda or
    followed by a phrase and its predicate (وعد النجيفي أن التحقيق غير منصف) it is "considered"."""
    doc, toks = ctx.doc, ctx.doc.tokens
    if "\u0651" in doc.text[trig.start:trig.end]:
        return False
    if _object_suffix(doc, trig):
        return True
    end = min(ctx.clause_end(trig.last, doc.sentences[toks[trig.first].sent].last_token),
              trig.last + PROMISE_REACH)
    for k in range(trig.last, end):
        w = toks[k].norm
        if w in DEMONSTRATIVES:
            return False  # وعد X هذه التصريحات بأنها…: considered
        if w in B_PRONOUNS or w == "ب" or w[:1] == "ب" and len(w) > 2 and w not in NOT_PROMISED and w[:3] != "بين":
            return True
        if w in THAT_NOT and k + 1 < len(toks) and toks[k + 1].norm[:1] in "يتن":
            return True
    return False


def _needed(ctx: Context, trig: Trigger) -> bool:
    """A NEED word (ضرورة، يجب، ينبغي، لا بد، أولوية، بهدف، نتطلع) shortly before the act in its
    clause: the act is a necessity, a priority or an aim. An ordinal and its comma or a colon
    may stand between (أولويتان: الأولى، التوصل إلى اتفاق); not «الهدف من الزيارة»."""
    toks, need = ctx.doc.tokens, evidence_words().get("NEED", frozenset())
    first = ctx.doc.sentences[toks[trig.first].sent].first_token
    for k in range(trig.first - 1, max(trig.first - NEED_REACH, first) - 1, -1):
        tok = toks[k]
        if tok.norm.lstrip("وف") in need:
            return True
        if tok.norm in NEED_BREAKS and not (tok.norm in THAT and k > 0 and toks[k - 1].norm.lstrip("وف") in need):
            return False  # بهدف التأكيد أن X توصلتا إلى اتفاق، بهدف التفجير بعد لقائه: another clause
        if tok.kind == "punct" and tok.norm != ":" and not (tok.norm == "," and toks[k - 1].norm in ORDINALS):
            return False
        if k in ctx.verbs:
            return False
    return False


def _questioned(doc: Document, trig: Trigger, sent) -> bool:
    """The trigger is in a direct question: after هل/لماذا/كيف/متى/أين/ماذا (with و/ف) and before
    the «؟» that ends it. A past verb right after a question about a happening (لماذا قتل ابننا
    أهله؟، كيف قتلهم؟) is told as given and is kept."""
    end = QUESTION_END.search(doc.text, trig.end, sent.end)
    if end is None or end.group() not in "؟?":
        return False
    toks = doc.tokens
    for k in range(trig.first - 1, max(sent.first_token, trig.first - QUESTION_REACH) - 1, -1):
        word = toks[k].norm
        if toks[k].kind != "word" and word in ".:!؟?":
            return False
        asked = word if word in QUESTION_WORDS else word[1:] if word[:1] in "وف" else ""
        if asked in QUESTION_WORDS:
            return not (asked in WHY_WHEN and k == trig.first - 1 and trig.pattern.pos == "V"
                        and trig.entry.tense == "past")
    return False


def _aircraft_used(ctx: Context, trig: Trigger, phrases):
    """The aircraft an attack noun is made with: «غارة (جوية) بطائرة أميركية» (ب right after the noun
    or one adjective); None if there is none among the phrases."""
    toks = ctx.doc.tokens
    for a in phrases:
        if a.first in (trig.last, trig.last + 1) and toks[a.first].start != a.start \
                and toks[a.first].norm.startswith("ب") and has_word(toks[a.first], "AIRCRAFT"):
            return a
    return None


def _averted(doc: Document, trig: Trigger) -> bool:
    """An outbreak noun (اندلاع، نشوب) before the trigger with an AVERT word before it,
    perhaps with من/دون between: تجنب اندلاع أي احتجاجات، الحيلولة دون نشوب حرب."""
    toks = doc.tokens
    k = trig.first - 1
    if k > 0 and toks[k].norm in ANY:
        k -= 1
    if k < 1 or not has_word(toks[k], "OUTBREAK"):
        return False
    k -= 1
    if k > 0 and toks[k].norm in AVERT_LINKS:
        k -= 1
    return has_word(toks[k], "AVERT")


def _anticipated(doc: Document, trig: Trigger) -> bool:
    """A word of anticipation (تحسبا) up to ANTICIPATION_REACH words before the trigger with no
    punctuation between: تحسبا لقيام الجماعات الإرهابية بمهاجمة المقار الأمنية."""
    toks = doc.tokens
    for k in range(trig.first - 1, max(trig.first - ANTICIPATION_REACH, 0) - 1, -1):
        if toks[k].kind == "punct":
            return False
        if has_word(toks[k], "ANTICIPATE"):
            return True
    return False


def _alone(ctx: Context, trig: Trigger, actors) -> bool:
    """A singular verb whose subject is unnamed or a person (احتج على القرار، احتج فلان)."""
    if normalize(ctx.doc.text[trig.start:trig.end]).endswith(("وا", "ون", "ن")):
        return False
    return all(_person(ctx.doc, a) for a in actors)


def _charge_after(ctx: Context, trig: Trigger, at: int | None = None) -> bool:
    """«اتهامه بالتخطيط»، «إدانتهم بتهم»: the charge follows (at token ``at``, else right after
    the trigger) with ب (not «إدانته بشدة»)."""
    toks = ctx.doc.tokens
    k = trig.last if at is None else at
    if k >= len(toks) or toks[k].kind != "word":
        return False
    word = toks[k].norm.removeprefix("و")
    return (word.startswith("ب") and len(word) > 3 and word not in NOT_CHARGES
            and k not in ctx.actor_at)  # not «اتهمت باكستان»


def _li_noun(doc: Document, trig: Trigger) -> bool:
    """The trigger carries ل (after و/ف): «لإدانته بطعن», a past form after ل is the verbal noun
    (for his conviction); «لمنع», ل of purpose (_aimed)."""
    tok = doc.tokens[trig.first]
    return tok.start < trig.start and normalize(doc.text[tok.start:trig.start]).lstrip("وف") == "ل"


def _accused_subject(ctx: Context, trig: Trigger, actors: list) -> bool:
    """«واتهم المسؤولون الخمسة بارتكاب جرائم»: a phrase right after the verb and followed by the
    charge with ب is the one accused (a passive, or a subject told before), not the accuser."""
    if len(actors) != 1 or actors[0].first != trig.last or _object_suffix(ctx.doc, trig):
        return False
    toks, k = ctx.doc.tokens, actors[0].last
    while k < min(actors[0].last + 2, len(toks) - 1) and toks[k].norm.startswith("ال") \
            and k not in ctx.actor_at:
        k += 1  # (المسؤولون الخمسة: an adjective or a number word of the phrase)
    return _charge_after(ctx, trig, k)


def _in_exchange(ctx: Context, trig: Trigger, tok) -> bool:
    """«لقاء رفع العقوبات»: bare لقاء before another event word means "in exchange for"."""
    return (tok.norm.removeprefix("و") in EXCHANGE and trig.last < len(ctx.doc.tokens)
            and trig.last in ctx.trigger_tokens)


def _possessed(doc: Document, trig: Trigger) -> bool:
    """A noun trigger carrying a possessive pronoun (اعتداءاته، هجماتهم)."""
    word = normalize(doc.text[trig.start:doc.tokens[trig.first].end])
    bare = word.removeprefix("ال")
    return bare.endswith(("ه", "ها", "هم", "هما")) and bare not in _bare_lemmas(trig.pattern.lemma)


@cache
def _bare_lemmas(lemma: str) -> frozenset:
    return frozenset(w.removeprefix("ال") for w in normalized_lemma(lemma).split("/"))


def _future_past(doc: Document, m) -> bool:
    """«سأضرب، سألتقي»: a past form read after the future prefix س is no past verb (أضرب = he
    went on strike); the present form of the same word, if any, is the reading."""
    tok = doc.tokens[m.first]
    return m.entry.tense == "past" and m.start > tok.start \
        and normalize(doc.text[tok.start:m.start]).endswith("س")


def _first_person_present(doc: Document, m) -> bool:
    """A past form that is also read as a present one is the present after سوف، لن، لم (لن
    ألتقي), and in the first person when written with a hamza where the past has none (ألتقي،
    أستقبل: not التقى، استقبل)."""
    if m.entry.tense != "past":
        return False
    if m.first and doc.tokens[m.first - 1].norm in PRESENT_BEFORE:
        return True
    return m.entry.pattern.lemma.startswith("ا") and doc.text.startswith("أ", m.start)


def _counted(doc: Document, m) -> bool:
    """«431 متهما»، «700 طالب»، «750 طالبا وطالبة»: a verb or participle form right after a count
    (or joined with و to a word after one) is a noun; not after a year (عام 2003 دعا)."""
    toks = doc.tokens
    if m.first == 0 or (m.entry.tense is None and m.entry.pattern.pos != "A") \
            or toks[m.first].start == toks[m.first - 1].end:
        return False  # (1436داعيا: a date glued to it)
    k = m.first - 1
    if m.start > toks[m.first].start and toks[m.first].norm[0] == "و":  # 750 طالبا وطالبة,
        # not «2015 وطالب الرئيس» (nor وعد, whose و is its own)
        if k == 0 or toks[k].kind != "word":
            return False
        k -= 1
    if toks[k].kind == "num":  # not a year, nor a numeral read with the article (العناصر ال54)
        return not YEAR.fullmatch(toks[k].norm) and (k == 0 or toks[k].start != toks[k - 1].end)
    return toks[k].norm in COUNTS


def _object_noun(doc: Document, before: Trigger, trig: Trigger) -> bool:
    """«رفع تجميد مساعدتها»، «تعليق المساعدات»: an event noun right after another trigger is its
    object, not a happening of its own (not when joined by و)."""
    return (trig.pattern.pos == before.pattern.pos == "N" and trig.first == before.last
            and trig.start == doc.tokens[trig.first].start)


def _in_names(doc: Document) -> set[int]:
    """The character offsets inside a name mention; a name ends where the next one starts, even
    inside it («جيش صدام حسين للمعارك»: not past «صدام حسين»)."""
    spans = sorted([(m.start, m.end) for m in doc.mentions if m.data.get("kind") == "name"])
    following = [start for start, _ in spans[1:]] + [len(doc.text)]
    inside: set[int] = set()
    for (start, end), after in zip(spans, following):
        inside.update(range(start, min(end, after)))
    return inside


def _counted_subject(ctx: Context, trig: Trigger, actors) -> bool:
    """A counted phrase right after the verb (قتل 9 من المسلحين، قتل عدد/العشرات من الجنود، اعتقل خمسة أشخاص؛ also after
    «خلاله/فيها» or a time: وقتل خلاله 6 حوثيين، قتل أمس أكثر من 20 شخصا) is its patient: the
    verb is read as passive (قُتل)."""
    toks = ctx.doc.tokens
    if trig.pattern.pos != "V" or not actors or trig.last >= len(toks):
        return False
    k = _past_in_it(ctx, trig.last, actors[0].first)
    while k < actors[0].first and toks[k].norm in APPROXIMATELY:
        k += 1  # أكثر من، نحو
    nxt = toks[k]
    return k <= actors[0].first <= k + 2 and (nxt.kind == "num" or nxt.norm in COUNTED_HEADS)


def _any_act(doc: Document, k: int, step: int, words: frozenset = frozenset()) -> bool:
    """«لأي/بأي/عن أي» within ANY_REACH words from token k (step -1: before an act noun, through
    محاولة/عمليات and an adjective; step 1: «لأي/لكل» after a verb, ستتصدى بحزم لأي): any act of
    the kind."""
    toks = doc.tokens
    words = words or ANY_WORDS
    for n in range(ANY_REACH if step < 0 else ANY_REACH - 1):
        if not 0 <= k < len(toks) or toks[k].kind != "word":
            return False
        if toks[k].norm in words:  # (not «لم تتبن أي جهة الهجوم»: a head of its own)
            return step > 0 or n == 0 or toks[k + 1].norm in ANY_HEADS
        k += step
    return False


def _killed_in_it(ctx: Context, trig: Trigger) -> bool:
    """«قتل خلاله/فيها 12 مسلحا»: the bare past verb, «خلاله/فيها» and a count read as a passive."""
    toks = ctx.doc.tokens
    if trig.pattern.pos != "V" or trig.entry.tense != "past" or trig.last + 1 >= len(toks) \
            or toks[trig.last].norm not in IN_IT \
            or normalize(ctx.doc.text[trig.start:trig.end]) != past_head(trig.pattern.lemma):
        return False
    k = trig.last + 1
    while k < len(toks) - 1 and toks[k].norm in APPROXIMATELY:
        k += 1
    return toks[k].kind == "num" or toks[k].norm in COUNTS


def _past_in_it(ctx: Context, k: int, end: int) -> int:
    """The first token from k (before end) that is not «خلاله، فيها» or a time word."""
    toks = ctx.doc.tokens
    while k < end and (toks[k].norm in IN_IT or k in ctx.tokens_in_times):
        k += 1
    return k


def _exposed(ctx: Context, trig: Trigger, floor: int) -> int | None:
    """«تعرضت دورية للجيش لإطلاق نار»، «بعد تعرضه لهجوم»، «تعرض الجنود إلى هجوم»: an attack noun
    with ل or after إلى following a form of
    تعرض → the index of that word (its subject or owner is the target), else None."""
    toks = ctx.doc.tokens
    first = trig.first
    if toks[first].start == trig.start and first - 1 > floor and toks[first - 1].norm == "الي":
        first -= 1  # تعرض الجنود إلى هجوم
    elif toks[first].start == trig.start or toks[first].norm[:1] != "ل":
        return None
    for k in range(first - 1, max(floor, first - EXPOSED_GAP) - 1, -1):
        if any(form in EXPOSED for form, _ in toks[k].readings):
            return k
    return None


def _escaped(ctx: Context, trig: Trigger, floor: int) -> int | None:
    """«نجا رئيس الوزراء من محاولة اغتيال»: an attack noun after «نجا من (محاولة)» → the index of
    نجا (its subject is the target), else None."""
    toks = ctx.doc.tokens
    k = trig.first - 1
    if k > floor and toks[k].norm in ATTEMPT_WORDS:
        k -= 1
    if k <= floor or toks[k].norm != "من":
        return None
    for j in range(k - 1, max(floor, k - EXPOSED_GAP) - 1, -1):
        if any(form in ESCAPED for form, _ in toks[j].readings):
            return j
    return None


def _hit_in(ctx: Context, trig: Trigger, floor: int) -> int | None:
    """«استشهد جنديان سعوديان في قصف حوثي»، «قتل ثلاثة جنود بقصف للحوثيين»، «مقتل سبعة جنود في
    هجوم»: an attack noun after في/جراء/إثر (or ب) closing the clause of a casualty verb or noun →
    the index of that word (its subject or genitive is the target), else None."""
    toks = ctx.doc.tokens
    first = trig.first
    if first - 1 > floor and toks[first - 1].norm in HIT_FRAMES:
        first -= 1  # قتل جندي بعد تجدد المعارك، مقتله في إحدى الغارات
    prefixed = toks[first].start != trig.start
    if not prefixed and (first - 1 <= floor or toks[first - 1].norm not in HIT_IN | HIT_AFTER):
        return None
    after = not prefixed and toks[first - 1].norm in HIT_AFTER
    for k in range(first - 1 - (not prefixed), max(floor, first - CASUALTY_GAP) - 1, -1):
        if _casualty_verb(toks[k]) and sum(i not in ctx.tokens_in_times for i in range(k, first)) <= EXPOSED_GAP:
            return k if not after or _unnamed_victim(ctx, k) else None
        if _casualty_noun(toks[k]):
            return k
    return None


def _casualty_verb(tok) -> bool:
    return tok.norm in CASUALTY_VERBS or tok.norm[:1] == "و" and tok.norm[1:] in CASUALTY_VERBS


def _unnamed_victim(ctx: Context, k: int) -> bool:
    """«قتل (أمس) ثلاثة مدنيين وجندي بعد…»: an indefinite unnamed phrase after the bare verb, read
    as its patient (not «قتل الجيش 20 مسلحا بعد هجوم»)."""
    j = _past_in_it(ctx, k + 1, len(ctx.doc.tokens))
    a = ctx.actor_at.get(j) or ctx.actor_at.get(j + 1)
    return a is not None and a.entity is None and not any(
        ctx.doc.tokens[i].norm.startswith(("ال", "وال")) for i in range(a.first, a.last))


def _result_victims(ctx: Context, trig: Trigger, end: int) -> list:
    """«انفجار … أدى إلى مقتل 12 شخصا»، «هجوم … أسفر عن مقتل ضابطين»، «قصف … نتج عنه إصابة
    مدنيين»: the people named as its casualties after a verb of result, before any other event
    word in the sentence."""
    toks = ctx.doc.tokens
    for j in range(trig.last, min(end, trig.last + RESULT_REACH)):
        if j in ctx.force_verbs or ctx.noun_types.get(j) in FORCE_TYPES:
            return []  # another attack: the result is its own
        if toks[j].norm.removeprefix("و") not in RESULT_VERBS:
            continue
        k = j + 1
        while k < min(end, j + 3) and toks[k].norm in RESULT_LINKS:
            k += 1
        if k < end and toks[k].norm.lstrip("ول") in CASUALTY_NOUNS | {"وفاه"}:
            return [a for a in [_victims_after(ctx, k, end)] if a is not None]
        return []
    return []


def _victims_after(ctx: Context, k: int, end: int):
    """The people named right after a casualty noun at k (مقتل أكثر من 20 شخصا), else None."""
    toks = ctx.doc.tokens
    for j in range(k + 1, min(k + 5, end)):
        a = ctx.actor_at.get(j)
        if a is not None:
            return None if a.place or preposition_word(toks, a) else a
        if toks[j].kind != "num" and toks[j].norm not in COUNTS | APPROXIMATELY:
            return None
    return None


def preposition_word(toks, a) -> bool:
    return toks[a.first].start != a.start  # بمقتل 3 من الجنود: «للجيش» is no victim


def _casualty_noun(tok) -> bool:
    return tok.norm.lstrip("وب") in CASUALTY_NOUNS  # ومقتل، بمقتل


def _casualties(ctx: Context, k: int, trig: Trigger):
    """The people named after a casualty noun (مقتل أربعة من عناصر الجيش، إصابة ضابطين) before the
    attack noun, else None."""
    toks = ctx.doc.tokens
    k = _past_in_it(ctx, k + 1, trig.first) - 1  # قتل أمس ثلاثة جنود في
    for j in range(k + 1, min(k + 4, trig.first)):
        a = ctx.actor_at.get(j)
        if a is not None:
            return a if a.last <= trig.first and not a.place else None  # (مقتل 12 سوريا: people)
        if toks[j].kind != "num" and toks[j].norm not in COUNTS and toks[j].norm != "من":
            return None
    return None


def _critic_after(ctx: Context, trig: Trigger, ceiling: int):
    """«تعرض لانتقادات (حادة) من المعارضة»: the critic after من."""
    toks = ctx.doc.tokens
    for k in range(trig.last, min(trig.last + 2, ceiling - 1)):
        if toks[k].norm == "من":
            return ctx.actor_at.get(k + 1)
    return None


def _exposed_target(ctx: Context, verb: int, trig: Trigger, floor: int):
    """The subject of تعرض: right after it (تعرضت دورية …) or just before it (القوات التي تعرضت)."""
    a = ctx.actor_at.get(verb + 1) or clause_subject(ctx, trig.first, floor)
    return a if a is not None and verb - EXPOSED_NEAR <= a.first < trig.first else None


def _unique(phrases: list) -> list:
    """Each phrase once (تبادل إطلاق النار: both sides are actors and recipients)."""
    first: dict = {}
    for a in phrases:
        first.setdefault((a.start, a.end), a)
    return list(first.values())


def _may_be_patient(ctx: Context, trig: Trigger, actors) -> bool:
    """Civilians found as the subject of a verb of force are its patients (قتل 38 سائحا) unless
    the verb takes its target after a preposition (اعتدى مستوطنون على) or they have an object
    of their own (اقتحم مستوطنون باحات المسجد) or قيام names them the doer (قيام مستوطنين باقتحام)."""
    p, toks, a = trig.pattern, ctx.doc.tokens, actors[0]
    prepositional = p.pos == "V" and a.first == trig.last and a.last < len(toks) \
        and toks[a.last - 1].norm.endswith(NOMINATIVE_PLURAL) and toks[a.last].norm in p.rcp
    return not prepositional and not _active_subject(ctx, trig, actors) \
        and doer(ctx, trig, ctx.doc.sentences[toks[trig.first].sent].first_token) is not a \
        and ventured(ctx, trig, ctx.doc.sentences[toks[trig.first].sent].first_token) is not a


def _active_subject(ctx: Context, trig: Trigger, actors) -> bool:
    """«اقتحم مستوطنون باحات المسجد»، «قتل مستوطنون فلسطينيا»: a nominative plural or dual
    right after the verb and followed by an object (not a preposition, a time or a manner word)
    is its subject: civilians who act are not the victims."""
    toks, a = ctx.doc.tokens, actors[0]
    if trig.pattern.pos != "V" or a.first != trig.last or a.last >= len(toks) \
            or not toks[a.last - 1].norm.endswith(NOMINATIVE_ENDINGS):
        return False
    k = a.last
    while k + 1 < len(toks) and toks[k].norm.endswith(NOMINATIVE_PLURAL):
        k += 1  # مواطنون غاضبون: its adjectives
    nxt = toks[k]
    return nxt.kind == "word" and k not in ctx.tokens_in_times and nxt.norm not in PASSIVE_NEXT \
        and nxt.norm not in NOT_OBJECTS and not _prepositional(nxt) and _object_start(ctx, k)


def _object_start(ctx: Context, k: int) -> bool:
    """Token k opens an object: a definite or accusative word (الشرطة، فلسطينيا), or a noun in
    construct with one (منازل الفلسطينيين); not an adjective of the subject (صحفيون أجانب)."""
    toks = ctx.doc.tokens
    def marked(j: int) -> bool:
        word = toks[j].norm
        return toks[j].kind == "word" and j not in ctx.tokens_in_times and (
            word.startswith("ال") or len(word) > 3 and word[-1] == "ا")
    return marked(k) or k + 1 < len(toks) and marked(k + 1) and toks[k + 1].norm.startswith("ال")


def _prepositional(tok) -> bool:
    """بالرصاص، للشرطة، وفي، وأصيب: a preposition clitic before a definite stem, or و before a
    preposition or a passive verb."""
    word = tok.norm
    return any(p and stem.startswith("ال") for stem, p in tok.readings) or (
        word[:1] == "و" and (word[1:] in NOT_OBJECTS or word[1:] in PASSIVE_VERBS))


def _passive_subject(ctx: Context, trig: Trigger, actors) -> bool:
    """«قتل جندي وأصيب آخر في هجوم»، «قتل مدني برصاص قناص»: a bare past verb of force whose
    unnamed, indefinite subject has no object after it reads as a passive (قُتل): the subject
    is the victim. An object after it (قتل مسلح شرطيا) keeps the active reading."""
    p, toks = trig.pattern, ctx.doc.tokens
    if p.pos != "V" or "obj" not in p.rcp or not actors or trig.entry.tense != "past":
        return False
    a = actors[0]
    if _counted_before(ctx, trig, actors):  # إن 9 من الجنود قتلوا في هجوم (no object after)
        nxt = trig.last
        return nxt >= len(toks) or toks[nxt].kind == "punct" or nxt in ctx.tokens_in_times \
            or toks[nxt].norm in PASSIVE_NEXT | NOT_OBJECTS | BESIDES
    if a.first != _past_in_it(ctx, trig.last, a.first) or a.entity is not None or any(
            toks[k].norm.startswith(("ال", "وال")) for k in range(a.first, a.last)):
        return False  # definite (القوات، طيران التحالف): the subject
    if normalize(ctx.doc.text[trig.start:trig.end]) != past_head(p.lemma):
        return False
    nxt = actors[-1].last
    aside = ctx.aside(nxt, len(toks)) if nxt < len(toks) else None
    if aside is not None:
        nxt = aside + 1  # خطف مسلحون، مساء الأربعاء، ثلاثة عمال
    joined = ctx.actor_at.get(nxt) or (ctx.actor_at.get(nxt + 1) if toks[nxt].norm[1:] in COUNTS else None) \
        if nxt < len(toks) and toks[nxt].norm[:1] == "و" else None  # (not «ومقاومة السلطات»)
    if joined is not None and joined.entity is None:
        nxt = joined.last  # قتل ضابط وثلاثة جنود: victims joined by و
    nxt = _past_in_it(ctx, nxt, len(toks))  # قتل ضابط وثلاثة جنود أمس الخميس في انفجار
    if nxt >= len(toks) or toks[nxt].kind == "punct":
        return True
    word = toks[nxt].norm
    return word in PASSIVE_NEXT or word[:1] == "و" and word[1:] in PASSIVE_VERBS


def _fronted_victim(ctx: Context, trig: Trigger) -> ActorPhrase | None:
    """«إن ضابطين في قوة الدرك قتلا في الانفجار»، «أفراد من قوات الأمن قتلوا جراء…»: a plural or
    dual past verb of force right after its subject, with no object after it, is a passive (قُتلوا):
    the subject is the victim."""
    p, toks = trig.pattern, ctx.doc.tokens
    if p.pos != "V" or p.mode not in PEOPLE_MODES or trig.entry.tense != "past" or trig.start != toks[trig.first].start:
        return None  # (وقتلوا: a verb joined to the one before)
    a = ctx.actor_ending.get(trig.first)
    if a is None or a.place or trig.last >= len(toks):
        return None
    nxt = toks[trig.last]
    if not (nxt.kind == "punct" or trig.last in ctx.tokens_in_times or nxt.norm in PASSIVE_NEXT or nxt.norm in BESIDES):
        return None
    word = normalize(ctx.doc.text[trig.start:trig.end])
    ending = 2 if word[-2:] in (PLURAL_PAST, "تا") else 1 if word[-1:] == "ا" else 0
    if not ending or word[:-ending] != past_head(p.lemma):
        return None
    for k in range(trig.last + 1, min(trig.last + VICTIM_OBJECT_REACH, len(toks))):
        tok = toks[k]  # قتلوا في المواجهات عشرة جنود: an object after all (active)
        if tok.kind == "punct" or k in ctx.verbs or tok.norm in AGENT_VERBS or tok.norm in RELATIVES:
            break
        if tok.kind == "num" or tok.norm in COUNTS:
            return None
    return a


def _counted_before(ctx: Context, trig: Trigger, actors) -> bool:
    """«إن تسعة من المسلحين قتلوا»: a counted subject (N من X) right before a past verb with
    no object pronoun."""
    toks, a = ctx.doc.tokens, actors[-1]
    if not (a.last == trig.first or a.last + 1 == trig.first and toks[a.last].norm[:1] == "و") \
            or actors[0].first < 2 or toks[actors[0].first - 1].norm != "من":
        return False  # (9 من مسلحي الحوثي وصالح قتلوا: a name joined by و)
    count = toks[actors[0].first - 2]
    word = normalize(ctx.doc.text[trig.start:trig.end])
    return (count.kind == "num" or count.norm.lstrip("و") in COUNTS) \
        and word.endswith(PLURAL_PAST) and word[:-2] == past_head(trig.pattern.lemma)


def _type(p, actors) -> str:
    for sector, other in p.if_sector:
        if any(a.sector == sector for a in actors):
            return other
    return p.type


def _definite_noun(tok, p) -> bool:
    """«الهجوم»، «والمظاهرة»: with no actor, a definite noun names a happening told earlier in
    the story or a background one, not a new event."""
    return p.pos == "N" and any(stem.startswith("ال") for stem, _ in tok.readings)


def _invitation(doc: Document, trig: Trigger) -> int | None:
    """The invitation word a visit or meeting noun completes (دعوة لزيارة، الدعوة لقيادة الحركة
    لزيارة موسكو): right before it, or a few words before its ل."""
    toks = doc.tokens
    if trig.first > 0 and toks[trig.first - 1].norm.removeprefix("و") in INVITATIONS:
        return trig.first - 1
    if not toks[trig.first].norm.startswith("ل"):
        return None
    first = doc.sentences[toks[trig.first].sent].first_token
    for j in range(trig.first - 1, max(first, trig.first - INVITE_GAP) - 1, -1):
        if toks[j].norm in INVITE_STOPS:
            return None
        if toks[j].norm.removeprefix("و") in INVITATIONS:
            return j
    return None


def _accepted(doc: Document, j: int, floor: int) -> bool:
    """قبل روحاني دعوة، لبى الدعوة: the invitation was accepted (the visit is planned)."""
    return any(doc.tokens[k].norm.removeprefix("و") in ACCEPT
               for k in range(max(floor, j - ACCEPT_GAP), j))


def _offered(doc: Document, i: int, floor: int) -> bool:
    return any(doc.tokens[j].norm.removeprefix("و") in WILLING for j in range(max(i - 3, floor), i))


def _target_kind(ctx: Context, trig: Trigger, ceiling: int, kind: str) -> bool:
    """The object after «على» is of a kind in evidence.tsv: الهجوم على الاتفاق (VERBAL: an
    attack on an agreement, a decision or a policy is verbal), على مرمى (SPORT)."""
    toks = ctx.doc.tokens
    for j in range(trig.last, min(trig.last + 3, ceiling - 1)):
        if toks[j].norm == "علي":
            return has_word(toks[j + 1], kind)
    return False


def _evidence(ctx, trig, sent, etype) -> bool:
    """A word of the sentence other than the trigger's tells that the act of force or the
    protest happened."""
    toks = ctx.doc.tokens
    return etype in ctx.sentence_lists(sent) and (has_evidence(toks[sent.first_token:trig.first], etype)
                                                  or has_evidence(toks[trig.last:sent.last_token], etype))


def _needs_met(ctx, trig, need, actors, rcps, sent, etype) -> bool:
    if need is None:
        return True
    if need == "actor":
        return bool(actors)
    if need == "rcp":
        return bool(rcps)
    if need == "place":
        return any(a.place for a in rcps)
    if need == "military":  # وصل سليماني إلى موسكو: one commander arriving is no deployment
        toks = ctx.doc.tokens
        flight = "FLIGHT" in ctx.sentence_lists(sent)
        return not _level_reached(ctx.doc, trig, sent.last_token) and any(
            a.sector == "MIL" and not _person(ctx.doc, a) and not has_word(toks[a.first], "NOT_TROOPS")
            and not (flight and has_word(toks[a.first], "AIRCRAFT")) for a in actors)
    if need == "civil":
        return any(a.sector in CIVIL for a in actors)
    if need == "forces":  # رفعت الأجهزة الأمنية حالة التأهب, not «أعلنت المستشفيات حالة استنفار»
        return any(a.sector in FORCES for a in actors)
    if need == "protesters":
        toks = ctx.doc.tokens  # آلاف (من) المتظاهرين: the crowd word may head the phrase
        return any(has_word(toks[i], "PROTESTER") for a in actors
                   for i in range(a.first, min(a.last + 2, sent.last_token))) or (
            trig.pattern.mode in DISRUPTIONS and any(a.sector in CIVIL for a in actors)
            and any(has_word(t, "IN_PROTEST") for t in toks[trig.last:sent.last_token]))
    if need == "security":
        return bool(rcps) and any(a.sector in SECURITY for a in actors)
    if need == "slur":  # وصف X Y بأنه داعم للإرهاب: a description accuses only with a slur
        return bool(rcps) and _slur_after(ctx.doc, trig, sent)
    if need == "side":  # انسحبت القوات، not «انسحبت الشركة من الولاية»، «انسحب بلاتر من القاعة»
        return any(a.sector in SIDES for a in actors)
    if need == "sides":
        return any(a.sector in SIDES for a in actors) and any(a.sector in SIDES for a in rcps)
    if need == "parties":  # «يجب على إيران أن…» said by a minister, not «يجب على الآباء…»
        return bool(actors) and all(a.sector in PARTIES for a in actors) and any(
            r.sector in PARTIES and (r.entity is None or r.entity not in {a.entity for a in actors})
            for r in rcps)
    if need in RELATIVE_NEEDS:
        return _relative_need_met(ctx.doc, trig, need)
    if need == "abroad":  # دعم طهران للأسد، not «نوه بدعم أمير المنطقة للمهرجان»
        return any(_backs(a, r) for a in actors for r in rcps) or trig.first in ctx.backing and bool(rcps)
    if etype == "ASSAULT" and any(a.sector in ARMED for a in actors):
        return True
    if etype == "ASSAULT" and trig.pattern.mode == "kill" and rcps and actors \
            and actors[0].first == trig.last and actors[0].entity is None:
        return True  # قتل مستوطنون فلسطينيا: unnamed people after the verb killed someone
    if etype == "PROTEST" and any(a.sector in CIVIL for a in actors):
        return True
    if etype not in ACTORLESS_OK:
        return True  # turned verbal (الهجوم على الاتفاق): no physical evidence to ask for
    return _evidence(ctx, trig, sent, etype)


def _need_unmet(doc: Document, trig: Trigger, sent) -> bool:
    """The trigger's need (see _needs_met) fails whatever its arguments, and its type is one
    an endorsement or an act named as content cannot make up for."""
    p = trig.pattern
    if p.type in CONTENT_FRAMES or p.type == "AID" or any(other == "AID" for _, other in p.if_sector):
        return False
    if p.need == "slur":
        return not _slur_after(doc, trig, sent)
    if p.need in RELATIVE_NEEDS:
        return not _relative_need_met(doc, trig, p.need)
    return p.need == "military" and _level_reached(doc, trig, sent.last_token)


def _slur_after(doc: Document, trig: Trigger, sent) -> bool:
    end = min(trig.last + SLUR_SPAN, sent.last_token)
    return has_evidence(doc.tokens[trig.last:end], "SLUR")


def _relative_need_met(doc: Document, trig: Trigger, need: str) -> bool:
    """العقوبات التي فرضها X على Y، الحصار المشدد الذي تفرضه X (imposed, not القيود الرأسمالية);
    الاتفاق (النووي) الذي توصلت إليه X مع Y (agreed)."""
    head = _relative_head(doc, trig, RELATIVE_NEEDS[need])
    return head is not None and not (need == "imposed" and any(
        has_word(doc.tokens[k], "FINANCE") for k in range(head, trig.first - 1)))


def _level_reached(doc: Document, trig: Trigger, end: int) -> bool:
    """«يصل إلى 600 متر»، «وصل إلى درجة الانهزام»: a number or a LEVEL word right after the first
    إلى following the verb."""
    toks = doc.tokens
    for k in range(trig.last, min(end, trig.last + LEVEL_REACH)):
        if toks[k].norm == "الي" and k + 1 < end:
            nxt = toks[k + 1]
            return nxt.kind == "num" or nxt.norm in COUNTS or has_word(nxt, "LEVEL")
    return False


def _relative_head(doc: Document, trig: Trigger, kind: str):
    """The verb opens a relative clause (الذي/التي right before it) whose head, up to two words
    before the relative pronoun, is a word of the evidence list ``kind``: its index, else None."""
    toks = doc.tokens
    if trig.first < 2 or toks[trig.first - 1].norm not in RELATIVES:
        return None
    return next((k for k in range(max(trig.first - 3, 0), trig.first - 1) if has_word(toks[k], kind)), None)


def _backs(a, r) -> bool:
    """A state, a force or an armed group backing a party of another country, or an armed side."""
    return (a.sector in SIDES or a.place) and (
        r.sector in FIGHTERS or bool(a.country and r.country and a.country != r.country))


def _person(doc: Document, a) -> bool:
    return a.entity is not None and any(e.id == a.entity and e.type == "PER" for e in doc.entities)


def _first_object(ctx, trig: Trigger, actors, kind: str) -> bool:
    """The first word after the verb (and its subject) is a word of the evidence list ``kind``
    (ABSTRACT: تستهدف الخطة رفع…; CALL: the sick, the wounded, a home, an exhibition)."""
    toks = ctx.doc.tokens
    j = _after_subject(trig, actors)
    while j < len(toks) - 1 and (toks[j].norm in SKIP_WORDS or toks[j].norm in trig.pattern.rcp):
        j += 1  # زار المسؤولين أمس مصابي، اعتدى على سيادة
    return j < len(toks) and has_word(toks[j], kind)


def _endangered(ctx, trig: Trigger, actors) -> bool:
    """«يهدد أمن المنطقة»، «تهدد حياة المارة»، «تهديد للسلم»، «تهديدا خطيرا لأمن»: what is put at
    risk (DANGER in evidence.tsv) comes first after the verb and its subject, or after the noun
    and one adjective (not a threatened act with ب: هدد بعملية عسكرية)."""
    toks = ctx.doc.tokens
    j = _after_subject(trig, actors) if trig.pattern.pos == "V" else trig.last
    for k in range(j, min(j + 2, len(toks))):
        if toks[k].norm in SKIP_WORDS:
            continue
        if has_word(toks[k], "DANGER") and not toks[k].norm.startswith("ب"):
            return True
        if trig.pattern.pos == "V":
            return False
    return False


def _threat_named(doc: Document, trig: Trigger) -> bool:
    """«تهديدات بالقتل»، «تهديده بشن هجمات»: a threat noun names the act threatened with ب
    right after it or after one adjective."""
    toks = doc.tokens
    return any(_with_b(toks[k]) and toks[k].norm not in COMPLEMENTIZER_B
               for k in range(trig.last, min(trig.last + 2, len(toks))))


def _after_subject(trig: Trigger, actors) -> int:
    """The token after the trigger and its subject (the actors named after it)."""
    return max([trig.last] + [a.last for a in actors if a.first >= trig.last])


def _names_content(ctx: Context, trig: Trigger, actors) -> bool:
    """Another event's word, introduced by ب or إلى (or a light verb with ب: بشن هجمات),
    follows within FRAME_WINDOW words; or any verbal noun with ب comes right after the verb and
    its subject (هددت إيران بإغلاق مضيق هرمز)."""
    toks = ctx.doc.tokens
    end = min(trig.last + FRAME_WINDOW, len(toks))
    after = _after_subject(trig, actors)
    return any(k in ctx.trigger_tokens and (_with_b(toks[k]) or toks[k - 1].norm in TO_ACT)
               for k in range(trig.last, end)) or (
        trig.pattern.pos == "V" and after < len(toks) and _with_b(toks[after]))


def _threat_content(doc: Document, threat: Trigger, trig: Trigger) -> bool:
    """«هدد بفرض عقوبات»، «طالب بالإفراج عن»، «دعا إلى وقف»: the act threatened or asked for is
    introduced by ب or إلى."""
    toks = doc.tokens
    return any(_with_b(toks[k]) or toks[k].norm in TO for k in range(threat.last, trig.first + 1))


def _with_b(tok) -> bool:
    """The word carries the proclitic ب (بفرض، بالإفراج، بشن: a two-letter stem has no reading)."""
    return tok.norm[:1] == "ب" and (len(tok.readings) > 1 or tok.norm[1:] in SHORT_MASDARS)


def _framed(ctx, framing: Trigger | None, trig: Trigger) -> bool:
    """أدان الهجوم الذي استهدف…، منع المسلحين من مهاجمة…، هدد بفرض عقوبات: an attack or protest
    named by a condemnation or a prevention (not coded), or any act named by a threat (coded as
    hypothetical), shortly before it in the same sentence."""
    toks = ctx.doc.tokens
    if framing is None or toks[framing.first].sent != toks[trig.first].sent \
            or not 0 <= trig.first - framing.last <= FRAME_WINDOW:
        return False
    end = ctx.clause_end(framing.last, trig.first, quotes=False)
    while end + 1 < trig.first and toks[end].norm == "," and toks[end + 1].norm in RELATIVES:
        end = ctx.clause_end(end + 1, trig.first, quotes=False)  # العمل الإرهابي، الذي استهدف
    if end < trig.first or any(k in ctx.verbs for k in range(framing.last, trig.first)):
        return False  # a mark (، .) or a verb between starts a new clause: framed no more
    return not any(stem in ADVERBIAL_STARTS  # …and so does بعد أن، عقب
                   for k in range(framing.last, trig.first) for stem, _ in toks[k].readings)


def _actors(doc: Document, a: ActorPhrase, etype: str, home: str | None, acting: bool) -> list[Actor]:
    """The record actors of a phrase: one, or both parties of «البلدان» / «الجانبين»."""
    if a.sides:
        text = doc.text[a.start:a.end]
        return [Actor(entity, text, country, sector) for entity, country, sector in a.sides]
    return [_actor(doc, a, etype, home, acting)]


def _actor(doc: Document, a: ActorPhrase, etype: str, home: str | None, acting: bool) -> Actor:
    """A record actor; an unnamed local group (المدنيين، الميليشيات) belongs to the country where
    the event happens (else the article's main country). A place using force is its military;
    a place attacked keeps its own sector (the state, as any other recipient place)."""
    sector = a.sector
    if a.place and etype in FORCE_TYPES and acting:
        sector = "MIL"
    country = a.country
    if (country is None and a.entity is None and sector in LOCAL_SECTORS and not a.regional
            and any(w.startswith(("ال", "لل")) for w in normalize(doc.text[a.start:a.end]).split())):
        country = home
    return Actor(a.entity, doc.text[a.start:a.end], country, sector)


def _confidence(actors, rcps, p) -> float:
    c = 0.5 + (0.25 if actors else 0.0) + (0.1 if rcps else 0.0) + (0.05 if p.pos == "V" else 0.0)
    return round(min(c, 0.95), 2)
