"""Per-article corrections of the small model's mentions (fictional text, hand-made model output)."""

from __future__ import annotations

import pytest

from app.text.entity_rules import (
    Candidate,
    SearchArea,
    clean_candidates,
    company_short_names,
    dateline_spans,
    drop_capitalised_words,
    harmonise_labels,
    label_agencies,
    label_by_head,
    label_by_role,
    label_datelines,
    label_political_places,
    label_team_names,
    label_teams,
    label_voices,
    propagate,
    relabel_people,
    relabel_places,
)
from app.text.lexicon import Gazetteer, Lexicon, PersonNames


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


def _areas(text: str) -> list[SearchArea]:
    return [SearchArea(i, text.index(line), line) for i, line in enumerate(text.split("\n"))]


def test_a_standings_table_is_decided_as_a_whole(words: tuple[Lexicon, Gazetteer]) -> None:
    _, gazetteer = words
    # US-style standings (won, lost, percentage, games behind) with teams named after states and cities
    text = "W L PCT GB\nKESTREL 14 4 .778 -\nUTAH 10 6 .625 3\nHARBOUR CITY 7 9 .438 6 1/2\nNORTH VALE 3 10 .231 8"
    raw = [at(text, "KESTREL", "PERSON"), at(text, "UTAH", "GPE"), at(text, "HARBOUR CITY", "ORG")]
    found = spans(text, label_teams(text, raw, _areas(text), gazetteer))
    # most rows tagged: every row is a team, the untagged one too; a state's team is not the state
    assert found == [("KESTREL", "ORG"), ("UTAH", "ORG"), ("HARBOUR CITY", "ORG"), ("NORTH VALE", "ORG")]


def test_a_table_of_people_stays_people_and_an_untagged_table_stays_untagged(
    words: tuple[Lexicon, Gazetteer],
) -> None:
    _, gazetteer = words
    golf = "Anton Varga 68 70 71 209\nMarta Lind 70 70 70 210\nJonas Brek 71 70 70 211"
    raw = [at(golf, "Anton Varga", "PERSON"), at(golf, "Marta Lind", "ORG"), at(golf, "Jonas Brek", "PERSON")]
    assert [c.label for c in label_teams(golf, raw, _areas(golf), gazetteer)] == ["PERSON"] * 3
    market = "Steers 61.00 62.50 63.00 64.00\nHeifers 60.00 61.00 62.00 63.00\nCows 40.00 41.00 42.00 43.00"
    assert label_teams(market, [], _areas(market), gazetteer) == []


def test_a_team_of_the_results_is_that_team_in_the_prose(words: tuple[Lexicon, Gazetteer]) -> None:
    _, gazetteer = words
    text = (
        "Kestrel ( 4 ) v Harbour Rovers ( 13 )\n"
        "Kestrel have won four of their last five home games.\n"
        "Officials met in Kestrel on Friday.\n"
        "Norway v Vesmark"
    )
    raw = [
        at(text, "Kestrel", "GPE", 1),
        at(text, "Kestrel", "GPE", 2),
        at(text, "Norway", "GPE"),
    ]
    found = spans(text, label_team_names(text, raw, _areas(text), gazetteer))
    # the club in the prose is the club; the town after "in" stays a place; a national team stays its country
    assert found == [("Kestrel", "ORG"), ("Kestrel", "GPE"), ("Norway", "GPE")]


def test_names_that_read_as_people_become_people(words: tuple[Lexicon, Gazetteer], person_names: PersonNames) -> None:
    lexicon, gazetteer = words
    text = (
        "Sebastien Morvan ( France ) beat Megan Price; Maria Berlin and Orlando Tigers drew at the Rose Bowl. "
        "The show moved to a theatre in Claudia Lane."
    )
    raw = [
        at(text, "Sebastien Morvan", "ORG"),
        at(text, "Megan Price", "GPE"),
        at(text, "Maria Berlin", "ORG"),  # a given name, but the rest is a city: a club
        at(text, "Orlando Tigers", "ORG"),  # a given name that is also a city
        at(text, "Rose Bowl", "FAC"),  # a given name that is also a common word
        at(text, "Claudia Lane", "FAC"),  # after "in": a place
    ]
    found = relabel_people(text, raw, person_names, lexicon, gazetteer)
    assert [c.label for c in found] == ["PERSON", "PERSON", "ORG", "ORG", "FAC", "FAC"]


