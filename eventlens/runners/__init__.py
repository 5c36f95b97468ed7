"""Runners: where the partitions of a corpus are coded. One small interface, two engines.

    runner.prepare(coder_config)          let every worker load the pipeline and coder once (optional)
    runner.share(value) -> handle         a value every task reads (sent once per worker, not per task)
    runner.map_unordered(fn, items, *args) fn(item, *args) for every item, results as they finish;
                                          items are read lazily, a few ahead of the results
    runner.describe() -> str              for logs and run records
    runner.close()                        (runners are context managers)

`LocalRunner` is today's way of coding: this process, or a pool of forked processes (--processes).
`DaskRunner` (eventlens.runners.dask_runner) runs on Dask distributed: a LocalCluster of N worker
processes, or an existing cluster by its scheduler address. The CLI only chooses between them
(`make_runner`); the job (eventlens.runners.job) is the same on both.
"""
from __future__ import annotations

import functools
import multiprocessing as mp
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Any

ENGINES = ("local", "dask")


class Runner:
    """The interface. Subclasses implement map_unordered; the rest has sensible defaults."""

    name = "runner"

    def prepare(self, coder_config: dict) -> None:
        pass

    def share(self, value: Any) -> Any:
        return value

    def map_unordered(self, fn: Callable[..., Any], items: Iterable[Any], *args: Any) -> Iterator[Any]:
        raise NotImplementedError

    def describe(self) -> str:
        return self.name

    def close(self) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _call(fn, args, item):
    return fn(item, *args)


_SHARED: dict[str, Any] = {}


class Shared:
    """A value registered in this process before the pool forks: tasks carry its name, not the value."""

    __slots__ = ("token",)

    def __init__(self, token: str):
        self.token = token

    def get(self) -> Any:
        return _SHARED[self.token]


def resolve(value: Any) -> Any:
    """The value behind a LocalRunner.share handle; any other value as it is."""
    return value.get() if isinstance(value, Shared) else value


class LocalRunner(Runner):
    """Tasks in this process (processes=1) or in forked worker processes, each keeping its pipeline."""

    name = "local"

    def __init__(self, processes: int = 1):
        self.processes = max(1, int(processes))

    def describe(self) -> str:
        return f"local, {self.processes} process{'es' if self.processes > 1 else ''}"

    def share(self, value):
        if self.processes == 1:
            return value
        import uuid

        token = uuid.uuid4().hex
        _SHARED[token] = value  # forked workers inherit it
        return Shared(token)

    def map_unordered(self, fn, items, *args):
        if self.processes == 1:
            for item in items:
                yield fn(item, *args)
            return
        # Bound the items read ahead: Pool.imap_unordered would otherwise consume the whole input.
        slots = threading.BoundedSemaphore(self.processes * 2)

        def feed():
            for item in items:
                slots.acquire()
                yield item

        with mp.get_context("fork").Pool(self.processes) as pool:
            for result in pool.imap_unordered(functools.partial(_call, fn, args), feed()):
                slots.release()
                yield result


def make_runner(engine: str = "local", *, processes: int = 1, workers: int | None = None,
                scheduler: str | None = None) -> Runner:
    """The runner the command line asked for."""
    if engine == "local":
        return LocalRunner(processes)
    if engine == "dask":
        from .dask_runner import DaskRunner

        return DaskRunner(workers=workers, scheduler=scheduler)
    from ..errors import UsageError

    raise UsageError(f"unknown engine {engine!r}", fix=f"use one of {', '.join(ENGINES)}")


__all__ = ["ENGINES", "LocalRunner", "Runner", "Shared", "make_runner", "resolve"]
