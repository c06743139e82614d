"""Page furniture of scraped news pages: what it looks like, recognised by form and by known UI phrases.

Nothing here is specific to a publisher. The phrase lists are the generic vocabulary of news web pages (share
buttons, advertising slots, newsletter and subscription promotions, video players, teaser lists, live-blog entry
headers); the shape tests (timestamps, embedded-post attributions) work on tokens, in linear time.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from app.text.layout import vocab
from app.text.lexicon import load_gazetteer
from app.text.sentences import split_sentences
from app.text.tables import table_row

_SPACES = re.compile(r"\s+")


def phrases(spec: str) -> frozenset[str]:
    """A phrase list written as ``a | b | c`` (line breaks are spaces), case-folded as ``normalise`` folds a line
    (the Greek final sigma: "διαβάστε επίσης" is looked up as "διαβάστε επίσησ")."""
    return frozenset(" ".join(p.casefold().split()) for p in spec.split("|") if p.strip())


@lru_cache(maxsize=2048)
def normalise(line: str) -> str:
    """Case-folded, NFKC, spaces collapsed, edge punctuation and arrows removed: a key for phrase lists."""
    # the Turkish capital İ folds to "i" and a combining dot: the dot goes ("İlgili Haberler" -> "ilgili haberler")
    s = unicodedata.normalize("NFKC", line[:300]).casefold().replace("i\u0307", "i")
    s = _SPACES.sub(" ", s).strip()
    return s.strip(" .:;|»›>→←<‹«•·-–—()[]!?…【】")


# Whole lines that are buttons, labels or placeholders (and a wire's end mark: "(END)", "-END-", "###").
UI_LINES: frozenset[str] = phrases(
    """
    ad feedback | video ad feedback | purchase licensing rights | skip advertisement | featured | see all | get alerts
    | manage alerts | tags | topics | filed under | more on | more about | image | image source | image caption
    | about the author
    | ad | ad policy | ads | advertisement | advertisements | advertising | after newsletter promotion | analysis |
    and | article content | article continues after advertisement | article continues below | audio | author | authors
    | back to top | bio | bluesky | bookmark | breaking | breaking news | by | cancel | caption | cite this article |
    click to play | click to playtap to play | close | comment | comments | contents | continue reading | continue
    reading below | continues below | copy | copy link | current issue | dive deeper | don't miss | donate | download
    pdf | e-mail | email | email link | enlarge | enlarge this image | exclusive | expand | explainer | facebook |
    feedback | find a new job | flipboard | follow | follow us | free to read | gab | gallery | gettr | hide caption |
    home | image | join the conversation | key events | latest | latest news | link copied | link copied bookmark |
    linkedin | listen | listen to article | listen to this article | live | load more | loading | loading... | log in
    | login | mail | menu | more | more from | more stories | more trending | most popular | most read | news |
    newsletter | newsletters | next | open gallery | opinion | or | paid content | partner content | pdf | permissions
    | photo | photos | pinterest | play | play now | pocket | podcast | popular | post | previous | print | profile |
    promoted | read more | read more stories | read next | recommended | recommended for you | reddit | register |
    related | related article | related articles | related content | related coverage | related stories | related
    topics | report an error | reprints | reprints & permissions | rights and permissions | save | saved | search |
    see more | share | share article | share on facebook | share on twitter | share on x | share this | share this
    article | share this story | share via email | show caption | show more | sign in | sign up | skip past newsletter
    promotion | sms | social sharing | speed read | sponsored | sponsored content | story continues below | story
    continues below advertisement | subscribe | subscribe now | summary | table of contents | tap to play | telegram |
    this article is more than 1 year old | this article is more than 2 years old | threads | toggle caption | top |
    top stories | trending | trending now | trending news | recommended stories | end of list | related news | author
    of the article | teilen | kommentieren | diskutieren sie mit | plus | ende des audiobeitrags | artikel verschenken
    | recommend | about us | report this comment
    | preisvergleich | über den autor | über die autorin | truth | tweet |
    twitter | up next | updated | video | video loading |
    video unavailable | view author publications | view comments | view gallery | view more | view more offers | view
    our current issue | watch | watch now | whatsapp | x | you may also like | you might also like | with video | mit
    video | avec vidéo | con vídeo | con video | met video | med video | mehr news | mehr nachrichten | mehr zum thema
    | weiterlesen | mehr lesen | lire aussi | lire plus | más noticias | leer más | altre notizie | meer nieuws | les
    også | læs også | get in touch | contact us | share this article in your social network | view bio | view profile
    | ende der weiteren informationen | partager cet article | deel artikel | deel dit artikel | del artikel | del
    artiklen | del artikkel | dela artikeln | jaa artikkeli | commentaires | kommentare | comentarios | commenti |
    reacties | kommentarer | contribuer | réutiliser ce contenu | view image in fullscreen | view in fullscreen |
    enlarge image | expand image | now playing | skip to main content | skip to content | skip to navigation | skip
    navigation | jump to content | main menu | navigation | sections | startseite | zum inhalt springen | zum
    hauptinhalt springen | direkt zum inhalt | navigation öffnen | menü | suche | anmelden | accueil | aller au
    contenu | aller au contenu principal | rechercher | se connecter | inicio | ir al contenido | saltar al contenido
    | buscar | iniciar sesión | vai al contenuto | salta al contenuto | cerca | accedi | naar de inhoud | zoeken |
    inloggen | início | ir para o conteúdo | pesquisar | entrar | till innehållet | hoppa till innehållet | sök |
    logga in | til innhold | søk | logg inn | til indhold | søg | log ind | sdílet | sdílejte | sdílejte článek |
    článek pokračuje pod reklamou | reklama | hledat | přihlásit se | diskuze | udostępnij | zaloguj się | szukaj |
    komentarze | czytaj dalej | 分享 | 分享到 | 分享让更多人看到 | 纠错 | 打印 | 返回顶部 | 扫一扫 | 关闭 | 登录 |
    注册 | 首页 | 收藏 | 评论 | 分享到： | 分享至 | 返回頂部 | 列印 | 登入 | 記事を印刷する | メールで送る |
    リンクをコピーする | リンクをコピー | シェアする | partilhar | compartilhar | comentários | поділитися | коментарі |
    поделиться | комментарии | end | ### | skip ad | zur startseite | empfohlener redaktioneller inhalt | externer
    inhalt | partager | compartir | condividi | delen | dela | jaa | zdieľať | dalintis | dalīties | jaga | podijeli |
    megosztás | distribuie | paylaş | impressum | datenschutz |
    datenschutzerklärung | kontakt | agb | cookie-einstellungen | mentions légales | politique de confidentialité |
    aviso legal | política de privacidad | política de cookies | note legali | colofon | disclaimer | was this article
    helpful | war dieser artikel hilfreich | play video | video abspielen | lire la vidéo | reproducir vídeo |
    reproducir video | riproduci video | video afspelen | spela upp video | listen to this story | audio: listen to
    this story | artikel anhören | écouter l'article | escuchar artículo
    """
)

# Lines that open a list of other articles, by language: the short lines after them are teasers, not the article.
TEASER_HEADERS_BY_LANGUAGE: Mapping[str, frozenset[str]] = {
    "en": phrases(
        """
        filed under | more on | more about | tags | topics | more from this author | most read in | related links |
        explore more | recommended stories | trending news | related news | also read | don't miss | editor's picks |
        editors' picks | further reading | in case you missed it | in other
        news | key events | latest | latest news | more from | more like this | more news | more on this | more on
        this story | more stories | more trending | most popular | most read | most shared | most viewed | popular |
        popular now | read more | read more stories | read next | recommended | recommended for you | related |
        related article | related articles | related content | related coverage | related stories | related topics |
        see also | top stories | trending | trending now | up next | what to read next | you may also like | you
        might also like
        """
    ),
    "de": phrases(
        """
        mehr zum thema | zum thema | mehr zu diesem thema | weitere informationen | das könnte sie auch interessieren |
        das könnte sie interessieren | auch interessant | meistgelesen | meistgelesene artikel | meist gelesen |
        weitere artikel | ähnliche artikel | verwandte themen | mehr aus dem ressort | mehr aus der rubrik | mehr aus
        der region | lesen sie auch | lesen sie mehr | lesen sie dazu auch | das könnte dich auch interessieren | das
        könnte dich interessieren | passend
        zum artikel | passend dazu
        """
    ),
    "fr": phrases(
        """
        à lire aussi | a lire aussi | lire aussi | à lire également | sur le même sujet | les plus lus | la rédaction
        vous conseille | les abonnés lisent aussi | sujets | sujets associés | articles les
        plus lus | vous aimerez aussi | dans la même rubrique | articles liés | sur le même thème
        """
    ),
    "es": phrases(
        """
        noticias relacionadas | noticia relacionada | artículos relacionados | contenido relacionado | más información
        | temas | archivado en | mirá también | mira también | seguir leyendo | más noticias | te puede
        interesar | también te puede interesar | le puede interesar | lo más leído | las más leídas | más leídas |
        lea también | lee también
        """
    ),
    "it": phrases(
        "leggi anche | potrebbe interessarti | potrebbe interessarti anche | ti potrebbe interessare | articoli "
        "correlati | notizie correlate | i più letti | più letti | ultima ora"
    ),
    "nl": phrases(
        "lees ook | meest gelezen | gerelateerde artikelen | meer over dit onderwerp | ook interessant | meer over"
    ),
    "pt": phrases(
        "leia também | leia mais | veja também | notícias relacionadas | artigos relacionados | mais lidas | tópicos"
    ),
    "sv": phrases("läs också | läs även | mest läst | relaterade artiklar | ämnen i artikeln"),
    "no": phrases("les også | mest lest | relaterte saker | relaterte artikler"),
    "da": phrases("læs også | mest læste | relaterede artikler"),
    "ja": phrases("関連記事 | 関連ニュース | あわせて読みたい | 合わせて読みたい | よく読まれている記事 | 人気記事"),
    "zh": phrases(
        "相关新闻 | 相关阅读 | 延伸阅读 | 推荐阅读 | 热点推荐 | 相关报道 | 热门推荐 | 相關新聞 | 延伸閱讀 | 推薦閱讀 | "
        "相關報導"
    ),
    "cs": phrases(
        "přečtěte si také | přečtěte si | související články | související | nejčtenější | mohlo by vás zajímat | "
        "čtěte také"
    ),
    "hu": phrases("kapcsolódó cikkek"),
    "pl": phrases("czytaj także | czytaj też | zobacz także | zobacz też | najczęściej czytane | polecamy"),
    "ru": phrases("читайте также | смотрите также | по теме | самое читаемое"),
    "id": phrases("baca juga | berita terkait | terpopuler | baca berikutnya"),
    "ko": phrases("관련기사 | 관련 기사 | 많이 본 뉴스"),
    "vi": phrases("xem thêm | tin liên quan | đọc thêm"),
    "tr": phrases("ilgili haberler | bunlar da ilginizi çekebilir"),
    "fi": phrases("lue myös | luetuimmat | aiheesta lisää | aiheesta muualla"),
    "is": phrases("tengdar fréttir | mest lesið"),
    "he": phrases("לכתבות נוספות בנושא | כתבות נוספות | לקריאה נוספת"),
    "ar": phrases("اقرأ أيضاً | اقرأ أيضا | اقرأ المزيد | مواضيع"),
    "bn": phrases("আরও পড়ুন"),
    "ms": phrases("berita berkaitan"),
    "th": phrases("ข่าวที่เกี่ยวข้อง"),
    "ur": phrases("متعلقہ خبریں"),
}
TEASER_HEADERS: frozenset[str] = frozenset(vocab.union(TEASER_HEADERS_BY_LANGUAGE))

# Lines that start a video, audio or photo widget.
VIDEO_STARTS: tuple[str, ...] = ("watch |", "watch:", "video:", "video |", "listen |", "listen:", "watch in full")
VIDEO_LINES: frozenset[str] = frozenset({"video", "watch", "video loading", "video unavailable", "play now"})
PHOTO_MARKERS: tuple[re.Pattern[str], ...] = (
    re.compile(r"^view \d{1,3} (?:images?|photos?|pictures?)$"),
    re.compile(r"^\d{1,3} (?:images?|photos?|pictures?)$"),
    # a gallery's counter: "1 of 12", "Image 3 of 12", "Bild 1 von 5", "Foto 2 de 10", "photo 1 sur 8", "Zdjęcie 1 z 4"
    re.compile(
        r"^(?:(?:image|photo|picture|slide|bild|foto|imagen|immagine|afbeelding|bilde|billede|fotografia|zdjęcie|"
        r"snímek|kuva|kép|fotó|фото|снимок) )?\d{1,3} (?:of|von|de|sur|di|van|av|af|z|ze|из|з) \d{1,3}$"
    ),
    re.compile(r"^\d{1,3} ?/ ?\d{1,3}$"),
    re.compile(r"^open this (?:photo|image) in gallery$"),
    re.compile(r"^(?:enlarge|expand) (?:this )?(?:image|photo|picture)$"),
    # the same button in other languages: "Bild vergrößern" (normalised: ß -> ss), "Ampliar", "Agrandir l'image"
    re.compile(
        r"^(?:(?:bild|foto) )?vergrössern$|^ampliar(?: (?:imagen|foto))?$|^agrandir(?: l'image| la photo)?$"
        r"|^ingrandisci(?: (?:immagine|foto))?$|^(?:afbeelding |foto )?vergroten$|^förstora(?: bilden)?$"
    ),
    re.compile(r"^(?:view|see|open) (?:the )?(?:photo )?gallery$"),
    re.compile(r"^toggle caption$"),
)

# Phrases that mark a whole line as furniture wherever they stand in it (affiliate notices, newsletter and
# subscription prompts, sharing and account prompts), by language.
UI_PHRASES_BY_LANGUAGE: Mapping[str, frozenset[str]] = {
    "en": phrases(
        """
        continue reading the main story | read full article |
        share this item | send this page to someone | share on facebook | share via |
        story continues below | article continues below | continue reading below | this advertisement has not loaded
        | remove ads | don't want to see this | this video has failed to load | refreshing your browser | back to
        video | skip past newsletter | after newsletter promotion | sign up to | sign up for | subscribe to |
        subscribe now | subscribers only | reserved for subscribers | to unlock | register to unlock | create an
        account | sign in or | already a subscriber | by signing up | by providing your email | by entering your
        email | privacy notice | privacy policy | terms and conditions | terms of service | terms of use | cookie
        policy | our newsletter | more newsletters | free newsletter | weekly newsletter | daily newsletter |
        newsletter from | delivered to your inbox | to your inbox | get the latest | join us on | follow us on |
        connect with us | download the app | get the app | click here | tap here | affiliate link | affiliate
        commission | we may earn | earn a commission | may earn commission | link copied | full access to this
        article | via your institution | search author on | view author publications | follow along with | scroll
        down for | get in touch at | email us at | this is a live blog | sponsored by | paid partnership | support
        our journalism | support independent journalism | become a member | make a donation | advertisement 1 |
        advertisement 2 | advertisement 3 | read our complete coverage | view our current issue | you have reached
        your | articles remaining | free articles | story suggestion | send us your | not responsible for the content
        of external | with inputs from | do you have a story | have a story to share | contact the reporter at | want to
        join the conversation | join our commenting forum | don't miss these stories | our standards: | whatsapp
        community | whatsapp channel | breaking news alerts | report this comment | confidential
        tip | got a tip | found a mistake in this article | show full article | a lively but civil forum | published
        from a syndicated feed | has not been edited by | by providing an email address | reprint requests
        """
    ),
    "de": phrases(
        """
        affiliate-link | affiliate-links | erhalten wir eine provision | wir erhalten eine provision | ohne mehrkosten
        für sie | newsletter abonnieren | zum newsletter anmelden | melden sie sich für unseren newsletter | jetzt
        abonnieren | jetzt anmelden | nur für abonnenten | exklusiv für abonnenten | artikel teilen | link kopiert |
        kommentar schreiben | anmelden, um zu kommentieren | jetzt kostenlos abonnieren | fehler gefunden | kostenlos
        im postfach | bestätigungsmail | kein kommentieren mehr möglich | wird fortlaufend aktualisiert | plus testen |
        gratis testen | kostenlos testen | kostenlos lesen | werbefrei lesen | im liveticker bei | audio herunterladen |
        dieser artikel enthält affiliate-links | für links auf dieser seite erhält | zu den
        kommentaren | kommentare anzeigen | die rechte an
        diesem artikel erwerben | teilen auf
        """
    ),
    "fr": phrases(
        """
        lien affilié | liens affiliés | lien d'affiliation | liens d'affiliation | nous percevons une commission |
        abonnez-vous | inscrivez-vous à notre newsletter | recevez notre newsletter | cet article vous a été utile |
        réagir à cet article | recevez chaque matin | recevez
        chaque jour | réservé aux abonnés | article
        réservé aux abonnés | réservé à nos abonnés | réservée aux abonnés | réservée à nos abonnés |
        partager l'article | partager sur
        """
    ),
    "es": phrases(
        """
        enlace de afiliado | enlaces de afiliado | enlaces de afiliados | recibimos una comisión | suscríbete |
        suscríbase | recibe nuestra newsletter | apúntate a nuestra newsletter | exclusivo para suscriptores | en tu
        mail | en tu correo | recibí las noticias | recibe las noticias |
        contenido exclusivo para suscriptores | compartir en
        """
    ),
    "it": phrases(
        """
        link di affiliazione | link affiliati | riceviamo una commissione | iscriviti alla newsletter | iscriviti alla
        nostra newsletter | riservato agli abbonati | contenuto riservato agli abbonati | condividi su
        """
    ),
    "nl": phrases(
        """
        affiliate links | affiliate-links | ontvangen wij een commissie | schrijf je in voor | abonneer je | reageer
        op dit artikel | word
        abonnee | alleen voor abonnees | deel dit artikel | delen op
        """
    ),
    "pt": phrases(
        """
        links de afiliados | link de afiliado | recebemos uma comissão | assine a newsletter | assine já | assine agora
        | exclusivo para assinantes | conteúdo exclusivo para assinantes | receba no seu email | receba no seu e-mail
        """
    ),
    "sv": phrases(
        """
        affiliatelänkar | affiliatelänk | prenumerera på | bli prenumerant | endast för prenumeranter | dela artikeln |
        dela på
        """
    ),
    "no": phrases(
        """
        affiliatelenker | affiliatelenke | abonner på | bli abonnent | kun for abonnenter | del artikkelen | del på
        """
    ),
    "da": phrases(
        """
        affiliatelinks | affiliatelink | abonner på | bliv abonnent | kun for abonnenter | del artiklen | del på
        """
    ),
    # no spaces between Japanese words, so every line is "short": only phrases that are never prose
    "ja": phrases(
        "この記事をシェア | 続きを読むには | 有料会員限定 | 会員限定記事 | アフィリエイト広告を利用 | "
        "有料会員になると | 会員限定の有料記事 | この記事は有料記事です"
    ),
    "ru": phrases("подписывайтесь на | подпишитесь на | подписаться на наш | читайте нас в"),
    "ko": phrases("제보는 카카오톡 | 무단 전재 및 재배포 금지"),
    # "follow us on ...", "share on ...", "subscribe to our channel" in more languages
    "uk": phrases("підписуйтесь на | підпишіться на | читайте нас у | читайте нас в"),
    "cs": phrases("sdílet na | sledujte nás"),
    "pl": phrases("obserwuj nas | śledź nas | zapisz się na newsletter"),
    "sk": phrases("prihláste sa na odber | prihláste sa"),
    "ro": phrases("urmărește-ne pe | urmăriți-ne pe | urmareste-ne pe"),
    "hu": phrases("kövesse az oldalt | kövessen minket | támogasd a"),
    "hr": phrases("pratite nas na"),
    "el": phrases("ακολουθήστε το | ακολουθήστε μας | ακολουθηστε μασ"),
    "bg": phrases("последвайте ни"),
    "ar": phrases("تابعونا على"),
    "fa": phrases("را دنبال کنید"),
    "id": phrases("simak berita lainnya di | scroll to continue with content | ikuti kami di | dapatkan update berita"),
    "sw": phrases("tufuate kwenye"),
    "hi": phrases("ऐप इंस्टॉल करें"),
    "bn": phrases("ফলো করুন"),
    "th": phrases("ติดตามข่าวสาร"),
    "zh": phrases("立即下載 | 立即下载 | 訂閱電子報 | 订阅电子报"),
    "tr": phrases("google news'te takip edin | google news'ten takip edin"),
}
UI_PHRASES: tuple[str, ...] = vocab.union(UI_PHRASES_BY_LANGUAGE)
# Of those, the disclosures that no story's sentence holds: a line with one is furniture at any length
DISCLOSURE_PHRASES: frozenset[str] = phrases(
    "dieser artikel enthält affiliate-links | für links auf dieser seite erhält | published from a syndicated feed"
)

# A sentence of prose can hold a UI phrase ("a bill sponsored by ...", "the company's privacy policy"): a phrase makes
# a line boilerplate only when the line is short, does not end as a sentence, or speaks to its reader. 13 words: the
# promotions of the eval pages that end as a sentence without a reader word have 10 words at most ("Get the latest
# headlines, breaking news and columns."); at 8 three of them would be kept as prose, at 13 none.
UI_PHRASE_PROSE_MIN_WORDS = 13
# The words that speak to the reader or for the publisher, in the languages of UI_PHRASES_BY_LANGUAGE (German
# "Sie" is also "they" once case-folded: not listed)
READER_WORDS_BY_LANGUAGE: Mapping[str, frozenset[str]] = {
    "en": phrases("you | your | yours | we | our | us | please"),  # "please" asks the reader
    "de": phrases("wir | uns | unser | unsere | unseren | unserem | unserer | du | dein | deine"),
    "fr": phrases("vous | votre | vos | nous | notre | nos"),
    # Spanish, Italian and Portuguese drop the pronoun: a notice says "recibimos una comisión", so the verbs that
    # notices speak with (we receive, earn, may receive, recommend) stand for "we"
    "es": phrases(
        "usted | ustedes | nosotros | nuestro | nuestra | nuestros | nuestras | tu | tus | recibimos | ganamos | "
        "podemos | recomendamos"
    ),
    "it": phrases(
        "voi | vostro | vostra | noi | nostro | nostra | nostri | tuo | tua | riceviamo | guadagniamo | possiamo | "
        "consigliamo"
    ),
    "nl": phrases("u | uw | jij | jouw | je | wij | we | ons | onze"),
    "pt": phrases(
        "você | vocês | nós | nosso | nossa | nossos | nossas | recebemos | ganhamos | podemos | recomendamos"
    ),
    "sv": phrases("du | din | ditt | dina | vi | vår | vårt | våra | oss"),
    "no": phrases("du | din | ditt | dine | vi | vår | vårt | våre | oss"),
    "da": phrases("du | din | dit | dine | vi | vores | os"),
    "ja": frozenset(),
    "ru": phrases("вы | ваш | ваша | ваши | вас | мы | наш | наша | наши | нас"),
    "ko": frozenset(),
    "uk": phrases("ви | ваш | ваша | вас | ми | наш | наша | нас"),
    "cs": phrases("vy | váš | vás | my | náš | nás"),
    "pl": phrases("wy | wasz | was | my | nasz | nas"),
    "sk": phrases("vy | váš | vás | my | náš | nás"),
    "ro": phrases("voi | vă | noi | ne | nostru | noastră"),
    "hu": phrases("ön | önök | mi | minket | mienk"),
    "hr": phrases("vi | vaš | vas | mi | naš | nas"),
    "el": phrases("εσείς | σας | εμείς | μας"),
    "bg": phrases("вие | ви | ние | ни | нас"),
    "ar": frozenset(),
    "fa": frozenset(),
    "hi": frozenset(),
    "bn": frozenset(),
    "th": frozenset(),
    "zh": frozenset(),
    "tr": phrases("siz | sizin | biz | bizim"),
    "id": phrases("anda | kami | kita"),
    "sw": phrases("sisi | tu | wewe"),
}

# Prompts that scrapers leave in the middle of a paragraph ("... fell. Scroll down for video The council ..."):
# cut out of the paragraph as their own boilerplate span, never the paragraph dropped with them.
INLINE_PROMPTS: dict[str, tuple[str, ...]] = {
    "en": ("scroll down for video", "scroll down for videos", "story continues below advertisement",
           "story continues below", "article continues below advertisement", "article continues below",
           "continue reading below", "continue reading the main story", "advertisement", "read more below",
           "watch the video below", "video below"),
    "de": ("weiterlesen nach der anzeige", "lesen sie nach der anzeige weiter", "anzeige", "werbung",
           "artikel wird nach der anzeige fortgesetzt", "der artikel wird unterhalb der anzeige fortgesetzt",
           "der artikel wird unter der anzeige fortgesetzt"),
    "fr": ("la suite après cette publicité", "la suite après la publicité", "publicité"),
    "es": ("sigue leyendo", "continúa leyendo", "publicidad", "la noticia continúa tras la publicidad"),
    "it": ("continua a leggere dopo la pubblicità", "pubblicità", "continua dopo la pubblicità", "continua a leggere"),
    "nl": ("lees verder na de advertentie", "advertentie", "gesponsord"),
    "pt": ("continua depois da publicidade", "publicidade", "continua após a publicidade", "continua após publicidade",
           "continue lendo"),
    "sv": ("annons", "artikeln fortsätter under annonsen"),
    "no": ("annonse", "saken fortsetter under annonsen", "artikkelen fortsetter under annonsen"),
    "da": ("annonce", "artiklen fortsætter under annoncen"),
    "fi": ("mainos", "artikkeli jatkuu mainoksen jälkeen", "mainos (teksti jatkuu alla", "mainos, teksti jatkuu alla"),
    "pl": ("reklama", "dalsza część artykułu pod reklamą"),
    "cs": ("reklama", "pokračování článku pod reklamou"),
    "hu": ("hirdetés",),
    "ro": ("publicitate",),
    "tr": ("reklam",),
    "hr": ("oglas",),
    "el": ("διαφήμιση", "διαφημιση"),  # (in capitals Greek drops its accents: "ΔΙΑΦΗΜΙΣΗ")
    "ru": ("реклама",),
    "ar": ("إعلان",),
    "fa": ("تبلیغات",),
    "sw": ("tangazo",),
    "hi": ("विज्ञापन",),
    "bn": ("বিজ্ঞাপন",),
    "ur": ("اشتہار",),
    "is": ("auglýsing",),
    "et": ("reklaam",),
    "lv": ("reklāma",),
}  # fmt: skip
_INLINE_PROMPT = re.compile(
    r"(?:(?<=[.!?”\"’»)])\s{1,3}|^)("
    + vocab.alternation(vocab.union(INLINE_PROMPTS))
    + r")(?=\s{1,3}[A-ZÀ-ÖØ-Þ“\"„«]|\s*$)",
    re.IGNORECASE,
)
# A link's screen-reader text or a button glued to the end of a line ("... REUTERS/Jane Roe Purchase Licensing
# Rights, opens new tab", "... Principles., opens new tab", "Jane Roe/AP hide caption"): cut off like an inline prompt.
TRAILING_PROMPTS: dict[str, tuple[str, ...]] = {
    "en": ("purchase licensing rights, opens new tab", "purchase licensing rights", "opens new tab",
           "opens in new tab", "opens in a new tab", "opens in a new window", "hide caption"),
    "de": ("öffnet in neuem tab", "öffnet in einem neuen tab", "öffnet in neuem fenster"),
}  # fmt: skip
_TRAILING_PROMPT = re.compile(
    r"\s{0,3}(,?\s{0,3}(?<=[\s,])(?:" + vocab.alternation(vocab.union(TRAILING_PROMPTS)) + r"))\s*$", re.IGNORECASE
)
_TRAILING_WINDOW = 60
_PROMPT_LINES: frozenset[str] = frozenset(p for ps in INLINE_PROMPTS.values() for p in ps)
_QUOTES = ('"', "“", "”", "„", "«", "»")
_INLINE_MIN_WORDS = 8  # a line shorter than this is a prompt line, not a paragraph holding one


def inline_prompt(line: str) -> tuple[int, int] | None:
    """The span of a prompt inside a paragraph (``Scroll down for video`` between two sentences), or None.

    Only for a line that holds prose besides the prompt, and only between sentences: the prompt follows a sentence
    end (or starts the line) and a capital follows it (or the line ends).
    """
    if len(line) > 20_000:
        return None
    if len(line.split()) < _INLINE_MIN_WORDS:
        # a short line keeps only a prompt glued to its end ("Jane Roe/AP hide caption": a credit and a button)
        short = _TRAILING_PROMPT.search(line, max(0, len(line) - _TRAILING_WINDOW))
        return short.span(1) if short is not None else None
    for m in _INLINE_PROMPT.finditer(line):
        start, end = m.span(1)
        rest = line[:start] + line[end:]
        if len(rest.split()) >= _INLINE_MIN_WORDS - 3 and line[start].isupper():
            return start, end
    trailing = _TRAILING_PROMPT.search(line, max(0, len(line) - _TRAILING_WINDOW))
    return trailing.span(1) if trailing is not None else _ui_sentence(line)


_UI_SENTENCE_MAX_WORDS = 15


def _ui_sentence(line: str) -> tuple[int, int] | None:
    """A short sentence inside a paragraph that speaks to the reader with a UI phrase ("... evening. Sign up for our
    free politics newsletter here. The study found ..."): the span to cut out, or None. The paragraph keeps at least
    ``_INLINE_MIN_WORDS`` words of its own, none of them speaking to the reader or holding a UI phrase (a promotion
    of several sentences, "If you buy something using links in our stories, we may earn a commission. Learn more.",
    stays one block); a sentence with a quotation is someone's words, never cut."""
    if _ui_phrase(normalise(line)) is None:
        return None  # (a phrase that far into a paragraph does not make it a UI line either: is_ui_line's key)
    words = len(line.split())
    for found in split_sentences(line):
        sentence = line[found.start : found.end]
        n = len(sentence.split())
        if n > _UI_SENTENCE_MAX_WORDS or words - n < _INLINE_MIN_WORDS or any(q in sentence for q in _QUOTES):
            continue
        phrase = _ui_phrase(normalise(sentence))  # whole words, as the UI-line test reads them
        if phrase is None:
            continue
        reader = _READER_WORDS_OF[phrase]
        rest = (line[: found.start] + " " + line[found.end :]).casefold().split()
        if (
            not reader.isdisjoint(_word_keys(sentence.casefold().split()))
            and reader.isdisjoint(_word_keys(rest))
            and _UI_PHRASE.search(" ".join(rest)) is None  # (any phrase, even inside a word, keeps the paragraph whole)
        ):
            return found.start, found.end  # the rest is the story's prose, not more of the promotion
    return None


def _word_keys(words: list[str]) -> set[str]:
    return {w.strip(",;:.!?()\"'“”„«»") for w in words}


# Line openings, by language, that make the whole line a pointer to another page ("Lire aussi : ...", "This article
# originally appeared on ...": the page where the story first ran).
TEASER_PREFIXES_BY_LANGUAGE: Mapping[str, frozenset[str]] = {
    "en": phrases(
        """
        read more | read next | related: | related - | see also | also read | more: | read: | watch: | listen: |
        go deeper: | most read from | filed under: |
        recommended: | don't miss: | most read: | trending: | tags: | topics: |
        this article originally appeared | this story originally appeared | this article was originally published |
        this story was originally published | this article first appeared | this story first appeared |
        a version of this story first appeared | a version of this article first appeared | this article is
        republished from | this story is republished from | this article was republished from | republished with
        permission from
        """
    ),
    # and the broadcasters' programme note under a story ("Über dieses Thema berichtete tagesschau24 am ...")
    "de": phrases(
        "lesen sie auch | lesen sie mehr | mehr: | mehr zum thema: | mehr zu diesem thema: | auch interessant: | "
        "lesetipp: | dieses thema im programm | sendung vom | ressort: | verwendete quellen: | "
        "siehe auch: | über dieses thema berichtete | über dieses thema berichtet | dieses thema im programm: | "
        "schlagwörter | schlagworte | themen: | diese nachricht wurde am | sendung: | dieser artikel erschien zuerst | "
        "dieser beitrag erschien zuerst | der artikel erschien zuerst | passend zum artikel | mehr zum thema"
    ),
    "fr": phrases(
        "lire aussi | à lire aussi | a lire aussi | lire également | à lire également | voir aussi | mots-clés : | "
        "cet article a été initialement publié | cet article a d'abord été publié | cet article a été publié "
        "initialement | cet article a été publié à l'origine | sujets liés"
    ),
    "es": phrases(
        "lea también | lee también | le puede interesar: | te puede interesar: | ver también | relacionado: | "
        "etiquetas: | temas: | "
        "este artículo fue publicado originalmente | este artículo se publicó originalmente"
    ),
    "it": phrases("leggi anche | leggi pure | vedi anche | potrebbe interessarti: | argomenti: | tag:"),
    "ca": phrases("llegeix també | llegiu també | et pot interessar:"),
    "nl": phrases("lees ook | lees meer: | zie ook | bekijk ook | trefwoorden: | onderwerpen: | tags:"),
    "pt": phrases("leia também | leia mais: | veja também | saiba mais: | tags: | assuntos: | tópicos:"),
    "sv": phrases("läs också | läs även | läs mer: | ämnen: | taggar:"),
    "no": phrases("les også | les mer: | emner: | stikkord:"),
    "da": phrases("læs også | læs mere: | emner:"),
    "ja": phrases("関連記事 | 【関連記事】 | あわせて読みたい | 合わせて読みたい"),
    "id": phrases("baca juga: | baca juga |"),
    "vi": phrases("xem thêm: | xem thêm"),
    "bg": phrases("прочетете още: | прочетете също: | още по темата: | етикети:"),
    "fa": phrases("بیشتر بخوانید: | بخوانید:"),
    "sw": phrases("soma pia: | soma pia"),
    "ur": phrases("مزید پڑھیں: | مزید پڑھیں"),
    "fi": phrases("lue myös: | lue myös | aiheet: | avainsanat: | lue lisää:"),
    "is": phrases("meira: | lestu einnig"),
    "ru": phrases("читайте также: | читайте также | по теме: | теги:"),
    "uk": phrases("читайте також: | читайте також | дивіться також: | теги:"),
    "pl": phrases(
        "czytaj także: | czytaj także | czytaj też: | czytaj też | zobacz także: | zobacz też: | polecamy: | tagi: | "
        "tematy:"
    ),
    "cs": phrases("čtěte také: | čtěte též: | čtěte také | související: | mohlo by vás zajímat: | témata:"),
    "sk": phrases("čítajte aj: | čítajte tiež: | čítajte aj | súvisiace: | prečítajte si aj: | prečítajte si tiež:"),
    "hr": phrases("pročitajte još: | pročitajte i: | pročitajte također: | pročitajte još | tagovi:"),
    "sl": phrases("preberite še: | preberite tudi: | preberite še | teme: | oznake:"),
    "lt": phrases("taip pat skaitykite: | skaitykite taip pat: | taip pat skaitykite | žymės: | temos:"),
    "lv": phrases("lasi arī: | lasiet arī: | lasi arī | tēmas: | birkas:"),
    "et": phrases("loe ka: | loe lisaks: | märksõnad:"),
    "ro": phrases("citește și: | citeste si: | citește și | etichete:"),
    "hu": phrases("kapcsolódó cikk: | kapcsolódó: | címkék:"),
    "el": phrases("διαβάστε επίσης: | διαβάστε ακόμη: | διαβαστε επισησ: | διαβαστε ακομη: | ετικέτες: | ετικετεσ:"),
    "ar": phrases("اقرأ أيضاً: | اقرأ أيضا: | اقرأ أيضاً | اقرأ أيضا"),
    "he": phrases("קראו גם: | קראו עוד: | לקריאה נוספת"),
    "hi": phrases("यह भी पढ़ें: | ये भी पढ़ें: | यह भी पढ़ें | ये भी पढ़ें"),
    "th": phrases("อ่านข่าวที่เกี่ยวข้อง | อ่านเพิ่มเติม | อ่านข่าว: | อ่านข่าวเพิ่มเติม | แท็ก:"),
    # (looked up NFKC-folded: the full-width colon is read as ":")
    "zh": phrases("相关新闻： | 相关阅读： | 延伸阅读： | 延伸阅读: | 延伸閱讀: | 相关新闻: | 相关阅读:"),
}
TEASER_PREFIXES: tuple[str, ...] = vocab.union(TEASER_PREFIXES_BY_LANGUAGE)

# Promotion vocabulary: with "you/your" in a short line, the line addresses the reader, not the story.
PROMO_WORDS: tuple[str, ...] = tuple(
    phrases(
        """
        subscri | newsletter | sign in | sign up | sign-up | log in | register | account | inbox | email address |
        unlock | offers | promotions | notifications | download | our app | podcast | follow us | whatsapp |
        membership | donat | paywall | ad-free | access articles | online access | epaper | crossword |
        puzzles | per month | comments | email updates
        """
    )
)

# Of those, the words that are also a story's own ("Nepal offers talks", "Donations poured in after the fire",
# "Registered voters ..."): without "you" they make a promotion only of a line of a few words ("View
# comments", "Special offers", "Donate") or one with a link; a longer line needs one of the other words ("Sign in or
# create an account")
AMBIGUOUS_PROMO_WORDS: frozenset[str] = frozenset(
    phrases(
        """
        register | account | offers | comments | download | podcast | donat | unlock | notifications | promotions |
        membership | inbox | puzzles
        """
    )
)
_PROMO_FEW_WORDS = 4
_PROMO_MAX_WORDS = 8

_SECOND_PERSON = re.compile(r"\b(?:you|your|you're|you'll|yours)\b")
# a word: letters with the combining vowel signs of Indic and other scripts (Bengali "জানুয়ারি" was five "words"), or
# up to four digits
_MARKS = "\u0300-\u036f\u0900-\u0dff\u0e31-\u0e3a\u0e47-\u0e4e\u0f00-\u0fff"
_WORD = re.compile(rf"[^\W\d_](?:[^\W\d_]|[{_MARKS}]){{0,19}}|\d{{1,4}}")
_MONTHS = vocab.MONTH_WORDS
_DAYS = {"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "monday", "tuesday"}
_DAYS |= set(vocab.union(vocab.WEEKDAYS))
_TIME_WORDS = {
    "am",
    "pm",
    "a",
    "m",
    "p",
    "ago",
    "min",
    "mins",
    "minute",
    "minutes",
    "hour",
    "hours",
    "hr",
    "hrs",
    "sec",
    "secs",
    "second",
    "seconds",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "read",
    "reading",
    "time",
    "published",
    "updated",
    "update",
    "posted",
    "last",
    "first",
    "on",
    "at",
    "today",
    "yesterday",
    "just",
    "now",
    "edt",
    "est",
    "cdt",
    "cst",
    "mdt",
    "mst",
    "pdt",
    "pst",
    "bst",
    "gmt",
    "utc",
    "cet",
    "cest",
    "jst",
    "ist",
    "aest",
    "aedt",
    "sast",
    "eat",
    "wat",
    "hkt",
    "sgt",
    "et",
    "pt",
    "ct",
    "of",
    "modified",
    "created",
    "date",
    "the",
    "th",
    "st",
    "nd",
    "rd",
    "and",
    "in",
    "by",
    "originally",
    "initially",
}
_TO_READ = ["to", "read"]
_READING_MINUTES = frozenset({"min", "mins", "minute", "minutes", "minuten", "minutos", "minuti", "minuter"})
_FOREIGN_TIME_WORDS: frozenset[str] = frozenset(vocab.union(vocab.TIMESTAMP_WORDS))
# "9.14 am", "14:30", "12:41h", "14h30", and the Nordic "kl. 09.14" (o'clock, its time written with a full stop)
_CLOCK = re.compile(
    r"\b\d{1,2}[:.]\d{2} ?(?:[ap]\.?m\b|[a-z]{2,4}\b)|\b\d{1,2}:\d{2}h?\b|\b\d{1,2}h\d{2}\b|\bkl\.? ?\d{1,2}\.\d{2}\b"
)
_ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
_VIDEO_DURATION = re.compile(r"^(?:duration )?\d{1,2}:\d{2}(?::\d{2})?$")
_LEADING_DURATION = re.compile(r"^\d{1,2}:\d{2} \S")
_EMBED_ATTRIBUTION = re.compile(r"^[—–-] ?[^\n]{1,100}\(@\w{1,30}\)[^\n]{0,40}\d{4}$")
_LIVE_ENTRY = re.compile(
    r"^(?:\d{1,2}[:.]\d{2}(?: ?[ap]\.?m\.?)?|\d{1,3} (?:mins?|minutes?|hours?|hrs?|secs?|seconds?|days?) ago)"
)
_DATED_PLACE = re.compile(r"^[A-Z][A-Z.'’ -]{1,40}(?:, [A-Z][A-Za-z. ]{1,30})? \d{4}-\d{2}-\d{2}$")
_DATELINE = re.compile(r"^[A-Z][A-Z.'’ -]{1,40}(?:, [A-Z][A-Za-z.]{1,15}(?: [A-Z][A-Za-z.]{1,15}){0,2})? ?[—–-]{1,2}$")


# Words of share bars and toolbars; a line made only of them is a toolbar ("cancel email link share Save").
UI_WORDS: frozenset[str] = phrases(
    """
    share | sharing | email | e-mail | mail | link | copy | copied | bookmark | save | saved | print | comment |
    comments | cancel | close | facebook | twitter | x | linkedin | whatsapp | telegram | reddit | pinterest |
    flipboard | pocket | gettr | gab | truth | sms | threads | bluesky | tweet | post | follow | subscribe | listen |
    gift | reprints | permissions | instagram | youtube | tiktok | messenger | copy link | send | mastodon | viber |
    vk | kommentera | kommentit | kommentaarid | komentāri | komentarai | diskuse | diskusia | komentarji |
    komentari | zdieľať | teilen | kommentare | kommentar | drucken | merken | speichern | vorlesen | link kopieren |
    partager | commentaires | imprimer | compartir | comentarios | imprimir | guardar | condividi | commenti |
    delen | reacties | opslaan | dela | kommentarer | spara | lagre | über | per | xing |
    partilhar | compartilhar | comentários | udostępnij | komentarze | поділитися | коментарі | поделиться
    """
)


def _alternation(items: frozenset[str] | tuple[str, ...]) -> re.Pattern[str]:
    """A pattern that finds any of ``items`` (literal strings), the longest where several start at one place.

    Written as a trie (``affiliate(?: link(?:s)?| commission)``...), not as a flat list of alternatives: at each
    position the engine follows one branch instead of trying every phrase in turn, which kept the cost of a line
    flat when the phrase lists grew to eleven languages. A greedy optional tail prefers the longer phrase, as the
    longest-first flat list did."""
    trie: dict[str, Any] = {}
    for item in items:
        node = trie
        for ch in item:
            node = node.setdefault(ch, {})
        node[""] = {}  # a phrase ends here

    def pattern(node: dict[str, Any]) -> str:
        branches = [re.escape(ch) + pattern(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return re.compile(pattern(trie))


_UI_PHRASE = _alternation(UI_PHRASES)
# a phrase's reader words: those of every language that lists it
_READER_WORDS_OF: dict[str, frozenset[str]] = {
    p: frozenset().union(*(READER_WORDS_BY_LANGUAGE[lang] for lang, ps in UI_PHRASES_BY_LANGUAGE.items() if p in ps))
    for p in UI_PHRASES
}
_PHOTO_MARKER = re.compile("|".join(f"(?:{p.pattern})" for p in PHOTO_MARKERS))


_UNSPACED_SCRIPTS = "\u3000"  # from the CJK punctuation on: Chinese, Japanese kana and kanji, Korean


@lru_cache(maxsize=4096)
def _ui_phrase(key: str) -> str | None:
    """The first UI phrase in a line's key (``normalise``), or None: looked up once for a line that the inline-prompt
    cut and the UI-line test both read."""
    for found in _UI_PHRASE.finditer(key):
        start, end = found.span()
        # whole words only: "del på" (share on) is no phrase inside "misshandel på"; a script written without
        # spaces has no word ends to ask for ("有料会員になると会員限定の…")
        unspaced = found.group()[:1] >= _UNSPACED_SCRIPTS
        if unspaced or ((start == 0 or not key[start - 1].isalnum()) and (end == len(key) or not key[end].isalnum())):
            return found.group()
    return None


# a picture in Markdown, as a CMS export writes it: "![The mayor at the meeting](https://example.com/a.jpg)"
_MARKDOWN_IMAGE = re.compile(r"!\[[^\]\n]{0,300}\]\([^()\s]{1,500}(?:\s\"[^\"]{0,200}\")?\)")


_LINK_LIST_COUNT = re.compile(r"list of \d{1,2} items?")
_PAYWALL_MARK = re.compile(r"[\w.-]{1,15} ?(?:\+|plus)|[\w.]{1,15}-abo")  # "BILD+", "SZ Plus", "BZ-Abo"
_COUNTED_BUTTON = re.compile(r"(?:\w{2,20} )?(?P<button>\w{2,20}) \(?\d{1,5}(?: \w{1,15})?")
# "READ | ...", "Read also | ...": a link to another story after a bar (the phrase lists cannot hold the bar)
_READ_BAR = re.compile(r"(?:read|read also|also read|read more|see also) \| \S")
_LABELLED_EMAIL = re.compile(r"(?i:contact|e-?mail|mail|tips?)\s?:\s?[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,4}")
_EMAIL = re.compile(r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,4}")


def is_ui_line(line: str) -> bool:
    """A button, a label, a placeholder or a promotion: never part of the article."""
    key = normalise(line)
    bare = line.strip()
    if not key or key in UI_LINES or key in _PROMPT_LINES or _MARKDOWN_IMAGE.fullmatch(bare) or _EMAIL.fullmatch(bare):
        return True  # (an address alone on its line is the author's box or a tip line: "jane.roe@example.com")
    words = key.split()
    if len(words) > 60 or any(q in line[:400] for q in ('"', "“", "”")):
        return False  # a paragraph that mentions "click here" or a privacy policy is still a paragraph
    if len(words) >= 2 and all(w in UI_WORDS for w in words):
        return True
    if _PHOTO_MARKER.match(key):
        return True
    phrase = _ui_phrase(key)
    if any(p in key for p in DISCLOSURE_PHRASES):
        return True  # a disclosure is furniture however long its line ("Dieser Artikel enthält Affiliate-Links. ...")
    if phrase and (
        len(words) < UI_PHRASE_PROSE_MIN_WORDS
        or not line.rstrip().endswith(vocab.SENTENCE_ENDS)
        or not _READER_WORDS_OF[phrase].isdisjoint(w.strip(",;:.!?") for w in words)
    ):
        return True
    if key.startswith(TEASER_PREFIXES):
        return True
    if len(words) == 2 and words[0].isdigit() and words[1] in UI_WORDS:
        return True  # "23 Kommentare", "4 comments": a counter on a button
    if _LINK_LIST_COUNT.fullmatch(key):
        return True  # a screen reader's words before a list of links ("list of 3 items" ... "end of list")
    counted = _COUNTED_BUTTON.fullmatch(key)
    if _PAYWALL_MARK.fullmatch(key) or (counted is not None and counted.group("button") in UI_WORDS):
        return True  # "BILD+", "SZ Plus": a paywall's mark; "Kommentare (14)", "Diskuse (87 příspěvků)": a button
    if _READ_BAR.match(key):
        return True  # "READ | Municipal debt tops R90 billion": a link to another story
    labelled = _LABELLED_EMAIL.fullmatch(bare)
    if labelled:
        return True  # "Contact: the.editor@example.com"
    return key.isdigit() and len(key) <= 4  # a comment count or a page number


_RIGHTS_PHRASE = _alternation(vocab.union(vocab.RIGHTS_RESERVED))
_RIGHTS_OPENERS: tuple[str, ...] = (*vocab.union(vocab.COPYRIGHT_WORDS), *(m.casefold() for m in vocab.CREDIT_MARKS))
RIGHTS_NOTICE_MAX_WORDS = 45
_PROHIBITED_NOTICE_MAX_CHARS = 200


_NOTICE_EDGES = " \t\n\"'“”‘’«»()[]"


def _notice_key(line: str) -> str:
    """A line NFKC-normalised, case-folded, without quotes and brackets at its edges: the key a rights notice's
    opener and reservation are looked up in."""
    return unicodedata.normalize("NFKC", line).casefold().strip(_NOTICE_EDGES)


def _opens_with_rights_opener(line: str) -> bool:
    """The line opens with a copyright word or mark; NFKC turns the circled "ⓒ" into a letter, so the opening mark is
    also read before normalising."""
    return _notice_key(line).startswith(_RIGHTS_OPENERS) or line.casefold().strip(_NOTICE_EDGES).startswith(
        _RIGHTS_OPENERS
    )


def opens_with_copyright(line: str) -> bool:
    """A short line that opens with a copyright word or mark (``Copyright PUNCH.``, ``© Name``, ``ⓒ Name``)."""
    head = line[:200]
    words = [w for w in _notice_key(head).split() if any(c.isalnum() for c in w)]  # "Copyright ©": one opener
    return len(words) <= _COPYRIGHT_LINE_MAX_WORDS and _opens_with_rights_opener(head)


_COPYRIGHT_LINE_MAX_WORDS = 6

# "Copyright 2026 NPR", "© 2026 The Associated Press", "Copyright © 2026 KXYZ": a copyright and a year before the name
# (or after it: "Copyright © The Times, 2026")
_DATED_COPYRIGHT = re.compile(r"^(?:\S+\s{1,2}){0,2}(?:19|20)\d{2}\b|.*[\s,](?:19|20)\d{2}\.?$")


def is_dated_copyright(line: str) -> bool:
    """A short line opening with a copyright word or mark and a year (``Copyright 2026 NPR``): on a story's last
    line, its rights notice, not a picture's credit."""
    return opens_with_copyright(line) and _DATED_COPYRIGHT.match(line.strip()) is not None


def is_rights_notice(line: str) -> bool:
    """A rights notice for the article, standing alone: it opens with a copyright word or mark or with the
    reservation itself, and reserves the rights (``© 2026 The AP. All rights reserved.``, ``Riproduzione riservata
    © Copyright ANSA``, ``Copyright 2026 Name. Alle Rechte vorbehalten.``), or, in a script without spaces, it
    forbids copying after the publisher's name (``…無断転載を禁じます``, ``…不得轉載``). A picture credit reserves
    nothing."""
    if len(line) <= _PROHIBITED_NOTICE_MAX_CHARS and any(p in line for p in vocab.RIGHTS_PROHIBITED):
        return True
    if len(line) > 400:
        return False
    key = _notice_key(line)
    if len(key.split()) > RIGHTS_NOTICE_MAX_WORDS:
        return False
    found = _RIGHTS_PHRASE.search(key)
    if found is None:
        return False
    return found.start() == 0 or _opens_with_rights_opener(line)


# A breadcrumb's separators: an arrow ("Home > News > Local", "Inicio › Noticias") separates two sections or more; a
# slash or a bar, which a headline may hold once ("Opinion | Why ..."), three or more
_CRUMB_ARROWS: tuple[str, ...] = (" > ", " › ", " » ", " → ")
_CRUMB_BARS: tuple[str, ...] = (" / ", " | ")
_CRUMB_MAX_WORDS = 3  # a section's name: "Local", "Politik", "Ciencia y tecnología"
_CRUMB_MAX_CHARS = 120
_CRUMB_ENDS: tuple[str, ...] = (*vocab.SENTENCE_ENDS, ":", ",")  # a section name ends in none of these


def _crumb(part: str) -> bool:
    """A section's name: one to three words, opening with a letter, one word of two letters or more, no sentence end
    ("- Revenue N / A N / A" is a table row)."""
    words = part.split()
    return (
        1 <= len(words) <= _CRUMB_MAX_WORDS
        and part[:1].isalpha()
        and any(sum(c.isalpha() for c in w) >= 2 for w in words)
        and not part.rstrip().endswith(_CRUMB_ENDS)
    )


def is_breadcrumb(line: str) -> bool:
    """The page's place in the site's sections: ``Home > News > Local``, ``News | Local | Politics``."""
    s = line.strip()
    if len(s) > _CRUMB_MAX_CHARS:
        return False
    for sep in (*_CRUMB_ARROWS, *_CRUMB_BARS):
        parts = s.split(sep)
        if len(parts) < (2 if sep in _CRUMB_ARROWS else 3):
            continue
        if all(_crumb(p) for p in parts):
            return True
    return False


def is_photo_marker(line: str) -> bool:
    """A gallery control that stands just before a picture's caption (``View 3 Images``)."""
    return bool(_PHOTO_MARKER.match(normalise(line)))


_TOPIC_HEADER_MAX_WORDS = 6
# How a header over a section's other stories opens, the section's name after it ("Mehr aus Freiburg", "Mehr zur
# Bundesliga", "More from Sport")
SECTION_HEADER_OPENERS: tuple[str, ...] = (
    "mehr aus ", "mehr zur ", "weitere nachrichten aus ", "weitere artikel aus ", "more from ",
)  # fmt: skip
_SECTION_HEADER_MAX_WORDS = 5
_TOPIC_HEADERS: tuple[str, ...] = tuple(f"{h} " for h in TEASER_HEADERS if " " in h)


def is_teaser_header(line: str) -> bool:
    """A heading that opens a list of other articles (``Read More``, ``Most Popular``), perhaps with its topic
    and a colon (``Mehr zum Thema Digital:``)."""
    key = normalise(line)
    if key in TEASER_HEADERS:
        return True
    words = len(key.split())
    sectioned = words <= _SECTION_HEADER_MAX_WORDS and not line.rstrip().endswith(vocab.SENTENCE_ENDS)
    if sectioned and key.startswith(SECTION_HEADER_OPENERS):
        return True  # "Mehr aus Freiburg", "Weitere Nachrichten aus der Politik": the section's other stories
    topical = line.rstrip().endswith((":", "：")) and words <= _TOPIC_HEADER_MAX_WORDS
    return topical and key.startswith(_TOPIC_HEADERS)


def is_video_start(line: str) -> bool:
    """A video or audio widget starts here (``WATCH | ...``, ``Video``)."""
    key = normalise(line)
    if key in VIDEO_LINES:
        return True
    raw = line.strip().casefold()
    return raw.startswith(VIDEO_STARTS)


def is_video_item(line: str) -> bool:
    """A duration, or a video title that starts with its duration (``4:11 Russia ...``, ``Duration 1:30``)."""
    key = normalise(line)
    return bool(_VIDEO_DURATION.match(key) or _LEADING_DURATION.match(key))


def is_promo(line: str, words: int) -> bool:
    """A short line that addresses the reader about subscriptions, newsletters, apps or comments."""
    if words > 45 or any(q in line[:400] for q in ('"', "“", "”")):
        return False  # quoted speech is the story
    key = normalise(line)
    found = [w for w in PROMO_WORDS if w in key]
    if not found:
        return False
    if _SECOND_PERSON.search(key) or line.isupper():
        return True
    if words > _PROMO_MAX_WORDS:
        return False
    credit_like = "/" in line and not has_link(line)
    if all(w in AMBIGUOUS_PROMO_WORDS for w in found) and (_PUBLICATION_NAME.search(line) or credit_like):
        return False  # "The Riverton Register", "Jane Roe/The Riverton Register": a paper's name, a credit
    # (a link makes it one too: "View original content to download multimedia: https://...")
    return words <= _PROMO_FEW_WORDS or has_link(line) or any(w not in AMBIGUOUS_PROMO_WORDS for w in found)


# a publication's name: "The" and capitalised words ("The Riverton Register", "The Orange County Register")
_PUBLICATION_NAME = re.compile(r"\bThe(?: [A-Z][\w.'’&-]*){1,4}\s*$")


_TIMESTAMP_MAX_CHARS = 200  # a date line is short (and a line of many "Place | " parts is read in few steps)
# a place before the first separator of a line, and the rest ("New Delhi | ...", "London, 5 May 2026", "Bern - ...")
_PLACE_FIRST = re.compile(r"^([^|,·•–—-]{2,40}?)(?: \| |, | [-–—·•] )(\S.*)$")
# the date, then the source after the last slash or bar ("Updated on: July 2, 2024 / 6:15 PM EDT / CBS News")
_SOURCE_LAST = re.compile(r"^(\S.*?) [/|] ([^/|]{2,40})$")
_SOURCE_LAST_MAX_WORDS = 3


def is_timestamp(line: str) -> bool:
    """A date, time or reading-time line: ``Published Jun 05, 2026 • 3 minute read``, ``17:41 JST, Oct 13``."""
    return _timestamp(line, sourced=True)


def _timestamp(line: str, *, sourced: bool) -> bool:
    """``is_timestamp``; the source after the last separator is read off once (``sourced``), so a line of many
    parts is read in linear steps, not one branch per part and per way of reading it."""
    if len(line) > _TIMESTAMP_MAX_CHARS or table_row(line):  # (a results row's numbers are no date)
        return False
    placed = _PLACE_FIRST.match(line)
    if placed and load_gazetteer().is_place(placed.group(1).strip()) and _timestamp(placed.group(2), sourced=sourced):
        return True  # "New Delhi | Updated: May 25, 2026 18:20 IST", "London, 5 May 2026": the writer's city, the date
    source = _SOURCE_LAST.match(line.strip()) if sourced else None
    if source and len(source.group(2).split()) <= _SOURCE_LAST_MAX_WORDS and _timestamp(source.group(1), sourced=False):
        return True  # "July 2, 2024 / 6:15 PM EDT / CBS News": the date line and the channel that published it
    key = normalise(line)
    if not key or len(key) > 120 or any(p in line[:120] for p in "，。、；"):
        return False  # CJK clause marks: a sentence that opens with a date ("2026年12月6日，习近平在北京出席会议")
    tokens = _WORD.findall(key)
    if not tokens or len(tokens) > 24:
        return False
    datey = 0
    # a month or weekday name, a clock time, an ISO date, or a word such as "ago" makes it a date; digits alone
    # (a table row "ORLANDO 8 6 .571 4", a score) do not
    anchor = bool(_CLOCK.search(key) or _ISO_DATE.search(key)) or key.startswith(vocab.RELATIVE_TIME_OPENERS)
    for t in tokens:
        if t.isdigit():
            datey += 1
        elif t in _MONTHS or t in _DAYS:
            datey += 1
            anchor = True
        elif t in _TIME_WORDS:
            datey += 1
            anchor = anchor or t in ("ago", "today", "yesterday", "read", "published", "updated", "posted")
        elif t in _FOREIGN_TIME_WORDS:
            datey += 1
            anchor = anchor or t in vocab.TIMESTAMP_ANCHORS
    if len(tokens) in (2, 4) and tokens[0].isdigit() and tokens[1] in _READING_MINUTES and tokens[2:] in ([], _TO_READ):
        return True  # "3 min", "4 Minuten", "2 mins to read": the reading time
    return anchor and datey >= max(1, len(tokens) - (1 if len(tokens) >= 5 else 0)) and datey / len(tokens) >= 0.8


def is_embed_attribution(line: str) -> bool:
    """The signature line of an embedded social post: ``— Name (@handle) July 18, 2026``."""
    return bool(_EMBED_ATTRIBUTION.match(line.strip()[:200]))


def has_link(line: str) -> bool:
    """A URL, a picture link of an embedded post, a hashtag or a handle."""
    low = line.casefold()
    return "http://" in low or "https://" in low or "pic.twitter.com" in low or "t.co/" in low or " #" in low


def is_live_entry_header(line: str) -> bool:
    """A live-blog entry header: a time, then perhaps an author or a label (``20:42KEY EVENT``)."""
    s = line.strip()
    if len(s) > 60:
        return False
    m = _LIVE_ENTRY.match(s.casefold())
    if not m:
        return False
    rest = s[m.end() :].strip(" |·•-–—")
    return len(rest.split()) <= 5 and not rest.endswith((".", "?", "!"))


def is_dateline(line: str) -> bool:
    """A dateline standing alone: ``AUBURN, Wash. —``, ``LONDON 1996-12-06``."""
    s = line.strip()
    return len(s) <= 60 and bool(_DATELINE.match(s) or _DATED_PLACE.match(s))
