"""Work on the next batches in a second process while this one stores the current.

An import is half reading, repairing and sanitising (pure Python, no database) and
half storing. On a machine with two cores the first half can run ahead in a forked
child, so that the import takes about as long as its storing alone.
"""

import itertools
import multiprocessing
import os
import pickle
import queue

AHEAD = 2  # batches the child may have ready before the parent takes them
POLL = 1.0  # seconds between checks that the child is still alive


def batches(items, size):
    items = iter(items)
    while batch := list(itertools.islice(items, size)):
        yield batch


def worked_ahead(source, work):
    """`work(batch)` for each batch of `source`, in order, computed in a forked child.

    The child must not touch the database (it shares the parent's connection).
    Where a child can't be forked (one core, or no `fork` on this system) or
    `work` is None, the batches pass through unchanged: `work` may only do what
    the caller would otherwise do itself.
    """
    forkable = "fork" in multiprocessing.get_all_start_methods()
    if work is None or not forkable or (os.cpu_count() or 1) < 2:
        yield from source
        return
    context = multiprocessing.get_context("fork")
    results = context.Queue(maxsize=AHEAD)
    child = context.Process(target=_produce, args=(source, work, results), daemon=True,
                            name="toasoan-import-ahead")
    child.start()
    try:
        while True:
            try:
                kind, value = results.get(timeout=POLL)
            except queue.Empty:
                if not child.is_alive():
                    raise RuntimeError("tiến trình đọc tệp nguồn dừng bất thường") from None
                continue
            if kind == "done":
                break
            if kind == "error":
                raise value
            yield value
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        results.close()


def _produce(source, work, results):
    try:
        for batch in source:
            results.put(("batch", work(batch)))
        results.put(("done", None))
    except BaseException as error:  # noqa: BLE001 - every failure goes to the parent
        results.put(("error", _picklable(error)))
    # Wait until the parent has everything: the queue's feeder thread must flush.
    results.close()
    results.join_thread()


def _picklable(error):
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:  # noqa: BLE001 - any exception that can't cross processes
        return RuntimeError(f"{type(error).__name__}: {error}")
    return error
