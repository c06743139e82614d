"""The frozen-encoder NER head of training/ner/frozen_head.py (a measurement script), on a tiny random encoder."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

torch = pytest.importorskip("torch")

from tests.nlp.tiny_ner import tiny_ner_parts  # noqa: E402
from training.ner.frozen_head import build_head, dev_f1, frozen_states, train_epoch  # noqa: E402
from training.ner.train import Sentence, windows  # noqa: E402


def test_the_head_reads_casing_the_uncased_encoder_cannot_and_the_encoder_never_changes(tmp_path: Path) -> None:
    tokenizer, model = tiny_ner_parts(tmp_path)
    encoder = model.bert.eval()
    before = {k: v.clone() for k, v in encoder.state_dict().items()}
    # the same words, title case (people) or lower case (not): only the casing the head is given tells them apart
    docs = [
        [Sentence(["Maria", "met", "Lopez"], ["B-PER", "O", "B-PER"])],
        [Sentence(["maria", "met", "lopez"], ["O", "O", "O"])],
        [Sentence(["Maria", "Lopez", "met", "officials"], ["B-PER", "I-PER", "O", "O"])],
        [Sentence(["maria", "lopez", "met", "officials"], ["O", "O", "O", "O"])],
    ]
    data = windows(tokenizer, docs, 64)
    states = frozen_states(encoder, data)
    torch.manual_seed(0)
    head = build_head(encoder.config.hidden_size, 16)
    optim = torch.optim.Adam(head.parameters(), lr=1e-2)
    rng = random.Random(0)
    for _ in range(60):
        train_epoch(head, optim, data, states, batch=4, rng=rng)
    assert dev_f1(head, tokenizer, encoder, docs)["micro"]["f1"] == 1.0
    assert all(torch.equal(before[k], v) for k, v in encoder.state_dict().items())
