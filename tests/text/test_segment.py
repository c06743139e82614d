"""Segmentation of fictional scraped articles: block kinds, title, bylines, captions, credits and offsets."""

from __future__ import annotations

import pytest

from app.pipeline.document import Block
from app.text.segment import Segmentation, segment
from tests.text.articles import ALL, BROADSHEET, TABLOID, WIRE


def block_of(seg: Segmentation, text_start: str) -> Block:
    hits = [b for b in seg.blocks if b.text.startswith(text_start)]
    assert len(hits) == 1, f"{text_start!r}: {[(b.kind, b.text[:40]) for b in seg.blocks]}"
    return hits[0]


def kinds(seg: Segmentation, *starts: str) -> list[str]:
    return [block_of(seg, s).kind for s in starts]


def test_title_is_the_headline() -> None:
    seg = segment(WIRE)
    assert seg.title is not None
    assert seg.title.text == "Harbour ferry strike strands thousands as talks collapse"
    assert block_of(seg, "Harbour ferry strike").kind == "title"


def test_section_label_above_the_headline_is_not_the_title() -> None:
    seg = segment("Politics\n\n" + WIRE)
    assert seg.title is not None and seg.title.text == "Harbour ferry strike strands thousands as talks collapse"
    assert block_of(seg, "Politics").kind == "boilerplate"


def test_a_wire_headline_shaped_like_a_credit_is_the_title_but_a_sure_credit_is_not() -> None:
    """``SPORT - TEAM V TEAM ...`` reads like "Agency - Name" by its form alone; in the headline's place it is the
    headline. A credit with a label or a known agency on the first line stays a credit."""
    story = "PORT ALDINE 2026-03-02\nAldine Harbour beat Brackwater Town by an innings on Friday to go top.\n"
    seg = segment("CRICKET - ALDINE V BRACKWATER ONE-DAY SCOREBOARD .\n" + story)
    assert seg.title is not None and seg.title.text == "CRICKET - ALDINE V BRACKWATER ONE-DAY SCOREBOARD ."
    assert seg.credits == ()
    seg = segment("Photo: Jane Roe/Reuters\n" + story)
    assert [c.raw for c in seg.credits] == ["Photo: Jane Roe/Reuters"]


def test_caption_credit_and_byline_on_three_consecutive_lines_are_three_blocks() -> None:
    seg = segment(WIRE)
    assert kinds(seg, "EDITORS NOTE", "KARIN VOSS", "Tomas Lindqvist") == ["caption", "credit", "byline"]
    assert [b.name for b in seg.bylines] == ["Tomas Lindqvist"]


def test_editors_note_is_taken_out_of_the_caption() -> None:
    seg = segment(WIRE)
    caption = seg.captions[0]
    assert caption.editor_note == "Graphic content"
    assert caption.editor_note_start is not None and caption.editor_note_end is not None
    assert WIRE[caption.editor_note_start : caption.editor_note_end] == "Graphic content"
    assert caption.text.startswith("Commuters crowd the closed ferry terminal")  # no TOPSHOT marker either


def test_standalone_credit_line_is_linked_to_the_caption_above() -> None:
    seg = segment(WIRE)
    credit = next(c for c in seg.credits if c.raw == "KARIN VOSS/AFP via Getty")
    assert credit.standalone
    assert credit.caption_index == 0
    assert seg.captions[0].credit_index == seg.credits.index(credit)
    reuters = next(c for c in seg.credits if c.raw == "Reuters")
    assert (
        seg.captions[reuters.caption_index or 0].text == "Harbour workers picket outside the authority's headquarters."
    )


def test_inline_credit_stays_in_one_caption_block_with_its_own_offsets() -> None:
    seg = segment(WIRE)
    block = block_of(seg, "A passenger waits at the Northgate pier")
    assert block.kind == "caption"
    credit = next(c for c in seg.credits if c.raw == "AP Photo/Ines Moreau")
    assert not credit.standalone
    assert block.start < credit.start < credit.end < block.end
    caption = seg.captions[credit.caption_index or 0]
    assert caption.text.endswith("extra buses would run from Friday.")
    assert "AP Photo" not in caption.text


