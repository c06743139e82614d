"""Summary stage: a summary of the article's body, extractive (default) or abstractive.

Only body and standfirst blocks are read (``PROSE_KINDS``): titles, captions, credits, bylines, editor's notes and
boilerplate never enter a summary. Inside them, sentences that read as captions, credits or prompts glued into the
prose, that repeat a known caption, or that touch a credit span are left out too, as are fragments without final
punctuation and pieces of a quotation split across sentences.

* extractive: the packaged all-MiniLM-L6-v2 embeds the candidate sentences (micro-batched with other requests'
  sentences); sentences are scored by centrality plus a position prior and picked with redundancy control
  (``app.nlp.extractive``); they come back in document order with their offsets into the input, their text with
  layout characters normalised (``display_text``: no-break spaces, line breaks and tabs read as one space; soft
  hyphens, zero-width and direction marks dropped).
* abstractive: a Hugging Face seq2seq model directory (``ENRICH_SUMMARY_MODEL_DIR``) summarises the candidate
  sentences, chunked to the encoder's length; generated sentences have no offsets.

A request for ``abstractive`` where no seq2seq model is configured is refused before any work (422,
``summary_method_unavailable``) rather than silently answered with another method.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from app.errors import SummaryMethodUnavailable
from app.nlp.batcher import MicroBatcher, estimate_word_pieces
from app.nlp.embeddings import SentenceEmbedder, Vector, default_embedding_model
from app.nlp.extractive import Candidate, ExtractiveConfig, select
from app.nlp.seq2seq import Chunk, Seq2SeqSummarizer
from app.pipeline.concurrency import WorkerPool
from app.pipeline.document import Block, Doc, DocWarning, Summary, SummarySentence
from app.pipeline.stages import model_batch_policy
from app.schemas.request import EnrichOptions, SummaryOptions
from app.settings import Settings
from app.text.layout.captions import (
    caption_block,
    caption_reason,
    captions_before_credits,
    credit_line,
    repeats_caption,
)
from app.text.names import word_count
from app.text.sentences import Sentence, display_text, join_sentences, split_sentences, without_dateline

log = logging.getLogger(__name__)

# The extractive scorer as measured on CNN/DailyMail dev (docs/QUALITY.md, "Summary").
DEFAULT_CONFIG = ExtractiveConfig(position_weight=3.0, redundancy_weight=0.5, min_words=6)
# A batch of chunks for the seq2seq model: about four encoder-sized chunks of a BART-class model.
GENERATE_BATCH_TOKENS = 4096
_WARMUP_SENTENCES = [
    "The city council approved a new budget on Monday, officials said.",
    "The mayor said the plan would fund schools and roads.",
]


# Blocks a summary reads: the body, and the standfirst (the publisher's own lede, prose that opens the article;
# segmentation also calls so the opening paragraphs of a story cut off from the rest by an inline prompt such as
# "Scroll down for video": leaving them out lost the lead of 21 of 150 CNN/DM articles, ROUGE-2 0.963 of Lead-3).
PROSE_KINDS = frozenset({"body", "standfirst"})


@dataclass(frozen=True, slots=True)
class SummaryInput:
    """The sentences a summary may use, and how many body sentences there were in all."""

    sentences: tuple[Sentence, ...]
    body_sentences: int
    left_out: int


def summary_input(doc: Doc, *, max_sentences: int | None = None) -> SummaryInput:
    """The candidate sentences of ``doc``'s body blocks, in document order (pure; run it off the event loop).

    Only the first ``max_sentences`` body sentences are read (all when None); ``left_out`` counts the others.
    Left out: sentences without final punctuation, pieces of a quotation split across sentences
    (``Sentence.quote_fragment``), caption-like sentences (``caption_reason``), sentences that repeat a known
    caption or another block (``_repeats``), a sentence right before a credit, and every sentence of a short body
    block that carries a photo credit or stands right above a credit line (such a block is a caption, whatever
    segmentation called it).
    """
    caption_tokens = [_tokens(c.text) for c in doc.captions]
    blocks = doc.blocks
    split = {
        b.index: split_sentences(doc.text, b.start, b.end, paragraph=True) for b in blocks if b.kind in PROSE_KINDS
    }
    repeats = _repeats(split, blocks)
    sentences: list[Sentence] = []
    body = 0
    left_out = 0
    for position, block in enumerate(blocks):
        if block.kind not in PROSE_KINDS:
            continue
        block_sentences = split[block.index]
        room = len(block_sentences) if max_sentences is None else max(0, max_sentences - body)
        body += len(block_sentences)
        left_out += max(0, len(block_sentences) - room)
        if caption_block(block_sentences, block, doc.credit_spans) or (
            position + 1 < len(blocks) and credit_line(blocks[position + 1], doc.credit_spans)
        ):
            continue
        before_credit = captions_before_credits(block_sentences)
        for sentence in block_sentences[:room]:
            if (
                sentence.start not in before_credit
                and sentence.start not in repeats
                and _usable(sentence, caption_tokens, _tokens(sentence.text))
            ):
                sentences.append(without_dateline(sentence))
    return SummaryInput(tuple(sentences), body, left_out)


def _usable(sentence: Sentence, caption_tokens: list[set[str]], tokens: set[str]) -> bool:
    if not sentence.terminated or sentence.quote_fragment or caption_reason(sentence.text) is not None:
        return False
    return not repeats_caption(tokens, caption_tokens)


def _repeats(split: dict[int, list[Sentence]], blocks: Sequence[Block]) -> set[int]:
    """Starts of the body sentences that repeat text of another block (compared by their sets of words, 5 or more).

    Repeated text is a caption or a pull quote copying the prose (the caption often copies the lead), or a caption
    list repeated: every copy is left out. Only text repeated inside a repeated passage (3+ neighbouring blocks
    repeated block for block: an article pasted twice, stories joined with their repeats) keeps its first copy.
    """
    body = [b for b in blocks if b.kind in PROSE_KINDS]
    block_keys = [frozenset(_tokens(b.text)) for b in body]
    in_passage = _repeated_passages(block_keys)
    places: dict[frozenset[str], list[tuple[int, bool]]] = {}  # key -> (block index, may keep a copy), in order
    for block in blocks:
        if block.kind != "caption":
            continue
        key = frozenset(_tokens(block.text))
        if len(key) >= 5:
            places.setdefault(key, []).append((block.index, False))
    for position, block in enumerate(body):
        block_sentences = split.get(block.index, [])
        keeps = in_passage[position]
        keys = {frozenset(_tokens(s.text)) for s in block_sentences}
        if len(block_sentences) <= 1:
            keys.add(block_keys[position])
        for key in keys:
            if len(key) >= 5:
                places.setdefault(key, []).append((block.index, keeps))
    dropped: set[int] = set()
    for block in body:
        for sentence in split.get(block.index, ()):
            where = places.get(frozenset(_tokens(sentence.text)), [])
            if len({index for index, _ in where}) < 2:
                continue
            if not all(keeps for _, keeps in where) or where[0][0] != block.index:
                dropped.add(sentence.start)
    return dropped


def _repeated_passages(keys: list[frozenset[str]], run: int = 3) -> list[bool]:
    """For each block (by its word set), whether it lies in a run of at least ``run`` consecutive blocks that is
    repeated elsewhere, block for block (linear). Captions copied from the prose repeat one or two paragraphs."""
    positions: dict[frozenset[str], list[int]] = {}
    for position, key in enumerate(keys):
        positions.setdefault(key, []).append(position)

    def same(a: int, b: int) -> bool:
        return 0 <= a < len(keys) and 0 <= b < len(keys) and a != b and keys[a] == keys[b]

    out = [False] * len(keys)
    for where in positions.values():
        for n, position in enumerate(where):
            for other in where[max(0, n - 1) : n] + where[n + 1 : n + 2]:
                shift = other - position
                for first in range(position - run + 1, position + 1):
                    if all(same(i, i + shift) for i in range(first, first + run)):
                        out[position] = True
    return out


_TOKEN = re.compile(r"\w+")


def _tokens(text: str) -> set[str]:
    return set(_TOKEN.findall(unicodedata.normalize("NFKC", text).casefold()))


class SummaryStage:
    """Summarises the body; see the module docstring."""

    name = "summary"
    version = "1.2.6"  # what each version changed: docs/CHANGELOG.md
    requires = frozenset({"blocks", "captions", "credit_spans"})
    provides = frozenset({"summary"})

    def __init__(
        self,
        settings: Settings,
        pool: WorkerPool,
        *,
        config: ExtractiveConfig = DEFAULT_CONFIG,
        embedder: SentenceEmbedder | None = None,
    ) -> None:
        """``embedder`` defaults to the configured (or packaged) model; a loaded one may be shared."""
        self._settings = settings
        self._pool = pool
        self.config = config
        if embedder is not None:
            self.embedder = embedder
        else:
            model_dir, name = default_embedding_model()
            if settings.embedding_model_dir is not None:
                model_dir, name = settings.embedding_model_dir, str(settings.embedding_model_dir)
            self.embedder = SentenceEmbedder(
                model_dir,
                name=name,
                torch_threads=settings.torch_threads,
                runtime=settings.model_runtime,
                onnx_dir=settings.onnx_dir,
            )
        self.abstractive: Seq2SeqSummarizer | None = None
        if settings.summary_model_dir is not None:
            self.abstractive = Seq2SeqSummarizer(settings.summary_model_dir, torch_threads=settings.torch_threads)
        self.embedding_batcher: MicroBatcher[str, Vector] = MicroBatcher(
            "embeddings", self._embed, model_batch_policy(settings), cost=estimate_word_pieces
        )
        self.generation_batcher: MicroBatcher[str, str] | None = None
        if self.abstractive is not None:
            self.generation_batcher = MicroBatcher(
                "seq2seq",
                self._generate,
                model_batch_policy(settings, max_batch_tokens=GENERATE_BATCH_TOKENS),
                cost=estimate_word_pieces,
            )

    def _embed(self, texts: list[str]) -> list[Vector]:
        return self.embedder.embed(texts)

    def _generate(self, texts: list[str]) -> list[str]:
        if self.abstractive is None:
            raise SummaryMethodUnavailable("no seq2seq model is configured")
        return self.abstractive.summarize(texts)

    @property
    def model(self) -> str:
        """The embedding model, and the seq2seq model when one is configured."""
        if self.abstractive is None:
            return self.embedder.name
        return f"extractive: {self.embedder.name}; abstractive: {self.abstractive.name}"

    async def load(self) -> None:
        """Load the models in their batcher threads and run one warm-up call through each."""
        self.embedding_batcher.start()
        await self._pool.run(self.embedder.load)
        await self.embedding_batcher.run_direct(list(_WARMUP_SENTENCES))
        if self.abstractive is not None and self.generation_batcher is not None:
            self.generation_batcher.start()
            await self._pool.run(self.abstractive.load)
            await self.generation_batcher.run_direct([" ".join(_WARMUP_SENTENCES)])

    async def close(self) -> None:
        """Stop the model threads."""
        await self.embedding_batcher.close()
        if self.generation_batcher is not None:
            await self.generation_batcher.close()

    def check_options(self, options: EnrichOptions) -> None:
        """Refuse, before any work, a request for a method this deployment cannot run."""
        if options.summary.method == "abstractive" and self.abstractive is None:
            raise SummaryMethodUnavailable(
                "options.summary.method is 'abstractive', but this service has no seq2seq model configured "
                "(ENRICH_SUMMARY_MODEL_DIR); ask for 'extractive' or leave the method unset",
                available=["extractive"],
            )

    async def run(self, doc: Doc) -> None:
        """Assign ``doc.summary``: None when the body has no usable sentence (with a warning if it has any)."""
        options = doc.options.summary
        method = options.method or self._settings.summary_method
        if method == "abstractive":
            self.check_options(doc.options)
        limit = self._settings.summary_max_input_sentences if method == "extractive" else None
        found = await self._pool.run(summary_input, doc, max_sentences=limit)
        if found.left_out:
            doc.warnings.append(
                DocWarning(
                    "summary_input_limited",
                    f"the summary considered the first {found.body_sentences - found.left_out} of "
                    f"{found.body_sentences} body sentences; {found.left_out} later sentences were not considered",
                )
            )
        if not found.sentences:
            doc.summary = None
            if found.body_sentences:  # without any body, a null summary needs no explanation
                doc.warnings.append(
                    DocWarning(
                        "summary_empty",
                        f"none of the {found.body_sentences} body sentences is usable prose (captions, credits, "
                        "headings and fragments are left out), so there is no summary",
                    )
                )
            return
        if method == "abstractive":
            doc.summary = await self._abstract(doc, found.sentences, options)
        else:
            doc.summary = await self._extract(found.sentences, options)

    async def _extract(self, sentences: Sequence[Sentence], options: SummaryOptions) -> Summary:
        texts = [display_text(s.text) for s in sentences]
        vectors = await self.embedding_batcher.submit_many(texts)
        candidates = [Candidate(i, word_count(t), len(t)) for i, t in enumerate(texts)]
        chosen = await self._pool.run(
            select,
            np.stack(vectors),
            candidates,
            max_sentences=options.max_sentences,
            max_chars=options.max_chars,
            config=self.config,
        )
        return Summary(
            text=join_sentences([texts[i] for i in chosen]),
            sentences=tuple(SummarySentence(texts[i], sentences[i].start, sentences[i].end) for i in chosen),
            method="extractive",
            model=self.embedder.name,
        )

    async def _abstract(self, doc: Doc, sentences: Sequence[Sentence], options: SummaryOptions) -> Summary:
        model, batcher = self.abstractive, self.generation_batcher
        if model is None or batcher is None:  # check_options refused such a request already
            raise SummaryMethodUnavailable("no seq2seq model is configured")
        chunks: list[Chunk] = await self._pool.run(model.plan_chunks, [(s.text, s.start, s.end) for s in sentences])
        limit = self._settings.summary_max_chunks
        if len(chunks) > limit:
            skipped = chunks[limit:]
            doc.warnings.append(
                DocWarning(
                    "summary_input_truncated",
                    f"the abstractive summary read the first {limit} of {len(chunks)} chunks of the body; the text "
                    f"from offset {skipped[0].start} to {skipped[-1].end} was not summarised",
                )
            )
            chunks = chunks[:limit]
        outputs = await batcher.submit_many([c.text for c in chunks])
        generated: list[str] = []
        for output in outputs:
            generated.extend(s.text for s in split_sentences(output))
        if options.max_chars is not None:
            generated = _within(generated, options.max_chars)
        return Summary(
            text=" ".join(generated),
            sentences=tuple(SummarySentence(t, None, None) for t in generated),
            method="abstractive",
            model=model.name,
        )


def _within(sentences: list[str], max_chars: int) -> list[str]:
    """The leading sentences whose joined text fits ``max_chars`` (a sentence is never cut)."""
    kept: list[str] = []
    used = 0
    for sentence in sentences:
        cost = len(sentence) + (1 if kept else 0)
        if used + cost > max_chars:
            break
        kept.append(sentence)
        used += cost
    return kept
