"""A picture's caption and its credit as pages lay them out: the credit on its own line under the caption or over
it, in one paragraph with it (set off from the story by blank lines), or after it on its line with only a space
between. Articles written for these tests."""

from __future__ import annotations

import pytest

from app.text.credits import find_inline_credit
from app.text.segment import segment

STORY = (
    "Harbour town counts the cost of the winter storms",
    "Fishermen in Porthaven say the season's losses are the worst in thirty years.",
    "By Jane Roe",
    "12 March 2026",
)
PARAGRAPHS = (
    "The storms that struck the coast in February destroyed much of the harbour wall and sank six boats, the "
    "council said on Tuesday.",
    "Repairs are expected to take most of the year, and the harbour will stay closed to larger vessels until "
    "the work is done.",
    "Fishermen have asked the government for help with the cost of new boats, saying insurance covers only a "
    "fraction of their losses.",
)


def _page(*blocks: str) -> str:
    return "\n\n".join(blocks) + "\n"


def _kind_of(text: str, line: str) -> str:
    return next(b.kind for b in segment(text).blocks if b.text == line)


@pytest.mark.parametrize(
    ("caption", "credit", "raw"),
    [
        # a sentence-like caption printed over its credit, the two in one paragraph
        (
            "Fishermen inspect a damaged boat in the harbour on Monday.",
            "(Photo: John Smith/Reuters)",
            "Photo: John Smith/Reuters",
        ),
        # a caption of three sentences: a picture's caption may say more than a line does
        (
            "Fishermen inspect a damaged boat in the harbour on Monday. The boat sank at its mooring during the "
            "second storm. Its owner says it cannot be repaired.",
            "Photograph: John Smith/Reuters",
            "Photograph: John Smith/Reuters",
        ),
        # a caption shaped like a heading (names in capitals, no full stop): the paragraph says it is a caption
        ("Harbour Master Tom Bell On The Damaged Quay", "(Picture: PA)", "Picture: PA"),
    ],
)
def test_a_credit_line_under_a_caption_in_one_paragraph_credits_that_caption(
    caption: str, credit: str, raw: str
) -> None:
    heading = "Boats moored in the outer harbour"  # under the pair, it might be the caption of a credit over it
    text = _page(*STORY, PARAGRAPHS[0], f"{caption}\n{credit}", heading, PARAGRAPHS[1], PARAGRAPHS[2])
    seg = segment(text)
    assert [c.text for c in seg.captions] == [caption]
    assert [text[c.start : c.end] for c in seg.credits] == [raw]


def test_a_credit_line_over_a_caption_in_one_paragraph_credits_the_caption_under_it() -> None:
    caption = "Fishermen inspect a damaged boat in the harbour on Monday."
    text = _page(*STORY, PARAGRAPHS[0], f"(AP Photo/John Smith)\n{caption}", PARAGRAPHS[1], PARAGRAPHS[2])
    seg = segment(text)
    assert [c.text for c in seg.captions] == [caption]
    assert _kind_of(text, PARAGRAPHS[0]) == "body"


def test_the_lead_picture_under_the_headline_with_its_credit_in_one_paragraph_is_a_caption() -> None:
    caption = (
        "Fishermen inspect what is left of the harbour wall in Porthaven on Monday, after the second of the "
        "winter's storms had passed over the town."
    )
    text = _page(STORY[0], f"{caption}\nPhotograph: John Smith/Reuters", *STORY[1:], *PARAGRAPHS)
    seg = segment(text)
    assert [c.text for c in seg.captions] == [caption]  # not the standfirst
    assert _kind_of(text, STORY[1]) == "standfirst"
    assert [text[b.start : b.end] for b in seg.bylines] == ["Jane Roe"]


def test_a_byline_over_the_lead_pictures_credit_stays_the_byline() -> None:
    caption = "Fishermen inspect a damaged boat in the harbour on Monday."
    text = _page(STORY[0], STORY[1], "Jane Roe", STORY[3], f"Photo: John Smith/Reuters\n{caption}", *PARAGRAPHS)
    seg = segment(text)
    assert [text[b.start : b.end] for b in seg.bylines] == ["Jane Roe"]
    assert [c.text for c in seg.captions] == [caption]


def test_the_people_named_under_a_credit_line_are_the_pictured_not_the_authors() -> None:
    names = "Tom Bell, Anna Fischer, Peter Lang"
    text = _page(STORY[0], STORY[1], f"Photo: Porthaven Council\n{names}", *PARAGRAPHS)
    seg = segment(text)
    assert seg.bylines == ()
    assert [c.text for c in seg.captions] == [names]


