"""The pulumi submodules and gRPC a plan CLI defers (cli/lean_pulumi.py) stay the stock ones: not run at
`import pulumi`, and run in full on first use (a fixture tenant's plan with the whole lean start:
test_lean_start.py). The plan CLI runs no pydantic plugin either."""

from __future__ import annotations

import os
import subprocess
import sys
from importlib.metadata import version

import pytest

from cli import lean_pulumi
from tests.conftest import FULL, FULL_STACKS, PROJECT_DIR, fixture_copy


def _python(code: str) -> str:
    result = subprocess.run([sys.executable, "-c", code], cwd=PROJECT_DIR, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_the_deferral_applies_to_the_installed_sdk():
    assert version("pulumi") == lean_pulumi.SDK_VERSION, (
        f"pulumi is not {lean_pulumi.SDK_VERSION}: plans import its submodules at start (correct, slower); check "
        "that pulumi's __init__ still imports automation, dynamic and policy without using them, and update "
        "SDK_VERSION")


def test_a_deferred_submodule_runs_on_first_use_and_is_the_stock_one():
    shown = _python(
        "import sys\nfrom cli import lean_pulumi\nassert lean_pulumi.install()\nimport pulumi\n"
        f"deferred = {list(lean_pulumi.DEFERRED)!r}\n"
        "print(any(name.startswith(tuple(d + '.' for d in deferred)) and name not in deferred\n"
        "          for name in sys.modules))\n"
        "print(pulumi.automation.LocalWorkspace.__module__, pulumi.dynamic.Resource.__module__)\n"
        "print('pulumi.automation._local_workspace' in sys.modules)\n")
    assert shown.split() == ["False", "pulumi.automation._local_workspace", "pulumi.dynamic.dynamic", "True"], shown


@pytest.mark.parametrize("first_use", ["import grpc\ngrpc.StatusCode",
                                       "from pulumi.runtime import _callbacks\n_callbacks.aio.server"],
                         ids=["grpc first", "grpc.aio first"])
def test_grpc_runs_on_first_use_whichever_module_comes_first_and_not_at_import(first_use):
    shown = _python(
        "import sys\nfrom cli import lean_pulumi\nassert lean_pulumi.install()\nimport pulumi, pulumi.runtime\n"
        "print('grpc._cython.cygrpc' in sys.modules)\n"
        f"{first_use}\n"
        "import grpc\nfrom pulumi.runtime import _callbacks\n"
        "print('grpc._cython.cygrpc' in sys.modules, grpc.StatusCode.OK.name, _callbacks.aio.server.__module__)\n"
        "print(_callbacks.aio is grpc.aio is sys.modules['grpc.aio'], type(grpc) is type(sys),\n"
        "      type(grpc.aio) is type(sys))\n")
    assert shown.split() == ["False", "True", "OK", "grpc.aio._server", "True", "True", "True"], shown


def test_grpc_that_fails_on_first_use_is_not_left_half_run():
    shown = _python(
        "import sys\nfrom cli import lean_pulumi\nassert lean_pulumi.install()\nimport grpc\n"
        "class Broken:\n    def exec_module(self, module):\n        module.half = True\n"
        "        raise ImportError('grpc is broken')\n"
        "grpc.__dict__['_stock_loader'] = Broken()\n"
        "try:\n    grpc.StatusCode\nexcept ImportError as error:\n    print(error)\n"
        "print('grpc' in sys.modules)\n")
    assert shown.splitlines() == ["grpc is broken", "False"], shown


@pytest.mark.parametrize("traceparent", ["", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"],
                         ids=["no tracing", "tracing asked for"])
def test_tracing_is_set_up_at_import_only_when_the_environment_asks_for_it(traceparent):
    shown = _python(
        f"import os, sys\nos.environ['TRACEPARENT'] = {traceparent!r}\n"
        "from cli import lean_pulumi\nassert lean_pulumi.install()\nimport pulumi\n"
        "print('opentelemetry.sdk.trace' in sys.modules)\n"
        "from pulumi.runtime import _instrumentation\n"
        "print(_instrumentation._tracer_provider is not None, callable(_instrumentation.shutdown_tracing))\n")
    assert shown.split() == ([str(bool(traceparent)), str(bool(traceparent)), "True"]), shown


def test_nothing_is_deferred_once_pulumi_is_imported():
    assert _python("import pulumi\nfrom cli import lean_pulumi\nprint(lean_pulumi.install())\n").strip() == "False"


def test_a_plan_runs_no_pydantic_plugin_installed_beside_it(tmp_path):
    # A plugin found through its package's entry points, as pydantic finds one: it marks its import.
    marker = tmp_path / "imported"
    (tmp_path / "observer.py").write_text(
        f"open({str(marker)!r}, 'a').write('imported')\n"
        "class _Plugin:\n    def new_schema_validator(self, *args, **kwargs):\n        return None, None, None\n"
        "plugin = _Plugin()\n", encoding="utf-8")
    dist_info = tmp_path / "observer-1.0.dist-info"
    dist_info.mkdir()
    (dist_info / "METADATA").write_text("Metadata-Version: 2.1\nName: observer\nVersion: 1.0\n", encoding="utf-8")
    (dist_info / "entry_points.txt").write_text("[pydantic]\nobserver = observer:plugin\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": f"{tmp_path}{os.pathsep}{PROJECT_DIR}"}
    env.pop("PYDANTIC_DISABLE_PLUGINS", None)
    validate = "import pydantic\nclass Model(pydantic.BaseModel):\n    name: str\nModel(name='x')\n"
    subprocess.run([sys.executable, "-c", validate], cwd=PROJECT_DIR, env=env, check=True, timeout=120)
    assert marker.exists(), "the fake plugin is not found by pydantic: the test proves nothing"
    marker.unlink()
    project = fixture_copy(FULL).root
    subprocess.run([sys.executable, "-m", "cli.plan", "--stack", FULL_STACKS[0], "--format", "json",
                    "--project-dir", str(project)], cwd=PROJECT_DIR, env=env, check=True, timeout=120,
                   capture_output=True)
    assert not marker.exists(), "a plan imported a pydantic plugin"
