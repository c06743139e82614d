"""A live server (``python -m app.serve`` on 127.0.0.1) shared by the tests that need a real one."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.server_process import ServerProcess, start_server


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    server = start_server(tmp_path_factory.mktemp("live"), {"ENRICH_LOG_LEVEL": "WARNING"})
    try:
        yield server
    finally:
        server.stop()
