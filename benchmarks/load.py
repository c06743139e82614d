"""Load benchmark: the real server under bursts of concurrency and overload, against the in-process ceiling.

    python -m benchmarks.load                      # about 10 minutes on 2 cores
    python -m benchmarks.load --quick              # smaller counts, to check the setup (ratios meaningless)
    python -m benchmarks.load --env ENRICH_MAX_QUEUE_WAIT_MS=2000   # any server setting

Articles: the eval corpora's inputs when ../shared/eval exists (read only), else synthetic ones. Steps, all in one
run on one machine (so the ratios compare like with like):
1. the real server (uvicorn on 127.0.0.1, one worker) under closed loops of *plain* clients that never retry (a
   503 is an error to them) at concurrency 1, 2, 4, 8 and 16: throughput, latency percentiles, every status;
2. in-process ceiling: the pipeline (EnrichmentService, no HTTP, same settings, nothing shed) at concurrency 8 on
   the concurrency-8 level's articles, in rounds alternating with the server's, so that both see the same machine;
3. overload: an open-loop arrival rate of 4x the concurrency-8 throughput, once with plain callers (the excess
   must be 503 + Retry-After, nothing else may fail) and once with callers that honour Retry-After (their
   goodput against the sustainable throughput);
4. optionally (--rss-articles N), memory: server RSS after warm-up and after N more articles.
Writes benchmarks/out/load.json and prints a Markdown report (copied into docs/PERFORMANCE.md).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import socket
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import httpx

from app.service import EnrichmentService
from app.settings import Settings
from benchmarks.cost import load_articles

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = 4  # the concurrency-8 level alternates in-process and server runs this many times
LEVELS = (1, 2, 4, 8, 16)
TRANSPORT_ERRORS: dict[str, int] = {}
OUT = ROOT / "benchmarks" / "out"


@dataclass
class Level:
    name: str
    concurrency: int
    requests: int
    seconds: float
    throughput: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    ok: int
    shed_503: int
    shed_without_retry_after: int
    other_errors: int
    statuses: dict[str, int] = field(default_factory=dict)


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1))))
    return ordered[k]


def summarise(
    name: str, concurrency: int, results: list[tuple[int, float, bool]], seconds: float, ok_per_s: float | None = None
) -> Level:
    """results: (status, latency seconds, has Retry-After); ``ok_per_s`` replaces 200s / seconds as throughput."""
    ok_latencies = [lat * 1000 for status, lat, _ in results if status == 200]
    statuses: dict[str, int] = {}
    for status, _, _ in results:
        statuses[str(status)] = statuses.get(str(status), 0) + 1
    shed = [r for r in results if r[0] == 503]
    throughput = ok_per_s if ok_per_s is not None else (len(ok_latencies) / seconds if seconds else 0.0)
    return Level(
        name=name,
        concurrency=concurrency,
        requests=len(results),
        seconds=round(seconds, 3),
        throughput=round(throughput, 3),
        p50_ms=round(percentile(ok_latencies, 50), 1),
        p95_ms=round(percentile(ok_latencies, 95), 1),
        p99_ms=round(percentile(ok_latencies, 99), 1),
        ok=len(ok_latencies),
        shed_503=len(shed),
        shed_without_retry_after=sum(1 for r in shed if not r[2]),
        other_errors=sum(1 for status, _, _ in results if status not in (200, 503)),
        statuses=statuses,
    )


# ----------------------------------------------------------------------------------------------- in-process


async def in_process_service(env: dict[str, str]) -> EnrichmentService:
    """The service itself (no HTTP) with the server's settings, except that nothing is shed: its throughput is
    the pipeline's, the ceiling the HTTP service can approach."""
    overrides = {k.removeprefix("ENRICH_").lower(): v for k, v in env.items() if k.startswith("ENRICH_")}
    service = EnrichmentService(
        Settings.model_validate({**overrides, "max_waiting_docs": 10_000, "max_queue_wait_ms": 10**9})
    )
    await service.load()
    return service


async def in_process_seconds(service: EnrichmentService, texts: list[str], concurrency: int) -> float:
    """Seconds the service takes over ``texts`` with ``concurrency`` callers."""
    queue = list(texts)
    started = time.perf_counter()

    async def worker() -> None:
        while queue:
            await service.enrich(queue.pop())

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return time.perf_counter() - started


