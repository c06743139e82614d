"""A tiny random BART with a word-level tokenizer over a fixed vocabulary, built in well under a second."""

from __future__ import annotations

from pathlib import Path

WORDS = [
    "the",
    "a",
    "an",
    "of",
    "to",
    "in",
    "on",
    "at",
    "for",
    "and",
    "but",
    "was",
    "were",
    "is",
    "are",
    "has",
    "had",
    "will",
    "would",
    "said",
    "says",
    "council",
    "city",
    "town",
    "pier",
    "harbour",
    "storm",
    "budget",
    "plan",
    "mayor",
    "councillors",
    "voted",
    "rebuild",
    "work",
    "begin",
    "engineers",
    "traders",
    "levy",
    "firms",
    "trade",
    "museum",
    "photographs",
    "new",
    "old",
    "million",
    "pounds",
    "year",
    "month",
    "week",
    "day",
    "january",
    "april",
    "tuesday",
    "sunday",
]
MAX_POSITIONS = 32


def build_tiny_bart(directory: Path) -> Path:
    """Save a tiny BartForConditionalGeneration and its tokenizer to ``directory``; returns it."""
    import torch
    from tokenizers import Tokenizer, models, pre_tokenizers, processors
    from transformers import BartConfig, BartForConditionalGeneration, PreTrainedTokenizerFast

    specials = ["<pad>", "<s>", "</s>", "<unk>"]
    vocab = {token: i for i, token in enumerate([*specials, *WORDS, ".", ",", "'"])}
    backend = Tokenizer(models.WordLevel(vocab, unk_token="<unk>"))
    backend.pre_tokenizer = pre_tokenizers.Whitespace()
    backend.post_processor = processors.TemplateProcessing(
        single="<s> $A </s>", special_tokens=[("<s>", 1), ("</s>", 2)]
    )
    tokenizer = PreTrainedTokenizerFast(  # type: ignore[no-untyped-call]
        tokenizer_object=backend, pad_token="<pad>", bos_token="<s>", eos_token="</s>", unk_token="<unk>"
    )
    torch.manual_seed(0)
    config = BartConfig(
        vocab_size=len(vocab),
        d_model=16,
        encoder_layers=1,
        decoder_layers=1,
        encoder_attention_heads=2,
        decoder_attention_heads=2,
        encoder_ffn_dim=32,
        decoder_ffn_dim=32,
        max_position_embeddings=MAX_POSITIONS,
        pad_token_id=0,
        bos_token_id=1,
        eos_token_id=2,
        decoder_start_token_id=2,
        forced_eos_token_id=2,
    )
    model = BartForConditionalGeneration(config)
    model.generation_config.max_length = 12
    model.generation_config.min_length = 6
    model.generation_config.num_beams = 1
    model.save_pretrained(directory)
    tokenizer.save_pretrained(directory)
    return directory
