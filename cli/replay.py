"""The raw replay `make bench` measures the program against: the same auth0 resources with the same inputs,
registered one after another under Pulumi's stock mock runtime, with no components and no validation.

`write_replay(plan_json, dest)` turns a recorded plan into a replay project (replay.json and a two-line
`__main__.py`); `python -m cli.replay <dir>` runs it the way a plain mock-runtime program runs (stock
`Mocks` and `MockMonitor`, the interpreter's defaults, normal exit): the floor the offline plan is held to.
`--imports-only` stops after the imports (pulumi, its mock runtime, the SDK classes of the recorded types).
"""

from __future__ import annotations

import json
import runpy
import sys
from pathlib import Path
from typing import Any

SECRET = "[secret]"  # as cli.offline writes it; not imported so the replay's process loads nothing of ours
REPLAY_FILE = "replay.json"
_PROVIDER_PREFIX = "pulumi:providers:"
_PROGRAM = ("from pathlib import Path\n\nfrom cli.replay import register_all\n\n"
            "register_all(Path(__file__).resolve().parent)\n")


def replay_resources(plan_json: dict[str, Any]) -> list[dict[str, Any]]:
    """The resources a deploy creates (providers and auth0 resources, not components), in plan order."""
    return [
        {"type": r["type"], "name": r["name"], "protect": r["protect"], "inputs": r["inputs"]}
        for r in plan_json["resources"]
        if not r["type"].startswith("ciam:")
    ]


def write_replay(plan_json: dict[str, Any], dest: Path) -> int:
    """Write a replay project of `plan_json` into `dest`; the number of resources it registers."""
    resources = replay_resources(plan_json)
    dest.mkdir(parents=True, exist_ok=True)
    (dest / REPLAY_FILE).write_text(json.dumps({"stack": plan_json["stack"], "resources": resources}))
    (dest / "__main__.py").write_text(_PROGRAM)
    (dest / "Pulumi.yaml").write_text("name: ciam\nruntime: python\n")
    (dest / f"Pulumi.{plan_json['stack']}.yaml").write_text("config: {}\n")  # so cli.offline can record it too
    return len(resources)


def _with_secrets(value: Any) -> Any:
    import pulumi

    if value == SECRET:
        return pulumi.Output.secret(SECRET)
    if isinstance(value, dict):
        return {key: _with_secrets(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_with_secrets(item) for item in value]
    return value


def _load_sdk_classes(types: set[str]) -> None:
    """Load the provider SDK's classes for these types, as a raw program that uses them would."""
    import importlib

    for kind in sorted(types):
        package, _, class_name = kind.replace("pulumi:providers:", "").partition(":")
        module = importlib.import_module(f"pulumi_{package.split(':')[0]}")
        getattr(module, kind.rsplit(":", 1)[1] if class_name else "Provider")


def register_all(project_dir: Path) -> None:
    """The replay program: every recorded resource, in order, through the explicit provider."""
    import pulumi

    resources = json.loads((project_dir / REPLAY_FILE).read_text())["resources"]
    _load_sdk_classes({r["type"] for r in resources})
    providers: dict[str, pulumi.ProviderResource] = {}
    for resource in resources:
        kind = resource["type"]
        if kind.startswith(_PROVIDER_PREFIX):
            package = kind[len(_PROVIDER_PREFIX):]
            providers[package] = pulumi.ProviderResource(package, resource["name"], _with_secrets(resource["inputs"]))
    for resource in resources:
        kind = resource["type"]
        if kind.startswith(_PROVIDER_PREFIX):
            continue
        opts = pulumi.ResourceOptions(provider=providers.get(kind.split(":", 1)[0]), protect=resource["protect"])
        pulumi.CustomResource(kind, resource["name"], _with_secrets(resource["inputs"]), opts=opts)


class _StockMocks:
    """What a plain mock-runtime program uses: outputs are the inputs."""

    def new_resource(self, args):
        return f"{args.name}-id", dict(args.inputs)

    def call(self, args):
        return {}


def main(argv: list[str] | None = None) -> None:
    import pulumi
    from pulumi.runtime.mocks import Mocks
    from pulumi.runtime.stack import run_pulumi_func
    from pulumi.runtime.sync_await import _sync_await

    args = argv if argv is not None else sys.argv[1:]
    project_dir = Path(args[0]).resolve()
    replay = json.loads((project_dir / REPLAY_FILE).read_text())
    if "--imports-only" in args[1:]:  # `make bench`'s start-up figure: the imports, then stop
        _load_sdk_classes({r["type"] for r in replay["resources"]})
        return
    stack = replay["stack"]
    mocks = type("ReplayMocks", (_StockMocks, Mocks), {})()
    pulumi.runtime.set_mocks(mocks, project="ciam", stack=stack, preview=True)
    _sync_await(run_pulumi_func(lambda: runpy.run_path(str(project_dir / "__main__.py"), run_name="__main__")))


if __name__ == "__main__":
    main()
