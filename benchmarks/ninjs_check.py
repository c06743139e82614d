"""Every article of ../shared/eval/captions/dev.jsonl as a ninjs 3.1 item, validated against the official schema.

    python -m benchmarks.ninjs_check            # captions/dev.jsonl
    python -m benchmarks.ninjs_check --intl     # captions/dev-intl.jsonl too

Runs the service in-process (all stages, the default models) and exits 1 when any item is invalid; skips with a
message when the eval data is absent.
"""

from __future__ import annotations

import argparse
import asyncio
import json
from pathlib import Path

import jsonschema

from app.formats.ninjs import schema, to_ninjs
from app.service import EnrichmentService
from app.settings import Settings

EVAL = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "captions"


async def check(files: list[Path]) -> int:
    validator = jsonschema.Draft202012Validator(schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    service = EnrichmentService(Settings.model_validate({"log_json": False, "max_queue_wait_ms": 10**6}))
    await service.load()
    checked = invalid = pictures = subjects = 0
    try:
        for path in files:
            for line in path.read_text(encoding="utf-8").splitlines():
                record = json.loads(line)
                doc = await service.enrich(record["text"], doc_id=record["id"])
                item = to_ninjs(doc)
                errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(item)]
                checked += 1
                pictures += len(item.get("associations", []))
                subjects += len(item.get("subjects", []))
                if errors:
                    invalid += 1
                    print(f"INVALID {record['id']}: {errors[:3]}")
    finally:
        await service.close()
    print(f"{checked} items, {invalid} invalid; {pictures} pictures, {subjects} subjects")
    return 1 if invalid else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--intl", action="store_true", help="also captions/dev-intl.jsonl")
    args = parser.parse_args()
    if not EVAL.is_dir():
        print(f"skipped: {EVAL} is absent (the eval data is not part of the repository)")
        return 0
    files = [EVAL / "dev.jsonl", *([EVAL / "dev-intl.jsonl"] if args.intl else [])]
    return asyncio.run(check(files))


if __name__ == "__main__":
    raise SystemExit(main())
