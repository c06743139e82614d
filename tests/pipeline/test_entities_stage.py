"""The entities stage: prose blocks only, credits and bylines never entities, batching, failures."""

from __future__ import annotations

import asyncio
import re
import textwrap
from collections.abc import AsyncIterator, Sequence
from pathlib import Path

import httpx
import pytest
import pytest_asyncio

from app.main import create_app
from app.nlp.ner import NerSpan, TransformersNer
from app.pipeline.concurrency import WorkerPool
from app.pipeline.document import Block, BlockKind, Byline, CreditSpan, Doc, Language
from app.pipeline.stages.entities import EntitiesStage
from tests.conftest import make_settings, started
from tests.nlp.tiny_ner import build_tiny_ner

# A fictional article shaped like a scraped news page: title, caption with its credit, a stand-alone credit line,
# the byline, body paragraphs, a caption ending in an agency credit, boilerplate.
LINES: list[tuple[BlockKind, str]] = [
    ("title", "Northland Says Ready to Resume Grain Talks as Blockade Continues"),
    ("caption", "Dock workers unload grain in the port of Kestrel on March 2, 2024."),
    ("credit", "JONAS WEBER/AFP via Getty"),
    ("byline", "Elena Marsh"),
    (
        "body",
        "A Northland delegation is prepared to resume talks with Vesmark officials within hours, "
        "a government spokesman told reporters on Wednesday.",
    ),
    ("body", "Reuters reports that spokesman Anton Varga made the disclosure to reporters in Oslo."),
    ("body", "\u201cOur negotiators will be there and ready,\u201d Varga added."),
    (
        "caption",
        "A girl holds a dog at the border crossing in Kestrel, Vesmark, on Wednesday. (AP Photo/Marta Lindqvist)",
    ),
    (
        "body",
        "President Mykola Kovalenskiy said Northland must lift the blockade first. Elena Marsh contributed reporting.",
    ),
    ("body", "Later, President Mykola Kovalenskyy accused Northland of delay."),
    ("boilerplate", "Sign up for the Morning Wire newsletter from Daily Harbour Media."),
]
PHOTOGRAPHERS = ("Jonas Weber", "Marta Lindqvist")
AUTHOR = "Elena Marsh"


def prose_doc(parts: list[tuple[BlockKind, str]], doc_id: str | None = None) -> Doc:
    """A document of these blocks, joined by blank lines, as segmentation would hand it over."""
    text = "\n\n".join(line for _, line in parts)
    doc = Doc.create(text, doc_id=doc_id)
    blocks, pos = [], 0
    for i, (kind, line) in enumerate(parts):
        start = text.index(line, pos)
        blocks.append(Block(i, kind, line, start, start + len(line), 0.9))
        pos = start + len(line)
    doc.blocks = tuple(blocks)
    return doc


def fictional_doc() -> Doc:
    doc = prose_doc(LINES, doc_id="fiction-1")
    text, blocks = doc.text, doc.blocks
    credits = []
    for raw in ("JONAS WEBER/AFP via Getty", "AP Photo/Marta Lindqvist"):
        s = text.index(raw)
        block = next(b.index for b in blocks if b.start <= s < b.end)
        credits.append(CreditSpan(raw, s, s + len(raw), block, None, raw.startswith("JONAS")))
    doc.credit_spans = tuple(credits)
    byline_start = text.index(AUTHOR)
    doc.bylines = (Byline(AUTHOR, byline_start, byline_start + len(AUTHOR)),)
    return doc


@pytest_asyncio.fixture(scope="module")
async def spacy_stage() -> AsyncIterator[EntitiesStage]:
    stage = EntitiesStage(make_settings(ner_backend="spacy"), WorkerPool(2))
    await stage.load()
    yield stage
    await stage.close()


