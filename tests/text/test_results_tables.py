"""Results, standings and poll tables are text for the entities: their rows are neither picture credits nor dates.

A wire's sports page prints a player with his country or club in brackets (``Name ( Country ) beat Name ( Country )
6-3 6-4``), a standings row starts with a club named after a weekday, a lap time has thousandths: each had the form of
a caption's credit or of a timestamp, and the names in it never reached the entity model.
"""

from __future__ import annotations

from app.pipeline.stages.entities import ENTITY_BLOCK_KINDS
from app.text.segment import segment

RESULTS = """TENNIS - RESULTS AT THE HARBOUR OPEN .

PORTLAND 2026-08-21

Results from the Harbour Open tennis tournament on Wednesday ( prefix number denotes seeding ) :

Second round

Jonas Lindqvist ( Sweden ) beat 2 - Marek Dvoracek ( Croatia )

6-7 ( 3-7 ) 6-4 6-4

Tomas Verhoeven ( Netherlands ) beat 12 - Pablo Arrieta ( Spain )

6-3 6-4

Standings :

Rovers Wednesday 3 3 0 0 6 2 9

Harbour City 3 2 1 0 3 0 7

Lap times :

8. Morikawa 38:34.999

9. Castellani 38:35.297
"""

NAMES = (
    "Jonas Lindqvist",
    "Sweden",
    "Marek Dvoracek",
    "Croatia",
    "Tomas Verhoeven",
    "Pablo Arrieta",
    "Spain",
    "Rovers Wednesday",
    "Morikawa",
    "Castellani",
)


def test_no_credit_is_read_in_a_results_page() -> None:
    seg = segment(RESULTS)
    assert [RESULTS[c.start : c.end] for c in seg.credits] == []


def test_every_name_of_a_results_page_sits_in_a_block_the_entities_read() -> None:
    seg = segment(RESULTS)
    for name in NAMES:
        at = RESULTS.index(name)
        block = next(b for b in seg.blocks if b.start <= at < b.end)
        assert block.kind in ENTITY_BLOCK_KINDS, (name, block.kind, block.rules)


PRESS_REVIEW = """PRESS DIGEST - Harbouria - Sept 3 .

PORTLAND 2026-09-03

These are the leading stories in the Harbourian press on Thursday .

We have not verified these stories and do not vouch for their accuracy .

THE COURIER

- Prime Minister Elena Varga meets a Nordic trade delegation .

- Riverton dock strike enters its third week .

DAILY LANTERN

-- Central bank holds rates as inflation slows .

-- Ostrava Mining posts a record profit .
"""


def test_a_press_reviews_newspapers_over_their_lists_are_no_credits() -> None:
    seg = segment(PRESS_REVIEW)
    assert [PRESS_REVIEW[c.start : c.end] for c in seg.credits] == []
    items = [b for b in seg.blocks if PRESS_REVIEW[b.start : b.end].startswith("-")]
    assert len(items) == 4
    assert {b.kind for b in items} == {"body"}, [(PRESS_REVIEW[b.start : b.end], b.kind, b.rules) for b in items]
    for name in ("THE COURIER", "DAILY LANTERN", "Elena Varga", "Riverton", "Ostrava Mining"):
        at = PRESS_REVIEW.index(name)
        block = next(b for b in seg.blocks if b.start <= at < b.end)
        assert block.kind in ENTITY_BLOCK_KINDS, (name, block.kind, block.rules)


PAIRS = """CYCLING - MADISON RESULTS AT THE HARBOUR VELODROME .

PORTLAND 2026-09-04

Final standings of the 50 km madison race on Friday :

1. Pieter Janssens - Tomas Vermeer ( Netherlands ) 22

2. Lukas Brandt - Jonas Keller ( Germany ) 15

3. Ander Zubiri - Iker Lasa ( Spain ) 14

Harbour Sports Desk - 503-555-0142
"""


def test_ranked_pairs_and_a_desks_telephone_line_are_no_credits() -> None:
    seg = segment(PAIRS)
    assert [PAIRS[c.start : c.end] for c in seg.credits] == []
    for name in ("Pieter Janssens", "Tomas Vermeer", "Lukas Brandt", "Jonas Keller", "Iker Lasa", "Netherlands"):
        at = PAIRS.index(name)
        block = next(b for b in seg.blocks if b.start <= at < b.end)
        assert block.kind in ENTITY_BLOCK_KINDS, (name, block.kind, block.rules)


POLLS = """POLLS - PARTY SUPPORT IN HARBOURIA .

PORTLAND 2026-09-05

Here are the latest opinion polls tracking national support for Harbouria 's main parties :

SEPTEMBER 2026 Liberals Greens Union Left

Meridian Sep 3 31.0 24.0 22.0 9.0

Civic Pulse Sep 1 30.0 25.0 21.0 10.0
"""


def test_a_pollsters_row_is_no_byline() -> None:
    seg = segment(POLLS)
    assert [POLLS[b.start : b.end] for b in seg.bylines] == []
    for name in ("Meridian", "Civic Pulse"):
        at = POLLS.index(name)
        block = next(b for b in seg.blocks if b.start <= at < b.end)
        assert block.kind in ENTITY_BLOCK_KINDS, (name, block.kind, block.rules)
