"""The seq2seq backend with a tiny random BART built in the test: chunking without silent truncation."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.errors import ModelLoadError
from app.nlp.seq2seq import Seq2SeqSummarizer
from tests.tiny_seq2seq import MAX_POSITIONS, build_tiny_bart


@pytest.fixture(scope="module")
def summarizer(tmp_path_factory: pytest.TempPathFactory) -> Seq2SeqSummarizer:
    model = Seq2SeqSummarizer(build_tiny_bart(tmp_path_factory.mktemp("tiny-bart")))
    model.load()
    return model


def sentences_of(text: str) -> list[tuple[str, int, int]]:
    out = []
    start = 0
    for part in text.split(". "):
        sentence = part if part.endswith(".") else part + "."
        out.append((sentence, start, start + len(sentence)))
        start += len(sentence) + 1
    return out


def test_the_encoder_limit_and_name_come_from_the_model_directory(summarizer: Seq2SeqSummarizer) -> None:
    assert summarizer.max_input_tokens == MAX_POSITIONS
    assert summarizer.name.startswith("tiny-bart")


def test_long_input_is_packed_into_chunks_that_fit_and_cover_every_sentence(summarizer: Seq2SeqSummarizer) -> None:
    text = ". ".join(f"the council voted on the plan for the pier in week {i}" for i in range(12)) + "."
    sentences = sentences_of(text)
    chunks = summarizer.plan_chunks(sentences)
    assert len(chunks) > 1
    assert all(summarizer.count_tokens(c.text) <= summarizer.max_input_tokens for c in chunks)
    assert " ".join(c.text for c in chunks) == " ".join(s[0] for s in sentences)
    assert chunks[0].start == 0 and chunks[-1].end == sentences[-1][2]
    summaries = summarizer.summarize([c.text for c in chunks])
    assert len(summaries) == len(chunks)
    assert all(s.strip() for s in summaries)


def test_a_sentence_longer_than_the_encoder_is_split_between_words_not_cut(summarizer: Seq2SeqSummarizer) -> None:
    words = ["council", "harbour", "storm", "budget", "museum"] * 20
    sentence = " ".join(words) + "."
    chunks = summarizer.plan_chunks([(sentence, 100, 100 + len(sentence))])
    assert len(chunks) > 2
    assert " ".join(c.text for c in chunks).split() == sentence.split()
    assert all(summarizer.count_tokens(c.text) <= summarizer.max_input_tokens for c in chunks)


def test_input_that_does_not_fit_is_refused_rather_than_truncated(summarizer: Seq2SeqSummarizer) -> None:
    with pytest.raises(ValueError, match="exceeds"):
        summarizer.summarize(["the council " * 40])


def test_a_directory_without_a_model_fails_to_load(tmp_path: Path) -> None:
    with pytest.raises(ModelLoadError, match="cannot load a seq2seq model"):
        Seq2SeqSummarizer(tmp_path).load()
