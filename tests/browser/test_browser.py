"""The browser fixture itself: it renders a loopback page and keeps every other host out."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Page

PAGE = b"""<!doctype html><title>t</title><p id="local">loopback page</p>
<img src="https://cdn.example.com/pixel.png"><script src="https://cdn.example.com/lib.js"></script>"""


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("content-type", "text/html")
        self.end_headers()
        self.wfile.write(PAGE)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def page_url() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def test_loopback_pages_render_and_other_hosts_are_blocked(
    browser_page: Page, blocked_requests: list[str], page_url: str
) -> None:
    browser_page.goto(page_url)
    assert browser_page.locator("#local").inner_text() == "loopback page"
    browser_page.wait_for_load_state("load")
    assert sorted(blocked_requests) == ["https://cdn.example.com/lib.js", "https://cdn.example.com/pixel.png"]
