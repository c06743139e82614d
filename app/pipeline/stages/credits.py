"""Credits stage: every credit segmentation found, with the IPTC terms (creators, source, credit line) that
segmentation parsed when it recognised it; the stage publishes them with their caption links."""

from __future__ import annotations

from app.pipeline.concurrency import WorkerPool
from app.pipeline.document import CreditSpan, Doc, ImageCredit
from app.pipeline.stage import RuleStage


def _parse_all(spans: tuple[CreditSpan, ...]) -> tuple[ImageCredit, ...]:
    out = []
    for span in spans:
        parsed = span.parsed  # parsed once, by segmentation, when it recognised the credit
        out.append(
            ImageCredit(
                raw=span.raw,
                start=span.start,
                end=span.end,
                creators=parsed.creators,
                source=parsed.source,
                credit_line=parsed.credit_line,
                caption_index=span.caption_index,
                block_index=span.block_index,
                standalone=span.standalone,
            )
        )
    return tuple(out)


class CreditsStage(RuleStage):
    name = "credits"
    version = "1.24.0"  # 1.24: a results table's row ("6. Name - Name ( Country ) 14") or a line with a telephone
    # number ("Newsdesk - 312-408-8787") is no credit; 1.23: a person's name before a place in brackets ("Name
    # (Croatia)", "Name (Rennes)") is no credit: a player and his country or club, not a photographer and his agency;
    # 1.22: an agency and its photo label before the photographer without a slash ("BELGA PHOTO DIRK WAEM", "ANP PHOTO
    # Name") reads as the agency and its photographer (it was one source name); 1.21: a role beside an agency
    # ("Handout/AFP", "Pool via REUTERS", "Supplied/AAP") names the agency as the source (the role was the source);
    # 1.20: Reuters in Hebrew, Hindi, Russian and Chinese script; Tagalog "Larawan mula sa PNA", "Kuha ni Name"; 1.19:
    # local papers' forms: "Photo via Instagram", "Image via Riverton Council" (the source after "via"; it was "Photo"),
    # "Contributed photo", "Submitted photo", "Courtesy photo" (a credit without a name), "Google Maps", "Google Street
    # View", "Photo illustration by Name"; 1.18: a label without its colon before a photographer's name whose first word
    # is a given name ("Photo Jean Dupont", "Beeld Jan de Vries") is a credit ("Bild Hamburg Süd" is not); 1.17: archive
    # labels with or without their colon ("Photo d'archives AFP", "Foto de archivo EFE", "Arkivfoto: NTB"); Korean
    # "연합뉴스 제공" ("provided"); "Screenshot:" a label; "Divulgação/Netflix", "Reprodução/Instagram": the owner after
    # them is the source; "EPA PHOTO/Name": the agency; institutions ("Stadt Köln", "Kantonspolizei Zürich", "NCA
    # NewsWire") are sources, not photographers; 1.16.1: "Supplied" opens an owner only with a colon or "by" ("Supplied
    # via AAP" had the source "via AAP" since 1.15); 1.16: a newspaper's name after the photographer is the source
    # ("Jane Doe/Riverton Ledger", "/Daily Mail": gazette, tribune, chronicle, ledger ... are organisation words; the
    # paper was a second photographer); 1.15: "Name © Agency" names the photographer and the agency (Danish papers);
    # "Supplied:" and "Courtesy:" with a colon before the owner; Cyrillic spellings of RIA Novosti, Ukrinform, UNIAN,
    # Interfax, Tanjug, BelTA (RIA Novosti was a photographer); 1.14: a name and a bare city after a bar is no credit
    # ("Jane Roe | Madrid"); a Chinese photographer's credit may end with the day it was taken ("中央社記者王飛華攝
    # 115年11月14日"), and full-width brackets around a credit are brackets; 1.13: a credit whose name alone says
    # nothing of what it is (a caseless script's agency, "ფოტო: ინტერპრესნიუსი") is read with the label its raw text
    # leaves out (its source was empty); 1.12: an ellipsis after the label ("Credit...Doug Mills/The New York Times":
    # "Credit...Doug Mills" was the creator); a photographer and a picture source after a comma ("Scott Olson, Getty
    # Images", "Jane Doe, USA TODAY NETWORK"; not a wire: "Jane Roe, Reuters" is a byline); 1.11: "Photographer:" is a
    # credit label ("Photographer: Al Drago/Bloomberg" had no creator); 1.10: credit labels in Bengali, Persian, Urdu,
    # Swahili, Malay, Tagalog, Georgian, Basque and Welsh ("ছবি:", "عکس:", "Picha:"); Swahili "Maktaba" is a remark;
    # 1.9: a Dutch label without a colon before a name and an agency ("Foto Robin van Lonkhuijsen/ANP": "Foto" was part
    # of the name); Bulgarian "Снимка:"; BGNES, ACN, "БТА"; initials and one name are a photographer ("R. Ragu");
    # "Special Arrangement", "Handout" and the other private sources are nobody's name; "PHOTO | FILE" names no owner;
    # "SUPPLIED" alone under a description credit it; a desk editor's initials after a credit are no part of it ("ANTARA
    # FOTO/Aji Styawan/nym.": the caption and its credit were body), nor is a year after a name ("© ANTARA 2026"); 1.8:
    # a bar after the label ("PHOTO | FILE | NATION MEDIA GROUP": "PHOTO" was the source); a grab or a file picture
    # after any source ("DawnNewsTV screengrab", "Star file photo"); Lithuanian "nuotr." after the source ("Name/BNS
    # nuotr."); "Agencia", "Agence", "Agentur" name organisations, not people ("Foto: Agencia Uno"); private archives
    # ("Foto: Archivo particular"); a Japanese caption's agency after its date and place ("...、ロイター"); more
    # national wires (BNS, LETA, ELTA, Andina, Colprensa, APP, BSS, NAN, VNA, CNA "中央社", MENA, WAFA, SPA, NNA) and
    # the Arabic and Hindi names of wires ("رويترز", "أ.ف.ب", "पीटीआई"); Greek and Israeli picture agencies
    # (Eurokinissi, Intime News, Flash90); "La Presse Canadienne" is The Canadian Press; "Photo provided by X"; 1.7:
    # Chinese credits: the photographer who took it ("新华社记者 赵强 摄": creator 赵强, source Xinhua; "本报记者
    # 李华摄": the paper's own) and Chinese labels ("图片来源：视觉中国"); Czech labels ("Ilustrační foto:"); a
    # copyright mark written "(c)" opens the credit ("(c) APA/Name": it was read as a bracket); a first initial before
    # the photographer's names ("AP Photo/J. Scott Applewhite"); a second, abbreviated label after the first ("Foto:
    # Dok. Kementerian PU"); a labelled credit that names no person or organisation keeps its text as source and credit
    # line ("Фото: пресс-служба Минтранса" had neither); the circled "ⓒ" mark; the photographer for a publication in
    # French, Spanish, Italian, Dutch, Portuguese and Scandinavian ("Jean Dupont pour « Le Monde »"); a copyright word
    # opens a credit as the mark does ("Copyright Name/AP", "Droits d'auteur © Euronews"), but never an article's rights
    # notice; "Name / For The Times" is commissioned by The Times; "File Photo", "Archiv", "Archivo" after a credit are
    # remarks, not owners (`vocab.CREDIT_REMARKS`); a label after the source ("Bernama pic", "INQUIRER.net file photo");
    # "Photo from Name"; a Chinese label before a full-width slash ("圖／取自行政院臉書"); a label before the copyright
    # mark ("Bild © picture alliance/dpa": "Bild" was read as an owner); a picture released by a Chinese agency
    # ("新华社发", "新华社发（王五摄）"); 1.6: a label before a courtesy line ("Photo courtesy of Name"); "Name on
    # Unsplash" is the photographer and the library; a labelled description with its own credit label is a caption with
    # its credit ("[Image: The office. Credit: Getty Images]"), not a credit; credit labels in Turkish, Hungarian,
    # Romanian, Greek and Ukrainian ("Fotoğraf: AA"); a publication's name before the label is the source ("Express
    # photo by Name", "ST PHOTO: NAME"); a photographer's post where an agency would stand ("Name / Staff
    # Photographer"); a credit after a spaced hyphen ("... square - Getty Images"); a label before a bracketed agency
    # opens the credit ("Foto: Name (EFE)": the label and name stayed in the caption); a photographer's name alone after
    # a one- or two-sentence description ("... en La Moncloa. Claudio Álvarez"; the first word a given name of the name
    # lists); 1.5: a bracket that opens with a number holds no source ("Name ( 28th )" is a scorer); 1.4: a first name
    # that is also a month is a name ("Jan Woitas/dpa", "April Dunn/Getty Images" had no creator, or the person as the
    # source); more national news agencies (STT, ANA-MPA, Bernama, Antara, IRNA ...) and picture agencies (GEPA, EXPA,
    # Eibner, Bildbyrån, MAXPPP ...) in the source table; 1.3: a bracketed remark after a known source is no part of it
    # ("dpa (Archivbild)" -> dpa), "AFP (Getty)" reads as AFP via Getty Images (the source was "AFP (Getty"), image
    # generators are sources ("Bild: Midjourney"); a business's name is a source, not a creator ("(Coastal Homes Estate
    # Agents)"); 1.2: "Foto: Name (Agency)" reads Name as the creator and Agency as the source; a label before a known
    # agency needs no colon ("Foto ANSA/Name"); read by segmentation, published here
    requires = frozenset({"credit_spans"})
    provides = frozenset({"image_credits"})

    def __init__(self, pool: WorkerPool) -> None:
        self._pool = pool

    async def run(self, doc: Doc) -> None:
        doc.image_credits = await self._pool.run(_parse_all, doc.credit_spans)
