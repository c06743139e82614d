"""The adversarial option of the NER training (training/ner/train.py ``--adversarial``, the fast gradient method):
the gradients of a clean and of a perturbed pass sum in the parameters, on a tiny random model."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

torch = pytest.importorskip("torch")

from tests.nlp.tiny_ner import tiny_ner_parts  # noqa: E402
from training.ner.train import Sentence, adversarial_backward, collate, windows  # noqa: E402

DOCS = [[Sentence(["maria", "lopez", "met", "officials", "in", "geneva"], ["B-PER", "I-PER", "O", "O", "O", "B-LOC"])]]


def _setup(tmp_path: Path, *, frozen: bool) -> tuple[Any, dict[str, Any]]:
    torch.manual_seed(0)
    tokenizer, model = tiny_ner_parts(tmp_path)
    model.bert.embeddings.word_embeddings.weight.requires_grad_(not frozen)
    model.eval()  # no dropout: two passes of one batch differ only by the perturbation
    batch = collate(windows(tokenizer, DOCS, 64))
    return model, batch


def _grads(model: Any) -> dict[str, Any]:
    return {n: p.grad.detach().clone() for n, p in model.named_parameters() if p.grad is not None}


@pytest.mark.parametrize("frozen", [True, False])
def test_the_perturbed_pass_raises_the_loss_and_adds_its_gradients(tmp_path: Path, frozen: bool) -> None:
    model, batch = _setup(tmp_path, frozen=frozen)
    clean = model(**batch).loss
    clean.backward()
    clean_grads = _grads(model)
    model.zero_grad()

    losses: list[float] = []

    def batch_loss() -> Any:
        loss = model(**batch).loss
        losses.append(loss.item())
        return loss

    loss = adversarial_backward(model, batch_loss, 0.5)
    both = _grads(model)
    assert loss.item() == pytest.approx(clean.item())  # the clean loss is the one reported
    assert len(losses) == 2 and losses[1] > losses[0]  # pushed along the gradient: a harder batch
    assert set(both) == set(clean_grads)
    assert not torch.allclose(both["classifier.weight"], 2 * clean_grads["classifier.weight"])
    assert ("bert.embeddings.word_embeddings.weight" in both) is (not frozen)  # frozen embeddings stay frozen


def test_a_zero_perturbation_repeats_the_clean_gradients(tmp_path: Path) -> None:
    model, batch = _setup(tmp_path, frozen=True)
    clean = model(**batch).loss
    clean.backward()
    clean_grads = _grads(model)
    model.zero_grad()
    adversarial_backward(model, lambda: model(**batch).loss, 0.0)
    for name, grad in _grads(model).items():
        assert torch.allclose(grad, 2 * clean_grads[name], atol=1e-6), name


def test_no_hook_is_left_on_the_embeddings(tmp_path: Path) -> None:
    model, batch = _setup(tmp_path, frozen=True)
    adversarial_backward(model, lambda: model(**batch).loss, 1.0)
    assert not model.bert.embeddings.word_embeddings._forward_hooks
