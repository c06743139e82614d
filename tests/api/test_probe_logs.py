"""Probes are polled every few seconds: their 200s stay out of the INFO access log, their failures do not."""

from __future__ import annotations

import json
import logging

import httpx

from tests.conftest import captured_logs


def access_lines(text: str) -> list[dict[str, object]]:
    return [e for e in map(json.loads, text.splitlines()) if e.get("logger") == "app.access"]


async def test_successful_probes_are_not_logged_at_info_but_requests_are(client: httpx.AsyncClient) -> None:
    with captured_logs(logging.INFO) as stream:
        assert (await client.get("/readyz")).status_code == 200
        assert (await client.get("/healthz")).status_code == 200
        assert (await client.get("/v1/info")).status_code == 200
    assert [e["path"] for e in access_lines(stream.getvalue())] == ["/v1/info"]
    with captured_logs(logging.DEBUG) as stream:
        assert (await client.get("/readyz")).status_code == 200
    assert [e["path"] for e in access_lines(stream.getvalue())] == ["/readyz"]
