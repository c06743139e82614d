"""Sync and async clients for the article-enrichment API (httpx).

Both retry what a well-behaved caller should retry, within bounds: a 503 (overloaded or not ready), after the
server's Retry-After, and a connection that could not be made or broke, with exponential backoff. Anything else
(4xx, other 5xx) raises ``ApiError`` at once, with the server's problem details.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

import httpx

from article_enrichment_client.models import (
    BatchItemResult,
    BatchResponse,
    EnrichedDocument,
    InfoPublic,
    ProblemDetails,
)

NINJS_MEDIA_TYPE = "application/ninjs+json"
DEFAULT_TIMEOUT = httpx.Timeout(120.0, connect=10.0)
T = TypeVar("T")


class ApiError(Exception):
    """The server answered with an error; ``problem`` is its RFC 9457 body (code, detail ...)."""

    def __init__(self, status: int, problem: ProblemDetails, *, retry_after: float | None = None) -> None:
        super().__init__(f"{status} {problem.code}: {problem.detail}")
        self.status = status
        self.problem = problem
        self.retry_after = retry_after  # seconds, from the Retry-After header


class RetriesExhausted(Exception):
    """Every attempt allowed by the retry policy failed with a retryable error (503 or a broken connection)."""

    def __init__(self, attempts: int, last: ApiError | httpx.TransportError) -> None:
        super().__init__(f"gave up after {attempts} attempts: {last}")
        self.attempts = attempts
        self.last = last


@dataclass(frozen=True)
class RetryPolicy:
    """Bounds on retrying: attempts in all, the longest single wait, and the total time spent waiting."""

    max_attempts: int = 8
    max_wait_s: float = 30.0
    max_total_wait_s: float = 300.0
    backoff_s: float = 0.5  # first wait after a connection error; doubles each time (with jitter)

    def wait_s(self, attempt: int, retry_after: float | None) -> float:
        if retry_after is not None:
            return min(self.max_wait_s, max(0.0, retry_after))
        base = self.backoff_s * 2.0 ** (attempt - 1)
        return min(self.max_wait_s, base * (0.5 + random.random()))  # noqa: S311 (jitter, not security)


@dataclass
class RetryStats:
    """What the client retried so far (the CLI reports it)."""

    overloaded: int = 0  # 503 answers retried
    connection: int = 0  # connection errors retried

    @property
    def total(self) -> int:
        return self.overloaded + self.connection


@dataclass
class _Attempts:
    policy: RetryPolicy
    stats: RetryStats
    attempt: int = 0
    waited_s: float = 0.0
    on_retry: Callable[[str, float], None] | None = field(default=None)

    def next_wait(self, error: ApiError | httpx.TransportError) -> float:
        """Seconds to wait before the next attempt; raises when the policy allows no more."""
        retry_after = None
        if isinstance(error, ApiError):
            if error.status != 503:
                raise error
            retry_after = error.retry_after
        wait = self.policy.wait_s(self.attempt, retry_after)
        if self.attempt >= self.policy.max_attempts or self.waited_s + wait > self.policy.max_total_wait_s:
            raise RetriesExhausted(self.attempt, error) from error
        self.waited_s += wait
        if isinstance(error, ApiError):
            self.stats.overloaded += 1
        else:
            self.stats.connection += 1
        if self.on_retry is not None:
            self.on_retry(str(error), wait)
        return wait


def _headers(api_key: str | None) -> dict[str, str]:
    headers = {"User-Agent": "article-enrichment-client/0.1.0"}
    if api_key:
        headers["Authorization"] = f"Bearer {api_key}"
    return headers


def _check(response: httpx.Response) -> httpx.Response:
    if response.status_code < 400:
        return response
    try:
        problem = ProblemDetails.model_validate(response.json())
    except ValueError:
        problem = ProblemDetails(
            type="about:blank",
            title=response.reason_phrase or "error",
            status=response.status_code,
            detail=response.text[:500],
            code="http_error",
        )
    retry_after = None
    header = response.headers.get("retry-after")
    if header is not None:
        try:
            retry_after = float(header)
        except ValueError:  # an HTTP date: not sent by this service; back off instead
            retry_after = None
    raise ApiError(response.status_code, problem, retry_after=retry_after)


def enrich_body(
    text: str, *, doc_id: str | None, stages: Sequence[str] | None, options: dict[str, Any] | None
) -> dict[str, Any]:
    """The JSON body of POST /v1/enrich (also one item of a batch)."""
    body: dict[str, Any] = {"text": text}
    if doc_id is not None:
        body["id"] = doc_id
    if stages:
        body["stages"] = list(stages)
    if options:
        body["options"] = options
    return body


def chunks(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    """``items`` in consecutive slices of at most ``size``."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _batch_results(responses: list[BatchResponse]) -> list[BatchItemResult]:
    results: list[BatchItemResult] = []
    for response in responses:
        offset = len(results)
        for item in response.results:
            results.append(item.model_copy(update={"index": item.index + offset}))
    return results


