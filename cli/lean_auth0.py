"""The auth0 SDK package for a plan CLI, its resource modules imported and its classes created on first use.

`import pulumi_auth0` imports every one of its ~135 resource and function modules and creates every class of
its shared `_inputs` and `outputs` (about 1,170); a plan uses a few dozen modules and a few hundred classes.
Installed at a CLI's start, before anything imports the SDK, this runs the package's own `__init__` without its
`from .<module> import *` lines and binds a module's names, as its star import would, the first time one of
them is asked for (a name the module naming does not give away imports the rest). `_inputs` and `outputs`
create each class on first use (cli/lazy_classes.py), a class a property annotation quotes when the plan
resolves it (cli/lean_sdk.py, which this part needs), and a resource module's `from ._inputs import *` binds
the names its code reads, the others still being its attributes. Their annotations (but a TypedDict's)
are evaluated when the runtime reads them, not as each class is defined. The classes are the SDK's own, so the
plan is the same. Nothing here runs under `pulumi up`; with any other SDK version the stock package loads.
tests/engine/test_lean_auth0.py compares the two.
"""

from __future__ import annotations

import functools
import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import re
import sys
from pathlib import Path

from cli import lazy_classes

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
    lazy_inputs = None

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
        if name not in namespace and lazy_inputs is not None and name in lazy_inputs.__lazy_names__:
            namespace[name] = getattr(lazy_inputs, name)
        if name not in namespace:
            for module_name in sorted(pending):
                bind(module_name)
        try:
            return namespace[name]
        except KeyError:
            raise AttributeError(f"module {SDK_PACKAGE!r} has no attribute {name!r}") from None

    sys.modules[SDK_PACKAGE] = package
    try:
        lazy_inputs = _lazy_shared_modules(package)
        keep = "" if lazy_inputs is not None else "_inputs"  # the lazy `_inputs` names are bound on first use
        lazy_source = _STAR_IMPORT.sub(lambda m: m.group(0) if m.group(1) == keep else "", source)
        exec(compile(lazy_source, spec.origin, "exec", dont_inherit=True), namespace)
    except BaseException:
        for name in [name for name in sys.modules if name == SDK_PACKAGE or name.startswith(f"{SDK_PACKAGE}.")]:
            del sys.modules[name]
        sys.meta_path[:] = [finder for finder in sys.meta_path if not isinstance(finder, _NarrowStarImports)]
        raise
    namespace["__getattr__"] = lazy_attribute
    return True


def prepare() -> bool:
    """Install the lazy package and import every module it defers, so that their caches (cli/lazy_classes.py)
    are written now (`make`'s set-up) rather than by the first plans; whether the lazy package applies."""
    if not install():
        return False
    package = sys.modules[SDK_PACKAGE]
    for name in _STAR_IMPORT.findall(Path(package.__file__).read_text(encoding="utf-8")):
        importlib.import_module(f"{SDK_PACKAGE}.{name}")
    return True


def _lazy_shared_modules(package) -> object | None:
    """`_inputs` and `outputs` with their classes created on first use, and resource modules' star import of
    `_inputs` narrowed to the names each reads; None (and nothing changed) where they cannot be."""
    from cli import lean_sdk  # imports pulumi, which `_inputs` imports next anyway

    if not lean_sdk.applies():  # a quoted class resolves only through lean_sdk's annotation names
        return None
    directory = Path(package.__file__).parent
    created = {}
    for name in ("_inputs", "outputs"):
        module = lazy_classes.lazy_module(f"{SDK_PACKAGE}.{name}", str(directory / f"{name}.py"))
        if module is None:
            for made in created:
                del sys.modules[f"{SDK_PACKAGE}.{made}"]
            return None
        created[name] = module
        setattr(package, name, module)
    sys.meta_path.insert(0, _NarrowStarImports(created["_inputs"]))
    return created["_inputs"]


class _NarrowStarImports(importlib.abc.MetaPathFinder):
    """Finds the SDK's resource modules, run with their annotations postponed (cli/lazy_classes.py) and so that
    `from ._inputs import *` binds only the names the module's code reads as it runs (the rest would create
    every input class; a name only an annotation gives is created when the plan resolves it)."""

    _SHARED = frozenset(f"{SDK_PACKAGE}.{name}" for name in ("_inputs", "outputs", "_utilities"))

    def __init__(self, inputs):
        self._inputs = inputs

    def find_spec(self, name, path=None, target=None):
        if not name.startswith(f"{SDK_PACKAGE}.") or name.count(".") != 1 or name in self._SHARED:
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path, target)
        if spec is not None and isinstance(spec.loader, importlib.machinery.SourceFileLoader):
            spec.loader = _NarrowedLoader(spec.loader, self._inputs)
        return spec


class _NarrowedLoader(importlib.abc.Loader):
    def __init__(self, stock, inputs):
        self._stock = stock
        self._inputs = inputs

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        inputs = vars(self._inputs)
        postponed = lazy_classes.postponed_code(self._stock.path)
        if postponed is None:
            code = self._stock.get_code(module.__name__)
            referred = lazy_classes.names_a_code_refers_to(code, inputs["__lazy_names__"])
        else:
            code, names = postponed
            referred = names & inputs["__lazy_names__"]
        every_name = inputs["__all__"]
        inputs["__all__"] = sorted(referred)
        try:
            exec(code, module.__dict__)
        finally:
            inputs["__all__"] = every_name
        module.__getattr__ = functools.partial(_input_type, module.__name__, self._inputs)  # what the star import
        module.__lazy_sources__ = (self._inputs,)  # left out, as attributes and for annotations (cli/lean_sdk.py)


def _input_type(module_name: str, inputs, name: str):
    if name in inputs.__lazy_names__:
        return getattr(inputs, name)
    raise AttributeError(f"module {module_name!r} has no attribute {name!r}")


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
