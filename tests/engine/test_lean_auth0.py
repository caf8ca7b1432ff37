"""The auth0 SDK package a plan CLI imports lazily (cli/lean_auth0.py) is the stock one: every name gives the
same object, each resource module loads on its first use, each input and output class is created on its first
use and is the stock class, and every annotation resolves as in the stock package (a fixture tenant's plan with the
whole lean start: test_lean_start.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pulumi_auth0
import pytest

from cli import lean_auth0
from tests.conftest import PROJECT_DIR

STOCK_NAMES = sorted(name for name in vars(pulumi_auth0) if not name.startswith("_"))
# The tests that read the lazy package share one process of it (lazy_read): on one `make test` worker.
pytestmark = pytest.mark.xdist_group("lean-auth0")


# The lazy input and output classes are split once into a cache that is not written without bytecode writing:
# the subprocesses may write it, so that they test the lazy modules rather than the stock fallback.
_WRITING_BYTECODE = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def _python(code: str, stdin: str = "") -> str:
    result = subprocess.run([sys.executable, "-c", code], cwd=PROJECT_DIR, capture_output=True, text=True,
                            input=stdin, timeout=120, env=_WRITING_BYTECODE)
    assert result.returncode == 0, result.stderr
    return result.stdout


def _identity(value) -> str:
    return f"{getattr(value, '__module__', None)}.{getattr(value, '__qualname__', getattr(value, '__name__', ''))}"


def test_the_lazy_package_applies_to_the_installed_sdk():
    from importlib.metadata import version
    assert version("pulumi-auth0") == lean_auth0.SDK_VERSION, (
        f"pulumi-auth0 is not {lean_auth0.SDK_VERSION}: plans import the stock package (correct, slower); check "
        "cli/lean_auth0.py against the new package's __init__ and update SDK_VERSION")


def test_every_resource_module_name_is_found_from_its_module_naming():
    wrong = {name: lean_auth0._module_for(name) for name in STOCK_NAMES
             if getattr(getattr(pulumi_auth0, name), "__module__", "").count(".") == 1
             and getattr(pulumi_auth0, name).__module__.split(".")[1] not in ("_inputs", "outputs", "config")
             and lean_auth0._module_for(name) != getattr(pulumi_auth0, name).__module__.split(".")[1]}
    assert not wrong, f"pulumi_auth0 names whose module is guessed wrong (the lazy package imports all): {wrong}"


def test_a_resource_module_loads_on_its_first_use_only():
    loaded = _python(
        "import sys\nfrom cli import lean_auth0\nlean_auth0.install()\nimport pulumi_auth0\n"
        "before = 'pulumi_auth0.client_grant' in sys.modules\npulumi_auth0.ClientGrant\n"
        "print(before, 'pulumi_auth0.client_grant' in sys.modules, 'pulumi_auth0.role' in sys.modules)\n")
    assert loaded.split() == ["False", "True", "False"], loaded


_DESCRIBE = """
import json, sys, typing
from pulumi.output import Output

STOCK_LOCALS = {"Output": Output, "T": type(None)}  # what the stock runtime resolves property annotations with


def module_namespaces(value):
    return vars(sys.modules[value.__module__]), STOCK_LOCALS


def describe(module, namespaces=module_namespaces):
    described = {}
    for name in sorted(module.__all__):
        value = getattr(module, name)
        entry = described[name] = {"id": f"{value.__module__}.{value.__qualname__}", "names": sorted(vars(value))}
        annotated = []
        if typing.is_typeddict(value):
            entry["required"] = sorted(value.__required_keys__)
            annotated.append(("annotations", value))
        for attribute, member in sorted(vars(value).items()):
            function = member.fget if isinstance(member, property) else member
            if callable(function) and getattr(function, "__annotations__", None):
                annotated.append((attribute, function))
        globalns, localns = namespaces(value)
        for attribute, function in annotated:
            entry[attribute] = {key: repr(hint) for key, hint in typing.get_type_hints(
                function, globalns=globalns, localns=localns, include_extras=True).items()}
    return described
"""

# In the lazy modules each class is described in the strictest namespace a plan can meet: the module's imports and
# the classes created with it (its base classes), every other class it names resolved as cli/lean_sdk.py does.
_DESCRIBE_ALONE = """
from pathlib import Path
from cli import lazy_classes, lean_sdk


def alone(module):
    split = lazy_classes._load_split(Path(module.__file__))
    names_of = {}
    for member, group in split.group_of.items():
        names_of.setdefault(group, set()).add(member)

    def namespaces(value):
        closure, todo = set(), [split.group_of[value.__name__]]
        while todo:
            group = todo.pop()
            if group not in closure:
                closure.add(group)
                todo.extend(split.needs[group])
        created_with = set().union(*(names_of[group] for group in closure))
        namespace = {key: item for key, item in vars(module).items()
                     if key not in module.__lazy_names__ or key in created_with}
        return namespace, lean_sdk._AnnotationNames(value, namespace)

    return namespaces
"""


_PROPERTY_TYPES = """
import inspect, json, sys
import pulumi
from pulumi import _types
from cli import lean_sdk

