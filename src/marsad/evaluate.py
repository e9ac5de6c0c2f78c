"""Scoring of records against gold files, as SPEC.md "Scoring" defines.

``score(gold_docs, predictions)`` returns the same summary structure as the
reference scorer's ``--json`` output; ``format_table`` renders it for people.
"""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Iterable

import orjson

_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_PUNCT = re.compile(r"[\"'«»“”‘’.,،؛:;!?؟()\[\]{}\-–—/\\]+")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "0123456789" * 2)
_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
LAYERS = ("ent", "time", "quote", "event")
ENTITY_TYPES = ("PER", "ORG", "GPE", "LOC", "FAC")


def norm(s: str | None) -> str:
    if not s:
        return ""
    s = _MARKS.sub("", s).translate(_DIGITS).translate(_LETTERS)
    return " ".join(_PUNCT.sub(" ", s).split())


def text_forms(s: str) -> set[str]:
    """A mention's normalized text plus its readings with one proclitic dropped."""
    n = norm(s)
    forms = {n}
    if n.startswith("لل") and len(n) > 4:
        forms.add("ال" + n[2:])
    if len(n) > 3 and n[0] in "وفبلك":
        rest = n[1:]
        forms.add(rest)
        if rest.startswith("لل"):
            forms.add("ال" + rest[2:])
    if n[:2] in ("وب", "ول", "فل", "وك"):
        forms.add(n[2:])
    forms.discard("")
    return forms


def _entity_forms(entity: dict) -> set[str]:
    texts = [m.get("text", "") for m in entity.get("mentions") or []]
    if entity.get("name"):
        texts.append(entity["name"])
    return set().union(*(text_forms(t) for t in texts)) if texts else set()


def _contains(a: str | None, b: str | None) -> bool:
    a, b = norm(a), norm(b)
    return bool(a and b) and (a in b or b in a)


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else float(not n_gold)
    r = tp / n_gold if n_gold else float(not n_pred)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _align_entities(gold: list, pred: list, c: Counter) -> dict:
    pred_forms = [(p, _entity_forms(p)) for p in pred]
    gold_to_pred: dict = {}
    taken: set = set()
    for g in gold:
        forms = _entity_forms(g)
        best, best_shared = None, 0
        for p, pforms in pred_forms:
            if p["id"] in taken or p.get("type") != g.get("type"):
                continue
            shared = len(forms & pforms)
            if shared > best_shared:
                best, best_shared = p, shared
        if best is not None:
            gold_to_pred[g["id"]] = best["id"]
            taken.add(best["id"])
    c["ent_tp"] += len(gold_to_pred)
    c["ent_pred"] += len(pred)
    c["ent_gold"] += len(gold)
    pred_by_id = {p["id"]: p for p in pred}
    for g in gold:
        if g["id"] in gold_to_pred and g.get("type") in ("PER", "ORG"):
            p = pred_by_id[gold_to_pred[g["id"]]]
            c["ent_attr_n"] += 1
            c["ent_country_ok"] += (p.get("country") or None) == (g.get("country") or None)
            c["ent_sector_ok"] += (p.get("sector") or None) == (g.get("sector") or None)
    for ty in ENTITY_TYPES:
        c[f"ent_{ty}_gold"] += sum(g.get("type") == ty for g in gold)
        c[f"ent_{ty}_pred"] += sum(p.get("type") == ty for p in pred)
        c[f"ent_{ty}_tp"] += sum(g.get("type") == ty and g["id"] in gold_to_pred for g in gold)
    return gold_to_pred


def _greedy(gold: list, pred: list, same) -> list[tuple[dict, dict]]:
    """Each gold item in order takes the first unused prediction that matches it."""
    used: set = set()
    pairs = []
    for g in gold:
        for i, p in enumerate(pred):
            if i not in used and same(g, p):
                used.add(i)
                pairs.append((g, p))
                break
    return pairs


