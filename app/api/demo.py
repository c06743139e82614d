"""GET /demo: a self-contained page (no external assets) that shows what the service saw in an article.

The page posts the pasted article to /v1/enrich from the browser and draws the answer: every block marked by
kind (with a legend), entity mentions highlighted with their labels, each caption beside its parsed credit, and
the summary. ``GET /`` redirects to it.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, RedirectResponse

from app.api.examples import EXAMPLE_ARTICLE

router = APIRouter(tags=["demo"])
EXAMPLE_MARKER = "/*EXAMPLE_ARTICLE*/null"


@cache
def page() -> str:
    """The HTML of the page with the example article filled in (as a JSON string inside the script)."""
    html = resources.files("app.api").joinpath("static/demo.html").read_text(encoding="utf-8")
    # "</" must not appear inside a <script> element: JSON allows escaping the slash
    example = json.dumps(EXAMPLE_ARTICLE).replace("</", "<\\/")
    return html.replace(EXAMPLE_MARKER, example)


@router.get("/demo", response_class=HTMLResponse, summary="A page that shows the enrichment of an article")
async def demo() -> HTMLResponse:
    return HTMLResponse(page(), headers={"Cache-Control": "no-cache"})


@router.get("/", include_in_schema=False)
async def root() -> RedirectResponse:
    return RedirectResponse("/demo", status_code=307)