def test_the_last_word_of_a_name_says_what_it_names() -> None:
    text = "Vesmark Mining Corp, the Harbour Party, the Kestrel Cup, Kestrel United and the Vesmark Sea; Anna Berg."
    raw = [
        at(text, "Vesmark Mining Corp", "PERSON"),
        at(text, "Harbour Party", "GPE"),
        at(text, "Kestrel Cup", "ORG"),
        at(text, "Kestrel United", "GPE"),
        at(text, "Vesmark Sea", "ORG"),
        at(text, "Anna Berg", "PERSON"),
    ]
    assert [c.label for c in label_by_head(text, raw)] == ["ORG", "ORG", "EVENT", "ORG", "LOC", "PERSON"]


def test_a_compound_adjective_before_a_name_is_not_part_of_it() -> None:
    text = "Ostmark-based Vesmark Mining Corp and the state-owned Kestrel Air Inc . bought Ki-choo Park's firm."
    raw = [
        at(text, "Ostmark-based Vesmark Mining Corp", "ORG"),
        at(text, "state-owned Kestrel Air Inc .", "ORG"),
        at(text, "Ki-choo Park", "PERSON"),
    ]
    assert spans(text, clean_candidates(text, raw, split=False)) == [
        ("Vesmark Mining Corp", "ORG"),
        ("Kestrel Air Inc", "ORG"),  # and a full stop standing alone after the name is not part of it either
        ("Ki-choo Park", "PERSON"),  # a given name with a hyphen is no compound adjective
    ]
    # the model tagged the adjective apart: it is not joined to the organisation after it
    text = "Analysts named St. Kestrel-based Vesmark Mining Corp as a buyer."
    raw = [at(text, "St. Kestrel-based", "MISC"), at(text, "Vesmark Mining Corp", "ORG")]
    assert spans(text, label_by_head(text, raw)) == [("St. Kestrel-based", "MISC"), ("Vesmark Mining Corp", "ORG")]


def test_a_company_is_known_by_the_start_of_its_full_name(words: tuple[Lexicon, Gazetteer]) -> None:
    lexicon, gazetteer = words
    text = "Vesmark Mining Corp bid for Texas Instruments Inc. Vesmark said the offer stands; Texas rose."
    raw = [
        at(text, "Vesmark Mining Corp", "ORG"),
        at(text, "Texas Instruments Inc", "ORG"),
        at(text, "Vesmark", "GPE", 1),
        at(text, "Texas", "GPE", 1),
    ]
    found = spans(text, company_short_names(text, raw, lexicon, gazetteer))
    # a short name that is a place stays the place
    assert found[2:] == [("Vesmark", "ORG"), ("Texas", "GPE")]


def test_a_table_in_capitals_is_read_as_written_not_as_truecased(words: tuple[Lexicon, Gazetteer]) -> None:
    _, gazetteer = words
    text = "KESTREL 15 5 .750 -\nLA ROVERS 13 7 .650 2\nHARBOUR CITY 7 11 .389 7"
    # what the model read: truecasing lower-cased the dictionary word of one row
    truecased = text.replace("ROVERS", "rovers")
    areas = [SearchArea(a.block_index, a.start, truecased[a.start : a.start + len(a.text)]) for a in _areas(text)]
    raw = [at(text, "KESTREL", "ORG"), at(text, "HARBOUR CITY", "ORG")]
    assert ("LA ROVERS", "ORG") in spans(text, label_teams(text, raw, areas, gazetteer))


def test_a_role_word_names_what_follows() -> None:
    text = "Polish brewer Vesmark gained. General Anton Varga spoke; striker Kestrel scored for General Motors Corp."
    raw = [
        at(text, "Vesmark", "PERSON"),
        at(text, "General Anton Varga", "ORG"),
        at(text, "Kestrel", "GPE"),
        at(text, "General Motors Corp", "ORG"),
    ]
    assert spans(text, label_by_role(text, raw)) == [
        ("Vesmark", "ORG"),
        ("Anton Varga", "PERSON"),
        ("Kestrel", "PERSON"),
        ("General Motors Corp", "ORG"),
    ]


