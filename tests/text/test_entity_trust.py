"""Entities a news desk can trust: an alias is a mention of the same thing, and salience ranks what a story is about.

Fictional articles; each test feeds the per-article rules and grouping the spans a model could return.
"""

from __future__ import annotations

from app.pipeline.document import BlockKind, Entity
from app.text.entity_grouping import SALIENCE_V1, group_mentions, org_short_name_of, rank
from app.text.entity_rules import Candidate, harmonise_labels, is_nationality, label_by_head, label_nationalities
from app.text.lexicon import Gazetteer, Lexicon, PersonNames
from tests.text.test_entity_grouping import by_text, mentions


def _entities(
    text: str, spec: list[tuple[str, str]], words: tuple[Lexicon, Gazetteer], names: PersonNames
) -> tuple[Entity, ...]:
    candidates: list[Candidate] = harmonise_labels(text, mentions(text, spec), words[0], names=names, places=words[1])
    return group_mentions(text, candidates, {0: "body"})


def test_a_place_is_never_swallowed_by_a_misread_longer_name(
    words: tuple[Lexicon, Gazetteer], person_names: PersonNames
) -> None:
    text = (
        "A lighter galley cart was unveiled by Zodiac Galleys Europe at the Hamburg show. "
        "Airlines across Europe are expected to order it next year."
    )
    # the model read the company as a person: its last word must not pull the continent in
    spec = [("Zodiac Galleys Europe", "PERSON"), ("Hamburg", "GPE"), ("Europe", "LOC")]
    found = by_text(_entities(text, spec, words, person_names))
    assert found["Zodiac Galleys Europe"].aliases == ()
    assert found["Europe"].label == "LOC" and found["Europe"].mention_count == 1


def test_a_surname_that_is_a_common_word_is_still_the_person(
    words: tuple[Lexicon, Gazetteer], person_names: PersonNames
) -> None:
    text = (
        "Singer Charlotte Church will tour Wales this autumn. "
        "Church said the concerts would raise money for a hospital."
    )
    spec = [("Charlotte Church", "PERSON"), ("Wales", "GPE"), ("Church", "ORG")]
    found = by_text(_entities(text, spec, words, person_names))
    assert "Church" not in found
    assert found["Charlotte Church"].aliases == ("Church",)
    assert found["Charlotte Church"].mention_count == 2


def test_the_church_stays_an_organisation(words: tuple[Lexicon, Gazetteer], person_names: PersonNames) -> None:
    text = "Singer Charlotte Church sang at the abbey. The Church said the choir would return in May."
    spec = [("Charlotte Church", "PERSON"), ("Church", "ORG")]
    found = by_text(_entities(text, spec, words, person_names))
    assert found["Church"].label == "ORG"
    assert found["Charlotte Church"].aliases == ()


def test_an_organisation_joins_only_the_organisation_it_is_the_short_name_of() -> None:
    text = (
        "Vesmark Mining Corp posted a loss. The European Mining Council said the EMC would meet. "
        "Vesmark shares fell, and Vesmark, the town, kept its mayor."
    )
    spec = [
        ("Vesmark Mining Corp", "ORG"),
        ("European Mining Council", "ORG"),
        ("EMC", "ORG"),
        ("Vesmark", "ORG"),
        ("Vesmark", "GPE"),
    ]
    found = group_mentions(text, mentions(text, spec), {0: "body"})
    orgs = {e.text: e for e in found if e.label == "ORG"}
    assert orgs["Vesmark Mining Corp"].aliases == ("Vesmark",)
    assert orgs["European Mining Council"].aliases == ("EMC",)
    (town,) = [e for e in found if e.label == "GPE"]
    assert town.text == "Vesmark" and town.mention_count == 1


def test_a_short_name_that_fits_two_organisations_stays_apart() -> None:
    text = "Kestrel Air and Kestrel Foods merged their depots. Kestrel said jobs were safe."
    spec = [("Kestrel Air", "ORG"), ("Kestrel Foods", "ORG"), ("Kestrel", "ORG")]
    found = by_text(group_mentions(text, mentions(text, spec), {0: "body"}))
    assert found["Kestrel"].mention_count == 1
    assert found["Kestrel Air"].aliases == () and found["Kestrel Foods"].aliases == ()


