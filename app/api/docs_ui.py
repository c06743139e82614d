"""Swagger UI (/docs) and ReDoc (/redoc) served with their assets from the service itself, never from a CDN.

The assets are the npm packages swagger-ui-dist and redoc, vendored with their licences in app/api/static/vendor
(see its README.md); no web font is fetched. FastAPI's own /docs and /redoc are switched off (they load from
a CDN).
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse

from app.errors import NotFound

VENDOR = Path(__file__).with_name("static") / "vendor"
ASSETS_PREFIX = "/docs/assets"
ASSETS: dict[str, tuple[Path, str]] = {
    "swagger-ui-bundle.js": (VENDOR / "swagger-ui" / "swagger-ui-bundle.js", "text/javascript"),
    "swagger-ui.css": (VENDOR / "swagger-ui" / "swagger-ui.css", "text/css"),
    "favicon-32x32.png": (VENDOR / "swagger-ui" / "favicon-32x32.png", "image/png"),
    "redoc.standalone.js": (VENDOR / "redoc" / "redoc.standalone.js", "text/javascript"),
    "redoc-logo-mini.svg": (VENDOR / "redoc" / "redoc-logo-mini.svg", "image/svg+xml"),
}
ASSET_PATHS = frozenset(f"{ASSETS_PREFIX}/{name}" for name in ASSETS)
DOCS_URL, REDOC_URL = "/docs", "/redoc"


def install(app: FastAPI) -> None:
    """Add /docs, /redoc and their assets (the app must be built with docs_url=None and redoc_url=None)."""
    openapi_url = app.openapi_url or "/openapi.json"
    favicon = f"{ASSETS_PREFIX}/favicon-32x32.png"

    @app.get(DOCS_URL, include_in_schema=False)
    async def swagger_ui() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=openapi_url,
            title=f"{app.title} - Swagger UI",
            swagger_js_url=f"{ASSETS_PREFIX}/swagger-ui-bundle.js",
            swagger_css_url=f"{ASSETS_PREFIX}/swagger-ui.css",
            swagger_favicon_url=favicon,
        )

    @app.get(REDOC_URL, include_in_schema=False)
    async def redoc() -> HTMLResponse:
        return get_redoc_html(
            openapi_url=openapi_url,
            title=f"{app.title} - ReDoc",
            redoc_js_url=f"{ASSETS_PREFIX}/redoc.standalone.js",
            redoc_favicon_url=favicon,
            with_google_fonts=False,
        )

    @app.get(ASSETS_PREFIX + "/{name}", include_in_schema=False)
    async def asset(name: str) -> FileResponse:
        if name not in ASSETS:
            raise NotFound(f"no documentation asset {name!r}")
        path, media_type = ASSETS[name]
        return FileResponse(path, media_type=media_type, headers={"Cache-Control": "public, max-age=86400"})
