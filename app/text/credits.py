"""Parsing of image credits into IPTC terms (pure functions, no I/O).

PLACEHOLDER: being replaced by the real parser.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ParsedCredit:
    """IPTC Photo Metadata terms of one credit."""

    creators: tuple[str, ...]
    source: str | None
    credit_line: str | None


def parse_credit(raw: str) -> ParsedCredit:
    """Parse a credit as it stands in the text (without brackets) into creators, source and credit line."""
    return ParsedCredit((), None, raw.strip() or None)
