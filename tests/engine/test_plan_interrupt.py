"""Ctrl-C during `make plan` exits promptly with 130, and stdout is the whole plan or nothing."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import fixture_copy, fixture_stacks

PROJECT_DIR = Path(__file__).resolve().parents[2]
TENANT = "full"
# Each interrupt lands at a fraction of how long an uninterrupted plan takes on this machine (measured first), so
# that they fall from early in the imports to late in the program's run however fast the machine is (fixed delays
# of 0.8 and 1.5 s came after a plan had ended on a fast one), and the test waits no longer than a plan.
FRACTIONS = (0.15, 0.5, 0.85)
pytestmark = pytest.mark.xdist_group("plan-interrupt")


def _start_plan() -> subprocess.Popen:
    command = [sys.executable, "-m", "cli.plan", "--stack", fixture_stacks(TENANT)[0], "--format", "json",
               "--project-dir", str(fixture_copy(TENANT).root)]
    return subprocess.Popen(command, cwd=PROJECT_DIR, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


@pytest.fixture(scope="module")
def plan_seconds() -> float:
    started = time.monotonic()
    child = _start_plan()
    out, err = child.communicate(timeout=60)
    assert child.returncode == 0, err.decode()[-500:]
    json.loads(out)
    return time.monotonic() - started


@pytest.mark.parametrize("fraction", FRACTIONS)
def test_an_interrupted_plan_exits_cleanly_and_never_prints_half_a_plan(plan_seconds, fraction):
    child = _start_plan()
    time.sleep(plan_seconds * fraction)
    child.send_signal(signal.SIGINT)
    try:
        out, err = child.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        child.kill()
        pytest.fail(f"the plan hung after Ctrl-C ({fraction:.0%} into a {plan_seconds:.2f} s plan)")
    assert child.returncode in (0, 130), (child.returncode, err.decode()[-500:])
    if out:
        json.loads(out)  # complete, or nothing at all
    if child.returncode == 130:
        assert b"Traceback" not in err, err.decode()[-500:]
