"""Text wrapped at a fixed width (a wire feed, an e-mail newsletter, a PDF's text layer): its paragraphs are read as
the paragraphs they were, whatever word a line starts with, and a credit the wrap cut stays one credit. Articles
written for these tests."""

from __future__ import annotations

import re
import textwrap

import pytest

from app.text.layout.lines import split_lines, wrap_width
from app.text.segment import segment

WIRE_STORY = (
    "Council approves footbridge over the Aire after two years of debate\n\n"
    "By JANE ROE\nAssociated Press\n\n"
    "LEEDS, England (AP) — The city council on Tuesday approved plans for a new footbridge over the River Aire, "
    "ending two years of debate over the cost of the project and its effect on the neighbourhood around the old "
    "mills.\n\n"
    "Council leader Mark Green said the bridge would open in the spring of 2028 and would carry about 9,000 people "
    "a day between the station and the new housing on the south bank.\n\n"
    "A council worker inspects the river bank near the planned site of the bridge in Leeds, England, on Monday, "
    "Dec. 5, 2026. (AP Photo/John Smith)\n\n"
    '"This is a good day for the city and for everyone who has waited for a crossing here," Green told reporters '
    "after the vote, which passed 54 to 12.\n\n"
    "Opposition members said the budget of 14 million pounds was too high and asked for an independent review of "
    "the costs before any contract is signed.\n\n"
    "Residents of the Holbeck district, where the bridge will land, have campaigned for a crossing since the old "
    "ferry stopped running in 1998.\n\n"
    "Work on the foundations is expected to start in the spring. The Environment Agency must still approve the "
    "design of the piers before the first piles are driven.\n"
)

GERMAN_STORY = (
    "Stadtrat beschließt neue Fußgängerbrücke über die Ruhr\n\n"
    "Von Max Mustermann\n\n"
    "Essen. Der Stadtrat hat am Dienstag den Bau einer neuen Fußgängerbrücke über die Ruhr beschlossen. Damit "
    "endet ein zweijähriger Streit über die Kosten und die Folgen für das Viertel am Fluss.\n\n"
    "Oberbürgermeister Thomas Kufen sagte, die Brücke solle im Frühjahr 2028 eröffnet werden und täglich rund 9000 "
    "Menschen zwischen Bahnhof und Neubaugebiet tragen.\n\n"
    "Ein Mitarbeiter der Stadt prüft das Ufer an der Stelle, an der die neue Brücke über die Ruhr gebaut werden "
    "soll. Foto: Anna Schmidt/dpa\n\n"
    "Die Opposition hält die Kosten von 14 Millionen Euro für zu hoch und verlangt eine unabhängige Prüfung, bevor "
    "ein Auftrag vergeben wird.\n\n"
    "Anwohner im Stadtteil Kettwig hatten sich seit Jahren für eine Querung eingesetzt, seit die alte Fähre im Jahr "
    "1998 ihren Betrieb eingestellt hat.\n"
)


def _wrap(text: str, width: int) -> str:
    return "\n".join(
        textwrap.fill(line, width, break_long_words=False, break_on_hyphens=False) if line.strip() else line
        for line in text.split("\n")
    )


def _read(text: str) -> list[tuple[str, str]]:
    return [(b.kind, " ".join(b.text.split())) for b in segment(text).blocks]


@pytest.mark.parametrize("story", [WIRE_STORY, GERMAN_STORY], ids=["en", "de"])
@pytest.mark.parametrize("width", [50, 60, 72, 80, 100])
def test_a_wrapped_story_reads_as_the_same_story_unwrapped(story: str, width: int) -> None:
    wrapped = _wrap(story, width)
    assert wrapped.count("\n") >= story.count("\n") + 5  # the wrap did cut the paragraphs
    assert _read(wrapped) == _read(story)


def test_a_wrapped_wire_story_keeps_its_caption_credit_and_last_paragraph_whole() -> None:
    wrapped = _wrap(WIRE_STORY, 66)
    assert "(AP\nPhoto/John Smith)" in wrapped  # the wrap cut the credit
    seg = segment(wrapped)
    kinds = {" ".join(b.text.split()): b.kind for b in seg.blocks}
    assert [" ".join(c.text.split()) for c in seg.captions] == [
        "A council worker inspects the river bank near the planned site of the bridge in Leeds, England, on "
        "Monday, Dec. 5, 2026."
    ]
    assert [wrapped[c.start : c.end] for c in seg.credits] == ["AP\nPhoto/John Smith"]
    assert seg.credits[0].parsed is not None and seg.credits[0].parsed.creators == ("John Smith",)
    assert seg.credits[0].parsed.source == "AP"
    last = "Work on the foundations is expected to start in the spring. The Environment Agency must still"
    assert [k for t, k in kinds.items() if t.startswith(last)] == ["body"]  # was a heading and a body line
    assert "heading" not in kinds.values()


