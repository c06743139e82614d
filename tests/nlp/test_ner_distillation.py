"""Distillation for the NER student: the teacher's word-level probabilities (training/ner/teacher.py) and the
student's loss that learns them beside the gold labels (training/ner/train.py), on tiny random models."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

torch = pytest.importorskip("torch")

from tests.nlp.tiny_ner import LABELS, VOCAB, tiny_ner_parts  # noqa: E402
from training.ner.teacher import build_teacher, probabilities  # noqa: E402
from training.ner.train import (  # noqa: E402
    Sentence,
    collate,
    distilled_loss,
    windows,
)

DOCS = [
    [Sentence(["Maria", "Lopez", "met", "officials"], ["B-PER", "I-PER", "O", "O"])],
    [
        Sentence(["the", "council", "approved", "roads"], ["O", "B-ORG", "O", "O"]),
        Sentence(["Springfield", "schools", "said"], ["B-LOC", "O", "O"]),
    ],
]


def test_each_words_first_piece_points_at_the_word_among_all_the_documents_words(tmp_path: Path) -> None:
    tokenizer, _ = tiny_ner_parts(tmp_path)
    data = windows(tokenizer, DOCS, 64, word_index=True)
    n_words = sum(len(s.words) for doc in DOCS for s in doc)
    seen = [i for window in data for i in window["word_index"] if i >= 0]
    # every word once, in reading order, across the windows of both documents
    assert seen == list(range(n_words))
    for window in data:  # the special tokens point at no word
        assert window["word_index"][0] == -1
        assert window["word_index"][-1] == -1
        assert len(window["word_index"]) == len(window["input_ids"])


def _hard_and_logits() -> tuple[Any, Any, Any]:
    torch.manual_seed(0)
    logits = torch.randn(1, 4, len(LABELS))
    hard = torch.tensor(0.7)
    word_index = torch.tensor([[-1, 0, 1, -1]])  # special token, two words' first pieces, a later piece
    return logits, hard, word_index


def test_without_weight_the_loss_is_the_gold_labels_alone() -> None:
    logits, hard, word_index = _hard_and_logits()
    teacher = torch.full((2, len(LABELS)), 1 / len(LABELS))
    assert distilled_loss(logits, hard, word_index, teacher, 0.0).item() == pytest.approx(0.7)


def test_the_teacher_term_is_smaller_where_the_student_agrees_with_the_teacher() -> None:
    logits, hard, word_index = _hard_and_logits()
    student_best = logits[0, [1, 2]].argmax(-1)
    agreeing = torch.nn.functional.one_hot(student_best, len(LABELS)).float()
    disagreeing = torch.nn.functional.one_hot((student_best + 1) % len(LABELS), len(LABELS)).float()
    low = distilled_loss(logits, hard, word_index, agreeing, 1.0)
    high = distilled_loss(logits, hard, word_index, disagreeing, 1.0)
    assert low.item() < high.item()
    # the term reads only the words' first pieces: changing a later piece's logits changes nothing
    moved = logits.clone()
    moved[0, 3] += 5.0
    assert distilled_loss(moved, hard, word_index, agreeing, 1.0).item() == pytest.approx(low.item())


def test_the_teachers_probabilities_cover_every_word_in_reading_order(tmp_path: Path) -> None:
    tokenizer, model = tiny_ner_parts(tmp_path, force_label="B-PER", type_vocab_size=6)
    probs = probabilities(model, tokenizer, DOCS)
    n_words = sum(len(s.words) for doc in DOCS for s in doc)
    assert probs.shape == (n_words, len(LABELS))
    assert (probs.argmax(-1) == LABELS.index("B-PER")).all()
    assert probs.sum(-1) == pytest.approx([1.0] * n_words, abs=1e-5)


def _tiny_mpnet(directory: Path) -> Path:
    import transformers

    tokenizer, _ = tiny_ner_parts(directory)
    tokenizer.save_pretrained(directory)
    config = transformers.MPNetConfig(
        vocab_size=len(VOCAB),
        hidden_size=16,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=32,
        max_position_embeddings=80,
        pad_token_id=0,
    )
    torch.manual_seed(0)
    transformers.MPNetForMaskedLM(config).save_pretrained(directory)
    return directory


def test_the_teacher_starts_as_its_encoder_and_then_reads_the_casing(tmp_path: Path) -> None:
    tokenizer, teacher = build_teacher(_tiny_mpnet(tmp_path / "base"))
    teacher.eval()
    batch = collate(windows(tokenizer, DOCS[:1], 64))
    batch.pop("labels")
    lower = dict(batch, token_type_ids=torch.zeros_like(batch["token_type_ids"]))
    with torch.no_grad():
        # the casing table starts at zero: the pretrained encoder's input is unchanged
        assert torch.allclose(teacher(**batch).logits, teacher(**lower).logits)
        teacher.casing.weight.normal_()
        assert not torch.allclose(teacher(**batch).logits, teacher(**lower).logits)
    assert not teacher.net.mpnet.embeddings.word_embeddings.weight.requires_grad
