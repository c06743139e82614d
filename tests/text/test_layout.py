"""The layout package: word lists by language, the rule table, reasons on every block, the learned combiner,
credits and bylines in the languages the corpora hold, and prompts cut out of paragraphs without losing text.

Every article here is written for these tests.
"""

from __future__ import annotations

import pytest

from app.text import boilerplate
from app.text.credits import parse_credit
from app.text.layout import vocab
from app.text.layout.combiner import CLASSES, Combiner, LinearModel, level1_features
from app.text.layout.rules import RULE_BY_NAME, RULES
from app.text.names import byline_names, japanese_byline
from app.text.segment import block_views, segment

REQUIRED = ("en", "de", "fr", "es", "it", "nl", "pt", "ja")


@pytest.mark.parametrize("table", ["CREDIT_LABELS", "MONTHS"])
def test_word_lists_cover_every_required_language(table: str) -> None:
    entries = getattr(vocab, table)
    for lang in REQUIRED:
        assert entries.get(lang), f"{table} has no {lang} entries"
    assert any(entries.get(lang) for lang in ("sv", "no", "da"))


def test_byline_openers_cover_the_european_languages() -> None:
    for lang in ("en", "de", "fr", "es", "it", "nl", "pt", "sv", "no", "da"):
        assert vocab.BYLINE_OPENERS[lang]
        assert vocab.PROFILE_BUTTONS[lang]


def test_pointers_to_other_articles_cover_every_language_of_the_word_lists() -> None:
    for lang in vocab.LANGUAGES:
        assert boilerplate.TEASER_PREFIXES_BY_LANGUAGE[lang], lang
        assert boilerplate.TEASER_HEADERS_BY_LANGUAGE[lang], lang
        assert boilerplate.UI_PHRASES_BY_LANGUAGE[lang], lang
        assert lang in boilerplate.READER_WORDS_BY_LANGUAGE, lang


