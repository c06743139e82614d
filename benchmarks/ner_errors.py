"""Error analysis of a CoNLL-2003 PRED file: where the typed F1 is lost (``eval_ner --errors``).

Reads the gold with ``../shared/eval/score_ner.py`` (imported, not copied) and compares it with the predictions:

- a confusion matrix of gold type x predicted type over spans predicted exactly (``-`` = no prediction there);
- gold spans with no exact prediction, split into *boundary* errors (a prediction overlaps) and *missed*;
- predicted spans with no exact gold span, split into *boundary* errors and *spurious* (nothing overlaps);
- the most frequent surface forms of each kind of error.

The names printed are read from the eval data at run time and printed to the terminal only; nothing is written
into the repository.
"""

from __future__ import annotations

import importlib.util
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

TYPES = ("PER", "ORG", "LOC", "MISC")


def _scorer(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_ner", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def top_names_by_type(kind: str, errors: Counter[tuple[str, str]], top: int) -> list[str]:
    """Report lines: for each type, how many ``kind`` errors and its ``top`` most frequent names."""
    lines = []
    for t in TYPES:
        names = Counter({name: n for (typ, name), n in errors.items() if typ == t})
        lines.append(f"\ntop {kind} {t} ({sum(names.values())}):")
        lines.append("  " + "; ".join(f"{name} {n}" for name, n in names.most_common(top)))
    return lines


def analyse(conll: Path, scorer_path: Path, pred: Path, *, top: int = 25) -> str:
    """The report (a multi-line string) for one PRED file."""
    scorer = _scorer(scorer_path)
    docs: list[Any] = scorer.read_conll(str(conll))
    preds: dict[str, list[tuple[int, int, str]]] = scorer.read_pred(str(pred))
    label_map: dict[str, str] = scorer.LABEL_MAP
    confusion: Counter[tuple[str, str]] = Counter()
    wrong_type: Counter[tuple[str, str, str]] = Counter()
    missed: Counter[tuple[str, str]] = Counter()
    gold_boundary: Counter[tuple[str, str, str]] = Counter()
    spurious: Counter[tuple[str, str]] = Counter()
    counts: Counter[str] = Counter()
    for d in docs:
        words = d.text

        def surface(s: int, e: int, d: Any = d, words: str = words) -> str:
            return str(words[d.tok_start[s] : d.tok_end[e - 1]])

        gold = {(s, e): t for s, e, t in d.gold}
        predicted: dict[tuple[int, int], str] = {}
        misaligned: list[tuple[int, int, str]] = []
        for s, e, label in preds.get(d.id, []):
            typ = label_map.get(label.upper())
            if typ is None:
                continue
            span = d.token_span(s, e)
            if span is None:
                misaligned.append((s, e, typ))
                counts["misaligned"] += 1
                continue
            predicted[span] = typ
        for span, t in gold.items():
            p = predicted.get(span)
            confusion[(t, p or "-")] += 1
            if p is None:
                overlap = [q for q in predicted if q[0] < span[1] and span[0] < q[1]]
                if overlap:
                    q = overlap[0]
                    gold_boundary[(t, surface(*span), surface(*q))] += 1
                    counts["gold boundary"] += 1
                else:
                    missed[(t, surface(*span))] += 1
                    counts["gold missed"] += 1
            elif p != t:
                wrong_type[(t, p, surface(*span))] += 1
                counts["wrong type"] += 1
        for span, p in predicted.items():
            if span in gold:
                continue
            if any(g[0] < span[1] and span[0] < g[1] for g in gold):
                counts["pred boundary"] += 1
            else:
                spurious[(p, surface(*span))] += 1
                counts["pred spurious"] += 1
    lines = ["confusion on gold spans (rows gold, columns predicted; '-' = no exact prediction)"]
    cols = [*TYPES, "-"]
    lines.append("      " + "".join(f"{c:>7}" for c in cols))
    for t in TYPES:
        lines.append(f"{t:6}" + "".join(f"{confusion[(t, c)]:7d}" for c in cols))
    lines.append("error counts: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    by_pair: Counter[tuple[str, str]] = Counter()
    for (g, p, _), n in wrong_type.items():
        by_pair[(g, p)] += n
    lines.append("wrong type, by pair: " + ", ".join(f"{g}->{p} {n}" for (g, p), n in by_pair.most_common()))
    lines.append(f"\ntop wrong-type names (gold -> predicted), {top} of {len(wrong_type)}:")
    lines += [f"  {n:3d} {g}->{p} {name}" for (g, p, name), n in wrong_type.most_common(top)]
    lines += top_names_by_type("missed", missed, top)
    lines.append(f"\ntop boundary errors (gold | predicted), {top} of {len(gold_boundary)}:")
    lines += [f"  {n:3d} {t} {g!r} | {p!r}" for (t, g, p), n in gold_boundary.most_common(top)]
    lines += top_names_by_type("spurious", spurious, top)
    return "\n".join(lines)
