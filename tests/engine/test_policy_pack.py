"""The pack entry point as the Pulumi CLI runs it: its own process, the stack's config in PULUMI_CONFIG,
spoken to over the analyzer gRPC protocol (no CLI needed)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import grpc
import pytest
from google.protobuf import empty_pb2, struct_pb2
from pulumi.runtime.proto import analyzer_pb2, analyzer_pb2_grpc

POLICIES_DIR = Path(__file__).resolve().parents[2] / "policies"
CLIENT = "auth0:index/client:Client"


@pytest.fixture
def start_pack():
    started: list[subprocess.Popen] = []

    def start(environment: str | None) -> analyzer_pb2_grpc.AnalyzerStub:
        env = {key: value for key, value in os.environ.items() if key != "PULUMI_CONFIG"}
        if environment:
            env["PULUMI_CONFIG"] = json.dumps({"ciam:stack": json.dumps({"environment": environment})})
        # `python policies` puts the pack directory first on sys.path, as the CLI's runner does.
        process = subprocess.Popen([sys.executable, str(POLICIES_DIR)], cwd=POLICIES_DIR, env=env,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        started.append(process)
        port = process.stdout.readline().strip()
        assert port.isdigit(), f"the pack did not start: {process.stderr.read() if process.poll() else port}"
        return analyzer_pb2_grpc.AnalyzerStub(grpc.insecure_channel(f"127.0.0.1:{port}"))

    yield start
    for process in started:
        process.terminate()
        process.wait(timeout=10)


def _levels(stub) -> dict[str, int]:
    return {p.name: p.enforcementLevel for p in stub.GetAnalyzerInfo(empty_pb2.Empty(), timeout=10).policies}


def _findings(diagnostics) -> list[tuple[str, int]]:
    return [(d.policyName, d.enforcementLevel) for d in diagnostics]


def _analyze_client(stub, callbacks: list[str]):
    properties = struct_pb2.Struct()
    properties.update({"appType": "spa", "callbacks": callbacks, "initiateLoginUri": "https://acme.example/login"})
    request = analyzer_pb2.AnalyzeRequest(type=CLIENT, properties=properties, name="web",
                                          urn=f"urn:pulumi:prod::ciam::{CLIENT}::web")
    return stub.Analyze(request, timeout=10).diagnostics


def test_production_pack_makes_critical_checks_mandatory(start_pack):
    stub = start_pack("production")
    levels = _levels(stub)
    assert levels["client-no-local-urls"] == analyzer_pb2.MANDATORY
    assert levels["log-stream-active"] == analyzer_pb2.ADVISORY
    diagnostics = _analyze_client(stub, ["http://localhost:3000/callback"])
    assert _findings(diagnostics) == [("client-no-local-urls", analyzer_pb2.MANDATORY)]
    assert "localhost:3000" in diagnostics[0].message
    assert _analyze_client(stub, ["https://www.acme.example/callback"]) == []


def test_development_pack_only_advises(start_pack):
    stub = start_pack("development")
    assert set(_levels(stub).values()) == {analyzer_pb2.ADVISORY}
    diagnostics = _analyze_client(stub, ["http://localhost:3000/callback"])
    assert _findings(diagnostics) == [("client-no-local-urls", analyzer_pb2.ADVISORY)]


def test_pack_without_stack_config_fails_closed(start_pack):
    assert _levels(start_pack(None))["client-no-local-urls"] == analyzer_pb2.MANDATORY
