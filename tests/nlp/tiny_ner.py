"""A tiny random BERT token classifier, built and saved in well under a second (never downloaded)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

LABELS = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"]
WORDS = [
    "the",
    "mayor",
    "of",
    "springfield",
    "maria",
    "lopez",
    "met",
    "officials",
    "united",
    "nations",
    "in",
    "geneva",
    "on",
    "monday",
    "and",
    "said",
    "a",
    "council",
    "city",
    "budget",
    "was",
    "approved",
    "by",
    "members",
    "at",
    "meeting",
    "schools",
    "roads",
    "state",
    "illinois",
]
VOCAB = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", ".", ",", "'", "-", "(", ")", *WORDS, "##s", "##a", "##ed"]


def build_tiny_ner(directory: Path, *, force_label: str | None = None, max_positions: int = 64) -> Path:
    """Save a tiny BertForTokenClassification + BertTokenizerFast to ``directory``.

    ``force_label`` (e.g. ``I-PER``) zeroes the classifier weights and biases it so every token gets that label.
    """
    tokenizer, model = tiny_ner_parts(directory, force_label=force_label, max_positions=max_positions)
    model.save_pretrained(directory)
    tokenizer.save_pretrained(directory)
    return directory


def tiny_ner_parts(
    directory: Path, *, force_label: str | None = None, max_positions: int = 64, type_vocab_size: int = 2
) -> tuple[Any, Any]:
    """The tokenizer (its vocabulary written to ``directory``) and the random model, not saved."""
    import torch
    import transformers
    from transformers import BertConfig, BertForTokenClassification

    tokenizer_class: Any = transformers.BertTokenizerFast  # type: ignore[attr-defined]  # a lazy export

    directory.mkdir(parents=True, exist_ok=True)
    vocab_file = directory / "vocab.txt"
    vocab_file.write_text("\n".join(VOCAB) + "\n", encoding="utf-8")
    tokenizer = tokenizer_class(vocab_file=str(vocab_file), do_lower_case=True, model_max_length=max_positions)
    options: dict[str, Any] = dict(  # noqa: C408
        vocab_size=len(VOCAB),
        hidden_size=16,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=32,
        max_position_embeddings=max_positions,
        type_vocab_size=type_vocab_size,
        num_labels=len(LABELS),
        id2label=dict(enumerate(LABELS)),
        label2id={label: i for i, label in enumerate(LABELS)},
    )
    config = BertConfig(**options)
    torch.manual_seed(0)
    model = BertForTokenClassification(config)
    if force_label is not None:
        with torch.no_grad():
            model.classifier.weight.zero_()
            model.classifier.bias.fill_(-10.0)
            model.classifier.bias[LABELS.index(force_label)] = 10.0
    return tokenizer, model
