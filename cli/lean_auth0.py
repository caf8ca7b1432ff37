"""The auth0 SDK package for a plan CLI, its resource modules imported on first use rather than all at start.

`import pulumi_auth0` imports every one of its ~135 resource and function modules; a plan uses a few dozen.
Installed at a CLI's start, before anything imports the SDK, this runs the package's own `__init__` without its
`from .<module> import *` lines (the shared `_inputs` and `outputs` still load, as every resource module needs
them) and binds a module's names, as its star import would, the first time one of them is asked for. The
classes are the SDK's own, so the plan is the same; a name the module naming does not give away imports the
rest. Nothing here runs under `pulumi up`; with any other SDK version the stock package loads.
tests/engine/test_lean_auth0.py compares the two.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import re
import sys
from pathlib import Path

SDK_PACKAGE = "pulumi_auth0"
SDK_VERSION = "3.55.1"  # the pulumi-auth0 version whose generated `__init__` this mirrors
_STAR_IMPORT = re.compile(r"^from \.(\w+) import \*\n", re.M)
_WORD = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def install() -> bool:
    """Whether the lazy package is now the one `import pulumi_auth0` gives (not when already imported)."""
    if SDK_PACKAGE in sys.modules:
        return False
    spec = importlib.util.find_spec(SDK_PACKAGE)
    if spec is None or spec.origin is None:
        return False
    try:  # the version the package ships beside its code (cheaper than the installed distributions' metadata)
        with open(Path(spec.origin).with_name("pulumi-plugin.json"), encoding="utf-8") as file:
            if json.load(file).get("version") != SDK_VERSION:
                return False
    except (OSError, ValueError):
        return False
    with open(spec.origin, encoding="utf-8") as file:
        source = file.read()
    pending = {name for name in _STAR_IMPORT.findall(source) if name != "_inputs"}
    package = importlib.util.module_from_spec(spec)
    namespace = package.__dict__

    def bind(module_name: str) -> None:
        pending.discard(module_name)
        module = importlib.import_module(f"{SDK_PACKAGE}.{module_name}")
        namespace.update({name: getattr(module, name) for name in module.__all__})

    def lazy_attribute(name: str):
        if name.startswith("_"):  # dunder probes and private names: never a resource module's export
            raise AttributeError(f"module {SDK_PACKAGE!r} has no attribute {name!r}")
        guess = _module_for(name)
        if guess in pending:
            bind(guess)
        if name not in namespace:
            for module_name in sorted(pending):
                bind(module_name)
        try:
            return namespace[name]
        except KeyError:
            raise AttributeError(f"module {SDK_PACKAGE!r} has no attribute {name!r}") from None

    lazy_source = _STAR_IMPORT.sub(lambda m: m.group(0) if m.group(1) == "_inputs" else "", source)
    sys.modules[SDK_PACKAGE] = package
    try:
        exec(compile(lazy_source, spec.origin, "exec"), namespace)
    except BaseException:
        del sys.modules[SDK_PACKAGE]
        raise
    namespace["__getattr__"] = lazy_attribute
    return True


def _module_for(name: str) -> str:
    """The generated module a name comes from: `ClientGrantArgs` from client_grant, `get_client` from get_client."""
    if name[:1].islower():
        return name.removesuffix("_output")
    for prefix in ("Awaitable", ""):
        if name.startswith(prefix):
            stem = name[len(prefix):]
            for suffix in ("InitArgs", "Args", "Result", "State"):  # InitArgs: where `<Name>Args` is an input type
                if stem.endswith(suffix):
                    stem = stem.removesuffix(suffix)
                    break
            return _WORD.sub("_", stem).lower()
    return name
