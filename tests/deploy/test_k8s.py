"""The kustomize manifests: rendered with kubectl, validated against the Kubernetes OpenAPI schemas (strict, pinned
version, from the kubernetes-validate package; no cluster), and checked against the app and the Dockerfile."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import kubernetes_validate
import pytest
import yaml
from pydantic import TypeAdapter

from app.settings import Settings
from tests.deploy.conftest import ROOT
from tests.deploy.dockerfile import Dockerfile

K8S_VERSION = "1.32.0"
KUSTOMIZATIONS = ["k8s/base", *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "k8s" / "overlays").iterdir())]
PROBE_PATHS = {"startupProbe": "/readyz", "readinessProbe": "/readyz", "livenessProbe": "/healthz"}
CACHE_ENV = ("HOME", "TMPDIR", "XDG_CACHE_HOME", "HF_HOME", "TORCH_HOME")

Manifest = dict[str, Any]


def render(directory: str) -> list[Manifest]:
    kubectl = shutil.which("kubectl")
    if kubectl is None:
        pytest.skip("kubectl is not installed: cannot render the kustomizations")
    out = subprocess.run(
        [kubectl, "kustomize", str(ROOT / directory)], capture_output=True, text=True, timeout=60, check=False
    )
    assert out.returncode == 0, out.stderr
    return [doc for doc in yaml.safe_load_all(out.stdout) if doc]


@pytest.fixture(scope="module", params=KUSTOMIZATIONS)
def rendered(request: pytest.FixtureRequest) -> tuple[str, list[Manifest]]:
    directory: str = request.param
    return directory, render(directory)


def one(manifests: list[Manifest], kind: str) -> Manifest:
    found = [m for m in manifests if m["kind"] == kind]
    assert len(found) == 1, f"{len(found)} {kind}s"
    return found[0]


def container(manifests: list[Manifest]) -> Manifest:
    containers: list[Manifest] = one(manifests, "Deployment")["spec"]["template"]["spec"]["containers"]
    assert len(containers) == 1
    return containers[0]


def config(manifests: list[Manifest]) -> dict[str, str]:
    """The ConfigMap the container takes its environment from."""
    (ref,) = [e["configMapRef"]["name"] for e in container(manifests)["envFrom"]]
    (config_map,) = [m for m in manifests if m["kind"] == "ConfigMap" and m["metadata"]["name"] == ref]
    data: dict[str, str] = config_map["data"]
    return data


def environment(manifests: list[Manifest]) -> dict[str, str]:
    return {**config(manifests), **{e["name"]: e["value"] for e in container(manifests).get("env", [])}}


def test_every_manifest_is_valid_against_the_kubernetes_schemas(rendered: tuple[str, list[Manifest]]) -> None:
    directory, manifests = rendered
    kinds = {m["kind"] for m in manifests}
    assert kinds >= {"Deployment", "Service", "ConfigMap", "HorizontalPodAutoscaler", "PodDisruptionBudget"}
    assert "NetworkPolicy" in kinds
    for manifest in manifests:
        try:
            kubernetes_validate.validate(manifest, K8S_VERSION, strict=True)
        except kubernetes_validate.ValidationError as exc:
            path = ".".join(map(str, exc.path))
            pytest.fail(f"{directory}: {manifest['kind']} {manifest['metadata']['name']}: {path}: {exc.message}")


def test_validation_rejects_an_unknown_field() -> None:
    # strict mode is what catches a misspelt field, which kubectl apply might drop without a word
    deployment = render("k8s/base")
    manifest = one(deployment, "Deployment")
    manifest["spec"]["template"]["spec"]["containers"][0]["readinessprobe"] = {}
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(manifest, K8S_VERSION, strict=True)


def test_probes_hit_app_routes_on_the_port_the_app_and_image_serve(
    rendered: tuple[str, list[Manifest]], app_paths: frozenset[str], dockerfile: Dockerfile
) -> None:
    _, manifests = rendered
    c = container(manifests)
    ports = {p["name"]: p["containerPort"] for p in c["ports"]}
    exposed = {int(p.split("/")[0]) for i in dockerfile.final.all("EXPOSE") for p in i.args.split()}
    assert set(ports.values()) == exposed == {int(environment(manifests)["ENRICH_PORT"])}
    assert int(dockerfile.final.env()["ENRICH_PORT"]) in ports.values()
    for probe, path in PROBE_PATHS.items():
        get = c[probe]["httpGet"]
        assert get["path"] == path and path in app_paths
        assert get["port"] in ports or get["port"] in ports.values()
    startup = c["startupProbe"]
    assert startup["periodSeconds"] * startup["failureThreshold"] >= 120, "model load needs minutes"


def test_service_and_policies_select_the_pods_and_reach_the_container_port(
    rendered: tuple[str, list[Manifest]],
) -> None:
    _, manifests = rendered
    deployment = one(manifests, "Deployment")
    pod_labels = deployment["spec"]["template"]["metadata"]["labels"]
    port_names = {p["name"] for p in container(manifests)["ports"]}

    def selects(selector: dict[str, str]) -> bool:
        return bool(selector) and selector.items() <= pod_labels.items()

    service = one(manifests, "Service")
    assert selects(service["spec"]["selector"])
    assert {p["targetPort"] for p in service["spec"]["ports"]} <= port_names
    assert selects(one(manifests, "PodDisruptionBudget")["spec"]["selector"]["matchLabels"])
    hpa = one(manifests, "HorizontalPodAutoscaler")
    assert hpa["spec"]["scaleTargetRef"]["name"] == deployment["metadata"]["name"]
    # with the PDB, a voluntary disruption never takes the last pod
    assert 2 <= hpa["spec"]["minReplicas"] <= hpa["spec"]["maxReplicas"]
    policy = one(manifests, "NetworkPolicy")
    assert selects(policy["spec"]["podSelector"]["matchLabels"])
    assert policy["spec"]["policyTypes"] == ["Ingress"]
    for rule in policy["spec"]["ingress"]:
        assert rule.get("from"), "an ingress rule without `from` admits every pod in the cluster"
        assert {p["port"] for p in rule["ports"]} <= port_names
    peers = [peer for rule in policy["spec"]["ingress"] for peer in rule["from"]]
    assert any("monitoring" in str(peer.get("namespaceSelector")) for peer in peers), "no rule for Prometheus"


def test_pod_is_locked_down_and_can_write_only_to_tmp(
    rendered: tuple[str, list[Manifest]], dockerfile: Dockerfile
) -> None:
    _, manifests = rendered
    pod = one(manifests, "Deployment")["spec"]["template"]["spec"]
    c = container(manifests)
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert str(pod["securityContext"]["runAsUser"]) == dockerfile.final.all("USER")[-1].args.split(":")[0]
    assert pod["securityContext"]["seccompProfile"]["type"] == "RuntimeDefault"
    assert pod["automountServiceAccountToken"] is False
    security = c["securityContext"]
    assert security["readOnlyRootFilesystem"] is True
    assert security["allowPrivilegeEscalation"] is False
    assert security["capabilities"]["drop"] == ["ALL"]
    volumes = {v["name"]: v for v in pod["volumes"]}
    writable = [m["mountPath"] for m in c["volumeMounts"] if "emptyDir" in volumes[m["name"]] and not m.get("readOnly")]
    assert "/tmp" in writable
    env = environment(manifests)
    for key in CACHE_ENV:
        assert any(env[key] == w or env[key].startswith(f"{w}/") for w in writable), key
    assert env["HF_HUB_OFFLINE"] == "1"
    for mount in c["volumeMounts"]:
        if mount["mountPath"] != "/tmp":
            assert mount.get("readOnly") is True, mount


def test_resources_are_requested_and_limited(rendered: tuple[str, list[Manifest]]) -> None:
    _, manifests = rendered
    resources = container(manifests)["resources"]

    def mib(value: str) -> int:
        return int(value[:-2]) * {"Mi": 1, "Gi": 1024}[value[-2:]]

    def cores(value: str) -> float:
        return float(value[:-1]) / 1000 if value.endswith("m") else float(value)

    assert mib(resources["requests"]["memory"]) <= mib(resources["limits"]["memory"])
    assert cores(resources["requests"]["cpu"]) <= cores(resources["limits"]["cpu"])
    # docs/DEPLOY.md, "Resources": about 0.75 GiB at peak with the default models
    assert mib(resources["requests"]["memory"]) >= 1024


def test_grace_period_covers_prestop_and_the_servers_graceful_timeout(rendered: tuple[str, list[Manifest]]) -> None:
    _, manifests = rendered
    pod = one(manifests, "Deployment")["spec"]["template"]["spec"]
    command = container(manifests)["lifecycle"]["preStop"]["exec"]["command"]
    assert command[0] == "sleep"
    pre_stop = int(command[1])
    graceful = int(environment(manifests)["ENRICH_GRACEFUL_TIMEOUT_S"])
    assert pre_stop >= 3, "endpoints need a few seconds to drain before SIGTERM"
    assert pod["terminationGracePeriodSeconds"] >= pre_stop + graceful + 5


def test_configuration_is_made_of_valid_settings(rendered: tuple[str, list[Manifest]]) -> None:
    _, manifests = rendered
    names = {f"ENRICH_{name.upper()}": name for name in Settings.model_fields}
    for key, value in environment(manifests).items():
        if not key.startswith("ENRICH_"):
            continue
        assert key in names, f"{key} is not a setting"
        annotation = Settings.model_fields[names[key]].annotation
        assert annotation is not None
        TypeAdapter(annotation).validate_python(value, strict=False)


def test_production_mounts_its_models_read_only_and_uses_them() -> None:
    manifests = render("k8s/overlays/production")
    env = environment(manifests)
    c = container(manifests)
    mounts = {m["mountPath"]: m for m in c["volumeMounts"]}
    assert mounts["/models"]["readOnly"] is True
    assert env["ENRICH_NER_BACKEND"] == "transformers"
    for key in ("ENRICH_NER_MODEL_DIR", "ENRICH_SUMMARY_MODEL_DIR"):
        assert Path(env[key]).is_relative_to("/models"), key
    claims = {m["metadata"]["name"] for m in manifests if m["kind"] == "PersistentVolumeClaim"}
    volumes = one(manifests, "Deployment")["spec"]["template"]["spec"]["volumes"]
    (models,) = [v for v in volumes if v["name"] == mounts["/models"]["name"]]
    assert models["persistentVolumeClaim"]["claimName"] in claims
    keys_file = Path(env["ENRICH_API_KEYS_FILE"])
    (secret_mount,) = [m for path, m in mounts.items() if keys_file.is_relative_to(path)]
    (secret,) = [v for v in volumes if v["name"] == secret_mount["name"]]
    assert "secret" in secret
    base = render("k8s/base")
    assert one(manifests, "Deployment")["spec"]["replicas"] > one(base, "Deployment")["spec"]["replicas"]
