"""Offline comparison of extractive summary variants on CNN/DailyMail dev (research tool, not the service path).

    python -m benchmarks.summary_variants                 # every variant
    python -m benchmarks.summary_variants --only default lead3-filtered

Each article is prepared as the service prepares it: segmented with ``app.text.segment``, then
``summary_input`` (sentence splitting, caption/fragment filters). Each sentence is embedded once with the packaged
MiniLM (cached in benchmarks/out/, which git ignores). Every variant is scored with ROUGE exactly as
``../shared/eval/score_summary.py`` scores (rouge-score, stemmed F1), with that scorer's Lead-3 in the same run.
The service's own numbers come from ``python -m benchmarks.eval_summary``.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import pickle
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import numpy.typing as npt

from app.nlp.embeddings import SentenceEmbedder, Vector, default_embedding_model
from app.nlp.extractive import Candidate, ExtractiveConfig, Matrix, select
from app.pipeline.document import Doc
from app.pipeline.stages.summary import DEFAULT_CONFIG, summary_input
from app.text.segment import segment
from app.text.sentences import split_sentences

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
OUT = ROOT / "benchmarks" / "out"
METRICS = ("rouge1", "rouge2", "rougeL", "rougeLsum")
FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Article:
    """One article as the summary stage sees it."""

    all_sentences: list[str]  # every sentence of the body, no filter
    candidates: list[str]  # what summary_input keeps


Picker = Callable[[Article, dict[str, Vector]], list[str]]


@dataclass(frozen=True)
class Variant:
    name: str
    note: str
    pick: Picker


def prepare(doc_id: str, article: str) -> Article:
    doc = Doc.create(article, doc_id=doc_id)
    doc.blocks = segment(doc.text).blocks
    body = [s.text for b in doc.blocks_of("body") for s in split_sentences(doc.text, b.start, b.end)]
    return Article(body, [s.text for s in summary_input(doc).sentences])


def load_scorer() -> ModuleType:
    """The shared scorer as a module (for its Lead-3)."""
    spec = importlib.util.spec_from_file_location("score_summary", EVAL / "score_summary.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot import {EVAL / 'score_summary.py'}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def lead(k: int, *, filtered: bool = True, min_words: int = 0, no_quotes: bool = False) -> Picker:
    quote = re.compile(r"^[‘'\"“]|:\s*[‘'\"“]")

    def pick(article: Article, _: dict[str, Vector]) -> list[str]:
        pool = article.candidates if filtered else article.all_sentences
        keep = [t for t in pool if len(t.split()) >= min_words and not (no_quotes and quote.search(t))]
        return keep[:k]

    return pick


def directed_centrality(embeddings: Matrix, *, backward_weight: float, edge_threshold: float) -> FloatArray:
    """PacSum-style position-aware centrality (Zheng and Lapata, 2019): what a sentence shares with the sentences
    after it minus ``backward_weight`` times what it shares with those before it, counting only similarities
    above min + edge_threshold * (max - min) of the article; scaled to at most 1."""
    n = embeddings.shape[0]
    if n < 2:
        return np.ones(n)
    sim = (embeddings @ embeddings.T).astype(np.float64)
    off = ~np.eye(n, dtype=bool)
    low, high = float(sim[off].min()), float(sim[off].max())
    edges = np.where(off, np.maximum(sim - (low + edge_threshold * (high - low)), 0.0), 0.0)
    raw: FloatArray = np.triu(edges, k=1).sum(axis=1) - backward_weight * np.tril(edges, k=-1).sum(axis=1)
    scale = float(np.abs(raw).max())
    return raw / scale if scale > 0 else raw


def embedded(
    config: ExtractiveConfig,
    *,
    k: int = 3,
    max_chars: int | None = None,
    directed: tuple[float, float] | None = None,
) -> Picker:
    def pick(article: Article, vectors: dict[str, Vector]) -> list[str]:
        cands = article.candidates
        if not cands:
            return []
        matrix = np.stack([vectors[t] for t in cands])
        meta = [Candidate(i, len(t.split()), len(t)) for i, t in enumerate(cands)]
        scores = None
        if directed is not None:
            centrality = directed_centrality(matrix, backward_weight=directed[0], edge_threshold=directed[1])
            prior = 1.0 / (1.0 + np.arange(len(cands), dtype=np.float64)) ** config.position_decay
            scores = config.centrality_weight * centrality + config.position_weight * prior
        chosen = select(matrix, meta, max_sentences=k, max_chars=max_chars, config=config, scores=scores)
        return [cands[i] for i in chosen]

    return pick


BASE = ExtractiveConfig(position_weight=1.0, redundancy_weight=0.5, min_words=6)
VARIANTS: list[Variant] = [
    Variant("lead3-split", "first 3 sentences of our splitter, nothing filtered", lead(3, filtered=False)),
    Variant("lead3-filtered", "first 3 candidates (captions, fragments, credits left out)", lead(3)),
    Variant("lead3-filtered-min6", "first 3 candidates of >= 6 words", lead(3, min_words=6)),
    Variant("lead3-filtered-min10", "first 3 candidates of >= 10 words", lead(3, min_words=10)),
    Variant("lead3-min6-noquote", "... and no quotation", lead(3, min_words=6, no_quotes=True)),
    Variant("lead2-filtered-min6", "first 2 candidates", lead(2, min_words=6)),
    Variant("lead4-filtered-min6", "first 4 candidates", lead(4, min_words=6)),
    Variant("centroid", "centrality only", embedded(replace(BASE, position_weight=0.0, redundancy_weight=0.0))),
    Variant("centroid+prior", "centrality + 1/(1+k)", embedded(replace(BASE, redundancy_weight=0.0))),
    Variant("centroid+prior+mmr", "centrality + 1/(1+k) + MMR 0.5", embedded(BASE)),
    Variant("default", "the stage's DEFAULT_CONFIG", embedded(DEFAULT_CONFIG)),
]
for _pw in (1.0, 2.0, 3.0, 4.0, 8.0):
    for _decay in (1.0, 2.0):
        for _red in (0.0, 0.5, 1.0):
            VARIANTS.append(
                Variant(
                    f"grid-pw{_pw:g}-d{_decay:g}-r{_red:g}",
                    "centrality + pw/(1+k)^d + MMR r",
                    embedded(replace(BASE, position_weight=_pw, position_decay=_decay, redundancy_weight=_red)),
                )
            )
for _bw in (0.0, 1.0, 2.0):
    for _thr in (0.3, 0.6):
        for _pw in (0.0, 1.0, 2.0):
            VARIANTS.append(
                Variant(
                    f"pacsum-bw{_bw:g}-t{_thr:g}-pw{_pw:g}",
                    "directed centrality + pw/(1+k) + MMR 0.5",
                    embedded(replace(BASE, position_weight=_pw), directed=(_bw, _thr)),
                )
            )
for _chars in (400, 450, 500, 600):
    VARIANTS.append(
        Variant(f"default-chars{_chars}", "default with a character budget", embedded(DEFAULT_CONFIG, max_chars=_chars))
    )


def embed_all(articles: list[Article]) -> dict[str, Vector]:
    OUT.mkdir(parents=True, exist_ok=True)
    cache_path = OUT / "embedding_cache.pkl"
    cache: dict[str, Vector] = {}
    if cache_path.is_file():
        cache = pickle.loads(cache_path.read_bytes())
    todo = sorted({t for a in articles for t in a.candidates} - cache.keys())
    if todo:
        model_dir, name = default_embedding_model()
        embedder = SentenceEmbedder(model_dir, name=name)
        embedder.load()
        for i in range(0, len(todo), 64):
            chunk = todo[i : i + 64]
            cache.update(zip(chunk, embedder.embed(chunk), strict=True))
        cache_path.write_bytes(pickle.dumps(cache))
    return cache


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", nargs="*", help="variant names to run (default: all)")
    parser.add_argument("--json", action="store_true", help="one JSON object instead of the table")
    args = parser.parse_args(argv)
    gold_path = EVAL / "summaries" / "cnndm-dev.jsonl"
    if not gold_path.is_file():
        print(f"skipped: {gold_path} not found (the shared evaluation data is not available here)")
        return 0
    from rouge_score import rouge_scorer

    scorer_module = load_scorer()
    gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    articles = [prepare(g["id"], g["article"]) for g in gold]
    vectors = embed_all(articles)
    rouge = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)

    def score(sents: list[str], ref: str) -> dict[str, float]:
        if not sents:
            return dict.fromkeys(METRICS, 0.0)
        res = rouge.score(ref, "\n".join(sents))
        return {m: res[m].fmeasure for m in METRICS}

    base = dict.fromkeys(METRICS, 0.0)
    for g in gold:
        for m, v in score(scorer_module.lead3(g["article"]), g["highlights"]).items():
            base[m] += v / len(gold)
    rows: list[dict[str, Any]] = []
    for variant in VARIANTS:
        if args.only and variant.name not in args.only:
            continue
        ours = dict.fromkeys(METRICS, 0.0)
        words = 0
        for g, article in zip(gold, articles, strict=True):
            picked = variant.pick(article, vectors)
            words += sum(len(s.split()) for s in picked)
            for m, v in score(picked, g["highlights"]).items():
                ours[m] += v / len(gold)
        rows.append({"variant": variant.name, "note": variant.note, "ours": ours, "words": words / len(gold)})
    if args.json:
        print(json.dumps({"lead3": base, "variants": rows}))
        return 0
    print(f"{len(gold)} articles; ROUGE F1 x100; Lead-3: " + " ".join(f"{m} {100 * base[m]:.2f}" for m in METRICS))
    header = ["R1", "R2", "RL", "RLsum", "R1/L3", "R2/L3", "RL/L3", "words"]
    print(f"{'variant':<28} " + " ".join(f"{h:>6}" for h in header))
    for row in rows:
        o = row["ours"]
        cells = [f"{100 * o[m]:6.2f}" for m in METRICS] + [f"{o[m] / base[m]:6.3f}" for m in METRICS[:3]]
        print(f"{row['variant']:<28} " + " ".join(cells) + f" {row['words']:6.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
