"""The summary over HTTP: the default extractive summary, a method the deployment lacks, a failing model."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from app.main import create_app
from app.nlp.embeddings import Vector
from app.pipeline.stages.summary import SummaryStage
from tests.api.test_enrich import assert_problem
from tests.conftest import make_settings, started
from tests.tiny_seq2seq import build_tiny_bart

ARTICLE = (
    "Ferry strike ends after nine days\n\n"
    "By Colm Ardagh\n\n"
    "Ferry crews on the Ardmore route returned to work on Friday after nine days of strikes, ending the longest "
    "stoppage on the island's services in twenty years.\n\n"
    "The union said members had accepted a pay rise of 6 percent over two years and a review of rosters.\n\n"
    "Passengers queue at the Ardmore terminal on Friday morning (Photo: Ines Valk/Harbour Images)\n\n"
    "Islanders had relied on a single small boat for food and medicine while the strike lasted, and the local "
    "school closed for three days.\n\n"
    "The operator said timetables would return to normal by Monday."
)


def summary_stage(app: FastAPI) -> SummaryStage:
    return next(s for s in app.state.service.pipeline.stages if isinstance(s, SummaryStage))


async def test_the_default_summary_is_extractive_with_offsets_into_the_text(client: httpx.AsyncClient) -> None:
    response = await client.post("/v1/enrich", json={"text": ARTICLE, "options": {"summary": {"max_sentences": 2}}})
    assert response.status_code == 200, response.text
    summary = response.json()["summary"]
    assert summary["method"] == "extractive"
    assert "MiniLM" in summary["model"]
    assert len(summary["sentences"]) == 2
    for sentence in summary["sentences"]:
        assert ARTICLE[sentence["start"] : sentence["end"]] == sentence["text"]
    assert "Passengers queue" not in summary["text"]
    assert "By Colm Ardagh" not in summary["text"]


async def test_abstractive_without_a_configured_model_is_refused_before_any_work(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/v1/enrich", json={"text": ARTICLE, "options": {"summary": {"method": "abstractive"}}}
    )
    body = assert_problem(response, 422, "summary_method_unavailable")
    assert "ENRICH_SUMMARY_MODEL_DIR" in str(body["detail"])
    other_stages = await client.post(
        "/v1/enrich",
        json={"text": ARTICLE, "stages": ["segment"], "options": {"summary": {"method": "abstractive"}}},
    )
    assert other_stages.status_code == 200


async def test_a_failing_embedding_model_fails_the_summary_stage_only(
    client: httpx.AsyncClient, app: FastAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(texts: list[str]) -> list[Vector]:
        raise RuntimeError("CUDA error: device-side assert triggered")

    monkeypatch.setattr(summary_stage(app).embedder, "embed", broken)
    response = await client.post("/v1/enrich", json={"text": ARTICLE + "\n\nOne more line for a fresh document."})
    assert response.status_code == 200, response.text
    doc = response.json()
    stages = {s["name"]: s for s in doc["pipeline"]["stages"]}
    assert stages["summary"]["status"] == "failed"
    assert "device-side assert" in stages["summary"]["error"]
    assert stages["segment"]["status"] == "ok"
    assert doc["summary"] is None
    assert doc["blocks"]
    assert any(w["code"] == "stage_failed" and "summary" in w["message"] for w in doc["warnings"])


async def test_a_configured_seq2seq_model_serves_abstractive_summaries_per_request(tmp_path: Path) -> None:
    app = create_app(make_settings(summary_model_dir=build_tiny_bart(tmp_path / "tiny-bart")))
    async with app.router.lifespan_context(app):
        await started(app)
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            ready = await client.get("/readyz")
            assert ready.status_code == 200, ready.text
            asked = await client.post(
                "/v1/enrich", json={"text": ARTICLE, "options": {"summary": {"method": "abstractive"}}}
            )
            default = await client.post("/v1/enrich", json={"text": ARTICLE})
    summary = asked.json()["summary"]
    assert summary["method"] == "abstractive"
    assert summary["model"] == "tiny-bart"
    assert all(s["start"] is None and s["end"] is None for s in summary["sentences"])
    assert default.json()["summary"]["method"] == "extractive"
