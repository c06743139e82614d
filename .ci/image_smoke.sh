#!/usr/bin/env bash
# Build the container image with podman and smoke-test it the way Kubernetes runs it (docs/DEPLOY.md):
#   read-only root filesystem with a tmpfs at /tmp only, a non-root uid, /readyz 200, the example article enriched
#   with every stage ok, the image's HEALTHCHECK passing, SIGTERM -> exit status 0; then the image size and its
#   largest parts. Every request goes to 127.0.0.1.
#
#   .ci/image_smoke.sh                 # or: make image-smoke
#
# On a machine without podman (Debian, root, apt) it installs podman, runc and debootstrap, and configures podman
# for a sandbox like this one (runc, cgroupfs, file events, ulimits within the hard limits, overlay storage).
# Where the base image named by the Dockerfile (ARG PYTHON_IMAGE) is not in local storage it is pulled, or, when
# BASE_IMAGE_SOURCE=debootstrap (the default where no registry is reachable), made with debootstrap as a stand-in:
# Debian bookworm's python3.11 with python/pip in /usr/local/bin, like the official image.
# Everything is idempotent: a second run reuses what the first one set up (and podman's layer cache).
#
# Build-time only (podman build -v, never in the image): the host's CA bundle, the effective pip configuration
# (`pip config list`) and the local folders it names (wheels, file:// indexes), so that pip in the build reaches
# the package registry as pip on the host does. When the pinned torch wheel lies in one of those folders, torch is
# installed from it (--build-arg TORCH_SOURCE) instead of the PyTorch CPU index (the Dockerfile's default).
#
# Settings (environment): IMAGE (tag to build, default article-enrichment:smoke), PORT (host port on 127.0.0.1,
# default a free one), BASE_IMAGE_SOURCE (auto|pull|debootstrap), DEBIAN_MIRROR, READY_TIMEOUT_S (default 300),
# SKIP_BUILD=1 (smoke-test an existing IMAGE), KEEP=1 (leave the container running), MIN_FREE_GB (default 10: the
# room a build needs under podman's storage), LOW_DISK=fail|skip (what to do when that room is missing after this
# project's untagged images are removed: fail, the default, or say SKIPPED and exit 0, as CI does: a full disk is
# the machine's state, not the code's).
set -euo pipefail
cd "$(dirname "$0")/.."

