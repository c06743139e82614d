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
from app.text.sentences import display_text
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
        assert display_text(doc.text[sentence.start : sentence.end]) == sentence.text
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
    assert "first 10 of 30 body sentences; 20 later" in doc.warnings[0].message


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


# Stories written for these tests; a long input is many of them joined, repeated until it is long enough, as a
# caller pasting a feed or a digest would send it.
STORIES = [
    [
        "Ferry crews on the Ardmore route went back to work on Friday after nine days of strikes over rotas.",
        "The union said its members had won a guarantee of two rest days a week and a review of night shifts. "
        "Passengers queued from dawn at the harbour as the first sailing left forty minutes late.",
        "“It’s very, very good news. We can plan again.” said a haulier who had waited four days.",
    ],
    [
        "A library in the town of Kelvick will stay open after residents raised the money to pay its staff.",
        "More than 1,200 people gave to the appeal in six weeks, the council said on Monday. "
        "The building had been due to close at the end of the month to save a little over £90,000 a year.",
        "Volunteers will run a homework club on three evenings a week from the start of the new term.",
    ],
    [
        "Scientists at the Orla observatory have recorded the brightest meteor shower seen there in a decade.",
        "The team counted almost three hundred meteors an hour on Tuesday night before clouds moved in. "
        "They said the display came from debris left by a comet that last passed the Sun in 1998.",
        "Forget telescopes. A dark sky and patience are all it takes.",
    ],
]


