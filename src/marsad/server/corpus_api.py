"""Corpus endpoints over the SQLite store: documents, events, quotes, statistics."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path
from typing import Literal, Optional

from anyio import to_thread
from fastapi import APIRouter, Depends, Query, Request

from ..record import EventType
from .errors import ApiError
from .limits import MAX_PAGE

router = APIRouter(prefix="/api", tags=["corpus"])

NO_CORPUS = "no corpus store: start the server with `marsad serve --db FILE` (built by `marsad index`)"
COUNTRY = r"^[A-Za-z]{3}$"
SortKey = Literal["date", "type", "status", "goldstein", "doc_id"]


def open_corpus(db_path):
    if db_path is None:
        return None
    from .corpus import Corpus
    return Corpus(Path(db_path))


@dataclass(frozen=True)
class EventFilters:
    type: Optional[EventType] = None
    actor_country: Optional[str] = None
    recipient_country: Optional[str] = None
    date_from: Optional[Date] = None
    date_to: Optional[Date] = None
    text: Optional[str] = None


def event_filters(type: Optional[EventType] = Query(None, description="PLOVER event type"),
                  actor_country: Optional[str] = Query(None, pattern=COUNTRY, description="ISO alpha-3 or IGO/ISM…"),
                  recipient_country: Optional[str] = Query(None, pattern=COUNTRY),
                  date_from: Optional[Date] = Query(None, description="events on or after (YYYY-MM-DD)"),
                  date_to: Optional[Date] = Query(None, description="events on or before (YYYY-MM-DD)"),
                  text: Optional[str] = Query(None, max_length=200, description="words in the evidence sentence")
                  ) -> EventFilters:
    if date_from and date_to and date_from > date_to:
        raise ApiError(422, "date_from is after date_to")
    return EventFilters(type=type, actor_country=actor_country and actor_country.upper(),
                        recipient_country=recipient_country and recipient_country.upper(),
                        date_from=date_from, date_to=date_to, text=text or None)


async def _query(request: Request, method: str, *args):
    corpus = request.app.state.corpus
    if corpus is None:
        raise ApiError(503, NO_CORPUS)
    return await to_thread.run_sync(lambda: getattr(corpus, method)(*args))


@router.get("/events", summary="Events in the store, filtered and paginated")
async def events(request: Request, filters: EventFilters = Depends(event_filters),
                 limit: int = Query(50, ge=1, le=MAX_PAGE), offset: int = Query(0, ge=0),
                 sort: SortKey = "date", order: Literal["asc", "desc"] = "desc") -> dict:
    total, items = await _query(request, "events", filters, limit, offset, sort, order == "desc")
    return {"total": total, "limit": limit, "offset": offset, "items": items}


@router.get("/quotes", summary="Quotes in the store by speaker",
            description="`speaker`: any name or mention of the speaking entity, its kb id, or the "
            "speaker text (`مصدر أمني`), compared in normalized form.")
async def quotes(request: Request, speaker: str = Query(..., min_length=1, max_length=200),
                 limit: int = Query(50, ge=1, le=MAX_PAGE), offset: int = Query(0, ge=0)) -> dict:
    items, more = await _query(request, "quotes", speaker.strip(), limit, offset)
    return {"limit": limit, "offset": offset, "more": more, "items": items}


@router.get("/documents/{doc_id}", summary="One stored document with its record")
async def document(request: Request, doc_id: str) -> dict:
    found = await _query(request, "document", doc_id)
    if found is None:
        raise ApiError(404, f"no document with id {doc_id!r}")
    return found


@router.get("/stats", summary="Counts over the store")
async def stats(request: Request) -> dict:
    return await _query(request, "stats")


@router.get("/stats/timeline", summary="Events per day and type (filters as /api/events)")
async def timeline(request: Request, filters: EventFilters = Depends(event_filters)) -> dict:
    return {"items": await _query(request, "timeline", filters)}


@router.get("/stats/pairs", summary="Mean Goldstein score (cooperation > 0 > conflict) per country pair")
async def pairs(request: Request, filters: EventFilters = Depends(event_filters),
                limit: int = Query(25, ge=1, le=200)) -> dict:
    return {"items": await _query(request, "pairs", filters, limit)}
