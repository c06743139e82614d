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


def test_a_bracketed_credit_with_an_equals_label_closes_a_caption() -> None:
    text = (
        "시장 선거 결과 발표\n\n"
        "새 시장이 당선 확정 뒤 지지자들에게 인사하고 있다. [사진 = 김민수 기자]\n\n"
        "시장 선거에서 새 시장이 당선됐다. 투표율은 지난 선거보다 높았다.\n\n"
        "새 시장은 다음 달 취임한다.\n"
    )
    seg = segment(text)
    assert [c.raw for c in seg.credits] == ["김민수 기자"]
    assert [c.text for c in seg.captions] == ["새 시장이 당선 확정 뒤 지지자들에게 인사하고 있다."]
    assert not any("김민수" in b.text for b in seg.blocks if b.kind == "body")


def test_a_bracketed_labelled_credit_line_is_a_credit_even_when_it_is_not_a_name() -> None:
    text = (
        "Betrüger verschicken falsche Rechnungen\n\n"
        "Eine gefälschte Rechnung auf einem Bildschirm.\n\n"
        "(Bild: erstellt mit einem Bildgenerator durch die Redaktion / ab)\n\n"
        "Die Verbraucherzentrale warnt vor gefälschten Rechnungen, die derzeit per E-Mail verschickt werden. Sie "
        "sehen echten Rechnungen zum Verwechseln ähnlich.\n\n"
        "Wer eine solche Rechnung erhält, sollte den Anhang nicht öffnen.\n"
    )
    seg = segment(text)
    assert [c.raw for c in seg.credits] == ["erstellt mit einem Bildgenerator durch die Redaktion / ab"]
    assert [c.text for c in seg.captions] == ["Eine gefälschte Rechnung auf einem Bildschirm."]


def test_a_rights_notice_after_the_photographer_is_neither_caption_nor_credit() -> None:
    text = (
        "Sicherheitsrat berät über die Lage am Hafen\n\n"
        "Die Botschafterin spricht am Montag im Sitzungssaal vor dem Rat - Copyright Karl Ostrowski/Copyright 2026 "
        "The AP. All rights reserved.\n\n"
        "Copyright Karl Ostrowski/Copyright 2026 The AP. All rights reserved.\n\n"
        "Von Lena Fischer\n\n"
        "Der Sicherheitsrat ist am Montag zu einer Sondersitzung zusammengekommen. Mehrere Staaten forderten eine "
        "Untersuchung.\n\n"
        "Eine Entscheidung wird für Mittwoch erwartet.\n"
    )
    seg = segment(text)
    assert [c.raw for c in seg.credits] == ["Karl Ostrowski", "Karl Ostrowski"]
    assert [c.text for c in seg.captions] == ["Die Botschafterin spricht am Montag im Sitzungssaal vor dem Rat"]
    assert not any("Copyright" in b.text for b in seg.blocks if b.kind in ("body", "standfirst"))
    line = next(b for b in seg.blocks if b.text.startswith("Copyright"))
    assert line.kind == "credit"
    assert "credit_rights_notice" in line.rules


def test_a_page_footer_with_a_copyright_notice_is_not_a_credit() -> None:
    text = (
        "Council approves the new bridge\n\n"
        "The city council approved the new bridge on Tuesday after a long debate about its cost.\n\n"
        "Construction is to start next spring.\n\n"
        "Copyright 2026 Riverton Daily. All rights reserved.\n"
    )
    assert segment(text).credits == ()


def test_a_share_bar_in_german_is_not_a_byline() -> None:
    text = (
        "Neue Buslinie verbindet die Vororte\n\n"
        "Teilen Kommentare\n\n"
        "Ab Montag fährt eine neue Buslinie zwischen den beiden Vororten. Sie verkehrt alle zwanzig Minuten.\n\n"
        "Die Linie wird zunächst für ein Jahr erprobt.\n"
    )
    seg = segment(text)
    assert seg.bylines == ()
    assert next(b for b in seg.blocks if b.text == "Teilen Kommentare").kind == "boilerplate"


def test_entries_of_a_live_ticker_are_body() -> None:
    text = (
        "Les marchés en direct\n\n"
        "Suivez l'actualité économique de la journée.\n\n"
        "7h05 - La Bourse de Lyon ouvre en légère hausse ce matin\n\n"
        "7h31 - Les ventes du constructeur progressent au premier semestre\n\n"
        "8h10 - La banque centrale laisse ses taux inchangés\n"
    )
    kinds = _kinds(text)
    for line in kinds:
        if line[:1].isdigit():
            assert kinds[line] == "body", line


def test_the_first_entry_of_a_live_blog_is_body_not_a_standfirst() -> None:
    text = (
        "Live: storm batters the coast\n\n"
        "Updated 14:32 GMT\n\n"
        "14:30\n"
        "Ferry services between the two ports have been suspended, the operator said.\n\n"
        "14:05\n"
        "The weather office has issued an amber warning for wind. Gusts of up to 80mph are expected.\n"
    )
    kinds = _kinds(text)
    assert kinds["Ferry services between the two ports have been suspended, the operator said."] == "body"
    # without the entry's time above it the same line is the standfirst under the headline
    plain = text.replace("14:30\n", "")
    assert _kinds(plain)["Ferry services between the two ports have been suspended, the operator said."] == "standfirst"


