"""Word lists shared by the text tests (loaded once per session, about a second)."""

from __future__ import annotations

import pytest

from app.text.lexicon import Gazetteer, Lexicon, PersonNames, load_gazetteer, load_lexicon, load_person_names


@pytest.fixture(scope="session")
def words() -> tuple[Lexicon, Gazetteer]:
    return load_lexicon(), load_gazetteer()


@pytest.fixture(scope="session")
def person_names() -> PersonNames:
    return load_person_names()