def test_short_names_are_prefixes_or_initials_only() -> None:
    assert org_short_name_of("Vesmark", "Vesmark Mining Corp")
    assert org_short_name_of("EMC", "European Mining Council")
    assert not org_short_name_of("Europe", "Zodiac Galleys Europe")
    assert not org_short_name_of("Mining", "Vesmark Mining Corp")
    assert not org_short_name_of("Vesmark Mining Corp", "Vesmark Mining Corp")


def test_people_the_story_is_about_outrank_adjectives_and_the_agency_that_reported_it() -> None:
    text = (
        "Northland talks resume\n\n"
        "AP reports that Northlandic and Vesmarkian officials met. Northlandic envoys, Northlandic ministers and "
        "Vesmarkian guards waited. Spokesman Anton Varga said talks would go on. President Mykola Kovalenskiy "
        "agreed. Northlandic troops stayed. Varga and Kovalenskiy spoke again, the Northlandic side said."
    )
    spec = [
        ("AP", "ORG"),
        ("Northlandic", "NORP"),
        ("Vesmarkian", "NORP"),
        ("Northlandic", "NORP"),
        ("Northlandic", "NORP"),
        ("Vesmarkian", "NORP"),
        ("Anton Varga", "PERSON"),
        ("Mykola Kovalenskiy", "PERSON"),
        ("Northlandic", "NORP"),
        ("Varga", "PERSON"),
        ("Kovalenskiy", "PERSON"),
        ("Northlandic", "NORP"),
    ]
    kinds: dict[int, BlockKind] = {0: "title", 1: "body"}
    cands = [Candidate(c.start, c.end, c.label, 1) for c in mentions(text, spec)]
    order = [e.text for e in group_mentions(text, cands, kinds)]
    assert order.index("Anton Varga") < order.index("Northlandic")
    assert order.index("Mykola Kovalenskiy") < order.index("Vesmarkian")
    assert order.index("Mykola Kovalenskiy") < order.index("AP")
    # the ranking of stage 1.1 put the adjective and the agency first
    old = [e.text for e in rank(group_mentions(text, cands, kinds), kinds, len(text), SALIENCE_V1)]
    assert old.index("Northlandic") < old.index("Anton Varga")


def test_a_conll_model_s_nationalities_become_norp(words: tuple[Lexicon, Gazetteer]) -> None:
    gazetteer = words[1]
    text = "Ukrainian and Chinese envoys met French diplomats at the Olympic village before the Nobel Prize dinner."
    spec = [
        ("Ukrainian", "MISC"),
        ("Chinese", "MISC"),
        ("French", "MISC"),
        ("Olympic", "MISC"),
        ("Nobel Prize", "MISC"),
    ]
    labels = {text[c.start : c.end]: c.label for c in label_nationalities(text, mentions(text, spec), gazetteer)}
    assert labels == {
        "Ukrainian": "NORP",
        "Chinese": "NORP",
        "French": "NORP",
        "Olympic": "MISC",
        "Nobel Prize": "MISC",
    }
    assert is_nationality("Koreans", gazetteer) and is_nationality("Israeli", gazetteer)
    assert not is_nationality("Ukraine", gazetteer) and not is_nationality("Interior", gazetteer)


def test_a_name_split_off_an_organisation_is_taken_back_into_it() -> None:
    text = "Students of the Lindqvist Kestrel Technical University marched, and Oslo Kestrel Mining Corp shares fell."
    spec = [("Lindqvist", "LOC"), ("Kestrel Technical University", "ORG"), ("Oslo", "LOC"), ("Kestrel Mining", "ORG")]
    found = [(text[c.start : c.end], c.label) for c in label_by_head(text, mentions(text, spec))]
    assert found == [("Lindqvist Kestrel Technical University", "ORG"), ("Oslo", "LOC"), ("Kestrel Mining", "ORG")]
