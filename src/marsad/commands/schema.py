"""marsad schema: the JSON Schema of a record."""
from __future__ import annotations

import json


def add_arguments(p) -> None:
    p.add_argument("--indent", type=int, default=2)


def run(args) -> int:
    from ..record import json_schema
    print(json.dumps(json_schema(), ensure_ascii=False, indent=args.indent))
    return 0