# ----------------------------------------------------------------------------------------------- server


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def start_server(port: int, env_overrides: dict[str, str]) -> subprocess.Popen[bytes]:
    """The container's command, ``python -m app.serve``, on 127.0.0.1 with one worker."""
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("ENRICH_")},
        "HF_HUB_OFFLINE": "1",
        "ENRICH_HOST": "127.0.0.1",
        "ENRICH_PORT": str(port),
        "ENRICH_WORKERS": "1",
        "ENRICH_LOG_LEVEL": "WARNING",
        **env_overrides,
    }
    command = [sys.executable, "-m", "app.serve"]
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


async def wait_ready(base: str, timeout_s: float = 180) -> None:
    deadline = time.monotonic() + timeout_s
    async with httpx.AsyncClient(base_url=base) as client:
        while time.monotonic() < deadline:
            try:
                if (await client.get("/readyz")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.2)
    raise RuntimeError("the server did not become ready")


async def post(client: httpx.AsyncClient, text: str) -> tuple[int, float, bool, float]:
    """(status, latency s, whether Retry-After came, its seconds)."""
    started = time.perf_counter()
    retry_after = 0.0
    try:
        response = await client.post("/v1/enrich", json={"text": text})
        status, has_retry = response.status_code, "retry-after" in response.headers
        if has_retry:
            retry_after = float(response.headers["retry-after"])
    except httpx.HTTPError as exc:  # counted as status 599, by exception type in TRANSPORT_ERRORS
        status, has_retry = 599, False
        TRANSPORT_ERRORS[type(exc).__name__] = TRANSPORT_ERRORS.get(type(exc).__name__, 0) + 1
    return status, time.perf_counter() - started, has_retry, retry_after


@dataclass
class ClosedLoop:
    results: list[tuple[int, float, bool]]
    seconds: float  # the whole run, drain included
    steady_ok: int  # 200s received while every client still had articles to send
    steady_seconds: float  # from the start until the last article was taken


async def closed_loop(base: str, texts: list[str], concurrency: int, *, honour_retry: bool = False) -> ClosedLoop:
    """``concurrency`` clients, each sending its next article when the last one is answered. Plain clients
    (``honour_retry`` False) never retry: a 503 is that article's answer. Others wait the Retry-After seconds and
    send the same article again (every 503 is counted).

    The steady part ends when the last article is taken: after it, fewer and fewer clients remain (the drain),
    so throughput is counted over the steady part."""
    queue = list(texts)
    results: list[tuple[int, float, bool]] = []
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    emptied_at: float | None = None
    steady_ok = 0
    async with httpx.AsyncClient(base_url=base, timeout=300, limits=limits) as client:
        started = time.perf_counter()

        async def worker() -> None:
            nonlocal emptied_at, steady_ok
            while queue:
                text = queue.pop()
                if not queue:
                    emptied_at = time.perf_counter()
                while True:
                    status, latency, has_retry, retry_after = await post(client, text)
                    results.append((status, latency, has_retry))
                    if status == 200 and emptied_at is None:
                        steady_ok += 1
                    if status != 503 or not honour_retry:
                        break
                    await asyncio.sleep(retry_after or 1.0)

        await asyncio.gather(*(worker() for _ in range(concurrency)))
        ended = time.perf_counter()
        return ClosedLoop(results, ended - started, steady_ok, (emptied_at or ended) - started)


@dataclass
class OpenLoop:
    results: list[tuple[int, float, bool]]  # every response, retries included
    seconds: float  # arrivals window
    ok_in_window: int  # 200s answered within the arrivals window
    final: list[int]  # each caller's last status


