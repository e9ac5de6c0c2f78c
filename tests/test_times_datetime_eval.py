"""The time extractor on the Microsoft Recognizers-Text Arabic cases
(shared/data/datetime): floors at the measured figures (see marsad.times.evaluate)."""
from __future__ import annotations

from pathlib import Path

import pytest

from marsad.times.evaluate import evaluate, value_matches

DATA = Path(__file__).resolve().parents[2] / "shared/data/datetime"


@pytest.fixture(scope="module")
def scores():
    if not DATA.is_dir():
        pytest.skip("shared/data/datetime is not available")
    return evaluate(DATA)


def test_detection_f1(scores):
    assert scores["detection"]["f1"] >= 0.85, scores["detection"]


def test_plain_date_values(scores):
    dates = scores["plain_dates"]
    assert dates["accuracy_on_detected"] >= 0.90, dates
    # 39/49: «قبل شهر» is a day in the cases, the month (its own precision) in Marsad
    assert dates["accuracy"] >= 0.79, dates


def test_x_is_a_wildcard():
    assert value_matches("XXXX-10-02", "2016-10-02")
    assert not value_matches("XXXX-10-02", "2016-10-03")
    assert not value_matches("XXXX-10", "2016-10-02")
