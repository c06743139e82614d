"""A table of picture sources: wire services, picture agencies, stock libraries and broadcasters.

The table is generic: it lists the international and large national news agencies, the big picture agencies and
their sub-brands, the main stock libraries, and a few institutional photo services, as a picture desk would know
them. It is not built from any evaluation article. Credits from sources not listed here are still found by their
structure (``Photo: ...``, ``Name/Agency``, ``Name for Publication`` ...); the table only makes a bare name such as
``REUTERS`` or ``Getty Images`` recognisable on its own, and tells which part of ``NAME/AFP via Getty`` owns the
picture.

Each entry maps the canonical IPTC Source to the spellings seen in credits (compared case-insensitively, with
runs of spaces collapsed). ``DISTRIBUTORS`` are the sources that also redistribute other agencies' pictures: in
``AFP via Getty Images`` the owner is AFP.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# News agencies: they write stories as well as take pictures, so a story may be signed with their name alone
# ("TT", "(dpa)", "/ritzau/" on its last line).
WIRE_SERVICES: dict[str, tuple[str, ...]] = {
    # international wire services
    "AP": (
        "AP",
        "AP Photo",
        "AP Photos",
        "AP Images",
        "Associated Press",
        "The Associated Press",
        "أ.ب",
        "أسوشيتد برس",
    ),
    "AFP": ("AFP", "AFP Photo", "Agence France-Presse", "Agence France Presse", "أ.ف.ب", "أ ف ب", "فرانس برس"),
    "Reuters": (
        "Reuters",
        "Reuters Pictures",
        "Thomson Reuters",
        "ロイター",
        "رويترز",
        "رویترز",
        "รอยเตอร์",
        "רויטרס",
        "रॉयटर्स",
        "Рейтер",
        "路透社",
    ),
    "Bloomberg": ("Bloomberg", "Bloomberg News", "Bloomberg Creative"),
    "UPI": ("UPI", "United Press International"),
    # national news agencies
    "PA": ("PA", "PA Images", "PA Wire", "PA Media", "PA Archive", "PA Photo", "Press Association"),
    "EPA": ("EPA", "EPA-EFE", "EPA/EFE", "European Pressphoto Agency"),
    "EFE": ("EFE", "Agencia EFE"),
    "dpa": (
        "dpa",
        "dpa-infocom",
        "dpa-infocom GmbH",
        "Deutsche Presse-Agentur",
        "picture alliance",
        "picture-alliance",
        "dpa/picture alliance",
    ),
    "ANSA": ("ANSA",),
    "ANP": ("ANP",),
    "Belga": ("Belga", "Belga Image"),
    "Keystone": ("Keystone", "Keystone-SDA", "KEYSTONE/SDA", "SDA", "ATS", "Keystone-ATS"),
    "APA": ("APA", "APA-Images", "APA/picturedesk", "picturedesk.com", "Austria Presse Agentur"),
    "Europa Press": ("Europa Press",),
    "LaPresse": ("LaPresse",),
    "Lusa": ("Lusa", "Agência Lusa"),
    "Agência Brasil": ("Agência Brasil",),
    "TASR": ("TASR",),
    "MTI": ("MTI",),
    "HINA": ("HINA",),
    "STA": ("STA",),
    "BTA": ("BTA", "БТА"),
    "BGNES": ("BGNES", "БГНЕС"),
    "ACN": ("ACN", "Agència Catalana de Notícies"),
    "Imago": ("IMAGO", "imago images", "IMAGO Images", "imago stock&people", "imago sportfotodienst"),
    "epd": ("epd", "epd-bild"),
    "KNA": ("KNA",),
    "TT": ("TT", "TT News Agency"),
    "NTB": ("NTB", "NTB Scanpix"),
    "Ritzau Scanpix": ("Ritzau Scanpix", "Ritzau", "Scanpix"),
    "Lehtikuva": ("Lehtikuva",),
    "PAP": ("PAP",),
    "ČTK": ("ČTK", "CTK"),
    "Anadolu": ("Anadolu", "Anadolu Agency", "Anadolu Ajansı", "AA", "الأناضول"),
    "Xinhua": ("Xinhua", "Xinhua News Agency", "新華社", "新华社"),
    "Kyodo": ("Kyodo", "Kyodo News", "共同", "共同通信", "共同通信社"),
    "Jiji Press": ("Jiji", "Jiji Press", "時事", "時事通信", "時事通信社"),
    "Yonhap": ("Yonhap", "Yonhap News Agency", "연합뉴스", "聯合ニュース"),
    "TASS": ("TASS", "ITAR-TASS", "ТАСС"),
    "RIA Novosti": ("RIA Novosti", "Sputnik", "РИА Новости"),
    "The Canadian Press": ("The Canadian Press", "Canadian Press", "CP", "La Presse Canadienne"),
    "AAP": ("AAP", "Australian Associated Press"),
    "PTI": ("PTI", "Press Trust of India", "पीटीआई"),
    "ANI": ("ANI", "एएनआई"),
    "IANS": ("IANS", "आईएएनएस"),
    "SWNS": ("SWNS",),
    "STT": ("STT", "STT-Lehtikuva"),
    "ANA-MPA": ("ANA-MPA", "ΑΠΕ-ΜΠΕ", "Athens-Macedonian News Agency"),
    "AGI": ("AGI", "Agenzia Italia"),
    "Agerpres": ("Agerpres",),
    "Tanjug": ("Tanjug", "Танјуг"),
    "Ukrinform": ("Ukrinform", "Укрінформ", "Укринформ"),
    "UNIAN": ("UNIAN", "УНІАН", "УНИАН"),
    "Interfax": ("Interfax", "Interfax-Ukraine", "Интерфакс", "Інтерфакс-Україна"),
    "BelTA": ("BelTA", "БелТА"),
    "Bernama": ("Bernama",),
    "Antara": ("Antara", "Antara Foto"),
    "IRNA": ("IRNA", "ایرنا"),
    "KUNA": ("KUNA", "كونا"),
    "WAM": ("WAM", "وام"),
    "QNA": ("QNA", "قنا"),
    "Notimex": ("Notimex",),
    "Télam": ("Télam", "Telam"),
    "Prensa Latina": ("Prensa Latina",),
    "Folhapress": ("Folhapress",),
    "Estadão Conteúdo": ("Estadão Conteúdo", "Estadao Conteudo"),
    "BNS": ("BNS", "Baltic News Service"),
    "LETA": ("LETA",),
    "ELTA": ("ELTA",),
    "Andina": ("Andina", "Agencia Andina"),
    "Colprensa": ("Colprensa",),
    "APP": ("APP", "Associated Press of Pakistan"),
    "BSS": ("BSS", "Bangladesh Sangbad Sangstha"),
    "NAN": ("NAN", "News Agency of Nigeria"),
    "VNA": ("VNA", "Vietnam News Agency", "TTXVN"),
    "CNA": ("中央社", "Central News Agency"),
    "MENA": ("MENA", "أ ش أ"),
    "WAFA": ("WAFA",),
    "SPA": ("SPA", "Saudi Press Agency", "واس"),
    "NNA": ("NNA", "National News Agency", "الوكالة الوطنية للإعلام"),
}

AGENCIES: dict[str, tuple[str, ...]] = {
    **WIRE_SERVICES,
    # picture agencies, photo collectives and their sub-brands
    "Getty Images": (
        "Getty Images",
        "Getty",
        "Getty Images Europe",
        "Getty Images North America",
        "Getty Images AsiaPac",
        "Getty Images South America",
        "iStock",
        "iStockphoto",
        "Getty Images/iStockphoto",
    ),
    "WireImage": ("WireImage",),
    "FilmMagic": ("FilmMagic",),
    "GC Images": ("GC Images",),
    "Gallo Images": ("Gallo Images",),
    "Hulton Archive": ("Hulton Archive",),
    "Bettmann": ("Bettmann", "Bettmann Archive"),
    "Corbis": ("Corbis",),
    "Shutterstock": ("Shutterstock", "REX/Shutterstock", "Rex Features", "REX"),
    "Alamy": ("Alamy", "Alamy Stock Photo", "Alamy Live News"),
    "Magnum Photos": ("Magnum Photos", "Magnum"),
    "Panos Pictures": ("Panos Pictures", "Panos"),
    "VII": ("VII", "VII Photo"),
    "Redux": ("Redux", "Redux Pictures"),
    "Polaris": ("Polaris", "Polaris Images"),
    "Hans Lucas": ("Hans Lucas",),
    "Hollandse Hoogte": ("Hollandse Hoogte",),
    "Photothek": ("Photothek", "photothek.net"),
    "NurPhoto": ("NurPhoto",),
    "Eurokinissi": ("Eurokinissi", "EUROKINISSI"),
    "Intime News": ("Intime News", "INTIME NEWS"),
    "Flash90": ("Flash90", "Flash 90", "פלאש 90", "פלאש90"),
    "SOPA Images": ("SOPA Images", "SOPA Images/LightRocket", "LightRocket"),
    "ZUMA Press": ("ZUMA Press", "ZUMA Wire", "ZUMA", "Zuma Press Wire"),
    "Sipa": ("Sipa", "Sipa USA", "SIPA Press"),
    "Abaca": ("Abaca", "ABACAPRESS", "Abaca Press"),
    "Camera Press": ("Camera Press",),
    "Avalon": ("Avalon",),
    "Backgrid": ("Backgrid",),
    "Splash News": ("Splash News", "Splash"),
    "Mercury Press": ("Mercury Press",),
    "Cover Images": ("Cover Images",),
    "Bridgeman Images": ("Bridgeman Images", "Bridgeman"),
    "Mary Evans": ("Mary Evans", "Mary Evans Picture Library"),
    "akg-images": ("akg-images", "AKG"),
    "ullstein bild": ("ullstein bild",),
    "Universal Images Group": ("Universal Images Group", "UIG"),
    "Imagn": ("Imagn", "Imagn Images", "USA Today Sports", "USA TODAY Sports"),
    "Icon Sportswire": ("Icon Sportswire",),
    "Action Images": ("Action Images",),
    "Sportsfile": ("Sportsfile",),
    "Offside": ("Offside",),
    "Visual China Group": ("Visual China Group", "VCG"),
    "Imaginechina": ("Imaginechina",),
    "CFOTO": ("CFOTO",),
    "GEPA pictures": ("GEPA", "GEPA pictures"),
    "EXPA Pictures": ("EXPA", "EXPA Pictures"),
    "Eibner-Pressefoto": ("Eibner-Pressefoto", "Eibner Pressefoto", "Eibner"),
    "nordphoto": ("nordphoto",),
    "firo sportphoto": ("firo sportphoto",),
    "Freshfocus": ("Freshfocus",),
    "Sportimage": ("Sportimage",),
    "Pro Shots": ("Pro Shots", "ProShots"),
    "Bildbyrån": ("Bildbyrån",),
    "Icon Sport": ("Icon Sport",),
    "DPPI": ("DPPI",),
    "MAXPPP": ("MAXPPP", "PHOTOPQR", "Photo PQR"),
    "Gamma-Rapho": ("Gamma-Rapho", "Gamma Rapho"),
    "Roger-Viollet": ("Roger-Viollet",),
    "Leemage": ("Leemage",),
    "Profimedia": ("Profimedia",),
    "Agencja Gazeta": ("Agencja Gazeta",),
    "East News": ("East News",),
    "Cordon Press": ("Cordon Press",),
    "GTRES": ("GTRES",),
    "Fotogramma": ("Fotogramma",),
    # stock and free libraries
    "Adobe Stock": ("Adobe Stock",),
    "Dreamstime": ("Dreamstime",),
    "123RF": ("123RF",),
    "Stocksy": ("Stocksy",),
    "Unsplash": ("Unsplash",),
    "Pexels": ("Pexels",),
    "Pixabay": ("Pixabay",),
    "Wikimedia Commons": ("Wikimedia Commons", "Wikimedia"),
    "Flickr": ("Flickr",),
    # image generators: a picture made by software is credited to it ("Bild: Midjourney", "Illustration: DALL-E")
    "Midjourney": ("Midjourney",),
    "DALL-E": ("DALL-E", "DALL·E", "DALL-E 2", "DALL-E 3", "Dall-E"),
    "Stable Diffusion": ("Stable Diffusion",),
    "Adobe Firefly": ("Adobe Firefly",),
    # institutional photo services
    "NASA": ("NASA",),
    "ESA": ("ESA",),
    # a map or a street picture of the place (not "Google": the company is news, not a picture source)
    "Google Maps": ("Google Maps",),
    "Google Street View": ("Google Street View", "Google Streetview"),
    "Google Earth": ("Google Earth",),
    "UN Photo": ("UN Photo", "UN Photos"),
    "White House": ("White House", "The White House", "Official White House Photo"),
    "Ministry of Defence": ("MoD", "Ministry of Defence"),
    # broadcasters and newspapers that run their own picture desks
    "BBC": ("BBC",),
    "CBC": ("CBC", "CBC News"),
    "CNN": ("CNN",),
    "ABC": ("ABC", "ABC News"),
    "NBC": ("NBC", "NBC News"),
    "CBS": ("CBS", "CBS News"),
    "Fox News": ("Fox News",),
    "Sky News": ("Sky News",),
    "Al Jazeera": ("Al Jazeera", "Al Jazeera English", "الجزيرة"),
    "The New York Times": ("The New York Times", "New York Times", "NYT"),
    "The Washington Post": ("The Washington Post", "Washington Post"),
    "The Yomiuri Shimbun": ("The Yomiuri Shimbun", "Yomiuri Shimbun"),
    "The Asahi Shimbun": ("The Asahi Shimbun", "Asahi Shimbun"),
    "The Mainichi": ("The Mainichi", "Mainichi", "Mainichi Shimbun"),
    # roles that stand where an agency would ("Handout", "Pool")
    "Handout": ("Handout", "Handout Photo"),
    "Supplied": ("Supplied", "Supplied photo"),
    "Pool": ("Pool", "Pool Photo"),
}

# The roles above: with an agency beside them the agency is the source ("Handout/AFP", "Pool/AFP via Getty Images":
# AFP supplied the picture); alone, the role is all the credit says.
ROLES: frozenset[str] = frozenset({"Handout", "Supplied", "Pool"})

# Sources that also distribute pictures owned by others ("AFP via Getty Images", "EPA/Shutterstock").
DISTRIBUTORS: frozenset[str] = frozenset({"Getty Images", "Shutterstock", "Alamy", "Imagn"})


# Sources so short or so common that they only count as an agency in a credit context, never on their own line
# next to ordinary words (a line "ABC" or "Pool" is not a credit by itself).
def _names(spec: str) -> frozenset[str]:
    return frozenset(" ".join(name.split()) for name in spec.split("|") if name.strip())


WEAK_ALONE: frozenset[str] = _names(
    """
    ABC | AA | Pool | Handout | Supplied | TT | CP | ANI | ANP | PAP | AKG | UIG | VII | MoD | REX | Panos | Magnum |
    SDA | ATS | STA | BTA | MTI | KNA | epd | 共同 | 時事 | STT | AGI | WAM | QNA | KUNA | IANS | Antara | Eibner |
    White House | The White House | Flickr | Avalon | Offside | Splash
    """
)


def _key(name: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


@lru_cache(maxsize=1)
def _alias_table() -> dict[str, tuple[str, str]]:
    table: dict[str, tuple[str, str]] = {}
    for source, aliases in AGENCIES.items():
        for alias in (source, *aliases):
            table.setdefault(_key(alias), (source, alias))
    return table


def agency_of(name: str) -> str | None:
    """The canonical source for a credit segment such as ``REUTERS`` or ``The Associated Press``, else None."""
    key = _key(name.strip(" .,;:()[]"))
    if not key or len(key) > 60:
        return None
    hit = _alias_table().get(key)
    return hit[0] if hit else None


def wire_service_of(name: str) -> str | None:
    """The canonical name of the news agency ``name`` spells (``TT``, ``Agence France-Presse``), else None: a
    picture agency, a stock library or a broadcaster is not one."""
    source = agency_of(name)
    return source if source in WIRE_SERVICES else None


def is_weak_alone(name: str) -> bool:
    """True for an alias that is not a credit when it stands alone on a line (``ABC``, ``Pool``)."""
    key = _key(name.strip(" .,;:()[]"))
    hit = _alias_table().get(key)
    return hit is None or hit[1] in WEAK_ALONE or hit[0] in WEAK_ALONE


@lru_cache(maxsize=1)
def _multiword_by_first_word() -> dict[str, tuple[tuple[str, str], ...]]:
    index: dict[str, list[tuple[str, str]]] = {}
    for alias, (source, _) in _alias_table().items():
        if " " in alias:
            index.setdefault(alias.split(" ", 1)[0], []).append((alias, source))
    return {k: tuple(sorted(v, key=lambda p: -len(p[0]))) for k, v in index.items()}


def leading_agency(text: str) -> tuple[str, int] | None:
    """A multi-word agency name that starts ``text`` (``The Yomiuri Shimbun The leaders ...``): (source, length)."""
    head = text[:60].casefold()
    for alias, source in _multiword_by_first_word().get(head.split(" ", 1)[0], ()):
        if head.startswith(alias) and (len(head) == len(alias) or head[len(alias)] == " "):
            return source, len(alias)
    return None