@pytest.mark.parametrize(
    ("pointer", "header"),
    [
        ("Lesen Sie auch: Warum die Bahn so oft zu spät kommt", "Das könnte Sie auch interessieren"),
        ("Lire aussi : Les prix des billets de train vont augmenter", "Sur le même sujet"),
        ("Lea también: El Gobierno aprueba ayudas para los regantes", "Noticias relacionadas"),
        ("Leggi anche: Treni, le nuove tariffe dal primo gennaio", "Articoli correlati"),
        ("Lees ook: Spoorbonden kondigen nieuwe acties aan", "Meest gelezen"),
        ("Leia também: Preço dos bilhetes de comboio sobe em janeiro", "Notícias relacionadas"),
        ("Läs också: Tågtrafiken i Mälardalen står still", "Mest läst"),
        ("Les også: Togstreiken kan vare i flere dager", "Mest lest"),
        ("関連記事：鉄道各社が運賃値上げを発表", "あわせて読みたい"),
    ],
)
def test_pointers_to_other_articles_in_other_languages_are_furniture(pointer: str, header: str) -> None:
    """A "read also" line of its own, and a "related articles" heading with the headlines under it."""
    text = (
        "Rail strike halts trains across the region\n\n"
        "By Jana Roth\n\n"
        "Train services across the region stopped on Thursday as drivers began a two-day strike over pay.\n\n"
        f"{pointer}\n\n"
        "The operator said it would run a reduced timetable on the main lines from Friday afternoon.\n\n"
        f"{header}\n\n"
        "Drivers vote on new offer next week\n\n"
        "Ticket prices to rise in January\n"
    )
    kinds = _kinds(text)
    assert kinds[pointer] == "boilerplate"
    assert kinds[header] == "boilerplate"
    assert kinds["Drivers vote on new offer next week"] == "boilerplate"
    for line in text.split("\n\n"):
        if line.startswith(("Train services", "The operator")):
            assert kinds[line] == "body", line


def test_a_live_ticker_entry_after_a_read_also_link_stays_body() -> None:
    text = (
        "Les marchés en direct\n\n"
        "Suivez l'actualité économique de la journée.\n\n"
        "Lire aussi :\n\n"
        "Les ventes de voitures électriques reculent en Europe\n\n"
        "9h05 - La Bourse de Lyon ouvre en légère hausse ce matin\n\n"
        "8h10 - La banque centrale laisse ses taux inchangés\n"
    )
    kinds = _kinds(text)
    assert kinds["Les ventes de voitures électriques reculent en Europe"] == "boilerplate"
    assert kinds["9h05 - La Bourse de Lyon ouvre en légère hausse ce matin"] == "body"
    assert kinds["8h10 - La banque centrale laisse ses taux inchangés"] == "body"


def test_a_sentence_under_a_keyword_in_capitals_is_a_caption_but_a_transcript_is_not() -> None:
    caption = "SKUFFET: Her ser trener Ola Berg at laget hans taper finalen."
    text = (
        "Laget tapte finalen etter straffer\n\n"
        "Av Kari Lien\n\n"
        "Det ble ingen gullmedalje for laget fra Bergen, som tapte finalen etter straffesparkkonkurranse i kveld.\n\n"
        f"{caption}\n\n"
        "Treneren sa etter kampen at han var stolt av spillerne sine, til tross for tapet.\n"
    )
    assert _kinds(text)[caption] == "caption"
    transcript = (
        "Interview: the mayor on the harbour plan\n\n"
        "By Martha Quill\n\n"
        "The mayor spoke to us on Tuesday about the plan to rebuild the harbour wall before winter.\n\n"
        "QUILL: Will the work be finished before the storms begin in November?\n\n"
        "BRENNER: We expect the first section to be finished by the end of October.\n\n"
        "QUILL: And what will it cost the town over the next five years?\n"
    )
    kinds = _kinds(transcript)
    assert [kinds[line.strip()] for line in transcript.split("\n\n")[3:]] == ["body", "body", "body"]


@pytest.mark.parametrize(
    "line",
    [
        "UPDATE: This story has been updated to include a statement from the council.",
        "BREAKING: The council has voted to rebuild the pier after a long debate.",
        "EILMELDUNG: Der Stadtrat hat den Neubau der Seebrücke beschlossen, teilte die Stadt mit.",
    ],
)
def test_a_story_label_in_capitals_is_not_a_captions_keyword(line: str) -> None:
    text = (
        "Harbour town votes to rebuild pier\n\n"
        "By Martha Quill\n\n"
        "Councillors in Pellham voted on Tuesday to rebuild the town's Victorian pier after the storm.\n\n"
        f"{line}\n\n"
        "Work on the new deck will begin in April and should take eighteen months to finish.\n"
    )
    assert _kinds(text)[line] != "caption"


PROPERTY_STORY = (
    "Seaside cottage sells for record price in Pellham\n\n"
    "By Martha Quill\n\n"
    "A three-bedroom cottage overlooking Pellham harbour has sold for £1.4 million, a record for the town.\n\n"
    "{picture}\n\n"
    "The previous record was set in 2019, when a house on Cliff Road sold for £1.1 million.\n\n"
    "Local councillors have called for limits on second homes in the town, the council said.\n"
)


def test_a_description_ending_in_a_bracketed_name_between_paragraphs_is_a_caption_with_its_credit() -> None:
    caption = "The cottage on Harbour Row has views across the bay (Coastal Homes Estate Agents)"
    text = PROPERTY_STORY.format(picture=caption)
    seg = segment(text)
    assert _kinds(text)[caption] == "caption"
    assert [c.raw for c in seg.credits] == ["Coastal Homes Estate Agents"]
    assert seg.captions[0].text == "The cottage on Harbour Row has views across the bay"


def test_brackets_that_name_teams_are_not_a_credit() -> None:
    line = "Ben Okafor (Pellham Town) in a duel with Tom Reilly (Westbay Rovers)"
    seg = segment(PROPERTY_STORY.format(picture=line))
    assert [c.raw for c in seg.credits] == []


def test_a_name_alone_under_a_description_is_the_photographers_credit() -> None:
    text = PROPERTY_STORY.format(picture="Harbour Row at sunset, seen from the pier\n\nJenna Fairweather")
    seg = segment(text)
    kinds = _kinds(text)
    assert kinds["Harbour Row at sunset, seen from the pier"] == "caption"
    assert kinds["Jenna Fairweather"] == "credit"
    assert [(c.raw, c.parsed.creators) for c in seg.credits] == [("Jenna Fairweather", ("Jenna Fairweather",))]


