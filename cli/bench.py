"""`make bench`: the offline plan beside a raw replay of the same resources, at growing sizes. Figures only.

Each size adds N applications to the fixture tenant (tests/fixtures/tenants/bench/) in a throwaway project (the
repository's __main__.py and Pulumi.yaml plus the fixture). The plan runs once untimed; its JSON becomes the raw
replay (cli/replay.py). Then both run in fresh processes, interleaved, in rounds: each size's REPEAT runs spread
evenly over the same rounds (`run_rounds`); wall time, CPU time and peak RSS per child (os.wait4). Printed:
median and minimum, the ratios, marginal ms per resource (from ~1,000 to ~8,000 resources, on wall and CPU time,
each round's run less the smallest size's run of the same round), the shipped production stack's plan cold, a
deploy-time estimate, the CPU time a virtual machine's host took for other guests during the runs, and the goals
met or not. It asserts nothing.

It also times the start-up alone (every import, no resource: `cli.plan --help` beside `cli.replay
--imports-only`), which is what the small sizes mostly measure, and `make test` (BENCH_MAKE_TEST=0 skips it).

Quick mode: BENCH_SIZES=0,50 BENCH_REPEAT=1 BENCH_MAKE_TEST=0 make bench.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from cli import estimate
from cli.replay import write_replay
from components.config.stacks import stack_names, stacks

PROJECT_DIR = Path(__file__).resolve().parent.parent
FIXTURE = PROJECT_DIR / "tests" / "fixtures" / "tenants" / "bench"
STACK = "bench"
SIZES = (0, 400, 500, 1000, 2000, 4000)  # +500 is about 1,000 resources, +4000 about 8,000
SMALL, BIG = 1000, 2000  # below SMALL a run takes seconds: more of them; from BIG on, fewer (the machine is shared)
APP_PREFIX = "bench-app-"
GOAL_RATIO, GOAL_FLAT, GOAL_MEMORY, GOAL_COLD, GOAL_TEST = 1.0, 0.20, 1.3, 0.7, 20.0


def _sizes() -> tuple[int, ...]:
    raw = os.environ.get("BENCH_SIZES")
    return tuple(int(s) for s in raw.split(",")) if raw else SIZES


def _repeat(size: int) -> int:
    # Every marginal figure is measured from the smallest size, and the small sizes are the ones other load
    # disturbs most in proportion: their extra runs are cheap and keep one noisy run from flipping a verdict.
    default = 9 if size < SMALL else 5 if size < BIG else 3
    return int(os.environ.get("BENCH_REPEAT", default))


def added_application(index: int) -> dict:
    """An ordinary web application: callbacks, logout URL, refresh-token rotation."""
    return {
        "name": f"Bench App {index:05d}",
        "app_type": "regular_web",
        "callbacks": [f"${{app_base_url}}/bench/{index:05d}/callback"],
        "allowed_logout_urls": ["${app_base_url}"],
        "refresh_token": {"rotation_type": "rotating", "expiration_type": "expiring"},
    }


def make_project(dest: Path, added: int) -> Path:
    """A project in `dest`: the program, Pulumi.yaml, the fixture tenant with `added` more applications."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("__main__.py", "Pulumi.yaml"):
        shutil.copy(PROJECT_DIR / name, dest / name)
    shutil.copytree(FIXTURE, dest, dirs_exist_ok=True)
    blueprint = yaml.safe_load((FIXTURE / "tenant.yaml").read_text())
    first: dict = {}
    for index in range(added):
        app = added_application(index)
        first = first or app
        # The parts every application repeats become YAML aliases of the first one's (a smaller file to read).
        app.update({key: first[key] for key in _REPEATED})
        blueprint["applications"][f"{APP_PREFIX}{index:05d}"] = _OneLine(app)
    (dest / "tenant.yaml").write_text(yaml.dump(blueprint, Dumper=_Dumper, sort_keys=False, width=10**6))
    return dest


_REPEATED = ("allowed_logout_urls", "refresh_token")


class _OneLine(dict):
    """An added application on one line: 4,000 of them in block style would be a 1.4 MB tenant.yaml."""


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(_OneLine, lambda dumper, data: dumper.represent_mapping(
    "tag:yaml.org,2002:map", data.items(), flow_style=True))


def _plan_command(project_dir: Path, stack: str = STACK) -> list[str]:
    return [sys.executable, "-m", "cli.plan", "--stack", stack, "--format", "json", "--project-dir", str(project_dir)]


def _replay_command(replay_dir: Path) -> list[str]:
    return [sys.executable, "-m", "cli.replay", str(replay_dir)]


