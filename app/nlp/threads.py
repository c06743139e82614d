"""Sharing the CPU between models that run at the same moment.

Every model call goes through a micro-batcher, and every micro-batcher counts its calls here while they run
(``MODEL_CALLS``). A torch model asks, before each forward pass, how many intra-op threads it may use now:
its configured number less one for each other model call running at that moment (at least one). So when spaCy
NER (one thread) and the embedding model run together on two cores, torch takes one core instead of fighting
spaCy for both; when it runs alone it takes both. Measured on 2 cores (docs/QUALITY.md, "Cost"): 10 % less
wall time with one article in flight and 17 % less with eight, against torch keeping two threads throughout.
An ONNX Runtime session cannot change its threads, so each model has two (``app.nlp.onnx.SharedCoresSession``):
a call takes the one with half the threads while another model call runs.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class ModelCalls:
    """How many model calls are running in this process right now (thread-safe)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._running = 0

    @property
    def running(self) -> int:
        return self._running

    @contextmanager
    def call(self) -> Iterator[None]:
        """Count one model call for the duration of the block."""
        with self._lock:
            self._running += 1
        try:
            yield
        finally:
            with self._lock:
                self._running -= 1

    def threads_for(self, configured: int) -> int:
        """Threads for a call that is itself counted: ``configured`` less one per other running call, at least 1."""
        others = max(0, self._running - 1)
        return max(1, configured - others)


MODEL_CALLS = ModelCalls()


@functools.cache
def _torch_default_threads() -> int:
    """torch's own intra-op thread count (read once, before any model thread changed its own)."""
    import torch

    return torch.get_num_threads()


def share_torch_threads(torch_threads: int) -> None:
    """Set this thread's torch intra-op threads for the next forward pass (see the module docstring).

    ``torch_threads`` is what a call running alone may use (``ENRICH_TORCH_THREADS``); 0 means torch's default.
    """
    import torch

    wanted = MODEL_CALLS.threads_for(torch_threads if torch_threads > 0 else _torch_default_threads())
    if torch.get_num_threads() != wanted:
        torch.set_num_threads(wanted)