def test_furniture_is_boilerplate_and_not_body() -> None:
    seg = segment(WIRE)
    assert (
        kinds(
            seg,
            "Published Jun 05, 2026",
            "Share this article",
            "Story continues below advertisement",
            "Read more: Port Aldine council",
        )
        == ["boilerplate"] * 4
    )
    body = [b.text for b in seg.blocks if b.kind == "body"]
    assert len(body) == 6
    assert all("Read more" not in t and "Share" not in t for t in body)


def test_heading_inside_the_body() -> None:
    assert block_of(segment(WIRE), "What happens next").kind == "heading"


def test_standfirst_is_not_body() -> None:
    seg = segment(TABLOID)
    assert block_of(seg, "The 140-year-old attraction").kind == "standfirst"


def test_byline_with_roles_and_two_authors() -> None:
    seg = segment(TABLOID)
    assert [b.name for b in seg.bylines] == ["Jon Reyes", "Clara Whitfield"]
    for b in seg.bylines:
        assert TABLOID[b.start : b.end] == b.name


def test_byline_with_separators_keeps_only_the_name() -> None:
    seg = segment(BROADSHEET)
    assert [b.name for b in seg.bylines] == ["Amira Haddad"]


def test_timestamps_teasers_and_promotions_are_boilerplate() -> None:
    seg = segment(TABLOID)
    assert (
        kinds(
            seg,
            "11:48, Thu, Jul 18, 2024",
            "Link copied",
            "Read More",
            "Seaside cafe owners count the cost",
            "Coastal path reopens",
            "Sign up to our free",
        )
        == ["boilerplate"] * 6
    )


def test_credit_split_over_blocks_is_one_credit() -> None:
    seg = segment(TABLOID)
    credit = next(c for c in seg.credits if "iStockphoto" in c.raw)
    assert credit.raw.startswith("Image:") and credit.raw.endswith("Getty Images/iStockphoto")
    assert TABLOID[credit.start : credit.end] == credit.raw
    caption = seg.captions[credit.caption_index or 0]
    assert caption.text == "A view of the damaged decking from the promenade"
    assert seg.blocks[credit.block_index].kind == "credit"


def test_credit_split_after_a_stock_image_note() -> None:
    text = (
        "Best plants for a shady balcony\n\n"
        "Ferns and ivy thrive without much sun (stock image) (\n\n"
        "Image: Getty Images/Cultura RF)\n\n"
        "Shade-loving plants are easier to keep than most people think.\n"
    )
    seg = segment(text)
    assert [c.raw for c in seg.credits] == ["Image: Getty Images/Cultura RF"]
    assert seg.captions[0].text == "Ferns and ivy thrive without much sun (stock image)"
    assert seg.captions[0].credit_index == 0


def test_labelled_and_commissioned_credits_inside_captions() -> None:
    seg = segment(BROADSHEET)
    raws = [c.raw for c in seg.credits]
    assert "Photograph: Leo Marsh/Reuters" in raws
    assert "Photo by Nina Petrakis for The New York Times" in raws
    captions = [c.text for c in seg.captions]
    assert "Track workers lay the final section of rail near Ashby Cross." in captions


def test_chart_source_is_a_credit_but_the_paragraph_before_stays_body() -> None:
    seg = segment(BROADSHEET)
    assert block_of(seg, "Source: Fellmoor Rail Partnership").kind == "credit"
    assert block_of(seg, "Passenger numbers on the line").kind == "body"


def test_body_of_a_plain_text_without_title() -> None:
    text = (
        "The council met on Monday to discuss the budget, which has been delayed twice this year because of a "
        "dispute over road repairs and school funding, and agreed to vote again next month."
    )
    seg = segment(text)
    assert seg.title is None
    assert [b.kind for b in seg.blocks] == ["body"]


def test_dateline_line_and_positional_caption() -> None:
    text = (
        "Rival mayors meet for first time\n\n"
        "By Sofia Marin\n\n"
        "ALDERTON, Ont. —\n\n"
        "The mayors of Alderton and Brookfield met on Tuesday for the first time since the boundary dispute began.\n\n"
        "Mayor Ruth Kane (left) greets Mayor Paul Ortega outside city hall\n\n"
        "Both said the talks had been constructive.\n"
    )
    seg = segment(text)
    assert block_of(seg, "ALDERTON, Ont.").kind == "dateline"
    assert block_of(seg, "Mayor Ruth Kane (left)").kind == "caption"


