"""Synthetic news articles for load tests: realistic structure, every one distinct (so the cache never hits).

Written for this project (no third-party text): a title, a byline, a caption with an agency credit, a
standalone credit line, boilerplate, and body paragraphs built from sentence templates and name lists.
"""

from __future__ import annotations

import random

FIRST = ["Maria", "Daniel", "Aisha", "Tomasz", "Elena", "Kofi", "Hannah", "Ravi", "Lucia", "Oskar", "Mei", "Samuel"]
LAST = ["Okafor", "Lindqvist", "Haddad", "Moreau", "Kowalski", "Tanaka", "Reyes", "Brennan", "Osei", "Varga"]
PLACES = ["Riverton", "Lakeside", "Port Ellis", "Ashford", "Milltown", "Carver City", "North Bay", "Eastgate"]
ORGS = [
    "the city council",
    "the Regional Water Board",
    "Northern Rail",
    "the state health department",
    "the University of Ashford",
    "the Harbour Authority",
    "Greenfield Energy",
]
AGENCIES = [
    "AP Photo/{n}",
    "{N}/AFP via Getty Images",
    "Photograph: {n}/Reuters",
    "Photo by {n}/Bloomberg",
    "Image: Getty",
    "{n} / PA",
]
TOPICS = [
    "budget",
    "flood defences",
    "rail strike",
    "hospital waiting lists",
    "school closures",
    "port expansion",
    "wind farm",
    "housing plan",
]
SENTENCES = [
    "{Person} said on {day} that {org} would review the {topic} before the end of the year.",
    "The {topic} has divided residents of {place}, where opinion polls show a narrow majority in favour.",
    "\u201cWe have listened to every objection,\u201d {person} told reporters outside the town hall in {place}.",
    "Critics say {org} underestimated the cost of the {topic} by several million dollars.",
    "A spokesperson for {org} declined to comment on the figures, citing an ongoing audit.",
    "{Person}, who has led the campaign since {year}, said the decision was long overdue.",
    "Officials in {place} expect a final vote on the {topic} in the spring.",
    "The plan was first proposed in {year} but stalled after a legal challenge by neighbours.",
    "Local businesses reported a drop in trade of about {pct} percent during the dispute.",
    "Independent analysts at {org} warned that delays would push costs higher still.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def article(seed: int, *, paragraphs: int = 8) -> str:
    """One distinct article; the same seed always gives the same text."""
    rng = random.Random(seed)
    place, topic = rng.choice(PLACES), rng.choice(TOPICS)
    person, photographer = _name(rng), _name(rng)

    def sentence() -> str:
        return rng.choice(SENTENCES).format(
            Person=person,
            person=person.split()[-1],
            org=rng.choice(ORGS),
            topic=topic,
            place=place,
            day=rng.choice(DAYS),
            year=rng.randint(2010, 2025),
            pct=rng.randint(5, 40),
        )

    credit = rng.choice(AGENCIES).format(n=photographer, N=photographer.upper())
    body = [" ".join(sentence() for _ in range(rng.randint(2, 4))) for _ in range(paragraphs)]
    parts = [
        f"{place} {topic} decision delayed again ({seed})",
        f"By {_name(rng)}",
        body[0],
        body[1],
        f"Residents gather outside the town hall in {place} on {rng.choice(DAYS)}. ({credit})",
        "Story continues below advertisement",
        *body[2:5],
        f"A protest sign about the {topic} in {place}.",
        f"{photographer.upper()}/AFP via Getty Images",
        *body[5:],
    ]
    return "\n\n".join(parts)


def articles(count: int, *, start: int = 0) -> list[str]:
    """``count`` distinct articles."""
    return [article(seed) for seed in range(start, start + count)]
