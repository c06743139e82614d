"""Optional API keys, checked before any route runs; probes, metrics and docs exempt as configured.

Keys come from ``ENRICH_API_KEYS`` and/or ``ENRICH_API_KEYS_FILE`` (a mounted secret, one key per line). Only
their SHA-256 digests are kept; a presented key is hashed and compared with every digest in constant time, so
neither the position of a matching key nor the length of a near miss shows in the response time.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable
from typing import Any

from starlette.types import ASGIApp, Receive, Scope, Send

from app.api.docs_ui import ASSET_PATHS
from app.api.openapi_docs import problem_responses
from app.api.problems import problem_json_response
from app.errors import Unauthorized
from app.settings import Settings

REALM = "article-enrichment"
MIN_KEY_CHARS = 16
PROBE_PATHS = frozenset({"/healthz", "/readyz"})
METRICS_PATHS = frozenset({"/metrics"})
DOCS_PATHS = (
    frozenset({"/docs", "/docs/oauth2-redirect", "/redoc", "/openapi.json", "/v1/schema", "/", "/demo"}) | ASSET_PATHS
)
SECURITY_SCHEMES: dict[str, dict[str, Any]] = {
    "bearerAuth": {"type": "http", "scheme": "bearer", "description": "`Authorization: Bearer <API key>`"},
    "apiKeyHeader": {"type": "apiKey", "in": "header", "name": "X-API-Key", "description": "`X-API-Key: <API key>`"},
}


def load_api_keys(settings: Settings) -> tuple[bytes, ...]:
    """SHA-256 digests of the configured keys; empty when authentication is off.

    Raises ValueError (the service does not start) for a keys file that cannot be read or holds no key, and for
    keys shorter than MIN_KEY_CHARS. Messages name the setting, never a key.
    """
    keys = [k.strip() for k in settings.api_keys.get_secret_value().split(",") if k.strip()]
    path = settings.api_keys_file
    if path is not None:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise ValueError(f"ENRICH_API_KEYS_FILE={path} cannot be read: {type(exc).__name__}") from None
        from_file = [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
        if not from_file:
            raise ValueError(f"ENRICH_API_KEYS_FILE={path} holds no key (one key per line)")
        keys += from_file
    short = sum(len(k) < MIN_KEY_CHARS for k in keys)
    if short:
        raise ValueError(
            f"{short} API key(s) are shorter than {MIN_KEY_CHARS} characters; use long random keys "
            "(e.g. `openssl rand -hex 32`)"
        )
    return tuple(_digest(k.encode("utf-8")) for k in dict.fromkeys(keys))


def exempt_paths(settings: Settings) -> frozenset[str]:
    """Paths that answer without a key even when keys are configured."""
    paths: set[str] = set()
    if settings.auth_exempt_probes:
        paths |= PROBE_PATHS
    if settings.auth_exempt_metrics:
        paths |= METRICS_PATHS
    if settings.auth_exempt_docs:
        paths |= DOCS_PATHS
    return frozenset(paths)


def _digest(key: bytes) -> bytes:
    return hashlib.sha256(key).digest()


def key_is_valid(presented: bytes, digests: Iterable[bytes]) -> bool:
    """Whether ``presented`` is one of the keys, compared in constant time against all of them."""
    candidate = _digest(presented)
    valid = False
    for digest in digests:  # no early exit: every key is compared
        valid |= hmac.compare_digest(candidate, digest)
    return valid


def presented_keys(headers: Iterable[tuple[bytes, bytes]]) -> list[bytes]:
    """The keys a request presents: ``Authorization: Bearer <key>`` and ``X-API-Key: <key>``."""
    found: list[bytes] = []
    for name, value in headers:
        if name == b"authorization":
            scheme, _, token = value.strip().partition(b" ")
            if scheme.lower() == b"bearer" and token.strip():
                found.append(token.strip())
        elif name == b"x-api-key" and value.strip():
            found.append(value.strip())
    return found


class ApiKeyMiddleware:
    """Answers 401 problem+json (with ``WWW-Authenticate``) to requests without a valid key."""

    def __init__(self, app: ASGIApp, *, digests: tuple[bytes, ...], exempt: frozenset[str]) -> None:
        self.app = app
        self.digests = digests
        self.exempt = exempt

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in self.exempt:
            await self.app(scope, receive, send)
            return
        keys = presented_keys(scope["headers"])
        if any(key_is_valid(key, self.digests) for key in keys):
            await self.app(scope, receive, send)
            return
        if keys:
            error = Unauthorized(
                "the API key is not valid", www_authenticate=f'Bearer realm="{REALM}", error="invalid_token"'
            )
        else:
            error = Unauthorized(
                "this service needs an API key: send `Authorization: Bearer <key>` or `X-API-Key: <key>`",
                www_authenticate=f'Bearer realm="{REALM}"',
            )
        request_id = scope.get("state", {}).get("request_id")
        response = problem_json_response(error, instance=scope["path"], request_id=request_id)
        await response(scope, receive, send)


def document_security(spec: dict[str, Any], settings: Settings, *, enabled: bool) -> None:
    """Add the key schemes and a 401 response to every operation that needs a key when keys are configured.

    With keys off (``enabled`` false) the requirement is listed as optional (an empty alternative).
    """
    spec.setdefault("components", {}).setdefault("securitySchemes", {}).update(SECURITY_SCHEMES)
    requirement: list[dict[str, list[str]]] = [{name: []} for name in SECURITY_SCHEMES]
    if not enabled:
        requirement.append({})
    exempt = exempt_paths(settings)
    for path, operations in spec.get("paths", {}).items():
        if path in exempt:
            continue
        for operation in operations.values():
            operation["security"] = requirement
            operation.setdefault("responses", {}).update(
                {str(status): response for status, response in problem_responses(401).items()}
            )
