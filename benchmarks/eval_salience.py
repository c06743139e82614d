"""Entity salience against a reference: the entities named in CNN/DailyMail highlights are the salient ones.

    python -m benchmarks.eval_salience            # every article of ../shared/eval/summaries/cnndm-dev.jsonl
    python -m benchmarks.eval_salience --limit 40

Each article goes through segmentation and the entities stage (the configured NER backend and every rule, as the
service runs them, without HTTP). An entity counts as salient when one of its surface forms (its text, an alias,
or a person's surname) occurs in the article's reference highlights as a whole word. precision@k is the share of
salient entities among the k ranked first (of min(k, entities) when an article has fewer), averaged over the
articles that have at least one entity. The same entities are ranked by every salience variant, and by the two
baselines "most frequent" (mention count, ties: first mentioned) and "first mentioned", in the same run. Skips
with a message when ../shared/eval is absent.
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from app.nlp.ner import build_ner_backend
from app.pipeline.document import BlockKind, Doc, Entity
from app.pipeline.stages.entities import (
    EntityRules,
    build_entities,
    join_for_context,
    load_resources,
    prepare_inputs,
    split_spans,
)
from app.text.entity_grouping import SALIENCE, SALIENCE_V1, SalienceWeights, rank
from app.text.segment import segment
from benchmarks.settings import benchmark_settings

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "eval" / "summaries" / "cnndm-dev.jsonl"

Ranker = Callable[[Sequence[Entity], Mapping[int, BlockKind], int], Sequence[Entity]]

VARIANTS: dict[str, SalienceWeights] = {
    "v1 (stage 1.1)": SALIENCE_V1,
    "v1, NORP x0.5": SalienceWeights(label_factor=(("NORP", 0.5),)),
    "v1, source x0.5": SalienceWeights(source_factor=0.5),
    "v1, NORP x0.5, source x0.5": SalienceWeights(label_factor=(("NORP", 0.5),), source_factor=0.5),
    "NORP x0.5, source x0.5, freq 0.5": SalienceWeights(
        frequency=0.5, position=0.2, headline=0.2, body=0.1, label_factor=(("NORP", 0.5),), source_factor=0.5
    ),
    "NORP x0.5, source x0.5, headline 0.35": SalienceWeights(
        frequency=0.3, position=0.2, headline=0.35, body=0.15, label_factor=(("NORP", 0.5),), source_factor=0.5
    ),
    "NORP x0.5, source x0.5, freq 0.45 head 0.15": SalienceWeights(
        frequency=0.45, position=0.25, headline=0.15, body=0.15, label_factor=(("NORP", 0.5),), source_factor=0.5
    ),
    "NORP x0.5, source x0.5, freq 0.6 pos 0.2": SalienceWeights(
        frequency=0.6, position=0.2, headline=0.1, body=0.1, label_factor=(("NORP", 0.5),), source_factor=0.5
    ),
    "NORP x0.3, source x0.5, freq 0.6 pos 0.2": SalienceWeights(
        frequency=0.6, position=0.2, headline=0.1, body=0.1, label_factor=(("NORP", 0.3),), source_factor=0.5
    ),
    "NORP x0.3, source x0.5, freq 0.5 (default)": SALIENCE,
    "NORP x0.5, PERSON x1.2, source x0.5": SalienceWeights(
        label_factor=(("NORP", 0.5), ("PERSON", 1.2)), source_factor=0.5
    ),
}


def _variant(weights: SalienceWeights) -> Ranker:
    return lambda entities, kinds, length: rank(entities, kinds, length, weights)


def most_frequent(entities: Sequence[Entity], kinds: Mapping[int, BlockKind], length: int) -> Sequence[Entity]:
    return sorted(entities, key=lambda e: (-e.mention_count, min(m.start for m in e.mentions)))


def first_mentioned(entities: Sequence[Entity], kinds: Mapping[int, BlockKind], length: int) -> Sequence[Entity]:
    return sorted(entities, key=lambda e: min(m.start for m in e.mentions))


def salient(entity: Entity, highlights: str) -> bool:
    """True when a surface form of the entity (or a person's surname) occurs in the highlights as a word."""
    forms = {entity.text, *entity.aliases}
    if entity.label == "PERSON":
        forms |= {f.split()[-1] for f in forms if len(f.split()) > 1}
    return any(re.search(r"(?<!\w)" + re.escape(f) + r"(?!\w)", highlights) for f in forms if len(f) >= 2)


def precision_at(ranked: Sequence[Entity], highlights: str, k: int) -> float:
    top = list(ranked[:k])
    return sum(salient(e, highlights) for e in top) / len(top)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    args = parser.parse_args()
    if not DATA.is_file():
        print(f"skipped: {DATA} is not there")
        return
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.limit:
        rows = rows[: args.limit]
    settings = benchmark_settings()
    backend = build_ner_backend(settings)
    backend.load()
    resources = load_resources()
    rules = EntityRules()
    articles: list[tuple[tuple[Entity, ...], dict[int, BlockKind], int, str]] = []
    for row in rows:
        doc = Doc.create(row["article"], doc_id=row["id"])
        seg = segment(doc.text)
        doc.blocks, doc.bylines, doc.credit_spans = seg.blocks, seg.bylines, seg.credits
        inputs = prepare_inputs(doc, resources, rules)
        joined = join_for_context(inputs, settings.ner_context_chars)
        spans = split_spans(joined, backend.predict([j.text for j in joined]), len(inputs))
        entities = build_entities(doc, inputs, spans, resources, rules)
        if entities:
            articles.append((entities, {b.index: b.kind for b in doc.blocks}, len(doc.text), row["highlights"]))
    rankers: dict[str, Ranker] = {
        "baseline: most frequent": most_frequent,
        "baseline: first mentioned": first_mentioned,
    }
    rankers |= {name: _variant(w) for name, w in VARIANTS.items()}
    share = sum(sum(salient(e, h) for e in ents) / len(ents) for ents, _, _, h in articles) / max(1, len(articles))
    print(f"{len(articles)} of {len(rows)} articles with entities ({backend.model}); salient share {share:.3f}")
    print(f"{'ranking':44s} P@3   P@5")
    for name, ranker in rankers.items():
        p3 = p5 = 0.0
        for entities, kinds, length, highlights in articles:
            ranked = ranker(entities, kinds, length)
            p3 += precision_at(ranked, highlights, 3)
            p5 += precision_at(ranked, highlights, 5)
        n = max(1, len(articles))
        print(f"{name:44s} {p3 / n:.3f} {p5 / n:.3f}", flush=True)


if __name__ == "__main__":
    main()