def _score_times(gold: list, pred: list, c: Counter) -> None:
    pairs = _greedy(gold, pred, lambda g, p: _contains(g.get("text"), p.get("text")))
    c["time_tp"] += len(pairs)
    c["time_value_ok"] += sum(str(p.get("value")) == str(g.get("value")) for g, p in pairs)
    c["time_pred"] += len(pred)
    c["time_gold"] += len(gold)


def _same_quote(g: dict, p: dict) -> bool:
    if _contains(g.get("text"), p.get("text")):
        return True
    a, b = set(norm(g.get("text")).split()), set(norm(p.get("text")).split())
    return bool(a | b) and len(a & b) / len(a | b) >= 0.5


def _score_quotes(gold: list, pred: list, g2p: dict, c: Counter) -> None:
    pairs = _greedy(gold, pred, _same_quote)
    c["quote_tp"] += len(pairs)
    for g, p in pairs:
        if g.get("speaker") is None:
            c["quote_speaker_ok"] += p.get("speaker") is None
        else:
            c["quote_speaker_ok"] += p.get("speaker") is not None and g2p.get(g["speaker"]) == p.get("speaker")
    c["quote_pred"] += len(pred)
    c["quote_gold"] += len(gold)


def same_actor(g: dict, p: dict, g2p: dict) -> bool:
    ge, pe = g.get("entity"), p.get("entity")
    if ge is not None and pe is not None and g2p.get(ge) == pe:
        return True
    if ge is None and pe is None and _contains(g.get("text"), p.get("text")):
        return True
    if g.get("country") or p.get("country"):
        return g.get("country") == p.get("country") and g.get("sector") == p.get("sector")
    return bool(g.get("sector")) and g.get("sector") == p.get("sector")


def _share(golds, preds, g2p) -> bool:
    return any(same_actor(g, p, g2p) for g in golds or [] for p in preds or [])


def _event_fits(g: dict, p: dict, g2p: dict) -> bool:
    if p.get("type") not in {g.get("type"), *(g.get("alt_types") or [])}:
        return False
    if not _share(g.get("actor"), p.get("actor"), g2p):
        return False
    return not g.get("recipient") or _share(g.get("recipient"), p.get("recipient"), g2p)


def _score_events(gold: list, pred: list, g2p: dict, c: Counter, per_type: dict) -> None:
    used: set = set()
    for g in gold:
        best, best_key = None, -1
        for i, p in enumerate(pred):
            if i in used or not _event_fits(g, p, g2p):
                continue
            key = (str(p.get("date")) == str(g.get("date"))) + (p.get("status") == g.get("status"))
            if key > best_key:
                best, best_key = i, key
        if best is None:
            continue
        used.add(best)
        p = pred[best]
        c["event_tp"] += 1
        c["event_date_ok"] += str(p.get("date")) == str(g.get("date"))
        c["event_status_ok"] += p.get("status") == g.get("status")
        if g.get("location"):
            c["event_loc_n"] += 1
            c["event_loc_ok"] += p.get("location") is not None and g2p.get(g["location"]) == p.get("location")
    c["event_pred"] += len(pred)
    c["event_gold"] += len(gold)
    gold_types = Counter(g.get("type") for g in gold)
    pred_types = Counter(p.get("type") for p in pred)
    for ty in gold_types.keys() | pred_types.keys():
        row = per_type.setdefault(ty, [0, 0, 0])
        row[0] += pred_types[ty]
        row[1] += gold_types[ty]
        row[2] += min(gold_types[ty], pred_types[ty]) if ty in gold_types else 0


def score_document(gold: dict, pred: dict, c: Counter, per_type: dict) -> None:
    g2p = _align_entities(gold.get("entities") or [], pred.get("entities") or [], c)
    _score_times(gold.get("times") or [], pred.get("times") or [], c)
    _score_quotes(gold.get("quotes") or [], pred.get("quotes") or [], g2p, c)
    _score_events(gold.get("events") or [], pred.get("events") or [], g2p, c, per_type)


