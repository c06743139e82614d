"""Pages in forms the caption files do not hold, written for these tests: Chinese, Korean, Czech, Austrian,
Belgian, Swiss, Indonesian, Russian, Brazilian, German broadcaster and regional pages, a wire story, a press release,
American, Australian, French and Italian papers, a public radio page, a business channel, a Japanese paper and the
Korean wire: their captions, credits, bylines, datelines and furniture."""

from __future__ import annotations

import pytest

from app.text import boilerplate
from app.text.credits import Strength, find_inline_credit, parse_credit, read_credit
from app.text.segment import segment
from app.text.sentences import dateline_end

CHINESE_WIRE_PAGE = (
    "冬季旅游持续升温 冰雪经济释放新动能\n\n"
    "2026年12月06日09:30\n\n"
    "新华社哈尔滨12月6日电（记者 赵强、孙悦）随着气温下降，黑龙江各大滑雪场陆续开板迎客，冰雪旅游迎来旺季。\n\n"
    "12月5日，游客在哈尔滨市一家滑雪场滑雪。新华社记者 赵强 摄\n\n"
    "据黑龙江省文化和旅游厅统计，今年入冬以来，全省接待游客人次同比增长18%。不少南方游客专程来到东北，体验滑雪、冰钓等项目。\n\n"
    "“第一次看到这么大的雪，孩子特别开心。”来自广东的游客李女士说。\n\n"
    "12月4日，游客在冰雪大世界参观。（图片来源：视觉中国）\n\n"
    "业内人士认为，冰雪经济正在成为拉动地方消费的新引擎。\n\n"
    "(责编：陈静、刘洋)\n\n"
    "分享让更多人看到\n"
)


def _kinds(text: str) -> dict[str, str]:
    return {b.text: b.kind for b in segment(text).blocks}


def test_a_chinese_wire_page_keeps_its_lede_as_body_and_finds_its_captions_credits_and_reporters() -> None:
    seg = segment(CHINESE_WIRE_PAGE)
    kinds = {b.text: b.kind for b in seg.blocks}
    assert kinds["2026年12月06日09:30"] == "boilerplate"
    lede = next(t for t in kinds if t.startswith("新华社哈尔滨"))
    assert kinds[lede] == "body"  # the dateline's story, not a standfirst
    captions = ["12月5日，游客在哈尔滨市一家滑雪场滑雪。", "12月4日，游客在冰雪大世界参观。"]
    assert [c.text for c in seg.captions] == captions
    assert [CHINESE_WIRE_PAGE[c.start : c.end] for c in seg.credits] == ["新华社记者 赵强 摄", "视觉中国"]
    assert [CHINESE_WIRE_PAGE[b.start : b.end] for b in seg.bylines] == ["赵强", "孙悦"]
    assert kinds["(责编：陈静、刘洋)"] == "boilerplate"  # the editors sign off: no body, no caption
    assert kinds["分享让更多人看到"] == "boilerplate"


@pytest.mark.parametrize(
    ("block", "credit", "caption"),
    [
        ("图为改造后的北京市朝阳区某小区。（李华 摄）", "李华 摄", "图为改造后的北京市朝阳区某小区。"),
        ("村民在田间收割水稻。本报记者 李华、王明摄", "本报记者 李华、王明摄", "村民在田间收割水稻。"),
        ("游客在参观冰雪大世界。图片来源：视觉中国", "图片来源：视觉中国", "游客在参观冰雪大世界。"),
        ("这是他第一次来到哈尔滨，他说这里的雪景让人难忘。", None, None),  # a sentence, no credit
        ("東京都内の会場で演説する首相（共同）", None, None),  # a Japanese story's last words name its agency
    ],
)
def test_a_chinese_credit_closes_its_caption(block: str, credit: str | None, caption: str | None) -> None:
    found = find_inline_credit(block)
    assert (block[found.start : found.end] if found else None) == credit
    assert (block[: found.caption_end] if found else None) == caption


@pytest.mark.parametrize(
    ("line", "stamp"),
    [
        ("2026年12月06日05:12", True),
        ("2024年1月4日", True),
        ("発行 2024年1月4日 10:00", True),
        ("2026年12月6日，习近平在北京出席会议", False),  # a sentence that opens with its date
        ("2026年全国GDP增长5%", False),
        ("06/12/2026 10h15 Atualizado há 2 horas", True),
        ("Datum 06.12.2026", True),
        ("Datum der Wahl ist unklar", False),
    ],
)
def test_date_lines_in_chinese_japanese_portuguese_and_german(line: str, stamp: bool) -> None:
    assert boilerplate.is_timestamp(line) is stamp


def test_a_chinese_dateline_opens_the_story() -> None:
    text = "本报北京12月5日电（记者 王晓明）记者从住房和城乡建设部获悉，各地加快推进城市更新行动。"
    assert text[: dateline_end(text)] == "本报北京12月5日电（记者 王晓明）"
    assert dateline_end("中国12月经济数据好于预期。") == 0


def test_a_czech_page_credits_and_furniture() -> None:
    text = (
        "Vláda schválila rozpočet na příští rok\n\n"
        "Jan Novák\n\n"
        "6. prosince 2026 10:15\n\n"
        "Vláda ve čtvrtek schválila návrh státního rozpočtu na příští rok. Schodek by měl klesnout, uvedl ministr.\n\n"
        "Článek pokračuje pod reklamou\n\n"
        "Návrh nyní putuje do Poslanecké sněmovny, která o něm bude hlasovat příští týden. Opozice kritizuje.\n\n"
        "Budova Ministerstva financí v Praze.\n\n"
        "Ilustrační foto: Shutterstock.com\n\n"
        "Rozpočet počítá s příjmy 2,1 bilionu korun a výdaji 2,33 bilionu korun podle ministerstva.\n\n"
        "Sdílejte článek\n"
    )
    seg = segment(text)
    kinds = {b.text: b.kind for b in seg.blocks}
    assert kinds["Článek pokračuje pod reklamou"] == "boilerplate"
    assert kinds["Sdílejte článek"] == "boilerplate"
    assert [c.text for c in seg.captions] == ["Budova Ministerstva financí v Praze."]
    assert parse_credit("Ilustrační foto: Shutterstock.com").credit_line == "Shutterstock.com"  # the label is no source


def test_a_copyright_mark_written_with_letters_is_the_credits_not_the_captions() -> None:
    block = "Der Sitzungssaal des Parlaments in Wien. (c) APA/ROLAND SCHLAGER"
    found = find_inline_credit(block)
    assert found is not None
    assert block[found.start : found.end] == "(c) APA/ROLAND SCHLAGER"
    assert block[: found.caption_end] == "Der Sitzungssaal des Parlaments in Wien."
    parsed = parse_credit("(c) APA/ROLAND SCHLAGER")
    assert (parsed.creators, parsed.source) == (("Roland Schlager",), "APA")


@pytest.mark.parametrize("signoff", ["(dpa)", "(APA, red, 6.12.2026)", "(dpa/lsw)"])
def test_a_wires_sign_off_after_the_last_sentence_keeps_the_paragraph_body(signoff: str) -> None:
    last = f"Der Landtag stimmt im Januar über den Haushalt ab. {signoff}"
    text = (
        "Landtag beschließt neues Schulgesetz\n\n"
        "Von Anna Berger\n\n"
        "Der Landtag in Stuttgart hat am Donnerstag ein neues Schulgesetz beschlossen. Es soll zum nächsten Schuljahr "
        "in Kraft treten und sieht mehr Lehrerstellen vor.\n\n"
        "Die Opposition kritisierte, das Gesetz komme zu spät. Die Gewerkschaft begrüßte die zusätzlichen Stellen.\n\n"
        f"{last}\n"
    )
    seg = segment(text)
    assert _kinds(text)[last] == "body"
    assert seg.captions == ()


def test_a_caption_with_its_agency_in_brackets_between_paragraphs_stays_a_caption() -> None:
    text = (
        "Storm closes ports along the coast\n\n"
        "By Jane Roe\n\n"
        "Ports along the northern coast were closed on Friday as a storm brought gusts of more than 100 km/h and "
        "heavy rain to the region, officials said.\n\n"
        "Waves crash against the harbour wall in Riverton. (Getty Images)\n\n"
        "Ferry services will resume on Saturday morning if the wind drops, the operator said in a statement.\n"
    )
    assert _kinds(text)["Waves crash against the harbour wall in Riverton. (Getty Images)"] == "caption"


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By JANE ROE and JOHN DOE Associated Press", ["JANE ROE", "JOHN DOE"]),  # the wire is not part of a name
        ("By Jane Roe Reuters", ["Jane Roe"]),
        ("By Mary Clare Jalonick", ["Mary Clare Jalonick"]),
        ("Author of the article: Jane Roe", ["Jane Roe"]),
    ],
)
def test_byline_names_end_where_the_wire_or_the_label_begins(line: str, names: list[str]) -> None:
    from app.text.names import byline_names

    assert [line[n.start : n.end] for n in byline_names(line, require_by=True)] == names


def test_a_photographer_with_a_first_initial_is_the_credits_creator() -> None:
    parsed = parse_credit("AP Photo/J. Scott Applewhite")
    assert (parsed.creators, parsed.source) == (("J. Scott Applewhite",), "AP")


def test_a_one_sentence_caption_with_a_short_bracketed_source_between_paragraphs() -> None:
    text = (
        "Man charged after police chase through the western suburbs\n\n"
        "By Sarah Lee\n\n"
        "Officers tried to stop the car but the driver allegedly sped off, reaching speeds of 150km/h on the "
        "motorway before turning into a side street.\n\n"
        "The car was stopped with road spikes in Blacktown. (Nine)\n\n"
        "The 28-year-old man was arrested and taken to a police station, where he was charged with several "
        "offences.\n\n"
        "He was taken to hospital in Jerusalem on Friday. (Jerusalem)\n\n"  # the place again: a remark, not a source
        "He will appear in court tomorrow, police said in a statement on Saturday morning.\n"
    )
    seg = segment(text)
    assert [(c.text, text[c.start : c.end]) for c in seg.captions][:1] == [
        ("The car was stopped with road spikes in Blacktown.", "The car was stopped with road spikes in Blacktown.")
    ]
    assert [text[c.start : c.end] for c in seg.credits] == ["Nine"]
    assert _kinds(text)["He was taken to hospital in Jerusalem on Friday. (Jerusalem)"] != "caption"


def test_a_german_broadcasters_page_furniture_and_an_authors_biography() -> None:
    text = (
        "Weihnachtsmärkte öffnen am Wochenende\n\n"
        "Von Lisa Schmidt\n\n"
        "Datum 06.12.2026\n\n"
        "Am Wochenende haben in ganz Deutschland die Weihnachtsmärkte geöffnet. Tausende Besucher kamen zum Auftakt "
        "in die Innenstädte.\n\n"
        "Mehr zu diesem Thema:\n\n"
        "In Köln rechnen die Veranstalter mit mehr als vier Millionen Besuchern. Die Polizei ist mit zusätzlichen "
        "Kräften im Einsatz.\n\n"
        "Über dieses Thema berichtete tagesschau24 am 06. Dezember 2026 um 14:00 Uhr.\n\n"
        "Lisa Schmidt ist Redakteurin im Ressort Panorama.\n\n"
        "23 Kommentare\n\n"
        "Kommentar schreiben\n"
    )
    kinds = _kinds(text)
    for furniture in (
        "Datum 06.12.2026",
        "Mehr zu diesem Thema:",
        "Über dieses Thema berichtete tagesschau24 am 06. Dezember 2026 um 14:00 Uhr.",
        "Lisa Schmidt ist Redakteurin im Ressort Panorama.",  # the author's biography, not the story
        "23 Kommentare",
        "Kommentar schreiben",
    ):
        assert kinds[furniture] == "boilerplate", furniture
    assert kinds[next(t for t in kinds if t.startswith("In Köln"))] == "body"


def test_a_korean_page_reporter_rights_notice_and_captions() -> None:
    text = (
        "정부, 내년 예산 656조원 확정\n\n"
        "국회는 6일 본회의를 열고 내년도 예산안을 통과시켰다.\n\n"
        "김민수 기자\n\n"
        "입력 2026.12.06 14:30\n\n"
        "6일 서울 여의도 국회에서 열린 본회의에서 예산안이 통과되고 있다. [사진 = 연합뉴스]\n\n"
        "여야는 막판 협상 끝에 정부안보다 4조원 감액한 656조원 규모의 예산안에 합의했다.\n\n"
        "기획재정부는 예산이 조기에 집행될 수 있도록 준비하겠다고 밝혔다.\n\n"
        "[ⓒ 매일경제 & mk.co.kr, 무단 전재, 재배포 및 AI학습 이용 금지]\n"
    )
    seg = segment(text)
    kinds = {b.text: b.kind for b in seg.blocks}
    assert [text[b.start : b.end] for b in seg.bylines] == ["김민수"]
    # the last paragraph is not the rights notice's caption
    assert kinds["기획재정부는 예산이 조기에 집행될 수 있도록 준비하겠다고 밝혔다."] == "body"
    assert kinds["[ⓒ 매일경제 & mk.co.kr, 무단 전재, 재배포 및 AI학습 이용 금지]"] == "boilerplate"
    assert [text[c.start : c.end] for c in seg.credits] == ["연합뉴스"]


@pytest.mark.parametrize(
    ("line", "name"),
    [("김민수 기자", "김민수"), ("이상현 특파원 lee@example.kr", "이상현"), ("국회 본회의장 전경", None)],
)
def test_korean_bylines_are_a_name_and_the_reporters_title(line: str, name: str | None) -> None:
    from app.text.names import korean_byline

    found = korean_byline(line)
    assert (line[found.start : found.end] if found else None) == name


def test_an_indonesian_page_dateline_pointer_and_labelled_credit() -> None:
    text = (
        "Pemerintah Percepat Pembangunan Jalan Tol di Sumatera\n\n"
        "Jakarta - Pemerintah menargetkan pembangunan jalan tol Trans Sumatera rampung pada 2027, kata menteri.\n\n"
        "Menteri Pekerjaan Umum mengatakan proyek tersebut menjadi prioritas nasional karena akan menurunkan "
        "biaya logistik.\n\n"
        "Baca juga: Harga BBM Turun Mulai Besok\n\n"
        "Pekerja menyelesaikan proyek jalan tol di Lampung. Foto: Dok. Kementerian PU\n\n"
        "Pembangunan ruas berikutnya dijadwalkan dimulai awal tahun depan.\n"
    )
    kinds = _kinds(text)
    assert kinds[next(t for t in kinds if t.startswith("Jakarta - "))] == "body"  # the dateline's story
    assert kinds["Baca juga: Harga BBM Turun Mulai Besok"] == "boilerplate"
    parsed = parse_credit("Foto: Dok. Kementerian PU")
    assert (parsed.creators, parsed.source) == ((), "Kementerian PU")


def test_a_labelled_credit_that_names_no_person_or_organisation_keeps_its_text() -> None:
    parsed = parse_credit("Фото: пресс-служба Минтранса")
    assert (parsed.source, parsed.credit_line) == ("пресс-служба Минтранса", "пресс-служба Минтранса")


@pytest.mark.parametrize(
    "line",
    [
        "Schlagwörter Georgien, Tiflis, Proteste",
        "Tags: budget, Senate",
        "Читайте также",
        "Baca juga",
        "Del artikel",
        "Lue myös:",
    ],
)
def test_tag_lists_and_read_also_pointers_in_more_languages_are_furniture(line: str) -> None:
    assert boilerplate.is_ui_line(line) or boilerplate.is_teaser_header(line)


@pytest.mark.parametrize(("text", "end"), [("Update - The new version is out.", 0), ("Berlin – Der Bundestag hat.", 9)])
def test_a_place_before_a_dash_opens_a_dateline_but_a_story_label_does_not(text: str, end: int) -> None:
    assert dateline_end(text) == end


def test_a_captioned_picture_after_a_video_link_is_not_the_videos_title() -> None:
    text = (
        "Oil prices jump as producers extend output cuts\n\n"
        "By Jane Roe\n\n"
        "Oil prices jumped on Saturday after producers agreed to extend their production cuts through the first "
        "quarter of next year.\n\n"
        "WATCH: Why oil prices could keep climbing\n\n"
        "The energy minister attends a meeting of producers in Vienna.\n\n"
        "Leonhard Foeger | Reuters\n\n"
        '"The market needed certainty," one analyst said after the meeting ended on Saturday afternoon.\n'
    )
    seg = segment(text)
    assert [c.text for c in seg.captions] == ["The energy minister attends a meeting of producers in Vienna."]
    assert _kinds(text)["Leonhard Foeger | Reuters"] == "credit"


