"""The start of an offline CLI that plans (`make plan`, `check`, `diff`, `snapshots`, `changes` ...), before its
heavy imports: the collector's thresholds for imports (cli/batch_gc.py), pulumi's unused submodules deferred
(cli/lean_pulumi.py), pulumi-auth0's classes created on first use (cli/lean_auth0.py), and no pydantic plugin.

Each part falls back to the stock behaviour by itself (another SDK version, pulumi already imported), and the
plans are the same either way. The program that the Pulumi CLI runs (`pulumi preview`, `pulumi up`) and the
tests' own processes run none of it; the production gate's offline child process does.
"""

import os


def for_a_plan() -> None:
    """Call first, under `if __name__ == "__main__":`, before anything imports pulumi or pydantic."""
    from cli import batch_gc, lean_auth0, lean_pulumi

    batch_gc.for_this_process()
    lean_pulumi.install()
    lean_auth0.install()
    # A pydantic plugin observes validation (logfire's reports it); a plan wants none, and looking them up reads
    # the metadata of every installed package. An explicit PYDANTIC_DISABLE_PLUGINS is kept.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