def test_a_conll_place_that_is_a_country_state_or_city_is_a_gpe(words: tuple[Lexicon, Gazetteer]) -> None:
    _, gazetteer = words
    text = "Trucks left Kharkiv for Poland and Texas, crossed Europe and the Danube, and reached Dolnikovo."
    raw = [at(text, w, "LOC") for w in ("Kharkiv", "Poland", "Texas", "Europe", "Danube", "Dolnikovo")]
    assert spans(text, label_political_places(text, raw, gazetteer)) == [
        ("Kharkiv", "GPE"),
        ("Poland", "GPE"),
        ("Texas", "GPE"),
        ("Europe", "LOC"),
        ("Danube", "LOC"),
        ("Dolnikovo", "LOC"),
    ]


def test_a_nations_other_names_and_the_home_nations_are_gpes(words: tuple[Lexicon, Gazetteer]) -> None:
    _, gazetteer = words
    text = "Envoys of the U.S., the UK, Britain and the USA met England, Wales and Czech Republic officials in Asia."
    names = ("U.S.", "UK", "Britain", "USA", "England", "Wales", "Czech Republic", "Asia")
    raw = [at(text, w, "LOC") for w in names]
    assert spans(text, label_political_places(text, raw, gazetteer)) == [(w, "GPE") for w in names[:-1]] + [
        ("Asia", "LOC")
    ]
    assert gazetteer.is_country("England") and gazetteer.is_country("U.S.") and not gazetteer.is_country("Europe")


def test_a_trained_models_spans_are_cleaned_without_splitting_names() -> None:
    text = "Fans of Euro 96 met at The Oval, near the Thames, after Russia's win; Tottenham 2 Leeds 1."
    raw = [at(text, "Euro 96", "MISC"), at(text, "The Oval", "LOC"), at(text, "the Thames", "LOC")]
    raw += [at(text, "Russia's", "GPE"), at(text, "Tottenham 2 Leeds", "ORG")]
    assert spans(text, clean_candidates(text, raw, split=False)) == [
        ("Euro 96", "MISC"),
        ("The Oval", "LOC"),
        ("Thames", "LOC"),
        ("Russia", "GPE"),
        ("Tottenham 2 Leeds", "ORG"),
    ]
    assert ("Euro", "MISC") in spans(text, clean_candidates(text, raw))  # the spaCy default splits at numbers


def test_a_trained_model_keeps_a_detached_possessive_it_put_inside_a_name_in_tokenised_text() -> None:
    # CoNLL-style tokenised text: "Lloyd 's" and "Boatmen 's" are names; "Russia's" glued is a possessive
    text = "Shares of Boatmen 's rose at Lloyd 's of London , while Russia's bonds fell ."
    raw = [at(text, "Boatmen 's", "ORG"), at(text, "Lloyd 's of London", "ORG"), at(text, "Russia's", "LOC")]
    assert spans(text, clean_candidates(text, raw, split=False)) == [
        ("Boatmen 's", "ORG"),
        ("Lloyd 's of London", "ORG"),
        ("Russia", "LOC"),
    ]
    assert ("Boatmen", "ORG") in spans(text, clean_candidates(text, raw))  # the spaCy default strips it