def test_a_credit_the_wrap_cut_after_its_label_stays_one_credit() -> None:
    page = (
        "Brücke über die Ruhr\n\n"
        "Der Stadtrat hat am Dienstag den Bau einer neuen Brücke über die Ruhr beschlossen, nach langem\n"
        "Streit über die Kosten und die Folgen für das Viertel am Fluss und die Anwohner in Kettwig.\n\n"
        "Ein Mitarbeiter der Stadt prüft am Montag das Ufer an der geplanten Stelle der Brücke. Foto: Anna\n"
        "Schmidt/dpa\n\n"
        "Die Opposition hält die Kosten von 14 Millionen Euro für zu hoch und verlangt eine unabhängige\n"
        "Prüfung, bevor ein Auftrag vergeben wird, und will den Plan im Rat noch einmal aufrufen.\n\n"
        "Anwohner im Stadtteil Kettwig hatten sich seit Jahren für eine Querung eingesetzt, seit die alte\n"
        "Fähre im Jahr 1998 ihren Betrieb eingestellt hat und der Weg über die Ruhr zwölf Kilometer lang ist.\n\n"
        "Die Arbeiten an den Fundamenten sollen im Frühjahr beginnen, zuvor muss die Bezirksregierung die\n"
        "Pläne für die Pfeiler noch genehmigen, sagte eine Sprecherin der Stadt am Dienstag in Essen.\n"
    )
    seg = segment(page)
    assert [page[c.start : c.end] for c in seg.credits] == ["Foto: Anna\nSchmidt/dpa"]
    assert seg.credits[0].parsed is not None and seg.credits[0].parsed.creators == ("Anna Schmidt",)
    assert [b.kind for b in seg.blocks] == ["title", "standfirst", "caption", "body", "body", "body"]
    assert seg.captions[0].text.endswith("an der geplanten Stelle der Brücke.")


def test_without_blank_lines_a_caption_credit_still_closes_its_caption_and_a_byline_starts_its_line() -> None:
    # a wrapped text whose paragraphs only a line break parts: the break after a credit, a sentence's end or
    # before "By" is taken for a paragraph's end
    page = re.sub(r"\n\s*\n+", "\n", _wrap(WIRE_STORY, 72))
    seg = segment(page)
    assert [" ".join(c.text.split()) for c in seg.captions] == [
        "A council worker inspects the river bank near the planned site of the bridge in Leeds, England, on "
        "Monday, Dec. 5, 2026."
    ]
    assert [page[b.start : b.end] for b in seg.bylines] == ["JANE ROE", "Associated Press"]
    body = " ".join(" ".join(b.text.split()) for b in seg.blocks if b.kind == "body")
    assert "AP Photo" not in body and "council worker inspects" not in body
    assert "Opposition members said the budget of 14 million pounds was too high" in body


@pytest.mark.parametrize("width", [60, 72, 80])
def test_a_credit_ends_where_its_agency_does_though_the_next_line_starts_with_a_capital(width: int) -> None:
    # without blank lines the join asks whether the credit reads on into the next line's first word: "Bloomberg
    # Article" is no organisation's name
    caption = "A council worker inspects the river bank near the planned site of the bridge on Monday."
    story = WIRE_STORY.replace(
        "A council worker inspects the river bank near the planned site of the bridge in Leeds, England, on Monday, "
        "Dec. 5, 2026. (AP Photo/John Smith)\n\n",
        f"{caption} Photo by John Smith/Bloomberg\n\nArticle content\n\n",
    )
    page = re.sub(r"\n\s*\n+", "\n", _wrap(story, width))
    seg = segment(page)
    assert [" ".join(page[c.start : c.end].split()) for c in seg.credits] == ["Photo by John Smith/Bloomberg"]


def test_a_ranking_one_line_an_entry_is_no_wrapped_text() -> None:
    page = (
        "ATHLETICS - RESULTS FROM THE MEETING IN ZURICH\n\n"
        "Results of the women's long jump at the meeting on Wednesday evening in the stadium:\n"
        "1. Ana Pereira ( Portugal ) 6.72 metres\n"
        "2. Lena Hartmann ( Germany ) 6.65 metres\n"
        "3. Jane Okafor ( Nigeria ) 6.61 metres\n"
        "4. Maria Rossi ( Italy ) 6.58 metres\n"
        "5. Eva Novak ( Czech Republic ) 6.50 metres\n"
        "Results of the men's 110 metres hurdles at the meeting on Wednesday evening in the stadium:\n"
        "1. Tom Berg ( Sweden ) 13.42 seconds\n"
        "2. Luis Garcia ( Spain ) 13.45 seconds\n"
        "3. Piet de Vries ( Netherlands ) 13.51 seconds\n"
    )
    assert wrap_width(split_lines(page)) is None
    rows = [b.text for b in segment(page).blocks if b.text[:1].isdigit()]
    assert len(rows) == 8  # one block an entry, none joined to the next


