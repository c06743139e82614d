"""create_app(): builds the service, mounts the routers, loads the models in the background."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from collections.abc import AsyncIterator
from typing import Any

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.utils import get_openapi

from app import __version__
from app.api import demo, docs_ui, enrich, meta, metrics, problems
from app.api.auth import ApiKeyMiddleware, document_security, exempt_paths, load_api_keys
from app.api.middleware import RequestIdMiddleware
from app.logs import configure_logging
from app.metrics import MULTIPROC_ENV, observe_stage
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
    api_key_digests = load_api_keys(settings)  # a bad keys file stops the start-up here
    service = EnrichmentService(settings, observer=observe_stage)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        loader = asyncio.create_task(_load_in_background(service), name="model-load")
        app.state.loader = loader
        try:
            yield
        finally:
            # the server calls this after it stopped accepting and drained in-flight requests (or hit its
            # graceful timeout): only now are the models and worker threads released
            log.info("shutdown: closing the pipeline and its workers")
            loader.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await loader
            await service.close()
            _leave_multiprocess_metrics()
            log.info("shutdown: complete")

    app = FastAPI(
        title="article-enrichment",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,  # served by app.api.docs_ui with local assets, not from a CDN
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.service = service
    app.state.auth_enabled = bool(api_key_digests)
    problems.install(app)
    # added innermost first: RequestId (log, metrics, request id) wraps CORS, which wraps the key check, so
    # that preflights pass without a key and 401s carry CORS headers, a request id and a log line
    if api_key_digests:
        app.add_middleware(ApiKeyMiddleware, digests=api_key_digests, exempt=exempt_paths(settings))
    if settings.cors_allow_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_allow_origins,
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "X-API-Key", "Content-Type", "X-Request-ID"],
            expose_headers=["X-Request-ID", "Retry-After", "WWW-Authenticate"],
            max_age=600,
        )
    app.add_middleware(RequestIdMiddleware)
    app.include_router(enrich.router)
    app.include_router(meta.router)
    app.include_router(metrics.router)
    app.include_router(demo.router)
    docs_ui.install(app)

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
    components["BatchRequest"]["properties"]["items"]["maxItems"] = app.state.settings.max_batch_items
    # the summary methods this deployment can run (abstractive needs a seq2seq model): a request for another is a
    # 422 summary_method_unavailable, so the schema does not offer it
    settings = app.state.settings
    methods = ["extractive", *(["abstractive"] if settings.summary_model_dir is not None else [])]
    method = components["SummaryOptions"]["properties"]["method"]
    method["anyOf"][0]["enum"] = methods
    method["description"] += f" This deployment offers: {', '.join(methods)}."
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
    document_security(spec, app.state.settings, enabled=app.state.auth_enabled)
    return spec


def _leave_multiprocess_metrics() -> None:
    # in multiprocess mode, drop this process's live gauges (in-flight, queue depth) from the shared values
    if os.environ.get(MULTIPROC_ENV):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(os.getpid())  # type: ignore[no-untyped-call]