class _Base:
    def __init__(self, *, api_key: str | None, retry: RetryPolicy | None) -> None:
        self.retry = retry or RetryPolicy()
        self.retry_stats = RetryStats()
        self.api_key = api_key
        self._max_batch_items: int | None = None

    def _attempts(self, on_retry: Callable[[str, float], None] | None) -> _Attempts:
        return _Attempts(self.retry, self.retry_stats, on_retry=on_retry)

    @staticmethod
    def _accept(ninjs: bool) -> dict[str, str]:
        return {"Accept": NINJS_MEDIA_TYPE if ninjs else "application/json"}


class EnrichClient(_Base):
    """Blocking client. Use as a context manager, or call ``close()``.

    >>> with EnrichClient("http://127.0.0.1:8000") as client:   # doctest: +SKIP
    ...     doc = client.enrich("Flood waters recede\\n\\nBy Jane Doe\\n\\n...", doc_id="a1")
    ...     print([c.text for c in doc.captions], [e.text for e in doc.entities])
    """

    def __init__(
        self,
        base_url: str,
        *,
        api_key: str | None = None,
        timeout: httpx.Timeout | float = DEFAULT_TIMEOUT,
        retry: RetryPolicy | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        super().__init__(api_key=api_key, retry=retry)
        self._http = httpx.Client(base_url=base_url, headers=_headers(api_key), timeout=timeout, transport=transport)

    def __enter__(self) -> EnrichClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._http.close()

    def _request(self, method: str, path: str, *, on_retry: Callable[[str, float], None] | None = None,
                 **kwargs: Any) -> httpx.Response:  # fmt: skip
        attempts = self._attempts(on_retry)
        while True:
            attempts.attempt += 1
            try:
                return _check(self._http.request(method, path, **kwargs))
            except (ApiError, httpx.TransportError) as error:
                time.sleep(attempts.next_wait(error))

    def info(self) -> InfoPublic:
        """GET /v1/info: versions, stages and limits."""
        return InfoPublic.model_validate(self._request("GET", "/v1/info").json())

    def max_batch_items(self) -> int:
        """The server's most articles per batch (read once from GET /v1/info)."""
        if self._max_batch_items is None:
            self._max_batch_items = self.info().limits.max_batch_items
        return self._max_batch_items

    def enrich(
        self,
        text: str,
        *,
        doc_id: str | None = None,
        stages: Sequence[str] | None = None,
        options: dict[str, Any] | None = None,
    ) -> EnrichedDocument:
        """POST /v1/enrich: one article, its document."""
        body = enrich_body(text, doc_id=doc_id, stages=stages, options=options)
        response = self._request("POST", "/v1/enrich", json=body, headers=self._accept(False))
        return EnrichedDocument.model_validate(response.json())

    def enrich_ninjs(
        self,
        text: str,
        *,
        doc_id: str | None = None,
        stages: Sequence[str] | None = None,
        options: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """POST /v1/enrich with Accept: application/ninjs+json: the IPTC ninjs 3.1 item."""
        body = enrich_body(text, doc_id=doc_id, stages=stages, options=options)
        item: dict[str, Any] = self._request("POST", "/v1/enrich", json=body, headers=self._accept(True)).json()
        return item

    def enrich_batch(self, items: Sequence[dict[str, Any]]) -> list[BatchItemResult]:
        """POST /v1/enrich/batch for any number of items (``enrich_body`` dicts), split into batches of the server's
        maximum; results come back in order, ``index`` counted over all items."""
        size = self.max_batch_items()
        responses = [
            BatchResponse.model_validate(self._request("POST", "/v1/enrich/batch", json={"items": list(part)}).json())
            for part in chunks(items, size)
        ]
        return _batch_results(responses)


class AsyncEnrichClient(_Base):
    """The same client for asyncio. Use with ``async with``, or call ``await aclose()``."""

    def __init__(
        self,
        base_url: str,
        *,
        api_key: str | None = None,
        timeout: httpx.Timeout | float = DEFAULT_TIMEOUT,
        retry: RetryPolicy | None = None,
        max_connections: int = 32,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        super().__init__(api_key=api_key, retry=retry)
        limits = httpx.Limits(max_connections=max_connections, max_keepalive_connections=max_connections)
        self._http = httpx.AsyncClient(
            base_url=base_url, headers=_headers(api_key), timeout=timeout, limits=limits, transport=transport
        )

    async def __aenter__(self) -> AsyncEnrichClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._http.aclose()

    async def _request(self, method: str, path: str, *, on_retry: Callable[[str, float], None] | None = None,
                       **kwargs: Any) -> httpx.Response:  # fmt: skip
        attempts = self._attempts(on_retry)
        while True:
            attempts.attempt += 1
            try:
                return _check(await self._http.request(method, path, **kwargs))
            except (ApiError, httpx.TransportError) as error:
                await asyncio.sleep(attempts.next_wait(error))

    async def info(self) -> InfoPublic:
        """GET /v1/info: versions, stages and limits."""
        return InfoPublic.model_validate((await self._request("GET", "/v1/info")).json())

    async def max_batch_items(self) -> int:
        """The server's most articles per batch (read once from GET /v1/info)."""
        if self._max_batch_items is None:
            self._max_batch_items = (await self.info()).limits.max_batch_items
        return self._max_batch_items

    async def enrich(
        self,
        text: str,
        *,
        doc_id: str | None = None,
        stages: Sequence[str] | None = None,
        options: dict[str, Any] | None = None,
    ) -> EnrichedDocument:
        """POST /v1/enrich: one article, its document."""
        return EnrichedDocument.model_validate(
            await self.enrich_raw(text, doc_id=doc_id, stages=stages, options=options, ninjs=False)
        )

    async def enrich_raw(
        self,
        text: str,
        *,
        doc_id: str | None = None,
        stages: Sequence[str] | None = None,
        options: dict[str, Any] | None = None,
        ninjs: bool = False,
        on_retry: Callable[[str, float], None] | None = None,
    ) -> dict[str, Any]:
        """POST /v1/enrich, the answer as parsed JSON: the document, or the ninjs item with ``ninjs=True``."""
        body = enrich_body(text, doc_id=doc_id, stages=stages, options=options)
        response = await self._request("POST", "/v1/enrich", json=body, headers=self._accept(ninjs), on_retry=on_retry)
        parsed: dict[str, Any] = response.json()
        return parsed

    async def enrich_batch(self, items: Sequence[dict[str, Any]]) -> list[BatchItemResult]:
        """POST /v1/enrich/batch for any number of items, split into batches of the server's maximum (in order)."""
        size = await self.max_batch_items()
        responses = []
        for part in chunks(items, size):
            response = await self._request("POST", "/v1/enrich/batch", json={"items": list(part)})
            responses.append(BatchResponse.model_validate(response.json()))
        return _batch_results(responses)
