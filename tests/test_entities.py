"""The entity stage on its example corpus (tests/examples/entities.json): one test runs
every case and prints every failure."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest

from marsad.document import make_document
from marsad.pipeline import Pipeline

EXAMPLES = Path(__file__).parent / "examples" / "entities.json"


@lru_cache(maxsize=1)
def pipeline() -> Pipeline:
    return Pipeline(["segment", "lookup", "entities"])


def annotate(text: str, date: str | None):
    return pipeline().annotate(make_document(text, date))


def check_case(case: dict) -> list[str]:
    doc = annotate(case["text"], case.get("date"))
    by_id = {e.id: e for e in doc.entities}
    spans = {}
    for s in doc.mentions:
        spans.setdefault(doc.text[s.start:s.end], []).append(s)
    errors = []
    for exp in case.get("mentions", []):
        errors += _check_mention(exp, spans, by_id)
    for text in case.get("absent", []):
        if text in spans:
            errors.append(f"{text!r} should not be a mention")
    for text, n in case.get("count", {}).items():
        if len(spans.get(text, [])) != n:
            errors.append(f"{text!r}: {len(spans.get(text, []))} mentions, expected {n}")
    actors = {doc.text[a.start:a.end]: a.data for a in doc.actors}
    for exp in case.get("actors", []):
        got = actors.get(exp["text"])
        if got is None:
            errors.append(f"actor {exp['text']!r} missing (actors: {list(actors)})")
            continue
        for key in ("country", "sector"):
            if key in exp and got[key] != exp[key]:
                errors.append(f"actor {exp['text']!r}: {key} {got[key]!r} != {exp[key]!r}")
        if "entity" in exp and (got["entity"] is not None) != exp["entity"]:
            errors.append(f"actor {exp['text']!r}: entity {got['entity']!r}")
    for text in case.get("not_actors", []):
        if text in actors:
            errors.append(f"{text!r} should not be an actor phrase")
    return errors


def _check_mention(exp: dict, spans: dict, by_id: dict) -> list[str]:
    found = spans.get(exp["text"])
    if not found:
        return [f"mention {exp['text']!r} missing (mentions: {list(spans)})"]
    span = found[0]
    ent = by_id[span.data["entity"]]
    errors = []
    checks = {"type": span.label, "kind": span.data["kind"], "country": ent.country,
              "sector": ent.sector, "entity_name": ent.name}
    for key, got in checks.items():
        if key in exp and got != exp[key]:
            errors.append(f"{exp['text']!r}: {key} {got!r} != {exp[key]!r}")
    for key, same in (("same", True), ("not_same", False)):
        if key in exp:
            other = spans.get(exp[key])
            if other is None or (other[0].data["entity"] == span.data["entity"]) != same:
                errors.append(f"{exp['text']!r} and {exp[key]!r}: same entity should be {same}")
    return errors


def test_entity_examples():
    cases = json.loads(EXAMPLES.read_text(encoding="utf-8"))["cases"]
    failures = []
    for case in cases:
        for err in check_case(case):
            failures.append(f"[{case['family']}] {case['text'][:50]}…: {err}")
    print("\n".join(failures))
    assert not failures, f"{len(failures)} failures"


def test_mentions_and_actors_are_consistent():
    doc = annotate("التقى وزير الخارجية الروسي سيرغي لافروف نظيره الأمريكي جون كيري في جنيف، "
                   "وقال لافروف إن بلاده تريد حلا.", "2015-08-01")
    assert [e.id for e in doc.entities] == [f"E{i}" for i in range(1, len(doc.entities) + 1)]
    starts = [s.start for s in doc.mentions]
    assert starts == sorted(starts)
    ids = {e.id for e in doc.entities}
    for s in doc.mentions:
        assert s.data["entity"] in ids and s.data["kind"] in ("name", "nominal", "pronoun")
    for e in doc.entities:
        assert any(m.kind == "name" for m in e.mentions) or e.kb
        for m in e.mentions:
            assert doc.text[m.start:m.end] == m.text
    for a in doc.actors:
        assert a.label == "ACTOR" and a.data["head"][0] >= a.start and a.data["head"][1] <= a.end


@pytest.mark.parametrize("word,iso3", [("التركية", "TUR"), ("الأتراك", "TUR"), ("أمريكيين", "USA"),
                                       ("الأميركي", "USA"), ("السعوديتين", "SAU")])
def test_nisba_forms(word, iso3):
    from marsad.knowledge.countries import _names
    table = {n: c.iso3 for n, c in _names()[1]}
    assert table[word] == iso3


def test_country_table():
    from marsad.knowledge.countries import _names, capitals, countries
    table = countries()
    assert table["PSE"].name and table["USA"].iso2 == "US"
    assert capitals()[table["RUS"].capital_geonameid] == "RUS"
    names = {n for n, c in _names()[0] if c.iso3 == "USA"}
    assert {"أمريكا", "الولايات المتحدة الأميركية"} <= names


def test_place_table():
    from marsad.knowledge.places import places
    by_name = {}
    for p in places():
        by_name.setdefault(p.name, p)
    assert by_name["موسكو"].kb == "geonames:524901" and not by_name["موسكو"].needs_cue
    assert by_name["الباب"].needs_cue and by_name["الباب"].iso3 == "SYR"
    assert by_name["البحر الأحمر"].type == "LOC"
    assert by_name["مسقط رأس"].type == "BLOCK"


def test_context_words_and_longest_matches():
    from types import SimpleNamespace

    from marsad.stages.entities.context import Context, _longest_by_first

    doc = annotate("قال وزير الخارجية السعودي عادل الجبير في الرياض", None)
    ctx = Context(doc)
    assert ctx.word(0) == doc.tokens[0].norm and ctx.word(ctx.n - 1) == doc.tokens[-1].norm
    assert ctx.word(-1) == ctx.word(ctx.n) == ctx.word(ctx.n + 5) == ""
    assert ctx.at("event_triggers") is ctx.at("event_triggers")      # grouped once, on demand
    assert ctx.longest(ctx.n + 1, "event_triggers") is None
    m = SimpleNamespace
    a, b, c, d = m(first=0, last=1), m(first=0, last=3), m(first=0, last=3), m(first=4, last=5)
    longest = _longest_by_first([a, b, c, d])
    assert list(longest) == [0, 4] and longest[0] is b and longest[4] is d  # the first longest
    assert list(_longest_by_first([a, d])) == [0, 4]
