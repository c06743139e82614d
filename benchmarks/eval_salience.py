"""Entity salience against a reference: the entities named in CNN/DailyMail highlights are the salient ones.

    python -m benchmarks.eval_salience            # every article of ../shared/eval/summaries/cnndm-dev.jsonl
    python -m benchmarks.eval_salience --cv       # and the 5-fold cross-validated choice among CV_GRID
    python -m benchmarks.eval_salience --limit 40
    python -m benchmarks.eval_salience --learned  # and a logistic ranker fitted in the folds (nested CV)

Each article goes through segmentation and the entities stage (the configured NER backend and the rules the stage
runs with it, ``EntityRules.for_backend``, as the service runs them, without HTTP; ``--all-rules`` turns every
rule on, which is what this benchmark ran before the third round of 2026-12-06). An entity counts as salient when
one of its surface forms (its text, an alias, or a person's surname) occurs in the article's reference highlights
as a whole word. precision@k is the share of salient entities among the k ranked first (of min(k, entities) when
an article has fewer), averaged over the articles that have at least one entity. The entities are extracted once;
every ranking (the shipped weights, earlier weightings, challengers with one more signal) and the two baselines
"most frequent" (mention count, ties: first mentioned) and "first mentioned" rank the same entities in the same run.

``--cv``: the 150 articles are the only reference, so a weighting picked as the best of many on them flatters
itself. The articles are ordered by sha256 of their id and dealt into 5 folds; for each fold the variant of
``CV_GRID`` with the best mean of P@3 and P@5 on the other four folds (ties: the earlier in the grid) ranks the
held-out fold. The held-out figures (every article scored once, by a choice made without it) are printed beside
the baselines on the same articles. Skips with a message when ../shared/eval is absent.

``--learned``: a logistic regression over declared per-entity features (``LEARNED_FEATURES``: mention count and
share, position, headline, body, lede, news source, mentions in the first sentences, sentence spread, label) fitted
on four folds and ranking the fifth; its regularisation is chosen by an inner CV on the four training folds, so no
held-out article takes part in any choice. A measurement of how much a learned weighting gains, not a shipped ranker.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

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
from app.text.entity_grouping import (
    SALIENCE,
    SALIENCE_V1,
    SalienceFeatures,
    SalienceWeights,
    mention_weight,
    rank,
    salience_features,
)
from app.text.segment import segment
from app.text.sentences import split_sentences
from benchmarks.settings import benchmark_settings

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "eval" / "summaries" / "cnndm-dev.jsonl"
FOLDS = 5
KS = (3, 5)


@dataclass(frozen=True, slots=True)
class Article:
    """One article's entities and what the rankings read besides them."""

    id: str
    entities: tuple[Entity, ...]
    kinds: dict[int, BlockKind]
    length: int
    highlights: str
    lede: tuple[int, int]  # the first sentence of the first body block (empty when there is no body)
    sentences: tuple[tuple[int, int], ...]  # every sentence of every block, in order


Ranker = Callable[[Article], Sequence[Entity]]


def _weights(weights: SalienceWeights) -> Ranker:
    return lambda a: rank(a.entities, a.kinds, a.length, weights)


def _first(entity: Entity) -> int:
    return min(m.start for m in entity.mentions)


def _challenger(weights: SalienceWeights, signal: Callable[[Article, Entity, SalienceFeatures], float]) -> Ranker:
    """``weights`` with a signal of this benchmark's in place of frequency (``signal`` returns it), or added to the
    sum (``signal`` returns the bonus and the frequency unchanged: see ``_lede``)."""

    def ranked(a: Article) -> Sequence[Entity]:
        top = max(mention_weight(e.mentions, a.kinds) for e in a.entities)
        scored = []
        for e in a.entities:
            f = salience_features(e, a.kinds, a.length, top)
            scored.append((weights.score(replace(f, frequency=signal(a, e, f))), e))
        scored.sort(key=lambda pair: (-pair[0], _first(pair[1])))
        return [e for _, e in scored]

    return ranked


def _log_frequency(a: Article, e: Entity, f: SalienceFeatures) -> float:
    top = max(mention_weight(x.mentions, a.kinds) for x in a.entities)
    return math.log1p(mention_weight(e.mentions, a.kinds)) / math.log1p(top)