@pytest.mark.parametrize(
    ("raw", "creators", "source", "line"),
    [
        ("Copyright Alberto Saiz/AP", ("Alberto Saiz",), "AP", "AP"),
        ("Droits d'auteur Alberto Saiz/AP", ("Alberto Saiz",), "AP", "AP"),
        ("Droits d'auteur © Euronews", (), "Euronews", "Euronews"),
        ("Jane Doe / For The Times", ("Jane Doe",), "The Times", "The Times"),
        ("REUTERS/Henry Romero/File Photo", ("Henry Romero",), "Reuters", "Reuters"),  # a remark, not an owner
    ],
)
def test_copyright_words_commissioning_papers_and_file_remarks_in_credits(
    raw: str, creators: tuple[str, ...], source: str, line: str
) -> None:
    parsed = parse_credit(raw)
    assert (parsed.creators, parsed.source, parsed.credit_line) == (creators, source, line)


def test_an_articles_rights_notice_is_not_a_credit_even_after_a_copyright_word() -> None:
    from app.text.credits import Strength, read_credit

    assert read_credit("Copyright 2026 The Associated Press. All Rights Reserved.").strength == Strength.NONE


def test_a_links_screen_reader_text_glued_to_a_caption_is_cut_off() -> None:
    caption = "Cars are parked at a port in Veracruz, Mexico, May 3, 2026. REUTERS/Henry Romero/File Photo"
    text = (
        "Automaker weighs new plant in Mexico, sources say\n\n"
        "By Jane Roe\n\n"
        f"{caption} Purchase Licensing Rights, opens new tab\n\n"
        "MEXICO CITY, Dec 6 (Reuters) - A major automaker is weighing a new assembly plant in northern Mexico, "
        "three people familiar with the matter said.\n\n"
        "The company declined to comment on the plans when asked on Saturday.\n"
    )
    seg = segment(text)
    kinds = {b.text: b.kind for b in seg.blocks}
    assert kinds[caption] == "caption"
    assert kinds["Purchase Licensing Rights, opens new tab"] == "boilerplate"
    assert [text[c.start : c.end] for c in seg.credits] == ["REUTERS/Henry Romero/File Photo"]
    assert boilerplate.inline_prompt("The council said it reopens new tabulations of the votes on Monday") is None


def test_an_agency_whose_name_alone_is_weak_credits_the_description_above_it() -> None:
    text = (
        "Kabinet trekt extra geld uit voor woningbouw\n\n"
        "Redactie Binnenland\n\n"
        "Nieuwbouwwijk in Utrecht\n\n"
        "ANP\n\n"
        "Dat heeft de minister van Volkshuisvesting vanmiddag bekendgemaakt. Het geld is vooral bedoeld voor "
        "gemeenten die snel willen bouwen.\n\n"
        "De Tweede Kamer debatteert volgende week over de plannen van de minister.\n\n"
        "Deel artikel:\n"
    )
    seg = segment(text)
    assert [c.text for c in seg.captions] == ["Nieuwbouwwijk in Utrecht"]
    assert [text[c.start : c.end] for c in seg.credits] == ["ANP"]
    assert _kinds(text)["Deel artikel:"] == "boilerplate"


def test_a_turkish_related_news_heading_is_furniture_whatever_its_dotted_capital() -> None:
    assert boilerplate.is_teaser_header("İlgili Haberler")


def test_the_reporters_a_chinese_dateline_names() -> None:
    from app.text.sentences import dateline_reporters

    text = "新华社哈尔滨12月6日电（记者 赵强、孙悦）随着气温下降，黑龙江各大滑雪场陆续开板迎客。"
    assert [text[a:b] for a, b in dateline_reporters(text)] == ["赵强", "孙悦"]
    assert dateline_reporters("本报北京12月5日电 记者从住房和城乡建设部获悉，各地加快推进城市更新。") == []
    assert dateline_reporters("LONDON (Reuters) - The Bank of England held rates.") == []


@pytest.mark.parametrize(
    "line",
    [
        "Romania - Viorel Moldovan ( 21st minute ) , Dan Petrescu ( 65th )",
        "India - Sachin Tendulkar ( captain ) , Anil Kumble",
    ],
)
def test_a_teams_names_after_its_country_and_a_dash_are_no_dateline(line: str) -> None:
    assert dateline_end(line) == 0


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        (
            "RIVERTON, Ore., Dec. 6, 2026 /PRNewswire/ -- Acme Corp today reported",
            "RIVERTON, Ore., Dec. 6, 2026 /PRNewswire/ -- ",
        ),
        (
            "SAN JOSE, Calif., March 4, 2026 (BUSINESS WIRE)--Acme today said",
            "SAN JOSE, Calif., March 4, 2026 (BUSINESS WIRE)--",
        ),
    ],
)
def test_a_press_releases_dateline_opens_it(text: str, dateline: str) -> None:
    assert text[: dateline_end(text)] == dateline


@pytest.mark.parametrize(
    ("raw", "source", "line"),
    [
        ("Foto: Jane Roe/dpa/Archiv", "dpa", "dpa"),
        ("EFE/Archivo", "EFE", "EFE"),
        ("Andreas Seidel/Archiv", None, "Andreas Seidel"),  # the archive owns nothing: no source
    ],
)
def test_an_archive_remark_in_a_credit_is_no_owner(raw: str, source: str | None, line: str) -> None:
    parsed = parse_credit(raw)
    assert (parsed.source, parsed.credit_line) == (source, line)


def test_a_place_in_capitals_before_a_colon_opens_the_story_not_a_caption() -> None:
    text = (
        "Floods displace 5,000 in Kelantan\n\n"
        "KOTA BHARU: More than 5,000 people have been evacuated to relief centres in Kelantan as floods worsened "
        "on Saturday.\n\n"
        "Evacuees rest at a relief centre in Kota Bharu. — Bernama pic\n\n"
        "State disaster management committee officials said 40 relief centres had been opened across six districts.\n"
    )
    seg = segment(text)
    kinds = {b.text: b.kind for b in seg.blocks}
    assert kinds[next(t for t in kinds if t.startswith("KOTA BHARU:"))] == "body"
    assert [c.text for c in seg.captions] == ["Evacuees rest at a relief centre in Kota Bharu."]
    assert dateline_end("NEW DELHI: The government said on Friday.") == len("NEW DELHI: ")
    assert dateline_end("FORTVILET: Her tror han at laget vinner.") == 0  # a caption's keyword, no place
    assert dateline_end("UPDATE: The story was changed.") == 0


@pytest.mark.parametrize(
    ("raw", "source"),
    [
        ("Bernama pic", "Bernama"),
        ("INQUIRER.net file photo", "INQUIRER.net"),
        ("Kennedy News pic", "Kennedy News"),
        ("Photo from Senate PRIB", "Senate PRIB"),
    ],
)
def test_a_label_after_the_source_and_photo_from(raw: str, source: str) -> None:
    assert parse_credit(raw).source == source


@pytest.mark.parametrize("line", ["Family photo", "Team photo", "the old photo"])
def test_a_heading_ending_in_photo_is_no_credit(line: str) -> None:
    from app.text.credits import Strength, read_credit

    assert read_credit(line).strength == Strength.NONE


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("記者王小明／台北報導", ["王小明"]),
        ("记者 王晓明 李华", ["王晓明", "李华"]),
        ("记者王晓明报道", ["王晓明"]),
        ("記者會上說明", []),  # "at the press conference, ... said": no byline
        ("記者王小明", []),  # no space and no "reports": not read (too close to a sentence's start)
    ],
)
def test_chinese_bylines(line: str, names: list[str]) -> None:
    from app.text.names import chinese_byline

    assert [line[n.start : n.end] for n in chinese_byline(line)] == names


def test_a_taiwanese_credit_after_a_full_width_slash_closes_its_caption() -> None:
    block = "行政院長在記者會上說明預算重點。圖／取自行政院臉書"
    found = find_inline_credit(block)
    assert found is not None
    assert (block[found.start : found.end], block[: found.caption_end]) == (
        "圖／取自行政院臉書",
        "行政院長在記者會上說明預算重點。",
    )
    assert parse_credit("圖／中央社").source == "CNA"  # Taiwan's Central News Agency, as 新华社 is Xinhua


def test_a_german_public_broadcasters_footer_and_a_label_before_the_copyright_mark() -> None:
    text = (
        "Neue S-Bahn-Linie soll Pendler entlasten\n\n"
        "Veröffentlicht am 06.12.26 um 14:30 Uhr\n\n"
        "Eine S-Bahn im Frankfurter Hauptbahnhof.\n\n"
        "Bild © picture alliance/dpa | Frank Rumpenhorst\n\n"
        "Die neue Linie soll die bestehende Strecke entlasten, auf der sich zu Stoßzeiten Pendler drängen. Das "
        "teilte das Verkehrsministerium am Freitag mit.\n\n"
        "Weitere Informationen\n\n"
        "Ende der weiteren Informationen\n\n"
        "Der Fahrgastverband begrüßte die Pläne. Er forderte aber, auch die Taktung auf den Linien zu verbessern.\n\n"
        "Sendung: hr-iNFO, 06.12.2026, 14:00 Uhr\n\n"
        "Diese Nachricht wurde am 06.12.2026 im Programm Deutschlandfunk gesendet.\n"
    )
    kinds = _kinds(text)
    for furniture in (
        "Weitere Informationen",
        "Ende der weiteren Informationen",
        "Sendung: hr-iNFO, 06.12.2026, 14:00 Uhr",
        "Diese Nachricht wurde am 06.12.2026 im Programm Deutschlandfunk gesendet.",
    ):
        assert kinds[furniture] == "boilerplate", furniture
    parsed = parse_credit("Bild © picture alliance/dpa | Frank Rumpenhorst")
    assert (parsed.creators, parsed.source, parsed.credit_line) == (
        ("Frank Rumpenhorst",),
        "dpa",
        "picture alliance/dpa",
    )


def test_a_source_label_on_the_storys_last_line_names_its_source_and_keeps_the_quote_above_body() -> None:
    quote = "„Die Wirtschaft tritt auf der Stelle“, sagte der Bundesbankpräsident am Freitag in Frankfurt."
    text = (
        "Die Bundesbank senkt ihre Prognose\n\n"
        "Von Anna Klein, Frankfurt\n\n"
        "Die Deutsche Bundesbank hat ihre Wachstumsprognose für das kommende Jahr deutlich gesenkt. Sie rechnet nur "
        "noch mit einem Plus von 0,4 Prozent.\n\n"
        f"{quote}\n\n"
        "Quelle: F.A.Z.\n\n"
        "Hier können Sie die Rechte an diesem Artikel erwerben.\n"
    )
    seg = segment(text)
    kinds = {b.text: b.kind for b in seg.blocks}
    assert kinds[quote] == "body"  # it was the caption of "Quelle: F.A.Z." read as a picture credit
    assert seg.captions == ()
    assert kinds["Hier können Sie die Rechte an diesem Artikel erwerben."] == "boilerplate"
    chart = text.replace("Quelle: F.A.Z.", "Source: Eurostat")
    assert _kinds(chart)["Source: Eurostat"] != "byline"  # the English label names a chart's data as often


@pytest.mark.parametrize(
    ("block", "credit", "source", "creators"),
    [
        ("12月5日，游客在哈尔滨市一家滑雪场滑雪。（新华社发）", "新华社发", "Xinhua", ()),
        ("12月5日，游客在哈尔滨市一家滑雪场滑雪。新华社发（王五摄）", "新华社发（王五摄）", "Xinhua", ("王五",)),
    ],
)
def test_a_picture_released_by_a_chinese_agency(
    block: str, credit: str, source: str, creators: tuple[str, ...]
) -> None:
    found = find_inline_credit(block)
    assert found is not None and block[found.start : found.end] == credit
    parsed = parse_credit(credit)
    assert (parsed.source, parsed.creators) == (source, creators)


@pytest.mark.parametrize("line", ["他们明天早上从北京出发", "据报道，新一轮疫情在当地爆发", "新一轮疫情爆发"])
def test_a_chinese_sentence_ending_in_the_verb_fa_is_no_credit(line: str) -> None:
    from app.text.credits import Strength, read_credit

    assert find_inline_credit(line) is None
    assert read_credit(line).strength < Strength.MEDIUM


# ---------------------------------------------------------------- round of 2026-12-07 (second): more countries

POLISH_PAGE = (
    "Sejm przyjął ustawę o ochronie ludności\n\n"
    "Sejm w piątek przyjął projekt ustawy o ochronie ludności i obronie cywilnej.\n\n"
    "Anna Kowalska\n\n"
    "12 stycznia 2026, 14:32\n\n"
    "Posiedzenie Sejmu w Warszawie\n"
    "Fot. Jakub Kamiński/PAP\n\n"
    "Projekt trafi teraz do Senatu. Ustawa przewiduje m.in. budowę nowych schronów i system ostrzegania.\n\n"
    "Czytaj także: Rząd zapowiada nowe przepisy dotyczące straży pożarnej\n\n"
    "Według szacunków resortu program będzie kosztował 30 mld zł w ciągu pięciu lat.\n\n"
    "Źródło: PAP\n"
)


def test_a_polish_page_signed_by_its_agency_keeps_its_last_paragraph() -> None:
    seg = segment(POLISH_PAGE)
    kinds = {b.text: b.kind for b in seg.blocks}
    last = "Według szacunków resortu program będzie kosztował 30 mld zł w ciągu pięciu lat."
    assert kinds[last] == "body"  # it was the caption of "Źródło: PAP" read as a picture credit
    assert kinds["Źródło: PAP"] == "byline"
    assert kinds["Czytaj także: Rząd zapowiada nowe przepisy dotyczące straży pożarnej"] == "boilerplate"
    assert [c.text for c in seg.captions] == ["Posiedzenie Sejmu w Warszawie"]


def test_portuguese_and_ukrainian_furniture_and_a_labelled_ukrainian_byline() -> None:
    text = (
        "У Києві відновили рух метро після нічної атаки\n\n"
        "Ранком у столиці запрацювали всі станції, пошкоджені під час обстрілу.\n\n"
        "Про це повідомили у пресслужбі Київського метрополітену. Рух поїздів відновлено на всіх трьох лініях.\n\n"
        "Читайте також: Енергетики відновили світло в трьох районах столиці\n\n"
        "Міський голова закликав мешканців не ігнорувати сигнали повітряної тривоги.\n\n"
        "Автор: Олена Коваленко\n\n"
        "Partilhar\n\n"
        "Comentários\n"
    )
    seg = segment(text)
    kinds = {b.text: b.kind for b in seg.blocks}
    assert kinds["Читайте також: Енергетики відновили світло в трьох районах столиці"] == "boilerplate"
    assert kinds["Автор: Олена Коваленко"] == "byline"
    assert [text[b.start : b.end] for b in seg.bylines] == ["Олена Коваленко"]
    assert kinds["Partilhar"] == kinds["Comentários"] == "boilerplate"


