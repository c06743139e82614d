"""The summary stage with the real MiniLM: body sentences only, offsets, budgets, batching, abstractive path."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path

import pytest

from app.nlp.embeddings import SentenceEmbedder
from app.pipeline.concurrency import WorkerPool
from app.pipeline.document import Block, BlockKind, Caption, CreditSpan, Doc
from app.pipeline.stages.summary import SummaryStage, summary_input
from app.schemas.request import EnrichOptions, SummaryOptions
from tests.conftest import make_settings
from tests.tiny_seq2seq import build_tiny_bart

ARTICLE: list[tuple[BlockKind, str]] = [
    ("title", "Harbour town votes to rebuild storm-hit pier"),
    ("byline", "By Marta Quinlan"),
    (
        "body",
        "The damaged pier at Pellham after the storm in January was closed to the public for months. "
        "Councillors in Pellham voted on Tuesday to rebuild the town's Victorian pier, which Storm Edda tore apart "
        "in January. The £14 million plan will be paid for by a government grant and a levy on harbour businesses.",
    ),
    ("caption", "The damaged pier at Pellham after the storm in January"),
    ("credit", "Photo: Lena Sørby/Coastline Images"),
    (
        "body",
        "Council leader Ada Brenner said the pier was the heart of the town (pictured posed by model) Work on the "
        "new deck will begin in April and should take eighteen months to finish.",
    ),
    ("boilerplate", "Sign up to our newsletter for the latest news from the coast every morning."),
    (
        "body",
        "Harbour traders welcomed the decision but warned that the levy would hit the smallest firms hardest. "
        "Volunteers cleared debris from the beach on Sunday, photographed by Lena Sørby for Coastline Images. "
        "The owner of a seafront cafe said trade had fallen by half since the storm.",
    ),
    (
        "body",
        "Engineers will reuse the original cast-iron columns wherever they can. "
        "The town museum is collecting photographs of the old pier for an exhibition next summer.",
    ),
]

INLINE_CREDIT = "Lena Sørby for Coastline Images"


def make_doc(parts: list[tuple[BlockKind, str]], *, options: EnrichOptions | None = None) -> Doc:
    """A document with blocks, captions and credit spans set by hand, as a segmenter would set them."""
    text = "\n\n".join(t for _, t in parts)
    doc = Doc.create(text, options=options)
    blocks = []
    offset = 0
    for index, (kind, part) in enumerate(parts):
        blocks.append(Block(index, kind, part, offset, offset + len(part), 0.9))
        offset += len(part) + 2
    doc.blocks = tuple(blocks)
    captions = [b for b in blocks if b.kind == "caption"]
    doc.captions = tuple(Caption(b.text, b.start, b.end, b.index, None, None) for b in captions)
    credits = [b for b in blocks if b.kind == "credit"]
    spans = [CreditSpan(b.text, b.start, b.end, b.index, 0, True) for b in credits]
    inline = text.find(INLINE_CREDIT)
    if inline != -1:
        holder = next(b for b in blocks if b.start <= inline < b.end)
        spans.append(CreditSpan(INLINE_CREDIT, inline, inline + len(INLINE_CREDIT), holder.index, None, False))
    doc.credit_spans = tuple(spans)
    return doc


def summarise_options(**kwargs: object) -> EnrichOptions:
    return EnrichOptions(summary=SummaryOptions.model_validate(kwargs))


@pytest.fixture(scope="module")
def pool() -> Iterator[WorkerPool]:
    workers = WorkerPool(2)
    yield workers
    workers.shutdown()


@pytest.fixture
async def make_stage(
    minilm: SentenceEmbedder, pool: WorkerPool
) -> AsyncIterator[Callable[..., asyncio.Future[SummaryStage]]]:
    stages: list[SummaryStage] = []

    async def _make(**settings: object) -> SummaryStage:
        stage = SummaryStage(make_settings(**settings), pool, embedder=minilm)
        await stage.load()
        stages.append(stage)
        return stage

    yield _make  # type: ignore[misc]
    for stage in stages:
        await stage.close()


async def test_the_summary_quotes_body_sentences_only_with_exact_offsets(make_stage: Callable[..., object]) -> None:
    stage: SummaryStage = await make_stage()  # type: ignore[misc]
    doc = make_doc(ARTICLE)
    await stage.run(doc)
    assert doc.summary is not None
    assert doc.summary.method == "extractive"
    assert doc.summary.model == stage.embedder.name
    assert len(doc.summary.sentences) == 3
    body = doc.blocks_of("body")
    for sentence in doc.summary.sentences:
        assert sentence.start is not None and sentence.end is not None
        assert doc.text[sentence.start : sentence.end] == sentence.text
        assert any(b.start <= sentence.start and sentence.end <= b.end for b in body)
    assert doc.summary.text == " ".join(s.text for s in doc.summary.sentences)
    assert doc.summary.sentences[0].text.startswith("Councillors in Pellham voted")


async def test_captions_credits_and_glued_captions_never_enter_the_summary(make_stage: Callable[..., object]) -> None:
    stage: SummaryStage = await make_stage()  # type: ignore[misc]
    doc = make_doc(ARTICLE, options=summarise_options(max_sentences=20))
    await stage.run(doc)
    assert doc.summary is not None
    quoted = " ".join(s.text for s in doc.summary.sentences)
    for left_out in (
        "The damaged pier at Pellham",  # repeats the caption
        "pictured posed by model",  # a caption glued into the prose
        "Volunteers cleared debris",  # holds a credit span
        "Sign up to our newsletter",  # boilerplate block
        "Photo: Lena",  # credit block
        "Harbour town votes",  # title
    ):
        assert left_out not in quoted
    assert "Work on the new deck will begin in April" in quoted  # the prose after the glued caption stays


async def test_without_the_known_caption_its_repeat_in_the_body_would_lead_the_summary(
    make_stage: Callable[..., object],
) -> None:
    stage: SummaryStage = await make_stage()  # type: ignore[misc]
    doc = make_doc(ARTICLE)
    doc.captions = ()
    await stage.run(doc)
    assert doc.summary is not None
    assert doc.summary.sentences[0].text.startswith("The damaged pier at Pellham")


async def test_sentence_and_character_budgets_are_respected(make_stage: Callable[..., object]) -> None:
    stage: SummaryStage = await make_stage()  # type: ignore[misc]
    one = make_doc(ARTICLE, options=summarise_options(max_sentences=1))
    await stage.run(one)
    assert one.summary is not None and len(one.summary.sentences) == 1
    short = make_doc(ARTICLE, options=summarise_options(max_sentences=5, max_chars=160))
    await stage.run(short)
    assert short.summary is not None
    assert 0 < len(short.summary.text) <= 160
    assert all(s.start is not None for s in short.summary.sentences)


async def test_a_document_without_body_prose_gets_no_summary_and_a_warning(make_stage: Callable[..., object]) -> None:
    stage: SummaryStage = await make_stage()  # type: ignore[misc]
    doc = make_doc([("title", "Pier reopens"), ("caption", "The pier on Sunday"), ("body", "Read more")])
    await stage.run(doc)
    assert doc.summary is None
    assert [w.code for w in doc.warnings] == ["summary_empty"]
    no_body = make_doc([("title", "Pier reopens")])
    await stage.run(no_body)
    assert no_body.summary is None
    assert no_body.warnings == []


async def test_sentences_of_concurrent_documents_share_model_calls(make_stage: Callable[..., object]) -> None:
    stage: SummaryStage = await make_stage(batch_max_wait_ms=200, batch_max_size=64)  # type: ignore[misc]
    docs = [make_doc(ARTICLE) for _ in range(4)]
    per_doc = len(summary_input(docs[0]).sentences)
    await asyncio.gather(*(stage.run(d) for d in docs))
    assert all(d.summary is not None for d in docs)
    assert stage.embedding_batcher.largest_batch > per_doc
    assert stage.embedding_batcher.batches_run < len(docs)


async def test_an_article_longer_than_the_input_limit_is_summarised_with_a_warning(
    make_stage: Callable[..., object],
) -> None:
    stage: SummaryStage = await make_stage(summary_max_input_sentences=10)  # type: ignore[misc]
    paragraph = " ".join(f"The harbour board met for the {n}th time to discuss the pier." for n in range(30))
    doc = make_doc([("title", "Board meets"), ("body", paragraph)])
    await stage.run(doc)
    assert doc.summary is not None
    assert [w.code for w in doc.warnings] == ["summary_input_limited"]
    assert "first 10 of 30" in doc.warnings[0].message


@pytest.fixture(scope="module")
def tiny_bart_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tiny_bart(tmp_path_factory.mktemp("tiny-bart"))


async def test_the_abstractive_backend_summarises_every_chunk_of_a_long_body(
    make_stage: Callable[..., object], tiny_bart_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stage: SummaryStage = await make_stage(summary_model_dir=tiny_bart_dir)  # type: ignore[misc]
    assert stage.abstractive is not None
    seen: list[str] = []
    real = stage.abstractive.summarize

    def spy(texts: list[str]) -> list[str]:
        seen.extend(texts)
        return real(texts)

    monkeypatch.setattr(stage.abstractive, "summarize", spy)
    doc = make_doc(ARTICLE, options=summarise_options(method="abstractive"))
    await stage.run(doc)
    assert doc.summary is not None
    assert doc.summary.method == "abstractive"
    assert doc.summary.model == tiny_bart_dir.name
    assert doc.summary.sentences and all(s.start is None and s.end is None for s in doc.summary.sentences)
    body = " ".join(s.text for s in summary_input(doc).sentences)
    assert len(seen) > 1  # the body is longer than the tiny encoder: it was chunked
    assert " ".join(seen) == body  # and every chunk was summarised, nothing dropped
    assert "pictured" not in body and "Pellham after the storm" not in body
    assert doc.warnings == []


async def test_more_chunks_than_the_limit_are_reported_not_silently_dropped(
    make_stage: Callable[..., object], tiny_bart_dir: Path
) -> None:
    stage: SummaryStage = await make_stage(summary_model_dir=tiny_bart_dir, summary_max_chunks=2)  # type: ignore[misc]
    doc = make_doc(ARTICLE, options=summarise_options(method="abstractive"))
    await stage.run(doc)
    assert doc.summary is not None and doc.summary.method == "abstractive"
    assert [w.code for w in doc.warnings] == ["summary_input_truncated"]
    assert "first 2 of" in doc.warnings[0].message


async def test_the_method_is_chosen_per_request_and_by_settings(
    make_stage: Callable[..., object], tiny_bart_dir: Path
) -> None:
    stage: SummaryStage = await make_stage(  # type: ignore[misc]
        summary_model_dir=tiny_bart_dir, summary_method="abstractive"
    )
    by_default = make_doc(ARTICLE)
    asked = make_doc(ARTICLE, options=summarise_options(method="extractive"))
    await asyncio.gather(stage.run(by_default), stage.run(asked))
    assert by_default.summary is not None and by_default.summary.method == "abstractive"
    assert asked.summary is not None and asked.summary.method == "extractive"
    assert "abstractive" in stage.model and "extractive" in stage.model
