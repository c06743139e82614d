"""Grouping of mentions into entities: spelling variants, surnames, possessives, salience."""

from __future__ import annotations

import re

from app.pipeline.document import BlockKind, Entity
from app.text.entity_grouping import display_case, group_mentions, same_surname, similarity
from app.text.entity_rules import Candidate, clean_candidates


def mentions(text: str, spec: list[tuple[str, str]], block_of: dict[int, int] | None = None) -> list[Candidate]:
    """Candidates for each (surface, label), found left to right in ``text``."""
    out, pos = [], 0
    for surface, label in spec:
        start = text.index(surface, pos)
        out.append(Candidate(start, start + len(surface), label, 0))
        pos = start + len(surface)
    return out


def by_text(entities: tuple[Entity, ...]) -> dict[str, Entity]:
    return {e.text: e for e in entities}


def test_transliteration_variants_of_a_surname_are_one_person() -> None:
    text = (
        "President Mykola Kovalenskiy said on Tuesday that talks must wait. "
        "Later President Mykola Kovalenskyy accused the neighbours of delay, and Kovalensky left."
    )
    spec = [("Mykola Kovalenskiy", "PERSON"), ("Mykola Kovalenskyy", "PERSON"), ("Kovalensky", "PERSON")]
    (person,) = group_mentions(text, mentions(text, spec), {0: "body"})
    assert person.mention_count == 3
    assert person.text == "Mykola Kovalenskiy"  # equally full: the first form
    assert person.aliases == ("Mykola Kovalenskyy", "Kovalensky")


def test_surname_only_mention_joins_the_person_named_in_full() -> None:
    text = "Spokesman Anton Varga made the disclosure. Varga added that the delegation was ready."
    (person,) = group_mentions(text, mentions(text, [("Anton Varga", "PERSON"), ("Varga", "PERSON")]), {0: "body"})
    assert (person.text, person.aliases, person.mention_count) == ("Anton Varga", ("Varga",), 2)


def test_people_sharing_a_first_name_or_unlike_surnames_stay_apart() -> None:
    text = "Anna Berg met Anna Lind and Jonas Petrov; Jonas Petrovic was not there. Berg spoke first."
    spec = [
        ("Anna Berg", "PERSON"),
        ("Anna Lind", "PERSON"),
        ("Jonas Petrov", "PERSON"),
        ("Jonas Petrovic", "PERSON"),
        ("Berg", "PERSON"),
    ]
    people = by_text(group_mentions(text, mentions(text, spec), {0: "body"}))
    assert set(people) == {"Anna Berg", "Anna Lind", "Jonas Petrov", "Jonas Petrovic"}
    assert people["Anna Berg"].mention_count == 2  # the lone "Berg" goes to Anna Berg, not Anna Lind


def test_a_surname_joins_the_person_named_in_full_with_a_generation_after_it() -> None:
    # "Kenneth Morgan Stancil III" and twelve "Stancil" were two people, the full name's surname read as "III"
    text = (
        "Police arrested Kenneth Morgan Stancil III on Monday. Stancil was held overnight. "
        "Robert Hale Jr. spoke for the family, and Mr. Hale said Stancil had worked at the college."
    )
    spec = [
        ("Kenneth Morgan Stancil III", "PERSON"),
        ("Stancil", "PERSON"),
        ("Robert Hale Jr.", "PERSON"),
        ("Mr. Hale", "PERSON"),
        ("Stancil", "PERSON"),
    ]
    people = by_text(group_mentions(text, mentions(text, spec), {0: "body"}))
    assert set(people) == {"Kenneth Morgan Stancil III", "Robert Hale Jr."}
    assert people["Kenneth Morgan Stancil III"].mention_count == 3
    assert people["Robert Hale Jr."].mention_count == 2


def test_a_lone_surname_goes_to_the_nearest_person_named_before_it() -> None:
    text = "Carl Moreau arrived. Lisa Moreau left. Moreau said nothing."
    spec = [("Carl Moreau", "PERSON"), ("Lisa Moreau", "PERSON"), ("Moreau", "PERSON")]
    people = by_text(group_mentions(text, mentions(text, spec), {0: "body"}))
    assert people["Lisa Moreau"].mention_count == 2 and people["Carl Moreau"].mention_count == 1


