"""TIMEX arithmetic and the helpers other stages use."""
from __future__ import annotations

from datetime import date

from marsad.document import make_document
from marsad.pipeline import Pipeline
from marsad.times import extract_text, resolve as R


def test_year_for_follows_tense():
    ref = date(2017, 3, 10)
    assert R.year_for(ref, 8, 0, "past") == 2016
    assert R.year_for(ref, 8, 0, "future") == 2017
    assert R.year_for(ref, 3, 10, "past") == 2017
    assert R.year_for(None, 8, 0, "past") is None


def test_weekday_directions():
    ref = date(2015, 8, 4)  # a Tuesday
    assert R.weekday(ref, 0, "past") == "2015-08-03"
    assert R.weekday(ref, 1, "past") == "2015-08-04"
    assert R.weekday(ref, 1, "before") == "2015-07-28"
    assert R.weekday(ref, 1, "after") == "2015-08-11"
    assert R.weekday(None, 4, "past") == "XXXX-WXX-5"


def test_periods_and_durations():
    ref = date(2015, 8, 1)
    assert R.period(ref, "K", -1) == "2015-W30"
    assert R.period(ref, "J", 1) == "2015-09"
    assert R.period(ref, "Z", 0) == "2015"
    assert R.duration(3, "D") == "P3D"
    assert R.duration(48, "R") == "PT48H"
    assert R.duration(None, "K") == "PXW"
    assert R.compound_duration([(2, "Z"), (3, "J")]) == "P2Y3M"
    assert R.compound_duration([(1, "D"), (2, "R")]) == "P1DT2H"


def test_hijri_conversion():
    assert R.hijri_date(1436, 10, 15) == "2015-07-31"
    assert R.hijri_month_in_year(2015, 9) == "2015-06-18/2015-07-16"


def test_value_date_and_date_in_span():
    assert R.value_date("2017-03-14/2017-03-15") == date(2017, 3, 14)
    assert R.value_date("2016-08") == date(2016, 8, 1)
    assert R.value_date("PAST_REF") is None
    text = "قال الوزير أمس إن الوفد سيصل الأحد المقبل."
    doc = Pipeline(["segment", "times"]).annotate(make_document(text, "2015-08-04"))
    t = R.date_in_span(doc, 0, len(text), near=text.index("سيصل"))
    assert t.value == "2015-08-09"


def test_offsets_point_into_the_original_text():
    text = "وقّعت الاتفاقيّة في ١٠ مارس ٢٠١٧ بالرياض، وغادر الوفد أمس."
    for t in extract_text(text, "2017-03-12"):
        assert text[t.start:t.end] == t.text
    assert [t.value for t in extract_text(text, "2017-03-12")] == ["2017-03-10", "2017-03-11"]