IMAGE=${IMAGE:-article-enrichment:smoke}
# a free port on 127.0.0.1 unless told
PORT=${PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
BASE_IMAGE_SOURCE=${BASE_IMAGE_SOURCE:-auto}
DEBIAN_MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
READY_TIMEOUT_S=${READY_TIMEOUT_S:-300}
MIN_FREE_GB=${MIN_FREE_GB:-10}
LOW_DISK=${LOW_DISK:-fail}
NAME=article-enrichment-smoke-$$
ARTICLE=docs/examples/article.txt
WORK=$(mktemp -d)
T0=$(date +%s)
SECONDS_BASE=0 SECONDS_BUILD=0

say() { printf '\n== %s\n' "$*" >&2; }
fail() {
	printf '\nFAIL: %s\n' "$*" >&2
	if podman container exists "$NAME" 2>/dev/null; then
		echo "--- last container log lines:" >&2
		podman logs --tail 40 "$NAME" >&2 || true
	fi
	exit 1
}
cleanup() {
	if [ "${KEEP:-0}" != 1 ] && command -v podman >/dev/null; then
		podman rm --force --time 0 "$NAME" >/dev/null 2>&1 || true
	fi
	rm -rf "$WORK"
}
skip() {
	printf '\nSKIPPED: %s\nThe image was neither built nor smoke-tested (LOW_DISK=skip).\n' "$*" >&2
	exit 0
}
trap cleanup EXIT

# GB available on the filesystem that holds a path
free_gb() { df --output=avail -BG "$1" | tail -1 | tr -dc 0-9; }

# ---- 1. podman, runc, debootstrap, configured for this kind of machine ----
setup_podman() {
	local missing=()
	for tool in podman runc debootstrap curl; do command -v "$tool" >/dev/null || missing+=("$tool"); done
	if [ ${#missing[@]} -gt 0 ]; then
		[ "$(id -u)" = 0 ] && command -v apt-get >/dev/null ||
			fail "missing ${missing[*]}: install podman, runc and debootstrap (needs root with apt-get)"
		say "installing ${missing[*]}"
		apt-get update -qq
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
	fi
	if [ "$(id -u)" = 0 ]; then
		# crun refuses a hybrid cgroup v1/v2 layout, there is no systemd to manage cgroups or take events, and the
		# default ulimits (nofile 1048576) are above the sandbox's hard limits: the container would not start.
		local nofile nproc
		nofile=$(ulimit -Hn) nproc=$(ulimit -Hu)
		[ "$nofile" = unlimited ] && nofile=1048576
		[ "$nproc" = unlimited ] && nproc=32768
		[ "$nproc" -gt 32768 ] && nproc=32768
		mkdir -p /etc/containers/containers.conf.d
		cat >/etc/containers/containers.conf.d/50-article-enrichment-smoke.conf <<-EOF
			# written by article-enrichment .ci/image_smoke.sh
			[containers]
			default_ulimits = ["nofile=${nofile}:${nofile}", "nproc=${nproc}:${nproc}"]
			[engine]
			runtime = "runc"
			cgroup_manager = "cgroupfs"
			events_logger = "file"
		EOF
		# overlay: vfs copies every layer whole (23 GB for one build of this image)
		if [ ! -e /etc/containers/storage.conf ]; then
			cat >/etc/containers/storage.conf <<-EOF
				# written by article-enrichment .ci/image_smoke.sh
				[storage]
				driver = "overlay"
				runroot = "/run/containers/storage"
				graphroot = "/var/lib/containers/storage"
			EOF
		fi
	fi
	local graphroot free
	graphroot=$(podman info --format '{{.Store.GraphRoot}}') || fail "podman does not work here (podman info)"
	mkdir -p "$graphroot"
	# an uncached build takes about 4.5 GB of layers (overlay), the build stage needs room besides. Every build
	# that changes a layer leaves the previous image and build stage untagged (about 4 GB together): when room is
	# short, those of this project (the Dockerfile labels both stages) go first, the newest tagged image and the
	# base image stay, and so does anything else on the machine.
	free=$(free_gb "$graphroot")
	if [ "$free" -lt "$MIN_FREE_GB" ]; then
		say "only ${free} GB free under $graphroot: removing this project's untagged images"
		podman image prune --force --filter "label=org.opencontainers.image.title=article-enrichment" >/dev/null ||
			true
		free=$(free_gb "$graphroot")
	fi
	if [ "$free" -lt "$MIN_FREE_GB" ]; then
		local why="only ${free} GB free under $graphroot; the build needs about ${MIN_FREE_GB}"
		[ "$LOW_DISK" = skip ] && skip "$why"
		fail "$why (podman image prune; podman ps --all --external lists containers left by interrupted builds)"
	fi
}

# ---- 2. the base image the Dockerfile names ----
base_image() {
	sed -n 's/^ARG PYTHON_IMAGE=//p' Dockerfile | head -1
}

setup_base() {
	local base qualified
	base=$(base_image)
	[ -n "$base" ] || fail "no ARG PYTHON_IMAGE= default in the Dockerfile"
	case "$base" in */*) qualified=$base ;; *) qualified=docker.io/library/$base ;; esac
	if podman image exists "$qualified"; then
		echo "base image $qualified: present"
		return
	fi
	if [ "$BASE_IMAGE_SOURCE" != debootstrap ] && timeout 300 podman pull "$qualified" 2>"$WORK/pull.err"; then
		return
	fi
	[ "$BASE_IMAGE_SOURCE" = pull ] && fail "cannot pull $qualified: $(tail -1 "$WORK/pull.err")"
	[ "$(id -u)" = 0 ] || fail "debootstrap needs root"
	say "making a stand-in for $qualified with debootstrap (bookworm, python3.11)"
	local root=$WORK/rootfs
	debootstrap --variant=minbase --include=python3.11,python3.11-venv,python3-pip,ca-certificates \
		bookworm "$root" "$DEBIAN_MIRROR" >"$WORK/debootstrap.log" 2>&1 ||
		{ tail -20 "$WORK/debootstrap.log" >&2; fail "debootstrap failed"; }
	for link in python:python3.11 python3:python3.11 pip:pip3 pip3:pip3; do
		ln -sf "/usr/bin/${link#*:}" "$root/usr/local/bin/${link%%:*}"
	done
	rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
	tar -C "$root" -c . | podman import --quiet \
		--change 'ENV PATH=/usr/local/bin:/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin' \
		--change 'ENV LANG=C.UTF-8' \
		--change 'CMD ["python3"]' \
		- "$qualified" >/dev/null
	rm -rf "$root"
}

# ---- 3. build ----
# The effective pip configuration as a pip.conf, and the host paths it names (mounted read-only in the build).
pip_build_config() {
	{ python3 -m pip config list 2>/dev/null || true; } | python3 -c '
import os, re, sys
conf, paths = [], []
for line in sys.stdin:
    m = re.match(r"^(?::env:|global|install|download)?\.([\w-]+)=(.*)$", line.strip())
    if not m:
        continue
    key, value = m.group(1), m.group(2).strip("\x27\"")
    if key in ("index-url", "extra-index-url", "find-links", "cert", "constraint", "default-timeout", "trusted-host"):
        if not any(k == key for k, _ in conf):
            conf.append((key, value))
        for word in value.split():
            path = word.removeprefix("file://")
            if path.startswith("/"):
                # a file:// simple index links to ../../files/...: its parent goes too
                paths.append(os.path.dirname(path.rstrip("/")) if path.rstrip("/").endswith("/simple") else path)
with open(sys.argv[1], "w") as out:
    out.write("[global]\n" + "".join(f"{k} = {v}\n" for k, v in conf))
print("\n".join(sorted({p for p in paths if os.path.exists(p)})))
' "$WORK/pip.conf"
}

build() {
	local args=(--format docker --pull=never --layers -t "$IMAGE")
	local mounts torch_version wheel
	mounts=$(pip_build_config)
	args+=(-v "$WORK/pip.conf:/etc/pip.conf:ro")
	for path in $mounts; do args+=(-v "$path:$path:ro"); done
	# TLS to the registry may be intercepted: the host's CA bundle replaces the base image's during the build
	local bundle=/etc/ssl/certs/ca-certificates.crt
	[ -f "$bundle" ] && ! grep -qx "$bundle" <<<"$mounts" && args+=(-v "$bundle:$bundle:ro")
	torch_version=$(sed -n 's/^ARG TORCH_VERSION=//p' Dockerfile)
	for dir in $mounts; do
		wheel=$(find "$dir" -maxdepth 3 -name "torch-${torch_version}-cp311-*.whl" 2>/dev/null | head -1)
		if [ -n "$wheel" ]; then
			echo "torch ${torch_version} from the local wheel $wheel"
			args+=(--build-arg "TORCH_SOURCE=--no-index --find-links $(dirname "$wheel")")
			break
		fi
	done
	say "building $IMAGE (podman build ${args[*]} .)"
	nice -n 5 podman build "${args[@]}" . 2>&1 | tee "$WORK/build.log" | grep -E '^(STEP|COMMIT|Successfully|Error|error)|check passed' >&2 ||
		true
	[ "${PIPESTATUS[0]}" = 0 ] || { tail -40 "$WORK/build.log" >&2; fail "the image build failed"; }
}

# ---- 4. smoke test ----
http() { curl -sS -o "$WORK/body" -w '%{http_code}' --max-time "${2:-10}" "http://127.0.0.1:$PORT$1" 2>/dev/null || true; }

smoke() {
	local status uid waited code health started
	say "running $IMAGE as Kubernetes does: --read-only, tmpfs /tmp, all capabilities dropped"
	# --read-only-tmpfs=false: only /tmp writable (podman otherwise also mounts /run and /var/tmp), as with
	# readOnlyRootFilesystem and an emptyDir at /tmp
	# Without systemd podman cannot schedule the periodic HEALTHCHECK and says so on stderr ("unable to get
	# systemd connection to add healthchecks"), harmlessly: the check is run by hand below. Shown only on failure.
	podman run -d --name "$NAME" --read-only --read-only-tmpfs=false --tmpfs /tmp:rw,exec,mode=1777,size=1g \
		--cap-drop ALL --security-opt no-new-privileges -p "127.0.0.1:$PORT:8000" "$IMAGE" >/dev/null 2>"$WORK/run.err" ||
		{ cat "$WORK/run.err" >&2; fail "the container did not start"; }
	started=$(date +%s)

	waited=0
	while status=$(http /readyz 2) && [ "$status" != 200 ]; do
		[ "$(podman inspect --format '{{.State.Running}}' "$NAME")" = true ] || fail "the container exited"
		[ "$waited" -ge "$READY_TIMEOUT_S" ] && fail "/readyz is $status after ${READY_TIMEOUT_S}s"
		sleep 2
		waited=$((waited + 2))
	done
	echo "ok   /readyz 200 after $(($(date +%s) - started)) s"

	# the server process itself (PID 1, python): its real, effective, saved and filesystem uids
	uid=$(podman exec "$NAME" sh -c 'sed -n "s/^Uid:[[:space:]]*//p" /proc/1/status' | tr -s '[:space:]' ' ')
	[ -n "$uid" ] && [ -z "$(tr ' ' '\n' <<<"$uid" | grep -x 0)" ] || fail "the server runs as root (uids: $uid)"
	echo "ok   the server (PID 1) runs as uid ${uid%% *}, not root (real/effective/saved/fs: ${uid% })"
	# as root in the container, whom file permissions would not stop (these folders are root's): only a read-only
	# root filesystem does
	for dir in / /opt/venv /srv /models /etc; do
		podman exec --user 0 "$NAME" sh -c "touch $dir/.smoke-write-test 2>/dev/null" &&
			fail "$dir is writable: the root filesystem is not read-only"
	done
	podman exec "$NAME" sh -c 'touch /tmp/x && rm /tmp/x' || fail "/tmp is not writable"
	echo "ok   root filesystem read-only, /tmp writable"

	code=$(curl -sS -o "$WORK/doc.json" -w '%{http_code}' --max-time 60 "http://127.0.0.1:$PORT/v1/enrich" \
		-H 'content-type: text/plain' --data-binary "@$ARTICLE")
	[ "$code" = 200 ] || fail "POST /v1/enrich: $code $(head -c 500 "$WORK/doc.json")"
	python3 - "$WORK/doc.json" <<-'EOF' || fail "the example article was not enriched by every stage"
		import json, sys
		doc = json.load(open(sys.argv[1], encoding="utf-8"))
		stages = {s["name"]: s["status"] for s in doc["pipeline"]["stages"]}
		print("     stages:", ", ".join(f"{k} {v}" for k, v in stages.items()))
		expected = {"segment", "credits", "language", "entities", "summary"}
		assert expected <= set(stages) and set(stages.values()) == {"ok"}, stages
		assert doc["body"] and doc["body"]["paragraph_count"] >= 1, "no body"
		assert doc["image_credits"] and doc["entities"] and doc["summary"]["text"], "credits, entities or summary empty"
		print(f"     {len(doc['entities'])} entities, {len(doc['image_credits'])} credits, summary {doc['summary']['method']}")
		# the transformer models must run on ONNX Runtime: an export the server cannot read means torch, quietly
		models = {s["name"]: s["model"] or "" for s in doc["pipeline"]["stages"]}
		print("     models:", "; ".join(f"{k}: {models[k]}" for k in ("entities", "summary")))
		assert all("onnxruntime" in models[k] for k in ("entities", "summary")), models
	EOF
	echo "ok   the example article enriched, every stage ok, the models on ONNX Runtime"

	[ -n "$(podman inspect --format '{{.Config.Healthcheck}}' "$NAME" | grep healthz)" ] ||
		fail "the image has no HEALTHCHECK (built without --format docker?)"
	health=$(podman healthcheck run "$NAME" 2>&1) || fail "HEALTHCHECK failed: $health"
	health=$(podman inspect --format '{{.State.Health.Status}}' "$NAME" 2>/dev/null || podman inspect --format '{{.State.Healthcheck.Status}}' "$NAME")
	[ "$health" = healthy ] || fail "health status is '$health' after a passing HEALTHCHECK"
	echo "ok   HEALTHCHECK passes (podman healthcheck run: status $health)"

	podman kill --signal TERM "$NAME" >/dev/null
	code=$(timeout 60 podman wait "$NAME") || fail "no exit within 60 s of SIGTERM"
	[ "$code" = 0 ] || fail "exit status $code after SIGTERM"
	echo "ok   SIGTERM -> exit status 0"
	podman logs "$NAME" >"$WORK/container.log" 2>&1
	grep -qiE 'traceback|"level": *"(error|critical)"' "$WORK/container.log" && {
		grep -iE -B2 -A10 'traceback|"level": *"(error|critical)"' "$WORK/container.log" | head -40 >&2
		fail "errors in the container log"
	}
	echo "ok   no error in the container log"
	SECONDS_SMOKE=$(($(date +%s) - started))
}

report_size() {
	local bytes
	bytes=$(podman image inspect --format '{{.Size}}' "$IMAGE")
	say "image $IMAGE: $bytes bytes ($(python3 -c "print(f'{$bytes / 1e9:.2f} GB, {$bytes / 2**30:.2f} GiB')"))"
	echo "largest parts (du, MB):"
	podman run --rm --no-healthcheck --network none --entrypoint sh "$IMAGE" -c '
		S=/opt/venv/lib/python3.11/site-packages
		du -sm /usr /opt/venv /models /tmp 2>/dev/null
		du -sm /opt/venv/share/article-enrichment/onnx/* 2>/dev/null
		du -sm $S/* 2>/dev/null | sort -rn | head -12' | sed 's/^/  /'
}

setup_podman
if [ "${SKIP_BUILD:-0}" != 1 ]; then
	t=$(date +%s)
	setup_base
	SECONDS_BASE=$(($(date +%s) - t))
	t=$(date +%s)
	build
	SECONDS_BUILD=$(($(date +%s) - t))
fi
smoke
report_size
say "passed: base image ${SECONDS_BASE} s, build ${SECONDS_BUILD} s, smoke ${SECONDS_SMOKE} s, total $(($(date +%s) - T0)) s"
