"""The one way blocking work leaves the event loop: a bounded pool of worker threads."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")


class WorkerPool:
    """A fixed number of threads for CPU-bound pure-Python work (segmentation, credit parsing ...).

    Model inference does not go here: each model has a micro-batcher with its own thread.
    """

    def __init__(self, max_workers: int, *, name: str = "cpu") -> None:
        self.max_workers = max_workers
        self.name = name
        self._executor: ThreadPoolExecutor | None = None

    async def run(self, fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
        """Run ``fn(*args, **kwargs)`` in a worker thread and await its result."""
        if self._executor is None:  # first use, or first use after a shutdown (the app restarted)
            self._executor = ThreadPoolExecutor(max_workers=self.max_workers, thread_name_prefix=self.name)
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, functools.partial(fn, *args, **kwargs))

    def shutdown(self) -> None:
        """Stop accepting work; running calls finish in their threads."""
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None
