"""article-enrichment: turns the text of a news article into a versioned JSON document."""

from typing import Final

__version__ = "0.1.0"
SCHEMA_VERSION = "1.1.0"
SCHEMA_NAME: Final = "article-enrichment"