def test_a_page_of_one_paragraph_a_line_has_no_wrap_width() -> None:
    page = re.sub(r"\n\s*\n+", "\n", WIRE_STORY)
    assert wrap_width(split_lines(page)) is None
    width = wrap_width(split_lines(_wrap(WIRE_STORY, 72)))
    assert width is not None and 60 <= width <= 72


def test_a_pull_quote_repeats_a_sentence_the_wrap_cut() -> None:
    story = _wrap(WIRE_STORY, 60)
    quote = '"This is a good day for the city and for everyone who has waited for a crossing here,"'
    page = story.replace("Opposition members", quote + "\n\nOpposition members", 1)
    seg = segment(page)
    assert [b.kind for b in seg.blocks if b.text == quote] == ["boilerplate"]


def test_a_wire_name_under_a_byline_is_the_writer_s_wire_not_a_picture_credit() -> None:
    doc = segment(WIRE_STORY)
    assert [WIRE_STORY[b.start : b.end] for b in doc.bylines] == ["JANE ROE", "Associated Press"]
    assert [WIRE_STORY[c.start : c.end] for c in doc.credits] == ["AP Photo/John Smith"]
    # a picture agency there is not a wire: it stays what it was
    page = WIRE_STORY.replace("Associated Press\n", "Getty Images\n", 1)
    assert "Getty Images" not in [page[b.start : b.end] for b in segment(page).bylines]


def _spans_reproduce_text(page: str) -> None:
    seg = segment(page)
    assert seg.title is not None and page[seg.title.start : seg.title.end] == seg.title.text
    assert all(page[b.start : b.end] == b.text for b in seg.blocks)
    assert all(page[c.start : c.end] == c.text for c in seg.captions)
    assert all(page[c.start : c.end] == c.raw for c in seg.credits)
    assert all(page[b.start : b.end] == b.name for b in seg.bylines)


def test_every_span_of_a_wrapped_page_quotes_the_text_as_given() -> None:
    # the rules read a joined block as one line; the document quotes the text with its line breaks
    _spans_reproduce_text(_wrap(WIRE_STORY, 60))
    _spans_reproduce_text(re.sub(r"\n\s*\n+", "\n", _wrap(GERMAN_STORY, 72)))


SPACES = ["\u00a0", "\u202f", "\u2009", "\u200b"]


@pytest.mark.parametrize("space", SPACES, ids=["nbsp", "narrow-nbsp", "thin", "zero-width"])
def test_spaces_of_another_width_read_as_spaces_and_are_quoted_as_given(space: str) -> None:
    # a scraper keeps the page's no-break spaces ("&nbsp;"): between a caption and its credit, inside a credit, in
    # a byline
    page = (
        GERMAN_STORY.replace("Von Max", f"Von{space}Max")
        .replace("soll. Foto: Anna Schmidt/dpa", f"soll.{space}Anna{space}Schmidt/dpa")
        .replace("die neue Brücke", f"die{space}neue{space}Brücke")
    )
    plain = _read(page.replace(space, " "))
    assert [(k, t.replace(space, " ")) for k, t in _read(page)] == plain
    assert [k for k, _ in plain] == [k for k, _ in _read(GERMAN_STORY)]
    seg = segment(page)
    assert [c.raw for c in seg.credits] == [f"Anna{space}Schmidt/dpa"]
    assert seg.credits[0].parsed is not None and seg.credits[0].parsed.creators == ("Anna Schmidt",)
    assert [b.name for b in seg.bylines] == ["Max Mustermann"]
    _spans_reproduce_text(page)


@pytest.mark.parametrize(
    ("under", "names"),
    [("by Jane Roe Dec. 5, 2026 9:45 am", ["Jane Roe"]), ("von Max Mustermann", ["Max Mustermann"])],
)
def test_a_byline_in_lower_case_under_the_headline_is_not_the_headline_s_last_line(
    under: str, names: list[str]
) -> None:
    # one line break a paragraph: the lower-case line under a long headline was joined to it as its continuation
    page = "Council approves the footbridge over the Aire after two years of debate\n" + under + "\n"
    page += re.sub(r"\n\s*\n+", "\n", WIRE_STORY.split("\n\n", 3)[3])
    seg = segment(page)
    assert (
        seg.title is not None
        and seg.title.text == "Council approves the footbridge over the Aire after two years of debate"
    )
    assert [b.name for b in seg.bylines] == names


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "cr"])
def test_a_wrapped_story_reads_the_same_with_other_line_ends(newline: str) -> None:
    wrapped = _wrap(WIRE_STORY, 66)
    assert _read(wrapped.replace("\n", newline)) == _read(wrapped)
