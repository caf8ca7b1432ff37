"""The recorded plans of a project directory as JSON, for the change plan: run as a script in a subprocess so
that the program under `project_dir` (perhaps another commit's, in a temporary worktree) imports its own
`components`, while the recorder is this checkout's `cli/offline.py`.

    python cli/recorded.py <project_dir> <stack>... > plans.json
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

_OFFLINE = Path(__file__).resolve().parent / "offline.py"


def _load_recorder():
    spec = importlib.util.spec_from_file_location("_ciam_recorder", _OFFLINE)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _resolved_outputs(outputs: dict[str, Any]) -> dict[str, Any]:
    import pulumi
    from pulumi.runtime.sync_await import _sync_await

    resolved = {}
    for key, value in sorted(outputs.items()):
        if isinstance(value, pulumi.Output):
            try:
                if _sync_await(value.is_secret()):
                    value = "[secret]"
                elif not _sync_await(value.is_known()):
                    value = "[computed]"
                else:
                    value = _sync_await(value.future())
            except Exception:  # noqa: BLE001 - an output that cannot be resolved offline is shown as computed
                value = "[computed]"
        resolved[key] = value if value is not None else "[computed]"
    return json.loads(json.dumps(resolved, default=str))


def record(project_dir: Path, stack: str, recorder) -> dict[str, Any]:
    if not (project_dir / f"Pulumi.{stack}.yaml").is_file():
        return {"stack": stack, "missing": True}
    try:
        plan = recorder.run_program(project_dir, stack)
    except Exception as error:  # noqa: BLE001 - reported as one line by the caller
        first = str(error).strip().splitlines()[:1] or [type(error).__name__]
        return {"stack": stack, "error": first[0]}
    config, secret_keys = recorder.stack_config(project_dir, stack)
    ciam_stack = config.get("ciam:stack")
    return {
        "stack": stack,
        "resources": [{**r.as_json(), "aliases": list(r.aliases), "replace_on_changes": list(r.replace_on_changes),
                       "secret_refs": [list(ref) for ref in r.secret_refs]} for r in plan.resources],
        "settings": {
            "ciam:stack": json.loads(ciam_stack) if ciam_stack and ciam_stack[:1] == "{" else ciam_stack,
            "outputs": _resolved_outputs(plan.outputs),
            "secrets_set": sorted(key.partition(":")[2] or key for key in secret_keys),
            "secrets_unset": sorted(plan.unset_secrets),
        },
    }


def main(argv: list[str]) -> None:
    project_dir = Path(argv[0]).resolve()
    sys.path.insert(0, str(project_dir))
    try:  # the checkout's own lean start (cli/lean_start.py), as its `make plan` has it
        from cli import lean_start
    except ImportError:  # a commit from before it: the stock start, the same plans
        pass
    else:
        lean_start.for_a_plan()
    recorder = _load_recorder()
    plans = [record(project_dir, stack, recorder) for stack in argv[1:]]
    sys.stdout.write(json.dumps(plans, sort_keys=True) + "\n")


if __name__ == "__main__":
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _OFFLINE.parent]
    main(sys.argv[1:])
