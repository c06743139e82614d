"""Sentence splitting: offsets into the original text, abbreviations, quotes, and captions glued into prose."""

from __future__ import annotations

import pytest

from app.text.captionlike import caption_reason
from app.text.sentences import Sentence, display_text, is_abbreviation, split_sentences, without_dateline


def texts(sentences: list[Sentence]) -> list[str]:
    return [s.text for s in sentences]


def test_every_sentence_maps_back_into_the_text() -> None:
    text = "  First one here.  Second one?\n\nThird one!  "
    sentences = split_sentences(text)
    assert texts(sentences) == ["First one here.", "Second one?", "Third one!"]
    assert all(text[s.start : s.end] == s.text for s in sentences)
    assert all(s.terminated for s in sentences)


def test_a_span_of_the_text_keeps_offsets_of_the_whole_text() -> None:
    text = "Headline\n\nThe budget passed. Officials cheered."
    start = text.index("The")
    sentences = split_sentences(text, start, len(text))
    assert texts(sentences) == ["The budget passed.", "Officials cheered."]
    assert sentences[0].start == start


def test_abbreviations_initials_and_decimals_do_not_end_sentences() -> None:
    text = (
        "Mr. Okafor met Gov. Lindqvist on Jan. 14 at 3.5 miles from the U.N. office in Geneva. "
        "The report by Harriet J. Molloy cost $2.5bn. It was published by Brindle Inc. in March."
    )
    assert texts(split_sentences(text)) == [
        "Mr. Okafor met Gov. Lindqvist on Jan. 14 at 3.5 miles from the U.N. office in Geneva.",
        "The report by Harriet J. Molloy cost $2.5bn.",
        "It was published by Brindle Inc. in March.",
    ]


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        *[(token, True) for token in ("Inc.", "Jr.", "Calif.", "W.Va.", "U.S.", "J.", "Dr.")],
        *[(token, False) for token in ("Galan.", "Bank.", "TDU.", "Art.", "No.")],
    ],
)
def test_an_abbreviations_stop_is_part_of_it(token: str, expected: bool) -> None:
    assert is_abbreviation(token) is expected


def test_a_us_states_abbreviation_ends_a_sentence_only_before_a_typical_opener() -> None:
    text = "A fundraiser in Palo Alto, Calif. Mayor Jon Osei spoke. Talks moved to Eugene, Ore. The deal held."
    assert texts(split_sentences(text)) == [
        "A fundraiser in Palo Alto, Calif. Mayor Jon Osei spoke.",
        "Talks moved to Eugene, Ore.",
        "The deal held.",
    ]


def test_an_acronym_ends_a_sentence_when_a_typical_opener_follows() -> None:
    text = "The ferry company moved its headquarters to the U.S. The move cost 40 jobs in Tallinn."
    assert texts(split_sentences(text)) == [
        "The ferry company moved its headquarters to the U.S.",
        "The move cost 40 jobs in Tallinn.",
    ]


def test_quotes_close_sentences_and_attributions_stay_attached() -> None:
    text = "'We will rebuild the pier,' the harbour master said. 'It will take a year.' Work starts in May."
    assert texts(split_sentences(text)) == [
        "'We will rebuild the pier,' the harbour master said.",
        "'It will take a year.'",
        "Work starts in May.",
    ]


def test_a_caption_glued_into_the_prose_is_split_off_and_left_unterminated() -> None:
    text = (
        "Ravensworth Rovers won 2-0 on Saturday. Delia Marsh celebrates after the Ferncastle keeper "
        "scored an own goal But the visitors' goalkeeper was in top form all afternoon."
    )
    sentences = split_sentences(text)
    assert texts(sentences) == [
        "Ravensworth Rovers won 2-0 on Saturday.",
        "Delia Marsh celebrates after the Ferncastle keeper scored an own goal",
        "But the visitors' goalkeeper was in top form all afternoon.",
    ]
    assert [s.terminated for s in sentences] == [True, False, True]


def test_a_title_inside_a_sentence_is_not_mistaken_for_a_glued_caption() -> None:
    text = "She starred in The Long Winter opposite Tomas Reyes. He was told The Herald had the story."
    assert texts(split_sentences(text)) == [
        "She starred in The Long Winter opposite Tomas Reyes.",
        "He was told The Herald had the story.",
    ]


def test_picture_references_and_prompts_end_a_glued_fragment() -> None:
    text = (
        "Scroll down for video A driver was arrested in Pellham after a chase (pictured posed by model) "
        "A second man was questioned by police on Sunday."
    )
    sentences = split_sentences(text)
    assert texts(sentences) == [
        "Scroll down for video",
        "A driver was arrested in Pellham after a chase (pictured posed by model)",
        "A second man was questioned by police on Sunday.",
    ]
    assert [s.terminated for s in sentences] == [False, False, True]


