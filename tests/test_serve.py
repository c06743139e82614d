"""The server launcher (python -m app.serve): baked model directories, multiprocess metrics."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from prometheus_client.parser import text_string_to_metric_families

from app.serve import MULTIPROC_ENV, baked_model_defaults, prepare_multiprocess_metrics
from app.settings import Settings
from tests.server_process import REPO_ROOT


def hf_model_dir(path: Path) -> Path:
    path.mkdir(parents=True)
    (path / "config.json").write_text("{}", encoding="utf-8")
    return path


def test_baked_model_directories_become_the_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ner = hf_model_dir(tmp_path / "ner")
    summary = hf_model_dir(tmp_path / "summary")
    (tmp_path / "embedding").mkdir()  # no config.json: not a model directory
    defaults = baked_model_defaults({}, tmp_path)
    assert defaults == {
        "ENRICH_NER_MODEL_DIR": str(ner),
        "ENRICH_NER_BACKEND": "transformers",
        "ENRICH_SUMMARY_MODEL_DIR": str(summary),
    }
    for key in [k for k in os.environ if k.startswith("ENRICH_")]:
        monkeypatch.delenv(key)
    for key, value in defaults.items():
        monkeypatch.setenv(key, value)
    settings = Settings()
    assert settings.ner_backend == "transformers" and settings.ner_model_dir == ner
    assert settings.summary_model_dir == summary


def test_operator_settings_win_over_baked_models(tmp_path: Path) -> None:
    hf_model_dir(tmp_path / "ner")
    hf_model_dir(tmp_path / "summary")
    assert baked_model_defaults({"enrich_ner_model_dir": "/mnt/ner", "ENRICH_SUMMARY_MODEL_DIR": "/x"}, tmp_path) == {}
    # a baked NER model with the backend chosen explicitly: the directory is filled in, the choice kept
    assert baked_model_defaults({"ENRICH_NER_BACKEND": "spacy"}, tmp_path) == {
        "ENRICH_NER_MODEL_DIR": str(tmp_path / "ner"),
        "ENRICH_SUMMARY_MODEL_DIR": str(tmp_path / "summary"),
    }
    assert baked_model_defaults({}, tmp_path / "absent") == {}


def test_multiprocess_metrics_are_on_only_for_several_workers(tmp_path: Path) -> None:
    env: dict[str, str] = {}
    assert prepare_multiprocess_metrics(env, workers=1) is None
    assert env == {}
    directory = tmp_path / "metrics"
    directory.mkdir()
    (directory / "counter_123.db").write_bytes(b"left over from the last run")
    env = {MULTIPROC_ENV: str(directory)}
    assert prepare_multiprocess_metrics(env, workers=1) == directory  # the operator asked for it
    assert list(directory.iterdir()) == []
    env = {}
    chosen = prepare_multiprocess_metrics(env, workers=3)
    assert chosen is not None and chosen.is_dir() and env[MULTIPROC_ENV] == str(chosen)
    chosen.rmdir()


COUNT_ONE_REQUEST = """
from app.metrics import HTTP_REQUESTS
HTTP_REQUESTS.labels(method="POST", route="/v1/enrich", status="200").inc()
"""
RENDER = """
import sys
from app.api.metrics import render_metrics
sys.stdout.write(render_metrics().decode())
"""


def test_metrics_of_several_worker_processes_are_added_up(tmp_path: Path) -> None:
    env = {**os.environ, MULTIPROC_ENV: str(tmp_path)}
    for _ in range(2):  # two workers, one request each
        subprocess.run([sys.executable, "-c", COUNT_ONE_REQUEST], env=env, cwd=REPO_ROOT, check=True, timeout=60)
    scraped = subprocess.run(
        [sys.executable, "-c", RENDER], env=env, cwd=REPO_ROOT, check=True, timeout=60, capture_output=True, text=True
    ).stdout
    samples = {
        (s.name, s.labels.get("status")): s.value
        for family in text_string_to_metric_families(scraped)
        for s in family.samples
    }
    assert samples[("enrich_http_requests_total", "200")] == 2


def test_an_enrich_variable_no_setting_reads_is_named_at_start_up() -> None:
    from app.settings import unknown_settings

    env = {
        "ENRICH_QUEUE_WAIT_DOCS": "0.5",  # removed when the queue became bounded in time
        "ENRICH_MAX_QEUE_WAIT_MS": "2000",  # a typo
        "ENRICH_MAX_QUEUE_WAIT_MS": "2000",
        "WEB_CONCURRENCY": "2",
        "ENRICH_WORKERS": "2",
        "HOME": "/root",
    }
    problems = unknown_settings(env)
    assert len(problems) == 2
    assert problems[0].startswith("ENRICH_MAX_QEUE_WAIT_MS is ignored: not a setting")
    assert problems[1].startswith("ENRICH_QUEUE_WAIT_DOCS is ignored") and "ENRICH_MAX_QUEUE_WAIT_MS" in problems[1]


def test_the_launcher_logs_the_variables_it_ignores(tmp_path: Path) -> None:
    # a real launcher process whose --check fails fast (no such model directory) after the settings are read
    env = {**os.environ, "ENRICH_QUEUE_WAIT_DOCS": "0.5", "ENRICH_LOG_JSON": "false", "HF_HUB_OFFLINE": "1"}
    env["ENRICH_NER_BACKEND"] = "spacy"
    env["ENRICH_EMBEDDING_MODEL_DIR"] = str(hf_model_dir(tmp_path / "not-a-model"))
    proc = subprocess.run(
        [sys.executable, "-m", "app.serve", "--check"],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert "ENRICH_QUEUE_WAIT_DOCS is ignored" in proc.stderr + proc.stdout
    assert "ENRICH_MAX_QUEUE_WAIT_MS" in proc.stderr + proc.stdout
