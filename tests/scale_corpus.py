"""Hand-made documents and records (SPEC.md shape) for the store, export, dedup and batch
tests: they do not depend on what the NLP stages find today. Offsets are computed from the
texts, so every span is exact."""
from __future__ import annotations

import copy
import json
from pathlib import Path

NEWS = Path(__file__).resolve().parents[2] / "shared" / "data" / "news" / "saudinewsnet.jsonl.gz"

ERDOGAN = {"id": "E1", "type": "PER", "name": "رجب طيب أردوغان", "kb": "wikidata:Q39259",
           "country": "TUR", "sector": "GOV"}
PKK = {"id": "E2", "type": "ORG", "name": "حزب العمال الكردستاني", "country": "TUR", "sector": "REB"}
MOSUL = {"id": "E3", "type": "GPE", "name": "الموصل", "kb": "geonames:99072", "country": "IRQ"}
IRAQ = {"id": "E3", "type": "GPE", "name": "العراق", "kb": "geonames:99237", "country": "IRQ"}
PUTIN = {"id": "E4", "type": "PER", "name": "فلاديمير بوتين", "kb": "wikidata:Q7747",
         "country": "RUS", "sector": "GOV"}
MOSCOW = {"id": "E5", "type": "GPE", "name": "موسكو", "kb": "geonames:524901", "country": "RUS"}
ISIS = {"id": "E1", "type": "ORG", "name": "داعش", "country": "ISM", "sector": "REB"}
JETS = {"entity": None, "text": "طائرات تركية", "country": "TUR", "sector": "MIL"}


def _span(text: str, part: str, after: int = 0) -> dict:
    start = text.index(part, after)
    return {"start": start, "end": start + len(part), "text": part}


def _sentence(text: str, part: str) -> dict:
    start = text.index(part)
    ends = [text.find(mark, start) for mark in ".؟!"]
    end = min(e for e in ends if e >= 0) + 1
    return {"start": start, "end": end}


def _entity(text: str, entity: dict, *names: str, nominal: str | None = None) -> dict:
    e = copy.deepcopy(entity)
    e["mentions"] = [{**_span(text, n), "kind": "name"} for n in names]
    if nominal:
        e["mentions"].append({**_span(text, nominal), "kind": "nominal"})
    return e


def _actor(text: str, entity: dict | None, phrase: str) -> dict:
    if entity is None:
        return {**JETS, "text": phrase}
    return {"entity": entity["id"], "text": phrase, "country": entity.get("country"),
            "sector": entity.get("sector")}


def _event(text, vid, type_, trigger, actors, recipients, location, date, **extra) -> dict:
    return {"id": vid, "type": type_, "mode": extra.get("mode"), "cameo": extra.get("cameo"),
            "actor": actors, "recipient": recipients, "location": location, "date": date,
            "status": extra.get("status", "asserted"), "source": extra.get("source"),
            "trigger": _span(text, trigger), "sentence": _sentence(text, trigger),
            "confidence": extra.get("confidence", 0.8)}


