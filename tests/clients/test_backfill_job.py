"""The backfill Indexed Job (k8s/jobs/backfill): valid against the Kubernetes schemas, shards sized consistently,
its command accepted by the CLI, and its pods able to reach the service (Service name and port, NetworkPolicy)."""

from __future__ import annotations

import re
from typing import Any

import kubernetes_validate
import pytest
from article_enrichment_client.cli import parse_args

from tests.deploy.test_k8s import K8S_VERSION, one, render

Manifest = dict[str, Any]


@pytest.fixture(scope="module")
def backfill() -> list[Manifest]:
    return render("k8s/jobs/backfill")


def job_env(manifests: list[Manifest]) -> dict[str, str]:
    container = one(manifests, "Job")["spec"]["template"]["spec"]["containers"][0]
    (ref,) = [e["configMapRef"]["name"] for e in container["envFrom"]]
    (config_map,) = [m for m in manifests if m["kind"] == "ConfigMap" and m["metadata"]["name"] == ref]
    data: dict[str, str] = config_map["data"]
    return data


def test_every_manifest_is_valid_against_the_kubernetes_schemas(backfill: list[Manifest]) -> None:
    assert {m["kind"] for m in backfill} == {"Job", "ConfigMap", "PersistentVolumeClaim"}
    for manifest in backfill:
        kubernetes_validate.validate(manifest, K8S_VERSION, strict=True)


def test_an_indexed_job_with_one_index_per_shard_retried_per_index(backfill: list[Manifest]) -> None:
    spec = one(backfill, "Job")["spec"]
    assert spec["completionMode"] == "Indexed"
    assert int(job_env(backfill)["SHARD_COUNT"]) == spec["completions"]
    assert 1 <= spec["parallelism"] <= spec["completions"]
    assert spec["backoffLimitPerIndex"] >= 1
    assert spec["template"]["spec"]["restartPolicy"] == "Never"  # required by backoffLimitPerIndex


def test_the_pod_command_is_one_the_cli_accepts_and_shards_by_the_index(
    backfill: list[Manifest], monkeypatch: pytest.MonkeyPatch
) -> None:
    container = one(backfill, "Job")["spec"]["template"]["spec"]["containers"][0]
    assert container["command"] == ["article-enrich"]
    env = {**job_env(backfill), "JOB_COMPLETION_INDEX": "5"}
    args = [re.sub(r"\$\((\w+)\)", lambda m: env[m.group(1)], a) for a in container["args"]]
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    parsed = parse_args(args)
    assert (parsed.shard_index, parsed.shard_count) == (5, 8)
    assert parsed.output.endswith("/shard-5.jsonl")
    assert parsed.inputs == [env["INPUT"]]
    mounts = [m["mountPath"] for m in container["volumeMounts"]]
    assert any(parsed.output.startswith(path + "/") for path in mounts)
    assert any(env["INPUT"].startswith(path + "/") for path in mounts)


def test_pods_reach_the_service_and_are_locked_down(backfill: list[Manifest]) -> None:
    base = render("k8s/base")
    service = one(base, "Service")
    url = job_env(backfill)["ENRICH_SERVER"]
    assert url == f"http://{service['metadata']['name']}"  # port 80 of the Service
    assert any(p["port"] == 80 for p in service["spec"]["ports"])
    pod = one(backfill, "Job")["spec"]["template"]
    policy = one(base, "NetworkPolicy")
    client_labels = [
        peer["podSelector"]["matchLabels"]
        for rule in policy["spec"]["ingress"]
        for peer in rule["from"]
        if "podSelector" in peer and "namespaceSelector" not in peer
    ]
    assert any(labels.items() <= pod["metadata"]["labels"].items() for labels in client_labels)
    security = pod["spec"]["containers"][0]["securityContext"]
    assert pod["spec"]["securityContext"]["runAsNonRoot"] is True
    assert security["readOnlyRootFilesystem"] is True and security["capabilities"]["drop"] == ["ALL"]
