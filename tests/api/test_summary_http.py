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