def corpus() -> list[tuple[dict, dict]]:
    """(input document, record) pairs."""
    pairs = []

    t1 = ("قصفت طائرات تركية مواقع لحزب العمال الكردستاني قرب الموصل أمس. "
          "وقال الرئيس التركي رجب طيب أردوغان إن العمليات ستستمر. وأضاف أردوغان أن بلاده لن تتراجع.")
    rec1 = {"id": "wire-1", "date": "2015-08-01",
            "entities": [_entity(t1, ERDOGAN, "رجب طيب أردوغان", "أردوغان", nominal="الرئيس التركي"),
                         _entity(t1, PKK, "حزب العمال الكردستاني"), _entity(t1, MOSUL, "الموصل")],
            "times": [{**_span(t1, "أمس"), "type": "DATE", "value": "2015-07-31"}],
            "quotes": [{**_span(t1, "العمليات ستستمر"), "direct": False, "speaker": "E1",
                        "speaker_text": "الرئيس التركي رجب طيب أردوغان", "cue": "قال", "addressee": None},
                       {**_span(t1, "بلاده لن تتراجع"), "direct": False, "speaker": "E1",
                        "speaker_text": "أردوغان", "cue": "أضاف", "addressee": None}],
            "events": [_event(t1, "V1", "ASSAULT", "قصفت", [_actor(t1, None, "طائرات تركية")],
                              [_actor(t1, PKK, "حزب العمال الكردستاني")], "E3", "2015-07-31",
                              mode="aerial", cameo="195", confidence=0.9)]}
    pairs.append(({"id": "wire-1", "date": "2015-08-01", "source": "aawsat",
                   "title": "غارات تركية على الموصل", "text": t1}, rec1))

    t2 = "شنت طائرات تركية غارات على حزب العمال الكردستاني في العراق اليوم."
    rec2 = {"id": "wire-2", "date": "2015-08-01",
            "entities": [_entity(t2, PKK, "حزب العمال الكردستاني"), _entity(t2, IRAQ, "العراق")],
            "times": [{**_span(t2, "اليوم"), "type": "DATE", "value": "2015-08-01"}], "quotes": [],
            "events": [_event(t2, "V1", "ASSAULT", "شنت", [_actor(t2, None, "طائرات تركية")],
                              [_actor(t2, PKK, "حزب العمال الكردستاني")], "E3", "2015-08-01",
                              mode="aerial", confidence=0.7)]}
    pairs.append(({"id": "wire-2", "date": "2015-08-01", "source": "alriyadh", "text": t2}, rec2))

    t3 = ("قصفت طائرات تركية مواقع حزب العمال الكردستاني مجددا. "
          "والتقى الرئيس رجب طيب أردوغان نظيره فلاديمير بوتين بموسكو الشهر الجاري.")
    rec3 = {"id": "other-3", "date": "2015-08-06",
            "entities": [_entity(t3, ERDOGAN, "رجب طيب أردوغان"), _entity(t3, PKK, "حزب العمال الكردستاني"),
                         _entity(t3, PUTIN, "فلاديمير بوتين"), _entity(t3, MOSCOW, "موسكو")],
            "times": [{**_span(t3, "الشهر الجاري"), "type": "DATE", "value": "2015-08"}], "quotes": [],
            "events": [_event(t3, "V1", "ASSAULT", "قصفت", [_actor(t3, None, "طائرات تركية")],
                              [_actor(t3, PKK, "حزب العمال الكردستاني")], None, "2015-08-06"),
                       _event(t3, "V2", "CONSULT", "التقى", [_actor(t3, ERDOGAN, "الرئيس رجب طيب أردوغان")],
                              [_actor(t3, PUTIN, "نظيره فلاديمير بوتين")], "E5", "2015-08",
                              mode="visit", cameo="042")]}
    pairs.append(({"id": "other-3", "date": "2015-08-06", "source": "alwatan", "text": t3}, rec3))

    t4 = "أعلن تنظيم داعش مسؤوليته عن التفجير في المسجد."
    rec4 = {"id": "plain-4", "date": None, "entities": [_entity(t4, ISIS, "داعش")],
            "times": [], "quotes": [], "events": []}
    pairs.append(({"id": "plain-4", "text": t4}, rec4))
    return pairs


def write_jsonl(path: Path, objs) -> Path:
    with open(path, "w", encoding="utf-8") as f:
        for obj in objs:
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    return path


def news_lines(n: int) -> list[bytes]:
    """The first n lines of the news corpus (the caller skips when it is absent)."""
    import gzip

    lines = []
    with gzip.open(NEWS, "rb") as f:
        for line in f:
            lines.append(line.rstrip(b"\n"))
            if len(lines) == n:
                break
    return lines


class CrashStage:
    """A pipeline stage that kills its process on a document containing CRASH-NOW."""

    def __call__(self, doc) -> None:
        if "CRASH-NOW" in doc.text:
            import os
            os._exit(3)
