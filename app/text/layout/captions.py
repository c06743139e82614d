"""Is this prose a caption? The questions later stages ask the layout package about blocks that segmentation
kept as prose (the summary asks before it quotes a sentence): a short block carrying a credit, the sentence
before a credit, a block that is only a credit, a sentence that repeats a known caption. The phrasing of a
caption-like sentence is read by ``app.text.captionlike.caption_reason``.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.text.captionlike import caption_reason
from app.text.sentences import Sentence
from app.text.types import Block, CreditSpan

__all__ = ["caption_block", "caption_reason", "captions_before_credits", "credit_line", "repeats_caption"]


def _overlaps(start: int, end: int, credits: Sequence[CreditSpan]) -> bool:
    return any(c.start < end and start < c.end for c in credits)


def caption_block(sentences: Sequence[Sentence], block: Block, credits: Sequence[CreditSpan]) -> bool:
    """A short body block (at most three sentences) that carries a photo credit is a caption."""
    if len(sentences) > 3:
        return False
    return _overlaps(block.start, block.end, credits) or any(caption_reason(s.text) == "credit" for s in sentences)


def captions_before_credits(sentences: Sequence[Sentence]) -> set[int]:
    """Starts of the sentences that stand right before a short credit sentence: their captions."""
    return {
        sentences[i - 1].start
        for i in range(1, len(sentences))
        if len(sentences[i].text.split()) <= 12 and caption_reason(sentences[i].text) == "credit"
    }


def credit_line(block: Block, credits: Sequence[CreditSpan]) -> bool:
    """A block that is nothing but a credit ("(Jane Doe/AP)", "Getty Images").

    A block segmentation called a caption is not one, even when short and ending in its credit ("Crews on the pier.
    Foto: Name/dpa"): its credit belongs to it, so the prose above it is not that picture's caption.
    """
    if block.kind == "credit":
        return True
    if block.kind == "caption":
        return False
    covered = sum(
        min(c.end, block.end) - max(c.start, block.start) for c in credits if _overlaps(block.start, block.end, [c])
    )
    return covered >= 0.8 * (block.end - block.start) or (
        len(block.text) <= 80 and caption_reason(block.text) == "credit" and not block.text.rstrip().endswith(".")
    )


def repeats_caption(sentence: set[str], captions: list[set[str]]) -> bool:
    """Whether the sentence is mostly a caption's words, or holds a whole caption of 5 words or more."""
    if not sentence:
        return False
    for caption in captions:
        shared = len(sentence & caption)
        if shared >= 0.8 * len(sentence) or (len(caption) >= 5 and shared >= 0.8 * len(caption)):
            return True
    return False
