"""The Dask runner: partitions as tasks on a Dask distributed cluster.

`DaskRunner(workers=N)` starts a LocalCluster of N worker processes with one thread each (spaCy
gains nothing from threads under the GIL); `DaskRunner(scheduler="tcp://HOST:8786")` joins a running
cluster instead. Tasks carry only a partition's description (paths, byte ranges) and the job's small
settings; each worker reads its partition itself, and loads the pipeline and coder once, when it
starts (a worker plugin) or at its first task. Nothing big travels through the scheduler.

Faults are Dask's to handle: a worker that dies (even by SIGKILL) has its tasks run again on the
others, up to `distributed.scheduler.allowed-failures` times; since a partition always writes the same
file names, a task run twice leaves the dataset as a task run once.
"""
from __future__ import annotations

import asyncio
import itertools
import os
import uuid
from collections.abc import Iterator
from typing import Any

from ..errors import EventlensError, UsageError
from . import Runner

SCHEDULER_ENV = "DASK_SCHEDULER_ADDRESS"


def _plugin_class():
    from distributed import WorkerPlugin

    class PipelinePlugin(WorkerPlugin):
        """Loads the spaCy pipeline and the coder when a worker starts (and when one restarts)."""

        name = "eventlens-pipeline"

        def __init__(self, coder_config: dict):
            self.coder_config = coder_config

        async def setup(self, worker):
            from .job import worker_state

            # Dask's statistical profiler walks the task thread's stack every 10 ms; spaCy's stacks are
            # deep, and the walks cost the coder several per cent. The dashboard's profile page is lost.
            for name in ("profile", "profile-cycle"):
                callback = worker.periodic_callbacks.pop(name, None)
                if callback is not None:
                    callback.stop()
            # In a thread: loading takes seconds and must not stall the worker's event loop.
            await asyncio.get_running_loop().run_in_executor(None, worker_state, self.coder_config)

    return PipelinePlugin


class DaskRunner(Runner):
    name = "dask"

    def __init__(self, workers: int | None = None, scheduler: str | None = None, *, retries: int = 1,
                 silence_logs: int | None = None):
        import logging

        from distributed import Client, LocalCluster

        self.cluster = None
        self.retries = retries
        if scheduler:
            try:
                self.client = Client(scheduler, timeout="30s")
            except (OSError, TimeoutError) as exc:
                raise UsageError(f"cannot reach the Dask scheduler ({exc})", where=scheduler,
                                 fix="start one with `dask scheduler` and `dask worker`, or use --workers N") from None
        else:
            workers = workers or os.cpu_count() or 1
            import dask

            # Dask's workers start with MALLOC_TRIM_THRESHOLD_=65536, which keeps their memory small at
            # the price of a system call for most frees: spaCy frees many small arrays, and the coder
            # spent ~15% more CPU time with it. The thread limits of Dask's defaults are kept.
            environ = {k: v for k, v in dask.config.get("distributed.nanny.pre-spawn-environ").items()
                       if k != "MALLOC_TRIM_THRESHOLD_"}
            with dask.config.set({"distributed.worker.profile.enabled": False,
                                  "distributed.nanny.pre-spawn-environ": environ}):
                self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                            dashboard_address=None,
                                            silence_logs=silence_logs if silence_logs is not None else logging.ERROR)
            self.client = Client(self.cluster)
        self.scheduler = self.client.scheduler.address
        self._counter = itertools.count()
        self._run = uuid.uuid4().hex[:8]
        self._description = "dask"
        self.describe()

    def describe(self) -> str:
        if self.client.status == "running":
            where = f"LocalCluster of {len(self.client.nthreads())} workers" if self.cluster else self.scheduler
            self._description = f"dask, {where}, {self.slots()} threads"
        return self._description

    def slots(self) -> int:
        return max(1, sum(self.client.nthreads().values()))

    def prepare(self, coder_config: dict) -> None:
        self.client.register_plugin(_plugin_class()(coder_config))

    def share(self, value: Any) -> Any:
        return self.client.scatter(value, broadcast=True, hash=False)

    def map_unordered(self, fn, items, *args) -> Iterator[Any]:
        from distributed import as_completed

        source = iter(items)
        pending = as_completed()
        running = 0

        def submit_one() -> bool:
            item = next(source, None)
            if item is None:
                return False
            key = f"eventlens-{getattr(fn, '__name__', 'task')}-{self._run}-{next(self._counter)}"
            pending.add(self.client.submit(fn, item, *args, key=key, retries=self.retries, pure=False))
            return True

        # A few partitions per thread in flight: enough to keep every worker busy, few enough that a
        # huge corpus is never listed into the scheduler at once.
        while running < 2 * self.slots() and submit_one():
            running += 1
        from distributed import KilledWorker

        for future in pending:
            try:
                result = future.result()
            except KilledWorker as exc:
                raise EventlensError("Dask gave a partition up: every worker that ran it died", where=str(exc.task),
                                     fix="read the worker logs: a partition too big for the worker's memory? "
                                         "lower --partition-size or give workers more memory") from None
            future.release()
            running -= 1
            yield result
            while running < 2 * self.slots() and submit_one():
                running += 1

    def close(self) -> None:
        try:
            if self.cluster is None and self.client.status == "running":
                try:  # a shared cluster's new workers should not load eventlens for nothing
                    self.client.unregister_worker_plugin("eventlens-pipeline")
                except Exception:
                    pass
            self.client.close()
        finally:
            if self.cluster is not None:
                self.cluster.close()


__all__ = ["DaskRunner", "SCHEDULER_ENV"]