def test_a_missing_space_after_a_full_stop_is_a_boundary_but_a_domain_name_is_not() -> None:
    text = "The river rose two metres that night.The figures come from Example.com and the council."
    assert texts(split_sentences(text)) == [
        "The river rose two metres that night.",
        "The figures come from Example.com and the council.",
    ]


def test_lines_without_final_punctuation_are_separate_and_wrapped_lines_are_joined() -> None:
    text = "Flood warning lifted\nThe river fell overnight\nand the roads reopened.\n\nNext paragraph here."
    sentences = split_sentences(text)
    assert texts(sentences) == [
        "Flood warning lifted",
        "The river fell overnight\nand the roads reopened.",
        "Next paragraph here.",
    ]
    assert not sentences[0].terminated


def test_datelines_are_trimmed_with_exact_offsets() -> None:
    for text, expected in [
        ("HALIFAX (Reuters) - Port workers walked out on Monday.", "Port workers walked out on Monday."),
        ("(CNN)Port workers walked out on Monday.", "Port workers walked out on Monday."),
        ("OSLO — Port workers walked out on Monday.", "Port workers walked out on Monday."),
        ("Brindle (BRN) said profits fell.", "Brindle (BRN) said profits fell."),
    ]:
        sentence = without_dateline(split_sentences(text)[0])
        assert sentence.text == expected
        assert text[sentence.start : sentence.end] == expected


def test_long_text_without_any_boundary_is_one_sentence() -> None:
    text = "word " * 20_000
    sentences = split_sentences(text)
    assert len(sentences) == 1
    assert sentences[0].end - sentences[0].start == len(text.strip())


def test_a_heading_in_capitals_glued_to_a_sentence_is_split_off_but_acronyms_are_not() -> None:
    sentences = split_sentences("FINEST HOUR OF THE SEASON Marsh scored twice in the final. UK PM Ada Brenner spoke.")
    assert texts(sentences) == [
        "FINEST HOUR OF THE SEASON",
        "Marsh scored twice in the final.",
        "UK PM Ada Brenner spoke.",
    ]
    assert not sentences[0].terminated


@pytest.mark.parametrize(
    "text",
    [
        "." * 200_000,
        "!?" * 100_000,
        "aa.Bcd" * 30_000,
        "x. A" * 50_000,
        "… " * 100_000,
        "model) A man " * 30_000,
        "(pictured " * 20_000,
        "ABC. " * 40_000,
    ],
    ids=["dots", "marks", "tight-stops", "short-sentences", "ellipses", "glue", "parens", "capitals"],
)
def test_long_runs_of_boundary_characters_come_back(text: str) -> None:
    # no timing assertion: a quadratic scan would not come back within the test run
    sentences = split_sentences(text)
    assert all(text[s.start : s.end] == s.text for s in sentences[:1000])
    for sentence in sentences[:1000]:
        caption_reason(sentence.text)


def test_a_quotation_spanning_several_sentences_is_kept_whole() -> None:
    text = (
        "“First we can try the quiet routes. Then we will see whether anyone shows up or not,” the director said. "
        'He added: "We expect a busy summer. We are ready for it." The board met on Tuesday.'
    )
    sentences = split_sentences(text)
    assert texts(sentences) == [
        "“First we can try the quiet routes. Then we will see whether anyone shows up or not,” the director said.",
        'He added: "We expect a busy summer. We are ready for it."',
        "The board met on Tuesday.",
    ]
    assert not any(s.quote_fragment for s in sentences)
    assert all(text[s.start : s.end] == s.text for s in sentences)


def test_pieces_of_a_quotation_that_does_not_close_soon_are_flagged() -> None:
    text = (
        "The board met. “We have been patient. They deserve better. We will meet again. Nobody wants a strike. "
        "Nobody at all. That is all,” she said. Work starts in May."
    )
    sentences = split_sentences(text)
    flagged = [s.text for s in sentences if s.quote_fragment]
    assert flagged[0] == "“We have been patient." and flagged[-1] == "That is all,” she said."
    assert [s.text for s in sentences if not s.quote_fragment] == ["The board met.", "Work starts in May."]
    # a closing mark whose quotation opened in an earlier paragraph
    assert [s.quote_fragment for s in split_sentences("Then it ended.” He left the hall.")] == [True, False]


def test_inches_and_german_quotation_marks_do_not_open_quotations() -> None:
    assert texts(split_sentences("He is 6'2\" tall. He said „Das ist gut. Sehr gut.“")) == [
        "He is 6'2\" tall.",
        "He said „Das ist gut. Sehr gut.“",
    ]


