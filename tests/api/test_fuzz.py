"""schemathesis against the committed openapi/openapi.json: no 5xx, and every response conforms to it."""

from __future__ import annotations

import time
from typing import Any, cast

import hypothesis
import schemathesis
from schemathesis.python import asgi

from app.main import create_app
from app.openapi_gen import OPENAPI_PATH
from tests.api import schemathesis_hooks
from tests.conftest import make_settings

APP = create_app(make_settings())
SCHEMA = schemathesis.openapi.from_path(OPENAPI_PATH)
SCHEMA.app = APP


def wait_until_ready() -> None:
    """schemathesis starts the app's lifespan for each operation (and ends it after); wait for its models."""
    with asgi.get_client(cast(Any, APP)) as client:
        deadline = time.monotonic() + 120
        while client.get("/readyz").status_code != 200:
            assert time.monotonic() < deadline, "the app did not become ready"
            time.sleep(0.05)


@SCHEMA.parametrize()
@hypothesis.settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(hypothesis.HealthCheck),
)
def test_api_conforms_to_its_openapi_document(case: Any) -> None:
    wait_until_ready()
    schemathesis_hooks.map_case(None, case)  # also for the explicit examples, which bypass generation hooks
    case.call_and_validate()