def test_multiline_paragraph_hard_wrapped_in_lower_case_is_one_block() -> None:
    text = (
        "Storm closes schools\n\n"
        "Schools across the county closed on Friday as the storm brought down trees and\n"
        "power lines, the education office said.\n"
    )
    seg = segment(text)
    body = [b for b in seg.blocks if b.kind == "body"]
    assert len(body) == 1
    assert body[0].text.endswith("the education office said.")


def test_labelled_credit_line_before_a_labelled_caption() -> None:
    text = (
        "Council votes to keep village library open\n\n"
        "By Hannah Croft, BBC News\n\n"
        "Image source, Getty Images\n\n"
        "Image caption, Volunteers have run the library since 2019\n\n"
        "The library in Little Ashby will stay open after councillors voted against closing it on Tuesday.\n"
    )
    seg = segment(text)
    assert [b.name for b in seg.bylines] == ["Hannah Croft"]
    assert [c.text for c in seg.captions] == ["Volunteers have run the library since 2019"]
    assert [(c.raw, c.caption_index) for c in seg.credits] == [("Image source, Getty Images", 0)]


def test_credit_line_before_a_short_product_caption() -> None:
    text = (
        "The best tents for a weekend away\n\n"
        "We tested a dozen tents in wind and rain over three months to find the ones worth buying.\n\n"
        "The Best Tent for Families\n\n"
        "Photograph: Erin Walsh\n\n"
        "Harlow Peak Family 6\n\n"
        "$420 at Trailhouse\n\n"
        "The Family 6 pitches in ten minutes and stayed dry through two nights of heavy rain.\n"
    )
    seg = segment(text)
    assert [c.text for c in seg.captions] == ["Harlow Peak Family 6"]
    assert seg.credits[0].caption_index == 0
    assert block_of(seg, "The Best Tent for Families").kind == "heading"


def test_live_blog_entries_captions_and_video_captions() -> None:
    text = (
        "Storm live: power cuts across the coast - updates\n\n"
        "By Lena Ortiz\n\n"
        "Thousands of homes lost power overnight as the storm moved along the coast, the grid operator said.\n\n"
        "21:05Lena Ortiz\n\n"
        "Harbour wall damaged in Eastport\n\n"
        "Part of the harbour wall in Eastport collapsed shortly after high tide, the coastguard said.\n\n"
        "Engineers inspecting the damaged section of the wall at dawn\n\n"
        "20:48Lena Ortiz\n\n"
        "Ferries cancelled\n\n"
        "All evening ferries were cancelled because of the high winds.\n\n"
        "00:01:12\n\n"
        "Waves break over the promenade in Eastport – video\n\n"
        "The storm is expected to ease by Sunday morning.\n"
    )
    seg = segment(text)
    assert kinds(seg, "21:05Lena Ortiz", "20:48Lena Ortiz", "00:01:12") == ["boilerplate"] * 3
    assert kinds(seg, "Harbour wall damaged in Eastport", "Ferries cancelled") == ["heading", "heading"]
    assert [c.text for c in seg.captions] == [
        "Engineers inspecting the damaged section of the wall at dawn",
        "Waves break over the promenade in Eastport – video",
    ]
    assert [b.name for b in seg.bylines] == ["Lena Ortiz"]


def test_pull_quote_repeating_the_body_is_not_body() -> None:
    text = (
        "The engineer who kept the lights on\n\n"
        "By Mara Quinn\n\n"
        "For twenty years Dev Anand kept the island's only power station running with parts he made himself.\n\n"
        "“Nobody else knew how the old turbines worked, so I had to learn.”\n\n"
        "He laughed when asked how he managed. “Nobody else knew how the old turbines worked, so I had to learn,” "
        "he said.\n"
    )
    seg = segment(text)
    assert block_of(seg, "“Nobody else knew").kind == "boilerplate"
    assert block_of(seg, "He laughed when asked").kind == "body"


def test_author_biography_at_the_end_is_not_body() -> None:
    text = WIRE + "\nTomas Lindqvist is a labour correspondent based in Port Aldine.\n"
    seg = segment(text)
    assert block_of(seg, "Tomas Lindqvist is a labour").kind == "boilerplate"


def with_crlf_and_nbsp(text: str) -> str:
    return text.replace("\n", "\r\n").replace(" said", "\u00a0said").replace(" (", "\u00a0(")


