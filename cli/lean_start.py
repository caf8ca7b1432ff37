"""The start of an offline CLI that plans (`make plan`, `check`, `diff`, `snapshots`, `changes` ...), before its
heavy imports: the collector's thresholds for imports (cli/batch_gc.py), pulumi's unused submodules and gRPC deferred
(cli/lean_pulumi.py), pulumi-auth0's classes created on first use (cli/lean_auth0.py), and no pydantic plugin.
A CLI that needs none of pulumi but the error classes (`make stacks`, which gives make's STACK, FROM and TO
defaults, and `make schema`) imports only those.

Each part falls back to the stock behaviour by itself (another SDK version, pulumi already imported), and the
plans are the same either way. The program that the Pulumi CLI runs (`pulumi preview`, `pulumi up`) and the
tests' own processes run none of it; the production gate's offline child process does.
"""

import importlib.util
import os
import sys


def for_a_plan() -> None:
    """Call first, under `if __name__ == "__main__":`, before anything imports pulumi or pydantic."""
    from cli import batch_gc, lean_auth0, lean_pulumi

    batch_gc.for_this_process()
    lean_pulumi.install()
    lean_auth0.install()
    # A pydantic plugin observes validation (logfire's reports it); a plan wants none, and looking them up reads
    # the metadata of every installed package. An explicit PYDANTIC_DISABLE_PLUGINS is kept.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")


def without_pulumi() -> bool:
    """Call first in a CLI that needs none of pulumi but its errors: `pulumi.errors` (the RunError that ConfigError
    derives from, so that the language host prints it without a traceback) loads alone, without the rest of
    pulumi, about half a second of imports. Whether it did (not with pulumi already imported, or another pulumi
    version)."""
    from cli import lean_pulumi

    if "pulumi" in sys.modules or "pulumi.errors" in sys.modules or \
            lean_pulumi._installed_version() != lean_pulumi.SDK_VERSION:
        return False
    package = importlib.util.find_spec("pulumi")  # finds the package without running it
    spec = importlib.util.spec_from_file_location("pulumi.errors", os.path.join(
        os.path.dirname(package.origin), "errors.py"))
    module = importlib.util.module_from_spec(spec)
    # In sys.modules, `from pulumi.errors import ...` takes it without importing its package; if pulumi is
    # imported later, its own `from .errors import ...` takes it too, so RunError stays one class.
    sys.modules["pulumi.errors"] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules["pulumi.errors"]
        raise
    sys.meta_path.insert(0, _ErrorsAttribute)
    return True


class _ErrorsAttribute:
    """Once `pulumi.errors` loaded alone, an import of pulumi itself also binds it as the package's `errors`
    attribute, which the import system sets only when it loads the submodule."""

    @classmethod
    def find_spec(cls, name, path=None, target=None):
        if name != "pulumi":
            return None
        sys.meta_path.remove(cls)
        spec = importlib.util.find_spec(name)
        stock_exec_module = spec.loader.exec_module

        def exec_module(module):
            stock_exec_module(module)
            module.errors = sys.modules["pulumi.errors"]

        spec.loader.exec_module = exec_module
        return spec
