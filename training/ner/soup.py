"""Average the weights of NER models fine-tuned from the same initial weights (a uniform "model soup").

    python -m training.ner.soup models/ner /tmp/ner/d29 /tmp/ner/d41 --out /tmp/ner/soup

Runs of ``training.ner.train`` with the same ``--seed`` start from the same weights (the base, the new head and
casing rows) and differ only in ``--data-seed`` (order of the windows, dropout); their average reads like an
ensemble of them at the cost of one model. The members must have the same keys and shapes; the soup is written
like a trained model (fp16 weights, the first member's config and tokenizer) with a ``training.json`` naming its
members and their records.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from training.ner.train import replace_model_dir, staging_dir


def average(states: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The element-wise mean of float weights (in float32), integer buffers taken from the first member."""
    import torch

    keys = set(states[0])
    for state in states[1:]:
        if set(state) != keys:
            raise ValueError("the members' weights have different names")
    out: dict[str, Any] = {}
    for key, first in states[0].items():
        if any(s[key].shape != first.shape for s in states):
            raise ValueError(f"{key}: the members' shapes differ")
        if first.is_floating_point():
            out[key] = torch.stack([s[key].float() for s in states]).mean(0).to(first.dtype).contiguous()
        else:
            out[key] = first
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("members", nargs="+", type=Path, help="model directories written by training.ner.train")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    from safetensors.torch import load_file, save_file

    if len(args.members) < 2:
        parser.error("a soup needs two members or more")
    states = [load_file(str(m / "model.safetensors")) for m in args.members]
    records = [json.loads((m / "training.json").read_text(encoding="utf-8")) for m in args.members]
    seeds = {r["hyper_parameters"].get("seed") for r in records}
    if len(seeds) != 1:
        parser.error(f"members start from different weights (--seed {sorted(seeds)}); their average means nothing")
    soup = average(states)
    tmp = staging_dir(args.out)
    shutil.copytree(args.members[0], tmp)
    save_file(soup, str(tmp / "model.safetensors"), metadata={"format": "pt"})
    card = {"soup": "uniform average of the members' weights", "members": records}
    (tmp / "training.json").write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
    replace_model_dir(tmp, args.out)
    print(f"wrote {args.out} ({len(states)} members)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
