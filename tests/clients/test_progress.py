"""The CLI's progress bar: count, rate and ETA on a terminal; nothing at all otherwise."""

from __future__ import annotations

import io

from article_enrichment_client.progress import Progress


def test_the_bar_shows_count_rate_and_eta() -> None:
    bar = Progress(10, enabled=True, stream=io.StringIO())
    bar.started = 100.0
    bar.count, bar.failed = 4, 1
    assert bar.render(now=102.0) == "[############..................] 4/10 (1 failed) 2.00 docs/s ETA 0:00:03"


def test_quiet_when_not_enabled() -> None:
    stream = io.StringIO()
    bar = Progress(3, enabled=False, stream=stream)
    for _ in range(3):
        bar.advance()
    bar.close()
    assert stream.getvalue() == ""
    shown = io.StringIO()
    on = Progress(2, enabled=True, stream=shown, min_interval_s=0.0)
    on.advance()
    on.advance(failed=True)
    on.close()
    assert shown.getvalue().count("\r[") == 2 and "2/2 (1 failed)" in shown.getvalue()
