"""Page furniture recognised by form: timestamps, datelines, toolbars, promotions, live-blog entry headers."""

from __future__ import annotations

import pytest

from app.text import boilerplate as bp
from app.text.segment import segment


@pytest.mark.parametrize(
    "line",
    [
        "Published Jun 05, 2026 • 3 minute read",
        "11:48, Thu, Jul 18, 2024 | UPDATED: 11:50, Thu, Jul 18, 2024",
        "Sat 24 Feb 2024 12.42 CET",
        "Posted May 24, 2026 10:05 am",
        "4 min read",
        "Published 3 seconds ago",
        "Updated20:49, 5 Aug 2024",
        "February 28 2024, 9:54 a.m.",
    ],
)
def test_timestamps(line: str) -> None:
    assert bp.is_timestamp(line)


@pytest.mark.parametrize("line", ["ORLANDO 8 6 .571 4", "Harlow Peak Family 6", "The vote was 52 to 48.", "2024"])
def test_numbers_alone_are_not_timestamps(line: str) -> None:
    assert not bp.is_timestamp(line)


@pytest.mark.parametrize(
    "line",
    [
        "Rovers Wednesday 3 3 0 0 6 2 9",  # a club named after a weekday in a standings table
        "Kantar May 23 38.0 37.0 7.0 11.0 5.0",  # a poll: its institute, its date, then the parties' shares
        "8. Morikawa 38:34.999",  # a lap time in thousandths
        "1. Castellani 8:22:00",  # a stage's winner and his time
    ],
)
def test_results_and_poll_rows_are_not_timestamps(line: str) -> None:
    assert not bp.is_timestamp(line)


@pytest.mark.parametrize(
    "line", ["1. Mai 2023, 10:24", "5 May 2026, 10:24 | Updated 6 May 2026, 11:00", "2026-05-05 10:24:00 +0200"]
)
def test_dates_with_many_numbers_stay_timestamps(line: str) -> None:
    assert bp.is_timestamp(line)


@pytest.mark.parametrize("line", ["AUBURN, Wash. —", "LONDON 2026-03-02", "PORT ALDINE, Norland 2026-03-02"])
def test_datelines(line: str) -> None:
    assert bp.is_dateline(line)


@pytest.mark.parametrize(
    "line",
    [
        "cancel email link share Share bookmark Save",
        "Story continues below advertisement",
        "View 3 Images",
        "Sign up to our free newsletter",
        "Read more: Council approves budget",
        "Advertisement",
    ],
)
def test_toolbars_and_placeholders(line: str) -> None:
    assert bp.is_ui_line(line)


def test_a_paragraph_that_mentions_a_privacy_policy_is_not_furniture() -> None:
    line = (
        '"The company changed its privacy policy without telling anyone," said Maya Lind, who leads the '
        "consumer group that filed the complaint on Monday."
    )
    assert not bp.is_ui_line(line)
    assert not bp.is_promo(line, len(line.split()))


@pytest.mark.parametrize(
    "line",
    [
        "A vote is expected by June on the harbour bill , which is sponsored by the Coastal Trust , a charity that "
        "took over the ferry service in 1998 .",
        "The regulator said the firm's new privacy policy breached the data law in three of its nine clauses.",
    ],
)
def test_a_sentence_of_prose_holding_a_ui_phrase_is_kept(line: str) -> None:
    assert not bp.is_ui_line(line)
    seg = segment(f"Harbour bill advances\n\n{line}\n\nThe vote is next week.")
    assert seg.blocks[1].kind in ("standfirst", "body")


@pytest.mark.parametrize(
    "line",
    [
        "Get the latest headlines, breaking news and columns.",  # short
        "Join us on the riverside trail this summer for walks, talks and tastings with the whole newsroom team.",
        "Sponsored by Harbour Mutual and the Coastal Trust and the friends of the Linden Grove ferry service",
    ],
)
def test_a_ui_phrase_in_a_short_line_a_line_to_the_reader_or_a_fragment_is_furniture(line: str) -> None:
    assert bp.is_ui_line(line)


@pytest.mark.parametrize(
    "line",
    [
        # affiliate notices, subscription and sharing prompts in the other languages of the word lists
        "Die mit einem Stern gekennzeichneten Links sind Affiliate-Links. Kaufen Sie darüber ein, erhalten wir eine "
        "Provision.",
        "Jetzt abonnieren und alle Artikel lesen.",
        "Cet article est réservé aux abonnés.",
        "Este artículo contiene enlaces de afiliado.",
        # long notices in languages that drop the pronoun: the verb speaks for the publisher
        "Los productos de esta página se eligen con independencia editorial y, si compra a través de los enlaces de "
        "afiliado, recibimos una comisión.",
        "Questo articolo contiene link di affiliazione e per ogni acquisto effettuato tramite questi link riceviamo "
        "una commissione.",
        "Iscriviti alla newsletter",
        "Deel dit artikel",
        "Bli abonnent i dag",
    ],
)
def test_ui_phrases_in_other_languages_are_furniture(line: str) -> None:
    assert bp.is_ui_line(line)


