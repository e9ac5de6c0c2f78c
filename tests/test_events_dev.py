"""Regression floors for events on the dev gold (shared/dev), scored as SPEC.md says.

Floors only go up; they are set a little under the measured figures so that an unrelated change
in an earlier stage does not fail the suite by noise."""
from marsad.evaluate import load_gold, score

FLOORS = {"f1": 0.66, "status_acc": 0.89, "date_acc": 0.73, "location_acc": 0.52}


def test_event_floors_on_dev(dev_dir, pipeline):
    gold = load_gold(dev_dir)
    preds = {}
    for doc_id, g in gold.items():
        preds[doc_id] = pipeline.extract_dict(g["doc"]).to_dict()
    ev = score(gold, preds)["event"]
    print(f"\ndev events: P {ev['p']} R {ev['r']} F1 {ev['f1']} date {ev['date_acc']} "
          f"status {ev['status_acc']} location {ev['location_acc']}")
    for key, floor in FLOORS.items():
        assert ev[key] >= floor, f"event {key} {ev[key]} < {floor}"
