"""Per-article corrections of the small model's mentions (fictional text, hand-made model output)."""

from __future__ import annotations

from app.text.entity_rules import (
    Candidate,
    SearchArea,
    clean_candidates,
    harmonise_labels,
    label_datelines,
    label_teams,
    propagate,
    relabel_places,
)
from app.text.lexicon import Gazetteer, Lexicon


def at(text: str, surface: str, label: str, nth: int = 0) -> Candidate:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Candidate(start, start + len(surface), label, 0)


def spans(text: str, found: list[Candidate]) -> list[tuple[str, str]]:
    return [(text[c.start : c.end], c.label) for c in found]


def test_clean_up_trims_articles_possessives_and_scores_and_drops_dates() -> None:
    text = 'The White House said "Kestrel\'s" port reopened; Harbour Town 3 Port Vale 1 on Monday.'
    raw = [
        at(text, "The White House", "ORG"),
        at(text, '"Kestrel\'s"', "GPE"),
        at(text, "Harbour Town 3 Port Vale 1", "ORG"),
        at(text, "Monday", "DATE"),
    ]
    assert spans(text, clean_candidates(text, raw)) == [
        ("White House", "ORG"),
        ("Kestrel", "GPE"),
        ("Harbour Town", "ORG"),
        ("Port Vale", "ORG"),
    ]


def test_places_the_model_took_for_people_become_places(words: tuple[Lexicon, Gazetteer]) -> None:
    lexicon, gazetteer = words
    text = "Shelling hit Kharkiv and Poland; a girl waited in Dolnik, southeastern Poland, with Anna Berg."
    raw = [at(text, "Kharkiv", "PERSON"), at(text, "Poland", "ORG"), at(text, "Dolnik", "PERSON")]
    raw.append(at(text, "Anna Berg", "PERSON"))
    assert [c.label for c in relabel_places(text, raw, gazetteer, lexicon)] == ["GPE", "GPE", "GPE", "PERSON"]


def test_one_label_per_name_and_surnames_are_people(words: tuple[Lexicon, Gazetteer]) -> None:
    lexicon, _ = words
    text = "Vesmark Mining rose. Vesmark Mining fell. Vesmark Mining shares. Anton Varga quit; Varga left."
    raw = [
        at(text, "Vesmark Mining", "ORG"),
        at(text, "Vesmark Mining", "PERSON", 1),
        at(text, "Vesmark Mining", "ORG", 2),
        at(text, "Anton Varga", "PERSON"),
        at(text, "Varga", "ORG", 1),
    ]
    assert [c.label for c in harmonise_labels(text, raw, lexicon)] == ["ORG"] * 3 + ["PERSON"] * 2


def test_a_name_tagged_once_is_found_again(words: tuple[Lexicon, Gazetteer]) -> None:
    lexicon, _ = words
    text = "Anton Varga met Vesmark officials. Later Varga flew to Vesmark."
    found = propagate(
        text, [at(text, "Anton Varga", "PERSON"), at(text, "Vesmark", "GPE")], [SearchArea(0, 0, text)], lexicon
    )
    assert spans(text, found) == [
        ("Anton Varga", "PERSON"),
        ("Vesmark", "GPE"),
        ("Varga", "PERSON"),
        ("Vesmark", "GPE"),
    ]


def test_results_lines_datelines_name_teams_and_places(words: tuple[Lexicon, Gazetteer]) -> None:
    _, gazetteer = words
    text = "KESTREL , Vesmark 2024-03-02\nHarbour Rovers 2 Kestrel 1\nNorway 3 Kestrel City 0"
    areas = [SearchArea(i, text.index(line), line) for i, line in enumerate(text.split("\n"))]
    raw = [at(text, "Kestrel", "GPE", 0), at(text, "Norway", "GPE")]
    teams = spans(text, label_teams(text, raw, areas, gazetteer))
    assert ("Harbour Rovers", "ORG") in teams and ("Kestrel", "ORG") in teams and ("Kestrel City", "ORG") in teams
    assert ("Norway", "GPE") in teams  # a country's team stays a place, as CoNLL and OntoNotes label it
    assert spans(text, label_datelines(text, [], areas)) == [("KESTREL", "GPE"), ("Vesmark", "GPE")]
