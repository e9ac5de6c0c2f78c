"""Cross-article dedup: one rule per assertion, then clustering."""
import copy

import pytest

from marsad.dedup import _Event, actor_codes, cluster_events, same_happening
from marsad.export import event_rows
from scale_corpus import corpus
from datetime import timedelta

DAY = timedelta(days=1)


def rows():
    return {r["event_id"]: r for doc, rec in corpus() for r in event_rows(rec, doc)}


NAMED_ACTOR = [{"name": "رجب طيب أردوغان", "entity": "E1", "kb": "wikidata:Q39259",
                "country": "TUR", "sector": "GOV"}]


def pair(both=None, **changes):
    """wire-1:V1 and wire-2:V1 (the same air strike, a day apart, Mosul vs Iraq) with
    ``both`` applied to the two and ``changes`` to the second."""
    r = rows()
    a, b = copy.deepcopy(r["wire-1:V1"]), copy.deepcopy(r["wire-2:V1"])
    a.update(both or {})
    b.update(both or {})
    b.update(changes)
    return _Event(a), _Event(b)


def test_actor_codes():
    assert actor_codes([{"name": "رجب طيب أردوغان", "entity": "E1", "kb": "wikidata:Q39259",
                         "country": "TUR", "sector": "GOV"}]) == {
        "kb:wikidata:Q39259", "name:رجب طيب اردوغان", "code:TUR/GOV"}
    assert actor_codes([{"name": "مسلحون", "entity": None, "country": None, "sector": "UAF"}]) == set()
    assert actor_codes([{"name": "تركيا", "entity": "E9", "country": "TUR", "sector": None}]) == {
        "name:تركيا", "country:TUR"}


NAMED = {"actors": NAMED_ACTOR}
NO_RECIPIENT = {"recipients": []}
# (what, changes to both events, changes to the second, same happening?)
CASES = [
    ("wire copies a day apart, city inside the country", {}, {}, True),
    ("same document", {}, {"doc_id": "wire-1"}, False),
    ("different type", {}, {"type": "COERCE"}, False),
    ("reported goes with asserted", {}, {"status": "reported"}, True),
    ("negated never with asserted", {}, {"status": "negated"}, False),
    ("actors share no code", {}, {"actors": [{"name": "x", "entity": None, "country": "SYR", "sector": "MIL"}]}, False),
    ("unnamed actors with no country", {"actors": [{"name": "مسلحون", "entity": None, "country": None,
                                                    "sector": "UAF"}]}, {}, False),
    ("recipients share no code", {}, {"recipients": [{"name": "y", "entity": None, "country": "IRQ",
                                                      "sector": "CVL"}]}, False),
    ("one side has no recipient, unnamed actors", {}, NO_RECIPIENT, False),
    ("no recipients at all, unnamed actors", NO_RECIPIENT, {}, False),
    ("one side has no recipient, same named actor", NAMED, NO_RECIPIENT, True),
    ("no recipients at all, same named actor", {**NAMED, **NO_RECIPIENT}, {}, True),
    ("two days apart", {}, {"date_start": "2015-08-02", "date_end": "2015-08-02"}, False),
    ("range beyond the window", {}, {"date_start": "2015-08-02", "date_end": "2015-08-05"}, False),
    ("week range containing the day", {}, {"date_start": "2015-07-27", "date_end": "2015-08-02"}, True),
    ("vague month date falls back to the document date", {},
     {"date_start": "2015-08-01", "date_end": "2015-08-31", "doc_date": "2015-08-01"}, True),
    ("no date at all", {}, {"date_start": None, "date_end": None, "doc_date": None}, False),
    ("no location on one side", {}, {"location_geonames_id": None, "location_name": None}, True),
    ("another country", {}, {"location_geonames_id": 163843, "location_name": "سوريا"}, False),
    ("another place by name", {}, {"location_geonames_id": None, "location_name": "حلب"}, False),
]


@pytest.mark.parametrize("what,both,changes,expected", CASES, ids=[c[0] for c in CASES])
def test_same_happening_rules(what, both, changes, expected):
    a, b = pair(both, **changes)
    assert same_happening(a, b, DAY) is expected
    assert same_happening(b, a, DAY) is expected


def test_clusters_of_the_corpus():
    clusters = cluster_events(rows().values())
    assert len(clusters) == 3
    merged = next(c for c in clusters if c["n_docs"] == 2)
    assert merged["doc_ids"] == ["wire-1", "wire-2"] and merged["event_ids"] == ["wire-1:V1", "wire-2:V1"]
    assert merged["doc_sources"] == ["aawsat", "alriyadh"]
    assert (merged["date_start"], merged["date_end"]) == ("2015-07-31", "2015-08-01")
    assert merged["confidence"] == 0.9 and merged["location_name"] == "الموصل"
    assert merged["cluster_id"] == "wire-1:V1"
    assert cluster_events(rows().values(), window_days=0)[0]["n_docs"] == 1


def test_no_chaining_across_distant_days():
    base = rows()["wire-2:V1"]
    chain = []
    for i, day in enumerate(["2015-08-01", "2015-08-02", "2015-08-03"]):
        r = copy.deepcopy(base)
        r.update(event_id=f"d{i}:V1", doc_id=f"d{i}", date_start=day, date_end=day)
        chain.append(r)
    sizes = sorted(c["n_docs"] for c in cluster_events(chain))
    assert sizes == [1, 2]


def test_many_copies_become_one():
    base = rows()["wire-2:V1"]
    copies = []
    for i in range(50):
        r = copy.deepcopy(base)
        r.update(event_id=f"c{i}:V1", doc_id=f"c{i}", doc_source=f"outlet{i % 5}")
        copies.append(r)
    [cluster] = cluster_events(copies)
    assert cluster["n_docs"] == 50 and len(cluster["doc_sources"]) == 5
