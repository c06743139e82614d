"""schemathesis hooks for this API (loaded by the in-process test and, via SCHEMATHESIS_HOOKS, by the CLI run).

One rule of the contract cannot be written in OpenAPI: the query parameters ``id`` and ``stages`` of POST
/v1/enrich fill the JSON body's fields, and a request where both set different values is refused with 422
(which one was meant is unclear). Generated cases that set both lose the query parameter, so that a
schema-valid case is a valid request.
"""

from __future__ import annotations

from typing import Any

import schemathesis

QUERY_FILLS_BODY = ("id", "stages")


@schemathesis.hook
def map_case(context: Any, case: Any) -> Any:
    if case.operation.path != "/v1/enrich" or not case.query or not isinstance(case.body, dict):
        return case
    for name in QUERY_FILLS_BODY:
        if case.query.get(name) is not None and case.body.get(name) is not None:
            del case.query[name]
    return case
