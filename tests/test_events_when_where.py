"""Event date and location rules (tests/examples/events_when_where.json), one corpus test that
prints every failure."""
import json
from pathlib import Path

from marsad.pipeline import default_pipeline

CORPUS = Path(__file__).parent / "examples" / "events_when_where.json"


def _problem(case, rec) -> str | None:
    events = [e for e in rec.events if e.type == case["type"] and e.trigger.text == case["trigger"]]
    if not events:
        return f"no {case['type']}:{case['trigger']} (got {[(e.type, e.trigger.text) for e in rec.events]})"
    ev = events[0]
    names = {e.id: e.name for e in rec.entities}
    problems = []
    if "date" in case and ev.date != case["date"]:
        problems.append(f"date {ev.date} != {case['date']}")
    if "location" in case:
        got = names.get(ev.location)
        want = case["location"]
        if (want is None) != (got is None) or (want is not None and want not in got):
            problems.append(f"location {got} != {want}")
    return "; ".join(problems) or None


def test_when_where_corpus():
    data = json.loads(CORPUS.read_text(encoding="utf-8"))
    pipe = default_pipeline()
    failures = []
    for case in data["cases"]:
        problem = _problem(case, pipe(case["text"], date=data["date"]))
        if problem:
            failures.append(f"[{case['rule']}] {problem}: {case['text']}")
    for f in failures:
        print("  FAIL", f)
    assert not failures, f"{len(failures)} of {len(data['cases'])} cases failed (see above)"
