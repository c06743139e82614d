"""GET /demo: one self-contained page (no external assets) with the example article; GET / leads to it.
What the page draws is tested in a real browser (tests/browser/test_demo.py)."""

from __future__ import annotations

import json
import re

import httpx
import pytest

from app.api.examples import EXAMPLE_ARTICLE
from app.main import create_app
from tests.conftest import make_settings


async def test_demo_page_is_self_contained_and_carries_the_example(client: httpx.AsyncClient) -> None:
    response = await client.get("/demo")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    html = response.text
    # no external scripts, styles, images or fonts: nothing but the page itself is fetched
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "@import" not in html and "url(" not in html
    match = re.search(r"const EXAMPLE = (.*);\n", html)
    assert match is not None
    assert json.loads(match.group(1).replace("<\\/", "</")) == EXAMPLE_ARTICLE
    for kind in ("body", "caption", "credit", "byline", "boilerplate"):
        assert f'"{kind}"' in html  # in the legend


async def test_root_redirects_to_the_demo(client: httpx.AsyncClient) -> None:
    response = await client.get("/")
    assert response.status_code == 307 and response.headers["location"] == "/demo"


@pytest.mark.parametrize(("exempt", "status"), [(True, 200), (False, 401)])
async def test_with_api_keys_the_page_follows_the_docs_exemption(exempt: bool, status: int) -> None:
    # the key check answers before the service is needed: no model load (no lifespan) for this test
    app = create_app(make_settings(api_keys="k" * 24, auth_exempt_docs=exempt))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        assert (await c.get("/demo")).status_code == status
        assert (await c.post("/v1/enrich", json={"text": "x"})).status_code == 401  # the API itself is not open
