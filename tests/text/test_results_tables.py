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