def test_a_name_heading_over_that_persons_profile_is_not_a_credit() -> None:
    text = (
        "The donors behind the harbour campaign\n\n"
        "By Martha Quill\n\n"
        "Three local business owners have given most of the money for the campaign to save the pier.\n\n"
        "The biggest donors\n\n"
        "Ada Brenner\n\n"
        "Brenner runs the largest hotel on the seafront and gave £200,000 to the campaign last year.\n"
    )
    seg = segment(text)
    assert seg.credits == ()
    assert _kinds(text)["Ada Brenner"] != "credit"


@pytest.mark.parametrize(
    "notice",
    [
        "© 2026 The Associated Press. All rights reserved.",
        "Copyright 2026 The Associated Press. All rights reserved. This material may not be published, broadcast, "
        "rewritten or redistributed without permission.",
        "Riproduzione riservata © Copyright ANSA",
        "© Copyright 2026 Gazzetta di Pellham. Tutti i diritti riservati.",
        "Copyright © 2026 Nordkurier Verlag. Alle Rechte vorbehalten.",
        "© 2026 Le Courrier du Port. Tous droits réservés.",
    ],
)
def test_a_rights_notice_under_the_article_is_furniture_not_a_picture_credit(notice: str) -> None:
    text = (
        "Harbour town votes to rebuild storm-hit pier\n\n"
        "By Marta Quinlan\n\n"
        "Councillors in Pellham voted on Tuesday to rebuild the town's Victorian pier after the storm.\n\n"
        "Crews inspect the damaged pier on Monday. (AP Photo/Jane Roe)\n\n"
        "Work on the new deck will begin in April and should take eighteen months to finish.\n\n"
        f"{notice}\n"
    )
    seg = segment(text)
    assert _kinds(text)[notice] == "boilerplate"
    assert [c.raw for c in seg.credits] == ["AP Photo/Jane Roe"]


def test_a_picture_credit_with_a_copyright_mark_is_still_a_credit() -> None:
    text = (
        "Neue Brücke über den Fluss eröffnet\n\n"
        "Von Klara Brenner\n\n"
        "Die neue Brücke verbindet seit Montag die beiden Ufer. Sie hat drei Jahre Bauzeit gebraucht.\n\n"
        "Die Brücke am Eröffnungstag\n\n"
        "© Rolf Winter/dpa\n\n"
        "Der Verkehr soll ab Mittwoch über die Brücke rollen, teilte die Stadt mit.\n"
    )
    seg = segment(text)
    assert _kinds(text)["© Rolf Winter/dpa"] == "credit"
    assert [(c.raw, c.parsed.source) for c in seg.credits] == [("© Rolf Winter/dpa", "dpa")]


@pytest.mark.parametrize(
    "stamp",
    [
        "Aktualisiert am 3. März 2026, 20:22 Uhr",
        "12 de mayo de 2026 16:51 h",
        "Publié le 18 juil. 2026 à 08:01",
        "Publicerad 23 okt 2026 kl 10.23",
    ],
)
def test_a_date_line_in_another_language_is_furniture_not_a_caption(stamp: str) -> None:
    text = (
        "Neue Brücke über den Fluss eröffnet\n\n"
        f"{stamp}\n\n"
        "Foto: Karl Hofer/dpa\n\n"
        "Die neue Brücke wurde am Montag für den Verkehr freigegeben. Sie verbindet zwei Stadtteile.\n\n"
        "Die Bauarbeiten hatten drei Jahre gedauert.\n"
    )
    seg = segment(text)
    assert next(b for b in seg.blocks if b.text == stamp).kind == "boilerplate"
    assert seg.captions == ()


def test_a_name_beside_the_date_line_is_the_byline() -> None:
    text = (
        "El ayuntamiento aprueba el nuevo carril bici\n\n"
        "Ciclistas en la avenida del puerto.AFP\n\n"
        "Lucía Ferrer Ortega\n\n"
        "Actualizado Lunes, 2 diciembre 2026 - 02:24\n\n"
        "El pleno del ayuntamiento aprobó el martes el nuevo carril bici que unirá el puerto con el centro.\n\n"
        "Las obras comenzarán en primavera.\n"
    )
    seg = segment(text)
    assert [b.name for b in seg.bylines] == ["Lucía Ferrer Ortega"]
    assert "byline_by_date" in next(b for b in seg.blocks if b.text == "Lucía Ferrer Ortega").rules


def test_a_name_above_a_job_title_is_the_byline_and_the_standfirst_before_it_stays() -> None:
    standfirst = "El agente trabajaba desde hace diez años en la seguridad del puerto de la ciudad."
    text = (
        "Detenido un agente del puerto por contrabando\n\n"
        f"{standfirst}\n\n"
        "Marta Solís\n\n"
        "Corresponsal en Atenas\n\n"
        "La policía detuvo el lunes a un agente de seguridad del puerto acusado de contrabando de tabaco.\n\n"
        "El agente fue puesto a disposición judicial.\n"
    )
    seg = segment(text)
    assert [b.name for b in seg.bylines] == ["Marta Solís"]
    assert _kinds(text)[standfirst] == "standfirst"


def test_only_the_first_description_after_the_byline_is_the_lead_pictures_caption() -> None:
    text = (
        "Ferrari salva el último punto del campeonato\n\n"
        "By Jane Roe\n\n"
        "Los dos coches en la primera vuelta de la carrera en Qatar\n\n"
        "Crónica de una carrera sin orden ni concierto en el desierto\n\n"
        "Ferrari logró el domingo mantener vivas sus opciones en el campeonato tras una carrera caótica.\n\n"
        "La última prueba se disputa la próxima semana.\n"
    )
    seg = segment(text)
    assert [c.text for c in seg.captions] == ["Los dos coches en la primera vuelta de la carrera en Qatar"]


