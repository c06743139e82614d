"""Reading and decoding request bodies within the configured limits."""

from __future__ import annotations

import asyncio
import json
from typing import Any, TypeVar

from fastapi import Request
from pydantic import BaseModel, ValidationError

from app.errors import BodyTimeout, BodyTooLarge, InvalidEncoding, InvalidRequest, MalformedJson, UnsupportedMediaType

M = TypeVar("M", bound=BaseModel)


def media_type_of(request: Request) -> tuple[str, str | None]:
    """The lower-cased media type and charset parameter of the request's Content-Type."""
    raw = request.headers.get("content-type", "")
    parts = [p.strip() for p in raw.split(";")]
    media = parts[0].lower()
    charset = None
    for p in parts[1:]:
        key, _, value = p.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip('"').lower()
    return media, charset


def require_media_type(request: Request, accepted: tuple[str, ...]) -> str:
    """The request's media type if it is one of ``accepted`` (``+json`` suffixes count as JSON) in UTF-8."""
    media, charset = media_type_of(request)
    if media.endswith("+json"):
        media = "application/json"
    if media not in accepted:
        sent = f"Content-Type {media!r}" if media else "no Content-Type"
        raise UnsupportedMediaType(f"{sent}; send {' or '.join(accepted)}", accepted=list(accepted))
    if charset not in (None, "utf-8", "utf8"):
        raise UnsupportedMediaType(f"charset {charset!r} is not supported; send UTF-8", accepted=list(accepted))
    return media


async def read_body(request: Request, max_bytes: int, timeout_s: float) -> bytes:
    """The whole body, read in chunks; stops at ``max_bytes`` without buffering the rest, and raises BodyTimeout
    when it has not all arrived within ``timeout_s`` (a client trickling it)."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > max_bytes:
        raise BodyTooLarge(f"the body is {int(declared):,} bytes; the limit is {max_bytes:,}", limit=max_bytes)
    chunks: list[bytes] = []
    size = 0
    try:
        async with asyncio.timeout(timeout_s):
            async for chunk in request.stream():
                size += len(chunk)
                if size > max_bytes:
                    raise BodyTooLarge(f"the body is over the limit of {max_bytes:,} bytes", limit=max_bytes)
                chunks.append(chunk)
    except TimeoutError:
        raise BodyTimeout(
            f"the body did not arrive within {timeout_s:g} s ({size:,} bytes received); send it at once",
            limit_s=timeout_s,
        ) from None
    return b"".join(chunks)


def decode_utf8(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidEncoding(
            f"byte 0x{raw[exc.start]:02x} at byte offset {exc.start} is not valid UTF-8", offset=exc.start
        ) from None


def parse_json(text: str) -> Any:
    """Parse a JSON document, turning every parse failure into MalformedJson with its position."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise MalformedJson(
            f"malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}",
            line=exc.lineno,
            column=exc.colno,
        ) from None
    except RecursionError:
        raise MalformedJson("the JSON is nested too deeply") from None


def validate_model(model: type[M], data: Any, *, loc_prefix: str = "body") -> M:
    """``model.model_validate(data)``, with schema violations as InvalidRequest listing each field."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        fields = [
            {
                "loc": ".".join([loc_prefix, *(str(p) for p in e["loc"])]),
                "message": e["msg"],
                "type": e["type"],
            }
            for e in exc.errors(include_input=False, include_url=False)
        ]
        summary = "; ".join(f"{f['loc']}: {f['message']}" for f in fields[:5])
        raise InvalidRequest(f"invalid request: {summary}", errors=fields) from None
