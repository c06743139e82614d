"""The Dockerfile, read as text (no Docker engine here): stages, user, port, healthcheck, torch, models."""

from __future__ import annotations

import fnmatch
import http.server
import os
import re
import shlex
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.serve import BAKED_MODELS_ROOT
from app.settings import Settings
from tests.deploy.conftest import ROOT
from tests.deploy.dockerfile import Dockerfile, Instruction, substitute

CPU_INDEX = "https://download.pytorch.org/whl/cpu"
COMPILERS = ("build-essential", "gcc", "g++", "clang", "cmake", "make ", "cc ")


def runs(dockerfile: Dockerfile, stage_index: int) -> list[str]:
    stage = dockerfile.stages[stage_index]
    args = dockerfile.stage_args(stage)
    return [substitute(i.args, args) for i in stage.all("RUN")]


def test_build_is_multi_stage_on_python_3_11_slim(dockerfile: Dockerfile) -> None:
    assert len(dockerfile.stages) >= 2
    assert all(stage.base.startswith("python:3.11-slim") for stage in dockerfile.stages)
    build = dockerfile.stages[0]
    copies_from_build = [i.args for i in dockerfile.final.all("COPY") if f"--from={build.name}" in i.args]
    assert copies_from_build, "the final stage takes nothing from the build stage"


def test_final_stage_runs_as_a_numeric_non_root_user(dockerfile: Dockerfile) -> None:
    user = dockerfile.final.all("USER")[-1].args
    uid, _, gid = user.partition(":")
    # numeric, so that Kubernetes runAsNonRoot can verify it without reading /etc/passwd
    assert uid.isdigit() and int(uid) != 0
    assert not gid or (gid.isdigit() and int(gid) != 0)
    created = " ".join(runs(dockerfile, -1))
    assert f"--uid {uid}" in created


def test_command_serves_the_exposed_port_which_is_the_apps_port(
    dockerfile: Dockerfile, monkeypatch: pytest.MonkeyPatch
) -> None:
    command = dockerfile.final.all("CMD")[-1].exec_form()
    # exec form: python is PID 1 and receives SIGTERM itself
    assert command == ["python", "-m", "app.serve"]
    for key in [k for k in os.environ if k.startswith("ENRICH_") or k == "WEB_CONCURRENCY"]:
        monkeypatch.delenv(key)
    for key, value in dockerfile.final.env().items():
        monkeypatch.setenv(key, value)
    served = Settings()  # what `python -m app.serve` reads in the image
    exposed = {int(port.split("/")[0]) for i in dockerfile.final.all("EXPOSE") for port in i.args.split()}
    assert exposed == {served.port}
    assert served.port == Settings.model_fields["port"].default
    assert served.host == "0.0.0.0"
    assert served.workers == 1


def healthcheck_command(dockerfile: Dockerfile) -> str:
    instruction = dockerfile.final.all("HEALTHCHECK")[-1].args
    _, _, command = instruction.partition(" CMD ")
    assert command, "HEALTHCHECK has no CMD"
    return command.strip()


def test_healthcheck_probes_the_liveness_route_on_the_served_port(
    dockerfile: Dockerfile, app_paths: frozenset[str]
) -> None:
    command = healthcheck_command(dockerfile)
    paths = re.findall(r"http://127\.0\.0\.1:[^/]*(/[\w/]*)", command)
    assert paths == ["/healthz"]
    assert paths[0] in app_paths
    assert "ENRICH_PORT" in command
    assert "curl" not in command and "wget" not in command


class _Stub(http.server.BaseHTTPRequestHandler):
    status = 200

    def do_GET(self) -> None:
        self.send_response(self.status if self.path == "/healthz" else 404)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def stub_server() -> Iterator[http.server.ThreadingHTTPServer]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Stub)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        _Stub.status = 200


def test_healthcheck_command_passes_only_when_healthz_answers_200(
    dockerfile: Dockerfile, stub_server: http.server.ThreadingHTTPServer
) -> None:
    command = healthcheck_command(dockerfile)
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",  # `python` as in the image
        "ENRICH_PORT": str(stub_server.server_address[1]),
    }

    def run() -> int:
        return subprocess.run(["sh", "-c", command], env=env, capture_output=True, timeout=30, check=False).returncode

    assert run() == 0
    _Stub.status = 503
    assert run() != 0
    stub_server.shutdown()
    stub_server.server_close()
    assert run() != 0  # nothing listens


