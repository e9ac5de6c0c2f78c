"""POST /api/extract and /api/extract/batch: documents → records, in a threadpool."""
from __future__ import annotations

from typing import Any, Optional, Union

from anyio import CapacityLimiter, to_thread
from fastapi import APIRouter, Body, Request, Response
from pydantic import BaseModel, ConfigDict, Field

from ..record import ErrorRecord, Record
from ..samples import sample_document
from .errors import ApiError, log
from .limits import MAX_BATCH_DOCUMENTS, text_too_large

router = APIRouter(prefix="/api", tags=["extraction"])

JSON = "application/json"
INTERNAL = "internal error"


class InputDocument(BaseModel):
    """An input document of SPEC.md; only ``text`` is required."""
    model_config = ConfigDict(extra="ignore", json_schema_extra={"examples": [
        {"id": "doc-1", "date": "2016-11-22", "text": "بحث وزير الخارجية المصري سامح شكري مع نظيره الأردني ناصر جودة في عمّان تطورات الأزمة السورية."}]})
    text: str = Field(description="the article, UTF-8, at most 1 MB")
    date: Optional[str] = Field(None, description="publication date, ISO 8601 (YYYY-MM-DD)")
    id: Optional[Union[str, int]] = None
    title: Optional[str] = None
    source: Optional[str] = None
    url: Optional[str] = None


class ErrorBody(BaseModel):
    error: str


ERRORS = {413: {"model": ErrorBody, "description": "document or batch too large"},
          422: {"model": ErrorBody, "description": "invalid document"}}


async def run_extraction(request: Request, docs: list[Any]) -> list[Record | ErrorRecord]:
    """Extract in a worker thread; stages need not be thread-safe (one document at a time
    per process; the GIL would serialize them anyway)."""
    pipeline = request.app.state.pipeline
    limiter: CapacityLimiter = request.app.state.extract_limiter
    records = await to_thread.run_sync(lambda: [pipeline.extract_dict(d) for d in docs], limiter=limiter)
    for record in records:
        if isinstance(record, ErrorRecord) and record.error.startswith(INTERNAL):
            log.error("extraction failed for document %r: %s", record.id, record.error)
            record.error = INTERNAL  # the details stay in the server's log
    return records


@router.post("/extract", response_model=Record, responses=ERRORS,
             summary="Extract the record of one document")
async def extract(request: Request, document: InputDocument) -> Response:
    if message := text_too_large(document.text):
        raise ApiError(413, message)
    [record] = await run_extraction(request, [document.model_dump()])
    if isinstance(record, ErrorRecord):
        raise ApiError(500 if record.error == INTERNAL else 422, record.error)
    return Response(record.to_json(), media_type=JSON)


@router.post("/extract/batch", response_model=list[Union[Record, ErrorBody]], responses=ERRORS,
             summary="Extract the records of up to 100 documents",
             description="A JSON array of input documents. The answer has one item per document, "
             "in order: its record, or `{\"id\", \"error\"}` when that document is invalid.")
async def extract_batch(request: Request,
                        documents: list[Any] = Body(..., examples=[[{"id": "a", "text": "..."}]])
                        ) -> Response:
    if len(documents) > MAX_BATCH_DOCUMENTS:
        raise ApiError(413, f"batch has {len(documents)} documents; the limit is "
                       f"{MAX_BATCH_DOCUMENTS} per request")
    for i, doc in enumerate(documents):
        if isinstance(doc, dict) and (message := text_too_large(doc.get("text"), f"document {i} text")):
            raise ApiError(413, message)
    records = await run_extraction(request, documents)
    return Response(b"[" + b",".join(r.to_json() for r in records) + b"]", media_type=JSON)


@router.get("/sample", summary="The bundled sample article (an input document)")
async def sample() -> dict:
    return sample_document()
