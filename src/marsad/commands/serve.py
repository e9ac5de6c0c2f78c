"""marsad serve: the HTTP API (docs at /docs) and the web interface."""
from __future__ import annotations

import os
import sys
from pathlib import Path


WORKER_PING_TIMEOUT = 60


def add_arguments(p) -> None:
    p.add_argument("--db", help="SQLite store (from marsad index) for the corpus view and API")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    p.add_argument("--workers", type=int, default=1,
                   help="worker processes, each with its own pipeline (default: 1)")
    p.add_argument("--log-level", default="info", choices=("critical", "error", "warning", "info", "debug"))


def run(args) -> int:
    import uvicorn

    from ..server import create_app
    from ..server.app import DB_VARIABLE

    if args.db and not Path(args.db).is_file():
        print(f"marsad: no such store: {args.db} (build it with marsad index)", file=sys.stderr)
        return 2
    if args.db:
        from ..server.corpus import Corpus, NotAStore
        try:
            Corpus(Path(args.db)).close()
        except NotAStore as e:
            print(f"marsad: {e}", file=sys.stderr)
            return 2
    if args.workers < 1:
        print("marsad: --workers must be at least 1", file=sys.stderr)
        return 2
    print(f"marsad: serving on http://{args.host}:{args.port}/  (API docs: /docs)", file=sys.stderr)
    options = dict(host=args.host, port=args.port, log_level=args.log_level, server_header=False)
    if args.workers == 1:
        uvicorn.run(create_app(args.db), **options)
    else:  # each worker process builds its app from the environment
        os.environ[DB_VARIABLE] = str(Path(args.db).resolve()) if args.db else ""
        # a worker busy extracting a long article answers the supervisor's ping late: give it time
        uvicorn.run("marsad.server.app:app_from_environment", factory=True, workers=args.workers,
                    timeout_worker_healthcheck=WORKER_PING_TIMEOUT, **options)
    return 0
