"""A bounded in-process LRU cache of finished documents."""

from __future__ import annotations

import hashlib
import json
from collections import OrderedDict
from collections.abc import Sequence

from app.schemas.document import EnrichedDocument
from app.schemas.request import EnrichOptions


def cache_key(content_sha256: str, stages: Sequence[str], options: EnrichOptions, models: Sequence[str]) -> str:
    """Identifies a result: the text, the stages run, the options that shape output, and every model version."""
    shaping = options.model_dump(mode="json", exclude={"deadline_ms"})
    material = json.dumps([content_sha256, list(stages), shaping, list(models)], sort_keys=True)
    return hashlib.sha256(material.encode()).hexdigest()


class DocumentCache:
    """Least-recently-used documents, at most ``max_entries``; texts over ``max_text_chars`` are not kept."""

    def __init__(self, max_entries: int, max_text_chars: int) -> None:
        self.max_entries = max_entries
        self.max_text_chars = max_text_chars
        self._entries: OrderedDict[str, EnrichedDocument] = OrderedDict()
        self.hits = 0
        self.misses = 0

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: str) -> EnrichedDocument | None:
        document = self._entries.get(key)
        if document is None:
            self.misses += 1
            return None
        self._entries.move_to_end(key)
        self.hits += 1
        return document

    def put(self, key: str, document: EnrichedDocument, *, text_chars: int) -> bool:
        """Keep ``document`` unless caching is off or the text is too large; evicts the oldest entries."""
        if self.max_entries <= 0 or text_chars > self.max_text_chars:
            return False
        self._entries[key] = document
        self._entries.move_to_end(key)
        while len(self._entries) > self.max_entries:
            self._entries.popitem(last=False)
        return True