@pytest.mark.parametrize(
    ("raw", "creators", "source"),
    [
        # Chinese credits name the photographer who took the picture
        ("新华社记者 赵强 摄", ("赵强",), "Xinhua"),
        ("本报记者 李华、王明摄", ("李华", "王明"), None),  # "this paper's reporters": the publication itself
        ("记者 赵强 摄", ("赵强",), None),
        ("李华 摄", ("李华",), None),
        ("图片来源：视觉中国", (), "视觉中国"),
        ("图/视觉中国", (), "视觉中国"),
        # a photographer for the publication that commissioned the picture
        ("Jean Dupont pour « Le Monde »", ("Jean Dupont",), "Le Monde"),
        ("Photo by John Doe for The Washington Post", ("John Doe",), "The Washington Post"),
        ("Finanzielle Unterstützung für Opfer", (), None),  # German capitalises nouns: no photographer "for" here
        # pages of more countries
        ("PHOTO | FILE | NATION MEDIA GROUP", (), "NATION MEDIA GROUP"),  # a bar after the label, as a colon
        ("PHOTO | JOHN DOE | NMG", ("John Doe",), "NMG"),
        ("DawnNewsTV screengrab", (), "DawnNewsTV"),  # a grab names its source, whoever it is
        ("Star file photo", (), "Star"),
        ("Foto: Agencia Uno", (), "Agencia Uno"),  # an agency, not a person
        ("© Alba Pacheco/ Agencia LOF/ dpa", ("Alba Pacheco",), "dpa"),
        ("Paulius Peleckis/BNS nuotr.", ("Paulius Peleckis",), "BNS"),  # Lithuanian: the label after the source
        ("Photo Credit: R. Ragu", ("R. Ragu",), None),  # initials and one name: a photographer
        ("K.V. Srinivasan/The Hindu", ("K.V. Srinivasan",), "The Hindu"),
        ("Photo Credit: Special Arrangement", (), "Special Arrangement"),  # nobody's name
        ("PHOTO | FILE", (), None),  # a file picture, no owner named
        ("SUPPLIED", (), "Supplied"),
        ("Foto Robin van Lonkhuijsen/ANP", ("Robin van Lonkhuijsen",), "ANP"),  # a Dutch label without a colon
        ("Снимка: БГНЕС", (), "BGNES"),  # Bulgarian
        ("ACN", (), "ACN"),  # the Catalan news agency
        ("Ida Marie Odgaard © Ritzau Scanpix", ("Ida Marie Odgaard",), "Ritzau Scanpix"),  # Danish: name © agency
        ("Supplied: Queensland Police", (), "Queensland Police"),  # Australian "Supplied:" before the owner
        ("Supplied by the family", (), "the family"),
        ("Supplied via AAP", (), "AAP"),  # a role and the agency that carried it (not "via AAP": no label here)
        ("Courtesy: Ministry of Defence", (), "Ministry of Defence"),  # "Courtesy" with a colon
        ("ФОТО: РИА Новости", (), "RIA Novosti"),  # the agency, not a person, in Cyrillic
        ("Фото: Укрінформ", (), "Ukrinform"),
        # archive labels, with or without their colon, before the agency
        ("Photo d'archives AFP", (), "AFP"),
        ("Foto de archivo EFE", (), "EFE"),  # it was the source "archivo EFE"
        ("Foto d'archivio ANSA", (), "ANSA"),
        ("Arkivfoto: NTB", (), "NTB"),
        ("EPA PHOTO/JOHN DOE", ("John Doe",), "EPA"),  # a photo label after the agency
        # Korean "provided": the source, then the word
        ("연합뉴스 제공", (), "Yonhap"),
        ("사진 제공=삼성전자", (), "삼성전자"),
        # a screenshot names where the picture was taken from
        ("Screenshot: YouTube", (), "YouTube"),
        ("Screenshot/X", (), "X"),
        # Brazilian "publicity" and "reproduced" before the owner: the owner is the source
        ("Divulgação/Netflix", (), "Netflix"),
        ("Foto: Reprodução/Instagram", (), "Instagram"),
        # institutions are no photographers
        ("Foto: Stadt Köln", (), "Stadt Köln"),
        ("Foto: Kantonspolizei Zürich", (), "Kantonspolizei Zürich"),
        ("fot. Adam Nowak / Agencja Wyborcza.pl", ("Adam Nowak",), "Agencja Wyborcza.pl"),
        ("Picture: NCA NewsWire / Jane Roe", ("Jane Roe",), "NCA NewsWire"),  # a wire in camel case, no person
        # the forms of local papers: a label, "via" and the source; a map; an illustration
        ("Photo via Instagram", (), "Instagram"),  # the source was "Photo"
        ("Image via Riverton Council", (), "Riverton Council"),
        ("Google Street View", (), "Google Street View"),  # it was no credit
        ("Google Maps", (), "Google Maps"),  # it was the photographer "Google Maps"
        ("Photo illustration by Jane Roe", ("Jane Roe",), None),  # the source was "Photo"
        ("Courtesy photo", (), "Courtesy photo"),  # the source was "photo"
        # Reuters in Hebrew, Hindi, Russian and Chinese; Tagalog "picture from", "taken by"
        ("צילום: רויטרס", (), "Reuters"),
        ("फोटो: रॉयटर्स", (), "Reuters"),
        ("Фото: Рейтер", (), "Reuters"),
        ("图片来源：路透社", (), "Reuters"),
        ("Larawan mula sa PNA", (), "PNA"),  # it was no credit
        ("Kuha ni Maria Santos", ("Maria Santos",), None),
    ],
)
def test_credits_read_into_creators_and_source(raw: str, creators: tuple[str, ...], source: str | None) -> None:
    parsed = parse_credit(raw)
    assert (parsed.creators, parsed.source) == (creators, source)


def test_two_labels_in_a_row_open_one_credit_after_a_caption() -> None:
    block = "Diese Grafik zeigt den geplanten Ablauf der Reform. Bild: Screenshot: partei.de"
    found = find_inline_credit(block)
    assert found is not None and block[found.start : found.end] == "Bild: Screenshot: partei.de"  # "Bild:" was left
    assert block[: found.caption_end] == "Diese Grafik zeigt den geplanten Ablauf der Reform."
    assert parse_credit(block[found.start : found.end]).source == "partei.de"


@pytest.mark.parametrize("raw", ["Video screengrab", "Family photo", "Team photo"])
def test_a_label_after_a_word_that_names_no_source_is_no_credit(raw: str) -> None:
    assert parse_credit(raw).source is None


@pytest.mark.parametrize(
    ("block", "credit"),
    [
        ("A minister at a ceremony in Islamabad on Friday. — DawnNewsTV screengrab", "DawnNewsTV screengrab"),
        ("A minister at an event in Nairobi. PHOTO | FILE | NATION MEDIA GROUP", "PHOTO | FILE | NATION MEDIA GROUP"),
        ("ホワイトハウスで会談する日米両首脳＝2023年1月、ワシントン、ロイター", "ロイター"),  # "=date, place, agency"
    ],
)  # fmt: skip
def test_a_credit_closes_a_pakistani_kenyan_or_japanese_caption(block: str, credit: str) -> None:
    found = find_inline_credit(block)
    assert found is not None and block[found.start : found.end] == credit
    assert not block[: found.caption_end].endswith(("、", "＝", "—", " "))


@pytest.mark.parametrize("notice", ["Copyright PUNCH.", "ⓒ PUNCH."])  # the circled mark, which NFKC makes a "c"
def test_a_rights_notice_over_two_lines_is_no_credit_and_keeps_the_last_paragraph(notice: str) -> None:
    last = "Economists warned that the new wage could put pressure on state governments already struggling."
    text = (
        "FG raises minimum wage, labour suspends strike\n\n"
        "By Adebayo Folorunsho-Francis\n\n"
        "The Federal Government on Friday approved a new national minimum wage, ending weeks of talks.\n\n"
        f"{last}\n\n"
        f"{notice}\n"
        "All rights reserved. This material may not be reproduced, published, broadcast, rewritten or redistributed "
        "in whole or in part without prior express written permission from PUNCH.\n"
    )
    seg = segment(text)
    kinds = {b.text: b.kind for b in seg.blocks}
    assert kinds[last] == "body"  # it was the caption of the notice read as a picture credit
    assert kinds[notice] == "boilerplate"
    assert seg.credits == () and seg.captions == ()


@pytest.mark.parametrize(
    ("line", "stamp"),
    [
        ("2 mins to read", True),
        ("Thứ sáu, 12/1/2026, 14:32 (GMT+7)", True),  # a Vietnamese weekday
        ("Six months to June 30", False),  # a financial report's period, not a date line
        ("Year to June 30 .", False),
    ],
)
def test_reading_times_and_date_lines_of_more_languages(line: str, stamp: bool) -> None:
    assert boilerplate.is_timestamp(line) is stamp


def test_a_thai_page_keeps_its_paragraphs_and_finds_its_credit() -> None:
    paragraph = "คณะรัฐมนตรีมีมติเห็นชอบมาตรการช่วยเหลือค่าครองชีพ โดยจะตรึงค่าไฟฟ้าสำหรับบ้านอยู่อาศัยต่อไปอีกสี่เดือน"
    short = "โฆษกรัฐบาลกล่าวว่า มาตรการนี้จะช่วยประชาชนกว่า 20 ล้านครัวเรือน"
    text = (
        "ครม.เห็นชอบมาตรการลดค่าไฟฟ้างวดใหม่\n\n"
        "12 ม.ค. 2569 14:32 น.\n\n"
        "นายกรัฐมนตรีแถลงข่าวที่ทำเนียบรัฐบาล\n"
        "ภาพ: รอยเตอร์\n\n"
        f"{paragraph}\n\n"
        f"{short}\n\n"
        "อ่านข่าวที่เกี่ยวข้อง: กกพ.เปิดรับฟังความเห็นค่าไฟ\n\n"
        "ภาคเอกชนเรียกร้องให้รัฐบาลปรับโครงสร้างราคาพลังงานในระยะยาว\n"
    )
    seg = segment(text)
    kinds = {b.text: b.kind for b in seg.blocks}
    # Thai writes no spaces between words (the paragraphs were short lines, headings) and no full stop: a line of
    # ten words or more is a sentence; the first under the picture may be the lede
    assert kinds[paragraph] in ("body", "standfirst")
    assert kinds[short] == "body"
    assert kinds["12 ม.ค. 2569 14:32 น."] == "boilerplate"
    assert kinds["อ่านข่าวที่เกี่ยวข้อง: กกพ.เปิดรับฟังความเห็นค่าไฟ"] == "boilerplate"
    assert kinds["ภาพ: รอยเตอร์"] == "credit"
    assert parse_credit("ภาพ: รอยเตอร์").source == "Reuters"
    assert [c.text for c in seg.captions] == ["นายกรัฐมนตรีแถลงข่าวที่ทำเนียบรัฐบาล"]


def test_a_lithuanian_story_signed_by_its_agency_keeps_its_last_paragraph() -> None:
    last = "Opozicija kritikuoja sprendimą didinti gyventojų pajamų mokestį."
    text = (
        "Seimas priėmė naują mokesčių įstatymą\n\n"
        "Jonas Petraitis, LRT.lt\n"
        "2026-01-12 14:32\n\n"
        "Už įstatymą balsavo 72 Seimo nariai, prieš – 40, susilaikė 10.\n\n"
        f"{last}\n\n"
        "BNS\n"
    )
    kinds = _kinds(text)
    assert kinds[last] == "body"
    assert kinds["BNS"] == "byline"


def test_an_authors_biography_under_a_byline_in_capitals_is_no_body() -> None:
    bio = "Jane Roe is the paper's political correspondent."
    text = (
        "Knesset passes budget after marathon session\n\n"
        "By JANE ROE\n\n"
        "The Knesset approved the state budget early Friday after a debate that lasted more than 20 hours.\n\n"
        "Opposition leaders said they would petition the High Court of Justice against several clauses.\n\n"
        f"{bio}\n"
    )
    assert _kinds(text)[bio] == "boilerplate"


def test_a_hindi_page_ends_its_sentences_with_the_danda() -> None:
    paragraph = "दिल्ली सरकार ने शुक्रवार को सभी प्राथमिक स्कूलों को अगले आदेश तक बंद रखने का निर्देश दिया है।"
    text = (
        "दिल्ली में प्रदूषण का स्तर फिर खतरनाक, स्कूल बंद\n\n"
        "इंडिया गेट पर छाई धुंध। फोटो: पीटीआई\n\n"
        f"{paragraph}\n\n"
        "यह भी पढ़ें: प्रदूषण से बचने के लिए डॉक्टरों की सलाह\n\n"
        "विशेषज्ञों का कहना है कि हवा की गति कम होने से हालात और बिगड़ सकते हैं।\n"
    )
    seg = segment(text)
    kinds = {b.text: b.kind for b in seg.blocks}
    last = "विशेषज्ञों का कहना है कि हवा की गति कम होने से हालात और बिगड़ सकते हैं।"
    assert kinds[last] == "body"  # without the danda as a full stop every paragraph was a heading
    assert kinds[paragraph] in ("body", "standfirst")  # the first under the picture may be the lede
    assert kinds["यह भी पढ़ें: प्रदूषण से बचने के लिए डॉक्टरों की सलाह"] == "boilerplate"
    assert [c.text for c in seg.captions] == ["इंडिया गेट पर छाई धुंध।"]
    assert parse_credit("फोटो: पीटीआई").source == "PTI"


@pytest.mark.parametrize(
    ("block", "source"),
    [
        ("رئيس الحكومة خلال جلسة مجلس الوزراء في بيروت (رويترز)", "Reuters"),  # Arabic agency names
        ("متظاهرون أمام مقر البرلمان في وسط بيروت (أ.ف.ب)", "AFP"),
        ("לקוחות בשוק בתל אביב. צילום: תומר אפלבאום", "תומר אפלבאום"),  # Hebrew label "צילום:"
        ("Ο πρωθυπουργός σε συνέντευξη Τύπου στο Μαξίμου. ΦΩΤΟ: EUROKINISSI", "Eurokinissi"),
        ("Angajați într-o fabrică din Pitești. Sursa foto: Shutterstock", "Shutterstock"),
        ("A rendering of the planned park downtown. (Photo provided by the City of Riverton)", "the City of Riverton"),
        ("وزیر توانائی پریس کانفرنس سے خطاب کر رہے ہیں۔ فوٹو: اے پی پی", "اے پی پی"),  # Urdu "photo:"
        ("சென்னை அண்ணா சாலையில் தேங்கியுள்ள மழைநீர். படம்: பிடிஐ", "பிடிஐ"),  # Tamil "picture:"
        ("निर्माण सुरु भएको बसपार्कको नक्सा । तस्बिर: रासस", "रासस"),  # Nepali "picture:"
    ],
)
def test_captions_and_credits_in_arabic_hebrew_greek_romanian_and_a_us_local_paper(block: str, source: str) -> None:
    found = find_inline_credit(block)
    assert found is not None
    assert parse_credit(block[found.start : found.end]).source == source


@pytest.mark.parametrize(
    "line",
    [
        "Διαβάστε επίσης: Τι αλλάζει στις συντάξεις το 2024",  # a final sigma, folded like the line
        "Citește și: Cum se schimbă impozitele din 2024",
        "Kapcsolódó cikk: Így változik a családi pótlék",
        "اقرأ أيضاً: البنك الدولي يتوقع نمواً بطيئاً",
        "Avec les informations de La Presse canadienne",
    ],
)
def test_read_also_and_sign_off_lines_in_more_languages_are_furniture(line: str) -> None:
    text = (
        "Le gouvernement annonce un plan\n\n"
        "Le plan prévoit des investissements dans toutes les régions, a précisé la ministre vendredi.\n\n"
        f"{line}\n\n"
        "Les organismes communautaires saluent l'annonce, mais réclament davantage de logements.\n"
    )
    assert _kinds(text)[line] == "boilerplate"


@pytest.mark.parametrize("initials", ["CT", "(mfh)", "ae/rcr"])
def test_an_editors_initials_on_the_last_line_leave_the_last_paragraph_body(initials: str) -> None:
    last = "El próximo anuncio de política monetaria será en marzo."
    text = (
        "Banxico recorta tasa de interés\n\n"
        "Por Juan Pérez\n\n"
        "La decisión fue tomada por cuatro votos contra uno, informó el banco central en un comunicado.\n\n"
        f"{last}\n\n"
        f"{initials}\n"
    )
    seg = segment(text)
    kinds = {b.text: b.kind for b in seg.blocks}
    assert kinds[last] == "body"  # it was the caption of the initials read as a credit
    assert kinds[initials] == "boilerplate"
    assert seg.credits == ()


