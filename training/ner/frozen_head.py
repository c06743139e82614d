"""Measure the single-encoder design of issue 11: a NER head on the *frozen* packaged all-MiniLM-L6-v2.

    python -m training.ner.frozen_head                 # train on eng.train, report F1 on eng.testa (dev)
    python -m training.ner.frozen_head --epochs 2 --limit 40   # a smoke run

The summary stage already runs the packaged MiniLM over every sentence (mean-pooled, for its embeddings). If a NER
head could read that encoder's states unchanged, one encoder pass would serve both stages. This script measures
how much F1 such a head reaches, to set against the fine-tuned encoder that ships (``training/ner/train.py``).

The encoder is uncased, so the head gets each word piece's casing class (``app.nlp.casing``) as a learned
embedding beside the encoder's last-layer state; the head is a one-layer BiLSTM and a linear layer over the nine
BIO labels. The frozen states of every training window are computed once (the encoder is never updated), then
the head is trained for ``--epochs`` epochs. Dev is read the way the training script reads it ("context F1":
consecutive sentences of a document in units of at most 128 word pieces, the first piece of each word).

Measurement only: writes nothing into the repository (a head this measurement does not keep). Reads
``../shared/eval/ner/``; skips with a message when it is absent. Reproducible from ``--seed`` on CPU.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Sequence
from typing import Any

from app.nlp.casing import CASING_CLASSES
from training.ner.train import (
    DATA,
    IGNORE,
    LABELS,
    Sentence,
    collate,
    context_units,
    encode_window,
    f1_per_type,
    read_conll,
    sentence_tags,
    windows,
)

UNIT_PIECES = 128  # the training script's windows and context units


def frozen_states(encoder: Any, encoded: Sequence[dict[str, list[int]]], batch: int = 32) -> list[Any]:
    """The encoder's last-layer state of every piece of every window (float32, one tensor per window); the
    casing classes are *not* given to the encoder (its own token-type table has none), only to the head."""
    import torch

    out: list[Any] = []
    with torch.inference_mode():
        for lo in range(0, len(encoded), batch):
            chunk = encoded[lo : lo + batch]
            padded = collate(chunk)  # its token types (the casing classes) are the head's, not the encoder's
            states = encoder(input_ids=padded["input_ids"], attention_mask=padded["attention_mask"]).last_hidden_state
            out.extend(states[i, : len(e["input_ids"])].clone() for i, e in enumerate(chunk))
    return out


def build_head(width: int, hidden: int) -> Any:
    import torch

    class Head(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.casing = torch.nn.Embedding(len(CASING_CLASSES), 16)
            self.lstm = torch.nn.LSTM(width + 16, hidden, batch_first=True, bidirectional=True)
            self.drop = torch.nn.Dropout(0.2)
            self.out = torch.nn.Linear(2 * hidden, len(LABELS))

        def forward(self, states: Any, casing: Any) -> Any:
            x = torch.cat([states, self.casing(casing)], dim=-1)
            y, _ = self.lstm(self.drop(x))
            return self.out(self.drop(y))

    return Head()


def _pad(rows: Sequence[Any], encoded: Sequence[dict[str, list[int]]]) -> tuple[Any, Any, Any]:
    """A batch for the head: the windows' frozen states, casing classes and labels, padded to the longest."""
    import torch

    padded = collate(encoded)
    return torch.nn.utils.rnn.pad_sequence(list(rows), batch_first=True), padded["token_type_ids"], padded["labels"]


def train_epoch(
    head: Any,
    optim: Any,
    data: Sequence[dict[str, list[int]]],
    states: Sequence[Any],
    *,
    batch: int,
    rng: random.Random,
) -> None:
    """One pass over the training windows in a shuffled order (cross-entropy over the labelled pieces)."""
    import torch

    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=IGNORE)
    order = list(range(len(data)))
    rng.shuffle(order)
    for lo in range(0, len(order), batch):
        idx = order[lo : lo + batch]
        x, casing, labels = _pad([states[i] for i in idx], [data[i] for i in idx])
        loss = loss_fn(head(x, casing).reshape(-1, len(LABELS)), labels.reshape(-1))
        loss.backward()
        torch.nn.utils.clip_grad_norm_(head.parameters(), 1.0)
        optim.step()
        optim.zero_grad()


def dev_f1(head: Any, tokenizer: Any, encoder: Any, docs: Sequence[Sequence[Sentence]]) -> dict[str, Any]:
    """Context F1 of the head on ``docs`` (first piece of each word, as ``training.ner.train.predict_tags``)."""
    import torch

    units = context_units(tokenizer, docs, UNIT_PIECES)
    encoded = [encode_window(tokenizer, u) for u in units]
    states = frozen_states(encoder, encoded)
    gold = [s.tags for u in units for s in u]
    pred: list[list[str]] = []
    head.eval()
    with torch.inference_mode():
        for lo in range(0, len(units), 32):
            enc = encoded[lo : lo + 32]
            x, casing, _ = _pad(states[lo : lo + 32], enc)
            best = head(x, casing).argmax(-1).tolist()
            for unit, row in zip(units[lo : lo + 32], best, strict=True):
                pred.extend(sentence_tags(tokenizer, unit, row))
    head.train()
    return f1_per_type(gold, pred)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--epochs", type=int, default=8)
    parser.add_argument("--lr", type=float, default=2e-3)
    parser.add_argument("--batch", type=int, default=16, help="windows per step")
    parser.add_argument("--hidden", type=int, default=256, help="BiLSTM units per direction")
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--limit", type=int, default=0, help="only the first N training documents (smoke runs)")
    args = parser.parse_args(argv)
    train_path, dev_path = DATA / "conll2003-train.txt", DATA / "conll2003-dev.txt"
    if not train_path.is_file() or not dev_path.is_file():
        print(f"skipped: no CoNLL-2003 data in {DATA}", file=sys.stderr)
        return 0

    import torch
    import transformers

    from app.nlp.embeddings import default_embedding_model

    random.seed(args.seed)
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    base_dir, _ = default_embedding_model()
    tokenizer = transformers.AutoTokenizer.from_pretrained(str(base_dir), local_files_only=True)
    encoder = transformers.AutoModel.from_pretrained(str(base_dir), local_files_only=True).eval()
    train_docs, dev_docs = read_conll(train_path), read_conll(dev_path)
    if args.limit:
        train_docs, dev_docs = train_docs[: args.limit], dev_docs[: max(1, args.limit // 4)]
    started = time.perf_counter()
    data = windows(tokenizer, train_docs, UNIT_PIECES)
    states = frozen_states(encoder, data)
    print(f"{len(data)} training windows encoded once by the frozen encoder in {time.perf_counter() - started:.0f} s")
    head = build_head(encoder.config.hidden_size, args.hidden)
    optim = torch.optim.Adam(head.parameters(), lr=args.lr)
    rng = random.Random(args.seed)  # noqa: S311  (shuffling, not secrets)
    history: list[dict[str, Any]] = []
    for epoch in range(args.epochs):
        train_epoch(head, optim, data, states, batch=args.batch, rng=rng)
        scores = dev_f1(head, tokenizer, encoder, dev_docs)
        row = {"epoch": epoch + 1, "dev_context": scores, "seconds": round(time.perf_counter() - started)}
        history.append(row)
        print(json.dumps({"epoch": epoch + 1, "dev_context_f1": scores["micro"]["f1"], "seconds": row["seconds"]}))
    best = max(history, key=lambda r: r["dev_context"]["micro"]["f1"])
    print(json.dumps({"best": best}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