def _sentence_count(a: Article, e: Entity) -> int:
    return len({next((i for i, (s, t) in enumerate(a.sentences) if s <= m.start < t), -1) for m in e.mentions})


def _spread(a: Article, e: Entity, f: SalienceFeatures) -> float:
    return _sentence_count(a, e) / max(_sentence_count(a, x) for x in a.entities)


LEDE_BONUS = 0.1


def _lede(a: Article, e: Entity, f: SalienceFeatures) -> float:
    # weights.score multiplies the frequency by its weight: the bonus is added in frequency units
    in_lede = any(a.lede[0] <= m.start < a.lede[1] for m in e.mentions)
    return f.frequency + (LEDE_BONUS / LEDE_WEIGHTS.frequency if in_lede else 0.0)


LEDE_WEIGHTS = replace(SALIENCE, frequency=0.45, position=0.15)  # + 0.1 lede: the sum stays 1
_PLACES_X = (("GPE", 0.9), ("LOC", 0.9), ("MISC", 0.9))
_NOT_PERSON_X = (("ORG", 0.8), ("GPE", 0.8), ("LOC", 0.8), ("MISC", 0.8), ("EVENT", 0.8))

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
    "default, GPE/LOC/MISC x0.9": replace(SALIENCE, label_factor=(("NORP", 0.3), *_PLACES_X)),
    "default, all but PERSON x0.8": replace(SALIENCE, label_factor=(("NORP", 0.24), *_NOT_PERSON_X)),
}

CHALLENGERS: dict[str, Ranker] = {
    "default, log frequency": _challenger(SALIENCE, _log_frequency),
    "default, sentence spread for frequency": _challenger(SALIENCE, _spread),
    "default + lede 0.1 (0.45/0.15/0.2/0.1)": _challenger(LEDE_WEIGHTS, _lede),
}

# the declared grid the cross-validation chooses from (in this order: ties go to the earlier, the default first)
CV_GRID = (
    "NORP x0.3, source x0.5, freq 0.5 (default)",
    "NORP x0.3, source x0.5, freq 0.6 pos 0.2",
    "v1 (stage 1.1)",
    "default, log frequency",
    "default, sentence spread for frequency",
    "default + lede 0.1 (0.45/0.15/0.2/0.1)",
    "default, GPE/LOC/MISC x0.9",
    "default, all but PERSON x0.8",
)


def most_frequent(a: Article) -> Sequence[Entity]:
    return sorted(a.entities, key=lambda e: (-e.mention_count, _first(e)))


def first_mentioned(a: Article) -> Sequence[Entity]:
    return sorted(a.entities, key=_first)


BASELINES: dict[str, Ranker] = {"baseline: most frequent": most_frequent, "baseline: first mentioned": first_mentioned}


def salient(entity: Entity, highlights: str) -> bool:
    """True when a surface form of the entity (or a person's surname) occurs in the highlights as a word."""
    forms = {entity.text, *entity.aliases}
    if entity.label == "PERSON":
        forms |= {f.split()[-1] for f in forms if len(f.split()) > 1}
    return any(re.search(r"(?<!\w)" + re.escape(f) + r"(?!\w)", highlights) for f in forms if len(f) >= 2)


def precision_at(ranked: Sequence[Entity], highlights: str, k: int) -> float:
    top = list(ranked[:k])
    return sum(salient(e, highlights) for e in top) / len(top)


def extract(rows: Sequence[Mapping[str, str]], *, all_rules: bool = False) -> tuple[list[Article], str]:
    """Every article with at least one entity, through segmentation and the entities stage; and the model's name."""
    settings = benchmark_settings()
    backend = build_ner_backend(settings)
    backend.load()
    resources = load_resources()
    rules = EntityRules() if all_rules else EntityRules.for_backend(settings.ner_backend)  # as EntitiesStage does
    articles: list[Article] = []
    for row in rows:
        doc = Doc.create(row["article"], doc_id=row["id"])
        seg = segment(doc.text)
        doc.blocks, doc.bylines, doc.credit_spans = seg.blocks, seg.bylines, seg.credits
        inputs = prepare_inputs(doc, resources, rules)
        joined = join_for_context(inputs, settings.ner_context_chars)
        spans = split_spans(joined, backend.predict([j.text for j in joined]), len(inputs))
        entities = build_entities(doc, inputs, spans, resources, rules)
        if not entities:
            continue
        body = next((b for b in doc.blocks if b.kind == "body"), None)
        first = split_sentences(doc.text, body.start, body.end)[:1] if body else []
        lede = (first[0].start, first[0].end) if first else (0, 0)
        sentences = tuple((s.start, s.end) for b in doc.blocks for s in split_sentences(doc.text, b.start, b.end))
        kinds = {b.index: b.kind for b in doc.blocks}
        articles.append(Article(row["id"], entities, kinds, len(doc.text), row["highlights"], lede, sentences))
    return articles, backend.model