def test_a_line_repeating_a_nearby_paragraph_without_its_full_stop_is_a_caption() -> None:
    caption = "Coin collectors across the country are searching for rare pennies, paying up to $20,000 for some"
    heading = "Why the pennies are rare"
    text = (
        "Your old penny could be worth a fortune\n\n"
        "By Jane Roe\n\n"
        "Check the coins in your wallet before you spend them, as one of them could be worth a lot of money.\n\n"
        "Coin collectors across the country are searching for rare pennies, paying up to $20,000 for some.\n\n"
        f"{caption}\n\n"
        f"{heading}\n\n"
        "The mint struck a small batch of pennies on the wrong metal in 1943, and only a few dozen are known to "
        "exist today, which is why the pennies are rare and collectors pay so much for them.\n\n"
        "Experts say most of them are still in circulation somewhere.\n"
    )
    kinds = _kinds(text)
    assert kinds[caption] == "caption"
    assert "caption_restated" in next(b for b in segment(text).blocks if b.text == caption).rules
    assert kinds[heading] == "heading"


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Reuters, Thomas Vogt", ["Reuters", "Thomas Vogt"]),
        ("Übersetzung und Bearbeitung: Anna Lindqvist", ["Anna Lindqvist"]),
        ("Jane Roe: Editor", ["Jane Roe"]),
        ("Isithombe: Sithunyelwe", []),
        ("Jane Roe 2 minutes read", ["Jane Roe"]),
    ],
)
def test_names_in_a_line_without_an_opener(line: str, names: list[str]) -> None:
    assert [line[n.start : n.end] for n in byline_names(line, require_by=False)] == names


def test_a_name_with_its_job_title_after_the_first_paragraphs_is_the_byline() -> None:
    text = (
        "Stavhopper tok bronse i Paris\n\n"
        "Kvalifiseringen i stavsprang ble dramatisk for den norske utøveren.\n\n"
        "FORTVILET: Her tror hun at finaleplassen glipper.\n\n"
        "Mats Engen – Journalist i Paris\n\n"
        "Publisert 05.08.2026, kl. 13.05\n\n"
        "Den norske stavhopperen tok bronse etter en dramatisk finale i Paris mandag kveld.\n\n"
        "Hun hoppet 4,75 meter i sitt siste forsøk.\n"
    )
    assert [b.name for b in segment(text).bylines] == ["Mats Engen"]


@pytest.mark.parametrize(
    ("line", "raw", "caption"),
    [
        (
            "Zona de baño en el campamento, el 1 de agosto. Lucía Ferrer (dpa/picture alliance via Getty)",
            "Lucía Ferrer (dpa/picture alliance via Getty)",
            "Zona de baño en el campamento, el 1 de agosto.",
        ),
        (
            "Contenedores en el campamento, el 1 de agosto de 2026.Lucía Ferrer (REUTERS)",
            "Lucía Ferrer (REUTERS)",
            "Contenedores en el campamento, el 1 de agosto de 2026.",
        ),
        (
            "Vista del incendio en el municipio de BédarEmergencias Andalucía/EFE",
            "Emergencias Andalucía/EFE",
            "Vista del incendio en el municipio de Bédar",
        ),
        (
            "Der Astrologe (li.) auf einem alten Stich. © IMAGO / Cinema Archive Collection /Pool / i-Images",
            "© IMAGO / Cinema Archive Collection /Pool / i-Images",
            "Der Astrologe (li.) auf einem alten Stich.",
        ),
        (
            "Wisuda sekolah ekonomi di Jakarta pada hari Sabtu(Dok. Humas Sekolah)",
            "Dok. Humas Sekolah",
            "Wisuda sekolah ekonomi di Jakarta pada hari Sabtu",
        ),
        (  # a site in a credit
            "Von links: Anna Berg und Eva Lind vor dem Gericht. mbl.is/Karl Jónsson",
            "mbl.is/Karl Jónsson",
            "Von links: Anna Berg und Eva Lind vor dem Gericht.",
        ),
        (  # a social handle in a credit
            "Un bombero trabaja en las tareas de extinción del incendio @Bomberos_Norte via X / Reuters",
            "@Bomberos_Norte via X / Reuters",
            "Un bombero trabaja en las tareas de extinción del incendio",
        ),
    ],
)
def test_credits_at_the_end_of_a_caption(line: str, raw: str, caption: str) -> None:
    text = (
        "Italia abre dos campamentos para migrantes\n\n"
        "El gobierno italiano abrió el lunes dos campamentos para migrantes en la costa. Las organizaciones "
        "humanitarias criticaron la medida.\n\n"
        f"{line}\n\n"
        "Los campamentos tienen capacidad para tres mil personas y serán gestionados por la policía.\n"
    )
    seg = segment(text)
    assert [c.raw for c in seg.credits] == [raw]
    assert [c.text for c in seg.captions] == [caption]


def test_a_photographer_before_an_agency_in_brackets_is_the_creator() -> None:
    from app.text.credits import parse_credit

    parsed = parse_credit("Lucía Ferrer (dpa/picture alliance via Getty)")
    assert parsed.creators == ("Lucía Ferrer",)
    assert parsed.source == "dpa"


@pytest.mark.parametrize(
    ("line", "names"),
    [("von Seeblick 30. Juni 2026", ["Seeblick"]), ("Von Montag 30. Juni 2026", []), ("By Staff 5 May 2026", [])],
)
def test_a_one_word_publisher_after_the_opener_and_before_the_date_is_the_author(line: str, names: list[str]) -> None:
    assert [line[n.start : n.end] for n in byline_names(line, require_by=True)] == names