def long_text(chars: int) -> str:
    """The stories joined with blank lines, again and again, until the text has at least ``chars`` characters."""
    one = "\n\n".join("\n\n".join(story) for story in STORIES)
    copies = -(-chars // (len(one) + 2))
    return "\n\n".join([one] * copies)[:chars].rsplit("\n\n", 1)[0]


@pytest.mark.parametrize("chars", [300_000, 990_000])
async def test_long_inputs_get_a_summary_of_their_first_sentences_and_a_true_warning(
    make_stage: Callable[..., object], chars: int
) -> None:
    from app.text.segment import segment

    stage: SummaryStage = await make_stage()  # type: ignore[misc]
    doc = Doc.create(long_text(chars))
    doc.blocks = segment(doc.text).blocks
    found = summary_input(doc, max_sentences=400)
    await stage.run(doc)
    assert doc.summary is not None
    # the same lead as the short article would get, not the few short sentences that are never repeated
    assert doc.summary.sentences[0].text.startswith("Ferry crews on the Ardmore route")
    assert len(doc.summary.text) > 200
    assert [w.code for w in doc.warnings] == ["summary_input_limited"]
    body = found.body_sentences
    assert body > 2_000
    assert doc.warnings[0].message == (
        f"the summary considered the first 400 of {body} body sentences; {body - 400} later sentences were not "
        "considered"
    )


async def test_sentences_of_a_quotation_that_spans_several_are_quoted_whole_or_not_at_all(
    make_stage: Callable[..., object],
) -> None:
    stage: SummaryStage = await make_stage()  # type: ignore[misc]
    lead = (
        "“First we can try the new timetable on the quiet routes. Then we will see whether the passengers show up "
        "or not. Only then will we decide,” the ferry operator’s director said on Monday."
    )
    open_ended = (
        "“The crews have been patient with us for a very long time. They deserve better than this, and they "
        "know it. We will meet their union again next week. Nobody wants another strike this summer. "
        "Nobody at all wants that."
    )
    doc = make_doc(
        [
            ("title", "Ferry operator tests new timetable"),
            ("body", lead),
            ("body", open_ended),
            ("body", "The harbour board approved the plan at its meeting on Tuesday evening after a long debate."),
        ],
        options=summarise_options(max_sentences=20),
    )
    await stage.run(doc)
    assert doc.summary is not None
    texts = [s.text for s in doc.summary.sentences]
    assert texts[0] == lead
    for text in texts:
        opened = text.count("“") - text.count("”")
        assert opened == 0, text
    assert not any("patient" in t or "Nobody" in t for t in texts)


async def test_summary_text_has_no_layout_characters_and_offsets_stay_exact(make_stage: Callable[..., object]) -> None:
    stage: SummaryStage = await make_stage()  # type: ignore[misc]
    body = (
        "Councillors in Pellham voted on Tuesday to rebuild the town’s Victorian\u00a0pier, which Storm Edda tore "
        "apart\nin January. The £14\u202fmillion plan will be paid for by a govern\u00adment grant and a levy on\u200b "
        "harbour businesses."
    )
    doc = make_doc([("title", "Pier to be rebuilt"), ("body", body)])
    await stage.run(doc)
    assert doc.summary is not None
    assert doc.summary.text == (
        "Councillors in Pellham voted on Tuesday to rebuild the town’s Victorian pier, which Storm Edda tore apart "
        "in January. The £14 million plan will be paid for by a government grant and a levy on harbour businesses."
    )
    first, second = doc.summary.sentences
    assert first.start is not None and first.end is not None and second.start is not None
    assert doc.text[first.start : first.end] == body[: body.index("January.") + len("January.")]
    assert doc.text[second.start :].startswith("The £14\u202fmillion")


async def test_the_standfirst_is_prose_a_summary_may_quote(make_stage: Callable[..., object]) -> None:
    """Segmentation calls the opening of a story cut off by an inline prompt a standfirst: its lead stays."""
    stage: SummaryStage = await make_stage()  # type: ignore[misc]
    doc = make_doc(
        [
            ("title", "Ferry strike ends"),
            ("standfirst", "Ferry crews on the Ardmore route went back to work on Friday after nine days of strikes."),
            ("boilerplate", "Scroll down for video"),
            ("body", " ".join(STORIES[0][1:])),
        ]
    )
    await stage.run(doc)
    assert doc.summary is not None
    assert doc.summary.sentences[0].text.startswith("Ferry crews on the Ardmore route")


@pytest.mark.parametrize(
    "caption",
    [
        "Crews inspect the pier on Monday. Photo: Lena Sørby/Coastline Images",
        "Arbeiter prüfen den Steg am Montag. Foto: Lena Sørby/dpa",
        "Obreros revisan el muelle el lunes. Imagen: EFE/Salas",
    ],
)
def test_a_paragraph_above_a_short_captioned_picture_stays_in_the_summary_input(caption: str) -> None:
    """A caption that segmentation found, with its credit, is not a bare credit line: the paragraph above it is
    prose, not that picture's caption (the lede of an article with a short caption under it was left out)."""
    lede = "Councillors in Pellham voted on Tuesday to rebuild the town's Victorian pier after the storm."
    doc = make_doc(
        [
            ("title", "Harbour town votes to rebuild storm-hit pier"),
            ("body", lede),
            ("caption", caption),
            ("body", "Work on the new deck will begin in April and should take eighteen months to finish."),
        ]
    )
    quoted = [s.text for s in summary_input(doc).sentences]
    assert quoted[0] == lede
    assert not any(caption.split(".", maxsplit=1)[0] in s for s in quoted)


async def test_a_japanese_article_gets_a_summary_of_whole_sentences_printed_without_spaces(
    make_stage: Callable[..., object],
) -> None:
    stage: SummaryStage = await make_stage()  # type: ignore[misc]
    doc = make_doc(
        [
            ("title", "新しい橋の建設を市議会が承認"),
            (
                "body",
                "横浜市議会は３日、みなとみらい地区と山下公園を結ぶ新しい橋の建設計画を賛成多数で可決した。"
                "総事業費は約１５０億円で、国の補助金が半分を占める。",
            ),
            ("caption", "記者会見する市長（３日、横浜市役所で）"),
            ("body", "市は２０２９年の完成を目指す。工事は来年春に始まり、夜間の通行止めは最小限にとどめるという。"),
        ]
    )
    await stage.run(doc)
    assert doc.summary is not None, doc.warnings  # the sentences were once not terminated, so none was usable
    assert len(doc.summary.sentences) == 3
    assert all(s.text.endswith("。") for s in doc.summary.sentences)
    assert doc.summary.text == "".join(s.text for s in doc.summary.sentences)
    for sentence in doc.summary.sentences:
        assert sentence.start is not None and sentence.end is not None
        assert doc.text[sentence.start : sentence.end] == sentence.text


def test_a_paragraph_wrapped_at_a_fixed_width_gives_the_sentences_it_gives_unwrapped() -> None:
    """A body block that segmentation joined from a hard-wrapped text holds line breaks inside its sentences; a
    break before a word that can open a sentence ("of" / "2028 and ...") does not end one."""
    paragraph = (
        "Council leader Mark Green said the bridge would open in the spring of 2028 and would carry about 9,000 "
        "people a day. Opposition members said the budget of 14 million pounds was too high."
    )
    wrapped = paragraph.replace("spring of ", "spring of\n").replace("people a day. ", "people a day.\n")
    title: tuple[BlockKind, str] = ("title", "Council approves footbridge over the Aire")
    plain = [s.text for s in summary_input(make_doc([title, ("body", paragraph)])).sentences]
    assert len(plain) == 2
    assert [display_text(s.text) for s in summary_input(make_doc([title, ("body", wrapped)])).sentences] == plain
