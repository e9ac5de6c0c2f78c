"""The FastAPI application: extraction API, corpus API over the SQLite store, web pages."""
from __future__ import annotations

import os
from contextlib import asynccontextmanager
from pathlib import Path

from anyio import CapacityLimiter
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from .. import __version__
from . import corpus_api, errors, extract_api, pages
from .middleware import BodyLimit, SecurityHeaders

DESCRIPTION = """Arabic news → entities, time expressions, quotes and PLOVER events
(the record of SPEC.md). Limits: 1 MB of text per document, 100 documents per batch.
Errors are JSON: `{"error": "message"}`."""
DB_VARIABLE = "MARSAD_SERVE_DB"


def create_app(db_path: str | Path | None = None, pipeline=None) -> FastAPI:
    """The app. ``db_path``: a SQLite store for the corpus endpoints (optional);
    ``pipeline``: a ready Pipeline (default: the full pipeline, loaded at startup)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if app.state.pipeline is None:
            from ..pipeline import Pipeline
            app.state.pipeline = Pipeline()
        app.state.corpus = corpus_api.open_corpus(db_path)
        try:
            yield
        finally:
            if app.state.corpus is not None:
                app.state.corpus.close()

    app = _fastapi(title="Marsad", version=__version__, description=DESCRIPTION,
                   lifespan=lifespan, debug=False)
    app.state.pipeline = pipeline
    app.state.corpus = None
    app.state.extract_limiter = CapacityLimiter(1)
    errors.install(app)
    app.include_router(extract_api.router)
    app.include_router(corpus_api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=str(Path(__file__).parent / "static")), name="static")
    app.add_middleware(BodyLimit)
    app.add_middleware(SecurityHeaders)
    return app


def _fastapi(**options) -> FastAPI:
    """FastAPI whose /docs page is served from the package (fastapi-offline), not a CDN."""
    try:
        from fastapi_offline import FastAPIOffline
    except ImportError:
        return FastAPI(**options)
    return FastAPIOffline(**options)


def app_from_environment() -> FastAPI:
    """The app of one worker process of ``marsad serve --workers N``."""
    return create_app(os.environ.get(DB_VARIABLE) or None)
