"""article-enrich against a real server process on 127.0.0.1: inputs, failures, resuming after the server dies,
shards that cover the input exactly once, and ninjs output. Only the cheap stages run (segment, credits)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from app.formats.ninjs import schema
from benchmarks.articles import article
from tests.server_process import ServerProcess, start_server

pytestmark = pytest.mark.slow
CHEAP = {"ENRICH_WARMUP": "false", "ENRICH_CACHE_SIZE": "0"}
STAGES = "segment,credits"


def cli(*args: str, stdin: str | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "article_enrichment_client.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def start_cli(*args: str) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "article_enrichment_client.cli", *args]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def write_jsonl(path: Path, count: int, *, start: int = 0) -> list[str]:
    ids = [f"story-{i}" for i in range(start, start + count)]
    path.write_text("".join(json.dumps({"id": i, "text": article(n)}) + "\n" for n, i in enumerate(ids, start)))
    return ids


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    process = start_server(tmp_path_factory.mktemp("server"), CHEAP)
    yield process
    process.stop()


def test_files_folders_jsonl_and_stdin_with_failures_kept(server: ServerProcess, tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(article(101))
    (folder / "sub" / "b.txt").write_text(article(102))
    (folder / "notes.md").write_text("not an article: ignored by the default --glob")
    archive = tmp_path / "archive.jsonl"
    archive.write_text(
        json.dumps({"id": "j1", "text": article(103)})
        + "\n{not json\n"
        + json.dumps({"id": "empty", "text": "   "})
        + "\n"
        + json.dumps({"id": "j1", "text": article(104)})  # a duplicate id
        + "\n"
    )
    out = tmp_path / "out" / "docs.jsonl"
    result = cli(str(folder), str(archive), "--server", server.base_url, "--output", str(out), "--stages", STAGES)
    assert result.returncode == 1, result.stderr
    docs = {d["id"]: d for d in lines(out)}
    assert set(docs) == {"a.txt", "sub/b.txt", "j1"}
    assert docs["j1"]["captions"] and docs["j1"]["image_credits"]
    failures = {f["id"]: f["problem"]["code"] for f in lines(Path(f"{out}.failures.jsonl"))}
    assert failures == {f"{archive}:2": "invalid_input", "empty": "empty_text", "j1": "duplicate_id"}
    assert "done 3, failed 3, skipped 0" in result.stderr
    assert "docs/s" in result.stderr and "\r[" not in result.stderr  # no progress bar without a terminal
    # stdin: one plain article
    failures_file = str(tmp_path / "f.jsonl")
    piped = cli(
        "-",
        "--server",
        server.base_url,
        "--output",
        "-",
        "--failures",
        failures_file,
        "--stages",
        STAGES,
        stdin=article(105),
    )
    assert piped.returncode == 0, piped.stderr
    (doc,) = [json.loads(line) for line in piped.stdout.splitlines()]
    assert doc["id"] == "stdin" and doc["title"]


def test_help_has_examples() -> None:
    result = cli("--help")
    assert result.returncode == 0
    assert "examples:" in result.stdout and "--shard-index" in result.stdout and "Resuming" in result.stdout


def test_server_killed_midway_then_the_rerun_resumes_and_loses_nothing(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    ids = write_jsonl(source, 40)
    out = tmp_path / "docs.jsonl"
    first = start_server(tmp_path, CHEAP)
    args = ["--output", str(out), "--stages", STAGES, "--concurrency", "2", "--retries", "2", "--max-retry-wait", "1"]
    try:
        run = start_cli(str(source), "--server", first.base_url, *args)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and (not out.exists() or len(out.read_text().splitlines()) < 5):
            time.sleep(0.05)
        first.proc.kill()
        first.proc.wait(timeout=10)
        _, stderr = run.communicate(timeout=120)
    finally:
        first.stop()
    assert run.returncode == 1, stderr
    done_first = {d["id"] for d in lines(out)}
    failed_first = {f["id"] for f in lines(Path(f"{out}.failures.jsonl"))}
    assert 5 <= len(done_first) < len(ids)
    assert done_first | failed_first == set(ids) and not done_first & failed_first  # every article accounted for
    second = start_server(tmp_path, CHEAP)
    try:
        rerun = cli(str(source), "--server", second.base_url, *args)
    finally:
        second.stop()
    assert rerun.returncode == 0, rerun.stderr
    assert f"skipped {len(done_first)}" in rerun.stderr
    final = [d["id"] for d in lines(out)]
    assert sorted(final) == sorted(ids)  # each exactly once
    assert lines(Path(f"{out}.failures.jsonl")) == []


def test_a_half_written_last_line_is_dropped_and_redone(server: ServerProcess, tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    ids = write_jsonl(source, 3, start=200)
    out = tmp_path / "docs.jsonl"
    assert cli(str(source), "--server", server.base_url, "--output", str(out), "--stages", STAGES).returncode == 0
    text = out.read_text()
    out.write_text(text[: len(text) - 40])  # as if the writer died mid-line
    rerun = cli(str(source), "--server", server.base_url, "--output", str(out), "--stages", STAGES)
    assert rerun.returncode == 0 and "done 1, failed 0, skipped 2" in rerun.stderr
    assert sorted(d["id"] for d in lines(out)) == sorted(ids)


def test_two_shards_cover_the_input_exactly_once(server: ServerProcess, tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    ids = write_jsonl(source, 21, start=300)
    shards = [
        start_cli(
            str(source),
            "--server",
            server.base_url,
            "--output",
            str(tmp_path / f"shard-{i}.jsonl"),
            "--stages",
            STAGES,
            "--shard-index",
            str(i),
            "--shard-count",
            "2",
        )
        for i in range(2)
    ]
    for process in shards:
        _, stderr = process.communicate(timeout=180)
        assert process.returncode == 0, stderr
    got = [[d["id"] for d in lines(tmp_path / f"shard-{i}.jsonl")] for i in range(2)]
    assert len(got[0]) == 11 and len(got[1]) == 10
    assert sorted(got[0] + got[1]) == sorted(ids)


def test_ninjs_output_validates_and_resumes(server: ServerProcess, tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    ids = write_jsonl(source, 3, start=400)
    out = tmp_path / "items.jsonl"
    args = [str(source), "--server", server.base_url, "--output", str(out), "--format", "ninjs", "--stages", STAGES]
    assert cli(*args).returncode == 0
    validator = jsonschema.Draft202012Validator(schema())
    items = lines(out)
    for item in items:
        validator.validate(item)
    assert sorted(alt["value"] for i in items for alt in i["altIds"] if alt["role"] == "article-enrichment-id") == ids
    again = cli(*args)
    assert again.returncode == 0 and "done 0, failed 0, skipped 3" in again.stderr
    assert len(lines(out)) == 3