def summarize(c: Counter, per_type: dict, ndocs: int) -> dict:
    def ratio(a: str, b: str):
        return round(c[a] / c[b], 4) if c[b] else None

    s: dict = {"documents": ndocs}
    for layer in LAYERS:
        p, r, f = _prf(c[f"{layer}_tp"], c[f"{layer}_pred"], c[f"{layer}_gold"])
        s[layer] = {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "tp": c[f"{layer}_tp"],
                    "pred": c[f"{layer}_pred"], "gold": c[f"{layer}_gold"]}
    s["ent"]["country_acc"] = ratio("ent_country_ok", "ent_attr_n")
    s["ent"]["sector_acc"] = ratio("ent_sector_ok", "ent_attr_n")
    s["ent"]["by_type"] = {ty: round(_prf(c[f"ent_{ty}_tp"], c[f"ent_{ty}_pred"], c[f"ent_{ty}_gold"])[2], 4)
                           for ty in ENTITY_TYPES}
    s["time"]["value_acc"] = ratio("time_value_ok", "time_tp")
    s["time"]["e2e_f1"] = round(_prf(c["time_value_ok"], c["time_pred"], c["time_gold"])[2], 4)
    s["quote"]["speaker_acc"] = ratio("quote_speaker_ok", "quote_tp")
    s["quote"]["e2e_f1"] = round(_prf(c["quote_speaker_ok"], c["quote_pred"], c["quote_gold"])[2], 4)
    s["event"]["date_acc"] = ratio("event_date_ok", "event_tp")
    s["event"]["status_acc"] = ratio("event_status_ok", "event_tp")
    s["event"]["location_acc"] = ratio("event_loc_ok", "event_loc_n")
    s["event"]["type_f1"] = {ty: round(_prf(tp, n_pred, n_gold)[2], 4)
                             for ty, (n_pred, n_gold, tp) in sorted(per_type.items(), key=lambda kv: str(kv[0]))}
    return s


def score(gold_docs: dict[str, dict], predictions: dict[str, dict]) -> dict:
    """gold_docs: id → {"doc", "gold"}; predictions: id → record dict (missing = empty)."""
    c: Counter = Counter()
    per_type: dict = {}
    for doc_id, g in gold_docs.items():
        score_document(g["gold"], predictions.get(doc_id) or {}, c, per_type)
    return summarize(c, per_type, len(gold_docs))


def load_gold(path: str | Path) -> dict[str, dict]:
    p = Path(path)
    files = sorted(p.glob("*.json")) if p.is_dir() else [p]
    if not files:
        raise FileNotFoundError(f"no gold files (*.json) in {p}")
    docs = (orjson.loads(f.read_bytes()) for f in files)
    return {d["gold"]["id"]: d for d in docs}


def load_predictions(lines: Iterable[bytes | str]) -> dict[str, dict]:
    out = {}
    for line in lines:
        if line.strip():
            r = orjson.loads(line)
            out[r.get("id")] = r
    return out


def format_table(s: dict) -> str:
    rows = [f"documents {s['documents']}", "",
            f"{'layer':<8}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'pred':>6}{'gold':>6}   more"]
    extras = {"ent": ("country_acc", "sector_acc"), "time": ("value_acc", "e2e_f1"),
              "quote": ("speaker_acc", "e2e_f1"), "event": ("date_acc", "status_acc", "location_acc")}
    names = {"ent": "entities", "time": "times", "quote": "quotes", "event": "events"}
    for layer in LAYERS:
        L = s[layer]
        more = "  ".join(f"{k} {L[k] if L[k] is not None else '-'}" for k in extras[layer])
        rows.append(f"{names[layer]:<8}{L['p']:>7.3f}{L['r']:>7.3f}{L['f1']:>7.3f}"
                    f"{L['tp']:>6}{L['pred']:>6}{L['gold']:>6}   {more}")
    rows += ["", "entity F1 by type: " + "  ".join(f"{k} {v:.3f}" for k, v in s["ent"]["by_type"].items()),
             "", f"{'event type':<12}{'F1':>7}"]
    rows += [f"{str(ty):<12}{f1:>7.3f}" for ty, f1 in s["event"]["type_f1"].items()]
    return "\n".join(rows) + "\n"
