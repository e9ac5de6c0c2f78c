"""Scores the time extractor on the Microsoft Recognizers-Text Arabic date/time
cases (``shared/data/datetime/*.json``).

Detection: a gold result is the span ``Input[Start:Start+Length]`` when it
spells ``Text``, else the first place ``Text`` (stripped) occurs in the input,
else the stretch from the first to the last of its words found in the input.
A case with a result none of whose words occur in its input (a data error, e.g.
Text "حاليا" for Input "سأعود الآن") is left out and counted in ``skipped``.
A predicted time matches a gold result when their character spans overlap;
one-to-one, in order. P/R/F1 are micro-averaged over every other case of every
file (cases with no result count their predictions as false positives).

Plain-date value accuracy: over every gold result of ``DateParser.json`` whose
timex is a plain date (``YYYY-MM-DD`` with ``X`` allowed), the share whose
overlapping prediction has a day value equal to it, ``X`` in the gold matching
any digit (the cases leave the year unwritten; Marsad resolves it). A gold date
with no overlapping prediction counts as wrong.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from .extract import extract_text

DEFAULT_REF = "2016-11-07"
PLAIN_DATE = re.compile(r"^[\dX]{4}-[\dX]{2}-[\dX]{2}$")


def _gold_spans(case: dict) -> list[tuple[int, int, str]] | None:
    text = case["Input"]
    out = []
    for r in case.get("Results", []):
        t = r["Text"].strip()
        s = r.get("Start", -1)
        length = r.get("Length") or (r["End"] - s + 1 if "End" in r else len(r["Text"]))
        if s >= 0 and text[s:s + length].strip() == t:
            out.append((s, s + length, _timex(r)))
            continue
        k = text.find(t)
        if k >= 0:
            out.append((k, k + len(t), _timex(r)))
            continue
        found = [(text.find(w), len(w)) for w in t.split() if text.find(w) >= 0]
        if not found:
            return None
        out.append((min(a for a, _ in found), max(a + n for a, n in found), _timex(r)))
    return out


def _timex(result: dict) -> str:
    for key in ("Value", "Resolution"):
        v = result.get(key)
        if isinstance(v, dict):
            if "Timex" in v:
                return v["Timex"] or ""
            values = v.get("values") or []
            if values and isinstance(values[0], dict):
                return values[0].get("timex", "")
    return ""


def _reference(case: dict) -> str:
    ref = (case.get("Context") or {}).get("ReferenceDateTime") or DEFAULT_REF
    return ref[:10]


def _overlaps(a: tuple, b: tuple) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def value_matches(gold: str, pred: str) -> bool:
    return len(gold) == len(pred) and all(g == "X" or g == p for g, p in zip(gold, pred))


def evaluate(folder: str | Path) -> dict:
    tp = n_pred = n_gold = skipped = 0
    dates_total = dates_right = dates_matched = 0
    for path in sorted(Path(folder).glob("*.json")):
        parser = path.name == "DateParser.json"
        for case in json.loads(path.read_text(encoding="utf-8")):
            golds = _gold_spans(case)
            if golds is None:
                skipped += 1
                continue
            preds = [(t.start, t.end, t.value) for t in extract_text(case["Input"], _reference(case))]
            n_pred += len(preds)
            n_gold += len(golds)
            free = list(preds)
            for g in golds:
                hit = next((p for p in free if _overlaps(g, p)), None)
                if hit:
                    free.remove(hit)
                    tp += 1
                if parser and PLAIN_DATE.match(g[2]):
                    dates_total += 1
                    dates_matched += hit is not None
                    dates_right += bool(hit) and value_matches(g[2], hit[2])
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"detection": {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
                          "tp": tp, "predicted": n_pred, "gold": n_gold, "skipped_cases": skipped},
            "plain_dates": {"accuracy": dates_right / dates_total if dates_total else 0.0,
                            "accuracy_on_detected": dates_right / dates_matched if dates_matched else 0.0,
                            "total": dates_total, "detected": dates_matched, "right": dates_right}}