@pytest.mark.parametrize(
    ("raw", "creators", "source"),
    [
        ("Foto: dpa", (), "dpa"),
        ("Bild: Keystone/Peter Walder", ("Peter Walder",), "Keystone"),
        ("(Foto: Anna Berger/APA)", ("Anna Berger",), "APA"),
        ("Imagen: EFE", (), "EFE"),
        ("写真：共同", (), "Kyodo"),
        ("Tor Erik Haugen / NTB", ("Tor Erik Haugen",), "NTB"),
        ("Photo : AFP", (), "AFP"),
        ("© Matt Lindqvist / dpa", ("Matt Lindqvist",), "dpa"),
        ("Foto: ANSA/Giulia Conti", ("Giulia Conti",), "ANSA"),
        ("Foto: Privat", (), "Privat"),
        ("ＡＰ", (), "AP"),
        # a label before a known agency needs no colon (the Italian wire's own form)
        ("(Foto ANSA/Giulia Conti)", ("Giulia Conti",), "ANSA"),
        ("Photo AFP", (), "AFP"),
        ("Bild Keystone/Peter Walder", ("Peter Walder",), "Keystone"),
        # a labelled photographer with the agency in brackets (the source was "Urs Brenner (Keystone")
        ("Foto: Urs Brenner (Keystone)", ("Urs Brenner",), "Keystone"),
        ("Foto: Lena Ostrova (Getty)", ("Lena Ostrova",), "Getty Images"),
        # a bracketed remark after a known source is no part of the credit; two sources read as owner/distributor
        ("Foto: dpa (Archivbild)", (), "dpa"),
        ("Reuters (file photo)", (), "Reuters"),
        ("AFP (Getty)", (), "AFP"),
        # a picture made by an image generator is credited to it
        ("Bild: Midjourney", (), "Midjourney"),
        ("Midjourney („a lighthouse at dusk, oil painting“)", (), "Midjourney"),
        ("Illustration: DALL-E", (), "DALL-E"),
        # a business that supplied its own picture is its source, not a person
        ("(Coastal Homes Estate Agents)", (), "Coastal Homes Estate Agents"),
        ("Photo: Harbour View Hotel", (), "Harbour View Hotel"),
        ("Jane Homes/Reuters", ("Jane Homes",), "Reuters"),
    ],
)
def test_credits_in_every_language_of_the_corpora(raw: str, creators: tuple[str, ...], source: str) -> None:
    parsed = parse_credit(raw)
    assert parsed.creators == creators
    assert parsed.source == source


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Von Klara Brenner", ["Klara Brenner"]),
        ("Von: Klara Brenner", ["Klara Brenner"]),
        ("Ein Kommentar von Jonas Feld", ["Jonas Feld"]),
        ("Por Lucía Ferrándiz", ["Lucía Ferrándiz"]),
        ("Par Hélène Marchal", ["Hélène Marchal"]),
        ("Af Lars Mikkelsen", ["Lars Mikkelsen"]),
        ("Av Ingrid Solheim og Per Dalen", ["Ingrid Solheim", "Per Dalen"]),
        ("Texto: Maria Couto", ["Maria Couto"]),
        ("di Marco Ferri", ["Marco Ferri"]),
        ("door Pieter de Vries", ["Pieter de Vries"]),
        ("von Till Ebner , Max Hollander", ["Till Ebner", "Max Hollander"]),
        ("By Martha Quill and Devon Areli", ["Martha Quill", "Devon Areli"]),
        # a profile button glued to or after the name is not part of it
        ("Von Klara Brenner Folgen", ["Klara Brenner"]),
        ("Por Lucía Ferrándiz Seguir", ["Lucía Ferrándiz"]),
        ("Av Ingrid Solheim Følg", ["Ingrid Solheim"]),
        ("Par Hélène Marchal Suivre", ["Hélène Marchal"]),
        ("By Martha Quill Follow", ["Martha Quill"]),
        # a contact button with its object ("Tips meg": tip me), in the languages where it is printed so
        ("Av Tuva Lien Tips meg", ["Tuva Lien"]),
        ("Av Karin Berg Tipsa oss", ["Karin Berg"]),
        ("By Martha Quill Follow me", ["Martha Quill"]),
        ("By Meg Quill", ["Meg Quill"]),
        # the writer's post between the opener and the name
        ("Door onze verslaggever Pieter de Wit", ["Pieter de Wit"]),
        ("By our political editor Jane Roe", ["Jane Roe"]),
        ("Von unserem Korrespondenten Max Brenner", ["Max Brenner"]),
        ("Par notre envoyée spéciale Claire Roux", ["Claire Roux"]),
        ("Av vår korrespondent Erik Berg", ["Erik Berg"]),
        ("Dal nostro inviato Mario Ferri", ["Mario Ferri"]),
    ],
)
def test_bylines_in_other_languages(line: str, names: list[str]) -> None:
    got = [line[n.start : n.end] for n in byline_names(line, require_by=True)]
    assert got == names


@pytest.mark.parametrize(
    "line",
    [
        "Di Maria scored twice before half-time.",
        "Photograph by Jane Doe",
        "Text",
        "By our estimates Apple will grow",  # a possessive, then a sentence: no name follows the post
        "Dal nostro punto di vista",
    ],
)
def test_lines_that_only_look_like_bylines(line: str) -> None:
    assert byline_names(line, require_by=True) == ()


@pytest.mark.parametrize("line", ["Faroe Islands - Jon Osei ( 60th minute )", "Mara Velden (23)", "Mara Velden (4th)"])
def test_a_line_with_a_number_in_brackets_names_no_author(line: str) -> None:
    # a scorer's minute, an age, a rank: people in a result or a story, not the writers of the article
    assert byline_names(line, require_by=False) == ()
    assert byline_names("Faroe Islands - Jon Osei", require_by=False) != ()  # without the bracket it would be one
    # a byline opener still says who wrote it
    line = "By Mara Velden (5 min read)"
    assert [line[n.start : n.end] for n in byline_names(line, require_by=True)] == ["Mara Velden"]


def test_only_a_button_may_carry_a_lower_case_word_after_the_name() -> None:
    assert [n.end - n.start for n in byline_names("Tuva Lien Tips meg", require_by=False)] == [len("Tuva Lien")]
    assert byline_names("Tuva Lien sier til meg", require_by=False) == ()


