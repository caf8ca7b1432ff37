"""`make bench`: how long the offline plan takes, cold (a new process, as CI runs it) and warm (in-process).

Prints figures; it asserts nothing. The target on a 2-core machine: under 2 s cold for the shipped tenant.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

from cli.offline import run_program
from cli.plan import PROJECT_DIR
from cli.stacks import stack_names_or_exit
from cli.values import resource_counts

RUNS = 5


def _cold(stack: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "cli.plan", "--stack", stack, "--format", "json"],
                   cwd=PROJECT_DIR, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def _warm(stack: str) -> tuple[float, dict[str, int]]:
    started = time.perf_counter()
    plan = run_program(PROJECT_DIR, stack)
    return time.perf_counter() - started, resource_counts([r.type for r in plan.resources])


def main() -> None:
    print(f"offline plan, {RUNS} runs per stack (median / max, seconds)")
    print(f"{'stack':<6} {'auth0':>6} {'components':>10} {'cold median':>12} {'cold max':>9} {'warm median':>12}")
    for stack in stack_names_or_exit(PROJECT_DIR):
        cold = [_cold(stack) for _ in range(RUNS)]
        warm_runs = [_warm(stack) for _ in range(RUNS)]
        warm = [seconds for seconds, _ in warm_runs]
        counts = warm_runs[0][1]
        print(f"{stack:<6} {counts['auth0']:>6} {counts['components']:>10} {statistics.median(cold):>12.3f} "
              f"{max(cold):>9.3f} "
              f"{statistics.median(warm):>12.3f}")


if __name__ == "__main__":
    main()
