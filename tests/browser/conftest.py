"""A real headless browser for tests: the Debian chromium driven by Playwright for Python, offline.

Every request to a host other than 127.0.0.1 / localhost / ::1 is aborted (route interception), so a page that
needs the internet fails here as it would in an air-gapped cluster; ``blocked_requests`` lists what was refused.
Skips with the reason where no browser is installed (``make browser`` installs it: root with apt-get).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, Page, Route

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})


def is_loopback(url: str) -> bool:
    """Whether ``url`` stays on this machine (data: and blob: URLs do)."""
    parts = urlsplit(url)
    return parts.scheme in ("data", "blob", "about") or (parts.hostname or "") in LOOPBACK


@pytest.fixture(scope="module")
def browser_context() -> Iterator[BrowserContext]:
    """One chromium per test module, with a fresh profile (user-data-dir) of its own. Module-scoped, not session:
    while Playwright's sync API is open, this thread has a running event loop, and the asyncio tests that run
    after the browser tests could not start theirs."""
    if not CHROMIUM.is_file():
        pytest.skip(f"no browser: {CHROMIUM} is missing (the Debian chromium package; `make browser` as root)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (make install)")
    profile = tempfile.mkdtemp(prefix="chromium-profile-")
    with sync_api.sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS
        )
        try:
            yield context
        finally:
            context.close()
            shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture
def blocked_requests() -> list[str]:
    """URLs the page tried to reach off this machine (aborted)."""
    return []


@pytest.fixture
def console_errors() -> list[str]:
    """The page's console errors and uncaught exceptions."""
    return []


@pytest.fixture
def browser_page(
    browser_context: BrowserContext, blocked_requests: list[str], console_errors: list[str]
) -> Iterator[Page]:
    """A new page that can reach only loopback hosts (others are aborted and listed in ``blocked_requests``);
    its console errors go to ``console_errors``."""
    page = browser_context.new_page()

    def route(route: Route) -> None:
        if is_loopback(route.request.url):
            route.continue_()
        else:
            blocked_requests.append(route.request.url)
            route.abort("blockedbyclient")

    page.route("**/*", route)
    page.on("console", lambda message: console_errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: console_errors.append(str(error)))
    try:
        yield page
    finally:
        page.close()
