"""ASGI middleware: request ids, the access log and the HTTP request metrics."""

from __future__ import annotations

import logging
import re
import time
import uuid

from fastapi import FastAPI
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api.docs_ui import ASSET_PATHS, DOCS_URL, REDOC_URL
from app.logs import request_id_var
from app.metrics import HTTP_IN_FLIGHT, HTTP_REQUESTS, HTTP_SECONDS

log = logging.getLogger("app.access")

REQUEST_ID_HEADER = "x-request-id"
_VALID_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")
# the route label of requests no route matches: raw paths would make one time series per scanner probe
UNMATCHED_ROUTE = "<unmatched>"
_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
# answered every few seconds by the kubelet: a 200 is logged at DEBUG only, anything else at INFO
PROBE_PATHS = frozenset({"/healthz", "/readyz"})


def route_template(scope: Scope) -> str:
    """The path template of the route that served ``scope`` (``/v1/enrich``), or UNMATCHED_ROUTE.

    Requests answered before routing (401, CORS preflight) get their path when it is one of the app's paths.
    """
    route = scope.get("route")
    template = getattr(route, "path_format", None) or getattr(route, "path", None)
    if template:
        return str(template)
    app = scope.get("app")
    if isinstance(app, FastAPI) and scope["path"] in _app_paths(app):
        return str(scope["path"])
    return UNMATCHED_ROUTE


def _app_paths(app: FastAPI) -> frozenset[str]:
    paths: frozenset[str] | None = getattr(app.state, "route_paths", None)
    if paths is None:
        urls = (DOCS_URL, REDOC_URL, app.openapi_url, *ASSET_PATHS)
        paths = frozenset(p for p in app.openapi().get("paths", {}) if "{" not in p) | {u for u in urls if u}
        app.state.route_paths = paths
    return paths


class RequestIdMiddleware:
    """Accepts a well-formed X-Request-ID or makes one; returns it on every response; logs and counts each request.

    Outermost of the app's middleware, so that answers given by inner middleware (401, CORS) are logged too.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = dict(scope["headers"]).get(REQUEST_ID_HEADER.encode(), b"").decode("latin-1")
        request_id = incoming if _VALID_ID.match(incoming) else uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = request_id
        token = request_id_var.set(request_id)
        started = time.perf_counter()
        status = 500
        HTTP_IN_FLIGHT.inc()

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                MutableHeaders(scope=message)[REQUEST_ID_HEADER] = request_id
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            elapsed = time.perf_counter() - started
            HTTP_IN_FLIGHT.dec()
            route = route_template(scope)
            method = scope["method"] if scope["method"] in _METHODS else "OTHER"
            HTTP_REQUESTS.labels(method=method, route=route, status=str(status)).inc()
            HTTP_SECONDS.labels(method=method, route=route).observe(elapsed)
            quiet = status == 200 and scope["path"] in PROBE_PATHS
            log.log(
                logging.DEBUG if quiet else logging.INFO,
                "request",
                extra={
                    "method": scope["method"],
                    "path": scope["path"],
                    "route": route,
                    "status": status,
                    "duration_ms": round(elapsed * 1000, 3),
                },
            )
            request_id_var.reset(token)
