"""article-enrich: enrich many articles through the service, resumably, with bounded concurrency."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO, Any

import httpx

from article_enrichment_client.client import ApiError, AsyncEnrichClient, RetriesExhausted, RetryPolicy
from article_enrichment_client.inputs import Record, read_inputs
from article_enrichment_client.progress import Progress

EPILOG = """\
examples:
  article-enrich articles/ --server http://127.0.0.1:8000 --output docs.jsonl
  article-enrich archive.jsonl --output docs.jsonl --concurrency 8 --stages segment,credits
  cat story.txt | article-enrich - --format ninjs --output -
  article-enrich archive.jsonl --output out/shard-3.jsonl --shard-index 3 --shard-count 16

Inputs: *.jsonl files hold one {"id", "text"} object per line; a folder gives its *.txt files (--glob), each
with its relative path as id; any other file is one article (id: its path); - reads stdin (JSONL, or one article).

Resuming: ids already in --output are skipped, so rerunning the same command after a crash, a kill or failures
picks up where it stopped (a half-written last line is dropped first). Failures of this run go to --failures
(default: OUTPUT.failures.jsonl) with the server's problem; they are retried by the next run.

Sharding: --shard-index I --shard-count N takes the records whose position in the input is I modulo N; the index
defaults to $JOB_COMPLETION_INDEX (Kubernetes Indexed Jobs). Every shard must see the same input.

