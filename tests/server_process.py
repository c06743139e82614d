"""A real server process (``python -m app.serve``, the container's command) on 127.0.0.1, for tests and benchmarks."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

REPO_ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass
class ServerProcess:
    proc: subprocess.Popen[bytes]
    port: int
    log_path: Path

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def log_text(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def log_entries(self) -> list[dict[str, Any]]:
        """Every line the server wrote, each parsed as JSON (fails on a line that is not one JSON object)."""
        entries = []
        for line in self.log_text().splitlines():
            if line.strip():
                entry = json.loads(line)
                assert isinstance(entry, dict), line
                entries.append(entry)
        return entries

    def stop(self) -> None:
        """Kill the process if it still runs (cleanup after a failed test)."""
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=10)


def start_server(log_dir: Path, env: dict[str, str] | None = None, *, ready_within_s: float = 180.0) -> ServerProcess:
    """Start ``python -m app.serve`` on a free port and wait (bounded) until /readyz answers 200."""
    port = free_port()
    log_path = log_dir / f"server-{port}.log"
    environment = {
        **{k: v for k, v in os.environ.items() if not k.startswith("ENRICH_")},
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
        "ENRICH_HOST": "127.0.0.1",
        "ENRICH_PORT": str(port),
        "ENRICH_LOG_JSON": "true",
        **(env or {}),
    }
    with log_path.open("wb") as log_file:
        proc = subprocess.Popen(
            [sys.executable, "-m", "app.serve"],
            cwd=REPO_ROOT,
            env=environment,
            stdin=subprocess.DEVNULL,
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
    server = ServerProcess(proc, port, log_path)
    deadline = time.monotonic() + ready_within_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the server exited with {proc.returncode} before it was ready:\n{server.log_text()}")
        try:
            if httpx.get(f"{server.base_url}/readyz", timeout=2).status_code == 200:
                return server
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    server.stop()
    raise RuntimeError(f"the server was not ready within {ready_within_s} s:\n{server.log_text()}")
