"""Segmentation stage: blocks, title, bylines, captions and the credit spans they carry."""

from __future__ import annotations

from app.pipeline.concurrency import WorkerPool
from app.pipeline.document import Doc, DocWarning
from app.pipeline.stage import RuleStage
from app.text.layout.lines import MARKUP_COUNT_LIMIT, markup_tags
from app.text.segment import segment

# tags from which a text is taken for markup sent by mistake (a "<3" or one quoted tag in prose is not)
MARKUP_WARNING_TAGS = 3


class SegmentStage(RuleStage):
    name = "segment"
    version = "2.57.0"  # 2.57: a headline or heading holding a word promotions also use ("Nepal offers to talk to ...",
    # "Donations poured in after the fire", "Registered voters ...") is no promotion: such words alone make one only of
    # a line of up to four words or one with a link; 2.56: a pollster's row ("Elect Res Aug 23 41.0 35.0 5.0") and a
    # place ("Costa Rica and Chile", "NEW YORK , Aug 27") under the headline are no byline; 2.55: a short name over a
    # bulleted list ("MAARIV" / "- Netanyahu opposes ...", a press review's newspaper over its stories) is a heading,
    # not a picture's credit, and the item above it no caption; 2.54: a results, standings or poll row ("Rovers
    # Wednesday 3 3 0 0 6 2 9", "Kantar May 23 38.0 37.0 7.0", a lap time "38:34.999", a ranking's "1. Name 8:22:00") is
    # no date line, and a player with his country or club in brackets ("Name ( Sweden )") is no picture credit: their
    # names were kept from the entities; 2.53.1: in a wrapped text a credit that ends in a known agency does not read on
    # into the next line ("Photo by Name/Bloomberg" / "Article content"), and 2.52's organisation no list knows is one
    # word ("Name/Bloomberg Article" read as one when the join asked); 2.53: a line that opens with a caption label but
    # says "we" or "you" ("Below, as ..., we look at why ...") is the story's, not a caption; 2.52: a credit naming an
    # agency no list knows, where the page marks it as one: after a photographer whose first name is one, glued to a
    # caption ("... Jane Roe/Nordpress"), in capitals glued to the caption's full stop ("...Qatar.NORDPRESS") or before
    # a slash and a name ("NORDPRESS/ Name"), after the Japanese credit mark ("...＝ノルドプレス"); an author box's
    # "MEHR" button is no credit; 2.51: a line or two of furniture (an ad, a "read more" link) between a caption and the
    # paragraph beside it does not part them (captions of a player and his team, of a bracketed name, an orphan line); a
    # caption holding its credit ends a list of links to other stories; 2.50: a byline and the article's date after a
    # bar or slash ("Jane Roe | 5 May 2026, 10:24") is no picture credit (a date or a time is no source); a date line's
    # part that is a news agency ("dpa | 5 May 2026") or a name opening with a month that is a first name ("Jan Roe |
    # ...") is the byline; 2.49: an agency and its photographer after a slash glued to a caption: a picture agency by
    # its name ("... Fashion Week GC Images/Name") or an agency glued to the caption's full stop ("...
    # Klinik.dpa/Name"); "Legende:" and "Bildlegende:" are German caption labels; 2.48: a picture's caption and credit
    # printed as one paragraph of two lines (set off by blank lines) belong together, whichever line is on top: the
    # credit line credits that caption (a caption of up to four sentences, a caption shaped like a heading, the lead
    # picture right under the headline: it was the standfirst), the caption is no paragraph ending the page's header,
    # the names under such a credit are the pictured (they were the byline), a byline over it stays the byline, a list
    # of other stories ends at it, and a header that prints one has no uncredited lead picture; a known agency after a
    # caption with only a space between ("... on Thursday night Getty Images", "... REUTERS", "... AFP via Getty
    # Images") is its credit; 2.47.1: a text without its headline that opens with a date line holding its author ("27.
    # Januar 2026 • Name • 3 Minuten") or a bare "von" has no title; 2.47: the headline printed again on the line under
    # it (a page's title and its headline) is furniture, rule title_repeated (it was the standfirst, and the real
    # standfirst under it became the lead picture's caption); 2.46.1: the spaces read as plain spaces are declared once,
    # beside the quoting's (sentences.plain; Ogham, en and em quads and the line and paragraph separators join them);
    # 2.46: a text exported without its headline that opens with a sentence over a credit line ("... vote on Tuesday." /
    # "Foto: Name/dpa") has no title (the caption was the title); 2.45.3: a lower-case byline on the line under the
    # headline ("by Name Dec. 5, 2026", "von Name", "von" alone) is not joined to the headline as its last line (one
    # line break a paragraph: the headline took in the byline); 2.45.2: in a wrapped text without blank lines every join
    # needs the next word not to have fitted on the line (a headline took in the line under it); 2.45.1: a headline in
    # capitals that reads like a byline ("VON MÜNCHEN BIS AACHEN: ...") stays the title (2.45 made it a byline); 2.45: a
    # text exported without its headline that opens with its byline ("By Jane Roe", "Von: Name", "Kommentar von Name", a
    # name beside the date line) has no title (the byline was the title and no byline was found); 2.44: a text exported
    # without its headline that opens with its lead picture's caption and credit ("... Foto: Editpress/Name", "...
    # (Picture: Name/AP)") has no title (the caption was the title); 2.43: spaces of another width (no-break "&nbsp;",
    # narrow, thin, zero-width, a byte-order mark) are read as spaces by every rule ("Haus.\u00a0Keystone/AP/Name" was
    # no caption's credit), and every text the document quotes is the text as given: a block joined from wrapped lines
    # keeps its line breaks (2.41 quoted them as spaces); 2.42: a video widget ends at its source line ("Video | title"
    # / "Player wird geladen" / "Quelle: t-online"): the story paragraph after it is body (it was taken for the video's
    # description and lost); 2.41: text wrapped at a fixed width (a wire feed, a newsletter, a PDF's text) is read in
    # its paragraphs: a line the wrap pushed onto its own joins its paragraph whatever word starts it, a credit the wrap
    # cut ("(AP" / "Photo/Jane Roe)") is one credit (the lines were headings, bodies and stray credits); a news agency
    # alone under a byline ("By JANE ROE" / "Associated Press") is the writer's wire, a byline (it was a picture
    # credit); 2.40: date lines with a clock written "14h30", in Korean ("2026년 12월 5일 14:30") and with an Arabic
    # month ("5 ديسمبر 2026") are furniture (they were the standfirst or a heading); 2.39: a caption saying where people
    # stand, in more languages ("(l.)", "Von links:", "De izquierda a derecha,", "(t.v.)", "(z lewej)", "(vlevo)",
    # "(слева)", "(solda)"), is a caption (it was body); 2.38: a player's buttons in more languages ("Play Video",
    # "Video abspielen", "Lire la vidéo", "Reproducir vídeo", "Artikel anhören", "Listen to this story") are furniture
    # (they were headings); 2.37: wire datelines in more forms are read ("MADRID, 5 Dic. (EUROPA PRESS) -", "ROMA, 05
    # DIC -", "OSLO (NTB):", "PRAHA (ČTK) -", "Kyiv, 5 December 2026 (Ukrinform) –"); 2.36: a wire's lede whose place
    # and agency read as a name ("ANKARA (AA) - Belediye meclisi ... onayladı.", "PRAHA (ČTK) - ...", "BUDAPEST (MTI) -
    # ...") is body: a sentence of six words or more after a name's separator is no byline title (the lede was a byline
    # and lost); 2.35: footer lines in more languages are furniture (legal links "Impressum", "Mentions légales", "Aviso
    # legal"; tags "Etiquetas:", "Emner:"; "Mehr aus dem Ressort"; "Teilen auf Facebook"; an e-mail address alone); a UI
    # phrase counts only as whole words (a first version made a Swedish headline boilerplate: "del på" inside
    # "misshandel på"); 2.34: a breadcrumb above the headline ("Home > News > Local", "Inicio › Noticias", "News | Local
    # | Politics") is furniture (rule breadcrumb; it was the title, and the headline the standfirst); 2.33: a page
    # exported in Markdown is read without its marks: a heading's "#" and emphasis at both ends of a line ("**By Jane
    # Roe**", "*Photo: Name/AFP*") are out of the block (the title kept its "#", the byline was boilerplate, a credit's
    # source was "AFP*"), a picture "![alt](url)" is boilerplate (it was a heading); 2.32: bylines "Jane Roe, BBC News,
    # Washington", "Jane Roe, Reporter, London" (a place after the desk and a comma; they were headings), Greek "Του
    # Γιώργου Παπαδόπουλου" (the article is no part of the name), Vietnamese "Tác giả: Name"; 2.31: a caption credited
    # "Contributed photo", "Submitted photo" or "Google Maps" on the line under it is a caption (the credits of credits
    # 1.19); 2.30: a keyword in capitals the page repeats ("SPIEGEL: Frau Roe, ...?" / "Roe: ..." / "SPIEGEL: ...") is
    # an interviewer's label, not a caption's keyword (the first question was a caption); gallery counters in Polish,
    # Czech and Russian ("Zdjęcie 1 z 4", "Фото 1 из 5") are furniture; 2.29: a note from the editors labelled in
    # German, French, Spanish, Italian, Dutch or Portuguese ("Anmerkung der Redaktion: ...", "[Editor's note: ...]") and
    # a Swedish, Norwegian or Danish correction ("Rättelse: ...") are editor's notes (they were body, one in brackets a
    # heading); "Hinweis:" before a colon stays the story's; 2.28: date lines in Romanian, Greek, Indonesian and Finnish
    # and the French relative "il y a 3 heures" are furniture (they were the standfirst); sign-offs "(mit Material von
    # dpa)", "Avec AFP", "Con informazioni di Ansa", "Met medewerking van ANP", "(sn/dpa)", "Redaktion: Name", "— With
    # assistance from Name" end the story (they were headings or body); 2.27: a caption closed by a bar and a
    # photographer's name ("... del martes. | Ana Pérez"), or credited with a label and a name without a colon ("Photo
    # Jean Dupont", "(foto Mario Rossi)"), is a caption (it was a heading); 2.26: an author with her wire under the
    # headline ("Max Mustermann, dpa", "Ana Pérez (Efe)") is a byline (it was a heading); furniture lines in more
    # languages ("Der Artikel wird unterhalb der Anzeige fortgesetzt", "Continua a leggere", "Artikkelen fortsetter
    # under annonsen", "Continue lendo", "Partager", "Zur Startseite", "Empfohlener redaktioneller Inhalt", "Skip Ad")
    # are boilerplate (they were headings, one a byline); 2.25: two credit labels in a row after a caption ("... Reform.
    # Bild: Screenshot: partei.de") open one credit at the first label (it stayed in the caption); 2.24: a gallery
    # printing each credit above its caption ("Image 2 of 4" / "Photo: Name/Paper" / the caption): the line under the
    # credit is the caption (it was body); 2.23: the lead picture's caption printed above the headline, with a credit
    # that names its photographer or has a label, is a caption, and the headline under it the title (it was the title);
    # 2.22: a caption's credit "Foto: Name © Agency" starts at its label (it was "© Agency", the photographer left in
    # the caption); 2.21: a writer in capitals with a city after a bar ("ELENA G. SEVILLANO | Madrid") is a byline, not
    # a credit (the standfirst above was its caption); a source line naming the wires ("Source: Al Jazeera and news
    # agencies", "المصدر : الجزيرة + وكالات") ends the story (its last paragraph was a caption); Taiwan's CNA dateline
    # "（中央社記者...台北14日電）" opens the story and its photographer's credit may end with the day
    # ("（中央社記者王飛華攝 115年11月14日）": the caption was a heading); a wire's end mark "(END)" is furniture; 2.20:
    # a short sentence that asks the reader to sign up, subscribe or buy through links is cut out of a paragraph of the
    # story's prose as its own boilerplate block ("... Sign up for our free politics newsletter here. ..."; the whole
    # paragraph was boilerplate, its sentences lost); a correction ("Correction:", "Richtigstellung:") is an editor's
    # note; "This article originally appeared on ..." is furniture; 2.19: a story that opens with its dateline ("KUALA
    # LUMPUR, 14 Nov (Bernama) -- ...") is no date line of names (its place was a byline, the lede lost); captions with
    # a credit labelled in Urdu ("فوٹو:"), Tamil ("படம்:") and Nepali ("तस्बिर:"; they were headings); a name in a
    # script without capitals after a byline opener ("ავტორი: ნინო ბერიძე", "بقلم: ...", "מאת ..."), Estonian
    # "Toimetaja:"; the circled "ⓒ" opens a rights notice over two lines; a line ending in a colon ("Media Contact:") is
    # no organisation's credit (a press release's "About" paragraph was its caption); 2.18: a short block that says it
    # describes a photo is a caption without a credit ("In this photo provided by the police, ...", "This undated photo
    # shows ...", "Auf diesem Bild ..."; they were body); 2.17: "Contributing: Name, USA TODAY" signs a story off;
    # captions with the New York Times' and USA Today's credit forms ("...Credit...Name/The New York Times", "... Scott
    # Olson, Getty Images"); 2.16: a date line's words keep the vowel signs of Indic scripts (a Bengali date line was a
    # heading); 2.15: a name on the line right under a short description, the pair set off by blank lines, is the
    # picture's credit even when the description ends like a sentence ("Residents clear debris on Saturday." / "John
    # Smith"; both were body); a Thai or Lao line of ten words ends a sentence for the summary too; 2.14: a bare name
    # right above a credit line in the header is the pictured person's caption, not a byline ("Jerome Powell" /
    # "Photographer: Al Drago/Bloomberg"); a dated copyright on the story's last line is its rights notice ("Copyright
    # 2026 NPR": the quote above was its caption); 2.13: a line in Thai or Lao script of ten words or more ends a
    # sentence (they write no full stop: short Thai paragraphs were headings), Thai date lines and read-more lines;
    # captions with a credit labelled in Bengali, Persian, Urdu, Swahili, Malay, Tagalog, Georgian, Basque or Welsh
    # (they were headings); 2.12: date lines with Polish, Czech, Croatian, Russian, Ukrainian and Bulgarian month names;
    # "Jan de Vries" is a name (a month as a first name before a particle); zero-width spaces and joiners, a byte-order
    # mark and soft hyphens at a line's edges are no text ("\u200bFoto: Name/NTB" was no credit line); an interview's
    # questions labelled with a full stop are its text ("P. ¿...?"); Indonesian bylines ("Pewarta: Name", "oleh Name");
    # bylines: a second author after the first's job title ("By Jane Roe, Senior Reporter, and John Doe"), the author's
    # publication after a comma is no name ("Jane Roe, The Herald", "Anna Klein, Die Welt"), a paper with its wire ("Le
    # Monde avec AFP"), the place of a writer's post before the names ("Por nuestro corresponsal en Bruselas Ana Pérez"
    # names Ana Pérez); "dpa-infocom GmbH" signs a story; 2.11: pages of more countries: a source label in Polish,
    # Czech, Russian, Ukrainian, Finnish, Turkish, Hungarian, Romanian and Greek on a story's last line signs it
    # ("Źródło: PAP": the paragraph above was its caption); read-also lines in Polish and Ukrainian, share and comment
    # buttons in Portuguese, Ukrainian and Russian; "Автор: Name" opens a byline; "2 mins to read" and Vietnamese date
    # lines are furniture; the copyright line above a rights notice is part of it ("Copyright PUNCH." / "All rights
    # reserved. ...": the paragraph above was its caption); Thai, Lao, Khmer and Burmese count about four letters a word
    # (a Thai paragraph was a short line, a heading) and Thai credit labels ("ภาพ:"); a Japanese caption dated by month
    # only ("...＝2023年1月、ワシントン、ロイター"); the Baltic, Andean, Pakistani, Bangladeshi, Nigerian, Vietnamese,
    # Taiwanese and Arab wires sign a story as the others do ("BNS"); the Devanagari danda and the Arabic, Urdu,
    # Armenian, Ethiopic, Khmer and Burmese stops end sentences (every Hindi paragraph was a heading); credit labels in
    # Hindi, Arabic and Hebrew ("फोटो:", "تصوير:", "צילום:"), Greek "ΦΩΤΟ:", Romanian "Sursa foto:"; read-also lines in
    # Romanian, Hungarian, Greek, Arabic, Hebrew and Hindi (phrase lists are case-folded as lines are: the Greek final
    # sigma); "de Name" opens a Romanian byline; "Avec les informations de ..." signs a French story off; an editor's
    # initials alone on the last line ("CT", "(mfh)") are furniture (the paragraph above was their caption); an author's
    # biography under a byline in capitals ("By JANE ROE" / "Jane Roe is ..."); 2.10: Chinese pages: a photographer's
    # credit "新华社记者 赵强 摄" or "（李华 摄）" closes a caption, a labelled credit in full-width brackets too
    # ("（图片来源：视觉中国）"), the wire dateline "新华社北京12月6日电（记者 赵强）" opens the story's body and names
    # its reporters (the bylines when the page has none), Chinese and Japanese date lines are furniture, and so are the
    # editors' sign-off "（责编：Name）" and share or read-more lines in Chinese, Czech and Polish ("Článek pokračuje
    # pod reklamou", "相关新闻"); a wire's sign-off in brackets after the story's last sentence keeps that paragraph
    # body ("... ab. (dpa)", "... Kraft. (APA, red)"; it was a caption); a one-sentence description with a one- or
    # two-word source in brackets between paragraphs is a caption ("... Blacktown. (Nine)"); a byline's names end where
    # its wire's name starts ("By JANE ROE Associated Press"); "Author of the article:" opens a byline; a line with a
    # clock time is no lead picture's caption; an author's biography in the languages of the word lists ("Name ist
    # Redakteurin ..."); German broadcasters' programme notes ("Über dieses Thema berichtete ..."), comment counters and
    # buttons ("23 Kommentare"), "Datum 06.12.2026"; Korean bylines ("김민수 기자") and rights notices ("ⓒ ..., 무단
    # 전재"), a place before a dash opens a dateline ("Jakarta - ..."), tag lists ("Schlagwörter ...", "Tags: ...") and
    # read-also pointers in Russian, Indonesian, Korean, Vietnamese and Turkish are furniture; a described picture above
    # its credit line after a video link is a caption, not the video's title ("WATCH: ..." took it); a link's
    # screen-reader text glued to a line's end is cut off ("... REUTERS/Name Purchase Licensing Rights, opens new tab":
    # the caption was body); comment headings in six languages; an agency whose name alone is no credit ("ANP", "TT")
    # credits a short description above it when the page goes on; the Turkish dotted capital in furniture phrases
    # ("İlgili Haberler"); a press release's dateline opens its body ("RIVERTON, Ore., Dec. 6, 2026 /PRNewswire/ --"); a
    # place in capitals before a colon opens a story ("KOTA BHARU: More than ...": it was a caption's keyword); Chinese
    # bylines ("記者王小明／台北報導"); German broadcasters' programme lines ("Sendung: ...", "Diese Nachricht wurde am
    # ... gesendet.") and their "Weitere Informationen" boxes; a source label with any name on the story's last line
    # signs it ("Quelle: F.A.Z."; the quote above it was its caption), not the English "Source:"; 2.9: a news agency
    # alone on a story's last line signs it (a byline: "TT", "(dpa)", "（共同）", "© dpa-infocom, ..."), the paragraph
    # above stays body; a short story whose header never met a second paragraph keeps its paragraphs as body (they were
    # all standfirst), and a first paragraph that opens with a dateline is body ("Berlin (dpa) -"); the writer's post
    # between a byline opener and the name ("Door onze verslaggever Name"); a caption's opening bracketed picture label
    # is not its text ("[Image: ..."); a line that only names the story's makers is furniture ("(Reporting by ...;
    # Editing by ...)"); a Japanese caption with the date before the place ("...＝５日、東京都庁"); caption labels in
    # the languages of the word lists ("Pictured:", "Bildunterschrift:", "Sur la photo :"); a site's menu above the
    # headline is furniture, not the title ("Skip to main content", "Startseite", "News" / "Sport"), and "Sign in" or
    # "Newsletter" alone opens no promotion box that would swallow the headline; an interviewer's labelled question is
    # body, not a subheading ("Q: ...?", "Frage: ...?"); a name with its post and the post's place is a byline ("Claire
    # Roux, correspondante à Bruxelles"); English byline forms: "Jane Roe | Reporter" (was a credit), "Author: Jane
    # Roe", "Story: Jane Roe", "Jane Roe @janeroe"; a paragraph that opens with a dateline ends the header even with a
    # captioned picture after it ("JIUQUAN, Dec. 5 (Xinhua) --", "New Delhi, Dec 5 (PTI) The ..."); "Editor: Name",
    # "Published By: Name" and "(With inputs from agencies)" are furniture; on a live blog (two or more lines that are
    # only a clock time) the line under an entry's time is the entry's headline, not a video's caption, and the first
    # entry ends the header; reading times in the ten languages are timestamps ("Temps de lecture : 3 min.");
    # abbreviated months of Spanish, Italian and Portuguese dates ("Madrid - 02 dic 2026 - 13:45 CET" was a heading); a
    # sign-off with the agency's regional service or an editor's initials or a source label ("(dpa/lsw)", "APA/red",
    # "Quelle: dpa"); 2.8: a warning (markup_in_text) when the text holds HTML tags; a live blog's first entry is body,
    # not a standfirst; a gallery's counter in any language is furniture ("1 of 12", "Bild 1 von 5"); 2.7.2: a Japanese
    # caption's text ends before the ＝ of its credit; 2.7.1: the combiner retrained with the gold ledes labelled (block
    # confidences move by a few hundredths, no kind changes on the caption files); 2.7: a line with a number in brackets
    # is no byline and no credit ("Name ( 28th )", "Jane Roe (23)"); 2.6: a long Spanish, Italian or Portuguese
    # affiliate notice speaks for the publisher with its verb ('recibimos una comisión'), so it is furniture like one
    # that says 'we'; more agencies in the source table ('GEPA pictures/Name', 'ANTARA FOTO/Name' are credits); 2.5:
    # affiliate notices, subscription and sharing prompts in the eleven languages of the word lists ('Affiliate-Links',
    # 'Jetzt abonnieren', 'Artikel teilen'); a caption ending in a known source with a bracketed remark ('... –
    # Midjourney (the prompt)', '... – dpa (Archivbild)'); image generators are sources; 2.4: "read also" pointers and
    # "related articles" headings in the eleven languages of the word lists ('Lesen Sie auch:', 'Lire aussi', 'Noticias
    # relacionadas'); a live ticker's entry ends a teaser list; a rights notice under the article is furniture, not a
    # credit; a label before a known agency needs no colon ('Foto ANSA/Name'); a contact button with its object after a
    # byline name ('Tips meg', 'Follow me'); a Japanese reporter's name under the headline ('松岡大地', '文：Name',
    # 'Name記者'); a sentence under a keyword in capitals is a caption ('JUBEL: Name ...', not a transcript's run of
    # speakers nor 'UPDATE: ...'); between two paragraphs, a description ending in a bracketed name ('... the bay
    # (Coastal Homes)') or with a name alone under it is a caption with its credit; 2.3: a Japanese caption ending in
    # place and date ('＝東京で3日', '（ソウルで、３日）'), profile buttons after a byline name in ten languages
    # ('Folgen', 'Seguir'); 2.2: a first line with only the form of a credit may be the title, a long sentence holding a
    # UI phrase is prose; 2.1: new caption, credit and byline signals; raw credits keep only photo labels
    requires = frozenset({"text"})
    provides = frozenset({"blocks", "title", "bylines", "captions", "credit_spans"})

    def __init__(self, pool: WorkerPool) -> None:
        self._pool = pool

    async def run(self, doc: Doc) -> None:
        result = await self._pool.run(segment, doc.text)
        tags = await self._pool.run(markup_tags, doc.text)
        if tags >= MARKUP_WARNING_TAGS:
            more = "+" if tags >= MARKUP_COUNT_LIMIT else ""
            doc.warnings.append(
                DocWarning(
                    "markup_in_text",
                    f"the text holds HTML markup ({tags}{more} tags such as <p>, <img>); the "
                    "service reads plain text, so tags are read as words and captions, credits and bylines inside "
                    "them are missed: send the article's text without its markup",
                )
            )
        doc.blocks = result.blocks
        doc.title = result.title
        doc.bylines = result.bylines
        doc.captions = result.captions
        doc.credit_spans = result.credits
