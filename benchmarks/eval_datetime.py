"""Detection F1 and plain-date value accuracy on the Microsoft Recognizers-Text
Arabic date/time cases (definitions in marsad.times.evaluate).

    python benchmarks/eval_datetime.py [FOLDER] [--errors FILE.json]
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from marsad.times.evaluate import evaluate

DEFAULT = Path(__file__).resolve().parents[2] / "shared/data/datetime"

if __name__ == "__main__":
    folder = sys.argv[1] if len(sys.argv) > 1 else DEFAULT
    print(json.dumps(evaluate(folder), indent=2))