async def test_credits_bylines_and_boilerplate_never_yield_entities(spacy_stage: EntitiesStage) -> None:
    doc = fictional_doc()
    await spacy_stage.run(doc)
    assert doc.entities
    allowed = {b.index for b in doc.blocks if b.kind in ("title", "body", "caption")}
    forbidden = [(c.start, c.end) for c in doc.credit_spans] + [(doc.bylines[0].start, doc.bylines[0].end)]
    names = []
    for entity in doc.entities:
        names += [entity.text.casefold(), *(a.casefold() for a in entity.aliases)]
        for m in entity.mentions:
            assert doc.text[m.start : m.end] == m.text
            assert m.block_index in allowed
            assert not any(s < m.end and m.start < e for s, e in forbidden), m
    for name in (*PHOTOGRAPHERS, AUTHOR, "Weber", "Lindqvist"):
        assert not any(name.casefold() in n for n in names), name
    assert not any("Morning Wire" in n or "Daily Harbour" in n for n in names)


async def test_the_reporters_and_editors_of_a_sign_off_are_no_entities(spacy_stage: EntitiesStage) -> None:
    names = ("Kari Holm", "Maria Lund", "Tom Aske")
    story = "Mayor Kari Holm met Maria Lund and Tom Aske of the port authority in Bergen on Monday."
    signed = prose_doc(
        [
            ("title", "Port talks resume"),
            ("body", "The port authority of Bergen reopened the north quay on Monday after repairs."),
            ("body", "(Reporting by Kari Holm in Bergen; Editing by Maria Lund)"),
            ("body", "Tom Aske and Maria Lund contributed to this report."),
        ]
    )
    control = prose_doc([("title", "Port talks resume"), ("body", story)])
    await spacy_stage.run(signed)
    await spacy_stage.run(control)
    found = {e.text for e in control.entities}
    assert set(names) <= found  # the model does read these names as people where a story names them
    assert not {e.text for e in signed.entities} & set(names)
    assert "Bergen" in {e.text for e in signed.entities}  # the story's own place stays


async def test_the_agency_a_dateline_names_is_the_storys_source_not_an_entity(spacy_stage: EntitiesStage) -> None:
    dated = prose_doc(
        [
            ("title", "Port talks resume"),
            ("body", "BERGEN, Norway (Reuters) - The port authority of Bergen reopened the north quay on Monday."),
            ("body", "Reuters said the quay had been closed for repairs since March."),
        ]
    )
    await spacy_stage.run(dated)
    reuters = [e for e in dated.entities if e.text == "Reuters"]
    assert reuters, "the model reads Reuters as a name where the story names it"
    mentions = [(m.start, m.end) for e in reuters for m in e.mentions]
    second = dated.text.index("Reuters said")
    assert mentions == [(second, second + len("Reuters"))]  # the dateline's bracket is no mention


async def test_people_are_grouped_and_places_found(spacy_stage: EntitiesStage) -> None:
    doc = fictional_doc()
    await spacy_stage.run(doc)
    by_text = {e.text: e for e in doc.entities}
    varga = by_text["Anton Varga"]
    assert varga.label == "PERSON" and varga.aliases == ("Varga",) and varga.mention_count == 2
    president = next(e for e in doc.entities if "Kovalensk" in e.text)
    assert president.label == "PERSON" and president.mention_count == 2
    assert {president.text, *president.aliases} == {"Mykola Kovalenskiy", "Mykola Kovalenskyy"}
    kestrel = by_text["Kestrel"]
    assert kestrel.in_captions and not kestrel.in_body
    northland = by_text["Northland"]
    assert northland.in_body and northland.salience == max(e.salience for e in doc.entities)
    assert [e.salience for e in doc.entities] == sorted((e.salience for e in doc.entities), reverse=True)


class SpyNer:
    """A tiny transformers backend that records the texts of every model call."""

    def __init__(self, inner: TransformersNer) -> None:
        self.inner = inner
        self.calls: list[list[str]] = []

    @property
    def model(self) -> str:
        return self.inner.model

    def load(self) -> None:
        self.inner.load()

    def predict(self, texts: Sequence[str]) -> list[list[NerSpan]]:
        self.calls.append(list(texts))
        return self.inner.predict(texts)


