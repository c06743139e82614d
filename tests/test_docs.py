"""Documentation generated from the code stays in step with it."""

from __future__ import annotations

import tomllib
from pathlib import Path

from app import __version__
from app.config_doc import README_PATH, updated_readme
from app.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


def test_readme_configuration_table_matches_the_settings() -> None:
    readme = README_PATH.read_text(encoding="utf-8")
    assert readme == updated_readme(readme), "README configuration table is stale: run `make docs`"
    for name in Settings.model_fields:
        assert f"`ENRICH_{name.upper()}`" in readme


def test_package_version_matches_pyproject() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["version"] == __version__


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    readme = README_PATH.read_text(encoding="utf-8")
    assert "make test" in ci.splitlines()[-1]
    assert "```sh\nmake test\n```" in readme
