"""The Python API: marsad.extract and a reusable Pipeline."""
import pytest

import marsad
from marsad.document import InputError
from marsad.pipeline import Pipeline


def test_extract_returns_a_record_with_offsets_into_the_text():
    text = "التقى وزير الخارجية السعودي عادل الجبير أمس في الرياض نظيره الفرنسي."
    rec = marsad.extract(text, date="2017-03-10", id="t1")
    assert rec.id == "t1" and rec.date == "2017-03-10"
    for e in rec.entities:
        for m in e.mentions:
            assert text[m.start:m.end] == m.text
    for t in rec.times:
        assert text[t.start:t.end] == t.text
    for q in rec.quotes:
        assert text[q.start:q.end] == q.text
    for v in rec.events:
        assert text[v.trigger.start:v.trigger.end] == v.trigger.text


def test_pipeline_is_reusable_and_stage_selectable():
    p = Pipeline(["segment"])
    r1 = p("نص أول", date="2015-01-01")
    r2 = p("نص ثان")
    assert r1.date == "2015-01-01" and r2.date is None


@pytest.mark.parametrize("text", [None, 5, "\x00\x01"])
def test_extract_rejects_unusable_text(text):
    with pytest.raises(InputError):
        marsad.extract(text)


def test_empty_text_gives_an_empty_record():
    rec = marsad.extract("  \n ", date="2015-08-01")
    assert rec.entities == [] and rec.events == [] and rec.date == "2015-08-01"


def test_extract_dict_never_raises():
    p = Pipeline(["segment"])
    assert p.extract_dict({"id": 1}).error == "document has no text"
    assert "JSON object" in p.extract_dict("text").error
