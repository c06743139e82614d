"""IPTC ninjs 3.1 output: negotiated on POST /v1/enrich, valid against the official schema, fields mapped."""

from __future__ import annotations

from typing import Any

import httpx
import jsonschema
import pytest

from app.api.examples import EXAMPLE_ARTICLE
from app.formats.ninjs import MEDIA_TYPE, item_uri, schema

ARTICLE = """Harbour wall gives way in Port Ellis storm

By Hannah Brennan and Ravi Tanaka

Waves broke through the old harbour wall in Port Ellis on Sunday night, flooding the fish market and several shops.

A fisherman looks at the broken harbour wall in Port Ellis on Monday. (AP Photo/Samuel Osei)

Mayor Lucia Moreau said the Harbour Authority had warned about the wall for years. Moreau asked for state money.

The Harbour Authority said repairs would take months."""


def validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def assert_valid(item: dict[str, Any]) -> None:
    errors = sorted(validator().iter_errors(item), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors]


async def ninjs(client: httpx.AsyncClient, text: str, **params: str) -> dict[str, Any]:
    response = await client.post("/v1/enrich", json={"text": text, "id": "harbour-1"}, params=params)
    assert response.status_code == 200, response.text
    item: dict[str, Any] = response.json()
    return item


def test_the_shipped_schema_is_the_official_3_1_schema_and_it_rejects_bad_items() -> None:
    official = schema()
    assert official["$id"] == "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#"
    assert official["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(official)
    assert not validator().is_valid({"headlines": [{"value": "no uri"}]})
    assert not validator().is_valid({"uri": "urn:x", "subjects": [{"name": "A", "relevance": 150}]})
    assert not validator().is_valid({"uri": "urn:x", "associations": [{"uri": "urn:y"}]})  # name is required
    assert not validator().is_valid({"uri": "urn:x", "copyrightholder": "lower case is not ninjs 3"})


async def test_accept_header_returns_a_valid_ninjs_item(client: httpx.AsyncClient) -> None:
    response = await client.post("/v1/enrich", json={"text": EXAMPLE_ARTICLE}, headers={"Accept": MEDIA_TYPE})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(MEDIA_TYPE)
    assert "accept" in response.headers["vary"].lower()
    item = response.json()
    assert_valid(item)
    assert item["standard"]["version"] == "3.1"
    assert item["headlines"] == [{"role": "main", "value": "Flood waters recede in Riverton as cleanup begins"}]


async def test_format_query_parameter_wins_and_json_stays_the_default(client: httpx.AsyncClient) -> None:
    plain = await client.post("/v1/enrich", json={"text": ARTICLE}, headers={"Accept": "application/json"})
    assert plain.headers["content-type"].startswith("application/json") and "schema" in plain.json()
    wildcard = await client.post("/v1/enrich", json={"text": ARTICLE}, headers={"Accept": "*/*"})
    assert "schema" in wildcard.json()
    forced = await client.post("/v1/enrich?format=json", json={"text": ARTICLE}, headers={"Accept": MEDIA_TYPE})
    assert "schema" in forced.json()
    assert "uri" in (await ninjs(client, ARTICLE, format="ninjs"))
    bad = await client.post("/v1/enrich?format=xml", json={"text": ARTICLE})
    assert bad.status_code == 422 and bad.json()["code"] == "invalid_request"


async def test_fields_map_body_bylines_captions_credits_and_entities(client: httpx.AsyncClient) -> None:
    item = await ninjs(client, ARTICLE, format="ninjs")
    assert_valid(item)
    assert item["uri"] == "urn:article-enrichment:harbour-1"
    assert {"role": "article-enrichment-id", "value": "harbour-1"} in item["altIds"]
    assert item["language"] == "en"
    assert item["by"] == "Hannah Brennan and Ravi Tanaka"
    (body,) = item["bodies"]
    assert body["value"].startswith("Waves broke through") and body["value"].endswith("take months.")
    assert "fisherman" not in body["value"] and "AP Photo" not in body["value"]  # captions and credits out
    assert body["charCount"] == len(body["value"])
    assert body["wordCount"] == len(body["value"].split())
    (picture,) = item["associations"]
    assert picture["type"] == "picture"
    assert picture["descriptions"][0]["value"].startswith("A fisherman looks at the broken harbour wall")
    assert "AP Photo" not in picture["descriptions"][0]["value"]
    assert picture["by"] == "Samuel Osei"
    assert picture["copyrightHolder"] == "AP Photo"
    assert picture["infoSources"] == [{"name": "AP", "role": "source"}]
    summary = [d for d in item["descriptions"] if d["role"] == "summary"]
    assert len(summary) == 1 and summary[0]["value"]
    names = {s["name"]: s["relevance"] for s in item["subjects"]}
    assert "Samuel Osei" not in names  # the photographer is a credit, not a subject
    assert all(0 <= r <= 100 for r in names.values())
    relevances = [s["relevance"] for s in item["subjects"]]
    assert relevances == sorted(relevances, reverse=True)
    people = {p["name"] for p in item.get("people", [])}
    assert people <= set(names)


def test_ids_that_are_uris_are_kept_and_others_are_percent_encoded() -> None:
    assert item_uri("https://news.example.com/a/1") == "https://news.example.com/a/1"
    assert item_uri("urn:newsml:example.com:20260505:a1") == "urn:newsml:example.com:20260505:a1"
    assert item_uri("uk/Paper/story 1") == "urn:article-enrichment:uk%2FPaper%2Fstory%201"


@pytest.mark.parametrize("stages", ["segment", "segment,credits"])
async def test_partial_documents_still_validate(client: httpx.AsyncClient, stages: str) -> None:
    item = await ninjs(client, ARTICLE, format="ninjs", stages=stages)
    assert_valid(item)
    assert "subjects" not in item  # the entities stage did not run