def test_chinese_and_japanese_sentences_end_at_their_own_full_stops_without_a_space() -> None:
    text = "市議会は３日、新しい橋の計画を可決した。総事業費は約１５０億円。「完成は２０２９年だ。」と市長は語った。"
    sentences = split_sentences(text)
    assert texts(sentences) == [
        "市議会は３日、新しい橋の計画を可決した。",
        "総事業費は約１５０億円。",
        "「完成は２０２９年だ。」と市長は語った。",  # a quotation closed by 。」 and a quotative particle: one sentence
    ]
    assert all(s.terminated for s in sentences)
    assert all(text[s.start : s.end] == s.text for s in sentences)
    chinese = "这座桥明年开通！市长表示欢迎？是的。"
    assert texts(split_sentences(chinese)) == ["这座桥明年开通！", "市长表示欢迎？", "是的。"]


def test_a_danda_and_a_full_stop_before_a_letter_of_a_script_without_case_end_sentences() -> None:
    hindi = "पुलिस ने मामले का खुलासा किया। दो लोग गिरफ्तार हुए।"
    assert texts(split_sentences(hindi)) == ["पुलिस ने मामले का खुलासा किया।", "दो लोग गिरफ्तार हुए।"]
    arabic = "افتتح الجسر الجديد اليوم. وحضر الحفل رئيس البلدية."
    assert texts(split_sentences(arabic)) == ["افتتح الجسر الجديد اليوم.", "وحضر الحفل رئيس البلدية."]
    assert all(s.terminated for s in split_sentences(hindi + " " + arabic))
    # a lower-case word after a full stop still continues the sentence, as before
    assert len(split_sentences("He paid 3 p.m. fees. the rest followed")) == 1


def test_a_thai_line_of_ten_words_is_a_finished_sentence_and_a_short_one_is_not() -> None:
    # Thai writes no full stop: a summary left every Thai sentence out as a fragment
    paragraph = "โฆษกรัฐบาลกล่าวว่า มาตรการนี้จะช่วยประชาชนกว่า 20 ล้านครัวเรือน"
    assert [s.terminated for s in split_sentences(paragraph)] == [True]
    assert [s.terminated for s in split_sentences("ครม.เห็นชอบมาตรการ")] == [False]  # a headline's few words
    armenian = "Կառավարությունը հաստատեց բյուջեն։"
    assert [s.terminated for s in split_sentences(armenian)] == [True]


def test_a_wire_dateline_with_its_date_is_trimmed() -> None:
    text = "LONDON, March 4 (Reuters) - Oil prices rose on Wednesday."
    sentence = without_dateline(split_sentences(text)[0])
    assert sentence.text == "Oil prices rose on Wednesday."
    assert text[sentence.start : sentence.end] == sentence.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sevilla, 5 mar (EFE).- El Consejo aprobó el puente.", "El Consejo aprobó el puente."),
        ("Madrid, 12 de marzo (EFE).- El Gobierno aprobó el plan.", "El Gobierno aprobó el plan."),
        ("Berlin, 3. März (dpa) - Die Regierung hat beschlossen.", "Die Regierung hat beschlossen."),
        # a lower-case bracket is a dateline's only when it names an agency
        ("Jon Osei (pictured) - the new mayor - spoke.", "Jon Osei (pictured) - the new mayor - spoke."),
        # a bracket followed by a space and no dash: only a known agency's
        ("New Delhi, Dec 5 (PTI) The air quality slipped.", "The air quality slipped."),
        ("(Update) The storm hit the coast.", "(Update) The storm hit the coast."),
        # a regional service of an agency
        ("Hannover (dpa/lni) - Die Region plant eine Linie.", "Die Region plant eine Linie."),
        ("Jon Osei (he/him) - the new mayor - spoke.", "Jon Osei (he/him) - the new mayor - spoke."),
    ],
)
def test_datelines_of_other_agencies_and_languages_are_trimmed(text: str, expected: str) -> None:
    sentence = without_dateline(split_sentences(text)[0])
    assert sentence.text == expected
    assert text[sentence.start : sentence.end] == expected


def test_an_ordinal_date_does_not_end_a_sentence() -> None:
    text = "Am 3. März beschloss der Rat den Bau. Er beginnt am 1. Mai."
    assert texts(split_sentences(text)) == ["Am 3. März beschloss der Rat den Bau.", "Er beginnt am 1. Mai."]
    assert texts(split_sentences("The score was 3. The team won.")) == ["The score was 3.", "The team won."]


@pytest.mark.parametrize(
    ("printed", "shown"),
    [
        ("in Saint-\nDenis on Monday", "in Saint-Denis on Monday"),  # the wrap cut the word at its hyphen
        ("a well-\r\n  known face", "a well-known face"),
        ("from 2026 -\nthe year", "from 2026 - the year"),  # a dash between words stays one
        ("the\u00a0new\nbridge", "the new bridge"),
    ],
)
def test_a_quoted_text_is_shown_as_printed_on_one_line(printed: str, shown: str) -> None:
    assert display_text(printed) == shown
