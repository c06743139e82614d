"""The Dockerfile, read as text (no Docker engine here): stages, user, port, healthcheck, torch, models."""

from __future__ import annotations

import fnmatch
import http.server
import itertools
import os
import re
import shlex
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import __version__
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
    assert not [
        run for run in build + runs(dockerfile, -1) if re.search(r"\btorch\b(?!==)", run) and "pip install" in run
    ]


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


def _build_steps(dockerfile: Dockerfile) -> list[Instruction]:
    """The build stage's instructions that make the app's install: every COPY, and every RUN that installs, after
    torch (the trimming of the venv is left out: it would act on this test's own dependencies)."""
    build = dockerfile.stages[0]
    steps = [
        i
        for i in build.instructions
        if (i.keyword == "COPY" and not i.args.split()[-1].startswith("/"))  # into the source tree, not /models
        or (i.keyword == "RUN" and "pip install" in i.args)
    ]
    torch_step = next(n for n, i in enumerate(steps) if "torch==" in i.args)
    return steps[torch_step + 1 :]


def test_the_build_check_imports_the_installed_app_from_outside_the_source_tree(dockerfile: Dockerfile) -> None:
    check = " ".join(i.args for i in _build_steps(dockerfile) if i.keyword == "RUN" and "pip check" in i.args)
    assert "import app" in check and "app.main" in check, "the build's check does not import the app"
    # from /src, `import app` would find the checkout's app/ and hide a broken install
    assert check.index("cd /") < check.index("app.main")


def test_the_image_build_checks_that_the_runtime_user_enriches_on_onnx_runtime(dockerfile: Dockerfile) -> None:
    """The final stage loads the models and runs the warm-up article as the image's user, ONNX Runtime required:
    an export that user cannot read (the export's folders were private) fails the build instead of an image whose
    models quietly run on torch."""
    instructions = dockerfile.final.instructions
    user_at = max(n for n, i in enumerate(instructions) if i.keyword == "USER")
    checks = [n for n, i in enumerate(instructions) if i.keyword == "RUN" and "python -m app.serve --check" in i.args]
    assert checks, "the final stage does not check that the image can enrich"
    assert checks[0] > user_at, "the check runs as root, not as the image's user"
    assert "ENRICH_MODEL_RUNTIME=onnxruntime" in instructions[checks[0]].args
    assert "ENRICH_MODEL_RUNTIME" not in dockerfile.final.env(), "the check's setting leaks into the image"


