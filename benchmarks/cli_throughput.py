"""The article-enrich CLI against benchmarks/load.py's closed loop: same server, same articles, same concurrency.

    python -m benchmarks.cli_throughput                    # 200 eval articles, concurrency 8, 2 rounds
    python -m benchmarks.cli_throughput --articles 40 --rounds 1

Reads ../shared/eval (captions/dev.jsonl, captions/dev-intl.jsonl, summaries/cnndm-dev.jsonl, in that order)
and skips with a message when it is absent; the texts are written to a temporary folder, never into the repo.
One server (the cache off, so that repeated articles are enriched again), runs alternating closed loop / CLI /
CLI / closed loop ... so that both see the same machine (its speed drifts over minutes on shared cores). Both
throughputs are over the whole run (first request to last answer, drain included). Each CLI run is then rerun on
its own output to check that it resumes (nothing done twice) and that nothing was lost.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.load import closed_loop, free_port, machine, start_server, wait_ready

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
OUT = ROOT / "benchmarks" / "out"


def eval_articles(count: int) -> list[tuple[str, str]]:
    """(id, text) of the first ``count`` eval articles."""
    found: list[tuple[str, str]] = []
    for name, field in (
        ("captions/dev.jsonl", "text"),
        ("captions/dev-intl.jsonl", "text"),
        ("summaries/cnndm-dev.jsonl", "article"),
    ):
        for line in (EVAL / name).read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            found.append((str(record["id"]), record[field]))
    return found[:count]


def run_cli(source: Path, output: Path, base: str, concurrency: int) -> tuple[float, dict[str, float], list[str]]:
    """(wall seconds, the CLI's summary, the problem codes of its failures: kept for the rerun, not lost)."""
    summary = output.with_suffix(".summary.json")
    command = [sys.executable, "-m", "article_enrichment_client.cli", str(source), "--server", base,
               "--output", str(output), "--concurrency", str(concurrency), "--summary-json", str(summary),
               "--retries", "50", "--max-retry-wait", "3600"]  # fmt: skip
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1):  # 1: some articles failed, listed in the failures file
        raise RuntimeError(f"the CLI failed ({done.returncode}): {done.stderr}")
    failures = Path(f"{output}.failures.jsonl").read_text(encoding="utf-8").splitlines()
    result: dict[str, float] = json.loads(summary.read_text())
    return seconds, result, [json.loads(line)["problem"].get("code", "?") for line in failures]


async def main_async(args: argparse.Namespace) -> dict[str, object]:
    articles = eval_articles(args.articles)
    texts = [text for _, text in articles]
    port = free_port()
    server = start_server(port, {"ENRICH_CACHE_SIZE": "0"})
    base = f"http://127.0.0.1:{port}"
    report: dict[str, object] = {"machine": machine(), "articles": len(articles), "concurrency": args.concurrency}
    runs: list[dict[str, object]] = []
    totals: dict[str, list[float]] = {"closed loop": [0.0, 0.0], "cli": [0.0, 0.0]}  # docs, seconds
    try:
        await wait_ready(base)
        with tempfile.TemporaryDirectory() as tmp:
            source = Path(tmp) / "in.jsonl"
            source.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in articles), encoding="utf-8")
            for round_number in range(args.rounds):
                order = ("loop", "cli") if round_number % 2 == 0 else ("cli", "loop")
                for kind in order:
                    if kind == "loop":
                        loop = await closed_loop(base, texts, args.concurrency)
                        ok = sum(1 for status, _, _ in loop.results if status == 200)
                        shed = sum(1 for status, _, _ in loop.results if status == 503)
                        runs.append({"kind": "closed loop", "round": round_number, "ok": ok, "retried_503": shed,
                                     "seconds": loop.seconds, "docs_per_s": ok / loop.seconds})  # fmt: skip
                        totals["closed loop"][0] += ok
                        totals["closed loop"][1] += loop.seconds
                    else:
                        output = Path(tmp) / f"out-{round_number}.jsonl"
                        wall, summary, failure_codes = run_cli(source, output, base, args.concurrency)
                        _, again, _ = run_cli(source, output, base, args.concurrency)  # resume: only the failures
                        written = [json.loads(line)["id"] for line in output.read_text(encoding="utf-8").splitlines()]
                        runs.append({
                            "kind": "cli", "round": round_number, "ok": summary["done"], "failed": summary["failed"],
                            "retried": summary["retried"], "failure_codes": failure_codes,
                            "seconds": wall, "docs_per_s": summary["done"] / wall,
                            "lost": len({i for i, _ in articles} - set(written)),
                            "duplicates": len(written) - len(set(written)),
                            "rerun_done": again["done"], "rerun_skipped": again["skipped"],
                        })  # fmt: skip
                        totals["cli"][0] += summary["done"]
                        totals["cli"][1] += wall
                    print(json.dumps(runs[-1]), flush=True)
    finally:
        server.terminate()
        server.wait(timeout=60)
    loop_rate = totals["closed loop"][0] / totals["closed loop"][1]
    cli_rate = totals["cli"][0] / totals["cli"][1]
    report |= {"runs": runs, "closed_loop_docs_per_s": loop_rate, "cli_docs_per_s": cli_rate,
               "cli_over_closed_loop": cli_rate / loop_rate}  # fmt: skip
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=2, help="each round: one closed loop and one CLI run")
    args = parser.parse_args()
    if not EVAL.is_dir():
        print(f"skipped: {EVAL} is absent (the eval data is not part of the repository)")
        return 0
    report = asyncio.run(main_async(args))
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "cli_throughput.json").write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps({k: v for k, v in report.items() if k != "runs"}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