ARTICLE = (
    "Harbour bridge reopens after repairs\n\n"
    "By Martha Quill\n\n"
    "The bridge reopened on Tuesday, nine weeks after a storm tore away part of its railing. Scroll down for video "
    "Commuters who had faced long detours welcomed the news on Tuesday morning.\n\n"
    "A cyclist crosses the bridge on its first morning back in service. (AP Photo/Lena Ostrova)\n\n"
    "Officials said a second phase of work would begin in the spring.\n"
)


def test_a_prompt_inside_a_paragraph_is_cut_out_and_the_prose_stays_body() -> None:
    seg = segment(ARTICLE)
    body = [b.text for b in seg.blocks if b.kind == "body"]
    assert "The bridge reopened on Tuesday, nine weeks after a storm tore away part of its railing." in body
    assert "Commuters who had faced long detours welcomed the news on Tuesday morning." in body
    prompt = [b for b in seg.blocks if b.text == "Scroll down for video"]
    assert len(prompt) == 1
    assert prompt[0].kind == "boilerplate"
    assert "inline_prompt" in prompt[0].rules
    for b in seg.blocks:
        assert ARTICLE[b.start : b.end] == b.text


@pytest.mark.parametrize(
    "prompt",
    [
        "Sign up for our free politics newsletter here.",
        "We may earn a commission if you buy through our links.",
        "Melden Sie sich für unseren Newsletter an.",
    ],
)
def test_a_sentence_that_asks_the_reader_to_sign_up_is_cut_out_of_its_paragraph(prompt: str) -> None:
    before = "Council members said they needed more time to review a new traffic study released on Wednesday."
    after = "The study found that game days would add up to forty minutes to commutes in the city center."
    text = f"Council delays stadium vote\n\nBy Jane Roe\n\n{before} {prompt} {after}\n\nA new vote is due in May.\n"
    seg = segment(text)
    kinds = {b.text: b.kind for b in seg.blocks}
    assert kinds[before] == "body" and kinds[after] == "body"  # the whole paragraph was boilerplate: data lost
    assert kinds[prompt] == "boilerplate"
    assert all(text[b.start : b.end] == b.text for b in seg.blocks)


@pytest.mark.parametrize(
    "sentence",
    [
        "The bill was sponsored by Senator Roe.",  # a UI phrase, but no word to the reader
        '"Sign up for our programme," the mayor told us.',  # someone's words
    ],
)
def test_a_sentence_with_a_ui_phrase_that_is_the_storys_stays_in_its_paragraph(sentence: str) -> None:
    paragraph = (
        "Council members said they needed more time to review the study. "
        f"{sentence} The vote is now expected in December, officials said."
    )
    text = f"Council delays stadium vote\n\nBy Jane Roe\n\n{paragraph}\n\nA new vote is due in May.\n"
    assert {b.text: b.kind for b in segment(text).blocks}[paragraph] == "body"


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Correction: An earlier version of this story misstated the size of the deal.", "editor_note"),
        ("Richtigstellung: In einer früheren Fassung stand eine falsche Summe.", "editor_note"),
        ("This article originally appeared on the Riverton Ledger.", "boilerplate"),
        ("This article is republished from The Riverton Review under a Creative Commons license.", "boilerplate"),
        ("Dieser Artikel erschien zuerst bei der Riverton Zeitung.", "boilerplate"),
    ],
)
def test_a_correction_is_an_editors_note_and_a_syndication_line_is_furniture(line: str, kind: str) -> None:
    text = (
        "Council delays stadium vote\n\nBy Jane Roe\n\n"
        "The council postponed a vote on the stadium deal after residents packed the chamber on Thursday.\n\n"
        "The mayor's office said it remained confident that the deal would pass in December.\n\n"
        f"{line}\n"
    )
    assert {b.text: b.kind for b in segment(text).blocks}[line] == kind