def scores(ranker: Ranker, articles: Sequence[Article]) -> list[tuple[float, ...]]:
    """(P@3, P@5) of each article under ``ranker``."""
    out = []
    for a in articles:
        ranked = ranker(a)
        out.append(tuple(precision_at(ranked, a.highlights, k) for k in KS))
    return out


def mean(rows: Sequence[tuple[float, ...]]) -> tuple[float, ...]:
    return tuple(sum(r[i] for r in rows) / max(1, len(rows)) for i in range(len(KS)))


def folds(articles: Sequence[Article]) -> list[int]:
    """The fold of each article: ordered by sha256 of the id, dealt round-robin (fixed, equal-sized folds)."""
    order = sorted(range(len(articles)), key=lambda i: hashlib.sha256(articles[i].id.encode()).hexdigest())
    fold = [0] * len(articles)
    for position, i in enumerate(order):
        fold[i] = position % FOLDS
    return fold


def _row(name: str, p: Sequence[float], note: str = "") -> str:
    return f"{name:44s} " + " ".join(f"{x:.3f}" for x in p) + (f"  {note}" if note else "")


def cross_validate(articles: Sequence[Article], per: Mapping[str, list[tuple[float, ...]]]) -> None:
    """Print, per fold, the variant chosen on the other folds and its held-out figures, then the pooled ones."""
    fold = folds(articles)
    held: list[tuple[float, ...]] = [()] * len(articles)
    print(f"\n{FOLDS}-fold cross-validation over {len(CV_GRID)} variants (choice: best mean of P@3 and P@5 on 4 folds)")
    print(f"{'fold':6s}{'n':>4s}  {'chosen':44s} P@3   P@5   | most frequent | first mentioned")
    for f in range(FOLDS):
        train = [i for i in range(len(articles)) if fold[i] != f]
        test = [i for i in range(len(articles)) if fold[i] == f]
        chosen = max(CV_GRID, key=lambda g: (sum(sum(per[g][i]) for i in train), -CV_GRID.index(g)))
        for i in test:
            held[i] = per[chosen][i]
        figures = [mean([per[name][i] for i in test]) for name in (chosen, *BASELINES)]
        cells = " | ".join(" ".join(f"{x:.3f}" for x in p) for p in figures)
        print(f"{f:<6d}{len(test):>4d}  {chosen:44s} {cells}")
    print(_row("held-out (every article once)", mean(held)))
    for name in BASELINES:
        print(_row(f"{name} (same articles)", mean(per[name])))


LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "MISC", "EVENT")
LEARNED_FEATURES = (
    "log mention count", "mention share", "position", "headline", "body", "lede", "news source", "count rank",
    "one mention", "log mentions in first 3 sentences", "log mentions in first 6 sentences", "first sentence",
    "sentence spread", "log words in name", *(f"label {label}" for label in LABELS),
)  # fmt: skip
C_GRID = (0.01, 0.03, 0.1, 0.3, 1.0)


def _sentence_of(a: Article, pos: int) -> int:
    return next((i for i, (s, t) in enumerate(a.sentences) if s <= pos < t), len(a.sentences))


