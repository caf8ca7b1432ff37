"""The garbage collector tuned for a plan: a short batch that frees almost nothing until it ends.

With the default thresholds the collector runs full collections over an ever larger heap (a third of the time
at a few thousand resources). Young collections alone still cost a plan of 8,000 resources 2.6 s of its 17 s,
a share that grew with the size: each one finalizes some of the SDK's cyclic garbage (futures and the callbacks
that hold them), which the process frees anyway when it ends. So during a run the collector is off; the garbage
it would have reclaimed stays until then. Most of it was a closure per check for unknowns, which cli/lean_sdk.py
no longer makes: at 8,000 resources the peak is now the same with the collector off as on (552 and 553 MiB;
570 MiB off before). What was loaded before the run is frozen out of the collector's view, and what
the run made goes to the oldest generation after it rather than to one young collection of everything. Imports
are such a batch too, so a CLI that plans raises the thresholds before its own.
"""

from __future__ import annotations

import contextlib
import gc

IMPORT_THRESHOLDS = (20_000, 50, 1_000_000)
_planned_before = False


def for_this_process() -> None:
    """At a CLI's start, before the heavy imports."""
    gc.set_threshold(*IMPORT_THRESHOLDS)


@contextlib.contextmanager
def batch_gc():
    """The collector off for one plan, as it was afterwards (tests and other in-process callers run many)."""
    global _planned_before
    enabled = gc.isenabled()
    if _planned_before:  # what an earlier plan left; before the first, the heap holds only the imports
        gc.collect()
    _planned_before = True
    gc.freeze()
    gc.disable()
    try:
        yield
    finally:
        # Every object now joins the oldest generation in two list moves. Re-enabled as they were, the millions a
        # run left young would be the next young collection's (a second at 8,000 resources, as the CLI ends).
        gc.freeze()
        gc.unfreeze()
        if enabled:
            gc.enable()
