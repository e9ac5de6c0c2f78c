"""marsad serve: the HTTP API (docs at /docs) and the web interface."""
from __future__ import annotations

import sys
from pathlib import Path


def add_arguments(p) -> None:
    p.add_argument("--db", help="SQLite store (from marsad index) for the corpus view and API")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    p.add_argument("--log-level", default="info", choices=("critical", "error", "warning", "info", "debug"))


def run(args) -> int:
    import uvicorn

    from ..server import create_app

    if args.db and not Path(args.db).is_file():
        print(f"marsad: no such store: {args.db} (build it with marsad index)", file=sys.stderr)
        return 2
    print(f"marsad: serving on http://{args.host}:{args.port}/  (API docs: /docs)", file=sys.stderr)
    uvicorn.run(create_app(args.db), host=args.host, port=args.port, log_level=args.log_level,
                server_header=False)
    return 0
