"""GET /metrics: what an operator's Prometheus scrapes after real requests."""

from __future__ import annotations

import httpx
from prometheus_client.parser import text_string_to_metric_families

from app.api.examples import EXAMPLE_ARTICLE
from app.api.middleware import UNMATCHED_ROUTE

Samples = dict[tuple[str, frozenset[tuple[str, str]]], float]


async def scrape(client: httpx.AsyncClient) -> tuple[set[str], Samples]:
    response = await client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    families = list(text_string_to_metric_families(response.text))
    samples = {(s.name, frozenset(s.labels.items())): float(s.value) for f in families for s in f.samples}
    return {f.name for f in families}, samples


def value(samples: Samples, name: str, **labels: str) -> float:
    return samples.get((name, frozenset(labels.items())), 0.0)


async def test_requests_are_counted_and_timed_by_route_template_and_status(client: httpx.AsyncClient) -> None:
    _, before = await scrape(client)
    assert (await client.post("/v1/enrich", json={"text": EXAMPLE_ARTICLE})).status_code == 200
    assert (await client.post("/v1/enrich", json={"text": " "})).status_code == 422
    assert (await client.get("/v1/enrich")).status_code == 405
    assert (await client.get("/wp-admin/setup-config.php")).status_code == 404
    _, after = await scrape(client)

    def delta(name: str, **labels: str) -> float:
        return value(after, name, **labels) - value(before, name, **labels)

    assert delta("enrich_http_requests_total", method="POST", route="/v1/enrich", status="200") == 1
    assert delta("enrich_http_requests_total", method="POST", route="/v1/enrich", status="422") == 1
    assert delta("enrich_http_requests_total", method="GET", route="/v1/enrich", status="405") == 1
    assert delta("enrich_http_requests_total", method="GET", route=UNMATCHED_ROUTE, status="404") == 1
    assert delta("enrich_http_request_duration_seconds_count", method="POST", route="/v1/enrich") == 2
    assert delta("enrich_http_request_duration_seconds_bucket", method="POST", route="/v1/enrich", le="+Inf") == 2
    # label values are route templates, never raw paths
    assert not [labels for _, labels in after if ("route", "/wp-admin/setup-config.php") in labels]


async def test_every_stage_run_is_observed_in_the_stage_histogram(client: httpx.AsyncClient) -> None:
    _, before = await scrape(client)
    # a text of its own: a cached document runs no stage
    text = f"{EXAMPLE_ARTICLE}\nThis story was updated to correct the height of the crest."
    doc = (await client.post("/v1/enrich", json={"text": text})).json()
    assert not doc["pipeline"]["cache_hit"]
    _, after = await scrape(client)
    ran = [s for s in doc["pipeline"]["stages"] if s["status"] != "skipped"]
    assert ran
    for stage in ran:
        labels = {"stage": stage["name"], "status": stage["status"]}
        count = "enrich_stage_duration_seconds_count"
        assert value(after, count, **labels) - value(before, count, **labels) == 1, stage["name"]


async def test_in_flight_load_time_and_batcher_metrics_are_exposed(client: httpx.AsyncClient) -> None:
    names, samples = await scrape(client)
    # the scrape itself is the one request in flight: the others were counted out again
    assert value(samples, "enrich_http_requests_in_flight") == 1
    assert value(samples, "enrich_model_load_seconds") > 0  # the session's app has loaded its models
    assert {"enrich_batcher_queue_depth", "enrich_batcher_batch_size", "enrich_batcher_batch_duration_seconds"} <= names
    assert {"enrich_stage_duration_seconds", "enrich_http_request_duration_seconds"} <= names
