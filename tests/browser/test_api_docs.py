"""Swagger UI and ReDoc in a real browser with every non-loopback host blocked: they render from the service's
own assets, and "Try it out" on POST /v1/enrich with the example article returns a document."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

from tests.server_process import ServerProcess

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.slow
OPERATIONS = ("enrich", "enrich_batch", "get_schema", "get_info", "get_liveness", "get_readiness", "get_metrics")


def test_swagger_ui_renders_and_try_it_out_enriches_the_example(
    browser_page: Page, blocked_requests: list[str], console_errors: list[str], live_server: ServerProcess
) -> None:
    page = browser_page
    page.goto(f"{live_server.base_url}/docs")
    page.wait_for_selector(".opblock", timeout=60_000)
    for operation in OPERATIONS:  # Swagger UI's element ids carry the operation ids
        assert page.locator(f'[id^="operations-"][id$="-{operation}"]').count() == 1, operation
    summaries = page.locator(".opblock-summary-path").all_inner_texts()
    assert {"/v1/enrich", "/v1/enrich/batch", "/v1/schema", "/v1/info", "/healthz", "/readyz"} <= {
        s.replace("\u200b", "").strip() for s in summaries
    }
    enrich = page.locator("#operations-enrichment-enrich")
    enrich.locator(".opblock-summary").click()
    enrich.locator("button.try-out__btn").click()
    with page.expect_response(lambda r: r.url.endswith("/v1/enrich") and r.request.method == "POST") as answer:
        enrich.locator("button.execute").click()
    response = answer.value
    assert response.status == 200
    document = response.json()
    assert document["title"]["text"] == "Flood waters recede in Riverton as cleanup begins"
    assert document["entities"]
    shown = enrich.locator(".live-responses-table tbody .response-col_status").first.inner_text(timeout=30_000)
    assert shown.strip().startswith("200")
    assert blocked_requests == [], blocked_requests
    assert console_errors == [], console_errors


def test_redoc_renders_the_operations(
    browser_page: Page, blocked_requests: list[str], console_errors: list[str], live_server: ServerProcess
) -> None:
    page = browser_page
    page.goto(f"{live_server.base_url}/redoc")
    page.wait_for_selector("[data-section-id]", timeout=60_000)
    text = page.inner_text("body")
    for summary in (
        "Enrich one article",
        "Enrich several articles in one call",
        "JSON Schema of the enriched document",
    ):
        assert summary in text
    sections = page.locator("[data-section-id]").evaluate_all("els => els.map(e => e.dataset.sectionId)")
    assert any("enrich" in json.dumps(s) for s in sections)
    assert blocked_requests == [], blocked_requests
    assert console_errors == [], console_errors