def test_people_and_places_a_model_read_as_one_list_are_each_their_own_name() -> None:
    # "Johnson, Manzara, and Field" gave the person "Johnson, Manzara"; "Fort Worth, Texas" hid both places from
    # their other mentions. A firm's name and a title keep their comma.
    text = (
        "Johnson, Manzara, and Field met in Fort Worth, Texas, and in Windham, N.H., with lawyers of "
        "Kalf, Voorhis & Co and the song Bye, Bye, Miss American Pie."
    )
    raw = [at(text, "Johnson, Manzara", "PERSON"), at(text, "Fort Worth, Texas", "LOC")]
    raw += [at(text, "Windham, N.H.", "LOC"), at(text, "Kalf, Voorhis & Co", "ORG")]
    raw += [at(text, "Bye, Bye, Miss American Pie", "MISC")]
    for split in (True, False):
        assert spans(text, clean_candidates(text, raw, split=split)) == [
            ("Johnson", "PERSON"),
            ("Manzara", "PERSON"),
            ("Fort Worth", "LOC"),
            ("Texas", "LOC"),
            ("Windham", "LOC"),
            ("N.H.", "LOC"),
            ("Kalf, Voorhis & Co", "ORG"),
            ("Bye, Bye, Miss American Pie", "MISC"),
        ]


def test_a_persons_name_ends_at_a_possessive_before_another_name(words: tuple[Lexicon, Gazetteer]) -> None:
    # "Brendan Rodgers' Liverpool" read as one person made the club a surname and its other mentions that person
    lexicon, _ = words
    text = (
        "Brendan Rodgers' Liverpool won. Father's Day fell on Sunday. Analysts at Moody's Investors Service "
        "and Mara Lind's Selina agreed."
    )
    raw = [at(text, "Brendan Rodgers' Liverpool", "PERSON"), at(text, "Father's Day", "PERSON")]
    raw += [at(text, "Moody's Investors Service", "ORG"), at(text, "Mara Lind's Selina", "PERSON")]
    assert spans(text, clean_candidates(text, raw, split=False, lexicon=lexicon)) == [
        ("Brendan Rodgers", "PERSON"),
        ("Father's Day", "PERSON"),  # a common word after the possessive: the name's own (misread, not cut)
        ("Moody's Investors Service", "ORG"),
        ("Mara Lind", "PERSON"),
    ]


def test_a_town_its_state_qualifies_stays_a_place_beside_a_person_of_that_name(
    words: tuple[Lexicon, Gazetteer], person_names: PersonNames
) -> None:
    lexicon, gazetteer = words
    text = "George Washington slept here. Visitors from Washington, D.C. and Paris, Texas came."
    raw = [at(text, "George Washington", "PERSON"), at(text, "Washington", "LOC", nth=1)]
    raw += [at(text, "D.C.", "LOC"), at(text, "Paris", "LOC"), at(text, "Texas", "LOC")]
    labels = [c.label for c in harmonise_labels(text, raw, lexicon, names=person_names, places=gazetteer)]
    assert labels == ["PERSON", "LOC", "LOC", "LOC", "LOC"]
    # a lone surname with no state after it is still the person
    text = "George Washington slept here, and Washington rose early."
    raw = [at(text, "George Washington", "PERSON"), at(text, "Washington", "LOC", nth=1)]
    labels = [c.label for c in harmonise_labels(text, raw, lexicon, names=person_names, places=gazetteer)]
    assert labels == ["PERSON", "PERSON"]


def test_an_agency_named_in_a_dateline_is_an_organisation() -> None:
    text = "KESTREL, Ore. (AP) - Reuters and Pool reporters met the ABC crew near Oregon."
    raw = [at(text, "AP", "LOC"), at(text, "Reuters", "PERSON"), at(text, "Pool", "LOC"), at(text, "ABC", "MISC")]
    raw.append(at(text, "Oregon", "GPE"))
    assert [c.label for c in label_agencies(text, raw)] == ["ORG", "ORG", "LOC", "MISC", "GPE"]


def test_a_place_with_a_spokesperson_is_an_organisation() -> None:
    text = (
        "A Marlow Hall spokesman said the Ferrow Palace press secretary and Ostmark's spokeswoman agreed; "
        "a Kestrel spokesman, the Lindby Forest rangers and the Tarn Valley spokes-model did not."
    )
    raw = [
        at(text, "Marlow Hall", "LOC"),
        at(text, "Ferrow Palace", "LOC"),
        at(text, "Ostmark", "LOC"),
        at(text, "Kestrel", "GPE"),  # a city speaks as itself: GPE stays
        at(text, "Lindby Forest", "LOC"),  # no spokesperson
        at(text, "Tarn Valley", "LOC"),  # not a spokesperson word
    ]
    assert [c.label for c in label_voices(text, raw)] == ["ORG", "ORG", "ORG", "GPE", "LOC", "LOC"]