def test_a_surname_after_a_courtesy_title_is_the_person_named_in_full() -> None:
    text = (
        "Nurse Hana Okoro met Petra Lind at the ward. Ms Okoro said the night had been long. "
        "Lind agreed. Later Ms. Okoro and Dr Okoro's colleague Lind left, and Okoro went home."
    )
    spec = [
        ("Hana Okoro", "PERSON"),
        ("Petra Lind", "PERSON"),
        ("Ms Okoro", "PERSON"),
        ("Lind", "PERSON"),
        ("Ms. Okoro", "PERSON"),
        ("Dr Okoro", "PERSON"),
        ("Lind", "PERSON"),
        ("Okoro", "PERSON"),
    ]
    entities = group_mentions(text, mentions(text, spec), {0: "body"})
    # one nurse with all five mentions, ranked above the colleague (three): no "Ms Okoro" of her own
    assert [(e.text, e.mention_count) for e in entities] == [("Hana Okoro", 5), ("Petra Lind", 3)]
    assert entities[0].aliases == ("Ms Okoro", "Ms. Okoro", "Dr Okoro", "Okoro")


def test_a_titled_surname_with_no_full_name_is_one_person_with_the_bare_surname() -> None:
    text = "Mr Varga opened the shop. Varga said sales were up. Sir Edmund Hale visited; Hale bought bread."
    spec = [("Mr Varga", "PERSON"), ("Varga", "PERSON"), ("Sir Edmund Hale", "PERSON"), ("Hale", "PERSON")]
    people = by_text(group_mentions(text, mentions(text, spec), {0: "body"}))
    assert set(people) == {"Mr Varga", "Sir Edmund Hale"}  # "Sir" is not a courtesy title before a lone surname
    assert people["Mr Varga"].aliases == ("Varga",) and people["Sir Edmund Hale"].mention_count == 2


def test_case_dots_and_possessives_do_not_split_an_entity() -> None:
    text = "The U.N. agency said the UN would help. KYIV: Kyiv's mayor spoke. Kyiv is calm."
    raw = [
        *mentions(text, [("U.N.", "ORG"), ("UN", "ORG"), ("KYIV", "GPE")]),
        Candidate(text.index("Kyiv's"), text.index("Kyiv's") + 6, "GPE", 0),  # the model took the possessive
        Candidate(text.rindex("Kyiv"), text.rindex("Kyiv") + 4, "GPE", 0),
    ]
    entities = by_text(group_mentions(text, clean_candidates(text, raw), {0: "body"}))
    assert set(entities) == {"U.N.", "Kyiv"}
    assert entities["U.N."].aliases == ("UN",)
    assert entities["Kyiv"].mention_count == 3 and entities["Kyiv"].aliases == ("KYIV",)
    assert [m.text for m in entities["Kyiv"].mentions] == ["KYIV", "Kyiv", "Kyiv"]


def test_a_nations_other_names_are_the_nation() -> None:
    text = "The U.S. and Britain agreed. The United States said the UK would sign; US officials and the UK cheered."
    spec = [("U.S.", "GPE"), ("Britain", "GPE"), ("United States", "GPE"), ("UK", "GPE"), ("US", "GPE"), ("UK", "GPE")]
    entities = by_text(group_mentions(text, mentions(text, spec), {0: "body"}))
    assert set(entities) == {"United States", "Britain"}
    assert entities["United States"].aliases == ("U.S.", "US") and entities["United States"].mention_count == 3
    assert entities["Britain"].aliases == ("UK",) and entities["Britain"].mention_count == 3
    # only places: organisations named so (a team "Britain", a "UK" body) are not made one by the nations' table
    teams = "Britain won the relay; UK officials cheered."
    assert len(group_mentions(teams, mentions(teams, [("Britain", "ORG"), ("UK", "ORG")]), {0: "body"})) == 2


def test_a_us_states_abbreviation_is_the_state() -> None:
    text = "RIVERTON, Ore. (AP) - Floods hit the town. Oregon officials and Calif. crews helped."
    spec = [("Ore.", "GPE"), ("Oregon", "GPE"), ("Calif.", "GPE")]
    entities = by_text(group_mentions(text, mentions(text, spec), {0: "body"}))
    assert set(entities) == {"Oregon", "Calif."}
    assert entities["Oregon"].aliases == ("Ore.",) and entities["Oregon"].mention_count == 2


