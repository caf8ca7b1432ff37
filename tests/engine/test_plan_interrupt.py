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


@pytest.mark.parametrize("delay", [0.3, 0.8, 1.5])
def test_an_interrupted_plan_exits_cleanly_and_never_prints_half_a_plan(delay):
    command = [sys.executable, "-m", "cli.plan", "--stack", fixture_stacks(TENANT)[0], "--format", "json",
               "--project-dir", str(fixture_copy(TENANT).root)]
    child = subprocess.Popen(command, cwd=PROJECT_DIR, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(delay)
    child.send_signal(signal.SIGINT)
    try:
        out, err = child.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        child.kill()
        pytest.fail(f"the plan hung after Ctrl-C (delay {delay}s)")
    assert child.returncode in (0, 130), (child.returncode, err.decode()[-500:])
    if out:
        json.loads(out)  # complete, or nothing at all
    if child.returncode == 130:
        assert b"Traceback" not in err, err.decode()[-500:]