def test_two_places_joined_by_a_hyphen_are_two_mentions(words: tuple[Lexicon, Gazetteer]) -> None:
    _, gazetteer = words
    text = "Queues grew at the Belarus-Ukraine border before the Austria-Hungary exhibit and Baden-Baden."
    raw = [at(text, "Belarus-Ukraine", "LOC"), at(text, "Austria-Hungary", "MISC"), at(text, "Baden-Baden", "LOC")]
    assert spans(text, label_political_places(text, raw, gazetteer)) == [
        ("Belarus", "GPE"),
        ("Ukraine", "GPE"),
        ("Austria-Hungary", "MISC"),
        ("Baden-Baden", "GPE"),
    ]


def test_a_common_word_capitalised_by_a_title_case_headline_is_no_entity(words: tuple[Lexicon, Gazetteer]) -> None:
    lexicon, gazetteer = words
    title = "Velmora Says Ready to Resume Talks as Invasion Continues"
    body = "The invasion went on, and officials at Apple said so."
    text = f"{title}\n\n{body}"
    raw = [at(text, "Velmora", "GPE"), at(text, "Invasion", "ORG"), at(text, "Apple", "ORG")]
    areas = [SearchArea(0, 0, title), SearchArea(1, len(title) + 2, body)]
    assert spans(text, drop_capitalised_words(text, raw, areas, lexicon, gazetteer)) == [
        ("Velmora", "GPE"),
        ("Apple", "ORG"),
    ]


def test_a_closing_bracket_the_name_opened_stays_in_it() -> None:
    text = "Standings: Mladost ( L ) 4, (Kestrel United) 3, Dynamo (Ostmark) 2."
    raw = [at(text, "Mladost ( L )", "ORG"), at(text, "(Kestrel United)", "ORG"), at(text, "Dynamo (Ostmark)", "ORG")]
    assert spans(text, clean_candidates(text, raw, split=False)) == [
        ("Mladost ( L )", "ORG"),
        ("Kestrel United", "ORG"),  # both brackets outside the name: both go
        ("Dynamo (Ostmark)", "ORG"),
    ]


@pytest.mark.parametrize("split", [False, True])
def test_a_name_never_holds_a_bracket_it_does_not_pair(split: bool) -> None:
    text = "Bags: $430 at Trailhead (Long), and Size) Kestrel Outdoors [new stock."
    raw = [at(text, "Trailhead (Long", "ORG"), at(text, "Size) Kestrel Outdoors [new", "ORG")]
    assert spans(text, clean_candidates(text, raw, split=split)) == [
        ("Trailhead", "ORG"),  # the bracket it leaves open, and what follows, go
        ("Kestrel Outdoors", "ORG"),  # the part before a bracket it never opened goes
    ]


def test_a_designation_cut_at_its_hyphen_is_read_to_the_end_of_its_word() -> None:
    # the model's word pieces split "F-15" at the hyphen and tag only the letters (or the letters and the hyphen)
    text = "Some F-15 and F-16. jets, AK-47s, and the U-21 side; 4. Mara Velden won."
    raw = [at(text, "F", "MISC"), at(text, "F-", "MISC", 1), at(text, "AK", "MISC"), at(text, "U", "MISC", 0)]
    raw.append(at(text, ". Mara Velden", "PERSON"))
    assert spans(text, clean_candidates(text, raw, split=False)) == [
        ("F-15", "MISC"),
        ("F-16", "MISC"),  # the sentence's full stop stays outside
        ("AK-47s", "MISC"),
        ("U-21", "MISC"),
        ("Mara Velden", "PERSON"),  # the stop of the list number is not part of the name
    ]
    place = "Dublin-born director"
    assert spans(place, clean_candidates(place, [at(place, "Dublin", "GPE")], split=False)) == [("Dublin", "GPE")]


