"""Extraction spread over processes, in input order and in bounded memory.

Each worker process loads the spaCy pipeline once and runs `nlp.pipe` over the batches
of articles it is sent; the fragments come back to this process in input order. At
most `IN_FLIGHT` batches per worker are queued or running, so a stream of any length is
extracted in constant memory. With one worker everything runs in this process.
"""

import multiprocessing
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from loaders.article import Article
from loaders.errors import PipelineError
from loaders.fragment import GraphFragment
from loaders.kb import KnownEntity
from loaders.pipeline import Extractor

Known = Mapping[str, KnownEntity] | None
IN_FLIGHT = 2  # batches per worker: one being extracted while the next waits its turn


def extract_in_order[T](
    items: Iterable[Article | T],
    extractor: Extractor,
    *,
    workers: int = 1,
    known: Callable[[], Known] = lambda: None,
) -> Iterator[GraphFragment | T]:
    """Each article's fragment, and every other item as it is, in input order.

    known is called once, when the first article comes: every item before it has been
    consumed by then (a fragment written first is known to the articles after it).
    """
    window: deque[Future[list[Any]]] = deque()
    pool: Executor | None = None
    batch: list[Article] = []
    try:
        for item in items:
            if isinstance(item, Article):
                pool = pool or _start(extractor, workers, known())
                batch.append(item)
                if len(batch) < extractor.batch_size:
                    continue
            batch = _send(batch, pool, window)
            if not isinstance(item, Article):
                window.append(_done([item]))
            yield from _ready(window, max(1, workers) * IN_FLIGHT)
        _send(batch, pool, window)
        yield from _ready(window, 0)
    except BrokenProcessPool as err:
        raise PipelineError(f"an extraction worker stopped (out of memory?): {err}") from err
    finally:
        if pool is not None:
            _stop(pool, finished=not window)


def _send(batch: list[Article], pool: Executor | None, window: deque[Future[Any]]) -> list[Article]:
    """Queue a batch's extraction behind what is in the window; the next batch starts empty."""
    if batch and pool is not None:
        window.append(pool.submit(_extract, batch))
    return []


def _ready(window: deque[Future[list[Any]]], limit: int) -> Iterator[Any]:
    """The finished results at the window's head; waits while it holds over limit."""
    while window and (len(window) > limit or window[0].done()):
        yield from window.popleft().result()


def _done(results: list[Any]) -> Future[list[Any]]:
    future: Future[list[Any]] = Future()
    future.set_result(results)
    return future


class InProcess(Executor):
    """An executor that runs each call at once in this process (one worker)."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        """The call's result (or exception) as a finished future."""
        future: Future[Any] = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except Exception as err:  # delivered through result(), as a process pool does
            future.set_exception(err)
        return future


def _start(extractor: Extractor, workers: int, known: Known) -> Executor:
    """The executor extraction runs on; each worker process loads the pipeline once."""
    if workers <= 1:
        _init(extractor, known, in_process=True)
        return InProcess()
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("spawn"),  # no engine socket or thread forked
        initializer=_init,
        initargs=(extractor, known),
    )


def _stop(pool: Executor, *, finished: bool) -> None:
    """Wait for the workers after a finished run; stop them at once after an interrupt."""
    _worker.clear()
    if finished or not isinstance(pool, ProcessPoolExecutor):
        pool.shutdown(wait=True)
        return
    pool.shutdown(wait=False, cancel_futures=True)
    # Python 3.14 has terminate_workers(); before it the processes are only reachable here.
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        process.terminate()


_worker: dict[str, Any] = {}  # this process's extractor and known entities


def _init(extractor: Extractor, known: Known, *, in_process: bool = False) -> None:
    """Set a worker up: load its pipeline once (a failure is raised by its first batch)."""
    if not in_process:  # Ctrl-C reaches the whole process group: the parent decides
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker.update(extractor=extractor, known=known, error=None)
    try:
        _ = extractor.nlp
    except PipelineError as err:
        _worker["error"] = err


def _extract(articles: list[Article]) -> list[GraphFragment]:
    """The fragments of one batch, through this worker's pipeline."""
    if _worker["error"] is not None:
        raise _worker["error"]
    return list(_worker["extractor"].extract(articles, _worker["known"]))
