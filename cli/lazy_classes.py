"""A generated module whose top-level classes are created on first use, for cli/lean_auth0.py.

pulumi-auth0's `_inputs` and `outputs` define about 1,170 classes between them (each input type twice: the
class and its TypedDict), and creating them all costs a plan about 0.1 s; a plan creates about a hundred. Here
such a module runs its imports at once, and each class statement (or `if not MYPY:` block) when one of its names is
first read as an attribute of the module, after the statements of the classes it reads as it runs (a base
class). A class that is only named in a quoted annotation is not in the namespace until it is read: the
annotation resolves through the module's attributes (cli/lean_sdk.py resolves SDK annotations so).

The SDK reads its annotations only through `typing.get_type_hints`, so they are compiled postponed (PEP 563):
defining a class evaluates none of them. A TypedDict's are not, since its required keys are read from them as
it is defined.

The statements are compiled once per source file into a cache file in the module's `__pycache__` (like a
.pyc, rebuilt when the source changes); where none can be written, the stock module loads.
"""

from __future__ import annotations
import __future__

import ast
import contextlib
import importlib.util
import marshal
import os
import re
import sys
import tempfile
import types
from pathlib import Path

CACHE_FORMAT = b"lazy-classes-4"
_IDENTIFIER = re.compile(r"[A-Za-z_]\w*")
_QUOTED_LIMIT = 200


class _Split:
    """A module's source as its eager header and one compiled statement per lazily created group of names."""

    def __init__(self, header: bytes, group_of: dict[str, int], statements: list[bytes], needs: list[tuple]):
        self.header = header
        self.group_of = group_of
        self.statements = statements
        self.needs = needs


def lazy_module(name: str, origin: str) -> types.ModuleType | None:
    """The module `name` from `origin`, its classes created on first use; None where that cannot be set up."""
    split = _load_split(Path(origin))
    if split is None:
        return None
    spec = importlib.util.spec_from_file_location(name, origin)
    module = importlib.util.module_from_spec(spec)
    namespace = module.__dict__
    pending = set(range(len(split.statements)))

    def create(group: int) -> None:
        if group not in pending:
            return
        pending.discard(group)
        try:
            for needed in split.needs[group]:
                create(needed)
            exec(marshal.loads(split.statements[group]), namespace)
        except BaseException:
            pending.add(group)  # the next read raises the same error, as a stock import would have
            raise

    def lazy_attribute(attribute: str):
        group = split.group_of.get(attribute)
        if group is None:
            raise AttributeError(f"module {name!r} has no attribute {attribute!r}")
        create(group)
        return namespace[attribute]

    namespace["__getattr__"] = lazy_attribute
    namespace["__lazy_names__"] = frozenset(split.group_of)
    namespace["__lazy_sources__"] = (module,)  # where a name its annotations quote is found (cli/lean_sdk.py)
    sys.modules[name] = module
    try:
        exec(marshal.loads(split.header), namespace)
    except BaseException:
        del sys.modules[name]
        raise
    return module


def names_a_code_refers_to(code: types.CodeType, among: frozenset[str]) -> set[str]:
    """The names of `among` that a module's code reads or quotes anywhere (its functions and classes too)."""
    found: set[str] = set()
    stack = [code]
    while stack:
        current = stack.pop()
        found.update(name for name in current.co_names if name in among)
        constants = list(current.co_consts)
        while constants:
            constant = constants.pop()
            if isinstance(constant, str):
                if constant in among:
                    found.add(constant)
                elif "[" in constant or "'" in constant:  # an annotation such as "Optional[Other]" or "'Other'"
                    found.update(_quoted_names(constant) & among)
            elif isinstance(constant, types.CodeType):
                stack.append(constant)
            elif isinstance(constant, (tuple, frozenset)):
                constants.extend(constant)
    return found


def _quoted_names(text: str) -> set[str]:
    # A quoted annotation is short ("ClientArgs", "Optional[Other]"); a long string is prose.
    return set(_IDENTIFIER.findall(text)) if len(text) < _QUOTED_LIMIT else set()


def postponed_code(origin: str) -> tuple[types.CodeType, frozenset[str]] | None:
    """The code of a generated module compiled with its annotations postponed (PEP 563), which the SDK reads only
    through `typing.get_type_hints`, so that defining its classes evaluates none of them, and the names the code
    reads as it runs (not those only its annotations give); None where the module defines a TypedDict (whose
    required keys are read from its evaluated annotations) or nothing is cached."""
    return _cached(Path(origin), "postponed", _compiled_postponed)


def _compiled_postponed(tree: ast.Module, filename: str) -> tuple[types.CodeType, frozenset[str]] | None:
    if _defines_typed_dict(tree):
        return None
    reader = _RunTimeNames()
    reader.visit(tree)
    return _compile(tree.body, filename, postpone=True), frozenset(reader.names)


class _RunTimeNames(ast.NodeVisitor):
    """The names a module's code reads, its postponed annotations left out."""

    def __init__(self):
        self.names: set[str] = set()

    def visit_Name(self, node: ast.Name) -> None:
        self.names.add(node.id)

    def visit_arg(self, node: ast.arg) -> None:
        pass  # a parameter's annotation

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        defaults = [*node.args.defaults, *(default for default in node.args.kw_defaults if default is not None)]
        for child in [*node.decorator_list, *defaults, *node.body]:  # not its annotations
            self.visit(child)

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        self.visit(node.target)
        if node.value is not None:
            self.visit(node.value)