async def open_loop(base: str, texts: list[str], rate: float, *, honour_retry: bool = False) -> OpenLoop:
    """Requests arrive at ``rate`` per second whatever the server does (as independent callers would). A caller
    that honours Retry-After sends its article again after that many seconds until it gets a non-503."""
    limits = httpx.Limits(max_connections=1000, max_keepalive_connections=100)
    results: list[tuple[int, float, bool]] = []
    done_at: list[float] = []
    async with httpx.AsyncClient(base_url=base, timeout=300, limits=limits) as client:
        started = time.perf_counter()
        window = len(texts) / rate

        async def caller(text: str) -> int:
            while True:
                status, latency, has_retry, retry_after = await post(client, text)
                results.append((status, latency, has_retry))
                if status == 200:
                    done_at.append(time.perf_counter() - started)
                if status != 503 or not honour_retry:
                    return status
                await asyncio.sleep(retry_after or 1.0)

        tasks = []
        for i, text in enumerate(texts):
            delay = started + i / rate - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            tasks.append(asyncio.create_task(caller(text)))
        final = list(await asyncio.gather(*tasks))
        return OpenLoop(results, window, sum(1 for t in done_at if t <= window), final)


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} cores ({cpu}), {mem:.0f} GiB RAM, Python {platform.python_version()}, {platform.system()}"


