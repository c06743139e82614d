"""Truecasing all-caps lines without moving offsets."""

from __future__ import annotations

from app.text.lexicon import Gazetteer, Lexicon
from app.text.truecase import casing_evidence, is_shouted, truecase


def test_a_shouted_headline_takes_the_casing_of_its_article(words: tuple[Lexicon, Gazetteer]) -> None:
    lexicon, gazetteer = words
    body = ["Officials in Kestrel said the Dock Union strike would end.", "The strike hit the port on Monday."]
    headline = "DOCK UNION STRIKE ENDS IN KESTREL AS KHARKIV TALKS STALL"
    cased = truecase(headline, evidence=casing_evidence(body), lexicon=lexicon, gazetteer=gazetteer)
    assert len(cased) == len(headline)
    assert cased.lower() == headline.lower()
    assert cased.startswith("Dock Union strike")  # from the article
    assert "Kestrel" in cased and "Kharkiv" in cased  # article, then gazetteer
    assert " ends in " in cased and " talks stall" in cased  # common words


def test_acronyms_and_mixed_case_lines_are_left_alone(words: tuple[Lexicon, Gazetteer]) -> None:
    lexicon, gazetteer = words
    line = "NATO and the FBI met officials in Geneva on Monday."
    assert not is_shouted(line)
    assert truecase(line, evidence={}, lexicon=lexicon, gazetteer=gazetteer) == line
    assert truecase("Score: New York 103 MIAMI 85", evidence={}, lexicon=lexicon, gazetteer=gazetteer).endswith(
        "Miami 85"
    )


def test_dateline_place_is_capitalised(words: tuple[Lexicon, Gazetteer]) -> None:
    lexicon, gazetteer = words
    assert truecase("LONDON 2024-03-02", evidence={}, lexicon=lexicon, gazetteer=gazetteer) == "London 2024-03-02"


def test_casing_evidence_asked_about_some_words_counts_those_as_for_all() -> None:
    body = [
        "Officials said the Dock Union strike would end, and the union agreed.",
        "The strike hit the port. Dock workers cheered the Union.",
        "STRIKE OVER AT THE PORT",
    ]
    everything = casing_evidence(body)
    asked = casing_evidence(body, only={"union", "strike", "missing"})
    assert asked == {"union": "Union", "strike": "strike"}
    assert {key: everything[key] for key in asked} == asked  # same answers, fewer words counted
    assert everything["workers"] == "workers" and "workers" not in asked
