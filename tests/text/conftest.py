"""Word lists shared by the text tests (loaded once per session, about a second)."""

from __future__ import annotations

import pytest

from app.text.lexicon import Gazetteer, Lexicon, load_gazetteer, load_lexicon


@pytest.fixture(scope="session")
def words() -> tuple[Lexicon, Gazetteer]:
    return load_lexicon(), load_gazetteer()
