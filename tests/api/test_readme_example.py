"""The README's first example: the article kept in the repository, enriched, shows what the service is for."""

from __future__ import annotations

import re

import httpx

from app.api.examples import EXAMPLE_ARTICLE
from app.config_doc import README_PATH

ROOT = README_PATH.parent


def first_curl() -> str:
    readme = README_PATH.read_text(encoding="utf-8")
    found = re.search(r"^curl .*/v1/enrich.*$", readme, flags=re.MULTILINE)
    assert found, "the README has no curl example"
    return found.group(0)


def test_the_example_article_file_is_the_swagger_example() -> None:
    path = re.search(r"--data-binary @(\S+)", first_curl())
    assert path, "the README's first example does not send a file"
    assert (ROOT / path.group(1)).read_text(encoding="utf-8") == EXAMPLE_ARTICLE


async def test_the_first_example_shows_body_captions_with_credits_entities_and_a_summary(
    client: httpx.AsyncClient,
) -> None:
    assert "text/plain" in first_curl()
    response = await client.post("/v1/enrich", content=EXAMPLE_ARTICLE.encode(), headers={"content-type": "text/plain"})
    assert response.status_code == 200
    doc = response.json()
    assert doc["body"]["paragraph_count"] >= 3
    credited = [c for c in doc["captions"] if c["credit_index"] is not None]
    assert credited, "no caption with its credit"
    assert {doc["image_credits"][c["credit_index"]]["source"] for c in credited} == {"AP", "AFP"}
    names = {e["text"] for e in doc["entities"]}
    assert {"Ellen Hartley", "Tom Reyes"} <= names
    assert "Maria Santos" not in names  # a photographer, not a person of the story
    assert doc["summary"] and doc["summary"]["text"]
    readme = README_PATH.read_text(encoding="utf-8")
    for shown in (doc["title"]["text"], *(e for e in ("Ellen Hartley", "Tom Reyes") if e in names)):
        assert shown in readme
