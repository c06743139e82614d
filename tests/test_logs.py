"""Structured logs: one JSON object per line, the request id on every line of a request, never the article text."""

from __future__ import annotations

import json
import logging

import httpx

from app.api.examples import EXAMPLE_ARTICLE
from tests.conftest import captured_logs

# a sentence only this test sends
SECRET_SENTENCE = "The embargoed merger of Quillfeather Mills and Dunmore Textiles closes on Friday."


async def test_each_request_is_logged_as_json_with_its_request_id(client: httpx.AsyncClient) -> None:
    with captured_logs() as logs:
        response = await client.post(
            "/v1/enrich", json={"text": f"{EXAMPLE_ARTICLE}\nLogged once."}, headers={"x-request-id": "cms-7f3a"}
        )
        assert response.headers["x-request-id"] == "cms-7f3a"
        generated = await client.get("/v1/info")  # probe 200s are logged at DEBUG only
    entries = [json.loads(line) for line in logs.getvalue().splitlines()]
    access = [e for e in entries if e["logger"] == "app.access"]
    assert len(access) == 2
    mine, other = access
    assert mine["request_id"] == "cms-7f3a"
    assert (mine["method"], mine["path"], mine["route"], mine["status"]) == ("POST", "/v1/enrich", "/v1/enrich", 200)
    assert mine["duration_ms"] > 0 and mine["level"] == "INFO" and mine["ts"].endswith("Z")
    assert other["request_id"] == generated.headers["x-request-id"] != "cms-7f3a"


async def test_article_text_is_never_logged_even_at_debug_level(client: httpx.AsyncClient) -> None:
    text = f"{EXAMPLE_ARTICLE}\n{SECRET_SENTENCE}"
    with captured_logs(logging.DEBUG) as logs:
        assert (await client.post("/v1/enrich", json={"text": text})).status_code == 200
        plain = await client.post("/v1/enrich", content=text.encode(), headers={"content-type": "text/plain"})
        assert plain.status_code == 200
        batch = await client.post("/v1/enrich/batch", json={"items": [{"text": text}, {"text": " "}]})
        assert batch.status_code == 200
        malformed = await client.post(
            "/v1/enrich",
            content=f'{{"text": "{SECRET_SENTENCE}"'.encode(),
            headers={"content-type": "application/json"},
        )
        assert malformed.status_code == 422
        assert (await client.post("/v1/enrich", json={"text": text, "stages": ["nope"]})).status_code == 422
    logged = logs.getvalue()
    assert logged.count('"logger": "app.access"') == 5
    for fragment in (SECRET_SENTENCE, "Quillfeather", "Flood waters recede in Riverton"):
        assert fragment not in logged
