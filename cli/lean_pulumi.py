"""Pulumi's own submodules that a plan never uses, loaded on first use instead of at `import pulumi`.

`import pulumi` imports `pulumi.automation` (the Automation API, with its workspace, server and semver code),
`pulumi.dynamic` (dynamic providers, with dill) and `pulumi.policy` for every program, about 90 modules in all,
and `pulumi.runtime._instrumentation`, which imports OpenTelemetry's tracing SDK to set tracing up when the
TRACEPARENT environment variable asks for it (it is not deferred then).
Installed at a plan CLI's start, before anything imports pulumi, each of them still comes into `sys.modules`
under its name but runs only when something reads one of its attributes (importlib's LazyLoader), so a plan
that never touches them never pays for them, and one that does gets the stock module. Written against one
pulumi version, like cli/lean_sdk.py; with any other, or once pulumi is imported, nothing changes.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import os
import sys
from pathlib import Path

SDK_VERSION = "3.272.0"  # the pulumi version whose `__init__` imports these without using them
DEFERRED = ("pulumi.automation", "pulumi.dynamic", "pulumi.policy", "pulumi.runtime._instrumentation")


class _DeferredSubmodules:
    """A meta path finder: the stock spec of a deferred module, its loader wrapped in a LazyLoader."""

    @staticmethod
    def find_spec(name, path=None, target=None):
        if name not in DEFERRED or (name == "pulumi.runtime._instrumentation" and os.environ.get("TRACEPARENT")):
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path, target)
        if spec is not None and spec.loader is not None:
            spec.loader = importlib.util.LazyLoader(spec.loader)
        return spec


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
