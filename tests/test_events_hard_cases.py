"""Hard single sentences: is a PROTEST or ASSAULT coded, and not coded for mere mentions?

Runs tests/examples/events_hard_cases.json and prints every failure with P/R.
"""
import json
from pathlib import Path

from marsad.pipeline import default_pipeline

CASES = Path(__file__).parent / "examples" / "events_hard_cases.json"
CODED = ("PROTEST", "ASSAULT")
MIN_PRECISION = 0.95
MIN_RECALL = 0.95


def hard_case_scores():
    data = json.loads(CASES.read_text(encoding="utf-8"))
    pipe = default_pipeline()
    tp = fp = fn = 0
    failures = []
    for case in data["cases"]:
        rec = pipe(case["text"], date=data["date"])
        found = {e.type for e in rec.events if e.type in CODED}
        want = case["type"]
        if want == "none":
            fp += len(found)
            if found:
                failures.append(f"none expected, got {sorted(found)}: {case['text']}")
            continue
        if want in found:
            tp += 1
        else:
            fn += 1
            got = sorted({e.type for e in rec.events})
            failures.append(f"{want} missed (got {got}): {case['text']}")
        extra = found - {want}
        fp += len(extra)
        if extra:
            failures.append(f"extra {sorted(extra)}: {case['text']}")
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, failures


def test_hard_cases():
    p, r, failures = hard_case_scores()
    print(f"\nhard cases: precision {p:.3f} recall {r:.3f}")
    for f in failures:
        print("  FAIL", f)
    assert p >= MIN_PRECISION and r >= MIN_RECALL, f"P {p:.3f} R {r:.3f}; failures above"


if __name__ == "__main__":
    p, r, failures = hard_case_scores()
    print(f"precision {p:.3f} recall {r:.3f}")
    print("\n".join(failures))