def test_a_list_of_other_stories_ends_where_a_picture_with_its_credit_starts() -> None:
    caption = "Fishermen inspect a damaged boat in the harbour on Monday"
    text = _page(
        STORY[0],
        "Related Topics",
        "Storms",
        "Fishing",
        f"{caption}\nJohn Smith/Reuters",
        "Jane Roe",
        *PARAGRAPHS,
    )
    seg = segment(text)
    assert [c.text for c in seg.captions] == [caption]
    assert [text[b.start : b.end] for b in seg.bylines] == ["Jane Roe"]


def test_a_caption_with_its_credit_ends_a_list_of_links_to_other_stories() -> None:
    caption = "Fischer prüfen ein beschädigtes Boot im Hafen. (Quelle: IMAGO/Jane Roe)"
    text = _page(
        "Hafen von Porthaven bleibt gesperrt",
        "Die Stürme haben die Hafenmauer schwer beschädigt. Die Reparatur dauert bis zum Sommer, sagt der Rat.",
        "Mehr zum Thema",
        caption,
        "Fischer fordern Hilfe von der Regierung. Die Versicherung deckt nur einen Teil der Schäden.",
        "Der Rat will im Frühjahr über weitere Mittel entscheiden. Eine Sitzung ist für März geplant.",
    )
    seg = segment(text)
    assert [c.text for c in seg.captions] == ["Fischer prüfen ein beschädigtes Boot im Hafen."]


# an agency after a caption with only a space between is its credit
GLUED_WITH_A_SPACE: list[tuple[str, str | None]] = [
    ("Fishermen inspect a damaged boat in the harbour on Monday Getty Images", "Getty Images"),
    ("Fishermen inspect a damaged boat in the harbour on Monday REUTERS", "REUTERS"),
    ("Protesters gather outside the town hall in Porthaven AFP via Getty Images", "AFP via Getty Images"),
    ("Ein Fischer prüft sein beschädigtes Boot im Hafen DPA", "DPA"),
    # the agency is the sentence's object, or too short to tell from prose: no credit
    ("The council's press officer spoke about the storms with AFP", None),
    ("Why the council stopped talking to AP", None),
    ("Ein Interview über die Stürme mit der DPA", None),
]


# an agency and its photographer after a slash close a caption
AGENCY_SLASH_NAME: list[tuple[str, str | None]] = [
    # the agency first, the photographer after the slash, glued to the caption
    ("Fishermen inspect a damaged boat at the harbour in Porthaven GC Images/Jane Roe", "GC Images/Jane Roe"),
    ("Ein Fischer prüft sein beschädigtes Boot im Hafen.dpa/Max Muster", "dpa/Max Muster"),
    ("Un pescador revisa su barco dañado en el puerto EFE/ J.J. Guillén", "EFE/ J.J. Guillén"),
    # a slash inside the caption's own words
    ("A visitor tries the new Apple Images/Video app at the show", None),
    ("Prices rose on the Riverton/Porthaven line this winter", None),
]


# a credit naming an agency no list knows, where the page marks it
AGENCIES_NO_LIST_KNOWS: list[tuple[str, str | None]] = [
    # an agency no list knows, where the page still marks the credit: after a photographer with a first name,
    # in capitals glued to the caption's full stop or before a slash, after the Japanese credit mark
    ("Fishermen inspect a damaged boat at the harbour in Porthaven Jane Roe/Nordpress", "Jane Roe/Nordpress"),
    ("Fishermen inspect a damaged boat in the harbour Jane Roe/via Nordpress", "Jane Roe/via Nordpress"),
    ("Pescadores revisan un barco dañado en el puerto de Porthaven.NORDPRESS", "NORDPRESS"),
    ("Pescadores revisan un barco dañado en el puerto de Porthaven NORDPRESS/ Ana Pérez", "NORDPRESS/ Ana Pérez"),
    ("港で被害を受けた船を調べる漁業者（ポートヘイブンで、３日）＝ノルドプレス", "ノルドプレス"),
    # a button glued to an author box, a route between two cities: no credit
    ("Motoren sind seine Leidenschaft, und seitdem ist er immer für euch dabei.MEHR", None),
    ("Trains will run again between the two cities of Porthaven and Riverton/Eastbrook", None),
]


@pytest.mark.parametrize(("block", "credit"), GLUED_WITH_A_SPACE + AGENCY_SLASH_NAME + AGENCIES_NO_LIST_KNOWS)
def test_a_credit_glued_to_its_caption_closes_it(block: str, credit: str | None) -> None:
    found = find_inline_credit(block)
    assert (block[found.start : found.end] if found else None) == credit
