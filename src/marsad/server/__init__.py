"""HTTP API and web interface (FastAPI): ``create_app(db_path)``, run by ``marsad serve``."""
from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
