"""marsad eval gives the same figures as the reference scorer (shared/eval/score.py)."""
import copy
import json
import random
import subprocess
import sys

import pytest

from conftest import SHARED
from marsad.evaluate import load_gold, norm, score, text_forms

REFERENCE = SHARED / "eval" / "score.py"


@pytest.fixture
def reference():
    if not REFERENCE.exists():
        pytest.skip("reference scorer not found")
    return REFERENCE


def perturbed_predictions(gold: dict, seed: int) -> dict:
    """Gold records with items dropped, values changed and junk added."""
    rnd = random.Random(seed)
    out = {}
    for doc_id, g in gold.items():
        rec = copy.deepcopy(g["gold"])
        for layer in ("entities", "times", "quotes", "events"):
            items = [x for x in rec.get(layer, []) if rnd.random() > 0.25]
            rnd.shuffle(items)
            rec[layer] = items
        for t in rec["times"]:
            if rnd.random() < 0.3:
                t["value"] = "2000"
        for e in rec["entities"]:
            if rnd.random() < 0.2:
                e["country"] = "XXX"
            if rnd.random() < 0.1:
                e["type"] = "ORG" if e["type"] != "ORG" else "PER"
        for q in rec["quotes"]:
            if rnd.random() < 0.3:
                q["speaker"] = None
        for v in rec["events"]:
            if rnd.random() < 0.3:
                v["status"] = "asserted"
            if rnd.random() < 0.2:
                v["type"] = rnd.choice(["ASSAULT", "CONSULT", "PROTEST"])
            if rnd.random() < 0.2:
                v["date"] = None
        rec["events"].append({"type": "ACCUSE", "actor": [{"entity": None, "text": "x", "country": "USA", "sector": "GOV"}],
                              "recipient": [], "date": None, "status": "asserted"})
        out[doc_id] = rec
    return out


def test_same_figures_as_reference_on_varied_predictions(dev_dir, reference, tmp_path):
    gold = load_gold(dev_dir)
    for seed in range(5):
        preds = perturbed_predictions(gold, seed)
        f = tmp_path / f"pred{seed}.jsonl"
        f.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in preds.values()), encoding="utf-8")
        out = subprocess.run([sys.executable, str(reference), str(dev_dir), str(f), "--json"],
                             capture_output=True, text=True, check=True).stdout
        assert score(gold, preds) == json.loads(out)


def test_cli_eval_json_matches_reference_on_pipeline_output(dev_dir, reference, tmp_path):
    docs = tmp_path / "docs.jsonl"
    gold = load_gold(dev_dir)
    docs.write_text("\n".join(json.dumps(g["doc"], ensure_ascii=False) for g in gold.values()), encoding="utf-8")
    pred = tmp_path / "pred.jsonl"
    with pred.open("wb") as f:
        subprocess.run([sys.executable, "-m", "marsad", "extract", str(docs), "--format", "jsonl"], stdout=f, check=True)
    ref = subprocess.run([sys.executable, str(reference), str(dev_dir), str(pred), "--json"],
                         capture_output=True, text=True, check=True).stdout
    ours = subprocess.run([sys.executable, "-m", "marsad", "eval", str(dev_dir), str(pred), "--json"],
                          capture_output=True, text=True, check=True).stdout
    assert json.loads(ours) == json.loads(ref)


def test_eval_table_lists_layers_and_types(dev_dir):
    out = subprocess.run([sys.executable, "-m", "marsad", "eval", str(dev_dir)],
                         capture_output=True, text=True, check=True).stdout
    for word in ("entities", "times", "quotes", "events", "event type"):
        assert word in out


def test_normalization_and_clitic_readings():
    assert norm("أَحْمَدُ، «مُصطفى»") == "احمد مصطفي"
    assert "الرئيس" in text_forms("للرئيس")
    assert "موسكو" in text_forms("بموسكو")