async def test_blocks_of_concurrent_documents_share_model_calls(tmp_path: Path) -> None:
    spy = SpyNer(TransformersNer(build_tiny_ner(tmp_path / "tiny", force_label="B-LOC")))
    settings = make_settings(batch_max_wait_ms=200, batch_max_size=64, ner_context_chars=0)  # one block per text
    stage = EntitiesStage(settings, WorkerPool(2), backend=spy)
    await stage.load()
    try:
        spy.calls.clear()
        docs = []
        for n in range(4):
            doc = Doc.create(f"Geneva meeting number {n}\nCouncil members in Springfield met on day {n}.")
            doc.blocks = tuple(
                Block(i, "title" if i == 0 else "body", m.group(), m.start(), m.end(), 0.9)
                for i, m in enumerate(re.finditer(r"[^\n]+", doc.text))
            )
            docs.append(doc)
        await asyncio.gather(*(stage.run(d) for d in docs))
    finally:
        await stage.close()
    assert sum(len(c) for c in spy.calls) == 8
    assert len(spy.calls) < 4  # eight blocks of four concurrent documents in fewer calls than documents
    assert any(len({t[-2] for t in call}) > 1 for call in spy.calls)  # one call held several documents' blocks
    assert all(d.entities for d in docs)


async def test_a_failing_model_fails_the_stage_but_the_document_comes_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    model_dir = build_tiny_ner(tmp_path / "tiny")
    app = create_app(make_settings(ner_backend="transformers", ner_model_dir=model_dir))
    async with app.router.lifespan_context(app):
        await started(app)
        stage = next(s for s in app.state.service.pipeline.stages if s.name == "entities")
        assert isinstance(stage, EntitiesStage)
        assert stage.model is not None and stage.model.startswith("transformers:")

        def explode(texts: Sequence[str]) -> list[list[NerSpan]]:
            raise RuntimeError("CUDA error: device-side assert triggered")

        monkeypatch.setattr(stage.backend, "predict", explode)
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            ready = await client.get("/readyz")
            assert ready.status_code == 200
            r = await client.post("/v1/enrich", json={"text": "Harbour strike\n\nWorkers in Kestrel walked out."})
    assert r.status_code == 200
    document = r.json()
    report = next(s for s in document["pipeline"]["stages"] if s["name"] == "entities")
    assert report["status"] == "failed" and "device-side assert" in report["error"]
    assert any(w["code"] == "stage_failed" and "entities" in w["message"] for w in document["warnings"])
    assert document["entities"] is None and len(document["blocks"]) == 2


async def test_the_service_returns_grouped_entities_with_the_default_trained_model(client: httpx.AsyncClient) -> None:
    text = (
        "DOCK STRIKE SPREADS TO KESTREL\n\n"
        "Dock workers in Kestrel walked out on Monday, spokesman Anton Varga told Reuters.\n\n"
        "Varga said the strike at Kestrel's port would last a week."
    )
    r = await client.post("/v1/enrich", json={"text": text, "stages": ["entities"]})
    assert r.status_code == 200
    document = r.json()
    report = next(s for s in document["pipeline"]["stages"] if s["name"] == "entities")
    assert report["status"] == "ok" and report["model"].startswith("transformers:enrich-ner-minilm-l6-cased-v3 on ")
    entities = {e["text"]: e for e in document["entities"]}
    assert entities["Anton Varga"]["label"] == "PERSON" and entities["Anton Varga"]["mention_count"] == 2
    kestrel = entities["Kestrel"]
    assert kestrel["mention_count"] == 3 and kestrel["aliases"] == ["KESTREL"]  # headline, body, possessive
    for e in document["entities"]:
        for m in e["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"]


