"""marsad eval: score records against gold files (SPEC.md "Scoring")."""
from __future__ import annotations

import json
import sys


def add_arguments(p) -> None:
    p.add_argument("gold", help="a folder of gold files ({doc, gold} JSON) or one such file")
    p.add_argument("pred", nargs="?", help="records as JSONL; without it, marsad extracts the gold documents itself")
    p.add_argument("--json", action="store_true", help="print the summary as JSON (as the reference scorer's --json)")
    p.add_argument("--per-doc", action="store_true", help="also print F1 per document and layer (to stderr)")


def run(args) -> int:
    from ..evaluate import format_table, load_gold, load_predictions, score, summarize, score_document
    from ..io import iter_jsonl
    from collections import Counter

    try:
        gold = load_gold(args.gold)
    except (OSError, ValueError, KeyError) as e:
        print(f"marsad eval: cannot read gold {args.gold}: {e}", file=sys.stderr)
        return 2
    if args.pred:
        try:
            preds = load_predictions(line for _, line in iter_jsonl(args.pred))
        except (OSError, ValueError) as e:
            print(f"marsad eval: cannot read predictions {args.pred}: {e}", file=sys.stderr)
            return 2
    else:
        preds = _extract(gold)
    if args.per_doc:
        for doc_id, g in gold.items():
            c, per_type = Counter(), {}
            score_document(g["gold"], preds.get(doc_id) or {}, c, per_type)
            s1 = summarize(c, per_type, 1)
            print(doc_id, {k: s1[k]["f1"] for k in ("ent", "time", "quote", "event")}, file=sys.stderr)
    summary = score(gold, preds)
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=1))
    else:
        sys.stdout.write(format_table(summary))
    return 0


def _extract(gold: dict) -> dict:
    from ..pipeline import default_pipeline

    pipeline = default_pipeline()
    return {doc_id: pipeline.extract_dict(g["doc"]).to_dict() for doc_id, g in gold.items()}