def test_torch_is_cpu_only_pinned_and_installed_before_the_requirements(dockerfile: Dockerfile) -> None:
    build = runs(dockerfile, 0)
    torch_runs = [n for n, run in enumerate(build) if re.search(r"\btorch==", run)]
    assert len(torch_runs) == 1
    torch_run = build[torch_runs[0]]
    assert f"--index-url {CPU_INDEX}" in torch_run
    pinned = re.search(r"torch==([\w.+]+)", torch_run)
    assert pinned is not None
    lock = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    assert f"torch=={pinned.group(1)}\n" in lock, "the image's torch differs from requirements.lock"
    makefile_pin = re.search(r"TORCH_PIN := torch==([\w.]+)", (ROOT / "Makefile").read_text(encoding="utf-8"))
    assert makefile_pin is not None and pinned.group(1).split("+")[0] == makefile_pin.group(1)
    requirement_runs = [n for n, run in enumerate(build) if "requirements.lock" in run]
    assert requirement_runs and min(requirement_runs) > torch_runs[0]
    assert all("-c requirements.lock" in build[n] for n in requirement_runs)  # the lock as constraints
    # nothing else may install a torch of its own choosing
    assert not [run for run in build + runs(dockerfile, -1) if re.search(r"\btorch\b(?!==)", run) and "pip" in run]


def test_final_stage_has_no_compilers_and_installs_nothing(dockerfile: Dockerfile) -> None:
    for run in runs(dockerfile, -1):
        assert not [tool for tool in COMPILERS if tool in f"{run} "], run
        assert "pip install" not in run and "apt-get install" not in run, run


def test_image_is_offline_and_writes_only_under_tmp(dockerfile: Dockerfile) -> None:
    env = dockerfile.final.env()
    assert env["HF_HUB_OFFLINE"] == "1" and env["TRANSFORMERS_OFFLINE"] == "1"
    for key in ("HOME", "TMPDIR", "XDG_CACHE_HOME", "HF_HOME", "TORCH_HOME"):
        assert env[key] == "/tmp" or env[key].startswith("/tmp/"), key


def test_build_argument_bakes_model_directories_where_the_server_looks(dockerfile: Dockerfile) -> None:
    args = dockerfile.stage_args(dockerfile.final)
    assert "MODELS_DIR" in args
    copies = [shlex.split(i.args) for i in dockerfile.final.all("COPY") if "MODELS_DIR" in i.args]
    assert len(copies) == 1
    source, target = copies[0][-2:]
    assert target.rstrip("/") == str(BAKED_MODELS_ROOT)
    default_source = substitute(source, args).rstrip("/")
    assert (ROOT / default_source / "README.md").is_file(), "the default MODELS_DIR must exist in the context"


def ignored(path: str, patterns: list[str]) -> bool:
    """Whether .dockerignore ``patterns`` exclude ``path`` or a folder above it (no ! exceptions used)."""
    parts = path.split("/")
    candidates = ["/".join(parts[: n + 1]) for n in range(len(parts))]
    return any(fnmatch.fnmatch(c, p) or fnmatch.fnmatch(c, p.removeprefix("**/")) for c in candidates for p in patterns)


def test_dockerignore_keeps_what_the_build_copies_and_drops_the_rest(dockerfile: Dockerfile) -> None:
    patterns = [
        line.strip()
        for line in (ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert not [p for p in patterns if p.startswith("!")], "the check below does not handle exceptions"
    copied: list[str] = []
    for stage in dockerfile.stages:
        args = dockerfile.stage_args(stage)
        for instruction in stage.all("COPY"):
            tokens = [t for t in shlex.split(instruction.args) if not t.startswith("--")]
            if not any(t.startswith("--from") for t in shlex.split(instruction.args)):
                copied += [substitute(t, args).rstrip("/") for t in tokens[:-1]]
    assert copied
    for source in copied:
        assert (ROOT / source).exists(), source
        assert not ignored(source, patterns), f"{source} is copied but .dockerignore excludes it"
    for heavy in (".git", ".venv", "tests", "app/__pycache__"):
        assert ignored(heavy, patterns), heavy


def test_instructions_are_parsed_with_their_continuations(dockerfile: Dockerfile) -> None:
    # guards the reader the other tests rely on
    healthcheck = dockerfile.final.all("HEALTHCHECK")
    assert len(healthcheck) == 1 and "--interval" in healthcheck[0].args and "urlopen" in healthcheck[0].args
    assert Instruction("CMD", '["a", "b"]').exec_form() == ["a", "b"]
    assert Instruction("CMD", "a b").exec_form() is None
