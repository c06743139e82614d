"""create_app(): builds the service, mounts the routers, loads the models in the background."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from app import __version__
from app.api import enrich, meta, problems
from app.api.middleware import RequestIdMiddleware
from app.logs import configure_logging
from app.schemas.batch import BatchRequest
from app.schemas.document import EnrichedDocument
from app.schemas.problem import ProblemDetails
from app.schemas.request import EnrichRequest
from app.service import EnrichmentService
from app.settings import Settings, get_settings

log = logging.getLogger(__name__)

DESCRIPTION = """
Turns the text of a news article, as scrapers and CMS exports produce it, into a versioned JSON document:
every block classified (title, byline, body, caption, credit, editor's note, boilerplate ...), image credits
parsed into IPTC terms, named entities grouped per real-world thing with salience, and a summary of the body.

Errors are `application/problem+json` (RFC 9457) with a stable `code`. Limits are listed by `GET /v1/info`.
"""


async def _load_in_background(service: EnrichmentService) -> None:
    # failures are logged and reported by /readyz; the task must not die with an unretrieved exception
    with contextlib.suppress(Exception):
        await service.load()


def create_app(settings: Settings | None = None) -> FastAPI:
    """The ASGI application. Models load after start-up; /readyz is 503 until they are loaded and warmed."""
    settings = settings if settings is not None else get_settings()
    configure_logging(settings.log_level, json_lines=settings.log_json)
    service = EnrichmentService(settings)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        loader = asyncio.create_task(_load_in_background(service), name="model-load")
        app.state.loader = loader
        try:
            yield
        finally:
            loader.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await loader
            await service.close()

    app = FastAPI(
        title="article-enrichment",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.service = service
    problems.install(app)
    app.add_middleware(RequestIdMiddleware)
    app.include_router(enrich.router)
    app.include_router(meta.router)

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = build_openapi(app)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app


def build_openapi(app: FastAPI) -> dict[str, Any]:
    """The OpenAPI document, with the schemas of bodies the routes read themselves."""
    spec = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
    components = spec.setdefault("components", {}).setdefault("schemas", {})
    for model in (EnrichRequest, EnrichedDocument, ProblemDetails, BatchRequest):
        schema = model.model_json_schema(
            by_alias=True,
            ref_template="#/components/schemas/{model}",
            mode="serialization" if model is EnrichedDocument else "validation",
        )
        for name, definition in schema.pop("$defs", {}).items():
            components.setdefault(name, definition)
        components[model.__name__] = schema
    # batch items are validated one by one: a bad item gets a problem in its result and never fails the others,
    # so any value is acceptable at the HTTP level; what each item should be is an EnrichRequest
    components["BatchRequest"]["properties"]["items"]["items"] = {
        "anyOf": [{"$ref": "#/components/schemas/EnrichRequest"}, {}],
        "description": "an EnrichRequest; anything else comes back as a problem in its result",
    }
    # the stage names are the running pipeline's; the request model keeps them open so that an unknown stage
    # gets its own clear error (unknown_stage, listing the valid ones)
    deadline = components["EnrichOptions"]["properties"]["deadline_ms"]["anyOf"][0]
    deadline["maximum"] = app.state.settings.max_deadline_ms
    names = list(app.state.service.pipeline.stage_names)
    stages = components["EnrichRequest"]["properties"]["stages"]["anyOf"][0]
    stages["items"] = {"type": "string", "enum": names}
    one = "(" + "|".join(names) + ")"
    for parameter in spec["paths"]["/v1/enrich"]["post"]["parameters"]:
        if parameter["name"] == "stages":
            parameter["schema"]["anyOf"][0]["pattern"] = rf"^\s*{one}(\s*,\s*{one})*\s*$"
    return spec
