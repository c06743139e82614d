"""A one-line progress bar with rate and ETA, for a terminal only (quiet otherwise)."""

from __future__ import annotations

import time
from typing import TextIO

WIDTH = 30


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


class Progress:
    def __init__(self, total: int, *, enabled: bool, stream: TextIO, min_interval_s: float = 0.2) -> None:
        self.total = total
        self.enabled = enabled
        self.stream = stream
        self.count = 0
        self.failed = 0
        self.started = time.perf_counter()
        self._drawn_at = 0.0
        self._min_interval_s = min_interval_s

    def render(self, now: float) -> str:
        elapsed = max(now - self.started, 1e-9)
        rate = self.count / elapsed
        left = self.total - self.count
        eta = _clock(left / rate) if rate > 0 else "?"
        filled = WIDTH * self.count // self.total if self.total else WIDTH
        bar = "#" * filled + "." * (WIDTH - filled)
        return f"[{bar}] {self.count}/{self.total} ({self.failed} failed) {rate:.2f} docs/s ETA {eta}"

    def advance(self, *, failed: bool = False) -> None:
        self.count += 1
        self.failed += failed
        if not self.enabled:
            return
        now = time.perf_counter()
        if now - self._drawn_at >= self._min_interval_s or self.count == self.total:
            self._drawn_at = now
            self.stream.write("\r" + self.render(now))
            self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\n")
            self.stream.flush()
