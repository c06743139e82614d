"""The server process: ``python -m app.serve`` (the container's command, and ``make run``).

1. Model directories baked into the image under ``/models`` (``ner/``, ``summary/``, ``embedding/``; see
   docs/DEPLOY.md) become the defaults of their settings; an explicit ``ENRICH_*_MODEL_DIR`` always wins.
2. The settings are read and validated once; a bad value stops here with the reason (exit 2).
3. With several worker processes, Prometheus multiprocess mode is switched on so that /metrics adds up all of them.
4. uvicorn serves ``app.main:create_app`` on ``ENRICH_HOST:ENRICH_PORT`` with ``ENRICH_WORKERS`` processes.

``python -m app.serve --check`` loads and warms the models the settings name, runs the warm-up article through
every stage and exits 0 when all of them succeed, 1 otherwise, without serving (the image build runs it, so
that an image that cannot enrich is never pushed).

Shutdown: on SIGTERM uvicorn closes the listening socket, lets in-flight requests finish for up to
``ENRICH_GRACEFUL_TIMEOUT_S`` seconds (then cancels what is left), runs the app's lifespan shutdown (models and
worker threads released) and this process exits 0.
"""

from __future__ import annotations

import logging
import os
import shutil
import signal
import sys
import tempfile
from collections.abc import Mapping, MutableMapping
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

from pydantic import ValidationError

if TYPE_CHECKING:
    from app.settings import Settings

log = logging.getLogger("app.serve")

APP = "app.main:create_app"
BAKED_MODELS_ROOT = Path("/models")
# baked model directory -> the settings it defaults (env var: value, or None for the directory itself)
BAKED_MODELS: dict[str, dict[str, str | None]] = {
    "ner": {"ENRICH_NER_MODEL_DIR": None, "ENRICH_NER_BACKEND": "transformers"},
    "summary": {"ENRICH_SUMMARY_MODEL_DIR": None},
    "embedding": {"ENRICH_EMBEDDING_MODEL_DIR": None},
}
# app.metrics.MULTIPROC_ENV; not imported from there: importing prometheus_client before this variable is set
# would fix its value class for the single-worker case, which runs the app in this process
MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"


def baked_model_defaults(env: Mapping[str, str], root: Path = BAKED_MODELS_ROOT) -> dict[str, str]:
    """Environment defaults for the Hugging Face model directories present under ``root``.

    A directory counts when it holds a ``config.json``. Nothing is returned for a model whose directory
    setting ``env`` already has (names compared case-insensitively, as the settings read them).
    """
    present = {name.upper() for name in env}
    defaults: dict[str, str] = {}
    for subdir, variables in BAKED_MODELS.items():
        directory = root / subdir
        dir_variable = next(var for var, value in variables.items() if value is None)
        if dir_variable in present or not (directory / "config.json").is_file():
            continue
        for variable, value in variables.items():
            if variable not in present:
                defaults[variable] = str(directory) if value is None else value
    return defaults


def prepare_multiprocess_metrics(env: MutableMapping[str, str], workers: int) -> Path | None:
    """Switch on Prometheus multiprocess mode for several workers (or when the operator set its directory).

    The directory is emptied: values left by an earlier run would be added to this one's.
    """
    configured = env.get(MULTIPROC_ENV)
    if not configured and workers <= 1:
        return None
    directory = Path(configured) if configured else Path(tempfile.gettempdir()) / f"enrich-metrics-{os.getpid()}"
    directory.mkdir(parents=True, exist_ok=True)
    for stale in directory.glob("*.db"):
        stale.unlink()
    env[MULTIPROC_ENV] = str(directory)
    return directory


def _exit_cleanly(signum: int, frame: FrameType | None) -> None:
    # uvicorn handles SIGTERM itself, drains, then re-raises the signal to the handler it found: this one, so
    # that a graceful shutdown ends with exit status 0 rather than death by signal
    raise SystemExit(0)


def check(settings: Settings) -> int:
    """Load and warm the pipeline once (the warm-up article through every stage); 0 when it is ready."""
    import asyncio

    from app.service import EnrichmentService

    async def load() -> None:
        service = EnrichmentService(settings)
        try:
            await service.load()
        finally:
            await service.close()

    try:
        asyncio.run(load())
    except Exception as exc:
        sys.stderr.write(f"check failed: {type(exc).__name__}: {exc}\n")
        return 1
    log.info("check passed: models loaded and every stage ran the warm-up article")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the server until it is told to stop (or, with --check, only load and warm up); the exit status."""
    args = sys.argv[1:] if argv is None else argv
    if args not in ([], ["--check"]):
        sys.stderr.write("usage: python -m app.serve [--check]\n")
        return 2
    os.environ.update(baked_model_defaults(os.environ))
    from app.logs import configure_logging
    from app.settings import get_settings, unknown_settings

    try:
        settings = get_settings()
    except ValidationError as exc:
        sys.stderr.write(f"invalid configuration:\n{exc}\n")
        return 2
    configure_logging(settings.log_level, json_lines=settings.log_json)
    for problem in unknown_settings(os.environ):
        log.warning(problem)
    if args == ["--check"]:
        return check(settings.model_copy(update={"warmup": True}))
    operator_metrics_dir = os.environ.get(MULTIPROC_ENV)
    metrics_dir = prepare_multiprocess_metrics(os.environ, settings.workers)
    log.info(
        "starting server",
        extra={
            "host": settings.host,
            "port": settings.port,
            "workers": settings.workers,
            "graceful_timeout_s": settings.graceful_timeout_s,
            "metrics_multiprocess_dir": str(metrics_dir) if metrics_dir else None,
        },
    )
    signal.signal(signal.SIGTERM, _exit_cleanly)

    import uvicorn

    try:
        uvicorn.run(
            APP,
            factory=True,
            host=settings.host,
            port=settings.port,
            workers=settings.workers,
            timeout_graceful_shutdown=settings.graceful_timeout_s,
            limit_concurrency=settings.max_connections,
            lifespan="on",
            log_config=None,  # app.logs configures logging (JSON lines) in every process
            log_level=settings.log_level.lower(),
            access_log=False,  # app.api.middleware logs each request with its request id
            server_header=False,
        )
    finally:
        if metrics_dir is not None and not operator_metrics_dir:
            shutil.rmtree(metrics_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