def test_a_paragraph_that_only_mentions_an_advertisement_is_kept_whole() -> None:
    text = (
        "Ministry struggles to hire nurses\n\nBy Jane Roe\n\n"
        "The ministry ran an advertisement in every national paper last week to find staff for its clinics.\n\n"
        "Only forty people applied, officials said on Monday.\n"
    )
    kinds = {b.text: b.kind for b in segment(text).blocks}
    assert (
        kinds["The ministry ran an advertisement in every national paper last week to find staff for its clinics."]
        == "body"
    )


def test_every_block_says_which_rules_decided_it() -> None:
    seg = segment(ARTICLE, model=None)
    for block in seg.blocks:
        assert block.reason
        for name in block.rules:
            assert name in RULE_BY_NAME
    caption = next(b for b in seg.blocks if b.kind == "caption")
    assert caption.rules[0] == "caption_inline_credit"
    assert caption.reason.startswith("caption_inline_credit: ")


def test_rule_names_are_unique_and_described() -> None:
    assert len({r.name for r in RULES}) == len(RULES)
    assert all(r.description and 0 < r.confidence <= 1 for r in RULES)


STORM = (
    "Storm closes schools\n\nBy Jane Roe\n\nSchools closed on Friday as the storm reached the coast.\n\n"
    "Flooded road in the old town\n\nMore rain is expected."
)


def _caption_loving_model(margin: float) -> Combiner:
    """A hand-made combiner that reads every short line without a sentence end as a caption."""
    k = CLASSES.index("caption")
    push = tuple(4.0 if i == k else 0.0 for i in range(len(CLASSES)))
    level1 = LinearModel(CLASSES, {"words=5": push, "words=8": push}, tuple(0.0 for _ in CLASSES))
    return Combiner(level1, None, "test", margin)


def test_the_combiner_overrides_the_rules_and_says_why() -> None:
    text = STORM
    seg = segment(text, model=_caption_loving_model(0.0))
    block = next(b for b in seg.blocks if b.text == "Flooded road in the old town")
    assert block.kind == "caption"
    assert block.rules[-1] == "combiner"
    assert block.reason.startswith("combiner: caption (")
    assert any(c.text == "Flooded road in the old town" for c in seg.captions)
    assert segment(text, model=None).blocks[block.index].kind != "caption"


def test_a_margin_keeps_the_rules_reading_when_the_combiner_is_not_sure_enough() -> None:
    text = STORM
    seg = segment(text, model=_caption_loving_model(0.999))
    block = next(b for b in seg.blocks if b.text == "Flooded road in the old town")
    assert block.kind != "caption"
    assert "combiner" not in block.rules


def test_combiner_weights_round_trip_and_give_probabilities() -> None:
    model = _caption_loving_model(0.1)
    again = Combiner.from_json(model.to_json())
    views, _ = block_views(ARTICLE)
    for (p, _), (q, _) in zip(model.predict(views), again.predict(views), strict=True):
        assert abs(sum(p) - 1.0) < 1e-9
        assert p == pytest.approx(q)
    assert len(level1_features(views)) == len(views)


def test_the_documented_rule_table_is_current() -> None:
    from pathlib import Path

    from app.text.layout.rules import updated_doc

    doc = (Path(__file__).resolve().parents[2] / "docs" / "SEGMENTATION.md").read_text(encoding="utf-8")
    assert doc == updated_doc(doc), "docs/SEGMENTATION.md rule table is stale: run `make docs`"


@pytest.mark.parametrize(
    ("line", "names"),
    [("Von dpa 30.04.2024, 18:58", ["dpa"]), ("Por EFE 12/05/2024", ["EFE"]), ("By Reuters", ["Reuters"])],
)
def test_an_agency_byline_with_its_date(line: str, names: list[str]) -> None:
    assert [line[n.start : n.end] for n in byline_names(line, require_by=True)] == names


