"""Write the client's response models (src/article_enrichment_client/models.py) from openapi/openapi.json.

    python clients/python/generate_models.py          # rewrite models.py
    python clients/python/generate_models.py --check  # exit 1 when models.py is stale (tests run this check)

The client does not import the service (it would pull torch and the models in); its models are generated from
the published OpenAPI document instead, so that they cannot drift from what the server sends. Models are lenient
(``extra="allow"``): a 1.x server may add fields, and an older client keeps working.
"""

from __future__ import annotations

import argparse
import json
import keyword
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
OPENAPI = HERE.parent.parent / "openapi" / "openapi.json"
TARGET = HERE / "src" / "article_enrichment_client" / "models.py"
# the response bodies a caller reads; everything they reference is generated too
ROOTS = ("EnrichedDocument", "BatchResponse", "InfoPublic", "ProblemDetails")
RESERVED = {"schema", "json", "dict", "copy", "validate", "construct", "fields"}
HEADER = '''"""Response models of the article-enrichment API, generated from openapi/openapi.json.

Do not edit: run ``python clients/python/generate_models.py`` after the API changes (a test fails when stale).
"""

from __future__ import annotations

from typing import {typing}

from pydantic import BaseModel, ConfigDict, Field


class _Model(BaseModel):
    # a 1.x server may add fields: keep them (model_extra) instead of failing
    model_config = ConfigDict(extra="allow", populate_by_name=True)
'''


def _ref_name(ref: str) -> str:
    return ref.rsplit("/", 1)[-1]


def annotation(schema: dict[str, Any]) -> str:
    """The Python type of a JSON Schema fragment (the subset the service's OpenAPI document uses)."""
    if "$ref" in schema:
        return _ref_name(schema["$ref"])
    if "anyOf" in schema:
        return " | ".join(annotation(option) for option in schema["anyOf"]) if schema["anyOf"] else "Any"
    if "const" in schema:
        return f"Literal[{json.dumps(schema['const'])}]"
    if "enum" in schema:
        return "Literal[" + ", ".join(json.dumps(v) for v in schema["enum"]) + "]"
    kind = schema.get("type")
    if kind == "array":
        return f"list[{annotation(schema.get('items', {}))}]"
    simple = {"string": "str", "integer": "int", "number": "float", "boolean": "bool", "null": "None"}
    if kind in simple:
        return simple[kind]
    if kind == "object":
        return "dict[str, Any]"
    return "Any"


def _refs(schema: Any) -> set[str]:
    if isinstance(schema, dict):
        found = {_ref_name(schema["$ref"])} if "$ref" in schema else set()
        for value in schema.values():
            found |= _refs(value)
        return found
    if isinstance(schema, list):
        return set().union(*(_refs(v) for v in schema)) if schema else set()
    return set()


def ordered(components: dict[str, Any]) -> list[str]:
    """The models reachable from ROOTS, each after the models it references."""
    out: list[str] = []

    def visit(name: str) -> None:
        if name in out:
            return
        for dep in sorted(_refs(components[name]) - {name}):
            visit(dep)
        out.append(name)

    for root in ROOTS:
        visit(root)
    return out


def model_source(name: str, schema: dict[str, Any]) -> str:
    lines = [f"class {name}(_Model):"]
    if schema.get("description"):
        lines.append(f"    {json.dumps(schema['description'].splitlines()[0])}")
    required = set(schema.get("required", []))
    for field, prop in schema.get("properties", {}).items():
        attr = f"{field}_" if field in RESERVED or keyword.iskeyword(field) else field
        kwargs = []
        if field not in required:
            if "default" in prop:
                kwargs.append(f"default={prop['default']!r}")
            elif prop.get("type") == "array":
                kwargs.append("default_factory=list")
            elif "$ref" in prop:
                kwargs.append(f"default_factory={_ref_name(prop['$ref'])}")
            else:
                kwargs.append("default=None")
        if attr != field:
            kwargs.append(f"alias={field!r}")
        value = f" = Field({', '.join(kwargs)})" if kwargs else ""
        lines.append(f"    {attr}: {annotation(prop)}{value}")
    return "\n".join(lines)


def render(openapi: dict[str, Any]) -> str:
    components = openapi["components"]["schemas"]
    body = "\n\n\n".join(model_source(name, components[name]) for name in ordered(components))
    typing = "Any, Literal" if "Any" in body else "Literal"
    return f"{HEADER.replace('{typing}', typing)}\n\n{body}\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="only check that models.py is current")
    args = parser.parse_args()
    source = render(json.loads(OPENAPI.read_text(encoding="utf-8")))
    if args.check:
        if TARGET.read_text(encoding="utf-8") != source:
            print(f"{TARGET} is stale: run python {Path(__file__).name}", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(source, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