@pytest.mark.parametrize("split", [False, True])
def test_a_nickname_in_quotes_is_inside_the_persons_name_and_or_joins_two_names(split: bool) -> None:
    text = 'Mara "Iron Hand" Velden fights Jon " Kid " Osei; buyers eye Vesmark or Kestrel; Lind "We won" Berg said.'
    raw = [
        at(text, "Mara", "PERSON"),
        at(text, "Iron Hand", "ORG"),  # what the model made of the nickname goes into the name
        at(text, "Velden", "PERSON"),
        at(text, "Jon", "PERSON"),
        at(text, "Kid", "PERSON"),
        at(text, "Osei", "PERSON"),
        at(text, "Vesmark or Kestrel", "ORG"),
        at(text, "Lind", "PERSON"),
        at(text, "Berg", "PERSON"),
    ]
    assert spans(text, clean_candidates(text, raw, split=split)) == [
        ('Mara "Iron Hand" Velden', "PERSON"),
        ('Jon " Kid " Osei', "PERSON"),
        ("Vesmark", "ORG"),
        ("Kestrel", "ORG"),
        ("Lind", "PERSON"),  # a quoted remark is no nickname
        ("Berg", "PERSON"),
    ]


def test_a_datelines_place_keeps_its_label_when_the_article_calls_the_name_a_team(
    words: tuple[Lexicon, Gazetteer],
) -> None:
    lexicon, _ = words
    text = "KESTREL 1996-08-31\nKestrel beat Ostmark 4-2 and Kestrel lead the table; Kestrel fans cheered."
    raw = [at(text, "KESTREL", "GPE"), at(text, "Kestrel", "ORG"), at(text, "Kestrel", "ORG", 1)]
    raw.append(at(text, "Kestrel", "ORG", 2))
    areas = [SearchArea(0, 0, text)]
    fixed = dateline_spans(text, areas)
    assert [c.label for c in harmonise_labels(text, raw, lexicon)] == ["ORG"] * 4  # one name, one label
    assert [c.label for c in harmonise_labels(text, raw, lexicon, fixed=fixed)] == ["GPE"] + ["ORG"] * 3


@pytest.mark.parametrize("split", [False, True])
def test_a_names_end_holds_no_sentence_stop_but_keeps_an_abbreviations(split: bool) -> None:
    # the model's spans took in the stop of the sentence they close; abbreviations keep theirs
    text = (
        "Osei beat Mara Elahi Velden. Kestrel Systems Inc. sold to Vesmark Bank. "
        "Talks in Palo Alto, Calif. went on with U.S. firms and Japan-U.S. ties at Trailhead Ltd. and Jon Osei Jr."
    )
    raw = [
        at(text, "Mara Elahi Velden.", "PERSON"),
        at(text, "Kestrel Systems Inc.", "ORG"),
        at(text, "Vesmark Bank.", "ORG"),
        at(text, "Calif.", "LOC"),
        at(text, "U.S.", "LOC"),
        at(text, "Japan-U.S.", "MISC"),
        at(text, "Trailhead Ltd.", "ORG"),
        at(text, "Jon Osei Jr.", "PERSON"),
    ]
    assert spans(text, clean_candidates(text, raw, split=split)) == [
        ("Mara Elahi Velden", "PERSON"),
        ("Kestrel Systems Inc.", "ORG"),
        ("Vesmark Bank", "ORG"),
        ("Calif.", "LOC"),
        ("U.S.", "LOC"),
        ("Japan-U.S.", "MISC"),
        ("Trailhead Ltd.", "ORG"),
        ("Jon Osei Jr.", "PERSON"),
    ]


def test_a_us_party_letter_is_no_part_of_the_state_after_it(words: tuple[Lexicon, Gazetteer]) -> None:
    _, gazetteer = words
    text = "Sen. Mara Velden (D., Conn.), Rep. Jon Osei (I., Ariz.) and Lind Berg, R-Wis., wrote to M. Kestrel."
    raw = [
        at(text, "D.", "LOC"),  # an initial alone is no name
        at(text, "Conn.", "LOC"),
        at(text, "I., Ariz.", "PERSON"),
        at(text, "R-Wis.", "LOC"),
        at(text, "M.", "PERSON"),
    ]
    cleaned = clean_candidates(text, raw, split=False)
    assert spans(text, cleaned) == [("Conn.", "LOC"), ("Ariz.", "PERSON"), ("Wis.", "LOC")]
    assert spans(text, label_political_places(text, cleaned, gazetteer)) == [
        ("Conn.", "GPE"),
        ("Ariz.", "GPE"),  # a state's abbreviation is the state whatever the model called it
        ("Wis.", "GPE"),
    ]


