"""Shared by tests/test_server_*.py: hand-made records on the bundled sample article
(so the server and the page are tested with rich records whatever the NLP stages
produce today), a stub pipeline serving them, and a small store built from them."""
from __future__ import annotations

import re
import socket
import threading
import time
from contextlib import contextmanager

import httpx

from marsad.record import Actor, Entity, ErrorRecord, Event, Mention, Offsets, Quote, Record, Time, Trigger
from marsad.samples import sample_document

XSS = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>'
XSS_ARTICLE = (f"قال الوزير {XSS} إن الحكومة ستدرس الأمر.\n"
               f"وهاجم مسلحون مركزا للشرطة في بلدة {XSS} صباح الأحد.")


def _at(text: str, phrase: str, nth: int = 0) -> tuple[int, int]:
    starts = [m.start() for m in re.finditer(re.escape(phrase), text)]
    start = starts[nth]
    return start, start + len(phrase)


def _sentence(text: str, offset: int) -> Offsets:
    start = max(text.rfind(".", 0, offset), text.rfind("\n", 0, offset)) + 1
    end = min(i for i in (text.find(".", offset), text.find("\n", offset), len(text) - 1) if i >= 0) + 1
    while text[start].isspace():
        start += 1
    return Offsets(start, end)


def _mentions(text, *phrases):
    return [Mention(*_at(text, p, n), p, kind) for p, n, kind in phrases]


def _event(text, vid, type_, trigger, actor, recipient, **extra) -> Event:
    start, end = _at(text, trigger)
    return Event(id=vid, type=type_, actor=actor, recipient=recipient,
                 trigger=Trigger(start, end, trigger), sentence=_sentence(text, start), **extra)


def sample_record() -> Record:
    doc = sample_document()
    t = doc["text"]
    entities = [
        Entity("E1", "PER", "سامح شكري", "Sameh Shoukry", None, "EGY", "GOV",
               _mentions(t, ("سامح شكري", 0, "name"), ("وزير الخارجية المصري", 0, "nominal"), ("شكري", 1, "name"))),
        Entity("E2", "PER", "ناصر جودة", "Nasser Judeh", None, "JOR", "GOV",
               _mentions(t, ("ناصر جودة", 0, "name"), ("جودة", 1, "name"))),
        Entity("E3", "GPE", "عمّان", "Amman", None, "JOR", None,
               _mentions(t, ("عمّان", 0, "name"), ("عمّان", 1, "name"))),
        Entity("E4", "GPE", "حلب", "Aleppo", None, "SYR", None, _mentions(t, ("حلب", 0, "name"))),
        Entity("E5", "PER", "بان كي مون", "Ban Ki-moon", None, "UNO", "GOV", _mentions(t, ("بان كي مون", 0, "name"))),
        Entity("E6", "ORG", "المرصد السوري لحقوق الإنسان", "Syrian Observatory for Human Rights", None, "SYR", "NGO",
               _mentions(t, ("المرصد السوري لحقوق الإنسان", 0, "name"))),
        Entity("E7", "FAC", "جامعة القاهرة", "Cairo University", None, "EGY", "EDU", _mentions(t, ("جامعة القاهرة", 0, "name"))),
    ]
    times = [Time(*_at(t, "الإثنين 21 نوفمبر/تشرين الثاني"), "الإثنين 21 نوفمبر/تشرين الثاني", "DATE", "2016-11-21"),
             Time(*_at(t, "الأحد"), "الأحد", "DATE", "2016-11-20")]
    q1 = "مصر والأردن تتفقان على ضرورة التوصل إلى حل سياسي في سوريا يحفظ وحدة أراضيها"
    q2 = "نحن نرفض أي تدخل عسكري أجنبي في الشؤون الداخلية للدول العربية"
    quotes = [Quote(*_at(t, q1), q1, False, "E1", "شكري", "قال"),
              Quote(*_at(t, q2), q2, True, "E1", None, "أضاف")]
    shoukry = Actor("E1", "وزير الخارجية المصري سامح شكري", "EGY", "GOV")
    events = [
        _event(t, "V1", "CONSULT", "بحث", [shoukry], [Actor("E2", "نظيره الأردني ناصر جودة", "JOR", "GOV")],
               mode="visit", goldstein=1.0, quad_class=1, location="E3", date="2016-11-21", confidence=0.9),
        _event(t, "V2", "ASSAULT", "شنت", [Actor(None, "طائرات حربية", None, "MIL")], [Actor(None, "أحياء", "SYR", "CVL")],
               mode="aerial", goldstein=-10.0, quad_class=4, location="E4", date="2016-11-20", status="reported"),
        _event(t, "V3", "ACCUSE", "ودان", [Actor("E5", "الأمين العام للأمم المتحدة بان كي مون", "UNO", "GOV")], [],
               goldstein=-2.0, quad_class=3, date="2016-11-22"),
        _event(t, "V4", "COERCE", "اعتقلت", [Actor(None, "الشرطة المصرية", "EGY", "COP")],
               [Actor(None, "متظاهراً", "EGY", "CVL")], goldstein=-5.0, quad_class=4, date="2016-11-22"),
    ]
    return Record(doc["id"], doc["date"], entities, times, quotes, events)