def with_invisible_characters(text: str) -> str:
    """A byte-order mark, and zero-width spaces and joiners at the lines' edges, as scrapes leave them."""
    return "\ufeff" + "\n".join(f"\u200b{line}\u2060" if line else line for line in text.split("\n"))


VARIANTS = {"as_written": lambda t: t, "crlf_nbsp": with_crlf_and_nbsp, "invisible": with_invisible_characters}


@pytest.mark.parametrize("name", sorted(ALL))
@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_every_offset_reproduces_its_text(name: str, variant: str) -> None:
    text = VARIANTS[variant](ALL[name])
    seg = segment(text)
    assert seg.blocks
    for b in seg.blocks:
        assert text[b.start : b.end] == b.text
        assert 0.0 <= b.confidence <= 1.0
    if seg.title is not None:
        assert text[seg.title.start : seg.title.end] == seg.title.text
    for by in seg.bylines:
        assert text[by.start : by.end] == by.name
    for c in seg.captions:
        assert text[c.start : c.end] == c.text
        block = seg.blocks[c.block_index]
        assert block.start <= c.start <= c.end <= block.end
        if c.editor_note is not None:
            assert c.editor_note_start is not None and c.editor_note_end is not None
            assert text[c.editor_note_start : c.editor_note_end] == c.editor_note
        if c.credit_index is not None:
            assert seg.credits[c.credit_index].caption_index == seg.captions.index(c)
    for cr in seg.credits:
        assert text[cr.start : cr.end] == cr.raw
        block = seg.blocks[cr.block_index]
        assert block.start <= cr.start <= cr.end <= block.end
    # the same classification whatever the line endings and spaces
    assert [b.kind for b in seg.blocks] == [b.kind for b in segment(ALL[name]).blocks]


def japanese_page(caption: str) -> str:
    """A short Japanese article with ``caption`` between its two paragraphs."""
    return (
        "市が新しいフェリーを導入\n\n"
        "市は三日、新しいフェリーを導入すると発表した。運航は来月から始まる。関係者によると、料金は据え置く見通しだ。\n\n"
        f"{caption}\n\n"
        "市長は記者会見で「島の暮らしが便利になる」と述べた。港では歓迎の式典が開かれた。\n"
    )


@pytest.mark.parametrize(
    "caption",
    [
        "会見する市長＝市役所で2026年3月4日、記者撮影",  # ＝, place with で, date, photographer
        "港に入る新しいフェリー（北港で、３日）",  # place and day in brackets at the end
    ],
)
def test_a_japanese_caption_ending_in_place_and_date(caption: str) -> None:
    text = japanese_page(caption)
    seg = segment(text)
    block = block_of(seg, caption)
    assert block.kind == "caption"
    assert "caption_dated" in block.rules
    # a sentence of prose with ＝, a place and a date stays body: it ends with 。
    prose = "式典＝港の広場で3日に開かれ、市長があいさつした。"
    assert block_of(segment(text.replace(caption, prose)), prose).kind == "body"


@pytest.mark.parametrize(
    ("caption", "text_of_caption"),
    [
        ("港に入る新しいフェリー（北港で、３日）＝共同", "港に入る新しいフェリー（北港で、３日）"),
        ("港に入る新しいフェリー＝ＡＰ", "港に入る新しいフェリー"),
    ],
)
def test_a_japanese_captions_text_keeps_no_separator_of_its_credit(caption: str, text_of_caption: str) -> None:
    text = japanese_page(caption)
    seg = segment(text)
    assert [c.text for c in seg.captions] == [text_of_caption]
    assert [c.raw for c in seg.credits] == [caption.rsplit("＝", 1)[1]]


def test_a_caption_credited_to_an_image_generator_with_its_prompt() -> None:
    text = (
        "Bread ads of the past\n\n"
        "Advertising in the 1950s showed kitchens that no family ever had, and the agencies that made them knew it "
        "well, as their archives now show.\n\n"
        "A calm kitchen as the adverts of the 1950s drew it – Midjourney („housewife baking bread, 1950s advert“)\n\n"
        "Today the same pictures are made by software in seconds, and the agencies are asking who owns them now."
    )
    seg = segment(text)
    caption = seg.blocks[2]
    assert caption.kind == "caption"
    assert [text[c.start : c.end] for c in seg.credits] == ["Midjourney („housewife baking bread, 1950s advert“)"]
    assert seg.credits[0].parsed.source == "Midjourney"
    assert seg.blocks[3].kind == "body"
