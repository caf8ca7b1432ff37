"""A module loaded by cli/lazy_classes.py runs its imports at once and each class statement on first use, after
the classes it reads as it runs, its annotations postponed (a TypedDict's evaluated); its split is cached beside
its .pyc, rebuilt when the source changes, and where it cannot be (no cache and no bytecode writing, or a
statement among the classes) the stock module loads."""

from __future__ import annotations

import sys
import textwrap
import typing

import pytest

from cli import lazy_classes

SOURCE = '''\
"""A generated module."""
from typing import NotRequired, Optional, TypedDict
created = []


class Base:
    created.append("Base")


class Child(Base):  # a base class: created before Child runs
    created.append("Child")

    def sibling(self) -> Optional["Sibling"]:  # a quoted name: not created with Child
        return None


class Sibling:
    created.append("Sibling")

    def back(self) -> "Child":  # names Child back
        return Child()


if not created:  # an `if` of classes and aliases is one statement
    class Alias(dict):
        created.append("Alias")
else:
    Alias = dict


class Unrelated:
    created.append("Unrelated")


class Shape(TypedDict):  # evaluated as it is defined: its required keys come from its annotations
    name: str
    size: NotRequired[Optional["Unrelated"]]
'''

NAMES = ("Base", "Child", "Sibling", "Alias", "Unrelated", "Shape")


class _Attributes(dict):
    """A lazy module's classes as the locals an annotation resolves with (what cli/lean_sdk.py gives the SDK's)."""

    def __init__(self, module):
        super().__init__()
        self.module = module

    def __missing__(self, name):
        if name in self.module.__lazy_names__:
            return getattr(self.module, name)
        raise KeyError(name)


@pytest.fixture
def module_source(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    path = tmp_path / "generated.py"
    path.write_text(SOURCE, encoding="utf-8")
    yield path
    sys.modules.pop("generated_under_test", None)


def _load(path):
    sys.modules.pop("generated_under_test", None)
    return lazy_classes.lazy_module("generated_under_test", str(path))


def test_a_class_runs_on_first_use_after_the_classes_it_reads(module_source):
    module = _load(module_source)
    assert module.created == [], "class statements ran at import"
    child = module.Child
    assert module.created == ["Base", "Child"], "a base class is created first, a quoted class is not created"
    assert type(module.Sibling().back()) is child and module.created[-1] == "Sibling", module.created
    assert module.Alias is not None and "Unrelated" not in module.created, module.created
    with pytest.raises(AttributeError, match="no attribute 'Missing'"):
        module.Missing  # noqa: B018


def test_the_classes_are_those_the_stock_module_creates_with_the_annotations_it_resolves(module_source):
    module = _load(module_source)
    namespace = {"__name__": "generated_under_test"}
    exec(compile(SOURCE, str(module_source), "exec", dont_inherit=True), namespace)
    for name in NAMES:
        lazy, stock = getattr(module, name), namespace[name]
        assert (lazy.__module__, lazy.__qualname__, sorted(vars(lazy))) == (
            stock.__module__, stock.__qualname__, sorted(vars(stock))), name
    assert module.Shape.__required_keys__ == namespace["Shape"].__required_keys__ == {"name"}
    for lazy, stock in ((module.Child.sibling, namespace["Child"].sibling), (module.Sibling.back,
                                                                            namespace["Sibling"].back)):
        assert isinstance(lazy.__annotations__["return"], str), f"{lazy.__qualname__}: annotation not postponed"
        resolved = typing.get_type_hints(lazy, localns=_Attributes(module))
        assert repr(resolved) == repr(typing.get_type_hints(stock, globalns=namespace)), lazy.__qualname__


def test_the_split_is_cached_and_rebuilt_when_the_source_changes(module_source):
    _load(module_source)
    cache = lazy_classes._cache_path(module_source, "lazy")
    assert cache.is_file(), "no cache written"
    assert oct(cache.stat().st_mode & 0o777) == oct((module_source.stat().st_mode & 0o777) | 0o200)
    stored = cache.read_bytes()
    _load(module_source)
    assert cache.read_bytes() == stored, "a fresh cache was rewritten"
    module_source.write_text(SOURCE + "\n\nclass Added:\n    pass\n", encoding="utf-8")
    assert _load(module_source).Added.__name__ == "Added"
    cache.write_bytes(b"not a cache")
    assert _load(module_source).Added.__name__ == "Added", "a damaged cache was not rebuilt"


def test_without_a_cache_or_bytecode_writing_the_stock_module_is_left_to_load(module_source, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    assert _load(module_source) is None
    assert not lazy_classes._cache_path(module_source, "lazy").exists()
    assert "generated_under_test" not in sys.modules


@pytest.mark.parametrize("interleaved", [
    "print('a statement between classes')",
    "VALUE = Base()",
    "class Base:\n    pass",
], ids=["a call", "an assignment", "a class defined twice"])
def test_a_statement_among_the_classes_or_a_name_bound_twice_leaves_the_stock_to_load(module_source, interleaved):
    module_source.write_text(SOURCE.replace("\n\nclass Sibling:", f"\n{interleaved}\n\n\nclass Sibling:"),
                             encoding="utf-8")
    assert _load(module_source) is None


def test_a_failing_class_statement_fails_again_on_the_next_read(module_source):
    module_source.write_text(SOURCE + textwrap.dedent('''

        class Broken:
            raise RuntimeError("stock import fails here")
        '''), encoding="utf-8")
    module = _load(module_source)
    for _ in range(2):
        with pytest.raises(RuntimeError, match="stock import fails here"):
            module.Broken  # noqa: B018


@pytest.mark.parametrize("postponed", [False, True], ids=["evaluated", "postponed annotations"])
def test_the_names_a_code_refers_to_include_quoted_annotations_and_function_bodies(postponed):
    import __future__
    code = compile(textwrap.dedent('''
        def make(value: "Quoted") -> "Optional[Other]":
            """Prose that names Absent is not a reference."""
            return Called(value)
        class Holder:
            field: "InClass"
        '''), "<test>", "exec", flags=__future__.annotations.compiler_flag if postponed else 0, dont_inherit=True)
    among = frozenset({"Quoted", "Called", "InClass", "Absent", "Optional", "Other"})
    assert lazy_classes.names_a_code_refers_to(code, among) == {"Quoted", "Called", "InClass", "Optional", "Other"}


def test_a_module_without_a_typed_dict_compiles_postponed_with_the_names_it_reads(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    path = tmp_path / "resource.py"
    path.write_text(textwrap.dedent('''
        """Prose naming Absent."""
        from typing import Optional, Union
        class Resource:
            field: Annotated = Default
            @decorated
            def members(self, member: "Member" = Fallback) -> Optional[Union["Member", Other]]:
                return Called()
        '''), encoding="utf-8")
    code, names = lazy_classes.postponed_code(str(path))
    namespace = {"decorated": lambda function: function, "Default": 1, "Fallback": 2}
    exec(code, namespace)
    assert isinstance(namespace["Resource"].members.__annotations__["return"], str), "annotation not postponed"
    annotation_only = {"Member", "Other", "Annotated", "Optional", "Union"}
    assert {"decorated", "Default", "Fallback", "Called", "field"} <= names, sorted(names)
    assert not names & {"Absent", *annotation_only}, sorted(names)
    assert lazy_classes.postponed_code(str(path))[1] == names, "the cached names differ"
    path.write_text(SOURCE, encoding="utf-8")
    assert lazy_classes.postponed_code(str(path)) is None, "a module with a TypedDict was postponed"
