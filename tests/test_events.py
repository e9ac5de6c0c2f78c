"""Event rule families (tests/examples/events.json): type, actor, recipient, status, date.

One test runs the whole corpus and prints every failure.
"""
import json
from pathlib import Path

import pytest

from marsad.events import extract
from marsad.document import make_document
from marsad.events.cameo import goldstein, quad_class
from marsad.events.evidence import has_evidence, has_word, lists_of
from marsad.events.inflect import noun_forms, past_forms, present_forms
from marsad.pipeline import default_pipeline
from marsad.text.segment import segment

CORPUS = Path(__file__).parent / "examples" / "events.json"


def _actor_ok(want: str | None, actors) -> bool:
    if want is None:  # null: no actor at all
        return not actors
    for a in actors:
        if "/" in want and want == f"{a.country}/{a.sector}":
            return True
        if "/" not in want and want in a.text:
            return True
    return False


def _show(actors) -> list:
    return [(a.text, a.country, a.sector) for a in actors]


def _unwanted(case, events) -> str | None:
    """"not": "TYPE" (no event of that type) or "TYPE:trigger" (none with that trigger)."""
    if "not" not in case:
        return None
    etype, _, trigger = case["not"].partition(":")
    bad = [e for e in events if e.type == etype and (not trigger or e.trigger.text == trigger)]
    return f"unwanted {case['not']}" if bad else None


def _location_ok(want: str, event, entities) -> bool:
    names = [m.text for e in entities if e.id == event.location for m in e.mentions]
    return any(want in n for n in names)


def _check(case, events, entities=()) -> str | None:
    unwanted = _unwanted(case, events)
    if unwanted or case["type"] == "none":
        return unwanted
    cands = [e for e in events if e.type == case["type"]]
    if not cands:
        return f"no {case['type']} (got {[e.type for e in events]})"
    problems = []
    for e in cands:
        problems = []
        if "actor" in case and not _actor_ok(case["actor"], e.actor):
            problems.append(f"actor {_show(e.actor)} != {case['actor']}")
        if "recipient" in case and not _actor_ok(case["recipient"], e.recipient):
            problems.append(f"recipient {_show(e.recipient)} != {case['recipient']}")
        if "mode" in case and e.mode != case["mode"]:
            problems.append(f"mode {e.mode} != {case['mode']}")
        if "status" in case and e.status != case["status"]:
            problems.append(f"status {e.status} != {case['status']}")
        if "date" in case and e.date != case["date"]:
            problems.append(f"date {e.date} != {case['date']}")
        if "location" in case and not _location_ok(case["location"], e, entities):
            problems.append(f"location {e.location} != {case['location']}")
        if not problems:
            return None
    return "; ".join(problems)


def test_event_corpus():
    data = json.loads(CORPUS.read_text(encoding="utf-8"))
    pipe = default_pipeline()
    failures = []
    for case in data["cases"]:
        rec = pipe(case["text"], date=data["date"])
        problem = _check(case, rec.events, rec.entities)
        if problem:
            failures.append(f"{problem}: {case['text']}")
    for f in failures:
        print("  FAIL", f)
    assert not failures, f"{len(failures)} of {len(data['cases'])} cases failed (see above)"


def test_inflection():
    assert {"اجتمع", "اجتمعت", "اجتمعوا", "اجتمعا"} <= past_forms("اجتمع")
    assert {"يجتمع", "تجتمع", "يجتمعون", "نجتمع"} <= present_forms("يجتمع")
    assert {"دعا", "دعت", "دعوا"} <= past_forms("دعا")
    assert {"يدعو", "تدعو", "يدعون"} <= present_forms("يدعو")
    assert {"زياره", "الزياره", "زيارته", "زيارتها"} <= noun_forms("زياره")
    assert {"لقاء", "لقائه"} <= noun_forms("لقاء")
    assert "قبله" not in past_forms("قبل", bare=False)


def test_event_fields_are_complete():
    text = "وقصفت طائرات حربية روسية مواقع للمعارضة في إدلب أمس."
    rec = default_pipeline()(text, date="2015-08-01")
    ev = next(e for e in rec.events if e.type == "ASSAULT")
    assert ev.cameo and ev.goldstein == goldstein(ev.cameo) and ev.quad_class == 4
    assert text[ev.trigger.start:ev.trigger.end] == ev.trigger.text == "قصفت"
    assert ev.date == "2015-07-31" and ev.status == "asserted" and ev.location
    assert quad_class("CONSULT") == 1 and goldstein("190") == -10.0


def test_compound_actor_is_one_event():
    for text in ("واتفقت روسيا وتركيا على تعزيز التعاون.",
                 "وقال المتحدث إن مصر والأردن اتفقتا على تشكيل لجنة مشتركة."):
        agree = [e for e in default_pipeline()(text, date="2015-08-01").events if e.type == "AGREE"]
        assert len(agree) == 1 and len(agree[0].actor) == 2, text


def test_titled_genitive_takes_no_far_actor():
    """زيارة أمين المدينة: the unnamed official visits, never the emir named in the clause before."""
    text = ("واستقبل أمير منطقة الرياض الأمير فيصل بن بندر أمس، وجرى خلال اللقاء بحث زيارة "
            "أمين المدينة للمنطقة.")
    rec = default_pipeline()(text, date="2015-08-01")
    visits = [e for e in rec.events if e.trigger.text == "زيارة"]
    assert all("فيصل" not in a.text for e in visits for a in e.actor), [_show(e.actor) for e in visits]