def test_a_caption_printed_under_its_credit_after_a_paragraph() -> None:
    paragraph = (
        "In den vergangenen Monaten kritisierte die Ministerin in mehreren Fernsehauftritten die Verfahren gegen "
        "den früheren Bürgermeister und sprach von politischen Motiven."
    )
    text = (
        "Neue Ministerin vereidigt\n\n"
        "Die neue Justizministerin ist am Montag im Parlament vereidigt worden. Sie tritt ihr Amt sofort an.\n\n"
        f"{paragraph}\n\n"
        "IMAGO/Nordbild\n\n"
        "Die Ministerin und der Bürgermeister bei einem Wahlkampfauftritt 2016\n\n"
        "Die Ministerin war zuvor acht Jahre lang Staatsanwältin in der Hauptstadt gewesen.\n"
    )
    seg = segment(text)
    assert [c.text for c in seg.captions] == ["Die Ministerin und der Bürgermeister bei einem Wahlkampfauftritt 2016"]
    assert _kinds(text)[paragraph] == "body"
    assert seg.credits[0].caption_index == 0


def test_an_agency_and_its_photographer_glued_to_the_end_of_a_caption() -> None:
    text = (
        "Cumbre de ministros en Madrid\n\n"
        "Los ministros de Exteriores de veinte países se reunieron el domingo en Madrid para hablar de la paz.\n\n"
        "Foto de familia de la reunión de ministros en el palacio EFE/ J.J. Soler\n\n"
        "La reunión terminó con una declaración conjunta firmada por todos los asistentes.\n"
    )
    seg = segment(text)
    assert [c.raw for c in seg.credits] == ["EFE/ J.J. Soler"]
    assert [c.text for c in seg.captions] == ["Foto de familia de la reunión de ministros en el palacio"]


@pytest.mark.parametrize("ad", ["", "Anzeige\n\n"])  # an ad between the caption and a paragraph does not part them
def test_a_player_and_his_team_between_two_paragraphs_is_a_caption(ad: str) -> None:
    caption = "Tom Berger (FC Riverton) jubelt nach seinem Treffer gegen den SV Nordstadt"
    text = (
        "Riverton gewinnt das Derby\n\n"
        "Riverton hat das Derby gegen Nordstadt mit 2:0 gewonnen. Die Gastgeber waren von Beginn an überlegen.\n\n"
        "Berger traf in der 27. Minute zur Führung, kurz vor Schluss erhöhte Lindner per Kopfball auf 2:0.\n\n"
        f"{ad}{caption}\n\n"
        "Nordstadt bleibt damit auf dem vorletzten Platz und muss weiter um den Klassenerhalt bangen.\n\n"
        "Tabellenführer bleibt Riverton\n\n"
        "Mit dem Sieg baut Riverton den Vorsprung an der Tabellenspitze auf vier Punkte aus.\n"
    )
    kinds = _kinds(text)
    assert kinds[caption] == "caption"
    assert kinds["Tabellenführer bleibt Riverton"] == "heading"


@pytest.mark.parametrize(
    "line", ["über Bluesky teilen über Facebook teilen per Mail teilen über Xing teilen", "mit Video", "3 min"]
)
def test_share_bars_video_labels_and_reading_times_are_furniture(line: str) -> None:
    text = (
        "Neue Buslinie verbindet die Vororte\n\n"
        "Ab Montag fährt eine neue Buslinie zwischen den beiden Vororten. Sie verkehrt alle zwanzig Minuten.\n\n"
        f"{line}\n\n"
        "Foto: Karl Hofer/dpa\n\n"
        "Die Linie wird zunächst für ein Jahr erprobt.\n"
    )
    seg = segment(text)
    assert next(b for b in seg.blocks if b.text == line).kind == "boilerplate"
    assert line not in [c.text for c in seg.captions]


def test_a_picture_shown_twice_gives_one_caption_and_a_sentence_with_von_is_no_byline() -> None:
    caption = "Der Bürgermeister von Nordstadt räumte öffentlich Versäumnisse ein"
    text = (
        "Gemeinde räumt Versäumnisse nach Feuer ein\n\n"
        "Foto: Keystone/Anna Moser\n\n"
        f"{caption}\n\n"
        "Foto: Keystone/Anna Moser\n\n"
        f"{caption}\n\n"
        "Teilen\n\n"
        "Die Gemeinde hat nach dem Brand in der Silvesternacht schwere Versäumnisse eingeräumt. Die Bar war seit "
        "Jahren nicht kontrolliert worden.\n\n"
        "Die Staatsanwaltschaft ermittelt.\n"
    )
    seg = segment(text)
    assert seg.bylines == ()
    assert [c.text for c in seg.captions] == [caption]
    assert seg.credits[0].caption_index == 0
    assert [b.kind for b in seg.blocks].count("caption") == 2


def test_an_agency_among_the_names_after_a_bare_opener_is_an_author_not_a_credit() -> None:
    text = (
        "Kommission prüft Wahlwerbung im Netz\n\n"
        "von\n\n"
        "Konrad Fehr\n\n"
        ",\n\n"
        "Deutsche Presse-Agentur\n\n"
        "Die Europäische Kommission untersucht den Einfluss einer Videoplattform auf die Wahlen im Nachbarland.\n\n"
        "Die Plattform weist die Vorwürfe zurück.\n"
    )
    seg = segment(text)
    assert [b.name for b in seg.bylines] == ["Konrad Fehr", "Deutsche Presse-Agentur"]
    assert seg.credits == ()


def test_names_with_a_job_title_in_brackets_above_the_place_and_date_are_the_bylines() -> None:
    text = (
        "El incendio de la sierra deja doce muertos\n\n"
        "Video\n\n"
        "Ana del Río, Pau Serra (Enviado especial)\n\n"
        "Sevilla, Los Robles\n\n"
        "10/07/2026 00:50 Actualizado a 10/07/2026 22:39\n\n"
        "El incendio forestal de la sierra deja ya doce muertos y otras veinte personas siguen sin localizar.\n\n"
        "Los bomberos trabajan sin descanso.\n"
    )
    assert [b.name for b in segment(text).bylines] == ["Ana del Río", "Pau Serra"]


