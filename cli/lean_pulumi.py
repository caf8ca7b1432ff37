"""Pulumi's own submodules that a plan never uses, loaded on first use instead of at `import pulumi`.

`import pulumi` imports `pulumi.automation` (the Automation API, with its workspace, server and semver code),
`pulumi.dynamic` (dynamic providers, with dill) and `pulumi.policy` for every program, about 90 modules in all,
and `pulumi.runtime._instrumentation`, which imports OpenTelemetry's tracing SDK to set tracing up when the
TRACEPARENT environment variable asks for it (it is not deferred then).
Installed at a plan CLI's start, before anything imports pulumi, each of them still comes into `sys.modules`
under its name but runs only when something reads one of its attributes (importlib's LazyLoader), so a plan
that never touches them never pays for them, and one that does gets the stock module.

gRPC (`grpc` and `grpc.aio`, with its compiled core, about 20 ms) is deferred the same way, except that a module
attribute the import system reads (`__spec__`, `__path__`) does not run it: pulumi imports it in a dozen modules
and talks through it only to a real engine, which a plan under the mocks has none of.

Written against one pulumi version, like cli/lean_sdk.py; with any other, or once pulumi is imported, nothing
changes.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.util
import os
import sys
import types
from pathlib import Path

SDK_VERSION = "3.272.0"  # the pulumi version whose `__init__` imports these without using them
DEFERRED = ("pulumi.automation", "pulumi.dynamic", "pulumi.policy", "pulumi.runtime._instrumentation", "grpc",
            "grpc.aio")


class _DeferredSubmodules:
    """A meta path finder: the stock spec of a deferred module, its loader wrapped in a LazyLoader."""

    @staticmethod
    def find_spec(name, path=None, target=None):
        if name not in DEFERRED or (name == "pulumi.runtime._instrumentation" and os.environ.get("TRACEPARENT")):
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path, target)
        if spec is not None and spec.loader is not None:
            spec.loader = (_OnMissingAttribute if name.startswith("grpc") else importlib.util.LazyLoader)(spec.loader)
        return spec


class _OnMissingAttribute(importlib.abc.Loader):
    """Like LazyLoader, but the module runs when an attribute it has not set yet is read: LazyLoader runs it on
    any attribute, and the import system reads `__spec__` of a top-level module at each `import grpc`."""

    def __init__(self, loader: importlib.abc.Loader):
        self._loader = loader

    def create_module(self, spec):
        return None

    def exec_module(self, module: types.ModuleType) -> None:
        module.__dict__["_stock_loader"] = self._loader
        module.__class__ = _NotYetRun


class _NotYetRun(types.ModuleType):
    def __getattr__(self, name: str):
        if self.__name__ == "grpc" and name == "aio":  # `from grpc import aio`: the submodule, deferred itself
            return importlib.import_module("grpc.aio")
        _run(self)
        return getattr(self, name)


def _run(module: types.ModuleType) -> None:
    parent = sys.modules.get(module.__name__.rpartition(".")[0])
    if isinstance(parent, _NotYetRun):  # grpc.aio's code expects grpc's to have run
        _run(parent)
    module.__class__ = types.ModuleType
    try:
        module.__dict__.pop("_stock_loader").exec_module(module)
    except BaseException:
        sys.modules.pop(module.__name__, None)  # as a failed import leaves it: the next import tries again
        raise


def install() -> bool:
    """Whether the deferral is now in place (not when pulumi is already imported or is another version)."""
    if "pulumi" in sys.modules or _installed_version() != SDK_VERSION:
        return False
    if _DeferredSubmodules not in sys.meta_path:
        sys.meta_path.insert(0, _DeferredSubmodules)
    return True


def _installed_version() -> str | None:
    # The version file beside the package, read as text: importing pulumi to ask would defeat the purpose.
    spec = importlib.util.find_spec("pulumi")
    if spec is None or spec.origin is None:
        return None
    try:
        text = (Path(spec.origin).parent / "_version.py").read_text(encoding="utf-8")
    except OSError:
        return None
    for line in text.splitlines():
        if line.startswith("_VERSION"):
            return line.partition("=")[2].strip().strip("\"'")
    return None
