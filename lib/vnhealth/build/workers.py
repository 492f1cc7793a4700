"""The build's forked worker processes: how they start, end and die with the build, and the
extraction of a large build's documents over two processes.

A worker is forked (it shares the parent's compiled state without pickling it) with the stop
signals held, sets its own handlers, and dies with its parent even when the parent is
SIGKILLed. The build stops its workers itself on failure or interrupt (terminate_pool).
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:  # the build's library worker (vnhealth.build.writer) starts without them
    from vnhealth.extract import DocumentExtraction, Vocabulary
    from vnhealth.inputs.catalog import Document


def stop_signals() -> set[int]:
    import signal

    names = ("SIGINT", "SIGTERM", "SIGHUP")
    return {getattr(signal, n) for n in names if hasattr(signal, n)}


@contextmanager
def stop_signals_blocked() -> Iterator[None]:
    """Hold SIGINT, SIGTERM and SIGHUP while the worker is forked. A Python handler that raised
    in the middle of a fork would either be swallowed (in an at-fork callback: the build goes
    on) or unwind the child through its copy of the parent's stack. The child inherits the
    mask and lifts it once its own handlers are set (worker_signals)."""
    import signal

    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, stop_signals())
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def worker_signals(parent: int) -> None:
    """Set up how a forked worker ends: SIGTERM and SIGHUP kill it, SIGINT is ignored, and it
    dies with `parent`."""
    import signal

    # The fork inherits the CLI's handlers: a worker that turned SIGTERM into an exception
    # would catch it as a task failure and live on, so SIGTERM (and SIGHUP) kill it again.
    # Ctrl-C in a terminal reaches the whole process group; the build stops its workers
    # itself, so a worker ignores SIGINT rather than print a traceback of its own.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "SIGHUP"):
        signal.signal(signal.SIGHUP, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, stop_signals())  # see stop_signals_blocked
    _die_with_parent(parent)


PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def _die_with_parent(parent: int) -> None:
    """Make this process end as soon as `parent` does, even when the parent is SIGKILLed.

    On Linux the kernel itself kills the worker when its parent dies (prctl PR_SET_PDEATHSIG):
    it needs nothing from the worker, so it works while the worker is deep in pandas or DuckDB
    code that holds the GIL, where a polling thread would have to wait its turn. Elsewhere (macOS
    has fork but no prctl) a daemon thread polls os.getppid() twice a second.
    """
    import signal
    import sys
    import threading

    if sys.platform.startswith("linux"):
        import ctypes

        try:
            libc = ctypes.CDLL(None, use_errno=True)
            armed = libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0) == 0
        except (OSError, AttributeError):
            armed = False
        if armed:
            # the parent may have died between fork and prctl: then no signal will come
            if os.getppid() != parent:
                os._exit(1)
            return
    threading.Thread(target=_exit_when_orphaned, args=(parent,), daemon=True).start()


def _exit_when_orphaned(parent: int) -> None:
    # An orphan is re-parented (to init or a subreaper), so its parent id changes.
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def terminate_pool(pool: ProcessPoolExecutor) -> None:
    """End a pool's workers now, without waiting for the task they are running."""
    # ProcessPoolExecutor has no public way to end a running task (terminate_workers()
    # comes with Python 3.14); its process table is the documented-by-source way in.
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for p in processes:
        p.terminate()
    for p in processes:
        p.join(5)
        if p.is_alive():
            p.kill()
            p.join()
    pool.shutdown(wait=True, cancel_futures=True)


# A build with at least this much text extracts on two processes: below it, forking and
# sending the results back cost more than they save.
PARALLEL_MIN_BYTES = 400_000
# What a forked extraction worker reads: set just before the fork, never pickled.
_FORKED: _Shared | None = None


class _Shared(NamedTuple):
    """The extraction both processes share: the documents largest first, and the index of
    the next one to take (in shared memory), so that neither waits while the other works."""

    vocab: Vocabulary
    raw: dict[str, list[str]]
    order: list[Document]
    taken: Any  # multiprocessing.Value("i")


def extract_all(vocab: Vocabulary, docs: list[Document], raw: dict[str, list[str]],
                n_bytes: dict[str, int]) -> dict[str, DocumentExtraction]:
    """Each document's extraction, in manifest order. A large build on a machine with two
    cores or more shares its documents between this process and one forked worker, each
    taking the next largest left; the result is the same either way."""
    if extraction_processes(sum(n_bytes.values())) < 2:
        from vnhealth.extract import extract_document

        return {doc.id: extract_document(vocab, doc, raw[doc.id]) for doc in docs}
    import multiprocessing as mp

    fork = mp.get_context("fork")
    global _FORKED
    _FORKED = _Shared(vocab, raw, sorted(docs, key=lambda d: -n_bytes[d.id]),
                      fork.Value("i", 0))
    pool = ProcessPoolExecutor(1, mp_context=fork, initializer=worker_signals,
                               initargs=(os.getpid(),))
    try:
        with stop_signals_blocked():
            future = pool.submit(_extract_shared)
        out = _extract_shared()
        out.update(future.result())
    except BaseException:
        terminate_pool(pool)  # failed or interrupted: the worker must not outlive the build
        raise
    finally:
        _FORKED = None
    pool.shutdown(wait=True)
    return {doc.id: out[doc.id] for doc in docs}


def extraction_processes(total_bytes: int) -> int:
    """How many processes extract a build of `total_bytes`: two for a large build on a
    machine with two cores or more that can fork, else one."""
    return 2 if total_bytes >= PARALLEL_MIN_BYTES and _cores() >= 2 and _can_fork() else 1


def _extract_shared() -> dict[str, DocumentExtraction]:
    """Extract the shared documents one by one, each the next nobody has taken yet."""
    from vnhealth.extract import extract_document

    assert _FORKED is not None, "extraction started without its shared state"
    vocab, raw, order, taken = _FORKED
    out: dict[str, DocumentExtraction] = {}
    while True:
        with taken.get_lock():
            k = taken.value
            taken.value = k + 1
        if k >= len(order):
            return out
        out[order[k].id] = extract_document(vocab, order[k], raw[order[k].id])


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _can_fork() -> bool:
    import multiprocessing as mp

    return "fork" in mp.get_all_start_methods()