def test_a_toolbar_line_and_topic_tags_near_the_title_are_not_bylines() -> None:
    text = (
        "Les ventes de voitures électriques ralentissent\n\n"
        "Anzahl Kommentare:\n\n"
        "Tribunal Supremo\n\n"
        "Les ventes de voitures électriques n'ont connu qu'une légère hausse au premier semestre, selon les "
        "constructeurs.\n\n"
        "Marc Dubois\n\n"
        "Pierre Lenoir\n\n"
        "Les constructeurs attendent une reprise à l'automne.\n"
    )
    assert segment(text).bylines == ()


def test_a_zulu_photo_label_makes_the_credit_of_a_caption() -> None:
    text = (
        "Isihluku kubulawa isaguga eMbali\n\n"
        "Umndeni wesaguga saseMbali uhlalele ovalweni ngemuva kokubulawa kukanina ekhaya.\n\n"
        "Thandi Zulu. Isithombe: Sithunyelwe\n\n"
        "Amaphoyisa athi umsolwa oneminyaka engu-18 uboshiwe ngalo usuku lwesigameko.\n\n"
        "Icala lizoqhubeka enkantolo ngoMsombuluko.\n"
    )
    seg = segment(text)
    assert [c.raw for c in seg.credits] == ["Sithunyelwe"]
    assert [c.text for c in seg.captions] == ["Thandi Zulu."]
    assert seg.bylines == ()


@pytest.mark.parametrize("line", ["Mehr News", "Más noticias", "Les også"])
def test_a_more_news_link_is_not_a_credit(line: str) -> None:
    text = (
        "Derby endet unentschieden\n\n"
        "Das Derby zwischen Riverton und Nordstadt endete am Samstag 1:1. Beide Tore fielen nach der Pause.\n\n"
        "Vorschau: Dieses Mal geht was für Riverton\n\n"
        f"{line}\n\n"
        "Am härtesten traf es den Kapitän, der nach einem Foul die nächsten fünf Spiele zuschauen muss.\n"
    )
    seg = segment(text)
    assert seg.credits == ()
    assert next(b for b in seg.blocks if b.text == line).kind == "boilerplate"


@pytest.mark.parametrize(
    ("header", "author"),
    [
        ("Der Stadtrat will das Ufer bis zum Sommer neu gestalten.\n\nAFP\n\n28.04.2026 | 17:52 Uhr", "AFP"),
        ("Aktualisiert am 28. April 2026, 20:22 Uhr\n\nQuelle: dpa Sport", "dpa"),
    ],
)
def test_an_agency_alone_beside_the_date_line_is_the_author_not_a_picture_credit(header: str, author: str) -> None:
    text = (
        "Brückenau baut einen Radweg am Fluss\n\n"
        f"{header}\n\n"
        "Der Stadtrat von Brückenau hat am Dienstag beschlossen, entlang des Flussufers einen neuen Radweg zu bauen. "
        "Die Arbeiten sollen im Frühjahr beginnen.\n\n"
        "Der Weg soll drei Kilometer lang werden und zwei Brücken verbinden.\n"
    )
    seg = segment(text)
    assert seg.credits == ()
    assert [text[b.start : b.end] for b in seg.bylines] == [author]


def test_an_agency_credit_under_a_caption_in_the_body_stays_a_credit() -> None:
    text = (
        "Brückenau baut einen Radweg am Fluss\n\n"
        "Der Stadtrat von Brückenau hat am Dienstag beschlossen, entlang des Flussufers einen neuen Radweg zu bauen. "
        "Die Arbeiten sollen im Frühjahr beginnen.\n\n"
        "Die alte Uferstraße in Brückenau.\n\n"
        "AFP\n\n"
        "Der Weg soll drei Kilometer lang werden und zwei Brücken verbinden.\n"
    )
    seg = segment(text)
    assert [c.raw for c in seg.credits] == ["AFP"]
    assert seg.bylines == ()


def test_the_paragraph_under_an_editors_note_label_is_the_note_not_body() -> None:
    text = (
        "Derby endet unentschieden\n\n"
        "Hinweis\n\n"
        "Diese Meldung wurde von einer Nachrichtenagentur übernommen und von der Redaktion nicht bearbeitet.\n\n"
        "Das Derby zwischen Riverton und Nordstadt endete am Samstag 1:1. Beide Tore fielen nach der Pause.\n"
    )
    kinds = _kinds(text)
    assert kinds["Hinweis"] == "boilerplate"
    assert (
        kinds["Diese Meldung wurde von einer Nachrichtenagentur übernommen und von der Redaktion nicht bearbeitet."]
        == "editor_note"
    )


@pytest.mark.parametrize("signoff", ["TT", "(dpa)", "NTB", "/ritzau/", "(dpa/lsw)", "APA/red", "Quelle: dpa"])
def test_a_news_agency_alone_on_the_last_line_signs_the_story_and_the_paragraph_above_stays_body(
    signoff: str,
) -> None:
    last = "Utbildningen finns i dag på fem orter i landet."
    text = (
        "Rekordmånga söker till polisutbildningen\n\n"
        "Av Erik Sandvall\n\n"
        "Antalet sökande till polisutbildningen har aldrig varit så högt. Drygt 14 000 personer sökte i år.\n\n"
        "Polisstudenter på övning i Umeå. Foto: Pontus Lindahl/TT\n\n"
        f"{last}\n\n"
        f"{signoff}\n"
    )
    seg = segment(text)
    kinds = _kinds(text)
    assert kinds[last] == "body"
    assert kinds[signoff] == "byline"
    assert "agency_signoff" in next(b for b in seg.blocks if b.text == signoff).rules
    agency = signoff.removeprefix("Quelle: ").strip("()/").split("/")[0]
    assert [b.name for b in seg.bylines] == ["Erik Sandvall", agency]
    assert [c.text for c in seg.captions] == ["Polisstudenter på övning i Umeå."]


