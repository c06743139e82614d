"""Credit parsing into IPTC terms, for every credit style news pages print."""

from __future__ import annotations

import pytest

from app.text.credits import Strength, credit_strength, find_inline_credit, parse_credit
from app.text.names import looks_like_person_name, name_case


@pytest.mark.parametrize(
    ("raw", "creators", "source", "credit_line"),
    [
        ("AP Photo/Ines Moreau", ("Ines Moreau",), "AP", "AP Photo"),
        ("KARIN VOSS/AFP via Getty Images", ("Karin Voss",), "AFP", "AFP via Getty Images"),
        ("KARIN VOSS/AFP via Getty", ("Karin Voss",), "AFP", "AFP via Getty Images"),
        ("Photograph: Leo Marsh/Reuters", ("Leo Marsh",), "Reuters", "Reuters"),
        ("Photo by Omar Haddad/Bloomberg", ("Omar Haddad",), "Bloomberg", "Bloomberg"),
        ("(Image: Getty)", (), "Getty Images", "Getty Images"),
        ("Image: Getty", (), "Getty Images", "Getty Images"),
        ("Credit: Priya Nair/EPA-EFE", ("Priya Nair",), "EPA", "EPA-EFE"),
        ("Credit: Pablo Ruiz/AFP/Getty", ("Pablo Ruiz",), "AFP", "AFP via Getty Images"),
        ("Nina Petrakis for The New York Times", ("Nina Petrakis",), "The New York Times", "The New York Times"),
        (
            "Photo: Nina Petrakis for The Washington Post via Getty Images",
            ("Nina Petrakis",),
            "The Washington Post",
            "The Washington Post via Getty Images",
        ),
        ("(Photos: Getty/AP)", (), "Getty Images", "Getty Images/AP"),
        ("(Picture: PA)", (), "PA", "PA"),
        ("Sam Okoro / AP", ("Sam Okoro",), "AP", "AP"),
        ("Robert F. Lane / AP", ("Robert F. Lane",), "AP", "AP"),
        ("REUTERS", (), "Reuters", "Reuters"),
        ("Getty Images", (), "Getty Images", "Getty Images"),
        ("The Associated Press", (), "AP", "The Associated Press"),
        ("Lena Ortiz/Anadolu via Getty Images", ("Lena Ortiz",), "Anadolu", "Anadolu via Getty Images"),
        ("Getty Images/iStockphoto", (), "Getty Images", "Getty Images/iStockphoto"),
        ("Courtesy of the Riverton Historical Society", (), "the Riverton Historical Society", None),
        ("Photograph by Doug Farrow", ("Doug Farrow",), None, "Doug Farrow"),
        ("Elias Brandt/Kestrel Pictures", ("Elias Brandt",), "Kestrel Pictures", "Kestrel Pictures"),
        ("Source: Fellmoor Rail Partnership", (), "Fellmoor Rail Partnership", "Fellmoor Rail Partnership"),
        ("Image source, Getty Images", (), "Getty Images", "Getty Images"),
        ("File: Owen Price/AP Photo", ("Owen Price",), "AP", "AP Photo"),
        ("Jane Doe | Bloomberg | Getty Images", ("Jane Doe",), "Bloomberg", "Bloomberg via Getty Images"),
        ("ABC News: Tim Wells", ("Tim Wells",), "ABC", "ABC News"),
        ("Northvale Police/SWNS", (), "SWNS", "Northvale Police/SWNS"),
        # first names that are also months
        ("Jan Kessler/dpa", ("Jan Kessler",), "dpa", "dpa"),
        ("picture alliance/dpa | Jan Kessler", ("Jan Kessler",), "dpa", "picture alliance/dpa"),
        ("April Dunmore/Getty Images", ("April Dunmore",), "Getty Images", "Getty Images"),
        ("May Lindqvist / AP", ("May Lindqvist",), "AP", "AP"),
        # national news agencies and picture agencies of the source table
        ("GEPA pictures/ Lukas Ortner", ("Lukas Ortner",), "GEPA pictures", "GEPA pictures"),
        ("ANTARA FOTO/Dewi Lestari", ("Dewi Lestari",), "Antara", "Antara"),
        ("Foto: Aino Virtanen/STT", ("Aino Virtanen",), "STT", "STT"),
        ("Bildbyrån", (), "Bildbyrån", "Bildbyrån"),
        # a label before a courtesy line; a photographer on a picture library
        ("Photo courtesy of the Riverton Rapids", (), "the Riverton Rapids", "Courtesy of the Riverton Rapids"),
        ("Photo by Jordan Blake on Unsplash", ("Jordan Blake",), "Unsplash", "Unsplash"),
        # the publication's name before the label; a photographer's post where an agency would stand
        ("Express photo by Gurmeet Sandhu", ("Gurmeet Sandhu",), "Express", "Express"),
        ("ST PHOTO: GAVIN LOH", ("Gavin Loh",), "ST", "ST"),
        ("Kevin Sullivan / Staff Photographer", ("Kevin Sullivan",), None, "Kevin Sullivan"),
        # labels of languages beyond the eleven of the word lists
        ("Fotoğraf: AA", (), "Anadolu", "AA"),
        ("Fotó: Kovács Anna/MTI", ("Kovács Anna",), "MTI", "MTI"),
    ],
)
def test_credit_styles_parse_into_iptc_terms(
    raw: str, creators: tuple[str, ...], source: str | None, credit_line: str | None
) -> None:
    parsed = parse_credit(raw)
    assert parsed.creators == creators
    assert parsed.source == source
    if credit_line is not None:
        assert parsed.credit_line == credit_line
    else:
        assert parsed.credit_line == f"Courtesy of {source}"