def test_a_romanian_byline_and_the_canadian_press_in_french() -> None:
    assert (
        _kinds("Guvernul a aprobat majorarea salariului minim\n\nde Ion Popescu\n\nDecizia a fost luată vineri.\n")[
            "de Ion Popescu"
        ]
        == "byline"
    )
    parsed = parse_credit("PHOTO : LA PRESSE CANADIENNE / GRAHAM HUGHES")
    assert (parsed.creators, parsed.source) == (("Graham Hughes",), "The Canadian Press")


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Jane Roe, Senior Reporter, and John Doe", ["Jane Roe", "John Doe"]),  # the second author was lost
        ("By Jane Roe, Chief Political Correspondent, and John Doe, Reporter", ["Jane Roe", "John Doe"]),
        ("By Jane Roe, Reporter and Editor", ["Jane Roe"]),  # two titles, one author
        ("Jane Roe, The Herald", ["Jane Roe"]),  # the author, then her paper
        ("Anna Klein, Die Welt", ["Anna Klein"]),  # "Die Welt" was a second author
        ("Le Monde avec AFP", ["Le Monde avec AFP"]),  # the paper wrote it with the wire
        ("Por nuestro corresponsal en Bruselas Ana Pérez", ["Ana Pérez"]),  # the post's place is no name
        ("By our correspondent in New York Jane Roe", ["Jane Roe"]),
        ("Dal nostro inviato a Roma Mario Rossi", ["Mario Rossi"]),
        ("Le Monde avec ses lecteurs", []),
        # the author, then the wire she writes for, after a comma, a slash or in brackets
        ("Max Mustermann, dpa", ["Max Mustermann"]),  # it was no byline (a heading on the page)
        ("Max Mustermann (dpa)", ["Max Mustermann"]),
        ("Ana Pérez (Efe)", ["Ana Pérez"]),
        ("Jane Roe, Associated Press", ["Jane Roe"]),
        ("Jane Roe, Getty Images", []),  # a picture agency: a credit, no byline
        ("Jane Roe, BBC News, Washington", ["Jane Roe"]),  # the desk, then the place: it was no byline
        ("Jane Roe, Reporter, London", ["Jane Roe"]),
        ("Του Γιώργου Παπαδόπουλου", ["Γιώργου Παπαδόπουλου"]),  # Greek "of": the article was part of the name
        ("Tác giả: Nguyễn Văn Bình", ["Nguyễn Văn Bình"]),  # Vietnamese "author:"
        ("Toimetaja: Mari Peegel", ["Mari Peegel"]),  # Estonian "editor:"
        # scripts without capitals: the words after a byline opener, when they are a name's few
        ("ავტორი: ნინო ბერიძე", ["ნინო ბერიძე"]),  # Georgian, whose letters count as lower case
        ("بقلم: محمد علي", ["محمد علي"]),
        ("מאת יוסי כהן", ["יוסי כהן"]),
        ("מאת המשטרה נמסר כי החשוד נעצר אתמול בלילה", []),  # "from the police ...": a sentence
    ],
)
def test_bylines_with_titles_publications_and_posts(line: str, names: list[str]) -> None:
    from app.text.names import byline_names

    assert [line[n.start : n.end] for n in byline_names(line, require_by=False)] == names


def test_an_author_with_her_wire_under_the_headline_is_the_byline() -> None:
    text = (
        "Stadtrat beschließt neuen Haushalt für 2027\n\n"
        "Max Mustermann, dpa\n\n"
        "Der Stadtrat hat am Dienstagabend den Haushalt für das kommende Jahr beschlossen. Die Mehrheit stimmte nach "
        "langer Debatte zu.\n\n"
        "Kritik kam vor allem von der Opposition, die höhere Ausgaben für Schulen gefordert hatte.\n"
    )
    assert _kinds(text)["Max Mustermann, dpa"] == "byline"  # it was a heading


def test_an_indonesian_wire_caption_with_its_editors_initials_and_a_labelled_byline() -> None:
    caption = "Presiden meninjau jalan tol Semarang-Demak, Jumat (12/1/2026)."
    text = (
        "Presiden resmikan jalan tol baru di Jawa Tengah\n\n"
        "Jakarta (ANTARA) - Presiden meresmikan jalan tol sepanjang 60 kilometer yang menghubungkan Semarang dan "
        "Demak pada Jumat.\n\n"
        f"{caption} ANTARA FOTO/Aji Styawan/nym.\n\n"
        "Jalan tol tersebut diharapkan dapat mengurangi kemacetan di jalur pantura.\n\n"
        "Pewarta: Jane Roe\n"
        "Editor: John Doe\n"
    )
    seg = segment(text)
    assert [c.text for c in seg.captions] == [caption]  # caption and credit were body
    assert [text[b.start : b.end] for b in seg.bylines] == ["Jane Roe"]
    parsed = parse_credit("ANTARA FOTO/Aji Styawan/nym.")
    assert (parsed.creators, parsed.source) == (("Aji Styawan",), "Antara")
    assert parse_credit("Copyright © ANTARA 2026").source == "Antara"  # the year is no part of the name
    assert parse_credit("Christoph Soeder/dpa").source == "dpa"  # a wire in lower case is no editor's initials


def test_a_spanish_interviews_questions_labelled_with_a_full_stop_are_its_text() -> None:
    question = "P. ¿Sigue habiendo pocas mujeres en su campo?"
    text = (
        "Entrevista con la física Ana Pérez\n\n"
        "Por Juan García\n\n"
        "La investigadora habla sobre su último descubrimiento y la brecha de género en la ciencia española.\n\n"
        f"{question}\n\n"
        "R. Sí, aunque la situación ha mejorado. En mi grupo somos la mitad, pero en la dirección somos pocas.\n"
    )
    assert _kinds(text)[question] == "body"  # a labelled question, as "Q:" and "Frage:" are


def test_a_private_source_alone_under_a_description_credits_it() -> None:
    caption = "Council staff inspect the damage."
    text = (
        "Wellington water pipe bursts, flooding CBD street\n\n"
        "By Jane Roe\n\n"
        "A major water main burst in central Wellington on Friday morning, flooding Willis St and closing shops.\n\n"
        f"{caption}\n"
        "SUPPLIED\n\n"
        "Residents in nearby apartments may experience low water pressure for the rest of the day.\n"
    )
    seg = segment(text)
    assert [c.text for c in seg.captions] == [caption]  # it was body, and "SUPPLIED" a heading
    assert [text[c.start : c.end] for c in seg.credits] == ["SUPPLIED"]


@pytest.mark.parametrize(
    "line",
    [
        "12. siječnja 2026. u 14:32",
        "12 stycznia 2026, 14:32",
        "12 января 2026 г., 14:32",
        "12 януари 2026, 14:32",
        "১২ জানুয়ারি ২০২৬, ১৪:৩২",  # Bengali: its vowel signs split the month into five "words"
    ],
)
def test_date_lines_with_slavic_or_bengali_month_names_are_furniture(line: str) -> None:
    assert boilerplate.is_timestamp(line)


def test_a_dutch_byline_whose_first_name_is_a_month() -> None:
    text = (
        "Kabinet wil snellere procedures voor windparken op zee\n\n"
        "Jan de Vries\n\n"
        "12 januari 2026\n\n"
        "Het kabinet wil de procedures voor windparken op zee drastisch inkorten, schrijft de minister.\n"
    )
    assert [text[b.start : b.end] for b in segment(text).bylines] == ["Jan de Vries"]


@pytest.mark.parametrize(
    ("block", "credit", "source"),
    [
        ("কুয়াশা আর ধোঁয়ায় ঢাকা বুড়িগঙ্গা নদী। ছবি: প্রথম আলো", "ছবি: প্রথম আলো", "প্রথম আলো"),  # Bengali
        ("نمایی از صحن علنی مجلس در تهران. عکس: ایرنا", "عکس: ایرنا", "IRNA"),  # Persian
        ("Wafanyabiashara katika soko la Kariakoo. Picha: Jane Roe", "Picha: Jane Roe", None),  # Swahili
        ("Waziri akizungumza na waandishi wa habari jijini Dodoma. Picha: Maktaba", "Picha: Maktaba", None),
    ],
)
def test_labelled_credits_in_bengali_persian_and_swahili_close_their_captions(
    block: str, credit: str, source: str | None
) -> None:
    found = find_inline_credit(block)
    assert found is not None and block[found.start : found.end] == credit
    assert parse_credit(credit).source == source


def test_a_name_above_a_credit_line_in_the_header_is_the_pictured_person_not_a_byline() -> None:
    text = (
        "Fed Signals Rate Cuts Are Coming as Inflation Cools\n\n"
        "By Jane Roe and John Doe\n"
        "January 12, 2026 at 2:32 PM EST\n\n"
        "Jerome Powell\n"
        "Photographer: Al Drago/Bloomberg\n\n"
        "Federal Reserve officials held interest rates steady for a fourth straight meeting and signaled cuts.\n"
    )
    seg = segment(text)
    assert [text[b.start : b.end] for b in seg.bylines] == ["Jane Roe", "John Doe"]  # Powell was a third author
    assert [c.text for c in seg.captions] == ["Jerome Powell"]
    parsed = parse_credit("Photographer: Al Drago/Bloomberg")
    assert (parsed.creators, parsed.source) == (("Al Drago",), "Bloomberg")


def test_a_dated_copyright_on_the_last_line_is_the_storys_not_a_credit_of_the_quote_above() -> None:
    quote = "\"We didn't want to drive 40 miles for milk,\" said John Doe, the co-op's board president."
    text = (
        "How a small town saved its only grocery store\n\n"
        "Jane Roe\n\n"
        "When the only grocery store in Riverton announced it would close, residents did something unusual.\n\n"
        f"{quote}\n\n"
        "Copyright 2026 NPR\n"
    )
    seg = segment(text)
    kinds = {b.text: b.kind for b in seg.blocks}
    assert kinds[quote] == "body"  # it was the caption of "Copyright 2026 NPR"
    assert kinds["Copyright 2026 NPR"] == "boilerplate"
    assert seg.credits == ()


def test_a_name_on_the_line_under_a_description_set_off_by_blank_lines_is_its_credit() -> None:
    caption = "Residents clear debris from a street in the town centre on Saturday."
    volunteers = "Volunteers hand out food at the community hall."
    text = (
        "Town begins clean-up after floods\n\n"
        "By Jane Roe\n\n"
        "12 January 2026\n\n"
        "The river burst its banks on Thursday night, flooding more than 200 homes in the town centre.\n\n"
        f"{caption}\n"
        "John Smith\n\n"
        "The council said it would provide skips and extra bin collections for the next two weeks.\n\n"
        f"{volunteers}\n"
        "Riverton Community Trust\n\n"
        "Insurers said they expected thousands of claims.\n"
    )
    seg = segment(text)
    assert [c.text for c in seg.captions] == [caption, volunteers]  # both were body, the names headings
    assert [text[c.start : c.end] for c in seg.credits] == ["John Smith", "Riverton Community Trust"]
    # the same lines with blank lines between all of them: a paragraph and a heading, as before
    spaced = text.replace(f"{caption}\n", f"{caption}\n\n").replace(f"{volunteers}\n", f"{volunteers}\n\n")
    assert segment(spaced).captions == ()


@pytest.mark.parametrize(
    ("block", "credit", "creators", "source"),
    [
        (  # the New York Times' ellipsis after the label
            "Lawmakers leaving the Capitol after the vote.Credit...Kenny Holston/The New York Times",
            "Credit...Kenny Holston/The New York Times",
            ("Kenny Holston",),
            "The New York Times",
        ),
        (  # USA Today's comma between the photographer and the source
            "A plow clears a road near Chicago. Scott Olson, Getty Images",
            "Scott Olson, Getty Images",
            ("Scott Olson",),
            "Getty Images",
        ),
    ],
)
def test_american_credit_forms_after_a_caption(block: str, credit: str, creators: tuple[str, ...], source: str) -> None:
    found = find_inline_credit(block)
    assert found is not None and block[found.start : found.end] == credit
    parsed = parse_credit(credit)
    assert (parsed.creators, parsed.source) == (creators, source)


def test_a_name_and_a_wire_after_a_comma_is_still_no_credit() -> None:
    # "Jane Roe, Reuters" beside a date line is a byline: a wire writes stories, a comma form credits only pictures
    assert parse_credit("Jane Roe, Reuters").creators == ()
    text = "Oil prices fall\n\nJane Roe, Reuters\n\n12 January 2026\n\nOil prices fell on Friday as stocks rose.\n"
    assert [text[b.start : b.end] for b in segment(text).bylines] == ["Jane Roe"]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        (
            "In this photo provided by the Riverton Police Department, officers stand outside a home on Friday.",
            "caption",
        ),
        ("This undated photo shows the old mill before it was demolished.", "caption"),
        ("Auf diesem Bild ist die alte Mühle vor dem Abriss zu sehen.", "caption"),
        # three sentences: prose about a picture, not its caption
        ("In this picture the reader sees little. The argument went on for hours. It ended at midnight.", "body"),
    ],
)
def test_an_uncredited_wire_caption_says_it_describes_a_photo(line: str, kind: str) -> None:
    text = (
        "Council approves plan\n\nBy John Doe\n\n"
        "The council approved the plan on Thursday after a long debate about costs and timing.\n\n"
        f"{line}\n\n"
        "Officials said construction would begin in the spring and take about two years.\n"
    )
    assert _kinds(text)[line] == kind  # the captions were body


def test_a_malaysian_wire_stories_dateline_is_no_date_line_of_names() -> None:
    lede = (
        "KUALA LUMPUR, 14 Nov (Bernama) -- Kerajaan hari ini mengumumkan peruntukan tambahan sebanyak RM500 juta "
        "bagi menghadapi musim tengkujuh."
    )
    text = (
        "Kerajaan umum peruntukan tambahan untuk banjir\n\n"
        f"{lede}\n\n"
        "Menurut kenyataan itu, peruntukan tersebut akan digunakan untuk membaiki infrastruktur.\n\n"
        "-- BERNAMA\n"
    )
    seg = segment(text)
    assert _kinds(text)[lede] == "body"  # it was a byline "KUALA LUMPUR", the lede lost
    assert "KUALA LUMPUR" not in [text[b.start : b.end] for b in seg.bylines]


def test_a_credit_in_a_script_without_capitals_is_read_with_its_label() -> None:
    # the label leaves the credit's raw text; the name alone, caseless, said nothing of what it is
    text = (
        "თბილისში ახალი მეტროსადგური გაიხსნა\n\n"
        "თბილისი, 14 ნოემბერი. თბილისში ახალი მეტროსადგური გაიხსნა, რომელიც ქალაქის ორ რაიონს დააკავშირებს.\n\n"
        "ახალი მეტროსადგურის გახსნა. ფოტო: ინტერპრესნიუსი\n\n"
        "მერის განცხადებით, სადგურის მშენებლობა ორი წელი გაგრძელდა და 40 მილიონი ლარი დაჯდა.\n"
    )
    (credit,) = segment(text).credits
    assert credit.raw == "ინტერპრესნიუსი"
    assert credit.parsed.source == "ინტერპრესნიუსი"


def test_a_press_releases_media_contact_label_is_no_credit() -> None:
    about = (
        "Northwind Robotics builds picking systems for warehouses. Founded in 2019, the company is based in Seattle."
    )
    text = (
        "Northwind Robotics Raises $40 Million\n\n"
        "SEATTLE, Nov. 14, 2026 /PRNewswire/ -- Northwind Robotics, a maker of picking systems for warehouses, today "
        "announced a $40 million funding round.\n\n"
        "The company will use the funds to open a service center in Dallas, its chief executive said.\n\n"
        "About Northwind Robotics\n"
        f"{about}\n\n"
        "Media Contact:\nDana Holt\npress@northwind.example\n"
    )
    seg = segment(text)
    assert _kinds(text)[about] == "body"  # it was the caption of "Media Contact:" read as an organisation's credit
    assert seg.credits == () and seg.captions == ()


def test_a_writer_in_capitals_with_her_city_after_a_bar_is_a_byline_not_a_credit() -> None:
    standfirst = "La medida, que entrará en vigor en enero, afecta a más de nueve millones de jubilados"
    text = (
        "El Gobierno aprueba la reforma de las pensiones\n\n"
        f"{standfirst}\n\n"
        "ELENA G. SEVILLANO | Madrid\n\n"
        "14 nov 2026 - 10:23 CET\n\n"
        "El Consejo de Ministros ha aprobado este martes la reforma del sistema de pensiones.\n\n"
        "Según el Ministerio, el coste de la medida rondará los 3.000 millones de euros anuales.\n"
    )
    seg = segment(text)
    assert _kinds(text)[standfirst] == "standfirst"  # it was the caption of "NAME | Madrid" read as a credit
    assert seg.credits == ()
    assert [text[b.start : b.end] for b in seg.bylines] == ["ELENA G. SEVILLANO"]
    assert parse_credit("Jane Doe | Reuters").source == "Reuters"  # a wire after the bar is still a credit


@pytest.mark.parametrize(
    "source_line", ["Source: Al Jazeera and news agencies", "المصدر : الجزيرة + وكالات", "Fuente: EFE y agencias"]
)
def test_a_source_line_naming_the_wires_ends_the_story_and_keeps_its_last_paragraph(source_line: str) -> None:
    last = "Rescue teams were still searching for two fishermen who went missing on Thursday night, officials said."
    text = (
        "Storm kills three on Philippine coast\n\nBy Jane Roe\n\n"
        "The storm hit the coast of the central Philippines on Friday, killing at least three people.\n\n"
        f"{last}\n\n{source_line}\n"
    )
    seg = segment(text)
    assert _kinds(text)[last] == "body"  # it was the caption of the source line read as a picture credit
    assert seg.credits == () and seg.captions == ()