async def main_async(args: argparse.Namespace) -> dict[str, object]:
    per_level = args.requests
    corpus, source = load_articles(10_000)
    cursor = 0

    def take(count: int) -> list[str]:
        """The next ``count`` articles, cycling over the corpus (the result cache is off)."""
        nonlocal cursor
        picked = [corpus[(cursor + i) % len(corpus)] for i in range(count)]
        cursor += count
        return picked

    settings = Settings.model_validate(
        {k.removeprefix("ENRICH_").lower(): v for k, v in args.env.items() if k.startswith("ENRICH_")}
    )
    bound_ms = settings.max_queue_wait_ms
    report: dict[str, object] = {
        "machine": machine(),
        "articles": f"{source}: {len(corpus)} texts, mean {sum(map(len, corpus)) / len(corpus):,.0f} characters",
        "requests_per_level": per_level,
        "settings": args.env,
        "queue_wait_bound_ms": bound_ms,
    }
    print(f"machine: {report['machine']}; {report['articles']}", flush=True)

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(port, args.env)
    rss: dict[str, float] = {}
    try:
        in_process = await in_process_service(args.env)
        await wait_ready(base)
        rss["after_start"] = round(rss_mb(server.pid), 1)
        await in_process_seconds(in_process, take(8), 2)  # warm both the same way
        await closed_loop(base, take(8), 2)
        levels = []
        ceiling = served = 0.0
        for concurrency in LEVELS:
            texts = take(max(per_level, 2 * concurrency))
            if concurrency == 8:
                # the ceiling on the same articles, interleaved with the server in rounds, so that a drift in
                # the machine's speed during the run (shared cores) touches both sides alike
                runs, in_process_s = [], 0.0
                rounds = max(1, min(ROUNDS, len(texts) // (4 * concurrency)))  # each round long enough to matter
                for r in range(rounds):
                    part = texts[r::rounds]
                    in_process_s += await in_process_seconds(in_process, part, concurrency)
                    runs.append(await closed_loop(base, part, concurrency))
                ceiling = len(texts) / in_process_s
                # the server over the same articles, whole rounds on both sides: its steady-part docs/s (the
                # level's throughput below) leaves out each round's last articles, which the ceiling includes, so
                # their ratio also measured the mix of long and short articles (run 6: 0.81 steady, 0.91 whole)
                served = len(texts) / sum(run.seconds for run in runs)
                await in_process.close()
                print(f"in-process ceiling at concurrency 8: {ceiling:.2f} docs/s", flush=True)
            else:
                runs = [await closed_loop(base, texts, concurrency)]
            steady_ok, steady_s = sum(run.steady_ok for run in runs), sum(run.steady_seconds for run in runs)
            level = summarise(
                f"closed loop c={concurrency}, plain clients",
                concurrency,
                [r for run in runs for r in run.results],
                sum(run.seconds for run in runs),
                # too few articles for a steady part (--quick): the whole run, drain included
                ok_per_s=steady_ok / steady_s if steady_ok >= concurrency else None,
            )
            levels.append(level)
            print(json.dumps(asdict(level)), flush=True)
        report["in_process_docs_per_s"] = round(ceiling, 3)
        report["c8_served_docs_per_s"] = round(served, 3)
        unloaded_p99 = levels[0].p99_ms
        sustainable = next(lv for lv in levels if lv.concurrency == 8).throughput
        rate = 4 * sustainable
        overloads = []
        for honour in (False, True):
            run = await open_loop(
                base, take(max(per_level, int(rate * args.overload_seconds))), rate, honour_retry=honour
            )
            who = "callers honouring Retry-After" if honour else "plain callers"
            level = summarise(
                f"open loop at 4x sustainable ({rate:.1f}/s), {who}",
                0,
                run.results,
                run.seconds,
                ok_per_s=run.ok_in_window / run.seconds,
            )
            overloads.append(level)
            print(json.dumps(asdict(level)), flush=True)
            await asyncio.sleep(bound_ms / 1000 + 1)  # let the queue drain before the next phase
        if args.rss_articles:
            rss["after_warmup"] = round(rss_mb(server.pid), 1)
            await closed_loop(base, take(args.rss_articles), 8, honour_retry=True)
            rss["after_long_run"] = round(rss_mb(server.pid), 1)
    finally:
        server.terminate()
        server.wait(timeout=60)

    plain, honouring = overloads
    report.update(
        levels=[asdict(lv) for lv in levels],
        overload=[asdict(lv) for lv in overloads],
        rss_mb=rss,
        transport_errors=TRANSPORT_ERRORS,
        targets={
            "closed loops: errors of any kind (all levels)": sum(lv.requests - lv.ok for lv in levels),
            "closed loops: worst p99 ms / (bound + unloaded p99) ms": (
                f"{max(lv.p99_ms for lv in levels)} / {bound_ms + unloaded_p99:.1f}"
            ),
            "overload, plain: non-503 errors": plain.other_errors,
            "overload, plain: 503 without Retry-After": plain.shed_without_retry_after,
            "overload, plain: accepted p99 ms / (bound + unloaded p99) ms": (
                f"{plain.p99_ms} / {bound_ms + unloaded_p99:.1f}"
            ),
            "overload, honouring Retry-After: goodput / sustainable": round(honouring.throughput / sustainable, 3),
            "c=8 throughput / in-process ceiling (same articles, whole rounds)": round(served / ceiling, 3),
            "c=8 steady-part throughput / in-process ceiling": round(sustainable / ceiling, 3),
        },
    )
    return report


def markdown(report: dict[str, object]) -> str:
    rows = [
        "| run | requests | 200 | 503 | other errors | docs/s | p50 ms | p95 ms | p99 ms |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for lv in [*report["levels"], *report["overload"]]:  # type: ignore[misc]
        rows.append(
            f"| {lv['name']} | {lv['requests']} | {lv['ok']} | {lv['shed_503']} | {lv['other_errors']} | "
            f"{lv['throughput']} | {lv['p50_ms']} | {lv['p95_ms']} | {lv['p99_ms']} |"
        )
    targets = [f"- {name}: **{value}**" for name, value in report["targets"].items()]  # type: ignore[attr-defined]
    return "\n".join(
        [
            f"Machine: {report['machine']}",
            f"Articles: {report['articles']}",
            f"Server settings: {report['settings']}; queue wait bound {report['queue_wait_bound_ms']} ms",
            "",
            f"In-process ceiling (concurrency 8, on the c=8 articles, in rounds alternating with the server): "
            f"{report['in_process_docs_per_s']} docs/s; the server on the same articles, whole rounds: "
            f"{report['c8_served_docs_per_s']} docs/s",
            "",
            "docs/s: 200 responses per second; for the closed loops while every client still had articles to send "
            "(the drain at the end is left out), for the open loops 200s within the arrival window.",
            "",
            *rows,
            "",
            *targets,
            "",
            f"RSS (MB): {report['rss_mb']}; transport errors (status 599) by type: {report['transport_errors']}",
        ]
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=100, help="requests per concurrency level")
    parser.add_argument("--overload-seconds", type=float, default=30.0, help="length of each 4x overload phase")
    parser.add_argument("--rss-articles", type=int, default=0, help="articles in the memory run (0: none)")
    parser.add_argument("--quick", action="store_true", help="small counts, to check the setup")
    parser.add_argument("--env", action="append", default=[], metavar="ENRICH_X=V", help="a server setting")
    args = parser.parse_args()
    # the cache is off: every article is distinct anyway, and the runs measure the pipeline, not the cache
    args.env = dict(kv.split("=", 1) for kv in ["ENRICH_CACHE_SIZE=0", *args.env])
    if args.quick:
        args.requests, args.overload_seconds = 24, 5.0
    report = asyncio.run(main_async(args))
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "load.json").write_text(json.dumps(report, indent=2))
    print(markdown(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