@pytest.mark.parametrize(
    ("shouted", "printed"),
    [
        ("DIMITAR PETROV", "Dimitar Petrov"),
        ("SEAN MCDONALD", "Sean McDonald"),
        ("NIAMH O'REGAN", "Niamh O'Regan"),
        ("ANNA VAN BEEK", "Anna van Beek"),
        ("JEAN-PAUL DUVAL", "Jean-Paul Duval"),
        ("Frank van Beek", "Frank van Beek"),
    ],
)
def test_names_are_printed_in_name_case(shouted: str, printed: str) -> None:
    assert name_case(shouted) == printed


def test_photographer_in_capitals_before_an_agency_is_name_cased() -> None:
    assert parse_credit("SEAN MCDONALD/AFP via Getty Images").creators == ("Sean McDonald",)
    assert parse_credit("NIAMH O'REGAN/PA Wire").creators == ("Niamh O'Regan",)


@pytest.mark.parametrize(
    "text",
    [
        "A man walks his dog along the seafront on Sunday morning",
        "Photo: A man walks his dog along the seafront on Sunday morning in the sun",
        "The council approved the budget",
        "Best for Families/Side Sleepers",
        "stock image",
        "",
        # a scorer and the minute, in a sports result: a number in brackets is no source
        "Mara Velden ( 28th )",
        "Kestrel - Jon Osei (61st minute)",
        # a player and his country or club in a results list: a picture's source is no place
        "Tomas Verhoeven ( Netherlands )",
        "Jonas Lindqvist (Sweden)",
        "Pierre Marchetti (Rennes)",
    ],
)
def test_ordinary_text_is_not_a_credit(text: str) -> None:
    assert credit_strength(text) == Strength.NONE


def test_a_bare_organisation_is_only_a_weak_credit() -> None:
    assert credit_strength("The Fellmoor Gazette") == Strength.WEAK
    assert credit_strength("Getty Images") == Strength.STRONG