def test_a_taiwanese_wire_page_dateline_and_photographer_with_the_day() -> None:
    lede = "（中央社記者王飛華台北14日電）行政院會今天通過明年度中央政府總預算案，歲出規模創歷年新高。"
    caption = "行政院長在院會後召開記者會說明預算重點。（中央社記者王飛華攝 115年11月14日）"
    text = (
        f"行政院會通過明年度總預算案\n\n{lede}\n\n{caption}\n\n"
        "主計總處表示，明年度歲入預估為新台幣2.9兆元，歲出為3.1兆元。\n\n(END)\n"
    )
    seg = segment(text)
    kinds = _kinds(text)
    assert kinds[lede] == "body"  # the bracketed wire dateline opens the story (it was a standfirst)
    assert kinds[caption] == "caption"  # the photographer's day after "攝" (it was a heading)
    assert kinds["(END)"] == "boilerplate"
    (credit,) = seg.credits
    assert credit.parsed.creators == ("王飛華",) and credit.parsed.source == "CNA"


def test_a_danish_credit_keeps_its_photographer_before_the_copyright_mark() -> None:
    block = "Statsministeren taler ved et pressemøde i Marienborg fredag. Foto: Ida Marie Odgaard © Ritzau Scanpix"
    found = find_inline_credit(block)
    assert found is not None
    assert block[found.start : found.end] == "Foto: Ida Marie Odgaard © Ritzau Scanpix"  # it was "© Ritzau Scanpix"


def test_the_lead_pictures_caption_above_the_headline_is_no_title() -> None:
    caption = "Firefighters work to contain a blaze near Riverton on Thursday. (Photo: Jane Doe/Riverton Ledger)"
    story = (
        "By Sam Patel\n\n"
        "A fast-moving wildfire forced hundreds of people from their homes near Riverton on Thursday.\n\n"
        "The fire started in dry brush along Highway 9 shortly after noon, according to the fire department.\n"
    )
    text = f"{caption}\n\nWildfire forces hundreds from homes near Riverton\n\n{story}"
    seg = segment(text)
    assert seg.title is not None and seg.title.text == "Wildfire forces hundreds from homes near Riverton"
    assert _kinds(text)[caption] == "caption"  # it was the title, and the headline a heading
    # a headline with a wire in brackets names no photographer: still the title
    wire = "President signs the infrastructure bill into law (AP)"
    title = segment(f"{wire}\n\n{story}").title
    assert title is not None and title.text == wire


def test_a_gallery_printing_each_credit_above_its_caption() -> None:
    pictures = [
        ("Photo: Sam Kerr/Riverton Ledger", "Children release paper lanterns over the river at dusk."),
        ("Photo: Mia Ford/Riverton Ledger", "Fireworks close the festival at midnight."),
    ]
    gallery = "\n\n".join(f"Image {k} of 2\n{credit}\n{caption}" for k, (credit, caption) in enumerate(pictures, 1))
    text = (
        "In pictures: Lantern festival lights up the old town\n\nBy Jane Roe\n\n"
        "Thousands of people gathered in the old town on Saturday evening for the annual lantern festival.\n\n"
        f"{gallery}\n\n"
        "The festival continues on Sunday with a parade through the town centre, organisers said.\n"
    )
    seg = segment(text)
    assert [c.text for c in seg.captions] == [caption for _, caption in pictures]  # they were body
    assert [(c.raw, c.caption_index) for c in seg.credits] == [(pictures[0][0], 0), (pictures[1][0], 1)]
    assert seg.credits[0].parsed.source == "Riverton Ledger"  # a paper's name, not a second photographer


# A council story of three paragraphs, for the line forms tried one at a time between or after them
_FIRST = "The council approved next year's budget on Tuesday evening after a long debate. A majority voted for it."
_SECOND = "Criticism came mainly from the opposition, which had called for more spending on schools and roads."
_THIRD = "The city plans to invest around 40 million euros next year, mainly in roads, schools and nurseries."


def _council_page(*, head: str = "", middle: str = "", last: str = "", byline: str = "By Jane Roe") -> str:
    """The story with ``head`` above its first paragraph, ``middle`` after it and ``last`` after the third."""
    parts = ["Council approves new budget for 2027", byline, head, _FIRST, middle, _SECOND, _THIRD, last]
    return "\n\n".join(p for p in parts if p) + "\n"


@pytest.mark.parametrize(
    "noise",
    [
        "Der Artikel wird unterhalb der Anzeige fortgesetzt",
        "Empfohlener redaktioneller Inhalt",
        "Zur Startseite",  # it was a byline: two capitalised words
        "Partager",
        "Continua a leggere",
        "Artikkelen fortsetter under annonsen",
        "Continua após a publicidade",
        "Continue lendo",
        "Skip Ad",
    ],
)
def test_a_line_of_page_furniture_between_paragraphs_is_boilerplate(noise: str) -> None:
    kinds = _kinds(_council_page(middle=noise, byline=""))
    assert (kinds[noise], kinds[_SECOND], kinds[_THIRD]) == ("boilerplate", "body", "body")  # it was a heading


@pytest.mark.parametrize(
    ("raw", "creators"),
    [
        ("Photo Jean Dupont", ("Jean Dupont",)),  # French: a label without its colon, then the photographer
        ("Beeld Jan de Vries", ("Jan de Vries",)),  # Dutch
        ("(foto Mario Rossi)", ("Mario Rossi",)),  # Italian, in brackets
    ],
)
def test_a_label_without_its_colon_before_a_photographers_name_is_a_credit(raw: str, creators: tuple[str, ...]) -> None:
    reading = read_credit(raw)
    assert reading.strength == Strength.STRONG and reading.parsed.creators == creators


def test_a_label_without_its_colon_before_a_place_is_no_credit() -> None:
    assert read_credit("Bild Hamburg Süd").strength < Strength.MEDIUM  # a place, no given name


@pytest.mark.parametrize(
    "lines",
    [
        ["The mayor at Tuesday's council meeting in the town hall.", "Photo Jean Dupont"],
        ["Il sindaco durante il consiglio comunale di martedì (foto Mario Rossi)"],
        ["El alcalde, durante el pleno del martes en el ayuntamiento. | Ana Pérez"],  # a bar, then the photographer
    ],
)
def test_a_caption_credited_to_a_photographer_without_a_colon_is_a_caption(lines: list[str]) -> None:
    seg = segment(_council_page(middle="\n\n".join(lines)))
    assert len(seg.captions) == 1 and seg.captions[0].text.startswith(lines[0][:20])  # it was a heading
    assert [b.kind for b in seg.blocks].count("body") == 3


@pytest.mark.parametrize(
    "stamp",
    [
        "Publicat: 5 decembrie 2026, 14:30",  # Romanian
        "Δημοσίευση: 5 Δεκεμβρίου 2026, 14:30",  # Greek
        "Diterbitkan 5 Desember 2026, 14:30 WIB",  # Indonesian
        "5. joulukuuta 2026 klo 14.30",  # Finnish
        "il y a 3 heures",  # French, relative
        "05/12/2026 14h30",  # a clock written with "h"
        "2026년 12월 5일 14:30",  # Korean
        "5 ديسمبر 2026",  # Arabic month
    ],
)
def test_date_lines_in_more_languages_are_furniture_not_the_standfirst(stamp: str) -> None:
    assert boilerplate.is_timestamp(stamp)
    assert _kinds(_council_page(head=stamp))[stamp] == "boilerplate"  # it was the standfirst, and the summary read it


@pytest.mark.parametrize(
    "last",
    [
        "(mit Material von dpa)",  # German: written with the wire's copy
        "Mit Material der Nachrichtenagenturen dpa und AFP",
        "Avec AFP",  # French: the story written with the wire
        "Con informazioni di Ansa",
        "Met medewerking van ANP",
        "(sn/dpa)",  # an editor's initials, then the wire
        "lhe/dpa",
        "(jr/ap)",
        "Redaktion: Max Mustermann",
        "— With assistance from Jane Roe",
        "Cet article a été publié initialement dans Le Monde.",
    ],
)
def test_a_story_signed_off_in_more_forms_keeps_its_last_paragraph(last: str) -> None:
    kinds = _kinds(_council_page(last=last))
    assert kinds[last] in ("boilerplate", "byline") and kinds[_THIRD] == "body"  # it was a heading or body


@pytest.mark.parametrize(
    "note",
    [
        "Anmerkung der Redaktion: In einer früheren Version hieß es, der Haushalt sei einstimmig beschlossen worden.",
        "Note de la rédaction : une version précédente de cet article indiquait un montant erroné.",
        "Nota de la redacción: una versión anterior de este artículo indicaba una cifra errónea.",
        "Nota della redazione: una versione precedente di questo articolo riportava una cifra errata.",
        "Noot van de redactie: in een eerdere versie van dit artikel stond een verkeerd bedrag.",
        "Nota da redação: uma versão anterior deste texto informava um valor errado.",
        "Rättelse: I en tidigare version av artikeln angavs fel belopp.",  # Swedish correction
        "[Editor's note: The council has since voted again.]",
    ],
)
def test_a_note_from_the_editors_on_its_own_line_is_an_editors_note(note: str) -> None:
    kinds = _kinds(_council_page(last=note))
    assert kinds[note] == "editor_note" and kinds[_THIRD] == "body"  # it was body (a heading in brackets)


def test_a_german_hinweis_before_a_colon_stays_the_storys() -> None:
    appeal = "Hinweis: Zeugen, die den Unfall beobachtet haben, werden gebeten, sich bei der Polizei zu melden."
    assert _kinds(_council_page(last=appeal))[appeal] == "body"  # a police appeal, not a note from the editors


@pytest.mark.parametrize("counter", ["Zdjęcie 1 z 4", "Фото 1 из 5", "Snímek 2 z 10"])
def test_a_gallerys_counter_in_polish_russian_or_czech_is_furniture(counter: str) -> None:
    assert boilerplate.is_photo_marker(counter)


def test_an_interviewers_label_in_capitals_is_no_caption_keyword() -> None:
    question = "SPIEGEL: Frau Roe, wie geht es nach der Abstimmung weiter mit dem Haushalt der Stadt?"
    answers = [
        "Roe: Wir werden nächste Woche neu verhandeln. Die Zahlen sind klar.",
        "SPIEGEL: Und die Opposition?",
        "Roe: Sie hat gute Argumente, aber keine Mehrheit im Rat.",
    ]
    seg = segment(_council_page(middle="\n\n".join([question, *answers])))
    assert seg.captions == ()  # the first question was a caption under the keyword "SPIEGEL"


@pytest.mark.parametrize("raw", ["Contributed photo", "Submitted photo", "Provided photo", "Photo provided"])
def test_a_readers_or_an_organisations_picture_without_a_name_is_a_credit(raw: str) -> None:
    assert read_credit(raw).strength >= Strength.MEDIUM  # it was none: the paragraph above stayed body


def test_the_company_google_is_no_picture_source() -> None:
    from app.text.agencies import agency_of

    assert agency_of("Google") is None and agency_of("Google Maps") == "Google Maps"


@pytest.mark.parametrize("credit", ["Contributed photo", "Submitted photo", "Google Maps"])
def test_a_description_over_a_local_papers_credit_line_is_a_caption(credit: str) -> None:
    caption = "The new school building on Main Street in Riverton."
    seg = segment(_council_page(middle=f"{caption}\n\n{credit}"))
    assert [c.text for c in seg.captions] == [caption]  # it was body, and the credit a heading


MARKDOWN_PAGE = """# Council approves new budget for 2027

**By Jane Roe**

*Published 5 December 2026*

The council approved next year's budget on Tuesday evening after a long debate. A majority voted for it.

![The mayor at the council meeting](https://example.com/mayor.jpg)

*The mayor at Tuesday's council meeting. Photo: Jane Doe/AFP*

Criticism came mainly from the opposition, which had called for more spending on schools and roads.

## What happens next

The city plans to invest around 40 million euros next year, mainly in roads, schools and nurseries.
"""


def test_a_page_exported_in_markdown_is_read_without_its_marks() -> None:
    seg = segment(MARKDOWN_PAGE)
    kinds = {b.text: b.kind for b in seg.blocks}
    assert seg.title is not None and seg.title.text == "Council approves new budget for 2027"  # it kept the "#"
    assert kinds["By Jane Roe"] == "byline"  # "**By Jane Roe**" was boilerplate
    assert kinds["![The mayor at the council meeting](https://example.com/mayor.jpg)"] == "boilerplate"  # a heading
    assert kinds["What happens next"] == "heading"
    assert [c.text for c in seg.captions] == ["The mayor at Tuesday's council meeting."]
    assert [(c.raw, c.parsed.source) for c in seg.credits] == [("Photo: Jane Doe/AFP", "AFP")]  # the source was "AFP*"
    assert all(MARKDOWN_PAGE[b.start : b.end] == b.text for b in seg.blocks)


@pytest.mark.parametrize(
    "crumbs",
    ["Home > News > Local", "Inicio › Noticias › Local", "Accueil > Actualités > Politique", "News | Local | Politics"],
)
def test_a_breadcrumb_above_the_headline_is_furniture_and_the_headline_the_title(crumbs: str) -> None:
    seg = segment(f"{crumbs}\n\n" + _council_page())
    assert seg.title is not None and seg.title.text == "Council approves new budget for 2027"  # it was the crumbs
    assert {b.text: b.kind for b in seg.blocks}[crumbs] == "boilerplate"


@pytest.mark.parametrize(
    "row", ["- Revenue N / A N / A", "Opinion | Why the budget fails | Jane Roe", "2024 / 2025 / 2026"]
)
def test_a_table_row_or_a_headline_with_bars_is_no_breadcrumb(row: str) -> None:
    assert not boilerplate.is_breadcrumb(row)


@pytest.mark.parametrize(
    "footer",
    [
        ["Etiquetas: Presupuesto, Ayuntamiento"],  # tags in Spanish
        ["Impressum", "Datenschutz", "Kontakt"],
        ["Mentions légales", "Politique de confidentialité"],
        ["Aviso legal", "Política de privacidad"],
        ["Mehr aus dem Ressort", "Bürgermeisterin verteidigt Haushalt"],  # a list of other stories
        ["Teilen auf Facebook", "Teilen auf X"],
        ["Was this article helpful?"],
        ["jane.roe@example.com"],  # an address alone: the author's box
    ],
)
def test_footer_lines_in_more_languages_are_furniture(footer: list[str]) -> None:
    kinds = _kinds(_council_page(last="\n\n".join(footer)))
    assert [kinds[f] for f in footer] == ["boilerplate"] * len(footer) and kinds[_THIRD] == "body"


def test_a_ui_phrase_counts_only_as_whole_words() -> None:
    # "del på" (Norwegian and Danish "share on") stands inside "misshandel på": the headline is no share button
    headline = "Elever döms för misshandel på internatskolan"
    seg = segment(_council_page().replace("Council approves new budget for 2027", headline, 1))
    assert seg.title is not None and seg.title.text == headline


@pytest.mark.parametrize(
    "lede",
    [
        "ANKARA (AA) - Belediye meclisi salı akşamı gelecek yılın bütçesini onayladı.",  # Turkish wire
        "PRAHA (ČTK) - Zastupitelstvo v úterý večer schválilo rozpočet na příští rok.",  # Czech
        "BUDAPEST (MTI) - A közgyűlés kedd este elfogadta a jövő évi költségvetést.",  # Hungarian
    ],
)
def test_a_wire_lede_whose_place_and_agency_read_as_a_name_is_body(lede: str) -> None:
    seg = segment(_council_page(head=lede))
    assert {b.text: b.kind for b in seg.blocks}[lede] == "body"  # it was a byline, and the lede lost
    assert [b.name for b in seg.bylines] == ["Jane Roe"]


@pytest.mark.parametrize(
    ("lede", "dateline"),
    [
        ("MADRID, 5 Dic. (EUROPA PRESS) - El pleno aprobó el presupuesto.", "MADRID, 5 Dic. (EUROPA PRESS) - "),
        ("ROMA, 05 DIC - Il consiglio comunale ha approvato il bilancio.", "ROMA, 05 DIC - "),  # ANSA's form
        ("OSLO (NTB): Bystyret vedtok budsjettet tirsdag kveld.", "OSLO (NTB): "),
        ("PRAHA (ČTK) - Zastupitelstvo schválilo rozpočet.", "PRAHA (ČTK) - "),
        (
            "Kyiv, 5 December 2026 (Ukrinform) – The council approved the budget.",
            "Kyiv, 5 December 2026 (Ukrinform) – ",
        ),
        ("BERLIN. Der Stadtrat hat den Haushalt beschlossen.", "BERLIN. "),  # a place in capitals and a full stop
    ],
)
def test_wire_datelines_in_more_forms_are_read(lede: str, dateline: str) -> None:
    assert lede[: dateline_end(lede)] == dateline  # none was read before


