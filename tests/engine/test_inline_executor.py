"""Monitor calls run in place during a plan (cli/inline_executor.py) and change nothing it shows: the records and
stack outputs of a tenant with an invoke (the firewall's outbound IPs) are the ones worker threads give, the
invoke still runs off the plan's event loop, and the loop's own executor is back once the plan is done."""

from __future__ import annotations

import asyncio
import contextlib
import threading

import pytest
from pulumi.runtime.sync_await import _ensure_event_loop

import cli.offline
from cli.inline_executor import calls_in_place, off_the_loop
from cli.offline import run_program
from tests.conftest import assert_same_plan, fixture_copy, fixture_stacks

WITH_INVOKE = "b2c-complete"  # its firewall calls auth0.get_outbound_ips


def _nothing_in_place(_loop):
    return contextlib.nullcontext()


@pytest.mark.parametrize("stack", fixture_stacks(WITH_INVOKE))
def test_a_plan_in_place_is_the_plan_on_worker_threads(stack, monkeypatch):
    project = fixture_copy(WITH_INVOKE).root
    in_place = run_program(project, stack)
    monkeypatch.setattr(cli.offline, "calls_in_place", _nothing_in_place)
    on_workers = run_program(project, stack)
    assert_same_plan(in_place, on_workers, "the worker threads' plan")


def test_registrations_run_on_the_loops_thread_and_invokes_off_it(monkeypatch):
    seen: dict[str, set[bool]] = {"register": set(), "invoke": set()}
    stock_register, stock_invoke = cli.offline._RecordingMonitor.RegisterResource, cli.offline.MockMonitor.Invoke

    def register(self, request):
        seen["register"].add(threading.current_thread() is threading.main_thread())
        return stock_register(self, request)

    def invoke(self, request):
        seen["invoke"].add(threading.current_thread() is threading.main_thread())
        return stock_invoke(self, request)

    monkeypatch.setattr(cli.offline._RecordingMonitor, "RegisterResource", register)
    monkeypatch.setattr(cli.offline.MockMonitor, "Invoke", invoke)
    run_program(fixture_copy(WITH_INVOKE).root, fixture_stacks(WITH_INVOKE)[0])
    assert seen["register"] == {True}, "every registration in place, on the plan's (main) thread"
    assert seen["invoke"] == {False}, "an invoke runs its own event loop: on a worker thread, never the plan's"


def test_the_loops_executor_is_back_after_a_plan_and_after_a_failure():
    loop = _ensure_event_loop()
    before = getattr(loop, "_default_executor", None)
    run_program(fixture_copy(WITH_INVOKE).root, fixture_stacks(WITH_INVOKE)[0])
    assert getattr(loop, "_default_executor", None) is before
    with pytest.raises(KeyError), calls_in_place(loop):
        raise KeyError("the plan failed")
    assert getattr(loop, "_default_executor", None) is before
    # What a caller after the plan runs in the executor runs on a worker thread again.
    worker = loop.run_until_complete(loop.run_in_executor(None, threading.current_thread))
    assert worker is not threading.main_thread()


def test_an_exception_in_place_reaches_the_awaiting_coroutine():
    loop = asyncio.new_event_loop()
    try:
        with calls_in_place(loop):
            future = loop.run_in_executor(None, int, "not a number")
            with pytest.raises(ValueError, match="not a number"):
                loop.run_until_complete(future)
            assert loop.run_until_complete(loop.run_in_executor(None, threading.current_thread)) is \
                threading.main_thread(), "in place: on the caller's thread"
    finally:
        loop.close()


def test_off_the_loop_leaves_the_loops_thread_only_when_a_loop_runs_there():
    assert off_the_loop(threading.current_thread) is threading.main_thread(), "no loop running: in place"

    async def from_a_callback():
        return off_the_loop(threading.current_thread)

    loop = asyncio.new_event_loop()
    try:
        assert loop.run_until_complete(from_a_callback()) is not threading.main_thread()
    finally:
        loop.close()
