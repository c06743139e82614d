"""The demo page in a real headless browser against a real server: the example article comes back with every
block marked by its kind, entities highlighted with their labels, credits marked inside captions and parsed
beside them, and the summary; nothing is fetched from outside this machine.

``DEMO_SCREENSHOT=docs/img/demo.png`` also writes a screenshot of the rendered page (``make demo-screenshot``)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.server_process import ServerProcess, start_server

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    process = start_server(tmp_path_factory.mktemp("demo-server"), {"ENRICH_WARMUP": "false"})
    yield process
    process.stop()


def rendered_example(page: Page, server: ServerProcess) -> Page:
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.goto(f"{server.base_url}/")  # redirects to /demo
    assert page.url.endswith("/demo")
    page.click("#example")
    page.wait_for_selector("body[data-state=rendered]", timeout=120_000)
    return page


def test_the_example_renders_with_marks_in_the_right_places(
    browser_page: Page, server: ServerProcess, blocked_requests: list[str], console_errors: list[str]
) -> None:
    page = rendered_example(browser_page, server)
    kinds = page.locator("#blocks .block").evaluate_all("nodes => nodes.map(n => n.dataset.kind)")
    assert kinds[:3] == ["title", "caption", "byline"]
    assert {"body", "boilerplate", "credit"} <= set(kinds)
    legend = page.locator("#legend span").all_inner_texts()
    assert {"body", "caption", "credit", "byline", "boilerplate", "editor note"} <= set(legend)
    boilerplate = page.locator('#blocks .block[data-kind="boilerplate"]')
    assert "Story continues below advertisement" in boilerplate.first.inner_text()
    # the inline credit is marked inside its caption, the standalone one is a credit block
    first_caption = page.locator('#blocks .block[data-kind="caption"]').first
    assert first_caption.locator("mark.credit-span").inner_text() == "AP Photo/Maria Santos"
    # hovering a block's kind says why it has that kind (the rule that decided it)
    reason = first_caption.locator(".kind").get_attribute("title") or ""
    assert "caption_inline_credit" in reason
    credit_block = page.locator('#blocks .block[data-kind="credit"]')
    assert "JOHN HARLOW/AFP via Getty Images" in credit_block.inner_text()
    # entities highlighted with their labels, in body blocks; the photographer is not an entity
    marks = page.locator("#blocks mark.entity").evaluate_all(
        "nodes => nodes.map(n => [n.textContent, n.dataset.label, n.closest('.block').dataset.kind])"
    )
    assert ["Ellen Hartley", "PERSON", "body"] in marks or ["Hartley", "PERSON", "body"] in marks
    assert any(text == "National Weather Service" and label == "ORG" for text, label, _ in marks)
    assert not any("Maria Santos" in text or "Harlow" in text.title() for text, _, _ in marks)
    # each caption beside its parsed credit
    cards = page.locator('[data-testid="caption"]')
    assert cards.count() == 2
    first = cards.first
    assert "Residents wade through a flooded street" in first.locator(".caption-text").inner_text()
    assert "AP Photo" not in first.locator(".caption-text").inner_text()
    assert first.locator('[data-field="creators"]').inner_text() == "Maria Santos"
    assert first.locator('[data-field="source"]').inner_text() == "AP"
    assert "Graphic content" in first.inner_text()
    assert cards.nth(1).locator('[data-field="credit_line"]').inner_text() == "AFP via Getty Images"
    assert page.locator("#summary").inner_text().startswith("Residents of this river town")
    assert "Ellen Hartley" in page.locator("#entities").inner_text()
    assert blocked_requests == [] and console_errors == []
    target = os.environ.get("DEMO_SCREENSHOT")
    if target:
        Path(target).parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=target, full_page=True)


def test_a_caller_mistake_is_shown_not_thrown(browser_page: Page, server: ServerProcess) -> None:
    page = browser_page
    page.goto(f"{server.base_url}/demo")
    page.fill("#text", "   ")
    page.click("#enrich")
    page.wait_for_function("document.getElementById('error').textContent.length > 0", timeout=30_000)
    assert "422 empty_text" in page.locator("#error").inner_text()
