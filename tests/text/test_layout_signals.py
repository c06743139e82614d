"""Signals added for pages in other languages and layouts: labels on their own line, the label kept or dropped in
a credit's ``raw``, the lead picture's caption right under the headline, month names that are first names.

Every article here is written for these tests.
"""

from __future__ import annotations

import pytest

from app.text.names import byline_names
from app.text.segment import segment


def _kinds(text: str) -> dict[str, str]:
    return {b.text: b.kind for b in segment(text).blocks}


def test_a_label_on_its_own_line_joins_the_credit_below_it_and_stays_out_of_raw() -> None:
    text = (
        "Stadtrat beschließt neuen Radweg am Ufer\n\n"
        "Die Radfahrerin Lena Morf auf der alten Uferstraße in Brückenau.\n\n"
        "Foto:\n\n"
        "Tobias Reinhold / dpa\n\n"
        "Der Stadtrat hat am Dienstag beschlossen, entlang des Flussufers einen neuen Radweg zu bauen. Die Arbeiten "
        "sollen im Frühjahr beginnen.\n\n"
        "Der Weg soll drei Kilometer lang werden und zwei Brücken verbinden.\n"
    )
    seg = segment(text)
    assert [c.raw for c in seg.credits] == ["Tobias Reinhold / dpa"]
    assert seg.credits[0].parsed.source == "dpa"
    assert [c.text for c in seg.captions] == ["Die Radfahrerin Lena Morf auf der alten Uferstraße in Brückenau."]
    assert seg.credits[0].caption_index == 0


@pytest.mark.parametrize(
    ("line", "raw"),
    [
        ("Quelle: Imago/Karl Hofer", "Imago/Karl Hofer"),
        ("Bild: Keystone/Anna Moser", "Keystone/Anna Moser"),
        ("(Bildquelle: Gemeinde Talheim)", "Gemeinde Talheim"),
        ("Fuente: EFE", "EFE"),
        ("Foto: Karl Hofer/dpa", "Foto: Karl Hofer/dpa"),
        ("Photo: Jane Roe/AP", "Photo: Jane Roe/AP"),
    ],
)
def test_a_label_that_only_says_where_the_picture_is_from_is_not_part_of_raw(line: str, raw: str) -> None:
    text = (
        "Neuer Spielplatz im Stadtpark eröffnet\n\n"
        "Kinder spielen auf dem neuen Klettergerüst im Stadtpark.\n\n"
        f"{line}\n\n"
        "Der neue Spielplatz im Stadtpark ist am Samstag eröffnet worden. Er kostete rund 200.000 Euro.\n\n"
        "Die Stadt will im nächsten Jahr einen zweiten Spielplatz bauen.\n"
    )
    seg = segment(text)
    assert [c.raw for c in seg.credits] == [raw]
    credit = seg.credits[0]
    assert text[credit.start : credit.end] == raw
    assert [c.text for c in seg.captions] == ["Kinder spielen auf dem neuen Klettergerüst im Stadtpark."]


def test_a_short_sentence_under_the_headline_above_a_credit_is_the_lead_pictures_caption() -> None:
    text = (
        "Hafenstadt feiert ihr neues Museum\n\n"
        "Das neue Museum am Hafen bei Nacht.\n\n"
        "Peter Lund/Ritzau\n\n"
        "Nach fünf Jahren Bauzeit hat die Stadt am Freitag ihr neues Museum am Hafen eröffnet. Tausende Besucher "
        "kamen zur Eröffnung.\n\n"
        "Das Museum zeigt die Geschichte der Seefahrt in der Region.\n"
    )
    kinds = _kinds(text)
    assert kinds["Das neue Museum am Hafen bei Nacht."] == "caption"
    assert kinds["Peter Lund/Ritzau"] == "credit"


def test_a_long_sentence_under_the_headline_above_a_credit_stays_the_standfirst() -> None:
    standfirst = (
        "Whether you are hiking in the hills or camping at the lake this summer, we have tested the tents, stoves "
        "and lamps that are worth taking along."
    )
    text = (
        "The best camping gear of the year\n\n"
        f"{standfirst}\n\n"
        "Photograph: Jane Roe; Getty Images\n\n"
        "Camping has never been more popular, and the shops are full of gear that promises to make it easier.\n\n"
        "We tested forty products over three months.\n"
    )
    assert _kinds(text)[standfirst] == "standfirst"


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Von Jan Brenner", ["Jan Brenner"]),
        ("Ein Kommentar von Jan Brenner", ["Jan Brenner"]),
        ("By April Nolan | Jan 5, 2026", ["April Nolan"]),
        ("By Tom Reyes Jan 5, 2026", ["Tom Reyes"]),
    ],
)
def test_a_month_name_that_is_a_first_name_opens_a_byline_name(line: str, names: list[str]) -> None:
    assert [line[n.start : n.end] for n in byline_names(line, require_by=True)] == names
