"""Run the Pulumi program itself under Pulumi's mock runtime and record every resource registration.

Config comes from Pulumi.yaml and Pulumi.<stack>.yaml as the engine would hand it over; `secure:` values
are never decrypted (they become redacted secrets). Same code path as `pulumi up`, no engine.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import runpy
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pulumi
from google.protobuf import struct_pb2
from pulumi.runtime import settings as runtime_settings
from pulumi.runtime.mocks import MockMonitor, Mocks
from pulumi.runtime.proto import resource_pb2
from pulumi.runtime.stack import run_pulumi_func
from pulumi.runtime.sync_await import _ensure_event_loop, _sync_await

from cli.batch_gc import batch_gc
from cli.inline_executor import calls_in_place, off_the_loop
from cli.lean_sdk import lean_sdk
from components.config.runtime import NAMESPACE
from components.config.sources import Source
from components.config.stack_files import read_project_file, read_stack_file

SECRET = "[secret]"
COMPUTED = "[computed]"
# Pulumi's wire signatures (sdk/go/common/resource/properties.go).
_SIGNATURE_KEY = "4dabf18193072939515e22adb298388d"
_SECRET_SIGNATURE = "1b47061264138c4ac30d75fd1eb44270"
_UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9"
_ROOT_TYPE = "pulumi:pulumi:Stack"
# The stand-in value of a secret under mocks names its reference (never its value), e.g. `[secret crm_api_key]`.
_SECRET_STAND_IN = re.compile(r"\[(?:unset )?secret ([A-Za-z0-9_:.-]+)\]")


@dataclass(frozen=True)
class Record:
    urn: str
    type: str
    name: str
    parent: str | None
    protect: bool
    dependencies: tuple[str, ...]
    inputs: dict[str, Any]
    provider: str | None = None  # the provider reference; not part of the published JSON shape
    # Also outside the published shape, for the change plan: the URNs this resource was known by (Aliases),
    # its own replace-on-changes paths, and which secret reference each `[secret]` input holds.
    aliases: tuple[str, ...] = ()
    replace_on_changes: tuple[str, ...] = ()
    secret_refs: tuple[tuple[str, str], ...] = ()

    def as_json(self) -> dict[str, Any]:
        return {
            "urn": self.urn, "type": self.type, "name": self.name, "parent": self.parent,
            "protect": self.protect, "dependencies": list(self.dependencies), "inputs": self.inputs,
        }


@dataclass
class Plan:
    stack: str
    resources: list[Record]
    outputs: dict[str, Any] = field(default_factory=dict)
    unset_secrets: tuple[str, ...] = ()

    def of_type(self, type_token: str) -> list[Record]:
        return [r for r in self.resources if r.type == type_token]

    def as_json(self) -> dict[str, Any]:
        return {"stack": self.stack, "resources": [r.as_json() for r in self.resources]}


def plain(value: Any) -> Any:
    """A protobuf Struct value as plain data: secrets redacted exactly, unknowns marked, whole numbers as int."""
    if isinstance(value, struct_pb2.Struct):
        fields = dict(value.fields)
        if fields.get(_SIGNATURE_KEY) and fields[_SIGNATURE_KEY].string_value == _SECRET_SIGNATURE:
            return SECRET
        return {key: plain(item) for key, item in sorted(fields.items())}
    if isinstance(value, struct_pb2.ListValue):
        return [plain(item) for item in value.values]
    kind = value.WhichOneof("kind")
    if kind == "struct_value":
        return plain(value.struct_value)
    if kind == "list_value":
        return plain(value.list_value)
    if kind == "number_value":
        number = value.number_value
        return int(number) if number.is_integer() else number
    if kind == "string_value":
        return COMPUTED if value.string_value == _UNKNOWN else value.string_value
    if kind == "bool_value":
        return value.bool_value
    return None


def secret_references(value: Any, path: str = "") -> list[tuple[str, str]]:
    """(input path, secret reference name) for every secret inside a protobuf value, from its mock stand-in."""
    if isinstance(value, struct_pb2.Value):
        kind = value.WhichOneof("kind")
        if kind == "struct_value":
            return secret_references(value.struct_value, path)
        if kind == "list_value":
            return secret_references(value.list_value, path)
        return []
    if isinstance(value, struct_pb2.ListValue):
        return [ref for index, item in enumerate(value.values) for ref in secret_references(item, f"{path}[{index}]")]
    fields = dict(value.fields)
    if fields.get(_SIGNATURE_KEY) and fields[_SIGNATURE_KEY].string_value == _SECRET_SIGNATURE:
        inner = fields.get("value")
        text = json.dumps(plain(inner)) if inner is not None else ""
        return [(path, name) for name in sorted(set(_SECRET_STAND_IN.findall(text)))]
    return [ref for key, item in sorted(fields.items())
            for ref in secret_references(item, f"{path}.{key}" if path else key)]


def _alias_urns(request, stack: str, project: str) -> tuple[str, ...]:
    urns = set(request.aliasURNs)
    for alias in request.aliases:
        if alias.WhichOneof("alias") == "urn":
            urns.add(alias.urn)
            continue
        spec = alias.spec
        parent = spec.parentUrn or (None if spec.noParent else request.parent)
        type_ = spec.type or request.type
        if parent and parent.split("::")[2] != _ROOT_TYPE:
            type_ = f"{parent.split('::')[2]}${type_}"
        urns.add(f"urn:pulumi:{spec.stack or stack}::{spec.project or project}::{type_}::{spec.name or request.name}")
    return tuple(sorted(urns))


def _release_worker_loop() -> None:
    """The stock mock monitor's Invoke and ReadResource run on a worker thread and leave an event loop on it; an
    unclosed one can print an 'Exception ignored' traceback at interpreter exit, so close it once the call is done."""
    if threading.current_thread() is threading.main_thread():
        return
    try:
        loop = asyncio.get_event_loop_policy().get_event_loop()
    except RuntimeError:  # this call made no loop
        return
    if not loop.is_running():
        loop.close()
        asyncio.set_event_loop(None)


def _then_release_loop(call, request):
    try:
        return call(request)
    finally:
        _release_worker_loop()


class _RecordingMonitor(MockMonitor):
    def __init__(self, mocks: Mocks):
        super().__init__(mocks)
        self.records: list[Record] = []

    def make_urn(self, parent: str, type_: str, name: str) -> str:
        # As the engine does (the mock keeps only the parent's last type): the parent's whole type chain,
        # without the root stack, so the URNs here are the ones `pulumi up` creates.
        if parent:
            qualified_type = parent.split("::")[2]
            if qualified_type != _ROOT_TYPE:
                type_ = f"{qualified_type}${type_}"
        return f"urn:pulumi:{pulumi.get_stack()}::{pulumi.get_project()}::{type_}::{name}"

    # The stock two run an event loop of their own: a worker thread's, not the plan's (cli/inline_executor.py).
    def Invoke(self, request):
        return off_the_loop(_then_release_loop, super().Invoke, request)

    def ReadResource(self, request):
        return off_the_loop(_then_release_loop, super().ReadResource, request)

    def RegisterResource(self, request):
        # What MockMonitor does, minus its round trip of the inputs (deserialize, hand to Mocks.new_resource,
        # serialize again): the state a preview of a new stack reports is the inputs, already serialized.
        urn = self.make_urn(request.parent, request.type, request.name)
        if request.type == _ROOT_TYPE:
            return resource_pb2.RegisterResourceResponse(urn=urn)
        parent = request.parent or None
        self.records.append(Record(
            urn=urn,
            type=request.type,
            name=request.name,
            parent=None if parent and parent.split("::")[2].endswith(_ROOT_TYPE) else parent,
            protect=bool(request.protect),
            dependencies=tuple(sorted(set(request.dependencies))),
            inputs=plain(request.object),
            provider=request.provider or None,
            aliases=_alias_urns(request, pulumi.get_stack(), pulumi.get_project()),
            replace_on_changes=tuple(sorted(request.replaceOnChanges)),
            secret_refs=tuple(secret_references(request.object)),
        ))
        return resource_pb2.RegisterResourceResponse(urn=urn, id=f"{request.name}-id", object=request.object)


class _Mocks(Mocks):
    """Like a preview of a new stack: IDs are placeholders and every output Auth0 computes is unknown.
    (The recording monitor answers registrations itself, with the same placeholder and the inputs as state.)"""

    def new_resource(self, args):
        return f"{args.name}-id", dict(args.inputs)

    def call(self, args):
        return {}


def stack_config(project_dir: Path, stack: str) -> tuple[dict[str, str], list[str]]:
    """The engine's view of a stack's config: `ns:key` -> string (objects as JSON), and the secret keys."""
    return _engine_config(read_project_file(project_dir), project_dir, stack)


def _engine_config(project: Source, project_dir: Path, stack: str) -> tuple[dict[str, str], list[str]]:
    source = read_stack_file(project_dir, stack)
    values: dict[str, str] = {}
    secrets: list[str] = []
    for key, value in (project.data.get("config") or {}).items():
        default = value.get("value", value.get("default")) if isinstance(value, dict) else value
        if default is not None:
            values[_qualified(key)] = _engine_string(default)
    for key, value in ((source.data or {}).get("config") or {}).items():
        key = _qualified(key)
        if _holds_secure(value):
            values[key] = f"[secret {key.partition(':')[2]}]" if ":" in key else SECRET
            secrets.append(key)
        else:
            values[key] = _engine_string(value)
    return values, sorted(secrets)


def _qualified(key: str) -> str:
    return key if ":" in key else f"{NAMESPACE}:{key}"


def _engine_string(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value)


def _holds_secure(value: Any) -> bool:
    if isinstance(value, dict):
        return "secure" in value or any(_holds_secure(item) for item in value.values())
    if isinstance(value, list):
        return any(_holds_secure(item) for item in value)
    return False


def exit_now(code: int | None = 0) -> None:
    """End a CLI once its output is written, without the interpreter's teardown (freeing every object of a
    large plan one by one takes longer than the plan at a few thousand resources)."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code or 0)


def run_program(project_dir: Path, stack: str) -> Plan:
    """Run `__main__.py` for `stack` under mocks. Raises the program's `ConfigError` on bad config."""
    with batch_gc(), lean_sdk(), calls_in_place(_ensure_event_loop()):
        return _run_program(project_dir, stack)


def _run_program(project_dir: Path, stack: str) -> Plan:
    project = read_project_file(project_dir)
    config, secret_keys = _engine_config(project, project_dir, stack)
    runtime_settings.ROOT.set(None)
    mocks = _Mocks()
    monitor = _RecordingMonitor(mocks)
    pulumi.runtime.set_mocks(mocks, project=project.data.get("name", NAMESPACE), stack=stack, preview=True,
                             monitor=monitor)
    pulumi.runtime.set_all_config(config, secret_keys)
    captured: dict[str, Any] = {}

    def program() -> None:
        captured.update(runpy.run_path(str(project_dir / "__main__.py"), run_name="__main__"))

    _sync_await(run_pulumi_func(program))
    outputs = dict(runtime_settings.get_root_resource().outputs)
    config_object = captured.get("config")
    records = sorted(monitor.records, key=lambda r: r.urn)
    return Plan(stack, records, outputs, tuple(getattr(config_object, "unset_secrets", ())))