Exit status: 0 when every record is in the output, 1 when some failed (see --failures), 2 on a usage error.
"""


@dataclass
class Summary:
    total: int = 0  # records of this shard
    skipped: int = 0  # already in the output
    done: int = 0
    failed: int = 0
    retried: int = 0
    seconds: float = 0.0

    @property
    def docs_per_s(self) -> float:
        return self.done / self.seconds if self.seconds else 0.0

    def line(self) -> str:
        return (
            f"done {self.done}, failed {self.failed}, skipped {self.skipped} (already in the output), "
            f"retried {self.retried}; {self.docs_per_s:.2f} docs/s over {self.seconds:.1f} s"
        )


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="article-enrich",
        description="Enrich news articles with an article-enrichment server and write one JSON document per line.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="files, folders, *.jsonl files, or - for stdin")
    parser.add_argument("--server", default=os.environ.get("ENRICH_SERVER", "http://127.0.0.1:8000"),
                        help="base URL of the service (default: $ENRICH_SERVER or http://127.0.0.1:8000)")  # fmt: skip
    parser.add_argument("--output", "-o", required=True, help="JSONL file to write (appended to; - for stdout)")
    parser.add_argument("--failures", help="JSONL file for this run's failures (default: OUTPUT.failures.jsonl)")
    parser.add_argument("--format", choices=["json", "ninjs"], default="json",
                        help="json: the service's document (default); ninjs: IPTC ninjs 3.1 items")  # fmt: skip
    parser.add_argument("--concurrency", "-c", type=int, default=4, help="requests in flight (default 4)")
    parser.add_argument("--stages", help="comma-separated stages to run (default: all)")
    parser.add_argument("--api-key", default=os.environ.get("ENRICH_API_KEY"), help="default: $ENRICH_API_KEY")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per request (default 120)")
    parser.add_argument("--retries", type=int, default=100,
                        help="attempts per article on 503 or connection errors (default 100)")  # fmt: skip
    parser.add_argument("--max-retry-wait", type=float, default=1800.0,
                        help="most seconds waited per article between attempts (default 1800)")  # fmt: skip
    parser.add_argument("--glob", default="*.txt", help="files taken from a folder (default *.txt)")
    parser.add_argument("--shard-index", type=int, default=None, help="this shard (default: $JOB_COMPLETION_INDEX)")
    parser.add_argument("--shard-count", type=int, default=None, help="number of shards (default: $SHARD_COUNT or 1)")
    parser.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                        help="progress bar on stderr (default: only when stderr is a terminal)")  # fmt: skip
    parser.add_argument("--summary-json", help="also write the final summary as JSON to this file")
    args = parser.parse_args(argv)
    if args.shard_index is None:
        args.shard_index = int(os.environ.get("JOB_COMPLETION_INDEX", "0"))
    if args.shard_count is None:
        args.shard_count = int(os.environ.get("SHARD_COUNT", "1"))
    if not 0 <= args.shard_index < args.shard_count:
        parser.error(f"--shard-index must be in 0..{args.shard_count - 1} (got {args.shard_index})")
    if args.concurrency < 1 or args.retries < 1:
        parser.error("--concurrency and --retries must be at least 1")
    if args.output == "-" and args.failures is None:
        args.failures = "article-enrich.failures.jsonl"
    elif args.failures is None:
        args.failures = f"{args.output}.failures.jsonl"
    return args


def output_id(line: str, fmt: str) -> str | None:
    """The article id of one output line (None when it is not one of ours)."""
    try:
        value = json.loads(line)
    except ValueError:
        return None
    if not isinstance(value, dict):
        return None
    if fmt == "ninjs":
        for alt in value.get("altIds", []):
            if isinstance(alt, dict) and alt.get("role") == "article-enrichment-id":
                return str(alt.get("value"))
        return None
    found = value.get("id")
    return str(found) if found is not None else None


def done_ids(path: Path, fmt: str) -> set[str]:
    """Ids already in the output; a last line cut short by a crash is removed from the file first."""
    if not path.exists():
        return set()
    with path.open("rb+") as handle:
        data = handle.read()
        if data and not data.endswith(b"\n"):
            keep = data.rfind(b"\n") + 1
            handle.truncate(keep)
            data = data[:keep]
    found = (output_id(line, fmt) for line in data.decode("utf-8").splitlines())
    return {doc_id for doc_id in found if doc_id is not None}


def shard(records: Iterator[Record], index: int, count: int) -> Iterator[Record]:
    return (r for r in records if r.position % count == index)


class Runner:
    def __init__(self, args: argparse.Namespace, out: IO[str], failures: IO[str], progress: Progress) -> None:
        self.args = args
        self.out = out
        self.failures = failures
        self.progress = progress
        self.summary = Summary()
        self.stages = [s.strip() for s in args.stages.split(",") if s.strip()] if args.stages else None

    def fail(self, record: Record, problem: dict[str, Any]) -> None:
        entry = {"id": record.id, "position": record.position, "problem": problem}
        self.failures.write(json.dumps(entry, ensure_ascii=False) + "\n")
        self.failures.flush()
        self.summary.failed += 1
        self.progress.advance(failed=True)

    async def one(self, client: AsyncEnrichClient, record: Record) -> None:
        if record.text is None:  # unreadable, or a duplicate id
            self.fail(record, record.problem or {"code": "invalid_input"})
            return
        try:
            result = await client.enrich_raw(
                record.text, doc_id=record.id, stages=self.stages, ninjs=self.args.format == "ninjs"
            )
        except ApiError as exc:
            self.fail(record, exc.problem.model_dump(exclude_none=True))
        except RetriesExhausted as exc:
            last = exc.last
            problem: dict[str, Any] = (
                last.problem.model_dump(exclude_none=True)
                if isinstance(last, ApiError)
                else {"code": "connection_error", "detail": str(last) or type(last).__name__}
            )
            problem["attempts"] = exc.attempts
            self.fail(record, problem)
        except (httpx.HTTPError, ValueError) as exc:
            self.fail(record, {"code": "client_error", "detail": f"{type(exc).__name__}: {exc}"})
        else:
            self.out.write(json.dumps(result, ensure_ascii=False) + "\n")
            self.out.flush()
            self.summary.done += 1
            self.progress.advance()

    async def run(self, records: Iterator[Record]) -> None:
        """Stream ``records`` through ``--concurrency`` workers; at most twice that many texts are held at once."""
        args = self.args
        policy = RetryPolicy(max_attempts=args.retries, max_total_wait_s=args.max_retry_wait)
        queue: asyncio.Queue[Record | None] = asyncio.Queue(maxsize=2 * args.concurrency)
        async with AsyncEnrichClient(
            args.server,
            api_key=args.api_key,
            timeout=httpx.Timeout(args.timeout, connect=10.0),
            retry=policy,
            max_connections=args.concurrency,
        ) as client:

            async def produce() -> None:
                for record in records:
                    await queue.put(record)
                for _ in range(args.concurrency):
                    await queue.put(None)

            async def worker() -> None:
                while (record := await queue.get()) is not None:
                    await self.one(client, record)

            await asyncio.gather(produce(), *(worker() for _ in range(args.concurrency)))
            self.summary.retried = client.retry_stats.total


DUPLICATE = {"code": "duplicate_id", "detail": "an earlier record has the same id"}


def pending(args: argparse.Namespace, skip: set[str], summary: Summary) -> Iterator[Record]:
    """This shard's records not yet in the output, in input order (counted in ``summary``); a repeated id comes
    back as a record without text and with the problem ``duplicate_id``."""
    seen: set[str] = set()
    for record in shard(read_inputs(args.inputs, pattern=args.glob), args.shard_index, args.shard_count):
        summary.total += 1
        if record.id in skip:
            summary.skipped += 1
        elif record.id in seen:
            yield Record(
                record.position, record.id, None, {"code": "duplicate_id", "detail": "an earlier record has it"}
            )
        else:
            seen.add(record.id)
            yield record


def open_output(name: str) -> IO[str]:
    if name == "-":
        return sys.stdout
    path = Path(name)
    path.parent.mkdir(parents=True, exist_ok=True)
    return path.open("a", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    skip = done_ids(Path(args.output), args.format) if args.output != "-" else set()
    started = time.perf_counter()
    show = args.progress if args.progress is not None else sys.stderr.isatty()
    # the bar needs the total up front: one more pass over the input, only when the bar is shown
    total = sum(1 for _ in pending(args, skip, Summary())) if show else 0
    progress = Progress(total, enabled=show, stream=sys.stderr)
    failures_path = Path(args.failures)
    failures_path.parent.mkdir(parents=True, exist_ok=True)
    out = open_output(args.output)
    try:
        with failures_path.open("w", encoding="utf-8") as failures:
            runner = Runner(args, out, failures, progress)
            asyncio.run(runner.run(pending(args, skip, runner.summary)))
    finally:
        if out is not sys.stdout:
            out.close()
        progress.close()
    summary = runner.summary
    summary.seconds = time.perf_counter() - started
    print(f"article-enrich: {summary.line()}", file=sys.stderr)
    if summary.failed:
        print(f"article-enrich: failures in {failures_path}; rerun the same command to retry them", file=sys.stderr)
    if args.summary_json:
        Path(args.summary_json).write_text(json.dumps({**asdict(summary), "docs_per_s": summary.docs_per_s}) + "\n")
    return 1 if summary.failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