def test_different_labels_are_different_entities() -> None:
    text = "Jordan played for Jordan."
    spec = [("Jordan", "PERSON"), ("Jordan", "GPE")]
    assert len(group_mentions(text, mentions(text, spec), {0: "body"})) == 2


def test_salience_prefers_the_title_and_body_and_ids_are_stable() -> None:
    text = "Harbour strike in Kestrel\nWorkers in Kestrel walked out. The Dock Union backed them.\nA Vesmark flag."
    kinds: dict[int, BlockKind] = {0: "title", 1: "body", 2: "caption"}
    raw = []
    for m in re.finditer(r"Kestrel|Dock Union|Vesmark", text):
        block = text.count("\n", 0, m.start())
        raw.append(Candidate(m.start(), m.end(), "GPE" if m.group() != "Dock Union" else "ORG", block))
    entities = group_mentions(text, raw, kinds)
    assert [e.text for e in entities] == ["Kestrel", "Dock Union", "Vesmark"]
    assert all(0.0 <= e.salience <= 1.0 for e in entities)
    assert entities[0].salience > entities[1].salience > entities[2].salience
    vesmark = entities[2]
    assert vesmark.in_captions and not vesmark.in_body
    again = group_mentions(text, raw, kinds)
    assert [e.id for e in again] == [e.id for e in entities]
    assert len({e.id for e in entities}) == 3


def test_surname_similarity_is_a_principled_distance_not_a_list() -> None:
    assert same_surname("Zelenskiy", "Zelenskyy") and same_surname("Zelensky", "Zelenskyy")
    assert same_surname("Müller", "Muller")
    assert not same_surname("Petrov", "Ivanov") and not same_surname("Kim", "Kin")
    assert similarity("abcd", "abdc") == 0.75  # one transposition


def test_a_name_printed_only_in_capitals_is_shown_as_a_reader_expects() -> None:
    text = "AUBURN, Wash. — SCHUMER met NATO envoys and UAE officials. WRAL reported it. MOON RIVER flows."
    spec = [("AUBURN", "GPE"), ("SCHUMER", "PERSON"), ("NATO", "ORG"), ("UAE", "GPE"), ("WRAL", "PERSON")]
    spec.append(("MOON RIVER", "LOC"))
    places = {"auburn", "uae"}
    grouped = group_mentions(text, mentions(text, spec), {0: "body"})
    shown = {e.id: display_case(e, lambda name: name.casefold() in places) for e in grouped}
    assert {e.id: e.id for e in grouped} == {i: e.id for i, e in shown.items()}  # ids do not change
    texts = {e.text for e in shown.values()}
    # a known place and a person's name are name-cased; acronyms, nations' abbreviations, a four-letter call sign
    # taken for a person and a place the gazetteer does not know keep their capitals
    assert texts == {"Auburn", "Schumer", "NATO", "UAE", "WRAL", "MOON RIVER"}
    auburn = next(e for e in shown.values() if e.text == "Auburn")
    assert auburn.aliases == ("AUBURN",) and auburn.mentions[0].text == "AUBURN"


def test_a_name_the_wrap_cut_is_named_as_printed_on_one_line() -> None:
    text = "Fans of Eintracht\nFrankfurt met in Saint-\nDenis. Eintracht Frankfurt won, and Saint-Denis celebrated."
    found = group_mentions(
        text,
        mentions(
            text,
            [
                ("Eintracht\nFrankfurt", "ORG"),
                ("Saint-\nDenis", "GPE"),
                ("Eintracht Frankfurt", "ORG"),
                ("Saint-Denis", "GPE"),
            ],
        ),
        {},
    )
    assert sorted((e.text, e.mention_count, e.aliases) for e in found) == [
        ("Eintracht Frankfurt", 2, ()),
        ("Saint-Denis", 2, ()),
    ]
    assert all(text[m.start : m.end] == m.text for e in found for m in e.mentions)  # mentions quote the text
