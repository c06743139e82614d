"""Writes the OpenAPI document of the app (``make openapi``); a test fails when openapi/ is stale."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

OPENAPI_PATH = Path(__file__).resolve().parent.parent / "openapi" / "openapi.json"


def render() -> str:
    """The OpenAPI document of an app with default settings, as committed in openapi/openapi.json."""
    from app.main import create_app
    from app.settings import Settings

    spec: dict[str, Any] = create_app(Settings()).openapi()
    return json.dumps(spec, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def main() -> int:
    OPENAPI_PATH.parent.mkdir(parents=True, exist_ok=True)
    OPENAPI_PATH.write_text(render(), encoding="utf-8")
    sys.stdout.write(f"wrote {OPENAPI_PATH}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
