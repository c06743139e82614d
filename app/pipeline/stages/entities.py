"""Entities stage: named entities of the article's prose, corrected per article and grouped per real-world thing.

Reads only the blocks segmentation classified as prose (title, standfirst, body, heading, caption, dateline) — never
credits, bylines, editor's notes or boilerplate — with every credit span, byline, caption editor's note and sign-off
(``(Reporting by ...; Editing by ...)``) inside them blanked out before the model sees them, so a photographer,
author or editor can never become an entity. Block texts
of concurrent requests share model calls through one micro-batcher; the rule-based work runs in the CPU worker pool.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial

from app.nlp.batcher import MicroBatcher, estimate_word_pieces
from app.nlp.ner import NerBackend, NerSpan, build_ner_backend
from app.pipeline.concurrency import WorkerPool
from app.pipeline.document import BlockKind, Doc, DocWarning, Entity
from app.pipeline.stages import model_batch_policy
from app.settings import Settings
from app.text.entity_grouping import display_case, group_mentions
from app.text.entity_rules import (
    Candidate,
    SearchArea,
    clean_candidates,
    company_short_names,
    dateline_spans,
    drop_capitalised_words,
    harmonise_labels,
    label_affiliations,
    label_agencies,
    label_by_head,
    label_by_role,
    label_datelines,
    label_nationalities,
    label_political_places,
    label_team_names,
    label_teams,
    label_voices,
    name_key,
    propagate,
    relabel_people,
    relabel_places,
)
from app.text.lexicon import Gazetteer, Lexicon, PersonNames, load_gazetteer, load_lexicon, load_person_names
from app.text.names import signoff_spans
from app.text.sentences import dateline_agency, plain
from app.text.truecase import casing_evidence, truecase

ENTITY_BLOCK_KINDS: tuple[BlockKind, ...] = ("title", "standfirst", "dateline", "body", "heading", "caption")
# An article skips NER only when the language stage is this sure it is in a language no model covers. Measured
# with py3langid: the 80 non-English dev-intl articles score >= 0.996, while 12 of the 231 English CoNLL-2003 test
# documents (sports tables, result lists) come out as another language at <= 0.64 and must still get entities.
LANGUAGE_GATE_CONFIDENCE = 0.9
_WARMUP_TEXTS = ["The mayor of Springfield, Maria Lopez, met officials of the United Nations in Geneva."]


@dataclass(frozen=True, slots=True)
class EntityRules:
    """Which per-article corrections run (the benchmark switches them to measure each).

    All are on for spaCy's small model, whose errors they were written for. A model trained for NER makes few of
    those errors, and on CoNLL-2003 dev (``python -m benchmarks.eval_ner --split dev --direct --variants``) the
    span-changing rules cost it F1 (places -0.008, affiliations -0.012, teams and team names -0.005 each,
    datelines -0.002, number splitting in the clean-up -0.002, truecasing -0.001). ``for_backend`` gives it only:
    the rule a greedy selection on dev chose (``harmonise``); the rules that change labels only
    (``nationalities``, ``gpe``, ``agencies``, ``voices``: no such mention in dev, the seed's ``Kremlin spokesman``);
    two that are neutral on dev and fix what a reader sees on news
    pages: ``heads`` (-0.0006; it joins ``Riverton`` + ``Public Library``) and ``initial_words`` (-0.0005; a
    common word capitalised by a title-case headline, ``Invasion``, is no entity); ``clean`` without splitting
    names (junk the contract forbids: ``Russia's``, ``the Thames``). The figures are in docs/QUALITY.md.
    """

    truecase: bool = True
    clean: bool = True
    split_names: bool = True  # clean-up splits a span at a stand-alone number or separator (Tottenham 2 Leeds)
    gpe: bool = True
    agencies: bool = True
    places: bool = True
    initial_words: bool = True
    teams: bool = True
    datelines: bool = True
    affiliations: bool = True
    people: bool = True
    heads: bool = True
    short_names: bool = True
    roles: bool = True
    harmonise: bool = True
    propagate: bool = True
    team_names: bool = True
    nationalities: bool = True
    voices: bool = True

    @classmethod
    def for_backend(cls, backend: str) -> EntityRules:
        """The rules measured best for a NER backend (``spacy`` or ``transformers``)."""
        if backend == "spacy":
            return cls()
        return cls(
            truecase=False,
            split_names=False,
            places=False,
            teams=False,
            datelines=False,
            affiliations=False,
            people=False,
            short_names=False,
            roles=False,
            propagate=False,
            team_names=False,
        )


@dataclass(frozen=True, slots=True)
class Resources:
    lexicon: Lexicon
    gazetteer: Gazetteer
    names: PersonNames


def load_resources() -> Resources:
    """The word lists the rules use (blocking, about two seconds)."""
    return Resources(load_lexicon(), load_gazetteer(), load_person_names())


@dataclass(frozen=True, slots=True)
class ModelInput:
    """What the model reads for one block: the block's text with masked spans blanked, perhaps truecased.

    Same length as the block, so ``start + offset`` is an offset into the article.
    """

    block_index: int
    start: int
    text: str
    masked: tuple[tuple[int, int], ...]  # article offsets blanked out (credits, bylines, editor's notes, sign-offs)


def _masks(doc: Doc) -> list[tuple[int, int]]:
    """Credits, bylines, editor's notes inside captions and sign-offs naming the story's makers (``(Reporting by
    ...; Editing by ...)``, ``... contributed to this report``): text the model must not read."""
    spans = [(c.start, c.end) for c in doc.credit_spans] + [(b.start, b.end) for b in doc.bylines]
    for block in doc.blocks_of(*ENTITY_BLOCK_KINDS):
        spans += signoff_spans(doc.text, block.start, block.end)
    spans += [
        (c.editor_note_start, c.editor_note_end)
        for c in doc.captions
        if c.editor_note_start is not None and c.editor_note_end is not None
    ]
    return sorted(s for s in spans if s[1] > s[0])


def prepare_inputs(doc: Doc, resources: Resources, rules: EntityRules) -> list[ModelInput]:
    """The model inputs of an article: one per prose block that has text left after masking."""
    masks = _masks(doc)
    staged: list[tuple[int, int, str, tuple[tuple[int, int], ...]]] = []
    for block in doc.blocks_of(*ENTITY_BLOCK_KINDS):
        chars = list(doc.text[block.start : block.end])
        hit = tuple((s, e) for s, e in masks if s < block.end and block.start < e)
        for s, e in hit:
            for i in range(max(s, block.start), min(e, block.end)):
                chars[i - block.start] = " "
        text = plain("".join(chars), one_line=True)  # a block's line breaks are a hard wrap's: spaces to the model
        if text.strip():
            staged.append((block.index, block.start, text, hit))
    if rules.truecase:
        evidence = casing_evidence(t for _, _, t, _ in staged)
        staged = [
            (i, s, truecase(t, evidence=evidence, lexicon=resources.lexicon, gazetteer=resources.gazetteer), h)
            for i, s, t, h in staged
        ]
    return [ModelInput(i, s, t, h) for i, s, t, h in staged]


@dataclass(frozen=True, slots=True)
class ModelText:
    """One text the model reads: consecutive model inputs joined with a newline, so each block has its
    neighbours as context. ``parts`` holds, per input, (offset in ``text``, length, index into the inputs)."""

    text: str
    parts: tuple[tuple[int, int, int], ...]


def join_for_context(inputs: Sequence[ModelInput], max_chars: int) -> list[ModelText]:
    """Consecutive inputs joined while the text stays within ``max_chars`` (an input is never cut; 0: one each)."""
    out: list[ModelText] = []
    pieces: list[str] = []
    parts: list[tuple[int, int, int]] = []
    length = 0
    for i, inp in enumerate(inputs):
        if pieces and length + 1 + len(inp.text) > max_chars:
            out.append(ModelText("\n".join(pieces), tuple(parts)))
            pieces, parts, length = [], [], 0
        offset = length + 1 if pieces else 0
        pieces.append(inp.text)
        parts.append((offset, len(inp.text), i))
        length = offset + len(inp.text)
    if pieces:
        out.append(ModelText("\n".join(pieces), tuple(parts)))
    return out


def split_spans(texts: Sequence[ModelText], spans: Sequence[Sequence[NerSpan]], n_inputs: int) -> list[list[NerSpan]]:
    """The model's spans of each joined text, back per input with offsets into that input; a span that runs
    across two inputs (a newline) is cut at the boundary into one span per input."""
    out: list[list[NerSpan]] = [[] for _ in range(n_inputs)]
    for joined, found in zip(texts, spans, strict=True):
        for offset, length, index in joined.parts:
            for sp in found:
                start, end = max(sp.start, offset), min(sp.end, offset + length)
                if start < end and joined.text[start:end].strip():
                    out[index].append(NerSpan(start - offset, end - offset, sp.label, sp.score))
    return out


def _dateline_sources(text: str, inputs: Sequence[ModelInput]) -> list[tuple[int, int]]:
    """The agencies that datelines name ("WASHINGTON (AP) —", "(CNN) --"): the wire that wrote the story, like a
    byline, never an entity. Dropped after the model has read them: blanked before, they changed the model's reading
    of the sentence after them (measured on CNN/DM dev)."""
    out: list[tuple[int, int]] = []
    for inp in inputs:
        found = dateline_agency(text[inp.start : inp.start + len(inp.text)])
        if found is not None:
            out.append((inp.start + found[0], inp.start + found[1]))
    return out


def build_entities(
    doc: Doc,
    inputs: Sequence[ModelInput],
    spans: Sequence[Sequence[NerSpan]],
    resources: Resources,
    rules: EntityRules,
) -> tuple[Entity, ...]:
    """Model spans -> corrected mentions -> grouped entities (never a mention overlapping a credit or byline)."""
    text = doc.text
    masks = sorted({span for inp in inputs for span in inp.masked})  # the masks of the blocks the model read
    candidates = [
        Candidate(inp.start + sp.start, inp.start + sp.end, sp.label, inp.block_index, sp.score)
        for inp, found in zip(inputs, spans, strict=True)
        for sp in found
        if sp.end > sp.start
    ]
    lexicon, gazetteer = resources.lexicon, resources.gazetteer
    if rules.clean:
        candidates = clean_candidates(text, candidates, split=rules.split_names, lexicon=lexicon)
    areas = [SearchArea(inp.block_index, inp.start, inp.text) for inp in inputs]
    if rules.places:
        candidates = relabel_places(text, candidates, gazetteer, lexicon)
    if rules.gpe:
        candidates = label_political_places(text, candidates, gazetteer)
    if rules.agencies:
        candidates = label_agencies(text, candidates)
    if rules.voices:
        candidates = label_voices(text, candidates)
    if rules.initial_words:
        candidates = drop_capitalised_words(text, candidates, areas, lexicon, gazetteer)
    if rules.teams:
        candidates = label_teams(text, candidates, areas, gazetteer)
    if rules.datelines:
        candidates = label_datelines(text, candidates, areas)
    if rules.affiliations:
        candidates = label_affiliations(text, candidates, areas, gazetteer)
    if rules.people:
        candidates = relabel_people(text, candidates, resources.names, lexicon, gazetteer)
    if rules.heads:
        candidates = label_by_head(text, candidates)
    if rules.short_names:
        candidates = company_short_names(text, candidates, lexicon, gazetteer)
    if rules.roles:
        candidates = label_by_role(text, candidates)
    headlines = frozenset(b.index for b in doc.blocks_of("title"))
    if rules.harmonise:
        harmonise = partial(
            harmonise_labels,
            headline_blocks=headlines,
            names=resources.names,
            fixed=dateline_spans(text, areas),
            places=gazetteer,
        )
        candidates = harmonise(text, candidates, lexicon)
    if rules.propagate:
        candidates = propagate(text, candidates, areas, lexicon)
        if rules.harmonise:
            candidates = harmonise(text, candidates, lexicon)
    if rules.team_names:
        candidates = label_team_names(text, candidates, areas, gazetteer)
    if rules.nationalities:
        candidates = label_nationalities(text, candidates, gazetteer)
    authors = {name_key(b.name) for b in doc.bylines}
    sources = _dateline_sources(text, inputs)
    kept = [
        c
        for c in candidates
        if not any(s < c.end and c.start < e for s, e in (*masks, *sources))
        and name_key(text[c.start : c.end]) not in authors
    ]
    kinds = {b.index: b.kind for b in doc.blocks}
    return tuple(display_case(e, gazetteer.is_place) for e in group_mentions(text, kept, kinds))


class EntitiesStage:
    """Named entities with the configured NER backend (the trained model by default, spaCy as a setting), micro-batched
    per block."""

    name = "entities"
    version = "2.11.6"  # what each version changed: docs/CHANGELOG.md
    requires = frozenset({"blocks", "credit_spans", "bylines", "captions", "language"})
    provides = frozenset({"entities"})

    def __init__(
        self,
        settings: Settings,
        pool: WorkerPool,
        *,
        backend: NerBackend | None = None,
        rules: EntityRules | None = None,
    ) -> None:
        self._pool = pool
        self._languages = frozenset(settings.ner_languages)
        self._context_chars = settings.ner_context_chars
        self._backend = backend if backend is not None else build_ner_backend(settings)
        self.rules = rules if rules is not None else EntityRules.for_backend(settings.ner_backend)
        self._resources: Resources | None = None
        policy = model_batch_policy(settings)
        self.batcher: MicroBatcher[str, list[NerSpan]] = MicroBatcher(
            "ner", self._predict, policy, cost=estimate_word_pieces
        )
        # a document submits its blocks in slices, so one huge article cannot fill the whole queue by itself
        self._slice = max(1, min(policy.max_queue // 2, 4 * policy.max_batch_size))

    @property
    def model(self) -> str | None:
        return self._backend.model

    @property
    def backend(self) -> NerBackend:
        """The NER model this stage runs."""
        return self._backend

    def _predict(self, texts: list[str]) -> list[list[NerSpan]]:
        return self._backend.predict(texts)

    async def load(self) -> None:
        """Load the model and word lists, start the batcher and warm the model in its own thread."""
        await self._pool.run(self._backend.load)
        self._resources = await self._pool.run(load_resources)
        self.batcher.start()
        await self.batcher.run_direct(list(_WARMUP_TEXTS))

    async def run(self, doc: Doc) -> None:
        """Find, correct and group the entities of ``doc``."""
        if self._resources is None:
            raise RuntimeError("the entities stage was not loaded")
        if self._skip_for_language(doc):
            return
        inputs = await self._pool.run(prepare_inputs, doc, self._resources, self.rules)
        joined = join_for_context(inputs, self._context_chars)
        texts = [j.text for j in joined]
        found: list[list[NerSpan]] = []
        for lo in range(0, len(texts), self._slice):
            found.extend(await self.batcher.submit_many(texts[lo : lo + self._slice]))
        spans = split_spans(joined, found, len(inputs))
        entities = await self._pool.run(build_entities, doc, inputs, spans, self._resources, self.rules)
        wanted = doc.options.entities.labels
        if wanted is not None:
            keep = {label.upper() for label in wanted}
            entities = tuple(e for e in entities if e.label in keep)
        doc.entities = entities

    def _skip_for_language(self, doc: Doc) -> bool:
        """True (entities left empty, a warning added) when the article is surely in a language not covered."""
        language = doc.language
        if language is None or language.code in self._languages or language.confidence < LANGUAGE_GATE_CONFIDENCE:
            return False
        doc.entities = ()
        doc.warnings.append(
            DocWarning(
                "entities_language_not_covered",
                f"no entities: the text is {language.code!r} (confidence {language.confidence}) and the NER model "
                f"covers only {', '.join(sorted(self._languages)) or 'no language'} (ENRICH_NER_LANGUAGES)",
            )
        )
        return True

    async def close(self) -> None:
        await self.batcher.close()
