"""Slow clients cannot hold the server: a few hundred connections that send headers and then trickle their body
get 408 body_timeout and are closed, while probes and normal requests keep answering (real uvicorn on 127.0.0.1)."""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.server_process import ServerProcess, start_server

SLOW = 300
TIMEOUT_S = 3


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    env = {"ENRICH_BODY_TIMEOUT_S": str(TIMEOUT_S), "ENRICH_LOG_LEVEL": "WARNING"}
    process = start_server(tmp_path_factory.mktemp("slow"), env)
    try:
        yield process
    finally:
        process.stop()


def trickling(port: int) -> socket.socket:
    """A connection that announces a 1,000-byte body and sends one byte of it."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=30)
    sock.sendall(
        b"POST /v1/enrich HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        b"Content-Length: 1000\r\n\r\n{"
    )
    return sock


def answer(sock: socket.socket) -> tuple[bytes, bool]:
    """Everything the server sends until it closes (bounded by the socket timeout), and whether it closed."""
    data = b""
    try:
        while chunk := sock.recv(65536):
            data += chunk
    except TimeoutError:
        return data, False
    return data, True


@pytest.mark.slow
def test_trickling_clients_get_408_and_are_closed_while_others_are_served(
    server: ServerProcess, tmp_path: Path
) -> None:
    socks = [trickling(server.port) for _ in range(SLOW)]
    started = time.monotonic()
    try:
        with httpx.Client(base_url=server.base_url, timeout=60) as client:
            assert client.get("/readyz").status_code == 200
            assert client.get("/healthz").status_code == 200
            normal = client.post("/v1/enrich", json={"text": "Headline\n\nA short body paragraph about a town."})
            assert normal.status_code == 200
        answers = [answer(sock) for sock in socks]
    finally:
        for sock in socks:
            sock.close()
    assert time.monotonic() - started < 60
    closed = [data for data, was_closed in answers if was_closed]
    assert len(closed) == SLOW
    for data in closed:
        head, _, body = data.partition(b"\r\n\r\n")
        assert head.startswith(b"HTTP/1.1 408"), head[:80]
        assert b"application/problem+json" in head
        assert json.loads(body)["code"] == "body_timeout"
