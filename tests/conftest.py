"""Shared fixtures: an app with its models loaded, and an httpx client talking to it in-process."""

from __future__ import annotations

import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import contextlib
import io
import logging
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
import pytest_asyncio
from fastapi import FastAPI

from app.logs import JsonFormatter
from app.main import create_app
from app.nlp.embeddings import SentenceEmbedder
from app.settings import Settings
from tests.server_process import ServerProcess, start_server


def make_settings(**overrides: object) -> Settings:
    """Settings for tests: defaults, JSON logs off, plus the given overrides."""
    return Settings.model_validate({"log_json": False, **overrides})


@pytest.fixture(scope="session")
def settings() -> Settings:
    return make_settings()


async def started(app: FastAPI) -> None:
    """Wait until the app's background model load is over (ready or failed)."""
    await app.state.loader


@pytest_asyncio.fixture(scope="session")
async def app(settings: Settings) -> AsyncIterator[FastAPI]:
    application = create_app(settings)
    async with application.router.lifespan_context(application):
        await started(application)
        yield application


@pytest_asyncio.fixture(scope="session")
async def client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield c


@pytest.fixture(scope="session")
def minilm(app: FastAPI) -> SentenceEmbedder:
    """The packaged all-MiniLM-L6-v2, loaded once per session by the app's summary stage."""
    stage = next(s for s in app.state.service.pipeline.stages if s.name == "summary")
    embedder: SentenceEmbedder = stage.embedder
    return embedder


@contextlib.contextmanager
def captured_logs(level: int = logging.INFO) -> Iterator[io.StringIO]:
    """Everything logged meanwhile, as the service's JSON lines. Enter it after create_app (which resets handlers)."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    previous = root.level
    root.addHandler(handler)
    root.setLevel(level)
    try:
        yield stream
    finally:
        root.removeHandler(handler)
        root.setLevel(previous)


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """A real server (``python -m app.serve`` on 127.0.0.1, default settings), shared by the tests that need one."""
    server = start_server(tmp_path_factory.mktemp("live"), {"ENRICH_LOG_LEVEL": "WARNING"})
    try:
        yield server
    finally:
        server.stop()