@pytest.mark.parametrize(
    ("block", "credit", "caption"),
    [
        (
            "A passenger waits at the pier, Thursday, June 4, 2026. (AP Photo/Ines Moreau)",
            "AP Photo/Ines Moreau",
            "A passenger waits at the pier, Thursday, June 4, 2026.",
        ),
        ("Waves crash over the pier (Image: Getty)", "Image: Getty", "Waves crash over the pier"),
        (
            "A restored viaduct near the junction. Photograph: Leo Marsh/Reuters",
            "Photograph: Leo Marsh/Reuters",
            "A restored viaduct near the junction.",
        ),
        (
            "The old quarry at dawn.Credit: Pablo Ruiz/AFP/Getty",
            "Credit: Pablo Ruiz/AFP/Getty",
            "The old quarry at dawn.",
        ),
        (
            "The mayor opens the new bridge. | Tom Reyes/PA Images via Getty Images",
            "Tom Reyes/PA Images via Getty Images",
            "The mayor opens the new bridge.",
        ),
        (
            "The mayor opens the new bridge in Fellmoor Tom Reyes/via Reuters",
            "Tom Reyes/via Reuters",
            "The mayor opens the new bridge in Fellmoor",
        ),
        (
            "Fans celebrate after the final.Perry Lund/Getty Images",
            "Perry Lund/Getty Images",
            "Fans celebrate after the final.",
        ),
        ("A reader at the library [File: Owen Price/AP Photo]", "File: Owen Price/AP Photo", "A reader at the library"),
        ("Readers welcomed the decision. (Supplied)", "Supplied", "Readers welcomed the decision."),
        (
            "Staff at the branch. Jane Doe | Bloomberg | Getty Images",
            "Jane Doe | Bloomberg | Getty Images",
            "Staff at the branch.",
        ),
        (
            "Farmers protest near the border. (Express photo by Gurmeet Sandhu)",
            "Express photo by Gurmeet Sandhu",
            "Farmers protest near the border.",
        ),
        (
            "Residents queue for water in Jurong. ST PHOTO: GAVIN LOH",
            "ST PHOTO: GAVIN LOH",
            "Residents queue for water in Jurong.",
        ),
        (
            "The mayor at City Hall on Friday. Kevin Sullivan / Staff Photographer",
            "Kevin Sullivan / Staff Photographer",
            "The mayor at City Hall on Friday.",
        ),
        ("Fans celebrate in the square - Getty Images", "Getty Images", "Fans celebrate in the square"),
        (
            "La ministra, durante la rueda de prensa, este martes en el palacio. Claudio Arenas",
            "Claudio Arenas",
            "La ministra, durante la rueda de prensa, este martes en el palacio.",
        ),
        (
            "Aficionados celebran en la plaza. Foto: Ana Ruiz (EFE)",
            "Foto: Ana Ruiz (EFE",  # the closing bracket goes with the outer ones
            "Aficionados celebran en la plaza.",
        ),
        (
            "Fans watch the Rapids play in September. (Photo courtesy of the Riverton Rapids)",
            "Photo courtesy of the Riverton Rapids",
            "Fans watch the Rapids play in September.",
        ),
    ],
)
def test_credit_inside_a_caption_is_found_with_the_caption_bounds(block: str, credit: str, caption: str) -> None:
    found = find_inline_credit(block)
    assert found is not None
    raw = block[found.start : found.end].strip("()")
    assert raw == credit
    assert block[found.caption_start : found.caption_end].rstrip(" |(") == caption


@pytest.mark.parametrize(
    "block",
    [
        "The council said it would publish the figures (in full) next week.",
        "Officials from the International Monetary Fund (IMF)",
        "Here are some of the best plants for a kitchen (stock image)",
        "He said the route would reopen in spring. It was closed in 2022.",
        # a name after a sentence, but no person's: a team, a place
        "The match ended 2-1 after extra time. Manchester United",
        "He was born there in 1950. New York City",
        # a bare name after more than two sentences is a paragraph's, not a photographer's
        "The minister spoke. He said the plan would work. Then he left. Jane Roe",
    ],
)
def test_body_sentences_have_no_inline_credit(block: str) -> None:
    assert find_inline_credit(block) is None


@pytest.mark.parametrize(
    ("raw", "source"),
    [
        ("Fot. Ewa Nowicka/PAP", "PAP"),
        ("(Dok. Humas)", "Humas"),
    ],
)
def test_abbreviated_labels_without_a_colon(raw: str, source: str) -> None:
    assert credit_strength(raw) == Strength.STRONG
    assert parse_credit(raw).source == source


@pytest.mark.parametrize(("month", "rest"), [("March", "Madness"), ("October", "Revolution"), ("Dec", "Holloway")])
def test_a_month_that_is_no_first_name_opens_no_name(month: str, rest: str) -> None:
    assert not looks_like_person_name(f"{month} {rest}")
    assert looks_like_person_name(f"June {rest}")  # a month that is a first name does


def test_a_labelled_description_with_its_own_credit_is_a_caption_not_a_credit() -> None:
    line = "[Image: The company's headquarters in Reading. Credit: Getty Images]"
    assert credit_strength(line) == Strength.NONE
    found = find_inline_credit(line)
    assert found is not None and line[found.start : found.end].rstrip("]") == "Credit: Getty Images"
    assert credit_strength("Foto: Bild: SN/APA") == Strength.STRONG  # one credit, labelled twice
    # a person's name as the caption, then a labelled credit: not a publication before its label
    assert credit_strength("Rejoice Ndlovu. Isithombe: Sithunyelwe") == Strength.NONE


@pytest.mark.parametrize(
    "line",
    [
        "7. Mark Evans - John Post ( Britain ) 12",  # a results row: a rank, a pair, their points
        "Harbour Sports Desk - 503-555-0142",  # a desk's telephone number
        "Newsroom / +44 20 7946 0321",
    ],
)
def test_results_rows_and_contact_lines_are_no_credits(line: str) -> None:
    assert credit_strength(line) == Strength.NONE


def test_credits_with_names_and_dates_stay_credits() -> None:
    assert credit_strength("Pieter Janssens - ANP") >= Strength.MEDIUM
    assert credit_strength("Foto: Lukas Brandt/dpa") == Strength.STRONG
