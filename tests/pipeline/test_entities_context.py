"""Model context: consecutive blocks read together, spans given back to the block they came from."""

from __future__ import annotations

from app.nlp.ner import NerSpan
from app.pipeline.stages.entities import ModelInput, join_for_context, split_spans


def _inputs(*texts: str) -> list[ModelInput]:
    out, start = [], 0
    for i, text in enumerate(texts):
        out.append(ModelInput(i, start, text, ()))
        start += len(text) + 2
    return out


def test_blocks_are_joined_whole_up_to_the_limit() -> None:
    inputs = _inputs("KESTREL STRIKE", "Dock workers walked out.", "Anton Varga said so.")
    joined = join_for_context(inputs, 45)
    assert [j.text for j in joined] == ["KESTREL STRIKE\nDock workers walked out.", "Anton Varga said so."]
    assert joined[0].parts == ((0, 14, 0), (15, 24, 1))
    assert [j.text for j in join_for_context(inputs, 0)] == [i.text for i in inputs]  # 0: one block each
    # a block longer than the limit is read alone, never cut
    assert [j.text for j in join_for_context(_inputs("a" * 50, "b"), 10)] == ["a" * 50, "b"]


def test_spans_go_back_to_their_block_and_are_cut_at_a_block_boundary() -> None:
    inputs = _inputs("Talks in KESTREL", "Vesmark officials met Anton Varga.")
    (joined,) = join_for_context(inputs, 1000)
    text = joined.text
    k, v, a = text.index("KESTREL"), text.index("Vesmark"), text.index("Anton Varga")
    spans = [NerSpan(k, v + len("Vesmark"), "GPE", 0.5), NerSpan(a, a + len("Anton Varga"), "PERSON", 0.9)]
    first, second = split_spans([joined], [spans], len(inputs))
    assert [(inputs[0].text[s.start : s.end], s.label) for s in first] == [("KESTREL", "GPE")]
    assert [(inputs[1].text[s.start : s.end], s.label) for s in second] == [
        ("Vesmark", "GPE"),
        ("Anton Varga", "PERSON"),
    ]