def test_two_words_in_brackets_open_a_dateline_only_in_capitals() -> None:
    assert dateline_end("BERLIN (Update Two) - Der Stadtrat hat den Haushalt beschlossen.") == 0


@pytest.mark.parametrize(
    "button", ["Play Video", "Video abspielen", "Lire la vidéo", "Reproducir vídeo", "Audio: Listen to this story"]
)
def test_a_players_button_in_more_languages_is_furniture(button: str) -> None:
    kinds = _kinds(_council_page(middle=button))
    assert (kinds[button], kinds[_SECOND]) == ("boilerplate", "body")  # it was a heading


@pytest.mark.parametrize(
    "caption",
    [
        "Bürgermeisterin Erika Musterfrau (l.) und Kämmerer Max Mustermann bei der Sitzung.",
        "Von links: Erika Musterfrau, Max Mustermann und Anna Schmidt im Rathaus.",
        "De izquierda a derecha, el alcalde, la concejala y el interventor.",
        "Ordføreren (t.v.) og rådmannen under møtet i bystyret.",
        "Burmistrz (z lewej) i skarbnik podczas sesji rady miasta.",
        "Starosta (vlevo) a radní na zasedání zastupitelstva.",
        "Мэр (слева) и глава финансового департамента на заседании.",
        "Belediye Başkanı (solda) ve meclis üyeleri toplantıda.",
    ],
)
def test_a_caption_saying_where_people_stand_is_a_caption_in_more_languages(caption: str) -> None:
    kinds = _kinds(_council_page(middle=caption))
    assert (kinds[caption], kinds[_SECOND]) == ("caption", "body")  # it was body


def test_a_sentence_opening_with_von_links_stays_body() -> None:
    sentence = "Von links kommt Kritik an dem Plan, der zu wenig für Schulen und Kitas vorsieht."
    assert _kinds(_council_page(middle=sentence))[sentence] == "body"  # "Von links:" with its colon opens a caption


@pytest.mark.parametrize(
    ("widget", "description"),
    [
        ("Video | Council votes on the budget\n\nPlayer wird geladen\n\nQuelle: t-online", None),
        ("Video: Council votes on the budget\n\nSource: Reuters", None),
        # a description under the video's title is the widget's, as before
        (
            "Video\n\nCouncil votes on the budget",
            "The mayor explains what the new budget means for the city's bus routes.",
        ),
    ],
)
def test_a_video_widget_ends_at_its_source_and_the_story_after_it_is_body(widget: str, description: str | None) -> None:
    middle = widget + (f"\n\n{description}" if description else "")
    kinds = _kinds(_council_page(middle=middle))
    assert kinds[_SECOND] == "body"  # it was the video's description, lost to boilerplate
    if description:
        assert kinds[description] == "boilerplate"
    assert all(kinds[line] == "boilerplate" for line in widget.split("\n\n"))


@pytest.mark.parametrize(
    "lead",
    [
        "Council members vote on the budget in the town hall on Tuesday. Foto: Anna Schmidt/dpa",
        "Die Ratsmitglieder stimmen im Rathaus über den Haushalt ab Foto: Editpress/Anna Schmidt",
        "Council members vote on the budget in the town hall on Tuesday (Picture: Jane Doe/AP)",
        "Council members vote on the budget in the town hall on Tuesday. (Jane Doe/Riverton Ledger)",
    ],
)
def test_a_body_exported_without_its_headline_opens_with_its_picture_not_a_title(lead: str) -> None:
    text = "\n\n".join([lead, _FIRST, _SECOND, _THIRD]) + "\n"
    seg = segment(text)
    assert seg.title is None  # the caption was the title, its credit with it
    assert len(seg.captions) == 1 and lead.startswith(seg.captions[0].text)
    assert [seg.credits[0].parsed.creators if seg.credits[0].parsed else None] == [
        ("Anna Schmidt",) if "Anna" in lead else ("Jane Doe",)
    ]
    assert [b.kind for b in seg.blocks][1:] == ["body", "body", "body"]


def test_a_lead_picture_above_the_headline_still_leaves_the_headline_the_title() -> None:
    lead = "Council members vote on the budget in the town hall on Tuesday. Foto: Anna Schmidt/dpa"
    text = "\n\n".join([lead, "Council approves new budget for 2027", _FIRST, _SECOND]) + "\n"
    seg = segment(text)
    assert seg.title is not None and seg.title.text == "Council approves new budget for 2027"
    assert [c.text for c in seg.captions] == ["Council members vote on the budget in the town hall on Tuesday."]


@pytest.mark.parametrize(
    ("head", "names"),
    [
        ("By Jane Roe", ["Jane Roe"]),
        ("Von: Max Mustermann", ["Max Mustermann"]),
        ("Kommentar von Anna Schmidt", ["Anna Schmidt"]),
        ("Jane Roe\n\nPublished 3 hours ago", ["Jane Roe"]),  # a bare name beside the date line
    ],
)
def test_a_body_exported_without_its_headline_opens_with_its_byline_not_a_title(head: str, names: list[str]) -> None:
    text = "\n\n".join([head, _FIRST, _SECOND, _THIRD]) + "\n"
    seg = segment(text)
    assert seg.title is None  # the byline was the title, and no byline was found
    assert [b.name for b in seg.bylines] == names
    assert _kinds(text)[_SECOND] == "body"


def test_a_headline_in_capitals_that_reads_like_a_byline_stays_the_title() -> None:
    text = "\n\n".join(["VON MÜNCHEN BIS AACHEN: IM NETZ DER AGENTEN", "von Anna Schmidt", _FIRST, _SECOND]) + "\n"
    seg = segment(text)
    assert seg.title is not None and seg.title.text == "VON MÜNCHEN BIS AACHEN: IM NETZ DER AGENTEN"
    assert [b.name for b in seg.bylines] == ["Anna Schmidt"]


def test_a_body_exported_without_its_headline_opens_with_a_caption_over_its_credit_line() -> None:
    caption = "Council members vote on the budget in the town hall on Tuesday."
    seg = segment("\n\n".join([caption, "Foto: Anna Schmidt/dpa", _FIRST, _SECOND, _THIRD]) + "\n")
    assert seg.title is None  # the caption was the title
    assert [c.text for c in seg.captions] == [caption]
    # a headline has no full stop: over a credit line it stays the title (the lead picture's credit)
    headline = "Council approves new budget for 2027"
    seg = segment("\n\n".join([headline, "Foto: Anna Schmidt/dpa", _FIRST, _SECOND, _THIRD]) + "\n")
    assert seg.title is not None and seg.title.text == headline


@pytest.mark.parametrize(
    ("raw", "source", "line"),
    [
        ("Handout/AFP", "AFP", "Handout/AFP"),  # the role, and the agency that supplied the picture
        ("Pool/AFP via Getty Images", "AFP", "Pool/AFP via Getty Images"),
        ("Foto: Pool via REUTERS", "Reuters", "Pool via REUTERS"),
        ("Supplied/AAP", "AAP", "Supplied/AAP"),
        ("Handout", "Handout", "Handout"),  # alone, the role is all the credit says
        ("Ministry of Defence/Handout via Reuters", "Ministry of Defence", "Ministry of Defence/Handout via Reuters"),
    ],
)
def test_a_handout_or_pool_credit_names_the_agency_beside_it_as_the_source(raw: str, source: str, line: str) -> None:
    parsed = parse_credit(raw)
    assert (parsed.source, parsed.credit_line) == (source, line)


@pytest.mark.parametrize(
    ("raw", "creators", "source"),
    [
        ("BELGA PHOTO DIRK WAEM", ("Dirk Waem",), "Belga"),  # the agency, its label, the photographer: no slash
        ("ANP PHOTO REMKO DE WAAL", ("Remko de Waal",), "ANP"),
        ("EPA PHOTO JOHN SMITH", ("John Smith",), "EPA"),
        ("AFP Photo Agency", (), None),  # no photographer after the label: not this form
    ],
)
def test_an_agency_and_its_photo_label_before_the_photographer_without_a_slash(
    raw: str, creators: tuple[str, ...], source: str | None
) -> None:
    parsed = parse_credit(raw)
    assert parsed.creators == creators
    assert source is None or parsed.source == source


def test_a_caption_ending_in_an_agency_photo_label_and_photographer_is_a_caption() -> None:
    caption = "Le Premier ministre s'exprime devant le Parlement fédéral à Bruxelles, mardi."
    seg = segment(_council_page(middle=f"{caption} BELGA PHOTO DIRK WAEM"))
    assert [c.text for c in seg.captions] == [caption]  # it was body, its credit in it
    assert [c.raw for c in seg.credits] == ["BELGA PHOTO DIRK WAEM"]


def test_a_headline_printed_twice_is_the_title_once_and_the_header_reads_on() -> None:
    standfirst = (
        "The council approved next year's budget after a long debate on Tuesday evening, and the opposition, which "
        "had called for more spending on schools and roads, now wants an independent review of the costs."
    )
    text = "\n\n".join(
        ["Council approves new budget", "Council approves new budget", standfirst, "Photo: Jane Doe/AP", _FIRST]
    )
    seg = segment(text + "\n")
    kinds = [b.kind for b in seg.blocks]
    assert seg.title is not None and seg.title.text == "Council approves new budget"
    assert kinds[1] == "boilerplate"  # the page's title and its headline: one text twice
    assert kinds[2] == "standfirst"  # it was the lead picture's caption: the headline's copy stood between


@pytest.mark.parametrize(
    ("head", "names"),
    [
        ("27. Januar 2026 • Gregor Meier • 3 Minuten", ["Gregor Meier"]),  # a date line with its author
        ("von\n\nAPA\n\n05. Juni 2025", ["APA"]),  # a bare opener, the agency on the next line
    ],
)
def test_a_body_exported_without_its_headline_opens_with_a_dated_or_bare_byline(head: str, names: list[str]) -> None:
    seg = segment("\n\n".join([head, _FIRST, _SECOND, _THIRD]) + "\n")
    assert seg.title is None
    assert [b.name for b in seg.bylines] == names


def test_a_headline_with_a_date_and_a_slash_stays_the_title() -> None:
    headline = "Nationale Demo / Der 9. Juli naht: Gewerkschaften zeigen Stärke und Einheit gegenüber der Regierung"
    seg = segment("\n\n".join([headline, _FIRST, _SECOND]) + "\n")
    assert seg.title is not None and seg.title.text == headline
    assert seg.bylines == ()


SWEDISH_WIRE_PAGE = (
    "Regeringen vill skärpa straffen för vapenbrott\n\n"
    "Justitieministern presenterade på tisdagen ett lagförslag som ska ge längre fängelsestraff.\n\n"
    "Av Maja Lindholm/TT\n\n"
    "Publicerad 3 mars 2026 kl 10.15\n\n"
    "Förslaget innebär att minimistraffet för grovt vapenbrott höjs från två till tre års fängelse. Regeringen "
    "vill också göra det lättare för polisen att visitera personer i särskilda zoner.\n\n"
    "Justitieministern under tisdagens pressträff i Rosenbad.\n"
    "Foto: Per Ekdahl/TT\n\n"
    "Lagrådet ska nu granska förslaget, som föreslås träda i kraft den 1 januari nästa år.\n"
)


def test_a_byline_naming_the_writers_wire_after_a_slash_is_no_picture_credit() -> None:
    # "Av Name/TT" is how a Swedish wire signs a story; read as "Name/TT" (a photographer and his agency) it took the
    # standfirst above it for a caption and the writer was lost
    seg = segment(SWEDISH_WIRE_PAGE)
    kinds = _kinds(SWEDISH_WIRE_PAGE)
    assert [b.name for b in seg.bylines] == ["Maja Lindholm"]
    assert kinds["Av Maja Lindholm/TT"] == "byline"
    assert kinds["Justitieministern presenterade på tisdagen ett lagförslag som ska ge längre fängelsestraff."] in (
        "standfirst",
        "body",
    )
    assert [c.text for c in seg.captions] == ["Justitieministern under tisdagens pressträff i Rosenbad."]
    assert [c.raw for c in seg.credits] == ["Foto: Per Ekdahl/TT"]


@pytest.mark.parametrize(
    ("line", "writer"),
    [
        ("By Jane Roe/AP", "Jane Roe"),
        ("Von Max Muster/dpa", "Max Muster"),
        ("Af Lars Holm/Ritzau", "Lars Holm"),
    ],
)
def test_a_byline_opener_then_a_name_and_a_wire_is_read_as_a_byline(line: str, writer: str) -> None:
    assert read_credit(line).strength == Strength.NONE
    text = f"Council approves the new budget\n\n{line}\n\n" + "The city council approved the budget on Monday. " * 3
    assert [b.name for b in segment(text).bylines] == [writer]


def test_a_photographer_after_by_with_a_picture_agency_stays_a_credit() -> None:
    # Getty Images is no wire that writes stories: "By Name/Getty Images" names who took a picture
    assert read_credit("By Jane Roe/Getty Images").strength >= Strength.MEDIUM


def test_the_writers_city_under_the_byline_is_no_second_writer() -> None:
    text = (
        "Chuva forte deixa mortos no litoral paulista\n\n"
        "Por Ana Souza\nSão Paulo\n\n"
        "15.fev.2026 às 9h12\n\n"
        "As chuvas que atingem o litoral norte de São Paulo desde a noite de sexta-feira deixaram ao menos sete "
        "mortos e cerca de 1.200 pessoas desabrigadas.\n"
    )
    assert [b.name for b in segment(text).bylines] == ["Ana Souza"]


@pytest.mark.parametrize(
    "line",
    [
        "Data publikacji: 21.05.2026, 16:40",
        "Aktualizacja: 21 maja 2026, 16:40",
        "Publikováno: 2. 10. 2026 15:20",
        "New Delhi | Updated: May 25, 2026 18:20 IST",
    ],
)
def test_publication_date_lines_in_polish_czech_and_with_the_writers_city_are_furniture(line: str) -> None:
    text = (
        "Parliament passes the civil defence law\n\n"
        f"{line}\n\n"
        "Parliament passed the civil defence law on Thursday by a large majority, and the upper house will now "
        "vote on it.\n"
    )
    seg = segment(text)
    assert _kinds(text)[line] == "boilerplate"
    assert seg.bylines == ()  # "New Delhi" is the writer's city, no writer


def test_a_line_reserved_for_subscribers_in_french_is_furniture() -> None:
    text = (
        "Le gouvernement recourt au 49.3\n\n"
        "La première ministre a engagé mardi la responsabilité du gouvernement sur le projet de loi de financement.\n\n"
        "Article réservé à nos abonnés\n\n"
        "Le vote est prévu jeudi. Selon plusieurs responsables de la majorité, le texte devrait être adopté.\n"
    )
    assert _kinds(text)["Article réservé à nos abonnés"] == "boilerplate"


@pytest.mark.parametrize("marker", ["Mainos", "Reklama", "Hirdetés", "Publicitate", "Reklam"])
def test_an_advertisement_marker_in_finnish_polish_czech_hungarian_romanian_or_turkish_is_furniture(
    marker: str,
) -> None:
    text = (
        "Parliament passes the budget\n\n"
        "Parliament passed next year's budget on Tuesday after a debate that lasted two days and nights.\n\n"
        f"{marker}\n\n"
        "The opposition voted against it and said the deficit target was not realistic at all.\n"
    )
    kinds = _kinds(text)
    assert kinds[marker] == "boilerplate"
    assert list(kinds.values()).count("boilerplate") == 1  # the paragraphs around it stay text


@pytest.mark.parametrize("button", ["Bild vergrößern", "Ampliar", "Agrandir l'image", "Ingrandisci", "Förstora bilden"])
def test_a_pictures_enlarge_button_in_other_languages_is_furniture(button: str) -> None:
    text = (
        "Council approves the new cycle lanes\n\n"
        "The council approved twenty-five kilometres of new cycle lanes on Thursday after a long debate.\n\n"
        "The opposition voted against the plan, saying that shop owners in the centre had not been asked.\n\n"
        f"{button}\n\n"
        "A cyclist rides along the harbour road on Thursday. (Photo: Jane Roe/Reuters)\n\n"
        "Work will start in April and will be done in stages so that traffic keeps moving through the centre.\n"
    )
    seg = segment(text)
    assert _kinds(text)[button] == "boilerplate"
    assert [c.text for c in seg.captions] == ["A cyclist rides along the harbour road on Thursday."]


