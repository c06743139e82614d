"""Golden files for segmentation: hand-written articles (``articles/*.txt``, written for these tests, in several
languages and credit styles) and the segment JSON the service gives for them (``expected/*.json``).

    python -m tests.golden.regen      # (or `make golden`) rewrite expected/ from the current code

Review the diff of ``expected/`` like code: it shows every block whose kind, reason or credit changed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from app.text.credits import parse_credit
from app.text.segment import segment

HERE = Path(__file__).resolve().parent
ARTICLES = HERE / "articles"
EXPECTED = HERE / "expected"


def read_article(path: Path) -> str:
    with path.open(encoding="utf-8", newline="") as fh:
        return fh.read()


def golden(text: str) -> dict[str, Any]:
    """What the golden file records of a segmentation: every block, and what was found in them."""
    seg = segment(text)
    return {
        "title": seg.title.text if seg.title else None,
        "bylines": [b.name for b in seg.bylines],
        "blocks": [
            {"kind": b.kind, "start": b.start, "end": b.end, "text": b.text, "rules": list(b.rules)} for b in seg.blocks
        ],
        "captions": [{"text": c.text, "credit_index": c.credit_index} for c in seg.captions],
        "image_credits": [
            {
                "raw": c.raw,
                "creators": list(p.creators),
                "source": p.source,
                "credit_line": p.credit_line,
                "caption_index": c.caption_index,
            }
            for c, p in ((c, parse_credit(c.raw)) for c in seg.credits)
        ],
    }


def render(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def main() -> int:
    EXPECTED.mkdir(exist_ok=True)
    for path in sorted(ARTICLES.glob("*.txt")):
        out = EXPECTED / (path.stem + ".json")
        out.write_text(render(golden(read_article(path))), encoding="utf-8")
        print(f"wrote {out.relative_to(HERE.parent.parent)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
