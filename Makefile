# article-enrichment — every command a developer, CI or an operator needs.
# `make run`  : create the venv, install the pinned dependencies, start the service on 127.0.0.1:8000
# `make test` : create the venv if needed, then ruff, mypy --strict and pytest

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed
TORCH_PIN := torch==2.13.0
HOST ?= 127.0.0.1
PORT ?= 8000

export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: install onnx browser client-tools demo-screenshot run test lint typecheck pytest openapi docs examples lock \
	eval eval-cv train-segmentation golden train-ner clean image-smoke

$(STAMP): pyproject.toml requirements.lock clients/python/pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip>=24"
	# torch first and pinned: an unpinned torch pulls a multi-GB CUDA build
	$(PY) -m pip install --quiet $(TORCH_PIN)
	$(PY) -m pip install --quiet -c requirements.lock -e '.[dev]'
	# the client and its article-enrich command (clients/python: its own package, no server dependencies)
	$(PY) -m pip install --quiet -c requirements.lock -e clients/python
	# the transformer models run on ONNX Runtime: export them now (torch traces them), never at run time
	$(PY) -m app.nlp.onnx export --if-stale
	touch $(STAMP)

install: $(STAMP)

# Re-export the ONNX models (after changing a model directory; ENRICH_ONNX_DIR picks the folder).
onnx: $(STAMP)
	$(PY) -m app.nlp.onnx export

# the container's command too: graceful SIGTERM drain, JSON logs, ENRICH_* settings (README, docs/DEPLOY.md)
run: $(STAMP)
	ENRICH_HOST=$(HOST) ENRICH_PORT=$(PORT) $(PY) -m app.serve

test: lint typecheck pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP) browser client-tools
	$(BIN)/pytest -q

# openapi-python-client, for the generated-client test (tests/api/test_generated_client.py), in a venv of its own:
# its typer pin conflicts with spaCy's. Pinned, with its dependencies, by requirements-tools.lock.
TOOLS_STAMP := $(VENV)/tools/.installed
$(TOOLS_STAMP): requirements-tools.lock | $(STAMP)
	test -x $(VENV)/tools/bin/python || $(PY) -m venv $(VENV)/tools
	$(VENV)/tools/bin/pip install --quiet -r requirements-tools.lock
	touch $(TOOLS_STAMP)

client-tools: $(TOOLS_STAMP)

# The browser tests (tests/browser) drive the Debian chromium through Playwright for Python (pinned in the dev
# extras; it never downloads a browser of its own). Installed here when missing and possible (root with apt);
# where it cannot be, those tests skip and say why.
CHROMIUM ?= /usr/bin/chromium
browser:
	@test -x $(CHROMIUM) || { command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ] \
		&& (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
		|| echo "chromium not installed ($(CHROMIUM) missing, no root apt-get): the browser tests will skip"; }

openapi: $(STAMP)
	$(PY) -m app.openapi_gen

# Regenerate what is derived from the code: openapi/openapi.json and the README configuration table.
docs: openapi
	$(PY) -m app.config_doc
	$(PY) -m app.text.layout.rules docs/SEGMENTATION.md

# Re-record the Swagger example response (after a change to what the pipeline returns), then the OpenAPI file.
examples: $(STAMP)
	$(PY) -m app.api.examples_gen
	$(PY) -m app.openapi_gen

# Rewrite requirements.lock from a fresh resolve of pyproject.toml (needs the registry).
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet $(TORCH_PIN)
	.lock-venv/bin/pip install --quiet -e '.[dev]'
	.lock-venv/bin/pip freeze --exclude-editable | grep -v '^-e ' > requirements.lock
	rm -rf .lock-venv

# Screenshot of the demo page for the README: a real server, the headless browser (tests/browser/test_demo.py)
demo-screenshot: $(STAMP) browser
	DEMO_SCREENSHOT=docs/img/demo.png $(BIN)/pytest -q tests/browser/test_demo.py -k marks

eval: $(STAMP)
	$(PY) -m benchmarks.eval_segmentation

# Leave-publisher-out cross-validation of segmentation (the figure its targets are set on; a few minutes).
eval-cv: $(STAMP)
	$(PY) -m benchmarks.eval_segmentation --cv

# Retrain the segmentation combiner's weights (app/text/layout/combiner.json) from ../shared/eval/captions/.
train-segmentation: $(STAMP)
	$(PY) -m training.segmentation.train

# Rewrite the segmentation golden files (tests/golden/expected/) after an intended change; review the diff.
golden: $(STAMP)
	$(PY) -m tests.golden.regen

# Retrain the shipped NER model (models/ner) from ../shared/eval/ner: one run on CoNLL-2003 train + dev with the
# schedule chosen on dev (6 epochs, last epoch kept; seed 17), one thread: about 58 minutes on 2 cores; the run is
# seeded and single-threaded, so it should give the shipped weights again (models/ner/MODEL_CARD.md keeps its
# hand-written text). The test figure is measured through the service afterwards (python -m benchmarks.eval_ner).
# The dev check of the recipe (a run on train only, selected on dev): python -m training.ner.train --out DIR.
# Several runs can be averaged with training/ner/soup.py (the previous checkpoint was such a soup; on dev a soup
# reads like its members' mean). A student of a larger teacher: training/ner/teacher.py (all-mpnet-base-v2 from the
# package registry) writes the teacher's probabilities, training.ner.train --teacher learns them (measured on dev,
# not kept: docs/QUALITY.md, fourth round of 2026-12-07).
train-ner: $(STAMP)
	nice -n 10 $(PY) -m training.ner.train --with-dev --data-seed 17 --out models/ner

# Build the container image with podman and smoke-test it as Kubernetes runs it (read-only root, tmpfs /tmp,
# non-root, /readyz, the example article through every stage, HEALTHCHECK, SIGTERM -> exit 0), then print its
# size. Sets up podman and a stand-in base image where missing (root, apt). About 9 minutes from nothing on the
# 2-core machine, under 3 when only the code changed. CI runs it (.ci/run) beside `make test`.
image-smoke:
	.ci/image_smoke.sh

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache build *.egg-info
