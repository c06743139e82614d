"""schemathesis from its own command line against a live server (the container's command on 127.0.0.1).

`st run <url>/openapi.json --checks all`, with a few seeds and a bounded number of examples per operation: it
must report no failure of any kind.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.server_process import REPO_ROOT, ServerProcess

SEEDS = (1, 2, 3)
EXAMPLES = 8  # per operation and seed


@pytest.mark.slow
@pytest.mark.parametrize("seed", SEEDS)
def test_schemathesis_cli_finds_no_failure(live_server: ServerProcess, seed: int, tmp_path: Path) -> None:
    st = Path(sys.executable).parent / "st"
    env = {
        **os.environ,
        "SCHEMATHESIS_HOOKS": "tests.api.schemathesis_hooks",
        "PYTHONPATH": str(REPO_ROOT),
        "NO_COLOR": "1",
    }
    done = subprocess.run(
        [
            str(st),
            "run",
            f"{live_server.base_url}/openapi.json",
            "--checks",
            "all",
            "--max-examples",
            str(EXAMPLES),
            "--seed",
            str(seed),
            "--workers",
            "1",
            "--request-timeout",
            "120",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=480,
        check=False,
    )
    report = done.stdout[-6000:] + done.stderr[-2000:]
    assert done.returncode == 0, report
    assert "No issues found" in done.stdout or "passed" in done.stdout, report
