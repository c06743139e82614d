"""The NER "soup": the weights of runs that started from the same weights, averaged into one model.

Models here are tiny and random, built locally (tests/nlp/tiny_ner.py).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app.nlp.casing import CASING_CLASSES
from tests.nlp.tiny_ner import tiny_ner_parts
from training.ner import soup
from training.ner.train import save


def _run(tmp_path: Path, name: str, *, seed: int, shift: float) -> Path:
    """A tiny trained-model directory whose weights are the shared start moved by ``shift``."""
    import torch

    tokenizer, model = tiny_ner_parts(tmp_path / f"parts-{name}", type_vocab_size=len(CASING_CLASSES))
    with torch.no_grad():
        for p in model.parameters():
            p.add_(shift)
    out = tmp_path / name
    save(model, tokenizer, out, {"hyper_parameters": {"seed": seed, "data_seed": name}})
    return out


def _weights(directory: Path) -> dict[str, Any]:
    from safetensors.torch import load_file

    return load_file(str(directory / "model.safetensors"))


def test_the_soup_is_the_mean_of_its_members_and_names_them(tmp_path: Path) -> None:
    members = [_run(tmp_path, "a", seed=17, shift=0.0), _run(tmp_path, "b", seed=17, shift=0.5)]
    assert soup.main([*map(str, members), "--out", str(tmp_path / "soup")]) == 0
    a, b, mixed = _weights(members[0]), _weights(members[1]), _weights(tmp_path / "soup")
    key = "classifier.weight"
    assert set(mixed) == set(a)
    assert mixed[key].dtype == a[key].dtype
    assert (mixed[key].float() - (a[key].float() + b[key].float()) / 2).abs().max() < 1e-2
    card = json.loads((tmp_path / "soup" / "training.json").read_text(encoding="utf-8"))
    assert [m["hyper_parameters"]["data_seed"] for m in card["members"]] == ["a", "b"]
    config = json.loads((tmp_path / "soup" / "config.json").read_text(encoding="utf-8"))
    assert config["enrich_casing_token_types"] == list(CASING_CLASSES)  # it loads like any trained model


def test_members_that_started_from_other_weights_are_refused(tmp_path: Path) -> None:
    members = [_run(tmp_path, "a", seed=17, shift=0.0), _run(tmp_path, "b", seed=29, shift=0.0)]
    with pytest.raises(SystemExit):
        soup.main([*map(str, members), "--out", str(tmp_path / "soup")])
    assert not (tmp_path / "soup").exists()


def test_members_with_other_weights_names_or_shapes_are_refused() -> None:
    import torch

    with pytest.raises(ValueError, match="names"):
        soup.average([{"w": torch.zeros(2)}, {"v": torch.zeros(2)}])
    with pytest.raises(ValueError, match="shapes"):
        soup.average([{"w": torch.zeros(2)}, {"w": torch.zeros(3)}])


def test_the_hand_written_model_card_of_the_target_stays(tmp_path: Path) -> None:
    members = [_run(tmp_path, "a", seed=17, shift=0.0), _run(tmp_path, "b", seed=17, shift=0.5)]
    target = tmp_path / "shipped"
    target.mkdir()
    (target / "MODEL_CARD.md").write_text("# card\n", encoding="utf-8")
    (target / "stale.bin").write_text("old", encoding="utf-8")
    assert soup.main([*map(str, members), "--out", str(target)]) == 0
    assert (target / "MODEL_CARD.md").read_text(encoding="utf-8") == "# card\n"
    assert not (target / "stale.bin").exists()
    assert (target / "model.safetensors").is_file()


def test_training_keeps_the_hand_written_model_card_too(tmp_path: Path) -> None:
    out = _run(tmp_path, "a", seed=17, shift=0.0)
    (out / "MODEL_CARD.md").write_text("# card\n", encoding="utf-8")
    assert _run(tmp_path, "a", seed=17, shift=0.5) == out  # written again over the same directory
    assert (out / "MODEL_CARD.md").read_text(encoding="utf-8") == "# card\n"
    assert not out.with_name("a.tmp").exists()


def test_the_moving_average_follows_the_weights_and_is_only_held_inside_its_block() -> None:
    import torch

    from training.ner.train import WeightAverage

    model = torch.nn.Linear(2, 1)
    with torch.no_grad():
        model.weight.fill_(0.0)
        model.bias.fill_(0.0)
    averaged = WeightAverage(model, decay=0.75)
    with torch.no_grad():
        model.weight.fill_(4.0)
    averaged.update()  # 0.75 * 0 + 0.25 * 4
    with averaged.swapped():
        assert model.weight.tolist() == [[1.0, 1.0]]
    assert model.weight.tolist() == [[4.0, 4.0]]  # the model's own weights back after the block
    averaged.update()  # 0.75 * 1 + 0.25 * 4
    with averaged.swapped():
        assert model.weight.tolist() == [[1.75, 1.75]]