@pytest.mark.parametrize(
    "line",
    [
        # prose that holds a phrase: long, ends as a sentence, and does not speak to the reader
        "Der Verlag teilte am Montag mit, dass sich Leser ab Juli nur noch mit einem Konto für den Newsletter "
        "abonnieren und jetzt anmelden könnten, wenn sie älter als sechzehn Jahre seien.",
        "Los editores dijeron que el programa de enlaces de afiliado de la tienda había crecido un tercio en el "
        "último año fiscal.",
    ],
)
def test_prose_holding_a_ui_phrase_of_another_language_is_kept(line: str) -> None:
    assert not bp.is_ui_line(line)


@pytest.mark.parametrize("line", ["21:05Lena Ortiz", "20:42KEY EVENT", "2 hours ago10:05 Jon Reyes"])
def test_live_blog_entry_headers(line: str) -> None:
    assert bp.is_live_entry_header(line)


def test_a_results_table_under_a_headline_is_not_bylines_or_furniture() -> None:
    text = (
        "ICE HOCKEY - NORLAND LEAGUE STANDINGS .\n"
        "PORT ALDINE 2026-03-02\n"
        "Standings after Saturday's games :\n"
        "EASTERN CONFERENCE\n"
        "Aldine Harbour 14 2 .875\n"
        "Brackwater Town 11 5 .688\n"
        "Fellmoor City 8 8 .500\n"
        "WESTERN CONFERENCE\n"
        "Ashby Rovers 12 4 .750\n"
        "Linden Grove 9 7 .563\n"
    )
    seg = segment(text)
    kinds = {b.text: b.kind for b in seg.blocks}
    assert kinds["PORT ALDINE 2026-03-02"] == "dateline"
    assert seg.bylines == ()
    assert kinds["EASTERN CONFERENCE"] not in ("byline", "boilerplate")
    assert kinds["Aldine Harbour 14 2 .875"] not in ("byline", "boilerplate")


@pytest.mark.parametrize("line", ["1 of 12", "Image 3 of 12", "Bild 1 von 5", "Foto 2 de 10", "photo 1 sur 8", "2/9"])
def test_a_gallery_counter_is_furniture_in_any_language(line: str) -> None:
    assert bp.is_ui_line(line)


@pytest.mark.parametrize("line", ["2 of the best", "Chapter 1 of 3 begins today", "3 von 5 Sternen für den Film"])
def test_a_count_inside_words_is_no_counter(line: str) -> None:
    assert not bp.is_ui_line(line)


@pytest.mark.parametrize(
    "line", ["View image in fullscreen", "Now playing", "Skip to main content", "Zum Inhalt springen", "Get in touch"]
)
def test_page_controls_and_navigation_are_ui_lines(line: str) -> None:
    assert bp.is_ui_line(line)


@pytest.mark.parametrize(
    "line",
    ["Temps de lecture : 3 min.", "Lesezeit: 3 Min.", "Tiempo de lectura: 3 min", "Tempo di lettura: 3 minuti"],
)
def test_reading_times_in_other_languages_are_timestamps(line: str) -> None:
    assert bp.is_timestamp(line)
    assert not bp.is_timestamp("La lecture de trois livres a pris du temps.")


def test_dates_with_abbreviated_months_of_other_languages_are_timestamps() -> None:
    assert bp.is_timestamp("Madrid - 02 dic 2026 - 13:45 CET")
    assert bp.is_timestamp("Lisboa, 5 dez 2026, 10:30")
    assert not bp.is_timestamp("Out of time")  # "out" (Portuguese October) is not listed: an English word


@pytest.mark.parametrize(
    "line",
    [
        "Harbouria offers to talk to the rebels .",  # a headline whose verb is a promotion word
        "Riverton Mining comments on the pit lawsuits .",
        "Donations poured in after the harbour fire",
        "Registered voters turn out in record numbers",
        "Harbouria 's travel account gap shrinks .",
    ],
)
def test_a_headline_with_a_word_promotions_also_use_is_no_promotion(line: str) -> None:
    assert not bp.is_promo(line, len(line.split()))


@pytest.mark.parametrize(
    "line",
    [
        "View comments",
        "Special offers",
        "Donate",
        "Sign in or create an account",
        "Enjoy additional articles per month",
        "View original content to download multimedia: https://example.com/release",
    ],
)
def test_short_promotion_lines_stay_promotion(line: str) -> None:
    assert bp.is_promo(line, len(line.split()))