def measure(command: list[str]) -> tuple[float, float, float]:
    """Wall seconds, peak RSS (MiB) and CPU seconds (user + system) of one fresh child process."""
    # stderr is kept aside and shown only on failure: the stock replay's interpreter teardown can print an
    # "Exception ignored" traceback from an event loop it never closed, noise in the table.
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        child = subprocess.Popen(command, cwd=PROJECT_DIR, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode:
            errors.seek(0)
            sys.stderr.write(errors.read().decode("utf-8", "replace"))
            raise SystemExit(f"bench: {' '.join(command)} exited {child.returncode}")
    return seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime  # Linux reports KiB


@dataclass
class Row:
    added: int
    resources: int
    ours: list[tuple[float, float, float]]  # (wall s, peak MiB, CPU s) per run, as `measure` gives them
    raw: list[tuple[float, float, float]]
    types: list[str]
    ours_start: list[tuple[float, float, float]] = field(default_factory=list)  # imports alone (smallest size)
    raw_start: list[tuple[float, float, float]] = field(default_factory=list)
    rounds: list[int] = field(default_factory=list)  # the round of each run in `ours` (and `raw`)

    def median(self, runs, index: int) -> float:
        return statistics.median(run[index] for run in runs)

    def minimum(self, runs, index: int) -> float:
        return min(run[index] for run in runs)

    @property
    def ratio(self) -> float:
        return self.median(self.ours, 0) / self.median(self.raw, 0)

    @property
    def memory_ratio(self) -> float:
        return self.median(self.ours, 1) / self.median(self.raw, 1)

    @property
    def cpu_ratio(self) -> float:
        return self.median(self.ours, 2) / self.median(self.raw, 2)


def prepare_size(added: int, work: Path, with_start_up: bool = False) -> tuple[Row, list[tuple[list, list[str]]]]:
    """One size's project and raw replay, and its commands beside the lists their runs go to; `with_start_up`:
    the two start-up commands too, run in the same interleaving (the same load)."""
    project = make_project(work / f"project-{added}", added)
    recorded = subprocess.run(_plan_command(project), cwd=PROJECT_DIR, capture_output=True, check=True, text=True)
    plan_json = json.loads(recorded.stdout)
    resources = write_replay(plan_json, work / f"replay-{added}")
    types = [r["type"] for r in plan_json["resources"]]
    row = Row(added, resources, [], [], types)
    commands = [(row.ours, _plan_command(project)), (row.raw, _replay_command(work / f"replay-{added}"))]
    if with_start_up:
        ours_start, raw_start = _start_up_commands(types, work)
        commands += [(row.ours_start, ours_start), (row.raw_start, raw_start)]
    return row, commands


def rounds_of(repeat: int, rounds: int) -> list[int]:
    """The rounds a size that runs `repeat` times takes part in: spread evenly over all of them, the first included."""
    return sorted({index * rounds // repeat for index in range(repeat)})


def run_rounds(prepared: list[tuple[Row, list[tuple[list, list[str]]]]]) -> None:
    """Every size's runs spread evenly over the same rounds (`rounds_of`); a round runs its sizes in turn, the
    order reversed every other round. So each size samples the whole stretch of the machine's load, a slow minute
    slows all sizes alike instead of one size's runs, and a size is compared with the smallest size's run of the
    same round (`_marginal_ms`)."""
    rounds = max((_repeat(row.added) for row, _ in prepared), default=0)
    taking_part = [(row, commands, set(rounds_of(_repeat(row.added), rounds))) for row, commands in prepared]
    started = time.perf_counter()
    for round_index in range(rounds):
        forward = round_index % 2 == 0
        for row, commands, its_rounds in (taking_part if forward else taking_part[::-1]):
            if round_index in its_rounds:
                for runs, command in (commands if forward else commands[::-1]):
                    runs.append(measure(command))
                row.rounds.append(round_index)
        print(f"bench: round {round_index + 1} of {rounds} done ({time.perf_counter() - started:.0f} s)",
              file=sys.stderr, flush=True)


def _start_up_commands(types: list[str], work: Path) -> tuple[list[str], list[str]]:
    """Each program's imports alone, before its first resource: the plan CLI's `--help` (argparse exits once the
    module has imported everything), and the replay with the SDK classes of the same types, `--imports-only`."""
    replay = work / "replay-start-up"
    write_replay({"stack": STACK, "resources": [
        {"type": kind, "name": "", "protect": False, "inputs": {}} for kind in sorted(set(types))]}, replay)
    return [sys.executable, "-m", "cli.plan", "--help"], [*_replay_command(replay), "--imports-only"]


def _marginal_ms(rows: list[Row], statistic: str = "median", index: int = 0) -> dict[int, float]:
    """ms per resource above the smallest size, the per-resource cost without start-up (index 2: CPU time): in
    each round, this size's run less the smallest size's run of the same round, over the resources between
    them; the median or the minimum of the rounds. A size sharing no round with the smallest is left out."""
    base, pick = rows[0], {"median": statistics.median, "minimum": min}[statistic]
    base_runs = dict(zip(base.rounds, base.ours, strict=True))
    marginal = {}
    for row in rows[1:]:
        paired = [(run, base_runs[round_index]) for round_index, run in zip(row.rounds, row.ours, strict=True)
                  if round_index in base_runs]
        if paired and row.resources > base.resources:
            marginal[row.added] = pick(1000 * (run[index] - base_run[index]) / (row.resources - base.resources)
                                       for run, base_run in paired)
    return marginal


def _load() -> str:
    try:
        return " ".join(f"{figure:.2f}" for figure in os.getloadavg()) + f" on {os.cpu_count()} cores"
    except OSError:
        return "unknown"


def stolen_seconds(stat: Path = Path("/proc/stat")) -> float | None:
    """CPU seconds the hypervisor gave to other guests since boot, all cores together (the `steal` column of
    Linux's /proc/stat); None where the system keeps no such count."""
    try:
        with stat.open() as lines:
            fields = lines.readline().split()
        return int(fields[8]) / os.sysconf("SC_CLK_TCK") if fields[:1] == ["cpu"] else None
    except (OSError, IndexError, ValueError):
        return None


def _verdict(met: bool) -> str:
    return "met" if met else "NOT met"


def main() -> None:
    print("offline plan (ours) beside the raw replay (cli/replay.py), fresh process per run, interleaved")
    print("shared machine: figures are noisy; compare the ratio, not the seconds (CPU seconds, user + system, "
          "are the least disturbed by other load)")
    print(f"load average at start: {_load()}\n")
    header = (f"{'added':>6} {'res':>5} {'n':>2} {'ours med':>9} {'ours min':>9} {'raw med':>8} {'raw min':>8} "
              f"{'ratio':>6} {'ours cpu':>9} {'raw cpu':>8} {'cpu x':>6} {'ours MiB':>9} {'raw MiB':>8} {'mem x':>6} "
              f"{'ms/res':>7}")
    print(header)
    rows: list[Row] = []
    stolen_at_start, runs_started = stolen_seconds(), time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="ciam-bench-") as tmp:
        prepared = [prepare_size(added, Path(tmp), with_start_up=index == 0) for index, added in enumerate(_sizes())]
        run_rounds(prepared)
        for row, _ in prepared:
            rows.append(row)
            print(f"{row.added:>6} {row.resources:>5} {len(row.ours):>2} {row.median(row.ours, 0):>9.3f} "
                  f"{row.minimum(row.ours, 0):>9.3f} {row.median(row.raw, 0):>8.3f} {row.minimum(row.raw, 0):>8.3f} "
                  f"{row.ratio:>6.2f} {row.median(row.ours, 2):>9.3f} {row.median(row.raw, 2):>8.3f} "
                  f"{row.cpu_ratio:>6.2f} {row.median(row.ours, 1):>9.0f} {row.median(row.raw, 1):>8.0f} "
                  f"{row.memory_ratio:>6.2f} {1000 * row.median(row.ours, 0) / row.resources:>7.2f}", flush=True)
    marginal, marginal_min = _marginal_ms(rows), _marginal_ms(rows, "minimum")
    if marginal:
        print("marginal ms per resource above the smallest size (median / min): "
              + ", ".join(f"+{added}: {ms:.2f} / {marginal_min[added]:.2f}" for added, ms in marginal.items()))
        print("ratio of the minimums: " + ", ".join(
            f"+{r.added}: {r.minimum(r.ours, 0) / r.minimum(r.raw, 0):.2f}" for r in rows))

    if rows and rows[0].ours_start:
        first = rows[0]
        ours_start, raw_start = first.median(first.ours_start, 0), first.median(first.raw_start, 0)
        print(f"start-up alone (every import, no resource; median, same runs as +{first.added}): "
              f"ours {ours_start:.3f} s, raw {raw_start:.3f} s (ratio {ours_start / raw_start:.2f}); the rest of "
              f"the +{first.added} run: ours {first.median(first.ours, 0) - ours_start:.3f} s, "
              f"raw {first.median(first.raw, 0) - raw_start:.3f} s")

    production = next((info.name for info in stacks(PROJECT_DIR) if info.is_production), stack_names(PROJECT_DIR)[0])
    cold_runs = [measure(_plan_command(PROJECT_DIR, production)) for _ in range(_repeat(0))]
    cold = [run[0] for run in cold_runs]
    print(f"\nshipped production stack {production} planned cold: median {statistics.median(cold):.3f} s, "
          f"min {min(cold):.3f} s (CPU median {statistics.median(run[2] for run in cold_runs):.3f} s)")
    stolen_at_end = stolen_seconds()
    if stolen_at_start is not None and stolen_at_end is not None:
        # On a virtual machine the host's other guests take CPU time in bursts, which the load average does not
        # show: a run that lost some is slower by about as much (0.17 s stolen in a 0.95 s cold plan, seen here).
        core_seconds = (time.perf_counter() - runs_started) * (os.cpu_count() or 1)
        stolen = stolen_at_end - stolen_at_start
        print(f"CPU time taken by the hypervisor for other guests during these runs: {stolen:.1f} s of "
              f"{core_seconds:.0f} core-seconds ({stolen / core_seconds:.1%})")
    test_seconds = None
    if os.environ.get("BENCH_MAKE_TEST", "1") != "0":
        started = time.perf_counter()
        subprocess.run(["make", "--no-print-directory", "test"], cwd=PROJECT_DIR, check=False,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        test_seconds = time.perf_counter() - started
        print(f"make test: {test_seconds:.1f} s")

    print("\nfirst deploy estimate (Management API calls ÷ the tenant's rate limit, docs/bootstrapping.md):")
    for row in rows:
        call_count = estimate.calls(row.types)
        times = ", ".join(
            f"{estimate.duration(estimate.deploy_seconds(call_count, t.requests_per_second, t.parallel))} {t.name} "
            f"({t.requests_per_second:g} req/s, --parallel {t.parallel})" for t in estimate.TIERS)
        print(f"  +{row.added} applications, {call_count} calls: {times}")

    print("\ngoals")
    worst = max(rows, key=lambda r: r.ratio)
    print(f"  ratio <= {GOAL_RATIO} at every size: {_verdict(worst.ratio <= GOAL_RATIO)} "
          f"(worst {worst.ratio:.2f} at +{worst.added}; "
          + ", ".join(f"+{r.added}: {r.ratio:.2f}" for r in rows)
          + "; CPU seconds: " + ", ".join(f"+{r.added}: {r.cpu_ratio:.2f}" for r in rows) + ")")
    # Medians, not minimums: a small size pairs with the smallest in more rounds than a large one (9 against 3),
    # and the least of 9 differences is lower than the least of 3 by that count alone, however flat the cost.
    for label, marginal_ms in (("wall, median", marginal), ("CPU, median", _marginal_ms(rows, "median", 2))):
        sized = [(r.resources, marginal_ms[r.added]) for r in rows if r.added in marginal_ms and r.resources >= 1000]
        if len(sized) < 2:
            print(f"  ms/resource flat ({label}): not measured (needs two sizes of 1,000+ resources)")
            continue
        flat = [ms for _, ms in sized]
        spread = max(flat) / min(flat) - 1
        print(f"  ms/resource (marginal, {label}) flat within {GOAL_FLAT:.0%} from ~1,000 to ~8,000 resources: "
              f"{_verdict(spread <= GOAL_FLAT)} (spread {spread:.0%} from {sized[0][0]} to {sized[-1][0]} "
              f"resources: " + ", ".join(f"{ms:.2f}" for ms in flat) + " ms)"
              + ("" if sized[-1][0] >= 8000 else "; 8,000 resources not reached"))
    worst_memory = max(r.memory_ratio for r in rows)
    print(f"  peak memory <= {GOAL_MEMORY}x raw: {_verdict(worst_memory <= GOAL_MEMORY)} (worst {worst_memory:.2f}x)")
    print(f"  {production} plan cold < {GOAL_COLD} s: {_verdict(statistics.median(cold) < GOAL_COLD)} "
          f"({statistics.median(cold):.3f} s)")
    if test_seconds is None:
        print(f"  make test < {GOAL_TEST:g} s: not measured (BENCH_MAKE_TEST=0)")
    else:
        print(f"  make test < {GOAL_TEST:g} s: {_verdict(test_seconds < GOAL_TEST)} ({test_seconds:.1f} s)")


if __name__ == "__main__":
    main()
