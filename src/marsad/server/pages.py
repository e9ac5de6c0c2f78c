"""HTML pages (Jinja2) and the locally served plotly.js bundle."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.templating import Jinja2Templates

from .. import __version__

HERE = Path(__file__).parent
templates = Jinja2Templates(directory=str(HERE / "templates"))
router = APIRouter(include_in_schema=False)


@lru_cache(maxsize=1)
def plotly_js() -> Path:
    """plotly.min.js shipped inside the ``plotly`` Python package (no CDN)."""
    return Path(str(resources.files("plotly").joinpath("package_data/plotly.min.js")))


def _page(request: Request, name: str, **context) -> HTMLResponse:
    context.update(version=__version__, has_corpus=request.app.state.corpus is not None)
    return templates.TemplateResponse(request, name, context)


@router.get("/", response_class=HTMLResponse)
async def analyze_page(request: Request):
    return _page(request, "analyze.html", page="analyze")


@router.get("/corpus", response_class=HTMLResponse)
async def corpus_page(request: Request):
    return _page(request, "corpus.html", page="corpus")


@router.get("/vendor/plotly.min.js")
async def plotly_bundle():
    return FileResponse(plotly_js(), media_type="text/javascript",
                        headers={"cache-control": "public, max-age=86400"})