def test_a_picture_agency_or_a_photo_credit_on_the_last_line_still_credits_the_caption_above() -> None:
    text = (
        "Volcano erupts near the harbour town\n\n"
        "A volcano erupted on the peninsula on Monday night, sending lava towards the harbour town.\n\n"
        "Residents had been evacuated last week.\n\n"
        "Lava flows near the town on Tuesday.\n\n"
        "AP Photo\n"
    )
    seg = segment(text)
    assert [c.text for c in seg.captions] == ["Lava flows near the town on Tuesday."]
    assert seg.bylines == ()


def test_a_short_story_of_two_paragraphs_has_a_body() -> None:
    # the header used to run to the last line when no second long paragraph came: the whole story a standfirst
    first = (
        "Berlin (dpa) - Die Lokführergewerkschaft hat für Donnerstag einen bundesweiten Streik angekündigt. "
        "Betroffen sind Fern- und Regionalverkehr."
    )
    second = "Die Bahn rechnet mit Einschränkungen."
    text = f"Streik bei der Bahn: Pendler müssen umplanen\n\n{first}\n\n{second}\n\n(dpa)\n"
    kinds = _kinds(text)
    assert kinds[first] == "body"  # it opens with a dateline: the story's first paragraph, not a standfirst
    assert kinds[second] == "body"


def test_a_bracketed_labelled_caption_keeps_the_paragraph_above_and_loses_its_label() -> None:
    above = "A technology company has been fined by the data watchdog after hackers stole the details of customers."
    text = (
        "Tech company fined over data breach\n\n"
        "By Priya Raman, Technology Correspondent\n\n"
        f"{above}\n\n"
        "[Image: The company's headquarters in Reading. Credit: Getty Images]\n\n"
        "The watchdog said the firm had failed to fix a known flaw for more than a year, and that it had been "
        "warned twice.\n\n"
        "The company said it would appeal against the fine.\n"
    )
    seg = segment(text)
    assert _kinds(text)[above] == "body"
    assert [c.text for c in seg.captions] == ["The company's headquarters in Reading."]
    assert [c.parsed.source for c in seg.credits] == ["Getty Images"]


def test_the_wires_copyright_line_and_a_japanese_agency_sign_off_sign_the_story() -> None:
    last = "Hinweise nimmt die Kriminalpolizei unter der Telefonnummer 0941/506-2888 entgegen."
    text = (
        "Einbruch in Juweliergeschäft in der Altstadt\n\n"
        "Unbekannte sind in der Nacht zum Freitag in ein Juweliergeschäft eingebrochen und haben Schmuck erbeutet.\n\n"
        "Die Täter hatten nach Angaben der Polizei die Eingangstür aufgehebelt.\n\n"
        f"{last}\n\n"
        "© dpa-infocom, dpa:261205-930-123456/1\n"
    )
    assert _kinds(text)[last] == "body"
    assert [b.name for b in segment(text).bylines] == ["dpa-infocom"]
    text = (
        "東京都、新たな子育て支援策を発表\n\n"
        "東京都は５日、子育て世帯への新たな支援策を発表した。第２子以降の保育料を来年度から無償化する。\n\n"
        "記者会見する知事＝５日、東京都庁\n\n"
        "知事は記者会見で「子どもを産み育てやすい東京をつくる」と述べた。都の予算規模は約５００億円を見込む。\n\n"
        "（共同）\n"
    )
    kinds = _kinds(text)
    assert kinds["記者会見する知事＝５日、東京都庁"] == "caption"  # the date first, then the place
    assert kinds["（共同）"] == "byline"


def test_a_wire_sign_off_line_is_furniture_and_a_contributed_sentence_stays_body() -> None:
    signoff = "(Reporting by Will Dunham; Editing by Sandra Maler)"
    contributed = "Jane Roe in London contributed to this report."
    text = (
        "Mars rover finds signs of ancient lake\n\n"
        "WASHINGTON, Dec 4 (Reuters) - NASA's rover has found rocks that formed in a lake that filled the crater more "
        "than 3 billion years ago, scientists said on Thursday.\n\n"
        "The findings strengthen the case that the crater once held water for long periods.\n\n"
        f"{contributed}\n\n"
        f"{signoff}\n"
    )
    kinds = _kinds(text)
    assert kinds[signoff] == "boilerplate"
    assert "signoff_line" in next(b for b in segment(text).blocks if b.text == signoff).rules
    assert kinds[contributed] == "body"


@pytest.mark.parametrize(
    "caption",
    [
        "Pictured: Volunteers carry the seal pup up the beach on Sunday morning",
        "Bildunterschrift: Helfer tragen die junge Robbe am Sonntagmorgen den Strand hinauf",
        "Legende: Helfer tragen die junge Robbe am Sonntagmorgen den Strand hinauf.",  # a Swiss broadcaster's label
        "Sur la photo : des bénévoles portent le phoque sur la plage dimanche matin",
    ],
)
def test_a_caption_label_in_any_language_makes_a_caption_without_its_label(caption: str) -> None:
    text = (
        "Pictured: The moment a seal pup was rescued from a beach\n\n"
        "A seal pup tangled in fishing net has been rescued by volunteers on a beach in the north of the county.\n\n"
        f"{caption}\n\n"
        "The pup, nicknamed Pebble, was taken to a rescue centre where vets removed the net from her neck.\n\n"
        "Seal numbers on the coast have risen sharply in recent years, with thousands of pups born last winter.\n"
    )
    seg = segment(text)
    kinds = _kinds(text)
    assert kinds["Pictured: The moment a seal pup was rescued from a beach"] == "title"
    assert kinds[caption] == "caption"
    label_end = caption.index(":") + 1
    assert [c.text for c in seg.captions] == [caption[label_end:].strip()]