def _cached(source: Path, kind: str, build):
    """What `build` makes of the source's syntax tree, cached beside its .pyc (`<module>.<tag>.<kind>`) and built
    again when the source changes; None where building gives None, or nothing is cached and none can be written
    (building costs more than the stock import saves)."""
    try:
        stat = source.stat()
    except OSError:
        return None
    key = (CACHE_FORMAT, kind, importlib.util.MAGIC_NUMBER, stat.st_size, stat.st_mtime_ns)
    cache = _cache_path(source, kind)
    built = _read_cache(cache, key)
    if built is not None or sys.dont_write_bytecode:
        return built
    try:
        cache.parent.mkdir(exist_ok=True)
        with _building(cache):  # parallel first runs (the test workers) build it once, not each
            built = _read_cache(cache, key)
            if built is None:
                try:
                    tree = ast.parse(source.read_text(encoding="utf-8"), str(source))
                except (SyntaxError, ValueError):
                    return None
                built = build(tree, str(source))
                if built is None:
                    return None
                _write_atomically(cache, marshal.dumps((key, built)), (stat.st_mode & 0o777) | 0o200)
    except OSError:
        return None
    return built


def _cache_path(source: Path, kind: str) -> Path:
    return Path(importlib.util.cache_from_source(str(source))).with_suffix(f".{kind}")


def _load_split(source: Path) -> _Split | None:
    stored = _cached(source, "lazy", _split)
    return None if stored is None else _Split(*stored)


def _write_atomically(path: Path, data: bytes, mode: int) -> None:
    # As a .pyc is written: whole or not at all, with the source's mode made writable.
    with tempfile.NamedTemporaryFile(dir=path.parent, prefix=path.name, delete=False) as file:
        try:
            file.write(data)
        except BaseException:
            os.unlink(file.name)
            raise
    try:
        os.chmod(file.name, mode)
        os.replace(file.name, path)
    except BaseException:
        os.unlink(file.name)
        raise


def _read_cache(cache: Path, key: tuple):
    try:
        stored, built = marshal.loads(cache.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    return built if stored == key else None


@contextlib.contextmanager
def _building(cache: Path):
    try:
        import fcntl
    except ImportError:  # no advisory locks (Windows): a parallel first run builds it twice, harmlessly
        yield
        return
    with open(cache.parent / "lazy-classes.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def _split(tree: ast.Module, filename: str) -> tuple | None:
    """The header, the group of each name, the compiled statement of each group and the groups each one needs."""
    header: list[ast.stmt] = []
    groups: list[tuple[ast.stmt, set[str]]] = []
    for statement in tree.body:
        bound = _bound_names(statement)
        if bound is None:
            if groups:  # a statement among the classes would run out of order: keep the stock module
                return None
            header.append(statement)
        else:
            groups.append((statement, bound))
    group_of = {name: index for index, (_, bound) in enumerate(groups) for name in bound}
    if len(group_of) != sum(len(bound) for _, bound in groups):  # a name bound twice: the stock order decides
        return None
    names = frozenset(group_of)
    needs = []
    for index, (statement, _) in enumerate(groups):
        referred = _names_read(statement) & names
        needs.append(tuple(sorted({group_of[name] for name in referred} - {index})))
    statements = [marshal.dumps(_compile([statement], filename, postpone=not _defines_typed_dict(statement)))
                  for statement, _ in groups]
    return marshal.dumps(_compile(header, filename, postpone=False)), group_of, statements, needs


def _compile(statements: list[ast.stmt], filename: str, postpone: bool) -> types.CodeType:
    # dont_inherit: this module's own `from __future__ import annotations` must not decide theirs.
    flags = __future__.annotations.compiler_flag if postpone else 0
    return compile(ast.Module(body=statements, type_ignores=[]), filename, "exec", flags=flags, dont_inherit=True)


def _defines_typed_dict(node: ast.AST) -> bool:
    for inner in ast.walk(node):
        if isinstance(inner, ast.ClassDef):
            for base in inner.bases:  # `TypedDict` or `typing.TypedDict`
                if getattr(base, "id", None) == "TypedDict" or getattr(base, "attr", None) == "TypedDict":
                    return True
    return False


def _bound_names(statement: ast.stmt) -> set[str] | None:
    """The names a class statement, or an `if` of class statements and aliases, binds; None for anything else."""
    if isinstance(statement, ast.ClassDef):
        return {statement.name}
    if isinstance(statement, ast.If):
        bound: set[str] = set()
        for inner in [*statement.body, *statement.orelse]:
            names = _bound_names(inner) if isinstance(inner, (ast.ClassDef, ast.If)) else _assigned(inner)
            if names is None:
                return None
            bound |= names
        return bound or None
    return None


def _assigned(statement: ast.stmt) -> set[str] | None:
    if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
        return {statement.target.id}
    if isinstance(statement, ast.Assign) and all(isinstance(target, ast.Name) for target in statement.targets):
        return {target.id for target in statement.targets}
    return None


def _names_read(node: ast.AST) -> set[str]:
    """Every name a statement's code uses, its annotations' too: the classes to create before it runs (a few more
    than it reads as it runs; a name only quoted is not one of them: see lazy_module)."""
    return {inner.id for inner in ast.walk(node) if isinstance(inner, ast.Name)}
