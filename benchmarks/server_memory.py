"""Resident memory of a real server process (``python -m app.serve``): after start-up, and under load.

    python -m benchmarks.server_memory [--small 200] [--large 16] [--large-paragraphs 600] [--concurrency 8]

Reads VmRSS (resident now) and VmHWM (peak resident) from /proc/<pid>/status, the numbers ``ps -o rss`` shows,
and samples VmRSS every 50 ms while the load runs. The load is synthetic articles (benchmarks/articles.py, no eval
data), every one distinct, so each is also a new cache entry: ``--small`` of about 3,000 characters, then
``--large`` of ``--large-paragraphs`` paragraphs (600: about 175,000 characters). Everything runs on 127.0.0.1.
Sizes the Kubernetes resources (docs/DEPLOY.md). (benchmarks/load.py measures throughput and RSS growth over a
long run.)
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

from benchmarks.articles import article, articles
from tests.server_process import start_server

MIB = 1024 * 1024


def memory_kib(pid: int) -> dict[str, int]:
    """VmRSS and VmHWM of ``pid`` in KiB."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            fields[key] = int(value.split()[0])
    return fields


class Sampler(threading.Thread):
    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_kib = 0
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            self.peak_kib = max(self.peak_kib, memory_kib(self.pid)["VmRSS"])
            time.sleep(0.05)


async def run_load(base_url: str, texts: list[str], concurrency: int) -> dict[int, int]:
    statuses: dict[int, int] = {}
    semaphore = asyncio.Semaphore(concurrency)
    async with httpx.AsyncClient(base_url=base_url, timeout=300) as client:

        async def one(i: int, text: str) -> None:
            async with semaphore:
                while True:  # a well-behaved caller: after a 503 it waits Retry-After and sends the article again
                    response = await client.post("/v1/enrich", json={"text": text, "id": f"load-{i}"})
                    statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
                    if response.status_code != 503:
                        break
                    await asyncio.sleep(float(response.headers.get("retry-after", "1")))

        await asyncio.gather(*(one(i, t) for i, t in enumerate(texts)))
    return statuses


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=200)
    parser.add_argument("--large", type=int, default=16)
    parser.add_argument("--large-paragraphs", type=int, default=600)
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        server = start_server(Path(tmp))
        ready_s = time.perf_counter() - started
        pid = server.proc.pid
        try:
            result: dict[str, object] = {"ready_after_s": round(ready_s, 2), "after_ready": memory_kib(pid)}
            sampler = Sampler(pid)
            sampler.start()
            small = articles(args.small)
            result["small_load_statuses"] = asyncio.run(run_load(server.base_url, small, args.concurrency))
            result["after_small_load"] = memory_kib(pid)
            large = [article(1_000_000 + i, paragraphs=args.large_paragraphs) for i in range(args.large)]
            result["large_load_statuses"] = asyncio.run(run_load(server.base_url, large, args.concurrency))
            sampler.stop.set()
            sampler.join()
            result["after_large_load"] = memory_kib(pid)
            result["sampled_peak_rss_kib"] = sampler.peak_kib
        finally:
            server.stop()
    json.dump(result, sys.stdout, indent=2)
    sys.stdout.write("\n")
    after = result["after_ready"]
    assert isinstance(after, dict)
    hwm = result["after_large_load"]
    assert isinstance(hwm, dict)
    sys.stdout.write(
        f"RSS after ready {after['VmRSS'] / 1024:.0f} MiB; peak under load (VmHWM) {hwm['VmHWM'] / 1024:.0f} MiB\n"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