async def test_a_wrapped_story_has_the_entities_of_the_story_unwrapped(client: httpx.AsyncClient) -> None:
    """A text wrapped at a fixed width, with no-break spaces: the model reads each block as one line, the entities
    are named with plain spaces, their mentions quote the text as given."""
    story = (
        "Dock strike spreads to the port of Kestrel\n\n"
        "Dock workers in Kestrel walked out on Monday after talks with the Harbour Board broke down, spokesman "
        "Anton Varga told Reuters on the quay outside the Kestrel\u00a0Container Terminal.\n\n"
        "Varga said the strike at the port would last a week unless the Harbour Board made a new offer to the "
        "union before Friday."
    )
    wrapped = "\n".join(textwrap.fill(p, 60, break_on_hyphens=False) if p else p for p in story.split("\n"))
    assert "Anton\nVarga" in wrapped or "Harbour\nBoard" in wrapped or "Kestrel\u00a0Container" in wrapped

    async def entities(text: str) -> list[tuple[str, str, int]]:
        r = await client.post("/v1/enrich", json={"text": text, "stages": ["entities"]})
        assert r.status_code == 200
        found = r.json()["entities"]
        for e in found:
            for m in e["mentions"]:
                assert text[m["start"] : m["end"]] == m["text"]
        return sorted((e["text"], e["label"], e["mention_count"]) for e in found)

    plain = await entities(story)
    assert ("Anton Varga", "PERSON", 2) in plain
    assert await entities(wrapped) == [(t.replace("\u00a0", " "), lab, n) for t, lab, n in plain]
    assert all("\n" not in t and "\u00a0" not in t for t, _, _ in await entities(wrapped))


async def test_a_request_can_keep_only_some_labels(client: httpx.AsyncClient) -> None:
    text = "Harbour strike\n\nDock workers in Kestrel walked out, spokesman Anton Varga told Reuters."
    body = {"text": text, "stages": ["entities"], "options": {"entities": {"labels": ["PERSON"]}}}
    r = await client.post("/v1/enrich", json=body)
    assert r.status_code == 200
    assert [(e["text"], e["label"]) for e in r.json()["entities"]] == [("Anton Varga", "PERSON")]


class _CountingNer:
    """A stand-in model that finds "Kestrel" wherever it is and counts the texts it was given."""

    model = "stub:kestrel"

    def __init__(self) -> None:
        self.texts = 0

    def load(self) -> None:
        return None

    def predict(self, texts: Sequence[str]) -> list[list[NerSpan]]:
        self.texts += len(texts)
        return [[NerSpan(m.start(), m.end(), "GPE") for m in re.finditer("Kestrel", t)] for t in texts]


@pytest.mark.parametrize(
    ("language", "runs"),
    [
        (None, True),  # the language stage did not run: nothing to gate on
        (Language("en", 1.0), True),
        (Language("de", 0.999), False),
        (Language("es", 0.97), False),
        (Language("pcm", 0.41), True),  # an unsure guess (English sports tables look like this) still gets entities
    ],
)
async def test_entities_run_only_for_languages_the_model_covers(language: Language | None, runs: bool) -> None:
    backend = _CountingNer()
    stage = EntitiesStage(make_settings(), WorkerPool(1), backend=backend)
    await stage.load()
    try:
        doc = fictional_doc()
        doc.language = language
        warmed = backend.texts
        await stage.run(doc)
    finally:
        await stage.close()
    skipped = [w for w in doc.warnings if w.code == "entities_language_not_covered"]
    if runs:
        assert backend.texts > warmed and any(e.text == "Kestrel" for e in doc.entities) and not skipped
    else:
        assert backend.texts == warmed and doc.entities == ()
        assert language is not None
        (warning,) = skipped
        assert repr(language.code) in warning.message and "covers only en" in warning.message


async def test_the_covered_languages_are_a_setting() -> None:
    backend = _CountingNer()
    stage = EntitiesStage(make_settings(ner_languages="en, DE"), WorkerPool(1), backend=backend)
    await stage.load()
    try:
        doc = fictional_doc()
        doc.language = Language("de", 0.999)
        await stage.run(doc)
    finally:
        await stage.close()
    assert any(e.text == "Kestrel" for e in doc.entities) and not doc.warnings