def test_a_french_label_before_the_paper_and_its_photographer_credits_the_caption() -> None:
    # "(Photo d'archives Le Progrès/Philippe Vacher)": no colon after the label, and the paper is no agency
    text = (
        "La ville lance un plan pour rénover ses écoles\n\n"
        "Le conseil municipal a adopté jeudi soir un plan de rénovation des écoles de la ville.\n\n"
        "L'école Jean-Moulin sera la première rénovée. (Photo d'archives Le Courrier/Philippe Vasseur)\n\n"
        "Les travaux débuteront pendant les vacances d'été, a précisé l'adjointe à l'éducation de la commune.\n"
    )
    seg = segment(text)
    assert [c.text for c in seg.captions] == ["L'école Jean-Moulin sera la première rénovée."]
    assert [c.raw for c in seg.credits] == ["Photo d'archives Le Courrier/Philippe Vasseur"]
    assert "Philippe Vasseur" in seg.credits[0].parsed.creators


@pytest.mark.parametrize(
    "link",
    [
        "Čtěte také: Inflace v září zpomalila",
        "Čítajte aj: Ceny energií v marci klesli",
        "Pročitajte još: Inflacija u veljači usporila",
        "Preberite še: Cene energije so padle",
        "Taip pat skaitykite: Infliacija vasarį sulėtėjo",
        "Lasi arī: Inflācija februārī palēninājās",
    ],
)
def test_a_read_also_link_in_central_european_and_baltic_languages_is_furniture(link: str) -> None:
    text = (
        "Parliament passes the budget\n\n"
        "Parliament passed next year's budget on Tuesday after a debate that lasted two days and nights.\n\n"
        "The opposition voted against it and said the deficit target was not realistic at all.\n\n"
        f"{link}\n\n"
        "The law will take effect in July, the finance minister told reporters after the vote.\n"
    )
    assert _kinds(text)[link] == "boilerplate"


def test_a_lithuanian_credit_names_its_maker_before_the_word_for_photo() -> None:
    text = (
        "Seimas pritarė naujam mokesčių paketui\n\n"
        "Seimas ketvirtadienį pritarė naujam mokesčių paketui, kuris padidins gynybos finansavimą.\n\n"
        "Finansų ministrė Seime. Eltos nuotr.\n\n"
        "Opozicija teigia, kad paketas per daug apkrauna gyventojus, ir žada kreiptis į teismą.\n"
    )
    seg = segment(text)
    assert [c.text for c in seg.captions] == ["Finansų ministrė Seime."]
    assert [c.raw for c in seg.credits] == ["Eltos nuotr."]


@pytest.mark.parametrize(
    "line",
    ["London, 5 May 2026", "Berlin, 14. März 2026", "Barcelona, 14 de març de 2026", "Bern - 14.03.2026, 10.15 Uhr"],
)
def test_the_writers_city_a_comma_or_a_dash_and_the_date_is_a_date_line(line: str) -> None:
    # read as a standfirst, the line kept the header open and the story's first paragraph became a standfirst too
    lede = "The council approved the new budget on Monday after a long debate about the cost of the plan."
    text = f"Council approves the new budget plan\n\nBy Jane Roe\n{line}\n\n{lede}\n\nA second vote is due in May.\n"
    kinds = _kinds(text)
    assert kinds[line] == "boilerplate"
    assert kinds[lede] == "body"


def test_a_catalan_page_reads_its_date_line_lede_and_read_also_link() -> None:
    text = (
        "El Govern aprova el pla de sequera per a l'estiu\n\n"
        "Barcelona, 14 de març de 2026\n\n"
        "El Govern ha aprovat aquest dijous el pla especial de sequera, que preveu restriccions en 200 municipis.\n\n"
        "Llegeix també: Les reserves dels embassaments baixen del 20%\n\n"
        "Els pagesos reclamen ajuts per compensar les pèrdues de la collita d'aquest any.\n"
    )
    kinds = _kinds(text)
    assert kinds["Barcelona, 14 de març de 2026"] == "boilerplate"
    assert kinds["Llegeix també: Les reserves dels embassaments baixen del 20%"] == "boilerplate"
    assert kinds["Els pagesos reclamen ajuts per compensar les pèrdues de la collita d'aquest any."] == "body"


def test_a_credit_whose_parts_a_bar_separates_is_no_breadcrumb() -> None:
    text = (
        "Regional lenders slide as property worries return\n\n"
        "Dana Whitfield\n\n"
        "A pedestrian walks past a bank branch in Riverton.\n"
        "Jane Roe | Bloomberg | Getty Images\n\n"
        "Shares of regional banks fell on Wednesday as fresh worries over commercial property loans rattled "
        "investors.\n\n"
        "The index of regional lenders dropped four percent, its worst day since October.\n"
    )
    seg = segment(text)
    assert [text[c.start : c.end] for c in seg.credits] == ["Jane Roe | Bloomberg | Getty Images"]
    assert [c.text for c in seg.captions] == ["A pedestrian walks past a bank branch in Riverton."]
    assert (
        _kinds("Story\n\nHome | News | Business\n\nThe council met on Monday to talk about the new budget plan.\n")[
            "Home | News | Business"
        ]
        == "boilerplate"
    )


def test_a_public_radio_pages_caption_buttons_are_cut_from_its_credits() -> None:
    caption = "A patron browses the shelves at the Riverton public library on March 3."
    text = (
        "A small library becomes the centre of a fight over funding\n\n"
        "March 10, 2026 5:00 AM ET\n\n"
        "By Jane Roe\n\n"
        f"{caption}\n\n"
        "John Doe/AP hide caption\n\n"
        "toggle caption\n\n"
        "John Doe/AP\n\n"
        "The library has one full-time employee, two part-time clerks and a budget that has not grown in years.\n\n"
        "The library's director at her desk. Jane Roe/NPR hide caption\n\n"
        "toggle caption\n\n"
        "Jane Roe/NPR\n\n"
        "County commissioners voted last month to cut the library's funding by a third, starting in July.\n"
    )
    seg = segment(text)
    kinds = _kinds(text)
    assert kinds[caption] == "caption"
    assert kinds["hide caption"] == "boilerplate"
    assert [c.text for c in seg.captions] == [caption, "The library's director at her desk."]
    assert [text[c.start : c.end] for c in seg.credits] == [
        "John Doe/AP",
        "John Doe/AP",
        "Jane Roe/NPR",
        "Jane Roe/NPR",
    ]


def test_a_dated_copyright_of_a_company_on_the_last_line_is_the_storys() -> None:
    notice = "Copyright © 2026 The Riverton Times, LLC."
    text = (
        "Senate panel advances rural broadband bill\n\n"
        "By Jane Roe\n\n"
        "A Senate committee voted on Wednesday to advance a bill that would expand grants for rural broadband.\n\n"
        "The full Senate is not expected to take up the bill before the spring recess.\n\n"
        f"{notice}\n"
    )
    seg = segment(text)
    assert _kinds(text)[notice] == "boilerplate"
    assert seg.credits == () and seg.captions == ()


def test_a_headline_of_two_sentences_over_its_byline_is_the_title() -> None:
    headline = "I quit my well-paid office job to open a bakery. Here's what I learned in the first year."
    text = (
        f"{headline}\n\n"
        "Jane Roe\n"
        "Mar 11, 2026, 7:02 AM ET\n\n"
        "For ten years I worked as a product manager at a software company in Seattle, and I was good at it.\n\n"
        "I liked the work, but by my mid-30s I felt burned out and wanted to make something with my hands.\n"
    )
    seg = segment(text)
    assert seg.title is not None and seg.title.text == headline
    assert [b.text for b in segment(text).blocks if b.kind == "byline"] == ["Jane Roe"]
    paragraph = "For ten years I worked as a product manager at a software company in Seattle, and I was good."
    assert segment(f"{paragraph}\n\nI liked the work, but I was tired.\n").title is None  # no byline under it


@pytest.mark.parametrize(
    "line",
    [
        "Do you have a story to share about changing careers? Contact the reporter at jane@example.com.",
        "Want to join the conversation? Please log in or register to comment on this article.",
        "Join our commenting forum",
        "Don't miss these stories from our markets desk:",
        "Our Standards: The Riverton Trust Principles.",
        "Passend zum Artikel",
        "Mehr zum Thema Verkehr in Zürich",
        "Newsletter: recevez chaque matin l'essentiel de l'actualité",
        "Sujets liés: Genève, Logement, Etudiants",
        "Подписывайтесь на наш канал в Telegram",
        "Receba no seu email o melhor do jornal",
        "Xem thêm: Thành phố lắp thêm 200 camera",
        "Meira: Gos hafið á Reykjanesi",
        "有料会員になると会員限定の有料記事もお読みいただけます。",
        "제보는 카카오톡 okjebo",
        "I dag kl. 09.14",
        "Opdateret i går kl. 22.41",
        "Vandaag, 09:41 • Aangepast vandaag, 11:02",
        "15.03.2026 - 14:20 | Son Güncelleme: 15.03.2026 - 15:05",
        "Updated on: July 2, 2026 / 6:15 PM EDT / Riverton News",
        "Recommended Stories",
        "list of 3 items",
        "end of list",
        "Trending News",
        "Go deeper: Congress puts off the rules again",
        "Most Read from Riverton News",
        "Have a confidential tip for our reporters? Get in Touch",
        "Fehler gefunden? Jetzt melden.",
        "Mehr: Konkurrent hebt die Prognose an",
        "Morning Briefing – Jetzt kostenlos abonnieren",
        "לקריאה נוספת",
        "Sdílet na Facebooku",
        "Підписуйтесь на наш Telegram-канал",
        "Urmărește-ne pe Google News",
        "Ακολουθήστε το στο Google News",
        "Последвайте ни в Google News",
        "تابعونا على تويتر",
        "کانال تلگرام ما را دنبال کنید",
        "Simak berita lainnya di Google News",
        "Tufuate kwenye mitandao ya kijamii",
        "Kövesse az oldalt Facebookon is!",
        "Pratite nas na Facebooku",
        "ΔΙΑΦΗΜΙΣΗ",
        "Oglas",
        "Реклама",
        "إعلان",
        "Mainos (teksti jatkuu alla)",
        "Mohlo by vás zajímat: Dopravní podnik mění jízdní řády",
        "Lue myös: Espoo sulkee koulun",
        "Прочетете още: Нова система за паркиране",
        "Soma pia: Bei ya mafuta yapanda",
        "ΔΙΑΒΑΣΤΕ ΑΚΟΜΗ: Νέα μέτρα για τα ενοίκια",
        "Témata: Praha, MHD",
        "Теги: Київ, транспорт",
        "Etichete: București, transport",
        "Aiheet: Espoo, koulut",
        "2026. március 12., csütörtök 10:24",
        "الخميس 12 مارس 2026 - 10:45 ص",
        "20 березня 2026 р.",
        "12 марта 2026 г.",
        "READ | Municipal debt to the power utility tops R90 billion",
        "Read also | The city sees its warmest March night",
        "Related News",
        "Contact: the.editor@example.com",
        "Got a tip? Send it to us here.",
        "Found a mistake in this article? Report it here.",
        "Show full article",
        "(Except for the headline, this story has not been edited by our staff and is published from a syndicated "
        "feed.)",
        "Author of the article:",
        "Kommentare (14)",
        "Abo+",
        "Teilen",
        "Dieses Thema im Programm:",
        "Der Liveticker wird fortlaufend aktualisiert.",
        "Facebook Twitter Flipboard Send Xing Messenger Bluesky Telegram Threads Whatsapp",
        "Gesponsord",
        "Reageer op dit artikel (231)",
        "Cet article vous a été utile ? Profitez de nos offres d'abonnement",
        "Réagir à cet article",
        "延伸閱讀：長照人力缺口擴大",
        "مزید پڑھیں: شہر میں بجلی کی بندش",
        "विज्ञापन",
        "বিজ্ঞাপন",
        "اشتہار",
        "Riverton'ı Google News'te takip edin",
        "訂閱電子報",
        "この記事は有料記事です。残り812文字",
        "Madrid, 05.03.2026 - 12:41h",
        "Sevilla Creado: 10.03.2026 17:03 Última actualización: 10.03.2026 19:15",
        "リバートン新聞に掲載の記事・写真の無断転載を禁じます。",
        "© Copyright 2026 Riverton Medya Grubu. Tüm hakları saklıdır.",
        "جملہ حقوق محفوظ ہیں © روزنامہ ریورٹن",
        "Jetzt Riverton Plus testen",
        "Zeitung Plus: Jetzt 4 Wochen gratis testen",
        "BZ-Abo",
        "Audio herunterladen (2,1 MB | MP3)",
        "Sendung vom Di., 17.3.2026 6:30 Uhr, Radio Riverton",
        "Ende des Audiobeitrags",
        "Artikel verschenken",
        "Ressort: Freiburg",
        "Über die Autorin",
        "Verwendete Quellen: Instagram, eigene Recherche",
        "Dieser Artikel enthält Affiliate-Links. Bei einem Kauf über diese Links bekommt der Verlag eine kleine "
        "Provision.",
        "Join our Riverton Live WhatsApp community for the latest news",
        "Download the KRVT 6 app for breaking news alerts.",
        "Recibí las noticias más importantes del día en tu mail.",
        "Filed under: Senate, Agriculture, Farm Bill",
        "Report this comment",
        "Märksõnad: Tallinn, liiklus",
        "Tēmas: Rīga, satiksme",
        "Žymės: Vilnius, transportas",
        "Tematy: Kraków, transport",
        "Címkék: Budapest, közlekedés",
        "Teme: Ljubljana, promet",
        "Tagovi: Zagreb, promet",
        "Kommentera (14)",
        "Artikli kommentaarid (18)",
        "Diskuse (87 příspěvků)",
        "Lue lisää: Hirvikanta kasvaa Pohjois-Karjalassa",
        "Prečítajte si aj: Mesto zvýši ceny parkovania",
        "Auglýsing",
        "Reklaam",
        "Reklāma",
        "Zapisz się na newsletter – codziennie rano najważniejsze wiadomości",
        "Támogasd a lapot!",
        "2026 m. kovo 13 d. 11:05",
        "Publikované 13. mar 2026 o 7:30",
        "© Riverton list 2026. Sva prava pridržana.",
        "Zdieľať",
        "Dalintis",
        "Podijeli",
        "Megosztás",
        "Paylaş",
    ],
)
def test_promotions_tip_lines_related_links_and_date_lines_in_more_forms_are_furniture(line: str) -> None:
    kinds = _kinds(_council_page(middle=line, byline=""))
    assert kinds[line] == "boilerplate"
    assert list(kinds.values()).count("boilerplate") == 1


def test_a_spokesman_declining_to_comment_on_this_article_is_still_the_story() -> None:
    line = "A spokesman for the council declined to comment on this article when reached on Friday."
    text = f"Council approves cycle lanes\n\nThe council approved the lanes on Thursday.\n\n{line}\n"
    assert _kinds(text)[line] == "body"


def test_the_items_under_a_key_points_label_are_no_lead_pictures_caption() -> None:
    points = ["The cyclone made landfall near Bowen as a category three system", "Thousands of homes lost power"]
    text = (
        "Cyclone crosses the Queensland coast\n\n"
        "By Jane Roe\n\n"
        "Posted 3h ago\n\n"
        "Key points:\n\n"
        f"{points[0]}\n\n"
        f"{points[1]}\n\n"
        "The cyclone has crossed the north Queensland coast near Bowen, bringing destructive winds and rain.\n\n"
        "The Bureau of Meteorology said gusts of up to 170 kilometres per hour were recorded overnight.\n"
    )
    seg = segment(text)
    assert seg.captions == ()
    assert [_kinds(text)[p] for p in points] == ["standfirst", "standfirst"]


@pytest.mark.parametrize(
    ("block", "credit", "caption", "creators", "source"),
    [
        (
            "記者会見する知事=15日午後、東京都新宿区、佐藤花子撮影",
            "佐藤花子撮影",
            "記者会見する知事=15日午後、東京都新宿区",
            ("佐藤花子",),
            None,
        ),
        (
            "再開発が進む高層ビル群＝東京都千代田区（共同）",
            "共同",
            "再開発が進む高層ビル群＝東京都千代田区",
            (),
            "Kyodo",
        ),
        (
            "記者会見する首相＝15日、首相官邸で（ロイター）",
            "ロイター",
            "記者会見する首相＝15日、首相官邸で",
            (),
            "Reuters",
        ),
    ],
)
def test_a_japanese_captions_credit_follows_its_when_and_where(
    block: str, credit: str, caption: str, creators: tuple[str, ...], source: str | None
) -> None:
    found = find_inline_credit(block)
    assert found is not None
    assert block[found.start : found.end] == credit
    assert block[: found.caption_end] == caption
    parsed = read_credit(credit).parsed
    assert (parsed.creators, parsed.source) == (creators, source)
    assert find_inline_credit("円相場は1ドル＝150円台で推移した。（共同）") is None  # a story's paragraph and its wire