# Repeat mentions: (case, text, event type, how many events of that type the text holds).
EVENT_COUNTS = [
    ("same happening told twice",
     "قصفت طائرات روسية مواقع في إدلب أمس. وكانت طائرات روسية قصفت مواقع في إدلب أمس.",
     "ASSAULT", 1),
    ("two statements are two events",
     "واتفق وزير الخارجية الأمريكي مع نظيره المصري على تنسيق الجهود ضد الإرهاب. "
     "كما أكد وزير الخارجية الأمريكي رغبة بلاده في مساعدة مصر اقتصاديا.",
     "AGREE", 2),
    ("a noun naming an earlier visit",
     "قال مسؤولون إن وزير الدفاع الإيراني زار موسكو في 20 يوليو. "
     "ولم يؤكد الكرملين زيارة وزير الدفاع الإيراني لموسكو.",
     "CONSULT", 1),
    ("a capital and its country are one party",
     "قال مسؤولون إن الرئيس الأمريكي زار كينيا الجمعة. "
     "وتأتي زيارة الرئيس الأمريكي لنيروبي في إطار جولة أفريقية.",
     "CONSULT", 1),
    ("a capital and its country are one party (2)",
     "وزار وزير الخارجية الروسي إيران أمس. "
     "وقالت الوكالة إن زيارة وزير الخارجية الروسي لطهران تناولت الاتفاق النووي.",
     "CONSULT", 1),
    ("a meeting named from the other side",
     "ومن المقرر أن يلتقي وزير الخارجية الفرنسي مع نظيره الإيراني في طهران. "
     "وقال دبلوماسيون إن لقاء الوزير الإيراني مع وزير الخارجية الفرنسي سيتناول الاتفاق النووي.",
     "CONSULT", 1),
    ("the same event phrase told again",
     "وقررت الحكومة المصرية تمديد حالة الطوارئ شهرا. "
     "ولم توضح الحكومة المصرية سبب قرار تمديد حالة الطوارئ.",
     "COERCE", 1),
    ("a new wave is another event",
     "وشنت المقاتلات الروسية غارات على مواقع المعارضة صباحا. "
     "وبعد الظهر شنت المقاتلات الروسية غارات جديدة على مواقع المعارضة.",
     "ASSAULT", 2),
    ("a noun recalling an abduction",
     "وخطف مسلحون خمسة صحفيين أجانب في شمال البلاد أمس. "
     "وبث الخاطفون اليوم تسجيلا يظهر الصحفيين بعد خطفهم.",
     "ASSAULT", 1),
    ("an attack noun and the verb of its relative clause (past an adjective)",
     "وقال المحققون اليوم إن تنظيم داعش يقف وراء الاعتداء الانتحاري الذي استهدف مسجدا "
     "في المدينة يوم الجمعة الماضي.",
     "ASSAULT", 1),
]


@pytest.mark.parametrize("case,text,etype,count", EVENT_COUNTS, ids=[c[0] for c in EVENT_COUNTS])
def test_repeat_mentions(case, text, etype, count):
    rec = default_pipeline()(text, date="2015-08-01")
    assert len([e for e in rec.events if e.type == etype]) == count


RULED_OUT = [  # every trigger yields no event whatever its arguments
    "يلتقي الهلال مع النصر في المباراة النهائية لكأس الملك يوم الجمعة المقبل.",  # a game
    "هل ستقصف الطائرات الأمريكية مواقع التنظيم في سوريا؟",  # a question
    "وصف وزير الخارجية الإيراني محمد جواد ظريف نظيره السعودي بأنه رجل حكيم.",  # no slur
    "ووصلت درجة الحرارة في الرياض إلى 48 درجة مئوية أمس.",  # a level reached, no deployment
    "وأكد أن القيود الرأسمالية التي فرضتها الحكومة ستبقى.",  # financial curbs, no sanctions
]


@pytest.mark.parametrize("text", RULED_OUT)
def test_ruled_out_triggers_build_no_context(monkeypatch, text):
    def no_context(*args):
        raise AssertionError("the events Context was built")
    monkeypatch.setattr(extract, "Context", no_context)
    assert default_pipeline()(text, "2015-03-01").events == []


def test_ruled_out_trigger_beside_an_event():
    text = ("يلتقي الهلال مع النصر في المباراة النهائية لكأس الملك. "
            "واعتقلت الشرطة المصرية خمسة أشخاص في القاهرة أمس. "
            "ووصف وزير الخارجية الإيراني السعودية بأنها داعمة للإرهاب.")
    events = default_pipeline()(text, "2015-03-01").events
    assert [(e.type, e.trigger.text) for e in events] == [("COERCE", "اعتقلت"), ("ACCUSE", "وصف")]


def test_evidence_lists_of_tokens():
    """A token is in a list by any of its clitic readings (وبالمباراة: و + ب + المباراة); its
    accusative (مقتلا) counts for lists_of and has_evidence, not for has_word."""
    doc = make_document("وبالمباراة مقتلا والمتظاهرين قال")
    segment(doc)
    match, killing, protesters, said = doc.tokens
    assert lists_of(doc.tokens) == {"MATCH", "ASSAULT", "PROTEST", "PROTESTER"}
    assert lists_of([said]) == frozenset()
    assert has_word(match, "MATCH") and has_word(protesters, "PROTESTER")
    assert not has_word(killing, "ASSAULT") and has_evidence([said, killing], "ASSAULT")
    assert not has_evidence([match, said], "ASSAULT")
