"""Segmentation and credits over HTTP: the Swagger example article, and 1 MB pathological bodies."""

from __future__ import annotations

import httpx
import pytest

from app.api.examples import EXAMPLE_ARTICLE
from tests.text.test_pathological import pathological


async def test_example_article_is_segmented_with_iptc_credits(client: httpx.AsyncClient) -> None:
    response = await client.post("/v1/enrich", json={"text": EXAMPLE_ARTICLE, "stages": ["credits"]})
    assert response.status_code == 200, response.text
    doc = response.json()

    assert doc["title"]["text"] == "Flood waters recede in Riverton as cleanup begins"
    assert [b["name"] for b in doc["bylines"]] == ["Daniel Okafor"]

    captions = doc["captions"]
    assert [c["text"] for c in captions] == [
        "Residents wade through a flooded street in Riverton, Oregon, on Tuesday, May 5, 2026.",
        "A volunteer carries sandbags outside the Riverton Public Library.",
    ]
    assert captions[0]["editor_note"] == "Graphic content"
    note = captions[0]
    assert EXAMPLE_ARTICLE[note["editor_note_start"] : note["editor_note_end"]] == "Graphic content"
    assert captions[1]["editor_note"] is None and captions[1]["editor_note_start"] is None

    credits = doc["image_credits"]
    assert [(c["raw"], c["creators"], c["source"], c["credit_line"], c["standalone"]) for c in credits] == [
        ("AP Photo/Maria Santos", ["Maria Santos"], "AP", "AP Photo", False),
        ("JOHN HARLOW/AFP via Getty Images", ["John Harlow"], "AFP", "AFP via Getty Images", True),
    ]
    for i, (caption, credit) in enumerate(zip(captions, credits, strict=True)):
        assert caption["credit_index"] == i and credit["caption_index"] == i
        assert EXAMPLE_ARTICLE[credit["start"] : credit["end"]] == credit["raw"]

    kinds = [b["kind"] for b in doc["blocks"]]
    assert kinds == ["title", "caption", "byline", "body", "body", "boilerplate", "caption", "credit", "body", "body"]
    assert doc["body"]["paragraph_count"] == 4
    assert doc["body"]["text"].startswith("RIVERTON, Ore. (AP) — Residents of this river town")
    assert "Story continues below" not in doc["body"]["text"]
    assert "JOHN HARLOW" not in doc["body"]["text"]


@pytest.mark.parametrize("name", ["open_parens", "slashes", "capitals", "photo_labels", "by_runs", "blank_lines"])
async def test_pathological_megabyte_request_completes(client: httpx.AsyncClient, name: str) -> None:
    text = pathological()[name]
    response = await client.post("/v1/enrich", json={"text": text, "stages": ["credits"]})
    assert response.status_code == 200, response.text[:500]
    stages = {s["name"]: s["status"] for s in response.json()["pipeline"]["stages"]}
    assert stages["segment"] == "ok" and stages["credits"] == "ok"


async def test_without_the_credits_stage_captions_point_at_no_credit(client: httpx.AsyncClient) -> None:
    doc = (await client.post("/v1/enrich", json={"text": EXAMPLE_ARTICLE, "stages": ["segment"]})).json()
    assert len(doc["captions"]) == 2
    assert doc["image_credits"] is None  # not run, unlike [] (none found)
    assert doc["entities"] is None and doc["language"] is None and doc["summary"] is None
    assert all(c["credit_index"] is None for c in doc["captions"])


async def test_an_article_sent_with_its_html_markup_comes_back_with_a_warning(client: httpx.AsyncClient) -> None:
    html = (
        "<h1>Harbour bridge approved</h1>\n<p class='byline'>By Ina Berg</p>\n"
        "<p>The council voted on Tuesday to build a bridge across the inner harbour.</p>\n"
        "<figure><img src='bridge.jpg'><figcaption>The old bridge. (Reuters/Tom Aske)</figcaption></figure>\n"
    )
    marked = await client.post("/v1/enrich", json={"text": html, "stages": ["segment"]})
    assert marked.status_code == 200, marked.text
    warnings = [w for w in marked.json()["warnings"] if w["code"] == "markup_in_text"]
    assert len(warnings) == 1 and "plain text" in warnings[0]["message"]
    # plain text, or prose that names a tag or two, gets no such warning
    prose = "The council voted on Tuesday. Developers argued whether <p> or <div> suits a caption."
    plain = await client.post("/v1/enrich", json={"text": prose, "stages": ["segment"]})
    assert plain.status_code == 200
    assert not [w for w in plain.json()["warnings"] if w["code"] == "markup_in_text"]