def test_the_korean_wires_dateline_opens_the_lede_and_names_its_reporter() -> None:
    lede = "(서울=연합뉴스) 홍길동 기자 = 서울시는 심야 자율주행 버스 운행 노선을 내년부터 3개 추가한다고 15일 밝혔다."
    text = (
        "서울시, 내년부터 심야 자율주행 버스 3개 노선 확대\n\n"
        f"{lede}\n\n"
        "현재 운행 중인 심야 자율주행 버스는 지난해 12월 운행을 시작한 이후 누적 승객 2만 명을 넘었다.\n\n"
        "시는 안전요원이 탑승한 상태로 운행하며, 요금은 당분간 무료로 유지할 계획이다.\n"
    )
    seg = segment(text)
    assert _kinds(text)[lede] == "body"
    assert [text[b.start : b.end] for b in seg.bylines] == ["홍길동"]
    assert dateline_end("(세종=연합뉴스) 김철수·이영희 기자 = 정부는") == len("(세종=연합뉴스) 김철수·이영희 기자 = ")


def test_an_officials_party_in_brackets_is_no_position_in_a_picture() -> None:
    lede = "Gov. Jane Roe (R) on Thursday signed a bill that bans phones in the state's schools from next autumn."
    caption = "Jane Roe (R) greets John Doe at the summit in Riverton on Monday."
    text = (
        "Governor signs school phone ban\n\n"
        "By John Doe\n\n"
        f"{lede}\n\n"
        "The law requires students to keep their phones in lockers during the school day, officials said.\n\n"
        f"{caption}\n\n"
        "Teachers' unions welcomed the law, while some parents said they worried about emergencies.\n"
    )
    kinds = _kinds(text)
    assert kinds[lede] == "body"
    assert kinds[caption] == "caption"


def test_credits_with_a_broadcaster_in_square_brackets_or_a_file_remark_close_their_captions() -> None:
    block = "Residents wade through floodwater in Maiduguri, Borno State [Jane Roe/Al Jazeera]"
    found = find_inline_credit(block)
    assert found is not None and block[found.start : found.end] == "Jane Roe/Al Jazeera"
    parsed = read_credit("Jane Roe/Al Jazeera").parsed
    assert (parsed.creators, parsed.source) == (("Jane Roe",), "Al Jazeera")
    parsed = read_credit("John Doe / Getty Images file").parsed
    assert (parsed.creators, parsed.source) == (("John Doe",), "Getty Images")


def test_a_copyright_with_its_year_after_the_name_on_the_last_line_is_the_storys() -> None:
    notice = "Copyright © The Riverton Times, 2026"
    text = _council_page(last=notice, byline="")
    seg = segment(text)
    assert _kinds(text)[notice] == "boilerplate"
    assert seg.credits == () and seg.captions == ()


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Par Claire Vasseur et Antoine Delmas (Lyon, correspondant)", ["Claire Vasseur", "Antoine Delmas"]),
        ("Von Katrin Wendler (Bautzen)", ["Katrin Wendler"]),
        ("By Jane Miller (Washington)", ["Jane Miller"]),
    ],
)
def test_a_place_in_brackets_after_the_writer_is_no_part_of_her_name(line: str, names: list[str]) -> None:
    text = _council_page(byline=line)
    seg = segment(text)
    assert [text[b.start : b.end] for b in seg.bylines] == names


def test_editors_initials_then_two_wires_sign_off_the_story() -> None:
    last = "Die Gewerkschaft will die Streiks fortsetzen, bis die Bahn ein neues Angebot vorlegt."
    text = (
        "Die Lokführer streiken ab Mittwoch wieder im Personenverkehr\n\n"
        "Die Gewerkschaft hat ihre Mitglieder erneut zum Streik aufgerufen, diesmal für drei Tage.\n\n"
        "Die Bahn nannte den Streik unverhältnismäßig und kündigte einen Notfahrplan für den Fernverkehr an.\n\n"
        f"{last}\n\n"
        "lha/jbr/dpa/Reuters\n"
    )
    seg = segment(text)
    assert _kinds(text)[last] == "body"
    assert seg.captions == ()
    assert [text[b.start : b.end] for b in seg.bylines] == ["dpa"]


def test_a_correction_above_the_headline_leaves_the_headline_the_title() -> None:
    headline = "Riverton hospital to close its maternity ward amid staffing shortage"
    text = (
        "Correction: An earlier version of this article misstated the number of beds at the hospital.\n\n"
        f"{headline}\n\n"
        "By Jane Roe\n\n"
        "Riverton General Hospital will close its maternity ward at the end of April, hospital officials said.\n\n"
        "Expectant parents will be referred to a medical centre about 35 miles away, the hospital said.\n\n"
        "This story has been updated to include comment from the state nurses' union.\n"
    )
    seg = segment(text)
    kinds = _kinds(text)
    assert seg.title is not None and seg.title.text == headline
    assert kinds["This story has been updated to include comment from the state nurses' union."] == "editor_note"


def test_a_wires_copyright_sign_off_keeps_the_last_paragraph_the_storys() -> None:
    last = "El plan se financiará en parte con fondos europeos."
    text = (
        "El Gobierno aprueba un plan de ayudas para el campo\n\n"
        "Madrid, 12 mar (EFE).- El Consejo de Ministros aprobó este martes un plan de ayudas de 400 millones de "
        "euros para los agricultores afectados por la sequía.\n\n"
        "Las organizaciones agrarias valoraron positivamente la medida, aunque reclamaron más fondos.\n\n"
        f"{last}\n\n"
        "(c) Agencia EFE\n"
    )
    seg = segment(text)
    assert _kinds(text)[last] == "body"
    assert seg.captions == () and seg.credits == ()


def test_a_live_blogs_first_entry_is_no_item_of_its_key_events_list() -> None:
    entry = "Prime minister concedes seat"
    text = (
        "Live: Election night results as polls close\n\n"
        "By Jane Roe and John Doe\n\n"
        "Key events\n\n"
        "Exit poll suggests no party will win a majority\n\n"
        "Turnout estimated at 68%, highest since 1992\n\n"
        "23:48 GMT\n\n"
        f"{entry}\n\n"
        "The prime minister has lost his own seat by fewer than 400 votes, the returning officer announced.\n\n"
        "22:15 GMT\n\n"
        "Turnout high in urban areas\n\n"
        "Officials in the capital said turnout had passed 70 percent an hour before the polls closed.\n"
    )
    assert _kinds(text)[entry] != "boilerplate"


def test_a_writer_with_the_wires_copy_is_the_writer_and_a_hungarian_cover_picture_label_credits() -> None:
    text = (
        "Governo aprova novo plano para a habitação\n\n"
        "Rita Carvalho com Lusa\n\n"
        "O Governo aprovou esta quinta-feira um novo plano para a habitação, com medidas para os jovens.\n\n"
        "A oposição criticou o plano e disse que as medidas chegam tarde demais para muitas famílias.\n"
    )
    seg = segment(text)
    assert [text[b.start : b.end] for b in seg.bylines] == ["Rita Carvalho"]
    parsed = read_credit("Címlapkép: MTI/Rosta Tibor").parsed
    assert (parsed.creators, parsed.source) == (("Rosta Tibor",), "MTI")


def test_a_headline_under_a_video_label_on_the_first_line_is_the_title() -> None:
    headline = "WATCH: Governor walks out of the budget hearing after a heated exchange"
    text = (
        f"{headline}\n\n"
        "Posted by Jane Roe | May 5, 2026 | 10:18 AM\n\n"
        "The governor left the hearing on Tuesday after a heated exchange with two members of the committee.\n\n"
        "Aides said she had another appointment, but the committee's chairman called the walkout a stunt.\n"
    )
    seg = segment(text)
    assert seg.title is not None and seg.title.text == headline
    kinds = _kinds(text)
    assert (
        kinds["The governor left the hearing on Tuesday after a heated exchange with two members of the committee."]
        == "body"
    )


def test_a_papers_own_file_picture_and_a_representational_remark() -> None:
    block = "A view of the pumping station near the city. — Riverton Herald/File"
    found = find_inline_credit(block)
    assert found is not None and block[found.start : found.end] == "Riverton Herald/File"
    assert read_credit("Riverton Herald/File").strength == Strength.MEDIUM
    assert read_credit("Representational").strength == Strength.NONE  # a stock picture, no one's credit


@pytest.mark.parametrize(
    "header",
    [
        "Startseite\nNews\nRegional\n\nDRAMA AUF DER A7",
        "Startseite\nInland\nGesellschaft\n\nStand: 12.03.2026 14:32 Uhr",
        "Bundesliga\n25. Spieltag\n\nSPIELBERICHT",
    ],
)
def test_section_labels_kickers_and_a_date_line_above_the_headline_leave_it_the_title(header: str) -> None:
    headline = "Lkw kracht in ein Stauende und drei Menschen werden verletzt"
    text = (
        f"{header}\n\n{headline}\n\n"
        "Von Jana Kröger\n\n"
        "Ein Sattelzug ist am Mittwochmorgen ungebremst in ein Stauende gerast und hat zwei Autos "
        "ineinandergeschoben.\n\n"
        "Die Autobahn war bis zum Mittag in Richtung Norden gesperrt, der Stau reichte zwölf Kilometer weit.\n"
    )
    seg = segment(text)
    assert seg.title is not None and seg.title.text == headline


def test_a_stock_pictures_label_before_its_description_opens_a_caption_not_a_credit() -> None:
    assert read_credit("Symbolbild: Radfahrer auf einer Düsseldorfer Straße.").strength == Strength.NONE
    assert read_credit("Symbolfoto: picture alliance/dpa").parsed.source == "dpa"


def test_a_newsrooms_name_before_the_wire_signs_the_story_off() -> None:
    last = "Der Städtetag fordert zusätzliches Geld vom Bund für den Ausbau der Ganztagsbetreuung an Grundschulen."
    text = (
        "Kommunen warnen vor Finanzlücke bei der Ganztagsbetreuung\n\n"
        "Die Städte und Gemeinden sehen sich beim Ausbau der Ganztagsbetreuung für Grundschüler überfordert.\n\n"
        "Ab 2026 haben Eltern einen Rechtsanspruch auf einen Ganztagsplatz für ihr Kind in der ersten Klasse.\n\n"
        f"{last}\n\n"
        "RND/dpa\n"
    )
    seg = segment(text)
    assert _kinds(text)[last] == "body"
    assert seg.credits == ()
    assert [text[b.start : b.end] for b in seg.bylines] == ["dpa"]


@pytest.mark.parametrize(
    "header",
    [
        "Lesen Sie auch",
        "Mehr zum Thema Digital:",
        "Related News",
        "Más información",
        "La rédaction vous conseille",
        "Meer over",
        "Ultima ora",
        "関連ニュース",
        "Berita Berkaitan",
        "متعلقہ خبریں",
        "Mehr aus Karlsruhe",
        "Mehr zur Bundesliga",
        "Weitere Nachrichten aus der Politik",
        "Mirá también",
        "Seguir leyendo:",
        "Aiheesta muualla",
        "Tengdar fréttir",
        "Čtěte také",
        "Kapcsolódó cikkek",
        "Ämnen i artikeln",
    ],
)
def test_a_related_stories_header_makes_the_line_under_it_a_link(header: str) -> None:
    link = "So nutzt man das Bezahlsystem im Ausland"
    text = (
        "Die Stadt baut neue Radwege entlang der Hauptstraße\n\n"
        "Die Stadt hat am Dienstag den Bau von fünf Kilometern neuer Radwege entlang der Hauptstraße "
        "beschlossen.\n\n"
        f"{header}\n\n{link}\n\n"
        "Der Bau soll im Frühjahr beginnen und bis zum Herbst abgeschlossen sein, teilte die Verwaltung mit.\n"
    )
    kinds = _kinds(text)
    assert kinds[header] == "boilerplate"
    assert kinds[link] == "boilerplate"


def test_a_headline_in_capitals_over_its_lede_stays_the_title() -> None:
    headline = "DOCK STRIKE SPREADS TO RIVERTON"
    text = (
        f"{headline}\n\n"
        "Dock workers in Riverton walked out on Monday, spokesman John Doe told reporters.\n\n"
        "Doe said the strike at the port would last a week.\n"
    )
    seg = segment(text)
    assert seg.title is not None and seg.title.text == headline


@pytest.mark.parametrize(
    ("line", "names"),
    [("Oleh Ahmad Faizal Hassan", ["Ahmad Faizal Hassan"]), ("Penulis Rizky Pratama", ["Rizky Pratama"])],
)
def test_an_indonesian_or_malay_opener_without_its_colon_before_a_name(line: str, names: list[str]) -> None:
    text = (
        "Banjir melanda tiga desa di Riverton\n\n"
        f"{line}\n\n"
        "Banjir besar melanda tiga desa di Riverton pada Sabtu pagi setelah hujan deras sepanjang malam.\n\n"
        "Ratusan warga dievakuasi ke balai desa dan sekolah terdekat oleh petugas pemadam kebakaran.\n"
    )
    seg = segment(text)
    assert [text[b.start : b.end] for b in seg.bylines] == names


def test_a_paper_whose_name_opens_with_an_article_before_its_photographer_credits() -> None:
    reading = read_credit("Le Parisien/Nadia Benali")
    assert reading.strength == Strength.MEDIUM
    assert (reading.parsed.creators, reading.parsed.source) == (("Nadia Benali",), "Le Parisien")


def test_a_visualisation_label_credits_and_a_place_and_date_in_brackets_are_no_source() -> None:
    assert read_credit("Visualisierung: Stadt Luzern").parsed.source == "Stadt Luzern"
    parsed = read_credit("Bild: Jane Roe (Luzern, 16. März 2026)").parsed
    assert (parsed.creators, parsed.source) == (("Jane Roe",), None)
    assert read_credit("Foto: Jane Roe (dpa)").parsed.source == "dpa"


def test_a_papers_name_with_a_word_promotions_use_is_no_promotion() -> None:
    caption = "Parents hold signs outside the school board meeting on Tuesday."
    text = (
        "The Riverton Register\n\n"
        "School board votes to close two elementary schools\n\n"
        "Jane Roe\n\n"
        "The Riverton school board voted 5-2 on Tuesday to close two elementary schools at the end of the year.\n\n"
        f"{caption}\n"
        "John Doe/The Riverton Register\n\n"
        "Parents who spoke at the meeting said the closures would mean longer bus rides for their children.\n"
    )
    seg = segment(text)
    assert [text[b.start : b.end] for b in seg.bylines] == ["Jane Roe"]
    assert [c.text for c in seg.captions] == [caption]
    assert [text[c.start : c.end] for c in seg.credits] == ["John Doe/The Riverton Register"]


def test_one_paragraph_between_two_prompts_is_the_storys() -> None:
    paragraph = "Services resumed shortly before 8pm, with some delays expected to last into Friday morning."
    text = (
        "Trams suspended after a power failure in the city centre\n\n"
        "By Jane Roe\n\n"
        "Tram services across the city centre were suspended for three hours on Thursday after a power failure.\n\n"
        "A spokesperson for the operator apologised for the disruption and said engineers had found the fault.\n\n"
        "Join our WhatsApp community\n\n"
        f"{paragraph}\n\n"
        "Read more: Bus fares to rise in April, mayor confirms\n\n"
        "Sign up to our daily newsletter\n"
    )
    assert _kinds(text)[paragraph] == "body"


def test_a_byline_opener_glued_to_the_name_and_a_picture_special_to_the_paper() -> None:
    text = _council_page(byline="ByJane Roe")
    assert [text[b.start : b.end] for b in segment(text).bylines] == ["Jane Roe"]
    parsed = read_credit("John Doe/Special to the Gazette").parsed
    assert (parsed.creators, parsed.source) == (("John Doe",), "Gazette")


@pytest.mark.parametrize(
    "note",
    [
        "Artiklen er opdateret kl. 09.15 med kommentar fra regionen.",
        "Fréttin hefur verið uppfærð.",
        "Dit artikel is bijgewerkt met een reactie van de gemeente.",
    ],
)
def test_a_note_that_the_story_was_updated_in_more_languages_is_an_editors_note(note: str) -> None:
    assert _kinds(_council_page(last=note, byline=""))[note] == "editor_note"


@pytest.mark.parametrize("heading", ["Plus de 300 blessés", "Más de 40 heridos", "Mehr Geld für Schulen"])
def test_a_heading_that_opens_like_a_section_header_but_counts_is_no_teaser_header(heading: str) -> None:
    assert not boilerplate.is_teaser_header(heading)
