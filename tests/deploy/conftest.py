"""Facts about the app that the deployment files must agree with."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.main import create_app
from tests.conftest import make_settings
from tests.deploy.dockerfile import Dockerfile, parse

ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.fixture(scope="session")
def app_paths() -> frozenset[str]:
    """Every path the app serves (from its OpenAPI document)."""
    return frozenset(create_app(make_settings()).openapi()["paths"])


@pytest.fixture(scope="session")
def dockerfile() -> Dockerfile:
    return parse(ROOT / "Dockerfile")