def test_replaying_the_build_steps_installs_the_real_app(dockerfile: Dockerfile, tmp_path: Path) -> None:
    """The build stage's package steps, run for real in a scratch venv (its dependencies seen from this one's
    site-packages): the installed app is the checkout's, not the empty placeholder of the dependency layer.

    This is the crash of a stale build/: the placeholder's build/lib/app/__init__.py is newer than the copied
    sources (COPY keeps their timestamps), setuptools keeps it, and the image fails with ImportError."""
    venv, src, shim = tmp_path / "venv", tmp_path / "src", tmp_path / "bin"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    site = next((venv / "lib").glob("python3*/site-packages"))
    here = next(Path(p) for p in sys.path if p.endswith("site-packages") and (Path(p) / "pip").is_dir())
    (site / "deps-from-the-test-venv.pth").write_text(f"{here}\n", encoding="utf-8")
    shim.mkdir()
    (shim / "pip").write_text(f'#!/bin/sh\nexec "{venv}/bin/python" -m pip "$@"\n', encoding="utf-8")
    (shim / "pip").chmod(0o755)
    src.mkdir()
    env = {
        **os.environ,
        "PATH": f"{shim}{os.pathsep}{venv / 'bin'}{os.pathsep}{os.environ['PATH']}",
        "PIP_NO_DEPS": "1",  # the dependencies are this venv's
        "PIP_NO_BUILD_ISOLATION": "0",  # the build backend too (no index needed)
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
    }
    env.pop("VIRTUAL_ENV", None)
    for step in _build_steps(dockerfile):
        if step.keyword == "COPY":
            *sources, target = shlex.split(step.args)
            for name in sources:
                origin = ROOT / name
                destination = src / target / name if target.endswith("/") or len(sources) > 1 else src / target
                if origin.is_dir():
                    shutil.copytree(origin, destination, ignore=shutil.ignore_patterns("__pycache__"))
                else:  # copy2 keeps the timestamps, as COPY does
                    shutil.copy2(origin, destination)
        else:
            done = subprocess.run(
                ["bash", "-c", step.args], cwd=src, env=env, capture_output=True, text=True, timeout=300, check=False
            )
            assert done.returncode == 0, f"{step.args}\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
    installed = subprocess.run(
        [str(venv / "bin" / "python"), "-c", "import app, app.main; print(app.__version__, app.__file__)"],
        cwd="/",
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert installed.returncode == 0, installed.stderr
    version, path = installed.stdout.split()
    assert version == __version__
    assert path.startswith(str(venv))
    from app.api.docs_ui import ASSETS, VENDOR  # the API docs' assets are package data: installed too

    package = Path(path).parent
    assert all((package / asset.relative_to(VENDOR.parent.parent.parent)).is_file() for asset, _ in ASSETS.values())


WITHOUT_THE_TRIMMED = """
import importlib.metadata, sys
dists, paths, kept = sys.argv[1].split(), tuple(sys.argv[2].split()), tuple(sys.argv[3].split())
for name, owners in importlib.metadata.packages_distributions().items():
    if any(owner.lower() in dists for owner in owners):
        sys.modules[name] = None  # import fails, as in the image
def under(path, roots):
    return any(path == root.rstrip("/") or path.startswith(root.rstrip("/") + "/") for root in roots)
def hook(event, args):
    if event == "open" and isinstance(args[0], str) and under(args[0], paths) and not under(args[0], kept):
        raise OSError(f"left out of the image: {args[0]}")
sys.addaudithook(hook)
from app.serve import main
raise SystemExit(main(["--check"]))
"""


def _trimmed(dockerfile: Dockerfile, site: str) -> tuple[list[str], list[str], list[str]]:
    """What the build stage removes from the runtime venv: distributions, paths, and paths kept under them."""
    step = next(i.args for i in dockerfile.stages[0].all("RUN") if "uninstall --yes setuptools pip" in i.args)
    dists: list[str] = []
    paths: list[str] = []
    kept: list[str] = []
    for command in step.split("&&"):
        words = [w.replace("$SITE", site) for w in shlex.split(command)]
        if words[:4] == ["python", "-m", "pip", "uninstall"]:
            dists += [w.lower() for w in words[4:] if not w.startswith("-")]
        elif words[:1] == ["rm"]:
            paths += [w for w in words[1:] if w.startswith(site)]
        elif words[:1] == ["find"]:
            paths.append(words[1] + "/")
            kept += [f"{words[1]}/{w}" for before, w in itertools.pairwise(words) if before == "-name"]
    return dists, paths, kept


def test_the_service_enriches_without_what_the_image_leaves_out(dockerfile: Dockerfile) -> None:
    """The packages and files the build removes from the runtime image, made unreachable here (imports fail,
    opening a removed file fails): the models still load and the warm-up article goes through every stage."""
    site = next(p for p in sys.path if p.endswith("site-packages") and (Path(p) / "torch").is_dir())
    dists, paths, kept = _trimmed(dockerfile, "/opt/venv/lib/python3.11/site-packages")
    assert {"scipy", "pip"} <= set(dists)
    assert any("torch/include" in p for p in paths)
    local = [p.replace("/opt/venv/lib/python3.11/site-packages", site) for p in (*paths, *kept)]
    env = {**os.environ, "ENRICH_LOG_JSON": "false", "HF_HUB_OFFLINE": "1"}
    env = {k: v for k, v in env.items() if not k.startswith("ENRICH_") or k == "ENRICH_LOG_JSON"}
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            WITHOUT_THE_TRIMMED,
            " ".join(dists),
            " ".join(local[: len(paths)]),
            " ".join(local[len(paths) :]) or "\0",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "check passed" in done.stderr
