"""The shape of a results, standings or poll table's row, which date lines and credits must not take for theirs."""

from __future__ import annotations

import re

from app.text.layout import vocab

# A results or standings row reads like a date line by its numbers and like a credit by its names: three numbers in a
# row ("Chelsea 3 2 1 0 3 0 7", "Forsa May 23 38.0 37.0 7.0"), a time in fractions of a second ("Takeishi 38:34.999":
# a lap), or a ranking's number before a name ("1. Colonna 8:22:00", "6. Peter Pieters - Tomas Post ( Netherlands )
# 14"; "1. Mai 2023" is a date)
_NUMBER_ITEM = re.compile(r"\d{1,3}(?:[.,]\d{1,3})?")  # a count, a score or a share; not a year or a clock time
_RACE_TIME = re.compile(r"\d:\d{2}[.,]\d")
_RANK_THEN_WORD = re.compile(r"\d{1,3}\. ([^\W\d_]+)")
_ROW_NUMBERS = 3


def table_row(line: str) -> bool:
    """A row of a results or standings table: counts in a row, a race time, or a rank before a name."""
    run = 0
    for item in line.split():
        run = run + 1 if _NUMBER_ITEM.fullmatch(item) else 0
        if run >= _ROW_NUMBERS:
            return True
    if _RACE_TIME.search(line):
        return True
    rank = _RANK_THEN_WORD.match(line.strip())
    return rank is not None and rank.group(1)[0].isupper() and rank.group(1).casefold() not in vocab.CALENDAR_WORDS
