"""The captions corpora of ../shared/eval as training and scoring material for segmentation (never copied).

``load_articles`` reads ``captions/dev.jsonl`` and ``captions/dev-intl.jsonl`` (when present) into ``Article``
records with their publisher (the middle part of the id, used only to group articles for leave-publisher-out
folds, never as a feature) and language. ``gold_kinds`` labels each block of the segmenter's split with the kind
the gold implies, using the scorer's own normalisation and matching (imported from the scorer, not copied).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
EVAL = ROOT.parent / "shared" / "eval"
CORPORA = {"dev": EVAL / "captions" / "dev.jsonl", "intl": EVAL / "captions" / "dev-intl.jsonl"}
SCORER = EVAL / "score_segmentation.py"


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    corpus: str
    publisher: str
    language: str
    text: str
    gold: dict[str, Any]


def available() -> bool:
    """True when the evaluation data is beside the repository."""
    return SCORER.is_file() and all(p.is_file() for p in CORPORA.values())


@lru_cache(maxsize=1)
def scorer() -> ModuleType:
    """The evaluation scorer as a module (its normalisation and matching functions)."""
    spec = importlib.util.spec_from_file_location("score_segmentation", SCORER)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_articles(corpora: tuple[str, ...] = ("dev", "intl")) -> list[Article]:
    out: list[Article] = []
    for name in corpora:
        with CORPORA[name].open(encoding="utf-8", newline="") as fh:
            for line in fh:
                if not line.strip():
                    continue
                rec = json.loads(line)
                lang = str(rec.get("meta", {}).get("html_lang") or ("en" if name == "dev" else "und"))[:2].lower()
                out.append(Article(rec["id"], name, rec["id"].split("/")[1], lang, rec["text"], rec["gold"]))
    return out


def publisher_fold(publisher: str, folds: int) -> int:
    """A stable fold number for a publisher (sha256 of its name), so folds never split a publisher."""
    return int(hashlib.sha256(publisher.encode("utf-8")).hexdigest(), 16) % folds