def test_a_states_abbreviation_that_lost_its_stop_takes_it_back(words: tuple[Lexicon, Gazetteer]) -> None:
    # the model's words end before the stop ("Ariz" + "."), or the clean-up took it for the sentence's
    _, gazetteer = words
    text = "Rep. Jon Osei (D., Ariz.), spoke in Windham, N.H. and in Birmingham, Ala to a crowd."
    raw = [at(text, "Ariz", "PERSON"), at(text, "N.H", "LOC"), at(text, "Ala", "LOC")]
    assert spans(text, label_political_places(text, raw, gazetteer)) == [
        ("Ariz.", "GPE"),
        ("N.H.", "GPE"),
        ("Ala", "GPE"),
    ]


def test_a_name_cut_at_a_connective_takes_the_capitalised_words_after_it() -> None:
    text = (
        "Velden told The Mail on Sunday that the News of the World and the Institute for Research in the Amazon in "
        "Manaus met. Lind bought Kestrel's and a Co-op, Trailhead cars of Jon Osei, and Vesmark Bank of\nLondon."
    )
    raw = [
        at(text, "The Mail on", "ORG"),
        at(text, "Sunday", "MISC"),  # the model's mention of the rest goes into the name
        at(text, "News of", "ORG"),
        at(text, "Institute for Research in the", "ORG"),
        at(text, "Amazon", "LOC"),
        at(text, "Kestrel's and", "ORG"),
        at(text, "Trailhead cars of", "ORG"),
        at(text, "Jon Osei", "PERSON"),
        at(text, "Vesmark Bank of", "ORG"),
    ]
    assert spans(text, clean_candidates(text, raw, split=False)) == [
        ("The Mail on Sunday", "ORG"),
        ("News of the World", "ORG"),
        ("Institute for Research in the Amazon", "ORG"),  # up to the next lower-case word
        ("Kestrel", "ORG"),  # no capitalised word after the connective: it goes (and the possessive)
        ("Trailhead cars", "ORG"),  # a person after it stays a person
        ("Jon Osei", "PERSON"),
        ("Vesmark Bank", "ORG"),  # never across a line break
    ]


def test_a_span_that_begins_at_a_possessives_s_starts_after_it() -> None:
    text = "Prime Minister Mara Velden's Big Society scheme"
    raw = [at(text, "s Big Society", "ORG")]
    assert spans(text, clean_candidates(text, raw, split=False)) == [("Big Society", "ORG")]


def test_a_storm_is_its_name_alone_wherever_it_is_named() -> None:
    text = (
        "Storm Freya closed ports. Freya brought gusts of 90mph. Hurricane Fran weakened. The Storm Prediction Center."
    )
    raw = [
        at(text, "Storm Freya", "ORG"),
        at(text, "Freya", "PERSON", nth=1),
        at(text, "Fran", "MISC"),
        at(text, "Storm Prediction Center", "ORG"),
    ]
    assert spans(text, label_by_head(text, raw)) == [
        ("Freya", "EVENT"),  # CoNLL's convention: "Hurricane" O, "Edouard" MISC
        ("Freya", "EVENT"),
        ("Fran", "EVENT"),
        ("Storm Prediction Center", "ORG"),  # more than one word after it: no storm
    ]
    # "Storm" is also a first name
    text = "Storm Reid starred in the film. Reid said she loved it."
    raw = [at(text, "Storm Reid", "PERSON"), at(text, "Reid", "PERSON", nth=1)]
    assert spans(text, label_by_head(text, raw)) == [("Storm Reid", "PERSON"), ("Reid", "PERSON")]