@pytest.mark.parametrize(
    ("stamp", "name"),
    [
        ("27. Januar 2026 • Gregor Lindmeier • 3 Minuten", "Gregor Lindmeier"),
        # a name and the date after a bar: no picture credit ("5 May 2026" is no source)
        ("Gregor Lindmeier | 27 January 2026, 10:24", "Gregor Lindmeier"),
        ("Gregor Lindmeier / 27.01.2026, 10:24 Uhr", "Gregor Lindmeier"),
        # a month that is a first name
        ("Jan Lindmeier | 27. Januar 2026, 10:24", "Jan Lindmeier"),
        # a news agency as the author
        ("dpa | 27. Januar 2026, 10:24", "dpa"),
    ],
)
def test_a_name_that_is_one_part_of_the_date_line_under_the_title_is_the_byline(stamp: str, name: str) -> None:
    text = (
        "Neue Brücke über den Fluss eröffnet\n\n"
        f"{stamp}\n\n"
        "Die neue Brücke wurde am Montag für den Verkehr freigegeben. Sie verbindet zwei Stadtteile.\n\n"
        "Die Bauarbeiten hatten drei Jahre gedauert.\n"
    )
    seg = segment(text)
    assert [b.name for b in seg.bylines] == [name]
    assert seg.credits == ()
    line = next(b for b in seg.blocks if b.text == stamp)
    assert line.kind == "byline"
    assert {"byline_in_stamp", "byline_name"} & set(line.rules)


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("松岡大地", "松岡大地"),
        ("松岡 大地記者", "松岡 大地"),
        ("文：佐藤ひろみ", "佐藤ひろみ"),
        ("高橋ケンジ特派員", "高橋ケンジ"),
        # not a name: a section label, a sentence with an honorific or a particle, a company, a common noun
        ("国際", None),
        ("田中さんは", None),
        ("山田電機株式会社", None),
        ("林業界", None),
    ],
)
def test_japanese_bylines_are_a_common_surname_and_a_given_name(line: str, name: str | None) -> None:
    found = japanese_byline(line)
    assert (line[found.start : found.end] if found is not None else None) == name


def test_a_japanese_reporter_under_the_headline_is_the_byline() -> None:
    text = (
        "港の再開発計画、市議会が承認\n\n"
        "高橋一郎\n\n"
        "地域\n\n"
        "2026/12/4 18:30\n\n"
        "港湾地区の再開発計画が４日、市議会で賛成多数で承認された。総事業費は約２００億円で、２０３０年の完成を目指す。\n\n"
        "市長は記者会見で「港を市民に開かれた場所にしたい」と述べた。\n"
    )
    seg = segment(text)
    assert [text[b.start : b.end] for b in seg.bylines] == ["高橋一郎"]
    assert next(b for b in seg.blocks if b.text == "高橋一郎").kind == "byline"


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Jane Roe, correspondent in Brussels", ["Jane Roe"]),
        ("Claire Roux, correspondante à Bruxelles", ["Claire Roux"]),
        ("Max Brenner, Korrespondent in Berlin", ["Max Brenner"]),
        ("Jane Roe said in Brussels", []),  # a sentence, not a name with its post
        ("Jane Roe in Brussels", []),  # no job title before the place
    ],
)
def test_a_name_with_its_post_and_the_posts_place_is_a_byline(line: str, names: list[str]) -> None:
    assert [line[n.start : n.end] for n in byline_names(line, require_by=False)] == names


@pytest.mark.parametrize(
    "text",
    [
        # two teams' countries on the line under the dateline, the sentence going on below: no writer
        "SOCCER - COSTA RICA AND CHILE DRAW IN FRIENDLY .\n\nLIBERIA , Costa Rica 2026-08-26\n\n"
        "Costa Rica and Chile\n\ndrew 1-1 in a friendly international on Sunday .\n",
        # a city under the headline, before its date
        "Harbour bonds rated .\n\nNEW YORK , Aug 27 - Moody 's Investors Service - Rating\n\nThe agency said on "
        "Tuesday that it had confirmed the rating of the harbour authority 's bonds .\n",
    ],
)
def test_a_place_under_the_headline_is_no_byline(text: str) -> None:
    seg = segment(text)
    assert [text[b.start : b.end] for b in seg.bylines] == []


def test_a_writer_named_like_a_place_part_stays_a_byline() -> None:
    text = "Council approves harbour plan\n\nGeorgia Jordan\n\nThe council voted on Tuesday to approve the plan.\n"
    assert [text[b.start : b.end] for b in segment(text).bylines] == ["Georgia Jordan"]