def learned_features(a: Article) -> list[list[float]]:
    """One row of ``LEARNED_FEATURES`` per entity of ``a``."""
    top = max(mention_weight(e.mentions, a.kinds) for e in a.entities)
    counts = sorted((e.mention_count for e in a.entities), reverse=True)
    rows = []
    for e in a.entities:
        f = salience_features(e, a.kinds, a.length, top)
        sentences = [_sentence_of(a, m.start) for m in e.mentions]
        in_lede = any(a.lede[0] <= m.start < a.lede[1] for m in e.mentions)
        rows.append(
            [
                math.log1p(e.mention_count), f.frequency, f.position, f.headline, f.body, float(in_lede),
                float(f.source), 1.0 / (1 + counts.index(e.mention_count)), float(e.mention_count == 1),
                math.log1p(sum(1 for k in sentences if k < 3)), math.log1p(sum(1 for k in sentences if k < 6)),
                1.0 / (1 + min(sentences)), len(set(sentences)) / max(1, len(a.sentences)),
                math.log1p(len(e.text.split())), *(float(e.label == label) for label in LABELS),
            ]
        )  # fmt: skip
    return rows


def learned_cv(articles: Sequence[Article]) -> None:
    """Held-out P@3 and P@5 of the logistic ranker, each fold ranked by a model fitted on the other four with the
    regularisation the inner CV (over those four) chose."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    features = [np.array(learned_features(a)) for a in articles]
    labels = [np.array([salient(e, a.highlights) for e in a.entities], dtype=float) for a in articles]
    fold = folds(articles)

    def fit(idx: Sequence[int], c: float) -> Any:
        x = np.vstack([features[i] for i in idx])
        y = np.concatenate([labels[i] for i in idx])
        return LogisticRegression(C=c, max_iter=3000).fit(x, y)

    def scored(model: Any, i: int) -> tuple[float, ...]:
        score = model.decision_function(features[i])
        order = sorted(range(len(articles[i].entities)), key=lambda j: (-score[j], _first(articles[i].entities[j])))
        ranked = [articles[i].entities[j] for j in order]
        return tuple(precision_at(ranked, articles[i].highlights, k) for k in KS)

    held: list[tuple[float, ...]] = [()] * len(articles)
    print(f"\nlogistic ranker ({len(LEARNED_FEATURES)} features), nested {FOLDS}-fold CV, C from {C_GRID}")
    for f in range(FOLDS):
        train = [i for i in range(len(articles)) if fold[i] != f]

        def inner(c: float, train: list[int] = train, f: int = f) -> float:
            total = 0.0
            for g in range(FOLDS):
                if g == f:
                    continue
                model = fit([i for i in train if fold[i] != g], c)
                total += sum(sum(scored(model, i)) for i in train if fold[i] == g)
            return total

        c = max(C_GRID, key=lambda c: (inner(c), -C_GRID.index(c)))
        model = fit(train, c)
        test = [i for i in range(len(articles)) if fold[i] == f]
        for i in test:
            held[i] = scored(model, i)
        print(f"fold {f}  C {c:<5}  " + " ".join(f"{x:.3f}" for x in mean([held[i] for i in test])))
    print(_row("held-out (every article once)", mean(held)))
    for name, ranker in BASELINES.items():
        print(_row(f"{name} (same articles)", mean(scores(ranker, articles))))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    parser.add_argument("--cv", action="store_true", help="also the 5-fold cross-validated choice among CV_GRID")
    parser.add_argument("--all-rules", action="store_true", help="every entity rule on (not the backend's own)")
    parser.add_argument("--learned", action="store_true", help="also a logistic ranker, nested cross-validation")
    args = parser.parse_args()
    if not DATA.is_file():
        print(f"skipped: {DATA} is not there")
        return
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.limit:
        rows = rows[: args.limit]
    articles, model = extract(rows, all_rules=args.all_rules)
    rankers: dict[str, Ranker] = dict(BASELINES)
    rankers |= {name: _weights(w) for name, w in VARIANTS.items()}
    rankers |= CHALLENGERS
    share = sum(sum(salient(e, a.highlights) for e in a.entities) / len(a.entities) for a in articles)
    print(f"{len(articles)} of {len(rows)} articles with entities ({model}); salient share {share / len(articles):.3f}")
    print(f"{'ranking (in-sample)':44s} P@3   P@5")
    per = {name: scores(ranker, articles) for name, ranker in rankers.items()}
    for name in rankers:
        print(_row(name, mean(per[name]), "(CV grid)" if name in CV_GRID else ""), flush=True)
    if args.cv:
        cross_validate(articles, per)
    if args.learned:
        learned_cv(articles)


if __name__ == "__main__":
    main()