def property_types(lean):
    kinds = [(lambda cls: issubclass(cls, pulumi.Resource), lean_sdk._resource_types, _types.resource_types),
             (_types.is_input_type, lean_sdk._input_type_types, _types.input_type_types),
             (_types.is_output_type, lean_sdk._output_type_types, _types.output_type_types)]
    described = {}
    for name, module in sorted(sys.modules.items()):
        if not name.startswith("pulumi_auth0."):
            continue
        for value in [getattr(module, member) for member in getattr(module, "__all__", ())]:
            if inspect.isclass(value) and value.__module__ == name:
                for is_kind, lean_types, stock_types in kinds:
                    if is_kind(value):
                        types = (lean_types if lean else stock_types)(value)
                        described[f"{name}.{value.__qualname__}"] = {key: repr(types[key]) for key in sorted(types)}
    return described
"""


# What the lazy package gives, read in one fresh process for the tests below, in this order: how many input and
# output classes `import pulumi_auth0` created (read first, before anything touches the package), each of them
# described in the strictest namespace a plan can meet, the object behind every name, the annotations of every
# resource module as the plan resolves them, and the property types the runtime takes from them. One process,
# not one per test: each read creates every lazy class again (some 0.6 s).
_LAZY_READ = ("import importlib, json, sys\nfrom cli import lean_auth0\nassert lean_auth0.install()\n"
              "import pulumi_auth0\nasked = json.load(sys.stdin)\n"
              "lazy = [sys.modules[f'pulumi_auth0.{name}'] for name in ('_inputs', 'outputs')]\n"
              "assert all(hasattr(module, '__lazy_names__') for module in lazy), 'the stock modules loaded'\n"
              "report = {'created_at_import': [sum(name in vars(module) for name in module.__all__)"
              " for module in lazy]}\n"
              f"{_DESCRIBE}\n{_DESCRIBE_ALONE}\n{_PROPERTY_TYPES}\n"
              "report['classes'] = [describe(module, alone(module)) for module in lazy]\n"
              "from tests.engine.test_lean_auth0 import _identity\n"
              "report['names'] = {n: _identity(getattr(pulumi_auth0, n)) for n in asked['names']}\n"
              "def plan_namespaces(value):\n"  # as the plan resolves them: a quoted input class from `_inputs`
              "    namespace = vars(sys.modules[value.__module__])\n"
              "    return namespace, lean_sdk._AnnotationNames(value, namespace)\n"
              "report['resource_modules'] = {name: describe(importlib.import_module(name), plan_namespaces)"
              " for name in asked['resource_modules']}\n"
              "report['property_types'] = property_types(lean=True)\n"
              "print(json.dumps(report))\n")

_MODULES = sorted({getattr(pulumi_auth0, name).__module__ for name in STOCK_NAMES
                   if getattr(getattr(pulumi_auth0, name), "__module__", "").count(".") == 1})
_RESOURCE_MODULES = [name for name in _MODULES if name not in ("pulumi_auth0._inputs", "pulumi_auth0.outputs")]


@pytest.fixture(scope="module")
def lazy_read() -> dict:
    return json.loads(_python(_LAZY_READ, json.dumps({"names": STOCK_NAMES, "resource_modules": _RESOURCE_MODULES})))


def _stock(source: str, function: str):
    namespace = {}
    exec(source, namespace)
    return namespace[function]


def test_every_name_of_the_lazy_package_is_the_stock_object(lazy_read):
    lazy = lazy_read["names"]
    stock = {name: _identity(getattr(pulumi_auth0, name)) for name in STOCK_NAMES}
    assert lazy == stock, sorted(name for name in stock if lazy.get(name) != stock[name])


def test_every_input_and_output_class_is_created_on_first_use_as_the_stock_class(lazy_read):
    assert lazy_read["created_at_import"] == [0, 0], \
        f"classes created by `import pulumi_auth0`: {lazy_read['created_at_import']}"
    describe = _stock(_DESCRIBE, "describe")
    stock = [describe(sys.modules[f"pulumi_auth0.{name}"]) for name in ("_inputs", "outputs")]
    for module, lazy_module, stock_module in zip(("_inputs", "outputs"), lazy_read["classes"], stock, strict=True):
        differing = sorted(name for name in stock_module if lazy_module.get(name) != stock_module[name])
        assert not differing, f"pulumi_auth0.{module}: lazy classes unlike the stock ones: {differing[:10]}"


def test_every_resource_module_annotation_resolves_as_the_stock_one_with_its_narrowed_star_import(lazy_read):
    lazy = lazy_read["resource_modules"]
    describe = _stock(_DESCRIBE, "describe")
    stock = {name: describe(sys.modules[name]) for name in _RESOURCE_MODULES}
    differing = sorted(name for name in _RESOURCE_MODULES if lazy[name] != stock[name])
    assert not differing, f"resource modules whose annotations resolve unlike the stock ones: {differing}"


def test_every_property_type_the_plan_resolves_from_postponed_annotations_is_the_stock_one(lazy_read):
    lazy = lazy_read["property_types"]
    stock = _stock(_PROPERTY_TYPES, "property_types")(lean=False)
    assert len(stock) > 500 and sorted(lazy) == sorted(stock), sorted(set(stock) ^ set(lazy))[:5]
    differing = sorted(name for name in stock if lazy[name] != stock[name])
    assert not differing, f"classes whose property types differ from the stock runtime's: {differing[:5]}"