def xss_record(text: str = XSS_ARTICLE, date=None) -> Record:
    """Every field a stage could copy from the text carries the markup."""
    entities = [Entity("E1", "PER", XSS, XSS, None, "XXX", "GOV",
                       [Mention(*_at(text, XSS, 0), XSS, "name")]),
                Entity("E2", "GPE", XSS, None, None, None, None, [Mention(*_at(text, XSS, 1), XSS, "name")])]
    quote = text[_at(text, "إن")[1] + 1:_at(text, "الأمر")[1]]
    start = text.index(quote)
    events = [_event(text, "V1", "ASSAULT", "وهاجم", [Actor(None, XSS, None, "UAF")],
                     [Actor("E1", XSS, None, "COP")], location="E2", date=XSS, mode=XSS)]
    return Record(XSS, date, entities, [Time(*_at(text, "الأحد"), "الأحد", "DATE", XSS)],
                  [Quote(start, start + len(quote), quote, False, "E1", XSS, XSS)], events)


class StubPipeline:
    """Serves the hand-made records; any other text gets an empty record."""

    def __init__(self):
        self.by_text = {sample_document()["text"]: sample_record(), XSS_ARTICLE: xss_record()}

    def extract_dict(self, obj):
        from marsad.pipeline import Pipeline

        text = obj.get("text") if isinstance(obj, dict) else None
        if text == "boom":
            return ErrorRecord(obj.get("id"), "internal error: RuntimeError: secret detail")
        if text == "crash":
            raise RuntimeError("secret detail")
        record = self.by_text.get(text)
        if record is None:  # the real input checks and error records, no stages
            return Pipeline([]).extract_dict(obj)
        return Record(str(obj["id"]) if obj.get("id") is not None else record.id,
                      obj.get("date") or record.date, record.entities, record.times, record.quotes, record.events)


def build_store(path) -> None:
    """A store with the sample record and three more documents on other days."""
    from marsad.store import Store

    doc = sample_document()
    with Store(path) as store:
        store.add(sample_record(), doc)
        for i, day in enumerate(("2016-11-23", "2016-11-24", "2016-11-24"), 2):
            record = sample_record()
            record.id, record.date = f"sample-{i}", day
            for ev in record.events:
                ev.date = day
            store.add(record, {**doc, "id": record.id, "date": day})


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_up(base: str, seconds: float = 120, process=None) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"server exited: {process.stderr.read().decode(errors='replace')[-2000:]}")
        try:
            if httpx.get(f"{base}/api/sample", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"no server at {base}")


@contextmanager
def threaded_server(app):
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    try:
        wait_up(base, 30)
        yield base
    finally:
        server.should_exit = True
        thread.join(10)
