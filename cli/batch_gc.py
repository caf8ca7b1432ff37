"""The garbage collector tuned for a plan: a short batch that frees almost nothing until it ends.

With the default thresholds the collector runs full collections over an ever larger heap (a third of the time
at a few thousand resources). During a run, young collections stay (they reclaim the SDK's short-lived cycles,
keeping peak memory flat) and full ones become rare; what was loaded before the run is frozen out of the
collector's view. Imports are such a batch too, so a CLI that plans tunes the collector before its own.
"""

from __future__ import annotations

import contextlib
import gc

BATCH_THRESHOLDS = (20_000, 50, 1_000_000)
_planned_before = False


def for_this_process() -> None:
    """At a CLI's start, before the heavy imports."""
    gc.set_threshold(*BATCH_THRESHOLDS)


@contextlib.contextmanager
def batch_gc():
    """The collector tuned for one plan, restored afterwards (tests and other in-process callers run many)."""
    global _planned_before
    thresholds = gc.get_threshold()
    if _planned_before:  # what an earlier plan left; before the first, the heap holds only the imports
        gc.collect()
    _planned_before = True
    gc.freeze()
    gc.set_threshold(*BATCH_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()
