"""Models share the cores: running model calls are counted, and torch passes leave a core to each other call."""

from __future__ import annotations

import asyncio
import threading

import pytest
import torch

from app.nlp.batcher import BatchPolicy, MicroBatcher
from app.nlp.embeddings import SentenceEmbedder, default_embedding_model
from app.nlp.threads import MODEL_CALLS, ModelCalls


def test_a_call_gets_its_threads_less_one_per_other_running_call() -> None:
    calls = ModelCalls()
    with calls.call():
        assert calls.threads_for(2) == 2
        with calls.call():
            assert calls.threads_for(2) == 1
            assert calls.threads_for(4) == 3
            with calls.call(), calls.call():
                assert calls.threads_for(2) == 1  # never fewer than one
    assert calls.running == 0


async def test_calls_of_different_models_are_counted_while_they_run_and_released_after_a_failure() -> None:
    gate = threading.Event()
    seen: list[int] = []

    def slow(items: list[str]) -> list[str]:
        gate.wait(timeout=10)
        return items

    def failing(items: list[str]) -> list[str]:
        seen.append(MODEL_CALLS.running)
        raise ValueError("model error")

    policy = BatchPolicy(max_batch_size=1, max_wait_ms=0)
    first: MicroBatcher[str, str] = MicroBatcher("first", slow, policy)
    second: MicroBatcher[str, str] = MicroBatcher("second", failing, policy)
    first.start()
    second.start()
    try:
        pending = asyncio.create_task(first.submit("a"))
        for _ in range(200):
            if MODEL_CALLS.running == 1:
                break
            await asyncio.sleep(0.01)
        with pytest.raises(ValueError, match="model error"):
            await second.submit("b")
        assert seen == [2]  # the failing call ran while the slow one was running
        gate.set()
        assert await pending == "a"
        assert MODEL_CALLS.running == 0
    finally:
        gate.set()
        await first.close()
        await second.close()


def test_the_embedding_model_runs_on_one_thread_while_another_model_call_runs() -> None:
    """On torch (ENRICH_MODEL_RUNTIME=torch); an ONNX Runtime session keeps the threads it was made with."""
    minilm = SentenceEmbedder(default_embedding_model()[0], runtime="torch")
    minilm.load()
    observed: list[int] = []
    hook = minilm._model.register_forward_pre_hook(lambda *_: observed.append(torch.get_num_threads()))
    configured, before = minilm.torch_threads, torch.get_num_threads()
    minilm.torch_threads = 2
    try:
        with MODEL_CALLS.call():  # this call, as its micro-batcher counts it
            minilm.embed(["The council approved the budget."])
            with MODEL_CALLS.call():  # another model's call starts
                minilm.embed(["The mayor said the plan would fund schools."])
    finally:
        hook.remove()
        minilm.torch_threads = configured
        torch.set_num_threads(before)
    assert observed == [2, 1]