def test_a_paragraph_opening_with_a_position_word_that_speaks_to_the_reader_is_no_caption() -> None:
    line = "Below, as the harbour reopens to larger boats, we look at what the repairs will cost the town."
    text = (
        "Porthaven harbour reopens after the storms\n\n"
        "The harbour reopened to fishing boats on Monday after three months of repairs to its storm-damaged wall.\n\n"
        f"{line}\n\n"
        "The council has spent £2m so far, and a second phase of work is planned for the spring.\n"
    )
    assert _kinds(text)[line] == "body"


def test_a_site_menu_above_the_headline_is_furniture_and_the_headline_is_the_title() -> None:
    headline = "Council tax to rise by 4.99% in Westbury"
    text = (
        "Skip to main content\n"
        "News\n"
        "Sport\n"
        "Weather\n"
        "Sign in\n\n"
        f"{headline}\n\n"
        "Residents will pay an extra £96 a year on average\n\n"
        "By Tom Ellis\n\n"
        "Council tax in Westbury will rise by 4.99% from April, the maximum allowed without a referendum.\n\n"
        "The council's cabinet approved the increase on Tuesday evening, blaming rising social care costs.\n\n"
        "Get in touch\n\n"
        "Do you have a story suggestion for Westbury?\n"
    )
    seg = segment(text)
    kinds = _kinds(text)
    assert seg.title is not None and seg.title.text == headline
    assert [kinds[line] for line in ("Skip to main content", "Sport", "Weather", "Sign in")] == ["boilerplate"] * 4
    assert kinds["Get in touch"] == kinds["Do you have a story suggestion for Westbury?"] == "boilerplate"
    assert [b.name for b in seg.bylines] == ["Tom Ellis"]


def test_a_short_headline_above_its_byline_is_no_menu() -> None:
    text = (
        "Brexit talks stall\n\n"
        "By Jane Roe\n\n"
        "Talks between the two sides stalled on Tuesday after negotiators failed to agree on fishing rights.\n\n"
        "Both sides said they would meet again next week in Brussels to try to settle the remaining issues.\n"
    )
    seg = segment(text)
    assert seg.title is not None and seg.title.text == "Brexit talks stall"


def test_an_interviewers_labelled_question_is_the_interviews_text_not_a_subheading() -> None:
    text = (
        "'We never planned to win': the coach behind the surprise champions\n\n"
        "By Laura Finch\n\n"
        "Mark Doyle took over a team that had finished bottom three years running. This season they won the title.\n\n"
        "Q: Who deserves the most credit?\n\n"
        "A: The players, without question. They bought into a hard way of working.\n\n"
        "Frage: Was kommt als Nächstes?\n\n"
        "Europe, hopefully. But first a holiday with the family.\n"
    )
    kinds = _kinds(text)
    assert kinds["Q: Who deserves the most credit?"] == "body"
    assert kinds["Frage: Was kommt als Nächstes?"] == "body"


@pytest.mark.parametrize(
    "line",
    ["Jane Roe | Reporter", "Jane Roe @janeroe", "Story: Jane Roe", "Reporter: Jane Roe", "Author: Jane Roe"],
)
def test_english_byline_forms_under_the_headline(line: str) -> None:
    text = (
        "A headline about something important today\n\n"
        f"{line}\n\n"
        "The first paragraph of the story is here and it is long enough to be prose for sure.\n\n"
        "The second paragraph continues with more detail about the events of the day in question.\n"
    )
    seg = segment(text)
    assert _kinds(text)[line] == "byline"
    assert [b.name for b in seg.bylines] == ["Jane Roe"]


def test_a_name_with_a_job_title_is_no_credit_but_a_name_with_an_agency_is() -> None:
    from app.text.credits import Strength, credit_strength

    assert credit_strength("Jane Roe | Reporter") == Strength.NONE
    assert credit_strength("Jane Roe | Reuters") == Strength.STRONG


def test_a_wire_storys_dateline_lede_is_body_and_its_closing_credits_are_furniture() -> None:
    lede = (
        "New Delhi, Dec 5 (PTI) The air quality in the national capital slipped to the 'severe' category on "
        "Thursday as farm fires in neighbouring states increased, officials said."
    )
    text = (
        "Delhi air quality slips to 'severe' as stubble burning rises\n\n"
        f"{lede}\n\n"
        "Commuters on a smog-covered road in New Delhi on Thursday. (Photo: PTI)\n\n"
        "The commission ordered a ban on construction activity across the region for the coming week.\n\n"
        "(With inputs from agencies)\n\n"
        "Editor: Rahul Varma\n\n"
        "Published By: Priya Menon\n"
    )
    kinds = _kinds(text)
    assert kinds[lede] == "body"  # a caption with its credit after it no longer pulls it into the header
    assert [kinds[line] for line in ("(With inputs from agencies)", "Editor: Rahul Varma")] == ["boilerplate"] * 2
    assert kinds["Published By: Priya Menon"] == "boilerplate"


def test_a_live_blogs_entry_headlines_are_headings_not_video_captions_or_standfirst() -> None:
    text = (
        "LIVE: Election results as they come in\n\n"
        "Follow our live coverage of election night as results are declared across the country.\n\n"
        "23:45\n"
        "First result declared in Sunderland\n"
        "The sitting member has held the seat with a majority of 7,168 after a recount.\n\n"
        "23:32\n"
        "Turnout in Newcastle\n"
        "Turnout in the central seat was 58%, down four points on the last election.\n"
    )
    kinds = _kinds(text)
    assert kinds["First result declared in Sunderland"] == kinds["Turnout in Newcastle"] == "heading"
    # one time under a video is still its length, and the line under it the video's caption
    text = (
        "Heatwave: temperatures to hit 38C\n\n"
        "The weather service has issued an extreme heat warning for large parts of the country.\n\n"
        "02:14\n"
        "Crowds cool off in the city's fountains\n\n"
        "Temperatures are expected to peak on Wednesday, with the capital the hottest area.\n"
    )
    assert _kinds(text)["Crowds cool off in the city's fountains"] == "caption"
