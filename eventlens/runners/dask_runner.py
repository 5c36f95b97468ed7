"""The Dask runner: partitions as tasks on a Dask distributed cluster.

`DaskRunner(workers=N)` starts a LocalCluster of N worker processes with one thread each (spaCy
gains nothing from threads under the GIL); `DaskRunner(scheduler="tcp://HOST:8786")` joins a running
cluster instead. Tasks carry only a partition's description (paths, byte ranges) and the job's small
settings; each worker reads its partition itself. Nothing big travels through the scheduler.

Each worker codes in a child process of its own, with a single thread (eventlens.runners.coder_process):
spaCy's parser runs ~13% slower in a process with threads, and a Dask worker always has some. A worker
plugin starts that coder process when the worker starts (and again when it restarts); it loads the
pipeline and the coder once, and codes the worker's partitions one after another.

Faults are Dask's to handle: a worker that dies (even by SIGKILL) takes its coder process with it, and
has its tasks run again on the others, up to `distributed.scheduler.allowed-failures` times; since a
partition always writes the same file names, a task run twice leaves the dataset as a task run once.
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
PLUGIN = "eventlens-pipeline"

# The Dask settings of the LocalCluster that --workers N starts (the scheduler and the nannies run in
# this process, each worker in its own). Dask's defaults wake each server (scheduler, nanny, worker) 50
# times a second to time its own event loop (`tick`), 10 times for the memory monitor and twice for the
# system monitor: together ~3% of a core for a 1-worker cluster doing nothing, CPU that the coder
# processes lose whenever the cores are all busy; with these settings ~0.7%. They change no result: the
# tick only measures the loop; memory is still checked twice a second, ahead of Dask's pause (80%) and
# restart (95%) thresholds; the system monitor feeds the dashboard alone.
LOCAL_CLUSTER_CONFIG = {
    # A statistical profiler walks the task thread's stack every 10 ms, a thread that only waits.
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.worker.memory.monitor-interval": "500ms",
    "distributed.admin.system-monitor.interval": "2s",
}


def _plugin_class():
    from distributed import WorkerPlugin

    class PipelinePlugin(WorkerPlugin):
        """Starts the worker's coder process (eventlens.runners.coder_process), which loads the spaCy
        pipeline and the coder once, when a worker starts (and when one restarts)."""

        name = PLUGIN

        def __init__(self, coder_config: dict):
            self.coder_config = coder_config
            self.process = None

        async def setup(self, worker):
            import dask

            from .coder_process import CoderProcess

            # Dask's statistical profiler walks the task thread's stack every 10 ms; the task thread
            # only waits for the coder process, so the walks are work for nothing.
            for name in ("profile", "profile-cycle"):
                callback = worker.periodic_callbacks.pop(name, None)
                if callback is not None:
                    callback.stop()
            self.process = CoderProcess(self.coder_config, memory_limit=worker.memory_manager.memory_limit,
                                        terminate=dask.config.get("distributed.worker.memory.terminate"))
            # Started from the event loop's thread, which lives as long as the worker (the coder
            # process dies with the thread that started it); the load, seconds, in another thread.
            self.process.spawn()
            await asyncio.get_running_loop().run_in_executor(None, self.process.start)

        def teardown(self, worker):
            if self.process is not None:
                self.process.close()

    return PipelinePlugin


def _in_coder_process(fn, item, *args):
    """A task on a worker: fn(item, *args) in the worker's coder process (the plugin's), or, on a
    worker without one (no `prepare`), in this thread."""
    from distributed import get_worker

    from .coder_process import SharedValue

    plugin = get_worker().plugins.get(PLUGIN)
    process = getattr(plugin, "process", None)
    if process is None:
        return fn(item, *(a.value if isinstance(a, SharedValue) else a for a in args))
    return process.call(fn, item, *args)


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

            # (Dask's workers start with MALLOC_TRIM_THRESHOLD_=65536, a system call for most frees; the
            # coder processes leave it out, on this cluster and on any other.)
            with dask.config.set(LOCAL_CLUSTER_CONFIG):
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
        from .coder_process import SharedValue

        return self.client.scatter(SharedValue(value), broadcast=True, hash=False)

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
            pending.add(self.client.submit(_in_coder_process, fn, item, *args, key=key, retries=self.retries,
                                           pure=False))
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
                    self.client.unregister_worker_plugin(PLUGIN)
                except Exception:
                    pass
            self.client.close()
        finally:
            if self.cluster is not None:
                self.cluster.close()


__all__ = ["DaskRunner", "SCHEDULER_ENV"]
